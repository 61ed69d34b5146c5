"""Merging mentions from several articles: one meeting, all sources, conflicts kept."""

from __future__ import annotations

import datetime as dt

import pytest

from generator import merge as merging
from generator import pipeline
from generator.model import DateValue, Evidence, Mention, Participant, Ref
from support import make_tree

AHEAD = "date 2026-03-01\nمن المقرر أن يعقد وزراء الدفاع اجتماعًا في برلين يوم 5 مارس، بمشاركة عشر دول.\n"
AFTER = "date 2026-03-06\nاجتمع وزراء الدفاع في برلين أمس بمشاركة اثنتي عشرة دولة، وبحثوا الدفاع الجوي.\n"
UNDATED = "أعلن مسؤولون أن وزراء الدفاع سيجتمعون في برلين يوم 5 مارس لبحث الذخائر.\n"


def run(tmp_path, articles):
    tree = make_tree(tmp_path, articles, seeds=False)
    return pipeline.run(tree / "seeds", tree / "content", project=tree)


def test_newest_source_sets_status_and_both_readings_are_kept(tmp_path):
    [rec] = run(tmp_path, {"a.txt": AHEAD, "b.txt": AFTER}).records
    assert rec["id"] == "2026-03-05-defence-ministers-berlin"
    assert rec["status"] == "held"
    assert [(s["seed"], s["status"]) for s in rec["sources"]] == [("a.txt", "scheduled"), ("b.txt", "held")]
    by_field = {c["field"]: c for c in rec["conflicts"]}
    assert by_field["status"]["shown"] == "held"
    assert {tuple(r["sources"]): r["value"] for r in by_field["status"]["readings"]} == {("a.txt",): "scheduled", ("b.txt",): "held"}
    count = by_field["participant_count"]
    assert count["shown"] == {"value": 12, "of": "countries"}
    assert len(count["readings"]) == 2 and "newest" in count["why"]
    assert rec["participant_count"] == {"value": 12, "of": "countries"}


def test_undated_article_is_dated_by_the_other_source(tmp_path):
    [rec] = run(tmp_path, {"a.txt": AHEAD, "z.txt": UNDATED}).records
    assert rec["date"]["start"] == "2026-03-05"
    assert {s["seed"] for s in rec["sources"]} == {"a.txt", "z.txt"}
    assert {e["seed"] for e in rec["evidence"]["date"]} == {"a.txt", "z.txt"}
    assert "munitions" in rec["topics"]


def test_different_cities_same_day_are_different_meetings(tmp_path):
    other = AHEAD.replace("برلين", "لندن")
    records = run(tmp_path, {"a.txt": AHEAD, "b.txt": other}).records
    assert [r["id"] for r in records] == ["2026-03-05-defence-ministers-berlin", "2026-03-05-defence-ministers-london"]


def test_undated_alone_is_reported_not_guessed(tmp_path):
    result = run(tmp_path, {"z.txt": UNDATED})
    assert result.records == ()
    assert any("has no year and the article no dateline" in str(n) for n in result.notices)


def test_a_mention_without_a_city_does_not_join_two_cities(tmp_path):
    """The first article names no city; Paris and Berlin stay two meetings."""
    vague = "date 2026-03-01\nمن المقرر أن يعقد وزراء الدفاع اجتماعًا يوم 5 مارس.\n"
    paris = AHEAD.replace("برلين", "باريس")
    records = run(tmp_path, {"a.txt": vague, "b.txt": paris, "c.txt": AHEAD}).records
    cities = sorted((r["place"]["city"] or {}).get("id", "") for r in records)
    assert cities == ["berlin", "paris"]
    assert all(not any(c["field"] == "place.city" for c in r["conflicts"]) for r in records)


def test_month_only_mention_is_not_the_meeting_on_the_first(tmp_path):
    month = "date 2026-02-20\nمن المقرر أن يعقد وزراء الدفاع اجتماعًا في برلين في مارس.\n"
    first = "date 2026-02-20\nمن المقرر أن يعقد وزراء الدفاع اجتماعًا في برلين يوم 1 مارس.\n"
    records = run(tmp_path, {"a.txt": month, "b.txt": first}).records
    assert sorted((r["date"]["start"], r["date"]["precision"]) for r in records) == [("2026-03-01", "day"), ("2026-03-01", "month")]


# --- merge() itself, on mentions as extraction hands them over --------------------------

DEFENCE = Ref("defence-ministers", "وزراء الدفاع", "Defence ministers")
FOREIGN = Ref("foreign-ministers", "وزراء الخارجية", "Foreign ministers")
SUMMIT = Ref("summit", "قمة", "Summit")
BERLIN = Ref("berlin", "برلين", "Berlin")
NATO = Ref("nato", "الناتو", "NATO")
MARCH_5 = DateValue(2026, 3, 5)


