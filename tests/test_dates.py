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


# --- each form as find() reports it: the words it was read from and what they say -------
# (the words are what a notice quotes, see merge: "the date '...' has no year")

def found(finder, text):
    return [(f.text, f.value, f.weekday, f.weekday_end, f.direction, f.relative_days, f.relative_to_meeting, f.context_day, f.context_month, f.month_only, f.tense) for f in finder.find(fold(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a span of two weekdays, with a singular direction word
        ("يومي السبت والأحد القادم", ("يومي السبت والاحد القادم", None, 5, 6, "next", None, False, None, None, False, None)),
        ("يومي السبت والأحد المقبل", ("يومي السبت والاحد المقبل", None, 5, 6, "next", None, False, None, None, False, None)),
        ("يومي السبت والأحد الماضي", ("يومي السبت والاحد الماضي", None, 5, 6, "last", None, False, None, None, False, None)),
        ("يومي السبت والأحد", ("يومي السبت والاحد", None, 5, 6, None, None, False, None, None, False, None)),
        # a month and only a month
        ("مطلع الشهر القادم", ("مطلع الشهر القادم", None, None, None, None, None, False, None, "next", True, None)),
        # a day of the month the context gives
        ("يوم 1 من الشهر الجاري", ("يوم 1 من الشهر الجاري", None, None, None, None, None, False, 1, "current", False, None)),
        ("يوم 31 من الشهر الحالي", ("يوم 31 من الشهر الحالي", None, None, None, None, None, False, 31, "current", False, None)),
        ("في الخامس من الشهر نفسه", ("في الخامس من الشهر نفسه", None, None, None, None, None, False, 5, "same", False, None)),
        ("في 9 من الشهر المقبل", ("في 9 من الشهر المقبل", None, None, None, None, None, False, 9, "next", False, None)),
        # a weekday: with "يوم", with a direction, or standing apart
        ("يعقد الوزراء يوم الأحد اجتماعا", ("يوم الاحد", None, 6, None, None, None, False, None, None, False, None)),
        ("الجمعة الماضي", ("الجمعة الماضي", None, 4, None, "last", None, False, None, None, False, None)),
        ("الاجتماع، الأحد ، في الرياض", ("الاحد", None, 6, None, None, None, False, None, None, False, None)),
        ("في المنامة الثلاثاء.", ("الثلاثاء", None, 1, None, None, None, False, None, None, False, None)),
        ("في المنامة الأربعاء.", ("الاربعاء", None, 2, None, None, None, False, None, None, False, None)),
        # relative days, from the dateline or from the meeting just mentioned
        ("غدًا", ("غدا", None, None, None, None, 1, False, None, None, False, None)),
        ("وغدا", ("وغدا", None, None, None, None, 1, False, None, None, False, None)),  # with its clitic
        ("بعد يوم", ("بعد يوم", None, None, None, None, 1, True, None, None, False, None)),
        ("قبل أسبوعين", ("قبل اسبوعين", None, None, None, None, -14, True, None, None, False, None)),
        ("بعد خمسة أيام", ("بعد خمسة ايام", None, None, None, None, 5, True, None, None, False, None)),
        # a date with its tense word
        ("في 5 مارس المقبل", ("5 مارس المقبل", DateValue(None, 3, 5), None, None, None, None, False, None, None, False, "future")),
        ("في 5 مارس الجاري", ("5 مارس الجاري", DateValue(None, 3, 5), None, None, None, None, False, None, None, False, "current")),
        # one expression for a weekday or relative word and the date it names
        ("اليوم الخميس (11 أيلول 2025)", ("اليوم الخميس (11 ايلول 2025", DateValue(2025, 9, 11), None, None, None, None, False, None, None, False, None)),
        ("يوم الخميس، 5 مارس المقبل", ("يوم الخميس، 5 مارس المقبل", DateValue(None, 3, 5), None, None, None, None, False, None, None, False, "future")),
        ("غدا الأحد", ("غدا الاحد", None, None, None, None, 1, False, None, None, False, None)),
    ],
)
def test_one_expression_and_what_it_says(finder, text, expected):
    assert found(finder, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "يوم 0 من الشهر الجاري",  # no day 0
        "يوم 32 من الشهر الجاري",  # nor 32
        "يوم 6 من الشهر",  # which month is not said
        "في 29 فبراير 2025",  # 2025 is no leap year
        "كتب الوزير على منصة X الأحد",  # "الأحد" after a name is not a day
        "قال إن السبت عطلة",
    ],
)
def test_not_a_date(finder, text):
    assert finder.find(fold(text)) == []


