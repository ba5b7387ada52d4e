"""Speed of reader.analysis.analyze(), printed beside a plain regex pass over the same text.

Targets (issue 4): >= 1 MB of text per second on one core, and a 5,000-word article in
under 20 ms. The baseline is what any reader could do for free: re.finditer over quote marks.
Times are the process's CPU time (one core's work; other load on a shared machine does not
count), or wall time with --wall.

    python bench/bench_analysis_speed.py            # corpus texts from ../shared, else samples
    python bench/bench_analysis_speed.py --repeat 9
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "quotes"
sys.path.insert(0, str(REPO))
from reader.analysis import analyze  # noqa: E402

_MARKS = re.compile(r"[„“”\"»«‚‘’]([^„“”\"»«\n]{0,400}?)[“”\"«»‘’]")


def regex_pass(text: str) -> int:
    return sum(1 for _ in _MARKS.finditer(text))


def load_texts() -> tuple[list[tuple[str, str]], str]:
    """(lang, text) documents: the German and English gold corpora when present."""
    docs: list[tuple[str, str]] = []
    for name in ("wikinews_de_dev.jsonl", "wikinews_de_train.jsonl", "gum_en_news_train.jsonl"):
        path = CORPUS / name
        if path.is_file():
            for line in path.open(encoding="utf-8"):
                d = json.loads(line)
                docs.append((d.get("lang") or "de", d["text"]))
    if docs:
        return docs, "../shared/corpus/quotes (de dev+train, en train)"
    samples = sorted((REPO / "sample_articles").glob("*.*"))
    for p in samples:
        if p.suffix in (".txt", ".md"):
            docs.append((p.name[:2], p.read_text(encoding="utf-8")))
    return docs, "sample_articles"


CLOCK = time.process_time  # CPU time of this process: one core's work, fair on a shared box


def timed(fn, *args, repeat: int = 5) -> float:
    """Median CPU time of ``fn(*args)`` over ``repeat`` runs, in seconds."""
    return statistics.median(runs(fn, *args, repeat=repeat))


def runs(fn, *args, repeat: int = 5) -> list[float]:
    times = []
    for _ in range(repeat):
        t0 = CLOCK()
        fn(*args)
        times.append(CLOCK() - t0)
    return times


def article_of(words: int, docs: list[tuple[str, str]], lang: str) -> str:
    """One article of about ``words`` words made of whole paragraphs of real news text."""
    paras: list[str] = []
    n = 0
    for dl, text in docs:
        if dl != lang:
            continue
        for p in text.split("\n"):
            if p.strip():
                paras.append(p)
                n += len(p.split())
                if n >= words:
                    return "\n\n".join(paras)
    return "\n\n".join(paras)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--wall", action="store_true", help="measure wall time instead of CPU time")
    args = ap.parse_args()
    global CLOCK
    if args.wall:
        CLOCK = time.perf_counter
    docs, origin = load_texts()
    if not docs:
        print("error: no texts to measure (neither ../shared nor sample_articles)", file=sys.stderr)
        return 1
    total = sum(len(t.encode("utf-8")) for _, t in docs)
    analyze("Warm-up, sagte er.", "de")

    def run_all() -> None:
        for lang, text in docs:
            analyze(text, lang)

    def regex_all() -> None:
        for _, text in docs:
            regex_pass(text)

    t_an = timed(run_all, repeat=max(1, args.repeat // 2))
    t_re = timed(regex_all, repeat=args.repeat)
    print(
        f"texts: {len(docs)} documents, {total / 1e6:.2f} MB (UTF-8) from {origin}; "
        f"{'wall' if args.wall else 'CPU'} time, median of runs"
    )
    print(f"{'':28}{'analyze()':>14}{'regex marks':>14}")
    print(
        f"{'throughput (MB/s, 1 core)':28}{total / 1e6 / t_an:>14.2f}{total / 1e6 / t_re:>14.2f}"
        f"   target >= 2 MB/s (issue 12)"
    )
    for lang in ("de", "en"):
        art = article_of(5000, docs, lang)
        if not art:
            continue
        nw = len(art.split())
        times = runs(analyze, art, lang, repeat=args.repeat)
        a, best = statistics.median(times), min(times)
        r = timed(regex_pass, art, repeat=args.repeat)
        print(
            f"{f'{nw}-word article ({lang}) ms':28}{a * 1000:>14.1f}{r * 1000:>14.2f}"
            f"   target <= 20 ms (best run {best * 1000:.1f})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
