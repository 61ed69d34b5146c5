"""Meeting words: what makes a sentence speak of a meeting.

A meeting is recognised by its format (summit, talks, conference, session, visit,
meeting), in nouns with the article, clitics and endings and in verbs of meeting and
visiting, not by a closed list of kinds. A plural or a series ("سلسلة اجتماعات",
"جولة مباحثات") is not one meeting, nor are talks by phone ("محادثات هاتفية"). "الدورة"/"الجلسة" name a meeting only before a
council, assembly or summit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from ..lexicon import Format, Lexicon
from ..textnorm import fold
from .scan import matches

BODY_AHEAD = re.compile(r"^.{0,60}?(?<!\w)[وف]?[بلك]?(?:ال|ل)?(?:مجلس|قمة|جمعية|لجنة|اجتماع|مؤتمر)")
BODY_BEHIND = re.compile(r"(?<!\w)[وف]?[بلك]?(?:ال|ل)?(?:مجلس|جمعية|لجنة|برلمان)(?!\w).{0,50}$")  # "يعقد مجلس الأمن اليوم جلسة"


# "سلسلة محادثات", "سلسلة من المحادثات": a series of meetings right before the word.
SERIES_BEFORE = re.compile(r"(?<!\w)[وف]?سلسلة\s+(?:من\s+)?$")
FIRST_OF = re.compile(r"(?<!\w)(?:اول|ثاني|ثالث|اخر)\s+(?:هذه\s+|تلك\s+)?(?P<noun>(?:ال)?(?:اجتماعات|لقاءات|قمم|مؤتمرات))(?!\w)")


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    format: Format
    rank: int  # the format's place in formats.yml: the lower, the more telling


# "محادثات هاتفية مطولة", "مباحثات عبر الهاتف": a phone word right after the meeting word
# (an adjective between at most).
PHONE_GAP = re.compile(r"\s+(?:\S+\s+)?$")  # matched from the meeting word's end


# "استقبل الرئيس نظيره ...": receiving is a meeting when someone with an office (or a
# person the lexicon knows) is received; "استقبلت المستشفيات الجرحى" is not one.
RECEIVING = re.compile(r"^[وف]?(?:استقبل|استقبلت|[يت]ستقبل|س[يت]ستقبل)$")
# Folded like the text it searches ("رئيس" is "رءيس" there).
OFFICES_RECEIVED = ("رئيس", "رئيسة", "ملك", "امير", "ولي العهد", "وزير", "وزيرة", "نظير", "نظيره", "نظيرته", "نظيرها", "سفير", "سفيرة",
                    "مبعوث", "امين", "سلطان", "شيخ", "وفد", "وفدا", "مستشار", "قائد", "نائب", "مفوض", "مدير")
OFFICE_NEAR = re.compile(rf"(?<!\w)[وف]?(?:ال|ل|بال)?(?:{'|'.join(fold(w) for w in OFFICES_RECEIVED)})(?!\w)")


CLAUSE_END = re.compile(r"[،,؛;:.]")


def _receives_someone(folded: str, end: int, lex: Lexicon) -> bool:
    window = CLAUSE_END.split(folded[end:end + 60])[0]  # who is received stands in its clause
    return bool(OFFICE_NEAR.search(window) or matches(lex.people, window))


# "بحث الوزير مع نظيره ...", "يتباحث الرئيس مع رئيسة الحكومة": discussing with someone in
# office, in the verb's clause, is talks (by phone, "بحث هاتفيا مع", it is none).
DISCUSSES = re.compile(r"(?<!\w)[وف]?(?:بحث|بحثا|بحثت|[يت]بحث|[يت]بحثان|س[يت]بحث|تباحث|تباحثا|[يت]تباحث|س[يت]تباحث)(?!\w)")
WITH = re.compile(r"(?<!\w)مع(?!\w)")


def _discusses_with(folded: str, m: re.Match, lex: Lexicon) -> bool:
    clause = CLAUSE_END.split(folded[m.end():])[0]  # who it is with stands in the verb's clause
    w = WITH.search(clause)
    return w is not None and _receives_someone(folded, m.end() + w.end(), lex)


# "يحل الرئيس ضيفا على الرياض": the guest of a place visits it (of a programme, not).
GUEST_OF = re.compile(r"(?<!\w)(?P<noun>ضيفا|ضيفة|ضيفه)\s+علي\s+(?P<place>\w+(?:\s+\w+){0,2})")


def _guest_of_a_place(m: re.Match, lex: Lexicon) -> bool:
    """Whether the one, two or three words after "على" (or a tour's "في") name a place."""
    names = list(accumulate(m.group("place").split(), lambda a, b: f"{a} {b}"))  # its first one, two, three words
    return any(name in lex.places.by_form or name in lex.country_by_form for name in names)


# "يختتم جولته في مسقط يوم السبت": a tour's stop in a named place is a visit to it
# ("جولة في المنطقة", "جولة مفاوضات" are not).
TOUR_STOP = re.compile(r"(?<!\w)(?P<noun>[وف]?(?:ال)?(?:جولة|جولته|جولتها|جولتهم))\s+(?:(?:في|الي)\s+|ب)(?P<place>\w+(?:\s+\w+){0,2})")


# "اللجنة المشتركة، التي تنعقد بالرباط", "أشغال المجلس": a body convening, or the
# proceedings of one, where no meeting word names it.
CONVENES = re.compile(r"(?<!\w)[وف]?(?:[يت]نعقد|س[يت]نعقد|انعقد|انعقدت|انعقاد)(?!\w)")
PROCEEDINGS = re.compile(r"(?<!\w)(?P<noun>[وف]?[بل]?(?:اشغال|اعمال))\s+(?:ال)?(?P<body>\w+)")
BODY_WORD = re.compile(r"(?<!\w)[وف]?[بلك]?(?:ال|ل)?(\w+)")


def _body_near(folded: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether a body ("اللجنة", "مجلس") is named within 50 characters either side."""
    heads = lex.cues["body_heads"]
    for m in BODY_WORD.finditer(folded):
        gap = start - m.end() if m.end() <= start else m.start() - end  # pragma: no mutate (words never touch: < and <= agree)
        if m.group(1) in heads and gap <= 50:
            return True
    return False


def _convening(folded: str, lex: Lexicon) -> list[tuple[int, int]]:
    """"تنعقد اللجنة", "أشغال المجلس": where a body convenes (no meeting word names it)."""
    spans = [m.span() for m in CONVENES.finditer(folded) if _body_near(folded, m.start(), m.end(), lex)]
    spans += [m.span("noun") for m in PROCEEDINGS.finditer(folded) if m.group("body") in lex.cues["body_heads"]]
    return sorted(spans)


PLURAL = re.compile(r"(?<!\w)[وف]?(?:ال)?(?:اجتماعات)(?!\w)")
# "اجتماعات الربيع", "الاجتماعات السنوية": meetings named for their season are one event
# (a fund's or a bank's); "اجتماعات في الربيع" are not named so.
SEASON_NAMED = re.compile(r"\s+(?:ال)?(?:ربيع|خريف|صيف|شتاء|سنوية)(?!\w)")
NEXT_WORD = re.compile(r"\s+[وف]?(?:ال|لل|ل)?(\w+)")


def _of_a_body(folded: str, end: int, lex: Lexicon) -> bool:
    """Whether a body ("اللجنة", "مجلس"), or a level or body of the lexicon, follows at once."""
    m = NEXT_WORD.match(folded, end)
    if m is None:
        return False
    if m.group(1) in lex.cues["body_heads"]:
        return True
    ahead = folded[end:].lstrip()
    return any(s == 0 for table in (lex.kinds, lex.series) for s, _e, _x in matches(table, ahead))


# "في لقاء مع قناة ...", "لقاء خاص لصحيفة ...": between the meeting word and the medium
# only these words stand.
INTERVIEW_GAP = re.compile(r"\s*(?:(?:مع|خاص|خاصا|حصري|حصريا|اجرته|اجراه|عبر|علي)\s+)*$")


def _interview(folded: str, end: int, lex: Lexicon) -> bool:
    """Whether the meeting word is an interview: a medium follows it at once."""
    # Equivalent mutants of the bound: only the gap's few words may stand before the medium.
    m = lex.cues["media"].search(folded, end, end + 30)  # pragma: no mutate
    return m is not None and bool(INTERVIEW_GAP.match(folded[end:m.start()]))


# A company's, a club's or a central bank's body before the meeting word, in its clause
# ("عقد مجلس إدارة الشركة اجتماعه"), or right after it ("اجتماع الجمعية العمومية").
LESSER_REACH = 60  # characters before the meeting word
LESSER_NAME = 25  # the longest such name right after it


def _lesser(folded: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether the meeting word is a company's, a club's or a central bank's
    ("مجلس إدارة", "النادي", "لجنة السياسة النقدية"): no high-level meeting."""
    for m in lex.cues["lesser_bodies"].finditer(folded, max(0, start - LESSER_REACH), min(len(folded), end + LESSER_NAME)):
        if m.end() <= start:  # pragma: no mutate (a word never touches the meeting word: < and <= agree)
            between = folded[m.end():start]  # no clause boundary and no level between: it is who meets
            if not CLAUSE_END.search(between) and not matches(lex.kinds, between):
                return True
        elif m.start() >= end and not folded[end:m.start()].strip():  # pragma: no mutate (as above)
            return True
    return False


INSPECTION_REACH = 40  # characters after the visit word: its subject, a day, then what it visits
PLACE_WORD = re.compile(r"[وف]?[بل]?(\w+)")


def _inspection(folded: str, end: int, lex: Lexicon) -> bool:
    """"زار وزير الصحة اليوم مستشفى الجامعة": a visit to a facility (no place named before
    it in the clause) is an inspection, not a meeting."""
    clause = CLAUSE_END.split(folded[end:end + INSPECTION_REACH])[0]
    m = lex.cues["facilities"].search(clause)
    if m is None:
        return False
    found = list(PLACE_WORD.finditer(clause, 0, m.start()))  # pragma: no mutate (the clause opens with a space)
    # Each word as written ("لبنان") and without a clitic ("بالقاهرة"), alone and with the next.
    words = [w.group(0) for w in found] + [w.group(1) for w in found]
    names = words + [f"{a.group(i)} {b.group(0)}" for a, b in zip(found, found[1:]) for i in (0, 1)]
    return not any(n in lex.places.by_form or n in lex.country_by_form for n in names)


# "مؤتمره الصحفي", "مؤتمرا صحافيا": a press conference right after the meeting word; "الملتقى
# العلمي", "المؤتمر الطلابي": an academic or a students' one. None is a high-level meeting.
PRESS = re.compile(r"\s+(?:ال)?(?:صحفي|صحافي|صحفيا|صحافيا|علمي|علميا|طلابي|طلابيا|اكاديمي|اكاديميا)(?:ة)?(?!\w)")


def find(folded: str, lex: Lexicon) -> list[Trigger]:
    series_spans = [(m.start(), m.end()) for m in lex.cues["not_single"].finditer(folded)]
    phone_starts = [m.start() for m in lex.cues["by_phone"].finditer(folded)]
    out: list[Trigger] = []
    for rank, fmt in enumerate(lex.formats):
        for m in fmt.pattern.finditer(folded):
            if any(s < m.end() and m.start() < e for s, e in series_spans):  # overlaps a series word
                continue
            if SERIES_BEFORE.search(folded, 0, m.start()):
                continue
            if any(p >= m.end() and PHONE_GAP.match(folded, m.end(), p) for p in phone_starts):
                continue  # a phone call, not a meeting
            if RECEIVING.match(m.group(0)) and not _receives_someone(folded, m.end(), lex):
                continue
            if _interview(folded, m.end(), lex) or _lesser(folded, m.start(), m.end(), lex):
                continue  # an interview, or a company's, a club's or a central bank's meeting
            if fmt.id == "visit" and _inspection(folded, m.end(), lex):
                continue
            if PRESS.match(folded, m.end()):
                continue  # a press, an academic or a students' conference
            if fmt.needs_body and not (BODY_AHEAD.match(folded[m.end():]) or BODY_BEHIND.search(folded, 0, m.start())):
                continue
            out.append(Trigger(m.start(), m.end(), fmt, rank))
    # "أول هذه الاجتماعات": the first of several meetings is one meeting.
    meeting = next((rank, f) for rank, f in enumerate(lex.formats) if f.id == "meeting")
    for m in FIRST_OF.finditer(folded):
        out.append(Trigger(m.start("noun"), m.end("noun"), meeting[1], meeting[0]))
    talks = next((rank, f) for rank, f in enumerate(lex.formats) if f.id == "talks")
    if not phone_starts:
        for m in DISCUSSES.finditer(folded):
            if _discusses_with(folded, m, lex):
                out.append(Trigger(m.start(), m.end(), talks[1], talks[0]))
    visit = next((rank, f) for rank, f in enumerate(lex.formats) if f.id == "visit")
    for m in (*GUEST_OF.finditer(folded), *TOUR_STOP.finditer(folded)):
        if _guest_of_a_place(m, lex):
            out.append(Trigger(m.start("noun"), m.end("noun"), visit[1], visit[0]))
    # "اجتماعات اللجنة المشتركة", "اجتماعات وزراء الخارجية العرب", "اجتماعات الربيع": a body's
    # or a level's meetings, or a season's, named as one event are one meeting (its session);
    # "اجتماعات مع" are several.
    for m in PLURAL.finditer(folded):
        if not SERIES_BEFORE.search(folded, endpos=m.start()) and (_of_a_body(folded, m.end(), lex) or SEASON_NAMED.match(folded, m.end())):
            out.append(Trigger(m.start(), m.end(), meeting[1], meeting[0]))
    if not out:
        session = next((rank, f) for rank, f in enumerate(lex.formats) if f.id == "session")
        out.extend(Trigger(s, e, session[1], session[0]) for s, e in _convening(folded, lex))
    out.sort(key=lambda t: (t.start, t.rank))
    # Overlapping words ("قمة" inside a longer form): keep the first found at a place.
    kept: list[Trigger] = []
    for t in out:
        if kept and t.start < kept[-1].end:
            continue
        kept.append(t)
    return kept
