"""The English site built in a forked process beside the Arabic one (generator/langfork.py).

That both ways give the same site, byte for byte, is test_site_build's
``test_built_twice_byte_identical`` (the shared site is built forked, the second one in
turn). Here: when the fork is used, and what a failure on either side does. The
failures come from a small extra hook written into the copied project, as a
misbehaving plugin would fail.
"""

from __future__ import annotations

import os
import types
from pathlib import Path

import pytest

from conftest import copy_project, mkdocs_run
from generator import langfork, pool


def i18n(building: bool = False):
    return types.SimpleNamespace(building=building)


@pytest.mark.parametrize(
    ("command", "plugin", "jobs", "forks"),
    [
        ("build", i18n(), "2", True),
        ("build", i18n(), "1", False),  # turned off
        ("serve", i18n(), "2", False),  # serve rebuilds in a server thread: never fork there
        ("gh-deploy", i18n(), "2", False),
        ("build", i18n(building=True), "2", False),  # inside the plugin's own loop, or in the child
        ("build", None, "2", False),  # no i18n plugin: one language
    ],
)
def test_when_a_build_forks(monkeypatch, command, plugin, jobs, forks):
    monkeypatch.setenv("BRIEFING_JOBS", jobs)
    assert langfork.wanted(command, plugin) is forks


def test_without_a_setting_it_forks_when_there_are_two_cores(monkeypatch):
    monkeypatch.delenv("BRIEFING_JOBS", raising=False)
    monkeypatch.setattr(pool, "cores", lambda: 1)
    assert langfork.wanted("build", i18n()) is False
    monkeypatch.setattr(pool, "cores", lambda: 2)
    assert langfork.wanted("build", i18n()) is True


FAILING_HOOK = '''
import time

from mkdocs.exceptions import PluginError


def on_post_page(output, page, config):
    if config.plugins["i18n"].current_language == "{lang}" and page.file.src_uri.startswith("meetings/"):
        raise PluginError("a plugin failed on a {lang} page")
    return output


def on_post_build(config):
    if config.plugins["i18n"].current_language == "{slow}":
        time.sleep(20)  # still running when the other side fails, unless it is stopped
        open("slow side finished", "w").close()
'''


def project_failing_in(tmp_path: Path, lang: str, slow: str = "") -> Path:
    project = copy_project(tmp_path / "project")
    (project / "failing_hook.py").write_text(FAILING_HOOK.format(lang=lang, slow=slow), encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = "hooks:\n  - generator/hook.py\n"
    assert hooks in config
    (project / "mkdocs.yml").write_text(config.replace(hooks, hooks + "  - failing_hook.py\n"), encoding="utf-8")
    return project


def processes_in(folder: Path) -> list[int]:
    """Live processes whose working folder is ``folder`` (a fork left running would be one)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if Path(os.readlink(entry / "cwd")) == folder:
                    found.append(int(entry.name))
            except OSError:  # gone, or not ours to read
                continue
    return found


def test_a_failing_english_build_fails_the_build(tmp_path):
    project = project_failing_in(tmp_path, "en")
    proc = mkdocs_run(project, BRIEFING_JOBS="2")
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "a plugin failed on a en page" in out  # the child's own error, shown
    assert "ERROR   -  the en build failed (its errors are above)" in out  # and the build stops on it
    assert "Traceback" not in out
    assert (project / "site" / "index.html").is_file()  # the Arabic side finished meanwhile
    assert processes_in(project.resolve()) == []


def test_a_failing_arabic_build_stops_the_english_one(tmp_path):
    project = project_failing_in(tmp_path, "ar", slow="en")
    proc = mkdocs_run(project, BRIEFING_JOBS="2")
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "a plugin failed on a ar page" in out
    assert "Traceback" not in out
    assert "the en build failed" not in out
    assert not (project / "slow side finished").exists()  # it was stopped, not left running
    assert processes_in(project.resolve()) == []


def test_one_language_built_forks_nothing(tmp_path):
    # With English switched off, the Arabic build is the whole site, sitemap included.
    project = copy_project(tmp_path / "project")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    english = "        - locale: en\n          name: English\n          build: true\n"
    assert english in config
    (project / "mkdocs.yml").write_text(config.replace(english, english.replace("true", "false")), encoding="utf-8")
    proc = mkdocs_run(project, BRIEFING_JOBS="2")
    assert proc.returncode == 0, proc.stderr
    assert "Building 'en' documentation" not in proc.stderr
    assert not (project / "site" / "en").exists()
    sitemap = (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://briefing.example.org/meetings/" in sitemap


def test_three_languages_are_built_in_turn():
    # Two forked children would each write a sitemap without the other's pages.
    plugin = types.SimpleNamespace(build_languages=["ar", "en", "fr"], current_language="ar")
    assert langfork.start(None, plugin, dirty=False).children == []
