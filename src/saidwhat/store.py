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
import pickle
import re
import unicodedata
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from . import names
from .records import Article, Dispute, article_from_dict, article_to_dict

if TYPE_CHECKING:
    from .dedup import Change

# --- the schema -------------------------------------------------------------------------------

TEXT, INT, FLOAT, TEXTS = "VARCHAR", "INTEGER", "DOUBLE", "VARCHAR[]"
BLOB, BIGINT, BOOL = "BLOB", "BIGINT", "BOOLEAN"

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
        ("roles", TEXTS), ("organisation", TEXT), ("named", BOOL),
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
    # one row per occurrence of a quote (see ``quotes``); the quote's columns repeat on each
    "quotes": [
        ("id", TEXT), ("speaker", TEXT), ("speaker_id", TEXT), ("text", TEXT), ("first_article_id", TEXT),
        ("first_statement_id", TEXT), ("first_date", TEXT), ("first_source", TEXT), ("n_articles", INT),
        ("article_id", TEXT), ("statement_id", TEXT), ("date", TEXT), ("source", TEXT), ("quote", TEXT),
        ("variant", BOOL), ("changed", TEXTS), ("position", INT),
    ],
}
# Bookkeeping for later runs, not exported: every article's MinHash signature and corpus position
# (near-duplicate groups), every processed article's cross-article dispute items (pickled
# ``disputes.CrossItem``s with their blocking keys) and every dispute the pair judge found across
# articles before the selection. The Spark job writes them too, for its next run.
INTERNAL: dict[str, list[tuple[str, str]]] = {
    "_minhash": [("article_id", TEXT), ("signature", BLOB), ("seq", BIGINT)],
    "_cross_items": [("article_id", TEXT), ("item", INT), ("claim_keys", TEXTS), ("answer_keys", TEXTS),
                     ("data", BLOB), ("paired", BOOL)],
    "_cross_found": TABLES["disputes"],
}
_META = {"_meta": [("key", TEXT), ("value", TEXT)]}
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


@dataclass
class KeyUses:
    """The uses of one normalised name across articles: how often each written form and each
    entity type came with it."""

    key: str
    names: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)

    @property
    def n(self) -> int:
        return sum(self.names.values())

    @property
    def type(self) -> str:
        return min(self.types, key=lambda t: (-self.types[t], t or ""))


def key_uses(rows: Iterable[tuple[str, str, str, int]]) -> list[KeyUses]:
    """(key, name, type, count) rows, as a GROUP BY gives them, gathered per key."""
    by_key: dict[str, KeyUses] = {}
    for key, name, type_, n in rows:
        k = by_key.setdefault(key, KeyUses(key))
        k.names[name] += n
        k.types[type_] += n
    return list(by_key.values())


def surname_of(key: str) -> str:
    """Names interact in the merge only when they end in the same word: it partitions the work."""
    return key.split()[-1]


def merge_speakers(keys: Iterable[KeyUses]) -> tuple[list[dict], list[dict]]:
    """Rows of ``speakers`` (``n_articles`` left 0: it needs the articles, see ``build_speakers``)
    and ``speaker_aliases``: one speaker per resolved name across articles.

    Full names with the same first and last word are one speaker ("Donald J. Trump"), a "Jr."
    kept apart; a surname-only key ("putin") joins the one full name ending in that surname
    (of the gender its honorific says, if any: "Mrs. Clinton" -> "Hillary Clinton" beside "Bill
    Clinton"); otherwise it stays its own speaker. Only names with the same last word meet, so
    ``keys`` may be any union of ``surname_of`` groups (the Spark job merges each group apart).
    """
    by_key = {k.key: k for k in keys}
    canonical = _full_name_groups(by_key)
    surnames: dict[str, set[str]] = defaultdict(set)
    for key, target in canonical.items():
        words = key.split()
        if names.without_suffixes(words) == words:  # a bare "trump" is not "donald trump jr"
            surnames[words[-1]].add(target)
    for key, k in by_key.items():
        if key in canonical:
            continue
        full = surnames.get(key, set()) if len(key.split()) == 1 and k.type == "person" else set()
        if len(full) > 1:
            full = _of_gender(full, _honorific_gender(k))
        canonical[key] = next(iter(full)) if len(full) == 1 else key
    groups: dict[str, list[str]] = defaultdict(list)
    for key, target in canonical.items():
        groups[target].append(key)
    speakers, aliases = [], []
    for target, members in sorted(groups.items()):
        sid = "sp:" + target.replace(" ", "-")
        speakers.append({
            "id": sid,
            "name": _display_name(by_key[target]),
            "type": by_key[target].type,
            "aliases": sorted({" ".join(name.split()) for k in members for name in by_key[k].names}),
            "n_statements": sum(by_key[k].n for k in members),
            "n_articles": 0,
        })
        aliases.extend({"alias": k, "speaker_id": sid} for k in sorted(members))
    return speakers, aliases


