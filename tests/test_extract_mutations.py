"""Cases that decide one branch of the extractor's rules each, found by mutation testing
(tools/mutation.sh): every case here failed under some change to the code it covers.
The texts are the project's own."""

from __future__ import annotations

import datetime as dt

import pytest

from generator import extract, merge, record
from generator.dates import infer_year, resolve
from generator.model import DateValue
from generator.reader import parse_article
from generator.textnorm import fold


def run(lex, *texts):
    mentions = []
    for i, text in enumerate(texts):
        mentions += extract.extract(parse_article(f"{i}.txt", text.encode("utf-8")), lex)
    return merge.merge(mentions)


def brief(lex, *texts):
    events, _ = run(lex, *texts)
    return sorted(
        (r["date"]["start"], r["date"]["end"], (r["place"]["city"] or {}).get("id"), (r["place"]["country"] or {}).get("code"), r["kind"], r["series"])
        for r in (record.build(e, lex) for e in events)
    )


# --- places that agree or not ---------------------------------------------------------------

def test_two_cities_of_one_country_on_one_day_are_two_meetings(lex):
    text = "date 2026-03-01\n\nتجري محادثات في جدة يوم 8 مارس.\n\nوتجري محادثات أخرى في الرياض يوم 8 مارس."
    assert [b[2] for b in brief(lex, text)] == ["jeddah", "riyadh"]


def test_two_sources_naming_two_cities_of_one_country_are_two_meetings(lex):
    a = "date 2026-03-01\n\nتجري محادثات في جدة يوم 8 مارس."
    b = "date 2026-03-01\n\nتجري محادثات في الرياض يوم 8 مارس."
    assert [x[2] for x in brief(lex, a, b)] == ["jeddah", "riyadh"]


def test_a_sentence_without_a_body_joins_the_meeting_of_a_body(lex):
    text = "date 2026-02-10\n\nيجتمع وزراء الدفاع في حلف الناتو في بروكسل يوم 12 فبراير.\n\nويبحث وزراء الدفاع في بروكسل يوم 12 فبراير دعم الدفاع الجوي."
    assert brief(lex, text) == [("2026-02-12", "2026-02-12", "brussels", "BE", "defence-ministers", "nato")]


def test_a_headline_with_a_place_joins_a_dated_meeting_of_a_body(lex):
    text = "date 2026-02-01\n\nقمة في أديس أبابا\n\nتعقد قمة الاتحاد الأفريقي في أديس أبابا يوم 14 فبراير."
    events, notices = run(lex, text)
    assert [(e.city.id, e.series.id) for e in events] == [("addis-ababa", "african-union")]
    assert notices == []  # the headline is the same meeting, nothing left over


def test_a_headline_of_a_body_gives_its_body_to_the_dated_meeting(lex):
    text = "date 2026-02-01\n\nقمة الاتحاد الأفريقي في أديس أبابا\n\nتعقد القمة في أديس أبابا يوم 14 فبراير."
    events, notices = run(lex, text)
    assert [(e.city.id, e.series.id if e.series else None) for e in events] == [("addis-ababa", "african-union")] and notices == []


def test_a_headline_in_a_country_joins_a_dated_meeting_in_that_country(lex):
    text = "date 2026-02-01\n\nمحادثات في سويسرا\n\nتجري المحادثات في سويسرا يوم 14 فبراير بحضور الوسطاء."
    events, notices = run(lex, text)
    assert [e.country for e in events] == ["CH"] and notices == []


def test_a_headline_in_another_country_stays_apart(lex):
    text = "date 2026-02-01\n\nمحادثات في النمسا\n\nتجري محادثات في سويسرا يوم 14 فبراير."
    events, notices = run(lex, text)
    assert [e.country for e in events] == ["CH"] and len(notices) == 1


def test_a_level_named_without_a_date_joins_the_meeting_of_that_level(lex):
    text = "date 2026-02-01\n\nوزراء الطاقة يلتقون\n\nيجتمع وزراء الطاقة في مسقط يوم 14 فبراير.\n\nويجتمع وزراء المالية في مسقط يوم 20 فبراير."
    events, notices = run(lex, text)
    assert sorted(e.kind.id for e in events) == ["energy-ministers", "finance-ministers"] and notices == []


