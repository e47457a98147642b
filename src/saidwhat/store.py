"""The corpus store: an embedded DuckDB database of articles, statements, speakers and disputes.

The tables are views of ``records.article_to_dict``; the Spark job writes the same tables as
Parquet (``TABLES`` is the one schema both use). Every chunk of articles is written in one
transaction, so a run killed at any moment leaves whole chunks or nothing.

``speakers``/``speaker_aliases`` are derived: rebuilt from all statements after a run (and
lazily by ``query``/``speakers`` when a run was interrupted), so they never depend on the order
articles arrived in.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from . import names
from .records import Article, Dispute, article_from_dict, article_to_dict

# --- the schema -------------------------------------------------------------------------------

TEXT, INT, FLOAT, TEXTS = "VARCHAR", "INTEGER", "DOUBLE", "VARCHAR[]"

TABLES: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("id", TEXT), ("title", TEXT), ("source", TEXT), ("url", TEXT), ("date", TEXT), ("text", TEXT),
        ("content_hash", TEXT), ("status", TEXT), ("error", TEXT), ("duplicate_of", TEXT),
        ("n_statements", INT),
    ],
    "statements": [
        ("article_id", TEXT), ("id", TEXT), ("kind", TEXT), ("content", TEXT), ("content_start", INT),
        ("content_end", INT), ("cue", TEXT), ("cue_start", INT), ("cue_end", INT), ("speaker_name", TEXT),
        ("speaker_mention", TEXT), ("speaker_start", INT), ("speaker_end", INT), ("speaker_entity", TEXT),
        ("speaker_role", TEXT), ("speaker_organisation", TEXT), ("speaker_key", TEXT), ("confidence", FLOAT),
    ],
    "entities": [
        ("article_id", TEXT), ("id", TEXT), ("name", TEXT), ("type", TEXT), ("aliases", TEXTS),
        ("roles", TEXTS), ("organisation", TEXT),
    ],
    "speakers": [
        ("id", TEXT), ("name", TEXT), ("type", TEXT), ("aliases", TEXTS), ("n_statements", INT),
        ("n_articles", INT),
    ],
    "speaker_aliases": [("alias", TEXT), ("speaker_id", TEXT)],
    "disputes": [
        ("article_a", TEXT), ("a", TEXT), ("article_b", TEXT), ("b", TEXT), ("kind", TEXT),
        ("evidence", TEXT), ("confidence", FLOAT),
    ],
    "duplicates": [("group_id", TEXT), ("article_id", TEXT), ("similarity", FLOAT)],
}
# Resume bookkeeping only: not exported, not written by Spark.
_INTERNAL = {
    "_minhash": [("article_id", TEXT), ("signature", "BLOB")],
    "_meta": [("key", TEXT), ("value", TEXT)],
}
OK, DUPLICATE, ERROR = "ok", "duplicate", "error"


class StoreError(Exception):
    """The database cannot be opened or used; ``str()`` is a one-line message."""


def content_hash(article: Article) -> str:
    payload = json.dumps([article.title, article.text, article.source, article.url, article.date])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


# --- speaker names across articles ------------------------------------------------------------


@lru_cache(maxsize=1)
def _pronouns() -> frozenset[str]:
    path = Path(__file__).parent / "data" / "speaker_pronouns.txt"
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
    return frozenset(ln for ln in lines if ln and not ln.startswith("#"))


def speaker_key(name: str | None) -> str | None:
    """The normalised name a statement's speaker is merged by; None for a bare pronoun."""
    key = normalise_name(name)
    return None if key is None or key in _pronouns() else key


def normalise_name(name: str | None) -> str | None:
    """The key speakers are merged by: lower case, no accents, possessives and the titles and
    honorifics before the name dropped ("Prime Minister Tony Blair", "Mr Blair", "Lord Butler of
    Brockwell"; the lists are resolution's, in ``names``)."""
    if not name:
        return None
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("\u2019", "'")
    text = re.sub(r"'s\b", "", text)
    words = re.sub(r"[^\w\s'-]", " ", text).split()
    return " ".join(names.strip_titles(words) or words) or None


@dataclass(slots=True)
class NameUse:
    """One statement's speaker, as seen by the cross-article merge."""

    key: str
    name: str
    type: str
    article_id: str


