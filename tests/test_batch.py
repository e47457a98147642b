"""Batch runs: near-duplicates, workers, bad articles, resume, and a run killed with SIGKILL."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from saidwhat import batch, dedup, ingest
from saidwhat.cli import main
from saidwhat.store import Store
from synthetic_corpus import articles, corpus_args, fake_pipeline, make_corpus

ARTICLE_COLUMNS = "id, status, duplicate_of, content_hash, n_statements"


def run_fake(paths: list[str], db: Path, workers: int = 1, chunk_size: int = 4) -> batch.RunStats:
    return batch.run(ingest.read_paths(paths), str(db), workers=workers, chunk_size=chunk_size,
                     progress=False, pipeline_factory=fake_pipeline)


def table(db: Path, sql: str) -> list[tuple]:
    with Store(str(db)) as s:
        return s.con.execute(sql).fetchall()


def snapshot(db: Path) -> tuple[list, list]:
    arts = table(db, f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY id")
    stmts = table(db, "SELECT * FROM statements ORDER BY article_id, id")
    return arts, stmts


# --- near-duplicates -----------------------------------------------------------------------------


def test_republished_copies_are_near_duplicates_and_other_articles_are_not():
    arts = {a.id: a for a in articles(make_corpus(12, copies=(3,)))}
    d = dedup.Deduper()
    matches = {aid: d.assign(aid, dedup.signature(a.text)) for aid, a in arts.items()}
    assert matches["a003-copy"].representative == "a003"
    assert matches["a003-copy"].similarity >= dedup.DEFAULT_THRESHOLD
    assert [aid for aid, m in matches.items() if m] == ["a003-copy"]
    assert len(d) == 12  # copies are never representatives


def test_shingles_ignore_case_and_punctuation():
    same = dedup.shingles("hello world how ARE you today.")
    assert dedup.shingles("Hello, World! How are you today") == same
    assert dedup.signature("") is None


# --- runs with a fake pipeline (no spaCy) -------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    return corpus_args(make_corpus(30, copies=(3, 7)), tmp_path_factory.mktemp("corpus"))


def test_a_run_stores_each_article_links_copies_and_records_bad_input(corpus, tmp_path):
    stats = run_fake(corpus, tmp_path / "db.duckdb")
    assert (stats.processed, stats.duplicates, stats.errors) == (30, 2, 1)
    rows = table(tmp_path / "db.duckdb", "SELECT id, status, duplicate_of, error FROM articles")
    assert len(rows) == len({r[0] for r in rows}) == 33
    assert {r[0]: r[2] for r in rows if r[1] == "duplicate"} == {"a003-copy": "a003", "a007-copy": "a007"}
    assert [bool(r[3]) for r in rows if r[1] == "error"] == [True]
    copied = "SELECT count(*) FROM statements WHERE article_id LIKE '%copy'"
    assert table(tmp_path / "db.duckdb", copied) == [(0,)]
    assert stats.statements == table(tmp_path / "db.duckdb", "SELECT count(*) FROM statements")[0][0] > 0


def test_a_second_run_only_skips_and_a_changed_article_is_redone(corpus, tmp_path):
    db = tmp_path / "db.duckdb"
    run_fake(corpus, db)
    before = snapshot(db)
    again = run_fake(corpus, db)
    assert (again.committed, again.skipped) == (0, 33)
    assert snapshot(db) == before

    rows = make_corpus(30, copies=(3, 7))
    (edited,) = [r for r in rows if isinstance(r, dict) and r["id"] == "a010"]
    edited["text"] = edited["text"].replace("We will finish", "We shall never finish")
    redo = run_fake(corpus_args(rows, tmp_path / "changed"), db)
    assert (redo.processed, redo.duplicates) == (1, 0)
    contents = table(db, "SELECT content FROM statements WHERE article_id = 'a010'")
    assert any("never" in c for (c,) in contents)


def test_two_workers_store_exactly_what_one_worker_stores(corpus, tmp_path):
    run_fake(corpus, tmp_path / "one.duckdb", workers=1)
    stats = run_fake(corpus, tmp_path / "two.duckdb", workers=2, chunk_size=3)
    assert stats.peak_worker_rss_mb > 0
    assert snapshot(tmp_path / "two.duckdb") == snapshot(tmp_path / "one.duckdb")


def test_an_input_reusing_an_id_is_skipped_and_counted(tmp_path):
    arts = articles(make_corpus(3, copies=()))
    arts.append(type(arts[0])(id=arts[0].id, text="Another text under the same id, a reporter said."))
    stats = batch.run(iter(arts), str(tmp_path / "db.duckdb"), progress=False, pipeline_factory=fake_pipeline)
    assert (stats.processed, stats.repeated_ids) == (3, 1)
    assert "1 inputs skipped: their id was taken" in stats.summary("db")


def test_an_article_that_breaks_the_pipeline_is_recorded_and_the_run_goes_on(tmp_path):
    rows = make_corpus(6, copies=())
    rows[2]["text"] += "\nFAIL\n"
    stats = run_fake(corpus_args(rows, tmp_path), tmp_path / "db.duckdb", chunk_size=3)
    assert (stats.processed, stats.errors) == (5, 2)  # the broken line and the failing article
    assert table(tmp_path / "db.duckdb", f"SELECT error FROM articles WHERE id = '{rows[2]['id']}'") == [
        ("ValueError: this article makes the pipeline fail",)]


def test_disputes_across_articles_are_stored_when_the_disputes_stage_finds_them(corpus, tmp_path,
                                                                                monkeypatch):
    from saidwhat import disputes
    from saidwhat.records import Dispute

    def first_statements_disagree(arts):
        with_statements = [a for a in arts if a.statements]
        a, b = with_statements[0], with_statements[1]
        return [Dispute(a=a.statements[0].id, b=b.statements[0].id, kind="contradiction",
                        article_a=a.id, article_b=b.id)]

    monkeypatch.setattr(disputes, "find_cross_disputes", first_statements_disagree, raising=False)
    run_fake(corpus, tmp_path / "db.duckdb")
    assert table(tmp_path / "db.duckdb", "SELECT article_a, a, article_b, b, kind FROM disputes") == [
        ("a000", "s1", "a001", "s1", "contradiction")]


def test_query_speakers_and_export_commands(corpus, tmp_path, capsys):
    db = tmp_path / "db.duckdb"
    run_fake(corpus, db)
    assert main(["query", "--db", str(db), "--speaker", "Lopez", "--text", "finish", "-f", "json"]) == 0
    out = capsys.readouterr().out
    assert '"speaker": "Maria Lopez"' in out and "We will finish" in out
    assert main(["query", "--db", str(db), "--speaker", "Tanaka", "-f", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("article_id,statement,speaker") and len(lines) > 2
    assert main(["speakers", "--db", str(db), "-f", "table"]) == 0
    assert "Maria Lopez" in capsys.readouterr().out
    assert main(["export", "--db", str(db), "--out", str(tmp_path / "x"), "-f", "csv"]) == 0
    assert (tmp_path / "x" / "statements.csv").exists()
    assert main(["query", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert main(["query", "--db", str(db), "--from", "last week"]) == 1
    assert "not a date" in capsys.readouterr().err


# --- the real pipeline, killed with SIGKILL halfway ---------------------------------------------


class Progress:
    """Follows the progress bar a `saidwhat run` prints, as the count of committed articles."""

    def __init__(self, proc: subprocess.Popen):
        self.done, self.text = 0, ""
        self._thread = threading.Thread(target=self._read, args=(proc.stderr,), daemon=True)
        self._thread.start()

    def _read(self, stream) -> None:
        for chunk in iter(lambda: stream.read1(256), b""):
            self.text += chunk.decode("utf-8", "replace")
            counts = re.findall(r"\| *(\d+)/\d+ \[", self.text)
            if counts:
                self.done = int(counts[-1])


def children(pid: int) -> list[int]:
    """Process ids whose parent is ``pid`` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def gone(pids: list[int], within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not any(alive(p) for p in pids):
            return True
        time.sleep(0.1)
    return False


def run_command(paths: list[str], db: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "saidwhat.cli", "run", *paths, "--db", str(db), "--workers", str(workers),
            "--chunk-size", "2"]


@pytest.mark.slow
def test_a_run_killed_halfway_and_rerun_equals_an_uninterrupted_run(tmp_path):
    rows = make_corpus(50, copies=(3, 7, 30))
    paths = corpus_args(rows, tmp_path)
    total = len(rows)

    proc = subprocess.Popen(run_command(paths, tmp_path / "killed.duckdb", workers=2), stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL)
    progress = Progress(proc)
    deadline = time.monotonic() + 120
    while progress.done < 12 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    workers = children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, progress.text[-500:]
    reported = progress.done
    committed = table(tmp_path / "killed.duckdb", "SELECT count(*) FROM articles")[0][0]
    assert 12 <= reported <= committed < total  # nothing reported is lost, and the run was cut short

    assert len(workers) >= 2 and gone(workers, within=10), "worker processes outlived the killed run"

    rerun = subprocess.run(run_command(paths, tmp_path / "killed.duckdb", workers=2), capture_output=True,
                           text=True, timeout=300)
    whole = subprocess.run(run_command(paths, tmp_path / "whole.duckdb", workers=1), capture_output=True,
                           text=True, timeout=300)
    assert rerun.returncode == whole.returncode == 0, rerun.stderr[-500:] + whole.stderr[-500:]
    assert f"{committed} already done" in rerun.stdout

    ids = table(tmp_path / "killed.duckdb", "SELECT id FROM articles")
    assert len(ids) == len(set(ids)) == total
    killed, uninterrupted = snapshot(tmp_path / "killed.duckdb"), snapshot(tmp_path / "whole.duckdb")
    assert killed == uninterrupted
    assert len(killed[1]) > 0, "the real pipeline found no statements"
