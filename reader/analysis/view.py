"""What every rule may read about one text: its words, marks, sentences, actors and the clause
tools. Built once per text by the engine; it holds no analysis state (no quotes, no last
speaker), so a rule that reads it has no side effects."""

from __future__ import annotations

import bisect
from itertools import compress

from .actors import ActorFinder
from .cues import Cues
from .frames import FrameFinder
from .marks import MarkSpan, find_mark_spans
from .models import Actor
from .sentences import split_sentences
from .speakers import SpeakerResolver
from .tokens import Token, cues
from .tokens import words as tokenize_words


class TextView:
    def __init__(self, text: str, lang: str):
        self.text, self.lang = text, lang
        self.lx: Cues = cues(lang)
        words = tokenize_words(text)
        self.tokens: list[Token] = words.tokens
        self.tok_starts = words.starts
        self.tok_lows = words.lows  # (the lower-case words, for sets of a sentence's words)
        self.marks = [m for m in find_mark_spans(text) if m.end - m.start > 2]
        self.mark_starts = [m.start for m in self.marks]
        top = [(m.start, m.end) for m in self.marks if m.level == 0 and m.closed]
        self.sentences = split_sentences(text, top)
        self.sentence_starts = [a for a, _ in self.sentences]
        finder = ActorFinder(text, self.tokens, self.lx, lang, words)
        finder.run()
        self.actors: list[Actor] = finder.actors()
        self.resolver = SpeakerResolver(text, self.lx, self.actors)
        # the resolver answers "is an actor mentioned here": a method of the view itself
        # would tie view and finder in a reference cycle, and every token of the text
        # would then wait for the garbage collector instead of going with the view
        self.frames = FrameFinder(text, self.lx, lang, self.resolver.has_mention)

    def toks(self, s: int, e: int) -> list[Token]:
        """The tokens that start in [s, e)."""
        i = bisect.bisect_left(self.tok_starts, s)
        j = bisect.bisect_left(self.tok_starts, e, lo=i)
        return self.tokens[i:j]

    def outside(self, s: int, e: int, tops: list[MarkSpan]) -> list[Token]:
        """The tokens of [s, e) that start outside every span in ``tops``."""
        i, j, keep = self._outside(s, e, tops)
        return self.tokens[i:j] if keep is None else list(compress(self.tokens[i:j], keep))

    def outside_lows(self, s: int, e: int, tops: list[MarkSpan]) -> tuple[list[Token], set[str]]:
        """``outside(s, e, tops)`` and the set of those tokens' lower-case words."""
        i, j, keep = self._outside(s, e, tops)
        if keep is None:
            return self.tokens[i:j], set(self.tok_lows[i:j])
        return list(compress(self.tokens[i:j], keep)), set(compress(self.tok_lows[i:j], keep))

    def _outside(self, s: int, e: int, tops: list[MarkSpan]) -> tuple[int, int, list[bool] | None]:
        """The tokens [i, j) that start in [s, e), and which of them start outside ``tops``
        (None: all of them)."""
        starts = self.tok_starts
        i = bisect.bisect_left(starts, s)
        j = bisect.bisect_left(starts, e, lo=i)
        if not tops:
            return i, j, None
        keep = [True] * (j - i)
        for m in tops:  # the tokens starting in [m.start, m.end), found by bisection
            a = bisect.bisect_left(starts, m.start, i, j)
            b = bisect.bisect_left(starts, m.end, a, j)
            keep[a - i : b - i] = [False] * (b - a)
        return i, j, keep
