"""Hostile input with the real model: pages of punctuation, endless sentences, words without
spaces, articles over their time budget. None may stall or crash a run (issue 12's bars)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from saidwhat import ingest
from saidwhat.nlp import MAX_SENTENCE_TOKENS, MAX_WORD_CHARS, pipe_bounded
from saidwhat.pipeline import Pipeline
from saidwhat.records import Article
from saidwhat.store import Store
from saidwhat.web import create_app

pytestmark = pytest.mark.slow

SRC = str(Path(__file__).resolve().parents[1] / "src")
QUOTES = '"' * 200_000
SLOW_TEXT = "a-" * 70_000  # 140,000 one-character tokens: about a minute of parsing, linear but long
SHORT = "Vote ahead\nThe council will vote on the bridge, Mayor Jane Holt said on Monday.\n"


def saidwhat(*args: str, timeout: float) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": SRC}
    return subprocess.run([sys.executable, "-m", "saidwhat.cli", *args], capture_output=True, text=True,
                          env=env, timeout=timeout)


def test_extract_finishes_a_page_of_quotation_marks_beside_a_normal_article(tmp_path):
    (tmp_path / "quotes.txt").write_text(QUOTES, encoding="utf-8")
    started = time.monotonic()
    proc = saidwhat("extract", "-f", "json", str(tmp_path / "quotes.txt"), ingest.SAMPLE_PATH, timeout=240)
    assert proc.returncode == 0, proc.stderr
    assert time.monotonic() - started < 120
    quotes, sample = json.loads(proc.stdout)
    assert (quotes["id"], quotes["statements"]) == ("quotes", [])
    assert len(sample["statements"]) >= 25
    assert "saidwhat: quotes: 199,992 of its 200,000 characters were not parsed (runs of punctuation or " \
           "symbols)" in proc.stderr


def test_run_stores_every_article_and_the_one_over_its_time_budget_as_an_error(tmp_path):
    sample = Path(ingest.SAMPLE_PATH).read_text(encoding="utf-8")
    rows = [{"id": "sample", "text": sample}, {"id": "quotes", "text": QUOTES},
            {"id": "slow", "text": SLOW_TEXT}, {"id": "short", "text": SHORT}]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "db.duckdb"
    proc = saidwhat("run", str(corpus), "--db", str(db), "--workers", "2", "--article-timeout", "5", "-q",
                    "--no-cross-disputes", timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "saidwhat: error: slow: took longer than 5 s (--article-timeout); its worker was replaced" \
        in proc.stderr
    with Store(str(db)) as store:
        stored = dict(store.con.execute("SELECT id, status FROM articles").fetchall())
        found = dict(store.con.execute("SELECT id, n_statements FROM articles").fetchall())
    assert stored == {"sample": "ok", "quotes": "ok", "slow": "error", "short": "ok"}
    assert found["sample"] >= 25 and found["short"] == 1


def test_web_app_refuses_a_lone_surrogate_and_gives_up_a_slow_article_then_goes_on():
    with TestClient(create_app(article_timeout=2)) as client:  # the real model, in a worker process
        lone = client.post("/api/extract", content=b'{"text": "\\ud800"}',
                           headers={"content-type": "application/json"})
        assert lone.status_code == 422 and "lone surrogate" in lone.json()["detail"]
        started = time.monotonic()
        slow = client.post("/api/extract", json={"text": SLOW_TEXT})
        assert slow.status_code == 422 and "took longer than 2 s" in slow.json()["detail"]
        assert time.monotonic() - started < 30
        page = client.post("/article", data={"text": SLOW_TEXT, "title": ""})
        assert page.status_code == 422 and "took longer than 2 s" in page.text
        answer = client.post("/api/extract", json={"text": SHORT})
        assert answer.status_code == 200 and answer.json()["statements"][0]["speaker"]["name"] == "Jane Holt"


HOSTILE = {  # the first two took 1-2 minutes each before (quadratic), the others are 6,000 characters
    "endless sentence with a cue every few words": 'He said "yes ' * 1_540,
    "quotation marks without spaces": "\u201c\u2018\u00ab" * 6_700,
    "full stops the parser ignores": "1. " * 2_000,
    "semicolons": "yes; " * 1_200,
    "hyphenated word": "a-" * 3_000,
    "brackets in a word": "(a)" * 2_000,
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_texts_take_linear_time(nlp, text):
    started = time.perf_counter()
    article = Pipeline(nlp=nlp).process(Article(id="x", text=text))
    assert time.perf_counter() - started < 2 + 0.002 * len(text)
    assert article.text == text
    assert all(text[s.content.start : s.content.end] == s.content.text for s in article.statements)


@pytest.mark.parametrize("name", ["endless sentence with a cue every few words", "semicolons",
                                  "full stops the parser ignores", "hyphenated word"])
def test_sentences_and_words_are_bounded_and_the_text_kept(nlp, name):
    ((doc, _),) = pipe_bounded(nlp, [(HOSTILE[name], None)], 1)
    assert doc.text == HOSTILE[name]
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS + 1
    assert max(len(t) for t in doc) <= MAX_WORD_CHARS


def test_news_is_tokenized_as_spacy_tokenizes_it(nlp):
    text = Path(ingest.SAMPLE_PATH).read_text(encoding="utf-8") + " https://example.com/" + "x" * 150
    ours, spacys = [t.text for t in nlp.make_doc(text)], [t.text for t in nlp.tokenizer.tokenizer(text)]
    assert ours[:-2] == spacys[:-1]
    assert ours[-2:] == [spacys[-1][:MAX_WORD_CHARS], spacys[-1][MAX_WORD_CHARS:]]  # a long URL is cut