def test_several_expressions_in_one_sentence_are_all_found(finder):
    # Each kind of expression after another already found: none hides the next.
    texts = {
        "يوم 6 من الشهر الجاري، ثم غدا": ["يوم 6 من الشهر الجاري", "غدا"],
        "في 5 مارس ثم مطلع الشهر المقبل": ["5 مارس", "مطلع الشهر المقبل"],
        "في 5 مارس ثم مطلع الشهر المقبل ثم غدا": ["5 مارس", "مطلع الشهر المقبل", "غدا"],
        "في 5 مارس ثم اليوم": ["5 مارس", "اليوم"],
        "في 5 مارس ثم بعد يومين": ["5 مارس", "بعد يومين"],
        "اليوم ثم بعد يومين": ["اليوم", "بعد يومين"],
        "بعد يومين ثم بعد ثلاثة أيام": ["بعد يومين", "بعد ثلاثة ايام"],
        "يوم الخميس 5 مارس ثم السبت المقبل": ["يوم الخميس 5 مارس", "السبت المقبل"],
        "قال إن السبت عطلة، والاجتماع يوم الأحد": ["يوم الاحد"],
        "اجتمع الوزراء اليوم، ويجتمع القادة غدا": ["اليوم", "غدا"],
        "يومي السبت والأحد المقبلين ثم 9 مارس": ["يومي السبت والاحد المقبلين", "9 مارس"],
    }
    for text, words in texts.items():
        assert [f.text for f in finder.find(fold(text))] == words, text


def test_two_days_of_one_month_keep_the_year_given(finder):
    assert [f.value for f in finder.find(fold("في 5 و9 مارس 2026"))] == [DateValue(2026, 3, 5), DateValue(2026, 3, 9)]


def test_a_range_within_one_month_with_one_year_given(finder):
    [f] = finder.find(fold("من 5 مارس 2026 إلى 9 مارس"))
    assert (f.value.start(), f.value.end()) == (dt.date(2026, 3, 5), dt.date(2026, 3, 9))
    [f] = finder.find(fold("من 5 مارس إلى 9 مارس 2026"))
    assert (f.value.start(), f.value.end()) == (dt.date(2026, 3, 5), dt.date(2026, 3, 9))


def test_a_range_keeps_both_years_written(finder):
    [f] = finder.find(fold("من 28 ديسمبر 2025 إلى 3 يناير 2027"))
    assert (f.value.start(), f.value.end()) == (dt.date(2025, 12, 28), dt.date(2027, 1, 3))


def test_durations(finder):
    assert [d[2] for d in finder.durations(fold("على مدى يوم واحد"))] == [1]
    assert [d[2] for d in finder.durations(fold("تستمر ثلاثة أيام"))] == [3]
    assert [d[2] for d in finder.durations(fold("على مدى يومين"))] == [2]
    assert [d[2] for d in finder.durations(fold("لمدة 31 يوما"))] == [31]
    assert finder.durations(fold("لمدة 32 يوما")) == []


# --- resolving against the dateline (Friday 2 January 2026) -----------------------------

def test_the_tense_word_after_a_date_decides_its_year(finder):
    assert first(finder, "في 20 ديسمبر المقبل") == (dt.date(2026, 12, 20),) * 2  # nearest would be 2025
    assert first(finder, "في 10 يناير الماضي") == (dt.date(2025, 1, 10),) * 2  # nearest would be 2026


def test_the_sentence_tense_decides_the_year(finder):
    assert first(finder, "في 5 يناير", past=True) == (dt.date(2025, 1, 5),) * 2
    assert first(finder, "في 5 يناير") == (dt.date(2026, 1, 5),) * 2
    assert first(finder, "في 20 ديسمبر", future=True) == (dt.date(2026, 12, 20),) * 2
    assert first(finder, "في 5 يناير", past=True, future=True) == (dt.date(2026, 1, 5),) * 2  # both: no tense


