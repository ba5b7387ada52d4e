"""A learned keep-or-drop over the rules' reported-speech quotes: an experiment, not shipped.

The rules propose quotes; each proposed quote of a reported kind (indirect, indirect_free_indirect,
free_indirect, reported) is labelled by whether it matches a gold quote (overlap >= 0.5,
one-to-one, as ../shared/tools/score_quotes.py matches), and an L2 logistic regression over
general features (the rule, its kind, its cue word, how the speaker was found, length, Konjunktiv
forms, quotation marks, the sentence's position, the quotes around it; see ``features``) is
fitted on the German train split. The figures printed are the scorer's own, on held-out folds:
each fifth of the train documents is pruned by a model fitted on the other four fifths, at each
threshold. Dev is never read here.

    python bench/train_quotes.py                 # held-out figures per threshold
    python bench/train_quotes.py --write FILE    # also the weights fitted on all of train
"""

from __future__ import annotations

import argparse
import bisect
import importlib.util
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
QUOTES = REPO.parent / "shared" / "corpus" / "quotes"
SCORER = REPO.parent / "shared" / "tools" / "score_quotes.py"
sys.path.insert(0, str(REPO))
from reader.analysis.clauses import is_konjunktiv  # noqa: E402
from reader.analysis.engine import Engine  # noqa: E402
from reader.analysis.models import Quote  # noqa: E402
from reader.analysis.view import TextView  # noqa: E402

SETS = {"de": ["wikinews_de_train.jsonl"]}
MIN_COUNT = 3  # a feature seen fewer times in training gets no weight
L2 = 1.0
FOLDS = 5
DECIDED_KINDS = frozenset({"indirect", "indirect_free_indirect", "free_indirect", "reported"})


@dataclass
class LangModel:
    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0

    def score(self, feats: list[str]) -> float:
        w = self.weights
        return self.bias + sum(w.get(f, 0.0) for f in feats)


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f"{edges[-1]}+"


def features(view: TextView, quotes: list[Quote], i: int) -> list[str]:
    """The active features of ``quotes[i]`` (the quotes sorted by start)."""
    prev = next((o for o in reversed(quotes[:i]) if o.kind != "term" and not o.nested), None)
    return _features(view, quotes, quotes[i], prev)


def _features(view: TextView, quotes: list[Quote], q: Quote, prev: Quote | None) -> list[str]:
    text, lx = view.text, view.lx
    rule, kind = q.rule or "-", q.kind
    cue = (q.cue or "-").lower()
    how = q.speaker_rule or "none"
    toks = view.toks(q.start, q.end)
    forms, two = lx.KONJ_FORMS, lx.KONJ_TWO
    konj = sum(1 for t in toks if t.low in forms or (t.low[-1] == "e" and is_konjunktiv(t, lx)))
    konj_one = sum(1 for t in toks if t.low in forms and t.low not in two)
    si = max(0, bisect.bisect_right(view.sentence_starts, q.start) - 1)
    ss, se = view.sentences[si] if view.sentences else (0, len(text))
    share = (q.end - q.start) / max(1, se - ss)
    para = ss == 0 or "\n" in text[max(0, ss - 2) : ss]
    same = sum(1 for o in quotes if o is not q and ss <= o.start < se and o.kind != "term")
    if prev is None:
        gap = "none"
    else:  # sentences between the previous quote's end and this quote's start
        pi = bisect.bisect_right(view.sentence_starts, max(0, prev.end - 1)) - 1
        gap = _bucket(si - pi, (0, 1, 2, 3))
    first = toks[0].low if toks else "-"
    spk = q.speaker or ""
    spk_low = spk.lower()
    feats = [
        f"rule={rule}",
        f"kind={kind}",
        f"rule_kind={rule}|{kind}",
        f"cue={cue}",
        f"rule_cue={rule}|{cue}",
        f"how={how}",
        f"rule_how={rule}|{how}",
        f"len={_bucket(len(toks), (2, 4, 8, 15, 30))}",
        f"rule_len={rule}|{_bucket(len(toks), (3, 8, 20))}",
        f"konj={_bucket(konj, (0, 1))}",
        f"konj1={_bucket(konj_one, (0, 1))}",
        f"rule_konj={rule}|{_bucket(konj, (0, 1))}",
        f"share={_bucket(int(10 * share), (3, 6, 8, 10))}",
        f"first={first}",
        f"gap={gap}",
        f"prev={prev.kind if prev is not None else 'none'}",
        f"same={_bucket(same, (0, 1, 2))}",
        f"spk_words={_bucket(len(spk.split()), (0, 1, 2, 4))}",
    ]
    if q.nested:
        feats.append("nested")
    if q.via:
        feats.append("via")
    if si == 0:
        feats.append("first_sentence")
    if para:
        feats.append("para_start")
    if any(c in text[q.start : q.end] for c in '„“”"»«'):
        feats.append("marks")
    if text[se - 1 : se] == "?" or text[q.end : q.end + 1] == "?":
        feats.append("question")
    if spk_low in lx.PRONOUNS:
        feats.append("spk_pronoun")
    if spk[:1].isupper():
        feats.append("spk_cap")
    if q.actor is None and q.speaker:
        feats.append("spk_no_actor")
    if lx.HEARSAY.intersection(t.low for t in toks):
        feats.append("hearsay_word")
    if lx.FIRST_PERSON.intersection(t.low for t in toks):
        feats.append("first_person")
    return feats


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("score_quotes", SCORER)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


