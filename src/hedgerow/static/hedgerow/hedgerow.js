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
