"""The lexicon: what the extractor knows, loaded from data files and from CLDR.

Kinds, cities, actors, people, series, topics and cue words live in YAML under
``generator/lexicon/`` and are validated against ``schema/lexicon.schema.json``.
Country, month and weekday names come from CLDR through Babel.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale

from . import yamlio
from .errors import GeneratorError, Problem
from .model import Ref
from .textnorm import fold, word_pattern

LEXICON_DIR = Path(__file__).parent / "lexicon"
SCHEMA_PATH = Path(__file__).parent / "schema" / "lexicon.schema.json"
FILES = ("kinds", "formats", "cities", "actors", "people", "series", "topics", "cues", "numbers")


# eq=False: hashed by identity, so a loaded lexicon can key caches.
class LazyPattern:
    """A regex compiled when first used: ``re.compile`` is pure Python and the lexicon's
    250 country patterns cost every build a seventieth of a second, though extraction
    finds countries through one joined pattern (``country_in``) and a table of forms."""

    __slots__ = ("pattern", "_compiled")

    def __init__(self, source: str) -> None:
        self.pattern = source
        self._compiled: re.Pattern | None = None

    def _rx(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern)
        return self._compiled

    def match(self, *args):
        return self._rx().match(*args)

    def search(self, *args):
        return self._rx().search(*args)

    def finditer(self, *args):
        return self._rx().finditer(*args)


@dataclass(frozen=True, eq=False)
class Entry:
    ref: Ref
    pattern: re.Pattern | LazyPattern
    extra: dict  # the rest of the entry (country, role, meeting titles, roles)


@dataclass(frozen=True, eq=False)
class Lexicon:
    kinds: tuple[Entry, ...]
    cities: tuple[Entry, ...]
    actors: tuple[Entry, ...]
    people: tuple[Entry, ...]
    series: tuple[Entry, ...]
    topics: tuple[Entry, ...]
    countries: tuple[Entry, ...]
    country_in: re.Pattern  # "في <country>" / "داخل <country>", group "name" a folded country name
    country_by_form: dict  # folded country name -> Entry
    cues: dict  # name -> compiled pattern (status/attendance per value)
    numbers: dict
    formats: tuple = ()  # Format entries: what makes a sentence speak of a meeting
    places: object = None  # gazetteer.Gazetteer: GeoNames cities, the lexicon's, their coordinates
    # CLDR's Arabic month and weekday names (folded name -> number), read here once: the
    # lexicon is cached whole, and reading them from Babel's ~30 Arabic locales cost a
    # build that extracts one article 16 ms.
    months: dict = field(default_factory=dict)
    weekdays: dict = field(default_factory=dict)

    def kind(self, kind_id: str) -> Entry:
        return _by_id(self.kinds)[kind_id]

    def by_id(self, table: str) -> dict[str, Entry]:
        return _by_id(getattr(self, table))


@functools.lru_cache(maxsize=None)
def _by_id(entries):
    return {e.ref.id: e for e in entries}


def _entries(items, forms_key="forms", name=lambda i: (i["ar"], i["en"])) -> tuple[Entry, ...]:
    out = []
    for item in items:
        ar, en = name(item)
        extra = {k: v for k, v in item.items() if k not in ("id", "ar", "en", forms_key)}
        out.append(Entry(Ref(item["id"], ar, en), re.compile(word_pattern(item[forms_key])), extra))
    return tuple(out)


@dataclass(frozen=True, eq=False)
class Format:
    """A meeting format ("summit", "talks", "visit"): the words that name one."""

    id: str
    kind: str  # the record's kind when the text names no level
    pattern: re.Pattern  # nouns (with clitics and suffixes) and verbs
    needs_body: bool
    verbs: frozenset = frozenset()  # folded verb forms (a verb refers back to the meeting in hand)


# Pronoun and accusative endings a meeting noun takes: اجتماعًا، اجتماعه، اجتماعها، اجتماعهم، اجتماعهما.
NOUN_SUFFIX = r"(?:ا|ه|ها|هم|هما|ي)?"
PRONOUN = r"(?:ه|ها|هم|هما|هن|نا)"


def _formats(items) -> tuple[Format, ...]:
    out = []
    for item in items:
        nouns = sorted({fold(n) for n in item["nouns"]}, key=lambda v: (-len(v), v))
        noun_alt = "|".join(re.escape(n) for n in nouns)
        parts = []
        if nouns:
            # A noun: optional clitic, optional article, the noun, an optional ending.
            parts.append(rf"(?<![\w])[وف]?[بلك]?(?:ال|ل)?(?:{noun_alt}){NOUN_SUFFIX}(?![\w])")
            # A noun in ة before a pronoun spells it ت: "قمتهم", "دورته", "جلستها".
            stems = [n[:-1] for n in nouns if n.endswith("ة")]
            if stems:
                parts.append(rf"(?<![\w])[وف]?[بلك]?(?:{'|'.join(re.escape(n) for n in stems)})ت{PRONOUN}(?![\w])")
        if item["verbs"]:
            parts.append(word_pattern(item["verbs"]))
        out.append(Format(item["id"], item["kind"], re.compile("|".join(parts)), bool(item.get("needs_body", False)), frozenset(fold(v) for v in item["verbs"])))
    return tuple(out)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def country_entries() -> tuple[Entry, ...]:
    """Every ISO 3166 country CLDR names in Arabic, matched by its Arabic name."""
    ar, en = Locale("ar").territories, Locale("en").territories
    out = []
    for code in sorted(ar):
        if not re.fullmatch(r"[A-Z]{2}", code) or code in ("EU", "EZ", "UN", "QO", "ZZ", "XA", "XB") or code not in en:
            continue
        forms = [ar[code]]
        # CLDR gives the long official form for a few; the short one is what news uses.
        short = {"US": "أمريكا", "GB": "بريطانيا", "SA": "السعودية", "AE": "الإمارات"}.get(code)
        if short:
            forms.append(short)
        out.append(Entry(Ref(code.lower(), ar[code], en[code]), LazyPattern(word_pattern(forms)), {"code": code, "forms": [fold(f) for f in forms]}))
    return tuple(out)


_LOADED: dict[Path, "Lexicon"] = {}


def load(directory: Path = LEXICON_DIR, built=None) -> Lexicon:
    """The lexicon in ``directory``, made once per process (every later call gives the
    same object: ``merge.format_order`` and the extractor's tables rely on it).

    ``built(files, make)`` may return the lexicon ``make()`` gives (the files read,
    validated and compiled) from an earlier build with the same files' bytes: the
    build cache, which keeps it pickled (reading it back compiles its patterns again,
    which the command line's build takes from ``regexcache``). Checking the files against the schema was a twentieth of a build
    that changes one article at 1,000 articles (and made it import jsonschema), and
    CLDR's country and month names half of what then remained. A lexicon is made of
    its files, the generator's code and CLDR's data; the cache's key holds the
    files' bytes, and its fingerprint the code and Babel's version.
    """
    found = _LOADED.get(directory)
    if found is None:
        files = sources(directory)
        make = lambda: _build(check(files, directory), directory)  # noqa: E731
        found = _LOADED[directory] = built(files, make) if built is not None else make()
    return found


def sources(directory: Path) -> tuple[tuple[str, bytes | None], ...]:
    """Each lexicon file's name and bytes (None: missing; ``check`` reports it)."""
    out = []
    for name in FILES:
        try:
            out.append((name, (directory / f"{name}.yml").read_bytes()))
        except FileNotFoundError:
            out.append((name, None))
    return tuple(out)


def check(files, directory: Path) -> dict:
    """The files' data, parsed and validated; ``GeneratorError`` naming every problem."""
    import jsonschema  # here: a build whose lexicon passed this check before does not need it

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    data, problems = {}, []
    for name, raw in files:
        path = directory / f"{name}.yml"
        if raw is None:
            problems.append(Problem(str(path), "", "lexicon file missing"))
            continue
        try:
            data[name] = yamlio.load(raw.decode("utf-8"))
        except Exception as exc:  # YAML syntax or encoding: one line with the position
            problems.append(yamlio.problem(exc, str(path)))
            continue
        sub = dict(schema["files"][name])
        sub["$defs"] = schema["$defs"]
        for error in sorted(jsonschema.Draft202012Validator(sub).iter_errors(data[name]), key=lambda e: list(e.absolute_path)):
            place = "/".join(str(p) for p in error.absolute_path) or "top"
            problems.append(Problem(str(path), place, error.message))
    if problems:
        raise GeneratorError(problems)
    territories = Locale("en").territories
    for i, city in enumerate(data["cities"]):
        if city["country"] not in territories:
            problems.append(Problem(str(directory / "cities.yml"), f"{i}/country", f"{city['country']!r} is not an ISO 3166 country code CLDR knows"))
    ids = {}
    for name in ("kinds", "cities", "actors", "people", "series", "topics"):
        for i, item in enumerate(data[name]):
            if (name, item["id"]) in ids:
                problems.append(Problem(str(directory / f"{name}.yml"), str(i), f"duplicate id {item['id']!r}"))
            ids[(name, item["id"])] = True
    if problems:
        raise GeneratorError(problems)
    return data


def _build(data: dict, directory: Path) -> Lexicon:
    """The lexicon made of checked data: patterns compiled, CLDR's countries added."""
    countries = country_entries()
    country_forms = {form: entry for entry in reversed(countries) for form in entry.extra["forms"]}
    cardinals = {fold(w): int(n) for n, ws in data["numbers"]["cardinals"].items() for w in ws}
    units = {fold(f): unit for unit, forms in data["cues"]["count_units"].items() for f in forms}
    cues = data["cues"]
    compiled = {
        # "خمس عشرة دولة", "12 دولة": a number, then what is counted
        "count": re.compile(rf"(?<!\w)(?P<n>\d+|{_alternation(cardinals)})\s+(?P<unit>{_alternation(units)})(?!\w)"),
        "cardinals": cardinals,
        "count_units_by_form": units,
        "meeting": re.compile(word_pattern(cues["meeting_words"])),
        "another": re.compile(word_pattern(cues["another"])),
        "host_verbs": re.compile(word_pattern(cues["host_verbs"])),
        "speech_verbs": re.compile(word_pattern(cues["speech_verbs"])),
        "status": {k: re.compile(word_pattern(v)) for k, v in cues["status"].items()},
        "attendance": {k: re.compile(word_pattern(v)) for k, v in cues["attendance"].items()},
        "count_units": {k: [fold(f) for f in v] for k, v in cues["count_units"].items()},
        **{name: re.compile(word_pattern(cues[name])) for name in ("not_single", "report_verbs", "same_occasion", "future", "started", "other_events", "moved", "by_phone", "about", "media", "lesser_bodies", "facilities")},
        "not_venue_after": frozenset(fold(w) for w in cues["not_venue_after"]),
        "body_heads": frozenset(fold(w) for w in cues["body_heads"]),
    }
    from . import gazetteer  # here, not at import time: the lexicon tests need no GeoNames

    heads = [fold(w) for w in cues["body_heads"]]
    stop = {fold(w) for w in cues["not_places"]} | set(heads) | {"ال" + w for w in heads} | set(country_forms)
    from .dates import month_names, weekday_names

    months, weekdays = month_names(), weekday_names()
    stop |= set(months) | set(weekdays)
    places = gazetteer.Lazy(functools.partial(gazetteer.build, data["cities"], frozenset(stop)))
    return Lexicon(
        kinds=_entries(data["kinds"], "triggers", name=lambda i: (i["name"]["ar"], i["name"]["en"])),
        cities=_entries(data["cities"]),
        actors=_entries(data["actors"]),
        people=_entries(data["people"]),
        series=_entries(data["series"]),
        topics=_entries(data["topics"]),
        countries=countries,
        country_in=re.compile(rf"(?:^|\s)[وف]?(?:في|داخل)\s*(?P<name>{_alternation(country_forms)})(?!\w)"),
        country_by_form=country_forms,
        cues=compiled,
        numbers=data["numbers"],
        formats=_formats(data["formats"]),
        places=places,
        months=months,
        weekdays=weekdays,
    )


def country(code: str) -> dict:
    """A record's country object, names from CLDR."""
    return {"code": code, "ar": Locale("ar").territories[code], "en": Locale("en").territories[code]}
