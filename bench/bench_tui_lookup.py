"""Actions on an open article in a cache folder with no lookup database (lookup.sqlite: a new
cache folder, or one the user cleared): export (`e`) and confirming a quote (`c`), run as the
TUI's article screen runs them, on the UI thread, with the index columns already held (as
after the library screen's first paint). Each beside a baseline from the same run.

    nice -n 5 python bench/bench_tui_lookup.py --articles 100000 [--baseline /work/main]

Builds a library of N index rows (rows only, written through the index API in one
transaction) plus one real article with a quotation, then per code tree (this one, and
``--baseline DIR`` run with PYTHONPATH=DIR first) in a new process each, with the lookup
database removed before: the wall time and CPU (user + sys) of the export, and of the
confirmation (each in a process of its own), and whether the lookup database was built.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

BODY = (
    'The mayor of Eastwick said on Monday that the bridge would open in spring. "We have '
    'waited long enough," said Clara Venn, the mayor, at the town hall.'
)

CHILD = r"""
import json, os, sys, time
from pathlib import Path
from reader.screens.session import Session
from reader.library import correct

root, article_id, name = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
session = Session(root)
session.library.article_columns()  # what the library screen holds after its first paint
quote = next(q for q in session.corrected(article_id).quotes if "waited" in q.quote.text)
action = {
    "export": lambda: session.export_article(article_id),
    "confirm": lambda: correct.confirm(session.library, quote.id),
}[name]
t0, c0 = time.perf_counter(), os.times()
action()
c1 = os.times()
print(json.dumps([time.perf_counter() - t0, c1.user - c0.user + c1.system - c0.system]))
"""


def build(root: Path, count: int) -> str:
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(REPO / "tests"))
    from test_library_columns import meta
    from test_tui_support import add_article

    from reader.library.store import Library

    article_id = add_article(root, BODY, title="Council approves the river bridge")
    lib = Library(root)
    with lib.index.transaction() as txn:
        for i in range(count - 1):
            txn.put(meta(i + 1))
    Library(root).articles()  # the first reader writes the snapshot
    return article_id


def run(code: Path, root: Path, article_id: str, action: str) -> dict:
    for path in Path(os.environ["READER_CACHE"]).glob("*/lookup.sqlite*"):  # -wal, -shm too
        path.unlink()
    env = {**os.environ, "PYTHONPATH": str(code)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(root), article_id, action],
        env=env,
        cwd=code,  # `-c` puts the working folder first on sys.path: it must be that tree
        capture_output=True,
        text=True,
        check=True,
    )
    wall, cpu = json.loads(done.stdout.strip().splitlines()[-1])
    built = any(Path(os.environ["READER_CACHE"]).glob("*/lookup.sqlite"))
    return {"wall": wall, "cpu": cpu, "built": built}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--baseline", type=Path, help="another code tree, run first")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-lookupui-") as tmp:
        os.environ["READER_CACHE"] = str(Path(tmp) / "cache")
        root = Path(tmp) / "lib"
        t0 = time.perf_counter()
        article_id = build(root, args.articles)
        print(f"built {args.articles} rows in {time.perf_counter() - t0:.1f} s")
        trees = ([("baseline", args.baseline)] if args.baseline else []) + [("this", REPO)]
        for action in ("export", "confirm"):
            for name, code in trees:  # each in a new process, with no lookup database
                got = run(code, root, article_id, action)
                built = "built the lookup" if got["built"] else "no lookup database"
                print(
                    f"{action}, {name} ({code}): {got['wall'] * 1000:.0f} ms wall, "
                    f"{got['cpu'] * 1000:.0f} ms CPU; {built}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
