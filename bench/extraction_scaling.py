"""Extraction time per MB of article, from 10 KB to 10 MB: flat if extraction is linear.

    .venv/bin/python bench/extraction_scaling.py [--sizes 10k,100k,1m,10m]

Each article is synthetic: paragraphs written for this benchmark (meetings with kinds,
cities, dates, attendance and quotations, and plain background sentences), varied by
number and repeated until the article has the size asked for. It is read
(``reader.parse_article``), extracted (``extract.extract``) and merged
(``merge.merge``), each timed on its own. One meeting recurs throughout, so its
evidence grows with the article. The figures are CPU seconds per MB (process time, so
other work on the machine does not blur them): a column that grows with the size means
work that grows faster than the text. Nothing here asserts: it prints numbers, one size at a
time (a size that takes minutes shows the ones before it first).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import extract, lexicon, merge  # noqa: E402
from generator.reader import parse_article  # noqa: E402

CITIES = ["برلين", "باريس", "لندن", "روما", "جنيف", "إسطنبول", "واشنطن", "كييف"]
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو"]
PARAGRAPHS = [
    "أعلنت مصادر رسمية أن وزراء الخارجية سيعقدون اجتماعا في {city} يوم {day} {month} المقبل لبحث الدعم الإنساني.",
    "وقال المتحدث باسم الوزارة: «سيكون اللقاء فرصة لتنسيق المواقف»، مضيفا أن عدة وفود ستشارك عبر الفيديو.",
    "وتأتي هذه التحركات في ظل ظروف اقتصادية صعبة تشهدها المنطقة منذ أشهر، بحسب ما يرى محللون.",
    "ومن المقرر أن تستضيف {city} قمة لقادة الدول في {day} {month}، وسط ترقب لنتائجها.",
    "وأشار مراقبون إلى أن الملف الأمني سيكون حاضرا بقوة، إلى جانب ملفات الطاقة والتجارة.",
    # The same meeting again and again: its evidence grows with the article.
    "وأكد دبلوماسيون أن اجتماع وزراء الدفاع في جنيف يوم 15 مارس المقبل سيبحث الملف ذاته.",
]
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000, "10m": 10_000_000}


def article(size: int) -> bytes:
    """An article of about ``size`` bytes of UTF-8, the same every run."""
    parts, total, i = ["date 2026-01-02\n"], 0, 0
    while total < size:
        template = PARAGRAPHS[i % len(PARAGRAPHS)]
        text = template.format(city=CITIES[(i // 5) % len(CITIES)], day=1 + i % 28, month=MONTHS[(i // 7) % len(MONTHS)])
        parts.append(text + "\n\n")
        total += len(text.encode("utf-8")) + 2
        i += 1
    return "".join(parts).encode("utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10k,100k,1m,10m", help="comma-separated, of " + ", ".join(SIZES))
    args = ap.parse_args()
    lex = lexicon.load()
    getattr(lex.places, "get", lambda: None)()  # the gazetteer is built on first use: not inside the first size's figure
    extract.extract(parse_article("warm.txt", "اجتماع في باريس يوم 3 يناير.".encode()), lex)  # first-call caches likewise
    print(f"{'size':>6} {'MB':>7} {'sentences':>10} {'mentions':>9} {'read s/MB':>10} {'extract s/MB':>13} {'merge s/MB':>11}", flush=True)
    for name in args.sizes.split(","):
        raw = article(SIZES[name.strip().lower()])
        mb = len(raw) / 1e6
        start = time.process_time()
        parsed = parse_article("bench.txt", raw)
        read_s = time.process_time() - start
        start = time.process_time()
        mentions = extract.extract(parsed, lex)
        extract_s = time.process_time() - start
        start = time.process_time()
        merge.merge(mentions)
        merge_s = time.process_time() - start
        print(f"{name:>6} {mb:7.2f} {len(parsed.sentences):10d} {len(mentions):9d} {read_s / mb:10.3f} {extract_s / mb:13.3f} {merge_s / mb:11.3f}", flush=True)


if __name__ == "__main__":
    main()
