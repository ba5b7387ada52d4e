"""Markdown import: YAML front matter read as YAML, the body rendered by a Markdown parser, and
a Markdown document on stdin recognised by its content (issue 11)."""

from __future__ import annotations

import io
import sys

import pytest
from test_cli_support import imported_ids, list_json, run

from reader.importing.importer import ImportFailure, parse_document

STORY = (
    "Die Stadtwerke haben am Dienstag angekündigt, die Preise für Fernwärme im kommenden Winter "
    "nicht zu erhöhen, obwohl die Kosten für Gas weiter gestiegen sind."
)
MORE = (
    "Ein Sprecher sagte, man wolle die Haushalte entlasten und nehme dafür einen geringeren "
    "Gewinn in Kauf, wie er am Rande einer Sitzung des Aufsichtsrats erklärte."
)


def test_front_matter_is_yaml_folded_quoted_nested_and_escaped() -> None:
    md = (
        "---\n"
        "title: >\n  Stadtwerke halten\n  die Preise\n"
        'tags: [Energie, "Wärme, Fernwärme"]\n'
        "author:\n  name: Erika Beispiel\n  role: Redaktion\n"
        'source: "Caf\\u00e9 Kurier"\n'
        "date: 2023-11-07\n"
        "---\n\n"
        f"{STORY}\n\n{MORE}\n"
    )
    article = parse_document(md.encode(), "preise.md")
    assert article.title == "Stadtwerke halten die Preise"
    assert article.tags == ["Energie", "Wärme, Fernwärme"]
    assert article.source == "Café Kurier"
    assert article.date == "2023-11-07"
    assert article.text == f"{STORY}\n\n{MORE}"


@pytest.mark.parametrize(
    "block",
    [
        'title: "never closed\n',
        "title: [a, b\n",
        "- just\n- a list\n",
        "title: a\n  bad: indent\n",
    ],
)
def test_front_matter_that_is_not_yaml_is_a_one_line_import_error(block: str) -> None:
    with pytest.raises(ImportFailure) as caught:
        parse_document(f"---\n{block}---\n\n{STORY}\n".encode(), "broken.md")
    message = str(caught.value)
    assert message.startswith("front matter is not valid YAML")
    assert "\n" not in message


def test_body_markup_never_reaches_the_text() -> None:
    md = (
        "# Fernwärme bleibt gleich teuer\n\n"
        f"{STORY} Mehr steht im [Bericht][1] und auf der <b>Webseite</b> der Stadt.\n\n"
        "Preise \\*ohne\\* Gewähr, 5 \\< 7.\n\n"
        "![Ein Heizkraftwerk am Fluss](werk.jpg)\n\n"
        "| Jahr | Preis |\n|---|---|\n| 2022 | 11 Cent |\n| 2023 | 12 Cent |\n\n"
        '<div class="box">Ein Kasten mit <i>Hinweis</i></div>\n\n'
        "<!-- ein Kommentar der Redaktion -->\n\n"
        "```\nkosten = menge * preis\n```\n\n"
        f"{MORE}\n\n"
        '[1]: https://example.org/bericht "Der Bericht"\n'
    )
    article = parse_document(md.encode(), "markup.md")
    paragraphs = article.text.split("\n\n")
    assert article.title == "Fernwärme bleibt gleich teuer"
    assert paragraphs[0].endswith("Mehr steht im Bericht und auf der Webseite der Stadt.")
    assert "Preise *ohne* Gewähr, 5 < 7." in paragraphs
    assert "Jahr | Preis" in paragraphs and "2023 | 12 Cent" in paragraphs
    assert "Ein Kasten mit Hinweis" in paragraphs
    assert "kosten = menge * preis" in paragraphs
    for markup in ("[1]", "https://", "<b>", "</b>", "\\*", "Heizkraftwerk", "Kommentar", "|---"):
        assert markup not in article.text, markup
    assert paragraphs[-1] == MORE


def test_markdown_on_stdin_is_read_as_markdown() -> None:
    md = f"---\ntitle: Mein Test\nsource: Testblatt\n---\n\n# Mein Test\n\n{STORY}\n\n{MORE}\n"
    by_path = parse_document(md.encode(), "test.md")
    piped = parse_document(md.encode(), "-")
    assert (piped.title, piped.source, piped.text) == (by_path.title, by_path.source, by_path.text)
    assert piped.title == "Mein Test" and piped.source == "Testblatt"
    assert piped.format == "stdin" and not piped.text.startswith("#")
    headed = parse_document(f"# Ein Titel\n\n{STORY}\n\n- erster Punkt\n".encode(), "-")
    assert headed.title == "Ein Titel" and "#" not in headed.text


def test_plain_text_on_stdin_with_a_hash_or_dashes_stays_plain_text() -> None:
    hashtag = f"#Stadtwerke\n{STORY}\n{MORE}\n"
    assert "#Stadtwerke" not in parse_document(hashtag.encode(), "-").text.split("\n\n")[1:]
    rule = f"---\n{STORY}\n---\n{MORE}\n"
    article = parse_document(rule.encode(), "-")
    assert STORY in article.text and MORE in article.text


def test_cli_import_of_markdown_on_stdin_keeps_title_and_source(capsys, monkeypatch) -> None:
    md = f"---\ntitle: Mein Test\nsource: Testblatt\n---\n\n# Mein Test\n\n{STORY}\n\n{MORE}\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(md.encode("utf-8"))))
    code, out, err = run(capsys, "import", "-")
    assert code == 0, err
    assert len(imported_ids(out)) == 1
    row = next(r for r in list_json(capsys) if r["title"] == "Mein Test")
    assert row["source"] == "Testblatt"


def test_cli_broken_front_matter_on_stdin_is_one_error_line(capsys, monkeypatch) -> None:
    md = f'---\ntitle: "never closed\n---\n\n{STORY}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(md.encode("utf-8"))))
    code, out, err = run(capsys, "import", "-")
    assert code == 1 and out == ""
    assert err.startswith("error -: front matter is not valid YAML") and len(err.splitlines()) == 1
