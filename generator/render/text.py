"""Text shown on a page, with the language it is actually in.

Article text is Arabic. On an English page it is replaced by its catalog
translation where one exists; otherwise the Arabic original is shown, marked
``lang="ar" dir="rtl"``, with a visible "Not yet translated" label. Free text whose
language is not known in advance (an editor's reason, an article's title) is marked
by the script it is written in. Values here are plain strings: the templates escape
them (Jinja autoescape), which is what keeps article text from being read as markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")
LATIN = re.compile("[A-Za-z]")
DIR = {"ar": "rtl", "en": "ltr"}


@dataclass(frozen=True)
class Shown:
    """``text`` as shown on a page. ``lang`` is set when it differs from the page's."""

    text: str
    lang: str | None = None
    untranslated: bool = False
    ltr_code: bool = False  # an identifier (a file name): isolated left-to-right, no language

    @property
    def dir(self) -> str | None:
        return DIR.get(self.lang) if self.lang else "ltr" if self.ltr_code else None

    @property
    def isolated_text(self) -> str:
        """For plain-text places (a page title): the text wrapped in Unicode isolates."""
        return f"\u2068{self.text}\u2069" if self.dir else self.text


def script_of(text: str) -> str | None:
    if ARABIC.search(text):
        return "ar"
    if LATIN.search(text):
        return "en"
    return None


def free(text: str, page_lang: str) -> Shown:
    """Text of unknown language, marked when its script is not the page's."""
    script = script_of(text)
    return Shown(text, script if script and script != page_lang else None)


def article(arabic: str, page_lang: str, translator) -> Shown:
    """A sentence or quotation from an article, translated on English pages when it can be."""
    if page_lang == "ar":
        return Shown(arabic)
    english = translator.get(arabic) if translator is not None else None
    if english:
        return free(english, page_lang)
    return Shown(arabic, "ar", untranslated=True)


def code(identifier: str) -> Shown:
    return Shown(identifier, ltr_code=True)


def named(obj: dict | None, page_lang: str) -> Shown | None:
    """A record's ``{id, ar, en}`` object in the page's language."""
    if obj is None:
        return None
    return free(str(obj.get(page_lang) or obj.get("ar") or obj.get("id")), page_lang)
