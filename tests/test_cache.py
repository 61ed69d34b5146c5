"""The build cache only costs or saves time: it never changes a byte of content/.

Each step below changes the inputs the way an editor does, builds with the cache
(warm from the steps before) and compares the whole content/ tree with a build of
the same inputs in a fresh folder with the cache turned off.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
from array import array
import shutil
import sqlite3
from pathlib import Path

import pytest
import yaml

from generator import build, cache
from support import make_tree, snapshot
from synthetic import write_corpus

EDITOR_FOLDERS = ("translations", "corrections", "editorial")


def _build(tree: Path, monkeypatch, cached: bool) -> build.Outcome:
    monkeypatch.setenv("BRIEFING_CACHE", "on" if cached else "off")
    return build.run(tree, tree / "seeds", tree / "content")


def _inputs_copy(tree: Path, dest: Path) -> Path:
    shutil.copytree(tree / "seeds", dest / "seeds")
    if (tree / "mkdocs.yml").is_file():
        shutil.copy(tree / "mkdocs.yml", dest / "mkdocs.yml")
    for name in EDITOR_FOLDERS:
        if (tree / "content" / name).is_dir():
            shutil.copytree(tree / "content" / name, dest / "content" / name)
    return dest


def _same_as_uncached(tree: Path, tmp_path: Path, monkeypatch, step: str) -> build.Outcome:
    """Build ``tree`` with the cache; assert content/ equals an uncached build of the same inputs."""
    reference = _inputs_copy(tree, tmp_path / f"reference-{step}")
    done = _build(tree, monkeypatch, cached=True)
    _build(reference, monkeypatch, cached=False)
    got, want = snapshot(tree / "content"), snapshot(reference / "content")
    assert sorted(got) == sorted(want), step
    differing = [rel for rel in want if got[rel] != want[rel]]
    assert not differing, f"{step}: {differing[:5]}"
    return done


def _move_meeting(seed: Path, days: int = 1) -> None:
    """Move the meeting the seed's lead dates ``days`` later (its first «يوم N»)."""
    dateline, lead, rest = seed.read_text(encoding="utf-8").split("\n", 2)
    lead = re.sub(r"يوم (\d+)", lambda m: f"يوم {int(m.group(1)) + days}", lead, count=1)
    seed.write_text(f"{dateline}\n{lead}\n{rest}", encoding="utf-8")


def _translate(po: Path, arabic_start: str, english: str) -> None:
    text = po.read_text(encoding="utf-8")
    pattern = re.compile(r'(msgid "' + re.escape(arabic_start) + r'[^"]*"\nmsgstr )""')
    new, n = pattern.subn(lambda m: m.group(1) + '"' + english + '"', text, count=1)
    assert n == 1, arabic_start
    po.write_text(new, encoding="utf-8")


@pytest.fixture
def tree(tmp_path):
    project = make_tree(tmp_path / "project")
    write_corpus(project / "seeds", 25)
    return project


