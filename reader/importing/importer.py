"""The importer's public face: bytes in, a clean ParsedArticle (or one-line ImportFailure) out.

Pure: no library, no files written. Picks the format from the registry (formats.py: by suffix,
corrected by content; pasted text sniffed); refuses binaries, empty and huge files before
decoding; every format ends in the same normal form (normal.py). Heavy libraries load only when
a format needs them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

from . import formats
from .formats import Numbered
from .meta import detect_lang, parse_date
from .models import ImportFailure, ParsedArticle

__all__ = [
    "MAX_BYTES",
    "SUPPORTED",
    "ImportFailure",
    "ParsedArticle",
    "collect_files",
    "content_key",
    "detect_lang",
    "iter_corpus",
    "iter_jsonl",
    "parse_date",
    "parse_document",
    "parse_original",
]

MAX_BYTES = 20 * 1024 * 1024
SUPPORTED = formats.supported()  # the suffixes of the built-in formats (formats.py)
_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"RIFF", "a binary media file"),
    (b"\x7fELF", "a program binary"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0", "an Office document"),
    (b"SQLite format 3", "an SQLite database"),
    (b"OggS", "an audio file"),
    (b"ID3", "an audio file"),
)


def _check_bytes(data: bytes, *, corpus: bool = False) -> None:
    if len(data) > MAX_BYTES:
        raise ImportFailure(
            f"file too large ({len(data) // (1024 * 1024)} MB; limit {MAX_BYTES // (1024 * 1024)} MB)"
        )
    if not data.strip():
        raise ImportFailure("empty file")
    # a corpus with records in it is judged line by line: its binary lines fail alone, even
    # the first one (a stray line that starts like a PDF costs that line, not the corpus)
    records = corpus and _holds_records(data)
    for magic, what in _MAGIC:
        if what and data.startswith(magic) and not records:
            raise ImportFailure(f"binary file ({what}), not an article")
    from .decode import looks_binary

    # a stray NUL or a few control characters are stripped instead
    if looks_binary(data) and not records:
        raise ImportFailure(
            "binary file (too many NUL bytes and control characters), not an article"
        )


# a line that opens a JSON object with a key (a byte-order mark may come first)
_RECORD_START = re.compile(rb'(?m)^(?:\xef\xbb\xbf)?[ \t]*\{[ \t]*"')


def _holds_records(data: bytes) -> bool:
    """The first 64 KB of a corpus hold a line that starts a record and is UTF-8 text (a line
    cut by the 64 KB may end in half a character): binary data seldom holds one by chance."""
    import codecs

    sample = data[:65536]
    for match in _RECORD_START.finditer(sample):
        end = sample.find(b"\n", match.start())
        line = sample[match.start() : end if end >= 0 else len(sample)]
        try:
            codecs.getincrementaldecoder("utf-8")().decode(line, final=end >= 0)
        except UnicodeDecodeError:
            if line.rstrip().endswith(b"}"):  # a whole record in a legacy encoding
                return True
            continue
        return True
    return False


def parse_document(data: bytes, name: str) -> ParsedArticle:
    """One document to a ParsedArticle; ``name`` "-" is pasted text (its format sniffed)."""
    if name == "-":
        fmt = formats.pasted_format(data)
    else:
        fmt = formats.named_format(name, data)
        if fmt.many:
            raise ImportFailure(f"a {fmt.label} holds many articles; import it as a corpus")
    assert fmt.parse is not None
    _check_bytes(data)
    try:
        article = fmt.parse(data)
    except RecursionError:
        raise ImportFailure("document too deeply nested to read") from None
    if name == "-":
        article.format = "stdin"
    return article


def parse_original(data: bytes, name: str) -> ParsedArticle:
    """A kept original again (reimport, doctor): a document, or the one line of a corpus that
    was stored for its article."""
    fmt = formats.for_path(name)
    if fmt is not None and fmt.many:
        for _line, item in iter_corpus(data, name):
            if isinstance(item, ImportFailure):
                raise item
            return item
        raise ImportFailure("the kept line is empty")
    return parse_document(data, name)


def iter_corpus(data: bytes, name: str, fmt: formats.ImportFormat | None = None) -> Numbered:
    """The articles of a corpus (one a line, format by ``name`` unless given); a bad line
    yields its ImportFailure and the rest goes on; line 0 is the file as a whole."""
    fmt = fmt or formats.for_path(name)
    if fmt is None or fmt.parse_many is None:
        yield 0, ImportFailure(f"not a corpus (corpora: {_corpus_suffixes()})")
        return
    try:
        _check_bytes(data, corpus=True)
        lines = fmt.parse_many(data)
    except ImportFailure as failure:
        yield 0, failure
        return
    yield from lines


def iter_jsonl(data: bytes, name: str) -> Numbered:
    """A JSONL corpus, whatever its name (see iter_corpus)."""
    return iter_corpus(data, name, formats.by_name("jsonl"))


def _corpus_suffixes() -> str:
    return " ".join(s for f in formats.FORMATS if f.many for s in f.suffixes)


def collect_files(paths: list[str]) -> Iterator[tuple[str, str | None]]:
    """Files to import, expanded from files and folders; (path, reason) for what cannot be."""
    for path in paths:
        if path == "-":
            yield path, None
        elif os.path.isdir(path):
            found = False
            unreadable: list[str] = []

            def note_unreadable(err: OSError, seen: list[str] = unreadable) -> None:
                seen.append(err.filename)

            for root, dirs, files in os.walk(path, onerror=note_unreadable):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for file in sorted(files):
                    full = os.path.join(root, file)
                    if file.startswith("."):
                        continue
                    regular = _is_regular(full)  # a FIFO would block forever, a device never end
                    if not (_taken(full) if regular else _suffix_taken(full)):
                        continue
                    found = True
                    if not regular:
                        yield full, "not a regular file"
                    else:
                        yield full, None if os.access(full, os.R_OK) else "permission denied"
            for folder in unreadable:
                yield folder, "cannot read folder (permission denied)"
            if not found and not unreadable:
                yield path, "no articles in folder"
        elif not os.path.exists(path):
            yield path, "no such file or folder"
        elif not os.path.isfile(path):
            yield path, "not a regular file (a pipe or a device: pipe it to `reader import -`)"
        elif not os.access(path, os.R_OK):
            yield path, "permission denied"
        elif formats.for_path(path) is None and not formats.may_be_export(path):
            ext = os.path.splitext(path)[1].lower()
            yield path, formats.unsupported(ext or os.path.basename(path))
        else:
            yield path, None


def _is_regular(path: str) -> bool:
    import stat

    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True  # gone or unreadable: reading it names the reason


def _taken(path: str) -> bool:
    """Does a folder import take this file? Our suffixes, and files with an export's suffix
    (.csv .json .zip) whose content one of the registry's exports claims (others are
    skipped)."""
    if formats.for_path(path) is not None:
        return True
    if formats.may_be_export(path):
        return _maybe_export(path)
    return False


def _maybe_export(path: str) -> bool:
    size = formats.sniff_size(path)
    try:
        with open(path, "rb") as fh:
            data = fh.read() if size is None else fh.read(size)
    except OSError:
        return True  # let the import report why it cannot be read
    return formats.export_format(path, data) is not None


def _suffix_taken(path: str) -> bool:
    """By its name alone (never opening it: a FIFO would block): would a folder import take it?"""
    return formats.for_path(path) is not None or formats.may_be_export(path)


def content_key(text: str) -> str:
    """A key for the same story, whichever format and cleaner it came through: a MinHash
    signature of the normalised body (see dedupe.py). Equal keys are not required for a
    duplicate, nor sufficient: the library compares candidates' bodies before calling one."""
    from .dedupe import content_key as signature_key

    return signature_key(text)
