"""The library's settings (``LIBRARY/settings.json``): UI choices and the coder's name.

Shared by the TUI and the CLI (``reader config``), so no Textual here. A change is one key,
applied under a lock to the file as it is then and written atomically; a file that is not a JSON
object is never replaced by one holding only the new key.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reader.base.errors import ReaderError

FINAL = "final"  # the adjudicated codes' coder: reserved, never a person's name
CODER_MAX = 64


class SettingsError(ReaderError):
    """settings.json can't be read as settings, or a value can't be set (one line)."""


def settings_path(root: Path) -> Path:
    return Path(root) / "settings.json"


def load_settings(root: Path) -> dict[str, Any]:
    try:
        data = json.loads(settings_path(root).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def save_setting(root: Path, key: str, value: Any) -> None:
    """Change one setting: under the lock, on the file as it is then (another reader may have
    changed another setting meanwhile), written atomically. A settings file that is not JSON is
    left alone (:class:`SettingsError`), never replaced by one with this key only."""
    from reader.base.atomic import atomic_write_bytes, file_lock

    path = settings_path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    with file_lock(path):
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raw = b"{}"
        try:
            data = json.loads(raw.decode("utf-8")) if raw.strip() else {}
        except (UnicodeDecodeError, ValueError):
            data = None
        if not isinstance(data, dict):
            raise SettingsError(f"{path}: not a settings file (JSON object); left as it is")
        data[key] = value
        atomic_write_bytes(path, (json.dumps(data, indent=2) + "\n").encode("utf-8"))


def system_user() -> str:
    """The login name, the coder of records made before a name was set ("unknown" if none)."""
    from annotations.files import system_user as login_name

    return login_name()


def clean_coder(name: str, *, reserved_ok: bool = False) -> str:
    """A coder name as stored: one line of visible text, at most 64 characters, no comma
    (``--coders A,B`` splits on it); ``final`` is reserved for adjudicated codes."""
    from reader.base.surrogates import lone_surrogate

    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise SettingsError("coder name is empty")
    if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in cleaned) or lone_surrogate(cleaned):
        raise SettingsError(f"coder name {cleaned!r} holds control characters or invalid text")
    if "," in cleaned:
        raise SettingsError(f"coder name {cleaned!r} holds a comma (--coders A,B splits on it)")
    if len(cleaned) > CODER_MAX:
        raise SettingsError(f"coder name is longer than {CODER_MAX} characters")
    if not reserved_ok and cleaned.casefold() == FINAL:
        raise SettingsError(
            f"coder name {FINAL!r} is reserved for adjudicated codes (the agreement screen)"
        )
    return cleaned


def configured_coder(root: Path) -> str | None:
    """The name set with ``reader config coder`` (or the TUI), if any and valid."""
    value = load_settings(root).get("coder")
    if not isinstance(value, str):
        return None
    try:
        return clean_coder(value)
    except SettingsError:
        return None


def current_coder(root: Path) -> str:
    """Who is coding: the configured name, else the system user name."""
    return configured_coder(root) or system_user()
