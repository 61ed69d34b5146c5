"""YAML in and out, the same way everywhere.

Dates stay ISO strings in memory (they are JSON-Schema ``format: date`` strings) yet
are written unquoted: the timestamp resolver is removed from both the loader and the
dumper, so ``2026-01-03`` round-trips as text. Output is block style, keys in the
order the record builder gives them, no line wrapping (one fact per line in a diff).
"""

from __future__ import annotations

import yaml


def _without_timestamps(cls):
    cls.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in cls.yaml_implicit_resolvers.copy().items()
    }
    return cls


# libyaml's C emitter and parser when PyYAML has them (about ten times faster; the
# test suite checks they give the same bytes as the pure-Python ones).
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _str(dumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _make(base_loader, base_dumper):
    @_without_timestamps
    class Loader(base_loader):
        pass

    @_without_timestamps
    class Dumper(base_dumper):
        def ignore_aliases(self, data):  # repeated evidence is written out, never as &anchors
            return True

    Dumper.add_representer(str, _str)
    return Loader, Dumper


Loader, Dumper = _make(_BaseLoader, _BaseDumper)
_, PureDumper = _make(yaml.SafeLoader, yaml.SafeDumper)  # for the test that C and Python agree


def problem(exc: Exception, where: str, what: str = "not valid YAML", first_line: int = 1):
    """A YAML error as one ``Problem`` line: the line it is on (counting from
    ``first_line``) and the parser's own words."""
    from .errors import Problem

    mark = getattr(exc, "problem_mark", None)
    place = str(mark.line + first_line) if mark else ""
    return Problem(where, place, f"{what} ({getattr(exc, 'problem', None) or exc})")


def load(text: str):
    """YAML the generator wrote itself (records); editors' files go through ``load_untrusted``."""
    return yaml.load(text, Loader=Loader)


class _NoAliases:
    """Refuses ``*alias`` nodes: a few lines of nested aliases expand to billions of
    nodes (the "billion laughs"), minutes of work and gigabytes of memory. An anchor
    alone is harmless and allowed."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, f"aliases (*{event.anchor}) are not allowed; write the value out", event.start_mark)
        return super().compose_node(parent, index)


# The pure-Python parser, because the C one composes aliases where it cannot be hooked.
@_without_timestamps
class UntrustedLoader(_NoAliases, yaml.SafeLoader):
    pass


class UntrustedDatesLoader(_NoAliases, yaml.SafeLoader):
    """The same, reading ``2026-01-02`` as a date (a seed's front matter)."""


def load_untrusted(text: str, where: str, *, limit: int, first_line: int = 1, what: str = "not valid YAML", dates: bool = False):
    """YAML written by an editor or an author: aliases refused, size bounded.

    Returns the data, or raises ``GeneratorError`` with one line naming ``where``.
    Every YAML file read from ``content/`` (and a seed's front matter) goes through here.
    """
    from . import inputs
    from .errors import GeneratorError, Problem

    if len(text.encode("utf-8")) > limit:
        raise GeneratorError([Problem(where, "", f"{what}: larger than the {inputs.size(limit)} allowed")])
    try:
        return yaml.load(text, Loader=UntrustedDatesLoader if dates else UntrustedLoader)
    except yaml.YAMLError as exc:
        raise GeneratorError([problem(exc, where, what, first_line)]) from None
    except RecursionError:
        raise GeneratorError([Problem(where, "", f"{what}: nested too deeply")]) from None


def dump(data, header: str = "", dumper=None) -> str:
    body = yaml.dump(data, Dumper=dumper or Dumper, allow_unicode=True, sort_keys=False, width=10**9, default_flow_style=False)
    return header + body


def read_untrusted(path, display: str | None = None, *, limit: int | None = None):
    """An editor's YAML file under ``content/``: a regular file (never a link, FIFO or
    device), UTF-8, bounded in size, aliases refused. Raises ``GeneratorError`` with
    one line naming the file; use this for every editorial YAML file."""
    from . import inputs
    from .errors import GeneratorError, Problem

    where = display or str(path)
    limit = limit or inputs.EDITORIAL_LIMIT
    try:
        text = inputs.read(path, limit, where).decode("utf-8")
    except inputs.InputError as exc:
        raise GeneratorError([exc.problem]) from None
    except UnicodeDecodeError as exc:
        raise GeneratorError([Problem(where, "", f"not valid UTF-8 (byte at offset {exc.start})")]) from None
    return load_untrusted(text, where, limit=limit)
