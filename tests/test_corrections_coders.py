"""Corrections by coder (issue 17 with issue 13): every quote and actor correction carries its
coder; two coders' corrections of one quotation live side by side, in one library or merged with
import-annotations, and never overwrite each other; reader quotes / actors / stats apply the
current coder's corrections, or --coder NAME's (final: the adjudicated ones). Articles are made
up."""

from __future__ import annotations

import json
from pathlib import Path

from test_cli_support import run, write
from test_corrections import BRIDGE, _import, failed, ok, one, rows


def coder(capsys, name: str, *library: str) -> None:
    code, out, err = run(capsys, *library, "config", "coder", name)
    assert code == 0 and out == f"coder: {name}\n", err


def records(library_dir: Path, article: str) -> list[dict]:
    path = library_dir / "annotations" / article[:2] / f"{article}.json"
    return list(json.loads(path.read_text(encoding="utf-8"))["corrections"].values())


def stats_total(capsys, *args: str) -> dict:
    code, out, err = run(capsys, "stats", "--format", "json", *args)
    assert code == 0, err
    return json.loads(out)["total"]


def test_two_coders_correct_one_quote_side_by_side(capsys, tmp_path, library_dir) -> None:
    bridge = _import(capsys, tmp_path, "bridge.txt", BRIDGE)
    quote = one(capsys, bridge, "cost far too much")["quote"]
    coder(capsys, "ada")
    ok(capsys, "quote", "set", quote, "--speaker", "Ada Quill")
    coder(capsys, "ben")
    # ben sees the automatic quotation: ada's correction is hers
    assert one(capsys, bridge, "cost far too much")["status"] == "auto"
    ok(capsys, "quote", "set", quote, "--speaker", "Ben Oak", "--kind", "reported")
    mine = one(capsys, bridge, "cost far too much")
    assert (mine["speaker"], mine["kind"], mine["status"]) == ("Ben Oak", "reported", "corrected")
    hers = one(capsys, bridge, "cost far too much", "--coder", "ada")
    assert (hers["speaker"], hers["kind"], hers["status"]) == ("Ada Quill", "indirect", "corrected")
    assert hers["quote"] == mine["quote"] == quote  # one id, two coders' values
    found = {(r["id"], r["coder"]): r["speaker"] for r in records(library_dir, bridge)}
    assert found == {(quote, "ada"): "Ada Quill", (quote, "ben"): "Ben Oak"}
    # ben's reset takes back ben's correction only
    ok(capsys, "quote", "reset", quote)
    assert one(capsys, bridge, "cost far too much")["status"] == "auto"
    assert one(capsys, bridge, "cost far too much", "--coder", "ada")["speaker"] == "Ada Quill"
    assert [r["coder"] for r in records(library_dir, bridge)] == ["ada"]


def test_stats_and_actors_count_the_chosen_coders_corrections(capsys, tmp_path) -> None:
    bridge = _import(capsys, tmp_path, "bridge.txt", BRIDGE)
    coder(capsys, "ben")
    assert run(capsys, "tag", bridge, "topic/bridge")[0] == 0  # a coder with codes only
    before = stats_total(capsys)  # also fills the counts cache as ben sees them
    coder(capsys, "ada")
    ok(capsys, "quote", "reject", one(capsys, bridge, "river bed was stable")["quote"])
    ok(capsys, "actor", "merge", bridge, "clara-venn", "tom-birch")
    hers = stats_total(capsys)
    assert hers["quotes"] == before["quotes"] - 1
    assert stats_total(capsys, "--coder", "ben") == before  # the cache is a coder's
    coder(capsys, "ben")
    assert stats_total(capsys) == before
    assert stats_total(capsys, "--coder", "ada") == hers

    def actor_ids(*args: str) -> set[str]:
        code, out, err = run(capsys, "actors", "--format", "json", *args)
        assert code == 0, err
        return {a["actor"] for a in json.loads(out)}

    assert "tom-birch" in actor_ids()
    assert "tom-birch" not in actor_ids("--coder", "ada")


