"""What each page shows, computed from the records: plain values for the templates.

Everything language-dependent is resolved here (names from the lexicon and CLDR,
labels, dates); the templates only lay values out and escape them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from babel import Locale

from ..model import Ref
from ..outputs import urls as output_urls
from . import datefmt, headline, text, urls
from .labels import Labels
from .text import Shown

FIELD_ORDER = ("kind", "date", "place", "attendance", "status", "series", "host", "participants", "participant_count", "topics")
RELATED_EACH_SIDE = 5  # related meetings shown before and after this one in its series


@dataclass(frozen=True)
class Ctx:
    """One page being rendered: its language, labels and where it is."""

    lang: str
    t: Labels
    link: urls.Linker
    lex: object
    translator: object
    index: "Index"


@dataclass
class Index:
    """Lookups across all records and articles, computed once per build."""

    records: list
    articles: dict  # seed -> Article
    by_seed: dict = field(default_factory=dict)  # seed -> [record]
    series: dict = field(default_factory=dict)  # series id -> [record] in date order
    used: dict = field(default_factory=dict)  # seed -> {sentence index} used as evidence
    spanning: dict = field(default_factory=dict)  # "YYYY-MM" -> [day-precise record covering a day of it]

    @classmethod
    def build(cls, records, articles) -> "Index":
        idx = cls(list(records), {a.seed: a for a in articles})
        for rec in idx.records:
            for src in rec["sources"]:
                idx.by_seed.setdefault(src["seed"], []).append(rec)
            if rec.get("series"):
                idx.series.setdefault(rec["series"], []).append(rec)
            for items in rec["evidence"].values():
                for ev in items:
                    idx.used.setdefault(ev["seed"], set()).add(ev["sentence"])
            for st in rec["statements"]:
                idx.used.setdefault(st["source"], set()).add(st["sentence"])
            if rec["date"]["precision"] == "day":
                start, end = dt.date.fromisoformat(rec["date"]["start"]), dt.date.fromisoformat(rec["date"]["end"])
                y, m = start.year, start.month
                while (y, m) <= (end.year, end.month):
                    idx.spanning.setdefault(f"{y:04d}-{m:02d}", []).append(rec)
                    y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return idx


# --- names --------------------------------------------------------------------------


def _lex_name(lex, table: str, key):
    """The lexicon's Ref (id, ar, en) for ``key`` in ``table``, or None."""
    if table == "cities" and getattr(lex, "places", None) is not None:
        city = lex.places.by_id.get(key)  # every city the gazetteer knows, the lexicon's among them
        return Ref(city.id, city.ar, city.en) if city is not None else None
    try:
        entry = lex.kind(key) if table == "kinds" else lex.by_id(table).get(key)
    except KeyError:
        return None
    return entry.ref if entry is not None else None


def _ref_text(ref, lang: str) -> str:
    return getattr(ref, lang) or ref.ar


def lex_shown(ctx: Ctx, table: str, key: str | None) -> Shown | None:
    if key is None:
        return None
    ref = _lex_name(ctx.lex, table, key)
    return text.free(_ref_text(ref, ctx.lang) if ref else str(key), ctx.lang)


def country_name(code: str, lang: str) -> str:
    return Locale(lang).territories.get(code.upper(), code)


def describe(ctx: Ctx, field_name: str, value) -> Shown | None:
    """Any record value (a conflict reading, a corrected value) in the page's language."""
    if value is None or value == [] or value == {}:
        return None
    lang, t = ctx.lang, ctx.t
    if isinstance(value, dict):
        if "value" in value and "of" in value:
            return Shown(count_text(t, value))
        if lang in value or "ar" in value:
            return text.named(value, lang)
        if "start" in value:
            return Shown(datefmt.meeting_date({"precision": "day", "end": value["start"], **value}, lang))
        return text.free(t("comma").join(f"{k}: {v}" for k, v in value.items()), lang)
    if isinstance(value, list):
        parts = [describe(ctx, field_name, v) for v in value]
        shown = [p for p in parts if p is not None]
        if not shown:
            return None
        joined = t("comma").join(p.text for p in shown)
        return Shown(joined, None) if all(p.lang is None for p in shown) else text.free(joined, lang)
    key = str(value)
    root = field_name.split(".")[0]
    if field_name in ("status", "attendance") and t.has(f"{field_name}.{key}"):
        return Shown(t(f"{field_name}.{key}"))
    if field_name == "place.country" and key.isalpha() and len(key) == 2:
        return Shown(country_name(key, lang))
    tables = {
        "place.city": ("cities",),
        "kind": ("kinds",),
        "series": ("series",),
        "topics": ("topics",),
        "host": ("actors", "people", "cities", "series"),
        "participants": ("actors", "people"),
        "statements": ("people",),
    }.get(field_name if field_name in ("place.city",) else root, ())
    for table in tables:
        ref = _lex_name(ctx.lex, table, key)
        if ref is not None:
            return text.free(_ref_text(ref, lang), lang)
    if root == "host" and key.isalpha() and len(key) == 2:
        return Shown(country_name(key, lang))
    if root == "date":
        try:
            return Shown(datefmt.day(datefmt.parse(key), lang))
        except ValueError:
            pass
    return text.free(key, lang)


