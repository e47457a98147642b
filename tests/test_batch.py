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
from saidwhat.records import Article
from saidwhat.store import Store
from synthetic_corpus import article_text as article_text_of
from synthetic_corpus import articles, corpus_args, fake_pipeline, make_corpus, versions

ARTICLE_COLUMNS = "id, status, duplicate_of, content_hash, n_statements"


def run_fake(paths: list[str], db: Path, workers: int = 1, chunk_size: int = 4,
             article_timeout: float | None = batch.DEFAULT_TIMEOUT) -> batch.RunStats:
    return batch.run(ingest.read_paths(paths), str(db), workers=workers, chunk_size=chunk_size,
                     progress=False, pipeline_factory=fake_pipeline, article_timeout=article_timeout)


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


def story(*ids: str, changed: str | None = None) -> list:
    """The three versions of a story as articles (``changed``: that one rewritten entirely)."""
    texts = versions()
    out = []
    for aid in ids:
        text = article_text_of(99)[1] if aid == changed else texts[aid]
        out.append(Article(id=aid, text=text, title=aid, source="Wire", date="2024-05-01"))
    return out


def groups(db: Path) -> list[tuple]:
    return table(db, "SELECT id, status, duplicate_of, n_statements > 0 FROM articles ORDER BY id")


def run_articles(arts: list, db: Path, chunk_size: int = 1) -> batch.RunStats:
    return batch.run(iter(arts), str(db), chunk_size=chunk_size, progress=False,
                     pipeline_factory=fake_pipeline)


def test_the_versions_of_a_story_are_set_up_as_a_chain():
    sig = {k: dedup.signature(t) for k, t in versions().items()}

    def similar(a: str, b: str) -> bool:  # and found similar: they share an LSH band
        bands = (set(dedup.band_hashes(sig[k], dedup.DEFAULT_THRESHOLD).tolist()) for k in (a, b))
        return dedup.jaccard(sig[a], sig[b]) >= dedup.DEFAULT_THRESHOLD and bool(set.intersection(*bands))

    assert similar("early", "middle") and similar("late", "middle") and not similar("early", "late")


@pytest.mark.parametrize("chunk_size", [1, 16])
def test_an_article_joining_two_groups_makes_the_later_one_copies_of_the_earlier(tmp_path, chunk_size):
    db = tmp_path / "db.duckdb"
    run_articles(story("early", "late", "middle"), db, chunk_size)
    assert groups(db) == [("early", "ok", None, True), ("late", "duplicate", "early", False),
                          ("middle", "duplicate", "early", False)]
    assert table(db, "SELECT group_id, article_id FROM duplicates ORDER BY ALL") == [
        ("early", "late"), ("early", "middle")]
    assert table(db, "SELECT count(*) FROM statements WHERE article_id = 'late'") == [(0,)]


def test_groups_across_runs_are_those_of_one_run(tmp_path):
    run_articles(story("early", "late"), tmp_path / "split.duckdb")
    assert groups(tmp_path / "split.duckdb")[1] == ("late", "ok", None, True)
    run_articles(story("early", "late", "middle"), tmp_path / "split.duckdb")
    run_articles(story("early", "late", "middle"), tmp_path / "whole.duckdb")
    assert snapshot(tmp_path / "split.duckdb") == snapshot(tmp_path / "whole.duckdb")


def test_a_changed_article_that_held_a_group_together_splits_it(tmp_path):
    db = tmp_path / "db.duckdb"
    run_articles(story("early", "late", "middle"), db)
    redo = run_articles(story("early", "late", "middle", changed="middle"), db)
    assert (redo.processed, redo.skipped) == (2, 2)  # the changed one, and the copy it leaves alone
    assert groups(db) == [(aid, "ok", None, True) for aid in ("early", "late", "middle")]
    run_articles(story("early", "late", "middle", changed="middle"), tmp_path / "fresh.duckdb")
    assert snapshot(db) == snapshot(tmp_path / "fresh.duckdb")


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


def test_disputes_across_articles_are_judged_once_per_pair_and_stored(corpus, tmp_path, monkeypatch):
    """Every processed article gives its items; a run judges the pairs its new items make, once."""
    from saidwhat import disputes
    from saidwhat.records import Dispute

    def first_statement(article):
        st = article.statements[0]
        return [disputes.CrossItem(article.id, article.date, st, frozenset(), ("k",), ("k",))]

    judged = []

    def a000_is_answered_by_a001(a, b):
        judged.append((a.article_id, b.article_id))
        if (a.article_id, b.article_id) == ("a000", "a001"):
            return Dispute(a=a.said.id, b=b.said.id, kind="contradiction", article_a="a000", article_b="a001")
        return None

    monkeypatch.setattr(disputes, "cross_items", first_statement)
    monkeypatch.setattr(disputes, "judge_cross", a000_is_answered_by_a001)
    db = tmp_path / "db.duckdb"
    rows = make_corpus(30, copies=(3, 7))
    in_this_process = None  # no worker processes: they would not see the patched cross_items
    run_fake(corpus_args(rows[:12], tmp_path / "first"), db, article_timeout=in_this_process)
    first = len(judged)
    assert first == 9 * 8  # the 9 processed articles of the first 12 rows, each pair both ways
    run_fake(corpus, db, article_timeout=in_this_process)
    assert len(judged) - first == 30 * 29 - 9 * 8  # then only the pairs with a new article
    assert table(db, "SELECT article_a, a, article_b, b, kind FROM disputes") == [
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
