"""Rendering records and articles into the site's Markdown pages (and data files).

``render_site`` is pure: records and articles in, ``{path under content/pages: bytes}``
out. Templates live in ``generator/templates``.
"""

from __future__ import annotations


def render_site(records, articles, lex, site, translator) -> dict[str, bytes]:
    return {}
