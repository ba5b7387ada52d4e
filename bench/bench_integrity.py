"""What the integrity checks cost, each beside a baseline from the same run:

    python bench/bench_integrity.py [--articles 2000] [--index-rows 100000] [--runs 3]

1. An import of N short articles (in-process, analysis included) with the new article folders
   flushed before each index commit (``make_durable``: one syncfs per commit) against the same
   import with that flush turned off.
2. The cold load of the index snapshot at 100,000 rows, against the CRC-32 of its bytes alone
   (the check on use), and the full check ``reader doctor`` makes (every row against
   ``articles.json``).
3. A transaction (one row edited) in a 100,000-row library: writers read ``articles.json``
   itself, never the snapshot.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def import_once(root: Path, n: int, durable: bool) -> float:
    from reader.base import atomic
    from reader.importing.models import ParsedArticle
    from reader.library import batch
    from reader.library.store import Library

    real = batch.make_durable
    if not durable:
        batch.make_durable = lambda files, folders: None
    try:
        lib = Library(root, create=True)
        items = [
            (
                ParsedArticle(
                    text=f"Story {i}. The minister said on Tuesday that plan {i} would go ahead. "
                    f'"We will not wait," said Anna Berg in Hamburg, number {i}.',
                    title=f"Story {i}",
                    lang="en",
                ),
                f"original bytes {i}".encode(),
                f"{i}.txt",
            )
            for i in range(n)
        ]
        start = time.perf_counter()
        lib.add_many(items, batch_seconds=0.5)
        return time.perf_counter() - start
    finally:
        batch.make_durable = real
        assert atomic.make_durable is not None


def cold(root: Path, code: str) -> float:
    done = subprocess.run(
        [sys.executable, "-c", code, str(root)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )
    return float(done.stdout.split()[-1])


LOAD = (
    "import sys, time\n"
    "from pathlib import Path\n"
    "from reader.library.store import Library\n"
    "t = time.perf_counter(); Library(Path(sys.argv[1])).articles()\n"
    "print((time.perf_counter() - t) * 1000)\n"
)
CRC = (
    "import sys, time, zlib\n"
    "from reader.paths import cache_dir\n"
    "t = time.perf_counter(); zlib.crc32((cache_dir(sys.argv[1]) / 'articles.cache').read_bytes())\n"
    "print((time.perf_counter() - t) * 1000)\n"
)
FULL = (
    "import sys, time\n"
    "from pathlib import Path\n"
    "from reader.library.store import Library\n"
    "t = time.perf_counter(); ok = Library(Path(sys.argv[1])).index.snapshot_matches()\n"
    "assert ok, ok\n"
    "print((time.perf_counter() - t) * 1000)\n"
)
EDIT = (
    "import sys, time\n"
    "from pathlib import Path\n"
    "from reader.library.store import Library\n"
    "lib = Library(Path(sys.argv[1]))\n"
    "t = time.perf_counter(); lib.edit('00000007', source='Bench')\n"
    "print((time.perf_counter() - t) * 1000)\n"
)


def fill(root: Path, rows: int) -> None:
    from reader.library.models import ArticleMeta
    from reader.library.store import Library

    lib = Library(root, create=True)
    with lib.index.transaction() as txn:
        for i in range(rows):
            txn.put(
                ArticleMeta(
                    id=f"{i:08x}",
                    sha256=f"{i:064x}",
                    title=f"A title of article number {i} about ports",
                    date=f"20{10 + i % 15}-0{1 + i % 9}-1{i % 10}",
                    source=["Port Daily", "The Example Times", "Der Beispielbote"][i % 3],
                    url=f"https://example.org/{i}",
                    lang=["en", "de"][i % 2],
                    format="html",
                    file=f"corpus/{i}.html",
                    added=f"2024-01-01T00:00:{i % 60:02d}",
                    content_key=f"mh1:{i:064x}",
                    words=300 + i % 500,
                    quotes=i % 7,
                    actors=["Anna Berg", "Nato", f"Person {i % 300}"],
                )
            )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--index-rows", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="reader-bench-integrity-"))
    os.environ["READER_CACHE"] = str(work / "cache")  # never the user's cache folder
    try:
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"machine: {os.cpu_count()} CPUs, load average {load} (shared: figures vary)")
        flushed, plain = [], []
        for run in range(args.runs):  # interleaved, so load changes hit both alike
            plain.append(import_once(work / f"plain{run}", args.articles, durable=False))
            flushed.append(import_once(work / f"flushed{run}", args.articles, durable=True))
        print(
            f"import {args.articles} articles in-process (median of {args.runs}): "
            f"{statistics.median(flushed):.2f} s with the flush before each commit, "
            f"{statistics.median(plain):.2f} s without"
        )
        big = work / "big"
        fill(big, args.index_rows)
        cold(big, LOAD)  # writes the snapshot
        from reader.paths import cache_dir

        size = (cache_dir(big) / "articles.cache").stat().st_size / 1e6
        loads = [cold(big, LOAD) for _ in range(args.runs)]
        crcs = [cold(big, CRC) for _ in range(args.runs)]
        fulls = [cold(big, FULL) for _ in range(args.runs)]
        edits = [cold(big, EDIT) for _ in range(args.runs)]
        print(
            f"index of {args.index_rows} rows, snapshot {size:.1f} MB (medians, fresh processes):"
            f" cold Library.articles() {statistics.median(loads):.0f} ms, of which the checksum"
            f" is at most {statistics.median(crcs):.0f} ms (read + CRC-32 alone);"
            f" doctor's full snapshot check {statistics.median(fulls):.0f} ms;"
            f" one edit (reads articles.json, writes it) {statistics.median(edits):.0f} ms"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
