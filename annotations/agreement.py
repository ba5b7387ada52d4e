"""Intercoder agreement: Krippendorff's alpha (nominal) and percent agreement over the units
two or more coders coded.

What is a unit:

- ``article``: an article; a coder's value is the set of the categories they tagged it with.
- ``passage`` / ``quote``: a coded passage (a note with a passage and a category; ``quote``:
  one made on a quotation). Two coders' passages are the same unit when they overlap by at least
  half of the longer one (transitively, within an article).

A unit is coded by a coder when they applied any category of the set to it, or marked its
article done (then their value is "no category"). Units not coded by every listed coder are left
out (and counted). Per category, alpha is over the binary value "applied or not"; overall, an
exclusive set gets nominal alpha over the category applied, any other the mean of the
categories' alphas (``method`` says which). Percent agreement is the share of units on which
every coder gave the same value. Alpha is ``None`` where it is undefined: fewer than two coders,
no unit, or one value only (nothing varies, so no disagreement can be expected).

Alpha is computed here in a few lines of plain Python (the ``krippendorff`` package gives the
same values, which the tests check, but its numpy import alone costs half a second of the
command's time), checked against Krippendorff's own worked example.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .coding import FINAL

UNIT_KINDS = ("article", "passage", "quote")
OVERLAP = 0.5  # passages are one unit when they overlap by >= this share of the longer one
NONE = "(none)"  # the value of a coder who coded a unit with no category of the set


def alpha_nominal(data: Sequence[Sequence[Hashable | None]]) -> float | None:
    """Krippendorff's alpha for nominal data: ``data`` has one row per coder, one column per
    unit, ``None`` where the coder gave no value. ``None`` when alpha is undefined (fewer than
    two pairable values, or a single value throughout).

    Computed from the coincidence matrix's diagonal: with ``n`` pairable values, ``n_c`` of
    value c, and ``agree`` = the sum over units of count_c (count_c - 1) / (m_u - 1),
    alpha = 1 - (n - 1) (n - agree) / (n^2 - sum n_c^2) (Krippendorff 2011, section C)."""
    if len(data) < 2:
        return None
    width = max((len(row) for row in data), default=0)
    n = 0
    agree = 0.0
    totals: dict[Hashable, int] = {}
    for i in range(width):
        counts: dict[Hashable, int] = {}
        for row in data:
            value = row[i] if i < len(row) else None
            if value is not None:
                counts[value] = counts.get(value, 0) + 1
        m = sum(counts.values())
        if m < 2:
            continue  # one value alone is not pairable
        n += m
        for value, count in counts.items():
            totals[value] = totals.get(value, 0) + count
            agree += count * (count - 1) / (m - 1)
    expected = n * n - sum(c * c for c in totals.values())
    if n == 0 or expected == 0:
        return None
    return 1.0 - (n - 1) * (n - agree) / expected


def percent_agreement(rows: Sequence[Sequence[Hashable]]) -> float:
    """The share of units (columns) on which every coder (row) gave the same value (0 when
    there is no unit)."""
    if not rows or not rows[0]:
        return 0.0
    same = sum(1 for column in zip(*rows, strict=True) if len(set(column)) == 1)
    return same / len(rows[0])


@dataclass
class Unit:
    """One unit: an article, or a passage coders coded (``start``/``end``: the first coder's
    passage, ``-1`` for an article)."""

    article: str
    kind: str
    start: int = -1
    end: int = -1
    text: str = ""
    values: dict[str, set[str]] = field(default_factory=dict)  # coder -> categories applied
    coded: set[str] = field(default_factory=set)
    passages: dict[str, Any] = field(default_factory=dict)  # coder -> an Anchor they coded
    quote: str | None = None

    def value(self, coder: str) -> str:
        """The nominal value: the categories applied, joined ("(none)" when none)."""
        return " + ".join(sorted(self.values.get(coder) or ())) or NONE


@dataclass
class Agreement:
    unit: str
    coders: list[str]
    categories: list[dict[str, Any]]
    overall: dict[str, Any]
    left_out: int  # units not coded by every listed coder
    units: list[Unit]  # the units coded by all, in article and text order

    def to_json(self) -> dict[str, Any]:
        """The contract of ``reader agreement --format json``."""
        return {
            "unit": self.unit,
            "coders": list(self.coders),
            "categories": [dict(c) for c in self.categories],
            "overall": dict(self.overall),
        }

    def disagreements(self) -> list[Unit]:
        return [u for u in self.units if len({u.value(c) for c in self.coders}) > 1]


def category_keys(categories: Iterable[str]) -> dict[str, str]:
    """``{casefolded name: name}``, what :func:`applied` looks tags up in."""
    return {c.casefold(): c for c in categories}


def applied(tags: Iterable[str], keys: dict[str, str]) -> set[str]:
    """The categories (``keys``: :func:`category_keys`) ``tags`` apply: a tag applies its own
    category and its parents' (``frame/conflict/strike`` applies ``frame/conflict``)."""
    found = set()
    for tag in tags:
        parts = tag.casefold().split("/")
        for depth in range(1, len(parts) + 1):
            name = keys.get("/".join(parts[:depth]) if depth < len(parts) else tag.casefold())
            if name is not None:
                found.add(name)
    return found


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    longer = max(a[1] - a[0], b[1] - b[0])
    return longer > 0 and shared >= OVERLAP * longer


