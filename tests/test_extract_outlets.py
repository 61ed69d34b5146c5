"""Extraction on wording seen at more outlets: bodies' names beside a venue, a report's
day beside a postponement, and a meeting moved from one day to another.

Every text is the project's own, written in the styles outlets use. The expected
records are written by hand: (start, end, city id, country code, kind, status), and
where it matters the series and the previous day.
"""

from __future__ import annotations

import pytest

from support import brief, records


def only(lex, text: str) -> dict:
    recs = records(lex, text)
    assert len(recs) == 1, [brief(r) for r in recs]
    return recs[0]


# --- A body's name is not a place: the venue is the city the text gives ---------------------

BODIES = {
    "league_summit_then_city": (
        "date 2026-04-20\n\nتستعد المملكة لاستضافة قمة جامعة الدول العربية في الرياض يوم 19 مايو المقبل.",
        ("2026-05-19", "2026-05-19", "riyadh", "SA", "leaders", "scheduled"), "arab-league",
    ),
    "league_council_with_clitic": (
        "date 2026-03-01\n\nيعقد مجلس الجامعة على مستوى المندوبين اجتماعا لجامعة الدول العربية بالقاهرة يوم 4 مارس.",
        ("2026-03-04", "2026-03-04", "cairo", "EG", "meeting", "scheduled"), "arab-league",
    ),
    "gulf_council_meeting": (
        "date 2026-11-25\n\nيعقد اجتماع مجلس التعاون الخليجي في الكويت يوم 3 ديسمبر بمشاركة وزراء المالية.",
        ("2026-12-03", "2026-12-03", None, "KW", "finance-ministers", "scheduled"), "gcc",
    ),
    "islamic_body_ministerial": (
        "date 2026-03-01\n\nتعقد منظمة التعاون الإسلامي اجتماعا وزاريا طارئا في جدة يوم 10 مارس.",
        ("2026-03-10", "2026-03-10", "jeddah", "SA", "ministers", "scheduled"), "oic",
    ),
    "league_summit_no_city": (
        "date 2026-04-20\n\nتنعقد قمة جامعة الدول العربية يوم 19 مايو المقبل.",
        ("2026-05-19", "2026-05-19", None, None, "leaders", "scheduled"), "arab-league",
    ),
}


@pytest.mark.parametrize("name", sorted(BODIES))
def test_a_bodys_name_is_not_its_venue(lex, name):
    text, expected, series = BODIES[name]
    rec = only(lex, text)
    assert (brief(rec), rec["series"]) == (expected, series)


def test_an_adjective_after_a_meeting_word_is_not_a_town(lex):
    # "وزاريا" without its first letter spells a town's name; after a meeting word it is
    # the meeting's adjective ("ministerial"), never "and <town>".
    rec = only(lex, "date 2026-03-01\n\nعقد وزراء الزراعة اجتماعا وزاريا يوم 1 مارس لبحث الأمن الغذائي.")
    assert brief(rec)[2:4] == (None, None)


def test_a_town_right_after_a_meeting_word_is_still_its_venue(lex):
    assert brief(only(lex, "date 2026-03-01\n\nتبحث قمة نيروبي يوم 9 مارس أمن الحدود."))[2:4] == ("nairobi", "KE")


# --- A report's day set off by commas is not the meeting's, nor its previous day -----------

POSTPONED = {
    "weekday_and_date_of_the_report": (
        "date 2026-03-01\n\nأعلنت الوزارة، الأحد 1 مارس، تأجيل اجتماع وزراء الخارجية العرب الذي كان مقررا يوم 5 مارس إلى يوم 15 مارس.",
        ("2026-03-15", "2026-03-15", None, None, "foreign-ministers", "scheduled"), {"start": "2026-03-05", "end": "2026-03-05"},
    ),
    "bare_weekday_of_the_report_no_old_day": (
        "date 2026-03-01\n\nأعلنت الرئاسة، الأحد، تأجيل اجتماع اللجنة العليا إلى يوم 15 مارس.",
        ("2026-03-15", "2026-03-15", None, None, "meeting", "scheduled"), None,
    ),
    "yesterday_of_the_report": (
        "date 2026-03-02\n\nقررت الحكومة، أمس الأحد، إرجاء القمة الاقتصادية إلى الخامس عشر من مارس.",
        ("2026-03-15", "2026-03-15", None, None, "leaders", "scheduled"), None,
    ),
    "date_of_the_report_only": (
        "date 2026-03-01\n\nأعلنت اللجنة المنظمة، في 1 مارس، تأجيل المؤتمر الذي كان مقررا في الرباط يوم 8 مارس إلى 22 مارس.",
        ("2026-03-22", "2026-03-22", "rabat", "MA", "conference", "scheduled"), {"start": "2026-03-08", "end": "2026-03-08"},
    ),
}


@pytest.mark.parametrize("name", sorted(POSTPONED))
def test_a_postponement_reported_on_a_day_keeps_the_new_day(lex, name):
    text, expected, previous = POSTPONED[name]
    rec = only(lex, text)
    assert (brief(rec), rec["date"].get("previous")) == (expected, previous)


def test_a_postponement_without_a_new_day_stays_postponed_on_its_old_day(lex):
    text = "date 2026-03-01\n\nأعلنت الوزارة، الأحد، تأجيل اجتماع اللجنة العليا الذي كان مقررا يوم 5 مارس."
    rec = only(lex, text)
    assert (brief(rec), rec["date"].get("previous")) == (("2026-03-05", "2026-03-05", None, None, "meeting", "postponed"), None)


