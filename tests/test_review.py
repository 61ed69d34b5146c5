"""`python -m generator review`: the pull-request report, over real temporary git repositories.

Each scenario is what an editor does in a pull request (add an article, correct a
field, translate a text, remove an article); the report must say it in plain words,
`check` must fail until `build` has been run, and pass once its output is there.
The pure report function is tested on hand-made records too.
"""

from __future__ import annotations

import copy
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from generator import review, yamlio
from generator.errors import Problem
from support import ROOT, cli, make_tree

GENEVA_SEED = "002_4e8f1a2b3c4d5e6f.txt"
# Written for this test: the Swiss foreign ministry announces a foreign ministers' meeting in Geneva.
GENEVA = """date 2026-02-02 أعلنت وزارة الخارجية السويسرية أن اجتماعًا لوزراء الخارجية سيعقد في جنيف يوم 12 فبراير لبحث ترتيبات وقف إطلاق النار وتبادل الأسرى.

وأوضح بيان الوزارة أن الاجتماع سيعقد بحضور وزراء خارجية عدد من الدول الأوروبية وممثلين عن الأمم المتحدة.

ويأتي الاجتماع بعد سلسلة من المشاورات التمهيدية التي جرت على مستوى الخبراء خلال الأسابيع الماضية.
"""
HELD_SEED = "003_9c1d2e3f4a5b6c7d.txt"
# Written for this test: a later report that the Geneva meeting took place.
HELD = """date 2026-02-12 اجتمع وزراء الخارجية اليوم في جنيف، وبحثوا ترتيبات وقف إطلاق النار وتبادل الأسرى.

وقال المتحدث باسم الوزارة إن المشاركين اتفقوا على مواصلة المشاورات.
"""
KYIV = "2026-01-03-national-security-advisers-kyiv"
FRANCE = "2026-01-06-leaders-france"
STAFF = "2026-01-05-chiefs-of-general-staff"
GENEVA_ID = "2026-02-12-foreign-ministers-geneva"
SEED_000 = "000_f9219e1323404476.txt"
SEED_001 = "001_ae68e33f9df36568.txt"


# ------------------------------------------------------------------ helpers


def git(repo: Path, *args: str) -> str:
    env = {
        "PATH": "/usr/bin:/bin", "HOME": str(repo), "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org",
        "GIT_AUTHOR_DATE": "2026-02-01T00:00:00Z", "GIT_COMMITTER_DATE": "2026-02-01T00:00:00Z",
    }
    proc = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def report(repo: Path, *args: str) -> list[str]:
    proc = cli(repo, "review", *args)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.endswith("\n")
    return proc.stdout.splitlines()


def build_then_check(repo: Path) -> None:
    """check fails (1) on the edited tree, build fixes it, check then passes (0)."""
    stale = cli(repo, "check")
    assert stale.returncode == 1, stale.stdout + stale.stderr
    assert "is not what `python -m generator build` would write" in stale.stdout
    built = cli(repo, "build")
    assert built.returncode == 0, built.stderr
    ok = cli(repo, "check")
    assert ok.returncode == 0, ok.stdout + ok.stderr


def changed_files(repo: Path) -> set[str]:
    git(repo, "add", "-A")
    return set(git(repo, "diff", "--cached", "--name-only").split())


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """The seeds, built and committed on main: what a pull request starts from."""
    repo = make_tree(tmp_path_factory.mktemp("template"))
    if (ROOT / "mkdocs.yml").is_file():
        shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    # as in the project: the build's cache and the tree it keeps beside content/ are not committed
    shutil.copy(ROOT / ".gitignore", repo / ".gitignore")
    built = cli(repo, "build")
    assert built.returncode == 0, built.stderr
    git(repo, "init", "-q", "-b", "main")
    commit_all(repo, "base")
    return repo


@pytest.fixture
def repo(template, tmp_path) -> Path:
    dest = tmp_path / "repo"
    shutil.copytree(template, dest, symlinks=True)
    return dest


# ------------------------------------------------------------------ scenarios


def test_nothing_changed(repo):
    lines = report(repo)
    assert lines[0] == f"## Content review against `HEAD ({git(repo, 'rev-parse', 'HEAD').strip()[:12]})`"
    assert "No change to the meetings (3 in all)." in lines
    assert "- content/ is what `python -m generator build` writes" in lines
    assert not any(line.startswith("### Added") or line.startswith("### Changed") for line in lines)


