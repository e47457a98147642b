"""The Spark job (local[2]) writes what a local `saidwhat run` stores, on the same 53 articles; a
second Spark run into the same folder adds to the first as one run over both would."""

from __future__ import annotations

import os
import shutil

import duckdb
import pytest

from saidwhat import batch, ingest
from saidwhat.cli import main
from saidwhat.store import TABLES, Store
from synthetic_corpus import corpus_args, make_corpus, versions, write_jsonl

pytestmark = [pytest.mark.spark, pytest.mark.slow]

if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs Java (17): no `java` on PATH and no JAVA_HOME", allow_module_level=True)
pytest.importorskip("pyspark", reason="pyspark is not installed (pip install pyspark==4.3.0)")


def parquet(out, table: str, columns: str, where: str = "true") -> list[tuple]:
    source = f"read_parquet('{out / table}/*.parquet')"
    return duckdb.sql(f"SELECT {columns} FROM {source} WHERE {where} ORDER BY ALL").fetchall()


def stored(db, table: str, columns: str, where: str = "true") -> list[tuple]:
    with Store(str(db)) as s:
        return s.con.execute(f"SELECT {columns} FROM {table} WHERE {where} ORDER BY ALL").fetchall()


def story(version: str, text: str) -> dict:
    return {"id": version, "title": version, "text": text, "source": "Wire", "date": "2024-05-01"}


def as_if_the_disputes_stage_changed_since(out) -> None:
    """The next run finds the cross-article items of another version: it must make them again."""
    meta = duckdb.sql(f"SELECT key, value FROM read_parquet('{out / '_meta'}/*.parquet')").fetchall()
    shutil.rmtree(out / "_meta")
    (out / "_meta").mkdir()
    rows = [(k, "an older version" if k == "cross_format" else v) for k, v in meta]
    values = ", ".join(f"('{k}', '{v}')" for k, v in rows)
    duckdb.sql(f"COPY (SELECT * FROM (VALUES {values}) t(key, value)) TO '{out / '_meta' / 'm.parquet'}'")


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The same corpus (53 articles: two republished copies, three versions of a story of which the
    last one joins the first two into one group, one broken line) run both ways."""
    tmp = tmp_path_factory.mktemp("spark")
    rows = make_corpus(48, copies=(3, 7))
    chain = versions()
    rows[10:10] = [story("early", chain["early"]), story("late", chain["late"])]
    rows.append(story("middle", chain["middle"]))
    jsonl = corpus_args(rows, tmp)[0]
    batch.run(ingest.read_paths([jsonl]), str(tmp / "local.duckdb"), workers=1, progress=False)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    spark = ["spark", "--master", "local[2]", "--conf", "spark.driver.maxResultSize=64k"]
    assert main([*spark, jsonl, "--out", str(tmp / "out")]) == 0
    first = str(write_jsonl([r for r in rows[:30] if isinstance(r, dict)], tmp / "first.jsonl"))
    assert main([*spark, first, "--out", str(tmp / "twice")]) == 0
    as_if_the_disputes_stage_changed_since(tmp / "twice")
    assert main([*spark, jsonl, "--out", str(tmp / "twice")]) == 0
    return tmp / "local.duckdb", tmp / "out", tmp / "twice"


def test_spark_statements_equal_the_local_run(runs):
    db, out, _ = runs
    columns = ", ".join(c for c, _ in TABLES["statements"])
    local = stored(db, "statements", columns)
    assert parquet(out, "statements", columns) == local
    assert len(local) > 50


def test_spark_articles_copies_and_speakers_equal_the_local_run(runs):
    db, out, _ = runs
    columns = ", ".join(c for c, _ in TABLES["articles"])
    assert parquet(out, "articles", columns) == stored(db, "articles", columns)
    assert parquet(out, "articles", "count(*)", "status = 'error'") == [(1,)]
    assert parquet(out, "duplicates", "group_id, article_id") == [
        ("a003", "a003-copy"), ("a007", "a007-copy"), ("early", "late"), ("early", "middle")]
    assert parquet(out, "duplicates", "*") == stored(db, "duplicates", "*")
    assert parquet(out, "disputes", "*") == stored(db, "disputes", "*")
    speakers = "id, name, n_statements, n_articles"
    assert parquet(out, "speakers", speakers) == stored(db, "speakers", speakers)


def test_spark_quotes_equal_the_local_run(runs):
    db, out, _ = runs
    columns = ", ".join(c for c, _ in TABLES["quotes"])
    local = stored(db, "quotes", columns)
    assert parquet(out, "quotes", columns) == local
    assert stored(db, "quotes", "count(DISTINCT id)", "n_articles >= 2")[0][0] >= 3  # copies repeat


def test_a_second_run_adds_to_the_first_as_one_run_over_both(runs):
    _, out, twice = runs
    assert parquet(twice, "articles", "status", "id = 'late'") == [("duplicate",)]  # processed in the first
    for table, cols in TABLES.items():
        columns = ", ".join(c for c, _ in cols)
        assert parquet(twice, table, columns) == parquet(out, table, columns), table


def test_every_table_is_written_with_the_store_schema(runs):
    _, out, _ = runs
    for table, cols in TABLES.items():
        described = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{out / table}/*.parquet')").fetchall()
        assert [d[0] for d in described] == [c for c, _ in cols], table
