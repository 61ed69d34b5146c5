"""The review report: what a change does to the content, against a git revision.

``python -m generator review [--base REV]`` compares the records committed at REV
(``content/events/*.yml``, read with ``git cat-file``) with the records the
generator produces now from the working tree (``pipeline.run`` in memory, so the
report is right before ``build`` has been run), and prints Markdown short enough
to paste into a pull request: meetings added, removed and changed (field by field,
old → new, in plain words), new conflicts between sources, translations newly
done or turned stale, corrections that no longer apply and the other notices.

``report()`` is a pure function of its inputs; the same inputs give the same
bytes. Text that comes from articles or editors is escaped for Markdown.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import pipeline, writer, yamlio
from .errors import GeneratorError
from .translations import CATALOG  # the catalog, under content/

DEFAULT_BASES = ("origin/main", "HEAD")
MAX_ITEMS = 30  # per list, so the report stays pasteable; the rest is counted
STALE_MARK = "no longer applies"


class GitError(Exception):
    """A one-line reason: not a git repository, a bad revision."""


# --------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class Names:
    """English names for lexicon ids (topics, people, kinds, series); ids otherwise."""

    topics: dict = field(default_factory=dict)
    people: dict = field(default_factory=dict)
    kinds: dict = field(default_factory=dict)
    series: dict = field(default_factory=dict)

    @classmethod
    def from_lexicon(cls, lex) -> Names:
        def table(kind):
            return {k: e.ref.en for k, e in lex.by_id(kind).items()}

        return cls(topics=table("topics"), people=table("people"), kinds={e.ref.id: e.ref.en for e in lex.kinds}, series=table("series"))


@dataclass(frozen=True)
class CatalogStats:
    """One PO catalog: each entry's key with (translated, fuzzy)."""

    entries: dict  # (context, msgid) -> (translated: bool, fuzzy: bool)

    @property
    def translated(self) -> int:
        return sum(1 for t, _ in self.entries.values() if t)

    @property
    def fuzzy(self) -> int:
        return sum(1 for _, f in self.entries.values() if f)


def read_catalog(data: bytes | None) -> CatalogStats | None:
    """A gettext PO file's entries (header and obsolete entries left out); None if absent."""
    if data is None:
        return None
    from . import translations

    catalog = translations.read(data, translations.CATALOG)
    entries = {(m.context or "", m.id): (translations.state(m) == "translated", bool(m.fuzzy)) for m in translations.active(catalog)}
    return CatalogStats(entries)


# --------------------------------------------------------------------- words


def md(text) -> str:
    """Text from articles or editors as inert Markdown, on one line."""
    text = re.sub(r"\s+", " ", str(text)).strip()
    text = re.sub(r"([\\`*\[\]<>|~])", r"\\\1", text)
    text = re.sub(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])", r"\\_", text)  # intraword _ is inert
    return re.sub(r"&(?=#?\w+;)", "&amp;", text)


def _short(text, limit: int = 100) -> str:
    text = re.sub(r"\s+", " ", str(text)).strip()
    return md(text if len(text) <= limit else text[: limit - 1].rstrip() + "…")


def _code(text: str) -> str:
    return f"`{str(text).replace('`', '')}`"


def _none(value) -> bool:
    return value is None or value == [] or value == {}


def _en(named) -> str:
    if named is None:
        return "not stated"
    return md(named.get("en") or named.get("ar") or named.get("id") or named.get("code") or "?")


def _place(place) -> str:
    if not place or (not place.get("city") and not place.get("country")):
        return "not stated"
    parts = [_en(place[k]) for k in ("city", "country") if place.get(k)]
    return ", ".join(parts)


def _date(date) -> str:
    if not date:
        return "not stated"
    if date.get("precision") == "month":
        return f"{date['start'][:7]} (month only)"
    if date["start"] == date["end"]:
        return date["start"]
    return f"{date['start']} to {date['end']}"


def _words(value) -> str:
    return "not stated" if value is None else md(str(value).replace("_", " "))


def _count(count) -> str:
    return "not stated" if count is None else f"{count['value']} {md(count['of'])}"


