"""The English translation catalog for article text (issue 4): content/translations/en.po.

Stub until the catalog lands: nothing is translated, so English pages show the Arabic
original marked lang="ar" dir="rtl" with a "not yet translated" label.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Translator:
    entries: dict  # Arabic source text -> English, only translated and not fuzzy

    def get(self, arabic: str) -> str | None:
        return self.entries.get(arabic)


def load(content, articles, records) -> tuple[Translator, dict[str, bytes]]:
    """The translator for this build, and the catalog files to write (path under content/)."""
    return Translator({}), {}


def apply(record: dict, translator: Translator) -> dict:
    """The record with each statement's English text from the catalog (None if missing)."""
    statements = [{**s, "text": {"ar": s["text"]["ar"], "en": translator.get(s["text"]["ar"])}} for s in record["statements"]]
    return {**record, "statements": statements}
