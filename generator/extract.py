"""Extraction: one article in, the meetings it speaks of out (``Mention``s).

Pure functions over the article's sentences. A sentence that names a meeting (a
meeting word plus a kind or a date) opens a mention, unless it is plainly the same
meeting as the one just mentioned (same date, or same kind and no new date). Later
sentences that speak of "the meeting" without a new date add to the current one:
participants, attendance, topics, statements. Every field keeps the sentences that
gave it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .dates import DateFinder, resolve
from .lexicon import Entry, Lexicon
from .model import Article, DateValue, Evidence, Mention, Participant, Ref, Sentence, Statement
from .textnorm import fold

STATUS_ORDER = ("cancelled", "postponed", "held", "scheduled", "announced")
# What may stand right before a city that is the meeting's place: a preposition,
# "the capital", a meeting word ("اجتماع كييف"), or a hosting verb ("تستضيف إسطنبول").
PLACE_LEAD = re.compile(r"(?:^|\s)[وف]?(?:في|ب|داخل|العاصمة|مدينة|اجتماع|قمة|لقاء|تستضيف|يستضيف|ستستضيف|سيستضيف|استضافت|استضاف|احتضنت|احتضن|تحتضن)\s*$")
CLAUSE = re.compile(r"[،,؛;.:!؟?]|\s-\s")
QUOTE = re.compile(r"[:：]\s*([\"«“])(.*)([\"»”])\s*[.]?\s*$", re.S)
THAT = re.compile(r"(?<!\w)(?:ان|انه|انها|إن|أن)(?!\w)")


@functools.lru_cache(maxsize=4)
def _finder(lex: Lexicon) -> DateFinder:
    return DateFinder(lex.numbers)


@dataclass
class _Draft:
    """A mention while the article is being read (mutable; frozen at the end)."""

    order: int
    kind: Ref | None = None
    date: DateValue | None = None
    date_text: str | None = None
    fields: dict = field(default_factory=dict)  # name -> value
    evidence: dict = field(default_factory=dict)  # name -> list[Evidence]
    statuses: set = field(default_factory=set)
    participants: dict = field(default_factory=dict)  # id -> Participant
    topics: dict = field(default_factory=dict)
    statements: list = field(default_factory=list)
    online_meeting: bool = False
    in_person_cue: bool = False

    def cite(self, name: str, ev: Evidence) -> None:
        bucket = self.evidence.setdefault(name, [])
        if ev not in bucket:
            bucket.append(ev)


@functools.lru_cache(maxsize=64)
def _table(entries: tuple[Entry, ...]):
    """One regex for a whole lexicon table (one pass per sentence, not one per entry).

    Each entry becomes a named group; the alternation lists longer forms first so
    the longest form at a position wins, as it would entry by entry.
    """
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
        pos = max(end, m.start() + 1)
    return hits


def extract(article: Article, lex: Lexicon) -> list[Mention]:
    finder = _finder(lex)
    cues = lex.cues
    drafts: list[_Draft] = []
    current: _Draft | None = None
    last_speaker: Ref | None = None
    previous_attached = False
    units = ((sentence, part) for sentence in article.sentences for part in _units(fold(sentence.text), lex, finder))
    for sentence, folded in units:
        ev = Evidence(article.seed, sentence.index, sentence.text)
        is_meeting = bool(cues["meeting"].search(folded))
        kinds = matches(lex.kinds, folded)
        kind = kinds[0][2].ref if kinds else None
        past = bool(cues["status"]["held"].search(folded))
        future = bool(cues["status"]["scheduled"].search(folded) or cues["status"]["announced"].search(folded))
        last_date = current.date.start() if current and current.date and current.date.year else None
        date, date_text = None, None
        found = finder.find(folded)
        # An absolute date beats a weekday or relative phrase in the same sentence.
        for item in sorted(found, key=lambda f: f.value is None):
            value = resolve(item, article.published, last_date, past, future)
            if value is None and item.value is not None and article.published is None:
                value = item.value  # no year and no dateline: anchored later by merging
            if value is not None:
                date, date_text = value, item.text
                break
        another = bool(cues["another"].search(folded))
        speaker = _speaker(folded, lex)
        continues_quote = previous_attached and speaker is None and bool(re.match(r"^[وف]?(?:اضاف|تابع)", folded))  # "وأضاف:" goes on
        attach: _Draft | None = None
        if is_meeting and (kind or date):
            if current and not (another and date is None) and _same(current, kind, date):
                attach = current
            else:
                attach = _Draft(order=len(drafts))
                drafts.append(attach)
        elif current and (is_meeting or continues_quote) and not another:
            attach = current
        if speaker is not None:
            last_speaker = speaker
        previous_attached = attach is not None
        if attach is None:
            continue
        current = attach
        if kind and attach.kind is None:
            attach.kind = kind
        if kind and attach.kind == kind:
            attach.cite("kind", ev)
        if date and (attach.date is None or (attach.date.precision == "month" and date.precision == "day")):
            attach.date, attach.date_text = date, date_text
        if date and _same_day(attach.date, date):
            attach.cite("date", ev)
        _read_fields(attach, folded, ev, lex, speaker or (last_speaker if continues_quote or _opens_with_speech(folded, lex) else None), sentence)
    return [_freeze(d, article) for d in drafts]


# Where one sentence may hold two meetings: "... في لندن يوم 5 مارس، فيما يجتمع ...".
UNIT_BREAK = re.compile(r"\s*(?:[،؛;]\s*(?:فيما|بينما|في حين|كما|و)?|\s(?:فيما|بينما|في حين)\s)\s*")


def _units(folded: str, lex: Lexicon, finder: DateFinder) -> list[str]:
    """The sentence, or its clauses when each names a meeting of its own kind and date."""
    parts = [p for p in UNIT_BREAK.split(folded) if p.strip()]
    if len(parts) < 2:
        return [folded]
    named = [bool(matches(lex.kinds, p)) and bool(finder.find(p)) for p in parts]
    if sum(named) < 2:
        return [folded]
    # Each meeting clause takes the clauses after it up to the next meeting clause.
    units: list[str] = []
    for part, is_meeting in zip(parts, named):
        if is_meeting or not units:
            units.append(part)
        else:
            units[-1] += "، " + part
    return units


def _same(current: _Draft, kind: Ref | None, date: DateValue | None) -> bool:
    if kind and current.kind and kind != current.kind:
        return False
    if date is None:
        return kind is not None and current.kind == kind
    if current.date is None:
        return kind is not None and current.kind == kind
    return _same_day(current.date, date)


def _same_day(a: DateValue | None, b: DateValue | None) -> bool:
    return a is not None and b is not None and (a.month, a.day) == (b.month, b.day) and (a.year is None or b.year is None or a.year == b.year)


def _speaker(folded: str, lex: Lexicon) -> Ref | None:
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


def _opens_with_speech(folded: str, lex: Lexicon) -> bool:
    verb = lex.cues["speech_verbs"].search(folded)
    return bool(verb and verb.start() < 8)


def _read_fields(d: _Draft, folded: str, ev: Evidence, lex: Lexicon, speaker: Ref | None, sentence: Sentence) -> None:
    cues = lex.cues
    # Place: a city or country right after في / ب / العاصمة or a meeting word.
    for start, _end, entry in matches(lex.cities, folded):
        if PLACE_LEAD.search(folded[:start]) and "city" not in d.fields:
            d.fields["city"] = entry
        if PLACE_LEAD.search(folded[:start]) and d.fields.get("city") == entry:
            d.cite("place", ev)
    for m in lex.country_in.finditer(folded):
        entry = lex.country_by_form[m.group("name")]
        d.fields.setdefault("countries", {}).setdefault(entry.ref.id, entry)
        d.cite("place", ev)
    for name in STATUS_ORDER:
        if cues["status"][name].search(folded):
            d.statuses.add(name)
            d.cite("status", ev)
    for _s, _e, entry in matches(lex.series, folded):
        d.fields.setdefault("series", entry.ref)
        d.cite("series", ev)
    # Host: a host verb next to an actor ("تخطط كييف لعقد", "تحالف الراغبين يخطط لعقد").
    verbs = [(m.start(), m.end()) for m in cues["host_verbs"].finditer(folded)]
    for start, end, entry in matches(lex.actors, folded):
        if "host" not in entry.extra.get("roles", ["host", "participant"]):
            continue
        if any(0 <= start - ve <= 3 or 0 <= vs - end <= 3 for vs, ve in verbs) and "host" not in d.fields:
            d.fields["host"] = entry.ref
            d.cite("host", ev)
    # Participants and attendance, clause by clause.
    for clause in CLAUSE.split(folded):
        online = bool(cues["attendance"]["online"].search(clause))
        in_person = bool(cues["attendance"]["in_person"].search(clause))
        people = [h for h in matches(lex.actors, clause) if "participant" in h[2].extra.get("roles", ["host", "participant"])]
        for _s, _e, entry in people:
            mode = "online" if online else "in_person" if in_person else None
            known = d.participants.get(entry.ref.id)
            if known is None or (known.mode is None and mode is not None):
                d.participants[entry.ref.id] = Participant(entry.ref, mode)
            d.cite("participants", ev)
            if mode:
                d.cite("attendance", ev)
        if online and not people and cues["meeting"].search(clause):
            d.online_meeting = True
            d.cite("attendance", ev)
        if in_person and not people and cues["meeting"].search(clause):
            d.in_person_cue = True
    count = _count(folded, lex)
    if count and "participant_count" not in d.fields:
        d.fields["participant_count"] = count
        d.cite("participant_count", ev)
    for _s, _e, entry in matches(lex.topics, folded):
        d.topics.setdefault(entry.ref.id, entry.ref)
        d.cite("topics", ev)
    if speaker is not None:
        quote = QUOTE.search(sentence.text)
        if quote:
            d.statements.append(Statement(speaker, quote.group(2).strip(), True, ev))
        elif THAT.search(folded):
            d.statements.append(Statement(speaker, sentence.text, False, ev))


def _count(folded: str, lex: Lexicon) -> tuple[int, str] | None:
    m = lex.cues["count"].search(folded)
    if m is None:
        return None
    n = m.group("n")
    return (int(n) if n.isdigit() else lex.cues["cardinals"][n], lex.cues["count_units_by_form"][m.group("unit")])


def _status(d: _Draft, article: Article) -> str:
    for name in ("cancelled", "postponed", "held"):
        if name in d.statuses:
            return name
    start = d.date.start() if d.date and d.date.year else None
    future = "scheduled" in d.statuses or "announced" in d.statuses
    if start and article.published and start < article.published and not future:
        return "held"
    if d.date is not None and d.date.precision == "day":
        return "scheduled"
    return "announced"


def _freeze(d: _Draft, article: Article) -> Mention:
    countries = d.fields.get("countries", {})
    city = d.fields.get("city")
    country = None
    if city is not None:
        country = Ref(city.extra["country"].lower(), "", "")
    elif len(countries) == 1:
        country = next(iter(countries.values())).ref
    evidence = {k: tuple(v) for k, v in d.evidence.items()}
    if "status" not in evidence and "date" in evidence:
        # No status word: the status follows from the date against the dateline.
        evidence["status"] = evidence["date"]
    return Mention(
        seed=article.seed,
        published=article.published,
        order=d.order,
        kind=d.kind,
        date=d.date,
        date_text=d.date_text,
        city=city.ref if city else None,
        country=country,
        status=_status(d, article),
        series=d.fields.get("series"),
        host=d.fields.get("host"),
        participants=tuple(d.participants.values()),
        participant_count=d.fields.get("participant_count"),
        topics=tuple(d.topics.values()),
        statements=tuple(d.statements),
        online=d.online_meeting,
        in_person=d.in_person_cue,
        evidence=evidence,
    )