# --- A meeting moved from one day to another is not a span of days ----------------------------

MOVED = {
    "was_set_for_then_to": (
        "date 2026-02-15\n\nأرجئت القمة التي كانت مقررة الخميس 19 فبراير إلى يوم الجمعة 20 فبراير.",
        ("2026-02-20", "2026-02-20"), {"start": "2026-02-19", "end": "2026-02-19"},
    ),
    "moved_from_to": (
        "date 2026-02-15\n\nتقرر نقل موعد الاجتماع الوزاري من الخميس 19 فبراير إلى الجمعة 20 فبراير.",
        ("2026-02-20", "2026-02-20"), {"start": "2026-02-19", "end": "2026-02-19"},
    ),
    "postponed_from_to_one_month": (
        "date 2026-02-15\n\nأعلنت الرئاسة تأجيل القمة من 19 إلى 26 فبراير بسبب الأحوال الجوية.",
        ("2026-02-26", "2026-02-26"), {"start": "2026-02-19", "end": "2026-02-19"},
    ),
    "set_for_then_put_off": (
        "date 2026-02-15\n\nكان الاجتماع مقررا يوم 19 فبراير حتى 20 فبراير، ثم أرجئ إلى 3 مارس.",
        ("2026-03-03", "2026-03-03"), {"start": "2026-02-19", "end": "2026-02-20"},
    ),
    "instead_of_alone": (
        "date 2026-02-15\n\nتعقد القمة يوم الجمعة 20 فبراير بدلا من الخميس 19 فبراير بسبب سفر أحد القادة.",
        ("2026-02-20", "2026-02-20"), {"start": "2026-02-19", "end": "2026-02-19"},
    ),
    "instead_of": (
        "date 2026-02-15\n\nتغير موعد المحادثات لتعقد يوم الجمعة 20 فبراير بدلا من الخميس 19 فبراير.",
        ("2026-02-20", "2026-02-20"), {"start": "2026-02-19", "end": "2026-02-19"},
    ),
}


@pytest.mark.parametrize("name", sorted(MOVED))
def test_a_meeting_moved_to_another_day(lex, name):
    text, days, previous = MOVED[name]
    rec = only(lex, text)
    assert (brief(rec)[:2], rec["date"].get("previous"), rec["status"]) == (days, previous, "scheduled")


SPANS = {
    "postponed_to_a_span": ("date 2026-02-15\n\nأرجئ المؤتمر إلى الفترة من 19 إلى 21 فبراير.", "scheduled"),
    "postponed_to_a_dashed_span": ("date 2026-02-15\n\nتقرر تأجيل المؤتمر إلى 19-21 فبراير.", "scheduled"),
    "a_span_with_no_postponement": ("date 2026-02-15\n\nتعقد القمة من 19 إلى 21 فبراير في أبوظبي.", "scheduled"),
    "the_postponed_span_itself": ("date 2026-02-15\n\nأعلنت اللجنة تأجيل المؤتمر الذي كان مقررا من 19 إلى 21 فبراير.", "postponed"),
}


@pytest.mark.parametrize("name", sorted(SPANS))
def test_a_span_of_days_stays_a_span(lex, name):
    text, status = SPANS[name]
    rec = only(lex, text)
    assert (brief(rec)[:2], rec["date"].get("previous"), rec["status"]) == (("2026-02-19", "2026-02-21"), None, status)


# --- More wording from outlets: receptions, phone calls, pronouns, Hijri dates, palaces -------

MORE = {
    "received_a_minister": (
        "date 2026-03-01\n\nاستقبل الرئيس المصري في القاهرة اليوم الأحد وزير الخارجية الأمريكي.",
        ("2026-03-01", "2026-03-01", "cairo", "EG", "meeting", "held"),
    ),
    "will_receive_a_president": (
        "date 2026-03-01\n\nيستقبل العاهل الأردني الرئيس الفرنسي في عمّان يوم الثلاثاء المقبل لبحث الأوضاع في المنطقة.",
        ("2026-03-03", "2026-03-03", "amman", "JO", "meeting", "scheduled"),
    ),
    "summit_with_a_pronoun": (
        "date 2026-03-02\n\nعقد القادة العرب قمتهم الطارئة في الدوحة أمس الأحد.",
        ("2026-03-01", "2026-03-01", "doha", "QA", "leaders", "held"),
    ),
    "session_with_a_pronoun": (
        "date 2026-03-01\n\nيعقد مجلس وزراء الخارجية العرب دورته العادية في مقر الأمانة العامة بالقاهرة يوم 4 مارس.",
        ("2026-03-04", "2026-03-04", "cairo", "EG", "foreign-ministers", "scheduled"),
    ),
    "hijri_then_gregorian": (
        "date 2026-03-10\n\nتنعقد القمة الطارئة في مكة المكرمة يوم الإثنين 27 رمضان 1447هـ الموافق 16 مارس 2026م.",
        ("2026-03-16", "2026-03-16", "makkah", "SA", "leaders", "scheduled"),
    ),
    "hijri_set_off_by_commas": (
        "date 2026-03-10\n\nتنعقد القمة الطارئة في مكة المكرمة يوم الاثنين، 27 رمضان 1447 هـ، الموافق 16 مارس 2026.",
        ("2026-03-16", "2026-03-16", "makkah", "SA", "leaders", "scheduled"),
    ),
    "palace_outside_the_capital": (
        "date 2026-03-01\n\nاستقبل الرئيس اللبناني في قصر بعبدا اليوم المبعوث الأمريكي الخاص.",
        ("2026-03-01", "2026-03-01", "baabda", "LB", "meeting", "held"),
    ),
    "palace_in_the_capital": (
        "date 2026-03-01\n\nترأس الرئيس اجتماعا لمجلس الأمن القومي في قصر الاتحادية يوم الأحد 8 مارس.",
        ("2026-03-08", "2026-03-08", "cairo", "EG", "meeting", "scheduled"),
    ),
}


