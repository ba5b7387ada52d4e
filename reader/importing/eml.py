"""E-mail messages (``.eml``, RFC 5322): press releases and newsletters arrive this way.

Subject is the title, Date the date, From the source (the sender's display name, else the
address), and the ``text/plain`` part the body. The stdlib ``email`` package decodes headers,
transfer encodings and charsets; nothing else is needed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.textutil import strip_control

from .models import ImportFailure, ParsedArticle
from .normal import finish

if TYPE_CHECKING:
    from email.message import EmailMessage

_HEADER_ERRORS = (ValueError, IndexError, TypeError, AttributeError)  # a malformed header


def parse_email(data: bytes) -> ParsedArticle:
    import email
    from email import policy

    message = email.message_from_bytes(data, policy=policy.default)
    body = message.get_body(preferencelist=("plain",))
    if body is None:
        raise ImportFailure("no text/plain part in the message")
    try:
        text = body.get_content()
    except (LookupError, UnicodeError, ValueError):
        raise ImportFailure("the text part cannot be decoded (unknown charset)") from None
    if not isinstance(text, str) or not text.strip():
        raise ImportFailure("empty message")
    article = ParsedArticle(
        text="",
        title=_subject(message),
        date=_date(message),
        source=_sender(message),
        format="eml",
    )
    return finish(article, re.split(r"\n\s*\n", strip_control(text)), [])


def _subject(message: EmailMessage) -> str | None:
    try:
        value = message["subject"]
    except _HEADER_ERRORS:
        return None
    return (str(value).strip() or None) if value is not None else None


def _date(message: EmailMessage) -> str | None:
    try:
        when = getattr(message["date"], "datetime", None)
    except _HEADER_ERRORS:
        return None
    return when.date().isoformat() if when is not None else None


def _sender(message: EmailMessage) -> str | None:
    """The display name ("Press Office"), else the address."""
    try:
        header = message["from"]
        addresses = getattr(header, "addresses", ()) if header is not None else ()
    except _HEADER_ERRORS:
        return None
    for address in addresses:
        return str(address.display_name or address.addr_spec) or None
    return None