def _lookup(table: dict, key) -> str:
    return "not stated" if key is None else md(table.get(key, key))


def _value(value) -> str:
    """A generic value (corrections, conflict readings) in a few words."""
    if value is None:
        return "not stated"
    if isinstance(value, dict):
        if "en" in value or "ar" in value:
            return _en(value)
        if "city" in value or "country" in value:
            return _place(value)
        if "start" in value:
            return _date(value)
        if "value" in value and "of" in value:
            return _count(value)
        return md(", ".join(f"{k}: {_value(v)}" for k, v in value.items()))
    if isinstance(value, list):
        return ", ".join(_value(v) for v in value) or "none"
    return md(value)


def _list(items: list[str], indent: str = "") -> list[str]:
    shown = [f"{indent}- {item}" for item in items[:MAX_ITEMS]]
    if len(items) > MAX_ITEMS:
        shown.append(f"{indent}- … and {len(items) - MAX_ITEMS} more")
    return shown


# --------------------------------------------------------------------- comparing


def _scalar_changes(old: dict, new: dict, names: Names) -> list[str]:
    lines = []
    simple = (
        ("kind", "kind", lambda v: _lookup(names.kinds, v)),
        ("date", "date", _date),
        ("place", "place", _place),
        ("attendance", "attendance", _words),
        ("status", "status", _words),
        ("series", "series", lambda v: _lookup(names.series, v)),
        ("host", "host", _en),
        ("participant_count", "participant count", _count),
    )
    for lang in ("en", "ar"):
        a, b = (old.get("title") or {}).get(lang), (new.get("title") or {}).get(lang)
        if a != b:
            lines.append(f"title ({lang}): {_words(a)} → {_words(b)}")
    for key, label, show in simple:
        a, b = old.get(key), new.get(key)
        if a != b:
            lines.append(f"{label}: {show(a)} → {show(b)}")
    return lines


def _added_removed(label: str, old: list, new: list, show) -> list[str]:
    added = [show(x) for x in new if x not in old]
    removed = [show(x) for x in old if x not in new]
    lines = []
    if added:
        lines.append(f"{label} added: {', '.join(added)}")
    if removed:
        lines.append(f"{label} removed: {', '.join(removed)}")
    return lines


def _participants(old: list, new: list) -> list[str]:
    before = {p["id"]: p for p in old or []}
    after = {p["id"]: p for p in new or []}
    lines = _added_removed("participants", [p for p in before], [p for p in after], lambda i: _en((after.get(i) or before.get(i))))
    for pid in after:
        if pid in before and before[pid] != after[pid]:
            a, b = before[pid], after[pid]
            if a.get("mode") != b.get("mode"):
                lines.append(f"participant {_en(b)}: attendance {_words(a.get('mode'))} → {_words(b.get('mode'))}")
            if (a.get("en"), a.get("ar")) != (b.get("en"), b.get("ar")):
                lines.append(f"participant name: {_en(a)} → {_en(b)}")
    return lines


def _statement_key(s: dict) -> tuple:
    return (s.get("source"), s.get("sentence"))


def _statements(old: list, new: list, names: Names) -> list[str]:
    before = {_statement_key(s): s for s in old or []}
    after = {_statement_key(s): s for s in new or []}

    def where(key):
        return f"{md(key[0])} sentence {key[1]}"

    def who(s):
        return f"{_lookup(names.people, s.get('speaker'))} ({s.get('kind', 'quoted')})"

    lines = []
    added = [f"{who(after[k])}, {where(k)}" for k in after if k not in before]
    removed = [f"{who(before[k])}, {where(k)}" for k in before if k not in after]
    if added:
        lines.append(f"statements added: {'; '.join(added)}")
    if removed:
        lines.append(f"statements removed: {'; '.join(removed)}")
    for k in after:
        if k not in before:
            continue
        a, b = before[k], after[k]
        ta, tb = a.get("text") or {}, b.get("text") or {}
        if ta.get("ar") != tb.get("ar"):
            lines.append(f"statement at {where(k)}: Arabic text changed")
        if ta.get("en") != tb.get("en"):
            change = "added" if not ta.get("en") else "removed" if not tb.get("en") else "changed"
            shown = f": “{_short(tb['en'])}”" if tb.get("en") else ""
            lines.append(f"statement at {where(k)}: English translation {change}{shown}")
        if (a.get("speaker"), a.get("kind")) != (b.get("speaker"), b.get("kind")):
            lines.append(f"statement at {where(k)}: speaker {who(a)} → {who(b)}")
    return lines


