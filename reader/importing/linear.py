"""The small linear scorers the importer ships as JSON weights (scraped_model.json: the lines of
scraped text; date_model.json: the date ranker): a table of weights per kind, read once from
the package, and the bench's way to score with other weights (its leave-one-site-out models).
An unknown feature weighs nothing; a missing or broken file gives no weights, so the callers'
rules decide alone."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

Features = dict[str, float]


class Model:
    """Weights per kind of decision; an unknown feature weighs nothing."""

    def __init__(self, weights: dict[str, dict[str, float]]) -> None:
        self.weights = weights

    def score(self, kind: str, features: Features) -> float:
        table = self.weights.get(kind) or {}
        return sum(table.get(name, 0.0) * value for name, value in features.items())

    def has(self, kind: str) -> bool:
        return bool(self.weights.get(kind))


class Shipped:
    """A model file of the package, read on first use, or the weights set with ``using``."""

    def __init__(self, path: Path, kinds: tuple[str, ...]) -> None:
        self.path = path
        self.kinds = kinds
        self._loaded: Model | None = None
        self._override: list[Model] = []

    def model(self) -> Model:
        if self._override:
            return self._override[-1]
        if self._loaded is None:
            try:
                data = json.loads(self.path.read_text("utf-8"))
                weights = {k: v for k, v in data.items() if k in self.kinds and isinstance(v, dict)}
            except (OSError, ValueError, AttributeError):  # missing, broken, not an object
                weights = {}
            self._loaded = Model(weights)
        return self._loaded

    @contextmanager
    def using(self, replacement: Model) -> Iterator[None]:
        """Score with other weights while the block runs."""
        self._override.append(replacement)
        try:
            yield
        finally:
            self._override.pop()
