"""Writing a plan of files: all or nothing, atomic, untouched when unchanged."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Plan:
    """Every file the generator owns, as bytes, keyed by path relative to content/.

    ``owned`` lists the folders whose every file comes from the generator: a file in
    them that the plan does not name is stale and is removed. Editorial folders
    (corrections) are never owned.
    """

    files: dict
    owned: tuple[str, ...]


@dataclass(frozen=True)
class Changes:
    written: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int


def diff(plan: Plan, content: Path) -> Changes:
    """What writing ``plan`` would do to ``content``, without doing it."""
    written = tuple(sorted(rel for rel, data in plan.files.items() if _read(content / rel) != data))
    removed = tuple(sorted(rel for rel in _owned_files(plan, content) if rel not in plan.files))
    return Changes(written, removed, len(plan.files) - len(written))


def write(plan: Plan, content: Path) -> Changes:
    changes = diff(plan, content)
    for rel in changes.written:
        _atomic_write(content / rel, plan.files[rel])
    for rel in changes.removed:
        (content / rel).unlink()
    for folder in plan.owned:  # drop folders emptied by removals, deepest first
        base = content / folder
        if base.is_dir():
            for path in sorted((p for p in base.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
                if not any(path.iterdir()):
                    path.rmdir()
    return changes


def _owned_files(plan: Plan, content: Path) -> list[str]:
    out = []
    for folder in plan.owned:
        base = content / folder
        if base.is_dir():
            out.extend(p.relative_to(content).as_posix() for p in base.rglob("*") if p.is_file())
    return out


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _atomic_write(path: Path, data: bytes) -> None:
    # Write beside the target and rename over it, so a reader (mkdocs serve, an
    # editor) never sees a half-written file and an interrupted run leaves the old one.
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
