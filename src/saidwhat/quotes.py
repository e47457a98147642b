"""Quotes across a corpus: where a quote first appeared, who repeats it, whether its words changed.

A quote is the text of a direct statement, or a quoted part of a mixed one, of ``MIN_WORDS`` words
or more. Two of them are the same quote when their words are the same once case, punctuation,
ellipses and curly quotes are set aside, or when one is a part of the other (a quote cut short),
or when they differ inside by a few words (``MAX_CHANGED``: a **variant**); and when their speakers
are the same speaker across articles, or one of them has no named speaker. A quote is a connected
group of such occurrences, each joined to the longest version it matches (so that a short part
two different quotes share does not make them one). Its first appearance is its earliest
occurrence by date, then corpus order; each occurrence is a variant when its words differ inside
from the first-seen wording's, and ``changed`` lists the words that differ.

Occurrences meet through the word ``KEY_WORDS``-grams they share (an exact join on shingles: a cut
quote shares all of its own, which a similarity estimate over whole quotes would miss); a
shingle that more than ``MAX_BLOCK`` distinct wordings share is too common to pair on. The store
(``Store.rebuild_quotes``) and the Spark job use these functions alike, so both group the same
occurrences and pick the same first appearance.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

MIN_WORDS = 4
KEY_WORDS = 4
MAX_BLOCK = 200
MAX_CHANGED = 0.2  # of the words two wordings share; one changed word is always allowed
QUOTE_MARKS = "\"\u201c\u201d\u201e\u00ab\u00bb"
_MARK = re.compile(f"[{QUOTE_MARKS}]")
_WORD = re.compile(r"\w+(?:'\w+)*")
_WORD_PIECE = re.compile(r"(\w+(?:['\u2019]\w+)*)")


# --- quotes in a statement ---------------------------------------------------------------------


def quoted_parts(content: str, kind: str) -> list[str]:
    """The quoted text of a statement: a direct statement's content is quoted (but for the
    attribution between two quote marks inside it); in a mixed one, what is between quote marks
    (a quote left open runs to the content's end)."""
    if kind not in ("direct", "mixed"):
        return []
    pieces = _MARK.split(content)
    inside = kind == "direct"
    parts = []
    for piece in pieces:
        if inside and piece.strip():
            parts.append(piece.strip())
        inside = not inside
    return parts


def words(text: str) -> tuple[str, ...]:
    """The words that make a quote the same quote: lower case, no accents, curly apostrophes
    straight, punctuation and ellipses dropped."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return tuple(_WORD.findall(text))


def keys(wording: tuple[str, ...]) -> list[str]:
    """The word ``KEY_WORDS``-grams occurrences are paired on."""
    n = KEY_WORDS
    return sorted({" ".join(wording[i : i + n]) for i in range(max(1, len(wording) - n + 1))})


# --- two wordings ------------------------------------------------------------------------------


def _inner_ops(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[int, list[tuple]]:
    """(words in common, the differences inside): what one has at either end and the other
    lacks is a cut, not a difference."""
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    while ops and ops[0][0] in ("delete", "insert"):
        ops = ops[1:]
    while ops and ops[-1][0] in ("delete", "insert"):
        ops = ops[:-1]
    common = sum(i2 - i1 for op, i1, i2, _, _ in ops if op == "equal")
    return common, [op for op in ops if op[0] != "equal"]


def same_wording(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two wordings are one quote: equal, one a part of the other, or a few words apart."""
    common, diffs = _inner_ops(a, b)
    changed = sum(max(i2 - i1, j2 - j1) for _, i1, i2, j1, j2 in diffs)
    return common >= MIN_WORDS and changed <= max(1, MAX_CHANGED * common)


def changed_words(first: tuple[str, ...], other: tuple[str, ...]) -> list[str]:
    """The words that differ inside ``other`` from ``first`` (both sides of a replacement, what
    was added, what was dropped); empty when it is the same wording or a part of it."""
    _, diffs = _inner_ops(first, other)
    out: list[str] = []
    for _, i1, i2, j1, j2 in diffs:
        out.extend(first[i1:i2])
        out.extend(other[j1:j2])
    return out


# --- occurrences and quotes --------------------------------------------------------------------


@dataclass
class Occurrence:
    """One quoted text in one article (a copy of an article repeats its representative's)."""

    article_id: str
    statement_id: str
    part: int
    text: str
    speaker_id: str | None
    speaker: str | None
    date: str | None
    source: str | None
    seq: int  # the article's corpus position
    start: int  # the statement's place in its article
    wording: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.wording:
            self.wording = words(self.text)

    def order(self) -> tuple:
        """Earliest by date (undated last), then corpus order, then place in the article."""
        return (self.date is None, self.date or "", self.seq, self.start, self.statement_id, self.part)


@dataclass
class Quote:
    id: str
    speaker: str | None  # the name of its earliest named speaker
    speaker_id: str | None
    first: Occurrence
    occurrences: list[Occurrence] = field(default_factory=list)
    changes: dict[int, list[str]] = field(default_factory=dict)  # occurrence index -> changed words

    @property
    def n_articles(self) -> int:
        return len({o.article_id for o in self.occurrences})


def occurrences(rows: Iterable[dict]) -> Iterator[Occurrence]:
    """The quotes of statement rows (``article_id``, ``statement_id``, ``kind``, ``content``,
    ``speaker_id``, ``speaker``, ``date``, ``source``, ``seq``, ``start``) long enough to follow."""
    for r in rows:
        for n, text in enumerate(quoted_parts(r["content"] or "", r["kind"])):
            o = Occurrence(r["article_id"], r["statement_id"], n, text, r["speaker_id"], r["speaker"],
                           r["date"], r["source"], r["seq"], r["start"])
            if len(o.wording) >= MIN_WORDS:
                yield o


Node = tuple[tuple[str, ...], str | None]  # a distinct wording, by one speaker (None: unnamed)


def node_of(o: Occurrence) -> Node:
    return o.wording, o.speaker_id


def node_id(node: Node) -> int:
    """A 64-bit id of a node, the same in every process (the Spark job's label)."""
    return int.from_bytes(hashlib.blake2b(repr(node).encode(), digest_size=8).digest(), "big", signed=True)


def rank(node: Node) -> tuple[int, int]:
    """Longer wordings rank higher (ties: by id)."""
    return len(node[0]), node_id(node)


def links(pairs: Iterable[tuple[Node, Node]]) -> Iterator[tuple[Node, Node]]:
    """(node, the version it joins): of the nodes a node is the same quote as and that rank higher,
    the highest. A part that two different longer quotes share joins one of them only, so it never
    makes them one quote."""
    best: dict[Node, Node] = {}
    for a, b in pairs:
        for x, y in ((a, b), (b, a)):
            if rank(y) > rank(x) and (x not in best or rank(y) > rank(best[x])):
                best[x] = y
    return iter(best.items())


def may_pair(a: Node, b: Node) -> bool:
    """Same quote: the same speaker, or one unnamed, and one wording."""
    return (a[1] is None or b[1] is None or a[1] == b[1]) and same_wording(a[0], b[0])


def candidate_pairs(nodes: list[Node]) -> Iterator[tuple[int, int]]:
    """Pairs of nodes that share a key no more than ``MAX_BLOCK`` nodes share, each pair once."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, (wording, _) in enumerate(nodes):
        for k in keys(wording):
            blocks[k].append(i)
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) > MAX_BLOCK:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pair = (members[x], members[y])
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def quote_id(first: Occurrence) -> str:
    digest = hashlib.sha1(f"{first.article_id}\0{first.statement_id}\0{first.part}".encode()).hexdigest()
    return "q-" + digest[:12]


def reference(first: tuple[str, ...], versions: list[tuple[str, ...]],
              wording: tuple[str, ...]) -> tuple[str, ...]:
    """What an occurrence is compared with: the first-seen wording, or when it is not the same
    wording as that one (another part of a longer version), the longest version it matches (itself
    when none: then it has no changed words)."""
    if same_wording(first, wording):
        return first
    return next((v for v in versions if v != wording and same_wording(v, wording)), wording)


def group(found: Iterable[Occurrence]) -> list[Quote]:
    """The quotes of the occurrences: connected groups of same-quote pairs, each with its first
    appearance and its occurrences in order, variants marked."""
    found = list(found)
    index: dict[Node, int] = {}
    for o in found:
        index.setdefault(node_of(o), len(index))
    nodes = list(index)
    parent = list(range(len(nodes)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    same = ((nodes[i], nodes[j]) for i, j in candidate_pairs(nodes) if may_pair(nodes[i], nodes[j]))
    for a, b in links(same):
        parent[root(index[a])] = root(index[b])
    groups: dict[int, list[Occurrence]] = defaultdict(list)
    for o in found:
        groups[root(index[node_of(o)])].append(o)
    return sorted((make_quote(members) for members in groups.values()), key=quote_order)


def make_quote(members: list[Occurrence]) -> Quote:
    members = sorted(members, key=Occurrence.order)
    first = members[0]
    named = next((o for o in members if o.speaker), None)
    versions = sorted({o.wording for o in members}, key=lambda w: (-len(w), w))
    quote = Quote(quote_id(first), named.speaker if named else None, named.speaker_id if named else None,
                  first, members)
    for n, o in enumerate(members):
        quote.changes[n] = changed_words(reference(first.wording, versions, o.wording), o.wording)
    return quote


def quote_order(q: Quote) -> tuple:
    """Most repeated first, then by first appearance."""
    return (-q.n_articles, q.first.order(), q.id)


# --- the table and the JSON form ---------------------------------------------------------------

def rows(quotes: Iterable[Quote]) -> Iterator[dict]:
    """One row per occurrence (``position``: its place in the quote's occurrences)."""
    for q in quotes:
        for n, o in enumerate(q.occurrences):
            yield {"id": q.id, "speaker": q.speaker, "speaker_id": q.speaker_id, "text": q.first.text,
                   "first_article_id": q.first.article_id, "first_statement_id": q.first.statement_id,
                   "first_date": q.first.date, "first_source": q.first.source, "n_articles": q.n_articles,
                   "article_id": o.article_id, "statement_id": o.statement_id, "date": o.date,
                   "source": o.source, "quote": o.text, "variant": bool(q.changes[n]),
                   "changed": q.changes[n], "position": n}


def to_json(table_rows: Iterable[dict]) -> list[dict]:
    """The ``saidwhat quotes -f json`` objects, from rows of the ``quotes`` table in any order."""
    by_id: dict[str, list[dict]] = defaultdict(list)
    for r in table_rows:
        by_id[r["id"]].append(r)
    out = []
    for qid, members in by_id.items():
        members.sort(key=lambda r: r["position"])
        r0 = members[0]
        out.append({
            "id": qid, "speaker": r0["speaker"], "text": r0["text"],
            "first_seen": {"article_id": r0["first_article_id"], "statement_id": r0["first_statement_id"],
                           "date": r0["first_date"], "source": r0["first_source"]},
            "n_articles": r0["n_articles"],
            "occurrences": [{"article_id": r["article_id"], "statement_id": r["statement_id"],
                             "date": r["date"], "source": r["source"], "text": r["quote"],
                             "variant": bool(r["variant"]), "changed": list(r["changed"] or [])}
                            for r in members],
        })
    out.sort(key=lambda q: (-q["n_articles"], q["first_seen"]["date"] is None, q["first_seen"]["date"] or "",
                            q["id"]))
    return out


def pieces(text: str, changed: list[str]) -> list[tuple[str, bool]]:
    """``text`` cut into words and what is between them, each with whether it is one of the
    ``changed`` words (to mark them on a page)."""
    changed_set = set(changed)
    out = []
    for n, piece in enumerate(_WORD_PIECE.split(text)):
        if piece:
            out.append((piece, n % 2 == 1 and any(w in changed_set for w in words(piece))))
    return out
