"""``reader analyze FILE --json`` and ``reader analyze --jsonl``: the contract of issue 2."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

from test_cli_support import ARTICLE, GERMAN, run, write

QUOTE_KEYS = {
    "start",
    "end",
    "text",
    "kind",
    "nested",
    "speaker",
    "speaker_start",
    "speaker_end",
    "actor",
}
ACTOR_KEYS = {"id", "name", "type", "roles", "aliases", "mentions"}
KINDS = {"direct", "indirect", "indirect_free_indirect", "free_indirect", "reported", "term"}
SPEAKER_RULES = {"frame", "name", "role", "apposition", "pronoun", "previous", None}
TYPES = {"person", "organisation", "country", "place", "other"}


def check_spans(text: str, quotes: list[dict], actors: list[dict]) -> None:
    actor_ids = {a["id"] for a in actors}
    assert quotes, "no quotes to check"  # the loop below must not pass on nothing
    for q in quotes:
        assert set(q) >= QUOTE_KEYS
        assert q["kind"] in KINDS and isinstance(q["nested"], bool)
        assert 0 <= q["start"] < q["end"] <= len(text)
        assert text[q["start"] : q["end"]] == q["text"]
        if q["speaker_start"] is not None:
            assert isinstance(q["speaker"], str)
            assert 0 <= q["speaker_start"] < q["speaker_end"] <= len(text)
        assert q["actor"] is None or q["actor"] in actor_ids
        # issue 12: every quote says why it is one, and how its speaker was found
        assert isinstance(q["rule"], str) and q["rule"]
        assert q["speaker_rule"] in SPEAKER_RULES
        assert (q["speaker_rule"] is None) == (q["speaker"] is None)
    for a in actors:
        assert set(a) >= ACTOR_KEYS and a["type"] in TYPES
        assert isinstance(a["name"], str) and isinstance(a["roles"], list)
        for start, end in a["mentions"]:
            assert 0 <= start < end <= len(text) and text[start:end].strip()


def test_analyze_files_json_contract(capsys, tmp_path: Path, library_dir: Path) -> None:
    en = write(tmp_path / "en.txt", ARTICLE)
    de = write(
        tmp_path / "de.md",
        "---\ntitle: Hilfen\ndate: 2023-07-01\nsource: Bote\n---\n\n" + GERMAN.split("\n\n", 1)[1],
    )
    code, out, err = run(capsys, "analyze", str(en), str(de), "--json")
    assert code == 0, err
    results = json.loads(out)
    assert [r["path"] for r in results] == [str(en), str(de)]
    for r in results:
        assert set(r) >= {"path", "title", "date", "source", "lang", "text", "quotes", "actors"}
        check_spans(r["text"], r["quotes"], r["actors"])
    en_r, de_r = results
    assert en_r["title"] == "Ministers agree on a new harbour plan" and en_r["lang"] == "en"
    assert (de_r["title"], de_r["date"], de_r["source"], de_r["lang"]) == (
        "Hilfen",
        "2023-07-01",
        "Bote",
        "de",
    )
    direct = [q for q in de_r["quotes"] if q["kind"] == "direct"]
    assert direct and direct[0]["text"].startswith("„Wir lassen")
    assert not library_dir.exists()  # analysing imports nothing


def test_analyze_bad_file_still_prints_the_others(capsys, tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", ARTICLE)
    code, out, err = run(capsys, "analyze", str(tmp_path / "missing.txt"), str(good), "--json")
    assert code == 1
    assert [r["path"] for r in json.loads(out)] == [str(good)]
    assert err.startswith(f"error {tmp_path / 'missing.txt'}: ") and len(err.splitlines()) == 1


def test_analyze_jsonl_verbatim_one_line_each(capsys, tmp_path: Path) -> None:
    text = "  Noise line\n\n„Wir sind bereit“, sagte die Ministerin. \x07"
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(
        json.dumps({"id": "a", "text": text, "lang": "de"})
        + "\n"
        + "not json\n"
        + json.dumps({"id": 7, "text": ARTICLE})
        + "\n"
        + json.dumps({"id": "no-text"})
        + "\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "analyze", "--jsonl", str(corpus))
    assert code == 1
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["id"] for line in lines] == ["a", 7]
    assert all(set(line) == {"id", "lang", "quotes", "actors"} for line in lines)
    assert lines[0]["lang"] == "de"
    check_spans(text, lines[0]["quotes"], lines[0]["actors"])  # offsets into the raw text
    assert any(q["text"] == "„Wir sind bereit“" for q in lines[0]["quotes"])
    assert [e.split(": ")[0] for e in err.splitlines()] == [
        f"error {corpus}:2",
        f"error {corpus}:4",
    ]


def test_analyze_jsonl_from_stdin(capsys, monkeypatch) -> None:
    data = json.dumps({"id": "s", "text": GERMAN}).encode("utf-8") + b"\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(capsys, "analyze", "--jsonl", "-")
    assert code == 0 and json.loads(out)["id"] == "s"


def test_analyze_usage_errors(capsys, tmp_path: Path) -> None:
    assert run(capsys, "analyze")[0] == 2
    assert run(capsys, "analyze", "x.txt", "--jsonl", "y.jsonl")[0] == 2
    code, _, err = run(capsys, "analyze", "--jsonl", str(tmp_path / "none.jsonl"))
    assert code == 1 and "none.jsonl" in err


def test_analyze_text_output_for_people(capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "analyze", str(write(tmp_path / "de.txt", GERMAN)))
    assert code == 0 and "Wir lassen" in out and "direct" in out
