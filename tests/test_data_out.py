"""The data out (issue 13): reader quotes, reader actors, reader stats, with the corrections
applied; CSV read back with the csv module (and pandas where installed). Made-up articles."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from test_cli_support import run, write
from test_corrections import BRIDGE, FERRY, _import, ok, rows

from reader.library.datasets import ACTOR_COLUMNS, QUOTE_COLUMNS, STATS_COLUMNS

# a quotation over two paragraphs, with commas and double quotes: the CSV quoting is tested
TRICKY = """Harbour board splits over fees

"We said no, twice, and we meant it. The board should listen to the people who pay.

"Nobody here wants higher fees," said Mara Holt, the treasurer, on Friday.

The fees would rise by a third, Holt said.
"""


@pytest.fixture
def library(capsys, tmp_path: Path) -> dict[str, str]:
    ids = {
        "bridge": _import(capsys, tmp_path, "bridge.txt", BRIDGE),
        "ferry": _import(capsys, tmp_path, "ferry.txt", FERRY),
        "tricky": _import(capsys, tmp_path, "tricky.txt", TRICKY),
    }
    assert (
        run(capsys, "edit", ids["bridge"], "--date", "2024-03-05", "--source", "Valley Post")[0]
        == 0
    )
    assert run(capsys, "edit", ids["ferry"], "--date", "2024-04-10")[0] == 0
    assert run(capsys, "tag", ids["bridge"], "infrastructure")[0] == 0
    assert run(capsys, "tag", ids["ferry"], "infrastructure/ferry", "boats")[0] == 0
    return ids


def csv_of(capsys, *args: str) -> tuple[str, list[dict[str, str]]]:
    code, out, err = run(capsys, *args, "--format", "csv")
    assert code == 0, err
    return out, list(csv.DictReader(io.StringIO(out, newline="")))


# ---- reader quotes -----------------------------------------------------------------------------
def test_quotes_csv_is_rfc4180_and_reads_back(capsys, library) -> None:
    text, table = csv_of(capsys, "quotes")
    assert not text.startswith("\ufeff")
    head, _, _rest = text.partition("\r\n")
    assert head.split(",") == list(QUOTE_COLUMNS)  # the columns, in this order
    assert text.endswith("\r\n")
    as_json = rows(capsys)
    assert len(table) == len(as_json) > 0
    for row, obj in zip(table, as_json, strict=True):
        assert list(row) == list(QUOTE_COLUMNS)
        assert row["quote"] == obj["quote"] and row["text"] == obj["text"]
        assert row["tags"] == "; ".join(obj["tags"])
        assert row["nested"] in ("true", "false")
        assert int(row["start"]) == obj["start"]
        assert row["changed"] == "" and row["status"] == "auto"
    [tricky] = [r for r in table if "twice" in r["text"]]
    assert tricky["text"].startswith('"We said no, twice,') and "pay.\n\n" in tricky["text"]
    assert '"""We said no, twice,' in text  # quoted, its quotation marks doubled


def test_quotes_json_and_jsonl_have_exactly_the_columns(capsys, library) -> None:
    as_json = rows(capsys)
    assert all(list(r) == list(QUOTE_COLUMNS) for r in as_json)
    code, out, _ = run(capsys, "quotes", "--format", "jsonl")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines == as_json
    bridge = [r for r in as_json if r["article"] == library["bridge"]]
    assert bridge[0]["tags"] == ["infrastructure"] and bridge[0]["title"]
    assert {type(r["nested"]) for r in as_json} == {bool}


def test_quotes_filters(capsys, library) -> None:
    everything = rows(capsys)
    assert {r["article"] for r in rows(capsys, library["ferry"])} == {library["ferry"]}
    tagged = rows(capsys, "--tag", "infrastructure")  # a parent tag finds its children
    assert {r["article"] for r in tagged} == {library["bridge"], library["ferry"]}
    by_actor = rows(capsys, "--speaker", "TOM BIRCH")  # the actor's name, any case
    assert by_actor and all(r["actor"] == "tom-birch" for r in by_actor)
    assert any(r["speaker"] == "he" for r in by_actor)
    as_written = rows(capsys, "--speaker", "he")  # the speaker as written
    assert as_written and all(r["speaker"].casefold() == "he" for r in as_written)
    direct = rows(capsys, "--kind", "direct")
    assert direct and all(r["kind"] == "direct" for r in direct)
    assert len(direct) < len(everything)
    code, _out, err = run(capsys, "quotes", "ffffffff")
    assert code == 1 and "ffffffff" in err and "Traceback" not in err