@pytest.mark.parametrize("name", sorted(MORE))
def test_more_wording_from_outlets(lex, name):
    text, expected = MORE[name]
    assert brief(only(lex, text)) == expected


NOT_MEETINGS = {
    "hospitals_received_the_wounded": "date 2026-03-01\n\nاستقبلت المستشفيات في غزة يوم الأحد عشرات الجرحى.",
    "talks_by_phone": "date 2026-03-01\n\nأجرى الوزير مباحثات هاتفية مطولة مع نظيره الفرنسي يوم السبت.",
    "talks_over_the_phone": "date 2026-03-01\n\nبحث الوزيران في محادثات عبر الهاتف يوم السبت سبل التعاون.",
}


@pytest.mark.parametrize("name", sorted(NOT_MEETINGS))
def test_not_a_meeting(lex, name):
    assert records(lex, NOT_MEETINGS[name]) == []


def test_the_day_of_a_phone_call_is_not_the_summit_agreed_in_it(lex):
    text = "date 2026-03-01\n\nأجرى الرئيسان محادثات هاتفية يوم السبت، واتفقا على عقد قمة في أنقرة يوم 20 مارس."
    assert brief(only(lex, text))[:4] == ("2026-03-20", "2026-03-20", "ankara", "TR")


def test_talks_in_person_after_a_call_are_a_meeting(lex):
    text = "date 2026-03-01\n\nأجرى الوزير محادثات مع نظيره الفرنسي في باريس يوم السبت، بعد اتصال هاتفي الأسبوع الماضي."
    assert brief(only(lex, text)) == ("2026-02-28", "2026-02-28", "paris", "FR", "talks", "held")


ONLINE = [
    "بتقنية الفيديو",
    "عبر الفيديو كونفرانس",
    "عن طريق الفيديو",
    "عبر تقنية التواصل المرئي",
    "عبر دائرة تلفزيونية مغلقة",
    "عبر تطبيق زوم",
]


@pytest.mark.parametrize("how", ONLINE)
def test_ways_outlets_say_online(lex, how):
    rec = only(lex, f"date 2026-03-01\n\nيعقد وزراء الصحة العرب اجتماعا {how} يوم 5 مارس.")
    assert (brief(rec)[:2], rec["attendance"]) == (("2026-03-05", "2026-03-05"), "online")


def test_a_virtual_summit(lex):
    assert only(lex, "date 2026-03-01\n\nيعقد القادة قمة افتراضية يوم 5 مارس.")["attendance"] == "online"


# --- A present verb opening the sentence speaks of what is coming ------------------------------

PRESENT = {
    "agency_dateline_then_meets": (
        "date 2026-03-01\n\nواشنطن (رويترز) - يجتمع الرئيس الأمريكي مع نظيره الكيني في البيت الأبيض يوم الجمعة.",
        ("2026-03-06", "2026-03-06", "washington", "US", "meeting", "scheduled"),
    ),
    "visits_a_country": (
        "date 2026-03-01\n\nيزور وزير الخارجية الإسباني لبنان يوم الجمعة.",
        ("2026-03-06", "2026-03-06", None, "LB", "visit", "scheduled"),
    ),
    "heads_to_a_meeting": (
        "date 2026-03-01\n\nويتوجه الوزير إلى بروكسل الخميس للمشاركة في اجتماع وزراء الدفاع.",
        ("2026-03-05", "2026-03-05", "brussels", "BE", "defence-ministers", "scheduled"),
    ),
    "past_verb_stays_past": (
        "date 2026-03-01\n\nاجتمع الرئيس الأمريكي مع نظيره الكيني في البيت الأبيض يوم الجمعة.",
        ("2026-02-27", "2026-02-27", "washington", "US", "meeting", "held"),
    ),
}


@pytest.mark.parametrize("name", sorted(PRESENT))
def test_a_present_verb_at_the_start_looks_ahead(lex, name):
    text, expected = PRESENT[name]
    assert brief(only(lex, text)) == expected


# --- A body's "meetings" named as one event are one meeting ------------------------------------

PLURAL = {
    "joint_committee_over_two_days": (
        "date 2026-03-01\n\nتحتضن العاصمة المغربية الرباط يومي 10 و11 مارس الجاري اجتماعات اللجنة المشتركة بين البلدين.",
        ("2026-03-10", "2026-03-11", "rabat", "MA", "meeting", "scheduled"),
    ),
    "ministers_meetings_tomorrow": (
        "date 2026-03-01\n\nتنطلق غدا في القاهرة اجتماعات وزراء الخارجية العرب.",
        ("2026-03-02", "2026-03-02", "cairo", "EG", "foreign-ministers", "scheduled"),
    ),
    "a_bodys_meetings": (
        "date 2026-03-01\n\nتبدأ يوم 5 مارس في الدوحة اجتماعات مجلس التعاون الخليجي.",
        ("2026-03-05", "2026-03-05", "doha", "QA", "meeting", "scheduled"),
    ),
}


