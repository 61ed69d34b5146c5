"""Extraction: one article in, the meetings it speaks of out (``Mention``s).

Pure functions over the article's sentences, in stages named for what they do:

1. ``segment``: blank an agency dateline; measure distance within a sentence.
2. ``triggers``: the meeting words (formats: summit, talks, visit ...), not a closed
   list of kinds.
3. ``when`` and ``dates``: the date expressions, resolved against the dateline; a
   report's own date is set apart.
4. ``where``: venues from the gazetteer, only in a venue's position.
5. each date, venue, level and body goes to the meeting word nearest it, so one
   sentence can hold several meetings; meeting words that share a date are one meeting.
6. sentences that speak of "the meeting" again add to the one just mentioned
   (``details``: participants, attendance, topics, statements).
7. in the article: a meeting named without a date joins the dated one it is the same
   as; meetings of one body share a venue the text gives once.
8. ``status``: from the words and from the date against the dateline.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from ..dates import DateFinder, resolve
from ..lexicon import Lexicon
from ..model import Article, DateValue, Evidence, Mention, Ref
from ..textnorm import fold
from . import details, segment, triggers, when, where
from .scan import matches
from .status import status

__all__ = ["extract", "matches"]

LEVEL_REACH = 130  # how far (in cost) a level phrase may stand from its meeting word
BODY_REACH = 120
PLACE_REACH = 140
DATE_REACH = 160
# "today": the article speaks of its dateline's day ("اليوم نفسه", "نفس اليوم": the same day, not today)
TODAY = re.compile(r"(?<!\w)(?<!نفس )(?<!ذات )[وف]?اليوم(?!\w)(?!\s+(?:نفسه|ذاته))")
# "تنطلق هنا", "استقبل ... في قصر الشاطئ", "بمقر رئاسة الجمهورية": the meeting is where
# the story is filed from (a palace, a seat or "here" with no city of its own named).
LOCAL = re.compile(r"(?<!\w)[وف]?(?:هنا|ها هنا)(?!\w)|(?<!\w)[وف]?(?:(?:في|داخل)\s+|ب)(?:قصر|مقر|ديوان)(?!\w)")
DATELINE_SENTENCES = 3  # a dateline opens one of the article's first sentences (after a headline)


@functools.lru_cache(maxsize=4)
def _finder(lex: Lexicon) -> DateFinder:
    return DateFinder(lex.numbers, lex.months, lex.weekdays)


@dataclass(eq=False)
class _Draft:
    """A meeting while the article is being read (mutable; frozen at the end)."""

    order: int
    kind: Ref | None = None
    generic: bool = True
    format: tuple | None = None  # (rank, format id) of the words that first name it (set by _new_draft)
    date: DateValue | None = None
    date_text: str | None = None
    previous: DateValue | None = None
    moved: bool = False
    fields: dict = field(default_factory=dict)  # name -> value
    evidence: dict = field(default_factory=dict)  # name -> list[Evidence]
    seen: set = field(default_factory=set)  # (name, sentence) already cited: de-duplication in O(1)
    words: set = field(default_factory=set)  # status cues met in its sentences
    participants: dict = field(default_factory=dict)  # id -> Participant
    topics: dict = field(default_factory=dict)
    statements: list = field(default_factory=list)
    online_meeting: bool = False
    in_person_cue: bool = False
    local: list = field(default_factory=list)  # sentences placing it "here" with no venue (Evidence)
    other: bool = False  # the next or the last of its kind ("قمتهم المقبلة"), or held on another's margin: never that one
    side: bool = False  # held on another's margin («على هامش القمة»): never merged with it, in any article

    def cite(self, name: str, ev: Evidence) -> None:
        if (name, ev.sentence) not in self.seen:
            self.seen.add((name, ev.sentence))
            self.evidence.setdefault(name, []).append(ev)


@dataclass
class _Group:
    """Meeting words of one sentence that speak of one meeting, with what they were given."""

    triggers: list
    date: object = None  # when.Dated
    venue: object = None  # where.Venue
    level: tuple | None = None  # (cost, Entry)
    body: tuple | None = None  # (cost, Entry)
    venue_cost: float = 1e9
    occasion: bool = False  # dated by the statement it coincides with
    lead: object = None  # the meeting word the date went to: its format is the meeting's
    back: bool = False  # speaks again of a meeting already named, with a day it is no longer on
    side_of: object = None  # the meeting (_Draft) on whose margin it is held


def _nearest(spans, anchors, folded, reach, later_only=frozenset()):
    """For each candidate span, the index of the anchor span nearest it (and the cost), within reach.

    ``anchors`` is never empty: it holds at least the sentence's meeting words (never in
    ``later_only``: the anchors that may only take a span standing after them)."""
    out = []
    for span in spans:
        best = min((segment.cost(folded, anchor, span), i) for i, anchor in enumerate(anchors) if i not in later_only or span[0] >= anchor[1])
        if best[0] <= reach:
            out.append((best[1], best[0]))
        else:
            out.append(None)
    return out


STATUS_CUES = ("cancelled", "postponed", "held", "scheduled", "announced")


def _words(folded: str, lex: Lexicon) -> set[str]:
    """The status cues of a sentence, and "future" (its tense) and "started" (under way)."""
    cues = lex.cues
    found = {name for name in STATUS_CUES if cues["status"][name].search(folded)}
    if cues["future"].search(folded):
        found.add("future")
    if cues["started"].search(folded):
        found.add("started")
    if cues["moved"].search(folded):
        found.add("moved")
    return found


def _tells_status(words: set[str]) -> bool:
    """Every cue but the tense says something of the meeting's status: the sentence is its evidence."""
    return bool(words - {"future"})


