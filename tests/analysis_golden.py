"""The golden snapshot of the analysis of the dev corpora (issue 12).

The corpus text is licensed and stays in ../shared; the snapshot holds only document ids and,
per quote record, numbers and labels: offsets, kind, nested, relay, the speaker's offsets, and
the rule that found the span and how its speaker was resolved. The test reads the text from
../shared to show the quotes that changed.

Regenerate after an intended change (and say why in the commit):

    python tests/analysis_golden.py --update
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SNAPSHOT = REPO / "tests" / "data" / "analysis_golden.json"
CORPORA = (
    SHARED / "corpus" / "quotes" / "wikinews_de_dev.jsonl",
    SHARED / "corpus" / "quotes" / "gum_en_news_dev.jsonl",
)
# the fields kept per quote record; no text, no speaker string, no actor name
FIELDS = ("start", "end", "kind", "nested", "relay", "speaker_start", "speaker_end")
OPTIONAL = ("rule", "speaker_rule")


def documents(paths: tuple[Path, ...] = CORPORA) -> list[dict[str, Any]]:
    docs = []
    for path in paths:
        with path.open(encoding="utf-8") as src:
            docs.extend(json.loads(line) for line in src if line.strip())
    return docs


def row(q: dict[str, Any]) -> list[Any]:
    return [q.get(f) for f in FIELDS] + [q[f] for f in OPTIONAL if f in q]


def snapshot(docs: list[dict[str, Any]]) -> dict[str, list[list[Any]]]:
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from reader.analysis import analyze

    return {
        d["id"]: [row(q) for q in analyze(d["text"], d.get("lang")).to_json()["quotes"]]
        for d in docs
    }


def dump(snap: dict[str, list[list[Any]]]) -> str:
    """One document a line, so that a change shows as a small git diff."""
    lines = [f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=True)}" for k, v in snap.items()]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def _show(text: str, r: list[Any]) -> str:
    s, e, kind = r[0], r[1], r[2]
    sp = f" speaker={text[r[5] : r[6]]!r}" if r[5] is not None else " speaker=None"
    extra = " ".join(str(x) for x in r[len(FIELDS) :])
    words = text[s:e].replace("\n", " ")
    if len(words) > 90:
        words = words[:60] + " … " + words[-25:]
    return f"[{s}:{e}] {kind}{sp} {extra} «{words}»"


def diff(old: dict[str, Any], new: dict[str, Any], texts: dict[str, str]) -> list[str]:
    """The quotes that changed, readable: '-' was in the snapshot, '+' is found now."""
    out = []
    for doc_id in sorted(set(old) | set(new)):
        a = [tuple(json.dumps(x) for x in r) for r in old.get(doc_id, [])]
        b = [tuple(json.dumps(x) for x in r) for r in new.get(doc_id, [])]
        if a == b:
            continue
        text = texts.get(doc_id, "")
        out.append(f"== {doc_id}")
        gone = [r for r in old.get(doc_id, []) if tuple(json.dumps(x) for x in r) not in b]
        came = [r for r in new.get(doc_id, []) if tuple(json.dumps(x) for x in r) not in a]
        out += [f"- {_show(text, r)}" for r in gone]
        out += [f"+ {_show(text, r)}" for r in came]
    return out


def main(argv: list[str]) -> int:
    docs = documents()
    new = snapshot(docs)
    if "--update" in argv:
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(dump(new), encoding="utf-8")
        print(f"wrote {SNAPSHOT}: {len(new)} documents, {sum(map(len, new.values()))} quotes")
        return 0
    old = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    lines = diff(old, new, {d["id"]: d["text"] for d in docs})
    print("\n".join(lines) if lines else "snapshot unchanged")
    return 1 if lines else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
