"""Generated pages reach MkDocs as finished HTML: Markdown is not run over them.

Every page the generator writes is block-level HTML under a front matter that says so
(``bf_html: true``); Python-Markdown would only parse that HTML twice (MkDocs' anchor
scan and Markdown's HTML-block step) to give it back unchanged, which was most of
MkDocs' time per page. The hook hands Markdown an empty page and puts the HTML back
as the page's content, with the table of contents and anchor ids that Markdown's
``toc`` extension would have found: the section headings (``<h2 id>`` with their
permalink, written by the templates exactly as ``toc`` writes them) and every ``id``.

The HTML is the generator's own (article text in it is escaped), so reading it back
with a pattern is safe: no text from an article can form a tag.
"""

from __future__ import annotations

import re

from mkdocs.structure.toc import get_toc

from .render import HTML_FLAG as FLAG
_HELD = "_bf_html"
_H2 = re.compile(r'<h2 id="([^"]+)">(.*?)<a class="headerlink" href="#\1">&para;</a></h2>')
_ID = re.compile(r'\sid="([^"]+)"')


def hold(markdown: str, page) -> str:
    """on_page_markdown: keep a generated page's HTML aside; Markdown gets nothing to do."""
    if page.meta.get(FLAG) is not True:
        return markdown
    setattr(page, _HELD, markdown)
    return ""


def release(html: str, page) -> str:
    """on_page_content: the held HTML, with the page's table of contents and anchors."""
    body = getattr(page, _HELD, None)
    if body is None:
        return html
    delattr(page, _HELD)
    page.toc = get_toc([{"level": 2, "id": i, "name": name.strip(), "children": []} for i, name in _H2.findall(body)])
    page.present_anchor_ids = set(_ID.findall(body))
    return body.strip("\n") + "\n"
