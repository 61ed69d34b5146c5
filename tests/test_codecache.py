"""The code of dataclasses' methods kept from build to build (generator/codecache.py)."""

from __future__ import annotations

import builtins
import dataclasses
from dataclasses import dataclass, field

import pytest

from generator import codecache
from support import ROOT, built_from_scratch, cli, make_tree, moving_builds, snapshot


def _define():
    """Classes of the shapes the generator defines: frozen ones with defaults and
    factories, one ordered, one with ``eq=False``, one mutable."""

    @dataclass(frozen=True)
    class Place:
        id: str
        name: str
        lat: float | None = None
        forms: tuple = ()

    @dataclass(frozen=True, order=True)
    class Day:
        year: int
        month: int = 1
        day: int = 1

    @dataclass(frozen=True, eq=False)
    class Note:
        text: str
        tags: dict = field(default_factory=dict)

    @dataclass
    class Draft:
        order: int
        seen: set = field(default_factory=set)

    return Place, Day, Note, Draft


def _behaviour(classes) -> list:
    """What the generated methods do, as plain values, for comparing two definitions."""
    Place, Day, Note, Draft = classes
    a, b = Place("amm", "عمّان", 31.9, ("عمان",)), Place("amm", "عمّان", 31.9, ("عمان",))
    out = [repr(a), a == b, hash(a) == hash(b), a == Place("x", "y"), Place("x", "y").forms]
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.name = "other"
    with pytest.raises(TypeError):
        Place()
    out += [[repr(d) for d in sorted([Day(2026, 3, 2), Day(2026, 1, 9), Day(2025)])], Day(2026) < Day(2026, 2), repr(Day(2026))]
    note = Note("x")
    out += [note == Note("x"), note == note, note.tags, Note("y", {"k": 1}).tags, repr(note)]
    d = Draft(3)
    d.seen.add(1)
    out += [repr(d), Draft(3).seen, d == Draft(3, {1})]
    out += [Place.__init__.__annotations__ == {"id": "str", "name": "str", "lat": "float | None", "forms": "tuple", "return": None}]
    return out


def test_classes_defined_with_the_tables_code_behave_as_compiled_ones(monkeypatch):
    plain = _behaviour(_define())
    first = codecache.Table()
    first.install()
    try:
        recorded = _behaviour(_define())
    finally:
        first.uninstall()
    assert first.new > 10 and first.new == len(first.used)
    assert recorded == plain
    assert "exec" not in vars(dataclasses)  # given back

    # The next process: every method made from its stored code, nothing compiled.
    second = codecache.Table(first.used)
    second.install()

    def no_compiling(*args, **kwargs):
        raise AssertionError("compiled, though the table holds the code")

    monkeypatch.setattr(builtins, "compile", no_compiling)
    try:
        again = _define()
    finally:
        second.uninstall()
        monkeypatch.undo()
    assert second.new == 0 and set(second.used) == set(first.used)
    assert _behaviour(again) == plain


def test_code_is_compiled_as_exec_compiles_it_not_with_the_callers_future_flags():
    """This test module has ``from __future__ import annotations``, and so has
    codecache's: code compiled inheriting it would make the methods' annotations
    strings where ``dataclasses`` makes them objects."""

    def annotations_of_init():
        @dataclass(frozen=True)
        class Point:
            x: int

        return Point.__init__.__annotations__

    plain = annotations_of_init()
    table = codecache.Table()
    table.install()
    try:
        kept = annotations_of_init()
    finally:
        table.uninstall()
    assert kept == plain and kept["return"] is None  # None, not the string "None"


def test_other_calls_go_to_the_builtin_exec():
    table = codecache.Table()
    table.install()
    try:
        ns: dict = {}
        dataclasses.exec(compile("y = 2", "<test>", "exec"), {}, ns)  # a code object: run as given
        assert ns == {"y": 2} and table.new == 0
    finally:
        table.uninstall()


def test_install_twice_is_once_and_uninstall_gives_the_builtin_back():
    table = codecache.Table()
    table.install()
    table.install()
    assert dataclasses.exec is not builtins.exec
    table.uninstall()
    assert "exec" not in vars(dataclasses)
    table.uninstall()
    assert "exec" not in vars(dataclasses)


@pytest.mark.parametrize("stored", [None, [], {"x": 1}, {1: compile("1", "<s>", "exec")}, {"a": b"code"}])
def test_a_table_not_of_the_expected_shape_is_an_empty_one(stored):
    assert codecache.Table(stored).codes == {}


def test_code_that_cannot_be_stored_is_not_recorded():
    table = codecache.Table()
    table.record("x = 1", object())  # not code: marshal refuses it
    assert table.used == {} and table.new == 0
    table.record("x = 1", compile("x = 1", "<string>", "exec", dont_inherit=True))
    assert set(table.used) == {"x = 1"} and table.new == 1


# A build as ``python -m generator`` runs it, counting the source ``dataclasses``
# compiles while the build's table stands in front of its ``exec`` (and, to show the
# count is live, what it compiles before that).
PROBE = """
import builtins, dataclasses, sys
compiled, before = [], []
real = builtins.compile
def counted(source, *a, **k):
    if isinstance(source, str) and source.startswith("def __create_fn__("):
        (compiled if "exec" in vars(dataclasses) else before).append(source)
    return real(source, *a, **k)
builtins.compile = counted
real_exec = builtins.exec
def exec_counted(source, *a, **k):  # dataclasses' own exec, when no table stands
    if isinstance(source, str) and source.startswith("def __create_fn__("):
        before.append(source)
    return real_exec(source, *a, **k)
builtins.exec = exec_counted
from generator.cli import main
code = main(["build"], keep=[])
print("compiled", len(compiled), "before", len(before) > 0, file=sys.stderr)
sys.exit(code)
"""


def test_the_command_line_build_keeps_the_code_and_builds_the_same_bytes_with_it(tmp_path, monkeypatch):
    from generator.cache import Cache, key

    tree = make_tree(tmp_path / "kept")
    assert cli(tree, "build").returncode == 0
    cache = Cache.for_project(tree)
    try:
        table = cache.get_plain(key("dataclass-methods", *codecache.cache_key_parts()))
    finally:
        cache.close(store=False)
    assert isinstance(table, dict) and len(table) > 100
    # the model's classes are there (``Ref``: an id and its Arabic and English names)
    assert any(" def __init__(self,id:_type_id,ar:_type_ar,en:_type_en)->_return_type:" in s for s in table)

    out = moving_builds(tree, ["", PROBE], {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    # The last build ran the pipeline (a meeting moved) and compiled no method while
    # the table stood; the classes defined before it (the command line's own) were.
    assert out.stderr.splitlines()[-1] == "compiled 0 before True", out.stderr[-2000:]
    assert snapshot(tree / "content") == built_from_scratch(tree, tmp_path / "scratch", monkeypatch)
    assert "exec" not in vars(dataclasses)