def _sources(old: list, new: list) -> list[str]:
    before = {s["seed"]: s for s in old or []}
    after = {s["seed"]: s for s in new or []}
    lines = _added_removed("sources", list(before), list(after), md)
    for seed in after:
        if seed in before:
            a, b = before[seed], after[seed]
            if a.get("status") != b.get("status"):
                lines.append(f"source {md(seed)} now says: {_words(a.get('status'))} → {_words(b.get('status'))}")
            if a.get("published") != b.get("published"):
                lines.append(f"source {md(seed)} published: {_words(a.get('published'))} → {_words(b.get('published'))}")
    return lines


def _evidence_lines(rec: dict | None) -> set:
    out = set()
    for name, items in ((rec or {}).get("evidence") or {}).items():
        for e in items:
            out.add((name, e.get("seed"), e.get("sentence"), e.get("text")))
    return out


def _conflict_key(c: dict) -> tuple:
    readings = tuple(sorted((repr(r.get("value")), tuple(r.get("sources") or ())) for r in c.get("readings") or ()))
    return (c.get("field"), readings)


def _correction_key(c: dict) -> tuple:
    return (c.get("field"), repr(c.get("value")), c.get("reason"))


def _corrections(old: list, new: list) -> list[str]:
    before = {_correction_key(c): c for c in old or []}
    after = {_correction_key(c): c for c in new or []}
    lines = []
    for k, c in after.items():
        if k not in before:
            lines.append(f"correction added: {md(c['field'])} set to {_value(c.get('value'))} (generated: {_value(c.get('generated'))}); reason: {md(c.get('reason', ''))}")
    for k, c in before.items():
        if k not in after:
            lines.append(f"correction removed: {md(c['field'])} no longer set to {_value(c.get('value'))}")
    return lines


def conflict_line(rec: dict, c: dict) -> str:
    readings = "; ".join(f"{_value(r.get('value'))} ({', '.join(md(s) for s in r.get('sources') or [])})" for r in c.get("readings") or [])
    return f"{_code(rec['id'])} {md(c.get('field'))}: {readings}; shown: {_value(c.get('shown'))}, because {md(c.get('why') or 'not said')}"


def _editorial_file(path: str) -> bool:
    from .editorial import FOLDER

    return f"/{FOLDER}/" in f"/{path}"


def action_line(a) -> str:
    """One applied editorial action (``editorial.Applied``) in plain words."""
    ids = lambda xs: ", ".join(_code(i) for i in xs)  # noqa: E731
    what = {
        "add": lambda: f"adds {ids(a.after)}",
        "dismiss": lambda: f"dismisses {ids(a.before)}",
        "merge": lambda: f"merges {ids(a.before)} into {ids(a.after)}",
        "split": lambda: f"splits {ids(a.before)} into {ids(a.after)}",
    }[a.action]()
    return f"{a.action}: {md(a.file)} {what}; reason: {md(a.reason)}"


