"""The English catalog (content/translations/en.po): complete for the seeds, fuzzy on
change, new text counted as missing, and byte-identical across builds."""

from __future__ import annotations

import shutil

import yaml
from babel.messages.catalog import Message

from generator import translations
from support import ROOT, cli, make_tree, snapshot

CATALOG = ROOT / "content" / translations.CATALOG
SEED_000 = "000_f9219e1323404476.txt"
OLD_SENTENCE_2 = "وقال زيلينسكي، عقب استماعه لتقرير مفصل من أمين مجلس الأمن والدفاع الوطني رستم أوميروف"
NEW_SENTENCE_2 = "وقال زيلينسكي، عقب استماعه لتقرير شامل من أمين مجلس الأمن والدفاع الوطني رستم أوميروف"
NEW_ARTICLE = """---
date: 2026-02-10
title: مشاورات أوكرانية أوروبية في بروكسل
---
قال مسؤولون إن وزراء خارجية الاتحاد الأوروبي سيلتقون في بروكسل في 20 فبراير لبحث الدعم لأوكرانيا.

وأضاف المسؤولون أن الاجتماع سيتناول ملف العقوبات.
"""


def tree_with_catalog(tmp_path, articles=None):
    tree = make_tree(tmp_path, articles)
    (tree / "content" / "translations").mkdir(parents=True)
    shutil.copy(CATALOG, tree / "content" / translations.CATALOG)
    return tree


def catalog_of(tree):
    path = tree / "content" / translations.CATALOG
    return translations.read(path.read_bytes(), str(path))


def entries(catalog):
    """Every active entry as comparable data: text -> (translation, flags, previous, references)."""
    return {m.id: (m.string, sorted(m.flags), list(m.previous_id), sorted(m.locations, key=str)) for m in translations.active(catalog)}


def row(stdout, name):
    """(translated, fuzzy, missing) from the report line of one seed."""
    line = next(line for line in stdout.splitlines() if line.startswith(name + " "))
    return tuple(int(n) for n in line[len(name) :].split())


def test_repository_catalog_is_complete_and_up_to_date():
    out = cli(ROOT, "translations", "--require-complete")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "100% translated" in out.stdout
    assert f"{SEED_000}  " in out.stdout and "001_ae68e33f9df36568.txt  " in out.stdout
    assert "not up to date" not in out.stdout
    st = translations.status(translations.read(CATALOG.read_bytes(), str(CATALOG)))
    assert st.total.translated == 26 and st.total.complete
    # The English is English: no Arabic letter left in any translation.
    for message in translations.active(translations.read(CATALOG.read_bytes(), str(CATALOG))):
        assert not any("\u0600" <= ch <= "\u06ff" for ch in message.string), message.id


def test_catalog_holds_every_sentence_statement_and_quote_with_references():
    text = CATALOG.read_text(encoding="utf-8")
    assert "POT-Creation-Date" not in text and "Generated-By" not in text
    catalog = translations.read(CATALOG.read_bytes(), str(CATALOG))
    refs = {loc for m in translations.active(catalog) for loc in m.locations}
    assert {(f"seeds/{SEED_000}", n) for n in range(1, 13)} <= refs
    assert {("seeds/001_ae68e33f9df36568.txt", n) for n in range(1, 11)} <= refs
    quote = catalog.get("سيعقد، في 3 يناير، اجتماع لمستشاري الأمن القومي في أوكرانيا.. هذا هو أول اجتماع من نوعه في أوكرانيا ويركز على السلام")
    assert quote.string.startswith("On January 3, a meeting of national security advisers will be held in Ukraine.")
    assert any(c.startswith("direct quote") for c in quote.auto_comments)
    # Entries follow seed then sentence order.
    order = [(m.locations[0][0], m.locations[0][1] or 0) for m in translations.active(catalog)]
    assert order == sorted(order)


