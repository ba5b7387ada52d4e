"""The CLI of studies with several coders: config coder, codebook, code, agreement, and the
flow of two libraries that code the same articles (issue 17)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_cli_support import list_json, run

from annotations.codebook import CodebookError, parse

BOOK = """\
version = 2
name = "Harbour study"

[[category]]
name = "frame/conflict"
definition = "Two sides are opposed."
examples = ["The council and the unions traded blame."]

[[category]]
name = "frame/economy"
definition = "Money, jobs, prices."
applies_to = ["article", "passage"]

[[category]]
name = "tone/negative"
definition = "The article expects harm."

[[set]]
parent = "frame"
exclusive = true
"""


def _book(tmp_path: Path, text: str = BOOK, name: str = "book.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_codebook_parses_the_readme_schema() -> None:
    book = parse(BOOK.encode(), "book.toml")
    assert book.version == 2 and book.name == "Harbour study"
    assert [c.name for c in book.in_set("frame")] == ["frame/conflict", "frame/economy"]
    assert book.set_of("Frame").exclusive is True
    assert book.category("frame/economy").applies_to == ("article", "passage")
    assert book.category("tone/negative").applies_to == ("article", "passage", "quote")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("version = 1\n[[category]]\nname = 'a'\n", "category 1 (a): field 'definition'"),
        ("[[category]]\nname = 'a'\ndefinition = 'x'\n", "field 'version'"),
        ("version = 1\n", "no categories"),
        ("version = 1\n[[category]]\ndefinition = 'x'\n", "category 1: field 'name'"),
        (
            "version = 1\n[[category]]\nname = 'a'\ndefinition = 'x'\napplies_to = ['page']\n",
            "category 1 (a): field 'applies_to': 'page'",
        ),
        (
            "version = 1\n[[category]]\nname = 'a'\ndefintion = 'x'\n",
            "category 1 (a): unknown field 'defintion'",
        ),
        (
            "version = 1\n[[category]]\nname = 'a'\ndefinition = 'x'\n"
            "[[category]]\nname = 'A'\ndefinition = 'y'\n",
            "category 2 (A): field 'name' repeats category 1",
        ),
        (
            "version = 1\n[[category]]\nname = 'a/b'\ndefinition = 'x'\n[[set]]\nparent = 'c'\n",
            "set 1 (c): field 'parent' has no categories",
        ),
        (
            "version = 1\n[[category]]\nname = 'a/b'\ndefinition = 'x'\n"
            "[[set]]\nparent = 'a'\nexclusive = 'yes'\n",
            "set 1 (a): field 'exclusive'",
        ),
        (
            "version = 1\n[[category]]\nname = 'a'\ndefinition = 'x'\nexamples = 'one'\n",
            "field 'examples'",
        ),
        ("version = = 1\n", "not valid TOML"),
    ],
)
def test_codebook_errors_name_the_file_and_the_field(tmp_path, capsys, text, message) -> None:
    path = _book(tmp_path, text)
    with pytest.raises(CodebookError, match=re.escape(message)):
        parse(text.encode(), path)
    code, out, err = run(capsys, "codebook", "import", str(path))
    assert code == 1 and out == ""
    assert err.startswith(f"reader: error {path}: ") and message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (Path(tmp_path / "library") / "codebook.toml").exists()


def test_config_coder(capsys, library_dir: Path) -> None:
    code, out, _ = run(capsys, "config", "coder")
    assert code == 0 and "the system user name" in out
    assert run(capsys, "config", "coder", "  Ada   Lovelace ")[1] == "coder: Ada Lovelace\n"
    assert run(capsys, "config", "coder")[1] == "coder: Ada Lovelace\n"
    for bad, why in (
        ("final", "reserved"),
        ("FINAL", "reserved"),
        ("a,b", "comma"),
        (" ", "empty"),
    ):
        code, out, err = run(capsys, "config", "coder", bad)
        assert code == 1 and why in err and len(err.splitlines()) == 1
    assert json.loads((library_dir / "settings.json").read_text())["coder"] == "Ada Lovelace"


def _samples(capsys) -> list[dict]:
    assert run(capsys, "import", "--samples")[0] == 0
    return list_json(capsys)


def test_code_article_passage_quote_and_their_errors(capsys, tmp_path) -> None:
    rows = _samples(capsys)
    run(capsys, "config", "coder", "ada")
    assert run(capsys, "codebook", "import", str(_book(tmp_path)))[0] == 0
    article = next(r for r in rows if r["quotes"] > 0 and r["lang"] == "en")["id"]
    code, out, err = run(capsys, "code", article, "frame/conflict")
    assert (code, out, err) == (0, f"coded {article} frame/conflict (coder ada)\n", "")
    # a tag outside the codebook is applied, with a warning
    code, out, err = run(capsys, "code", article, "bogus/tag")
    assert code == 0 and err == "warning: bogus/tag is not in the codebook\n"
    data = json.loads(run(capsys, "export", article, "--format", "json")[1])
    coded = data["articles"][0]["coded"]
    assert {(c["tag"], c["coder"], c["codebook"]) for c in coded} >= {
        ("frame/conflict", "ada", 2),
        ("bogus/tag", "ada", 2),
    }
    quote = data_quote(capsys, article)
    code, out, err = run(
        capsys,
        "code",
        article,
        "tone/negative",
        "--quote",
        f"{article}:{quote['start']}-{quote['end']}",
    )
    assert code == 0, err
    note_id = out.split()[1]
    notes = json.loads(run(capsys, "notes", article, "--json")[1])
    (coded_quote,) = [n for n in notes if n["id"] == note_id]
    assert coded_quote["quote"] == f"{article}:{quote['start']}-{quote['end']}"
    assert coded_quote["coder"] == "ada" and coded_quote["codebook"] == 2
    assert coded_quote["passage"]["start"] == quote["start"]
    # frame/economy does not apply to quotes in the codebook: applied, with a warning
    code, _, err = run(
        capsys,
        "code",
        article,
        "frame/economy",
        "--quote",
        f"{article}:{quote['start']}-{quote['end']}",
    )
    assert code == 0 and "applies to article, passage in the codebook, not to a quote" in err
    for bad, reason in (
        (f"{article}:1-2", "no quotation with this span"),
        ("nonsense", "not a quote id"),
        (f"ffffffff:{quote['start']}-{quote['end']}", "not of"),
    ):
        code, out, err = run(capsys, "code", article, "tone/negative", "--quote", bad)
        assert code == 1 and err.startswith(f"error {bad}: ") and reason in err
    code, out, err = run(
        capsys, "code", article, "tone/negative", "--passage", "no such words here"
    )
    assert code == 1 and err.startswith(f"reader: article {article}:")
    code, _, err = run(capsys, "code", article, "x", "--passage", "a", "--quote", "b")
    assert code == 2


def data_quote(capsys, article: str) -> dict:
    """The article's first direct quotation with its span (from reader analyze on its text)."""
    from reader.library.store import Library
    from reader.paths import library_dir

    analysis = Library(library_dir()).analysis(article)
    q = next(q for q in analysis.quotes if q.kind == "direct" and not getattr(q, "relay", False))
    return {"start": q.start, "end": q.end, "text": q.text}


