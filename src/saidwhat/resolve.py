"""Speaker mentions -> article entities and full names (pronouns, nominals, cataphora, aliases).

No coreference model ships its weights on PyPI, so this is a rule-based resolver over what the
spaCy parse already gives: one pass over ``doc.ents`` builds the article's named entities (people
grouped by surname, organisations by name, suffix and acronym) with the roles written next to
them ("President Vladimir Putin", "his spokesman Dmitry Peskov", "Dmitry Peskov, the Kremlin
spokesman"); one pass over the statements, in text order, resolves each speaker mention:

- a name inside the mention wins ("U.S. State Department spokesman John Kirby" -> John Kirby);
- a pronoun goes to the most salient compatible entity of the nearest sentences before it
  (statement speakers first, then sentence subjects, then any mention);
- "who"/"which" go to the noun the relative clause modifies;
- a role nominal ("the president", "Turkey's foreign minister") goes to a named person with the
  same role word: nearby before or after (cataphora), else the most recent one before;
- "the company", "the group" go to the most recent organisation called so, or of that type;
- group nouns ("the group's representatives", "officials") go to their possessor or keep the
  mention as the name.

Every step is a bisect or a short walk over sorted mentions: no re-parsing.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .records import Entity, Statement

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_PERSON_LABELS = frozenset({"PERSON"})
_ORG_LABELS = {"ORG": "organisation", "GPE": "country", "NORP": "group", "LOC": "other", "FAC": "other"}
_POSSESSIVE_TAGS = frozenset({"POS"})
_QUOTE = re.compile(r"[\"“][^\"“”\n]*[\"”]")
_PRONOUN_WINDOW = 4  # sentences back a pronoun may reach
_CATAPHORA_AFTER = 2  # sentences ahead a role nominal may find its name
_NEARBY_BEFORE = 1  # sentences back that count as "nearby" for a role nominal
_RANK_SPEAKER, _RANK_SUBJECT, _RANK_OTHER = 2, 1, 0
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})


# --- word lists ----------------------------------------------------------------------------------


def _read_list(name: str) -> dict[str, str]:
    """A data file as {first field: second field (or the first)}; '#' starts a comment."""
    text = resources.files("saidwhat").joinpath("data", name).read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        out[parts[0].lower()] = parts[1] if len(parts) > 1 else parts[0].lower()
    return out


@lru_cache(maxsize=1)
def _lists() -> dict[str, dict[str, str]]:
    return {
        "titles": _read_list("titles.txt"),
        "honorifics": {k: ("" if v == k else v) for k, v in _read_list("honorifics.txt").items()},
        "pronouns": _read_list("pronouns.txt"),
        "org_nouns": _read_list("organisation_nouns.txt"),
        "group_nouns": _read_list("group_nouns.txt"),
        "first_names": _read_list("first_names.txt"),
    }


def _is_title(tok) -> bool:
    w = tok.lower_
    lists = _lists()
    return w in lists["titles"] or w in lists["honorifics"] or tok.lemma_.lower() in lists["titles"]


def _is_role_word(tok) -> bool:
    titles = _lists()["titles"]
    return tok.lower_ in titles or tok.lemma_.lower() in titles


def _role_head(role: str | None) -> str | None:
    """The word a role is compared by: "Foreign Minister" -> "minister"; "Sen." -> "senator"."""
    if not role:
        return None
    words = role.lower().split(" of ", 1)[0].split()
    if not words:
        return None
    head = words[-1]
    head = _lists()["titles"].get(head, head)
    if head.startswith("spokes"):
        return "spokesperson"
    return head


def _strip_name(text: str) -> str:
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I)
    return re.sub(r"\s*['’]s?$", "", text).strip()


def _org_compatible(a: str | None, b: str | None) -> bool:
    """Whether two organisation/country strings may name the same side ("Russia", "Russian")."""
    if not a or not b:
        return True
    a, b = _strip_name(a).lower(), _strip_name(b).lower()
    if a == b or a in b or b in a:
        return True
    return len(a) >= 4 and len(b) >= 4 and a[:4] == b[:4]


# --- working records ------------------------------------------------------------------------------


@dataclass(eq=False)
class _Ent:
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    organisation: str | None = None
    gender: str | None = None
    nouns: set[str] = field(default_factory=set)  # common nouns it is called by: "group", "company"
    id: str | None = None
    weak: bool = False  # named only in the headline, where the tagger is least reliable
    last: int = -1  # start of its latest mention seen while indexing

    def add_alias(self, text: str | None) -> None:
        if text and text not in self.aliases:
            self.aliases.append(text)

    def add_role(self, role: str | None) -> None:
        if role and role.lower() not in (r.lower() for r in self.roles):
            self.roles.append(role)

    def has_role(self, head: str) -> bool:
        return any(_role_head(r) == head for r in self.roles)

    def best_role(self, head: str | None) -> str | None:
        """The fullest role with ``head`` ("foreign minister" over "Minister"), or the first role."""
        if head:
            same = [r for r in self.roles if _role_head(r) == head]
            if same:
                return max(same, key=len)
        return self.roles[0] if self.roles else None


@dataclass(order=True)
class _Mention:
    start: int
    sent: int
    rank: int
    ent: _Ent = field(compare=False)
    in_quote: bool = field(default=False, compare=False)


@dataclass
class _Found:
    ent: _Ent | None
    role: str | None = None
    organisation: str | None = None


# --- the article index ----------------------------------------------------------------------------


class _Article:
    """The named entities of one Doc, their mentions in text order, and the resolution rules."""

    def __init__(self, doc):
        self.doc = doc
        self.sent_starts = [s.start_char for s in doc.sents]
        text = doc.text  # built once: Doc.text joins every token
        self.quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
        self.quote_starts = [q[0] for q in self.quotes]
        first_break = text.find("\n")
        self.headline_end = first_break if 0 < first_break < 300 else 0
        self.entities: list[_Ent] = []
        self.by_surname: dict[str, list[_Ent]] = {}
        self.by_first: dict[str, list[_Ent]] = {}
        self.orgs: list[_Ent] = []
        self.token_ent: dict[int, _Ent] = {}  # token index -> entity, for every named token
        self.mentions: list[_Mention] = []
        self._depth = 0
        self._index_entities()

    # positions

    def sent_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, char) - 1)

    def in_quote(self, char: int) -> bool:
        i = bisect.bisect_right(self.quote_starts, char) - 1
        return i >= 0 and self.quotes[i][0] < char < self.quotes[i][1]

    def add_mention(self, ent: _Ent, start: int, rank: int) -> None:
        quoted = self.in_quote(start)
        bisect.insort(self.mentions, _Mention(start, self.sent_of(start), _RANK_OTHER if quoted else rank,
                                              ent, quoted))

    # indexing

    def _index_entities(self) -> None:
        ents = list(self.doc.ents)
        for span in ents:
            if span.label_ in _PERSON_LABELS:
                self._index_person(_with_particles(span))
        for span in self._untagged_names():
            self._index_person(span)
        names = _lists()["first_names"]
        for ent in self.entities:
            if ent.gender is None and len(ent.name.split()) > 1:  # a lone "Warren" may be a surname
                ent.gender = names.get(ent.name.split()[0].lower())
        for span in ents:
            if span.label_ in _ORG_LABELS:
                if self._is_known_person(span):
                    self._index_person(span)  # the tagger often labels a surname ORG or GPE
                else:
                    self._index_org(span)

    def _untagged_names(self):
        """Names the tagger missed: a run of capitalised proper nouns outside any entity that
        starts with a known first name ("Ana Ruiz") or follows a title ("Mayor Ruiz")."""
        doc, first_names = self.doc, _lists()["first_names"]
        i = 0
        while i < len(doc):
            j = i
            while j < len(doc) and _untagged_proper(doc[j]):
                j += 1
            if j == i:
                i += 1
                continue
            k = i
            while k < j and _is_title(doc[k]):  # "Mayor Ana Ruiz": the title is a proper noun too
                k += 1
            start = i
            if k == i and i > 0 and _is_title(doc[i - 1]) and doc[i - 1].text[:1].isupper():
                start = i - 1  # "Gov. Ruiz", the title tagged apart
            titled = start < k
            if 0 < j - k <= 3 and (titled or (doc[k].lower_ in first_names and j - k >= 2)):
                yield doc[start:j]
            i = j

    def _is_known_person(self, span) -> bool:
        toks = self._name_tokens(span)
        if not toks or any(t.pos_ != "PROPN" for t in toks):
            return False
        same = self.by_surname.get(_surname(toks))
        if not same:
            return False
        return len(toks) == 1 or any(e.name.split()[0].lower() == toks[0].lower_ for e in same)

    def _name_tokens(self, span):
        """The tokens of a PERSON span that form the name: titles and a trailing 's dropped."""
        toks = list(span)
        while toks and (toks[0].lower_ == "the" or _is_title(toks[0]) or toks[0].pos_ in ("ADJ", "DET")
                        or not toks[0].text[:1].isalnum()):
            toks.pop(0)
        while toks and (toks[-1].tag_ in _POSSESSIVE_TAGS or toks[-1].tag_.startswith("VB")
                        or not toks[-1].text.strip(".'’-")):
            toks.pop()  # "Obama Says" in a headline: the verb is no part of the name
        return toks

    def _index_person(self, span) -> None:
        toks = self._name_tokens(span)
        if not toks or not any(t.text[:1].isupper() for t in toks):
            return
        name = _words_text(toks[0], toks[-1])
        ent = self.person(name, weak=span.start_char < self.headline_end)
        ent.add_alias(name)
        ent.last = span.start_char
        for t in span:
            self.token_ent[t.i] = ent
        for t in ([self.doc[span.start - 1]] if span.start else []) + list(span):
            gender = _lists()["honorifics"].get(t.lower_)
            if gender in ("he", "she") and not ent.gender:
                ent.gender = gender
        block, after = self._title_block(span, toks[0])
        role, org, _ = _describe(block)
        if not org and after:
            org = _organisation_in(after, set(), nearest_last=False)
        ent.add_role(role)
        if org and not ent.organisation:
            ent.organisation = org
        root = span.root
        rank = _RANK_SUBJECT if root.dep_ in _SUBJECT_DEPS else _RANK_OTHER
        self.add_mention(ent, span.start_char, rank)

    def _title_block(self, span, first_name_tok) -> tuple[list, list]:
        """The words before or beside a name that may hold its title: pre-name words of its phrase
        ("U.S. State Department spokesman"), titles inside the entity span, or an apposition; and
        the words after an appositive's head, where its organisation may be ("director of X")."""
        doc = self.doc
        root = span.root
        block = [t for t in span if t.i < first_name_tok.i]
        lefts = [t for t in root.lefts if t.i < span.start]
        if lefts:
            first = min(t.left_edge.i for t in lefts)
            block = list(doc[first : span.start]) + block
        if root.dep_ == "appos" and root.head.i < span.start and _is_role_word(root.head):
            head = root.head
            block = [t for t in head.subtree if t.i < span.start and not t.is_punct] + block
        else:
            for child in root.children:
                if child.dep_ == "appos" and child.i >= span.end and _is_role_word(child):
                    words = [t for t in child.subtree if not t.is_punct]
                    of = [t for t in words if t.i > child.i]
                    keep = 2 if len(of) >= 2 and of[0].lower_ == "of" and not of[1].ent_type_ else 0
                    return [t for t in words if t.i <= child.i] + of[:keep], of[keep:]
        return block, []

    def person(self, name: str, weak: bool = False) -> _Ent:
        """The person entity for a name, merging surname-only and full forms.
        A name from the body replaces one seen only in the headline ("Derelict Obama")."""
        words = name.split()
        surname, first = _surname(words), words[0].lower()
        same = self.by_surname.get(surname, [])
        found = None
        if len(words) == 1:
            if same:
                found = max(same, key=lambda e: e.last)
            elif self.by_first.get(first):
                return max(self.by_first[first], key=lambda e: e.last)
        else:
            lowered = [w.lower() for w in words]
            for ent in sorted(same, key=lambda e: -e.last):
                ewords = ent.name.lower().split()
                if (len(ewords) == 1 or ewords[0] == first or ewords[0][:1] == first[:1]
                        or lowered[-len(ewords) :] == ewords):  # "Crooked Hillary Clinton"
                    found = ent
                    break
        if found is not None:
            fwords = found.name.lower().split()
            if found.weak and not weak:
                found.name, found.weak = name, False
            elif len(words) > len(fwords) and not weak and (len(fwords) == 1 or fwords[0] == first):
                found.name = name  # a fuller form: "Vladimir Putin" for "Putin", not an epithet
            if len(words) > 1:
                self.by_first.setdefault(first, []).append(found)
            return found
        ent = _Ent(name=name, type="person", weak=weak)
        self.entities.append(ent)
        self.by_surname.setdefault(surname, []).append(ent)
        if len(words) > 1:
            self.by_first.setdefault(first, []).append(ent)
        return ent

    def _index_org(self, span) -> None:
        root = span.root
        if span.label_ == "NORP" and root.pos_ == "ADJ":
            return  # "Russian warplanes": a modifier, not a speaker
        name = _strip_name(span.text)
        if not name:
            return
        ent = self.org(name, _ORG_LABELS[span.label_])
        ent.add_alias(name)
        ent.last = span.start_char
        for t in span:
            self.token_ent[t.i] = ent
        noun = root.lemma_.lower()
        if noun in _lists()["org_nouns"]:
            ent.nouns.add(noun)
        for child in root.children:
            if child.dep_ == "appos" and child.lemma_.lower() in _lists()["org_nouns"]:
                ent.nouns.add(child.lemma_.lower())
        rank = _RANK_SUBJECT if root.dep_ in _SUBJECT_DEPS else _RANK_OTHER
        self.add_mention(ent, span.start_char, rank)

    def org(self, name: str, type_: str) -> _Ent:
        """The organisation/country entity for a name: same name, a suffix of it, or its acronym."""
        low = name.lower()
        words = low.split()
        for ent in self.orgs:
            other = ent.name.lower()
            owords = other.split()
            if (
                other == low
                or (len(words) >= 2 and owords[-len(words) :] == words)
                or (len(owords) >= 2 and words[-len(owords) :] == owords)
                or _is_acronym(name, ent.name)
                or _is_acronym(ent.name, name)
            ):
                if len(name) > len(ent.name) and not _is_acronym(name, ent.name):
                    ent.name = name
                return ent
        ent = _Ent(name=name, type=type_)
        self.entities.append(ent)
        self.orgs.append(ent)
        return ent

    # resolving

    def resolve_span(self, span) -> _Found:
        """The entity a speaker mention refers to, with the role and organisation it states."""
        self._depth += 1
        try:
            if self._depth > 4:
                return _Found(None)
            return self._resolve_span(span)
        finally:
            self._depth -= 1

    def _resolve_span(self, span) -> _Found:
        lists = _lists()
        toks = [t for t in span if not t.is_space]
        if not toks:
            return _Found(None)
        root = span.root
        person = self._head_person(span, root)
        if person is not None:
            return self._named_person(span, person)
        word = root.lower_
        if len(toks) == 1 and word in lists["pronouns"]:
            kind = lists["pronouns"][word]
            if kind == "relative":
                return self.resolve_relative(root)
            return _Found(self.resolve_pronoun(root.idx, kind))
        if root.i in self.token_ent and self.token_ent[root.i].type != "person":
            return _Found(self.token_ent[root.i])
        lemma = root.lemma_.lower()
        if word in lists["group_nouns"]:
            return self._group(span, root)
        if _is_role_word(root):
            return self._role_nominal(span, root)
        if lemma in lists["org_nouns"]:
            return self._org_nominal(span, root, lemma)
        return _Found(self._plain(span, toks))

    def _head_person(self, span, root):
        """The token of the person a mention names as its head: the root itself ("Putin and his
        officials"), a name in apposition to the head noun ("his spokesman Dmitry Peskov", "an
        attorney for X, Mark Smith") or right after it. A name that only modifies the head
        ("Clinton campaign spokesman", "Stein's lawyer") is context, not the speaker."""
        if self._person_at(root):
            return root
        for tok in span:
            if tok.i <= root.i or not self._person_at(tok):
                continue
            name_root = tok
            while name_root.head.i != name_root.i and name_root.head.i in self.token_ent and \
                    self.token_ent[name_root.head.i] is self.token_ent[tok.i]:
                name_root = name_root.head
            if name_root.dep_ == "appos" or tok.i == root.i + 1:
                return tok
        return None

    def _person_at(self, tok) -> bool:
        ent = self.token_ent.get(tok.i)
        if ent is not None:
            return ent.type == "person"
        if tok.pos_ == "PROPN" and tok.text[:1].isupper():  # a name the tagger missed ("Putin:")
            ents = self.by_surname.get(tok.lower_) or self.by_first.get(tok.lower_)
            if ents:
                self.token_ent[tok.i] = max(ents, key=lambda e: e.last)
                return True
        return False

    def _named_person(self, span, tok) -> _Found:
        ent = self.token_ent[tok.i]
        before = [t for t in span if t.i < tok.i and not (t.ent_type_ in _PERSON_LABELS and
                                                           self.token_ent.get(t.i) is ent)]
        role, org, poss = _describe(before)
        if not org and before:
            owner = self._owner(span, before[-1], poss)
            if owner is not None and owner is not ent:
                org = owner.organisation or owner.name
        ent.add_role(role)
        if org and not ent.organisation:
            ent.organisation = org
        return _Found(ent, role, org)

    def resolve_pronoun(self, char: int, kind: str) -> _Ent | None:
        """The most salient compatible entity before ``char``: by sentence, speakers first."""
        sent = self.sent_of(char)
        i = bisect.bisect_left(self.mentions, _Mention(char, -1, -1, None)) - 1  # type: ignore[arg-type]
        fallback: _Mention | None = None
        best: _Mention | None = None
        current = sent
        while i >= 0:
            m = self.mentions[i]
            i -= 1
            if m.sent != current:
                if best is not None:
                    return best.ent
                current = m.sent
            if sent - m.sent > _PRONOUN_WINDOW:
                break
            if not _pronoun_fits(m.ent, kind):
                continue
            if fallback is None and not m.in_quote:
                fallback = m
            if m.rank >= _RANK_SUBJECT and (best is None or m.rank > best.rank):
                best = m
        if best is not None:
            return best.ent
        return fallback.ent if fallback is not None else None

    def resolve_relative(self, tok) -> _Found:
        """"who"/"which" -> the noun its relative clause modifies ("Assad, who calls ...")."""
        noun = None
        if tok.head.dep_ in ("relcl", "acl") and tok.head.head.i < tok.i:
            noun = tok.head.head
        else:
            j = tok.i - 1
            while j >= 0 and (self.doc[j].is_punct or self.doc[j].is_space):
                j -= 1
            noun = self.doc[j] if j >= 0 else None
        if noun is None or noun.pos_ not in ("NOUN", "PROPN", "PRON"):
            return _Found(None)
        if noun.i in self.token_ent:
            return _Found(self.token_ent[noun.i])
        return self.resolve_span(self.doc[noun.left_edge.i : noun.i + 1])

    def _role_nominal(self, span, root) -> _Found:
        """"the president", "Turkey's foreign minister": a person named nearby with that role."""
        if root.tag_ in ("NNS", "NNPS"):
            return self._group(span, root)  # "the ministers", "the suspects' lawyers": several people
        toks = [t for t in span if t.i <= root.i or t.head.i >= root.i]
        role, org, poss = _describe(toks)
        owner = self._owner(span, root, poss)
        if owner is not None and owner.type != "person" and not org:
            org = owner.name
        head = _role_head(role) or root.lemma_.lower()
        determiners = {t.lower_ for t in span if t.i < root.i}
        definite_bare = not org and bool(determiners & {"the", "this", "that"})
        indefinite = bool(determiners & {"a", "an", "another", "one"})  # a new person unless named nearby
        ent = self._role_holder(span.start_char, head, org, prefer_before=definite_bare,
                                nearby_only=indefinite)
        if ent is None:
            ent = self._new(_strip_name(span.text), "person")
        if owner is not None and owner.type == "person" and owner is not ent and not org:
            org = owner.organisation or owner.name  # "Chancellor Angela Weber's spokesman"
        ent.add_role(role)
        if org and not ent.organisation:
            ent.organisation = org
        return _Found(ent, role, org)

    def _owner(self, span, root, poss) -> _Ent | None:
        """Whose the role is: a possessive pronoun's antecedent ("his spokesman") or a person named
        before the role word ("Angela Weber's spokesman", "Clinton campaign spokesman")."""
        if poss is not None:
            return self.resolve_pronoun(poss.idx, _lists()["pronouns"].get(poss.lower_, "person"))
        named = [self.token_ent[t.i] for t in span if t.i < root.i and t.i in self.token_ent]
        return named[-1] if named else None

    def _role_holder(self, char: int, head: str, org: str | None, prefer_before: bool,
                     nearby_only: bool = False) -> _Ent | None:
        sent = self.sent_of(char)
        fits = [m for m in self.mentions if m.ent.type == "person" and m.ent.has_role(head)
                and _org_compatible(org, m.ent.organisation)]
        before = [m for m in fits if m.start < char]
        nearby = [m for m in fits if -_NEARBY_BEFORE <= m.sent - sent <= _CATAPHORA_AFTER]
        if prefer_before and before:
            return before[-1].ent
        if nearby:
            return min(nearby, key=lambda m: (abs(m.start - char), m.start > char)).ent
        if before and not nearby_only:
            return before[-1].ent
        return None

    def _group(self, span, root) -> _Found:
        """"the group's representatives", "Russian officials", "officials"."""
        for child in root.children:
            if child.dep_ == "poss":
                owner = self.resolve_span(self.doc[child.left_edge.i : child.i + 1])
                if owner.ent is not None and owner.ent.type in ("organisation", "country"):
                    return _Found(owner.ent, root.text, None)
        modifier = next((self.token_ent[t.i] for t in span if t.i in self.token_ent and t.i != root.i), None)
        ent = self._new(_strip_name(span.text), "group")
        if modifier is not None and not ent.organisation:
            ent.organisation = modifier.name
        return _Found(ent, None, modifier.name if modifier else None)

    def _org_nominal(self, span, root, noun: str) -> _Found:
        """"the company", "the Turkish government": a named modifier, else the latest one so called.
        Only a definite singular refers back: "companies", "a group of doctors" are new speakers."""
        wanted = _lists()["org_nouns"][noun]
        modifiers = [self.token_ent[t.i] for t in span if t.i in self.token_ent and (
            t.i < root.i or (t.head.lower_ == "of" and t.head.head.i == root.i))]  # "the city of X"
        if modifiers:
            owner = modifiers[-1]
            if owner.type in ("country", "organisation"):
                return _Found(owner)
            ent = self._new(_strip_name(span.text), "organisation")  # "the Trump campaign"
            ent.organisation = ent.organisation or owner.name
            return _Found(ent, None, owner.name)
        definite = any(t.lower_ in ("the", "this", "its", "their") for t in span if t.i < root.i)
        if root.tag_ in ("NNS", "NNPS") or not definite:
            return _Found(self._plain(span, list(span)))
        sent = self.sent_of(span.start_char)
        i = bisect.bisect_left(self.mentions, _Mention(span.start_char, -1, -1, None)) - 1  # type: ignore[arg-type]
        typed = None
        for m in reversed(self.mentions[: i + 1]):
            if noun in m.ent.nouns:
                return _Found(m.ent)
            if typed is None and m.ent.type == wanted and not m.in_quote and sent - m.sent <= 2:
                typed = m.ent  # "the company said" after "Acme Corp. reported ..."
        if typed is not None:
            return _Found(typed)
        return _Found(self._new(_strip_name(span.text), wanted))

    def _plain(self, span, toks) -> _Ent:
        """Anything else keeps its own words as the name ("the West", "reports")."""
        name = _strip_name(span.text) or span.text.strip()
        proper = all(t.pos_ in ("PROPN", "DET", "PART", "PUNCT") for t in toks)
        return self._new(name, "other" if proper else "group")

    def _new(self, name: str, type_: str) -> _Ent:
        for ent in self.entities:
            if ent.name.lower() == name.lower() and ent.type == type_:
                return ent
        ent = _Ent(name=name, type=type_)
        self.entities.append(ent)
        if type_ != "person":
            self.orgs.append(ent)
        return ent


_NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le",
                             "al", "el", "bin", "ibn", "ben", "ter", "zu"})


def _with_particles(span):
    """A PERSON span the tagger cut at a name particle, whole: "Ursula von" -> "Ursula von der Leyen"."""
    doc, end = span.doc, span.end
    while end < len(doc) and doc[end].lower_ in _NAME_PARTICLES and doc[end].text.islower():
        end += 1
    cut = span[-1].lower_ in _NAME_PARTICLES or end > span.end
    if cut and end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
        return doc[span.start : end + 1]
    return span


def _untagged_proper(tok) -> bool:
    return tok.pos_ == "PROPN" and not tok.ent_type_ and tok.text[:1].isupper() and tok.text.isalpha()


def _surname(words) -> str:
    """The word a person is grouped by: the last one, not counting "Jr."/"III"."""
    words = [w if isinstance(w, str) else w.text for w in words]
    suffixes = _lists()["honorifics"]
    while len(words) > 1 and suffixes.get(words[-1].lower().rstrip(",")) == "suffix":
        words = words[:-1]
    return words[-1].lower().rstrip(",")


def _is_acronym(short: str, long: str) -> bool:
    letters = short.replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()):
        return False
    initials = "".join(w[0] for w in long.split() if w[:1].isupper())
    return len(long.split()) >= 2 and initials == letters