def field_label(t: Labels, path: str) -> str:
    if t.has(f"field.{path}"):
        return t(f"field.{path}")
    root, _, rest = path.partition(".")
    return f"{t(f'field.{root}')} ({rest})" if t.has(f"field.{root}") else path


def count_text(t: Labels, count: dict) -> str:
    unit = count["of"]
    return t.count(unit, count["value"]) if t.has(f"count.{unit}") else f"{count['value']} {unit}"


def place(rec: dict, t: Labels) -> Shown | None:
    """City and country, as far as the record knows them."""
    lang = t.lang
    city, country = rec["place"]["city"], rec["place"]["country"]
    names = [n for n in (city and city.get(lang), country and (country.get(lang) or country_name(country["code"], lang))) if n]
    if not names:
        return None
    return text.free(t("comma").join(names), lang)


# --- meetings -----------------------------------------------------------------------


def entry(ctx: Ctx, rec: dict) -> dict:
    """A meeting as one line of the timeline."""
    t = ctx.t
    return {
        "id": rec["id"],
        "href": ctx.link.to(urls.meeting_page(rec["id"])),
        "title": text.free(rec["title"][ctx.lang] or rec["title"]["ar"], ctx.lang),
        "date": datefmt.meeting_date(rec["date"], ctx.lang),
        "start": rec["date"]["start"],
        "span": rec["date"]["start"] != rec["date"]["end"] and rec["date"]["precision"] == "day",
        "kind": lex_shown(ctx, "kinds", rec["kind"]),
        "place": place(rec, ctx.t),
        "status": rec["status"],
        "status_label": t(f"status.{rec['status']}"),
        "status_as_of": status_as_of(rec, ctx.lang),
        "attendance": t(f"attendance.{rec['attendance']}") if rec.get("attendance") else None,
        "facets": facets(rec),
    }


def status_as_of(rec: dict, lang: str) -> dict | None:
    """When the shown status was last reported: the dateline of the newest source that
    reports it (a source's own status, see design notes), else of the newest source.
    None when no source has a dateline."""
    dated = [s for s in rec["sources"] if s.get("published")]
    same = [s for s in dated if s.get("status") == rec["status"]] or dated
    if not same:
        return None
    day = max(datefmt.parse(s["published"]) for s in same)
    return {"iso": day.isoformat(), "label": datefmt.day(day, lang)}


def facets(rec: dict) -> dict[str, str]:
    """What the timeline's filters match a meeting on (data-* attributes of its entry):
    ids and codes only, never names, so a filtered address is the same in both languages."""
    place = rec["place"]
    return {
        "country": (place["country"] or {}).get("code") or "",
        "city": (place["city"] or {}).get("id") or "",
        "kind": rec["kind"] or "",
        "status": rec["status"],
        "series": rec.get("series") or "",
        "participants": " ".join(sorted({p["id"] for p in rec["participants"] if p.get("id")})),
        "start": rec["date"]["start"],
        "end": rec["date"]["end"],
    }


def front_matter_text(value: str, lang: str, translator) -> Shown:
    """A front-matter field (title, outlet) in the language it is written in: Arabic
    is translated on English pages when the catalog has it; anything else is shown as
    written, marked by its script, never as untranslated Arabic."""
    if text.script_of(value) == "ar":
        return text.article(value, lang, translator)
    return text.free(value, lang)


def name_inputs(art) -> tuple | None:
    """What ``source_name`` reads of an article (it keys the pages that cite it)."""
    if art is None:
        return None
    first = next((s.text for p in art.paragraphs for s in p), None)  # art.sentences[0], without the whole tuple
    return (art.seed, art.title, art.outlet, first, art.published)


def source_name(ctx: Ctx, seed: str) -> Shown:
    """How a source is named: its title (translated on English pages when the catalog
    has it), else its outlet, else its opening words (see headline.py); the file name
    only for an article with no text at all."""
    art = ctx.index.articles.get(seed)
    if art is not None and art.title:
        return _as_name(front_matter_text(art.title, ctx.lang, ctx.translator))
    if art is not None and art.outlet:
        return text.free(art.outlet, ctx.lang)
    if art is not None and art.sentences:
        first = art.sentences[0].text
        english = ctx.translator.get(first) if ctx.lang != "ar" and ctx.translator is not None else None
        if english:
            return text.free(headline.opening(english), ctx.lang)
        return text.free(headline.opening(first), ctx.lang)
    stem = seed.rsplit(".", 1)[0]
    number = stem.split("_", 1)[0] if re.match(r"\d+_", stem) else stem
    when = datefmt.day(art.published, ctx.lang) if art is not None and art.published else ctx.t("source.undated")
    return text.Shown(ctx.t("source.untitled", number=number, date=when))