def changes(old: dict, new: dict, names: Names) -> list[str]:
    """Plain-words lines for one meeting, old record → new record (ids already matched)."""
    lines = []
    if old.get("id") != new.get("id"):
        lines.append(f"id: {_code(old.get('id'))} → {_code(new.get('id'))} (the page moves)")
    lines += _scalar_changes(old, new, names)
    lines += _participants(old.get("participants"), new.get("participants"))
    lines += _added_removed("topics", old.get("topics") or [], new.get("topics") or [], lambda t: _lookup(names.topics, t))
    lines += _statements(old.get("statements"), new.get("statements"), names)
    lines += _sources(old.get("sources"), new.get("sources"))
    lines += _corrections(old.get("corrections"), new.get("corrections"))
    new_conflicts = {_conflict_key(c) for c in new.get("conflicts") or []}
    for c in old.get("conflicts") or []:
        if _conflict_key(c) not in new_conflicts:
            lines.append(f"conflict on {md(c.get('field'))} no longer there")
    ev_old, ev_new = _evidence_lines(old), _evidence_lines(new)
    if ev_old != ev_new:
        lines.append(f"evidence: {len(ev_new - ev_old)} sentence(s) added, {len(ev_old - ev_new)} removed (not itemised)")
    known = set(old) | set(new)
    handled = {"id", "kind", "title", "date", "place", "attendance", "status", "series", "host", "participants",
               "participant_count", "topics", "statements", "sources", "evidence", "conflicts", "corrections",
               "editorial"}  # editorial actions have a section of their own
    for key in sorted(known - handled):
        if old.get(key) != new.get(key):
            lines.append(f"{md(key)}: {_value(old.get(key))} → {_value(new.get(key))}")
    return lines


def _sort_key(rec: dict) -> tuple:
    return ((rec.get("date") or {}).get("start") or "", rec.get("id") or "")


def _pair_moves(removed: list[dict], added: list[dict]) -> list[tuple[dict, dict]]:
    """A meeting whose id changed (say a new source named its city): same kind and a shared source."""
    pairs, taken = [], set()
    for old in removed:
        seeds = {s["seed"] for s in old.get("sources") or []}
        for new in added:
            if new["id"] in taken or new.get("kind") != old.get("kind"):
                continue
            if seeds & {s["seed"] for s in new.get("sources") or []}:
                pairs.append((old, new))
                taken.add(new["id"])
                break
    return pairs


def _summary(rec: dict, names: Names) -> str:
    seeds = ", ".join(md(s["seed"]) for s in rec.get("sources") or [])
    title = rec.get("title") or {}
    return (
        f"{_code(rec['id'])}: {md(title.get('en') or rec['id'])} ({md(title.get('ar') or '')}); "
        f"{_date(rec.get('date'))}; {_place(rec.get('place'))}; {_words(rec.get('status'))}; sources: {seeds or 'none'}"
    )


def _translations(old: CatalogStats | None, new: CatalogStats | None) -> list[str]:
    if new is None and old is None:
        return []
    if new is None:
        return ["- the catalog was removed"]
    total = len(new.entries)
    newly = sum(1 for k, (t, _) in new.entries.items() if t and not (old and old.entries.get(k, (False, False))[0]))
    stale = sum(1 for k, (_, f) in new.entries.items() if f and not (old and old.entries.get(k, (False, False))[1]))
    added = sum(1 for k in new.entries if not old or k not in old.entries)
    gone = sum(1 for k in (old.entries if old else {}) if k not in new.entries)
    was = f" (was {old.translated} of {len(old.entries)})" if old is not None else " (new catalog)"
    lines = [f"- {new.translated} of {total} entries translated{was}"]
    lines.append(f"- {newly} newly translated, {stale} turned fuzzy (stale), {new.fuzzy} fuzzy in all")
    if added or gone:
        lines.append(f"- {added} entries added (new text to translate), {gone} removed")
    return lines


