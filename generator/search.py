"""The site's search index: Pagefind, one bundle per language, built from the pages.

After MkDocs has written one language's pages, ``build(lang_root, lang)`` hands
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

import functools
import html
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
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
    words: int  # distinct words in the language's index, as Pagefind reports them
    seconds: float
    bundle: Path


class SearchError(Exception):
    """The index could not be built: one line per page (or per Pagefind failure) saying why."""


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


@functools.lru_cache(maxsize=65536)
def _forms(word: str) -> tuple[str, ...]:
    return tuple(searchfold.index_forms(word))  # a site repeats its words: fold each once


def _extra_forms(text: str) -> list[str]:
    """Folded forms of the text's Arabic words that the text does not already hold."""
    seen = set(text.split())
    out: dict[str, None] = {}
    for word in searchfold.arabic_words(text):
        for form in _forms(word):
            if form not in seen:
                out[form] = None
    return sorted(out)


_TAG = re.compile(r"<[^>]*>")


def _text(fragment: str) -> str:
    """The text of an HTML fragment (the templates' own markup: no comments or CDATA reach it)."""
    return html.unescape(_TAG.sub(" ", fragment))


def build(lang_root: Path, lang: str) -> Indexed:
    """Index the language's pages under ``lang_root`` into ``lang_root/pagefind``.

    The documents are written to a scratch folder and indexed by one run of the
    Pagefind binary (multi-threaded; its Python service API took six times as long,
    one page at a time). Result URLs are the pages' paths under the language root.
    """
    started = time.perf_counter()
    bundle = lang_root / BUNDLE
    with tempfile.TemporaryDirectory(prefix="bf-search-", dir=_scratch_root()) as scratch:
        count, problems = 0, []
        for path in pages(lang_root):
            try:
                doc = document(path.read_text(encoding="utf-8"), lang)
            except (OSError, UnicodeDecodeError, ValueError) as exc:
                problems.append(f"{path}: cannot index this page for search: {exc}")
                continue
            target = Path(scratch) / path.relative_to(lang_root)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(doc, encoding="utf-8")
            count += 1
        if problems:  # every page that cannot be indexed, one line each
            raise SearchError("\n".join(problems))
        shutil.rmtree(bundle, ignore_errors=True)  # a stale bundle's fragments must not linger
        words = _pagefind(Path(scratch), bundle, lang)
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    return Indexed(lang, count, words, time.perf_counter() - started, bundle)


def _scratch_root() -> str | None:
    """Where the documents for Pagefind are written: memory (``/dev/shm``) where there is
    one. Thousands of small files created, read once and removed cost twice the time of
    the whole index on a disk (measured: 11.6 s against 4.8 s for 2,000 pages); they
    take about 5 KB a page. Elsewhere, the system's temporary folder."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else None


def _pagefind(docs: Path, bundle: Path, lang: str) -> int:
    """Run the Pagefind binary on ``docs``; the number of words it indexed."""
    from pagefind_bin import get_executable  # the binary ships in the pagefind[bin] wheel

    cmd = [str(get_executable()), "--site", str(docs), "--output-path", str(bundle.resolve()), "--force-language", lang]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=docs)
    except OSError as exc:
        raise SearchError(f"{bundle}: cannot run Pagefind: {exc}") from None
    if proc.returncode != 0:
        last = (proc.stderr.strip() or proc.stdout.strip() or "no output").splitlines()[-1]
        raise SearchError(f"{bundle}: Pagefind could not build the {lang} search index: {last}")
    found = re.search(r"Indexed (\d+) words", proc.stdout)
    return int(found.group(1)) if found else 0
