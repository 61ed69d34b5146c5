/* The site's search box (partials/bf-search.html) over this language's Pagefind
   bundle (<language root>/pagefind/, written by generator/search.py).

   Nothing of the index is fetched until the reader types: pagefind.js, its WASM and
   the language's index load on the first keystroke, then only the index chunks and
   result fragments each query needs.

   Arabic queries are folded with the same rules as the index
   (generator/searchfold.py; tests/test_search.py runs both on the same words). */
(function () {
  "use strict";

  // ---- folding: a copy of generator/searchfold.py, rule for rule ----
  var DIACRITICS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
  var FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "ء", "ئ": "ء",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9"
  };
  var ARABIC_WORD = /^[\u0621-\u064a\u0660-\u0669\u0671-\u06d3\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+$/;
  var CONJ = ["و", "ف"], PREP = ["ب", "ك", "ل"], MIN_STEM = 2, MIN_BARE = 3;

  function fold(word) {
    return word.replace(DIACRITICS, "").replace(/[أإآٱىةؤئ٠-٩]/g, function (c) { return FOLD[c]; }).toLowerCase();
  }

  function peel(word) {
    var found = [];
    ["", ...CONJ].forEach(function (conj) {
      if (conj && !word.startsWith(conj)) return;
      var w1 = word.slice(conj.length);
      ["", ...PREP].forEach(function (prep) {
        if (prep && !w1.startsWith(prep)) return;
        var w2 = w1.slice(prep.length);
        if (prep === "ل" && w2.startsWith("ل") && w2.length - 1 >= MIN_STEM) found.push([w2.slice(1), true]);
        if (w2.startsWith("ال") && w2.length - 2 >= MIN_STEM) found.push([w2.slice(2), true]);
        if ((conj || prep) && w2.length >= MIN_BARE) found.push([w2, false]);
      });
    });
    return found;
  }

  function indexForms(word) {
    var w = fold(word), forms = [w];
    peel(w).forEach(function (p) { if (forms.indexOf(p[0]) < 0) forms.push(p[0]); });
    return forms;
  }

  function queryForms(word) {
    var w = fold(word), peeled = peel(w);
    var withArticle = peeled.filter(function (p) { return p[1]; }).map(function (p) { return p[0]; });
    if (withArticle.length) {
      return [withArticle.reduce(function (a, b) { return b.length < a.length ? b : a; })];
    }
    var forms = [w];
    peeled.forEach(function (p) { if (forms.indexOf(p[0]) < 0) forms.push(p[0]); });
    return forms;
  }

  window.bfSearchFold = { fold: fold, indexForms: indexForms, queryForms: queryForms };

  // ---- the box ----
  var MAX_WORDS = 6, MAX_LOOKUPS = 16, MAX_RESULTS = 30;
  var box = document.querySelector(".bf-search");
  var toggle = document.getElementById("__search");
  if (!box || !toggle) return;
  var input = box.querySelector(".md-search__input");
  var form = box.querySelector("form");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var button = document.querySelector(".bf-search-button");
  var root = new URL(box.dataset.bfRoot, location.href);
  var pagefind = null, latest = 0, timer = 0;

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        return pf.options({ baseUrl: root.pathname, excerptLength: 0 }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  // Every combination of the words' forms, as separate Pagefind queries (each one
  // matches pages holding all its words); their results are merged.
  function lookups(query) {
    var words = query.trim().split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
    var combos = [[]];
    words.forEach(function (word) {
      var forms = ARABIC_WORD.test(word) ? queryForms(word) : [word];
      var next = [];
      combos.forEach(function (c) { forms.forEach(function (f) { next.push(c.concat([f])); }); });
      combos = next.slice(0, MAX_LOOKUPS);
    });
    return combos.map(function (c) { return c.join(" "); }).filter(Boolean);
  }

  function run(query) {
    var ticket = ++latest;
    box.dataset.bfAsked = String(ticket);
    var terms = lookups(query);
    if (!terms.length) { show(ticket, null); return; }
    load().then(function (pf) {
      return Promise.all(terms.map(function (t) { return pf.search(t); }));
    }).then(function (searches) {
      var best = new Map();
      searches.forEach(function (s) {
        (s && s.results || []).forEach(function (r) {
          var seen = best.get(r.id);
          if (!seen || r.score > seen.score) best.set(r.id, r);
        });
      });
      var ranked = Array.from(best.values()).sort(function (a, b) { return b.score - a.score || (a.id < b.id ? -1 : 1); });
      var count = ranked.length;
      return Promise.all(ranked.slice(0, MAX_RESULTS).map(function (r) { return r.data(); })).then(function (items) {
        show(ticket, items, count);
      });
    }).catch(function () { show(ticket, [], 0); });
  }

  function plural(count) {
    if (count === 0) return box.dataset.bfNone;
    if (count === 1) return box.dataset.bfOne;
    return box.dataset.bfOther.replace("#", String(count));
  }

  function show(ticket, items, count) {
    if (ticket !== latest) return;  // an older query answered late
    box.dataset.bfShown = String(ticket);  // the results on screen answer the latest query
    list.textContent = "";
    if (items === null) { meta.textContent = box.dataset.bfPlaceholder; return; }
    meta.textContent = plural(count);
    items.forEach(function (item) {
      var li = document.createElement("li");
      li.className = "md-search-result__item";
      var a = document.createElement("a");
      a.className = "md-search-result__link";
      a.href = item.url;
      var article = document.createElement("article");
      article.className = "md-search-result__article md-typeset";
      var h = document.createElement("h1");
      h.textContent = item.meta.title || item.url;
      article.appendChild(h);
      var facts = [item.meta.kind, item.meta.date, item.meta.place].filter(Boolean);
      if (facts.length) {
        var p = document.createElement("p");
        p.className = "bf-search__facts";
        p.textContent = facts.join(" · ");
        article.appendChild(p);
      }
      a.appendChild(article);
      li.appendChild(a);
      list.appendChild(li);
    });
  }

  function open() {
    if (!toggle.checked) { toggle.checked = true; toggle.dispatchEvent(new Event("change")); }
    input.focus();
  }

  function shown(el) { return !!el && el.getClientRects().length > 0; }

  // Closing gives the focus back to the button that opened the box (on a phone or
  // tablet); on a desktop there is none and the focus leaves the field.
  function close() {
    if (toggle.checked) { toggle.checked = false; toggle.dispatchEvent(new Event("change")); }
    if (box.contains(document.activeElement)) {
      if (shown(button)) button.focus(); else input.blur();
    }
  }

  if (button) button.addEventListener("click", function () { if (toggle.checked) close(); else open(); });
  // Tab out of the box (past its last result, or back before its field) closes it:
  // the panel covers the page on a phone, and the focus must not go on behind it.
  box.addEventListener("focusout", function (event) {
    var to = event.relatedTarget;
    if (toggle.checked && to && !box.contains(to) && to !== button) close();
  });

  toggle.addEventListener("change", function () {
    if (button) button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    // Closed some other way (the overlay, the back arrow): the focus must not stay
    // in the panel that is going away.
    if (!toggle.checked && box.contains(document.activeElement) && shown(button)) button.focus();
    // Focus once the panel shows; a key pressed meanwhile (Escape) may have closed it
    // again, and focusing then would reopen it.
    if (toggle.checked) setTimeout(function () { if (toggle.checked) input.focus(); }, 0);
  });
  input.addEventListener("focus", function () { if (!toggle.checked) open(); });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var query = input.value;
    timer = setTimeout(function () { run(query); }, 120);
  });
  form.addEventListener("reset", function () {
    clearTimeout(timer);
    setTimeout(function () { run(""); input.focus(); }, 0);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) location.href = first.href;
  });

  function typing(el) {
    return el && (el.isContentEditable || /^(input|select|textarea)$/i.test(el.tagName));
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (!toggle.checked) {
      if (!typing(document.activeElement) && (event.key === "/" || event.key === "s" || event.key === "f")) {
        event.preventDefault();
        open();
      }
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      close();
      return;
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      var stops = [input].concat(Array.from(list.querySelectorAll("a")));
      var at = stops.indexOf(document.activeElement);
      var next = at + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) next = stops.length - 1;
      if (next >= stops.length) next = 0;
      event.preventDefault();
      stops[next].focus();
    }
  });
})();