def build_speakers(uses: Iterable[NameUse]) -> tuple[list[dict], list[dict]]:
    """Rows of ``speakers`` and ``speaker_aliases``: one speaker per resolved name across articles.

    Full names with the same first and last word are one speaker ("Donald J. Trump"), a "Jr."
    kept apart; a surname-only key ("putin") joins the one full name ending in that surname
    (of the gender its honorific says, if any: "Mrs. Clinton" -> "Hillary Clinton" beside "Bill
    Clinton"); otherwise it stays its own speaker.
    """
    by_key: dict[str, list[NameUse]] = defaultdict(list)
    for use in uses:
        by_key[use.key].append(use)
    types = {k: Counter(u.type for u in us).most_common(1)[0][0] for k, us in by_key.items()}
    canonical = _full_name_groups(by_key, types)
    surnames: dict[str, set[str]] = defaultdict(set)
    for key, target in canonical.items():
        words = key.split()
        if names.without_suffixes(words) == words:  # a bare "trump" is not "donald trump jr"
            surnames[words[-1]].add(target)
    for key in by_key:
        if key in canonical:
            continue
        full = surnames.get(key, set()) if len(key.split()) == 1 and types[key] == "person" else set()
        if len(full) > 1:
            full = _of_gender(full, _honorific_gender(by_key[key]))
        canonical[key] = next(iter(full)) if len(full) == 1 else key
    groups: dict[str, list[str]] = defaultdict(list)
    for key, target in canonical.items():
        groups[target].append(key)
    speakers, aliases = [], []
    for target, keys in sorted(groups.items()):
        uses_ = [u for k in keys for u in by_key[k]]
        sid = "sp:" + target.replace(" ", "-")
        speakers.append({
            "id": sid,
            "name": _display_name(by_key[target]),
            "type": types[target],
            "aliases": sorted({" ".join(u.name.split()) for u in uses_}),
            "n_statements": len(uses_),
            "n_articles": len({u.article_id for u in uses_}),
        })
        aliases.extend({"alias": k, "speaker_id": sid} for k in sorted(keys))
    return speakers, aliases


def _full_name_groups(by_key: dict[str, list[NameUse]], types: dict[str, str]) -> dict[str, str]:
    """Full person names, each mapped to the most used form of the same name: a name with
    middle words ("donald j trump") goes with its first and last word ("donald trump") when that
    name is in use too."""
    groups: dict[str, list[str]] = defaultdict(list)
    for key in by_key:
        words = key.split()
        if len(words) < 2 or types[key] != "person":
            continue
        core = names.without_suffixes(words)
        short = " ".join([core[0], core[-1], *words[len(core):]])  # "donald trump", "donald trump jr"
        groups[short if short in by_key and types[short] == "person" else key].append(key)
    canonical = {}
    for keys in groups.values():
        target = min(keys, key=lambda k: (-len(by_key[k]), len(k), k))
        canonical.update((k, target) for k in keys)
    return canonical


def _honorific_gender(uses: list[NameUse]) -> str | None:
    """"he"/"she" when the name is written with a gendered honorific ("Mrs. Clinton")."""
    said = {names.honorifics().get(u.name.split()[0].lower()) for u in uses if len(u.name.split()) > 1}
    said &= {"he", "she"}
    return said.pop() if len(said) == 1 else None


def _of_gender(keys: set[str], gender: str | None) -> set[str]:
    """The full names among ``keys`` whose first name says ``gender``."""
    if gender is None:
        return keys
    return {k for k in keys if names.first_name_gender(k) == gender}


def _display_name(uses: list[NameUse]) -> str:
    """The most used form of the name, its titles dropped ("President Vladimir Putin" -> "Vladimir Putin")."""
    counts = Counter(_without_titles(" ".join(u.name.split()), u.key) for u in uses)
    return min(counts, key=lambda n: (-counts[n], -len(n), n))


def _without_titles(name: str, key: str) -> str:
    words = name.split()
    while len(words) > len(key.split()) and normalise_name(" ".join(words[1:])) == key:
        words = words[1:]
    return " ".join(words)


# --- rows of one article ----------------------------------------------------------------------


@dataclass(slots=True)
class Outcome:
    """What a run did with one input: processed, recognised as a copy, or failed."""

    article: Article
    status: str = OK
    error: str | None = None
    duplicate_of: str | None = None
    similarity: float | None = None
    signature: np.ndarray | None = None
    content_hash: str | None = None


