/* The navigation drawer (phones and tablets) by keyboard.
 *
 * Material opens its drawer with a <label for="__drawer"> that takes no focus, so a
 * keyboard user cannot open it. A real <button> with the same icon takes the label's
 * place: Tab reaches it, Enter or Space opens the drawer and moves focus to its first
 * link, Escape closes it and gives focus back to the button; aria-expanded says
 * whether it is open. The closed drawer itself takes no focus (extra.css).
 */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var label = document.querySelector('label.md-header__button[for="__drawer"]');
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !label || !drawer) return;
  var nav = drawer.querySelector("nav[aria-label]");
  var button = document.createElement("button");
  button.type = "button";
  button.className = "md-header__button md-icon bf-drawer-button";
  button.setAttribute("aria-label", nav ? nav.getAttribute("aria-label") : document.title);
  button.innerHTML = label.innerHTML;  // Material's own icon (an inline SVG)
  label.parentNode.insertBefore(button, label);
  label.hidden = true;

  function sync() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
  function open(state) {
    if (toggle.checked !== state) toggle.click();
    sync();
  }
  button.addEventListener("click", function () {
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