def test_cached_builds_equal_uncached_ones_through_an_editors_changes(tree, tmp_path, monkeypatch):
    first = _same_as_uncached(tree, tmp_path, monkeypatch, "cold")
    assert first.written and not first.skipped
    assert (tree / cache.FILE).is_file()

    again = _same_as_uncached(tree, tmp_path, monkeypatch, "nothing-changed")
    assert again.skipped and not again.written and again.records == first.records

    # an article's first sentence names it on every page citing it, and its date moves the meeting
    seed = tree / "seeds" / "703_synthetic.txt"
    dateline, lead, rest = seed.read_text(encoding="utf-8").split("\n", 2)
    lead = re.sub(r"يوم (\d+)", lambda m: f"يوم {int(m.group(1)) + 1}", "وقد " + lead, count=1)
    seed.write_text(f"{dateline}\n{lead}\n{rest}", encoding="utf-8")
    done = _same_as_uncached(tree, tmp_path, monkeypatch, "article-edited")
    assert done.written and not done.skipped

    # an article gains a title: its meeting's record is the same, the pages citing it are not
    seed = tree / "seeds" / "704_synthetic.txt"
    dateline, rest = seed.read_text(encoding="utf-8").split("\n", 1)
    seed.write_text(f"---\ntitle: عنوان جديد للمقال\ndate: {dateline.split()[1]}\n---\n{rest}", encoding="utf-8")
    done = _same_as_uncached(tree, tmp_path, monkeypatch, "titled")
    assert not any(rel.startswith("events/") for rel in done.written) and any(rel.startswith("pages/meetings/") for rel in done.written)

    # a new meeting of the coalition's series: its neighbours' pages list it
    (tree / "seeds" / "799_series.txt").write_text(
        "date 2026-01-20\nمن المقرر أن يعقد اجتماع وزراء الخارجية في باريس يوم 24 يناير 2026 ضمن مسار تحالف الراغبين.\n", encoding="utf-8"
    )
    _same_as_uncached(tree, tmp_path, monkeypatch, "series-member-added")

    # the same bytes under another name: another article (its name is in its pages and records)
    shutil.copy(tree / "seeds" / "705_synthetic.txt", tree / "seeds" / "798_copy.txt")
    _same_as_uncached(tree, tmp_path, monkeypatch, "article-copied")

    # an article removed
    (tree / "seeds" / "710_synthetic.txt").unlink()
    _same_as_uncached(tree, tmp_path, monkeypatch, "article-removed")

    # a translator fills in an entry: English pages quoting it change
    _translate(tree / "content" / "translations" / "en.po", "وسيحضر الاجتماع", "Also attending: a test translation.")
    done = _same_as_uncached(tree, tmp_path, monkeypatch, "translated")
    assert any(rel.endswith(".en.md") for rel in done.written)

    # a correction file
    rid = sorted((tree / "content" / "events").glob("*.yml"))[3].stem
    (tree / "content" / "corrections").mkdir(exist_ok=True)
    (tree / "content" / "corrections" / f"{rid}.yml").write_text(
        "- field: status\n  value: cancelled\n  reason: The ministry called it off.\n", encoding="utf-8"
    )
    done = _same_as_uncached(tree, tmp_path, monkeypatch, "corrected")
    assert f"events/{rid}.yml" in done.written

    # the site moves, then is renamed: every address, feed and calendar (their heads too) follows
    (tree / "mkdocs.yml").write_text("site_url: https://desk.example.org/b/\n", encoding="utf-8")
    done = _same_as_uncached(tree, tmp_path, monkeypatch, "site-moved")
    assert "pages/calendar/en/all.ics" in done.written
    assert b"desk.example.org/b/" in (tree / "content" / "pages" / "calendar" / "ar" / "all.ics").read_bytes()
    (tree / "mkdocs.yml").write_text("site_name: Desk Two\nsite_url: https://desk.example.org/b/\n", encoding="utf-8")
    done = _same_as_uncached(tree, tmp_path, monkeypatch, "site-renamed")
    assert "pages/calendar/en/all.ics" in done.written


def test_a_corrupt_cache_costs_time_only(tree, tmp_path, monkeypatch):
    _build(tree, monkeypatch, cached=True)
    before = snapshot(tree / "content")
    db = tree / cache.FILE
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    db.write_bytes(b"not a database at all" * 100)
    (tree / "seeds" / "705_synthetic.txt").unlink()  # so the build has work to do
    _same_as_uncached(tree, tmp_path, monkeypatch, "corrupt")
    assert snapshot(tree / "content") != before
    sqlite3.connect(db).execute("SELECT COUNT(*) FROM entries").fetchone()  # rebuilt as a real cache


def test_a_damaged_value_is_a_miss(tree, tmp_path, monkeypatch):
    # Damage SQLite cannot see (a flipped byte inside a stored page or pickle) is
    # caught by each value's checksum: the value is made again, never used.
    _build(tree, monkeypatch, cached=True)
    with sqlite3.connect(tree / cache.FILE) as db:
        # as a BLOB: SQLite's || makes text, which the driver would refuse to read at all
        db.execute("UPDATE entries SET value = CAST(substr(value, 1, 20) || X'00FF00' || substr(value, 24) AS BLOB)")
        assert db.execute("SELECT COUNT(*) FROM entries WHERE typeof(value) != 'blob'").fetchone()[0] == 0
    (tree / "seeds" / "706_synthetic.txt").unlink()  # so the build has work to do
    _same_as_uncached(tree, tmp_path, monkeypatch, "damaged")