def report(
    old_records: dict,
    new_records,
    *,
    base: str,
    names: Names | None = None,
    notices=(),
    old_catalog: CatalogStats | None = None,
    new_catalog: CatalogStats | None = None,
    stale_files=None,
    applied=(),
) -> str:
    """The Markdown report. ``old_records``: id → record at the base; ``new_records``: records now.

    ``notices``: the pipeline's notices (Problems); ``stale_files``: paths under content/
    that differ from what build writes, or None to say nothing about it; ``applied``: the
    editorial actions the build applied (``editorial.Applied``).
    """
    names = names or Names()
    new = {r["id"]: r for r in new_records}
    old = dict(old_records)
    added = sorted((new[i] for i in new if i not in old), key=_sort_key)
    removed = sorted((old[i] for i in old if i not in new), key=_sort_key)
    moves = _pair_moves(removed, added)
    moved_old = {o["id"] for o, _ in moves}
    moved_new = {n["id"] for _, n in moves}
    added = [r for r in added if r["id"] not in moved_new]
    removed = [r for r in removed if r["id"] not in moved_old]
    pairs = [(old[i], new[i]) for i in new if i in old] + moves
    pairs.sort(key=lambda p: _sort_key(p[1]))
    changed = [(o, n, changes(o, n, names)) for o, n in pairs if o != n]
    changed = [c for c in changed if c[2]]
    unchanged = len(pairs) - len(changed)

    out = [f"## Content review against {_code(base)}", ""]
    if not (added or removed or changed):
        out.append(f"No change to the meetings ({len(new)} in all).")
    else:
        out.append(
            f"Meetings: {len(new)} (was {len(old)}): {len(added)} added, {len(removed)} removed, "
            f"{len(changed)} changed, {unchanged} unchanged."
        )
    if added:
        out += ["", "### Added", ""] + _list([_summary(r, names) for r in added])
    if removed:
        out += ["", "### Removed", ""] + _list([_summary(r, names) for r in removed])
    if changed:
        out += ["", "### Changed"]
        for o, n, lines in changed[:MAX_ITEMS]:
            title = (n.get("title") or {}).get("en") or n["id"]
            out += ["", f"#### {_code(n['id'])}: {md(title)}", ""] + _list(lines)
        if len(changed) > MAX_ITEMS:
            out += ["", f"… and {len(changed) - MAX_ITEMS} more changed meetings"]

    new_conflicts = []
    for rec in sorted(new.values(), key=_sort_key):
        before = next((o for o, n in pairs if n["id"] == rec["id"]), None)
        known = {_conflict_key(c) for c in (before or {}).get("conflicts") or []}
        new_conflicts += [conflict_line(rec, c) for c in rec.get("conflicts") or [] if _conflict_key(c) not in known]
    if new_conflicts:
        out += ["", "### New conflicts between sources", ""] + _list(new_conflicts)

    translation_lines = _translations(old_catalog, new_catalog)
    if translation_lines:
        out += ["", f"### Translations ({_code('content/' + CATALOG)})", ""] + translation_lines

    if applied:
        out += ["", "### Editorial actions", ""] + _list([action_line(a) for a in applied])
    stale = [n for n in notices if STALE_MARK in n.reason and not _editorial_file(n.file)]
    stale_actions = [n for n in notices if STALE_MARK in n.reason and _editorial_file(n.file)]
    other = [n for n in notices if STALE_MARK not in n.reason]
    if stale:
        out += ["", "### Corrections that no longer apply", ""] + _list([md(n) for n in stale])
    if stale_actions:
        out += ["", "### Editorial actions that no longer apply", ""] + _list([md(n) for n in stale_actions])
    if other:
        out += ["", "### Notices (not recorded, for an editor to look at)", ""] + _list([md(n) for n in other])
    if stale_files is not None:
        out += ["", "### Generated files", ""]
        if stale_files:
            out.append(f"- {len(stale_files)} file(s) under content/ differ from what `python -m generator build` writes; run it and commit the result:")
            out += _list([_code(f) if not f.endswith(" (to be removed)") else f"{_code(f[: -len(' (to be removed)')])} (to be removed)" for f in stale_files], "  ")
        else:
            out.append("- content/ is what `python -m generator build` writes")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------- git


def _git(top: Path | str, *args: str, data: bytes | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", "-C", str(top), *args], input=data, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed") from None


@dataclass(frozen=True)
class Repo:
    top: Path  # the work tree's root
    content: str  # the content folder, relative to top, posix


def find_repo(content: Path) -> Repo:
    start = Path(os.path.realpath(content))
    while not start.is_dir():
        start = start.parent
    proc = _git(start, "rev-parse", "--show-toplevel")
    if proc.returncode != 0:
        raise GitError(f"{content}: not in a git repository")
    top = Path(proc.stdout.decode().strip())
    rel = Path(os.path.relpath(os.path.realpath(content), os.path.realpath(top))).as_posix()
    if rel.startswith(".."):
        raise GitError(f"{content}: outside the git work tree {top}")
    return Repo(top, "" if rel == "." else rel)


