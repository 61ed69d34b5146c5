"""Files of many records' parts (the whole calendars, the open data): joined, and
spliced from the copy the last build wrote.

A joined file is ``prefix + sep.join(parts) + suffix`` (``empty`` when it has no
part): one part per record, in order, each a function of its record and of the
file's context alone (its path, which names its format and language, and the site's
name and address). Joining 10,000 parts means reading 10,000 values from the build
cache; a build in which one meeting moved needs only that one. The others are the
bytes of the file the last build wrote, found through its ``Layout``: each part's
record digest and length, kept beside the file's cache key.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass


@dataclass(frozen=True)
class Frame:
    """What a joined file holds besides its parts."""

    prefix: bytes
    sep: bytes
    suffix: bytes
    empty: bytes | None = None  # the whole file when there is no part (else prefix + suffix)

    def join(self, parts) -> bytes:
        if not parts and self.empty is not None:
            return self.empty
        if self.sep:  # the separators in their places, so the file's bytes are copied once
            pieces = [self.sep] * (2 * len(parts) + 1)
            pieces[0], pieces[1::2], pieces[-1] = self.prefix, parts, self.suffix
            return b"".join(pieces)
        return b"".join([self.prefix, *parts, self.suffix])


@dataclass(frozen=True)
class Layout:
    """Where each part lies in a joined file, by its record's digest."""

    context: str  # what every part depends on besides its record
    start: int  # where the first part begins (the prefix's length)
    sep: bytes
    width: int  # the length of every digest
    digests: str  # every part's record digest, in order, end to end
    lengths: array  # every part's length, in order
    size: int  # the whole file's length


def layout(context: str, frame: Frame, digests: list[str], parts: list, size: int) -> Layout:
    """The layout of ``frame.join(parts)`` (``size``: its length), part ``i`` being
    record ``digests[i]``'s."""
    width = len(digests[0]) if digests else 0
    if len(digests) != len(parts) or any(len(d) != width for d in digests):
        raise ValueError("one digest per part, all of one length")
    return Layout(context, len(frame.prefix), frame.sep, width, "".join(digests), array("Q", map(len, parts)), size)


def parts(old: bytes, was: Layout, context: str, frame: Frame, digests: list[str], make) -> list | None:
    """The parts of the file for ``digests`` (in order): each one ``old`` holds is taken
    from it (a view: no copy until the file is joined), each other one is ``make(i)``
    (``i``: its place in ``digests``). None when ``old`` cannot be the file ``was``
    describes (another length) or its parts are not this file's (another context, or
    another separator)."""
    n = len(was.lengths)
    if was.context != context or was.sep != frame.sep or len(old) != was.size or len(was.digests) != n * was.width:
        return None
    if n and was.start + sum(was.lengths) + len(was.sep) * (n - 1) > was.size:
        return None
    view = memoryview(old)
    at: dict[str, tuple[int, int]] = {}
    pos, step, width = was.start, len(was.sep), was.width
    for i, length in enumerate(was.lengths):
        at[was.digests[i * width : (i + 1) * width]] = (pos, length)
        pos += length + step
    out = []
    for i, digest in enumerate(digests):
        got = at.get(digest)
        out.append(view[got[0] : got[0] + got[1]] if got is not None else make(i))
    return out
