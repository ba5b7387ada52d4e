"""Pilot tests of the feeds screen and of importing a URL in the TUI (local server only)."""

from __future__ import annotations

from pathlib import Path

from test_cli_support import ARTICLE, distinct
from test_net_support import Answer, LocalServer, closed_port, html_page
from test_tui_support import SIZE, app_for, run_async, settle
from textual.pilot import Pilot

from reader.app import ReaderApp
from reader.library.feeds import FeedStore
from reader.screens.feeds import FeedsScreen
from reader.screens.import_dialog import ImportDialog
from reader.widgets.article_table import ArticleTable

HTML = {"Content-Type": "text/html; charset=utf-8"}


def feed_server(srv: LocalServer) -> str:
    items = ""
    for n in range(2):
        srv.route(
            f"/s{n}",
            Answer(body=html_page(f"Feed story {n}", distinct(ARTICLE, 300 + n)), headers=HTML),
        )
        items += f"<item><title>S{n}</title><link>/s{n}</link><guid isPermaLink='false'>s{n}</guid></item>"
    rss = f"<rss version='2.0'><channel><title>Pilot Post</title>{items}</channel></rss>"
    return srv.route("/feed.xml", Answer(body=rss.encode()))


def labels(screen: FeedsScreen) -> list[str]:
    return [label.plain for label, _hay, _row in screen.entries]


async def open_feeds(pilot: Pilot, app: ReaderApp) -> tuple[int, FeedsScreen]:
    """Settle the library, note its row count, press F: the count and the feeds screen."""
    await settle(pilot)
    before = len(app.screen.query_one(ArticleTable).rows)
    await pilot.press("F")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, FeedsScreen)
    return before, screen


@run_async
async def test_feeds_screen_updates_all_shows_errors_and_the_library_says_how_many_new(
    samples_dir_copy: Path,
) -> None:
    with LocalServer() as srv:
        good = feed_server(srv)
        store = FeedStore(samples_dir_copy)
        store.add(good, ["pilot"])
        store.add(f"http://127.0.0.1:{closed_port()}/down.xml")
        app = app_for(samples_dir_copy)
        async with app.run_test(size=SIZE) as pilot:
            before, screen = await open_feeds(pilot, app)
            assert len(screen.entries) == 2
            assert all("never updated" in text for text in labels(screen))
            await pilot.press("U")
            await settle(pilot)
            status = str(screen.query_one("#feeds-status").render())
            assert "2 new" in status and "connection refused" in status
            good_label, down_label = labels(screen)
            assert good_label.startswith("  Pilot Post") and "2 articles" in good_label
            assert down_label.startswith("! ") and "connection refused" in down_label
            await pilot.press("escape")
            await settle(pilot)
            header = str(app.screen.query_one("#library-header").render())
            assert "2 new" in header
            assert len(app.screen.query_one(ArticleTable).rows) == before + 2


@run_async
async def test_feeds_screen_updates_the_highlighted_feed_alone_showing_progress(
    samples_dir_copy: Path,
) -> None:
    import asyncio

    from textual.widgets import ProgressBar

    with LocalServer() as srv:
        good = feed_server(srv)
        srv.route(  # a slow page: the update is seen under way
            "/s1",
            Answer(body=html_page("Feed story 1", distinct(ARTICLE, 301)), headers=HTML, delay=1.5),
        )
        store = FeedStore(samples_dir_copy)
        store.add(good)
        other = f"http://127.0.0.1:{closed_port()}/other.xml"
        store.add(other)
        app = app_for(samples_dir_copy)
        async with app.run_test(size=SIZE) as pilot:
            _, screen = await open_feeds(pilot, app)
            await pilot.press("u")  # the first feed is highlighted
            shown = []
            for _ in range(200):  # while it runs: the bar and "done/total URL" in the status
                await asyncio.sleep(0.05)
                status = str(screen.query_one("#feeds-status").render())
                if screen.query_one("#feeds-progress", ProgressBar).display:
                    shown.append(status)
                if not screen.running:
                    break
            assert any(" http://127.0.0.1:" in s and "/" in s.split()[0] for s in shown), shown
            await settle(pilot)
            status = str(screen.query_one("#feeds-status").render())
            assert status.startswith("2 new") and "error" not in status
            assert not screen.query_one("#feeds-progress", ProgressBar).display
            good_label, other_label = labels(screen)
            assert "2 articles" in good_label
            assert "never updated" in other_label  # the other feed was not asked
            rows = {f.url: f for f in FeedStore(samples_dir_copy).feeds()}
            assert rows[good].last_status == "ok" and rows[other].last_status is None


