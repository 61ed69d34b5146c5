"""A full `mkdocs build --strict` with one editorial action of each kind (add, dismiss,
merge, split) over the fixture articles of test_editorial.py: the pages a reader
expects in both languages, the calendars, feeds and open data, and a second build that
changes nothing."""

from __future__ import annotations

import functools
import http.server
import json
import os
import threading
import shutil
from pathlib import Path

import pytest

from conftest import mkdocs_build
from support import FIXTURES, ROOT, snapshot

HERE = FIXTURES / "editorial"
SUMMIT = "2026-01-10-leaders"
DEFENCE = "2026-03-05-defence-ministers-brussels"
FOREIGN = "2026-03-05-foreign-ministers-brussels"
GENEVA = "2026-03-15-national-security-advisers-geneva"
GENEVA_B = "2026-03-15-national-security-advisers-geneva-reconstruction"
DOHA = "2026-03-09-energy-ministers-doha"


def project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    shutil.copytree(HERE / "seeds", dest / "seeds")
    shutil.copytree(HERE / "actions", dest / "content" / "editorial")
    (dest / "content" / "pages").mkdir()
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    (dest / "generator").symlink_to(ROOT / "generator", target_is_directory=True)
    return dest


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    built = mkdocs_build(project(tmp_path_factory.mktemp("editorial") / "project"))
    return built


def page(site, lang: str, rel: str) -> str:
    return (site.site / ("en/" if lang == "en" else "") / rel / "index.html").read_text(encoding="utf-8")


def section(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    end = html.find("<h2", start + 1)
    return html[start : end if end != -1 else html.index('<footer class="md-footer"', start)]


def all_html(site) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(site.site.rglob("*.html")))


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_added_meeting_has_its_page_saying_an_editor_added_it(site, lang):
    html = page(site, lang, f"meetings/{DOHA}")
    said = section(html, "editorial")
    if lang == "en":
        assert "Energy ministers&#39; meeting in Doha" in html
        assert "An editor added this meeting" in said
        assert "<dt>Fields an editor set</dt><dd>Level, Date, Place, Status</dd>" in said
        assert "The article announces a working session of energy experts in Doha; it was missed." in said
    else:
        assert "اجتماع وزراء الطاقة في الدوحة" in html
        assert "أضاف المحرر هذا الاجتماع" in said
        assert "<dt>حقول حددها المحرر</dt><dd>المستوى، التاريخ، المكان، الحالة</dd>" in said
        # an editor's English reason inside an Arabic page is marked as English
        assert '<span lang="en" dir="ltr">The article announces a working session' in said
    # The cited sentence is quoted as evidence, linked to the source sentence.
    evidence = section(html, "evidence")
    assert "سيعقدون جلسة عمل مغلقة في الدوحة يوم 9 مارس" in evidence
    assert "sources/100_brussels_defence/#s-3" in evidence


def test_added_meeting_is_in_calendars_feeds_and_open_data(site):
    for rel in (f"calendar/ar/{DOHA}.ics", f"calendar/en/{DOHA}.ics", "calendar/en/all.ics", "feeds/atom-en.xml", "feeds/atom-ar.xml"):
        assert DOHA in (site.site / rel).read_text(encoding="utf-8"), rel
    data = {r["id"]: r for r in json.loads((site.site / "data" / "events.json").read_text(encoding="utf-8"))}
    assert set(data) == {DEFENCE, DOHA, GENEVA, GENEVA_B}
    assert data[DOHA]["editorial"][0]["action"] == "add"
    # Its source page lists it among the meetings the article mentions.
    assert f"meetings/{DOHA}/" in section(page(site, "en", "sources/100_brussels_defence"), "mentions")


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_timeline_and_archive_list_the_records_the_editors_left(site, lang):
    # The home timeline and the month page list meetings (the year page shows months).
    for rel in ("", "archive/2026/03/"):
        html = (site.site / ("en/" if lang == "en" else "") / rel / "index.html").read_text(encoding="utf-8")
        for rid in (DOHA, DEFENCE, GENEVA, GENEVA_B):
            assert f"meetings/{rid}/" in html, (rel, rid)
        for rid in (SUMMIT, FOREIGN):
            assert f"meetings/{rid}/" not in html, (rel, rid)
    january = (site.site / ("en/" if lang == "en" else "") / "archive/2026/01/index.html")
    assert not january.exists() or f"meetings/{SUMMIT}/" not in january.read_text(encoding="utf-8")


