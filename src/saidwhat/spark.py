"""The corpus pipeline as a Spark job: JSONL or Parquet in, one Parquet folder per store table out.

Three steps, each the local run's logic reused:
1. in parallel, every record is parsed and gets its content hash and MinHash signature;
2. on the driver, near-duplicates are decided in corpus order (``dedup.Deduper``, as in
   ``batch``), so Spark and a local run pick the same representatives;
3. in parallel (``mapPartitions``), representatives go through ``Pipeline`` (in a worker process
   of each Python worker, which Spark reuses across partitions, so the model loads once; each
   article within ``--article-timeout``, see ``guard``) and every outcome becomes the rows
   ``store.article_rows`` makes. Speakers across articles are merged on the driver.

The tables have the schema of ``store.TABLES``, so Parquet from Spark and ``saidwhat export``
can be read the same way.
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
from saidwhat import dedup, guard
from saidwhat.records import Article, article_from_dict, article_to_dict
from saidwhat.store import (
    DUPLICATE,
    ERROR,
    OK,
    TABLES,
    Outcome,
    article_rows,
    build_speakers,
    content_hash,
    name_uses,
)

ARTICLES_PER_PARTITION = 200


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


# --- step 1 and 2: hashes, signatures, near-duplicates ----------------------------------------


def _plan_partition(items: Iterable[tuple[tuple, Any]]) -> Iterator[tuple]:
    for key, record in items:
        article = record_article(record)
        if article is None:
            continue
        if isinstance(article, tuple):
            yield key, article[0], None, None, article[1]
        else:
            sig = dedup.signature(article.text)
            yield (key, article.id, content_hash(article),
                   dedup.signature_to_bytes(sig) if sig is not None else None, None)


def decide(plan: list[tuple], threshold: float) -> dict[tuple, tuple]:
    """Corpus position -> (status, duplicate_of, similarity, error); a repeated id is dropped."""
    deduper = dedup.Deduper(threshold)
    seen: set[str] = set()
    decisions: dict[tuple, tuple] = {}
    for index, aid, _hash, sig_bytes, error in sorted(plan):
        if aid in seen:
            continue
        seen.add(aid)
        if error is not None:
            decisions[index] = (ERROR, None, None, error)
            continue
        sig = dedup.signature_from_bytes(sig_bytes) if sig_bytes is not None else None
        match = deduper.assign(aid, sig)
        decisions[index] = (DUPLICATE, match.representative, match.similarity, None) if match else \
            (OK, None, None, None)
    return decisions


# --- step 3: the pipeline, once per Python worker ---------------------------------------------


def _outcomes(items: Iterable[tuple[tuple, Any]], decisions: dict[tuple, tuple],
              batch_size: int = 16, timeout: float | None = guard.DEFAULT_TIMEOUT) -> Iterator[Outcome]:
    todo: list[Outcome] = []
    for key, record in items:
        if key not in decisions:
            continue
        status, dup_of, similarity, error = decisions[key]
        article = record_article(record)
        if isinstance(article, tuple):
            yield Outcome(Article(id=article[0], text=""), status=ERROR, error=error,
                          content_hash=content_hash(Article(id="", text=error)))
            continue
        outcome = Outcome(article, status=status, duplicate_of=dup_of, similarity=similarity,
                          content_hash=content_hash(article))
        if status != OK:
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


def _rows_partition(items: Iterable[tuple[tuple, Any]], decisions: dict[tuple, tuple], keep_articles: bool,
                    timeout: float | None = guard.DEFAULT_TIMEOUT) -> Iterator[tuple[str, Any]]:
    for outcome in _outcomes(items, decisions, timeout=timeout):
        for table, rows in article_rows(outcome).items():
            for row in rows:
                yield table, tuple(row.get(c) for c, _ in TABLES[table])
        if keep_articles and outcome.status == OK:
            yield "_article", json.dumps(article_to_dict(outcome.article))


# --- the job ------------------------------------------------------------------------------------


def spark_schema(table: str):
    from pyspark.sql import types as T

    kinds = {"VARCHAR": T.StringType(), "INTEGER": T.IntegerType(), "DOUBLE": T.DoubleType(),
             "VARCHAR[]": T.ArrayType(T.StringType())}
    return T.StructType([T.StructField(c, kinds[t], True) for c, t in TABLES[table]])


def session(master: str | None = None):
    """A Spark session: ``master`` if given, what spark-submit set, else ``local[*]``."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("saidwhat")
    if master or "PYSPARK_GATEWAY_PORT" not in os.environ:
        master = master or "local[*]"
        builder = builder.master(master)
        if master.startswith("local"):
            os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
            builder = builder.config("spark.ui.enabled", "false")
    return builder.getOrCreate()


