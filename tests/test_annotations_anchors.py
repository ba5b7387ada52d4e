"""Anchors: making them, finding passages for the CLI, re-anchoring after the text changed."""

from __future__ import annotations

import pytest

from annotations.anchors import (
    PassageError,
    find_passage,
    make_anchor,
    paragraph_index,
    reanchor,
)

OLD = (
    "Brüssel. Die Kommission legte am Montag ihren Bericht vor.\n\n"
    "Der Kommissar sagte, die Lage sei ernst, aber beherrschbar. Kritiker sehen das anders.\n\n"
    "Die Regierung kündigte an, die Mittel zu erhöhen. Die Regierung kündigte an, zu prüfen.\n\n"
    "Am Ende blieb vieles offen."
)


def _anchor(exact: str, text: str = OLD):
    return make_anchor(text, *find_passage(text, exact))


def test_make_anchor_keeps_quote_context_offsets_and_paragraph() -> None:
    a = _anchor("die Lage sei ernst")
    assert OLD[a.start : a.end] == a.exact == "die Lage sei ernst"
    assert a.prefix == OLD[a.start - 32 : a.start] and a.suffix == OLD[a.end : a.end + 32]
    assert a.paragraph == 1


def test_paragraphs_by_blank_lines_or_by_lines() -> None:
    assert paragraph_index("a\n\nb\nc\n\nd", 8) == 2
    assert paragraph_index("a\nb\nc", 4) == 2  # no blank lines: each line is a paragraph


def test_find_passage_errors_say_why() -> None:
    with pytest.raises(PassageError, match="not found"):
        find_passage(OLD, "gibt es nicht")
    with pytest.raises(PassageError, match="2 times"):
        find_passage(OLD, "Die Regierung kündigte an")
    with pytest.raises(PassageError, match="empty"):
        find_passage(OLD, "  ")


def test_find_passage_tolerates_different_whitespace() -> None:
    text = "Er sagte,\ndie Lage\nsei ernst."
    assert find_passage(text, "die Lage sei ernst") == (10, 28)


def test_unchanged_text_keeps_the_anchor() -> None:
    a = _anchor("beherrschbar")
    assert reanchor(a, OLD) == a


def test_moved_passage_is_found() -> None:
    a = _anchor("die Lage sei ernst, aber beherrschbar")
    new = "Neu: ein Vorspann von einigen Zeilen.\n\n" + OLD
    b = reanchor(a, new)
    assert b is not None and new[b.start : b.end] == a.exact and b.start == a.start + 39
    assert b.paragraph == a.paragraph + 1


def test_repeated_passage_is_disambiguated_by_context() -> None:
    a = _anchor("Die Regierung kündigte an, zu prüfen")
    exact = "Die Regierung kündigte an"
    second = make_anchor(OLD, OLD.rindex(exact), OLD.rindex(exact) + len(exact))
    new = "Vorweg ein ganz neuer Absatz.\n\n" + OLD
    b = reanchor(second, new)
    assert b is not None and b.start == new.rindex(exact)
    assert reanchor(a, new).start == new.index("Die Regierung kündigte an, zu prüfen")


def test_changed_passage_is_found_fuzzily() -> None:
    a = _anchor("die Lage sei ernst, aber beherrschbar")
    new = OLD.replace(
        "die Lage sei ernst, aber beherrschbar", "die Lage sei sehr ernst, aber beherrschbar"
    )
    new = "Eine Vorbemerkung.\n\n" + new
    b = reanchor(a, new)
    assert b is not None
    assert new[b.start : b.end] == "die Lage sei sehr ernst, aber beherrschbar"


def test_changed_whitespace_and_punctuation_still_anchor() -> None:
    a = _anchor("Kritiker sehen das anders.")
    new = OLD.replace("Kritiker sehen das anders.", "Kritiker  sehen das anders!")
    b = reanchor(a, new)
    assert b is not None and new[b.start : b.end].startswith("Kritiker  sehen das anders")


def test_deleted_passage_becomes_none() -> None:
    a = _anchor("Der Kommissar sagte, die Lage sei ernst, aber beherrschbar.")
    new = OLD.replace("Der Kommissar sagte, die Lage sei ernst, aber beherrschbar. ", "")
    assert reanchor(a, new) is None


def test_rewritten_passage_becomes_none() -> None:
    a = _anchor("die Mittel zu erhöhen")
    new = OLD.replace("die Mittel zu erhöhen", "nichts weiter zu tun")
    assert reanchor(a, new) is None


def test_reanchor_in_a_long_repetitive_text() -> None:
    long_text = ("Ein Satz über nichts Besonderes, der sich oft wiederholt. " * 2000) + OLD
    a = _anchor("die Lage sei ernst, aber beherrschbar", long_text)
    changed = long_text.replace("die Lage sei ernst", "die Lage sei wirklich ernst")
    b = reanchor(a, changed)
    assert b is not None and "wirklich ernst, aber beherrschbar" in changed[b.start : b.end]


def test_deleted_sentence_does_not_jump_to_a_similar_neighbour() -> None:
    a = _anchor("Die Regierung kündigte an, die Mittel zu erhöhen.")
    new = OLD.replace("Die Regierung kündigte an, die Mittel zu erhöhen. ", "")
    assert reanchor(a, new) is None  # the sentence now in its place only shares a phrase


def test_fuzzy_match_covers_whole_words() -> None:
    a = _anchor("die Mittel zu erhöhen")
    new = "Vorweg. " + OLD.replace("die Mittel zu erhöhen", "die Mitel zu erhöhen")
    b = reanchor(a, new)
    assert b is not None and new[b.start : b.end] == "die Mitel zu erhöhen"


def test_property_edits_elsewhere_never_lose_or_misplace_a_passage() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    words = st.sampled_from("die der Nato sagte Russland Dialog sei notwendig , . \n".split(" "))
    text_st = st.lists(words, min_size=30, max_size=120).map(" ".join)

    @settings(max_examples=120, deadline=None)
    @given(text_st, st.data())
    def check(text: str, data) -> None:
        start = data.draw(st.integers(0, len(text) - 10))
        end = data.draw(st.integers(start + 5, min(len(text), start + 60)))
        if not text[start:end].strip():
            return
        anchor = make_anchor(text, start, end)
        insert = data.draw(st.text("xyz Q.\n", min_size=1, max_size=30))
        where = data.draw(st.sampled_from(["before", "after"]))
        if where == "before":
            at = data.draw(st.integers(0, start))
            new, shift = text[:at] + insert + text[at:], len(insert)
        else:
            at = data.draw(st.integers(end, len(text)))
            new, shift = text[:at] + insert + text[at:], 0
        moved = reanchor(anchor, new)
        assert moved is not None and new[moved.start : moved.end] == anchor.exact
        if new.count(anchor.exact) == 1:
            assert moved.start == start + shift

    check()


def test_long_passage_with_an_insertion_is_found_whole() -> None:
    import random

    rng = random.Random(1)
    words = "die der Nato sagte Russland Dialog sei notwendig Regierung Kritik".split()
    text = " ".join(rng.choice(words) for _ in range(6000))
    a = make_anchor(text, 20000, 23000)  # a long, repetitive passage: alignment by its edges
    new = "Vorwort. " * 10 + text[:21000] + "EINGEFÜGT " + text[21000:]
    b = reanchor(a, new)
    assert b is not None and (b.start, b.end) == (a.start + 90, a.end + 100)
