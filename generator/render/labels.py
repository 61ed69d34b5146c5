"""UI labels in both languages, from ``generator/templates/labels.yml``.

A label is looked up by a dotted key; a missing key or a missing language is an
error naming the key, found when the file is loaded (every entry is checked).
"""

from __future__ import annotations

import functools

from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale

from .. import yamlio
from ..errors import GeneratorError, Problem

LANGS = ("ar", "en")
LABELS_PATH = Path(__file__).resolve().parent.parent / "templates" / "labels.yml"


@dataclass(frozen=True)
class Labels:
    """The labels of one language: ``t("status.held")``, ``t.count("meetings", 3)``."""

    lang: str
    table: dict
    _memo: dict = field(default_factory=dict, compare=False, repr=False)

    def _node(self, key: str):
        try:
            return self._memo[key]
        except KeyError:
            pass
        node = self.table
        for part in _split(key, node):
            node = node[part]
        self._memo[key] = node[self.lang]
        return self._memo[key]

    def __call__(self, key: str, **values) -> str:
        text = self._node(key)
        return text.format(**values) if values else text

    def has(self, key: str) -> bool:
        try:
            self._node(key)
        except (KeyError, TypeError):
            return False
        return True

    def plurals(self, key: str) -> dict[str, str]:
        """A count label's plural forms ({CLDR category: text}), for the browser's Intl.PluralRules."""
        return dict(self._node(f"count.{key}"))

    def count(self, key: str, n: int, **values) -> str:
        forms = self._node(f"count.{key}")
        category = Locale(self.lang).plural_form(n)
        return forms.get(category, forms["other"]).format(n=n, **values)


def _split(key: str, table: dict) -> list[str]:
    """Dotted keys; a key that itself holds a dot (``field.place.city``) is tried whole."""
    parts, node, rest = [], table, key
    while rest:
        if isinstance(node, dict) and rest in node:
            parts.append(rest)
            break
        head, _, rest = rest.partition(".")
        parts.append(head)
        node = node.get(head) if isinstance(node, dict) else None
    return parts


def current() -> dict[str, Labels]:
    """``load()`` once per version of the labels file (its modification time): the
    pages and the calendars and feeds read it in one build, ``mkdocs serve`` sees an
    edit."""
    try:
        version = LABELS_PATH.stat().st_mtime_ns
    except OSError:
        return load(LABELS_PATH)  # which names the file and what is wrong with it
    return _current(LABELS_PATH, version)


@functools.lru_cache(maxsize=1)
def _current(path: Path, mtime_ns: int) -> dict[str, Labels]:
    return load(path)


def load(path: Path = LABELS_PATH) -> dict[str, Labels]:
    """The labels for each language; raises GeneratorError naming every bad entry."""
    try:
        table = yamlio.load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GeneratorError([Problem(str(path), "", "labels file missing")]) from None
    except Exception as exc:
        raise GeneratorError([yamlio.problem(exc, str(path))]) from None
    problems: list[Problem] = []
    _check(table, [], path, problems)
    if problems:
        raise GeneratorError(problems)
    return {lang: Labels(lang, table) for lang in LANGS}


def _check(node, where: list[str], path: Path, problems: list[Problem]) -> None:
    if not isinstance(node, dict):
        problems.append(Problem(str(path), ".".join(where), "expected a mapping of labels"))
        return
    if set(LANGS) & set(node):
        missing = [lang for lang in LANGS if lang not in node]
        if missing:
            problems.append(Problem(str(path), ".".join(where), f"label has no {missing[0]!r} text"))
        for lang in LANGS:
            value = node.get(lang)
            if where and where[0] == "count":
                if not isinstance(value, dict) or "other" not in value:
                    problems.append(Problem(str(path), ".".join(where + [lang]), "a count label needs plural forms with 'other'"))
            elif lang in node and not isinstance(value, str):
                problems.append(Problem(str(path), ".".join(where + [lang]), "expected text"))
        return
    for key, child in node.items():
        _check(child, where + [str(key)], path, problems)
