"""Writes are all or nothing: the whole new content/ appears in one step or not at all.

A crash or a full disk at any step of the write, a second build at the same time or
an editor's save while the build runs leaves content/ as it was (with the editor's
save), with one line and no traceback; every file the build does not write survives
as the same file. Trees are compared whole: every folder, file, mode and link.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import threading
from pathlib import Path

import pytest

from conftest import copy_project, mkdocs_run
from generator import cli as generator_cli
from generator import pipeline, writer
from generator.errors import GeneratorError
from support import cli, make_tree
from support import tree_state as state

SEED_001 = "001_ae68e33f9df36568.txt"
CORRECTION = "corrections/2026-01-03-national-security-advisers-kyiv.yml"
# What editors (and their tools) keep in content/ beside the generated folders.
CARRIED = (CORRECTION, "corrections/.kyiv.yml.swp", "notes/README.txt", "notes/private.txt", "notes/link")
# Every step of the write where a crash can happen (writer's file-system calls).
STEPS = ("_mkdir", "_set_mode", "_link", "_carry_file", "_write_file", "_exchange", "_place", "_rename", "_remove_tree", "_unlink", "_clear", "_move_spare")
FAILING = ("_mkdir", "_link", "_carry_file", "_write_file", "_exchange", "_place", "_rename")  # those a full disk can fail
SIBLINGS = (".content.lock", ".content.staging", ".content.old")
CHANGED = "changed while the build ran; nothing was written, run the build again"


def inodes(tree: Path) -> dict:
    return {rel: os.lstat(tree / "content" / rel).st_ino for rel in CARRIED}


def leftovers(tree: Path) -> list[str]:
    return [name for name in SIBLINGS if os.path.lexists(tree / name)]


def edit(tree: Path) -> None:
    """A change that touches records, pages and the catalog: a meeting moves by two days."""
    seed = tree / "seeds" / SEED_001
    seed.write_text(seed.read_text(encoding="utf-8").replace("في 5 يناير", "في 7 يناير"), encoding="utf-8")


def furnish(content: Path) -> None:
    """What editors add: a correction, an editor's swap file, a translation, notes of
    their own (a private file, an empty folder, a link) the build knows nothing of."""
    (content / "corrections").mkdir()
    (content / CORRECTION).write_text("- field: status\n  value: held\n  reason: The advisers met as planned.\n", encoding="utf-8")
    (content / "corrections/.kyiv.yml.swp").write_bytes(b"b0VIM 9.0\x00")
    (content / "notes/empty").mkdir(parents=True)
    (content / "notes/README.txt").write_text("Kept by the editors.\n", encoding="utf-8")
    (content / "notes/private.txt").write_text("Not for everyone.\n", encoding="utf-8")
    os.chmod(content / "notes/private.txt", 0o600)
    os.chmod(content / "notes", 0o750)
    (content / "notes/link").symlink_to("../translations/en.po")
    po = content / "translations/en.po"
    text = po.read_text(encoding="utf-8")
    at = text.index('msgstr ""\n', text.index('msgstr ""\n') + 1)  # the first entry after the header
    po.write_text(text[:at] + 'msgstr "A translator\'s words."\n' + text[at + len('msgstr ""\n'):], encoding="utf-8")


@pytest.fixture(scope="module")
def trees(tmp_path_factory):
    """The old tree (real seeds, built, furnished by editors, built again) and the
    expected new tree (one seed edited, built by the command line)."""
    old = make_tree(tmp_path_factory.mktemp("old"))
    assert cli(old, "build").returncode == 0
    furnish(old / "content")
    out = cli(old, "build")
    assert out.returncode == 0, out.stderr
    new = tmp_path_factory.mktemp("new")
    shutil.copytree(old, new, dirs_exist_ok=True, symlinks=True)
    edit(new)
    out = cli(new, "build")
    assert out.returncode == 0 and " 0 written" not in out.stdout, out.stderr
    assert "A translator's words." in (new / "content/translations/en.po").read_text(encoding="utf-8")
    return old, new


@pytest.fixture
def tree(trees, tmp_path):
    old, _ = trees
    copy = tmp_path / "tree"
    shutil.copytree(old, copy, symlinks=True)
    edit(copy)
    return copy


def plan_of(tree: Path, copy: Path, edit=lambda tree: None):
    """The plan a build makes for a copy of ``tree`` (edited), with paths relative to it."""
    shutil.copytree(tree, copy, symlinks=True)
    edit(copy)
    cwd = os.getcwd()
    os.chdir(copy)
    try:
        return pipeline.run(Path("seeds"), Path("content")).plan
    finally:
        os.chdir(cwd)


@pytest.fixture(scope="module")
def plan(trees, tmp_path_factory):
    """What the build writes for the edited tree (content-relative, so any copy's)."""
    return plan_of(trees[0], tmp_path_factory.mktemp("plan") / "tree", edit)


def write(tree: Path, plan) -> writer.Changes:
    """The write of one build, as the command line does it (inside the lock)."""
    cwd = os.getcwd()
    os.chdir(tree)
    try:
        with writer.locked(Path("content")) as build:
            return build.write(plan)
    finally:
        os.chdir(cwd)


def counting(monkeypatch, names, action):
    """Wrap the writer's steps ``names``; ``action(count, name, args)`` runs before each."""
    count = [0]

    def wrap(name, real):
        def step(*args, **kwargs):
            count[0] += 1
            action(count[0], name, args)
            return real(*args, **kwargs)
        return step

    for name in names:
        monkeypatch.setattr(writer, name, wrap(name, getattr(writer, name)))
    return count


def steps_of(trees, plan, tmp_path, monkeypatch, exchange: bool) -> int:
    copy = tmp_path / "count"
    shutil.copytree(trees[0], copy, symlinks=True)
    with monkeypatch.context() as m:
        if not exchange:
            m.setattr(writer, "_exchange", lambda a, b: False)
        count = counting(m, STEPS, lambda *_: None)
        write(copy, plan)
    assert state(copy / "content") == state(trees[1] / "content")
    shutil.rmtree(copy)
    return count[0]


def crash(tree: Path, plan, at: int, exchange: bool) -> int:
    """Run the write in a child process that dies at step ``at`` (no clean-up of any
    kind runs: ``os._exit``, as after a SIGKILL). Returns the child's exit code."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            with pytest.MonkeyPatch.context() as m:
                if not exchange:
                    m.setattr(writer, "_exchange", lambda a, b: False)
                counting(m, STEPS, lambda n, name, args: os._exit(9) if n == at else None)
                write(tree, plan)
            os._exit(0)
        finally:
            os._exit(3)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def test_files_the_build_does_not_write_survive_as_the_same_files(trees, tree):
    old, new = trees
    before = inodes(tree)
    out = cli(tree, "build")
    assert out.returncode == 0, out.stderr
    assert state(tree / "content") == state(new / "content")
    assert inodes(tree) == before  # the same files (hard links), not copies
    assert (tree / "content/notes/empty").is_dir() and os.readlink(tree / "content/notes/link") == "../translations/en.po"
    assert leftovers(tree) == []


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
def test_a_crash_at_any_step_leaves_the_old_tree_or_the_new_one(trees, plan, tmp_path, monkeypatch, exchange):
    old, new = state(trees[0] / "content"), state(trees[1] / "content")
    total = steps_of(trees, plan, tmp_path, monkeypatch, exchange)
    seen = {"old": 0, "new": 0, "aside": 0}
    for at in range(1, total + 1):
        copy = tmp_path / f"crash-{at}"
        shutil.copytree(trees[0], copy, symlinks=True)
        assert crash(copy, plan, at, exchange) == 9
        now = state(copy / "content")
        if now == old:
            seen["old"] += 1
        elif now == new:
            seen["new"] += 1
        else:  # only between the two renames of a swap without exchange: the old tree is beside
            assert not exchange and now is None and state(copy / ".content.old") == old, f"step {at}: a mixed tree"
            seen["aside"] += 1
        write(copy, plan)  # the next build
        assert state(copy / "content") == new, f"step {at}"
        assert leftovers(copy) == []
        shutil.rmtree(copy)
    assert seen["old"] and seen["new"], seen
    assert seen["aside"] == (0 if exchange else 1), seen  # the one step between two renames


def test_a_full_disk_at_any_step_is_one_line_and_changes_nothing(trees, plan, tmp_path, monkeypatch):
    old = state(trees[0] / "content")
    for exchange in (True, False):
        for at in range(1, 1000):
            copy = tmp_path / f"full-{exchange}-{at}"
            shutil.copytree(trees[0], copy, symlinks=True)

            def full(n, name, args):
                if n == at:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(args[0]))

            with monkeypatch.context() as m:
                if not exchange:
                    m.setattr(writer, "_exchange", lambda a, b: False)
                count = counting(m, FAILING, full)
                try:
                    write(copy, plan)
                    done = True
                except GeneratorError as exc:
                    done = False
                    assert len(exc.problems) == 1
                    assert re.fullmatch(r"\S+: cannot write: No space left on device; content/ is unchanged", str(exc.problems[0])), exc
            if done:  # every step has failed once
                assert count[0] < at
                break
            assert state(copy / "content") == old, f"step {at}"
            assert leftovers(copy) == []
            shutil.rmtree(copy)
        assert at > 50  # the staging of every file was among them


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_failing_write_from_the_command_line_is_one_line(trees, tree, monkeypatch, capsys, code):
    old, _ = trees
    real, calls = writer._write_file, []

    def failing(path, data):
        calls.append(path)
        if len(calls) > 5:
            raise OSError(code, os.strerror(code), str(path))
        real(path, data)

    monkeypatch.setattr(writer, "_write_file", failing)
    monkeypatch.chdir(tree)
    assert generator_cli.main(["build"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 2, err
    assert lines[0].startswith("error: content/") and lines[0].endswith(f": cannot write: {os.strerror(code)}; content/ is unchanged")
    assert (tree / lines[0].split(": ")[1].split(":")[0]).parent.exists()  # it names a real place under content/
    assert lines[1] == "error: 1 problem(s); nothing written to content/"
    assert state(tree / "content") == state(old / "content")
    assert leftovers(tree) == []


def save(path: Path, text: str) -> None:
    """An editor's save: a new file renamed over the old one."""
    tmp = path.with_name(path.name + "~")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


# What an editor may do while a build runs, and the file the build then names.
EDITS = {
    "correction saved": (CORRECTION, lambda c: save(c / CORRECTION, "- field: status\n  value: held\n  reason: A second source confirms it.\n")),
    "catalog edited in place": ("translations/en.po", lambda c: (c / "translations/en.po").open("a", encoding="utf-8").write("\n")),
    "correction added": ("corrections/x.yml", lambda c: (c / "corrections/x.yml").write_text("[]\n", encoding="utf-8")),
    "swap file removed": ("corrections/.kyiv.yml.swp", lambda c: (c / "corrections/.kyiv.yml.swp").unlink()),
}
# When: while the build reads (before staging), while it stages, and in the instant
# between its last check and the swap (the edit then reaches the old tree).
WHEN = {"after reading": ("_stage", True), "staging": ("_write_file", True), "swapping": ("_exchange", True), "renaming": ("_exchange", False)}


@pytest.mark.parametrize("when", WHEN)
@pytest.mark.parametrize("what", EDITS)
def test_an_editors_change_while_the_build_runs_stops_it_with_one_line_and_is_kept(trees, tree, monkeypatch, capsys, what, when):
    rel, action = EDITS[what]
    step, exchange = WHEN[when]
    content = tree / "content"
    expected_tree = tmp = tree.parent / "expected"
    shutil.copytree(trees[0], tmp, symlinks=True)
    action(expected_tree / "content")
    done = []

    def editing(n, name, args):
        if not done:
            done.append(name)
            action(content)

    if not exchange:
        monkeypatch.setattr(writer, "_exchange", lambda a, b: False)
    counting(monkeypatch, (step,), editing)
    monkeypatch.chdir(tree)
    assert generator_cli.main(["build"]) == 2
    assert done == [step]
    err = capsys.readouterr().err
    assert err.splitlines() == [f"error: content/{rel}: {CHANGED}", "error: 1 problem(s); nothing written to content/"]
    assert state(content) == state(expected_tree / "content")  # the old tree, with the editor's change
    assert leftovers(tree) == []
    monkeypatch.undo()
    monkeypatch.chdir(tree)
    assert generator_cli.main(["build"]) == 0  # run again: it builds from the edit


def test_a_second_build_while_one_runs_stops_with_one_line(trees, tree):
    old, new = trees
    with writer.locked(tree / "content"):
        out = cli(tree, "build")
        assert out.returncode == 2 and "Traceback" not in out.stderr
        assert out.stderr.splitlines() == [
            "error: content: another build is writing this folder (it holds .content.lock); run again when it has finished",
            "error: 1 problem(s); nothing written to content/",
        ]
        assert state(tree / "content") == state(old / "content")
    assert cli(tree, "build").returncode == 0
    assert state(tree / "content") == state(new / "content")
    assert leftovers(tree) == []


def test_builds_started_together_never_mix_or_crash(trees, tree):
    _, new = trees
    results = []

    def run():
        results.append(cli(tree, "build"))

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for out in results:
        assert "Traceback" not in out.stderr
        assert out.returncode == 0 or "another build is writing this folder" in out.stderr
    assert any(out.returncode == 0 for out in results)
    assert state(tree / "content") == state(new / "content")
    assert leftovers(tree) == []


def test_stale_temporaries_are_removed_by_the_next_build(trees, tree):
    _, new = trees
    content = tree / "content"
    (tree / ".content.staging/pages").mkdir(parents=True)  # a staged tree never swapped in
    (tree / ".content.staging/pages/index.md").write_bytes(b"never swapped in")
    (tree / ".content.old/events").mkdir(parents=True)  # an old tree swapped out, not yet removed
    (content / "pages/.index.md.k2j4x9_q.tmp").write_bytes(b"half")  # what older writers left
    (content / ".staging/pages").mkdir(parents=True)
    (content / ".staging/COMMITTED").write_bytes(b"{}")
    (content / ".previous/events").mkdir(parents=True)
    out = cli(tree, "build")
    assert out.returncode == 0, out.stderr
    assert state(content) == state(new / "content")
    assert leftovers(tree) == []


def test_an_old_tree_left_aside_by_a_crash_is_put_back_first(trees, tree):
    _, new = trees
    os.rename(tree / "content", tree / ".content.old")  # died between the two renames of a swap
    out = cli(tree, "build")
    assert out.returncode == 0, out.stderr
    assert state(tree / "content") == state(new / "content")  # the editors' files came back with it
    assert leftovers(tree) == []


def test_a_linked_content_folder_is_refused(trees, tree):
    os.rename(tree / "content", tree / "real")
    (tree / "content").symlink_to("real")
    out = cli(tree, "build")
    assert out.returncode == 2
    assert out.stderr.splitlines()[0] == "error: content: is a symbolic link, not a folder; only folders inside the tree are read"
    assert state(tree / "real") == state(trees[0] / "content")


def test_unchanged_build_touches_nothing(trees, tmp_path):
    old, _ = trees
    copy = tmp_path / "same"
    shutil.copytree(old, copy, symlinks=True)
    inodes_before = {p: os.lstat(p).st_ino for p in (copy / "content").rglob("*")}
    out = cli(copy, "build")
    assert " 0 written, 0 removed" in out.stdout
    assert {p: os.lstat(p).st_ino for p in (copy / "content").rglob("*")} == inodes_before
    assert leftovers(copy) == []


@pytest.fixture(scope="module")
def old_plan(trees, tmp_path_factory):
    """What the build writes for the old tree's inputs (to go back to it)."""
    return plan_of(trees[0], tmp_path_factory.mktemp("old-plan") / "tree")


def with_spare(trees, tmp_path) -> tuple[Path, list[str]]:
    """A copy of the old tree built once more after the edit: beside its content/ is the
    tree that write swapped out (``.content.spare``), its unchanged files the same
    files (hard links) as those of content/. Also: those files' paths."""
    copy = tmp_path / "spare"
    shutil.copytree(trees[0], copy, symlinks=True)
    edit(copy)
    out = cli(copy, "build")
    assert out.returncode == 0 and " 0 written" not in out.stdout, out.stderr
    assert state(copy / "content") == state(trees[1] / "content")
    spare, content = copy / ".content.spare", copy / "content"
    pages = sorted(p.relative_to(content).as_posix() for p in (content / "pages").glob("*.md"))
    shared = [rel for rel in pages if (spare / rel).exists() and os.lstat(spare / rel).st_ino == os.lstat(content / rel).st_ino]
    assert len(shared) >= 2 and len(shared) < len(pages)  # the edit changed some top pages, not all
    return copy, shared


def test_a_write_starts_from_the_tree_it_swapped_out_last_time(trees, old_plan, tmp_path, monkeypatch):
    copy, _ = with_spare(trees, tmp_path)
    owned = {rel: os.lstat(copy / "content" / rel).st_ino for rel in old_plan.files if rel.split("/")[0] in old_plan.owned and (copy / "content" / rel).exists()}
    calls = {"_link": [], "_write_file": []}
    counting(monkeypatch, tuple(calls), lambda n, name, args: calls[name].append(str(args[1] if name == "_link" else args[0]).split(".content.staging/", 1)[1]))
    changes = write(copy, old_plan)  # back to the old seeds
    assert state(copy / "content") == state(trees[0] / "content")
    assert 0 < len(changes.written) < len(old_plan.files) - 10
    # Only what differs was written; the rest was already in the spare, as the same
    # files: no file of the generator's folders was linked again (editors' files and
    # the catalog, outside them, are carried anew every time).
    assert sorted(calls["_write_file"]) == sorted(changes.written)
    assert calls["_link"] and not [rel for rel in calls["_link"] if rel.split("/")[0] in old_plan.owned]
    same = [rel for rel in owned if rel not in changes.written]
    assert same and all(os.lstat(copy / "content" / rel).st_ino == owned[rel] for rel in same)
    assert (copy / ".content.spare").is_dir() and leftovers(copy) == []


def test_a_spare_tree_changed_by_hand_never_reaches_content(trees, old_plan, tmp_path):
    copy, shared = with_spare(trees, tmp_path)
    spare = copy / ".content.spare"
    kept = spare / shared[0]  # a file the write would keep: replaced by other bytes
    kept.unlink()
    kept.write_text("not the generator's\n", encoding="utf-8")
    (spare / shared[1]).unlink()
    (spare / shared[1]).symlink_to("index.md")  # a file replaced by a link
    (spare / "pages/stray.md").write_text("stray\n", encoding="utf-8")  # files and folders of no plan
    (spare / "pages/junk/deeper").mkdir(parents=True)
    (spare / "pages/junk/deeper/x.md").write_text("x\n", encoding="utf-8")
    (spare / "notes/evil.txt").write_text("an editor's file that is not in content/\n", encoding="utf-8")
    sources = spare / "pages/sources"
    shutil.rmtree(sources)
    sources.write_text("a file where a folder belongs\n", encoding="utf-8")
    os.chmod(spare / "pages/meetings", 0o700)
    write(copy, old_plan)
    assert state(copy / "content") == state(trees[0] / "content")
    assert leftovers(copy) == []


@pytest.mark.parametrize("what", ["file", "link", "gone"])
def test_a_spare_that_is_not_a_folder_is_dropped(trees, old_plan, tmp_path, what):
    copy, _ = with_spare(trees, tmp_path)
    spare = copy / ".content.spare"
    shutil.rmtree(spare)
    if what == "file":
        spare.write_text("not a tree\n", encoding="utf-8")
    elif what == "link":
        spare.symlink_to("content")
    write(copy, old_plan)
    assert state(copy / "content") == state(trees[0] / "content")
    assert spare.is_dir() and not spare.is_symlink()  # the tree swapped out this time
    assert leftovers(copy) == []


@pytest.mark.parametrize("deleted", ["content", "content/pages"])
def test_mkdocs_build_alone_recreates_a_deleted_content_folder(tmp_path, deleted):
    project = copy_project(tmp_path / "project")
    catalog = (project / "content/translations/en.po").read_bytes()
    shutil.rmtree(project / deleted)
    proc = mkdocs_run(project)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log
    assert "WARNING" not in log and "Traceback" not in log
    assert (project / "content/pages/index.md").is_file() and (project / "content/events").is_dir()
    assert (project / "site/index.html").is_file() and (project / "site/en/index.html").is_file()
    if deleted == "content/pages":  # the translators' work was kept
        assert (project / "content/translations/en.po").read_bytes() == catalog
    assert leftovers(project) == []


def test_mkdocs_build_while_another_build_runs_stops_with_one_line(tmp_path):
    project = copy_project(tmp_path / "project")
    before = state(project / "content")
    with writer.locked(project / "content"):
        proc = mkdocs_run(project)
        log = proc.stdout + proc.stderr
        assert proc.returncode == 1 and "Traceback" not in log
        errors = [line for line in log.splitlines() if "ERROR" in line]
        assert errors == [f"ERROR   -  {project}/content: another build is writing this folder (it holds .content.lock); run again when it has finished"], log
        assert state(project / "content") == before and not (project / "site").exists()


def test_a_big_files_bytes_are_compared_not_its_hash_and_previous_reads_only_the_file_written(tmp_path, monkeypatch):
    """The writer records the SHA-256 of each file it writes, but of a big one (the
    whole calendars, the open data), which the next build compares by reading it: that
    costs less than the hash. ``previous`` gives a file's bytes back only while
    content/ holds the very file the write left."""
    monkeypatch.setattr(writer, "BIG", 64)
    content = tmp_path / "content"
    content.mkdir()
    big, small = "pages/data/big.json", "pages/small.md"

    def plan(big_bytes: bytes) -> writer.Plan:
        return writer.Plan(files={big: big_bytes, small: b"small\n"}, owned=("pages",))

    with writer.locked(content) as session:
        first = session.write(plan(b"x" * 100))
    assert first.files[big][3] is None and first.files[small][3] is not None and len(first.files[small][3]) == 32
    with writer.locked(content) as session:
        same = session.write(plan(b"x" * 100), known=first.files)
    assert same.written == () and same.files == first.files
    with writer.locked(content) as session:
        other = session.write(plan(b"y" * 100), known=first.files)  # the same size: only the bytes tell
    assert other.written == (big,) and (content / big).read_bytes() == b"y" * 100
    read = writer.previous(content, other.files)
    assert read(big) == b"y" * 100 and read(small) == b"small\n" and read("pages/other.md") is None
    assert writer.previous(content, first.files)(big) is None  # the record of an earlier file
    # what ``previous`` read is compared without a second read, while it is that file
    reads = []
    real_read = writer._read
    monkeypatch.setattr(writer, "_read", lambda path: reads.append(path) or real_read(path))
    assert writer.diff(plan(b"y" * 100), content, other.files, read.held).written == () and reads == []
    assert writer.diff(plan(b"w" * 100), content, other.files, read.held).written == (big,) and reads == []
    assert writer.diff(plan(b"y" * 100), content, other.files).written == () and len(reads) == 1
    assert writer.previous(content, None)(big) is None
    (content / big).write_bytes(b"z" * 100)  # changed by hand: not the file written
    when = os.stat(content / big).st_mtime_ns + 10**9  # an editor's save comes later than the clock's last tick
    os.utime(content / big, ns=(when, when))
    assert writer.previous(content, other.files)(big) is None
    reads.clear()  # what was held is not that file any more: read, and found changed
    assert writer.diff(plan(b"y" * 100), content, other.files, read.held).written == (big,) and len(reads) == 1
    (content / big).unlink()
    (content / big).symlink_to("../small.md")
    assert read(big) is None