def mention(seed="a.txt", kind=DEFENCE, date=MARCH_5, published=dt.date(2026, 3, 1), order=0, evidence=None, **fields):
    return Mention(seed=seed, published=published, order=order, kind=kind, date=date, date_text=fields.pop("date_text", "5 مارس"), evidence=evidence or {}, **fields)


def ev(seed, sentence):
    return (Evidence(seed, sentence, "..."),)


def notices(mentions):
    return [str(n) for n in merging.merge(mentions)[1]]


def test_a_meeting_over_a_year_old_is_named_in_passing():
    old = DateValue(2024, 11, 3)
    assert notices([
        mention("b.txt", date=old, date_text="نوفمبر 2024", evidence={"kind": ev("b.txt", 2), "date": ev("b.txt", 3)}),
        mention("a.txt", date=old, kind=None, date_text="3 نوفمبر 2024", evidence={"kind": ev("a.txt", 4)}),
        mention("a.txt", date=old, order=1, date_text="3 نوفمبر 2024"),
    ]) == [
        "seeds/a.txt:sentence 4: a meeting (unknown kind) on '3 نوفمبر 2024', over a year before the article: named in passing; not recorded",
        "seeds/a.txt: a meeting (defence-ministers) on '3 نوفمبر 2024', over a year before the article: named in passing; not recorded",
        "seeds/b.txt:sentence 3: a meeting (defence-ministers) on 'نوفمبر 2024', over a year before the article: named in passing; not recorded",
    ]


def test_a_meeting_exactly_a_year_old_is_still_recorded():
    events, found = merging.merge([mention(date=DateValue(2025, 3, 1), published=dt.date(2026, 3, 1))])
    assert [e.date for e in events] == [DateValue(2025, 3, 1)] and found == []


def test_undated_articles_that_no_source_dates_are_reported():
    undated = DateValue(None, 3, 5)
    berlin_a = mention("a.txt", city=BERLIN)
    berlin_b = mention("b.txt", kind=FOREIGN, city=BERLIN)
    assert notices([
        berlin_a,
        mention("z.txt", kind=SUMMIT, kind_generic=True, date=undated, published=None, date_text="5 مارس", evidence={"kind": ev("z.txt", 1), "date": ev("z.txt", 2)}),
        mention("y.txt", kind=DEFENCE, date=DateValue(None, 3, 6), published=None, date_text="6 مارس", evidence={"kind": ev("y.txt", 5)}),
        mention("x.txt", kind=DEFENCE, date=DateValue(None, 3, 7), published=None, date_text="7 مارس"),
    ]) == [
        "seeds/x.txt: the date '7 مارس' has no year and the article no dateline, and no other source dates this meeting (defence-ministers); not recorded",
        "seeds/y.txt:sentence 5: the date '6 مارس' has no year and the article no dateline, and no other source dates this meeting (defence-ministers); not recorded",
    ]
    # A generic kind fits the defence and the foreign ministers' meetings both: which one is not known.
    assert notices([
        berlin_a, berlin_b,
        mention("z.txt", kind=SUMMIT, kind_generic=True, date=undated, published=None, date_text="5 مارس", evidence={"kind": ev("z.txt", 1), "date": ev("z.txt", 2)}),
    ]) == ["seeds/z.txt:sentence 2: the date '5 مارس' has no year and the article no dateline, and several source dates this meeting (summit); not recorded"]


def test_meetings_named_together_and_meetings_without_a_date_are_reported():
    assert notices([
        mention("b.txt", several=True, evidence={"kind": ev("b.txt", 7)}),
        mention("a.txt", several=True, evidence={"kind": ev("a.txt", 2)}),
        mention("c.txt", date=None, evidence={"kind": ev("c.txt", 4)}),
        mention("c.txt", date=None, kind=FOREIGN, order=1),
    ]) == [
        "seeds/a.txt:sentence 2: speaks of dated meetings together («اجتماعات», «سلسلة») and singles none out; not recorded",
        "seeds/b.txt:sentence 7: speaks of dated meetings together («اجتماعات», «سلسلة») and singles none out; not recorded",
        "seeds/c.txt:sentence 4: a meeting (defence-ministers) with no date; not recorded",
        "seeds/c.txt: a meeting (foreign-ministers) with no date; not recorded",
    ]


