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


@_without_timestamps
class Loader(yaml.SafeLoader):
    pass


@_without_timestamps
class Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):  # repeated evidence is written out, never as &anchors
        return True


def _str(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


Dumper.add_representer(str, _str)


def load(text: str):
    return yaml.load(text, Loader=Loader)


def dump(data, header: str = "") -> str:
    body = yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=10**9, default_flow_style=False)
    return header + body
