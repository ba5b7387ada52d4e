"""Scraped text, line by line: what each line of a page copy looks like (story, widget, caption...).

Only general features: length, sentence punctuation, script, interface vocabulary, the caption
pattern "... - SOURCE, NNNN, DD.MM.YYYY", credits ("©") glued to the next text, datelines and
timestamps. Hard-wrapped text is joined first, so that its lines are paragraphs again.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass

from .furniture import GLUED as _GLUED
from .furniture import SENTENCE_END as _SENTENCE_END
from .furniture import (
    is_account_prompt,
    is_appeal,
    is_audio_widget,
    is_closing_credit,
    is_comment_label,
    is_consent_box,
    is_header_line,
    is_player_notice,
    is_teaser_link,
    is_ui,
    words_of,
)
from .meta import DATE_IN_TEXT, find_date
from .ui_words import LEGAL_PHRASES, READ_MORE, RELATED_LABELS, UI_WORDS

__all__ = [
    "DATE_TIME_LINE",
    "SHORT_DATE",
    "Line",
    "classify",
    "is_caption_or_credit",
    "is_ui",
    "words_of",
]
_CAPTION = re.compile(r"\s[-–—]\s([^,]{2,60}),\s*\d{1,5}(?:x\d+)?,\s*(\d{1,2}\.\d{1,2}\.\d{4})\s*$")
_CREDIT = re.compile(
    r"^(?:©|\(c\)|copyright\b|foto:|photo:|bild:|image:|quelle:|source:|credit:|"
    r"(?:image|photo|picture|foto|bild)\s+(?:by|von|credit)\b)",
    re.I,
)
_CLOCK = re.compile(
    r"^\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.|uhr|h)?(?:\s+\w{2,9}\.?)?\s*$", re.I
)
# A caption ending in its credit: "Die Ministerin in Berlin. Foto: dpa / Max Muster".
_CREDIT_TAIL = re.compile(
    r"(?:^|[\s|(–-])(?:foto|fotos|bild|photo|photos|image|picture|grafik|illustration)\s*[:©]\s*[^.!?]{2,80}\)?\s*$",
    re.I,
)
# "Headline Datum: 10 Feb 2020 Von: Jane Doe": labels of a byline glued to the line before.
_GLUED_LABEL = re.compile(
    r"\s(?=(?:Datum|Date|Von|By|Autor|Author|Posted|Veröffentlicht|Published):\s)"
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-zÀ-ÿ]")
DATE_TIME_LINE = re.compile(r"\d{1,2}:\d{2}")
SHORT_DATE = re.compile(r"^\s*\d{1,2}\.\d{1,2}\.\d{2}\s*$")
_TRUNCATED = re.compile(r"(?:\[…\]|\[\.\.\.\]|\[&hellip;\])\s*$|^\s*\[…\]")
_LABELLED_UI = re.compile(r"^\s*(\w+)\s*:", re.U)
_LEADING_DATE = re.compile(r"^(\d{1,2}\.\d{1,2}\.\d{4})(?=[A-ZÄÖÜ„\"])")


@dataclass
class Line:
    text: str
    noise: bool = False  # certainly not story (caption, credit, widget, other script)
    penalty: float = 35.0  # what the line costs a story segment that spans it
    dated: bool = False  # carries a date (datelines, comment headers, "published" footers)
    body: bool = False  # a story paragraph
    caption_source: str | None = None
    caption_date: str | None = None
    code: bool = False  # looks like a line of program code or configuration


def is_caption_or_credit(text: str) -> bool:
    """'Caption - SOURCE, 1920, 12.01.2022', '© AP Photo / Name', '... Foto: dpa'."""
    if _CAPTION.search(text):
        return True
    if _CREDIT.match(text):
        rest = _GLUED.split(text, maxsplit=1)
        return not (len(rest) == 2 and _is_body(rest[1]))
    return len(text) < 300 and bool(_CREDIT_TAIL.search(text))


def _labelled_ui(text: str) -> bool:
    """'Tags: a, b, c', 'Share: ...': a widget label in front of a colon."""
    match = _LABELLED_UI.match(text)
    return (
        match is not None
        and match.group(1).casefold() in UI_WORDS
        and not _SENTENCE_END.search(text)
    )


_LONE_BYLINE = re.compile(r"^(?:by|von)(?: \S+){0,3}$", re.I)  # 'by', 'by Jane Doe'


def _undouble(lines: list[str]) -> list[str]:
    """Double-spaced text (a blank line after every line) carries no paragraph information."""
    filled = [i for i, line in enumerate(lines) if line]
    if len(filled) < 6:
        return lines
    spaced = sum(1 for i in filled[:-1] if i + 2 < len(lines) and not lines[i + 1] and lines[i + 2])
    return [line for line in lines if line] if spaced >= 0.9 * (len(filled) - 1) else lines


def _wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text was cut at, or None when lines run to paragraph length.

    Wrapping cuts sentences: most full-width lines stop mid-sentence. Short paragraphs of
    similar length that each end in a full stop are not wrapped text."""
    lengths = sorted(len(line) for line in lines if len(line) >= 30)
    if len(lengths) < 5:
        return None
    width = lengths[int(0.95 * (len(lengths) - 1))]
    full = [line for line in lines if 0.75 * width <= len(line) <= width]
    cut = sum(1 for line in full if not _SENTENCE_END.search(line))
    return (
        width
        if width <= 100 and len(full) >= 0.5 * len(lengths) and cut >= 0.5 * len(full)
        else None
    )