def test_changed_sentence_turns_fuzzy_with_previous_text_and_the_rest_is_untouched(tmp_path):
    tree = tree_with_catalog(tmp_path)
    before = entries(catalog_of(tree))
    seed = tree / "seeds" / SEED_000
    seed.write_text(seed.read_text(encoding="utf-8").replace(OLD_SENTENCE_2, NEW_SENTENCE_2), encoding="utf-8")
    out = cli(tree, "build")
    assert out.returncode == 0, out.stderr
    assert "translations (en): 25 translated, 1 fuzzy, 0 missing" in out.stdout

    catalog = catalog_of(tree)
    after = entries(catalog)
    old_id = next(k for k in before if k.startswith(OLD_SENTENCE_2))
    new_id = old_id.replace(OLD_SENTENCE_2, NEW_SENTENCE_2)
    changed = catalog.get(new_id)
    assert changed.fuzzy
    assert changed.previous_id == [old_id]
    assert changed.string == before[old_id][0]  # the old English, kept for the translator to fix
    assert f'#| msgid "{old_id}"' in (tree / "content" / translations.CATALOG).read_text(encoding="utf-8")
    assert old_id not in after and not catalog.obsolete  # taken up by the new text, not lost
    translator, _ = translations.load(tree / "content", *_inputs(tree))
    assert translator.get(new_id) is None
    assert {k: v for k, v in after.items() if k != new_id} == {k: v for k, v in before.items() if k != old_id}
    # The statement that quotes the sentence now waits for its English.
    record = yaml.safe_load((tree / "content" / "events" / "2026-01-03-national-security-advisers-kyiv.yml").read_text(encoding="utf-8"))
    statement = next(s for s in record["statements"] if s["text"]["ar"] == new_id)
    assert statement["text"]["en"] is None

    incomplete = cli(tree, "translations", "--require-complete")
    assert incomplete.returncode == 1
    assert row(incomplete.stdout, SEED_000) == (11, 1, 0)


def test_changed_sentence_falls_back_to_marked_arabic_on_the_english_pages_only(tmp_path):
    tree = tree_with_catalog(tmp_path)
    assert cli(tree, "build").returncode == 0
    before = snapshot(tree / "content")
    seed = tree / "seeds" / SEED_000
    seed.write_text(seed.read_text(encoding="utf-8").replace(OLD_SENTENCE_2, NEW_SENTENCE_2), encoding="utf-8")
    assert cli(tree, "build").returncode == 0
    after = snapshot(tree / "content")
    source_en = after["pages/sources/000_f9219e1323404476.en.md"].decode("utf-8")
    new_text = next(s for s in catalog_of(tree) if s.id and s.id.startswith(NEW_SENTENCE_2)).id
    marked = f'<mark id="s-2" class="bf-s" lang="ar" dir="rtl">{new_text}</mark> <span class="bf-untranslated">Not yet translated</span>'
    assert marked in source_en
    meeting_en = after["pages/meetings/2026-01-03-national-security-advisers-kyiv.en.md"].decode("utf-8")
    assert f'<blockquote lang="ar" dir="rtl"><p>{new_text}</p></blockquote>\n<p class="bf-untranslated">Not yet translated</p>' in meeting_en
    # Nothing else changes: only what shows or cites that sentence, and the catalog.
    changed = sorted(k for k in after if before.get(k) != after[k])
    assert changed == [
        "events/2026-01-03-national-security-advisers-kyiv.yml",
        "pages/data/events-2026.json",
        "pages/data/events.json",
        "pages/meetings/2026-01-03-national-security-advisers-kyiv.en.md",
        "pages/meetings/2026-01-03-national-security-advisers-kyiv.md",
        "pages/sources/000_f9219e1323404476.en.md",
        "pages/sources/000_f9219e1323404476.md",
        "translations/en.po",
    ]


