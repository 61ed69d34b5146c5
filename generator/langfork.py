"""Build the other languages of the site in forked processes, beside the default one.

mkdocs-static-i18n builds the languages one after another: the default language is
MkDocs' own build, and the others are built again from that build's post-build step,
with the same config. Each language's build is independent once the default one has
sorted the files (its ``on_files``): the pages, the templates and the search index of
one language read nothing the other writes. So, on a machine with more than one core,
the hook forks here, after the default language has its files and navigation: the
child builds the other language exactly as the plugin's own loop would (same config
object, same plugin state, site directory already cleaned), while the parent goes on
rendering the default language. Before the plugin's loop runs in the parent, the
children are waited for and their languages are marked as built, so the loop skips
them. The site is byte for byte the one the sequential build writes (tested).

Only for ``mkdocs build`` (not ``serve``, which rebuilds in a server thread), where
``os.fork`` exists, with more than one core, and unless ``BRIEFING_JOBS=1``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import traceback
from dataclasses import dataclass

from generator import pool

log = logging.getLogger("mkdocs.hooks.generator")
_FILTERED = ("Documentation built in", "Building documentation to directory")
CHILD: str | None = None  # in a forked child: the language it builds


@dataclass(frozen=True)
class Child:
    locale: str
    pid: int


class Forks:
    """The languages being built in forked processes, from one default-language build."""

    def __init__(self, i18n, children: list[Child]):
        self.i18n = i18n
        self.children = children
        self.pending = list(children)  # not waited for yet

    def wait(self) -> list[str]:
        """Wait for the children; mark their languages built; the locales whose build failed."""
        failed = []
        for child in self.pending:
            _, status = os.waitpid(child.pid, 0)
            if os.waitstatus_to_exitcode(status) != 0:
                failed.append(child.locale)
        self.pending = []
        self._flag(False)  # built already: the plugin's own loop skips them (see restore)
        return failed

    def stop(self) -> None:
        """End the children of a build that failed before waiting for them."""
        for child in self.pending:
            with contextlib.suppress(ProcessLookupError):
                os.kill(child.pid, signal.SIGTERM)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(child.pid, 0)
        self.pending = []

    def restore(self) -> None:
        """Give the languages back their `build` flag once the plugin's loop has run."""
        self._flag(True)

    def _flag(self, build: bool) -> None:
        locales = {child.locale for child in self.children}
        for lang in self.i18n.config.languages:
            if lang.locale in locales:
                lang.build = build


def wanted(command: str | None, i18n) -> bool:
    """Whether this build forks: `mkdocs build`, more than one core, not turned off."""
    if command != "build" or i18n is None or getattr(i18n, "building", True):
        return False
    return pool.jobs() > 1 and pool.can_fork()


def start(config, i18n, dirty: bool) -> Forks:
    """Fork a child for the other language (the default language stays in this process).

    Only for two languages: the plugin's sitemap lists the languages built so far and
    the last build's stays, so with three, two children would each write a sitemap
    missing the other's pages. Then nothing is forked and the plugin builds in turn."""
    others = [lang for lang in i18n.build_languages if lang != i18n.current_language]
    children = []
    if len(others) != 1:
        return Forks(i18n, children)
    for locale in others:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        pid = os.fork()
        if pid == 0:
            _child(config, i18n, locale, dirty)  # never returns
        children.append(Child(locale, pid))
    return Forks(i18n, children)


class _Quiet(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(_FILTERED)


def _child(config, i18n, locale: str, dirty: bool) -> None:
    """Build one language as mkdocs-static-i18n's post-build loop does, then exit."""
    code = 1
    try:
        from mkdocs import utils
        from mkdocs.commands.build import build
        from mkdocs.exceptions import MkDocsException

        global CHILD
        CHILD = locale
        # The state the plugin sets up before its loop (plugin.py, on_post_build).
        i18n.building = True
        i18n.current_language = locale
        utils.clean_directory = lambda path: path  # the parent cleaned site/ already
        logging.getLogger("mkdocs.commands.build").addFilter(_Quiet())
        try:
            build(config, dirty=dirty)
            code = 0
        except MkDocsException as exc:  # strict mode's count, a plugin's error (logged already)
            log.error(f"{locale}: {exc.format_message()}")
        except Exception:  # noqa: BLE001 - a child must never return into the parent's build
            traceback.print_exc()
    finally:
        with contextlib.suppress(Exception):
            logging.shutdown()
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)

