"""Where each page lives and the relative links between them.

Pages are written as ``x.md`` (Arabic) and ``x.en.md`` (English); MkDocs serves
them with directory URLs, Arabic at the site root and English under ``en/``. Links
are written as relative URLs computed here, so they resolve from every page in both
languages and under any site prefix. Files the outputs helper writes (calendar,
feeds) exist once at the site root, so English pages link up out of ``en/``.
"""

from __future__ import annotations

import functools
import hashlib
import posixpath
import re

DEFAULT_LANG = "ar"
LANG_DIR = {"ar": "", "en": "en/"}


def md_path(page: str, lang: str) -> str:
    """``meetings/x.md`` -> the file the Arabic or English page is written to."""
    return page if lang == DEFAULT_LANG else page[: -len(".md")] + f".{lang}.md"


def page_url(page: str) -> str:
    """Site path of a page (directory URL, no leading slash): ``meetings/x.md`` -> ``meetings/x/``."""
    stem = page[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def source_page(seed: str) -> str:
    """The page of a seed article: its file name without extension, made URL-safe.

    Dots are replaced too: a stem like ``report.en`` would otherwise read as a
    language suffix to mkdocs-static-i18n. A name that had to change ("خبر.txt",
    "a b.txt") gets a short hash of the original, so two names never share a page.
    """
    stem = seed.rsplit(".", 1)[0] if "." in seed else seed
    safe = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-")
    if safe != stem:
        digest = hashlib.sha1(stem.encode("utf-8")).hexdigest()[:8]
        safe = f"{safe or 'article'}-{digest}"
    return f"sources/{safe}.md"


def meeting_page(event_id: str) -> str:
    return f"meetings/{event_id}.md"


def archive_page(year: int | None = None) -> str:
    return "archive/index.md" if year is None else f"archive/{year}.md"


def month_page(year: int, month: int) -> str:
    """One month of the archive: ``archive/2026/01.md`` -> ``/archive/2026/01/``."""
    return f"archive/{year}/{month:02d}.md"


@functools.lru_cache(maxsize=65536)
def _rel(target: str, base_dir: str) -> str:
    return posixpath.relpath(target or ".", base_dir or ".")


class Linker:
    """Relative links from one page in one language."""

    def __init__(self, page: str, lang: str):
        self.page = page
        self.lang = lang
        self.base = LANG_DIR[lang] + page_url(page)

    def to(self, page: str, anchor: str | None = None) -> str:
        if anchor and page == self.page:
            return f"#{anchor}"
        target = LANG_DIR[self.lang] + page_url(page)
        rel = _rel(target, self.base)
        url = "./" if rel == "." else rel + "/"
        return url + (f"#{anchor}" if anchor else "")

    def file(self, path: str) -> str:
        """A file at the site root, such as ``calendar/en/all.ics``."""
        return _rel(path, self.base)
