"""MkDocs hook: `mkdocs build` and `mkdocs serve` run the generator first.

The generator is a plain package (``python -m generator build`` does the same);
this file only connects it to MkDocs. Paths are relative to mkdocs.yml's folder.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
import weakref
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:  # MkDocs loads this file by path; make the package importable
    sys.path.insert(0, _ROOT)

from mkdocs.exceptions import PluginError  # noqa: E402

from generator import pipeline, writer  # noqa: E402
from generator.errors import GeneratorError  # noqa: E402
from generator.render.html import with_dir  # noqa: E402

log = logging.getLogger("mkdocs.hooks.generator")
WATCHED = ("seeds", "content/corrections", "content/translations", "generator/templates")
_EPOCH_FROM_USER = "SOURCE_DATE_EPOCH" in os.environ
_last_config = None  # mkdocs-static-i18n builds each language with the same config: generate once


def on_pre_build(config) -> None:
    global _last_config
    if _last_config is not None and _last_config() is config:
        return
    project = Path(config.config_file_path).resolve().parent
    try:
        result = pipeline.run(project / "seeds", project / "content", project)
    except GeneratorError as exc:
        raise PluginError("\n".join(str(p) for p in exc.problems)) from None
    for notice in result.notices:
        log.info("notice: %s", notice)
    changes = writer.write(result.plan, project / "content")
    log.info(f"generator: {len(result.records)} meetings; {len(changes.written)} files written, {len(changes.removed)} removed, {changes.unchanged} unchanged")
    if not _EPOCH_FROM_USER:  # the sitemap's lastmod and its gzip header: the data's date, not the clock
        dates = [a.published for a in result.articles if a.published] or [dt.date.fromisoformat(r["date"]["start"]) for r in result.records]
        if dates:
            os.environ["SOURCE_DATE_EPOCH"] = str(int(dt.datetime.combine(max(dates), dt.time(), dt.timezone.utc).timestamp()))
    _last_config = weakref.ref(config)


def on_serve(server, config, builder):
    # The generator writes docs_dir itself; watching it would rebuild a second time
    # after every change. Watch its inputs instead.
    project = Path(config.config_file_path).resolve().parent
    server.unwatch(config.docs_dir)
    for rel in WATCHED:
        if rel.startswith("content/"):  # editorial folders: watch them before the first file lands
            (project / rel).mkdir(parents=True, exist_ok=True)
        if (project / rel).is_dir():
            server.watch(str(project / rel))
    return server


def on_post_page(output: str, page, config) -> str:
    return with_dir(output)


def on_post_template(output: str, template_name: str, config) -> str:
    if template_name == "404.html":
        # Each language build writes site/404.html; keep the default language's (an
        # empty result is skipped by MkDocs) rather than the last one built.
        i18n = config.plugins.get("i18n")
        if i18n is not None and getattr(i18n, "current_language", None) != getattr(i18n, "default_language", None):
            return ""
        return with_dir(output)
    return output
