"""Import accuracy and speed, beside baselines measured in the same run.

    python bench/bench_import.py bench/out/devpages [--verbose] [--no-loso] [--dump FILE]
                                                    [--corpus DIR] [--kinds html,scraped]
    python bench/bench_import.py [--corpus DIR] [--repeat N] [--verbose]

With a devpages build (../shared/tools/devpages.py; local only, never committed) as argument:
every page of html/, scraped/ and snippets/, each metric scored only where the gold has it
(title, date, body token F1, the body's first words, snippets: every `with` in the body and no
`without`). Baselines: trafilatura alone (HTML) and "keep every line" (scraped). The learned
line models (bench/train_import.py) are scored leave-one-site-out: for each site, models
trained on every other site import that site's pages; that figure is the one that counts, beside
the hand rules alone (the importer with the models switched off) on the same pages. The shared
corpus (--corpus) is scored and trained on beside the build, and shown apart too.

Without it, the shared corpus: DIR/*.html and DIR/scraped/*.txt against DIR/<id>.json, title
exact match (case and punctuation normalised), date, language, body token F1 (mean and min),
and throughput (files repeated to ~N) beside reading + SHA-256 of the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from devpages import f1  # noqa: E402  (the token F1 the devpages scores use too)

from reader.importing.importer import ImportFailure, content_key, parse_document  # noqa: E402


def norm_title(text: str | None) -> str:
    return re.sub(r"\W+", " ", (text or "").casefold()).strip()


def trafilatura_alone(data: bytes) -> dict:
    import trafilatura

    doc = trafilatura.bare_extraction(data, with_metadata=True)
    if doc is None:
        return {"title": None, "date": None, "lang": None, "text": ""}
    d = doc.as_dict() if hasattr(doc, "as_dict") else doc
    from reader.importing.meta import detect_lang

    return {
        "title": d.get("title"),
        "date": d.get("date"),
        "source": d.get("sitename"),
        "lang": detect_lang(d.get("text") or ""),
        "text": d.get("text") or "",
    }


def every_line(data: bytes) -> dict:
    text = data.decode("utf-8", "replace")
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), None)
    return {"title": first, "date": None, "lang": None, "text": text}


def ours(data: bytes, name: str) -> dict:
    try:
        article = parse_document(data, name)
    except ImportFailure as failure:
        return {"title": None, "date": None, "lang": None, "text": "", "error": str(failure)}
    return {
        "title": article.title,
        "date": article.date,
        "lang": article.lang,
        "text": article.text,
        "source": article.source,
    }


def score(items: list[tuple[str, bytes, dict]], method, verbose: bool, label: str) -> dict:
    rows = []
    for item_id, data, gold in items:
        got = method(data, item_id)
        row = {
            "id": item_id,
            "title": norm_title(got["title"]) == norm_title(gold["title"]),
            "date": got["date"] == gold["date"],
            "source": norm_title(got.get("source")) == norm_title(gold.get("source")),
            "lang": got["lang"] == gold["lang"],
            "f1": f1(got["text"], gold["text"]),
        }
        rows.append(row)
        if verbose and not (row["title"] and row["date"] and row["lang"] and row["f1"] >= 0.9):
            print(
                f"  [{label}] {item_id}: f1={row['f1']:.3f} title={got['title']!r} (gold {gold['title']!r}) "
                f"date={got['date']} (gold {gold['date']}) lang={got['lang']}",
                file=sys.stderr,
            )
    n = len(rows) or 1
    return {
        "title": 100 * sum(r["title"] for r in rows) / n,
        "date": 100 * sum(r["date"] for r in rows) / n,
        "lang": 100 * sum(r["lang"] for r in rows) / n,
        "source": 100 * sum(r["source"] for r in rows) / n,
        "f1_mean": sum(r["f1"] for r in rows) / n,
        "f1_min": min((r["f1"] for r in rows), default=0.0),
        "worst": min(rows, key=lambda r: r["f1"])["id"] if rows else "-",
    }


def print_table(title: str, results: dict[str, dict]) -> None:
    print(f"\n{title}")
    print(
        f"{'method':<22}{'title %':>9}{'date %':>9}{'lang %':>9}{'F1 mean':>9}{'F1 min':>9}{'source %':>10}  worst"
    )
    for name, r in results.items():
        print(
            f"{name:<22}{r['title']:>9.1f}{r['date']:>9.1f}{r['lang']:>9.1f}{r['f1_mean']:>9.3f}"
            f"{r['f1_min']:>9.3f}{r['source']:>10.1f}  {r['worst']}"
        )


def dedupe(html: list, scraped: list) -> None:
    """Same story as HTML and as scraped text: does the dedupe (LSH candidates on the content key,
    verified on the bodies) call them duplicates, and never two different pages?"""
    from reader.importing import dedupe as dd

    by_id = {Path(n).stem: d for n, d, _ in scraped}
    pairs = [(d, by_id[Path(n).stem]) for n, d, _ in html if Path(n).stem in by_id]
    texts = []
    for page, text in pairs:
        try:
            texts.append((parse_document(page, "a.html").text, parse_document(text, "a.txt").text))
        except ImportFailure:
            continue

    def duplicate(a: str, b: str) -> bool:
        sig_a, sig_b = dd.parse_key(content_key(a)), dd.parse_key(content_key(b))
        candidate = (
            sig_a is not None
            and sig_b is not None
            and bool(set(dd.bands(sig_a)) & set(dd.bands(sig_b)))
        )
        return candidate and dd.same_story(set(dd.shingle_hashes(a)), set(dd.shingle_hashes(b)))

    same = sum(duplicate(a, b) for a, b in texts)
    exact = sum(
        re.findall(r"\w+", a.casefold()) == re.findall(r"\w+", b.casefold()) for a, b in texts
    )
    wrong = sum(
        duplicate(texts[i][0], texts[j][1])
        for i in range(len(texts))
        for j in range(len(texts))
        if i != j
    )
    print(f"\ndedupe, HTML vs scraped version of the same page ({len(texts)} pairs):")
    print(
        f"  found duplicate    : {same}/{len(texts)}   (exact normalised-body equality: {exact}/{len(texts)})"
    )
    print(f"  distinct pages called duplicates: {wrong} of {len(texts) * (len(texts) - 1)} pairs")


def throughput(files: list[tuple[str, bytes]], target: int) -> None:
    batch = [files[i % len(files)] for i in range(target)]
    start = time.perf_counter()
    for name, _ in batch:
        hashlib.sha256(Path(name).read_bytes()).hexdigest()
    base = time.perf_counter() - start
    spent = {"html": 0.0, "txt": 0.0}
    count = {"html": 0, "txt": 0}
    failures = 0
    for name, _ in batch:
        kind = "html" if name.endswith(".html") else "txt"
        start = time.perf_counter()
        try:
            parse_document(Path(name).read_bytes(), name)
        except ImportFailure:
            failures += 1
        spent[kind] += time.perf_counter() - start
        count[kind] += 1
    total = sum(spent.values())
    print(f"\nthroughput on {len(batch)} files ({len(files)} distinct, repeated):")
    print(f"  read + sha256 only : {len(batch) / base:10.0f} files/s  ({base:.2f} s)")
    print(
        f"  parse_document     : {len(batch) / total:10.1f} articles/s  ({total:.2f} s, {failures} failed)"
    )
    for kind in ("html", "txt"):
        if count[kind]:
            print(
                f"    of which {kind:<5}  : {count[kind] / spent[kind]:10.1f} articles/s  ({count[kind]} files)"
            )


def _timed(method, page) -> tuple[dict, float]:
    start = time.perf_counter()
    got = method(page.data, page.name)
    return got, time.perf_counter() - start


def _run(pages, method) -> tuple[list[dict], dict[str, dict], float]:
    from devpages import score_page

    rows, outputs, spent = [], {}, 0.0
    for page in pages:
        got, seconds = _timed(method, page)
        spent += seconds
        outputs[page.id] = got
        rows.append(score_page(page, got))
    return rows, outputs, spent


def _fmt(value: tuple, width: int = 14, digits: int = 1) -> str:
    figure, count = value
    text = "-" if figure is None else f"{figure:.{digits}f} ({count})"
    return f"{text:>{width}}"


def _devpages_table(title: str, results: dict[str, dict], extra: list[tuple[str, str]]) -> None:
    print(f"\n{title}")
    head = f"{'method':<30}{'title %':>14}"
    for label, _ in extra:
        head += f"{label:>16}"
    head += f"{'date %':>14}{'F1 mean':>14}{'F1 min':>8}{'start %':>13}{'snippets %':>14}"
    head += f"{'with %':>8}{'w/o %':>8}"
    print(head)
    for name, r in results.items():
        line = f"{name:<30}{_fmt(r['title'])}"
        for _, key in extra:
            line += _fmt(r[key], 16)
        f1_min = "-" if r["f1_min"][0] is None else f"{r['f1_min'][0]:.2f}"
        line += f"{_fmt(r['date'])}{_fmt(r['f1'], 14, 3)}{f1_min:>8}{_fmt(r['start'], 13)}"
        line += f"{_fmt(r['snippets'])}{r['with']:>8.1f}{r['without']:>8.1f}"
        print(line)


def _misses(label: str, pages, rows: list[dict], outputs: dict[str, dict]) -> None:
    by_id = {p.id: p for p in pages}
    for row in rows:
        bad = [key for key in ("title", "date", "start", "snippets") if row.get(key) is False]
        if row.get("f1") is not None and row["f1"] < 0.9:
            bad.append(f"f1={row['f1']:.2f}")
        if not bad:
            continue
        got, gold = outputs[row["id"]], by_id[row["id"]].gold
        print(
            f"  [{label}] {row['id']} ({row['site']}): {' '.join(bad)} title={got.get('title')!r}"
            f" (gold {gold.get('title')!r}) date={got.get('date')} (gold {gold.get('date')})",
            file=sys.stderr,
        )


def _at_least(rows: list[dict], base: list[dict]) -> tuple[float, int]:
    """Pages where we are at least as good as the baseline: F1 >= base - 0.01, or snippets."""
    ok = total = 0
    for mine, theirs in zip(rows, base, strict=True):
        if mine.get("f1") is not None:
            total += 1
            ok += mine["f1"] >= theirs["f1"] - 0.01
        elif mine.get("snippets") is not None:
            total += 1
            ok += mine["snippets"] or not theirs["snippets"]
    return (100 * ok / total if total else None, total)


def devpages_main(root: Path, args) -> int:
    import devpages as dp

    pages = dp.load(root)
    if not pages:
        print(f"no devpages build at {root}", file=sys.stderr)
        return 1
    corpus = Path(args.corpus)
    if corpus.is_dir():  # the 22 shared pages are scored (and trained on) beside the build
        pages += dp.load_corpus(corpus)
    html = [p for p in pages if p.kind == "html"]
    scraped = [p for p in pages if p.kind == "scraped"]
    sites = {p.site for p in pages}
    print(
        f"devpages build {root}: {len(html)} HTML pages, {len(scraped)} scraped, {len(sites)} sites"
    )
    dump: dict = {}
    if html and "html" in args.kinds:
        h1 = {p.id for p in html if dp.title_is_an_h1(p)}
        traf_rows, _traf_out, traf_time = _run(html, lambda d, n: trafilatura_alone(d))
        records: list = []  # each page's date candidates and the rules' pick, for the ranker
        our_rows, our_out, our_time = _run(html, lambda d, n: _recorded(records, d, n))
        if args.loso:
            html_dates_loso(html, records, traf_rows, our_rows)
        results = {
            "trafilatura alone": dp.summary(traf_rows, {"h1": h1}),
            "reader importer": dp.summary(our_rows, {"h1": h1}),
        }
        _devpages_table(f"HTML pages ({len(html)})", results, [("title=<h1> %", "h1")])
        figure, count = _at_least(our_rows, traf_rows)
        print(
            f"  reader >= trafilatura alone - 0.01 (F1; snippet pages: pass): {figure:.1f} % of {count} pages"
        )
        print(
            f"  speed: reader {len(html) / our_time:.1f} pages/s, trafilatura alone "
            f"{len(html) / traf_time:.1f} pages/s in the same run: {traf_time / our_time:.2f}x"
        )
        if args.verbose:
            _misses("html", html, our_rows, our_out)
        dump["html"] = our_rows
        dump["html_trafilatura"] = traf_rows
    if scraped and "scraped" in args.kinds:
        line = {p.id for p in scraped if dp.title_is_a_line(p)}
        all_rows, _, _ = _run(scraped, lambda d, n: every_line(d))
        rule_rows, _, _ = _run(scraped, hand_rules_alone)
        our_rows, our_out, _ = _run(scraped, ours)
        results = {
            "keep every line": dp.summary(all_rows, {"line": line}),
            "hand rules alone (no model)": dp.summary(rule_rows, {"line": line}),
            "reader importer (shipped)": dp.summary(our_rows, {"line": line}),
        }
        loso_rows = None
        if args.loso:
            loso_rows, loso_out = loso_scraped(scraped)
            if loso_rows is not None:
                results["reader, leave-one-site-out"] = dp.summary(loso_rows, {"line": line})
        _devpages_table(f"scraped text ({len(scraped)})", results, [("title=line %", "line")])
        stated = {p.id for p in scraped if dp.date_is_stated(p)}
        dated = sum(1 for p in scraped if p.gold.get("date"))
        print(
            f"  date where the scrape states the gold day with its year ({len(stated)} of"
            f" {dated} pages with a gold date; the rest cannot be read from the text):"
        )
        for name, rows in (
            ("hand rules alone (no model)", rule_rows),
            ("reader importer (shipped)", our_rows),
            ("reader, leave-one-site-out", loso_rows),
        ):
            if rows is not None:
                hits = [r["date"] for r in rows if r["id"] in stated and r.get("date") is not None]
                print(f"    {name:<30}{100 * sum(hits) / max(1, len(hits)):6.1f} %")
        if loso_rows is not None:
            for label, keep in (("dev pages only", False), ("shared corpus only", True)):
                subset = {
                    name: dp.summary(
                        [r for r in rows if r["id"].startswith("corpus/") == keep], {"line": line}
                    )
                    for name, rows in (
                        ("hand rules alone (no model)", rule_rows),
                        ("reader, leave-one-site-out", loso_rows),
                    )
                }
                _devpages_table(f"  {label}", subset, [("title=line %", "line")])
        if args.verbose:
            rows, out = (loso_rows, loso_out) if loso_rows is not None else (our_rows, our_out)
            _misses("txt", scraped, rows, out)
        dump["scraped"] = our_rows
        dump["scraped_loso"] = loso_rows
    if args.dump:
        Path(args.dump).write_text(json.dumps(dump, indent=1), "utf-8")
    return 0


def _recorded(records: list, data: bytes, name: str) -> dict:
    from reader.importing import dates

    with dates.recording() as found:
        got = ours(data, name)
    chosen = [(candidates, rule) for kind, candidates, rule in found if kind == "html"]
    records.append(chosen[-1] if chosen else ([], None))
    return got


def html_dates_loso(pages, all_records: list, traf_rows: list[dict], our_rows: list[dict]) -> None:
    """The HTML date ranker leave-one-site-out (bench/train_dates.py): each page's candidates
    (recorded in the import above, with the rules' pick) ranked by the model fitted without its
    site."""
    import train_dates

    dated = [i for i, p in enumerate(pages) if p.gold.get("date")]
    records = [all_records[i] for i in dated]
    held_out = train_dates.html_loso(
        [pages[i] for i in dated], records, log=lambda *a: print(*a, file=sys.stderr)
    )
    n = len(dated) or 1
    gold = [pages[i].gold["date"] for i in dated]
    figures = {
        "trafilatura alone": sum(traf_rows[i]["date"] for i in dated),
        "rules alone (no date model)": sum(r == g for (_, r), g in zip(records, gold, strict=True)),
        "shipped model": sum(our_rows[i]["date"] for i in dated),
        "leave-one-site-out": sum(h == g for h, g in zip(held_out, gold, strict=True)),
        "gold among the candidates": sum(
            any(d == g for d, _ in c) for (c, _), g in zip(records, gold, strict=True)
        ),
    }
    print(f"  HTML date on {len(dated)} pages with a gold date:")
    for label, count in figures.items():
        print(f"    {label:<30}{100 * count / n:6.1f} %")
    for i, h in zip(dated, held_out, strict=True):
        our_rows[i]["date_loso"] = h == pages[i].gold["date"]


def hand_rules_alone(data: bytes, name: str) -> dict:
    """The importer with the hand rules only (the learned line scorers switched off)."""
    from reader.importing import scraped_model

    with scraped_model.using(scraped_model.Model({})):
        return ours(data, name)


def loso_scraped(pages) -> tuple[list[dict] | None, dict]:
    """Leave-one-site-out: each site's pages imported with line models trained on the others."""
    try:
        import train_import
    except ImportError:
        return None, {}
    return train_import.leave_one_site_out(pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("devpages", nargs="?", help="a devpages build (html/, scraped/, snippets/)")
    parser.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus"))
    parser.add_argument(
        "--repeat", type=int, default=1000, help="files parsed for throughput (0: skip)"
    )
    parser.add_argument("--verbose", action="store_true", help="list the pages that miss")
    parser.add_argument(
        "--no-loso", dest="loso", action="store_false", help="skip leave-one-site-out"
    )
    parser.add_argument("--kinds", default="html,scraped", help="devpages: html, scraped or both")
    parser.add_argument("--dump", help="devpages: write the per-page rows to this JSON file")
    args = parser.parse_args()
    if args.devpages:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        return devpages_main(Path(args.devpages), args)
    corpus = Path(args.corpus)
    golds = {
        p.stem: json.loads(p.read_text("utf-8"))
        for p in corpus.glob("*.json")
        if p.stem != "manifest"
    }
    html = [
        (p.name, p.read_bytes(), golds[p.stem])
        for p in sorted(corpus.glob("*.html"))
        if p.stem in golds
    ]
    scraped = [
        (p.name, p.read_bytes(), golds[p.stem])
        for p in sorted((corpus / "scraped").glob("*.txt"))
        if p.stem in golds
    ]
    if not html and not scraped:
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 1
    print_table(
        f"HTML pages ({len(html)})",
        {
            "trafilatura alone": score(
                html, lambda d, n: trafilatura_alone(d), args.verbose, "traf"
            ),
            "reader importer": score(html, ours, args.verbose, "html"),
        },
    )
    print_table(
        f"scraped text ({len(scraped)})",
        {
            "keep every line": score(scraped, lambda d, n: every_line(d), False, "all"),
            "reader importer": score(scraped, ours, args.verbose, "txt"),
        },
    )
    dedupe(html, scraped)
    if args.repeat:
        files = [(str(corpus / n), d) for n, d, _ in html] + [
            (str(corpus / "scraped" / n), d) for n, d, _ in scraped
        ]
        throughput(files, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