def run_job(inputs: list[str], out: str, master: str | None = None, partitions: int | None = None,
            threshold: float = dedup.DEFAULT_THRESHOLD, spark=None,
            article_timeout: float | None = guard.DEFAULT_TIMEOUT) -> dict[str, int]:
    """Process ``inputs`` and write ``out/<table>/`` Parquet folders; return the row counts.

    An article over ``article_timeout`` seconds is stored as an error (see ``guard``)."""
    from pyspark import StorageLevel

    from saidwhat import disputes

    own_session = spark is None
    spark = spark or session(master)
    try:
        records = read_records(spark, inputs).persist(StorageLevel.MEMORY_AND_DISK)
        plan = records.mapPartitions(_plan_partition).collect()
        decisions = decide(plan, threshold)
        order = {aid: key for key, aid, *_ in sorted(plan, reverse=True)}  # an id's first position
        n = partitions or max(spark.sparkContext.defaultParallelism,
                              math.ceil(len(decisions) / ARTICLES_PER_PARTITION))
        bc = spark.sparkContext.broadcast(decisions)
        keep = hasattr(disputes, "find_cross_disputes")
        rows = (records.repartition(n)
                .mapPartitions(lambda it: _rows_partition(it, bc.value, keep, article_timeout))
                .persist(StorageLevel.MEMORY_AND_DISK))
        counts = {}
        for table in ("articles", "statements", "entities", "disputes", "duplicates"):
            data = rows.filter(lambda r, t=table: r[0] == t).map(lambda r: r[1])
            extra = _cross_disputes(rows, order) if table == "disputes" and keep else []
            if extra:
                data = data.union(spark.sparkContext.parallelize(extra, 1))
            counts[table] = _write(spark, data, table, out)
        counts.update(_write_speakers(spark, out))
        rows.unpersist()
        records.unpersist()
        return counts
    finally:
        if own_session:
            spark.stop()


def _write(spark, data, table: str, out: str) -> int:
    frame = spark.createDataFrame(data, spark_schema(table))
    frame.write.mode("overwrite").parquet(_join(out, table))
    return spark.read.parquet(_join(out, table)).count()


def _cross_disputes(rows, order: dict[str, tuple]) -> list[tuple]:
    """Disputes across articles, found on the driver over all processed articles in corpus order
    (the order a local run gives them in)."""
    from saidwhat import disputes
    from saidwhat.store import dispute_row

    kept = rows.filter(lambda r: r[0] == "_article").collect()
    articles = sorted((article_from_dict(json.loads(r[1])) for r in kept), key=lambda a: order[a.id])
    found = disputes.find_cross_disputes(articles)
    return [tuple(dispute_row({"a": d.a, "b": d.b, "kind": d.kind, "evidence": d.evidence,
                                "confidence": d.confidence, "article_a": d.article_a,
                                "article_b": d.article_b}, "").get(c) for c, _ in TABLES["disputes"])
            for d in found]


def _write_speakers(spark, out: str) -> dict[str, int]:
    """``speakers`` and ``speaker_aliases``: the names are few, so they are merged on the driver."""
    statements = spark.read.parquet(_join(out, "statements")) \
        .select("article_id", "speaker_name", "speaker_key", "speaker_entity") \
        .where("speaker_key IS NOT NULL").collect()
    entities = spark.read.parquet(_join(out, "entities")).select("article_id", "id", "type").collect()
    speakers, aliases = build_speakers(name_uses([r.asDict() for r in statements],
                                                 [r.asDict() for r in entities]))
    counts = {}
    for table, rows in (("speakers", speakers), ("speaker_aliases", aliases)):
        data = spark.sparkContext.parallelize([tuple(r.get(c) for c, _ in TABLES[table]) for r in rows], 1)
        counts[table] = _write(spark, data, table, out)
    return counts


if __name__ == "__main__":  # spark-submit .../saidwhat/spark.py INPUT... --out DIR
    from saidwhat.cli import main

    sys.exit(main(["spark", *sys.argv[1:]]))