@run_async
async def test_feeds_screen_adds_and_removes(samples_dir_copy: Path) -> None:
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        screen = app.screen
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#prompt").value = "http://127.0.0.1:9/added.xml climate, outlet/x"
        await pilot.press("enter")
        await settle(pilot)
        [feed] = FeedStore(samples_dir_copy).feeds()
        assert feed.url == "http://127.0.0.1:9/added.xml" and feed.tags == ["climate", "outlet/x"]
        assert len(screen.entries) == 1
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#prompt").value = "not-a-url"
        await pilot.press("enter")
        await settle(pilot)
        assert "not an http or https URL" in str(screen.query_one("#feeds-status").render())
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert FeedStore(samples_dir_copy).feeds() == [] and screen.entries == []


@run_async
async def test_feeds_are_in_the_command_palette(samples_dir_copy: Path) -> None:
    app = app_for(samples_dir_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Feeds" in titles


@run_async
async def test_import_dialog_takes_a_url(samples_dir_copy: Path) -> None:
    with LocalServer() as srv:
        url = srv.route(
            "/story", Answer(body=html_page("Dialog story", distinct(ARTICLE, 77)), headers=HTML)
        )
        app = app_for(samples_dir_copy)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("i")
            await pilot.pause()
            assert isinstance(app.screen, ImportDialog)
            app.screen.query_one("#import-path").value = url
            await pilot.press("enter")
            await settle(pilot)
            assert app.screen.imported == 1 and not app.screen.errors


@run_async
async def test_escape_stops_a_running_update_keeps_what_came_in_and_the_next_update_gets_the_rest(
    samples_dir_copy: Path,
) -> None:
    import asyncio

    with LocalServer() as srv:
        items = ""
        for n in range(6):  # pages that answer one after another: Escape comes in between
            srv.route(
                f"/p{n}",
                Answer(
                    body=html_page(f"Slow story {n}", distinct(ARTICLE, 400 + n)),
                    headers=HTML,
                    delay=0.3 + 0.8 * n,
                ),
            )
            items += f"<item><title>P{n}</title><link>/p{n}</link><guid>p{n}</guid></item>"
        rss = f"<rss version='2.0'><channel><title>Slow Post</title>{items}</channel></rss>"
        url = srv.route("/slow.xml", Answer(body=rss.encode()))
        FeedStore(samples_dir_copy).add(url)
        app = app_for(samples_dir_copy)
        async with app.run_test(size=SIZE) as pilot:
            before, screen = await open_feeds(pilot, app)
            await pilot.press("U")
            for _ in range(200):  # until the first article is in
                await asyncio.sleep(0.05)
                if screen.new:
                    break
            assert screen.running and screen.new
            await pilot.press("escape")
            assert app.screen is screen  # Escape stops the update; it does not leave
            for _ in range(200):
                await asyncio.sleep(0.05)
                if not screen.running:
                    break
            await settle(pilot)
            status = str(screen.query_one("#feeds-status").render())
            assert not screen.running and status.endswith("stopped"), status
            got = int(status.split()[0])
            assert 1 <= got < 6  # what came in before Escape stays; it stopped before the end
            await pilot.press("escape")  # now Escape goes back
            await settle(pilot)
            assert len(app.screen.query_one(ArticleTable).rows) == before + got
            await pilot.press("F")
            await settle(pilot)
            await pilot.press("U")  # the next update brings the rest, nothing twice
            for _ in range(400):
                await asyncio.sleep(0.05)
                if not app.screen.running:
                    break
            await settle(pilot)
            status = str(app.screen.query_one("#feeds-status").render())
            assert status.startswith(f"{6 - got} new"), status
            await pilot.press("escape")
            await settle(pilot)
            assert len(app.screen.query_one(ArticleTable).rows) == before + 6
