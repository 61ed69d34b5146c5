"""Date expressions: CLDR month names in every Arabic variant, digits, ordinals, relatives."""

from __future__ import annotations

import datetime as dt

import pytest

from generator import lexicon
from generator.dates import DateFinder, infer_year, month_names, resolve
from generator.model import DateValue
from generator.textnorm import fold

ANCHOR = dt.date(2026, 1, 2)  # a Friday
LAST_MEETING = dt.date(2026, 1, 3)


# A new finder for every test (not a cached one), so that each test exercises its
# construction: mutation testing then knows every test that depends on its patterns.
@pytest.fixture
def finder():
    return DateFinder(lexicon.load().numbers)


def first(finder, text, anchor=ANCHOR, past=False, future=False):
    found = finder.find(fold(text))
    assert found, f"no date found in {text!r}"
    value = resolve(found[0], anchor, LAST_MEETING, past, future)
    return (value.start(), value.end()) if value and value.year else value


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("يوم 3 يناير المقبل", "2026-01-03", "2026-01-03"),
        ("في ٣ كانون الثاني", "2026-01-03", "2026-01-03"),
        ("في 3 كانون الثاني/يناير 2026", "2026-01-03", "2026-01-03"),
        ("في 3 كانون الثاني (يناير)", "2026-01-03", "2026-01-03"),
        ("الخامس من شهر جانفي", "2026-01-05", "2026-01-05"),
        ("في 12 فيفري", "2026-02-12", "2026-02-12"),
        ("الحادي والعشرين من تموز", "2025-07-21", "2025-07-21"),  # no tense: nearest the dateline
        ("من 10 إلى 12 مارس", "2026-03-10", "2026-03-12"),
        ("بين 28 شباط و2 آذار", "2026-02-28", "2026-03-02"),
        ("من 30 ديسمبر إلى 2 يناير 2026", "2025-12-30", "2026-01-02"),
        ("من 30 ديسمبر 2025 إلى 2 يناير", "2025-12-30", "2026-01-02"),
        ("من 30 ديسمبر إلى 2 يناير", "2025-12-30", "2026-01-02"),
        ("في أوائل يناير", "2026-01-01", "2026-01-31"),
        ("يوم السبت", "2026-01-03", "2026-01-03"),
        ("الأحد المقبل", "2026-01-04", "2026-01-04"),
        ("الجمعة المقبلة", "2026-01-09", "2026-01-09"),
        ("الخميس الماضي", "2026-01-01", "2026-01-01"),
        ("غدًا", "2026-01-03", "2026-01-03"),
        ("أمس", "2026-01-01", "2026-01-01"),
        ("بعد يومين", "2026-01-05", "2026-01-05"),  # from the meeting just mentioned
        ("بعد ثلاثة أيام", "2026-01-06", "2026-01-06"),
        ("في 20 ديسمبر", "2025-12-20", "2025-12-20"),  # year nearest the dateline
    ],
)
def test_expressions(finder, text, start, end):
    assert first(finder, text) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))


def test_tense_picks_the_year(finder):
    assert first(finder, "الحادي والعشرين من تموز", future=True)[0] == dt.date(2026, 7, 21)
    assert first(finder, "في 30 ديسمبر", past=True)[0] == dt.date(2025, 12, 30)
    assert first(finder, "في 30 ديسمبر", future=True)[0] == dt.date(2026, 12, 30)


def test_every_arabic_month_variant_comes_from_cldr():
    names = month_names()
    for name, month in [("يناير", 1), ("جانفي", 1), ("كانون الثاني", 1), ("آذار", 3), ("ماي", 5), ("جويلية", 7), ("يوليوز", 7), ("غشت", 8), ("أوت", 8), ("دجنبر", 12)]:
        assert names[fold(name)] == month, name


def test_without_anchor_the_year_stays_open(finder):
    found = finder.find(fold("يوم 3 يناير المقبل"))
    assert resolve(found[0], None, None, False) is None or resolve(found[0], None, None, False).year is None
    assert found[0].value == DateValue(None, 1, 3)


def test_relative_day_without_anchor_is_not_guessed(finder):
    assert resolve(finder.find(fold("غدا"))[0], None, None, False) is None


def test_year_inference_crosses_new_year():
    assert infer_year(DateValue(None, 1, 12), dt.date(2025, 12, 20)).start() == dt.date(2026, 1, 12)


def test_impossible_day_is_not_a_date(finder):
    assert finder.find(fold("في 31 فبراير")) == [] or all(f.value is None or f.value.day != 31 for f in finder.find(fold("في 31 فبراير")))


def test_bare_weekday_is_not_a_date(finder):
    assert finder.find(fold("قال إن السبت عطلة")) == []
    assert finder.find(fold("وحده الأحد من بين المرشحين")) == []


def test_day_that_exists_in_no_year_near_the_dateline_is_dropped(finder):
    found = finder.find(fold("في 29 فبراير"))
    assert resolve(found[0], dt.date(2026, 2, 1), None, False) is None


def test_range_that_ends_before_it_starts_is_not_a_date(finder):
    assert all(f.value is None or f.value.end_day is None for f in finder.find(fold("من ٥ يناير إلى 3 يناير")))
    assert finder.find(fold("من 12 إلى 10 مارس")) == [] or all(f.value.end_day is None for f in finder.find(fold("من 12 إلى 10 مارس")) if f.value)
