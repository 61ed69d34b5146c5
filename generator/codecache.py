"""The code of dataclasses' methods, kept from one build to the next.

``dataclasses`` writes the methods of each dataclass (``__init__``, ``__repr__``,
``__eq__``, ``__hash__``, a frozen class's ``__setattr__`` and ``__delattr__``) as
Python source when the class is defined, and compiles that source with ``exec``:
about 0.3 ms a frozen class, 15–20 ms of every build for the generator's sixty
(at 100 articles, a tenth of a build that adds a sentence to one). The source is the
same every time the same class is defined, and so is the code Python compiles of it.

``Table.install()`` stands in front of that ``exec`` until ``uninstall()``: the
``dataclasses`` module finds the name ``exec`` in its own globals before the
builtins, and the table puts its own there. Source the table holds runs from the
code object stored for it; any other source is compiled exactly as ``exec`` compiles
it (file ``<string>``, no ``__future__`` flags inherited: ``dataclasses`` has none)
and recorded, and ``new`` tells the build to store the table again. Anything else
(code objects, other callers) goes to the builtin unchanged.

A code object is kept only after its ``marshal`` form, read back, compares equal to
it (code objects compare their bytecode, constants, names and flags). ``marshal`` is
the format of ``.pyc`` files, and like one, code damaged on disk could crash the
interpreter: so the table is only taken from where the build cache checked it by
its CRC-32 (``regexcache`` says the same of its programs), under a key holding
Python's exact version, so that no other interpreter reads it. The command line's
build installs it while it imports the pipeline; the MkDocs hook's does not.
"""

from __future__ import annotations

import builtins
import dataclasses
import marshal
import sys
import types


def cache_key_parts() -> tuple[str, str]:
    """What the table's cache key holds besides its name: Python's exact version (the
    bytecode and ``marshal``'s format change with it) and ``marshal``'s own."""
    return sys.version, str(marshal.version)


class Table:
    """Code objects by the source text ``dataclasses`` compiled them from."""

    def __init__(self, stored=None) -> None:
        self.codes: dict = stored if _well_formed(stored) else {}
        self.used: dict = {}  # what this process ran: the table the next build needs
        self.new = 0
        self._installed = False

    def install(self) -> None:
        if self._installed or "exec" in vars(dataclasses):
            return
        self._installed = True

        def exec(source, globals=None, locals=None, /):  # noqa: A001 - stands in for the builtin
            if type(source) is not str:
                return builtins.exec(source, globals, locals)
            code = self.codes.get(source)
            if code is None:
                code = compile(source, "<string>", "exec", dont_inherit=True)
                self.record(source, code)
            else:
                self.used[source] = code
            return builtins.exec(code, globals, locals)

        dataclasses.exec = exec

    def uninstall(self) -> None:
        if self._installed:
            del dataclasses.exec
            self._installed = False

    def record(self, source: str, code) -> None:
        """Keep ``code``, compiled from ``source``, once its stored form is found equal to it."""
        try:
            if marshal.loads(marshal.dumps(code)) != code:
                return
        except (ValueError, TypeError, EOFError):  # code we cannot keep is compiled every time
            return
        self.used[source] = code
        self.new += 1


def _well_formed(stored) -> bool:
    return isinstance(stored, dict) and all(type(k) is str and type(v) is types.CodeType for k, v in stored.items())