def test_quotes_leave_out_rejected_and_terms_unless_all(capsys, library) -> None:
    row = rows(capsys, library["bridge"])[0]
    ok(capsys, "quote", "reject", row["quote"])
    assert row["quote"] not in {r["quote"] for r in rows(capsys)}
    every = {r["quote"]: r for r in rows(capsys, "--all")}
    assert every[row["quote"]]["status"] == "rejected"
    statuses = {r["status"] for r in rows(capsys)}
    assert "rejected" not in statuses


def test_quotes_to_a_file_and_to_stdout(capsys, library, tmp_path: Path) -> None:
    target = tmp_path / "out" / "quotes.csv"
    target.parent.mkdir()
    code, out, err = run(capsys, "quotes", "-o", str(target))
    assert code == 0, err
    assert out.startswith("wrote ") and str(target) in out
    stdout = run(capsys, "quotes", "-o", "-")[1]
    assert target.read_bytes() == stdout.encode("utf-8")
    assert not list(target.parent.glob(".*tmp"))
    code, _out, err = run(capsys, "quotes", "-o", str(tmp_path / "missing" / "q.csv"))
    assert code == 1 and "does not exist" in err


def test_a_failure_midway_leaves_the_old_file(capsys, library, tmp_path, monkeypatch) -> None:
    from reader.library import datasets

    target = write(tmp_path / "quotes.csv", "the old table\n")
    real = datasets.Corrections.article
    seen = []

    def failing(self, article_id, analysis=None):
        seen.append(article_id)
        if len(seen) == 2:
            raise RuntimeError("disk trouble in the middle")
        return real(self, article_id, analysis)

    monkeypatch.setattr(datasets.Corrections, "article", failing)
    code, _out, err = run(capsys, "quotes", "-o", str(target))
    assert code == 70 and "disk trouble" in err  # a bug (exit 70), as the CLI reports one
    assert target.read_text() == "the old table\n"
    assert not list(tmp_path.glob(".*tmp"))


def test_rows_are_written_as_they_come(library_dir, library) -> None:
    """The first article's rows reach the stream before the next article is read."""
    from reader.library import datasets
    from reader.library.store import Library

    stream = io.StringIO()
    read = []

    def progress(done: int, total: int) -> None:
        read.append((done, len(stream.getvalue())))

    source = datasets.quote_rows(Library(library_dir), on_progress=progress)
    datasets.write_rows(source, QUOTE_COLUMNS, "jsonl", stream)
    assert len(read) == 3
    sizes = [size for _done, size in read]
    assert 0 < sizes[0] < sizes[1] < sizes[2] == len(stream.getvalue())


def test_quotes_read_with_pandas(capsys, library, tmp_path: Path) -> None:
    pandas = pytest.importorskip("pandas")
    target = tmp_path / "q.csv"
    assert run(capsys, "quotes", "-o", str(target))[0] == 0
    frame = pandas.read_csv(target, dtype={"article": str}, keep_default_na=False)
    assert list(frame.columns) == list(QUOTE_COLUMNS)
    assert len(frame) == len(rows(capsys))
    assert frame["nested"].dtype == bool
    assert str(frame["start"].dtype).startswith("int")
    assert set(frame["article"]) == set(library.values())


# ---- reader actors -----------------------------------------------------------------------------
def test_actors_rows(capsys, library) -> None:
    code, out, err = run(capsys, "actors", "--format", "json")
    assert code == 0, err
    actors = json.loads(out)
    assert all(list(a) == list(ACTOR_COLUMNS) for a in actors)
    birch = next(a for a in actors if a["actor"] == "tom-birch")
    assert birch["name"] == "Tom Birch" and birch["type"] == "person"
    assert birch["articles"] == 2 and isinstance(birch["aliases"], list)
    quotes = [
        r
        for r in rows(capsys)
        if r["actor"] == "tom-birch" and not r["nested"] and r["kind"] != "term"
    ]
    direct = sum(r["kind"] == "direct" for r in quotes)
    reported = sum(r["kind"] == "reported" for r in quotes)
    assert (birch["direct"], birch["reported"]) == (direct, reported)
    assert birch["direct"] + birch["indirect"] + birch["reported"] == len(quotes)
    assert (birch["first"], birch["last"]) == ("2024-03-05", "2024-04-10")
    text, table = csv_of(capsys, "actors")
    assert text.partition("\r\n")[0].split(",") == list(ACTOR_COLUMNS)
    row = next(r for r in table if r["actor"] == "tom-birch")
    assert row["aliases"] == "; ".join(birch["aliases"])
    tagged = json.loads(run(capsys, "actors", "--tag", "boats", "--format", "json")[1])
    assert {a["actor"] for a in tagged} <= {a["actor"] for a in actors}
    assert next(a for a in tagged if a["actor"] == "tom-birch")["articles"] == 1


