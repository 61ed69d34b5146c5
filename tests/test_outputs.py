"""Calendar, feeds, open data and JSON-LD (issue 5), read back with real parsers.

The real pipeline runs on a copy of the real seeds; small handmade records cover the
edge cases the seeds do not have (month precision, every status, attendance modes,
hostile text).
"""

from __future__ import annotations

import datetime as dt
import json
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import icalendar
import jsonschema
import pytest

from generator import lexicon, pipeline, record, writer, yamlio
from generator.outputs import atom, ics, meeting_jsonld, opendata, render_outputs
from generator.siteconfig import Site
from support import make_tree, snapshot

SITE_URL = "https://briefing.example.org/"  # siteconfig's default: the tmp tree has no mkdocs.yml
HOST = "briefing.example.org"
SEED_IDS = ["2026-01-03-national-security-advisers-kyiv", "2026-01-05-chiefs-of-general-staff", "2026-01-06-leaders-france"]
SEED_DAYS = {SEED_IDS[0]: dt.date(2026, 1, 3), SEED_IDS[1]: dt.date(2026, 1, 5), SEED_IDS[2]: dt.date(2026, 1, 6)}
OURS = ("calendar/", "feeds/", "data/")
SITE = Site(url=SITE_URL, name="Briefing")
LEX = lexicon.load()


def page(rec_id: str, lang: str) -> str:
    return f"{SITE_URL}{'' if lang == 'ar' else 'en/'}meetings/{rec_id}/"


def build(tree: Path) -> dict[str, bytes]:
    """Run the real pipeline, write content/, and return our files from disk."""
    result = pipeline.run(tree / "seeds", tree / "content", project=tree)
    writer.write(result.plan, tree / "content")
    return {rel: data for rel, data in snapshot(tree / "content" / "pages").items() if rel.startswith(OURS)}


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    return make_tree(tmp_path_factory.mktemp("outputs"))


@pytest.fixture(scope="module")
def files(tree) -> dict[str, bytes]:
    return build(tree)


@pytest.fixture(scope="module")
def records(tree, files) -> list[dict]:
    return [yamlio.load(p.read_text(encoding="utf-8")) for p in sorted((tree / "content" / "events").glob("*.yml"))]


def one_event(data: bytes) -> icalendar.Event:
    cal = icalendar.Calendar.from_ical(data)
    events = cal.walk("VEVENT")
    assert len(events) == 1
    return events[0]


# --- the real seeds ---------------------------------------------------------------


def test_paths(files):
    expected = {f"calendar/{lang}/{i}.ics" for lang in ("ar", "en") for i in SEED_IDS}
    expected |= {"calendar/ar/all.ics", "calendar/en/all.ics", "feeds/atom-ar.xml", "feeds/atom-en.xml", "data/events.json", "data/event.schema.json", "data/events.schema.json"}
    # the narrower feeds and calendars: per country (the seeds' meetings are in Ukraine and France) and per series
    for lang in ("ar", "en"):
        for facet, value in (("country", "ua"), ("country", "fr"), ("series", "coalition-of-the-willing")):
            expected |= {f"feeds/{facet}/{value}-{lang}.xml", f"calendar/{lang}/{facet}/{value}.ics"}
    # and split by year: the seeds' meetings are all in 2026
    expected |= {"calendar/ar/year/2026.ics", "calendar/en/year/2026.ics", "data/events-2026.json"}
    assert set(files) == expected


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_calendar_per_meeting(files, records, lang):
    lex = lexicon.load()
    for rec in records:
        data = files[f"calendar/{lang}/{rec['id']}.ics"]
        assert b"\r\n" in data and data.startswith(b"BEGIN:VCALENDAR\r\n")
        cal = icalendar.Calendar.from_ical(data)
        assert cal["VERSION"] == "2.0" and cal["PRODID"]
        assert rec["title"][lang] in str(cal["X-WR-CALNAME"])
        ev = one_event(data)
        day = SEED_DAYS[rec["id"]]
        # all-day: a DATE (not DATE-TIME), DTEND the day after the last day
        assert type(ev.decoded("DTSTART")) is dt.date and ev.decoded("DTSTART") == day
        assert type(ev.decoded("DTEND")) is dt.date and ev.decoded("DTEND") == day + dt.timedelta(days=1)
        assert f"DTSTART;VALUE=DATE:{day:%Y%m%d}".encode() in data
        assert str(ev["UID"]) == f"{rec['id']}.{lang}@{HOST}"
        assert str(ev["STATUS"]) == "TENTATIVE"  # the seeds' meetings are scheduled, not yet held
        assert str(ev["SUMMARY"]) == rec["title"][lang]
        assert ev["SUMMARY"].params["LANGUAGE"] == lang
        assert page(rec["id"], lang) in str(ev["DESCRIPTION"])
        assert str(ev["URL"]) == page(rec["id"], lang)
        assert [str(c) for c in ev["CATEGORIES"].cats] == [getattr(lex.kind(rec["kind"]).ref, lang)]
        # DTSTAMP: the newest source's dateline (2026-01-02), not the clock
        assert ev.decoded("DTSTAMP") == dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc)
        assert str(ev["TRANSP"]) == "TRANSPARENT"


