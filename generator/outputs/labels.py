"""The few words the calendar and feed need in each language, and place/date phrases.

Month and date formats come from CLDR through Babel.
"""

from __future__ import annotations

from babel.dates import format_date, format_interval, format_skeleton

from . import stamps

STATUS = {
    "ar": {"announced": "مُعلن", "scheduled": "مقرر", "held": "عُقد", "postponed": "مؤجل", "cancelled": "ملغى"},
    "en": {"announced": "Announced", "scheduled": "Scheduled", "held": "Held", "postponed": "Postponed", "cancelled": "Cancelled"},
}
WORDS = {
    "ar": {
        "meetings": "الاجتماعات",
        "online": "عبر الإنترنت",
        "status": "الحالة",
        "host": "الجهة الداعية",
        "place_unknown": "المكان غير مذكور",
        "month_only": "اليوم غير مذكور، الشهر فقط",
        "feed_subtitle": "الاجتماعات رفيعة المستوى المعلنة والمنعقدة",
        "comma": "، ",
    },
    "en": {
        "meetings": "Meetings",
        "online": "Online",
        "status": "Status",
        "host": "Host",
        "place_unknown": "Place not stated",
        "month_only": "day not stated, month only",
        "feed_subtitle": "High-level meetings announced and held",
        "comma": ", ",
    },
}


def word(lang: str, key: str) -> str:
    return WORDS[lang][key]


def status(rec: dict, lang: str) -> str:
    return STATUS[lang][rec["status"]]


def kind(lex, kind_id: str, lang: str) -> str:
    try:
        ref = lex.kind(kind_id).ref
    except KeyError:
        return kind_id
    return getattr(ref, lang)


def place(rec: dict, lang: str) -> str | None:
    """"Kyiv, Ukraine" / "كييف، أوكرانيا"; None when no source names a place."""
    parts = [p[lang] for p in (rec["place"]["city"], rec["place"]["country"]) if p]
    return word(lang, "comma").join(parts) or None


def location(rec: dict, lang: str) -> str | None:
    """The place, with "online" added for online and mixed meetings."""
    where, online = place(rec, lang), word(lang, "online")
    if rec.get("attendance") == "online":
        return f"{where} ({online})" if where else online
    if rec.get("attendance") == "mixed":
        return f"{where} + {online}" if where else online
    return where


def when(rec: dict, lang: str) -> str:
    """The meeting date as a reader would write it; month precision never shows a day."""
    first, last = stamps.start(rec), stamps.end(rec)
    if rec["date"]["precision"] == "month":
        return f"{format_skeleton('yMMMM', first, locale=lang)} ({word(lang, 'month_only')})"
    if first == last:
        return format_date(first, "long", locale=lang)
    return format_interval(first, last, "yMMMd", locale=lang)
