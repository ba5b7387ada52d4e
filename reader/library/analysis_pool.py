"""Worker processes for imports: every document is parsed in one, under limits; analysis goes
to the same workers when there are many articles.

Why parsing runs in a worker: a hostile or pathological page (a million tiny paragraphs, a
5 MB line) can take minutes and gigabytes inside the HTML and text cleaners, C code that
ignores ctrl+c. In a worker it is held to ``PARSE_CPU_SECONDS`` of CPU and ``PARSE_MEMORY_MB``
of memory (``resource.setrlimit`` in the worker, per document); over a limit the document gets
``error PATH: REASON (limit ...)`` and the rest of the batch goes on, while the main process
stays free to answer ctrl+c at once. Tests use small limits through ``READER_PARSE_CPU_SECONDS``
and ``READER_PARSE_MEMORY_MB``.

Why analysis runs there too: it is pure CPU and dominates a corpus import (10,000 articles must
take <= 60 s); the main process meanwhile parses, writes files and commits the index. Small
imports analyse in-process: starting workers costs more than it saves.

The workers are our own small pool (not ``ProcessPoolExecutor``): one job at a time each, so a
worker that dies (killed by its CPU limit) is known to have died on that job, is replaced, and
costs nothing to the jobs of the other workers. Workers ignore ctrl+c; the main process stops
them.
"""

from __future__ import annotations

import os
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reader.base.errors import ReaderError, bug_report

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

    from reader.importing.models import ImportFailure, ParsedArticle

Job = Callable[..., Any]
# (the waiter's future, the job, its arguments, its limits); None tells a worker's thread to stop
Queued = tuple["Future[Any]", Job, tuple[Any, ...], "Limits | None"]

POOL_FROM = 64  # articles in one run before analysis goes to the workers
PARSE_CPU_SECONDS = 10.0
PARSE_MEMORY_MB = 500
WALL_FACTOR = 6  # a job is stopped after this many times its CPU limit in wall time
MAX_WORKERS = 4
# imported once by the fork server, so that no job pays (or is timed for) loading them; the
# parse libraries only when the first job is a parse (worker_preload.py)
PRELOAD = ["reader.library.analysis_pool", "reader.library.worker_preload"]
PRELOAD_PARSING = [*PRELOAD, "reader.library.worker_preload_parsing"]


@dataclass
class Analysed:
    lang: str | None = None
    quotes: int = 0
    actors: list[str] = field(default_factory=list)
    # analysis.json: its bytes (sealed where the analysis ran: a worker sends back 1 KB, not a
    # dict of every quote's fields), or as analysis_to_json gives it; None if the analyser failed
    cache: bytes | dict[str, Any] | None = None
    error: str = ""  # why the analyser failed (a bug, named): the import says so, as a warning


def analyse_text(text: str, lang: str | None) -> Analysed:
    """Analysis reduced to what import stores; a failing analyser never loses the article."""
    from reader.analysis import analyze

    from .analysis_cache import sealed_analysis

    try:
        result = analyze(text, lang)
    except Exception as exc:  # noqa: BLE001 - the article is kept (retried when opened); said
        return Analysed(lang=lang, error=bug_report(exc))
    return Analysed(
        lang=lang or result.lang,
        quotes=result.quote_count(),
        actors=list(dict.fromkeys(a.name for a in result.actors)),
        cache=sealed_analysis(result, text.encode("utf-8")),
    )


def analyse_many(items: list[tuple[str, str | None]]) -> list[Analysed]:
    return [analyse_text(text, lang) for text, lang in items]


def parse_in_worker(data: bytes, name: str) -> ParsedArticle:
    """The job a worker runs for one document (ImportFailure travels back as itself)."""
    from reader.importing.importer import parse_document

    return with_content_key(parse_document(data, name))


