"""The learned part of speaker resolution: which of an article's entities a mention refers to
when its words alone do not say ("he", "the senator", "the network", "the report"), or none.

A mention is an ``Ask`` (its kind and what its words say); ``Features`` describes each
candidate entity against it (distance, salience, who spoke last, agreement, roles, authorship)
and the choice of "no name"; ``Ranker`` scores them with a softmax over weights trained on
PolNeAR train by ``scripts/train_resolution.py`` (``data/resolution_model.json``) and takes
the most probable candidate when its probability reaches the threshold of the mention's kind.
The article index and the candidates are ``resolve``'s.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from . import names
from .logistic import bucket

# Kinds of mention the ranker decides, in groups whose features share weights as well.
KIND_GROUPS = {"he": "people", "role": "people",
               "it": "things", "they": "things", "org": "things", "doc": "things"}


@dataclass
class Ask:
    """A mention left to the ranker: its kind and what its words say."""

    kind: str  # "he" (a person), "it", "they", "role" (a role nominal), "org" (organisation nominal), "doc"
    char: int
    head: str | None = None  # role word ("president") or organisation noun ("company")
    org: str | None = None  # organisation named in the mention ("Turkey's foreign minister")
    org_ent: object | None = None  # that organisation's entity, itself a candidate
    owner: object | None = None  # "his spokesman", "Clinton's lawyer": whose
    determiner: str = "bare"  # "def", "indef", "poss", "bare"
    gender: str | None = None
    spokesperson: bool = False
    content: tuple[int, int] | None = None  # the statement's content: its speaker rarely names itself there
    role: str | None = None
    wanted: str | None = None  # the entity type an organisation noun calls for
    contrasted: object | None = None  # "But the Frenchman said": the speaker just quoted, whom it is not
    epithet: str | None = None  # "the Scot": not one the text called by another nationality


class Features:
    """The features of each candidate for one mention (see ``scripts/train_resolution.py``)."""

    def __init__(self, art, ask: Ask, cands: list):
        self.art, self.ask, self.cands = art, ask, cands
        char = ask.char
        self.sent, self.para = art.sent_of(char), art.para_of(char)
        self.before = {id(c): c.mention_before(char) for c in cands}
        # ties (one mention of two entities) go by the candidates' order, never by id(): the
        # same text must give the same features in every process
        last = sorted((m.start, k, id(c)) for k, c in enumerate(cands)
                      if (m := self.before[id(c)]) is not None)
        self.recency = {cid: r for r, (_, _, cid) in enumerate(reversed(last))}
        subjects = [(m.start, k, id(c)) for k, c in enumerate(cands)
                    if (m := c.subject_before(char)) is not None]
        self.subject_recency = {cid: r for r, (_, _, cid) in enumerate(sorted(subjects, reverse=True))}
        mains = [(m.start, m.sent, k, id(c)) for k, c in enumerate(cands)
                 if (m := _main_subject_before(c, char)) is not None]
        self.main_recency = {cid: r for r, (_, _, _, cid) in enumerate(sorted(mains, reverse=True))}
        self.main_sent = {cid: sent for _, sent, _, cid in mains}
        self.last_speaker = art.speaker_before(char)
        counts = {id(c): len(c.mentions) for c in cands}
        self.top = max(counts.values()) if counts else 0
        self.counts = counts
        wanted = [(m.start, m.sent, k, id(c)) for k, c in enumerate(cands)
                  if c.type == ask.wanted and (m := self.before[id(c)]) is not None]
        self.latest_wanted = max(wanted)[3] if wanted else None
        self.wanted_near = sum(1 for _, sent, _, _ in wanted if self.sent - sent <= 2)
        authors = [(start, k, id(c)) for k, c in enumerate(cands) for start, _ in c.authored if start < char]
        self.latest_author = max(authors)[2] if authors else None
        self.role_holders = sum(1 for c in cands if ask.head and c.has_role(ask.head)
                                and names.organisations_compatible(ask.org, c.organisation))
        self.governing = art.governing_subjects(art.token_at(char)) if ask.kind == "he" else set()

    def rows(self) -> list[dict[str, float]]:
        return [self._row(c) for c in self.cands]

    def null_row(self) -> dict[str, float]:
        """The features of "no name": the mention's kind and how near any candidate is."""
        k, ask = self.ask.kind, self.ask
        near = min((self.sent - m.sent for m in self.before.values() if m is not None), default=None)
        f = {f"{k}:null": 1.0, f"{k}:null&det={ask.determiner}": 1.0,
             f"{k}:null&near=" + (bucket(near, (0, 1, 2, 4, 9)) if near is not None else "none"): 1.0,
             f"{k}:null&ncand=" + bucket(len(self.cands), (1, 2, 4, 8)): 1.0}
        if ask.spokesperson:
            f[f"{k}:null&spokes"] = 1.0
        if ask.gender:
            f[f"{k}:null&gender"] = 1.0
        return f

    def _row(self, c) -> dict[str, float]:
        ask, k = self.ask, self.ask.kind
        f: dict[str, float] = {}

        group = KIND_GROUPS[k]

        def add(name: str, value: float = 1.0) -> None:
            f[f"{k}:{name}"] = value  # weighed for this kind of mention
            f[f"{group}:{name}"] = value  # and for its group, whose kinds share what they have in common

        add("bias")
        before = self.before[id(c)]
        after = c.mention_after(ask.char)
        if before is not None:
            add("db=" + bucket(self.sent - before.sent, (0, 1, 2, 3, 5, 10)))
            if before.para == self.para:
                add("same_para")
            if before.in_quote:
                add("last_in_quote")
            elif before.in_content:
                add("last_in_content")  # talked about in a statement, not speaking
            add(f"last_rank={before.rank}")
        else:
            add("db=none")
        if after is not None:
            da = after.sent - self.sent
            if da <= 2:
                add("da=" + bucket(da, (0, 1, 2)) + ("&nobefore" if before is None else ""))
        add("rec=" + bucket(self.recency.get(id(c), 99), (0, 1, 2, 3, 99)))
        add("srec=" + bucket(self.subject_recency.get(id(c), 99), (0, 1, 2, 99)))
        if id(c) in self.main_recency:  # the subject of a sentence's main verb: who the text is about
            add("mrec=" + bucket(self.main_recency[id(c)], (0, 1, 2)))
            add("mdb=" + bucket(self.sent - self.main_sent[id(c)], (0, 1, 2, 4)))
            if self.main_recency[id(c)] == 0:
                add("mrec=0&mdb=" + bucket(self.sent - self.main_sent[id(c)], (0, 1, 2)))
        n = self.counts[id(c)]
        add("n=" + bucket(n, (1, 2, 4, 10)))
        if n == self.top:
            add("most_named")
        if c.mentions and c.mentions[0].sent <= 1:
            add("lead")
        subject = c.subject_before(ask.char)
        if subject is not None and subject.in_content:
            add("subject_in_content")
        if subject is not None and subject.para == self.para:
            add("subject_in_para")  # the paragraph is about them
        elif subject is not None and subject.para == self.para - 1:
            add("subject_in_last_para")
        ls = self.last_speaker
        if ls is not None and ls.ent is c:
            add("last_speaker")
            if ls.para == self.para:
                add("last_speaker_same_para")
            if ls.sent == self.sent:
                add("last_speaker_same_sent")
        add("t=" + c.type)
        first = c.mentions[0] if c.mentions else None
        if first is not None and first.start < ask.char:
            add("introduced=" + bucket(self.sent - first.sent, (0, 1, 2, 4)))
        if id(c) in self.governing:
            add("governing_subject")
        if c.unsure_person:
            add("unsure_person")  # "Valeant", "Sandy Hook": no first name, title or honorific
        if ask.gender is not None and c.gender == ask.gender:
            add("gender_match")
        if ask.wanted and c.type == ask.wanted:
            add("type_wanted")
            if before is not None and self.sent - before.sent <= 2:
                add("type_wanted&near" + ("&only" if self.wanted_near == 1 else ""))
            if id(c) == self.latest_wanted:
                add("latest_of_type")  # "the company" after "Acme Corp. reported ..."
        if ask.head and ask.head in c.name.lower().split():
            add("name_has_noun")  # "the party" -> "Republican Party"
        if ask.content is not None and any(ask.content[0] <= m.start < ask.content[1] for m in c.mentions):
            add("named_in_content")
        wrote = [noun for start, noun in c.authored if start < ask.char]
        if wrote:
            add("authored")
            if ask.head in wrote:
                add("authored_same")  # "the poll" after "a Quinnipiac poll"
            if id(c) == self.latest_author:
                add("latest_author")
        if ask.head:
            if c.has_role(ask.head):
                add("role_same")
                if self.role_holders == 1 and names.organisations_compatible(ask.org, c.organisation):
                    add("role_same&only")
                near = min(abs(m.sent - self.sent) for m in c.mentions)
                add("role_same&near=" + bucket(near, (0, 1, 2, 5)))
            if ask.head in c.nouns:
                add("noun_same")
        if c.roles:
            add("has_role")
        if ask.org and c.organisation:
            add("org_same" if names.organisations_compatible(ask.org, c.organisation) else "org_clash")
        elif ask.org and c.type == "person":
            add("org_unknown")  # "the French president": a person of no known country
        if c is ask.org_ent:
            add("is_org")
            add(f"is_org&{ask.determiner}")
        if c is ask.owner:
            add("is_owner")
            if ask.spokesperson:
                add("is_owner&spokes")
        if k == "role":
            distance = bucket(self.sent - before.sent, (0, 1, 3)) if before else "none"
            add(f"det={ask.determiner}&db={distance}")
            if ask.spokesperson:
                add("spokes&t=" + c.type)
        return f


