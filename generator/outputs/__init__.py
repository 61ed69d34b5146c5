"""Calendar, feeds and open data generated from the records (issue 5).

``render_outputs`` returns ``{path under content/pages: bytes}``;
``meeting_jsonld`` gives the schema.org Event JSON-LD for one meeting page.
"""

from __future__ import annotations


def render_outputs(records, lex, site) -> dict[str, bytes]:
    return {}


def meeting_jsonld(record, lang: str, site) -> str | None:
    return None
