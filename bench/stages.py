"""Where one build spends its time, stage by stage, and what the search box fetches.

(`bench/benchmark.py` prints how whole builds scale; this breaks one down.)

    .venv/bin/python bench/stages.py [--articles 2000] [--site] [--seeds]

Writes N synthetic Arabic articles (kinds, cities and dates drawn from the lexicon in
a fixed order, so every run is the same corpus) to a temporary tree, then times each
stage of a build and reports peak memory. With --site it also times a full
`mkdocs build` of that tree, the search's share of it, and the bytes the search box
fetches in Chromium for a first and a second query. --seeds builds the project's own
seeds instead of the synthetic corpus. Nothing here asserts: it prints numbers.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import editorial, extract, lexicon, merge, pipeline, record, writer, yamlio  # noqa: E402
from generator.reader import read_seeds  # noqa: E402

from benchmark import corpus  # noqa: E402  (the same synthetic articles as the scaling table)


def dismiss(content: Path, records) -> None:
    """One dismissal file per record: its id and the first sentence it was extracted from."""
    folder = content / editorial.FOLDER / "dismiss"
    folder.mkdir(parents=True, exist_ok=True)
    for rec in records:
        ev = rec["evidence"]["kind"][0]
        data = {"reason": "Benchmark.", "meeting": {"id": rec["id"], "from": {"seed": ev["seed"], "sentence": ev["sentence"], "quote": ev["text"][:30]}}}
        (folder / f"{rec['id']}.yml").write_text(yamlio.dump(data), encoding="utf-8")


QUERIES = {"ar": ("كييف", "وزراء الدفاع"), "en": ("Kyiv", "defence ministers")}


def search_bytes(site: Path) -> None:
    """Bytes the search box fetches in Chromium: on page view, first query, second query."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("(playwright not installed: no search transfer figures)")
        return
    handler = functools.partial(type("Quiet", (http.server.SimpleHTTPRequestHandler,), {"log_message": lambda *a: None}), directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"])
            for lang, root in (("ar", ""), ("en", "en/")):
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                fetched: list[int] = []
                page.on("response", lambda r: "/pagefind/" in r.url and fetched.append(len(r.body())))
                page.goto(base + root, wait_until="networkidle")
                steps = [("page view", sum(fetched))]
                for query in QUERIES[lang]:
                    before = sum(fetched)
                    asked = int(page.evaluate("document.querySelector('.bf-search').dataset.bfAsked || 0"))
                    page.fill(".bf-search .md-search__input", query)
                    page.wait_for_function(f"(() => {{ const d = document.querySelector('.bf-search').dataset; return +(d.bfAsked || 0) > {asked} && d.bfShown === d.bfAsked; }})()")
                    page.wait_for_load_state("networkidle")
                    steps.append((f"query «{query}»", sum(fetched) - before))
                print(f"search fetches ({lang}): " + ", ".join(f"{label} {n / 1000:.1f} KB" for label, n in steps))
                page.close()
            browser.close()
    finally:
        httpd.shutdown()


def timed(label, fn, figures):
    start = time.perf_counter()
    value = fn()
    figures.append((label, time.perf_counter() - start))
    return value


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--site", action="store_true", help="also time a full mkdocs build")
    ap.add_argument("--dismissals", type=int, default=0, metavar="N", help="also time the pipeline with N editorial dismissals")
    ap.add_argument("--seeds", action="store_true", help="the project's seeds instead of the synthetic corpus")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    try:
        if args.seeds:
            shutil.copytree(ROOT / "seeds", tmp / "seeds")
        else:
            (tmp / "seeds").mkdir()
            corpus(tmp / "seeds", args.articles)
        for name in ("mkdocs.yml",):
            if (ROOT / name).exists():
                shutil.copy(ROOT / name, tmp / name)
        for name in ("overrides",):
            if (ROOT / name).exists():
                shutil.copytree(ROOT / name, tmp / name)
        (tmp / "generator").symlink_to(ROOT / "generator", target_is_directory=True)  # mkdocs.yml names the hook by path
        figures: list[tuple[str, float]] = []
        lex = timed("load lexicon + CLDR names", lexicon.load, figures)
        articles, problems = timed("read articles", lambda: read_seeds(tmp / "seeds"), figures)
        mentions = timed("extract", lambda: [m for a in articles for m in extract.extract(a, lex)], figures)
        events, notices = timed("merge", lambda: merge.merge(mentions), figures)
        timed("build + validate records", lambda: record.validate_all([record.build(e, lex) for e in events]), figures)
        result = timed("whole pipeline (plan every file)", lambda: pipeline.run(tmp / "seeds", tmp / "content", project=tmp), figures)
        tracemalloc.start()  # a second run, for memory only: tracing slows it several times over
        pipeline.run(tmp / "seeds", tmp / "content", project=tmp)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        if args.dismissals:
            dismiss(tmp / "content", result.records[: args.dismissals])
            actions, _ = editorial.load(tmp / "content" / editorial.FOLDER)
            records = [record.build(e, lex) for e in events]
            timed(f"apply {len(actions)} editorial dismissals", lambda: editorial.apply(records, mentions, articles, actions, lex), figures)
            timed(f"whole pipeline with {len(actions)} dismissals", lambda: pipeline.run(tmp / "seeds", tmp / "content", project=tmp), figures)
        timed("write content/ (first)", lambda: writer.write(result.plan, tmp / "content"), figures)
        timed("write content/ (unchanged)", lambda: writer.write(result.plan, tmp / "content"), figures)
        print(f"corpus: {len(articles)} articles, {sum(len(a.sentences) for a in articles)} sentences -> "
              f"{len(mentions)} mentions -> {len(result.records)} records, {len(result.plan.files)} files "
              f"({sum(map(len, result.plan.files.values())) / 1e6:.1f} MB); {len(problems)} problems, {len(notices)} notices")
        for label, seconds in figures:
            print(f"{label:36s} {seconds * 1000:10.1f} ms")
        print(f"{'per article (whole pipeline)':36s} {figures[5][1] / max(1, len(articles)) * 1000:10.2f} ms")
        print(f"{'peak traced memory (pipeline)':36s} {peak / 1e6:10.1f} MB")
        if args.site and (tmp / "mkdocs.yml").exists():
            start = time.perf_counter()
            out = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=tmp, capture_output=True, text=True,
                                 env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
            total = time.perf_counter() - start
            print(f"{'mkdocs build (generator + site)':36s} {total * 1000:10.1f} ms (exit {out.returncode})")
            indexing = [float(m) for m in re.findall(r"search: .* indexed in ([0-9.]+) s", out.stderr)]
            print(f"{'  of which search (Pagefind, all)':36s} {sum(indexing) * 1000:10.1f} ms ({sum(indexing) / total:.0%} of the build)")
            if out.returncode:
                print(out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "(no output)")
            else:
                size = sum(p.stat().st_size for p in (tmp / "site").rglob("*") if p.is_file())
                print(f"{'site size':36s} {size / 1e6:10.1f} MB in {sum(1 for p in (tmp / 'site').rglob('*') if p.is_file())} files")
                bundle = sum(p.stat().st_size for p in (tmp / "site").rglob("*") if p.is_file() and "pagefind" in p.relative_to(tmp / "site").parts)
                print(f"{'search bundles (both languages)':36s} {bundle / 1e6:10.2f} MB")
                search_bytes(tmp / "site")
        print(f"{'max resident set size (process)':36s} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:10.1f} MB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
