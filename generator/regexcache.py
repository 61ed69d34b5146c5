"""Compiled regular expressions kept from one build to the next.

Python compiles a regular expression in pure Python (``re._parser`` and
``re._compiler``): a build that changes one article at 1,000 articles spent about a
tenth of its time compiling the same 380 patterns the build before it compiled (the
lexicon's tables, the date grammar, our modules' and the libraries' own). The
compiled form is a list of integers, the program CPython's regex engine runs, and
``_sre.compile`` makes a pattern of it directly. A pattern made so is the very
pattern ``re.compile`` makes: patterns compare equal only when their source, flags
and program are equal, and ``record`` keeps a program only after checking that.

The engine checks a program only in part: like a ``.pyc`` file, a program damaged
on disk could crash the interpreter rather than raise. So a program is taken only
from where the build cache checked it, by its CRC-32, against the bytes stored (the
damage a file takes by accident: a flipped byte, a torn write), and only by the
interpreter that recorded it (below).

``Table.install()`` puts the table in front of ``re``'s compiler until
``uninstall()``: the command line's build does so while it runs (the MkDocs hook's
build does not: ``mkdocs serve`` compiles its patterns once for many builds). A
pattern the table holds is made from its program; any other is compiled as ever and
recorded, and ``new`` tells the build to store the table again. The table lives in the build cache under a key holding
Python's exact version and the engine's own version number, so another interpreter
never reads it; anything unexpected in it only means compiling as before.
"""

from __future__ import annotations

import re
import sys
from re import _compiler, _parser

import _sre


def cache_key_parts() -> tuple[str, str]:
    """What the table's cache key holds besides its name: Python's exact version and
    the regex engine's (``_sre.MAGIC`` changes whenever the program format does)."""
    return sys.version, f"{_sre.MAGIC}/{_sre.CODESIZE}"


class Table:
    """Patterns by (source, flags): each one's (flags, program, groups, group index,
    index group), the arguments ``_sre.compile`` takes after the source."""

    def __init__(self, stored=None) -> None:
        self.programs: dict = stored if _well_formed(stored) else {}
        self.used: dict = {}  # what this process compiled: the table the next build needs
        self.new = 0
        self._original = None

    def install(self) -> None:
        if self._original is not None:
            return
        self._original = original = _compiler.compile

        def compile(p, flags=0):
            if type(p) not in (str, bytes):
                return original(p, flags)
            k = (p, int(flags))
            got = self.programs.get(k)
            if got is not None:
                try:
                    rx = _sre.compile(p, *got)
                except Exception:  # noqa: BLE001 - a program the engine refuses: compiled as ever
                    self.programs.pop(k, None)
                else:
                    self.used[k] = got
                    return rx
            rx = original(p, flags)
            self.record(k, rx)
            return rx

        _compiler.compile = compile

    def uninstall(self) -> None:
        if self._original is not None:
            _compiler.compile = self._original
            self._original = None

    def record(self, k: tuple, rx: re.Pattern) -> None:
        """Keep the program of ``rx``, compiled from ``k`` (source, flags), once the
        pattern made of it is found equal to ``rx``."""
        try:
            p = _parser.parse(k[0], k[1])
            code = [int(c) for c in _compiler._code(p, k[1])]
            index = [None] * (rx.groups + 1)
            for name, i in rx.groupindex.items():
                index[i] = name
            entry = (int(rx.flags), code, rx.groups, dict(rx.groupindex), tuple(index))
            if _sre.compile(k[0], *entry) != rx:
                return
        except Exception:  # noqa: BLE001 - a pattern we cannot record is compiled every time
            return
        self.used[k] = entry
        self.new += 1


def _well_formed(stored) -> bool:
    return isinstance(stored, dict) and all(
        isinstance(k, tuple) and len(k) == 2 and type(k[0]) in (str, bytes) and isinstance(k[1], int)
        and isinstance(v, tuple) and len(v) == 5
        for k, v in stored.items()
    )
