"""The calendars, feeds and open data go to the site as they are, once.

They are files, not pages: MkDocs would give each a File, mkdocs-static-i18n would
sort each into every language's build, and both language builds would copy it to the
same address. At 10,000 meetings that is some 20,000 files handled four times over.
The hook takes them out of MkDocs' files and copies them here, after the default
language's build, with the same bytes and paths MkDocs would have given them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .outputs.urls import FOLDERS


def is_output(src_uri: str) -> bool:
    """A file under content/pages that this module publishes (not a page)."""
    return src_uri.split("/", 1)[0] in FOLDERS and not src_uri.endswith(".md")


def copy_outputs(docs_dir: Path, site_dir: Path) -> int:
    """Copy every output file under ``docs_dir`` to the same path under ``site_dir``; how many."""
    count = 0
    for folder in FOLDERS:
        for root, dirs, names in os.walk(docs_dir / folder):
            dirs.sort()
            rel = Path(root).relative_to(docs_dir)
            target = site_dir / rel
            target.mkdir(parents=True, exist_ok=True)
            for name in sorted(names):
                if is_output((rel / name).as_posix()):
                    shutil.copyfile(Path(root) / name, target / name)
                    count += 1
    return count
