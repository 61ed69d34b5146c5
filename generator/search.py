"""The site's search index: Pagefind, one bundle per language, built from the pages.

After MkDocs has written one language's pages, ``build(site, lang_root, lang)`` hands
Pagefind its meeting and source pages and writes the bundle to
``<lang_root>/pagefind/``: the Arabic one at ``/pagefind/``, the English one at
``/en/pagefind/``, so a reader's query never meets a page in the other language.

What Pagefind is given is not the page as served but its article alone
(``data-pagefind-body``), with the meta the templates mark (``data-pagefind-meta``:
title, date, place) and, for Arabic, one more hidden paragraph listing the folded
forms of its words (``generator.searchfold``). On an English page, Arabic text
(an untranslated quotation, a source excerpt, marked ``lang="ar"``) is left out of the
index. The site's own HTML is never changed.
"""

from __future__ import annotations

import asyncio
import html
import re
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from generator import searchfold

SECTIONS = ("meetings", "sources")  # the pages a reader searches for
BUNDLE = "pagefind"
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")  # Pagefind's own UIs: the site has its box
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_ARABIC_ELEMENT = re.compile(r'<([a-z][a-z0-9]*)((?:\s[^>]*)?\slang="ar"[\s>/])')


@dataclass(frozen=True)
class Indexed:
    lang: str
    pages: int
    words: int  # words Pagefind reports for the language
    seconds: float
    bundle: Path


class SearchError(Exception):
    """The index could not be built: one line saying which page and why."""


def pages(lang_root: Path) -> list[Path]:
    """The language's meeting and source pages, in a fixed order."""
    return sorted(p for s in SECTIONS for p in (lang_root / s).glob("*/index.html"))


def document(page_html: str, lang: str) -> str:
    """The HTML Pagefind indexes for one page: its article, plus folded Arabic forms."""
    found = _ARTICLE.search(page_html)
    if found is None:
        raise ValueError("no <article class=\"md-content__inner md-typeset\"> in the page")
    article = found.group(1)
    if lang == "ar":
        forms = _extra_forms(_text(article))
        extra = f'<p data-bf-forms>{html.escape(" ".join(forms))}</p>' if forms else ""
    else:
        article = _ARABIC_ELEMENT.sub(r"<\1 data-pagefind-ignore\2", article)
        extra = ""
    return f'<!DOCTYPE html><html lang="{lang}"><head><title></title></head><body><main data-pagefind-body>{article}{extra}</main></body></html>'


def _extra_forms(text: str) -> list[str]:
    """Folded forms of the text's Arabic words that the text does not already hold."""
    seen = set(text.split())
    out: dict[str, None] = {}
    for word in searchfold.arabic_words(text):
        for form in searchfold.index_forms(word):
            if form not in seen:
                out[form] = None
    return sorted(out)


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def _text(fragment: str) -> str:
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return " ".join(parser.parts)


def build(lang_root: Path, lang: str, url_prefix: str = "/") -> Indexed:
    """Index the language's pages under ``lang_root`` into ``lang_root/pagefind``."""
    started = time.perf_counter()
    docs = []
    for path in pages(lang_root):
        rel = path.parent.relative_to(lang_root).as_posix()
        try:
            docs.append((f"{url_prefix}{rel}/", document(path.read_text(encoding="utf-8"), lang)))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise SearchError(f"{path}: cannot index this page for search: {exc}") from None
    try:
        words = asyncio.run(_write(docs, lang, lang_root / BUNDLE))
    except Exception as exc:  # the Pagefind binary or its service: say so in one line
        raise SearchError(f"{lang_root / BUNDLE}: Pagefind could not build the {lang} search index: {type(exc).__name__}: {exc}") from None
    for name in UNUSED:
        (lang_root / BUNDLE / name).unlink(missing_ok=True)
    return Indexed(lang, len(docs), words, time.perf_counter() - started, lang_root / BUNDLE)


async def _write(docs: list[tuple[str, str]], lang: str, out: Path) -> int:
    from pagefind.index import PagefindIndex  # the binary starts only when a site is indexed

    async with PagefindIndex(config={"force_language": lang}) as index:
        words = 0
        for url, content in docs:
            result = await index.add_html_file(content=content, url=url)
            words += result.get("page_word_count", 0)
        await index.write_files(output_path=str(out))
    return words