def build_speakers(uses: Iterable[NameUse]) -> tuple[list[dict], list[dict]]:
    """``merge_speakers`` over single uses, with each speaker's article count."""
    uses = list(uses)
    speakers, aliases = merge_speakers(key_uses((u.key, u.name, u.type, 1) for u in uses))
    speaker_of = {a["alias"]: a["speaker_id"] for a in aliases}
    articles: dict[str, set[str]] = defaultdict(set)
    for u in uses:
        articles[speaker_of[u.key]].add(u.article_id)
    for sp in speakers:
        sp["n_articles"] = len(articles[sp["id"]])
    return speakers, aliases


def _full_name_groups(by_key: dict[str, KeyUses]) -> dict[str, str]:
    """Full person names, each mapped to the most used form of the same name: a name with
    middle words ("donald j trump") goes with its first and last word ("donald trump") when that
    name is in use too."""
    groups: dict[str, list[str]] = defaultdict(list)
    for key, k in by_key.items():
        words = key.split()
        if len(words) < 2 or k.type != "person":
            continue
        core = names.without_suffixes(words)
        short = " ".join([core[0], core[-1], *words[len(core):]])  # "donald trump", "donald trump jr"
        groups[short if short in by_key and by_key[short].type == "person" else key].append(key)
    canonical = {}
    for keys in groups.values():
        target = min(keys, key=lambda k: (-by_key[k].n, len(k), k))
        canonical.update((k, target) for k in keys)
    return canonical


def _honorific_gender(k: KeyUses) -> str | None:
    """"he"/"she" when the name is written with a gendered honorific ("Mrs. Clinton")."""
    said = {names.honorifics().get(name.split()[0].lower()) for name in k.names if len(name.split()) > 1}
    said &= {"he", "she"}
    return said.pop() if len(said) == 1 else None


def _of_gender(keys: set[str], gender: str | None) -> set[str]:
    """The full names among ``keys`` whose first name says ``gender``."""
    if gender is None:
        return keys
    return {k for k in keys if names.first_name_gender(k) == gender}


def _display_name(k: KeyUses) -> str:
    """The most used form of the name, its titles dropped ("President Vladimir Putin" -> "Vladimir Putin")."""
    counts: Counter = Counter()
    for name, n in k.names.items():
        counts[_without_titles(" ".join(name.split()), k.key)] += n
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
    seq: int | None = None  # the article's position in corpus order, across runs
    cross_rows: list[dict[str, Any]] | None = None  # made by the worker; None: made when written


