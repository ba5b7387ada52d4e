"""The learned line scorers for scraped text (issue 11): what ships, how it loads, and the failure
patterns of real page copies, on a page written for the test."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from reader.importing import scraped_model
from reader.importing.importer import parse_document

ROOT = Path(__file__).resolve().parents[1]

STORY = [
    "The city council voted on Tuesday to turn the old tram depot into a market hall with room "
    "for forty stalls, ending a dispute that had lasted almost ten years.",
    "Supporters said the hall would bring life back to a district where most shops have closed, "
    "while traders from the old market square feared they would lose their customers.",
    '"We have waited long enough for a decision, and now the work can finally begin," the mayor '
    "told reporters after the vote, which passed with a majority of seven.",
    "The conversion is expected to cost twelve million euros, most of it paid by the regional "
    "government, and the first stalls could open in the spring of next year.",
    "Opposition members criticised the plan as too expensive and asked for a review of the costs "
    "by independent auditors before any contracts are signed.",
    "The depot was built more than a century ago and has stood empty since the last trams left "
    "it, apart from a flea market that used the yard on summer weekends.",
]
HEADLINE = "Old tram depot to become a market hall after ten years of dispute"


def page_copy() -> str:
    """The visible text of a news page as select-all + copy gives it."""
    menu = "\n".join(
        ["Skip to content", "Menu", "Search", "Sign in", "Subscribe", "News", "Local", "Politics"]
        + ["Business", "Sport", "Culture", "Opinion", "Weather", "Podcasts", "Newsletters"]
    )
    top = "\n".join(
        [
            "Local news",
            HEADLINE,
            "By Jane Example",
            "Updated 3 hours ago",
            "12 March 2024",
            "Share via e-mail",
            "Larger text",
            "Photo: Max Muster / City Archive",
            "The tram depot in the north of the city.",
        ]
    )
    body = "\n".join(STORY[:3] + ["Advertisement"] + STORY[3:])
    after = "\n".join(
        [
            "Support our journalism: become a subscriber today and read without limits.",
            "Externer Inhalt: Um Inhalte von Videoportal anzuzeigen, ist Ihre Zustimmung "
            "erforderlich. Mit einem Klick werden personenbezogene Daten übermittelt.",
            "More from this section",
            "Bus drivers vote for a strike next week",
            "New cycle lanes on the ring road open on Friday",
            "Council buys land for a new primary school",
            "Most read",
            "Storm warning for the coast tonight",
            "Football club signs young goalkeeper",
            "Comments (12)",
            "Sign in to comment",
            "Terms of Service | Privacy Policy | Cookies",
            "© 2024 Example City Post. All rights reserved.",
        ]
    )
    return f"{menu}\n{top}\n{body}\n{after}\n"


def test_the_shipped_model_holds_weights_and_single_words_only() -> None:
    data = json.loads(scraped_model.MODEL_FILE.read_text("utf-8"))
    assert set(data) >= {"body", "context", "title", "span"}
    assert scraped_model.MODEL_FILE.stat().st_size < 200_000
    for kind in scraped_model.KINDS:
        for name, weight in data[kind].items():
            assert isinstance(weight, float | int)
            if name.startswith("w:"):
                assert re.fullmatch(r"w:[^\W\d_]+(?:[-'’][^\W\d_]+)*", name), name
            else:
                assert len(name) <= 40 and " " not in name, name
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    data_files = config["tool"]["setuptools"]["package-data"]["reader.importing"]
    assert scraped_model.MODEL_FILE.name in data_files


def test_the_model_is_read_only_when_a_scrape_is_imported() -> None:
    code = (
        "import sys\n"
        "from reader.importing.importer import parse_document\n"
        "parse_document(b'# Title\\n\\nSome text for a markdown file.', 'a.md')\n"
        "print('reader.importing.scraped_model' in sys.modules)\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert found.stdout.strip() == "False"


def test_interface_lines_credits_and_bylines_are_not_the_title() -> None:
    article = parse_document(page_copy().encode(), "depot.txt")
    assert article.title == HEADLINE
    assert article.date == "2024-03-12"


def test_only_the_story_is_kept_from_a_page_copy() -> None:
    article = parse_document(page_copy().encode(), "depot.txt")
    assert article.text.split("\n\n") == STORY


def test_a_story_shown_twice_on_the_page_is_kept_once() -> None:
    text = page_copy().replace("Support our journalism", "\n".join(STORY) + "\nSupport our")
    article = parse_document(text.encode(), "depot.txt")
    assert article.text.split("\n\n") == STORY


def test_with_other_weights_the_import_follows_them() -> None:
    """The bench's leave-one-site-out models are used through `using`, the shipped one after."""
    empty = scraped_model.Model({"body": {"bias": -5.0}, "context": {"bias": -5.0}})
    with scraped_model.using(empty):
        assert scraped_model.model() is empty
    assert scraped_model.model() is not empty
    assert parse_document(page_copy().encode(), "depot.txt").title == HEADLINE