def test_content_edited_by_hand_is_rebuilt_not_skipped(tree, monkeypatch):
    _build(tree, monkeypatch, cached=True)
    want = snapshot(tree / "content")
    page = next((tree / "content" / "pages" / "meetings").glob("*.md"))
    page.write_text("edited by hand\n", encoding="utf-8")
    stray = tree / "content" / "pages" / "meetings" / "stray.md"
    stray.write_text("not the generator's\n", encoding="utf-8")
    done = _build(tree, monkeypatch, cached=True)
    assert not done.skipped
    assert snapshot(tree / "content") == want  # the page restored, the stray file gone
    # the same number of bytes, saved later: only the modification time tells
    record = next((tree / "content" / "events").glob("*.yml"))
    record.write_bytes(record.read_bytes().replace(b"id:", b"ID:", 1))
    when = record.stat().st_mtime_ns + 10**9
    os.utime(record, ns=(when, when))
    assert not _build(tree, monkeypatch, cached=True).skipped
    assert snapshot(tree / "content") == want
    (tree / "content" / "events" / next(iter(p.name for p in (tree / "content" / "events").glob("*.yml")))).unlink()
    assert not _build(tree, monkeypatch, cached=True).skipped
    assert snapshot(tree / "content") == want


def test_inputs_back_to_an_earlier_builds_are_built_again(tree, tmp_path, monkeypatch):
    """A build is skipped only when its inputs are the last build's and content/ is what
    that build left: inputs put back as they were two builds ago (an editor's undo)
    find content/ as the build between left it, so they are built again, and the
    build after that, with nothing changed, is skipped."""
    seed = tree / "seeds" / "705_synthetic.txt"
    original = seed.read_bytes()
    first = _build(tree, monkeypatch, cached=True)
    catalog = (tree / "content" / "translations" / "en.po").read_bytes()
    # another dateline: it changes the article's page and no entry of the catalog (an
    # input too), so the inputs put back are byte for byte the first build's
    seed.write_text(re.sub(r"^date 2026-01-0(\d)", lambda m: f"date 2026-01-0{int(m.group(1)) - 1}", original.decode("utf-8")), encoding="utf-8")
    assert seed.read_bytes() != original
    assert _build(tree, monkeypatch, cached=True).written
    assert (tree / "content" / "translations" / "en.po").read_bytes() == catalog
    seed.write_bytes(original)
    undone = _same_as_uncached(tree, tmp_path, monkeypatch, "undone")
    assert not undone.skipped and undone.written and undone.records == first.records
    again = _build(tree, monkeypatch, cached=True)
    assert again.skipped and again.written == ()


def test_the_fingerprint_covers_code_templates_and_lexicon(tmp_path):
    pkg = tmp_path / "generator"
    shutil.copytree(cache.PACKAGE, pkg, ignore=shutil.ignore_patterns("__pycache__"))
    base = cache.fingerprint(pkg)
    assert cache.fingerprint.__wrapped__(pkg) == base  # the same files: the same fingerprint
    for rel in ("templates/meeting.md.j2", "lexicon/cities.yml", "render/views.py", "schema/event.schema.json"):
        path = pkg / rel
        original = path.read_bytes()
        path.write_bytes(original + b"\n")
        assert cache.fingerprint.__wrapped__(pkg) != base, rel
        path.write_bytes(original)
    (pkg / "notes.bak").write_text("an editor's backup file", encoding="utf-8")
    assert cache.fingerprint.__wrapped__(pkg) == base  # not part of the generator


def test_keys_separate_their_parts():
    assert cache.key("page", "ab", "c") != cache.key("page", "a", "bc")
    assert cache.key("page", "x") != cache.key("json", "x")
    assert cache.key("page", "x") == cache.key("page", b"x")


def test_turned_off_cache_writes_nothing(tree, monkeypatch):
    _build(tree, monkeypatch, cached=False)
    assert not (tree / ".cache").exists()


def test_a_whole_build_drops_what_it_no_longer_uses(tmp_path):
    path = tmp_path / "c.sqlite3"
    first = cache.Cache(path)
    keys = [cache.key("page", str(i)) for i in range(1300)]
    for i, k in enumerate(keys):
        first.put(k, f"page {i}".encode())
    first.close(prune=True)

    def count() -> int:
        with sqlite3.connect(path) as db:
            return db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]

    assert count() == 1300
    partial = cache.Cache(path)  # a build that stopped early (nothing changed) used ten: nothing goes
    assert [partial.get(k) for k in keys[:10]] == [f"page {i}".encode() for i in range(10)]
    partial.close()
    assert count() == 1300
    whole = cache.Cache(path)  # a whole build that used the same ten: the rest goes
    for k in keys[:10]:
        assert whole.get(k) is not None
    whole.close(prune=True)
    assert count() == 10
    again = cache.Cache(path)
    assert again.get(keys[5]) == b"page 5" and again.get(keys[500]) is None
    again.close()


