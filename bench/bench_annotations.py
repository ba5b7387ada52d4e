"""How fast the annotation store is with a big library, beside a bare TinyDB baseline.

    python bench/bench_annotations.py [--notes 100000] [--articles 10000]

Builds a library (in a temp dir) with the store's own file format written directly (a fast path:
adding 100,000 notes one by one with fsync would take minutes), then measures, in-process
through the store's API: adding a note, listing every note with a tag (cold = a new store
object, as a fresh ``reader notes --tag`` process; warm = the same object again; and once with
the per-tag-root notes cache removed, so every matching file is opened), summaries(),
and opening the store at two library sizes. Baselines, measured interleaved with the adds (so
load from other processes on this shared machine hits them alike): a bare TinyDB insert into a
small file (default JSONStorage, no fsync), and one durable atomic write with its two fsyncs
(the disk's share of every add).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tinydb import TinyDB

from annotations import records as rec
from annotations.models import Anchor, Note
from annotations.storage import atomic_write_bytes
from annotations.store import AnnotationStore

TAGS = [
    f"{top}/{sub}"
    for top in ("frame", "actor", "topic", "method", "quote")
    for sub in (
        "conflict",
        "economy",
        "moral",
        "risk",
        "human",
        "law",
        "health",
        "war",
        "energy",
        "climate",
    )
]
ARTICLE_TAGS = ["Politik", "Wirtschaft", "EU", "Nato", "Klima", "Inland", "Ausland", "Kultur"]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:9.2f} ms"


def _median(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def build(root: Path, n_notes: int, n_articles: int, rng: random.Random) -> list[str]:
    """Write the library directly in the store's file format (what add_note would write)."""
    articles = [f"{rng.getrandbits(32):08x}" for _ in range(n_articles)]
    per = {a: [] for a in articles}
    stamp = "2026-01-01T00:00:00.000000+00:00"
    built = time.time() - 3600
    for i in range(n_notes):
        article = articles[i % n_articles]
        start = rng.randrange(0, 5000)
        passage = Anchor(
            "a passage of some length",
            "context before it, about thirty-two",
            "context after it, about thirty-two c",
            start,
            start + 24,
            start // 500,
        )
        note = Note(
            id=rec.new_note_id(),
            article=article,
            text=f"note {i} " + "words " * 12,
            tags=rng.sample(TAGS, rng.choice((0, 1, 1, 2))),
            passage=passage if i % 3 else None,
            created=stamp,
            updated=stamp,
        )
        per[article].append(rec.note_doc(note))
    for article, docs in per.items():
        data = rec.migrate(
            {
                "notes": {str(k + 1): d for k, d in enumerate(docs)},
                "article": {"1": {"tags": rng.sample(ARTICLE_TAGS, 1)}},
            },
            article,
        )
        path = root / article[:2] / f"{article}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        os.utime(path, (built, built))  # a library built earlier, not in the last seconds
    for folder in [root, *root.iterdir()]:
        os.utime(folder, (built, built))
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    rng = random.Random(6)
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        # baselines, measured interleaved with add_note below (same moment, same disk):
        # a bare TinyDB insert into a small file, and one durable atomic write
        base_db = TinyDB(tmp_path / "baseline.json")
        for i in range(10):
            base_db.insert({"text": f"note {i}", "tags": ["a"]})

        small = tmp_path / "small"
        build(small, 1_000, 100, rng)
        root = tmp_path / "big"
        t = time.perf_counter()
        articles = build(root, args.notes, args.articles, rng)
        os.sync()  # don't make the first measured fsync flush the whole build
        print(
            f"built {args.notes:,} notes in {args.articles:,} article files in "
            f"{time.perf_counter() - t:.1f} s",
            file=sys.stderr,
        )
        t = time.perf_counter()
        AnnotationStore(root).summaries()  # writes the summary cache, as the first TUI start
        rebuild = time.perf_counter() - t

        store = AnnotationStore(root)
        store.summaries()
        tag = "frame/conflict"
        hits = len(AnnotationStore(root).notes(tag=tag))

        def cold_tag() -> None:
            AnnotationStore(root).notes(tag=tag)

        rows.append(
            (
                f"notes(tag={tag!r}) cold ({hits:,} hits)",
                _ms(_median(cold_tag, 5)),
                "new store object; target <= 300 ms",
            )
        )
        rows.append(
            (
                f"notes(tag={tag!r}) warm",
                _ms(_median(lambda: store.notes(tag=tag), 5)),
                "same object; target <= 300 ms",
            )
        )
        parent_hits = len(store.notes(tag="frame"))
        parent = _median(lambda: AnnotationStore(root).notes(tag="frame"), 3)
        rows.append(
            (
                f"notes(tag='frame') cold ({parent_hits:,} hits)",
                _ms(parent),
                "parent of 10 tags: a fifth of all notes; target <= 300 ms",
            )
        )

        def uncached_parent() -> None:  # every matching article file opened (no notes cache)
            for cache in root.glob("notes-*.cache"):
                cache.unlink()
            AnnotationStore(root).notes(tag="frame")

        rows.append(
            (
                "notes(tag='frame') cold, notes cache removed",
                _ms(_median(uncached_parent, 3)),
                "reads the files, rebuilds the cache",
            )
        )
        rows.append(
            (
                "summaries() cold",
                _ms(_median(lambda: AnnotationStore(root).summaries(), 5)),
                f"{len(articles):,} articles",
            )
        )
        rows.append(("summaries() warm", _ms(_median(store.summaries, 20)), ""))
        rows.append(("summaries() first ever (rebuilds cache)", _ms(rebuild), "once per library"))
        rows.append(("tag_counts() warm", _ms(_median(store.tag_counts, 5)), ""))
        note_id = store.notes(articles[0])[0].id
        rows.append(
            (
                "get_note(prefix) cold",
                _ms(_median(lambda: AnnotationStore(root).get_note(note_id[:8]), 5)),
                "",
            )
        )

        # interleaved with the baselines, so load from other processes hits all alike
        adds, inserts, writes = [], [], []
        for _ in range(200):
            t = time.perf_counter()
            store.add_note(rng.choice(articles), "a new note", tags=["new"])
            adds.append(time.perf_counter() - t)
            t = time.perf_counter()
            base_db.insert({"text": "a new note", "tags": ["new"]})
            inserts.append(time.perf_counter() - t)
            t = time.perf_counter()
            atomic_write_bytes(tmp_path / "f.json", b"x" * 4000)
            writes.append(time.perf_counter() - t)
        base_db.close()
        add, baseline = statistics.median(adds), statistics.median(inserts)
        rows.insert(
            0,
            (
                "bare TinyDB insert, small file (baseline)",
                _ms(baseline),
                "no fsync; interleaved with the adds",
            ),
        )
        rows.insert(
            1,
            (
                "atomic 4 KB write: temp, fsync, replace, fsync dir",
                _ms(statistics.median(writes)),
                "the disk's share of every durable write",
            ),
        )
        rows.append(
            (
                f"add_note, {args.notes:,} notes in library",
                _ms(add),
                f"{add / baseline:5.1f}x baseline; target <= 5 ms",
            )
        )

        def cold_add() -> None:
            AnnotationStore(root).add_note(rng.choice(articles), "from a script")

        rows.append(("new store + add_note (one `reader note`)", _ms(_median(cold_add, 50)), ""))

        # an import's tags: one tag_article call per article, or one tag_articles for a batch
        fresh = iter(f"{i:08x}" for i in range(1 << 20))
        one_by_one = _median(lambda: store.tag_article(next(fresh), ["imported"]), 50)
        batch = {next(fresh): ["imported"] for _ in range(1000)}
        t = time.perf_counter()
        store.tag_articles(batch)
        bulk = (time.perf_counter() - t) / len(batch)
        rows.append(("tag_article, one new article", _ms(one_by_one), "per call (baseline)"))
        rows.append(
            (
                "tag_articles, 1,000 new articles, per article",
                _ms(bulk),
                f"{one_by_one / bulk:5.1f}x faster: one lock, one flush",
            )
        )
        rows.append(
            (
                f"notes(tag={tag!r}) cold, < 2 s after 250 writes",
                _ms(_median(cold_tag, 3)),
                "recent changes are re-checked",
            )
        )
        for label, where in (("1,000", small), (f"{args.notes:,}", root)):
            opened = _median(lambda where=where: AnnotationStore(where).version(), 50)
            rows.append(
                (
                    f"open store + version(), {label} notes",
                    _ms(opened),
                    "what the TUI needs before its first paint",
                )
            )
        AnnotationStore(small).summaries()
        rows.append(
            (
                "summaries() cold, 1,000 notes in 100 articles",
                _ms(_median(lambda: AnnotationStore(small).summaries(), 5)),
                "grows with articles, not notes",
            )
        )
    width = max(len(r[0]) for r in rows)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"load average during the run: {load} on {os.cpu_count()} cores "
        f"(other processes slow every figure, the baselines too)"
    )
    print(f"{'measure':<{width}}  {'median':>12}  note")
    print("-" * (width + 40))
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>12}  {note}")


if __name__ == "__main__":
    main()
