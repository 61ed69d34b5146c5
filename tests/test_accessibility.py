"""Accessibility in a real browser: axe-core on every page type, and the keyboard.

axe-core (pinned, with its lock file, in tools/axe; install with
``npm ci --prefix tools/axe``) is injected into each page type of the built site, in
both languages, at a phone (390 px) and a desktop (1280 px) width; every violation
fails the test with the rule, the element and axe's message. The keyboard test walks
the whole page with Tab at phone width and checks that the focused element is always
visible (on screen, with a visible outline) and never inside the closed drawer.
The search box is checked open too, with a query typed and its results shown.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_browser import CHROMIUM, open_page, server, browser  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "tools" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
INSTALL = "npm ci --prefix tools/axe --no-audit --no-fund"
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
# One page of each type (the built_site fixture: the seeds plus the hostile article).
PAGE_TYPES = {
    "home": "",
    "archive": "archive/",
    "year": "archive/2026/",
    "month": "archive/2026/01/",
    "meeting": "meetings/2026-01-03-national-security-advisers-kyiv/",
    "source": "sources/000_f9219e1323404476/",
    "about": "about/",
    "404": "404.html",
}

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (/usr/bin/chromium)")


@pytest.fixture(scope="module")
def axe_source() -> str:
    assert AXE.exists(), f"axe-core is not installed: run `{INSTALL}`"
    return AXE.read_text(encoding="utf-8")


def axe_violations(page, axe_source: str) -> list[str]:
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    out = []
    for v in result["violations"]:
        for node in v["nodes"]:
            out.append(f"{v['id']} ({v['impact']}): {node['target']} — {node['failureSummary']}")
    return out


def page_url(base: str, lang: str, path: str) -> str:
    return base + ("" if lang == "ar" else "en/") + path


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_axe_finds_no_violation(browser, server, axe_source, kind, lang, width):  # noqa: F811
    context, page, rec = open_page(browser, page_url(server, lang, PAGE_TYPES[kind]), *WIDTHS[width])
    try:
        assert page.evaluate("document.documentElement.lang") == lang
        problems = axe_violations(page, axe_source)
        assert problems == [], json.dumps(problems, ensure_ascii=False, indent=1)
    finally:
        context.close()


# For the focused element: is it inside the closed drawer, is it on screen, and does
# it show a focus indicator (an outline, or a changed background or text colour)?
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const drawer = document.querySelector('[data-md-toggle=drawer]');
  const inDrawer = !!el.closest('.md-sidebar--primary');
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  const visibleBox = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 &&
    r.left < innerWidth && r.top < innerHeight && s.visibility !== 'hidden';
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  const shadow = s.boxShadow && s.boxShadow !== 'none';
  return {
    search: !!el.closest('.md-search'),
    tag: el.tagName + (el.className ? '.' + String(el.className).split(' ')[0] : ''),
    text: (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40),
    inClosedDrawer: inDrawer && drawer && !drawer.checked,
    visible: visibleBox,
    indicated: outline || !!shadow,
  };
}"""


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("kind", ["home", "meeting", "month"])
def test_keyboard_focus_is_visible_and_never_in_the_closed_drawer(browser, server, kind, lang):  # noqa: F811
    context, page, rec = open_page(browser, page_url(server, lang, PAGE_TYPES[kind]), *WIDTHS["phone"])
    try:
        seen = []
        for _ in range(200):
            page.keyboard.press("Tab")
            state = page.evaluate(FOCUS_STATE)
            if state is None:  # focus went back to the document: the walk is complete
                break
            seen.append(state)
            where = f"{state['tag']} «{state['text']}» (Tab #{len(seen)})"
            assert not state["inClosedDrawer"], f"focus is inside the closed drawer: {where}"
            assert state["visible"], f"the focused element is not on screen: {where}"
            assert state["indicated"], f"the focused element shows no focus outline: {where}"
        assert len(seen) > 5, seen  # the walk reached the page's links
        # The drawer opens by keyboard: Tab to its button, Enter; focus moves into it
        # and stays visible; Escape closes it and gives focus back to the button.
        page.evaluate("document.activeElement && document.activeElement.blur()")
        for _ in range(20):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.matches('button.bf-drawer-button')"):
                break
        button = page.locator("button.bf-drawer-button")
        assert page.evaluate("document.activeElement.matches('button.bf-drawer-button')"), "Tab never reaches the drawer's button"
        assert button.get_attribute("aria-expanded") == "false" and button.get_attribute("aria-label")
        assert page.evaluate(FOCUS_STATE)["indicated"]
        page.keyboard.press("Enter")
        assert button.get_attribute("aria-expanded") == "true"
        page.wait_for_timeout(400)  # the drawer's slide-in transition
        state = page.evaluate(FOCUS_STATE)
        assert page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null")
        assert state["visible"] and state["indicated"], state
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUS_STATE)["visible"]
        page.keyboard.press("Escape")
        assert button.get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.activeElement.matches('button.bf-drawer-button')")
        rec.check()
    finally:
        context.close()


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_axe_finds_no_violation_in_the_open_search_box_with_results(browser, server, axe_source, lang, width):  # noqa: F811
    """The search box open, a query typed and its results shown (issue 11's Pagefind box)."""
    context, page, rec = open_page(browser, page_url(server, lang, ""), *WIDTHS[width])
    try:
        page.keyboard.press("/")
        assert page.evaluate("document.getElementById('__search').checked")
        page.fill(".bf-search .md-search__input", "باريس" if lang == "ar" else "Paris")
        page.wait_for_function("(() => { const d = document.querySelector('.bf-search').dataset; return d.bfAsked && d.bfShown === d.bfAsked; })()")
        assert page.locator(".bf-search .md-search-result__link").count() > 0
        page.wait_for_timeout(600)  # Material's opening transition (the panel fades in)
        problems = axe_violations(page, axe_source)
        assert problems == [], json.dumps(problems, ensure_ascii=False, indent=1)
        rec.check()
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_search_opens_by_keyboard_on_a_phone_and_gives_the_focus_back(browser, server, lang):  # noqa: F811
    """Tab reaches the search button (the closed panel's field does not take focus), Enter
    opens the panel with the focus in its field, Tab walks its results on screen, Tab past
    the last one closes it, and Escape closes it and gives the focus back to the button."""
    context, page, rec = open_page(browser, page_url(server, lang, ""), *WIDTHS["phone"])
    try:
        for _ in range(20):
            page.keyboard.press("Tab")
            state = page.evaluate(FOCUS_STATE)
            assert not state["search"], f"Tab reached the closed search panel: {state}"
            if page.evaluate("document.activeElement.matches('button.bf-search-button')"):
                break
        button = page.locator("button.bf-search-button")
        assert page.evaluate("document.activeElement.matches('button.bf-search-button')"), "Tab never reaches the search button"
        assert button.get_attribute("aria-label") and button.get_attribute("aria-expanded") == "false"
        assert page.evaluate(FOCUS_STATE)["indicated"]
        page.keyboard.press("Enter")
        assert button.get_attribute("aria-expanded") == "true"
        page.wait_for_function("document.activeElement.classList.contains('md-search__input')")
        page.keyboard.type("باريس" if lang == "ar" else "Paris")
        page.wait_for_function("(() => { const d = document.querySelector('.bf-search').dataset; return d.bfAsked && d.bfShown === d.bfAsked; })()")
        results = page.locator(".bf-search .md-search-result__link").count()
        assert results > 0
        page.wait_for_timeout(600)  # Material's opening transition
        stops = []
        for _ in range(results + 5):
            page.keyboard.press("Tab")
            state = page.evaluate(FOCUS_STATE)
            if state is None or not state["search"]:
                break
            assert state["visible"] and state["indicated"], state
            stops.append(state["tag"])
        assert stops.count("A.md-search-result__link") == results, stops
        assert not page.evaluate("document.getElementById('__search').checked"), "Tab left the panel but it stayed open over the page"
        assert button.get_attribute("aria-expanded") == "false"
        button.focus()
        page.keyboard.press("Enter")
        page.wait_for_function("document.activeElement.classList.contains('md-search__input')")
        page.keyboard.press("Escape")
        assert not page.evaluate("document.getElementById('__search').checked")
        assert page.evaluate("document.activeElement.matches('button.bf-search-button')")
        rec.check()
    finally:
        context.close()


@pytest.mark.parametrize("width", list(WIDTHS))
def test_the_drawer_button_shows_only_where_there_is_a_drawer(browser, server, width):  # noqa: F811
    context, page, rec = open_page(browser, page_url(server, "ar", ""), *WIDTHS[width])
    try:
        button = page.locator("button.bf-drawer-button")
        assert button.count() == 1
        assert button.is_visible() == (width == "phone")
        assert not page.locator("label.md-header__button[for=__drawer]").is_visible()  # replaced, not doubled
        rec.check()
    finally:
        context.close()
