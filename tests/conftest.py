"""Shared fixtures.

``built_site``: one real ``mkdocs build --strict`` of a copy of the project (the seeds
plus the hostile fixture article) in a temporary folder, built once per test session
and shared by the site, rendering and browser tests. The build never writes into the
repository's content/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "site"
HOSTILE_SEED = SITE_FIXTURES / "900_hostile.txt"
CORRECTIONS = SITE_FIXTURES / "corrections"  # one that applies, one that no longer does


@dataclass(frozen=True)
class Built:
    project: Path  # the copied project (mkdocs.yml, seeds/, content/)
    site: Path  # its site/ folder
    log: str  # everything mkdocs printed


def copy_project(dest: Path, extra_seeds: tuple[Path, ...] = (), corrections: Path | None = None) -> Path:
    """A project tree to build: seeds, mkdocs.yml, overrides and the editorial data.

    ``generator/`` is a symlink to the repository's package (mkdocs.yml names the hook
    by path); content/pages starts empty and is written by the hook.
    """
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "seeds", dest / "seeds")
    for seed in extra_seeds:
        shutil.copy(seed, dest / "seeds" / seed.name)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    for editorial in ("translations", "corrections", "editorial"):
        if (ROOT / "content" / editorial).is_dir():
            shutil.copytree(ROOT / "content" / editorial, dest / "content" / editorial)
    if corrections is not None:
        shutil.copytree(corrections, dest / "content" / "corrections", dirs_exist_ok=True)
    (dest / "content" / "pages").mkdir(parents=True, exist_ok=True)
    (dest / "generator").symlink_to(ROOT / "generator", target_is_directory=True)
    return dest


def mkdocs_run(project: Path, **extra_env: str) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` in ``project``, as a user runs it (no SOURCE_DATE_EPOCH)."""
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["NO_MKDOCS_2_WARNING"] = "1"  # Material's banner about MkDocs 2.0
    env.update(extra_env)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, capture_output=True, text=True, env=env)


def mkdocs_build(project: Path, **extra_env: str) -> Built:
    """Run ``mkdocs build --strict`` in ``project``; fail with its output."""
    proc = mkdocs_run(project, **extra_env)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log
    return Built(project, project / "site", log)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Built:
    # English built in a forked process beside the Arabic build, as on any machine
    # with two cores (generator/langfork.py); test_site_build builds it again in turn.
    return mkdocs_build(copy_project(tmp_path_factory.mktemp("site") / "project", (HOSTILE_SEED,), CORRECTIONS), BRIEFING_JOBS="2")


@pytest.fixture(scope="session")
def lex():
    """The project's lexicon (with the gazetteer), loaded once."""
    from generator import lexicon

    return lexicon.load()


# A new finder for every test (not a cached one), so that each test exercises its
# construction: mutation testing then knows every test that depends on its patterns.
@pytest.fixture
def finder(lex):
    from generator.dates import DateFinder

    return DateFinder(lex.numbers)
