"""spaCy Doc -> attributed statements (placeholder; being written)."""

from __future__ import annotations

from .records import Span, Statement


def extract_statements(doc, title: str | None = None, skip: list[Span] | None = None) -> list[Statement]:
    return []
