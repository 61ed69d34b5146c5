"""The timeline's filters in a real browser, on a site of more than 50 meetings.

The site is the seeds plus 60 synthetic articles (tests/synthetic.py), built with
``mkdocs build --strict``. What each filter must show is computed from the site's
own open data (data/events.json), not from the page: the meetings of the month (or of
the home page) whose field has the chosen value. Covered: each filter alone, filters
combined, a shared filtered address opened fresh, the back and forward buttons, the
"when" filter against a fixed browser clock, and the keyboard in both languages.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import re
import threading
from urllib.parse import parse_qs, urlsplit

import pytest
from babel import Locale

import synthetic
from generator.render import labels
from conftest import copy_project, mkdocs_build
from test_browser import ARGS, CHROMIUM, _Quiet, open_page, browser  # noqa: F401  (fixture)

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (/usr/bin/chromium)")

MONTH = "archive/2026/01/"
FIELD_OF = {  # filter name -> the record's value(s) for it
    "country": lambda r: [(r["place"]["country"] or {}).get("code")],
    "city": lambda r: [(r["place"]["city"] or {}).get("id")],
    "kind": lambda r: [r["kind"]],
    "status": lambda r: [r["status"]],
    "series": lambda r: [r["series"]],
    "participant": lambda r: [p["id"] for p in r["participants"]],
}


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    root = tmp_path_factory.mktemp("many")
    seeds = synthetic.write_corpus(root / "synthetic")
    built = mkdocs_build(copy_project(root / "project", tuple(seeds)))
    records = json.loads((built.site / "data" / "events.json").read_text(encoding="utf-8"))
    assert len(records) >= 50, len(records)
    handler = functools.partial(_Quiet, directory=str(built.site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/", records
    httpd.shutdown()
    httpd.server_close()


def in_month(records, key: str) -> list[dict]:
    return [r for r in records if r["date"]["start"].startswith(key)]


def expected(records, **chosen) -> set[str]:
    return {r["id"] for r in records if all(value in FIELD_OF[name](r) for name, value in chosen.items())}


def visible(page) -> set[str]:
    hrefs = page.eval_on_selector_all(
        "[data-bf-month] .bf-entry", "els => els.filter(e => e.offsetParent !== null).map(e => e.querySelector('a.bf-entry__title').getAttribute('href'))"
    )
    return {re.search(r"meetings/([^/]+)/", h).group(1) for h in hrefs}


def query(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


def status_text(page) -> str:
    return page.locator(".bf-filters__status").inner_text()


def said(lang: str, n: int, total: int) -> str:
    """The live count as labels.yml words it, with CLDR's plural category for ``n``."""
    forms = labels.load()[lang].plurals("showing")
    return forms.get(Locale(lang).plural_form(n), forms["other"]).format(n=n, total=total)


def choose(page, name: str, value: str) -> None:
    page.select_option(f"#bf-f-{name}", value)


def options(page, name: str) -> list[str]:
    return page.eval_on_selector_all(f"#bf-f-{name} option", "els => els.map(e => e.value).filter(Boolean)")


@pytest.mark.parametrize("name", list(FIELD_OF))
def test_each_filter_alone(browser, many, name):  # noqa: F811
    server, records = many
    month = in_month(records, "2026-01")
    context, page, rec = open_page(browser, server + MONTH, 1280, 900)
    try:
        assert visible(page) == {r["id"] for r in month}
        values = options(page, name)
        assert values, f"no {name} to filter by"
        # every value the month's meetings have is offered, and no other
        offered = {v for r in month for v in FIELD_OF[name](r) if v}
        assert set(values) == offered
        for value in values[:3]:
            choose(page, name, value)
            want = expected(month, **{name: value})
            assert visible(page) == want, (name, value)
            assert query(page) == {name: value}
            assert status_text(page) == said("ar", len(want), len(month))
        rec.check()
    finally:
        context.close()


def test_filters_combine_and_say_when_nothing_matches(browser, many):  # noqa: F811
    server, records = many
    month = in_month(records, "2026-02")
    context, page, rec = open_page(browser, server + "en/archive/2026/02/", 1280, 900)
    try:
        # the country with the most held meetings, then held, then one of its cities
        held = [r for r in month if r["status"] == "held" and r["place"]["country"]]
        country = max(sorted({r["place"]["country"]["code"] for r in held}), key=lambda c: sum(r["place"]["country"]["code"] == c for r in held))
        choose(page, "country", country)
        choose(page, "status", "held")
        want = expected(month, country=country, status="held")
        assert want and visible(page) == want
        assert query(page) == {"country": country, "status": "held"}
        assert status_text(page) == said("en", len(want), len(month))
        # a day or month with nothing left disappears with its heading
        assert page.eval_on_selector_all(".bf-day", "els => els.filter(e => !e.hidden && !e.querySelector('.bf-entry:not([hidden])')).length") == 0
        # the table of contents lists only the months still shown
        toc = page.eval_on_selector_all(".md-nav--secondary a[href^='#m-']", "els => els.filter(a => a.offsetParent !== null).length")
        assert toc == 1
        # a combination nothing has: the page says so
        absent = next(k for k in options(page, "kind") if not expected(month, country=country, status="held", kind=k))
        choose(page, "kind", absent)
        assert visible(page) == set()
        assert page.locator(".bf-filters__none").is_visible()
        toc = page.eval_on_selector_all(".md-nav--secondary a[href^='#m-']", "els => els.filter(a => a.offsetParent !== null).length")
        assert toc == 0  # the month's heading is hidden, and so is its line in the table of contents
        # "clear" shows everything again and clears the address
        page.click(".bf-filters button[type=reset]")
        assert visible(page) == {r["id"] for r in month}
        assert query(page) == {}
        assert not page.locator(".bf-filters__none").is_visible()
        rec.check()
    finally:
        context.close()


