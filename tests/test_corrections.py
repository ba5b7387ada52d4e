"""Correcting the analysis (issue 13): reader quote confirm|reject|set|reset|add, reader actor
merge|set, the stored corrections surviving reimport, a changed analysis and reanalyze, and
travelling with export --format json / import-annotations. Articles are made up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli_support import imported_ids, run, write

BRIDGE = """Council approves the river bridge

The mayor of Eastwick said on Monday that the bridge would open in spring. "We have waited \
long enough," said Clara Venn, the mayor, at the town hall.

The opposition leader Tom Birch criticised the plan. The bridge would cost far too much, Birch \
said. "Nobody asked the residents," he added.

Engineers said the river bed was stable. According to the planning office, work starts in March.
"""

FERRY = """Ferry service to end in autumn

The ferry between the two banks will stop in October. "It served us well for fifty years," \
said Tom Birch, who chairs the harbour board.

Clara Venn said the bridge would replace the ferry.
"""


def _import(capsys, tmp_path: Path, name: str, text: str) -> str:
    code, out, err = run(capsys, "import", str(write(tmp_path / "in" / name, text)))
    assert code == 0, err
    [article] = imported_ids(out)
    return article


@pytest.fixture
def bridge(capsys, tmp_path: Path) -> str:
    return _import(capsys, tmp_path, "bridge.txt", BRIDGE)


def body(library: Path, article: str) -> str:
    """The article's text as stored (offsets point into it)."""
    from reader.library.store import Library

    return Library(library).text(article)


def rows(capsys, *args: str) -> list[dict]:
    code, out, err = run(capsys, "quotes", "--format", "json", *args)
    assert code == 0, err
    return json.loads(out)


def one(capsys, article: str, text: str, *extra: str) -> dict:
    found = [r for r in rows(capsys, article, *extra) if text in r["text"]]
    assert len(found) == 1, found
    return found[0]


def ok(capsys, *args: str) -> str:
    code, out, err = run(capsys, *args)
    assert code == 0, err
    assert err == ""
    assert len(out.splitlines()) == 1, out
    return out.strip()


def failed(capsys, *args: str, code: int = 1) -> str:
    got, out, err = run(capsys, *args)
    assert got == code, (out, err)
    assert out == ""
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    return err.strip()


# ---- quote ids and the automatic rows ----------------------------------------------------------
def test_every_row_has_a_stable_id_of_its_automatic_span(capsys, bridge: str) -> None:
    first = rows(capsys, bridge)
    assert first and all(r["status"] == "auto" and r["changed"] is None for r in first)
    for r in first:
        assert r["quote"] == f"{bridge}:{r['start']}-{r['end']}"
    assert rows(capsys, bridge) == first  # the same ids on every run
    run(capsys, "reanalyze", bridge)
    assert [r["quote"] for r in rows(capsys, bridge)] == [r["quote"] for r in first]


# ---- the five quote commands -----------------------------------------------------------------
def test_confirm_prints_one_line_and_marks_the_row(capsys, bridge: str) -> None:
    row = one(capsys, bridge, "waited long enough")
    assert ok(capsys, "quote", "confirm", row["quote"]) == f"confirmed {row['quote']}"
    now = one(capsys, bridge, "waited long enough")
    assert now["status"] == "confirmed"
    assert now["speaker"] == row["speaker"] and now["quote"] == row["quote"]
    assert now["changed"].endswith("Z") and now["changed"][:2] == "20"


def test_reject_leaves_the_row_out_unless_all(capsys, bridge: str) -> None:
    row = one(capsys, bridge, "river bed was stable")
    assert ok(capsys, "quote", "reject", row["quote"]) == f"rejected {row['quote']}"
    assert not [r for r in rows(capsys, bridge) if r["quote"] == row["quote"]]
    [kept] = [r for r in rows(capsys, bridge, "--all") if r["quote"] == row["quote"]]
    assert kept["status"] == "rejected"