@pytest.mark.parametrize("name", sorted(PLURAL))
def test_a_bodys_meetings_are_one_meeting(lex, name):
    text, expected = PLURAL[name]
    assert brief(only(lex, text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "date 2026-03-01\n\nعقد الوزير اجتماعات مع عدد من نظرائه يوم الأحد.",  # several, with several people
        "date 2026-03-01\n\nتعقد سلسلة اجتماعات اللجنة المشتركة يوم 5 مارس.",  # a series
        "date 2026-03-01\n\nتتواصل الاجتماعات يوم 5 مارس.",  # nobody's
    ],
)
def test_meetings_of_nobody_in_particular_are_several(lex, text):
    assert records(lex, text) == []


def test_a_meeting_said_to_be_planned_looks_ahead(lex):
    # "المزمع" is the future as "المقرر" is: Thursday is the coming one.
    text = "date 2026-03-01\n\nمن المزمع أن تعقد القمة في الرياض يوم الخميس."
    assert brief(only(lex, text)) == ("2026-03-05", "2026-03-05", "riyadh", "SA", "leaders", "scheduled")


# --- A capital named by its country ("العاصمة اللبنانية") is that city ----------------------

CAPITALS = {
    "في العاصمة الفرنسية": ("paris", "FR"),
    "في العاصمة اللبنانية بيروت": ("beirut", "LB"),
    "بالعاصمة السودانية": ("khartoum", "SD"),
    "في العاصمة الجزائرية": ("algiers", "DZ"),
    "في الجزائر العاصمة": ("algiers", "DZ"),
    "في الخرطوم": ("khartoum", "SD"),
    "في العاصمة الكويتية": ("kuwait-city", "KW"),
}


@pytest.mark.parametrize("where", sorted(CAPITALS))
def test_a_capital_named_by_its_country(lex, where):
    rec = only(lex, f"date 2026-04-01\n\nيعقد وزراء الخارجية العرب اجتماعا {where} يوم 12 أبريل.")
    assert brief(rec)[2:4] == CAPITALS[where]


def test_a_capital_keeps_its_name_in_both_languages(lex):
    rec = only(lex, "date 2026-04-01\n\nيعقد وزراء الخارجية العرب اجتماعا في العاصمة السودانية يوم 12 أبريل.")
    assert (rec["place"]["city"]["ar"], rec["place"]["city"]["en"]) == ("الخرطوم", "Khartoum")


# --- "ضيفا على": the guest of a place visits it ------------------------------------------------

GUEST = {
    "guest_of_a_city": (
        "date 2026-03-01\n\nيحل وزير الخارجية الأمريكي ضيفا على الرياض يوم الثلاثاء المقبل.",
        ("2026-03-03", "2026-03-03", "riyadh", "SA", "visit", "scheduled"),
    ),
    "guest_of_a_country_in_three_words": (
        "date 2026-03-01\n\nيحل الرئيس الفرنسي ضيفا على المملكة العربية السعودية يوم الثلاثاء المقبل.",
        ("2026-03-03", "2026-03-03", None, "SA", "visit", "scheduled"),
    ),
    "guest_of_a_capital_named_by_its_country": (
        "date 2026-03-01\n\nتحل المستشارة الألمانية ضيفة على العاصمة الأردنية يوم 5 مارس.",
        ("2026-03-05", "2026-03-05", "amman", "JO", "visit", "scheduled"),
    ),
}


@pytest.mark.parametrize("name", sorted(GUEST))
def test_the_guest_of_a_place_visits_it(lex, name):
    text, expected = GUEST[name]
    assert brief(only(lex, text)) == expected


def test_the_guest_of_a_programme_visits_nothing(lex):
    assert records(lex, "date 2026-03-01\n\nيحل الرئيس ضيفا على برنامج تلفزيوني يوم الثلاثاء.") == []


# --- A body convening, or its proceedings, where no meeting word names it ----------------------

CONVENING = {
    "the_committee_that_convenes": (
        "date 2026-05-03\n\nيترأس قائدا البلدين أشغال اللجنة العليا المشتركة، التي تنعقد بالرباط يومي 6 و7 ماي 2026.",
        ("2026-05-06", "2026-05-07", "rabat", "MA", "council-session", "scheduled"),
    ),
    "a_committee_convenes": (
        "date 2026-05-03\n\nتنعقد اللجنة الوزارية العربية في القاهرة يوم 10 مايو.",
        ("2026-05-10", "2026-05-10", "cairo", "EG", "council-session", "scheduled"),
    ),
    "the_proceedings_of_a_council": (
        "date 2026-05-03\n\nانطلقت اليوم في الجزائر العاصمة أعمال المجلس الأعلى للشباب.",
        ("2026-05-03", "2026-05-03", "algiers", "DZ", "council-session", "held"),
    ),
}


@pytest.mark.parametrize("name", sorted(CONVENING))
def test_a_body_convening_is_a_meeting(lex, name):
    text, expected = CONVENING[name]
    assert brief(only(lex, text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "date 2026-05-03\n\nبدأت أعمال الصيانة في مقر البنك يوم 10 مايو.",  # works of another kind
        "date 2026-05-03\n\nتنعقد الآمال على تحسن الطقس يوم 10 مايو.",  # hopes, no body
    ],
)
def test_proceedings_and_convening_of_no_body(lex, text):
    assert records(lex, text) == []


