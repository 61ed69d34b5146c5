"""``python -m generator evaluate``: the extractor scored against a gold file.

The articles, gold and undated files under fixtures/evaluate/ are the project's own,
each made to exercise one way a record is counted: a hit, a wrong day (a miss and a
false record), an invented day, an optional meeting, a month-only record of an undated
meeting (not counted), and an article with no meeting.
"""

from __future__ import annotations

from pathlib import Path

from generator import evaluate, lexicon
from support import FIXTURES, cli

HERE = FIXTURES / "evaluate"
ROOT = Path(__file__).resolve().parent.parent

EXPECTED = """\
ok a1_hit.txt: 1/1 found, 0 false, 0 invented days
-- a2_wrong_day.txt: 0/1 found, 1 false, 0 invented days
   miss  2026-03-10 dubai (finance ministers)
   false 2026-03-09 dubai/united arab emirates (finance-ministers, day)
-- a3_invented.txt: 0/0 found, 0 false, 1 invented days
   invented 2026-01-24 doha/qatar (leaders, day)
ok a4_optional.txt: 0/0 found, 0 false, 0 invented days
ok a5_month.txt: 0/0 found, 0 false, 0 invented days
ok a6_none.txt: 0/0 found, 0 false, 0 invented days

6 articles: precision 0.33, recall 0.50, F1 0.40 (1 found, 2 false, 1 missed), invented days 1
"""


def run(*args):
    return cli(ROOT, "evaluate", *args)


def test_scores_and_one_line_per_article():
    done = run("--seeds", str(HERE / "seeds"), "--gold", str(HERE / "gold.yml"), "--undated", str(HERE / "undated.yml"))
    assert done.returncode == 0, done.stderr
    assert done.stdout == EXPECTED


def test_optional_and_month_records_are_there_but_not_counted():
    lex = lexicon.load()
    optional = evaluate.records_of(HERE / "seeds" / "a4_optional.txt", lex)
    month = evaluate.records_of(HERE / "seeds" / "a5_month.txt", lex)
    assert [(r["date"]["start"], r["place"]["city"]["id"]) for r in optional] == [("2026-01-19", "davos")]
    assert [(r["date"]["precision"], r["date"]["start"], r["place"]["city"]["id"]) for r in month] == [("month", "2026-03-01", "vienna")]


def test_without_the_undated_file_an_invented_day_is_a_false_record():
    done = run("--seeds", str(HERE / "seeds"), "--gold", str(HERE / "gold.yml"))
    assert "-- a3_invented.txt: 0/0 found, 1 false, 0 invented days" in done.stdout
    assert "-- a5_month.txt: 0/0 found, 1 false, 0 invented days" in done.stdout
    assert done.stdout.endswith("precision 0.25, recall 0.50, F1 0.33 (1 found, 3 false, 1 missed), invented days 0\n")


def test_place_none_matches_a_record_without_a_place():
    rec = {"date": {"precision": "day", "start": "2026-09-22", "end": "2026-09-22"}, "place": {"city": None, "country": None}}
    assert evaluate.matches_gold(rec, evaluate.Gold("2026-09-22", "2026-09-22", ("new york", "none"), "", False))
    assert not evaluate.matches_gold(rec, evaluate.Gold("2026-09-22", "2026-09-22", ("new york",), "", False))
    placed = {**rec, "place": {"city": {"en": "Madrid"}, "country": None}}
    assert not evaluate.matches_gold(placed, evaluate.Gold("2026-09-22", "2026-09-22", ("none",), "", False))


def test_missing_gold_file_is_one_line(tmp_path):
    done = run("--seeds", str(HERE / "seeds"), "--gold", str(tmp_path / "nope.yml"))
    assert done.returncode == 2
    assert done.stderr.strip() == f"error: {tmp_path / 'nope.yml'}: gold file not found"


def test_malformed_gold_file_is_one_line(tmp_path):
    bad = tmp_path / "gold.yml"
    bad.write_text("a1_hit.txt:\n  - {place: [Rabat]}\n", encoding="utf-8")
    done = run("--seeds", str(HERE / "seeds"), "--gold", str(bad))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "not a gold file in the expected format" in done.stderr and "Traceback" not in done.stderr
