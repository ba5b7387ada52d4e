"""Issue 14 items 10-14: piped output, consistent errors, help, completion, export naming."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli_support import ARTICLE, GERMAN, imported_ids, list_json, run, write

LONG_TITLE = "Krankenhausreformgesetzentwurfsberatungen ziehen sich über viele Monate und Wochen"


@pytest.fixture
def two(capsys, tmp_path: Path) -> list[str]:
    body = ARTICLE.replace("Ministers agree on a new harbour plan", LONG_TITLE)
    code, out, err = run(
        capsys,
        "import",
        str(write(tmp_path / "en.txt", body)),
        str(write(tmp_path / "de.txt", GERMAN)),
    )
    assert code == 0, err
    return imported_ids(out)


# item 10: piped output is one tab-separated record per line, nothing cut ------------------------
def test_piped_list_is_one_record_per_line_with_nothing_cut(capsys, two) -> None:
    en, _de = two
    run(capsys, "tag", en, "Thesis/Gesundheitspolitik", "Krankenhausfinanzierungsreform")
    code, out, _ = run(capsys, "list")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2  # no header, no wrapped continuation lines
    fields = {line.split("\t")[0]: line.split("\t") for line in lines}
    row = fields[en]
    assert len(row) == 7 and row[3] == LONG_TITLE
    assert row[4] == "Thesis/Gesundheitspolitik, Krankenhausfinanzierungsreform"
    rows = {r["id"]: r for r in list_json(capsys)}
    assert [int(row[5]), int(row[6])] == [rows[en]["notes"], rows[en]["quotes"]]


def test_a_terminal_still_gets_the_table(capsys, two, monkeypatch) -> None:
    from reader.cli import reading

    monkeypatch.setattr(reading, "piped", lambda: False)
    code, out, _ = run(capsys, "list")
    assert code == 0 and "quotes" in out.splitlines()[0] and "\t" not in out


def test_piped_search_and_analyze_print_whole_records(capsys, two, tmp_path: Path) -> None:
    en, _ = two
    code, out, _ = run(capsys, "search", "harbour")
    records = [line.split("\t") for line in out.splitlines()]
    assert code == 0 and records and all(len(r) == 4 and r[0] == en for r in records)
    assert records[0][1] == LONG_TITLE
    # the whole paragraph, counted from 1 (the title paragraph is 1)
    paragraphs = ARTICLE.split("\n\n")
    assert [int(r[2]) for r in records] == [
        n + 1 for n, p in enumerate(paragraphs) if "harbour" in p.casefold()
    ][: len(records)]
    assert any(r[3] == paragraphs[1].replace("\\\n", "") or len(r[3]) > 160 for r in records)
    code, out, _ = run(capsys, "analyze", str(write(tmp_path / "de.txt", GERMAN)))
    records = [line.split("\t") for line in out.splitlines()]
    assert code == 0 and records and all(len(r) == 5 for r in records)
    direct = next(r for r in records if r[1] == "direct")
    assert direct[0].endswith("de.txt") and "Wir lassen die Betriebe nicht allein" in direct[4]


# item 11: inconsistencies ------------------------------------------------------------------
def test_untag_of_an_absent_tag_says_so_and_succeeds(capsys, two) -> None:
    en, _ = two
    run(capsys, "tag", en, "Kept")
    code, out, err = run(capsys, "untag", en, "nothere", "KEPT")
    assert code == 0 and err.strip() == "not tagged: nothere"
    assert out.strip() == f"tags {en}:"


def test_import_annotations_of_a_missing_file_is_error_path_reason(capsys, tmp_path) -> None:
    missing = tmp_path / "nonexistent.json"
    code, out, err = run(capsys, "import-annotations", str(missing))
    assert code == 1 and out == ""
    assert err.strip() == f"error {missing}: no such file"
    code, _, err = run(capsys, "import-annotations", str(write(tmp_path / "x.json", "{oops")))
    assert code == 1 and err.strip() == f"error {tmp_path / 'x.json'}: not valid JSON"


def test_bad_option_points_to_the_subcommand_help(capsys) -> None:
    code, _, err = run(capsys, "list", "--bogus")
    assert code == 2 and "(see: reader list --help)" in err and "--bogus" in err
    code, _, err = run(capsys, "--bogus")
    assert code == 2 and "(see: reader --help)" in err


def test_edit_with_a_bad_date_is_bad_usage(capsys, two) -> None:
    code, _, err = run(capsys, "edit", two[0], "--date", "notadate")
    assert code == 2 and err.startswith("reader: not a date: notadate")


def test_export_to_dash_is_stdout(capsys, two, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    run(capsys, "tag", two[0], "x")
    code, out, _ = run(capsys, "export", two[0], "-o", "-")
    assert code == 0 and out.startswith("---\n") and not (tmp_path / "-").exists()


def test_version_flag_V(capsys) -> None:
    import reader

    code, out, _ = run(capsys, "-V")
    assert code == 0 and out.strip() == f"reader {reader.__version__}"


def test_export_annotated_keeps_only_articles_with_notes_or_tags(capsys, two) -> None:
    en, de = two
    run(capsys, "note", de, "a thought")
    code, out, _ = run(capsys, "export", "--annotated", "--format", "json")
    assert code == 0 and [a["id"] for a in json.loads(out)["articles"]] == [de]
    _code, out, _ = run(capsys, "export", "--format", "json")  # the default is unchanged
    assert {a["id"] for a in json.loads(out)["articles"]} == {en, de}


def test_rm_by_tag_removes_exactly_the_tagged(capsys, two) -> None:
    en, de = two
    run(capsys, "tag", en, "sample")
    code, out, _ = run(capsys, "rm", "--tag", "sample")
    assert code == 0 and out.startswith(f"removed {en} ")
    assert [r["id"] for r in list_json(capsys)] == [de]
    code, out, _ = run(capsys, "rm", "--tag", "sample")
    assert code == 0 and out.strip() == "no articles tagged sample"
    assert run(capsys, "rm")[0] == 2


# tags: parents listed, count and total --------------------------------------------------------
def test_tags_lists_unused_parents_with_count_and_total(capsys, two) -> None:
    en, de = two
    run(capsys, "tag", en, "Thesis/Health", "Thesis/Money")
    run(capsys, "tag", de, "Thesis/Health", "Solo")
    run(capsys, "note", de, "why", "--tag", "Thesis")
    _code, out, _ = run(capsys, "tags", "--json")
    rows = {r["tag"]: r for r in json.loads(out)}
    assert rows["Thesis"] == {"tag": "Thesis", "count": 1, "total": 4}
    assert rows["Thesis/Health"] == {"tag": "Thesis/Health", "count": 2, "total": 2}
    assert rows["Solo"] == {"tag": "Solo", "count": 1, "total": 1}
    run(capsys, "note", "--delete", json.loads(run(capsys, "notes", "--json")[1])[0]["id"])
    rows = {r["tag"]: r for r in json.loads(run(capsys, "tags", "--json")[1])}
    assert rows["Thesis"] == {"tag": "Thesis", "count": 0, "total": 3}  # used only by children


# item 12: help ---------------------------------------------------------------------------------
def test_every_option_has_help_and_every_command_examples() -> None:
    import argparse

    from reader.cli.main import build_parser

    parser = build_parser()
    assert parser.commands
    for name, sub in [("reader", parser), *parser.commands.items()]:
        for action in sub._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            assert action.help and action.help != argparse.SUPPRESS, (name, action.dest)
        if sub is not parser:
            assert (
                sub.epilog and sub.epilog.startswith("examples:\n  ") and "reader " in sub.epilog
            ), name
            assert "reader " in sub.format_help().rstrip().splitlines()[-1], name


# item 13: completion ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("shell", "marker"), [("bash", "complete "), ("zsh", "compdef"), ("fish", "complete ")]
)
def test_completion_prints_a_script_for_each_shell(capsys, shell: str, marker: str) -> None:
    code, out, _ = run(capsys, "completion", shell)
    assert code == 0 and marker in out and "reader" in out and "_ARGCOMPLETE" in out


def _complete(line: str, tmp_path: Path, library: Path) -> list[str]:
    result = tmp_path / "completions.txt"
    env = dict(
        os.environ,
        _ARGCOMPLETE="1",
        _ARGCOMPLETE_SHELL="bash",
        _ARGCOMPLETE_IFS="\n",
        _ARGCOMPLETE_STDOUT_FILENAME=str(result),
        COMP_LINE=line,
        COMP_POINT=str(len(line)),
        READER_HOME=str(library),
    )
    done = subprocess.run(
        [sys.executable, "-m", "reader"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return [c.strip() for c in result.read_text(encoding="utf-8").split("\n")]


def test_completion_completes_commands_options_ids_and_tags(
    capsys, two, tmp_path: Path, library_dir: Path
) -> None:
    en, de = two
    run(capsys, "tag", en, "Thesis/Health", "United States")
    assert set(_complete("reader ta", tmp_path, library_dir)) == {"tag", "tags"}
    assert "--annotated" in _complete("reader export --a", tmp_path, library_dir)
    ids = _complete(f"reader show {en[:3]}", tmp_path, library_dir)
    assert en in ids and de not in ids
    tags = _complete("reader list --tag Th", tmp_path, library_dir)
    assert tags == ["Thesis", "Thesis/Health"]


# item 14: export ------------------------------------------------------------------------------
def test_paragraphs_count_from_one_for_people_and_zero_in_json(capsys, two) -> None:
    en, _ = two
    run(capsys, "note", en, "who?", "--passage", "The opposition criticised the decision.")
    note = json.loads(run(capsys, "notes", "--json")[1])[0]
    # the second paragraph of the body (the title line is not part of it): 0-based in JSON
    assert note["passage"]["paragraph"] == 1
    _code, out, _ = run(capsys, "export", en)
    assert "paragraph 2," in out and "paragraph 1," not in out


def test_tags_with_spaces_are_obsidian_tags(capsys, two) -> None:
    en, _ = two
    run(capsys, "tag", en, "United States", "frame/war")
    run(capsys, "note", en, "a note", "--tag", "United States", "--tag", "frame/war")
    out = run(capsys, "export", en)[1]
    assert "- Tags: #United_States, #frame/war" in out
    assert '  - "United States"' in out  # the front matter keeps the tag as typed
