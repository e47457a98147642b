"""The corpus pipeline as a Spark job: JSONL or Parquet in, one Parquet folder per store table out.

Every step is distributed and nothing per article reaches the driver (it sees row counts, the
number of labels a round of the group search changed, and a few settings):

1. every record is parsed and gets its content hash, MinHash signature and LSH band hashes;
2. near-duplicate groups (``dedup``'s rule: connected components of the similar pairs, the
   earliest article represents its group): a join on band hashes gives candidate pairs, their
   signatures are compared, and the smallest corpus position spreads along the pairs (label
   propagation, a few rounds for groups of copies);
3. representatives go through ``Pipeline`` (``mapPartitions``: in a worker process of each Python
   worker, which Spark reuses across partitions, so the model loads once; each article within
   ``--article-timeout``, see ``guard``), every outcome becomes the rows
   ``store.article_rows`` makes, with the article's cross-article dispute items;
4. disputes across articles: the items' blocking keys are joined (``store.CROSS_PAIRS_SQL``),
   each pair is judged by ``disputes.judge_cross`` and ``disputes.select_cross`` keeps one dispute
   per pushback and per pair of statements, as two aggregations;
5. speakers across articles: the names in use are counted (``store.SPEAKER_NAMES_SQL``) and
   merged by ``store.merge_speakers``, one group of names ending in the same word at a time;
6. quotes across articles (``quotes``): a join on word shingles, the pair rule of ``quotes``, a
   label propagation, and each group made as the store makes it.

A second run into the same ``--out`` adds its new articles (same id and content: skipped; changed
content: redone) to what is there, with near-duplicates, disputes across articles and speakers
over both, as ``saidwhat run`` does for a DuckDB store. A run writes everything under
``_staging/`` first and then moves it into place; a run that died while moving is finished by the
next one. The tables have the schema of ``store.TABLES``, so Parquet from Spark and ``saidwhat
export`` can be read the same way.
"""

from __future__ import annotations

import json
import math
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

# absolute imports: spark-submit runs this file as a script (see the end of the file)
from pyspark import StorageLevel
from pyspark.sql import functions as F
from pyspark.sql.window import Window

from saidwhat import dedup, guard
from saidwhat.records import Article, Dispute
from saidwhat.store import (
    BIGINT,
    BLOB,
    BOOL,
    CROSS_PAIRS_SQL,
    DUPLICATE,
    ERROR,
    INTERNAL,
    OK,
    QUOTE_STATEMENTS_SQL,
    SPEAKER_ARTICLES_SQL,
    SPEAKER_NAMES_SQL,
    TABLES,
    TEXT,
    TEXTS,
    Outcome,
    article_rows,
    content_hash,
    cross_dispute_row,
    cross_format,
    key_uses,
    merge_speakers,
    pack,
    surname_of,
    unpack,
)

ARTICLES_PER_PARTITION = 200
BYTES_PER_PARTITION = 1 << 20  # of input, for the joins and aggregations: about 200 articles
# Each task that writes Parquet sends the driver a few hundred bytes: writes use at most this many.
MAX_WRITE_TASKS = 64
# Spark settings the job needs unless the user set them: no broadcast joins, since a broadcast
# table is collected on the driver first.
DEFAULT_CONF = {
    "spark.sql.autoBroadcastJoinThreshold": "-1",
    "spark.sql.adaptive.autoBroadcastJoinThreshold": "-1",
}

LONGS = "BIGINT[]"
SCHEMAS: dict[str, list[tuple[str, str]]] = {
    **TABLES, **INTERNAL,
    "_minhash": [*INTERNAL["_minhash"], ("bands", LONGS)],
    "_meta": [("key", TEXT), ("value", TEXT)],
}
# Tables a run appends its new rows to (the others it replaces with their new version).
PER_ARTICLE = ("articles", "statements", "entities", "_minhash", "_cross_items")
PLAN = [("seq", BIGINT), ("id", TEXT), ("content_hash", TEXT), ("article", TEXT), ("error", TEXT),
        ("signature", BLOB), ("bands", LONGS)]


# --- reading -----------------------------------------------------------------------------------


def _is_uri(path: str) -> bool:
    return "://" in path


def _location(path: str) -> str:
    return path if _is_uri(path) else str(Path(path).resolve())


def _join(base: str, name: str) -> str:
    return base.rstrip("/") + "/" + name


def _is_parquet(path: str) -> bool:
    return path.rstrip("/").lower().endswith(".parquet")


def input_files(inputs: list[str]) -> list[str]:
    """The files to read, in ``ingest``'s order: a local folder is walked sorted, skipping dot
    files; a URI (hdfs://, s3a://) is left for Spark to expand."""
    files = []
    for p in inputs:
        path = Path(p)
        if _is_uri(p) or not path.is_dir():
            files.append(p)
            continue
        for root, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            files.extend(str(Path(root) / n) for n in sorted(names)
                         if not n.startswith(".") and n.lower().endswith((".jsonl", ".jsonl.gz", ".parquet")))
    return files


