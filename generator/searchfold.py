"""How search folds Arabic words, on the index side (here) and the query side
(``overrides/assets/search.js``, which must apply exactly the same rules; a browser
test compares the two on the same words).

Readers type Arabic the way they write it: without hamza (اوكرانيا), without the
article (ناتو), with or without diacritics and tatweel, ى for ي, ه for ة, مسئول for
مسؤول. Pagefind neither folds nor strips clitics, so the index is given, for every
Arabic word of a page, its folded form and the forms left once attached clitics are
taken off (و ف, then ب ك ل, then the article; لل is ل + ال). The query takes off the
article and, as an alternative, one clitic: whatever the reader typed meets one of
the forms indexed for the page's word.

This is a copy of the rules, not an import of ``generator.textnorm``: the extractor's
folding may change for extraction's sake, and the search's must stay in step with
the JavaScript only.
"""

from __future__ import annotations

import re

DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # harakat, Quranic marks, tatweel
FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ة": "ه", "ؤ": "ء", "ئ": "ء",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
})
ARABIC_WORD = re.compile("[\u0621-\u064a\u0660-\u0669\u0671-\u06d3\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+")
CONJ = "وف"  # and, so
PREP = "بكل"  # with/in, like, for
MIN_STEM = 2  # shortest form kept once a clitic is off ("ال" + two letters is still a word)
MIN_BARE = 3  # shortest form left after a clitic other than the article (ب+وتين is not بوتين's only reading)


def fold(word: str) -> str:
    """One spelling for the many ways a word is written; Latin letters lower-cased."""
    return DIACRITICS.sub("", word).translate(FOLD).lower()


def _peel(word: str) -> list[tuple[str, bool]]:
    """Every (rest, article_removed) left by taking off و/ف, then ب/ك/ل, then ال."""
    found = []
    for conj in ("", *CONJ):
        if conj and not word.startswith(conj):
            continue
        w1 = word[len(conj):]
        for prep in ("", *PREP):
            if prep and not w1.startswith(prep):
                continue
            w2 = w1[len(prep):]
            if prep == "ل" and w2.startswith("ل") and len(w2) - 1 >= MIN_STEM:
                found.append((w2[1:], True))  # لل = ل + ال
            if w2.startswith("ال") and len(w2) - 2 >= MIN_STEM:
                found.append((w2[2:], True))
            if (conj or prep) and len(w2) >= MIN_BARE:
                found.append((w2, False))
    return found


def index_forms(word: str) -> list[str]:
    """The forms one word of a page is indexed under, folded form first."""
    w = fold(word)
    forms = [w]
    for rest, _ in _peel(w):
        if rest not in forms:
            forms.append(rest)
    return forms


def query_forms(word: str) -> list[str]:
    """What one typed word is looked up as: the word without its article, or, as
    alternatives, without one clitic. Every form is one of the word's index forms."""
    w = fold(word)
    peeled = _peel(w)
    with_article = [rest for rest, article in peeled if article]
    if with_article:  # the article is unambiguous: look up the bare word only
        return [min(with_article, key=len)]
    forms = [w]
    for rest, _ in peeled:
        if rest not in forms:
            forms.append(rest)
    return forms


def arabic_words(text: str) -> list[str]:
    return ARABIC_WORD.findall(text)