def extract(article: Article, lex: Lexicon) -> list[Mention]:
    finder = _finder(lex)
    drafts: list[_Draft] = []
    current: _Draft | None = None
    news_day: DateValue | None = None  # the day the article reports on ("اليوم", a report's date)
    # The last date the article gave, for "الشهر نفسه". Equivalent mutants: resolve() only
    # asks whether it is set, and "" is as unset as None.
    context = None  # pragma: no mutate
    last_speaker = None
    # Whether the sentence before went to a meeting ("وأضاف" goes on with it). Equivalent
    # mutants: the first sentence has no meeting to go on with and no speaker before it.
    previous_attached = False  # pragma: no mutate
    several: list[Evidence] = []  # sentences naming meetings together, none singled out
    filed_from = _filed_from(article, lex)
    for sentence in article.sentences:
        folded = segment.strip_dateline(fold(sentence.text))
        ev = Evidence(article.seed, sentence.index, sentence.text)
        found_triggers = triggers.find(folded, lex)
        spans = [(t.start, t.end) for t in found_triggers]
        words = _words(folded, lex)
        dated: list[when.Dated] = []
        for f in when.moves(finder.find(folded), folded, lex):
            last = current.date.start() if current and current.date and current.date.year else None
            # A date without a year in an article without a dateline keeps no year: merging
            # anchors it to another source's, or reports it.
            value = resolve(f, article.published, last, *when.tense_at(folded, f.start, f.end, lex), context=context)
            report = when.is_report(f, folded, lex, spans)
            dated.append(when.Dated(f, value, report))
            if value is not None and value.year is not None and value.precision == "day":
                context = value.start()
                if report or f.relative_days == 0:
                    news_day = DateValue(value.year, value.month, value.day)
        if news_day is None and article.published is not None and TODAY.search(folded):
            news_day = DateValue(article.published.year, article.published.month, article.published.day)
        speaker = details.speaker(folded, lex)
        continues_quote = previous_attached and speaker is None and bool(re.match(r"^[وف]?(?:اضاف|تابع)", folded.strip()))
        if speaker is not None:
            last_speaker = speaker
        who = speaker or (last_speaker if continues_quote or details.opens_with_speech(folded, lex) else None)
        if not found_triggers:
            attach = current if current and (lex.cues["meeting"].search(folded) or continues_quote) and not lex.cues["another"].search(folded) else None
            previous_attached = attach is not None
            if attach is not None:
                attach.words |= words
                if _tells_status(words):
                    attach.cite("status", ev)
                _durations(attach, folded, finder, ev)
                details.read(attach, folded, ev, lex, who, sentence)
            elif lex.cues["not_single"].search(folded) and any(not d.report and d.value is not None for d in dated):
                # "سلسلة اجتماعات مطلع يناير": dated meetings, but none singled out. Say so.
                several.append(ev)
            continue
        # "على هامش القمة، التقى الوزير نظيره": the summit is named as the occasion of
        # another meeting, which is held on its day and in its place, and is not it.
        host, found_triggers, margins = _margin(folded, found_triggers, drafts, current)
        passes = [(found_triggers, dated)]
        if margins:
            # The occasion is named here first ("على هامش المنتدى ... الذي تنطلق أعماله
            # اليوم"): it is read first, with the dates nearest its words.
            passes = list(zip((margins, found_triggers), _split_dates(folded, dated, margins, found_triggers)))
        touched = []
        for words_of_pass, dates_of_pass in passes:
            rivals = tuple((t.start, t.end) for t in (found_triggers if words_of_pass is margins else margins))
            for group in _groups(folded, words_of_pass, dates_of_pass, lex, rivals):
                group.side_of = host
                draft = _place_group(group, drafts, current, folded, words, news_day, lex, article.published)
                _fill(draft, group, ev, words)
                if host is not None and draft is not host:
                    draft.other = True  # never the occasion itself, dated or not
                    draft.side = True
                    _beside(draft, host, ev)
                if group.venue is None and LOCAL.search(folded):
                    draft.local.append(ev)
                touched.append(draft)
            if margins and host is None and touched:
                host = touched[-1]
                _durations(host, folded, finder, ev)
        for draft in dict.fromkeys(touched):
            if host is None or draft is host:  # how long the occasion lasts is not said of what is held on its margin
                _durations(draft, folded, finder, ev)
        if touched:
            current = touched[-1]
            if words & {"postponed", "moved"} or any(when.INSTEAD_OF.search(folded, endpos=x.found.start) or when.was_set(x.found, folded) for x in dated):
                _moved(current, dated, folded, "cancelled" in words)
            # Participants, topics and statements of a sentence that holds several
            # meetings go to the last one named (where the sentence's subject usually is).
            details.read(current, folded, ev, lex, who, sentence)
        previous_attached = bool(touched)
    drafts = _within_article(drafts)
    if filed_from is not None:
        for d in drafts:
            _held_here(d, *filed_from)
    leftovers = [Mention(seed=article.seed, published=article.published, order=len(drafts) + i, kind=None, date=None, date_text=None,
                         evidence={"kind": (ev,)}, several=True) for i, ev in enumerate(several)]
    return [_freeze(d, article) for d in drafts] + leftovers


