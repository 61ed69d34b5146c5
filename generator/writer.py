"""Writing a plan of files: the whole new content/ at once or not at all, one build at a time.

A build stages a complete new ``content/`` beside the old one (``.content.staging``):
the generator's folders (``events/``, ``pages/``) and files (``translations/en.po``)
from the plan, everything else (editors' corrections, editorial actions, any file the
build does not know) carried over as hard links, so it stays the same file, byte for
byte. Then the two folders are exchanged with ONE ``renameat2(RENAME_EXCHANGE)``: the
only step a reader of ``content/`` can see. So:

* a crash or a full disk before the exchange leaves ``content/`` as it was; after it,
  ``content/`` is the new tree (the old one, beside it, is kept by this build as
  ``.content.spare`` or removed by the next);
* a file an editor saves in ``content/`` while the build runs is never lost: the
  build compares the tree with what it saw when it started, before and after the
  exchange, and if anything but its own folders changed it stops with one line per
  file and leaves (or puts back) the tree as the editor left it;
* a second build at the same time stops with one line (``.content.lock`` beside
  ``content/``: a lock inside it would be swapped away with the old tree).

Where the exchange is missing (not Linux, or a file system without it) the swap is
two renames, ``content`` to ``.content.old`` and the staging to ``content``; a crash
between them leaves no ``content/``, and the next build renames the old tree back.

Files whose bytes did not change are hard links to the old ones in the staged tree,
so a build that changes one page copies nothing else, and when nothing changes at all
nothing is touched (``mkdocs serve`` does not rebuild in a loop).

So that a build that changes one article costs about one article's work at any size:

* ``diff`` tells unchanged files without reading them, from the last build's record of
  each file (inode, size, mtime, SHA-256; ``Changes.files``);
* the tree the last write swapped out (``.content.spare``) becomes the staged tree:
  its files are already this tree's files but for the few that changed (``_reuse``
  keeps a file only where it is the very file ``content/`` holds), so staging links,
  writes and removes only what differs, and nothing is removed afterwards.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import functools
import hashlib
import os
import re
import shutil
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import inputs
from .cache import data as _bytes
from .errors import GeneratorError, Problem

OWNED = ("events", "pages")  # the folders whose every file comes from the generator (pipeline.Plan.owned)
FILE_MODE = 0o644
DIR_MODE = 0o755
# What older writers left inside content/; removed by the next build.
LEGACY = (".staging", ".previous", ".build.lock")
STALE_TMP = re.compile(r"\A\..+\.[a-z0-9_]{8}\.tmp\Z")  # an older writer's temporary file (mkstemp)
TMP_FOLDERS = ("events", "pages", "translations")
CHANGED = "changed while the build ran; nothing was written, run the build again"


@dataclass(frozen=True)
class Plan:
    """Every file the generator owns, as bytes, keyed by path relative to content/.
    A value may also be a ``cache.Deferred``: bytes the last build wrote there, read
    only if the file is not found as that build left it (``cache.data`` reads it).

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
    # After ``write``: every planned file's (inode, size, mtime_ns, SHA-256) in content/,
    # the ``known`` of the next build's ``diff``. From ``diff``: those it found unchanged.
    files: dict = field(default_factory=dict, compare=False, repr=False)


def lock_path(content: Path) -> Path:
    return content.parent / f".{content.name}.lock"


def staging_path(content: Path) -> Path:
    return content.parent / f".{content.name}.staging"


def old_path(content: Path) -> Path:
    return content.parent / f".{content.name}.old"


def spare_path(content: Path) -> Path:
    return content.parent / f".{content.name}.spare"


