"""The built site in a real browser: Playwright driving Debian's Chromium.

Serves the session's built site from a local http.server on 127.0.0.1, opens the home
page and a meeting page in both languages at phone (360 px) and desktop (1280 px)
widths, follows the language switch, checks the page direction and layout, records
every request (none may fail, 404 or leave 127.0.0.1) and saves screenshots to
tests/artifacts/ for a person to look at.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
MEETING = "meetings/2026-01-03-national-security-advisers-kyiv/"
WIDTHS = {"phone": (360, 740), "desktop": (1280, 900)}

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (/usr/bin/chromium)")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(built_site):
    handler = functools.partial(_Quiet, directory=str(built_site.site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


class Recorder:
    """Every request a page makes, and what went wrong with any of them."""

    def __init__(self, page):
        self.requests: list[str] = []
        self.problems: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url} ({r.failure})"))
        page.on("response", lambda r: r.status >= 400 and self.problems.append(f"{r.status}: {r.url}"))

    def check(self):
        assert self.problems == []
        hosts = {urlsplit(u).hostname for u in self.requests if urlsplit(u).scheme in ("http", "https", "ws", "wss")}
        assert hosts <= {"127.0.0.1"}, hosts
        others = {urlsplit(u).scheme for u in self.requests} - {"http", "data", "blob"}
        assert others == set(), others


def open_page(browser, url: str, width: int, height: int):
    context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
    page = context.new_page()
    recorder = Recorder(page)
    page.goto(url, wait_until="networkidle")
    return context, page, recorder


def shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


UNTRANSLATED = "meetings/2026-02-20-foreign-ministers-paris/"  # from the hostile fixture article, which no one translated


def test_arabic_inside_an_english_page_keeps_its_direction(browser, server):
    context, page, rec = open_page(browser, server + "en/" + UNTRANSLATED, *WIDTHS["desktop"])
    dirs = page.evaluate("[...document.querySelectorAll('.md-content [lang=ar]')].map(e => getComputedStyle(e).direction)")
    assert dirs and set(dirs) == {"rtl"}, dirs  # the untranslated evidence is there, and right-to-left
    assert page.evaluate("document.documentElement.dir") == "ltr"
    rec.check()
    context.close()


def no_horizontal_scroll(page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"page is {overflow}px wider than the viewport"


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("path", ["", MEETING], ids=["home", "meeting"])
def test_pages_and_language_switch(browser, server, path, width):
    w, h = WIDTHS[width]
    name = "home" if path == "" else "meeting"
    context, page, rec = open_page(browser, server + path, w, h)
    try:
        assert page.evaluate("document.documentElement.lang") == "ar"
        assert page.evaluate("document.documentElement.dir") == "rtl"
        assert page.evaluate("getComputedStyle(document.querySelector('.md-content')).direction") == "rtl"
        no_horizontal_scroll(page)
        shot(page, f"{name}-ar-{width}")

        switch = page.locator("a.bf-lang__link")
        assert switch.is_visible(), "the language switch must be visible at this width"
        with page.expect_navigation(wait_until="networkidle"):
            switch.click()
        assert page.url == server + "en/" + path
        assert page.evaluate("document.documentElement.lang") == "en"
        assert page.evaluate("document.documentElement.dir") == "ltr"
        assert page.evaluate("getComputedStyle(document.querySelector('.md-content')).direction") == "ltr"
        no_horizontal_scroll(page)
        shot(page, f"{name}-en-{width}")

        with page.expect_navigation(wait_until="networkidle"):
            page.locator("a.bf-lang__link").click()
        assert page.url == server + path
        assert page.evaluate("document.documentElement.dir") == "rtl"
        rec.check()
    finally:
        context.close()


def test_calendar_day_and_evidence_links_work(browser, server):
    context, page, rec = open_page(browser, server, *WIDTHS["desktop"])
    try:
        # the calendar reads right to left: the first weekday column is the rightmost
        xs = page.evaluate("[...document.querySelectorAll('table.bf-cal thead th')].slice(0, 2).map(e => e.getBoundingClientRect().x)")
        assert xs[0] > xs[1]
        page.locator("table.bf-cal a[href='#d-2026-01-03']").first.click()
        assert page.url.endswith("#d-2026-01-03")
        with page.expect_navigation(wait_until="networkidle"):
            page.locator("#d-2026-01-03 a.bf-entry__title").click()
        assert page.url == server + MEETING
        page.locator("details#ev-date summary").click()
        with page.expect_navigation(wait_until="networkidle"):
            page.locator("details#ev-date a[href*='#s-']").first.click()
        assert "/sources/" in page.url and "#s-" in page.url
        target = urlsplit(page.url).fragment
        assert page.evaluate(f"document.getElementById('{target}').tagName") == "MARK"
        rec.check()
    finally:
        context.close()
