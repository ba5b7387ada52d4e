"""Coder identity on notes and article tags, and merging colleagues' codes (issue 17)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotations.anchors import find_passage, make_anchor
from annotations.export import ExportArticle, merge_json, to_json
from annotations.files import StoreError
from annotations.store import AnnotationStore

TEXT = "Der Rat stritt lange. Die Gewerkschaft sprach von zu wenig Geld. Am Ende gab es Streit."
ARTICLES = ("a1b2c3d4", "ffee0011")


def _store(root: Path, coder: str) -> AnnotationStore:
    store = AnnotationStore(root)
    store.coder = coder
    return store


def _export(store: AnnotationStore) -> dict:
    articles = [
        ExportArticle(
            id=a,
            title=a,
            tags=store.article_tags(a),
            notes=store.notes(a),
            codes=store.article_codes(a),
            done=store.done_marks(a),
        )
        for a in ARTICLES
    ]
    return json.loads(json.dumps(to_json(articles, exported="2026-01-01T00:00:00+00:00")))


def _anchor(text: str = "zu wenig Geld"):
    return make_anchor(TEXT, *find_passage(TEXT, text))


def _snapshot(store: AnnotationStore) -> set:
    """Every code, as (article, coder, what, tags, text): what must never get lost."""
    found = set()
    for a in ARTICLES:
        for c in store.article_codes(a):
            found.add((a, c.coder, "article", c.tag.casefold(), ""))
        for n in store.notes(a):
            where = n.passage.exact if n.passage else ""
            found.add((a, n.coder, where, tuple(sorted(n.tags)), n.text))
        for d in store.done_marks(a):
            found.add((a, d.coder, "done", "", ""))
    return found


def test_records_carry_the_coder_and_older_ones_count_as_the_current_coder(tmp_path) -> None:
    store = _store(tmp_path / "a", "")
    old = store.add_note("a1b2c3d4", "before coders", coder=None)
    raw = json.loads(store.path("a1b2c3d4").read_text())
    assert next(iter(raw["notes"].values()))["coder"] == store.who()  # the system user name
    # a file from before coders: no coder field at all
    for doc in raw["notes"].values():
        del doc["coder"]
    store.path("a1b2c3d4").write_text(json.dumps(raw))
    store.coder = "ada"
    assert store.get_note(old.id).coder == "ada"
    assert store.notes("a1b2c3d4")[0].coder == "ada"
    store.tag_article("ffee0011", ["frame/a"])
    assert [(c.tag, c.coder) for c in store.article_codes("ffee0011")] == [("frame/a", "ada")]


def test_a_coder_changes_only_their_own_codes(tmp_path) -> None:
    store = _store(tmp_path / "a", "ada")
    note = store.add_note("a1b2c3d4", "", _anchor(), tags=["frame/a"])
    store.coder = "ben"
    with pytest.raises(StoreError, match="ada's code"):
        store.edit_note(note.id, text="ben's words")
    with pytest.raises(StoreError, match="ada's code"):
        store.delete_note(note.id)
    assert store.get_note(note.id).text == ""
    # article tags: ben's untag takes back ben's tag only; ada's stays on the article
    store.coder = "ada"
    store.tag_article("a1b2c3d4", ["frame/a", "tone/x"])
    store.coder = "ben"
    store.tag_article("a1b2c3d4", ["frame/a"])
    store.untag_article("a1b2c3d4", ["frame/a", "tone/x"])
    assert store.article_tags("a1b2c3d4") == ["frame/a", "tone/x"]
    assert {(c.tag, c.coder) for c in store.article_codes("a1b2c3d4")} == {
        ("frame/a", "ada"),
        ("tone/x", "ada"),
    }
    store.coder = "ada"
    store.untag_article("a1b2c3d4", ["frame/a"])
    assert store.article_tags("a1b2c3d4") == ["tone/x"]


def test_tags_from_before_coders_are_kept_when_a_colleague_codes_the_article(tmp_path) -> None:
    store = _store(tmp_path / "a", "ada")
    store.tag_articles({"a1b2c3d4": ["sample", "frame/a"]})  # an import's tags: no record
    store.tag_article("a1b2c3d4", ["frame/a"], coder="ben")
    codes = {(c.tag, c.coder) for c in store.article_codes("a1b2c3d4")}
    assert codes == {("sample", "ada"), ("frame/a", "ada"), ("frame/a", "ben")}


def test_rename_renames_every_coders_tag(tmp_path) -> None:
    store = _store(tmp_path / "a", "ada")
    store.tag_article("a1b2c3d4", ["frame/old"])
    store.tag_article("a1b2c3d4", ["frame/old"], coder="ben")
    assert store.rename_tag("frame/old", "frame/new") == 1
    assert {(c.tag, c.coder) for c in store.article_codes("a1b2c3d4")} == {
        ("frame/new", "ada"),
        ("frame/new", "ben"),
    }


def test_merge_in_both_directions_loses_and_overwrites_nothing(tmp_path) -> None:
    ada, ben = _store(tmp_path / "a", "ada"), _store(tmp_path / "b", "ben")
    for store, tag in ((ada, "frame/a"), (ben, "frame/b")):
        # the same passage, the same article, coded by both (also with the same tag)
        store.add_note("a1b2c3d4", "", _anchor(), tags=[tag])
        store.add_note("a1b2c3d4", "", _anchor(), tags=["tone/x"])
        store.add_note("a1b2c3d4", "a remark", _anchor("Streit"))
        store.tag_article("a1b2c3d4", [tag, "shared"])
        store.set_done("a1b2c3d4")
    ben.add_note("ffee0011", "only ben's", tags=["t"])
    # the same note id on both sides, by two coders: two codes, never one over the other
    clash = ada.add_note("ffee0011", "ada's", tags=["t"])
    raw = json.loads(ben.path("ffee0011").read_text())
    next(iter(raw["notes"].values()))["id"] = clash.id
    ben.path("ffee0011").write_text(json.dumps(raw))
    before_a, before_b = _snapshot(ada), _snapshot(ben)
    assert before_a.isdisjoint(before_b)

    ben_export, ada_export = _export(ben), _export(ada)
    merge_json(ada, ben_export)
    merge_json(ben, ada_export)
    assert _snapshot(ada) == _snapshot(ben) == before_a | before_b
    # a code on the same passage by two coders is two records
    on_passage = [n for n in ada.notes("a1b2c3d4") if n.tags == ["tone/x"]]
    assert sorted(n.coder for n in on_passage) == ["ada", "ben"]
    assert sorted((c.tag, c.coder) for c in ada.article_codes("a1b2c3d4")) == [
        ("frame/a", "ada"),
        ("frame/b", "ben"),
        ("shared", "ada"),
        ("shared", "ben"),
    ]
    assert sorted(d.coder for d in ada.done_marks("a1b2c3d4")) == ["ada", "ben"]
    # merging again (both ways) adds and changes nothing
    again = merge_json(ada, _export(ben))
    assert again["added"] == again["updated"] == 0 and "codes" not in again
    assert _snapshot(ada) == before_a | before_b


def test_a_newer_version_of_my_own_code_updates_it(tmp_path) -> None:
    ada, ben = _store(tmp_path / "a", "ada"), _store(tmp_path / "b", "ben")
    note = ada.add_note("a1b2c3d4", "first words", tags=["frame/a"])
    merge_json(ben, _export(ada))
    ada.edit_note(note.id, text="better words")
    counts = merge_json(ben, _export(ada))
    assert counts["updated"] == 1
    assert [n.text for n in ben.notes("a1b2c3d4")] == ["better words"]
    assert ben.notes("a1b2c3d4")[0].coder == "ada"


def test_an_export_without_coders_counts_as_the_importing_coder_or_the_files(tmp_path) -> None:
    old = {
        "format": "reader-annotations",
        "schema": 1,
        "exported": "2025-01-01",
        "articles": [
            {
                "id": "a1b2c3d4",
                "title": "t",
                "tags": ["frame/a"],
                "notes": [{"id": "n000000000001", "text": "old", "tags": ["x"]}],
            }
        ],
    }
    ada = _store(tmp_path / "a", "ada")
    merge_json(ada, old)
    assert [(c.tag, c.coder) for c in ada.article_codes("a1b2c3d4")] == [("frame/a", "ada")]
    assert ada.notes("a1b2c3d4")[0].coder == "ada"
    ben = _store(tmp_path / "b", "ben")
    merge_json(ben, {**old, "coder": "cy"})
    assert [(c.tag, c.coder) for c in ben.article_codes("a1b2c3d4")] == [("frame/a", "cy")]
    assert ben.notes("a1b2c3d4")[0].coder == "cy"


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"coded": [{"tag": "", "coder": "x"}]}, "has no tag"),
        ({"coded": [{"tag": "a", "coder": "two\nlines"}]}, "coder must be a name"),
        ({"coded": "frame"}, "must be lists"),
        ({"notes": [{"id": "n1", "coder": 5}]}, "coder must be a name"),
        ({"notes": [{"id": "n1", "codebook": [1]}]}, "codebook must be a version"),
    ],
)
def test_bad_coder_records_are_refused_and_nothing_merged(tmp_path, record, message) -> None:
    from annotations.export import ImportError_

    ada = _store(tmp_path / "a", "ada")
    data = {
        "format": "reader-annotations",
        "schema": 1,
        "articles": [{"id": "a1b2c3d4", "tags": ["keep"]}, {"id": "ffee0011", **record}],
    }
    with pytest.raises(ImportError_, match=message):
        merge_json(ada, data)
    assert ada.article_tags("a1b2c3d4") == []


def test_done_marks(tmp_path) -> None:
    store = _store(tmp_path / "a", "ada")
    store.codebook_version = lambda: 3
    assert store.set_done("a1b2c3d4") is True
    assert store.set_done("a1b2c3d4") is False
    (mark,) = store.done_marks("a1b2c3d4")
    assert (mark.coder, mark.codebook) == ("ada", 3) and mark.created
    assert store.set_done("a1b2c3d4", False) is True and store.done_marks("a1b2c3d4") == []


def test_codes_record_the_codebook_version(tmp_path) -> None:
    store = _store(tmp_path / "a", "ada")
    store.codebook_version = lambda: "2b"
    note = store.add_note("a1b2c3d4", "", _anchor(), tags=["frame/a"])
    store.tag_article("a1b2c3d4", ["frame/b"])
    assert store.get_note(note.id).codebook == "2b"
    assert store.article_codes("a1b2c3d4")[0].codebook == "2b"
    assert note.to_json()["coder"] == "ada" and note.to_json()["codebook"] == "2b"
