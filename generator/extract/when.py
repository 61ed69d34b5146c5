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

# "أعلنت الوزارة، الأحد، ..." / "، في 1 مارس، ...": a date set off by commas.
SET_OFF_BEFORE = re.compile(r"[،,]\s*(?:(?:في|يوم|مساء|صباح|ظهر|عصر|فجر|ليلة|ليل|امس|اليوم)\s+)*$")
# A colon or a quotation mark: what follows is what was said, and its dates are its own.
QUOTED = re.compile(r'[:："«»“”]')
SET_OFF_AFTER = re.compile(r"\s*[،,]")
# The day a meeting goes to: after "إلى" / "حتى" ("أرجئت إلى يوم الجمعة", "إلى الفترة من").
NEW_DAY = re.compile(r"(?:^|\s)(?:الي|حتي|ل)\s*(?:(?:يوم|يومي|ايام|الفترة|فترة)\s+)?(?:(?:ما\s+)?بين\s+|من\s+)?$")
# The day a meeting leaves: "بدلا من الخميس".
INSTEAD_OF = re.compile(r"(?:^|\s)(?:بدلا|عوضا|بدل)\s+(?:من|عن)\s*(?:يوم\s+)?$")
# "كان الاجتماع مقررا يوم 5 مارس": the day a meeting was set for, in its own clause.
WAS_SET = re.compile(r"(?<!\w)[وف]?(?:كان|كانت)(?!\w).*(?<!\w)(?:من\s+)?(?:ال)?(?:مقرر|مقررا|مقررة)(?!\w)")


def was_set(found: Found, folded: str) -> bool:
    """A day the meeting was set for ("كان مقررا يوم الخميس"): the day it left, if another follows."""
    from .segment import clause_around

    lead = clause_around(folded[: found.start], found.start, found.start)  # its clause up to it
    return bool(WAS_SET.search(lead))


# Words that say when a meeting was to be held: "من 19 إلى 21" after them is its span.
SET_FOR = re.compile(r"(?<!\w)[وف]?(?:ال)?(?:مقرر|مقررة|مقررا|محدد|محددة|محددا)(?!\w)|(?<!\w)[وفل]?(?:[يت]|س[يت])(?:عقد|نعقد|ستمر|جري)(?!\w)")
# "دون أن", "بعد أن", "قبل أن", "على أن" join clauses; they open nothing reported.
OPENS_REPORT = re.compile(r"(?<!\w)(?<!دون )(?<!بعد )(?<!قبل )(?<!علي )[وف]?(?:ان|انه|انها|بان|بانه|بانها)(?!\w)|[:：]")


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
    # "أعلن المكتب أن بغداد ستحتضن، يوم الأحد المقبل، اجتماعا": after the "أن" that opens
    # what was reported, a date is the reported meeting's.
    if OPENS_REPORT.search(folded, verb.end(), found.start):
        return False
    # "أفادت القناة، الأربعاء، بإلغاء ...", "أعلنت الوزارة، الأحد 1 مارس، تأجيل ...": a day
    # set off by commas right after who reported.
    if SET_OFF_BEFORE.search(folded, endpos=found.start) and SET_OFF_AFTER.match(folded, found.end) and not QUOTED.search(folded, verb.end(), found.start):
        return True
    opener = OPENS_REPORT.search(folded, found.end)
    if opener is None or opener.start() - found.end > 50:
        return False
    return not any(found.end <= s < opener.start() for s, _e in trigger_spans)


# A clause that opens with a present-tense verb of meeting, visiting or travelling
# ("يجتمع الرئيس ... يوم الجمعة", "يزور الوزير لبنان الأحد", "ويتوجه إلى بروكسل"):
# news uses it for what is coming.
OPENS_PRESENT = re.compile(r"^[\s،,]*[وف]?[يتن](?:جتمع|لتقي|لتقيان|زور|زوران|ستقبل|ستضيف|حتضن|عقد|نعقد|توجه|صل|بدا|شارك|تراس)(?:ان|ون)?(?!\w)")


# "، على أن يختتم جولته في مسقط يوم السبت": a clause that opens with "على أن" and a
# present verb says what is to follow ("أكد على أن ..." opens with the verb, not with it).
TO_FOLLOW = re.compile(r"^[\s،,]*[وف]?علي\s+ان\s+(?:[يت]|س[يت])\w{2,}")


def tense(folded: str, lex: Lexicon) -> tuple[bool, bool]:
    """(past, future): whether the text speaks of what happened or of what will.
    "كانت مقررة في مارس" says when it was to be, not that it is still ahead."""
    past = bool(lex.cues["status"]["held"].search(folded))
    future = any("مقرر" not in m.group() or not WAS_SET.search(folded, endpos=m.end()) for m in lex.cues["future"].finditer(folded))
    return past, future or (not past and bool(OPENS_PRESENT.match(folded) or TO_FOLLOW.match(folded)))


def tense_at(folded: str, start: int, end: int, lex: Lexicon) -> tuple[bool, bool]:
    """The tense of the clause a date stands in; the sentence's where the clause has no verb of either."""
    from .segment import clause_around

    past, future = tense(clause_around(folded, start, end), lex)
    return (past, future) if past or future else tense(folded, lex)


def moves(found: list[Found], folded: str, lex: Lexicon) -> list[Found]:
    """In a sentence that postpones or moves a meeting, "X إلى Y" is a move from X to Y,
    not the span X-Y: "كانت مقررة الخميس 19 فبراير إلى يوم الجمعة 20 فبراير", "تأجيل
    القمة من 19 إلى 26 فبراير". It stays a span where it is the day the meeting goes to
    ("أرجئ إلى الفترة من 19 إلى 21"), where another date is ("... ثم أرجئ إلى 3 مارس"),
    and where "من" opens the span it was set for ("كان مقررا من 19 إلى 21")."""
    cues = sorted((m for rx in (lex.cues["status"]["postponed"], lex.cues["moved"]) for m in rx.finditer(folded)), key=lambda m: m.start())
    if not cues or any(NEW_DAY.search(folded, endpos=f.start) for f in found if f.joint is None):
        return found
    out: list[Found] = []
    for f in found:
        if f.joint is not None and not NEW_DAY.search(folded, endpos=f.start) and _moved_from(f, folded, cues):
            out.extend(f.halves(folded))
        else:
            out.append(f)
    return out


def _moved_from(f: Found, folded: str, cues) -> bool:
    if f.pre is None:
        return True  # "مقررة الخميس 19 إلى الجمعة 20": a span would open with "من" or "بين"
    if f.pre != "من":
        return False
    # "تأجيل القمة من 19 إلى 26": "من" is where it moves from, unless what stands between
    # the word that moves it and the date says when it was to be held.
    before = [c for c in cues if c.end() <= f.start]  # pragma: no mutate (equivalent: a cue ends a word, a space before the date)
    return bool(before) and not SET_FOR.search(folded, before[-1].end(), f.start)
