"""Learned line scores for scraped text: which lines are the story, which is the headline (the
date: dates.py), and which candidate span of lines the story is.

Small linear models over general line features (position, length, case, ending punctuation,
repetition on the page, distance to the densest run of story lines, overlap with the body, a date
nearby, the hand rules' verdicts) and over single interface words, learned rather than listed;
the last one chooses among candidate selections of lines (runs of likely lines, their unions
and hulls, the default cut short at a break, extended over lists and text the line scores
doubted) by features of the whole selection. ``bench/train_import.py`` fits them on real pages
and writes ``scraped_model.json`` beside this file: feature names and weights only, no page
text. Pure Python at run time: a line's score is the sum of the weights of its active features;
the file is read once, on first use.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from .linear import Features, Model, Shipped
from .meta import DATE_IN_TEXT
from .scraped_lines import DATE_TIME_LINE, Line, is_ui, words_of

MODEL_FILE = Path(__file__).with_name("scraped_model.json")
T = TypeVar("T")
KINDS = ("body", "context", "title", "span")

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_SEPARATORS = (" · ", " | ", " › ", " > ", " / ", " • ", " » ")
_CRUMB = re.compile(r"\s[|›>»/]\s|[|›>»]")  # 'Start > Politik > Headline', 'A|B|C'
_MAX_VOCAB_WORDS = 12  # word features only on short lines: interface text, headlines, labels


_SHIPPED = Shipped(MODEL_FILE, KINDS)


def model() -> Model:
    """The model in use: the shipped one (read once), or one the bench set with ``using``."""
    return _SHIPPED.model()


def using(replacement: Model) -> AbstractContextManager[None]:
    """Import with other weights (the bench's leave-one-site-out models)."""
    return _SHIPPED.using(replacement)


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


# ---- shared line measures -------------------------------------------------------------------


def norm(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def vocab_words(text: str) -> list[str]:
    """The words of a short line, casefolded, as word features (a long line has none)."""
    found = _WORD.findall(text.casefold())
    return found if len(found) <= _MAX_VOCAB_WORDS else []


def _bucket(value: int, edges: tuple[int, ...]) -> int:
    for index, edge in enumerate(edges):
        if value <= edge:
            return index
    return len(edges)


def _ending(text: str) -> str:
    last = text[-1]
    if last in ".":
        return "." if not text.endswith("...") else "…"
    if last in "!?":
        return "!?"
    if last in ":":
        return ":"
    if last in ",;":
        return ","
    if last in "\"“”»«'’)":
        return "q"
    if last in "…":
        return "…"
    if last.isdigit():
        return "9"
    return "a"


def _case(words: list[str]) -> tuple[float, float]:
    """(share of capitalised words, share of all-capital words) among the alphabetic words."""
    alpha = [w for w in words if w[:1].isalpha()]
    if not alpha:
        return 0.0, 0.0
    capital = sum(w[0].isupper() for w in alpha) / len(alpha)
    shouting = sum(w.isupper() and len(w) > 1 for w in alpha) / len(alpha)
    return capital, shouting


def _story_run(lines: list[Line], scores: list[float]) -> tuple[int, int]:
    """The run of lines with the highest sum of scores (the densest run of story text)."""
    best, best_start, best_end = 0.0, 0, 0
    running, start = 0.0, 0
    for index, score in enumerate(scores):
        if running <= 0:
            running, start = 0.0, index
        running += score
        if running > best:
            best, best_start, best_end = running, start, index + 1
    return best_start, best_end


def rule_score(line: Line) -> float:
    """The hand rules' verdict as a segment score: story length, or a penalty."""
    if line.body:
        return float(len(line.text))
    if line.code:
        return 0.3 * len(line.text)
    return -line.penalty


def _distance(index: int, start: int, end: int) -> int:
    if index < start:
        return index - start
    if index >= end:
        return index - end + 1
    return 0


def _signed_log(value: int) -> float:
    return math.copysign(math.log1p(abs(value)), value)


# ---- the story lines ------------------------------------------------------------------------


def body_features(lines: list[Line]) -> list[Features]:
    """One feature dict a line: is it part of the story?"""
    count = len(lines)
    start, end = _story_run(lines, [rule_score(ln) for ln in lines])
    norms = [norm(ln.text) for ln in lines]
    seen: Counter[str] = Counter()
    repeats = Counter(n for n in norms if n)
    word_counts = [len(words_of(ln.text)) for ln in lines]
    long_lines = [1.0 if ln.body else 0.0 for ln in lines]
    out: list[Features] = []
    for index, line in enumerate(lines):
        text = line.text
        words = words_of(text)
        n_words = word_counts[index]
        f: Features = {"bias": 1.0}
        f[f"len:{_bucket(n_words, (1, 2, 3, 5, 8, 12, 20, 35, 60))}"] = 1.0
        f["loglen"] = math.log1p(n_words)
        f[f"end:{_ending(text)}"] = 1.0
        capital, shouting = _case(words)
        f["capital"] = capital
        f["shouting"] = shouting
        if text[:1].islower():
            f["lowerstart"] = 1.0
        digits = sum(c.isdigit() for c in text)
        f["digits"] = min(1.0, digits / max(1, len(text)) * 4)
        if any(sep in text for sep in _SEPARATORS):
            f["separator"] = 1.0
        for flag in ("noise", "body", "dated", "code"):
            if getattr(line, flag):
                f["rule:" + flag] = 1.0
        if line.caption_source:
            f["rule:caption"] = 1.0
        if not line.body:
            f[f"pen:{_bucket(int(line.penalty), (10, 15, 35, 60, 80, 250, 400))}"] = 1.0
        if DATE_TIME_LINE.search(text):
            f["clock"] = 1.0
        distance = _distance(index, start, end)
        f["inrun"] = 1.0 if distance == 0 else 0.0
        f["before"] = math.log1p(-distance) if distance < 0 else 0.0
        f["after"] = math.log1p(distance) if distance > 0 else 0.0
        f["pos"] = index / max(1, count - 1)
        around = long_lines[max(0, index - 3) : index + 4]
        f["dense3"] = sum(around) / len(around)
        wide = long_lines[max(0, index - 10) : index + 11]
        f["dense10"] = sum(wide) / len(wide)
        if index and lines[index - 1].body:
            f["prevbody"] = 1.0
        if index + 1 < count and lines[index + 1].body:
            f["nextbody"] = 1.0
        key = norms[index]
        if key and repeats[key] > 1:
            f["repeated"] = 1.0
            if seen[key]:
                f["again"] = 1.0  # the second copy of a line
        seen[key] += 1
        if _GLUED_SEAM.search(text):
            f["glued"] = 1.0
        if _COUNT_END.search(text):
            f["countend"] = 1.0
        if _URLISH.search(text):
            f["url"] = 1.0
        if _BULLET.match(text):
            f["bullet"] = 1.0
        if n_words >= 4:
            sentences = len(_SENTENCE_SPLIT.findall(text)) + 1
            f[f"sentences:{_bucket(sentences, (1, 2, 4))}"] = 1.0
            f["wordlen"] = min(12.0, sum(len(w) for w in words) / len(words)) / 6.0
        for word in set(vocab_words(text)):
            f["w:" + word] = 1.0
        out.append(f)
    return out


_GLUED_SEAM = re.compile(r"[a-zäöüß]{3}[.!?]?[A-ZÄÖÜ][a-zäöüß]{2}")
_COUNT_END = re.compile(r"\(\s*\d+(?:\s+\w+)?\s*\)\s*$")
_URLISH = re.compile(r"https?://|www\.\w|\.(?:com|org|net|de)/", re.I)
_BULLET = re.compile(r"^\s*(?:[-+*•·–—►▶]\s|\d{1,2}[.)]\s)")
_SENTENCE_SPLIT = re.compile(r"[.!?][\"'”“»]?\s+(?=[A-ZÄÖÜ\"„“])")


_BORDER = 250.0  # a rule penalty this high marks a hard border (a timestamp, the comments label)


SIDE_SHARE = 0.15  # another run of story lines counts when it weighs this share of the main one


KEEP, KEEP_SENTENCE = 0.5, 0.3  # how likely a line must be to stay; a whole sentence, less


def threshold(line: Line) -> float:
    """A line that reads as a sentence ('Das Gesetz tritt im Juli in Kraft.') stays on less
    evidence than a fragment: short closing sentences are story more often than not."""
    text = line.text
    sentence = (
        not line.noise and len(words_of(text)) >= 4 and text[:1].isupper() and text[-1] in '.!?"“”»'
    )
    return KEEP_SENTENCE if sentence else KEEP


def _span_scores(lines: list[Line], probabilities: list[float]) -> list[float]:
    """Likely story lines count their length, others cost; the hard borders of the hand rules,
    such as a comment section's label, cost what they say."""
    scores = []
    for line, p in zip(lines, probabilities, strict=True):
        if line.noise and line.penalty <= 15.0:
            scores.append(0.0)  # recognised furniture (a caption, a teaser link) splits no story
            continue
        keep = threshold(line)
        score = (p - keep) * 2.0 * max(len(line.text), 40.0)
        if not line.body and line.penalty >= _BORDER and p < keep:
            score -= line.penalty
        scores.append(score)
    return scores


def story_span(lines: list[Line], probabilities: list[float]) -> tuple[int, int]:
    """The densest run of likely story lines: where the story is."""
    return _story_run(lines, _span_scores(lines, probabilities))


def story_spans(lines: list[Line], probabilities: list[float]) -> list[tuple[int, int]]:
    """The main run and the runs beside it that weigh at least SIDE_SHARE of it (a story cut
    in two by a gallery or a table), in page order."""
    found = _segments(lines, probabilities)
    if not found:
        return []
    top = found[0][0]
    return sorted((a, b) for weight, a, b in found if weight >= SIDE_SHARE * top)


def _segments(lines: list[Line], probabilities: list[float]) -> list[tuple[float, int, int]]:
    """Every run of likely story lines the densest-run search finds, one inside each gap the
    runs before it left: (weight, start, end), by weight."""
    scores = _span_scores(lines, probabilities)
    found: list[tuple[float, int, int]] = []
    pending = [(0, len(scores))]
    while pending:
        lo, hi = pending.pop()
        best, start, end, running, begin = 0.0, lo, lo, 0.0, lo
        for index in range(lo, hi):
            if running <= 0:
                running, begin = 0.0, index
            running += scores[index]
            if running > best:
                best, start, end = running, begin, index + 1
        if best > 0:
            found.append((best, start, end))
            pending += [(lo, start), (end, hi)]
    return sorted(found, reverse=True)


# ---- which runs are the story: a choice among candidate selections ---------------------------

LOOSE = 0.15  # a loose range also keeps its lines this likely, and its long lines (lists, stats)
MAX_SEGMENTS = 10  # candidates join runs among the heaviest this many
MAX_JOINED = 6  # at most this many runs in one candidate
MAX_CUTS = 12  # the story ended early: cuts at this many breaks of the default's lines
SPAN_MARGIN = 0.5  # another selection replaces the default only when it scores this much more
ISLANDS, ISLAND_GAP = 4, 25  # the story goes on: up to this many islands of long lines beyond


@dataclass(frozen=True)
class Selection:
    """Lines of the story: the likely lines of some ranges, and, in loose ranges, also the less
    likely ones that read as text and that no rule marks as furniture (lists, stats, a
    paragraph the context judged far from the story)."""

    ranges: tuple[tuple[int, int], ...]
    loose: tuple[tuple[int, int], ...] = ()


def _loose_keep(line: Line, p: float) -> bool:
    return not certain_furniture(line) and (line.body or p >= LOOSE)


def kept_lines(
    lines: list[Line], probabilities: list[float], selection: Selection, title: int | None
) -> list[int]:
    """The lines a selection keeps, in page order (never the headline)."""
    out: set[int] = set()
    for a, b in selection.ranges:
        out.update(i for i in range(a, b) if i != title and probabilities[i] >= threshold(lines[i]))
    for a, b in selection.loose:
        out.update(
            i
            for i in range(a, b)
            if i != title
            and (probabilities[i] >= threshold(lines[i]) or _loose_keep(lines[i], probabilities[i]))
        )
    return sorted(out)


def _clip(ranges: tuple[tuple[int, int], ...], lo: int, hi: int) -> tuple[tuple[int, int], ...]:
    return tuple((max(a, lo), min(b, hi)) for a, b in ranges if min(b, hi) > max(a, lo))


def _breaks(lines: list[Line], kept: list[int]) -> list[int]:
    """Where a story could end early inside the default's lines: before a hard border, a dated
    line or a gap of unlikely lines (the first lines of a comment thread or a rail)."""
    out = []
    for previous, following in itertools.pairwise(kept):
        between = range(previous + 1, following)
        hard = any(
            (not lines[i].body and lines[i].penalty >= _BORDER) or lines[i].dated for i in between
        )
        if hard or len(between) >= 2 or lines[following].dated:
            out.append(following)
    return out


def _islands(lines: list[Line], probabilities: list[float], start: int, step: int) -> list[int]:
    """Where the story could go on beyond ``start`` (step 1: down, -1: up): the far ends of the
    next islands of text lines, until a comment section's label or a long gap."""
    ends: list[int] = []
    last = start
    index = start + step
    while 0 <= index < len(lines) and len(ends) < ISLANDS:
        line = lines[index]
        if line.penalty == 400.0 or abs(index - last) > ISLAND_GAP:
            break
        if _loose_keep(line, probabilities[index]) and (line.body or probabilities[index] >= 0.5):
            if abs(index - last) > 2 and last != start:
                ends.append(last)
            last = index
        index += step
    if last != start and len(ends) < ISLANDS:
        ends.append(last)
    return ends


def span_candidates(
    lines: list[Line], probabilities: list[float], title: int | None
) -> list[tuple[Selection, Features]]:
    """The selections the story could be (the default: story_spans), each with its features;
    the first one is the default."""
    found = _segments(lines, probabilities)
    if not found:
        return []
    top = found[0][0]
    default = Selection(
        tuple(sorted((a, b) for weight, a, b in found if weight >= SIDE_SHARE * top))
    )
    heavy = sorted(found[:MAX_SEGMENTS], key=lambda seg: seg[1])
    selections: dict[Selection, None] = {default: None}
    for i in range(len(heavy)):
        for j in range(i, min(len(heavy), i + MAX_JOINED)):
            part = heavy[i : j + 1]
            union = tuple((a, b) for _, a, b in part)
            hull = ((part[0][1], part[-1][2]),)
            for choice in (Selection(union), Selection(hull), Selection((), hull)):
                selections.setdefault(choice, None)
    kept = kept_lines(lines, probabilities, default, title)
    if kept:
        first, last = kept[0], kept[-1] + 1
        cuts = _breaks(lines, kept)
        for cut in cuts[:MAX_CUTS]:
            selections.setdefault(Selection(_clip(default.ranges, first, cut)), None)
        for cut in cuts[-MAX_CUTS:]:
            selections.setdefault(Selection(_clip(default.ranges, cut, last)), None)
        downs = _islands(lines, probabilities, last - 1, 1)
        ups = _islands(lines, probabilities, first, -1)
        for down in [None, *downs]:
            for up in [None, *ups]:
                if down is None and up is None:
                    continue
                lo = up if up is not None else first
                hi = down + 1 if down is not None else last
                extra = []
                if lo < first:
                    extra.append((lo, first))
                if hi > last:
                    extra.append((last, hi))
                selections.setdefault(Selection(default.ranges, tuple(extra)), None)
                selections.setdefault(Selection((), ((lo, hi),)), None)
    weight_of = {(a, b): w for w, a, b in found}
    context = _SpanContext(lines, probabilities, title, top, weight_of)
    base = context.measure(default)
    out = []
    for selection in selections:
        f = context.features(selection, base)
        if selection == default:
            f["default"] = 1.0
        out.append((selection, f))
    return out


@dataclass
class _Kept:
    kept: list[int]
    members: set[int]
    chars: int


class _SpanContext:
    """What the span features compare with: the page's lines, their weights, the headline (each
    line's measures computed once: a page has tens of candidates)."""

    def __init__(
        self,
        lines: list[Line],
        probabilities: list[float],
        title: int | None,
        top: float,
        weight_of: dict[tuple[int, int], float],
    ) -> None:
        self.lines, self.probabilities, self.title = lines, probabilities, title
        self.top, self.weight_of = top, weight_of
        self.count = len(lines)
        self.chars = [len(ln.text) for ln in lines]
        self.mass = sum(p * c for p, c in zip(probabilities, self.chars, strict=True)) or 1.0
        self.title_words = set(_content_words(lines[title].text)) if title is not None else set()
        norms = [norm(ln.text) for ln in lines]
        repeats = Counter(n for n in norms if n)
        self.repeated = [bool(n) and repeats[n] > 1 for n in norms]
        self.shapes = [_line_shape(ln.text) for ln in lines]
        self.strict = [
            i != title and p >= threshold(ln)
            for i, (ln, p) in enumerate(zip(lines, probabilities, strict=True))
        ]
        self.loose = [
            ok or (i != title and _loose_keep(ln, p))
            for i, (ok, ln, p) in enumerate(zip(self.strict, lines, probabilities, strict=True))
        ]
        self.short = [len(words_of(ln.text)) <= 5 for ln in lines]
        self.words = [set(_content_words(ln.text)) for ln in lines]
        self.sentence = [ln.text[-1] in '.!?"“”»' for ln in lines]
        self.prefix_chars = list(itertools.accumulate(self.chars, initial=0))
        self.prefix_borders = list(
            itertools.accumulate((not ln.body and ln.penalty >= _BORDER for ln in lines), initial=0)
        )
        self.prefix_labels = list(
            itertools.accumulate((ln.penalty == 400.0 for ln in lines), initial=0)
        )

    def kept(self, selection: Selection) -> list[int]:
        """kept_lines, from the measures computed once."""
        out: set[int] = set()
        for a, b in selection.ranges:
            out.update(i for i in range(a, b) if self.strict[i])
        for a, b in selection.loose:
            out.update(i for i in range(a, b) if self.loose[i])
        return sorted(out)

    def words_of_lines(self, indices: list[int]) -> set[str]:
        return self.title_words.union(*(self.words[i] for i in indices))

    def topic(self, indices: list[int], core: set[str]) -> float:
        """The share of these lines' words that the story's other lines (or headline) use."""
        total = sum(len(self.words[i]) for i in indices)
        return sum(len(self.words[i] & core) for i in indices) / total if total else 0.0

    def shape_repeats(self, indices: list[int]) -> float:
        """The share of these lines whose shape (words, digits, ending) recurs among them:
        the headers of a comment thread, the items of a teaser rail."""
        shapes = Counter(self.shapes[i] for i in indices)
        return sum(1 for i in indices if shapes[self.shapes[i]] > 1) / len(indices)

    def _labels(self, lo: int, hi: int) -> int:
        return self.prefix_labels[hi] - self.prefix_labels[lo]

    def measure(self, selection: Selection) -> _Kept:
        kept = self.kept(selection)
        return _Kept(kept, set(kept), sum(self.chars[i] for i in kept))

    def features(self, selection: Selection, base: _Kept) -> Features:
        lines, probabilities, chars = self.lines, self.probabilities, self.chars
        mine = self.measure(selection)
        kept, total = mine.kept, mine.chars
        f: Features = {"bias": 1.0}
        if not kept:
            f["empty"] = 1.0
            return f
        f["logchars"] = math.log1p(total)
        f["logratio"] = max(-4.0, min(4.0, math.log((total + 50) / (base.chars + 50))))
        f["massshare"] = sum(probabilities[i] * chars[i] for i in kept) / self.mass
        f["meanp"] = sum(probabilities[i] * chars[i] for i in kept) / max(1, total)
        f["minp"] = min(probabilities[i] for i in kept)
        f["bodyshare"] = sum(chars[i] for i in kept if lines[i].body) / max(1, total)
        f["sentences"] = sum(1 for i in kept if self.sentence[i]) / len(kept)
        f["short"] = sum(1 for i in kept if self.short[i]) / len(kept)
        f["dated"] = sum(1 for i in kept if lines[i].dated) / len(kept)
        f["repeated"] = sum(1 for i in kept if self.repeated[i]) / len(kept)
        spans = sorted(selection.ranges + selection.loose)
        first, last = spans[0][0], max(b for _, b in spans)
        f["start"] = first / max(1, self.count)
        f["end"] = last / max(1, self.count)
        f[f"runs:{min(len(selection.ranges), 4)}"] = 1.0
        if selection.loose:
            f["loose"] = 1.0
            strict = set(self.kept(Selection(tuple(spans))))
            extra = [i for i in kept if i not in strict]
            f["looseshare"] = sum(chars[i] for i in extra) / max(1, total)
            if extra:
                f["loosebody"] = sum(1 for i in extra if lines[i].body) / len(extra)
                f["loosedated"] = sum(1 for i in extra if lines[i].dated) / len(extra)
                f["loosep"] = sum(probabilities[i] for i in extra) / len(extra)
        inside = mine.members
        # (every kept line lies in the hull [first, last))
        dropped = self.prefix_chars[last] - self.prefix_chars[first] - total
        f["dropped"] = dropped / max(1, dropped + total)
        f["borders"] = min(3, self.prefix_borders[last] - self.prefix_borders[first]) / 3
        if self._labels(first, last):
            f["commentlabel"] = 1.0
        weights = [self.weight_of.get(r, 0.0) for r in selection.ranges]
        f["weightshare"] = min(2.0, sum(weights) / self.top)
        if any(w >= self.top for w in weights):
            f["hastop"] = 1.0
        # against the default: what this selection adds after, adds before, leaves out
        base_set, base_kept = base.members, base.kept
        base_chars = max(1, base.chars)
        if base_kept:
            b_first, b_last = base_kept[0], base_kept[-1]
            after = sum(chars[i] for i in kept if i > b_last)
            before = sum(chars[i] for i in kept if i < b_first)
            between = sum(chars[i] for i in kept if b_first < i < b_last and i not in base_set)
            lost = sum(chars[i] for i in base_kept if i not in inside)
            f["addafter"] = min(3.0, after / base_chars)
            f["addbefore"] = min(3.0, before / base_chars)
            f["addbetween"] = min(3.0, between / base_chars)
            f["lost"] = lost / base_chars
            if not inside & base_set:
                f["disjoint"] = 1.0
            added = [i for i in kept if i not in base_set]
            removed = [i for i in base_kept if i not in inside]
            core = self.words_of_lines([i for i in kept if i in base_set])
            if removed:
                f["lostdated"] = sum(1 for i in removed if lines[i].dated) / len(removed)
                f["lostshort"] = sum(1 for i in removed if self.short[i]) / len(removed)
                f["lostp"] = sum(probabilities[i] for i in removed) / len(removed)
                f["lostshapes"] = self.shape_repeats(removed)
                f["losttopic"] = self.topic(removed, core)
                # a comment section's label among the default's lines that this one leaves
                gone = self._labels(
                    min(removed[0], kept[0]), max(removed[-1], kept[-1]) + 1
                ) - self._labels(kept[0], kept[-1] + 1)
                if gone:
                    f["lostlabel"] = 1.0
            if added:
                f["addtopic"] = self.topic(added, core)
                f["addshapes"] = self.shape_repeats(added)
                f["adddated"] = sum(1 for i in added if lines[i].dated) / len(added)
                f["addbody"] = sum(1 for i in added if lines[i].body) / len(added)
                f["addp"] = sum(probabilities[i] for i in added) / len(added)
                f["addshort"] = sum(1 for i in added if self.short[i]) / len(added)
        if self.title is not None:
            distance = kept[0] - self.title
            f["titledist"] = _signed_log(distance)
            if distance < 0:
                f["titleinside"] = 1.0
            words: set[str] = set()
            for i in kept[:4]:
                words.update(self.words[i])
            if self.title_words:
                f["titlelead"] = len(self.title_words & words) / len(self.title_words)
        _crossed_span(f)
        return f


_DIGITS = re.compile(r"\d+")


def _line_shape(text: str) -> str:
    """A line's outline: its words' count, digits as 0, its ending ('Rating: 0 Votes')."""
    masked = _DIGITS.sub("0", text)
    return f"{len(words_of(text))}|{masked if len(masked) <= 24 else ''}|{_ending(text)}"


_SPAN_CROSS = ("logratio", "addafter", "addbefore", "lost", "meanp", "bodyshare", "sentences")


def _crossed_span(f: Features) -> None:
    present = [(name, f[name]) for name in _SPAN_CROSS if f.get(name)]
    for i, (a, x) in enumerate(present):
        for b, y in present[i + 1 :]:
            f[f"{a}*{b}"] = x * y


def story_selection(
    lines: list[Line], probabilities: list[float], title: int | None, scorer: Model | None = None
) -> Selection:
    """The story's lines: the span model's choice among the candidates (without that model,
    story_spans)."""
    current = scorer or model()
    candidates = span_candidates(lines, probabilities, title)
    if not candidates:
        return Selection(())
    if not current.has("span"):
        return candidates[0][0]
    scores = [current.score("span", f) for _, f in candidates]
    scores[0] += SPAN_MARGIN
    return candidates[max(range(len(scores)), key=scores.__getitem__)][0]


def _runs(lines: list[Line], probabilities: list[float]) -> list[tuple[int, int, int]]:
    """Runs of likely story lines (short unlikely lines may interrupt them): (start, end, chars)."""
    runs: list[tuple[int, int, int]] = []
    start, chars, gap, end = None, 0, 0, 0
    for index, (line, p) in enumerate(zip(lines, probabilities, strict=True)):
        if p >= 0.5:
            if start is None:
                start, chars = index, 0
            chars += len(line.text)
            gap = 0
            end = index + 1
        elif start is not None:
            gap += 1
            if gap > 2 or len(words_of(line.text)) > 5 or line.penalty >= _BORDER:
                runs.append((start, end, chars))
                start, gap = None, 0
    if start is not None:
        runs.append((start, end, chars))
    return runs


def _content_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.casefold()) if len(w) >= 4]