def _unwrap(raw_lines: list[str]) -> list[str]:
    """Join hard-wrapped lines (text saved at ~72 columns) back into paragraphs.

    A document counts as hard-wrapped when its longer lines all end near one column, or when
    many of them stop without sentence punctuation and the next line goes on in lowercase; then
    a line that stops without sentence punctuation is continued by the next one.
    """
    lines = _undouble([" ".join(line.replace("\u00ad", "").split()) for line in raw_lines])
    width = _wrap_width(lines)
    longish = sum(len(ln) >= 50 for ln in lines)
    continued = sum(
        len(a) >= 50 and not _SENTENCE_END.search(a) and b[:1].islower()
        for a, b in itertools.pairwise(lines)
    )
    if width is None and (continued < 3 or continued < 0.2 * longish):
        return lines
    # Without a column, only a line going on in lowercase continues the one before: a headline
    # over its standfirst or its byline ends without punctuation too.
    full = 0.6 * width if width else math.inf
    joined: list[str] = []
    last = 0  # length of the physical line that ends joined[-1]
    for line in lines:
        previous = joined[-1] if joined else ""
        if (
            line
            and previous
            and not _SENTENCE_END.search(previous)
            and (last >= full or (line[0].islower() and not _LONE_BYLINE.match(line)))
        ):
            joined[-1] = f"{previous} {line}"
        else:
            joined.append(line)
        last = len(line)
    return joined


def _split_glued_date(lines: list[str]) -> list[str]:
    """'27.01.2022Headline' (a dateline glued to its headline) -> two lines; likewise
    'Headline Datum: 10 Feb 2020 Von: Jane' -> headline, 'Datum: ...', 'Von: ...'."""
    out: list[str] = []
    for line in lines:
        match = _LEADING_DATE.match(line)
        parts = [match.group(1), line[match.end() :]] if match else [line]
        for part in parts:
            pieces = _GLUED_LABEL.split(part)
            if len(pieces) > 1 and len(pieces[0].split()) <= 20:
                out.extend(pieces)
            else:
                out.append(_unglue_cells(part))
    return out


_LEGAL = re.compile("|".join(re.escape(p) for p in LEGAL_PHRASES), re.I)
_READ_MORE = re.compile("(?:" + "|".join(re.escape(p) for p in READ_MORE) + r")\W*$", re.I)
_CELL_GLUE = re.compile(
    r"(?<=[a-zäöüß%])(?=\d+[.,]\d|\d\d)|(?<=\d)(?=[A-ZÄÖÜ])|(?<=[a-zäöüß])(?=[A-ZÄÖÜ][a-zäöü])"
)
_NUMBER_GLUE = re.compile(r"(?<=[a-zäöüß%])(?=\d+[.,]\d|\d\d)|(?<=\d)(?=[A-ZÄÖÜ])")


