// Loaded before the page draws: says JavaScript is on, so the phone's compact menu starts closed
// instead of flashing open (hedgerow.css `.js`). Without JavaScript the menu's links just wrap.
document.documentElement.classList.add("js");
