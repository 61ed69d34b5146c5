"""Editor corrections: hand-kept files that every build applies on top of the records.

One file per meeting, ``content/corrections/<event-id>.yml``, so a correction reads
in a pull request as a small, separate diff::

    # Why: the article's "local meeting" means it is held in Ukraine.
    - field: place.country
      value: {code: UA, ar: أوكرانيا, en: Ukraine}
      reason: Kyiv plans it as a domestic meeting.

``field`` is a dotted path into the record (``title.en``, ``status``, ``host``,
``participants``, ``statements.0.text.en``). The generated value it replaced and the
reason are kept in the record's ``corrections`` list, so the page and the review
report show what an editor changed. A correction file whose meeting no longer exists,
or a path that no longer resolves, is reported on every build.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

from . import inputs, yamlio
from .errors import GeneratorError, Problem

FOLDER = "corrections"
PROTECTED = {"id", "sources", "evidence", "corrections"}  # the generator's own bookkeeping


@dataclass(frozen=True)
class Correction:
    file: str
    index: int
    event_id: str
    field: str
    value: object
    reason: str


def load(folder: Path) -> tuple[list[Correction], list[Problem]]:
    """Read every correction file. Returns (corrections, errors)."""
    fixes, problems = [], []
    if not folder.is_dir():
        return [], []
    try:
        paths = inputs.listed(folder, ".yml")
    except inputs.InputError as exc:
        return [], [exc.problem]
    for path in paths:
        shown = str(path)
        try:  # a link, FIFO, device, folder, alias bomb or huge file: one line, never followed
            data = yamlio.read_untrusted(path, shown)
        except GeneratorError as exc:
            problems.extend(exc.problems)
            continue
        if data is None:
            continue
        if not isinstance(data, list):
            problems.append(Problem(shown, "top", "expected a list of corrections (- field: ..., value: ..., reason: ...)"))
            continue
        for i, item in enumerate(data):
            if not isinstance(item, dict) or set(item) - {"field", "value", "reason"} or not {"field", "value", "reason"} <= set(item):
                problems.append(Problem(shown, f"{i}", "each correction needs exactly field, value and reason"))
                continue
            if not isinstance(item["field"], str) or item["field"].split(".")[0] in PROTECTED:
                problems.append(Problem(shown, f"{i}", f"field {item['field']!r} cannot be corrected"))
                continue
            if not isinstance(item["reason"], str) or not item["reason"].strip():
                problems.append(Problem(shown, f"{i}", "reason must say why, in a sentence"))
                continue
            fixes.append(Correction(shown, i, path.stem, item["field"], item["value"], item["reason"].strip()))
    return fixes, problems


def _resolve(rec, parts):
    """The container and key a dotted path points at, or None."""
    node = rec
    for part in parts[:-1]:
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, dict) and part in node and node[part] is not None:
            node = node[part]
        else:
            return None
    last = parts[-1]
    if isinstance(node, list) and last.isdigit() and int(last) < len(node):
        return node, int(last)
    if isinstance(node, dict) and last in node:
        return node, last
    return None


def apply(records: list[dict], fixes: list[Correction]) -> tuple[list[dict], list[Problem]]:
    by_id = {r["id"]: r for r in records}
    # Only the records a correction names are copied (and changed); the rest are passed on as they are.
    fixed = {fix.event_id for fix in fixes}
    out = {r["id"]: copy.deepcopy(r) if r["id"] in fixed else r for r in records}
    notices = []
    for fix in fixes:
        rec = out.get(fix.event_id)
        if rec is None:
            notices.append(Problem(fix.file, str(fix.index), f"no meeting {fix.event_id!r} any more; this correction no longer applies"))
            continue
        target = _resolve(rec, fix.field.split("."))
        if target is None:
            notices.append(Problem(fix.file, str(fix.index), f"the record has no field {fix.field!r}; this correction no longer applies"))
            continue
        node, key = target
        generated = copy.deepcopy(_get(by_id[fix.event_id], fix.field))
        node[key] = copy.deepcopy(fix.value)
        rec["corrections"].append({"field": fix.field, "generated": generated, "value": copy.deepcopy(fix.value), "reason": fix.reason})
    return [out[r["id"]] for r in records], notices


def _get(rec, path):
    target = _resolve(rec, path.split("."))
    if target is None:
        return None
    node, key = target
    return node[key]


def validate(records: list[dict], fixes: list[Correction], validate_record) -> list[Problem]:
    """Every problem in a corrected record, reported against the correction file.

    A problem at the corrected field, inside it or around it (a ``oneOf`` error is
    reported at the parent) is blamed on that correction; any other problem in a
    corrected record is blamed on the record's correction file as a whole. None is
    dropped.
    """
    problems = []
    by_id = {r["id"]: r for r in records}
    fixes_by_id: dict[str, list[Correction]] = {}
    for fix in fixes:
        fixes_by_id.setdefault(fix.event_id, []).append(fix)
    for event_id, own in fixes_by_id.items():
        rec = by_id.get(event_id)
        if rec is None:
            continue
        for problem in validate_record(rec, own[0].file):
            place = problem.place.split("/")
            blamed = [f for f in own if _related(f.field.split("."), place)]
            for fix in blamed:
                problems.append(Problem(fix.file, str(fix.index), f"value for {fix.field}: {problem.reason}"))
            if not blamed:
                problems.append(Problem(own[0].file, "", f"the corrected record is not valid at {problem.place}: {problem.reason}"))
    return sorted(set(problems), key=lambda p: (p.file, p.place, p.reason))


def _related(field: list[str], place: list[str]) -> bool:
    """One path is a prefix of the other."""
    n = min(len(field), len(place))
    return field[:n] == place[:n]
