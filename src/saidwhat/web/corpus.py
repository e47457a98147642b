"""Read-only queries over a saidwhat DuckDB store, for the corpus pages and the API.

The tables and columns relied on (those of ``saidwhat.store.TABLES``):
- ``articles``: ``id``, ``title``, ``source``, ``url``, ``date``, ``text``
- ``statements``: ``article_id``, ``id``, ``kind``, ``content``, ``content_start``, ``content_end``,
  ``cue``, ``cue_start``, ``cue_end``, ``speaker_name``, ``speaker_mention``, ``speaker_start``,
  ``speaker_end``, ``speaker_role``, ``speaker_organisation``, ``speaker_key``
- ``disputes``: ``article_a``, ``a``, ``article_b``, ``b``, ``kind`` (``a`` the claim, ``b`` the pushback)
- optional, for one name per speaker across articles: ``speaker_aliases`` (``alias``, ``speaker_id``)
  and ``speakers`` (``id``, ``name``); without them the name in each article is used.
Every value from a request reaches DuckDB as a bound parameter, never as SQL text.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any

from ..records import Article, Dispute, Span, Speaker, Statement

MAX_RESULTS = 500


class CorpusError(RuntimeError):
    """The database cannot be read as a saidwhat store."""


class _Corpus:
    """One read-only connection, and the SQL that names a statement's speaker across articles."""

    def __init__(self, con):
        self.con = con
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        self.merged = {"speakers", "speaker_aliases"} <= tables

    def name_of(self, st: str) -> str:
        """SQL for the corpus-wide name of the speaker of statement row ``st``."""
        if not self.merged:
            return f"{st}.speaker_name"
        return (f"coalesce((SELECT min(sp.name) FROM speaker_aliases al JOIN speakers sp "
                f"ON sp.id = al.speaker_id WHERE al.alias = {st}.speaker_key), {st}.speaker_name)")

    def rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def statements(self, where: str, params: list[Any], limit: int) -> list[dict[str, Any]]:
        return self.rows(f"""
            SELECT s.article_id, s.id, s.kind, s.cue, s.content, s.content_start AS start,
                   s.content_end AS "end", {self.name_of("s")} AS speaker_name, s.speaker_mention,
                   s.speaker_role AS role, s.speaker_organisation AS organisation,
                   a.title AS article_title, a.date
            FROM statements s JOIN articles a ON a.id = s.article_id
            {"WHERE " + where if where else ""}
            ORDER BY a.date NULLS LAST, s.article_id, s.content_start, s.id LIMIT ?""", [*params, limit])


@contextmanager
def connect(db_path: str):
    import duckdb

    try:
        con = duckdb.connect(db_path, read_only=True)
    except duckdb.Error as err:
        raise CorpusError(f"cannot open the database: {err}") from err
    try:
        yield _Corpus(con)
    except duckdb.Error as err:
        raise CorpusError(f"the database is not a saidwhat store: {err}") from err
    finally:
        con.close()


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_statements(db_path: str, speaker: str | None = None, q: str | None = None,
                      limit: int = MAX_RESULTS) -> list[dict[str, Any]]:
    """Statements whose speaker's name contains ``speaker`` and whose content has every word of ``q``."""
    with connect(db_path) as corpus:
        where, params = [], []
        if speaker and speaker.strip():
            where.append(f"({corpus.name_of('s')} ILIKE ? ESCAPE '\\' OR s.speaker_name ILIKE ? ESCAPE '\\')")
            params += [_like(speaker.strip())] * 2
        for word in (q or "").split():
            where.append("s.content ILIKE ? ESCAPE '\\'")
            params.append(_like(word))
        return corpus.statements(" AND ".join(where), params, limit)


def top_speakers(db_path: str, limit: int = 60) -> list[dict[str, Any]]:
    """The speakers with most statements: ``name``, ``statements``, ``articles``."""
    with connect(db_path) as corpus:
        return corpus.rows(f"""
            SELECT name, count(*) AS statements, count(DISTINCT article_id) AS articles
            FROM (SELECT {corpus.name_of("s")} AS name, s.article_id FROM statements s)
            WHERE name IS NOT NULL GROUP BY name ORDER BY statements DESC, name LIMIT ?""", [limit])