def _pronoun_fits(ent: _Ent, kind: str) -> bool:
    if kind in ("he", "she"):
        return ent.type == "person" and ent.gender in (None, kind)
    if kind == "person":
        return ent.type == "person"
    if kind == "thing":
        return ent.type in ("organisation", "country")
    return ent.type != "person"  # plural: groups, organisations, countries


def _describe(tokens) -> tuple[str | None, str | None, object | None]:
    """Role, organisation and possessive pronoun in the words around a name or role noun:
    "Turkey's foreign minister" -> ("foreign minister", "Turkey", None);
    "his spokesman" -> ("spokesman", None, his);
    "Russia's Defense Minister" -> ("Defense Minister", "Russia", None)."""
    toks = [t for t in tokens if not t.is_space]
    heads = [k for k, t in enumerate(toks) if _is_role_word(t)]
    poss = next((t for t in toks if t.tag_ == "PRP$"), None)
    if not heads:
        return None, _organisation_in(toks, set()), poss
    spelled = [k for k in heads if not _is_abbreviation(toks[k])]
    h = spelled[-1] if spelled else heads[-1]  # "nominee Gov. Mike Pence": the spelled-out role
    start = h
    while start > 0:
        t = toks[start - 1]
        if t.tag_ in _POSSESSIVE_TAGS or t.tag_ == "PRP$" or t.pos_ not in ("ADJ", "NOUN", "PROPN"):
            break
        if t.ent_type_ in ("GPE", "NORP") or (t.ent_type_ and t.ent_type_ != "ORG"):
            break
        if t.ent_type_ == "ORG" and not (_single_token_ent(t) and _has_ent_before(toks, start - 1)):
            break  # "Kremlin spokesman": the organisation; "Russia's Defense Minister": part of the role
        start -= 1
    end = h
    if (end + 2 < len(toks) and toks[end + 1].lower_ == "of" and toks[end + 2].pos_ in ("PROPN", "NOUN")
            and not toks[end + 2].ent_type_ and (end + 3 == len(toks) or toks[end + 3].pos_ != "PROPN")):
        end += 2  # "Secretary of State", not "CEO of Iraq and Afghanistan Veterans of America"
    role_toks = toks[start : end + 1]
    if len(role_toks) == 1 and _is_abbreviation(role_toks[0]):
        role = _lists()["titles"][role_toks[0].lower_]
    else:
        first, last = role_toks[0], role_toks[-1]
        role = _words_text(first, last)
    return role, _organisation_in(toks, {t.i for t in role_toks}), poss


