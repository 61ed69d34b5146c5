"""Command line: ``python -m generator {build,check,...}``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import build
from .errors import GeneratorError, os_error

EXIT_STALE = 1  # check: content/ differs from what build would write
EXIT_INPUT = 2  # bad input: nothing was written

DESCRIPTION = """\
Turn the Arabic news articles in seeds/ into one reviewed YAML event record per
meeting (content/events/) and the bilingual Markdown pages MkDocs renders
(content/pages/). `mkdocs build` runs `build` for you through the MkDocs hook.
"""


def _paths(p: argparse.ArgumentParser) -> None:
    p.add_argument("--seeds", type=Path, default=Path("seeds"), metavar="DIR", help="folder of source articles (default: seeds)")
    p.add_argument("--content", type=Path, default=Path("content"), metavar="DIR", help="folder the records and pages go to (default: content)")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m generator", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    b = sub.add_parser("build", help="read seeds/, write content/ (only files whose bytes change)",
                       description="Read every article, extract and merge the meetings, validate every record, and only then write content/. On any error nothing is written.")
    _paths(b)
    c = sub.add_parser("check", help="exit 1 and name the files when content/ is not what build would write",
                       description="Compare the committed content/ with what `build` would write, without writing. Exit 0 when equal, 1 when not (naming each file), 2 on bad input.")
    _paths(c)
    r = sub.add_parser("review", help="Markdown report of what the working tree does to the content, against a git revision",
                       description="Compare the records committed at REV with what `build` would produce now (in memory): meetings added, removed, changed field by field, new conflicts, translations, stale corrections, notices. Report on stdout, exit 0; exit 2 on a bad revision, outside a git repository or on bad input.")
    _paths(r)
    r.add_argument("--base", metavar="REV", default=None, help="git revision to compare with (default: origin/main if it exists, else HEAD)")
    t = sub.add_parser("translations", help="count translated, fuzzy and missing English entries, per seed",
                       description="Report the English catalog (content/translations/en.po) as `build` would write it: translated, fuzzy and missing entries per seed. Writes nothing.")
    _paths(t)
    t.add_argument("--require-complete", action="store_true", help="exit 1 when any entry is missing or fuzzy")
    e = sub.add_parser("evaluate", help="score the extractor against a gold file of articles (precision, recall, F1, invented days)",
                       description="Build the records of every article in --seeds one by one and compare them with --gold (and --undated): precision, recall and F1 on (start, end, place), invented days, one line per article. Writes nothing.")
    e.add_argument("--seeds", type=Path, required=True, metavar="DIR", help="folder of articles to score")
    e.add_argument("--gold", type=Path, required=True, metavar="FILE", help="the meetings a careful reader finds, per article")
    e.add_argument("--undated", type=Path, default=None, metavar="FILE", help="meetings mentioned without a determinable day")
    return p


def main(argv: list[str] | None = None, keep: list | None = None) -> int:
    """``keep``: see ``build.run`` (a process that ends right after ``main``)."""
    args = parser().parse_args(argv)
    if args.command == "review":
        from . import review

        return review.command(args.seeds, args.content, args.base)
    if args.command == "evaluate":
        from . import evaluate

        return evaluate.command(args.seeds, args.gold, args.undated)
    try:
        if args.command == "build":  # one build at a time; the whole plan is written at once or not at all
            # the project (mkdocs.yml, .cache/) is the folder above seeds/
            done = build.run(args.seeds.resolve().parent, args.seeds, args.content, keep=keep)
        else:
            from . import pipeline  # here: a build with nothing to do never loads the pipeline's libraries

            result = pipeline.run(args.seeds, args.content)
    except GeneratorError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"error: {len(exc.problems)} problem(s); nothing written to {args.content}/", file=sys.stderr)
        return EXIT_INPUT
    except OSError as exc:  # anything not already named by the reader or the writer: still one line
        print(f"error: {os_error(exc)}", file=sys.stderr)
        return EXIT_INPUT
    if args.command == "build":
        for notice in done.notices:
            print(f"notice: {notice}", file=sys.stderr)
        print(
            f"{done.records} records from {done.articles} articles; "
            f"{len(done.written)} written, {len(done.removed)} removed, {done.unchanged} unchanged"
            + (" (no input changed since the last build)" if done.skipped else "")
        )
        print(done.translations)
        return 0
    from . import translations, writer

    for notice in result.notices:
        print(f"notice: {notice}", file=sys.stderr)
    if args.command == "translations":
        lines, code = translations.command(result.plan.files, args.content, args.require_complete)
        print("\n".join(lines))
        return code
    if args.command == "check":
        changes = writer.diff(result.plan, args.content)
        if changes.written or changes.removed:
            print(f"{args.content}/ is not what `python -m generator build` would write:")
            for rel in changes.written:
                print(f"  differs: {args.content / rel}")
            for rel in changes.removed:
                print(f"  stale:   {args.content / rel}")
            print("run `python -m generator build` (or `mkdocs build`) and commit the result")
            return EXIT_STALE
        print(f"{args.content}/ is up to date ({len(result.records)} records, {len(result.plan.files)} files)")
        return 0
    raise AssertionError(args.command)  # every command returned above