def with_content_key(parsed: ParsedArticle) -> ParsedArticle:
    """The article with its dedupe key computed here, in the worker (a few ms a page that the
    storing process would otherwise spend)."""
    from reader.importing.dedupe import content_key

    parsed.content_key = content_key(parsed.text)
    return parsed


def parse_original_in_worker(data: bytes, name: str) -> ParsedArticle:
    """A kept original again (reimport, doctor): a document, or the one line of a corpus."""
    from reader.importing.importer import parse_original

    return parse_original(data, name)


Numbered = list[tuple[int, "ParsedArticle | ImportFailure"]]


def parse_corpus_in_worker(data: bytes, name: str) -> Numbered:
    """The lines of a piece of a corpus, numbered from 1 in the piece (0: the piece as a whole
    cannot be read); a bad line's ImportFailure travels back in its place."""
    from reader.importing.importer import iter_corpus

    return list(iter_corpus(data, name))


def parse_corpus_keyed(data: bytes, name: str) -> Numbered:
    """parse_corpus_in_worker, each article with its dedupe key (a piece of short lines)."""
    return [
        (n, with_content_key(item) if not isinstance(item, ReaderError) else item)
        for n, item in parse_corpus_in_worker(data, name)
    ]


# ---- limits -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Limits:
    cpu_seconds: float = PARSE_CPU_SECONDS
    memory_mb: int = PARSE_MEMORY_MB

    @classmethod
    def for_parsing(cls) -> Limits:
        """The parse limits: defaults, or ``READER_PARSE_CPU_SECONDS`` / ``_MEMORY_MB``."""
        cpu = _env_number("READER_PARSE_CPU_SECONDS", PARSE_CPU_SECONDS)
        memory = _env_number("READER_PARSE_MEMORY_MB", PARSE_MEMORY_MB)
        return cls(cpu_seconds=cpu, memory_mb=int(memory))

    def cpu_text(self) -> str:
        return f"limit {self.cpu_seconds:g} s CPU"

    def memory_text(self) -> str:
        return f"limit {self.memory_mb} MB"


def _env_number(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, ""))
    except ValueError:
        return default
    return value if value > 0 else default


class LimitExceeded(ReaderError):
    """A document went over a worker limit: ``REASON (limit ...)``."""


class WorkerFailed(ReaderError):
    """A worker ended without an answer (not by a limit): reported, never hidden."""


class InternalError(Exception):
    """A bug inside a worker's job (not a user-facing error), as one line saying where:
    ``internal error in FILE:LINE (Type: message); please report``."""


def _vm_bytes() -> int | None:
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _apply_limits(limits: Limits) -> None:
    """CPU and address-space limits for the next job. RLIMIT_CPU counts the process's whole
    life, so the soft limit is what it has used plus the allowance; memory is counted above
    what the worker holds now (its own code and libraries are not the document's fault)."""
    import math
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = usage.ru_utime + usage.ru_stime
    _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = math.ceil(used + limits.cpu_seconds)
    if hard == resource.RLIM_INFINITY or soft <= hard:
        resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))
    size = _vm_bytes()
    if size is not None:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        soft = size + limits.memory_mb * 1024 * 1024
        if hard == resource.RLIM_INFINITY or soft <= hard:
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _lift_limits() -> None:
    import resource

    for which in (resource.RLIMIT_CPU, resource.RLIMIT_AS):
        _soft, hard = resource.getrlimit(which)
        resource.setrlimit(which, (hard, hard))