def test_a_shared_address_opens_filtered_with_its_feed(browser, many):  # noqa: F811
    server, records = many
    month = in_month(records, "2026-02")
    url = server + "archive/2026/02/?series=coalition-of-the-willing&status=scheduled"
    context, page, rec = open_page(browser, url, 390, 844)
    try:
        want = expected(month, series="coalition-of-the-willing", status="scheduled")
        assert want and visible(page) == want
        assert page.input_value("#bf-f-series") == "coalition-of-the-willing"
        assert page.input_value("#bf-f-status") == "scheduled"
        # the series chosen: its own feed and calendar are offered, and they exist
        feed = page.locator(".bf-filters__feed")
        assert feed.is_visible() and "تحالف الراغبين" in feed.inner_text()
        for link in (feed, page.locator(".bf-filters__ics")):
            target = page.evaluate("a => a.href", link.element_handle())
            assert page.request.get(target).status == 200, target
        # an address naming a value the page does not offer is read as "all"
        page.goto(server + "archive/2026/02/?country=ZZ", wait_until="networkidle")
        assert visible(page) == {r["id"] for r in month}
        assert page.input_value("#bf-f-country") == ""
        rec.check()
    finally:
        context.close()


def test_back_and_forward_step_through_the_choices(browser, many):  # noqa: F811
    server, records = many
    month = in_month(records, "2026-01")
    context, page, rec = open_page(browser, server + MONTH, 1280, 900)
    try:
        country = options(page, "country")[0]
        choose(page, "country", country)
        choose(page, "status", "scheduled")
        assert visible(page) == expected(month, country=country, status="scheduled")
        page.go_back()
        assert query(page) == {"country": country}
        assert page.input_value("#bf-f-status") == ""
        assert visible(page) == expected(month, country=country)
        page.go_back()
        assert query(page) == {}
        assert visible(page) == {r["id"] for r in month}
        page.go_forward()
        assert query(page) == {"country": country}
        assert visible(page) == expected(month, country=country)
        rec.check()
    finally:
        context.close()


def test_when_uses_the_readers_today(browser, many):  # noqa: F811
    server, records = many
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    today = dt.date(2026, 2, 10)
    context.clock.set_fixed_time(dt.datetime(today.year, today.month, today.day, 12, 0))
    page = context.new_page()
    try:
        page.goto(server + "archive/2026/02/?when=upcoming", wait_until="networkidle")
        month = in_month(records, "2026-02")
        assert visible(page) == {r["id"] for r in month if r["date"]["start"] > today.isoformat()}
        choose(page, "when", "past")
        assert visible(page) == {r["id"] for r in month if r["date"]["end"] < today.isoformat()}
        choose(page, "when", "today")
        assert visible(page) == {r["id"] for r in month if r["date"]["start"] <= today.isoformat() <= r["date"]["end"]}
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_filters_work_by_keyboard_and_speak_their_result(browser, many, lang):  # noqa: F811
    server, records = many
    home = server + ("" if lang == "ar" else "en/")
    context, page, rec = open_page(browser, home, 390, 844)
    try:
        total = len(visible(page))
        # every select has a label; the count is a polite live region
        labels = page.eval_on_selector_all(".bf-filters select", "els => els.map(e => e.labels.length)")
        assert labels and set(labels) == {1}
        assert page.get_attribute(".bf-filters__status", "role") == "status"
        # reach the status filter with Tab alone, then change it with the arrow key
        page.locator("#bf-f-country").focus()
        for _ in range(10):
            if page.evaluate("document.activeElement.id") == "bf-f-status":
                break
            page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "bf-f-status"
        page.keyboard.press("ArrowDown")
        value = page.input_value("#bf-f-status")
        assert value and query(page) == {"status": value}
        shown = visible(page)
        assert 0 < len(shown) < total and all(r["status"] == value for r in records if r["id"] in shown)
        assert status_text(page) == said(lang, len(shown), total)
        # the form reads in the page's direction
        assert page.evaluate("getComputedStyle(document.querySelector('.bf-filters')).direction") == ("rtl" if lang == "ar" else "ltr")
        rec.check()
    finally:
        context.close()