def diff(plan: Plan, content: Path, known: dict | None = None, held: dict | None = None) -> Changes:
    """What writing ``plan`` would do to ``content``, without doing it.

    ``known`` (the last build's ``Changes.files``) spares reading the files: one whose
    inode, size and modification time are still those the last build left holds the
    bytes it wrote then, so comparing the SHA-256 of the planned bytes with the one
    recorded is enough. Anything else (no record, another identity, a big file whose
    hash is not recorded: see ``_digest``) is read and compared. ``held``: files this
    build has read already (``previous(...).held``: path -> (inode, size, mtime_ns,
    bytes)), compared without reading them again while they are still those files.
    """
    root = os.fspath(content)
    disk = _owned_stats(plan, root)
    known = known if isinstance(known, dict) else {}
    written, same = [], {}
    on_disk, recorded, regular = disk.get, known.get, stat.S_ISREG  # this loop runs once per file
    for rel, data in plan.files.items():
        st = on_disk(rel)
        if st is None and not _owner(plan, rel):
            st = _lstat(os.path.join(root, rel))
        if st is None or not regular(st.st_mode):
            written.append(rel)
            continue
        was = recorded(rel)
        identical = type(was) is tuple and len(was) == 4 and was[2] == st.st_mtime_ns and was[0] == st.st_ino and was[1] == st.st_size
        if identical and type(data) is not bytes:
            # made from the key the last build made it from, and as that build left it
            same[rel] = was
            continue
        data = _bytes(data)
        if st.st_size != len(data):
            written.append(rel)
            continue
        if identical and was[3] is not None:
            digest = was[3]
            if hashlib.sha256(data).digest() != digest:  # the file holds what the last build wrote, and that was other bytes
                written.append(rel)
                continue
        elif _bytes_of(held, rel, st, root) == data:
            digest = _digest(data)
        else:
            written.append(rel)
            continue
        same[rel] = (st.st_ino, st.st_size, st.st_mtime_ns, digest)
    removed = tuple(sorted(rel for rel in disk if rel not in plan.files))
    return Changes(tuple(sorted(written)), removed, len(plan.files) - len(written), same)


def previous(content: Path, known: dict | None):
    """``rel -> bytes | None``: what the last build wrote to ``content/rel``, while
    ``content`` still holds that very file (the inode, size and modification time it
    recorded: what ``diff`` trusts to tell a file unchanged); None for any other file,
    or one that cannot be read. Its ``held`` keeps what it read, for ``diff``: a joined
    file spliced from its old copy is then compared with it without a second read."""
    root = os.fspath(content)
    known = known if isinstance(known, dict) else {}

    def read(rel: str) -> bytes | None:
        was = known.get(rel)
        if not (isinstance(was, tuple) and len(was) == 4):
            return None
        try:
            fd = os.open(os.path.join(root, rel), os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK)
        except OSError:
            return None
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode) or (st.st_ino, st.st_size, st.st_mtime_ns) != was[:3]:
                return None
            with open(fd, "rb", closefd=False) as handle:
                data = handle.read()
            if len(data) != was[1]:
                return None
            read.held[rel] = (*was[:3], data)  # the writer compares with it instead of reading it again
            return data
        except OSError:
            return None
        finally:
            os.close(fd)

    read.held = {}
    return read


def _bytes_of(held: dict | None, rel: str, st, root: str) -> bytes | None:
    """The bytes of ``root/rel``: as this build read them already if it is still that
    file (``st``: its lstat now), else read."""
    got = held.get(rel) if held else None
    if got is not None and got[:3] == (st.st_ino, st.st_size, st.st_mtime_ns):
        return got[3]
    return _read(os.path.join(root, rel))


def _record(plan: Plan, content: Path, same: dict) -> dict:
    """(inode, size, mtime_ns, SHA-256) of every planned file as ``content`` now holds it:
    the unchanged ones are the same files as before the write (hard links)."""
    root = os.fspath(content)
    out = {}
    for rel, data in plan.files.items():
        got = same.get(rel)
        if got is None:  # written now (``diff`` made the record of the others)
            st = _lstat(os.path.join(root, rel))
            if st is None:
                continue
            got = (st.st_ino, st.st_size, st.st_mtime_ns, _digest(_bytes(data)))
        out[rel] = got
    return out


BIG = 1 << 20  # bytes from which a file's SHA-256 is not recorded (see ``_digest``)


def _digest(data: bytes) -> bytes | None:
    """The SHA-256 ``diff`` compares a file's next planned bytes with; None for a big
    file, which it then reads and compares instead: for a big file (the calendars and
    open data of every meeting, tens of megabytes at 10,000 articles) that costs less
    than the hash would, so hashing it on every write would be pure cost."""
    return None if len(data) >= BIG else hashlib.sha256(data).digest()


# -- one build at a time ------------------------------------------------------