class Item:
    """One proposed quote: its features (None: not decided by the model), its label."""

    def __init__(self, record: dict[str, Any], feats: list[str] | None, label: int) -> None:
        self.record, self.feats, self.label = record, feats, label
        self.score = 0.0


def collect(sq: Any, docs: list[dict[str, Any]], lang: str) -> list[list[Item]]:
    """Per document, the proposed quotes (as JSON records) with features and labels."""
    out = []
    for gd in docs:
        text = gd["text"]
        eng = Engine(text, lang)
        quotes = eng.run().quotes
        items: list[Item] = []
        for i, q in enumerate(quotes):
            decided = q.kind in DECIDED_KINDS
            feats = features(eng.view, quotes, i) if decided else None
            rec = q.to_dict()
            items.append(Item(rec, feats, 0))
            if q.via is not None:
                items.append(Item(q.relay_record().to_dict(), None, 0))
        # labels: the scorer's one-to-one overlap match over the non-term records
        doc = sq.Doc(text)
        preds = [it for it in items if it.record["kind"] != "term"]
        gt = [doc.tokens(g["start"], g["end"]) for g in gd["quotes"]]
        pt = [doc.tokens(it.record["start"], it.record["end"]) for it in preds]

        def ov(gi: int, pi: int) -> float | None:
            inter = len(gt[gi] & pt[pi])  # noqa: B023
            sc = inter / max(len(gt[gi]), len(pt[pi])) if inter else 0.0  # noqa: B023
            return sc if sc >= 0.5 else None

        for _, pi, _ in sq.greedy_match(list(range(len(gt))), list(range(len(preds))), ov):
            preds[pi].label = 1
        out.append(items)
    return out


def fit(items: list[Item]) -> tuple[dict[str, float], float]:
    """L2 logistic regression (Newton steps on the features seen MIN_COUNT times)."""
    counts: dict[str, int] = {}
    for it in items:
        for f in it.feats or ():
            counts[f] = counts.get(f, 0) + 1
    names = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: j for j, f in enumerate(names)}
    x = np.zeros((len(items), len(names) + 1))
    y = np.array([it.label for it in items], dtype=float)
    for r, it in enumerate(items):
        x[r, -1] = 1.0
        for f in it.feats or ():
            j = index.get(f)
            if j is not None:
                x[r, j] = 1.0
    w = np.zeros(len(names) + 1)
    reg = np.full(len(names) + 1, L2)
    reg[-1] = 0.0
    for _ in range(30):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + reg * w
        hess = (x.T * (p * (1 - p))) @ x + np.diag(reg + 1e-6)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    weights = {f: round(float(w[j]), 4) for f, j in index.items() if abs(w[j]) >= 1e-4}
    return weights, round(float(w[-1]), 4)


def score_docs(sq: Any, docs: list[dict[str, Any]], found: list[list[Item]], cut: float) -> Any:
    preds = []
    for gd, items in zip(docs, found):
        recs = [
            it.record
            for it in items
            if it.record["kind"] != "term" and (it.feats is None or it.score >= cut)
        ]
        preds.append({"id": gd["id"], "quotes": recs})
    return sq.evaluate(docs, preds)


CUTS = [x / 4 for x in range(-12, 9)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", help="write the weights fitted on all of train to this JSON file")
    args = ap.parse_args()
    if not SCORER.is_file():
        print(
            f"error {SCORER}: scorer not found (../shared must sit beside the repo)",
            file=sys.stderr,
        )
        return 1
    sq = _scorer()
    langs: dict[str, Any] = {}
    for lang, names in SETS.items():
        docs = [
            json.loads(line)
            for n in names
            for line in (QUOTES / n).open(encoding="utf-8")
            if line.strip()
        ]
        found = collect(sq, docs, lang)
        # cross-validated scores: each fold scored by a model fitted on the others
        for k in range(FOLDS):
            train = [it for d, its in enumerate(found) if d % FOLDS != k for it in its if it.feats]
            weights, bias = fit(train)
            m = LangModel(weights, bias)
            for d, its in enumerate(found):
                if d % FOLDS == k:
                    for it in its:
                        if it.feats:
                            it.score = m.score(it.feats)
        base = score_docs(sq, docs, found, -1e9)
        print(
            f"{lang}: rules alone overlap F1 {100 * base['overlap@0.5']['f1']:.1f}, "
            f"attribution {100 * base['attribution']['f1']:.1f}"
        )
        best = (base["overlap@0.5"]["f1"] + base["attribution"]["f1"], -1e9)
        for cut in CUTS:
            res = score_docs(sq, docs, found, cut)
            ov, at = res["overlap@0.5"], res["attribution"]
            print(
                f"  cut {cut:+.2f}: overlap P/R/F1 {100 * ov['p']:.1f} / {100 * ov['r']:.1f} / "
                f"{100 * ov['f1']:.1f}, attribution {100 * at['f1']:.1f} (held-out folds)"
            )
            if ov["f1"] + at["f1"] > best[0] + 1e-9:
                best = (ov["f1"] + at["f1"], cut)
        weights, bias = fit([it for its in found for it in its if it.feats])
        print(f"  chosen cut {best[1]:+.2f}; {len(weights)} weights")
        langs[lang] = {"bias": bias, "threshold": best[1], "weights": weights}
    if args.write:
        out = {"about": "keep-or-drop weights; bench/train_quotes.py", "langs": langs}
        Path(args.write).write_text(
            json.dumps(out, ensure_ascii=False, indent=0, sort_keys=True) + "\n", "utf-8"
        )
        print(f"wrote {args.write}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
