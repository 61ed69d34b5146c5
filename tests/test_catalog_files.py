"""The catalog as PO editors save it: any declared charset, plural and context entries,
malformed entries; and a property test that any editor's catalog survives a build."""

from __future__ import annotations

import functools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import po, translations
from support import ROOT, cli, make_tree, tree_state

CATALOG = ROOT / "content" / translations.CATALOG
REL = "content/translations/en.po"


def tree_with(tmp_path, data: bytes):
    tree = make_tree(tmp_path)
    (tree / "content" / "translations").mkdir(parents=True)
    (tree / REL).write_bytes(data)
    return tree


def meaning(data: bytes) -> dict:
    """Every entry of a catalog as comparable data (what a translator would check)."""
    return {(e.obsolete, e.msgctxt, e.msgid, e.msgid_plural): (e.msgstr, sorted(e.flags), e.comments)
            for e in po.parse(po.decode(data, "x"), "x") if not e.is_header}


def test_a_catalog_in_another_charset_is_read_and_rewritten_as_utf8(tmp_path):
    original = CATALOG.read_text(encoding="utf-8")
    tree = tree_with(tmp_path, original.replace("charset=UTF-8", "charset=CP1256").encode("cp1256"))
    out = cli(tree, "build")
    assert out.returncode == 0, out.stderr
    assert "translations (en): 26 translated, 0 fuzzy, 0 missing" in out.stdout
    assert (tree / REL).read_bytes() == CATALOG.read_bytes()  # nothing lost, UTF-8 again


def test_a_utf8_catalog_declaring_latin1_is_one_line_and_untouched(tmp_path):
    data = CATALOG.read_bytes().replace(b"charset=UTF-8", b"charset=ISO-8859-1")
    tree = tree_with(tmp_path, data)
    before = tree_state(tree)
    out = cli(tree, "build")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.splitlines() == [
        f"error: {REL}:11: not a valid PO file: declares charset=ISO-8859-1 but its text is UTF-8; change the Content-Type header to charset=UTF-8",
        "error: 1 problem(s); nothing written to content/",
    ]
    assert tree_state(tree) == before


def test_an_unknown_charset_is_one_line(tmp_path):
    tree = tree_with(tmp_path, CATALOG.read_bytes().replace(b"charset=UTF-8", b"charset=nonsense"))
    before = tree_state(tree)
    out = cli(tree, "build")
    assert out.returncode == 2 and "Traceback" not in out.stderr and "LookupError" not in out.stderr
    assert out.stderr.splitlines() == [
        f"error: {REL}:11: not a valid PO file: unknown charset 'nonsense' in the Content-Type header (use charset=UTF-8)",
        "error: 1 problem(s); nothing written to content/",
    ]
    assert tree_state(tree) == before


def test_plural_and_context_entries_are_kept_with_the_translation_of_the_same_msgid(tmp_path):
    data = CATALOG.read_bytes()
    first = translations.read(data, "x")
    entry = translations.active(first)[0]
    quoted = entry.id.replace('"', '\\"')
    extra = (
        f'\n\n# a plural entry added by hand\nmsgid "{quoted}"\nmsgid_plural "{quoted} (many)"\nmsgstr[0] "one"\nmsgstr[1] "many"\n'
        f'\n#, fuzzy\nmsgctxt "headline"\nmsgid "{quoted}"\nmsgstr "In a headline"\n'
        '\n#~ msgctxt "old"\n#~ msgid "gone"\n#~ msgstr "was"\n'
    )
    tree = tree_with(tmp_path, data + extra.encode())
    out = cli(tree, "build")
    assert out.returncode == 0, out.stderr
    assert "translations (en): 26 translated, 0 fuzzy, 0 missing" in out.stdout
    written = (tree / REL).read_bytes()
    assert meaning(written) == meaning(data + extra.encode())
    text = written.decode("utf-8")
    for block in extra.strip().split("\n\n"):
        assert block in text  # as the editor wrote it
    assert translations.read(written, "x").get(entry.id).string == entry.string


def test_an_unquoted_msgstr_is_an_error_naming_the_line_and_nothing_is_rewritten(tmp_path):
    data = CATALOG.read_bytes().replace(b'msgstr "Ukrainian President', b"msgstr Ukrainian President", 1)
    tree = tree_with(tmp_path, data)
    before = tree_state(tree)
    out = cli(tree, "build")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    line = data[: data.index(b"msgstr Ukrainian")].count(b"\n") + 1
    assert out.stderr.splitlines()[0] == f"error: {REL}:{line}: not a valid PO file: expected a double-quoted string, found 'Ukrainian President Volodymyr Zelensky a...'"
    assert tree_state(tree) == before