def context_features(lines: list[Line], probabilities: list[float]) -> list[Features]:
    """Second look at each line, knowing the first look at all lines: is it in the main story
    block, how far from it, across how many hard borders, on the story's topic?"""
    count = len(lines)
    span_start, span_end = story_span(lines, probabilities)
    runs = _runs(lines, probabilities)
    largest = max((r[2] for r in runs), default=0) or 1
    run_of: dict[int, tuple[int, int, int]] = {}
    for run in runs:
        for index in range(run[0], run[1]):
            run_of[index] = run
    borders = [0] * (count + 1)  # hard borders before each line
    for index, line in enumerate(lines):
        hard = not line.body and line.penalty >= _BORDER
        borders[index + 1] = borders[index] + (1 if hard else 0)
    core: Counter[str] = Counter()
    own_words = [_content_words(ln.text) for ln in lines]
    for index in range(span_start, span_end):
        if probabilities[index] >= 0.5:
            core.update(set(own_words[index]))
    chars = [len(ln.text) for ln in lines]
    weighted = [p * c for p, c in zip(probabilities, chars, strict=True)]
    stamps = [0] * (count + 1)  # dated lines (comment headers, teaser dates) before each line
    labels = [0] * (count + 1)  # comment-section labels before each line
    for index, line in enumerate(lines):
        stamps[index + 1] = stamps[index] + (1 if line.dated else 0)
        labels[index + 1] = labels[index] + (1 if line.penalty == 400.0 else 0)
    out: list[Features] = []
    for index, line in enumerate(lines):
        p = probabilities[index]
        f: Features = {"bias": 1.0, "p": p}
        f["logit"] = max(-6.0, min(6.0, math.log(max(p, 1e-6) / max(1 - p, 1e-6))))
        for radius in (1, 3, 10):
            lo, hi = max(0, index - radius), min(count, index + radius + 1)
            total = sum(chars[lo:hi]) - chars[index]
            mass = sum(weighted[lo:hi]) - weighted[index]
            f[f"around{radius}"] = mass / total if total else 0.0
        distance = _distance(index, span_start, span_end)
        f["inspan"] = 1.0 if distance == 0 else 0.0
        f["spanbefore"] = math.log1p(-distance) if distance < 0 else 0.0
        f["spanafter"] = math.log1p(distance) if distance > 0 else 0.0
        if distance:
            lo, hi = (index, span_start) if distance < 0 else (span_end, index)
            f[f"borders:{min(borders[hi] - borders[lo], 2)}"] = 1.0
        elif span_end > span_start:
            f["spanpos"] = (index - span_start) / max(1, span_end - span_start - 1)
        in_run = run_of.get(index)
        if in_run is not None:
            f["runlog"] = math.log1p(in_run[2])
            f["runshare"] = in_run[2] / largest
            if in_run[2] == largest:
                f["largest"] = 1.0
        words = set(own_words[index])
        if len(words) >= 4:
            inside = span_start <= index < span_end and p >= 0.5
            shared = sum(1 for w in words if core[w] - (1 if inside else 0) > 0)
            f["topic"] = shared / len(words)
        else:
            f["topic_na"] = 1.0
        f["loglen"] = math.log1p(len(words_of(line.text)))
        if line.body:
            f["rule:body"] = 1.0
        if line.noise:
            f["rule:noise"] = 1.0
        lo, hi = max(0, index - 5), min(count, index + 6)
        f["stamps5"] = min(3, stamps[hi] - stamps[lo] - (1 if line.dated else 0)) / 3
        if labels[index]:
            f["commentsabove"] = 1.0
            if span_start <= index:
                f["commentsabove*after"] = 1.0
        _crossed(f)
        out.append(f)
    return out