@dataclass(frozen=True)
class Build:
    """A build holding the lock: ``seen`` is content/ (all but the generator's own
    folders) as it was before anything was read, so ``write`` can tell an editor's
    change made while the build ran."""

    content: Path
    seen: dict

    def write(self, plan: Plan, known: dict | None = None, held: dict | None = None) -> Changes:
        return write(plan, self.content, seen=self.seen, known=known, held=held)


@contextlib.contextmanager
def locked(content: Path, owned: tuple[str, ...] = OWNED):
    """Hold ``.content.lock`` (beside ``content/``) for a build, after clearing what a
    crashed build left. Yields a ``Build``. A build already holding the lock: one-line
    ``GeneratorError``. The lock file exists only while a build runs."""
    content = Path(content)
    path = lock_path(content)
    busy = GeneratorError([Problem(str(content), "", f"another build is writing this folder (it holds {path.name}); run again when it has finished")])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, FILE_MODE)
    except OSError as exc:
        raise GeneratorError([Problem(str(path), "", f"cannot take the build lock: {exc.strerror or exc}")]) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise busy from None
        if _identity(path) is None or os.lstat(path).st_ino != os.fstat(fd).st_ino:
            raise busy  # the previous holder removed the file we locked: it is someone else's turn
        try:
            mode = os.lstat(content).st_mode if os.path.lexists(content) else stat.S_IFDIR
            if not stat.S_ISDIR(mode):  # a linked content/ would have the build write wherever it points
                raise GeneratorError([Problem(str(content), "", inputs.refusal(mode, "folder"))])
            _guard(content, lambda: recover(content))
            yield Build(content, _inventory(content, owned))
        finally:
            with contextlib.suppress(OSError):
                os.unlink(path)  # still holding the lock, so no other build has it
    finally:
        os.close(fd)


def recover(content: Path) -> None:
    """Undo or clear what a crashed build left. Call holding the lock."""
    old = old_path(content)
    if os.path.lexists(old) and not os.path.lexists(content):
        _rename(old, content)  # died between the two renames of a swap without exchange: the old tree goes back
    _remove_tree(old)
    _remove_tree(staging_path(content))  # a staged tree never swapped in, or an old tree swapped out
    for name in LEGACY:
        _remove_tree(content / name)
    for generated in TMP_FOLDERS:
        for folder, _, names in os.walk(content / generated):
            for name in names:
                if STALE_TMP.match(name):
                    os.unlink(os.path.join(folder, name))


# -- writing ------------------------------------------------------------------


def write(plan: Plan, content: Path, seen: dict | None = None, known: dict | None = None, held: dict | None = None) -> Changes:
    """Replace ``content`` with the plan's tree in one step; call inside ``locked``.

    ``seen`` (from ``locked``) is the tree before the build read it: any difference
    from it outside the generator's folders stops the write with one line per file.
    ``known``: see ``diff``. The ``Changes`` returned record the files as written.
    """
    content = Path(content)
    changes = diff(plan, content, known, held)
    if not changes.written and not changes.removed:
        return replace(changes, files=_record(plan, content, changes.files))
    staging = staging_path(content)
    _remove_tree(staging)
    kept = None
    if _take_spare(content, staging):
        try:
            kept = _reuse(plan, staging, changes.files)
        except OSError:  # a spare that cannot be cleared: the new tree is made from nothing
            _remove_tree(staging)
            kept = None
    try:
        carried = _stage(plan, content, staging, set(changes.written), kept)
    except BaseException:
        _remove_tree(staging)  # a full disk, an error, an interrupt: the old tree stays
        raise
    changed = _drift(carried, seen, plan.owned) + _drift(carried, _inventory(content, plan.owned), plan.owned)
    if changed:
        _remove_tree(staging)
        raise GeneratorError([Problem(str(content / rel), "", CHANGED) for rel in sorted(set(changed))])
    try:
        old = _swap(staging, content)
    except OSError as exc:
        _remove_tree(staging)
        raise GeneratorError([Problem(str(exc.filename or content), "", f"cannot write: {exc.strerror or exc}; {content}/ is unchanged")]) from None
    # An editor's save that reached the old tree in the instant before the exchange:
    # put the old tree back, with the save, rather than lose it.
    late = _drift(carried, _inventory(old, plan.owned) if old else {}, plan.owned)
    if late:
        _guard(content, lambda: _swap_back(old, content))
        _remove_tree(staging)
        raise GeneratorError([Problem(str(content / rel), "", CHANGED) for rel in late])
    if old:
        _keep_spare(old, content)
    return replace(changes, files=_record(plan, content, changes.files))


