"""Scoring the extractor against a gold file of real articles.

``python -m generator evaluate --seeds DIR --gold gold.yml [--undated undated.yml]``
builds the records of every article in DIR one by one (an article alone, as a new
desk would see it) and compares them with what a careful reader found:

- a record matches a gold meeting when its start and end days are the gold ones and
  its place (city or country, English name) is one the gold accepts; ``none`` in the
  accepted names lets a record without a place match, ``[none]`` alone requires it;
- a gold meeting marked ``optional`` is neither a hit nor a miss, and a record that
  matches it is not counted against precision;
- a day-precision record that matches an entry of the undated file (place, and the
  window or months given) is an *invented day*: counted as a false positive and
  reported as such. A coarser record that matches one is ignored.

It prints precision, recall, F1, invented days and one line per article, and exits 0
(the figures are for people; nothing is judged here).
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

from . import extract, lexicon, merge, record, yamlio
from .errors import GeneratorError, Problem
from .reader import ArticleError, read_article


@dataclass(frozen=True)
class Gold:
    start: str
    end: str
    places: tuple[str, ...]  # accepted English names, lower case; "none" for no place
    kind: str
    optional: bool


@dataclass(frozen=True)
class Undated:
    places: tuple[str, ...]
    window: tuple[str, str] | None
    months: tuple[int, ...]
    allow: tuple[str, ...]


@dataclass(frozen=True)
class Score:
    seed: str
    hits: int
    misses: tuple[Gold, ...]
    false: tuple[dict, ...]  # records matching nothing
    invented: tuple[dict, ...]  # day records matching an undated meeting

    @property
    def gold(self) -> int:
        return self.hits + len(self.misses)


def _iso(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def load_gold(path: Path) -> dict[str, list[Gold]]:
    data = yamlio.load(path.read_text(encoding="utf-8")) or {}
    out = {}
    for seed, items in data.items():
        out[seed] = [
            Gold(_iso(g["start"]), _iso(g.get("end", g["start"])), tuple(str(p).lower() for p in g.get("place", [])), str(g.get("kind", "")), bool(g.get("optional", False)))
            for g in items or []
        ]
    return out


def load_undated(path: Path | None) -> dict[str, list[Undated]]:
    if path is None:
        return {}
    data = yamlio.load(path.read_text(encoding="utf-8")) or {}
    out = {}
    for seed, items in data.items():
        out[seed] = [
            Undated(
                tuple(str(p).lower() for p in u.get("place", []) or []),
                tuple(_iso(d) for d in u["window"]) if u.get("window") else None,
                tuple(int(m) for m in u.get("months", []) or []),
                tuple(_iso(d) for d in u.get("allow", []) or []),
            )
            for u in items or []
        ]
    return out


def place_names(rec: dict) -> set[str]:
    names = set()
    for part in ("city", "country"):
        if rec["place"][part]:
            names.add(rec["place"][part]["en"].lower())
    return names


def matches_gold(rec: dict, gold: Gold) -> bool:
    if (rec["date"]["precision"], rec["date"]["start"], rec["date"]["end"]) != ("day", gold.start, gold.end):
        return False
    names = place_names(rec)
    if not names:
        return "none" in gold.places
    return bool(names & set(gold.places))


def matches_undated(rec: dict, u: Undated) -> bool:
    start = rec["date"]["start"]
    if start in u.allow:
        return False
    names = place_names(rec)
    if u.places and names and not (names & set(u.places)):
        return False
    if u.window and not (u.window[0] <= start <= u.window[1]):
        return False
    if u.months and int(start[5:7]) not in u.months:
        return False
    return bool(u.places or u.window)  # an entry with neither is documentation only


def score(seed: str, records: list[dict], gold: list[Gold], undated: list[Undated]) -> Score:
    free = list(records)
    hits, misses = 0, []
    # Required meetings first, so an optional one never takes a record a required one needs.
    for g in sorted(gold, key=lambda g: g.optional):
        found = next((r for r in free if matches_gold(r, g)), None)
        if found is not None:
            free.remove(found)
            hits += not g.optional
        elif not g.optional:
            misses.append(g)
    invented = [r for r in free if r["date"]["precision"] == "day" and any(matches_undated(r, u) for u in undated)]
    coarse = [r for r in free if r["date"]["precision"] != "day" and any(matches_undated(r, u) for u in undated)]
    false = [r for r in free if r not in invented and r not in coarse]
    return Score(seed, hits, tuple(misses), tuple(false), tuple(invented))


def records_of(path: Path, lex) -> list[dict]:
    """The records one article gives on its own."""
    article = read_article(path)
    events, _notices = merge.merge(extract.extract(article, lex))
    return [record.build(e, lex) for e in events]


def _describe(rec: dict) -> str:
    d = rec["date"]
    when = d["start"] if d["start"] == d["end"] else f"{d['start']}..{d['end']}"
    where = "/".join(sorted(place_names(rec))) or "no place"
    return f"{when} {where} ({rec['kind']}, {d['precision']})"


def run(seeds: Path, gold: dict, undated: dict) -> tuple[list[Score], list[str]]:
    lex = lexicon.load()
    scores, lines = [], []
    for path in sorted(seeds.glob("*.txt")):
        recs = records_of(path, lex)
        s = score(path.name, recs, gold.get(path.name, []), undated.get(path.name, []))
        scores.append(s)
        mark = "ok" if not (s.misses or s.false or s.invented) else "--"
        line = f"{mark} {path.name}: {s.hits}/{s.gold} found, {len(s.false)} false, {len(s.invented)} invented days"
        details = [f"   miss  {g.start}{'' if g.end == g.start else '..' + g.end} {'/'.join(g.places)} ({g.kind})" for g in s.misses]
        details += [f"   false {_describe(r)}" for r in s.false]
        details += [f"   invented {_describe(r)}" for r in s.invented]
        lines.append("\n".join([line, *details]))
    return scores, lines


def summary(scores: list[Score]) -> dict:
    tp = sum(s.hits for s in scores)
    fn = sum(len(s.misses) for s in scores)
    fp = sum(len(s.false) + len(s.invented) for s in scores)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1, "invented": sum(len(s.invented) for s in scores)}


def command(seeds: Path, gold: Path, undated: Path | None) -> int:
    try:
        for p, what in ((seeds, "seeds folder"), (gold, "gold file"), (undated, "undated file")):
            if p is not None and not p.exists():
                raise GeneratorError([Problem(str(p), "", f"{what} not found")])
        gold_data, undated_data = load_gold(gold), load_undated(undated)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        print(f"error: {gold}: not a gold file in the expected format ({exc.__class__.__name__}: {exc})", file=sys.stderr)
        return 2
    except ArticleError as exc:
        print(f"error: {exc.problem}", file=sys.stderr)
        return 2
    except GeneratorError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {exc.filename or gold}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        scores, lines = run(seeds, gold_data, undated_data)
    except ArticleError as exc:
        print(f"error: {exc.problem}", file=sys.stderr)
        return 2
    print("\n".join(lines))
    s = summary(scores)
    print(
        f"\n{len(scores)} articles: precision {s['precision']:.2f}, recall {s['recall']:.2f}, F1 {s['f1']:.2f} "
        f"({s['tp']} found, {s['fp']} false, {s['fn']} missed), invented days {s['invented']}"
    )
    return 0
