"""Batch runs over a corpus: worker processes, near-duplicates, chunked commits, resume.

The main process reads the corpus in order, skips what the store already holds (same id and
content hash), groups near-duplicates (only a group's first article is processed) and hands
chunks to the workers. Chunks are committed in corpus order, one transaction each, so the store
always holds a prefix of the corpus: a run killed at any moment loses only uncommitted chunks,
and the rerun makes the same near-duplicate decisions as an uninterrupted run.
"""

from __future__ import annotations

import gzip
import math
import multiprocessing
import os
import resource
import sys
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from . import dedup
from .ingest import InputError
from .records import Article
from .store import DUPLICATE, ERROR, OK, Outcome, Store, content_hash

DEFAULT_CHUNK = 16
_IN_FLIGHT_PER_WORKER = 2


class RunError(Exception):
    """A run stopped early; ``str()`` is the one-line message for the user."""


@dataclass
class RunStats:
    processed: int = 0
    duplicates: int = 0
    errors: int = 0
    skipped: int = 0
    repeated_ids: int = 0
    statements: int = 0
    seconds: float = 0.0
    peak_worker_rss_mb: float = 0.0
    worker_usage: dict[int, WorkerUsage] = field(default_factory=dict)
    workers: int = 1
    error_samples: list[str] = field(default_factory=list)

    @property
    def cpu_seconds(self) -> float:
        """CPU time the workers used (the model loads included)."""
        return sum(u.cpu_s for u in self.worker_usage.values())

    @property
    def waiting_seconds(self) -> float:
        """Time the workers were ready to run but waited for a core (other processes' load)."""
        return sum(u.wait_s for u in self.worker_usage.values())

    @property
    def committed(self) -> int:
        return self.processed + self.duplicates + self.errors

    @property
    def articles_per_second(self) -> float:
        return self.committed / self.seconds if self.seconds else 0.0

    def summary(self, db: str) -> str:
        return (f"{self.committed} articles in {self.seconds:.1f} s ({self.articles_per_second:.2f}/s, "
                f"{self.workers} worker{'s' if self.workers > 1 else ''}): {self.processed} processed, "
                f"{self.duplicates} near-duplicates, {self.errors} errors, {self.skipped} already done; "
                f"{self.statements} statements -> {db}"
                + (f"; {self.repeated_ids} inputs skipped: their id was taken" if self.repeated_ids else ""))


# --- workers ----------------------------------------------------------------------------------

_PIPELINE = None


def default_pipeline():
    from .pipeline import Pipeline

    return Pipeline()


def _init_worker(factory: Callable) -> None:
    global _PIPELINE
    _PIPELINE = factory()


def ensure_pipeline(factory: Callable = default_pipeline) -> None:
    """Make this process's pipeline, once (Spark's Python workers call this per partition)."""
    if _PIPELINE is None:
        _init_worker(factory)


def _init_pool_worker(factory: Callable) -> None:
    _exit_with_parent(os.getppid())
    _init_worker(factory)


def _exit_with_parent(parent: int) -> None:
    """A worker whose run was killed (kill -9 included) must not linger holding its model."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="saidwhat-parent-watch", daemon=True).start()


@dataclass(slots=True)
class WorkerUsage:
    pid: int
    peak_mb: float
    cpu_s: float = 0.0
    wait_s: float = 0.0


def worker_usage() -> WorkerUsage:
    usage = WorkerUsage(os.getpid(), peak_memory_mb())
    try:  # Linux: CPU time and run-queue wait of this process, in ns
        with open("/proc/self/schedstat", encoding="ascii") as fh:
            run_ns, wait_ns = fh.read().split()[:2]
        usage.cpu_s, usage.wait_s = int(run_ns) / 1e9, int(wait_ns) / 1e9
    except (OSError, ValueError):
        usage.cpu_s = time.process_time()
    return usage


def process_chunk(articles: list[Article]) -> tuple[list[Article | str], WorkerUsage]:
    """Each article processed, or its error message; and this worker's resource use so far."""
    try:
        results: list[Article | str] = list(_PIPELINE.process_many(articles))
    except Exception:
        results = [_process_one(a) for a in articles]  # find which article failed
    return results, worker_usage()


def peak_memory_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: a spawned worker's ru_maxrss
    starts at its parent's peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _process_one(article: Article) -> Article | str:
    try:
        return _PIPELINE.process(article)
    except Exception as err:
        return f"{type(err).__name__}: {err}".splitlines()[0][:500]


# --- the run ----------------------------------------------------------------------------------


@dataclass
class Chunk:
    """Outcomes in corpus order; ``todo`` holds the articles the workers must process, ``regroup``
    articles committed before (or in flight) that became copies of another representative."""

    outcomes: list[Outcome] = field(default_factory=list)
    todo: list[Outcome] = field(default_factory=list)
    regroup: list[dedup.Change] = field(default_factory=list)


