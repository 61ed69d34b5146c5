"""Helpers shared by the generator's tests (fixtures live in conftest.py)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_tree(tmp: Path, articles: dict[str, str | bytes] | None = None, seeds: bool = True) -> Path:
    """A project tree in ``tmp``: seeds/ (the real seeds unless ``seeds=False``) plus ``articles``."""
    (tmp / "seeds").mkdir(parents=True, exist_ok=True)
    if seeds:
        for path in SEEDS.glob("*.txt"):
            shutil.copy(path, tmp / "seeds" / path.name)
    for name, text in (articles or {}).items():
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        (tmp / "seeds" / name).write_bytes(data)
    return tmp


def cli(tree: Path, *args: str) -> subprocess.CompletedProcess:
    """Run ``python -m generator`` in ``tree`` as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=tree, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()} if folder.exists() else {}


def tree_state(folder: Path) -> dict | None:
    """Everything under ``folder``, never following a link or opening a FIFO: folders
    with their mode, files with mode and bytes, links with their target, other entries
    by type. None if ``folder`` does not exist. Equal states: nothing lost or changed."""
    if not os.path.lexists(folder):
        return None
    out = {}
    for root, dirs, names in os.walk(folder):
        for name in dirs + names:
            path = Path(root) / name
            st = os.lstat(path)
            rel = path.relative_to(folder).as_posix()
            if stat.S_ISLNK(st.st_mode):
                out[rel] = ("link", os.readlink(path))
            elif stat.S_ISDIR(st.st_mode):
                out[rel] = ("dir", stat.S_IMODE(st.st_mode))
            elif stat.S_ISREG(st.st_mode):
                out[rel] = ("file", stat.S_IMODE(st.st_mode), path.read_bytes())
            else:
                out[rel] = (stat.S_IFMT(st.st_mode), stat.S_IMODE(st.st_mode))
    return out


def records(lex, text: str, seed: str = "a.txt") -> list[dict]:
    """The records one article written in a test gives on its own."""
    from generator import extract, merge, record
    from generator.reader import parse_article

    article = parse_article(seed, text.encode("utf-8"))
    events, _notices = merge.merge(extract.extract(article, lex))
    return [record.build(e, lex) for e in events]


def brief(rec: dict) -> tuple:
    """What the extraction tests compare of a record: days, place, kind, status."""
    place = rec["place"]
    return (
        rec["date"]["start"],
        rec["date"]["end"],
        (place["city"] or {}).get("id"),
        (place["country"] or {}).get("code"),
        rec["kind"],
        rec["status"],
    )


MOVED_SEED = "zz_more.txt"


def moving_builds(tree: Path, scripts: list[str], env: dict) -> subprocess.CompletedProcess:
    """Build ``tree`` once per script, each in a new process, after adding an article
    (``MOVED_SEED``) and then moving its meeting a day on before each next one; a
    script is Python run with ``-c``, or "" for ``python -m generator build``. The
    last run's outcome."""
    more = tree / "seeds" / MOVED_SEED
    for day, script in enumerate(scripts, start=4):
        more.write_text(f"date 2026-03-01\nأعلنت الخارجية أنه من المقرر عقد اجتماع وزاري في عمان يوم {day} آذار لبحث التعاون.\n", encoding="utf-8")
        command = [sys.executable, "-c", script] if script else [sys.executable, "-m", "generator", "build"]
        out = subprocess.run(command, cwd=tree, capture_output=True, text=True, env=env)
        assert out.returncode == 0, out.stderr
        assert "4 records from 3 articles;" in out.stdout
    return out


def built_from_scratch(tree: Path, tmp: Path, monkeypatch) -> dict[str, bytes]:
    """content/ as a build with no cache writes it from ``tree``'s seeds (the sample
    tree's and ``MOVED_SEED``)."""
    from generator import build

    scratch = make_tree(tmp)
    (scratch / "seeds" / MOVED_SEED).write_text((tree / "seeds" / MOVED_SEED).read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("BRIEFING_CACHE", "off")
    build.run(scratch, scratch / "seeds", scratch / "content")
    return snapshot(scratch / "content")
