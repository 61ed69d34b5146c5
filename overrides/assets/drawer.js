/* The navigation drawer (phones and tablets) by keyboard.
 *
 * Material opens its drawer with a <label for="__drawer"> that takes no focus, so a
 * keyboard user cannot open it. This makes that label a button: Tab reaches it,
 * Enter or Space opens the drawer and moves focus to its first link, Escape closes
 * it and returns focus to the button. aria-expanded says whether it is open. The
 * closed drawer itself takes no focus (extra.css).
 */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector('label.md-header__button[for="__drawer"]');
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) return;
  var nav = drawer.querySelector("nav[aria-label]");
  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-label", nav ? nav.getAttribute("aria-label") : document.title);
  function sync() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
  function open(state) {
    if (toggle.checked !== state) toggle.click();
    sync();
  }
  button.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    open(!toggle.checked);
    if (toggle.checked) {
      var first = drawer.querySelector("a[href]");
      if (first) first.focus();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      open(false);
      button.focus();
    }
  });
  toggle.addEventListener("change", sync);
  sync();
})();
