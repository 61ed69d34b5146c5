"""Writing a plan of files: all or nothing, one build at a time.

A build stages the complete new tree of every folder it owns (``events/``, ``pages/``)
and every other file it writes (``translations/en.po``) under ``content/.staging/``,
then marks the staging complete (``COMMITTED``, the commit point) and swaps it in:
each owned folder is exchanged with its staged copy in one ``renameat2`` call, each
other file replaced with one ``rename``. So:

* a crash or a full disk while staging leaves ``content/`` as it was; the next build
  removes the leftover staging;
* a crash during the swap (a few renames, after the commit point) is finished by the
  next build before anything else, so no mix of old and new trees survives a build;
* a second build at the same time stops with one line (``content/.build.lock``).

Files whose bytes did not change are hard links to the old ones in the staged tree,
so a build that changes one page copies nothing else, and when nothing changes at all
nothing is touched (``mkdocs serve`` does not rebuild in a loop).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import json
import os
import re
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

from .errors import GeneratorError, Problem

LOCK = ".build.lock"
STAGING = ".staging"
PREVIOUS = ".previous"  # an old tree moved aside where the folders cannot be exchanged
COMMITTED = "COMMITTED"
FILE_MODE = 0o644
DIR_MODE = 0o755
STALE_TMP = re.compile(r"\A\..+\.[a-z0-9_]{8}\.tmp\Z")  # an older writer's temporary file (mkstemp)
TMP_FOLDERS = ("events", "pages", "translations")  # where it left them; editors' folders are not touched


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


# -- one build at a time ------------------------------------------------------


@contextlib.contextmanager
def locked(content: Path):
    """Hold ``content/.build.lock`` for a build, after finishing or clearing what a
    crashed build left. A build already holding it: one-line ``GeneratorError``.

    The lock file exists only while a build runs, and a ``content/`` created for it
    is removed again if the build wrote nothing, so a failed build changes nothing.
    """
    created = not content.exists()
    path = content / LOCK
    busy = GeneratorError([Problem(str(content), "", f"another build is writing this folder (it holds {LOCK}); run again when it has finished")])
    try:
        content.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, FILE_MODE)
    except OSError as exc:
        raise GeneratorError([Problem(str(path), "", f"cannot take the build lock: {exc.strerror or exc}")]) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise busy from None
        if _inode(path) != os.fstat(fd).st_ino:  # the previous holder removed the file we locked
            raise busy
        try:
            _guard(content, STAGING, lambda: recover(content))
            yield
        finally:
            with contextlib.suppress(OSError):
                os.unlink(path)  # still holding the lock, so no other build has it
    finally:
        os.close(fd)
        if created:
            with contextlib.suppress(OSError):
                content.rmdir()


def recover(content: Path) -> None:
    """Finish a committed staging a crashed build left; remove anything else it left."""
    staging = content / STAGING
    if (staging / COMMITTED).is_file():
        _swap_in(content)
    shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(content / PREVIOUS, ignore_errors=True)
    for generated in TMP_FOLDERS:
        for folder, _, names in os.walk(content / generated):
            for name in names:
                if STALE_TMP.match(name):
                    os.unlink(os.path.join(folder, name))


# -- writing ------------------------------------------------------------------


def write(plan: Plan, content: Path) -> Changes:
    """Apply ``plan`` to ``content`` all at once. Call inside ``locked(content)``."""
    changes = diff(plan, content)
    if not changes.written and not changes.removed:
        return changes
    staging = content / STAGING
    try:
        _stage(plan, content, set(changes.written))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)  # a full disk or an error: the old tree stays
        raise
    _guard(content, STAGING, lambda: _swap_in(content))
    shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(content / PREVIOUS, ignore_errors=True)
    return changes


def _guard(content: Path, rel: str, action) -> None:
    """Run ``action``; an OS error becomes one line naming the file."""
    try:
        action()
    except OSError as exc:
        where = exc.filename or str(content / rel)
        raise GeneratorError([Problem(str(where), "", f"cannot write: {exc.strerror or exc}")]) from None


def _stage(plan: Plan, content: Path, changed: set[str]) -> None:
    staging = content / STAGING
    shutil.rmtree(staging, ignore_errors=True)
    marker: dict[str, int] = {}
    try:
        content.mkdir(parents=True, exist_ok=True)
        _mkdir(staging)
        for folder in plan.owned:
            _mkdir(staging / folder)
        for rel, data in plan.files.items():
            owned = _owner(plan, rel)
            if owned is None and rel not in changed:
                continue  # an unchanged file outside the owned folders stays where it is
            target = staging / rel
            if not target.parent.is_dir():
                _mkdirs(target.parent, staging)
            if rel not in changed and _link(content / rel, target):
                continue
            _write_file(target, data)
        for folder in plan.owned:
            marker[folder] = os.lstat(staging / folder).st_ino
        # The commit point: from here on the next build finishes this one.
        _write_file(staging / COMMITTED, json.dumps(marker, sort_keys=True).encode())
    except OSError as exc:
        where = exc.filename or str(staging)
        shown = str(content / Path(where).relative_to(staging)) if Path(where).is_relative_to(staging) else str(where)
        raise GeneratorError([Problem(shown, "", f"cannot write: {exc.strerror or exc}; {content}/ is unchanged")]) from None


def _swap_in(content: Path) -> None:
    staging = content / STAGING
    marker = json.loads((staging / COMMITTED).read_text(encoding="utf-8"))
    for folder, inode in sorted(marker.items()):
        new, target = staging / folder, content / folder
        if _inode(target) == inode or _inode(new) != inode:
            continue  # already swapped in
        if _inode(target) is None:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.rename(new, target)
        elif not _exchange(new, target):
            aside = content / PREVIOUS / folder
            _mkdirs(aside.parent, content)
            os.rename(target, aside)
            os.rename(new, target)
    for root, dirs, names in os.walk(staging):
        rel_root = Path(root).relative_to(staging)
        if rel_root.parts and rel_root.parts[0] in marker:
            dirs[:] = []
            continue
        for name in names:
            rel = rel_root / name
            if rel.as_posix() == COMMITTED or rel.parts[0] in marker:
                continue
            (content / rel).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / rel, content / rel)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2``); False where it is not available."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


# -- small helpers ------------------------------------------------------------


def _owner(plan: Plan, rel: str) -> str | None:
    return next((f for f in plan.owned if rel.startswith(f + "/")), None)


def _owned_files(plan: Plan, content: Path) -> list[str]:
    out = []
    for folder in plan.owned:
        base = content / folder
        if base.is_dir() and not base.is_symlink():
            for root, _, names in os.walk(base):
                out.extend((Path(root) / n).relative_to(content).as_posix() for n in names)
    return out


def _read(path: Path) -> bytes | None:
    """The bytes of a regular file; None for anything else (never follows a link or opens a FIFO)."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        return path.read_bytes()
    except OSError:
        return None


def _inode(path: Path) -> int | None:
    try:
        return os.lstat(path).st_ino
    except FileNotFoundError:
        return None


def _link(old: Path, new: Path) -> bool:
    """Hard-link an unchanged regular file into the staged tree (no copy, same mtime)."""
    try:
        if not stat.S_ISREG(os.lstat(old).st_mode):
            return False
        os.link(old, new, follow_symlinks=False)
        return True
    except OSError:
        return False


def _mkdir(path: Path) -> None:
    path.mkdir()
    os.chmod(path, DIR_MODE)  # the same tree whatever the umask


def _mkdirs(path: Path, base: Path) -> None:
    missing = []
    while not path.is_dir() and path != base:
        missing.append(path)
        path = path.parent
    for folder in reversed(missing):
        _mkdir(folder)


def _write_file(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.chmod(path, FILE_MODE)
