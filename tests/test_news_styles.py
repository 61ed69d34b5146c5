"""Extraction on the ways Arabic outlets actually write about meetings.

Each case is a short article written for this project (never an outlet's text) in a
style seen in real news: a meeting of a kind no list names, places from the gazetteer,
dates as outlets write them, dates of other things, same-day and postponed meetings,
counts and merges. The expected records are written by hand, field by field:
(start, end, city id, country code, kind, status), and where it matters the series
and the previous date.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator import extract, merge
from generator.reader import parse_article
from support import brief, records


def one(lex, text: str) -> tuple:
    recs = records(lex, text)
    assert len(recs) == 1, [brief(r) for r in recs]
    return brief(recs[0])


# --- A meeting of a kind no list names still becomes a record ------------------------------

KINDLESS = {
    "body_first_meeting": (
        "date 2026-04-02\n\nيعقد مجلس التنمية الإقليمي أول اجتماع له في الرباط يوم 20 أبريل، بمشاركة ممثلي عشر دول.",
        ("2026-04-20", "2026-04-20", "rabat", "MA", "meeting", "scheduled"),
    ),
    "numbered_council_session": (
        "date 2026-05-09\n\nتنعقد غدا الأحد في القاهرة الدورة الحادية عشرة لمجلس وزراء الصحة العرب برئاسة مصر.",
        ("2026-05-10", "2026-05-10", "cairo", "EG", "health-ministers", "scheduled"),
    ),
    "talks_today_comma": (
        "date 2026-03-08\n\nتجري الوفود محادثات في جنيف، اليوم الأحد، حول تبادل الأسرى.",
        ("2026-03-08", "2026-03-08", "geneva", "CH", "talks", "held"),
    ),
    "talks_have_begun": (
        "date 2026-06-11\n\nقال المتحدث إن المحادثات قد بدأت اليوم في الدوحة وتتواصل حتى المساء.",
        ("2026-06-11", "2026-06-11", "doha", "QA", "talks", "held"),
    ),
    "will_meet_at_white_house": (
        "date 2026-07-01\n\nسيلتقي الرئيس الأمريكي نظيره الكيني يوم الإثنين المقبل في البيت الأبيض لبحث التجارة.",
        ("2026-07-06", "2026-07-06", "washington", "US", "meeting", "scheduled"),
    ),
    "meeting_held_yesterday": (
        "date 2026-02-18\n\nبحث مجلس الوزراء في بيروت خلال اجتماعه المنعقد أمس خطة الكهرباء.",
        ("2026-02-17", "2026-02-17", "beirut", "LB", "meeting", "held"),
    ),
    "international_conference": (
        "date 2026-08-20\n\nتحتضن مدينة مراكش مؤتمرا دوليا حول المياه يوم 14 سبتمبر المقبل.",
        ("2026-09-14", "2026-09-14", "marrakesh", "MA", "conference", "scheduled"),
    ),
    "visit_a_country": (
        "date 2026-03-03\n\nأعلنت الرئاسة أن وزير الخارجية الإيطالي يزور تونس يوم الخميس 5 مارس في إطار جولة مغاربية.",
        ("2026-03-05", "2026-03-05", None, "TN", "visit", "scheduled"),
    ),
}


@pytest.mark.parametrize("name", sorted(KINDLESS))
def test_meeting_of_any_kind_gives_a_record(lex, name):
    text, expected = KINDLESS[name]
    assert one(lex, text) == expected


def test_a_series_of_meetings_is_not_one_meeting(lex):
    text = "date 2026-01-10\n\nأعلن الوزير، اليوم السبت، أن بلاده ستعقد سلسلة اجتماعات مطلع فبراير المقبل."
    assert records(lex, text) == []
    events, notices = merge.merge(extract.extract(parse_article("a.txt", text.encode("utf-8")), lex))
    assert [(n.file, n.place) for n in notices] == [("seeds/a.txt", "sentence 1")] and "singles none out" in notices[0].reason


def test_a_press_conference_is_not_a_meeting(lex):
    text = "date 2026-01-10\n\nعقد المتحدث مؤتمرا صحفيا في عمان يوم الأحد 11 يناير."
    assert records(lex, text) == []


# --- Places from the gazetteer -----------------------------------------------------------

PLACES = {
    "capital_with_adjective": ("في مقر المنظمة بالعاصمة البلجيكية بروكسل", "brussels", "BE"),
    "capital_named_as_such": ("في العاصمة القطرية الدوحة", "doha", "QA"),
    "attached_preposition": ("بالرياض", "riyadh", "SA"),
    "city_then_its_country": ("في أديس أبابا بإثيوبيا", "addis-ababa", "ET"),
    "gulf_capital": ("في المنامة", "manama", "BH"),
    "resort_town": ("بمدينة شرم الشيخ", "sharm-el-sheikh", "EG"),
    "new_york": ("في نيويورك", "new-york", "US"),
    "muscat_after_adjective": ("في العاصمة العمانية مسقط", "muscat", "OM"),
    "levantine_capital": ("في بيروت", "beirut", "LB"),
    "small_alpine_town": ("في منتجع دافوس", "davos", "CH"),
    "venue_for_city": ("في قصر الإليزيه", "paris", "FR"),
}


@pytest.mark.parametrize("name", sorted(PLACES))
def test_place_from_the_gazetteer(lex, name):
    where, city, country = PLACES[name]
    text = f"date 2026-04-01\n\nيعقد وزراء الخارجية اجتماعا {where} يوم 12 أبريل."
    rec = records(lex, text)[0]
    assert ((rec["place"]["city"] or {}).get("id"), rec["place"]["country"]["code"]) == (city, country)


def test_city_keeps_its_coordinates(lex):
    rec = records(lex, "date 2026-04-01\n\nيعقد وزراء الخارجية اجتماعا في المنامة يوم 12 أبريل.")[0]
    city = rec["place"]["city"]
    # Manama lies at about 26.2 N, 50.6 E.
    assert round(city["lat"]) == 26 and round(city["lon"]) == 51


def test_a_country_in_another_clause_is_not_the_venue(lex):
    text = (
        "date 2026-05-01\n\nيجتمع القادة العرب يوم 7 مايو لبحث الكارثة الإنسانية المتفاقمة، "
        "فيما تتواصل الغارات على المدنيين في الأراضي الفلسطينية."
    )
    rec = records(lex, text)[0]
    assert rec["place"] == {"city": None, "country": None}


def test_what_a_meeting_is_about_is_not_where_it_is(lex):
    text = "date 2026-05-01\n\nتبحث قمة جدة يوم 9 مايو إنهاء الحرب في السودان."
    assert one(lex, text)[2:4] == ("jeddah", "SA")


# --- Dates as outlets write them ---------------------------------------------------------

DATES = {
    "bare_weekday_after_place": ("date 2026-01-01\n\nيجتمع مستشارو الأمن القومي في كييف السبت لبحث الخطة.", ("2026-01-03", "2026-01-03")),
    "bare_weekday_between_commas": ("date 2026-12-01\n\nتنعقد القمة الخليجية في المنامة، الأربعاء، بحضور القادة.", ("2026-12-02", "2026-12-02")),
    "two_weekdays_next": ("date 2026-03-12\n\nتستضيف الدوحة قمة طارئة يومي الأحد والاثنين المقبلين.", ("2026-03-15", "2026-03-16")),
    "same_month_as_before": (
        "date 2026-01-02\n\nيجتمع وزراء الدفاع في وارسو يوم 8 يناير، على أن يعقد القادة اجتماعا في روما يوم 11 من الشهر نفسه.",
        ("2026-01-08", "2026-01-08"),
    ),
    "lasting_two_days": ("date 2026-06-04\n\nانطلقت اليوم في جدة محادثات السلام، ومن المقرر أن تستمر على مدى يومين.", ("2026-06-04", "2026-06-05")),
    "weekday_and_day_range": ("date 2026-02-02\n\nيزور الوزير لبنان يومي الجمعة 6 والسبت 7 شباط 2026.", ("2026-02-06", "2026-02-07")),
    "compound_ordinal": ("date 2026-09-01\n\nتعقد الجمعية اجتماعها في نيويورك في التاسع والعشرين من أيلول.", ("2026-09-29", "2026-09-29")),
    "current_month": ("date 2026-09-06\n\nقررت الدول استئناف المؤتمر الدولي في 22 أيلول/سبتمبر الجاري.", ("2026-09-22", "2026-09-22")),
    "weekday_with_agreeing_date": ("date 2026-10-08\n\nتنعقد القمة يوم الإثنين المقبل الموافق 12 أكتوبر 2026 في العقبة.", ("2026-10-12", "2026-10-12")),
}


@pytest.mark.parametrize("name", sorted(DATES))
def test_date_as_outlets_write_it(lex, name):
    text, (start, end) = DATES[name]
    got = [brief(r)[:2] for r in records(lex, text)]
    assert (start, end) in got and len(got) == len(set(got))


def test_same_month_gives_two_meetings(lex):
    text = DATES["same_month_as_before"][0]
    got = sorted(brief(r) for r in records(lex, text))
    assert got == [
        ("2026-01-08", "2026-01-08", "warsaw", "PL", "defence-ministers", "scheduled"),
        ("2026-01-11", "2026-01-11", "rome", "IT", "leaders", "scheduled"),
    ]


def test_a_list_of_dates_is_several_meetings(lex):
    text = "date 2026-02-20\n\nتعقد اللجنة الوزارية اجتماعاتها الدورية في 25 آذار و22 نيسان، و20 أيار في الجزائر."
    assert records(lex, text) == []  # "اجتماعاتها": several meetings named together, none singled out
    text = "date 2026-02-20\n\nيجتمع وزراء الطاقة في فيينا في 25 آذار و22 نيسان، و20 أيار."
    got = sorted(brief(r)[:2] for r in records(lex, text))
    assert got == [("2026-03-25", "2026-03-25"), ("2026-04-22", "2026-04-22"), ("2026-05-20", "2026-05-20")]


# --- Dates of other things are not the meeting's ----------------------------------------

def test_publication_date_in_the_lead_is_not_the_meetings(lex):
    text = "date 2026-09-10\n\nأعلنت الوكالة الرسمية، اليوم الخميس (10 أيلول 2026)، أن الرياض ستستضيف قمة طارئة يوم الأحد المقبل."
    assert one(lex, text) == ("2026-09-13", "2026-09-13", "riyadh", "SA", "leaders", "scheduled")


def test_agency_dateline_is_not_the_meetings(lex):
    text = "date 2026-02-09\n\nنيروبي، 9 فبراير 2026 (وكالة الأنباء) - تعقد قمة شرق أفريقيا في نيروبي يوم 12 فبراير."
    assert one(lex, text)[:2] == ("2026-02-12", "2026-02-12")


def test_date_of_a_report_before_that_is_not_the_meetings(lex):
    text = "date 2026-02-04\n\nقال وزير الخارجية، الأربعاء، إن المحادثات ستعقد في مسقط صباح يوم الجمعة المقبل."
    assert one(lex, text)[:4] == ("2026-02-06", "2026-02-06", "muscat", "OM")


def test_date_of_a_phone_call_is_not_the_talks(lex):
    text = (
        "date 2026-11-21\n\nأجرى الرئيس مكالمة هاتفية مع نظيره يوم الجمعة، اتفقا خلالها على عقد محادثات مباشرة "
        "خلال الأيام المقبلة."
    )
    assert records(lex, text) == []


def test_past_summit_named_in_passing_is_not_given_a_day(lex):
    text = "قالت الجامعة إن القمة ستعقد في 20 مايو المقبل، وكانت آخر قمة عقدت بالجزائر في نوفمبر 2022."
    days = [r for r in records(lex, text) if r["date"]["precision"] == "day"]
    assert days == []  # no dateline: 20 May has no year; November 2022 is a month, not a day


def test_a_meeting_at_the_time_of_a_statement_takes_its_day(lex):
    text = (
        "date 2026-01-03\n\nأكد الرئيس، السبت، أن بلاده ماضية في الإصلاحات.\n\n"
        "وجاءت تصريحاته تزامنا مع استضافة كييف اجتماعا موسعا ضم مستشارين أمنيين من عدة دول."
    )
    assert one(lex, text) == ("2026-01-03", "2026-01-03", "kyiv", "UA", "national-security-advisers", "held")


def test_a_meeting_in_the_coming_days_has_no_day(lex):
    text = "date 2026-01-22\n\nقال الرئيس اليوم الخميس إن أول اجتماع ثلاثي سيعقد خلال اليومين المقبلين في الإمارات."
    assert records(lex, text) == []


# --- Status ------------------------------------------------------------------------------

STATUS = {
    "began_this_evening": ("date 2026-05-05\n\nانطلقت مساء اليوم في الرباط أعمال المؤتمر الإقليمي للطاقة.", "held"),
    "opens_today": ("date 2026-05-05\n\nتنطلق اليوم في الرباط أعمال المؤتمر الإقليمي للطاقة.", "held"),
    "hosts_today": ("date 2026-05-05\n\nتستضيف الرباط اليوم اجتماعا لوزراء الطاقة.", "held"),
    "tomorrow": ("date 2026-05-05\n\nتستضيف الرباط غدا اجتماعا لوزراء الطاقة.", "scheduled"),
    "yesterday_without_a_verb_of_holding": ("date 2026-05-05\n\nاجتماع وزراء الطاقة في الرباط أمس: خلاف على الأسعار.", "held"),
    "cancelled_though_past": ("date 2026-05-05\n\nأعلنت الرباط إلغاء اجتماع وزراء الطاقة الذي كان مقررا أمس.", "cancelled"),
}


@pytest.mark.parametrize("name", sorted(STATUS))
def test_status(lex, name):
    text, expected = STATUS[name]
    assert one(lex, text)[5] == expected


def test_postponed_meeting_keeps_its_new_day_and_its_old_one(lex):
    text = "date 2026-02-15\n\nتقرر تأجيل القمة الخليجية التي كانت مقررة الخميس 19 فبراير في الكويت، إلى يوم الجمعة 20 فبراير."
    [rec] = records(lex, text)
    assert brief(rec)[:2] == ("2026-02-20", "2026-02-20")
    assert rec["date"]["previous"] == {"start": "2026-02-19", "end": "2026-02-19"}
    assert rec["status"] == "scheduled"  # moved, and the new day is ahead


def test_postponed_without_a_new_day(lex):
    text = "date 2026-03-10\n\nأعلنت الرئاسة تأجيل اجتماع وزراء الخارجية الذي كان مقررا في الرياض يوم 15 مارس."
    [rec] = records(lex, text)
    assert rec["status"] == "postponed" and "previous" not in rec["date"]


def test_future_year_boundary_keeps_the_dateline_day(lex):
    # Read on 2 January, "سيعقد في 2 يناير" is today, not next year.
    assert one(lex, "date 2026-01-02\n\nسيعقد وزراء الدفاع اجتماعا في برلين في 2 يناير.")[:2] == ("2026-01-02", "2026-01-02")


def test_meeting_on_the_dateline_day_is_held_and_the_next_day_scheduled(lex):
    assert one(lex, "date 2026-04-10\n\nيجتمع وزراء الخارجية في القاهرة يوم 10 أبريل.")[5] == "held"
    assert one(lex, "date 2026-04-10\n\nيجتمع وزراء الخارجية في القاهرة يوم 11 أبريل.")[5] == "scheduled"


# --- Counts and merges -------------------------------------------------------------------

def test_the_size_of_a_coalition_is_not_the_attendance(lex):
    text = "date 2026-01-01\n\nيعقد القادة اجتماعا في باريس يوم 6 يناير. ويضم التحالف أكثر من 30 دولة."
    [rec] = records(lex, text)
    assert rec["participant_count"] is None


def test_two_bodies_meeting_in_one_city_on_one_day_are_two_meetings(lex):
    text = (
        "date 2026-02-10\n\nيجتمع وزراء الدفاع في حلف الناتو في بروكسل يوم 12 فبراير.\n\n"
        "ويعقد وزراء الدفاع في الاتحاد الأوروبي اجتماعا منفصلا في بروكسل يوم 12 فبراير مساء."
    )
    got = sorted(r["series"] for r in records(lex, text))
    assert got == ["european-union", "nato"]


def test_two_levels_in_one_city_on_one_day_are_two_meetings(lex):
    a = parse_article("a.txt", "date 2026-03-01\n\nيجتمع وزراء الدفاع في برلين يوم 5 مارس.".encode())
    b = parse_article("b.txt", "date 2026-03-01\n\nيجتمع وزراء الخارجية في برلين يوم 5 مارس.".encode())
    events, _ = merge.merge(extract.extract(a, lex) + extract.extract(b, lex))
    assert sorted(e.kind.id for e in events) == ["defence-ministers", "foreign-ministers"]


def test_a_format_only_mention_joins_the_level_it_is(lex):
    a = parse_article("a.txt", "date 2026-03-01\n\nيجتمع وزراء الدفاع في برلين يوم 5 مارس.".encode())
    b = parse_article("b.txt", "date 2026-03-02\n\nتستضيف برلين يوم 5 مارس اجتماعا رفيع المستوى.".encode())
    events, _ = merge.merge(extract.extract(a, lex) + extract.extract(b, lex))
    assert [(e.kind.id, tuple(s[0] for s in e.sources)) for e in events] == [("defence-ministers", ("a.txt", "b.txt"))]


def test_undated_meeting_sentence_is_reported(lex):
    article = parse_article("a.txt", "date 2026-03-01\n\nيعقد وزراء المالية اجتماعا في دبي قريبا.".encode())
    events, notices = merge.merge(extract.extract(article, lex))
    assert events == []
    assert [(n.file, n.place) for n in notices] == [("seeds/a.txt", "sentence 1")]


def test_status_uses_the_dateline_not_the_clock(lex):
    # The same text read on two datelines: what matters is the article's own date.
    early = one(lex, "date 2026-03-01\n\nيجتمع وزراء المالية في دبي يوم 5 مارس.")
    late = one(lex, "date 2026-03-09\n\nاجتمع وزراء المالية في دبي يوم 5 مارس.")
    assert (early[5], late[5]) == ("scheduled", "held")
    assert dt.date.fromisoformat(early[0]) == dt.date(2026, 3, 5)


def test_next_month_is_a_month_not_a_day(lex):
    rec = records(lex, "date 2026-12-11\n\nتعقد القمة الخليجية في الدوحة منتصف الشهر المقبل.")[0]
    assert rec["date"] == {"start": "2027-01-01", "end": "2027-01-31", "precision": "month"} and rec["status"] == "announced"


def test_a_name_that_is_a_city_and_a_country(lex):
    amman = one(lex, "date 2026-03-01\n\nيجتمع وزراء الخارجية العرب في العاصمة الأردنية عمّان يوم 4 مارس.")
    oman = one(lex, "date 2026-03-01\n\nتجري المشاورات في سلطنة عمان يوم 4 مارس.")
    assert (amman[2:4], oman[2:4]) == (("amman", "JO"), (None, "OM"))


def test_a_session_after_its_council(lex):
    assert one(lex, "date 2026-03-01\n\nيعقد مجلس الأمن الدولي اليوم جلسة طارئة في نيويورك.")[:5] == ("2026-03-01", "2026-03-01", "new-york", "US", "council-session")


def test_a_weekday_with_no_tense_is_the_nearer_one(lex):
    # Dated Wednesday: "مساء الثلاثاء" with no verb of either tense is yesterday, not six days on.
    text = "date 2026-06-03\n\nوصل وزير الخارجية إلى أنقرة، مساء الثلاثاء، في زيارة رسمية تستغرق يومين يلتقي خلالها نظيره."
    assert one(lex, text) == ("2026-06-02", "2026-06-03", "ankara", "TR", "visit", "held")


def test_the_place_a_visit_visits_after_its_subject(lex):
    text = "date 2025-12-28\n\nزار رئيس الوزراء العراقي طهران يوم السبت، وبحث مع المسؤولين العلاقات الثنائية."
    assert one(lex, text) == ("2025-12-27", "2025-12-27", "tehran", "IR", "visit", "held")


def test_a_ministerial_meeting_of_a_body(lex):
    text = "date 2026-03-02\n\nالرياض، 2 مارس (واس) - يستضيف مقر الأمانة العامة لمجلس التعاون بالرياض يوم الأربعاء المقبل الاجتماع الوزاري لدول المجلس."
    [rec] = records(lex, text)
    assert brief(rec) == ("2026-03-04", "2026-03-04", "riyadh", "SA", "ministers", "scheduled") and rec["series"] == "gcc"


def test_a_meeting_years_before_the_article_is_named_in_passing(lex):
    text = (
        "date 2026-05-01\n\nتستضيف بغداد القمة العربية يوم 17 مايو، وكانت آخر قمة استضافتها العراق في مارس 2012.\n\n"
        "وتولى الأمين العام منصبه في يناير 2020، ويترأس اجتماعا تحضيريا يوم 15 مايو."
    )
    article = parse_article("a.txt", text.encode("utf-8"))
    events, notices = merge.merge(extract.extract(article, lex))
    assert sorted((e.date.start().isoformat(), e.date.precision) for e in events) == [("2026-05-15", "day"), ("2026-05-17", "day")]
    assert [n.place for n in notices if "named in passing" in n.reason] == ["sentence 1"]
