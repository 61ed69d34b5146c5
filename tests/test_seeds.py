"""The two seed articles give exactly the three meetings, every fact with its evidence."""

from __future__ import annotations

import pytest

from generator import pipeline
from support import ROOT, make_tree

SEED_000 = "000_f9219e1323404476.txt"  # no dateline
SEED_001 = "001_ae68e33f9df36568.txt"  # date 2026-01-02


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    tree = make_tree(tmp_path_factory.mktemp("seeds"))
    return {r["date"]["start"]: r for r in pipeline.run(tree / "seeds", tree / "content", project=tree).records}


def cited(rec, field):
    return {(e["seed"], e["sentence"]) for e in rec["evidence"][field]}


def test_exactly_three_meetings(records):
    assert sorted(records) == ["2026-01-03", "2026-01-05", "2026-01-06"]
    assert [records[d]["kind"] for d in sorted(records)] == ["national-security-advisers", "chiefs-of-general-staff", "leaders"]


def test_kyiv_meeting_merges_both_seeds(records):
    rec = records["2026-01-03"]
    assert rec["id"] == "2026-01-03-national-security-advisers-kyiv"
    assert rec["place"]["city"]["en"] == "Kyiv" and rec["place"]["country"] == {"code": "UA", "ar": "أوكرانيا", "en": "Ukraine"}
    assert [s["seed"] for s in rec["sources"]] == [SEED_000, SEED_001]
    assert [s["published"] for s in rec["sources"]] == [None, "2026-01-02"]
    # The undated seed is dated by the other source: both cite the date.
    assert {(SEED_000, 1), (SEED_001, 3), (SEED_001, 5)} <= cited(rec, "date")
    assert (SEED_000, 1) in cited(rec, "place")
    assert rec["status"] == "scheduled" and cited(rec, "status")
    assert rec["series"] == "coalition-of-the-willing"


def test_kyiv_attendance_participants_and_count(records):
    rec = records["2026-01-03"]
    assert rec["attendance"] == "mixed"
    modes = {p["id"]: p["mode"] for p in rec["participants"]}
    assert modes == {"european-representatives": "in_person", "us-team": "online", "european-institutions": None, "nato": None}
    assert rec["participant_count"] == {"value": 15, "of": "countries"}
    assert (SEED_001, 6) in cited(rec, "participant_count")
    assert {(SEED_001, 4), (SEED_001, 6)} <= cited(rec, "attendance")
    assert {"security-needs", "air-defence", "peace-process"} <= set(rec["topics"])


def test_statements_by_zelensky_with_their_sentences(records):
    kyiv = records["2026-01-03"]["statements"]
    assert {(s["source"], s["sentence"], s["kind"]) for s in kyiv} >= {(SEED_000, 2, "reported"), (SEED_001, 5, "direct"), (SEED_001, 6, "direct")}
    assert all(s["speaker"] == "zelensky" for s in kyiv)
    direct = next(s for s in kyiv if s["sentence"] == 5)
    assert direct["text"]["ar"].startswith("سيعقد، في 3 يناير، اجتماع لمستشاري الأمن القومي")
    staff = records["2026-01-05"]["statements"]
    assert [(s["source"], s["sentence"], s["kind"]) for s in staff] == [(SEED_001, 8, "direct")]
    leaders = records["2026-01-06"]["statements"]
    assert [(s["sentence"], s["kind"]) for s in leaders] == [(9, "reported"), (10, "direct")]


def test_chiefs_of_staff_two_days_after(records):
    rec = records["2026-01-05"]
    assert rec["id"] == "2026-01-05-chiefs-of-general-staff"
    # "وبعد يومين" (two days after the meeting just mentioned) and "في 5 يناير" agree.
    assert cited(rec, "date") == {(SEED_001, 7), (SEED_001, 8)}
    assert rec["host"]["id"] == "ukraine" and cited(rec, "host") == {(SEED_001, 7)}
    assert rec["place"] == {"city": None, "country": None}  # no source names a place
    assert "security-guarantees" in rec["topics"]
    assert [s["seed"] for s in rec["sources"]] == [SEED_001]


def test_coalition_leaders_in_france(records):
    rec = records["2026-01-06"]
    assert rec["id"] == "2026-01-06-leaders-france"
    assert rec["place"]["country"]["code"] == "FR" and rec["place"]["city"] is None
    assert rec["series"] == "coalition-of-the-willing"
    assert rec["host"]["id"] == "coalition-of-the-willing"
    assert {p["id"] for p in rec["participants"]} == {"european-leaders", "coalition-of-the-willing-leaders"}
    assert rec["title"] == {"ar": "اجتماع قادة تحالف الراغبين في فرنسا", "en": "Coalition of the Willing leaders' meeting in France"}


def test_committed_records_are_what_the_generator_makes(records):
    committed = sorted(p.name for p in (ROOT / "content" / "events").glob("*.yml"))
    assert committed == sorted(f"{r['id']}.yml" for r in records.values())
