"""Export formats come from one registry (annotations/exporters.py) and what an export holds
from one function (reader.library.export.collect_export), used by the CLI and the TUI alike."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from annotations import exporters
from annotations.export import ExportArticle
from annotations.exporters import Exporter
from reader.cli.main import build_parser, main
from reader.library.export import collect_export
from reader.library.ingest import import_paths
from reader.library.store import Library
from reader.screens.session import Session

STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00")


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = Library(tmp_path / "lib", create=True)
    assert not import_paths(lib, [], samples=True).failed
    first, second = lib.ids()[:2]
    lib.annotations.tag_article(first, ["harbour"])
    lib.annotations.add_note(second, "a note about the second article", tags=["harbour"])
    return lib


def _cli(capsys, lib: Library, *args: str) -> str:
    assert main(["--library", str(lib.root), *args]) == 0
    return capsys.readouterr().out


def test_tui_and_cli_write_the_same_export_for_every_format(capsys, library: Library) -> None:
    article = library.ids()[1]
    session = Session(library.root)
    for exporter in exporters.EXPORTERS:
        written = session.export_article(article, library.root / f"one{exporter.suffix}")
        assert written.suffix == exporter.suffix
        tui = written.read_text(encoding="utf-8")
        cli = _cli(capsys, library, "export", article, "--format", exporter.name)
        assert STAMP.sub("STAMP", tui) == STAMP.sub("STAMP", cli)
        assert "a note about the second article" in tui
    data = json.loads((library.root / "one.json").read_text(encoding="utf-8"))
    assert [a["id"] for a in data["articles"]] == [article]


def test_tui_export_of_an_unknown_suffix_or_a_folder_is_markdown(library: Library) -> None:
    session = Session(library.root)
    article = library.ids()[0]
    text = session.export_article(article, library.root / "notes.txt").read_text("utf-8")
    assert text.startswith("---\n") and "\n# " in text
    folder = library.root / "out"
    folder.mkdir()
    written = session.export_article(article, folder)
    assert written.parent == folder and written.suffix == ".md"


def test_collect_export_selects_by_ids_tag_and_filter(library: Library) -> None:
    ids = library.ids()
    by_tag = collect_export(library, tag="harbour")
    assert [a.id for a in by_tag] == ids[:2]  # article tag and note tag; newest first
    assert [a.id for a in collect_export(library, [ids[3], ids[2]])] == [ids[2], ids[3]]
    german = collect_export(library, where=lambda meta: meta.lang == "de")
    assert german and {library.get(a.id).lang for a in german} == {"de"}
    assert len(german) < len(ids)
    everything = collect_export(library)
    assert [a.id for a in everything] == ids
    assert everything[1].notes[0].text == "a note about the second article"


def test_collect_export_keeps_notes_of_removed_articles(library: Library) -> None:
    second = library.ids()[1]
    library.remove([second])
    orphan = [a for a in collect_export(library) if a.id == second]
    assert orphan and orphan[0].title == f"removed article {second}"
    assert orphan[0].notes and orphan[0].notes[0].orphan
    by_note_tag = {a.id: a for a in collect_export(library, tag="harbour", quotes=True)}
    assert by_note_tag[second].quotes == []  # no text left to analyse
    assert by_note_tag[library.ids()[0]].quotes  # a stored article's: who said what


def _plain(articles: Sequence[ExportArticle], *, exported: str, quotes: bool, title: str) -> str:
    return "".join(f"{a.title}\n" for a in articles)


def test_a_registered_exporter_is_offered_by_the_cli_and_the_tui(
    capsys, library: Library, monkeypatch
) -> None:
    monkeypatch.setattr(exporters, "EXPORTERS", list(exporters.EXPORTERS))
    exporters.register(Exporter("titles", "title list", ".titles", _plain))
    assert "{md,json,w3c,titles}" in _export_help()
    assert "Markdown, JSON, W3C or title list" in build_parser().format_help()
    out = _cli(capsys, library, "export", "--format", "titles")
    assert out.splitlines() == [m.title for m in library.articles()]
    article = library.ids()[0]
    written = Session(library.root).export_article(article, library.root / "a.titles")
    assert written.read_text("utf-8") == library.get(article).title + "\n"
    folder = library.root / "folder"
    folder.mkdir()
    assert (
        main(["--library", str(library.root), "export", "--format", "titles", "-o", f"{folder}/"])
        == 2
    )
    assert "writes one file" in capsys.readouterr().err
    with pytest.raises(ValueError, match="already registered"):
        exporters.register(Exporter("md", "again", ".again", _plain))


def _export_help() -> str:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sub.choices["export"].format_help()  # type: ignore[union-attr]
