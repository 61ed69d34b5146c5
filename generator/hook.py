"""MkDocs hook: `mkdocs build` and `mkdocs serve` run the generator first.

The generator is a plain package (``python -m generator build`` does the same);
this file only connects it to MkDocs. Paths are relative to mkdocs.yml's folder.
"""

from __future__ import annotations

import contextlib
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
from mkdocs.plugins import event_priority  # noqa: E402

from generator import build, htmlpage, inputs, langfork, pipeline, publish, search  # noqa: E402
from generator.errors import GeneratorError, os_error  # noqa: E402
from generator.render import labels  # noqa: E402
from generator.render.html import with_dir  # noqa: E402

log = logging.getLogger("mkdocs.hooks.generator")
WATCHED = ("seeds", "content/corrections", "content/editorial", "content/translations", "generator/templates")
_EPOCH_FROM_USER = "SOURCE_DATE_EPOCH" in os.environ
_last_config = None  # mkdocs-static-i18n builds each language with the same config: generate once
_OWN_WRITES: dict[Path, bytes] = {}  # catalog files as the generator last wrote them (see on_serve)
_SERVING: list = []  # [server, project] while `mkdocs serve` runs
_CONTENT_WATCHES: list = []  # the watches on content/'s editorial folders (see _watch_content)
_COMMAND: dict = {}  # how MkDocs was invoked (on_startup): command, dirty
_FORKS: list = []  # the other languages' builds, forked at on_nav (generator/langfork.py)


def on_startup(command, dirty) -> None:
    _COMMAND.update(command=command, dirty=dirty)


@event_priority(100)  # before any plugin reads docs_dir
def on_config(config):
    # mkdocs.yml cannot name content/pages: MkDocs refuses a docs_dir that does not
    # exist before any hook runs, and a fresh or cleaned checkout may not have it.
    pages = Path(config.config_file_path).resolve().parent / "content" / pipeline.PAGES
    try:
        pages.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PluginError(os_error(exc)) from None
    config.docs_dir = str(pages)
    return config


def on_pre_build(config) -> None:
    global _last_config
    if _last_config is not None and _last_config() is config:
        return
    project = Path(config.config_file_path).resolve().parent
    content = project / "content"

    def remember(files: dict) -> None:  # known before the write, so its file event is recognised
        for rel, data in files.items():
            if rel.startswith("translations/"):
                _OWN_WRITES[(content / rel).resolve()] = data

    try:
        done = build.run(project, project / "seeds", content, remember)
    except GeneratorError as exc:
        raise PluginError("\n".join(str(p) for p in exc.problems)) from None
    except OSError as exc:  # anything the reader and writer did not name already: one line, not a traceback
        raise PluginError(os_error(exc)) from None
    for notice in done.notices:
        log.info("notice: %s", notice)
    if _SERVING and (done.written or done.removed):  # a new content/: watch its folders
        _watch_content(*_SERVING)
    log.info(f"generator: {done.records} meetings; {len(done.written)} files written, {len(done.removed)} removed, {done.unchanged} unchanged")
    if not _EPOCH_FROM_USER and done.newest:  # the sitemap's lastmod and its gzip header: the data's date, not the clock
        os.environ["SOURCE_DATE_EPOCH"] = str(int(dt.datetime.combine(done.newest, dt.time(), dt.timezone.utc).timestamp()))
    _last_config = weakref.ref(config)


def on_serve(server, config, builder):
    # The generator writes docs_dir itself; watching it would rebuild a second time
    # after every change. Watch its inputs instead.
    project = Path(config.config_file_path).resolve().parent
    server.unwatch(config.docs_dir)
    for rel in WATCHED:
        if not rel.startswith("content/") and (project / rel).is_dir():
            server.watch(str(project / rel))
    _SERVING[:] = [server, project]
    _watch_content(server, project)
    return server