def test_add_an_article(repo):
    (repo / "seeds" / GENEVA_SEED).write_text(GENEVA, encoding="utf-8")
    lines = report(repo, "--base", "HEAD")
    assert "Meetings: 4 (was 3): 1 added, 0 removed, 0 changed, 3 unchanged." in lines
    added = lines.index("### Added")
    assert lines[added + 2] == (
        f"- `{GENEVA_ID}`: Foreign ministers' meeting in Geneva (اجتماع وزراء الخارجية في جنيف); "
        f"2026-02-12; Geneva, Switzerland; scheduled; sources: {GENEVA_SEED}"
    )
    assert "### Changed" not in lines and "### Removed" not in lines
    # The article's sentences are new text to translate.
    counts = next(re.fullmatch(r"- 0 of (\d+) entries translated \(was 0 of (\d+)\)", x) for x in lines if x.startswith("- 0 of "))
    now, before = int(counts[1]), int(counts[2])
    assert now > before
    assert f"- {now - before} entries added (new text to translate), 0 removed" in lines
    # Until build is run, the report says which generated files are missing.
    assert f"  - `content/events/{GENEVA_ID}.yml`" in lines

    build_then_check(repo)
    # No churn: of the records, only the new meeting's file is new; nothing else moves.
    assert {f for f in changed_files(repo) if f.startswith("content/events/")} == {f"content/events/{GENEVA_ID}.yml"}
    commit_all(repo, "Add the Geneva article")
    after = report(repo, "--base", "HEAD")
    assert "No change to the meetings (4 in all)." in after
    assert "- content/ is what `python -m generator build` writes" in after
    assert "Meetings: 4 (was 3): 1 added, 0 removed, 0 changed, 3 unchanged." in report(repo, "--base", "HEAD~1")

    # A later article says it took place: the status changes and the sources now disagree.
    (repo / "seeds" / HELD_SEED).write_text(HELD, encoding="utf-8")
    lines = report(repo, "--base", "HEAD")
    assert "Meetings: 4 (was 4): 0 added, 0 removed, 1 changed, 3 unchanged." in lines
    changed = lines.index(f"#### `{GENEVA_ID}`: Foreign ministers' meeting in Geneva")
    block = lines[changed + 2 : lines.index("", changed + 2)]
    assert block[0] == "- status: scheduled → held"
    assert f"- sources added: {HELD_SEED}" in block
    assert any(re.fullmatch(r"- evidence: \d+ sentence\(s\) added, 0 removed \(not itemised\)", line) for line in block)
    conflicts = lines.index("### New conflicts between sources")
    assert lines[conflicts + 2] == (
        f"- `{GENEVA_ID}` status: scheduled ({GENEVA_SEED}); held ({HELD_SEED}); shown: held, because the newest source wins"
    )
    build_then_check(repo)


def test_correct_a_field(repo):
    fixes = repo / "content" / "corrections"
    fixes.mkdir()
    (fixes / f"{FRANCE}.yml").write_text(
        "# Why: the leaders meet in the capital.\n"
        "- field: place.city\n"
        "  value: {id: paris, ar: باريس, en: Paris}\n"
        "  reason: The host's office named Paris as the venue.\n",
        encoding="utf-8",
    )
    lines = report(repo, "--base", "HEAD")
    assert "Meetings: 3 (was 3): 0 added, 0 removed, 1 changed, 2 unchanged." in lines
    heading = next(i for i, line in enumerate(lines) if line.startswith(f"#### `{FRANCE}`"))
    block = lines[heading + 2 : lines.index("", heading + 2)]
    assert block == [
        # The title is composed from the corrected place.
        "- title (en): Coalition of the Willing leaders' meeting in France → Coalition of the Willing leaders' meeting in Paris",
        "- title (ar): اجتماع قادة تحالف الراغبين في فرنسا → اجتماع قادة تحالف الراغبين في باريس",
        "- place: France → Paris, France",
        "- correction added: place.city set to Paris (generated: not stated); reason: The host's office named Paris as the venue.",
    ]
    build_then_check(repo)
    commit_all(repo, "Correct the venue")
    assert "No change to the meetings (3 in all)." in report(repo)


