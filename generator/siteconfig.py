"""The site's address and name, read from mkdocs.yml without importing MkDocs.

Absolute URLs (calendar, feeds, JSON-LD) need ``site_url``; keeping it only in
mkdocs.yml means there is one place to change it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import yamlio
from .errors import GeneratorError, Problem

DEFAULT_URL = "https://briefing.example.org/"


@dataclass(frozen=True)
class Site:
    url: str  # always ends with "/"
    name: str


class _Tolerant(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """mkdocs.yml may hold tags such as !!python/name:...; they are not needed here.
    (libyaml's parser when PyYAML has it: a tenth of the pure-Python one's time.)"""


def _env(loader, node):
    """MkDocs' ``!ENV VAR`` or ``!ENV [VAR, ..., default]``: the first variable set, else the default."""
    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[v] for v in variables if v in os.environ), default)


_Tolerant.add_constructor("!ENV", _env)
_Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)
_Tolerant.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def load(project: Path) -> Site:
    path = project / "mkdocs.yml"
    data = {}
    if path.is_file():
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Tolerant) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise GeneratorError([yamlio.problem(exc, str(path))]) from None
        if not isinstance(data, dict):
            raise GeneratorError([Problem(str(path), "", "expected a mapping of settings")])
    url = str(data.get("site_url") or DEFAULT_URL)
    return Site(url=url if url.endswith("/") else url + "/", name=str(data.get("site_name") or "Briefing"))
