"""The TUI's first start on a library whose derived caches are missing (no index snapshot, no
lookup database: a first start after an upgrade, a damaged snapshot, a new cache folder).

    READER_CACHE=/tmp/tui1m2-cache nice -n 5 python bench/bench_tui_rebuild.py LIB \\
        [--baseline /work/main]

Each run is a new process with an empty cache folder of its own (under $READER_CACHE, removed
after), on an 80x24 screen, and measures:

- start to the first painted frame of the library screen;
- while the index is still read: key to paint for `/` and each letter of "berl" (the filter is
  typed meanwhile), and whether the read was still under way after them;
- start to the rows shown (the read done; the filter typed applied);
- Enter on the first row: key to the painted article (the first open in a cache folder with no
  lookup database) and whether it built one;
- CPU (user + sys) and peak RSS (VmHWM) of the process, and of the processes it started (the
  process that reads articles.json and writes the snapshot).

``--baseline DIR`` runs the same child with DIR's code first (PYTHONPATH=DIR), e.g. the main
branch, so both figures come from the same hour; there the library screen reads the index on
mount, so its first frame comes after the read, and keys only then.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def vm_hwm_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


async def child(lib: Path, start: float) -> dict[str, object]:
    import importlib

    import reader  # first: from PYTHONPATH (bench_tui puts this tree on the path)
    from reader.app import make_app
    from reader.library.store import Library
    from reader.widgets.article_table import ArticleTable

    bench_tui = importlib.import_module("bench_tui")
    key_to_paint, watch_paints = bench_tui.key_to_paint, bench_tui.watch_paints

    out: dict[str, object] = {"code": str(Path(reader.__file__).parent.parent)}
    app = make_app(lib, poll_interval=0)
    paints = watch_paints(app)
    library_paints: list[float] = []
    display = app._display

    def first(screen, renderable):  # the first frame of the library screen
        display(screen, renderable)
        if type(screen).__name__ == "LibraryScreen" and not library_paints:
            library_paints.append(time.perf_counter())

    app._display = first
    async with app.run_test(size=(80, 24)) as pilot:
        while not library_paints:
            await pilot.pause(0.01)
        out["first paint s"] = round(library_paints[0] - start, 3)
        screen = app.screen
        reading = getattr(screen, "_reading", False)
        out["reading at first paint"] = reading
        keys = [await key_to_paint(pilot, paints, k) for k in ("slash", *"berl")]
        out["keys ms"] = [round(k * 1000, 1) for k in keys]
        out["still reading after keys"] = getattr(screen, "_reading", False)
        while getattr(screen, "_reading", False):
            await pilot.pause(0.05)
        while screen._jobs.get("view"):
            await pilot.pause(0.01)
        out["rows s"] = round(time.perf_counter() - start, 3)
        table = screen.query_one(ArticleTable)
        out["rows shown"] = len(table.rows)
        await pilot.press("enter")  # leave the filter box
        table.focus()
        table.cursor = 0
        lookup = Library(lib).cache_dir / "lookup.sqlite"
        opened = await key_to_paint(pilot, paints, "enter")
        while type(app.screen).__name__ != "ArticleScreen":
            await pilot.pause(0.01)
        out["open article ms"] = round(opened * 1000, 1)
        out["lookup built"] = lookup.exists()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    out["cpu s"] = round(usage.ru_utime + usage.ru_stime, 2)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # the snapshot's reader process
    out["cpu of child processes s"] = round(children.ru_utime + children.ru_stime, 2)
    out["child peak rss MB"] = round(children.ru_maxrss / 1024)
    out["peak rss MB"] = round(vm_hwm_mb())
    return out


def run(lib: Path, code: Path | None) -> dict[str, object]:
    base = Path(os.environ.get("READER_CACHE") or tempfile.gettempdir())
    base.mkdir(parents=True, exist_ok=True)
    cache = Path(tempfile.mkdtemp(prefix="run-", dir=base))
    env = dict(os.environ, READER_CACHE=str(cache))
    env["PYTHONPATH"] = os.pathsep.join([str(code or HERE.parent), str(HERE)])
    try:
        done = subprocess.run(
            [sys.executable, __file__, str(lib), "--child"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    if done.returncode:
        raise SystemExit(f"child failed: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--baseline", type=Path, help="run the same with this code tree first")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        import asyncio

        start = time.perf_counter()
        print(json.dumps(asyncio.run(child(args.library, start))))
        return 0
    if not (args.library / "articles.json").is_file():
        print(f"bench_tui_rebuild: {args.library}: not a reader library", file=sys.stderr)
        return 2
    print(f"load average before: {os.getloadavg()}")
    if args.baseline is not None:
        print(f"baseline ({args.baseline}): {json.dumps(run(args.library, args.baseline))}")
    print(f"this tree: {json.dumps(run(args.library, None))}")
    print(f"load average after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