def _take_spare(content: Path, staging: Path) -> bool:
    """Move the tree the last write swapped out to ``staging``, to be made into the new
    one (see ``_reuse``); False when there is none to use (then none is left either)."""
    spare = spare_path(content)
    try:
        if not stat.S_ISDIR(os.lstat(spare).st_mode) or _identity(content) != ("dir",) or os.lstat(spare).st_dev != os.lstat(content).st_dev:
            _remove_tree(spare)
            return False
        _move_spare(spare, staging)
        return True
    except OSError:
        _remove_tree(spare)
        return False


def _keep_spare(old: Path, content: Path) -> None:
    """Keep the tree just swapped out for the next write, else remove it. Its files are
    the new tree's files but for those this write changed, so the next write starts
    from it and links, writes and removes only what differs (``_reuse``)."""
    spare = spare_path(content)
    _remove_tree(spare)
    try:
        _move_spare(old, spare)
    except OSError:
        _remove_tree(old)


def _guard(content: Path, action):
    """Run ``action``; an OS error becomes one line naming the file."""
    try:
        return action()
    except OSError as exc:
        where = exc.filename or str(content)
        raise GeneratorError([Problem(str(where), "", f"cannot write: {exc.strerror or exc}")]) from None


def _stage(plan: Plan, content: Path, staging: Path, changed: set[str], kept: set[str] | None = None) -> dict:
    """Build the complete new tree at ``staging``; return what was carried over
    from ``content`` (path -> identity), the files the plan replaces included.

    With ``kept``, ``staging`` already holds those files of the plan and nothing else
    but the generator's folders (a spare tree cleared by ``_reuse``); else it is made
    from nothing."""
    carried: dict = {}
    try:
        top = _identity(content)
        mode = stat.S_IMODE(os.lstat(content).st_mode) if top and top[0] == "dir" else DIR_MODE
        if kept is not None:
            _set_mode(staging, mode)
        else:
            _mkdir(staging, mode)
            kept = set()
        if top and top[0] == "dir":
            _carry(content, staging, "", plan, carried)
        for rel in plan.files:
            if _owner(plan, rel) is None:
                carried[rel] = _identity(content / rel)  # replaced: must not change while the build runs either
        for folder in plan.owned:
            if not (staging / folder).is_dir():
                _mkdir(staging / folder, DIR_MODE)
        # strings, not Paths, and each folder checked once: this loop runs once per file
        src_root, dst_root, ready = os.fspath(content), os.fspath(staging), set()
        for rel, data in plan.files.items():
            if rel in kept:  # already in place, in a folder that is there: most files of a small change
                continue
            target = os.path.join(dst_root, rel)
            parent = os.path.dirname(target)
            if parent not in ready:
                if not os.path.isdir(parent):
                    _mkdirs(Path(parent), staging)
                ready.add(parent)
            # unchanged: ``diff`` found a regular file with these bytes
            if rel not in changed and _link(os.path.join(src_root, rel), target, any_type=True):
                continue
            _write_file(target, _bytes(data))
    except OSError as exc:
        where = exc.filename or str(staging)
        shown = str(content / Path(where).relative_to(staging)) if Path(where).is_relative_to(staging) else str(where)
        raise GeneratorError([Problem(shown, "", f"cannot write: {exc.strerror or exc}; {content}/ is unchanged")]) from None
    return carried


def _reuse(plan: Plan, staging: Path, same: dict) -> set[str]:
    """Clear an older tree at ``staging`` for the plan; return the files kept.

    A file is kept only where it is the very file (the same inode: a hard link) that
    ``content/`` holds under that name and ``diff`` found unchanged, so its bytes are
    the plan's. Everything else goes: files changed or no longer planned, anything
    added or replaced in the spare since, folders the plan has no file in, and all
    but the generator's folders (editors' files are carried over anew). The folder
    walk reads names, types and inodes from the directory alone: no stat per file.
    """
    root = os.fspath(staging)
    needed = set(plan.owned)
    for parent in {rel.rpartition("/")[0] for rel in plan.files}:  # a few dozen folders
        while parent and parent not in needed:
            needed.add(parent)
            parent = parent.rpartition("/")[0]
    with os.scandir(root) as it:
        top = list(it)
    stack = []
    for e in top:
        if e.name in plan.owned and e.is_dir(follow_symlinks=False):
            stack.append(e.name)
        else:
            _clear(e.path)
    kept: set[str] = set()
    unchanged = same.get
    while stack:
        rel = stack.pop()
        folder = os.path.join(root, rel)
        _set_mode(folder, DIR_MODE)
        with os.scandir(folder) as it:
            entries = list(it)
        for e in entries:
            sub = f"{rel}/{e.name}"
            got = unchanged(sub)
            if got is not None and e.inode() == got[0] and e.is_file(follow_symlinks=False):
                kept.add(sub)
            elif e.is_dir(follow_symlinks=False):
                if sub in needed:
                    stack.append(sub)
                else:
                    _clear(e.path)
            else:
                _unlink(e.path)
    return kept