def _worker_main(conn: Connection) -> None:
    """A worker: jobs in, results out, one at a time. A job over its CPU limit is killed by
    SIGXCPU (no core file); one over its memory limit ends in MemoryError, reported, and the
    worker exits so that the next job gets a fresh process."""
    import pickle
    import resource
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process handles ctrl+c
    if hasattr(signal, "SIGXCPU"):
        signal.signal(signal.SIGXCPU, signal.SIG_DFL)
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        pass
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        fn, args, limits = job
        fresh = False
        try:
            if limits is not None:
                from reader.library.worker_preload import warm_parsing

                warm_parsing()  # (once: outside the job's limits)
                _apply_limits(limits)
            reply: tuple[str, Any] = ("ok", fn(*args))
        except MemoryError:
            reply, fresh = ("memory", None), True
        except ReaderError as exc:
            reply = ("raise", exc)
        except BaseException as exc:  # noqa: BLE001 - a bug: named, with where it happened
            reply = ("raise", InternalError(bug_report(exc)))
        finally:
            if limits is not None:
                try:
                    _lift_limits()
                except (ValueError, OSError):
                    fresh = True
        try:
            conn.send(reply)
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            conn.send(("raise", InternalError(bug_report(exc))))
        except (OSError, MemoryError):
            return
        if fresh:
            return


class Workers:
    """Up to ``size`` worker processes, started as jobs come; ``submit`` returns a Future."""

    def __init__(self, size: int) -> None:
        self.size = max(1, size)
        self._jobs: queue.SimpleQueue[Queued | None] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._idle = 0
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._context: Any = None

    def submit(self, fn: Job, args: tuple[Any, ...], limits: Limits | None = None) -> Future[Any]:
        future: Future[Any] = Future()
        with self._lock:
            if self._stopping.is_set():
                raise WorkerFailed("the workers are stopped")
            if self._idle == 0 and len(self._threads) < self.size:
                thread = threading.Thread(target=self._slot, name="reader-worker", daemon=True)
                self._threads.append(thread)
                thread.start()
            else:
                self._idle -= 1 if self._idle else 0
        self._jobs.put((future, fn, args, limits))
        return future

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop: with ``wait``, queued and running jobs finish first; without it (ctrl+c),
        running jobs' workers are killed at once and queued jobs are cancelled."""
        with self._lock:
            if not wait:
                self._stopping.set()
            threads = list(self._threads)
        for _ in threads:
            self._jobs.put(None)
        for thread in threads:
            # on a stop, a thread still starting its worker finds the stop flag and kills it
            # itself (the workers are daemons: they go with this process in any case)
            thread.join(None if wait else 0.5)
        self._stopping.set()
        while True:  # anything submitted meanwhile will never run
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                break
            if job is not None:
                job[0].cancel()

    # one thread per worker: it owns the process and waits on its pipe
    def _slot(self) -> None:
        proc: BaseProcess | None = None
        conn: Connection | None = None
        try:
            while True:
                job = self._jobs.get()
                if job is None:
                    return
                future, fn, args, limits = job
                if self._stopping.is_set() or not future.set_running_or_notify_cancel():
                    future.cancel()
                    continue
                if proc is None or conn is None or not proc.is_alive():
                    try:
                        proc, conn = self._spawn(parsing=limits is not None)
                    except (OSError, ValueError, ImportError):  # no processes here:
                        _run_here(future, fn, args)  # the job runs in this thread, unlimited
                        continue
                proc, conn = self._run(proc, conn, future, fn, args, limits)
                with self._lock:
                    self._idle += 1
        finally:
            _stop(proc, conn, kill=self._stopping.is_set())

    def _spawn(self, *, parsing: bool) -> tuple[BaseProcess, Connection]:
        import multiprocessing

        if self._context is None:
            self._context = multiprocessing.get_context("forkserver")
            self._context.set_forkserver_preload(PRELOAD_PARSING if parsing else PRELOAD)
        parent, child = self._context.Pipe()
        proc = self._context.Process(target=_worker_main, args=(child,), daemon=True)
        proc.start()
        child.close()
        return proc, parent

    def _run(
        self,
        proc: BaseProcess,
        conn: Connection,
        future: Future[Any],
        fn: Job,
        args: tuple[Any, ...],
        limits: Limits | None,
    ) -> tuple[BaseProcess | None, Connection | None]:
        """Send one job and wait for its answer, the worker's death, a stop, or the wall
        clock. Returns the (process, pipe) to use next; (None, None) after a death."""
        try:
            conn.send((fn, args, limits))
        except (OSError, ValueError) as exc:
            _stop(proc, conn, kill=True)
            future.set_exception(WorkerFailed(f"worker unavailable ({exc})"))
            return None, None
        deadline = time.monotonic() + limits.cpu_seconds * WALL_FACTOR + 10 if limits else None
        while True:
            try:
                if conn.poll(0.05):
                    status, value = conn.recv()
                    break
            except (EOFError, OSError):
                status, value = "died", None
                break
            if self._stopping.is_set():
                _stop(proc, conn, kill=True)
                future.set_exception(WorkerFailed("stopped"))
                return None, None
            if not proc.is_alive() and not conn.poll(0):
                status, value = "died", None
                break
            if deadline is not None and time.monotonic() > deadline:
                _stop(proc, conn, kill=True)
                assert limits is not None
                future.set_exception(LimitExceeded(f"parsing took too long ({limits.cpu_text()})"))
                return None, None
        if status == "ok":
            future.set_result(value)
            return proc, conn
        if status == "raise":
            future.set_exception(value)
            return proc, conn
        proc.join(timeout=5)
        code = proc.exitcode
        _stop(proc, conn, kill=True)
        future.set_exception(_death_reason(status, code, limits))
        return None, None


