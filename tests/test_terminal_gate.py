"""Text is data: nothing a terminal would obey reaches stdout or stderr, error messages included.

Every CLI command (the list comes from the argparse parser, so a new command is covered without
editing this file) is run with a hostile value in each of its arguments and options: an OSC
title sequence, a screen-clearing CSI, BEL, an 8-bit CSI (C1), a bidi override and isolate and a
zero-width space. Whatever the command answers, error or not, must carry none of them raw.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path

import pytest
from test_cli_support import run

from reader.base.text import (
    bounded_bidi,
    escape_json,
    for_terminal,
    for_terminal_with_map,
    strip_control,
)
from reader.cli.main import build_parser

# made up for these tests: each piece is something a terminal acts on
HOSTILE = "\x1b]2;OWNED\x07\x1b[2J\x9b31mred\u202eevil\u2066iso\u200bzw\x07\x7fend"
# raw bytes no terminal output may hold: C0 (but \n and the \t of tab-separated records), DEL,
# C1, bidi formatting, zero width
RAW = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
    r"\u200b-\u200d\u2060\ufeff]"
)

BODY = (
    "A committee met on Monday to discuss the river crossing. The chair said the plan "
    "would be ready by spring.\n\nCritics said the cost had doubled since the first draft "
    "and asked for a second opinion."
)


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """A library with one article whose every field holds bidi and zero-width characters, a
    note and tags with them too (stored text keeps them: they are the user's data)."""
    from reader.library.ingest import import_paths
    from reader.library.store import Library

    base = tmp_path_factory.mktemp("gate")
    corpus = base / "one.jsonl"
    record = {
        "title": "Bridge \u202eplan\u2066 vote\u200b",
        "source": "Daily \u202eNews",
        "text": BODY.replace("river", "ri\u202ever\u200b"),
        "tags": ["\u202etopic"],
        "lang": "en",
    }
    corpus.write_text(json.dumps(record) + "\n", encoding="utf-8")
    root = base / "lib"
    library = Library(root, create=True)
    report = import_paths(library, [str(corpus)])
    assert not report.errors, report.errors
    [meta] = report.imported
    note = library.annotations.add_note(meta.id, "my \u202enote\u2067", tags=["\u2066tagged"])
    return root, meta.id, note.id


@pytest.fixture
def library(template, tmp_path: Path) -> tuple[Path, str, str]:
    root, article, note = template
    copy = tmp_path / "lib"
    shutil.copytree(root, copy)
    return copy, article, note


def hostile_files(folder: Path) -> dict[str, Path]:
    """Files and folders whose names are hostile, for PATH / FILE arguments."""
    folder.mkdir(parents=True, exist_ok=True)
    made = {
        "missing": folder / f"{HOSTILE}.json",
        "not-json": folder / f"{HOSTILE}-bad.json",
        "newer": folder / f"{HOSTILE}-new.json",
        "folder": folder / f"{HOSTILE}-dir",
        "text": folder / f"{HOSTILE}.txt",
        "binary": folder / f"{HOSTILE}-bin.md",
    }
    made["not-json"].write_text(f"{HOSTILE} is not JSON", encoding="utf-8")
    made["newer"].write_text(
        json.dumps({"format": "reader-annotations", "schema": 99, "articles": []}),
        encoding="utf-8",
    )
    made["folder"].mkdir(exist_ok=True)
    made["text"].write_text(f"{HOSTILE}\n\n{BODY} {HOSTILE}", encoding="utf-8")
    made["binary"].write_bytes(b"\x00\x01\x02" * 100)
    return made


def argvs(name: str, parser: argparse.ArgumentParser, article: str, note: str, files) -> list:
    """The argument lists to try for one command: every positional hostile; IDs valid and the
    rest hostile; each option hostile in turn; each PATH-like argument as each hostile file."""
    positionals = [a for a in parser._actions if not a.option_strings]
    options = [
        a
        for a in parser._actions
        if a.option_strings and a.dest not in ("help", "library") and a.nargs != 0
    ]
    flags = [a for a in parser._actions if a.option_strings and a.nargs == 0 and a.dest != "help"]

    def fill(action: argparse.Action, value_for_id: str | None, path: Path | None) -> list[str]:
        meta = str(action.metavar or action.dest).upper()
        if value_for_id is not None and "ID" in meta:
            return [value_for_id] + ([HOSTILE] if "TEXT" in meta else [])
        if path is not None and any(w in meta for w in ("PATH", "FILE")):
            return [str(path)]
        return [HOSTILE]

    out: list[list[str]] = []
    for path in [None, *files.values()]:
        for id_value in (None, article, note):
            base = [name]
            for action in positionals:
                if action.nargs == "?" and id_value is None and path is None:
                    continue
                base += fill(action, id_value, path)
            out.append(base)
            if path is None:
                for option in options:
                    count = option.nargs if isinstance(option.nargs, int) else 1
                    out.append(base + [option.option_strings[-1]] + [HOSTILE] * count)
                out += [base + [flag.option_strings[-1]] for flag in flags]
    out.append([name, f"--{HOSTILE}"])  # an unknown option: argparse names it
    for dest in ("-o", "--output"):  # export into a folder that does not exist
        if any(dest in a.option_strings for a in options):
            out.append([name, article, dest, str(files["missing"].parent / HOSTILE / "x.md")])
            out.append([name, article, dest, str(files["missing"].parent / HOSTILE) + "/"])
    unique = []
    for argv in out:
        if argv not in unique:
            unique.append(argv)
    return unique


@pytest.mark.parametrize("command", sorted(subcommands()))
def test_no_command_lets_a_control_sequence_through(
    capsys, library, tmp_path, monkeypatch, command
) -> None:
    root, article, note = library
    monkeypatch.chdir(tmp_path)  # "-o HOSTILE" writes a file: here, not in the repository
    # a person at a terminal (Markdown export to a pipe is a file's bytes: tested below)
    monkeypatch.setattr("reader.cli.export._is_terminal", lambda stream: True)
    parser = subcommands()[command]
    files = hostile_files(tmp_path / "files")
    tried = 0
    for argv in argvs(command, parser, article, note, files):
        if command == "import" and argv[1:2] == ["-"]:
            continue  # stdin has its own test (test_cli_import)
        code, out, err = run(capsys, "--library", str(root), *argv)
        tried += 1
        assert "Traceback" not in err, (argv, err)
        found = RAW.search(out + err)
        assert found is None, (argv, repr(found.group(0)), out[-300:], err[-300:])
        assert code in (0, 1, 2), (argv, code, err)
    assert tried >= 2


def test_the_issue_paths_name_the_thing_without_obeying_it(capsys, library, tmp_path) -> None:
    """The 11 paths from the issue: an error line each, naming what it was given (visibly)."""
    root, article, _ = library
    files = hostile_files(tmp_path / "files")
    cases = [
        ["show", HOSTILE],
        ["note", HOSTILE, "text"],
        ["tag", HOSTILE, "t"],
        ["export", HOSTILE],
        ["notes", HOSTILE],
        ["rm", HOSTILE],
        ["note", article, "text", "--passage", HOSTILE],
        ["import-annotations", str(files["missing"])],
        ["import-annotations", str(files["not-json"])],
        ["import-annotations", str(files["newer"])],
        ["export", article, "-o", str(tmp_path / HOSTILE / "x.md")],
    ]
    for argv in cases:
        code, out, err = run(capsys, "--library", str(root), *argv)
        assert code == 1, (argv, err)
        [line] = err.splitlines()
        assert RAW.search(line) is None, (argv, line)
        assert "evil" in line and "end" in line, (argv, line)  # the value, made harmless
        assert "\u27e8U+202E\u27e9" in line, (argv, line)


def test_the_library_option_itself_is_shown_safely(capsys, tmp_path) -> None:
    afile = tmp_path / HOSTILE
    afile.write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "--library", str(afile), "list")
    assert code == 1 and RAW.search(err) is None and "evil" in err


