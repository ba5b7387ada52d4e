"""Shared helpers for the CLI tests: run ``main`` in-process, write small articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.__main__ import main

ARTICLE = """Ministers agree on a new harbour plan

The transport minister said on Tuesday that the harbour plan would go ahead. "We will not wait \
any longer," said Anna Berg, the minister, in Hamburg.

The opposition criticised the decision. The plan would cost too much, the party's leader said.

Officials said the minister had signed the plan. The minister had signed it before the vote."""

GERMAN = """Regierung kündigt Hilfen für Landwirte an

Die Bundesregierung will Landwirten nach der Dürre mit Soforthilfen helfen. „Wir lassen die \
Betriebe nicht allein“, sagte Agrarministerin Petra Lind am Mittwoch in Berlin.

Der Bauernverband begrüßte die Ankündigung. Die Hilfen kämen jedoch spät, sagte sein Präsident."""


def distinct(text: str, n: int) -> str:
    """``text`` made into a different story for dedupe (near-duplicates count as duplicates):
    a marker every few words, so no run of words is shared with another ``n``."""
    out = []
    for i, word in enumerate(text.split(" ")):
        out.append(word)
        if i % 5 == 4:
            out.append(f"v{n}")
    return " ".join(out)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def imported_ids(out: str) -> list[str]:
    return [line.split()[1] for line in out.splitlines() if line.startswith("imported ")]


def list_json(capsys: pytest.CaptureFixture[str], *extra: str) -> list[dict]:
    code, out, err = run(capsys, "list", "--json", *extra)
    assert code == 0, err
    return json.loads(out)
