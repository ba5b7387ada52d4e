"""Fuzz: random bytes and random JSON records fed to import (every format), import-annotations
and the store's readers. Promise: 0 tracebacks (every failure is one line: an ImportFailure, an
``error PATH[:LINE]: ...`` line or ``reader: ...``, never an internal error) and 0 lost records
(the good lines of a corpus, and the notes of the files that are intact, all land).

Kept to a modest number of examples so the file runs in well under 20 s.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_cli_support import ARTICLE, run

from reader.importing.importer import ImportFailure, ParsedArticle, parse_document
from reader.library.ingest import import_paths
from reader.library.store import Library

FUZZ = settings(
    deadline=None,
    derandomize=True,  # the same examples every run: CI is reproducible (a found bug gets a test)
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
WORDS = st.sampled_from(
    "the council said bridge river plan vote week costs ministers harbour report city".split()
)
# text with the characters that have broken readers before: controls, escapes, bidi, NUL
NASTY = st.lists(
    st.one_of(
        st.characters(codec="utf-8", exclude_categories=["Cs"]),
        st.sampled_from(["\x00", "\x1b[2J", "\x1b]2;t\x07", "\u202e", "\u200b", "\r", "\x9b"]),
    ),
    max_size=20,
).map("".join)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | NASTY,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(NASTY, inner, max_size=4),
    max_leaves=12,
)


def one_line(message: str) -> bool:
    return bool(message) and "\n" not in message and "Traceback" not in message


# ---- documents -------------------------------------------------------------------------------
@settings(FUZZ, max_examples=100)
@given(
    data=st.one_of(
        st.binary(max_size=3000),
        st.builds(
            lambda text, enc: text.encode(enc, "replace"),
            st.text(max_size=600),
            st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1"]),
        ),
        st.builds(lambda t: f"<html><p>{t}</p></html>".encode(), NASTY),
    ),
    name=st.sampled_from(["a.txt", "a.md", "a.markdown", "a.html", "a.htm", "a.eml", "-"]),
)
def test_any_bytes_are_an_article_or_one_line_failure(data: bytes, name: str) -> None:
    try:
        article = parse_document(data, name)
    except ImportFailure as failure:
        assert one_line(str(failure)), repr(str(failure))
        return
    assert isinstance(article, ParsedArticle) and article.text.strip()
    assert "\x1b" not in article.text and "\x00" not in article.text


# ---- corpora: every good record lands ----------------------------------------------------------
GOOD = st.fixed_dictionaries(
    {"text": st.lists(WORDS, min_size=12, max_size=40).map(" ".join)},
    optional={
        "title": NASTY,
        "source": NASTY,
        "date": NASTY,
        "url": NASTY,
        "lang": st.sampled_from(["en", "de", "xx", ""]),
        "tags": st.lists(NASTY, max_size=3),
    },
).map(lambda r: ("good", json.dumps(r, ensure_ascii=bool(r.get("title", "")[:1])).encode()))
BAD = st.one_of(
    JSON.filter(lambda v: not (isinstance(v, dict) and isinstance(v.get("text"), str))).map(
        lambda v: ("bad", json.dumps(v).encode())
    ),
    st.binary(min_size=1, max_size=80)
    .filter(lambda b: b"\n" not in b and b.strip() and not b.strip().startswith(b"{"))
    .map(lambda b: ("bad", b)),
    st.just(("bad", b'{"text": "a line with a \x00 NUL byte in it and more words"}')),
    # what a file's first bytes are judged by: a byte-order mark, a binary format's magic
    st.builds(
        lambda head, tail: ("bad", head + tail),
        st.sampled_from([b"\xef\xbb\xbf", b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\x1f\x8b"]),
        st.binary(max_size=20).filter(lambda b: b"\n" not in b and not b.strip().startswith(b"{")),
    ),
)
GOOD_LINE = b'{"text": "the council said the bridge plan would cost more than the report said"}'


@settings(FUZZ, max_examples=20)
@given(lines=st.lists(st.one_of(GOOD, GOOD, BAD), min_size=1, max_size=8))
@example(lines=[("bad", b"\xef\xbb\xbf"), ("good", GOOD_LINE)])  # a random run found these two
@example(lines=[("bad", b"%PDF-1.4"), ("good", GOOD_LINE)])
def test_a_corpus_loses_only_its_bad_lines(lines: list[tuple[str, bytes]]) -> None:
    work = Path(tempfile.mkdtemp(prefix="reader-fuzz-"))
    try:
        corpus = work / "c.jsonl"
        corpus.write_bytes(b"\n".join(raw for _, raw in lines) + b"\n")
        seen: dict[str, str] = {}
        report = import_paths(
            Library(work / "lib", create=True),
            [str(corpus)],
            on_result=lambda outcome: seen.setdefault(outcome.name, outcome.status),
        )
        if seen.get(str(corpus)) == "error":  # refused whole: binary, with no record in it
            assert all(kind == "bad" for kind, _ in lines), report.errors
            return
        for number, (kind, _) in enumerate(lines, start=1):
            status = seen.get(f"{corpus}:{number}")
            if kind == "good":
                assert status in ("imported", "duplicate"), (number, status, report.errors)
            else:
                assert status == "error", (number, status)
        assert all(one_line(reason) for _, reason in report.errors), report.errors
        assert not any("internal error" in reason for _, reason in report.errors)
    finally:
        shutil.rmtree(work, ignore_errors=True)


# ---- import-annotations ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """A library with an annotated article, and its lossless export."""
    from annotations.export import to_json
    from reader.library.export import collect_export

    root = tmp_path_factory.mktemp("fuzz-annotations") / "lib"
    article = Library(root, create=True)
    source = root.parent / "a.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    [meta] = import_paths(article, [str(source)]).imported
    article.annotations.add_note(meta.id, "first thought", tags=["port"])
    article.annotations.add_note(meta.id, "second thought")
    data = to_json(collect_export(article, [], None), exported="2024-01-01T00:00:00+00:00")
    return root, data


def mutate(data: dict, path: list, value) -> dict:
    """``data`` with the value at ``path`` (indexes into lists and dicts) replaced."""
    data = json.loads(json.dumps(data))
    node = data
    for step in path[:-1]:
        if isinstance(node, dict) and node:
            node = node[list(node)[step % len(node)]]
        elif isinstance(node, list) and node:
            node = node[step % len(node)]
        else:
            return data
    if isinstance(node, dict) and node:
        node[list(node)[path[-1] % len(node)]] = value
    elif isinstance(node, list) and node:
        node[path[-1] % len(node)] = value
    return data


@settings(FUZZ, max_examples=30)
@given(
    how=st.sampled_from(["mutate", "mutate", "random", "bytes"]),
    path=st.lists(st.integers(0, 9), min_size=1, max_size=5),
    value=JSON,
    raw=st.binary(max_size=200),
)
def test_import_annotations_never_gives_a_traceback(
    capsys, exported, tmp_path_factory, how, path, value, raw
) -> None:
    root, data = exported
    file = tmp_path_factory.mktemp("in") / "export.json"
    if how == "mutate":
        file.write_text(json.dumps(mutate(data, path, value)), encoding="utf-8")
    elif how == "random":
        file.write_text(json.dumps(value), encoding="utf-8")
    else:
        file.write_bytes(raw)
    code, out, err = run(capsys, "--library", str(root), "import-annotations", str(file))
    assert code in (0, 1), (code, err)
    assert "Traceback" not in err and "internal error" not in err, err
    if code == 1:
        assert len(err.splitlines()) == 1 and out == "", err
    else:
        assert out.startswith("merged ")


# ---- the store's readers: a damaged file costs its own records only ---------------------------
@pytest.fixture(scope="module")
def two_articles(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    root = tmp_path_factory.mktemp("fuzz-store") / "lib"
    library = Library(root, create=True)
    folder = root.parent / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(
        ARTICLE.replace("harbour", "airport").replace("Hamburg", "Bremen") + " Other words.",
        encoding="utf-8",
    )
    a, b = (m.id for m in import_paths(library, [str(folder)]).imported)
    for n in range(3):
        library.annotations.add_note(a, f"note {n} on a", tags=["x"])
        library.annotations.add_note(b, f"note {n} on b", tags=["y"])
    return root, a, b


@settings(FUZZ, max_examples=20)
@given(
    content=st.one_of(
        st.binary(max_size=300),
        JSON.filter(lambda v: not isinstance(v, dict)).map(lambda v: json.dumps(v).encode()),
    ),
    target=st.sampled_from(["annotations", "index"]),
)
def test_a_damaged_store_file_is_named_and_costs_only_its_own_records(
    capsys, two_articles, tmp_path_factory, content: bytes, target: str
) -> None:
    template, a, b = two_articles
    root = tmp_path_factory.mktemp("copy") / "lib"
    shutil.copytree(template, root)
    if target == "annotations":
        [path] = (root / "annotations").rglob(f"{a}.json")
    else:
        path = root / "articles.json"
        for derived in root.glob("articles.cache*"):
            derived.unlink()
    path.write_bytes(content)
    for argv in (["notes", "--json"], ["list", "--json"], ["tags", "--json"], ["show", b]):
        code, out, err = run(capsys, "--library", str(root), *argv)
        assert code in (0, 1), (argv, code, err)
        assert "Traceback" not in err and "internal error" not in err, (argv, err)
        assert all(line.startswith(("reader: ", "error ", "problem ")) for line in err.splitlines())
        if target == "annotations" and argv == ["notes", "--json"]:
            texts = sorted(n["text"] for n in json.loads(out) if n["article"] == b)
            assert texts == [f"note {n} on b" for n in range(3)]  # the intact file: all of it
