"""The import formats: one table, from which everything that names formats is derived.

Why: the supported suffixes, the "use .txt .md ..." messages, which files a folder import picks
up, the import dialog's title, the CLI help, the extension a kept original is stored under and
how reimport/doctor re-read it all come from :data:`FORMATS`. A new format is one entry here and
one parser module (see ``eml.py``).

A format parses either one article per file (``parse``: bytes to a ParsedArticle) or many, one
a line (``parse_many``: bytes to numbered articles or failures). Formats that arrive as text
wrap a ``str`` parser with :func:`from_text`, which decodes the bytes (decode.py) first.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from .documents import (
    looks_like_html,
    page_named_as_text,
    parse_html,
    parse_markdown,
    parse_text,
    text_named_as_page,
)
from .eml import parse_email
from .jsonl import parse_line
from .models import ImportFailure, ParsedArticle

DocumentParser = Callable[[bytes], ParsedArticle]
Numbered = Iterator[tuple[int, ParsedArticle | ImportFailure]]
CorpusParser = Callable[[bytes], Numbered]


@dataclass(frozen=True)
class ImportFormat:
    name: str  # ParsedArticle.format; the kept original is stored as original.NAME
    label: str  # for people: "a JSONL corpus holds many articles"
    suffixes: tuple[str, ...]  # lower case, with the dot; the first one is shown in short lists
    parse: DocumentParser | None = None  # one article per file
    parse_many: CorpusParser | None = None  # many, one a line; a whole-file failure raises
    # pasted text (stdin) that passes is read as this format (else as PASTED)
    sniff_pasted: Callable[[bytes], bool] | None = None
    # a file named with one of our suffixes whose content is another format: that one's name
    sniff_named: Callable[[bytes], str | None] | None = None

    @property
    def many(self) -> bool:
        return self.parse_many is not None


def from_text(parse: Callable[[str], ParsedArticle], *, markup: bool = False) -> DocumentParser:
    """A bytes parser for a format that arrives as text (``markup``: honour <meta charset>)."""

    def parse_bytes(data: bytes) -> ParsedArticle:
        from .decode import decode_document  # lazy: listing the formats must cost nothing

        decoded = decode_document(data, html=markup)
        if not decoded.text.strip():
            raise ImportFailure("empty file")
        article = parse(decoded.text)
        article.replaced = decoded.replaced  # the import warns: "N bytes replaced"
        return article

    return parse_bytes


def lines_from_text(parse: Callable[[str], Numbered]) -> CorpusParser:
    """A corpus parser for a line format that arrives as text; decoding happens at the call."""

    def parse_many(data: bytes) -> Numbered:
        from .decode import decode_bytes

        return parse(decode_bytes(data))

    return parse_many


def decoded_lines(parse_line: Callable[[str], ParsedArticle]) -> CorpusParser:
    """A corpus parser for a one-record-a-line format whose lines are decoded one by one: a
    NUL byte or bytes in another encoding cost that line only, and replaced bytes are counted
    per line. UTF-16/32 files are decoded whole (at the call: a failure is the file's)."""

    def parse_many(data: bytes) -> Numbered:
        from .decode import decode_document, is_wide_text

        lines: list[bytes] | list[str]
        first = 0
        if is_wide_text(data):
            whole = decode_document(data)
            lines, first = whole.text.split("\n"), whole.replaced  # told with the first article
        else:
            lines = data.removeprefix(b"\xef\xbb\xbf").split(b"\n")
        numbered = _numbered(lines, parse_line, first)
        if data.startswith(_BYTE_ORDER_MARKS) and lines and not lines[0].strip():
            # a first line that is only a byte-order mark is no blank line: it is said
            return itertools.chain([(1, ImportFailure(_ONLY_BOM))], numbered)
        return numbered

    return parse_many


# UTF-8, UTF-16/32 little-endian, UTF-16 big-endian, UTF-32 big-endian
_BYTE_ORDER_MARKS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
_ONLY_BOM = "only a byte-order mark, no record"


def _numbered(
    lines: Sequence[bytes | str],
    parse_line: Callable[[str], ParsedArticle],
    replaced_before: int,
) -> Numbered:
    from .decode import decode_document

    raw: bytes | str
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            replaced = 0
            if isinstance(raw, bytes):
                if b"\x00" in raw:
                    raise ImportFailure("NUL byte in the line (binary data)")
                decoded = decode_document(raw)
                line, replaced = decoded.text, decoded.replaced
            else:
                line = raw
            article = parse_line(line)
            article.replaced, replaced_before = replaced + replaced_before, 0
            yield number, article
        except ImportFailure as failure:
            yield number, failure


FORMATS: list[ImportFormat] = [
    ImportFormat(
        "txt",
        "plain or scraped text",
        (".txt",),
        parse=from_text(parse_text),
        sniff_named=page_named_as_text,
    ),
    ImportFormat("md", "Markdown document", (".md", ".markdown"), parse=from_text(parse_markdown)),
    ImportFormat(
        "html",
        "HTML page",
        (".html", ".htm"),
        parse=from_text(parse_html, markup=True),
        sniff_pasted=looks_like_html,
        sniff_named=text_named_as_page,
    ),
    ImportFormat("jsonl", "JSONL corpus", (".jsonl",), parse_many=decoded_lines(parse_line)),
    ImportFormat("eml", "e-mail message", (".eml",), parse=parse_email),
]
PASTED = "txt"  # pasted text no format claims


def register(fmt: ImportFormat) -> None:
    """Add a format (its name and suffixes must be new; exactly one of parse/parse_many)."""
    if (fmt.parse is None) == (fmt.parse_many is None):
        raise ValueError(f"format {fmt.name}: give parse or parse_many")
    taken = {s for f in FORMATS for s in f.suffixes}
    if by_name(fmt.name) is not None or taken & set(fmt.suffixes):
        raise ValueError(f"format {fmt.name}: name or suffix already registered")
    if any(s != s.lower() or not s.startswith(".") for s in fmt.suffixes):
        raise ValueError(f"format {fmt.name}: suffixes are lower case and start with a dot")
    FORMATS.append(fmt)


def by_name(name: str) -> ImportFormat | None:
    return next((f for f in FORMATS if f.name == name), None)


def for_path(path: str) -> ImportFormat | None:
    """The format a file name's suffix says (None: not one we read)."""
    suffix = os.path.splitext(path)[1].lower()
    return next((f for f in FORMATS if suffix in f.suffixes), None)


def supported() -> tuple[str, ...]:
    """Every suffix we read."""
    return tuple(s for f in FORMATS for s in f.suffixes)


def suffix_text(*, short: bool = False) -> str:
    """ ".txt .md .markdown ..." (``short``: one suffix a format) for messages and help."""
    return " ".join(f.suffixes[0] for f in FORMATS) if short else " ".join(supported())


def unsupported(what: str) -> str:
    """The one-line reason for a file we don't read (``what``: its suffix, else its name)."""
    return f"unsupported file type '{what}' (use {suffix_text()})"


def import_help() -> str:
    """What ``reader import`` takes, for the CLI help."""
    documents = " ".join(f.suffixes[0] for f in FORMATS if not f.many)
    corpora = " ".join(f.suffixes[0] for f in FORMATS if f.many)
    return f"import files ({documents}), folders, - (stdin), {corpora} corpora"


def original_extension(format_name: str) -> str:
    """The extension a kept original gets: its format's name (pasted text: the fallback's)."""
    fmt = by_name(format_name)
    return fmt.name if fmt is not None else PASTED


def pasted_format(data: bytes) -> ImportFormat:
    """Pasted text (stdin): the first format whose content sniffer claims it, else PASTED."""
    for fmt in FORMATS:
        if fmt.sniff_pasted is not None and fmt.sniff_pasted(data):
            return fmt
    found = by_name(PASTED)
    assert found is not None
    return found


def named_format(name: str, data: bytes) -> ImportFormat:
    """The format of a file called ``name``: by suffix, corrected by its content where the
    format's sniffer says the file is misnamed; ImportFailure for suffixes we don't read."""
    fmt = for_path(name)
    if fmt is None:
        raise ImportFailure(unsupported(os.path.splitext(name)[1].lower() or name))
    if fmt.sniff_named is not None:
        other = fmt.sniff_named(data)
        fmt = by_name(other) or fmt if other else fmt
    return fmt
