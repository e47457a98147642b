"""The learned part of the disputes stage: how likely a statement pushes back on one before it.

The cue rules of ``disputes`` find the pushbacks an article spells out ("denied", "dismissed X's
claim"), and their claims. Most disputes in the news are less explicit, so every pair of nearby
statements by different speakers is also judged by a logistic model trained on the
annotated PolNeAR train articles (``scripts/train_disputes.py``, ``data/dispute_model.json``).
It reads the pair as the two steps of a dispute:

- does ``b`` push back at all: its cue and pushback cue, the words framing it ("but", "in
  response", "that suggestion"), an evaluative word ("false", "ridiculous") or a negation;
- is ``a`` what it answers: how far apart they are, whether ``b`` names ``a``'s speaker or the
  reverse, whether ``b``'s speaker is on ``a``'s side, what they share, whether one negates the other.

Word features (stems of the frame or the content) were tried and left out: on held-out folds of
train they did no better, and they made the model depend on the training statements' topics.

A pair's probability is its confidence. Judged pairs are listed only on request (a
``min_confidence``): on unseen news the judge is not yet precise enough to speak unasked. The
model's ``threshold``, chosen by cross-validation grouped by article on train, is the cut-off
suggested for such a review list.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from . import disputes as D
from .logistic import LogisticModel, bucket
from .records import Article, Dispute

# ``b`` answers one of this many statements before it.
WINDOW = 12
# At most this many judged disputes in one article, no statement in two: the model ranks well
# within an article, but its probabilities do not add up across many near pairs.
MAX_PER_ARTICLE = 2

_CONTRAST = re.compile(
    r"^\W*(?:but|however|yet|still|instead|in response|responding|in a statement|meanwhile|on the other hand"
    r"|in contrast|by contrast|though|although|countering|asked about)\b",
    re.IGNORECASE,
)
_RESPONSE = re.compile(
    r"\b(?:in response|responding|responded|respond|asked about|reacting|in reply|replied|fired back"
    r"|shot back|countered|retorted|pushed back|hit back)\b",
    re.IGNORECASE,
)
_EVALUATIVE = re.compile(
    r"\b(?:ridiculous|absurd|false|lie|lies|lying|nonsense|wrong|baseless|untrue|outrageous|desperate"
    r"|disingenuous|smear|misleading|inaccurate|irresponsible|shameful|disgraceful|laughable|preposterous"
    r"|silly|crazy|fabricat\w*|mislead\w*|distort\w*|not true|no evidence|never)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _claim_reference() -> re.Pattern:
    """ "that suggestion", "the allegation", "his remarks": words pointing at something said."""
    nouns = "|".join(sorted(D.lexicon().claim_nouns))
    pointer = r"\b(?:that|this|those|these|the|such|his|her|their|its)\s+(?:\w+\s+)?"
    return re.compile(pointer + "(?:" + nouns + r")\b", re.IGNORECASE)


@dataclass
class Reading:
    """An article as the judge reads it: ``disputes.read_article``'s statements and what they name."""

    text: str
    saids: list[D.Said]
    names: list[frozenset[str]]  # the names each statement's speaker goes by
    surnames: list[frozenset[str]]  # each statement's speaker's surnames (and one-word names)
    mentioned: list[frozenset[str]]  # the lower-cased words of each statement's content and frame
    paragraphs: list[int]
    idf: dict[str, float]
    order: list[int]  # positions in ``saids`` by where their contents start
    rank: list[int]  # each statement's place in ``order``
    n_words: list[int]
    starts: list[int]  # where the text's sentences start (``disputes.sentence_starts``)
    last_other: dict[int, int] = field(default_factory=dict)  # see ``_last_other``


def read(article: Article, saids: list[D.Said]) -> Reading:
    text = article.text
    breaks = [m.start() for m in re.finditer(r"\n\s*\n", text)]
    all_names, surnames, mentioned, paragraphs = [], [], [], []
    for s in saids:
        names = frozenset(D.names_of(s, article)) if s.st.speaker else frozenset()
        all_names.append(names)
        surnames.append(_called(s, names))
        pieces = [text[lo:hi] for lo, hi in s.frame] + [s.st.content.text]
        mentioned.append(frozenset(w.lower() for p in pieces for w in D.words(p)))
        paragraphs.append(bisect.bisect_left(breaks, s.st.content.start))
    order = sorted(range(len(saids)), key=lambda k: saids[k].st.content.start)
    rank = [0] * len(saids)
    for r, k in enumerate(order):
        rank[k] = r
    return Reading(text, saids, all_names, surnames, mentioned, paragraphs, D.idf_of(saids),
                   order, rank, [len(D.words(s.st.content.text)) for s in saids], D.sentence_starts(text))


