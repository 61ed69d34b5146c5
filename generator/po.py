"""A strict reader of gettext PO files, as any PO editor may save them.

Babel's reader is lenient where this project must not be: it guesses around an
unquoted ``msgstr`` (and loses a letter), decodes with the declared charset without
checking it, and keys plural entries by their singular ``msgid``, so a plural entry
and an ordinary one with the same text overwrite each other. This module reads a
catalog into ``Entry`` values, keeping each entry's lines as read, and fails with
one line naming the line of the first malformed entry. ``translations`` decides what
to do with the entries.

Grammar (GNU gettext): comment lines ``# ``, ``#.``, ``#:``, ``#,``, ``#|``; then
``msgctxt``, ``msgid``, ``msgid_plural``, ``msgstr`` or ``msgstr[N]``, each followed
by one or more double-quoted strings on following lines; obsolete entries prefix the
keyword lines with ``#~``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from .errors import Problem

CHARSET = re.compile(rb"charset=([^\s\"\\;]*)", re.IGNORECASE)
HEADER = re.compile(rb'^msgid ""[ \t]*\r?\nmsgstr[ \t]+(?:"[^\r\n]*"[ \t]*\r?\n?)+', re.MULTILINE)  # the first entry with an empty msgid
KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s*(.*)\Z")
QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"\Z')
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


class PoError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


@dataclass(frozen=True)
class Entry:
    line: int  # where the entry starts (1-based)
    obsolete: bool
    lines: tuple[str, ...]  # the entry as read, decoded, without line ends
    comments: tuple[str, ...] = ()  # translator comments ("# ...")
    extracted: tuple[str, ...] = ()  # "#. ..."
    references: tuple[str, ...] = ()  # tokens of "#: ..." lines
    flags: tuple[str, ...] = ()
    previous: dict = field(default_factory=dict)  # "#| msgid ..." and friends
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: tuple[str, ...] = ()  # one string, or msgstr[0..n] of a plural entry

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and self.msgctxt is None and not self.obsolete

    @property
    def plain(self) -> bool:
        """An ordinary entry: no context, no plural (the kind the generator keeps itself)."""
        return self.msgctxt is None and self.msgid_plural is None and not {"msgctxt", "msgid_plural"} & set(self.previous)


def decode(data: bytes, where: str) -> str:
    """The catalog's text, decoded with the charset its header declares (UTF-8 if none)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    header = HEADER.search(data)
    found = CHARSET.search(data, header.start(), header.end()) if header else None
    name = found.group(1).decode("ascii", "replace") if found else "UTF-8"
    line = data[: found.start()].count(b"\n") + 1 if found else 1
    if name.upper() == "CHARSET":  # xgettext's placeholder in a fresh template
        name = "UTF-8"
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise PoError(Problem(where, str(line), f"unknown charset {name!r} in the Content-Type header (use charset=UTF-8)")) from None
    if codec != "utf-8" and not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:  # declared one charset, written in UTF-8: decoding would garble every Arabic text
            raise PoError(Problem(where, str(line), f"declares charset={name} but its text is UTF-8; change the Content-Type header to charset=UTF-8"))
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        bad = data[: exc.start].count(b"\n") + 1
        raise PoError(Problem(where, str(bad), f"not valid {name} text (byte 0x{data[exc.start]:02x}); the header declares charset={name}")) from None


def unquote(text: str, where: str, number: int) -> str:
    m = QUOTED.match(text)
    if not m:
        shown = text if len(text) <= 40 else text[:40] + "..."
        raise PoError(Problem(where, str(number), f"expected a double-quoted string, found {shown!r}"))
    body = m.group(1)
    if "\\" not in body:  # most strings: nothing to unescape (the loop below is per character)
        return body
    out, i = [], 0
    while i < len(body):
        ch = body[i]
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        nxt = body[i + 1]
        if nxt in ESCAPES:
            out.append(ESCAPES[nxt])
            i += 2
        elif nxt in "01234567":
            digits = re.match(r"[0-7]{1,3}", body[i + 1 :]).group(0)
            out.append(chr(int(digits, 8)))
            i += 1 + len(digits)
        else:
            raise PoError(Problem(where, str(number), f"unknown escape '\\{nxt}' in a string"))
    return "".join(out)


class _Builder:
    """One entry being read: its comment lines, then its keywords and strings."""

    def __init__(self, number: int):
        self.start = number
        self.lines: list[str] = []
        self.comments, self.extracted, self.references, self.flags = [], [], [], []
        self.previous: dict[str, str] = {}
        self.previous_key: str | None = None
        self.values: dict[str, list[str]] = {}  # keyword -> strings, in file order
        self.order: list[str] = []
        self.obsolete: bool | None = None

    @property
    def has_keywords(self) -> bool:
        return bool(self.order)