def read_records(spark, inputs: list[str]):
    """RDD of ((file number, position), (file, line number, JSON line or Parquet row as a dict))."""
    sc = spark.sparkContext
    parts = []
    for number, name in enumerate(input_files(inputs)):
        if _is_parquet(name):
            rows = spark.read.parquet(_location(name)).rdd.map(lambda row: row.asDict())
        else:
            rows = sc.textFile(_location(name))
        parts.append(rows.zipWithIndex().map(
            lambda pair, n=number, f=name: ((n, pair[1]), (f, pair[1] + 1, pair[0]))))
    return parts[0] if len(parts) == 1 else sc.union(parts)


def record_article(record: tuple[str, int, Any]) -> Article | tuple[str, str] | None:
    """The article a record holds; (error id, message) when it holds none; None for a blank line.

    Lines are read by ``ingest.article_from_json_line``, so ids, defaults and error messages are
    those of a local run.
    """
    from saidwhat.ingest import UnreadableInput, _stem, article_from_json_line

    name, lineno, payload = record
    if isinstance(payload, dict):
        payload = json.dumps(payload, default=str)
    elif not payload.strip():
        return None
    else:
        payload += "\n"  # as ingest reads the line, so a broken line gets ingest's message
    try:
        return article_from_json_line(payload, f"{_stem(Path(name))}-{lineno}")
    except UnreadableInput as why:
        return f"{name}:{lineno}", str(why)


INPUT_FIELDS = ("id", "title", "source", "url", "date", "text")


def _plan_partition(items: Iterable[tuple[tuple, Any]], base: int, threshold: float) -> Iterator[tuple]:
    """Per record: its corpus position (runs, then files, then lines), the article as JSON, its
    hash, signature and band hashes; or its error."""
    for (number, position), record in items:
        seq = ((base + number) << 32) + position
        article = record_article(record)
        if article is None:
            continue
        if isinstance(article, tuple):
            aid, error = article
            yield seq, aid, content_hash(Article(id="", text=error)), None, error, None, None
            continue
        sig = dedup.signature(article.text)
        data = json.dumps({k: getattr(article, k) for k in INPUT_FIELDS})
        if sig is None:
            yield seq, article.id, content_hash(article), data, None, None, None
        else:
            yield (seq, article.id, content_hash(article), data, None, dedup.signature_to_bytes(sig),
                   dedup.band_hashes(sig, threshold).tolist())


# --- step 3: the pipeline, once per Python worker ---------------------------------------------


def _outcomes(rows: Iterable, timeout: float | None, batch_size: int = 16) -> Iterator[Outcome]:
    todo: list[Outcome] = []
    for r in rows:
        if r.status == ERROR:
            yield Outcome(Article(id=r.id, text=""), status=ERROR, error=r.error, content_hash=r.content_hash)
            continue
        article = Article(**json.loads(r.article))
        outcome = Outcome(article, status=r.status, duplicate_of=r.duplicate_of, similarity=r.similarity,
                          content_hash=r.content_hash)
        if r.status != OK:
            yield outcome
            continue
        todo.append(outcome)
        if len(todo) >= batch_size:
            yield from _process(todo, timeout)
            todo = []
    yield from _process(todo, timeout)


def _process(outcomes: list[Outcome], timeout: float | None) -> list[Outcome]:
    """The local run's worker step: each article within its time budget (``guard``), in a worker
    process that this Python worker keeps across partitions (the model loads once)."""
    if not outcomes:
        return []
    for o, result in zip(outcomes, guard.shared(timeout).results([o.article for o in outcomes]), strict=True):
        if isinstance(result, guard.Failure):
            o.status, o.error = ERROR, result.message
        else:
            o.article = result
    return outcomes


def _rows_partition(rows: Iterable, timeout: float | None) -> Iterator[tuple[str, tuple]]:
    for outcome in _outcomes(rows, timeout):
        for table, found in article_rows(outcome).items():
            for row in found:
                yield table, tuple(row.get(c) for c, _ in SCHEMAS[table])


# --- steps 2, 4, 5: Python parts of the distributed steps -------------------------------------


def _items_again(rows: Iterable) -> Iterator[tuple]:
    from saidwhat.store import article_from_rows, cross_item_rows

    for r in rows:
        parts = [[x.asDict(recursive=True) for x in (r[name] or [])]
                 for name in ("statements", "entities", "disputes")]
        for item in cross_item_rows(article_from_rows(r.asDict(), *parts)):
            yield tuple(item[c] for c, _ in SCHEMAS["_cross_items"])


def _similar_pairs(rows: Iterable, threshold: float) -> Iterator[tuple[int, int]]:
    for r in rows:
        a, b = dedup.signature_from_bytes(r.sig_u), dedup.signature_from_bytes(r.sig_v)
        if dedup.jaccard(a, b) >= threshold:
            yield r.u, r.v


def _similarity(a: bytes, b: bytes) -> float:
    return dedup.similarity(dedup.signature_from_bytes(a), dedup.signature_from_bytes(b))


def _judge(rows: Iterable) -> Iterator[tuple]:
    from saidwhat.disputes import judge_cross

    columns = [c for c, _ in TABLES["disputes"]]
    for r in rows:
        found = judge_cross(unpack(r.data_a), unpack(r.data_b))
        if found is not None:
            row = cross_dispute_row(found)
            yield tuple(row[c] for c in columns)


