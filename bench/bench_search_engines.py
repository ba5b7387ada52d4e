"""SQLite FTS5 beside tantivy on the same articles: build time, index size, query times.

    python bench/bench_search_engines.py LIBRARY [--max 100000]

LIBRARY is a reader library folder (bench_scale.py --work DIR keeps them: DIR/lib-N). Both
engines index the same folded text (search_query.fold: case, ß=ss, ä=ae) of title and body,
store no copy of it, and keep positions (phrases); queries are the same words: a common one,
a rare one, a phrase, each top 20 by BM25, median of 5 in this process. This compared the two
before tantivy became reader's engine (search_engine.py); bench_search_scale.py measures the
engine itself at 1k-1M articles, with this FTS5 baseline beside it (``--fts5``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

QUERIES = {"common word": "berlin", "rare word": "quokkaforschung", "phrase": "anna berg"}


def documents(root: Path, limit: int):
    from reader.library.search_query import fold

    count = 0
    for shard in sorted(os.scandir(root / "articles"), key=lambda e: e.name):
        for folder in sorted(os.scandir(shard.path), key=lambda e: e.name):
            try:
                text = Path(folder.path, "text.txt").read_text(encoding="utf-8")
            except OSError:
                continue
            title, _, body = text.partition("\n")
            yield count, folder.name, fold(title), fold(body)
            count += 1
            if count >= limit:
                return


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def median_ms(fn) -> float:
    times = []
    for _ in range(5):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def fts5(docs, work: Path) -> dict[str, float]:
    path = work / "fts.sqlite"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(title, body, content='', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    start = time.perf_counter()
    db.execute("BEGIN")
    text_bytes = 0
    for n, _id, title, body in docs:
        db.execute("INSERT INTO fts(rowid, title, body) VALUES(?, ?, ?)", (n, title, body))
        text_bytes += len(title) + len(body)
    db.execute("COMMIT")
    db.execute("INSERT INTO fts(fts) VALUES('optimize')")
    figures = {"build s": time.perf_counter() - start, "text MB": text_bytes / 1e6}
    db.close()
    figures["index MB"] = size_of(path) / 1e6
    db = sqlite3.connect(path)
    sql = "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts) LIMIT 20"
    for label, words in QUERIES.items():
        query = " + ".join(f'"{w}"' for w in words.split()) if " " in words else f'"{words}"'
        figures[label] = median_ms(lambda q=query: db.execute(sql, (q,)).fetchall())
    return figures


def tantivy_engine(docs, work: Path) -> dict[str, float] | None:
    try:
        import tantivy
    except ImportError:
        return None
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("n", stored=True, indexed=True)
    builder.add_text_field("title", stored=False)
    builder.add_text_field("body", stored=False)
    schema = builder.build()
    index = tantivy.Index(schema, path=str(work / "tantivy"))
    writer = index.writer(heap_size=200_000_000, num_threads=1)
    start = time.perf_counter()
    for n, _id, title, body in docs:
        writer.add_document(tantivy.Document(n=n, title=title, body=body))
    writer.commit()
    writer.wait_merging_threads()
    figures = {"build s": time.perf_counter() - start}
    figures["index MB"] = size_of(work / "tantivy") / 1e6
    index.reload()
    searcher = index.searcher()
    for label, words in QUERIES.items():
        text = f'"{words}"' if " " in words else words
        query = index.parse_query(text, ["title", "body"])
        figures[label] = median_ms(lambda q=query: searcher.search(q, 20).hits)
    return figures


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("library", type=Path)
    ap.add_argument("--max", type=int, default=100_000)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="reader-engines-"))
    try:
        (work / "tantivy").mkdir()
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"machine: {os.cpu_count()} CPUs, load average {load} (shared: figures vary)")
        started = time.perf_counter()
        docs = list(documents(args.library, args.max))
        print(f"{len(docs)} articles read in {time.perf_counter() - started:.1f} s")
        results = {"SQLite FTS5": fts5(docs, work), "tantivy": tantivy_engine(docs, work)}
        rows = ["build s", "index MB", *QUERIES]
        print(f"{'':24}" + "".join(f"{name:>16}" for name in results))
        for row in rows:
            cells = []
            for figures in results.values():
                if figures is None:
                    cells.append(f"{'not installed':>16}")
                    continue
                value = figures[row]
                unit = " ms" if row in QUERIES else ""
                cells.append(f"{value:>13.1f}{unit:3}")
            print(f"{row:24}" + "".join(cells))
        print(f"{'text MB (folded)':24}{results['SQLite FTS5']['text MB']:>13.1f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
