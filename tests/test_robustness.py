"""Whatever bytes land in seeds/, the generator answers with a result or a one-line error."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator import extract, lexicon, merge
from generator.reader import ArticleError, parse_article

ARABIC_PIECES = st.sampled_from([
    "اجتماع", "وزراء الخارجية", "في", "برلين", "يوم", "3", "٥", "يناير", "كانون الثاني/يناير", "من", "إلى", "السبت",
    "المقبل", "بعد يومين", "غدًا", "قمة", "«", "»", '"', ":", "،", ".", "؟", "\n", "\n\n", "date 2026-01-02 ", "---\n",
    "عبر الفيديو", "وقال زيلينسكي", "خمس عشرة دولة", "29 فبراير", "31 أبريل", "الحادي والثلاثين من", " ",
])


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_read_or_fail_with_one_line(raw):
    try:
        article = parse_article("fuzz.txt", raw, display="seeds/fuzz.txt")
    except ArticleError as exc:
        assert str(exc).startswith("seeds/fuzz.txt") and "\n" not in str(exc)
    else:
        extract.extract(article, lexicon.load())


@settings(max_examples=400, deadline=None)
@given(st.lists(ARABIC_PIECES, max_size=40).map(" ".join))
@example("date 2026-01-02 اجتماع وزراء الخارجية في برلين من ٥ يناير إلى 3 يناير")
@example("date 2026-01-02 قمة في برلين من 30 ديسمبر إلى 2 يناير 2026")
def test_any_arabic_news_like_text_extracts_and_merges(text):
    try:
        article = parse_article("fuzz.txt", text.encode("utf-8"))
    except ArticleError:
        return
    mentions = extract.extract(article, lexicon.load())
    events, _ = merge.merge(mentions)
    for event in events:
        assert event.date.start() <= event.date.end()
        assert event.sources and event.kind