def test_each_record_is_made_into_json_once_unless_a_stage_changes_it(tree, monkeypatch):
    """Every cache key a record takes part in holds the SHA-256 of its compact JSON, made
    once per record object (pipeline.Texts). The stages after validation (translations,
    titles) hand a record on as it is when they change nothing, so a build makes that JSON
    once per record, and again only for a record a stage really changed."""
    from generator import pipeline

    made = []
    real = pipeline._canonical

    def counting(rec):
        made.append(rec["id"])
        return real(rec)

    monkeypatch.setattr(pipeline, "_canonical", counting)
    done = _build(tree, monkeypatch, cached=False)
    records = done_records(tree)
    changed = {r["id"] for r in records if any(s["text"]["en"] for s in r["statements"]) or r["corrections"]}
    assert done.records == len(records) > 20
    assert sorted(made) == sorted([r["id"] for r in records] + sorted(changed))


def done_records(tree: Path) -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((tree / "content" / "events").glob("*.yml"))]


def test_a_changed_article_makes_again_only_the_records_it_is_part_of(tree, tmp_path, monkeypatch):
    """A record is kept in the cache by the mentions it is made of (each named by its
    article's key): changing either of two articles that report one meeting makes that
    record again, and no other; the output stays that of a build from nothing."""
    from generator import record

    shared = "من المقرر أن يعقد اجتماع وزراء الخارجية في باريس يوم 24 فبراير 2026"
    first, second = tree / "seeds" / "790_first.txt", tree / "seeds" / "791_second.txt"
    first.write_text(f"date 2026-02-20\n{shared}.\n", encoding="utf-8")
    second.write_text(f"date 2026-02-21\n{shared} لبحث المساعدات.\n", encoding="utf-8")
    _same_as_uncached(tree, tmp_path, monkeypatch, "two-sources")
    made = []
    real = record.build

    def counting(event, lex):
        made.append(event.date.start().isoformat())
        return real(event, lex)

    monkeypatch.setattr(record, "build", counting)
    # each of the two in turn: whichever of them the record's key lists first, the other counts too
    for step, (seed, extra) in enumerate([(second, "وسيحضر الاجتماع حلف الناتو."), (first, "وسيحضر الاجتماع الأمم المتحدة.")]):
        seed.write_text(seed.read_text(encoding="utf-8") + f"\n{extra}\n", encoding="utf-8")
        made.clear()
        _same_as_uncached(tree, tmp_path, monkeypatch, f"source-{step}-changed")
        # once in this build, once in the uncached reference build of the same inputs
        assert made.count("2026-02-24") == 2 and len(made) == 1 + len(done_records(tree)), made
    participants = {p["id"] for r in done_records(tree) if str(r["date"]["start"]) == "2026-02-24" for p in r["participants"]}
    assert participants == {"nato", "united-nations"}, participants


def test_a_records_key_names_every_member_and_only_them():
    from generator.pipeline import record_key

    members = ["aa:0", "bb:1", "cc:0"]
    k = record_key(members)
    assert record_key(list(reversed(members))) == k  # the order the merge found them in does not count
    for i in range(len(members)):
        other = members.copy()
        other[i] = "dd:0"
        assert record_key(other) != k, i  # any member changed: another record
        assert record_key(members[:i] + members[i + 1 :]) != k, i  # one fewer: another record
    assert record_key(["aa:0", None]) is None  # a mention not named by its article's key: no key


def test_records_from_the_cache_bring_their_json(tree, monkeypatch):
    """A record kept in the cache is kept with its compact JSON and its digest: a build
    in which one article changed makes them only for the records it did not find there."""
    from generator import pipeline

    _build(tree, monkeypatch, cached=True)
    seed = tree / "seeds" / "703_synthetic.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nوسيحضر الاجتماع حلف الناتو.\n", encoding="utf-8")
    made, hashed = [], []
    real = pipeline._canonical
    monkeypatch.setattr(pipeline, "_canonical", lambda rec: made.append(rec["id"]) or real(rec))

    class Hashing:  # the digest of a record's JSON (pipeline.Texts.digest), counted
        @staticmethod
        def sha256(data):
            hashed.append(data)
            return hashlib.sha256(data)

    monkeypatch.setattr(pipeline, "hashlib", Hashing)
    done = _build(tree, monkeypatch, cached=True)
    changed = [r["id"] for r in done_records(tree) if any(s["seed"] == "703_synthetic.txt" for s in r["sources"])]
    assert done.records > 20 and len(changed) == 1
    assert made == changed
    assert len(hashed) == 1


