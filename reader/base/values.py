"""How a JSON value is named in a one-line message about a damaged record (shared by the
annotation records and the article index's row checks)."""

from __future__ import annotations

from typing import Any


def kind_of(value: Any) -> str:
    """How a JSON value is called in a message: ``expected text, got a number``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object" if isinstance(value, dict) else type(value).__name__


def is_text_list(value: Any) -> bool:
    """A JSON list of strings only (tags, names)."""
    return isinstance(value, list) and all(type(v) is str for v in value)