def article_rows(outcome: Outcome) -> dict[str, list[dict[str, Any]]]:
    """The rows one outcome adds to each table and to ``_cross_items`` (the DuckDB store and Spark
    share this)."""
    a = outcome.article
    d = article_to_dict(a)
    row = {k: d[k] for k in ("id", "title", "source", "url", "date", "text")}
    row.update(content_hash=outcome.content_hash or content_hash(a), status=outcome.status,
               error=outcome.error, duplicate_of=outcome.duplicate_of, n_statements=len(d["statements"]))
    rows: dict[str, list[dict[str, Any]]] = {"articles": [row], "statements": [], "entities": [],
                                             "disputes": [], "duplicates": []}
    named = {e["id"] for e in d["speakers"] if e["named"]}
    for s in d["statements"]:
        sp = s["speaker"] or {}
        key = speaker_key(sp.get("name")) if sp.get("entity") in named else None  # "officials": no one
        rows["statements"].append({
            "article_id": a.id, "id": s["id"], "kind": s["kind"], "content": s["content"],
            "content_start": s["start"], "content_end": s["end"], "cue": s["cue"],
            "cue_start": s["cue_start"], "cue_end": s["cue_end"], "speaker_name": sp.get("name"),
            "speaker_mention": sp.get("mention"), "speaker_start": sp.get("start"),
            "speaker_end": sp.get("end"), "speaker_entity": sp.get("entity"), "speaker_role": sp.get("role"),
            "speaker_organisation": sp.get("organisation"), "speaker_key": key,
            "confidence": s["confidence"],
        })
    for e in d["speakers"]:
        rows["entities"].append({"article_id": a.id, **e})
    for x in d["disputes"]:
        rows["disputes"].append(dispute_row(x, a.id))
    if outcome.duplicate_of:
        rows["duplicates"].append({"group_id": outcome.duplicate_of, "article_id": a.id,
                                   "similarity": outcome.similarity})
    if outcome.status != OK:
        rows["_cross_items"] = []
    else:
        rows["_cross_items"] = outcome.cross_rows if outcome.cross_rows is not None else cross_item_rows(a)
    return rows


def cross_item_rows(article: Article) -> list[dict[str, Any]]:
    """The article's statements as cross-article dispute pairing needs them, pickled with their keys."""
    from .disputes import cross_items

    return [{"article_id": article.id, "item": i, "claim_keys": list(item.claim_keys),
             "answer_keys": list(item.answer_keys), "data": pack(item), "paired": False}
            for i, item in enumerate(cross_items(article))]


