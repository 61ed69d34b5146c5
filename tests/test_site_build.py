"""The built site: a real `mkdocs build --strict` of a copy of the project (see conftest).

Checks the output HTML as a reader and a crawler get it: pages in both languages,
<html lang dir>, links and anchors that resolve, the language switch and hreflang
alternates, the sitemap, escaping of a hostile article, Arabic marked in English pages,
and a byte-identical second build.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from conftest import CORRECTIONS, HOSTILE_SEED, copy_project, mkdocs_build, mkdocs_run
from generator import lexicon, pipeline

ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
KYIV = "2026-01-03-national-security-advisers-kyiv"
HOSTILE = "900_hostile"


class Parsed(HTMLParser):
    """What the tests need from one page: elements, ids, links, and text by language."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, bool]] = []  # tag, lang in effect, inside the content article
        self.elements: list[tuple[str, dict, bool]] = []  # tag, attrs, inside the content article
        self.ids: set[str] = set()
        self.text: list[tuple[str, str | None, bool]] = []  # text, lang in effect, inside content
        self.html_attrs: dict = {}
        self.feed(html)

    def _lang(self):
        return self.stack[-1][1] if self.stack else None

    def _content(self):
        return self.stack[-1][2] if self.stack else False

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "html":
            self.html_attrs = a
        inside = self._content() or (tag == "article" and "md-content__inner" in a.get("class", ""))
        self.elements.append((tag, a, inside))
        if "id" in a:
            self.ids.add(a["id"])
        if "name" in a and tag == "a":
            self.ids.add(a["name"])
        if tag not in VOID:
            self.stack.append((tag, a.get("lang") or self._lang(), inside))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] in ("script", "style"):
            return
        if data.strip():
            self.text.append((data, self._lang(), self._content()))

    def content_text(self) -> str:
        return " ".join(t for t, _, inside in self.text if inside)


@lru_cache(maxsize=None)
def parse(path: Path) -> Parsed:
    return Parsed(path.read_text(encoding="utf-8"))


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.relative_to(site).parts)


def url_of(site: Path, page: Path) -> str:
    rel = page.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def target_file(site: Path, page: Path, ref: str) -> tuple[Path, str] | None:
    """The file a relative URL on ``page`` points to, and its fragment; None for other schemes."""
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc:
        return None
    resolved = urlsplit(urljoin("http://site.invalid/" + url_of(site, page), ref))
    path = unquote(resolved.path).lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return site / path, resolved.fragment


def expected_pages(project: Path) -> list[str]:
    """Every page URL (Arabic form) the records and seeds call for."""
    result = pipeline.run(project / "seeds", project / "content", project)
    years = sorted({r["date"]["start"][:4] for r in result.records})
    return (
        ["", "about/", "archive/"]
        + [f"archive/{y}/" for y in years]
        + sorted({f"archive/{r['date']['start'][:4]}/{r['date']['start'][5:7]}/" for r in result.records})
        + [f"meetings/{r['id']}/" for r in result.records]
        + [f"sources/{a.stem}/" for a in result.articles]
    )


# --- the build ------------------------------------------------------------------


def test_strict_build_prints_no_warning(built_site):
    assert not re.search(r"^(WARNING|ERROR)\b", built_site.log, re.M), built_site.log
    assert "generator: 4 meetings" in built_site.log  # the hook ran, and said so as INFO
    assert (built_site.project / "content" / "pages" / "index.md").is_file()


def test_notices_are_info_and_corrections_show(built_site):
    assert re.search(r"^INFO +- +notice: .*2025-12-31-no-such-meeting\.yml:0: no meeting '2025-12-31-no-such-meeting' any more", built_site.log, re.M)
    for lang, host, reason_lang in (("en", "France", "ar"), ("ar", "فرنسا", None)):
        page = built_site.site / ("en/" if lang == "en" else "") / "meetings" / "2026-02-20-foreign-ministers-paris" / "index.html"
        parsed = parse(page)
        html = page.read_text(encoding="utf-8")
        corrections = html[html.index('id="corrections"') : html.index('id="evidence"')]
        assert host in corrections and "الخارجية الفرنسية هي الداعية إلى الاجتماع." in corrections
        if reason_lang:
            assert '<span lang="ar" dir="rtl">الخارجية الفرنسية هي الداعية إلى الاجتماع.</span>' in corrections
        assert host in parsed.content_text().split("Participants" if lang == "en" else "المشاركون")[0]