_CROSS = (
    "logit",
    "around1",
    "around3",
    "around10",
    "inspan",
    "spanbefore",
    "spanafter",
    "runshare",
    "topic",
    "loglen",
    "largest",
)


def _crossed(f: Features) -> None:
    """Pairwise products of the dense context features: a linear model's interactions."""
    present = [(name, f[name]) for name in _CROSS if f.get(name)]
    for i, (a, x) in enumerate(present):
        for b, y in present[i + 1 :]:
            f[f"{a}*{b}"] = x * y


def certain_furniture(line: Line) -> bool:
    """What a hand rule knows for certain, and the learned scorers barely see in training: a
    caption of the form '... - SOURCE, 1920, 12.01.2022', the teaser headline after one, and a
    label made of interface words only ('Advertisement', 'Anzeige', 'Teilen')."""
    if line.caption_source is not None or (line.noise and line.penalty == 10.0):
        return True
    text = line.text
    return (
        line.noise
        and len(words_of(text)) <= 3
        and any(c.isalpha() for c in text)  # not a list number or a score
        and is_ui(text)
    )


def _teaser_mark(line: Line) -> bool:
    """Certain furniture for the story's text, by a rule that marks the line after a caption or
    in a list of links: a headline sometimes stands there, so it stays a title candidate."""
    return line.caption_source is None and line.noise and line.penalty == 10.0