def test_set_speaker_kind_and_bounds(capsys, bridge: str, library_dir: Path) -> None:
    row = one(capsys, bridge, "cost far too much")
    assert (
        ok(capsys, "quote", "set", row["quote"], "--speaker", "Ada Quill", "--kind", "reported")
        == f"corrected {row['quote']}"
    )
    now = one(capsys, bridge, "cost far too much")
    assert (now["speaker"], now["kind"], now["status"]) == ("Ada Quill", "reported", "corrected")
    assert now["actor"] == "ada-quill" and now["actor_type"] == "other"
    text = body(library_dir, bridge)
    start = text.index("The bridge would cost")
    end = text.index(", Birch said") + len(", Birch said")
    ok(capsys, "quote", "set", row["quote"], "--start", str(start), "--end", str(end))
    [moved] = [r for r in rows(capsys, bridge) if r["quote"] == row["quote"]]
    assert (moved["start"], moved["end"]) == (start, end)
    assert moved["text"] == text[start:end]
    assert moved["speaker"] == "Ada Quill"  # the earlier correction stays


def test_set_speaker_to_an_actor_of_the_article(capsys, bridge: str) -> None:
    row = one(capsys, bridge, "bridge would open in spring")
    assert row["actor"] is None
    ok(capsys, "quote", "set", row["quote"], "--speaker", "clara venn")
    now = one(capsys, bridge, "bridge would open in spring")
    assert now["actor"] == "clara-venn" and now["actor_type"] == "person"


def test_reset_goes_back_to_auto(capsys, bridge: str) -> None:
    row = one(capsys, bridge, "Nobody asked")
    ok(capsys, "quote", "set", row["quote"], "--speaker", "Someone Else")
    assert ok(capsys, "quote", "reset", row["quote"]) == f"reset {row['quote']}"
    assert one(capsys, bridge, "Nobody asked") == row


def test_add_prints_the_new_id_and_it_works_with_the_other_commands(
    capsys, bridge: str, library_dir: Path
) -> None:
    line = ok(
        capsys,
        "quote",
        "add",
        bridge,
        "--passage",
        "The mayor of Eastwick",
        "--speaker",
        "Clara Venn",
        "--kind",
        "reported",
    )
    assert line.startswith("added n") and len(line.split()) == 2
    quote = line.split()[1]
    [row] = [r for r in rows(capsys, bridge) if r["quote"] == quote]
    assert (row["status"], row["kind"], row["actor"]) == ("added", "reported", "clara-venn")
    assert row["text"] == "The mayor of Eastwick"
    assert row["start"] == body(library_dir, bridge).index("The mayor of Eastwick")
    ok(capsys, "quote", "set", quote, "--kind", "direct")
    [row] = [r for r in rows(capsys, bridge) if r["quote"] == quote]
    assert (row["status"], row["kind"]) == ("added", "direct")
    ok(capsys, "quote", "reset", quote)
    assert not [r for r in rows(capsys, bridge, "--all") if r["quote"] == quote]


def test_an_article_prefix_works_in_a_quote_id(capsys, bridge: str) -> None:
    row = one(capsys, bridge, "waited long enough")
    short = f"{bridge[:4]}:{row['start']}-{row['end']}"
    assert ok(capsys, "quote", "confirm", short) == f"confirmed {row['quote']}"


# ---- errors ------------------------------------------------------------------------------------
def test_unknown_quotes_are_one_line_errors(capsys, bridge: str) -> None:
    for bad in (f"{bridge}:1-2", "ffffffff:1-2", "n0123456789ab", "not-an-id"):
        for action in ("confirm", "reject", "reset"):
            assert failed(capsys, "quote", action, bad).startswith(f"error {bad}: ")
        assert failed(capsys, "quote", "set", bad, "--kind", "direct").startswith(f"error {bad}:")
    assert "no such quote" in failed(capsys, "quote", "confirm", f"{bridge}:1-2")


def test_bad_usage_and_bad_values(capsys, bridge: str) -> None:
    row = one(capsys, bridge, "waited long enough")
    assert "needs" in failed(capsys, "quote", "set", row["quote"], code=2)
    failed(capsys, "quote", "set", row["quote"], "--start", "3", code=2)
    failed(capsys, "quote", "set", row["quote"], "--kind", "gossip", code=2)
    err = failed(capsys, "quote", "set", row["quote"], "--start", "5", "--end", "99999")
    assert err.startswith(f"error {row['quote']}: ") and "outside the text" in err
    err = failed(capsys, "quote", "add", bridge, "--passage", "words nobody wrote")
    assert err.startswith(f"error {bridge}: ") and "not found" in err
    err = failed(capsys, "quote", "add", bridge, "--passage", "the")
    assert "times" in err  # found several times: quote more of it
    failed(capsys, "quote", "add", "ffffffff", "--passage", "the bridge")
    assert all(r["status"] == "auto" for r in rows(capsys, bridge, "--all"))  # nothing written


