"""Reading articles: datelines, front matter, paragraphs, sentences, and bad input."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.reader import ArticleError, parse_article, split_sentences


def test_dateline_with_leading_spaces_shares_the_first_line():
    a = parse_article("x.txt", " date 2026-01-02 أعلن الرئيس. وقال آخر.\n\nفقرة ثانية.".encode())
    assert a.published == dt.date(2026, 1, 2)
    assert [s.text for s in a.sentences] == ["أعلن الرئيس.", "وقال آخر.", "فقرة ثانية."]
    assert [(s.index, s.paragraph) for s in a.sentences] == [(1, 1), (2, 1), (3, 2)]


def test_no_dateline_and_no_trailing_newline():
    a = parse_article("x.txt", "اجتماع في كييف يوم 3 يناير المقبل.".encode())
    assert a.published is None and len(a.sentences) == 1


def test_front_matter():
    text = "---\ndate: 2026-02-01\noutlet: وكالة\nurl: https://example.org/a\ntitle: عنوان\n---\nنص الخبر.\n"
    a = parse_article("x.txt", text.encode())
    assert (a.published, a.outlet, a.url, a.title) == (dt.date(2026, 2, 1), "وكالة", "https://example.org/a", "عنوان")
    assert a.sentences[0].text == "نص الخبر."


def test_quotation_stays_in_one_sentence():
    text = 'وقال زيلينسكي: "في 5 يناير سيعقد اجتماع. القضية الرئيسية هي الضمانات". ثم غادر.'
    assert split_sentences(text) == ['وقال زيلينسكي: "في 5 يناير سيعقد اجتماع. القضية الرئيسية هي الضمانات".', "ثم غادر."]


def test_arabic_question_mark_and_guillemets():
    assert split_sentences("هل يعقد؟ نعم «قال. هذا» وانتهى.") == ["هل يعقد؟", "نعم «قال. هذا» وانتهى."]


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"", "empty article"),
        (b"   \n\n ", "empty article"),
        (b"date 2026-01-02\n", "empty article: no text after the dateline"),
        (b"date 2026-13-02 \xd9\x86\xd8\xb5", "malformed dateline: '2026-13-02' is not a calendar date"),
        (b"date 02/01/2026 \xd9\x86\xd8\xb5", "malformed dateline: expected 'date YYYY-MM-DD', found 'date 02/01/2026'"),
        (b"date \xd9\x86\xd8\xb5", "malformed dateline: expected 'date YYYY-MM-DD'"),
        (b"\xd9\x86\xff\xfe", "not valid UTF-8 (byte 0xff at offset 2)"),
        (b"---\ndate: [\n---\ntext", "front matter is not valid YAML"),
        (b"---\nauthor: x\n---\ntext", "unknown front-matter key 'author'"),
        (b"---\ndate: 2026-01-01\n", "front matter opened with '---' is never closed"),
    ],
)
def test_bad_input_is_one_line_naming_the_file(raw, message):
    with pytest.raises(ArticleError) as info:
        parse_article("bad.txt", raw, display="seeds/bad.txt")
    line = str(info.value)
    assert line.startswith("seeds/bad.txt")
    assert message in line
    assert "\n" not in line
