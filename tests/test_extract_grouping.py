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
    assert [(m.several, m.published, sentences(m, "kind")) for m in found] == [(True, dt.date(2026, 3, 1), [1]), (True, dt.date(2026, 3, 1), [2])]
    _events, notices = merge.merge(found)
    assert [n.place for n in notices] == ["sentence 1", "sentence 2"]


@pytest.mark.parametrize("text", [
    "date 2026-03-01\n\nوصل الوزير إلى القاهرة يوم 12 مارس.",  # a date, but no series of meetings
    "date 2026-03-01\n\nوأعلنت الوزارة، الأحد، عن سلسلة لقاءات مع المستثمرين.",  # only the report's date
])
def test_a_sentence_without_a_meeting_and_a_meeting_date_is_no_notice(lex, text):
    assert mentions(lex, text) == []