def test_library_wide_merges_are_a_coders_too(capsys, tmp_path) -> None:
    bridge = _import(capsys, tmp_path, "bridge.txt", BRIDGE)
    coder(capsys, "ada")
    ok(capsys, "actor", "merge", "--everywhere", "clara-venn", "tom-birch")
    assert "tom-birch" not in {r["actor"] for r in rows(capsys, bridge)}
    coder(capsys, "ben")
    assert "tom-birch" in {r["actor"] for r in rows(capsys, bridge)}
    ok(capsys, "actor", "set", "tom-birch", "--type", "organisation")
    theirs = rows(capsys, bridge, "--coder", "ada")
    assert "tom-birch" not in {r["actor"] for r in theirs}
    assert "organisation" not in {r["actor_type"] for r in theirs}


def test_final_records_adjudicated_corrections(capsys, tmp_path) -> None:
    bridge = _import(capsys, tmp_path, "bridge.txt", BRIDGE)
    coder(capsys, "ada")
    quote = one(capsys, bridge, "river bed was stable")["quote"]
    assert ok(capsys, "quote", "reject", quote, "--coder", "final") == f"rejected {quote}"
    added = ok(
        capsys, "quote", "add", bridge, "--passage", "The mayor of Eastwick", "--coder", "final"
    ).split()[1]
    final = {r["quote"]: r for r in rows(capsys, bridge, "--coder", "final")}
    assert quote not in final and final[added]["status"] == "added"
    mine = {r["quote"]: r for r in rows(capsys, bridge)}
    assert mine[quote]["status"] == "auto" and added not in mine
    # an added quotation is its coder's: another coder can't change it as theirs
    err = failed(capsys, "quote", "set", added, "--kind", "direct")
    assert err == f"error {added}: added by final; you correct as ada"
    # a correction is never made in a colleague's name
    err = failed(capsys, "quote", "confirm", quote, "--coder", "ben", code=2)
    assert "--coder takes only final" in err and "you correct as ada" in err


def test_an_unknown_coder_is_an_error_not_the_automatic_analysis(capsys, tmp_path) -> None:
    bridge = _import(capsys, tmp_path, "bridge.txt", BRIDGE)
    coder(capsys, "ada")
    ok(capsys, "quote", "confirm", one(capsys, bridge, "Nobody asked")["quote"])
    for command in ("quotes", "actors", "stats"):
        err = failed(capsys, command, "--coder", "zed")
        assert err == "reader: coder zed has no corrections or codes in this library (coders: ada)"
    assert failed(capsys, "quotes", "--coder", "a,b").startswith("reader: --coder: coder name")
    assert rows(capsys, bridge, "--coder", "ada") == rows(capsys, bridge)  # the current coder


def test_records_from_before_coders_count_as_the_current_coders(
    capsys, tmp_path, library_dir
) -> None:
    bridge = _import(capsys, tmp_path, "bridge.txt", BRIDGE)
    coder(capsys, "ada")
    quote = one(capsys, bridge, "cost far too much")["quote"]
    ok(capsys, "quote", "set", quote, "--speaker", "Ada Quill")
    path = library_dir / "annotations" / bridge[:2] / f"{bridge}.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    for doc in raw["corrections"].values():
        del doc["coder"]  # as an older reader wrote it
    path.write_text(json.dumps(raw), encoding="utf-8")
    assert one(capsys, bridge, "cost far too much")["speaker"] == "Ada Quill"
    ok(capsys, "quote", "confirm", one(capsys, bridge, "Nobody asked")["quote"])
    # the first write names the older record's coder, so it is never taken for another's
    assert sorted(r["coder"] for r in records(library_dir, bridge)) == ["ada", "ada"]
    coder(capsys, "ben")
    assert one(capsys, bridge, "cost far too much")["status"] == "auto"


def _library(tmp_path: Path, name: str) -> tuple[str, ...]:
    return ("--library", str(tmp_path / name))