def test_malformed_entries_name_their_line():
    cases = {
        'msgid "a"\n': "1: msgid without its msgstr",
        'msgid "a"\nmsgstr "b"\nmsgstr "c"\n': "3: msgstr given twice in one entry",
        'msgid "a"\nmsgid_plural "as"\nmsgstr "b"\n': "1: a plural entry needs msgstr[0], msgstr[1], ... in order",
        'msgid "a"\nmsgstr[0] "b"\n': "1: msgstr[0] in an entry without msgid_plural",
        'msgid "a"\nmsgstr "b\\q"\n': "2: unknown escape '\\q' in a string",
        'msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n': "4: the same msgid is defined again (first at line 1)",
        '"orphan"\n': "1: a string outside any msgid or msgstr",
        'msgid "a"\nmsgstr "b"\nbogus\n': "3: unexpected 'bogus'",
    }
    for text, expected in cases.items():
        try:
            po.parse(text, "en.po")
        except po.PoError as exc:
            assert str(exc).startswith(f"en.po:{expected}"), (text, str(exc))
        else:
            raise AssertionError(f"accepted: {text!r}")


# -- any PO editor's catalog survives a build ----------------------------------


@functools.lru_cache(maxsize=1)
def needs():
    from generator import pipeline

    result = pipeline.run(ROOT / "seeds", ROOT / "content", project=ROOT)
    return translations.needed(result.articles, result.records)


# Encodable in both UTF-8 and CP1256, with what must be escaped in PO strings.
TEXT = st.text(alphabet=st.sampled_from(list("abcXYZ 019.,;:'«»\"\\\n\t") + list("ابتثجحخدذرسشصضطظعغفقكلمنهوي")), max_size=30)
LATIN = st.text(alphabet=st.sampled_from(list("qwxz QWXZ")), min_size=12, max_size=30)  # never close to an Arabic sentence
COMMENT = st.text(alphabet=st.sampled_from(list("abc xyz,:.|#~") + list("ابت")), min_size=1, max_size=20).map(str.strip).filter(bool)
FLAGS = st.lists(st.sampled_from(["fuzzy", "c-format", "no-c-format", "no-wrap", "python-format", "range: 0..9"]), unique=True, max_size=3)


def quote(text: str, wrap: int) -> str:
    """A PO string as editors write it: escaped, maybe split over several lines."""
    esc = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    if not wrap or len(esc) <= wrap:
        return f'"{esc}"'
    parts, i = [], 0
    while i < len(esc):
        j = min(i + wrap, len(esc))
        while esc[j - 1 : j] == "\\" and j < len(esc):  # never split an escape
            j += 1
        parts.append(esc[i:j])
        i = j
    return '""\n' + "\n".join(f'"{p}"' for p in parts)


@st.composite
def editor_entry(draw, msgid, kind):
    e = {"msgid": msgid, "kind": kind, "comments": draw(st.lists(COMMENT, max_size=2)), "flags": draw(FLAGS),
         "refs": draw(st.lists(st.sampled_from(["seeds/x.txt:3", "a.py:10", "b.txt"]), max_size=2, unique=True)),
         "ctxt": draw(TEXT) if kind == "context" else None, "plural": draw(TEXT) if kind == "plural" else None,
         "strings": [draw(TEXT) for _ in range(draw(st.integers(2, 3)))] if kind == "plural" else [draw(TEXT)],
         "obsolete": kind == "obsolete" or (kind in ("context", "plural") and draw(st.booleans())),
         "previous": None}
    if "fuzzy" in e["flags"] and kind == "needed" and draw(st.booleans()):
        e["previous"] = draw(TEXT)
    return e


def render(entry, wrap: int) -> str:
    lines = [f"# {c}" for c in entry["comments"]]
    if not entry["obsolete"]:
        lines += [f"#: {r}" for r in entry["refs"]]
        if entry["flags"]:
            lines.append("#, " + ", ".join(entry["flags"]))
    if entry["previous"] is not None:
        lines.append("#| msgid " + quote(entry["previous"], wrap).replace("\n", "\n#| "))
    body = []
    if entry["ctxt"] is not None:
        body.append("msgctxt " + quote(entry["ctxt"], wrap))
    body.append("msgid " + quote(entry["msgid"], wrap))
    if entry["plural"] is not None:
        body.append("msgid_plural " + quote(entry["plural"], wrap))
        body += [f"msgstr[{i}] " + quote(s, wrap) for i, s in enumerate(entry["strings"])]
    else:
        body.append("msgstr " + quote(entry["strings"][0], wrap))
    text = "\n".join(body)
    if entry["obsolete"]:
        text = "\n".join("#~ " + line for line in text.split("\n"))
    return "\n".join([*lines, text])