def test_finished_html_pages_keep_their_table_of_contents(built_site):
    # The hook gives MkDocs each generated page's HTML as it is (no Markdown run): the
    # sections still make the page's table of contents, in order, with their permalinks.
    for lang, labels in (("en", ["Participants", "Topics", "Statements"]), ("ar", ["المشاركون", "الموضوعات", "التصريحات"])):
        page = (built_site.site / ("en/" if lang == "en" else "") / "meetings" / "2026-01-03-national-security-advisers-kyiv" / "index.html").read_text(encoding="utf-8")
        toc = page.split('class="md-nav md-nav--secondary"')[1].split("</nav>")[0]
        links = re.findall(r'<a href="#([a-z-]+)" class="md-nav__link">\s*<span class="md-ellipsis">\s*([^<]+?)\s*</span>', toc)
        assert links[:3] == list(zip(["participants", "topics", "statements"], labels)), links
        assert '<h2 id="participants">' + labels[0] + '<a class="headerlink" href="#participants">&para;</a></h2>' in page
        assert "bf_html" not in page  # the front matter flag is not printed


def test_calendars_feeds_and_data_are_published_as_generated(built_site):
    # The hook copies them itself, once (generator/publish.py): every such file under
    # content/pages reaches the same path in site/ with the same bytes, and no other.
    pages = built_site.project / "content" / "pages"
    made = {p.relative_to(pages).as_posix(): p.read_bytes() for folder in ("calendar", "feeds", "data") for p in (pages / folder).rglob("*") if p.is_file()}
    published = {p.relative_to(built_site.site).as_posix(): p.read_bytes() for folder in ("calendar", "feeds", "data") for p in (built_site.site / folder).rglob("*") if p.is_file()}
    assert len(made) > 20 and "calendar/en/all.ics" in made and "data/events.json" in made
    assert published == made
    assert not (built_site.site / "en" / "calendar").exists()


def test_bad_input_stops_the_build_with_one_line_per_problem(tmp_path):
    project = copy_project(tmp_path / "bad")
    (project / "seeds" / "bad.txt").write_bytes(b"date 2026-01-01\n\xff\xfe not text\n")
    (project / "seeds" / "worse.txt").write_text("date 2026-13-40\nنص.\n", encoding="utf-8")
    proc = mkdocs_run(project)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1
    assert "Traceback" not in out
    assert re.search(r"seeds/bad\.txt:2: not valid UTF-8", out), out
    assert re.search(r"seeds/worse\.txt:1: malformed dateline", out), out
    assert list((project / "content" / "pages").iterdir()) == []  # nothing written
    assert not (project / "content" / "events").exists()


def test_every_page_in_both_languages(built_site):
    for url in expected_pages(built_site.project):
        for prefix in ("", "en/"):
            assert (built_site.site / prefix / url / "index.html").is_file(), prefix + url


def test_html_lang_and_dir(built_site):
    pages = html_pages(built_site.site)
    assert len(pages) >= 20
    for page in pages:
        english = page.relative_to(built_site.site).parts[0] == "en"
        attrs = parse(page).html_attrs
        assert (attrs.get("lang"), attrs.get("dir")) == (("en", "ltr") if english else ("ar", "rtl")), page
        body = next(a for t, a, _ in parse(page).elements if t == "body")
        assert body.get("dir") == ("ltr" if english else "rtl"), page


def test_internal_links_and_anchors_resolve(built_site):
    site = built_site.site
    checked = 0
    for page in html_pages(site):
        for tag, attrs, _ in parse(page).elements:
            ref = attrs.get("href") if tag in ("a", "link") else attrs.get("src") if tag in ("script", "img") else None
            if not ref:
                continue
            assert not ref.lower().startswith("javascript:"), (page, ref)
            target = target_file(site, page, ref)
            if target is None:
                continue
            path, fragment = target
            assert path.is_file(), f"{url_of(site, page)}: {ref} -> {path.relative_to(site)} missing"
            if fragment and path.suffix == ".html":
                assert fragment in parse(path).ids, f"{url_of(site, page)}: {ref}: no id {fragment!r}"
            checked += 1
    assert checked > 500