def test_a_mention_of_no_kind_joins_the_one_meeting_of_its_day():
    events, _ = merging.merge([
        mention("a.txt", city=BERLIN),
        mention("b.txt", kind=None, host=NATO, published=dt.date(2026, 3, 2)),
        mention("c.txt", kind=None, host=NATO, date=DateValue(2026, 3, 6)),  # another day: no meeting to join
        mention("d.txt", kind=None, host=NATO, date=DateValue(2026, 3, None)),  # a month: not the meeting of one day
    ])
    assert [(e.date, [s[0] for s in e.sources], e.host) for e in events] == [(MARCH_5, ["a.txt", "b.txt"], NATO)]


def test_a_mention_of_no_kind_does_not_join_a_meeting_of_its_month():
    events, _ = merging.merge([
        mention("a.txt", date=DateValue(2026, 3, None), city=BERLIN),
        mention("b.txt", kind=None, host=NATO, date=DateValue(2026, 3, 1)),
        mention("c.txt", kind=None, host=NATO, date=DateValue(2026, 3, 1), order=1),
    ])
    assert [(e.date, [s[0] for s in e.sources]) for e in events] == [(DateValue(2026, 3, None), ["a.txt"])]


def test_a_mention_of_no_kind_between_two_meetings_joins_neither():
    events, _ = merging.merge([
        mention("a.txt", city=BERLIN),
        mention("b.txt", kind=FOREIGN, city=BERLIN),
        mention("c.txt", kind=None, host=NATO),
    ])
    assert [[s[0] for s in e.sources] for e in events] == [["a.txt"], ["b.txt"]]


def test_on_a_tie_the_more_telling_format_wins():
    # Defence ministers' talks and a summit on one day in Berlin: the summit (a format only)
    # joins the talks; the foreign ministers meet apart.
    events, _ = merging.merge([
        mention("a.txt", city=BERLIN, format="talks"),
        mention("b.txt", kind=SUMMIT, kind_generic=True, format="summit"),
        mention("c.txt", kind=FOREIGN, city=BERLIN, format="meeting"),
    ])
    assert [(e.kind, e.format) for e in events] == [(DEFENCE, "summit"), (FOREIGN, "meeting")]


def test_the_format_most_sources_give_and_an_unknown_format_last():
    def fmt(*formats):
        [event], _ = merging.merge([mention(f"{i}.txt", format=f) for i, f in enumerate(formats)])
        return event.format
    assert fmt("talks", "meeting", "meeting") == "meeting"
    assert fmt("workshop", "meeting") == "meeting"
    assert fmt("workshop", None) == "workshop"
    assert fmt(None, None) is None


def test_the_newest_source_wins_a_conflict_whatever_its_name():
    [event], _ = merging.merge([
        mention("a.txt", status="held", published=dt.date(2026, 3, 6)),
        mention("b.txt", status="scheduled", published=dt.date(2026, 3, 1)),
        mention("c.txt", status="scheduled", published=None),
    ])
    assert event.status == "held"
    [(field, readings, shown, why)] = event.conflicts
    assert (field, shown, why) == ("status", "held", "the newest source wins")
    assert {r.value: r.seeds for r in readings} == {"held": ("a.txt",), "scheduled": ("b.txt", "c.txt")}


def test_a_range_gives_the_meeting_its_days_and_a_dated_source_its_year():
    [event], _ = merging.merge([
        mention("a.txt", date=MARCH_5),
        mention("z.txt", date=DateValue(None, 3, 5, end_day=7), published=None),
        mention("b.txt", date=DateValue(2026, 3, 5, end_day=6)),
    ])
    assert event.date == DateValue(2026, 3, 5, end_day=6)
    [event], _ = merging.merge([mention("a.txt", date=MARCH_5), mention("z.txt", date=DateValue(None, 3, 5, end_day=7), published=None)])
    assert event.date == MARCH_5


def test_the_first_mode_a_source_gives_a_participant_stays():
    [event], _ = merging.merge([
        mention("a.txt", participants=(Participant(NATO, None),)),
        mention("b.txt", participants=(Participant(NATO, "in_person"),)),
        mention("c.txt", participants=(Participant(NATO, "online"),)),
    ])
    assert event.participants == (Participant(NATO, "in_person"),)


@pytest.mark.parametrize(
    "fields, attendance",
    [
        ([{"participants": (Participant(NATO, "online"),)}], "online"),
        ([{"online": True}], "online"),
        ([{"online": True, "city": BERLIN}], "mixed"),
        ([{"online": True}, {"in_person": True}], "mixed"),
        ([{"participants": (Participant(NATO, "online"), Participant(DEFENCE, "in_person"))}], "mixed"),
        ([{"in_person": True}], "in_person"),
        ([{"participants": (Participant(NATO, "in_person"),)}], "in_person"),
        ([{"city": BERLIN}], None),
    ],
)
def test_attendance(fields, attendance):
    [event], _ = merging.merge([mention(f"{i}.txt", **f) for i, f in enumerate(fields)])
    assert event.attendance == attendance