def test_the_catalog_a_build_writes_is_never_parsed_again(tree, monkeypatch):
    """The build keeps the catalog it wrote under the bytes it wrote: its summary is
    counted from it, and the next build starts from it; neither parses a catalog."""
    from generator import translations

    done = _build(tree, monkeypatch, cached=True)
    data = (tree / "content" / "translations" / "en.po").read_bytes()
    store = cache.Cache(tree / cache.FILE)
    kept = store.get_value(cache.key("catalog-read", data))
    store.close(store=False)
    assert isinstance(kept, translations.Catalog)
    assert translations.status(kept) == translations.status(translations.read(data, "en.po"))
    assert done.translations == translations.summary(translations.status(kept))

    parsed = []
    real = translations.read
    monkeypatch.setattr(translations, "read", lambda raw, where: parsed.append(raw) or real(raw, where))
    seed = tree / "seeds" / "705_synthetic.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nوسيحضر الاجتماع حلف الناتو.\n", encoding="utf-8")
    again = _build(tree, monkeypatch, cached=True)
    written = (tree / "content" / "translations" / "en.po").read_bytes()
    assert written != data and parsed == []  # the last build's catalog came from the cache
    assert again.translations == translations.summary(translations.status(real(written, "en.po")))


def test_an_edit_that_changes_no_meeting_loads_no_schema_or_calendar_library(tree, tmp_path, monkeypatch):
    """The schema check of the lexicon and of each record, and each calendar's parts,
    come from the cache by their inputs: a build in which no record changed does not
    even import jsonschema or icalendar. One that changes a record does, and both
    builds equal uncached ones. Neither starts worker processes, nor imports what
    starts them, nor reads CLDR's month names again (the cached lexicon holds them)."""
    import subprocess
    import sys

    from support import ROOT

    probe = (
        "import sys\n"
        "from generator.cli import main\n"
        "assert main(['build']) == 0\n"
        "from generator import dates\n"
        "print('loaded', *[m for m in ('jsonschema', 'icalendar', 'multiprocessing') if m in sys.modules],\n"
        "      *['cldr-names'] * (dates.month_names.cache_info().currsize + dates.weekday_names.cache_info().currsize))\n"
    )

    def build_in_a_process() -> str:
        out = subprocess.run([sys.executable, "-c", probe], cwd=tree, capture_output=True, text=True,
                             env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
        assert out.returncode == 0, out.stderr
        return out.stdout.splitlines()[-1]

    cold = build_in_a_process()  # cold (on every core, unless there is one)
    assert cold.startswith("loaded jsonschema icalendar") and cold.endswith("cldr-names cldr-names")
    seed = tree / "seeds" / "706_synthetic.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nوأضاف المصدر أن الأجواء كانت إيجابية.\n", encoding="utf-8")
    assert build_in_a_process() == "loaded"
    _build(reference := _inputs_copy(tree, tmp_path / "reference-sentence"), monkeypatch, cached=False)
    assert snapshot(tree / "content") == snapshot(reference / "content")
    # the meeting moves a day: its record, its calendar event and the schema check are new
    _move_meeting(seed)
    assert build_in_a_process() == "loaded jsonschema icalendar"
    _build(reference := _inputs_copy(tree, tmp_path / "reference-moved"), monkeypatch, cached=False)
    assert snapshot(tree / "content") == snapshot(reference / "content")


def test_library_versions_are_what_importlib_metadata_gives(tmp_path, monkeypatch):
    import importlib.metadata

    assert cache.versions(cache.LIBRARIES) == {name: importlib.metadata.version(name) for name in cache.LIBRARIES}
    # the first folder along sys.path wins, names compare as pip normalises them, and a
    # library no folder names is looked up the slow way (absent: left out)
    first, second = tmp_path / "first", tmp_path / "second"
    (first / "Jinja2-0.1.dist-info").mkdir(parents=True)
    (second / "jinja2-0.2.dist-info").mkdir(parents=True)
    (second / "zope.interface-7.0.dist-info").mkdir(parents=True)
    monkeypatch.setattr("sys.path", [str(tmp_path / "missing"), str(first), str(second)])
    assert cache.versions(("jinja2", "zope-interface", "surely-not-installed")) == {"jinja2": "0.1", "zope-interface": "7.0"}


