"""The codebook of a study: its categories (each a tag, with a definition and examples, and the
units it applies to) and its sets (a parent whose categories are exclusive or multi-valued).

Written by people in TOML and read with the standard library's ``tomllib``::

    version = 1                      # the codebook's version, recorded with each code
    name = "Framing of the strike"   # optional
    [[category]]
    name = "frame/conflict"          # the tag; "/" nests, as tags do
    definition = "Two sides opposed: ..."
    examples = ["Unions and employers traded blame"]   # optional
    applies_to = ["article", "passage", "quote"]        # optional; default: all three
    [[set]]
    parent = "frame"                 # its categories: those under frame/
    exclusive = true                 # one value per unit (default: false, multi-valued)

Every problem is one line naming the file and the field (:class:`CodebookError`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.base.errors import ReaderError

from .tags import TagError, clean_tag, matches

UNITS = ("article", "passage", "quote")
_TOP = {"version", "name", "category", "set"}
_CATEGORY = {"name", "definition", "examples", "applies_to"}
_SET = {"parent", "exclusive"}


class CodebookError(ReaderError, ValueError):
    """A codebook that can't be used (one line: ``PATH: where: what``)."""


@dataclass(frozen=True)
class Category:
    name: str
    definition: str
    examples: tuple[str, ...] = ()
    applies_to: tuple[str, ...] = UNITS


@dataclass(frozen=True)
class CategorySet:
    parent: str
    exclusive: bool = False


@dataclass
class Codebook:
    version: Any
    categories: list[Category]
    sets: list[CategorySet] = field(default_factory=list)
    name: str = ""

    def category(self, tag: str) -> Category | None:
        key = tag.casefold()
        return next((c for c in self.categories if c.name.casefold() == key), None)

    def covers(self, tag: str) -> bool:
        """Is ``tag`` one of the categories (or a parent of one, as a set's name is)?"""
        key = tag.casefold()
        return any(c.name.casefold() == key or matches(c.name, key) for c in self.categories)

    def in_set(self, parent: str) -> list[Category]:
        """The categories under ``parent`` (``frame`` -> ``frame/conflict``, ...)."""
        key = parent.casefold()
        return [c for c in self.categories if c.name.casefold().startswith(key + "/")]

    def set_of(self, parent: str) -> CategorySet | None:
        key = parent.casefold()
        return next((s for s in self.sets if s.parent.casefold() == key), None)


def _text(value: Any, where: str, name: str, *, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise CodebookError(f"{where}: field '{name}' must be {'non-empty ' * required}text")
    if any(ord(c) < 32 and c not in "\n\t" for c in value):
        raise CodebookError(f"{where}: field '{name}' holds control characters")
    return value.strip()


def _unknown(table: dict[str, Any], allowed: set[str], where: str) -> None:
    extra = sorted(set(table) - allowed)
    if extra:
        raise CodebookError(
            f"{where}: unknown field '{extra[0]}' (allowed: {', '.join(sorted(allowed))})"
        )


def _category(raw: Any, n: int) -> Category:
    where = f"category {n}"
    if not isinstance(raw, dict):
        raise CodebookError(f"{where}: must be a table ([[category]])")
    name = _text(raw.get("name"), where, "name")
    try:
        name = clean_tag(name)
    except TagError as exc:
        raise CodebookError(f"{where}: field 'name': {exc}") from None
    where = f"category {n} ({name})"
    _unknown(raw, _CATEGORY, where)
    definition = _text(raw.get("definition"), where, "definition")
    examples = raw.get("examples", [])
    if not isinstance(examples, list):
        raise CodebookError(f"{where}: field 'examples' must be a list of text")
    examples = [_text(e, where, "examples") for e in examples]
    applies = raw.get("applies_to", list(UNITS))
    if isinstance(applies, str):
        applies = [applies]
    if not isinstance(applies, list) or not applies:
        raise CodebookError(f"{where}: field 'applies_to' must be a list of {', '.join(UNITS)}")
    for unit in applies:
        if unit not in UNITS:
            raise CodebookError(
                f"{where}: field 'applies_to': {unit!r} is not one of {', '.join(UNITS)}"
            )
    return Category(name, definition, tuple(examples), tuple(dict.fromkeys(applies)))


def parse(data: bytes, path: str | Path = "codebook") -> Codebook:
    """The codebook in ``data`` (TOML), checked; :class:`CodebookError` names ``path`` and the
    field at fault."""
    import tomllib

    try:
        raw = tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise CodebookError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise CodebookError(f"{path}: not valid TOML ({exc})") from None
    try:
        return _codebook(raw)
    except CodebookError as exc:
        raise CodebookError(f"{path}: {exc}") from None


def _codebook(raw: dict[str, Any]) -> Codebook:
    _unknown(raw, _TOP, "codebook")
    version = raw.get("version")
    if isinstance(version, bool) or not isinstance(version, int | str) or version == "":
        raise CodebookError("field 'version' must be a whole number or text (version = 1)")
    name = _text(raw.get("name"), "codebook", "name", required=False)
    categories_raw = raw.get("category")
    if not isinstance(categories_raw, list) or not categories_raw:
        raise CodebookError("no categories: add at least one [[category]] with name and definition")
    categories: list[Category] = []
    seen: dict[str, int] = {}
    for n, item in enumerate(categories_raw, 1):
        category = _category(item, n)
        key = category.name.casefold()
        if key in seen:
            raise CodebookError(
                f"category {n} ({category.name}): field 'name' repeats category {seen[key]}"
            )
        seen[key] = n
        categories.append(category)
    sets: list[CategorySet] = []
    for n, item in enumerate(raw.get("set", []) or [], 1):
        where = f"set {n}"
        if not isinstance(item, dict):
            raise CodebookError(f"{where}: must be a table ([[set]])")
        _unknown(item, _SET, where)
        parent = _text(item.get("parent"), where, "parent")
        try:
            parent = clean_tag(parent)
        except TagError as exc:
            raise CodebookError(f"{where}: field 'parent': {exc}") from None
        exclusive = item.get("exclusive", False)
        if not isinstance(exclusive, bool):
            raise CodebookError(f"set {n} ({parent}): field 'exclusive' must be true or false")
        book = Codebook(version, categories)
        if not book.in_set(parent):
            raise CodebookError(
                f"set {n} ({parent}): field 'parent' has no categories under it ({parent}/...)"
            )
        if any(s.parent.casefold() == parent.casefold() for s in sets):
            raise CodebookError(f"set {n} ({parent}): field 'parent' repeats an earlier set")
        sets.append(CategorySet(parent, exclusive))
    return Codebook(version, categories, sets, name)


def load(path: Path) -> Codebook | None:
    """The codebook stored at ``path`` (None: there is none)."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CodebookError(f"{path}: {exc.strerror or exc}") from None
    return parse(data, path)
