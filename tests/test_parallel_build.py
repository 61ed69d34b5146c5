"""A build from scratch on every core (generator/pool.py) writes what one process writes.

The generator extracts the articles, renders the pages and makes the calendar events
the cache cannot give in forked workers. The same corpus is built by the real CLI
with one job and with two, with the build cache and without it, and content/ must be
the same byte for byte; a log of the processes that ran the workers' slices shows
the work really left the main process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from support import snapshot
from synthetic import write_corpus

RUNNER = """
import os, sys
from generator import cli, pool

log = sys.argv[1]
with open(log, "a") as f:
    f.write(f"main {os.getpid()}\\n")
run = pool._run


def logged(bounds):
    with open(log, "a") as f:
        f.write(f"slice {os.getpid()}\\n")
    return run(bounds)


pool._run = logged
sys.argv = ["generator", "build"]
raise SystemExit(cli.main())
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    seeds = tmp_path_factory.mktemp("corpus") / "seeds"
    write_corpus(seeds, 80)  # past the pool's threshold: 80 articles, 160 calendar events, 320 pages
    return seeds


def build(tmp_path: Path, seeds: Path, jobs: str, cache: str) -> tuple[dict[str, bytes], list[str]]:
    project = tmp_path / f"jobs{jobs}-cache{cache}"
    shutil.copytree(seeds, project / "seeds")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    log = project / "pool.log"
    env = {**os.environ, "BRIEFING_JOBS": jobs, "BRIEFING_CACHE": cache, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", RUNNER, str(log)], cwd=project, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return snapshot(project / "content"), log.read_text(encoding="utf-8").split("\n")


@pytest.mark.parametrize("cache", ["on", "off"])
def test_two_jobs_write_what_one_writes(tmp_path, corpus, cache):
    one, one_log = build(tmp_path, corpus, "1", cache)
    two, two_log = build(tmp_path, corpus, "2", cache)
    assert len(one) > 500  # records, pages, calendars: the whole content/
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    assert [line for line in one_log if line.startswith("slice")] == []  # one job: no worker
    main = {line.split()[1] for line in two_log if line.startswith("main")}
    workers = {line.split()[1] for line in two_log if line.startswith("slice")}
    assert len(main) == 1 and len(workers) >= 2 and not workers & main  # two workers for each map


def test_only_a_valid_record_is_marked_valid_ahead(lex):
    from generator import pipeline

    result = pipeline.run(ROOT / "seeds", ROOT / "content")
    rec = dict(result.records[0])
    assert pipeline._valid_mark(rec, lex) == b"ok"
    del rec["date"]
    assert pipeline._valid_mark(rec, lex) is None  # checked again where its problems are reported
