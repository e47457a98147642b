"""The stages in order: clean -> extract -> resolve -> disputes, over one spaCy pass per article."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from . import clean, disputes, extraction, resolve
from .nlp import load_nlp, pipe_bounded
from .records import Article, Span


class Pipeline:
    """Turns ingested ``Article``s into articles with statements, speakers and disputes.

    The spaCy model is loaded once, when the pipeline is made; reuse one pipeline per process.
    ``min_confidence``: the disputes' cut-off (``None``: every cued dispute, no judged pair);
    ``attribution_model``: an ``extraction.AttributionModel`` in place of the shipped one;
    ``join_quote_runs``: one statement for the quotes one attribution carries, as PolNeAR counts
    them ('"A," he said. "B."'), instead of one per quoted passage.
    """

    def __init__(self, nlp=None, find_disputes: bool = True, batch_size: int = 16,
                 min_confidence: float | None = None, attribution_model=None, join_quote_runs: bool = False):
        self.nlp = nlp if nlp is not None else load_nlp()
        self.find_disputes = find_disputes
        self.batch_size = batch_size
        self.min_confidence = min_confidence
        self.attribution_model = attribution_model  # None: the shipped one
        self.join_quote_runs = join_quote_runs

    def process(self, article: Article) -> Article:
        return next(self.process_many([article]))

    def process_many(self, articles: Iterable[Article]) -> Iterator[Article]:
        cleaned = (clean.clean(a) for a in articles)
        pairs = pipe_bounded(self.nlp, (_text_to_parse(a) for a in cleaned), self.batch_size)
        for doc, (article, respelt) in pairs:
            yield self._analyse(doc, article, respelt)

    def _analyse(self, doc, article: Article, respelt: dict[str, str]) -> Article:
        text = doc.text  # spaCy joins every token at each call: once per article
        found = extraction.extract_statements(doc, text=text, model=self.attribution_model,
                                              join_quote_runs=self.join_quote_runs)
        article.statements, article.speakers = resolve.resolve(doc, found, text=text)
        if text != article.text:
            _anchor(article)
            _mend_names(article, respelt)
        if self.find_disputes:
            article.disputes = disputes.find_disputes(article, self.min_confidence)
        return article


def _text_to_parse(article: Article) -> tuple[str, tuple[Article, dict[str, str]]]:
    text, respelt = clean.parse_text_and_words(article)
    return text, (article, respelt)


def _anchor(article: Article) -> None:
    """Statement spans with the words of ``article.text``, not of the parsed text, which has blanks
    where parts were left out (``clean.parse_text``) that a statement may run across."""
    text = article.text
    for st in article.statements:
        st.content = Span.of(text, st.content.start, st.content.end)
        if st.cue is not None:
            st.cue = Span.of(text, st.cue.start, st.cue.end)
        if st.speaker is not None and st.speaker.mention is not None:
            st.speaker.mention = Span.of(text, st.speaker.mention.start, st.speaker.mention.end)


def _mend_names(article: Article, words: dict[str, str]) -> None:
    """Names as the text writes or means them where the parser read them spelt otherwise ("Sarukhán",
    parsed as "Sarukhaaaan"; "Which?", parsed as "Whichh")."""
    if not words:
        return
    for st in article.statements:
        if st.speaker is not None:
            for field in ("name", "role", "organisation"):
                setattr(st.speaker, field, clean.restore_names(getattr(st.speaker, field), words))
    for ent in article.speakers:
        ent.name = clean.restore_names(ent.name, words)
        ent.organisation = clean.restore_names(ent.organisation, words)
        ent.aliases = [clean.restore_names(a, words) for a in ent.aliases]
        ent.roles = [clean.restore_names(r, words) for r in ent.roles]