def context_rows(lines: list[Line], first: list[float]) -> list[Features | None]:
    """The second look, over the lines without certain furniture (None for those): a caption
    between two story paragraphs does not set them apart."""
    visible = [i for i, line in enumerate(lines) if not certain_furniture(line)]
    found = context_features([lines[i] for i in visible], [first[i] for i in visible])
    rows: list[Features | None] = [None] * len(lines)
    for index, features in zip(visible, found, strict=True):
        rows[index] = features
    return rows


def story_probabilities(lines: list[Line], scorer: Model | None = None) -> list[float]:
    """How likely each line is story text: the line's own look, then its context (certain
    furniture: 0)."""
    current = scorer or model()
    first = [sigmoid(current.score("body", f)) for f in body_features(lines)]
    if not current.has("context"):
        return [0.0 if certain_furniture(ln) else p for ln, p in zip(lines, first, strict=True)]
    return [
        sigmoid(current.score("context", f)) if f is not None else 0.0
        for f in context_rows(lines, first)
    ]


# ---- the headline ---------------------------------------------------------------------------

_BYLINE = re.compile(r"^(?:by|von|posted|geschrieben|written|interview|text|autor|author)\b", re.I)


TITLE_BEFORE, TITLE_AFTER = 40, 5  # where a headline is looked for, around the story's start


