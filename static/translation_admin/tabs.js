/* Language tabs of the admin (modeltranslation): make a validation error in a hidden tab visible.
 * Django 6's admin puts the "errors" class on an element inside the row that modeltranslation moves
 * into a tab, so its own script does not notice the error. Here every tab whose panel holds an error
 * gets a class and a "⚠", and each group of tabs opens on its first tab with an error.
 * Loaded with `defer`; without JavaScript there are no tabs and every field is visible anyway. */
"use strict";
(function () {
  var jQuery = window.django && window.django.jQuery;
  if (!jQuery) {
    return;
  }
  var labels = { fr: "contient une erreur", en: "contains an error" };
  var label = labels[(document.documentElement.lang || "en").slice(0, 2)] || labels.en;

  function markTabsWithErrors($) {
    $(".ui-tabs").each(function () {
      var container = $(this);
      var firstWithError = null;
      container.children(".ui-tabs-nav").children("li").each(function (index) {
        var tab = $(this);
        var panel = document.getElementById(tab.attr("aria-controls") || "");
        if (!panel || !panel.querySelector(".errors, .errorlist")) {
          return;
        }
        tab.addClass("ui-tab-has-errors mt-tab-has-errors");
        var link = tab.children("a");
        if (!link.children(".mt-tab-error-sign").length) {
          link.append($('<span class="mt-tab-error-sign"></span>').text(" ⚠").attr("title", label));
          link.attr("aria-label", link.text().replace(" ⚠", "") + " (" + label + ")");
        }
        if (firstWithError === null) {
          firstWithError = index;
        }
      });
      if (firstWithError !== null) {
        container.tabs("option", "active", firstWithError);
      }
    });
  }

  // Runs after modeltranslation's own ready handler (registered earlier), so the tabs exist.
  jQuery(function ($) {
    markTabsWithErrors($);
  });
})();
