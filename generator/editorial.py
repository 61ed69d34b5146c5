"""Editorial actions: meetings an editor adds, dismisses, merges or splits.

Corrections (``corrections.py``) change fields of a record the extractor made; these
actions change the set of records itself. Each is one small YAML file with a
``reason``, in one folder per action, so a pull request shows what kind of change it
is from the path alone::

    content/editorial/add/<name>.yml       a meeting the extractor missed
    content/editorial/dismiss/<name>.yml   a record that is not a meeting
    content/editorial/merge/<name>.yml     two or more records that are one meeting
    content/editorial/split/<name>.yml     one record whose sources are two meetings

A record is named by its id and, where the id may move (dismiss; optional elsewhere),
also by what it was extracted from: a sentence of a seed, compared by its text. So a
record whose id changes (a new source names its city) is still found, and one whose
sentence changed is not silently matched.

Actions apply after merging and before corrections (a correction can fix an added
record by its id). The build never writes these files. An action that no longer
applies (its seed changed, the record it names is gone) is a notice; a malformed
action, a record that fails validation, or two actions on one meeting is an error.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from . import lexicon as lexicon_mod
from . import inputs, merge, record, yamlio
from .errors import GeneratorError, Problem

FOLDER = "editorial"
ACTIONS = ("add", "dismiss", "merge", "split")
STALE = "no longer applies"  # the words review.py sorts notices by
# What an editor may set on an added meeting, in record order. Statements are left out:
# a quotation is the extractor's to find (or a correction's to fix).
ADD_FIELDS = ("kind", "date", "place", "attendance", "status", "series", "host", "participants", "participant_count", "topics")
REQUIRED = ("kind", "date", "status")


# --------------------------------------------------------------------- the model


@dataclass(frozen=True)
class Cite:
    """A sentence of a seed, as an editor names it: ``seed.txt:4``, or {seed, sentence, quote}.

    ``quote`` (some words of the sentence) pins the sentence by its text: if the seed is
    edited and the numbers shift, the sentence that still holds the quote is the one
    meant; if none does, the citation no longer exists.
    """

    seed: str
    sentence: int
    quote: str | None = None

    def __str__(self) -> str:
        return f"{self.seed}:{self.sentence}" + (f" ({self.quote!r})" if self.quote else "")


@dataclass(frozen=True)
class Target:
    """A record an action names: by id, and optionally by a sentence it was extracted from."""

    id: str
    cites: tuple[Cite, ...]
    place: str  # where in the file, for messages


@dataclass(frozen=True)
class Add:
    file: str
    reason: str
    fields: dict  # field -> the editor's value, as written
    cites: dict  # field -> tuple[Cite, ...]


@dataclass(frozen=True)
class Dismiss:
    file: str
    reason: str
    target: Target


@dataclass(frozen=True)
class Merge:
    file: str
    reason: str
    targets: tuple[Target, ...]


@dataclass(frozen=True)
class Part:
    sources: tuple[str, ...]
    id: str | None


@dataclass(frozen=True)
class Split:
    file: str
    reason: str
    target: Target
    parts: tuple[Part, ...]


@dataclass(frozen=True)
class Applied:
    """One action as it applied this build, for the review report."""

    file: str
    action: str
    reason: str
    before: tuple[str, ...]  # record ids it took (none for add)
    after: tuple[str, ...]  # record ids it gave (none for dismiss)


@dataclass(frozen=True)
class Outcome:
    records: list
    applied: tuple[Applied, ...]
    notices: tuple[Problem, ...]  # actions that no longer apply
    problems: tuple[Problem, ...]  # bad actions: the build stops


# --------------------------------------------------------------------- loading


def load(folder: Path, shown: str | None = None) -> tuple[list, list[Problem]]:
    """Every action file under ``folder``, in action then file-name order. Returns (actions, problems).

    ``shown`` is how the folder is named in messages (default: as given).
    """
    actions, problems = [], []
    base = shown if shown is not None else str(folder)
    if folder.is_symlink():
        return [], [Problem(base, "", "is a symbolic link, not a folder; only folders inside the tree are read")]
    if not folder.is_dir():
        return [], []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if not entry.is_dir() or entry.name not in ACTIONS:
            problems.append(Problem(f"{base}/{entry.name}", "", f"not an editorial action folder; expected one of {', '.join(ACTIONS)}"))
    for action in ACTIONS:
        sub = folder / action
        if not os.path.lexists(sub):
            continue
        try:
            # A linked folder, a link, FIFO or device named like an action is refused,
            # never followed or opened (inputs.py), all of them reported together.
            paths = inputs.listed(sub, "")
        except inputs.InputError as exc:
            problems.append(Problem(f"{base}/{action}", exc.problem.place, exc.problem.reason))
            continue
        for path in paths:
            name = f"{base}/{action}/{path.name}"
            if path.suffix != ".yml":
                problems.append(Problem(name, "", "an editorial action is a .yml file"))
                continue
            try:
                data = yamlio.read_untrusted(path, name)
            except GeneratorError as exc:
                problems.extend(exc.problems)
                continue
            parsed, errs = _PARSERS[action](name, data)
            problems.extend(errs)
            if parsed is not None and not errs:
                actions.append(parsed)
    return actions, problems


def _common(file: str, data, keys: set[str], required: set[str]) -> tuple[str | None, list[Problem]]:
    """The checks every action shares: a mapping with known keys and a reason."""
    if not isinstance(data, dict):
        return None, [Problem(file, "top", f"expected a mapping with {', '.join(sorted(required))}")]
    problems = [Problem(file, str(k), f"unknown key; expected {', '.join(sorted(keys))}") for k in data if k not in keys]
    problems += [Problem(file, k, "missing") for k in sorted(required) if k not in data]
    reason = data.get("reason")
    if "reason" in data and (not isinstance(reason, str) or not reason.strip()):
        problems.append(Problem(file, "reason", "reason must say why, in a sentence"))
    return (reason.strip() if isinstance(reason, str) else None), problems


def _cite(value, file: str, place: str) -> tuple[Cite | None, Problem | None]:
    if isinstance(value, str) and re.fullmatch(r"[^/\\:]+\.txt:[0-9]+", value.strip()):
        seed, n = value.strip().rsplit(":", 1)
        return Cite(seed, int(n)), None
    if (
        isinstance(value, dict) and {"seed", "sentence"} <= set(value) <= {"seed", "sentence", "quote"}
        and isinstance(value["seed"], str) and isinstance(value["sentence"], int) and not isinstance(value["sentence"], bool)
        and (isinstance(value.get("quote"), str) and value["quote"].strip() or "quote" not in value)
    ):
        return Cite(value["seed"], value["sentence"], value["quote"].strip() if "quote" in value else None), None
    return None, Problem(file, place, f"a sentence is cited as <seed>.txt:<number> or {{seed: ..., sentence: ..., quote: ...}}, not {value!r}")


def _cites(value, file: str, place: str) -> tuple[tuple[Cite, ...], list[Problem]]:
    items = value if isinstance(value, list) else [value]
    if not items:
        return (), [Problem(file, place, "cite at least one sentence")]
    cites, problems = [], []
    for i, item in enumerate(items):
        cite, problem = _cite(item, file, f"{place}/{i}" if isinstance(value, list) else place)
        if problem:
            problems.append(problem)
        else:
            cites.append(cite)
    return tuple(cites), problems


def _target(value, file: str, place: str, need_sentence: bool) -> tuple[Target | None, list[Problem]]:
    if isinstance(value, str) and not need_sentence:
        value = {"id": value}
    if not isinstance(value, dict) or "id" not in value or set(value) - {"id", "from"}:
        form = "{id: <meeting id>, from: {seed: <seed>.txt, sentence: <n>, quote: <words of it>}}" if need_sentence else "a meeting id, or {id: ..., from: <seed>.txt:<sentence>}"
        return None, [Problem(file, place, f"a meeting is named as {form}")]
    if not isinstance(value["id"], str) or not value["id"]:
        return None, [Problem(file, f"{place}/id", "the meeting's id, as in content/events/<id>.yml")]
    if "from" not in value:
        if need_sentence:
            return None, [Problem(file, f"{place}/from", "missing: the sentence the record was extracted from, so a renamed id does not bring it back")]
        return Target(value["id"], (), place), []
    cites, problems = _cites(value["from"], file, f"{place}/from")
    if need_sentence and not problems and not all(c.quote for c in cites):
        problems.append(Problem(file, f"{place}/from", "give the quote too (some words of the sentence), so an edited seed cannot point at another sentence"))
    return (Target(value["id"], cites, place) if not problems else None), problems


def _parse_add(file: str, data):
    reason, problems = _common(file, data, {"reason", "meeting", "evidence"}, {"reason", "meeting", "evidence"})
    if problems:
        return None, problems
    fields, cited = data["meeting"], data["evidence"]
    if not isinstance(fields, dict) or not isinstance(cited, dict):
        return None, [Problem(file, "meeting" if not isinstance(fields, dict) else "evidence", "expected a mapping of field: value")]
    problems += [Problem(file, f"meeting/{k}", f"not a field an editor can add; one of {', '.join(ADD_FIELDS)}") for k in fields if k not in ADD_FIELDS]
    problems += [Problem(file, f"meeting/{k}", "missing") for k in REQUIRED if k not in fields]
    cites = {}
    for key in fields:
        if key in ADD_FIELDS and key not in cited:
            problems.append(Problem(file, f"evidence/{key}", "missing: cite the sentence(s) this field rests on"))
    for key, value in cited.items():
        if key not in fields:
            problems.append(Problem(file, f"evidence/{key}", "evidence for a field the meeting does not set"))
            continue
        cites[key], errs = _cites(value, file, f"evidence/{key}")
        problems += errs
    return (Add(file, reason, dict(fields), cites) if not problems else None), problems


def _parse_dismiss(file: str, data):
    reason, problems = _common(file, data, {"reason", "meeting"}, {"reason", "meeting"})
    if problems:
        return None, problems
    target, problems = _target(data["meeting"], file, "meeting", need_sentence=True)
    return (Dismiss(file, reason, target) if target else None), problems


def _parse_merge(file: str, data):
    reason, problems = _common(file, data, {"reason", "meetings"}, {"reason", "meetings"})
    if problems:
        return None, problems
    items = data["meetings"]
    if not isinstance(items, list) or len(items) < 2:
        return None, [Problem(file, "meetings", "list two or more meetings; the first one's id and fields are kept")]
    targets = []
    for i, item in enumerate(items):
        target, errs = _target(item, file, f"meetings/{i}", need_sentence=False)
        problems += errs
        targets.append(target)
    ids = [t.id for t in targets if t]
    problems += [Problem(file, "meetings", f"{i!r} is listed twice") for i in sorted({i for i in ids if ids.count(i) > 1})]
    return (Merge(file, reason, tuple(targets)) if not problems else None), problems


def _parse_split(file: str, data):
    reason, problems = _common(file, data, {"reason", "meeting", "into"}, {"reason", "meeting", "into"})
    if problems:
        return None, problems
    target, problems = _target(data["meeting"], file, "meeting", need_sentence=False)
    into = data["into"]
    if not isinstance(into, list) or len(into) < 2:
        return None, problems + [Problem(file, "into", "list two or more parts, each with its sources")]
    parts, seen = [], {}
    for i, part in enumerate(into):
        place = f"into/{i}"
        if not isinstance(part, dict) or "sources" not in part or set(part) - {"sources", "id"}:
            problems.append(Problem(file, place, "each part is {sources: [<seed>.txt, ...]} with an optional id"))
            continue
        seeds = part["sources"]
        if not isinstance(seeds, list) or not seeds or not all(isinstance(s, str) and s.endswith(".txt") for s in seeds):
            problems.append(Problem(file, f"{place}/sources", "a list of one or more seed file names"))
            continue
        for s in seeds:
            if s in seen:
                problems.append(Problem(file, f"{place}/sources", f"{s} is already in part {seen[s]}; a source belongs to one part"))
            seen[s] = i
        pid = part.get("id")
        if pid is not None and not (isinstance(pid, str) and re.fullmatch(record.schema()["properties"]["id"]["pattern"], pid)):
            problems.append(Problem(file, f"{place}/id", f"{pid!r} is not a meeting id (date-kind-place, lower case)"))
        parts.append(Part(tuple(seeds), pid))
    return (Split(file, reason, target, tuple(parts)) if not problems and target else None), problems


NOUN = {Add: "addition", Dismiss: "dismissal", Merge: "merge", Split: "split"}
_PARSERS = {"add": _parse_add, "dismiss": _parse_dismiss, "merge": _parse_merge, "split": _parse_split}


# --------------------------------------------------------------------- finding records


def _sentences(articles) -> dict:
    """seed -> {sentence number: text}, for every article."""
    return {a.seed: {s.index: s.text for s in a.sentences} for a in articles}


def _locate(cite: Cite, sentences: dict) -> tuple[int, str] | None:
    """(number, text) of the sentence a citation means now, or None if it no longer exists."""
    seed = sentences.get(cite.seed, {})
    text = seed.get(cite.sentence)
    if cite.quote is None:
        return (cite.sentence, text) if text is not None else None
    if text is not None and cite.quote in text:
        return cite.sentence, text
    holding = [(n, t) for n, t in seed.items() if cite.quote in t]
    return holding[0] if len(holding) == 1 else None


def _extracted_from(rec: dict) -> set:
    """What a record was extracted from: (seed, sentence text) of every evidence sentence."""
    out = {(e["seed"], e["text"]) for items in rec["evidence"].values() for e in items}
    out |= {(s["source"], s["text"]["ar"]) for s in rec["statements"]}
    return out


@dataclass(frozen=True)
class _Index:
    """The extracted records by id and by each (seed, sentence text) they come from."""

    by_id: dict
    by_text: dict  # (seed, text) -> [record], in record order

    @classmethod
    def of(cls, records: list) -> "_Index":
        by_text: dict = {}
        for rec in records:
            for key in _extracted_from(rec):
                by_text.setdefault(key, []).append(rec)
        return cls({r["id"]: r for r in records}, by_text)

    def extracted_from(self, texts: set) -> list:
        """The records extracted from every one of ``texts``."""
        groups = [self.by_text.get(t, []) for t in texts]
        if not groups:
            return []
        ids = set.intersection(*({r["id"] for r in g} for g in groups))
        return [r for r in groups[0] if r["id"] in ids]


def _resolve(target: Target, index: _Index, sentences: dict) -> tuple[dict | None, str | None]:
    """The record a target names, or (None, why it no longer applies)."""
    by_id = index.by_id.get(target.id)
    if not target.cites:
        return (by_id, None) if by_id else (None, f"no meeting {target.id!r} any more")
    # With a sentence, the record must still be extracted from it: an id alone may
    # by now name another meeting (a new article with the same date, kind and place).
    located = {c: _locate(c, sentences) for c in target.cites}
    cites = ", ".join(map(str, target.cites))
    gone = [c for c, at in located.items() if at is None]
    if gone:
        head = f"{target.id!r} cannot be checked" if by_id else f"no meeting {target.id!r} any more"
        return None, f"{head}: {', '.join(map(str, gone))} is no longer in the seeds (the seed changed)"
    texts = {(c.seed, at[1]) for c, at in located.items()}
    by_sentence = index.extracted_from(texts)
    if by_id is not None:
        if by_id in by_sentence:
            return by_id, None
        return None, f"{target.id!r} is no longer extracted from {cites}"
    if len(by_sentence) == 1:
        return by_sentence[0], None  # the extractor renamed it; it is still the same meeting
    if by_sentence:
        return None, f"no meeting {target.id!r} any more, and {len(by_sentence)} meetings are extracted from {cites}"
    return None, f"no meeting {target.id!r} any more, and none is extracted from {cites}"


# --------------------------------------------------------------------- applying


def apply(records: list, mentions: list, articles: list, actions: list, lex) -> Outcome:
    """Apply every action to the extracted records (pure: the inputs are not changed)."""
    # Every article's sentences and every record by its evidence: only actions read
    # them (a desk with none spared them a fiftieth of a build that changes one article).
    sentences = _sentences(articles) if actions else {}
    index = _Index.of(records if actions else [])
    published = {a.seed: a.published for a in articles} if actions else {}
    notices, problems, applied = [], [], []
    claimed: dict[str, tuple[str, str]] = {}  # record id -> (file, entry) of the action that took it
    made: dict = {}  # record id -> the merge or split that made it
    added: dict = {}  # record id -> the addition that made it

    def claim(action, place: str, rec) -> bool:
        other = claimed.get(rec["id"])
        if other is not None:  # both files are told, each at its own entry
            why = "two actions cannot both apply to one meeting"
            problems.append(Problem(action.file, place, f"meeting {rec['id']!r} is also taken by {other[0]}; {why}"))
            problems.append(Problem(other[0], other[1], f"meeting {rec['id']!r} is also taken by {action.file}; {why}"))
            return False
        claimed[rec["id"]] = (action.file, place)
        return True

    def stale(action, place: str, why: str) -> None:
        notices.append(Problem(action.file, place, f"{why}; this {NOUN[type(action)]} {STALE}"))

    # Resolve every target against the extracted records first, so the order of files
    # never decides which of two contradicting actions wins: both are reported.
    plan = []
    for action in actions:
        if isinstance(action, Add):
            continue
        targets = action.targets if isinstance(action, Merge) else (action.target,)
        found = []
        for t in targets:
            rec, why = _resolve(t, index, sentences)
            if rec is None:
                stale(action, t.place, why)
                break
            found.append(rec)
        else:
            if len({r["id"] for r in found}) < len(found):
                problems.append(Problem(action.file, "meetings", f"two entries name the same meeting {found[0]['id']!r}"))
                continue
            if all([claim(action, t.place, r) for t, r in zip(targets, found)]):
                plan.append((action, found))

    out = {r["id"]: r for r in records}
    order = [r["id"] for r in records]
    for action, found in plan:
        if isinstance(action, Dismiss):
            del out[found[0]["id"]]
            applied.append(Applied(action.file, "dismiss", action.reason, (found[0]["id"],), ()))
        elif isinstance(action, Merge):
            merged = _merge(found, action)
            for rec in found[1:]:
                del out[rec["id"]]
            out[merged["id"]] = merged
            made[merged["id"]] = action
            applied.append(Applied(action.file, "merge", action.reason, tuple(r["id"] for r in found), (merged["id"],)))
        else:
            parts, why, errs = _split(found[0], action, mentions, lex)
            problems.extend(errs)
            if why:
                stale(action, "into", why)
            if not parts:
                continue
            taken = [r["id"] for r in parts if r["id"] in out and r["id"] != found[0]["id"]]
            if taken:
                problems += [Problem(action.file, "into", f"a part gives the id {i!r}, which another meeting already has") for i in taken]
                continue
            del out[found[0]["id"]]
            for rec in parts:
                out[rec["id"]] = rec
                order.append(rec["id"])
                made[rec["id"]] = action
            applied.append(Applied(action.file, "split", action.reason, (found[0]["id"],), tuple(r["id"] for r in parts)))

    for action in (a for a in actions if isinstance(a, Add)):
        rec, why, errs = _add(action, sentences, published, lex)
        problems.extend(errs)
        if why:
            stale(action, "evidence", why)
        if rec is None:
            continue
        found = _already_extracted(rec, action, index, sentences)
        if found:
            stale(action, "", f"the extractor now finds this meeting as {found!r}")
            continue
        if rec["id"] in out:
            other = added.get(rec["id"]) or made.get(rec["id"])
            problems.append(Problem(action.file, "meeting", f"gives the id {rec['id']!r}, which {'another meeting' if other is None else other.file} already has"))
            if other is not None:
                problems.append(Problem(other.file, "meeting" if isinstance(other, Add) else "", f"gives the id {rec['id']!r}, which {action.file} gives too"))
            continue
        added[rec["id"]] = action
        out[rec["id"]] = rec
        order.append(rec["id"])
        applied.append(Applied(action.file, "add", action.reason, (), (rec["id"],)))

    kept = [out[i] for i in dict.fromkeys(order) if i in out]
    problems.extend(_validate([r for r in kept if r["id"] in made], made, lex))
    return Outcome(kept, tuple(applied), tuple(notices), tuple(sorted(set(problems), key=lambda p: (p.file, p.place, p.reason))))


def _rel(file: str) -> str:
    """The action file as records name it: from ``editorial/`` on, the same on every machine."""
    parts = Path(file).parts
    return "/".join(parts[len(parts) - 3 :]) if len(parts) >= 3 else file


def _seeds(rec: dict) -> list[str]:
    return [s["seed"] for s in rec["sources"]]


def _reading(field: str, value):
    """A value as a conflict reading shows it (ids and codes, as merge.py writes them)."""
    if field == "place.country":
        return value["code"] if value else None
    if isinstance(value, dict) and "id" in value:
        return value["id"]
    return value


def _merge(found: list, action: Merge) -> dict:
    """One record from several: the first one's fields, everything else of all kept."""
    rec = copy.deepcopy(found[0])
    for other in found[1:]:
        for src in other["sources"]:
            if src["seed"] not in _seeds(rec):
                rec["sources"].append(copy.deepcopy(src))
        for name, items in other["evidence"].items():
            bucket = rec["evidence"].setdefault(name, [])
            bucket.extend(copy.deepcopy(e) for e in items if e not in bucket)
        rec["statements"] += [copy.deepcopy(s) for s in other["statements"] if s not in rec["statements"]]
        known = {p["id"] for p in rec["participants"]}
        rec["participants"] += [copy.deepcopy(p) for p in other["participants"] if p["id"] not in known]
        rec["topics"] += [t for t in other["topics"] if t not in rec["topics"]]
        rec["conflicts"] += [copy.deepcopy(c) for c in other["conflicts"] if c not in rec["conflicts"]]
    # Where the merged records disagree, the record says so, as it does for sources.
    for field in ("kind", "date", "place.city", "place.country", "status", "attendance", "series", "host", "participant_count"):
        readings: dict = {}
        for r in found:
            value = r[field.split(".")[0]] if "." not in field else r["place"][field.split(".")[1]]
            if value is not None:
                readings.setdefault(repr(_reading(field, value)), (_reading(field, value), []))[1].extend(_seeds(r))
        if len(readings) > 1:
            first = _reading(field, found[0][field] if "." not in field else found[0]["place"][field.split(".")[1]])
            rec["conflicts"].append({
                "field": field,
                "readings": [{"value": v, "sources": sorted(set(s))} for v, s in readings.values()],
                "shown": first,
                "why": "an editor merged these meetings; the first one's value is shown",
            })
    rec["sources"].sort(key=lambda s: s["seed"])
    rec["evidence"] = {k: sorted(v, key=lambda e: (e["seed"], e["sentence"])) for k, v in rec["evidence"].items()}
    rec["statements"].sort(key=lambda s: (s["source"], s["sentence"]))
    rec["editorial"] = [*rec.get("editorial", []), {
        "action": "merge", "file": _rel(action.file), "reason": action.reason, "meetings": [r["id"] for r in found],
    }]
    return rec


