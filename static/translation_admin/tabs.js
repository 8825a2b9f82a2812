/* Language tabs of the admin (modeltranslation): make a validation error in a hidden tab visible.
 * Django 6's admin puts the "errors" class on an element inside the row that modeltranslation moves
 * into a tab, so its own script does not notice the error. Here every tab whose panel holds an error
 * gets a class and a "⚠", and each group of tabs opens on its first tab with an error.
 * A link to a field in one language opens that field's tab and focuses the field (the translation report,
 * angers_intl/translation_report.py): `#id_summary_en` for a field of the form, and
 * `#inline-milestones-12-title_en` for the field of the inline record whose id is 12.
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

  function fieldFromHash() {
    var hash = decodeURIComponent(window.location.hash.slice(1));
    var inline = /^inline-([\w]+)-(\d+)-([\w]+)$/.exec(hash);
    if (!inline) {
      return /^id_[\w-]+$/.test(hash) ? document.getElementById(hash) : null;
    }
    var ids = document.querySelectorAll('input[type="hidden"][name^="' + inline[1] + '-"][name$="-id"]');
    for (var i = 0; i < ids.length; i += 1) {
      if (ids[i].value === inline[2]) {
        var prefix = ids[i].name.slice(0, -"-id".length);
        return document.getElementById("id_" + prefix + "-" + inline[3]);
      }
    }
    return null;
  }

  function openFieldFromHash($) {
    var field = fieldFromHash();
    if (!field) {
      return;
    }
    var panel = document.getElementById("tab_" + field.id);
    if (panel) {
      var container = $(panel).closest(".ui-tabs");
      var index = container.children(".ui-tabs-nav").children("li").index(
        container.children(".ui-tabs-nav").children('li[aria-controls="' + panel.id + '"]')
      );
      if (index >= 0) {
        container.tabs("option", "active", index);
      }
    }
    var details = field.closest("details");
    if (details) {
      details.open = true;
    }
    field.focus();
    field.scrollIntoView({ block: "center" });
  }

  // Runs after modeltranslation's own ready handler (registered earlier), so the tabs exist.
  jQuery(function ($) {
    markTabsWithErrors($);
    openFieldFromHash($);
    window.addEventListener("hashchange", function () {
      openFieldFromHash($);
    });
  });
})();
