"""The site's address and name, read from mkdocs.yml without importing MkDocs.

Absolute URLs (calendar, feeds, JSON-LD) need ``site_url``; keeping it only in
mkdocs.yml means there is one place to change it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

DEFAULT_URL = "https://briefing.example.org/"


@dataclass(frozen=True)
class Site:
    url: str  # always ends with "/"
    name: str


class _Tolerant(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as !!python/name:...; they are not needed here."""


_Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)
_Tolerant.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def load(project: Path) -> Site:
    path = project / "mkdocs.yml"
    data = {}
    if path.is_file():
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Tolerant) or {}
    url = str(data.get("site_url") or DEFAULT_URL)
    return Site(url=url if url.endswith("/") else url + "/", name=str(data.get("site_name") or "Briefing"))