def _run_here(future: Future[Any], fn: Job, args: tuple[Any, ...]) -> None:
    try:
        future.set_result(fn(*args))
    except Exception as exc:  # noqa: BLE001 - delivered to the waiter, as from a worker
        future.set_exception(exc)


def _death_reason(status: str, code: int | None, limits: Limits | None) -> Exception:
    import signal

    if status == "memory" and limits is not None:
        return LimitExceeded(f"parsing needed too much memory ({limits.memory_text()})")
    if limits is not None and code == -getattr(signal, "SIGXCPU", 24):
        return LimitExceeded(f"parsing took too long ({limits.cpu_text()})")
    if limits is not None and code in (-signal.SIGKILL, -signal.SIGSEGV, -signal.SIGABRT):
        # out of address space inside C code, or the system's out-of-memory killer
        return LimitExceeded(f"parsing needed too much memory ({limits.memory_text()})")
    return WorkerFailed(f"the worker stopped unexpectedly (exit code {code})")


def _stop(proc: BaseProcess | None, conn: Connection | None, *, kill: bool) -> None:
    if conn is not None:
        try:
            if not kill:
                conn.send(None)
        except (OSError, ValueError):
            pass
    if proc is not None:
        if kill and proc.is_alive():
            proc.kill()
        proc.join(timeout=5)
        if proc.is_alive():
            proc.kill()
            proc.join(timeout=5)
    if conn is not None:
        conn.close()


def _can_start_workers() -> bool:
    """A script fed on stdin cannot be re-imported by a worker, and some systems have no
    fork server or no resource limits: no workers then (documents parse in-process)."""
    import multiprocessing
    import sys

    try:
        import resource  # noqa: F401 - the limits need it
    except ImportError:
        return False
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return False
    main = sys.modules.get("__main__")
    main_file = getattr(main, "__file__", None)
    return getattr(main, "__spec__", None) is not None or bool(
        main_file and os.path.isfile(main_file)
    )


