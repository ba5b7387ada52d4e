"""The CLI's JSON of the samples and the seed article is byte-identical to a committed snapshot:
refactoring must not change what ``reader analyze --json``, ``list --json`` and ``search --json``
print. The snapshot holds SHA-256 hashes (the seed's text is not ours to commit, nor is JSON that
quotes it).

When output changes on purpose (a better rule, a new field), regenerate and commit the snapshot,
saying in the commit why the output changed::

    python tests/test_cli_json_snapshot.py --update
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SNAPSHOT = REPO / "tests" / "golden" / "cli_json.sha256.json"
SEED = "../shared/seed/sna-nato-russland-2022-01-12.txt"  # relative to the repository
SAMPLE_SUFFIXES = {".txt", ".md", ".html"}
UPDATE = "python tests/test_cli_json_snapshot.py --update"


def _cli(*argv: str) -> str:
    from reader.__main__ import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    if code != 0:
        raise AssertionError(f"reader {' '.join(argv)}: exit {code}: {err.getvalue()}")
    return out.getvalue()


def outputs(work: Path, *, seed: bool) -> dict[str, str]:
    """Each output's name and SHA-256. Paths are given relative to the repository (analyze
    prints them), so run from there."""
    found: dict[str, str] = {}

    def keep(name: str, text: str) -> None:
        json.loads(text)  # it is JSON
        found[name] = hashlib.sha256(text.encode("utf-8")).hexdigest()

    samples = sorted(
        p.relative_to(REPO).as_posix()
        for p in (REPO / "sample_articles").iterdir()
        if p.suffix in SAMPLE_SUFFIXES
    )
    for path in samples:
        keep(f"analyze --json {path}", _cli("analyze", "--json", path))
    library = str(work / "samples")
    _cli("--library", library, "import", "--samples")
    keep("list --json (samples)", _cli("--library", library, "list", "--json"))
    for query in ("NATO", "said", "Regierung"):
        keep(
            f"search --json {query} (samples)",
            _cli("--library", library, "search", "--json", query),
        )
    if seed:
        keep(f"analyze --json {SEED}", _cli("analyze", "--json", SEED))
        library = str(work / "seed")
        _cli("--library", library, "import", SEED)
        keep("list --json (seed)", _cli("--library", library, "list", "--json"))
    return found


def test_cli_json_of_samples_and_seed_matches_the_snapshot(
    tmp_path: Path, monkeypatch, request
) -> None:
    monkeypatch.chdir(REPO)
    seed = (REPO / SEED).is_file()
    if not seed:
        request.getfixturevalue("shared_dir")  # fails in CI, skips elsewhere
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))["sha256"]
    found = outputs(tmp_path, seed=seed)
    wanted = {k: v for k, v in expected.items() if seed or ("seed" not in k and SEED not in k)}
    changed = sorted(k for k in wanted.keys() | found.keys() if wanted.get(k) != found.get(k))
    assert not changed, f"CLI JSON changed: {changed}; if on purpose: {UPDATE}"


def _update() -> None:
    os.chdir(REPO)
    if not (REPO / SEED).is_file():
        sys.exit(f"{SEED} is missing: the snapshot covers the seed too")
    with tempfile.TemporaryDirectory() as work:
        os.environ["READER_HOME"] = str(Path(work) / "home")  # never the user's library
        found = outputs(Path(work), seed=True)
    SNAPSHOT.write_text(
        json.dumps({"regenerate": UPDATE, "sha256": found}, indent=2, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {SNAPSHOT.relative_to(REPO)} ({len(found)} outputs)")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit(f"usage: {UPDATE}")
    sys.path.insert(0, str(REPO))
    _update()