def resolve(repo: Repo, base: str | None) -> tuple[str, str]:
    """(label, commit id) of the base revision."""
    candidates = (base,) if base is not None else DEFAULT_BASES
    for rev in candidates:
        if not rev or rev.startswith("-"):
            continue
        proc = _git(repo.top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
        if proc.returncode == 0:
            return rev, proc.stdout.decode().strip()
    if base is not None:
        raise GitError(f"{base!r} is not a revision in {repo.top}")
    raise GitError(f"{repo.top}: no commit to compare with (neither origin/main nor HEAD exists); pass --base REV")


def _join(*parts: str) -> str:
    return "/".join(p for p in parts if p)


def files_at(repo: Repo, commit: str, paths: list[str]) -> dict[str, bytes | None]:
    """Several blobs at a commit in one ``git cat-file --batch``; None where missing."""
    if not paths:
        return {}
    request = "".join(f"{commit}:{p}\n" for p in paths).encode("utf-8")
    proc = _git(repo.top, "cat-file", "--batch", data=request)
    if proc.returncode != 0:
        raise GitError(f"git cat-file failed: {proc.stderr.decode(errors='replace').strip()}")
    out, buf, pos = {}, proc.stdout, 0
    for path in paths:
        end = buf.index(b"\n", pos)
        header = buf[pos:end].decode("utf-8", "replace").split()
        pos = end + 1
        if header[-1] == "missing" or len(header) < 3:
            out[path] = None
            continue
        size = int(header[2])
        out[path] = buf[pos : pos + size] if header[1] == "blob" else None
        pos += size + 1
    return out


def records_at(repo: Repo, commit: str) -> dict[str, dict]:
    folder = _join(repo.content, pipeline.EVENTS)
    proc = _git(repo.top, "ls-tree", "-z", "--name-only", commit, "--", folder + "/")
    if proc.returncode != 0:
        raise GitError(f"git ls-tree failed: {proc.stderr.decode(errors='replace').strip()}")
    names = sorted(n for n in proc.stdout.decode("utf-8").split("\0") if n.endswith(".yml"))
    records = {}
    for path, data in files_at(repo, commit, names).items():
        if data is None:
            continue
        try:
            rec = yamlio.load(data.decode("utf-8"))
        except Exception as exc:
            raise GitError(f"{path} at {commit[:12]}: not a readable record ({str(exc).splitlines()[0]})") from None
        if isinstance(rec, dict) and rec.get("id"):
            records[rec["id"]] = rec
    return records


# --------------------------------------------------------------------- command


def command(seeds: Path, content: Path, base: str | None) -> int:
    """The ``review`` subcommand: report on stdout, exit 0; one-line error and 2 otherwise."""
    from . import lexicon

    try:
        repo = find_repo(content)
        label, commit = resolve(repo, base)
        old = records_at(repo, commit)
        old_po = files_at(repo, commit, [_join(repo.content, CATALOG)])[_join(repo.content, CATALOG)]
    except GitError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        result = pipeline.run(seeds, content)
        names = Names.from_lexicon(lexicon.load())
    except GeneratorError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"error: {len(exc.problems)} problem(s); no report", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    new_po = result.plan.files.get(CATALOG)
    if new_po is None and (content / CATALOG).is_file():
        new_po = (content / CATALOG).read_bytes()
    try:
        old_catalog, new_catalog = read_catalog(old_po), read_catalog(new_po)
    except Exception as exc:  # babel's PoFileError and friends: say where, no traceback
        print(f"error: {content / CATALOG}: not a readable PO catalog ({exc})", file=sys.stderr)
        return 2
    stale = writer.diff(result.plan, content)
    # in path order, removals among the rest: records first, then pages (the list is cut at MAX_ITEMS)
    stale_files = [f"{(content / p).as_posix()}{' (to be removed)' if p in stale.removed else ''}" for p in sorted((*stale.written, *stale.removed))]
    text = report(
        old,
        result.records,
        base=commit[:12] if commit.startswith(label.lower()) else f"{label} ({commit[:12]})",
        names=names,
        notices=result.notices,
        old_catalog=old_catalog,
        new_catalog=new_catalog,
        stale_files=stale_files,
        applied=result.applied,
    )
    sys.stdout.write(text)
    return 0
