"""How the extractor groups what a sentence says into meetings and gathers an article's
sentences about each one: the cues that make a sentence the evidence of a status, the
speaker a statement goes on with, the nearest meeting word, the draft a headline joins.

Every case was written for a change to ``generator/extract/__init__.py`` that no other
test noticed (tools/mutation.sh). The texts are the project's own, in outlets' styles.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator import extract, merge
from generator.model import DateValue
from generator.reader import parse_article


def mentions(lex, text: str, seed: str = "a.txt"):
    return extract.extract(parse_article(seed, text.encode("utf-8")), lex)


def one(lex, text: str):
    found = mentions(lex, text)
    assert len(found) == 1, found
    return found[0]


def sentences(m, name: str) -> list[int]:
    return [e.sentence for e in m.evidence.get(name, ())]


def day(y, m, d, **kw) -> DateValue:
    return DateValue(y, m, d, **kw)


SUMMIT = "date 2026-03-01\n\nقمة الرياض يوم 12 مارس.\n\n"


# --- which sentences are a meeting's evidence of its status ----------------------------------

# Sentences without a meeting word that go on speaking of the meeting ("الحاضرون"): each
# status cue makes the sentence the status's evidence; the first sentence has none.
@pytest.mark.parametrize("second, expected", [
    ("وأكد الحاضرون إلغاء حفل الاستقبال.", "cancelled"),
    ("وقرر الحاضرون تأجيل حفل الختام.", "postponed"),
    ("وقال الحاضرون إن النقاشات جرت في أجواء ودية.", "scheduled"),
    ("ويعتزم الحاضرون إصدار بيان مشترك.", "announced"),
    ("وقال الحاضرون إن الأعمال تتواصل حتى المساء.", "scheduled"),
])
def test_a_later_sentence_with_a_status_cue_is_the_evidence_of_the_status(lex, second, expected):
    m = one(lex, SUMMIT + second)
    assert sentences(m, "status") == [2] and m.status == expected


@pytest.mark.parametrize("second", [
    "وأعلنت الرئاسة إلغاء القمة.",
    "وقررت الرئاسة تأجيل القمة.",
    "وجرت القمة في أجواء ودية.",
    "وتعتزم الرئاسة توسيع القمة.",
    "وتتواصل أعمال القمة حتى المساء.",
])
def test_a_sentence_naming_the_meeting_again_with_a_status_cue_is_its_evidence(lex, second):
    assert sentences(one(lex, SUMMIT + second), "status") == [2]


def test_a_future_tense_alone_says_nothing_of_the_status(lex):
    # No cue anywhere: the status rests on the date, so its evidence is the date's sentence.
    m = one(lex, SUMMIT + "ويحضر القمة المقبلة عدد من القادة.")
    assert sentences(m, "status") == sentences(m, "date") == [1]


def test_without_a_date_the_status_rests_on_the_sentence_that_names_the_meeting(lex):
    m = one(lex, "date 2026-03-01\n\nقمة في الرياض\n\nوأبدى القادة ارتياحهم للتحضيرات.")
    assert m.date is None and sentences(m, "status") == sentences(m, "kind") == [1]


def test_the_date_given_later_is_the_evidence_of_a_status_no_word_tells(lex):
    m = one(lex, "date 2026-03-01\n\nقمة في الرياض\n\nوموعد القمة يوم 12 مارس.")
    assert sentences(m, "kind") == [1, 2] and sentences(m, "date") == sentences(m, "status") == [2]


def test_an_unrelated_cancellation_after_a_meeting_does_not_cancel_it(lex):
    m = one(lex, "date 2026-03-01\n\nتعقد قمة الرياض يوم 12 مارس.\n\nوألغيت رحلات جوية بسبب العاصفة.")
    assert m.status == "scheduled" and sentences(m, "status") == [1]


@pytest.mark.parametrize("second", [
    "وقال المشاركون إن الحوار مستمر.",  # no meeting word
    "وقال الوزير إن القمة كانت ستبحث الحوار.",  # the meeting named again
])
def test_a_later_sentence_without_a_cue_keeps_the_cancellation(lex, second):
    m = one(lex, "date 2026-03-01\n\nألغيت قمة الرياض التي كانت مقررة يوم 12 مارس.\n\n" + second)
    assert m.status == "cancelled"


def test_the_same_sentence_is_cited_once_for_a_field(lex):
    # The day and the length of the meeting are both read from the first sentence.
    m = one(lex, "date 2026-03-01\n\nتعقد القمة العربية في الرياض يوم 12 مارس على مدى يومين.")
    assert m.date == day(2026, 3, 12, end_day=13) and sentences(m, "date") == [1]


def test_a_length_given_in_a_sentence_about_the_meeting_is_its_evidence(lex):
    m = one(lex, "date 2026-03-01\n\nتعقد قمة الرياض يوم 12 مارس.\n\nويتوقع المشاركون أن تستمر الأعمال على مدى يومين.")
    assert m.date == day(2026, 3, 12, end_day=13) and sentences(m, "date") == [1, 2]


# --- statuses told by the words of an undated article ----------------------------------------

@pytest.mark.parametrize("text, expected", [
    # an agreement the meeting is about is no sign the meeting is only planned
    ("date 2026-03-01\n\nيزور وزير الخارجية الفرنسي بيروت يوم 6 مارس لمتابعة تطبيق اتفاق وقف إطلاق النار.", "scheduled"),
    ("date 2026-03-01\n\nيزور وزير الخارجية الفرنسي بيروت يوم 6 مارس لبحث الاتفاق الموقع بين البلدين.", "scheduled"),
    # the agreement named with its own day, after the meeting's: that day stays the agreement's
    ("date 2026-03-01\n\nيلتقي الوزيران في باريس يوم 10 مارس لبحث تطبيق اتفاق 27 نوفمبر.", "scheduled"),
    # the parties agreeing to meet, or intending to: planned
    ("date 2026-03-01\n\nاتفق الوزيران على الاجتماع في الرياض يوم 12 مارس.", "announced"),
    ("date 2026-03-01\n\nيعتزم الوزيران الاجتماع في الرياض يوم 12 مارس.", "announced"),
])
def test_an_agreement_named_is_no_plan_but_agreeing_to_meet_is(lex, text, expected):
    m = one(lex, text)
    assert m.status == expected and m.date.day in (6, 12, 10) and m.date.month == 3


@pytest.mark.parametrize("text, day", [
    # the event a meeting is about, named after its day, takes no day before it
    ("date 2026-03-01\n\nيزور المبعوث بيروت يوم 6 مارس لمتابعة تطبيق اتفاق وقف إطلاق النار.", 6),
    ("date 2026-03-01\n\nيجتمع وزراء الخارجية في القاهرة يوم 8 مارس بشأن الهجوم على الحدود.", 8),
    # an event not named as a subject still claims the day nearest it (a call on Friday)
    ("date 2026-03-01\n\nيلتقي الوزيران في القاهرة يوم 9 مارس، بعد اتصال يوم 3 مارس.", 9),
])
def test_an_event_a_meeting_is_about_leaves_it_the_day_before(lex, text, day):
    m = one(lex, text)
    assert m.date is not None and (m.date.month, m.date.day) == (3, day)


def test_the_day_after_an_event_a_meeting_is_about_is_the_events(lex):
    # "the agreement of 27 November": the meeting itself has no day
    assert one(lex, "date 2026-03-01\n\nيلتقي الوزيران في باريس قريبا لبحث تطبيق اتفاق 27 نوفمبر.").date is None


def test_preparations_that_began_for_a_coming_summit_are_not_a_summit_held(lex):
    m = one(lex, "بدأت التحضيرات للقمة العربية المقبلة في بغداد.")
    assert m.date is None and m.status == "announced"


def test_a_summit_whose_sessions_go_on_was_held(lex):
    m = one(lex, "تتواصل أعمال القمة العربية في بغداد.")
    assert m.date is None and m.status == "held"


# --- who goes on speaking --------------------------------------------------------------------

def speakers(m) -> list[tuple[str, int]]:
    return [(s.speaker.id, s.evidence.sentence) for s in m.statements]


def test_a_speaker_named_once_goes_on_speaking_in_the_next_sentence(lex):
    m = one(lex, "date 2026-03-01\n\nتعقد قمة الرياض يوم 12 مارس.\n\nوقال ماكرون إنه سيحضر شخصيا.\n\n"
                 "وتابع أن بلاده تدعم الحل السياسي.\n\nومن المنتظر أن يصدر المشاركون بيانا ختاميا.")
    # The last sentence speaks of the meeting, but no one is quoted in it.
    assert speakers(m) == [("macron", 2), ("macron", 3)]


def test_a_speaker_who_names_the_meeting_goes_on_speaking(lex):
    m = one(lex, "date 2026-03-01\n\nوقال ماكرون إن قمة الرياض تعقد يوم 12 مارس.\n\nوتابع أن بلاده تدعم الحل السياسي.")
    assert speakers(m) == [("macron", 1), ("macron", 2)]


def test_a_sentence_that_opens_with_speech_goes_on_with_the_last_speaker(lex):
    m = one(lex, "date 2026-03-01\n\nوقال ماكرون إن قمة الرياض تعقد يوم 12 مارس.\n\nوأكد أن وفد بلاده سيشارك في أعمالها.")
    assert speakers(m) == [("macron", 1), ("macron", 2)]


# --- the day of the news ---------------------------------------------------------------------

def test_a_meeting_on_the_sidelines_of_which_something_is_said_today_is_of_the_dateline(lex):
    m = one(lex, "date 2026-03-05\n\nقال الوزير اليوم إن الخطة عرضت على هامش اجتماع وزراء الخارجية في القاهرة.")
    assert (m.date, m.city.id, m.status) == (day(2026, 3, 5), "cairo", "held")


def test_without_a_dateline_today_gives_no_day(lex):
    m = one(lex, "قال الوزير اليوم إن الخطة عرضت على هامش اجتماع وزراء الخارجية في القاهرة.")
    assert m.date is None and m.city.id == "cairo"


def test_a_coming_meeting_on_the_sidelines_of_which_something_will_be_said_has_no_day(lex):
    m = one(lex, "date 2026-03-05\n\nقال الوزير اليوم إن الخطة ستعرض خلال القمة المقبلة في الرياض.")
    assert m.date is None


def test_tomorrow_is_not_the_day_of_the_news(lex):
    m = one(lex, "date 2026-03-05\n\nيصل الوزير غدا إلى القاهرة.\n\nوعلى هامش اجتماع وزراء الخارجية في القاهرة تعرض الخطة.")
    assert m.date is None


def test_the_same_month_is_the_month_the_article_named_last(lex):
    found = mentions(lex, "date 2026-05-10\n\nعقد وزراء الخارجية اجتماعا في الرياض يوم 3 مارس.\n\n"
                          "ويعقد وزراء الدفاع اجتماعا في جدة يوم 20 من الشهر نفسه.")
    assert [(m.kind.id, m.date, m.city.id) for m in found] == [
        ("foreign-ministers", day(2026, 3, 3), "riyadh"), ("defence-ministers", day(2026, 3, 20), "jeddah")]


# --- sentences that name several meetings, none singled out ------------------------------------

def test_two_series_of_meetings_are_two_notices_in_the_order_of_the_text(lex):
    found = mentions(lex, "date 2026-03-01\n\nتبدأ سلسلة اجتماعات يوم 12 مارس.\n\nوتليها سلسلة لقاءات يوم 20 مارس.")
    assert [(m.several, m.order, m.published, sentences(m, "kind")) for m in found] == [(True, 0, dt.date(2026, 3, 1), [1]), (True, 1, dt.date(2026, 3, 1), [2])]
    _events, notices = merge.merge(found)
    assert [n.place for n in notices] == ["sentence 1", "sentence 2"]


@pytest.mark.parametrize("text", [
    "date 2026-03-01\n\nوصل الوزير إلى القاهرة يوم 12 مارس.",  # a date, but no series of meetings
    "date 2026-03-01\n\nوأعلنت الوزارة، الأحد، عن سلسلة لقاءات مع المستثمرين.",  # only the report's date
])
def test_a_sentence_without_a_meeting_and_a_meeting_date_is_no_notice(lex, text):
    assert mentions(lex, text) == []


def test_a_date_of_the_news_that_is_not_a_report_still_makes_the_day_of_the_news(lex):
    # "اليوم الخميس (11 أيلول)" is read as a date, not as "today": the word still names the news day.
    found = mentions(lex, "date 2025-09-11\n\nتنطلق اليوم الخميس (11 أيلول 2025) أعمال المنتدى في جنيف.\n\n"
                          "وعلى هامش اجتماع وزراء الطاقة في الدوحة عرضت الخطة.")
    assert [(m.kind.id, m.date, m.city.id) for m in found] == [
        ("forum", day(2025, 9, 11), "geneva"), ("energy-ministers", day(2025, 9, 11), "doha")]


def test_a_sentence_that_opens_on_the_sidelines_of_a_meeting_takes_the_news_day(lex):
    m = one(lex, "date 2026-03-05\n\nقال الوزير اليوم إن الخطة جاهزة.\n\nعلى هامش اجتماع وزراء الخارجية في القاهرة عرضت الخطة.")
    assert (m.date, m.date_text, sentences(m, "date")) == (day(2026, 3, 5), None, [2])


def test_an_occasion_named_after_the_meeting_word_does_not_date_it(lex):
    m = one(lex, "date 2026-03-05\n\nقال الوزير اليوم إن اجتماع وزراء الخارجية في القاهرة سيبحث ما جرى خلال الأسبوع.")
    assert m.date is None


def test_a_meeting_with_its_own_date_keeps_it_beside_an_occasion(lex):
    m = one(lex, "date 2026-03-05\n\nقال الوزير اليوم إن الخطة ستعرض خلال اجتماع وزراء الخارجية يوم 12 مارس.")
    assert (m.date, m.date_text) == (day(2026, 3, 12), "12 مارس")


# --- how long a meeting lasts -----------------------------------------------------------------

@pytest.mark.parametrize("when, expected", [
    ("يوم 31 مارس على مدى يومين", day(2026, 3, 31, end_day=1, end_month=4)),
    ("يوم 30 ديسمبر على مدى ثلاثة أيام", day(2026, 12, 30, end_day=1, end_month=1, end_year=2027)),
    ("يوم 12 مارس على مدى يوم واحد", day(2026, 3, 12)),
    ("من 12 إلى 14 مارس على مدى ثلاثة أيام", day(2026, 3, 12, end_day=14)),
    ("في مارس على مدى يومين", DateValue(2026, 3, None)),  # no day to count from: none is made up
])
def test_a_length_extends_a_one_day_meeting_only(lex, when, expected):
    assert one(lex, f"date 2026-03-01\n\nستعقد القمة العربية في الرياض {when}.").date == expected


def test_a_length_without_a_year_to_count_from_changes_nothing(lex):
    assert one(lex, "ستعقد القمة العربية في الرياض يوم 12 مارس على مدى يومين.").date == DateValue(None, 3, 12)


# --- which sentences make one meeting --------------------------------------------------------

def test_direct_talks_on_the_day_and_place_of_a_ministers_meeting_are_that_meeting(lex):
    found = mentions(lex, "date 2026-03-01\n\nتجري محادثات مباشرة في جنيف يوم 12 مارس.\n\nويجتمع وزراء الخارجية في جنيف يوم 12 مارس.")
    assert [(m.kind.id, m.kind_generic, sentences(m, "date")) for m in found] == [("foreign-ministers", False, [1, 2])]


def test_two_levels_in_one_city_on_one_day_are_two_meetings_in_the_order_named(lex):
    found = mentions(lex, "date 2026-03-01\n\nيجتمع وزراء الدفاع في برلين يوم 12 مارس.\n\nويجتمع وزراء الخارجية في برلين يوم 12 مارس.")
    assert [(m.order, m.kind.id, m.city.id) for m in found] == [(0, "defence-ministers", "berlin"), (1, "foreign-ministers", "berlin")]


def test_one_level_named_twice_for_one_day_is_one_meeting(lex):
    m = one(lex, "date 2026-03-01\n\nيجتمع وزراء الخارجية في الرياض يوم 12 مارس.\n\nويجتمع وزراء الخارجية في الرياض يوم 12 مارس لبحث ملف المياه.")
    assert sentences(m, "date") == [1, 2]


def test_talks_on_the_day_of_a_ministers_meeting_keep_the_ministers_level(lex):
    m = one(lex, "date 2026-03-01\n\nيجتمع وزراء الخارجية في الرياض يوم 12 مارس.\n\nوتجري محادثات في الرياض يوم 12 مارس.")
    assert (m.kind.id, sentences(m, "date")) == ("foreign-ministers", [1, 2])


def test_a_body_named_later_for_the_same_day_and_place_is_the_same_meeting(lex):
    m = one(lex, "date 2026-03-01\n\nيجتمع وزراء الدفاع في بروكسل يوم 12 مارس.\n\nويجتمع وزراء الدفاع في حلف الناتو في بروكسل يوم 12 مارس.")
    assert (m.series.id, sentences(m, "series")) == ("nato", [2])


def test_the_first_format_named_stays_the_kind_of_a_meeting_without_a_level(lex):
    m = one(lex, "date 2026-03-01\n\nتجري محادثات في جنيف يوم 12 مارس.\n\nويعقد مؤتمر في جنيف يوم 12 مارس.")
    assert (m.kind.id, m.kind_generic, m.format) == ("talks", True, "talks")


def test_ministers_who_take_part_in_the_talks_give_them_their_level(lex):
    m = one(lex, "date 2026-03-01\n\nتجري محادثات في جنيف يوم 12 مارس.\n\nويشارك وزراء الخارجية في المحادثات.")
    assert (m.kind.id, m.kind_generic, m.format) == ("foreign-ministers", False, "talks")


def test_the_meeting_named_again_does_not_change_the_talks_format(lex):
    m = one(lex, "date 2026-03-01\n\nتجري محادثات في جنيف يوم 12 مارس.\n\nويشارك في الاجتماع ممثلو عشر دول.")
    assert (m.kind.id, m.participant_count) == ("talks", (10, "countries"))


def test_a_meeting_of_a_level_named_again_without_a_date_is_the_last_one(lex):
    found = mentions(lex, "date 2026-03-01\n\nيجتمع وزراء الخارجية في الرياض يوم 3 مارس.\n\n"
                          "ويجتمع وزراء الخارجية في جدة يوم 10 مارس.\n\nويبحث اجتماع وزراء الخارجية ملف المياه.")
    assert [(m.city.id, sentences(m, "kind")) for m in found] == [("riyadh", [1]), ("jeddah", [2, 3])]


def test_the_next_meeting_in_another_city_is_another_meeting(lex):
    found = mentions(lex, "date 2026-03-01\n\nيجتمع وزراء الخارجية في الرياض يوم 3 مارس.\n\nوسيعقد الاجتماع المقبل في الكويت.")
    assert [(m.date, m.city.id if m.city else None, m.country.id) for m in found] == [(day(2026, 3, 3), "riyadh", "sa"), (None, None, "kw")]


# --- headlines and other undated mentions ----------------------------------------------------

def test_a_headline_of_another_body_stays_apart(lex):
    found = mentions(lex, "date 2026-03-01\n\nقمة الاتحاد الأفريقي\n\nتعقد القمة العربية في الرياض يوم 12 مارس.")
    assert sorted((m.series.id, m.date is None) for m in found) == [("african-union", True), ("arab-league", False)]


def test_a_headline_format_does_not_replace_the_format_of_the_dated_talks(lex):
    m = one(lex, "date 2026-03-01\n\nمؤتمر في جنيف\n\nتجري محادثات في جنيف يوم 12 مارس.")
    assert (m.kind.id, m.format, sentences(m, "kind")) == ("talks", "talks", [1, 2])


def test_a_meeting_said_to_be_in_person_stays_so_when_a_headline_joins_it(lex):
    m = one(lex, "date 2026-03-01\n\nقمة في الرياض\n\nتعقد القمة في الرياض يوم 12 مارس حضوريا.")
    assert m.in_person and not m.online


# --- one body's meetings share the venue the text gives once ---------------------------------

GCC = "date 2026-03-01\n\nيجتمع وزراء خارجية مجلس التعاون الخليجي {p1}يوم 3 مارس.\n\nويجتمع وزراء دفاع مجلس التعاون الخليجي {p2}يوم 5 مارس."


def places(found):
    return [(m.kind.id, m.city.id if m.city else None, m.country.id if m.country else None, sentences(m, "place")) for m in found]


def test_a_meeting_of_a_body_without_a_place_takes_the_place_of_the_bodys_other_meeting(lex):
    found = mentions(lex, GCC.format(p1="في الرياض ", p2=""))
    assert places(found) == [("foreign-ministers", "riyadh", "sa", [1]), ("defence-ministers", "riyadh", "sa", [1])]


def test_a_body_meeting_in_a_country_gives_that_country(lex):
    found = mentions(lex, GCC.format(p1="في السعودية ", p2=""))
    assert places(found) == [("foreign-ministers", None, "sa", [1]), ("defence-ministers", None, "sa", [1])]


def test_meetings_of_one_body_in_two_cities_keep_their_own(lex):
    found = mentions(lex, GCC.format(p1="في الرياض ", p2="في جدة "))
    assert places(found) == [("foreign-ministers", "riyadh", "sa", [1]), ("defence-ministers", "jeddah", "sa", [2])]


def test_a_body_that_met_in_two_cities_gives_no_place_to_a_third_meeting(lex):
    found = mentions(lex, GCC.format(p1="في الرياض ", p2="في جدة ") + "\n\nويجتمع وزراء داخلية مجلس التعاون الخليجي يوم 8 مارس.")
    assert places(found)[2] == ("interior-ministers", None, None, [])


# --- what goes to which meeting word within a sentence ----------------------------------------

@pytest.mark.parametrize("text", [
    "يجتمع مستشارو الأمن القومي لقادة الدول الأوروبية في لندن يوم 12 مارس.",
    # "للقادة" stands nearer the meeting word, but it says whose advisers they are.
    "مستشارو الأمن القومي للقادة الأوروبيين يجتمعون في لندن يوم 12 مارس.",
])
def test_advisers_of_the_leaders_meet_not_the_leaders(lex, text):
    m = one(lex, "date 2026-03-01\n\n" + text)
    assert (m.kind.id, m.city.id) == ("national-security-advisers", "london")


def test_advisers_and_leaders_named_apart_leave_the_nearest_level(lex):
    m = one(lex, "date 2026-03-01\n\nمستشارو الأمن القومي، والقادة الأوروبيون يجتمعون في لندن يوم 12 مارس.")
    assert m.kind.id == "leaders"


@pytest.mark.parametrize("text", [
    "يعقد اجتماع وزراء الخارجية بحضور وزراء الدفاع في الرياض يوم 12 مارس.",
    "بحضور وزراء الدفاع، يعقد اجتماع وزراء الخارجية في الرياض يوم 12 مارس.",
])
def test_the_level_nearest_the_meeting_word_is_the_meetings(lex, text):
    assert one(lex, "date 2026-03-01\n\n" + text).kind.id == "foreign-ministers"


def test_a_list_of_days_is_one_meeting_a_day_each_with_the_level_body_and_place(lex):
    found = mentions(lex, "date 2026-03-01\n\nيجتمع وزراء خارجية مجلس التعاون الخليجي في الرياض في 25 آذار و22 نيسان، و20 أيار.")
    assert [(m.date, m.kind.id, m.series.id, m.city.id, m.format) for m in found] == [
        (day(2026, m, d), "foreign-ministers", "gcc", "riyadh", "meeting") for m, d in ((3, 25), (4, 22), (5, 20))]


def test_the_format_is_that_of_the_word_the_date_goes_to(lex):
    # A meeting held to prepare a summit is a meeting, not the summit.
    assert one(lex, "date 2026-03-01\n\nيعقد اجتماع يوم 10 مارس تحضيرا للقمة.").format == "meeting"


def test_an_undated_meeting_word_joins_the_nearest_dated_meeting_of_the_sentence(lex):
    found = mentions(lex, "date 2026-03-01\n\nيعقد اجتماع في الرياض يوم 3 مارس، ويعقد اجتماع آخر في جدة يوم 5 مارس تليه محادثات لوزراء الخارجية.")
    assert [(m.date, m.city.id, m.kind.id) for m in found] == [(day(2026, 3, 3), "riyadh", "meeting"), (day(2026, 3, 5), "jeddah", "foreign-ministers")]


def test_two_summits_in_two_cities_named_in_one_sentence_are_two(lex):
    found = mentions(lex, "date 2026-03-01\n\nبعد قمة الرياض، قمة في القاهرة.")
    assert [(m.date, m.city.id) for m in found] == [(None, "riyadh"), (None, "cairo")]


def test_a_summit_in_a_country_named_beside_a_dated_summit_in_a_city_stays_apart(lex):
    found = mentions(lex, "date 2026-03-01\n\nتعقد قمة في مصر يوم 12 مارس بعد قمة في الرياض.")
    assert [(m.date, m.country.id) for m in found] == [(day(2026, 3, 12), "sa"), (None, "eg")]


def test_the_same_day_of_two_years_is_two_meetings(lex):
    found = mentions(lex, "date 2026-03-01\n\nيجتمع وزراء الخارجية في الرياض يوم 12 مارس 2025.\n\nويجتمع وزراء الخارجية في الرياض يوم 12 مارس 2026.")
    assert [m.date for m in found] == [day(2025, 3, 12), day(2026, 3, 12)]


def test_the_same_day_named_without_its_year_is_the_same_meeting(lex):
    m = one(lex, "يجتمع وزراء الخارجية في الرياض يوم 12 مارس 2026.\n\nويجتمع وزراء الخارجية في الرياض يوم 12 مارس لبحث ملف المياه.")
    assert (m.date, sentences(m, "date")) == (day(2026, 3, 12), [1, 2])


@pytest.mark.parametrize("again", ["والاجتماع في الرياض سيبحث ملف المياه.", "فالاجتماع في الرياض سيبحث ملف المياه."])
def test_the_meeting_named_again_with_a_conjunction_is_the_same_meeting(lex, again):
    m = one(lex, "date 2026-03-01\n\nيجتمع وزراء الخارجية في الرياض يوم 3 مارس.\n\n" + again)
    assert sentences(m, "place") == [1, 2]


# --- how far a date, place or level reaches ---------------------------------------------------

def test_a_place_in_another_clause_is_not_the_meetings(lex):
    m = one(lex, "date 2026-03-01\n\nيجتمع وزراء الخارجية يوم 12 مارس، فيما يصل الرئيس إلى القاهرة.")
    assert (m.date, m.city, m.country) == (day(2026, 3, 12), None, None)


def test_a_date_in_another_clause_is_not_the_meetings(lex):
    m = one(lex, "date 2026-03-01\n\nيجتمع الوزراء في جدة، فيما يصل وزراء الدفاع إلى الرياض يوم 12 مارس.")
    assert (m.date, m.city.id) == (None, "jeddah")


def test_a_level_in_another_clause_is_not_the_meetings(lex):
    m = one(lex, "date 2026-03-01\n\nيجتمع الوزراء في جدة يوم 12 مارس، فيما يبحث وزراء الدفاع ملف الحدود.")
    assert (m.kind.id, m.kind_generic) == ("meeting", True)


def test_of_two_places_the_one_nearest_the_meeting_word_is_its_venue(lex):
    m = one(lex, "date 2026-03-01\n\nفي الرياض، أعلن الوزير عقد اجتماع في جدة يوم 12 مارس.")
    assert m.city.id == "jeddah"


def test_a_meeting_named_without_a_level_joins_the_latest_meeting_of_its_day_and_city(lex):
    found = mentions(lex, "date 2026-03-01\n\nيجتمع وزراء الدفاع في برلين يوم 12 مارس.\n\nويجتمع وزراء الخارجية في برلين يوم 12 مارس.\n\n"
                          "ويجتمع وزراء الداخلية في ميونخ يوم 12 مارس.\n\nويعقد اجتماع في برلين يوم 12 مارس بحضور ماكرون.")
    assert [(m.kind.id, m.city.id, sentences(m, "date")) for m in found] == [
        ("defence-ministers", "berlin", [1]), ("foreign-ministers", "berlin", [2, 4]), ("interior-ministers", "munich", [3])]


# --- which dated meeting a headline joins ------------------------------------------------------

def joined(found):
    return [(m.date, sentences(m, "kind")) for m in found]


def test_a_headline_of_a_body_joins_the_meeting_of_that_body(lex):
    found = mentions(lex, "date 2026-03-01\n\nقمة مجلس التعاون الخليجي\n\nتعقد قمة مجلس التعاون الخليجي في الرياض يوم 3 مارس.\n\n"
                          "وتعقد قمة أخرى في القاهرة يوم 10 مارس.")
    assert joined(found) == [(day(2026, 3, 3), [1, 2]), (day(2026, 3, 10), [3])]


def test_a_headline_in_a_city_joins_the_meeting_in_that_city_not_the_one_in_its_country(lex):
    found = mentions(lex, "date 2026-03-01\n\nقمة في الرياض\n\nتعقد القمة الأولى في الرياض يوم 3 مارس.\n\nوتعقد قمة ثانية في السعودية يوم 10 مارس.")
    assert joined(found) == [(day(2026, 3, 3), [1, 2]), (day(2026, 3, 10), [3])]


def test_a_headline_in_a_country_joins_the_meeting_placed_in_it(lex):
    found = mentions(lex, "date 2026-03-01\n\nقمة في السعودية\n\nتعقد القمة الأولى في الرياض يوم 3 مارس.\n\nوتعقد قمة ثانية يوم 10 مارس.")
    assert joined(found) == [(day(2026, 3, 3), [1, 2]), (day(2026, 3, 10), [3])]


def test_a_headline_that_fits_two_meetings_equally_joins_neither(lex):
    # Both summits are the body's; that one has a place the headline does not give decides nothing.
    found = mentions(lex, "date 2026-03-01\n\nقمة مجلس التعاون الخليجي\n\nتعقد قمة مجلس التعاون الخليجي في الرياض يوم 3 مارس.\n\n"
                          "وتعقد قمة مجلس التعاون الخليجي يوم 10 مارس.")
    assert joined(found) == [(None, [1]), (day(2026, 3, 3), [2]), (day(2026, 3, 10), [3])]


def test_the_day_a_postponement_is_announced_is_not_the_meetings_previous_day(lex):
    m = one(lex, "date 2026-02-16\n\nقال الوزير يوم 15 فبراير إن القمة العربية أجلت إلى يوم 21 فبراير.")
    # Put off to a named day: a meeting scheduled on that day (the old one is not given).
    assert (m.date, m.previous, m.status) == (day(2026, 2, 21), None, "scheduled")


def test_a_meeting_word_without_a_body_on_the_day_and_place_of_a_bodys_meeting_joins_it(lex):
    m = one(lex, "date 2026-02-10\n\nيجتمع وزراء الدفاع في حلف الناتو في بروكسل يوم 12 فبراير.\n\n"
                 "ويجتمع وزراء الدفاع في بروكسل يوم 12 فبراير لبحث دعم الدفاع الجوي.")
    assert (m.series.id, sentences(m, "date"), sentences(m, "series")) == ("nato", [1, 2], [1])


def test_a_month_the_news_was_given_in_is_no_day_for_a_meeting_on_its_sidelines(lex):
    m = one(lex, "date 2026-04-10\n\nأعلن الوزير في مارس أن الخطة جاهزة.\n\nوعلى هامش اجتماع وزراء الخارجية في القاهرة عرضت الخطة.")
    assert (m.date, m.city.id) == (None, "cairo")


def test_a_meeting_word_without_date_or_place_brings_its_level_to_the_nearest_dated_meeting(lex):
    found = mentions(lex, "date 2026-03-01\n\nيعقد اجتماع في الرياض يوم 3 مارس، ويعقد اجتماع ثان لوزراء الخارجية يوم 5 مارس تليه محادثات.")
    assert [(m.date, m.kind.id, m.format) for m in found] == [(day(2026, 3, 3), "meeting", "meeting"), (day(2026, 3, 5), "foreign-ministers", "talks")]


def test_a_level_beside_a_format_phrase_names_the_kind(lex):
    # "محادثات مباشرة" is nearer the meeting word (it is one), but it only says what kind of talks.
    m = one(lex, "date 2026-03-01\n\nتجري محادثات مباشرة بين وزراء الخارجية في جنيف يوم 12 مارس.")
    assert (m.kind.id, m.kind_generic, m.format) == ("foreign-ministers", False, "talks")


FILES = "ملفات التعاون الاقتصادي والتنمية والتجارة والاستثمار والنقل والتعليم والصحة والزراعة والبيئة والسياحة"


@pytest.mark.parametrize("last, reached", [("والموانئ", True), ("والاتصالات", False)])
def test_a_place_is_the_meetings_up_to_its_reach_and_no_further(lex, last, reached):
    text = f"يجتمع الوزراء يوم 12 مارس لبحث {FILES} {last} في الرياض."
    distance = text.index("الرياض") - len("يجتمع")  # characters from the meeting word to the place
    assert distance == (extract.PLACE_REACH if reached else extract.PLACE_REACH + 2)
    m = one(lex, "date 2026-03-01\n\n" + text)
    assert (m.city.id if m.city else None) == ("riyadh" if reached else None)


@pytest.mark.parametrize("words, dated", [("الأعمال الرسمية الموسعة", True), ("الأعمال الرسمية المفتوحة", False)])
def test_an_occasion_reaches_a_meeting_word_twenty_five_characters_away_and_no_further(lex, words, dated):
    # "خلال <25 characters> لاجتماع": the statement was made during that meeting; further off,
    # "خلال" speaks of something else.
    text = f"قال الوزير اليوم إن الخطة عرضت خلال {words} لاجتماع وزراء الخارجية في القاهرة."
    assert text.index("لاجتماع") - text.index("خلال") - len("خلال") == (25 if dated else 26)
    m = one(lex, "date 2026-03-05\n\n" + text)
    assert m.date == (day(2026, 3, 5) if dated else None)


def test_another_body_speaking_of_the_meeting_does_not_become_its_body(lex):
    m = one(lex, "date 2026-02-10\n\nيجتمع وزراء الدفاع في حلف الناتو في بروكسل يوم 12 فبراير.\n\n"
                 "وقال الاتحاد الأوروبي إن الاجتماع سيبحث دعم الدفاع الجوي.")
    assert (m.series.id, sentences(m, "series"), sentences(m, "topics")) == ("nato", [1], [2])


def test_undated_summits_named_with_two_cities_are_two_and_the_first_word_goes_with_the_first(lex):
    found = mentions(lex, "date 2026-03-01\n\nتتواصل التحضيرات للقمة المرتقبة وقمة الرياض وقمة القاهرة.")
    assert [(m.date, m.city.id) for m in found] == [(None, "riyadh"), (None, "cairo")]


def test_the_meeting_of_the_day_goes_on_with_the_one_just_named_again(lex):
    found = mentions(lex, "date 2026-03-01\n\nيجتمع وزراء الخارجية في برلين يوم 12 مارس.\n\nويجتمع وزراء الدفاع في برلين يوم 12 مارس.\n\n"
                          "ويبحث اجتماع وزراء الخارجية في برلين يوم 12 مارس ملف أوكرانيا.\n\nويعقد الاجتماع في برلين يوم 12 مارس بحضور ماكرون.")
    assert [(m.kind.id, sentences(m, "date")) for m in found] == [("foreign-ministers", [1, 3, 4]), ("defence-ministers", [2])]


def test_levels_after_advisers_of_the_leaders_are_still_read(lex):
    found = mentions(lex, "date 2026-03-01\n\nيجتمع مستشارو الأمن القومي للقادة الأوروبيين يوم 12 مارس في لندن، "
                          "ويجتمع وزراء الخارجية يوم 14 مارس في باريس.")
    assert [(m.kind.id, m.date) for m in found] == [("national-security-advisers", day(2026, 3, 12)), ("foreign-ministers", day(2026, 3, 14))]
