"""Read-only queries over a saidwhat DuckDB store, for the corpus pages and the API.

The columns relied on (the store's JSON-like tables):
- ``articles``: ``id``, ``title``, ``date``, ``source``, ``url``; ``text`` for the article view
- ``statements``: ``article_id``, ``id``, ``kind``, ``cue``, ``content``, ``start``, ``end``,
  ``speaker_name``, ``role``, ``organisation``; optional: ``speaker_mention``, ``speaker_start``,
  ``speaker_end``, ``cue_start``, ``cue_end``
- ``disputes``: ``article_id``, ``a``, ``b``, ``kind`` (``a`` the claim, ``b`` the pushback)
Every value from a request reaches DuckDB as a bound parameter, never as SQL text.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any

from ..records import Article, Dispute, Span, Speaker, Statement

MAX_RESULTS = 500

_STATEMENT_COLUMNS = """
    s.article_id, s.id, s.kind, s.cue, s.content, s.start, s."end",
    s.speaker_name, s.role, s.organisation, a.title AS article_title, a.date
"""


class CorpusError(RuntimeError):
    """The database cannot be read as a saidwhat store."""


@contextmanager
def connect(db_path: str):
    import duckdb

    try:
        con = duckdb.connect(db_path, read_only=True)
    except duckdb.Error as err:
        raise CorpusError(f"cannot open the database: {err}") from err
    try:
        yield con
    except duckdb.Error as err:
        raise CorpusError(f"the database is not a saidwhat store: {err}") from err
    finally:
        con.close()


def _rows(con, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_statements(db_path: str, speaker: str | None = None, q: str | None = None,
                      limit: int = MAX_RESULTS) -> list[dict[str, Any]]:
    """Statements whose speaker name contains ``speaker`` and whose content has every word of ``q``."""
    where, params = [], []
    if speaker and speaker.strip():
        where.append("s.speaker_name ILIKE ? ESCAPE '\\'")
        params.append(_like(speaker.strip()))
    for word in (q or "").split():
        where.append("s.content ILIKE ? ESCAPE '\\'")
        params.append(_like(word))
    sql = f"""SELECT {_STATEMENT_COLUMNS}
        FROM statements s LEFT JOIN articles a ON a.id = s.article_id
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY a.date NULLS LAST, s.article_id, s.start LIMIT ?"""
    with connect(db_path) as con:
        return _rows(con, sql, [*params, limit])


def speaker_page(db_path: str, name: str) -> dict[str, Any]:
    """All statements of one speaker (by exact name) over time, and who disputes them."""
    with connect(db_path) as con:
        statements = _rows(con, f"""SELECT {_STATEMENT_COLUMNS}
            FROM statements s LEFT JOIN articles a ON a.id = s.article_id
            WHERE s.speaker_name = ?
            ORDER BY a.date NULLS LAST, s.article_id, s.start LIMIT ?""", [name, MAX_RESULTS])
        disputed_by = _rows(con, """SELECT d.kind, d.article_id, a.title AS article_title, a.date,
                c.id AS claim_id, c.content AS claim, p.id AS pushback_id, p.content AS pushback,
                p.speaker_name AS pushback_speaker
            FROM disputes d
            JOIN statements c ON c.article_id = d.article_id AND c.id = d.a
            JOIN statements p ON p.article_id = d.article_id AND p.id = d.b
            LEFT JOIN articles a ON a.id = d.article_id
            WHERE c.speaker_name = ?
            ORDER BY a.date NULLS LAST, d.article_id, c.start""", [name])
    roles = [s["role"] for s in statements if s["role"]]
    orgs = [s["organisation"] for s in statements if s["organisation"]]
    return {
        "name": name,
        "role": max(set(roles), key=roles.count) if roles else None,
        "organisation": max(set(orgs), key=orgs.count) if orgs else None,
        "statements": statements,
        "disputed_by": disputed_by,
    }


def _span(row: dict[str, Any], text: str, start_key: str, end_key: str) -> Span | None:
    start, end = row.get(start_key), row.get(end_key)
    if start is None or end is None:
        return None
    return Span.of(text, int(start), int(end))


def load_article(db_path: str, article_id: str) -> Article | None:
    """One stored article with its statements and disputes, or ``None``."""
    with connect(db_path) as con:
        found = _rows(con, "SELECT * FROM articles WHERE id = ?", [article_id])
        if not found:
            return None
        statements = _rows(con, 'SELECT * FROM statements WHERE article_id = ? ORDER BY start', [article_id])
        disputes = _rows(con, "SELECT * FROM disputes WHERE article_id = ?", [article_id])
    row = found[0]
    text = row.get("text") or ""
    article = Article(id=str(row["id"]), text=text, title=row.get("title"), source=row.get("source"),
                      url=row.get("url"), date=str(row["date"]) if row.get("date") else None)
    for s in statements:
        mention = _span(s, text, "speaker_start", "speaker_end")
        article.statements.append(Statement(
            id=str(s["id"]), kind=s["kind"],
            content=Span(s["content"], int(s["start"]), int(s["end"])),
            cue=_span(s, text, "cue_start", "cue_end"),
            speaker=Speaker(s.get("speaker_name"), mention, role=s.get("role"),
                            organisation=s.get("organisation")) if s.get("speaker_name") else None,
        ))
    article.disputes = [Dispute(str(d["a"]), str(d["b"]), d["kind"]) for d in disputes]
    return article