def test_a_day_of_next_month_in_december_is_in_january(finder):
    assert first(finder, "يوم 6 من الشهر المقبل", anchor=dt.date(2025, 12, 10)) == (dt.date(2026, 1, 6),) * 2
    assert first(finder, "يوم 6 من الشهر المقبل", anchor=dt.date(2025, 5, 10)) == (dt.date(2025, 6, 6),) * 2
    assert first(finder, "مطلع الشهر المقبل", anchor=dt.date(2025, 12, 10)) == (dt.date(2026, 1, 1), dt.date(2026, 1, 31))


@pytest.mark.parametrize(
    "text, past, future, day",
    [
        ("يوم الجمعة", False, False, "2026-01-02"),  # the dateline's own weekday: that day
        ("يوم الجمعة", True, False, "2026-01-02"),
        ("يوم الجمعة", False, True, "2026-01-02"),
        ("يوم الجمعة الماضي", False, False, "2025-12-26"),  # a week back
        ("يوم الجمعة المقبل", False, False, "2026-01-09"),
        ("يوم السبت", True, False, "2025-12-27"),  # past: back, though tomorrow is nearer
        ("يوم السبت", False, False, "2026-01-03"),  # no tense: the nearer
        ("يوم الأربعاء", False, True, "2026-01-07"),  # future: ahead, though two days ago is nearer
        ("يوم الأربعاء", False, False, "2025-12-31"),
    ],
)
def test_weekdays(finder, text, past, future, day):
    assert first(finder, text, past=past, future=future) == (dt.date.fromisoformat(day),) * 2


def test_a_span_of_weekdays_across_the_new_year(finder):
    assert first(finder, "يومي الأربعاء والخميس المقبلين", anchor=dt.date(2025, 12, 29)) == (dt.date(2025, 12, 31), dt.date(2026, 1, 1))
    assert first(finder, "يومي الجمعة والسبت المقبلين", anchor=dt.date(2026, 1, 27)) == (dt.date(2026, 1, 30), dt.date(2026, 1, 31))
    assert first(finder, "يومي السبت والأحد المقبلين", anchor=dt.date(2026, 1, 27)) == (dt.date(2026, 1, 31), dt.date(2026, 2, 1))


def test_a_weekday_without_a_dateline_is_not_guessed(finder):
    assert resolve(finder.find(fold("يوم السبت"))[0], None, None, False) is None


# --- A range joined by a word "to", and its two days -------------------------------------

@pytest.mark.parametrize(
    "text, pre, joint",
    [
        ("من 19 إلى 26 فبراير 2026", "من", "الي"),
        ("19 فبراير حتى 20 فبراير", None, "حتي"),
        ("بين 19 ولغاية 21 فبراير", "بين", "ولغاية"),
        ("19-21 فبراير", None, None),  # a dash only spans
        ("يومي 19 و20 فبراير", "يومي", None),  # "و" only spans or lists
    ],
)
def test_a_range_keeps_its_opener_and_its_word_to(finder, text, pre, joint):
    folded = fold(text)
    [f] = finder.find(folded)
    assert (f.pre, folded[f.joint[0]:f.joint[1]] if f.joint else None) == (pre, fold(joint) if joint else None)


def test_a_single_day_has_no_joint(finder):
    [f] = finder.find(fold("في 19 فبراير"))
    assert (f.pre, f.joint) == (None, None)


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("من 19 إلى 26 فبراير 2026", ("من 19", DateValue(2026, 2, 19)), ("26 فبراير 2026", DateValue(2026, 2, 26))),
        ("من 30 ديسمبر إلى 2 يناير 2027", ("من 30 ديسمبر", DateValue(2026, 12, 30)), ("2 يناير 2027", DateValue(2027, 1, 2))),
        ("الخميس 19 فبراير إلى يوم الجمعة 20 فبراير", ("الخميس 19 فبراير", DateValue(None, 2, 19)), ("يوم الجمعة 20 فبراير", DateValue(None, 2, 20))),
    ],
)
def test_the_halves_of_a_range(finder, text, first, last):
    folded = fold(text)
    [f] = finder.find(folded)
    a, b = f.halves(folded)
    assert ((a.text, a.value), (b.text, b.value)) == ((fold(first[0]), first[1]), (fold(last[0]), last[1]))
    assert (a.start, a.end, b.start, b.end) == (f.start, f.joint[0], f.joint[1], f.end)


