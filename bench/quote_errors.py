"""Where the quotation analysis loses: false positives and negatives by ``rule`` and kind.

Matches predictions to gold one-to-one on word overlap (>= 0.5 of the longer span, as
../shared/tools/score_quotes.py does), then counts per rule of the prediction: matched (TP),
unmatched (FP), matched with a wrong speaker (attribution misses); and gold quotes no
prediction matched (FN) per gold kind. Terms are dropped first, as the scorer drops them. ``--show RULE`` prints the unmatched spans of one rule
(or ``fn`` for the missed gold quotes) so a pattern can be read off them. Tune on train only.

    python bench/quote_errors.py                          # German train
    python bench/quote_errors.py --set wikinews_de_dev.jsonl
    python bench/quote_errors.py --show direct_unframed --limit 30
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
QUOTES = REPO.parent / "shared" / "corpus" / "quotes"
SCORER = REPO.parent / "shared" / "tools" / "score_quotes.py"
sys.path.insert(0, str(REPO))
from reader.analysis import analyze  # noqa: E402


def _scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score_quotes", SCORER)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="wikinews_de_train.jsonl", help="a gold file in corpus/quotes")
    ap.add_argument(
        "--show",
        help="a rule name (its false positives), 'speaker:RULE' (its wrong speakers) or 'fn'",
    )
    ap.add_argument("--kind", help="with --show: only this kind")
    ap.add_argument("--limit", type=int, default=25)
    args = ap.parse_args()
    path = Path(args.set) if Path(args.set).is_file() else QUOTES / args.set
    if not path.is_file() or not SCORER.is_file():
        print(f"error {path}: gold set or scorer not found (needs ../shared)", file=sys.stderr)
        return 1
    sq = _scorer()
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    bad_speaker: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    shown: list[str] = []
    for line in path.open(encoding="utf-8"):
        if not line.strip():
            continue
        gd = json.loads(line)
        text = gd["text"]
        doc = sq.Doc(text)
        gold = gd["quotes"]
        quotes = analyze(text, gd.get("lang") or "de").to_json()["quotes"]
        pred = [q for q in quotes if q["kind"] != "term"]  # the scorer drops terms
        gt = [doc.tokens(q["start"], q["end"]) for q in gold]
        pt = [doc.tokens(p["start"], p["end"]) for p in pred]

        def ov(gi: int, pi: int) -> float | None:
            inter = len(gt[gi] & pt[pi])  # noqa: B023 (used within this iteration)
            sc = inter / max(len(gt[gi]), len(pt[pi])) if inter else 0.0  # noqa: B023
            return sc if sc >= 0.5 else None

        pairs = sq.greedy_match(list(range(len(gold))), list(range(len(pred))), ov)
        got = {pi: gi for gi, pi, _ in pairs}
        hit = {gi for gi, _, _ in pairs}
        for pi, p in enumerate(pred):
            key = f"{p.get('rule')}/{p['kind']}"
            if pi in got:
                tp[key] += 1
                g = gold[got[pi]]
                if (g.get("speaker_spans") or g.get("speaker")) and not sq.speaker_correct(g, p)[0]:
                    bad_speaker[key] += 1
                    if args.show == f"speaker:{p.get('rule')}":
                        shown.append(
                            f"{gd['id']}: {p.get('speaker')!r} for {g.get('speaker')!r}: "
                            f"{text[p['start'] : p['end']][:140]!r}"
                        )
            else:
                fp[key] += 1
                if args.show == p.get("rule") and args.kind in (None, p["kind"]):
                    ctx = text[max(0, p["start"] - 60) : p["end"] + 40].replace("\n", " ")
                    shown.append(f"{gd['id']}: [{text[p['start'] : p['end']]}] in …{ctx}…")
        for gi, g in enumerate(gold):
            if gi not in hit:
                fn[g["kind"]] += 1
                if args.show == "fn" and args.kind in (None, g["kind"]):
                    shown.append(f"{gd['id']} {g['kind']}: {text[g['start'] : g['end']]!r}")
    print(f"{'rule/kind':40}{'TP':>6}{'FP':>6}{'P':>7}{'spk-':>6}")
    for key in sorted(set(tp) | set(fp), key=lambda k: -fp[k]):
        n = tp[key] + fp[key]
        print(f"{key:40}{tp[key]:>6}{fp[key]:>6}{100 * tp[key] / n:>7.1f}{bad_speaker[key]:>6}")
    print("missed gold (FN) by kind: " + ", ".join(f"{k} {n}" for k, n in fn.most_common()))
    for s in shown[: args.limit]:
        print(s)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
