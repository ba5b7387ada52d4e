"""Helpers for the TUI tests (no tests here); their fixtures (a sample library built once and
copied per test, a fixed library for snapshots) are in conftest.py."""

from __future__ import annotations

from pathlib import Path

from reader.app import make_app

SIZE = (120, 40)


def app_for(root: Path):
    """The app exactly as the CLI builds it, without the 1 s poll for changes made elsewhere."""
    return make_app(root, poll_interval=0)


async def settle(pilot) -> None:
    """Let workers finish and the screen repaint."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_article(pilot, index: int = 0):
    """Open the library table's row ``index`` and return the article screen."""
    from reader.screens.article import ArticleScreen
    from reader.widgets.article_table import ArticleTable

    pilot.app.screen.query_one(ArticleTable).cursor = index
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ArticleScreen)
    return pilot.app.screen


def add_article(root: Path, text: str, title: str = "A test article", **fields) -> str:
    """Store an article through the real Library API; returns its id."""
    from reader.importing.models import ParsedArticle
    from reader.library.store import Library

    parsed = ParsedArticle(text=text, title=title, lang=fields.pop("lang", "en"), **fields)
    _status, meta = Library(root, create=True).add(parsed, text.encode("utf-8"), "test.txt")
    return meta.id


def run_async(func):
    """Run an ``async def`` test with asyncio.run (no async pytest plugin is needed)."""
    import asyncio
    import functools

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return asyncio.run(func(*args, **kwargs))

    return wrapper


SNAPSHOT_ARTICLES = [
    (
        "Ministers agree on a ceasefire plan",
        "The Example Times",
        "2024-05-02",
        "en",
        (
            'Foreign ministers met in Geneva on Monday. "We have a plan that can hold," said Ana '
            "Ruiz, the chair of the talks.\n\nThe council said that the text would be voted on "
            'next week. According to Ruiz, the "Geneva formula" is the basis.\n\n'
            '"Nobody expected this," Tom Berg told reporters. He warned of delays.'
        ),
    ),
    (
        "Regierung plant neues Klimagesetz",
        "Der Beispielbote",
        "2024-04-11",
        "de",
        (
            "Die Regierung will das Klimagesetz noch vor dem Sommer beschließen. „Wir handeln "
            "jetzt“, sagte Umweltministerin Eva Brandt.\n\nDer Verband kritisierte, der Entwurf "
            "komme zu spät. Brandt zufolge seien die Mittel gesichert."
        ),
    ),
    (
        "Harbour strike ends after two weeks",
        "Port Daily",
        "2024-03-20",
        "en",
        (
            'The dock workers union ended its strike on Wednesday. "We won a fair deal," said '
            "Lina Costa.\n\nThe port authority said that ships would be unloaded again."
        ),
    ),
]


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _analysis_for(text: str):
    """A fixed, hand-made analysis (so the snapshots don't move when the analyser improves)."""
    from reader.analysis.models import Actor, Analysis, Quote

    people = [n for n in ("Ana Ruiz", "Tom Berg", "Eva Brandt", "Lina Costa") if n in text]
    orgs = [n for n in ("council", "Verband", "dock workers union", "port authority") if n in text]
    actors = [
        Actor(f"p{i}", n, "person", mentions=[list(_span(text, n))]) for i, n in enumerate(people)
    ]
    actors += [
        Actor(f"o{i}", n, "organisation", mentions=[list(_span(text, n))])
        for i, n in enumerate(orgs)
    ]
    quotes = []
    for part, kind, speaker in [
        ('"We have a plan that can hold,"', "direct", "Ana Ruiz"),
        ("the text would be voted on next week", "indirect", "council"),
        ('"Geneva formula"', "term", None),
        ('"Nobody expected this,"', "direct", "Tom Berg"),
        ("„Wir handeln jetzt“", "direct", "Eva Brandt"),
        ("der Entwurf komme zu spät", "indirect", "Verband"),
        ("seien die Mittel gesichert", "indirect", "Eva Brandt"),
        ('"We won a fair deal,"', "direct", "Lina Costa"),
        ("ships would be unloaded again", "reported", "port authority"),
    ]:
        if part not in text:
            continue
        start, end = _span(text, part)
        actor = next((a for a in actors if a.name == speaker), None)
        s_start, s_end = _span(text, speaker) if speaker else (None, None)
        quotes.append(
            Quote(
                start,
                end,
                part,
                kind,
                speaker=speaker,
                speaker_start=s_start,
                speaker_end=s_end,
                actor=actor.id if actor else None,
            )
        )
    return Analysis(lang=None, quotes=quotes, actors=actors)
