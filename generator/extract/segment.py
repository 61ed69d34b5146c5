"""Cutting a sentence into what belongs together: datelines, clauses, distances.

Outlets open a story with an agency dateline ("القاهرة، 9 مارس (وكالة) -") or their
own name ("الموقع الإخباري- "); its date is the story's, not a meeting's, so it is
blanked before anything is read. Within a sentence, a date or place belongs to the
meeting word nearest to it; commas and clause words ("بعد أن", "فيما") put distance
between them, so the nearest is measured in ``cost``.
"""

from __future__ import annotations

import re

# "<place>، <date> (<agency>) -" or "<words> (<agency>) -" at a paragraph's start.
AGENCY_DATELINE = re.compile(r"^\s*[^.،,()]{1,40}?(?:[،,]\s*[^()]{3,40}?)?\s*\([^()]{1,30}\)\s*[-–—]+\s*")
# "<place> في <date>/ <agency>/" (the Gulf agencies' form) at a paragraph's start.
SLASH_DATELINE = re.compile(r"^\s*[^.،,()/]{1,40}?/\s*[^\s/]{2,12}\s*/\s*")
# "<outlet>- " at a paragraph's start: a word glued to the dash, then a space.
OUTLET_DASH = re.compile(r"^\s*(?:\S+\s+){0,3}\S+?[-–—]+\s+(?=\S)")
CLAUSE_MARK = re.compile(r"[،,؛;]")
STRONG_BREAK = re.compile(r"\s[-–—]\s|[:：]|(?<!\w)(?:بعد ان|بعد ما|حيث|لكن|لكنه|غير ان|فيما|بينما|في حين|اللذين|الذين)(?!\w)")


# "التقى الوزير فلان، أمس، نظيره", "، بالرئيس الروسي فلاديمير بوتين،": up to five words
# set off by commas (a day, who with a title) are an aside, not a clause of its own; its
# commas put no distance.
ASIDE = re.compile(r"[،,]\s*(?:[^\s،,؛;]+\s+){0,4}[^\s،,؛;]+\s*[،,]")


def strip_dateline(folded: str) -> str:
    """The sentence with an opening agency or outlet dateline blanked (same length)."""
    for rx in (AGENCY_DATELINE, SLASH_DATELINE, OUTLET_DASH):
        m = rx.match(folded)
        if m and m.end() < len(folded) - 10:
            return " " * m.end() + folded[m.end():]
    return folded


# The place a story is filed from, where a paragraph opens with one: "الرياض - ",
# "بغداد/ ", "أبوظبي في 3 نوفمبر/ وام/", "الكويت، 8 مارس (كونا) -", "القاهرة (وكالة) -".
DATELINE_PLACE = re.compile(r"^\s*(?P<name>[^\W\d_]+(?:\s+[^\W\d_]+){0,2}?)\s*(?:[-–—]+\s|/|\(|[،,]\s*\d|\s(?:في\s+)?\d)")


def dateline_name(folded: str) -> tuple[int, int] | None:
    """The span of the name a paragraph's dateline opens with (a place, if the gazetteer
    knows it: the caller looks it up), or None."""
    m = DATELINE_PLACE.match(folded)
    return m.span("name") if m else None


def cost(folded: str, a: tuple[int, int], b: tuple[int, int]) -> float:
    """How far apart two spans are, in characters, with clause boundaries weighing more."""
    (s1, e1), (s2, e2) = a, b
    lo, hi = min(e1, e2), max(s1, s2)  # the text between them: none where they overlap or touch
    between = folded[lo:hi]
    # b (a date, a place) before a (its meeting word) is a little less likely its own.
    before = s2 < s1  # pragma: no mutate (equivalent: with s2 == s1 the spans overlap, the distance is 0 whatever the factor)
    distance = max(0, hi - lo) * (1.2 if before else 1.0)
    marks = len(CLAUSE_MARK.findall(between)) - 2 * len(ASIDE.findall(between))
    return distance + 40 * marks + 200 * len(STRONG_BREAK.findall(between))


def clause_around(folded: str, start: int, end: int) -> str:
    """The clause a span stands in: from the boundary before it to the boundary after it."""
    lo = max([m.end() for m in CLAUSE_MARK.finditer(folded, 0, start)] + [m.end() for m in STRONG_BREAK.finditer(folded, 0, start)] + [0])
    nxt = [m.start() for m in CLAUSE_MARK.finditer(folded, end)] + [m.start() for m in STRONG_BREAK.finditer(folded, end)]
    return folded[lo:min(nxt + [len(folded)])]
