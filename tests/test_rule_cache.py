"""spaCy's rule components answered from caches annotate exactly as spaCy does."""

from pathlib import Path

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from saidwhat.ingest import SAMPLE_PATH
from saidwhat.nlp import MODEL
from saidwhat.rule_cache import KNOWN_WORDS, cache_rule_components

ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
# Words the ruler's patterns of one and of two tokens name ("'d", "nothin'", "gon na", "ai n't"),
# white space, a contraction at a line end, and one word and part of speech with two lemmas ("lay").
ODD_WORDS = (
    "I'd say he's gon na lose, and I ai n't joking. Nothin' will come of it,\n\n"
    "she said.   They'd have to vote, wouldn't they? Let's see: y'all did. Yesterday she lay awake; "
    "they will lay the cable."
)


@pytest.fixture(scope="module")
def plain_and_cached():
    return spacy.load(MODEL), cache_rule_components(spacy.load(MODEL))


def test_cached_rule_components_annotate_every_token_as_spacy_does(plain_and_cached):
    plain, cached = plain_and_cached
    texts = [Path(SAMPLE_PATH).read_text(encoding="utf-8"), ODD_WORDS]
    for _ in range(2):  # the second pass is answered from the caches
        for text in texts:
            assert cached(text).to_array(ATTRS).tolist() == plain(text).to_array(ATTRS).tolist()


def test_the_caches_are_in_use(plain_and_cached):
    _, cached = plain_and_cached
    assert cached.get_pipe("attribute_ruler").match.cached
    assert cached.get_pipe("lemmatizer").lemmatize.cached
    known_words = cached.get_pipe("lemmatizer").lookups.get_table(KNOWN_WORDS)
    assert all(isinstance(words, frozenset) for words in known_words.values())


def test_caching_twice_changes_nothing(plain_and_cached):
    _, cached = plain_and_cached
    match = cached.get_pipe("attribute_ruler").match
    assert cache_rule_components(cached).get_pipe("attribute_ruler").match is match


def test_a_ruler_reading_other_attributes_is_left_as_it_is():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"POS": "PROPN"}]], {"LEMMA": "name"})
    cache_rule_components(nlp)
    assert not hasattr(ruler.match, "cached")
