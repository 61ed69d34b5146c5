"""One build, as ``python -m generator build`` and ``mkdocs build`` run it.

Under the build lock: the pipeline with the build cache, then the all-at-once write.
Before any of that, a build whose inputs are byte for byte those of the last build
(every seed, every editorial, correction and catalog file, mkdocs.yml, and the
generator itself through the cache's fingerprint), and whose ``content/`` is still
exactly what that build left, has nothing to do: it stops after reading the inputs.
``content/`` is compared by each owned file's size and modification time against the
list the last build recorded, so any edit, deletion or stray file there still
rebuilds.

The seeds are read once: the bytes digested for that check are the bytes the pipeline
builds from. The writer is handed the files the last build wrote (identity and
SHA-256, see ``writer.diff``), so it reads none of the files that did not change.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import os
from dataclasses import dataclass, replace
from pathlib import Path

from . import codecache, inputs, regexcache, writer
from .cache import Cache, key

EDITOR_FOLDERS = ("corrections", "editorial", "translations")  # inputs that live in content/


@dataclass(frozen=True)
class Outcome:
    records: int
    articles: int
    written: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int
    notices: tuple[str, ...]
    newest: dt.date | None  # the newest dateline, else the first meeting's day: the site's date
    translations: str  # the catalog's one-line summary
    skipped: bool = False  # nothing changed since the last build: no stage ran


def run(project: Path, seeds: Path, content: Path, before_write=None, keep: list | None = None) -> Outcome:
    """Build ``content`` from ``seeds``; ``GeneratorError`` or ``OSError`` on failure (nothing
    written). ``before_write(files)`` sees every planned file's bytes before they are written.
    ``keep``: where to leave what the build made (its plan, articles, records and
    cache) instead of freeing it on return, for a process that ends at once after the
    build (``python -m generator``): freeing a build of 10,000 articles object by
    object costs a few tenths of a second, which the end of the process does not.
    Such a process also takes the regular expressions it compiles and the code of its
    dataclasses' methods from the cache (``regexcache``: about a tenth of a build that
    changes one article; ``codecache``: 15–20 ms of every build)."""
    cache = Cache.for_project(project)
    tables = []  # (cache key, table) of what the process compiles, kept between builds
    whole = ok = False  # the pipeline ran: what it did not use can go; the build succeeded: store
    # No cycle collection while the build runs: it makes millions of short-lived objects,
    # freed by their reference counts, and each collection pass walks every object
    # alive (the lexicon, the articles, the records, the cache's values): a quarter of
    # a build that changes one article. Turned back on when it ends.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with writer.locked(content) as session:
            raw = _seeds(seeds)
            seeds_digest = _digest(raw) if raw is not None else None
            state = _state(project, seeds_digest, content) if cache.enabled else None
            # The last build's record of the files it wrote (``writer.Changes.files``) and
            # of the inputs it built them from: what this build compares content/ with,
            # what the write compares the new files with, and which of them the pipeline
            # may take parts of again.
            written_key = key("content-files", str(content.resolve()))
            last = _last(cache.get_plain(written_key)) if cache.enabled else None
            known = last["files"] if last else None
            if state and last and last["state"] == state and _unchanged(content, last["owned"], known):
                out = cache.get_value(key("last-build", state))
                if isinstance(out, Outcome):
                    return replace(out, written=(), removed=(), unchanged=out.unchanged + len(out.written), skipped=True)
            if keep is not None and cache.enabled:
                # before the pipeline's imports: they compile most of the patterns and
                # define most of the dataclasses
                for name, module in (("regex-programs", regexcache), ("dataclass-methods", codecache)):
                    k = key(name, *module.cache_key_parts())
                    tables.append((k, module.Table(cache.get_plain(k))))
                    tables[-1][1].install()
            # imported here: a build with nothing to do never loads the pipeline's libraries
            from . import pipeline, translations

            made_key = key("file-keys", str(content.resolve()))
            before = cache.get_plain(made_key) if cache.enabled else None
            cache.before = before if isinstance(before, dict) else {}
            previous = writer.previous(content, known) if cache.enabled else None
            result = pipeline.run(seeds, content, project, cache, raw=raw, previous=previous)
            if keep is not None:
                keep.extend([result, raw, last, cache])
            whole = True
            if before_write is not None:
                before_write(result.plan.files)
            changes = session.write(result.plan, known=known, held=previous.held if previous else None)
            if keep is not None:
                keep.append(changes)
            dates = [a.published for a in result.articles if a.published] or [dt.date.fromisoformat(r["date"]["start"]) for r in result.records]
            out = Outcome(
                records=len(result.records),
                articles=len(result.articles),
                written=changes.written,
                removed=changes.removed,
                unchanged=changes.unchanged,
                notices=tuple(str(n) for n in result.notices),
                newest=max(dates) if dates else None,
                translations=translations.summary(translations.status(result.catalog)),
            )
            # The inputs as they stand after the write (the build rewrites the catalog):
            # the next build with these same bytes would plan these same files.
            state = _state(project, seeds_digest, content) if cache.enabled else None
            if state:
                cache.put_value(key("last-build", state), out)
            if cache.enabled:
                # the writer's record of the files and the keys they were made from: together
                cache.put_plain(written_key, {"state": state, "owned": list(result.plan.owned), "files": changes.files})
                cache.put_plain(made_key, cache.made)
            for k, table in tables:
                if table.new:
                    cache.put_plain(k, table.used)
            ok = True
            return out
    finally:
        for _, table in tables:
            table.uninstall()
        cache.close(store=ok, prune=whole)  # a failed build leaves the cache as it was
        if keep is not None:
            # What is kept lives until the process ends: set aside from the collector,
            # whose first pass would otherwise walk every object the build made.
            gc.freeze()
        if collecting:
            gc.enable()


def _seeds(seeds: Path) -> list[tuple[Path, bytes]] | None:
    """Every seed's path and bytes, in name order; None when one cannot be read as an
    input (the pipeline then reads them itself and reports it)."""
    try:
        return [(path, inputs.read(path, inputs.SEED_LIMIT)) for path in inputs.listed(seeds, ".txt")]
    except (inputs.InputError, OSError):
        return None


def _digest(raw: list[tuple[Path, bytes]]) -> bytes:
    h = hashlib.sha256()
    for path, data in raw:
        _add(h, path.name, data)
    return h.digest()


def _state(project: Path, seeds_digest: bytes | None, content: Path) -> bytes | None:
    """A digest of every input's name and bytes (the seeds' through ``seeds_digest``);
    None when one cannot be read as an input (the pipeline then runs and reports it)."""
    if seeds_digest is None:
        return None
    h = hashlib.sha256(seeds_digest)
    try:
        for folder in EDITOR_FOLDERS:
            base = content / folder
            if base.is_dir():
                for path in sorted(p for p in base.rglob("*") if not p.is_dir()):
                    _add(h, path.relative_to(content).as_posix(), inputs.read(path, inputs.CATALOG_LIMIT))
        config = project / "mkdocs.yml"
        _add(h, "mkdocs.yml", config.read_bytes() if config.is_file() else b"")
    except (inputs.InputError, OSError):
        return None
    return h.digest()


def _add(h, name: str, data: bytes) -> None:
    h.update(f"{name}\0{len(data)}\0".encode())
    h.update(data)


def _last(value) -> dict | None:
    """The last build's record, if it has the expected shape."""
    ok = isinstance(value, dict) and isinstance(value.get("files"), dict) and isinstance(value.get("owned"), list)
    return value if ok else None


def _unchanged(content: Path, owned: list, files: dict) -> bool:
    """``content``'s owned folders hold the files ``files`` records and nothing else,
    each with the size and modification time recorded."""
    seen = 0
    try:
        for folder in owned:
            for rel, st in _files(content, folder):
                got = files.get(rel)
                if got is None or got[1] != st.st_size or got[2] != st.st_mtime_ns:
                    return False
                seen += 1
    except OSError:
        return False
    prefixes = tuple(f"{folder}/" for folder in owned)
    return seen == sum(1 for rel in files if rel.startswith(prefixes))


def _files(content: Path, owned: str):
    """(path under ``content``, stat) of everything under ``content/owned`` but folders
    (os.scandir: far cheaper than Path.rglob and a stat per file)."""
    stack = [owned]
    while stack:
        rel = stack.pop()
        try:
            with os.scandir(content / rel) as entries:
                for e in entries:
                    if e.is_dir(follow_symlinks=False):
                        stack.append(f"{rel}/{e.name}")
                    else:
                        yield f"{rel}/{e.name}", e.stat(follow_symlinks=False)
        except FileNotFoundError:
            continue