def test_language_switch_and_hreflang_lead_to_the_same_page(built_site):
    site = built_site.site
    for page in html_pages(site):
        if page.name == "404.html":
            continue
        url = url_of(site, page)
        english = url.startswith("en/")
        same = url[3:] if english else url
        other = same if english else "en/" + same
        elements = parse(page).elements
        # the switch is the page's hreflang alternate, to the same page in the other language
        [switch] = [a for t, a, _ in elements if t == "a" and "bf-lang__link" in a.get("class", "")]
        assert switch["rel"] == "alternate"
        assert switch["hreflang"] == switch["lang"] == ("ar" if english else "en")
        assert url_of(site, target_file(site, page, switch["href"])[0]) == other, url
        # no <link rel="alternate"> to the letter: Material's script would fetch <its href>/sitemap.xml (404)
        assert not [a for t, a, _ in elements if t == "link" and a.get("rel") == "alternate"], url
        # ... but the head has the hreflang alternates and the feed, rel "alternate " (the same token)
        heads = [a for t, a, _ in elements if t == "link" and a.get("rel", "").split() == ["alternate"]]
        hreflang = {a["hreflang"]: a["href"] for a in heads if "hreflang" in a}
        base = "https://briefing.example.org/"
        assert hreflang == {"ar": base + same, "en": base + "en/" + same, "x-default": base + same}, url
        [feed] = [a for a in heads if a.get("type") == "application/atom+xml"]
        assert feed["href"] == base + ("feeds/atom-en.xml" if english else "feeds/atom-ar.xml")
        [canonical] = [a["href"] for t, a, _ in elements if t == "link" and a.get("rel") == "canonical"]
        assert canonical == "https://briefing.example.org/" + url


def test_sitemap_lists_both_languages_with_alternates(built_site):
    site = built_site.site
    xml = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>https://briefing\.example\.org/([^<]*)</loc>", xml)
    assert len(locs) == len(set(locs)) == 2 * len(expected_pages(built_site.project))
    for loc in locs:
        assert (site / loc / "index.html").is_file(), loc
    for block in re.findall(r"<url>.*?</url>", xml, re.S):
        assert re.search(r'hreflang="ar" href="https://briefing\.example\.org/', block)
        assert re.search(r'hreflang="en" href="https://briefing\.example\.org/en/', block)
    # the data's date (newest dateline), not the build clock
    assert set(re.findall(r"<lastmod>([^<]*)</lastmod>", xml)) == {"2026-02-10"}
    assert (site / "sitemap.xml.gz").is_file()
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://briefing.example.org/sitemap.xml" in robots


def test_no_other_host_is_referenced_for_loading(built_site):
    for page in html_pages(built_site.site):
        for tag, attrs, _ in parse(page).elements:
            if tag in ("script", "img", "iframe") or (tag == "link" and attrs.get("rel") in ("stylesheet", "preconnect", "icon", "preload")):
                ref = attrs.get("src") or attrs.get("href") or ""
                assert not urlsplit(ref).netloc, (page, tag, ref)


# --- page content -----------------------------------------------------------------


def meeting_html(site: Path, lang: str, event_id: str = KYIV) -> Parsed:
    return parse(site / ("en/" if lang == "en" else "") / "meetings" / event_id / "index.html")


def test_meeting_page_shows_every_field(built_site):
    lex = lexicon.load()
    ar, en = meeting_html(built_site.site, "ar"), meeting_html(built_site.site, "en")
    ar_text, en_text = ar.content_text(), en.content_text()
    assert "اجتماع مستشاري الأمن القومي في كييف" in ar_text and "National security advisers' meeting in Kyiv" in en_text
    assert "السبت، 3 يناير 2026" in ar_text and "Saturday, January 3, 2026" in en_text
    assert "Kyiv, Ukraine" in en_text and "كييف، أوكرانيا" in ar_text
    assert "15 countries" in en_text and "15 دولة" in ar_text
    assert "غير مذكور" in ar_text and "not stated" in en_text  # no host in the sources
    for topic in ("air-defence", "munitions", "peace-process"):
        ref = lex.by_id("topics")[topic].ref
        assert ref.en in en_text and ref.ar in ar_text
    assert "Volodymyr Zelensky" in en_text and "فولوديمير زيلينسكي" in ar_text
    ids = {a.get("id") for _, a, _ in en.elements}
    assert {"participants", "topics", "statements", "conflicts", "corrections", "evidence", "sources", "related"} <= ids
    # evidence and statements cite sentences that are marked on the source page
    cites = [a["href"] for t, a, _ in en.elements if t == "a" and "#s-" in a.get("href", "")]
    assert cites
    page = built_site.site / "en" / "meetings" / KYIV / "index.html"
    for href in cites:
        path, fragment = target_file(built_site.site, page, href)
        marks = {a.get("id") for t, a, _ in parse(path).elements if t == "mark"}
        assert fragment in marks, href
    # calendar link, per language, to the file the outputs helper writes
    for lang, parsed in (("ar", ar), ("en", en)):
        [ics] = [a["href"] for t, a, _ in parsed.elements if t == "a" and "bf-link-ics" in a.get("class", "")]
        assert ics.endswith(f"calendar/{lang}/{KYIV}.ics")


