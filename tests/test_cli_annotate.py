"""``tag``, ``untag``, ``note`` (add, --edit, --delete), ``notes``, ``tags`` from the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli_support import ARTICLE, GERMAN, imported_ids, list_json, run, write


@pytest.fixture
def two(capsys, tmp_path: Path) -> list[str]:
    code, out, err = run(
        capsys,
        "import",
        str(write(tmp_path / "en.txt", ARTICLE)),
        str(write(tmp_path / "de.txt", GERMAN)),
    )
    assert code == 0, err
    return imported_ids(out)


def tags_of(capsys, article: str) -> list[str]:
    return next(r["tags"] for r in list_json(capsys) if r["id"] == article)


def notes_json(capsys, *argv: str) -> list[dict]:
    code, out, err = run(capsys, "notes", "--json", *argv)
    assert code == 0, err
    return json.loads(out)


def test_tags_keep_case_and_compare_without_it(capsys, two) -> None:
    en, _ = two
    assert run(capsys, "tag", en[:6], "Frame/Conflict", "Economy")[0] == 0
    assert run(capsys, "tag", en, "economy", "ECONOMY")[0] == 0  # already there: no change
    assert tags_of(capsys, en) == ["Frame/Conflict", "Economy"]
    assert run(capsys, "untag", en, "absent-tag")[0] == 0  # not an error
    assert run(capsys, "untag", en, "ECONOMY")[0] == 0
    assert tags_of(capsys, en) == ["Frame/Conflict"]


def test_list_by_tag_finds_children(capsys, two) -> None:
    en, de = two
    run(capsys, "tag", en, "frame/conflict")
    run(capsys, "tag", de, "framework")
    assert [r["id"] for r in list_json(capsys, "--tag", "FRAME")] == [en]
    assert list_json(capsys, "--tag", "nothing") == []


def test_tag_unknown_article_fails(capsys, two) -> None:
    code, out, err = run(capsys, "tag", "ffffffff0", "x")
    assert code == 1 and err.strip() == "reader: no article with id ffffffff0"


def test_note_on_article_and_on_a_passage(capsys, two) -> None:
    en, _ = two
    code, out, _ = run(capsys, "note", en, "General remark")
    assert code == 0 and out.startswith("noted ")
    code, out, err = run(capsys, "note", en, "Who is she?", "--passage", "said Anna  Berg")
    assert code == 0, err
    note_id = out.split()[1]
    notes = notes_json(capsys, en)
    assert len(notes) == 2
    passage_note = next(n for n in notes if n["id"] == note_id)
    assert set(passage_note) >= {
        "id",
        "article",
        "text",
        "tags",
        "passage",
        "orphan",
        "created",
        "updated",
    }
    p = passage_note["passage"]
    assert p["exact"] == "said Anna Berg" and p["end"] - p["start"] == len("said Anna Berg")
    assert p["prefix"].endswith('any longer," ') and p["suffix"].startswith(", the minister")
    assert passage_note["article"] == en and passage_note["orphan"] is False
    article_note = next(n for n in notes if n["id"] != note_id)
    assert article_note["passage"] is None


def test_passage_not_found_or_found_twice_is_an_error(capsys, two) -> None:
    en, _ = two
    code, _, err = run(capsys, "note", en, "x", "--passage", "words nobody wrote")
    assert code == 1 and "not found" in err and len(err.splitlines()) == 1
    code, _, err = run(capsys, "note", en, "x", "--passage", "minister had signed")
    assert code == 1 and "2 times" in err
    assert notes_json(capsys) == []


def test_note_edit_and_delete(capsys, two) -> None:
    en, _ = two
    note_id = run(capsys, "note", en, "first")[1].split()[1]
    assert run(capsys, "note", "--edit", note_id, "second", "--tag", "Check")[0] == 0
    [note] = notes_json(capsys)
    assert (note["text"], note["tags"]) == ("second", ["Check"])
    assert note["updated"] >= note["created"]
    assert run(capsys, "note", "--delete", note_id)[0] == 0
    assert notes_json(capsys) == []
    code, _, err = run(capsys, "note", "--delete", note_id)
    assert code == 1 and note_id in err
    code, _, err = run(capsys, "note", "--edit", "nosuchnote", "text")
    assert code == 1 and err.startswith("reader: ")


@pytest.mark.parametrize(
    "argv",
    [
        ["note"],
        ["note", "abc"],
        ["note", "a", "b", "c"],
        ["note", "--edit", "x"],
        ["note", "--edit", "x", "t", "--delete", "y"],
        ["note", "--delete", "x", "extra"],
    ],
)
def test_note_bad_usage_exits_2(capsys, argv) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2 and len(err.splitlines()) == 1


def test_notes_tag_selects_tagged_notes_and_notes_on_tagged_articles(capsys, two) -> None:
    en, de = two
    on_tagged_article = run(capsys, "note", en, "n1")[1].split()[1]
    tagged_note = run(capsys, "note", de, "n2", "--tag", "Review/Later")[1].split()[1]
    run(capsys, "note", de, "n3")
    run(capsys, "tag", en, "review")
    ids = {n["id"] for n in notes_json(capsys, "--tag", "Review")}
    assert ids == {on_tagged_article, tagged_note}
    assert {n["id"] for n in notes_json(capsys, de, "--tag", "review")} == {tagged_note}


def test_tags_lists_counts_and_renames_with_merge(capsys, two) -> None:
    en, de = two
    run(capsys, "tag", en, "Policy", "Ports")
    run(capsys, "tag", de, "policy", "Farming")
    code, out, _ = run(capsys, "tags", "--json")
    counts = {t["tag"].casefold(): t["count"] for t in json.loads(out)}
    assert counts == {"policy": 2, "ports": 1, "farming": 1}
    assert run(capsys, "tags", "--rename", "ports", "Farming")[0] == 0  # merge into Farming
    code, out, _ = run(capsys, "tags", "--json")
    counts = {t["tag"].casefold(): t["count"] for t in json.loads(out)}
    assert counts == {"policy": 2, "farming": 2}
    assert tags_of(capsys, en) == ["Policy", "Farming"]
    code, _, err = run(capsys, "tags", "--rename", "nonexistent", "x")
    assert code == 1


def test_text_output_never_interprets_markup(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps(
            {
                "title": "[bold red]Not markup[/] \x1b[31mred",
                "text": ARTICLE,
                "source": "[link=x]src[/link]",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    [article] = imported_ids(run(capsys, "import", str(corpus))[1])
    run(capsys, "tag", article, "[i]tag[/i]")
    # each command prints the user's text it shows (titles; tags for ``tags``) literally
    for argv, literal in (
        (["list"], "[bold red]Not markup[/]"),
        (["show", article], "[bold red]Not markup[/]"),
        (["search", "harbour"], "[bold red]Not markup[/]"),
        (["tags"], "[i]tag[/i]"),
        (["list"], "[i]tag[/i]"),
        (["list"], "[link=x]src[/"),
    ):
        code, out, _ = run(capsys, *argv)
        assert code == 0 and "\x1b" not in out, argv
        assert literal in out, (argv, literal)