def test_correction_that_no_longer_applies(repo):
    fixes = repo / "content" / "corrections"
    fixes.mkdir()
    (fixes / "2026-03-01-leaders-rome.yml").write_text(
        "- field: status\n  value: held\n  reason: The summit took place.\n", encoding="utf-8"
    )
    lines = report(repo)
    assert "No change to the meetings (3 in all)." in lines
    stale = lines.index("### Corrections that no longer apply")
    assert lines[stale + 2] == (
        "- content/corrections/2026-03-01-leaders-rome.yml:0: no meeting '2026-03-01-leaders-rome' any more; this correction no longer applies"
    )


def _translate(po: Path, source_prefix: str, english: str) -> str:
    """Fill in one entry's msgstr as a translator's PO editor would; returns its msgid."""
    catalog = read_po(po.open("rb"))
    message = next(m for m in catalog if m.id and m.id.startswith(source_prefix))
    message.string = english
    with po.open("wb") as handle:
        write_po(handle, catalog, width=0)
    return message.id


def test_add_a_translation_then_it_turns_stale(repo):
    po = repo / "content" / "translations" / "en.po"
    if not po.is_file():
        raise AssertionError("the build writes the catalog content/translations/en.po")
    quote = _translate(po, "وقال زيلينسكي، عقب استماعه", "Zelensky said the coming meeting would take up Ukraine's urgent security needs.")
    lines = report(repo, "--base", "HEAD")
    assert "Meetings: 3 (was 3): 0 added, 0 removed, 1 changed, 2 unchanged." in lines
    heading = next(i for i, line in enumerate(lines) if line.startswith(f"#### `{KYIV}`"))
    assert lines[heading + 2 : heading + 3] == [
        f"- statement at {SEED_000} sentence 2: English translation added: “Zelensky said the coming meeting would take up Ukraine's urgent security needs.”"
    ]
    assert re.fullmatch(r"- 1 of (\d+) entries translated \(was 0 of \1\)", next(x for x in lines if x.startswith("- 1 of ")))
    assert "- 1 newly translated, 0 turned fuzzy (stale), 0 fuzzy in all" in lines
    build_then_check(repo)
    commit_all(repo, "Translate a statement")

    # The article's sentence is edited: its translation is kept but marked fuzzy (stale).
    seed = repo / "seeds" / SEED_000
    text = seed.read_text(encoding="utf-8")
    assert quote.split("،")[0] in text
    seed.write_text(text.replace("الاحتياجات الأمنية العاجلة", "الاحتياجات الأمنية الملحّة"), encoding="utf-8")
    lines = report(repo, "--base", "HEAD")
    assert f"- statement at {SEED_000} sentence 2: Arabic text changed" in lines
    assert f"- statement at {SEED_000} sentence 2: English translation removed" in lines
    assert re.fullmatch(r"- 0 of (\d+) entries translated \(was 1 of \1\)", next(x for x in lines if x.startswith("- 0 of ")))
    assert "- 0 newly translated, 1 turned fuzzy (stale), 1 fuzzy in all" in lines
    build_then_check(repo)


def test_remove_an_article(repo):
    # Without the article that names Kyiv, the meeting is only "in Ukraine": its id moves.
    (repo / "seeds" / SEED_000).unlink()
    moved = "2026-01-03-national-security-advisers-ukraine"
    lines = report(repo, "--base", "HEAD")
    assert "Meetings: 3 (was 3): 0 added, 0 removed, 1 changed, 2 unchanged." in lines
    heading = lines.index(f"#### `{moved}`: National security advisers' meeting in Ukraine")
    block = lines[heading + 2 : lines.index("", heading + 2)]
    assert block[:5] == [
        f"- id: `{KYIV}` → `{moved}` (the page moves)",
        "- title (en): National security advisers' meeting in Kyiv → National security advisers' meeting in Ukraine",
        "- title (ar): اجتماع مستشاري الأمن القومي في كييف → اجتماع مستشاري الأمن القومي في أوكرانيا",
        "- place: Kyiv, Ukraine → Ukraine",
        "- series: Coalition of the Willing → not stated",
    ]
    assert block[5].startswith("- topics removed: Urgent security needs, ")
    assert block[6:8] == [
        f"- statements removed: Volodymyr Zelensky (reported), {SEED_000} sentence 2; Volodymyr Zelensky (reported), {SEED_000} sentence 3",
        f"- sources removed: {SEED_000}",
    ]
    assert re.fullmatch(r"- evidence: 0 sentence\(s\) added, \d+ removed \(not itemised\)", block[8])
    assert f"  - `content/events/{KYIV}.yml` (to be removed)" in lines
    build_then_check(repo)
    assert {f for f in changed_files(repo) if f.startswith("content/events/")} == {f"content/events/{KYIV}.yml", f"content/events/{moved}.yml"}


