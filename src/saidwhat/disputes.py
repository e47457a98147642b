"""Statements -> disputes: which statement denies, rejects, doubts, corrects or contradicts which."""

from __future__ import annotations

from .records import Article, Dispute


def find_disputes(article: Article) -> list[Dispute]:
    return []
