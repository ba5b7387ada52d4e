"""The entries of a feed update that wait for their page wait in a temporary file, not in memory
(reader/library/feed_update.py ``_Backlog``): what they come back as, and what they cost."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from reader.fetching.feeds import Entry
from reader.library.feed_update import _Backlog


def entries(feed: int, count: int, text: str = "") -> list[Entry]:
    return [
        Entry(
            key=f"feed{feed}-item{n}",
            link=f"http://127.0.0.1:8000/{feed}/{n}.html" if n % 5 else None,
            title=f"The ferry timetable changes, part {n}",
            date="2024-03-05" if n % 2 else None,
            text=text or f"<p>The council met on the quay, item {n}.</p>\nA second line.",
            author=None,
        )
        for n in range(count)
    ]


def test_each_feed_gets_its_entries_back_in_order_whatever_they_hold(tmp_path: Path) -> None:
    backlog = _Backlog(tmp_path)
    first, second = entries(1, 7), entries(2, 3)
    odd = Entry(key="k\u00e9y", link=None, title='Stra\u00dfe \ud800 \u2028 "q"', text="\x00a\nb")
    backlog.add("one", b"".join(_Backlog.line(e) for e in first[:4]))
    backlog.add("two", b"".join(_Backlog.line(e) for e in [*second, odd]))
    backlog.add("one", b"".join(_Backlog.line(e) for e in first[4:]))  # a second answer
    got_one = [backlog.take("one") for _ in range(3)]
    got_two = [backlog.take("two") for _ in range(4)]
    got_one += [backlog.take("one") for _ in range(4)]
    assert got_one == first
    assert got_two == [*second, odd]
    assert not backlog.spans  # every span read: nothing kept for finished feeds
    backlog.close()
    assert list(tmp_path.iterdir()) == []  # the file had no name: nothing is left behind


def test_waiting_entries_do_not_stay_in_memory(tmp_path: Path) -> None:
    held = {}
    for per_feed in (20, 400):  # 50 feeds: 1,000 and 20,000 entries of ~1 KB of text each
        backlog = _Backlog(tmp_path)
        tracemalloc.start()
        try:
            for feed in range(50):
                lines = b"".join(_Backlog.line(e) for e in entries(feed, per_feed, "x" * 1000))
                backlog.add(str(feed), lines)
                del lines
            for feed in range(50):  # the first few of each feed asked for
                for _ in range(4):
                    backlog.take(str(feed))
            held[per_feed] = tracemalloc.get_traced_memory()[0]
        finally:
            tracemalloc.stop()
            backlog.close()
    # 20,000 entries held as objects were ~25 MB; waiting in the file, a read position a feed
    assert held[400] < 200_000, held
    assert held[400] < 2 * held[20] + 50_000, held