# "على هامش القمة", "على هامش أعمال المؤتمر", "على هامش مشاركته في القمة": the meeting
# word after it names the occasion, not the meeting the sentence reports.
MARGIN = re.compile(r"(?<!\w)[وف]?(?:علي\s+)?هامش\s+(?:(?:اعمال|انعقاد|فعاليات|اشغال|مشاركته|مشاركتها|مشاركتهم|مشاركة\s+\S+|حضوره|في)\s+){0,2}$")


def _margin(folded: str, found_triggers: list, drafts: list[_Draft], current: _Draft | None) -> tuple[_Draft | None, list, list]:
    """The meeting named as the occasion («على هامش القمة») of another meeting word in the
    sentence, the sentence's other meeting words, and the occasion's words if the article
    names it here first. With no other meeting word, nothing changes."""
    margins = [t for t in found_triggers if MARGIN.search(folded, endpos=t.start)]
    rest = [t for t in found_triggers if t not in margins]
    if not margins or not rest:
        return None, found_triggers, []
    # A meeting the article has named: the newest of its format, else the one just named.
    fmt = margins[0].format.id
    host = next((d for d in reversed(drafts) if d.format and d.format[1] == fmt), current)
    if host is None or host.date is None:
        return None, rest, margins
    return host, rest, []


def _split_dates(folded: str, dated: list, first: list, second: list) -> tuple[list, list]:
    """The sentence's dates for two sets of meeting words: each meeting date to the set of
    the word nearest it (reports and unresolved dates to both: they date no meeting)."""
    mine, theirs = [], []
    opening = MARGIN.search(folded, endpos=first[0].start).start()  # where «على هامش» stands
    for d in dated:
        if d.report or d.value is None:  # pragma: no mutate (equivalent: _groups dates no meeting with these)
            mine.append(d)
            theirs.append(d)
            continue
        near = lambda ts: min(segment.cost(folded, (t.start, t.end), (d.found.start, d.found.end)) for t in ts)  # noqa: E731 (neither set is empty)
        # "التقى الوزير نظيره يوم الأحد على هامش المنتدى": a date between a meeting word and
        # the «على هامش» of its occasion is that meeting's.
        # Equivalent mutants of <= and <: a date never touches a word, and a tie of costs is two spans at one place.
        before_margin = d.found.end <= opening and any(t.end <= d.found.start for t in second)  # pragma: no mutate
        (mine if near(first) <= near(second) and not before_margin else theirs).append(d)  # pragma: no mutate
    return mine, theirs


def _beside(d: _Draft, host: _Draft, ev: Evidence) -> None:
    """A meeting on another's margin: its day and place, where it gives none of its own.
    An occasion of several days does not say which of them."""
    if d.date is None and host.date is not None and host.date.end_day is None:
        d.date, d.date_text = host.date, host.date_text
        d.cite("date", ev)
    if "city" not in d.fields and d.fields.get("country") in (None, host.fields.get("country")):
        for key in ("city", "country"):
            if key in host.fields:
                d.fields[key] = host.fields[key]
                for e in (*host.evidence.get("place", ()), ev):  # pragma: no mutate (a placed draft always cites its place)
                    d.cite("place", e)


def _filed_from(article: Article, lex: Lexicon) -> tuple[where.Venue, Evidence] | None:
    """The place of the article's dateline ("الرياض - ...") and its sentence, if one of
    its first sentences opens with one."""
    for sentence in article.sentences[:DATELINE_SENTENCES]:
        venue = where.dateline(fold(sentence.text), lex)
        if venue is not None:
            return venue, Evidence(article.seed, sentence.index, sentence.text)
    return None


def _held_here(d: _Draft, venue: where.Venue, ev: Evidence) -> None:
    """A meeting the text places "هنا" (or at a palace or seat it does not locate) with no
    city of its own is held where the story is filed from, if that is in its country."""
    if not d.local or "city" in d.fields or d.fields.get("country") not in (None, venue.country):
        return
    if venue.city is not None:
        d.fields["city"] = Ref(venue.city.id, venue.city.ar, venue.city.en)
    d.fields["country"] = venue.country
    for e in (ev, *d.local):
        d.cite("place", e)


def _named_as_subject(folded: str, start: int, lex: Lexicon) -> bool:
    """The word at ``start`` follows one of the two words before it that make it a subject
    ("لبحث الاتفاق", "لمتابعة تطبيق اتفاق", "بشأن الهجوم")."""
    before = folded[max(0, start - 40) : start].split()[-2:]
    return lex.cues["about"].search(" ".join(before)) is not None


