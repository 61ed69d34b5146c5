"""Dates in a sentence: which are a meeting's, which are the report's.

A date between a reporting verb and the "أن" that opens what was reported ("أعلن
الوزير، الأحد، أن ...", "قال مسؤول اليوم إن ...") or the colon of a quotation is the
date of the report. It is never a meeting's date; it is kept as the day the article
speaks of ("the news day"), which a meeting said to coincide with a statement takes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import Found
from ..lexicon import Lexicon
from ..model import DateValue

OPENS_REPORT = re.compile(r"(?<!\w)[وف]?(?:ان|انه|انها|بان|بانه|بانها)(?!\w)|[:：]")


@dataclass(frozen=True)
class Dated:
    found: Found
    value: DateValue | None  # resolved; None when it cannot be anchored
    report: bool  # the date of the report, not of a meeting


def is_report(found: Found, folded: str, lex: Lexicon, trigger_spans: list[tuple[int, int]]) -> bool:
    verbs = [m for m in lex.cues["report_verbs"].finditer(folded, 0, found.start) if found.start - m.end() <= 60]
    if not verbs:
        return False
    verb = verbs[-1]
    if any(verb.end() <= s < found.start for s, _e in trigger_spans):
        return False
    # "أفادت القناة، الأربعاء، بإلغاء ...": a day set off by commas right after who reported.
    if found.value is None and folded[:found.start].rstrip().endswith(("،", ",")) and folded[found.end:].lstrip().startswith(("،", ",")):
        return True
    opener = OPENS_REPORT.search(folded, found.end)
    if opener is None or opener.start() - found.end > 50:
        return False
    return not any(found.end <= s < opener.start() for s, _e in trigger_spans)


def tense(folded: str, lex: Lexicon) -> tuple[bool, bool]:
    """(past, future): whether the text speaks of what happened or of what will."""
    return bool(lex.cues["status"]["held"].search(folded)), bool(lex.cues["future"].search(folded))


def tense_at(folded: str, start: int, end: int, lex: Lexicon) -> tuple[bool, bool]:
    """The tense of the clause a date stands in; the sentence's where the clause has no verb of either."""
    from .segment import clause_around

    past, future = tense(clause_around(folded, start, end), lex)
    return (past, future) if past or future else tense(folded, lex)