def article_rows(outcome: Outcome) -> dict[str, list[dict[str, Any]]]:
    """The rows one outcome adds to each table (the DuckDB store and Spark share this)."""
    a = outcome.article
    d = article_to_dict(a)
    row = {k: d[k] for k in ("id", "title", "source", "url", "date", "text")}
    row.update(content_hash=outcome.content_hash or content_hash(a), status=outcome.status,
               error=outcome.error, duplicate_of=outcome.duplicate_of, n_statements=len(d["statements"]))
    rows: dict[str, list[dict[str, Any]]] = {"articles": [row], "statements": [], "entities": [],
                                             "disputes": [], "duplicates": []}
    for s in d["statements"]:
        sp = s["speaker"] or {}
        rows["statements"].append({
            "article_id": a.id, "id": s["id"], "kind": s["kind"], "content": s["content"],
            "content_start": s["start"], "content_end": s["end"], "cue": s["cue"],
            "cue_start": s["cue_start"], "cue_end": s["cue_end"], "speaker_name": sp.get("name"),
            "speaker_mention": sp.get("mention"), "speaker_start": sp.get("start"),
            "speaker_end": sp.get("end"), "speaker_entity": sp.get("entity"), "speaker_role": sp.get("role"),
            "speaker_organisation": sp.get("organisation"), "speaker_key": speaker_key(sp.get("name")),
            "confidence": s["confidence"],
        })
    for e in d["speakers"]:
        rows["entities"].append({"article_id": a.id, **e})
    for x in d["disputes"]:
        rows["disputes"].append(dispute_row(x, a.id))
    if outcome.duplicate_of:
        rows["duplicates"].append({"group_id": outcome.duplicate_of, "article_id": a.id,
                                   "similarity": outcome.similarity})
    return rows


def dispute_row(x: dict[str, Any], article_id: str) -> dict[str, Any]:
    return {"article_a": x.get("article_a") or article_id, "a": x["a"],
            "article_b": x.get("article_b") or article_id, "b": x["b"], "kind": x["kind"],
            "evidence": x.get("evidence", ""), "confidence": x.get("confidence", 1.0)}


def name_uses(statement_rows: Iterable[dict], entity_rows: Iterable[dict]) -> Iterator[NameUse]:
    types = {(e["article_id"], e["id"]): e["type"] for e in entity_rows}
    for s in statement_rows:
        if s["speaker_key"]:
            kind = types.get((s["article_id"], s["speaker_entity"]), "person")
            yield NameUse(s["speaker_key"], s["speaker_name"], kind, s["article_id"])


# --- the DuckDB store ------------------------------------------------------------------------


def _arrow_type(sql: str):
    import pyarrow as pa

    return {TEXT: pa.string(), INT: pa.int32(), FLOAT: pa.float64(), TEXTS: pa.list_(pa.string()),
            "BLOB": pa.binary()}[sql]


def _arrow_table(columns: list[tuple[str, str]], rows: list[dict]):
    import pyarrow as pa

    schema = pa.schema([(name, _arrow_type(sql)) for name, sql in columns])
    return pa.Table.from_pylist([{n: r.get(n) for n, _ in columns} for r in rows], schema=schema)