def _words_text(first, last) -> str:
    """The text from token ``first`` to token ``last`` (``Doc.text`` rebuilds the whole text)."""
    return first.doc[first.i : last.i + 1].text


def _is_abbreviation(tok) -> bool:
    return tok.text.endswith(".") and _lists()["titles"].get(tok.lower_, tok.lower_) != tok.lower_


def _single_token_ent(t) -> bool:
    doc = t.doc
    return t.ent_iob_ == "B" and (t.i + 1 >= len(doc) or doc[t.i + 1].ent_iob_ != "I")


def _has_ent_before(toks, k: int) -> bool:
    return any(t.ent_type_ in ("GPE", "NORP", "ORG") for t in toks[:k] if t.ent_iob_ != "O")


def _organisation_in(toks, skip: set[int], nearest_last: bool = True) -> str | None:
    """The organisation, country or nationality named among ``toks`` (not in ``skip``): the last
    one before a role ("U.S. State Department spokesman"), the first after it ("director of X")."""
    groups: list[list] = []
    for t in toks:
        if t.i in skip or t.ent_type_ not in ("GPE", "NORP", "ORG"):
            continue
        if groups and t.ent_iob_ == "I" and groups[-1][-1].i == t.i - 1:
            groups[-1].append(t)
        else:
            groups.append([t])
    if not groups:
        return None
    g = groups[-1] if nearest_last else groups[0]
    return _strip_name(_words_text(g[0], g[-1])) or None


