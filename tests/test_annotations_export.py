"""Markdown and JSON export: golden files, escaping, safe folder names, round trip and merge."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from annotations.anchors import find_passage, make_anchor
from annotations.export import (
    ExportArticle,
    ImportError_,
    file_names,
    merge_json,
    to_json,
    to_markdown,
    write_folder,
)
from annotations.models import Anchor, Note
from annotations.store import AnnotationStore, StoreError

GOLDEN = Path(__file__).parent / "golden"
EXPORTED = "2026-03-01T09:30:00+00:00"
TEXT = (
    "Berlin. Die Ministerin sagte, man werde den Ländern helfen.\n\n"
    "Die Opposition nannte das „zu wenig, zu spät“. Der Verband äußerte sich nicht."
)


def _note(
    nid: str, text: str, *, exact: str | None = None, tags=(), orphan=False, day: int = 2
) -> Note:
    passage = make_anchor(TEXT, *find_passage(TEXT, exact)) if exact else None
    stamp = f"2026-02-0{day}T10:00:00+00:00"
    return Note(
        id=nid,
        article="a1b2c3d4",
        text=text,
        tags=list(tags),
        passage=passage,
        orphan=orphan,
        created=stamp,
        updated=stamp,
    )


def _article() -> ExportArticle:
    notes = [
        _note("n000000000001", "Rahmung: Hilfe statt Verantwortung.", tags=["frame/help"]),
        _note(
            "n000000000002",
            "Indirekte Rede, kein Beleg.",
            exact="man werde den Ländern helfen",
            tags=["quote/indirect", "Wichtig"],
            day=3,
        ),
        _note("n000000000003", "Zitat der Opposition", exact="„zu wenig, zu spät“", day=4),
        Note(
            id="n000000000004",
            article="a1b2c3d4",
            text="Stand früher im Text.",
            passage=Anchor("ein alter Satz", "", "", 300, 314, 4),
            orphan=True,
            created="2026-02-05T10:00:00+00:00",
            updated="2026-02-05T10:00:00+00:00",
        ),
    ]
    quotes = [
        {"speaker": "Die Ministerin", "kind": "indirect", "text": "man werde helfen"},
        {"speaker": None, "kind": "direct", "text": "„zu wenig, zu spät“"},
    ]
    return ExportArticle(
        id="a1b2c3d4",
        title="Hilfe für die Länder",
        source="Beispielzeitung",
        date="2026-01-12",
        url="https://example.org/hilfe",
        tags=["Politik", "frame/help"],
        notes=notes,
        quotes=quotes,
    )


def _second() -> ExportArticle:
    note = Note(
        id="n000000000009",
        article="ffee0011",
        text="Only a general note.",
        tags=["Politik"],
        created="2026-02-07T08:00:00+00:00",
        updated="2026-02-07T08:00:00+00:00",
    )
    return ExportArticle(
        id="ffee0011",
        title="Second article",
        source=None,
        date=None,
        url=None,
        tags=["english"],
        notes=[note],
    )


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_golden_one_article() -> None:
    _golden("one_article.md", to_markdown([_article()], exported=EXPORTED))


def test_golden_one_article_with_quotes() -> None:
    _golden("one_article_quotes.md", to_markdown([_article()], exported=EXPORTED, quotes=True))


def test_golden_several_articles() -> None:
    _golden("several_articles.md", to_markdown([_article(), _second()], exported=EXPORTED))


HOSTILE = "---\n# heading\n> quote\n[link](x) *em* <b>bold</b> ==mark== #tag $x$\n1. item\n- li"


def test_note_text_and_title_are_never_markup() -> None:
    article = ExportArticle(
        id="a1",
        title="---\n# Evil [title](x)",
        tags=["x"],
        notes=[Note(id="n1", article="a1", text=HOSTILE, created="c")],
    )
    md = to_markdown([article], exported=EXPORTED)
    body = md.split("---\n", 2)[2]  # after the front matter
    lines = body.splitlines()
    # structure: exactly one heading-1, the Notes heading, no quote/list/rule from the note
    assert [ln for ln in lines if ln.startswith("#")] == [
        "# \\--- \\# Evil \\[title\\](x)",
        "## Notes",
    ]
    assert not any(ln.startswith((">", "---", "1.", "- li")) for ln in lines)
    # (a note's line break stays one: a backslash at the end of the line, a hard break)
    assert "\\[link\\](x) \\*em\\* \\<b\\>bold\\</b\\> \\==mark\\== \\#tag \\$x\\$\\" in lines
    # the front matter is still exactly one block and the title survives as a YAML string
    assert md.startswith("---\n") and md.count("\n---\n") == 1
    assert 'title: "---\\n# Evil [title](x)"' in md


def test_escape_sequences_leave_no_litter_in_markdown() -> None:
    """Whole OSC/CSI sequences go, not just their ESC (``]0;pwned`` and ``[2J`` are litter)."""
    hostile = "a \x1b]0;pwned\x07 \x1b[2Jx \x1b[1;31mred\x1b[0m"
    article = ExportArticle(
        id="a1",
        title="Title \x1b]0;pwned\x07ok",
        source="S\x1b[2J",
        notes=[Note(id="n1", article="a1", text=hostile, created="c")],
    )
    md = to_markdown([article], exported=EXPORTED)
    assert "\x1b" not in md and "pwned" not in md and "2J" not in md and "31m" not in md
    assert "a  x red" in md.splitlines()
    assert "# Title ok" in md.splitlines()
    assert 'title: "Title  ok"' in md and 'source: "S "' in md


def test_yaml_values_are_quoted_and_escaped() -> None:
    article = ExportArticle(
        id="a1", title='He said: "no" \\ yes', source="a: b #c", tags=['tag "q"', "- dash"]
    )
    front = to_markdown([article], exported=EXPORTED).split("---\n")[1]
    values = dict(
        ln.split(": ", 1) for ln in front.splitlines() if ": " in ln and not ln.startswith("  ")
    )
    assert json.loads(values["title"]) == 'He said: "no" \\ yes'
    assert json.loads(values["source"]) == "a: b #c"
    assert [json.loads(ln[4:]) for ln in front.splitlines() if ln.startswith("  - ")] == [
        'tag "q"',
        "- dash",
    ]


def test_folder_names_are_safe_and_distinct(tmp_path: Path) -> None:
    titles = [
        "../../etc/passwd",
        "Same",
        "same",
        "Same",
        "",
        "CON",
        "index",
        "..",
        "a/b\\c:d",
        "x" * 300,
        "新闻" * 100,
        "\x00\x1b[31m.hidden",
    ]
    articles = [ExportArticle(id=f"id{i:02d}", title=t) for i, t in enumerate(titles)]
    out = tmp_path / "out"
    written = write_folder(articles, out, exported=EXPORTED)
    assert all(p.parent == out.resolve() for p in written)
    names = [p.name for p in written]
    assert len({n.casefold() for n in names}) == len(names) == len(titles) + 1
    assert "index.md" in names and names.count("index.md") == 1
    assert not list(tmp_path.glob("etc*")) and sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert all(
        re.fullmatch(r"[^/\\:\x00-\x1f]{1,90}\.md", n) and not n.startswith(".") for n in names
    )
    assert all(len(n.encode()) <= 255 for n in names)
    index = (out / "index.md").read_text()
    for name in names[:-1]:
        assert f"](<{name}>)" in index


def test_file_names_use_the_title() -> None:
    assert file_names([ExportArticle(id="a1", title="Nato: Dialog? Ja!")]) == ["Nato Dialog Ja!.md"]


def _store_with_notes(root: Path) -> AnnotationStore:
    store = AnnotationStore(root)
    anchor = make_anchor(TEXT, *find_passage(TEXT, "zu wenig"))
    store.add_note("a1b2c3d4", "passage note", anchor, tags=["frame/x"])
    store.add_note("a1b2c3d4", "general")
    store.tag_article("a1b2c3d4", ["Politik"])
    store.add_note("ffee0011", "other", tags=["t"])
    return store


def _export(store: AnnotationStore) -> dict:
    articles = [
        ExportArticle(id=a, title=a, tags=store.article_tags(a), notes=store.notes(a))
        for a in ("a1b2c3d4", "ffee0011")
    ]
    return json.loads(json.dumps(to_json(articles, exported=EXPORTED)))


def test_json_round_trip_is_lossless(tmp_path: Path) -> None:
    mine = _store_with_notes(tmp_path / "mine")
    data = _export(mine)
    assert data["schema"] == 1 and data["format"] == "reader-annotations"
    fresh = AnnotationStore(tmp_path / "fresh")
    assert merge_json(fresh, data) == {"articles": 2, "added": 3, "updated": 0, "skipped": 0}
    assert fresh.notes() == mine.notes()
    assert fresh.article_tags("a1b2c3d4") == ["Politik"]
    assert fresh.notes()[0].passage.paragraph == 1  # anchors complete, paragraph included


def test_merge_keeps_newer_and_never_duplicates(tmp_path: Path) -> None:
    mine = _store_with_notes(tmp_path / "mine")
    theirs = AnnotationStore(tmp_path / "theirs")
    merge_json(theirs, _export(mine))
    general = next(n for n in theirs.notes("a1b2c3d4") if n.text == "general")
    theirs.edit_note(general.id, text="general, revised by a colleague")
    theirs.add_note("ffee0011", "their new note")
    # the same content under another id (e.g. typed twice on two machines) is not added again,
    # even where their copy of the article places the passage elsewhere
    theirs.add_note("ffee0011", "other", tags=["t"])
    moved = make_anchor("Vorher. " + TEXT, *find_passage("Vorher. " + TEXT, "zu wenig"))
    theirs.add_note("a1b2c3d4", "passage note", moved)
    counts = merge_json(mine, _export(theirs))
    assert counts == {"articles": 2, "added": 1, "updated": 1, "skipped": 4}
    texts = sorted(n.text for n in mine.notes())
    assert texts == ["general, revised by a colleague", "other", "passage note", "their new note"]
    # merging again changes nothing
    again = merge_json(mine, _export(theirs))
    assert again["added"] == again["updated"] == 0 and len(mine.notes()) == 4
    # times compare as times, whatever offset the other machine wrote
    from datetime import datetime, timedelta, timezone

    edited = mine.edit_note(general.id, text="my edit")
    # an hour earlier in UTC, but written at +02:00 its string sorts after mine
    earlier = (
        (datetime.fromisoformat(edited.updated) - timedelta(hours=1))
        .astimezone(timezone(timedelta(hours=2)))
        .isoformat()
    )
    assert earlier > edited.updated
    stale = _export(mine)
    for note in stale["articles"][0]["notes"]:
        if note["id"] == general.id:
            note["text"], note["updated"] = "their older edit", earlier
    merge_json(mine, stale)
    assert mine.get_note(general.id).text == "my edit"
    # an older copy never overwrites a newer edit
    mine.edit_note(general.id, text="mine, even newer")
    merge_json(mine, _export(theirs))
    assert mine.get_note(general.id).text == "mine, even newer"


@pytest.mark.parametrize(
    "data, message",
    [
        ([], "not a reader annotations file"),
        ({"format": "reader-annotations", "schema": 99, "articles": []}, "newer"),
        ({"format": "reader-annotations", "schema": 1}, 'no "articles"'),
        (
            {
                "format": "reader-annotations",
                "schema": 1,
                "articles": [{"id": "a1", "notes": [{}]}],
            },
            "no id",
        ),
        (
            {
                "format": "reader-annotations",
                "schema": 1,
                "articles": [{"id": "a1", "notes": [{"id": "n1", "passage": {"start": 1}}]}],
            },
            "passage",
        ),
        (
            {
                "format": "reader-annotations",
                "schema": 1,
                "articles": [{"id": "a1", "notes": [{"id": "n1,n2"}]}],
            },
            "not valid",
        ),
    ],
)
def test_bad_import_files_are_refused_before_writing(tmp_path: Path, data, message) -> None:
    store = AnnotationStore(tmp_path / "ann")
    with pytest.raises(ImportError_, match=message):
        merge_json(store, data)
    assert not (tmp_path / "ann").exists()


def test_bad_article_id_in_import(tmp_path: Path) -> None:
    data = {"format": "reader-annotations", "schema": 1, "articles": [{"id": "../x"}]}
    with pytest.raises(StoreError, match="not valid"):
        merge_json(AnnotationStore(tmp_path / "ann"), data)


def test_commonmark_renders_hostile_text_literally() -> None:
    """Rendered by a real CommonMark parser (markdown-it, which Rich already depends on), every
    note, passage and title comes out as exactly the text typed, inside the expected elements."""
    markdown_it = pytest.importorskip("markdown_it")
    import html

    hostile_lines = HOSTILE.split("\n") + ["&amp; <!-- c --> `code` \\escaped\\", "    indented"]
    hostile = "\n".join(hostile_lines)
    note = Note(
        id="n1",
        article="a1",
        text=hostile,
        created="c",
        passage=Anchor(exact=hostile, prefix="", suffix="", start=0, end=len(hostile)),
    )
    md = to_markdown([ExportArticle(id="a1", title=hostile, notes=[note])], exported=EXPORTED)
    body = md.split("\n---\n", 1)[1]
    rendered = markdown_it.MarkdownIt("commonmark").render(body)
    for tag in ("<a ", "<b>", "<em>", "<strong>", "<hr", "<h2>---", "<ol", "<!--", "<pre"):
        assert tag not in rendered, tag
    assert rendered.count("<blockquote>") == 1 and rendered.count("<h1>") == 1
    assert rendered.count("<code>") == 1  # only the note id we put there
    text = html.unescape(rendered)
    for line in hostile_lines:
        assert line.strip() in text, line


def test_any_text_survives_markdown_as_text() -> None:
    """Property: whatever a user types, CommonMark shows those characters, in one paragraph-ish
    block, and the document keeps its single H1 and its front matter."""
    markdown_it = pytest.importorskip("markdown_it")
    import html

    from hypothesis import given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from(list("ab -+*_#>`[]()!<>&=$~|\\%^:.1\n\t\"'") + ["ü", "„", "“"])
    parser = markdown_it.MarkdownIt("commonmark")

    @settings(max_examples=150, deadline=None)
    @given(st.text(alphabet, min_size=1, max_size=40))
    def check(text: str) -> None:
        note = Note(id="n1", article="a1", text=text, created="c")
        md = to_markdown([ExportArticle(id="a1", title="T", notes=[note])], exported=EXPORTED)
        assert md.count("\n---\n") == 1  # front matter closed once, never reopened
        rendered = parser.render(md.split("\n---\n", 1)[1])
        assert rendered.count("<h1>") == 1 and rendered.count("<h2>") == 1
        for tag in ("<a ", "<em>", "<strong>", "<hr", "<blockquote", "<pre", "<ol", "<h3"):
            assert tag not in rendered
        shown = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rendered)).split())
        for word in text.split():
            assert word in shown

    check()


def test_note_lines_keep_their_indentation_without_becoming_code() -> None:
    """Indentation is kept as no-break spaces: CommonMark shows it, and never reads an indented
    line as a code block or a nested list."""
    markdown_it = pytest.importorskip("markdown_it")
    import html

    text = "Plan:\n  - first point\n\tsecond, tab-indented\n        deep\nback"
    note = Note(
        id="n1",
        article="a1",
        text=text,
        created="c",
        passage=Anchor(exact=text, prefix="", suffix="", start=0, end=len(text)),
    )
    md = to_markdown([ExportArticle(id="a1", title="T", notes=[note])], exported=EXPORTED)
    nbsp = "\u00a0"
    assert f"\n{nbsp * 2}\\- first point\\\n" in md and f"\n> {nbsp * 8}deep\n" in md
    rendered = markdown_it.MarkdownIt("commonmark").render(md.split("\n---\n", 1)[1])
    assert "<pre" not in rendered and "<li>first" not in rendered
    assert rendered.count("<ul>") == 1  # only the export's own position/id list
    shown = html.unescape(rendered)
    for line in (
        f"{nbsp * 2}- first point",
        f"{nbsp * 4}second, tab-indented",
        f"{nbsp * 8}deep",
        "Plan:",
        "back",
    ):
        assert shown.count(line) == 2, line  # in the passage's blockquote and in the note