def title_candidates(
    lines: list[Line], probabilities: list[float], span: tuple[int, int]
) -> list[tuple[int, Features]]:
    """Lines that could be the headline (near the story's start), each with its features."""
    start, end = span
    count = len(lines)
    body_words: Counter[str] = Counter()
    for line, p in zip(lines[start:end], probabilities[start:end], strict=True):
        if p >= 0.5:
            body_words.update(w for w in _WORD.findall(line.text.casefold()) if len(w) >= 4)
    lead: dict[int, set[str]] = {}  # the words of the story's first lines: a headline's words
    for index in range(start, end):
        if probabilities[index] >= 0.5 and lines[index].body:
            lead[index] = set(_content_words(lines[index].text))
            if sum(len(words) for words in lead.values()) >= 40:
                break
    norms = [norm(ln.text) for ln in lines]
    repeats = Counter(n for n in norms if n)
    where: dict[str, list[int]] = {}
    for i, key in enumerate(norms):
        where.setdefault(key, []).append(i)
    padded_norms = [f" {key} " for key in norms]
    joined = "\n".join(padded_norms)  # one string: a line's holders are found by str.find
    offsets = list(itertools.accumulate((len(k) + 1 for k in padded_norms[:-1]), initial=0))
    word_counts = [len(words_of(ln.text)) for ln in lines]
    lead_count: Counter[str] = Counter()
    for found_words in lead.values():
        lead_count.update(found_words)
    lead_lines = sum(1 for found_words in lead.values() if found_words)
    dated = [i for i, ln in enumerate(lines) if ln.dated or DATE_IN_TEXT.search(ln.text)]
    out: list[tuple[int, Features]] = []
    candidates = [
        i
        for i, ln in enumerate(lines[: start + TITLE_AFTER + 1])
        if i >= start - TITLE_BEFORE
        and (not certain_furniture(ln) or _teaser_mark(ln))
        and 1 <= word_counts[i] <= 40
        and any(c.isalpha() for c in ln.text)
    ]
    lengths = {i: word_counts[i] for i in candidates}
    window = [i for i in candidates if start - 12 <= i <= start]
    shapes = [_shape(ln) for ln in lines]
    rule_pick = _rule_title(lines)
    heads = [i for i in range(max(0, start - 15), start + 1) if shapes[i] == "head"]
    for index in candidates:
        line = lines[index]
        text = line.text
        words = words_of(text)
        n_words = lengths[index]
        f: Features = {"bias": 1.0}
        f[f"len:{_bucket(n_words, (1, 2, 3, 4, 6, 9, 13, 18, 25))}"] = 1.0
        f[f"end:{_ending(text)}"] = 1.0
        capital, shouting = _case(words)
        f["capital"] = capital
        f["shouting"] = shouting
        if not (text[0].isupper() or text[0].isdigit() or text[0] in "„“\"'‚«»"):
            f["oddstart"] = 1.0
        if any(sep in text for sep in _SEPARATORS):
            f["separator"] = 1.0
        if _BYLINE.match(text):
            f["byline"] = 1.0
        for flag in ("noise", "body", "dated", "code"):
            if getattr(line, flag):
                f["rule:" + flag] = 1.0
        p = probabilities[index]
        f["pbody"] = p
        distance = index - start
        f[f"dist:{_bucket(distance + 40, (25, 33, 36, 37, 38, 39, 40, 41, 42, 44, 50))}"] = 1.0
        f["logdist"] = _signed_log(distance)
        f["pos"] = index / max(1, count - 1)
        f["first"] = 1.0 if index == candidates[0] else 0.0
        key = norms[index]
        f["repeated"] = min(3, repeats[key] - 1) if key else 0.0
        own = [w for w in _WORD.findall(text.casefold()) if len(w) >= 4]
        if own:
            f["overlap"] = sum(1 for w in own if body_words[w]) / len(own)
            mine = lead.get(index, set())
            if lead_lines - (1 if mine else 0) > 0:
                # (a line of the lead itself is compared with the rest of the lead)
                shared = sum(1 for w in own if lead_count[w] - (w in mine) > 0)
                f["leadoverlap"] = shared / len(own)
        around = dated[bisect.bisect_left(dated, index - 4) : bisect.bisect_right(dated, index + 4)]
        near = [abs(d - index) for d in around if d != index]
        if near:
            f[f"datenear:{min(near)}"] = 1.0
            if any(d > index for d in around):
                f["datebelow"] = 1.0
        # Compared to the other candidates just before the story: the longest headline-like line.
        if index in window and n_words >= 3:
            longer = sum(1 for i in window if lengths[i] > n_words)
            f[f"rank:{min(longer, 4)}"] = 1.0
        if index and re.search(r"\b(?:by|von)$", lines[index - 1].text, re.I):
            f["afterby"] = 1.0
        if index + 1 < count:
            following = lines[index + 1]
            if following.body:
                f["nextbody"] = 1.0
            f["nextp"] = probabilities[index + 1]
        if index:
            f["prevp"] = probabilities[index - 1]
            if word_counts[index - 1] <= 3:
                f["prevshort"] = 1.0
        short_run = sum(
            1
            for j in range(max(0, index - 2), min(count, index + 3))
            if j != index and word_counts[j] <= 3
        )
        f[f"shortnear:{short_run}"] = 1.0
        for offset, label in ((-2, "p2"), (-1, "p1"), (1, "n1"), (2, "n2")):
            j = index + offset
            f[f"{label}:{shapes[j] if 0 <= j < count else 'edge'}"] = 1.0
        if key and len(key) >= 8:
            twins = [j for j in where[key] if j != index]
            if any(abs(j - index) <= 10 for j in twins):
                f["twin:near"] = 1.0
            elif twins:
                f["twin:far"] = 1.0
            padded = f" {key} "
            holders = []
            found = joined.find(padded)
            while found >= 0:
                j = bisect.bisect_right(offsets, found) - 1
                if j != index and len(padded_norms[j]) > len(padded) and j not in holders:
                    holders.append(j)
                found = joined.find(padded, found + 1)
            if holders:
                tail = any(norms[j].endswith(key) for j in holders)
                f["heldby:tail" if tail else "heldby:inside"] = 1.0
                if tail and any(
                    norms[j].endswith(key) and _CRUMB.search(lines[j].text) for j in holders
                ):
                    f["heldby:crumbtail"] = 1.0  # 'Home > Section > Headline': a breadcrumb
                if any(abs(j - index) <= 10 for j in holders):
                    f["heldby:near"] = 1.0
        if index == rule_pick:
            f["rulepick"] = 1.0
        if index + 1 < count and shapes[index + 1] in ("head", "sentence", "long"):
            more = len(words_of(lines[index + 1].text)) - n_words
            f[f"nextlonger:{_bucket(more, (-5, 0, 5, 12))}"] = 1.0  # a standfirst under it
        run = 0  # the menu or label lines right above (a headline follows the navigation)
        while index - run - 1 >= 0 and shapes[index - run - 1] in ("short", "ui"):
            run += 1
        f[f"menuabove:{_bucket(run, (0, 2, 5, 10))}"] = 1.0
        below = 0
        while index + below + 1 < count and shapes[index + below + 1] in ("short", "ui"):
            below += 1
        f[f"menubelow:{_bucket(below, (0, 2, 5, 10))}"] = 1.0
        between = sum(1 for j in range(index + 1, start) if shapes[j] == "head")
        f[f"headsafter:{min(between, 3)}"] = 1.0
        if shapes[index] == "head" and index in heads:
            f[f"headrank:{min(heads.index(index), 3)}"] = 1.0
        for word in set(vocab_words(text)):
            f["w:" + word] = 1.0
        out.append((index, f))
    _relative(out, "leadoverlap")
    _relative(out, "overlap")
    _glued_features(lines, out)
    _stem_features(lines, probabilities, span, out)
    # The topmost headline-shaped line above the story that shares words with its lead: a
    # headline comes before its standfirst and the captions under it.
    topical = [
        i for i, f in out if i <= start and shapes[i] == "head" and f.get("leadoverlap", 0) > 0
    ]
    if topical:
        for i, f in out:
            if i == topical[0]:
                f["toptopical"] = 1.0
            elif i in topical:
                f["lowertopical"] = 1.0
    for _, f in out:
        present = [(name, f[name]) for name in _TITLE_CROSS if f.get(name)]
        for i, (a, x) in enumerate(present):
            for b, y in present[i + 1 :]:
                f[f"{a}*{b}"] = x * y
    return out