def test_a_postponement_in_the_passive(lex):
    rec = only(lex, "date 2026-05-03\n\nأعلنت الوزارة أن القمة المقررة يوم 10 مايو ستؤجل.")
    assert brief(rec)[:2] + (rec["status"],) == ("2026-05-10", "2026-05-10", "postponed")


# --- "كان مقررا يوم X" and another day after it: moved from X --------------------------------

def test_the_day_it_was_set_for_then_another(lex):
    text = (
        "date 2026-03-01\n\nأعلنت الجامعة العربية، الأحد، تأجيل اجتماع وزراء الخارجية العرب.\n\n"
        "وكان الاجتماع مقررا يوم الخميس 5 مارس في القاهرة، وتقرر عقده يوم 15 مارس."
    )
    recs = [r for r in records(lex, text) if r["place"]["city"]]
    assert [(brief(r)[:4], r["date"].get("previous")) for r in recs] == [
        (("2026-03-15", "2026-03-15", "cairo", "EG"), {"start": "2026-03-05", "end": "2026-03-05"})
    ]


def test_it_was_to_be_held_on_one_day_and_was_held_on_the_next(lex):
    rec = only(lex, "date 2026-03-01\n\nكان من المقرر أن يعقد الاجتماع يوم 5 مارس، لكنه عقد يوم 6 مارس.")
    assert (brief(rec)[:2], rec["date"].get("previous")) == (("2026-03-06", "2026-03-06"), {"start": "2026-03-05", "end": "2026-03-05"})


def test_a_cancelled_meeting_keeps_the_day_it_was_set_for(lex):
    text = "date 2026-02-04\n\nوفي وقت سابق من اليوم، أفادت القناة، الأربعاء، بإلغاء المحادثات التي كان من المقرر عقدها في مسقط يوم الجمعة المقبل."
    rec = only(lex, text)
    assert (brief(rec), rec["date"].get("previous")) == (("2026-02-06", "2026-02-06", "muscat", "OM", "talks", "cancelled"), None)


def test_a_day_before_the_one_it_was_set_for_is_not_its_new_day(lex):
    text = "date 2026-02-04\n\nقال الوزير اليوم إن المحادثات التي كانت مقررة في مسقط يوم الجمعة المقبل ستعقد في موعدها."
    rec = only(lex, text)
    assert (brief(rec)[:4], rec["date"].get("previous")) == (("2026-02-06", "2026-02-06", "muscat", "OM"), None)


def test_the_day_it_was_set_for_named_again_is_no_move(lex):
    rec = only(lex, "date 2026-03-01\n\nكان الاجتماع مقررا يوم 5 مارس في القاهرة، وسيعقد فعلا يوم 5 مارس.")
    assert (brief(rec)[:4], rec["date"].get("previous")) == (("2026-03-05", "2026-03-05", "cairo", "EG"), None)


# --- A later sentence that speaks of the meeting again with its old date ---------------------

BACK_REFERENCES = {
    # "this visit, which was set for March before it was put off": the visit already named.
    "this_visit_month": (
        "date 2026-04-02\n\nيصل رئيس الوزراء الإيطالي إلى تونس يوم 10 أبريل في زيارة رسمية.\n\n"
        "وتأتي هذه الزيارة التي كانت مقررة في مارس قبل أن تؤجل، وسط ملفات عالقة.",
        ("2026-04-10", "2026-04-10", None, "TN", "visit", "scheduled"), None,
    ),
    "that_summit_a_day": (
        "date 2026-04-02\n\nتنعقد القمة الثلاثية في عمان يوم 20 أبريل.\n\n"
        "وكانت تلك القمة مقررة يوم 5 أبريل قبل أن ترجأ بسبب ظروف إقليمية.",
        ("2026-04-20", "2026-04-20", "amman", "JO", "leaders", "scheduled"), {"start": "2026-04-05", "end": "2026-04-05"},
    ),
    "the_meeting_that_was_set": (
        "date 2026-04-02\n\nيعقد وزراء النقل اجتماعهم في الكويت يوم 14 أبريل.\n\n"
        "وأوضح المصدر أن الاجتماع الذي كان مقررا في 7 أبريل أجل لأسباب تنظيمية.",
        ("2026-04-14", "2026-04-14", None, "KW", "transport-ministers", "scheduled"), {"start": "2026-04-07", "end": "2026-04-07"},
    ),
}


@pytest.mark.parametrize("name", sorted(BACK_REFERENCES))
def test_a_meeting_named_again_with_its_old_date_is_the_same_meeting(lex, name):
    text, expected, previous = BACK_REFERENCES[name]
    rec = only(lex, text)
    assert (brief(rec), rec["date"].get("previous")) == (expected, previous)


def test_a_demonstrative_with_no_meeting_before_it_still_names_one(lex):
    rec = only(lex, "date 2026-04-02\n\nوتعد هذه القمة التي تعقد في الدوحة يوم 9 مايو الأولى من نوعها.")
    assert brief(rec) == ("2026-05-09", "2026-05-09", "doha", "QA", "leaders", "scheduled")