class AnalysisPool:
    """The import's workers: ``parse`` runs every document in one, under ``Limits``;
    ``submit`` analyses in-process until ``POOL_FROM`` submissions, then in the workers (if
    there are 2+ CPUs), in chunks of ``CHUNK`` articles: one message per article costs more in
    inter-process traffic than the analysis of a short article."""

    CHUNK = 16

    def __init__(self, *, limits: Limits | None = None, analyse_from: int = POOL_FROM) -> None:
        self.submitted = 0
        self.analyse_from = analyse_from  # submissions analysed here before the workers take over
        self.limits = limits or Limits.for_parsing()
        self._cpus = os.cpu_count() or 1
        self._workers: Workers | None = None
        self._usable = _can_start_workers()
        self._analyse_in_workers = False
        self._buffer: list[tuple[str, str | None, Future[Analysed]]] = []

    @property
    def size(self) -> int:
        """How many workers the pool runs (1: everything in-process)."""
        return min(MAX_WORKERS, max(2, self._cpus)) if self._usable else 1

    def _pool(self) -> Workers | None:
        if self._workers is None and self._usable:
            self._workers = Workers(self.size)
        return self._workers

    # ---- parsing --------------------------------------------------------------------------
    def parse(self, data: bytes, name: str) -> Future[ParsedArticle]:
        """``parse_document(data, name)`` in a worker under the limits; where no worker can
        run (a script on stdin), in-process without them."""
        return self.limited(parse_in_worker, data, name)

    def limited(self, job: Job, *args: Any) -> Future[Any]:
        """``job(*args)``, a parse of untrusted bytes, in a worker under the limits (a module
        level function: it travels by name); in-process where no worker can run."""
        workers = self._pool()
        if workers is not None:
            try:
                return workers.submit(job, args, self.limits)
            except WorkerFailed:
                pass
        result: Future[Any] = Future()
        _run_here(result, job, args)
        return result

    @property
    def analysing_in_workers(self) -> bool:
        """Do the workers analyse (an import of many articles: they are running)?"""
        return self._analyse_in_workers and self._workers is not None

    def unlimited(self, job: Job, *args: Any) -> Future[Any]:
        """``job(*args)`` in a worker without the parse limits (work as bounded as it is in
        this process); in-process where no worker can run."""
        if self.analysing_in_workers:
            assert self._workers is not None
            try:
                return self._workers.submit(job, args)
            except WorkerFailed:
                pass
        result: Future[Any] = Future()
        _run_here(result, job, args)
        return result

    # ---- analysis -------------------------------------------------------------------------
    def submit(self, text: str, lang: str | None) -> Future[Analysed]:
        self.submitted += 1
        if not self._analyse_in_workers and self.submitted >= self.analyse_from and self._cpus > 1:
            self._analyse_in_workers = self._pool() is not None
        result: Future[Analysed] = Future()
        if not self._analyse_in_workers:
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
            assert self._workers is not None
            sent = self._workers.submit(analyse_many, ([(t, lang) for t, lang, _ in chunk],))
        except (WorkerFailed, AssertionError):  # stopped workers: carry on in-process
            self._analyse_in_workers = False
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

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop the workers; ``wait=False`` (ctrl+c) kills running jobs at once."""
        for _, _, result in self._buffer:  # never sent: nobody will wait for them now
            result.cancel()
        self._buffer = []
        if self._workers is not None:
            workers, self._workers = self._workers, None
            workers.shutdown(wait=wait)


class LimitedParser:
    """Parsing outside an import (reimport, doctor's rebuild, ``reader analyze``) under the
    same worker limits as an import's: ``parser(job, *args)`` runs the job in a worker and
    waits (in short steps, so ctrl+c is answered at once), raising what the job raised, or
    LimitExceeded / WorkerFailed / InternalError. Use it as a context manager: the workers
    start with the first parse and stop at the end (at once, killed, on an exception)."""

    def __init__(self, *, limits: Limits | None = None) -> None:
        self.pool = AnalysisPool(limits=limits)

    def __call__(self, job: Job, *args: Any) -> Any:
        return answer_of(self.pool.limited(job, *args))

    def close(self, *, wait: bool = True) -> None:
        self.pool.shutdown(wait=wait)

    def __enter__(self) -> LimitedParser:
        return self

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        self.close(wait=kind is None)


def answer_of(future: Future[Any]) -> Any:
    """The future's result, waited for in short steps so that ctrl+c is answered at once."""
    while True:
        try:
            return future.result(timeout=0.1)
        except TimeoutError:
            continue
