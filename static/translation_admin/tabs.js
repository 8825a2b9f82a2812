/* Language tabs of the translated admin forms, after the WAI-ARIA tabs pattern (our own script: it
 * replaces modeltranslation's, which nested a link in a focusable list item and named each tab "fr").
 *
 * - Each translated field (modeltranslation's `mt-field-<name>-<language>` classes) of a form or a stacked
 *   inline becomes a tab list: one tab per language, named after the field and the language ("Nom – English"),
 *   the list labelled by the field's own label; arrow keys, Home and End move between the tabs.
 * - A switch above the form ("Language of every field"), with a visible name, shows one language in every
 *   field at once; it stays in step with the tabs (when the fields show different languages, no language of
 *   the switch is pressed and it says so).
 * - A tab whose field holds a validation error is marked ("⚠", the class `mt-tab-has-errors`, and its name
 *   says so), and the field opens on it.
 * - A link to a field in one language opens that field's tab and focuses the field (the translation report,
 *   angers_intl/translation_report.py): `#id_summary_en` for a field of the form, and
 *   `#inline-milestones-12-title_en` for the field of the inline record whose id is 12.
 * - Tabular inlines keep their language columns side by side: a table row already shows both.
 * The words come from `<template id="translation-tabs-text">` (templates/admin/base_site.html, gettext).
 * Loaded with `defer`; without JavaScript there are no tabs and every field is visible anyway. */
