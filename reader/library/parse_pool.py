"""Parsing fetched pages in worker processes when an update brings many.

Why: a feed update's pages arrive faster than one process can clean them (trafilatura takes
tens of milliseconds a page), while analysis already runs in its own workers; parsing in the
calling thread made it the one bottleneck. Small runs stay in-process (starting workers costs
more than it saves). Workers ignore ctrl+c: the calling process handles it and shuts them down.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

POOL_FROM = 32  # pages in one run before workers pay off


class ParsePool:
    def __init__(self, workers: int | None = None) -> None:
        self.submitted = 0
        self.workers = workers or min(4, os.cpu_count() or 1)
        self._executor: Any = None

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        """``fn(*args)`` in a worker (or here, for small runs); a Future of its result."""
        self.submitted += 1
        if self._executor is None and self.submitted >= POOL_FROM and self.workers > 1:
            self._start()
        if self._executor is not None:
            try:
                sent: Future[Any] = self._executor.submit(fn, *args)
                return sent
            except Exception:  # noqa: BLE001 - a broken pool: carry on in-process
                self.shutdown()
                self.workers = 1
        result: Future[Any] = Future()
        try:
            result.set_result(fn(*args))
        except Exception as exc:  # noqa: BLE001 - handed to whoever waits for it
            result.set_exception(exc)
        return result

    def _start(self) -> None:
        import multiprocessing
        import sys
        from concurrent.futures import ProcessPoolExecutor

        main = sys.modules.get("__main__")
        main_file = getattr(main, "__file__", None)
        if getattr(main, "__spec__", None) is None and not (
            main_file and os.path.isfile(main_file)
        ):
            self.workers = 1  # a script from stdin: workers could not re-import it
            return
        try:
            context = multiprocessing.get_context("forkserver")
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=context, initializer=_ignore_interrupts
            )
        except (OSError, ValueError, NotImplementedError):
            self._executor = None

    def shutdown(self) -> None:
        if self._executor is not None:
            executor, self._executor = self._executor, None
            try:
                executor.shutdown(wait=True, cancel_futures=True)
            except Exception:  # noqa: BLE001 - a broken pool has nothing left to stop
                pass


def _ignore_interrupts() -> None:
    """A worker leaves ctrl+c to the main process, which stops the pool."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