def test_calendar_locations(files):
    kyiv = {lang: one_event(files[f"calendar/{lang}/{SEED_IDS[0]}.ics"]) for lang in ("ar", "en")}
    assert str(kyiv["en"]["LOCATION"]) == "Kyiv, Ukraine + Online"  # mixed: in Kyiv and online
    assert str(kyiv["ar"]["LOCATION"]) == "كييف، أوكرانيا + عبر الإنترنت"
    assert "LOCATION" not in one_event(files[f"calendar/en/{SEED_IDS[1]}.ics"])  # no source names a place
    assert str(one_event(files[f"calendar/en/{SEED_IDS[2]}.ics"])["LOCATION"]) == "France"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_calendar_all(files, lang):
    data = files[f"calendar/{lang}/all.ics"]
    cal = icalendar.Calendar.from_ical(data)
    assert str(cal["X-WR-CALNAME"]) == ("Briefing — الاجتماعات" if lang == "ar" else "Briefing — Meetings")
    events = cal.walk("VEVENT")
    assert [(e.decoded("DTSTART"), e.decoded("DTEND")) for e in events] == [
        (dt.date(2026, 1, 3), dt.date(2026, 1, 4)),
        (dt.date(2026, 1, 5), dt.date(2026, 1, 6)),
        (dt.date(2026, 1, 6), dt.date(2026, 1, 7)),
    ]
    # the same UID as the single-meeting file: subscribing and importing agree
    assert [str(e["UID"]) for e in events] == [str(one_event(files[f"calendar/{lang}/{i}.ics"])["UID"]) for i in SEED_IDS]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_atom(files, records, lang):
    data = files[f"feeds/atom-{lang}.xml"]
    feed = feedparser.parse(data)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert ET.fromstring(data).get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    assert feed.feed.language == lang
    assert feed.feed.link == (SITE_URL if lang == "ar" else SITE_URL + "en/")
    assert feed.feed.updated == "2026-01-02T00:00:00Z"
    entries = feed.entries
    # newest first: all three were last reported on 2026-01-02, so the later meeting leads
    assert [e.link for e in entries] == [page(i, lang) for i in reversed(SEED_IDS)]
    assert [e.updated_parsed for e in entries] == sorted((e.updated_parsed for e in entries), reverse=True)
    titles = {r["id"]: r["title"][lang] for r in records}
    kinds = {r["id"]: r["kind"] for r in records}
    prefix = f"tag:{HOST},"
    for entry, rec_id in zip(entries, reversed(SEED_IDS)):
        assert entry.title == titles[rec_id]
        assert entry.id == f"{prefix}{rec_id[:10]}:{'' if lang == 'ar' else 'en/'}meetings/{rec_id}"
        assert entry.published == entry.updated == "2026-01-02T00:00:00Z"
        assert entry.tags[0].term == kinds[rec_id]
    assert len({e.id for e in entries}) == 3