def test_dismissed_record_has_no_page_and_no_link(site):
    for lang in ("", "en/"):
        assert not (site.site / lang / "meetings" / SUMMIT).exists()
    assert f"meetings/{SUMMIT}/" not in all_html(site)
    assert SUMMIT not in (site.site / "calendar" / "en" / "all.ics").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_merged_meeting_lists_both_sources_and_the_disagreement(site, lang):
    assert not (site.site / ("en" if lang == "en" else "") / "meetings" / FOREIGN).exists()
    html = page(site, lang, f"meetings/{DEFENCE}")
    sources = section(html, "sources")
    assert "sources/100_brussels_defence/" in sources and "sources/101_brussels_foreign/" in sources
    conflicts = section(html, "conflicts")
    said = section(html, "editorial")
    assert FOREIGN in said and DEFENCE in said
    if lang == "en":
        assert "Foreign ministers" in conflicts and "Defence ministers" in conflicts
        assert "an editor merged these meetings; the first one&#39;s value is shown" in conflicts
        assert "An editor merged into this meeting" in said
    else:
        assert "دمج المحرر هذه الاجتماعات" in conflicts


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_split_parts_have_a_page_each_linking_the_other(site, lang):
    a, b = page(site, lang, f"meetings/{GENEVA}"), page(site, lang, f"meetings/{GENEVA_B}")
    assert f"../{GENEVA_B}/" in section(a, "editorial") and f"../{GENEVA}/" in section(b, "editorial")
    assert "sources/102_geneva_a/" in section(a, "sources") and "sources/103_geneva_b/" not in section(a, "sources")
    assert "sources/103_geneva_b/" in section(b, "sources") and "sources/102_geneva_a/" not in section(b, "sources")


def test_the_build_is_strict_clean_and_a_second_build_changes_nothing(site):
    assert "WARNING" not in site.log
    before = snapshot(site.site), snapshot(site.project / "content")
    editorial = snapshot(site.project / "content" / "editorial")
    mkdocs_build(site.project)
    assert (snapshot(site.site), snapshot(site.project / "content")) == before
    assert snapshot(site.project / "content" / "editorial") == editorial == snapshot(HERE / "actions")


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="Debian's chromium is not installed (/usr/bin/chromium)")
@pytest.mark.parametrize("lang, direction", [("ar", "rtl"), ("en", "ltr")])
def test_split_page_in_a_browser_links_to_the_other_part(site, lang, direction):
    """Open one part of the split in Chromium (served from 127.0.0.1), read the editorial
    section as a reader sees it, follow the link to the other part; no request leaves."""
    sync_api = pytest.importorskip("playwright.sync_api")
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    handler = functools.partial(_Quiet, directory=str(site.site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{httpd.server_address[1]}/"
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            requests = []
            page.on("request", lambda r: requests.append(r.url))
            prefix = "en/" if lang == "en" else ""
            page.goto(f"{root}{prefix}meetings/{GENEVA}/")
            assert page.evaluate("document.documentElement.dir") == direction
            said = page.locator("#editorial + .bf-editorial")
            assert said.is_visible()
            assert "Two sessions on different subjects" in said.inner_text()
            said.locator("a").first.click()
            page.wait_for_load_state()
            assert page.url == f"{root}{prefix}meetings/{GENEVA_B}/"
            assert page.locator("#editorial").is_visible()
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert all(u.startswith(root) for u in requests), [u for u in requests if not u.startswith(root)]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