def _carry(src_root: Path, dst_root: Path, rel: str, plan: Plan, carried: dict) -> None:
    """Carry over everything under ``src_root/rel`` that the plan does not write."""
    src = src_root / rel if rel else src_root
    with os.scandir(src) as it:
        names = sorted(e.name for e in it)
    for name in names:
        sub = f"{rel}/{name}" if rel else name
        if (not rel and name in plan.owned) or sub in plan.files:
            continue  # written from the plan
        st = os.lstat(src / name)
        if stat.S_ISDIR(st.st_mode):
            carried[sub] = ("dir",)
            _mkdir(dst_root / sub, 0o700)  # writable while filled, then its own mode
            _carry(src_root, dst_root, sub, plan, carried)
            _set_mode(dst_root / sub, stat.S_IMODE(st.st_mode))
        else:
            carried[sub] = _identity(src / name)
            _carry_file(src / name, dst_root / sub, st)


def _carry_file(src: Path, dst: Path, st: os.stat_result) -> None:
    """The same file in the new tree: a hard link (any type, links not followed),
    else a copy where the file system refuses links."""
    if _link(src, dst, any_type=True):
        return
    if stat.S_ISREG(st.st_mode):
        shutil.copy2(src, dst, follow_symlinks=False)
    elif stat.S_ISLNK(st.st_mode):
        os.symlink(os.readlink(src), dst)
    elif stat.S_ISFIFO(st.st_mode):
        os.mkfifo(dst, stat.S_IMODE(st.st_mode))
    else:
        raise OSError(errno.EOPNOTSUPP, "a device or socket that cannot be linked into the new tree", str(src))


def _swap(staging: Path, content: Path) -> Path | None:
    """Put the staged tree at ``content`` in one step; return where the old tree is
    now (None: there was none)."""
    if not os.path.lexists(content):
        _place(staging, content)
        return None
    if _exchange(staging, content):
        return staging
    old = old_path(content)
    _rename(content, old)
    try:
        _rename(staging, content)
    except OSError:
        _rename(old, content)
        raise
    return old


def _swap_back(old: Path | None, content: Path) -> None:
    if old is None:  # content/ did not exist before: the new tree goes aside again
        _rename(content, staging_path(content))
    elif old == staging_path(content):
        if not _exchange(old, content):  # pragma: no cover - it exchanged a moment ago
            raise OSError(errno.EOPNOTSUPP, "cannot exchange folders", str(content))
    else:
        _rename(content, staging_path(content))
        _rename(old, content)


# -- the file system steps (each one a point a crash may hit) ------------------

_AT_FDCWD = -100
_RENAME_NOREPLACE = 1
_RENAME_EXCHANGE = 2


@functools.cache
def _renameat2():
    return getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)