def _mentions_of(rec: dict, mentions: list) -> list:
    """The mentions a record was merged from: same seeds, its kind and day, evidence it cites."""
    cited = {(e["seed"], e["sentence"]) for items in rec["evidence"].values() for e in items}
    seeds = set(_seeds(rec))
    out = []
    for m in mentions:
        if m.seed not in seeds or m.date is None or (m.kind is not None and m.kind.id != rec["kind"]):
            continue
        if m.date.year is not None and m.date.start().isoformat() != rec["date"]["start"]:
            continue
        if m.date.year is None and f"-{m.date.month:02d}-{(m.date.day or 1):02d}" != rec["date"]["start"][4:]:
            continue
        if {(e.seed, e.sentence) for evs in m.evidence.values() for e in evs} <= cited:
            out.append(m)
    return out


def _split(rec: dict, action: Split, mentions: list, lex):
    """The parts of a split record, each merged again from its own sources' mentions.

    Returns (records, why it no longer applies, problems).
    """
    seeds = set(_seeds(rec))
    listed = [s for p in action.parts for s in p.sources]
    missing = [s for s in listed if s not in seeds]
    if missing:
        return [], f"{', '.join(missing)} is no longer a source of {rec['id']!r}", []
    unplaced = sorted(seeds - set(listed))
    if unplaced:
        return [], f"{rec['id']!r} now also has {', '.join(unplaced)}, which no part names", []
    own = _mentions_of(rec, mentions)
    parts, problems = [], []
    for i, part in enumerate(action.parts):
        events, _ = merge.merge([m for m in own if m.seed in part.sources])
        if len(events) != 1:
            problems.append(Problem(action.file, f"into/{i}", f"its sources alone give {len(events)} meetings, not one (a source without a dateline cannot date a meeting alone)"))
            continue
        new = record.build(events[0], lex)
        new["id"] = part.id or (rec["id"] if i == 0 else f"{rec['id']}-{i + 1}")
        new["editorial"] = [{
            "action": "split", "file": _rel(action.file), "reason": action.reason, "meetings": [rec["id"]],
        }]
        parts.append(new)
    ids = [p["id"] for p in parts]
    problems += [Problem(action.file, "into", f"two parts have the id {i!r}; give one an id") for i in sorted({i for i in ids if ids.count(i) > 1})]
    return ([] if problems else parts), None, problems


