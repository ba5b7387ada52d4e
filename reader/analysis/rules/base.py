"""What a rule is: a name, its languages, and a pure ``match(ctx) -> Frame | None``.

A rule reads the sentence context (the words outside quotation marks, the text view, and a
read-only view of what the engine found so far) and returns the frame it finds, or None. It
never changes anything: the engine makes the quotes, sets the last speaker and rewrites spans.
Rules are tried in the order of their language's list (rules/__init__.py); the first match
wins.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from ..clauses import Frame

if TYPE_CHECKING:
    from ..cues import Cues
    from ..frames import FrameFinder
    from ..marks import MarkSpan
    from ..speakers import Speaker
    from ..tokens import Token
    from ..view import TextView


class History(Protocol):
    """A read-only view of what the engine found before the current sentence."""

    def recent(self, idx: int) -> Speaker | None:
        """The last speaker, if they spoke at most a few sentences before ``idx``."""
        ...

    def previous_subject(self, idx: int) -> Speaker | None:
        """The speaking subject of the sentence before ``idx``, if that one quoted nobody."""
        ...

    def quoted_after(self, pos: int) -> bool:
        """Does a quote found so far end after ``pos``?"""
        ...

    def last_index(self) -> int | None:
        """The sentence index where the last speaker spoke."""
        ...

    def last_quote_kind(self) -> str | None:
        """The kind of the last quote made (None before the first)."""
        ...

    def last_quote_end(self) -> int:
        """Where the last quote made ends (-1 before the first)."""
        ...


class SentenceContext:
    """One sentence [start, end) as a rule sees it; ``toks`` are the words outside marks.
    (Plain attributes, not properties: every rule reads them, for every sentence.)"""

    __slots__ = (
        "view",
        "history",
        "idx",
        "start",
        "end",
        "toks",
        "lows",
        "tops",
        "text",
        "lx",
        "tools",
        "comma",
        "_memo",
    )

    def __init__(
        self,
        view: TextView,
        history: History,
        idx: int,
        start: int,
        end: int,
        toks: list[Token],
        tops: list[MarkSpan],
        lows: set[str] | None = None,
    ) -> None:
        self.view, self.history, self.idx = view, history, idx
        self.start, self.end, self.toks, self.tops = start, end, toks, tops
        # the lower-case words outside marks: a rule whose cue words are all missing returns
        # None at once (``lx.X.isdisjoint(ctx.lows)``) instead of walking the words
        self.lows: set[str] = {t.low for t in toks} if lows is None else lows
        self.text: str = view.text
        self.lx: Cues = view.lx
        self.tools: FrameFinder = view.frames
        text = view.text  # (most frame rules need a comma or a colon)
        self.comma = text.find(",", start, end) >= 0 or text.find(":", start, end) >= 0
        self._memo: dict[str, Any] = {}

    def once(self, key: str, fn: Callable[[], Any]) -> Any:
        """A result computed once per sentence, shared by the rules that need it."""
        if key not in self._memo:
            self._memo[key] = fn()
        return self._memo[key]


class Rule(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def languages(self) -> frozenset[str]: ...

    def match(self, ctx: SentenceContext) -> Frame | None: ...


def named(frame: Frame | None, name: str) -> Frame | None:
    """Stamp the rule's name on a frame it found (a frame built by a sub-rule keeps its own)."""
    if frame is not None and frame.rule is None:
        frame.rule = name
    return frame


@dataclass(frozen=True)
class FnRule:
    """A rule written as a function of the context."""

    name: str
    languages: frozenset[str]
    fn: Callable[[SentenceContext], Frame | None]
    doc: str = ""

    def match(self, ctx: SentenceContext) -> Frame | None:
        found = self.fn(ctx)
        if found is not None and found.rule is None:
            found.rule = self.name  # (named(), inlined: every rule runs this)
        return found


def rule(
    name: str, *languages: str
) -> Callable[[Callable[[SentenceContext], Frame | None]], FnRule]:
    """Decorator: ``@rule("source_phrase", "de", "en")`` over ``def f(ctx) -> Frame | None``.
    The function's docstring's first line is the rule's explanation."""

    def wrap(fn: Callable[[SentenceContext], Frame | None]) -> FnRule:
        doc = (fn.__doc__ or "").strip().splitlines()
        return FnRule(name, frozenset(languages), fn, doc[0] if doc else "")

    return wrap


Step = tuple[Callable[["SentenceContext"], Frame | None], str | None]


def steps(rules: Sequence[Rule]) -> tuple[Step, ...]:
    """The rules as (function, name) pairs: a function rule is called directly, without its
    wrapper (this loop runs for every rule of every sentence)."""
    return tuple((r.fn, r.name) if isinstance(r, FnRule) else (r.match, None) for r in rules)


def first_match(todo: tuple[Step, ...], ctx: SentenceContext) -> Frame | None:
    """The frame of the first rule that matches, stamped with its name."""
    for fn, name in todo:
        found = fn(ctx)
        if found is not None:
            if name is not None and found.rule is None:
                found.rule = name
            return found
    return None


@dataclass(frozen=True)
class FirstOf:
    """An ordered list of rules as one rule: the first match wins; a ``veto`` on that match
    ends the list with no frame (the later rules are not tried)."""

    name: str
    languages: frozenset[str]
    rules: Sequence[Rule]
    veto: Callable[[SentenceContext, Frame], bool] | None = None
    when: Callable[[SentenceContext], bool] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "_steps", steps(self.rules))

    def match(self, ctx: SentenceContext) -> Frame | None:
        if self.when is not None and not self.when(ctx):
            return None
        found = first_match(self._steps, ctx)  # type: ignore[attr-defined]
        if found is not None and self.veto is not None and self.veto(ctx, found):
            return None
        return named(found, self.name)