def _groups(folded: str, found_triggers, dated, lex: Lexicon, rivals: tuple = ()) -> list[_Group]:
    """Give every date, venue, level and body to its nearest meeting word; fuse words into meetings.
    ``rivals``: spans of the sentence's other meeting words, read apart (an occasion and what
    is held on its margin): a venue, level or body nearest one of them is not given here
    (the dates were shared out before: _split_dates)."""
    meeting_dates = [d for d in dated if not d.report and d.value is not None]
    # Other events ("a phone call on Friday") compete for the dates as meeting words do.
    spans = [(t.start, t.end) for t in found_triggers]
    others = [m.span() for rx in (lex.cues["other_events"], lex.cues["by_phone"]) for m in rx.finditer(folded)]
    anchors = spans + others
    # An event named as what a meeting is about ("لبحث تطبيق اتفاق ...") takes no date before it.
    about = frozenset(len(spans) + j for j, (start, _) in enumerate(others) if _named_as_subject(folded, start, lex))
    date_owner = _nearest([(d.found.start, d.found.end) for d in meeting_dates], anchors, folded, DATE_REACH, about)
    # Each meeting word takes the nearest of the dates given to it.
    chosen: dict[int, tuple[float, when.Dated]] = {}
    for d, owner in zip(meeting_dates, date_owner):
        if owner is None or owner[0] >= len(found_triggers):
            continue
        i, c = owner
        if i not in chosen or c < chosen[i][0]:
            chosen[i] = (c, d)
    # Postponed to a new date: the date after "إلى" is the meeting's; the other, its previous one.
    venues = where.find(folded, lex, spans)
    venue_of: dict[int, tuple[float, where.Venue]] = {}  # trigger index -> its nearest venue
    offered: dict[int, list[tuple[float, int, where.Venue]]] = {}  # (cost, where it stands, venue)
    for v in venues:
        owner = _venue_owner(v, spans + list(rivals), folded)
        if owner is not None and owner[0] < len(spans):
            offered.setdefault(owner[0], []).append((owner[1], v.start, v))
    for i, options in offered.items():
        venue_of[i] = _refined(options)
    groups: list[_Group] = []
    by_date: dict = {}
    group_of: dict[int, _Group] = {}
    for i, t in enumerate(found_triggers):
        if i in chosen:
            key = _day_key(chosen[i][1])
            if key not in by_date:
                by_date[key] = _Group([], date=chosen[i][1], lead=t)
                groups.append(by_date[key])
            by_date[key].triggers.append(t)
            group_of[i] = by_date[key]
    loose: _Group | None = None
    for i, t in enumerate(found_triggers):
        if i in chosen:
            continue
        own = venue_of.get(i)
        # A meeting word without a date joins the nearest dated meeting of the sentence,
        # unless it has a venue of its own that differs ("آخر قمة بالجزائر ... قمة الرياض").
        fits = [g for g in groups if g is not loose and not (own and any(j in venue_of and group_of.get(j) is g and _differs(venue_of[j][1], own[1]) for j in venue_of))]
        if fits:
            g = min(fits, key=lambda g: min(segment.cost(folded, (t.start, t.end), (u.start, u.end)) for u in g.triggers))
        elif own and loose is not None and any(j in venue_of and group_of.get(j) is loose and _differs(venue_of[j][1], own[1]) for j in venue_of):
            g = _Group([])
            groups.append(g)
        else:
            if loose is None:
                loose = _Group([])
                groups.append(loose)
            g = loose
        g.triggers.append(t)
        group_of[i] = g
    for g in groups:
        g.triggers.sort(key=lambda t: t.start)
    for i, (c, v) in venue_of.items():
        g = group_of[i]
        if c < g.venue_cost:
            g.venue, g.venue_cost = v, c
    owners = [(g, t) for g in groups for t in g.triggers]
    flat = [(t.start, t.end) for _g, t in owners]
    kinds = matches(lex.kinds, folded)
    levels = sorted([h for h in kinds if not h[2].extra.get("generic")] + _counterparts(folded, lex), key=lambda h: h[0])
    formats = [h for h in kinds if h[2].extra.get("generic")]
    # A level (who meets) beats a format phrase ("اجتماع رفيع المستوى"); the format names
    # the kind only where no level stands near. "الأمين العام لحلف الناتو" names a
    # person's office, not the meeting's body.
    for hits_all, attr, reach in ((levels, "level", LEVEL_REACH), (formats, "level", LEVEL_REACH), (_series_hits(folded, lex), "body", BODY_REACH)):
        hits = [h for h in _heads(hits_all, folded) if not TITLE_BEFORE.search(folded, endpos=h[0])]
        for (s, e, entry), owner in zip(hits, _nearest([(s, e) for s, e, _x in hits], flat + list(rivals), folded, reach)):
            if owner is not None and owner[0] < len(flat):
                g = owners[owner[0]][0]
                current_best = getattr(g, attr)
                if current_best is not None and hits_all is formats and not current_best[1].extra.get("generic"):
                    continue
                if current_best is None or owner[1] < current_best[0]:
                    setattr(g, attr, (owner[1], entry))
    # "في 25 آذار و22 نيسان، و20 أيار": a list of days after one meeting word is one meeting a day.
    owned = {id(d) for _c, d in chosen.values()}
    for i, (_c, first) in list(chosen.items()):
        base = group_of[i]
        for mate in _chained(first, [d for d in meeting_dates if id(d) not in owned or d is first], folded):
            if _day_key(mate) not in by_date:
                by_date[_day_key(mate)] = replace(base, date=mate)  # its meeting words are final: sharing them is safe
                groups.append(by_date[_day_key(mate)])
    return groups


