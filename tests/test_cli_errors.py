"""Failures the CLI must name, not hide: damaged annotation files, bad library paths, empty
queries; and text for people reads like English ("1 note", not "1 notes")."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli_support import ARTICLE, GERMAN, imported_ids, run, write

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def two(capsys, tmp_path: Path) -> list[str]:
    code, out, err = run(
        capsys,
        "import",
        str(write(tmp_path / "en.txt", ARTICLE)),
        str(write(tmp_path / "de.txt", GERMAN)),
    )
    assert code == 0, err
    return imported_ids(out)


def damage(library_dir: Path, article: str) -> tuple[Path, bytes]:
    """Truncate the article's annotation file, as a full disk or a bad copy would."""
    [path] = (library_dir / "annotations").rglob(f"{article}.json")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path, path.read_bytes()


def test_a_damaged_annotation_file_is_never_reported_as_no_notes(capsys, two, library_dir) -> None:
    en, de = two
    for i in range(5):
        assert run(capsys, "note", en, f"precious {i}")[0] == 0
    assert run(capsys, "note", de, "other")[0] == 0
    path, damaged = damage(library_dir, en)

    code, out, err = run(capsys, "notes", "--json")
    assert code == 1
    assert [n["text"] for n in json.loads(out)] == ["other"]  # what can be read is still shown
    [line] = err.splitlines()
    assert str(path) in line and ".corrupt-" in line and en in line

    for argv in (["list", "--json"], ["list"], ["notes"]):
        code, out, err = run(capsys, *argv)
        assert code == 1 and str(path) in err and len(err.splitlines()) == 1, argv
        assert de in out, argv
    rows = json.loads(run(capsys, "list", "--json")[1])
    assert {r["id"] for r in rows} == {en, de}

    code, out, err = run(capsys, "tags", "--json")  # its tags are not counted: said so
    assert code == 1 and json.loads(out) == [] and str(path) in err
    code, out, err = run(capsys, "show", en)  # the text still shows, the damage is named
    assert code == 1 and "harbour plan" in out and str(path) in err
    code, out, err = run(capsys, "notes", en, "--json")  # the article's own notes: an error
    assert code == 1 and str(path) in err
    code, _, err = run(capsys, "note", en, "more")  # and nothing is written over it
    assert code == 1 and "will not write" in err
    assert path.read_bytes() == damaged
    backups = list(path.parent.glob(f"{path.name}.corrupt-*"))
    assert [b.read_bytes() for b in backups] == [damaged]


@pytest.mark.parametrize("query", ["", "   ", "\t"])
def test_search_needs_a_word(capsys, two, query: str) -> None:
    code, out, err = run(capsys, "search", query)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith("reader: search needs a word")


@pytest.mark.parametrize("argv", [["list"], ["import", "x.txt"], ["notes", "--json"], ["tags"]])
def test_library_that_is_a_file_is_one_clear_line(capsys, tmp_path: Path, argv) -> None:
    afile = write(tmp_path / "afile", "not a library")
    code, out, err = run(capsys, "--library", str(afile), *argv)
    assert (code, out) == (1, "")
    assert err == f"reader: library {afile}: not a folder\n"
    inner = afile / "lib"
    code, _, err = run(capsys, *argv, "--library", str(inner))
    assert code == 1 and err == f"reader: library {inner}: not a folder ({afile} is a file)\n"
    assert afile.read_text() == "not a library"


def test_counts_in_text_output_agree_with_their_number(capsys, two) -> None:
    code, out, err = run(capsys, "doctor")
    assert code == 0 and "library OK: 2 articles, 0 notes" in out, err
    run(capsys, "rm", two[1])
    run(capsys, "note", two[0], "one")
    code, out, err = run(capsys, "doctor")
    assert code == 0 and "library OK: 1 article, 1 note" in out, err


def test_version_and_help_do_not_load_the_store() -> None:
    probe = (
        "import sys\nfrom reader.cli.main import main\n"
        "for argv in (['--version'], ['--help']):\n    assert main(argv) == 0\n"
        "heavy = [m for m in ('annotations.store', 'tinydb', 'reader.library.store', 'rich')"
        " if m in sys.modules]\nprint(heavy, file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "[]"