def test_new_article_builds_with_empty_entries_counted_missing(tmp_path):
    tree = tree_with_catalog(tmp_path, {"002_brussels.txt": NEW_ARTICLE})
    out = cli(tree, "build")
    assert out.returncode == 0, out.stderr
    assert "translations (en): 26 translated, 0 fuzzy, 3 missing" in out.stdout
    catalog = catalog_of(tree)
    new = [m for m in translations.active(catalog) if any(loc[0] == "seeds/002_brussels.txt" for loc in m.locations)]
    assert [m.id for m in new] == [
        "مشاورات أوكرانية أوروبية في بروكسل",
        "قال مسؤولون إن وزراء خارجية الاتحاد الأوروبي سيلتقون في بروكسل في 20 فبراير لبحث الدعم لأوكرانيا.",
        "وأضاف المسؤولون أن الاجتماع سيتناول ملف العقوبات.",
    ]
    assert all(m.string == "" and not m.fuzzy for m in new)
    assert new[0].locations == [("seeds/002_brussels.txt", None)] and new[0].auto_comments == ["title"]

    report = cli(tree, "translations")
    assert report.returncode == 0
    assert row(report.stdout, "002_brussels.txt") == (0, 0, 3)
    assert row(report.stdout, "all seeds") == (26, 0, 3)
    strict = cli(tree, "translations", "--require-complete")
    assert strict.returncode == 1
    assert "0 fuzzy and 3 missing" in strict.stdout
    # The English page of the new article shows its Arabic, marked and labelled.
    page = (tree / "content" / "pages" / "sources" / "002_brussels.en.md").read_text(encoding="utf-8")
    assert '<div class="bf-article" lang="ar" dir="rtl">' in page
    assert "Not yet translated: this text is shown in the original Arabic." in page


def test_building_twice_gives_identical_catalog(tmp_path):
    tree = tree_with_catalog(tmp_path, {"002_brussels.txt": NEW_ARTICLE})
    assert cli(tree, "build").returncode == 0
    first = (tree / "content" / translations.CATALOG).read_bytes()
    second_run = cli(tree, "build")
    assert (tree / "content" / translations.CATALOG).read_bytes() == first
    assert "translations/en.po" not in second_run.stdout and " 0 written" in second_run.stdout
    # Without the new article the repository's catalog is a fixed point of the build.
    (tree / "seeds" / "002_brussels.txt").unlink()
    assert cli(tree, "build").returncode == 0
    assert (tree / "content" / translations.CATALOG).read_bytes() == CATALOG.read_bytes()


def test_removed_text_is_kept_obsolete_and_revived_fuzzy():
    old = translations.read(CATALOG.read_bytes(), "en.po")
    needs = translations.needed(*_inputs(ROOT))
    gone = needs[3].text  # seed 000, sentence 4
    without = translations.merge(old, [n for n in needs if n.text != gone])
    assert without.obsolete[gone].string == old.get(gone).string
    data = translations.dump(without)
    assert f'#~ msgid "{gone}"'.encode() in data
    reread = translations.read(data, "en.po")
    assert translations.dump(reread) == data  # obsolete entries round-trip
    back = translations.merge(reread, needs)
    assert back.get(gone).fuzzy and back.get(gone).string == old.get(gone).string and not back.obsolete
    assert translations.Translator.from_catalog(back).get(gone) is None


def test_round_trip_keeps_previous_text_translator_comments_and_header():
    catalog = translations.read(CATALOG.read_bytes(), "en.po")
    first = translations.active(catalog)[0]
    first.flags.add("fuzzy")
    first.previous_id = ['نص "قديم" طويل ' * 20]
    first.user_comments = ["checked against the outlet's English"]
    catalog.last_translator = "A Translator <a@example.org>"
    data = translations.dump(catalog)
    assert translations.dump(translations.read(data, "en.po")) == data
    text = data.decode("utf-8")
    assert "\n#| msgid \"نص \\\"قديم\\\" طويل" in text and text.count("#| ") == 1  # one unwrapped line
    assert '"Last-Translator: A Translator <a@example.org>\\n"' in text
    again = translations.merge(translations.read(data, "en.po"), translations.needed(*_inputs(ROOT)))
    kept = translations.active(again)[0]
    assert kept.fuzzy and kept.previous_id == first.previous_id and kept.user_comments == first.user_comments
    # ... and the translator's header fields survive the merge a build does
    assert '"Last-Translator: A Translator <a@example.org>\\n"' in translations.dump(again).decode("utf-8")


