"""The search engine alone at 1k, 10k, 100k and 1M articles: the index built directly through
reader's own engine (search_engine.py: the same schema, folding and queries as `reader search`),
without a library around it, so 1,000,000 articles need no 1M library.

    python bench/bench_search_scale.py --work /tmp/search-scale            # 1k, 10k, 100k, 1M
    python bench/bench_search_scale.py --sizes 1000,10000 --work DIR      # quicker

Articles: bench_cli_import.py's templated ~300-word texts, a rare word in 1 of 2,000 (as
bench_scale.py plants it). Built indexes are kept in --work for reruns (the build time is
printed when one is built). Per size, in this process, median of 5 (wall and CPU ms):
- the top 20 of a common word (in >= 10 % of articles), a rare word (< 0.1 %), a phrase;
- each keystroke of typing the common word and the phrase in the TUI's search (a page of 50);
- index size on disk beside the size of the texts it holds (UTF-8).

With ``--fts5``, the baseline: the SQLite FTS5 index reader used before (content-less, the same
folded texts, its tokenizer, its MATCH expressions and BM25 weights) built beside it from the
same articles (``engine-N.fts5.sqlite``) and asked the same questions.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

RARE = "Quokkaforschung"
RARE_EVERY = 2000
COMMON = "Berlin"
PHRASE = '"Anna Berg"'
PAGE = 50  # the TUI's page (reader/screens/search.py)


def build(path: Path, n: int) -> dict[str, float]:
    from reader.library.search_engine import BUILD_HEAP, Engine

    started, cpu = time.perf_counter(), time.process_time()
    engine = Engine.create(path)
    text_bytes = 0
    with engine.writer(BUILD_HEAP) as w:
        for i, data, text in articles(n):
            texts = {"title": data["title"], "source": data["source"], "body": text}
            text_bytes += sum(len(v.encode("utf-8")) for v in texts.values())
            w.add(f"{i:08x}", texts, data["lang"], data["date"])
            if i and i % 100_000 == 0:
                print(f"  ... {i:,} ({time.perf_counter() - started:.0f} s)", flush=True)
        w.set_meta({"state": [0, ""], "ann": None, "text_bytes": text_bytes})
    return {
        "build s": time.perf_counter() - started,
        "build cpu s": time.process_time() - cpu,
    }


def articles(n: int):
    from bench_cli_import import article

    rng = random.Random(15)
    for i in range(n):
        data = article(rng, i)
        text = data["text"]
        if i % RARE_EVERY == 7:
            text = text.replace(" die ", f" die {RARE} ", 1)
            text = text.replace(" the ", f" the {RARE} ", 1)
        yield i, data, text


FTS_WEIGHTS = "6.0, 2.0, 1.0, 3.0, 2.0, 2.0"  # title, source, body, tags, notes, actors


def fts5_build(path: Path, n: int) -> float:
    import sqlite3

    from reader.library.search_query import fold

    started = time.perf_counter()
    db = sqlite3.connect(path, isolation_level=None)
    db.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(title, source, body, tags, notes, actors, "
        "content='', tokenize='unicode61 remove_diacritics 2')"
    )
    db.execute("BEGIN")
    sql = "INSERT INTO fts(rowid, title, source, body) VALUES(?, ?, ?, ?)"
    for i, data, text in articles(n):
        db.execute(sql, (i + 1, fold(data["title"]), fold(data["source"]), fold(text)))
    db.execute("COMMIT")
    db.execute("INSERT INTO fts(fts) VALUES('optimize')")
    db.close()
    return time.perf_counter() - started


def fts5_match(query: str) -> str:
    """The MATCH expression reader's FTS5 search made of a one-term query (a word: itself and
    its stems as prefixes; a phrase: its words in order)."""
    from reader.library.search_query import MIN_PREFIX, parse, stems

    (term,) = parse(query).terms
    if len(term.words) > 1:
        return " + ".join(f'"{w}"' for w in term.words)
    word = term.words[0]
    options = [f'"{word}"*']
    options += [f'"{s}"*' for s in sorted(stems(word)) if len(s) >= MIN_PREFIX]
    options = list(dict.fromkeys(options))
    return options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")"


def fts5_measure(path: Path) -> dict[str, object]:
    import sqlite3

    db = sqlite3.connect(path)
    sql = f"SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, {FTS_WEIGHTS}) LIMIT 20"
    figures: dict[str, object] = {"index MB": path.stat().st_size / 1e6}
    for label, query in (("common", COMMON), ("rare", RARE), ("phrase", PHRASE)):
        match = fts5_match(query)
        figures[label] = timed(lambda m=match: db.execute(sql, (m,)).fetchall(), 3)[:2]
    return figures


def size_of(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def timed(fn, runs: int = 5) -> tuple[float, float, object]:
    walls, cpus = [], []
    result = None
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        result = fn()
        walls.append((time.perf_counter() - w) * 1000)
        cpus.append((time.process_time() - c) * 1000)
    return statistics.median(walls), statistics.median(cpus), result


def measure(path: Path) -> dict[str, object]:
    from reader.library.search_engine import Engine
    from reader.library.search_query import parse

    engine = Engine(path)
    searcher = engine.searcher()
    figures: dict[str, object] = {"articles": engine.count(searcher)}
    meta = engine.meta(searcher)
    figures["text MB"] = meta.get("text_bytes", 0) / 1e6
    figures["index MB"] = size_of(path) / 1e6

    def top(query: str, limit: int = 20):
        parsed = parse(query)
        return lambda: engine.search(parsed, limit, searcher=searcher)

    for label, query in (("common", COMMON), ("rare", RARE), ("phrase", PHRASE)):
        wall, cpu, hits = timed(top(query))
        figures[label] = (wall, cpu, len(hits))  # type: ignore[arg-type]
    keys = []
    for word in (COMMON, PHRASE):
        for end in range(1, len(word) + 1):
            typed = word[:end]
            wall, cpu, _ = timed(top(typed, PAGE), 3)
            keys.append((typed, wall, cpu))
    figures["keystrokes"] = keys
    return figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000,1000000")
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--fts5", action="store_true", help="the FTS5 baseline beside it")
    args = ap.parse_args()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} CPUs, load average {load} (shared: figures vary)")
    for n in [int(s) for s in args.sizes.split(",")]:
        path = args.work / f"engine-{n}"
        if not (path / "meta.json").exists():
            print(f"building {n:,} articles ...", flush=True)
            made = build(path, n)
            print(f"  built in {made['build s']:.1f} s wall, {made['build cpu s']:.1f} s CPU")
        figures = measure(path)
        load = os.getloadavg()[0]
        print(f"\n{n:,} articles (load average {load:.1f})")
        print(
            f"  index {figures['index MB']:.1f} MB, text {figures['text MB']:.1f} MB: "
            f"{figures['index MB'] / max(figures['text MB'], 1e-9):.2f}x"  # type: ignore[operator]
        )
        for label, query in (("common", COMMON), ("rare", RARE), ("phrase", PHRASE)):
            wall, cpu, hits = figures[label]  # type: ignore[misc]
            print(f"  top 20 {label:7} {query:18} {wall:7.1f} ms wall {cpu:7.1f} ms CPU ({hits})")
        worst = max(figures["keystrokes"], key=lambda k: k[1])  # type: ignore[arg-type]
        print(
            "  keystrokes (page of 50): "
            + ", ".join(f"{t!r} {w:.1f}" for t, w, _ in figures["keystrokes"])  # type: ignore[union-attr]
            + f" ms; slowest {worst[0]!r} {worst[1]:.1f} ms wall {worst[2]:.1f} ms CPU"
        )
        if args.fts5:
            fts = args.work / f"engine-{n}.fts5.sqlite"
            if not fts.exists():
                print(f"  building the FTS5 baseline of {n:,} articles ...", flush=True)
                print(f"  built in {fts5_build(fts, n):.1f} s")
            base = fts5_measure(fts)
            print(f"  FTS5 baseline: index {base['index MB']:.1f} MB")
            for label, query in (("common", COMMON), ("rare", RARE), ("phrase", PHRASE)):
                wall, cpu = base[label]  # type: ignore[misc]
                print(f"  FTS5 top 20 {label:7} {query:18} {wall:7.1f} ms wall {cpu:7.1f} ms CPU")
            figures["fts5"] = base
        out = args.work / f"figures-{n}.json"
        out.write_text(json.dumps(figures, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