def test_a_page_where_no_story_is_found_still_gives_its_date() -> None:
    from reader.importing import scraped

    nothing = scraped_model.Model({"body": {"bias": -5.0}, "context": {"bias": -5.0}})
    with scraped_model.using(nothing):
        found = scraped.analyse(page_copy())
        article = scraped.clean_scraped(page_copy())
    assert found.span[1] <= found.span[0]  # no story span at all
    assert article.date == "2024-03-12" and article.title is None


def _candidates(text: str) -> dict[str, dict[str, float]]:
    from reader.importing.scraped_lines import classify

    lines = classify(text.split("\n"))
    probabilities = scraped_model.story_probabilities(lines)
    span = scraped_model.story_span(lines, probabilities)
    found = scraped_model.title_candidates(lines, probabilities, span)
    return {lines[index].text: features for index, features in found}


def test_a_headline_at_the_end_of_a_breadcrumb_is_marked_so() -> None:
    crumb = f"Home > Local > {HEADLINE}"
    features = _candidates(page_copy().replace("Local news\n", crumb + "\n"))
    assert features[HEADLINE].get("heldby:crumbtail") == 1.0
    assert "heldby:crumbtail" not in features["By Jane Example"]
    article = parse_document(page_copy().replace("Local news\n", crumb + "\n").encode(), "d.txt")
    assert article.title == HEADLINE


def test_the_candidate_sharing_most_words_with_the_lead_is_marked() -> None:
    features = _candidates(page_copy())
    marked = [text for text, f in features.items() if f.get("top:leadoverlap")]
    assert HEADLINE in marked  # 'tram depot', 'market hall' are in the first paragraphs
    for label in ("By Jane Example", "Updated 3 hours ago", "Share via e-mail", "Larger text"):
        assert label not in marked
    assert 0 < features[HEADLINE]["leadoverlap"] <= 1
    # the topmost headline-shaped line over the story that shares words with its lead
    assert [text for text, f in features.items() if f.get("toptopical")] == [HEADLINE]


def test_a_headline_above_a_second_topical_headline_line_is_the_top_one() -> None:
    standfirst = "Traders from the old market square fear for their customers in the new hall"
    page = page_copy().replace(HEADLINE + "\n", f"{HEADLINE}\n{standfirst}\n")
    features = _candidates(page)
    assert features[HEADLINE].get("toptopical") == 1.0
    assert features[standfirst].get("lowertopical") == 1.0
    assert "toptopical" not in features[standfirst]


def test_a_headline_under_a_related_label_stays_a_title_candidate() -> None:
    """The 'related stories' rule marks the lines under such a label as teasers (furniture for
    the story's text); a headline standing there is still weighed as the title."""
    page = page_copy().replace("Local news\n", "Related stories\n")
    features = _candidates(page)
    assert HEADLINE in features
    assert features[HEADLINE].get("rule:noise") == 1.0


def test_a_headline_glued_to_its_breadcrumb_without_spaces_is_marked_on_both_lines() -> None:
    """'HomeLocalOld tram depot ...' (a copy that lost the separators) holds the headline line
    under it: the glued line holds it at its tail, the headline is inside it."""
    glued = "HomeLocal" + HEADLINE
    features = _candidates(page_copy().replace("Local news\n", glued + "\n"))
    assert features[glued].get("holds:tail") == 1.0
    assert features[HEADLINE].get("inside:tail") == 1.0
    assert "holds:tail" not in features[HEADLINE]
    assert not any(k.startswith(("holds:", "inside:")) for k in features["By Jane Example"])