def test_remove_the_article_that_dates_the_others(repo):
    # The other article has no dateline: without this one its meeting cannot be dated.
    (repo / "seeds" / SEED_001).unlink()
    lines = report(repo, "--base", "HEAD")
    assert "Meetings: 0 (was 3): 0 added, 3 removed, 0 changed, 0 unchanged." in lines
    removed = lines.index("### Removed")
    assert [line.split(":")[0] for line in lines[removed + 2 : removed + 5]] == [f"- `{KYIV}`", f"- `{STAFF}`", f"- `{FRANCE}`"]
    notices = lines.index("### Notices (not recorded, for an editor to look at)")
    assert lines[notices + 2] == (
        f"- seeds/{SEED_000}:sentence 1: the date '3 يناير المقبل' has no year and the article no dateline, "
        "and no other source dates this meeting (national-security-advisers); not recorded"
    )
    build_then_check(repo)


def test_default_base_is_origin_main_when_it_exists(repo):
    head = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "update-ref", "refs/remotes/origin/main", head)
    (repo / "seeds" / GENEVA_SEED).write_text(GENEVA, encoding="utf-8")
    commit_all(repo, "Add the Geneva article, not built")
    lines = report(repo)
    assert lines[0] == f"## Content review against `origin/main ({head[:12]})`"
    assert "Meetings: 4 (was 3): 1 added, 0 removed, 0 changed, 3 unchanged." in lines
    assert report(repo, "--base", head)[0] == f"## Content review against `{head[:12]}`"
    # Deterministic: the same tree gives the same bytes.
    assert cli(repo, "review").stdout == cli(repo, "review").stdout


def test_bad_revision_and_not_a_repository(repo, tmp_path):
    bad = cli(repo, "review", "--base", "no-such-branch")
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert bad.stderr.count("\n") == 1 and bad.stderr.startswith("error: 'no-such-branch' is not a revision")
    option = cli(repo, "review", "--base=--output=x")
    assert option.returncode == 2 and "Traceback" not in option.stderr
    plain = make_tree(tmp_path / "plain")
    outside = cli(plain, "review")
    assert outside.returncode == 2
    assert outside.stderr.count("\n") == 1 and "not in a git repository" in outside.stderr
    assert "Traceback" not in bad.stderr + outside.stderr


# ------------------------------------------------------------------ the pure report


def _record() -> dict:
    return yamlio.load((ROOT / "tests" / "fixtures" / "review" / "record.yml").read_text(encoding="utf-8"))


def test_fields_in_plain_words():
    old = _record()
    new = copy.deepcopy(old)
    new["status"] = "held"
    new["place"]["city"] = {"id": "lviv", "ar": "لفيف", "en": "Lviv"}
    new["date"] = {"start": "2026-01-03", "end": "2026-01-04", "precision": "day"}
    new["participants"] = [p for p in new["participants"] if p["id"] != "us-team"] + [{"id": "eu", "ar": "الاتحاد الأوروبي", "en": "European Union", "mode": None}]
    new["participants"][0]["mode"] = "online"
    new["topics"] = [t for t in old["topics"] if t != "air-defence"] + ["ceasefire"]
    new["sources"].append({"seed": "009_x.txt", "published": "2026-01-04", "status": "held"})
    new["sources"][1]["status"] = "held"
    new["evidence"]["status"].append({"seed": "009_x.txt", "sentence": 1, "text": "..."})
    new["evidence"]["status"].pop(0)
    names = review.Names(topics={"ceasefire": "Ceasefire", "air-defence": "Air defence"})
    assert review.changes(old, new, names) == [
        "date: 2026-01-03 → 2026-01-03 to 2026-01-04",
        "place: Kyiv, Ukraine → Lviv, Ukraine",
        "status: scheduled → held",
        "participants added: European Union",
        "participants removed: US team",
        "participant European representatives: attendance in person → online",
        "topics added: Ceasefire",
        "topics removed: Air defence",
        "sources added: 009_x.txt",
        "source 001_ae68e33f9df36568.txt now says: scheduled → held",
        "evidence: 1 sentence(s) added, 1 removed (not itemised)",
    ]
    assert review.changes(old, copy.deepcopy(old), names) == []


