"""The gazetteer and the rules that keep words that happen to be towns from becoming venues."""

from __future__ import annotations

import pytest

from generator import lexicon
from generator.extract import where
from generator.textnorm import fold


def city(lex, name):
    c = lex.places.by_form.get(fold(name))
    return None if c is None else (c.id, c.country)


def test_geonames_cities_with_arabic_names(lex):
    assert city(lex, "المنامة") == ("manama", "BH")
    assert city(lex, "أديس أبابا") == ("addis-ababa", "ET")
    assert city(lex, "مسقط") == ("muscat", "OM")
    assert len(lex.places.by_form) > 5000  # GeoNames, not a hand list


def test_most_populous_namesake_wins(lex):
    assert city(lex, "باريس") == ("paris", "FR")  # not Paris, Texas
    assert city(lex, "جنيف") == ("geneva", "CH")  # not Geneva, Illinois


def test_lexicon_overrides_geonames(lex):
    # GeoNames' Arabic "واشنطن" is a small town; the lexicon names the capital, with its coordinates.
    assert city(lex, "واشنطن") == ("washington", "US")
    lat, lon = lex.places.coordinates("washington")
    assert (round(lat), round(lon)) == (39, -77)
    assert city(lex, "البيت الأبيض") == ("washington", "US")  # a venue that stands for its city
    assert lex.places.coordinates("davos") == (46.8027, 9.836)  # below GeoNames' size, given by the lexicon
    # GeoNames' most populous «بيت لحم» is in Pennsylvania; Arabic news means the West Bank town
    assert city(lex, "بيت لحم") == ("bethlehem", "PS")
    lat, lon = lex.places.coordinates("bethlehem")
    assert (round(lat), round(lon)) == (32, 35)


def test_short_forms_are_words_not_towns(lex):
    assert city(lex, "دبي") == ("dubai", "AE")  # three letters: only because the lexicon names it
    named = {e.ref.id for e in lex.cities}
    short = {f: c.id for f, c in lex.places.by_form.items() if len(f.replace(" ", "")) <= 3}
    assert set(short.values()) <= named, short
    assert city(lex, "كيف") is None  # "how": not even the lexicon may make it Kyiv


def test_words_countries_months_and_weekdays_are_not_towns(lex):
    for word in ("الحرية", "الخميس", "تونس", "الجزائر", "مايو", "السبت"):
        assert city(lex, word) is None, word


def test_no_persian_or_urdu_spellings(lex):
    assert not any(ch in form for form in lex.places.by_form for ch in "پچژگکیہۃےٹڈڑ")


def venues(lex, text, triggers=()):
    return [((v.city.id if v.city else None), v.country) for v in where.find(fold(text), lex, list(triggers))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("يجتمعون في بيروت", [("beirut", "LB")]),
        ("بالعاصمة البلجيكية بروكسل", [("brussels", "BE")]),
        ("العاصمة الدوحة ستستضيف", [("doha", "QA")]),
        ("تستضيف الدوحة", [("doha", "QA")]),
        ("كييف تستضيف", [("kyiv", "UA")]),
        ("يزور لبنان", [(None, "LB")]),
        ("في أديس أبابا بإثيوبيا", [("addis-ababa", "ET")]),
        ("في دولة الإمارات العربية المتحدة", [(None, "AE")]),
        # not a venue's position
        ("الضمانات الأمنية لأوكرانيا", []),
        ("إنهاء الحرب في غزة", []),
        ("الوضع في السودان", []),
        ("قال مسؤول من بيروت", []),
        ("بيروت مدينة جميلة", []),
    ],
)
def test_only_a_venues_position_makes_a_venue(lex, text, expected):
    assert venues(lex, text) == expected


def test_a_meeting_word_right_before_a_city_makes_it_the_venue(lex):
    text = fold("قمة شرم الشيخ")
    assert venues(lex, "قمة شرم الشيخ", [(0, 3)]) == [("sharm-el-sheikh", "EG")]
    assert venues(lex, "شرم الشيخ") == []
    assert text.startswith("قمة")


def test_the_gazetteer_loads_once(lex):
    assert lexicon.load() is lex and lexicon.load().places is lex.places


def test_the_gazetteer_as_the_build_cache_keeps_it_is_the_same_gazetteer(lex):
    """``plain()`` is how the build cache stores the gazetteer (marshal); ``from_plain``
    gives back one with the same cities under every form and id, one object per city
    whichever table names it. A value of any other shape gives None (built again)."""
    import marshal

    from generator import gazetteer

    built = lex.places.get()
    back = gazetteer.Gazetteer.from_plain(marshal.loads(marshal.dumps(built.plain())))
    for table in ("by_form", "by_id", "short"):
        mine, theirs = getattr(built, table), getattr(back, table)
        assert len(theirs) == len(mine) > 0 and list(theirs) == list(mine), table
        assert all(theirs[k] == mine[k] for k in mine), table
        assert "no such place" not in theirs and theirs.get("no such place") is None
    assert back.by_form[fold("باريس")] is back.by_id["paris"]
    assert back.coordinates("davos") == built.coordinates("davos") and back.coordinates("nowhere") is None
    fields, rows, *tables = built.plain()
    for bad in (None, (), "x", (fields[:-1], rows, *tables), (fields, tuple(rows), *tables), (fields, [rows[0][:-1], *rows[1:]], *tables), (fields, rows, *tables[:2], []), (fields, rows, *tables, {})):
        assert gazetteer.Gazetteer.from_plain(bad) is None
