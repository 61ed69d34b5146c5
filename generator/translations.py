"""The English translation catalog for article text: ``content/translations/en.po``.

Structured facts reach the English pages from the lexicon, CLDR and templates. Free
text taken from the articles does not: every sentence (the English source page shows
the whole article, and evidence sentences are sentences), every statement's Arabic
text (a direct quote is part of a sentence, so it is an entry of its own) and every
front-matter title. This module keeps one gettext PO catalog of them, keyed by the
exact Arabic text, that translators fill in with any PO editor.

How a build treats the catalog (``load``):

* **Extraction.** Each needed text is one entry, ``msgid`` = the Arabic text. Its
  reference is ``#: seeds/<seed>:<sentence>`` (a title has no number); a text found in
  several places is one entry with every reference. An extracted comment (``#.``) says
  when the text is a title or a statement (direct quotes are stored, and translated,
  without their quotation marks). Entries are ordered by seed, then sentence; a
  title comes before the first sentence, quotes follow their sentence.
* **Translations kept.** An entry whose Arabic is unchanged keeps its ``msgstr``,
  flags, previous text and translator comments; references and extracted comments are
  regenerated.
* **Changed text.** When an article's text changes, the new text has no entry yet. If
  a translated entry that is no longer needed is close to it (difflib ratio >= 0.6,
  the cut-off ``Catalog.update`` uses), the new entry starts from that translation,
  marked ``#, fuzzy`` with the old Arabic kept as ``#| msgid "..."``: a translator
  sees what changed, fixes the English and removes the flag. Otherwise the new entry
  starts empty.
* **Obsolete text.** A translated entry no longer needed and not taken up by a changed
  text is kept at the end of the file as an obsolete ``#~`` entry, so no translation
  is lost; if its text comes back it is revived as fuzzy (to be checked once more).
  Untranslated entries no longer needed carry nothing and are dropped. Delete ``#~``
  entries by hand once they are of no use.
* **Use.** ``Translator.get`` returns a translation only when it is there and not
  fuzzy, else None; the English pages then show the Arabic original, marked
  ``lang="ar" dir="rtl"``, with a "not yet translated" label.
* **Whatever a PO editor saves.** The file is read strictly (``po``): the charset its
  header declares (rewritten as UTF-8), and a malformed entry is an error naming its
  line, so the catalog is never rewritten from a misreading. Entries the generator
  does not make itself (a ``msgctxt``, a plural) are kept as they were written, after
  the generator's own entries; so are header fields it does not set (``X-Generator``).
* **Deterministic bytes.** No creation date and no generator version in the header;
  the translator fields (Last-Translator, Language-Team, PO-Revision-Date) are carried
  over from the file as a PO editor left them. Strings are not wrapped (one line per
  text, so a changed sentence is a one-line diff), and the same seeds and catalog
  give the same bytes.
"""

from __future__ import annotations

import difflib
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import denormalize, generate_po, normalize

from . import inputs, po
from .errors import GeneratorError, Problem

CATALOG = "translations/en.po"  # under content/
LANGUAGE = "en"
FUZZY = "fuzzy"
CLOSE_ENOUGH = 0.6
HEADER_COMMENT = """\
# English translations of the article text the English pages show.
# Kept by `python -m generator build`: it adds an entry for each new Arabic text,
# marks entries whose Arabic changed as fuzzy (old Arabic under #|) and keeps
# translations no longer needed as obsolete (#~) entries. Translators fill in
# msgstr and remove the fuzzy flag once an entry is checked.
"""
TRANSLATOR_FIELDS = ("PO-Revision-Date", "Last-Translator", "Language-Team")
# Header fields the generator writes itself, or drops because they change with the
# tool or the clock; any other field a PO editor wrote is carried over as it is.
OWN_FIELDS = ("Project-Id-Version", "Language", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
              "Plural-Forms", "POT-Creation-Date", "Generated-By", "Report-Msgid-Bugs-To")
BABEL_PLACEHOLDERS = ("FULL NAME <EMAIL@ADDRESS>", "LANGUAGE <LL@li.org>", "YEAR-MO-DA HO:MI+ZONE")


@dataclass(frozen=True)
class Translator:
    entries: dict  # Arabic source text -> English, only translated and not fuzzy

    def get(self, arabic: str) -> str | None:
        return self.entries.get(arabic)

    @classmethod
    def from_catalog(cls, catalog: Catalog) -> "Translator":
        return cls({m.id: m.string for m in active(catalog) if m.string and not m.fuzzy})