def test_a_meeting_set_elsewhere_is_another_meeting(lex):
    # The relative clause alone does not refer back to a meeting of another place.
    text = (
        "date 2026-04-02\n\nيصل رئيس الوزراء الإيطالي إلى تونس يوم 10 أبريل في زيارة رسمية.\n\n"
        "وكانت القمة التي كانت مقررة في الدوحة يوم 5 مارس قد ألغيت."
    )
    assert sorted(brief(r)[:4] for r in records(lex, text)) == [
        ("2026-03-05", "2026-03-05", "doha", "QA"), ("2026-04-10", "2026-04-10", None, "TN")]


# --- A bare weekday where a day stands ---------------------------------------------------------

WEEKDAY_AFTER_VERB = {
    "sunday_before_in": ("date 2026-04-02\n\nيلتقي الوزيران الأحد في الرياض لبحث ملف الطاقة.", ("2026-04-05", "riyadh")),
    "monday_before_in": ("date 2026-04-02\n\nيجتمع قادة الدول الاثنين في بروكسل.", ("2026-04-06", "brussels")),
    "past_sunday_attached_place": ("date 2026-04-02\n\nاجتمع وزيرا الخارجية الأحد بالقاهرة.", ("2026-03-29", "cairo")),
    "visit_noun_then_monday": ("date 2026-04-02\n\nتبدأ زيارة الرئيس الاثنين المقبل إلى مسقط.", ("2026-04-06", "muscat")),
    "noun_with_pronoun": ("date 2026-04-02\n\nيأتي لقاؤهما الأحد في جنيف بعد أشهر من القطيعة.", ("2026-04-05", "geneva")),
    "with_counterpart": ("date 2026-04-02\n\nيلتقي وزير الخارجية الاثنين مع نظيره في أنقرة.", ("2026-04-06", "ankara")),
}


@pytest.mark.parametrize("name", sorted(WEEKDAY_AFTER_VERB))
def test_a_bare_weekday_after_a_meeting_verb_is_a_day(lex, name):
    text, (day, city) = WEEKDAY_AFTER_VERB[name]
    rec = only(lex, text)
    assert (rec["date"]["start"], rec["date"]["precision"], rec["place"]["city"]["id"]) == (day, "day", city)


@pytest.mark.parametrize("text", [
    "يلتقي الوزير الأحد عشر سفيرا في مقر الوزارة يوم 8 أبريل.",  # eleven
    "ناقش اجتماع الوزراء مصير الاثنين المعتقلين في السجن يوم 8 أبريل.",  # "the two", not Monday
    "يجتمع الوزيران اليوم في عمان، ويعد الاثنين في وفاق تام يوم 8 أبريل.",  # "the two" after the clause's verb
    "يستقبل الرئيس الاثنين من المرشحين في القصر يوم 8 أبريل.",  # "two of the candidates"
])
def test_the_words_for_one_and_two_are_not_days(lex, text):
    days = sorted(r["date"]["start"] for r in records(lex, "date 2026-04-02\n\n" + text))
    assert "2026-04-05" not in days and "2026-04-06" not in days, days


# --- Named seasonal meetings -----------------------------------------------------------------

SEASONAL = {
    "spring_meetings": (
        "date 2026-04-02\n\nيشارك وزير المالية في اجتماعات الربيع لصندوق النقد الدولي والبنك الدولي في واشنطن يوم 14 أبريل.",
        ("2026-04-14", "2026-04-14", "washington", "US"),
    ),
    "annual_meetings_span": (
        "date 2026-09-02\n\nتستضيف بانكوك الاجتماعات السنوية للبنك الدولي من 12 إلى 18 أكتوبر.",
        ("2026-10-12", "2026-10-18", "bangkok", "TH"),
    ),
    "autumn_meetings": (
        "date 2026-09-02\n\nتنطلق اجتماعات الخريف للمؤسستين في واشنطن يوم 13 أكتوبر.",
        ("2026-10-13", "2026-10-13", "washington", "US"),
    ),
}


@pytest.mark.parametrize("name", sorted(SEASONAL))
def test_named_seasonal_meetings_are_one_meeting(lex, name):
    text, expected = SEASONAL[name]
    assert brief(only(lex, text))[:4] == expected


def test_a_funds_spring_meetings_belong_to_it(lex):
    rec = only(lex, SEASONAL["spring_meetings"][0])
    assert rec["series"] == "imf"


def test_meetings_in_a_season_are_still_several(lex):
    assert records(lex, "date 2026-04-02\n\nعقد الوزير اجتماعات عدة في الربيع الماضي مع نظرائه.") == []


# --- A host country, then the city: the city is the venue -------------------------------------

CITY_AFTER_COUNTRY = {
    "hosts_then_city": (
        "date 2026-04-02\n\nتحتضن الجزائر في 20 أبريل الجاري المؤتمر الوزاري الإفريقي حول الطاقة المتجددة بوهران.",
        ("2026-04-20", "2026-04-20", "oran", "DZ"),
    ),
    "nearer_of_two_cities": (
        "date 2026-04-02\n\nوبعد نجاحه بطنجة العام الماضي، يحتضن المغرب يوم 20 أبريل المنتدى الإفريقي للاستثمار بمدينة أكادير.",
        ("2026-04-20", "2026-04-20", "agadir", "MA"),
    ),
    "hosts_then_in_city": (
        "date 2026-04-02\n\nتستضيف المملكة المغربية يوم 22 أبريل اجتماعا لوزراء الزراعة الأفارقة في مدينة أكادير.",
        ("2026-04-22", "2026-04-22", "agadir", "MA"),
    ),
}


