"""The statistics screen (issue 13): S in the library opens it (also from the palette); it shows
the numbers of `reader stats` over the articles the library shows, corrections applied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_tui_support import SIZE, app_for, run_async, settle

from reader.__main__ import main
from reader.screens.stats import StatsScreen


def cli_stats(capsys: pytest.CaptureFixture[str], root: Path, *extra: str) -> dict:
    code = main(["--library", str(root), "stats", "--format", "json", *extra])
    out = capsys.readouterr().out
    assert code == 0
    return json.loads(out)


def shown(screen: StatsScreen) -> str:
    """The text the statistics widget holds, as a terminal would show it."""
    import io

    from rich.console import Console

    console = Console(width=SIZE[0], file=io.StringIO(), record=True)
    console.print(screen.query_one("#stats-content").content)
    return console.export_text()


@run_async
async def test_s_opens_the_statistics_of_the_library(samples_dir_copy: Path, capsys) -> None:
    expected = cli_stats(capsys, samples_dir_copy)
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        assert screen.results is not None
        for by in ("source", "month", "type", "lang"):
            assert screen.results[by]["total"] == expected["total"]
        assert screen.results["source"]["groups"] == expected["groups"]
        text = shown(screen)
        total = expected["total"]
        assert f"{total['quotes']} quotations in {total['articles']} articles" in text
        for group in expected["groups"]:
            assert group["key"] in text
        top = expected["top_speakers"][0]["speaker"]
        assert top in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, StatsScreen)


@run_async
async def test_the_statistics_follow_the_tag_filter_and_corrections(
    samples_dir_copy: Path, capsys
) -> None:
    from reader.library.datasets import quote_rows
    from reader.library.store import Library

    library = Library(samples_dir_copy)
    first, second = library.ids()[:2]
    main(["--library", str(samples_dir_copy), "tag", first, "studied"])
    main(["--library", str(samples_dir_copy), "tag", second, "studied"])
    row = next(r for r in quote_rows(library, [first]) if r["kind"] == "direct" and not r["nested"])
    main(["--library", str(samples_dir_copy), "quote", "reject", row["quote"]])
    capsys.readouterr()
    expected = cli_stats(capsys, samples_dir_copy, "--tag", "studied")
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"studied", "enter")
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StatsScreen) and screen.ids is not None
        assert sorted(screen.ids) == sorted([first, second])
        assert screen.results["source"]["total"] == expected["total"]
        assert expected["total"]["articles"] == 2
        assert "studied" in str(screen.query_one("#stats-header").render())
