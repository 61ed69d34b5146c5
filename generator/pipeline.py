"""The run: read every article, extract, merge, validate; then plan every file.

Nothing is written here. ``run()`` returns the complete set of files the generator
owns under ``content/`` as bytes, or raises ``GeneratorError`` with every problem
found. ``writer.write`` then applies the plan; so an error anywhere leaves
``content/`` exactly as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import json

from . import corrections, editorial, extract, gazetteer, lexicon, merge, outputs, record, render, siteconfig, translations, yamlio
from .cache import Cache, key
from .errors import Collector, GeneratorError, Problem
from .reader import read_seeds
from .writer import Plan

EVENTS = "events"
PAGES = "pages"  # the MkDocs docs_dir
RECORD_HEADER = "# Generated from seeds/ by `python -m generator build`. To change a field, add a\n# correction under content/corrections/ (see README); edits here are overwritten.\n"


@dataclass(frozen=True)
class Result:
    plan: Plan
    records: tuple[dict, ...]
    articles: tuple
    notices: tuple[Problem, ...]  # reported, not fatal: unanchored dates, stale corrections and actions
    applied: tuple = ()  # editorial.Applied: the editorial actions this build applied


def _canonical(rec: dict) -> str | None:
    try:
        return json.dumps(rec, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return None


def _validator(cache: Cache, lex):
    """``record.validate`` remembering the records it found valid (problems are never cached)."""

    def validate(rec: dict, where: str) -> list[Problem]:
        text = _canonical(rec)
        k = key("valid", text) if text is not None else None
        if k is not None and cache.get(k) == b"ok":
            return []
        problems = record.validate(rec, where, lex)
        if k is not None and not problems:
            cache.put(k, b"ok")
        return problems

    return validate


def _places(lex, cache: Cache) -> None:
    """Hand the lexicon the gazetteer the cache holds, or store the one it builds."""
    places = lex.places
    if not isinstance(places, gazetteer.Lazy) or places.ready or not cache.enabled:
        return
    k = key("gazetteer")
    got = cache.get_value(k)
    if isinstance(got, gazetteer.Gazetteer):
        places.provide(got)
    else:
        cache.put_value(k, places.get())


def run(seeds: Path, content: Path, project: Path | None = None, cache: Cache | None = None) -> Result:
    """``project`` holds mkdocs.yml (for the site URL); default: the folder above seeds/.
    ``cache`` remembers each stage's results by their inputs (default: none)."""
    cache = cache if cache is not None else Cache(None)
    problems = Collector()
    articles, read_problems = read_seeds(seeds)
    problems.extend(read_problems)
    try:  # without a site address or a lexicon nothing can go on; report them with the articles' problems
        site = siteconfig.load(project if project is not None else seeds.resolve().parent)
        lex = lexicon.load()
        _places(lex, cache)
    except GeneratorError as exc:
        problems.extend(exc.problems)
        problems.raise_if_any()
    # An article's mentions depend on the article alone (and the lexicon and code, which
    # every key holds): repr() of the frozen Article covers each field it has.
    mentions = [m for a in articles for m in cache.memo(key("extract", repr(a)), lambda a=a: tuple(extract.extract(a, lex)))]
    events, notices = merge.merge(mentions)
    records = [record.build(e, lex) for e in events]
    validate = _validator(cache, lex)
    problems.extend(record.validate_all(records, lex, validate))  # the generator's own output
    # Editors' added, dismissed, merged and split meetings, before translations and
    # corrections, so both reach the records the actions give.
    actions, action_problems = editorial.load(content / editorial.FOLDER)
    problems.extend(action_problems)
    outcome = editorial.apply(records, mentions, articles, actions, lex)
    problems.extend(outcome.problems)
    records = outcome.records
    # Translations first, so an editor's correction of a statement's English wins over the catalog.
    try:
        translator, catalog_files = translations.load(content, articles, records)
    except GeneratorError as exc:  # a broken catalog: report it with everything else
        problems.extend(exc.problems)
        translator, catalog_files = translations.Translator({}), {}
    records = [translations.apply(r, translator) for r in records]
    fixes, fix_problems = corrections.load(content / corrections.FOLDER)
    problems.extend(fix_problems)
    records, applied_notices = corrections.apply(records, fixes)
    bad = corrections.validate(records, fixes, validate)
    problems.extend(bad)  # blamed on the correction file
    if not bad:
        # A corrected kind, series or place gives a new title, unless the title itself was corrected.
        records = [r if any(c["field"].startswith("title") for c in r["corrections"]) else {**r, "title": record.title(r, lex)} for r in records]
    problems.raise_if_any()
    records = sorted(records, key=lambda r: (r["date"]["start"], r["id"]))
    files: dict[str, bytes] = dict(catalog_files)
    for rec in records:
        text = _canonical(rec)
        dump = lambda rec=rec: yamlio.dump(rec, RECORD_HEADER).encode("utf-8")  # noqa: E731
        files[f"{EVENTS}/{rec['id']}.yml"] = cache.memo_bytes(key("record-yaml", text), dump) if text is not None else dump()
    pages = {**render.render_site(records, articles, lex, site, translator, cache), **outputs.render_outputs(records, lex, site, cache)}
    for rel, data in pages.items():
        files[f"{PAGES}/{rel}"] = data
    return Result(
        plan=Plan(files=dict(sorted(files.items())), owned=(EVENTS, PAGES)),
        records=tuple(records),
        articles=tuple(articles),
        notices=tuple(notices) + outcome.notices + tuple(applied_notices),
        applied=outcome.applied,
    )
