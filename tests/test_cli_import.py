"""``reader import`` and the CLI's promises: exit codes, one-line errors, no traceback,
``--library`` anywhere, read commands that never create a library."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_cli_support import ARTICLE, GERMAN, distinct, imported_ids, list_json, run, write

from reader.paths import samples_dir


def test_import_samples_then_duplicates(capsys, library_dir: Path) -> None:
    code, out, err = run(capsys, "import", "--samples")
    assert code == 0, err
    n_samples = len([p for p in samples_dir().iterdir() if p.suffix in (".txt", ".md", ".html")])
    lines = out.splitlines()
    assert len(lines) == n_samples >= 8
    assert all(
        line.split(" ", 2)[0] == "imported" and len(line.split(" ", 2)) == 3 for line in lines
    )
    code, out, _ = run(capsys, "import", "--samples")
    assert code == 0 and all(line.startswith("duplicate ") for line in out.splitlines())
    assert len(list_json(capsys)) == n_samples


def test_bad_input_each_gets_one_error_line_and_exit_1(capsys, tmp_path: Path) -> None:
    good = write(tmp_path / "in" / "good.txt", ARTICLE)
    write(tmp_path / "in" / "empty.md", "")
    (tmp_path / "in" / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "empty-folder").mkdir()
    missing = tmp_path / "missing.txt"
    code, out, err = run(
        capsys, "import", str(tmp_path / "in"), str(tmp_path / "empty-folder"), str(missing)
    )
    assert code == 1
    assert len(imported_ids(out)) == 1 and out.split(" ", 2)[2].strip().startswith("Ministers")
    errors = err.splitlines()
    assert len(errors) == 4
    assert all(line.startswith("error ") and ": " in line for line in errors)
    named = {line.split(": ", 1)[0][len("error ") :] for line in errors}
    assert named == {
        str(tmp_path / "in" / "empty.md"),
        str(tmp_path / "in" / "image.html"),
        str(tmp_path / "empty-folder"),
        str(missing),
    }
    assert str(good) not in err


def test_jsonl_bad_line_is_named_by_line(capsys, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        json.dumps({"text": ARTICLE, "title": "Harbour", "tags": ["Häfen"]})
        + "\n"
        + "{broken\n"
        + json.dumps({"text": GERMAN, "lang": "de"})
        + "\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "import", str(corpus))
    assert code == 1
    assert len(imported_ids(out)) == 2
    assert err.startswith(f"error {corpus}:2: ") and len(err.splitlines()) == 1
    rows = list_json(capsys)
    assert {r["title"] for r in rows} >= {"Harbour"}
    assert next(r for r in rows if r["title"] == "Harbour")["tags"] == ["Häfen"]


def test_stdin_import(capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GERMAN.encode("utf-8"))))
    code, out, err = run(capsys, "import", "-")
    assert code == 0, err
    assert len(imported_ids(out)) == 1


def test_empty_stdin_is_an_error(capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    code, out, err = run(capsys, "import", "-")
    assert code == 1 and out == "" and err.startswith("error -: ")


def test_import_without_paths_is_bad_usage(capsys) -> None:
    code, out, err = run(capsys, "import")
    assert code == 2 and len(err.splitlines()) == 1 and err.startswith("reader: ")


def test_library_option_before_or_after_the_command(capsys, tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", ARTICLE)
    lib = tmp_path / "elsewhere" / "lib"
    code, _, err = run(capsys, "--library", str(lib), "import", str(article))
    assert code == 0, err
    assert (lib / "articles.json").exists()
    code, out, _ = run(capsys, "list", "--json", "--library", str(lib))
    assert len(json.loads(out)) == 1
    assert list_json(capsys) == []  # $READER_HOME (the test's) is another library


def test_reader_home_is_the_default(capsys, tmp_path: Path, library_dir: Path) -> None:
    run(capsys, "import", str(write(tmp_path / "a.txt", ARTICLE)))
    assert (library_dir / "articles.json").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["list", "--json"],
        ["list"],
        ["notes", "--json"],
        ["tags"],
        ["search", "harbour"],
        ["show", "abc"],
        ["tag", "abc", "x"],
        ["notes", "abc"],
        ["export"],
        ["doctor"],
        ["reimport"],
        ["rm", "abc"],
    ],
)
def test_commands_never_create_a_missing_library(capsys, library_dir: Path, argv) -> None:
    code, out, err = run(capsys, *argv)
    assert code in (0, 1) and "Traceback" not in err
    if argv == ["list", "--json"] or argv == ["notes", "--json"]:
        assert json.loads(out) == []
    assert not library_dir.exists()


def test_no_progress_output_when_not_a_terminal(capsys, tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", ARTICLE)
    write(tmp_path / "in" / "b.txt", GERMAN)
    code, _, err = run(capsys, "import", str(tmp_path / "in"))
    assert code == 0 and err == ""


def reader_process(*argv: str, **kw) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    return subprocess.run(
        [sys.executable, "-m", "reader", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        **kw,
    )


def test_subprocess_exit_codes_and_no_traceback(tmp_path: Path) -> None:
    lib = str(tmp_path / "lib")
    (tmp_path / "x.pdf.txt").write_bytes(b"%PDF-1.7\n\x00\x00binary")
    done = reader_process(
        "--library", lib, "import", str(tmp_path / "x.pdf.txt"), str(tmp_path / "nope")
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert len(done.stderr.splitlines()) == 2
    bad = reader_process("list", "--no-such-flag", "--library", lib)
    assert bad.returncode == 2 and len(bad.stderr.splitlines()) == 1
    assert bad.stderr.startswith("reader: ")
    unknown = reader_process("--library", lib, "show", "0123")
    assert unknown.returncode == 1 and unknown.stderr.strip() == "reader: no article with id 0123"
    version = reader_process("--version")
    assert version.returncode == 0 and version.stdout.startswith("reader ")


def test_two_processes_importing_at_once_keep_every_article(tmp_path: Path) -> None:
    for side in ("a", "b"):
        for i in range(12):
            write(tmp_path / side / f"{i}.txt", distinct(ARTICLE, i + (100 if side == "b" else 0)))
    lib = str(tmp_path / "lib")
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "reader", "--library", lib, "import", str(tmp_path / side)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for side in ("a", "b")
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    listed = reader_process("--library", lib, "list", "--json")
    ids = {row["id"] for row in json.loads(listed.stdout)}
    printed = {line.split()[1] for out, _ in outs for line in out.splitlines()}
    assert len(ids) == 24 and ids == printed


def test_ctrl_c_exits_130_and_keeps_exactly_what_it_reported(tmp_path: Path) -> None:
    import signal

    # long enough stories that the import outlasts its first batch commit (2 s) by far on any
    # machine: the signal must land mid-run, not after the last article
    story = "\n\n".join([GERMAN] * 10)
    for i in range(1500):
        write(tmp_path / "in" / f"{i:04d}.txt", distinct(story, i))
    lib = str(tmp_path / "lib")
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "--library", lib, "import", str(tmp_path / "in")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    first = proc.stdout.readline()  # the first batch is committed: interrupt mid-run
    proc.send_signal(signal.SIGINT)
    rest = proc.stdout.read()  # (not communicate(): it would skip what readline buffered)
    err = proc.stderr.read()
    proc.wait(timeout=120)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and err.startswith("reader: interrupted")
    printed = {line.split()[1] for line in (first + rest).splitlines()}
    listed = reader_process("--library", lib, "list", "--json")
    listed_ids = {row["id"] for row in json.loads(listed.stdout)}
    assert listed_ids == printed, (len(listed_ids), len(printed), err, rest[-300:])
    assert 0 < len(printed) < 1500
    doctor = reader_process("--library", lib, "doctor")
    assert doctor.returncode == 0, doctor.stderr


def test_progress_bar_only_on_a_terminal() -> None:
    from reader.cli.importing import TerminalProgress

    class Stream(io.StringIO):
        def __init__(self, tty: bool) -> None:
            super().__init__()
            self.tty = tty

        def isatty(self) -> bool:
            return self.tty

    tty, pipe = Stream(True), Stream(False)
    for stream in (tty, pipe):
        progress = TerminalProgress(stream)
        progress.update(0, 4, "a.txt")
        progress.update(4, 4, "\x1b[31md.txt")
        progress.clear()
    assert pipe.getvalue() == ""
    assert "[" in tty.getvalue() and "4/4" in tty.getvalue()
    assert "\x1b[31m" not in tty.getvalue()  # the file name is data


def test_a_library_path_that_is_a_file_is_one_line_error(capsys, tmp_path: Path) -> None:
    blocker = write(tmp_path / "not-a-folder", "x")
    code, _, err = run(
        capsys, "--library", str(blocker), "import", str(write(tmp_path / "a.txt", ARTICLE))
    )
    assert code == 1 and len(err.splitlines()) == 1 and str(blocker) in err


def test_ascii_terminal_does_not_crash_on_umlauts(tmp_path: Path) -> None:
    lib = str(tmp_path / "lib")
    env = dict(os.environ, PYTHONIOENCODING="ascii", LC_ALL="C")
    article = write(tmp_path / "de.txt", GERMAN)
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--library", lib, "import", str(article)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0 and done.stdout.startswith("imported ")
    assert "Traceback" not in done.stderr


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
def test_arbitrary_bytes_never_give_a_traceback(
    capsys, tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    code, out, err = run(capsys, "--library", str(tmp_path / "lib"), "import", str(path))
    assert code in (0, 1)
    assert all(line.startswith(("error ", "warning ")) for line in err.splitlines())
    assert all(line.split(" ", 1)[0] in ("imported", "duplicate") for line in out.splitlines())
