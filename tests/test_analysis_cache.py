"""The compact analysis cache: offsets instead of the text's own words, rows instead of keyed
objects, compressed and sealed; the earlier JSON form is still read and rewritten compact."""

from __future__ import annotations

import zlib
from pathlib import Path

from reader.analysis import analyze
from reader.base.derived import made_from_of, unseal
from reader.library.analysis_cache import (
    _json_sealed_cache,
    analysis_from_json,
    analysis_to_json,
    is_compact,
    sealed_analysis,
    sealed_cache,
    unsealed_cache,
)

STORY = (
    "The harbour board met on Tuesday. \u201cWe will open the new pier in May,\u201d said Ella "
    "Marsh, the board's chair. According to the city council, the plan would cost more than "
    "planned. Marsh said that the pier would bring ferries back to the old town.\n\n"
    "Critics of the council doubted it. \u201cNobody has seen the bill,\u201d Tom Hale said."
)


def cache_of(text: str) -> dict:
    return analysis_to_json(analyze(text, "en"))


def test_a_cache_gives_back_exactly_the_analysis_it_was_made_of() -> None:
    cache = cache_of(STORY)
    assert cache["quotes"] and cache["actors"] and cache["sentences"]
    body = STORY.encode("utf-8")
    data = sealed_cache(cache, body)
    assert is_compact(data)
    assert unsealed_cache(data, body) == cache
    assert analysis_from_json(unsealed_cache(data, body)) == analyze(STORY, "en")
    # the words of quotes and speakers are not stored: they are the text's, read back from it
    payload = unseal(data, made_from_of(data))
    assert payload is not None and b"pier in May" not in zlib.decompress(payload)


def test_words_that_are_not_the_text_at_their_offsets_are_stored_as_they_are() -> None:
    cache = cache_of(STORY)
    quote = cache["quotes"][0]
    quote["text"] = "words the analysis gave that differ from the text"
    quote["speaker"] = "a speaker named otherwise"
    quote["via"], quote["via_start"], quote["via_end"] = "a relaying paper", None, None
    body = STORY.encode("utf-8")
    assert unsealed_cache(sealed_cache(cache, body), body) == cache


def test_a_cache_is_only_believed_for_its_own_text_and_intact() -> None:
    cache = cache_of(STORY)
    body = STORY.encode("utf-8")
    data = sealed_cache(cache, body)
    other = STORY.replace("Ella", "Emma").encode("utf-8")
    assert unsealed_cache(data, other) is None
    assert unsealed_cache(data[:-1], body) is None
    for at in range(0, len(data), max(1, len(data) // 40)):
        flipped = bytearray(data)
        flipped[at] ^= 0x10
        assert unsealed_cache(bytes(flipped), body) is None, at
    assert unsealed_cache(b"", body) is None
    assert unsealed_cache(b"{ not a cache", body) is None


def test_the_earlier_json_form_is_read_and_rewritten_compact_when_opened(tmp_path: Path) -> None:
    from test_library_ingest import collect, write_stories

    from reader.library.store import Library

    write_stories(tmp_path / "in", 1)
    lib = Library(tmp_path / "lib", create=True)
    collect(lib, [tmp_path / "in"])
    meta = lib.articles()[0]
    path = lib.article_dir(meta.id) / "analysis.json"
    text = (lib.article_dir(meta.id) / "text.txt").read_bytes()
    assert is_compact(path.read_bytes())
    cache = unsealed_cache(path.read_bytes(), text)
    assert cache is not None and cache["quotes"]
    earlier = _json_sealed_cache(cache, text)
    assert unsealed_cache(earlier, text) == cache  # the earlier form is still read
    # a quote kind the analysis would not give: the cache, not a new analysis, is what is read
    cache["quotes"][0]["kind"] = "term"
    path.write_bytes(_json_sealed_cache(cache, text))
    assert lib.analysis(meta.id).quotes[0].kind == "term"
    rewritten = path.read_bytes()
    assert is_compact(rewritten) and unsealed_cache(rewritten, text) == cache
    assert len(rewritten) * 4 < len(_json_sealed_cache(cache, text))


def test_a_cache_is_smaller_than_the_text_it_describes() -> None:
    """A quote-dense article: its cache (every quote, actor, mention and sentence) takes less
    room than its text (the JSON form took 3.5x)."""
    body = STORY.encode("utf-8")
    assert len(sealed_cache(cache_of(STORY), body)) < len(body)
    assert len(_json_sealed_cache(cache_of(STORY), body)) > 2 * len(body)


def test_an_analysis_sealed_directly_is_the_cache_of_its_json_form() -> None:
    """What an import's workers send back (sealed from the Analysis, no dicts) is byte for
    byte the cache sealed from analysis_to_json()."""
    for text in (STORY, STORY.replace("Ella Marsh", "Anna Berg"), "No quotes at all here."):
        analysis = analyze(text, "en")
        body = text.encode("utf-8")
        assert sealed_analysis(analysis, body) == sealed_cache(analysis_to_json(analysis), body)
    story = sealed_analysis(analyze(STORY, "en"), STORY.encode("utf-8"))
    assert unsealed_cache(story, body) is None  # sealed for another text