def test_files_of_every_record_are_joined_only_when_a_record_changed(tree, tmp_path, monkeypatch):
    """The whole calendars and the open data are joined from every record's parts; a
    build in which no record changed leaves them as the last build wrote them without
    joining them, unless someone changed one by hand. A build in which a meeting moved
    joins again only the files holding it, and takes every other record's part from
    the copy the last build wrote. Each state equals an uncached build."""
    from generator.outputs import joined

    joins, spliced = [], []  # the joined files made, by name; each splice: (path, parts, parts made)
    real_joined, real_parts = cache.Cache.joined, joined.parts

    def counted(self, name, k, make):
        return real_joined(self, name, k, lambda: joins.append(name) or make())

    monkeypatch.setattr(cache.Cache, "joined", counted)

    def parts(old, was, context, frame, digests, make):
        made = []
        got = real_parts(old, was, context, frame, digests, lambda i: made.append(i) or make(i))
        spliced.append((context.split("\n")[0], len(digests), len(made) if got is not None else None))
        return got

    monkeypatch.setattr(joined, "parts", parts)
    # every joined file counts as big (its hash is not recorded: it is compared), and
    # the writer's reads of files are counted
    from generator import writer

    monkeypatch.setattr(writer, "BIG", 64)
    reads = []
    real_read = writer._read
    monkeypatch.setattr(writer, "_read", lambda path: reads.append(path) or real_read(path))
    _same_as_uncached(tree, tmp_path, monkeypatch, "cold")
    assert spliced == []  # nothing to splice from
    seed = tree / "seeds" / "706_synthetic.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nوأضاف المصدر أن الأجواء كانت إيجابية.\n", encoding="utf-8")
    joins.clear()
    done = _build(tree, monkeypatch, cached=True)
    assert joins == [] and spliced == [] and not any(rel.startswith(("pages/calendar/", "pages/data/")) for rel in done.written)
    # edited by hand (the same size, so only the content tells): joined again and restored
    whole = tree / "content" / "pages" / "data" / "events.json"
    whole.write_bytes(whole.read_bytes().replace(b'"id"', b'"ID"', 1))
    seed.write_text(seed.read_text(encoding="utf-8") + "\nوختم المصدر حديثه.\n", encoding="utf-8")
    done = _same_as_uncached(tree, tmp_path, monkeypatch, "joined-file-edited")
    assert "pages/data/events.json" in done.written and spliced == []

    def move(step: str, days: int = 1) -> build.Outcome:
        _move_meeting(seed, days)
        joins.clear()
        spliced.clear()
        reads.clear()
        done = _build(tree, monkeypatch, cached=True)
        if step == "moved":  # the old copy read to splice from is compared without reading it again
            assert not [r for r in reads if r.endswith("events.json")], reads
        counts = list(joins), list(spliced)  # the uncached build's own are not counted
        _build(reference := _inputs_copy(tree, tmp_path / f"reference-{step}"), monkeypatch, cached=False)
        assert snapshot(tree / "content") == snapshot(reference / "content"), step
        joins[:], spliced[:] = counts
        return done

    # A build that joins nothing keeps the layouts it did not read: here it also drops
    # every entry it did not use (the file is mostly entries no build uses any more).
    with sqlite3.connect(tree / cache.FILE) as db:
        db.executemany("INSERT INTO entries VALUES (?, ?)", ((cache.key("unused", str(i)), b"\0" * 8) for i in range(5000)))
    seed.write_text(seed.read_text(encoding="utf-8") + "\nوأكد المصدر ذلك.\n", encoding="utf-8")
    joins.clear()
    _build(tree, monkeypatch, cached=True)
    assert joins == []
    with sqlite3.connect(tree / cache.FILE) as db:
        assert db.execute("SELECT COUNT(*) FROM entries").fetchone()[0] < 5000  # pruned
    # a meeting moves a day: every file holding it is joined again, the others are not,
    # and in each of them only the moved meeting's part is made
    done = move("moved")
    assert "pages/data/events.json" in done.written and "pages/calendar/ar/all.ics" in done.written
    whole_files = [p for p in (tree / "content" / "pages").rglob("*") if p.name.startswith("events") and p.suffix == ".json" or p.suffix == ".ics" and (p.parent.name in ("year", "country", "series") or p.name == "all.ics")]
    assert 6 <= len(joins) < len(whole_files), (joins, len(whole_files))
    assert len(spliced) == len(joins) and {path for path, *_ in spliced} >= {"data/events.json", "calendar/ar/all.ics", "calendar/en/all.ics"}
    assert all(made == 1 and n > 1 for _, n, made in spliced), spliced
    # and back again, then further: each time spliced from the file the build before wrote
    move("moved-back", -1)
    assert spliced and all(made == 1 for *_, made in spliced), spliced
    # a joined file changed by hand is not spliced from (nor is any file whose record
    # of it is gone), but joined in full
    text = whole.read_bytes()
    whole.write_bytes(text.replace(b'"id"', b'"ID"', 1))
    move("moved-after-an-edit", 2)
    assert "data/events.json" not in {path for path, *_ in spliced}
    assert any(path.endswith("all.ics") and made == 1 for path, _, made in spliced)
    # another site address: no part the last build made holds the new one
    (tree / "mkdocs.yml").write_text("site_url: https://elsewhere.example/desk/\n", encoding="utf-8")
    move("moved-and-site-moved", 1)
    assert spliced and all(made is None for *_, made in spliced), spliced


