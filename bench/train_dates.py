"""Train the date rankers (reader/importing/date_model.json) on a devpages build.

    python bench/train_dates.py bench/out/devpages [--out FILE] [--corpus DIR] [--kinds html,scraped]

Two choice models (a softmax over a page's candidate days, reader/importing/dates.py):
  html     the dates a page states in its markup (JSON-LD, meta tags, <time>, classes, the
           dateline under the headline, the extractor's guess, the URL), the rules' pick marked
  scraped  the dates a scrape states, with their lines' features; the line models' out-of-site
           story span and headline (bench/train_import.py, 10 folds of whole sites; in the bench,
           leave-one-site-out) place them (stacking)
A page's candidates are labelled by the gold date; a page whose gold is not among them does not
train (a choice needs a right answer) but counts as a miss in the bench.

Leave-one-site-out (``html_loso`` / ``scraped_folds``, used by bench/bench_import.py): the model
refitted without each site (bench/train_import.py's Newton steps from the full fit), word
features kept only when they occur on MIN_SITES training sites. The shipped file holds feature
names (general features, single words, meta tag names) and weights, nothing else.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
import train_import as ti  # noqa: E402

from reader.importing import dates  # noqa: E402

LAMBDA = {"html": (10.0, 10.0), "scraped": (1.0, 10.0)}

Sample = tuple[str, list, str | None]  # (site, candidates [(day, features)], gold day)


def fit_kind(kind: str, samples: list[Sample], folds: dict | None = None, log=print):
    """The full fit and, per fold ({key: sites}), the fit without those sites."""
    rows, sites, groups, labels = [], [], [], []
    for number, (site, candidates, gold) in enumerate(samples):
        if not gold:
            continue
        for value, features in candidates:
            rows.append(features)
            sites.append(site)
            groups.append(number)
            labels.append(1 if value == gold else 0)
    if not rows:
        return {}, {}
    pick = np.flatnonzero(ti._trainable_groups(groups, labels))
    design = ti.Design([rows[i] for i in pick], [sites[i] for i in pick])
    problem = ti.Choice(
        design.X,
        [groups[i] for i in pick],
        [labels[i] for i in pick],
        design.penalty(LAMBDA[kind]),
    )
    started = time.perf_counter()
    w = ti.fit(problem, len(design.names))
    log(f"  date/{kind}: {len(pick)} candidates, {len(design.names)} features")
    per_fold = {}
    if folds:
        hess = ti.full_hessian(problem, w, len(design.names))
        for key, left_out in folds.items():
            per_fold[key] = design.weights(ti.leave_out(problem, design, w, hess, left_out))
        log(f"  date/{kind}: {len(folds)} folds ({time.perf_counter() - started:.0f} s)")
    return design.weights(w), per_fold


def _best(scorer, kind, candidates, fallback):
    if not candidates or not scorer.has(kind):
        return fallback
    return max(candidates, key=lambda c: scorer.score(kind, c[1]))[0]


def site_folds(sites) -> dict:
    return {site: {site} for site in sorted(set(sites))}


# ---- HTML -----------------------------------------------------------------------------------


def html_record(page) -> tuple[list, str | None]:
    """The candidates and the rules' pick of one HTML page, as the importer sees them."""
    from reader.importing.importer import ImportFailure, parse_document

    with dates.recording() as found:
        try:
            parse_document(page.data, page.name)
        except ImportFailure:
            pass
    chosen = [(c, rule) for kind, c, rule in found if kind == "html"]
    return chosen[-1] if chosen else ([], None)


def html_loso(pages, records: list[tuple[list, str | None]], log=print) -> list[str | None]:
    """Each page's date picked by the model fitted without its site."""
    samples = [
        (p.site, cands, p.gold.get("date")) for p, (cands, _) in zip(pages, records, strict=True)
    ]
    _, per_fold = fit_kind("html", samples, site_folds(p.site for p in pages), log)
    return [
        _best(dates.Model({"html": per_fold.get(p.site, {})}), "html", cands, rule)
        for p, (cands, rule) in zip(pages, records, strict=True)
    ]


# ---- scraped text ---------------------------------------------------------------------------


def scraped_samples(prepared) -> list[Sample]:
    """Candidates of each prepared page (train_import.prepare + train: its out-of-fold span and
    headline)."""
    out = []
    for data in prepared:
        candidates = dates.scraped_candidates(data.lines, data.probabilities, data.span, data.title)
        out.append((data.site, candidates, data.page.gold.get("date")))
    return out


def scraped_folds(prepared, folds: dict, log=print) -> dict:
    """Per fold, the scraped date weights fitted without its sites (for the bench's
    leave-one-site-out import)."""
    _, per_fold = fit_kind("scraped", scraped_samples(prepared), folds, log)
    return per_fold


# ---- entry point ----------------------------------------------------------------------------


def main() -> int:
    import devpages as dp

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("devpages", help="a devpages build (../shared/tools/devpages.py)")
    parser.add_argument("--out", default=str(dates.MODEL_FILE))
    parser.add_argument("--corpus", default=str(ti.DEFAULT_CORPUS), help="('' for none)")
    parser.add_argument("--kinds", default="html,scraped")
    args = parser.parse_args()
    root, corpus = Path(args.devpages), Path(args.corpus) if args.corpus else None
    models: dict[str, dict] = {}
    try:
        old = json.loads(dates.MODEL_FILE.read_text("utf-8"))
    except (OSError, ValueError):
        old = {}
    with dates.using(dates.Model({})):  # the rules' pick while the candidates are collected
        if "html" in args.kinds:
            pages = [p for p in dp.load(root, kinds=("html",)) if p.gold.get("date")]
            if corpus is not None and corpus.is_dir():
                pages += [p for p in dp.load_corpus(corpus, kinds=("html",)) if p.gold.get("date")]
            samples = [(p.site, html_record(p)[0], p.gold["date"]) for p in pages]
            models["html"], _ = fit_kind("html", samples)
        else:
            models["html"] = old.get("html", {})
        if "scraped" in args.kinds:
            prepared = ti.prepare(ti.training_pages(root, corpus))
            # the line models' output on sites they did not see (10 folds of whole sites), as
            # on a new site at run time
            ti.train(prepared, ti.site_folds(prepared, k=10), log=lambda *a: None)
            models["scraped"], _ = fit_kind("scraped", scraped_samples(prepared))
        else:
            models["scraped"] = old.get("scraped", {})
    ti.write_model(
        Path(args.out),
        "Date rankers (reader/importing/dates.py): feature names (general features, single "
        "words, meta tag names) and weights of choice models over a page's stated dates, "
        "trained by bench/train_dates.py. No page text.",
        models,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
