"""The per-article time budget: no article can hold a run for longer than ``timeout`` seconds.

Articles go through the pipeline in worker processes with pebble's ``ProcessPool``, a task a
chunk of articles (at most ``CHUNK_ARTICLES`` and ``CHUNK_CHARS``: a few seconds of news, parsed
in one spaCy batch, 6% cheaper than one at a time). When a task runs past the budget, pebble
stops its worker (SIGTERM, then SIGKILL, so a parse stuck in C code, where a Python signal
handler never runs, is stopped too) and starts a new one (which loads the model again, ~2 s);
the chunk's articles are then tried one per task, each with the whole budget, so only the
article that overruns it alone fails. A worker that dies (the out-of-memory killer) or a stage
that raises is handled the same way. ``extract``, ``run``, Spark and the web app all process
articles through a ``Guard``.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass

from .records import Article

DEFAULT_TIMEOUT = 120.0  # seconds: a news article takes 0.1-2 s; 1 MB of text about 60 s
CHUNK_ARTICLES = 16
CHUNK_CHARS = 200_000  # about 8 s of parsing: far below any budget but a tiny one
WEB_TIMEOUT = 60.0  # the web app's: its articles are at most 200,000 characters (about 10 s)


@dataclass(slots=True)
class Failure:
    """Why an article has no result: ``kind`` is "error" (a stage raised), "timeout" or "died"
    (its worker process was killed); ``message`` is one line for the user."""

    message: str
    kind: str = "error"
    article_id: str | None = None


Result = Article | Failure


@dataclass(slots=True)
class WorkerUsage:
    pid: int
    peak_mb: float
    cpu_s: float = 0.0
    wait_s: float = 0.0


Outcome = tuple[Result, WorkerUsage | None]  # an article's result and its worker's resource use


def default_pipeline():
    from .pipeline import Pipeline

    return Pipeline()


# --- the worker side ----------------------------------------------------------------------------

_PIPELINE = None


def start_worker(factory: Callable) -> None:
    """Make this process's pipeline."""
    global _PIPELINE
    _PIPELINE = factory()


def _start_pool_worker(factory: Callable) -> None:
    _exit_with_parent(os.getppid())
    start_worker(factory)
    gc.freeze()  # the model lives as long as the worker: no full collection need walk it again


def _exit_with_parent(parent: int) -> None:
    """A worker whose run was killed (kill -9 included) must not linger holding its model.

    The parent is looked for every second from a timer signal, not from a thread: a process that
    has ever had a second thread loses glibc's single-thread fast paths (malloc's among them), and
    the worker parsed 8% slower with a watching thread (measured on the PolNeAR dev texts).
    """
    import signal

    if hasattr(signal, "setitimer"):
        signal.signal(signal.SIGALRM, lambda *_: _exit_if_orphaned(parent))
        signal.setitimer(signal.ITIMER_REAL, 1.0, 1.0)
    else:  # Windows: no timer signals
        threading.Thread(target=_watch, args=(parent,), name="saidwhat-parent-watch", daemon=True).start()


def _watch(parent: int) -> None:
    while True:
        time.sleep(1.0)
        _exit_if_orphaned(parent)


def _exit_if_orphaned(parent: int) -> None:
    if os.getppid() != parent:
        os._exit(1)


def process_here(article: Article) -> Result:
    """``article`` through this process's pipeline; an exception becomes a ``Failure``."""
    try:
        return _PIPELINE.process(article)
    except Exception as err:
        return _failure(err)


def _failure(err: Exception) -> Failure:
    return Failure(f"{type(err).__name__}: {' '.join(str(err).split())}"[:500])


def _process_task(article: Article) -> Outcome:
    return process_here(article), worker_usage()


def _chunk_task(articles: list[Article]) -> tuple[list[Article] | None, WorkerUsage]:
    """What the pipeline's ``process_many`` makes of ``articles``; None when a stage raised."""
    try:
        return list(_PIPELINE.process_many(articles)), worker_usage()
    except Exception:
        return None, worker_usage()


def worker_usage() -> WorkerUsage:
    usage = WorkerUsage(os.getpid(), peak_memory_mb())
    try:  # Linux: CPU time and run-queue wait of this process, in ns
        with open("/proc/self/schedstat", encoding="ascii") as fh:
            run_ns, wait_ns = fh.read().split()[:2]
        usage.cpu_s, usage.wait_s = int(run_ns) / 1e9, int(wait_ns) / 1e9
    except (OSError, ValueError):
        usage.cpu_s = time.process_time()
    return usage


def peak_memory_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: a spawned worker's ru_maxrss
    starts at its parent's peak."""
    import resource

    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- the pool -----------------------------------------------------------------------------------