def test_unknown_actors_are_one_line_errors(capsys, bridge: str) -> None:
    err = failed(capsys, "actor", "merge", bridge, "clara-venn", "nobody-at-all")
    assert err.startswith("error nobody-at-all: ")
    err = failed(capsys, "actor", "merge", "--everywhere", "nobody-at-all", "tom-birch")
    assert err.startswith("error nobody-at-all: ")
    assert failed(capsys, "actor", "set", bridge, "ghost", "--type", "person").startswith(
        "error ghost: "
    )
    assert failed(capsys, "actor", "set", "ghost", "--name", "G").startswith("error ghost: ")
    assert "itself" in failed(capsys, "actor", "merge", bridge, "tom-birch", "tom-birch")
    failed(capsys, "actor", "set", "tom-birch", code=2)  # neither --name nor --type
    failed(capsys, "actor", "merge", "tom-birch", "clara-venn", code=2)  # no article
    failed(capsys, "actor", "set", "tom-birch", "--type", "alien", code=2)


# ---- actors --------------------------------------------------------------------------------------
def test_actor_merge_in_one_article(capsys, bridge: str) -> None:
    before = {r["quote"]: r for r in rows(capsys, bridge)}
    line = ok(capsys, "actor", "merge", bridge, "clara-venn", "tom-birch")
    assert line == f"merged tom-birch into clara-venn in {bridge}"
    after = {r["quote"]: r for r in rows(capsys, bridge)}
    for quote, row in before.items():
        if row["actor"] == "tom-birch":
            assert after[quote]["actor"] == "clara-venn"
            assert after[quote]["status"] == "auto"  # the quote itself was not corrected
    assert run(capsys, "actors")[0] == 0
    actors = {a["actor"]: a for a in json.loads(run(capsys, "actors", "--format", "json")[1])}
    assert "tom-birch" not in actors
    assert "Tom Birch" in actors["clara-venn"]["aliases"]


def test_actor_set_name_type_and_none(capsys, bridge: str) -> None:
    assert (
        ok(capsys, "actor", "set", bridge, "tom-birch", "--name", "Thomas Birch")
        == f"set tom-birch name Thomas Birch in {bridge}"
    )
    out = run(capsys, "actors", "--format", "json")[1]
    birch = next(a for a in json.loads(out) if a["actor"] == "tom-birch")
    assert birch["name"] == "Thomas Birch" and "Tom Birch" in birch["aliases"]
    ok(capsys, "actor", "set", "tom-birch", "--type", "organisation")
    assert one(capsys, bridge, "cost far too much")["actor_type"] == "organisation"
    ok(capsys, "actor", "set", bridge, "clara-venn", "--type", "none")
    row = one(capsys, bridge, "waited long enough")
    assert row["actor"] is None and row["actor_type"] is None
    out = run(capsys, "actors", "--format", "json")[1]
    assert "clara-venn" not in {a["actor"] for a in json.loads(out)}


def test_merge_everywhere_holds_for_later_imports(capsys, tmp_path: Path, bridge: str) -> None:
    line = ok(capsys, "actor", "merge", "--everywhere", "clara-venn", "tom-birch")
    assert line == "merged tom-birch into clara-venn everywhere"
    ferry = _import(capsys, tmp_path, "ferry.txt", FERRY)  # imported after the merge
    for article in (bridge, ferry):
        assert "tom-birch" not in {r["actor"] for r in rows(capsys, article)}
    out = run(capsys, "actors", "--format", "json")[1]
    venn = next(a for a in json.loads(out) if a["actor"] == "clara-venn")
    assert venn["name"] == "Clara Venn" and venn["articles"] == 2
    out = run(capsys, "list", "--json")[1]
    names = {a["id"]: a["actors"] for a in json.loads(out)}
    assert "Tom Birch" not in names[ferry]  # the index of the later import uses the table too


