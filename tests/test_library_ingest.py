"""The shared import driver: files, folders, JSONL, stdin, bad input, progress, cancel, ctrl+c."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from test_cli_support import distinct

from reader.library.ingest import import_paths
from reader.library.store import Library

EN = (
    "Harbour strike ends after talks\n\n"
    "The dock workers' union said on Monday that the strike at the northern harbour was over. "
    '"We have a deal that protects our jobs," union leader Maria Keller told reporters.\n\n'
    "The port authority said traffic would return to normal by Wednesday."
)


def story(n: int) -> str:
    return distinct(EN, n)


def write_stories(folder: Path, n: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(start, start + n):
        path = folder / f"story-{i:03d}.txt"
        path.write_text(story(i), encoding="utf-8")
        files.append(path)
    return files


def collect(lib: Library, paths, **kw):
    seen: list[tuple[str, str]] = []
    report = import_paths(lib, paths, on_result=lambda o: seen.append((o.status, o.name)), **kw)
    return report, seen


def test_folder_import_reports_each_file_and_all_are_kept(tmp_path: Path) -> None:
    write_stories(tmp_path / "in" / "sub", 3)
    lib = Library(tmp_path / "lib", create=True)
    report, seen = collect(lib, [tmp_path / "in"])
    assert [s for s, _ in seen] == ["imported"] * 3
    assert len(report.imported) == 3 and not report.failed
    assert {m.id for m in lib.articles()} == {m.id for m in report.imported}


def test_bad_files_are_reported_and_the_rest_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_stories(folder, 2)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"%PDF-1.4\x00\x01\x02" * 20)
    (tmp_path / "nothing-here").mkdir()
    lib = Library(tmp_path / "lib", create=True)
    report, _ = collect(lib, [folder, tmp_path / "nothing-here", tmp_path / "missing.txt"])
    assert len(report.imported) == 2
    errors = dict(report.errors)
    assert set(errors) == {
        str(folder / "empty.txt"),
        str(folder / "binary.txt"),
        str(tmp_path / "nothing-here"),
        str(tmp_path / "missing.txt"),
    }
    assert all(reason and "\n" not in reason for reason in errors.values())


def test_jsonl_lines_are_articles_and_bad_lines_are_named(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    one, two = (json.dumps(story(n)) for n in (1, 2))
    corpus.write_text(
        f'{{"text": {one}, "title": "One", "date": "2023-02-01", "tags": ["Corpus"]}}\n'
        "this is not json\n"
        '{"title": "no text"}\n'
        f'{{"text": {two}, "source": "Wire"}}\n',
        encoding="utf-8",
    )
    lib = Library(tmp_path / "lib", create=True)
    report, seen = collect(lib, [corpus])
    assert [s for s, _ in seen if s != "error"] == ["imported", "imported"]
    assert sorted(n for n, _ in report.errors) == [f"{corpus}:2", f"{corpus}:3"]
    one = next(m for m in report.imported if m.title == "One")
    assert (one.date, one.file, one.import_tags) == ("2023-02-01", f"{corpus}:1", ["Corpus"])
    assert lib.original(one.id)[1] == "jsonl"


def test_stdin_is_one_article(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib", create=True)
    report, seen = collect(lib, ["-"], stdin=story(7).encode("utf-8"))
    assert seen == [("imported", "-")]
    meta = report.imported[0]
    assert meta.file == "-" and meta.format == "stdin"
    assert "Keller" in lib.text(meta.id) and "dock workers" in lib.text(meta.id)


def test_cancel_stops_and_keeps_what_was_imported(tmp_path: Path) -> None:
    write_stories(tmp_path / "in", 6)
    lib = Library(tmp_path / "lib", create=True)
    cancel = threading.Event()

    def progress(done: int, total: int, name: str) -> None:
        if done == 3:
            cancel.set()

    report, seen = collect(lib, [tmp_path / "in"], on_progress=progress, cancel=cancel)
    assert report.cancelled
    assert len(seen) == 3 and len(lib.articles()) == 3


def test_ctrl_c_commits_what_was_fully_written(tmp_path: Path) -> None:
    write_stories(tmp_path / "in", 6)
    lib = Library(tmp_path / "lib", create=True)

    def progress(done: int, total: int, name: str) -> None:
        if done == 4:
            raise KeyboardInterrupt

    # a long batch: nothing is committed before the interrupt, everything written is after it
    report, seen = collect(lib, [tmp_path / "in"], on_progress=progress, batch_seconds=3600)
    assert report.cancelled
    assert [s for s, _ in seen] == ["imported"] * 4
    fresh = Library(tmp_path / "lib")
    assert len(fresh.articles()) == 4
    assert all("Keller" in fresh.text(m.id) for m in fresh.articles())


def test_progress_counts_up_to_the_total(tmp_path: Path) -> None:
    write_stories(tmp_path / "in", 3)
    calls: list[tuple[int, int]] = []
    lib = Library(tmp_path / "lib", create=True)
    collect(lib, [tmp_path / "in"], on_progress=lambda d, t, n: calls.append((d, t)))
    assert calls[0] == (0, 3) and calls[-1] == (3, 3)


def test_a_corpus_larger_than_one_chunk_keeps_line_numbers(tmp_path: Path, monkeypatch) -> None:
    import json

    from reader.library import ingest

    monkeypatch.setattr(ingest, "CHUNK_BYTES", 600)  # force many pieces
    corpus = tmp_path / "big.jsonl"
    lines = [json.dumps({"text": story(i), "title": f"T{i}"}) for i in range(8)]
    lines[5] = "{not json"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    lib = Library(tmp_path / "lib", create=True)
    report, _ = collect(lib, [corpus])
    assert report.errors == [(f"{corpus}:6", "not valid JSON")]
    assert sorted(m.file for m in report.imported) == sorted(
        f"{corpus}:{n}" for n in (1, 2, 3, 4, 5, 7, 8)
    )
    assert {m.title for m in report.imported} == {f"T{i}" for i in range(8) if i != 5}


def test_many_articles_are_analysed_in_workers_with_the_same_result(
    tmp_path: Path, monkeypatch
) -> None:
    from reader.library import analysis_pool

    write_stories(tmp_path / "in", 6)
    serial = Library(tmp_path / "serial", create=True)
    collect(serial, [tmp_path / "in"])
    monkeypatch.setattr(analysis_pool, "POOL_FROM", 2)  # workers from the second article on
    pooled = Library(tmp_path / "pooled", create=True)
    report, seen = collect(pooled, [tmp_path / "in"])
    assert [s for s, _ in seen] == ["imported"] * 6

    def pick(lib: Library) -> list[tuple]:
        return sorted((m.id, m.quotes, m.actors, m.lang) for m in lib.articles())

    assert pick(pooled) == pick(serial)
    for meta in pooled.articles():
        cached = pooled.article_dir(meta.id) / "analysis.json"
        assert cached.read_bytes() == (serial.article_dir(meta.id) / "analysis.json").read_bytes()


def test_progress_moves_through_a_corpus_line_by_line(tmp_path: Path, monkeypatch) -> None:
    import json

    from reader.library import ingest

    monkeypatch.setattr(ingest, "PROGRESS_EVERY", 0)
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        "".join(json.dumps({"text": story(i)}) + "\n" for i in range(5)), encoding="utf-8"
    )
    write_stories(tmp_path / "more", 1)
    calls: list[tuple[int, int]] = []
    lib = Library(tmp_path / "lib", create=True)
    collect(lib, [corpus, tmp_path / "more"], on_progress=lambda d, t, n: calls.append((d, t)))
    assert calls[-1] == (6, 6)
    done = [d for d, _ in calls]
    assert done == sorted(done) and len(set(done)) >= 5  # it moved inside the corpus


def test_a_cache_of_another_analysis_version_is_recomputed_not_read(tmp_path: Path) -> None:
    """A cache written before quotes had ``rule`` (no version) is re-analysed on open, so the
    app never shows stale quotes nor ones without their explanation."""

    write_stories(tmp_path / "in", 1)
    lib = Library(tmp_path / "lib", create=True)
    collect(lib, [tmp_path / "in"])
    meta = lib.articles()[0]
    path = lib.article_dir(meta.id) / "analysis.json"
    from reader.library.analysis_cache import sealed_cache, unsealed_cache

    text = (lib.article_dir(meta.id) / "text.txt").read_bytes()
    fresh = unsealed_cache(path.read_bytes(), text)
    assert fresh is not None
    assert fresh["quotes"], "the story should have a quote"
    old = dict(fresh)
    del old["version"]
    old["quotes"] = [
        {k: v for k, v in q.items() if k not in ("rule", "speaker_rule")} for q in fresh["quotes"]
    ]
    old["quotes"][0]["kind"] = "term"  # what an old analysis said, to tell it apart
    path.write_bytes(sealed_cache(old, text))  # intact and of this text: only the version differs
    again = lib.analysis(meta.id)
    assert [q.kind for q in again.quotes] == [q["kind"] for q in fresh["quotes"]]
    assert all(q.rule for q in again.quotes)
    rewritten = unsealed_cache(path.read_bytes(), text)
    assert rewritten is not None
    assert rewritten["version"] == fresh["version"]