def test_the_closest_of_two_dated_meetings_takes_a_headline(lex):
    # Same place for both; the headline's level picks the energy ministers' meeting.
    text = (
        "date 2026-02-01\n\nاجتماع وزراء الطاقة في مسقط\n\nيجتمع وزراء الطاقة في مسقط يوم 14 فبراير.\n\n"
        "ويعقد وزراء المالية اجتماعا في مسقط يوم 20 فبراير."
    )
    events, notices = run(lex, text)
    assert notices == []
    energy = next(e for e in events if e.kind.id == "energy-ministers")
    assert {ev.sentence for ev in energy.evidence["kind"]} >= {1, 2}


def test_the_closest_by_body_takes_a_headline(lex):
    text = (
        "date 2026-02-01\n\nقمة مجلس التعاون الخليجي\n\nتعقد قمة مجلس التعاون الخليجي في الرياض يوم 3 ديسمبر.\n\n"
        "وتعقد قمة جامعة الدول العربية في الرياض يوم 9 ديسمبر."
    )
    events, notices = run(lex, text)
    assert notices == []
    gcc = next(e for e in events if e.series.id == "gcc")
    assert 1 in {ev.sentence for ev in gcc.evidence["kind"]}


def test_what_a_headline_adds_reaches_the_dated_meeting(lex):
    text = (
        "date 2026-02-01\n\nوزراء الطاقة يجتمعون عبر الفيديو لبحث أمن الطاقة\n\n"
        "يعقد وزراء الطاقة اجتماعهم يوم 14 فبراير، ويقول الوزير إن الاجتماع مهم."
    )
    events, _ = run(lex, text)
    [e] = events
    assert e.attendance == "online" and [t.id for t in e.topics] == ["energy-security"]


def test_a_generic_dated_meeting_takes_the_level_of_its_headline(lex):
    text = "date 2026-02-01\n\nوزراء الطاقة يجتمعون في مسقط\n\nتستضيف مسقط يوم 14 فبراير اجتماعا موسعا."
    assert brief(lex, text) == [("2026-02-14", "2026-02-14", "muscat", "OM", "energy-ministers", None)]


# --- the meeting in hand -------------------------------------------------------------------

@pytest.mark.parametrize("again", ["ويبحث الاجتماع", "وسيناقش الاجتماع", "وسيبحث المجتمعون في القاهرة", "وفي الاجتماع", "وللاجتماع أهمية", "وبالاجتماع"])
def test_the_meeting_named_again_is_the_one_in_hand(lex, again):
    text = f"date 2026-03-01\n\nيجتمع وزراء الخارجية في القاهرة يوم 9 مارس.\n\n{again} ملف المياه مع الأمم المتحدة."
    events, notices = run(lex, text)
    assert len(events) == 1 and notices == [] and [p.ref.id for p in events[0].participants] == ["united-nations"]


def test_an_indefinite_meeting_with_a_place_of_its_own_is_a_new_one(lex):
    text = "date 2026-03-01\n\nيجتمع وزراء الخارجية في القاهرة يوم 9 مارس.\n\nفاجتماع عمان لم يحدد موعده."
    events, notices = run(lex, text)
    assert [e.city.id for e in events] == ["cairo"] and len(notices) == 1


# --- dates -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("من 10 إلى 12 مارس", (10, 12)),
        ("من 10 حتى 12 مارس", (10, 12)),
        ("من 10 ولغاية 12 مارس", (10, 12)),
        ("من 10 لغاية 12 مارس", (10, 12)),
        ("10-12 مارس", (10, 12)),
        ("يومي 10 و11 مارس", (10, 11)),
    ],
)
def test_range_separators(finder, text, expected):
    [f] = finder.find(fold(text))
    assert (f.value.day, f.value.end_day) == expected


