"""Near-duplicate articles (syndicated wire copy, republished pages) with MinHash LSH.

Articles are seen in corpus order; the first article of a group is its representative and the
later ones are its copies. Only representatives go into the LSH index, so a copy never becomes
the representative of anything and the grouping does not depend on where a run was resumed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

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


def _minhash(sig: np.ndarray) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=sig, scheme=SCHEME)


@dataclass(slots=True)
class Match:
    representative: str
    similarity: float


class Deduper:
    """Assigns each article to the earliest similar representative, or makes it one."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD):
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def add_representative(self, article_id: str, sig: np.ndarray) -> None:
        if article_id in self._signatures:
            return
        mh = _minhash(sig)
        self._lsh.insert(article_id, mh)
        self._signatures[article_id] = mh
        self._order[article_id] = len(self._order)

    def find(self, sig: np.ndarray, article_id: str | None = None) -> Match | None:
        """The most similar representative at or above the threshold (earliest on a tie), other
        than the article itself (an earlier version of it when it is being redone)."""
        mh = _minhash(sig)
        best: Match | None = None
        best_key: tuple[float, int] | None = None
        for rep in self._lsh.query(mh):
            if rep == article_id:
                continue
            sim = mh.jaccard(self._signatures[rep])
            if sim < self.threshold:
                continue
            key = (-sim, self._order[rep])
            if best_key is None or key < best_key:
                best, best_key = Match(rep, round(float(sim), 4)), key
        return best

    def assign(self, article_id: str, sig: np.ndarray | None) -> Match | None:
        """A copy's match, or ``None`` after making the article a representative."""
        if sig is None:
            return None
        match = self.find(sig, article_id)
        if match is None:
            self.add_representative(article_id, sig)
        return match