def test_entries_rendered_before_are_reused_and_every_changed_field_is_rendered_again(monkeypatch):
    """``Rendered`` (the build cache's copy of each entry's PO text) never changes a byte:
    a catalog dumped with the last build's texts equals one dumped from nothing, whatever
    field of an entry changed; and only the changed entries go through Babel again."""
    base = translations.read(CATALOG.read_bytes(), "en.po")
    first = translations.active(base)[0]
    first.flags.add("fuzzy")
    first.previous_id = ["نص أقدم"]
    first.user_comments = ["a translator's note"]
    base.obsolete["نص لم يعد في أي مقال"] = Message("نص لم يعد في أي مقال", "Text no article holds")
    data = translations.dump(base)
    last = translations.Rendered()
    assert translations.dump(translations.read(data, "en.po"), last) == data
    assert len(last.made) == len(translations.active(base)) + 1  # every entry, the obsolete one too

    rendered = []
    real = translations.generate_po

    def counting(catalog, **kw):
        rendered.append(len(translations.active(catalog)) + len(catalog.obsolete))
        return real(catalog, **kw)

    monkeypatch.setattr(translations, "generate_po", counting)
    assert translations.dump(translations.read(data, "en.po"), translations.Rendered(last.made)) == data
    assert rendered == []  # nothing changed: Babel not called at all

    def second(m):
        return translations.active(m)[1]

    changes = {
        "translation": lambda c: setattr(second(c), "string", "A new English text"),
        "flag": lambda c: second(c).flags.add("fuzzy"),
        "translator comment": lambda c: setattr(second(c), "user_comments", ["checked"]),
        "extracted comment": lambda c: setattr(second(c), "auto_comments", ["statement"]),
        "reference": lambda c: setattr(second(c), "locations", [("seeds/other.txt", 9)]),
        "obsolete text": lambda c: setattr(c.obsolete["نص لم يعد في أي مقال"], "string", "Other English"),
        # the same fields as the obsolete entry, active: written without "#~ "
        "active twin": lambda c: c.__setitem__("نص لم يعد في أي مقال", Message("نص لم يعد في أي مقال", "Text no article holds")),
    }
    for name, change in changes.items():
        catalog = translations.read(data, "en.po")
        change(catalog)
        monkeypatch.setattr(translations, "generate_po", real)
        expected = translations.dump(catalog)
        assert expected != data, name
        monkeypatch.setattr(translations, "generate_po", counting)
        rendered.clear()
        assert translations.dump(catalog, translations.Rendered(last.made)) == expected, name
        assert sum(rendered) == 1, name  # the one changed entry
    # A damaged cache value is no texts at all.
    assert translations.dump(translations.read(data, "en.po"), translations.Rendered(b"junk")) == data


def test_broken_catalog_is_one_error_line_and_nothing_is_written(tmp_path):
    tree = tree_with_catalog(tmp_path)
    path = tree / "content" / translations.CATALOG
    path.write_text(path.read_text(encoding="utf-8").replace('msgstr ""\n"Project', 'msgstr ""\nbogus\n"Project', 1), encoding="utf-8")
    out = cli(tree, "build")
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert "error: content/translations/en.po:" in out.stderr and "not a valid PO file" in out.stderr
    assert not (tree / "content" / "events").exists()


def _inputs(tree):
    from generator import pipeline

    result = pipeline.run(tree / "seeds", tree / "content", project=tree)
    return result.articles, result.records
