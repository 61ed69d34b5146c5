"""Generated pages reach MkDocs as finished HTML: Markdown is not run over them.

Every page the generator writes is block-level HTML under a front matter that says so
(``bf_html: true``); Python-Markdown would only parse that HTML twice (MkDocs' anchor
scan and Markdown's HTML-block step) to give it back unchanged, which was most of
MkDocs' time per page. For such a page the hook replaces the page's ``render`` (the
one step of MkDocs that runs Markdown) with one that takes the HTML as the page's
content, with the table of contents and anchor ids that Markdown's ``toc`` extension
would have found: the section headings (``<h2 id>`` with their permalink, written by
the templates exactly as ``toc`` writes them) and every ``id``. Not even a Markdown
instance is built for it (MkDocs builds one per page, with all its extensions).

The HTML is the generator's own (article text in it is escaped), so reading it back
with a pattern is safe: no text from an article can form a tag.
"""

from __future__ import annotations

import functools
import re

from mkdocs.structure.toc import get_toc

from .render import HTML_FLAG as FLAG
_H2 = re.compile(r'<h2 id="([^"]+)">(.*?)<a class="headerlink" href="#\1">&para;</a></h2>')
_ID = re.compile(r'\sid="([^"]+)"')


def hold(markdown: str, page) -> str:
    """on_page_markdown: a generated page renders as the HTML it is; others as Markdown."""
    if page.meta.get(FLAG) is not True:
        return markdown
    # MkDocs 1.6 (pinned) calls page.render(config, files) next, and reads back what
    # Page.render sets: content, toc, present_anchor_ids, links_to_anchors and the title.
    page.render = functools.partial(_render, page, markdown)
    return ""


def _render(page, body: str, config, files) -> None:
    page.content = body.strip("\n") + "\n"
    page.toc = get_toc([{"level": 2, "id": i, "name": name.strip(), "children": []} for i, name in _H2.findall(body)])
    page.present_anchor_ids = set(_ID.findall(body))
    page.links_to_anchors = {}  # as with no Markdown: the generated links are URLs, checked by the site tests
    page._title_from_render = None  # the title is the front matter's