_TITLE_CROSS = ("pbody", "overlap", "leadoverlap", "capital", "logdist", "prevp", "nextp")


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def _glued_features(lines: list[Line], rows: list[tuple[int, Features]]) -> None:
    """A line that is a neighbour with words glued on before or after it, spaces or not
    ('Home>Politik>Headline', 'StartseiteKulturHeadline'), or the neighbour inside such a line:
    letters only, within 3 lines."""
    letters: dict[int, str] = {}

    def of(j: int) -> str:
        if j not in letters:
            letters[j] = _letters(lines[j].text)
        return letters[j]

    for index, f in rows:
        mine = of(index)
        if len(mine) < 12:
            continue
        for j in range(max(0, index - 3), min(len(lines), index + 4)):
            other = of(j) if j != index else ""
            if len(other) >= 12 and len(mine) > len(other) + 2:
                if mine.endswith(other):
                    f["holds:tail"] = 1.0
                elif mine.startswith(other):
                    f["holds:head"] = 1.0
            if len(other) > len(mine) + 2:
                if other.endswith(mine):
                    f["inside:tail"] = 1.0
                elif other.startswith(mine):
                    f["inside:head"] = 1.0


_STEM, _LEAD_WORDS = 5, 80


def _stem_features(
    lines: list[Line],
    probabilities: list[float],
    span: tuple[int, int],
    rows: list[tuple[int, Features]],
) -> None:
    """How many of a line's words recur in the story's lead and body as word stems (first
    letters: 'Lehrgangs' and 'Lehrgang') or inside longer words (German compounds): a
    headline's words come back in the text under it."""
    start, end = span
    lead: list[str] = []
    for index in range(start, end):
        if probabilities[index] >= 0.5 and lines[index].body:
            lead += _content_words(lines[index].text)
            if len(lead) >= _LEAD_WORDS:
                break
    body_stems: set[str] = set()
    for index in range(start, end):
        if probabilities[index] >= 0.5:
            body_stems.update(w[:_STEM] for w in _content_words(lines[index].text))
    lead_stems = {w[:_STEM] for w in lead}
    lead_text = " ".join(lead)
    for index, f in rows:
        own = _content_words(lines[index].text)
        if not own:
            continue
        f["stemlead"] = sum(1 for w in own if w[:_STEM] in lead_stems) / len(own)
        f["stembody"] = sum(1 for w in own if w[:_STEM] in body_stems) / len(own)
        f["sublead"] = sum(1 for w in own if len(w) >= _STEM and w in lead_text) / len(own)
    _relative(rows, "stemlead")
    _relative(rows, "sublead")


