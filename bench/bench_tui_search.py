"""The TUI's search as you type on a library: each keystroke, from the key reaching the app to
its page of results (50, labelled) handed to the list, beside the same keystrokes of a word no
article holds (the key, the worker and the empty list: the floor), measured in the same run.

    python bench/bench_tui_search.py LIBRARY [--word Berlin] [--runs 3]

Also prints this process's memory (the TUI with the search screen open, after the typing).

LIBRARY: e.g. one bench_scale.py built (``--work /tmp/scale``: /tmp/scale/lib-100000). The
search index is built first, outside the measure (the first search after an upgrade builds it
once). Uses the library's cache folder (READER_CACHE, if set).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FLOOR = "Xqzvjw"  # no article holds it (nor a word it begins)
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))


def memory() -> dict[str, float]:
    """This process's VmRSS and VmHWM (peak) in MB."""
    with open("/proc/self/status") as status:
        rows = dict(line.split(":", 1) for line in status if line.startswith("Vm"))
    return {k: int(rows[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM")}


async def typing(library: Path, words: list[str], runs: int) -> dict[str, object]:
    from reader.app import make_app
    from reader.screens.search import SearchScreen

    app = make_app(library, poll_interval=0)
    figures: dict[str, object] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        shown: list[tuple[str, float, float]] = []
        real = screen._show

        def show(query, offset, entries, more):  # type: ignore[no-untyped-def]
            real(query, offset, entries, more)
            shown.append((query, time.perf_counter(), time.process_time()))

        screen._show = show  # type: ignore[method-assign]
        per_key: dict[str, list[float]] = {}
        per_cpu: dict[str, list[float]] = {}
        for _ in range(runs):
            for word in words:
                for end in range(1, len(word) + 1):
                    typed = word[:end]
                    before = len(shown)
                    t0, c0 = time.perf_counter(), time.process_time()
                    await pilot.press(word[end - 1])
                    while not any(q == typed for q, _, _ in shown[before:]):
                        await asyncio.sleep(0.0005)
                    done, cpu = next((t, c) for q, t, c in shown[before:] if q == typed)
                    per_key.setdefault(typed, []).append((done - t0) * 1000)
                    per_cpu.setdefault(typed, []).append((cpu - c0) * 1000)
                    await pilot.pause()
                for _ in word:
                    await pilot.press("backspace")
                await pilot.pause(0.3)
        figures["memory"] = memory()  # the app's, with the search screen open, after typing
        figures["keys"] = {k: statistics.median(v) for k, v in per_key.items()}
        figures["cpu"] = {k: statistics.median(v) for k, v in per_cpu.items()}
    return figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("library", type=Path)
    ap.add_argument("--word", action="append", default=None)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    words = args.word or ["Berlin", "Quokkaforschung"]
    words.append(FLOOR)
    from reader.library.store import Library

    library = Library(args.library)
    started = time.perf_counter()
    library.search("warm", 1)  # builds the index if there is none (not measured)
    print(f"index ready in {time.perf_counter() - started:.1f} s")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    cpu = time.process_time()
    figures = asyncio.run(typing(args.library, words, args.runs))
    print(
        f"load average {load}; {len(library.index.rows()):,} articles; CPU of the run "
        f"{time.process_time() - cpu:.1f} s"
    )
    mem: dict[str, float] = figures["memory"]  # type: ignore[assignment]
    print(
        f"memory of this process (the TUI, search screen open, after typing): VmRSS "
        f"{mem['VmRSS']:.0f} MB, peak VmHWM {mem['VmHWM']:.0f} MB"
    )
    keys: dict[str, float] = figures["keys"]  # type: ignore[assignment]
    cpus: dict[str, float] = figures["cpu"]  # type: ignore[assignment]
    print("keystroke to its page of results, median of", args.runs, "(ms wall / CPU):")
    for word in words:
        typed = {k: v for k, v in keys.items() if FLOOR.startswith(k) == (word == FLOOR)}
        typed = {k: v for k, v in typed.items() if word.startswith(k)}
        worst = max(typed.items(), key=lambda kv: kv[1])
        print("  " + ", ".join(f"{k!r} {v:.0f}/{cpus[k]:.0f}" for k, v in typed.items()))
        print(
            f"    median {statistics.median(typed.values()):.1f} wall, "
            f"{statistics.median(cpus[k] for k in typed):.1f} CPU; slowest {worst[0]!r} "
            f"{worst[1]:.1f}" + ("  (the floor: nothing found)" if word == FLOOR else "")
        )


if __name__ == "__main__":
    main()