def _as_name(shown: Shown) -> Shown:
    # a name in a citation is marked with its language but carries no "not yet
    # translated" label: the label belongs on the source's own page, once
    return Shown(shown.text, shown.lang) if shown.untranslated else shown


def cite(ctx: Ctx, seed: str, sentence: int) -> dict:
    return {
        "href": ctx.link.to(urls.source_page(seed), f"s-{sentence}"),
        "source": source_name(ctx, seed),
        "sentence": ctx.t("meeting.sentence", n=sentence),
    }


def meeting(ctx: Ctx, rec: dict) -> dict:
    t, lang = ctx.t, ctx.lang
    view = entry(ctx, rec)
    view["start_date"] = datefmt.parse(rec["date"]["start"])
    view["host"] = text.named(rec.get("host"), lang)
    view["series"] = lex_shown(ctx, "series", rec.get("series"))
    view["format"] = t(f"format.{rec['format']}") if rec.get("format") and t.has(f"format.{rec['format']}") else None
    view["participants"] = [
        {"name": text.named(p, lang), "mode": t(f"mode.{p['mode']}") if p.get("mode") else None} for p in rec["participants"]
    ]
    view["count"] = count_text(t, rec["participant_count"]) if rec.get("participant_count") else None
    view["topics"] = [lex_shown(ctx, "topics", tid) for tid in rec["topics"]]
    view["statements"] = [statement(ctx, st) for st in rec["statements"]]
    view["conflicts"] = [
        {
            "field": field_label(t, c["field"]),
            "readings": [
                {
                    "value": describe(ctx, c["field"], r["value"]),
                    "shown": r["value"] == c["shown"],
                    "sources": [{"href": ctx.link.to(urls.source_page(s)), "name": source_name(ctx, s)} for s in r["sources"]],
                }
                for r in c["readings"]
            ],
            "why": Shown(t(f"why.{c['why']}")) if t.has(f"why.{c['why']}") else text.free(c["why"], lang),
        }
        for c in rec["conflicts"]
    ]
    view["corrections"] = [
        {
            "field": field_label(t, c["field"]),
            "generated": describe(ctx, c["field"], c["generated"]),
            "value": describe(ctx, c["field"], c["value"]),
            "reason": text.free(c["reason"], lang),
        }
        for c in rec["corrections"]
    ]
    view["editorial"] = [editorial_action(ctx, rec, e) for e in rec.get("editorial", [])]
    view["evidence"] = [
        {
            "key": name,
            "field": field_label(t, name),
            "count": t.count("sentences", len(rec["evidence"][name])),
            "sentences": [{"text": text.article(ev["text"], lang, ctx.translator), **cite(ctx, ev["seed"], ev["sentence"])} for ev in rec["evidence"][name]],
        }
        for name in sorted(rec["evidence"], key=lambda n: (FIELD_ORDER.index(n) if n in FIELD_ORDER else len(FIELD_ORDER), n))
    ]
    view["sources"] = [
        {
            "href": ctx.link.to(urls.source_page(s["seed"])),
            "name": source_name(ctx, s["seed"]),
            "published": datefmt.day(datefmt.parse(s["published"]), lang) if s.get("published") else t("source.no_dateline"),
            "status": t(f"status.{s['status']}") if s.get("status") else None,
        }
        for s in rec["sources"]
    ]
    view["related"], view["related_more"] = related(ctx, rec)
    view["ics"] = ctx.link.file(output_urls.ics_path(lang, rec["id"]))
    return view


def editorial_action(ctx: Ctx, rec: dict, action: dict) -> dict:
    """An editor's add, merge or split, as the meeting page explains it.

    A merged or split record names the records it came from by id (they have no page
    any more); the other parts of a split are linked.
    """
    t = ctx.t
    others = [
        {"href": ctx.link.to(urls.meeting_page(r["id"])), "title": text.free(r["title"][ctx.lang] or r["title"]["ar"], ctx.lang)}
        for r in split_partners(ctx.index, rec, action)
    ]
    return {
        "action": action["action"],
        "what": t(f"editorial.{action['action']}"),
        "fields": [field_label(t, f) for f in action.get("fields", [])],
        "meetings": [text.code(i) for i in action.get("meetings", [])],
        "others": others,
        "reason": text.free(action["reason"], ctx.lang),
    }


