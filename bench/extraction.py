"""Time extraction alone, per article, on the benchmark's synthetic corpus.

    .venv/bin/python bench/extraction.py [--articles 1000] [--root CHECKOUT]

``--root`` measures another checkout's generator (an older commit in a git worktree)
on the same corpus, for a before/after figure. Prints the lexicon load time and the
extraction time per article, in CPU time of this process (steadier than the wall
clock on a shared machine); asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--root", type=Path, default=HERE.parent, help="the checkout whose generator is measured")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    sys.path.insert(0, str(args.root.resolve()))
    from generator import extract, lexicon
    from generator.reader import read_seeds

    start = time.process_time()
    lex = lexicon.load()
    getattr(lex.places, "get", lambda: None)()  # the gazetteer is built on first use: count it as loading
    load = time.process_time() - start
    sys.path.insert(0, str(HERE))
    from benchmark import corpus

    with tempfile.TemporaryDirectory(prefix="briefing-extract-") as tmp:
        seeds = Path(tmp)
        corpus(seeds, args.articles)
        articles, _ = read_seeds(seeds)
        runs = []
        for _ in range(args.repeat):
            start = time.process_time()
            mentions = [m for a in articles for m in extract.extract(a, lex)]
            runs.append(time.process_time() - start)
    per = statistics.median(runs) / len(articles) * 1000
    print(f"generator at {args.root}: {len(articles)} articles -> {len(mentions)} mentions")
    print(f"{'load lexicon (+ gazetteer)':30s} {load * 1000:9.1f} ms")
    print(f"{'extract, per article (median)':30s} {per:9.3f} ms")


if __name__ == "__main__":
    main()