@dataclass(frozen=True)
class Counts:
    translated: int = 0
    fuzzy: int = 0
    missing: int = 0

    @property
    def complete(self) -> bool:
        return not self.fuzzy and not self.missing


@dataclass(frozen=True)
class Status:
    total: Counts
    seeds: dict  # seed file name -> Counts (an entry used by several seeds counts in each)
    obsolete: int


def load(content: Path, articles, records, parse=None, rendered: "Rendered | None" = None, made=None) -> tuple[Translator, dict[str, bytes]]:
    """The translator for this build, and the catalog file to write (path under content/).
    ``parse(data, where)``: ``read``, or one that remembers what it read (the build cache);
    ``rendered``: the entries' PO text as the last build made it (see ``Rendered``);
    ``made(data, catalog)``: told the catalog written and the bytes it was written as.
    ``read(data)`` gives that same catalog back for everything ``merge`` and ``status``
    use (tests/test_catalog_files.py checks it), so the build need not parse the bytes
    it has just made: for the line it prints, or for the next build's ``load``."""
    path = content / CATALOG
    old = None
    if path.exists() or path.is_symlink():
        try:
            if path.parent.is_symlink():  # a linked folder: refused like a linked file
                raise inputs.InputError(Problem(str(path.parent), "", inputs.refusal(os.lstat(path.parent).st_mode, "folder")))
            data = inputs.read(path, inputs.CATALOG_LIMIT)
        except inputs.InputError as exc:
            raise GeneratorError([exc.problem]) from None
        old = (parse or read)(data, str(path))
    catalog = merge(old, needed(articles, records))
    data = dump(catalog, rendered)
    if made is not None:
        made(data, catalog)
    return Translator.from_catalog(catalog), {CATALOG: data}


def apply(record: dict, translator: Translator) -> dict:
    """The record with each statement's English text from the catalog (None if missing)."""
    statements = [{**s, "text": {"ar": s["text"]["ar"], "en": translator.get(s["text"]["ar"])}} for s in record["statements"]]
    # The same record when nothing changes: later stages key the cache by each record's
    # JSON, made once per record object (pipeline.Texts).
    return record if statements == record["statements"] else {**record, "statements": statements}


# -- extraction ---------------------------------------------------------------


class Need(NamedTuple):
    """One text the English pages need (a tuple: a build makes one per sentence of
    every article, 40,000 at 10,000 articles, and a frozen dataclass costs three
    times as much to make)."""

    text: str
    location: tuple[str, int | None]  # ("seeds/<seed>", sentence number or None for a title)
    comment: str | None
    order: tuple  # (seed, sentence, rank, position)


def needed(articles, records) -> list[Need]:
    """Every Arabic text the English pages need, in catalog order."""
    out: list[Need] = []
    sentences: dict[tuple[str, int], str] = {}
    for article in articles:
        where = f"seeds/{article.seed}"
        if article.title and article.title.strip():
            out.append(Need(article.title, (where, None), "title", (article.seed, 0, 0, 0)))
        for s in article.sentences:
            sentences[(article.seed, s.index)] = s.text
            out.append(Need(s.text, (where, s.index), None, (article.seed, s.index, 0, 0)))
    for rec in records:
        for st in rec["statements"]:
            text, seed, number = st["text"]["ar"], st["source"], st["sentence"]
            sentence = sentences.get((seed, number), "")
            position = sentence.find(text)
            kind = "direct quote, without its quotation marks" if st["kind"] == "direct" else "reported statement"
            rank = 0 if text == sentence else 1
            out.append(Need(text, (f"seeds/{seed}", number), f"{kind} ({st['speaker']})", (seed, number, rank, position)))
    return sorted(out, key=lambda n: (n.order, n.text))


# -- merging ------------------------------------------------------------------


