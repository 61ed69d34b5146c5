"""Rendering records and articles into the site's Markdown pages.

``render_site`` is pure: records and articles in, ``{path under content/pages: bytes}``
out, for both languages (``x.md`` Arabic, ``x.en.md`` English). Templates live in
``generator/templates`` (Jinja2 with autoescape on, every label from
``labels.yml``). The pages are Markdown made of block-level HTML: article text is
HTML-escaped inside it, so nothing an article holds is read as Markdown, HTML, Jinja
or YAML by MkDocs.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from .. import outputs
from ..outputs import urls as output_urls
from . import labels as labels_mod
from . import filters, markup, text, timeline, urls, views
from .labels import LANGS

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
STATUSES = ("announced", "scheduled", "held", "postponed", "cancelled")
ATTENDANCE = ("in_person", "online", "mixed")


def environment(cache=None) -> jinja2.Environment:
    # A new environment per build: `mkdocs serve` picks up template edits.
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_Compiled(cache) if cache is not None and cache.enabled else None,
    )


class _Compiled(jinja2.BytecodeCache):
    """Compiled templates kept in the build cache (compiling them cost a tenth of a
    build that changes one article). Jinja checks each one against its template's
    source checksum and its own and Python's versions, and the cache key holds the
    checksum too; a value that does not load is compiled again."""

    def __init__(self, cache) -> None:
        self.cache = cache

    def _key(self, bucket) -> bytes:
        from ..cache import key

        return key("template", bucket.key, bucket.checksum)

    def load_bytecode(self, bucket) -> None:
        data = self.cache.get(self._key(bucket))
        if data is not None:
            try:
                bucket.bytecode_from_string(data)
            except Exception:  # noqa: BLE001 - whatever a damaged value raises, it is compiled again
                bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        self.cache.put(self._key(bucket), bucket.bytecode_to_string())


HTML_FLAG = "bf_html"  # the body is finished HTML: MkDocs' hook skips Markdown (generator/htmlpage.py)
_YAML_ESCAPE = re.compile("[\"\\\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def yaml_str(value: str) -> str:
    """A YAML double-quoted scalar: only quote, backslash and unprintable characters escaped."""

    def esc(m: re.Match) -> str:
        ch = m.group(0)
        return "\\" + ch if ch in "\"\\" else f"\\u{ord(ch):04x}"

    return '"' + _YAML_ESCAPE.sub(esc, value) + '"'


def front_matter(title: str, description: str | None = None, jsonld: str | None = None) -> str:
    # MkDocs themes print page.meta values unescaped, so they are stored escaped.
    lines = [f"title: {yaml_str(str(escape(title)))}", f"{HTML_FLAG}: true"]
    if description:
        lines.append(f"description: {yaml_str(str(escape(description)))}")
    if jsonld:
        # inside <script>, "</" (or "<!--") would change how HTML reads it; JSON's
        # "\u003c" is the same "<" and can only occur inside a JSON string
        lines.append("jsonld: " + yaml_str(jsonld.replace("<", "\\u003c")))
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def _tidy(markdown: str) -> bytes:
    lines = [line.rstrip() for line in markdown.split("\n")]
    return (re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n").encode("utf-8")


def _cited_seeds(rec: dict) -> list[str]:
    seeds = {s["seed"] for s in rec["sources"]} | {st["source"] for st in rec["statements"]}
    seeds |= {ev["seed"] for items in rec["evidence"].values() for ev in items}
    seeds |= {s for c in rec["conflicts"] for r in c["readings"] for s in r["sources"]}
    return sorted(seeds)


class _Inputs:
    """Everything a meeting's or an article's page reads, as text: the page's cache key.

    A page is a function of its template, labels and lexicon (in the cache's code
    fingerprint), the site's name and address, the catalog's translations, and what
    is listed here. A meeting's page: its record, how each article it cites is named,
    its series' neighbours and the other parts of an editor's split. An article's
    page: the article, which of its sentences are evidence and the meetings it gave.
    """

    def __init__(self, index: views.Index, translator, site, texts=None, identities=None) -> None:
        self.index = index
        # seed -> what names its article's whole content (the build cache's key of the
        # file's name and bytes): a short stand-in for the article's repr in page keys
        self._identities = identities or {}
        entries = getattr(translator, "entries", None) or {}
        self.common = repr((site.url, site.name, hashlib.sha256(repr(sorted(entries.items())).encode()).hexdigest()))
        self._texts: dict[int, str] = {}
        self._shared = texts  # the build's own (pipeline.Texts): each record's JSON made once
        self._made: dict[tuple, tuple] = {}  # what each language's pages ask again, made once

    def _once(self, what: str, thing, make):
        k = (what, id(thing))  # the thing is kept with its text, so its id stays its own
        got = self._made.get(k)
        if got is None or got[0] is not thing:
            got = self._made[k] = (thing, make())
        return got[1]

    def text(self, rec: dict) -> str:
        """What a key holds of a record: the SHA-256 of its compact JSON."""
        if self._shared is not None:
            return self._shared.digest(rec)
        k = id(rec)  # records live through the whole render: their ids stay theirs
        if k not in self._texts:
            text = json.dumps(rec, ensure_ascii=False, separators=(",", ":"), default=str)
            self._texts[k] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return self._texts[k]

    def key(self, stage: str, thing, inputs) -> bytes:
        """The cache key of ``thing``'s page in both languages (each language's is it and
        the language's code): the SHA-256 of ``inputs(thing)``, made once, not once per
        language (a key per page was a tenth of the render at 3,000 articles)."""
        from ..cache import key

        return self._once(f"key:{stage}", thing, lambda: key(stage, inputs(thing)))

    def meeting(self, rec: dict) -> str:
        return self._once("meeting", rec, lambda: self._meeting(rec))

    def _meeting(self, rec: dict) -> str:
        window, more = views.related_records(self.index, rec)
        partners = [p for e in rec.get("editorial", []) for p in views.split_partners(self.index, rec, e)]
        names = [views.name_inputs(self.index.articles.get(s)) for s in _cited_seeds(rec)]
        return repr((self.common, self.text(rec), names, [self.text(r) for r in window], more, [self.text(r) for r in partners]))

    def month(self, month, neighbours) -> str:
        """A month's page: its meetings, those spanning into it, its neighbours' names."""
        spanning = self.index.spanning.get(month.key, [])
        return repr((self.common, month.key, month.total, [self.text(r) for r in month.records], [self.text(r) for r in spanning], neighbours))

    def year(self, year: int, months, year_list) -> str:
        """A year's page: its months' names and counts, the calendar of each (the days
        the meetings spanning into it cover) and the other years."""
        return repr((self.common, year, year_list, [(m.key, m.total, len(m.records), [self.text(r) for r in self.index.spanning.get(m.key, [])]) for m in months]))

    def article(self, art) -> str:
        return self._once("article", art, lambda: self._article(art))

    def _article(self, art) -> str:
        used = sorted(self.index.used.get(art.seed, ()))
        ident = self._identities.get(art.seed)
        whole = ident.hex() if isinstance(ident, bytes) else repr(art)
        return repr((self.common, whole, used, [self.text(r) for r in self.index.by_seed.get(art.seed, [])]))


def render_site(records, articles, lex, site, translator, cache=None, texts=None, identities=None) -> dict[str, bytes]:
    """``cache`` (a ``generator.cache.Cache``) keeps each meeting's and article's pages:
    a build renders only those whose inputs changed. ``texts``: each record's
    compact JSON and its digest, if the caller has made them already (``pipeline.Texts``).
    ``identities``: seed -> bytes that differ whenever its article differs (the cache
    key it was read under); an article without one is keyed by its whole repr."""
    from ..cache import Cache, key

    cache = cache if cache is not None else Cache(None)
    labels = labels_mod.current()
    env = environment(cache)
    index = views.Index.build(sorted(records, key=lambda r: (r["date"]["start"], r["id"])), articles)
    inputs = _Inputs(index, translator, site, texts, identities)
    all_months = timeline.months(index.records)
    datelines = [a.published for a in articles if a.published]
    as_of = max(datelines) if datelines else None  # the sources' date: the newest dateline
    files: dict[str, bytes] = {}

    for lang in LANGS:
        # The pages the cache may hold: their keys first, read in a few queries, then
        # each made or taken (at the end of this language's turn: the makers use its names).
        cached: list[tuple[str, bytes, object]] = []
        t = labels[lang]
        shown = functools.partial(markup.shown, t)
        cite = functools.partial(markup.cite, t)

        def ctx(page: str) -> views.Ctx:
            return views.Ctx(lang, t, urls.Linker(page, lang), lex, translator, index)

        macros = env.get_template("_macros.j2").make_module({"t": t, "lang": lang, "shown": shown, "cite": cite})

        def entry_html(c: views.Ctx, rec: dict, macros=macros, lang=lang):
            """A meeting's line on a timeline, as its page lists it: made from its record
            and its link from the page alone, so kept in the cache by them. A month's
            page lists hundreds, and one meeting moved renders it again."""
            href = c.link.to(urls.meeting_page(rec["id"]))
            make = lambda: str(macros.entry(views.entry(c, rec))).encode("utf-8")  # noqa: E731
            return Markup(cache.memo_bytes(key("entry-html", lang, href, inputs.text(rec)), make).decode("utf-8"))

        def summary_html(c: views.Ctx, page: str, month, macros=macros, lang=lang):
            """A month as a year's page shows it (name, count, calendar), kept in the cache
            by all it is made of: a year's page shows twelve, and one meeting moved
            changes one of them."""
            spanning = [(r["date"]["start"], r["date"]["end"], r["date"]["precision"]) for r in index.spanning.get(month.key, ())]
            k = key("month-summary-html", lang, page, month.key, repr((month.total, len(month.records), spanning)))
            make = lambda: str(macros.month_summary(timeline.month_summary(c, month, set()))).encode("utf-8")  # noqa: E731
            return Markup(cache.memo_bytes(k, make).decode("utf-8"))

        def render(template: str, meta: str, **values) -> bytes:
            return _tidy(meta + env.get_template(template).render(t=t, lang=lang, shown=shown, cite=cite, **values))

        def emit(page: str, template: str, meta: str, **values) -> None:
            files[urls.md_path(page, lang)] = render(template, meta, **values)

        def year_links(c: views.Ctx) -> list[dict]:
            out = []
            for year in timeline.years(all_months):
                months = [m for m in all_months if m.year == year]
                out.append({
                    "year": year,
                    "href": c.link.to(urls.archive_page(year)),
                    "count": t.count("meetings", sum(len(m.records) for m in months)),
                    "months": [
                        {"label": timeline.datefmt.month(m.year, m.month, lang), "href": c.link.to(urls.month_page(m.year, m.month)), "count": t.count("meetings", len(m.records))}
                        for m in months
                    ],
                })
            return out

        # home: the timeline window
        c = ctx("index.md")
        window = timeline.home_window(all_months, as_of)
        on_page = {m.key for m in window if m.total is None} | {r["date"]["start"] for m in window if m.total is not None for r in m.records}
        coming, recent = timeline.around(index.records, as_of)
        emit(
            "index.md", "home.md.j2", front_matter(t("nav.timeline"), t("site.tagline")),
            window=[timeline.month_view(c, m, on_page, entry_html) for m in window],
            filters=filters.form(c, [r for m in window for r in m.records]),
            coming=[views.entry(c, r) for r in coming],
            recent=[views.entry(c, r) for r in recent],
            window_first=timeline.datefmt.month(window[0].year, window[0].month, lang) if window else "",
            window_last=timeline.datefmt.month(window[-1].year, window[-1].month, lang) if window else "",
            as_of=timeline.datefmt.day(as_of, lang) if as_of else None,
            years=year_links(c),
            all_ics=c.link.file(output_urls.all_ics_path(lang)),
            feed=c.link.file(output_urls.feed_path(lang)),
        )

        # archive: an index of years, one page per year
        c = ctx(urls.archive_page())
        emit(urls.archive_page(), "archive_index.md.j2", front_matter(t("nav.archive"), t("archive.intro")), years=year_links(c))
        year_list = timeline.years(all_months)
        for i, year in enumerate(year_list):
            page = urls.archive_page(year)
            months = [m for m in all_months if m.year == year]

            def year_page(i=i, year=year, page=page, months=months) -> bytes:
                c = ctx(page)
                return render(
                    "archive_year.md.j2", front_matter(t("archive.year_title", year=year)),
                    year=year,
                    months=[summary_html(c, page, m) for m in months],
                    back=c.link.to(urls.archive_page()),
                    previous={"year": year_list[i - 1], "href": c.link.to(urls.archive_page(year_list[i - 1]))} if i > 0 else None,
                    next={"year": year_list[i + 1], "href": c.link.to(urls.archive_page(year_list[i + 1]))} if i + 1 < len(year_list) else None,
                )

            cached.append((urls.md_path(page, lang), key("year-page", lang, inputs.year(year, months, year_list)), year_page))

        # one page per month: a year's page lists its months, each month's page its meetings
        for i, month in enumerate(all_months):
            page = urls.month_page(month.year, month.month)
            before = all_months[i - 1] if i > 0 else None
            after = all_months[i + 1] if i + 1 < len(all_months) else None

            def month_page(month=month, page=page, before=before, after=after) -> bytes:
                c = ctx(page)

                def neighbour(other):
                    return {"label": timeline.datefmt.month(other.year, other.month, lang), "href": c.link.to(urls.month_page(other.year, other.month))}

                label = timeline.datefmt.month(month.year, month.month, lang)
                return render(
                    "archive_month.md.j2", front_matter(t("archive.month_title", month=label)),
                    label=label,
                    year=month.year,
                    year_href=c.link.to(urls.archive_page(month.year)),
                    month=timeline.month_view(c, month, {month.key}, entry_html),
                    filters=filters.form(c, month.records),
                    previous=neighbour(before) if before else None,
                    next=neighbour(after) if after else None,
                )

            neighbours = (before.key if before else None, after.key if after else None)
            cached.append((urls.md_path(page, lang), key("month-page", lang, inputs.month(month, neighbours)), month_page))

        # one page per meeting
        for rec in index.records:
            page = urls.meeting_page(rec["id"])

            def meeting_page(rec=rec, page=page) -> bytes:
                c = ctx(page)
                view = views.meeting(c, rec)
                place = view["place"].text if view["place"] else t("not_stated")
                description = f"{view['date']} · {place} · {view['status_label']}"
                return render(
                    "meeting.md.j2", front_matter(view["title"].text, description, outputs.meeting_jsonld(rec, lang, site, lex)),
                    m=view,
                    archive=c.link.to(urls.archive_page()),
                )

            cached.append((urls.md_path(page, lang), inputs.key("meeting-page", rec, inputs.meeting) + lang.encode(), meeting_page))

        # one page per source article
        for art in sorted(articles, key=lambda a: a.seed):
            page = urls.source_page(art.seed)

            def source_page(art=art, page=page) -> bytes:
                view = views.article_view(ctx(page), art)
                name = view["name"]
                if lang != "ar" and name.lang == "ar":  # an Arabic title stays out of the English <title>
                    name = text.code(art.stem)
                return render("source.md.j2", front_matter(t("source.title", name=name.isolated_text)), a=view)

            cached.append((urls.md_path(page, lang), inputs.key("source-page", art, inputs.article) + lang.encode(), source_page))

        cache.prefetch(k for path, k, _ in cached if not cache.unchanged(f"page:{path}", k))
        # the pages the cache cannot give are rendered on every core (generator/pool.py)
        for (path, _, _), page in zip(cached, cache.files([(f"page:{path}", k, make) for path, k, make in cached])):
            files[path] = page

        c = ctx("about.md")
        data = {
            "events": c.link.file(output_urls.EVENTS_JSON),
            "events_schema": c.link.file(output_urls.EVENTS_SCHEMA_JSON),
            "event_schema": c.link.file(output_urls.SCHEMA_JSON),
            "feed": c.link.file(output_urls.feed_path(lang)),
            "ics": c.link.file(output_urls.all_ics_path(lang)),
        }
        emit("about.md", "about.md.j2", front_matter(t("nav.about"), t("site.tagline")), statuses=STATUSES, attendance=ATTENDANCE, data=data)

    # where crawlers find the sitemap (MkDocs writes it, with both languages' alternates)
    files["robots.txt"] = f"User-agent: *\nAllow: /\nSitemap: {site.url}sitemap.xml\n".encode("utf-8")
    return dict(sorted(files.items()))
