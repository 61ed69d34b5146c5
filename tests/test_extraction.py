"""Extraction on articles the extractor has never seen, written the way other outlets write.

Each fixture article under fixtures/articles/ must give exactly the records listed
here; the full records are also compared with golden files under golden/records/.
The golden files are reviewed by hand, field by field; no switch rewrites them from
the code under test.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import pipeline, yamlio
from support import FIXTURES, make_tree

GOLDEN = Path(__file__).parent / "golden" / "records"

# fixture -> [(id, kind, start, end, status, city, country, attendance, topics ⊇, participants ⊇)]
EXPECTED = {
    "levantine_berlin": [("2026-03-15-foreign-ministers-berlin", "foreign-ministers", "2026-03-15", "2026-03-15", "scheduled", "berlin", "DE", None, {"sanctions", "energy-security"}, {"g7"})],
    "maghrebi_istanbul": [("2026-02-03-defence-ministers-istanbul", "defence-ministers", "2026-02-03", "2026-02-03", "scheduled", "istanbul", "TR", None, {"air-defence", "munitions"}, {"nato"})],
    "combined_month_london": [("2026-01-12-energy-ministers-london", "energy-ministers", "2026-01-12", "2026-01-12", "scheduled", "london", "GB", None, {"energy-security"}, set())],
    "weekday_riyadh": [("2026-02-15-national-security-advisers-riyadh", "national-security-advisers", "2026-02-15", "2026-02-15", "scheduled", "riyadh", "SA", "mixed", {"peace-process", "ceasefire"}, {"us-team"})],
    "range_munich": [("2026-04-10-technical-talks-munich", "technical-talks", "2026-04-10", "2026-04-12", "scheduled", "munich", "DE", None, {"security-guarantees", "reconstruction"}, set())],
    "held_washington": [("2026-05-05-defence-ministers-washington", "defence-ministers", "2026-05-05", "2026-05-05", "held", "washington", "US", None, {"air-defence", "intelligence-cooperation"}, set())],
    "no_meeting": [],
    "postponed_riyadh": [("2026-03-15-foreign-ministers-riyadh", "foreign-ministers", "2026-03-15", "2026-03-15", "postponed", "riyadh", "SA", None, set(), set())],
    "cancelled_berlin": [("2026-03-20-defence-ministers-berlin", "defence-ministers", "2026-03-20", "2026-03-20", "cancelled", "berlin", "DE", None, set(), set())],
    "online_energy": [("2026-03-12-energy-ministers", "energy-ministers", "2026-03-12", "2026-03-12", "scheduled", None, None, "online", {"energy-security"}, set())],
    "month_only_paris": [("2026-04-leaders-paris", "leaders", "2026-04-01", "2026-04-30", "announced", "paris", "FR", None, set(), set())],
    "two_meetings_one_sentence": [
        ("2026-03-05-foreign-ministers-london", "foreign-ministers", "2026-03-05", "2026-03-05", "scheduled", "london", "GB", None, set(), set()),
        ("2026-03-07-defence-ministers-brussels", "defence-ministers", "2026-03-07", "2026-03-07", "scheduled", "brussels", "BE", None, {"munitions"}, set()),
    ],
    "ordinal_geneva": [("2026-03-15-national-security-advisers-geneva", "national-security-advisers", "2026-03-15", "2026-03-15", "scheduled", "geneva", "CH", None, {"security-guarantees"}, set())],
    "markup_geneva": [("2026-07-09-foreign-ministers-geneva", "foreign-ministers", "2026-07-09", "2026-07-09", "scheduled", "geneva", "CH", None, {"ceasefire", "security-guarantees"}, set())],
}


def records_for(tmp_path: Path, name: str) -> list[dict]:
    text = (FIXTURES / "articles" / f"{name}.txt").read_text(encoding="utf-8")
    tree = make_tree(tmp_path, {f"{name}.txt": text}, seeds=False)
    return list(pipeline.run(tree / "seeds", tree / "content", project=tree).records)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_gives_its_records(tmp_path, name):
    records = records_for(tmp_path, name)
    got = [
        (r["id"], r["kind"], r["date"]["start"], r["date"]["end"], r["status"], (r["place"]["city"] or {}).get("id"),
         (r["place"]["country"] or {}).get("code"), r["attendance"])
        for r in records
    ]
    assert got == [e[:8] for e in EXPECTED[name]]
    for rec, expected in zip(records, EXPECTED[name]):
        assert expected[8] <= set(rec["topics"])
        assert expected[9] <= {p["id"] for p in rec["participants"]}
        # Every field that has a value has evidence from the article.
        for field in ("kind", "date", "status") + (("place",) if rec["place"]["country"] else ()):
            assert rec["evidence"][field], field


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_matches_golden_records(tmp_path, name):
    records = records_for(tmp_path, name)
    folder = GOLDEN / name
    rendered = {f"{r['id']}.yml": yamlio.dump(r) for r in records}
    if os.environ.get("UPDATE_GOLDEN"):
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.yml"):
            old.unlink()
        for file, text in rendered.items():
            (folder / file).write_text(text, encoding="utf-8")
        (folder / ".keep").write_text("")
    expected = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.yml"))}
    assert rendered == expected


def test_markup_in_an_article_is_kept_as_text(tmp_path):
    [rec] = records_for(tmp_path, "markup_geneva")
    texts = [e["text"] for evs in rec["evidence"].values() for e in evs]
    assert any("*وقف إطلاق النار*" in t and "<b>الضمانات الأمنية</b>" in t for t in texts)
    # The record survives a YAML round trip byte for byte, markup and all.
    assert yamlio.load(yamlio.dump(rec)) == rec


def test_the_lexicon_not_special_cases_names_places_and_kinds(tmp_path):
    """A city added to the lexicon data is found without touching Python."""
    from generator import lexicon

    lex_dir = tmp_path / "lexicon"
    lex_dir.mkdir()
    for path in lexicon.LEXICON_DIR.glob("*.yml"):
        (lex_dir / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    with (lex_dir / "cities.yml").open("a", encoding="utf-8") as handle:
        handle.write("- {id: sidi-bou-said, en: Sidi Bou Said, ar: سيدي بوسعيد, country: TN, lat: 36.87, lon: 10.35, forms: [سيدي بوسعيد]}\n")
    lex = lexicon.load(lex_dir)
    from generator import extract, merge
    from generator.reader import parse_article

    article = parse_article("t.txt", "date 2026-03-01\nيعقد وزراء الخارجية اجتماعا في سيدي بوسعيد يوم 4 مارس.".encode())
    [event], _ = merge.merge(extract.extract(article, lex))
    assert event.city.id == "sidi-bou-said"


def test_c_and_pure_python_yaml_write_the_same_bytes():
    """Records are written with libyaml when present; a machine without it must agree."""
    samples = [yamlio.load(p.read_text(encoding="utf-8")) for p in sorted(GOLDEN.glob("*/*.yml"))]
    samples.append({"a": "2026-01-03", "b": "key: [v]", "c": "*x* <b> {{ y }}", "d": "one\ntwo", "e": None, "f": "yes", "g": "0123", "h": "— «» “”", "i": " lead"})
    for data in samples:
        assert yamlio.dump(data) == yamlio.dump(data, dumper=yamlio.PureDumper)
        assert yamlio.load(yamlio.dump(data)) == data
