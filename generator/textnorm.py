"""Arabic text normalisation for matching (never for display).

Articles spell the same word many ways: with or without diacritics and tatweel,
أ/إ/آ/ا, ى/ي, ؤ/ئ/ء, مسئول/مسؤول, Arabic-Indic or Western digits. Matching runs on
a folded copy; evidence and pages always keep the original sentence.
"""

from __future__ import annotations

import re

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # harakat, Quranic marks, tatweel
_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ؤ": "ء", "ئ": "ء",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
    "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4", "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    "\u00a0": " ", "\u200f": "", "\u200e": "", "\u200c": "", "\u200d": "", "ـ": "",
    "–": "-", "—": "-",
    "\u200b": "", "\u2060": "", "\ufeff": "", "\u00ad": "", "\u061c": "",  # zero-width and invisible: ignored when matching
})


def fold(text: str) -> str:
    return re.sub(r"[ \t]+", " ", _DIACRITICS.sub("", text).translate(_FOLD))


# Clitics that may stand before a word: و/ف (and), ب/ل/ك (prepositions). "لل" is
# ل + the article ال, so "للناتو" matches "الناتو".
PREFIX = r"(?:(?<![\w])[وف]?[بلك]?)"


def word_pattern(forms: list[str]) -> str:
    """A regex alternation matching any of ``forms`` as whole words with clitics."""
    variants = set()
    for form in forms:
        f = fold(form)
        variants.add(re.escape(f))
        if f.startswith("ال"):
            variants.add(re.escape("ل" + f[1:]))
    alternation = "|".join(sorted(variants, key=lambda v: (-len(v), v)))
    return rf"{PREFIX}(?:{alternation})(?![\w])"