def test_codebook_show_check_done(capsys, tmp_path) -> None:
    rows = _samples(capsys)
    code, _, err = run(capsys, "codebook", "show")
    assert code == 1 and "no codebook" in err
    run(capsys, "codebook", "import", str(_book(tmp_path)))
    code, out, _ = run(capsys, "codebook", "show")
    assert code == 0 and "version 2: 3 categories" in out and "Two sides are" in out
    assert "set frame: exclusive" in out
    shown = json.loads(run(capsys, "codebook", "show", "--json")[1])
    assert shown["sets"] == [{"parent": "frame", "exclusive": True}]
    code, out, _ = run(capsys, "codebook", "check")
    assert code == 1 and "not in the codebook: sample (10)" in out
    checked = json.loads(run(capsys, "codebook", "check", "--json")[1])
    assert {"tag": "sample", "count": 10} in checked
    assert all(c["tag"] not in ("frame/conflict", "frame") for c in checked)
    run(capsys, "rm", "--tag", "sample", "--with-notes")
    assert run(capsys, "codebook", "check")[:2] == (0, "every tag in use is in the codebook\n")
    run(capsys, "import", "--samples")
    article = rows[0]["id"]
    run(capsys, "config", "coder", "ada")
    assert run(capsys, "codebook", "done", article)[1] == f"done {article} (coder ada)\n"
    assert run(capsys, "codebook", "done", article)[1].endswith("(already)\n")
    assert run(capsys, "codebook", "done", article, "--undo")[1].startswith("not done")
    assert run(capsys, "codebook", "done")[0] == 2


def _as(monkeypatch, home: Path) -> None:
    monkeypatch.setenv("READER_HOME", str(home))