@functools.lru_cache(maxsize=4)
def _counterpart_table(lex: Lexicon) -> tuple:
    """The levels that name one office-holder (kinds.yml `counterparts`), as a lexicon table."""
    from ..lexicon import Entry
    from ..textnorm import word_pattern

    return tuple(Entry(e.ref, re.compile(word_pattern(e.extra["counterparts"])), e.extra) for e in lex.kinds if e.extra.get("counterparts"))


# "نظيره", "نظيرته", "نظيريه", "بنظيرها": the counterpart of whoever the clause names.
COUNTERPART = re.compile(r"(?<!\w)[وف]?[بل]?نظير(?:ه|ته|يه|ها|تها|هم|يهم)?(?!\w)")
COUNTERPART_REACH = 80


def _counterparts(folded: str, lex: Lexicon) -> list[tuple[int, int, object]]:
    """"التقى وزير الخارجية السعودي نظيره الإيراني": one minister and his counterpart in
    one clause are a meeting of that level; "وزير الخارجية" alone names a person."""
    out = []
    for s, e, entry in matches(_counterpart_table(lex), folded):
        after = CLAUSE_SPLIT.split(folded[e:e + COUNTERPART_REACH])[0]
        if COUNTERPART.search(after):
            out.append((s, e, lex.by_id("kinds")[entry.ref.id]))
    return out


CLAUSE_SPLIT = re.compile(r"[،,؛;:.]")


# "تستهل جولته بالقاهرة، حيث يلتقي نظيره": the place before "حيث" ("where") is the
# venue of what the clause it opens tells.
WHERE_CLAUSE = re.compile(r"\s*[،,]?\s*حيث(?!\w)")


def _venue_owner(v, spans, folded: str) -> tuple[int, float] | None:
    """The meeting word a venue goes to (index, cost), as _nearest, but across "، حيث"
    into the clause it opens without the weight of a clause boundary."""
    where_clause = WHERE_CLAUSE.match(folded, v.end)
    best = None
    for i, span in enumerate(spans):
        c = segment.cost(folded, span, (v.start, v.end))
        if where_clause and span[0] >= where_clause.end() and not segment.STRONG_BREAK.search(folded, where_clause.end(), span[0]):
            c = segment.cost(folded[:v.end] + " " * (where_clause.end() - v.end) + folded[where_clause.end():], span, (v.start, v.end))
        if best is None or c < best[1]:
            best = (i, c)
    return best if best is not None and best[1] <= PLACE_REACH else None


NEXT_WORD = re.compile(r"\s+(\S+)")


def _series_hits(folded: str, lex: Lexicon) -> list:
    """The bodies named in the sentence; a form followed by one of its `not_before` words
    names another body ("مجلس الأمن القومي" is a country's, not the UN's)."""
    out = []
    for s, e, entry in matches(lex.series, folded):
        after = NEXT_WORD.match(folded, e)
        if after and after.group(1) in _not_before(entry):
            continue
        out.append((s, e, entry))
    return out


@functools.lru_cache(maxsize=64)
def _not_before(entry) -> frozenset:
    return frozenset(fold(w) for w in entry.extra.get("not_before", ()))


def _day_key(d: when.Dated) -> tuple:
    """Meeting words given one day are one meeting; one given "اليوم نفسه" is another
    meeting on the day just named ("يلتقي ... الثلاثاء، بينما يجتمع ... في اليوم نفسه")."""
    # Equivalent mutant of the condition: words given one Found share its start anyway.
    return (d.value, d.found.start if d.found.same_day else None)  # pragma: no mutate


def _refined(options: list[tuple[float, int, where.Venue]]) -> tuple[float, where.Venue]:
    """The nearest venue, or a city of it where it is a country ("تحتضن الجزائر ... المؤتمر
    ... بوهران": the host country, then the city in it). Of two at one cost, the first."""
    cost, _at, venue = min(options)  # venues never share a start: never compared themselves
    cities = [o for o in options if o[2].city is not None and o[2].country == venue.country]
    if venue.city is None and cities:
        cost, _at, venue = min(cities)
    return cost, venue


LIST_GLUE = re.compile(r"^[\s،,]*و?\s*$")


def _chained(first: when.Dated, dates, folded: str) -> list[when.Dated]:
    """The dates that follow ``first`` as a list ("X و Y، و Z"), each a day of its own."""
    out, last = [], first
    for d in sorted(dates, key=lambda d: d.found.start):
        if d.value == first.value:  # first itself, or its day named again
            continue
        if d.found.start == last.found.start or (d.found.start >= last.found.end and LIST_GLUE.match(folded[last.found.end:d.found.start])):
            if d.value.precision == "day" and first.value.precision == "day":
                out.append(d)
                last = d
    return out


# For the body a meeting belongs to, a representative's office counts too ("ممثل الاتحاد").
TITLE_BEFORE = details.office_before((*details.OFFICES, "ممثل"))


def _heads(hits, folded: str):
    """"مستشاري الأمن القومي لقادة الدول": of two levels joined by "of", the first is the one meeting."""
    out = []
    for hit in hits:
        if out and not folded[out[-1][1]:hit[0]].strip() and folded.startswith("ل", hit[0]):
            continue
        out.append(hit)
    return out