def _unglue_cells(line: str) -> str:
    """A table row copied without separators ('Rohbenzin10 t12 t') gets its spaces back.

    Only lines with two number seams or more: "iPhone5" or "WordPress" are names, not tables.
    """
    if len(_NUMBER_GLUE.findall(line)) < 2:
        return line
    return _CELL_GLUE.sub(" ", line)


_CODE = re.compile(
    r"[=;{}()<>$]|\w[@/]\w|^[a-z][\w]*-[\w-]+\s|^#\s|^\s*(?://|--\w)|\s--?[a-z]\b|\w\.\w+\(|^[a-z][\w.-]*\s+-"
)


def _looks_like_code(text: str) -> bool:
    """'set-option -g mouse on', 'x = f(y);': code in a tutorial, which belongs to the story."""
    if len(text) > 160 or (text[:1].isupper() and _SENTENCE_END.search(text)):
        return False
    tokens = text.split()
    prose = sum(len(t) >= 3 and t.strip(",;:.!?\"'()").isalpha() for t in tokens)
    if prose >= 5 and prose >= 0.6 * len(tokens):
        return False
    return bool(_CODE.search(text)) and (text[:1].islower() or not text[:1].isalpha())


def _mark_templated(lines: list[Line]) -> None:
    """Rows made from one template ('Click to share on X (opens in new window)') are widgets.

    Short story lines do not begin or end with the same 20 characters three times over.
    """
    from collections import Counter

    rows = {
        ln.text for ln in lines if 30 <= len(ln.text) < 120
    }  # a repeated headline is no template
    heads = Counter(text[:20] for text in rows)
    tails = Counter(text[-20:] for text in rows)
    for line in lines:
        if line.text in rows and (heads[line.text[:20]] >= 3 or tails[line.text[-20:]] >= 3):
            line.body, line.noise, line.penalty = False, True, max(line.penalty, 60.0)


def _mark_related_lists(lines: list[Line]) -> None:
    """'Related:' / 'Auch lesen' and the headlines under it are teasers, even inside the story.

    The last line of such a run may be the story's own next subheading; we keep it when it is
    followed by story text and is short and plain (teaser headlines run longer, often with a colon).
    """
    for index, line in enumerate(lines):
        label = line.text.casefold().strip(" :.…»›>")
        if label not in RELATED_LABELS:
            continue
        # Recognised furniture costs the story little: the text around it is still one story.
        line.noise, line.penalty = True, 15.0
        run = []
        for follower in lines[index + 1 :]:
            if follower.body or follower.dated:
                break
            run.append(follower)
        if run and lines.index(run[-1]) + 1 < len(lines) and lines[lines.index(run[-1]) + 1].body:
            last = run[-1].text
            if len(words_of(last)) <= 6 and ":" not in last:
                run.pop()
        for teaser in run:
            teaser.noise, teaser.penalty = True, 10.0


def _mark_captions_beside_credits(lines: list[Line]) -> None:
    """'Photo: Max Muster / Archive' on a line of its own, then a short line: the picture's
    caption."""
    for line, following in itertools.pairwise(lines):
        if not (line.noise and _CREDIT.match(line.text)) or len(words_of(line.text)) > 12:
            continue
        if not following.noise and not following.dated and len(words_of(following.text)) <= 14:
            following.body, following.noise, following.penalty = False, True, 15.0


def _teaser_like(text: str) -> bool:
    """A headline of another story: short, and not closed like a story sentence ('.' or a quote)."""
    return len(words_of(text)) <= 20 and not text.endswith((".", "“", '"', "«", "»", "”", ")"))


def _is_body(text: str) -> bool:
    tokens = words_of(text)
    words = len(tokens)
    if words >= 8 and sum(t.islower() and t.isalpha() for t in tokens) < 0.3 * words:
        return False  # lists of names, months or numbers (archive menus, tag clouds), not prose
    if words >= 6 and _SENTENCE_END.search(text) and not text.endswith(","):
        return True
    return words >= 20


