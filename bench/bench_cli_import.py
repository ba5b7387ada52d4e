"""Import speed of a JSONL corpus through the real import path (analysis included), beside the
time to read and parse the same JSONL, both measured in this run; plus cold index loads.

    python bench/bench_cli_import.py [--articles 10000] [--index-rows 100000] [--with-tags]

The corpus is generated here (templated German and English news text, ~300 words an article),
written to a temp dir, and removed afterwards. Target (issue 5): 10,000 articles <= 60 s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NAMES = [
    "Anna Berg",
    "Jonas Weber",
    "Maria Keller",
    "Peter Lang",
    "Sofia Brandt",
    "Tom Riedel",
    "Laura Stein",
    "Felix Hahn",
    "Clara Vogt",
    "Martin Roth",
]
ORGS = ["Nato", "UN", "EU-Kommission", "Bundesregierung", "WHO", "Greenpeace", "IG Metall"]
PLACES = ["Berlin", "Brüssel", "Hamburg", "Wien", "London", "Paris", "Warschau"]
DE = [
    "„{q}“, sagte {p} am {d} in {c}.",
    "{o} fordere mehr Geld für die Länder, sagte {p}.",
    "Nach Angaben von {o} sei die Lage in {c} weiterhin angespannt.",
    "Die Verhandlungen in {c} dauerten bis in die Nacht, hieß es aus Kreisen von {o}.",
    "{p} zufolge werde die Entscheidung frühestens im Herbst fallen.",
    "Kritiker werfen {o} vor, die Folgen für die Beschäftigten zu unterschätzen.",
]
EN = [
    '"{q}," {p} said in {c} on {d}.',
    "{o} said that the talks in {c} would continue next week.",
    "According to {o}, the plan would cost more than expected.",
    "Officials in {c} declined to comment on the report by {o}.",
    "{p} warned of further delays and called for a review.",
]
QUOTES_DE = [
    "Wir sind zu Gesprächen bereit",
    "Das ist ein wichtiger Schritt",
    "Niemand darf zurückgelassen werden",
]
QUOTES_EN = ["We are ready to talk", "This is an important step", "Nobody will be left behind"]


def article(rng: random.Random, n: int, tags: bool = False) -> dict:
    lang = "de" if n % 2 else "en"
    templates, quotes = (DE, QUOTES_DE) if lang == "de" else (EN, QUOTES_EN)
    paragraphs = []
    for _ in range(8):
        sentences = [
            rng.choice(templates).format(
                q=rng.choice(quotes),
                p=rng.choice(NAMES),
                o=rng.choice(ORGS),
                c=rng.choice(PLACES),
                d=f"{rng.randint(1, 28)}. März",
            )
            for _ in range(3)
        ]
        paragraphs.append(" ".join(sentences))
    return {
        "title": f"Article {n}: {rng.choice(ORGS)} in {rng.choice(PLACES)}",
        "date": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "source": "Bench Wire",
        "lang": lang,
        "tags": [rng.choice(["bench", "Bench/Sub"])] if tags else [],
        "text": _distinct("\n\n".join(paragraphs), n),
    }


def _distinct(text: str, n: int) -> str:
    """A marker every 3 words: templated stories would otherwise be near-duplicates to the
    importer's shingle-based dedupe (real news is not templated)."""
    words = text.split(" ")
    return " ".join(w + (f" n{n}" if i % 3 == 2 else "") for i, w in enumerate(words))


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--index-rows", type=int, default=100_000)
    ap.add_argument(
        "--with-tags",
        action="store_true",
        help="every line carries a tag (each costs an annotation-store write)",
    )
    args = ap.parse_args()

    from reader.library.store import Library

    work = Path(tempfile.mkdtemp(prefix="reader-bench-"))
    try:
        rng = random.Random(7)
        corpus = work / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as fh:
            for n in range(args.articles):
                fh.write(json.dumps(article(rng, n, args.with_tags), ensure_ascii=False) + "\n")
        size_mb = corpus.stat().st_size / 1e6

        def baseline() -> int:
            return sum(1 for line in corpus.read_bytes().split(b"\n") if line and json.loads(line))

        t_base, count = timed(baseline)

        def cli_import() -> list[str]:  # the real command, as a user runs it
            done = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "reader",
                    "--library",
                    str(work / "lib"),
                    "import",
                    str(corpus),
                ],
                capture_output=True,
                text=True,
            )
            assert done.returncode == 0, done.stderr[-500:]
            return [line for line in done.stdout.splitlines() if line.startswith("imported ")]

        t_import, imported = timed(cli_import)
        assert len(imported) == count, (len(imported), count)
        library = Library(work / "lib")
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"machine: {os.cpu_count()} CPUs, load average {load} (shared: figures vary)")
        print(
            f"corpus: {count} articles, {size_mb:.1f} MB JSONL"
            f"{', each with a tag' if args.with_tags else ', no tags'}"
        )
        print(f"baseline read+parse JSONL:      {t_base:8.2f} s")
        print(
            f"reader import FILE.jsonl (CLI): {t_import:8.2f} s  "
            f"({count / t_import:,.0f} articles/s; target <= 60 s for 10,000)"
        )

        index = work / "lib" / "articles.json"
        t_raw, _ = timed(lambda: json.loads(index.read_bytes()))
        t_cold, rows = timed(lambda: Library(work / "lib").articles())
        print(
            f"index {len(rows)} rows ({index.stat().st_size / 1e6:.1f} MB): json.loads "
            f"{t_raw * 1000:.0f} ms, Library.articles() cold {t_cold * 1000:.0f} ms"
        )

        # a 100,000-row index, built by repeating the rows (only the index is loaded)
        big = Library(work / "big", create=True)
        template = list(library.index.rows().values())
        from dataclasses import replace

        t_write, _ = timed(lambda: _fill(big, template, args.index_rows, replace))
        big_index = work / "big" / "articles.json"
        t_raw, _ = timed(lambda: json.loads(big_index.read_bytes()))
        small = Library(work / "small", create=True)
        _fill(small, template, 100, replace)
        (big.cache_dir / "articles.cache").unlink(missing_ok=True)
        first = cold_load(work / "big")  # parses the JSON, writes the snapshot
        again = cold_load(work / "big")  # what every later start pays
        tiny = cold_load(work / "small")
        print(
            f"index {args.index_rows} rows ({big_index.stat().st_size / 1e6:.1f} MB JSON, one "
            f"write {t_write:.2f} s); json.loads alone {t_raw * 1000:.0f} ms"
        )
        print(
            f"  cold Library.articles() in a fresh process: first {first[0]:.0f} ms, then "
            f"{again[0]:.0f} ms (snapshot), peak RSS +{again[1]:.0f} MB; "
            f"100 rows: {tiny[0]:.1f} ms, +{tiny[1]:.0f} MB"
        )

        # importing a few new articles: into the small library, then into the 100,000-row one
        # (dedupe then builds its band index over every row, and the index is rewritten whole)
        few = work / "few.jsonl"
        with few.open("w", encoding="utf-8") as fh:
            for n in range(args.articles, args.articles + 50):
                fh.write(json.dumps(article(rng, n), ensure_ascii=False) + "\n")
        into_small = timed(lambda: _cli(work / "small", few))[0]
        into_big = timed(lambda: _cli(work / "big", few))[0]
        print(
            f"import 50 new articles (CLI): into 100 rows {into_small:.2f} s, into "
            f"{args.index_rows} rows {into_big:.2f} s"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


def cold_load(root: Path) -> tuple[float, float]:
    """(ms, MB of peak RSS growth) for Library(root).articles() in a new interpreter."""
    # peak RSS from /proc (VmHWM): ru_maxrss would start at this big parent's size after fork
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from reader.library.store import Library\n"
        "def hwm():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmHWM:'):\n"
        "            return int(line.split()[1]) / 1024\n"
        "before = hwm()\n"
        "t = time.perf_counter(); Library(Path(sys.argv[1])).articles()\n"
        "ms = (time.perf_counter() - t) * 1000\n"
        "print(ms, hwm() - before)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(root)], capture_output=True, text=True, check=True
    )
    ms, grown = done.stdout.split()
    return float(ms), float(grown)


def _cli(root: Path, corpus: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(root), "import", str(corpus)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-500:]


def _fill(library, template, n: int, replace) -> None:
    """Rows only (no bodies), each with its own signature key, as real rows have."""
    from reader.importing.importer import content_key

    with library.index.transaction() as txn:
        for i in range(n):
            meta = template[i % len(template)]
            txn.put(
                replace(
                    meta,
                    id=f"{i:08x}",
                    sha256=f"{i:064x}",
                    content_key=content_key(f"row {i} of the bench index"),
                )
            )


if __name__ == "__main__":
    main()