class Store:
    """One DuckDB database file; open it with ``Store(path)`` and ``close()`` it when done."""

    def __init__(self, path: str, read_only: bool = False):
        import duckdb

        self.path = path
        if read_only and not Path(path).exists():
            raise StoreError(f"{path}: no such database (create it with `saidwhat run CORPUS --db {path}`)")
        try:
            self.con = duckdb.connect(path, read_only=read_only)
        except duckdb.Error as err:
            first = str(err).splitlines()[0]
            raise StoreError(f"{path}: cannot open the database ({first})") from err
        if not read_only:
            self._create_tables()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _create_tables(self) -> None:
        for name, cols in {**TABLES, **_INTERNAL}.items():
            body = ", ".join(f'"{c}" {t}' for c, t in cols)
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({body})")

    # writes

    def done(self) -> dict[str, str]:
        """Article id -> content hash of everything already committed."""
        return dict(self.con.execute("SELECT id, content_hash FROM articles").fetchall())

    def representative_signatures(self) -> Iterator[tuple[str, np.ndarray]]:
        from .dedup import signature_from_bytes

        rows = self.con.execute(
            "SELECT m.article_id, m.signature FROM _minhash m JOIN articles a ON a.id = m.article_id "
            "WHERE a.duplicate_of IS NULL ORDER BY a.rowid").fetchall()
        for aid, sig in rows:
            yield aid, signature_from_bytes(sig)

    def write_chunk(self, outcomes: list[Outcome]) -> None:
        """Replace the rows of these articles, all in one transaction."""
        from .dedup import signature_to_bytes

        tables: dict[str, list[dict]] = defaultdict(list)
        for o in outcomes:
            for name, rows in article_rows(o).items():
                tables[name].extend(rows)
            if o.signature is not None and o.duplicate_of is None:
                tables["_minhash"].append({"article_id": o.article.id,
                                           "signature": signature_to_bytes(o.signature)})
        ids = [o.article.id for o in outcomes]
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._delete_articles(ids)
            for name in (*TABLES, "_minhash"):
                if tables.get(name):
                    self._insert(name, tables[name])
            self._set_meta("speakers_stale", "1")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def _delete_articles(self, ids: list[str]) -> None:
        if not ids:
            return
        for table, col in (("articles", "id"), ("statements", "article_id"), ("entities", "article_id"),
                           ("duplicates", "article_id"), ("_minhash", "article_id")):
            self.con.execute(f"DELETE FROM {table} WHERE {col} IN (SELECT unnest(?))", [ids])
        self.con.execute("DELETE FROM disputes WHERE article_a = article_b "
                         "AND article_a IN (SELECT unnest(?))", [ids])

    def _insert(self, name: str, rows: list[dict]) -> None:
        cols = {**TABLES, **_INTERNAL}[name]
        tbl = _arrow_table(cols, rows)
        names = ", ".join(f'"{c}"' for c, _ in cols)
        self.con.register("_rows", tbl)
        try:
            self.con.execute(f"INSERT INTO {name} ({names}) SELECT {names} FROM _rows")
        finally:
            self.con.unregister("_rows")

    def _set_meta(self, key: str, value: str) -> None:
        self.con.execute("DELETE FROM _meta WHERE key = ?", [key])
        self.con.execute("INSERT INTO _meta VALUES (?, ?)", [key, value])

    def _meta(self, key: str) -> str | None:
        row = self.con.execute("SELECT value FROM _meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    # derived tables

    def speakers_stale(self) -> bool:
        return self._meta("speakers_stale") == "1"

    def rebuild_speakers(self) -> int:
        statements = self._dicts(
            "SELECT article_id, speaker_name, speaker_key, speaker_entity FROM statements")
        entities = self._dicts("SELECT article_id, id, type FROM entities")
        speakers, aliases = build_speakers(name_uses(statements, entities))
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM speakers")
            self.con.execute("DELETE FROM speaker_aliases")
            if speakers:
                self._insert("speakers", speakers)
                self._insert("speaker_aliases", aliases)
            self._set_meta("speakers_stale", "0")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return len(speakers)

    def articles(self) -> Iterator[Article]:
        """The processed (not copied, not failed) articles, as records."""
        for row in self._dicts(f"SELECT * FROM articles WHERE status = '{OK}' ORDER BY rowid"):
            yield self._article(row)

    def _article(self, row: dict) -> Article:
        statements = self._dicts("SELECT * FROM statements WHERE article_id = ? ORDER BY content_start, id",
                                 [row["id"]])
        entities = self._dicts("SELECT * FROM entities WHERE article_id = ?", [row["id"]])
        disputes = self._dicts("SELECT * FROM disputes WHERE article_a = ? AND article_b = ?",
                               [row["id"], row["id"]])
        d = {k: row[k] for k in ("id", "title", "source", "url", "date", "text")}
        d["statements"] = [_statement_dict(s) for s in statements]
        d["speakers"] = [{k: e[k] for k in ("id", "name", "type", "aliases", "roles", "organisation")}
                         for e in entities]
        d["disputes"] = [{k: x[k] for k in ("a", "b", "kind", "evidence", "confidence")} for x in disputes]
        return article_from_dict(d)

    def replace_cross_disputes(self, disputes: list[Dispute]) -> None:
        rows = [dispute_row({"a": x.a, "b": x.b, "kind": x.kind, "evidence": x.evidence,
                              "confidence": x.confidence, "article_a": x.article_a,
                              "article_b": x.article_b}, "") for x in disputes]
        self.con.execute("BEGIN TRANSACTION")
        self.con.execute("DELETE FROM disputes WHERE article_a <> article_b")
        if rows:
            self._insert("disputes", rows)
        self.con.execute("COMMIT")

    # reads

    def _dicts(self, sql: str, params: list | None = None) -> list[dict]:
        cur = self.con.execute(sql, params or [])
        names = [c[0] for c in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def counts(self) -> dict[str, int]:
        out = {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        for status in (OK, DUPLICATE, ERROR):
            out[f"articles_{status}"] = self.con.execute(
                "SELECT count(*) FROM articles WHERE status = ?", [status]).fetchone()[0]
        return out

    def speaker_ids(self, query: str) -> list[str]:
        """Speakers a user's name matches: by any alias; a single word also by surname ("Clinton":
        Clinton, Hillary Clinton, Bill Clinton); else by part of the name."""
        key = normalise_name(query) or ""
        sql = "SELECT DISTINCT speaker_id FROM speaker_aliases WHERE alias = ?"
        params = [key]
        if len(key.split()) == 1:
            sql += " OR alias LIKE ?"
            params.append(f"% {key}")
        ids = [r[0] for r in self.con.execute(sql, params).fetchall()]
        if ids:
            return sorted(ids)
        return [r[0] for r in self.con.execute(
            "SELECT id FROM speakers WHERE name ILIKE ? OR list_contains(aliases, ?)",
            [f"%{query}%", query]).fetchall()]

    def query_statements(self, speaker: str | None = None, words: str | None = None,
                         date_from: str | None = None, date_to: str | None = None,
                         source: str | None = None, limit: int | None = None) -> list[dict]:
        """Statements matching every filter given; a copy's date and source count for its group."""
        where, params = [], []
        if speaker:
            ids = self.speaker_ids(speaker)
            where.append("al.speaker_id IN (SELECT unnest(?))")
            params.append(ids or [""])
        for word in (words or "").split():
            where.append("s.content ILIKE ?")
            params.append(f"%{word}%")
        occurrence = []
        if date_from:
            occurrence.append("left(o.date, 10) >= ?")
            params.append(date_from)
        if date_to:
            occurrence.append("left(o.date, 10) <= ?")
            params.append(date_to)
        if source:
            occurrence.append("(o.source ILIKE ? OR o.url ILIKE ?)")
            params.extend([f"%{source}%", f"%{source}%"])
        if occurrence:
            where.append("EXISTS (SELECT 1 FROM articles o WHERE (o.id = s.article_id OR "
                         f"o.duplicate_of = s.article_id) AND {' AND '.join(occurrence)})")
        sql = (
            "SELECT s.article_id, s.id AS statement, coalesce(sp.name, s.speaker_name) AS speaker, "
            "s.kind, s.content, s.cue, a.date, a.source, a.title, "
            "(SELECT count(*) FROM articles c WHERE c.duplicate_of = s.article_id) AS copies "
            "FROM statements s JOIN articles a ON a.id = s.article_id "
            "LEFT JOIN speaker_aliases al ON al.alias = s.speaker_key "
            "LEFT JOIN speakers sp ON sp.id = al.speaker_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY a.date NULLS LAST, s.article_id, s.content_start, s.id"
            + (f" LIMIT {int(limit)}" if limit else "")
        )
        return self._dicts(sql, params)

    def speakers(self, limit: int | None = None) -> list[dict]:
        sql = ("SELECT name, type, n_statements, n_articles, aliases, id FROM speakers "
               "ORDER BY n_statements DESC, name" + (f" LIMIT {int(limit)}" if limit else ""))
        return self._dicts(sql)

    def export(self, out_dir: str, fmt: str = "parquet") -> list[Path]:
        """One file per table under ``out_dir`` (``<table>.parquet`` or ``<table>.csv``)."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for table in TABLES:
            path = out / f"{table}.{fmt}"
            option = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
            self.con.execute(f"COPY (SELECT * FROM {table}) TO '{_sql_path(path)}' ({option})")
            written.append(path)
        return written


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _statement_dict(s: dict) -> dict:
    speaker = None
    if s["speaker_name"] is not None or s["speaker_mention"] is not None:
        speaker = {"name": s["speaker_name"], "mention": s["speaker_mention"], "start": s["speaker_start"],
                   "end": s["speaker_end"], "entity": s["speaker_entity"], "role": s["speaker_role"],
                   "organisation": s["speaker_organisation"]}
    return {"id": s["id"], "kind": s["kind"], "content": s["content"], "start": s["content_start"],
            "end": s["content_end"], "cue": s["cue"], "cue_start": s["cue_start"], "cue_end": s["cue_end"],
            "speaker": speaker, "confidence": s["confidence"]}
