"""Analysis for imports, in worker processes when there are many articles.

Why: analysis is pure CPU and dominates a corpus import (10,000 articles must take <= 60 s);
the main process meanwhile parses, writes files and commits the index. Workers ignore ctrl+c
(the main process handles it and shuts them down), so an interrupt never prints their
tracebacks. Small imports stay in-process: starting workers costs more than it saves.
"""

from __future__ import annotations

import os
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

POOL_FROM = 64  # articles in one run before workers pay off


@dataclass
class Analysed:
    lang: str | None = None
    quotes: int = 0
    actors: list[str] = field(default_factory=list)
    cache: dict[str, Any] | None = None  # analysis.json content; None if the analyser failed


def analyse_text(text: str, lang: str | None) -> Analysed:
    """Analysis reduced to what import stores; a failing analyser never loses the article."""
    from reader.analysis import analyze

    from .analysis_cache import analysis_to_json

    try:
        result = analyze(text, lang)
    except Exception:  # noqa: BLE001 - the article is kept; its analysis is retried when opened
        return Analysed(lang=lang)
    return Analysed(
        lang=lang or result.lang,
        quotes=result.quote_count(),
        actors=list(dict.fromkeys(a.name for a in result.actors)),
        cache=analysis_to_json(result),
    )


def _ignore_interrupts() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def analyse_many(items: list[tuple[str, str | None]]) -> list[Analysed]:
    return [analyse_text(text, lang) for text, lang in items]


class AnalysisPool:
    """In-process until ``POOL_FROM`` submissions, then a process pool (if there are 2+ CPUs).
    Work goes to the workers in chunks of ``CHUNK`` articles: one message per article costs
    more in inter-process traffic than the analysis of a short article."""

    CHUNK = 16

    def __init__(self) -> None:
        self.submitted = 0
        self._executor: Any = None
        self._workers = min(4, os.cpu_count() or 1)
        self._buffer: list[tuple[str, str | None, Future[Analysed]]] = []

    def submit(self, text: str, lang: str | None) -> Future[Analysed]:
        self.submitted += 1
        if self._executor is None and self.submitted >= POOL_FROM and self._workers > 1:
            self._start()
        result: Future[Analysed] = Future()
        if self._executor is None:
            result.set_result(analyse_text(text, lang))
            return result
        self._buffer.append((text, lang, result))
        if len(self._buffer) >= self.CHUNK:
            self.flush()
        return result

    def flush(self) -> None:
        """Send what is buffered (call before waiting on one of its results)."""
        chunk, self._buffer = self._buffer, []
        if not chunk:
            return
        try:
            sent = self._executor.submit(analyse_many, [(t, lang) for t, lang, _ in chunk])
        except Exception:  # noqa: BLE001 - a broken pool: carry on in-process
            self.shutdown()
            self._workers = 1
            for text, lang, result in chunk:
                result.set_result(analyse_text(text, lang))
            return

        def deliver(done: Future[list[Analysed]]) -> None:
            try:
                results = done.result()
            except BaseException as exc:  # noqa: BLE001 - each waiter re-analyses in-process
                for _, _, result in chunk:
                    if not result.done():
                        result.set_exception(exc)
                return
            for (_, _, result), analysed in zip(chunk, results):
                result.set_result(analysed)

        sent.add_done_callback(deliver)

    def _start(self) -> None:
        import multiprocessing
        import sys
        from concurrent.futures import ProcessPoolExecutor

        main = sys.modules.get("__main__")
        main_file = getattr(main, "__file__", None)
        if getattr(main, "__spec__", None) is None and not (
            main_file and os.path.isfile(main_file)
        ):
            self._workers = 1  # a script from stdin: workers could not re-import it
            return
        try:
            context = multiprocessing.get_context("forkserver")
            self._executor = ProcessPoolExecutor(
                max_workers=self._workers, mp_context=context, initializer=_ignore_interrupts
            )
        except (OSError, ValueError, NotImplementedError):
            self._executor = None  # no workers here: analyse in-process

    def shutdown(self) -> None:
        for _, _, result in self._buffer:  # never sent: nobody will wait for them now
            result.cancel()
        self._buffer = []
        if self._executor is not None:
            executor, self._executor = self._executor, None
            try:
                executor.shutdown(wait=True, cancel_futures=True)
            except Exception:  # noqa: BLE001 - a broken pool has nothing left to stop
                pass