def _last_other(reading: Reading, j: int) -> int:
    """The place in text order of the latest statement before ``j`` by another speaker (-1: none
    within ``WINDOW``)."""
    if j not in reading.last_other:
        b = reading.saids[j]
        r = reading.rank[j] - 1
        while r >= max(0, reading.rank[j] - WINDOW) and D.same_speaker(reading.saids[reading.order[r]], b):
            r -= 1
        reading.last_other[j] = r if r >= max(0, reading.rank[j] - WINDOW) else -1
    return reading.last_other[j]


def _called(said: D.Said, names: frozenset[str]) -> frozenset[str]:
    """The words another statement would name this speaker by: surnames, and the capitalised words
    of a group's name or of the speaker's organisation ("Clinton campaign" -> clinton)."""
    out = {D.surname(x) for x in names}
    groups = [x for x in names if D.words(x) and D.words(x)[-1].islower()]
    if said.st.speaker and said.st.speaker.organisation:
        groups.append(said.st.speaker.organisation)
    out.update(w.lower() for x in groups for w in D.words(x) if w[:1].isupper())
    return frozenset(w for w in out if len(w) > 2)


def candidate_pairs(reading: Reading) -> list[tuple[int, int]]:
    """(earlier, later) positions in ``reading.saids`` of statements by different speakers that
    resolved to a person, organisation, country or group (``Said.named``), at most ``WINDOW``
    statements apart."""
    saids, order = reading.saids, reading.order
    out = []
    for jj, j in enumerate(order):
        b = saids[j]
        if b.speaker is None or not b.named or b.st.kind == "headline":
            continue
        if _concedes(reading, b):
            continue
        for i in order[max(0, jj - WINDOW) : jj]:
            a = saids[i]
            if a.speaker is None or not a.named or a.pointing or D.same_speaker(a, b):
                continue
            if _defends(reading, i, j):
                continue
            out.append((i, j))
    return out


def _concedes(reading: Reading, b: D.Said) -> bool:
    """ "did not deny that ...": a negated pushback cue concedes the claim."""
    frame = D.frame_text(b, reading.text)
    return any(D.negated_before(frame, m.start())
               for _, pattern in D.lexicon().frame_cues for m in pattern.finditer(frame))


def _defends(reading: Reading, i: int, j: int) -> bool:
    """ "dismissed criticism of Bell's remarks": ``b`` takes ``a``'s side."""
    return bool(D.criticised(D.frame_text(reading.saids[j], reading.text)) & reading.surnames[i])


def lead(reading: Reading, s: D.Said) -> str:
    """The text of ``s``'s sentence before its content, cue and speaker."""
    starts = [s.st.content.start]
    if s.st.cue:
        starts.append(s.st.cue.start)
    if s.st.speaker and s.st.speaker.mention:
        starts.append(s.st.speaker.mention.start)
    first = min(starts)
    return reading.text[reading.starts[bisect.bisect_right(reading.starts, first) - 1] : first]


def _content_cue(s: D.Said) -> str | None:
    for kind, pattern in D.lexicon().content_cues + D.lexicon().frame_cues:
        m = pattern.search(s.st.content.text)
        if m and not D.negated_before(s.st.content.text, m.start()):
            return kind
    return None


def _negated(s: D.Said) -> bool:
    return any(p.negated for p in s.predications)


def _last_word(span) -> str:
    toks = span.text.lower().split() if span is not None else []
    return toks[-1] if toks else "none"


_OWNED = re.compile(r"^(?:his|her|its|their)\b", re.IGNORECASE)


def _same_side(reading: Reading, i: int, j: int) -> bool:
    """``b``'s speaker works for ``a``'s: "her campaign chairman", or an organisation named after
    ``a``'s speaker ("the Clinton campaign")."""
    b = reading.saids[j].st.speaker
    owned = bool(b.mention and _OWNED.match(b.mention.text))
    words = {w.lower() for x in (b.organisation, b.name) if x for w in D.words(x)}
    return owned or bool(words & reading.surnames[i] - reading.surnames[j])


