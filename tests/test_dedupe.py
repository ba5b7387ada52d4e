"""Dedupe never drops a different story: versions of one story are duplicates, stories that only
share boilerplate or a wire lead are both kept, whatever order or process they come in."""

from __future__ import annotations

import json
import random
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from reader.importing.dedupe import (
    BINS,
    CandidateIndex,
    content_key,
    estimated_jaccard,
    parse_key,
    same_story,
    shingle_hashes,
)
from reader.importing.importer import parse_document
from reader.importing.models import ParsedArticle
from reader.library import batch
from reader.library.ingest import import_paths
from reader.library.store import Library

VOCAB = [
    "council",
    "minister",
    "budget",
    "harbour",
    "union",
    "strike",
    "talks",
    "court",
    "ruling",
    "police",
    "report",
    "village",
    "school",
    "teachers",
    "parents",
    "farmers",
    "drought",
    "water",
    "prices",
    "energy",
    "grid",
    "winter",
    "company",
    "workers",
    "mayor",
    "election",
    "campaign",
    "voters",
    "bridge",
    "railway",
    "station",
    "delay",
    "repairs",
    "hospital",
    "nurses",
    "weekend",
    "morning",
    "evening",
    "spokesman",
    "statement",
    "agreement",
    "plan",
    "proposal",
    "critics",
    "support",
    "region",
    "border",
    "trade",
    "exports",
    "factory",
    "jobs",
    "investment",
    "tax",
    "reform",
    "pension",
    "debate",
    "vote",
]


def paragraph(rng: random.Random, sentences: int = 3) -> str:
    out = []
    for _ in range(sentences):
        words = [rng.choice(VOCAB) for _ in range(rng.randint(9, 15))]
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)


def story(seed: int, paragraphs: int = 5) -> list[str]:
    rng = random.Random(seed)
    return [paragraph(rng) for _ in range(paragraphs)]