# ---- item 7: bidi and zero-width characters in what people read -----------------------------
def test_people_see_marks_where_bidi_controls_were(capsys, library) -> None:
    root, article, _ = library
    for argv in (
        ["list"],
        ["show", article],
        ["notes"],
        ["tags"],
        ["search", "committee"],
        ["list", "--tag", "\u202etopic"],
    ):
        code, out, err = run(capsys, "--library", str(root), *argv)
        assert code == 0, (argv, err)
        assert RAW.search(out) is None, (argv, out)
        assert "\u27e8U+202E\u27e9" in out, (argv, out)  # an override is shown, not obeyed


def test_json_output_keeps_them_escaped_and_lossless(capsys, library) -> None:
    root, article, _ = library
    code, out, _ = run(capsys, "--library", str(root), "list", "--json")
    assert code == 0 and RAW.search(out) is None
    assert "\\u202e" in out
    [row] = json.loads(out)
    assert row["title"] == "Bridge \u202eplan\u2066 vote\u200b"  # exactly what was stored
    assert row["tags"] == ["\u202etopic"]
    code, out, _ = run(capsys, "--library", str(root), "notes", "--json")
    [note] = json.loads(out)
    assert note["text"] == "my \u202enote\u2067" and note["tags"] == ["\u2066tagged"]
    code, out, _ = run(capsys, "--library", str(root), "search", "committee", "--json")
    assert RAW.search(out) is None and json.loads(out)[0]["title"].startswith("Bridge \u202e")
    code, out, _ = run(capsys, "--library", str(root), "export", "--format", "json")
    assert RAW.search(out) is None
    assert json.loads(out)["articles"][0]["notes"][0]["text"] == "my \u202enote\u2067"