def merge(old: Catalog | None, needs: list[Need]) -> Catalog:
    """The new catalog: ``needs`` in order, translations carried over from ``old``."""
    old_active = {m.id: m for m in active(old)} if old is not None else {}
    old_obsolete = dict(old.obsolete) if old is not None else {}
    wanted: dict[str, list[Need]] = {}
    for need in needs:
        wanted.setdefault(need.text, []).append(need)
    candidates = {k: m for k, m in old_active.items() if k not in wanted and m.string}
    candidates.update({k: m for k, m in old_obsolete.items() if k not in wanted and k not in candidates and m.string})
    taken: set[str] = set()
    catalog = _new_catalog()
    if old is not None:  # a PO editor's header fields and the entries we do not manage survive the rebuild
        catalog.revision_date = old.revision_date
        catalog.last_translator = old.last_translator
        catalog.language_team = old.language_team
        catalog.carried = list(_carried(old))
        catalog.notes = list(getattr(old, "notes", []))
        catalog.kept = list(_kept(old))
    for text, group in wanted.items():
        locations = list(dict.fromkeys(n.location for n in group))
        comments = list(dict.fromkeys(n.comment for n in group if n.comment))
        kept = old_active.get(text)
        string, flags, previous, user = "", set(), [], []
        if kept is not None:
            string, flags, previous = kept.string, set(kept.flags), list(kept.previous_id)
            user = list(kept.user_comments)
        elif text in old_obsolete:
            revived = old_obsolete[text]
            string, flags, user = revived.string, {FUZZY} if revived.string else set(), list(revived.user_comments)
        else:
            match = _closest(text, group, candidates)
            if match is not None:
                taken.add(match.id)
                string, flags, previous = match.string, {FUZZY}, [match.id]
        if FUZZY not in flags:
            previous = []
        message = catalog.add(text, string, locations=locations, flags=flags, auto_comments=comments,
                              user_comments=user, previous_id=previous)
        message.flags = set(flags)  # as the translator left them, not as Babel guesses them
        message.user_comments = user  # Babel merges repeated lines; the translator's lines stay as written
    for key, message in [*old_obsolete.items(), *old_active.items()]:
        if key in wanted or key in taken or key in catalog.obsolete:
            continue
        if message.string or message.user_comments:
            catalog.obsolete[key] = Message(key, message.string)
            catalog.obsolete[key].user_comments = list(message.user_comments)
    return catalog


def _carried(catalog: Catalog) -> list[tuple[str, str]]:
    return getattr(catalog, "carried", [])


def _kept(catalog: Catalog) -> list[po.Entry]:
    return getattr(catalog, "kept", [])


def _closest(text: str, group: list[Need], candidates: dict) -> Message | None:
    """The translated, no longer needed entry most like ``text`` (same seed wins a tie)."""
    seeds = {n.location[0] for n in group}
    best, best_key = None, None
    for key, message in candidates.items():
        matcher = difflib.SequenceMatcher(None, text, key, autojunk=False)
        if matcher.real_quick_ratio() < CLOSE_ENOUGH or matcher.quick_ratio() < CLOSE_ENOUGH:
            continue
        ratio = matcher.ratio()
        if ratio < CLOSE_ENOUGH:
            continue
        rank = (ratio, any(loc[0] in seeds for loc in message.locations))
        if best_key is None or rank > best_key:
            best, best_key = message, rank
    return best


# -- reading and writing ------------------------------------------------------


def read(data: bytes, where: str) -> Catalog:
    """Parse a catalog; a malformed one is a ``GeneratorError`` naming the line.

    Ordinary entries become Babel messages, flags exactly as written. Entries with a
    context or a plural are kept as read, on ``catalog.kept``; header fields the
    generator does not set, on ``catalog.carried`` (Babel's ``Catalog`` has no place
    for either).
    """
    try:
        entries = po.parse(po.decode(data, where), where)
    except po.PoError as exc:
        found = exc.problem
        raise GeneratorError([Problem(found.file, found.place, f"not a valid PO file: {found.reason}")]) from None
    catalog = _new_catalog()
    catalog.carried, catalog.kept, catalog.notes = [], [], []
    for entry in entries:
        if entry.is_header:
            fields = [(k, v) for k, v in po.header_fields(entry) if k not in OWN_FIELDS and v and v not in BABEL_PLACEHOLDERS]
            catalog.carried = [(k, v) for k, v in fields if k not in TRANSLATOR_FIELDS]
            # The file's own comments above the header ("# Translators: ..."), beyond the generator's.
            ours = {line[1:].strip() for line in HEADER_COMMENT.splitlines()}
            catalog.notes = [c for c in entry.comments if c not in ours]
            translator = dict(fields)
            catalog.revision_date = translator.get("PO-Revision-Date", catalog.revision_date)
            catalog.last_translator = translator.get("Last-Translator", catalog.last_translator)
            catalog.language_team = translator.get("Language-Team", catalog.language_team)
        elif not entry.plain:
            catalog.kept.append(entry)
        elif entry.obsolete:
            catalog.obsolete[entry.msgid] = _message(entry)
        else:
            catalog[entry.msgid] = _message(entry)
    return catalog