def _main_subject_before(c, char: int):
    """The entity's latest mention before ``char`` as the subject of a sentence's main verb."""
    return next((m for m in reversed(c.mentions) if m.start < char and m.main), None)


class Ranker:
    """A log-linear model over a mention's candidates and "no name" (a softmax over their
    feature scores), trained on PolNeAR train by ``scripts/train_resolution.py``. A candidate
    is chosen when it is the most probable and its probability reaches its kind's threshold."""

    def __init__(self, weights: dict[str, float], thresholds: dict[str, float]):
        self.weights = weights
        self.thresholds = thresholds

    def probabilities(self, null: dict[str, float], rows: list[dict[str, float]]) -> list[float]:
        """P(no name), then P(each candidate)."""
        zs = [sum(self.weights.get(k, 0.0) * v for k, v in f.items()) for f in [null, *rows]]
        top = max(zs)
        exps = [math.exp(z - top) for z in zs]
        total = sum(exps)
        return [e / total for e in exps]

    def choose(self, kind: str, null: dict[str, float], rows: list[dict[str, float]]) -> int | None:
        probs = self.probabilities(null, rows)
        best = max(range(1, len(probs)), key=probs.__getitem__, default=None)
        if best is None or probs[best] < max(probs[0], self.thresholds.get(kind, 0.5)):
            return None
        if any(k != best and abs(p - probs[best]) < 1e-9 for k, p in enumerate(probs) if k):
            return None  # two candidates the features cannot tell apart: naming either is a guess
        return best - 1


@lru_cache(maxsize=1)
def resolution_model() -> Ranker:
    path = resources.files("saidwhat").joinpath("data/resolution_model.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return Ranker(data["weights"], data["thresholds"])