def _differs(a: where.Venue, b: where.Venue) -> bool:
    if a.city is not None and b.city is not None:
        return a.city.id != b.city.id
    return a.country != b.country


def _kind_of(group: _Group, lex: Lexicon) -> tuple[Ref, bool]:
    """The level given to the group or, where none is, the kind of its most telling meeting word."""
    entry = group.level[1] if group.level is not None else lex.kind(min(group.triggers, key=lambda t: t.rank).format.kind)
    return entry.ref, bool(entry.extra.get("generic"))


def _compatible_kind(a: _Draft, kind: Ref, generic: bool) -> bool:
    """A generic kind (talks, a meeting) fits any level; two levels fit only if the same."""
    return a.kind == kind or a.generic or generic


def _compatible_body(a: _Draft, group: _Group) -> bool:
    """NATO's and the EU's defence ministers meeting in Brussels on one day are two meetings."""
    mine = a.fields.get("series")
    return mine is None or group.body is None or group.body[1].ref == mine


def _compatible_place(a: _Draft, venue) -> bool:
    if venue is None:
        return True
    city, country = a.fields.get("city"), a.fields.get("country")
    if city is not None and venue.city is not None and city.id != venue.city.id:
        return False
    return not (country and venue.country and country != venue.country)


def _place_group(group: _Group, drafts: list[_Draft], current, folded, words, news_day, lex, published) -> _Draft:
    """The draft a sentence's meeting belongs to: the current one, an earlier one, or a new one."""
    kind, generic = _kind_of(group, lex)
    date = group.date.value if group.date else None
    if date is None and news_day is not None and "future" not in words:
        # "جاءت تصريحاته تزامنًا مع اجتماع ...": the meeting of the statement's day.
        first = group.triggers[0].start
        # "خلال اتصال هاتفي على اللقاء": the occasion of another event (a call) is not the meeting's.
        occasion = [m for m in lex.cues["same_occasion"].finditer(folded, endpos=first) if first - m.end() <= 25
                    and not any(rx.search(folded, m.end(), first) for rx in (lex.cues["other_events"], lex.cues["by_phone"]))]
        if occasion:
            date = news_day
            group.occasion = True
    recent = [d for d in ([current] if current else []) + drafts[::-1] if d is not group.side_of]  # the meeting just named first, then the newest
    if date is not None:
        # A dated group joins a draft of its own day (the meeting just named first), or opens one.
        for d in recent:
            if _same_day(d.date, date) and _compatible_kind(d, kind, generic) and _compatible_place(d, group.venue) and _compatible_body(d, group):
                return _adopt(d, kind, generic)
        # "هذه الزيارة التي كانت مقررة في مارس": the meeting already named, on a day it has left.
        if any(_names_again(folded, t) for t in group.triggers):
            for d in recent:
                if d.date is not None and _compatible_kind(d, kind, generic) and _compatible_place(d, group.venue) and _compatible_body(d, group):
                    group.back = True
                    return _adopt(d, kind, generic)
        return _adopt(_new_draft(drafts, group, date), kind, generic)
    # No date in the sentence: "the meeting" again, or a meeting named before its date is.
    definite = any(_refers_back(folded[t.start:t.end], t) for t in group.triggers)
    refers_back = definite or group.venue is None
    other = current is not None and any(_other_than(current, folded, t.end, published) for t in group.triggers)
    if current is not None and current is not group.side_of and refers_back and not other and not lex.cues["another"].search(folded) and _compatible_kind(current, kind, generic) and _compatible_place(current, group.venue):
        return _adopt(current, kind, generic)
    d = _new_draft(drafts, group, None)
    d.other = other
    return _adopt(d, kind, generic)


# "قمتهم الحضورية المقبلة", "الدورة السابقة" (an adjective may stand between).
NEXT_ONE = re.compile(r"\s+(?:\S+\s+)?(?:ال)?(?:مقبلة|مقبل|قادمة|قادم|تالية|تالي)(?!\w)")
LAST_ONE = re.compile(r"\s+(?:\S+\s+)?(?:ال)?(?:سابقة|سابق|ماضية|ماضي)(?!\w)")


def _other_than(current: _Draft, folded: str, end: int, published) -> bool:
    """Whether the meeting word names the next meeting of its kind after one held (or the
    last before one to come): not the meeting in hand. "القمة المقبلة" of a summit still
    ahead is that summit."""
    if current.date is None or current.date.year is None or published is None:
        return False
    start = current.date.start()
    return bool((NEXT_ONE.match(folded, end) and start <= published) or (LAST_ONE.match(folded, end) and start >= published))


# "هذه القمة", "تلك الزيارة": a demonstrative before the meeting word points back.
DEMONSTRATIVE = re.compile(r"(?<!\w)[وف]?(?:هذه|هذا|تلك|ذلك|هاته)\s+$")
# "الزيارة التي كانت مقررة ...": the day a meeting was set for, told of the meeting in hand.
WAS_SET_AFTER = re.compile(r"\s+(?:التي|الذي)\s+(?:كانت|كان)\s+(?:من\s+)?(?:ال)?(?:مقرر|مقررا|مقررة)(?!\w)")


