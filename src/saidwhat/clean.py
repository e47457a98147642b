"""Repeated blocks and boilerplate: what extraction must skip, reported in ``Article.repeated``."""

from __future__ import annotations

import re

from .records import Article, Span

_PARAGRAPH = re.compile(r"[^\n]+")
_MIN_BLOCK_CHARS = 40


def find_repeated(text: str) -> list[Span]:
    """Spans of ``text`` whose paragraphs repeat an earlier paragraph, merged into blocks."""
    seen: set[str] = set()
    spans: list[Span] = []
    for m in _PARAGRAPH.finditer(text):
        key = " ".join(m.group().split())
        if len(key) < _MIN_BLOCK_CHARS:
            continue
        if key in seen:
            if spans and text[spans[-1].end : m.start()].strip() == "":
                spans[-1] = Span.of(text, spans[-1].start, m.end())
            else:
                spans.append(Span.of(text, m.start(), m.end()))
        else:
            seen.add(key)
    return spans


def clean(article: Article) -> Article:
    article.repeated = find_repeated(article.text)
    return article


def parse_text(article: Article) -> str:
    """The text to parse: ``article.text`` with repeated spans blanked, so offsets stay the same."""
    text = article.text
    if not article.repeated:
        return text
    parts, last = [], 0
    for r in article.repeated:
        parts.append(text[last : r.start])
        parts.append(re.sub(r"[^\n]", " ", text[r.start : r.end]))
        last = r.end
    parts.append(text[last:])
    return "".join(parts)
