"""Writes are all or nothing: a crash, a full disk or a second build at the same time
leaves content/ as it was (or as the finished build), with one line and no traceback."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import textwrap
import threading

import pytest

from generator import cli as generator_cli
from generator import writer
from support import ROOT, cli, make_tree, snapshot

SEED_001 = "001_ae68e33f9df36568.txt"
LEFTOVERS = (writer.STAGING, writer.PREVIOUS)


@pytest.fixture(scope="module")
def trees(tmp_path_factory):
    """The old tree (real seeds, built) and the expected new tree (one seed edited, built)."""
    old = make_tree(tmp_path_factory.mktemp("old"))
    assert cli(old, "build").returncode == 0
    new = tmp_path_factory.mktemp("new")
    shutil.copytree(old, new, dirs_exist_ok=True)
    edit(new)
    assert cli(new, "build").returncode == 0
    return old, new


def edit(tree):
    """A change that touches records, pages and the catalog: a meeting moves by two days."""
    seed = tree / "seeds" / SEED_001
    seed.write_text(seed.read_text(encoding="utf-8").replace("في 5 يناير", "في 7 يناير"), encoding="utf-8")


def content(tree) -> dict[str, bytes]:
    """What a reader of content/ sees (the lock file holds nothing)."""
    return {k: v for k, v in snapshot(tree / "content").items() if k != writer.LOCK}


@pytest.fixture
def tree(trees, tmp_path):
    old, _ = trees
    copy = tmp_path / "tree"
    shutil.copytree(old, copy)
    edit(copy)
    return copy


# A build that dies (SIGKILL, no clean-up of any kind) at a chosen point of the write.
DYING_BUILD = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, sys.argv[3])
    from generator import cli, writer
    point, after = sys.argv[1], int(sys.argv[2])
    calls = [0]
    def dying(real):
        def wrapper(*args):
            calls[0] += 1
            if point == "stage" and calls[0] > after:
                os.kill(os.getpid(), signal.SIGKILL)
            result = real(*args)
            if point == "swap" and calls[0] >= after:
                os.kill(os.getpid(), signal.SIGKILL)
            return result
        return wrapper
    if point == "stage":
        writer._write_file = dying(writer._write_file)
    else:
        writer._exchange = dying(writer._exchange)
    sys.exit(cli.main(["build"]))
""")


def die_during_build(tree, point: str, after: int) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", DYING_BUILD, point, str(after), str(ROOT)], cwd=tree, capture_output=True, text=True)


def test_killed_while_staging_leaves_the_old_tree_and_the_next_build_cleans_up(trees, tree):
    old, new = trees
    proc = die_during_build(tree, "stage", 5)
    assert proc.returncode == -9
    assert (tree / "content" / writer.STAGING).is_dir()  # what the dead build left behind ...
    assert {k: v for k, v in content(tree).items() if not k.startswith(writer.STAGING + "/")} == content(old)  # ... and nothing else
    out = cli(tree, "build")
    assert out.returncode == 0, out.stderr
    assert content(tree) == content(new)
    assert not any((tree / "content" / name).exists() for name in LEFTOVERS)


def test_killed_between_the_swaps_is_finished_by_the_next_build(trees, tree):
    _, new = trees
    proc = die_during_build(tree, "swap", 1)  # events/ is in, pages/ and en.po not yet
    assert proc.returncode == -9
    assert (tree / "content" / writer.STAGING / writer.COMMITTED).is_file()
    now, before = content(tree), content(trees[0])
    assert {k: v for k, v in now.items() if k.startswith("events/")} == {k: v for k, v in content(new).items() if k.startswith("events/")}
    assert {k: v for k, v in now.items() if k.startswith("pages/")} == {k: v for k, v in before.items() if k.startswith("pages/")}
    out = cli(tree, "build")
    assert out.returncode == 0, out.stderr
    assert " 0 written, 0 removed" in out.stdout  # the committed tree was finished before planning
    assert content(tree) == content(new)
    assert not any((tree / "content" / name).exists() for name in LEFTOVERS)


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_failing_write_is_one_line_and_the_old_tree_stays(trees, tree, monkeypatch, capsys, code):
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
    assert content(tree) == content(old)
    assert not any((tree / "content" / name).exists() for name in LEFTOVERS)


def test_a_second_build_while_one_runs_stops_with_one_line(trees, tree):
    old, new = trees
    with writer.locked(tree / "content"):
        out = cli(tree, "build")
        assert out.returncode == 2 and "Traceback" not in out.stderr
        assert out.stderr.splitlines() == [
            "error: content: another build is writing this folder (it holds .build.lock); run again when it has finished",
            "error: 1 problem(s); nothing written to content/",
        ]
        assert content(tree) == content(old)
    assert cli(tree, "build").returncode == 0
    assert content(tree) == content(new)


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
    assert content(tree) == content(new)


def test_stale_temporaries_are_removed_by_the_next_build(trees, tree):
    _, new = trees
    pages = tree / "content" / "pages"
    (pages / ".index.md.k2j4x9_q.tmp").write_bytes(b"half")  # an older writer's temporary file
    staging = tree / "content" / writer.STAGING / "pages"
    staging.mkdir(parents=True)
    (staging / "index.md").write_bytes(b"never committed")
    (tree / "content" / writer.PREVIOUS / "events").mkdir(parents=True)
    out = cli(tree, "build")
    assert out.returncode == 0, out.stderr
    assert content(tree) == content(new)
    assert not any((tree / "content" / name).exists() for name in LEFTOVERS)


def test_unchanged_build_touches_nothing(trees, tmp_path):
    old, _ = trees
    copy = tmp_path / "same"
    shutil.copytree(old, copy)
    inodes = {p: p.stat().st_ino for p in (copy / "content").rglob("*")}
    out = cli(copy, "build")
    assert " 0 written, 0 removed" in out.stdout
    assert {p: p.stat().st_ino for p in (copy / "content").rglob("*")} == inodes
