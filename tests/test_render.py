"""The renderer alone (no MkDocs): records and articles in, Markdown pages out.

Checks what every page must say in each language, that article text can only reach
the Markdown as escaped HTML, the JSON-LD slot, the "not stated" rule, conflicts and
corrections, dates, the bounded home page at thousands of meetings, the relative
links, and the labels file.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import HOSTILE_SEED
from generator import lexicon, outputs, pipeline, render, siteconfig
from generator.errors import GeneratorError
from generator.render import labels as labels_mod
from generator.render import timeline, urls
from generator.render.html import with_dir
from generator.translations import Translator

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "generator" / "templates"
ARABIC = re.compile("[\u0600-\u06ff]")
KYIV = "2026-01-03-national-security-advisers-kyiv"
SITE = siteconfig.Site("https://briefing.example.org/", "Meetings Briefing")
NONE = Translator({})


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    """Records and articles from the seeds plus the hostile fixture, as the pipeline makes them."""
    tree = tmp_path_factory.mktemp("render")
    (tree / "seeds").mkdir()
    for seed in sorted((ROOT / "seeds").glob("*.txt")) + [HOSTILE_SEED]:
        (tree / "seeds" / seed.name).write_bytes(seed.read_bytes())
    result = pipeline.run(tree / "seeds", tree / "content", tree)
    return [copy.deepcopy(r) for r in result.records], list(result.articles)


def rendered(data, translator=NONE, records=None) -> dict[str, str]:
    recs, articles = data
    files = render.render_site(records if records is not None else recs, articles, lexicon.load(), SITE, translator)
    return {k: v.decode("utf-8") for k, v in files.items()}


def split(page: str) -> tuple[dict, str]:
    assert page.startswith("---\n")
    head, body = page[4:].split("\n---\n", 1)
    return yaml.safe_load(head), body


def body_text(page: str) -> str:
    return re.sub(r"<[^>]+>", " ", split(page)[1])


# --- the set of pages -------------------------------------------------------------


def test_every_page_in_both_languages(data):
    recs, articles = data
    files = rendered(data)
    pages = ["index.md", "about.md", "archive/index.md", "archive/2026.md"]
    pages += sorted({f"archive/{r['date']['start'][:4]}/{r['date']['start'][5:7]}.md" for r in recs})  # a page per month
    pages += [f"meetings/{r['id']}.md" for r in recs] + [f"sources/{a.stem}.md" for a in articles]
    for page in pages:
        assert page in files and urls.md_path(page, "en") in files, page
    assert sorted(files) == sorted(set(pages) | {urls.md_path(p, "en") for p in pages} | {"robots.txt"})


def test_deterministic_whatever_the_input_order(data):
    recs, articles = data
    first = rendered(data)
    again = render.render_site(list(reversed(recs)), list(reversed(articles)), lexicon.load(), SITE, NONE)
    assert {k: v.encode("utf-8") for k, v in first.items()} == again


def test_pages_are_finished_html(data):
    """Every page says it is finished HTML (the hook then skips Markdown), and is:
    each line of its body is part of an HTML block, none is left for Markdown."""
    for name, page in rendered(data).items():
        if not name.endswith(".md"):
            continue
        meta, body = split(page)
        assert isinstance(meta["title"], str) and meta["title"]
        assert meta["bf_html"] is True, name
        for line in body.split("\n"):
            assert line == "" or line.startswith("<"), (name, line)
        for heading in re.findall(r"<h2[^>]*>.*?</h2>", body):
            if "headerlink" in heading:  # a section of the table of contents, as Markdown's toc extension writes it
                assert re.fullmatch(r'<h2 id="([a-z0-9-]+)">[^<]+<a class="headerlink" href="#\1">&para;</a></h2>', heading), (name, heading)


def test_article_text_reaches_markdown_escaped(data):
    files = rendered(data)
    for name in ("sources/900_hostile.md", "sources/900_hostile.en.md", "meetings/2026-02-20-foreign-ministers-paris.md"):
        meta, body = split(files[name])
        assert "<script" not in body and "<img" not in body and "<iframe" not in body
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in body
        assert "{{ config.site_name }}" in body  # no template engine runs on pages; shown as is
        assert "<script" not in meta["title"]
    assert "<b>" not in files["sources/900_hostile.md"]
    assert "&lt;b&gt;Outlet&lt;/b&gt; &amp; {% raw %}" in files["sources/900_hostile.md"]
    assert 'href="javascript:' not in files["sources/900_hostile.md"]


# --- meeting pages ----------------------------------------------------------------


def test_meeting_page_in_both_languages(data):
    files = rendered(data)
    ar, en = files[f"meetings/{KYIV}.md"], files[f"meetings/{KYIV}.en.md"]
    assert split(en)[0]["title"] == "National security advisers&#39; meeting in Kyiv"
    for needle in ("Saturday, January 3, 2026", "Kyiv, Ukraine", "Scheduled", "Mixed (in person and online)", "15 countries",
                   "US team", "online", "Air defence", "Volodymyr Zelensky", "President of Ukraine", "Direct quote", "Coalition of the Willing"):
        assert needle in en, needle
    for needle in ("السبت، 3 يناير 2026", "كييف، أوكرانيا", "مقرر", "15 دولة", "الدفاع الجوي", "فولوديمير زيلينسكي", "اقتباس مباشر"):
        assert needle in ar, needle
    assert 'href="../../../calendar/en/2026-01-03-national-security-advisers-kyiv.ics"' in en
    assert 'href="../../calendar/ar/2026-01-03-national-security-advisers-kyiv.ics"' in ar
    assert 'href="../2026-01-06-leaders-france/"' in en  # same series
    assert 'href="../../sources/001_ae68e33f9df36568/#s-6"' in en


def test_untranslated_text_is_the_arabic_marked_and_labelled(data):
    en = rendered(data, NONE)[f"meetings/{KYIV}.en.md"]
    quote = re.search(r'<blockquote lang="ar" dir="rtl"><p>([^<]*)</p></blockquote>\n<p class="bf-untranslated">Not yet translated</p>', en)
    assert quote and ARABIC.search(quote.group(1))


def test_translated_text_replaces_the_arabic(data):
    recs, _ = data
    kyiv = next(r for r in recs if r["id"] == KYIV)
    sentence = kyiv["statements"][0]["text"]["ar"]
    en = rendered(data, Translator({sentence: "A translated statement."}))[f"meetings/{KYIV}.en.md"]
    assert "<blockquote><p>A translated statement.</p></blockquote>\n<figcaption>" in en
    assert sentence not in en.split("## Where sources disagree")[0]


def test_missing_fields_say_not_stated(data):
    recs, _ = data
    bare = copy.deepcopy(next(r for r in recs if r["id"] == KYIV))
    bare.update(place={"city": None, "country": None}, attendance=None, series=None, host=None, participants=[], participant_count=None, topics=[], statements=[])
    files = rendered(data, records=[bare])
    en, ar = files[f"meetings/{KYIV}.en.md"], files[f"meetings/{KYIV}.md"]
    for label in ("Place", "Attendance", "Host", "Series", "Participant count"):
        assert re.search(rf"<dt>{label}</dt><dd( data-pagefind-meta=\"place\")?>(<span class=\"bf-none\">)?not stated", en), label
    assert en.count("not stated") >= 7 and ar.count("غير مذكور") >= 7
    assert "No statements about this meeting were reported." in en
    assert "Ukraine" not in en and "Coalition of the Willing" not in en  # nothing invented


def test_conflicts_and_corrections(data):
    recs, _ = data
    rec = copy.deepcopy(next(r for r in recs if r["id"] == KYIV))
    rec["conflicts"] = [{
        "field": "place.city",
        "readings": [{"value": "kyiv", "sources": ["001_ae68e33f9df36568.txt"]}, {"value": "paris", "sources": ["000_f9219e1323404476.txt"]}],
        "shown": "kyiv",
        "why": "the newest source wins",
    }]
    rec["corrections"] = [{"field": "status", "generated": "announced", "value": "scheduled", "reason": "The ministry confirmed the date."}]
    files = rendered(data, records=[rec])
    en, ar = files[f"meetings/{KYIV}.en.md"], files[f"meetings/{KYIV}.md"]
    conflicts = en.split('<h2 id="conflicts">')[1].split('<h2 id="corrections">')[0]
    assert "<h3>City</h3>" in conflicts and "Kyiv" in conflicts and "Paris" in conflicts
    assert 'class="bf-conflict__shown">Kyiv <span class="bf-chip">shown</span>' in conflicts
    assert "the newest source is shown" in conflicts
    corrections = en.split('<h2 id="corrections">')[1]
    assert "<dd>Announced</dd>" in corrections and "<dd>Scheduled</dd>" in corrections
    assert "The ministry confirmed the date." in corrections
    assert "كييف" in ar and "باريس" in ar
    assert '<span lang="en" dir="ltr">The ministry confirmed the date.</span>' in ar  # English reason on the Arabic page


def test_json_ld_slot(data, monkeypatch):
    payload = {"@type": "Event", "name": "</script><b>x</b>"}
    calls = []

    def fake(record, lang, site, lex):
        calls.append((record["id"], lang))
        return json.dumps(payload)

    monkeypatch.setattr(outputs, "meeting_jsonld", fake)
    meta, _ = split(rendered(data)[f"meetings/{KYIV}.en.md"])
    assert (KYIV, "en") in calls and (KYIV, "ar") in calls
    assert "<" not in meta["jsonld"] and json.loads(meta["jsonld"]) == payload
    monkeypatch.setattr(outputs, "meeting_jsonld", lambda record, lang, site, lex: None)
    assert "jsonld" not in split(rendered(data)[f"meetings/{KYIV}.md"])[0]


# --- dates and the timeline ---------------------------------------------------------


def test_month_precision_and_ranges(data):
    recs, _ = data
    month = copy.deepcopy(recs[0])
    month.update(id="2026-03-leaders", date={"start": "2026-03-01", "end": "2026-03-31", "precision": "month"})
    span = copy.deepcopy(recs[0])
    span.update(id="2026-03-10-leaders", date={"start": "2026-03-10", "end": "2026-03-12", "precision": "day"})
    files = rendered(data, records=[month, span])
    home_en, home_ar = files["index.en.md"], files["index.md"]
    assert "In March 2026, day not stated" in home_en and "في مارس 2026، دون يوم محدد" in home_ar
    assert re.search(r"Tue, Mar 10\s–\sThu, Mar 12, 2026", home_en)
    marked = re.findall(r'<td class="bf-cal__on"><a href="#d-2026-03-10" title="[^"]*"><time datetime="([\d-]+)">', home_en)
    assert marked == ["2026-03-10", "2026-03-11", "2026-03-12"]  # every day of the range, none for the month-only meeting
    meeting = files["meetings/2026-03-leaders.en.md"]
    assert "<time datetime=\"2026-03-01\">March 2026</time>" in meeting


def test_calendar_weeks_and_names_from_cldr(data):
    home = rendered(data)["index.md"]
    first = re.search(r"<thead><tr>(.*?)</tr></thead>", home).group(1)
    # Babel's first day of the week for "ar" (CLDR world default, Monday) and its names
    assert re.findall(r'abbr="([^"]+)"', first) == ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
    assert "يناير 2026" in home and "فبراير 2026" in home
    assert re.search(r"[\u0660-\u0669]", home) is None  # Western digits, deliberately (see datefmt)


def test_home_stays_bounded_at_thousands_of_meetings(data):
    recs, articles = data
    base = next(r for r in recs if r["id"] == "2026-01-05-chiefs-of-general-staff")
    many = []
    day = dt.date(2019, 1, 2)
    while len(many) < 2000:
        rec = copy.deepcopy(base)
        rec.update(id=f"{day.isoformat()}-meeting-{len(many)}", date={"start": day.isoformat(), "end": day.isoformat(), "precision": "day"})
        many.append(rec)
        day += dt.timedelta(days=1 if len(many) % 3 else 0)
    files = render.render_site(many, articles, lexicon.load(), SITE, NONE)
    home = files["index.md"].decode("utf-8")
    shown = re.findall(r'class="bf-entry__title" href="meetings/', home)
    assert 0 < len(shown) <= timeline.HOME_MAX_MEETINGS + 2 * timeline.HOME_AROUND  # the months, "coming up" and "just happened"
    assert 0 < len(re.findall(r'<h2 id="m-\d{4}-\d{2}">', home)) <= timeline.HOME_MONTHS
    assert many[-1]["id"] in home and many[0]["id"] not in home
    years = sorted({r["date"]["start"][:4] for r in many})
    months = sorted({r["date"]["start"][:7] for r in many})
    for year in years:
        page = files[f"archive/{year}.md"].decode("utf-8")
        assert page.count('class="bf-entry__title"') == 0  # a year lists its months, not every meeting
        listed = sum(files[f"archive/{m[:4]}/{m[5:]}.md"].decode("utf-8").count('class="bf-entry__title"') for m in months if m.startswith(year))
        assert listed == sum(r["date"]["start"].startswith(year) for r in many)
        assert f'href="archive/{year}/"' in home
    assert max(len(files[f"archive/{m[:4]}/{m[5:]}.md"]) for m in months) < 200_000  # no listing grows without bound
    assert len(files) == 2 * (len(many) + len(articles) + 3 + len(years) + len(months)) + 1


def test_home_window_follows_the_sources_date_not_the_clock():
    def month(y, m, n=1):
        return timeline.Month(y, m, tuple({"id": f"{y}-{m}-{i}", "date": {"start": f"{y}-{m:02d}-{i % 28 + 1:02d}"}} for i in range(n)))

    months = [month(2025, 6), month(2025, 11), month(2025, 12), month(2026, 1), month(2026, 3), month(2026, 9), month(2027, 1)]
    keys = lambda ms: [m.key for m in ms]  # noqa: E731
    # from two months before the newest dateline on: the latest meetings and those announced ahead
    assert keys(timeline.home_window(months, dt.date(2026, 1, 2))) == ["2025-11", "2025-12", "2026-01", "2026-03", "2026-09", "2027-01"]
    # sources newer than every meeting: the latest month still shows
    assert keys(timeline.home_window(months, dt.date(2030, 5, 1))) == ["2027-01"]
    # capped by the number of meetings, whole months, the nearest first
    big = [month(2026, 1, 40), month(2026, 2, 15), month(2026, 3, 30)]
    assert keys(timeline.home_window(big, dt.date(2026, 2, 1))) == ["2026-01", "2026-02"]
    # one month larger than the cap: only its days nearest the sources' date, whole days
    [part] = timeline.home_window([month(2026, 1, 500)], dt.date(2026, 1, 2))
    assert part.key == "2026-01" and part.total == 500
    assert {r["date"]["start"] for r in part.records} == {"2026-01-01", "2026-01-02", "2026-01-03"}  # 18 a day
    assert len(part.records) == 54 <= timeline.HOME_MAX_MEETINGS
    assert timeline.home_window([], None) == []


def test_relative_links():
    ar = urls.Linker("meetings/x.md", "ar")
    en = urls.Linker("meetings/x.md", "en")
    assert ar.to("sources/s.md", "s-4") == en.to("sources/s.md", "s-4") == "../../sources/s/#s-4"
    assert ar.to("index.md") == "../../" and ar.to("meetings/x.md", "a") == "#a"
    assert ar.file("calendar/ar/x.ics") == "../../calendar/ar/x.ics"
    assert en.file("calendar/en/x.ics") == "../../../calendar/en/x.ics"
    assert urls.Linker("index.md", "en").file("feeds/atom-en.xml") == "../feeds/atom-en.xml"
    assert urls.Linker("index.md", "ar").to("archive/index.md") == "archive/"
    assert urls.source_page("report.en.txt").startswith("sources/report-en-")  # never read as a language suffix
    # names that had to change never share a page with another seed
    names = ["a b.txt", "a-b.txt", "a_b.txt", "خبر.txt", "تقرير.txt", "a.b.txt"]
    assert len({urls.source_page(n) for n in names}) == len(names)
    assert urls.source_page("001_ae68e33f9df36568.txt") == "sources/001_ae68e33f9df36568.md"


def test_html_dir_follows_lang():
    assert with_dir('<!doctype html>\n<html lang="ar" class="no-js">') == '<!doctype html>\n<html lang="ar" dir="rtl" class="no-js">'
    assert with_dir('<html lang="en" class="no-js">') == '<html lang="en" dir="ltr" class="no-js">'
    assert with_dir('<html lang="en" dir="ltr">') == '<html lang="en" dir="ltr">'


# --- labels ---------------------------------------------------------------------------


def test_every_label_used_exists_in_both_languages():
    table = labels_mod.load()
    used = set()
    for template in TEMPLATES.glob("*.j2"):
        source = template.read_text(encoding="utf-8")
        assert not ARABIC.search(source), f"{template.name}: text belongs in labels.yml"
        used |= {k for k in re.findall(r"""\bt\(\s*["']([a-z_.]+)["']""", source) if not k.endswith(".")}
    for py in (ROOT / "generator" / "render").glob("*.py"):
        used |= {k for k in re.findall(r"""\bt\(\s*f?["']([a-z_.]+)["']""", py.read_text(encoding="utf-8")) if not k.endswith(".")}
    assert len(used) > 40
    for key in sorted(used):
        for lang in ("ar", "en"):
            assert table[lang].has(key), (lang, key)
    for key in ("status", "attendance", "about.status_help"):
        for value in ("announced", "scheduled", "held", "postponed", "cancelled") if "status" in key else ("in_person", "online", "mixed"):
            assert table["ar"].has(f"{key}.{value}") and table["en"].has(f"{key}.{value}")


def test_labels_file_errors_name_the_key(tmp_path):
    bad = tmp_path / "labels.yml"
    bad.write_text("nav:\n  timeline: {ar: الجدول الزمني}\ncount:\n  meetings: {ar: {one: x}, en: {one: y}}\n", encoding="utf-8")
    with pytest.raises(GeneratorError) as err:
        labels_mod.load(bad)
    text = str(err.value)
    assert f"{bad}:nav.timeline: label has no 'en' text" in text
    assert "count.meetings.ar: a count label needs plural forms with 'other'" in text


def test_plural_forms_from_cldr():
    t = labels_mod.load()
    assert [t["ar"].count("meetings", n) for n in (1, 2, 3, 11, 100)] == ["اجتماع واحد", "اجتماعان", "3 اجتماعات", "11 اجتماعًا", "100 اجتماع"]
    assert [t["en"].count("meetings", n) for n in (1, 2)] == ["1 meeting", "2 meetings"]


def test_the_labels_are_read_once_per_version_of_their_file(tmp_path, monkeypatch):
    """``labels.current()``: the pages, calendars and feeds of one build share one
    reading of labels.yml; an edit (a new modification time) is read again, as
    ``mkdocs serve`` needs; a missing file is named, not a traceback."""
    import os
    import shutil

    from generator.errors import GeneratorError
    from generator.render import labels

    copy = tmp_path / "labels.yml"
    shutil.copy(labels.LABELS_PATH, copy)
    monkeypatch.setattr(labels, "LABELS_PATH", copy)
    first = labels.current()
    assert labels.current() is first
    text = copy.read_text(encoding="utf-8")
    copy.write_text(text.replace("ar:", "ar:", 1), encoding="utf-8")
    os.utime(copy, ns=(copy.stat().st_atime_ns, copy.stat().st_mtime_ns + 1_000_000))
    assert labels.current() is not first
    monkeypatch.setattr(labels, "LABELS_PATH", tmp_path / "missing.yml")
    with pytest.raises(GeneratorError, match="labels file missing"):
        labels.current()