def test_open_data(tree, files, records):
    data = files["data/events.json"]
    published = json.loads(data)
    assert published == records  # same content and order as content/events/*.yml
    assert [r["id"] for r in published] == SEED_IDS
    assert data == (json.dumps(records, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")
    assert "اجتماع".encode("utf-8") in data  # not \u-escaped
    schema_bytes = files["data/event.schema.json"]
    assert schema_bytes == record.SCHEMA_PATH.read_bytes()
    validator = jsonschema.Draft202012Validator(json.loads(schema_bytes), format_checker=jsonschema.FormatChecker())
    for rec in published:
        validator.validate(rec)
    broken = {**published[0], "status": "rumoured"}
    assert not validator.is_valid(broken)  # the published schema does constrain


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_jsonld_seeds(records, lang):
    docs = {r["id"]: json.loads(meeting_jsonld(r, lang, SITE, LEX)) for r in records}
    for rec in records:
        doc = docs[rec["id"]]
        assert doc["@context"] == "https://schema.org" and doc["@type"] == "Event"
        assert doc["name"] == rec["title"][lang]
        assert doc["url"] == page(rec["id"], lang)
        assert doc["inLanguage"] == lang
        assert doc["startDate"] == doc["endDate"] == SEED_DAYS[rec["id"]].isoformat()
        assert doc["eventStatus"] == "https://schema.org/EventScheduled"
    kyiv, chiefs, france = (docs[i] for i in SEED_IDS)
    assert kyiv["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, online = kyiv["location"]
    assert place["@type"] == "Place" and place["address"]["addressCountry"] == "UA"
    assert place["address"]["addressLocality"] == ("كييف" if lang == "ar" else "Kyiv")
    assert online["@type"] == "VirtualLocation"
    assert kyiv["superEvent"]["@type"] == "EventSeries"
    assert "location" not in chiefs and "eventAttendanceMode" not in chiefs  # nothing invented
    assert chiefs["organizer"] == {"@type": "Organization", "name": "أوكرانيا" if lang == "ar" else "Ukraine"}
    assert france["location"]["address"] == {"@type": "PostalAddress", "addressCountry": "FR"}


def test_byte_identical_across_runs(tmp_path, files, monkeypatch):
    """A fresh tree, another time zone: the same bytes; and a rebuild changes nothing."""
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    time.tzset()
    try:
        other = build(make_tree(tmp_path / "again"))
    finally:
        monkeypatch.undo()
        time.tzset()
    assert other == files
    tree = tmp_path / "again"
    result = pipeline.run(tree / "seeds", tree / "content", project=tree)
    changes = writer.diff(result.plan, tree / "content")
    assert not changes.written and not changes.removed


# --- handmade records ---------------------------------------------------------------


def make(rec_id="2026-03-10-foreign-ministers-berlin", **fields) -> dict:
    rec = {
        "id": rec_id,
        "kind": "foreign-ministers",
        "title": {"ar": "اجتماع وزراء الخارجية في برلين", "en": "Foreign ministers' meeting in Berlin"},
        "date": {"start": "2026-03-10", "end": "2026-03-10", "precision": "day"},
        "place": {"city": {"id": "berlin", "ar": "برلين", "en": "Berlin"}, "country": {"code": "DE", "ar": "ألمانيا", "en": "Germany"}},
        "attendance": None,
        "status": "scheduled",
        "series": None,
        "host": None,
        "participants": [],
        "participant_count": None,
        "topics": [],
        "statements": [],
        "sources": [{"seed": "a.txt", "published": "2026-03-01", "status": "scheduled"}],
        "evidence": {},
        "conflicts": [],
        "corrections": [],
    }
    rec.update(fields)
    assert record.validate(rec, "handmade") == []
    return rec


def render(*recs, site=SITE) -> dict[str, bytes]:
    return render_outputs(list(recs), lexicon.load(), site)


HOSTILE = "</script><b>&amp; & <!-- ]]> \"'"


def test_hostile_text_is_data():
    rec = make(
        title={"ar": f"اجتماع {HOSTILE}", "en": f"Meeting {HOSTILE}"},
        statements=[{"speaker": "zelensky", "kind": "direct", "text": {"ar": HOSTILE, "en": HOSTILE}, "source": "a.txt", "sentence": 1}],
        host={"id": "x-host", "ar": "</script>", "en": "</script>"},
    )
    for lang in ("ar", "en"):
        text = meeting_jsonld(rec, lang, SITE, LEX)
        assert "</script>" not in text and "<" not in text and ">" not in text and "&" not in text
        assert "\\u003c/script\\u003e" in text
        doc = json.loads(text)
        assert doc["name"] == rec["title"][lang] and doc["organizer"]["name"] == "</script>"
    out = render(rec)
    for lang in ("ar", "en"):
        feed = feedparser.parse(out[f"feeds/atom-{lang}.xml"])
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.entries[0].title == rec["title"][lang]
        assert b"</script>" not in out[f"feeds/atom-{lang}.xml"]
        assert str(one_event(out[f"calendar/{lang}/{rec['id']}.ics"])["SUMMARY"]) == rec["title"][lang]
    assert json.loads(out["data/events.json"]) == [rec]


def test_characters_xml_forbids_are_dropped_from_atom():
    rec = make(title={"ar": "اجتماع\x0b\x00", "en": "Meeting\x0b\x1f here"})
    feed = feedparser.parse(render(rec)["feeds/atom-en.xml"])
    assert not feed.bozo and feed.entries[0].title == "Meeting here"


def test_month_precision():
    """The day is not known: all-day across the month in calendars, YYYY-MM in JSON-LD."""
    rec = make("2026-03-foreign-ministers-berlin", date={"start": "2026-03-01", "end": "2026-03-31", "precision": "month"})
    out = render(rec)
    for lang in ("ar", "en"):
        ev = one_event(out[f"calendar/{lang}/{rec['id']}.ics"])
        assert ev.decoded("DTSTART") == dt.date(2026, 3, 1) and ev.decoded("DTEND") == dt.date(2026, 4, 1)
        assert str(ev["TRANSP"]) == "TRANSPARENT"
        doc = json.loads(meeting_jsonld(rec, lang, SITE, LEX))
        assert (doc["startDate"], doc["endDate"]) == ("2026-03", "2026-03")
    assert "March 2026 (day not stated, month only)" in str(one_event(out[f"calendar/en/{rec['id']}.ics"])["DESCRIPTION"])
    assert "10" not in feedparser.parse(out["feeds/atom-en.xml"]).entries[0].summary


def test_range_ends_the_day_after_the_last_day():
    rec = make("2026-04-10-technical-talks-munich", kind="technical-talks", date={"start": "2026-04-10", "end": "2026-04-12", "precision": "day"})
    ev = one_event(render(rec)[f"calendar/en/{rec['id']}.ics"])
    assert (ev.decoded("DTSTART"), ev.decoded("DTEND")) == (dt.date(2026, 4, 10), dt.date(2026, 4, 13))
    assert json.loads(meeting_jsonld(rec, "en", SITE, LEX))["endDate"] == "2026-04-12"


@pytest.mark.parametrize(
    ("status", "ics_status", "prefix", "schema_status"),
    [
        ("announced", "TENTATIVE", None, "EventScheduled"),
        ("scheduled", "TENTATIVE", None, "EventScheduled"),
        ("held", "CONFIRMED", None, "EventScheduled"),
        ("postponed", "TENTATIVE", "Postponed: ", "EventPostponed"),
        ("cancelled", "CANCELLED", "Cancelled: ", "EventCancelled"),
    ],
)
def test_status(status, ics_status, prefix, schema_status):
    rec = make(status=status)
    ev = one_event(render(rec)[f"calendar/en/{rec['id']}.ics"])
    assert str(ev["STATUS"]) == ics_status
    assert str(ev["SUMMARY"]) == (prefix or "") + rec["title"]["en"]
    assert json.loads(meeting_jsonld(rec, "en", SITE, LEX))["eventStatus"] == "https://schema.org/" + schema_status


@pytest.mark.parametrize(
    ("attendance", "place", "mode", "types"),
    [
        ("in_person", True, "OfflineEventAttendanceMode", ["Place"]),
        ("online", False, "OnlineEventAttendanceMode", ["VirtualLocation"]),
        ("online", True, "OnlineEventAttendanceMode", ["Place", "VirtualLocation"]),
        ("mixed", True, "MixedEventAttendanceMode", ["Place", "VirtualLocation"]),
        (None, True, None, ["Place"]),
        (None, False, None, []),
    ],
)
def test_attendance_and_location(attendance, place, mode, types):
    rec = make(attendance=attendance, place=make()["place"] if place else {"city": None, "country": None})
    doc = json.loads(meeting_jsonld(rec, "en", SITE, LEX))
    assert doc.get("eventAttendanceMode") == (mode and "https://schema.org/" + mode)
    location = doc.get("location", [])
    location = location if isinstance(location, list) else [location]
    assert [loc["@type"] for loc in location] == types


def test_person_organizer():
    rec = make(host={"id": "zelensky", "ar": "فولوديمير زيلينسكي", "en": "Volodymyr Zelensky"})
    assert json.loads(meeting_jsonld(rec, "en", SITE, LEX))["organizer"] == {"@type": "Person", "name": "Volodymyr Zelensky"}


def test_dates_come_from_sources_not_the_clock():
    several = make(sources=[
        {"seed": "a.txt", "published": "2026-02-20", "status": "announced"},
        {"seed": "b.txt", "published": None, "status": "scheduled"},
        {"seed": "c.txt", "published": "2026-03-02", "status": "scheduled"},
    ])
    undated = make("2026-05-01-foreign-ministers-berlin", date={"start": "2026-05-01", "end": "2026-05-01", "precision": "day"},
                   sources=[{"seed": "a.txt", "published": None, "status": "scheduled"}])
    out = render(several, undated)
    assert one_event(out[f"calendar/en/{several['id']}.ics"]).decoded("DTSTAMP") == dt.datetime(2026, 3, 2, tzinfo=dt.timezone.utc)
    assert one_event(out[f"calendar/en/{undated['id']}.ics"]).decoded("DTSTAMP") == dt.datetime(2026, 5, 1, tzinfo=dt.timezone.utc)
    entries = {e.link: e for e in feedparser.parse(out["feeds/atom-en.xml"]).entries}
    first = entries[page(several["id"], "en")]
    assert (first.published, first.updated) == ("2026-02-20T00:00:00Z", "2026-03-02T00:00:00Z")
    second = entries[page(undated["id"], "en")]
    assert second.published == second.updated == "2026-05-01T00:00:00Z"


def test_feed_order_newest_first():
    old = make("2026-03-10-foreign-ministers-berlin", sources=[{"seed": "a.txt", "published": "2026-03-01", "status": "scheduled"}])
    fresh = make("2026-02-01-foreign-ministers-berlin", date={"start": "2026-02-01", "end": "2026-02-01", "precision": "day"},
                 sources=[{"seed": "b.txt", "published": "2026-03-05", "status": "held"}])
    feed = feedparser.parse(render(old, fresh)["feeds/atom-en.xml"])
    assert [e.link for e in feed.entries] == [page(fresh["id"], "en"), page(old["id"], "en")]
    assert feed.feed.updated == "2026-03-05T00:00:00Z"


def _meetings(n: int) -> list[dict]:
    """``n`` meetings on distinct days across two years, each reported on its own day."""
    out = []
    for i in range(n):
        day = dt.date(2026, 11, 1) + dt.timedelta(days=i)
        iso = day.isoformat()
        out.append(make(f"{iso}-foreign-ministers-berlin", date={"start": iso, "end": iso, "precision": "day"},
                        sources=[{"seed": f"{i:03d}.txt", "published": iso, "status": "held"}], status="held"))
    return out


def test_feeds_hold_the_latest_entries_only():
    recs = _meetings(atom.LATEST + 7)
    out = render(*recs)
    for path in ("feeds/atom-en.xml", "feeds/country/de-en.xml"):
        links = [e.link for e in feedparser.parse(out[path]).entries]
        newest = [page(r["id"], "en") for r in reversed(recs)][: atom.LATEST]
        assert links == newest, path  # the newest fifty, newest first; the seven oldest left out


def test_a_subsets_feed_is_its_own_newest_first_ties_by_id():
    # Many meetings reported on the same few days, in two countries: each feed holds
    # the same order ``atom.order`` gives its own records (newest report, then latest
    # start, then id), whatever order the records come in.
    recs = []
    for i in range(70):
        day = (dt.date(2027, 1, 1) + dt.timedelta(days=i % 9)).isoformat()
        reported = (dt.date(2026, 12, 20) + dt.timedelta(days=i % 4)).isoformat()
        rec_id = f"{day}-foreign-ministers-{'berlin' if i % 3 else 'paris'}-{i:02d}"
        place = ({"city": {"id": "berlin", "ar": "برلين", "en": "Berlin"}, "country": {"code": "DE", "ar": "ألمانيا", "en": "Germany"}} if i % 3
                 else {"city": {"id": "paris", "ar": "باريس", "en": "Paris"}, "country": {"code": "FR", "ar": "فرنسا", "en": "France"}})
        recs.append(make(rec_id, date={"start": day, "end": day, "precision": "day"}, place=place,
                         sources=[{"seed": f"{i:03d}.txt", "published": reported, "status": "scheduled"}]))
    shuffled = recs[::-1][::2] + recs[::-1][1::2]
    out = render(*shuffled)
    for path, code in (("feeds/country/de-en.xml", "DE"), ("feeds/country/fr-en.xml", "FR"), ("feeds/atom-en.xml", None)):
        subset = [r for r in recs if code is None or r["place"]["country"]["code"] == code]
        want = [page(r["id"], "en") for r in atom.order(subset)][: atom.LATEST]
        assert [e.link for e in feedparser.parse(out[path]).entries] == want, path


def test_calendars_and_open_data_by_year_with_the_whole_kept():
    recs = _meetings(90)  # 1 November 2026 to 29 January 2027
    out = render(*recs)
    years = {"2026": [r for r in recs if r["date"]["start"] < "2027"], "2027": [r for r in recs if r["date"]["start"] >= "2027"]}
    assert len(years["2026"]) == 61 and len(years["2027"]) == 29
    for lang in ("ar", "en"):
        whole = icalendar.Calendar.from_ical(out[f"calendar/{lang}/all.ics"])
        assert len(whole.walk("VEVENT")) == 90
        for year, expected in years.items():
            cal = icalendar.Calendar.from_ical(out[f"calendar/{lang}/year/{year}.ics"])
            assert [str(e["UID"]) for e in cal.walk("VEVENT")] == [f"{r['id']}.{lang}@briefing.example.org" for r in expected]
            assert year in str(cal["X-WR-CALNAME"])
    assert json.loads(out["data/events.json"]) == recs
    for year, expected in years.items():
        assert json.loads(out[f"data/events-{year}.json"]) == expected
    assert not any(k.startswith("data/events-2025") for k in out)


def test_joined_calendar_is_the_librarys_own_bytes():
    # The calendars are joined from each event's serialised bytes (so an event is
    # serialised once, not once per calendar it is in); the library, given the
    # components, must write exactly the same file.
    recs = _meetings(3)
    lex = lexicon.load()
    events = [ics.event(r, "en", lex, SITE) for r in recs]
    joined = ics.calendar([e.to_ical() for e in events], "All", "en", SITE, subscribed=True)
    cal = icalendar.Calendar.from_ical(ics.calendar([], "All", "en", SITE, subscribed=True))
    for e in events:
        cal.add_component(e)
    assert joined == cal.to_ical()
    assert joined.count(b"BEGIN:VEVENT") == 3 and joined.endswith(b"END:VCALENDAR\r\n")


def test_events_json_is_joined_byte_for_byte():
    recs = _meetings(3)
    assert opendata.events_json(recs) == (json.dumps(recs, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    assert opendata.events_json([]) == b"[]\n"


def test_site_under_a_path():
    site = Site(url="https://example.org/briefing/", name="B")
    rec = make()
    out = render(rec, site=site)
    entry = feedparser.parse(out["feeds/atom-en.xml"]).entries[0]
    assert entry.link == "https://example.org/briefing/en/meetings/2026-03-10-foreign-ministers-berlin/"
    assert entry.id == "tag:example.org,2026-03-10:briefing/en/meetings/2026-03-10-foreign-ministers-berlin"
    assert str(one_event(out[f"calendar/ar/{rec['id']}.ics"])["UID"]) == f"{rec['id']}.ar@example.org"
    assert json.loads(meeting_jsonld(rec, "ar", site, LEX))["url"] == "https://example.org/briefing/meetings/2026-03-10-foreign-ministers-berlin/"


def test_no_meetings():
    out = render()
    assert json.loads(out["data/events.json"]) == []
    feed = feedparser.parse(out["feeds/atom-en.xml"])
    assert not feed.bozo and feed.entries == []
    assert icalendar.Calendar.from_ical(out["calendar/en/all.ics"]).walk("VEVENT") == []
