"""Near-duplicate articles (syndicated wire copy, republished pages) with MinHash LSH.

Two articles are similar when the Jaccard similarity of their MinHash signatures is at or above
the threshold and they share an LSH band (``band_hashes``). A near-duplicate group is a connected
component of that "similar" graph, and its representative is its earliest article in corpus order
(the one processed; the others are its copies). The rule depends only on the set of articles and
their order, not on how they were split into runs or chunks, so a local run (``Deduper``, one
article at a time) and the Spark job (a join on band hashes and a label propagation) group the
same articles under the same representative.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

# datasketch is imported where it is used: it brings scipy (0.7 s), which the worker processes of a
# run, importing this module through ``batch``, never need.

NUM_PERM = 128
SHINGLE_WORDS = 5
DEFAULT_THRESHOLD = 0.8
SCHEME = "affine32"  # datasketch 2.0's default, named so stored signatures stay comparable
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Overlapping word n-grams of the lower-cased text; a short text is one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature of ``text`` (``None`` for a text without words)."""
    from datasketch import MinHash

    grams = shingles(text)
    if not grams:
        return None
    mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    mh.update_batch(list(grams))
    return mh.hashvalues.copy()


def signature_to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype(np.uint64).tobytes()


def signature_from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.uint64).copy()


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """The Jaccard similarity two signatures estimate (as ``MinHash.jaccard``)."""
    return float(np.count_nonzero(a == b)) / len(a)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """``jaccard``, rounded as stored."""
    return round(jaccard(a, b), 4)


# --- LSH bands --------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def band_params(threshold: float) -> tuple[int, int]:
    """(bands, rows per band) for ``threshold``: datasketch's choice, which weighs missed and false
    candidates equally; above about 0.95 datasketch has no answer and 2 bands of 64 rows are used."""
    from datasketch import MinHashLSH

    try:
        lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    except ValueError:
        return 2, NUM_PERM // 2
    return lsh.b, lsh.r


