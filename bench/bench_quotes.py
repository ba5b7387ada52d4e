"""Accuracy of reader.analysis on the quote gold corpora, scored by ../shared/tools/score_quotes.py.

Predictions come from the same ``analyze(text, lang).to_json()`` that ``reader analyze --jsonl``
prints, so these figures are the CLI's figures.

    python bench/bench_quotes.py                 # dev sets (reporting)
    python bench/bench_quotes.py --split train   # tuning sets
    python bench/bench_quotes.py --split all --keep /tmp/preds
    python bench/bench_quotes.py --split gum     # GUM train+dev as one set (186 quotes)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
QUOTES = SHARED / "corpus" / "quotes"
SCORER = SHARED / "tools" / "score_quotes.py"
WRITTEN = REPO / "bench" / "data" / "en_written.jsonl"

sys.path.insert(0, str(REPO))
from reader.analysis import analyze  # noqa: E402


def gold_sets(split: str) -> list[Path]:
    if split == "gum":  # the English outside check: GUM train and dev together
        out = Path(tempfile.mkdtemp(prefix="gum-all-")) / "gum_en_news_train_dev.jsonl"
        with out.open("w", encoding="utf-8") as dst:
            for name in ("gum_en_news_train.jsonl", "gum_en_news_dev.jsonl"):
                src = QUOTES / name
                if src.is_file():
                    dst.write(src.read_text(encoding="utf-8").rstrip("\n") + "\n")
        return [out]
    names = {
        "dev": ["wikinews_de_dev.jsonl", "gum_en_news_dev.jsonl"],
        "train": ["wikinews_de_train.jsonl", "gum_en_news_train.jsonl"],
    }
    picked = names["dev"] + names["train"] if split == "all" else names[split]
    sets = [QUOTES / n for n in picked]
    if WRITTEN.is_file():
        sets.append(_written_split(split))
    return sets


def _written_split(split: str) -> Path:
    """Our own English set carries meta.split: report on its dev part, tune on its train part."""
    if split == "all":
        return WRITTEN
    out = Path(tempfile.mkdtemp(prefix="en-written-")) / f"en_written_{split}.jsonl"
    with WRITTEN.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            if line.strip() and json.loads(line).get("meta", {}).get("split") == split:
                dst.write(line)
    return out


_MARKS = None


def predict_marks(gold: Path, out: Path) -> None:
    """The baseline measured in the same run: every quote-mark pair is a direct quote."""
    import re

    global _MARKS
    if _MARKS is None:
        _MARKS = re.compile(r'„[^“"\n]*[“"]|“[^”\n]*”|"[^"\n]*"|»[^«\n]*«|«[^»\n]*»')
    with gold.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            if line.strip():
                doc = json.loads(line)
                quotes = [
                    {
                        "start": m.start(),
                        "end": m.end(),
                        "kind": "direct",
                        "speaker": None,
                        "speaker_start": None,
                        "speaker_end": None,
                    }
                    for m in _MARKS.finditer(doc["text"])
                ]
                dst.write(json.dumps({"id": doc["id"], "quotes": quotes}) + "\n")


def predict(gold: Path, out: Path) -> tuple[int, int, float]:
    """Write predictions for every document in ``gold``; return (docs, chars, seconds)."""
    docs = chars = 0
    spent = 0.0
    with gold.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            if not line.strip():
                continue
            doc = json.loads(line)
            t0 = time.perf_counter()
            result = analyze(doc["text"], doc.get("lang")).to_json()
            spent += time.perf_counter() - t0
            docs += 1
            chars += len(doc["text"])
            dst.write(
                json.dumps(
                    {
                        "id": doc["id"],
                        "lang": result["lang"],
                        "quotes": result["quotes"],
                        "actors": result["actors"],
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    return docs, chars, spent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "train", "all", "gum"], default="dev")
    ap.add_argument("--keep", help="folder to keep the prediction files in")
    ap.add_argument("--kinds", help="passed to the scorer (e.g. direct)")
    args = ap.parse_args()
    if not SCORER.is_file():
        print(
            f"error {SCORER}: scorer not found (../shared must sit beside the repo)",
            file=sys.stderr,
        )
        return 1
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="quotes-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    for gold in gold_sets(args.split):
        if not gold.is_file():
            print(f"skip {gold}: not found", file=sys.stderr)
            continue
        pred = folder / (gold.stem + ".pred.jsonl")
        docs, chars, spent = predict(gold, pred)
        print(f"# {gold.name}: {docs} docs, {chars / 1e6:.2f} MB analysed in {spent:.2f} s")
        cmd = [sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred)]
        if args.kinds:
            cmd += ["--kinds", args.kinds]
        sys.stdout.flush()
        subprocess.run(cmd, check=False)
        base = folder / (gold.stem + ".marks.jsonl")
        predict_marks(gold, base)
        scored = subprocess.run(
            [sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(base)],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        for row in scored.splitlines():
            if row.startswith(("overlap@0.5", "attribution")):
                print(f"baseline (quote marks only, same run): {row}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