@pytest.mark.parametrize("name", sorted(CITY_AFTER_COUNTRY))
def test_a_city_of_the_host_country_is_the_venue(lex, name):
    text, expected = CITY_AFTER_COUNTRY[name]
    assert brief(only(lex, text))[:4] == expected


def test_a_city_of_another_country_does_not_refine_the_host(lex):
    # The displaced in another country's city are whom it helps; the host stays the venue.
    rec = only(lex, "date 2026-04-02\n\nتستضيف قطر يوم 22 أبريل مؤتمرا للمانحين لدعم النازحين في الخرطوم.")
    assert brief(rec)[2:4] == (None, "QA")


# --- A day set off by commas after a long title does not push the venue out of reach ----------

def test_a_day_between_commas_after_a_title_keeps_the_venue_in_reach(lex):
    text = "date 2026-04-02\n\nالتقى وزير الشؤون الخارجية الجزائري أحمد عطاف، أمس، نظيره الإيطالي في روما."
    assert brief(only(lex, text))[:4] == ("2026-04-01", "2026-04-01", "rome", "IT")


# --- "بحث X مع نظيره": talks with someone in office --------------------------------------------

DISCUSSED_WITH = {
    "discussed_with_counterpart": (
        "date 2026-04-02\n\nبحث وزير الخارجية العماني مع نظيره الإيراني، أمس في مسقط، سبل تعزيز التعاون.",
        # A foreign minister and his counterpart: foreign ministers' talks (kinds.yml `counterparts`).
        ("2026-04-01", "2026-04-01", "muscat", "OM", "foreign-ministers", "held"),
    ),
    "will_discuss_with_minister": (
        "date 2026-04-02\n\nيبحث رئيس الحكومة مع وزيرة الخارجية الألمانية في برلين يوم 9 أبريل ملف الهجرة.",
        ("2026-04-09", "2026-04-09", "berlin", "DE", "talks", "scheduled"),
    ),
    "discussed_and_received": (
        "date 2026-04-02\n\nتباحث الرئيس مع رئيسة الحكومة، الأربعاء، بقصر قرطاج، سير العمل الحكومي.",
        ("2026-04-01", "2026-04-01", "carthage", "TN", "talks", "held"),
    ),
}


@pytest.mark.parametrize("name", sorted(DISCUSSED_WITH))
def test_discussing_with_someone_in_office_is_talks(lex, name):
    text, expected = DISCUSSED_WITH[name]
    assert brief(only(lex, text)) == expected


@pytest.mark.parametrize("text", [
    "بحث وزير الخارجية هاتفيا مع نظيره الإيراني يوم 1 أبريل سبل التعاون.",  # by phone
    "بحث الرئيس الإيراني مع نظيره التركي عبر الهاتف يوم 1 أبريل آخر التطورات.",
    "بحث الباحثون مع الطلاب يوم 1 أبريل نتائج الدراسة.",  # nobody in office
    "بحثت اللجنة يوم 1 أبريل مع الخبراء سبل دعم المزارعين.",  # nobody in office
])
def test_discussing_by_phone_or_with_nobody_in_office_is_no_meeting(lex, text):
    assert records(lex, "date 2026-04-02\n\n" + text) == []


def test_receiving_a_head_of_government_is_a_meeting(lex):
    # "رئيس" is matched in the folded text, where its hamza is folded too.
    rec = only(lex, "date 2026-04-02\n\nاستقبلت العاصمة الفرنسية يوم 1 أبريل رئيس الحكومة الإيطالية.")
    assert brief(rec)[:2] == ("2026-04-01", "2026-04-01")


def test_the_head_of_a_body_received_does_not_make_it_the_meetings_body(lex):
    rec = only(lex, "date 2026-04-02\n\nاستقبل الرئيس المصري في القاهرة يوم 1 أبريل رئيس الاتحاد الأفريقي.")
    assert (brief(rec)[:4], rec["series"]) == (("2026-04-01", "2026-04-01", "cairo", "EG"), None)


# --- A hosting verb with its object pronoun: "التي تستضيفها بغداد" -----------------------------

HOSTED_BY = {
    "summit_hosted_by": (
        "date 2026-04-02\n\nيشارك الملك في أعمال القمة التي تستضيفها الجزائر العاصمة في 17 مايو.",
        ("2026-05-17", "2026-05-17", "algiers", "DZ"),
    ),
    "forum_hosted_by": (
        "date 2026-04-02\n\nتنطلق يوم 20 أبريل أعمال المنتدى الذي تحتضنه مراكش على مدى يومين.",
        ("2026-04-20", "2026-04-21", "marrakesh", "MA"),
    ),
    "conference_hosted_by_past": (
        "date 2026-04-02\n\nاختتم أمس المؤتمر الذي استضافته بيروت بمشاركة وزراء الثقافة العرب.",
        ("2026-04-01", "2026-04-01", "beirut", "LB"),
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTED_BY))
def test_the_city_that_hosts_it_with_a_pronoun_is_the_venue(lex, name):
    text, expected = HOSTED_BY[name]
    assert brief(only(lex, text))[:4] == expected


def test_a_name_and_title_between_commas_keeps_the_venue_in_reach(lex):
    text = "date 2026-04-02\n\nاجتمع رئيس الوزراء الليبي عبد الحميد الدبيبة، بالرئيس التركي رجب طيب أردوغان، في أنقرة، يوم الأربعاء."
    assert brief(only(lex, text))[:4] == ("2026-04-01", "2026-04-01", "ankara", "TR")


