"""HTML import: the story a page keeps in its script JSON when the markup shows only its start
(issue 11). Pages and sentences here are written for the test."""

from __future__ import annotations

import json

from reader.importing import html_state
from reader.importing.importer import parse_document

STORY = [
    "The county council voted on Tuesday night to keep the old lido by the river open for three "
    "more summers, after a petition gathered more than nine thousand signatures in a month.",
    "Swimmers had feared the pool would close for good this autumn, because the pumps are older "
    "than most of the lifeguards and the roof of the changing rooms leaks in every storm.",
    "The council's treasurer said the repairs would cost less than a new pool on the edge of town, "
    "and that the money could come from the reserve set aside for the sports centre.",
    "A local swimming club offered to run the kiosk and to train volunteers, so that the lido "
    "could stay open on weekday evenings as well as at weekends during the school holidays.",
    "Opposition members asked for an independent survey of the building before any contract is "
    "signed, warning that old pipes often hide problems that only show once the work begins.",
    "The survey will be carried out in the winter, and the council expects to publish its "
    "findings together with a timetable for the repairs before the end of February.",
    "Until then the pool will close as usual at the end of September, and season tickets for next "
    "year will go on sale in the spring at the same price as this year.",
    "Families who live near the river said the lido is the only place in the district where "
    "children can learn to swim outdoors, and that they were relieved by the vote.",
]


def page(body: str, scripts: str = "") -> bytes:
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Lido stays open</title></head>"
        "<body><header><nav><a href='/'>Home</a> <a href='/local'>Local</a></nav></header>"
        f"<main><article><h1>Lido stays open for three more summers</h1>{body}</article></main>"
        f"<footer><p>Contact · Privacy</p></footer>{scripts}</body></html>"
    ).encode()


def markup(paragraphs: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def script(data: object, prefix: str = "window.__PRELOADED_STATE__ = ", kind: str = "") -> str:
    attributes = f' type="{kind}"' if kind else ""
    return f"<script{attributes}>{prefix}{json.dumps(data)};</script>"


def paragraphs_of(data: bytes) -> list[str]:
    return parse_document(data, "lido.html").text.split("\n\n")


def test_a_preloaded_state_in_jsonml_gives_the_whole_story_without_its_embeds_and_link_list() -> (
    None
):
    body = ["div"] + [["p", p] for p in STORY[:4]]
    body += [["p", "The vote was ", ["a", {"href": "/votes"}, "close"], ": 31 to 27."]]
    body += [["native-ad", {"position": "in-content"}]]
    body += [["inline-embed", {"type": "callout"}, ["p", "Read our guide to river swimming"]]]
    body += [["p", p] for p in STORY[4:]]
    body += [["div", {"class": "heading"}, "More local stories"]]
    body += [
        [
            "ul",
            ["li", ["a", {"href": "/a"}, "Bridge closed for repairs"]],
            ["li", "New ", ["a", {"href": "/b"}, "bus timetable from May"]],
        ]
    ]
    state = {"config": {"site": "Example Post"}, "article": {"headline": "Lido", "body": body}}
    got = paragraphs_of(page(markup(STORY[:2]), script(state)))
    assert got == STORY[:4] + ["The vote was close: 31 to 27."] + STORY[4:]


def test_next_data_blocks_give_their_text_field_and_leave_captions_out() -> None:
    blocks = [{"type": "text", "html": f"<p>{p}</p>"} for p in STORY[:5]]
    blocks.insert(
        3,
        {
            "type": "image",
            "caption": "The lido on a summer evening, seen from the bridge",
            "url": "/i.jpg",
        },
    )
    blocks += [{"type": "text", "html": f"<p>{p}</p>"} for p in STORY[5:]]
    data = {"props": {"pageProps": {"article": {"title": "Lido", "content": blocks}}}}
    scripts = script(data, prefix="", kind="application/json")
    got = paragraphs_of(page(markup(STORY[:2]), scripts))
    assert got == STORY


def test_json_ld_article_body_longer_than_the_markup_is_used() -> None:
    data = {"@type": "NewsArticle", "headline": "Lido", "articleBody": "\n\n".join(STORY)}
    got = paragraphs_of(page(markup(STORY[:2]), script(data, "", "application/ld+json")))
    assert got == STORY


def test_the_markup_stays_when_the_json_is_not_much_longer_or_starts_elsewhere() -> None:
    # the whole story is in the markup: the same story in JSON changes nothing
    full = ["div"] + [["p", p] for p in STORY]
    tail = "<p>Photo: Example Post</p>"
    assert paragraphs_of(page(markup(STORY) + tail, script({"body": full}))) == STORY
    # a state that holds the story's start among other fields (an object is no story)
    state = {"body": STORY[0], "related": [f"{p} Read more about it." for p in STORY[1:]]}
    assert paragraphs_of(page(markup(STORY[:2]), script(state))) == STORY[:2]
    # a list of teasers that holds the story's lead after other stories' does not start as it
    others = [
        f"Another story number {n} is told in this teaser of two dozen words." for n in range(5)
    ]
    teasers = others + STORY
    assert paragraphs_of(page(markup(STORY[:2]), script({"teasers": teasers}))) == STORY[:2]


def test_json_parse_of_a_string_and_markdown_fields_are_read() -> None:
    markdown = "\n\n".join(
        [
            f"**{STORY[0]}**",
            "## The vote",
            *STORY[1:4],
            "+++group-2",
            "[#image: /photos/1]|||A pool|||",
            "+++",
            *STORY[4:],
        ]
    )
    inner = json.dumps({"article": {"body": [markdown]}})
    scripts = f"<script>window.__INITIAL_STATE__ = JSON.parse({json.dumps(inner)});</script>"
    got = paragraphs_of(page(markup(STORY[:2]), scripts))
    assert got == [STORY[0], "The vote", *STORY[1:]]


def test_longer_story_needs_a_start_and_the_scripts() -> None:
    assert html_state.longer_story([], STORY[:2]) is None
    assert html_state.longer_story(["{}"], ["Too short."]) is None