# --------------------------------------------------------------------- adding


def _date(value):
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}", value):
        year, month = map(int, value.split("-"))
        if 1 <= month <= 12:
            end = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
            return {"start": f"{value}-01", "end": end.isoformat(), "precision": "month"}
    if isinstance(value, str):
        value = {"start": value}
    if isinstance(value, dict) and set(value) <= {"start", "end"} and "start" in value:
        try:
            start = dt.date.fromisoformat(str(value["start"]))
            end = dt.date.fromisoformat(str(value.get("end", value["start"])))
        except ValueError:
            return None
        return {"start": start.isoformat(), "end": end.isoformat(), "precision": "day"}
    return None


def _named(value, lex, tables=("actors", "people")):
    """A lexicon id (looked up in ``tables``), or a full {id, ar, en} as a correction gives it."""
    if isinstance(value, str):
        for table in tables:
            entry = lex.by_id(table).get(value)
            if entry is not None:
                return {"id": entry.ref.id, "ar": entry.ref.ar, "en": entry.ref.en}
        return None
    return copy.deepcopy(value) if isinstance(value, dict) else None


def _place(value, lex):
    city = lex.by_id("cities").get(value) if isinstance(value, str) else None
    if city is not None:
        return {"city": {"id": city.ref.id, "ar": city.ref.ar, "en": city.ref.en}, "country": lexicon_mod.country(city.extra["country"])}
    if isinstance(value, str) and re.fullmatch(r"[A-Z]{2}", value):
        try:
            return {"city": None, "country": lexicon_mod.country(value)}
        except KeyError:
            return None
    return None