def speaker_page(db_path: str, name: str) -> dict[str, Any]:
    """All statements of one speaker (by the name the corpus gives them) over time, and who disputes them."""
    with connect(db_path) as corpus:
        statements = corpus.statements(f"{corpus.name_of('s')} = ?", [name], MAX_RESULTS)
        disputed_by = corpus.rows(f"""
            SELECT d.kind, d.article_b AS article_id, a.title AS article_title, a.date,
                   c.article_id AS claim_article_id, c.id AS claim_id, c.content AS claim,
                   p.id AS pushback_id, p.content AS pushback, {corpus.name_of("p")} AS pushback_speaker
            FROM disputes d
            JOIN statements c ON c.article_id = d.article_a AND c.id = d.a
            JOIN statements p ON p.article_id = d.article_b AND p.id = d.b
            LEFT JOIN articles a ON a.id = d.article_b
            WHERE {corpus.name_of("c")} = ?
            ORDER BY a.date NULLS LAST, d.article_b, p.content_start""", [name])
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
    """One stored article with its statements and the disputes inside it, or ``None``."""
    with connect(db_path) as corpus:
        found = corpus.rows("SELECT * FROM articles WHERE id = ?", [article_id])
        if not found:
            return None
        statements = corpus.rows(f"""SELECT s.*, {corpus.name_of("s")} AS corpus_name FROM statements s
            WHERE s.article_id = ? ORDER BY s.content_start, s.id""", [article_id])
        disputes = corpus.rows("SELECT * FROM disputes WHERE article_a = ? AND article_b = ?",
                               [article_id, article_id])
    row = found[0]
    text = row.get("text") or ""
    article = Article(id=str(row["id"]), text=text, title=row.get("title"), source=row.get("source"),
                      url=row.get("url"), date=str(row["date"]) if row.get("date") else None)
    for s in statements:
        name = s.get("corpus_name")
        mention = _span(s, text, "speaker_start", "speaker_end")
        article.statements.append(Statement(
            id=str(s["id"]), kind=s["kind"],
            content=Span(s["content"], int(s["content_start"]), int(s["content_end"])),
            cue=_span(s, text, "cue_start", "cue_end"),
            speaker=Speaker(name, mention, role=s.get("speaker_role"),
                            organisation=s.get("speaker_organisation")) if name or mention else None,
        ))
    article.disputes = [Dispute(str(d["a"]), str(d["b"]), d["kind"]) for d in disputes]
    return article


# --- quotes (the ``quotes`` table of ``saidwhat.store.TABLES``, absent from older stores) --------


def _has_quotes(corpus: _Corpus) -> bool:
    found = corpus.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'quotes'")
    return found.fetchone()[0] > 0


def quotes(db_path: str, speaker: str | None = None, variants_only: bool = False,
           limit: int = MAX_RESULTS) -> list[dict[str, Any]]:
    """Quotes as ``saidwhat.quotes.to_json`` objects: most repeated first; of speakers whose corpus
    name contains ``speaker``; only those with a variant."""
    from ..quotes import to_json

    with connect(db_path) as corpus:
        if not _has_quotes(corpus):
            return []
        where, params = [], []
        if speaker and speaker.strip():
            where.append("speaker ILIKE ? ESCAPE '\\'")
            params.append(_like(speaker.strip()))
        if variants_only:
            where.append("variant")
        ids = corpus.rows(f"""SELECT id FROM quotes {"WHERE " + " AND ".join(where) if where else ""}
            GROUP BY id ORDER BY max(n_articles) DESC, min(first_date) NULLS LAST, id LIMIT ?""",
                          [*params, limit])
        rows = corpus.rows("SELECT * FROM quotes WHERE id IN (SELECT unnest(?))", [[r["id"] for r in ids]])
    return to_json(rows)


def quote(db_path: str, quote_id: str) -> dict[str, Any] | None:
    """One quote, its occurrences with their article titles, or ``None``."""
    from ..quotes import to_json

    with connect(db_path) as corpus:
        if not _has_quotes(corpus):
            return None
        rows = corpus.rows("SELECT q.*, a.title AS article_title FROM quotes q "
                           "LEFT JOIN articles a ON a.id = q.article_id WHERE q.id = ?", [quote_id])
    if not rows:
        return None
    (found,) = to_json(rows)
    titles = {(r["article_id"], r["position"]): r["article_title"] for r in rows}
    for n, o in enumerate(found["occurrences"]):
        o["article_title"] = titles.get((o["article_id"], n))
    return found


def with_quote_ids(db_path: str, statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``statements`` (rows with ``article_id`` and ``id``), each with the ``quote_id`` of the quote
    it is part of, if any."""
    if not statements:
        return statements
    with connect(db_path) as corpus:
        if not _has_quotes(corpus):
            return statements
        found = corpus.rows("SELECT DISTINCT article_id, statement_id, id FROM quotes "
                            "WHERE article_id IN (SELECT unnest(?))",
                            [sorted({str(s["article_id"]) for s in statements})])
    ids = {(r["article_id"], r["statement_id"]): r["id"] for r in found}
    for s in statements:
        s["quote_id"] = ids.get((str(s["article_id"]), str(s["id"])))
    return statements