# --- entry point -----------------------------------------------------------------------------------


def resolve(doc, statements: list[Statement]) -> tuple[list[Statement], list[Entity]]:
    """Fill ``speaker.name``/``entity``/``role``/``organisation``; return the statements and entities."""
    art = _Article(doc)
    found: dict[int, tuple[_Found, str | None]] = {}
    order = sorted(
        (i for i, st in enumerate(statements) if st.speaker and st.speaker.mention),
        key=lambda i: statements[i].speaker.mention.start,  # type: ignore[union-attr]
    )
    quoted_first_person: list[tuple[int, int]] = []
    for i in order:
        mention = statements[i].speaker.mention  # type: ignore[union-attr]
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not span.text.strip():
            continue
        if len(span) == 1 and span[0].lower_ in _FIRST_PERSON:
            quote = _enclosing_statement(statements, i, mention.start)
            if quote is not None:
                quoted_first_person.append((i, quote))  # the quote's speaker, known after this pass
                continue
            if _lists()["pronouns"][span[0].lower_] == "person":
                continue  # "I" outside any quote: the writer, unnamed
        result = art.resolve_span(span)
        if result.ent is None:
            continue
        found[i] = (result, _role_head(result.role))
        art.add_mention(result.ent, span.start_char, _RANK_SPEAKER)
        if span.root.lower_ not in _lists()["pronouns"]:
            result.ent.add_alias(mention.text.strip())
    for i, quote in quoted_first_person:
        if quote in found:
            found[i] = (_Found(found[quote][0].ent), found[quote][1])
    return statements, _fill(statements, found)


