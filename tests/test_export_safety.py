"""Export never writes through a symlink, and what it writes reads back as written (issue 10,
item 10): YAML front matter gives every string back as that string, Obsidian finds no block id
in the user's text, and no file name is one Windows refuses."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from test_cli_support import ARTICLE, distinct, imported_ids, run

from annotations.export import ExportArticle, file_names, to_markdown, write_folder
from annotations.models import Note
from annotations.text import replace_control

EXPORTED = "2026-03-01T09:30:00+00:00"
TITLES = ["Alpha story", "Beta story", "Gamma story"]


def library_with_three(capsys, tmp_path: Path) -> list[str]:
    corpus = tmp_path / "three.jsonl"
    lines = [json.dumps({"title": t, "text": distinct(ARTICLE, i)}) for i, t in enumerate(TITLES)]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "import", str(corpus))
    assert code == 0, err
    return imported_ids(out)


def victim(tmp_path: Path) -> Path:
    """A file outside the export folder that a planted link points at."""
    path = tmp_path / "elsewhere" / "precious.txt"
    path.parent.mkdir()
    path.write_text("the user's own file\n", encoding="utf-8")
    return path


def test_a_symlink_in_the_export_folder_is_skipped_and_the_rest_written(
    capsys, tmp_path: Path
) -> None:
    library_with_three(capsys, tmp_path)
    out = tmp_path / "vault"
    out.mkdir()
    target = victim(tmp_path)
    link = out / "Beta story.md"
    link.symlink_to(target)
    code, stdout, err = run(capsys, "export", "-o", f"{out}/")
    assert code == 1
    assert err.splitlines() == [f"error {link}: is a symlink"]
    assert target.read_text(encoding="utf-8") == "the user's own file\n"
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert (out / "Alpha story.md").read_text().startswith("---\n")
    assert (out / "Gamma story.md").read_text().startswith("---\n")
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "](<Alpha story.md>)" in index and "](<Gamma story.md>)" in index
    assert "](<Beta story.md>)" not in index and "Beta story" in index
    assert stdout.strip() == f"wrote 2 articles and an index to {out}/"


def test_a_symlinked_or_dangling_index_is_not_written_through(capsys, tmp_path: Path) -> None:
    library_with_three(capsys, tmp_path)
    out = tmp_path / "vault"
    out.mkdir()
    (out / "index.md").symlink_to(tmp_path / "nowhere" / "created-by-export.md")  # dangling
    code, stdout, err = run(capsys, "export", "-o", f"{out}/")
    assert code == 1
    assert err.splitlines() == [f"error {out / 'index.md'}: is a symlink"]
    assert not (tmp_path / "nowhere").exists()
    assert sorted(p.name for p in out.iterdir() if not p.is_symlink()) == [
        f"{t}.md" for t in TITLES
    ]
    assert stdout.strip() == f"wrote 3 articles to {out}/"


def test_export_to_a_file_that_is_a_symlink_is_refused(capsys, tmp_path: Path) -> None:
    library_with_three(capsys, tmp_path)
    target = victim(tmp_path)
    link = tmp_path / "export.md"
    link.symlink_to(target)
    code, _out, err = run(capsys, "export", "-o", str(link))
    assert code == 1
    assert err.strip() == f"reader: cannot write {link}: is a symlink"
    assert target.read_text(encoding="utf-8") == "the user's own file\n"


def test_write_folder_without_a_callback_still_writes_the_rest_then_says_why(
    tmp_path: Path,
) -> None:
    from annotations.export import ExportError

    out = tmp_path / "out"
    out.mkdir()
    (out / "Second.md").symlink_to(victim(tmp_path))
    articles = [ExportArticle(id=f"id{i}", title=t) for i, t in enumerate(["First", "Second"])]
    with pytest.raises(ExportError, match=r"Second\.md: is a symlink"):
        write_folder(articles, out, exported=EXPORTED)
    assert (out / "First.md").is_file() and (out / "index.md").is_file()


# YAML front matter -----------------------------------------------------------------------------
LOOKALIKES = [
    "2024-01-01",
    "2024-01-01 12:00:00",
    "12:30:45",
    "yes",
    "No",
    "on",
    "OFF",
    "y",
    "null",
    "~",
    "NULL",
    "true",
    "1e3",
    "0x1F",
    "0o17",
    "017",
    "1_000",
    ".inf",
    "-.Inf",
    ".nan",
    "+12",
    "3.14",
    "@handle",
    "*alias",
    "&anchor",
    "!tag",
    "!!python/object:os.system",
    "%YAML 1.2",
    "`code`",
    "a: b",
    "key: value # comment",
    "- item",
    "? complex",
    "| literal",
    "> folded",
    "[a, b]",
    "{a: b}",
    "'single'",
    '"double"',
    "#hash",
    "  leading and trailing  ",
    "back\\slash \\n",
    "tab\tinside",
    "line\u2028separator",
    "para\u2029separator",
    "bom\ufeffinside",
    "non\uffffcharacter",
    "non\ufffecharacter",
    "Grüße, 新闻 🎉",
    "---",
    "...",
    "=",
    "<<",
]


def front_matter(md: str) -> dict:
    assert md.startswith("---\n")
    return yaml.safe_load(md.split("---\n", 2)[1])


@pytest.mark.parametrize("value", LOOKALIKES)
def test_every_front_matter_string_reads_back_as_that_string(value: str) -> None:
    article = ExportArticle(
        id="a1", title=value, source=value, url=value, date=value, tags=[value, "plain"]
    )
    meta = front_matter(to_markdown([article], exported=EXPORTED))
    assert meta["title"] == value and meta["source"] == value and meta["url"] == value
    assert meta["tags"] == [value, "plain"] and meta["id"] == "a1"
    if value == "2024-01-01":  # the date field alone stays a date (Obsidian, pandoc)
        assert str(meta["date"]) == value
    else:
        assert meta["date"] == value
    several = to_markdown([article, ExportArticle(id="b2", title="x")], exported=EXPORTED)
    assert front_matter(several)["tags"] == sorted([value, "plain"], key=str.casefold)
    assert front_matter(several)["articles"] == ["a1", "b2"]


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40))
def test_any_title_reads_back_from_the_front_matter(title: str) -> None:
    meta = front_matter(to_markdown([ExportArticle(id="a1", title=title)], exported=EXPORTED))
    assert meta["title"] == replace_control(title)


# Obsidian block ids ----------------------------------------------------------------------------
BLOCK_ID = re.compile(r"(?:^|\s)\^[A-Za-z0-9-]+\s*$")


def test_text_that_looks_like_an_obsidian_block_id_is_escaped() -> None:
    note = Note(
        id="n1",
        article="a1",
        text="the claim holds ^abc-123\nsee ^ref1",
        tags=["t"],
        created="2026-02-01T10:00:00+00:00",
        updated="2026-02-01T10:00:00+00:00",
    )
    article = ExportArticle(id="a1", title="Headline ^top", source="Wire ^src", notes=[note])
    for md in (
        to_markdown([article], exported=EXPORTED),
        to_markdown([article, ExportArticle(id="b2", title="x ^b")], exported=EXPORTED),
    ):
        body = md.split("---\n", 2)[2]
        assert not [line for line in body.splitlines() if BLOCK_ID.search(line)]
        assert "the claim holds \\^abc-123" in body and "# Headline \\^top" in body


# Windows file names ----------------------------------------------------------------------------
DEVICE = re.compile(r"(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])")


def windows_refuses(name: str) -> bool:
    """Windows' own rule: a device name before the first dot (spaces before it ignored), in
    any case; or a name ending in a dot or a space."""
    device = name.split(".", 1)[0].rstrip(" ").casefold()
    return bool(DEVICE.fullmatch(device)) or name.endswith((".", " "))


def test_no_export_file_name_is_one_windows_refuses(tmp_path: Path) -> None:
    titles = [
        "aux",
        "AUX",
        "LPT9",
        "lpt9.notes",
        "aux.txt",
        "Con.md",
        "nul.tar.gz",
        "com1 ",
        "COM\u00b9",
        "CON .draft",
        "prn..",
        "trailing dot.",
        "trailing space ",
        "dots ...",
        "Aux: a story about help",
        "Nul and void",
    ]
    articles = [ExportArticle(id=f"id{i:02d}", title=t) for i, t in enumerate(titles)]
    names = file_names(articles)
    refused = [n for n in names if windows_refuses(n) or windows_refuses(n[: -len(".md")])]
    assert not refused
    assert len({n.casefold() for n in names}) == len(names)
    # titles that are no device name keep their words
    assert "Aux a story about help.md" in names and "Nul and void.md" in names
    written = write_folder(articles, tmp_path / "out", exported=EXPORTED)
    assert len(written) == len(titles) + 1


def test_the_tui_export_never_writes_through_a_symlink(capsys, tmp_path: Path) -> None:
    from annotations.export import ExportError
    from reader.screens.session import Session

    ids = library_with_three(capsys, tmp_path)
    target = victim(tmp_path)
    link = tmp_path / "mine.md"
    link.symlink_to(target)
    session = Session(tmp_path / "library")
    with pytest.raises(ExportError, match="is a symlink"):
        session.export_article(ids[0], link)
    assert target.read_text(encoding="utf-8") == "the user's own file\n"
    assert session.export_article(ids[0], tmp_path / "plain.md").read_text().startswith("---")


def test_a_link_planted_at_the_temp_file_name_is_not_written_through(tmp_path: Path) -> None:
    """The atomic write's temp name can be guessed (pid, thread): a link there is replaced."""
    import os
    import threading

    from reader.base.atomic import atomic_write_bytes, atomic_write_many

    target = victim(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    for name in ("one.md", "two.md"):
        tmp = out / f".{name}.{os.getpid()}.{threading.get_ident()}.tmp"
        tmp.symlink_to(target)
    atomic_write_bytes(out / "one.md", b"export one\n")
    atomic_write_many([(out / "two.md", b"export two\n")])
    assert target.read_text(encoding="utf-8") == "the user's own file\n"
    assert (out / "one.md").read_bytes() == b"export one\n"
    assert (out / "two.md").read_bytes() == b"export two\n"
    assert sorted(p.name for p in out.iterdir()) == ["one.md", "two.md"]