def pack(obj: Any) -> bytes:
    return zlib.compress(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(data: bytes) -> Any:
    return pickle.loads(zlib.decompress(data))


def dispute_row(x: dict[str, Any], article_id: str) -> dict[str, Any]:
    return {"article_a": x.get("article_a") or article_id, "a": x["a"],
            "article_b": x.get("article_b") or article_id, "b": x["b"], "kind": x["kind"],
            "evidence": x.get("evidence", ""), "confidence": x.get("confidence", 1.0)}


def cross_dispute_row(d: Dispute) -> dict[str, Any]:
    return {"article_a": d.article_a, "a": d.a, "article_b": d.article_b, "b": d.b, "kind": d.kind,
            "evidence": d.evidence, "confidence": d.confidence}


def cross_format() -> str:
    """A fingerprint of what stored cross-article items depend on: the disputes stage's code, the
    records it pickles and the data files it names."""
    from . import disputes, records

    digest = hashlib.sha256()
    for module in (disputes, records):
        source = Path(module.__file__).read_text(encoding="utf-8")
        digest.update(source.encode())
        for name in sorted(set(re.findall(r"[\w-]+\.(?:txt|json)\b", source))):
            path = Path(__file__).parent / "data" / name
            if path.exists():
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def name_uses(statement_rows: Iterable[dict], entity_rows: Iterable[dict]) -> Iterator[NameUse]:
    types = {(e["article_id"], e["id"]): e["type"] for e in entity_rows}
    for s in statement_rows:
        if s["speaker_key"]:
            kind = types.get((s["article_id"], s["speaker_entity"]), "person")
            yield NameUse(s["speaker_key"], s["speaker_name"], kind, s["article_id"])


# --- store-wide steps as SQL: DuckDB runs them on the store, Spark SQL on the Parquet tables ----

# (key, name, type, count) of every speaker name in use: what ``merge_speakers`` merges (the
# rules of ``name_uses``: the type of the statement's entity in its article, else a person).
SPEAKER_NAMES_SQL = """
SELECT s.speaker_key AS key, s.speaker_name AS name,
       CASE WHEN e.id IS NULL THEN 'person' ELSE e.type END AS type, count(*) AS n
FROM {statements} s LEFT JOIN {entities} e ON e.article_id = s.article_id AND e.id = s.speaker_entity
WHERE s.speaker_key IS NOT NULL AND s.speaker_key <> ''
GROUP BY s.speaker_key, s.speaker_name, CASE WHEN e.id IS NULL THEN 'person' ELSE e.type END
"""

SPEAKER_ARTICLES_SQL = """
SELECT al.speaker_id AS id, count(DISTINCT s.article_id) AS n_articles
FROM {statements} s JOIN {aliases} al ON al.alias = s.speaker_key
GROUP BY al.speaker_id
"""

# Every direct or mixed statement as ``quotes.occurrences`` reads it, in its article and in each
# copy of that article (a copy repeats what its representative says).
QUOTE_STATEMENTS_SQL = """
WITH shown AS (
  SELECT id AS said_in, id AS article_id, date, source FROM {articles}
  UNION ALL
  SELECT duplicate_of AS said_in, id AS article_id, date, source FROM {articles}
  WHERE duplicate_of IS NOT NULL
)
SELECT o.article_id, s.id AS statement_id, s.kind, s.content, al.speaker_id, sp.name AS speaker,
       o.date, o.source, coalesce(m.seq, 0) AS seq, s.content_start AS start
FROM {statements} s
JOIN shown o ON o.said_in = s.article_id
LEFT JOIN {minhash} m ON m.article_id = o.article_id
LEFT JOIN {aliases} al ON al.alias = s.speaker_key
LEFT JOIN {speakers} sp ON sp.id = al.speaker_id
WHERE s.kind IN ('direct', 'mixed')
"""

# The (claim item, pushback item) pairs of different articles that share a blocking key carried
# by at most MAX_BLOCK claims, and of which one at least is new (not ``paired`` yet): the join
# ``disputes.cross_candidates`` makes in memory.
CROSS_PAIRS_SQL = """
WITH claims AS (SELECT article_id, item, paired, {explode}(claim_keys) AS key FROM {items}),
     answers AS (SELECT article_id, item, paired, {explode}(answer_keys) AS key FROM {items}),
     open_keys AS (SELECT key FROM claims GROUP BY key HAVING count(*) <= {max_block})
SELECT DISTINCT c.article_id AS article_a, c.item AS item_a, a.article_id AS article_b, a.item AS item_b
FROM claims c JOIN open_keys k ON k.key = c.key JOIN answers a ON a.key = c.key
WHERE c.article_id <> a.article_id AND NOT (c.paired AND a.paired)
"""


# --- the DuckDB store ------------------------------------------------------------------------


def _arrow_type(sql: str):
    import pyarrow as pa

    return {TEXT: pa.string(), INT: pa.int32(), FLOAT: pa.float64(), TEXTS: pa.list_(pa.string()),
            BLOB: pa.binary(), BIGINT: pa.int64(), BOOL: pa.bool_()}[sql]


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
            if self._meta("cross_format") is None and not self._has_processed_articles():
                self._set_meta("cross_format", cross_format())  # a new store: its items will be current

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _create_tables(self) -> None:
        for name, cols in {**TABLES, **INTERNAL, **_META}.items():
            body = ", ".join(f'"{c}" {t}' for c, t in cols)
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({body})")
        self._upgrade()

    def _upgrade(self) -> None:
        """A store made by an earlier version kept no corpus positions (its row order is one) and
        no ``named`` flag on entities (NULL, read as named)."""
        self.con.execute("ALTER TABLE _minhash ADD COLUMN IF NOT EXISTS seq BIGINT")
        self.con.execute("ALTER TABLE entities ADD COLUMN IF NOT EXISTS named BOOLEAN")  # NULL: named
        if self.con.execute("SELECT count(*) FROM _minhash WHERE seq IS NULL").fetchone()[0]:
            self.con.execute("UPDATE _minhash SET seq = r.n FROM (SELECT id, row_number() OVER "
                             "(ORDER BY rowid) AS n FROM articles) r "
                             "WHERE r.id = _minhash.article_id AND _minhash.seq IS NULL")

    # writes

    def done(self) -> dict[str, str]:
        """Article id -> content hash of everything already committed."""
        return dict(self.con.execute("SELECT id, content_hash FROM articles").fetchall())

    def grouped(self) -> Iterator[tuple[str, np.ndarray, int, str]]:
        """Every article in a near-duplicate group (alone or not): (id, signature, corpus position,
        representative), in corpus order."""
        from .dedup import signature_from_bytes

        cur = self.con.execute(
            "SELECT m.article_id, m.signature, m.seq, coalesce(a.duplicate_of, m.article_id) FROM _minhash m "
            "JOIN articles a ON a.id = m.article_id ORDER BY m.seq")
        while rows := cur.fetchmany(10_000):
            for aid, sig, seq, rep in rows:
                yield aid, signature_from_bytes(sig), seq, rep

    def article_inputs(self, ids: list[str]) -> dict[str, Article]:
        """Stored articles as inputs again (their text and metadata, nothing found in them)."""
        rows = self._dicts("SELECT id, title, source, url, date, text FROM articles "
                           "WHERE id IN (SELECT unnest(?))", [ids])
        return {r["id"]: Article(**r) for r in rows}

    def write_chunk(self, outcomes: list[Outcome], regroup: Iterable[Change] = ()) -> None:
        """Replace the rows of these articles, and make copies of those that became copies of
        another group's representative (``regroup``), all in one transaction."""
        from .dedup import signature_to_bytes

        tables: dict[str, list[dict]] = defaultdict(list)
        next_seq = None
        for o in outcomes:
            for name, rows in article_rows(o).items():
                tables[name].extend(rows)
            if o.signature is not None:
                seq = o.seq
                if seq is None:  # written by hand, not by a run: after everything else
                    seq = next_seq = self._next_seq() if next_seq is None else next_seq + 1
                tables["_minhash"].append({"article_id": o.article.id, "seq": seq,
                                           "signature": signature_to_bytes(o.signature)})
        changes = [c for c in regroup if c.representative is not None]
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._delete_articles([o.article.id for o in outcomes])
            for name in (*TABLES, *INTERNAL):
                if tables.get(name):
                    self._insert(name, tables[name])
            self._make_copies(changes)
            self._set_meta("speakers_stale", "1")
            self._set_meta("quotes_stale", "1")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def _next_seq(self) -> int:
        return self.con.execute("SELECT coalesce(max(seq) + 1, 0) FROM _minhash").fetchone()[0]

    def _delete_articles(self, ids: list[str], keep: tuple[str, ...] = ()) -> None:
        """Every row of these articles (but in the tables ``keep``), their disputes with others too."""
        if not ids:
            return
        for table, col in (("articles", "id"), ("statements", "article_id"), ("entities", "article_id"),
                           ("duplicates", "article_id"), ("_minhash", "article_id"),
                           ("_cross_items", "article_id")):
            if table not in keep:
                self.con.execute(f"DELETE FROM {table} WHERE {col} IN (SELECT unnest(?))", [ids])
        for table in ("disputes", "_cross_found"):
            self.con.execute(f"DELETE FROM {table} WHERE article_a IN (SELECT unnest(?)) "
                             "OR article_b IN (SELECT unnest(?))", [ids, ids])

    def _make_copies(self, changes: list[Change]) -> None:
        """Processed articles (or copies) whose group now has an earlier representative: their
        rows go, and the article rows say whose copy they are."""
        if not changes:
            return
        self._delete_articles([c.article_id for c in changes], keep=("articles", "_minhash"))
        rows = [{"group_id": c.representative, "article_id": c.article_id, "similarity": c.similarity}
                for c in changes]
        self._insert("duplicates", rows)
        self.con.execute(
            f"UPDATE articles SET status = '{DUPLICATE}', duplicate_of = d.group_id, error = NULL, "
            "n_statements = 0 FROM duplicates d "
            "WHERE d.article_id = articles.id AND articles.id IN (SELECT unnest(?))",
            [[c.article_id for c in changes]])

    def _insert(self, name: str, rows: list[dict]) -> None:
        cols = {**TABLES, **INTERNAL}[name]
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

    def _transaction(self, steps) -> None:
        self.con.execute("BEGIN TRANSACTION")
        try:
            steps()
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    # derived tables

    def speakers_stale(self) -> bool:
        return self._meta("speakers_stale") == "1"

    def quotes_stale(self) -> bool:
        return self._meta("quotes_stale") == "1"

    def rebuild_speakers(self) -> int:
        """``speakers`` and ``speaker_aliases`` anew: the names in use counted by DuckDB, merged per name."""
        names = self.con.execute(
            SPEAKER_NAMES_SQL.format(statements="statements", entities="entities")).fetchall()
        speakers, aliases = merge_speakers(key_uses(names))

        def replace() -> None:
            self.con.execute("DELETE FROM speakers")
            self.con.execute("DELETE FROM speaker_aliases")
            if speakers:
                self._insert("speakers", speakers)
                self._insert("speaker_aliases", aliases)
                counts = SPEAKER_ARTICLES_SQL.format(statements="statements", aliases="speaker_aliases")
                self.con.execute(f"UPDATE speakers SET n_articles = c.n_articles FROM ({counts}) c "
                                 "WHERE speakers.id = c.id")
            self._set_meta("speakers_stale", "0")

        self._transaction(replace)
        return len(speakers)

    def rebuild_quotes(self) -> int:
        """``quotes`` anew from every direct and mixed statement (after the speakers)."""
        from . import quotes

        sql = QUOTE_STATEMENTS_SQL.format(statements="statements", articles="articles", minhash="_minhash",
                                          aliases="speaker_aliases", speakers="speakers")
        found = quotes.group(quotes.occurrences(self._dicts(sql)))
        rows = list(quotes.rows(found))

        def replace() -> None:
            self.con.execute("DELETE FROM quotes")
            if rows:
                self._insert("quotes", rows)
            self._set_meta("quotes_stale", "0")

        self._transaction(replace)
        return len(found)

    def quotes(self, speaker: str | None = None, variants_only: bool = False) -> list[dict]:
        """The quotes as ``quotes.to_json`` objects: of one speaker (any alias), with variants only."""
        from . import quotes

        where, params = [], []
        if speaker:
            where.append("speaker_id IN (SELECT unnest(?))")
            params.append(self.speaker_ids(speaker) or [""])
        if variants_only:
            where.append("id IN (SELECT id FROM quotes WHERE variant)")
        sql = "SELECT * FROM quotes" + (" WHERE " + " AND ".join(where) if where else "")
        return quotes.to_json(self._dicts(sql, params))

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
        return article_from_rows(row, statements, entities, disputes)

    def update_cross_disputes(self) -> int:
        """Disputes across articles, brought up to date: the pairs that the items of articles new
        since the last time make (with stored items or each other) are judged, then the disputes
        are selected anew from all found. Returns how many there are."""
        from .disputes import MAX_BLOCK, judge_cross, select_cross

        self._refresh_cross_items()
        pairs = self.con.execute(CROSS_PAIRS_SQL.format(explode="unnest", items="_cross_items",
                                                        max_block=MAX_BLOCK)).fetchall()
        items = self._cross_items({(a, i) for a, i, _, _ in pairs} | {(b, j) for _, _, b, j in pairs})
        judged = (judge_cross(items[a, i], items[b, j]) for a, i, b, j in pairs)
        found = [cross_dispute_row(d) for d in judged if d is not None]
        chosen: list[dict] = []

        def record() -> None:
            if found:
                self._insert("_cross_found", found)
            self.con.execute("UPDATE _cross_items SET paired = true WHERE NOT paired")
            every = [Dispute(**r) for r in self._dicts("SELECT * FROM _cross_found")]
            chosen.extend(cross_dispute_row(d) for d in select_cross(every))
            self.con.execute("DELETE FROM disputes WHERE article_a <> article_b")
            if chosen:
                self._insert("disputes", chosen)

        self._transaction(record)
        return len(chosen)

    def _cross_items(self, keys: set[tuple[str, int]]) -> dict[tuple[str, int], Any]:
        if not keys:
            return {}
        import pyarrow as pa

        wanted = pa.table({"article_id": [k[0] for k in keys], "item": [k[1] for k in keys]})
        self.con.register("_wanted", wanted)
        try:
            rows = self.con.execute("SELECT c.article_id, c.item, c.data FROM _cross_items c "
                                    "JOIN _wanted w USING (article_id, item)").fetchall()
        finally:
            self.con.unregister("_wanted")
        return {(a, i): unpack(data) for a, i, data in rows}

    def _refresh_cross_items(self) -> None:
        """Stored items are pickles of the disputes stage's objects: when that stage changed, or the
        store comes from a version that kept none, every processed article's items are made again
        and everything is paired anew."""
        fmt = cross_format()
        if self._meta("cross_format") == fmt:
            return
        self._transaction(lambda: self._remake_cross_items(fmt))

    def _remake_cross_items(self, fmt: str) -> None:
        self.con.execute("DELETE FROM _cross_items")
        self.con.execute("DELETE FROM _cross_found")
        rows: list[dict] = []
        for article in self.articles():
            rows.extend(cross_item_rows(article))
            if len(rows) >= 5000:
                self._insert("_cross_items", rows)
                rows = []
        if rows:
            self._insert("_cross_items", rows)
        self._set_meta("cross_format", fmt)

    def _has_processed_articles(self) -> bool:
        return self.con.execute(f"SELECT count(*) FROM articles WHERE status = '{OK}'").fetchone()[0] > 0

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


def article_from_rows(row: dict, statements: list[dict], entities: list[dict],
                      disputes: list[dict]) -> Article:
    """An article back from its rows in the tables (the inverse of ``article_rows``)."""
    d = {k: row[k] for k in ("id", "title", "source", "url", "date", "text")}
    in_order = sorted(statements, key=lambda s: (s["content_start"], s["id"]))
    d["statements"] = [_statement_dict(s) for s in in_order]
    d["speakers"] = [{k: e[k] for k in ("id", "name", "type", "aliases", "roles", "organisation")}
                     | {"named": e["named"] is not False} for e in entities]
    d["disputes"] = [{k: x[k] for k in ("a", "b", "kind", "evidence", "confidence")} for x in disputes]
    return article_from_dict(d)


def _statement_dict(s: dict) -> dict:
    speaker = None
    if s["speaker_name"] is not None or s["speaker_mention"] is not None:
        speaker = {"name": s["speaker_name"], "mention": s["speaker_mention"], "start": s["speaker_start"],
                   "end": s["speaker_end"], "entity": s["speaker_entity"], "role": s["speaker_role"],
                   "organisation": s["speaker_organisation"]}
    return {"id": s["id"], "kind": s["kind"], "content": s["content"], "start": s["content_start"],
            "end": s["content_end"], "cue": s["cue"], "cue_start": s["cue_start"], "cue_end": s["cue_end"],
            "speaker": speaker, "confidence": s["confidence"]}