def test_and_joins_a_range_only_for_consecutive_days_or_after_yawmay(finder):
    assert [(f.value.day, f.value.end_day) for f in finder.find(fold("في 5 و9 مارس"))] == [(5, None), (9, None)]
    assert [(f.value.day, f.value.end_day) for f in finder.find(fold("في 5 و6 مارس"))] == [(5, 6)]
    assert [(f.value.day, f.value.end_day) for f in finder.find(fold("يومي 5 و9 مارس"))] == [(5, 9)]
    assert [(f.value.day, f.value.end_day) for f in finder.find(fold("في 6 و5 مارس"))] == [(6, None), (5, None)]


def test_ordinal_pairs_that_are_not_one_number(finder):
    # "العاشر والعشرين" is no number: a range from the 10th to the 20th.
    assert [(f.value.day, f.value.end_day) for f in finder.find(fold("من العاشر والعشرين من مارس"))] == [(10, 20)]
    assert [(f.value.day, f.value.end_day) for f in finder.find(fold("الثالث والثلاثين من مارس"))] == []  # no 33rd


def test_cross_month_ranges_with_a_year_on_one_end(finder):
    [f] = finder.find(fold("من 30 ديسمبر إلى 2 يناير 2026"))
    assert (f.value.start(), f.value.end()) == (dt.date(2025, 12, 30), dt.date(2026, 1, 2))
    [f] = finder.find(fold("من 30 ديسمبر 2025 إلى 2 يناير"))
    assert (f.value.start(), f.value.end()) == (dt.date(2025, 12, 30), dt.date(2026, 1, 2))
    [f] = finder.find(fold("من 28 فبراير 2026 إلى 2 مارس 2026"))
    assert (f.value.start(), f.value.end()) == (dt.date(2026, 2, 28), dt.date(2026, 3, 2))


def test_two_dates_joined_by_and_keep_their_years(finder):
    found = finder.find(fold("في 30 ديسمبر 2025 و2 يناير 2026"))
    assert [f.value.start() for f in found] == [dt.date(2025, 12, 30), dt.date(2026, 1, 2)]
    found = finder.find(fold("في 25 آذار 2026 و22 نيسان"))
    assert [(f.value.year, f.value.month, f.value.day) for f in found] == [(2026, 3, 25), (2026, 4, 22)]


def test_a_month_and_a_day_with_their_year(finder):
    assert [f.value for f in finder.find(fold("خلال مارس 2026"))] == [DateValue(2026, 3, None)]
    assert [f.value for f in finder.find(fold("يوم 5 مارس 2026"))] == [DateValue(2026, 3, 5)]
    assert [f.value for f in finder.find(fold("من 5 إلى 7 مارس 2026"))] == [DateValue(2026, 3, 5, end_day=7)]


@pytest.mark.parametrize("word", ["في", "خلال", "مطلع", "أوائل", "أواخر", "منتصف", "نهاية", "بداية"])
def test_words_before_the_next_month(finder, word):
    [f] = finder.find(fold(f"{word} الشهر المقبل"))
    assert resolve(f, dt.date(2026, 12, 5), None, False) == DateValue(2027, 1, None)


@pytest.mark.parametrize("word", ["المقبل", "القادم", "الماضي", "المنصرم", "المقبلة"])
def test_words_after_a_weekday(finder, word):
    [f] = finder.find(fold(f"يوم الأحد {word}"))
    assert f.direction == ("last" if word in ("الماضي", "المنصرم") else "next")


@pytest.mark.parametrize(("word", "days"), [("بعد يومين", 2), ("بعد أيام", 1), ("بعد 3 أيام", 3), ("بعد يوما", 1), ("بعد أسبوع", 7), ("بعد أسبوعين", 14), ("قبل يومين", -2), ("بعد ثلاثة أيام", 3)])
def test_days_after_the_meeting_just_mentioned(finder, word, days):
    [f] = finder.find(fold(word))
    assert f.relative_days == days and f.relative_to_meeting


