"""Read-it-later exports (Pocket CSV/HTML/highlights, Instapaper CSV, wallabag JSON, Omnivore
zip), written here in their documented shapes; recognised by content; highlights as notes."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from test_cli_support import ARTICLE, GERMAN, distinct, imported_ids, list_json, run, write
from test_net_support import Answer, LocalServer, html_page

from reader.importing import formats
from reader.importing.archives import ArchiveItem, Highlight
from reader.importing.formats import ImportFormat


def detect(name: str, data: bytes) -> ImportFormat | None:
    return formats.export_format(name, data)


POCKET_CSV = """title,url,time_added,tags,status
Harbour fees rise,https://news.example/fees,1709632800,economy|harbour,unread
,https://news.example/untitled,1709719200,,archive
No link here,,1709632800,,unread
"""

POCKET_HTML = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<title>Pocket Export</title></head><body>
<h1>Unread</h1>
<ul>
<li><a href="https://news.example/a" time_added="1576610834" tags="climate,policy">A saved story &amp; more</a></li>
</ul>
<h1>Read Archive</h1>
<ul>
<li><a href="https://news.example/b" time_added="1576610900" tags="">https://news.example/b</a></li>
</ul>
</body></html>
"""

INSTAPAPER_CSV = """URL,Title,Selection,Folder,Timestamp
https://news.example/ferry,Ferry strike,"The union said the strike was over.",Research,1700000000
https://news.example/plain,Plain save,,Unread,1700000100
"""

WALLABAG = [
    {
        "is_archived": 1,
        "is_starred": 0,
        "tags": ["harbour", "policy"],
        "id": 7,
        "title": "Ministers agree on a new harbour plan",
        "url": "https://news.example/harbour",
        "content": "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n")[1:]),
        "created_at": "2024-03-06T10:00:00+01:00",
        "published_at": "2024-03-05T08:00:00+01:00",
        "annotations": [
            {
                "text": "the key sentence",
                "quote": "The opposition criticised the decision.",
                "ranges": [
                    {"start": "/p[2]", "startOffset": "0", "end": "/p[2]", "endOffset": "39"}
                ],
            },
            {"text": "", "quote": "A sentence the article does not have."},
        ],
        "mimetype": "text/html",
        "language": "en",
        "reading_time": 1,
        "domain_name": "news.example",
    }
]