def parse(text: str, where: str) -> list[Entry]:
    """Every entry of a PO file, in file order; ``PoError`` names the first bad line."""
    entries: list[Entry] = []
    current: _Builder | None = None

    def fail(number: int, reason: str) -> PoError:
        return PoError(Problem(where, str(number), reason))

    def finish(number: int) -> None:
        nonlocal current
        if current is not None and current.has_keywords:
            entries.append(_entry(current, where, fail))
        elif current is not None and current.lines and any(not line.startswith("#") for line in current.lines):
            raise fail(current.start, "entry without msgid")
        current = None

    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r").strip()
        if not line:
            finish(number)
            continue
        obsolete = line.startswith("#~")
        body = line[2:].strip() if obsolete else line
        if body.startswith("#") or (obsolete and body.startswith("|")):
            # A comment after the entry's strings starts the next entry.
            if current is not None and current.has_keywords:
                finish(number)
            if current is None:
                current = _Builder(number)
            current.lines.append(raw.rstrip("\r"))
            _comment(current, "#" + body if obsolete and body.startswith("|") else body, where, number)
            continue
        if current is None:
            current = _Builder(number)
        keyword = KEYWORD.match(body)
        if keyword:
            name, _, rest = keyword.groups()
            starts_new = current.has_keywords and (name in ("msgctxt", "msgid") and ("msgstr" in current.order[-1]))
            if starts_new:
                finish(number)
                current = _Builder(number)
            if current.obsolete is None:
                current.obsolete = obsolete
            elif current.obsolete != obsolete:
                raise fail(number, "an entry mixes obsolete (#~) and active lines")
            if name in current.values:
                raise fail(number, f"{name} given twice in one entry")
            current.values[name] = [unquote(rest.strip(), where, number)]
            current.order.append(name)
            current.lines.append(raw.rstrip("\r"))
        elif body.startswith('"'):
            if not current.has_keywords:
                raise fail(number, "a string outside any msgid or msgstr")
            if current.obsolete != obsolete:
                raise fail(number, "an entry mixes obsolete (#~) and active lines")
            current.values[current.order[-1]].append(unquote(body, where, number))
            current.lines.append(raw.rstrip("\r"))
        else:
            word = body.split()[0] if body.split() else body
            raise fail(number, f"unexpected {word[:30]!r}; expected a comment, msgctxt, msgid, msgstr or a quoted string")
    finish(len(lines) + 1)
    _no_duplicates(entries, where)
    return entries


def _comment(b: _Builder, line: str, where: str, number: int) -> None:
    kind = line[1:2]
    rest = line[2:].strip()
    if kind == ",":
        b.flags.extend(f.strip() for f in rest.split(",") if f.strip())
    elif kind == ":":
        b.references.extend(rest.split())
    elif kind == ".":
        b.extracted.append(rest)
    elif kind == "|":
        keyword = KEYWORD.match(rest)
        if keyword and keyword.group(1) in ("msgctxt", "msgid", "msgid_plural"):
            b.previous_key = keyword.group(1)
            b.previous[b.previous_key] = unquote(keyword.group(3).strip(), where, number)
        elif rest.startswith('"') and b.previous_key:
            b.previous[b.previous_key] += unquote(rest, where, number)
        else:
            raise PoError(Problem(where, str(number), f"a '#|' line must hold the previous msgctxt, msgid or msgid_plural, found {rest[:30]!r}"))
    else:
        b.comments.append(line[1:].strip())


def _entry(b: _Builder, where: str, fail) -> Entry:
    order = b.order
    names = [n for n in order if n != "msgctxt"]
    if order.count("msgctxt") and order[0] != "msgctxt":
        raise fail(b.start, "msgctxt must come before msgid")
    if not names or names[0] != "msgid":
        raise fail(b.start, f"{names[0] if names else 'msgctxt'} without a msgid before it")
    plural = "msgid_plural" in b.values
    strings = names[2:] if plural else names[1:]
    if plural:
        if names[1] != "msgid_plural":
            raise fail(b.start, "msgid_plural must follow msgid")
        expected = [f"msgstr[{i}]" for i in range(len(strings))]
        if not strings or strings != expected:
            raise fail(b.start, "a plural entry needs msgstr[0], msgstr[1], ... in order")
    elif strings != ["msgstr"]:
        raise fail(b.start, "msgid without its msgstr" if not strings else f"{strings[0]} in an entry without msgid_plural")
    joined = {k: "".join(v) for k, v in b.values.items()}
    return Entry(
        line=b.start,
        obsolete=bool(b.obsolete),
        lines=tuple(b.lines),
        comments=tuple(b.comments),
        extracted=tuple(b.extracted),
        references=tuple(b.references),
        flags=tuple(dict.fromkeys(b.flags)),
        previous=dict(b.previous),
        msgctxt=joined.get("msgctxt"),
        msgid=joined["msgid"],
        msgid_plural=joined.get("msgid_plural"),
        msgstr=tuple(joined[s] for s in strings),
    )


def _no_duplicates(entries: list[Entry], where: str) -> None:
    seen: dict[tuple, int] = {}
    for e in entries:
        key = (e.obsolete, e.msgctxt, e.msgid, e.msgid_plural is not None)
        if key in seen:
            raise PoError(Problem(where, str(e.line), f"the same msgid is defined again (first at line {seen[key]})"))
        seen[key] = e.line


def header_fields(entry: Entry) -> list[tuple[str, str]]:
    """The ``Name: value`` lines of a header entry's msgstr."""
    out = []
    for line in entry.msgstr[0].split("\n"):
        if ":" in line:
            name, value = line.split(":", 1)
            out.append((name.strip(), value.strip()))
    return out