def _select(disputes: Iterable) -> list:
    from saidwhat.disputes import select_cross

    return select_cross(disputes)


def _dispute(row) -> Dispute:
    return Dispute(a=row.a, b=row.b, kind=row.kind, evidence=row.evidence, confidence=row.confidence,
                   article_a=row.article_a, article_b=row.article_b)


def _quote_occurrences(rows: Iterable) -> Iterator[tuple]:
    from saidwhat import quotes

    for o in quotes.occurrences(r.asDict() for r in rows):
        node = quotes.node_of(o)
        yield quotes.node_id(node), list(o.wording), o.speaker_id, quotes.keys(o.wording), pack(o)


def _same_quote(rows: Iterable) -> Iterator[tuple[int, int, int, int]]:
    """(node, a node of higher rank it is the same quote as, that one's rank)."""
    from saidwhat import quotes

    for r in rows:
        a, b = (tuple(r.words_u), r.speaker_u), (tuple(r.words_v), r.speaker_v)
        if quotes.may_pair(a, b):
            low, high = sorted((a, b), key=quotes.rank)
            yield (quotes.node_id(low), quotes.node_id(high), *quotes.rank(high))


def _quote_rows(members: Iterable[bytes]) -> Iterator[tuple]:
    from saidwhat import quotes

    quote = quotes.make_quote([unpack(m) for m in members])
    for row in quotes.rows([quote]):
        yield tuple(row[c] for c, _ in TABLES["quotes"])


def _merge_names(rows: Iterable[tuple[str, str, str, int]]) -> Iterator[tuple[str, tuple]]:
    speakers, aliases = merge_speakers(key_uses(rows))
    for table, found in (("speakers", speakers), ("speaker_aliases", aliases)):
        for row in found:
            yield table, tuple(row[c] for c, _ in TABLES[table])


# --- the job ------------------------------------------------------------------------------------


def spark_type(sql: str):
    from pyspark.sql import types as T

    return {TEXT: T.StringType(), "INTEGER": T.IntegerType(), "DOUBLE": T.DoubleType(),
            TEXTS: T.ArrayType(T.StringType()), BLOB: T.BinaryType(), BIGINT: T.LongType(),
            BOOL: T.BooleanType(), LONGS: T.ArrayType(T.LongType())}[sql]


def spark_schema(table: str | list[tuple[str, str]]):
    from pyspark.sql import types as T

    columns = SCHEMAS[table] if isinstance(table, str) else table
    return T.StructType([T.StructField(c, spark_type(t), True) for c, t in columns])