def _convert(field: str, value, lex):
    """The editor's value as the record holds it, or None (with the reason) when it is not one."""
    if field == "date":
        return _date(value), "a date is YYYY-MM-DD, YYYY-MM (month only) or {start: YYYY-MM-DD, end: YYYY-MM-DD}"
    if field == "place":
        return _place(value, lex), "a place is a city id from generator/lexicon/cities.yml or an ISO country code (FR)"
    if field == "host":
        return _named(value, lex), "a host is an id from generator/lexicon/actors.yml or people.yml, or {id, ar, en}"
    if field == "participants":
        if not isinstance(value, list):
            return None, "participants are a list"
        out = []
        for item in value:
            mode = item.get("mode") if isinstance(item, dict) else None
            ref = _named(item["id"] if isinstance(item, dict) and set(item) <= {"id", "mode"} else item, lex)
            if ref is None:
                return None, f"{item!r}: a participant is an id from generator/lexicon/actors.yml or people.yml ({{id, mode}} to give the mode), or {{id, ar, en, mode}}"
            out.append({**{k: ref[k] for k in ("id", "ar", "en") if k in ref}, "mode": ref.get("mode", mode)})
        return out, ""
    return copy.deepcopy(value), ""


def _add(action: Add, sentences: dict, published: dict, lex):
    """The added record. Returns (record or None, why it no longer applies, problems)."""
    located = {c: _locate(c, sentences) for cs in action.cites.values() for c in cs}
    gone = sorted({str(c) for c, at in located.items() if at is None})
    if gone:
        return None, f"{', '.join(gone)} is no longer in the seeds (the seed changed)", []
    rec = {
        "id": None, "kind": None, "title": {"ar": "-", "en": None},
        "date": None, "place": {"city": None, "country": None}, "attendance": None, "status": None,
        "series": None, "host": None, "participants": [], "participant_count": None, "topics": [],
        "statements": [], "sources": [], "evidence": {}, "conflicts": [], "corrections": [],
    }
    problems = []
    for field in ADD_FIELDS:
        if field not in action.fields:
            continue
        value, hint = _convert(field, action.fields[field], lex)
        if value is None:
            problems.append(Problem(action.file, f"meeting/{field}", f"{action.fields[field]!r}: {hint}"))
            continue
        rec[field] = value
        cited = {(c.seed, *located[c]) for c in action.cites[field]}
        rec["evidence"][field] = [{"seed": seed, "sentence": n, "text": text} for seed, n, text in sorted(cited)]
    if problems:
        return None, None, problems
    seeds = sorted({c.seed for cs in action.cites.values() for c in cs})
    rec["sources"] = [{"seed": s, "published": published[s].isoformat() if published.get(s) else None, "status": rec["status"]} for s in seeds]
    rec["id"] = record_id(rec)
    rec["editorial"] = [{"action": "add", "file": _rel(action.file), "reason": action.reason, "fields": [f for f in ADD_FIELDS if f in action.fields]}]
    found = _blamed(record.validate(rec, action.file, lex), action)
    if found:
        return None, None, found
    rec["title"] = record.title(rec, lex)
    return rec, None, []