"use strict";
(function () {
  var CLASS_PREFIX = "mt-field-";
  var groups = [];
  var mainSwitch = null;
  var words = readWords();
  var pageLanguage = (document.documentElement.lang || "").toLowerCase().replace("-", "_");

  function readWords() {
    var source = document.getElementById("translation-tabs-text");
    var data = source ? source.dataset : {};
    return {
      switchLabel: data.switchLabel || "Language of every field",
      mixed: data.mixed || "the fields show different languages",
      error: data.error || "contains an error",
    };
  }

  function languageName(code) {
    var tag = code.replace("_", "-");
    try {
      var name = new Intl.DisplayNames([tag], { type: "language" }).of(tag);
      return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
    } catch (error) {
      return tag;
    }
  }

  function translationLanguage(field) {
    for (var i = 0; i < field.classList.length; i += 1) {
      var name = field.classList[i];
      if (name.indexOf(CLASS_PREFIX) === 0) {
        var bits = name.slice(CLASS_PREFIX.length).split("-");
        return bits[bits.length - 1];
      }
    }
    return null;
  }

  function labelOf(field) {
    return document.querySelector('label[for="' + field.id + '"]');
  }

  // "Nom [fr] :" → "Nom": the language is the tab's.
  function withoutLanguage(text) {
    return text.replace(/\s*\[[^\]]+\]/, "").replace(/[\s\u00a0]*:$/, "").trim();
  }

  function collectGroups(root) {
    var found = {};
    var order = [];
    root.querySelectorAll("input.mt, textarea.mt, select.mt").forEach(function (field) {
      if (!field.id || field.id.indexOf("__prefix__") !== -1 || field.closest(".tabular, .empty-form")) {
        return;
      }
      if (field.closest(".mt-tabs")) {
        return; // already in tabs
      }
      var language = translationLanguage(field);
      if (!language) {
        return;
      }
      var key = field.id.slice(0, -(language.length + 1));
      if (!found[key]) {
        found[key] = [];
        order.push(key);
      }
      found[key].push({ language: language, field: field, row: field.closest(".form-row") });
    });
    return order.map(function (key) {
      return found[key];
    });
  }

  function hasError(row) {
    return row.classList.contains("errors") || row.querySelector(".errors, .errorlist") !== null;
  }

  function buildGroup(members) {
    var rows = members.map(function (member) {
      return member.row;
    });
    var distinctRows = rows.filter(function (row, index) {
      return row && rows.indexOf(row) === index;
    });
    if (members.length < 2 || distinctRows.length !== members.length) {
      return null;
    }
    var firstLabel = labelOf(members[0].field);
    var fieldName = withoutLanguage(firstLabel ? firstLabel.textContent : members[0].field.name);
    members.forEach(function (member) {
      var label = labelOf(member.field);
      if (label && label.firstChild && label.firstChild.nodeType === Node.TEXT_NODE) {
        label.firstChild.nodeValue = label.firstChild.nodeValue.replace(/\s*\[[^\]]+\]/, "");
      }
    });

    var container = document.createElement("div");
    container.className = "mt-tabs";
    rows[0].parentNode.insertBefore(container, rows[0]);
    var list = document.createElement("div");
    list.className = "mt-tabs__list";
    list.setAttribute("role", "tablist");
    if (firstLabel) {
      firstLabel.id = firstLabel.id || members[0].field.id + "_label";
      list.setAttribute("aria-labelledby", firstLabel.id);
    } else {
      list.setAttribute("aria-label", fieldName);
    }
    container.appendChild(list);

    var group = { container: container, members: members, active: null };
    members.forEach(function (member) {
      var tab = document.createElement("button");
      tab.type = "button";
      tab.className = "mt-tabs__tab";
      tab.id = "mt-tab-" + member.field.id;
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", "tab_" + member.field.id);
      tab.dataset.language = member.language;
      var name = document.createElement("span");
      name.lang = member.language.replace("_", "-");
      name.textContent = languageName(member.language);
      tab.appendChild(name);
      var accessibleName = fieldName + " – " + languageName(member.language);
      member.hasError = hasError(member.row);
      if (member.hasError) {
        tab.classList.add("mt-tab-has-errors");
        var sign = document.createElement("span");
        sign.className = "mt-tab-error-sign";
        sign.setAttribute("aria-hidden", "true");
        sign.textContent = " ⚠";
        tab.appendChild(sign);
        accessibleName += " (" + words.error + ")";
      }
      tab.setAttribute("aria-label", accessibleName);
      list.appendChild(tab);

      var panel = document.createElement("div");
      panel.className = "mt-tabs__panel";
      panel.id = "tab_" + member.field.id;
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      panel.appendChild(member.row);
      container.appendChild(panel);
      member.tab = tab;
      member.panel = panel;

      tab.addEventListener("click", function () {
        select(group, member.language);
        updateSwitch();
      });
      tab.addEventListener("keydown", function (event) {
        var index = members.indexOf(member);
        var next = null;
        if (event.key === "ArrowRight" || event.key === "ArrowDown") {
          next = members[(index + 1) % members.length];
        } else if (event.key === "ArrowLeft" || event.key === "ArrowUp") {
          next = members[(index - 1 + members.length) % members.length];
        } else if (event.key === "Home") {
          next = members[0];
        } else if (event.key === "End") {
          next = members[members.length - 1];
        }
        if (next) {
          event.preventDefault();
          select(group, next.language);
          next.tab.focus();
          updateSwitch();
        }
      });
    });
    return group;
  }

  function select(group, language) {
    var chosen = group.members.some(function (member) {
      return member.language === language;
    });
    if (!chosen) {
      return;
    }
    group.active = language;
    group.members.forEach(function (member) {
      var selected = member.language === language;
      member.tab.setAttribute("aria-selected", selected ? "true" : "false");
      member.tab.tabIndex = selected ? 0 : -1;
      member.panel.hidden = !selected;
    });
  }

  function initialLanguage(group, preferred) {
    var withError = group.members.filter(function (member) {
      return member.hasError;
    })[0];
    if (withError) {
      return withError.language;
    }
    var languages = group.members.map(function (member) {
      return member.language;
    });
    if (preferred && languages.indexOf(preferred) !== -1) {
      return preferred;
    }
    return languages.indexOf(pageLanguage) !== -1 ? pageLanguage : languages[0];
  }

  function commonLanguage() {
    var languages = groups.map(function (group) {
      return group.active;
    });
    return languages.every(function (language) {
      return language === languages[0];
    })
      ? languages[0]
      : null;
  }

  function buildSwitch(form, languages) {
    var box = document.createElement("div");
    box.className = "mt-switch";
    box.setAttribute("role", "group");
    box.setAttribute("aria-labelledby", "mt-switch-label");
    var label = document.createElement("span");
    label.id = "mt-switch-label";
    label.className = "mt-switch__label";
    label.textContent = words.switchLabel;
    box.appendChild(label);
    var buttons = languages.map(function (language) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "mt-switch__button";
      button.lang = language.replace("_", "-");
      button.dataset.language = language;
      button.textContent = languageName(language);
      button.addEventListener("click", function () {
        groups.forEach(function (group) {
          select(group, language);
        });
        updateSwitch();
      });
      box.appendChild(button);
      return button;
    });
    var state = document.createElement("span");
    state.className = "mt-switch__state";
    state.setAttribute("aria-live", "polite");
    box.appendChild(state);
    var anchor = form.querySelector("fieldset, .inline-group");
    anchor.parentNode.insertBefore(box, anchor);
    return { buttons: buttons, state: state };
  }

  function ensureSwitch(form) {
    if (!mainSwitch && groups.length) {
      var languages = [];
      groups.forEach(function (group) {
        group.members.forEach(function (member) {
          if (languages.indexOf(member.language) === -1) {
            languages.push(member.language);
          }
        });
      });
      mainSwitch = buildSwitch(form, languages);
    }
    updateSwitch();
  }

  function updateSwitch() {
    if (!mainSwitch) {
      return;
    }
    var common = commonLanguage();
    mainSwitch.buttons.forEach(function (button) {
      button.setAttribute("aria-pressed", button.dataset.language === common ? "true" : "false");
    });
    mainSwitch.state.textContent = common ? "" : "(" + words.mixed + ")";
  }

  function addGroups(root, preferred) {
    collectGroups(root).forEach(function (members) {
      var group = buildGroup(members);
      if (group) {
        select(group, initialLanguage(group, preferred));
        groups.push(group);
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

  function openFieldFromHash() {
    var field = fieldFromHash();
    if (!field) {
      return;
    }
    groups.forEach(function (group) {
      group.members.forEach(function (member) {
        if (member.field === field) {
          select(group, member.language);
        }
      });
    });
    updateSwitch();
    var details = field.closest("details");
    if (details) {
      details.open = true;
    }
    field.focus();
    field.scrollIntoView({ block: "center" });
  }

  function start() {
    var form = document.querySelector("body.change-form #content-main form");
    if (!form) {
      return;
    }
    addGroups(form, null);
    ensureSwitch(form);
    // A stacked inline row added with "Add another": its fields get tabs, in the switch's language.
    document.addEventListener("formset:added", function (event) {
      addGroups(event.target, groups.length ? commonLanguage() : null);
      ensureSwitch(form);
    });
    openFieldFromHash();
    window.addEventListener("hashchange", openFieldFromHash);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