def _enclosing_statement(statements: list[Statement], i: int, char: int) -> int | None:
    """The statement whose quoted content holds ``char`` (the innermost), other than ``i``."""
    best, best_len = None, None
    for j, st in enumerate(statements):
        c = st.content
        if j == i or st.kind not in ("direct", "mixed") or not st.speaker or not c.start <= char < c.end:
            continue
        if best_len is None or c.end - c.start < best_len:
            best, best_len = j, c.end - c.start
    return best


def _fill(statements: list[Statement], found: dict[int, tuple[_Found, str | None]]) -> list[Entity]:
    """Write names, roles and organisations (known only now, after cataphora) and number entities."""
    entities: list[Entity] = []
    for i, st in enumerate(statements):
        sp = st.speaker
        if sp is None:
            continue
        if i not in found:
            if not sp.name and sp.mention:
                sp.name = sp.mention.text.strip() or None
            continue
        result, head = found[i]
        ent = result.ent
        assert ent is not None
        if ent.id is None:
            ent.id = f"e{len(entities) + 1}"
            entities.append(Entity(id=ent.id, name=ent.name, type=ent.type, aliases=ent.aliases,
                                   roles=ent.roles, organisation=ent.organisation))
        sp.name, sp.entity = ent.name, ent.id
        sp.role = result.role
        if ent.type == "person":
            fuller = ent.best_role(head)
            if not sp.role or (fuller and sp.role.lower() in fuller.lower()):
                sp.role = fuller  # "Minister" -> "foreign minister" found by cataphora
        sp.organisation = result.organisation or ent.organisation
    return entities