def split_partners(index: Index, rec: dict, action: dict) -> list[dict]:
    """The other records an editor's split made out of the same meeting."""
    if action["action"] != "split":
        return []
    return [
        r for r in index.records
        if r["id"] != rec["id"] and any(e["action"] == "split" and e["file"] == action["file"] for e in r.get("editorial", []))
    ]


def statement(ctx: Ctx, st: dict) -> dict:
    person = _lex_name(ctx.lex, "people", st.get("speaker"))
    role = None
    if person is not None:
        entry_ = ctx.lex.by_id("people")[st["speaker"]]
        role_names = entry_.extra.get("role") or {}
        role = text.free(role_names[ctx.lang], ctx.lang) if role_names.get(ctx.lang) else None
    if st["text"].get(ctx.lang) and ctx.lang != "ar":
        shown = text.free(st["text"][ctx.lang], ctx.lang)
    else:
        shown = text.article(st["text"]["ar"], ctx.lang, ctx.translator)
    return {
        "speaker": text.free(_ref_text(person, ctx.lang), ctx.lang) if person else (text.free(st["speaker"], ctx.lang) if st.get("speaker") else Shown(ctx.t("meeting.speaker_unknown"))),
        "role": role,
        "kind": ctx.t(f"statement_kind.{st['kind']}") if st.get("kind") else None,
        "direct": st.get("kind") == "direct",
        "text": shown,
        **cite(ctx, st["source"], st["sentence"]),
    }


def related(ctx: Ctx, rec: dict) -> tuple[list[dict], int]:
    """Meetings of the same series nearest in date order: a bounded list, and how many more."""
    window, more = related_records(ctx.index, rec)
    return [entry(ctx, r) for r in window], more


def related_records(index: Index, rec: dict) -> tuple[list[dict], int]:
    """The series' meetings around ``rec`` (at most RELATED_EACH_SIDE each side) and how many more it has."""
    members = index.series.get(rec.get("series"), []) if rec.get("series") else []
    others = [r for r in members if r["id"] != rec["id"]]
    if not others:
        return [], 0
    pos = next(i for i, r in enumerate(members) if r["id"] == rec["id"])
    window = [r for r in members[max(0, pos - RELATED_EACH_SIDE) : pos + RELATED_EACH_SIDE + 1] if r["id"] != rec["id"]]
    return window, len(others) - len(window)


# --- sources ------------------------------------------------------------------------


def article_view(ctx: Ctx, art) -> dict:
    t, lang = ctx.t, ctx.lang
    used = ctx.index.used.get(art.seed, set())
    paragraphs = []
    for para in art.paragraphs:
        sentences = [{"id": f"s-{s.index}", "mark": s.index in used, "text": text.article(s.text, lang, ctx.translator)} for s in para]
        if lang != "ar" and all(s["text"].untranslated for s in sentences):
            # the whole paragraph in Arabic: mark it once, not sentence by sentence
            for s in sentences:
                s["text"] = Shown(s["text"].text)
            paragraphs.append({"lang": "ar", "dir": "rtl", "untranslated": True, "sentences": sentences})
        else:
            paragraphs.append({"lang": None, "dir": None, "untranslated": False, "sentences": sentences})
    whole = lang != "ar" and all(p["untranslated"] for p in paragraphs)
    if whole:  # nothing translated: one Arabic block under one label, not a label per paragraph
        paragraphs = [{**p, "lang": None, "dir": None, "untranslated": False} for p in paragraphs]
    url = art.url if art.url and urlsplit(art.url).scheme in ("http", "https") else None
    mentions = [entry(ctx, r) for r in ctx.index.by_seed.get(art.seed, [])]
    return {
        "seed": art.seed,
        "title": front_matter_text(art.title, lang, ctx.translator) if art.title else None,
        "name": source_name(ctx, art.seed),
        "headline_from_text": not art.title and not art.outlet and bool(art.sentences),
        "outlet": front_matter_text(art.outlet, lang, ctx.translator) if art.outlet else None,
        "cited_outlets": [text.free(o, lang) for o in headline.cited_outlets(s.text for s in art.sentences)],
        "url": url,
        "url_shown": text.free(art.url, lang) if art.url else None,
        "published": datefmt.day(art.published, lang) if art.published else t("source.no_dateline"),
        "published_iso": art.published.isoformat() if isinstance(art.published, dt.date) else None,
        "mentions": mentions,
        "paragraphs": paragraphs,
        "untranslated": whole,  # the whole text is shown in Arabic
        "any_untranslated": whole or any(p["untranslated"] or any(s["text"].untranslated for s in p["sentences"]) for p in paragraphs),
    }
