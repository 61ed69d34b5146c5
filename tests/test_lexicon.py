"""The lexicon is data with a schema: bad entries are reported by file and place."""

from __future__ import annotations

import shutil

import pytest

from generator import lexicon
from generator.errors import GeneratorError


@pytest.fixture
def lex_dir(tmp_path):
    target = tmp_path / "lexicon"
    shutil.copytree(lexicon.LEXICON_DIR, target)
    return target


def test_shipped_lexicon_loads_with_cldr_countries():
    lex = lexicon.load()
    assert {"national-security-advisers", "chiefs-of-general-staff", "leaders", "defence-ministers", "foreign-ministers",
            "energy-ministers", "technical-talks"} <= {k.ref.id for k in lex.kinds}
    countries = {c.ref.id: c.ref for c in lex.countries}
    assert countries["fr"].ar == "فرنسا" and countries["fr"].en == "France"
    assert lexicon.country("UA") == {"code": "UA", "ar": "أوكرانيا", "en": "Ukraine"}
    # each country's own pattern, compiled only if used, matches its forms with clitics
    france = next(c for c in lex.countries if c.ref.id == "fr")
    assert france.pattern.search("وصل الوفد إلى فرنسا أمس") and france.pattern.match("وفرنسا", 0)
    assert not france.pattern.search("وصل الوفد إلى ألمانيا")
    assert [m.group(0) for m in france.pattern.finditer("فرنسا ثم بفرنسا")] == ["فرنسا", "بفرنسا"]


def test_every_problem_is_reported_with_file_and_place(lex_dir):
    (lex_dir / "cities.yml").write_text("- {id: Bad Id, en: X, ar: س, forms: [س]}\n- {id: ok, en: Y, ar: ص, country: XX1, forms: []}\n", encoding="utf-8")
    (lex_dir / "topics.yml").write_text("- {id: a, en: A, ar: أ, forms: [أ]\n", encoding="utf-8")
    with pytest.raises(GeneratorError) as info:
        lexicon.load(lex_dir)
    lines = [str(p) for p in info.value.problems]
    assert any(line.startswith(f"{lex_dir / 'cities.yml'}:0/id:") for line in lines)
    assert any(line.startswith(f"{lex_dir / 'cities.yml'}:0:") and "'country' is a required property" in line for line in lines)
    assert any(line.startswith(f"{lex_dir / 'cities.yml'}:1/forms:") for line in lines)
    assert any(line.startswith(f"{lex_dir / 'topics.yml'}:") and "not valid YAML" in line for line in lines)


def test_duplicate_ids_are_reported(lex_dir):
    with (lex_dir / "topics.yml").open("a", encoding="utf-8") as handle:
        handle.write("- {id: sanctions, en: Sanctions again, ar: عقوبات, forms: [عقوبات]}\n")
    with pytest.raises(GeneratorError, match="duplicate id 'sanctions'"):
        lexicon.load(lex_dir)


def test_city_country_must_be_a_code_cldr_knows(lex_dir):
    with (lex_dir / "cities.yml").open("a", encoding="utf-8") as handle:
        handle.write("- {id: edinburgh, en: Edinburgh, ar: إدنبرة, country: UK, forms: [إدنبرة]}\n")
    with pytest.raises(GeneratorError) as info:
        lexicon.load(lex_dir)
    assert any("'UK' is not an ISO 3166 country code CLDR knows" in str(p) for p in info.value.problems)


def test_a_missing_file_is_named(lex_dir):
    (lex_dir / "series.yml").unlink()
    with pytest.raises(GeneratorError) as info:
        lexicon.load(lex_dir)
    assert [str(p) for p in info.value.problems] == [f"{lex_dir / 'series.yml'}: lexicon file missing"]


def test_a_lexicon_given_back_is_taken_as_it_is_and_a_bad_file_is_still_checked(tmp_path, lex_dir):
    """``load(built=...)``: what the build cache does with the lexicon, keeping it
    pickled. Files with the bytes seen before are not read again: the lexicon pickled
    then is taken, and extracts what the one made from the files extracts; any other
    bytes are checked, and a problem found is raised, not stored."""
    import pickle

    from generator import extract
    from generator.reader import parse_article

    store, made = {}, []

    def built(files, make):
        if files not in store:
            made.append([name for name, _ in files])
            store[files] = pickle.dumps(make(), protocol=pickle.HIGHEST_PROTOCOL)
        return pickle.loads(store[files])

    first = lexicon.load(lex_dir, built=built)
    twin = tmp_path / "twin"
    shutil.copytree(lex_dir, twin)
    second = lexicon.load(twin, built=built)
    assert len(made) == 1 and made[0] == list(lexicon.FILES)
    assert second is not first and lexicon.load(twin) is second  # one lexicon per folder and process
    for table in ("kinds", "cities", "actors", "people", "series", "topics", "countries"):
        assert [(e.ref, e.pattern.pattern, e.extra) for e in getattr(first, table)] == [(e.ref, e.pattern.pattern, e.extra) for e in getattr(second, table)]
    assert [f.id for f in first.formats] == [f.id for f in second.formats] and first.cues.keys() == second.cues.keys()
    # what each extracts from an article that uses its tables, cues, dates and places
    text = (
        "date 2026-03-02\n"
        "أعلنت وزارة الخارجية أن وزراء خارجية الدول العربية سيعقدون اجتماعا طارئا في القاهرة يوم 9 آذار الجاري لبحث الأمن الغذائي.\n\n"
        "وقال الأمين العام إن خمس عشرة دولة ستشارك في الاجتماع، فيما ينضم الوفد الفرنسي عبر الفيديو.\n"
    )
    article = parse_article("one.txt", text.encode("utf-8"))
    got, want = extract.extract(article, second), extract.extract(article, lexicon.load(lex_dir))
    assert got and repr(got) == repr(want)
    bad = tmp_path / "bad"
    shutil.copytree(lex_dir, bad)
    with (bad / "topics.yml").open("a", encoding="utf-8") as handle:
        handle.write("- {id: sanctions, en: Sanctions again, ar: عقوبات, forms: [عقوبات]}\n")
    with pytest.raises(GeneratorError, match="duplicate id 'sanctions'"):
        lexicon.load(bad, built=built)
    assert len(made) == 2 and len(store) == 1
