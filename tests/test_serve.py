"""`mkdocs serve` rebuilds once per change of an input, and never in a loop."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import copy_project

NEW_ARTICLE = "date 2026-02-01\nمن المقرر أن يعقد وزراء الطاقة اجتماعًا في جنيف يوم 9 فبراير.\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Serve:
    def __init__(self, project: Path):
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{free_port()}"],
            cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.append(line)

    def count(self, pattern: str) -> int:
        return sum(1 for line in list(self.lines) if re.search(pattern, line))

    def settle(self, quiet: float = 4.0, limit: float = 90.0) -> None:
        """Wait until the log has been quiet for ``quiet`` seconds (builds finished)."""
        start, seen, since = time.monotonic(), -1, time.monotonic()
        while time.monotonic() - start < limit:
            if len(self.lines) != seen:
                seen, since = len(self.lines), time.monotonic()
            elif time.monotonic() - since > quiet and self.count("Serving on"):
                return
            time.sleep(0.2)
        raise AssertionError("mkdocs serve did not settle:\n" + "".join(self.lines[-30:]))

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=20)


@pytest.fixture
def serve(tmp_path):
    server = Serve(copy_project(tmp_path / "project"))
    yield server, tmp_path / "project"
    server.stop()


def test_each_change_rebuilds_once(serve):
    server, project = serve
    server.settle()
    assert server.count("Detected file changes") == 0

    # A new article: the generator also adds its sentences to en.po during that build.
    (project / "seeds" / "050_geneva.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    server.settle()
    assert server.count("Detected file changes") == 1, "".join(server.lines[-20:])
    assert (project / "content" / "events" / "2026-02-09-energy-ministers-geneva.yml").exists()

    # A translator's edit of the catalog.
    po = project / "content" / "translations" / "en.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr ""\n\n#: seeds/050', 'msgstr ""\n\n#: seeds/050', 1) + "\n", encoding="utf-8")
    server.settle()
    assert server.count("Detected file changes") == 2

    # An editor's correction.
    (project / "content" / "corrections" / "2026-02-09-energy-ministers-geneva.yml").write_text(
        "- field: status\n  value: announced\n  reason: Not yet confirmed.\n", encoding="utf-8")
    server.settle()
    assert server.count("Detected file changes") == 3
    assert "status: announced" in (project / "content" / "events" / "2026-02-09-energy-ministers-geneva.yml").read_text(encoding="utf-8")
    assert server.count(r"ERROR|Traceback") == 0
