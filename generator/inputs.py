"""Reading what authors and editors put in the tree: regular files only, bounded in size.

A seed, a correction or the catalog is read only when it is a regular file. A
symbolic link could publish any readable file of the machine (``/proc/self/environ``
with its tokens), a FIFO would hang the build and a device such as ``/dev/zero``
never ends; a folder named like an input is a mistake. Each is refused with one
line naming it, and the caller collects every such line of a run.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import Problem

MB = 1024 * 1024
SEED_LIMIT = 32 * MB  # an article; the longest real ones are a few KB
EDITORIAL_LIMIT = 1 * MB  # a correction file or a seed's front matter
CATALOG_LIMIT = 256 * MB  # en.po: every sentence of every article, translated


class InputError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def listed(folder: Path, suffix: str) -> list[Path]:
    """The entries of ``folder`` named ``*<suffix>``, in name order, whatever their type.

    ``folder`` itself must be a real folder, not a link to one (``InputError``).
    Hidden names (an editor's lock or swap file, such as Emacs' ``.#x.txt``) are not
    inputs and are skipped; everything else is returned so that ``read`` can refuse
    what is not a regular file instead of silently ignoring it.
    """
    mode = os.lstat(folder).st_mode
    if not stat.S_ISDIR(mode):  # a linked folder would publish whatever it points at
        raise InputError(Problem(str(folder), "", refusal(mode, "folder")))
    with os.scandir(folder) as entries:
        names = [e.name for e in entries if e.name.endswith(suffix) and not e.name.startswith(".")]
    return [folder / name for name in sorted(names)]


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def size(limit: int) -> str:
    return f"{limit // MB} MB" if limit >= MB and limit % MB == 0 else f"{limit} bytes"


def refusal(mode: int, expected: str = "regular file") -> str:
    return f"is {_kind(mode)}, not a {expected}; only {expected}s inside the tree are read"


def read(path: Path, limit: int, display: str | None = None) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    Raises ``InputError`` with one line otherwise (or on any OS error).
    """
    where = display or str(path)
    try:
        # O_NOFOLLOW refuses a link; O_NONBLOCK keeps a FIFO from blocking open; what
        # was opened is then checked to be a regular file (fstat: no gap for a swap).
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise InputError(Problem(where, "", _unopened(path, exc))) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(Problem(where, "", refusal(st.st_mode)))
        # Read what the file holds (and one byte past the limit, to tell a file too
        # large): asking for the limit itself would have every read allocate 32 MB,
        # most of the time of reading 10,000 articles of a few KB.
        parts, total = [], 0
        while total <= limit:
            chunk = os.read(fd, max(min(st.st_size, limit) + 1 - total, 1 << 16))
            if not chunk:
                break
            parts.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise InputError(Problem(where, "", exc.strerror or str(exc))) from None
    finally:
        os.close(fd)
    if total > limit:
        raise InputError(Problem(where, "", f"larger than the {size(limit)} an input may have"))
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _unopened(path: Path, exc: OSError) -> str:
    """Why ``path`` could not be opened, in the words ``read`` uses."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        return refusal(mode)  # a link (ELOOP) or a socket (ENXIO): its type says why
    return exc.strerror or str(exc)