def test_a_merge_cycle_is_refused(capsys, bridge: str) -> None:
    ok(capsys, "actor", "merge", "--everywhere", "clara-venn", "tom-birch")
    err = failed(capsys, "actor", "merge", "--everywhere", "tom-birch", "clara-venn")
    assert err == "error tom-birch: it is merged into clara-venn already"


# ---- surviving reimport, a changed analysis and reanalyze -----------------------------------------
def _original(library: Path, article: str) -> Path:
    [path] = (library / "articles" / article[:2] / article).glob("original.*")
    return path


def test_the_contract_speaker_survives_reimport(capsys, bridge: str) -> None:
    row = one(capsys, bridge, "cost far too much")
    ok(capsys, "quote", "set", row["quote"], "--speaker", "X")
    for _ in range(2):
        now = one(capsys, bridge, "cost far too much")
        assert (now["speaker"], now["status"], now["quote"]) == ("X", "corrected", row["quote"])
        code, _out, err = run(capsys, "reimport", bridge)
        assert code == 0, err


def test_corrections_follow_the_text_when_reimport_moves_it(
    capsys, bridge: str, library_dir: Path
) -> None:
    confirmed = one(capsys, bridge, "waited long enough")
    corrected = one(capsys, bridge, "cost far too much")
    ok(capsys, "quote", "confirm", confirmed["quote"])
    ok(capsys, "quote", "set", corrected["quote"], "--speaker", "Ada Quill")
    added = ok(capsys, "quote", "add", bridge, "--passage", "work starts in March").split()[1]
    original = _original(library_dir, bridge)
    lead = "Residents gathered early. The square was full.\n\n"
    text = original.read_text(encoding="utf-8")
    title, rest = text.split("\n", 1)
    original.write_text(f"{title}\n\n{lead}{rest.lstrip()}", encoding="utf-8")
    code, out, err = run(capsys, "reimport", bridge)
    assert code == 0 and out.startswith("reimported"), (out, err)
    after = {r["quote"]: r for r in rows(capsys, bridge)}
    for old, status in ((confirmed, "confirmed"), (corrected, "corrected")):
        new = after[old["quote"]]  # the id is kept on the moved span
        assert new["status"] == status and new["text"] == old["text"]
        assert new["start"] == old["start"] + len(lead)
    assert after[corrected["quote"]]["speaker"] == "Ada Quill"
    assert after[added]["start"] == body(library_dir, bridge).index("work starts")


def test_a_correction_whose_text_is_gone_is_an_orphan_never_lost(
    capsys, bridge: str, library_dir: Path
) -> None:
    row = one(capsys, bridge, "Nobody asked")
    ok(capsys, "quote", "set", row["quote"], "--speaker", "Somebody")
    original = _original(library_dir, bridge)
    text = original.read_text(encoding="utf-8")
    original.write_text(text.replace(' "Nobody asked the residents," he added.', ""), "utf-8")
    run(capsys, "reimport", bridge)
    assert not [r for r in rows(capsys, bridge, "--all") if r["quote"] == row["quote"]]
    code, out, _ = run(capsys, "quote", "orphans")
    assert code == 0 and out.startswith(f"orphan {row['quote']} corrected «")
    assert out.rstrip().endswith(")") and "» (coder " in out  # whose correction it is
    assert "error" in failed(capsys, "quote", "confirm", row["quote"])
    original.write_text(text, "utf-8")  # the passage is back: so is the correction
    run(capsys, "reimport", bridge)
    back = one(capsys, bridge, "Nobody asked")
    assert (back["quote"], back["speaker"], back["status"]) == (
        row["quote"],
        "Somebody",
        "corrected",
    )
    assert run(capsys, "quote", "orphans")[1].strip() == "no orphaned corrections"


def _rewrite_analysis(library: Path, article: str, change) -> None:
    """What another analyzer would have cached: the analysis changed, sealed to the same text."""
    from reader.library.analysis_cache import sealed_cache, unsealed_cache

    folder = library / "articles" / article[:2] / article
    text = (folder / "text.txt").read_bytes()
    data = unsealed_cache((folder / "analysis.json").read_bytes(), text)
    assert data is not None
    change(data)
    (folder / "analysis.json").write_bytes(sealed_cache(data, text))


