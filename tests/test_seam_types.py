"""The typed records that cross module boundaries hold what their types say."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

from reader.analysis import analyze
from reader.analysis.models import QUOTE_KINDS, QuoteKind
from reader.base.spans import Span
from reader.library.ingest import import_paths
from reader.library.models import ImportOutcome, ImportStatus
from reader.library.store import Library
from reader.paths import samples_dir
from reader.widgets.article_layout import ArticleLayout


def test_every_quote_kind_the_engine_gives_is_a_quote_kind() -> None:
    assert get_args(QuoteKind) == QUOTE_KINDS
    seen = set()
    for path in sorted(samples_dir().glob("*.txt")):
        seen |= {q.kind for q in analyze(path.read_text(encoding="utf-8")).quotes}
    assert {"direct", "indirect"} <= seen <= set(QUOTE_KINDS)


def test_import_outcomes_carry_the_article_or_the_reason(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    story = "The harbour board met on Monday.\n\nIt approved the new ferry timetable for June."
    (folder / "a.txt").write_text(story, encoding="utf-8")
    (folder / "b.txt").write_text(story, encoding="utf-8")  # same text, same bytes: duplicate
    (folder / "c.txt").write_bytes(b"")
    seen: list[ImportOutcome] = []
    import_paths(Library(tmp_path / "lib", create=True), [folder], on_result=seen.append)
    by_name = {Path(o.name).name: o for o in seen}
    assert [by_name[n].status for n in ("a.txt", "b.txt", "c.txt")] == [
        "imported",
        "duplicate",
        "error",
    ]
    assert {o.status for o in seen} <= set(get_args(ImportStatus))
    a, b, c = (by_name[n] for n in ("a.txt", "b.txt", "c.txt"))
    assert a.meta is not None and b.meta is not None and a.meta.id == b.meta.id
    assert c.meta is None and c.reason == "empty file"


def test_sentences_become_spans_in_order_and_bad_ones_are_dropped() -> None:
    text = "One sentence here. Another one there."
    layout = ArticleLayout(text, sentences=[(19, 37), (0, 18), (5, 99)])
    assert layout.sentences == [Span(0, 18), Span(19, 37)]
    assert all(isinstance(s, Span) for s in layout.sentences)
    assert layout.sentences[1].start == 19 and tuple(layout.sentences[1]) == (19, 37)