def session(master: str | None = None, conf: dict[str, str] | None = None):
    """A Spark session: ``master`` if given, what spark-submit set, else ``local[*]``; ``conf``
    are Spark settings (``--conf KEY=VALUE``)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("saidwhat")
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    if master or "PYSPARK_GATEWAY_PORT" not in os.environ:
        master = master or "local[*]"
        builder = builder.master(master)
        if master.startswith("local"):
            os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
            builder = builder.config("spark.ui.enabled", "false")
    spark = builder.getOrCreate()
    given = spark.sparkContext.getConf()
    for key, value in DEFAULT_CONF.items():
        if not given.contains(key):
            spark.conf.set(key, value)
    return spark


def run_job(inputs: list[str], out: str, master: str | None = None, partitions: int | None = None,
            threshold: float = dedup.DEFAULT_THRESHOLD, spark=None,
            article_timeout: float | None = guard.DEFAULT_TIMEOUT,
            conf: dict[str, str] | None = None) -> dict[str, int]:
    """Process ``inputs`` into the Parquet folders under ``out`` (adding to what an earlier run
    wrote there); return the row counts of the tables. An article over ``article_timeout`` seconds
    is stored as an error (see ``guard``)."""
    own_session = spark is None
    spark = spark or session(master, conf)
    try:
        return Job(spark, out, threshold, partitions, article_timeout).run(inputs)
    finally:
        if own_session:
            spark.stop()


class Job:
    """One run: read what is there, plan, group, process, judge, merge, stage, publish."""

    def __init__(self, spark, out: str, threshold: float, partitions: int | None,
                 article_timeout: float | None = guard.DEFAULT_TIMEOUT):
        self.spark = spark
        self.sc = spark.sparkContext
        self.out = out
        self.threshold = threshold
        self.partitions = partitions
        self.article_timeout = article_timeout
        self.files = _Files(spark)
        self.staging = _join(out, "_staging")
        self.cached: list = []
        self.remade_items = False

    # --- the steps

    def run(self, inputs: list[str]) -> dict[str, int]:
        self.files.finish_publishing(self.out, self.staging)
        size = sum(self.files.size(f) for f in input_files(inputs))
        self.shuffle = max(self.sc.defaultParallelism, math.ceil(size / BYTES_PER_PARTITION))
        if not self.sc.getConf().contains("spark.sql.shuffle.partitions"):
            self.spark.conf.set("spark.sql.shuffle.partitions", str(self.shuffle))
        old = self._previous()
        try:
            plan = self._plan(inputs, old)
            fresh, regroup = self._group(plan, old)
            removed = self._removed(plan, regroup)
            rows = self._process(plan, fresh, regroup, old)
            new = {t: self._rows_frame(rows, t) for t in ("articles", "statements", "entities", "disputes",
                                                          "duplicates", "_cross_items")}
            new["articles"] = new["articles"].unionByName(self._made_copies(regroup, old))
            new["duplicates"] = new["duplicates"].unionByName(self._copy_rows(regroup))
            new["_minhash"] = plan.where("signature IS NOT NULL").select(
                F.col("id").alias("article_id"), "signature", "seq", "bands")
            self._stage(new, old, removed, plan.where("redo").select("id"))
            self.files.publish(self.out, self.staging)
        finally:
            for frame in self.cached:
                frame.unpersist()
        return {t: self.spark.read.parquet(_join(self.out, t)).count() for t in TABLES}

    def _previous(self) -> dict[str, Any]:
        """The tables an earlier run wrote (empty ones for a first run), and its settings."""
        frames = {}
        for table in SCHEMAS:
            path = _join(self.out, table)
            frames[table] = self.spark.read.schema(spark_schema(table)).parquet(path) \
                if self.files.exists(path) else self.spark.createDataFrame([], spark_schema(table))
        meta = dict(frames["_meta"].collect())
        if self.files.exists(_join(self.out, "articles")) and "cross_format" not in meta:
            raise RuntimeError(f"{self.out} was written by an earlier saidwhat: write to a new folder")
        frames["meta"] = meta
        if meta.get("cross_format", cross_format()) != cross_format():
            # the disputes stage changed since: every earlier article's items are made again and paired anew
            frames["_cross_items"] = self._remade_items(frames)
            frames["_cross_found"] = self.spark.createDataFrame([], spark_schema("_cross_found"))
            self.remade_items = True
        return frames

    def _remade_items(self, old):
        """``_cross_items`` of the earlier articles, made from their rows in the tables."""
        def rows_of(frame, key: str, name: str):
            rows = F.collect_list(F.struct(*frame.columns)).alias(name)
            return frame.groupBy(F.col(key).alias("id")).agg(rows)

        within = old["disputes"].where("article_a = article_b")
        articles = (old["articles"].where(f"status = '{OK}'").select(*INPUT_FIELDS)
                    .join(rows_of(old["statements"], "article_id", "statements"), "id", "left")
                    .join(rows_of(old["entities"], "article_id", "entities"), "id", "left")
                    .join(rows_of(within, "article_a", "disputes"), "id", "left"))
        items = articles.rdd.mapPartitions(_items_again)
        return self._cache(self.spark.createDataFrame(items, spark_schema("_cross_items")))

    def _plan(self, inputs: list[str], old: dict):
        """One row per article to handle this run: the first record of each id, without those
        already done; a changed article keeps its corpus position."""
        last = old["_minhash"].agg(F.max("seq")).first()[0]
        base = 0 if last is None else (last >> 32) + 1
        threshold = self.threshold
        records = read_records(self.spark, inputs)
        rdd = records.mapPartitions(lambda it: _plan_partition(it, base, threshold))
        plan = self.spark.createDataFrame(rdd, spark_schema(PLAN))
        first = plan.groupBy("id").agg(F.min("seq").alias("seq"))
        plan = plan.join(first, ["id", "seq"])
        done = old["articles"].select("id", F.col("content_hash").alias("old_hash"))
        kept = old["_minhash"].select(F.col("article_id").alias("id"), F.col("seq").alias("old_seq"))
        plan = (plan.join(done, "id", "left").join(kept, "id", "left")
                .where("old_hash IS NULL OR old_hash <> content_hash")
                .withColumn("redo", F.col("old_hash").isNotNull())
                .withColumn("seq", F.coalesce("old_seq", "seq"))
                .drop("old_hash", "old_seq"))
        return self._cache(plan)

    def _group(self, plan, old):
        """(fresh, regroup): the group of every article of this run (id, status, duplicate_of,
        similarity), and the earlier articles whose representative changed (id, representative,
        similarity; representative null: it represents its group now)."""
        nodes = self._nodes(plan, old)
        # the signatures (1 KB each) stay out of the cache: they are joined to the few rows that need them
        sigs = nodes.select("seq", "signature")
        nodes = nodes.withColumn("twin", F.xxhash64("signature")).drop("signature")
        canonical = nodes.groupBy("twin").agg(F.min("seq").alias("canon"))
        nodes = self._cache(nodes.join(canonical, "twin"))
        edges = self._similar(nodes, sigs).unionByName(self._twins(nodes))
        edges = self._cache(edges.unionByName(self._stars(nodes, edges)))
        labels = self._cache(components(edges))
        reps = nodes.select(F.col("seq").alias("rep_seq"), F.col("id").alias("rep"))
        placed = (nodes.join(labels, "seq", "left").where("dirty OR label IS NOT NULL")
                  .withColumn("rep_seq", F.coalesce("label", "seq")).join(reps, "rep_seq")
                  .withColumn("rep", F.when(F.col("rep") != F.col("id"), F.col("rep"))))
        placed = self._cache(self._with_similarity(placed, sigs).select(
            "id", "fresh", "old_rep", "rep", "similarity"))
        fresh = placed.where("fresh").select(
            "id", F.when(F.col("rep").isNull(), OK).otherwise(DUPLICATE).alias("status"),
            F.col("rep").alias("duplicate_of"), "similarity")
        changed = F.coalesce(F.col("rep"), F.col("id")) != F.col("old_rep")
        regroup = placed.where(~F.col("fresh") & changed).select(
            "id", F.col("rep").alias("representative"), "similarity")
        return fresh, self._cache(regroup)

    def _with_similarity(self, placed, sigs):
        """``similarity`` of each copy to its representative (null for a representative)."""
        copies = placed.where("rep IS NOT NULL").select("seq", "rep_seq")
        rep_sigs = sigs.select(F.col("seq").alias("rep_seq"), F.col("signature").alias("rep_sig"))
        pairs = copies.join(sigs, "seq").join(rep_sigs, "rep_seq")
        similarity = self.spark.createDataFrame(pairs.rdd.map(
            lambda r: (r.seq, _similarity(r.signature, r.rep_sig))), "seq bigint, similarity double")
        return placed.join(similarity, "seq", "left")

    def _nodes(self, plan, old):
        """Every signature: this run's (``fresh``, ``dirty``) and the earlier ones, with their
        representative (``old_rep``); earlier groups that lost a changed article are ``dirty``:
        their pairs are compared again."""
        threshold = self.threshold
        fresh = plan.where("signature IS NOT NULL").select(
            "id", "seq", "signature", "bands", F.lit(True).alias("fresh"), F.lit(True).alias("dirty"),
            F.lit(None).cast("string").alias("old_rep"))
        redo = plan.where("redo").select("id")
        before = old["articles"].select("id", F.coalesce("duplicate_of", "id").alias("old_rep"))
        dirty = before.join(redo, "id").select(F.col("old_rep"), F.lit(True).alias("dirty")).distinct()
        earlier = (old["_minhash"].select(F.col("article_id").alias("id"), "seq", "signature", "bands")
                   .join(redo, "id", "left_anti").join(before, "id")
                   .join(dirty, "old_rep", "left")
                   .select("id", "seq", "signature", "bands", F.lit(False).alias("fresh"),
                           F.coalesce("dirty", F.lit(False)).alias("dirty"), "old_rep"))
        if old["meta"].get("threshold") not in (None, repr(threshold)):
            bands = F.udf(lambda s: dedup.band_hashes(dedup.signature_from_bytes(s), threshold).tolist(),
                          "array<bigint>", useArrow=False)
            earlier = earlier.withColumn("bands", bands("signature"))
        return fresh.unionByName(earlier)

    def _similar(self, nodes, sigs):
        """Pairs of articles sharing a band, one of them dirty, at or above the threshold."""
        canon = nodes.where("seq = canon")
        bands = canon.select("seq", "dirty", F.explode("bands").alias("band"))
        a, b = bands.alias("a"), bands.alias("b")
        pairs = (a.join(b, (F.col("a.band") == F.col("b.band")) & (F.col("a.seq") < F.col("b.seq"))
                        & (F.col("a.dirty") | F.col("b.dirty")))
                 .select(F.col("a.seq").alias("u"), F.col("b.seq").alias("v")).distinct())
        pairs = (pairs.join(sigs.withColumnRenamed("seq", "u").withColumnRenamed("signature", "sig_u"), "u")
                 .join(sigs.withColumnRenamed("seq", "v").withColumnRenamed("signature", "sig_v"), "v"))
        threshold = self.threshold
        similar = pairs.rdd.mapPartitions(lambda rows: _similar_pairs(rows, threshold))
        return self.spark.createDataFrame(similar, "u bigint, v bigint")

    def _twins(self, nodes):
        """An article with the same signature as an earlier one goes with it (one of them dirty)."""
        first = nodes.where("seq = canon").select(F.col("seq").alias("v"), F.col("dirty").alias("dirty_v"))
        return (nodes.where("seq <> canon").join(first, nodes.canon == first.v)
                .where("dirty OR dirty_v").select(F.col("seq").alias("u"), "v"))

    def _stars(self, nodes, edges):
        """Earlier groups that a new pair reaches, as pairs of each copy and its representative."""
        ends = edges.select(F.col("u").alias("seq")).union(edges.select(F.col("v").alias("seq"))).distinct()
        earlier = nodes.where("NOT dirty")
        touched = earlier.join(ends, "seq").select("old_rep").distinct()
        rep_seq = earlier.select(F.col("id").alias("old_rep"), F.col("seq").alias("v"))
        return (earlier.where("id <> old_rep").join(touched, "old_rep").join(rep_seq, "old_rep")
                .select(F.col("seq").alias("u"), "v"))

    def _removed(self, plan, regroup):
        """Ids whose earlier rows go: changed articles, and earlier ones regrouped."""
        return self._cache(plan.where("redo").select("id").unionByName(regroup.select("id")).distinct())

    def _process(self, plan, fresh, regroup, old):
        """Rows for every table from this run's articles, and from earlier copies that represent
        their group now; representatives are processed."""
        decided = fresh.select("id", F.col("status").alias("group_status"), "duplicate_of", "similarity")
        work = (plan.join(decided, "id", "left")
                .select("id", "seq", "article", "content_hash", "error", "duplicate_of", "similarity",
                        F.when(F.col("error").isNotNull(), ERROR)
                        .otherwise(F.coalesce("group_status", F.lit(OK))).alias("status")))
        promoted = (regroup.where("representative IS NULL").select("id")
                    .join(old["articles"], "id")
                    .join(old["_minhash"].select(F.col("article_id").alias("id"), "seq"), "id")
                    .select("id", "seq", F.to_json(F.struct(*INPUT_FIELDS)).alias("article"), "content_hash",
                            F.lit(None).cast("string").alias("error"),
                            F.lit(None).cast("string").alias("duplicate_of"),
                            F.lit(None).cast("double").alias("similarity"), F.lit(OK).alias("status")))
        work = work.unionByName(promoted)
        n = self.partitions or max(self.sc.defaultParallelism,
                                   math.ceil(work.count() / ARTICLES_PER_PARTITION))
        rows = self._cache(work.repartition(n).rdd.mapPartitions(
            lambda it, timeout=self.article_timeout: _rows_partition(it, timeout)))
        # computed here, n tasks wide (a write may merge partitions); the driver gets a count per table
        rows.map(lambda r: (r[0], 1)).reduceByKey(lambda a, b: a + b, 1).collect()
        return rows

    def _rows_frame(self, rows, table: str):
        data = rows.filter(lambda r, t=table: r[0] == t).map(lambda r: r[1])
        return self.spark.createDataFrame(data, spark_schema(table))

    def _made_copies(self, regroup, old):
        """Earlier articles that are copies now: their article rows, rewritten."""
        copies = regroup.where("representative IS NOT NULL").select("id", "representative")
        changed = {"status": F.lit(DUPLICATE), "duplicate_of": F.col("representative"),
                   "error": F.lit(None).cast("string"), "n_statements": F.lit(0)}
        return old["articles"].join(copies, "id").select(
            *[changed.get(c, F.col(c)).alias(c) for c, _ in TABLES["articles"]])

    def _copy_rows(self, regroup):
        return regroup.where("representative IS NOT NULL").select(
            F.col("representative").alias("group_id"), F.col("id").alias("article_id"), "similarity")

    # --- staging: every table's new version (or new rows) under _staging/

    def _stage(self, new: dict, old: dict, removed, redone) -> None:
        """Write every table's new rows, or its new version, under ``_staging/``. The rows of
        ``removed`` articles go; of their signatures, only those of ``redone`` ones."""
        self.files.delete(self.staging)
        replace = removed.count() > 0
        whole = {}
        for table in PER_ARTICLE:
            key = "id" if table == "articles" else "article_id"
            kept = _without(old[table], redone if table == "_minhash" else removed, key)
            self._write(new[table], "append", table)
            whole[table] = kept.unionByName(self._staged("append", table))
            if replace or (table == "_cross_items" and self.remade_items):
                self._write(whole[table], "replace", table)
        self._write(_without(old["duplicates"], removed, "article_id").unionByName(new["duplicates"]),
                    "replace", "duplicates")
        found = self._cross_found(whole["_cross_items"], old, removed)
        self._write(found, "replace", "_cross_found")
        within = _without(old["disputes"].where("article_a = article_b"), removed, "article_a")
        across = self._selected(self._staged("replace", "_cross_found"))
        self._write(within.unionByName(new["disputes"]).unionByName(across), "replace", "disputes")
        aliases, counted = self._speakers(whole["statements"], whole["entities"])
        self._write(aliases, "replace", "speaker_aliases")
        self._write(counted(self._staged("replace", "speaker_aliases")), "replace", "speakers")
        self._write(self._quotes(whole, self._staged("replace", "speaker_aliases"),
                                 self._staged("replace", "speakers")), "replace", "quotes")
        meta = {"threshold": repr(self.threshold), "cross_format": cross_format()}
        self._write(self.spark.createDataFrame(sorted(meta.items()), spark_schema("_meta")),
                    "replace", "_meta")
        self.files.touch(_join(self.staging, "_STAGED"))

    def _cross_found(self, items, old, removed):
        """Every dispute the judge finds across articles: the earlier ones, and those of the pairs
        new items make."""
        new_ids = self._staged("append", "_cross_items").select("article_id").distinct() \
            .withColumn("new", F.lit(True))
        paired = F.lit(False) if self.remade_items else F.col("new").isNull()  # remade: all are paired anew
        items = items.join(new_ids, "article_id", "left").withColumn("paired", paired).drop("new")
        items.createOrReplaceTempView("_saidwhat_items")
        from saidwhat.disputes import MAX_BLOCK

        pairs = self.spark.sql(CROSS_PAIRS_SQL.format(explode="explode", items="_saidwhat_items",
                                                      max_block=MAX_BLOCK))
        data = items.select("article_id", "item", "data")
        a = data.select(F.col("article_id").alias("article_a"), F.col("item").alias("item_a"),
                        F.col("data").alias("data_a"))
        b = data.select(F.col("article_id").alias("article_b"), F.col("item").alias("item_b"),
                        F.col("data").alias("data_b"))
        judged = pairs.join(a, ["article_a", "item_a"]).join(b, ["article_b", "item_b"]).rdd \
            .mapPartitions(_judge)
        earlier = _without(_without(old["_cross_found"], removed, "article_a"), removed, "article_b")
        return earlier.unionByName(self.spark.createDataFrame(judged, spark_schema("disputes")))

    def _selected(self, found):
        """``select_cross`` as two aggregations: the best dispute per pushback, then per pair of
        statements (each group's answer is ``select_cross`` of the group)."""
        columns = [c for c, _ in TABLES["disputes"]]
        best = (found.rdd.map(lambda r: ((r.article_b, r.b), _dispute(r))).groupByKey(self.shuffle)
                .flatMap(lambda kv: _select(kv[1]))
                .map(lambda d: (frozenset([(d.article_a, d.a), (d.article_b, d.b)]), d))
                .groupByKey(self.shuffle)
                .flatMap(lambda kv: _select(kv[1]))
                .map(lambda d: tuple(cross_dispute_row(d)[c] for c in columns)))
        return self.spark.createDataFrame(best, spark_schema("disputes"))

    def _speakers(self, statements, entities):
        """``speaker_aliases``, and a function that gives ``speakers`` from the staged aliases."""
        statements.createOrReplaceTempView("_saidwhat_statements")
        entities.createOrReplaceTempView("_saidwhat_entities")
        names = self.spark.sql(SPEAKER_NAMES_SQL.format(statements="_saidwhat_statements",
                                                        entities="_saidwhat_entities"))
        merged = self._cache(names.rdd.map(lambda r: (surname_of(r.key), (r.key, r.name, r.type, r.n)))
                             .groupByKey(self.shuffle).flatMap(lambda kv: _merge_names(kv[1])))
        aliases = self._rows_frame(merged, "speaker_aliases")
        speakers = self._rows_frame(merged, "speakers").drop("n_articles")

        def with_counts(staged_aliases):
            staged_aliases.createOrReplaceTempView("_saidwhat_aliases")
            counts = self.spark.sql(SPEAKER_ARTICLES_SQL.format(statements="_saidwhat_statements",
                                                                aliases="_saidwhat_aliases"))
            return (speakers.join(counts, "id", "left")
                    .withColumn("n_articles", F.coalesce("n_articles", F.lit(0)).cast("int"))
                    .select(*[c for c, _ in TABLES["speakers"]]))

        return aliases, with_counts

    def _quotes(self, whole: dict, aliases, speakers):
        """``quotes``: the quotes' occurrences meet through shared word shingles (a join, skipping
        shingles of more than ``quotes.MAX_BLOCK`` wordings), ``quotes.may_pair`` judges each pair,
        a label propagation makes the groups, and each group is made by ``quotes.make_quote``."""
        from saidwhat.quotes import MAX_BLOCK

        views = {"statements": whole["statements"], "articles": whole["articles"],
                 "minhash": whole["_minhash"], "aliases": aliases, "speakers": speakers}
        for name, frame in views.items():
            frame.createOrReplaceTempView(f"_saidwhat_q_{name}")
        said = self.spark.sql(QUOTE_STATEMENTS_SQL.format(**{n: f"_saidwhat_q_{n}" for n in views}))
        occ = self._cache(self.spark.createDataFrame(
            said.rdd.mapPartitions(_quote_occurrences),
            "node bigint, words array<string>, speaker string, keys array<string>, data binary"))
        nodes = occ.select("node", "words", "speaker", "keys").dropDuplicates(["node"])
        keyed = nodes.select("node", F.explode("keys").alias("key"))
        open_keys = keyed.groupBy("key").count().where(F.col("count") <= MAX_BLOCK).select("key")
        keyed = keyed.join(open_keys, "key")
        a, b = keyed.alias("a"), keyed.alias("b")
        pairs = (a.join(b, (F.col("a.key") == F.col("b.key")) & (F.col("a.node") < F.col("b.node")))
                 .select(F.col("a.node").alias("u"), F.col("b.node").alias("v")).distinct())
        for end in ("u", "v"):
            pairs = pairs.join(nodes.select(F.col("node").alias(end), F.col("words").alias(f"words_{end}"),
                                            F.col("speaker").alias(f"speaker_{end}")), end)
        same = self.spark.createDataFrame(pairs.rdd.mapPartitions(_same_quote),
                                          "u bigint, v bigint, length int, v_id bigint")
        best = Window.partitionBy("u").orderBy(F.desc("length"), F.desc("v_id"))  # ``quotes.links``
        edges = same.withColumn("n", F.row_number().over(best)).where("n = 1").select("u", "v")
        labels = components(edges).withColumnRenamed("seq", "node")
        grouped = occ.join(labels, "node", "left").select(F.coalesce("label", "node").alias("group"), "data")
        quotes = (grouped.rdd.map(lambda r: (r.group, r.data)).groupByKey(self.shuffle)
                  .flatMap(lambda kv: _quote_rows(kv[1])))
        return self.spark.createDataFrame(quotes, spark_schema("quotes"))

    def _write(self, frame, kind: str, table: str) -> None:
        path = _join(_join(self.staging, kind), table)
        frame = frame.select(*[c for c, _ in SCHEMAS[table]])
        if frame.rdd.getNumPartitions() > MAX_WRITE_TASKS:
            frame = frame.coalesce(MAX_WRITE_TASKS)
        frame.write.mode("overwrite").parquet(path)
        first = kind == "replace" or not self.files.has_parquet(_join(self.out, table))
        if first and not self.files.has_parquet(path):  # no rows: a file with the schema all the same
            empty = self.spark.createDataFrame([], spark_schema(table)).repartition(1)
            empty.write.mode("overwrite").parquet(path)

    def _staged(self, kind: str, table: str):
        return self.spark.read.schema(spark_schema(table)).parquet(_join(_join(self.staging, kind), table))

    def _cache(self, frame):
        frame = frame.persist(StorageLevel.MEMORY_AND_DISK)
        self.cached.append(frame)
        return frame


def _without(frame, ids, column: str):
    """``frame`` without the rows whose ``column`` is one of ``ids`` (a frame of ``id``)."""
    return frame.join(ids.withColumnRenamed("id", column), column, "left_anti")


def components(edges):
    """(seq, label) for every end of ``edges`` (u, v): the smallest seq of its connected component.
    Labels spread along the edges, both ways, until none changes; the driver gets one count a round."""
    both = edges.select("u", "v").union(edges.select(F.col("v").alias("u"), F.col("u").alias("v"))) \
        .distinct().persist(StorageLevel.MEMORY_AND_DISK)
    labels = both.select(F.col("u").alias("seq")).distinct().withColumn("label", F.col("seq"))
    labels = labels.localCheckpoint(eager=False)
    while True:
        offered = (both.join(labels.withColumnRenamed("seq", "u"), "u")
                   .groupBy(F.col("v").alias("seq")).agg(F.min("label").alias("offer")))
        # a checkpoint a round: the plan stays one round deep (it would double every round)
        nxt = (labels.join(offered, "seq", "left")
               .select("seq", F.least("label", F.coalesce("offer", "label")).alias("label"))
               .localCheckpoint(eager=False))
        before = labels.withColumnRenamed("label", "before")
        changed = nxt.join(before, "seq").where("label <> before").count()
        labels = nxt
        if changed == 0:
            both.unpersist()
            return labels


class _Files:
    """The output folder through Hadoop's FileSystem: local paths, hdfs:// and s3a:// alike."""

    def __init__(self, spark):
        self.jvm = spark.sparkContext._jvm
        self.conf = spark.sparkContext._jsc.hadoopConfiguration()

    def _path(self, path: str):
        return self.jvm.org.apache.hadoop.fs.Path(_location(path))

    def _fs(self, path: str):
        return self._path(path).getFileSystem(self.conf)

    def size(self, path: str) -> int:
        return self._fs(path).getContentSummary(self._path(path)).getLength()

    def exists(self, path: str) -> bool:
        return self._fs(path).exists(self._path(path))

    def delete(self, path: str) -> None:
        if self.exists(path):
            self._fs(path).delete(self._path(path), True)

    def touch(self, path: str) -> None:
        self._fs(path).create(self._path(path), True).close()

    def names(self, path: str) -> list[str]:
        return [s.getPath().getName() for s in self._fs(path).listStatus(self._path(path))] \
            if self.exists(path) else []

    def has_parquet(self, path: str) -> bool:
        return any(n.endswith(".parquet") for n in self.names(path))

    def move(self, src: str, dst: str) -> None:
        if not self._fs(src).rename(self._path(src), self._path(dst)):
            raise OSError(f"cannot move {src} to {dst}")

    def publish(self, out: str, staging: str) -> None:
        """Move a staged run into place: new files into the appended tables, the replaced tables
        swapped. Each move is done once, so a run that died half-way is finished by the next."""
        for table in self.names(_join(staging, "replace")):
            if table in PER_ARTICLE:  # rewritten whole: its appended rows are in it already
                self.delete(_join(_join(staging, "append"), table))
        for table in self.names(_join(staging, "append")):
            src, dst = _join(_join(staging, "append"), table), _join(out, table)
            if not self.exists(dst):
                self._fs(dst).mkdirs(self._path(dst))
            for name in self.names(src):
                if name.endswith(".parquet"):
                    self.move(_join(src, name), _join(dst, name))
            self.delete(src)
        for table in self.names(_join(staging, "replace")):
            self.delete(_join(out, table))
            self.move(_join(_join(staging, "replace"), table), _join(out, table))
        self.delete(staging)

    def finish_publishing(self, out: str, staging: str) -> None:
        if self.exists(_join(staging, "_STAGED")):
            self.publish(out, staging)
        else:
            self.delete(staging)


if __name__ == "__main__":  # spark-submit .../saidwhat/spark.py INPUT... --out DIR
    from saidwhat.cli import main

    sys.exit(main(["spark", *sys.argv[1:]]))