def test_headline_words_found_as_stems_and_inside_longer_words_of_the_lead() -> None:
    """'Depots' and the lead's 'depot' share a stem; 'strict' stands inside 'district' (as a
    German word inside a compound); exact word overlap sees neither."""
    headline = "Strict rules for depots"
    features = _candidates(page_copy().replace(HEADLINE, headline))
    f = features[headline]
    assert f.get("leadoverlap", 0.0) == 0.0
    assert f["stemlead"] > 0  # 'depots'
    assert f["sublead"] > 0  # 'strict'
    assert features["Updated 3 hours ago"].get("stemlead", 0.0) == 0.0


# ---- the story's selection: a choice among candidate spans ---------------------------------

COMMENTS = [
    "Comments (6)",
    "riverside_anna",
    "I still remember buying fresh bread in that yard every Saturday morning as a child, and "
    "the smell of the old engines that stood in the back of the hall.",
    "I still remember buying fresh bread in that yard every Saturday morning as a child, and "
    "the smell of the old engines that stood in the back of the hall.".replace("bread", "fish"),
    "tram_fan_77",
    "Twelve million is a lot of money for a hall that will be empty half of the week, and the "
    "council has not said who is going to pay for the heating in winter.",
    "Twelve million is a lot of money for a hall that will be empty half of the week, and the "
    "council has not said who is going to pay for the cleaning in winter.",
    "Twelve million is a lot of money for a hall that will be empty half of the week, and the "
    "council has not said who is going to pay for the repairs in winter.",
    "Rating: 9 votes",
]


def _lines_and_probabilities(texts: list[str], likely: set[int]):
    from reader.importing.scraped_lines import classify

    lines = classify(texts)
    assert len(lines) == len(texts)
    return lines, [0.9 if i in likely else 0.05 for i in range(len(lines))]


def test_a_cut_before_the_comment_thread_is_a_candidate() -> None:
    """A comment thread scored like the story behind it: the default selection runs on into it,
    and a selection that ends at the thread's label is among the candidates."""
    texts = ["Menu", "Search", HEADLINE, *STORY, *COMMENTS, "Privacy Policy"]
    story = set(range(3, 3 + len(STORY)))
    comments = {i for i, t in enumerate(texts) if t in COMMENTS and len(t) > 60}
    lines, probabilities = _lines_and_probabilities(texts, story | comments)
    found = scraped_model.span_candidates(lines, probabilities, 2)
    kept = [scraped_model.kept_lines(lines, probabilities, s, 2) for s, _ in found]
    assert set(kept[0]) >= comments  # the default keeps the comments
    assert sorted(story) in kept  # a candidate keeps the story alone
    label = texts.index("Comments (6)")
    assert lines[label].penalty == 400.0  # (the comment label the cut and its features see)
    cut = kept.index(sorted(story))
    assert found[cut][1].get("lostlabel") == 1.0 and "lostlabel" not in found[0][1]


def test_the_span_model_picks_among_the_candidates() -> None:
    texts = ["Menu", "Search", HEADLINE, *STORY, *COMMENTS, "Privacy Policy"]
    story = set(range(3, 3 + len(STORY)))
    comments = {i for i, t in enumerate(texts) if t in COMMENTS and len(t) > 60}
    lines, probabilities = _lines_and_probabilities(texts, story | comments)
    default = scraped_model.story_selection(lines, probabilities, 2, scraped_model.Model({}))
    assert set(scraped_model.kept_lines(lines, probabilities, default, 2)) >= comments
    cutting = scraped_model.Model({"span": {"lostlabel": 5.0, "default": 1.0}})
    chosen = scraped_model.story_selection(lines, probabilities, 2, cutting)
    assert scraped_model.kept_lines(lines, probabilities, chosen, 2) == sorted(story)


def test_a_loose_range_keeps_a_list_the_lines_model_doubted() -> None:
    """Lists and stats inside a story score low line by line: a loose range keeps its text
    lines and leaves certain furniture ('Advertisement') out."""
    items = ["Stall rents: 400 euros a month", "Opening hours: 8 to 18", "Advertisement"]
    texts = ["Menu", HEADLINE, STORY[0], *items, STORY[1]]
    lines, probabilities = _lines_and_probabilities(texts, {2, 6})
    for index in (3, 4):
        probabilities[index] = 0.2
    strict = scraped_model.Selection(((2, 7),))
    loose = scraped_model.Selection((), ((2, 7),))
    assert scraped_model.kept_lines(lines, probabilities, strict, 1) == [2, 6]
    assert scraped_model.kept_lines(lines, probabilities, loose, 1) == [2, 3, 4, 6]
