"""saidwhat: who said what, and who disputes whom, in news articles.

    >>> import saidwhat
    >>> article = saidwhat.extract("Russia has provided air cover, President Vladimir Putin said.")
    >>> article.statements[0].speaker.name
    'Vladimir Putin'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["extract", "__version__"]

if TYPE_CHECKING:
    from .records import Article


def extract(text: str, title: str | None = None, id: str = "article") -> Article:
    """Statements, speakers and disputes of one article given as plain text.

    ``title`` is the headline when it is not the first line of ``text``. Offsets index ``text``.
    """
    from .pipeline import Pipeline
    from .records import Article

    return _default_pipeline(Pipeline).process(Article(id=id, text=text, title=title))


def _default_pipeline(factory):
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = factory()
    return _PIPELINE


_PIPELINE = None
