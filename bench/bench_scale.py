"""reader at scale: writes, search, walks and sizes at 1k, 10k, 100k (and 1M) articles, each
figure beside a baseline measured in the same run.

    python bench/bench_scale.py                        # 1k, 10k, 100k
    python bench/bench_scale.py --sizes 1000,10000     # quicker
    python bench/bench_scale.py --sizes 1000,1000000   # 1M (builds for a long while)
    python bench/bench_scale.py --work /tmp/scale      # keep the built libraries for reruns

Libraries are generated directly (not through ``reader import``; the build time is printed
separately): bench_cli_import.py's templated articles (~300 words, German and English), their
text and original files, an analysis cache per article (the real analysis of the first 200
articles, reused round-robin: no hour of analysis at 1M; a reused cache stores its quotes'
words in full, as they are not the new text's words at those offsets: 1.4 KB where a real one
takes 0.9 KB, both one 4 KB block on disk), and the index written
through the library's own index API in one transaction. A rare word is planted in 1 article of
2,000 (0.05 %).

Per size, through the real CLI in a new process each (wall time; peak RSS from wait4):
- writes: import of 1 article, edit --title, tag, note, rm: median of 5, each beside the same
  command at the smallest size of this run (the ratio is the target: <= 1.5x at 100k, <= 2x
  at 1M) and beside ``reader --version`` (the interpreter's start, the floor);
- search --limit 20 (common word in >= 10 %, rare word in < 0.1 %, a phrase) and --json of all
  hits of the rare word, beside ``grep -rl`` over the same text files;
- list --json (time, peak RSS), beside ``cat`` of the index file(s);
- doctor, beside ``find`` over the library;
- sizes: stored text, analysis cache, index files, derived caches (cache dir).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

RARE = "Quokkaforschung"  # planted in 1 article of RARE_EVERY
RARE_EVERY = 2000
COMMON = "Berlin"  # one of seven places, in most articles
PHRASE = '"Anna Berg"'
TEMPLATES = 200  # articles really analysed; the others reuse their caches round-robin
RUNS = 5


# building ---------------------------------------------------------------------------------
def build(root: Path, n: int) -> float:
    """Generate a library of ``n`` articles at ``root``; returns the seconds it took."""
    from bench_cli_import import article

    from reader.importing.dedupe import content_key
    from reader.library.analysis_cache import unsealed_cache
    from reader.library.analysis_pool import analyse_text
    from reader.library.folders import ArticleFolders
    from reader.library.ids import sha256_hex
    from reader.library.models import ArticleMeta
    from reader.library.store import Library

    started = time.perf_counter()
    rng = random.Random(15)
    library = Library(root, create=True)
    folders = ArticleFolders(root)
    analysed = []
    metas = []
    for i in range(n):
        data = article(rng, i)
        text = data["text"]
        if i % RARE_EVERY == 7:
            text = text.replace(" die ", f" die {RARE} ", 1).replace(" the ", f" the {RARE} ", 1)
        if len(analysed) < TEMPLATES:
            made = analyse_text(text, data["lang"])
            if isinstance(made.cache, bytes):  # sealed for its own text: reused for others
                made.cache = unsealed_cache(made.cache, text.encode("utf-8"))
            analysed.append(made)
        result = analysed[i % TEMPLATES]
        original = text.encode("utf-8")
        sha = sha256_hex(original)
        article_id = sha[:8]
        meta = ArticleMeta(
            id=article_id,
            sha256=sha,
            title=data["title"],
            date=data["date"],
            source=data["source"],
            url=None,
            lang=data["lang"],
            format="txt",
            file=f"corpus.jsonl:{i + 1}",
            added=f"2025-01-01T00:00:00.{i:06d}+00:00",
            content_key=content_key(text),
            words=len(text.split()),
            quotes=result.quotes,
            actors=list(result.actors),
        )
        folders.write(article_id, original, "txt", text, result.cache, fresh=True)
        metas.append(meta)
        if i and i % 50_000 == 0:
            print(f"  ... {i:,} articles generated ({time.perf_counter() - started:.0f} s)")
    with library.index.transaction() as txn:
        for meta in metas:
            txn.put(meta)
    library.article_columns()  # the derived caches a first reader would build
    return time.perf_counter() - started


# measuring --------------------------------------------------------------------------------
def run(args: list[str], env=None) -> tuple[float, bytes]:
    """(wall seconds, stdout) of one process."""
    started = time.perf_counter()
    done = subprocess.run(args, capture_output=True, env=env, check=False)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr[-400:]!r}")
    return seconds, done.stdout


def rss_run(args: list[str], env=None) -> tuple[float, float, bytes]:
    """(wall seconds, peak RSS in MB, stdout) of one process. The peak comes from GNU time
    (``%M``), whose child starts small: this process's own wait4 figure would include the
    memory of this (large) bench process the child was forked from."""
    timer = shutil.which("time") or "/usr/bin/time"
    with tempfile.NamedTemporaryFile() as peak:
        started = time.perf_counter()
        done = subprocess.run(
            [timer, "-f", "%M", "-o", peak.name, *args], capture_output=True, env=env, check=False
        )
        seconds = time.perf_counter() - started
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(args)} failed ({done.returncode})")
        kb = Path(peak.name).read_text().strip().splitlines()[-1]
    return seconds, int(kb) / 1024, done.stdout


def reader(root: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "reader", "--library", str(root), *args]


def median_of(fn, runs: int = RUNS) -> float:
    return statistics.median(fn(i) for i in range(runs))


def size_of(paths) -> int:
    total = 0
    for path in paths:
        try:
            total += path.stat().st_blocks * 512
        except OSError:
            pass
    return total


def files_named(root: Path, name: str):
    articles = root / "articles"
    for shard in os.scandir(articles):
        if not shard.is_dir():
            continue
        for folder in os.scandir(shard.path):
            yield Path(folder.path) / name


def warm(root: Path, env, figures: dict[str, float]) -> list[str]:
    """The floor, and the first write after an upgrade (it migrates the index and builds the
    lookup: once); returns ids to write to."""
    from reader.library.store import Library

    ids = [m.id for m in Library(root).articles()[:60]]
    figures["version"] = median_of(lambda _: run(reader(root, "--version"), env=env)[0])
    figures["first write"] = run(reader(root, "edit", ids[59], "--title", "First"), env=env)[0]
    return ids


WRITES = ("import 1", "edit", "tag", "note", "rm")


def writes(roots: dict[int, Path], env, ids: dict[int, list[str]], results) -> None:
    """Each write at every size in turn, RUNS times (interleaved: a machine whose load
    changes meanwhile changes every size alike), then the median per size."""
    from bench_cli_import import article

    rng = random.Random(15)
    samples: dict[tuple[int, str], list[float]] = {}
    for k in range(RUNS):
        for n, root in roots.items():
            data = article(rng, 10_000_000 + n + k)
            path = root.parent / f"new-{n}-{k}.txt"
            path.write_text(data["title"] + "\n\n" + data["text"], encoding="utf-8")
            own = ids[n]
            commands = {
                "import 1": ("import", str(path)),
                "edit": ("edit", own[k], "--title", f"Edited {k}"),
                "tag": ("tag", own[10 + k], "bench/tag"),
                "note": ("note", own[20 + k], "a bench note"),
                "rm": ("rm", own[30 + k]),
            }
            for name, args in commands.items():
                samples.setdefault((n, name), []).append(run(reader(root, *args), env=env)[0])
            path.unlink(missing_ok=True)
    for (n, name), values in samples.items():
        results[n][name] = statistics.median(values)


_IN_PROCESS = r"""
import sys, time, statistics
from pathlib import Path
from reader.library.store import Library
lib = Library(Path(sys.argv[1]))
lib.search("warm", 1)
for query in sys.argv[2:]:
    times = []
    for _ in range(5):
        t = time.perf_counter()
        lib.search(query, 20)
        times.append(time.perf_counter() - t)
    print(statistics.median(times))