def _names_again(folded: str, t) -> bool:
    """Whether the meeting word speaks again of a meeting already named (a demonstrative
    before it, or a definite word followed by the day it "was set for")."""
    if DEMONSTRATIVE.search(folded, endpos=t.start):
        return True
    word = folded[t.start:t.end]
    return word not in t.format.verbs and _refers_back(word, t) and bool(WAS_SET_AFTER.match(folded, t.end))


def _new_draft(drafts: list[_Draft], group: _Group, date: DateValue | None) -> _Draft:
    """A meeting first named by ``group``: its format is that of the words that name it
    ("القمة ... اجتماع": a summit); later sentences' words ("محادثات السلام") speak of
    other things as often as of it."""
    lead = group.lead or min(group.triggers, key=lambda t: t.rank)
    d = _Draft(order=len(drafts), format=(lead.rank, lead.format.id), date=date, date_text=group.date.found.text if group.date else None)
    drafts.append(d)
    return d


def _refers_back(word: str, t) -> bool:
    """"الاجتماع", "للقمة" or a verb speak of a meeting in hand; "اجتماع كييف" may name a new one."""
    bare = word[1:] if word.startswith(("و", "ف")) else word  # no meeting word starts with و or ف
    return bare.startswith(("ال", "لل", "بال", "كال")) or bare in t.format.verbs or word in t.format.verbs


def _adopt(d: _Draft, kind: Ref, generic: bool) -> _Draft:
    """The draft takes the kind of a group it gets, unless it has a level and the group only a format."""
    if d.kind is None or (d.generic and not generic):
        d.kind, d.generic = kind, generic
    return d


def _fill(d: _Draft, group: _Group, ev: Evidence, words: set[str]) -> None:
    d.words |= words
    if group.level is not None or not d.evidence.get("kind"):
        d.cite("kind", ev)
    if _tells_status(words):
        d.cite("status", ev)
    if group.back:
        _left(d, group.date.value, words)
    if group.date is not None or group.occasion:  # the draft is of that day (_place_group), or of the day it left
        d.cite("date", ev)
    v = group.venue
    if v is not None:
        # The venue fits the draft (_place_group checked it): it can only add the city.
        if v.city is not None:
            d.fields["city"] = Ref(v.city.id, v.city.ar, v.city.en)
        d.fields["country"] = v.country
        d.cite("place", ev)
    if group.body is not None and "series" not in d.fields:
        d.fields["series"] = group.body[1].ref
    if group.body is not None and d.fields.get("series") == group.body[1].ref:
        d.cite("series", ev)


def _left(d: _Draft, old: DateValue, words: set[str]) -> None:
    """A meeting named again with a day it is no longer on: put off from it to the day
    it has, which is kept; that day (not a month) is where it moved from."""
    # Only a postponement makes the status (a move alone never says "postponed").
    if "postponed" in words:
        d.moved = True
    if d.previous is None and old.precision == "day":  # the first day it is said to have left
        d.previous = old


def _moved(d: _Draft, dated, folded: str, cancelled: bool) -> None:
    """"أُجّلت القمة التي كانت مقررة الخميس 20 فبراير إلى الجمعة 21 فبراير": the day after
    "إلى" is the meeting's; the other is kept as its previous day. "بدلا من الخميس", "كان
    مقررا يوم الخميس": that day is the previous one, another the meeting's. A postponement to a
    named day is a meeting on that day, whether or not the text gives the old one."""
    days = [x for x in dated if not x.report and x.value is not None and x.value.precision == "day"]
    new = [x for x in days if when.NEW_DAY.search(folded, endpos=x.found.start)]
    instead = [x for x in days if when.INSTEAD_OF.search(folded, endpos=x.found.start)]
    if not new and instead:
        new = [x for x in days if x not in instead]
    # "كان مقررا يوم 5 مارس، وتقرر عقده يوم 15 مارس": a day after the one it was set for
    # (not in a cancellation: "ألغيت المحادثات التي كان مقررا عقدها الجمعة").
    before = [x for x in days if when.was_set(x.found, folded)]
    if not new and before and not cancelled:
        new = [x for x in days if x.found.start > before[0].found.start]
    if new:
        d.date, d.date_text, d.moved = new[0].value, new[0].found.text, True
        old = [x for x in days if x.value not in {n.value for n in new}]  # a day named twice is no move
        if old:
            d.previous = old[0].value


def _durations(d: _Draft, folded: str, finder: DateFinder, ev: Evidence) -> None:
    """"تستمر على مدى يومين", "وتستمر حتى الجمعة": a one-day meeting spans those days."""
    if d.date is None or d.date.year is None or d.date.precision != "day" or d.date.end_day is not None:
        return
    import datetime as dt

    start = d.date.start()
    spans = [days for _s, _e, days in finder.durations(folded)]
    spans += [(wd - start.weekday()) % 7 + 1 for wd in finder.until(folded)]  # up to the next such weekday
    for days in spans:
        if days > 1:
            end = start + dt.timedelta(days=days - 1)
            d.date = DateValue(d.date.year, d.date.month, d.date.day, end_day=end.day,
                               end_month=end.month if end.month != d.date.month else None, end_year=end.year if end.year != d.date.year else None)
            d.cite("date", ev)
            return