_MULTIPLIERS = np.random.default_rng(20161108).integers(1, 2**63, NUM_PERM, dtype=np.uint64) * 2 + 1
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: every input bit moves every output bit."""
    h = (h ^ (h >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    h = (h ^ (h >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return h ^ (h >> np.uint64(31))


def band_hashes(sigs: np.ndarray, threshold: float) -> np.ndarray:
    """One 64-bit hash per band of each signature (a row of ``sigs``, or one signature), as int64:
    two signatures share a band exactly when (but for a 2^-64 chance) they share a hash."""
    bands, rows = band_params(threshold)
    single = sigs.ndim == 1
    m = np.atleast_2d(sigs).astype(np.uint64)[:, : bands * rows].reshape(-1, bands, rows)
    with np.errstate(over="ignore"):
        h = (m * _MULTIPLIERS[:rows]).sum(axis=2, dtype=np.uint64)
        h = _mix(h + np.arange(1, bands + 1, dtype=np.uint64) * _GOLDEN)
    out = h.view(np.int64)
    return out[0] if single else out


# --- groups -----------------------------------------------------------------------------------


@dataclass(slots=True)
class Match:
    representative: str
    similarity: float


@dataclass(slots=True)
class Change:
    """An article already grouped whose representative changed: ``None`` when it is now one itself."""

    article_id: str
    representative: str | None
    similarity: float | None


class Deduper:
    """Near-duplicate groups, kept up to date one article at a time (in corpus order, or with the
    position an article had: ``seq``). Adding an article that joins two groups merges them under
    the earlier representative; the later one and its copies are reported as ``Change``s."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD):
        self.threshold = threshold
        self._sig: dict[str, np.ndarray] = {}
        self._seq: dict[str, int] = {}
        self._rep: dict[str, str] = {}  # article -> its group's representative
        self._members: dict[str, list[str]] = {}  # representative -> its group, itself included
        self._buckets: dict[int, list[str]] = defaultdict(list)
        self._bands: dict[str, np.ndarray] = {}  # only for articles in the buckets
        self._twins: dict[bytes, list[str]] = {}  # one signature's articles; only the first is in the buckets
        self._next = 0

    def __len__(self) -> int:
        """How many groups (representatives) there are."""
        return len(self._members)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._sig

    def representative(self, article_id: str) -> str | None:
        return self._rep.get(article_id)

    def signature_of(self, article_id: str) -> np.ndarray | None:
        return self._sig.get(article_id)

    def seq(self, article_id: str) -> int | None:
        return self._seq.get(article_id)

    def next_seq(self) -> int:
        return self._next

    def load(self, article_id: str, sig: np.ndarray, seq: int, representative: str) -> None:
        """Take an article as grouped before (from the store), without looking for its neighbours."""
        self._index(article_id, sig, seq)
        self._rep[article_id] = representative
        self._members.setdefault(representative, []).append(article_id)

    def assign(self, article_id: str, sig: np.ndarray | None) -> Match | None:
        """Add the next article in corpus order; its match, or ``None`` when it is a representative."""
        if sig is None:
            return None
        match, _changes = self.add(article_id, sig)
        return match

    def add(self, article_id: str, sig: np.ndarray,
            seq: int | None = None) -> tuple[Match | None, list[Change]]:
        """Add an article (again, with a new signature, when it is known: it keeps its ``seq``).
        Returns its match (``None``: it represents its group) and the other articles whose
        representative changed."""
        before: dict[str, str] = {}
        if article_id in self._sig:
            seq = self._seq[article_id] if seq is None else seq
            before = self._remove(article_id)
        for member, old in self._join(article_id, sig, self._next if seq is None else seq):
            before.setdefault(member, old)
        before.pop(article_id, None)
        target = self._rep[article_id]
        match = None if target == article_id else Match(target, similarity(sig, self._sig[target]))
        return match, [self._change(m) for m, old in sorted(before.items()) if self._rep[m] != old]

    def discard(self, article_id: str) -> list[Change]:
        """Take an article out of the groups (its new text has no words); the others whose
        representative changed."""
        if article_id not in self._sig:
            return []
        before = self._remove(article_id)
        before.pop(article_id)
        return [self._change(m) for m, old in sorted(before.items()) if self._rep[m] != old]

    def _join(self, article_id: str, sig: np.ndarray, seq: int) -> list[tuple[str, str]]:
        """Put the article in the group of its neighbours, merging their groups under the earliest
        representative; returns the (article, representative before) of those that moved."""
        neighbours = self._neighbours(sig, article_id)
        self._index(article_id, sig, seq)
        groups = {self._rep[n] for n in neighbours}
        target = min([*groups, article_id], key=self._seq.__getitem__)
        self._rep[article_id] = target
        self._members.setdefault(target, []).append(article_id)
        moved = []
        for g in groups - {target}:
            for m in self._members.pop(g):
                moved.append((m, g))
                self._rep[m] = target
                self._members[target].append(m)
        return moved

    def _change(self, article_id: str) -> Change:
        rep = self._rep[article_id]
        if rep == article_id:
            return Change(article_id, None, None)
        return Change(article_id, rep, similarity(self._sig[article_id], self._sig[rep]))

    def _index(self, article_id: str, sig: np.ndarray, seq: int) -> None:
        self._sig[article_id] = sig
        self._seq[article_id] = seq
        self._next = max(self._next, seq + 1)
        twins = self._twins.setdefault(sig.tobytes(), [])
        twins.append(article_id)
        if len(twins) == 1:
            self._bucket(article_id, sig)

    def _bucket(self, article_id: str, sig: np.ndarray) -> None:
        bands = band_hashes(sig, self.threshold)
        self._bands[article_id] = bands
        for h in bands.tolist():
            self._buckets[h].append(article_id)

    def _neighbours(self, sig: np.ndarray, article_id: str) -> set[str]:
        """Articles similar to ``sig``. One with the very same signature stands for all of them:
        they have the same neighbours, hence are in one group already."""
        twins = self._twins.get(sig.tobytes())
        if twins:
            return {twins[0]}
        found = set()
        for h in band_hashes(sig, self.threshold).tolist():
            for other in self._buckets.get(h, ()):
                if other != article_id and other not in found \
                        and jaccard(sig, self._sig[other]) >= self.threshold:
                    found.add(other)
        return found

    def _remove(self, article_id: str) -> dict[str, str]:
        """Take an article out (its text changed): its group is regrouped without it, by adding its
        other members again in corpus order. Returns their representatives before."""
        group = self._members.pop(self._rep[article_id])
        before = {m: self._rep[m] for m in group}
        kept = {m: (self._sig[m], self._seq[m]) for m in group if m != article_id}
        for m in group:
            self._forget(m)
            del self._sig[m], self._seq[m]
        for m in sorted(kept, key=lambda m: kept[m][1]):
            self._join(m, *kept[m])
        return before

    def _forget(self, article_id: str) -> None:
        """Out of the buckets and the twins (the signature and position are dropped by the caller)."""
        del self._rep[article_id]
        key = self._sig[article_id].tobytes()
        twins = self._twins[key]
        twins.remove(article_id)
        if not twins:
            del self._twins[key]
        bands = self._bands.pop(article_id, None)
        if bands is None:
            return
        for h in bands.tolist():
            bucket = self._buckets[h]
            bucket.remove(article_id)
            if not bucket:
                del self._buckets[h]
        if twins:  # the next article with this signature stands for them now
            self._bucket(twins[0], self._sig[twins[0]])
