"""Reading seed articles: bytes on disk to ``Article``.

An article is UTF-8 text. It may open with YAML front matter (``---`` lines) holding
``date``, ``outlet``, ``url`` and ``title``, or with a one-line dateline
``date YYYY-MM-DD`` (leading spaces allowed) that may share its line with the first
paragraph, as wire copy often does. Paragraphs are separated by blank lines.

Only regular files are read (see ``inputs``), and the text is cleaned at this boundary
(``clean``) so every later stage, page and catalog sees the same safe text.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from . import inputs, yamlio
from .errors import GeneratorError, Problem
from .model import Article, Sentence

FRONT_MATTER_KEYS = ("date", "outlet", "url", "title")
DATELINE = re.compile(r"\A[ \t\u00a0]*date(?:[ \t\u00a0]+(?P<value>\S*))?(?P<rest>[^\n]*)")
# A sentence ends at . ! ? ؟ or … (repeated marks such as ".." count as one end),
# optionally followed by closing quotes or brackets, then white space.
SENTENCE_END = re.compile(r"[.!?؟…]+[\"”»)\]]*(?=\s)")
OPENING = {"«": "»", "“": "”"}
# Removed from article text where it is read:
# - C0 and C1 control characters (NUL, ESC, ...) but tab and line breaks: they have no
#   place in prose and would reach Markdown, the catalog and HTML raw;
# - bidi embeddings, overrides and isolates (LRE..RLO, LRI..PDI): an unpaired RLO in a
#   title reverses whatever follows it, up to the site name in <title>. The scope-less
#   marks LRM, RLM and ALM stay: Arabic text uses them and they reorder nothing;
# - invisible characters that split words (zero-width space, word joiner, soft
#   hyphen, a BOM inside the text), so "كي\u200bيف" is Kyiv to the extractor.
#   ZWNJ and ZWJ change how letters join and stay; matching ignores them (textnorm.fold).
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\u2060-\u2064\u00ad\ufeff\u180e]")


class ArticleError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def read_seeds(seeds_dir: Path) -> tuple[list[Article], list[Problem]]:
    """Read every ``*.txt`` under ``seeds_dir`` in name order; collect all problems."""
    articles = []
    files, problems = read_files(seeds_dir)
    for path, data in files:
        try:
            articles.append(parse_file(path, data))
        except ArticleError as exc:
            problems.append(exc.problem)
    return articles, problems


def read_files(seeds_dir: Path) -> tuple[list[tuple[Path, bytes | Problem]], list[Problem]]:
    """Every ``*.txt`` under ``seeds_dir`` in name order with its bytes, or the problem
    reading it; and the problems of the folder itself."""
    if not seeds_dir.is_dir():
        return [], [Problem(str(seeds_dir), "", "seeds folder not found")]
    try:
        paths = inputs.listed(seeds_dir, ".txt")
    except inputs.InputError as exc:
        return [], [exc.problem]
    except OSError as exc:
        return [], [Problem(str(seeds_dir), "", exc.strerror or str(exc))]
    out: list[tuple[Path, bytes | Problem]] = []
    for path in paths:
        try:
            out.append((path, inputs.read(path, inputs.SEED_LIMIT)))
        except inputs.InputError as exc:
            out.append((path, exc.problem))
    return out, []


def parse_file(path: Path, data: bytes | Problem) -> Article:
    """The article in a file ``read_files`` read; ``ArticleError`` for a file it could not read."""
    if isinstance(data, Problem):
        raise ArticleError(data)
    return parse_article(path.name, data, display=str(path))


def read_article(path: Path) -> Article:
    try:
        raw = inputs.read(path, inputs.SEED_LIMIT)
    except inputs.InputError as exc:
        raise ArticleError(exc.problem) from None
    return parse_article(path.name, raw, display=str(path))


def clean(text: str) -> str:
    """Article text without control, bidi-override and word-splitting invisible characters."""
    return UNSAFE.sub("", text)


def parse_article(seed: str, raw: bytes, display: str | None = None) -> Article:
    where = display or seed

    def fail(place: str, reason: str) -> ArticleError:
        return ArticleError(Problem(where, place, reason))

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise fail(f"{line}", f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})") from None
    text = clean(text.replace("\r\n", "\n").replace("\r", "\n"))
    meta: dict = {}
    body_line = 1  # line number where the body starts, for error places
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end < 0:
            raise fail("1", "front matter opened with '---' is never closed")
        try:  # line 1 is "---"
            meta = yamlio.load_untrusted(text[4:end], where, limit=inputs.EDITORIAL_LIMIT, first_line=2,
                                         what="front matter is not valid YAML", dates=True) or {}
        except GeneratorError as exc:
            found = exc.problems[0]
            raise fail(found.place or "1", found.reason) from None
        if not isinstance(meta, dict):
            raise fail("2", "front matter must be a mapping of date, outlet, url, title")
        unknown = sorted(set(map(str, meta)) - set(FRONT_MATTER_KEYS))
        if unknown:
            raise fail("2", f"unknown front-matter key {unknown[0]!r} (expected one of {', '.join(FRONT_MATTER_KEYS)})")
        body_line = text[: end + 4].count("\n") + 2
        text = text[end + 4 :].split("\n", 1)[1] if "\n" in text[end + 4 :] else ""
    published = None
    if "date" in meta:
        published = _front_matter_date(meta["date"], fail)
    match = DATELINE.match(text)
    if match and (match.group("value") is not None or not match.group("rest").strip()):
        value = match.group("value") or ""
        if published is not None:
            raise fail(str(body_line), "both front matter and a dateline give a date; keep one")
        published = _dateline(value, fail, str(body_line))
        text = match.group("rest").lstrip() + text[match.end() :]
    for key in ("outlet", "url", "title"):
        if key in meta and not isinstance(meta[key], str):
            raise fail("2", f"front-matter {key} must be text, found {type(meta[key]).__name__}")
    meta = {k: clean(v) if isinstance(v, str) else v for k, v in meta.items()}  # YAML escapes ("\u202e") decode after the first clean
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        raise fail("", "empty article: no text after the dateline" if published else "empty article")
    return Article(
        seed=seed,
        published=published,
        paragraphs=paragraphs,
        title=meta.get("title"),
        outlet=meta.get("outlet"),
        url=meta.get("url"),
    )


def _front_matter_date(value, fail) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return _dateline(str(value), fail, "2")


def _dateline(value: str, fail, place: str) -> dt.date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise fail(place, f"malformed dateline: expected 'date YYYY-MM-DD', found {('date ' + value).strip()!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise fail(place, f"malformed dateline: {value!r} is not a calendar date") from None


def split_paragraphs(text: str) -> tuple[tuple[Sentence, ...], ...]:
    """Paragraphs are blocks separated by blank lines; line breaks inside one are spaces."""
    blocks = [" ".join(line.strip() for line in block.splitlines()).strip() for block in re.split(r"\n[ \t\u00a0]*\n", text)]
    paragraphs: list[tuple[Sentence, ...]] = []
    index = 0
    for block in (b for b in blocks if b):
        sentences = []
        for chunk in split_sentences(block):
            index += 1
            sentences.append(Sentence(index=index, paragraph=len(paragraphs) + 1, text=chunk))
        paragraphs.append(tuple(sentences))
    return tuple(paragraphs)


def split_sentences(paragraph: str) -> list[str]:
    """Split at sentence ends that are not inside a quotation.

    A quotation ("...", «...», “...”) stays in the sentence that introduces it, so a
    quoted statement is kept whole as evidence.
    """
    out, start, depth_straight, stack = [], 0, False, []
    i = 0
    while i < len(paragraph):
        ch = paragraph[i]
        if ch == '"':
            depth_straight = not depth_straight
        elif ch in OPENING:
            stack.append(OPENING[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
        if not depth_straight and not stack:
            m = SENTENCE_END.match(paragraph, i)
            if m and m.end() > i:
                # Closing quotes inside the match may end the quotation we are in.
                end = m.end()
                if '"' in m.group(0):
                    depth_straight = not depth_straight if m.group(0).count('"') % 2 else depth_straight
                out.append(paragraph[start:end].strip())
                start = end
                i = end
                continue
        i += 1
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]
