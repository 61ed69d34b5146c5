"""A synthetic corpus for the filter tests: short Arabic articles written for this
project (not taken from any real article), one meeting each, varied in level, city,
status, series and participants and spread over three months.

Kinds, cities and participants come from the lexicon, so every article names things
the extractor knows; the tests read what was extracted from the built site's open
data (data/events.json), never from this file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator import lexicon

MONTHS = {1: "يناير", 2: "فبراير", 3: "مارس", 4: "أبريل"}
PARTICIPANTS = ["ممثلون أوروبيون", "الفريق الأمريكي", "الاتحاد الأوروبي", "حلف الناتو", "الأمم المتحدة", "مجموعة السبع"]
TOPIC = ["لمناقشة التنسيق الأمني", "لبحث المساعدات", "لمتابعة المفاوضات", "لتقييم الوضع الميداني"]


def article(i: int, kinds: list[str], cities: list[str]) -> str:
    """Article ``i``: a meeting on a distinct day (so no two merge)."""
    day = dt.date(2026, 1, 5) + dt.timedelta(days=i + i // 3)
    meeting = kinds[i % len(kinds)]
    city = cities[(i * 5) % len(cities)]
    when = f"{day.day} {MONTHS[day.month]} {day.year}"
    first, second = PARTICIPANTS[i % len(PARTICIPANTS)], PARTICIPANTS[(i + 2) % len(PARTICIPANTS)]
    series = " ضمن مسار تحالف الراغبين" if i % 5 == 0 else ""
    topic = TOPIC[i % len(TOPIC)]
    if i % 3 == 0:  # reported after the day: held
        dateline = day + dt.timedelta(days=2)
        lead = f"انعقد {meeting} في {city} يوم {when}{series} {topic}."
    elif i % 7 == 1:  # put off
        dateline = day - dt.timedelta(days=6)
        lead = f"أعلنت مصادر رسمية تأجيل {meeting} الذي كان من المقرر أن يعقد في {city} يوم {when}{series}."
    else:  # announced ahead: scheduled
        dateline = day - dt.timedelta(days=4)
        lead = f"من المقرر أن يعقد {meeting} في {city} يوم {when}{series} {topic}."
    return (
        f"date {dateline.isoformat()}\n"
        f"{lead}\n\n"
        f"وسيحضر الاجتماع {first} إلى جانب {second}.\n"
    )


def write_corpus(folder: Path, n: int = 60) -> list[Path]:
    lex = lexicon.load()
    kinds = [k.extra["meeting"]["ar"] for k in lex.kinds if k.ref.id != "leaders"]
    cities = [c.ref.ar for c in lex.cities][:8]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"7{i:02d}_synthetic.txt"
        path.write_text(article(i, kinds, cities), encoding="utf-8")
        paths.append(path)
    return paths
