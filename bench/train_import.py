"""Train the scraped-text line scorers (reader/importing/scraped_model.json) on a devpages build.

    python bench/train_import.py bench/out/devpages [--out FILE] [--check-exact N]

Linear models over the line features of reader/importing/scraped_model.py (the date ranker:
bench/train_dates.py):
  body   is a line part of the story?  (logistic regression; labels from the gold body, or from
         the `with`/`without` snippets; weighted by the square root of the line's words)
  title  which line is the headline?   (a choice among the candidate lines of a page: softmax)
  span   which lines are the story?    (a choice among candidate selections of a page's lines:
         softmax; right: within 0.01 of the best token F1 against the gold body, or on snippet
         pages the most snippets right; a page with a gold body counts TEXT_WEIGHT times)
The title and span models see the body model's out-of-site probabilities, the span model and
the date ranker the title model's out-of-site choice (stacking, so that training sees what run
time sees on a new site).

Leave-one-site-out: for each site, the models are refitted without that site's pages (Newton
steps from the full fit, with the site's share taken out of the Hessian, to convergence), and
the site's pages are imported with them. Word features are kept when they occur on at least
MIN_SITES sites of the fold's own training pages, so a word never enters because of the page it
is tested on. The shipped file holds feature names (general features and single words) and
weights, nothing else. numpy is needed here only; run time is pure Python.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small systems: threads only contend
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np
from scipy import sparse
from scipy.linalg import cho_factor, cho_solve

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from reader.importing import scraped_model as sm  # noqa: E402
from reader.importing.decode import decode_bytes  # noqa: E402
from reader.importing.scraped_lines import classify  # noqa: E402
from reader.textutil import strip_control  # noqa: E402

MIN_SITES = 10  # a word feature must occur on this many training sites
# L2 penalties: (general features, word features); words are many and pull towards topics
# (title: words barely help a choice among a page's lines, leave-one-site-out; kept damped)
LAMBDA = {"body": (1.0, 10.0), "context": (1.0, 30.0), "title": (1.0, 100.0), "span": (3.0, 10.0)}
TEXT_WEIGHT = 3  # span: a page with a gold body counts this many times a snippet page


def gold_norm(text: str | None) -> str:
    return re.sub(r"\W+", " ", (text or "").replace("\u00ad", "").casefold()).strip()


# ---- pages, lines, labels -------------------------------------------------------------------


@dataclass
class PageData:
    page: object
    site: str
    lines: list = field(default_factory=list)
    body_x: list = field(default_factory=list)
    body_y: list = field(default_factory=list)  # 1, 0 or None (unknown)
    body_w: list = field(default_factory=list)
    first: list = field(default_factory=list)  # the body stage's out-of-site probabilities
    context_x: list = field(default_factory=list)
    probabilities: list = field(default_factory=list)  # out-of-site
    span: tuple = (0, 0)
    title_ok: bool = False
    title: int | None = None  # out-of-site


def _shingles(words: list[str], k: int = 4) -> set[str]:
    return {" ".join(words[i : i + k]) for i in range(max(1, len(words) - k + 1))}


def labels_from_text(lines, text: str) -> list[int | None]:
    """1 for a line of the body text, 0 for one that is not in it, None where a short line
    cannot say (a two-word line may be in any text)."""
    labels: list[int | None] = []
    paragraphs = [p for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    whole = {sm.norm(p) for p in paragraphs}
    gold_words = sm.norm(text).split()
    joined = " " + " ".join(gold_words) + " "
    grams = _shingles(gold_words)
    for line in lines:
        key = sm.norm(line.text)
        words = key.split()
        if not words:
            labels.append(None)
        elif len(words) >= 8:
            own = _shingles(words)
            share = len(own & grams) / len(own)
            labels.append(1 if share >= 0.6 else 0 if share <= 0.2 else None)
        elif len(words) >= 4:
            labels.append(1 if f" {key} " in joined else 0)
        elif key in whole:
            labels.append(1)
        else:
            labels.append(0 if f" {key} " not in joined else None)
    return labels


def labels_from_snippets(lines, gold: dict) -> list[int | None]:
    """1 for a line holding a `with` snippet (or the body's first words), 0 for one holding a
    `without` snippet, None for the rest."""
    with_ = [" ".join(s.split()) for s in gold.get("with") or []]
    without = [" ".join(s.split()) for s in gold.get("without") or []]
    start = sm.norm(gold.get("text_start") or "")
    labels: list[int | None] = []
    for line in lines:
        spaced = " ".join(line.text.split())
        n_words = len(spaced.split())
        label = None
        if any(s and s in spaced for s in with_) or (
            n_words >= 4 and any(spaced in s for s in with_)
        ):
            label = 1
        if any(s and s in spaced for s in without) or (
            n_words >= 3 and any(spaced in s for s in without)
        ):
            label = 0
        if start and len(start.split()) >= 4:
            key = sm.norm(line.text)
            if key and (key.startswith(start[:60]) or start.startswith(key)) and n_words >= 4:
                label = 1
        labels.append(label)
    return labels


def body_labels(lines, gold: dict) -> list[int | None]:
    """From the gold body where the page has one, else from its snippets."""
    if gold.get("text"):
        return labels_from_text(lines, gold["text"])
    return labels_from_snippets(lines, gold)


def prepare(pages) -> list[PageData]:
    out = []
    for page in pages:
        text = strip_control(decode_bytes(page.data))
        lines = classify(text.split("\n"))
        data = PageData(page=page, site=page.site, lines=lines)
        data.body_x = sm.body_features(lines)
        data.body_y = body_labels(lines, page.gold)
        data.body_w = [math.sqrt(max(1, len(ln.text.split()))) for ln in lines]
        out.append(data)
    return out


# ---- design matrices ------------------------------------------------------------------------


class Design:
    """Rows of sparse features, the site of each row, and the column of each feature name."""

    def __init__(self, rows: list[dict], sites: list[str], min_sites: int = MIN_SITES) -> None:
        word_sites: dict[str, set] = defaultdict(set)
        names: set[str] = set()
        for features, site in zip(rows, sites, strict=True):
            for name in features:
                if name.startswith("w:"):
                    word_sites[name].add(site)
                else:
                    names.add(name)
        self.word_sites = {n: s for n, s in word_sites.items() if len(s) >= min_sites}
        self.names = sorted(names) + sorted(self.word_sites)
        self.column = {n: i for i, n in enumerate(self.names)}
        self.min_sites = min_sites
        data, indices, indptr = [], [], [0]
        for features in rows:
            for name, value in features.items():
                col = self.column.get(name)
                if col is not None and value:
                    indices.append(col)
                    data.append(value)
            indptr.append(len(indices))
        self.X = sparse.csr_matrix(
            (np.array(data, float), np.array(indices, int), np.array(indptr, int)),
            shape=(len(rows), len(self.names)),
        )
        self.sites = np.array(sites)
        self.is_word = np.array([n.startswith("w:") for n in self.names], bool)

    def penalty(self, lam: tuple[float, float]) -> np.ndarray:
        return np.where(self.is_word, lam[1], lam[0])

    def dropped_without(self, sites: set) -> np.ndarray:
        """Columns of words that fall under MIN_SITES once these sites' pages are left out."""
        cols = [
            self.column[n]
            for n, s in self.word_sites.items()
            if len(s) - len(s & sites) < self.min_sites
        ]
        return np.array(cols, int)

    def weights(self, w: np.ndarray) -> dict[str, float]:
        return {n: round(float(v), 4) for n, v in zip(self.names, w, strict=True) if abs(v) >= 1e-4}


# ---- logistic regression (binary) and choice (softmax per group) ----------------------------


class Binary:
    def __init__(self, X, y, weight, lam: float) -> None:
        self.X, self.y, self.s, self.lam = X, np.asarray(y, float), np.asarray(weight, float), lam

    def parts(self, w, rows=None):
        X, y, s = (
            (self.X, self.y, self.s) if rows is None else (self.X[rows], self.y[rows], self.s[rows])
        )
        z = X @ w
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        grad = X.T @ (s * (p - y))
        hess = (X.T @ sparse.diags(s * p * (1 - p)) @ X).toarray()
        return grad, hess

    def loss(self, w) -> float:
        z = self.X @ w
        return float(np.sum(self.s * (np.logaddexp(0, z) - self.y * z)))

    def gradient(self, w, rows=None):
        X, y, s = (
            (self.X, self.y, self.s) if rows is None else (self.X[rows], self.y[rows], self.s[rows])
        )
        z = X @ w
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        return X.T @ (s * (p - y))


class Choice:
    """Softmax over each group's candidates; the positives share the probability mass."""

    def __init__(self, X, groups, y, lam: float) -> None:
        self.X, self.lam = X, lam
        self.groups = np.asarray(groups, int)
        self.y = np.asarray(y, float)
        counts = np.bincount(self.groups, weights=self.y)
        self.target = self.y / np.maximum(counts[self.groups], 1)

    def _probs(self, z, groups):
        peak = np.full(groups.max() + 1, -np.inf)
        np.maximum.at(peak, groups, z)
        e = np.exp(z - peak[groups])
        total = np.bincount(groups, weights=e, minlength=len(peak))
        return e / total[groups]

    def parts(self, w, rows=None):
        X = self.X if rows is None else self.X[rows]
        groups = self.groups if rows is None else self.groups[rows]
        target = self.target if rows is None else self.target[rows]
        p = self._probs(X @ w, groups)
        grad = X.T @ (p - target)
        hess = (X.T @ sparse.diags(p) @ X).toarray()
        _, inverse = np.unique(groups, return_inverse=True)
        member = sparse.csr_matrix(
            (p, (inverse, np.arange(len(groups)))), shape=(inverse.max() + 1, len(groups))
        )
        M = (member @ X).toarray()
        hess -= M.T @ M
        return grad, hess

    def loss(self, w) -> float:
        z = self.X @ w
        peak = np.full(self.groups.max() + 1, -np.inf)
        np.maximum.at(peak, self.groups, z)
        total = np.bincount(self.groups, weights=np.exp(z - peak[self.groups]), minlength=len(peak))
        used = np.unique(self.groups)
        return float(np.sum(np.log(total[used]) + peak[used]) - np.sum(self.target * z))

    def gradient(self, w, rows=None):
        X = self.X if rows is None else self.X[rows]
        groups = self.groups if rows is None else self.groups[rows]
        target = self.target if rows is None else self.target[rows]
        return X.T @ (self._probs(X @ w, groups) - target)


def fit(problem, dims: int, rows=None, w=None, iterations: int = 30) -> np.ndarray:
    """Newton's method with a step halving guard; rows: a subset of the rows (None: all)."""
    w = np.zeros(dims) if w is None else w.copy()
    for _ in range(iterations):
        grad, hess = problem.parts(w, rows)
        grad = grad + problem.lam * w
        hess[np.diag_indices(dims)] += problem.lam
        step = np.linalg.solve(hess, grad)
        before = problem.loss(w) + 0.5 * float(np.sum(problem.lam * w * w))
        scale = 1.0
        while scale > 1e-4:
            trial = w - scale * step
            if problem.loss(trial) + 0.5 * float(np.sum(problem.lam * trial * trial)) <= before:
                break
            scale /= 2
        w = w - scale * step
        if np.max(np.abs(scale * step)) < 1e-6:
            break
    return w


def leave_out(problem, design: Design, w_full, hess_full, sites: set, iterations: int = 4):
    """The fit without some sites' rows: Newton steps from the full fit, their Hessian share
    subtracted, the words they alone kept above MIN_SITES dropped."""
    rows = np.flatnonzero(np.isin(design.sites, list(sites)))
    keep = np.ones(len(w_full), bool)
    dropped = design.dropped_without(sites)
    keep[dropped] = False
    if len(rows) == 0 and not len(dropped):
        return w_full
    hess = hess_full
    if len(rows):
        _, hess_site = problem.parts(w_full, rows)
        hess = hess_full - hess_site
    factor = cho_factor(hess[np.ix_(keep, keep)])
    w = w_full.copy()
    w[~keep] = 0.0
    for _ in range(iterations):
        grad = problem.gradient(w) + problem.lam * w
        if len(rows):
            grad -= problem.gradient(w, rows)
        step = cho_solve(factor, grad[keep])
        w[keep] -= step
        if np.max(np.abs(step)) < 1e-5:
            break
    return w


def full_hessian(problem, w, dims):
    _, hess = problem.parts(w)
    hess[np.diag_indices(dims)] += problem.lam
    return hess


# ---- the stages -----------------------------------------------------------------------------


def _fit_stage(kind, design, problem, folds, log, started) -> tuple[dict, dict]:
    """The full fit and one fit per fold (a fold: the sites left out together)."""
    w = fit(problem, len(design.names))
    log(
        f"  {kind}: {design.X.shape[0]} rows, {len(design.names)} features ({time.perf_counter() - started:.0f} s)"
    )
    by_fold = {}
    if folds:
        hess = full_hessian(problem, w, len(design.names))
        for key, sites in folds.items():
            by_fold[key] = design.weights(leave_out(problem, design, w, hess, sites))
        log(f"  {kind}: {len(folds)} folds left out ({time.perf_counter() - started:.0f} s)")
    return design.weights(w), by_fold


def _binary_stage(kind, pages, features_of, folds, log, started):
    rows, sites, labels, weights = [], [], [], []
    for data in pages:
        for features, label, weight in zip(
            features_of(data), data.body_y, data.body_w, strict=True
        ):
            if label is None or features is None:
                continue
            rows.append(features)
            sites.append(data.site)
            labels.append(label)
            weights.append(weight)
    design = Design(rows, sites)
    problem = Binary(design.X, labels, weights, design.penalty(LAMBDA[kind]))
    return _fit_stage(kind, design, problem, folds, log, started)


def _choice_stage(kind, rows, sites, groups, labels, folds, log, started):
    usable = _trainable_groups(groups, labels)
    pick = np.flatnonzero(usable)
    design = Design([rows[i] for i in pick], [sites[i] for i in pick])
    problem = Choice(
        design.X,
        [groups[i] for i in pick],
        [labels[i] for i in pick],
        design.penalty(LAMBDA[kind]),
    )
    return _fit_stage(kind, design, problem, folds, log, started)


def _title_rows(pages: list[PageData]):
    rows, sites, groups, labels = [], [], [], []
    for number, data in enumerate(pages):
        gold = gold_norm(data.page.gold.get("title"))
        if not gold or data.span[1] <= data.span[0]:
            continue
        candidates = sm.title_candidates(data.lines, data.probabilities, data.span)
        for index, features in candidates:
            rows.append(features)
            sites.append(data.site)
            groups.append(number)
            labels.append(1 if gold_norm(data.lines[index].text) == gold else 0)
    return rows, sites, groups, labels


def _trainable_groups(groups, labels) -> np.ndarray:
    """Rows of the groups with at least one positive (a choice needs a right answer)."""
    groups, labels = np.asarray(groups), np.asarray(labels)
    good = set(groups[labels == 1].tolist())
    return np.array([g in good for g in groups.tolist()], bool)


def train(pages: list[PageData], folds: dict | None = None, log=print):
    """The full models and, per fold ({key: set of sites}), the models that never saw those sites.

    Each page's later stages see the earlier stages' out-of-fold output (stacking)."""
    folds = folds or {}
    fold_of = {site: key for key, sites in folds.items() for site in sites}
    models: dict[str, dict] = {}
    per_fold: dict = {key: {} for key in folds}
    started = time.perf_counter()

    def scorer_for(data, kind):
        key = fold_of.get(data.site)
        table = per_fold[key][kind] if key is not None else models[kind]
        return sm.Model({kind: table})

    models["body"], fold_w = _binary_stage("body", pages, lambda d: d.body_x, folds, log, started)
    for key, table in fold_w.items():
        per_fold[key]["body"] = table
    for data in pages:
        scorer = scorer_for(data, "body")
        data.first = [sm.sigmoid(scorer.score("body", f)) for f in data.body_x]
        data.context_x = sm.context_rows(data.lines, data.first)

    models["context"], fold_w = _binary_stage(
        "context", pages, lambda d: d.context_x, folds, log, started
    )
    for key, table in fold_w.items():
        per_fold[key]["context"] = table
    for data in pages:
        scorer = scorer_for(data, "context")
        data.probabilities = [
            sm.sigmoid(scorer.score("context", f)) if f is not None else 0.0 for f in data.context_x
        ]
        data.span = sm.story_span(data.lines, data.probabilities)

    rows, sites, groups, labels = _title_rows(pages)
    models["title"], fold_w = _choice_stage(
        "title", rows, sites, groups, labels, folds, log, started
    )
    for key, table in fold_w.items():
        per_fold[key]["title"] = table
    for data in pages:
        if data.span[1] > data.span[0]:
            data.title = sm.best_with(
                scorer_for(data, "title"),
                "title",
                sm.title_candidates(data.lines, data.probabilities, data.span),
            )
        else:
            data.title = None

    rows, sites, groups, labels = _span_rows(pages)
    models["span"], fold_w = _choice_stage("span", rows, sites, groups, labels, folds, log, started)
    for key, table in fold_w.items():
        per_fold[key]["span"] = table

    return models, per_fold, fold_of


def span_quality(data: PageData, selection) -> float | None:
    """How good the story a selection keeps is: token F1 against the gold body, or (snippet
    pages) the share of `with` snippets kept and `without` snippets left out."""
    import devpages as dp

    from reader.importing.scraped import Analysis, assemble

    found = Analysis(data.lines, data.probabilities, data.span, data.title)
    text = "\n\n".join(assemble(found, selection).paragraphs)
    gold = data.page.gold
    if gold.get("text"):
        return dp.f1(text, gold["text"])
    with_ = [dp._spaced(x) for x in gold.get("with") or []]
    without = [dp._spaced(x) for x in gold.get("without") or []]
    if not with_ and not without:
        return None
    spaced = dp._spaced(text)
    found_share = sum(x in spaced for x in with_) / max(1, len(with_))
    leaked = sum(x in spaced for x in without) / max(1, len(without))
    return (found_share + 1 - leaked) / 2


def _span_rows(pages: list[PageData], tolerance: float = 0.01):
    """The story selection: a choice among a page's candidate selections; the right ones are
    those within ``tolerance`` of the best quality (snippet pages: the best)."""
    from reader.importing.scraped import MIN_LINES

    rows, sites, groups, labels = [], [], [], []
    number = 0
    for data in pages:
        if len(data.lines) < MIN_LINES:
            continue
        candidates = sm.span_candidates(data.lines, data.probabilities, data.title)
        qualities = [span_quality(data, selection) for selection, _ in candidates]
        if not candidates or qualities[0] is None:
            continue
        best = max(q or 0.0 for q in qualities)
        textual = bool(data.page.gold.get("text"))
        slack = tolerance if textual else 0.0
        for _ in range(TEXT_WEIGHT if textual else 1):
            for (_, features), quality in zip(candidates, qualities, strict=True):
                rows.append(features)
                sites.append(data.site)
                groups.append(number)
                labels.append(1 if (quality or 0.0) >= best - slack else 0)
            number += 1
    return rows, sites, groups, labels


def site_folds(pages, k: int | None = None) -> dict:
    """Leave-one-site-out folds (k None), or k folds of whole sites (quick checks)."""
    sites = sorted({d.site for d in pages})
    if k is None:
        return {site: {site} for site in sites}
    import zlib

    folds: dict = defaultdict(set)
    for site in sites:
        folds[zlib.crc32(site.encode()) % k].add(site)
    return dict(folds)


# ---- entry points ---------------------------------------------------------------------------


DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"


def training_pages(root: Path, corpus: Path | None = DEFAULT_CORPUS) -> list:
    """The scraped pages of the build with gold (snippet pages included), and the shared
    corpus's scraped pages (when there is one)."""
    import devpages as dp

    pages = list(dp.load(root, kinds=("scraped",)))
    if corpus is not None and corpus.is_dir():
        pages += dp.load_corpus(corpus, kinds=("scraped",))
    return pages


def leave_one_site_out(pages) -> tuple[list[dict], dict]:
    """The bench's figure: every page imported with the models its own site never saw."""
    import devpages as dp
    import train_dates

    from reader.importing import dates
    from reader.importing.importer import ImportFailure, parse_document

    prepared = prepare(pages)
    folds = site_folds(prepared)
    _, per_fold, fold_of = train(prepared, folds, log=lambda *a: print(*a, file=sys.stderr))
    date_fold = train_dates.scraped_folds(
        prepared, folds, log=lambda *a: print(*a, file=sys.stderr)
    )
    rows, outputs = [], {}
    for page in pages:
        fold = fold_of[page.site]
        date_model = dates.Model({"scraped": date_fold.get(fold, {})})
        with sm.using(sm.Model(per_fold[fold])), dates.using(date_model):
            try:
                article = parse_document(page.data, page.name)
                got = {"title": article.title, "date": article.date, "text": article.text}
            except ImportFailure as failure:
                got = {"title": None, "date": None, "text": "", "error": str(failure)}
        outputs[page.id] = got
        rows.append(dp.score_page(page, got))
    return rows, outputs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("devpages", help="a devpages build (../shared/tools/devpages.py)")
    parser.add_argument("--out", default=str(sm.MODEL_FILE))
    parser.add_argument(
        "--corpus", default=str(DEFAULT_CORPUS), help="the shared corpus ('' for none)"
    )
    args = parser.parse_args()
    pages = training_pages(Path(args.devpages), Path(args.corpus) if args.corpus else None)
    prepared = prepare(pages)
    models, _, _ = train(prepared)
    write_model(
        Path(args.out),
        "Line scorers for scraped text (reader/importing/scraped_model.py): feature names "
        "(general line features and single interface words) and weights of linear models, "
        "trained by bench/train_import.py. No page text.",
        models,
    )
    return 0


def write_model(path: Path, about: str, models: dict[str, dict[str, float]]) -> None:
    """Write a shipped model file: what it is, then each kind's weights (names and numbers)."""
    payload = {"about": about, **models}
    path.write_text(json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=0), "utf-8")
    print(f"wrote {path}: " + ", ".join(f"{k} {len(v)} weights" for k, v in models.items()))


if __name__ == "__main__":
    raise SystemExit(main())