class Guard:
    """``workers`` processes running ``factory()``'s pipeline, each article within ``timeout`` s.

    ``timeout`` None or 0: no budget. ``start`` is the multiprocessing start method: "spawn" where
    the parent holds threads or connections a fork would copy (the store, the web server), "fork"
    where it holds neither (``saidwhat extract``), which starts a worker in milliseconds.
    """

    def __init__(self, factory: Callable = default_pipeline, workers: int = 1,
                 timeout: float | None = DEFAULT_TIMEOUT, start: str = "spawn"):
        from pebble import ProcessPool

        self.timeout = timeout or None
        self._pool = ProcessPool(max_workers=max(1, workers), initializer=_start_pool_worker,
                                 initargs=(factory,), context=multiprocessing.get_context(start))

    def submit(self, article: Article) -> Future:
        return self._pool.schedule(_process_task, args=(article,), timeout=self.timeout)

    def outcome(self, future: Future) -> Outcome:
        """The article or its ``Failure``, and the worker's resource use; ``BrokenProcessPool``
        (no worker can start: the model does not load) is raised."""
        failure = self._failed(future)
        return (failure, None) if failure else future.result()

    def submit_chunk(self, articles: list[Article]) -> Future:
        return self._pool.schedule(_chunk_task, args=(articles,), timeout=self.timeout)

    def chunk_outcomes(self, future: Future, articles: list[Article]) -> list[Outcome]:
        """Each article of the chunk of ``future``, processed or its ``Failure`` (found by trying the
        articles one per task when the chunk failed), with its worker's resource use."""
        made, usage = (None, None) if self._failed(future) else future.result()
        if made is not None and len(made) == len(articles):
            return [(article, usage) for article in made]
        return self._one_by_one(articles)

    def _one_by_one(self, articles: list[Article]) -> list[Outcome]:
        return [self.outcome(future) for future in [self.submit(a) for a in articles]]

    def results(self, articles: list[Article]) -> list[Result]:
        """Each article's result, in order, in chunks."""
        futures = [(chunk, self.submit_chunk(chunk)) for chunk in chunks(articles)]
        return [result for chunk, f in futures for result, _ in self.chunk_outcomes(f, chunk)]

    def stream(self, articles: Iterable[Article], window: int = 2) -> Iterator[Result]:
        """What the pipeline's ``process_many`` makes of ``articles``, in order, with a ``Failure``
        (``article_id`` set) in place of each article that failed; ``window`` chunks in the workers."""
        pending: deque[tuple[list[Article], Future]] = deque()
        for chunk in chunks(articles):
            pending.append((chunk, self.submit_chunk(chunk)))
            if len(pending) >= window:
                yield from self._chunk_stream(*pending.popleft())
        while pending:
            yield from self._chunk_stream(*pending.popleft())

    def _chunk_stream(self, chunk: list[Article], future: Future) -> Iterator[Result]:
        made = None if self._failed(future) else future.result()[0]
        if made is not None:
            yield from made
            return
        for article, (result, _) in zip(chunk, self._one_by_one(chunk), strict=True):
            if isinstance(result, Failure):
                result.article_id = article.id
            yield result

    def _failed(self, future: Future) -> Failure | None:
        """Why the task of ``future`` has no result: over its time budget, or its worker died."""
        from pebble import ProcessExpired

        err = future.exception()
        if isinstance(err, TimeoutError):
            message = f"took longer than {self.timeout:g} s (--article-timeout); its worker was replaced"
            return Failure(message, "timeout")
        if isinstance(err, ProcessExpired):
            return Failure(f"its worker process died ({_exit_reason(err.exitcode)}) and was replaced", "died")
        if err is not None:
            raise err
        return None

    def close(self) -> None:
        """Stop the workers now (a task still running is abandoned)."""
        self._pool.stop()
        self._pool.join()

    def __enter__(self) -> Guard:
        return self

    def __exit__(self, *_) -> None:
        self.close()


def chunks(articles: Iterable[Article], size: int = CHUNK_ARTICLES,
           chars: int = CHUNK_CHARS) -> Iterator[list[Article]]:
    """``articles`` in order, in lists of at most ``size`` articles and (but for one long article)
    ``chars`` characters."""
    chunk: list[Article] = []
    length = 0
    for article in articles:
        if chunk and (len(chunk) >= size or length + len(article.text) > chars):
            yield chunk
            chunk, length = [], 0
        chunk.append(article)
        length += len(article.text)
    if chunk:
        yield chunk


_SHARED: dict[float | None, Guard] = {}


def shared(timeout: float | None = DEFAULT_TIMEOUT) -> Guard:
    """This process's one-worker guard, kept for the life of the process (a Spark Python worker
    runs many partitions: its worker loads the model once)."""
    if timeout not in _SHARED:
        _SHARED[timeout] = Guard(timeout=timeout, start="spawn")
    return _SHARED[timeout]


def _exit_reason(code: int | None) -> str:
    if code is not None and code < 0:
        import signal

        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"killed by {name}" + (": out of memory?" if name == "SIGKILL" else "")
    return f"exit code {code}"