def _pushback_features(reading: Reading, j: int) -> dict[str, float]:
    """What says that ``b`` (``j``) pushes back, whatever it answers."""
    b = reading.saids[j]
    f: dict[str, float] = {"kind_b=" + b.st.kind: 1.0, "b_cue=" + _last_word(b.st.cue): 1.0}
    if b.pushback:
        f["b_push"] = 1.0
        f["b_push_" + ("content" if b.pushback.in_content else "frame")] = 1.0
        f["b_push_kind=" + b.pushback.kind] = 1.0
        if b.points_back:
            f["b_points_back"] = 1.0
        if b.referenced:
            f["b_refs"] = 1.0
    elif (kind := _content_cue(b)) is not None:
        f["b_cue_deep"] = 1.0
        f["b_cue_deep=" + kind] = 1.0
    if b.pointing:
        f["b_pointing"] = 1.0
    opening = lead(reading, b)
    frame = D.frame_text(b, reading.text) + " " + opening
    if _CONTRAST.match(opening):
        f["b_contrast"] = 1.0
    if _RESPONSE.search(frame):
        f["b_response"] = 1.0
    if _claim_reference().search(frame):
        f["b_claim_reference"] = 1.0
    if _EVALUATIVE.search(b.st.content.text):
        f["b_evaluative"] = 1.0
    f["b_named"] = float(b.named)
    f["b_words=" + bucket(reading.n_words[j], (4, 10, 25, 50))] = 1.0
    f["b_conf=" + bucket(b.st.confidence, (0.5, 0.7, 0.85, 0.95))] = 1.0
    return f


def pair_features(reading: Reading, i: int, j: int, b_features: dict[str, float]) -> dict[str, float]:
    """``b_features`` (``_pushback_features`` of ``j``) and what ties ``a`` (``i``) to ``b``."""
    saids = reading.saids
    a, b = saids[i], saids[j]
    f = {"bias": 1.0, **b_features}
    f["dist=" + bucket(reading.rank[j] - reading.rank[i] - 1, (0, 1, 2, 4, 8))] = 1.0
    f["sdist=" + bucket(b.sentence - a.sentence, (0, 1, 2, 4))] = 1.0
    f["same_para"] = float(reading.paragraphs[i] == reading.paragraphs[j])
    f["a_nearest_other"] = float(reading.rank[i] >= _last_other(reading, j))
    f["kind_a=" + a.st.kind] = 1.0
    f["a_cue=" + _last_word(a.st.cue)] = 1.0
    if a.pushback:
        f["a_push"] = 1.0
    if a.answered_by:
        f["a_answered"] = 1.0
    if _same_side(reading, i, j):
        f["same_side"] = 1.0
    b_names_a = bool(reading.surnames[i] & reading.mentioned[j])
    a_names_b = bool(reading.surnames[j] & reading.mentioned[i])
    f["b_names_a"] = float(b_names_a)
    f["a_names_b"] = float(a_names_b)
    if b.referenced and any(D.named_as(r, a, reading.names[i]) for r in b.referenced):
        f["b_refers_a"] = 1.0
    if b_names_a and b.pushback:
        f["b_names_a&push"] = 1.0
    if b_names_a and "b_claim_reference" in f:
        f["b_names_a&claim_reference"] = 1.0
    if a_names_b and (b.pushback or "b_cue_deep" in f):
        f["a_names_b&push"] = 1.0
    count, weight = D.overlap(a, b, reading.idf)
    f["shared=" + bucket(count, (0, 1, 2, 4))] = 1.0
    f["shared_w"] = min(weight, 20.0) / 10.0
    f["jaccard"] = len(a.stems & b.stems) / (len(a.stems | b.stems) or 1)
    f["subjects_shared"] = float(bool(a.subjects & b.subjects))
    na, nb = _negated(a), _negated(b)
    if nb and not na:
        f["neg_b_only"] = 1.0
    if na and not nb:
        f["neg_a_only"] = 1.0
    if D.negation(a, b) or D.negation(b, a):
        f["negation_pair"] = 1.0
    if D.incompatibility(a, b):
        f["incompatible"] = 1.0
    f["a_named"] = float(a.named)
    f["a_credible"] = float(a.credible)
    f["a_words=" + bucket(reading.n_words[i], (4, 10, 25, 50))] = 1.0
    f["a_conf=" + bucket(a.st.confidence, (0.5, 0.7, 0.85, 0.95))] = 1.0
    if b.pushback:
        for k in list(f):
            if k.startswith(("dist=", "shared=", "b_names_a", "a_names_b", "b_contrast")) and "&" not in k:
                f["push&" + k] = f[k]
    return f