def test_merging_a_colleagues_corrections_never_overwrites(capsys, tmp_path) -> None:
    """Two libraries correct the same article; each merges the other's export: both coders'
    corrections are kept, each view unchanged, and merging again adds nothing."""
    source = write(tmp_path / "in" / "bridge.txt", BRIDGE)
    ada, ben = _library(tmp_path, "ada"), _library(tmp_path, "ben")
    for lib, name in ((ada, "ada"), (ben, "ben")):
        assert run(capsys, *lib, "import", str(source))[0] == 0
        coder(capsys, name, *lib)
    article = rows(capsys, *ada)[0]["article"]
    quote = one(capsys, article, "cost far too much", *ada)["quote"]
    river = one(capsys, article, "river bed", *ada)["quote"]
    ok(capsys, *ada, "quote", "set", quote, "--speaker", "Ada Quill")
    ok(capsys, *ada, "actor", "set", article, "tom-birch", "--type", "organisation")
    ok(capsys, *ada, "actor", "merge", "--everywhere", "clara-venn", "tom-birch")
    ok(capsys, *ben, "quote", "set", quote, "--speaker", "Ben Oak")
    ok(capsys, *ben, "quote", "reject", river)
    ok(capsys, *ben, "actor", "set", article, "tom-birch", "--type", "place")
    before = {name: rows(capsys, *lib, "--all") for name, lib in (("ada", ada), ("ben", ben))}
    exports = {}
    for name, lib in (("ada", ada), ("ben", ben)):
        exports[name] = tmp_path / f"{name}.json"
        code, _out, err = run(capsys, *lib, "export", "--format", "json", "-o", str(exports[name]))
        assert code == 0, err
    data = json.loads(exports["ben"].read_text(encoding="utf-8"))
    assert {c["coder"] for c in data["articles"][0]["corrections"]} == {"ben"}
    for lib, other in ((ada, "ben"), (ben, "ada")):
        code, out, err = run(capsys, *lib, "import-annotations", str(exports[other]))
        assert code == 0 and "correction" in out, (out, err)
    for name, lib in (("ada", ada), ("ben", ben)):
        other = "ben" if name == "ada" else "ada"
        assert rows(capsys, *lib, "--all") == before[name]  # my view: mine, as it was
        assert rows(capsys, *lib, "--all", "--coder", other) == before[other]  # theirs, beside
        again = run(capsys, *lib, "import-annotations", str(exports[other]))
        assert again[0] == 0 and "correction" not in again[1]  # nothing new the second time
        data = json.loads(run(capsys, *lib, "export", article, "--format", "json")[1])
        [entry] = data["articles"]
        assert sorted((c["id"], c["coder"]) for c in entry["corrections"]) == sorted(
            [(quote, "ada"), (quote, "ben"), (river, "ben")]
        )
        assert sorted((f["actor"], f["coder"]) for f in entry["actor_corrections"]) == [
            ("tom-birch", "ada"),
            ("tom-birch", "ben"),
        ]
        assert [(f["actor"], f["coder"]) for f in entry["library_actor_corrections"]] == [
            ("tom-birch", "ada")
        ]
    # the exported file of one coder: --coder keeps that coder's corrections only
    data = json.loads(run(capsys, *ada, "export", "--coder", "ben", "--format", "json")[1])
    assert {c["coder"] for c in data["articles"][0]["corrections"]} == {"ben"}


def test_an_exports_corrections_without_coder_are_the_exporting_coders(
    capsys, tmp_path, library_dir
) -> None:
    bridge = _import(capsys, tmp_path, "bridge.txt", BRIDGE)
    coder(capsys, "ada")
    quote = one(capsys, bridge, "cost far too much")["quote"]
    ok(capsys, "quote", "set", quote, "--speaker", "Ada Quill")
    data = json.loads(run(capsys, "export", bridge, "--format", "json")[1])
    data["coder"] = "cy"  # an older copy: its file names its coder, its records don't
    for item in data["articles"][0]["corrections"]:
        del item["coder"]
    path = write(tmp_path / "cy.json", json.dumps(data))
    assert run(capsys, "import-annotations", str(path))[0] == 0
    assert sorted(r["coder"] for r in records(library_dir, bridge)) == ["ada", "cy"]
    assert one(capsys, bridge, "cost far too much", "--coder", "cy")["speaker"] == "Ada Quill"
