"""Full-text search: the query language, ranking, snippets, the JSON contract, the index kept
current by every kind of write, and rebuilt when it is missing, damaged or not FTS5-capable.
All articles here are made up for the tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli_support import imported_ids, run, write

from reader.importing.models import ParsedArticle
from reader.library.store import Library

STORIES = {
    "klima": (
        "Der Klimabericht liegt vor",
        "Der Klimabericht der Kommission wurde am Montag vorgestellt.\n\n"
        "Der Außenminister nannte ihn um 12:30 Uhr eine Mahnung.",
        "de",
        "2024-02-10",
        "Morgenblatt",
    ),
    "nato": (
        "Treffen in Brüssel",
        "Der Nato-Chef traf die Aussenminister der Mitgliedsstaaten.\n\n"
        "Über das Klima wurde nicht gesprochen.",
        "de",
        "2024-05-03",
        "Abendpost",
    ),
    "harbour": (
        "Harbour plans approved",
        "The council approved the harbour plans on Tuesday.\n\n"
        "Officials said the running costs would be reviewed in March.",
        "en",
        "2023-11-20",
        "Coastal Times",
    ),
    "rail": (
        "Railway strike ends",
        "The railway strike ended after talks.\n\nUnions said the chef of the canteen cooked.",
        "en",
        "2024-03-01",
        "Coastal Times",
    ),
}


@pytest.fixture
def lib(tmp_path: Path) -> tuple[Library, dict[str, str]]:
    library = Library(tmp_path / "lib", create=True)
    ids = {}
    for key, (title, text, lang, date, source) in STORIES.items():
        parsed = ParsedArticle(text=text, title=title, lang=lang, date=date, source=source)
        _, meta = library.add(parsed, text.encode("utf-8"), f"{key}.txt")
        ids[key] = meta.id
    return library, ids


def found(library: Library, query: str) -> list[str]:
    return [h.article.id for h in library.search(query)]


def keys(library: Library, ids: dict[str, str], query: str) -> set[str]:
    back = {v: k for k, v in ids.items()}
    return {back[i] for i in found(library, query)}


def test_words_are_folded_stemmed_and_find_the_compounds_they_begin(lib) -> None:
    library, ids = lib
    assert keys(library, ids, "Klima") == {"klima", "nato"}  # Klimabericht, Klima
    assert keys(library, ids, "Aussenminister") == {"klima", "nato"}  # Außenminister too
    assert keys(library, ids, "außenminister") == {"klima", "nato"}
    assert keys(library, ids, "uber") == set()  # ü is ue, not u
    assert keys(library, ids, "ueber") == {"nato"}
    assert keys(library, ids, "runs") == {"harbour"}  # stemmed: run -> running
    assert keys(library, ids, "approves") == {"harbour"}


def test_phrases_or_not_and_prefixes(lib) -> None:
    library, ids = lib
    assert keys(library, ids, '"harbour plans"') == {"harbour"}
    assert keys(library, ids, '"plans harbour"') == set()
    assert keys(library, ids, "strike OR council") == {"harbour", "rail"}
    assert keys(library, ids, "Klima -Nato") == {"klima"}
    assert keys(library, ids, "rail*") == {"rail"}
    assert keys(library, ids, "Coastal -strike") == {"harbour"}


def test_field_filters_language_and_date_ranges(lib) -> None:
    library, ids = lib
    assert keys(library, ids, "title:Klima") == {"klima"}
    assert keys(library, ids, "source:abendpost") == {"nato"}
    assert keys(library, ids, "lang:en") == {"harbour", "rail"}
    assert keys(library, ids, "date:2024-01..2024-03") == {"klima", "rail"}
    assert keys(library, ids, "date:2024") == {"klima", "nato", "rail"}
    assert keys(library, ids, "Coastal date:..2023-12") == {"harbour"}
    assert keys(library, ids, "lang:de Klima date:2024-05") == {"nato"}


def test_hyphens_and_colons_inside_words_stay_text(lib) -> None:
    library, ids = lib
    assert keys(library, ids, "Nato-Chef") == {"nato"}  # not "Nato" without "Chef"
    assert keys(library, ids, "12:30") == {"klima"}  # not a field called 12
    assert keys(library, ids, "chef") == {"nato", "rail"}
    assert keys(library, ids, "Unions-chef") == set()  # the words, in this order


def test_results_are_ranked_and_carry_a_snippet_with_the_matches(lib) -> None:
    library, ids = lib
    hits = library.search("Klima")
    assert hits[0].article.id == ids["klima"]  # in the title: first
    assert hits[0].score >= hits[1].score
    nato = next(h for h in hits if h.article.id == ids["nato"])
    marked = [nato.snippet[s:e] for s, e in nato.marks]
    assert marked == ["Klima"]
    assert [n for n, _ in nato.lines] == [1]


def test_tags_notes_and_actors_are_searched_and_follow_changes(lib) -> None:
    library, ids = lib
    assert found(library, "Quallenplage") == []
    library.annotations.tag_article(ids["rail"], ["Quallenplage"])
    assert found(library, "tag:Quallenplage") == [ids["rail"]]
    assert found(library, "Quallenplage") == [ids["rail"]]
    library.annotations.add_note(ids["harbour"], "compare with the ferry timetable")
    assert found(library, "timetable") == [ids["harbour"]]
    library.annotations.untag_article(ids["rail"], ["Quallenplage"])
    assert found(library, "Quallenplage") == []
    actors = {a for m in library.articles() for a in m.actors}
    if actors:
        name = sorted(actors)[0]
        assert found(library, f'actor:"{name}"')


def test_the_index_follows_edits_removals_imports_and_reimports(lib, capsys) -> None:
    library, ids = lib
    assert found(library, "Gezeitenkraftwerk") == []  # the index now exists
    library.edit(ids["rail"], title="Gezeitenkraftwerk geplant")
    assert found(library, "Gezeitenkraftwerk") == [ids["rail"]]
    assert found(library, "title:Railway") == []
    library.remove([ids["harbour"]])
    assert found(library, "council") == []
    text = "A new story about a lighthouse keeper and the Gezeitenkraftwerk nearby."
    _, meta = library.add(ParsedArticle(text=text, title="Lighthouse"), text.encode(), "l.txt")
    assert set(found(library, "Gezeitenkraftwerk")) == {ids["rail"], meta.id}
    original = library.article_dir(ids["klima"]) / "original.txt"
    original.write_text("Der Wattenbericht wurde vorgestellt.", encoding="utf-8")
    library.reimport([ids["klima"]])
    assert found(library, "Wattenbericht") == [ids["klima"]]
    assert found(library, "Klimabericht") == []


def test_a_missing_damaged_or_old_index_is_rebuilt(lib) -> None:
    import shutil

    from reader.library.search_index import FOLDER, OLD_FILE

    library, ids = lib
    assert found(library, "harbour") == [ids["harbour"]]
    folder = library.cache_dir / FOLDER
    library.search_index.close()
    (folder / "meta.json").write_bytes(b"this is not the index's list of segments" * 50)
    assert found(Library(library.root), "harbour") == [ids["harbour"]]
    for segment in folder.glob("*.idx"):  # the posting lists of every segment gone
        segment.unlink()
    assert found(Library(library.root), "harbour") == [ids["harbour"]]
    shutil.rmtree(folder)
    old = library.cache_dir / OLD_FILE  # the FTS5 file of earlier versions: removed
    old.write_bytes(b"SQLite format 3\x00")
    assert found(Library(library.root), "harbour") == [ids["harbour"]]
    assert folder.is_dir() and not old.exists()


def _without_tantivy(monkeypatch) -> None:
    from reader.library import search_engine

    def missing():
        raise search_engine.EngineUnavailable(
            "the search engine (tantivy) cannot be loaded (No module named 'tantivy'); "
            "pip install tantivy to search fast"
        )

    monkeypatch.setattr(search_engine, "load", missing)


def test_without_tantivy_search_reads_every_article_and_says_so(lib, monkeypatch, capsys) -> None:
    library, ids = lib
    _without_tantivy(monkeypatch)
    fresh = Library(library.root)
    assert [h.article.id for h in fresh.search("harbour")] == [ids["harbour"]]
    code, out, err = run(capsys, "--library", str(library.root), "search", "harbour")
    assert code == 0 and ids["harbour"] in out
    (line,) = err.strip().splitlines()
    assert "tantivy" in line and "reading every article instead" in line
    assert "Traceback" not in err
    code, out, err = run(capsys, "--library", str(library.root), "doctor", "--repair")
    assert "Traceback" not in err


def test_search_json_keeps_its_fields_and_adds_score_and_snippet(capsys, tmp_path) -> None:
    paths = [
        write(tmp_path / "a.txt", "Harbour news\n\nThe harbour opened a new pier today."),
        write(tmp_path / "b.txt", "Other news\n\nNothing about ports here, only a pier."),
    ]
    code, out, err = run(capsys, "import", *map(str, paths))
    assert code == 0, err
    first, _ = imported_ids(out)
    code, out, err = run(capsys, "search", "--json", "harbour")
    assert code == 0, err
    rows = json.loads(out)
    assert [r["id"] for r in rows] == [first]
    row = rows[0]
    assert list(row)[:3] == ["id", "title", "lines"]
    assert row["lines"] == [{"paragraph": 0, "text": "The harbour opened a new pier today."}]
    assert isinstance(row["score"], float) and "harbour" in row["snippet"]
    code, out, _ = run(capsys, "search", "--json", "pier", "--limit", "1")
    assert code == 0 and len(json.loads(out)) == 1
    code, out, _ = run(capsys, "search", "--json", "zeppelin")
    assert code == 0 and json.loads(out) == []
    code, _, err = run(capsys, "search", "pier", "--limit", "0")
    assert code == 2 and "--limit" in err


def test_list_json_streams_one_row_a_line(capsys, tmp_path) -> None:
    paths = [
        write(tmp_path / f"{i}.txt", f"Story {i}\n\nBody number {i} of a tale.") for i in range(3)
    ]
    assert run(capsys, "import", *map(str, paths))[0] == 0
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == 5
    assert all(json.loads(line.rstrip(",")) for line in lines[1:-1])
    assert len(json.loads(out)) == 3


def test_list_json_writes_the_bytes_the_json_encoder_writes_for_each_row(
    capsys, tmp_path, monkeypatch
) -> None:
    """The fast row encoder of list --json writes exactly what article_json() encoded by the
    JSON encoder gives (escaped for the terminal), for odd titles, tags, notes and a row whose
    values have unusual types (which goes through the encoder itself)."""
    import contextlib
    import io

    from reader import paths
    from reader.cli import output
    from reader.cli.reading import article_json

    titles = [
        'A "quoted" title with a back\\slash',
        "Bidi \u202e reversed and a line\u2028separator",
        "Emoji \U0001f600 and tab\tinside",
        "Plain title",
    ]
    files = [
        write(tmp_path / f"{i}.txt", f"{t}\n\nAnna Berg said the harbour {i} would open.")
        for i, t in enumerate(titles)
    ]
    code, out, _ = run(capsys, "import", *map(str, files))
    ids = imported_ids(out)
    assert code == 0 and len(ids) == 4
    assert run(capsys, "tag", ids[0], "claim/one")[0] == 0
    assert run(capsys, "tag", ids[0], 'odd "tag" \u00fc')[0] == 0
    assert run(capsys, "note", ids[1], "a note")[0] == 0
    assert run(capsys, "edit", ids[2], "--title", titles[2])[0] == 0

    def reference(tag: str | None = None) -> str:
        library = Library(paths.library_dir())
        summaries = library.annotations.summaries()
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            output.stream_json(article_json(m, summaries.get(m.id)) for m in library.articles(tag))
        return buffer.getvalue()

    outs = []
    for extra in ((), ("--tag", "claim/one"), ("--tag", "none/such")):
        code, out, _ = run(capsys, "list", "--json", *extra)
        assert code == 0
        assert out == reference(extra[1] if extra else None)
        outs.append(out)
    assert "\\u202e" in outs[0] and '\\"tag\\"' in outs[1] and outs[2] == "[]\n"

    # a row whose word count is not an int (as a damaged store might give): the encoder's form
    from reader.library.index_columns import ArticleColumns

    real = ArticleColumns.column

    def odd(self, name):
        found = real(self, name)
        return (
            tuple(True if i == 0 else v for i, v in enumerate(found)) if name == "words" else found
        )

    monkeypatch.setattr(ArticleColumns, "column", odd)
    code, out, _ = run(capsys, "list", "--json")
    rows = json.loads(out)
    assert code == 0 and rows[0]["words"] is True and len(rows) == 4
    assert all(isinstance(r["words"], int) and r["words"] > 0 for r in rows[1:])


def test_doctor_reports_the_search_index_and_repair_rebuilds_it(capsys, tmp_path) -> None:
    path = write(tmp_path / "a.txt", "Harbour news\n\nThe harbour opened a new pier today.")
    code, out, _ = run(capsys, "import", str(path))
    (article,) = imported_ids(out)
    assert run(capsys, "search", "pier")[0] == 0  # builds the index
    code, out, _ = run(capsys, "doctor")
    assert code == 0 and "search index: 1 articles" in out
    code, out, _ = run(capsys, "doctor", "--repair")
    assert code == 0 and "rebuilt the search index (1 articles)" in out
    # a cache that is not JSON: doctor checks sizes only; --deep parses every cache
    from reader import paths

    cache = paths.library_dir() / "articles" / article[:2] / article / "analysis.json"
    cache.write_text("{ not json", encoding="utf-8")
    code, out, _ = run(capsys, "doctor")
    assert code == 0 and "damaged cache" not in out
    code, out, _ = run(capsys, "doctor", "--deep")
    assert code == 0 and "damaged cache" in out


def test_the_tui_searches_as_you_type_and_pages_its_results(samples_dir_copy, monkeypatch):
    from test_tui_support import SIZE, app_for, run_async, settle

    from reader.screens import search
    from reader.screens.search import MORE, SearchScreen

    monkeypatch.setattr(search, "PAGE", 2)
    library = Library(samples_dir_copy)
    common = "the"  # in most of the English samples
    every = {h.article.id for h in library.search(common)}
    assert len(every) > 2

    @run_async
    async def flow() -> None:
        app = app_for(samples_dir_copy)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("f")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, SearchScreen)
            await pilot.press("z", "z", "q")  # nothing matches while typing...
            await settle(pilot)
            assert screen.shown == []
            for _ in range(3):
                await pilot.press("backspace")
            await pilot.press(*common)  # ...then the query as typed so far
            await settle(pilot)
            assert len(screen.shown) == 3 and screen.shown[-1] is MORE  # a page, then "more"
            await pilot.press("enter")  # to the list
            listing = screen.query_one("#list")
            listing.highlighted = 2
            await pilot.press("enter")  # "more results": the next page
            await settle(pilot)
            found = [p for p in screen.shown if p is not MORE]
            assert len(found) == 4 and set(found) <= every and len(set(found)) == 4

    flow()


# two processes, kills, a rebuild meanwhile, no cache folder ----------------------------------
_EDITOR = """
import sys
from pathlib import Path
from reader.library.store import Library
lib = Library(Path(sys.argv[1]))
ids = sys.argv[3:]
print("ready", flush=True)
for i in range(int(sys.argv[2])):
    article = ids[i % len(ids)]
    lib.edit(article, title=f"Leuchtturmbericht {i}")
    print(article, i, flush=True)
