"""The filter form of a timeline page: its fields and their options.

The options are the values the meetings on that page have (a page never offers a
country none of its meetings is in), named in the page's language, sorted by name.
Option values are ids and codes, the same in both languages, so a filtered address
(``?country=UA&status=held``) means the same on the Arabic and the English page. The
filtering itself runs in the browser (overrides/assets/filters.js); without
JavaScript the form stays hidden and the page lists every meeting.
"""

from __future__ import annotations

from ..outputs import urls as output_urls
from . import text, views

FIELDS = ("country", "city", "kind", "status", "series", "participant", "when")
WHEN = ("upcoming", "today", "past")
STATUSES = ("announced", "scheduled", "held", "postponed", "cancelled")


def _sorted(options: dict[str, text.Shown]) -> list[dict]:
    return [{"value": v, "label": s} for v, s in sorted(options.items(), key=lambda kv: (kv[1].text.casefold(), kv[0]))]


def form(ctx: views.Ctx, records) -> dict | None:
    """The form for ``records`` (the meetings the page lists); None when there are none."""
    if not records:
        return None
    lang, t = ctx.lang, ctx.t
    country: dict[str, text.Shown] = {}
    city: dict[str, text.Shown] = {}
    kind: dict[str, text.Shown] = {}
    series: dict[str, text.Shown] = {}
    participant: dict[str, text.Shown] = {}
    statuses = set()
    for rec in records:
        place = rec["place"]
        if place["country"]:
            code = place["country"]["code"]
            country[code] = text.free(place["country"].get(lang) or views.country_name(code, lang), lang)
        if place["city"]:
            city[place["city"]["id"]] = text.named(place["city"], lang)
        kind[rec["kind"]] = views.lex_shown(ctx, "kinds", rec["kind"])
        if rec.get("series"):
            series[rec["series"]] = views.lex_shown(ctx, "series", rec["series"])
        for p in rec["participants"]:
            if p.get("id"):
                participant[p["id"]] = text.named(p, lang)
        statuses.add(rec["status"])
    feeds = {
        "country": {code: _follow(ctx, "country", code.lower()) for code in country},
        "series": {sid: _follow(ctx, "series", sid) for sid in series},
    }
    options = {
        "country": _sorted(country),
        "city": _sorted(city),
        "kind": _sorted(kind),
        "status": [{"value": s, "label": text.Shown(t(f"status.{s}"))} for s in STATUSES if s in statuses],
        "series": _sorted(series),
        "participant": _sorted(participant),
        "when": [{"value": w, "label": text.Shown(t(f"filters.when_{w}"))} for w in WHEN],
    }
    for name in ("country", "series"):
        for opt in options[name]:
            opt.update(feeds[name][opt["value"]])
    return {
        "fields": [{"name": name, "id": f"bf-f-{name}", "label": t(f"filters.{name}"), "options": options[name]} for name in FIELDS if options[name]],
        "total": len(records),
        "plural": t.plurals("showing"),
    }


def _follow(ctx: views.Ctx, facet: str, value: str) -> dict:
    """The narrower feed and calendar of one country or series, linked from its filtered view."""
    return {
        "feed": ctx.link.file(output_urls.subset_feed_path(ctx.lang, facet, value)),
        "ics": ctx.link.file(output_urls.subset_ics_path(ctx.lang, facet, value)),
    }
