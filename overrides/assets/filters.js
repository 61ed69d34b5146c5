/* The timeline's filters: runs in the browser, no server.
 *
 * A page with a filter form (form[data-bf-filters], written by the generator) lists
 * meetings as <article class="bf-entry" data-country data-city data-kind data-status
 * data-series data-participants data-start data-end> inside the page's months ([data-bf-month]). The
 * form's state is kept in the address (?country=UA&status=held), so a filtered view
 * can be shared and the back button steps through earlier choices. "When" compares
 * with today's date on the reader's device.
 */
(function () {
  "use strict";

  var FIELDS = ["country", "city", "kind", "status", "series", "participant", "when"];

  function today() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function matches(entry, state, day) {
    var d = entry.dataset;
    if (state.country && d.country !== state.country) return false;
    if (state.city && d.city !== state.city) return false;
    if (state.kind && d.kind !== state.kind) return false;
    if (state.status && d.status !== state.status) return false;
    if (state.series && d.series !== state.series) return false;
    if (state.participant && (d.participants || "").split(" ").indexOf(state.participant) < 0) return false;
    if (state.when === "upcoming" && !(d.start > day)) return false;
    if (state.when === "today" && !(d.start <= day && day <= d.end)) return false;
    if (state.when === "past" && !(d.end < day)) return false;
    return true;
  }

  function setup(form) {
    var listing = document.querySelector(".md-content");
    var entries = Array.prototype.slice.call(listing.querySelectorAll("[data-bf-month] .bf-entry"));
    var selects = {};
    FIELDS.forEach(function (name) {
      var el = form.elements.namedItem(name);
      if (el) selects[name] = el;
    });
    var status = form.querySelector(".bf-filters__status");
    var none = form.querySelector(".bf-filters__none");
    var follow = form.querySelector(".bf-filters__follow");
    var plural = JSON.parse(form.getAttribute("data-plural"));
    var total = Number(form.getAttribute("data-total"));
    var rules = new Intl.PluralRules(document.documentElement.lang || "en");

    function fromAddress() {
      var params = new URLSearchParams(window.location.search);
      var state = {};
      Object.keys(selects).forEach(function (name) {
        var value = params.get(name) || "";
        var known = Array.prototype.some.call(selects[name].options, function (o) { return o.value === value; });
        state[name] = known ? value : "";  // a value this page does not offer is ignored
      });
      return state;
    }

    function fromForm() {
      var state = {};
      Object.keys(selects).forEach(function (name) { state[name] = selects[name].value; });
      return state;
    }

    function address(state) {
      var params = new URLSearchParams();
      FIELDS.forEach(function (name) { if (state[name]) params.set(name, state[name]); });
      var query = params.toString();
      return window.location.pathname + (query ? "?" + query : "");
    }

    function followLinks(state) {
      // a country or a series chosen: offer its own feed and calendar
      var chosen = null;
      ["series", "country"].forEach(function (name) {
        var el = selects[name];
        if (!chosen && el && el.value) chosen = el.options[el.selectedIndex];
      });
      follow.hidden = !chosen;
      if (!chosen) return;
      var name = chosen.textContent;
      var feed = follow.querySelector(".bf-filters__feed");
      var ics = follow.querySelector(".bf-filters__ics");
      feed.href = chosen.getAttribute("data-feed");
      feed.textContent = feed.getAttribute("data-label").replace("{name}", name);
      ics.href = chosen.getAttribute("data-ics");
      ics.textContent = ics.getAttribute("data-label").replace("{name}", name);
    }

    function apply(state) {
      var day = today();
      var shown = 0;
      entries.forEach(function (entry) {
        var on = matches(entry, state, day);
        entry.hidden = !on;
        if (on) shown += 1;
      });
      // a day, or a whole month, with no meeting left is hidden with its heading
      listing.querySelectorAll("[data-bf-month] .bf-day").forEach(function (li) {
        li.hidden = !li.querySelector(".bf-entry:not([hidden])");
      });
      listing.querySelectorAll("[data-bf-month]").forEach(function (month) {
        var empty = !month.querySelector(".bf-entry:not([hidden])");
        month.hidden = empty;
        var heading = month.previousElementSibling;
        if (heading && /^H[1-6]$/.test(heading.tagName)) {
          heading.hidden = empty;
          // and its line in the table of contents
          document.querySelectorAll('.md-nav--secondary a[href="#' + heading.id + '"]').forEach(function (a) {
            a.parentNode.hidden = empty;
          });
        }
      });
      var template = plural[rules.select(shown)] || plural.other;
      status.textContent = template.replace("{n}", shown).replace("{total}", total);
      none.hidden = shown > 0;
      followLinks(state);
    }

    function show(state) {
      Object.keys(selects).forEach(function (name) { selects[name].value = state[name]; });
      apply(state);
    }

    form.addEventListener("change", function () {
      var state = fromForm();
      var next = address(state);
      if (next !== window.location.pathname + window.location.search) {
        window.history.pushState(state, "", next);
      }
      apply(state);
    });
    form.addEventListener("reset", function (event) {
      event.preventDefault();
      var state = {};
      Object.keys(selects).forEach(function (name) { state[name] = ""; });
      if (window.location.search) window.history.pushState(state, "", window.location.pathname);
      show(state);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    window.addEventListener("popstate", function () { show(fromAddress()); });

    form.hidden = false;
    show(fromAddress());
  }

  var form = document.querySelector("form[data-bf-filters]");
  if (form) setup(form);
})();
