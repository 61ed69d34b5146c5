"""A pure function over many items on every core, the results in their order.

The generator's heavy stages (extracting an article, rendering a page, writing a
record's calendar) are pure functions of their item, and a build from scratch runs
thousands of them. ``ordered_map`` hands them to forked worker processes in a few
contiguous slices: the work (the function and the items) is inherited through the
fork, not pickled; only the results travel back. The result is the list the plain
loop gives, in the same order, so the output cannot depend on the number of cores.

It runs the plain loop instead where forking is unsafe or not worth it: one core,
``BRIEFING_JOBS=1``, no ``os.fork``, a process with other threads (``mkdocs serve``),
or few items. A worker that fails sends nothing back: its slice is run again here, so
the error is raised as the plain loop would raise it, with its own type and message.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable

MIN_ITEMS = 64  # below this, starting the workers costs more than it saves
SLICES_PER_WORKER = 4  # unequal items (long articles) even out over a few slices each
_WORK: tuple[Callable, list] | None = None  # what the forked workers inherit
_FAILED = "\0bf-pool-slice-failed"  # what a failed slice sends back instead of its results


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def jobs() -> int:
    """How many processes may work at once: ``BRIEFING_JOBS``, or the cores this process may use."""
    setting = os.environ.get("BRIEFING_JOBS", "").strip()
    return max(1, int(setting)) if setting.isdigit() else cores()


def can_fork() -> bool:
    # A fork copies only the calling thread: a lock another thread holds (logging's,
    # the server's) would stay held in the child forever.
    return hasattr(os, "fork") and threading.active_count() == 1


def ordered_map(fn: Callable, items: Iterable) -> list:
    """``[fn(x) for x in items]``, on as many processes as ``jobs()`` allows.

    ``fn`` must be pure: what it changes in a worker (a cache, a counter) is lost.
    """
    global _WORK
    items = list(items)
    workers = min(jobs(), len(items) // (MIN_ITEMS // 2) or 1)
    if workers < 2 or len(items) < MIN_ITEMS or not can_fork() or _WORK is not None:
        return [fn(x) for x in items]
    import multiprocessing  # here: most builds (one article changed, none) never fork

    slices = _slices(len(items), workers * SLICES_PER_WORKER)
    _WORK = (fn, items)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            parts = pool.map(_run, slices, chunksize=1)
    finally:
        _WORK = None
    out = []
    for (lo, hi), part in zip(slices, parts):
        out.extend([fn(x) for x in items[lo:hi]] if part == _FAILED else part)
    return out


def _slices(n: int, count: int) -> list[tuple[int, int]]:
    size, extra = divmod(n, count)
    bounds, lo = [], 0
    for i in range(count):
        hi = lo + size + (1 if i < extra else 0)
        if hi > lo:
            bounds.append((lo, hi))
        lo = hi
    return bounds


def _run(bounds: tuple[int, int]):
    fn, items = _WORK
    lo, hi = bounds
    try:
        return [fn(x) for x in items[lo:hi]]
    except Exception:  # noqa: BLE001 - the parent runs the slice again and raises the error itself
        return _FAILED
