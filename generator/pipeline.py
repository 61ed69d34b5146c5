"""The run: read every article, extract, merge, validate; then plan every file.

Nothing is written here. ``run()`` returns the complete set of files the generator
owns under ``content/`` as bytes, or raises ``GeneratorError`` with every problem
found. ``writer.write`` then applies the plan; so an error anywhere leaves
``content/`` exactly as it was.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from . import corrections, editorial, extract, gazetteer, lexicon, merge, outputs, pool, record, render, siteconfig, translations, yamlio
from .cache import Cache, key
from .errors import Collector, GeneratorError, Problem
from .model import Article
from .reader import ArticleError, parse_file, read_files
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
    catalog: object = None  # the catalog written (babel Catalog), as read() would give it back


def _titled(rec: dict, title: dict) -> dict:
    """The record with this title: the same object when it has it already (see ``Texts``)."""
    return rec if rec.get("title") == title else {**rec, "title": title}


def _canonical(rec: dict) -> str | None:
    try:
        return json.dumps(rec, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return None


class Texts:
    """Each record's compact JSON, made once per build and shared by every stage that
    keys the cache with it (validation, YAML, pages, calendars, open data).

    ``strict(rec)`` is None for a record JSON cannot hold; calling gives text for any
    record (``str`` of what JSON cannot hold). Records are kept while the build runs,
    so an ``id`` is never reused for another record.
    """

    def __init__(self) -> None:
        self._made: dict[int, tuple[dict, str | None, str | None]] = {}
        self._digests: dict[int, tuple[dict, str]] = {}
        self._stored: dict[int, dict] = {}  # the records read back from the cache

    def _get(self, rec: dict) -> tuple[dict, str | None, str | None]:
        got = self._made.get(id(rec))
        if got is None or got[0] is not rec:
            strict = _canonical(rec)
            got = self._made[id(rec)] = (rec, strict, strict)
        return got

    def known(self, rec: dict, strict: str, digest: str) -> None:
        """``rec``'s compact JSON and its digest as made before (a record kept in the
        build cache with them)."""
        self._made[id(rec)] = (rec, strict, strict)
        self._digests[id(rec)] = (rec, digest)
        self._stored[id(rec)] = rec

    def stored(self, rec: dict) -> bool:
        """``rec`` is a record read back from the cache (see ``known``)."""
        return self._stored.get(id(rec)) is rec

    def strict(self, rec: dict) -> str | None:
        return self._get(rec)[1]

    def __call__(self, rec: dict) -> str:
        got = self._get(rec)
        if got[2] is None:
            got = self._made[id(rec)] = (rec, None, json.dumps(rec, ensure_ascii=False, separators=(",", ":"), default=str))
        return got[2]

    def digest(self, rec: dict) -> str:
        """The SHA-256 of the record's text: what a cache key holds of a record, so its
        text is encoded and hashed once however many keys name it."""
        got = self._digests.get(id(rec))
        if got is None or got[0] is not rec:
            got = self._digests[id(rec)] = (rec, hashlib.sha256(self(rec).encode("utf-8")).hexdigest())
        return got[1]


def _validator(cache: Cache, lex, texts: Texts):
    """``record.validate`` remembering the records it found valid (problems are never
    cached). ``validate.warm(records)`` reads what the cache knows of many at once and checks the rest on every core.

    A record read back from the cache as ``_records`` keeps it is valid without a
    check: the cache keeps only what a build that succeeded made, and a build succeeds
    only when every record ``_records`` gave passed this check (its key holds the
    lexicon and the schema, through the generator's fingerprint)."""
    keys: dict[str, bytes] = {}

    def key_of(rec: dict) -> bytes | None:
        if texts.strict(rec) is None or texts.stored(rec):
            return None
        digest = texts.digest(rec)
        if digest not in keys:
            keys[digest] = key("valid", digest)
        return keys[digest]

    def validate(rec: dict, where: str) -> list[Problem]:
        if texts.stored(rec):
            return []
        k = key_of(rec)
        if k is not None and cache.get(k) == b"ok":
            return []
        problems = record.validate(rec, where, lex)
        if k is not None and not problems:
            cache.put(k, b"ok")
        return problems

    def warm(records: list[dict]) -> None:
        """Check on every core the records the cache does not know valid (a record
        found invalid is checked again where its problems are reported)."""
        cache.prefetch(k for rec in records if (k := key_of(rec)) is not None)
        cache.warm([(k, functools.partial(_valid_mark, rec, lex)) for rec in records if (k := key_of(rec)) is not None])

    validate.warm = warm
    return validate


def _valid_mark(rec: dict, lex) -> bytes | None:
    return None if record.validate(rec, "", lex) else b"ok"


def catalog_reader(cache: Cache):
    """``translations.read`` remembering each catalog it parsed by its bytes (the build
    also stores the catalog it writes under its bytes, see ``run``: the next build
    starts from those bytes and takes it from the cache). A catalog that does not
    parse raises as ever and is never stored."""

    def parse(data: bytes, where: str):
        return cache.memo(key("catalog-read", data), lambda: translations.read(data, where))

    return parse


def _built(cache: Cache):
    """The lexicon by its files' bytes (see ``lexicon.load``); a lexicon that fails
    the check raises as ever and is never stored."""
    if not cache.enabled:
        return None

    def built(files, make):
        # each file by its name and bytes, a missing one marked as such
        parts = [name.encode() + (b":-" if data is None else b":+" + data) for name, data in files]
        return cache.memo(key("lexicon", *parts), make)

    return built


def _places(lex, cache: Cache) -> None:
    """Hand the lexicon the gazetteer the cache holds, or store the one it builds."""
    places = lex.places
    if not isinstance(places, gazetteer.Lazy) or places.ready or not cache.enabled:
        return
    k = key("gazetteer")
    got = gazetteer.Gazetteer.from_plain(cache.get_plain(k))
    if got is not None:
        places.provide(got)
    else:
        cache.put_plain(k, places.get().plain())


def record_key(members: list[str | None]) -> bytes | None:
    """The cache key of the record a group of mentions makes, each named by its article's
    key and its place in that article's list (None: a mention with no such name, and
    then the group has no key). Every member counts; their order does not."""
    return None if None in members else key("record", *sorted(members))


def _records(mentions: list, found: list, keys: list, lex, cache: Cache, texts: Texts) -> tuple[list[dict], list[Problem]]:
    """One record per merged meeting, and the merge's notices. A record depends on its
    group's mentions alone, and each mention on its article's cache key and its place
    in that article's list: a group whose members all have one finds its record by
    them (a changed article changes only the records it is part of). The record is
    kept with its compact JSON and that JSON's digest, which ``texts`` then need not
    make again."""
    groups, notices = merge.group(mentions)
    names = {id(m): f"{k.hex()}:{i}" for got, k in zip(found, keys) if k is not None for i, m in enumerate(got)}
    group_keys = [record_key([names.get(id(m)) for m in g]) for g in groups]
    cache.prefetch(k for k in group_keys if k is not None)
    records = []
    for g, k in zip(groups, group_keys):
        got = cache.get_plain(k) if k is not None else None
        if isinstance(got, tuple) and len(got) == 3 and isinstance(got[0], dict) and isinstance(got[1], str) and isinstance(got[2], str):
            rec, text, digest = got
            texts.known(rec, text, digest)
        else:
            rec = record.build(merge.event(g), lex)
            if k is not None and cache.enabled and texts.strict(rec) is not None:
                # Plain values (what JSON holds: ``strict``): read back in two thirds
                # of the time ``pickle`` takes, 10,000 of them in every build.
                cache.put_plain(k, (rec, texts.strict(rec), texts.digest(rec)))
        records.append(rec)
    return records, notices


def _under(previous, folder: str):
    """``previous`` for the paths under ``content/folder``."""
    return None if previous is None else (lambda rel: previous(f"{folder}/{rel}"))


def _read(seeds: Path, raw, cache: Cache, problems: Collector) -> tuple[list, list, list]:
    """The articles, and for each its cache key and its mentions if the cache has them.

    An article and what it gives depend on its file's name and bytes alone (and the
    lexicon and code, which every key holds), so one key made of those finds both: an
    unchanged article is neither parsed nor extracted again. Problems are never cached.
    """
    files, folder_problems = (raw, []) if raw is not None else read_files(seeds)
    problems.extend(folder_problems)
    keys = [key("article", path.name, data) if isinstance(data, bytes) else None for path, data in files]
    cache.prefetch(k for k in keys if k is not None)
    articles, found, stored = [], [], []
    for (path, data), k in zip(files, keys):
        got = cache.get_value(k) if k is not None else None
        if isinstance(got, tuple) and len(got) == 2 and isinstance(got[0], Article) and isinstance(got[1], tuple):
            article, mentions = got
        else:
            try:
                article, mentions = parse_file(path, data), None
            except ArticleError as exc:
                problems.extend([exc.problem])
                continue
        articles.append(article)
        found.append(mentions)
        stored.append(k)
    return articles, found, stored


def run(seeds: Path, content: Path, project: Path | None = None, cache: Cache | None = None, raw=None, previous=None) -> Result:
    """``project`` holds mkdocs.yml (for the site URL); default: the folder above seeds/.
    ``cache`` remembers each stage's results by their inputs (default: none). ``raw``:
    the seeds' (path, bytes) as the caller already read them (default: read here).
    ``previous(rel)``: the bytes the last build wrote to ``content/rel``, if it is
    still that file (``writer.previous``; default: none known)."""
    cache = cache if cache is not None else Cache(None)
    problems = Collector()
    articles, found, keys = _read(seeds, raw, cache, problems)
    try:  # without a site address or a lexicon nothing can go on; report them with the articles' problems
        site = siteconfig.load(project if project is not None else seeds.resolve().parent)
        lex = lexicon.load(built=_built(cache))
        _places(lex, cache)
    except GeneratorError as exc:
        problems.extend(exc.problems)
        problems.raise_if_any()
    # The articles the cache does not know are extracted on every core (generator/pool.py),
    # with the gazetteer loaded first, once, for the workers to inherit.
    todo = [i for i, got in enumerate(found) if got is None]
    if todo and isinstance(lex.places, gazetteer.Lazy):
        lex.places.get()
    for i, got in zip(todo, pool.ordered_map(lambda i: tuple(extract.extract(articles[i], lex)), todo)):
        found[i] = got
        cache.put_value(keys[i], (articles[i], got))
    mentions = [m for got in found for m in got]
    texts = Texts()
    records, notices = _records(mentions, found, keys, lex, cache, texts)
    validate = _validator(cache, lex, texts)
    validate.warm(records)
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
        # The entries' PO text as the last build rendered them: one value, replaced when
        # the entries change (its key holds no input, only the generator's fingerprint).
        rendered = translations.Rendered(cache.get_value(key("catalog-rendered")))
        written = []

        def made(data: bytes, catalog) -> None:
            # The catalog the build writes: the next build's ``load`` reads these bytes
            # and finds this parse (stored now: nothing changes the catalog after this).
            if cache.enabled:
                cache.put_value(key("catalog-read", data), catalog)
            written.append(catalog)

        translator, catalog_files = translations.load(content, articles, records, catalog_reader(cache), rendered, made)
        if rendered.made != rendered.known:
            cache.put_value(key("catalog-rendered"), rendered.made)
    except GeneratorError as exc:  # a broken catalog: report it with everything else
        problems.extend(exc.problems)
        translator, catalog_files, written = translations.Translator({}), {}, []
    records = [translations.apply(r, translator) for r in records]
    fixes, fix_problems = corrections.load(content / corrections.FOLDER)
    problems.extend(fix_problems)
    records, applied_notices = corrections.apply(records, fixes)
    bad = corrections.validate(records, fixes, validate)
    problems.extend(bad)  # blamed on the correction file
    if not bad:
        # A corrected kind, series or place gives a new title, unless the title itself was corrected.
        records = [r if any(c["field"].startswith("title") for c in r["corrections"]) else _titled(r, record.title(r, lex)) for r in records]
    problems.raise_if_any()
    records = sorted(records, key=lambda r: (r["date"]["start"], r["id"]))
    files: dict[str, bytes] = dict(catalog_files)
    yaml_keys = [key("record-yaml", texts.digest(rec)) if texts.strict(rec) is not None else None for rec in records]
    cache.prefetch(k for rec, k in zip(records, yaml_keys) if k is not None and not cache.unchanged(f"record:{rec['id']}", k))
    for rec, k in zip(records, yaml_keys):
        dump = lambda rec=rec: yamlio.dump(rec, RECORD_HEADER).encode("utf-8")  # noqa: E731
        files[f"{EVENTS}/{rec['id']}.yml"] = cache.file(f"record:{rec['id']}", k, dump) if k is not None else dump()
    # an article's cache key names its whole content: page keys hold it, not the article
    identities = {a.seed: k for a, k in zip(articles, keys) if k is not None}
    pages = {**render.render_site(records, articles, lex, site, translator, cache, texts, identities), **outputs.render_outputs(records, lex, site, cache, texts, _under(previous, PAGES))}
    for rel, data in pages.items():
        files[f"{PAGES}/{rel}"] = data
    return Result(
        plan=Plan(files=dict(sorted(files.items())), owned=(EVENTS, PAGES)),
        records=tuple(records),
        articles=tuple(articles),
        notices=tuple(notices) + outcome.notices + tuple(applied_notices),
        applied=outcome.applied,
        catalog=written[0] if written else None,
    )