def _renameat2_call(a: Path, b: Path, flags: int) -> bool:
    """``renameat2`` with ``flags``; False where the system or file system lacks it."""
    call = _renameat2()
    if call is None:
        return False
    if call(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), flags) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2``); False where it is not available."""
    return _renameat2_call(a, b, _RENAME_EXCHANGE)


def _place(new: Path, target: Path) -> None:
    """Rename ``new`` to ``target``, never over something that appeared there meanwhile."""
    if not _renameat2_call(new, target, _RENAME_NOREPLACE):
        if os.path.lexists(target):
            raise OSError(errno.EEXIST, os.strerror(errno.EEXIST), str(target))
        _rename(new, target)


def _rename(a: Path, b: Path) -> None:
    os.rename(a, b)


def _remove_tree(path: Path) -> None:
    """Remove a leftover folder (or whatever stands at its name); errors are left for the next build."""
    with contextlib.suppress(OSError):
        if stat.S_ISDIR(os.lstat(path).st_mode):
            shutil.rmtree(path, ignore_errors=True)
        else:
            os.unlink(path)


def _link(old: Path, new: Path, any_type: bool = False) -> bool:
    """Hard-link ``old`` (a regular file unless ``any_type``) at ``new``; False if it cannot be."""
    try:
        if not any_type and not stat.S_ISREG(os.lstat(old).st_mode):
            return False
        os.link(old, new, follow_symlinks=False)
        return True
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EROFS, errno.EDQUOT):
            raise  # a full or read-only disk: no copy would fare better
        return False


def _move_spare(a: Path, b: Path) -> None:
    """A rename of the spare tree; where it fails, the spare is dropped (it only saves time)."""
    os.rename(a, b)


def _unlink(path: str) -> None:
    os.unlink(path)


def _clear(path: str) -> None:
    """Remove a file or a whole folder (links not followed); errors are raised."""
    if stat.S_ISDIR(os.lstat(path).st_mode):
        shutil.rmtree(path)
    else:
        os.unlink(path)


def _mkdir(path: Path, mode: int) -> None:
    path.mkdir()
    _set_mode(path, mode)  # the same tree whatever the umask


def _set_mode(path: Path, mode: int) -> None:
    os.chmod(path, mode)


def _write_file(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.chmod(path, FILE_MODE)


# -- reading the tree ----------------------------------------------------------


def _identity(path: Path) -> tuple | None:
    """What tells one file from another, or its edited self: type, inode, size, mtime.
    Never follows a link. None where nothing is."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISDIR(st.st_mode):
        return ("dir",)
    return (stat.S_IFMT(st.st_mode), st.st_ino, st.st_size, st.st_mtime_ns)


def _inventory(root: Path, owned: tuple[str, ...]) -> dict:
    """Every entry under ``root`` but the generator's folders, with its identity."""
    out: dict = {}
    if _identity(root) != ("dir",):
        return out
    for folder, dirs, names in os.walk(root):
        rel = Path(folder).relative_to(root).as_posix()
        prefix = "" if rel == "." else rel + "/"
        if not prefix:
            dirs[:] = [d for d in dirs if d not in owned]
        for name in dirs + names:
            if not prefix and name in owned:
                continue
            out[prefix + name] = _identity(Path(folder) / name)
    return out


def _drift(carried: dict, now: dict | None, owned: tuple[str, ...]) -> list[str]:
    """Paths whose identity in ``now`` is not the one carried (added, removed, replaced, edited)."""
    if now is None:
        return []

    def mine(rel: str) -> bool:
        return rel.split("/", 1)[0] in owned

    keys = {k for k in carried if not mine(k)} | {k for k in now if not mine(k)}
    return sorted(k for k in keys if carried.get(k) != now.get(k))


def _owner(plan: Plan, rel: str) -> str | None:
    top, sep, _ = rel.partition("/")
    return top if sep and top in plan.owned else None


def _owned_stats(plan: Plan, root: str) -> dict:
    """Path under ``root`` -> lstat of everything but folders in the generator's folders
    (os.scandir: no Path objects, one lstat per file). A linked owned folder holds nothing."""
    out = {}
    stack = [folder for folder in plan.owned if stat.S_ISDIR(getattr(_lstat(os.path.join(root, folder)), "st_mode", 0))]
    while stack:
        rel = stack.pop()
        try:
            with os.scandir(os.path.join(root, rel)) as entries:
                for e in entries:
                    if e.is_dir(follow_symlinks=False):
                        stack.append(f"{rel}/{e.name}")
                    else:
                        out[f"{rel}/{e.name}"] = e.stat(follow_symlinks=False)
        except (FileNotFoundError, NotADirectoryError):
            continue
    return out


def _lstat(path: str) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except OSError:
        return None


def _read(path: str) -> bytes | None:
    """The bytes of a regular file; None for anything else (never follows a link or opens a FIFO)."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def _mkdirs(path: Path, base: Path) -> None:
    missing = []
    while not path.is_dir() and path != base:
        missing.append(path)
        path = path.parent
    for folder in reversed(missing):
        _mkdir(folder, DIR_MODE)
