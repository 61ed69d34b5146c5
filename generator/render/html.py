"""Small fixes to the HTML MkDocs writes."""

from __future__ import annotations

import re

_HTML = re.compile(r'<html lang="(?P<lang>[A-Za-z-]+)"(?![^>]*\bdir=)')
RTL = {"ar", "fa", "he", "ur"}


def with_dir(page: str) -> str:
    """Material sets ``dir`` on <body> only; put it on <html> too, from its ``lang``."""

    def add(m: re.Match) -> str:
        lang = m.group("lang")
        return f'{m.group(0)} dir="{"rtl" if lang.split("-")[0] in RTL else "ltr"}"'

    return _HTML.sub(add, page, count=1)
