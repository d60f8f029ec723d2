// After htmx swaps a Today item for its outcome, move focus there so keyboard and screen-reader
// users are not dropped back at the top of the page.
document.addEventListener("htmx:afterSwap", function (event) {
  var target = document.querySelector("[data-focus]");
  if (target) {
    target.removeAttribute("data-focus");
    target.focus();
  }
});

// When a form comes back with a problem, start at the field it names, so nobody has to hunt for
// the message (it is tied to the field with aria-describedby).
document.addEventListener("DOMContentLoaded", function () {
  var field = document.querySelector(
    ".has-error input, .has-error textarea, .has-error select, [aria-invalid='true']"
  );
  if (field) {
    field.focus();
  }
});

// A live check announces only its verdict, and only when the verdict changes: reading every line
// aloud at each pause in typing would drown the person out.
document.addEventListener("htmx:afterSwap", function (event) {
  var region = event.detail.target;
  if (!region || !region.id) {
    return;
  }
  var announcer = document.querySelector("[data-announces='" + region.id + "']");
  var verdict = region.querySelector(".check-verdict");
  if (!announcer || !verdict) {
    return;
  }
  var text = verdict.textContent.replace(/\s+/g, " ").trim();
  if (text !== announcer.textContent) {
    announcer.textContent = text;
  }
});

// The phone's compact menu: one button opens and closes the main navigation (hedgerow.css hides
// it on narrow screens only once this script has said JavaScript is on, see early.js).
document.addEventListener("DOMContentLoaded", function () {
  var toggle = document.querySelector(".menu-toggle");
  var nav = document.getElementById("site-nav");
  if (!toggle || !nav) {
    return;
  }
  toggle.addEventListener("click", function () {
    var open = nav.classList.toggle("is-open");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  });
});

// Undo is offered for a few seconds after an answer on Today; then the offer quietly goes, and the
// sentence saying what happened stays. (Without JavaScript it stays until the next page.)
var UNDO_SECONDS = 10;

function expireUndo(root) {
  root.querySelectorAll("form[data-undo]").forEach(function (form) {
    if (form.dataset.expiring) {
      return;
    }
    form.dataset.expiring = "1";
    window.setTimeout(function () {
      if (form.contains(document.activeElement)) {
        var banner = form.closest("[tabindex]");
        if (banner) {
          banner.focus();
        }
      }
      form.remove();
    }, UNDO_SECONDS * 1000);
  });
}

document.addEventListener("DOMContentLoaded", function () {
  expireUndo(document);
});
document.addEventListener("htmx:afterSwap", function (event) {
  expireUndo(document);
});

// Today's compact menus: one open at a time, and Escape closes it and returns to its button.
document.addEventListener(
  "toggle",
  function (event) {
    var menu = event.target;
    if (!menu.matches || !menu.matches("details.menu") || !menu.open) {
      return;
    }
    document.querySelectorAll("details.menu[open]").forEach(function (other) {
      if (other !== menu) {
        other.open = false;
      }
    });
  },
  true
);
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") {
    return;
  }
  var menu = document.activeElement && document.activeElement.closest("details.menu[open]");
  if (menu) {
    menu.open = false;
    menu.querySelector("summary").focus();
  }
});

// Copy buttons appear only where the browser can copy; the text areas and downloads work without.
// A button names the text area it copies with data-copy (practice's visibility page).
document.addEventListener("DOMContentLoaded", function () {
  if (!navigator.clipboard) {
    return;
  }
  var status = document.getElementById("copy-status");
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = document.getElementById(button.dataset.copy).value;
      navigator.clipboard.writeText(text).then(function () {
        if (status) {
          status.textContent = "Copied to the clipboard.";
        }
      });
    });
  });
});
