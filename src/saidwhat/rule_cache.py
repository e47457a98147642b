"""spaCy's two rule components answered from a cache: the same annotations in a fraction of the time.

In the English pipeline the attribute ruler (179 token patterns that set a token's part of speech and
morphology from its tag, and a few lemmas) and the rule lemmatizer run in Python token by token;
measured on PolNeAR dev they cost 3.6 s of spaCy's 13.7 s, more than the parser. What each gives a
token depends on a few attributes of that token only, so it is computed once per distinct value of
those attributes:

- a pattern of one token reads only that token: here its tag, its dependency label, whether it is
  white space, and its lower-case form, of which only the 130-odd words the patterns name (or their
  regular expressions match) tell tokens apart. The rules such a key matches are found once, by the
  ruler's own patterns run on a one-token ``Doc`` carrying those attributes; the few patterns of two
  tokens ("gon na") still run through a spaCy ``Matcher`` over the whole ``Doc``;
- the rule lemmatizer's forms depend on the word, its part of speech and its morphology. spaCy caches
  them by that key already, except for base forms, which it works out again at every token. For a
  word it has not seen, it asks whether each candidate form is a known word of that part of speech
  with ``in`` on a list (57,000 nouns): 0.13 ms a word, 1.3 s of a run over PolNeAR dev. The lists
  are turned into sets once, which answer the same question at once.

The annotations are spaCy's own (a test compares every token's tag, part of speech, morphology,
lemma and dependency with an unchanged pipeline on real text). A ruler whose one-token patterns read
anything else than the attributes above is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

RULER = "attribute_ruler"
LEMMATIZER = "lemmatizer"
KNOWN_WORDS = "lemma_index"  # the rule lemmatizer's words by part of speech
_KEY_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")


def cache_rule_components(nlp):
    """``nlp`` with its attribute ruler and rule lemmatizer (where present) answered from caches."""
    if RULER in nlp.component_names:
        ruler = nlp.get_pipe(RULER)
        match = None if hasattr(ruler.match, "cached") else _cached_ruler_match(ruler, nlp.vocab)
        if match is not None:
            ruler.match = match
    if LEMMATIZER in nlp.component_names:
        lemmatizer = nlp.get_pipe(LEMMATIZER)
        if getattr(lemmatizer, "mode", None) == "rule" and not hasattr(lemmatizer.lemmatize, "cached"):
            _known_words_as_sets(lemmatizer.lookups)
            lemmatizer.lemmatize = _cached_lemmatize(lemmatizer.lemmatize)
    return nlp


def _known_words_as_sets(lookups) -> None:
    if lookups.has_table(KNOWN_WORDS):
        table = lookups.get_table(KNOWN_WORDS)
        for pos in list(table):
            table[pos] = frozenset(table[pos])


def _cached_lemmatize(lemmatize: Callable) -> Callable:
    forms_by_key: dict[tuple, list[str]] = {}

    def cached(token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        forms = forms_by_key.get(key)
        if forms is None:
            forms = forms_by_key[key] = lemmatize(token)
        return forms

    cached.cached = True
    return cached


def _cached_ruler_match(ruler, vocab) -> Callable | None:
    """A drop-in for ``AttributeRuler.match``, or None where its patterns read what no key holds."""
    from spacy.attrs import IDS
    from spacy.matcher import Matcher
    from spacy.tokens import Doc

    patterns = ruler.patterns
    words = _words_one_token_patterns_read(patterns)
    if words is None:
        return None
    named, regexes = words
    one_token, longer = Matcher(vocab), Matcher(vocab)
    for i, rule in enumerate(patterns):
        single = all(len(p) == 1 for p in rule["patterns"])
        (one_token if single else longer).add(str(i), rule["patterns"])
    attr_ids = [IDS[a] for a in _KEY_ATTRS]
    named_ids = {vocab.strings.add(w) for w in named}
    rule_number = {vocab.strings.add(str(i)): i for i in range(len(patterns))}  # match id -> rule
    lower_keys: dict[int, int] = {}
    rules_by_key: dict[tuple, list[int]] = {}

    def lower_key(lower: int) -> int:
        key = lower_keys.get(lower)
        if key is None:
            telling = lower in named_ids or any(r.search(vocab.strings[lower]) for r in regexes)
            key = lower_keys[lower] = lower if telling else 0
        return key

    def rules_matched(token) -> list[int]:
        tags = [token.tag_] if token.tag_ else None
        parse = {"deps": [token.dep_], "heads": [0]} if token.dep_ else {}
        one = Doc(vocab, words=[token.text], spaces=[False], tags=tags, **parse)
        return [match_id for match_id, _, _ in one_token(one, allow_missing=True)]

    def match(doc):
        matches = []
        for i, (lower, tag, dep, space) in enumerate(doc.to_array(attr_ids).tolist()):
            key = (lower_key(lower), tag, dep, space)
            rules = rules_by_key.get(key)
            if rules is None:
                rules = rules_by_key[key] = rules_matched(doc[i])
            matches.extend((match_id, i, i + 1) for match_id in rules)
        matches.extend(longer(doc, allow_missing=True))
        # as AttributeRuler.match: sorted by the rule's number, so that later rules win
        return sorted((rule_number[m], m, s, e) for m, s, e in matches)

    match.cached = True
    return match


def _words_one_token_patterns_read(patterns) -> tuple[set[str], list[re.Pattern]] | None:
    """The lower-case words the one-token patterns name and the expressions they match words by;
    None if any of them reads an attribute other than ``_KEY_ATTRS`` or tests a word otherwise."""
    named: set[str] = set()
    regexes: list[re.Pattern] = []
    for rule in patterns:
        for pattern in rule["patterns"]:
            if len(pattern) != 1:
                continue
            for attr, value in pattern[0].items():
                if attr not in _KEY_ATTRS:
                    return None
                if attr != "LOWER":
                    continue
                if isinstance(value, str):
                    named.add(value)
                elif set(value) <= {"IN", "NOT_IN"}:
                    named.update(w for ws in value.values() for w in ws)
                elif set(value) == {"REGEX"}:
                    regexes.append(re.compile(value["REGEX"]))
                else:
                    return None
    return named, regexes
