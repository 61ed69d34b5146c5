"""The extractor's stages one by one (generator/extract/): status, segment, scan,
triggers, when, where and details, each on the project's own sentences.

The stages are pure functions of a folded sentence and the lexicon; where a stage
fills a draft meeting (details), it is checked through ``extract.extract``."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from generator import extract
from generator.dates import DateFinder
from generator.extract import scan, segment, triggers, when, where
from generator.extract.status import status as status_of
from generator.lexicon import Entry
from generator.model import DateValue, Ref
from generator.reader import parse_article
from generator.textnorm import fold

MARCH_1 = dt.date(2026, 3, 1)


# --- status -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "words, date, published, moved, expected",
    [
        ({"cancelled", "postponed", "held"}, DateValue(2026, 2, 1), MARCH_1, False, "cancelled"),
        ({"postponed", "held"}, DateValue(2026, 2, 1), MARCH_1, False, "postponed"),
        ({"postponed"}, DateValue(2026, 3, 9), MARCH_1, True, "scheduled"),  # moved to a new day: that day is scheduled
        ({"scheduled", "future"}, DateValue(2026, 3, 1), MARCH_1, False, "held"),  # on the dateline: under way
        (set(), DateValue(2026, 3, 9), MARCH_1, False, "scheduled"),
        ({"announced"}, DateValue(2026, 3, 9), MARCH_1, False, "announced"),  # only planned
        ({"announced", "scheduled"}, DateValue(2026, 3, 9), MARCH_1, False, "scheduled"),
        ({"scheduled"}, DateValue(2026, 4, None), MARCH_1, False, "announced"),  # a month only
        # no dateline: the verbs decide
        ({"held"}, DateValue(None, 3, 9), None, False, "held"),
        ({"started"}, DateValue(None, 3, 9), None, False, "held"),
        ({"held", "future"}, DateValue(None, 3, 9), None, False, "scheduled"),
        ({"started", "future"}, DateValue(None, 4, None), None, False, "announced"),
        (set(), DateValue(None, 3, 9), None, False, "scheduled"),
        (set(), DateValue(None, 3, None), None, False, "announced"),
        ({"scheduled"}, None, None, False, "announced"),
        ({"held"}, None, MARCH_1, False, "held"),
    ],
)
def test_status(words, date, published, moved, expected):
    assert status_of(words, date, published, moved) == expected


# --- segment ------------------------------------------------------------------------------

def test_an_agency_dateline_is_blanked_to_the_same_length():
    text = fold("القاهرة، 9 مارس (وكالة الأنباء) - يجتمع وزراء الخارجية العرب غدا")
    out = segment.strip_dateline(text)
    assert len(out) == len(text)
    assert out.lstrip() == fold("يجتمع وزراء الخارجية العرب غدا")
    assert out.startswith(" " * 10)


def test_an_outlet_dash_is_blanked():
    text = fold("الموقع الإخباري- يجتمع وزراء الخارجية العرب غدا في القاهرة")
    assert segment.strip_dateline(text) == " " * len(fold("الموقع الإخباري- ")) + fold("يجتمع وزراء الخارجية العرب غدا في القاهرة")


def test_a_dateline_with_too_little_after_it_is_kept():
    # What follows the dash must be more than ten characters: a short line is not a story.
    ten = "القاهرة (وكالة) - " + "ا" * 10
    eleven = "القاهرة (وكالة) - " + "ا" * 11
    assert segment.strip_dateline(ten) == ten
    assert segment.strip_dateline(eleven) == " " * len("القاهرة (وكالة) - ") + "ا" * 11


def test_cost_counts_characters_commas_and_clause_words():
    text = "اجتماع في يوم، ثم فيما بعد"
    assert segment.cost(text, (0, 6), (10, 13)) == 4.0  # after the word: its distance
    assert segment.cost(text, (10, 13), (0, 6)) == pytest.approx(4.8)  # before it: a little farther
    assert segment.cost(text, (0, 6), (15, 17)) == 9 + 40  # a comma between
    assert segment.cost(text, (0, 6), (23, 26)) == 17 + 40 + 200  # a comma and "فيما"
    assert segment.cost(text, (0, 6), (3, 8)) == 0.0  # overlapping
    assert segment.cost(text, (0, 6), (6, 8)) == 0.0  # touching


def test_clause_around_cuts_at_commas_and_clause_words():
    text = "قال الوزير، يجتمع القادة غدا، فيما يلتقي الوزراء اليوم"
    at = lambda word: (text.index(word), text.index(word) + len(word))  # noqa: E731
    assert segment.clause_around(text, *at("غدا")).strip() == "يجتمع القادة غدا"
    assert segment.clause_around(text, *at("اليوم")).strip() == "يلتقي الوزراء اليوم"
    assert segment.clause_around(text, *at("الوزير")).strip() == "قال الوزير"
    assert segment.clause_around("، غدا", 2, 5) == " غدا"
    assert segment.clause_around(": غدا", 2, 5) == " غدا"


# --- scan ---------------------------------------------------------------------------------

def entry(name, *forms):
    return Entry(Ref(name, name, name), re.compile("|".join(rf"(?<!\w){f}(?!\w)" for f in forms)), {})


def test_the_longest_entry_wins_and_on_a_tie_the_first():
    summit, riyadh_summit, also_summit = entry("a", "قمه"), entry("b", "قمه الرياض"), entry("c", "قمه")
    text = "عقدت قمه الرياض ثم قمه اخرى"
    assert [(s, e, x.ref.id) for s, e, x in scan.matches((summit, riyadh_summit), text)] == [(5, 15, "b"), (19, 22, "a")]
    assert [(s, e, x.ref.id) for s, e, x in scan.matches((riyadh_summit, summit), text)] == [(5, 15, "b"), (19, 22, "a")]
    assert [x.ref.id for _s, _e, x in scan.matches((summit, also_summit), text)] == ["a", "a"]
    assert [x.ref.id for _s, _e, x in scan.matches((also_summit, summit), text)] == ["c", "c"]
    assert scan.matches((), text) == []


# --- triggers -----------------------------------------------------------------------------

def formats(lex, text):
    return [(t.format.id, fold(text)[t.start:t.end]) for t in triggers.find(fold(text), lex)]


def test_formats_read_folded_text(lex):
    assert fold("المؤتمر") == "المءتمر"  # what the expected words below are compared with


def test_a_press_conference_is_not_a_meeting_but_a_meeting_after_it_is(lex):
    assert formats(lex, "عقد الوزير مؤتمرا صحفيا قبل المؤتمر الدولي") == [("conference", fold("المؤتمر"))]


def test_a_series_of_talks_is_not_one_meeting(lex):
    assert formats(lex, "سلسلة محادثات في جنيف") == []
    assert formats(lex, "بدأت سلسلة من المحادثات في جنيف") == []
    assert formats(lex, "بدأت المحادثات في جنيف") == [("talks", "المحادثات")]


def test_a_word_left_out_does_not_hide_the_next(lex):
    assert formats(lex, "بعد سلسلة محادثات، تبدأ المحادثات في جنيف") == [("talks", "المحادثات")]
    far = "عقد جلسة طارئة " + "ا" * 70 + " ثم جلسة مجلس الأمن"  # the council too far from the first
    assert [(t.format.id, t.start) for t in triggers.find(fold(far), lex)] == [("session", fold(far).rindex("جلسة"))]


def test_a_session_needs_a_council_before_or_after_it(lex):
    assert [f for f, _w in formats(lex, "مجلس الأمن يعقد جلسة طارئة")] == ["session"]
    assert [f for f, _w in formats(lex, "عقد جلسة مجلس الأمن")] == ["session"]
    assert formats(lex, "عقد جلسة طارئة") == []


def test_the_first_of_several_meetings_is_a_meeting(lex):
    found = triggers.find(fold("أول هذه الاجتماعات في الرياض"), lex)
    rank = [f.id for f in lex.formats].index("meeting")
    assert [(t.format.id, t.rank) for t in found] == [("meeting", rank)]


# --- when: the report's own date ---------------------------------------------------------

@pytest.fixture
def finder(lex):
    return DateFinder(lex.numbers)


def report(lex, finder, text):
    folded = fold(text)
    spans = [(t.start, t.end) for t in triggers.find(folded, lex)]
    return [(f.text, when.is_report(f, folded, lex, spans)) for f in finder.find(folded)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("أعلن الوزير، الأحد، أن القمة ستعقد في الرياض", [("الاحد", True)]),
        ("أفادت القناة، الأربعاء، بإلغاء القمة", [("الاربعاء", True)]),  # set off by commas after who reported
        ("أفادت القناة , الأربعاء , بإلغاء القمة", [("الاربعاء", True)]),
        ("أعلن الوزير يوم الأربعاء عن القمة", [("يوم الاربعاء", False)]),  # no opener, no commas
        ("أفادت القناة، 5 مارس، بإلغاء القمة", [("5 مارس", True)]),  # a full date set off the same way
        ("أعلنت الوزارة، الأحد 1 مارس، تأجيل القمة", [("الاحد 1 مارس", True)]),
        ("أعلنت الوزارة، مساء الأحد، تأجيل القمة", [("الاحد", True)]),  # a time of day before it
        ("أعلنت الوزارة، في 1 مارس، تأجيل القمة", [("1 مارس", True)]),
        ('قال الرئيس في منشور: "سيعقد، في 3 يناير، اجتماع', [("3 يناير", False)]),  # inside what was said
        ("قال الرئيس «سيعقد، في 3 يناير، اجتماع", [("3 يناير", False)]),
        ("أعلنت الوزارة، الأحد، ما يلي: تأجيل القمة", [("الاحد", True)]),  # a colon after the date is no quotation of it
        ("يوم الأحد قال الوزير إن القمة ستعقد", [("يوم الاحد", False)]),  # the verb comes after the date
        ("أعلن الوزير أن القمة ستعقد يوم الأحد", [("يوم الاحد", False)]),
        ("أعلن الوزير اليوم أن القمة ستعقد غدا", [("اليوم", True), ("غدا", False)]),
        ("أعلن الوزير عن قمة تعقد اليوم أن", [("اليوم", False)]),  # a meeting word between verb and date
        ("أعلن الوزير اليوم عن قمة أن", [("اليوم", False)]),  # a meeting word between date and opener
    ],
)
def test_is_report(lex, finder, text, expected):
    assert report(lex, finder, text) == expected


def test_a_quotation_far_after_a_day_set_off_does_not_unmake_it(lex, finder):
    text = "أعلنت الوزارة، الأحد، تأجيل القمة " + "ب" * 60 + " «نص»"
    assert report(lex, finder, text) == [("الاحد", True)]


def test_the_reporting_verb_is_at_most_sixty_characters_before(lex, finder):
    at = "قال " + "ا" * 58 + " اليوم إن"  # 60 characters from the verb's end to the date
    far = "قال " + "ا" * 59 + " اليوم إن"
    assert report(lex, finder, at) == [("اليوم", True)]
    assert report(lex, finder, far) == [("اليوم", False)]


def test_the_opener_is_at_most_fifty_characters_after(lex, finder):
    at = "قال الوزير اليوم " + "ا" * 48 + " إن"  # 50 characters from the date's end to "إن"
    far = "قال الوزير اليوم " + "ا" * 49 + " إن"
    assert report(lex, finder, at) == [("اليوم", True)]
    assert report(lex, finder, far) == [("اليوم", False)]


def moved(lex, finder, text):
    folded = fold(text)
    return [(f.text, f.value) for f in when.moves(finder.find(folded), folded, lex)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # moved from one day to the next: two days, the first the one it leaves
        ("أرجئت القمة التي كانت مقررة الخميس 19 فبراير إلى يوم الجمعة 20 فبراير",
         [("الخميس 19 فبراير", DateValue(None, 2, 19)), ("يوم الجمعة 20 فبراير", DateValue(None, 2, 20))]),
        ("تقرر تأجيل القمة من 19 إلى 26 فبراير", [("من 19", DateValue(None, 2, 19)), ("26 فبراير", DateValue(None, 2, 26))]),
        ("تقرر تأجيل القمة من 19 إلى 26 فبراير، وكانت محددة سلفا", [("من 19", DateValue(None, 2, 19)), ("26 فبراير", DateValue(None, 2, 26))]),  # said after it
        ("تقرر تغيير موعد القمة المقررة وتأجيلها من 19 إلى 26 فبراير", [("من 19", DateValue(None, 2, 19)), ("26 فبراير", DateValue(None, 2, 26))]),  # the last cue before it
        ("تقرر بدلا من ذلك عقد القمة من 19 إلى 26 فبراير", [("من 19 الي 26 فبراير", DateValue(None, 2, 19, end_day=26))]),  # "instead" moves nothing
        ("تقرر تغيير موعد القمة لتعقد من 19 إلى 26 فبراير", [("من 19 الي 26 فبراير", DateValue(None, 2, 19, end_day=26))]),  # "to be held" from ... to
        ("تقرر تغيير موعد القمة من 30 ديسمبر 2026 حتى 2 يناير", [("من 30 ديسمبر 2026", DateValue(2026, 12, 30)), ("2 يناير", DateValue(2027, 1, 2))]),
        ("قررت اللجنة تأجيل موعده من 19 إلى 20 فبراير", [("من 19", DateValue(None, 2, 19)), ("20 فبراير", DateValue(None, 2, 20))]),
        ("نقل موعد القمة من 30 ديسمبر إلى 2 يناير", [("من 30 ديسمبر", DateValue(None, 12, 30)), ("2 يناير", DateValue(None, 1, 2))]),
        # spans stay spans
        ("تعقد القمة من 19 إلى 21 فبراير", [("من 19 الي 21 فبراير", DateValue(None, 2, 19, end_day=21))]),  # nothing moves it
        ("أرجئ المؤتمر إلى الفترة من 19 إلى 21 فبراير", [("من 19 الي 21 فبراير", DateValue(None, 2, 19, end_day=21))]),  # the new span
        ("تأجيل المؤتمر الذي كان مقررا من 19 إلى 21 فبراير", [("من 19 الي 21 فبراير", DateValue(None, 2, 19, end_day=21))]),  # the old span
        ("تأجيل المؤتمر المقرر يومي 19 و20 فبراير", [("يومي 19 و20 فبراير", DateValue(None, 2, 19, end_day=20))]),  # joined by و
        ("تأجيل المؤتمر المقرر 19-20 فبراير", [("19-20 فبراير", DateValue(None, 2, 19, end_day=20))]),
        ("تأجيل القمة بين 19 إلى 21 فبراير", [("بين 19 الي 21 فبراير", DateValue(None, 2, 19, end_day=21))]),
        ("من 19 إلى 21 فبراير تأجيل المؤتمر", [("من 19 الي 21 فبراير", DateValue(None, 2, 19, end_day=21))]),  # nothing moves it before the span
        ("كان مقررا 19 حتى 21 فبراير ثم أرجئ إلى 3 مارس",
         [("19 حتي 21 فبراير", DateValue(None, 2, 19, end_day=21)), ("3 مارس", DateValue(None, 3, 3))]),  # another day is the new one
    ],
)
def test_moves(lex, finder, text, expected):
    assert moved(lex, finder, text) == [(fold(t), v) for t, v in expected]


def test_tense(lex):
    assert when.tense(fold("اجتمع الوزراء"), lex) == (True, False)
    assert when.tense(fold("سيجتمع الوزراء"), lex) == (False, True)
    assert when.tense(fold("قال الوزير"), lex) == (False, False)
    # A clause that opens with a present verb of meeting or travelling speaks of what is coming.
    assert when.tense(fold("يجتمع الوزراء"), lex) == (False, True)
    assert when.tense(fold("  ، ويتوجه الوزير إلى بروكسل"), lex) == (False, True)
    assert when.tense(fold("يلتقيان في جنيف"), lex) == (False, True)
    assert when.tense(fold("الوزراء يجتمعون"), lex) == (False, False)  # not where the clause opens
    assert when.tense(fold("يجتمعون بعد أن اجتمع الخبراء"), lex) == (True, False)  # a verb of the past wins
    assert when.tense(fold("يتجه الوزير"), lex) == (False, False)


def test_tense_at_reads_the_date_clause_first(lex):
    text = fold("اجتمع الوزراء أمس، وسيجتمع القادة غدا")
    assert when.tense_at(text, text.index("غدا"), len(text), lex) == (False, True)
    assert when.tense_at(text, text.index("امس"), text.index("امس") + 3, lex) == (True, False)
    both = fold("اجتمع الوزراء أمس وسيجتمعون غدا، قال الوزير")
    assert when.tense_at(both, both.index("غدا"), both.index("غدا") + 3, lex) == (True, True)
    neither = fold("قال الوزير غدا، بعد أن سيجتمع الوزراء")
    assert when.tense_at(neither, neither.index("غدا"), neither.index("غدا") + 3, lex) == (False, True)  # the sentence's


# --- where --------------------------------------------------------------------------------

def venues(lex, text):
    folded = fold(text)
    spans = [(t.start, t.end) for t in triggers.find(folded, lex)]
    return [(folded[v.start:v.end], v.city.id if v.city else None, v.country) for v in where.find(folded, lex, spans)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("في زيارة للرياض", [("للرياض", "riyadh", "SA")]),  # ل + الرياض after a visit word
        ("وجه رسالة للرياض", []),  # "for Riyadh" is not a venue
        ("يعقد الاجتماع بجدة", [("بجدة", "jeddah", "SA")]),
        ("يعقد الاجتماع وبجدة", [("وبجدة", "jeddah", "SA")]),
        ("بحثوا الحرب بين روسيا وأوكرانيا", []),
        ("يزور الوزير الرياض وجدة", [("الرياض", "riyadh", "SA"), ("وجدة", "oujda", "MA")]),
        ("يزور الوزير الأردن ومصر", [("الأردن", None, "JO"), ("ومصر", None, "EG")]),  # و before a name of three letters
        ("عاد الوزير بعد أن زار الرياض من طهران", [("الرياض", "riyadh", "SA")]),  # "from Tehran" is not visited
        ("في مدينة هو تشي مينه", [("مدينة هو تشي مينه", "ho-chi-minh-city", "VN")]),  # four words
        ("في ريو دي جانيرو", [("ريو دي جانيرو", "rio-de-janeiro", "BR")]),  # three
        ("في ريو دي جانيرو وفي الرياض", [("ريو دي جانيرو", "rio-de-janeiro", "BR"), ("الرياض", "riyadh", "SA")]),
        ("تعقد القمة بسلطنة عمان", [("عمان", None, "OM")]),  # the country after "سلطنة"
        ("تعقد القمة في عمان", [("عمان", "amman", "JO")]),  # the city elsewhere
        ("قمة شرم الشيخ", [("شرم الشيخ", "sharm-el-sheikh", "EG")]),  # right after a meeting word
        ("عقدوا اجتماعا وزاريا", []),  # "و" + a town's name right after a meeting word: an adjective
        ("قمة وبغداد", []),
        ("قمة لبغداد", []),  # "for Baghdad"
        ("يحل ضيفا على الرياض", [("الرياض", "riyadh", "SA")]),  # the guest of a place
        ("ضيفا على الرياض", [("الرياض", "riyadh", "SA")]),  # at the sentence's start
        ("يعتمد على الرياض", []),  # "على" alone
        ("قمة جامعة الدول العربية في الرياض", [("الرياض", "riyadh", "SA")]),  # a body's name is no town
        ("اجتماع الجامعة في القاهرة", [("القاهرة", "cairo", "EG")]),
        ("اجتماع، كييف", [("كييف", "kyiv", "UA")]),
        ("اجتماع ، كييف", []),  # too far from the meeting word
        ("كييف تستضيف", [("كييف", "kyiv", "UA")]),
        ("الحرب في غزة", []),
        ("الحرب في العاصمة الأوكرانية كييف", []),  # a topic, the capital named or not
        ("تعقد القمة في العاصمة الأوكرانية كييف", [("العاصمة الأوكرانية كييف", "kyiv", "UA")]),  # the capital named twice: one venue
        ("تعقد القمة في العاصمة الأوكرانية", [("العاصمة الأوكرانية", "kyiv", "UA")]),  # named by its country alone
        ("تعقد القمة في العاصمة التونسية", [("العاصمة التونسية", "tunis", "TN")]),
        ("تعقد القمة في تونس", [("تونس", None, "TN")]),  # the bare name is the country's
        ("تعقد القمة في العاصمة الأوكرانية، كييف", [("العاصمة الأوكرانية، كييف", "kyiv", "UA")]),  # set off by a comma
        ("تعقد القمة في العاصمة الأوكرانية ثم في كييف", [("العاصمة الأوكرانية", "kyiv", "UA"), ("كييف", "kyiv", "UA")]),  # apart: two
        ("زار رئيس الوزراء برفقة وزيره طهران", [("طهران", "tehran", "IR")]),  # a visit: five words back
        ("زار رئيس الوزراء برفقة وزير الخارجية طهران", []),  # six
        ("في أديس أبابا بإثيوبيا", [("أديس أبابا بإثيوبيا", "addis-ababa", "ET")]),
        ("في أديس أبابا بإثيوبيا ثم في الرياض", [("أديس أبابا بإثيوبيا", "addis-ababa", "ET"), ("الرياض", "riyadh", "SA")]),
        ("في أديس أبابا ، في إثيوبيا", [("أديس أبابا ، في إثيوبيا", "addis-ababa", "ET")]),  # six characters apart
        ("في أديس أبابا ، وفي إثيوبيا", [("أديس أبابا", "addis-ababa", "ET"), ("إثيوبيا", None, "ET")]),  # seven
        ("في أديس أبابا وفي الرياض", [("أديس أبابا", "addis-ababa", "ET"), ("الرياض", "riyadh", "SA")]),
    ],
)
def test_venues(lex, text, expected):
    assert venues(lex, text) == [(fold(w), c, k) for w, c, k in expected]


# --- details, through the extractor ----------------------------------------------------------

def mentions(lex, *sentences):
    text = "date 2026-03-01\n\n" + "\n".join(sentences)
    return extract.extract(parse_article("a.txt", text.encode("utf-8")), lex)


def one(lex, *sentences):
    [m] = [m for m in mentions(lex, *sentences) if m.kind]
    return m


def cited(m, name):
    return [e.sentence for e in m.evidence.get(name, ())]


def test_a_host_next_to_a_hosting_verb(lex):
    m = one(lex, "كييف تستضيف اجتماعا لوزراء الدفاع يوم 5 مارس.")
    assert (m.host.id, cited(m, "host"), m.participants) == ("ukraine", [1], ())
    m = one(lex, "يستضيف الاتحاد الأوروبي اجتماعا لوزراء الدفاع في بروكسل يوم 5 مارس.")
    assert (m.host.id, cited(m, "host")) == ("european-union", [1])


def test_the_first_host_named_stays(lex):
    m = one(lex, "تستضيف كييف اجتماعا لوزراء الدفاع يوم 5 مارس.", "ويستضيف الاتحاد الأوروبي الاجتماع.")
    assert m.host.id == "ukraine"


def test_a_capital_standing_for_its_government_is_no_participant(lex):
    m = one(lex, "يجتمع وزراء الدفاع في بروكسل يوم 5 مارس بمشاركة الاتحاد الأوروبي وكييف.")
    assert [(p.ref.id, p.mode) for p in m.participants] == [("european-union", None)]
    assert cited(m, "participants") == [1]


def test_an_office_of_a_body_does_not_make_it_a_participant(lex):
    m = one(lex, "الأمين العام لحلف الناتو يحضر اجتماع وزراء الدفاع في بروكسل يوم 5 مارس.")
    assert m.participants == ()


def test_a_participant_keeps_the_first_mode_given(lex):
    m = one(lex, "يجتمع وزراء الدفاع في بروكسل يوم 5 مارس بحضور الاتحاد الأوروبي، ويتابع الاتحاد الأوروبي النتائج عبر الفيديو.")
    assert [(p.ref.id, p.mode) for p in m.participants] == [("european-union", "in_person")]
    m = one(lex, "يجتمع وزراء الدفاع في بروكسل يوم 5 مارس بحضور الاتحاد الأوروبي، ثم يتابع الاتحاد الأوروبي النتائج.")
    assert [(p.ref.id, p.mode) for p in m.participants] == [("european-union", "in_person")]
    m = one(lex, "يجتمع وزراء الدفاع في بروكسل يوم 5 مارس بمشاركة الاتحاد الأوروبي، ثم بحضور الاتحاد الأوروبي.")
    assert [(p.ref.id, p.mode) for p in m.participants] == [("european-union", "in_person")]
    assert cited(m, "attendance") == [1]


def test_a_meeting_said_to_be_online(lex):
    m = one(lex, "يجتمع وزراء الدفاع في بروكسل يوم 5 مارس، ويشارك المشاركون عبر الفيديو.")
    assert (m.online, cited(m, "attendance")) == (True, [1])


def test_counts(lex):
    m = one(lex, "يجتمع وزراء الدفاع في بروكسل يوم 5 مارس بمشاركة 12 دولة.", "وأضاف المشاركون أن الاجتماع سيشهد مشاركة 20 دولة.")
    assert (m.participant_count, cited(m, "participant_count")) == ((12, "countries"), [1])
    m = one(lex, "يجتمع وزراء الدفاع في بروكسل يوم 5 مارس بمشاركة اثنتي عشرة دولة.")
    assert m.participant_count == (12, "countries")
    m = one(lex, "يضم التحالف أكثر من 30 دولة، ويجتمع قادته في باريس يوم 5 مارس.")
    assert m.participant_count is None  # the coalition's size, not who attends


def test_statements(lex):
    m = one(lex, "وقال ماكرون: «سيجتمع وزراء الدفاع في باريس يوم 5 مارس».")
    assert [(s.speaker.id, s.text, s.direct) for s in m.statements] == [("macron", "سيجتمع وزراء الدفاع في باريس يوم 5 مارس", True)]
    m = one(lex, "قال ماكرون إن وزراء الدفاع سيجتمعون في باريس يوم 5 مارس.", "وأوضح أن الاجتماع سيبحث الدفاع الجوي.")
    assert [(s.speaker.id, s.direct, s.evidence.sentence) for s in m.statements] == [("macron", False, 1), ("macron", False, 2)]
    # "أن" before the speech verb is not where the reported words start.
    m = one(lex, "يرى مراقبون أن القمة مهمة، وقال ماكرون إن وزراء الدفاع سيجتمعون في باريس يوم 5 مارس.")
    assert [s.speaker.id for s in m.statements] == ["macron"]


def test_a_person_named_inside_the_quoted_words_did_not_say_them(lex):
    m = one(lex, "وقال المتحدث: «سيحضر ماكرون اجتماع وزراء الدفاع في باريس يوم 5 مارس».")
    assert m.statements == ()


def test_a_guest_of_a_place_is_a_visit(lex):
    def found(text):
        folded = fold(text)
        return [(folded[t.start:t.end], t.format.id) for t in triggers.find(folded, lex)]

    assert found("يحل الوزير ضيفا على الرياض") == [("ضيفا", "visit")]
    assert found("تحل الوزيرة ضيفة على المملكة العربية السعودية") == [("ضيفة", "visit")]  # three words
    assert found("يحل الوزير ضيفا على أبو ظبي") == [("ضيفا", "visit")]  # two words
    assert found("يحل الوزير ضيفا على برنامج") == []
    assert found("يحل الوزير ضيفا في الرياض") == []  # "على" only
    assert found("يحل الوزير ضيفا على قناة في الرياض") == []  # the place must follow "على"


def test_receiving_needs_an_office_within_sixty_characters(lex):
    def found(text):
        folded = fold(text)
        return [folded[t.start:t.end] for t in triggers.find(folded, lex)]

    near = "استقبل " + "ا" * 52 + " الوزير"  # the office ends 60 characters after the verb
    far = "استقبل " + "ا" * 53 + " الوزير"  # 61
    assert (found(near), found(far)) == (["استقبل"], [])
    assert found("استقبل زيلينسكي في كييف") == ["استقبل"]  # a person the lexicon knows
    assert found("استقبلت المستشفيات الجرحى") == []


def test_convening_needs_a_body(lex):
    def found(text):
        folded = fold(text)
        return [(folded[t.start:t.end], t.format.id) for t in triggers.find(folded, lex)]

    assert found("تنعقد اللجنة غدا") == [("تنعقد", "session")]
    assert found("اللجنة التي ستنعقد غدا") == [("ستنعقد", "session")]  # the body before
    assert found("تنعقد " + "ا" * 48 + " اللجنة") == [("تنعقد", "session")]  # the body 50 characters after
    assert found("تنعقد " + "ا" * 49 + " اللجنة") == []  # 51
    assert found("اللجنة " + "ا" * 48 + " تنعقد") == [("تنعقد", "session")]  # 50 characters before
    assert found("اللجنة " + "ا" * 49 + " تنعقد") == []
    assert found("تنعقد الآمال") == []
    assert found("وبأشغال المجلس") == [("وباشغال", "session")]
    assert found("أعمال الصيانة في المجلس") == []  # the body right after, or none
    assert found("تنعقد القمة واللجنة") == [("القمة", "summit")]  # a meeting word names it already


@pytest.mark.parametrize(
    "text, expected",
    [
        ("وكان الاجتماع مقررا يوم 5 مارس، وتقرر عقده يوم 15 مارس", [("5 مارس", True), ("15 مارس", False)]),
        ("كان من المقرر عقدها يوم الجمعة", [("يوم الجمعة", True)]),
        ("كانت القمة المقررة يوم 5 مارس", [("5 مارس", True)]),
        ("القمة المقررة يوم 5 مارس", [("5 مارس", False)]),  # set for it, and still is
        ("كان الوزير قد أعلن يوم 5 مارس", [("5 مارس", False)]),  # nothing was set
    ],
)
def test_was_set(lex, finder, text, expected):
    folded = fold(text)
    assert [(f.text, when.was_set(f, folded)) for f in finder.find(folded)] == [(fold(t), v) for t, v in expected]


def test_talks_by_phone_are_no_meeting_word(lex):
    def found(text):
        folded = fold(text)
        return [folded[t.start:t.end] for t in triggers.find(folded, lex)]

    assert found("أجرى الوزير مباحثات هاتفية مطولة") == []
    assert found("أجرى الوزير مباحثات مطولة هاتفيا") == []  # a word between
    assert found("أجرى الوزير مباحثات مطولة جدا هاتفيا") == [fold("مباحثات")]  # two: the phone word is another's
    assert found("بعد مباحثات هاتفية، عقد الوزيران مباحثات في باريس") == [fold("مباحثات")]  # the next talks still count
    assert found("استقبلت المستشفيات الجرحى، واستقبل الرئيس نظيره") == [fold("واستقبل")]  # the next reception too


def test_a_guest_or_a_bodys_meetings_with_another_meeting_word(lex):
    # Both words name one meeting: the more telling one gives its format.
    m = one(lex, "يحل الوزير ضيفا على الرياض في زيارة رسمية يوم 5 مارس.")
    assert (m.format, m.city.id) == ("visit", "riyadh")
    m = one(lex, "تبدأ اجتماعات مجلس التعاون الخليجي تمهيدا للقمة في الدوحة يوم 5 مارس.")
    assert (m.kind.id, m.date.day, m.city.id) == ("leaders", 5, "doha")
