"""The full-text index rebuilt from scratch in process: wall and CPU seconds (issue 15's target:
<= 60 s at 100,000 articles), the lookup brought up to date first and not counted.

    python bench/bench_search_rebuild.py LIBRARY [--runs 2]

Uses the library's own cache folder (READER_CACHE, if set): run it on a bench library, e.g.
one bench_scale.py built (``--work /tmp/scale``: /tmp/scale/lib-100000).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("library", type=Path)
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()
    from reader.library.store import Library

    library = Library(args.library)
    library.index.sync_lookup(library.index.read_store())
    for run in range(args.runs):
        index = Library(args.library).search_index
        load = os.getloadavg()[0]
        wall, cpu = time.perf_counter(), time.process_time()
        count = index.rebuild()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(
            f"run {run + 1}: {count:,} articles indexed in {wall:.1f} s wall, {cpu:.1f} s CPU "
            f"(load average {load:.1f})"
        )
        index.close()


if __name__ == "__main__":
    main()