"""


def _editor(root: Path, rounds: int, ids: list[str]):
    import os
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(repo)}
    return subprocess.Popen(
        [sys.executable, "-c", _EDITOR, str(root), str(rounds), *ids],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )


def _titles_found(root: Path, word: str) -> dict[str, str]:
    return {h.article.id: h.article.title for h in Library(root).search(word)}


def test_a_search_beside_another_process_writing_sees_whole_states(lib) -> None:
    """One process edits titles while this one searches: each search answers from a state the
    library was in, and the last one finds exactly the last titles."""
    library, ids = lib
    root = library.root
    assert found(library, "harbour") == [ids["harbour"]]  # the index exists: writers apply
    chosen = sorted(ids.values())
    child = _editor(root, 40, chosen)
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    while child.poll() is None:
        titles = _titles_found(root, "Leuchtturmbericht")
        assert set(titles) <= set(chosen)
        assert all(t.startswith("Leuchtturmbericht ") for t in titles.values())
    assert child.wait() == 0
    titles = _titles_found(root, "Leuchtturmbericht")
    assert set(titles) == set(chosen)
    for article, title in titles.items():
        number = int(title.split()[1])
        assert _titles_found(root, f'title:"Leuchtturmbericht {number}"') == {article: title}
    assert found(library, "title:Railway") == []  # the old title left the index


def test_a_writer_killed_at_any_moment_leaves_an_index_the_next_search_trusts(lib) -> None:
    import random
    import signal
    import time

    library, ids = lib
    root = library.root
    assert found(library, "harbour") == [ids["harbour"]]
    rng = random.Random(15)
    chosen = sorted(ids.values())
    for _ in range(5):
        child = _editor(root, 1000, chosen)
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.4))
        child.send_signal(signal.SIGKILL)
        child.communicate()
        listed = {m.id: m.title for m in Library(root).articles()}
        titles = _titles_found(root, "Leuchtturmbericht")
        # every article whose title the index says holds the word is found, and no other
        assert titles == {i: t for i, t in listed.items() if t.startswith("Leuchtturmbericht")}


def test_a_rebuild_takes_in_what_was_written_while_it_filled(lib, monkeypatch) -> None:
    from reader.library import journal

    monkeypatch.setattr(journal, "FOLD_BELOW", 0)  # the journal keeps the writes (no fold)
    library, ids = lib
    assert found(library, "harbour") == [ids["harbour"]]
    other = Library(library.root)  # another writer (the lock is free while the rebuild fills)
    written = []

    def meanwhile(done: int, total: int) -> None:
        if not written:
            written.append(other.edit(ids["rail"], title="Seilbahnstreik beendet"))
            other.remove([ids["harbour"]])

    library.search_index.progress = meanwhile
    count = library.search_index.rebuild()
    assert written and count == 4  # filled from the state before the edit and the removal
    fresh = Library(library.root)
    assert found(fresh, "Seilbahnstreik") == [ids["rail"]]
    assert found(fresh, "harbour") == []
    assert found(fresh, "title:Railway") == []


def test_without_a_writable_cache_folder_the_index_lives_in_memory(lib, monkeypatch) -> None:
    library, ids = lib
    blocker = library.cache_dir / "blocked"
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    from reader.library.search_index import FOLDER, SearchIndex

    index = SearchIndex(library, blocker / "sub" / FOLDER)
    assert [h.id for h in index.search("harbour")] == [ids["harbour"]]
    assert index.path is None  # in this process's memory
    library.edit(ids["rail"], title="Bergbahnstreik")
    assert [h.id for h in index.search("Bergbahnstreik")] == [ids["rail"]]


def test_a_library_that_cannot_be_locked_is_searched_from_memory(lib, monkeypatch) -> None:
    """A read-only library: its index lock cannot be taken, so the index is never written in
    the cache folder; this process builds its own in memory."""
    library, ids = lib

    def refused():
        raise PermissionError(13, "Permission denied", f"{library.index.path}.lock")

    monkeypatch.setattr(library.index, "locked", refused)
    assert found(library, "harbour") == [ids["harbour"]]
    assert library.search_index.path is None
    assert not library.search_index.exists()


def test_a_snippet_on_one_line_moves_its_marks_as_the_character_loop_did() -> None:
    import random

    from reader.library.search_index import _one_line, _one_line_slow

    rng = random.Random(15)
    alphabet = "ab \t\n\u3000\u2028c."
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        marks = []
        for _ in range(rng.randint(0, 4)):
            start = rng.randint(0, len(text))
            marks.append((start, rng.randint(start, len(text))))
        assert _one_line(text, marks) == _one_line_slow(text, marks), (text, marks)
    assert _one_line("a  b\n\nc", [(0, 1), (3, 4), (6, 7)]) == ("a b c", [(0, 1), (2, 3), (4, 5)])


def test_a_catch_up_whose_commit_fails_makes_the_index_again(lib, monkeypatch) -> None:
    """The index is derived: when a search must bring it forward and tantivy refuses the commit
    (as it does over a file an interrupted writer left), the index is made again and the search
    answers from the library's current state, never with an error."""
    from reader.library import search_engine
    from reader.library.search_index import SearchIndex

    library, ids = lib
    assert found(library, "harbour") == [ids["harbour"]]  # the index exists
    with monkeypatch.context() as m:  # a write the index does not follow: it falls behind
        m.setattr(SearchIndex, "apply", lambda *_args: None)
        Library(library.root).edit(ids["rail"], title="Seilbahnstreik beendet")
    real_exit = search_engine.Writer.__exit__
    refused = []

    def refuse_once(self, kind, exc, tb):
        if kind is None and not refused:
            refused.append(True)
            real_exit(self, ValueError, ValueError("refused"), None)  # rolled back
            raise ValueError("FileAlreadyExists: a file an interrupted writer left")
        return real_exit(self, kind, exc, tb)

    monkeypatch.setattr(search_engine.Writer, "__exit__", refuse_once)
    fresh = Library(library.root)
    assert found(fresh, "Seilbahnstreik") == [ids["rail"]]
    assert refused  # the catch-up's commit was refused, and the search still answered
    assert found(fresh, "harbour") == [ids["harbour"]]
