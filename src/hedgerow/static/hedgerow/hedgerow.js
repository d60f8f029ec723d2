// After htmx swaps a Today item for its outcome, move focus there so keyboard and screen-reader
// users are not dropped back at the top of the page.
document.addEventListener("htmx:afterSwap", function (event) {
  var target = document.querySelector("[data-focus]");
  if (target) {
    target.removeAttribute("data-focus");
    target.focus();
  }
});
