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
import math
import os
import sys
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from . import dedup, guard
from .guard import DEFAULT_TIMEOUT, Failure, WorkerUsage, default_pipeline, worker_usage
from .ingest import InputError
from .records import Article
from .store import DUPLICATE, ERROR, OK, Outcome, Store, content_hash, cross_item_rows

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
    """Outcomes in corpus order; ``todo`` holds the articles the workers must process, ``regroup``
    articles committed before (or in flight) that became copies of another representative."""

    outcomes: list[Outcome] = field(default_factory=list)
    todo: list[Outcome] = field(default_factory=list)
    regroup: list[dedup.Change] = field(default_factory=list)


@dataclass
class _Processed:
    article: Article
    cross_rows: list[dict]


class _StorePipeline:
    """A worker's pipeline in a run: each article comes back with its rows for cross-article
    disputes already made, so the parent process, the serial part of a run, only writes."""

    def __init__(self, factory: Callable):
        self.pipeline = factory()

    def process(self, article: Article) -> _Processed:
        return next(self.process_many([article]))

    def process_many(self, articles: Iterable[Article]) -> Iterator[_Processed]:
        for article in self.pipeline.process_many(articles):
            yield _Processed(article, cross_item_rows(article))


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
        chunks = planner.chunks(items, chunk_size, stats.workers)
        factory = partial(_StorePipeline, pipeline_factory)
        if stats.workers == 1 and not article_timeout:
            _run_here(chunks, store, stats, bar, factory)
        else:
            try:
                _run_pool(chunks, store, stats, bar, factory, article_timeout)
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
            o.article, o.cross_rows = result.article, result.cross_rows
    store.write_chunk(chunk.outcomes, chunk.regroup)
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
