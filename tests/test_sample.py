"""End to end on the bundled sample: a real wire story whose body is in the file twice."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from saidwhat.ingest import SAMPLE_PATH

pytestmark = pytest.mark.slow

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = SHARED / "data/dev/sample-putin-syria.json"
SCORER = SHARED / "eval/score.py"


@pytest.fixture(scope="module")
def sample_json(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample") / "sample.json"
    subprocess.run(
        [sys.executable, "-m", "saidwhat", "extract", "--format", "json", "--out", str(out)], check=True
    )
    articles = json.loads(out.read_text(encoding="utf-8"))
    assert len(articles) == 1
    return out, articles[0]


def test_offsets_index_the_input_and_nothing_comes_from_the_repeated_body(sample_json):
    _, article = sample_json
    text = Path(SAMPLE_PATH).read_text(encoding="utf-8")
    assert article["text"] == text
    assert article["repeated"], "the second copy of the body is reported"
    second_copy = article["repeated"][0]["start"]
    assert text[second_copy:].startswith(text.split("\n")[1][:40])
    for st in article["statements"]:
        assert text[st["start"] : st["end"]] == st["content"]
        assert st["end"] <= second_copy
        sp = st["speaker"]
        if sp and sp["start"] is not None:
            assert text[sp["start"] : sp["end"]] == sp["mention"]
    contents = [st["content"] for st in article["statements"]]
    assert len(contents) == len(set(contents)), "each statement once"


def test_pronouns_and_nominals_resolve_to_names_in_the_text(sample_json):
    _, article = sample_json
    text = article["text"]
    by_mention = {
        st["speaker"]["mention"].lower(): st["speaker"]["name"]
        for st in article["statements"]
        if st["speaker"]
    }
    for mention in ("he", "turkey's foreign minister"):
        name = by_mention[mention]
        assert name and name.lower() != mention and name in text
        assert len(name.split()) >= 2, f"{mention!r} resolved to a full name, got {name!r}"


@pytest.mark.skipif(not SCORER.exists(), reason="the shared scorer and gold are not beside this checkout")
def test_scores_against_the_gold_annotation(sample_json):
    path, _ = sample_json
    result = subprocess.run(
        [sys.executable, str(SCORER), str(GOLD), str(path), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    scores = json.loads(result.stdout)
    assert scores["end_to_end_f1"] >= 0.90
    assert scores["resolution_accuracy"] >= 0.90
    assert scores["dispute_f1"] >= 0.80
