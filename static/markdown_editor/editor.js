/* The admin's Markdown editor (angers_intl/widgets.py, templates/angers_intl/widgets/markdown_editor.html):
 * shows the toolbar and the preview that the page holds hidden (without JavaScript the textarea works alone),
 * and updates the preview 300 ms after staff stop typing, through the admin's preview endpoint (POST with
 * the form's CSRF token). Every message comes from the page, in the staff member's language.
 * The preview never takes the focus and its links do not leave the form.
 * A static file loaded with `defer` (the admin's Content-Security-Policy allows no inline script). */
"use strict";
(function () {
  var DELAY = 300;

  function csrfToken(editor) {
    var form = editor.closest("form");
    var input = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  // Links in the preview are there to be read, not followed: following one would leave the form.
  function keepLinksInert(preview) {
    preview.querySelectorAll("a").forEach(function (link) {
      link.setAttribute("tabindex", "-1");
    });
  }

  // The toolbar is one tab stop, its current button (the first at the start); the arrow keys, Home and End
  // move between the buttons (WAI-ARIA toolbar pattern). Done here rather than by the element, which the
  // template tells to keep out (data-no-focus): modeltranslation's tabs move the form's rows, and each move
  // makes the element set its own tab stop and add one more Enter/Space handler.
  function keyboard(toolbar) {
    var buttons = Array.prototype.slice.call(toolbar.querySelectorAll("button"));
    buttons.forEach(function (button, index) {
      button.setAttribute("tabindex", index === 0 ? "0" : "-1");
      // A <button> turns Enter and Space into a click, which applies the format once; the element's own
      // key handlers would apply it again (and again, after each move).
      button.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.stopPropagation();
        }
      });
    });
    toolbar.addEventListener("keydown", function (event) {
      var index = buttons.indexOf(event.target);
      var moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: buttons.length - 1 };
      if (index === -1 || !(event.key in moves)) {
        return;
      }
      var next = (moves[event.key] + buttons.length) % buttons.length;
      event.preventDefault();
      buttons.forEach(function (button, position) {
        button.setAttribute("tabindex", position === next ? "0" : "-1");
      });
      buttons[next].focus();
    });
  }

  function enhance(editor) {
    // The template row of an inline (class "empty-form") is copied when staff add a row, then enhanced.
    if (editor.hasAttribute("data-enhanced") || editor.closest(".empty-form")) {
      return;
    }
    var textarea = editor.querySelector("textarea");
    var toolbar = editor.querySelector("markdown-toolbar");
    var region = editor.querySelector(".markdown-editor__preview");
    var preview = region.querySelector(".markdown-preview");
    var status = region.querySelector(".markdown-editor__status");
    var caption = editor.querySelector(".markdown-editor__caption");
    editor.setAttribute("data-enhanced", "");

    // Django's inlines.js renames the id, name and for attributes of a new row; aria-controls follows here.
    toolbar.setAttribute("for", textarea.id);
    toolbar.querySelectorAll("button").forEach(function (button) {
      button.setAttribute("aria-controls", textarea.id);
    });
    toolbar.hidden = false;
    caption.hidden = false;
    keyboard(toolbar);
    region.hidden = false;
    keepLinksInert(preview);
    preview.addEventListener("click", function (event) {
      if (event.target.closest("a")) {
        event.preventDefault();
      }
    });

    var timer = null;
    var pending = null;

    function showError(message) {
      status.textContent = message;
      status.hidden = false;
    }

    function update() {
      if (pending) {
        pending.abort();
      }
      var controller = new AbortController();
      pending = controller;
      var body = new URLSearchParams();
      body.set("text", textarea.value);
      body.set("language", editor.getAttribute("data-language") || "");
      fetch(editor.getAttribute("data-preview-url"), {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(editor), Accept: "application/json" },
        signal: controller.signal,
      })
        .then(function (response) {
          return response.json().then(
            function (payload) {
              return { ok: response.ok, payload: payload };
            },
            function () {
              return { ok: false, payload: {} };
            }
          );
        })
        .then(function (result) {
          if (pending !== controller) {
            return;
          }
          pending = null;
          if (result.ok && typeof result.payload.html === "string") {
            preview.innerHTML = result.payload.html;
            keepLinksInert(preview);
            status.hidden = true;
            status.textContent = "";
          } else {
            showError(result.payload.error || editor.getAttribute("data-failed-message"));
          }
        })
        .catch(function (error) {
          if (error.name !== "AbortError") {
            showError(editor.getAttribute("data-failed-message"));
          }
        });
    }

    // Typing, and the toolbar's changes (it sends "input" too).
    textarea.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, DELAY);
    });
  }

  function enhanceWithin(root) {
    root.querySelectorAll(".markdown-editor").forEach(enhance);
  }

  enhanceWithin(document);
  // A row added to an inline (Django's inlines.js sends this event on the new row).
  document.addEventListener("formset:added", function (event) {
    enhanceWithin(event.target);
  });
})();