def test_a_weekday_span_reads_its_direction(finder):
    tuesday = dt.date(2026, 3, 10)
    for text, start in (("يومي الأحد والاثنين المقبلين", 15), ("يومي الأحد والاثنين القادمين", 15), ("يومي الأحد والاثنين الماضيين", 8), ("يومي الأحد والاثنين", 8)):
        [f] = finder.find(fold(text))
        assert resolve(f, tuesday, None, False).start() == dt.date(2026, 3, start), text


def test_a_weekday_span_across_a_month(finder):
    [f] = finder.find(fold("يومي السبت والأحد المقبلين"))
    value = resolve(f, dt.date(2026, 1, 29), None, False)
    assert (value.start(), value.end()) == (dt.date(2026, 1, 31), dt.date(2026, 2, 1))
    [f] = finder.find(fold("يومي الخميس والجمعة المقبلين"))
    value = resolve(f, dt.date(2026, 12, 30), None, False)
    assert (value.start(), value.end()) == (dt.date(2026, 12, 31), dt.date(2027, 1, 1))


@pytest.mark.parametrize(("word", "days"), [("على مدار يومين", 2), ("لمدة يومين", 2), ("تمتد يومين", 2), ("يستمر يومين", 2), ("يستغرق يومين", 2), ("تستمر ثلاثة أيام", 3), ("لمدة 40 يوما", None), ("لمدة 31 يوما", 31)])
def test_duration_words(finder, word, days):
    assert [d for *_x, d in finder.durations(fold(word))] == ([days] if days else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [("قال، السبت، إن", 5), ("(السبت)", 5), ("السبت", 5), ("وقع الاتفاق الأحد، بحضور", None), ("، الأحد", 6), ("الأحد.", 6), ("الأحد: موعد", 6), ("وصلوا بجنيف الجمعة لبحث", 4), ("ووصل إلى جنيف الجمعة لبحث", 4), ("وصلوا جنيف الجمعة لبحث", None)],
)
def test_bare_weekday_edges(finder, text, expected):
    got = [f.weekday for f in finder.find(fold(text))]
    assert got == ([expected] if expected is not None else [])


def test_year_inference_follows_the_tense(finder):
    dec = DateValue(None, 12, 28)
    assert infer_year(dec, dt.date(2026, 1, 3)) == DateValue(2025, 12, 28)
    assert infer_year(dec, dt.date(2026, 1, 3), "future") == DateValue(2026, 12, 28)
    jan = DateValue(None, 1, 5)
    assert infer_year(jan, dt.date(2025, 12, 28), "past") == DateValue(2025, 1, 5)
    assert infer_year(jan, dt.date(2025, 12, 28)) == DateValue(2026, 1, 5)
    same = DateValue(None, 1, 3)
    assert infer_year(same, dt.date(2026, 1, 3), "past") == DateValue(2026, 1, 3)  # the dateline's own day is not the past year's


def test_a_date_the_text_marks_as_current_takes_the_datelines_year(finder):
    [f] = finder.find(fold("في 2 يناير الجاري"))
    assert resolve(f, dt.date(2026, 12, 30), None, False) == DateValue(2026, 1, 2)
    assert finder.find(fold("في 30 فبراير الجاري")) == []  # no year has it
    [f] = finder.find(fold("في 29 فبراير الجاري"))
    assert resolve(f, dt.date(2026, 2, 3), None, False) is None  # 2026 is not a leap year


# --- merging ---------------------------------------------------------------------------------

def test_merging_keeps_each_sources_reading_of_the_host_and_the_newest_wins(lex):
    a = "date 2026-03-01\n\nتخطط كييف لعقد اجتماع لوزراء الدفاع في برلين يوم 9 مارس."
    b = "date 2026-03-03\n\nيعتزم تحالف الراغبين عقد اجتماع لوزراء الدفاع في برلين يوم 9 مارس."
    events, _ = run(lex, a, b)
    [e] = events
    assert e.host.id == "coalition-of-the-willing"
    assert [(c[0], sorted(r.seeds for r in c[1])) for c in e.conflicts] == [("host", [("0.txt",), ("1.txt",)])]


