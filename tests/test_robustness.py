"""Whatever bytes land in seeds/, the generator answers with a result or a one-line error."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator import extract, lexicon, merge
from generator.reader import ArticleError, parse_article

ARABIC_PIECES = st.sampled_from([
    "اجتماع", "وزراء الخارجية", "في", "برلين", "يوم", "3", "٥", "يناير", "كانون الثاني/يناير", "من", "إلى", "السبت",
    "المقبل", "بعد يومين", "غدًا", "قمة", "«", "»", '"', ":", "،", ".", "؟", "\n", "\n\n", "date 2026-01-02 ", "---\n",
    "عبر الفيديو", "وقال زيلينسكي", "خمس عشرة دولة", "29 فبراير", "31 أبريل", "الحادي والثلاثين من", " ",
])


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_read_or_fail_with_one_line(raw):
    try:
        article = parse_article("fuzz.txt", raw, display="seeds/fuzz.txt")
    except ArticleError as exc:
        assert str(exc).startswith("seeds/fuzz.txt") and "\n" not in str(exc)
    else:
        extract.extract(article, lexicon.load())


@settings(max_examples=400, deadline=None)
@given(st.lists(ARABIC_PIECES, max_size=40).map(" ".join))
@example("date 2026-01-02 اجتماع وزراء الخارجية في برلين من ٥ يناير إلى 3 يناير")
@example("date 2026-01-02 قمة في برلين من 30 ديسمبر إلى 2 يناير 2026")
def test_any_arabic_news_like_text_extracts_and_merges(text):
    try:
        article = parse_article("fuzz.txt", text.encode("utf-8"))
    except ArticleError:
        return
    mentions = extract.extract(article, lexicon.load())
    events, _ = merge.merge(mentions)
    for event in events:
        assert event.date.start() <= event.date.end()
        assert event.sources and event.kind


# -- hostile files in seeds/ and content/ -------------------------------------

import os  # noqa: E402
import shutil  # noqa: E402
import stat  # noqa: E402

import pytest  # noqa: E402

from support import cli, make_tree, tree_state  # noqa: E402

KYIV = "2026-01-03-national-security-advisers-kyiv"
SECRET = "TOKEN_abc123_do_not_publish"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A tree with the real seeds, built once; each test works on a copy."""
    tree = make_tree(tmp_path_factory.mktemp("built"))
    out = cli(tree, "build")
    assert out.returncode == 0, out.stderr
    return tree


@pytest.fixture
def tree(built, tmp_path):
    copy = tmp_path / "tree"
    shutil.copytree(built, copy, symlinks=True)
    return copy


def errors(out) -> list[str]:
    lines = out.stderr.splitlines()
    assert "Traceback" not in out.stderr, out.stderr
    return [line for line in lines if line.startswith("error: ")]


def test_links_fifos_devices_and_folders_are_refused_together_and_nothing_changes(tree, tmp_path):
    secret = tmp_path / "environ"
    secret.write_text(f"GITHUB_TOKEN={SECRET}\n", encoding="utf-8")
    seeds, fixes = tree / "seeds", tree / "content" / "corrections"
    fixes.mkdir(parents=True, exist_ok=True)
    (seeds / "010_env.txt").symlink_to(secret)
    (seeds / "011_zero.txt").symlink_to("/dev/zero")
    os.mkfifo(seeds / "012_pipe.txt")
    (seeds / "013_folder.txt").mkdir()
    (seeds / "014_bad.txt").write_bytes(b"\xff not utf-8")  # an ordinary bad seed: reported as well
    (fixes / f"{KYIV}.yml").symlink_to(secret)
    os.mkfifo(fixes / "2026-01-05-chiefs-of-general-staff.yml")
    device = False
    try:
        os.mknod(seeds / "015_device.txt", 0o600 | stat.S_IFCHR, os.makedev(1, 5))  # a /dev/zero of our own
        device = True
    except (PermissionError, OSError):
        pass
    before = tree_state(tree)  # the whole tree: seeds, content/ and what is beside it
    out = cli(tree, "build")  # would hang on the FIFO or fill memory from /dev/zero if either were read
    assert out.returncode == 2
    found = errors(out)
    expected = {
        "seeds/010_env.txt": "is a symbolic link, not a regular file",
        "seeds/011_zero.txt": "is a symbolic link, not a regular file",
        "seeds/012_pipe.txt": "is a named pipe (FIFO), not a regular file",
        "seeds/013_folder.txt": "is a folder, not a regular file",
        "seeds/014_bad.txt": "not valid UTF-8",
        f"content/corrections/{KYIV}.yml": "is a symbolic link, not a regular file",
        "content/corrections/2026-01-05-chiefs-of-general-staff.yml": "is a named pipe (FIFO), not a regular file",
    }
    if device:
        expected["seeds/015_device.txt"] = "is a device, not a regular file"
    for name, reason in expected.items():
        assert sum(line.startswith(f"error: {name}:") and reason in line for line in found) == 1, (name, found)
    assert len(found) == len(expected) + 1  # and the count line
    assert tree_state(tree) == before
    assert SECRET not in out.stdout + out.stderr


