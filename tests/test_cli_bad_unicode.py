"""Text that is not valid Unicode (issue 10, item 5): a lone surrogate in one JSONL record, in an
annotations file, or bytes that are not UTF-8 in a command-line argument. One bad record fails
alone with a one-line error; a merge is whole or not at all; never "unexpected error"."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli_support import ARTICLE, GERMAN, distinct, imported_ids, list_json, run

from annotations.store import AnnotationStore


def jsonl_line(record: dict) -> str:
    """One JSONL line; json.dumps writes a lone surrogate as the escape \\ud800, as a real
    corpus from a broken exporter would hold it."""
    return json.dumps(record)


def article_folders(library: Path) -> set[str]:
    return {p.name for p in (library / "articles").glob("*/*") if p.is_dir()}


def test_a_lone_surrogate_in_one_jsonl_record_fails_that_record_alone(
    capsys, tmp_path: Path, library_dir: Path
) -> None:
    records = [
        {"title": "First good story", "text": distinct(ARTICLE, 1)},
        {"title": "Broken \ud800 title", "text": distinct(ARTICLE, 2)},
        {"title": "Broken tag", "text": distinct(ARTICLE, 3), "tags": ["fine", "bad\udcff"]},
        {"title": "Broken source", "text": distinct(ARTICLE, 4), "source": "Agency \udfff"},
        {"title": "Broken text", "text": distinct(ARTICLE, 5) + " \ud83d end"},
        {"title": "Last good story", "text": distinct(GERMAN, 6), "tags": ["kept"]},
    ]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(jsonl_line(r) for r in records) + "\n", encoding="ascii")
    code, out, err = run(capsys, "import", str(corpus))
    assert code == 1
    assert "unexpected" not in err
    assert len(imported_ids(out)) == 2
    errors = err.splitlines()
    assert [line.split(": ", 1)[0] for line in errors] == [
        f"error {corpus}:{n}" for n in (2, 3, 4, 5)
    ]
    for line, field in zip(errors, ("title", "tags", "source", "text")):
        assert f"'{field}'" in line and "surrogate" in line
    listed = list_json(capsys)
    assert sorted(a["title"] for a in listed) == ["First good story", "Last good story"]
    # no stray folders: every article folder on disk is an indexed article
    assert article_folders(library_dir) == {a["id"] for a in listed}
    code, out, err = run(capsys, "doctor")
    assert code == 0, out + err


def test_a_file_name_that_is_not_utf8_is_imported_with_its_name_shown(
    capsys, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")  # a Latin-1 name: kept by Python as a lone surrogate
    (folder / name).write_text(ARTICLE.split("\n", 1)[1], encoding="utf-8")
    code, out, err = run(capsys, "import", str(folder))
    assert code == 0, err
    [article] = list_json(capsys)
    assert article["title"] == "caf\ufffd.txt"


def annotations_file(path: Path, articles: list[dict]) -> Path:
    data = {"format": "reader-annotations", "schema": 1, "exported": "x", "articles": articles}
    path.write_text(json.dumps(data), encoding="ascii")
    return path


def note(note_id: str, text: str, tags: list[str] | None = None) -> dict:
    stamp = "2024-03-01T10:00:00+00:00"
    return {
        "id": note_id,
        "text": text,
        "tags": tags or [],
        "passage": None,
        "created": stamp,
        "updated": stamp,
    }


@pytest.mark.parametrize(
    "bad",
    [
        {"id": "art2", "tags": [], "notes": [note("n2", "broken \ud800 words")]},
        {"id": "art2", "tags": ["ok", "bad\udcff"], "notes": []},
        {"id": "art2", "tags": [], "notes": [note("n2", "fine", ["x\ud800"])]},
        {"id": "art2", "tags": ["  /  "], "notes": []},  # a tag that is empty once cleaned
        {"id": "art2", "tags": [], "notes": [note("n2", "fine") | {"passage": {"exact": 5}}]},
    ],
    ids=["note-text", "article-tag", "note-tag", "empty-tag", "passage"],
)
def test_import_annotations_with_one_bad_record_merges_nothing(
    capsys, tmp_path: Path, library_dir: Path, bad: dict
) -> None:
    store = AnnotationStore(library_dir / "annotations")
    store.add_note("art1", "mine before the merge")
    before = sorted(p.read_bytes() for p in (library_dir / "annotations").rglob("*.json"))
    path = annotations_file(
        tmp_path / "colleague.json",
        [{"id": "art1", "tags": ["theirs"], "notes": [note("n1", "their first note")]}, bad],
    )
    code, out, err = run(capsys, "import-annotations", str(path))
    assert code == 1
    assert err.count("\n") == 1 and "nothing merged" in err and "unexpected" not in err
    assert str(path) in err
    after = sorted(p.read_bytes() for p in (library_dir / "annotations").rglob("*.json"))
    assert after == before, "the first article must not be merged either"
    assert [n.text for n in AnnotationStore(library_dir / "annotations").notes()] == [
        "mine before the merge"
    ]


def test_import_annotations_merges_every_article_in_one_go(
    capsys, tmp_path: Path, library_dir: Path
) -> None:
    path = annotations_file(
        tmp_path / "colleague.json",
        [
            {"id": "art1", "tags": ["theirs"], "notes": [note("n1", "one")]},
            {"id": "art2", "tags": [], "notes": [note("n2", "two"), note("n3", "three")]},
            {"id": "art1", "tags": ["again"], "notes": [note("n4", "four")]},
        ],
    )
    code, out, err = run(capsys, "import-annotations", str(path))
    assert code == 0, err
    assert "3 notes added" not in out and "4 notes added" in out
    store = AnnotationStore(library_dir / "annotations")
    assert sorted(n.text for n in store.notes()) == ["four", "one", "three", "two"]
    assert store.article_tags("art1") == ["theirs", "again"]
    # merging the same file again changes nothing
    code, out, err = run(capsys, "import-annotations", str(path))
    assert code == 0 and "0 notes added" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["tag", "ID", b"\xff"],
        ["untag", "ID", b"caf\xe9"],
        ["note", "ID", b"a note in Latin-1: caf\xe9"],
        ["note", "ID", "text", "--tag", b"\xfe"],
        ["edit", "ID", "--title", b"\xff\xfe"],
        ["search", b"\xe9t\xe9"],
        ["tags", "--rename", "old", b"\xff"],
        ["show", b"\xff"],
        ["notes", "--tag", b"\xff"],
    ],
    ids=lambda a: " ".join(x if isinstance(x, str) else "BYTES" for x in a),
)
def test_arguments_that_are_not_utf8_get_one_line_and_exit_2(
    tmp_path: Path, library_dir: Path, argv: list
) -> None:
    """Real bytes, through a real process: Python turns them into lone surrogates."""
    env = dict(os.environ, READER_HOME=str(library_dir), LC_ALL="C.UTF-8")
    done = subprocess.run(
        [sys.executable, "-m", "reader", *argv], capture_output=True, env=env, timeout=60
    )
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2, err
    assert err.count("\n") == 1 and "not UTF-8" in err and "unexpected" not in err
    assert "Traceback" not in err and "\x1b" not in err