def test_actors_count_corrections(capsys, library) -> None:
    before = json.loads(run(capsys, "actors", "--format", "json")[1])
    birch = next(a for a in before if a["actor"] == "tom-birch")
    row = next(r for r in rows(capsys) if r["actor"] == "tom-birch" and r["kind"] == "direct")
    ok(capsys, "quote", "set", row["quote"], "--speaker", "Clara Venn")
    after = {a["actor"]: a for a in json.loads(run(capsys, "actors", "--format", "json")[1])}
    assert after["tom-birch"]["direct"] == birch["direct"] - 1


# ---- reader stats ------------------------------------------------------------------------------
def test_stats_json_shape_and_counts(capsys, library) -> None:
    code, out, err = run(capsys, "stats", "--by", "source", "--format", "json")
    assert code == 0, err
    result = json.loads(out)
    assert result["by"] == "source"
    counted = [r for r in rows(capsys) if not r["nested"]]
    for group in result["groups"]:
        assert list(group) == list(STATS_COLUMNS)
        assert 0 <= group["top10_share"] <= 1
        assert group["direct"] + group["indirect"] + group["reported"] == group["quotes"]
    total = result["total"]
    assert total["quotes"] == len(counted) == sum(g["quotes"] for g in result["groups"])
    assert total["direct"] == sum(r["kind"] == "direct" for r in counted)
    assert total["articles"] == 3
    speakers = {
        r["actor"] or r["speaker"].casefold() for r in counted if r["actor"] or r["speaker"]
    }
    assert total["speakers"] == len(speakers)
    assert total["top10_share"] == 1.0 or len(speakers) > 10
    assert result["top_speakers"][0]["quotes"] >= result["top_speakers"][-1]["quotes"]


def test_stats_by_every_key(capsys, library) -> None:
    totals = set()
    for by in ("source", "month", "type", "lang"):
        result = json.loads(run(capsys, "stats", "--by", by, "--format", "json")[1])
        assert result["by"] == by
        totals.add(result["total"]["quotes"])
        if by == "lang":
            assert {g["key"] for g in result["groups"]} == {"en"}
        if by == "type":
            assert "person" in {g["key"] for g in result["groups"]}
        if by == "month":
            assert [g["key"] for g in result["groups"]] == ["2024-03", "2024-04", None]
        if by == "source":
            assert "Valley Post" in {g["key"] for g in result["groups"]}
    assert len(totals) == 1  # the same quotations, grouped differently
    result = json.loads(run(capsys, "stats", "--tag", "boats", "--format", "json")[1])
    assert result["total"]["articles"] == 1


def test_stats_table_and_csv(capsys, library) -> None:
    code, out, err = run(capsys, "stats")
    assert code == 0, err
    assert "top speakers" in out and "total" in out
    text, table = csv_of(capsys, "stats", "--by", "month")
    assert text.partition("\r\n")[0].split(",") == list(STATS_COLUMNS)
    assert all(0 <= float(r["top10_share"]) <= 1 for r in table)


def test_empty_library(capsys) -> None:
    assert run(capsys, "quotes")[1] == ",".join(QUOTE_COLUMNS) + "\r\n"
    assert run(capsys, "quotes", "--format", "json")[1] == "[]\n"
    assert json.loads(run(capsys, "actors", "--format", "json")[1]) == []
    result = json.loads(run(capsys, "stats", "--format", "json")[1])
    assert result["groups"] == [] and result["total"]["quotes"] == 0


def test_stats_follow_corrections_through_their_cache(capsys, library, library_dir) -> None:
    from reader.library.store import Library

    before = json.loads(run(capsys, "stats", "--format", "json")[1])["total"]
    assert (Library(library_dir).cache_dir / "quotecounts.cache").exists()
    row = next(r for r in rows(capsys) if r["kind"] == "direct" and not r["nested"])
    ok(capsys, "quote", "reject", row["quote"])
    after = json.loads(run(capsys, "stats", "--format", "json")[1])["total"]
    assert (after["quotes"], after["direct"]) == (before["quotes"] - 1, before["direct"] - 1)
    ok(capsys, "quote", "reset", row["quote"])
    ok(capsys, "actor", "set", "tom-birch", "--type", "none")  # the alias table changes
    again = json.loads(run(capsys, "stats", "--format", "json")[1])
    assert again["total"]["quotes"] == before["quotes"]
    assert "tom-birch" not in {s["actor"] for s in again["top_speakers"]}
    # his quotes now count by the speaker as written ("Birch", "he", ...): more speakers
    assert again["total"]["speakers"] > before["speakers"]