def test_an_undated_source_counts_as_the_oldest(lex):
    a = "تخطط كييف لعقد اجتماع لوزراء الدفاع في برلين يوم 9 مارس."
    b = "date 2026-03-03\n\nيعتزم تحالف الراغبين عقد اجتماع لوزراء الدفاع في برلين يوم 9 مارس."
    events, _ = run(lex, b, a)
    assert [e.host.id for e in events] == ["coalition-of-the-willing"]


def test_a_range_from_one_source_wins_over_a_day(lex):
    a = "date 2026-03-01\n\nتجري محادثات في جنيف يوم 9 مارس."
    b = "date 2026-03-02\n\nتجري محادثات في جنيف يومي 9 و10 مارس."
    assert brief(lex, a, b) == [("2026-03-09", "2026-03-10", "geneva", "CH", "talks", None)]


@pytest.mark.parametrize(
    ("texts", "attendance"),
    [
        (["date 2026-03-01\n\nيعقد وزراء الطاقة اجتماعا عبر الفيديو يوم 9 مارس."], "online"),
        (["date 2026-03-01\n\nيعقد وزراء الطاقة اجتماعا في جنيف يوم 9 مارس، ويشارك الفريق الأمريكي عبر الفيديو."], "mixed"),
        (["date 2026-03-01\n\nيعقد وزراء الطاقة اجتماعا عبر الفيديو يوم 9 مارس، ويشارك الفريق الأمريكي حضوريا."], "mixed"),
        (["date 2026-03-01\n\nيعقد وزراء الطاقة اجتماعا عبر الفيديو يوم 9 مارس.\n\nوسيحضر الوزراء الاجتماع حضوريا."], "mixed"),
        (["date 2026-03-01\n\nيعقد وزراء الطاقة اجتماعا في جنيف يوم 9 مارس، ويشارك الفريق الأمريكي حضوريا."], "in_person"),
        (["date 2026-03-01\n\nيعقد وزراء الطاقة اجتماعا يوم 9 مارس، وسيحضر الوزراء شخصيا الاجتماع حضوريا."], "in_person"),
        (["date 2026-03-01\n\nيعقد وزراء الطاقة اجتماعا في جنيف يوم 9 مارس."], None),
    ],
)
def test_attendance_from_every_source(lex, texts, attendance):
    events, _ = run(lex, *texts)
    assert [e.attendance for e in events] == [attendance]


def test_a_participant_keeps_the_mode_a_source_gives(lex):
    a = "date 2026-03-01\n\nيعقد وزراء الطاقة اجتماعا في جنيف يوم 9 مارس بمشاركة الفريق الأمريكي."
    b = "date 2026-03-02\n\nيعقد وزراء الطاقة اجتماعا في جنيف يوم 9 مارس، ويشارك الفريق الأمريكي عبر الفيديو."
    for order in ((a, b), (b, a)):
        events, _ = run(lex, *order)
        assert [(p.ref.id, p.mode) for p in events[0].participants] == [("us-team", "online")]


def test_merged_evidence_is_in_source_and_sentence_order_without_repeats(lex):
    a = "date 2026-03-01\n\nيعقد وزراء الطاقة اجتماعا في جنيف يوم 9 مارس.\n\nوسيبحث الاجتماع أمن الطاقة في جنيف يوم 9 مارس."
    events, _ = run(lex, a, a)
    [e] = events
    assert [(x.seed, x.sentence) for x in e.evidence["date"]] == [("0.txt", 1), ("0.txt", 2), ("1.txt", 1), ("1.txt", 2)]
    assert [s[0] for s in e.sources] == ["0.txt", "1.txt"]


# --- the meeting's format ----------------------------------------------------------------------

def test_the_format_most_sources_give_wins(lex):
    a = "date 2026-03-01\n\nتجري محادثات في جنيف يوم 9 مارس."
    b = "date 2026-03-02\n\nيعقد في جنيف يوم 9 مارس اجتماع رفيع المستوى."
    events, _ = run(lex, a, b, b)
    assert [e.format for e in events] == ["meeting"]
    events, _ = run(lex, a, a, b)
    assert [e.format for e in events] == ["talks"]


