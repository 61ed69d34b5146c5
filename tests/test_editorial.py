"""Editorial actions over fixture trees: add, dismiss, merge, split, and each way they go stale.

The tree is four articles written for these tests (tests/fixtures/editorial/seeds):

- 100: defence ministers in Brussels on 5 March; a past summit recalled in passing
  (sentence 2, extracted as a held leaders' meeting on 10 January); a working session of
  energy experts in Doha on 9 March (sentence 3) that the extractor does not see.
- 101: foreign ministers in Brussels on 5 March (the same meeting, another outlet).
- 102, 103: national security advisers in Geneva on 15 March, two different sessions
  the extractor merges into one.

and one action of each kind (tests/fixtures/editorial/actions).
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator import editorial, pipeline, yamlio
from generator.errors import GeneratorError
from support import FIXTURES, ROOT, cli, snapshot

HERE = FIXTURES / "editorial"
GOLDEN = Path(__file__).resolve().parent / "golden" / "editorial"
ADD = "add/2026-03-09-doha-energy.yml"
DISMISS = "dismiss/2026-01-10-leaders.yml"
MERGE = "merge/2026-03-05-brussels.yml"
SPLIT = "split/2026-03-15-geneva.yml"
ALL = (ADD, DISMISS, MERGE, SPLIT)
SUMMIT = "2026-01-10-leaders"
DEFENCE = "2026-03-05-defence-ministers-brussels"
FOREIGN = "2026-03-05-foreign-ministers-brussels"
GENEVA = "2026-03-15-national-security-advisers-geneva"
GENEVA_B = "2026-03-15-national-security-advisers-geneva-reconstruction"
DOHA = "2026-03-09-energy-ministers-doha"


def tree(tmp: Path, actions=ALL, extra: dict[str, str] | None = None) -> Path:
    """A project tree: the four fixture articles, the named actions, and ``extra`` files (path -> text)."""
    shutil.copytree(HERE / "seeds", tmp / "seeds")
    for rel in actions:
        dest = tmp / "content" / "editorial" / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(HERE / "actions" / rel, dest)
    for rel, text in (extra or {}).items():
        (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp / rel).write_text(text, encoding="utf-8")
    return tmp


def run(t: Path) -> pipeline.Result:
    return pipeline.run(t / "seeds", t / "content", ROOT)


def by_id(result) -> dict:
    return {r["id"]: r for r in result.records}


def notices(result) -> list[str]:
    return [str(n) for n in result.notices]


def edit_seed(t: Path, name: str, old: str, new: str) -> None:
    path = t / "seeds" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


# ------------------------------------------------------------------ each action applies


def test_without_actions_the_extractor_gives_four_records(tmp_path):
    assert set(by_id(run(tree(tmp_path, ())))) == {SUMMIT, DEFENCE, FOREIGN, GENEVA}


def test_every_action_applies(tmp_path):
    result = run(tree(tmp_path))
    records = by_id(result)
    assert set(records) == {DOHA, DEFENCE, GENEVA, GENEVA_B}
    assert notices(result) == []
    assert [(a.action, a.before, a.after) for a in result.applied] == [
        ("dismiss", (SUMMIT,), ()),
        ("merge", (DEFENCE, FOREIGN), (DEFENCE,)),
        ("split", (GENEVA,), (GENEVA, GENEVA_B)),
        ("add", (), (DOHA,)),
    ]


def test_added_meeting_is_the_hand_written_golden_record(tmp_path):
    t = tree(tmp_path, (ADD,))
    assert cli(t, "build").returncode == 0
    written = (t / "content" / "events" / f"{DOHA}.yml").read_text(encoding="utf-8")
    assert written == (GOLDEN / f"{DOHA}.yml").read_text(encoding="utf-8")


def test_merge_keeps_sources_evidence_and_says_where_the_records_disagreed(tmp_path):
    records = by_id(run(tree(tmp_path, (MERGE,))))
    merged = records[DEFENCE]
    assert FOREIGN not in records
    assert [s["seed"] for s in merged["sources"]] == ["100_brussels_defence.txt", "101_brussels_foreign.txt"]
    assert {e["seed"] for e in merged["evidence"]["kind"]} == {"100_brussels_defence.txt", "101_brussels_foreign.txt"}
    assert merged["kind"] == "defence-ministers"  # the first meeting listed is kept
    assert merged["conflicts"] == [{
        "field": "kind",
        "readings": [
            {"value": "defence-ministers", "sources": ["100_brussels_defence.txt"]},
            {"value": "foreign-ministers", "sources": ["101_brussels_foreign.txt"]},
        ],
        "shown": "defence-ministers",
        "why": "an editor merged these meetings; the first one's value is shown",
    }]
    assert merged["editorial"] == [{"action": "merge", "file": "editorial/" + MERGE, "reason": "One joint meeting of defence and foreign ministers, reported twice.", "meetings": [DEFENCE, FOREIGN]}]


def test_split_parts_are_merged_again_from_their_own_sources(tmp_path):
    records = by_id(run(tree(tmp_path, (SPLIT,))))
    a, b = records[GENEVA], records[GENEVA_B]
    assert [s["seed"] for s in a["sources"]] == ["102_geneva_a.txt"]
    assert [s["seed"] for s in b["sources"]] == ["103_geneva_b.txt"]
    # Each part's fields come from its own article only: the topics differ.
    assert a["topics"] != b["topics"]
    assert {e["seed"] for items in a["evidence"].values() for e in items} == {"102_geneva_a.txt"}
    assert a["editorial"][0]["meetings"] == [GENEVA] == b["editorial"][0]["meetings"]


def test_a_correction_applies_to_an_added_meeting_by_its_id(tmp_path):
    fix = "- field: attendance\n  value: in_person\n  reason: The session is held behind closed doors in Doha.\n"
    records = by_id(run(tree(tmp_path, (ADD,), {f"content/corrections/{DOHA}.yml": fix})))
    assert records[DOHA]["attendance"] == "in_person"
    assert records[DOHA]["corrections"][0]["generated"] is None


def test_dismissal_follows_a_renamed_id(tmp_path):
    # A new article names Rome as the summit's city: the record is now 2026-01-10-leaders-rome,
    # still extracted from sentence 2 of 100, so the dismissal still applies.
    rome = "date 2026-03-05\nعُقدت القمة في روما يوم 10 يناير الماضي.\n"
    result = run(tree(tmp_path, (DISMISS,), {"seeds/104_rome.txt": rome}))
    assert not any(r["id"].startswith("2026-01-10") for r in result.records)
    assert [(a.action, a.before) for a in result.applied] == [("dismiss", ("2026-01-10-leaders-rome",))]


# ------------------------------------------------------------------ stale actions


def test_added_meeting_whose_sentence_is_gone_is_reported_and_not_added(tmp_path):
    t = tree(tmp_path, (ADD,))
    path = t / "seeds" / "100_brussels_defence.txt"  # the last paragraph (sentence 3) is cut
    path.write_text(path.read_text(encoding="utf-8").split("وأشار دبلوماسي")[0].rstrip() + "\n", encoding="utf-8")
    result = run(t)
    assert DOHA not in by_id(result)
    assert notices(result) == [
        f"{t}/content/editorial/{ADD}:evidence: 100_brussels_defence.txt:3 is no longer in the seeds (the seed changed); this addition no longer applies"
    ]


def test_addition_the_extractor_now_finds_is_reported(tmp_path):
    t = tree(tmp_path, (ADD,))
    # The article now says "وزراء الطاقة", which the extractor knows.
    edit_seed(t, "100_brussels_defence.txt", "خبراء الطاقة من الجانبين سيعقدون جلسة عمل مغلقة", "وزراء الطاقة سيعقدون اجتماعًا مغلقًا")
    result = run(t)
    assert DOHA in by_id(result) and "editorial" not in by_id(result)[DOHA]
    assert notices(result) == [f"{t}/content/editorial/{ADD}: the extractor now finds this meeting as {DOHA!r}; this addition no longer applies"]


def test_dismissal_whose_sentence_changed_is_reported_and_the_record_is_not_hidden(tmp_path):
    t = tree(tmp_path, (DISMISS,))
    # The article is corrected: the summit was on the 12th. A new id, and the sentence no
    # longer holds the editor's quote: the dismissal cannot be sure, so it stops applying.
    edit_seed(t, "100_brussels_defence.txt", "يوم 10 يناير", "يوم 12 يناير")
    result = run(t)
    assert "2026-01-12-leaders" in by_id(result)
    assert notices(result) == [
        f"{t}/content/editorial/{DISMISS}:meeting: no meeting {SUMMIT!r} any more: 100_brussels_defence.txt:2 ('القمة التي عقدها القادة يوم 10 يناير') "
        "is no longer in the seeds (the seed changed); this dismissal no longer applies"
    ]


def test_dismissal_by_an_id_now_extracted_from_another_sentence_is_reported(tmp_path):
    # The article is rewritten: sentence 2 no longer names the summit, and a new sentence
    # names another leaders' meeting on 10 January: same id, another meeting.
    t = tree(tmp_path, (DISMISS,))
    edit_seed(t, "100_brussels_defence.txt", "وكانت القمة التي عقدها القادة يوم 10 يناير قد تناولت الملف نفسه.", "وتناول الوزراء الملف نفسه من قبل. وعقدت القمة يوم 10 يناير.")
    result = run(t)
    assert SUMMIT in by_id(result)
    assert notices(result) == [
        f"{t}/content/editorial/{DISMISS}:meeting: {SUMMIT!r} cannot be checked: 100_brussels_defence.txt:2 ('القمة التي عقدها القادة يوم 10 يناير') "
        "is no longer in the seeds (the seed changed); this dismissal no longer applies"
    ]


def test_quoted_sentence_is_found_after_the_seed_is_renumbered(tmp_path):
    # A new first paragraph makes the summit's sentence number 3, and a new article names
    # its city, so its id is now 2026-01-10-leaders-rome: neither the id nor the number
    # finds it; the quote does.
    rome = "date 2026-03-05\nعُقدت القمة في روما يوم 10 يناير الماضي.\n"
    t = tree(tmp_path, (DISMISS,), {"seeds/104_rome.txt": rome})
    edit_seed(t, "100_brussels_defence.txt", "date 2026-03-01\n", "date 2026-03-01\nوصل الوزراء إلى المدينة مساء أمس.\n\n")
    result = run(t)
    assert not any(r["id"].startswith("2026-01-10") for r in result.records)
    assert [(a.action, a.before) for a in result.applied] == [("dismiss", ("2026-01-10-leaders-rome",))]


def test_merge_naming_a_record_that_is_gone_is_reported(tmp_path):
    t = tree(tmp_path, (MERGE,))
    (t / "seeds" / "101_brussels_foreign.txt").unlink()
    result = run(t)
    assert set(by_id(result)) == {SUMMIT, DEFENCE, GENEVA}
    assert notices(result) == [f"{t}/content/editorial/{MERGE}:meetings/1: no meeting {FOREIGN!r} any more; this merge no longer applies"]


def test_split_whose_record_gained_a_source_is_reported(tmp_path):
    third = "date 2026-03-05\nيجتمع مستشارو الأمن القومي في جنيف يوم 15 مارس.\n"
    result = run(tree(tmp_path, (SPLIT,), {"seeds/104_geneva_c.txt": third}))
    assert GENEVA in by_id(result) and GENEVA_B not in by_id(result)
    assert notices(result) == [
        f"{tmp_path}/content/editorial/{SPLIT}:into: {GENEVA!r} now also has 104_geneva_c.txt, which no part names; this split no longer applies"
    ]


# ------------------------------------------------------------------ bad actions


def build_fails(t: Path) -> list[str]:
    """Build with the command line: it must fail, write nothing and leave the editorial files alone."""
    before = snapshot(t / "content")
    out = cli(t, "build")
    assert out.returncode == 2, out.stdout + out.stderr
    assert "Traceback" not in out.stderr
    assert snapshot(t / "content") == before
    return out.stderr.strip().splitlines()


def test_two_actions_on_one_meeting_are_both_reported_and_nothing_is_written(tmp_path):
    clash = "reason: Not a meeting at all.\nmeeting: {id: %s, from: {seed: 101_brussels_foreign.txt, sentence: 1, quote: وزراء الخارجية}}\n" % FOREIGN
    t = tree(tmp_path, (MERGE,), {"content/editorial/dismiss/foreign.yml": clash})
    lines = build_fails(t)
    assert lines == [
        f"error: content/editorial/dismiss/foreign.yml:meeting: meeting {FOREIGN!r} is also taken by content/editorial/merge/{MERGE[6:]}; two actions cannot both apply to one meeting",
        f"error: content/editorial/{MERGE}:meetings/1: meeting {FOREIGN!r} is also taken by content/editorial/dismiss/foreign.yml; two actions cannot both apply to one meeting",
        "error: 2 problem(s); nothing written to content/",
    ]


def test_two_additions_giving_one_id_are_an_error(tmp_path):
    text = (HERE / "actions" / ADD).read_text(encoding="utf-8")
    t = tree(tmp_path, (ADD,), {"content/editorial/add/again.yml": text.replace("it was missed", "missed again")})
    lines = build_fails(t)
    assert lines == [
        f"error: content/editorial/{ADD}:meeting: gives the id {DOHA!r}, which content/editorial/add/again.yml gives too",
        f"error: content/editorial/add/again.yml:meeting: gives the id {DOHA!r}, which content/editorial/{ADD} already has",
        "error: 2 problem(s); nothing written to content/",
    ]


@pytest.mark.parametrize(
    "rel, text, message",
    [
        ("dismiss/x.yml", "meeting: {id: %s, from: {seed: 100_brussels_defence.txt, sentence: 2, quote: القمة}}\n" % SUMMIT, "x.yml:reason: missing"),
        ("dismiss/x.yml", "reason: Background only.\nmeeting: {id: %s, from: 100_brussels_defence.txt:2}\n" % SUMMIT, "x.yml:meeting/from: give the quote too"),
        ("dismiss/x.yml", "reason: Background only.\nmeeting: %s\n" % SUMMIT, "x.yml:meeting: a meeting is named as {id: <meeting id>, from: {seed: <seed>.txt, sentence: <n>, quote: <words of it>}}"),
        ("merge/x.yml", "reason: Same meeting.\nmeetings: [%s]\n" % DEFENCE, "x.yml:meetings: list two or more meetings"),
        ("split/x.yml", "reason: Two.\nmeeting: %s\ninto:\n- sources: [102_geneva_a.txt]\n- sources: [102_geneva_a.txt]\n" % GENEVA,
         "x.yml:into/1/sources: 102_geneva_a.txt is already in part 0; a source belongs to one part"),
        ("add/x.yml", "reason: Missed.\nmeeting: {kind: energy-ministers, date: 2026-03-09, status: scheduled}\nevidence: {kind: [100_brussels_defence.txt:3], date: [100_brussels_defence.txt:3]}\n",
         "x.yml:evidence/status: missing: cite the sentence(s) this field rests on"),
        ("add/x.yml", "reason: Missed.\nmeeting: {kind: astronauts, date: 2026-03-09, status: scheduled}\nevidence: {kind: [100_brussels_defence.txt:3], date: [100_brussels_defence.txt:3], status: [100_brussels_defence.txt:3]}\n",
         "x.yml:meeting/kind: the added meeting is not valid at kind: 'astronauts' is not in generator/lexicon/kinds.yml"),
        ("add/x.yml", "reason: Missed.\nmeeting: {kind: energy-ministers, date: 2026-03-09, status: soon}\nevidence: {kind: [100_brussels_defence.txt:3], date: [100_brussels_defence.txt:3], status: [100_brussels_defence.txt:3]}\n",
         "x.yml:meeting/status: the added meeting is not valid at status: 'soon' is not one of"),
        ("add/x.yml", "reason: Missed.\nmeeting: {kind: energy-ministers, date: 9 March, status: scheduled}\nevidence: {kind: [100_brussels_defence.txt:3], date: [100_brussels_defence.txt:3], status: [100_brussels_defence.txt:3]}\n",
         "x.yml:meeting/date: '9 March': a date is YYYY-MM-DD"),
        ("add/x.yml", "reason: Missed.\nmeeting: {kind: energy-ministers, date: 2026-03-09, status: scheduled}\nevidence: {kind: [100_brussels_defence.txt#3], date: [100_brussels_defence.txt:3], status: [100_brussels_defence.txt:3]}\n",
         "x.yml:evidence/kind/0: a sentence is cited as <seed>.txt:<number>"),
        ("rename/x.yml", "reason: x\n", "content/editorial/rename: not an editorial action folder; expected one of add, dismiss, merge, split"),
        ("add/x.yaml", "reason: x\n", "content/editorial/add/x.yaml: an editorial action is a .yml file"),
        ("merge/x.yml", "reason: [unclosed\n", "x.yml:2: not valid YAML"),
    ],
)
def test_a_bad_action_is_one_line_and_nothing_is_written(tmp_path, rel, text, message):
    t = tree(tmp_path, (), {f"content/editorial/{rel}": text})
    lines = build_fails(t)
    assert len(lines) == 2, lines
    assert message in lines[0]
    assert lines[0].startswith("error: content/editorial/")
    assert not (t / "content" / "events").exists()


def test_every_bad_action_in_a_run_is_reported(tmp_path):
    bad = {
        "content/editorial/dismiss/a.yml": "reason: ''\nmeeting: {id: %s, from: {seed: 100_brussels_defence.txt, sentence: 2, quote: القمة}}\n" % SUMMIT,
        "content/editorial/merge/b.yml": "meetings: [%s, %s]\n" % (DEFENCE, FOREIGN),
        "content/editorial/split/c.yml": "reason: Two.\nmeeting: %s\ninto: []\n" % GENEVA,
    }
    out = cli(tree(tmp_path, (), bad), "build")
    assert out.returncode == 2
    assert out.stderr.splitlines() == [
        "error: content/editorial/dismiss/a.yml:reason: reason must say why, in a sentence",
        "error: content/editorial/merge/b.yml:reason: missing",
        "error: content/editorial/split/c.yml:into: list two or more parts, each with its sources",
        "error: 3 problem(s); nothing written to content/",
    ]


def test_builds_never_touch_the_editorial_files(tmp_path):
    t = tree(tmp_path)
    before = snapshot(t / "content" / "editorial")
    for _ in range(2):
        assert cli(t, "build").returncode == 0
    assert snapshot(t / "content" / "editorial") == before
    assert cli(t, "check").returncode == 0


# ------------------------------------------------------------------ review


def git(repo: Path, *args: str) -> None:
    env = {
        "PATH": "/usr/bin:/bin", "HOME": str(repo), "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org",
    }
    proc = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_review_reports_each_action_and_each_that_no_longer_applies(tmp_path):
    t = tree(tmp_path, ())
    assert cli(t, "build").returncode == 0
    git(t, "init", "-q", "-b", "main")
    git(t, "add", "-A")
    git(t, "commit", "-qm", "base")
    tree(tmp_path / "actions", ALL)  # a scratch copy to take the action files from
    shutil.copytree(tmp_path / "actions" / "content" / "editorial", t / "content" / "editorial")
    gone = "reason: Not a meeting.\nmeeting: {id: 2025-12-01-leaders-paris, from: {seed: 100_brussels_defence.txt, sentence: 9, quote: المؤتمر}}\n"
    (t / "content" / "editorial" / "dismiss" / "old.yml").write_text(gone, encoding="utf-8")
    out = cli(t, "review", "--base", "main")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    section = lines[lines.index("### Editorial actions") + 2 :]
    assert section[:4] == [
        f"- dismiss: content/editorial/{DISMISS} dismisses `{SUMMIT}`; reason: A past summit the article recalls, not a meeting it reports.",
        f"- merge: content/editorial/{MERGE} merges `{DEFENCE}`, `{FOREIGN}` into `{DEFENCE}`; reason: One joint meeting of defence and foreign ministers, reported twice.",
        f"- split: content/editorial/{SPLIT} splits `{GENEVA}` into `{GENEVA}`, `{GENEVA_B}`; reason: Two sessions on different subjects, held one after the other.",
        f"- add: content/editorial/{ADD} adds `{DOHA}`; reason: The article announces a working session of energy experts in Doha; it was missed.",
    ]
    stale = lines[lines.index("### Editorial actions that no longer apply") + 2]
    assert stale == (
        "- content/editorial/dismiss/old.yml:meeting: no meeting '2025-12-01-leaders-paris' any more: 100_brussels_defence.txt:9 ('المؤتمر') "
        "is no longer in the seeds (the seed changed); this dismissal no longer applies"
    )
    assert "### Corrections that no longer apply" not in lines


def test_the_record_says_which_action_made_it_in_the_open_data(tmp_path):
    t = tree(tmp_path)
    assert cli(t, "build").returncode == 0
    data = {r["id"]: r for r in json.loads((t / "content" / "pages" / "data" / "events.json").read_text(encoding="utf-8"))}
    assert data[DOHA]["editorial"][0]["fields"] == ["kind", "date", "place", "status"]
    assert yamlio.load((t / "content" / "events" / f"{GENEVA_B}.yml").read_text(encoding="utf-8"))["editorial"][0]["action"] == "split"


def test_load_is_pure_and_needs_no_folder(tmp_path):
    assert editorial.load(tmp_path / "nothing") == ([], [])
    with pytest.raises(GeneratorError):
        run(tree(tmp_path, (), {"content/editorial/dismiss/bad.yml": "- a list\n"}))


def test_split_part_that_cannot_stand_alone_is_an_error(tmp_path):
    t = tree(tmp_path, ())
    # Without its dateline, 102 is dated only through 103: alone it gives no meeting.
    edit_seed(t, "102_geneva_a.txt", "date 2026-03-03\n", "")
    assert [s["seed"] for s in by_id(run(t))[GENEVA]["sources"]] == ["102_geneva_a.txt", "103_geneva_b.txt"]
    (t / "content" / "editorial" / "split").mkdir(parents=True)
    shutil.copy(HERE / "actions" / SPLIT, t / "content" / "editorial" / SPLIT)
    lines = build_fails(t)
    assert lines == [
        f"error: content/editorial/{SPLIT}:into/0: its sources alone give 0 meetings, not one (a source without a dateline cannot date a meeting alone)",
        "error: 1 problem(s); nothing written to content/",
    ]


def test_an_editors_reason_reaches_the_page_only_escaped(tmp_path):
    hostile = "<script>alert(1)</script> *bold* [link](https://example.invalid/) {{ config.site_name }} {% raw %}"
    text = (HERE / "actions" / ADD).read_text(encoding="utf-8").replace(
        "reason: The article announces a working session of energy experts in Doha; it was missed.", f"reason: '{hostile}'"
    )
    t = tree(tmp_path, (), {f"content/editorial/{ADD}": text})
    assert cli(t, "build").returncode == 0
    for name in (f"{DOHA}.md", f"{DOHA}.en.md"):
        page = (t / "content" / "pages" / "meetings" / name).read_text(encoding="utf-8")
        said = page.split('<h2 id="editorial">')[1].split('<h2 id="corrections">')[0]
        # HTML-escaped inside the raw HTML block, where Markdown and templates do not run
        # (the built site shows it literally, as tests/test_site_build.py checks for articles).
        assert f"<dd>{html.escape(hostile, quote=False)}</dd>" in said.replace('<span lang="en" dir="ltr">', "").replace("</span></dd>", "</dd>")
        assert "<script>" not in said


def test_the_readme_examples_are_actions_that_apply(tmp_path):
    """The README's editor section shows one example per action; over the fixture articles
    they are exactly the actions these tests use, and each applies."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Add, dismiss, merge or split meetings", 1)[1].split("\n## ", 1)[0]
    blocks, current = [], []
    for line in section.splitlines() + [""]:
        if line.startswith("    "):
            current.append(line[4:])
        elif current and line.strip() == "":
            blocks.append("\n".join(current) + "\n")
            current = []
    assert len(blocks) == 4
    t = tree(tmp_path, (), {f"content/editorial/{action}/example.yml": text for action, text in zip(("add", "dismiss", "merge", "split"), blocks)})
    result = run(t)
    assert notices(result) == []
    assert [(a.action, a.before, a.after) for a in result.applied] == [
        ("dismiss", (SUMMIT,), ()),
        ("merge", (DEFENCE, FOREIGN), (DEFENCE,)),
        ("split", (GENEVA,), (GENEVA, GENEVA_B)),
        ("add", (), (DOHA,)),
    ]
    assert [p["id"] for p in by_id(result)[DOHA]["participants"]] == ["nato"]


def test_links_and_pipes_among_editorial_actions_are_refused_all_together(tmp_path):
    import os

    from generator import editorial

    folder = tmp_path / "editorial"
    (folder / "dismiss").mkdir(parents=True)
    secret = tmp_path / "secret.yml"
    secret.write_text("reason: x\n", encoding="utf-8")
    (folder / "dismiss" / "a.yml").symlink_to(secret)
    os.mkfifo(folder / "dismiss" / "b.yml")
    (folder / "add").symlink_to(tmp_path, target_is_directory=True)
    actions, problems = editorial.load(folder, "content/editorial")
    assert actions == []
    assert sorted((p.file, p.reason.split(",")[0]) for p in problems) == [
        ("content/editorial/add", "is a symbolic link"),
        ("content/editorial/dismiss/a.yml", "is a symbolic link"),
        ("content/editorial/dismiss/b.yml", "is a named pipe (FIFO)"),
    ]
