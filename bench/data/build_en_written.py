"""Build en_written.jsonl (gold quotations) from the hand-marked en_written.src.md.

Why a converter: offsets typed by hand are always wrong somewhere. The source keeps the
annotation inline, next to the words it marks, and this script computes every offset, then
checks `text[start:end] == quote["text"]` and the speaker and cue spans before writing.

Markup (see the header of en_written.src.md):
  {{LABEL KIND SPEAKER|quoted text}}   one segment of quotation LABEL; segments sharing a
                                       LABEL form one split quotation (one `group`)
  [[SPEAKER|mention]]                  a speaker mention; a repeated SPEAKER id adds a span
  <<LABEL[,LABEL...]|cue words>>       a cue for one or more quotations
A quotation marked inside another one is `nested`. SPEAKER `-` means no speaker.

Usage: python bench/data/build_en_written.py [SRC] [OUT]
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = {
    "direct": "direct",
    "indirect": "indirect",
    "ifi": "indirect_free_indirect",
    "free_indirect": "free_indirect",
    "reported": "reported",
}
OPENERS = {"{{": "}}", "[[": "]]", "<<": ">>"}
DOC_HEADER = re.compile(r"^=== doc: ([a-z0-9-]+)$")


class MarkupError(ValueError):
    """A mistake in the source markup, reported with the document it is in."""


@dataclass
class Segment:
    label: str
    kind: str
    speaker_id: str
    start: int
    end: int
    nested: bool


@dataclass
class Marks:
    """Everything found in one document's body: plain text plus the spans of each mark."""

    text: str = ""
    segments: list[Segment] = field(default_factory=list)
    speakers: dict[str, list[list[int]]] = field(default_factory=dict)
    cues: dict[str, list[list[int]]] = field(default_factory=dict)


def parse_marks(source: str) -> Marks:
    """Strip the inline markup from `source`, recording where each marked span lands."""
    marks = Marks()
    out: list[str] = []
    length = 0
    stack: list[tuple[str, str, int]] = []  # (closer, header, start offset in plain text)
    i = 0
    while i < len(source):
        pair = source[i : i + 2]
        if pair in OPENERS:
            bar = source.find("|", i + 2)
            if bar < 0:
                raise MarkupError(f"unterminated header after {source[i : i + 30]!r}")
            stack.append((OPENERS[pair], source[i + 2 : bar].strip(), length))
            i = bar + 1
        elif stack and pair == stack[-1][0]:
            closer, header, start = stack.pop()
            _record(marks, closer, header, start, length, stack)
            i += 2
        elif pair in ("}}", "]]", ">>"):
            raise MarkupError(f"unexpected {pair!r} near {source[max(0, i - 30) : i + 2]!r}")
        else:
            out.append(source[i])
            length += 1
            i += 1
    if stack:
        raise MarkupError(f"unclosed mark {stack[-1][1]!r}")
    marks.text = "".join(out)
    return marks


def _record(marks: Marks, closer: str, header: str, start: int, end: int, stack: list) -> None:
    if closer == "}}":
        parts = header.split()
        if len(parts) != 3 or parts[1] not in KINDS:
            raise MarkupError(f"bad quotation header {header!r}")
        nested = any(entry[0] == "}}" for entry in stack)
        marks.segments.append(Segment(parts[0], KINDS[parts[1]], parts[2], start, end, nested))
    elif closer == "]]":
        marks.speakers.setdefault(header, []).append([start, end])
    else:
        for label in header.split(","):
            marks.cues.setdefault(label.strip(), []).append([start, end])