class _Planner:
    """Turns corpus items into chunks: skip what is done, group near-duplicates.

    Groups follow ``dedup``'s rule (connected components, the earliest article represents its
    group). An article that joins two groups makes the later group's articles copies of the
    earlier representative: they are rewritten as copies in the article's chunk, so every
    committed prefix of the corpus is grouped as a run over that prefix alone would group it.
    """

    RECENT = 10_000  # inputs kept for a copy that must be processed after all (see ``_regroup``)

    def __init__(self, store: Store, threshold: float, stats: RunStats, on_skip: Callable[[], None]):
        self.store = store
        self.done = store.done()
        self.groups = dedup.Deduper(threshold)
        for aid, sig, seq, rep in store.grouped():
            self.groups.load(aid, sig, seq, rep)
        self.seen: set[str] = set()
        self.stats = stats
        self.on_skip = on_skip
        self.recent: OrderedDict[str, Article] = OrderedDict()
        self.chunk = Chunk()
        self.planned: dict[str, Outcome] = {}  # the chunk's outcomes by article
        self.pending: dict[str, dedup.Change] = {}  # the chunk's regrouping of earlier articles

    def add(self, item: Article | InputError) -> None:
        """Plan one corpus item into the current chunk (or skip it)."""
        if isinstance(item, InputError):
            article = Article(id=item.source, text="")
            result = Outcome(article, status=ERROR, error=item.message)
        else:
            article, result = item, None
        h = content_hash(article) if result is None else content_hash(Article(id="", text=item.message))
        if article.id in self.seen:  # two inputs with one id: the first one counts
            self.stats.repeated_ids += 1
            self.on_skip()
            return
        self.seen.add(article.id)
        if self.done.get(article.id) == h:
            self.stats.skipped += 1
            self.on_skip()
            return
        if result is not None:
            result.content_hash = h
            self._put(result)
            return
        self._remember(article)
        sig = dedup.signature(article.text)
        if sig is None:
            changes = self.groups.discard(article.id)
            self._put(Outcome(article, status=OK, content_hash=h))
        else:
            match, changes = self.groups.add(article.id, sig)
            o = Outcome(article, status=OK, signature=sig, content_hash=h, seq=self.groups.seq(article.id))
            if match:
                o.status, o.duplicate_of, o.similarity = DUPLICATE, match.representative, match.similarity
            self._put(o)
        for change in changes:
            self._regroup(change)

    def _put(self, o: Outcome) -> None:
        self.pending.pop(o.article.id, None)
        self.planned[o.article.id] = o
        self.chunk.outcomes.append(o)
        if o.status == OK:
            self.chunk.todo.append(o)

    def _regroup(self, c: dedup.Change) -> None:
        """An earlier article's representative changed: in this chunk, its outcome changes; a copy
        that represents its group now is processed; a committed article is made a copy."""
        o = self.planned.get(c.article_id)
        if o is not None and o.status != ERROR:
            if o.status == OK and c.representative is not None:
                self.chunk.todo = [t for t in self.chunk.todo if t is not o]
            elif o.status == DUPLICATE and c.representative is None:
                self.chunk.todo.append(o)
            o.status = OK if c.representative is None else DUPLICATE
            o.duplicate_of, o.similarity = c.representative, c.similarity
        elif c.representative is None:
            aid = c.article_id
            article = self.recent.get(aid) or self.store.article_inputs([aid])[aid]
            self._put(Outcome(article, status=OK, content_hash=content_hash(article),
                              signature=self.groups.signature_of(aid), seq=self.groups.seq(aid)))
        else:
            self.pending[c.article_id] = c

    def _remember(self, article: Article) -> None:
        self.recent[article.id] = article
        if len(self.recent) > self.RECENT:
            self.recent.popitem(last=False)

    def take(self) -> Chunk:
        chunk, self.chunk = self.chunk, Chunk()
        chunk.regroup = list(self.pending.values())
        self.planned, self.pending = {}, {}
        return chunk

    def chunks(self, items: Iterable[Article | InputError], size: int, workers: int = 1) -> Iterator[Chunk]:
        """Chunks of ``size`` articles to process; the last few smaller, so that the workers
        finish together rather than one of them finishing a whole chunk alone."""
        ahead: deque = deque()
        tail = 4 * workers * size if workers > 1 else 0
        for item in items:
            ahead.append(item)
            if len(ahead) > tail:
                yield from self._fill(ahead.popleft(), size)
        while ahead:  # guided: the chunk size shrinks with what is left
            item = ahead.popleft()
            yield from self._fill(item, min(size, max(1, math.ceil(len(ahead) / (2 * workers)))))
        if self.chunk.outcomes or self.pending:
            yield self.take()

    def _fill(self, item: Article | InputError, size: int) -> Iterator[Chunk]:
        self.add(item)
        if len(self.chunk.todo) >= size or len(self.chunk.outcomes) >= 4 * size:
            yield self.take()


