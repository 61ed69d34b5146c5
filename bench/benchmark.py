"""How a build scales with the number of articles: one table, printed.

    .venv/bin/python bench/benchmark.py [--sizes 100,1000,3000,10000] [--no-site]

For each size N it writes N synthetic Arabic articles (kinds, cities, topics and dates
drawn from the lexicon in a fixed order: the same corpus every run) into a fresh
project folder, then times, each in its own process as an editor would run it:

- read seeds: ``read_seeds`` alone (the floor any build pays), in its own process;
- generator from scratch: ``python -m generator build`` with no cache and no content/,
  on every core (best of three) and again in one process (``BRIEFING_JOBS=1``, once);
- nothing changed: the same command again, cache warm and content/ as written;
- one changed: the same after one article gained a sentence (no meeting changes), and
  after its meeting moved a day (its record and everything listing it change);
- mkdocs build: ``mkdocs build`` from a checkout with no content/, site/ or cache
  (generator, both languages, search), and again with nothing changed;
- peak memory: the largest resident set of the cold ``mkdocs build`` (its Pagefind
  child included); site size and the largest page of the built site.

Nothing here asserts: it prints numbers (BENCHMARKS.md keeps them, with the machine).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import lexicon  # noqa: E402

MONTHS = ["يناير", "كانون الثاني", "جانفي", "فبراير", "آذار", "أبريل", "ماي", "حزيران", "تموز", "أوت", "أيلول", "أكتوبر"]
# Python keeps its compiled modules (__pycache__) as it does by default on an editor's
# machine: an environment that forbids it (PYTHONDONTWRITEBYTECODE, set in some CI and
# container shells) makes every run compile the generator's modules again, about
# 0.1 s that no editor pays. They are written before anything is timed.
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}
READ = "import sys; from pathlib import Path; from generator.reader import read_seeds; read_seeds(Path(sys.argv[1]))"


def corpus(folder: Path, n: int) -> None:
    lex = lexicon.load()
    kinds = [k.extra["meeting"]["ar"] for k in lex.kinds if k.ref.id != "leaders"]
    cities = [c.ref.ar for c in lex.cities]
    topics = [t.ref.ar for t in lex.topics]
    base = dt.date(2026, 1, 1)
    for i in range(n):
        published = base + dt.timedelta(days=i % 700)
        day = published + dt.timedelta(days=3 + i % 9)
        month = MONTHS[(day.month - 1) % 12]
        text = (
            f"date {published.isoformat()}\n"
            f"أعلنت مصادر رسمية أنه من المقرر عقد {kinds[i % len(kinds)]} في {cities[i % len(cities)]} "
            f"يوم {day.day} {month}، لبحث {topics[i % len(topics)]} و{topics[(i * 7) % len(topics)]}.\n\n"
            "وسيحضر الاجتماع ممثلون أوروبيون، فيما ينضم الفريق الأمريكي عبر الفيديو.\n\n"
            "وقال زيلينسكي إن الاجتماع سيكون مهمًا للتنسيق بين الشركاء.\n"
        )
        (folder / f"{i:05d}_bench.txt").write_text(text, encoding="utf-8")


def project(folder: Path, n: int) -> Path:
    (folder / "seeds").mkdir(parents=True)
    corpus(folder / "seeds", n)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    (folder / "generator").symlink_to(ROOT / "generator", target_is_directory=True)  # mkdocs.yml names the hook by path
    return folder


def run(cmd: list[str], cwd: Path, env: dict | None = None) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KB, the process and the children it waited for)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env or ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed in {cwd}:\n{err[-2000:]}")
    return seconds, usage.ru_maxrss


def clean(folder: Path) -> None:
    """Take away what builds left, as a fresh checkout lacks it. Moved aside, and deleted
    only when the whole run is over: on this machine's disk (ext4 with online discard) the
    tens of thousands of files a build leaves, deleted just before a build, slowed that
    build's own file creation (a 1,000-article build took 20-60% longer in our runs: the
    kernel discards the freed blocks meanwhile), which a fresh checkout does not pay."""
    trash = folder.parent / "trash"
    trash.mkdir(exist_ok=True)
    for name in ("content", "site", ".cache", ".content.spare"):
        if (folder / name).exists():
            (folder / name).rename(trash / f"{name}-{len(list(trash.iterdir()))}")


def measure(n: int, site: bool, tmp: Path) -> dict:
    py = sys.executable
    # every size's files stay until the whole run ends (see ``clean``)
    folder = project(tmp / f"{n}" / "project", n)
    out: dict = {"n": n}
    run([py, "-m", "compileall", "-q", str(ROOT / "generator")], folder)  # see ENV
    run([py, "-c", READ, "seeds"], folder, {**ENV, "PYTHONPATH": str(ROOT)})  # warm the OS file cache
    out["read"] = min(run([py, "-c", READ, "seeds"], folder, {**ENV, "PYTHONPATH": str(ROOT)})[0] for _ in range(3))
    build = [py, "-m", "generator", "build"]
    # Best of three, as the builds below: on this machine's disk a single scratch build
    # varied by a fifth from run to run (creating thousands of files), and it is what
    # the one-changed figures are divided by.
    scratch = []
    for _ in range(3):
        scratch.append(run(build, folder, {**ENV, "BRIEFING_CACHE": "off"}))
        clean(folder)
    out["scratch"], out["scratch_mem"] = min(t for t, _ in scratch), max(m for _, m in scratch)
    out["scratch1"] = run(build, folder, {**ENV, "BRIEFING_CACHE": "off", "BRIEFING_JOBS": "1"})[0]  # the same work in one process
    clean(folder)
    run(build, folder)  # fills the cache
    # The best of three at every size. The first build after the warm one has no tree
    # of an earlier write to start from (the writer keeps the last swapped-out tree,
    # see writer._keep_spare), so it links every file anew; an editor's builds after
    # the first do not. At 10,000 this was measured once, which was that first build.
    reps = 3
    out["nothing"] = min(run(build, folder)[0] for _ in range(reps))
    seed = folder / "seeds" / f"{n // 2:05d}_bench.txt"
    times = []
    for i in range(reps):
        seed.write_text(seed.read_text(encoding="utf-8") + f"\nوأضاف المصدر تفصيلًا رقم {i}.\n", encoding="utf-8")
        times.append(run(build, folder)[0])
    out["one"] = min(times)
    # The same article's meeting moved a day (the date in its lead changed), best of
    # three: its record, calendar event, pages and every listing holding it are made
    # again, and the schema and calendar libraries are loaded, which an added sentence
    # that changes no meeting spares.
    # Each time to a day it has not had (so no build finds its record, pages or
    # calendar event in the cache from an earlier move), within the month.
    times = []
    first = int(re.search(r"يوم (\d+)", seed.read_text(encoding="utf-8")).group(1))
    step = 1 if first <= 28 - reps else -1
    for i in range(reps):
        text = seed.read_text(encoding="utf-8")
        seed.write_text(re.sub(r"يوم \d+", f"يوم {first + step * (i + 1)}", text, count=1), encoding="utf-8")
        times.append(run(build, folder)[0])
    out["moved"] = min(times)
    out["records"] = len(list((folder / "content" / "events").glob("*.yml")))
    if site:
        clean(folder)
        out["mkdocs"], out["mkdocs_mem"] = run([py, "-m", "mkdocs", "build", "--strict"], folder)
        out["mkdocs_warm"] = run([py, "-m", "mkdocs", "build", "--strict"], folder)[0]
        files = [p for p in (folder / "site").rglob("*") if p.is_file()]
        out["site_mb"] = sum(p.stat().st_size for p in files) / 1e6
        out["site_files"] = len(files)
        pages = [p for p in files if p.suffix == ".html"]
        largest = max(pages, key=lambda p: p.stat().st_size)
        out["largest"] = (largest.relative_to(folder / "site").as_posix(), largest.stat().st_size / 1e3)
        data = [p for p in files if p.suffix != ".html" and "pagefind" not in p.parts]
        big = max(data, key=lambda p: p.stat().st_size)
        out["largest_file"] = (big.relative_to(folder / "site").as_posix(), big.stat().st_size / 1e3)
    return out


def table(rows: list[dict], site: bool) -> str:
    head = ["articles", "meetings", "read seeds", "generator: scratch (every core / one process)", "nothing changed", "one changed: a sentence added / its meeting moved"]
    if site:
        head += ["mkdocs build (cold)", "mkdocs build (nothing changed)", "peak memory (largest process)", "site", "largest page", "largest other file"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = [
            f"{r['n']:,}",
            f"{r['records']:,}",
            f"{r['read']:.2f} s",
            f"{r['scratch']:.1f} s / {r['scratch1']:.1f} s",
            f"{r['nothing']:.2f} s ({r['nothing'] / r['read']:.1f}× read)",
            f"{r['one']:.2f} s ({r['one'] / r['scratch']:.0%} / {r['one'] / r['scratch1']:.0%} of scratch) / "
            f"{r['moved']:.2f} s ({r['moved'] / r['scratch']:.0%} / {r['moved'] / r['scratch1']:.0%})",
        ]
        if site:
            cells += [
                f"{r['mkdocs']:.1f} s",
                f"{r['mkdocs_warm']:.1f} s",
                f"{r['mkdocs_mem'] / 1024:.0f} MB",
                f"{r['site_mb']:.0f} MB, {r['site_files']:,} files",
                f"{r['largest'][1]:.0f} KB (`{r['largest'][0]}`)",
                f"{r['largest_file'][1]:.0f} KB (`{r['largest_file'][0]}`)",
            ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000,3000,10000", help="comma-separated article counts")
    ap.add_argument("--no-site", action="store_true", help="time the generator only, not mkdocs build")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    print(f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, {dt.date.today().isoformat()}", flush=True)
    rows = []
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        for n in sizes:
            rows.append(measure(n, not args.no_site, Path(tmp)))
            print(f"  {n:,} articles measured", file=sys.stderr, flush=True)
    ratios = []
    by_n = {r["n"]: r for r in rows}
    if not args.no_site and 1000 in by_n and 3000 in by_n:
        ratios.append(f"mkdocs build 3,000 ÷ 1,000: {by_n[3000]['mkdocs'] / by_n[1000]['mkdocs']:.2f}×")
    print(table(rows, not args.no_site))
    for line in ratios:
        print(line)


if __name__ == "__main__":
    main()