def build_document(doc_id: str, meta: dict, body: str) -> dict:
    """One gold record in the shape of ../shared/corpus/quotes/*.jsonl."""
    marks = parse_marks(body)
    text = marks.text
    by_label: dict[str, list[Segment]] = {}
    for seg in sorted(marks.segments, key=lambda s: (s.start, -s.end)):
        by_label.setdefault(seg.label, []).append(seg)
    unused_cues = set(marks.cues) - set(by_label)
    if unused_cues:
        raise MarkupError(f"{doc_id}: cues for unknown quotations {sorted(unused_cues)}")
    quotes = []
    for label, segments in by_label.items():
        speaker_ids = {s.speaker_id for s in segments}
        if len(speaker_ids) != 1:
            raise MarkupError(f"{doc_id}: quotation {label} has speakers {sorted(speaker_ids)}")
        (speaker_id,) = speaker_ids
        if speaker_id != "-" and speaker_id not in marks.speakers:
            raise MarkupError(f"{doc_id}: quotation {label} names unknown speaker {speaker_id}")
        spans = marks.speakers.get(speaker_id, [])
        cue_spans = marks.cues.get(label, [])
        for index, seg in enumerate(segments):
            quotes.append(
                {
                    "start": seg.start,
                    "end": seg.end,
                    "text": text[seg.start : seg.end],
                    "kind": seg.kind,
                    "nested": seg.nested,
                    "group": f"{doc_id}#{label}",
                    "segment": index,
                    "n_segments": len(segments),
                    "speaker": " ".join(text[a:b] for a, b in spans) or None,
                    "speaker_start": spans[0][0] if spans else None,
                    "speaker_end": spans[0][1] if spans else None,
                    "speaker_spans": spans,
                    "cue": " ".join(text[a:b] for a, b in cue_spans) or None,
                    "cue_spans": cue_spans,
                }
            )
    quotes.sort(key=lambda q: (q["start"], -q["end"]))
    return {
        "id": doc_id,
        "lang": "en",
        "source": meta.pop("source"),
        "text": text,
        "meta": meta,
        "quotes": quotes,
    }


def split_documents(source: str) -> list[tuple[str, dict, str]]:
    """Cut the source at `=== doc:` lines; header lines `key: value` until the first blank."""
    docs: list[tuple[str, dict, str]] = []
    current: list[str] | None = None
    name = ""
    for line in source.splitlines():
        match = DOC_HEADER.match(line)
        if match:
            if current is not None:
                docs.append(_finish(name, current))
            name, current = match[1], []
        elif current is not None:
            current.append(line)
    if current is not None:
        docs.append(_finish(name, current))
    return docs


def _finish(name: str, lines: list[str]) -> tuple[str, dict, str]:
    meta: dict[str, str] = {}
    while lines and lines[0].strip():
        key, _, value = lines.pop(0).partition(":")
        meta[key.strip()] = value.strip()
    for key in ("title", "date", "split"):
        if key not in meta:
            raise MarkupError(f"{name}: header lacks {key!r}")
    meta.setdefault("source", "written for reader (fictional news, CC0)")
    paragraphs = re.split(r"\n\s*\n", "\n".join(lines).strip())
    body = "\n".join(" ".join(p.split()) for p in paragraphs)
    return f"en_written:{name}", meta, body


def check(doc: dict) -> None:
    """The invariants the scorer and the analyzer tests rely on."""
    text = doc["text"]
    for q in doc["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"], (doc["id"], q)
        assert q["text"] == q["text"].strip(), (doc["id"], "edge whitespace", q["text"])
        for a, b in q["speaker_spans"] + q["cue_spans"]:
            assert 0 <= a < b <= len(text), (doc["id"], q)


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else HERE / "en_written.src.md"
    out = Path(argv[2]) if len(argv) > 2 else HERE / "en_written.jsonl"
    try:
        docs = [build_document(*parts) for parts in split_documents(src.read_text("utf-8"))]
    except (OSError, MarkupError) as error:
        print(f"error {src}: {error}", file=sys.stderr)
        return 1
    for doc in docs:
        check(doc)
    with out.open("w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
    n_quotes = sum(len(d["quotes"]) for d in docs)
    n_paragraphs = sum(d["text"].count("\n") + 1 for d in docs)
    print(f"wrote {out}: {len(docs)} documents, {n_paragraphs} paragraphs, {n_quotes} segments")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