def test_a_joined_files_layout_finds_its_parts_again():
    """``joined.parts`` gives back, from a file's bytes and its layout, the parts of
    every record still in it, and makes the rest; anything that does not fit the
    layout gives None (and the file is then joined in full)."""
    from generator.outputs.joined import Frame, layout, parts

    frame = Frame(b"HEAD\n", b",\n", b"\nEND\n", empty=b"NONE\n")
    digests = [c * 4 for c in "abcd"]
    old_parts = [b"one,\nwith the separator", b"", b"three", b"four\nEND\n"]
    old = frame.join(old_parts)
    was = layout("ctx", frame, digests, old_parts, len(old))
    new = ["cccc", "xxxx", "aaaa", "dddd"]
    got = parts(old, was, "ctx", frame, new, lambda i: f"made {new[i]}".encode())
    assert [bytes(p) for p in got] == [b"three", b"made xxxx", old_parts[0], old_parts[3]]
    assert frame.join(got) == frame.join([b"three", b"made xxxx", old_parts[0], old_parts[3]])
    assert parts(old, was, "other", frame, new, bytes) is None
    assert parts(old + b"x", was, "ctx", frame, new, bytes) is None
    assert parts(old, was, "ctx", Frame(b"HEAD\n", b";", b"\nEND\n"), new, bytes) is None
    # a layout whose parts would run past the file's end (of the same length) fits no file
    assert parts(old, dataclasses.replace(was, lengths=array("Q", [len(old), 0, 0, 0])), "ctx", frame, new, bytes) is None
    empty = layout("ctx", frame, [], [], len(frame.join([])))
    assert frame.join([]) == b"NONE\n" and parts(b"NONE\n", empty, "ctx", frame, ["aaaa"], lambda i: b"p") == [b"p"]
    with pytest.raises(ValueError):
        layout("ctx", frame, ["aaaa", "bbb"], [b"", b""], 0)


def test_records_read_back_from_the_cache_are_not_checked_again(tree, tmp_path, monkeypatch):
    """A record the cache kept comes from a build that checked it and succeeded: only
    the records a build makes anew are checked against the schema (or looked up as
    checked before); each build still equals an uncached one."""
    from generator import pipeline, record

    checked, asked = [], []
    real_validate, real_key = record.validate, pipeline.key
    monkeypatch.setattr(record, "validate", lambda rec, where, lex=None: checked.append(rec["id"]) or real_validate(rec, where, lex))
    monkeypatch.setattr(pipeline, "key", lambda stage, *parts: (asked.append(stage) if stage == "valid" else None) or real_key(stage, *parts))
    first = _build(tree, monkeypatch, cached=True)
    assert len(set(checked)) == first.records and asked.count("valid") >= first.records
    seed = tree / "seeds" / "706_synthetic.txt"
    _move_meeting(seed)
    checked.clear()
    asked.clear()
    _build(tree, monkeypatch, cached=True)
    moved = [r for r in done_records(tree) if "706_synthetic.txt" in {s["seed"] for s in r["sources"]}]
    assert moved and asked.count("valid") == len(moved), (asked.count("valid"), len(moved))
    assert set(checked) == {r["id"] for r in moved}
    _build(reference := _inputs_copy(tree, tmp_path / "reference"), monkeypatch, cached=False)
    assert snapshot(tree / "content") == snapshot(reference / "content")