def article_units(
    article: str,
    kind: str,
    codes: Sequence[Any],
    done: Sequence[Any],
    notes: Sequence[Any],
    categories: Sequence[str],
    coders: Sequence[str],
) -> list[Unit]:
    """One article's units of ``kind`` from its codes (store.coding(article)); ``coders`` may
    include ``final``, whose codes are kept beside the others'."""
    wanted = set(coders) | {FINAL}
    keys = category_keys(categories)
    finished = {d.coder for d in done if d.coder in wanted}
    if kind == "article":
        unit = Unit(article, kind)
        for code in codes:
            if code.coder in wanted:
                applied_ = applied([code.tag], keys)
                if applied_:
                    unit.values.setdefault(code.coder, set()).update(applied_)
        unit.coded = set(unit.values) | finished
        return [unit] if unit.coded else []
    items = []
    for note in notes:
        if note.coder not in wanted or note.passage is None or note.orphan:
            continue
        if (note.quote is not None) != (kind == "quote"):
            continue
        found = applied(note.tags, keys)
        if found:
            items.append((note.passage.start, note.passage.end, note, found))
    items.sort(key=lambda item: (item[0], item[1]))
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if items[j][0] >= items[i][1]:
                break  # sorted by start: no later passage overlaps item i
            if _overlaps(items[i][:2], items[j][:2]):
                parent[root(j)] = root(i)
    groups: dict[int, list[Any]] = {}
    for i, item in enumerate(items):
        groups.setdefault(root(i), []).append(item)
    units = []
    for members in groups.values():
        first = members[0][2]
        unit = Unit(
            article,
            kind,
            first.passage.start,
            first.passage.end,
            first.passage.exact,
            quote=first.quote,
        )
        for _start, _end, note, found in members:
            unit.values.setdefault(note.coder, set()).update(found)
            unit.passages.setdefault(note.coder, note.passage)
        unit.coded = set(unit.values) | finished
        units.append(unit)
    return sorted(units, key=lambda u: (u.start, u.end))


def compute(
    units: Sequence[Unit],
    kind: str,
    coders: Sequence[str],
    categories: Sequence[str],
    exclusive: bool,
) -> Agreement:
    """Alpha and agreement per category and overall over the units every coder coded."""
    coders = list(coders)
    complete = [u for u in units if all(c in u.coded for c in coders)]
    rows_of = {c: [u.values.get(c) or set() for u in complete] for c in coders}
    per_category: list[dict[str, Any]] = []
    alphas: list[float] = []
    shares: list[float] = []
    for category in categories:
        binary = [[category in applied for applied in rows_of[c]] for c in coders]
        alpha, share = alpha_nominal(binary), percent_agreement(binary)
        per_category.append(
            {"tag": category, "alpha": alpha, "agreement": share, "units": len(complete)}
        )
        shares.append(share)
        if alpha is not None:
            alphas.append(alpha)
    overall: dict[str, Any]
    if exclusive:
        values = [[u.value(c) for u in complete] for c in coders]
        overall = {
            "alpha": alpha_nominal(values),
            "agreement": percent_agreement(values),
            "units": len(complete),
            "method": "nominal",
        }
    else:
        overall = {
            "alpha": sum(alphas) / len(alphas) if alphas else None,
            "agreement": sum(shares) / len(shares) if shares else 0.0,
            "units": len(complete),
            "method": "mean",
        }
    return Agreement(kind, coders, per_category, overall, len(units) - len(complete), complete)
