"""What the Spark job costs on the driver at scale: near-duplicate groups and the speaker merge over
about a million articles' worth of synthetic rows (no NLP), with spark.driver.maxResultSize=256k.

    PYTHONPATH=src .venv/bin/python bench/bench_spark_driver.py                 # 1,000,000 articles
    PYTHONPATH=src .venv/bin/python bench/bench_spark_driver.py --articles 200000 --old

The signatures are random MinHash values, one article in ``--copy-every`` a near-duplicate of the
one before (8 of 128 values changed); every article has ``--names`` statements whose speakers come
from a pool of first names and surnames (a few common, most rare), some with a title or by surname
alone. The job's own steps run on them (``Job._group``, ``Job._speakers``, as ``saidwhat spark``
runs them) with spark.driver.maxResultSize=256k, and the bench reports, per step, wall time and
the driver's peak memory: the Python process (where a collect() lands), and the JVM heap (which
in local mode holds the executors' work too, so it is an upper bound).

``--old`` times instead what the job did before on the driver: collect every signature and group
them in one Python process (``dedup.Deduper``), and merge the speakers from every statement's name
in Python (``store.build_speakers``), with the driver's memory for it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import threading
import time
from pathlib import Path

import numpy as np

from saidwhat import dedup
from saidwhat import spark as job_module
from saidwhat.store import NameUse, build_speakers

FIRST = ["james", "mary", "john", "patricia", "robert", "jennifer", "michael", "linda", "david", "elizabeth",
         "william", "barbara", "richard", "susan", "joseph", "jessica", "thomas", "sarah", "charles", "karen"]
TITLES = ["", "", "", "President ", "Senator ", "Mr. ", "Dr. "]


def synthetic_plan(spark, articles: int, copy_every: int, threshold: float, partitions: int):
    """The rows ``Job._plan`` gives, for synthetic articles."""
    schema = job_module.spark_schema([("id", "VARCHAR"), ("seq", "BIGINT"), ("signature", "BLOB"),
                                      ("bands", "BIGINT[]"), ("redo", "BOOLEAN")])

    def rows(part: int, _items):
        lo, hi = part * articles // partitions, (part + 1) * articles // partitions
        rng = np.random.default_rng(part)
        sigs = rng.integers(0, 2**32, size=(hi - lo, dedup.NUM_PERM), dtype=np.uint64)
        for i in range(1, hi - lo):
            if (lo + i) % copy_every == 0:
                sigs[i] = sigs[i - 1]
                changed = rng.choice(dedup.NUM_PERM, 8, replace=False)
                sigs[i, changed] = rng.integers(0, 2**32, 8, dtype=np.uint64)
        bands = dedup.band_hashes(sigs, threshold)
        for i in range(hi - lo):
            yield (f"a{lo + i:08d}", lo + i, dedup.signature_to_bytes(sigs[i]), bands[i].tolist(), False)

    data = spark.sparkContext.parallelize(range(partitions), partitions).mapPartitionsWithIndex(rows)
    return spark.createDataFrame(data, schema)


def synthetic_names(spark, articles: int, per_article: int, partitions: int):
    """``statements`` and ``entities`` rows as far as the speaker merge reads them."""
    from pyspark.sql import functions as F

    n = articles * per_article
    surnames = F.concat(F.lit("surname"), (F.pow(F.rand(1), 3) * 200_000).cast("int").cast("string"))
    first = F.element_at(F.array(*[F.lit(f) for f in FIRST]), (F.rand(2) * len(FIRST)).cast("int") + 1)
    title = F.element_at(F.array(*[F.lit(t) for t in TITLES]), (F.rand(3) * len(TITLES)).cast("int") + 1)
    alone = F.rand(4) < 0.3
    st = (spark.range(0, n, numPartitions=partitions)
          .withColumn("article_id", F.format_string("a%08d", (F.col("id") / per_article).cast("long")))
          .withColumn("last", surnames).withColumn("first", first)
          .withColumn("speaker_name", F.when(alone, F.concat(title, F.initcap("last")))
                      .otherwise(F.concat(title, F.initcap("first"), F.lit(" "), F.initcap("last"))))
          .withColumn("speaker_key",
                      F.when(alone, F.col("last")).otherwise(F.concat_ws(" ", "first", "last")))
          .withColumn("speaker_entity", F.concat(F.lit("e"), (F.col("id") % per_article).cast("string"))))
    statements = st.select("article_id", "speaker_name", "speaker_key", "speaker_entity")
    entities = st.select("article_id", F.col("speaker_entity").alias("id"),
                         F.when(F.rand(5) < 0.9, "person").otherwise("organisation").alias("type"))
    return statements, entities


class Driver:
    """The driver's peak memory: this Python process, and the JVM's heap sampled every 0.2 s."""

    def __init__(self, spark):
        self.bean = spark.sparkContext._jvm.java.lang.management.ManagementFactory.getMemoryMXBean()
        self.jvm_peak = 0
        self._stop = threading.Event()
        threading.Thread(target=self._sample, daemon=True).start()

    def _sample(self) -> None:
        while not self._stop.wait(0.2):
            try:
                self.jvm_peak = max(self.jvm_peak, self.bean.getHeapMemoryUsage().getUsed())
            except Exception:  # the session is going away
                return

    def stop(self) -> None:
        self._stop.set()

    @staticmethod
    def python_peak_mb() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def step(name: str, report: dict, fn):
    started = time.perf_counter()
    value = fn()
    seconds = time.perf_counter() - started
    report[name] = {"seconds": round(seconds, 1), "python_driver_peak_mb": round(Driver.python_peak_mb())}
    print(f"{name}: {seconds:.1f} s, Python driver peak {Driver.python_peak_mb():.0f} MB", flush=True)
    return value


def new_job(spark, args, report: dict) -> None:
    from pyspark.sql import functions as F

    job = job_module.Job(spark, str(args.tmp / "none"), args.threshold, None)
    job.shuffle = args.partitions
    old = job._previous()
    plan = job._cache(synthetic_plan(spark, args.articles, args.copy_every, args.threshold, args.partitions))
    step("signatures (made on the workers)", report, plan.count)
    fresh, _regroup = job._group(plan, old)
    counts = step("near-duplicate groups", report,
                  lambda: dict(fresh.groupBy("status").agg(F.count("*")).collect()))
    report["groups"] = counts
    statements, entities = synthetic_names(spark, args.articles, args.names, args.partitions)
    aliases, counted = job._speakers(statements, entities)
    path = str(args.tmp / "aliases")
    step("speaker merge", report, lambda: (aliases.write.mode("overwrite").parquet(path),
                                                 counted(spark.read.parquet(path)).write.mode("overwrite")
                                                 .parquet(str(args.tmp / "speakers"))))
    report["speakers"] = spark.read.parquet(str(args.tmp / "speakers")).count()
    for frame in job.cached:
        frame.unpersist()


def old_driver_steps(spark, args, report: dict) -> None:
    """The driver side of the job before: every signature collected and grouped in one process,
    every name use merged in Python."""
    plan = synthetic_plan(spark, args.articles, args.copy_every, args.threshold, args.partitions)
    rows = step("before: collect the signatures", report,
                lambda: plan.select("id", "signature").collect())
    deduper = dedup.Deduper(args.threshold)

    def group() -> int:
        copies = 0
        for r in rows:
            copies += deduper.assign(r.id, dedup.signature_from_bytes(r.signature)) is not None
        return copies

    report["before_copies"] = step("before: group on the driver", report, group)
    statements, entities = synthetic_names(spark, args.articles, args.names, args.partitions)
    uses = step("before: collect the names", report,
                lambda: statements.join(entities.withColumnRenamed("id", "speaker_entity"),
                                        ["article_id", "speaker_entity"], "left").collect())
    step("before: merge on the driver", report,
         lambda: build_speakers(NameUse(u.speaker_key, u.speaker_name, u.type or "person", u.article_id)
                                for u in uses))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=1_000_000)
    ap.add_argument("--names", type=int, default=8, help="statements with a named speaker per article")
    ap.add_argument("--copy-every", type=int, default=20)
    ap.add_argument("--partitions", type=int, default=16)
    ap.add_argument("--threshold", type=float, default=dedup.DEFAULT_THRESHOLD)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--driver-memory", default="2g")
    ap.add_argument("--old", action="store_true", help="time the driver-side steps of before instead")
    ap.add_argument("--tmp", type=Path, default=Path("/tmp/saidwhat-bench/spark-driver"))
    args = ap.parse_args()

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    max_result = "0" if args.old else "256k"
    spark = (SparkSession.builder.master(args.master).appName("bench_spark_driver")
             .config("spark.driver.maxResultSize", max_result)
             .config("spark.driver.memory", args.driver_memory)
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.shuffle.partitions", str(args.partitions))
             .config("spark.sql.autoBroadcastJoinThreshold", "-1")
             .config("spark.sql.adaptive.autoBroadcastJoinThreshold", "-1").getOrCreate())
    driver = Driver(spark)
    report: dict = {"articles": args.articles, "named_statements": args.articles * args.names,
                    "master": args.master, "spark.driver.maxResultSize": max_result,
                    "load_before": round(os.getloadavg()[0], 2)}
    try:
        if args.old:
            old_driver_steps(spark, args, report)
        else:
            new_job(spark, args, report)
    finally:
        driver.stop()
        report["jvm_heap_peak_mb"] = round(driver.jvm_peak / 2**20)
        report["python_driver_peak_mb"] = round(Driver.python_peak_mb())
        spark.stop()
    out = args.tmp / "bench_spark_driver.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    print(f"written to {out}")


if __name__ == "__main__":
    main()
