"""Correcting the analysis in the TUI (issue 13): c, x, s, K, Q on the article screen, u undoes,
the actors panel's e; then `reader quotes` shows what was done. Made-up articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_tui_support import SIZE, add_article, app_for, open_article, run_async, settle

from reader.__main__ import main
from reader.render import CHECKED_STYLE, REJECTED_STYLE

BODY = """The mayor of Eastwick said on Monday that the bridge would open in spring. "We have \
waited long enough," said Clara Venn, the mayor, at the town hall.

The opposition leader Tom Birch criticised the plan. The bridge would cost far too much, Birch \
said. "Nobody asked the residents," he added.

Engineers said the river bed was stable. According to the planning office, work starts in March."""


def quotes(capsys: pytest.CaptureFixture[str], root: Path, *extra: str) -> dict[str, dict]:
    code = main(["--library", str(root), "quotes", "--format", "json", *extra])
    out = capsys.readouterr().out
    assert code == 0
    return {r["text"]: r for r in json.loads(out)}


def statuses(root: Path, *, include_all: bool = False) -> set[str]:
    """The statuses of the quotes, read while the app runs (its stdout is not ours then)."""
    from reader.library.datasets import quote_rows
    from reader.library.store import Library

    return {r["status"] for r in quote_rows(Library(root), include_all=include_all)}


def status_line(screen) -> str:
    return str(screen.query_one("#status").render())


def styles_over(screen, start: int, end: int) -> set:
    """The styles of the spans that cover ``start:end`` of the article body."""
    return {
        span.style
        for spans in screen.view.doc.para_spans
        for span in spans
        if span.start <= start and end <= span.end
    }


async def to_quote(pilot, screen, words: str) -> None:
    """Step with n until the cursor is on the quote holding ``words``."""
    for _ in range(len(screen.view.quotes) + 1):
        await pilot.press("n")
        start, end = screen.view.cursor
        if words in screen.text[start:end]:
            return
    raise AssertionError(f"no quote with {words!r}")


@run_async
async def test_confirm_reject_speaker_kind_and_add_then_reader_quotes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "lib"
    add_article(root, BODY, title="Council approves the river bridge")
    before = quotes(capsys, root)
    app = app_for(root)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        # c confirms the current quote
        await to_quote(pilot, screen, "waited long enough")
        confirmed = screen.view.cursor
        await pilot.press("c")
        await settle(pilot)
        assert "✓ confirmed 20" in status_line(screen)
        assert f" by {screen.session.store.who()}" in status_line(screen)  # the coder (#17)
        assert CHECKED_STYLE in styles_over(screen, *confirmed)
        # x rejects one: struck through, still reachable with n/N
        await to_quote(pilot, screen, "river bed was stable")
        rejected = screen.view.cursor
        await pilot.press("x")
        await settle(pilot)
        assert REJECTED_STYLE in styles_over(screen, *rejected)
        assert "rejected" in status_line(screen)
        # s sets the speaker (any name), K the kind
        await to_quote(pilot, screen, "cost far too much")
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"Ada Quill", "enter")
        await settle(pilot)
        assert "speaker: Ada Quill" in status_line(screen)
        await pilot.press("K")
        await pilot.pause()
        await pilot.press(*"reported", "enter")
        await settle(pilot)
        assert "reported" in status_line(screen) and "corrected" in status_line(screen)
        # Q: two sentences (one and v) become a quote by Clara Venn
        screen.view.move_cursor(*_sentence(screen, "The mayor of Eastwick"))
        await pilot.press("v")  # the passage: two sentences
        await pilot.press("Q")
        await pilot.pause()
        await pilot.press(*"Clara V", "right", "enter")
        await settle(pilot)
    after = quotes(capsys, root)
    every = quotes(capsys, root, "--all")
    assert after[_text(before, "waited long enough")]["status"] == "confirmed"
    stable = _text(before, "river bed was stable")
    assert stable not in after and every[stable]["status"] == "rejected"
    costly = after[_text(before, "cost far too much")]
    assert (costly["speaker"], costly["kind"], costly["status"]) == (
        "Ada Quill",
        "reported",
        "corrected",
    )
    [added] = [r for r in after.values() if r["status"] == "added"]
    assert added["text"].startswith("The mayor of Eastwick said on Monday")
    assert added["text"].endswith("at the town hall.")
    assert added["actor"] == "clara-venn" and added["quote"].startswith("n")
    unchanged = [r for r in after.values() if r["status"] == "auto"]
    assert len(unchanged) == len(before) - 3  # confirmed, rejected, corrected


def _text(rows: dict[str, dict], words: str) -> str:
    [found] = [t for t in rows if words in t]
    return found


def _sentence(screen, words: str) -> tuple[int, int]:
    for start, end in screen.view.doc.sentences:
        if words in screen.text[start:end]:
            return start, end
    raise AssertionError(words)


@run_async
async def test_u_undoes_the_last_correction(tmp_path: Path, capsys) -> None:
    root = tmp_path / "lib"
    add_article(root, BODY, title="Council approves the river bridge")
    before = quotes(capsys, root)
    app = app_for(root)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        await to_quote(pilot, screen, "Nobody asked")
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("x")  # the last change: rejected after confirming
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert "confirmed" in statuses(root) and "rejected" not in statuses(root, include_all=True)
        assert screen.check_action("undo", ()) is False  # one level
        await pilot.press("Q")  # a whole sentence, not grown from a quote: a new quote
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert "added" in statuses(root)
        await pilot.press("u")
        await settle(pilot)
    after = quotes(capsys, root)
    assert "added" not in {r["status"] for r in after.values()}
    assert after[_text(before, "Nobody asked")]["status"] == "confirmed"


@run_async
async def test_v_from_a_quote_then_q_moves_its_bounds(tmp_path: Path, capsys) -> None:
    root = tmp_path / "lib"
    add_article(root, BODY, title="Council approves the river bridge")
    before = quotes(capsys, root)
    original = before[_text(before, "cost far too much")]
    app = app_for(root)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        await to_quote(pilot, screen, "cost far too much")
        await pilot.press("greater_than_sign", "greater_than_sign")  # ", Birch"
        await pilot.press("Q")
        await pilot.pause()
        assert "bounds" in str(pilot.app.screen.query_one(".dialog-title").render())
        await pilot.press("enter")
        await settle(pilot)
    moved = next(r for r in quotes(capsys, root).values() if r["quote"] == original["quote"])
    assert moved["status"] == "corrected" and moved["start"] == original["start"]
    assert moved["text"].startswith(original["text"]) and moved["end"] > original["end"]
    assert moved["text"].endswith("Birch")


@run_async
async def test_actors_panel_edit_merges_and_marks_none(tmp_path: Path, capsys) -> None:
    root = tmp_path / "lib"
    add_article(root, BODY, title="Council approves the river bridge")
    app = app_for(root)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        await pilot.press("p")
        await settle(pilot)
        from reader.widgets.panels import ActorsPanel

        panel = screen.query_one(ActorsPanel)
        birch = next(i for i, o in enumerate(panel.options) if o.id == "tom-birch")
        panel.highlighted = birch
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("tab", "tab", *"Clara V", "right", "ctrl+s")
        await settle(pilot)
        assert "tom-birch" not in {a.id for a in screen.analysis.actors}
        assert "Tom Birch" in screen.analysis.actor("clara-venn").aliases
    code = main(["--library", str(root), "actors", "--format", "json"])
    actors = {a["actor"]: a for a in json.loads(capsys.readouterr().out)}
    assert code == 0 and "tom-birch" not in actors
    assert actors["clara-venn"]["direct"] == 2


@run_async
async def test_adjudicating_records_final_corrections_and_shows_final_s(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command palette's "Adjudicate" makes the TUI record corrections as the coder final
    (as `--coder final` does in the CLI) and show final's version; stopping goes back to the
    user's own name and version. A new run never starts adjudicating."""
    root = tmp_path / "lib"
    add_article(root, BODY, title="Council approves the river bridge")
    app = app_for(root)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_article(pilot)
        me = screen.session.store.who()
        app.action_toggle_adjudicating()
        await settle(pilot)
        header = str(screen.query_one("#article-header").render())
        assert "adjudicating: recorded as final" in header
        await to_quote(pilot, screen, "Nobody asked")
        await pilot.press("x")  # rejected by final only
        await settle(pilot)
        assert "by final" in status_line(screen)
        commands = [c.title for c in app.get_system_commands(screen)]
        assert "Stop adjudicating" in commands
        app.action_toggle_adjudicating()
        await settle(pilot)
        assert screen.session.store.who() == me
        assert "adjudicating" not in str(screen.query_one("#article-header").render())
        # the user's own version has no rejection: the quote is back among theirs
        assert any("Nobody asked" in screen.text[q.start : q.end] for q in screen.view.quotes)
        assert "Adjudicate (record as final)" in [c.title for c in app.get_system_commands(screen)]
    final = quotes(capsys, root, "--coder", "final", "--all")
    assert next(r for t, r in final.items() if "Nobody asked" in t)["status"] == "rejected"
    mine = quotes(capsys, root)
    assert next(r for t, r in mine.items() if "Nobody asked" in t)["status"] == "auto"
    again = app_for(root)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not again.session.adjudicating  # a new run starts as the user
