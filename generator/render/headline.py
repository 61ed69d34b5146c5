"""How an article without metadata is named: its opening words, and the outlets it
cites ("بحسب شبكة يورو نيوز").

Seeds often carry no title or outlet. A file name ("Article 000") tells a reader
nothing; the first words of the article do, as a news index would show them. An
outlet is only named where the text itself credits one with a medium word (شبكة،
قناة، صحيفة...) after an attribution (بحسب، نقلًا عن...): "بحسب مراقبين" cites no outlet.
"""

from __future__ import annotations

import re

OPENING_WORDS = 9  # the headline of an untitled article: its first words

_ATTRIBUTION = r"(?:بحسب|حسب|وفق(?:ا|ًا)?\s+ل|نقلا\s+عن|نقلًا\s+عن|ذكرت|أفادت|أوردت|قالت|نشرت)"
_MEDIUM = r"(?:شبكة|قناة|صحيفة|جريدة|وكالة|وكالات|موقع|إذاعة|مجلة|تلفزيون)"
# The outlet's name: at most four words after the medium word, up to punctuation or a
# word that starts the rest of the sentence.
_STOP = r"(?:أن|أنه|إن|إنه|عن|في|من|على|التي|الذي|اليوم|أمس|مساء|صباح|نقلا)"
_OUTLET = re.compile(
    rf"(?<![\w])و?{_ATTRIBUTION}\s+(?:ما\s+(?:ذكرت|أوردت|نشرت)\s+)?(?P<name>{_MEDIUM}(?:\s+(?!{_STOP}(?![\w]))[^\s،,.؛:!؟?()«»\"]+){{1,4}})"
)


def opening(sentence: str, words: int = OPENING_WORDS) -> str:
    """The first ``words`` words of ``sentence``, with an ellipsis when cut."""
    parts = sentence.split()
    if len(parts) <= words:
        return sentence.strip()
    return " ".join(parts[:words]).rstrip("،,.؛:") + "…"


def cited_outlets(sentences) -> list[str]:
    """The outlets an article credits, in order of first mention, each once."""
    seen: list[str] = []
    for sentence in sentences:
        for m in _OUTLET.finditer(sentence):
            name = m.group("name").strip()
            if name not in seen:
                seen.append(name)
    return seen
