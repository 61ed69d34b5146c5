"""The command line as editors use it: build, check, bad input, corrections."""

from __future__ import annotations

import pytest

from support import cli, make_tree, snapshot

SEED_001 = "001_ae68e33f9df36568.txt"
KYIV = "2026-01-03-national-security-advisers-kyiv"


def correct(tree, event_id: str, yaml_text: str):
    """Write an editor's correction file for one meeting; returns the corrections folder."""
    fixes = tree / "content" / "corrections"
    fixes.mkdir(parents=True, exist_ok=True)
    (fixes / f"{event_id}.yml").write_text(yaml_text, encoding="utf-8")
    return fixes


def test_help_explains_the_commands(tmp_path):
    out = cli(tmp_path, "--help")
    assert out.returncode == 0
    for word in ("build", "check", "seeds/", "content/"):
        assert word in out.stdout


def test_build_twice_changes_nothing_and_check_agrees(tmp_path):
    tree = make_tree(tmp_path)
    first = cli(tree, "build")
    assert first.returncode == 0, first.stderr
    assert "3 records from 2 articles" in first.stdout
    before = snapshot(tree / "content")
    mtimes = {p: p.stat().st_mtime_ns for p in (tree / "content").rglob("*") if p.is_file()}
    second = cli(tree, "build")
    assert " 0 written, 0 removed" in second.stdout
    assert snapshot(tree / "content") == before
    assert {p: p.stat().st_mtime_ns for p in (tree / "content").rglob("*") if p.is_file()} == mtimes
    assert cli(tree, "check").returncode == 0


def test_check_fails_after_a_seed_changes_and_names_the_files(tmp_path):
    tree = make_tree(tmp_path)
    cli(tree, "build")
    seed = tree / "seeds" / SEED_001
    seed.write_text(seed.read_text(encoding="utf-8").replace("في 5 يناير", "في 7 يناير"), encoding="utf-8")
    out = cli(tree, "check")
    assert out.returncode == 1
    assert "content/events/2026-01-05-chiefs-of-general-staff.yml" in out.stdout  # gone: now stale
    assert "stale" in out.stdout and "differs" in out.stdout


def test_bad_articles_are_all_reported_and_nothing_is_written(tmp_path):
    tree = make_tree(tmp_path)
    cli(tree, "build")
    before = snapshot(tree / "content")
    (tree / "seeds" / "002_bad_bytes.txt").write_bytes(b"date 2026-01-05 \xff\xfe")
    (tree / "seeds" / "003_bad_date.txt").write_text("date 2026-02-30 نص", encoding="utf-8")
    (tree / "seeds" / "004_empty.txt").write_text("", encoding="utf-8")
    (tree / "seeds" / SEED_001).write_text((tree / "seeds" / SEED_001).read_text(encoding="utf-8").replace("5 يناير", "9 يناير"), encoding="utf-8")
    out = cli(tree, "build")
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert any(line.startswith("error: seeds/002_bad_bytes.txt:1: not valid UTF-8") for line in lines)
    assert any(line.startswith("error: seeds/003_bad_date.txt:1: malformed dateline") for line in lines)
    assert any(line.startswith("error: seeds/004_empty.txt: empty article") for line in lines)
    assert lines[-1] == "error: 3 problem(s); nothing written to content/"
    assert snapshot(tree / "content") == before  # the good change was not half-applied either


def test_removed_article_removes_its_records(tmp_path):
    tree = make_tree(tmp_path)
    cli(tree, "build")
    (tree / "seeds" / SEED_001).unlink()
    out = cli(tree, "build")
    assert out.returncode == 0
    # Seed 000 alone has no dateline: its meeting cannot be dated, so it is reported.
    assert "notice: seeds/000_f9219e1323404476.txt:sentence 1:" in out.stderr
    assert "has no year and the article no dateline" in out.stderr
    assert not list((tree / "content" / "events").glob("*.yml"))


