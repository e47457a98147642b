"""Batch runs over a corpus: worker processes, near-duplicates, chunked commits, resume.

The main process reads the corpus in order, skips what the store already holds (same id and
content hash), groups near-duplicates (only a group's first article is processed) and hands
the articles of each chunk to the workers (``guard.Guard``: each article within its time budget,
a stuck worker replaced). Chunks are committed in corpus order, one transaction each, so the store
always holds a prefix of the corpus: a run killed at any moment loses only uncommitted chunks,
and the rerun makes the same near-duplicate decisions as an uninterrupted run.
"""

from __future__ import annotations

import gzip
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from . import dedup, guard
from .guard import DEFAULT_TIMEOUT, Failure, WorkerUsage, default_pipeline, worker_usage
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


# --- the run ----------------------------------------------------------------------------------


@dataclass
class Chunk:
    """Outcomes in corpus order; ``todo`` holds the articles the workers must process."""

    outcomes: list[Outcome] = field(default_factory=list)
    todo: list[Outcome] = field(default_factory=list)


class _Planner:
    """Turns corpus items into chunks: skip what is done, group near-duplicates."""

    def __init__(self, store: Store, threshold: float, stats: RunStats, on_skip: Callable[[], None]):
        self.done = store.done()
        self.deduper = dedup.Deduper(threshold)
        for aid, sig in store.representative_signatures():
            self.deduper.add_representative(aid, sig)
        self.seen: set[str] = set()
        self.stats = stats
        self.on_skip = on_skip

    def outcome(self, item: Article | InputError) -> Outcome | None:
        if isinstance(item, InputError):
            article = Article(id=item.source, text="")
            result = Outcome(article, status=ERROR, error=item.message)
        else:
            article, result = item, None
        h = content_hash(article) if result is None else content_hash(Article(id="", text=item.message))
        if article.id in self.seen:  # two inputs with one id: the first one counts
            self.stats.repeated_ids += 1
            self.on_skip()
            return None
        self.seen.add(article.id)
        if self.done.get(article.id) == h:
            self.stats.skipped += 1
            self.on_skip()
            return None
        if result is not None:
            result.content_hash = h
            return result
        sig = dedup.signature(article.text)
        match = self.deduper.assign(article.id, sig)
        if match:
            return Outcome(article, status=DUPLICATE, duplicate_of=match.representative,
                           similarity=match.similarity, content_hash=h)
        return Outcome(article, status=OK, signature=sig, content_hash=h)

    def chunks(self, items: Iterable[Article | InputError], size: int) -> Iterator[Chunk]:
        chunk = Chunk()
        for item in items:
            o = self.outcome(item)
            if o is None:
                continue
            chunk.outcomes.append(o)
            if o.status == OK:
                chunk.todo.append(o)
            if len(chunk.todo) >= size or len(chunk.outcomes) >= 4 * size:
                yield chunk
                chunk = Chunk()
        if chunk.outcomes:
            yield chunk


def run(items: Iterable[Article | InputError], db: str, workers: int = 1, chunk_size: int = DEFAULT_CHUNK,
        threshold: float = dedup.DEFAULT_THRESHOLD, progress: bool = True, total: int | None = None,
        pipeline_factory: Callable = default_pipeline, cross_disputes: bool = True,
        article_timeout: float | None = DEFAULT_TIMEOUT) -> RunStats:
    """Process every item not yet in the store at ``db``; return what was done.

    An article that takes longer than ``article_timeout`` seconds is stored as an error and its
    worker replaced; with no timeout and one worker, articles are processed in this process.
    """
    from tqdm import tqdm

    stats = RunStats(workers=max(1, workers))
    started = time.perf_counter()
    store = Store(db)
    bar = tqdm(total=total, unit="art", desc="saidwhat run", disable=not progress, file=sys.stderr,
               dynamic_ncols=True, smoothing=0.1)
    try:
        planner = _Planner(store, threshold, stats, on_skip=lambda: bar.update(1))
        chunks = planner.chunks(items, chunk_size)
        if stats.workers == 1 and not article_timeout:
            _run_here(chunks, store, stats, bar, pipeline_factory)
        else:
            try:
                _run_pool(chunks, store, stats, bar, pipeline_factory, article_timeout)
            except BrokenProcessPool as err:
                raise RunError("the worker processes failed (the model did not load?); "
                               "what was committed is kept: rerun the same command to go on") from err
        _finish(store, cross_disputes)
    finally:
        bar.close()
        store.close()
        stats.seconds = time.perf_counter() - started
    return stats


def _run_here(chunks: Iterator[Chunk], store: Store, stats: RunStats, bar, factory: Callable) -> None:
    before = worker_usage()
    guard.start_worker(factory)
    for chunk in chunks:
        results = [guard.process_here(o.article) for o in chunk.todo]
        _commit(chunk, results, [worker_usage()], store, stats, bar)
    for usage in stats.worker_usage.values():  # this run's share of this process's time
        usage.cpu_s -= before.cpu_s
        usage.wait_s -= before.wait_s


def _run_pool(chunks: Iterator[Chunk], store: Store, stats: RunStats, bar, factory: Callable,
              timeout: float | None) -> None:
    # spawn, not fork: the parent holds a DuckDB connection and its threads
    pending: deque[tuple[Chunk, list[tuple[list[Article], Future]]]] = deque()
    limit = stats.workers * _IN_FLIGHT_PER_WORKER
    with guard.Guard(factory, stats.workers, timeout, start="spawn") as workers:
        for chunk in chunks:
            parts = guard.chunks(o.article for o in chunk.todo)
            pending.append((chunk, [(part, workers.submit_chunk(part)) for part in parts]))
            while pending and (len(pending) >= limit or all(f.done() for _, f in pending[0][1])):
                _commit_head(pending, workers, store, stats, bar)
        while pending:
            _commit_head(pending, workers, store, stats, bar)


def _commit_head(pending: deque, workers: guard.Guard, store: Store, stats: RunStats, bar) -> None:
    chunk, tasks = pending.popleft()
    outcomes = [outcome for part, future in tasks for outcome in workers.chunk_outcomes(future, part)]
    _commit(chunk, [result for result, _ in outcomes], [usage for _, usage in outcomes], store, stats, bar)


def _commit(chunk: Chunk, results: list[Article | Failure], usages: list[WorkerUsage | None], store: Store,
            stats: RunStats, bar) -> None:
    for o, result in zip(chunk.todo, results, strict=True):
        if isinstance(result, Failure):
            o.status, o.error = ERROR, result.message
        else:
            o.article = result
    store.write_chunk(chunk.outcomes)
    for usage in usages:
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
    """Store-wide steps after the articles: disputes across articles, speakers across articles."""
    from . import disputes

    if cross_disputes and hasattr(disputes, "find_cross_disputes"):
        store.replace_cross_disputes(list(disputes.find_cross_disputes(list(store.articles()))))
    store.rebuild_speakers()


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
