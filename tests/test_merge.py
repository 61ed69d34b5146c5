"""Merging mentions from several articles: one meeting, all sources, conflicts kept."""

from __future__ import annotations

from generator import pipeline
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
