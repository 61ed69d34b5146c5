"""What a reader finds on the pages (issue 13), from the renderer alone: sources named
by their opening words and the outlets they cite, front-matter fields in their own
language, the "as of" date of every status, the home page's "coming up" and "just
happened", month pages, and the filter form's options.

The articles here are written for these tests, in the project's own words.
"""

from __future__ import annotations

import json
import re

import pytest

from generator import lexicon, pipeline, render, siteconfig
from generator.outputs import opendata
from generator.translations import Translator

SITE = siteconfig.Site("https://briefing.example.org/", "Meetings Briefing")

UNTITLED = """date 2026-03-02
أكد مسؤولون أن من المقرر عقد اجتماع وزراء الخارجية في برلين يوم 10 مارس لبحث المساعدات، بحسب شبكة الأخبار المسائية.

وذكرت صحيفة النهار الجديد أن الاجتماع سيكون موسعًا، بحسب مراقبين.
"""
ENGLISH_TITLE = """---
date: 2026-03-12
title: Ministers met in Berlin
outlet: The Evening Wire
---
انعقد اجتماع وزراء الخارجية في برلين يوم 10 مارس لبحث المساعدات.
"""
EARLIER = """date 2026-02-20
من المقرر أن يعقد اجتماع وزراء الدفاع في باريس يوم 25 فبراير.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tree = tmp_path_factory.mktemp("briefing")
    (tree / "seeds").mkdir()
    for name, body in (("100_untitled.txt", UNTITLED), ("101_english.txt", ENGLISH_TITLE), ("102_earlier.txt", EARLIER)):
        (tree / "seeds" / name).write_text(body, encoding="utf-8")
    result = pipeline.run(tree / "seeds", tree / "content", tree)
    files = render.render_site(list(result.records), list(result.articles), lexicon.load(), SITE, Translator({}))
    return result, {k: v.decode("utf-8") for k, v in files.items()}


def body(page: str) -> str:
    return page.split("\n---\n", 1)[1]


def test_an_untitled_source_is_named_by_its_opening_words_and_cited_outlets(built):
    _, files = built
    page = files["sources/100_untitled.md"]
    h1 = re.search(r"<h1>(.*?)</h1>", page).group(1)
    assert h1 == "أكد مسؤولون أن من المقرر عقد اجتماع وزراء الخارجية…"
    assert "العنوان أعلاه هو أول كلماته" in page
    # the outlets the text credits, each named; "بحسب مراقبين" names no outlet
    cited = re.search(r"وسائل يستشهد بها النص</dt><dd>(.*?)</dd>", page).group(1)
    assert cited == "شبكة الأخبار المسائية، صحيفة النهار الجديد"
    # citations on the meeting page use the same name, never a file name
    meeting = next(v for k, v in files.items() if k.startswith("meetings/") and k.endswith("-berlin.md"))
    assert "أكد مسؤولون أن من المقرر" in meeting
    assert "المقال 100" not in meeting and "100_untitled" not in re.sub(r'href="[^"]*"', "", meeting)


def test_front_matter_is_shown_in_the_language_it_is_written_in(built):
    _, files = built
    en = files["sources/101_english.en.md"]
    h1 = re.search(r"<h1>(.*?)</h1>", en).group(1)
    assert h1 == "Ministers met in Berlin"  # English as written: no lang="ar", no "not yet translated"
    outlet = re.search(r"Outlet</dt><dd>(.*?)</dd>", en).group(1)
    assert outlet == "The Evening Wire"
    ar = files["sources/101_english.md"]
    assert re.search(r'<h1><span lang="en" dir="ltr">Ministers met in Berlin</span></h1>', ar)  # marked inside the Arabic page
    meeting_en = next(v for k, v in files.items() if k.startswith("meetings/") and k.endswith("-berlin.en.md"))
    assert re.search(r'<a href="[^"]*sources/101_english/#s-\d+">Ministers met in Berlin, sentence', meeting_en)


def test_every_status_says_as_of_when(built):
    result, files = built
    [berlin] = [r for r in result.records if r["id"].endswith("-berlin")]
    assert berlin["status"] == "held"
    # held: reported by the 12 March article (the newest source that says held)
    meeting_en = files[f"meetings/{berlin['id']}.en.md"]
    assert re.search(r'bf-badge--held">Held</span> <span class="bf-asof">\(as of Thursday, March 12, 2026\)', meeting_en)
    meeting_ar = files[f"meetings/{berlin['id']}.md"]
    assert "حتى الخميس، 12 مارس 2026" in meeting_ar
    month = files["archive/2026/03.en.md"]
    assert "(as of Thursday, March 12, 2026)" in month


def test_home_shows_what_is_coming_and_what_just_happened(built):
    result, files = built
    home = body(files["index.en.md"])
    # the sources' date is 12 March: Berlin (10 March) and Paris (25 Feb) are behind it
    coming = re.search(r'<section class="bf-around__part" aria-labelledby="bf-coming">', home)
    assert coming is None  # nothing ahead of the newest source
    recent = re.search(r'aria-labelledby="bf-recent">(.*?)</section>', home, re.S).group(1)
    titles = re.findall(r'class="bf-entry__title" href="meetings/([^/]+)/"', recent)
    assert titles == sorted(titles, reverse=True) and len(titles) == 2  # latest first
    assert "Relative to the date of the newest source (Thursday, March 12, 2026)." in home


def test_months_have_pages_and_years_list_them(built):
    _, files = built
    assert {"archive/2026/02.md", "archive/2026/03.md", "archive/2026/02.en.md", "archive/2026/03.en.md"} <= set(files)
    year = files["archive/2026.en.md"]
    assert 'href="02/"' in year and 'href="03/"' in year and "bf-entry__title" not in year
    march = files["archive/2026/03.en.md"]
    assert '<a href="../02/" rel="prev">Previous month: February 2026</a>' in march
    assert '<a href="../">Meetings in 2026</a>' in march


def test_filter_form_offers_what_the_page_lists(built):
    _, files = built
    page = files["archive/2026/03.en.md"]
    form = re.search(r'<form class="bf-filters".*?</form>', page, re.S).group(0)
    options = lambda name: re.findall(r'<option value="([^"]+)"', re.search(rf'<select id="bf-f-{name}".*?</select>', form, re.S).group(0))  # noqa: E731
    assert options("country") == ["DE"] and options("city") == ["berlin"] and options("status") == ["held"]
    assert options("when") == ["upcoming", "today", "past"]
    assert 'data-feed="../../../../feeds/country/de-en.xml"' in form
    entry = re.search(r'<article class="bf-entry"([^>]*)>', page).group(1)
    assert 'data-country="DE"' in entry and 'data-city="berlin"' in entry and 'data-status="held"' in entry


def test_open_data_schema_validates_the_file_as_published(built):
    import jsonschema

    result, _ = built
    files = opendata.files(result.records)
    schema = json.loads(files["data/events.schema.json"])
    data = json.loads(files["data/events.json"])
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)  # the array, as published
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(data[0])  # one record alone is not the file
    broken = json.loads(json.dumps(data))
    broken[0]["status"] = "rumoured"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(broken)
    # one record's schema is published too, for a record on its own
    jsonschema.Draft202012Validator(json.loads(files["data/event.schema.json"])).validate(data[0])


def test_about_links_the_open_data_and_its_schema(built):
    _, files = built
    for page, up in (("about.md", "../"), ("about.en.md", "../../")):
        about = files[page]
        for path in ("data/events.json", "data/events.schema.json", "data/event.schema.json"):
            assert f'href="{up}{path}"' in about, (page, path)