def _message(entry: po.Entry) -> Message:
    message = Message(entry.msgid, entry.msgstr[0], locations=[_location(r) for r in entry.references],
                      auto_comments=list(entry.extracted), user_comments=list(entry.comments),
                      previous_id=[entry.previous["msgid"]] if "msgid" in entry.previous else [], lineno=entry.line)
    message.flags = set(entry.flags)  # Babel adds or drops python-format by guessing; keep the file's
    message.user_comments = list(entry.comments)  # and merges repeated comment lines
    return message


def _location(reference: str) -> tuple[str, int | None]:
    name, _, number = reference.rpartition(":")
    return (name, int(number)) if name and number.isdigit() else (reference, None)


def dump(catalog: Catalog, rendered: "Rendered | None" = None) -> bytes:
    """The catalog as PO text: fixed header, no wrapping, previous text on ``#|`` lines.

    Order: the generator's entries, then the kept context and plural entries as they
    were written, then obsolete entries (kept obsolete ones last). ``rendered``: the
    text of entries rendered before, reused; this catalog's entries end in its ``made``.
    """
    rendered = rendered if rendered is not None else Rendered()
    previous = {m.id: m.previous_id[0] for m in active(catalog) if m.previous_id}
    out = [HEADER_COMMENT, *(f"# {note}".rstrip() + "\n" for note in getattr(catalog, "notes", [])), 'msgid ""\nmsgstr ""\n']
    out += [f'"{name}: {value}\\n"\n' for name, value in _header(catalog)]
    out.append("\n")
    kept = _kept(catalog)
    obsolete, catalog.obsolete = catalog.obsolete, {}
    try:
        out += _entries(catalog, previous, rendered)
        out += ["\n".join(e.lines) + "\n\n" for e in kept if not e.obsolete]
        catalog.obsolete = obsolete
        only_obsolete = _new_catalog()
        only_obsolete.obsolete = obsolete
        out += _entries(only_obsolete, previous, rendered)
    finally:
        catalog.obsolete = obsolete
    out += ["\n".join(e.lines) + "\n\n" for e in kept if e.obsolete]
    return "".join(out).rstrip("\n").encode("utf-8") + b"\n"


def _entries(catalog: Catalog, previous: dict, rendered: "Rendered") -> list[str]:
    out = []
    for chunk in rendered.chunks(catalog):
        if chunk.startswith("msgid "):  # an active entry (obsolete ones start with "#~ ")
            # Babel wraps "#|" lines like comments, which splits the quoted text;
            # one unwrapped line is what GNU gettext and PO editors read.
            text = denormalize(chunk[len("msgid ") :].strip())
            if text in previous:
                out.append(f"#| msgid {normalize(previous[text], prefix='#| ', width=0)}\n")
        out.append(chunk)
    return out


class Rendered:
    """Babel's PO text of single entries, by everything that text is made from.

    Babel writes the whole catalog each time; at 10,000 articles that is most of a
    build in which one article changed. An entry's text depends on that entry alone
    (``generate_po`` without sorting or wrapping), so a build hands over the texts
    the last one made (its cache keeps them) and only new or changed entries go
    through Babel again. ``made`` holds this build's entries, for the next one.
    """

    def __init__(self, known: dict | None = None) -> None:
        self.known = known if isinstance(known, dict) else {}  # a damaged cache value: start empty
        self.made: dict[tuple, tuple[str, ...]] = {}  # never ``known`` itself: the build compares them

    @staticmethod
    def _key(message: Message, obsolete: bool) -> tuple:
        # Everything generate_po reads for one entry (previous_id: written by _entries).
        return (obsolete, message.id, message.string, message.context, tuple(message.user_comments),
                tuple(message.auto_comments), tuple(message.locations), tuple(sorted(message.flags)))

    def chunks(self, catalog: Catalog):
        """The pieces ``generate_po`` yields for the catalog's entries (no header), in
        its order: active entries, then obsolete ones."""
        entries = [(m, False) for m in catalog if m.id] + [(m, True) for m in catalog.obsolete.values()]
        keys = [self._key(m, obsolete) for m, obsolete in entries]
        todo = [(m, obsolete) for (m, obsolete), k in zip(entries, keys) if k not in self.made and self.known.get(k) is None]
        if todo:
            fresh = _new_catalog()
            for m, obsolete in todo:
                if obsolete:
                    fresh.obsolete[m.id] = m
                else:
                    fresh[m.id] = m
            texts, piece = [], []
            for chunk in generate_po(fresh, omit_header=True, width=0, include_previous=False, include_lineno=True):
                piece.append(chunk)
                if chunk == "\n":  # generate_po ends every entry with a blank line, and nothing else is one
                    texts.append(tuple(piece))
                    piece = []
            for (m, obsolete), text in zip(todo, texts, strict=True):
                self.made[self._key(m, obsolete)] = text
        for k in keys:
            text = self.made.get(k) or self.known[k]
            self.made[k] = text
            yield from text


