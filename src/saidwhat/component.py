"""saidwhat as a spaCy pipeline component: ``nlp.add_pipe("saidwhat")``.

Sets ``doc._.statements`` (``Statement`` records), ``doc._.speakers`` (``Entity`` records) and
``doc._.disputes``, the way spaCy's and textacy's own extensions are set. Offsets are into
``doc.text``. Statements inside a repeated block of the text (a body saved twice) are dropped,
so each statement is reported once.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

EXTENSIONS = ("statements", "speakers", "disputes")


def _register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class SaidWhatComponent:
    def __init__(
        self, nlp: Language, name: str, find_disputes: bool = True, min_confidence: float | None = None
    ):
        self.name = name
        self.find_disputes = find_disputes
        self.min_confidence = min_confidence
        _register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        from . import clean, disputes, extraction, resolve
        from .records import Article

        text = doc.text  # spaCy joins every token at each call: once
        repeated = clean.find_repeated(text)
        found = extraction.extract_statements(doc, skip=repeated, text=text)
        statements, speakers = resolve.resolve(doc, found, text=text)
        doc._.statements, doc._.speakers = statements, speakers
        article = Article(id="doc", text=text, repeated=repeated, statements=statements, speakers=speakers)
        doc._.disputes = disputes.find_disputes(article, self.min_confidence) if self.find_disputes else []
        return doc


@Language.factory("saidwhat", default_config={"find_disputes": True, "min_confidence": None})
def make_component(
    nlp: Language, name: str, find_disputes: bool, min_confidence: float | None
) -> SaidWhatComponent:
    return SaidWhatComponent(nlp, name, find_disputes, min_confidence)
