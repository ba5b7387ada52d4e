"""``reader import URL``, the import dialog's URL, and ``reimport --refetch``: against a local
server on 127.0.0.1 only."""

from __future__ import annotations

import json

import pytest
from test_cli_support import ARTICLE, distinct, imported_ids, list_json, run
from test_net_support import Answer, LocalServer, closed_port, html_page

HTML = {"Content-Type": "text/html; charset=utf-8"}


@pytest.fixture
def server():
    with LocalServer() as srv:
        yield srv


def test_import_url_behaves_like_a_file_import(capsys, server):
    url = server.route("/a/story", Answer(body=html_page("Harbour plan", ARTICLE), headers=HTML))
    code, out, err = run(capsys, "import", url)
    assert code == 0 and err == ""
    [line] = out.splitlines()
    assert line.startswith("imported ") and line.endswith(" Harbour plan")
    [row] = list_json(capsys)
    assert row["url"] == url and row["feed"] is None and row["partial"] is False
    assert row["quotes"] > 0
    code, out, _ = run(capsys, "import", url)
    assert code == 0 and out.startswith("duplicate " + row["id"])


def test_a_redirect_keeps_the_final_url_and_text_pages_import_too(capsys, server):
    final = server.route("/final", Answer(body=html_page("Moved story", ARTICLE), headers=HTML))
    old = server.route("/old", Answer(302, headers={"Location": final}))
    plain = server.route(
        "/notes.txt",
        Answer(body=distinct(ARTICLE, 5).encode(), headers={"Content-Type": "text/plain"}),
    )
    code, out, err = run(capsys, "import", old, plain)
    assert code == 0, err
    urls = sorted(r["url"] for r in list_json(capsys))
    assert urls == sorted([final, plain])


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        (Answer(404), "HTTP 404 Not Found"),
        (
            Answer(body=b"\x89PNG....", headers={"Content-Type": "image/png"}),
            "not a web page (image/png)",
        ),
        (
            Answer(body=b"<html><body></body></html>", headers=HTML),
            "HTML page with no article text",
        ),
    ],
)
def test_a_page_that_fails_is_one_error_line(capsys, server, answer, reason):
    url = server.route("/bad", answer)
    good = server.route("/good", Answer(body=html_page("Good one", ARTICLE), headers=HTML))
    code, out, err = run(capsys, "import", url, good)
    assert code == 1
    assert err.strip() == f"error {url}: {reason}"
    assert len(imported_ids(out)) == 1  # the rest goes on


def test_an_unreachable_url_is_one_error_line(capsys):
    url = f"http://127.0.0.1:{closed_port()}/story"
    code, out, err = run(capsys, "import", url)
    assert code == 1 and out == "" and err.strip() == f"error {url}: connection refused"


def test_refetch_replaces_the_page_and_keeps_id_tags_and_notes(capsys, server):
    url = server.route("/s", Answer(body=html_page("First version", ARTICLE), headers=HTML))
    [article] = imported_ids(run(capsys, "import", url)[1])
    assert run(capsys, "tag", article, "kept")[0] == 0
    assert (
        run(capsys, "note", article, "a note", "--passage", "harbour plan would go ahead")[0] == 0
    )
    updated = ARTICLE.replace("on Tuesday", "on Wednesday")
    server.route("/s", Answer(body=html_page("Second version", updated), headers=HTML))
    code, out, err = run(capsys, "reimport", "--refetch", article)
    assert code == 0, err
    assert out.strip() == f"reimported {article} Second version"
    [row] = list_json(capsys)
    assert row["id"] == article and row["tags"] == ["kept"] and row["notes"] == 1
    code, shown, _ = run(capsys, "show", article)
    assert "on Wednesday" in shown
    code, out, _ = run(capsys, "notes", article, "--json")
    assert json.loads(out)[0]["orphan"] is False


def test_refetch_without_a_url_or_a_network_fails_cleanly(capsys, tmp_path, server):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    [local] = imported_ids(run(capsys, "import", str(path))[1])
    code, _, err = run(capsys, "reimport", "--refetch", local)
    assert code == 1 and err.strip() == f"error {local}: no URL to fetch it from"
    url = server.route("/s", Answer(body=html_page("Kept", distinct(ARTICLE, 2)), headers=HTML))
    [fetched] = imported_ids(run(capsys, "import", url)[1])
    server.route("/s", Answer(410))
    code, _, err = run(capsys, "reimport", "--refetch", fetched)
    assert code == 1 and err.strip() == f"error {fetched}: {url}: HTTP 410 Gone"
    assert {r["title"] for r in list_json(capsys)} >= {"Kept"}  # the old version stays


def test_a_page_whose_charset_only_the_server_names_is_read_and_kept_that_way(capsys, server):
    # Latin-2: the importer's fallback (Windows-1252) would read Ł as £ and ł as ³
    body = ARTICLE.replace("harbour", "Hafenstraße Müller w Łodzi, ładnie")
    page = html_page("Grüße aus dem Hafen", body).replace(b"<meta charset='utf-8'>", b"")
    assert b"charset" not in page.lower()
    latin = page.decode("utf-8").encode("iso-8859-2")  # bytes that are not UTF-8
    url = server.route(
        "/latin", Answer(body=latin, headers={"Content-Type": "text/html; charset=ISO-8859-2"})
    )
    [article] = imported_ids(run(capsys, "import", url)[1])
    code, shown, _ = run(capsys, "show", article)
    assert "Hafenstraße Müller w Łodzi, ładnie" in shown and "Grüße aus dem Hafen" in shown
    code, out, err = run(capsys, "reimport", article)  # from the kept bytes: no header now
    assert code == 0, err
    code, again, _ = run(capsys, "show", article)
    assert again == shown
