"""Decoding is consistent across formats: UTF-16 pages are pages, invalid UTF-8 is replaced and
said so, one NUL byte costs one JSONL line, and control characters are stripped from text and
Markdown as they are from HTML. Only what is truly binary is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli_support import ARTICLE, run

from reader.importing.decode import decode_document, looks_binary
from reader.importing.importer import ImportFailure, iter_jsonl, parse_document

PARAGRAPHS = ARTICLE.split("\n\n")
PAGE = (
    "<!DOCTYPE html><html><head><title>Harbour plan goes ahead</title></head><body>"
    "<nav><a href='/'>Home</a></nav><article><h1>Harbour plan goes ahead</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:])
    + "</article></body></html>"
)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_html_is_read_as_html(encoding: str) -> None:
    article = parse_document(PAGE.encode(encoding), "page.html")
    assert article.format == "html"
    assert article.title == "Harbour plan goes ahead"
    assert "<p>" not in article.text and "</article>" not in article.text
    assert "harbour plan would go ahead" in article.text


def test_utf16_html_pasted_on_stdin_is_html_too() -> None:
    article = parse_document(PAGE.encode("utf-16"), "-")
    assert article.title == "Harbour plan goes ahead" and "<p>" not in article.text


def test_utf16_page_named_txt_is_a_page() -> None:
    article = parse_document(PAGE.encode("utf-16-le"), "saved.txt")
    assert article.format == "html" and "<p>" not in article.text


def test_invalid_utf8_is_replaced_and_counted() -> None:
    data = "Für die Minister über alles\n\n".encode() + ARTICLE.encode() + b" \xff\xfe end"
    decoded = decode_document(data)
    assert decoded.replaced == 2
    assert "Für die Minister über" in decoded.text  # the valid UTF-8 is not turned to mojibake
    assert decoded.text.count("\ufffd") == 2
    assert parse_document(data, "x.txt").replaced == 2


def test_a_legacy_encoding_is_no_replacement() -> None:
    decoded = decode_document("Für die Minister über alles ist gesagt.".encode("cp1252"))
    assert decoded == type(decoded)("Für die Minister über alles ist gesagt.", 0)


def test_cli_warns_about_replaced_bytes_and_keeps_stdout(capsys, tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_bytes(ARTICLE.encode())
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes(
        ARTICLE.encode().replace(b"Tuesday", b"Tues\xff\xfeday", 1) + " – über".encode()
    )
    code, out, err = run(capsys, "--library", str(tmp_path / "a"), "import", str(clean))
    assert code == 0 and err == ""
    code, out2, err = run(capsys, "--library", str(tmp_path / "b"), "import", str(damaged))
    assert code == 0
    assert err.splitlines() == [f"warning {damaged}: 2 bytes replaced"]
    assert out2.split(" ", 2)[0] == "imported"
    assert out2.split(" ", 2)[2] == out.split(" ", 2)[2]  # the same line for the same title


def test_one_nul_byte_costs_one_jsonl_line(capsys, tmp_path: Path) -> None:
    records = [
        {"title": f"Story {n}", "text": f"Story number {n} tells of the {w} harbour plan. " * 5}
        for n, w in ((1, "first"), (2, "second"), (3, "third"))
    ]
    lines = [json.dumps(r).encode() for r in records]
    lines[1] = lines[1].replace(b"Story 2", b"Story\x002")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(b"\n".join(lines) + b"\n")
    code, out, err = run(capsys, "--library", str(tmp_path / "lib"), "import", str(corpus))
    assert code == 1
    assert [line.split(" ", 2)[2] for line in out.splitlines()] == ["Story 1", "Story 3"]
    [line] = err.splitlines()
    assert line.startswith(f"error {corpus}:2: ") and "NUL" in line


def test_invalid_utf8_in_a_jsonl_line_is_a_warning_for_that_line(tmp_path: Path) -> None:
    line1 = json.dumps({"title": "Fine", "text": "A plain story about ports. " * 4}).encode()
    line2 = (
        b'{"title": "Gr\xc3\xbc\xc3\x9fe \xc3\xa4 ok", "text": "Another story \xff\xfe about '
        + b"ships. " * 4
        + b'"}'
    )
    results = list(iter_jsonl(line1 + b"\n" + line2 + b"\n", "c.jsonl"))
    assert [n for n, _ in results] == [1, 2]
    assert results[0][1].replaced == 0
    assert results[1][1].replaced == 2 and "\ufffd\ufffd" in results[1][1].text


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_a_few_control_sequences_are_stripped_in_every_format(suffix: str) -> None:
    noisy = ARTICLE.replace("minister said", "minister\x07 said\x1b[31m", 1).replace(
        "opposition", "oppo\x01sition\x1b]2;x\x07", 1
    )
    noisy = noisy.replace("Officials", "Offi\x00cials", 1)  # a stray NUL is not binary
    if suffix == ".html":
        paragraphs = noisy.split("\n\n")
        data = (
            f"<html><head><title>{paragraphs[0]}</title></head><body><article>"
            + "".join(f"<p>{p}</p>" for p in paragraphs[1:])
            + "</article></body></html>"
        ).encode()
    else:
        data = noisy.encode()
    article = parse_document(data, f"noisy{suffix}")
    assert "opposition criticised" in article.text
    assert "transport minister said" in article.text and "Officials said" in article.text
    assert not any(c in article.text for c in "\x00\x01\x07\x1b")


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 40,  # every byte value
        b"\x00\x00\x00\x01" * 500 + b"some words",  # NUL-heavy
        b"ELF\x00\x02\x01\x01" * 300,
    ],
)
def test_truly_binary_is_refused(data: bytes) -> None:
    assert looks_binary(data)
    with pytest.raises(ImportFailure, match=r"binary|not text|cannot decode"):
        parse_document(data, "x.txt")


def test_text_with_a_few_controls_is_not_binary() -> None:
    text = (ARTICLE + "\x07\x01\x00").encode()
    assert not looks_binary(text)
    assert not looks_binary(ARTICLE.encode("utf-16"))


RECORDS = [
    json.dumps({"title": f"Story {n}", "text": f"Story number {n} tells of the {w} bridge. " * 5})
    for n, w in ((1, "first"), (2, "second"))
]


@pytest.mark.parametrize(
    ("first", "reason"),
    [
        (b"\xef\xbb\xbf", "only a byte-order mark, no record"),  # a BOM and nothing else
        (b"\xef\xbb\xbf \r", "only a byte-order mark, no record"),
        (b"%PDF-1.7 a stray line that starts like a PDF", "not valid JSON"),
        (b"\x89PNG\r\x1a\x00\x00", "NUL byte in the line (binary data)"),
    ],
    ids=["bom-only", "bom-and-blanks", "pdf-magic", "png-magic"],
)
def test_a_bad_first_jsonl_line_costs_that_line_only(
    capsys, tmp_path: Path, first: bytes, reason: str
) -> None:
    """Found by a random fuzz run: a first line that is only a BOM got no outcome at all, and a
    first line that starts like a PDF had the whole corpus refused as a PDF."""
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(first + b"\n" + "\n".join(RECORDS).encode() + b"\n")
    code, out, err = run(capsys, "--library", str(tmp_path / "lib"), "import", str(corpus))
    assert code == 1
    assert err.splitlines() == [f"error {corpus}:1: {reason}"]
    assert [line.split(" ", 2)[2] for line in out.splitlines()] == ["Story 1", "Story 2"]


def test_a_file_that_is_only_a_bom_is_one_error(capsys, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(b"\xef\xbb\xbf\n\n")
    code, out, err = run(capsys, "--library", str(tmp_path / "lib"), "import", str(corpus))
    assert (code, out) == (1, "")
    assert err.splitlines() == [f"error {corpus}:1: only a byte-order mark, no record"]


def test_a_pdf_named_jsonl_is_still_refused_whole(capsys, tmp_path: Path) -> None:
    pdf = (
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n"
        + bytes(range(256)) * 8
        + b"\n{\xff\xfe\x00 binary that opens a brace\nendstream\n"
    )
    corpus = tmp_path / "paper.jsonl"
    corpus.write_bytes(pdf)
    code, out, err = run(capsys, "--library", str(tmp_path / "lib"), "import", str(corpus))
    assert (code, out) == (1, "")
    assert err.splitlines() == [f"error {corpus}: binary file (a PDF file), not an article"]