def _same_day(a: DateValue | None, b: DateValue | None) -> bool:
    return a is not None and b is not None and (a.month, a.day) == (b.month, b.day) and (a.year is None or b.year is None or a.year == b.year)


def _within_article(drafts: list[_Draft]) -> list[_Draft]:
    """Meetings named without a date join the dated one they are; one body's meetings share a venue."""
    dated = [d for d in drafts if d.date is not None]
    out = list(dated) + [d for d in drafts if d.date is None and d.other]
    for u in (d for d in drafts if d.date is None and not d.other):
        # It must share something positive with the dated one: its venue, its body or its level.
        fits = [d for d in dated if _compatible_kind(d, u.kind, u.generic) and _same_body(d, u) and _places_agree(d, u) and _shares(d, u)]
        # The closest fit: the same level or format counts most, then the body, then the place.
        best = max((_closeness(d, u) for d in fits), default=None)
        fits = [d for d in fits if _closeness(d, u) == best]
        if len(fits) == 1:
            _absorb(fits[0], u)
        else:
            out.append(u)
    for d in dated:
        if "country" in d.fields or not d.fields.get("series"):
            continue
        same = [o for o in drafts if o is not d and o.fields.get("series") == d.fields["series"] and "country" in o.fields]
        places = {(o.fields.get("city").id if o.fields.get("city") else None, o.fields["country"]) for o in same}
        if len(places) == 1:
            donor = same[0]
            for key in ("city", "country"):
                if key in donor.fields:
                    d.fields[key] = donor.fields[key]
            for e in donor.evidence["place"]:  # whatever gave it a country cited the place
                d.cite("place", e)
    return sorted(out, key=lambda d: d.order)


def _closeness(a: _Draft, b: _Draft) -> tuple:
    """Compared in order: the same kind, then the same body, then how much of the place.

    ``a`` already agrees with ``b`` wherever both give a body or a place (see
    _within_article), so both giving one is giving the same."""
    same = lambda key: key in a.fields and key in b.fields  # noqa: E731
    return (a.kind == b.kind, same("series"), same("city") + same("country"))


def _shares(a: _Draft, b: _Draft) -> bool:
    """Whether the dated ``a`` and the undated ``b`` have something positive in common."""
    for key in ("country", "series"):  # the same city is the same country
        if a.fields.get(key) is not None and a.fields.get(key) == b.fields.get(key):
            return True
    # "يعقد وزراء الزراعة اجتماعهم الأسبوع الجاري في الخرطوم ... أن الاجتماع سيعقد الأربعاء":
    # a meeting of a level named first, then dated as "the meeting" (a format only).
    return (a.kind == b.kind and not a.generic) or (a.generic and not b.generic and b.kind is not None)


def _same_body(a: _Draft, b: _Draft) -> bool:
    x, y = a.fields.get("series"), b.fields.get("series")
    return x is None or y is None or x == y


def _places_agree(a: _Draft, b: _Draft) -> bool:
    for key in ("city", "country"):
        x, y = a.fields.get(key), b.fields.get(key)
        if x is not None and y is not None and x != y:
            return False
    return True


def _absorb(d: _Draft, u: _Draft) -> None:
    for key, value in u.fields.items():
        d.fields.setdefault(key, value)
    if d.generic and not u.generic and u.kind is not None:
        d.kind, d.generic = u.kind, u.generic
    for name, evs in u.evidence.items():
        for e in evs:
            d.cite(name, e)
    d.words |= u.words
    for pid, p in u.participants.items():
        d.participants.setdefault(pid, p)
    for tid, t in u.topics.items():
        d.topics.setdefault(tid, t)
    d.statements.extend(s for s in u.statements if s not in d.statements)
    d.online_meeting |= u.online_meeting
    d.in_person_cue |= u.in_person_cue


def _freeze(d: _Draft, article: Article) -> Mention:
    city = d.fields.get("city")
    code = d.fields.get("country")
    # Only the code: merging compares and writes it upper-cased and never reads the names
    # (the record takes them from the lexicon), so changing the case or the names is equivalent.
    country = Ref(code.lower(), "", "") if code else None  # pragma: no mutate
    evidence = {k: tuple(sorted(v, key=lambda e: e.sentence)) for k, v in d.evidence.items()}
    if "status" not in evidence:
        # The status follows from the date against the dateline, or from the verbs of its sentences.
        evidence["status"] = evidence.get("date", evidence["kind"])  # every draft cites its kind (_fill)
    return Mention(
        seed=article.seed,
        published=article.published,
        order=d.order,
        kind=d.kind,
        date=d.date,
        date_text=d.date_text,
        city=city,
        country=country,
        status=status(d.words, d.date, article.published, d.moved),
        previous=d.previous,
        kind_generic=d.generic,
        format=d.format[1],  # every draft is made from a group of meeting words
        series=d.fields.get("series"),
        host=d.fields.get("host"),
        participants=tuple(d.participants.values()),
        participant_count=d.fields.get("participant_count"),
        topics=tuple(d.topics.values()),
        statements=tuple(d.statements),
        online=d.online_meeting,
        in_person=d.in_person_cue,
        side=d.side,
        evidence=evidence,
    )
