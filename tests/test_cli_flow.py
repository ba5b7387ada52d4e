"""End to end from the CLI: samples -> tag -> note -> export; and export's other forms."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from test_cli_support import ARTICLE, GERMAN, imported_ids, list_json, run, write


def test_samples_tag_note_export_by_tag(capsys, tmp_path: Path) -> None:
    code, out, err = run(capsys, "import", "--samples")
    assert code == 0, err
    rows = list_json(capsys)
    target = next(r for r in rows if r["lang"] == "de" and r["quotes"] > 0)
    assert run(capsys, "tag", target["id"], "Studie/Frames")[0] == 0
    passage = first_direct_quote(capsys, target["id"])
    code, out, err = run(
        capsys, "note", target["id"], "Framing: *security* first", "--passage", passage
    )
    assert code == 0, err
    out_file = tmp_path / "export.md"
    code, out, err = run(capsys, "export", "--tag", "studie", "-o", str(out_file))
    assert code == 0, err
    md = out_file.read_text(encoding="utf-8")
    assert target["title"] in md
    assert "Studie/Frames" in md
    assert "Framing: \\*security\\* first" in md.splitlines()  # text, never emphasis
    assert "*security*" not in md.replace("\\*", "")
    quoted = [line for line in md.splitlines() if line.startswith(">")]
    assert quoted and passage.split()[0] in quoted[0]
    others = [r for r in rows if r["id"] != target["id"]]
    assert all(r["title"] not in md for r in others)


def first_direct_quote(capsys, article: str) -> str:
    """The text of the article's first direct quote (from the export's Who-said-what data)."""
    data = json.loads(run(capsys, "export", article, "--format", "json", "--quotes")[1])
    quotes = [q for q in data["articles"][0]["quotes"] if q["kind"] == "direct"]
    return quotes[0]["text"]


def test_export_forms(capsys, tmp_path: Path) -> None:
    ids = imported_ids(
        run(
            capsys,
            "import",
            str(write(tmp_path / "en.txt", ARTICLE)),
            str(write(tmp_path / "de.txt", GERMAN)),
        )[1]
    )
    en, de = ids
    run(capsys, "note", en, "# not a heading\n---\n> not a quote [link](x)")
    run(capsys, "tag", de, "farm")
    # no id, no tag: everything, to stdout
    code, out, _ = run(capsys, "export")
    assert code == 0 and "Ministers agree" in out and "Regierung kündigt" in out
    assert "\n# not a heading" not in out and "\n---\n> not a quote" not in out
    # ids and a tag: the union
    code, out, _ = run(capsys, "export", en, "--tag", "farm", "--format", "json")
    assert {a["id"] for a in json.loads(out)["articles"]} == {en, de}
    code, out, _ = run(capsys, "export", "--tag", "farm", "--format", "json")
    assert [a["id"] for a in json.loads(out)["articles"]] == [de]
    # a folder: one file per article and an index
    folder = tmp_path / "out"
    code, out, err = run(capsys, "export", "-o", str(folder) + "/")
    assert code == 0, err
    names = sorted(p.name for p in folder.iterdir())
    assert "index.md" in names and len(names) == 3
    # bad target
    code, _, err = run(capsys, "export", "-o", str(tmp_path / "no" / "such" / "x.md"))
    assert code == 1 and err.startswith("reader: cannot write")
    assert run(capsys, "export", "--format", "yaml")[0] == 2
    assert run(capsys, "export", "ffffffff0")[0] == 1


def test_export_json_round_trip_into_another_library(capsys, tmp_path: Path) -> None:
    en = imported_ids(run(capsys, "import", str(write(tmp_path / "en.txt", ARTICLE)))[1])[0]
    run(capsys, "note", en, "portable", "--passage", "Anna Berg")
    run(capsys, "tag", en, "Shared")
    dump = tmp_path / "notes.json"
    assert run(capsys, "export", "--format", "json", "-o", str(dump))[0] == 0
    other = str(tmp_path / "other")
    run(capsys, "--library", other, "import", str(tmp_path / "en.txt"))
    code, out, err = run(capsys, "--library", other, "import-annotations", str(dump))
    assert code == 0 and "merged 1 article: 1 note added" in out, err
    code, out, _ = run(capsys, "--library", other, "import-annotations", str(dump))
    assert "0 notes added" in out  # merging twice adds nothing
    notes = json.loads(run(capsys, "--library", other, "notes", "--json")[1])
    assert [(n["text"], n["passage"]["exact"]) for n in notes] == [("portable", "Anna Berg")]
    assert list_json(capsys, "--library", other)[0]["tags"] == ["Shared"]
    bad = write(tmp_path / "bad.json", '{"format": "something else"}')
    code, _, err = run(capsys, "import-annotations", str(bad))
    assert code == 1 and "bad.json" in err
    code, _, err = run(capsys, "import-annotations", str(write(tmp_path / "x.json", "{oops")))
    assert code == 1 and "not valid JSON" in err


def test_no_subcommand_starts_the_tui(monkeypatch, tmp_path: Path) -> None:
    import reader.app

    seen = []
    monkeypatch.setattr(reader.app, "run_tui", lambda root: seen.append(root) or 0, raising=False)
    from reader.__main__ import main

    assert main(["--library", str(tmp_path / "lib")]) == 0
    assert seen == [tmp_path / "lib"]


def test_help_lists_every_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--help"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0
    for command in (
        "import",
        "list",
        "show",
        "tag",
        "untag",
        "note",
        "notes",
        "tags",
        "export",
        "import-annotations",
        "analyze",
        "rm",
        "edit",
        "reimport",
        "search",
        "doctor",
    ):
        assert command in done.stdout
