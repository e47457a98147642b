"""Speaker mentions -> article entities and full names (pronouns, nominals, aliases)."""

from __future__ import annotations

from .records import Entity, Statement


def resolve(doc, statements: list[Statement]) -> tuple[list[Statement], list[Entity]]:
    """Fill ``speaker.name``/``entity``/``role``/``organisation``; return the statements and entities."""
    for st in statements:
        if st.speaker and st.speaker.mention and not st.speaker.name:
            st.speaker.name = st.speaker.mention.text
    return statements, []