def test_corrections_are_reapplied_to_a_changed_analysis(
    capsys, bridge: str, library_dir: Path
) -> None:
    """A newer analyzer finds a slightly different span, drops one quotation and finds the one
    the user added: corrections go to the matching quotation and keep their ids."""
    shifted = one(capsys, bridge, "cost far too much")
    dropped = one(capsys, bridge, "waited long enough")
    rejected = one(capsys, bridge, "river bed was stable")
    ok(capsys, "quote", "set", shifted["quote"], "--speaker", "Ada Quill")
    ok(capsys, "quote", "confirm", dropped["quote"])
    ok(capsys, "quote", "reject", rejected["quote"])
    added = ok(capsys, "quote", "add", bridge, "--passage", "The mayor of Eastwick").split()[1]
    text = body(library_dir, bridge)
    where = text.index("The mayor of Eastwick")

    def newer_analyzer(data: dict) -> None:
        quotes = []
        for q in data["quotes"]:
            if q["start"] == shifted["start"]:
                q["end"] += len(", Birch said")
                q["text"] = text[q["start"] : q["end"]]
            if q["start"] != dropped["start"]:
                quotes.append(q)
        found = dict(quotes[0], start=where, end=where + 21, text="The mayor of Eastwick")
        data["quotes"] = [*quotes, found]

    _rewrite_analysis(library_dir, bridge, newer_analyzer)
    after = {r["quote"]: r for r in rows(capsys, bridge, "--all")}
    moved = after[shifted["quote"]]
    assert (moved["speaker"], moved["status"]) == ("Ada Quill", "corrected")
    assert moved["end"] == shifted["end"] + len(", Birch said")
    kept = after[dropped["quote"]]  # confirmed, no longer found: kept as the user saw it
    assert (kept["status"], kept["text"], kept["start"]) == (
        "confirmed",
        dropped["text"],
        dropped["start"],
    )
    assert after[rejected["quote"]]["status"] == "rejected"
    assert after[added]["status"] == "added"
    assert f"{bridge}:{where}-{where + 21}" not in after  # no second row for the added quote


def test_reanalyze_rewrites_stale_caches_and_keeps_corrections(
    capsys, bridge: str, library_dir: Path
) -> None:
    row = one(capsys, bridge, "cost far too much")
    ok(capsys, "quote", "set", row["quote"], "--kind", "reported")
    assert run(capsys, "reanalyze")[1].strip() == "every analysis is current"
    _rewrite_analysis(library_dir, bridge, lambda data: data.update(quotes="damaged"))
    code, out, err = run(capsys, "reanalyze")
    assert code == 0, err
    assert out.splitlines()[0].startswith(f"reanalysed {bridge} ")
    now = one(capsys, bridge, "cost far too much")
    assert (now["kind"], now["status"], now["quote"]) == ("reported", "corrected", row["quote"])


