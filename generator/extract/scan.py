"""Scanning a folded sentence for the entries of a lexicon table, left to right."""

from __future__ import annotations

import functools
import re

from ..lexicon import Entry


@functools.lru_cache(maxsize=64)
def _table(entries: tuple[Entry, ...]):
    """One regex for a whole lexicon table (one pass per sentence, not one per entry)."""
    parts = [f"(?:{entry.pattern.pattern})" for entry in entries]
    return re.compile("|".join(parts)) if parts else None


def matches(entries: tuple[Entry, ...], folded: str) -> list[tuple[int, int, Entry]]:
    """Every lexicon entry found in ``folded``, left to right, longest match winning overlaps."""
    rx = _table(entries)
    if rx is None:
        return []
    hits = []
    pos = 0
    while (m := rx.search(folded, pos)) is not None:
        # The regex finds the leftmost position; of the entries matching there, the longest wins.
        found = [(x.end(), i) for i, e in enumerate(entries) if (x := e.pattern.match(folded, m.start()))]
        end, index = max(found, key=lambda t: (t[0], -t[1]))
        hits.append((m.start(), end, entries[index]))
        pos = end  # never empty: every form is at least one letter (lexicon schema)
    return hits
