"""Markdown, JSONL, encodings, dates, language, bad input, collect_files, dedupe key, robustness."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.importing.importer import (
    MAX_BYTES,
    ImportFailure,
    collect_files,
    content_key,
    detect_lang,
    iter_jsonl,
    parse_date,
    parse_document,
)

GERMAN = (
    "Die Verbündeten seien sich einig, dass Russland kein Veto gegen den Beitritt einlegen könne, "
    "sagte der Generalsekretär am Mittwoch nach dem Treffen in Brüssel."
)
ENGLISH = (
    "The allies agreed that no country has a veto over who joins the alliance, the secretary "
    "general told reporters on Wednesday after the meeting in Brussels."
)


def test_markdown_front_matter_and_headings() -> None:
    md = (
        '---\ntitle: "Ein Titel: mit Doppelpunkt"\ndate: 23. Dezember 2021\nsource: Testblatt\n'
        "url: https://example.org/a\ntags: [Politik, Nato]\n---\n\n# Ein Titel: mit Doppelpunkt\n\n"
        f"{GERMAN}\n\n## Zwischentitel\n\nEin **fetter** Satz mit [Link](https://x.org) und mehr Text.\n\n- erster Punkt\n- zweiter Punkt\n"
    )
    article = parse_document(md.encode(), "a.md")
    assert (article.title, article.date, article.source, article.url) == (
        "Ein Titel: mit Doppelpunkt",
        "2021-12-23",
        "Testblatt",
        "https://example.org/a",
    )
    assert article.tags == ["Politik", "Nato"]
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == GERMAN  # title not repeated
    assert paragraphs.index("Zwischentitel") in article.headings
    assert "Ein fetter Satz mit Link und mehr Text." in paragraphs
    assert paragraphs[-2:] == ["erster Punkt", "zweiter Punkt"]
    assert article.lang == "de"


def test_markdown_block_list_tags_and_no_front_matter() -> None:
    article = parse_document(f"---\ntags:\n  - one\n  - 'two'\n---\n{ENGLISH}\n".encode(), "b.md")
    assert article.tags == ["one", "two"]
    plain = parse_document(f"# Headline here\n\n{ENGLISH}\n".encode(), "c.md")
    assert plain.title == "Headline here" and plain.text == ENGLISH
    bare = parse_document(f"A headline without markup\n\n{ENGLISH}\n\n{ENGLISH}\n".encode(), "d.md")
    assert bare.title == "A headline without markup" and bare.text == f"{ENGLISH}\n\n{ENGLISH}"
    untitled = parse_document(f"{ENGLISH}\n\n{ENGLISH}\n".encode(), "e.md")
    assert untitled.title is None


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("23. Dezember 2021", "2021-12-23"),
        ("12.01.2022", "2022-01-12"),
        ("Jan. 12, 2022", "2022-01-12"),
        ("2022-01-12", "2022-01-12"),
        ("2022-01-12T23:30:00+01:00", "2022-01-12"),
        ("3. März 2020", "2020-03-03"),
        ("Friday, December 23, 2016", "2016-12-23"),
        ("Mittwoch, 12. Januar 2022, 14:05 Uhr", "2022-01-12"),
        ("12 January 2022", "2022-01-12"),
        ("2016/05/08", "2016-05-08"),
        ("12.1.22", "2022-01-12"),
        ("March 2021", None),
        ("gestern", None),
        ("", None),
        (None, None),
        ("31.02.2022", None),
    ],
)
def test_dates_in_german_and_english_forms(raw: str | None, iso: str | None) -> None:
    assert parse_date(raw) == iso


def test_language_from_text() -> None:
    assert detect_lang(GERMAN) == "de"
    assert detect_lang(ENGLISH) == "en"
    assert detect_lang("12 3") is None


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),
        lambda t: t.encode("utf-16-le"),
        lambda t: t.encode("cp1252"),
        lambda t: t.encode("utf-8").decode("cp1252").encode("utf-8"),
        lambda t: t.encode("utf-8").decode("latin-1").encode("utf-8"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16-bom",
        "utf16-le-no-bom",
        "cp1252",
        "mojibake-cp1252",
        "mojibake-latin1",
    ],
)
def test_encodings_decode_to_the_same_text(encode) -> None:
    text = (
        "Ein Titel für Straßen\n\nFür die Bürger: „Über Größe“, sagte der Bürgermeister – und ging. "
        + GERMAN
    )
    article = parse_document(encode(text), "enc.txt")
    assert "Für die Bürger: „Über Größe“" in article.text
    assert "Ã" not in article.text and "\ufeff" not in article.text


def test_mojibake_that_cannot_be_repaired_is_refused() -> None:
    mixed = ("Titel der Meldung\nDie Straße ist FÃ¼r alle da, â€žsagte erâ€œ. " + GERMAN).encode(
        "utf-8"
    )
    assert "Die Straße ist Für alle da, „sagte er“." in parse_document(mixed, "m.txt").text
    broken = ("Titel der Meldung\nDas ist FÃ¼¼r die Straße. " + GERMAN).encode("utf-8")
    with pytest.raises(ImportFailure, match="mojibake"):
        parse_document(broken, "m.txt")


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"%PDF-1.7\n...", "a.txt", "PDF"),
        (b"\x89PNG\r\n\x1a\n....", "a.html", "PNG"),
        (b"\xff\xd8\xff\xe0....", "a.md", "JPEG"),
        (b"PK\x03\x04....", "a.txt", "ZIP"),
        (b"\x1f\x8b\x08....", "a.txt", "gzip"),
        (b"GIF89a....", "a.txt", "GIF"),
        (b"text\x00with\x00nul\x01\x02\x03 binary junk here", "a.txt", "NUL"),
        (b"", "a.txt", "empty"),
        (b"  \n\t \n", "a.md", "empty"),
        (b"hello", "a.docx", "unsupported"),
        (b"Home\nMenu\nSubscribe\nSign in\n", "nav.txt", "no article text"),
        (bytes(range(0x80, 0x100)) * 4, "high.txt", "cannot decode"),
    ],
)
def test_bad_input_gets_a_one_line_reason(data: bytes, name: str, reason: str) -> None:
    with pytest.raises(ImportFailure) as failure:
        parse_document(data, name)
    message = str(failure.value)
    assert reason in message and "\n" not in message and name not in message


def test_too_large_file_is_refused() -> None:
    with pytest.raises(ImportFailure, match="too large"):
        parse_document(b"a" * (MAX_BYTES + 1), "big.txt")


def test_jsonl_good_and_bad_lines() -> None:
    lines = [
        f'{{"text": "{ENGLISH}", "title": "One", "date": "Jan. 12, 2022", "source": "Wire", "tags": ["x"]}}',
        "not json",
        '{"title": "no text"}',
        "",
        f'{{"text": "{GERMAN}\\n\\nZweiter Absatz.", "lang": "DE"}}',
        '["a list"]',
    ]
    results = list(iter_jsonl("\n".join(lines).encode(), "c.jsonl"))
    numbers = [n for n, _ in results]
    assert numbers == [1, 2, 3, 5, 6]
    first, bad_json, no_text, german, not_object = (r for _, r in results)
    assert (first.title, first.date, first.source, first.lang, first.tags) == (
        "One",
        "2022-01-12",
        "Wire",
        "en",
        ["x"],
    )
    assert isinstance(bad_json, ImportFailure) and "JSON" in str(bad_json)
    assert isinstance(no_text, ImportFailure) and "text" in str(no_text)
    assert (
        german.lang == "de"
        and german.text.endswith("\n\nZweiter Absatz.")
        and german.format == "jsonl"
    )
    assert isinstance(not_object, ImportFailure)


def test_collect_files(tmp_path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for name in ("b.txt", "a.html", "sub/c.md", "sub/d.jsonl", "skip.pdf", ".hidden.txt"):
        (folder / name).write_text("x")
    (tmp_path / "empty").mkdir()
    (tmp_path / "note.docx").write_text("x")
    got = list(
        collect_files(
            [
                str(folder),
                str(tmp_path / "empty"),
                str(tmp_path / "missing.txt"),
                str(tmp_path / "note.docx"),
            ]
        )
    )
    assert [p for p, r in got if r is None] == [
        str(folder / n) for n in ("a.html", "b.txt", "sub/c.md", "sub/d.jsonl")
    ]
    reasons = {p: r for p, r in got if r}
    assert reasons[str(tmp_path / "empty")] == "no articles in folder"
    assert "no such file" in reasons[str(tmp_path / "missing.txt")]
    assert "unsupported" in reasons[str(tmp_path / "note.docx")]


def test_content_key_matches_across_formats_and_differs_across_stories() -> None:
    html = f"<html><body><article><h1>Gleicher Titel</h1><p>{GERMAN}</p><p>{GERMAN[:60]} und so weiter.</p></article></body></html>"
    text = f"Menü\nStartseite\nGleicher Titel\n12.01.2022\n{GERMAN}\n{GERMAN[:60]} und so weiter.\nTeilen\n"
    a, b = parse_document(html.encode(), "a.html"), parse_document(text.encode(), "a.txt")
    assert content_key(a.text) == content_key(b.text)
    assert content_key("Hello,  World!") == content_key("hello world")
    assert content_key(GERMAN) != content_key(ENGLISH)


def test_soft_hyphens_are_removed() -> None:
    article = parse_document(
        f"Ener\u00adgie\u00adpreise sinken\n{GERMAN} Die Ener\u00adgie\u00adpreise sinken.\n".encode(),
        "x.txt",
    )
    assert "\u00ad" not in article.text and "Energiepreise sinken." in article.text


def test_control_characters_are_stripped() -> None:
    article = parse_document(f"Titel der Meldung hier\n\x1b[31m{GERMAN}\x07\n".encode(), "x.txt")
    assert "\x1b" not in article.text and "\x07" not in article.text and "[31m" not in article.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.binary(max_size=3000),
    ext=st.sampled_from([".txt", ".md", ".html", ".htm", ".jsonl", ".xyz"]),
)
def test_arbitrary_bytes_never_raise_anything_but_import_failure(data: bytes, ext: str) -> None:
    try:
        if ext == ".jsonl":
            for _, result in iter_jsonl(data, "f.jsonl"):
                assert isinstance(
                    result,
                    (ImportFailure, type(parse_document(b"Titel\n" + GERMAN.encode(), "x.txt"))),
                )
        else:
            parse_document(data, "f" + ext)
    except ImportFailure as failure:
        assert str(failure) and "\n" not in str(failure)


def test_importing_the_importer_loads_no_heavy_library() -> None:
    code = (
        "import sys, reader.importing.importer; "
        "print([m for m in ('trafilatura', 'lxml', 'py3langid', 'textual') if m in sys.modules])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_content_key_survives_a_small_difference_at_the_edges() -> None:
    story = "\n\n".join(
        f"Im Abschnitt {n} berichtet die Zeitung über die Sitzung des Kreistags, in der die Abgeordneten "
        f"über den Haushalt, die Schulen, die Straßen und die Busverbindungen im Landkreis stritten."
        for n in range(12)
    )
    with_footer = story + "\n\nDieser Text erschien zuerst im Kreisboten."
    # content_key is a MinHash signature now; the library verifies candidates on the bodies
    from reader.importing.dedupe import same_story, shingle_hashes

    def same(a: str, b: str) -> bool:
        return same_story(set(shingle_hashes(a)), set(shingle_hashes(b)))

    assert same(story, with_footer)
    other = story.replace(
        "berichtet die Zeitung über die Sitzung des Kreistags", "kommentiert ein Leser den Streit"
    )
    assert not same(story, other) and content_key(story) != content_key(other)


def test_misnamed_files_are_read_as_what_they_are() -> None:
    page = f"<!DOCTYPE html><html><head><title>Ein Titel</title></head><body><article><h1>Ein Titel</h1><p>{GERMAN}</p><p>{GERMAN}</p></article></body></html>"
    as_txt = parse_document(page.encode(), "saved.txt")
    assert "<p>" not in as_txt.text and as_txt.title == "Ein Titel"
    as_html = parse_document(f"Ein Titel\n{GERMAN}\n".encode(), "plain.html")
    assert as_html.text == GERMAN and as_html.title == "Ein Titel"


def test_markdown_trailing_tags_share_credit_and_related_lines_are_not_story() -> None:
    md = (
        "---\ntitle: Fähre fällt aus\ndate: 2023-02-01\n---\n\n# Fähre fällt aus\n\n"
        f"{GERMAN}\n\n{GERMAN}\n\n*Mitarbeit: Jonas Beispiel*\n\n**Mehr zum Thema**\n\n"
        "Hafen: Warum die Fähren so oft ausfallen\n\n*Schlagworte: Verkehr, Hafen, Inseln*\n\nTeilen\n"
    )
    article = parse_document(md.encode(), "faehre.md")
    assert article.text == f"{GERMAN}\n\n{GERMAN}"
    assert article.tags == ["Verkehr", "Hafen", "Inseln"]  # front matter has none
    english = (
        "---\ntitle: Ferry cancelled\ntags: [transport]\n---\n\n"
        f"{ENGLISH}\n\n{ENGLISH}\n\n_Additional reporting by Jane Example._\n\nTags: ferries, islands\n"
    )
    article = parse_document(english.encode(), "ferry.md")
    assert article.text == f"{ENGLISH}\n\n{ENGLISH}"
    assert article.tags == ["transport"]  # front matter wins


def test_markdown_story_paragraph_mentioning_tags_and_sharing_stays() -> None:
    last = (
        "Share prices fell by a tenth: the company said tags on its products would now cost more."
    )
    article = parse_document(f"# Prices\n\n{ENGLISH}\n\n{last}\n".encode(), "prices.md")
    assert article.text.split("\n\n")[-1] == last
    assert article.tags == []


def test_markdown_byline_and_dateline_at_the_top_leave_the_body_and_give_the_date() -> None:
    md = f"# Fähre fällt aus\n\n*Von Erika Muster · 3. Mai 2024 · Lesezeit 2 Minuten*\n\n{GERMAN}\n\n{GERMAN}\n"
    article = parse_document(md.encode(), "byline.md")
    assert article.title == "Fähre fällt aus" and article.date == "2024-05-03"
    assert article.text == f"{GERMAN}\n\n{GERMAN}"
    fronted = f"---\ndate: 2024-05-04\n---\n\nBy Jane Example\n\n{ENGLISH}\n"
    article = parse_document(fronted.encode(), "fronted.md")
    assert article.date == "2024-05-04" and article.text == ENGLISH  # front matter wins


def test_text_with_terminal_colour_codes_imports_with_the_codes_stripped() -> None:
    """A terminal capture (valid UTF-8 full of ANSI colour codes) is text, not binary."""
    body = (
        "Regierung legt Haushaltsplan vor\n\n"
        "\x1b[31mDie Ministerin sagte, der Plan sei fertig.\x1b[0m Der Entwurf soll im Juni "
        "im Kabinett beraten werden, teilte das Ministerium am Dienstag in Berlin mit.\n\n"
        "\x1b[2JDie Opposition kritisierte den Zeitplan als zu knapp. Die Länder forderten "
        "mehr Mitsprache bei den Ausgaben für Schulen und Krankenhäuser.\n\n"
        "Ein Sprecher des Finanzministeriums erklärte, die Zahlen würden bis Ende der Woche "
        "veröffentlicht. Experten rechnen mit einer langen Debatte im Bundestag.\n"
    )
    body = body.replace(" ", " \x1b[1m", 40)  # a capture with a code before many words
    parsed = parse_document(body.encode("utf-8"), "capture.txt")
    assert "\x1b" not in parsed.text
    assert "[31m" not in parsed.text
    assert "Die Ministerin sagte, der Plan sei fertig." in parsed.text


def test_control_junk_is_refused_with_the_real_reason() -> None:
    junk = bytes(range(1, 9)) * 200 + b"Text"
    with pytest.raises(ImportFailure, match="control characters"):
        parse_document(junk, "junk.txt")
