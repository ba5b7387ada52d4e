"""W3C Web Annotation (JSON-LD) out of reader: each note and each correction of the analysis as
an ``Annotation`` whose target carries a ``TextQuoteSelector`` (exact, prefix, suffix) and a
``TextPositionSelector`` (start, end: code point offsets into the article's text), the anchors
reader keeps anyway, so annotation tools such as Hypothesis can place them.

Why: a researcher's notes and codings should outlive the tool. The lossless format for another
reader stays ``--format json``; this one is for everything else that speaks the standard.
https://www.w3.org/TR/annotation-model/
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .corrections import QuoteCorrection, kind_words
from .models import Anchor, Note

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
STATUS_WORDS = {
    "confirmed": "confirmed: a quotation as found",
    "corrected": "corrected quotation",
    "added": "added: a quotation the analysis missed",
    "rejected": "rejected: not a quotation",
}


def _source(article: Any) -> str:
    return article.url or f"urn:reader:article:{article.id}"


def _selectors(anchor: Anchor, *, position: bool = True) -> list[dict[str, Any]]:
    quote = {
        "type": "TextQuoteSelector",
        "exact": anchor.exact,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
    }
    if not position:
        return [quote]
    return [quote, {"type": "TextPositionSelector", "start": anchor.start, "end": anchor.end}]


def _target(article: Any, anchor: Anchor | None, *, placed: bool = True) -> dict[str, Any]:
    target: dict[str, Any] = {"source": _source(article)}
    if anchor is not None:
        # an orphan's old offsets point nowhere now: only its words are given
        target["selector"] = _selectors(anchor, position=placed)
    return target


def _creator(coder: str) -> dict[str, Any] | None:
    """Who made it (the coder, issue 17), as the model's ``creator``."""
    return {"type": "Person", "name": coder} if coder else None


def _body(value: str, purpose: str) -> dict[str, Any]:
    return {"type": "TextualBody", "value": value, "format": "text/plain", "purpose": purpose}


def note_annotation(article: Any, note: Note) -> dict[str, Any]:
    bodies = [_body(note.text, "commenting")] if note.text.strip() else []
    bodies += [_body(tag, "tagging") for tag in note.tags]
    motivation = "commenting" if note.text.strip() else "tagging" if note.tags else "highlighting"
    annotation: dict[str, Any] = {
        "id": f"urn:reader:note:{note.id}",
        "type": "Annotation",
        "motivation": motivation,
        "created": note.created or None,
        "modified": note.updated or None,
        "creator": _creator(getattr(note, "coder", "") or ""),
        "target": _target(article, note.passage, placed=not note.orphan),
    }
    if bodies:
        annotation["body"] = bodies
    return {k: v for k, v in annotation.items() if v is not None}


def correction_annotation(article: Any, fix: QuoteCorrection) -> dict[str, Any]:
    bodies = [_body(STATUS_WORDS.get(fix.status, fix.status), "assessing")]
    if fix.speaker is not None:
        bodies.append(_body(f"speaker: {fix.speaker or 'none'}", "identifying"))
    if fix.kind:
        bodies.append(_body(f"kind: {kind_words(fix.kind)}", "classifying"))
    from urllib.parse import quote

    # one quotation corrected by two coders is two annotations: the coder is part of the id
    coder = f":coder:{quote(fix.coder, safe='')}" if fix.coder else ""
    annotation = {
        "id": f"urn:reader:quote:{fix.id}{coder}",
        "type": "Annotation",
        "motivation": "assessing",
        "created": fix.created or None,
        "modified": fix.updated or None,
        "creator": _creator(fix.coder),
        "body": bodies,
        "target": _target(article, fix.bounds or fix.anchor, placed=not fix.orphan),
    }
    return {k: v for k, v in annotation.items() if v is not None}


def to_w3c(
    articles: Iterable[Any], *, exported: str, title: str = "reader export"
) -> dict[str, Any]:
    """An ``AnnotationCollection`` with one page holding every note and correction."""
    items = []
    for article in articles:
        items += [note_annotation(article, n) for n in article.notes]
        items += [correction_annotation(article, c) for c in getattr(article, "corrections", [])]
    return {
        "@context": CONTEXT,
        "id": f"urn:reader:export:{exported}",
        "type": "AnnotationCollection",
        "label": title,
        "created": exported,
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