def body(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def add(lib: Library, text: str, name: str, title: str = "A title") -> tuple[str, str]:
    status, meta = lib.add(
        ParsedArticle(text=text, title=title, lang="en"), (title + "\n\n" + text).encode(), name
    )
    return status, meta.id


def same(a: str, b: str) -> bool:
    return same_story(set(shingle_hashes(a)), set(shingle_hashes(b)))


# ---- the verification rule ------------------------------------------------------------------
def test_versions_of_one_story_are_the_same_story() -> None:
    text = body(story(1))
    changed = text.replace(text.split()[40], "zeppelin", 1)
    noisy = "Subscribe\n\nShare this article\n\n" + text + "\n\nRead more\n\nComments 0"
    assert same(text, text) and same(text, changed) and same(text, noisy)
    assert same(text, "\n\n".join(story(1)[:4]) + "\n\n" + story(1)[4].upper())  # case, layout


def test_stories_sharing_boilerplate_or_a_wire_lead_are_different() -> None:
    boilerplate = paragraph(random.Random(99), 4)
    lead = story(50, 2)
    a, b = story(1), story(2)
    assert not same(body(a + [boilerplate]), body(b + [boilerplate]))
    assert not same(body(lead + a), body(lead + b))
    assert not same(body(lead + a[:2]), body(lead + b[:2]))  # short stories, half shared
    assert not same(body(lead + a[:1]), body(lead + b))  # a short brief beside a long story


def test_signature_key_round_trips_and_estimates_similarity() -> None:
    text = body(story(3))
    key = content_key(text)
    sig = parse_key(key)
    assert key.startswith("mh1:") and sig is not None and len(sig) == BINS
    assert content_key("Hello,  World!\n\n") == content_key("hello world")
    assert parse_key("0123456789abcdef0123456789abcdef") is None  # an older version's key
    assert estimated_jaccard(sig, sig) == 1.0
    assert estimated_jaccard(sig, parse_key(content_key(body(story(4))))) < 0.3


def test_candidates_find_near_versions_and_not_unrelated_stories() -> None:
    texts = {f"s{i}": body(story(i)) for i in range(200)}
    index = CandidateIndex((i, parse_key(content_key(t))) for i, t in texts.items())
    near = texts["s7"] + "\n\nThis article first appeared in the Evening Courier."
    assert index.candidates(parse_key(content_key(near)))[0] == "s7"
    index.add("late", parse_key(content_key(body(story(500)))))
    assert index.candidates(parse_key(content_key(body(story(500)))))[0] == "late"
    assert index.candidates(parse_key(content_key(body(story(1000))))) == []


# ---- through the library --------------------------------------------------------------------
def test_same_article_twice_and_with_small_changes_is_duplicate(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib", create=True)
    text = body(story(1))
    assert add(lib, text, "a.txt")[0] == "imported"
    first = lib.articles()[0].id
    assert add(lib, text, "b.txt", title="Other title") == ("duplicate", first)
    changed = text.replace(text.split()[30], "zeppelin", 1)
    assert add(lib, changed, "c.txt") == ("duplicate", first)
    noisy = "Advertisement\n\n" + text + "\n\nShare on social media\n\nComments (0)"
    assert add(lib, noisy, "d.txt") == ("duplicate", first)
    assert len(lib.articles()) == 1


def test_different_stories_with_shared_paragraphs_are_all_kept(tmp_path: Path) -> None:
    boilerplate = paragraph(random.Random(99), 4)
    lead = story(50, 2)
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(12):
        parts = lead + story(100 + i, 3) if i % 2 else story(100 + i, 4) + [boilerplate]
        (folder / f"s{i:02d}.txt").write_text(f"Story {i}\n\n" + body(parts), encoding="utf-8")
    lib = Library(tmp_path / "lib", create=True)
    report = import_paths(lib, [folder])
    assert len(report.imported) == 12 and report.duplicates == [] and not report.errors
    again = import_paths(lib, [folder])  # and each of them is found again
    assert len(again.duplicates) == 12 and again.imported == []


def test_html_page_and_scraped_text_of_one_story_are_duplicates(tmp_path: Path) -> None:
    paras = story(7, 6)
    html = (
        "<html><head><title>Harbour deal agreed | Courier</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Harbour deal "
        "agreed</h1>"
        + "".join(f"<p>{p}</p>" for p in paras)
        + "</article><footer>© Courier 2024</footer></body></html>"
    )
    scraped = (
        "Home\nNews\nHarbour deal agreed\n12.01.2024\n" + "\n".join(paras) + "\nShare\nComments\n"
    )
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.html").write_text(html, encoding="utf-8")
    (folder / "b.txt").write_text(scraped, encoding="utf-8")
    assert same(
        parse_document(html.encode(), "a.html").text, parse_document(scraped.encode(), "b.txt").text
    )
    report = import_paths(Library(tmp_path / "lib", create=True), [folder])
    assert len(report.imported) == 1 and len(report.duplicates) == 1
    assert report.duplicates[0].id == report.imported[0].id


def test_a_library_keyed_by_the_previous_version_opens_and_is_migrated(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib", create=True)
    text = body(story(1))
    add(lib, text, "a.txt")
    add(lib, body(story(2)), "b.txt")
    from dataclasses import replace

    with lib.index.transaction() as txn:  # what the previous code wrote: one 32-hex hash
        for meta in list(lib.index.rows().values()):
            txn.put(replace(meta, content_key=meta.sha256[:32]))
    old = Library(tmp_path / "lib")
    assert len(old.articles()) == 2 and parse_key(old.articles()[0].content_key) is None
    changed = text.replace(text.split()[12], "zeppelin", 1)
    status, found = add(old, changed, "c.txt")
    assert status == "duplicate" and old.get(found).file == "a.txt"
    assert add(old, body(story(3)), "d.txt")[0] == "imported"
    fresh = Library(tmp_path / "lib")
    assert all(parse_key(m.content_key) is not None for m in fresh.articles())
    stored = json.loads((tmp_path / "lib" / "articles.json").read_text(encoding="utf-8"))
    assert stored["_schema"]["1"]["version"] == 3  # a row a line, with its journal state


def test_a_version_added_by_another_process_meanwhile_is_a_duplicate(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    mine, theirs = Library(root, create=True), Library(root)
    text = body(story(1))

    def items():
        yield ParsedArticle(text=body(story(2)), title="Two", lang="en"), b"two", "two.txt"
        theirs.add(ParsedArticle(text=text, title="Theirs", lang="en"), b"theirs", "x.txt")
        noisy = text + "\n\nThis story was updated."
        yield ParsedArticle(text=noisy, title="Mine", lang="en"), b"mine", "y.txt"

    results = mine.add_many(items(), batch_seconds=3600)
    assert [r.status for r in results] == ["imported", "duplicate"]
    assert results[1].meta is not None and results[1].meta.title == "Theirs"
    assert sorted(m.title for m in Library(root).articles()) == ["Theirs", "Two"]


class _LaggingAnalysis:
    """An import's analysis pool that answers each article when the one two places after it
    is submitted (a worker lagging behind), and all at once when the batch has to wait
    (``flush``): the articles after the first answered one are in flight at its commit."""

    def __init__(self) -> None:
        self.held: list[tuple[Future[Any], str, str | None]] = []

    def submit(self, text: str, lang: str | None) -> Future[Any]:
        future: Future[Any] = Future()
        self.held.append((future, text, lang))
        if len(self.held) > 2:
            self._answer(self.held.pop(0))
        return future

    @staticmethod
    def _answer(item: tuple[Future[Any], str, str | None]) -> None:
        from reader.library.analysis_pool import analyse_text

        future, text, lang = item
        future.set_result(analyse_text(text, lang))

    def flush(self) -> None:
        held, self.held = self.held, []
        for item in held:
            self._answer(item)

    def shutdown(self, *, wait: bool = True) -> None:
        self.flush()


def test_an_article_in_flight_across_a_commit_is_checked_against_rows_added_meanwhile(
    tmp_path: Path, monkeypatch
) -> None:
    """A commit writes what is analysed and leaves the rest in flight; those are compared with
    the rows another process added before that commit when their own commit comes."""
    root = tmp_path / "lib"
    mine, theirs = Library(root, create=True), Library(root)
    text = body(story(1))

    def items():
        yield ParsedArticle(text=body(story(2)), title="Two", lang="en"), b"two", "two.txt"
        yield ParsedArticle(text=text + "\n\nUpdated.", title="Mine", lang="en"), b"mine", "y.txt"
        theirs.add(ParsedArticle(text=text, title="Theirs", lang="en"), b"theirs", "x.txt")
        # its submission answers "Two", committed at once (another process's row is there
        # now), while "Mine" is still in flight
        yield ParsedArticle(text=body(story(3)), title="Three", lang="en"), b"three", "z.txt"

    monkeypatch.setattr(batch, "FEW", 0)  # a commit never waits for articles in flight
    pool: Any = _LaggingAnalysis()
    results = mine.add_many(items(), batch_seconds=0.0, pool=pool)
    assert [(r.status, r.meta and r.meta.title) for r in results] == [
        ("imported", "Two"),
        ("duplicate", "Theirs"),
        ("imported", "Three"),
    ]
    assert sorted(m.title for m in Library(root).articles()) == ["Theirs", "Three", "Two"]


def test_a_candidate_whose_body_is_gone_needs_a_close_signature(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib", create=True)
    text = body(story(1))
    _, first = add(lib, text, "a.txt")
    (lib.article_dir(first) / "text.txt").unlink()
    assert add(lib, text + " Extra words here.", "b.txt")[0] == "duplicate"
    extended = body(story(1) + story(8, 2))  # J about 0.7: a version only its body can prove
    assert add(lib, extended, "c.txt")[0] == "imported"


def test_rows_not_re_signed_in_time_are_still_found_by_their_old_key(
    tmp_path: Path, monkeypatch
) -> None:
    from dataclasses import replace

    from reader.importing.dedupe import old_content_key
    from reader.library import known_stories

    lib = Library(tmp_path / "lib", create=True)
    text = body(story(1))
    add(lib, text, "a.txt")
    with lib.index.transaction() as txn:
        for meta in list(lib.index.rows().values()):
            txn.put(replace(meta, content_key=old_content_key(lib.text(meta.id))))
    monkeypatch.setattr(known_stories, "MIGRATE_SECONDS", -1.0)  # no time to re-sign any
    assert add(lib, text, "b.txt", title="Same text, other bytes")[0] == "duplicate"
    assert add(lib, body(story(2)), "c.txt")[0] == "imported"
    keys = {m.file: m.content_key for m in Library(tmp_path / "lib").articles()}
    assert parse_key(keys["a.txt"]) is None and parse_key(keys["c.txt"]) is not None


def test_shingle_hashes_are_the_rolling_polynomial_keys_stored_libraries_hold() -> None:
    """The content keys in existing libraries were made by rolling the polynomial word by word;
    the hashes (and so the keys) must stay exactly those, for short and long texts alike."""
    import hashlib

    from reader.importing import dedupe

    def rolling(text: str) -> list[int]:
        p, base = dedupe._P, dedupe._BASE
        codes = [
            int.from_bytes(
                hashlib.blake2b(w.encode("utf-8"), digest_size=8, key=b"reader").digest(), "big"
            )
            % p
            for w in dedupe.words(text)
        ]
        h = 0
        for code in codes[:5]:
            h = (h * base + code) % p
        out = [h]
        for i in range(5, len(codes)):
            h = ((h - codes[i - 5] * pow(base, 4, p)) * base + codes[i]) % p
            out.append(h)
        return out

    rng = random.Random(7)
    texts = ["", "one", "two words", "four words in all", "exactly five words are here"]
    texts += ["Straße STRASSE Ärger", "the the the the the the the"]
    texts += [" ".join(rng.choice(VOCAB) for _ in range(rng.randint(6, 400))) for _ in range(30)]
    for text in texts:
        assert shingle_hashes(text) == rolling(text), text[:40]