def _relative(rows: list[tuple[int, Features]], name: str) -> None:
    """The candidate(s) with the highest value of a feature among all candidates, marked: a
    choice model sees each line alone, this says how it compares."""
    top = max((f.get(name, 0.0) for _, f in rows), default=0.0)
    if top <= 0:
        return
    for _, f in rows:
        if f.get(name, 0.0) >= top:
            f[f"top:{name}"] = 1.0


def _rule_title(lines: list[Line]) -> int | None:
    """The hand rules' headline (beside the hand rules' story run): one opinion among others."""
    from .scraped_title import find_title

    start, end = _story_run(lines, [rule_score(ln) for ln in lines])
    return find_title(lines, start) if end > start else None


def _shape(line: Line) -> str:
    """What kind of line a neighbour is, in one word."""
    text = line.text
    n_words = len(words_of(text))
    if line.dated or DATE_IN_TEXT.search(text):
        return "dated"
    if _BYLINE.match(text):
        return "byline"
    if line.noise:
        return "ui"
    if line.body:
        return "body"
    if n_words <= 3:
        return "short"
    if text[-1] in ".!?":
        return "sentence"
    return "head" if n_words <= 20 else "long"


def best(kind: str, candidates: Sequence[tuple[T, Features]]) -> T | None:
    """The candidate with the highest score under the model in use (None for none)."""
    return best_with(model(), kind, candidates)


def best_with(scorer: Model, kind: str, candidates: Sequence[tuple[T, Features]]) -> T | None:
    if not candidates:
        return None
    return max(candidates, key=lambda c: scorer.score(kind, c[1]))[0]


__all__ = [
    "Model",
    "best",
    "best_with",
    "body_features",
    "model",
    "sigmoid",
    "story_span",
    "title_candidates",
    "using",
]