def test_a_linked_catalog_is_refused(tree, tmp_path):
    catalog = tree / "content" / "translations" / "en.po"
    outside = tmp_path / "elsewhere.po"
    outside.write_bytes(catalog.read_bytes() if catalog.exists() else b"")
    catalog.parent.mkdir(parents=True, exist_ok=True)
    if catalog.exists():
        catalog.unlink()
    catalog.symlink_to(outside)
    before, linked = tree_state(tree), outside.read_bytes()
    out = cli(tree, "build")
    assert out.returncode == 2
    assert errors(out) == [
        "error: content/translations/en.po: is a symbolic link, not a regular file; only regular files inside the tree are read",
        "error: 1 problem(s); nothing written to content/",
    ]
    assert tree_state(tree) == before and outside.read_bytes() == linked  # neither the link nor what it points at was written




def _bomb(indent: str) -> str:
    """A "billion laughs": nine levels of nine aliases each, 9**9 nodes once expanded."""
    rows = [f"{indent}a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    rows += [f"{indent}a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    return "\n".join(rows) + "\n"


def test_alias_bombs_in_front_matter_and_corrections_are_one_line_each(tree):
    article = "---\ndate:\n" + _bomb("  ") + "title: قمة\n---\nاجتماع في برلين.\n"
    (tree / "seeds" / "020_bomb.txt").write_text(article, encoding="utf-8")
    fixes = tree / "content" / "corrections"
    fixes.mkdir(parents=True, exist_ok=True)
    (fixes / f"{KYIV}.yml").write_text("- field: host\n  value:\n" + _bomb("    ") + "  reason: bomb\n", encoding="utf-8")
    before = tree_state(tree)  # the whole tree: seeds, content/ and what is beside it
    out = cli(tree, "build")
    assert out.returncode == 2
    found = errors(out)
    assert "error: seeds/020_bomb.txt:4: front matter is not valid YAML (aliases (*a0) are not allowed; write the value out)" in found
    assert f"error: content/corrections/{KYIV}.yml:4: not valid YAML (aliases (*a0) are not allowed; write the value out)" in found
    assert len(found) == 3
    assert tree_state(tree) == before


def test_oversized_correction_is_refused(tree):
    fixes = tree / "content" / "corrections"
    fixes.mkdir(parents=True, exist_ok=True)
    (fixes / f"{KYIV}.yml").write_text("# " + "x" * (1024 * 1024) + "\n", encoding="utf-8")
    before = tree_state(tree)
    out = cli(tree, "build")
    assert out.returncode == 2
    assert errors(out) == [f"error: content/corrections/{KYIV}.yml: larger than the 1 MB an input may have", "error: 1 problem(s); nothing written to content/"]
    assert tree_state(tree) == before


def test_control_bidi_and_zero_width_characters_are_cleaned_where_articles_are_read(tree):
    article = (
        "---\ndate: 2026-03-01\ntitle: \"قمة \\u202eطارئة\"\n---\n"
        "أعلن مسؤولون\x00 أن وزراء الخارجية سيجتمعون في بر\u200bلين\x1b[31m يوم 10 مارس المقبل.\n"
    )
    (tree / "seeds" / "030_controls.txt").write_text(article, encoding="utf-8")
    out = cli(tree, "build")
    assert out.returncode == 0, out.stderr
    events = {p.name for p in (tree / "content" / "events").iterdir()}
    assert any(name.startswith("2026-03-10-") and name.endswith("-berlin.yml") for name in events), events
    for path in (tree / "content").rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8")
            for bad in ("\x00", "\x1b", "\u202e", "\u200b"):
                assert bad not in text, (path, repr(bad))
    source = (tree / "content" / "pages" / "sources").rglob("030_controls*.md")
    assert any("[31m" in p.read_text(encoding="utf-8") for p in source)  # the rest of the text is kept, as text


def test_mkdocs_build_refuses_links_and_fifos_with_one_line_each(tmp_path):
    from conftest import copy_project, mkdocs_run

    project = copy_project(tmp_path / "project")
    secret = tmp_path / "environ"
    secret.write_text(f"GITHUB_TOKEN={SECRET}\n", encoding="utf-8")
    (project / "seeds" / "010_env.txt").symlink_to(secret)
    os.mkfifo(project / "seeds" / "012_pipe.txt")
    before = tree_state(project)
    proc = mkdocs_run(project)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1 and "Traceback" not in out
    assert "seeds/010_env.txt: is a symbolic link, not a regular file; only regular files inside the tree are read" in out
    assert "seeds/012_pipe.txt: is a named pipe (FIFO), not a regular file; only regular files inside the tree are read" in out
    assert SECRET not in out
    assert tree_state(project) == before


def test_linked_editorial_folders_are_refused(tree, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / f"{KYIV}.yml").write_text("- field: status\n  value: held\n  reason: from outside the tree\n", encoding="utf-8")
    fixes = tree / "content" / "corrections"
    if fixes.exists():
        shutil.rmtree(fixes)
    fixes.symlink_to(elsewhere, target_is_directory=True)
    translations = tree / "content" / "translations"
    shutil.move(translations, tmp_path / "translations")
    translations.symlink_to(tmp_path / "translations", target_is_directory=True)
    (tmp_path / "translations" / "en.po").write_bytes(b"")
    before = tree_state(tree)  # the whole tree: seeds, content/ and what is beside it
    out = cli(tree, "build")
    assert out.returncode == 2
    found = errors(out)
    assert "error: content/corrections: is a symbolic link, not a folder; only folders inside the tree are read" in found
    assert "error: content/translations: is a symbolic link, not a folder; only folders inside the tree are read" in found
    assert tree_state(tree) == before


def test_clean_removes_controls_overrides_and_splitting_invisibles_but_keeps_marks():
    from generator.reader import clean

    assert clean("a\x00b\x1bc\x7fd\x85e") == "abcde"
    assert clean("x\u202ey\u202az\u2066w\u2069v\u202c") == "xyzwv"  # overrides, embeddings, isolates
    assert clean("بر\u200bلين\u2060\u00ad\ufeff") == "برلين"
    kept = "tab\tline\nrlm\u200f lrm\u200e alm\u061c zwnj\u200c zwj\u200d"
    assert clean(kept) == kept


def test_a_seed_over_the_size_limit_is_refused_with_the_others(tmp_path, monkeypatch):
    from generator import inputs
    from generator.reader import read_seeds

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "001_big.txt").write_bytes(b"date 2026-01-02\n" + b"x" * 200)
    (seeds / "002_ok.txt").write_text("date 2026-01-02\nنص قصير.", encoding="utf-8")
    (seeds / "003_dir.txt").mkdir()
    monkeypatch.setattr(inputs, "SEED_LIMIT", 100)
    articles, problems = read_seeds(seeds)
    assert [a.seed for a in articles] == ["002_ok.txt"]
    assert [str(p) for p in problems] == [
        f"{seeds}/001_big.txt: larger than the 100 bytes an input may have",
        f"{seeds}/003_dir.txt: is a folder, not a regular file; only regular files inside the tree are read",
    ]