def _doc_script_latin(lines: list[str]) -> bool:
    sample = "".join(lines)
    return len(_LATIN.findall(sample)) >= len(_CYRILLIC.findall(sample))


def classify(raw_lines: list[str]) -> list[Line]:
    raw_lines = _split_glued_date(_unwrap(raw_lines))
    latin = _doc_script_latin(raw_lines)
    lines: list[Line] = []
    for raw in raw_lines:
        text = " ".join(raw.split())
        if not text:
            continue
        line = Line(text)
        if caption := _CAPTION.search(text):
            line.noise, line.penalty = True, 15.0
            line.caption_source = caption.group(1).strip()
            line.caption_date = find_date(caption.group(2))
        elif _CREDIT.match(text):
            line.noise, line.penalty = True, 15.0
            rest = _GLUED.split(text, maxsplit=1)
            if len(rest) == 2 and _is_body(rest[1]):  # credit glued to a real paragraph
                line.text = rest[0].strip()
                lines.append(line)
                line = Line(rest[1].strip())
                text = line.text
        elif len(text) < 300 and _CREDIT_TAIL.search(text):
            line.noise, line.penalty = True, 15.0
        elif is_comment_label(text):  # readers' comments follow: a border the story does not cross
            line.noise, line.penalty = True, 400.0
        elif is_closing_credit(text) or is_teaser_link(text) or is_header_line(text, places=False):
            line.noise, line.penalty = True, 15.0
        elif is_audio_widget(text):
            line.noise, line.penalty = True, 60.0
        elif (
            is_account_prompt(text)
            or is_appeal(text)
            or is_consent_box(text)
            or is_player_notice(text)
        ):  # known furniture: costs a story that spans it little
            line.noise, line.penalty = True, 15.0
        elif (
            is_ui(text)
            or _labelled_ui(text)
            or _CLOCK.match(text)
            or not any(c.isalpha() for c in text)
        ):
            line.noise, line.penalty = True, 60.0
        elif (len(text) < 400 and _LEGAL.search(text)) or _TRUNCATED.search(text):
            line.noise, line.penalty = True, 80.0
        elif (
            latin
            and _CYRILLIC.search(text)
            and len(_CYRILLIC.findall(text)) > len(_LATIN.findall(text))
        ):
            line.noise = True
        if not line.noise:
            line.body = _is_body(text)
            if _looks_like_code(text):
                line.code, line.body, line.penalty = True, False, 10.0
        if (
            not line.body
            and not line.caption_source
            and (DATE_IN_TEXT.search(text) or SHORT_DATE.match(text))
        ):
            line.dated = True
            # A timestamp (date and clock time) heads a comment or a teaser: a hard border.
            line.penalty = 1500.0 if DATE_TIME_LINE.search(text) else max(line.penalty, 250.0)
        lines.append(line)
    # An excerpt followed by "read more" is a teaser of another article; a "Read more" label over
    # a list of headlines is not a link, and the story line before it stays (unless cut off).
    for index, line in enumerate(lines[1:], 1):
        if len(line.text) <= 120 and _READ_MORE.search(line.text):
            line.noise, line.penalty = True, max(line.penalty, 60.0)
            previous = lines[index - 1]
            following = lines[index + 1] if index + 1 < len(lines) else None
            label = (
                line.text.casefold().strip(" :.…»›>") in RELATED_LABELS
                and following is not None
                and not following.noise
                and not following.body
            )
            if label and not previous.text.endswith(("…", "...")):
                continue
            if previous.body:
                previous.body, previous.noise, previous.penalty = False, True, 80.0
    _mark_related_lists(lines)
    _mark_templated(lines)
    _mark_captions_beside_credits(lines)
    # The line right after a caption is the teaser headline of a related article.
    for before, after in itertools.pairwise(lines):
        if before.caption_source and (not after.body or _teaser_like(after.text)):
            after.noise, after.penalty = (
                True,
                min(after.penalty, 10.0),
            )  # known furniture costs little
    return lines
