"""Compiled regular expressions kept from build to build (generator/regexcache.py)."""

from __future__ import annotations

import re
from re import _compiler, _parser

import pytest

from generator import regexcache
from support import ROOT, built_from_scratch, cli, make_tree, moving_builds, snapshot

# Patterns of the shapes the generator and its libraries compile: Arabic alternations
# with clitics and look-behinds, named groups, flags, bytes, character classes.
PATTERNS = [
    (r"(?<![\w])[وف]?[بلك]?(?:ال|ل)?(?:اجتماع|قمة|محادثات)(?:ا|ه|ها)?(?![\w])", 0),
    (r"(?<!\w)(?P<day>\d{1,2})\s+(?:من\s+)?(?P<month>يناير|فبراير|آذار)(?:\s+(?P<year>\d{4}))?(?!\w)", 0),
    (r"^title:\s*(.+?)\s*$", re.MULTILINE),
    (r"[\u064B-\u0652\u0640]+", 0),
    (rb"\r\n?|\n", 0),
    (r"(a)|(?P<b>b)(?(1)c|d)", re.IGNORECASE | re.DOTALL),
]
# A build as ``python -m generator`` runs it, counting what re's parser parses while
# the build's table of programs stands in front of the compiler (and, to show the
# count is live, what it parses before that).
PROBE = """
import sys
from re import _compiler, _parser
from generator.cli import main
parse, plain, asked, before = _parser.parse, _compiler.compile, [], []
def counted(*a, **k):
    (asked if _compiler.compile is not plain else before).append(a[0])
    return parse(*a, **k)
_parser.parse = counted
code = main(["build"], keep=[])
print("parsed", len(asked), "before", len(before) > 0, [a[:60] for a in asked], file=sys.stderr)
sys.exit(code)
"""
SAMPLES = ["وقال إن الاجتماع عقد يوم 12 آذار 2026", "title:  قمة عربية \nbody", "ab bd", "مُحَادَثَات", "AbD"]


def _compile_all(patterns):
    re.purge()  # so that re.compile asks the compiler, not re's own cache
    return [re.compile(p, f) for p, f in patterns]


def test_a_pattern_made_from_its_recorded_program_is_the_pattern_compile_makes(monkeypatch):
    compiler = _compiler.compile
    plain = _compile_all(PATTERNS)
    first = regexcache.Table()
    first.install()
    try:
        recorded = _compile_all(PATTERNS)
    finally:
        first.uninstall()
    assert first.new == len(PATTERNS) and set(first.used) == {(p, int(f)) for p, f in PATTERNS}
    assert recorded == plain

    # The next process: every pattern made from its program, the compiler never asked.
    second = regexcache.Table(first.used)
    second.install()

    def no_parsing(*args, **kwargs):
        raise AssertionError("compiled, though the table holds the program")

    monkeypatch.setattr(_parser, "parse", no_parsing)
    try:
        again = _compile_all(PATTERNS)
    finally:
        second.uninstall()
        monkeypatch.undo()
    assert second.new == 0 and set(second.used) == set(first.used)
    assert again == plain  # equal: same source, flags and program
    for rx, ref in zip(again, plain):
        assert (rx.groups, rx.groupindex, rx.flags) == (ref.groups, ref.groupindex, ref.flags)
        for text in SAMPLES:
            subject = text.encode() if isinstance(ref.pattern, bytes) else text
            assert [m.span() for m in rx.finditer(subject)] == [m.span() for m in ref.finditer(subject)]
            assert [m.groups() for m in rx.finditer(subject)] == [m.groups() for m in ref.finditer(subject)]
    assert _compiler.compile is compiler  # given back


def test_uninstall_gives_re_its_own_compiler_back():
    original = _compiler.compile
    table = regexcache.Table()
    table.install()
    table.install()  # twice is once
    assert _compiler.compile is not original
    table.uninstall()
    assert _compiler.compile is original
    table.uninstall()
    assert _compiler.compile is original


@pytest.mark.parametrize("stored", [None, [], {"x": 1}, {("a", "0"): (0, [], 0, {}, ())}, {("a", 0): (0, [1])}, {(1, 0): (0, [], 0, {}, ())}])
def test_a_table_not_of_the_expected_shape_is_an_empty_one(stored):
    assert regexcache.Table(stored).programs == {}


def test_a_program_the_engine_refuses_is_compiled_as_ever_and_recorded_again():
    source = r"(?P<n>\d+)\s+دولة"
    plain = _compile_all([(source, 0)])[0]
    table = regexcache.Table({(source, 0): (int(plain.flags), [2**40], plain.groups, dict(plain.groupindex), (None, "n"))})
    table.install()
    try:
        got = _compile_all([(source, 0)])[0]
    finally:
        table.uninstall()
    assert got == plain and table.new == 1
    assert (source, 0) not in table.programs and table.used[(source, 0)][1] != [2**40]


def test_a_program_that_makes_another_pattern_is_not_recorded():
    """``record`` keeps a program only once the pattern made of it equals the one compiled."""
    table = regexcache.Table()
    table.record(("ab", 0), re.compile("ac"))  # the pattern compiled is not the source's
    table.record(("a(", 0), re.compile("a"))  # the source does not even parse
    assert table.used == {} and table.new == 0
    table.record(("ab", 0), re.compile("ab"))
    assert set(table.used) == {("ab", 0)} and table.new == 1


def test_the_command_line_build_keeps_its_programs_and_builds_the_same_bytes_with_them(tmp_path, monkeypatch):
    """``python -m generator build`` stores the programs of what it compiled in the build
    cache; the next build that runs the pipeline makes its patterns from them, and
    writes what a build without any cache writes."""
    from generator.cache import Cache, key

    original = _compiler.compile
    tree = make_tree(tmp_path / "kept")
    assert cli(tree, "build").returncode == 0
    cache = Cache.for_project(tree)
    try:
        table = cache.get_plain(key("regex-programs", *regexcache.cache_key_parts()))
    finally:
        cache.close(store=False)
    assert isinstance(table, dict) and len(table) > 100
    sources = {source for source, _ in table}
    # the lexicon's tables and the date grammar are there, not only the libraries'
    assert any("اجتماع" in s for s in sources if isinstance(s, str))
    assert any("يناير" in s for s in sources if isinstance(s, str))

    # A build with a catalog to read and articles to add compiles a few patterns the
    # first one did not (the catalog's plural rule); the next finds those too. The
    # hash seed is fixed: a few patterns the libraries build from sets are spelt in
    # the seed's order (a random seed spells them anew, and they are compiled again).
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "7"}
    out = moving_builds(tree, ["", "", PROBE], env)
    # The last build ran the pipeline again (a meeting moved) and parsed no pattern
    # while the table stood in front of the compiler.
    assert out.stderr.splitlines()[-1] == "parsed 0 before True []", out.stderr[-2000:]
    assert snapshot(tree / "content") == built_from_scratch(tree, tmp_path / "scratch", monkeypatch)
    assert _compiler.compile is original