def test_meeting_page_carries_json_ld(built_site):
    from generator import outputs, siteconfig

    rec_path = built_site.project / "content" / "events" / f"{KYIV}.yml"
    from generator import yamlio

    rec = yamlio.load(rec_path.read_text(encoding="utf-8"))
    for lang in ("ar", "en"):
        expected = outputs.meeting_jsonld(rec, lang, siteconfig.load(built_site.project), lexicon.load())
        html = (built_site.site / ("en/" if lang == "en" else "") / "meetings" / KYIV / "index.html").read_text(encoding="utf-8")
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        if expected is None:
            assert blocks == []
        else:
            assert len(blocks) == 1 and json.loads(blocks[0]) == json.loads(expected)


def test_related_meetings_of_the_series(built_site):
    en = meeting_html(built_site.site, "en")
    related = [a["href"] for t, a, _ in en.elements if t == "a" and "bf-entry__title" in a.get("class", "")]
    assert related == ["../2026-01-06-leaders-france/"]


def test_missing_fields_say_not_stated(built_site):
    for lang, none, keys in (
        ("en", "not stated", ("Place", "Attendance", "Series", "Participant count")),
        ("ar", "غير مذكور", ("المكان", "طريقة الانعقاد", "ضمن مسار", "عدد المشاركين")),
    ):
        page = built_site.site / ("en/" if lang == "en" else "") / "meetings" / "2026-01-05-chiefs-of-general-staff" / "index.html"
        html = page.read_text(encoding="utf-8")
        found = {re.sub(r"<[^>]+>", "", k): re.sub(r"<[^>]+>", "", v).strip() for k, v in re.findall(r"<dt>(.*?)</dt><dd[^>]*>(.*?)</dd>", html, re.S)}
        for key in keys:
            assert found[key] == none, (lang, key, found)
        assert found["Host" if lang == "en" else "الجهة الداعية"] in ("Ukraine", "أوكرانيا")
        participants = html[html.index('id="participants"') :]
        assert f'<p class="bf-none">{none}</p>' in participants[: participants.index("<h2")]


def test_home_is_a_timeline_with_a_calendar(built_site):
    for lang, weekday, month in (("ar", "سبت", "يناير 2026"), ("en", "Sat", "January 2026")):
        home = parse(built_site.site / ("en/" if lang == "en" else "") / "index.html")
        text = home.content_text()
        assert month in text
        assert any(t == "table" and a.get("class") == "bf-cal" for t, a, _ in home.elements)
        assert weekday in text
        days = [a["id"] for t, a, _ in home.elements if t == "li" and a.get("id", "").startswith("d-")]
        assert days == sorted(days) and "d-2026-01-03" in days and "d-2026-02-20" in days
        links = {a["href"] for t, a, _ in home.elements if t == "a" and a.get("href", "").startswith("meetings/")}
        assert len(links) == 4
        calendar_links = [a["href"] for t, a, _ in home.elements if t == "a" and a.get("href", "").startswith("#d-")]
        assert "#d-2026-01-03" in calendar_links
        hrefs = {a.get("href") for t, a, _ in home.elements if t == "a"}
        up = "../" if lang == "en" else ""  # the outputs are written once, at the site root
        assert f"{up}calendar/{lang}/all.ics" in hrefs and f"{up}feeds/atom-{lang}.xml" in hrefs


