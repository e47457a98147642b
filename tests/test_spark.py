"""The Spark job (local[2]) writes what a local `saidwhat run` stores, on the same 50 articles."""

from __future__ import annotations

import os
import shutil

import duckdb
import pytest

from saidwhat import batch, ingest
from saidwhat.cli import main
from saidwhat.store import TABLES, Store
from synthetic_corpus import corpus_args, make_corpus

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


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The same corpus (50 articles, two of them republished copies, one broken line) run both ways."""
    tmp = tmp_path_factory.mktemp("spark")
    rows = make_corpus(48, copies=(3, 7))
    jsonl = corpus_args(rows, tmp)[0]
    batch.run(ingest.read_paths([jsonl]), str(tmp / "local.duckdb"), workers=1, progress=False)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    assert main(["spark", jsonl, "--out", str(tmp / "out"), "--master", "local[2]"]) == 0
    return tmp / "local.duckdb", tmp / "out"


def test_spark_statements_equal_the_local_run(runs):
    db, out = runs
    columns = ", ".join(c for c, _ in TABLES["statements"])
    local = stored(db, "statements", columns)
    assert parquet(out, "statements", columns) == local
    assert len(local) > 50


def test_spark_articles_copies_and_speakers_equal_the_local_run(runs):
    db, out = runs
    columns = ", ".join(c for c, _ in TABLES["articles"])
    assert parquet(out, "articles", columns) == stored(db, "articles", columns)
    assert parquet(out, "articles", "count(*)", "status = 'error'") == [(1,)]
    assert parquet(out, "duplicates", "*") == stored(db, "duplicates", "*")
    assert parquet(out, "disputes", "*") == stored(db, "disputes", "*")
    speakers = "id, name, n_statements, n_articles"
    assert parquet(out, "speakers", speakers) == stored(db, "speakers", speakers)


def test_every_table_is_written_with_the_store_schema(runs):
    _, out = runs
    for table, cols in TABLES.items():
        described = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{out / table}/*.parquet')").fetchall()
        assert [d[0] for d in described] == [c for c, _ in cols], table