def test_a_month_page_made_again_takes_its_unchanged_meetings_lines_from_the_cache(tree, tmp_path, monkeypatch):
    """A month's page lists every meeting of the month; when one of them moves, the page
    is made again, but only the moved meeting's line is: the others' come from the
    cache (by record and link). The pages equal an uncached build's."""
    from generator.render import views

    made = []
    real = views.entry
    monkeypatch.setattr(views, "entry", lambda ctx, rec: made.append((ctx.link.page, rec["id"])) or real(ctx, rec))
    _build(tree, monkeypatch, cached=True)
    seed = tree / "seeds" / "706_synthetic.txt"
    _move_meeting(seed)
    made.clear()
    done = _build(tree, monkeypatch, cached=True)
    months = {page for page, _ in made if page.startswith("archive/") and page.count("/") == 2}
    assert months and any(rel.startswith("pages/archive/") and rel.count("/") == 3 for rel in done.written)
    moved = {r["id"] for r in done_records(tree) if "706_synthetic.txt" in {s["seed"] for s in r["sources"]}}
    listed = {rid for page, rid in made if page in months}
    assert listed == moved, (listed, moved)
    # each month page made again lists other meetings too: their lines came from the cache
    for page in months:
        lines = (tree / "content" / "pages" / page).read_text(encoding="utf-8").count('<article class="bf-entry"')
        assert lines > len(moved), (page, lines)
    _build(reference := _inputs_copy(tree, tmp_path / "reference"), monkeypatch, cached=False)
    assert snapshot(tree / "content") == snapshot(reference / "content")


def test_a_year_page_made_again_takes_its_unchanged_months_from_the_cache(tree, tmp_path, monkeypatch):
    """A year's page shows each of its months (name, count, calendar); when a meeting
    moves a day, the page is made again, but only the month it moved in is: the other
    months come from the cache. The pages equal an uncached build's."""
    from generator.render import timeline

    made = []
    real = timeline.month_summary
    monkeypatch.setattr(timeline, "month_summary", lambda ctx, month, on_page: made.append((ctx.link.page, month.key)) or real(ctx, month, on_page))
    _build(tree, monkeypatch, cached=True)
    seed = tree / "seeds" / "706_synthetic.txt"
    _move_meeting(seed)
    made.clear()
    done = _build(tree, monkeypatch, cached=True)
    years = {rel for rel in done.written if re.fullmatch(r"pages/archive/\d{4}(\.en)?\.md", rel)}
    assert len(years) == 2, done.written  # the moved meeting's year, in both languages
    moved = {str(r["date"]["start"])[:7] for r in done_records(tree) if "706_synthetic.txt" in {s["seed"] for s in r["sources"]}}
    summaries = [(page, month) for page, month in made if re.fullmatch(r"archive/\d{4}(\.en)?\.md", page)]
    assert summaries and {month for _, month in summaries} == moved, summaries
    assert len(summaries) == 2 * len(moved)  # once per language
    for rel in years:  # and the page still shows every month of its year
        shown = (tree / "content" / rel).read_text(encoding="utf-8").count('class="bf-month-summary"')
        assert shown > len(moved), (rel, shown)
    _build(reference := _inputs_copy(tree, tmp_path / "reference"), monkeypatch, cached=False)
    assert snapshot(tree / "content") == snapshot(reference / "content")
    # A meeting dated by its month alone: the month's count changes, its calendar not.
    (month,) = moved
    names = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"]
    (tree / "seeds" / "zz_month.txt").write_text(f"date {month}-01\nأعلنت وزارة الخارجية أن وزراء الزراعة العرب سيعقدون اجتماعا في أواخر {names[int(month[5:]) - 1]} {month[:4]} في الرباط لبحث الأمن الغذائي.\n", encoding="utf-8")
    made.clear()
    done = _build(tree, monkeypatch, cached=True)
    assert any(str(r["date"]["start"])[:7] == month and r["date"]["precision"] == "month" for r in done_records(tree)), "no meeting dated by month"
    assert {m for page, m in made if re.fullmatch(r"archive/\d{4}(\.en)?\.md", page)} == {month}
    _build(reference := _inputs_copy(tree, tmp_path / "reference2"), monkeypatch, cached=False)
    assert snapshot(tree / "content") == snapshot(reference / "content")