def test_on_a_tie_the_more_telling_format_wins(lex):
    a = "date 2026-03-01\n\nتجري محادثات في جنيف يوم 9 مارس."
    b = "date 2026-03-02\n\nيعقد في جنيف يوم 9 مارس اجتماع رفيع المستوى."
    for order in ((a, b), (b, a)):
        events, _ = run(lex, *order)
        assert [e.format for e in events] == ["talks"]


def test_a_record_says_its_format(lex):
    [rec] = [record.build(e, lex) for e in run(lex, "date 2026-03-01\n\nتعقد قمة في الدوحة يوم 9 مارس.")[0]]
    assert (rec["kind"], rec["format"]) == ("leaders", "summit")


def test_other_events_named_as_levels_or_formats(lex):
    # "اجتماع رفيع المستوى" is a format phrase: the level nearby names the kind.
    text = "date 2026-03-01\n\nيعقد وزراء المالية اجتماعا رفيع المستوى في الدوحة يوم 9 مارس."
    assert brief(lex, text)[0][4] == "finance-ministers"
    text = "date 2026-03-01\n\nيعقد في الدوحة يوم 9 مارس اجتماع رفيع المستوى."
    assert brief(lex, text)[0][4] == "meeting"


@pytest.mark.parametrize(
    ("word", "joins"),
    [("المؤتمر", True), ("والمؤتمر", True), ("فالمؤتمر", True), ("للمؤتمر", True), ("بالمؤتمر", True), ("كالمؤتمر", True),
     ("مؤتمر", False), ("ومؤتمر", False), ("لمؤتمر", False)],
)
def test_which_words_speak_of_the_meeting_in_hand(lex, word, joins):
    # The meeting in hand has no place yet; a definite "the conference" in Madrid is it,
    # an indefinite "a conference" in Madrid is another one (and is reported).
    text = f"date 2026-09-06\n\nقررت الدول استئناف المؤتمر الدولي في 22 أيلول الجاري.\n\nوقال الوزير إن {word} في مدريد مهم."
    events, notices = run(lex, text)
    assert [(e.city.id if e.city else None) for e in events] == (["madrid"] if joins else [None])
    assert len(notices) == (0 if joins else 1)


def test_a_verb_speaks_of_the_meeting_in_hand(lex):
    for verb in ("سيلتقي", "وسيلتقي", "فيلتقي"):
        text = f"date 2026-09-06\n\nيعقد وزراء الخارجية اجتماعا في 22 أيلول الجاري.\n\n{verb} الوزراء في مدريد."
        events, notices = run(lex, text)
        assert [(e.city.id if e.city else None) for e in events] == ["madrid"] and notices == [], verb


def test_a_title_names_an_office_not_the_body(lex):
    text = "date 2026-03-01\n\nقال المتحدث باسم الاتحاد الأوروبي إن وزراء الخارجية يجتمعون في بروكسل يوم 9 مارس."
    assert brief(lex, text)[0][5] is None
    text = "date 2026-03-01\n\nيجتمع وزراء خارجية الاتحاد الأوروبي في بروكسل يوم 9 مارس."
    assert brief(lex, text)[0][5] == "european-union"


def test_other_events_take_their_dates(lex):
    # The date nearer the phone call is the call's: the talks have none.
    text = "date 2026-03-01\n\nبعد اتصال هاتفي يوم 2 مارس، اتفق الطرفان على محادثات في جنيف."
    assert brief(lex, text) == []
    text = "date 2026-03-01\n\nاتفق الطرفان على محادثات في جنيف يوم 9 مارس."
    assert [b[0] for b in brief(lex, text)] == ["2026-03-09"]


# --- what a meeting named without a date may join ----------------------------------------------