def omnivore_zip() -> bytes:
    metadata = [
        {
            "id": "1",
            "slug": "agrar-hilfen",
            "title": "Regierung kündigt Hilfen an",
            "url": "https://news.example/agrar",
            "labels": [{"name": "farming"}, "drought"],
            "savedAt": "2024-05-02T09:00:00Z",
            "publishedAt": "2024-05-01T07:00:00Z",
            "description": "Soforthilfen nach der Dürre.",
        },
        {
            "id": "2",
            "slug": "only-link",
            "title": "Saved without text",
            "url": "https://news.example/link",
            "labels": [],
            "savedAt": "2024-05-03T09:00:00Z",
            "description": "A short description kept by the export.",
        },
    ]
    highlights = (
        "# Regierung kündigt Hilfen an\n\n"
        "> Der Bauernverband begrüßte die Ankündigung. [⤴️](https://omnivore.app/me/agrar-hilfen#x)\n\n"
        "Wichtig für die Verbände.\n\n"
        "> Die Hilfen kämen jedoch spät,\n> sagte sein Präsident.\n"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("metadata_0_to_2.json", json.dumps(metadata))
        archive.writestr("content/agrar-hilfen.md", GERMAN)
        archive.writestr("highlights/agrar-hilfen.md", highlights)
    return buffer.getvalue()


POCKET_HIGHLIGHTS = [
    {
        "url": "https://news.example/quoted",
        "title": "Quoted story",
        "highlights": [
            {"quote": "First marked passage of the story.", "created_at": 1710000000},
            {"quote": "Second marked passage.", "created_at": 1710000100},
        ],
    }
]


def by_title(capsys) -> dict[str, dict]:
    return {r["title"]: r for r in list_json(capsys)}


def notes_of(capsys, article: str) -> list[dict]:
    code, out, err = run(capsys, "notes", article, "--json")
    assert code == 0, err
    return json.loads(out)


def test_pocket_csv(capsys, tmp_path):
    path = write(tmp_path / "part_000000.csv", POCKET_CSV)
    code, out, err = run(capsys, "import", str(path))
    assert code == 1  # the row without a link is reported; the rest imported
    assert err.strip() == f"error {path}: line 4: no URL"
    assert len(imported_ids(out)) == 2
    rows = by_title(capsys)
    fees = rows["Harbour fees rise"]
    assert fees["url"] == "https://news.example/fees" and fees["partial"] is True
    assert fees["tags"] == ["economy", "harbour"] and fees["date"] == "2024-03-05"
    untitled = next(r for r in rows.values() if r["url"] == "https://news.example/untitled")
    assert untitled["partial"] is True and untitled["date"] == "2024-03-06"


def test_pocket_html_is_recognised_by_content(capsys, tmp_path):
    path = write(tmp_path / "ril_export.html", POCKET_HTML)
    code, out, err = run(capsys, "import", str(path))
    assert code == 0, err
    assert len(imported_ids(out)) == 2
    rows = {r["url"]: r for r in list_json(capsys)}
    first = rows["https://news.example/a"]
    assert first["title"] == "A saved story & more" and first["tags"] == ["climate", "policy"]
    assert first["date"] == "2019-12-17" and first["partial"] is True


def test_instapaper_csv_selection_is_a_highlight_and_folders_tags(capsys, tmp_path):
    path = write(tmp_path / "instapaper-export.csv", INSTAPAPER_CSV)
    code, out, err = run(capsys, "import", str(path))
    assert code == 0, err
    rows = by_title(capsys)
    ferry = rows["Ferry strike"]
    assert ferry["tags"] == ["Research"] and ferry["date"] == "2023-11-14"
    assert rows["Plain save"]["tags"] == []
    [note] = notes_of(capsys, ferry["id"])
    assert note["passage"]["exact"] == "The union said the strike was over."


def test_wallabag_json_keeps_the_text_and_anchors_highlights(capsys, tmp_path):
    path = write(tmp_path / "wallabag.json", json.dumps(WALLABAG))
    code, out, err = run(capsys, "import", str(path))
    assert code == 0, err
    [row] = list_json(capsys)
    assert row["partial"] is False and row["url"] == "https://news.example/harbour"
    assert row["date"] == "2024-03-05" and row["tags"] == ["harbour", "policy"]
    assert row["quotes"] > 0  # the saved text went through the analysis
    anchored, loose = sorted(notes_of(capsys, row["id"]), key=lambda n: n["passage"] is None)
    assert anchored["passage"]["exact"] == "The opposition criticised the decision."
    assert anchored["text"] == "the key sentence"
    code, shown, _ = run(capsys, "show", row["id"])
    assert "The opposition criticised the decision." in shown
    assert loose["passage"] is None and "A sentence the article does not have." in loose["text"]


def test_omnivore_zip_markdown_and_highlights(capsys, tmp_path):
    path = tmp_path / "omnivore-export.zip"
    path.write_bytes(omnivore_zip())
    code, out, err = run(capsys, "import", str(path))
    assert code == 0, err
    rows = by_title(capsys)
    full = rows["Regierung kündigt Hilfen für Landwirte an"]  # the Markdown's own title
    assert full["partial"] is False and full["lang"] == "de"
    assert full["tags"] == ["farming", "drought"] and full["date"] == "2024-05-01"
    notes = sorted(notes_of(capsys, full["id"]), key=lambda n: n["passage"]["start"])
    assert [n["passage"]["exact"] for n in notes] == [
        "Der Bauernverband begrüßte die Ankündigung.",
        "Die Hilfen kämen jedoch spät, sagte sein Präsident.",
    ]
    assert notes[0]["text"] == "Wichtig für die Verbände." and notes[1]["text"] == ""
    link = rows["Saved without text"]
    assert link["partial"] is True
    code, shown, _ = run(capsys, "show", link["id"])
    assert "A short description kept by the export." in shown


def test_pocket_highlights_are_the_text_of_a_partial_article(capsys, tmp_path):
    path = write(tmp_path / "annotations.json", json.dumps(POCKET_HIGHLIGHTS))
    code, out, err = run(capsys, "import", str(path))
    assert code == 0, err
    [row] = list_json(capsys)
    assert row["partial"] is True and row["date"] == "2024-03-09"
    notes = notes_of(capsys, row["id"])
    assert sorted(n["passage"]["exact"] for n in notes) == [
        "First marked passage of the story.",
        "Second marked passage.",
    ]


def test_importing_the_same_export_again_adds_no_notes(capsys, tmp_path):
    path = write(tmp_path / "wallabag.json", json.dumps(WALLABAG))
    run(capsys, "import", str(path))
    code, out, _ = run(capsys, "import", str(path))
    assert code == 0 and out.startswith("duplicate ")
    [row] = list_json(capsys)
    assert row["notes"] == 2


def test_a_folder_takes_exports_and_skips_other_csv_json_zip(capsys, tmp_path):
    folder = tmp_path / "saved"
    write(folder / "pocket.csv", POCKET_CSV.replace("No link here,,1709632800,,unread\n", ""))
    write(folder / "numbers.csv", "a,b,c\n1,2,3\n")
    write(folder / "settings.json", '{"theme": "dark"}')
    (folder / "photos.zip").write_bytes(_zip({"a.txt": "not an export"}))
    (folder / "omnivore.zip").write_bytes(omnivore_zip())
    write(folder / "story.txt", distinct(ARTICLE, 41))
    code, out, err = run(capsys, "import", str(folder))
    assert code == 0 and err == ""
    assert len(imported_ids(out)) == 2 + 2 + 1


@pytest.mark.parametrize(
    ("name", "content"),
    [("numbers.csv", "a,b,c\n1,2,3\n"), ("settings.json", '{"theme": "dark"}')],
)
def test_a_named_file_that_is_no_export_is_one_error(capsys, tmp_path, name, content):
    path = write(tmp_path / name, content)
    code, out, err = run(capsys, "import", str(path))
    assert code == 1 and out == ""
    assert err.strip() == f"error {path}: not a Pocket, Instapaper, wallabag or Omnivore export"


def test_detect_reads_content_not_names():
    assert detect("x.csv", POCKET_CSV.encode()).name == "pocket-csv"
    assert detect("x.csv", INSTAPAPER_CSV.encode()).name == "instapaper-csv"
    assert detect("export.html", POCKET_HTML.encode()).name == "pocket-html"
    assert detect("page.html", html_page("A page", ARTICLE)) is None
    assert detect("x.json", json.dumps(WALLABAG).encode()).name == "wallabag-json"
    assert detect("x.json", json.dumps(POCKET_HIGHLIGHTS).encode()).name == "pocket-annotations"
    assert detect("x.zip", omnivore_zip()).name == "omnivore-zip"
    assert detect("x.zip", b"PK\x03\x04 damaged") is None
    assert detect("pocket.txt", POCKET_CSV.encode()) is None  # a text file stays a text file


def test_a_large_json_export_in_a_folder_is_recognised_from_its_start(capsys, tmp_path):
    """A folder import asks the sniffers with the file's first 256 KB: a wallabag export
    larger than that (saved pages are long) is still taken."""
    record = WALLABAG[0]
    filler = "<p>" + "A long saved page about the harbour. " * 200 + "</p>"
    entries = [record] + [
        {
            **record,
            "id": n,
            "url": f"https://news.example/{n}",
            "annotations": [],
            "content": distinct(filler, n),
        }
        for n in range(1, 60)
    ]
    data = json.dumps(entries).encode()
    assert len(data) > formats.SNIFF_BYTES
    write(tmp_path / "saved" / "wallabag.json", data.decode())
    assert detect("wallabag.json", data[: formats.SNIFF_BYTES]).name == "wallabag-json"
    code, out, err = run(capsys, "import", str(tmp_path / "saved"))
    assert code == 0, err
    assert len(imported_ids(out)) == 60


LINKPILE = {
    "linkpile": 1,
    "links": [
        {"href": "https://news.example/pile-a", "name": "Pile story", "marked": "A marked line."},
        {"href": "", "name": "No address"},
    ],
}


def _sniff_linkpile(data: bytes) -> bool:
    return data.lstrip().startswith(b'{"linkpile"')


def _read_linkpile(data: bytes):
    for number, link in enumerate(json.loads(data)["links"], start=1):
        if not link["href"]:
            yield formats.ImportFailure(f"link {number}: no address")
            continue
        marks = [Highlight(link["marked"])] if link.get("marked") else []
        yield ArchiveItem(
            url=link["href"], title=link["name"], tags=["pile"], highlights=marks, number=number
        )


def test_an_export_registered_in_the_format_registry_is_recognised_by_import(
    capsys, tmp_path, monkeypatch
):
    """The registry is the one place exports are known: a made-up export registered there is
    found in a folder and named on the command line, read into articles with its highlights,
    and named in the error for a file no export claims."""
    monkeypatch.setattr(formats, "FORMATS", list(formats.FORMATS))
    pile = ImportFormat(
        "linkpile",
        "Linkpile export",
        (".json", ".pile"),
        read_items=_read_linkpile,
        sniff=_sniff_linkpile,
        service="Linkpile",
    )
    formats.register(pile)
    assert detect("x.json", json.dumps(LINKPILE).encode()) is pile
    folder = tmp_path / "saved"
    write(folder / "links.pile", json.dumps(LINKPILE))
    write(folder / "other.pile", '{"something": "else"}')  # skipped: no export claims it
    code, out, err = run(capsys, "import", str(folder))
    assert code == 1 and err.strip() == f"error {folder / 'links.pile'}: link 2: no address"
    [row] = list_json(capsys)
    assert row["url"] == "https://news.example/pile-a" and row["partial"] is True
    assert row["title"] == "Pile story" and row["tags"] == ["pile"]
    [note] = notes_of(capsys, row["id"])
    assert note["passage"]["exact"] == "A marked line."
    other = folder / "other.pile"
    code, out, err = run(capsys, "import", str(other))
    assert code == 1 and out == ""
    assert err.strip() == (
        f"error {other}: not a Pocket, Instapaper, wallabag, Omnivore or Linkpile export"
    )


@pytest.mark.parametrize(
    "bad",
    [
        ImportFormat(
            "pocket-csv",
            "again",
            (".csv",),
            read_items=_read_linkpile,
            sniff=_sniff_linkpile,
            service="Again",
        ),  # name taken
        ImportFormat("nosniff", "x", (".json",), read_items=_read_linkpile, service="X"),
        ImportFormat("noread", "x", (".json",), sniff=_sniff_linkpile, service="X"),
        ImportFormat(
            "noservice", "x", (".json",), read_items=_read_linkpile, sniff=_sniff_linkpile
        ),
    ],
)
def test_register_refuses_an_incomplete_export(bad, monkeypatch):
    monkeypatch.setattr(formats, "FORMATS", list(formats.FORMATS))
    with pytest.raises(ValueError, match=bad.name):
        formats.register(bad)


def test_fetch_gets_the_pages_of_link_only_items(capsys, tmp_path):
    with LocalServer() as srv:
        good = srv.route(
            "/a",
            Answer(
                body=html_page("The fetched story", distinct(ARTICLE, 51)),
                headers={"Content-Type": "text/html"},
            ),
        )
        gone = srv.url("/gone")
        csv = f"title,url,time_added,tags,status\nSaved A,{good},1709632800,x,unread\nSaved B,{gone},1709632800,,unread\n"
        path = write(tmp_path / "pocket.csv", csv)
        code, out, err = run(capsys, "import", "--fetch", str(path))
    assert code == 1 and err.strip() == f"error {gone}: HTTP 404 Not Found"
    rows = {r["url"]: r for r in list_json(capsys)}
    assert rows[good]["partial"] is False and rows[good]["title"] == "The fetched story"
    assert rows[good]["tags"] == ["x"] and rows[good]["date"] == "2024-03-05"
    assert rows[gone]["partial"] is True and rows[gone]["title"] == "Saved B"


def test_reimport_keeps_what_the_export_said(capsys, tmp_path):
    run(capsys, "import", str(write(tmp_path / "wallabag.json", json.dumps(WALLABAG))))
    run(capsys, "import", str(write(tmp_path / "pocket.csv", POCKET_CSV)))
    before = sorted(list_json(capsys), key=lambda r: r["id"])
    code, out, err = run(capsys, "reimport")
    assert code == 0, err
    assert all(line.startswith("unchanged ") for line in out.splitlines())
    after = sorted(list_json(capsys), key=lambda r: r["id"])
    keys = ("id", "title", "url", "date", "tags", "partial", "notes")
    assert [{k: r[k] for k in keys} for r in after] == [{k: r[k] for k in keys} for r in before]


def _zip(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()
