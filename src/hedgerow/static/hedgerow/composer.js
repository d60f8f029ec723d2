// The composer's one bit of script beyond htmx: copy the note to the clipboard. The button stays
// hidden without JavaScript; the note can always be selected and copied by hand.
(function () {
  function say(status, text) {
    if (status) status.textContent = text;
  }

  function copyByHand(field) {
    // Older browsers and plain-http pages have no async clipboard: select and copy instead.
    field.focus();
    field.select();
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  function copy(button) {
    var field = document.querySelector(button.getAttribute("data-copy"));
    var status = button.form && button.form.querySelector(".copy-status");
    if (!field) return;
    var done = function () { say(status, "Copied. Paste it where you usually talk to them."); };
    var failed = function () {
      if (copyByHand(field)) done();
      else say(status, "Copying didn't work here: the note is selected, so press Ctrl+C (or ⌘C).");
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, failed);
    } else {
      failed();
    }
  }

  function announce(event) {
    // After the live check swaps the list, say the verdict once, and only when it changed, so a
    // screen reader is not read the whole list (or the same line) at every pause in typing.
    if (!event.detail.target || event.detail.target.id !== "checks") return;
    var summary = event.detail.target.querySelector("[data-summary]");
    var line = document.querySelector("[data-check-summary]");
    if (!summary || !line) return;
    if (line.innerHTML.trim() !== summary.innerHTML.trim()) line.innerHTML = summary.innerHTML;
  }

  function setUp() {
    document.body.addEventListener("htmx:afterSwap", announce);
    document.querySelectorAll("button.copy-note").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { copy(button); });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