def test_editor_correction_survives_builds_and_is_recorded(tmp_path):
    tree = make_tree(tmp_path)
    cli(tree, "build")
    fixes = tree / "content" / "corrections"
    fixes.mkdir()
    (fixes / f"{KYIV}.yml").write_text(
        "- field: host\n  value: {id: ukraine, ar: أوكرانيا, en: Ukraine}\n  reason: Kyiv hosts the meeting.\n"
        "- field: title.en\n  value: National security advisers meet in Kyiv\n  reason: Headline style.\n",
        encoding="utf-8",
    )
    assert cli(tree, "check").returncode == 1  # the record does not have it yet
    assert cli(tree, "build").returncode == 0
    record = (tree / "content" / "events" / f"{KYIV}.yml").read_text(encoding="utf-8")
    assert "host:\n  id: ukraine" in record
    assert "  en: National security advisers meet in Kyiv\n" in record
    assert "corrections:\n- field: host\n  generated: null\n" in record
    again = cli(tree, "build")
    assert " 0 written" in again.stdout and (fixes / f"{KYIV}.yml").exists()


def test_correction_that_no_longer_applies_is_reported(tmp_path):
    tree = make_tree(tmp_path)
    fixes = tree / "content" / "corrections"
    fixes.mkdir(parents=True)
    (fixes / "2025-12-01-leaders-paris.yml").write_text("- field: status\n  value: held\n  reason: It happened.\n", encoding="utf-8")
    (fixes / f"{KYIV}.yml").write_text("- field: place.city.nickname\n  value: x\n  reason: test\n", encoding="utf-8")
    out = cli(tree, "build")
    assert out.returncode == 0
    assert "2025-12-01-leaders-paris.yml:0: no meeting '2025-12-01-leaders-paris' any more; this correction no longer applies" in out.stderr
    assert f"{KYIV}.yml:0: the record has no field 'place.city.nickname'" in out.stderr


@pytest.mark.parametrize(
    "correction, message",
    [
        ("- field: status\n  value: finished\n  reason: wrong value\n", "value for status: 'finished' is not one of"),
        # a oneOf error is reported at the parent object; it still names the correction
        ("- field: place.city.en\n  value: ''\n  reason: blank on purpose\n", "value for place.city.en:"),
    ],
)
def test_bad_correction_is_an_error_and_nothing_is_written(tmp_path, correction, message):
    tree = make_tree(tmp_path)
    correct(tree, KYIV, correction)
    out = cli(tree, "build")
    assert out.returncode == 2
    assert f"content/corrections/{KYIV}.yml:0: {message}" in out.stderr
    assert not (tree / "content" / "events").exists()


def test_corrected_place_retitles_the_meeting_and_unknown_ids_are_refused(tmp_path):
    tree = make_tree(tmp_path)
    france = "2026-01-06-leaders-france"
    fixes = correct(tree, france, "- field: place.city\n  value: {id: paris, ar: باريس, en: Paris}\n  reason: The Élysée hosts it.\n")
    assert cli(tree, "build").returncode == 0
    record = (tree / "content" / "events" / f"{france}.yml").read_text(encoding="utf-8")
    assert "  ar: اجتماع قادة تحالف الراغبين في باريس\n  en: Coalition of the Willing leaders' meeting in Paris\n" in record
    (fixes / f"{france}.yml").write_text("- field: kind\n  value: astronauts\n  reason: typo test\n", encoding="utf-8")
    out = cli(tree, "build")
    assert out.returncode == 2
    assert f"content/corrections/{france}.yml:0: value for kind: 'astronauts' is not in generator/lexicon/kinds.yml" in out.stderr


def test_committed_content_is_what_the_generator_makes():
    """The repository's own content/ passes `check` (CI runs this on a clean clone)."""
    from support import ROOT

    out = cli(ROOT, "check")
    assert out.returncode == 0, out.stdout + out.stderr


def test_correction_of_a_statements_english_wins_over_the_catalog(tmp_path):
    tree = make_tree(tmp_path)
    from support import ROOT

    (tree / "content" / "translations").mkdir(parents=True)
    (tree / "content" / "translations" / "en.po").write_bytes((ROOT / "content" / "translations" / "en.po").read_bytes())
    correct(tree, KYIV, "- field: statements.2.text.en\n  value: A meeting of national security advisers will be held in Ukraine on January 3.\n  reason: Shorter quote for the page.\n")
    assert cli(tree, "build").returncode == 0
    record = (tree / "content" / "events" / f"{KYIV}.yml").read_text(encoding="utf-8")
    assert "    en: A meeting of national security advisers will be held in Ukraine on January 3.\n" in record
    assert "- field: statements.2.text.en\n  generated: " in record  # the catalog's English is kept as the generated value


