"""The learned dispute judge: the shipped model, what it weighs, and how its pairs reach the output."""

from __future__ import annotations

import pytest

from saidwhat import dispute_judge
from saidwhat.disputes import find_disputes, read_article
from test_disputes import make_article


def _answer():
    return make_article(
        "Council leader Ann Holt said the new parking charges would raise money for road repairs. "
        "But shop owners' spokesman Tom Reed said the charges were a disaster that would drive away "
        "customers. Holt also said the library would open on Sundays from next year.",
        [("Ann Holt", "said", "the new parking charges would raise money for road repairs"),
         ("Tom Reed", "said", "the charges were a disaster that would drive away customers"),
         ("Holt", "said", "the library would open on Sundays from next year")],
    )


def _probabilities(article) -> dict[tuple[str, str], float]:
    saids = read_article(article)
    judge = dispute_judge.dispute_model()
    reading = dispute_judge.read(article, saids)
    return {(saids[i].st.id, saids[j].st.id): judge.probability(f)
            for i, j, f in dispute_judge.featured_pairs(reading)}


def test_the_shipped_model_has_weights_and_a_threshold():
    judge = dispute_judge.dispute_model()
    assert len(judge.weights) > 100
    assert 0.0 < judge.threshold <= 1.0
    assert all(isinstance(w, float) for w in judge.weights.values())


def test_only_pairs_of_different_speakers_are_judged():
    judged = _probabilities(_answer())
    assert set(judged) == {("s1", "s2"), ("s2", "s3")}  # Holt never answers Holt


def test_an_answer_that_opens_with_but_is_likelier_than_a_change_of_topic():
    judged = _probabilities(_answer())
    assert judged[("s1", "s2")] > judged[("s2", "s3")]


def test_judged_pairs_are_listed_only_on_request():
    assert not [d for d in find_disputes(_answer()) if d.evidence.startswith("judged")]
    listed = [d for d in find_disputes(_answer(), min_confidence=0.0) if d.evidence.startswith("judged")]
    assert listed, "a cut-off lists the possible disputes for review"
    best = max(listed, key=lambda d: d.confidence)
    assert (best.a, best.b) == ("s1", "s2")
    assert 0.0 < best.confidence < 1.0
    assert "opens with a contrast" in best.evidence
    assert not [d for d in find_disputes(_answer(), min_confidence=best.confidence + 0.001)
                if d.evidence.startswith("judged")]


def test_a_pair_without_framing_is_not_listed():
    art = make_article(
        "Council leader Ann Holt said the new parking charges would raise money for road repairs. "
        "Shop owners' spokesman Tom Reed said the charges would start in the spring.",
        [("Ann Holt", "said", "the new parking charges would raise money for road repairs"),
         ("Tom Reed", "said", "the charges would start in the spring")],
    )
    assert not [d for d in find_disputes(art, min_confidence=0.0) if d.evidence.startswith("judged")]


def test_at_most_a_few_judged_pairs_an_article_and_no_statement_twice():
    said = [(f"Speaker{n} Smith", "said", f"the plan number {n} would cost the town about {n} million")
            for n in range(1, 9)]
    text = " ".join(f"{who} {cue} {what}." for who, cue, what in said)
    listed = [d for d in find_disputes(make_article(text, said), min_confidence=0.0)
              if d.evidence.startswith("judged")]
    assert len(listed) <= dispute_judge.MAX_PER_ARTICLE
    ids = [x for d in listed for x in (d.a, d.b)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("words, expected", [
    ("But the union said the plan would fail.", True),
    ("In response, the union said the plan would fail.", True),
    ("Union leaders, however, said the plan would fail.", False),
    ("The union said the plan would fail.", False),
])
def test_a_contrast_is_read_at_the_start_of_the_sentence(words, expected):
    assert bool(dispute_judge._CONTRAST.match(words)) == expected