def test_reanalyze_after_an_analyzer_version_bump(
    capsys, bridge: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    models = pytest.importorskip("reader.analysis.models")
    if not hasattr(models, "ANALYSIS_VERSION"):
        pytest.skip("the analysis cache carries no version yet (issue 12)")
    row = one(capsys, bridge, "cost far too much")
    ok(capsys, "quote", "set", row["quote"], "--speaker", "Ada Quill")
    import reader.library.analysis_cache as cache

    monkeypatch.setattr(cache, "ANALYSIS_VERSION", models.ANALYSIS_VERSION + 1)
    code, out, err = run(capsys, "reanalyze")
    assert code == 0 and out.startswith(f"reanalysed {bridge}"), (out, err)
    assert run(capsys, "reanalyze")[1].strip() == "every analysis is current"
    now = one(capsys, bridge, "cost far too much")
    assert (now["speaker"], now["status"]) == ("Ada Quill", "corrected")


# ---- storage -------------------------------------------------------------------------------------
def test_corrections_are_annotations_in_the_article_file(
    capsys, bridge: str, library_dir: Path
) -> None:
    row = one(capsys, bridge, "waited long enough")
    ok(capsys, "quote", "confirm", row["quote"])
    path = library_dir / "annotations" / bridge[:2] / f"{bridge}.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    [doc] = raw["corrections"].values()
    assert doc["id"] == row["quote"] and doc["confirmed"] is True
    assert doc["anchor"]["exact"] == row["text"]
    assert {"prefix", "suffix", "start", "end"} <= set(doc["anchor"])


def test_two_writers_never_lose_each_others_correction(capsys, bridge: str, library_dir) -> None:
    from reader.library import correct
    from reader.library.store import Library

    row = one(capsys, bridge, "cost far too much")
    first, second = Library(library_dir), Library(library_dir)
    second.annotations.summaries()  # the second one has looked before the first one writes
    correct.set_quote(first, row["quote"], speaker="Ada Quill")
    correct.set_quote(second, row["quote"], kind="reported")
    now = one(capsys, bridge, "cost far too much")
    assert (now["speaker"], now["kind"]) == ("Ada Quill", "reported")


def test_corrections_travel_with_export_and_import_annotations(
    capsys, tmp_path: Path, bridge: str, library_dir: Path
) -> None:
    corrected = one(capsys, bridge, "cost far too much")
    ok(capsys, "quote", "set", corrected["quote"], "--speaker", "Ada Quill")
    ok(capsys, "quote", "reject", one(capsys, bridge, "river bed")["quote"])
    added = ok(capsys, "quote", "add", bridge, "--passage", "The mayor of Eastwick").split()[1]
    ok(capsys, "actor", "merge", bridge, "clara-venn", "tom-birch")
    ok(capsys, "actor", "set", "clara-venn", "--type", "organisation")
    mine = rows(capsys, bridge, "--all")
    export = tmp_path / "mine.json"
    code, _out, err = run(capsys, "export", bridge, "--format", "json", "-o", str(export))
    assert code == 0, err
    data = json.loads(export.read_text(encoding="utf-8"))
    [article] = data["articles"]
    assert {c["id"] for c in article["corrections"]} >= {corrected["quote"], added}
    other = tmp_path / "colleague"
    code, out, err = run(
        capsys, "--library", str(other), "import", str(tmp_path / "in" / "bridge.txt")
    )
    assert code == 0, err
    assert rows(capsys, "--library", str(other), bridge, "--all") != mine
    code, out, err = run(capsys, "--library", str(other), "import-annotations", str(export))
    assert code == 0 and "correction" in out, (out, err)
    theirs = rows(capsys, "--library", str(other), bridge, "--all")

    def strip(found: list[dict]) -> list[dict]:
        return [{k: v for k, v in r.items() if k != "changed"} for r in found]

    assert strip(theirs) == strip(mine)
    code, out, err = run(capsys, "--library", str(other), "import-annotations", str(export))
    assert rows(capsys, "--library", str(other), bridge, "--all") == theirs  # no duplicates


def test_a_bad_correction_in_an_import_merges_nothing(capsys, tmp_path: Path, bridge: str) -> None:
    bad = {
        "format": "reader-annotations",
        "schema": 1,
        "articles": [
            {"id": bridge, "tags": ["kept-out"], "notes": [], "corrections": [{"id": "bogus"}]}
        ],
    }
    path = write(tmp_path / "bad.json", json.dumps(bad))
    code, _out, err = run(capsys, "import-annotations", str(path))
    assert code == 1 and "bogus" in err and "nothing merged" in err
    assert run(capsys, "tags")[1].strip() == "no tags"


def test_export_annotated_keeps_an_article_whose_only_work_is_a_correction(
    capsys, tmp_path: Path, bridge: str
) -> None:
    ferry = _import(capsys, tmp_path, "ferry.txt", FERRY)
    code, out, err = run(capsys, "export", "--annotated", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["articles"] == []  # nothing worked on yet
    row = one(capsys, bridge, "waited long enough")
    ok(capsys, "quote", "confirm", row["quote"])
    code, out, err = run(capsys, "export", "--annotated", "--format", "json")
    assert code == 0, err
    assert [a["id"] for a in json.loads(out)["articles"]] == [bridge]  # not the ferry
    ok(capsys, "actor", "set", ferry, "tom-birch", "--name", "Thomas Birch")
    code, out, err = run(capsys, "export", "--annotated", "--format", "json")
    assert {a["id"] for a in json.loads(out)["articles"]} == {bridge, ferry}
