"""Helpers shared by the generator's tests (fixtures live in conftest.py)."""

from __future__ import annotations

import shutil
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