def run(items: Iterable[Article | InputError], db: str, workers: int = 1, chunk_size: int = DEFAULT_CHUNK,
        threshold: float = dedup.DEFAULT_THRESHOLD, progress: bool = True, total: int | None = None,
        pipeline_factory: Callable = default_pipeline, cross_disputes: bool = True) -> RunStats:
    """Process every item not yet in the store at ``db``; return what was done."""
    from tqdm import tqdm

    stats = RunStats(workers=max(1, workers))
    started = time.perf_counter()
    store = Store(db)
    bar = tqdm(total=total, unit="art", desc="saidwhat run", disable=not progress, file=sys.stderr,
               dynamic_ncols=True, smoothing=0.1)
    try:
        planner = _Planner(store, threshold, stats, on_skip=lambda: bar.update(1))
        chunks = planner.chunks(items, chunk_size, stats.workers)
        if stats.workers == 1:
            _run_here(chunks, store, stats, bar, pipeline_factory)
        else:
            try:
                _run_pool(chunks, store, stats, bar, pipeline_factory)
            except BrokenProcessPool as err:
                raise RunError("a worker process died (out of memory, or the model failed to load); "
                               "what was committed is kept: rerun the same command to go on") from err
        _finish(store, cross_disputes)
    finally:
        bar.close()
        store.close()
        stats.seconds = time.perf_counter() - started
    return stats


def _run_here(chunks: Iterator[Chunk], store: Store, stats: RunStats, bar, factory: Callable) -> None:
    before = worker_usage()
    _init_worker(factory)
    for chunk in chunks:
        results = process_chunk([o.article for o in chunk.todo]) if chunk.todo else ([], None)
        _commit(chunk, results, store, stats, bar)
    for usage in stats.worker_usage.values():  # this run's share of this process's time
        usage.cpu_s -= before.cpu_s
        usage.wait_s -= before.wait_s


def _run_pool(chunks: Iterator[Chunk], store: Store, stats: RunStats, bar, factory: Callable) -> None:
    # spawn, not fork: the parent holds a DuckDB connection and its threads
    ctx = multiprocessing.get_context("spawn")
    pending: deque[tuple[Chunk, Future | None]] = deque()
    limit = stats.workers * _IN_FLIGHT_PER_WORKER
    with ProcessPoolExecutor(stats.workers, mp_context=ctx, initializer=_init_pool_worker,
                             initargs=(factory,)) as pool:
        try:
            for chunk in chunks:
                todo = [o.article for o in chunk.todo]
                pending.append((chunk, pool.submit(process_chunk, todo) if todo else None))
                while pending and (len(pending) >= limit or _ready(pending[0][1])):
                    _commit_head(pending, store, stats, bar)
            while pending:
                _commit_head(pending, store, stats, bar)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _ready(fut: Future | None) -> bool:
    return fut is None or fut.done()


def _commit_head(pending: deque, store: Store, stats: RunStats, bar) -> None:
    chunk, fut = pending.popleft()
    _commit(chunk, fut.result() if fut is not None else ([], None), store, stats, bar)


def _commit(chunk: Chunk, results: tuple[list[Article | str], WorkerUsage | None], store: Store,
            stats: RunStats, bar) -> None:
    processed, usage = results
    for o, result in zip(chunk.todo, processed, strict=True):
        if isinstance(result, str):
            o.status, o.error = ERROR, result
        else:
            o.article = result
    store.write_chunk(chunk.outcomes, chunk.regroup)
    if usage is not None:
        stats.worker_usage[usage.pid] = usage
        stats.peak_worker_rss_mb = max(stats.peak_worker_rss_mb, usage.peak_mb)
    for o in chunk.outcomes:
        if o.status == ERROR:
            stats.errors += 1
            if len(stats.error_samples) < 5:
                stats.error_samples.append(f"{o.article.id}: {o.error}")
        elif o.status == DUPLICATE:
            stats.duplicates += 1
        else:
            stats.processed += 1
            stats.statements += len(o.article.statements)
    bar.update(len(chunk.outcomes))
    bar.set_postfix(statements=stats.statements, errors=stats.errors, refresh=False)


def _finish(store: Store, cross_disputes: bool) -> None:
    """Store-wide steps after the articles: disputes across articles (the pairs this run's
    articles make), speakers across articles (merged from DuckDB's counts of the names), quotes."""
    if cross_disputes:
        store.update_cross_disputes()
    store.rebuild_speakers()
    store.rebuild_quotes()


# --- corpus size, for the progress bar ----------------------------------------------------------


def estimate_count(paths: Iterable[str]) -> int | None:
    """How many articles the corpus holds, counted cheaply (JSONL lines, files); None for stdin."""
    total = 0
    for p in paths:
        if p == "-":
            return None
        path = Path(p)
        files = sorted(f for f in path.rglob("*") if f.is_file()) if path.is_dir() else [path]
        for f in files:
            total += _count_file(f)
    return total


def _count_file(path: Path) -> int:
    name = path.name.lower()
    if not (name.endswith(".jsonl") or name.endswith(".jsonl.gz")):
        return 1
    opener = gzip.open if name.endswith(".gz") else open
    try:
        with opener(path, "rb") as fh:
            return sum(1 for line in fh if line.strip())
    except OSError:
        return 1


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