@pytest.mark.parametrize(
    ("headline", "dated", "joins"),
    [
        # same body, cities of one country that differ: apart
        ("قمة مجلس التعاون الخليجي في جدة", "تعقد قمة مجلس التعاون الخليجي في الرياض يوم 3 ديسمبر.", False),
        # same body, countries that differ (no city): apart
        ("قمة الاتحاد الأفريقي في كينيا", "تعقد قمة الاتحاد الأفريقي في إثيوبيا يوم 14 فبراير.", False),
        # same city, bodies that differ: apart
        ("قمة جامعة الدول العربية في الرياض", "تعقد قمة مجلس التعاون الخليجي في الرياض يوم 3 ديسمبر.", False),
        # generic meetings sharing only their body: one
        ("اجتماع مجلس التعاون الخليجي", "يعقد مجلس التعاون الخليجي اجتماعا في الرياض يوم 3 ديسمبر.", True),
        # a generic headline sharing the place of a level's meeting: one
        ("اجتماع في الرياض", "يجتمع وزراء المالية في الرياض يوم 3 ديسمبر.", True),
    ],
)
def test_what_a_headline_may_join(lex, headline, dated, joins):
    events, notices = run(lex, f"date 2026-01-20\n\n{headline}\n\n{dated}")
    assert (len(events), len(notices)) == ((1, 0) if joins else (1, 1))


def test_the_dated_meeting_keeps_its_own_level_format_and_status(lex):
    text = (
        "date 2026-02-01\n\nلقاء في مسقط لبحث أمن الطاقة والعقوبات\n\n"
        "ألغي اجتماع وزراء المالية الذي كان مقررا في مسقط يوم 14 فبراير، وكان الاجتماع سيعقد عبر الفيديو."
    )
    events, notices = run(lex, text)
    [e] = events
    assert notices == []
    assert (e.kind.id, e.format, e.status, e.attendance) == ("finance-ministers", "meeting", "cancelled", "mixed")  # placed, and by video
    assert sorted(t.id for t in e.topics) == ["energy-security", "sanctions"]


def test_a_headline_gives_its_statement_and_in_person_word(lex):
    text = (
        "date 2026-02-01\n\nوقال زيلينسكي إن اجتماع وزراء المالية في مسقط سيعقد بحضور الوزراء حضوريا.\n\n"
        "يجتمع وزراء المالية في مسقط يوم 14 فبراير."
    )
    events, notices = run(lex, text)
    [e] = events
    assert notices == [] and [s.speaker.id for s in e.statements] == ["zelensky"] and e.attendance == "in_person"


@pytest.mark.parametrize("word", ["في", "خلال", "مطلع", "أوائل", "أواخر", "منتصف", "نهاية", "بداية"])
def test_words_before_a_month(finder, word):
    assert [f.value for f in finder.find(fold(f"{word} مارس 2026"))] == [DateValue(2026, 3, None)]


def test_the_capital_named_as_such_is_a_venue(lex):
    from generator.extract import where

    assert [(v.city.id, v.country) for v in where.find(fold("العاصمة الدوحة"), lex, [])] == [("doha", "QA")]
    assert [(v.city.id, v.country) for v in where.find(fold("وزارت العاصمة البلجيكية بروكسل"), lex, [])] == [("brussels", "BE")]
    assert where.find(fold("زار الرئيس العائد من باريس"), lex, []) == []


def test_two_undated_meetings_with_their_own_places_in_one_sentence_stay_two(lex):
    text = "date 2026-02-01\n\nقمة الرياض ومحادثات جدة مرتقبتان دون موعد محدد."
    events, notices = run(lex, text)
    assert events == [] and len(notices) == 2
    text = "date 2026-02-01\n\nقمة الرياض وقمة الرياض الموسعة مرتقبتان دون موعد محدد."
    events, notices = run(lex, text)
    assert events == [] and len(notices) == 1


def test_an_undated_meeting_with_its_own_place_does_not_join_the_dated_one_of_another_place(lex):
    text = "date 2026-02-01\n\nتعقد قمة في الرياض يوم 14 فبراير، بعد محادثات جدة التي لم يحدد موعدها."
    events, notices = run(lex, text)
    assert [(e.city.id, e.date.day) for e in events] == [("riyadh", 14)] and len(notices) == 1


# --- evidence: each field cites the sentences that gave it -----------------------------------

