"""The ``.eml`` format: a format added in one registry entry (reader/importing/formats.py) and
one parser module (reader/importing/eml.py), and everything that names formats picks it up."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli.main import build_parser
from reader.importing import formats
from reader.importing.formats import ImportFormat
from reader.importing.importer import collect_files, parse_document
from reader.importing.models import ImportFailure, ParsedArticle
from reader.library.ingest import import_paths
from reader.library.store import Library

BODY = (
    "The harbour board approved the new ferry timetable on Tuesday evening.\n\n"
    '"Crossings will run every forty minutes from June," the board chair said after the vote.\n\n'
    "Travellers had asked for later departures for two winters in a row."
)
MESSAGE = (
    "From: Harbour Board Press Office <press@harbour.example>\n"
    "To: newsroom@paper.example\n"
    "Subject: Ferry timetable approved\n"
    "Date: Tue, 12 Mar 2024 18:30:00 +0100\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "\n" + BODY + "\n"
)


def test_subject_date_sender_and_plain_body_become_the_article() -> None:
    article = parse_document(MESSAGE.encode(), "release.eml")
    assert article.format == "eml"
    assert article.title == "Ferry timetable approved"
    assert article.date == "2024-03-12"
    assert article.source == "Harbour Board Press Office"
    assert article.text == BODY
    assert article.lang == "en"
    assert "newsroom@paper.example" not in article.text  # headers are not body


def test_transfer_encoding_and_charset_are_decoded() -> None:
    raw = (
        b"From: presse@amt.example\n"
        b"Subject: =?iso-8859-1?q?B=FCrger_fragen_nach?=\n"
        b"Content-Type: text/plain; charset=iso-8859-1\n"
        b"Content-Transfer-Encoding: quoted-printable\n"
        b"\n"
        b"Die B=FCrger der Stadt wollen wissen, wann die Br=FCcke wieder offen ist.=\n"
        b" Das Amt nennt noch keinen Termin.\n"
    )
    article = parse_document(raw, "anfrage.eml")
    assert article.title == "Bürger fragen nach"
    assert article.source == "presse@amt.example"  # no display name: the address
    assert article.date is None
    assert article.text.startswith("Die Bürger der Stadt wollen wissen, wann die Brücke")


def test_multipart_message_uses_its_text_part() -> None:
    raw = (
        "From: Desk <desk@wire.example>\nSubject: Two parts\n"
        "MIME-Version: 1.0\n"
        'Content-Type: multipart/alternative; boundary="XX"\n\n'
        "--XX\nContent-Type: text/html; charset=utf-8\n\n<p>The markup copy.</p>\n"
        "--XX\nContent-Type: text/plain; charset=utf-8\n\n" + BODY + "\n--XX--\n"
    )
    assert parse_document(raw.encode(), "two.eml").text == BODY


def test_message_without_a_text_part_is_a_one_line_failure() -> None:
    raw = (
        "From: Desk <desk@wire.example>\nSubject: Only markup\n"
        "MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n<p>Markup only.</p>\n"
    )
    with pytest.raises(ImportFailure, match="no text/plain part"):
        parse_document(raw.encode(), "markup.eml")


def test_eml_files_import_into_the_library_and_reimport(tmp_path: Path) -> None:
    folder = tmp_path / "mail"
    folder.mkdir()
    (folder / "release.eml").write_text(MESSAGE, encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")  # not a format: skipped in a folder
    lib = Library(tmp_path / "lib", create=True)
    report = import_paths(lib, [folder])
    assert not report.failed and [m.title for m in report.imported] == ["Ferry timetable approved"]
    meta = report.imported[0]
    assert lib.original(meta.id) == (MESSAGE.encode(), "eml")  # kept as original.eml
    [result] = lib.reimport([meta.id])
    assert result.error is None and not result.changed
    assert lib.get(meta.id).source == "Harbour Board Press Office"


def test_everything_that_names_formats_lists_eml(tmp_path: Path) -> None:
    assert ".eml" in formats.supported()
    odd = tmp_path / "letter.doc"
    odd.write_text("a letter", encoding="utf-8")
    [(_, reason)] = list(collect_files([str(odd)]))
    assert reason is not None and reason.endswith(".jsonl .eml)")
    assert ".eml" in formats.suffix_text(short=True)  # the import dialog's title
    help_text = build_parser().format_help()
    assert "import files (.txt .md .html .eml)" in help_text


def _shouting(data: bytes) -> ParsedArticle:
    """A made-up format for the test: every line is a paragraph, in upper case."""
    lines = [line.strip() for line in data.decode("utf-8").splitlines() if line.strip()]
    return ParsedArticle(text="\n\n".join(lines).upper(), format="shout", lang="en")


def test_a_registered_format_is_picked_up_everywhere(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(formats, "FORMATS", list(formats.FORMATS))
    formats.register(ImportFormat("shout", "shouted note", (".shout",), parse=_shouting))
    (tmp_path / "in").mkdir()
    note = tmp_path / "in" / "a.shout"
    note.write_text("harbour board meets\nferries run late\n", encoding="utf-8")
    assert list(collect_files([str(tmp_path / "in")])) == [(str(note), None)]
    assert (
        parse_document(note.read_bytes(), str(note)).text
        == "HARBOUR BOARD MEETS\n\nFERRIES RUN LATE"
    )
    assert formats.unsupported(".doc").endswith(".eml .shout)")
    assert ".shout" in formats.import_help()
    assert formats.original_extension("shout") == "shout"


@pytest.mark.parametrize(
    "bad",
    [
        ImportFormat("txt", "again", (".text",), parse=_shouting),  # name taken
        ImportFormat("other", "again", (".htm",), parse=_shouting),  # suffix taken
        ImportFormat("upper", "upper", (".UP",), parse=_shouting),  # not lower case
        ImportFormat("none", "no parser", (".none",)),  # neither parse nor parse_many
    ],
)
def test_register_refuses_clashing_or_incomplete_formats(bad: ImportFormat, monkeypatch) -> None:
    monkeypatch.setattr(formats, "FORMATS", list(formats.FORMATS))
    with pytest.raises(ValueError, match=bad.name):
        formats.register(bad)


def test_every_format_keeps_its_original_under_one_of_its_suffixes() -> None:
    """reimport and doctor find a kept original's format by its extension (original.NAME)."""
    for fmt in formats.FORMATS:
        if fmt.export:  # a read-it-later export is kept as its items' documents, never whole
            continue
        assert "." + fmt.name in fmt.suffixes
        assert formats.for_path("original." + fmt.name) is fmt