def record_id(rec: dict) -> str:
    """An id as the extractor gives one (date, kind, place), from a record's fields."""
    date = rec["date"] or {}
    day = (date.get("start") or "")[: 10 if date.get("precision") == "day" else 7]
    city, country = rec["place"]["city"], rec["place"]["country"]
    place = city["id"] if city else record.slug(country["en"]) if country else None
    return "-".join(p for p in (day, str(rec["kind"] or ""), place) if p)


def _already_extracted(rec: dict, action: Add, index: _Index, sentences: dict) -> str | None:
    """The id of an extracted record that is this meeting: same id, or same kind and day from a cited sentence."""
    if rec["id"] in index.by_id:
        return rec["id"]
    cited = {(c.seed, _locate(c, sentences)[1]) for cs in action.cites.values() for c in cs}
    for key in sorted(cited):
        for other in index.by_text.get(key, []):
            if other["kind"] == rec["kind"] and other["date"]["start"] == rec["date"]["start"]:
                return other["id"]
    return None


# --------------------------------------------------------------------- validation


def _blamed(problems: list[Problem], action) -> list[Problem]:
    """A record's problems, named at the entry of the action that made it."""
    out = []
    for p in problems:
        root = p.place.split("/")[0]
        if root == "sources":
            continue  # a source's status is the meeting's status: reported once, at status
        place = f"meeting/{root}" if isinstance(action, Add) and root in ADD_FIELDS else ""
        out.append(Problem(action.file, place, f"the added meeting is not valid at {p.place}: {p.reason}"))
    return out


def _validate(records: list, made: dict, lex) -> list[Problem]:
    """Merged and split records, validated as every record is; blamed on their action."""
    problems = []
    for rec in records:
        action = made[rec["id"]]
        verb = "merge" if isinstance(action, Merge) else "split"
        problems += [
            Problem(action.file, "", f"the {verb} gives a meeting that is not valid at {p.place}: {p.reason}")
            for p in record.validate(rec, action.file, lex)
        ]
    return problems
