"""Venues: the cities and countries that stand where a meeting's place stands.

A name from the gazetteer (GeoNames, the lexicon, CLDR countries) is a venue only in a
venue's position: after في / إلى / داخل or an attached ب / ل ("بالرياض"), after "the
capital (of an adjective)" or "the city of", right after a meeting word ("قمة شرم
الشيخ"), next to a hosting verb or noun ("تستضيف الدوحة", "العاصمة الدوحة ستستضيف"),
or as what a visit visits ("يزور لبنان"). "في <place>" after a word of what the
meeting is about ("الحرب في غزة") is a topic, not a venue.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..gazetteer import City
from ..lexicon import Lexicon

WORD = re.compile(r"[\w+]+")
PREPOSITIONS = frozenset({"في", "وفي", "الي", "والي", "داخل", "بمقر", "مقر"})
# Words that may stand between the preposition and the name.
FRAMES = frozenset({"العاصمة", "عاصمة", "بالعاصمة", "والعاصمة", "مدينة", "بمدينة", "المدينة", "دولة", "بدولة", "جمهورية", "مملكة", "المملكة", "سلطنة", "بسلطنة", "منتجع", "بمنتجع"})
STATE_FRAMES = frozenset({"سلطنة", "مملكة", "المملكة", "دولة", "جمهورية", "امارة", "إمارة"})
# With the object pronoun too: "القمة التي تستضيفها بغداد", "الذي احتضنته الرباط".
HOST_WORDS = re.compile(r"^[وف]?(?:[يت]ستضيف|ستستضيف|سيستضيف|استضاف|استضافت|استضافة|لاستضافة|باستضافة|احتضن|احتضنت|تحتضن|يحتضن|ستحتضن|احتضان)(?:ه|ها|هم)?$")
# "مدينة", "بمدينة", "ومدينة" (never "المدينة"): the frame that names a city as such.
CITY_FRAME = re.compile(r"^[وف]?[بل]?مدينة$")
GUEST = frozenset({"ضيفا", "ضيفة", "ضيفه"})
VISIT_WORDS = re.compile(r"^[وف]?(?:[يت]زور|س[يت]زور|زار|زارت|زيارة|لزيارة|بزيارة)$")


@dataclass(frozen=True)
class Venue:
    start: int
    end: int
    city: City | None
    country: str | None  # ISO code


@functools.lru_cache(maxsize=2)
def _countries(lex: Lexicon) -> dict[str, str]:
    return {form: entry.extra["code"] for form, entry in lex.country_by_form.items()}


@functools.lru_cache(maxsize=2)
def _first_words(lex: Lexicon) -> frozenset[str]:
    """The first word of every place name: most words of a sentence start none, and are skipped at once."""
    return frozenset(form.split(" ", 1)[0] for form in (*lex.places.by_form, *_countries(lex)))


def _strip(word: str) -> list[tuple[str, bool]]:
    """The word and its forms without clitics, each with whether a ب/ل/في-like clitic led it."""
    out = [(word, False)]
    w = word
    if len(w) > 3 and w[0] in "وف":
        w = w[1:]
        out.append((w, False))
    if len(w) > 3 and w[0] in "بل":
        # "بالرياض" is "in Riyadh"; "لأوكرانيا" is "for Ukraine": only ب leads to a venue.
        rest = w[1:]
        out.append((rest, w[0] == "ب"))
        if rest.startswith("ل"):  # "للرياض": ل + الرياض
            out.append(("ا" + rest, False))
    return out


def find(folded: str, lex: Lexicon, trigger_spans: list[tuple[int, int]]) -> list[Venue]:
    words = [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(folded)]
    countries = _countries(lex)
    places = lex.places.by_form
    venues: list[Venue] = []
    i = 0
    firsts = _first_words(lex)
    short = getattr(lex.places, "short", {})
    while i < len(words):
        hit = None
        if i and words[i][2] in short and CITY_FRAME.match(words[i - 1][2]):
            hit = (1, short[words[i][2]], None, False, False)  # "مدينة عدن": a short name, only after "مدينة"
        elif not any(head in firsts for head, _led in _strip(words[i][2])):
            i += 1
            continue
        hit = hit or _name_at(words, i, places, countries)
        if hit is None:
            i += 1
            continue
        n, city, country, led, clitic = hit
        start, end = words[i][0], words[i + n - 1][1]
        # A name that is both a city and a country ("عمان": Amman, Oman) is the country
        # after "سلطنة", "مملكة", "دولة" or "جمهورية", and the city elsewhere.
        if city is not None and country is not None and i and words[i - 1][2].lstrip("وفب") in STATE_FRAMES:
            city = None
        if _in_venue_position(words, i, i + n, led, clitic, trigger_spans, lex, city):
            venues.append(Venue(start, end, city, city.country if city else country))
        i += n
    return _join(venues, folded)


def _name_at(words, i: int, places: dict, countries: dict):
    """The longest place name (four words at most) starting at word ``i``, clitics aside:
    (words, city, country, led by ب, a clitic taken off), or None."""
    for n in (4, 3, 2, 1):
        if i + n > len(words):
            continue
        first = words[i][2]
        rest = " ".join(w for _s, _e, w in words[i + 1:i + n])
        for head, led in _strip(first):
            phrase = f"{head} {rest}".strip()
            city = places.get(phrase)
            country = countries.get(phrase)
            if city is not None or country is not None:
                return (n, city, country, led, head != first)
    return None


# An envoy's title names the country he is an envoy to ("المبعوث الخاص إلى اليمن").
ENVOYS = frozenset({"مبعوث", "المبعوث", "مبعوثا", "مبعوثة", "المبعوثة", "سفير", "السفير", "سفيرا", "مندوب", "المندوب", "ممثل", "الممثل"})


def _in_venue_position(words, i, j, led, clitic, trigger_spans, lex, city=None) -> bool:
    # Up to four words back: a two-word frame, a preposition and what stands before it.
    before = [w for _s, _e, w in words[max(0, i - 4):i]]
    k = len(before)
    # Skip a frame ("العاصمة البلجيكية", "مدينة") back to what stands before it.
    if k and before[k - 1].endswith("ية") and k >= 2 and before[k - 2] in FRAMES:
        k -= 2
        led = led or before[k].startswith("ب")
    elif k and before[k - 1] in FRAMES:
        k -= 1
        led = led or before[k].startswith("ب")
        if before[k].endswith("عاصمة"):
            return True  # "العاصمة الدوحة": the capital named as such
    prev = before[k - 1] if k else ""
    if led and not (prev and prev in lex.cues["not_venue_after"]):
        return True
    if prev in PREPOSITIONS:
        topic = before[k - 2] if k >= 2 else ""
        if city is None and any(w.lstrip("وف") in ENVOYS for w in before[max(0, k - 4):k - 1]):
            return False  # "المبعوث الأممي الخاص إلى اليمن": a title, not where he goes
        return topic not in lex.cues["not_venue_after"]
    if prev == "علي" and before[k - 2] in GUEST:  # (k is 1 at least: before[-1] is "علي" itself then)
        return True  # "يحل ضيفا على الرياض": the guest of a place visits it
    if prev and (HOST_WORDS.match(prev) or VISIT_WORDS.match(prev)):
        return True
    # "زار رئيس الوزراء العراقي طهران": a visit verb, its subject, then the place visited.
    if any(VISIT_WORDS.match(w) for _s, _e, w in words[max(0, i - 5):i]) and prev not in PREPOSITIONS and not prev.startswith(("في", "من")):
        return True
    start = words[i][0]
    # "قمة شرم الشيخ", "اجتماع كييف"; but "اجتماعا وزاريا" is no meeting "and <town>", nor
    # "اجتماع للرياض" one in Riyadh: right after a meeting word the name stands bare.
    if not clitic and any(0 <= start - e <= 2 for _s, e in trigger_spans):
        return True
    return j < len(words) and bool(HOST_WORDS.match(words[j][2]))  # "كييف تستضيف"


APPOSED = re.compile(r"[\s،,]*$")  # matched between two names: nothing but spaces or a comma


def _join(venues: list[Venue], folded: str) -> list[Venue]:
    """"أديس أبابا بإثيوبيا": a city followed by its own country is one venue; so is "العاصمة
    البلجيكية بروكسل", the capital named twice."""
    out: list[Venue] = []
    for v in venues:
        if out and out[-1].city is not None and v.country == out[-1].country and (
            (v.city is None and v.start - out[-1].end <= 6) or (v.city == out[-1].city and APPOSED.match(folded, out[-1].end, v.start))
        ):
            out[-1] = Venue(out[-1].start, v.end, out[-1].city, out[-1].country)
            continue
        out.append(v)
    return out


def dateline(folded: str, lex: Lexicon) -> Venue | None:
    """The city (or country) a paragraph's dateline names, or None: "الرياض - ..." is filed
    from Riyadh; a meeting the text places "هنا" is held there (extract/__init__.py)."""
    from .segment import dateline_name

    span = dateline_name(folded)
    if span is None:
        return None
    name = folded[span[0]:span[1]]
    city = lex.places.by_form.get(name) or getattr(lex.places, "short", {}).get(name)  # a dateline is a place's position
    country = _countries(lex).get(name)
    if city is None and country is None:
        return None
    return Venue(span[0], span[1], city, city.country if city else country)