def test_markup_in_article_text_stays_text():
    old = _record()
    new = copy.deepcopy(old)
    new["title"]["en"] = "Meeting [click](https://example.org) <script>alert(1)</script> *bold* `code`"
    text = review.report({old["id"]: old}, [new], base="HEAD")
    line = next(x for x in text.splitlines() if x.startswith("- title (en):"))
    assert "\\[click\\](https://example.org)" in line
    assert "\\<script\\>" in line and "\\*bold\\*" in line and "\\`code\\`" in line
    assert "<script>" not in text


def test_report_is_deterministic_and_ordered():
    a = _record()
    b = copy.deepcopy(a)
    b["id"], b["date"] = "2025-12-01-x", {"start": "2025-12-01", "end": "2025-12-01", "precision": "day"}
    c = copy.deepcopy(a)
    c["id"], c["date"] = "2026-02-01-y", {"start": "2026-02", "end": "2026-02-28", "precision": "month"}
    one = review.report({}, [c, a, b], base="HEAD")
    two = review.report({}, [b, c, a], base="HEAD")
    assert one == two
    ids = re.findall(r"^- `([^`]+)`", one, flags=re.M)
    assert ids == ["2025-12-01-x", a["id"], "2026-02-01-y"]
    assert "; 2026-02 (month only);" in one


def test_notices_are_sorted_into_their_sections():
    notices = (
        Problem("seeds/x.txt", "3", "a leaders meeting with no date; not recorded"),
        Problem("content/corrections/y.yml", "0", "the record has no field 'host.en'; this correction no longer applies"),
    )
    text = review.report({}, [], base="HEAD", notices=notices).splitlines()
    assert text[text.index("### Corrections that no longer apply") + 2] == (
        "- content/corrections/y.yml:0: the record has no field 'host.en'; this correction no longer applies"
    )
    assert text[text.index("### Notices (not recorded, for an editor to look at)") + 2] == "- seeds/x.txt:3: a leaders meeting with no date; not recorded"


def _po(entries: dict) -> bytes:
    catalog = Catalog(locale="en")
    for msgid, (msgstr, fuzzy) in entries.items():
        catalog.add(msgid, msgstr, flags=("fuzzy",) if fuzzy else ())
    out = __import__("io").BytesIO()
    write_po(out, catalog)
    return out.getvalue()


def test_translation_counts():
    old = review.read_catalog(_po({"أ": ("A", False), "ب": ("B", False), "ج": ("", False)}))
    new = review.read_catalog(_po({"أ": ("A", False), "ب": ("B", True), "ج": ("C", False), "د": ("", False)}))
    text = review.report({}, [], base="HEAD", old_catalog=old, new_catalog=new).splitlines()
    assert "- 2 of 4 entries translated (was 2 of 3)" in text
    assert "- 1 newly translated, 1 turned fuzzy (stale), 1 fuzzy in all" in text
    assert "- 1 entries added (new text to translate), 0 removed" in text
    # No catalog on either side: nothing is said about translations.
    assert not any("Translations" in line for line in review.report({}, [], base="HEAD").splitlines())


def test_a_long_translation_is_shortened_in_the_report():
    old = _record()
    old["statements"][0]["text"]["en"] = None
    new = copy.deepcopy(old)
    new["statements"][0]["text"]["en"] = "word " * 60
    line = review.changes(old, new, review.Names())[0]
    assert line.startswith(f"statement at {SEED_000} sentence 2: English translation added: “word word")
    assert line.endswith("…”") and len(line) < 200
