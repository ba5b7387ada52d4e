"""The analysis of the dev corpora, pinned (issue 12): a refactoring must leave it unchanged, and
an intended change shows here as a readable list of the quotes that changed. Regenerate with
``python tests/analysis_golden.py --update``. A second test holds dev F1 above a floor."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import analysis_golden as golden
import pytest

# Floors a little under the figures of the last commit (bench/bench_quotes.py prints them):
# dev sets are for reporting, so the floor guards against regressions, it is not tuned on.
FLOORS = {
    "wikinews_de_dev.jsonl": {"overlap": 77.0, "attribution": 64.0},
    # 30 quotes: one quote moves the figure by about 1.5 points
    "gum_en_news_dev.jsonl": {"overlap": 72.0, "attribution": 58.0},
}
# our own English set (bench/data/en_written.jsonl, in the repository): its frozen dev part
WRITTEN = Path(__file__).resolve().parents[1] / "bench" / "data" / "en_written.jsonl"
WRITTEN_FLOOR = {"overlap": 91.0, "attribution": 87.0}


@pytest.fixture
def corpora(shared_dir: Path) -> tuple[Path, ...]:
    paths = tuple(shared_dir / "corpus" / "quotes" / name for name in FLOORS)
    for p in paths:
        if not p.is_file():
            pytest.fail(f"{p} is missing from ../shared")
    return paths


def test_dev_analysis_matches_the_snapshot(corpora: tuple[Path, ...]) -> None:
    docs = golden.documents(corpora)
    old = json.loads(golden.SNAPSHOT.read_text(encoding="utf-8"))
    new = golden.snapshot(docs)
    lines = golden.diff(old, new, {d["id"]: d["text"] for d in docs})
    assert not lines, (
        "the analysis of the dev corpora changed (if intended: "
        "python tests/analysis_golden.py --update):\n" + "\n".join(lines[:80])
    )


def _score(shared: Path, gold: Path, tmp_path: Path) -> dict[str, float]:
    from reader.analysis import analyze

    pred = tmp_path / (gold.stem + ".pred.jsonl")
    with gold.open(encoding="utf-8") as src, pred.open("w", encoding="utf-8") as dst:
        for line in src:
            if line.strip():
                d = json.loads(line)
                quotes = analyze(d["text"], d.get("lang")).to_json()["quotes"]
                dst.write(json.dumps({"id": d["id"], "quotes": quotes}) + "\n")
    out = tmp_path / (gold.stem + ".score.json")
    scorer = shared / "tools" / "score_quotes.py"
    cmd = [
        sys.executable,
        str(scorer),
        "--gold",
        str(gold),
        "--pred",
        str(pred),
        "--json",
        str(out),
    ]
    subprocess.run(cmd, check=True, capture_output=True)
    return json.loads(out.read_text(encoding="utf-8"))


def _f1(result: dict[str, dict[str, float]], key: str) -> float:
    return 100 * float(result[key]["f1"])


def test_our_english_dev_set_stays_above_its_floor(shared_dir: Path, tmp_path: Path) -> None:
    dev = tmp_path / "en_written_dev.jsonl"
    lines = [
        line
        for line in WRITTEN.read_text(encoding="utf-8").splitlines()
        if line.strip() and json.loads(line).get("meta", {}).get("split") == "dev"
    ]
    assert len(lines) >= 20, "the dev part of our English set has at least 20 articles"
    dev.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _score(shared_dir, dev, tmp_path)
    got = {"overlap": _f1(result, "overlap@0.5"), "attribution": _f1(result, "attribution")}
    for key, low in WRITTEN_FLOOR.items():
        assert got[key] >= low, f"en_written dev: {key} F1 {got[key]:.1f} < floor {low}"


def test_dev_f1_stays_above_its_floor(
    shared_dir: Path, corpora: tuple[Path, ...], tmp_path: Path
) -> None:
    for gold in corpora:
        result = _score(shared_dir, gold, tmp_path)
        floor = FLOORS[gold.name]
        got = {"overlap": _f1(result, "overlap@0.5"), "attribution": _f1(result, "attribution")}
        for key, low in floor.items():
            assert got[key] >= low, f"{gold.name}: {key} F1 {got[key]:.1f} < floor {low}"