def test_stored_text_keeps_them(library) -> None:
    from reader.library.store import Library

    root, article, _ = library
    lib = Library(root)
    assert "ri\u202ever\u200b" in lib.text(article)
    assert lib.get(article).title == "Bridge \u202eplan\u2066 vote\u200b"


def test_markdown_export_keeps_them_but_closes_every_override(capsys, library, tmp_path) -> None:
    """A file is data: the characters stay, but each value closes what it opened, so nothing
    after it on the line is reordered."""
    root, article, _ = library
    target = tmp_path / "out.md"
    code, _, err = run(capsys, "--library", str(root), "export", article, "-o", str(target))
    assert code == 0, err
    text = target.read_text(encoding="utf-8")
    assert "\u202e" in text
    for line in text.splitlines():
        assert bounded_bidi(line) == line, line  # every line closes its own scopes
    code, piped, _ = run(capsys, "--library", str(root), "export", article)
    assert "\u202e" in piped  # to a pipe: the file's bytes


def test_markdown_export_on_a_terminal_goes_through_the_gate(capsys, library, monkeypatch) -> None:
    import sys

    root, article, _ = library
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    code, out, _ = run(capsys, "--library", str(root), "export", article)
    assert code == 0 and RAW.search(out) is None and "\u27e8U+202E\u27e9" in out


# ---- the gate itself ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\x1b]2;title\x07b", "ab"),  # OSC title
        ("a\x1b]0;title\x1b\\b", "ab"),  # OSC ended by ST
        ("a\x1b[2Jb", "ab"),  # clear screen
        ("a\x9b2Jb", "a2Jb"),  # 8-bit CSI: the introducer goes, the rest is plain text
        ("a\x07\x08\x7fb", "ab"),
        ("a\u202eb", "a\u27e8U+202E\u27e9b"),
        ("a\u2067b\u2069", "a\u27e8U+2067\u27e9b\u27e8U+2069\u27e9"),
        ("a\u200bb\u200ec\ufeff", "abc"),
        ("a\ud800b", "a\ufffdb"),
        ("line one\r\nline\ttwo", "line one\nline\ttwo"),
    ],
)
def test_for_terminal(raw: str, shown: str) -> None:
    assert for_terminal(raw) == shown
    assert "\n" not in for_terminal(raw, one_line=True)


def test_offsets_move_with_their_characters() -> None:
    text = "ab\u202ecd\x1b[1me\u200bf"
    shown, move = for_terminal_with_map(text)
    assert shown == "ab\u27e8U+202E\u27e9cdef"
    for old, char in enumerate(text):
        if char in "abcdef":
            assert shown[move(old)] == char
    assert move(len(text)) == len(shown)


def test_escape_json_is_lossless() -> None:
    value = {"t": "a\u202eb\x85c\u200bd\u2028e\x7f"}
    dumped = escape_json(json.dumps(value, ensure_ascii=False))
    assert RAW.search(dumped) is None and json.loads(dumped) == value


def test_stored_normal_form_keeps_bidi() -> None:
    assert strip_control("a\u202eb\x1b[2Jc") == "a\u202ebc"


def test_bounded_bidi_closes_in_nesting_order() -> None:
    assert bounded_bidi("x\u202ey\u2067z") == "x\u202ey\u2067z\u2069\u202c"
    assert bounded_bidi("x\u202ey\u202cz") == "x\u202ey\u202cz"
    assert bounded_bidi("plain") == "plain"
