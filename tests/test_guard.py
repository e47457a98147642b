"""The per-article time budget: an article that hangs (where no Python signal reaches it) or kills
its worker costs only itself, in `saidwhat run` and `saidwhat extract`. The pipeline is the fake
of ``synthetic_corpus`` (HANG, DIE); the real model's cases are in test_hostile.py."""

from __future__ import annotations

import json
import time

import pytest

from saidwhat import batch, cli, ingest, pipeline
from saidwhat.guard import Failure, Guard
from saidwhat.records import Article
from saidwhat.store import Store
from synthetic_corpus import FakePipeline, corpus_args, fake_pipeline, make_corpus


def well_formed(n: int) -> list[dict]:
    return [row for row in make_corpus(n, copies=()) if isinstance(row, dict)]


def stored(db, sql: str) -> list[tuple]:
    with Store(str(db)) as s:
        return s.con.execute(sql).fetchall()


@pytest.mark.parametrize("workers", [1, 2])
def test_a_hanging_article_is_stored_as_an_error_and_its_worker_replaced(tmp_path, workers):
    rows = well_formed(6)
    rows[1]["text"] += "\nHANG\n"
    started = time.monotonic()
    stats = batch.run(ingest.read_paths(corpus_args(rows, tmp_path)), str(tmp_path / "db.duckdb"),
                      workers=workers, chunk_size=3, progress=False, pipeline_factory=fake_pipeline,
                      article_timeout=1)
    assert time.monotonic() - started < 60
    assert (stats.processed, stats.errors) == (5, 1)
    db = tmp_path / "db.duckdb"
    errors = stored(db, "SELECT id, error FROM articles WHERE status = 'error' ORDER BY id")
    assert errors == [(rows[1]["id"], "took longer than 1 s (--article-timeout); its worker was replaced")]
    assert stored(db, "SELECT count(*) FROM articles WHERE status = 'ok' AND n_statements > 0") == [(5,)]


def test_a_worker_killed_mid_article_costs_only_that_article(tmp_path):
    rows = well_formed(4)
    rows[2]["text"] += "\nDIE\n"
    stats = batch.run(ingest.read_paths(corpus_args(rows, tmp_path)), str(tmp_path / "db.duckdb"),
                      chunk_size=2, progress=False, pipeline_factory=fake_pipeline)
    assert (stats.processed, stats.errors) == (3, 1)
    assert stored(tmp_path / "db.duckdb", f"SELECT error FROM articles WHERE id = '{rows[2]['id']}'") == [
        ("its worker process died (killed by SIGKILL: out of memory?) and was replaced",)]


def test_results_come_back_in_order_with_failures_in_place():
    texts = ["One. HANG", "Two.", "Three. FAIL", "Four."]
    with Guard(fake_pipeline, timeout=1, start="fork") as guard:
        results = guard.results([Article(id=str(i), text=t) for i, t in enumerate(texts)])
    assert [r.kind if isinstance(r, Failure) else r.id for r in results] == ["timeout", "1", "error", "3"]
    assert results[2].message == "ValueError: this article makes the pipeline fail"


def test_extract_reports_a_hanging_article_and_goes_on(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(pipeline, "Pipeline", lambda **_: FakePipeline())
    texts = ['"It is fine," Ann Lee said.', '"It is fine," Ann Lee said. HANG', '"Fine," Bo Li said.']
    lines = [json.dumps({"id": f"a{i}", "text": text}) for i, text in enumerate(texts)]
    (tmp_path / "c.jsonl").write_text("\n".join(lines), encoding="utf-8")
    code = cli.main(["extract", "-f", "jsonl", "--article-timeout", "1", str(tmp_path / "c.jsonl")])
    out, err = capsys.readouterr()
    assert code == 0
    assert [json.loads(x)["id"] for x in out.splitlines()] == ["a0", "a2"]
    assert err.splitlines() == [
        "saidwhat: a1: took longer than 1 s (--article-timeout); its worker was replaced; skipped"]


def test_article_timeout_option_is_checked(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["extract", "--article-timeout", "soon"])
    assert exc.value.code == 2 and "'soon' is not a number of seconds" in capsys.readouterr().err


class _ThreadCount:
    """A pipeline that writes into each article's title how many threads its worker has."""

    def process_many(self, articles):
        import threading

        for article in articles:
            article.title = str(threading.active_count())
            yield article


def test_a_worker_runs_on_one_thread():
    # A process that has ever had a second thread loses glibc's single-thread fast paths: the
    # worker parsed 8% slower with a thread watching for its parent; a timer signal watches now
    # (test_batch: workers of a run killed with SIGKILL exit).
    import signal

    with Guard(_ThreadCount, timeout=10, start="fork") as guard:
        results = guard.results([Article(id=str(i), text="Text.") for i in range(3)])
    assert [r.title for r in results] == ["1", "1", "1"]
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # the timer is the worker's, not ours
