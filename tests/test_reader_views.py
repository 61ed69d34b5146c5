"""What a reader sees in the browser beyond the timeline (issue 13): a meeting printed
as a short briefing, a "not found" page in each language, one quote bar on quotes
kept in Arabic, link previews, and the screenshots a person looks at.

Screenshots go to tests/artifacts/ (filtered timeline, a source page naming the
outlet it cites, the 404, a printed meeting; both languages, 390 and 1280 px).
"""

from __future__ import annotations

import functools
import http.server
import re
import threading

import pytest

from test_browser import CHROMIUM, open_page, shot, server, browser  # noqa: F401  (fixtures)

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (/usr/bin/chromium)")

MEETING = "meetings/2026-01-03-national-security-advisers-kyiv/"
UNTRANSLATED = "meetings/2026-02-20-foreign-ministers-paris/"  # the hostile fixture's meeting: its evidence is not translated
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
PREFIX = {"ar": "", "en": "en/"}


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_meeting_prints_as_a_short_briefing(browser, server, lang):  # noqa: F811
    context, page, rec = open_page(browser, server + PREFIX[lang] + MEETING, *WIDTHS["desktop"])
    try:
        pages = pdf_pages(page.pdf(format="A4", print_background=True))
        assert 1 <= pages <= 2, f"the meeting prints on {pages} A4 pages"
        page.emulate_media(media="print")
        hidden = page.evaluate(
            """sels => sels.map(s => [s, [...document.querySelectorAll(s)].every(e => e.offsetParent === null)])""",
            [".md-header", ".bf-actions", ".bf-evidence", ".md-sidebar", ".md-footer", "h2#evidence"],
        )
        assert all(ok for _, ok in hidden), hidden
        # what a briefing needs is printed: the facts, the statements and the sources
        for selector in ("h1", "dl.bf-facts", "figure.bf-quote", "ul.bf-sources"):
            assert page.locator(selector).first.is_visible(), selector
        for width, (w, h) in WIDTHS.items():
            page.set_viewport_size({"width": w, "height": h})
            shot(page, f"print-meeting-{lang}-{width}")
        rec.check()
    finally:
        context.close()


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_not_found_page_in_each_language(browser, server, lang, width):  # noqa: F811
    context, page, rec = open_page(browser, server + PREFIX[lang] + "404.html", *WIDTHS[width])
    try:
        assert page.evaluate("document.documentElement.lang") == lang
        assert page.evaluate("document.documentElement.dir") == ("rtl" if lang == "ar" else "ltr")
        heading = page.locator(".md-content h1").inner_text()
        assert heading == ("الصفحة غير موجودة" if lang == "ar" else "Page not found")
        home = page.locator(".md-content ul a").first
        assert home.get_attribute("href") == "/" + PREFIX[lang]
        # the language switch goes to the other language's home, never to a stale page
        switch = page.locator("a.bf-lang__link").get_attribute("href")
        assert switch == "/" + PREFIX["en" if lang == "ar" else "ar"]
        shot(page, f"404-{lang}-{width}")
        rec.check()
    finally:
        context.close()


class _StaticHost(http.server.SimpleHTTPRequestHandler):
    """Like a static host: a missing address gets the site root's 404.html, status 404."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (self.directory_path / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_a_missing_english_address_gets_the_english_page(browser, built_site):  # noqa: F811
    handler = functools.partial(type("H", (_StaticHost,), {"directory_path": built_site.site}), directory=str(built_site.site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    try:
        page = context.new_page()
        page.goto(base + "en/meetings/no-such-meeting/", wait_until="networkidle")
        assert page.url == base + "en/404.html"
        assert page.evaluate("document.documentElement.lang") == "en"
        assert page.locator(".md-content h1").inner_text() == "Page not found"
        page.goto(base + "meetings/no-such-meeting/", wait_until="networkidle")
        assert page.url == base + "meetings/no-such-meeting/"  # an Arabic address stays, in Arabic
        assert page.evaluate("document.documentElement.lang") == "ar"
    finally:
        context.close()
        httpd.shutdown()
        httpd.server_close()


def test_a_quote_kept_in_arabic_has_one_bar_on_its_own_side(browser, server):  # noqa: F811
    context, page, rec = open_page(browser, server + "en/" + UNTRANSLATED, *WIDTHS["desktop"])
    try:
        bars = page.evaluate(
            """() => [...document.querySelectorAll('.bf-quote blockquote, .bf-evidence blockquote')].map(b => {
                 const s = getComputedStyle(b);
                 return {lang: b.lang, left: parseFloat(s.borderLeftWidth), right: parseFloat(s.borderRightWidth)};
               })"""
        )
        assert any(b["lang"] == "ar" for b in bars), "the fixture meeting must have an untranslated quote"
        for bar in bars:
            assert (bar["left"] > 0) != (bar["right"] > 0), bar  # exactly one bar
            assert (bar["right"] > 0) == (bar["lang"] == "ar"), bar  # at the start of the quote's own direction
        rec.check()
    finally:
        context.close()


@pytest.mark.parametrize("path", ["", MEETING, "sources/001_ae68e33f9df36568/", "archive/2026/01/", "about/"])
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_link_previews_have_open_graph_and_twitter_tags(browser, server, path, lang):  # noqa: F811
    context, page, rec = open_page(browser, server + PREFIX[lang] + path, *WIDTHS["desktop"])
    try:
        meta = page.evaluate(
            "() => Object.fromEntries([...document.querySelectorAll('meta[property^=\"og:\"], meta[name^=\"twitter:\"]')]"
            ".map(m => [m.getAttribute('property') || m.getAttribute('name'), m.content]))"
        )
        assert meta["og:title"] and meta["og:description"] and meta["twitter:card"] == "summary"
        assert meta["og:url"] == "https://briefing.example.org/" + PREFIX[lang] + path
        assert meta["og:locale"].startswith(lang)
        assert meta["og:title"] == meta["twitter:title"]
        title = page.title()
        assert meta["og:title"] in title  # the page's own title, not the site's
        rec.check()
    finally:
        context.close()


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_screenshots_of_the_filtered_timeline_and_a_source(browser, server, lang, width):  # noqa: F811
    context, page, rec = open_page(browser, server + PREFIX[lang] + "?country=UA", *WIDTHS[width])
    try:
        assert page.input_value("#bf-f-country") == "UA"
        assert page.locator(".bf-filters__feed").is_visible()
        shot(page, f"timeline-filtered-{lang}-{width}")
        page.goto(server + PREFIX[lang] + "sources/001_ae68e33f9df36568/", wait_until="networkidle")
        cited = page.locator("dl.bf-facts").inner_text()
        assert "شبكة يورو نيوز" in cited
        shot(page, f"source-{lang}-{width}")
        rec.check()
    finally:
        context.close()