"""


def _search(root: Path, env, figures: dict[str, float]) -> None:
    # the first search after an upgrade builds the full-text index: once
    figures["search build"] = run(reader(root, "search", "--limit", "1", "warm"), env=env)[0]
    done = subprocess.run(
        [sys.executable, "-c", _IN_PROCESS, str(root), COMMON, RARE, PHRASE],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    common, rare, phrase = map(float, done.stdout.split())
    figures["query common"], figures["query rare"], figures["query phrase"] = common, rare, phrase
    grep = ["grep", "-rl", "--include=text.txt"]
    figures["grep common"] = run([*grep, COMMON, str(root / "articles")])[0]
    figures["grep rare"] = run([*grep, RARE, str(root / "articles")])[0]
    figures["grep phrase"] = run([*grep, PHRASE.strip('"'), str(root / "articles")])[0]
    search = ("search", "--limit", "20")
    figures["search common"] = median_of(
        lambda _: run(reader(root, *search, COMMON), env=env)[0], 3
    )
    figures["search rare"] = median_of(lambda _: run(reader(root, *search, RARE), env=env)[0], 3)
    figures["search phrase"] = median_of(
        lambda _: run(reader(root, *search, PHRASE), env=env)[0], 3
    )
    t, _, out = rss_run(reader(root, "search", "--json", RARE), env=env)
    figures["search rare all --json"], figures["search rare hits"] = t, len(json.loads(out))


def _walks(root: Path, env, figures: dict[str, float]) -> None:
    index_files = [p for p in root.iterdir() if p.name.startswith("articles.")]
    figures["cat index"] = run(["cat", *map(str, index_files)])[0]
    t, rss, out = rss_run(reader(root, "list", "--json"), env=env)
    figures["list --json"], figures["list --json MB"] = t, rss
    figures["list rows"] = len(json.loads(out))
    figures["find"] = run(["find", str(root), "-type", "f"])[0]
    t, rss, _ = rss_run(reader(root, "doctor"), env=env)
    figures["doctor"], figures["doctor MB"] = t, rss


def _sizes(root: Path, lib, figures: dict[str, float]) -> None:
    index_files = [p for p in root.iterdir() if p.name.startswith("articles.")]
    figures["text MB"] = size_of(files_named(root, "text.txt")) / 1e6
    caches = list(files_named(root, "analysis.json"))
    caches += list((root / "articles").glob("*/analysis*"))  # packed per shard, if any
    figures["analysis MB"] = size_of(caches) / 1e6
    figures["index MB"] = size_of(index_files) / 1e6
    cache_dir = lib.cache_dir
    figures["search MB"] = size_of((cache_dir / "search.tantivy").rglob("*")) / 1e6
    figures["lookup MB"] = size_of(cache_dir.glob("lookup.sqlite*")) / 1e6
    figures["cache dir MB"] = (
        size_of(p for p in cache_dir.rglob("*") if p.is_file()) / 1e6 if cache_dir.exists() else 0
    )


ROWS = [
    ("reader --version (floor)", "version", "s"),
    ("first write (migrates, builds lookup)", "first write", "s"),
    ("import 1 article", "import 1", "s"),
    ("edit --title", "edit", "s"),
    ("tag", "tag", "s"),
    ("note", "note", "s"),
    ("rm", "rm", "s"),
    ("first search (builds the search index)", "search build", "s"),
    (f"Library.search {COMMON} top 20 (in process)", "query common", "s"),
    (f"Library.search {RARE} top 20 (in process)", "query rare", "s"),
    (f"Library.search {PHRASE} top 20 (in process)", "query phrase", "s"),
    (f"search --limit 20 {COMMON} (common)", "search common", "s"),
    (f"  grep -rl {COMMON}", "grep common", "s"),
    (f"search --limit 20 {RARE} (rare)", "search rare", "s"),
    (f"  grep -rl {RARE}", "grep rare", "s"),
    (f"search --limit 20 {PHRASE}", "search phrase", "s"),
    ("  grep -rl Anna Berg", "grep phrase", "s"),
    ("search --json rare, all hits", "search rare all --json", "s"),
    ("  hits", "search rare hits", "n"),
    ("list --json", "list --json", "s"),
    ("  peak RSS", "list --json MB", "MB"),
    ("  cat of the index file(s)", "cat index", "s"),
    ("doctor", "doctor", "s"),
    ("  peak RSS", "doctor MB", "MB"),
    ("  find -type f over the library", "find", "s"),
    ("stored text (disk)", "text MB", "MB"),
    ("analysis cache (disk)", "analysis MB", "MB"),
    ("index file(s)", "index MB", "MB"),
    ("derived caches (cache dir)", "cache dir MB", "MB"),
    ("  of which the search index", "search MB", "MB"),
    ("  of which the lookup", "lookup MB", "MB"),
]


def report(results: dict[int, dict[str, float]], builds: dict[int, float]) -> None:
    sizes = sorted(results)
    first = sizes[0]
    width = 38
    head = "".join(f"{_label(n):>16}" if n == first else f"{_label(n):>22}" for n in sizes)
    print(f"\n{'':{width}}{head}")
    built = [f"{builds[n]:.1f} s" if n in builds else "(kept)" for n in sizes]
    print(
        f"{'library build (generated directly)':{width}}"
        + "".join(f"{b:>16}" if n == first else f"{b:>16}{'':6}" for n, b in zip(sizes, built))
    )
    for label, key, unit in ROWS:
        cells = []
        for n in sizes:
            value = results[n].get(key)
            if value is None:
                cells.append(f"{'-':>16}")
                continue
            text = _fmt(value, unit)
            if unit == "s" and n != first and key in _RATIO_KEYS:
                text += f" {value / results[first][key]:4.1f}x"
            elif n != first:
                text += " " * 6
            cells.append(f"{text:>16}" if n == first else f"{text:>22}")
        print(f"{label:{width}}" + "".join(cells))
    print(
        f"\nratios (Nx) are against the same command at {_label(first)} articles in this run; "
        "targets: writes <= 1.5x at 100k, <= 2x at 1M"
    )


_RATIO_KEYS = {"import 1", "edit", "tag", "note", "rm", "search common", "search rare"}


def _label(n: int) -> str:
    return f"{n // 1_000_000}M" if n >= 1_000_000 else f"{n // 1000}k" if n >= 1000 else str(n)


def _fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"
    if unit == "MB":
        return f"{value:.1f} MB"
    return f"{value:.0f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000", help="comma-separated sizes")
    ap.add_argument("--max", type=int, default=None, help="leave out sizes above this")
    ap.add_argument("--work", type=Path, default=None, help="keep libraries here for reruns")
    ap.add_argument("--parts", default="writes,search,walks", help="what to measure (sizes always)")
    args = ap.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    if args.max:
        sizes = [n for n in sizes if n <= args.max]
    work = args.work or Path(tempfile.mkdtemp(prefix="reader-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, READER_CACHE=str(work / "cache"))
    os.environ["READER_CACHE"] = env["READER_CACHE"]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} CPUs, load average {load} (shared: figures vary)")
    results: dict[int, dict[str, float]] = {}
    builds: dict[int, float] = {}
    try:
        parts = set(args.parts.split(","))
        roots: dict[int, Path] = {}
        ids: dict[int, list[str]] = {}
        for n in sizes:
            root = roots[n] = work / f"lib-{n}"
            if not (root / "articles").is_dir():
                shutil.rmtree(root, ignore_errors=True)
                print(f"building {n:,} articles ...", flush=True)
                builds[n] = build(root, n)
                print(f"  built in {builds[n]:.1f} s", flush=True)
            results[n] = {}
            ids[n] = warm(root, env, results[n])
        if "writes" in parts:
            print("writes (interleaved across sizes) ...", flush=True)
            writes(roots, env, ids, results)
        for n, root in roots.items():
            print(f"measuring {n:,} articles ...", flush=True)
            if "search" in parts:
                _search(root, env, results[n])
            if "walks" in parts:
                _walks(root, env, results[n])
            from reader.library.store import Library

            _sizes(root, Library(root), results[n])
        report(results, builds)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