def featured_pairs(reading: Reading, framed_only: bool = False) -> list[tuple[int, int, dict[str, float]]]:
    """Each candidate pair with its features, and how ``a`` ranks among ``b``'s candidates (the
    nearest, the nearest that ``b`` names or that names ``b``, the one sharing most with ``b``).
    ``framed_only``: only the pairs whose ``b`` is framed as a pushback (the only ones listed;
    training reads them all)."""
    pairs = candidate_pairs(reading)
    pushback = {j: _pushback_features(reading, j) for j in {j for _, j in pairs}}
    if framed_only:
        pairs = [(i, j) for i, j in pairs if framed(pushback[j])]
    feats = [pair_features(reading, i, j, pushback[j]) for i, j in pairs]
    n_push = sum(1 for s in reading.saids if s.pushback)
    n_speakers = len({s.speaker for s in reading.saids if s.speaker and s.named})
    article = {"art_push=" + bucket(n_push, (0, 1, 2, 4)): 1.0,
               "art_speakers=" + bucket(n_speakers, (1, 2, 3, 5, 8)): 1.0,
               "art_statements=" + bucket(len(reading.saids), (5, 10, 20, 40)): 1.0}
    for f in feats:
        f.update(article)
    by_b: dict[int, list[int]] = {}
    for k, (_, j) in enumerate(pairs):
        by_b.setdefault(j, []).append(k)
    for ks in by_b.values():
        ks.sort(key=lambda k: -reading.saids[pairs[k][0]].st.content.start)  # nearest first
        _mark_first(feats, [k for k in ks if feats[k]["b_names_a"]], "nearest_named")
        _mark_first(feats, [k for k in ks if feats[k]["a_names_b"]], "nearest_naming")
        best = max(ks, key=lambda k: feats[k]["shared_w"])
        if feats[best]["shared_w"] > 0:
            feats[best]["most_shared"] = 1.0
        feats[ks[0]]["nearest"] = 1.0
        if feats[ks[0]].get("b_push"):
            for k in ks:
                for x in ("nearest_named", "nearest_naming", "most_shared", "nearest"):
                    if x in feats[k]:
                        feats[k]["push&" + x] = 1.0
    return [(i, j, f) for (i, j), f in zip(pairs, feats, strict=True)]


def _mark_first(feats: list[dict[str, float]], ks: list[int], name: str) -> None:
    if ks:
        feats[ks[0]][name] = 1.0


class Judge(LogisticModel):
    """A logistic model over pair features; ``threshold`` is its cross-validated review cut-off."""


@lru_cache(maxsize=1)
def dispute_model() -> Judge:
    path = resources.files("saidwhat").joinpath("data/dispute_model.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return Judge(data["weights"], data["threshold"])


# What frames ``b`` as a pushback. A judged pair needs one: on held-out folds of train, pairs
# without any had the same scores and half the precision (two speakers on one topic).
FRAMING = ("b_push", "b_cue_deep", "b_contrast", "b_response", "b_claim_reference", "b_evaluative")


def framed(features: dict[str, float]) -> bool:
    return any(features.get(k) for k in FRAMING)


def judged_disputes(article: Article, saids: list[D.Said], taken: set[str],
                    floor: float) -> list[Dispute]:
    """The best judged pairs of the article at least ``floor`` likely whose pushback is framed,
    none touching a statement in ``taken`` (the cue rules' disputes), at most ``MAX_PER_ARTICLE``,
    best first."""
    judge = dispute_model()
    scored = [(p, saids[i].st.id, saids[j].st.id, (i, j, f))
              for i, j, f in featured_pairs(read(article, saids), framed_only=True)
              if (p := judge.probability(f)) >= floor]
    out = []
    for p, _, _, (i, j, f) in best_pairs(scored, taken):
        a, b = saids[i], saids[j]
        out.append(Dispute(a.st.id, b.st.id, _kind(a, b), evidence(a, b, f), round(p, 3)))
    return out


def best_pairs(scored: list[tuple], taken: set[str] = frozenset(),
               limit: int = MAX_PER_ARTICLE) -> list[tuple]:
    """The pairs of one article the judge lists, from ``(score, a id, b id, ...)`` tuples: best
    first, at most ``limit``, no statement in two pairs nor in ``taken``. The training script
    keeps its held-out pairs by this too."""
    out: list[tuple] = []
    used = set(taken)
    for item in sorted(scored, key=lambda x: -x[0]):
        if len(out) >= limit:
            break
        if item[1] in used or item[2] in used:
            continue
        used.update(item[1:3])
        out.append(item)
    return out


def _kind(a: D.Said, b: D.Said) -> str:
    if b.pushback:
        return b.pushback.kind
    return "contradiction" if D.negation(a, b) or D.negation(b, a) else "rejection"


_SEEN = (("b_contrast", "opens with a contrast"), ("b_response", "framed as a response"),
         ("b_claim_reference", "points at a claim"), ("b_names_a", "names the other speaker"),
         ("b_evaluative", "calls it wrong"), ("negation_pair", "negates the claim"),
         ("shared_w", "same topic"))


def evidence(a: D.Said, b: D.Said, f: dict[str, float]) -> str:
    """What the judge saw, in words a reviewer can check."""
    said = [f'"{b.pushback.evidence}"'] if b.pushback else []
    said += [words for feature, words in _SEEN if f.get(feature)]
    return "judged: " + (", ".join(said) or "nearby statements of two speakers")
