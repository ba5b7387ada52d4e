"""Imports that would hang or blow up: every document is parsed in a worker under a CPU and a
memory limit (small limits here, through the environment, so the tests stay fast); things
that are not regular files are skipped; ctrl+c stops at once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_cli_support import ARTICLE

from reader.library.analysis_pool import InternalError, Limits, WorkerFailed, Workers
from reader.library.ingest import import_paths
from reader.library.store import Library

REPO = Path(__file__).resolve().parents[1]


def many_paragraphs(path: Path, count: int) -> Path:
    """A page of ``count`` tiny paragraphs: cheap to write, slow to clean."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("<html><body>" + "<p>x</p>" * count + "</body></html>", encoding="utf-8")
    return path


def good(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "good.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run_import(tmp_path: Path, *paths: Path):
    library = Library(tmp_path / "lib", create=True)
    seen: list[tuple[str, str, str]] = []
    report = import_paths(
        library,
        [str(p) for p in paths],
        on_result=lambda o: seen.append((o.status, o.name, o.reason)),
    )
    return report, seen


def test_a_document_over_the_cpu_limit_fails_alone(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("READER_PARSE_CPU_SECONDS", "1")
    slow = many_paragraphs(tmp_path / "in" / "slow.html", 60_000)  # several seconds of CPU
    ok = good(tmp_path / "in")
    report, _ = run_import(tmp_path, slow, ok)
    assert report.errors == [(str(slow), "parsing took too long (limit 1 s CPU)")]
    assert [m.file for m in report.imported] == [str(ok)]


def test_a_document_over_the_memory_limit_fails_alone(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("READER_PARSE_MEMORY_MB", "20")
    big = tmp_path / "in" / "one-line.txt"
    big.parent.mkdir(parents=True)
    big.write_text("word " * 800_000, encoding="utf-8")  # one 4 MB line: far more than 20 MB
    ok = good(tmp_path / "in")
    report, _ = run_import(tmp_path, big, ok)
    assert report.errors == [(str(big), "parsing needed too much memory (limit 20 MB)")]
    assert [m.file for m in report.imported] == [str(ok)]


def test_the_default_limits() -> None:
    assert Limits.for_parsing() == Limits(cpu_seconds=10, memory_mb=500)


def reader_cli(*argv: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *argv],
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ, PYTHONPATH=str(REPO), **(env or {})),
        **kw,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_inside_a_folder_is_skipped_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    ok = good(folder)
    os.mkfifo(folder / "pipe.txt")  # reading it would wait for a writer forever
    done = reader_cli("--library", str(tmp_path / "lib"), "import", str(folder), timeout=120)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [f"error {folder / 'pipe.txt'}: not a regular file"]
    assert done.stdout.startswith("imported ") and str(ok) not in done.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_on_the_command_line_is_refused_clearly(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.html"
    os.mkfifo(pipe)
    done = reader_cli("--library", str(tmp_path / "lib"), "import", str(pipe), timeout=120)
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith(f"error {pipe}: not a regular file") and "reader import -" in line


def test_stdin_is_read_under_the_size_limit(tmp_path: Path, monkeypatch) -> None:
    from reader.importing import importer

    monkeypatch.setattr(importer, "MAX_BYTES", 1000)
    library = Library(tmp_path / "lib", create=True)

    class Endless:
        """A stream that never ends: only a bounded read can finish."""

        def __init__(self) -> None:
            self.asked: list[int] = []

        def read(self, size: int = -1) -> bytes:
            assert size >= 0, "stdin must be read with a limit"
            self.asked.append(size)
            return b"word " * (size // 5 + 1)

    stream = Endless()
    import_paths(library, ["-"], stdin=stream)  # type: ignore[arg-type]
    assert stream.asked == [1001]  # one byte more than the limit: enough to call it too large


def test_ctrl_c_stops_a_slow_parse_at_once(tmp_path: Path) -> None:
    slow = many_paragraphs(tmp_path / "slow.html", 400_000)  # minutes of parsing
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "--library", str(tmp_path / "lib"), "import", str(slow)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO), READER_PARSE_CPU_SECONDS="600"),
    )
    time.sleep(4)  # the parse is under way
    sent = time.monotonic()
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    waited = time.monotonic() - sent
    assert proc.returncode == 130, err
    assert err.startswith("reader: interrupted") and "Traceback" not in err
    assert waited < 10, waited  # one ctrl+c, not the end of the parse


# ---- the workers themselves --------------------------------------------------------------------
def failing_job(value: int) -> int:
    return {"only": 1}[str(value)]  # a KeyError: a bug in a job


def dying_job() -> None:
    os._exit(3)


def test_a_bug_in_a_job_is_an_internal_error_naming_the_place() -> None:
    workers = Workers(1)
    try:
        with pytest.raises(InternalError) as caught:
            workers.submit(failing_job, (5,)).result(timeout=60)
        message = str(caught.value)
        # the deepest frame in reader's own code (here: where the worker ran the job)
        assert message.startswith("internal error in reader/library/analysis_pool.py:")
        assert message.endswith("(KeyError: '5'); please report")
        with pytest.raises(WorkerFailed, match="exit code 3"):
            workers.submit(dying_job, ()).result(timeout=60)
        assert workers.submit(len, ("abc",)).result(timeout=60) == 3  # a new worker took over
    finally:
        workers.shutdown()


# ---- the other parses of untrusted bytes: corpus lines, reimport, doctor, analyze ------------
def corpus_with_a_huge_line(path: Path) -> Path:
    """Three records; the second's text is one 4 MB line (far more than 20 MB to clean)."""
    records = [
        {"title": "First", "text": ARTICLE},
        {"title": "Huge", "text": "word " * 800_000},
        {"title": "Third", "text": ARTICLE.replace("harbour", "airport")},
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_a_corpus_line_over_the_memory_limit_fails_alone(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("READER_PARSE_MEMORY_MB", "20")
    corpus = corpus_with_a_huge_line(tmp_path / "in" / "c.jsonl")
    report, _ = run_import(tmp_path, corpus)
    assert report.errors == [(f"{corpus}:2", "parsing needed too much memory (limit 20 MB)")]
    assert [m.title for m in report.imported] == ["First", "Third"]


def test_a_corpus_line_within_the_limits_still_imports(tmp_path: Path) -> None:
    corpus = corpus_with_a_huge_line(tmp_path / "in" / "c.jsonl")  # default limits: 500 MB
    report, _ = run_import(tmp_path, corpus)
    assert report.errors == []
    assert [m.title for m in report.imported] == ["First", "Huge", "Third"]


def test_reimport_and_doctor_parse_the_kept_original_under_the_limits(
    capsys, tmp_path: Path, monkeypatch
) -> None:
    from test_cli_support import run

    root = tmp_path / "lib"
    corpus = corpus_with_a_huge_line(tmp_path / "in" / "c.jsonl")
    code, out, err = run(capsys, "--library", str(root), "import", str(corpus))
    assert code == 0, err
    huge = next(line.split()[1] for line in out.splitlines() if line.endswith(" Huge"))
    monkeypatch.setenv("READER_PARSE_MEMORY_MB", "20")
    code, out, err = run(capsys, "--library", str(root), "reimport")
    assert code == 1
    assert err.splitlines() == [f"error {huge}: parsing needed too much memory (limit 20 MB)"]
    assert len(out.splitlines()) == 2  # the other two re-imported
    (root / "articles.json").unlink()  # a lost index: doctor rebuilds it from the originals
    code, out, err = run(capsys, "--library", str(root), "doctor", "--repair")
    assert f"could not rebuild {huge} (parsing needed too much memory (limit 20 MB))" in out
    assert "rebuilt the index from 2 kept originals" in out


def test_analyze_parses_each_file_under_the_limits(capsys, tmp_path: Path, monkeypatch) -> None:
    from test_cli_support import run

    monkeypatch.setenv("READER_PARSE_CPU_SECONDS", "1")
    slow = many_paragraphs(tmp_path / "in" / "slow.html", 60_000)  # several seconds of CPU
    ok = good(tmp_path / "in")
    code, out, err = run(capsys, "analyze", str(slow), str(ok), "--json")
    assert code == 1
    assert err.splitlines() == [f"error {slow}: parsing took too long (limit 1 s CPU)"]
    assert [r["path"] for r in json.loads(out)] == [str(ok)]
