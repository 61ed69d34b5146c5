"""HTML for one shown text, built in Python (it is on every line of every page).

Everything is escaped with markupsafe; the result is Markup, so the templates'
autoescape leaves it as is.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from .labels import Labels
from .text import Shown


def shown(t: Labels, s: Shown | None, tag: str = "span", cls: str = "") -> Markup:
    """``s`` in an element marked with its language when it differs from the page's;
    "not stated" when there is no value; the "not yet translated" label after it."""
    if s is None:
        return Markup('<span class="bf-none">%s</span>') % t("not_stated")
    if s.dir or cls:
        attrs = (f' class="{escape(cls)}"' if cls else "") + (f' lang="{s.lang}"' if s.lang else "") + (f' dir="{s.dir}"' if s.dir else "")
        html = Markup(f"<{tag}{attrs}>") + escape(s.text) + Markup(f"</{tag}>")
    else:
        html = escape(s.text)
    if s.untranslated:
        html += Markup(' <span class="bf-untranslated">%s</span>') % t("untranslated")
    return html


def cite(t: Labels, c: dict) -> Markup:
    """A link to the sentence a fact or a quotation comes from: source name, sentence n."""
    return Markup('<a href="%s">') % c["href"] + shown(t, c["source"], "bdi") + escape(t("comma")) + escape(c["sentence"]) + Markup("</a>")
