"""The extractor's rules one at a time: which sentences speak of the same meeting,
which words make a date, and what a meeting named without a date becomes.

Each text is written for this project. Where a rule has branches, each branch has a
case that only it decides, so that changing the rule changes a result here.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator import extract, merge, record
from generator.dates import resolve
from generator.reader import parse_article
from generator.textnorm import fold


def mentions(lex, text):
    return extract.extract(parse_article("a.txt", text.encode("utf-8")), lex)


def summary(lex, text):
    events, _ = merge.merge(mentions(lex, text))
    out = []
    for e in events:
        r = record.build(e, lex)
        out.append((r["date"]["start"], (r["place"]["city"] or {}).get("id"), (r["place"]["country"] or {}).get("code"), r["kind"], r["series"]))
    return sorted(out)


# --- Same day, same kind: one meeting only where the places agree -------------------------

def test_same_day_same_kind_in_two_cities_is_two_meetings(lex):
    text = "date 2026-03-01\n\nتجري محادثات في جنيف يوم 8 مارس.\n\nوتجري محادثات أخرى في فيينا يوم 8 مارس."
    assert summary(lex, text) == [("2026-03-08", "geneva", "CH", "talks", None), ("2026-03-08", "vienna", "AT", "talks", None)]


def test_same_day_same_kind_same_city_is_one_meeting(lex):
    text = "date 2026-03-01\n\nتجري محادثات في جنيف يوم 8 مارس.\n\nوتتناول المحادثات في جنيف يوم 8 مارس ملف الأسرى."
    assert summary(lex, text) == [("2026-03-08", "geneva", "CH", "talks", None)]


def test_a_city_and_then_its_country_agree(lex):
    text = "date 2026-03-01\n\nتجري محادثات في جنيف يوم 8 مارس.\n\nوتعقد المحادثات في سويسرا يوم 8 مارس بحضور الوسطاء."
    assert summary(lex, text) == [("2026-03-08", "geneva", "CH", "talks", None)]


def test_same_day_same_kind_in_two_countries_is_two_meetings(lex):
    text = "date 2026-03-01\n\nتجري محادثات في سويسرا يوم 8 مارس.\n\nوتجري محادثات أخرى في النمسا يوم 8 مارس."
    assert summary(lex, text) == [("2026-03-08", None, "AT", "talks", None), ("2026-03-08", None, "CH", "talks", None)]


# --- A meeting word without a date: the meeting in hand, or a new one ---------------------

def test_the_meeting_again_adds_to_the_meeting_in_hand(lex):
    text = "date 2026-03-01\n\nيجتمع وزراء الخارجية في القاهرة يوم 9 مارس.\n\nويشارك في الاجتماع ممثلون عن الأمم المتحدة."
    [m] = mentions(lex, text)
    assert [p.ref.id for p in m.participants] == ["united-nations"]


def test_a_verb_of_meeting_adds_to_the_meeting_in_hand(lex):
    text = "date 2026-03-01\n\nيجتمع وزراء الخارجية في القاهرة يوم 9 مارس.\n\nوسيلتقي الوزراء في القاهرة ممثلين عن الأمم المتحدة."
    [m] = mentions(lex, text)
    assert m.city.id == "cairo" and [p.ref.id for p in m.participants] == ["united-nations"]


def test_a_new_meeting_named_with_its_own_place_is_not_the_one_in_hand(lex):
    text = "date 2026-03-01\n\nيجتمع وزراء الخارجية في القاهرة يوم 9 مارس.\n\nويعقب ذلك اجتماع عمان لبحث المياه."
    found = mentions(lex, text)
    assert [(m.city.id if m.city else None, m.date is not None) for m in found] == [("cairo", True), ("amman", False)]


def test_a_headline_without_a_date_gives_its_place_to_the_dated_meeting(lex):
    text = "date 2026-02-01\n\nقمة الاتحاد الأفريقي في أديس أبابا\n\nتعقد القمة الأفريقية يوم 14 فبراير بحضور القادة."
    assert summary(lex, text) == [("2026-02-14", "addis-ababa", "ET", "leaders", "african-union")]


def test_a_headline_of_another_body_gives_nothing(lex):
    text = "date 2026-02-01\n\nاجتماع لجامعة الدول العربية في القاهرة\n\nتعقد قمة الاتحاد الأفريقي يوم 14 فبراير بحضور القادة."
    assert summary(lex, text) == [("2026-02-14", None, None, "leaders", "african-union")]


def test_a_headline_with_another_place_gives_nothing(lex):
    text = "date 2026-02-01\n\nمحادثات في الدوحة\n\nتجري محادثات في جنيف يوم 14 فبراير."
    assert summary(lex, text) == [("2026-02-14", "geneva", "CH", "talks", None)]


def test_a_headline_sharing_nothing_gives_nothing(lex):
    # No place, body or level in common: a generic meeting word alone does not join.
    text = "date 2026-02-01\n\nاجتماع مرتقب\n\nيجتمع وزراء المالية يوم 14 فبراير."
    found = mentions(lex, text)
    assert [(m.kind.id, m.date is not None) for m in found] == [("meeting", False), ("finance-ministers", True)]


def test_the_headline_level_names_a_generic_dated_meeting(lex):
    text = "date 2026-02-01\n\nوزراء المالية يجتمعون في دبي\n\nتستضيف دبي يوم 14 فبراير اجتماعا موسعا."
    assert summary(lex, text) == [("2026-02-14", "dubai", "AE", "finance-ministers", None)]


def test_one_bodys_meetings_share_the_venue_given_once(lex):
    text = (
        "date 2026-02-09\n\nوصل الوزراء إلى أديس أبابا للمشاركة في قمة الاتحاد الأفريقي.\n\n"
        "وتعقد القمة الأفريقية يومي 14 و15 فبراير، عقب اجتماع المجلس التنفيذي للاتحاد الأفريقي المقرر يومي 11 و12 فبراير."
    )
    got = [(s, c) for s, c, *_ in summary(lex, text)]
    assert got == [("2026-02-11", "addis-ababa"), ("2026-02-14", "addis-ababa")]


# --- Which words make a date ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "weekday"),
    [
        ("أكد الوزير، السبت، أن", 5),  # set apart by commas
        ("وصل الوفد مساء الأحد", 6),  # after a time of day
        ("وصل الوفد صباح الجمعة", 4),  # after a time of day
        ("وصل الوفد ليلة الاثنين", 0),
        ("يجتمعون في كييف السبت لبحث", 5),  # right after a place
        ("يجتمعون بكييف الخميس لبحث", 3),  # after a place with an attached preposition
        ("تعقد الجلسة الخميس.", 3),  # at the end of a clause
        ("أعلن الوزير النتائج الخميس.", 3),  # at the end of a clause, no meeting word before it
    ],
)
def test_bare_weekday_is_a_date_where_it_stands_apart(finder, text, weekday):
    assert [f.weekday for f in finder.find(fold(text))] == [weekday]


@pytest.mark.parametrize("text", ["قال إن السبت عطلة", "الأحد عشر لاعبا", "بين الاثنين خلاف", "يجتمعون في كييف الأحد لبحث"])
def test_bare_weekday_in_running_text_is_not_a_date(finder, text):
    assert finder.find(fold(text)) == []


@pytest.mark.parametrize(
    ("text", "tense"),
    [("5 مارس المقبل", "future"), ("5 مارس القادم", "future"), ("5 مارس الماضي", "past"), ("5 مارس المنصرم", "past"), ("5 مارس الجاري", "current"), ("5 مارس الحالي", "current")],
)
def test_words_after_a_date_give_its_tense(finder, text, tense):
    assert [f.tense for f in finder.find(fold(text))] == [tense]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("يومي الأحد والاثنين المقبلين", dt.date(2026, 3, 15), dt.date(2026, 3, 16)),
        ("يومي الأحد والاثنين القادمين", dt.date(2026, 3, 15), dt.date(2026, 3, 16)),
        ("يومي السبت والأحد الماضيين", dt.date(2026, 3, 7), dt.date(2026, 3, 8)),
        ("أيام الأحد إلى الثلاثاء", dt.date(2026, 3, 15), dt.date(2026, 3, 17)),
    ],
)
def test_weekday_spans(finder, text, start, end):
    [f] = finder.find(fold(text))
    value = resolve(f, dt.date(2026, 3, 12), None, False)  # a Thursday
    assert (value.start(), value.end()) == (start, end)


@pytest.mark.parametrize(
    ("text", "days"),
    [("على مدى يومين", 2), ("على مدار ثلاثة أيام", 3), ("لمدة 4 أيام", 4), ("وتستمر يومين", 2), ("يمتد خمسة أيام", 5), ("تستغرق يوما واحدا", 1)],
)
def test_durations(finder, text, days):
    assert [d for _s, _e, d in finder.durations(fold(text))] == [days]


@pytest.mark.parametrize(
    ("text", "day", "month"),
    [("يوم 6 من الشهر نفسه", 6, 1), ("في 9 من الشهر ذاته", 9, 1), ("يوم 20 من الشهر الجاري", 20, 3), ("يوم 20 من الشهر الحالي", 20, 3), ("في 4 من الشهر المقبل", 4, 4), ("في الخامس من الشهر القادم", 5, 4)],
)
def test_days_of_a_month_the_context_gives(finder, text, day, month):
    [f] = finder.find(fold(text))
    value = resolve(f, dt.date(2026, 3, 12), None, False, context=dt.date(2026, 1, 3))
    assert (value.day, value.month) == (day, month)


def test_a_day_of_the_same_month_with_nothing_before_takes_the_datelines(finder):
    [f] = finder.find(fold("يوم 6 من الشهر نفسه"))
    assert resolve(f, dt.date(2026, 3, 12), None, False).start() == dt.date(2026, 3, 6)
    assert resolve(f, None, None, False) is None


def test_a_day_a_month_never_has_is_dropped(finder):
    [f] = finder.find(fold("يوم 31 من الشهر المقبل"))
    assert resolve(f, dt.date(2026, 3, 12), None, False) is None  # April has 30 days