@st.composite
def editor_catalog(draw):
    texts = [n.text for n in needs()]
    chosen = draw(st.lists(st.sampled_from(sorted(set(texts))), unique=True, max_size=8))
    entries = [draw(editor_entry(t, "needed")) for t in chosen]
    others = draw(st.lists(LATIN, unique=True, max_size=9))
    kinds = ["unknown", "obsolete", "context", "plural"]
    entries += [draw(editor_entry(t, kinds[i % 4])) for i, t in enumerate(others)]
    entries = draw(st.permutations(entries))
    wrap = draw(st.sampled_from([0, 20, 76]))
    header = ['msgid ""', 'msgstr ""', '"Project-Id-Version: x\\n"', '"Last-Translator: A Translator <a@example.org>\\n"',
              f'"Content-Type: text/plain; charset={draw(st.sampled_from(["UTF-8", "utf-8", "CP1256"]))}\\n"', '"X-Generator: Poedit 3.4\\n"']
    notes = draw(st.lists(COMMENT, max_size=2))  # a translator's comments above the header
    text = "".join(f"# {n}\n" for n in notes) + "\n".join(header) + "\n\n" + "\n\n".join(render(e, wrap) for e in entries) + "\n"
    charset = "cp1256" if "CP1256" in text else "utf-8"
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return entries, notes, text.replace("\n", newline).encode(charset)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(editor_catalog())
def test_any_editors_catalog_survives_a_build_byte_for_meaning(case):
    entries, notes, data = case
    old = translations.read(data, "en.po")
    out = translations.dump(translations.merge(old, needs()))
    assert translations.dump(translations.read(out, "en.po")) == out  # a second build changes nothing
    assert b"charset=UTF-8" in out
    got = {(e.obsolete, e.msgctxt, e.msgid, e.msgid_plural): e for e in po.parse(po.decode(out, "x"), "x") if not e.is_header}
    header = out.decode("utf-8")
    assert '"Last-Translator: A Translator <a@example.org>\\n"' in header and '"X-Generator: Poedit 3.4\\n"' in header
    assert header.startswith(translations.HEADER_COMMENT + "".join(f"# {n}\n" for n in notes) + 'msgid ""\n')
    needed = {n.text for n in needs()}
    for e in entries:
        if e["kind"] == "needed":  # the generator's entry: translation, flags, comments and previous text kept
            kept = got[(False, None, e["msgid"], None)]
            assert (kept.msgstr[0], set(kept.flags), list(kept.comments)) == (e["strings"][0], set(e["flags"]), e["comments"])
            assert kept.previous.get("msgid") == e["previous"]
        elif e["kind"] in ("context", "plural"):  # kept as written
            kept = got[(e["obsolete"], e["ctxt"], e["msgid"], e["plural"])]
            assert list(kept.msgstr) == e["strings"] and list(kept.comments) == e["comments"]
            if not e["obsolete"]:
                assert (list(kept.flags), list(kept.references)) == (e["flags"], e["refs"])
        else:  # not needed: kept as obsolete when it carries a translation or a comment
            assert e["msgid"] not in needed
            if e["strings"][0] or e["comments"]:
                kept = got[(True, None, e["msgid"], None)]
                assert (kept.msgstr[0], list(kept.comments)) == (e["strings"][0], e["comments"])
            else:
                assert (True, None, e["msgid"], None) not in got and (False, None, e["msgid"], None) not in got


PO_PIECES = st.sampled_from([
    'msgid ""\n', 'msgstr ""\n', '"Content-Type: text/plain; charset=UTF-8\\n"\n', 'msgid "a"\n', 'msgstr "b"\n',
    'msgctxt "c"\n', 'msgid_plural "p"\n', 'msgstr[0] "x"\n', 'msgstr[1] "y"\n', '#, fuzzy\n', '#: seeds/a.txt:1\n',
    '#| msgid "old"\n', '#~ msgid "o"\n', '#~ msgstr "p"\n', '# note\n', '#. auto\n', '"more"\n', "\n", "msgstr b\n",
    '"\\q"\n', '"unterminated\n', "charset=nonsense", "\r\n", "\ufeff", "ب", "\x00",
])


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.binary(max_size=200), st.lists(PO_PIECES, max_size=30).map(lambda xs: "".join(xs).encode("utf-8"))))
def test_any_bytes_as_a_catalog_read_or_fail_with_one_line(data):
    from generator.errors import GeneratorError

    try:
        catalog = translations.read(data, "content/translations/en.po")
    except GeneratorError as exc:
        assert len(exc.problems) == 1 and "\n" not in str(exc.problems[0])
        assert str(exc).startswith("content/translations/en.po")
    else:
        out = translations.dump(catalog)
        assert translations.dump(translations.read(out, "x")) == out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(editor_catalog(), st.data())
def test_the_catalog_a_build_keeps_is_what_reading_its_bytes_gives(case, data):
    """A build keeps the catalog it writes instead of parsing the bytes it wrote (for
    the line it prints and for the next build's merge): for everything ``status`` and
    ``merge`` read, the two must be the same, whatever an editor left in the file."""

    _, _, raw = case
    made = translations.merge(translations.read(raw, "en.po"), needs())
    out = translations.dump(made)
    reread = translations.read(out, "en.po")
    assert translations.status(made) == translations.status(reread)
    assert translations.dump(made) == out  # dumping did not change it
    # the next build: some texts gone, some changed a little (fuzzy matches), some new
    every = needs()
    kept = data.draw(st.lists(st.booleans(), min_size=len(every), max_size=len(every)))
    later = [n for n, keep in zip(every, kept) if keep]
    later += [n._replace(text=n.text + " مع تعديل طفيف") for n, keep in zip(every, kept) if not keep][:3]
    later += [every[0]._replace(text="نص جديد تماما لم يسبق له مثيل")]
    later = sorted(later, key=lambda n: (n.order, n.text))
    assert translations.dump(translations.merge(made, later)) == translations.dump(translations.merge(reread, later))