def test_the_tense_after_a_range_is_said_of_both_halves(finder):
    folded = fold("من 10 إلى 20 فبراير المقبل")
    [f] = finder.find(folded)
    a, b = f.halves(folded)
    anchor = dt.date(2026, 3, 1)  # February is past: "المقبل" makes both days next year's
    assert [resolve(x, anchor, None, False).start() for x in (a, b)] == [dt.date(2027, 2, 10), dt.date(2027, 2, 20)]


@pytest.mark.parametrize(
    "text, start",
    [
        ("يوم الإثنين 27 رمضان 1447هـ الموافق 16 مارس 2026م", "2026-03-16"),
        ("يوم الاثنين، 27 رمضان 1447 هـ، الموافق 16 مارس 2026", "2026-03-16"),
        ("الخميس 5 ذو الحجة 1447 للهجرة الموافق 21 مايو 2026", "2026-05-21"),
        ("يوم الجمعة 3 من شهر شعبان الموافق 20 فبراير 2026", "2026-02-20"),
    ],
)
def test_a_hijri_date_between_a_weekday_and_its_gregorian_date(finder, text, start):
    found = finder.find(fold(text))
    assert [resolve(f, ANCHOR, None, False).start().isoformat() for f in found] == [start]


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("في الـ10 من مارس", "2026-03-10", "2026-03-10"),  # the article before a day number
        ("يومي 15 و16 من شهر مارس", "2026-03-15", "2026-03-16"),  # "من" before the month of a range
        ("من 30 من مارس إلى 2 من أبريل", "2026-03-30", "2026-04-02"),
        ("من الـ15 إلى الـ17 مارس", "2026-03-15", "2026-03-17"),
        ("يوم 10/3/2026", "2026-03-10", "2026-03-10"),  # figures, day first
        ("يوم 10-03-2026", "2026-03-10", "2026-03-10"),
        ("يوم 10.3.2026", "2026-03-10", "2026-03-10"),
        ("بتاريخ 2026/03/10", "2026-03-10", "2026-03-10"),  # year first
        ("بتاريخ 2026-03-10", "2026-03-10", "2026-03-10"),
    ],
)
def test_more_ways_of_writing_a_day(finder, text, start, end):
    assert first(finder, text) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))


def test_a_day_number_with_the_article_in_the_current_month(finder):
    [f] = finder.find(fold("يوم الـ15 من الشهر الجاري"))
    assert resolve(f, ANCHOR, None, False) == DateValue(2026, 1, 15)


@pytest.mark.parametrize(
    "text",
    [
        "فاز الفريق 3/2",  # a score, no year
        "يوم 13/13/2026",  # no thirteenth month
        "يوم 31/2/2026",  # no 31 February
        "يوم 10/3-2026",  # two separators that differ
        "الرقم 10/3/2026/7",  # part of a longer number
        "قرار 2026/10/55",
    ],
)
def test_figures_that_are_no_day(finder, text):
    assert finder.find(fold(text)) == []


def test_a_weekday_agreeing_with_a_day_in_figures(finder):
    found = finder.find(fold("يوم الأحد الموافق 8/3/2026"))
    assert [(f.value, f.text) for f in found] == [(DateValue(2026, 3, 8), fold("يوم الأحد الموافق 8/3/2026"))]


@pytest.mark.parametrize(
    "text, days",
    [
        ("يوم غد", 1),
        ("مساء غد الاثنين", 1),  # with the weekday it repeats
        ("أمس الأول", -2),  # the phrase, not "أمس" inside it
        ("أول أمس", -2),
        ("الليلة", 0),
        ("الليلة الماضية", -1),
    ],
)
def test_more_relative_days(finder, text, days):
    [f] = finder.find(fold(text))
    assert resolve(f, ANCHOR, None, False).start() == ANCHOR + dt.timedelta(days=days)


def test_a_weekday_gone_by(finder):
    [f] = finder.find(fold("الخميس الفائت"))
    assert resolve(f, ANCHOR, None, False, future=True).start() == dt.date(2026, 1, 1)  # the Thursday before, whatever the verbs
    [f] = finder.find(fold("في 3 يناير الفائت"))
    assert resolve(f, dt.date(2026, 1, 2), None, False).start() == dt.date(2025, 1, 3)