def test_source_page_marks_evidence_sentences(built_site):
    ar = parse(built_site.site / "sources" / "001_ae68e33f9df36568" / "index.html")
    marks = [a["id"] for t, a, _ in ar.elements if t == "mark"]
    spans = [a["id"] for t, a, _ in ar.elements if t == "span" and a.get("id", "").startswith("s-")]
    assert marks and spans and not set(marks) & set(spans)
    text = ar.content_text()
    assert "الجمعة، 2 يناير 2026" in text
    assert "بلا تاريخ نشر" in parse(built_site.site / "sources" / "000_f9219e1323404476" / "index.html").content_text()
    meetings = [a["href"] for t, a, _ in ar.elements if t == "a" and "bf-entry__title" in a.get("class", "")]
    assert len(meetings) == 3


# --- escaping and languages ------------------------------------------------------


HOSTILE_LITERALS = (
    '<script>alert("x")</script>',
    "**نص عريض**",
    "[رابط](https://example.invalid/)",
    "{{ config.site_name }}",
    "{% if true %}شرط{% endif %}",
    '<img src=x onerror="alert(1)">',
    "--- title: ليس ترويسة ---",
    "# عنوان مزيف",
    '<iframe src="https://example.invalid/"></iframe>',
    "&amp; &lt;b&gt;",
    "<!-- تعليق -->",
)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_hostile_article_text_is_shown_literally(built_site, lang):
    prefix = "en/" if lang == "en" else ""
    source = parse(built_site.site / prefix / "sources" / HOSTILE / "index.html")
    text = source.content_text()
    for literal in HOSTILE_LITERALS:
        assert literal in text, literal
    assert "<script>alert('title')</script> *عنوان* {{ page.title }} [x](y)" in text  # front-matter title
    assert "<b>Outlet</b> & {% raw %}" in text
    meeting = parse(built_site.site / prefix / "meetings" / "2026-02-20-foreign-ministers-paris" / "index.html")
    assert '<script>alert("x")</script>' in meeting.content_text()
    for parsed in (source, meeting):
        injected = [(t, a) for t, a, inside in parsed.elements if inside and t in ("script", "img", "iframe", "b", "strong", "em", "table", "pre", "code", "del", "hr") and not (t == "code" and a.get("dir") == "ltr")]
        assert injected == []
        # no page heading made from article text, no link to the article's javascript: URL
        assert not any(t == "h1" and "عنوان مزيف" in str(a) for t, a, _ in parsed.elements)
        assert not any("javascript:" in a.get("href", "") for t, a, _ in parsed.elements)
    title = re.search(r"<title>(.*?)</title>", (built_site.site / prefix / "sources" / HOSTILE / "index.html").read_text(encoding="utf-8"), re.S).group(1)
    assert "<script" not in title
    # Arabic page: the article's title, escaped; English page: the file name (Arabic kept out)
    assert ("&lt;script&gt;" in title) if lang == "ar" else ("900_hostile" in title and not ARABIC.search(title))


def test_english_pages_mark_every_arabic_text(built_site):
    """With the seeds' translations in the catalog, Arabic shows only inside lang="ar"."""
    site = built_site.site
    for page in html_pages(site / "en"):
        if HOSTILE in str(page) or "foreign-ministers-paris" in str(page):
            continue  # the fixture article has no translation
        outside = [t for t, lang, _ in parse(page).text if ARABIC.search(t) and lang != "ar"]
        assert outside == [], (page, outside[:3])
    # untranslated article text: the original, marked, with a visible label
    hostile = parse(site / "en" / "sources" / HOSTILE / "index.html")
    assert "Not yet translated" in hostile.content_text()
    assert any(t == "div" and "bf-article" in a.get("class", "") and a.get("lang") == "ar" and a.get("dir") == "rtl" for t, a, _ in hostile.elements)
    outside = [t for t, lang, inside in hostile.text if inside and ARABIC.search(t) and lang != "ar"]
    assert outside == []


def test_built_twice_byte_identical(built_site, tmp_path):
    # The second build is one language after the other, in one process: the site is
    # the same whether the English one was built in a fork (built_site) or not.
    again = mkdocs_build(copy_project(tmp_path / "again", (HOSTILE_SEED,), CORRECTIONS), BRIEFING_JOBS="1")
    assert again.log.count("Building 'en' documentation") == built_site.log.count("Building 'en' documentation") == 1

    def tree(site: Path) -> dict[str, bytes]:
        return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}

    first, second = tree(built_site.site), tree(again.site)
    assert sorted(first) == sorted(second)
    differ = [name for name in first if first[name] != second[name]]
    assert differ == []
