// Settings' copy button for the calendar address: shown only where the browser can copy; the
// address is in a field that can always be selected and copied by hand.
document.addEventListener("DOMContentLoaded", function () {
  if (!navigator.clipboard) {
    return;
  }
  var status = document.getElementById("calendar-copy-status");
  document.querySelectorAll("[data-copy-field]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy-field"));
    if (!field) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        if (status) {
          status.textContent = "Copied. Paste it into your calendar's 'subscribe' box.";
        }
      });
    });
  });
});