def test_an_unpaired_rlo_in_a_title_does_not_reach_the_built_pages(tmp_path):
    from conftest import copy_project, mkdocs_build

    project = copy_project(tmp_path / "project")
    (project / "seeds" / "040_rlo.txt").write_text(
        "---\ndate: 2026-03-01\ntitle: \"قمة\u202e طارئة\\u202e\\0\"\n---\nقال مسؤولون\x1b إن وزراء الخارجية سيجتمعون في روما يوم 9 مارس.\n",
        encoding="utf-8",
    )
    built = mkdocs_build(project)
    pages = [built.site / "sources" / "040_rlo" / "index.html", built.site / "en" / "sources" / "040_rlo" / "index.html"]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "قمة طارئة" in html
        for bad in ("\u202e", "\x00", "\x1b"):
            assert bad not in html, (page, repr(bad))
    for page in built.site.rglob("*.html"):
        assert "\u202e" not in page.read_text(encoding="utf-8"), page


def test_an_input_is_read_whole_up_to_its_limit_and_refused_past_it(tmp_path):
    """``inputs.read``: a regular file's bytes, exactly, up to the limit; one byte more
    is refused, and anything not a regular file is named for what it is (a socket,
    which cannot even be opened, too)."""
    import socket

    from generator import inputs

    for n in (0, 1, 999, 1000):
        (tmp_path / f"f{n}").write_bytes(bytes(range(256)) * (n // 256) + bytes(range(n % 256)))
        assert inputs.read(tmp_path / f"f{n}", 1000) == (tmp_path / f"f{n}").read_bytes()
    (tmp_path / "big").write_bytes(b"x" * 1001)
    with pytest.raises(inputs.InputError, match="larger than the 1000 bytes an input may have"):
        inputs.read(tmp_path / "big", 1000)
    assert inputs.read(tmp_path / "big", 2 * 1024 * 1024) == b"x" * 1001
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(tmp_path / "s.txt"))
        with pytest.raises(inputs.InputError, match="is a socket, not a regular file"):
            inputs.read(tmp_path / "s.txt", 1000)
    finally:
        sock.close()
    (tmp_path / "link.txt").symlink_to(tmp_path / "f1")
    with pytest.raises(inputs.InputError, match="is a symbolic link, not a regular file"):
        inputs.read(tmp_path / "link.txt", 1000)
    with pytest.raises(inputs.InputError, match="No such file"):
        inputs.read(tmp_path / "missing.txt", 1000)