def _header(catalog: Catalog) -> list[tuple[str, str]]:
    carried = {
        "PO-Revision-Date": catalog.revision_date.strftime("%Y-%m-%d %H:%M%z") if hasattr(catalog.revision_date, "strftime") else catalog.revision_date,
        "Last-Translator": catalog.last_translator,
        "Language-Team": catalog.language_team,
    }
    translator = [(k, v) for k in TRANSLATOR_FIELDS if (v := carried[k]) and v not in BABEL_PLACEHOLDERS]
    return [("Project-Id-Version", "briefing article text"), ("Language", LANGUAGE), *translator,
            ("MIME-Version", "1.0"), ("Content-Type", "text/plain; charset=UTF-8"),
            ("Content-Transfer-Encoding", "8bit"), ("Plural-Forms", "nplurals=2; plural=(n != 1);"), *_carried(catalog)]


def _new_catalog() -> Catalog:
    return Catalog(locale=LANGUAGE, fuzzy=False)


def active(catalog: Catalog | None) -> list[Message]:
    return [m for m in (catalog or []) if m.id and isinstance(m.id, str)]


# -- status -------------------------------------------------------------------


def state(message: Message) -> str:
    if message.fuzzy:
        return "fuzzy"
    return "translated" if message.string else "missing"


def status(catalog: Catalog) -> Status:
    # Plain counters while counting (a frozen Counts per entry and seed was a tenth of
    # a one-article build at 10,000 articles), frozen Counts at the end.
    total, seeds = Counter(), {}
    for message in active(catalog):
        kind = state(message)
        total[kind] += 1
        for seed in {loc[0].removeprefix("seeds/"): None for loc in message.locations}:
            seeds.setdefault(seed, Counter())[kind] += 1
    return Status(Counts(**total), {seed: Counts(**seeds[seed]) for seed in sorted(seeds)}, len(catalog.obsolete))


def summary(st: Status) -> str:
    """The one line ``build`` prints."""
    t = st.total
    return f"translations (en): {t.translated} translated, {t.fuzzy} fuzzy, {t.missing} missing"


def report(st: Status, where: str) -> list[str]:
    """The table ``python -m generator translations`` prints."""
    width = max([len("all seeds"), *(len(s) for s in st.seeds)])
    rows = [f"{'seed':<{width}}  {'translated':>10}  {'fuzzy':>5}  {'missing':>7}"]
    for name, c in [*st.seeds.items(), ("all seeds", st.total)]:
        rows.append(f"{name:<{width}}  {c.translated:>10}  {c.fuzzy:>5}  {c.missing:>7}")
    entries = st.total.translated + st.total.fuzzy + st.total.missing
    done = 100 * st.total.translated // entries if entries else 100
    return [f"English translations in {where}: {done}% translated, {st.obsolete} obsolete kept", *rows]


def status_of(files: dict, parse=None) -> Status:
    """The status of the catalog in a build's planned files (``parse``: see ``load``)."""
    return status((parse or read)(files[CATALOG], CATALOG))


def command(files: dict, content: Path, require_complete: bool) -> tuple[list[str], int]:
    """``python -m generator translations``: the lines to print and the exit code.

    The counts are those of the catalog as ``build`` would write it (the seeds as they
    are now merged into the committed file); 1 with ``require_complete`` when any entry
    is fuzzy or missing.
    """
    where = content / CATALOG
    st = status_of(files)
    lines = report(st, str(where))
    if not where.is_file() or where.read_bytes() != files[CATALOG]:
        lines.append(f"note: {where} is not up to date with seeds/; `python -m generator build` updates it")
    if require_complete and not st.total.complete:
        lines.append(f"incomplete: {st.total.fuzzy} fuzzy and {st.total.missing} missing entries need a translator")
        return lines, 1
    return lines, 0