def test_bad_mkdocs_yml_and_lexicon_country_are_one_line_errors(tmp_path):
    tree = make_tree(tmp_path)
    (tree / "mkdocs.yml").write_text("site_url: [unclosed\n", encoding="utf-8")
    out = cli(tree, "build")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "mkdocs.yml:2: not valid YAML" in out.stderr or "mkdocs.yml:1: not valid YAML" in out.stderr


def test_site_url_from_the_environment(tmp_path, monkeypatch):
    from generator import siteconfig

    (tmp_path / "mkdocs.yml").write_text("site_url: !ENV [BRIEFING_URL, 'https://fallback.example/']\n", encoding="utf-8")
    assert siteconfig.load(tmp_path).url == "https://fallback.example/"
    monkeypatch.setenv("BRIEFING_URL", "https://news.example/briefing")
    assert siteconfig.load(tmp_path).url == "https://news.example/briefing/"


def test_a_build_leaves_nothing_for_the_skipped_teardown(tmp_path):
    """``python -m generator`` ends with ``os._exit`` (no teardown): that is only right
    while a command leaves no exit handler, no other thread and no unflushed output."""
    import subprocess
    import sys

    from support import ROOT

    tree = make_tree(tmp_path, {"zz_undated.txt": "date 2026-03-01\nأعلنت الخارجية أنه من المقرر عقد اجتماع وزاري لبحث التعاون.\n"})
    probe = (
        "import atexit, sys, threading\n"
        "from generator.cli import main\n"
        "code = main(['build'])\n"
        "print('after', code, atexit._ncallbacks(), threading.active_count(), file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=tree, capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert out.stderr.splitlines()[-1] == "after 0 0 1", out.stderr
    # and through the module itself, into pipes: every line is there, in order
    real = cli(make_tree(tmp_path / "again", {"zz_undated.txt": "date 2026-03-01\nأعلنت الخارجية أنه من المقرر عقد اجتماع وزاري لبحث التعاون.\n"}), "build")
    assert real.returncode == 0
    assert real.stderr.splitlines()[-1] == "notice: seeds/zz_undated.txt:sentence 1: a meeting (ministers) with no date; not recorded", real.stderr
    assert real.stdout.splitlines()[-2].startswith("3 records from 3 articles;")
    assert real.stdout.splitlines()[-1].startswith("translations (en): ")


def test_a_build_asked_to_keep_what_it_made_leaves_it_to_the_end_of_the_process(tmp_path, monkeypatch):
    """``python -m generator`` ends right after the build: the build leaves what it made
    (plan, articles, records, cache) in ``keep`` instead of freeing it object by object,
    and sets it aside from the garbage collector, whose first pass would walk it all.
    A build asked to keep nothing (``mkdocs serve``'s) freezes nothing."""
    import gc

    from generator import build

    monkeypatch.setenv("BRIEFING_CACHE", "on")
    tree = make_tree(tmp_path / "kept")
    frozen = gc.get_freeze_count()
    plain = build.run(tree, tree / "seeds", tree / "content")
    assert gc.get_freeze_count() == frozen and gc.isenabled()
    (tree / "seeds" / "zz_more.txt").write_text("date 2026-03-01\nأعلنت الخارجية أنه من المقرر عقد اجتماع وزاري لبحث التعاون.\n", encoding="utf-8")
    kept: list = []
    from re import _compiler

    compiler = _compiler.compile
    try:
        done = build.run(tree, tree / "seeds", tree / "content", keep=kept)
        assert gc.get_freeze_count() > frozen and gc.isenabled()
    finally:
        gc.unfreeze()
    # such a build compiles through its table of programs (tests/test_regexcache.py)
    # and of dataclass methods (tests/test_codecache.py) while it runs, and gives re
    # its compiler and dataclasses the builtin exec back when it ends
    import dataclasses

    assert _compiler.compile is compiler and "exec" not in vars(dataclasses)
    assert done.articles == plain.articles + 1 and not done.skipped
    result = next(k for k in kept if hasattr(k, "plan"))
    assert len(result.articles) == done.articles and result.plan.files