@pytest.mark.parametrize(("aside", "weight"), [
    ("، امس،", 0),  # a day
    ("، بالرءيس الروسي فلاديمير بوتين،", 0),  # who, with a title
    ("، وبحث الجانبان سبل تعزيز العلاقات الثنائية،", 80),  # a clause of its own: six words
])
def test_commas_weigh_nothing_around_an_aside_of_up_to_five_words(aside, weight):
    from generator.extract import segment

    def far(text: str) -> float:
        return segment.cost(text, (0, 5), (len(text) - 4, len(text)))

    plain = aside.replace("،", " ")
    assert far("التقي الوزير" + aside + " في روما") - far("التقي الوزير" + plain + " في روما") == weight


def test_a_postponed_meeting_named_again_without_a_new_day_stays_postponed(lex):
    # Named again with the month it was first set for, but nothing says it has a new day.
    text = (
        "date 2026-04-02\n\nأعلنت الرئاسة تأجيل القمة الثنائية التي كانت مقررة في الرباط يوم 20 أبريل.\n\n"
        "وكانت هذه القمة مقررة في البداية خلال شهر مارس."
    )
    rec = only(lex, text)
    assert brief(rec) == ("2026-04-20", "2026-04-20", "rabat", "MA", "leaders", "postponed")


def test_the_first_day_a_meeting_left_is_kept(lex):
    text = (
        "date 2026-04-02\n\nتنعقد القمة الثلاثية في عمان يوم 20 أبريل.\n\n"
        "وكانت تلك القمة مقررة يوم 5 أبريل قبل أن ترجأ.\n\n"
        "وكانت هذه القمة مقررة في البداية يوم 1 أبريل."
    )
    rec = only(lex, text)
    assert (brief(rec)[:4], rec["date"].get("previous")) == (("2026-04-20", "2026-04-20", "amman", "JO"), {"start": "2026-04-05", "end": "2026-04-05"})


def test_a_day_brought_forward_is_kept_as_the_one_it_left(lex):
    text = (
        "date 2026-04-02\n\nيعقد وزراء النقل اجتماعهم في الكويت يوم 14 أبريل.\n\n"
        "وأوضح المصدر أن الاجتماع الذي كان مقررا في 21 أبريل قدم موعده لأسباب تنظيمية."
    )
    rec = only(lex, text)
    assert (brief(rec)[:2], rec["date"].get("previous")) == (("2026-04-14", "2026-04-14"), {"start": "2026-04-21", "end": "2026-04-21"})


@pytest.mark.parametrize(("text", "expected"), [
    ("كان الاجتماع مقررا في مارس", (False, False)),  # when it was to be: no tense of its own
    ("من المقرر ان يعقد الاجتماع وكان مقررا قبل ذلك", (False, True)),  # the first still looks ahead
    ("من المقرر ان يعقد الاجتماع", (False, True)),
])
def test_what_was_set_does_not_look_ahead(lex, text, expected):
    from generator.extract import when
    from generator.textnorm import fold

    assert when.tense(fold(text), lex) == expected


def test_a_summit_named_again_is_not_the_ministers_meeting_before_it(lex):
    # Two levels never merge: "this summit" is not the ministers' meeting just named.
    text = (
        "date 2026-04-02\n\nيجتمع وزراء الخارجية العرب في القاهرة يوم 10 أبريل.\n\n"
        "وكانت هذه القمة مقررة يوم 5 أبريل في القاهرة."
    )
    assert sorted(brief(r)[:5] for r in records(lex, text)) == [
        ("2026-04-05", "2026-04-05", "cairo", "EG", "leaders"), ("2026-04-10", "2026-04-10", "cairo", "EG", "foreign-ministers")]


def test_a_body_named_again_is_not_another_bodys_meeting(lex):
    text = (
        "date 2026-04-02\n\nيعقد وزراء الدفاع في حلف الناتو اجتماعا في بروكسل يوم 10 أبريل.\n\n"
        "وكان هذا الاجتماع للاتحاد الأوروبي مقررا يوم 3 أبريل في بروكسل."
    )
    assert len(records(lex, text)) == 2


def test_talks_by_discussing_are_more_telling_than_a_meeting_word(lex):
    # "بحث ... مع نظيره خلال لقاء": one meeting; the word its date goes to names the
    # format, the most telling word (the talks) its kind.
    rec = only(lex, "date 2026-04-02\n\nبحث الرئيس مع نظيره الفرنسي خلال لقاء جمعهما في القاهرة يوم 1 أبريل ملفات المنطقة.")
    assert (brief(rec), rec["format"]) == (("2026-04-01", "2026-04-01", "cairo", "EG", "talks", "held"), "meeting")


def test_a_summit_named_again_gives_its_level_to_the_meeting(lex):
    text = (
        "date 2026-04-02\n\nيلتقي الرئيسان في الجزائر العاصمة يوم 20 أبريل.\n\n"
        "وكانت هذه القمة مقررة يوم 5 أبريل قبل أن ترجأ."
    )
    rec = only(lex, text)
    assert (brief(rec), rec["date"].get("previous")) == (
        ("2026-04-20", "2026-04-20", "algiers", "DZ", "leaders", "scheduled"), {"start": "2026-04-05", "end": "2026-04-05"})