def test_flow_two_libraries_code_export_import_agreement(capsys, tmp_path, monkeypatch) -> None:
    """Two coders, each in their own library (READER_HOME), code the same three articles;
    ben exports, ada imports; the agreement table is the one computed by hand."""
    book = _book(tmp_path)
    ada_home, ben_home = tmp_path / "ada", tmp_path / "ben"
    for home, name in ((ada_home, "ada"), (ben_home, "ben")):
        _as(monkeypatch, home)
        rows = _samples(capsys)
        run(capsys, "config", "coder", name)
        run(capsys, "codebook", "import", str(book))
    first, second, third = (r["id"] for r in rows[:3])
    codes = {
        "ada": {first: "frame/conflict", second: "frame/economy", third: "frame/economy"},
        "ben": {first: "frame/conflict", second: "frame/conflict", third: "frame/economy"},
    }
    for name, home in (("ada", ada_home), ("ben", ben_home)):
        _as(monkeypatch, home)
        for article, tag in codes[name].items():
            assert run(capsys, "code", article, tag)[0] == 0
        run(capsys, "code", first, "tone/negative")  # both: tone/negative on the first
    _as(monkeypatch, ben_home)
    export = tmp_path / "ben.json"
    assert run(capsys, "export", "--format", "json", "-o", str(export))[0] == 0
    _as(monkeypatch, ada_home)
    code, out, err = run(capsys, "import-annotations", str(export))
    assert code == 0, err
    code, out, err = run(capsys, "agreement", "--tag-set", "frame", "--format", "json")
    assert code == 0, err
    result = json.loads(out)
    assert list(result) == ["unit", "coders", "categories", "overall"]
    assert result["unit"] == "article" and result["coders"] == ["ada", "ben"]
    # by hand: values (C,C) (E,C) (E,E): alpha = 4/9 (see test_coders_agreement), 2 of 3 agree
    assert list(result["overall"]) == ["alpha", "agreement", "units", "method"]
    assert result["overall"]["method"] == "nominal" and result["overall"]["units"] == 3
    assert result["overall"]["alpha"] == pytest.approx(4 / 9)
    assert result["overall"]["agreement"] == pytest.approx(2 / 3)
    assert [c["tag"] for c in result["categories"]] == ["frame/conflict", "frame/economy"]
    for row in result["categories"]:
        assert list(row) == ["tag", "alpha", "agreement", "units"]
        assert row["alpha"] == pytest.approx(4 / 9) and row["units"] == 3
    code, out, _ = run(capsys, "agreement", "--tag-set", "frame")
    assert code == 0 and "agreement of ada, ben on 3 articles coded by all" in out
    assert "overall (nominal alpha over the exclusive set)" in out and "0.444" in out
    # every category, not exclusive: the mean; tone/negative: both coded it on the same
    # article only, so all agree, and alpha is 1 over that binary split
    every = json.loads(run(capsys, "agreement", "--format", "json")[1])
    assert every["overall"]["method"] == "mean"
    tone = next(c for c in every["categories"] if c["tag"] == "tone/negative")
    assert tone["alpha"] == pytest.approx(1.0) and tone["agreement"] == 1.0
    assert every["overall"]["alpha"] == pytest.approx((4 / 9 + 4 / 9 + 1) / 3)
    # ben's codes sit beside ada's: the export of ben's alone has ben's three
    data = json.loads(run(capsys, "export", "--coder", "ben", "--format", "json")[1])
    bens = {
        (a["id"], c["tag"])
        for a in data["articles"]
        for c in a["coded"]
        if c["tag"].startswith("frame/")
    }
    assert bens == {(a, t) for a, t in codes["ben"].items()}
    # errors: one coder, an unknown coder, an unknown unit
    code, _, err = run(capsys, "agreement", "--coders", "ada")
    assert code == 1 and "two coders or more" in err
    code, _, err = run(capsys, "agreement", "--coders", "ada,zed")
    assert code == 1 and "coder zed has no codes" in err
    assert run(capsys, "agreement", "--unit", "page")[0] == 2


def test_final_codes_export_alone(capsys, tmp_path) -> None:
    rows = _samples(capsys)
    article = rows[0]["id"]
    from reader.library.store import Library
    from reader.paths import library_dir

    store = Library(library_dir()).annotations
    store.tag_article(article, ["frame/conflict"], coder="final")
    store.tag_article(article, ["frame/economy"], coder="ada")
    data = json.loads(run(capsys, "export", "--coder", "final", "--format", "json")[1])
    assert [a["id"] for a in data["articles"]] == [article]
    assert data["articles"][0]["tags"] == ["frame/conflict"]
    md = run(capsys, "export", "--coder", "final")[1]
    assert "frame/conflict" in md and "frame/economy" not in md


def test_untag_leaves_a_colleagues_tag_and_says_so(capsys) -> None:
    rows = _samples(capsys)
    article = rows[0]["id"]
    from reader.library.store import Library
    from reader.paths import library_dir

    Library(library_dir()).annotations.tag_article(article, ["frame/conflict"], coder="ben")
    run(capsys, "config", "coder", "ada")
    run(capsys, "tag", article, "frame/conflict")
    code, out, err = run(capsys, "untag", article, "frame/conflict")
    assert code == 0 and "frame/conflict" in out
    assert err == "still tagged by other coders (ben): frame/conflict\n"
    codes = Library(library_dir()).annotations.article_codes(article)
    assert [c.coder for c in codes if c.tag == "frame/conflict"] == ["ben"]
