"""Bulk import: a corpus imported again (after ctrl+c) skips what is in; progress with an ETA;
a run that only counts keeps no list of every row. The corpus lines are made up."""

from __future__ import annotations

import io
import json
from pathlib import Path

from test_cli_support import distinct, run

from reader.cli.importing import TerminalProgress
from reader.library.ingest import import_paths
from reader.library.store import Library

STORY = (
    "The river ferry will run every hour from May, the harbour office said on Monday. "
    "Commuters had asked for more crossings since the bridge was closed for repairs."
)


def corpus(path: Path, start: int, stop: int) -> Path:
    lines = [
        json.dumps({"title": f"Ferry story {n}", "text": distinct(STORY, n), "lang": "en"})
        for n in range(start, stop)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_running_the_same_import_again_skips_what_is_in(capsys, tmp_path: Path) -> None:
    part = corpus(tmp_path / "part.jsonl", 0, 8)  # what an interrupted run got in
    code, out, err = run(capsys, "import", str(part))
    assert code == 0, err
    whole = corpus(tmp_path / "whole.jsonl", 0, 20)
    code, out, err = run(capsys, "import", str(whole))
    assert code == 0, err
    states = [line.split()[0] for line in out.splitlines()]
    assert states.count("duplicate") == 8 and states.count("imported") == 12


def test_a_counting_run_keeps_no_rows(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib", create=True)
    seen = []
    report = import_paths(
        library, [corpus(tmp_path / "c.jsonl", 0, 12)], keep=False, on_result=seen.append
    )
    assert report.imported_count == 12 and report.imported == [] and len(seen) == 12
    again = import_paths(library, [tmp_path / "c.jsonl"], keep=False)
    assert again.duplicate_count == 12 and again.imported_count == 0


def test_progress_shows_the_time_left_once_it_knows_the_rate() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    progress = TerminalProgress(stream)
    assert progress.eta(100.0, 0, 1000) == ""  # no rate yet
    assert progress.eta(101.0, 10, 1000) == ""  # not for the first seconds
    assert progress.eta(104.0, 200, 1000) == " ~16 s left"  # 200 in 4 s: 800 at 50/s
    assert progress.eta(110.0, 10, 1000) == " ~16 min left"  # 10 in 10 s: 990 at 1/s
    assert progress.eta(110.0, 1000, 1000) == ""


class _CountingStore:
    """Takes each article the import yields and keeps only a count, in place of the library:
    the test measures what reading and parsing the corpus hold, not the store's batch."""

    def __init__(self) -> None:
        self.count = 0

    def add_many(self, items, **_options) -> None:
        for _item in items:
            self.count += 1


def _padded_corpus(path: Path, lines: int) -> Path:
    """``lines`` records of about 2 KB each (a field the importer ignores pads them), a bad one
    at line 7 and a blank line after line 10."""
    pad = "p" * 2000
    with path.open("w", encoding="utf-8") as fh:
        for n in range(1, lines + 1):
            if n == 7:
                fh.write("{this record is cut off\n")
                continue
            record = {"title": f"Ferry story {n}", "text": f"The ferry ran {n} times.", "pad": pad}
            fh.write(json.dumps(record) + "\n" + ("\n" if n == 10 else ""))
    return path


def test_a_corpus_is_read_in_bounded_memory_whatever_its_size(tmp_path: Path) -> None:
    import tracemalloc

    peaks = {}
    for lines in (2_000, 20_000):
        corpus = _padded_corpus(tmp_path / f"c{lines}.jsonl", lines)
        store = _CountingStore()
        progress: list[tuple[int, int]] = []
        tracemalloc.start()
        try:
            report = import_paths(
                store,  # type: ignore[arg-type]
                [corpus],
                keep=False,
                on_progress=lambda done, total, _name, seen=progress: seen.append((done, total)),
            )
            peaks[lines] = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert store.count == lines - 1  # every good line, in a corpus of 2 MB and of 40 MB
        assert report.errors == [(f"{corpus}:7", "not valid JSON")]  # numbered across the pieces
        assert progress[-1] == (lines + 1, lines + 1)  # the blank line counts too
    size = (tmp_path / "c20000.jsonl").stat().st_size
    # reading the corpus whole held it twice (its bytes and a list of its lines): 80 MB here
    assert peaks[20_000] < size / 4, peaks
    assert peaks[20_000] < 2 * peaks[2_000], peaks  # ten times the corpus, not ten times more


def test_the_pieces_a_worker_parses_import_as_those_parsed_here(
    tmp_path: Path, monkeypatch
) -> None:
    """Once the workers analyse, the next pieces of a corpus are parsed there with their
    dedupe keys: the same articles, line numbers, errors and duplicates as parsed here."""
    from reader.importing.dedupe import content_key
    from reader.library import analysis_pool, ingest

    lines = [
        json.dumps({"title": f"Ferry story {n}", "text": distinct(STORY, n), "lang": "en"})
        for n in range(150)
    ]
    lines[120] = "{not json"
    # a version of story 3 (one sentence more), far into the corpus
    again = distinct(STORY, 3) + " The office said more ferries would follow."
    lines[140] = json.dumps({"title": "Ferry story 3 again", "text": again, "lang": "en"})
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(ingest, "JOB_BYTES", 2048)  # pieces of a few lines
    in_workers: list[int] = []
    unlimited = analysis_pool.AnalysisPool.unlimited

    def counted(pool, job, *args):
        in_workers.append(args[0].count(b"\n") + 1)
        return unlimited(pool, job, *args)

    monkeypatch.setattr(analysis_pool.AnalysisPool, "unlimited", counted)
    library = Library(tmp_path / "lib", create=True)
    report = import_paths(library, [path])
    assert sum(in_workers) > 50  # the test's point: many lines were parsed in a worker
    assert report.errors == [(f"{path}:121", "not valid JSON")]
    assert [m.title for m in report.duplicates] == ["Ferry story 3"]
    assert report.imported_count == 148
    rows = {m.title: m for m in library.articles()}
    assert rows["Ferry story 149"].content_key == content_key(
        library.text(rows["Ferry story 149"].id)
    )
