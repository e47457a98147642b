"""The stages in order: clean -> extract -> resolve -> disputes, over one spaCy pass per article."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from . import clean, disputes, extraction, resolve
from .nlp import load_nlp
from .records import Article


class Pipeline:
    """Turns ingested ``Article``s into articles with statements, speakers and disputes.

    The spaCy model is loaded once, when the pipeline is made; reuse one pipeline per process.
    ``min_confidence``: the disputes' cut-off (``None``: every dispute found).
    """

    def __init__(self, nlp=None, find_disputes: bool = True, batch_size: int = 16,
                 min_confidence: float | None = None):
        self.nlp = nlp if nlp is not None else load_nlp()
        self.find_disputes = find_disputes
        self.batch_size = batch_size
        self.min_confidence = min_confidence

    def process(self, article: Article) -> Article:
        return next(self.process_many([article]))

    def process_many(self, articles: Iterable[Article]) -> Iterator[Article]:
        cleaned = (clean.clean(a) for a in articles)
        pairs = self.nlp.pipe(
            ((clean.parse_text(a), a) for a in cleaned), as_tuples=True, batch_size=self.batch_size
        )
        for doc, article in pairs:
            yield self._analyse(doc, article)

    def _analyse(self, doc, article: Article) -> Article:
        found = extraction.extract_statements(doc)
        article.statements, article.speakers = resolve.resolve(doc, found)
        if self.find_disputes:
            article.disputes = disputes.find_disputes(article, self.min_confidence)
        return article
