"""What a sentence about a meeting adds: participants and attendance, counts, topics,
host and statements. Each value keeps the sentence it came from."""

from __future__ import annotations

import re

from ..lexicon import Lexicon
from ..model import Evidence, Participant, Ref, Sentence, Statement
from ..textnorm import fold
from .scan import matches

CLAUSE = re.compile(r"[،,؛;.:!؟?]|\s-\s")
QUOTE = re.compile(r"[:：]\s*([\"«“])(.*)([\"»”])\s*[.]?\s*$", re.S)
THAT = re.compile(r"(?<!\w)(?:ان|انه|انها|إن|أن)(?!\w)")
# A count of members is the body's size, not who attends: "يضم التحالف أكثر من 30 دولة".
# Offices that speak for a body: "الأمين العام لحلف الناتو" does not make NATO a participant.
OFFICES = ("الامين العام", "امين عام", "المتحدث باسم", "متحدث باسم", "رئيس", "سفير", "مندوب")


def office_before(offices) -> re.Pattern:
    """A pattern for text that ends with one of ``offices`` (folded words)."""
    return re.compile(rf"(?:^|\s)[وف]?(?:{'|'.join(fold(o) for o in offices)})\s*$")  # "رئيس" is "رءيس" folded


TITLE_BEFORE = office_before(OFFICES)
MEMBERSHIP = re.compile(r"(?<!\w)[وف]?(?:يضم|تضم|يتالف|تتالف|يتكون|تتكون|عضويه|عضوية|الاعضاء|اعضاء)(?!\w)")


def _roles(entry) -> list[str]:
    """What an actor may be: the lexicon limits some (a capital standing for its government hosts only)."""
    return entry.extra.get("roles", ["host", "participant"])


def speaker(folded: str, lex: Lexicon) -> Ref | None:
    """The person a speech verb attributes words to, if one is named before the words."""
    verb = lex.cues["speech_verbs"].search(folded)
    if not verb:
        return None
    people = [h for h in matches(lex.people, folded) if h[0] >= verb.end() - 1]
    if not people:
        return None
    start = people[0][0]
    limit = min([m.start() for m in THAT.finditer(folded, verb.end())] + [folded.find(":") if ":" in folded else len(folded)] + [len(folded)])
    return people[0][2].ref if start < limit else None


def opens_with_speech(folded: str, lex: Lexicon) -> bool:
    verb = lex.cues["speech_verbs"].search(folded)
    return bool(verb and verb.start() < 8)


def read(d, folded: str, ev: Evidence, lex: Lexicon, who: Ref | None, sentence: Sentence) -> None:
    """Add what ``folded`` says to the draft meeting ``d``."""
    cues = lex.cues
    # Host: a host verb next to an actor ("تخطط كييف لعقد", "تحالف الراغبين يخطط لعقد").
    verbs = [(m.start(), m.end()) for m in cues["host_verbs"].finditer(folded)]
    for start, end, entry in matches(lex.actors, folded):
        if "host" not in _roles(entry):
            continue
        if any(0 <= start - ve <= 3 or 0 <= vs - end <= 3 for vs, ve in verbs) and "host" not in d.fields:
            d.fields["host"] = entry.ref
            d.cite("host", ev)
    # Participants and attendance, clause by clause.
    for clause in CLAUSE.split(folded):
        online = bool(cues["attendance"]["online"].search(clause))
        in_person = bool(cues["attendance"]["in_person"].search(clause))
        # "الأمين العام لحلف الناتو" speaks for NATO; it does not make NATO a participant.
        people = [h for h in matches(lex.actors, clause) if "participant" in _roles(h[2]) and not TITLE_BEFORE.search(clause[max(0, h[0] - 20):h[0]])]
        for _s, _e, entry in people:
            mode = "online" if online else "in_person" if in_person else None
            known = d.participants.get(entry.ref.id)
            if known is None or (known.mode is None and mode is not None):
                d.participants[entry.ref.id] = Participant(entry.ref, mode)
            d.cite("participants", ev)
            if mode:
                d.cite("attendance", ev)
        if (online or in_person) and not people and _speaks_of_a_meeting(clause, lex):
            if online:
                d.online_meeting = True
                d.cite("attendance", ev)
            else:
                d.in_person_cue = True
    count = _count(folded, lex)
    if count and "participant_count" not in d.fields:
        d.fields["participant_count"] = count
        d.cite("participant_count", ev)
    for _s, _e, entry in matches(lex.topics, folded):
        d.topics.setdefault(entry.ref.id, entry.ref)
        d.cite("topics", ev)
    if who is not None:
        quote = QUOTE.search(sentence.text)
        if quote:
            d.statements.append(Statement(who, quote.group(2).strip(), True, ev))
        elif THAT.search(folded):
            d.statements.append(Statement(who, sentence.text, False, ev))


def _speaks_of_a_meeting(clause: str, lex: Lexicon) -> bool:
    return bool(lex.cues["meeting"].search(clause)) or any(f.pattern.search(clause) for f in lex.formats)


def _count(folded: str, lex: Lexicon) -> tuple[int, str] | None:
    m = lex.cues["count"].search(folded)
    if m is None:
        return None
    if MEMBERSHIP.search(folded[max(0, m.start() - 40):m.start()]):
        return None
    n = m.group("n")
    return (int(n) if n.isdigit() else lex.cues["cardinals"][n], lex.cues["count_units_by_form"][m.group("unit")])
