"""Two small import/analyse bugs: ``reader analyze -`` reads stdin like ``reader import -``;
a JSONL corpus whose last chunk is only its trailing newline is not an "empty file"."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

from test_cli_support import ARTICLE, distinct, run

from reader.library import ingest
from reader.library.ingest import import_paths
from reader.library.store import Library


def test_analyze_dash_reads_the_article_from_stdin(capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8"))))
    code, out, err = run(capsys, "analyze", "-", "--json")
    assert code == 0, err
    [result] = json.loads(out)
    assert result["path"] == "-"
    assert result["title"] == "Ministers agree on a new harbour plan"
    assert "Anna Berg" in result["text"]
    assert any(q["kind"] == "direct" for q in result["quotes"])


def test_analyze_dash_with_empty_stdin_is_a_one_line_error(capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    code, _, err = run(capsys, "analyze", "-", "--json")
    assert code == 1
    assert err.strip() == "error -: empty file"


def test_a_last_chunk_of_only_the_trailing_newline_is_no_error(tmp_path: Path, monkeypatch) -> None:
    lines = []
    for i in range(4):  # equal lengths, so chunks end exactly at the last line
        line = json.dumps({"text": distinct(ARTICLE, i), "title": f"T{i}"})
        lines.append(line)
    width = max(len(line) for line in lines)
    lines = [line[:-1] + " " * (width - len(line)) + "}" for line in lines]
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    monkeypatch.setattr(ingest, "CHUNK_BYTES", 2 * (width + 1))
    with corpus.open("rb") as stream:
        pieces = list(ingest._corpus_chunks(stream))
    assert pieces[-1][0] == b""  # the case: a chunk holding only what follows the last newline
    lib = Library(tmp_path / "lib", create=True)
    report = import_paths(lib, [corpus])
    assert report.errors == []
    assert sorted(m.title for m in report.imported) == ["T0", "T1", "T2", "T3"]


def test_a_corpus_of_only_blank_lines_is_still_an_empty_file(tmp_path: Path) -> None:
    corpus = tmp_path / "blank.jsonl"
    corpus.write_bytes(b"\n\n  \n")
    report = import_paths(Library(tmp_path / "lib", create=True), [corpus])
    assert report.errors == [(str(corpus), "empty file")]
