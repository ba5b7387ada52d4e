"""How fast intercoder agreement and merging a colleague's codes are (issue 17), each beside a
baseline measured in the same run.

    python bench/bench_agreement.py [--articles 1000] [--coders 3] [--codes 10000] [--runs 3]

1. Agreement: a library (temp dir) whose ``--articles`` articles are coded by ``--coders``
   coders (one category of an exclusive set of four per article, and two passage codes each),
   with a codebook. Measured: ``reader agreement --tag-set frame --format json`` as a process
   (what a user waits for; target <= 2 s), and in-process ``agreement()`` for articles and for
   passages. Baselines: the same process start with ``reader config coder`` (start-up only), and
   reading every annotation file once (``json.loads`` of each file).
2. Merge: an export (``--format json``) of ``--codes`` codes by another coder on the same
   articles (half article tags, half passage codes) is merged with ``reader
   import-annotations`` into the library above (target <= 5 s). Baselines: ``json.loads`` of
   the export file, and rewriting the library's annotation files (their own bytes) with the
   one atomic write path (``atomic_write_many``, one flush for all): the floor of any merge
   that must be durable.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from annotations.coding import DoneMark, TagCode  # noqa: E402
from annotations.models import Anchor, Note  # noqa: E402
from reader.base.atomic import atomic_write_many  # noqa: E402
from reader.library.coding import agreement  # noqa: E402
from reader.library.store import Library  # noqa: E402

CATEGORIES = ["frame/conflict", "frame/economy", "frame/human", "frame/moral"]
BOOK = 'version = 1\n[[set]]\nparent = "frame"\nexclusive = true\n' + "".join(
    f'[[category]]\nname = "{c}"\ndefinition = "made up for the bench"\n' for c in CATEGORIES
)


def _ids(n: int) -> list[str]:
    return [f"{i:08x}" for i in range(n)]


def _anchor(start: int, length: int = 40) -> Anchor:
    return Anchor(exact="x" * length, prefix="", suffix="", start=start, end=start + length)


def build(root: Path, articles: int, coders: int, rng: random.Random) -> None:
    library = Library(root, create=True)
    library.codebook_path().write_text(BOOK)
    store = library.annotations
    for c in range(coders):
        coder = f"coder{c}"
        plan = []
        for article in _ids(articles):
            truth = CATEGORIES[int(article, 16) % 4]
            value = truth if rng.random() < 0.8 else rng.choice(CATEGORIES)
            notes = [
                Note(
                    id=f"n{c:02x}{int(article, 16):06x}{k:04x}",
                    article=article,
                    text="",
                    tags=[CATEGORIES[(int(article, 16) + k) % 4]],
                    passage=_anchor(100 * k + rng.randint(0, 8)),
                    coder=coder,
                    created="2026-01-01T00:00:00+00:00",
                    updated="2026-01-01T00:00:00+00:00",
                )
                for k in range(2)
            ]
            plan.append((article, [], notes, [TagCode(value, coder)], [DoneMark(coder)]))
        store.merge_many(plan)


def export_file(path: Path, articles: int, codes: int) -> None:
    """``codes`` codes by coder "visitor": half article tags, half passage codes."""
    per = max(2, codes // articles)
    entries = []
    for n, article in enumerate(_ids(articles)):
        coded = [
            {"tag": CATEGORIES[(n + k) % 4] + f"/sub{k}", "coder": "visitor", "codebook": 1}
            for k in range(per // 2)
        ]
        notes = [
            {
                "id": f"v{n:07x}{k:04x}",
                "text": "",
                "tags": [CATEGORIES[(n + k) % 4]],
                "passage": _anchor(50 * k).to_dict(),
                "coder": "visitor",
                "codebook": 1,
                "created": "2026-01-02T00:00:00+00:00",
                "updated": "2026-01-02T00:00:00+00:00",
            }
            for k in range(per - per // 2)
        ]
        entries.append(
            {"id": article, "title": article, "tags": [], "notes": notes, "coded": coded}
        )
    data = {"format": "reader-annotations", "schema": 1, "exported": "x", "articles": entries}
    path.write_text(json.dumps(data))
    total = sum(len(e["notes"]) + len(e["coded"]) for e in entries)
    print(f"export: {total:,} codes on {articles:,} articles ({path.stat().st_size / 1e6:.1f} MB)")


def cli(root: Path, *args: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(REPO), "READER_CACHE": str(root.parent / "cache")}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(root), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"reader {' '.join(args)} failed: {done.stderr.strip()}")
    return elapsed


def read_all(root: Path) -> float:
    start = time.perf_counter()
    for path in (root / "annotations").glob("*/*.json"):
        json.loads(path.read_bytes())
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--coders", type=int, default=3)
    parser.add_argument("--codes", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(17)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "library"
        build(root, args.articles, args.coders, rng)
        print(f"library: {args.articles:,} articles coded by {args.coders} coders")
        cli(root, "agreement", "--tag-set", "frame", "--format", "json")  # warm the caches
        runs: dict[str, list[float]] = {}
        result = None
        for _ in range(args.runs):
            runs.setdefault("start-up", []).append(cli(root, "config", "coder"))
            runs.setdefault("read", []).append(read_all(root))
            runs.setdefault("cli", []).append(
                cli(root, "agreement", "--tag-set", "frame", "--format", "json")
            )
            for unit in ("article", "passage"):
                start = time.perf_counter()
                result = agreement(Library(root), unit=unit, tag_set="frame")
                runs.setdefault(unit, []).append(time.perf_counter() - start)
        med = {k: statistics.median(v) for k, v in runs.items()}
        assert result is not None
        print(
            f"reader agreement --tag-set frame --format json: {med['cli']:.2f} s "
            f"(target <= 2 s); baseline: reader config coder (start-up only) {med['start-up']:.2f} s"
        )
        print(
            f"in-process agreement(): articles {med['article'] * 1000:.0f} ms, passages "
            f"{med['passage'] * 1000:.0f} ms ({result.overall['units']:,} passage units, alpha "
            f"{result.overall['alpha']:.3f}); baseline: json.loads of every annotation file "
            f"{med['read'] * 1000:.0f} ms"
        )

        export = Path(tmp) / "export.json"
        export_file(export, args.articles, args.codes)
        start = time.perf_counter()
        json.loads(export.read_bytes())
        parse = time.perf_counter() - start
        # the floor of a durable merge: the same files replaced atomically (their own bytes)
        payload = sorted((root / "annotations").glob("*/*.json"))
        files = [(p, p.read_bytes()) for p in payload]
        start = time.perf_counter()
        atomic_write_many(files)
        write = time.perf_counter() - start
        merge = cli(root, "import-annotations", str(export))
        print(
            f"reader import-annotations of {args.codes:,} codes: {merge:.2f} s (target <= 5 s); "
            f"baselines: json.loads of the export {parse * 1000:.0f} ms, rewriting the library's "
            f"{len(files):,} annotation files atomically (atomic_write_many) "
            f"{write * 1000:.0f} ms, start-up {med['start-up']:.2f} s"
        )


if __name__ == "__main__":
    main()