def _watch_content(server, project: Path) -> None:
    """Watch the editors' folders under content/, again after each build that wrote.

    Such a build swaps in a whole new content/ (writer.py) and a watch stays on the
    folder it was given, now the old tree: the old watches are dropped, and ignore
    what they see meanwhile (the old tree kept as .content.spare and reused by the next write). The catalog's watch also
    ignores the bytes the generator itself wrote: a new article adds entries to
    en.po during the build, and MkDocs would build a second time; a translator's save
    (different bytes) still rebuilds. This uses MkDocs 1.6's server internals
    (pinned); without them it falls back to plain watches.
    """
    cond = getattr(server, "_rebuild_cond", None)
    observer = getattr(server, "observer", None)
    folders = [project / rel for rel in WATCHED if rel.startswith("content/")]
    for folder in folders:  # watch them before the first file lands
        folder.mkdir(parents=True, exist_ok=True)
    if cond is None or observer is None or not hasattr(server, "_want_rebuild"):
        for folder in folders:
            with contextlib.suppress(KeyError):  # not watched yet
                server.unwatch(str(folder))
            server.watch(str(folder))
        return
    from watchdog.events import FileSystemEventHandler

    for watch in _CONTENT_WATCHES:
        with contextlib.suppress(KeyError, OSError):  # watchdog may have dropped it with its folder
            observer.unschedule(watch)
    _CONTENT_WATCHES.clear()

    def handler_for(folder: Path) -> FileSystemEventHandler:
        inode, catalog = os.lstat(folder).st_ino, folder.name == "translations"

        def on_any_event(event) -> None:
            if event.is_directory:
                return
            with contextlib.suppress(OSError):
                if os.lstat(folder).st_ino != inode:
                    return  # this watch is on a swapped-out tree
            path = Path(getattr(event, "dest_path", "") or event.src_path).resolve()
            if catalog:
                try:  # a FIFO or link dropped here must not block the watcher; the build refuses it
                    data = inputs.read(path, inputs.CATALOG_LIMIT)
                except inputs.InputError:
                    data = None
                if data is not None and _OWN_WRITES.get(path) == data:
                    return
            with cond:
                server._want_rebuild = True
                cond.notify_all()

        handler = FileSystemEventHandler()
        handler.on_any_event = on_any_event
        return handler

    for folder in folders:
        _CONTENT_WATCHES.append(observer.schedule(handler_for(folder), str(folder), recursive=True))


@event_priority(-200)  # after mkdocs-static-i18n has sorted this language's files and nav
def on_nav(nav, config, files):
    i18n = config.plugins.get("i18n")
    if langfork.wanted(_COMMAND.get("command"), i18n):
        forks = langfork.start(config, i18n, _COMMAND.get("dirty", False))
        _FORKS[:] = [forks] if forks.children else []
    return nav


def on_post_build(config) -> None:
    # Each language build ends here (mkdocs-static-i18n builds the others from its own
    # post-build step, after this one): index the language just written, then wait for
    # the languages built in forked processes, before the plugin's loop would build them.
    i18n = config.plugins.get("i18n")
    lang = getattr(i18n, "current_language", None) or config.theme.language
    default = getattr(i18n, "default_language", None) or lang
    site = Path(config.site_dir)
    root = site if lang == default else site / lang
    try:
        try:
            if lang == default:
                publish.copy_outputs(Path(config.docs_dir), site)
            done = search.build(root, lang)
        finally:  # the forked builds are waited for even when this one failed
            failed = _FORKS[0].wait() if _FORKS and lang == default else []
    except search.SearchError as exc:
        raise PluginError(str(exc)) from None
    except OSError as exc:
        raise PluginError(os_error(exc)) from None
    log.info(f"search: {done.pages} {lang} pages, {done.words} words indexed in {done.seconds:.2f} s")
    if failed:
        raise PluginError(f"the {', '.join(failed)} build failed (its errors are above)")


def on_build_error(error) -> None:
    if _FORKS:
        _FORKS[0].stop()  # the default language's build failed before it waited for them


def on_shutdown() -> None:
    if _FORKS:  # the languages built in forks get their `build` flag back
        _FORKS.pop().restore()


@event_priority(50)  # before mkdocs-static-i18n's on_files (-100) sorts every file into each language
def on_files(files, config):
    # The calendars, feeds and open data are published by the hook itself, once (generator/publish.py).
    # A language built in a fork copies no other file either: the theme's files and
    # robots.txt go to site/ itself, where the default language's build copies them.
    forked = langfork.CHILD is not None
    for f in [f for f in files if not f.is_documentation_page() and (forked or publish.is_output(f.src_uri))]:
        files.remove(f)
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    return htmlpage.hold(markdown, page)


def on_post_page(output: str, page, config) -> str:
    return with_dir(output)


def on_env(env, config, files):
    # Material's own templates (the 404 page) take their labels from labels.yml too.
    env.globals["bf_labels"] = labels.load()
    return env


def on_post_template(output: str, template_name: str, config) -> str:
    if template_name.startswith("sitemap.xml") and _FORKS:
        # mkdocs-static-i18n's sitemap lists the languages built so far, and the last
        # build's is the one that stays; with the others built in forks, that is theirs.
        return ""
    if template_name != "404.html":
        return output
    # Every language build renders 404.html into site/; each language gets its own:
    # the default language's at site/404.html, the others' at site/<lang>/404.html.
    i18n = config.plugins.get("i18n")
    lang, default = getattr(i18n, "current_language", None), getattr(i18n, "default_language", None)
    if i18n is None or lang == default:
        return with_dir(output)
    target = Path(config.site_dir) / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(with_dir(output), encoding="utf-8")
    return ""  # MkDocs skips an empty result: site/404.html stays the default language's