@pytest.mark.parametrize(
    ("second", "status"),
    [
        ("وأعلنت الرئاسة إلغاء الاجتماع.", "cancelled"),
        ("وأعلنت الرئاسة تأجيل الاجتماع.", "postponed"),
        ("وقد انعقد الاجتماع بالفعل.", "held"),
        ("ومن المقرر أن يبحث الاجتماع الملف.", "scheduled"),
        ("ويعتزم الاجتماع بحث الملف.", "announced"),
        ("وقد بدأ الاجتماع.", "started"),
    ],
)
def test_status_evidence_is_the_sentence_with_the_status_word(lex, second, status):
    text = f"date 2026-03-01\n\nاجتماع وزراء المالية في دبي يوم 9 مارس.\n\n{second}"
    [m] = extract.extract(parse_article("a.txt", text.encode("utf-8")), lex)
    assert [e.sentence for e in m.evidence["status"]] == [2], status


def test_the_place_and_body_cite_their_sentences_and_the_first_place_stays(lex):
    text = (
        "date 2026-03-01\n\nيجتمع وزراء المالية في مجلس التعاون الخليجي في دبي يوم 9 مارس.\n\n"
        "ويعقد الاجتماع في دبي بحضور الوفود.\n\nويبحث الاجتماع في الإمارات الموازنة."
    )
    [m] = extract.extract(parse_article("a.txt", text.encode("utf-8")), lex)
    assert (m.city.id, m.country.id, m.series.id) == ("dubai", "ae", "gcc")
    assert [e.sentence for e in m.evidence["place"]] == [1, 2, 3]
    assert [e.sentence for e in m.evidence["series"]] == [1]
    assert m.date_text == "9 مارس"


def test_a_month_and_a_day_of_it_are_two_mentions(lex):
    # A month-only mention is not the same meeting as one on a day of that month
    # (merging keeps them apart too); the day's words are kept as its date text.
    text = "date 2026-03-01\n\nيجتمع وزراء المالية في دبي خلال أبريل.\n\nوحدد الاجتماع في دبي يوم 9 أبريل موعدا."
    found = extract.extract(parse_article("a.txt", text.encode("utf-8")), lex)
    assert [(x.date.day, x.date.precision, x.date_text) for x in found] == [(None, "month", "خلال ابريل"), (9, "day", "9 ابريل")]
    text = "date 2026-03-01\n\nيجتمع وزراء المالية في دبي يوم 9 أبريل.\n\nويعقد الاجتماع في دبي خلال أبريل."
    found = extract.extract(parse_article("a.txt", text.encode("utf-8")), lex)
    assert [(x.date.day, x.date.precision) for x in found] == [(9, "day"), (None, "month")]


def test_a_format_only_meeting_takes_the_level_a_later_sentence_names(lex):
    text = "date 2026-03-01\n\nتستضيف دبي يوم 9 مارس اجتماعا رفيع المستوى.\n\nويشارك في الاجتماع وزراء المالية في دبي يوم 9 مارس."
    [m] = extract.extract(parse_article("a.txt", text.encode("utf-8")), lex)
    assert (m.kind.id, m.kind_generic, m.format) == ("finance-ministers", False, "meeting")


def test_a_level_is_not_replaced_by_a_format(lex):
    text = "date 2026-03-01\n\nيجتمع وزراء المالية في دبي يوم 9 مارس.\n\nويعقد في دبي يوم 9 مارس مؤتمر دولي."
    [m] = extract.extract(parse_article("a.txt", text.encode("utf-8")), lex)
    assert (m.kind.id, m.format) == ("finance-ministers", "meeting")


def test_an_office_then_a_level_joined_by_of(lex):
    # "مستشاري الأمن القومي لقادة الدول": the advisers meet, not the leaders.
    text = "date 2026-01-01\n\nيعقد مستشارو الأمن القومي لقادة الدول اجتماعا في كييف يوم 3 يناير."
    assert brief(lex, text)[0][4] == "national-security-advisers"
    text = "date 2026-01-01\n\nيعقد مستشارو الأمن القومي والقادة اجتماعا في كييف يوم 3 يناير."
    assert brief(lex, text)[0][4] == "leaders"
