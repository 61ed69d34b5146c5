"""The event record: a merged ``Event`` as the dict written to content/events/<id>.yml.

Key order here is the order in the file. The JSON Schema in
``schema/event.schema.json`` validates every record on every build.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import Problem
from .lexicon import Lexicon, country
from .merge import Event

if TYPE_CHECKING:
    import jsonschema

SCHEMA_PATH = Path(__file__).parent / "schema" / "event.schema.json"


@functools.lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def validator() -> jsonschema.Draft202012Validator:
    # imported here: a build whose records all passed this check before (the build
    # cache keeps the verdict by each record's JSON) never loads jsonschema, a tenth of
    # a build that changes one article at 1,000 articles
    import jsonschema

    return jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.FormatChecker())


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def event_id(event: Event) -> str:
    d = event.date
    day = d.start().isoformat() if d.precision == "day" else d.start().isoformat()[:7]
    place = event.city.id if event.city else slug(country(event.country)["en"]) if event.country else None
    # A meeting on another's sidelines shares its day and place, and may share its level.
    return "-".join(p for p in (day, event.kind.id, place, "sidelines" if event.side else None) if p)


def title(rec: dict, lex: Lexicon) -> dict:
    """A title in each language, composed from the kind's meeting phrase and the place.

    Works on the record, so a corrected kind, series or place gives a matching title.
    """
    kind = lex.kind(rec["kind"]).extra
    meeting = kind["meeting"]
    series = lex.by_id("series").get(rec["series"]) if rec["series"] else None
    if series and "meeting_in_series" in kind:
        meeting = {lang: kind["meeting_in_series"][lang].format(series=getattr(series.ref, lang)) for lang in ("ar", "en")}
    names = rec["place"]["city"] or rec["place"]["country"]
    if not names:
        return {"ar": meeting["ar"], "en": meeting["en"]}
    return {"ar": f"{meeting['ar']} في {names['ar']}", "en": f"{meeting['en']} in {names['en']}"}


def _named(ref) -> dict | None:
    return None if ref is None else {"id": ref.id, "ar": ref.ar, "en": ref.en}


def _plain(value):
    """Conflict readings as YAML-friendly values."""
    if hasattr(value, "id") and hasattr(value, "en"):
        return value.id
    if isinstance(value, tuple):
        return {"value": value[0], "of": value[1]}
    return value


def _city(ref, lex: Lexicon) -> dict | None:
    """The city with its coordinates (GeoNames), for the map and for outside tools."""
    if ref is None:
        return None
    out = {"id": ref.id, "ar": ref.ar, "en": ref.en}
    coords = lex.places.coordinates(ref.id) if lex.places is not None else None
    if coords is not None:
        out["lat"], out["lon"] = round(coords[0], 5), round(coords[1], 5)
    return out


def _dates(value) -> dict:
    return {"start": value.start().isoformat(), "end": value.end().isoformat()}


def build(event: Event, lex: Lexicon) -> dict:
    start, end = event.date.start(), event.date.end()
    date = {"start": start.isoformat(), "end": end.isoformat(), "precision": event.date.precision}
    if event.previous is not None and event.previous.year is not None:
        date["previous"] = _dates(event.previous)
    rec = {
        "id": event_id(event),
        "kind": event.kind.id,
        "format": event.format,
        "title": None,  # composed below from the record's own fields
        "date": date,
        "place": {"city": _city(event.city, lex), "country": country(event.country) if event.country else None},
        "attendance": event.attendance,
        "status": event.status,
        "series": event.series.id if event.series else None,
        "host": _named(event.host),
        "participants": [{"id": p.ref.id, "ar": p.ref.ar, "en": p.ref.en, "mode": p.mode} for p in event.participants],
        "participant_count": {"value": event.participant_count[0], "of": event.participant_count[1]} if event.participant_count else None,
        "topics": [t.id for t in event.topics],
        "statements": [
            {
                "speaker": s.speaker.id,
                "kind": "direct" if s.direct else "reported",
                "text": {"ar": s.text, "en": None},
                "source": s.evidence.seed,
                "sentence": s.evidence.sentence,
            }
            for s in event.statements
        ],
        "sources": [{"seed": seed, "published": published.isoformat() if published else None, "status": status} for seed, published, status in event.sources],
        "evidence": {
            name: [{"seed": e.seed, "sentence": e.sentence, "text": e.text} for e in event.evidence[name]]
            for name in ("kind", "date", "place", "attendance", "status", "series", "host", "participants", "participant_count", "topics")
            if event.evidence.get(name)
        },
        "conflicts": [
            {
                "field": name,
                "readings": [{"value": _plain(r.value), "sources": list(r.seeds)} for r in readings],
                "shown": _plain(shown),
                "why": why,
            }
            for name, readings, shown, why in event.conflicts
        ],
        "corrections": [],
    }
    rec["title"] = title(rec, lex)
    return rec


def validate(rec: dict, where: str, lex: Lexicon | None = None) -> list[Problem]:
    """Schema problems, then (with ``lex``) ids that the lexicon does not know."""
    problems = [
        Problem(where, "/".join(str(p) for p in err.absolute_path) or "top", err.message)
        for err in sorted(validator().iter_errors(rec), key=lambda e: [str(p) for p in e.absolute_path])
    ]
    if problems:
        return problems
    if rec["date"]["end"] < rec["date"]["start"]:  # ISO dates compare as text
        problems.append(Problem(where, "date/end", f"{rec['date']['end']} is before the start {rec['date']['start']}"))
    if lex is None:
        return problems
    known = {table: set(lex.by_id(table)) for table in ("kinds", "series", "topics", "people")}
    refs = [("kind", rec["kind"], "kinds")]
    refs += [("series", rec["series"], "series")] if rec["series"] else []
    refs += [(f"topics/{i}", t, "topics") for i, t in enumerate(rec["topics"])]
    refs += [(f"statements/{i}/speaker", s["speaker"], "people") for i, s in enumerate(rec["statements"])]
    return problems + [
        Problem(where, place, f"{value!r} is not in generator/lexicon/{table}.yml")
        for place, value, table in refs
        if value not in known[table]
    ]


def validate_all(records: list[dict], lex: Lexicon | None = None, check=None) -> list[Problem]:
    """Every record's problems and shared ids; ``check(rec, where)`` replaces ``validate`` (a cached one)."""
    check = check or (lambda rec, where: validate(rec, where, lex))
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for rec in records:
        rid = rec.get("id", "?")
        problems.extend(check(rec, f"content/events/{rid}.yml"))
        seen[rid] = seen.get(rid, 0) + 1
    problems.extend(Problem(f"content/events/{rid}.yml", "id", f"{n} meetings share this id") for rid, n in sorted(seen.items()) if n > 1)
    return problems
