"""``--min-confidence``: the disputes' cut-off on the command line, the API, the web page and in Python."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from saidwhat import cli, pipeline
from saidwhat.disputes import find_disputes
from saidwhat.web.app import create_app
from test_disputes import make_article
from web_fakes import ARTICLE, FakePipeline


def _denial():
    return make_article(
        "Mayor Ann Holt said the new bridge over the river would reopen to traffic in May. "
        "The builders denied that, saying the repairs would take until the autumn.",
        [("Ann Holt", "said", "the new bridge over the river would reopen to traffic in May"),
         ("The builders", "denied", "that")],
    )


def test_a_cut_off_keeps_the_disputes_at_least_that_sure():
    (found,) = find_disputes(_denial())
    assert 0 < found.confidence < 1
    assert find_disputes(_denial(), min_confidence=found.confidence) == [found]
    assert find_disputes(_denial(), min_confidence=min(1.0, found.confidence + 0.01)) == []


def test_min_confidence_reaches_the_pipeline(monkeypatch, tmp_path):
    made_with = []
    monkeypatch.setattr(cli, "_check_model", lambda: None)
    real_factory = cli._pipeline_factory
    monkeypatch.setattr(cli, "_pipeline_factory", lambda **kw: made_with.append(real_factory(**kw)) or None)
    monkeypatch.setattr(cli, "process_safely", lambda *args, **kwargs: iter([]))
    src = tmp_path / "a.txt"
    src.write_text("Some article.\n", encoding="utf-8")
    for argv in (["extract", str(src), "-f", "json", "--min-confidence", "0.05"],
                 ["disputes", str(src), "--min-confidence", "0.5"], ["extract", str(src), "-f", "json"]):
        cli.main(argv)
    assert [f.keywords["min_confidence"] for f in made_with] == [0.05, 0.5, None]
    assert all(f.func is pipeline.Pipeline for f in made_with)


@pytest.mark.parametrize("value", ["1.5", "-0.1", "high"])
def test_min_confidence_must_be_a_probability(capsys, value):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["extract", "--min-confidence", value])
    assert exit_.value.code == cli.EXIT_USAGE
    assert "--min-confidence" in capsys.readouterr().err


@pytest.fixture(scope="module")
def client():
    return TestClient(create_app(pipeline=FakePipeline()))


def test_api_extract_takes_a_cut_off(client):
    pinned = client.post("/api/extract", json={"text": ARTICLE}).json()["disputes"]
    assert [d["kind"] for d in pinned] == ["denial"]  # the pipeline's own, untouched
    assert client.post("/api/extract", json={"text": ARTICLE, "min_confidence": 1.0}).json()["disputes"] == []
    assert client.post("/api/extract", json={"text": ARTICLE, "min_confidence": 2}).status_code == 422


def test_the_page_shows_confidence_and_evidence_and_takes_a_cut_off(client):
    page = client.post("/article", data={"text": ARTICLE}).text
    assert 'class="dispute-confidence"' in page and 'class="dispute-evidence"' in page
    assert "Disputes at least 0.50 sure" in client.get("/sample?min_confidence=0.5").text
    none = client.post("/article", data={"text": ARTICLE, "min_confidence": "1"}).text
    assert "No disputes were found." in none
    bad = client.post("/article", data={"text": ARTICLE, "min_confidence": "lots"})
    assert bad.status_code == 400 and "cut-off" in bad.text
