"""The words and phrases the calendar and feed need in each language.

Words come from the pages' labels file and dates from the pages' CLDR formats, so a
status or a date reads the same on a page, in a calendar and in a feed.
"""

from __future__ import annotations


def _labels():
    # The pages' labels (generator/templates/labels.yml): one wording for a status or
    # a phrase across pages, calendars and feeds. Imported here, not at the top, as the
    # render package imports this one.
    from ..render import labels as render_labels

    return render_labels.current()


def word(lang: str, key: str) -> str:
    return _labels()[lang](f"outputs.{key}")


def status(rec: dict, lang: str) -> str:
    return _labels()[lang](f"status.{rec['status']}")


def kind(lex, kind_id: str, lang: str) -> str:
    try:
        ref = lex.kind(kind_id).ref
    except KeyError:
        return kind_id
    return getattr(ref, lang)


def place(rec: dict, lang: str) -> str | None:
    """"Kyiv, Ukraine" / "كييف، أوكرانيا"; None when no source names a place."""
    parts = [p[lang] for p in (rec["place"]["city"], rec["place"]["country"]) if p]
    return _labels()[lang]("comma").join(parts) or None


def location(rec: dict, lang: str) -> str | None:
    """The place, with "online" added for online and mixed meetings."""
    where, online = place(rec, lang), word(lang, "online")
    if rec.get("attendance") == "online":
        return f"{where} ({online})" if where else online
    if rec.get("attendance") == "mixed":
        return f"{where} + {online}" if where else online
    return where


def when(rec: dict, lang: str) -> str:
    """The meeting date as the pages show it; month precision says the day is not stated."""
    from ..render import datefmt

    shown = datefmt.meeting_date(rec["date"], lang)
    return f"{shown} ({word(lang, 'month_only')})" if rec["date"]["precision"] == "month" else shown


def subsets(records, lex) -> list[tuple[str, str, list, dict]]:
    """The narrower feeds and calendars: (facet, value, its records, its name per
    language) for every country and every series the records name, in a fixed order."""
    from . import urls

    out = []
    for facet in urls.SUBSETS:
        groups: dict[str, list] = {}
        for rec in records:
            value = urls.subset_key(rec, facet)
            if value:
                groups.setdefault(value, []).append(rec)
        for value, recs in sorted(groups.items()):
            out.append((facet, value, recs, {lang: subset_name(recs[0], facet, lex, lang) for lang in urls.LANGS}))
    return out


def subset_name(rec: dict, facet: str, lex, lang: str) -> str:
    if facet == "country":
        return rec["place"]["country"][lang] or rec["place"]["country"]["code"]
    try:
        ref = lex.by_id("series")[rec["series"]].ref
    except KeyError:
        return rec["series"]
    return getattr(ref, lang) or ref.ar
