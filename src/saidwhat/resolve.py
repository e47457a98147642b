"""Speaker mentions -> article entities and full names.

No coreference package on PyPI ships its weights, so resolution works over what the spaCy parse
already gives, in three parts:

- the index (``_Article``): the article's named people (grouped by surname, titles stripped)
  and organisations (grouped by name, suffix and acronym), with the roles written next to them
  ("President Vladimir Putin", "Dmitry Peskov, the Kremlin spokesman"), and every mention of
  them in text order: the entities, the bare surnames the tagger missed, the subject "he"s;
- reading a mention (``_Article.resolve_span``): the words of the mention and of its noun phrase
  (appositions, "for X", "by X") say who it is where they can, and those rules are exact: a name
  heading the phrase ("the club's manager, David Feder"), an organisation ("the Home Office"),
  a document's author ("a poll by X", "X filings", "his report"), a spokesperson's employer
  ("a spokesman for X"), what a person owns ("Clinton's campaign" -> "Clinton campaign");
- the decision for the rest (pronouns, role nominals such as "the senator", organisation
  nominals such as "the network", bare documents such as "the report"): the candidates are the
  article's named entities of a fitting kind (``_Article.rank``), and a ranker trained on PolNeAR
  train picks one or none (``resolve_ranker``). Below its threshold the mention keeps its own
  words: a wrong name costs more than none.

Every step is a bisect or a short walk over sorted mentions: no re-parsing.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from spacy.tokens import Span as SpacySpan

from . import names
from .extraction import (
    after_dateline,
    claim_nouns,
    hyphen_joins,
    hyphen_word_end,
    partitive_of,
    quote_view,
    share_nouns,
)
from .records import Entity, Statement
from .resolve_ranker import Ask, Features, Ranker, resolution_model

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_ORG_LABELS = {"ORG": "organisation", "GPE": "country", "NORP": "group", "LOC": "other", "FAC": "other"}
# Paragraphs (the headline one, then a standfirst or the lead) where "a charity", "a union" may be
# the one the next paragraph names
OPENING_PARAGRAPHS = 2
_POSSESSIVE_TAGS = frozenset({"POS"})
_QUOTE = re.compile(r"[\"“][^\"“”\n]*[\"”]")
_RANK_SPEAKER, _RANK_SUBJECT, _RANK_OTHER = 2, 1, 0
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
_CHAINED_PRONOUNS = frozenset({"he", "she"})  # subject pronouns followed through the text for salience
_NAME_ENTITY_TYPES = frozenset({"", "ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "NORP"})  # a name's tags
_NAME_JOINERS = frozenset({"the", "of", "for", "and", "&"})  # small words inside a name: "Rock the Vote"
_NOT_PERSON_ENTITY_TYPES = frozenset({"DATE", "TIME", "ORG", "GPE", "FAC", "LOC"})
_EMPLOYER_PREPOSITIONS = frozenset({"with", "from", "for", "at", "of"})
_EXAMPLE_PREPOSITIONS = frozenset({"including", "like", "as"})  # "critics like X", "such as X"
_APPOSED = frozenset({"appos", "npadvmod"})  # a name set off after a head noun, as the parser hangs it
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "cc", "parataxis"})
_NAMING_VERBS = frozenset({"call", "name", "dub", "know"})  # "a group called X", "known as X"
_FORCE_NOUNS = frozenset({"police"})  # a group that is one institution where the article names it
_CAMPAIGN_NOUNS = frozenset({"team", "camp"})  # a candidate's: "team" where the article is about a campaign
_OUTCOME_NOUNS = frozenset({"result", "finding"})  # "the results": the latest poll's
_FIGURE_NOUNS = frozenset({"figure", "statistic", "number", "data"})  # one set of numbers, however called
_UNSET = object()
_MEDIA_WORDS = frozenset({"tv", "radio", "web", "internet", "online", "digital", "video", "cable", "email"})
_OPEN_QUOTES = frozenset({'"', "“", "''", "``"})
_CLOSE_QUOTES = frozenset({'"', "”", "''"})
_SET_OFF = frozenset({",", "--", "—", "–"})  # what sets an apposition off
_INNER_MARKS = re.compile(r"(?<=\w)['’-](?=\w)")  # inside a name: "O'Malley", "Shanklin-Hawkins"
_HANDLE = re.compile(r"@\w{2,30}\.?")
_NAME_WORD = r"[A-Z][\w’'-]*\.?"
_SIGNATURE = re.compile(rf"{_NAME_WORD}(?: {_NAME_WORD}){{1,3}}")  # "Ana M. Ruiz."
_BYLINE = re.compile(rf"(?:From .{{1,150}}? by|By) ({_NAME_WORD}(?: {_NAME_WORD}){{1,3}}?)(?:\.?$|\.\s)")
# The bodies of a state a nationality names as written: "the Chilean foreign ministry".
_STATE_BODY_NOUNS = frozenset({"government", "ministry", "department", "army", "military", "embassy", "navy"})
# The nouns of a business the article's lead may be about: "Sainsbury's has reported a fall in
# profits ... a spokesman for the firm said".
_COMPANY_NOUNS = frozenset({"firm", "company", "group", "chain", "giant", "retailer", "supermarket",
                            "carmaker", "automaker", "chipmaker", "drugmaker", "maker", "airline",
                            "operator", "manufacturer", "insurer", "lender", "bank", "publisher", "brewer",
                            "carrier", "band", "corporation", "business"})
_POST_NOMINALS = frozenset({"QC", "KC", "MP", "MEP", "MSP", "OBE", "CBE", "MBE", "KBE", "DBE"})
_RANK_MODIFIERS = frozenset({"deputy", "vice", "shadow", "assistant", "junior"})
_BODY_PART_NOUNS = frozenset({"division", "section"})  # a body's part, too rare a speaker for org_nouns
_RIVAL_WORDS = frozenset({"rival", "fellow"})  # "Rival Sony said", "Fellow retailer Next"
_NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le",
                             "al", "el", "bin", "ibn", "ben", "ter", "zu"})


# --- word lists ----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _lists() -> dict[str, dict[str, str]]:
    read = names.read_list
    return {
        "titles": names.titles(),
        "honorifics": names.honorifics(),
        "pronouns": read("pronouns.txt"),
        "org_nouns": read("organisation_nouns.txt"),
        "group_nouns": read("group_nouns.txt"),
        "person_nouns": read("person_nouns.txt"),
        "gendered_nouns": read("gendered_nouns.txt"),
        "epithet_nouns": read("epithet_nouns.txt"),
        "performer_nouns": read("performer_nouns.txt"),
        "wider_nations": read("wider_nations.txt"),
        "document_nouns": read("document_nouns.txt"),
        "speech_nouns": read("speech_nouns.txt"),
        "spokesperson_nouns": read("spokesperson_nouns.txt"),
        "poll_nouns": read("poll_nouns.txt"),
        "broadcast_nouns": read("broadcast_nouns.txt"),
        "report_nouns": read("report_nouns.txt"),
        "voice_nouns": read("voice_nouns.txt"),
        "receiving_verbs": read("receiving_verbs.txt"),
        "authoring_verbs": read("authoring_verbs.txt"),
        "outlet_nouns": read("outlet_nouns.txt"),
        "company_name_words": read("company_name_words.txt"),
        "outlet_name_words": names.outlet_words(),  # one copy, shared with the disputes stage
        "first_names": names.first_names(),
        "cues": read("cues.txt"),
    }


def _in_list(tok, name: str) -> bool:
    words = _lists()[name]
    return tok.lower_ in words or tok.lemma_.lower() in words


def _is_epithet(tok) -> bool:
    """A noun a story calls a person by once named ("the Swede", "the full-back")."""
    return _in_list(tok, "epithet_nouns") or _hyphenated(tok) in _lists()["epithet_nouns"]


def _hyphenated(tok) -> str | None:
    """A word the tokenizer split at its hyphen, as written: "full-back" of "full", "-", "back"."""
    if tok.i < 2 or not hyphen_joins(tok.nbor(-2)):
        return None
    return f"{tok.nbor(-2).lower_}-{tok.lower_}"


def _says_what_subject_is(verb) -> bool:
    """A copula with its complement: "is playwright-in-residence", "is a senior fellow"."""
    return verb.lemma_ == "be" and any(c.dep_ in ("attr", "acomp") for c in verb.children)


def _is_title(tok) -> bool:
    """A title or honorific, also an abbreviation whose full stop the tokenizer split off ("Capt" ".")."""
    if _in_list(tok, "titles") or tok.lower_ in _lists()["honorifics"]:
        return True
    split_stop = not tok.whitespace_ and tok.i + 1 < len(tok.doc) and tok.nbor().text.startswith(".")
    return split_stop and tok.lower_ + "." in _lists()["titles"]


def _is_role_word(tok) -> bool:
    return _in_list(tok, "titles")


def _names_a_person(tok) -> bool:
    """A common noun for one person: a title ("senator"), or "businessman", "wife", "Republican"."""
    return _is_role_word(tok) or _in_list(tok, "person_nouns") or _in_list(tok, "spokesperson_nouns") \
        or _hyphenated(tok) in _lists()["person_nouns"]  # "co-ordinator", split at its hyphen


def _rank_words(role: str) -> frozenset[str]:
    return frozenset(re.split(r"[\s-]+", role.lower())) & _RANK_MODIFIERS


def _other_rank(ent, role: str | None) -> bool:
    """A person whose every role of the asked role's head is of another rank: "Deputy Prime
    Minister John Prescott" is not "the prime minister", nor "Vice President Biden" "the president"."""
    if not role:
        return False
    head = _role_head(role)
    same = [r for r in ent.roles if _role_head(r) == head]
    return bool(same) and all(_rank_words(r) != _rank_words(role) for r in same)


_HEADS_OF_GOVERNMENT = frozenset({"president", "prime minister", "premier", "chancellor"})
_PREMIERS_OFFICES = ("Downing Street", "No 10", "Number 10")  # the first the article names, in this order


def _holds_another_office(ent, role: str | None) -> bool:
    """For the office one person holds at a time ("the prime minister", "the president"), a person
    the article gives only roles of other heads: "Chancellor Gordon Brown", "Lib Dem leader Charles
    Kennedy" are not "the prime minister"."""
    office = _head_of_government(role)
    if office is None:
        return False
    return bool(ent.roles) and all(_head_of_government(r) != office for r in ent.roles)


def _head_of_government(role: str | None) -> str | None:
    """The office a role ends in if it is one person's at a time: "prime minister" of "the British
    prime minister" (not of "Home Office minister"), "president" of "President"."""
    words = role.lower().split(" of ", 1)[0].split() if role else []
    return next((office for office in (" ".join(words[-2:]), words[-1] if words else "")
                 if office in _HEADS_OF_GOVERNMENT), None)


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


_LEADER_HEADS = frozenset({"manager", "chief", "chairman", "chairwoman", "director", "executive",
                           "coach", "president", "leader", "owner"})
_LEGISLATOR_HEADS = frozenset({"senator", "congressman", "congresswoman", "representative", "legislator",
                               "lawmaker", "assemblyman", "assemblywoman", "mp", "delegate"})


def _same_role(asked: str | None, held: str | None) -> bool:
    """Whether a role asked for is one a person holds; "boss" is whoever leads: "the Arsenal
    boss" is its manager, "the BA boss" its chief executive; "lawmaker" is any legislator."""
    return asked is not None and (asked == held or (asked == "boss" and held in _LEADER_HEADS)
                                  or (asked in ("lawmaker", "legislator") and held in _LEGISLATOR_HEADS))


# --- working records ------------------------------------------------------------------------------


@dataclass(order=True)
class _Mention:
    start: int
    sent: int
    rank: int
    ent: _Ent = field(compare=False)
    in_quote: bool = field(default=False, compare=False)
    para: int = field(default=0, compare=False)
    in_content: bool = field(default=False, compare=False)
    main: bool = field(default=False, compare=False)  # the subject of its sentence's main verb


@dataclass(eq=False)
class _Ent:
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    organisation: str | None = None
    gender: str | None = None
    gender_guessed: bool = False  # the gender its first name usually has, no honorific or pronoun said it
    nouns: set[str] = field(default_factory=set)  # common nouns it is called by: "group", "company"
    id: str | None = None
    weak: bool = False  # named only in the headline, where the tagger is least reliable
    named: bool = True  # False for a speaker known only by a description ("a source", "officials")
    last: int = -1  # start of its latest mention seen while indexing
    mentions: list[_Mention] = field(default_factory=list)  # in text order
    authored: list[tuple[int, str]] = field(default_factory=list)  # (start, noun) of documents it wrote
    titled: set[str] = field(default_factory=set)  # heads of the roles the text writes beside its name
    origins: set[tuple[str, str]] = field(default_factory=set)  # ("NORP", "Japanese") of "the Japanese firm"

    @property
    def unsure_person(self) -> bool:
        """A "person" with no first name, title, honorific or pronoun: maybe an organisation the
        tagger took for one ("GoVia", "Valeant")."""
        return self.type == "person" and not (self.gender or self.roles or len(self.name.split()) > 1)

    def add_alias(self, text: str | None) -> None:
        if text and text not in self.aliases:
            self.aliases.append(text)

    def add_role(self, role: str | None) -> None:
        if role and role.lower() not in (r.lower() for r in self.roles):
            self.roles.append(role)

    def has_role(self, head: str) -> bool:
        return any(_same_role(head, _role_head(r)) for r in self.roles)

    def is_titled(self, head: str | None) -> bool:
        return any(_same_role(head, held) for held in self.titled)

    def best_role(self, head: str | None) -> str | None:
        """The fullest role with ``head`` ("foreign minister" over "Minister"), or the first role."""
        if head:
            same = [r for r in self.roles if _role_head(r) == head]
            if same:
                return max(same, key=len)
        return self.roles[0] if self.roles else None

    def mention_before(self, char: int) -> _Mention | None:
        i = bisect.bisect_left(self.mentions, _Mention(char, -1, -1, self)) - 1
        return self.mentions[i] if i >= 0 else None

    def subject_before(self, char: int) -> _Mention | None:
        """Its latest mention before ``char`` as a sentence subject or statement speaker."""
        return next((m for m in reversed(self.mentions) if m.start < char and m.rank >= _RANK_SUBJECT), None)

    def mention_after(self, char: int) -> _Mention | None:
        i = bisect.bisect_right(self.mentions, _Mention(char, 1 << 30, 9, self))
        return self.mentions[i] if i < len(self.mentions) else None


@dataclass
class _Found:
    ent: _Ent | None
    role: str | None = None
    organisation: str | None = None


# --- the article index ----------------------------------------------------------------------------


class _Article:
    """The named entities of one Doc, their mentions in text order, and the resolution rules."""

    def __init__(self, doc, ranker: Ranker | None = None, trace: list | None = None,
                 contents: Iterable[tuple[int, int]] = (), text: str | None = None):
        self.doc = doc
        self.ranker = ranker or resolution_model()
        self.trace = trace
        self.sent_starts = [s.start_char for s in doc.sents]
        self.text = text = doc.text if text is None else text  # built once: Doc.text joins every token
        self.para_starts = [0] + [m.end() for m in re.finditer(r"\n+", text)]
        self.tokens = list(doc)  # made once: each doc[i] or pass over the Doc builds new Tokens
        self.token_starts = [t.idx for t in self.tokens]
        self.quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(quote_view(text))]  # also ''...''
        self.quote_starts = [q[0] for q in self.quotes]
        self.contents = sorted(contents)  # what the article's statements say, (start, end)
        self.content_starts = [c[0] for c in self.contents]
        first_break = text.find("\n")
        self.headline_end = first_break if 0 < first_break < 300 else 0
        self.lead_start = _lead_start(text, self.para_starts, self.headline_end)
        self.campaigning = "campaign" in text.lower()
        self.entities: list[_Ent] = []
        self.by_surname: dict[str, list[_Ent]] = {}
        self.by_first: dict[str, list[_Ent]] = {}
        self.orgs: list[_Ent] = []
        self.short_orgs: dict[str, _Ent] = {}  # an organisation by the first word of its name: "Valeant"
        self.token_ent: dict[int, _Ent] = {}  # token index -> entity, for every named token
        self.mentions: list[_Mention] = []
        self.speakers: list[_Mention] = []  # statement speakers resolved so far, in text order
        self._depth = 0
        self._spokesperson: tuple[int, _Found] | None = None  # the last one found speaking for someone
        self._name_cache: dict[tuple[int, int], list] = {}
        self._piece_writer: object = _UNSET
        self._speech: object = _UNSET  # the speech printed in full, once looked for
        self._interview: object = _UNSET  # the Q&A layout and its interviewee, once looked for
        self.full_names: dict[str, set[str]] = {}  # first name -> the full names the body gives with it
        self._index_entities()
        self._complete_mentions()
        self._genders_from_pronouns()
        self._index_authors()

    # positions

    def sent_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, char) - 1)

    def _in_dateline(self, tok) -> bool:
        para_start = self.para_starts[self.para_of(tok.idx)]
        return tok.idx < after_dateline(self.text, para_start)

    def para_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, char) - 1)

    def token_at(self, char: int):
        i = bisect.bisect_right(self.token_starts, char) - 1
        return self.tokens[max(0, i)]

    def in_quote(self, char: int) -> bool:
        i = bisect.bisect_right(self.quote_starts, char) - 1
        return i >= 0 and self.quotes[i][0] < char < self.quotes[i][1]

    def in_content(self, char: int) -> bool:
        """Whether ``char`` is in what a statement says: who is named there is talked about."""
        i = bisect.bisect_right(self.content_starts, char) - 1  # contents may nest: the few before too
        return any(self.contents[k][0] <= char < self.contents[k][1] for k in range(max(0, i - 3), i + 1))

    def speaker_before(self, char: int) -> _Mention | None:
        """The latest statement speaker resolved before ``char``."""
        i = bisect.bisect_left(self.speakers, _Mention(char, -1, -1, None)) - 1  # type: ignore[arg-type]
        return self.speakers[i] if i >= 0 else None

    def governing_subjects(self, tok) -> set[int]:
        """Entities (by id) that are the subject of a clause governing ``tok``: "Trump said he
        would ..." -> Trump for "he"."""
        out: set[int] = set()
        t = tok
        while t.head.i != t.i:
            t = t.head
            for child in t.children:
                if child.dep_ in _SUBJECT_DEPS and child.i != tok.i and child.i in self.token_ent:
                    out.add(id(self.token_ent[child.i]))
        return out

    def add_mention(self, ent: _Ent, start: int, rank: int, tok=None) -> _Mention:
        quoted = self.in_quote(start)
        rank = _RANK_OTHER if quoted else rank
        main = not quoted and tok is not None and _is_main_subject(tok)
        m = _Mention(start, self.sent_of(start), rank, ent, quoted, self.para_of(start),
                     self.in_content(start), main)
        bisect.insort(self.mentions, m)
        bisect.insort(ent.mentions, m)
        return m

    # indexing

    def _index_entities(self) -> None:
        """People first, in text order (the first full name given owns its surname; headline
        names last, as the body names people more reliably), then organisations. The tagger
        often labels a person ORG or GPE: such a span is a person when it is a first name and
        a surname ("Carly Fiorina") or a known person's surname ("Fiorina"), and a person "of"
        an organisation is both ("Meenakshi Ganguly of Human Rights Watch")."""
        whole = [_before_an_amount(cut) for s in self.doc.ents
                 if (cut := _before_line_break(s)) is not None and not _ends_in_a_rank(cut)]
        ents = [_without_described_person(_without_described_kind(s))
                for s in _rejoined(_with_for_names(self.doc, whole))
                if not _hyphened_to_a_participle(s[0])]  # not "the Mercury-nominated band"
        ents = [_party_named_whole(_capitals_name_whole(_body_so_called(s))) for s in _parties_whole(ents)]
        ents = [self._read_as_the_body_does(_name_run_on(s) if s.start_char >= self.headline_end else s, ents)
                for s in ents]
        ents = [SpacySpan(self.doc, s.start, s.end, label="ORG")  # "Carrick Bank", "Mercia Water"
                if s.label_ == "PERSON" and _ends_in_organisation_noun(s) else s for s in ents]
        people = [_with_particles(s) for s in ents if s.label_ == "PERSON"]
        nicknamed = self._nicknamed()  # 'John "Tig" Tiegen': the tagger splits or mislabels it
        inside = {i for first, last in nicknamed for i in range(first, last + 1)}
        people = [s for s in people if not inside.intersection(range(s.start, s.end))]
        ents = [s for s in ents if not inside.intersection(range(s.start, s.end))]
        full = {names.surname(toks) for s in people if len(toks := self._name_tokens(s)) >= 2}
        firsts = {toks[0].lower_ for s in people if len(toks := self._name_tokens(s)) >= 2}
        short = [s for s in people if self._short_form_of_org(s, ents, full, firsts)]  # "Valeant", a person
        places = [s for s in ents if s.label_ in ("GPE", "NORP")  # "insurer Harland Life ... Harland said"
                  and self._short_form_of_org(s, ents, full, firsts)
                  and not _ever_a_place(self.tokens, s.text)]
        short += places
        ents = [s for s in ents if s not in places]
        people = [s for s in people if not _where_a_body_is_from(s, full)]  # "the Manchester group"
        represented = self._places_with_members(people)
        people = [s for s in people
                  if not (len(toks := self._name_tokens(s)) == 1 and toks[0].text in represented)]
        works = {s.text for s in ents if _a_work_named(s)}  # "British film Vera Drake", every "Vera Drake"
        abbreviations = self._word_short_forms()  # "(Elspa)", "Elspa said"
        people = [s for s in people if s not in short and s.text not in works and s.text not in abbreviations]
        people += self._untagged_names()
        tagged = {(s.start, s.end) for s in ents}
        labelled = [(s, "ORG") for s in abbreviations.values() if (s.start, s.end) not in tagged]
        labelled += [(s, "ORG") for s in ents if s.label_ == "PERSON" and s.text in abbreviations]
        called = [s for s in people if _called_an_organisation(s)]  # "the housing charity Shelter"
        called += [s for s in people if s not in called and any(_digit_name(t) for t in s)]  # "O2"
        untagged = [t for t in self.tokens if _untagged_proper(t)]
        capitalised = untagged + [t for t in self.tokens if _capitalised_common_noun(t)]
        written_whole = {s.text for s in ents}  # "unless Network Rail dropped": not "Rail", a network
        called += [_through_the(_name_run_on(span)) for t in capitalised  # "band Oasis", "charity Save
                   # the Children", "publisher SCi Entertainment"
                   if _called_an_organisation(span := SpacySpan(self.doc, t.i, t.i + 1, label="ORG"),
                                              untagged=True)
                   and self.doc[t.i - 1 : t.i + 1].text not in written_whole]
        called += [span for t in untagged  # "Wealth-X, a research firm"
                   if (span := _name_before_apposed_kind(t)) is not None]
        called += [s for s in people  # "Elspa, the trade body", tagged a person
                   if s not in called and _one_word_called_a_body(s)]
        which = [s for s in people  # "Meridian Catering, which supplies meals to 900 schools"
                 if s not in called and _which_follows(s) and not self._is_full_name(s)
                 and not self._is_known_person(s, full) and not self._titled_anywhere(s[-1].text)]
        people = [s for s in people if s not in which]
        called += [self.doc[toks[0].i : toks[-1].i + 1] for s in which if (toks := self._name_tokens(s))]
        calling = {s: noun for s in ents if (noun := _calling_noun(s)) is not None}  # "regulator" of "Ofwat"
        called_words = {s.text for s in called} | {s.text for s in calling}
        called += [s for s in people if s not in called and s.text in called_words]  # and "Shelter" later
        employers = [s for s in people  # "Manchester United manager Alex Ferguson", tagged a person
                     if s not in called and len(s) >= 2 and not self._is_full_name(s)
                     and _employs_the_name_after(s)]
        called += employers
        people = [s for s in people if s not in called]
        labelled += [(s, "ORG") for s in called]
        org_nouns = _lists()["org_nouns"]
        bodies = {s.text for s, noun in calling.items()  # "industry regulator Ofwat", tagged a place
                  if s.label_ in ("GPE", "NORP") and org_nouns.get(noun.lemma_.lower()) == "organisation"}
        for span in ents:
            called_a_body = span.label_ in ("GPE", "NORP") and span.text in bodies
            label = "ORG" if _newspaper_title(span) or called_a_body or _body_taken_for_a_work(span) \
                else span.label_ if span.label_ in _ORG_LABELS else None
            if label is None and span.label_ != "PERSON" and span.text not in works \
                    and _set_off_as_person(span):
                people.append(span)  # "author Cornel West", tagged a product
                continue
            if label is None or _only_a_kind(span) or span.text in works:
                continue  # "a super PAC": what kind of body, not which; "the film Vera Drake": no one
            span = _with_local_number(_after_stance(_before_bracket(span)))  # "... Workers' Union (TGWU"
            spelled = _spelled_out_before(span)
            if spelled is not None:
                labelled.append((spelled, "ORG"))  # "The Campaign to Protect Rural England (CPRE)"
                abbreviations[span.text] = spelled
            split = _person_of_organisation(span)
            if _after_honorific(span):
                people.append(span.doc[span.start - 1 : span.end])  # "Baroness Scotland", tagged a place
            elif split is not None:
                people.append(split[0])
                labelled.append((split[1], label))
            elif (self._is_full_name(span) and not _after_its_kind(span)
                  and not _where_a_person_is_from(span)) or _set_off_as_person(span) or _has_kin(span):
                people.append(span)
            elif (wider := _named_before(span)) is not None:
                if self._is_full_name(wider):
                    people.append(wider)  # "Reince" + "Priebus", tagged an organisation
                else:
                    labelled.append((wider, "ORG"))  # "Universities" + "UK", tagged a place
            else:
                labelled.append((span, label))
        labelled = [(s, label) for s, label in labelled if not _part_of_any(s, abbreviations.values())]
        surnames = {names.surname(toks) for s in people if (toks := self._name_tokens(s))}
        surnames |= {self.tokens[last].lower_ for _, last in nicknamed}
        orgs = []
        for span, label in labelled:
            if self._is_known_person(span, surnames):
                people.append(span)
            else:
                orgs.append((span, label))
        for first, last in nicknamed:
            self._index_nicknamed(first, last)
        for span in people:
            toks = self._name_tokens(span)
            if len(toks) >= 2 and span.start_char >= self.headline_end:
                full = _words_text(toks[0], toks[-1])
                self.full_names.setdefault(toks[0].lower_, set()).add(full)
        for span in sorted(people, key=lambda s: (s.start_char < self.headline_end, s.start)):
            self._index_person(span)
        covered = (-1, -1)  # the last name made whole: "Skills" of "Department for Education and Skills"
        for span, label in orgs:
            part = _name_part(self.tokens[span.start : span.end])
            if part and not covered[0] < span.start < covered[1]:
                whole = _whole_organisation(span.doc[part[0].i : part[-1].i + 1], label)
                covered = (whole.start, whole.end)
                self._index_org(whole, label)
        for span in employers:
            self._employ_the_name_after(span)
        for span in short:
            word = span.text.strip().lower()
            ent = max((e for e in self.orgs if e.name.lower().split()[0] == word),
                      key=lambda e: len(e.name.split()), default=None)
            if ent is not None:
                self.short_orgs[word] = ent
                ent.add_alias(span.text.strip())
                self.token_ent[span.start] = ent
                self.add_mention(ent, span.start_char, _rank_of(span.root), span.root)

    def _performer(self, root, ask: Ask) -> _Ent | None:
        """ "Kate Lowther ... The singer later posted", "But the chef insisted": one the text has
        named, as "she" or "he" would be, and not the speaker a "But" turns from."""
        kind = _lists()["gendered_nouns"].get(root.lower_, "person")
        as_pronoun = Ask("he", root.idx, content=ask.content, contrasted=self._speaker_contrasted(root.idx))
        return self.resolve_pronoun(root.idx, kind, as_pronoun)

    def _titled_anywhere(self, word: str) -> bool:
        """Whether the text puts a title or honorific before ``word`` ("President Obama", "Mr Smith")."""
        return any(t.text == word and t.i > 0 and _is_title(self.tokens[t.i - 1]) for t in self.tokens)

    def _employ_the_name_after(self, span) -> None:
        """The organisation of the person "Manchester United manager Alex Ferguson" names, where
        the tagger took the club for a person and the title block gave none."""
        name = _name_after_role(span)
        body, person = self.token_ent.get(span.start), self.token_ent.get(name) if name is not None else None
        if body is not None and person is not None and person.type == "person" and not person.organisation:
            person.organisation = body.name

    def _nicknamed(self) -> list[tuple[int, int]]:
        """(first, last) token indices of names with a nickname in quotes between a first name
        (or initials, or after a title) and a surname: 'John "Tig" Tiegen', 'Gov. C.L. "Butch" Otter'."""
        toks, found = self.tokens, []
        for i in range(len(toks) - 4):
            first = toks[i]
            if not (first.pos_ == "PROPN" and first.text[:1].isupper() and toks[i + 1].text in _OPEN_QUOTES):
                continue
            initials = re.fullmatch(r"(?:[A-Z]\.)+", first.text) is not None
            titled = i > 0 and _is_title(toks[i - 1])
            if not (first.lower_ in _lists()["first_names"] or initials or titled):
                continue
            k = i + 2
            while k < min(i + 4, len(toks)) and toks[k].pos_ == "PROPN" and toks[k].text[:1].isupper():
                k += 1
            if k == i + 2 or k + 1 >= len(toks) or toks[k].text not in _CLOSE_QUOTES:
                continue
            last = toks[k + 1]
            if last.pos_ == "PROPN" and _capitalised_noun(last) and not _is_title(last):
                found.append((i, k + 1))
        return found

    def _index_nicknamed(self, first: int, last: int) -> None:
        """A person named with a nickname, indexed by first name and surname ("John Tiegen")."""
        toks = self.tokens
        ent = self.person(f"{toks[first].text} {toks[last].text}", weak=toks[first].idx < self.headline_end)
        ent.add_alias(ent.name)
        ent.last = toks[first].idx
        if not ent.gender:
            ent.gender = names.first_name_gender(ent.name)
            ent.gender_guessed = ent.gender is not None
        for i in range(first, last + 1):
            self.token_ent[i] = ent
        self.add_mention(ent, toks[first].idx, _rank_of(toks[last]), toks[last])

    def _short_form_of_org(self, span, ents, surnames: set[str], first_names: set[str]) -> bool:
        """A lone word tagged a person or a place that is the first word of an organisation's name
        the body gives before it first stands alone: "Valeant" of "Valeant Pharmaceuticals
        International", "Bucknell" of "Bucknell University", "Harland" of "Harland Life"; not a
        person's surname ("Trump" of "Trump University", or of "the Trump Train" named after "Trump"
        alone) or the first name of a person named ("Chelsea" of "Chelsea Clinton"; "Howard" of
        "savings firm Howard Mutual" is the firm), nor a dateline in capitals."""
        toks = [t for t in span if not t.is_punct]
        if len(toks) != 1 or _is_capitals(toks[0].text):
            return False
        if toks[0].lower_ in surnames or toks[0].lower_ in first_names:
            return False
        word = toks[0].lower_
        if span.start > 0 and _is_title(self.tokens[span.start - 1]):
            return False
        named = [self._in_body(e) for e in ents if e.label_ == "ORG" and len(e) >= 2 and e[0].lower_ == word
                 and e[1].text[:1].isupper()]
        named = [char for char in named if char >= 0]
        if not named:
            return False
        alone = next((t.idx for t in self.tokens if t.lower_ == word and t.idx >= self.headline_end
                      and not (t.i + 1 < len(self.tokens) and self.tokens[t.i + 1].text[:1].isupper())),
                     len(self.text))
        return min(named) < alone

    def _in_body(self, span) -> int:
        """Where the body has a name first, tagged there or only in the headline (the tagger
        may miss it in the lead: "Brampton Stores, the UK's fourth-largest clothing retailer"); -1
        if nowhere."""
        if span.start_char >= self.headline_end:
            return span.start_char
        return self.text.find(span.text.strip(), self.headline_end)

    def _word_short_forms(self) -> dict:
        """Short forms written as words in brackets, by text, with the name they abbreviate: "the
        Entertainment and Leisure Software Publishers Association (Elspa)", which the tagger
        leaves untagged or takes for a person."""
        return {t.text: spelled for t in self.tokens
                if t.i > 0 and self.tokens[t.i - 1].text == "(" and _is_word_acronym(t.text)
                and (spelled := _spelled_out_before(self.doc[t.i : t.i + 1])) is not None}

    def _read_as_the_body_does(self, span, ents):
        """A headline's place or group read as an organisation where the body tags it one most
        often: "Union attacks Harcourt job cut plans" tags "Harcourt" a place, the body an
        organisation four times."""
        if span.start_char >= self.headline_end:
            return span
        labels = Counter(e.label_ for e in ents if e.text == span.text and e.start_char >= self.headline_end)
        if not labels:
            return span
        label, count = labels.most_common(1)[0]
        if label != "ORG" or span.label_ not in _ORG_LABELS or count <= labels[span.label_]:
            return span
        return SpacySpan(span.doc, span.start, span.end, label=label)

    def _untagged_names(self) -> list:
        """Names the tagger missed: a run of capitalised proper nouns outside any entity that
        starts with a known first name ("Ana Ruiz") or follows a title ("Mayor Ruiz", "Mr Blair")."""
        tokens, first_names = self.tokens, _lists()["first_names"]
        found = []
        i = 0
        while i < len(tokens):
            j = i
            while j < len(tokens) and _untagged_proper(tokens[j]):
                j += 1
            if j == i:
                i += 1
                continue
            k = i
            while k < j and (_is_title(tokens[k]) or _described_before_name(tokens[k:j])):
                k += 1  # "Mayor Ana Ruiz", "Spinner Ashley Giles": the title is a proper noun too
            start = i
            if k == i and i > 0 and _is_title(tokens[i - 1]) and tokens[i - 1].text[:1].isupper():
                start = i - 1  # "Gov. Ruiz", the title tagged apart
            titled = start < k
            party = tokens[j - 1].text in _POST_NOMINALS and j - k == 2 and not any(
                _is_title(t) for t in tokens[start:k])  # "Veteran Labour MP": a party's MP, no name
            # "Deputy Prime Minister": a title, no name
            office = _is_role_word(tokens[j - 1]) and tokens[k].lower_ not in first_names
            body = titled and tokens[j - 1].lemma_.lower() in _lists()["org_nouns"]  # "Premier League"
            person = tokens[k].lower_ in first_names or _apposed_a_person(tokens[j - 1])
            if 0 < j - k <= 3 and (titled or (person and j - k >= 2)) and not party \
                    and not office and not body:
                found.append(self.doc[start:j])
            i = j
        return found

    def _is_full_name(self, span) -> bool:
        """A first name and a surname, whatever the tagger's label: "Carly Fiorina", not an
        organisation's or outlet's name such as "Fox News"."""
        toks = self._name_tokens(span)
        words = _hyphen_joined(toks)
        return (2 <= len(words) <= 3 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in toks
                                             if t.text != "-")
                and names.first_name(words[0]) is not None and not _names_a_body(toks[-1])
                and toks[-1].lower_ not in _lists()["outlet_name_words"])

    def _is_known_person(self, span, surnames: set[str]) -> bool:
        """A known person's surname, alone or after a first name: "Fiorina"."""
        toks = self._name_tokens(span)
        if not toks or len(toks) > 3 or not all(_capitalised_noun(t) for t in toks):
            return False
        if len(toks) == 1 and _is_capitals(toks[0].text) and span.start_char > self.headline_end:
            return False  # "SVP": a short form of a name, not a surname
        first_name = len(toks) == 1 or toks[0].lower_ in _lists()["first_names"]
        return names.surname(toks) in surnames and first_name

    def _name_tokens(self, span):
        """The tokens of a PERSON span that form the name: titles and a trailing 's dropped, and
        a peer's territorial part ("Lord Butler of Brockwell" -> "Butler"), and a dateline
        ("CLEVELAND - Donald Trump")."""
        key = (span.start, span.end)
        if key in self._name_cache:
            return self._name_cache[key]
        toks = _name_part(self.tokens[span.start : span.end])
        while toks and (toks[0].lower_ == "the" or _is_title(toks[0]) or toks[0].pos_ in ("ADJ", "DET")
                        or not toks[0].text[:1].isalnum() or _described_before_name(toks)
                        or "".join(t.text for t in toks[:2]) == "L/"):  # "L/Cpl Holt", a lance corporal
            toks.pop(0)
        toks = toks[len(toks) - len(names.strip_titles([t.lower_ for t in toks])):] if toks else toks
        of = next((k for k, t in enumerate(toks) if t.lower_ == "of"), None)
        if of:
            toks = toks[:of]
        role = span[0].lower_ in ("the", "a", "an")  # "The Lib Dem MP", tagged a person: a role
        while toks and not _suffix_stop(toks) and (
                toks[-1].tag_ in _POSSESSIVE_TAGS or toks[-1].tag_.startswith("VB")
                or not toks[-1].text.strip(".'’-") or (toks[-1].text in _POST_NOMINALS and not role)):
            toks.pop()  # "Obama Says" in a headline, "Andrew Edis QC": no part of the name
        if toks and role and _is_title(toks[-1]):
            toks = []
        if len(toks) == 1 and _in_list(toks[0], "epithet_nouns") and toks[0].i > 0 \
                and self.tokens[toks[0].i - 1].lower_ == "the":
            toks = []  # "the Scot", tagged a person: a word for one, no name
        self._name_cache[key] = toks
        return toks

    def _index_person(self, span) -> None:
        toks = self._name_tokens(span)
        if not toks or not any(t.text[:1].isupper() for t in toks):
            return
        name = _words_text(toks[0], toks[-1])
        honorifics = _lists()["honorifics"]
        around = self.tokens[max(0, span.start - 1) : span.end]
        said = [honorifics.get(t.lower_) for t in around] + [self._reflexive_gender_at(span.end)]
        gender = next((g for g in said if g in ("he", "she")), None)
        ent = self.person(name, weak=span.start_char < self.headline_end, gender=gender)
        ent.add_alias(name)
        ent.last = span.start_char
        for i in range(span.start, span.end):
            self.token_ent[i] = ent
        if gender and ent.gender_guessed:
            ent.gender, ent.gender_guessed = gender, False  # "Mr. Graham" for "Lindsey Graham"
        elif not ent.gender:
            ent.gender = gender or names.first_name_gender(ent.name)
            ent.gender_guessed = gender is None and ent.gender is not None
        block, after = self._title_block(span, toks[0])
        role, org, _ = _describe(block)
        if not org and after:
            org = _organisation_in(after, set(), nearest_last=False)
        ent.add_role(role)
        if role:
            ent.titled.add(_role_head(role))
        if org and not ent.organisation:
            ent.organisation = org
        self.add_mention(ent, span.start_char, _rank_of(span.root), span.root)

    def _reflexive_gender_at(self, i: int) -> str | None:
        """The gender a "himself"/"herself" at token ``i`` gives the name before it ("Clinton herself")."""
        return _REFLEXIVE_GENDERS.get(self.tokens[i].lower_) if i < len(self.tokens) else None

    def _places_with_members(self, people) -> set[str]:
        """The places of "Penrith MP" and the like, tagged a person: the MP for a place the text
        names as one ("in Penrith"), not a person called Penrith."""
        words = set()
        for span in people:
            toks = self._name_tokens(span)
            after = span.doc[span.end] if span.end < len(span.doc) else span[-1]
            if len(toks) == 1 and (span[-1].text in _POST_NOMINALS or after.text in _POST_NOMINALS):
                words.add(toks[0].text)
        return {w for w in words if w.lower() in self.place_names or _ever_a_place(self.tokens, w)}

    def _title_block(self, span, first_name_tok) -> tuple[list, list]:
        """The words before or beside a name that may hold its title: pre-name words of its phrase
        ("U.S. State Department spokesman"), titles inside the entity span, or an apposition; and
        the words after an appositive's head, where its organisation may be ("director of X")."""
        doc = self.doc
        root = span.root
        block = [t for t in span if t.i < first_name_tok.i]
        if any(t.is_punct for t in block):
            return [], []  # "CLEVELAND - Donald Trump": a dateline, no title
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

    def person(self, name: str, weak: bool = False, gender: str | None = None) -> _Ent:
        """The person entity for a name, merging surname-only and full forms: a surname alone
        is the first person given that surname (of the gender its honorific says, if any).
        A name from the body replaces one seen only in the headline ("Derelict Obama")."""
        words = name.split()
        surname, first = names.surname(words), words[0].lower()
        same = self.by_surname.get(surname, [])
        found = None
        if len(words) == 1:
            if same:
                found = _surname_owner(same, gender)
            elif self.by_first.get(first):
                return self.by_first[first][0]
            elif first in _lists()["first_names"] and len(self.full_names.get(first, ())) == 1:
                full = next(iter(self.full_names[first]))  # "Jeb!" before "Jeb Bush"
                return self.person(full, weak, gender)
        elif weak and not same:  # a headline's "Clinton Wades In": the body's Clinton
            known = next((k for w in words if (k := w.lower().rstrip(":,")) in self.by_surname), None)
            if known is not None:
                return _surname_owner(self.by_surname[known], gender)
        else:
            lowered = [w.lower() for w in words]
            said = names.first_name_gender(name)
            for ent in sorted(same, key=lambda e: -e.last):
                ewords = ent.name.lower().split()
                if len(ewords) == 1 and said and ent.gender and ent.gender != said:
                    continue  # "Mr. Trump" is not "Ivanka Trump"
                if len(ewords) > 1 and _suffix(ewords) != _suffix(lowered):
                    continue  # "Donald Trump Jr." is not "Donald J. Trump"
                if (len(ewords) == 1 or ewords[0] == first or ewords[0][:1] == first[:1]
                        or lowered[-len(ewords) :] == ewords  # "Crooked Hillary Clinton"
                        or ewords[-len(words) :] == lowered):  # "Van Dyke", "Lamont Scott"
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

    def _index_org(self, span, label: str) -> None:
        if len(span) > 1 and span[-1].lower_ == "poll":
            span = span[:-1]  # "the Suffolk University/Boston Globe Poll": the poll's authors
        span = _after_opening_verb(span)
        comma = next((k for k, t in enumerate(span) if t.text == ","), None)
        if label == "ORG" and comma:  # not "Department for Culture, Media and Sport"
            rest = span[comma + 1 :]
            if rest and (self._is_full_name(rest) or _titled_name(rest)):
                self._index_person(rest)  # "Lehigh, Bruce Turry", "Commons, Mr Brown": tagged one name
                span = span[:comma]
            elif any(t.is_lower and t.lower_ not in _NAME_JOINERS for t in rest):
                span = span[:comma]  # "Politico, Democratic party insiders"
        lead = 0
        while lead < len(span) - 1 and span[lead].pos_ in ("DET", "NUM"):
            lead += 1
        if any(t.pos_ == "NUM" for t in span[:lead]):
            span = span[lead:]  # "the 2014 American Community Survey": a year is no part of the name
        root = span.root
        if label == "NORP" and (root.pos_ == "ADJ" or _in_list(root, "person_nouns")
                                or (_in_list(root, "epithet_nouns") and not _names_a_people(root))
                                or self._a_compatriot_speaking(span, root)):
            return  # "Russian warplanes": a modifier; "the Florida Republican", "the Swede": a person
        words = [t for t in self.tokens[span.start : span.end] if t.pos_ != "DET"]
        if not any(_capitalised(t.text) for t in words) or all(_in_list(t, "document_nouns") for t in words):
            return  # "the poll", a headline's "Poll:": common words the tagger took for a name
        if len(words) == 1 and words[0].lower_ in _lists()["group_nouns"]:
            return  # "MPs said": people of a kind, no body's name
        name = names.bare(span.text)
        if not name:
            return
        ent = self.org(name, _ORG_LABELS[label])
        ent.add_alias(name)
        ent.add_alias(self._short_form_after(span))
        ent.last = span.start_char
        for i in range(span.start, span.end):
            self.token_ent[i] = ent
        noun = root.lemma_.lower()
        if noun in _lists()["org_nouns"]:
            ent.nouns.add(noun)
        for child in root.children:
            lemma = child.lemma_.lower()
            if lemma in _lists()["org_nouns"] and (
                    child.dep_ == "appos" or (child.dep_ == "compound" and child.i < span.start)):
                ent.nouns.add(lemma)  # "Shelter, the charity", "the housing charity Shelter"
        if root.dep_ == "appos" and root.head.lemma_.lower() in _lists()["org_nouns"]:
            ent.nouns.add(root.head.lemma_.lower())  # "the newspaper, The Daily Telegraph"
        kind_before = _kind_before_the(span)
        if kind_before is not None and kind_before.lemma_.lower() in _lists()["org_nouns"]:
            ent.nouns.add(kind_before.lemma_.lower())  # "Indie band the Dayshifts"
        kind = _kind_set_off_after(span[-1])
        if kind is not None:
            ent.nouns.add(kind.lemma_.lower())  # "Wealth-X, a private wealth research firm"
        if ent.type in ("group", "other") and any(
                _lists()["org_nouns"][n] == "organisation" for n in ent.nouns):
            ent.type = "organisation"  # "Internet service provider Tiscali", tagged a nationality
        self.add_mention(ent, span.start_char, _rank_of(root), root)

    def _short_form_after(self, span) -> str | None:
        """The short form in capitals the text gives a name right after it: "SVP" of "the Swiss
        People's Party, or SVP," or "the Swiss People's Party (SVP)"."""
        toks, k = self.tokens, span.end
        if k + 2 < len(toks) and toks[k].text == "," and toks[k + 1].lower_ == "or":
            k += 2
        elif k + 2 < len(toks) and toks[k].text == "(" and toks[k + 2].text == ")":
            k += 1
        else:
            return None
        short = toks[k].text
        if not (_is_capitals(short) or _is_acronym(short, names.bare(span.text))) \
                or (k + 1 < len(toks) and not toks[k + 1].is_punct):
            return None
        return toks[k].text

    def org(self, name: str, type_: str) -> _Ent:
        """The organisation/country entity for a name: the same name or a short form the text
        gave it, else a suffix of it or its acronym."""
        ent = self._org_entity(name, type_)
        if self._short_form_taken_for_a_place(ent, name, type_):
            ent.type = "organisation"
        return ent

    def _org_entity(self, name: str, type_: str) -> _Ent:
        party = names.party_of(name)
        if party is not None:
            return self._party(name, party, type_)
        low = name.lower()
        words = low.split()
        if _is_capitals(name):  # a short form given in the text: "the Swiss People's Party, or SVP,"
            same = next((e for e in self.orgs if name in e.aliases), None)
            if same is not None:
                return same
        if low in _lists()["org_nouns"]:  # "the Bank" after "the Bank of England", "the Commission"
            headed = [e for e in self.orgs if _org_head(e.name) == low and len(e.name.split()) > 1]
            if len(headed) == 1:
                return headed[0]
        if low in _lists()["outlet_name_words"]:  # "the Ledger" after "The Boston Ledger"
            ending = [e for e in self.orgs if len(owords := e.name.lower().split()) > 1 and owords[-1] == low]
            if len(ending) == 1:
                return ending[0]
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

    def _short_form_taken_for_a_place(self, ent: _Ent, name: str, type_: str) -> bool:
        """A name in capitals the tagger calls a place in one sentence and an organisation in
        another, and no text puts after a preposition of place: a company's short form ("Watchdog
        warns ST ... ST said it already offered the lowest prices"), not a country's ("the US", "in
        the UK")."""
        return (ent.type == "country" and type_ == "organisation" and _is_capitals(name)
                and name == ent.name and not _ever_a_place(self.tokens, name))

    def _party(self, name: str, party: str, type_: str) -> _Ent:
        """One speaker for a party however the article calls it ("the Tories", "a Conservative
        spokesman"): its usual name where the article uses it, else its longest name there, and its
        usual name where only an adjective names it."""
        same = next((e for e in self.orgs if names.party_of(e.name) == party), None)
        adjective = names.names_a_party_by_adjective(name)
        if same is None:
            same = _Ent(name=party if adjective else name, type=type_)
            self.entities.append(same)
            self.orgs.append(same)
        elif not adjective and _party_name_rank(name, party) > _party_name_rank(same.name, party):
            same.name = name  # "Liberal Democrats" over "Lib Dems"
        return same

    def _complete_mentions(self) -> None:
        """Mentions the tagger left out: a known surname or first name standing alone ("Trump
        vowed ..." with "Trump" untagged), so salience counts every time a person is named."""
        self._complete_names_written_again()
        one_word = {e.name: e for e in self.orgs if e.type == "organisation" and " " not in e.name}
        for tok in self.tokens:
            if tok.i in self.token_ent:
                continue
            if tok.pos_ in ("ADJ", "NOUN") and tok.text in one_word:  # "Tesco filings", "airline easyJet"
                self.token_ent[tok.i] = one_word[tok.text]
                self.add_mention(one_word[tok.text], tok.idx, _rank_of(tok), tok)
                continue
            if not _capitalised_noun(tok):
                continue
            ents = self.by_surname.get(tok.lower_) or self.by_first.get(tok.lower_)
            if not ents and tok.lower_ in self.short_orgs:
                ents = [self.short_orgs[tok.lower_]]
            if not ents and (_is_capitals(tok.text) or _is_word_acronym(tok.text)):  # "the FA", "Nato"
                ents = [e for e in self.orgs if _is_acronym(tok.text, e.name)][:2]
                ents = ents if len(ents) == 1 else []
            if not ents:
                continue
            ent = _surname_owner(ents, self._reflexive_gender_at(tok.i + 1))
            self.token_ent[tok.i] = ent
            self.add_mention(ent, tok.idx, _rank_of(tok), tok)

    def _complete_names_written_again(self) -> None:
        """An organisation's name of several words written again where the tagger left it out:
        "the watchdog group Citizens for Open Government ... Citizens for Open Government did not
        say", the second untagged."""
        for ent in self.orgs:
            if ent.type != "organisation" or not ent.named or " " not in ent.name \
                    or ent.name.lower().split()[-1] in self.by_surname:
                continue  # "De Blasio", once tagged an organisation: Bill de Blasio's surname
            for found in re.finditer(rf"\b{re.escape(ent.name)}\b", self.text):
                span = self.doc.char_span(found.start(), found.end())
                if span is None or any(t.i in self.token_ent for t in span):
                    continue
                for t in span:
                    self.token_ent[t.i] = ent
                self.add_mention(ent, span.start_char, _rank_of(span.root), span.root)

    def _genders_from_pronouns(self) -> None:
        """The gender of a person whose first name does not tell it ("Bernie Sanders", "Chris
        Smith"), from the pronouns of sentences that name no other person: the subject "Sanders"
        of "Sanders said he would ..."; set only where every such sentence agrees."""
        pronouns = _lists()["pronouns"]
        votes: dict[int, set[str]] = {}
        sents = list(self.doc.sents)
        for k, sent in enumerate(sents):
            people = {id(e): e for t in sent
                      if (e := self.token_ent.get(t.i)) is not None and e.type == "person"}
            if len(people) != 1:
                continue
            ent = next(iter(people.values()))
            if ent.gender is not None and not ent.gender_guessed:
                continue
            first = next(t for t in sent if self.token_ent.get(t.i) is ent)
            name_root = first
            while name_root.head.i != name_root.i and self.token_ent.get(name_root.head.i) is ent:
                name_root = name_root.head
            if name_root.dep_ not in _SUBJECT_DEPS or self.in_quote(first.idx):
                continue  # a name quoted is no antecedent of the writer's "she said" after it
            backs = [t for t in sent if t.i > first.i and _refers_back(t) and not self.in_quote(t.idx)]
            saying = name_root.head.lemma_ in _SAYING_VERBS
            opener = self._opening_pronoun(sents[k + 1], past_quote=saying) if k + 1 < len(sents) else None
            if opener is not None and name_root.head.dep_ == "ROOT":
                backs.append(opener)  # "Ruiz took another view. She said ..."
            if ent.gender_guessed:  # only the writer's "he said" after "Lindsey Trevane said" overrules
                backs = [t for t in backs if saying and _says(t)]  # what a first name usually is
            said = {pronouns[t.lower_] for t in backs}
            if said:
                votes.setdefault(id(ent), set()).update(said)
        for ent in self.entities:
            if ent.type == "person" and len(votes.get(id(ent), ())) == 1:
                ent.gender, ent.gender_guessed = next(iter(votes[id(ent)])), False

    def _opening_pronoun(self, sent, past_quote: bool = False):
        """The "he" or "she" a sentence opens with as its subject; with ``past_quote``, also the
        "he" saying a quote the sentence opens with ('"We are going down a road," he said')."""
        first = next((t for t in sent if not (t.is_space or t.is_punct)), None)
        if first is not None and past_quote and self.in_quote(first.idx):
            first = next((t for t in sent if not (t.is_space or t.is_punct or self.in_quote(t.idx))), None)
            if first is not None and not _says(first):
                return None
        if first is None or first.lower_ not in ("he", "she") or first.dep_ not in _SUBJECT_DEPS \
                or self.in_quote(first.idx):
            return None
        return first

    def _index_authors(self) -> None:
        """Every document the text gives an author ("a Quinnipiac University poll", "a report by
        the inspector general"), so that a later "the poll" may go back to its author."""
        for tok in self.tokens:
            if tok.pos_ in ("NOUN", "PROPN") and _in_list(tok, "document_nouns"):
                author = self._author(tok) or self._maker(tok) or self._owner_of_site(tok)
                if author is not None:
                    author.authored.append((tok.idx, tok.lemma_.lower()))
            elif tok.pos_ == "VERB" and (made := _document_a_verb_makes(tok)) is not None:
                author = self._subject_of(tok)  # "Abedin emailed supporters": an email
                if author is not None:  # "the Ohio Democratic Party sued ...": a lawsuit
                    author.authored.append((tok.idx, made))

    def _maker(self, tok) -> _Ent | None:
        """The named subject of the verb that makes a document: "Hollis released an ad", "his
        campaign ran a spot", "Clinton has a new ad"; or that speaks in it: "Ruiz said in a statement"."""
        held = tok
        while held.dep_ in ("conj", "appos") and held.head.i < held.i:
            held = held.head  # "In the July 9, 2012, cable, Stevens reported": a conjunct of the date
        prep = held.head
        if held.dep_ == "pobj" and prep.lower_ == "in" and prep.head.pos_ == "VERB" \
                and _in_list(prep.head, "cues") and tok.tag_ == "NN":
            return self._subject_of(prep.head)
        verb = tok.head
        has_an_ad = verb.lemma_ == "have" and _in_list(tok, "broadcast_nouns")
        authoring = _in_list(verb, "authoring_verbs") or has_an_ad
        if tok.dep_ != "dobj" or verb.pos_ != "VERB" or not authoring:
            return None
        return self._subject_of(verb)

    def _subject_of(self, verb) -> _Ent | None:
        """The named entity that is the subject of ``verb``, outside quotes; a verb with none takes
        the subject of the verb it completes or is joined to ("Trump is expected to unveil an ad")."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and self._in_dateline(subject):  # "CLEVELAND (AP) — The party sued"
            subject = next((c for c in subject.children
                            if c.dep_ == "appos" and not self._in_dateline(c)), None)
        while subject is None and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
            verb = verb.head
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or self.in_quote(subject.idx):
            return None
        ent = self.token_ent.get(subject.i)
        if ent is None and subject.lemma_.lower() in _lists()["org_nouns"]:
            ent = self.resolve_span(self.doc[subject.left_edge.i : subject.i + 1]).ent
        return ent if ent is not None and ent.named else None

    # the writer of an opinion piece or letter

    def writer_of(self, char: int) -> _Ent | None:
        """Who "I" is outside quotes: the name signing the letter that holds ``char`` (a line of
        just a name or handle after it), else the one author the piece names (a byline "By Jane
        Doe", a credit "From <book> by Jane Doe", a closing bio "Jane Doe is a playwright ...")."""
        signed = self._signature_after(self.para_of(char))
        if signed is not None:
            return signed
        if self._piece_writer is _UNSET:
            self._piece_writer = self._named_writer()
        if self._piece_writer is None:
            return self._speech_giver(char)
        return self._piece_writer  # type: ignore[return-value]

    def maker_of_document_before(self, char: int) -> _Ent | None:
        """Who made the document the sentence before ``char`` brings in, when "it" opens the next one:
        "Our Principles PAC ... launched a television and radio ad ... It slams Trump University"."""
        lo = self._start_of_sentence_before(char)
        if lo is None:
            return None
        hi = char
        makers = {id(e): e for e in self.entities for start, _ in e.authored if lo <= start < hi}
        return next(iter(makers.values())) if len(makers) == 1 else None

    def _start_of_sentence_before(self, char: int) -> int | None:
        """Where the sentence before the one ``char`` opens starts; None unless ``char`` opens one."""
        sent = self.sent_of(char)
        return self.sent_starts[sent - 1] if sent > 0 and self.sent_starts[sent] == char else None

    def _maker_of_subject_document_before(self, char: int) -> _Ent | None:
        """Who made the document that is the subject of the sentence before the one ``char`` opens,
        as an earlier one so called says: "Schuette sued ... The lawsuit names two firms. It alleges"."""
        lo = self._start_of_sentence_before(char)
        if lo is None:
            return None
        root = self.token_at(lo).sent.root  # the parse may make the subject the root ("The lawsuit
        # ..., names X")
        subject = root if root.pos_ == "NOUN" else next(
            (c for c in root.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is None or not _in_list(subject, "document_nouns"):
            return None
        return self._same_document(_phrase(subject, self.doc[subject.i : subject.i + 1]), subject)

    def interviewee(self, char: int, pronoun: str) -> _Ent | None:
        """Who "I" is in the answers of a Q&A interview, and "you" in its questions: the person its
        introduction names most ("Q&A with Vice President Joe Biden ... Q: You've been talking
        about ... A: It's a big mistake. I just saw ...")."""
        wanted = "A" if pronoun in ("i", "me", "my") else "Q" if pronoun in ("you", "your") else None
        return self.interviewee_in(char, wanted) if wanted is not None else None

    def interviewee_in(self, char: int, turn: str) -> _Ent | None:
        """The person a Q&A interviews, when ``char`` is in a paragraph of the ``turn`` ("Q" or "A")."""
        if self._interview is _UNSET:
            self._interview = self._read_interview()
        if self._interview is None:
            return None
        turns, person = self._interview  # type: ignore[misc]
        return person if turns[self.para_of(char)] == turn else None

    def _read_interview(self) -> tuple[list[str | None], _Ent] | None:
        """Whose turn each paragraph is ("Q", "A", or None before the first question; a paragraph
        with no mark goes on with the turn before it), and the interviewee; None unless the
        article has two questions and two answers at least."""
        paragraphs = map(self._paragraph, range(len(self.para_starts)))
        marks = [_interview_turn(self.text[start:end]) for start, end in paragraphs]
        if marks.count("Q") < 2 or marks.count("A") < 2:
            return None
        first_question = self.para_starts[marks.index("Q")]
        counts: dict[int, int] = {}
        firsts: dict[int, int] = {}
        for i, ent in self.token_ent.items():
            if ent.type == "person" and ent.named and self.tokens[i].idx < first_question:
                counts[id(ent)] = counts.get(id(ent), 0) + 1
                firsts.setdefault(id(ent), i)
        if not counts:
            return None
        best = max(counts, key=lambda k: (counts[k], -firsts[k]))
        person = self.token_ent[firsts[best]]
        turns: list[str | None] = []
        for mark in marks:
            turns.append(mark or (turns[-1] if turns else None))
        return turns, person

    def _speech_giver(self, char: int) -> _Ent | None:
        """Who "I" is in a speech or letter printed in full with no quote marks: the one person
        the paragraph just before its first-person text introduces as delivering it ("Hillary
        Clinton will deliver her acceptance speech ... Here is a version:" then "I accept ...")."""
        if self._speech is _UNSET:
            self._speech = self._printed_speech()
        speech = self._speech
        if not isinstance(speech, tuple) or char < speech[0]:
            return None
        return speech[1]

    def _printed_speech(self) -> tuple[int, _Ent] | None:
        """(where the first-person text starts, who gives it), for ``_speech_giver``."""
        first = next((t for t in self.tokens if t.lower_ in ("i", "me", "my") and t.pos_ == "PRON"
                      and t.idx >= self.headline_end and not self.in_quote(t.idx)), None)
        if first is None:
            return None
        para = self.para_of(first.idx)
        if para < 1 or self.para_starts[para - 1] < self.headline_end:
            return None
        start, end = self.para_starts[para - 1], self.para_starts[para]
        lo, hi = bisect.bisect_left(self.token_starts, start), bisect.bisect_left(self.token_starts, end)
        speeches = [t for t in self.tokens[lo:hi] if t.pos_ == "NOUN" and _in_list(t, "speech_nouns")]
        givers = {id(e): e for t in speeches if (e := self._deliverer(t)) is not None}
        return (first.idx, next(iter(givers.values()))) if len(givers) == 1 else None

    def _deliverer(self, noun) -> _Ent | None:
        """The named person who delivers or writes ``noun``: the subject of its verb ("Clinton will
        deliver her speech") or its owner ("Clinton's speech")."""
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        subject = next((c for c in noun.head.children if c.dep_ in _SUBJECT_DEPS), None) \
            if noun.dep_ == "dobj" else None
        for tok in (subject, owner):
            ent = self.token_ent.get(tok.i) if tok is not None else None
            if ent is not None and ent.type == "person" and ent.named and not self.in_quote(tok.idx):
                return ent
        return None

    def _paragraph(self, k: int) -> tuple[int, int]:
        end = self.para_starts[k + 1] if k + 1 < len(self.para_starts) else len(self.text)
        return self.para_starts[k], end

    def _signature_after(self, para: int) -> _Ent | None:
        """The signature closing a letter: the first of the three paragraphs after ``para`` that
        is only a name ("Ana Ruiz.") or a handle ("@aruiz."), or None."""
        for k in range(para + 1, min(para + 4, len(self.para_starts))):
            start, end = self._paragraph(k)
            name = self._signature(start, end)
            if name is not None:
                return name
        return None

    def _handle_in(self, toks: list) -> _Ent | None:
        """The person a mention names only by a handle ("one Twitter user @nycsouthpaw")."""
        handle = next((t.text for t in toks if _HANDLE.fullmatch(t.text)), None)
        if handle is None or any(t.ent_type_ == "PERSON" and t.text[:1] != "@" for t in toks):
            return None
        return self._new(handle.rstrip("."), "person")

    def _signature(self, start: int, end: int) -> _Ent | None:
        text = self.text[start:end].strip()
        if _HANDLE.fullmatch(text):
            ent = self._new(text.rstrip("."), "person")
            ent.add_alias(ent.name)
            return ent
        if not _SIGNATURE.fullmatch(text):
            return None
        first = self.token_at(start + self.text[start:end].index(text[0]))
        if first.lower_ not in _lists()["first_names"] and first.ent_type_ != "PERSON":
            return None
        return self.person(text.rstrip("."))

    def _named_writer(self) -> _Ent | None:
        """The one author a byline, credit line or closing bio names; none if they disagree."""
        paras = [self._paragraph(k) for k in range(len(self.para_starts))]
        paras = [(s, e) for s, e in paras if self.text[s:e].strip()]
        found: set[str] = set()
        edges = paras[1:4] + paras[-2:]
        for start, end in edges:
            by = _BYLINE.match(self.text[start:end].strip())
            if by:
                found.add(by.group(1).rstrip("."))
        if paras:
            bio = self._bio(*paras[-1])
            if bio is not None:
                found.add(bio)
        if len(found) != 1:
            return None
        return self.person(found.pop())

    def _bio(self, start: int, end: int) -> str | None:
        """The person a closing bio paragraph is about: its first sentence's subject is a person
        named at its start ("Rep. Jane Doe, D-Fla., chairs the ...", "Jane Doe is a playwright"),
        in the present tense, and the paragraph quotes no one. Another person may be named only
        where the sentence says what the subject is ("Jane Doe is director of Acme, which staged
        John Roe's play"), never as a subject."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        sents = [s for s in span.sents if s.text.strip()] if span is not None else []
        if not sents or any(t.is_quote for t in span):
            return None
        sent = sents[0]
        root = sent.root
        if root.tag_ != "VBZ" or root.lemma_.lower() in _lists()["cues"]:
            return None
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subject is None or not self._person_at(subject):
            return None
        ent = self.token_ent[subject.i]
        others = [t for t in span if self._person_at(t) and self.token_ent[t.i] is not ent]
        if others and not (_says_what_subject_is(root) and all(t.dep_ not in _SUBJECT_DEPS for t in others)):
            return None
        lead = [t for t in sent if t.i < subject.i and self.token_ent.get(t.i) is not ent]
        if not all(_is_title(t) or t.is_punct for t in lead):
            return None
        return ent.name

    # resolving a mention

    def resolve_span(self, span, ask: Ask | None = None) -> _Found:
        """The entity a speaker mention refers to, with the role and organisation it states."""
        self._depth += 1
        try:
            if self._depth > 4:
                return _Found(None)
            return self._resolve_span(span, ask or Ask("", span.start_char))
        finally:
            self._depth -= 1

    def _resolve_span(self, span, ask: Ask) -> _Found:
        lists = _lists()
        toks = [t for t in span if not t.is_space and not t.is_punct]
        if not toks:
            return _Found(None)
        if _ends_in_its_verb(span):  # "the foundation predicts", tagged a noun: a mention cut past its verb
            return self.resolve_span(span[:-1], ask)
        after = _after_stance_words(span)
        if after is not None:  # "The pro-Christie Union Leader": the paper, not Christie
            return self.resolve_span(after, ask)
        subject = _leading_subject(span)
        if subject is not None:  # "The Obama administration allowed some states ...": a mention run on
            return self.resolve_span(subject, ask)
        if len(toks) > 1 and toks[-1].lower_ in _INTENSIFIERS:  # "Vance himself weighed in"
            return self.resolve_span(span.doc[span.start : toks[-1].i], ask)
        if len(toks) == 1 and toks[0].i not in self.token_ent and _capitalised(toks[0].text) \
                and toks[0].lower_ in self.by_surname:  # "Vance" tagged a verb at the start of a sentence
            return _Found(_surname_owner(self.by_surname[toks[0].lower_], None))
        opening = self._name_opening_apposition(span)
        if opening is not None:
            return self.resolve_span(opening, ask)
        root = span.root
        if root.pos_ == "DET" and (span[-1].pos_ in ("NOUN", "PROPN") or _age_nominal(span[-1])):
            root = span[-1]  # "the foundation" of "the foundation predicts": both hang on the verb
        elif root.i < span[-1].i and span[0].lower_ == "the" and _is_epithet(span[-1]):
            root = span[-1]  # "the Sale full-back", parsed as "Sale" with "back" hung on it
        root = hyphen_word_end(root)  # "the group's co-ordinator", split into subjects of "said"
        head = root.head
        owner_only = root.dep_ == "poss" and head.i >= span.end and head.tag_ == "NN"
        if owner_only and ask.content is not None and _names_a_person(head):  # a statement's speaker
            return self.resolve_span(self.doc[span.start : head.i + 1], ask)  # "ABC's" of "ABC's host, X,"
        phrase = _phrase(root, span)
        together = self._coordinated(root)
        if together is not None:
            return together
        handle = self._handle_in(toks)
        if handle is not None:  # "one Twitter user @nycsouthpaw": the handle is the only name given
            return _Found(handle)
        if self._person_at(root) and any(t.lower_ == "team" and t.dep_ == "compound" and t.head.i == root.i
                                         and t.text[:1].isupper() for t in span):
            return self._persons(self.token_ent[root.i], "campaign")  # "Team Trump"
        called = self._called_name(root)
        if called is not None:
            return called
        if toks[0].lower_ == "whose" and len(toks) > 1 and not _names_a_person(root) \
                and root.lemma_.lower() not in _lists()["org_nouns"]:  # not "whose organization"
            return self.resolve_relative(toks[0])  # "Jo Tamsett, whose emotional account ... accused"
        if _in_list(root, "voice_nouns"):
            maker = self._ad_voiced(root)
            if maker is not None:
                return _Found(maker)
        named = self._apposed_name(span, root) or self._name_after_title(root) \
            or self._head_name(phrase, root, span)
        if named is not None and named.i >= span.end and self._opens_content(named, ask):
            named = None  # "According to the spokesman, Novak had meant ...": the content's subject
        if named is not None and named.i != root.i and self._joined_to_another_name(named):
            return _Found(self._plain(span))  # "The prince's sons, William and Harry": no one name
        if named is not None:
            if self.token_ent[named.i].type == "person":
                return self._named_person(phrase, named)
            return _Found(self.token_ent[named.i])
        if _a_share_of_those_asked(root):
            pollster = self._poll_answered(root)
            if pollster is not None:  # "Some 20 percent of people in a recent CNN/ORC poll said"
                return _Found(pollster)
        if any(partitive_of(root, c) for c in root.children):
            return _Found(self._plain(span))  # "one of his senior aides": a part of a group, named by no name
        word = root.lower_
        if len(toks) == 1 and word in lists["pronouns"]:
            kind = lists["pronouns"][word]
            if kind == "relative":
                return self.resolve_relative(root)
            return _Found(self.resolve_pronoun(root.idx, kind, ask))
        ranked = _ranked_player_epithet(root)  # "the British number one": a Briton
        age = _age_word(root)
        if (_is_epithet(root) or age is not None or ranked) \
                and (_definite_singular(span, root) or self._a_compatriot_speaking(span, root)) \
                and not (_names_a_people(root) and self._country_named(root)
                         and not self._person_spoke_before(root.idx)):
            epithet = ranked or root.lower_
            aged = self._sole_person_aged(age) if age is not None else None
            if aged is not None:
                return _Found(aged)  # "Sir Howard, 63, ... The 63-year-old acknowledged"
            compatriot = self._sole_person_of_nationality(root, ranked) if ranked != _RANKED else None
            if compatriot is not None and not _called_another_nationality(compatriot, epithet):
                return _Found(compatriot)  # "Russia's Marat Safin ... the Russian said"
            # "the Swede", "the 27-year-old"; before the tagger's label, which may make "the Scot" a group
            kind = _lists()["gendered_nouns"].get(root.lower_, "person")
            ask.contrasted = self._speaker_contrasted(root.idx)
            ask.epithet = epithet
            return _Found(self.resolve_pronoun(root.idx, kind, ask))
        if root.lemma_.lower() in ("man", "woman") and _definite_singular(span, root) \
                and (tied := self._sole_person_tied_by_modifier(root)) is not None:
            return _Found(tied)  # "Leicester flanker Martin Corry ... the Leicester man said"
        if root.i in self.token_ent and self.token_ent[root.i].type != "person":
            return _Found(self.token_ent[root.i])
        if root.i not in self.token_ent and _capitalised(root.text) \
                and _on_sunday_end(self.doc[root.i : root.i + 1]) > root.i + 1:
            return _Found(self._untagged_organisation(root))  # "The Independent on Sunday": a paper
        if _in_list(root, "document_nouns"):
            return self._document(span, phrase, root, ask)
        if (leader := self._leader(root)) is not None:
            return _Found(leader)  # "a team led by Marc Ames": Ames and unnamed others
        if word in lists["group_nouns"] or (root.tag_ in ("NNS", "NNPS") and _names_a_person(root)):
            return self._group(span, root)
        if _names_a_person(root) or _a_person_by_modifier(root):
            return self._role_nominal(span, phrase, root, ask)
        if root.lemma_.lower() in lists["org_nouns"]:
            return self._org_nominal(span, phrase, root, ask)
        documents = _documents_of(root)
        if documents is not None:  # "a new batch of State Department emails": what the emails say
            return self._document(span, _phrase(documents, documents.doc[documents.i : documents.i + 1]),
                                  documents, ask)
        if root.tag_ in ("NNS", "NNPS") and (example := self._one_example(phrase, root)) is not None:
            return _Found(example)  # a plural noun not listed as a group's: "defenders", "voices"
        owner = self._possessor(root) if root.tag_ not in ("NNS", "NNPS") else None
        acronym = root.pos_ == "PROPN" and _is_capitals(root.text) and root.i not in self.token_ent
        if owner is not None and acronym:
            return _Found(self._untagged_organisation(root))  # "Obama's DOJ": the department, not Obama
        if owner is not None and owner.ent is not None:
            return owner  # "Rubio's response", "his message": the one whose words they are
        if (_the_proper_name(phrase, root) or _digit_name(root)) and root.i not in self.token_ent:
            return _Found(self._untagged_organisation(root))  # "The RSPCA said", "O2 said": untagged names
        person = self._any_person(span)
        misparsed = root.pos_ not in ("NOUN", "PROPN", "PRON") or root.ent_type_ in ("DATE", "TIME")
        if person is not None and (misparsed or span.start_char < self.headline_end):
            return _Found(person)  # "Trump primes supporters", "Broaddrick Sunday night"
        return _Found(self._plain(span))

    def _opens_content(self, tok, ask: Ask) -> bool:
        """Whether the name at ``tok`` is where the statement's content begins."""
        first = tok
        while first.i > 0 and self.token_ent.get(first.i - 1) is not None \
                and self.token_ent.get(first.i - 1) is self.token_ent.get(tok.i):
            first = self.doc[first.i - 1]
        return ask.content is not None and ask.content[0] == first.idx

    def _joined_to_another_name(self, tok) -> bool:
        ent = self.token_ent.get(tok.i)
        return any(c.dep_ == "conj" and c.i in self.token_ent and self.token_ent[c.i] is not ent
                   for c in tok.children)

    def _head_name(self, phrase, root, span):
        """The token of the named entity a mention names as its head: the root itself for a
        person ("Putin and his officials"), a name in apposition to the head noun ("his
        spokesman Dmitry Peskov", "One group, Occupy DNC Convention") or right after it, also
        across a title's full stop the tokenizer split off ("Navy Capt. Jeff Davis"). A name
        that only modifies the head ("Clinton campaign spokesman", "Stein's lawyer") is
        context, not the speaker."""
        if self._person_at(root):
            return root
        if root.text in _POST_NOMINALS and root.i > 0 and self._person_at(self.doc[root.i - 1]):
            return self.doc[root.i - 1]  # "Diane Abbott MP", rooted at the letters after the name
        colon = next((t.i for t in phrase if t.i > root.i and t.text == ":"), len(self.tokens))
        for tok in phrase:
            if tok.i <= root.i or tok.i not in self.token_ent or tok.i > colon:
                continue  # "Van Dyke: Trust Ruiz ...": a headline's colon ends the speaker
            name_root = tok
            while name_root.head.i != name_root.i and name_root.head.i in self.token_ent and \
                    self.token_ent[name_root.head.i] is self.token_ent[tok.i]:
                name_root = name_root.head
            if (name_root.dep_ in _APPOSED and name_root.head.i == root.i) or tok.i == root.i + 1:
                return tok  # "The UN refugee agency, UNHCR," (parsed a noun modifier)
            if (name_root.dep_ == "appos" and _names_a_person(root) and self._person_at(tok)
                    and not _names_a_person(name_root.head) and not self._person_at(name_root.head)):
                return tok  # "the author of the book, Mitchell Zuckoff", "his friend at Lehigh, Bruce Turry"
        nxt = root.i + 1
        if nxt < len(self.doc) and _names_a_person(root) and self._person_at(self.doc[nxt]):
            return self.doc[nxt]  # "Sullivan's lawyer Beth Wilkinson", parsed apart
        if nxt < len(self.doc) and root.is_lower and _in_list(root, "org_nouns") \
                and (ent := self.token_ent.get(nxt)) is not None and ent.type == "organisation":
            return self.doc[nxt]  # "According to radio monitoring firm Airtrack", parsed apart
        after, titled = span.end, _is_title(span[-1])
        while after < len(self.doc) and after - span.end < 4 and (
                self.doc[after].text == "-" or _title_stop(self.doc[after]) or _is_title(self.doc[after])):
            titled = titled or _is_title(self.doc[after])
            after += 1
        if span.end < after < len(self.doc) and titled and self._person_at(self.doc[after]):
            return self.doc[after]  # "Navy Capt." + "Jeff Davis", "Air Force 1st" + "Lt. Tyler Livingston"
        named = self._name_after_of_field(span, root)
        if named is not None:
            return named
        if _names_a_person(root) and root.tag_ in ("NN", "NNP"):
            return self._name_after_joined_roles(root) or self._set_off_name(phrase, root) \
                or self._name_closing_subject(root)
        if root.tag_ == "NN" and not _in_list(root, "org_nouns") and not _in_list(root, "document_nouns"):
            return self._name_closing_subject(root)  # "An audio engineer", a kind no list knows
        if _in_list(root, "org_nouns") and any(c.dep_ == "poss" for c in root.children):
            return self._set_off_name(span, root, "organisation")  # "The magazine's publisher,
            # Northern & Shell, said", the name parsed as a second subject the phrase holds
        return None

    def _name_closing_subject(self, root):
        """A person's name set off by commas at the end of a role's subject phrase, right before
        its verb, that the parse hung on a noun of the role's modifier: "A spokeswoman for Pruett,
        Ana Colón, disputed that", "An audio engineer hired by CNN to review the broadcast, Tom
        Rusnak, said"."""
        doc, verb = self.doc, root.head
        if root.dep_ not in ("nsubj", "nsubjpass") or verb.i <= root.i + 3 or doc[verb.i - 1].text != ",":
            return None
        last = verb.i - 2
        ent = self.token_ent.get(last)
        if ent is None or ent.type != "person":
            return None
        first = last
        while first - 1 > root.i and self.token_ent.get(first - 1) is ent:
            first -= 1
        name_root = next((t for t in doc[first : last + 1] if not first <= t.head.i <= last), None)
        if doc[first - 1].text != "," or name_root is None or name_root.dep_ != "appos" \
                or not root.i < name_root.head.i < first or self.token_ent.get(name_root.head.i) is ent:
            return None
        return doc[last]

    def _name_after_of_field(self, span, root):
        """The name right after a role's "of" field that the mention left out: "director" + "of
        rugby Rob Andrew", "Director" + "of Public Prosecutions Ken Macdonald"."""
        doc, k = self.doc, span.end
        if not _is_role_word(root) or k >= len(doc) or doc[k].lower_ != "of":
            return None
        k += 1
        while k < len(doc) and k - span.end <= 4 and not self._person_at(doc[k]) \
                and doc[k].pos_ in ("NOUN", "ADJ", "PROPN") and doc[k].i not in self.token_ent:
            k += 1
        return doc[k] if span.end + 1 < k < len(doc) and self._person_at(doc[k]) else None

    def _name_after_joined_roles(self, root):
        """The name after a second role joined to the head noun by "and": "Filmmaker and
        best-selling author Dinesh D'Souza", "chief pollster and strategist Joel Benenson"."""
        doc, k = self.doc, root.i + 1
        if k >= len(doc) or doc[k].lower_ != "and":
            return None
        k += 1
        while k < min(len(doc), root.i + 8) and not self._person_at(doc[k]) and _role_word_part(doc[k]):
            k += 1
        if k < len(doc) and self._person_at(doc[k]) and _names_a_person(doc[k - 1]):
            return doc[k]
        return None

    def _set_off_name(self, words, root, type_: str = "person"):
        """A name of ``type_`` set off by commas or dashes right after ``words`` (a role noun's
        phrase, or the mention where the parse made the name part of the phrase), where the parser
        hung it elsewhere: "The editor I was talking to, Tim Grieve, interrupted", "A former
        Republican presidential candidate -- John McCain, who lost ... -- said"."""
        doc, j = self.doc, words.end
        clauses = {t.i for c in root.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
        while j < len(doc) and j in clauses and doc[j].text not in _SET_OFF and not self._person_at(doc[j]):
            j += 1  # the role's own relative clause, "I was talking to"
        first = j + 2 if j + 2 < len(doc) and doc[j + 1].lower_ == "the" and type_ != "person" else j + 1
        if first >= len(doc) or doc[j].text not in _SET_OFF or first not in self.token_ent \
                or self.token_ent[first].type != type_:
            return None
        ent, k = self.token_ent[first], first
        while k < len(doc) and self.token_ent.get(k) is ent:
            k += 1
        if k < len(doc) and (doc[k].text in _SET_OFF or doc[k].text == ")" or doc[k].pos_ in ("VERB", "AUX")):
            return doc[first]
        return None

    def _ad_voiced(self, root) -> _Ent | None:
        """The maker of the ad a narrator or announcer is said to speak in: "a narrator in the
        Clinton ad". A narrator with no such phrase is left to the other rules: the latest ad
        before it is often one whose maker the index misread."""
        ad = next((g for c in root.children if c.dep_ == "prep" and c.lower_ == "in"
                   for g in c.children if g.dep_ == "pobj" and _in_list(g, "broadcast_nouns")), None)
        if ad is None:
            return None
        found = self.resolve_span(self.doc[ad.left_edge.i : ad.i + 1])
        return found.ent if found.ent is not None and found.ent.named else None

    def _called_name(self, root) -> _Found | None:
        """The name a participle gives the mention's head noun: "a super PAC called Future 45",
        "a worker named Antonio Arroyo", "the base chief known as Bob"."""
        verb = next((c for c in root.children if c.dep_ == "acl" and c.lemma_ in _NAMING_VERBS
                     and c.i == root.i + 1), None)
        if verb is None:
            return None
        named = [c for c in verb.children if c.dep_ in ("oprd", "dobj", "attr")]
        named += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                  for g in c.children if g.dep_ == "pobj"]
        name = next((t for t in named if t.pos_ == "PROPN"), None)
        if name is None:
            return None
        if name.i in self.token_ent and self.token_ent[name.i].named:
            return _Found(self.token_ent[name.i])
        words = []
        for t in name.subtree:  # the name's own words, up to a clause or a comma after it
            if t.i > name.i and (t.is_punct or t.dep_ in _CLAUSE_DEPS or t.dep_ == "appos"):
                break
            if not t.is_punct:
                words.append(t.text)
        kind = "person" if _names_a_person(root) else "organisation"
        return _Found(self._new(" ".join(words), kind))

    def _apposed_name(self, span, root):
        """A name in apposition to the mention's head noun where the parse gives the mention
        another root: "Harbour Media's corporate parent, the Keller Group," (rooted at "Harbour")."""
        owner = self.token_ent.get(root.i)
        if owner is None:
            return None
        for tok in span:
            head = tok.head
            if tok.dep_ != "appos" or tok.i not in self.token_ent or not span.start <= head.i < tok.i:
                continue
            if head.pos_ == "NOUN" and any(c.dep_ == "poss" and self.token_ent.get(c.i) is owner
                                           for c in head.children):
                return tok
        return None

    def _name_after_title(self, root):
        """The person in apposition to a title the tagger took for a name of its own: "Tarrant County
        Registrar" of "Tarrant County Registrar of Voters Dale Huxley"."""
        if not _is_role_word(root) or not self._person_at(root):
            return None
        return next((c for c in root.children if c.dep_ == "appos" and self._person_at(c)
                     and self.token_ent[c.i] is not self.token_ent[root.i]), None)

    def _person_at(self, tok) -> bool:
        ent = self.token_ent.get(tok.i)
        if ent is not None:
            return ent.type == "person"
        return False

    def _person_described(self, tok):
        """The person whose appositive holds ``tok``: "Matt Duss, the president of the
        [Foundation], who", "Alan Berger, a gynecologist from [Englewood], who"."""
        for _ in range(6):
            if tok.dep_ not in ("pobj", "prep", "appos", "compound") or tok.head == tok:
                return None
            appositive = tok.dep_ == "appos"
            tok = tok.head
            if appositive and self._person_at(tok):
                return tok
        return None

    def _person_just_before(self, tok):
        """The person named in the eight words before ``tok``, with no plural noun between."""
        for j in range(tok.i - 1, max(tok.sent.start, tok.i - 8) - 1, -1):
            t = self.tokens[j]
            if self._person_at(t):
                return t
            if t.tag_ in ("NNS", "NNPS"):
                return None
        return None

    def _any_person(self, span) -> _Ent | None:
        return next((self.token_ent[t.i] for t in span if self._person_at(t)), None)

    def _name_opening_apposition(self, span):
        """"Paula Lindell" of "Paula Lindell, a spokesman for Rise to Win" when the parser hung the
        mention on a word of the description ("Win" taken for a verb): the person named first."""
        ent = self.token_ent.get(span[0].i)
        if ent is None or ent.type != "person":
            return None
        end = span.start
        while end < span.end and self.token_ent.get(end) is ent:
            end += 1
        doc = span.doc
        if end + 2 >= span.end or doc[end].text != "," or doc[end + 1].lower_ not in ("a", "an", "the") \
                or span.start <= span.root.i < end:
            return None
        return doc[span.start : end]

    def _named_person(self, phrase, tok) -> _Found:
        ent = self.token_ent[tok.i]
        before = [t for t in phrase if t.i < tok.i and not self._part_of_name(t, ent)]
        if any(t.lower_ == "younger" for t in before):
            ent = self._junior(ent) or ent  # "the younger Mr. Trump": Donald Trump Jr.
        role, org, poss = _describe(before)
        if not org and before:
            owner = self._owner(before, before[-1], poss)
            if owner is not None and owner is not ent:
                org = owner.organisation or owner.name
        if not role and before and _in_list(before[-1], "person_nouns"):
            role = before[-1].lemma_.lower()  # "Former champion John McEnroe" ... "the former champion"
        ent.add_role(role)
        if role:
            ent.titled.add(_role_head(role))
        if org and not ent.organisation:
            ent.organisation = org
        return _Found(ent, role, org)

    def _junior(self, ent: _Ent) -> _Ent | None:
        """The one other person of ``ent``'s surname named with "Jr." or "II"/"III", if there is one."""
        same = self.by_surname.get(names.surname(ent.name.split()), [])
        juniors = [e for e in same if e is not ent and _suffix(e.name.lower().split()) is not None]
        return juniors[0] if len(juniors) == 1 else None

    def _part_of_name(self, tok, ent: _Ent) -> bool:
        """A word of ``ent``'s own name; a title the tagger put inside it ("Major General" of an
        entity span "Major General Igor Konashenkov") is no part of the name."""
        return self.token_ent.get(tok.i) is ent and (tok.ent_type_ == "PERSON" or not _is_title(tok))

    def _coordinated(self, root) -> _Found | None:
        """"Putin and his officials", "Clinton and national Democrats" -> Putin, Clinton; "Corker and
        Graham", two named sources -> no name."""
        conjuncts = [c for c in root.children if c.dep_ == "conj"]
        if not conjuncts or not any(c.dep_ == "cc" for c in root.children):
            return None
        named = [e for t in [root, *conjuncts] if (e := self._named_in(t)) is not None]
        owners = {e.name for e in named}
        named = [e for e in named if e.organisation not in owners] or named  # "Clinton and her campaign"
        if not named:
            return None  # "the company and its co-founder": the head says who
        one = [e for e in named if e.type != "group"]
        if len(one) == 1:
            return _Found(one[0])  # "Clinton and national Democrats": a named person with others
        return _Found(self._new(names.bare(_words_text(root.left_edge, conjuncts[-1])), "group"))

    def _named_in(self, tok) -> _Ent | None:
        """The entity a conjunct names: itself ("Corker") or its modifier ("the Clinton campaign")."""
        if tok.i in self.token_ent:
            return self.token_ent[tok.i]
        if _lists()["org_nouns"].get(tok.lemma_.lower()) == "personal":  # "the Clinton campaign and ..."
            span = self.doc[tok.left_edge.i : tok.i + 1]
            found = self._org_nominal(span, _phrase(tok, span), tok, Ask("", span.start_char)).ent
            if found is not None and found.named:
                return found
        role = _names_a_person(tok)
        deps = ("compound",) if role else ("compound", "poss")  # "Ruiz's aide": not Ruiz
        return next((self.token_ent[c.i] for c in tok.lefts if c.dep_ in deps and c.i in self.token_ent
                     and not (role and self.token_ent[c.i].type != "person")), None)  # "U.S. senator": a role

    def _possessor(self, root) -> _Found | None:
        """Whose the head noun is: "Rubio's", "his", "the Senate's"."""
        poss = next((c for c in root.children if c.dep_ == "poss"), None)
        if poss is None or poss.ent_type_ in ("DATE", "TIME"):
            return None  # "May's Washington Post-ABC News poll": a date owns nothing
        if poss.lower_ in _lists()["pronouns"]:
            return _Found(self.resolve_pronoun(poss.idx, _lists()["pronouns"][poss.lower_], None))
        return self.resolve_span(self.doc[poss.left_edge.i : poss.i + 1])

    def _person_possessing(self, root) -> _Ent | None:
        """The named person whose the head noun is, if a person's possessive says so."""
        found = self._possessor(root)
        ent = found.ent if found is not None else None
        return ent if ent is not None and ent.type == "person" and ent.named else None

    def _body_of_possessive(self, phrase, root, wanted: str) -> _Ent | None:
        """For "his club", "her party": the organisation the person the pronoun stands for is
        named with ("Manchester United manager Alex Ferguson"), if the article names it."""
        poss = next((t for t in phrase if t.tag_ == "PRP$" and t.lower_ in ("his", "her")), None)
        if poss is None:
            return None
        person = self._owner(phrase, root, poss)
        if person is None or person.type != "person" or not person.organisation:
            return None
        body = self._org_named(person.organisation)
        return body if body is not None and body.type == wanted else None

    def _owner(self, toks, root, poss) -> _Ent | None:
        """Whose the role is: a possessive pronoun's antecedent ("his spokesman") or a person named
        before the role word ("Angela Weber's spokesman", "Clinton campaign spokesman")."""
        if poss is not None:
            return self.resolve_pronoun(poss.idx, _lists()["pronouns"].get(poss.lower_, "person"), None)
        named = [self.token_ent[t.i] for t in toks
                 if t.i < root.i and t.i in self.token_ent and not _based_in(t)]
        if named:
            return named[-1]
        possessor = self._possessor(root)  # "the former vice president's spokeswoman"
        ent = possessor.ent if possessor is not None else None
        return ent if ent is not None and ent.named else None

    def resolve_pronoun(self, char: int, kind: str, ask: Ask | None) -> _Ent | None:
        """The entity a pronoun refers to, chosen by the ranker among those it may refer to."""
        if kind in ("he", "she", "person"):
            topic = self._topic_named(char, kind) or self._speaker_of_aside(char, kind) \
                or (self._topic_of_sentence_before(char, kind) if ask is not None and ask.content else None)
            if topic is not None:
                return topic
            a = ask or Ask("he", char)
            a.kind, a.char, a.gender = "he", char, kind if kind in ("he", "she") else None
        else:
            if kind == "plural":
                body = self._body_before(char)
                if body is not None:
                    return body
            if kind == "thing" and ask is not None and ask.content is not None:
                speaking = self.named_speaker_just_before(char, "organisation")  # "It said"
                if speaking is not None:
                    return speaking
            if kind == "thing":
                body = self._body_sentence_before_is_about(char)
                if body is not None:
                    return body
            a = ask or Ask("it", char)
            a.kind, a.char = "it" if kind == "thing" else "they", char
        found = self.rank(a)
        if found is None and kind == "thing":
            found = self._maker_of_subject_document_before(char)
        return found

    def _body_sentence_before_is_about(self, char: int) -> _Ent | None:
        """For "It"/"Its" opening a sentence, the named organisation the subject of the sentence
        before in its paragraph stands for: "The union also raised concerns ... Its survey found"
        (the union named before)."""
        tok = self.token_at(char)
        sent = tok.sent
        if sent.start == 0 or next(t for t in sent if not t.is_space).i != tok.i:
            return None
        before = self.doc[sent.start - 1].sent
        if self.para_of(before.start_char) != self.para_of(char):
            return None
        subject = next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ in _lists()["pronouns"]:
            return None
        ent = self.resolve_span(self.doc[subject.left_edge.i : subject.i + 1]).ent
        return ent if ent is not None and ent.named and ent.type == "organisation" else None

    def named_speaker_just_before(self, char: int, type_: str) -> _Ent | None:
        """The named entity of ``type_`` that spoke last before ``char``, in its sentence or the one
        before: "Security firm MessageLabs said a gang had taken the data. / It said ..."."""
        m = self.speaker_before(char)
        if m is None or self.sent_of(char) - m.sent > 1 or m.ent.type != type_ or not m.ent.named:
            return None
        return m.ent

    def _person_spoke_before(self, char: int) -> bool:
        """Whether a named person spoke just before ``char``: then "the Portuguese told Sky Sports"
        is a person even where the article names Portugal."""
        return self.named_speaker_just_before(char, "person") is not None

    def _body_before(self, char: int) -> _Ent | None:
        """For a subject "they", the organisation that is the subject just before it, in its
        sentence or the one before, with no other subject between: "The Murphy campaign is tying
        the bill to Rubio ... They are saying" (a campaign, a company, a party spoken of in the
        plural), with no plural noun between that "they" could stand for."""
        tok = self.token_at(char)
        if tok.dep_ not in _SUBJECT_DEPS:
            return None
        sent = self.sent_of(char)
        for j in range(tok.i - 1, -1, -1):
            t = self.tokens[j]
            if self.sent_of(t.idx) < sent - 1 or t.tag_ in ("NNS", "NNPS"):
                return None  # "Time ran a poll asking readers who they ...": the readers
            if t.dep_ not in _SUBJECT_DEPS or self.in_quote(t.idx):
                continue
            if any(c.dep_ == "conj" for c in t.children):
                return None  # "his family, friends and employees": a group
            ent = self.token_ent.get(t.i)
            if ent is None and t.tag_ == "NN" and t.lemma_.lower() in _lists()["org_nouns"]:
                ent = self.resolve_span(self.doc[t.left_edge.i : t.i + 1]).ent  # "the Murphy campaign"
            if ent is None or not ent.named or ent.type != "organisation":
                return None
            return ent
        return None

    def _speaker_contrasted(self, char: int) -> _Ent | None:
        """The last speaker before a sentence that opens on a contrast ("But the 30-year-old
        insisted ..." after Pat Cash spoke): an epithet there brings back another side. Not after a
        sentence of the writer's own ("Henman said ... The British number one has been troubled by
        injury. But the 30-year-old said"): that is what "But" answers."""
        sent = self.sent_of(char)
        start = self.sent_starts[sent]
        if self.token_at(start).lower_ not in _BUT or sent == 0:
            return None
        before = self.sent_starts[sent - 1]
        k = bisect.bisect_left(self.speakers, _Mention(start, -1, -1, None)) - 1  # type: ignore[arg-type]
        if k < 0 or not (self.speakers[k].start >= before or self.in_content(before)):
            return None
        return self.speakers[k].ent

    def _a_compatriot_speaking(self, span, root) -> bool:
        """ "The Portuguese claimed ...": a nationality that is also its people's name, as the
        subject of a verb, is one person where the article names no country of theirs."""
        the = root.doc[root.i - 1] if root.i else None
        return (_names_a_people(root) and root.dep_ == "nsubj" and span.end == root.i + 1
                and the is not None and the.lower_ == "the" and not self._country_named(root))

    def _country_named(self, root) -> bool:
        """Whether the article names the country a nationality word is of ("China" for "the
        Chinese"), or that nation as an organisation of its own."""
        ties = _lists()["epithet_nouns"].get(root.lower_, "").split(",")
        return any(e.type in ("country", "organisation") and e.named
                   and any(tie and names.organisations_compatible(tie, e.name) for tie in ties)
                   for e in self.orgs)

    def _sole_person_of_nationality(self, root, word: str | None = None) -> _Ent | None:
        """For a nationality epithet ("the Russian", "the Scot"; ``word`` when the mention's head
        is another word), the one person the text before it ties to that nation by the words over
        their name: "Russia's Marat Safin", "the Russian star Marat Safin", "Marat Safin of
        Russia", "Safin, the Russian seed"."""
        word = word or (root.lower_ if root.lower_ in _lists()["epithet_nouns"] else root.lemma_.lower())
        ties = _lists()["epithet_nouns"].get(word, word)
        nation = _nationality(word)  # else a position, the word itself: "Spinner Ashley Giles"
        words = set(ties.split(",")) if nation else {word}
        return self._sole_person_tied(words, root.i, capitalised=nation)

    def _sole_person_tied_by_modifier(self, root) -> _Ent | None:
        """"the Leicester man": the one person the text before ties to the capitalised word
        before the noun ("Leicester flanker Martin Corry", "Leicester's Martin Corry")."""
        modifiers = [c for c in root.children if c.dep_ in ("compound", "amod") and c.i < root.i
                     and c.text[:1].isupper()]
        if len(modifiers) != 1:
            return None
        return self._sole_person_tied({modifiers[0].lower_}, modifiers[0].i, capitalised=True)

    def _sole_person_aged(self, root) -> _Ent | None:
        """For "the 63-year-old", the one person the text before gave that age, set off after
        their name: "Sir Howard, 63, who currently heads ...", "Lowther, 26, left the stage"."""
        age = self.doc[root.i - 4].text if root.i >= 4 else ""  # "63", "-", "year", "-", "old"
        aged = {}
        for t in self.tokens[: max(0, root.i - 4)]:
            if t.text != age or t.i < 2 or self.tokens[t.i - 1].text != "," or t.i + 1 >= len(self.tokens) \
                    or self.tokens[t.i + 1].text not in (",", "."):
                continue
            person = self.token_ent.get(t.i - 2)
            if person is not None and person.type == "person" and person.named:
                aged[id(person)] = person
        return next(iter(aged.values())) if len(aged) == 1 else None

    def _sole_person_tied(self, words: set[str], before: int, capitalised: bool) -> _Ent | None:
        """The one named person a word of ``words`` outside quotes before token ``before``
        describes, if there is exactly one."""
        tied = {}
        for t in self.tokens[:before]:
            if t.lower_ not in words or (capitalised and not t.text[:1].isupper()) or self.in_quote(t.idx):
                continue
            person = self._person_over(t)
            if person is not None:
                tied[id(person)] = person
        return next(iter(tied.values())) if len(tied) == 1 else None

    def _person_over(self, tok) -> _Ent | None:
        """The named person a word describes: a person the word's head phrase names, up to a
        clause's verb ("Russia's" -> "Marat Safin"; "Russian" of "Safin, the Russian seed")."""
        t = tok
        for _ in range(4):
            if t.head is t or t.head.pos_ in ("VERB", "AUX"):
                return None
            t = t.head
            ent = self.token_ent.get(t.i)
            if ent is not None:
                return ent if ent.type == "person" and ent.named else None
        return None

    def _speaker_of_aside(self, char: int, kind: str) -> _Ent | None:
        """For "he"/"she" of an aside set off by commas in a sentence a named person already speaks
        in, that person: "Robby Mook acknowledged they had split the contests, which is an outcome,
        he said, 'we've long anticipated'"."""
        tok = self.token_at(char)
        cue, doc = tok.head, tok.doc
        if tok.dep_ != "nsubj" or cue.i != tok.i + 1 or tok.i == 0 or doc[tok.i - 1].text != "," \
                or cue.i + 1 >= len(doc) or doc[cue.i + 1].text != ",":
            return None
        m = self.speaker_before(char)
        if m is None or m.sent != self.sent_of(char) or m.ent.type != "person" or not m.ent.named:
            return None
        return m.ent if kind == "person" or m.ent.gender in (None, kind) else None

    def _topic_of_sentence_before(self, char: int, kind: str) -> _Ent | None:
        """For a speaking "he"/"she", the person the sentence before in its paragraph is about: its
        main subject and the only person it makes a subject, when no one else is a subject between
        ("Mr. Gresham was less diplomatic. Asked about Mr. Kettridge's critique, he said ...", not
        the senator quoted in the paragraph before)."""
        sent = self.sent_of(char)
        if sent == 0 or self.para_of(self.sent_starts[sent - 1]) != self.para_of(char):
            return None
        people = [m for m in self._mentions_between(self.sent_starts[sent - 1], char)
                  if m.ent.type == "person"]
        before = [m for m in people if m.sent == sent - 1]
        subjects = {id(m.ent) for m in before if m.rank >= _RANK_SUBJECT}
        mains = {id(m.ent): m.ent for m in before if m.main}
        if len(subjects) != 1 or len(mains) != 1 or any(m.in_quote for m in before):
            return None  # others it names only in passing count for nothing ("Vice President Ray Dorn's")
        ent = next(iter(mains.values()))
        between = [m for m in people if m.sent == sent and m.ent is not ent and m.rank >= _RANK_SUBJECT]
        return ent if ent.gender == kind and ent.named and not between else None

    def _mentions_between(self, start: int, end: int) -> list[_Mention]:
        """The article's mentions that start in [start, end), in text order."""
        lo = bisect.bisect_left(self.mentions, _Mention(start, -1, -1, None))  # type: ignore[arg-type]
        hi = bisect.bisect_left(self.mentions, _Mention(end, -1, -1, None))  # type: ignore[arg-type]
        return self.mentions[lo:hi]

    def _topic_named(self, char: int, kind: str) -> _Ent | None:
        """The person a sentence opens on as its topic, for a "he"/"she" of that sentence after it:
        "As for Ruiz, she said ..." -> Ruiz."""
        sent = self.token_at(char).sent
        words = [t for t in sent if not t.is_space]
        if len(words) < 4 or words[0].lower_ != "as" or words[1].lower_ not in ("for", "to"):
            return None
        comma = next((t for t in words[2:] if t.text == ","), None)
        if comma is None or comma.idx > char:
            return None
        named = {id(e): e for t in words[2:] if t.i < comma.i and (e := self.token_ent.get(t.i)) is not None}
        if len(named) != 1:
            return None
        ent = next(iter(named.values()))
        agrees = kind == "person" or ent.gender in (None, kind)
        return ent if ent.type == "person" and agrees else None

    def resolve_relative(self, tok) -> _Found:
        """"who"/"which" -> the noun its relative clause modifies ("Assad, who calls ...")."""
        nearest = self._noun_before(tok)
        clause = tok.head
        while clause.dep_ == "conj" and clause.head.i < clause.i:
            clause = clause.head  # "Cruz, who threatened ..., and who has been hoping"
        if clause.dep_ in ("relcl", "acl") and clause.head.i < tok.i:
            noun = clause.head
            if tok.lower_ == "which" and nearest is not None and nearest.i in self.token_ent \
                    and self.token_ent[nearest.i].type != "person" and noun.i not in self.token_ent:
                noun = nearest  # "made by the British Medical Association (BMA), which said"
        else:
            noun = nearest
        if noun is None or noun.pos_ not in ("NOUN", "PROPN", "PRON"):
            return _Found(None)
        if noun.dep_ == "appos" and noun.head.i in self.token_ent:
            noun = noun.head  # "Carlos Guerrero, a Republican who ...", "Acme, a company that ..."
        elif noun.i not in self.token_ent and not _may_speak(noun):
            noun = self._named_head_of_apposition(noun) or noun  # "X, a group critical of the
            # reliance on onshore wind, which said": X, not the wind
        if tok.lower_ in ("who", "whom", "whose") and noun.ent_type_ in _NOT_PERSON_ENTITY_TYPES:
            person = self._person_just_before(tok) or self._person_described(noun)
            if person is not None:  # "re-elect Sen. Rob Portman this year, who ..."
                noun = person
        if noun.i in self.token_ent:
            return _Found(self.token_ent[noun.i])
        return self.resolve_span(self.doc[noun.left_edge.i : noun.i + 1])

    def _named_head_of_apposition(self, noun):
        """The name an apposition that ``noun`` sits deep inside describes, if any."""
        for a in noun.ancestors:
            if a.pos_ in ("VERB", "AUX"):
                return None
            if a.dep_ == "appos" and a.head.i in self.token_ent:
                return a.head
        return None

    def _noun_before(self, tok):
        """The word before ``tok``, past punctuation and an acronym in brackets ("X (BMA), which")."""
        j = tok.i - 1
        while j >= 0 and (self.doc[j].is_punct or self.doc[j].is_space):
            if self.doc[j].text == ")" and j >= 2 and self.doc[j - 2].text == "(":
                j -= 2
            j -= 1
        return self.doc[j] if j >= 0 else None

    def _document(self, span, phrase, root, ask: Ask) -> _Found:
        """A poll, study, report or filing speaks for its author: "a poll by X", "figures released
        by X", "X filings", "Mr X's report", "his report"; else the ranker picks among those named."""
        owner = self._possessor(root)
        if owner is not None and owner.ent is not None:
            return owner
        author = (self._author(root) or self._made_here(root) or self._writer_in_clause(root)
                  or self._venue_in_clause(root) or self._same_document(phrase, root))
        if author is None and _definite_singular(phrase, root) and root.i == phrase.start + 1:
            author = self._outlet_before(phrase, root, document=True)  # "the paper", not "the 2009 paper"
        if author is None and root.idx < self.headline_end and _bare(phrase, root) \
                and _in_list(root, "outlet_nouns"):  # "Paper defends Blunkett story" over "The Sunday
            author = self._lead_organisation(root.idx)  # Telegraph has defended its report"
        if author is not None:
            return _Found(author)
        ask.kind, ask.head = "doc", root.lemma_.lower()
        ent = self.rank(ask)
        if ent is not None:
            return _Found(ent)
        return _Found(self._plain(span))

    def _owner_of_site(self, root) -> _Ent | None:
        """Whose website carries the document: "a statement on the band's official website", "a
        post on its website"."""
        for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ == "on"):
            site = next((c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in _SITE_NOUNS),
                        None)
            owner = next((c for c in site.children if c.dep_ == "poss"), None) if site is not None else None
            if owner is not None:
                found = self.resolve_span(self.doc[owner.left_edge.i : owner.i + 1])
                return found.ent if found.ent is not None and found.ent.named else None
        return None

    def _made_here(self, root) -> _Ent | None:
        """Who the text says made this very document: "Ruiz released a video that said ..." """
        return next((e for e in self.entities if any(start == root.idx for start, _ in e.authored)), None)

    def _writer_in_clause(self, root) -> _Ent | None:
        """The named subject of a clause that says who made the document: "figures her campaign
        released", "reports Mr. Hale filed as a lobbyist" (the campaign's, Hale's)."""
        for verb in root.children:
            if verb.dep_ not in ("relcl", "acl") or not _in_list(verb, "authoring_verbs"):
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.lower_ in ("that", "which", "who"):
                return None
            ent = self.token_ent.get(subject.i) or self.resolve_span(
                self.doc[subject.left_edge.i : subject.i + 1]).ent
            return ent if ent is not None and ent.named else None
        return None

    def _venue_in_clause(self, root) -> _Ent | None:
        """The publication a clause says the document appeared in: "a study that appeared in the
        British Medical Journal", "an article that ran in the Times"."""
        for verb in root.children:
            if verb.dep_ != "relcl" or verb.lemma_.lower() not in _VENUE_VERBS:
                continue
            for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                ent = self.token_ent.get(obj.i) if obj is not None else None
                if ent is not None and ent.named and ent.type == "organisation":
                    return ent
        return None

    def _same_document(self, phrase, root) -> _Ent | None:
        """"The poll" after "a Quinnipiac University poll": the author of the latest document
        called so before, for a definite singular noun; a poll, survey or study may be called
        by another of these words ("a Reuters survey ... The study found"), an ad a spot or a
        clip, and what a poll found "the results". With none before, the first called so after,
        within two paragraphs ("The new poll of voters found ... the Post-SurveyMonkey poll"), or
        anywhere in the body for a headline's "Poll: ..."; for "a new poll", the first poll named
        in its paragraph or the next; for "an early tweet", "another email", who last tweeted or
        emailed in its paragraph or the one before."""
        headline = root.idx < self.headline_end or _bare_singular(phrase, root)  # "..., according to poll"
        noun = root.lemma_.lower()
        polls = _lists()["poll_nouns"]
        outcome = noun in _OUTCOME_NOUNS and any(t.lower_ == "the" for t in phrase if t.i < root.i)
        determiners = {t.lower_ for t in phrase if t.i < root.i}
        fresh = noun in polls and bool(determiners & {"a", "an"})  # "a new poll"
        one_of_a_series = noun in _MESSAGING_VERBS and bool(determiners & {"a", "an", "another", "one"})
        plural = not headline and _definite_plural(phrase, root)  # "the figures" after "Figures from X"
        if not (headline or outcome or fresh or one_of_a_series or plural
                or _definite_singular(phrase, root)):
            return None
        kin = polls if outcome else {noun} if plural and noun not in _FIGURE_NOUNS else _kin_nouns(noun)
        wrote = [(start, ent) for ent in self.entities for start, n in ent.authored if n in kin]
        before = [(start, ent) for start, ent in wrote if start < root.idx]
        if plural:
            return max(before, key=lambda x: x[0])[1] if before else None
        if one_of_a_series:  # "Gross live tweeted ... An early tweet"
            para = self.para_of(root.idx)
            recent = [(start, ent) for start, ent in before if para - self.para_of(start) <= 1]
            return max(recent, key=lambda x: x[0])[1] if recent else None
        if before and not headline and not fresh:
            return max(before, key=lambda x: x[0])[1]
        para, body = self.para_of(root.idx), max(root.idx, self.headline_end)
        reach = 1 if fresh else 2  # "according to a new poll." then "A Morning Consult Poll found"
        after = [(start, ent) for start, ent in wrote
                 if start > body and (headline or self.para_of(start) - para <= reach)]
        return min(after, key=lambda x: x[0])[1] if after else None

    def _poll_answered(self, share) -> _Ent | None:
        """The author of the poll a share of respondents answers ("29 percent said"): one named in
        its sentence, else the latest named in its paragraph or the one before."""
        polls = _lists()["poll_nouns"]
        sent, para = share.sent, self.para_of(share.idx)
        named = [(start, ent) for ent in self.entities for start, noun in ent.authored if noun in polls]
        here = [ent for start, ent in named if sent.start_char <= start < sent.end_char]
        if here:
            return here[0] if all(ent is here[0] for ent in here) else None
        before = [(start, ent) for start, ent in named
                  if start < share.idx and para - self.para_of(start) <= 1]
        return max(before, key=lambda x: x[0])[1] if before else None

    def _author(self, root) -> _Ent | None:
        """A name the phrase gives as the document's author: a name modifying the document noun
        ("the YouGov poll", "Senate filings", "a batch of State Department emails"), or the
        object of "by"/"from" on the way to it ("a poll by X", "figures released by X", "results
        of exit polls conducted by X"), of "in" for a publication ("an article in Politico"), of
        "of"/"for" for a poll ("a survey for CNN"). A capitalised name the tagger missed counts
        too ("a Morning Consult poll", "polls by RealClearPolitics"): an organisation."""
        phrase = _phrase(root, root.doc[root.i : root.i + 1], _CLAUSE_DEPS - {"acl"})
        named_by = self._named_by_agent(phrase, root)
        for t in phrase:
            ent = self.token_ent.get(t.i)
            if t.i == root.i or (ent is None and (not _name_like(t) or t.lower_ in _MEDIA_WORDS)):
                continue  # "a TV ad": a medium, not its author
            if self.in_quote(t.idx) and not self.in_quote(root.idx):
                continue  # 'The "No Comparison" ad': its title, not its author
            if ent is None and (nxt := _name_goes_on(t)) is not None and nxt.i != root.i \
                    and nxt.i not in self.token_ent:
                continue  # "Morning" of "Morning Consult": a name is read from its last word
            prep = self._authors(t, root, ent)
            if prep is None:
                continue
            if prep is True and named_by and self._modifies_another_noun(t, ent, root):
                continue  # "a review of Labor Department records by X": X's, not the department's
            if self._another_author_joined(t, ent):
                return None  # "a study by Harvard and the University of California": two authors
            described = self._described_author(prep, t)
            if described is not None:
                return described
            if ent is not None and (longer := self._name_going_on_untagged(t, root)) is not None:
                return longer
            return self._joined(t, ent if ent is not None else self._untagged_organisation(t))
        return self._author_by_description(root, phrase)

    def _named_by_agent(self, phrase, root) -> bool:
        """Whether the document's phrase names an author with "by" ("a review ... by X")."""
        return any(t.i in self.token_ent
                   and (_preposition_of(t, root) == "by" or _by_on_what_it_reads(t, root)) for t in phrase)

    def _modifies_another_noun(self, t, ent: _Ent | None, root) -> bool:
        """Whether the name at ``t`` modifies a noun other than the document ``root`` itself."""
        while ent is not None and t.head.i != t.i and self.token_ent.get(t.head.i) is ent:
            t = t.head
        return t.head.i != root.i

    def _another_author_joined(self, t, ent: _Ent | None) -> bool:
        """Whether a name joined to ``t`` by "and" is another's, not a part of the same name
        ("Hallam & Voss", one firm)."""
        return any(c.dep_ == "conj" and self._name_at(c)
                   and (ent is None or self.token_ent.get(c.i) is not ent) for c in t.children)

    def _author_by_description(self, root, phrase) -> _Ent | None:
        """The organisation a "by"/"from" phrase (or "for" of a poll) calls by its kind, as the
        article names it elsewhere: "figures published by the union" -> the union the article names."""
        for t in phrase:
            if t.i == root.i or t.pos_ != "NOUN" or t.lemma_.lower() not in _lists()["org_nouns"]:
                continue
            prep = self._authors(t, root, None)
            if prep is None or prep is True or prep.lower_ not in ("by", "from", "for"):
                continue  # "for" only where a poll says so: "a survey for the council"
            found = self.resolve_span(self.doc[t.left_edge.i : t.i + 1])
            return found.ent if found.ent is not None and found.ent.named else None
        return None

    def _described_author(self, prep, t) -> _Ent | None:
        """The author a "by"/"from" phrase names through a noun the name only modifies: "a study
        by Harvard professor Linda Marsh" -> Linda Marsh; "an ad from Hollis's campaign" -> the
        Hollis campaign."""
        if prep is True:
            return None
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or self.token_ent.get(obj.i) is self.token_ent.get(t.i):
            return None
        if obj.i in self.token_ent:
            return self.token_ent[obj.i]  # the name heading the phrase: "professor Linda Marsh"
        if not (_names_a_person(obj) or obj.lemma_.lower() in _lists()["org_nouns"]):
            return None
        found = self.resolve_span(self.doc[obj.left_edge.i : obj.i + 1])
        return found.ent if found.ent is not None and found.ent.named else None

    def _run(self, k: int, step: int) -> int:
        """The last token index of the name at token ``k``, walking by ``step`` (1 or -1); an
        untagged name may hold a small word between capitalised ones ("Rock the Vote")."""
        doc, ent = self.doc, self.token_ent.get(k)
        while 0 <= k + step < len(doc):
            nxt = doc[k + step]
            if (ent is not None and self.token_ent.get(nxt.i) is ent) or (ent is None and _name_like(nxt)):
                k += step
            elif (ent is None and nxt.lower_ in _NAME_JOINERS and 0 <= k + 2 * step < len(doc)
                  and _name_like(doc[k + 2 * step]) and not _in_list(doc[k + 2 * step], "poll_nouns")):
                k += 2 * step
            else:
                break
        return k

    def _name_going_on_untagged(self, t, root) -> _Ent | None:
        """A tagged name that untagged capitalised words continue up to the document noun is an
        organisation by the whole: "the latest Rasmussen Reports poll" (the tagger took "Rasmussen"
        for a person)."""
        lo, hi = self._run(t.i, -1), self._run(t.i, 1)
        end = hi
        while end + 1 < root.i and self.doc[end + 1].pos_ == "PROPN" and end + 1 not in self.token_ent \
                and _name_like(self.doc[end + 1]):
            end += 1
        if end == hi or end + 1 != root.i:
            return None
        return self._organisation_named(self.doc[lo : end + 1])

    def _organisation_named(self, words) -> _Ent:
        """The organisation these words name whole, known by that name."""
        whole = self.org(words.text, "organisation")
        whole.add_alias(whole.name)
        return whole

    def _joined(self, t, ent: _Ent) -> _Ent:
        """Names joined by a slash or hyphen are one author: "CNN/ORC", "Washington Post-ABC News"."""
        doc = self.doc
        lo, hi = self._run(t.i, -1), self._run(t.i, 1)
        joined = False
        while hi + 2 < len(doc) and _joins(doc[hi], doc[hi + 1]) and self._name_at(doc[hi + 2]):
            hi, joined = self._run(hi + 2, 1), True
        while lo - 2 >= 0 and _joins(doc[lo - 2], doc[lo - 1]) and self._name_at(doc[lo - 2]):
            lo, joined = self._run(lo - 2, -1), True
        return self._organisation_named(doc[lo : hi + 1]) if joined else ent

    def _authors(self, t, root, ent: _Ent | None):
        """Whether the name at ``t`` is given as the author of the document ``root`` heads: the
        preposition that says so ("by", "from"), True when the name modifies the document noun,
        None when it is not the author."""
        if ent is not None and self._described_just_before(t, root):
            return True  # "a report by consultancy Analysys", the name parsed apart from its noun
        attach, prep, owned = t, None, False
        while attach.i != root.i and attach.head.i != attach.i:
            child, attach = attach, attach.head
            owned = owned or child.dep_ == "poss"
            if ent is not None and self.token_ent.get(attach.i) is ent:
                continue  # inside the name itself
            modifies = (child.dep_ in ("compound", "nmod", "poss")
                        or (child.dep_ == "amod" and ent is not None)  # "Tesco filings", tagged an adjective
                        or _parsed_apart_before(child, attach, root))  # "A University of X poll out ..."
            if prep is None and modifies and _in_list(attach, "document_nouns"):
                return True  # "Senate filings", "a batch of State Department emails"
            if prep is None and attach.dep_ in ("prep", "agent") and attach.lower_ == "at" \
                    and attach.head.tag_ == "NNS" and _names_a_person(attach.head):
                continue  # "a study by analysts at the Yankee Group": the body they work at wrote it
            if prep is None and attach.dep_ in ("prep", "agent"):
                prep = attach.lower_
                country = ent is not None and ent.type == "country"
                if prep == "by" and attach.head.pos_ == "VERB" and _in_list(attach.head, "receiving_verbs"):
                    return None  # "audio obtained by the Post": the Post is not its author
                named_in = prep == "in" and not country and not owned \
                    and _published_in(attach, root)  # not "an ad in Shuster's district"
                if prep in ("by", "from") or named_in:
                    return attach
                if prep == "with" and not country and _lodged_with(attach, root):
                    return attach  # "filings with the Federal Election Commission": its filings
                if prep == "for" and not country and _in_list(_poll_of(attach.head), "poll_nouns"):
                    return attach  # "a survey for CNN"; "a poll of voters" names whom it asked
        return None

    def _described_just_before(self, t, root) -> bool:
        """Whether the word before the name at ``t`` is a common noun given as the document's
        author, which the name only specifies ("by consultancy", "from research firm")."""
        before = t.doc[t.i - 1] if t.i else None
        if before is None or before.dep_ != "pobj" or before.pos_ != "NOUN" or before.i in self.token_ent \
                or before.i == root.i:
            return False
        prep = self._authors(before, root, None)
        return prep is not None and prep is not True and prep.lower_ in ("by", "from")

    def _name_at(self, tok) -> bool:
        return tok.i in self.token_ent or _name_like(tok)

    def _untagged_organisation(self, tok) -> _Ent:
        """The organisation a capitalised name the tagger missed stands for ("Morning Consult")."""
        first = tok
        while first.i > 0 and first.i - 1 not in self.token_ent:
            before = first.doc[first.i - 1]
            if _name_like(before):
                first = before
            elif before.tag_ == "POS" and before.i > 0 and before.i - 1 not in self.token_ent \
                    and _goes_on_to(before.doc[before.i - 1], first):
                first = before.doc[before.i - 1]  # "Women's" of "Women's Media Center"
            else:
                break
        first = _through_the(first.doc[first.i : first.i + 1])[0]  # "Help the Aged", parsed "the Aged"
        tok = self._untagged_name_after(tok)
        ent = self.org(_words_text(first, tok), "organisation")
        ent.add_alias(ent.name)
        for t in first.doc[first.i : tok.i + 1]:
            self.token_ent[t.i] = ent
        self.add_mention(ent, first.idx, _RANK_OTHER)
        return ent

    def _numbered_name_before(self, root) -> _Ent | None:
        """The organisation a name with a number, written right before ``root``, stands for:
        "Number 10" of "a Number 10 spokesman"."""
        doc = self.doc
        k = root.i
        while k > 0 and (doc[k - 1].like_num or _name_like(doc[k - 1])) and k - 1 not in self.token_ent:
            k -= 1
        words = doc[k : root.i]
        if len(words) < 2 or not words[-1].like_num or not words[0].text[:1].isupper():
            return None
        ent = self.org(words.text, "organisation")
        ent.add_alias(ent.name)
        self.add_mention(ent, words.start_char, _RANK_OTHER)
        return ent

    def _untagged_name_after(self, tok):
        """The last word of a name that goes on with "for" or "of" and capitalised words
        ("Commission" + "for Racial Equality"), else ``tok``."""
        doc, k = tok.doc, tok.i + 1
        if k + 1 < len(doc) and doc[k].lower_ in ("for", "of", "on"):
            if _on_sunday_end(doc[tok.i : k]) == k + 2:
                return doc[k + 1]  # "The Mail on Sunday", the day tagged a date
            last = k
            while last + 1 < len(doc) and _name_like(doc[last + 1]) and last + 1 not in self.token_ent:
                last += 1
            if last > k:
                return doc[last]
        return tok

    def _role_nominal(self, span, phrase, root, ask: Ask) -> _Found:
        """"the president", "Turkey's foreign minister", "a spokesman for X", "his wife": a
        spokesperson speaks for whom the phrase names; the rest go to the ranker."""
        toks = [t for t in phrase if t.i <= root.i or t.head.i >= root.i]
        role, org, poss = _describe([t for t in toks if t.i <= root.i])
        owner = self._owner(toks, root, poss)
        employer = self._employer(phrase, root)
        spokes = _in_list(root, "spokesperson_nouns")
        if spokes and employer is not None and _an_adjective_named(root, employer):
            # "A Conservative spokesman" after "The Conservatives have suspended ...": the party;
            # "a Brightmoor spokeswoman" after "Brightmoor Records": the company
            body = self._body_of_adjective(root.doc[root.i - 1], besides=employer)
            if body is not None and body.name.lower().startswith(employer.name.lower()[:5]):
                employer = body
        if employer is not None:
            employer = self._body_written_short(employer)
        if employer is not None and employer.type != "person":
            org = org or employer.name
        if owner is not None and owner.type != "person" and not org:
            org = owner.name
        if spokes and employer is None and root.i > 0 and _name_like(self.doc[root.i - 1]) \
                and self.doc[root.i - 1].dep_ == "compound":
            employer = self._untagged_organisation(self.doc[root.i - 1])  # "an ICE spokeswoman"
        if spokes and employer is None:
            employer = self._numbered_name_before(root)  # "a Number 10 spokesman", "a Channel 4 spokeswoman"
        if spokes and employer is None:
            employer = self._premiers_office(owner, phrase)  # "the prime minister's official spokesman"
        if spokes and employer is None and owner is not None and owner.named:
            employer = owner  # "his spokesman", "the former vice president's spokeswoman"
        body = _state_body_before(phrase, root) if spokes else None  # "state department" of "a state ..."
        if body is not None and (employer is None or employer.type == "country"):
            employer = self._state_body_named(phrase, body) or employer  # "A Polish government spokesman"
        if spokes and employer is None:
            # "a party spokesman", "a spokesman for the attorney general"
            employer = self._employer_by_noun(phrase, root) or self._employer_by_role(root)
        adjective = _group_adjective_before(root) if spokes and employer is None else None
        if adjective is not None:
            # "a Conservative spokesman": the Conservatives if the article names them, else no one
            # the sentence before names ("... the Refugee Council said. A Conservative spokesman")
            employer = self._body_of_adjective(adjective)
            if employer is None:
                return _Found(self._plain(span))
        kind = next((c.lemma_.lower() for c in root.children if c.dep_ == "compound" and c.pos_ == "NOUN"),
                    None) if spokes and employer is None else None  # "campaign" of "a campaign spokeswoman"
        if spokes and employer is None and owner is None and phrase[0].lower_ in ("a", "an"):
            # "The Home Office defended ... A spokesman said": the one entity the sentence before names
            sole = self._only_one_near(None, root.idx, sentences=1) or self._only_one_near(None, root.idx)
            speaks_for = sole is not None and (sole.type == "organisation" or sole.unsure_person)
            employer = sole if speaks_for else None  # "GoVia denied it. A spokesman said", GoVia a "person"
        if spokes and employer is None and owner is None and phrase[0].lower_ in ("a", "an") \
                and not any(t.dep_ == "prep" for t in root.children):  # not "a spokesman for the singer"
            # "Tiscali ... said it had complied. 'We do not condone piracy,' a spokesman said"
            employer = self._organisation_speaking_just_before(root.idx)
        if spokes and employer is None and owner is None and phrase[0].lower_ == "the" and poss is None \
                and not any(c.dep_ == "poss" for c in root.children):  # not "the prime minister's spokesman"
            earlier = self._spokesperson_before(root.idx)  # "the spokesman told reporters"
            if earlier is not None:
                return earlier
            # "Dunholme Electronics dismissed the remarks. '...,' the spokeswoman said": that body
            employer = self._organisation_speaking_last_sentence(root.idx)
        if kind and employer is not None and employer not in self._orgs_called(kind, by_noun=True):
            return _Found(self._plain(span))  # "a campaign spokeswoman" after a college's poll: not its
        if employer is not None and body is not None and _another_state_body(body, employer):
            return _Found(self._plain(span))  # "a state department spokesman" after "the Chilean ministry"
        if spokes and employer is not None:
            found = _Found(employer, role or root.text, None)  # "a spokesman for Mayor Frank Jackson"
            self._spokesperson = (root.idx, found)
            return found
        determiners = {t.lower_ for t in toks if t.i < root.i}
        ask.kind, ask.role = "role", role
        ask.head = _role_head(role) or root.lemma_.lower()
        ask.gender = _lists()["gendered_nouns"].get(root.lemma_.lower())  # "the businessman": a man
        ask.org = org
        ask.org_ent = employer if employer is not None and employer.type != "person" else (
            self._org_named(org) if org else None)
        ask.owner = owner if owner is not None else employer
        ask.spokesperson = spokes
        ask.determiner = ("poss" if poss is not None
                          else "named" if any(t.dep_ == "poss" for t in root.children)
                          else "def" if determiners & {"the", "this", "that"}
                          else "indef" if determiners & {"a", "an", "another", "one"} else "bare")
        if ask.determiner == "bare" and _modifies_outside(root, span):
            return _Found(self._plain(span))  # "Republican claims that ...": whose, the word does not say
        ent = (self._sole_holder(ask) if ask.determiner in ("def", "named") and not spokes else None) \
            or (self._named_after(ask) if ask.determiner == "indef" and not spokes else None) \
            or (self._performer(root, ask) if _bare_performer(phrase, root) else None) \
            or self._ranked_or_titled(ask, spokes)
        if ent is not None and self._works_for_another(ent, owner):
            ent = None  # "Gordon Renfrow's campaign manager" is not "Holt campaign manager Ray Bastow"
        if ent is None and ask.determiner == "bare" and root.idx < self.headline_end and not spokes:
            ent = self._lead_subject(root.idx, "person")  # "Minister denies ..." over "Health
            # Secretary John Reid has denied ...", when no one in the article is called a minister
        if ent is None and ask.determiner in ("def", "poss", "named") and not spokes:
            ent = self._named_in_next_paragraph(span.start_char)  # "Nottinghamshire's chief constable has
            # warned ... / Steve Green said"
        if ent is None:
            ent = self._new(names.bare(span.text), "person")
            ent.named = False
            if spokes:  # "the prime minister's official spokesman ... the spokesman told reporters"
                self._spokesperson = (root.idx, _Found(ent, role, org))
        if ent.type == "person":
            ent.add_role(role)
            if owner is not None and owner.type == "person" and owner is not ent and not org:
                org = owner.organisation or owner.name  # "Chancellor Angela Weber's spokesman"
            if org and not ent.organisation:
                ent.organisation = org
        return _Found(ent, role, org)

    def _works_for_another(self, ent: _Ent, owner: _Ent | None) -> bool:
        """Whether ``ent`` is titled beside their name as another person's than ``owner``: "Holt
        campaign manager Ray Bastow" is not "Gordon Renfrow's campaign manager"."""
        if owner is None or owner.type != "person":
            return False
        for m in ent.mentions:
            name = self.token_at(m.start)
            block = []
            for t in reversed(self.doc[max(0, name.i - 5) : name.i]):
                if t.pos_ not in ("NOUN", "PROPN") or t.head.i <= t.i:
                    break
                block.append(t)
            if not block or not (_is_role_word(block[0]) or _in_list(block[0], "person_nouns")):
                continue
            others = {id(e): e for t in block if (e := self.token_ent.get(t.i)) is not None
                      and e.type == "person" and e is not ent}
            if others and owner not in others.values():
                return True
        return False

    def _body_written_short(self, ent: _Ent) -> _Ent:
        """The one organisation named in full whose words the name ``ent`` shortens: "Liberal
        Democrats" for the "Lib Dem" of "A Lib Dem spokesman" (tagged a person); else ``ent``."""
        if ent.type == "country":
            return ent  # "a spokesman for New York", not "The New Yorker"
        full = [e for e in self.orgs if e.named and e is not ent and _words_shortened(ent.name, e.name)]
        return full[0] if len(full) == 1 else ent

    def _premiers_office(self, owner: _Ent | None, phrase) -> _Ent | None:
        """The office a person's official spokesman speaks for in an article that names the British
        prime minister's: "the prime minister's official spokesman", "his official spokesman" ->
        "Downing Street", as British briefings go."""
        premiers = "prime minister's" in phrase.text.lower().replace("’", "'")
        if not (premiers or (owner is not None and owner.type == "person")) \
                or not any(t.lower_ == "official" for t in phrase):
            return None
        offices = {e.name: e for e in self.entities if e.name in _PREMIERS_OFFICES}  # tagged a place, or not
        return next((offices[name] for name in _PREMIERS_OFFICES if name in offices), None)

    def _state_body_named(self, phrase, body) -> _Ent | None:
        """The body of a state that a nationality and a noun (``body``) before a spokesperson name,
        as written: "A Polish government spokesman" -> "Polish government", "a Chinese foreign
        ministry spokeswoman" -> "Chinese foreign ministry" (not the country, nor another body the
        article names)."""
        words = self.doc[phrase[0].i : body.i + 1]
        if not any(t.ent_type_ in ("NORP", "GPE") for t in words):
            return None
        found = self._org_nominal(words, words, body, Ask("", words.start_char))
        return found.ent if found.ent is not None and found.ent.named else None

    def _titled(self, head: str | None, role: str | None, gender: str | None = None) -> list[_Ent]:
        """The named people the text titles with ``head`` beside their name, not of another rank
        than ``role`` and not of another gender."""
        return [e for e in self.entities if e.type == "person" and e.named and e.is_titled(head)
                and not _other_rank(e, role) and (gender is None or e.gender in (None, gender))]

    def _sole_holder(self, ask: Ask) -> _Ent | None:
        """For a definite role of a named organisation ("the State Department's inspector
        general"), the one person the article names with that title and organisation beside their
        name ("the State Department inspector general, Steve Linick"), if there is exactly one."""
        if not ask.org:
            return None
        holders = [e for e in self._titled(ask.head, ask.role, ask.gender)
                   if e is not ask.owner and e.organisation
                   and names.organisations_compatible(ask.org, e.organisation)]
        return holders[0] if len(holders) == 1 else None

    def _ranked_or_titled(self, ask: Ask, spokes: bool) -> _Ent | None:
        """The ranker's choice for a role, unless it holds no role of that name while one person
        alone is titled so beside their name: "The president said" goes to "President Gordon
        Vance", named ten sentences before, not to the retired teacher just quoted."""
        ranked = self.rank(ask)
        bare = ask.determiner == "def" and not ask.org and (ask.role or "").lower() == ask.head
        if spokes or not bare or (ranked is not None and ranked.has_role(ask.head)):
            return ranked  # "the former president" may be one the text never titles
        holders = self._titled(ask.head, ask.role, ask.gender)
        return holders[0] if len(holders) == 1 and holders[0].mention_before(ask.char) is not None else ranked

    def _named_after(self, ask: Ask) -> _Ent | None:
        """For an indefinite role that the article names only later ("a federal judge ruled ..."
        then "Judge Lamberth"), the one person it ever gives that title, first named after it."""
        if ask.org:
            return None  # "a Carrier executive": one of many, whoever else the article names
        holders = self._titled(ask.head, ask.role, ask.gender)
        if len(holders) != 1 or not holders[0].mentions or holders[0].mentions[0].start < ask.char:
            return None
        return holders[0]

    def _spokesperson_before(self, char: int) -> _Found | None:
        """Whom the last spokesperson found speaking for someone, with at most one sentence of the
        writer's between (a quote runs on as long as it likes), spoke for: "the spokesman" after "Mr
        Blair's official spokesman"."""
        if self._spokesperson is None:
            return None
        start, found = self._spokesperson
        first, last = self.sent_of(start), self.sent_of(char)
        return found if first < last and len(self._writers_sentences_between(first, last)) <= 1 else None

    def _writers_sentences_between(self, first: int, last: int) -> list[int]:
        """The sentences after ``first`` and before ``last`` that are the writer's, not a quote's."""
        return [k for k in range(first + 1, last)
                if not self.in_quote(self.sent_starts[k] + 1)]  # past an opening quotation mark

    def _employer_by_noun(self, phrase, root) -> _Ent | None:
        """The organisation a spokesperson's organisation noun goes back to: "a party spokesman",
        "a spokeswoman for the supermarket"."""
        nouns = _lists()["org_nouns"]
        for t in phrase:
            if t.lower_ in _FORCE_NOUNS and t.i < root.i and t.head.i == root.i:
                return self._sole_named_with(t.lower_)  # "a police spokeswoman"
            noun = t.lemma_.lower()
            kind = nouns.get(noun)
            if kind is None or kind == "personal" or t.i == root.i:
                continue
            if (t.i < root.i and t.dep_ == "compound" and t.head.i == root.i) or (
                    t.i > root.i and _preposition_of(t, root) == "for"):
                if self._owned_by_no_name(t):
                    return None  # "a spokesman for European football's governing body": not one named before
                company = noun in _COMPANY_NOUNS
                # one so called counts whatever its name says: "the watchdog group Citizens for Open
                # Government ... a spokeswoman for the group"
                found = next((e for e in self._organisations_for(noun, kind, t.idx)
                              if e is not None and (noun in e.nouns or _unless_no_company(company, e))), None)
                if found is None and company and t.i > root.i:
                    # "a spokesman for the firm": the business the lead is about, never a body of another kind
                    found = _unless_no_company(company, self._lead_organisation(t.idx))
                if found is not None and company:  # "Brenmoor Software said ... A spokesman for the company"
                    found = self._company_speaking_last_sentence(noun, t.idx, found) or found
                if found is not None:
                    return found
        return self._employer_by_name_word(phrase, root)

    def _owned_by_no_name(self, noun) -> bool:
        """An organisation noun whose possessor is a common noun ("European football's governing
        body"): the possessor says which body, and it is none the text named."""
        return any(c.dep_ == "poss" and c.pos_ == "NOUN" and c.i not in self.token_ent for c in noun.children)

    def _organisations_for(self, noun: str, kind: str, char: int) -> Iterator[_Ent | None]:
        """The organisations an organisation noun at ``char`` may go back to, the likeliest first:
        the one so called, the only one named near, the one speaking in the paragraph or the one
        before ("KTN rejected the findings ... / '...,' a spokesman for the firm said")."""
        yield self._called(noun, char)
        yield self._only_one_near(kind, char, sentences=1)
        yield self._only_one_near(kind, char)
        yield self._organisation_speaking_just_before(char)

    def _employer_by_name_word(self, phrase, root) -> _Ent | None:
        """"a spokesman for the research programme", "a spokeswoman for the commissioner": the one
        organisation named before whose name holds that word ("Radio Health Research Programme",
        "Information Commissioner's Office"), for a word no list knows."""
        after = [t for t in phrase if t.i > root.i and t.pos_ == "NOUN" and _preposition_of(t, root) == "for"]
        obj = next((t for t in after if any(c.lower_ == "the" for c in t.children)), None)
        if obj is None or obj.i in self.token_ent:
            return None
        named = [e for e in self.orgs if e.named and obj.lower_ in _name_words(e.name)
                 and e.mention_before(obj.idx) is not None]
        return named[0] if len(named) == 1 else None

    def _organisation_speaking_just_before(self, char: int) -> _Ent | None:
        """The named organisation whose statement comes last before ``char``, in its paragraph or
        the one before (past a subheading): "Internet service provider Tiscali ... said it had
        complied. / 'We do not condone piracy,' a spokesman said". Not a news outlet: what
        follows its report is most often another side's answer ("The Sun reported ... A
        spokesman said the report was nonsense")."""
        m = self.speaker_before(char)
        para = self.para_of(char)
        if m is None or para - m.para > 1 + sum(map(self._is_subheading, range(m.para + 1, para))):
            return None
        ent = m.ent
        _type_untagged_name(ent)
        speaks = ent.type == "organisation" and ent.named and not names.names_an_outlet(ent.name)
        return ent if speaks else None

    def _organisation_speaking_last_sentence(self, char: int) -> _Ent | None:
        """``_organisation_speaking_just_before``, when it spoke in the writer's last sentence (a
        quote between runs on as long as it likes)."""
        m = self.speaker_before(char)
        if m is None or self._writers_sentences_between(m.sent, self.sent_of(char)):
            return None
        return self._organisation_speaking_just_before(char)

    def _company_speaking_last_sentence(self, noun: str, char: int, called: _Ent) -> _Ent | None:
        """The organisation whose statement is the sentence before, when the one once called
        ``noun`` was last named before it: "Research firm Gartner said ... Creative Technology said
        it was not worried. The Singapore-based firm said": Creative, not Gartner."""
        m = self.speaker_before(char)
        if m is None or m.ent is called or self.sent_of(char) - m.sent != 1:
            return None
        before = called.mention_before(char)
        ent = self._organisation_speaking_just_before(char)
        if ent is None or before is None or before.start > m.start or _named_as_another_kind(ent, noun):
            return None
        return ent

    def _is_subheading(self, para: int) -> bool:
        """Whether a paragraph is a few words with no full stop: "Fuel bill"."""
        line = self.text[slice(*self._paragraph(para))].strip()
        return bool(line) and len(line.split()) <= 6 and line[-1] not in ".\"”"

    def _employer_by_role(self, root) -> _Ent | None:
        """The one person the article names with the role a spokesperson speaks for: "a spokesman
        for the attorney general" after "Lord Goldsmith, the attorney general"; no guess at who
        "the prime minister" is when no one is so titled."""
        prep = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if obj is None or obj.i in self.token_ent or not _is_role_word(obj) \
                or not any(c.lower_ == "the" for c in obj.children):
            return None
        role = " ".join(t.text for t in obj.subtree if t.i <= obj.i and t.lower_ != "the")
        holders = self._titled(_role_head(role), role)
        return holders[0] if len(holders) == 1 else None

    def _lead_organisation(self, char: int) -> _Ent | None:
        """The organisation the article's lead is about, the main subject of its first sentence
        after the headline ("Supermarket chain Sainsbury's has reported a fall in profits"), for
        an organisation noun nothing nearer answers or one in the headline; never one of
        ``char``'s own sentence."""
        return self._lead_subject(char, "organisation")

    def _named_in_next_paragraph(self, char: int) -> _Ent | None:
        """For a role in the lead (its mention starting at ``char``) no one named before holds, the
        person the next paragraph names first, as a subject: how a lead introduces whom it then names."""
        para = self.para_of(char)
        if char < self.headline_end or self.para_starts[para] > self.lead_start:
            return None
        if any(m.start < char and m.ent.type == "person" and m.ent.named and m.start >= self.headline_end
               for m in self.mentions):
            return None
        nxt = para + 1
        if nxt >= len(self.para_starts):
            return None
        first = next((m for m in self.mentions if m.start >= self.para_starts[nxt]), None)
        if first is None or self.para_of(first.start) != nxt or first.ent.type != "person" \
                or not first.ent.named or first.rank < _RANK_SUBJECT or first.ent.mentions[0] is not first:
            return None
        return first.ent

    def _lead_subject(self, char: int, type_: str) -> _Ent | None:
        """The named entity of type ``type_`` that is the main subject of the lead's first sentence."""
        first = bisect.bisect_left(self.sent_starts, self.lead_start)
        if first >= len(self.sent_starts) or (char >= self.headline_end and self.sent_of(char) <= first):
            return None
        start = self.sent_starts[first]
        end = self.sent_starts[first + 1] if first + 1 < len(self.sent_starts) else len(self.text)
        for t in self.tokens[self.token_at(start).i:]:
            if t.idx >= end:
                return None
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT":
                ent = self.token_ent.get(t.i)
                if ent is None and t.pos_ == "PROPN":  # "Brampton Stores", only "Brampton" known
                    ent = next((self.token_ent[c.i] for c in t.lefts
                                if c.dep_ == "compound" and c.i in self.token_ent), None)
                if ent is None or not ent.named or ent.type != type_ or _is_capitals(t.text):
                    return None  # nor a dateline, "FARGO"
                return ent
        return None

    def _employer(self, phrase, root) -> _Ent | None:
        """Whom a role works for, as the phrase names it: "a spokesman for the Home Office", "a
        State Department official", "the Kremlin's spokesman"."""
        for t in phrase:
            ent = self.token_ent.get(t.i)
            if ent is None or _based_in(t) or _locates_a_body_noun(t):
                continue  # "a spokesman for the Chicago-based firm", "for the agency in London": no place
            if t.i < root.i and t.head.i == root.i and t.dep_ in ("compound", "nmod", "poss"):
                return self._persons_body_before(t, root, ent) or ent
            if t.i < root.i and t.dep_ == "compound" and t.head.head.i == root.i \
                    and (body := self._persons_body_before(t, root, ent)):
                return body  # "A Vane campaign spokesman", the name hung on "campaign"
            if t.i < root.i and t.head.i in self.token_ent and self.token_ent[t.head.i] is ent \
                    and self.token_ent[t.head.i] is not None and t.head.head.i == root.i:
                return ent
            if t.i > root.i and _preposition_of(t, root) in ("for", "of", "at", "with", "from"):
                unit = self._unit_of_country(t.doc[t.i : t.head.i + 1], t.head, ent) \
                    if t.dep_ == "poss" and t.head.i > t.i else None  # "for China's commerce ministry"
                return unit or self._persons_body_named(t, ent) or self._name_heading_object(t) or ent
        return None

    def _persons_body_named(self, t, ent: _Ent) -> _Ent | None:
        """The campaign or team a person's name modifies, as the organisation noun reads it: "a
        spokesman for the Hollis campaign" speaks for the Hollis campaign, not for Hollis."""
        noun = t.head
        if t.dep_ not in ("compound", "poss") or noun.dep_ != "pobj" \
                or not self._persons_body_noun(ent, noun):
            return None
        return self.resolve_span(self.doc[noun.left_edge.i : noun.i + 1]).ent

    def _persons_body_before(self, t, root, ent: _Ent) -> _Ent | None:
        """The campaign or team named between a person's name and the role: "A Vance campaign
        spokesman" speaks for the Vance campaign (the parser hangs both words on "spokesman")."""
        noun = t.doc[t.i + 1]
        if noun.i >= root.i or noun.dep_ != "compound" or not self._persons_body_noun(ent, noun):
            return None
        return self._persons(ent, noun.lemma_.lower()).ent

    def _persons_body_noun(self, ent: _Ent, noun) -> bool:
        """Whether ``noun`` is an unnamed personal organisation noun ("campaign", "team") a person
        ``ent`` may own."""
        return ent.type == "person" and noun.i not in self.token_ent \
            and _lists()["org_nouns"].get(noun.lemma_.lower()) == "personal"

    def _name_heading_object(self, t) -> _Ent | None:
        """The name heading the prepositional object that ``t`` is part of: "a spokeswoman for House
        Majority Leader Conrad Ebbets" -> Ebbets, not the House that only qualifies his title."""
        while t.dep_ != "pobj" and t.head.i != t.i:
            t = t.head
        return self.token_ent.get(t.i) if t.dep_ == "pobj" else None

    def _body_of_adjective(self, adjective, besides: _Ent | None = None) -> _Ent | None:
        """The party or body an adjective names: "Conservative" -> "the Conservatives",
        "Republican" -> "the Republican Party"; None when the article names none (``besides``: not
        the one the adjective itself was indexed as)."""
        stem = adjective.lower_[: max(5, len(adjective.lower_) - 2)]
        bodies = [e for e in self.orgs if e.named and e.type in ("organisation", "group") and e is not besides
                  and any(w.lower().startswith(stem) for w in e.name.split())]
        return bodies[0] if len(bodies) == 1 else None

    def _org_named(self, name: str) -> _Ent | None:
        low = name.lower()
        return next((e for e in self.orgs if low in (a.lower() for a in [e.name, *e.aliases])), None)

    def _group(self, span, root) -> _Found:
        """"the group's representatives" -> the group; "critics like Huffman", "officials,
        including Gov. Chris Christie" -> the one named; "Russian officials", "officials": none."""
        phrase = _phrase(root, span)
        example = self._one_example(phrase, root)
        if example is not None:
            return _Found(example)
        linked = [(self.token_ent[t.i], _preposition_of(t, root)) for t in phrase  # not "who bought it
                  if t.i in self.token_ent and not _in_relative_clause(t, root)]  # from BMW"
        employers = {e for e, prep in linked
                     if e.named and e.type == "organisation" and prep in _EMPLOYER_PREPOSITIONS}
        if len(employers) == 1:
            return _Found(employers.pop())  # "officials with the DCCC", "investigators from the Bureau"
        for child in root.children:
            if child.dep_ == "poss":
                owner = self.resolve_span(self.doc[child.left_edge.i : child.i + 1])
                if owner.ent is not None and owner.ent.type in ("organisation", "country"):
                    return _Found(owner.ent, root.text, None)
        if root.lower_ in _FORCE_NOUNS and all(t.i == root.i or t.lower_ == "the" for t in phrase):
            force = self._sole_named_with(root.lower_)
            if force is not None:
                return _Found(force)  # "Police said" after "West Yorkshire Police": that force
        modifier = next((self.token_ent[t.i] for t in span if t.i in self.token_ent and t.i != root.i), None)
        ent = self._new(names.bare(span.text), "group")
        ent.named = False  # "Russian officials": described, not named
        if modifier is not None and not ent.organisation:
            ent.organisation = modifier.name
        return _Found(ent, None, modifier.name if modifier else None)

    def _one_example(self, phrase, root) -> _Ent | None:
        """The one person a plural noun gives as its example: "critics like Huffman", "some
        staunch defenders of globalization, like Gary Clyde Hufbauer"."""
        named = {id(e): e for t in phrase if (e := self.token_ent.get(t.i)) is not None
                 and e.type == "person" and _preposition_of(t, root) in _EXAMPLE_PREPOSITIONS}
        return next(iter(named.values())) if len(named) == 1 else None

    def _leader(self, root) -> _Ent | None:
        """The named person a group is "led by" or "headed by": "a team led by Marc Ames"; not
        a body the article names, which its chair only describes ("the commission, led by X")."""
        if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in root.children):
            return None
        for verb in root.children:
            if verb.dep_ != "acl" or verb.lemma_.lower() not in _LEADER_VERBS:
                continue
            for agent in (c for c in verb.children if c.dep_ == "agent"):
                ent = next((self.token_ent.get(c.i) for c in agent.children if c.dep_ == "pobj"), None)
                if ent is not None and ent.type == "person" and ent.named:
                    return ent
        return None

    def _sole_named_with(self, word: str) -> _Ent | None:
        """The one organisation the article names with ``word``: "police" -> "West Yorkshire
        Police", or "Charlotte-Mecklenburg police" when only written so ("the Charlotte-Mecklenburg
        police chief"); None if there are none or several."""
        body = self.headline_end  # a title-case headline is tagged one long name
        found = [e for e in self._orgs_called(word)
                 if e.type == "organisation" and any(m.start > body for m in e.mentions)]
        if found:
            return found[0] if len(found) == 1 else None
        places = {self._place_before(t) for t in self.tokens if t.lower_ == word and t.idx > body} - {None}
        return self.org(f"{places.pop()} {word}", "organisation") if len(places) == 1 else None

    def _place_before(self, tok) -> str | None:
        """The proper name written right before ``tok`` ("Charlotte-Mecklenburg" police), if any."""
        k = tok.i
        while k > 0 and (self.tokens[k - 1].pos_ == "PROPN" or (
                self.tokens[k - 1].text == "-" and not self.tokens[k - 1].whitespace_)):
            k -= 1
        if k == tok.i or not self.tokens[k].text[:1].isupper() or self.tokens[k].is_sent_start:
            return None
        return self.doc[k : tok.i].text

    def _organisation_owning(self, phrase, root) -> _Ent | None:
        """The organisation whose unit a place only locates: "The Environmental Protection
        Agency's Boston regional office" is the agency's."""
        return next((ent for t in phrase if t.i < root.i and (ent := self.token_ent.get(t.i)) is not None
                     and ent.type == "organisation" and any(c.tag_ == "POS" for c in t.children)), None)

    def _unit_of_country(self, phrase, root, owner: _Ent) -> _Ent | None:
        """ "Russia's defence ministry", "the country's civil protection agency": a body of a
        country's state, named by what it does, speaks for itself, not for the country; so does a
        place's official's office, named as written ("the Oregon attorney general's office")."""
        if owner.type != "country":
            return None
        kind = _lists()["org_nouns"].get(root.lemma_.lower())
        if kind == "personal" and any(c.dep_ == "poss" and _is_title(c) for c in root.children):
            first = next(t for t in phrase if t.pos_ != "DET")  # "The Oregon attorney general's office"
            ent = self.org(names.bare(_words_text(first, root)), "organisation")
            ent.nouns.add(root.lemma_.lower())
            return ent
        if kind != "organisation":
            return None
        qualifiers = [t for t in phrase if t.i < root.i and t.i not in self.token_ent
                      and t.pos_ in ("ADJ", "NOUN", "PROPN") and t.dep_ in ("amod", "compound")]
        if not qualifiers:
            return None
        name = f"{owner.name}'s {' '.join(t.lower_ for t in qualifiers)} {root.lower_}"
        ent = self.org(name, "organisation")
        ent.nouns.add(root.lemma_.lower())
        ent.organisation = ent.organisation or owner.name
        return ent

    def _origin_of_company(self, tok, root) -> bool:
        """Whether a country written before a company noun only says where the company is from:
        "the US software giant", "the Japanese firm" are a firm named elsewhere, not the country;
        "Russia's state bank" belongs to it."""
        ent = self.token_ent.get(tok.i)
        country = ent.type == "country" if ent is not None else tok.ent_type_ in ("NORP", "GPE")
        return (root.lemma_.lower() in _COMPANY_NOUNS and tok.i < root.i and country
                and tok.dep_ != "poss" and not any(c.tag_ == "POS" for c in tok.children))

    @staticmethod
    def _from_origin(ent: _Ent | None, origin: tuple[str, str] | None) -> _Ent | None:
        """``ent`` if it can be the company from ``origin`` ("the Finnish firm" is not the one the
        article called "the Japanese firm"), and from now on known to be from there. Only words of
        one kind are compared: "US" and "American" may be one country, "Japanese" and "Finnish" not."""
        if ent is None or origin is None:
            return ent
        kind, word = origin
        if any(k == kind and not names.organisations_compatible(w, word) for k, w in ent.origins):
            return None
        ent.origins.add(origin)
        return ent

    def _org_nominal(self, span, phrase, root, ask: Ask) -> _Found:
        """"the company", "the Turkish government", "Clinton's campaign": a named modifier, else
        the ranker among the organisations named. A person's campaign, office or team is named
        after them ("Clinton campaign"); a plural or indefinite noun is a new speaker."""
        noun = root.lemma_.lower()
        wanted = _lists()["org_nouns"][noun]
        personal = wanted == "personal"
        wanted = "organisation" if personal else wanted
        modifiers = [self.token_ent[t.i] for t in phrase if t.i in self.token_ent and not _based_in(t)
                     and not self._origin_of_company(t, root)
                     and (t.i < root.i or (t.head.lower_ == "of" and t.head.head.i == root.i))]  # "city of X"
        if not modifiers and not personal:  # "the trade group for the Blue Cross Blue Shield plans"
            modifiers = [self.token_ent[t.i] for t in phrase if t.i > root.i and t.i in self.token_ent
                         and self.token_ent[t.i].type == "organisation" and _preposition_of(t, root) == "for"]
            if modifiers:
                modifiers[-1].nouns.add(noun)  # a later "the group" is the same
        owner = modifiers[-1] if modifiers else None
        if personal and owner is not None and owner.type != "person":
            owner = self._person_possessing(root) or owner  # "Dana Quarrie's Senate campaign": hers
        if owner is not None and owner.type == "country":
            owner = self._organisation_owning(phrase, root) or owner
        if owner is None and not personal:
            body = self._body_of_possessive(phrase, root, wanted)
            if body is not None:  # "Manchester United manager Alex Ferguson ... His club said"
                return _Found(body)
        if owner is None and not personal and root.idx < self.headline_end and _bare(phrase, root):
            lead = self._lead_organisation(root.idx)
            if lead is not None:  # "Games maker disputes job cuts report" over "Games publisher Eidos has"
                return _Found(lead)
        if owner is None and _name_like(root) and root.pos_ == "PROPN":
            return _Found(self._untagged_organisation(root))  # "The Islamic State", a name the tagger missed
        if owner is None:
            nationality = next((t for t in phrase if t.i < root.i and t.ent_type_ in ("NORP", "GPE")
                                and not _based_in(t) and noun not in _COMPANY_NOUNS), None)
            if nationality is not None and noun in _STATE_BODY_NOUNS:  # "the Turkish government", as written
                return _Found(self._new(names.bare(_words_text(nationality, root)), wanted))
            if nationality is not None:  # "the Turkish company": Turkey's, if the article names it
                ent = self._country_of(nationality.text)
                if ent is None:
                    ent = self._new(names.bare(_words_text(phrase[0], root)), wanted)
                    ent.named = False
                return _Found(ent)
            name = next((t for t in phrase if t.i == root.i - 1 and _name_like(t)), None)
            if name is not None and not personal:  # "the Not1More campaign", a name the tagger missed
                return _Found(self._untagged_organisation(name))
            if not personal and any(_name_like(t) and t.dep_ == "compound" for t in phrase if t.i < root.i):
                ent = self._new(names.bare(_words_text(phrase[0], root)), wanted)  # "the Commons home
                ent.named = False  # affairs committee": which body, its own words say; none named near
                return _Found(ent)
        kind_of_members = _members_kind(root)  # "the employers' group": what it is, not whose
        ranked_in_a_place = _ranked_in_a_place(root)  # "the nation's largest gun group": which, not whose
        if ranked_in_a_place and owner is not None and owner.type == "country":
            owner = None  # "the UK's biggest mortgage lender": not a body of the UK's state
        if owner is None and not kind_of_members and not ranked_in_a_place:
            possessor = self._possessor(root)
            owner = possessor.ent if possessor is not None else None
        if owner is not None and owner.type == "country":
            outlet = self._outlet_before(phrase, root)
            if outlet is not None:
                return _Found(outlet)  # "the influential US daily": the outlet, not a body of the state
        if owner is not None and owner.type == "country" and phrase[0].lower_ in ("a", "an"):
            return _Found(self._plain(span))  # "a Moscow court": one of the place's, unnamed
        if owner is not None:
            unit = self._unit_of_country(phrase, root, owner)
            if unit is not None:
                return _Found(unit, None, owner.name)
            if owner.type in ("country", "organisation"):
                return _Found(owner)
            if owner.type == "person" and owner.named and noun in ("department", "ministry"):
                return _Found(owner)  # "Mr Murphy's department said": his, not an organisation named nearby
            if owner.type == "person" and owner.named and noun == "government":
                return self._persons(owner, noun)  # "President Assad's government": not another one named
            if owner.type == "person" and owner.named and personal:
                if noun == "camp" or (noun in _CAMPAIGN_NOUNS and self.campaigning):
                    noun = "campaign"  # "Clinton's team", "the Sanders camp": the Clinton campaign
                return self._persons(owner, noun)
        unnamed_owner = not owner.named if owner is not None else (
            not kind_of_members and not ranked_in_a_place and any(c.dep_ == "poss" for c in root.children))
        if unnamed_owner:
            return _Found(self._plain(span))  # "the victim's family": whose, no name says
        determiners = {t.lower_ for t in phrase if t.i < root.i}
        named = self._named_just_before(phrase, root)
        if named is not None:
            return _Found(named)  # "Wealth-X, a private wealth research firm also devoted to ..."
        if root.tag_ in ("NNS", "NNPS") or not (determiners & {"the", "this", "its", "their"} or owner):
            of_members = any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children)  # "a group of MPs"
            one = root.tag_ == "NN" and bool(determiners & {"a", "an"}) and not of_members
            return _Found((self._introduced_next(noun, root) if one else None) or self._plain(span))
        origin = next(((t.ent_type_, t.text) for t in phrase if self._origin_of_company(t, root)), None)
        company = noun in _COMPANY_NOUNS
        only_a_company = company and noun not in _ANY_ORGANISATION  # "the firm"; "the group" may be any body
        near = self._only_one_near(wanted, root.idx, companies=only_a_company) \
            or self._subject_of_what_it_said(ask, wanted, noun)
        if near is not None and _named_as_another_kind(near, noun):
            near = None  # "The Football Association accused Southampton ... The club denied": not the FA
        near = self._rather_called_next(near, noun, root.idx)
        called = self._from_origin(self._called(noun, root.idx) or self._outlet_before(phrase, root) or near,
                                   origin)
        if called is not None and company:
            called = self._company_speaking_last_sentence(noun, root.idx, called) or called
        if called is not None:
            return _Found(called)
        ask.kind, ask.head, ask.determiner = "org", noun, "poss" if owner else "def"
        ask.wanted = wanted
        ranked = self._rather_called_next(_unless_no_company(company, self.rank(ask)), noun, root.idx)
        ent = self._from_origin(ranked or self._called_next(noun, root.idx), origin)
        if ent is None and company:
            # "Sainsbury's has reported ... The firm said"
            ent = self._from_origin(_unless_no_company(company, self._lead_organisation(root.idx)), origin)
        if ent is None and company and self._speaker_contrasted(root.idx) is None:
            # "... a BA spokeswoman said. / The airline said": not after "But", which brings in another
            ent = self._from_origin(
                _unless_no_company(only_a_company, self._organisation_speaking_just_before(root.idx)), origin)
        if ent is not None:
            ent.nouns.add(noun)
            return _Found(ent)
        ent = self._new(names.bare(_words_text(phrase[0], root)), wanted)
        ent.named = False
        return _Found(ent)

    def _subject_of_what_it_said(self, ask: Ask, wanted: str, noun: str) -> _Ent | None:
        """The named organisation that is the subject of the statement the mention closes, where
        the noun may call it so: "Senate Liberty PAC is spending $2 million on ads, the group said";
        not "Acme will cut 500 jobs, the union said"."""
        if ask.content is None or ask.content[1] > ask.char:
            return None
        clause = self.doc[self.token_at(ask.content[0]).i : self.token_at(ask.content[1] - 1).i + 1].root
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        ent = self.token_ent.get(subject.i) if subject is not None else None
        if ent is None or not ent.named or ent.type != wanted:
            return None
        fits = noun in _ANY_ORGANISATION or ent in self._orgs_called(noun, by_noun=True) \
            or (noun in _COMPANY_NOUNS and not _named_as_no_company(ent))
        return ent if fits else None

    def _rather_called_next(self, ent: _Ent | None, noun: str, char: int) -> _Ent | None:
        """``ent``, unless its name does not say it is a ``noun`` and the next body named does:
        "Ashgrove Registry staff have walked out ..., which the union says ... The Lanyard
        Workers union said"."""
        if ent is None or ent in self._orgs_called(noun, by_noun=True):
            return ent
        return self._called_next(noun, char, by_noun=True) or ent

    def _named_just_before(self, phrase, root) -> _Ent | None:
        """The organisation named right before a phrase set off after it that says what it is."""
        name = phrase.doc[phrase.start - 2] if phrase.start >= 2 else None
        ent = self.token_ent.get(name.i) if name is not None else None
        if ent is None or ent.type != "organisation" or not ent.named or _kind_set_off_after(name) != root:
            return None
        return ent

    def _persons(self, owner: _Ent, noun: str) -> _Found:
        """A person's campaign, office or team, named after them: "Clinton campaign"."""
        ent = self.org(f"{names.surname_as_written(owner.name)} {noun}", "organisation")
        ent.nouns.add(noun)
        ent.organisation = ent.organisation or owner.name
        return _Found(ent, None, owner.name)

    def _named_near(self, ent: _Ent, char: int) -> bool:
        sent = self.sent_of(char)
        return any(-1 <= m.sent - sent <= 2 for m in ent.mentions)

    def _orgs_called(self, word: str, by_noun: bool = False) -> list[_Ent]:
        """The named organisations whose name holds ``word`` ("party" -> "Republican Party",
        "police" -> "Charlotte-Mecklenburg Police"), or, with ``by_noun``, that the article calls
        so ("Acme, a company that ...")."""
        kind = {word} | _SAME_KIND.get(word, frozenset())  # "Media regulator Ofcom ... The watchdog said"
        return [e for e in self.orgs if e.named
                and ((by_noun and kind & e.nouns) or word in _head_words(e.name))]

    def _called(self, noun: str, char: int) -> _Ent | None:
        """The organisation named last before ``char`` that is called ``noun`` in the article
        or whose name holds it ("the party" -> "Republican Party", "the campaign" -> "Clinton
        campaign")."""
        before = [(m.start, ent) for ent in self._orgs_called(noun, by_noun=True)
                  if (m := ent.mention_before(char)) is not None]
        return max(before, key=lambda x: x[0])[1] if before else None

    def _called_next(self, noun: str, char: int, by_noun: bool = False) -> _Ent | None:
        """With no organisation before it, the first one named after ``char``, in that paragraph
        or the next, whose name holds ``noun`` (or, with ``by_noun``, that the article calls so):
        "the largest union has warned ... The National Union of Teachers said"."""
        after = self._called_just_after(noun, char, by_noun)
        return min(after, key=lambda x: x[0])[1] if after else None

    def _called_just_after(self, noun: str, char: int, by_noun: bool = False) -> list[tuple[int, _Ent]]:
        """(first mention, organisation) for those ``_orgs_called`` ``noun`` that are named after
        ``char``, in its paragraph or the next."""
        para = self.para_of(char)
        return [(m.start, ent) for ent in self._orgs_called(noun, by_noun)
                if (m := ent.mention_after(char)) is not None and m.para - para <= 1]

    def _introduced_next(self, noun: str, root) -> _Ent | None:
        """An organisation the story's opening calls only by its kind ("..., a charity has warned",
        "according to a consumer group"), named in the paragraph after as one of that kind ("a
        report by the consumer group Which?"), if exactly one is. Further on, "a union" is any union."""
        if self.para_of(root.idx) > OPENING_PARAGRAPHS:
            return None
        named = {ent for _, ent in self._called_just_after(noun, root.idx, by_noun=True)} \
            or self._outlets_named_after(noun, root.idx)  # "a newspaper reported ... The Sunday Post said"
        return named.pop() if len(named) == 1 else None

    def _outlets_named_after(self, noun: str, char: int) -> set[_Ent]:
        """The news outlets of the kind an outlet noun says ("newspaper": print) first named
        after ``char``, in its paragraph or the next."""
        kind = _lists()["outlet_nouns"].get(noun)
        para = self.para_of(char)
        return {ent for ent in self.orgs if ent.named and ent.type == "organisation"
                and names.names_an_outlet(ent.name, kind)
                and (m := ent.mention_after(char)) is not None and m.para - para <= 1
                and ent.mention_before(char) is None} if kind else set()

    def _outlet_before(self, phrase, root, document: bool = False) -> _Ent | None:
        """For a news outlet's common noun ("the newspaper", "the network", "the editorial
        board", "the news agency"), the outlet of that kind named last before it: an organisation
        whose name marks one ("The Daily Telegraph", "Fox News"), in that paragraph or the two
        before (an article that quotes outlet after outlet names the one it means nearby). A
        ``document`` noun ("paper") is the outlet only if no such document came up since."""
        modifiers = {t.lower_ for t in phrase if t.i < root.i}
        kind = _lists()["outlet_nouns"].get(root.lemma_.lower())
        kind = kind or ("print" if "editorial" in modifiers else "any" if "news" in modifiers else None)
        if kind is None:
            return None
        best, best_start = None, -1
        for ent in self.orgs:
            if ent.named and ent.type == "organisation" and names.names_an_outlet(ent.name, kind):
                m = ent.mention_before(root.idx)
                if m is not None and m.start > best_start and self.para_of(root.idx) - m.para <= 2:
                    best, best_start = ent, m.start
        same_word = [t.idx for t in self.tokens[: root.i] if t.lemma_ == root.lemma_] if document else []
        if same_word and same_word[-1] > best_start:
            return None  # "A 2009 paper by two economists ... The paper said": that paper
        return best

    def _country_of(self, adjective: str) -> _Ent | None:
        """The country or organisation an adjective of nationality stands for ("Turkish" -> Turkey)."""
        return next((e for e in self.orgs if e.named and e.type in ("country", "organisation")
                     and names.organisations_compatible(adjective, e.name)), None)

    def _only_one_near(self, type_: str | None, char: int, sentences: int = 2,
                       companies: bool = False) -> _Ent | None:
        """The one named entity of ``type_`` (None: of any type) in the ``sentences`` before
        ``char`` and its own, outside quotes, if there is exactly one: "Acme Corp. fell 8
        percent. The company said ..."; ``companies``: of those whose name says no other kind."""
        sent = self.sent_of(char)
        i = bisect.bisect_left(self.mentions, _Mention(char, -1, -1, None)) - 1  # type: ignore[arg-type]
        near, found = set(), None
        while i >= 0 and sent - self.mentions[i].sent <= sentences:
            m = self.mentions[i]
            if m.ent.named and type_ in (None, m.ent.type) and not m.in_quote \
                    and not (companies and _named_as_no_company(m.ent)):
                near.add(id(m.ent))
                found = m.ent
            i -= 1
        return found if len(near) == 1 else None

    def _plain(self, span) -> _Ent:
        """Anything else keeps the mention's own words as the name ("the West", "reports")."""
        name = names.bare(span.text) or span.text.strip()
        proper = all(t.pos_ in ("PROPN", "DET", "PART", "PUNCT") for t in span if not t.is_space)
        ent = self._new(name, "other" if proper else "group")
        ent.named = False
        return ent

    def _new(self, name: str, type_: str) -> _Ent:
        for ent in self.entities:
            if ent.name.lower() == name.lower() and ent.type == type_:
                return ent
        ent = _Ent(name=name, type=type_)
        self.entities.append(ent)
        if type_ != "person":
            self.orgs.append(ent)
        return ent

    # the ranker

    def rank(self, ask: Ask) -> _Ent | None:
        """The entity the ranker scores highest for a mention, if over its threshold."""
        cands = self._candidates(ask)
        if not cands:
            if self.trace is not None:
                self.trace.append((ask, {}, []))
            return None
        feats = Features(self, ask, cands)
        null, rows = feats.null_row(), feats.rows()
        if self.trace is not None:
            self.trace.append((ask, null, list(zip(cands, rows, strict=True))))
        best = self.ranker.choose(ask.kind, null, rows)
        return cands[best] if best is not None else None

    def _of_another_org(self, ent: _Ent, ask: Ask) -> bool:
        """Whether a person the article gives an organisation is not of the organisation a role
        names: "the Blues boss" is not "Barcelona president Joan Laporta", "The Manchester United
        boss" not "Arsenal manager Arsene Wenger". Places are left out: "the Florida senator" may
        be a senator of the Senate."""
        org = ask.org_ent.name if ask.org_ent is not None and ask.org_ent.type == "organisation" else None
        if org is None and ask.org and " " in ask.org and (
                ask.org.lower() not in self.place_names or ask.org.split()[-1].lower() in _CLUB_WORDS):
            org = ask.org  # a name the tagger did not take for an organisation's ("Manchester United")
        if org is None:
            return False
        held = ent.organisation or self._organisation_in_roles(ent)
        return bool(held) and not names.organisations_compatible(held, org)

    def _organisation_in_roles(self, ent: _Ent) -> str | None:
        """An organisation of the article that a person's role names before its title: "Arsenal"
        of "Arsenal manager", where the tagger saw no name."""
        known = {e.name.lower(): e.name for e in self.orgs if e.type == "organisation" and e.named}
        for role in ent.roles:
            words = role.split()[:-1]
            for k in range(len(words), 0, -1):
                name = known.get(" ".join(words[:k]).lower())
                if name is not None:
                    return name
            if len(words) == 1 and self._a_name_elsewhere(words[0]):
                return words[0]  # "Arsenal" of "Arsenal manager", untagged, a name mid-sentence elsewhere
        return None

    def _a_name_elsewhere(self, word: str) -> bool:
        """Whether a word the tagger left untagged is a name: capitalised inside a sentence
        somewhere, and no title, person noun or place."""
        if word.lower() in self.place_names or not word[:1].isupper() or \
                _lists()["titles"].get(word.lower()) is not None or word.lower() in _lists()["person_nouns"]:
            return False
        return word in self._untagged_mid_sentence_words

    @cached_property
    def place_names(self) -> frozenset[str]:
        """The places the tagger names in the article, lower-cased, read when a role asks for them."""
        return frozenset(e.text.lower() for e in self.doc.ents if e.label_ in ("GPE", "LOC"))

    def _of_another_nation(self, ent: _Ent, epithet: str | None) -> bool:
        """For a nationality epithet, whether the text called the person by another nationality
        ("the German" is not "the Scot") or tied them to another nation by the words over their
        name ("the American" is not "Sania Mirza of India"). A Scot is a Briton, a Texan an
        American."""
        if _called_another_nationality(ent, epithet):
            return True
        if epithet is None or not _nationality(epithet):
            return False
        nations = self._nations_of_people.get(id(ent), set())
        return bool(nations) and not any(_same_nation(epithet, nation) for nation in nations)

    @cached_property
    def _nations_of_people(self) -> dict[int, set[str]]:
        """The nationality epithets the words over each named person's name tie them to, outside
        quotes: "Spain's Fernando Verdasco" -> spaniard, "Sania Mirza of India" -> indian."""
        nations: dict[int, set[str]] = {}
        for t in self.tokens:
            epithets = _epithets_by_tie().get(t.lower_)
            if epithets and t.text[:1].isupper() and not self.in_quote(t.idx):
                person = self._national(t)
                if person is not None:
                    nations.setdefault(id(person), set()).update(epithets)
        return nations

    def _national(self, tok) -> _Ent | None:
        """The named person a nation's word calls theirs: "Spain's Fernando Verdasco", "Sania
        Mirza of India", "the Russian star Marat Safin"; not the coach of "Scotland coach Berti
        Vogts", whom a country's name ties to its team."""
        head = tok.head.head if tok.head.lower_ == "of" else tok.head
        ent = self.token_ent.get(head.i)
        if ent is not None:
            return ent if ent.type == "person" and ent.named else None
        return self._person_over(tok) if tok.ent_type_ == "NORP" else None

    @cached_property
    def _untagged_mid_sentence_words(self) -> frozenset[str]:
        """Capitalised words the tagger left untagged inside a sentence, read once an article."""
        return frozenset(t.text for t in self.tokens if not t.is_sent_start and not t.ent_type_)

    def _candidates(self, ask: Ask) -> list[_Ent]:
        """Named entities the mention may refer to: people for "he" and roles, organisations and
        countries for "it" and organisation nouns, both for documents."""
        out = []
        for ent in self.entities:
            if not ent.named or not ent.mentions:
                continue
            if ask.kind == "he":
                ok = (ent.type == "person" and (ask.gender is None or ent.gender in (None, ask.gender))
                      and ent is not ask.contrasted and not self._of_another_nation(ent, ask.epithet))
            elif ask.kind == "role":
                # a person's role is a person's: "the former Labour MP" is not Labour (spokespeople
                # speak for their organisation before the ranker is asked), and "Ruiz's lawyer" not Ruiz
                ok = (ent.type == "person" and ent is not ask.owner
                      and (ask.gender is None or ent.gender in (None, ask.gender))
                      and not _other_rank(ent, ask.role) and not _holds_another_office(ent, ask.role)
                      and not self._of_another_org(ent, ask))
                if ok and ask.determiner == "indef":
                    ok = self._named_near(ent, ask.char)  # "a spokesman" is someone new, or named right here
            elif ask.kind in ("it", "they", "org"):
                ok = ent.type in ("organisation", "country")
                ok = ok and not (ask.kind == "org" and _named_as_another_kind(ent, ask.head))
            else:
                ok = ent.type in ("person", "organisation", "country")
            if ok:
                out.append(ent)
        return out


# --- mention syntax --------------------------------------------------------------------------------


def _phrase(root, span, clauses: frozenset[str] = _CLAUSE_DEPS):
    """The head's whole noun phrase in its sentence, clauses left out: "A spokesman" -> "A spokesman
    for the Jupiter Police Department"; "his wife" -> "his wife, Jane"; at least the mention."""
    if root.pos_ not in ("NOUN", "PROPN", "NUM") and root.lower_ not in ("one", "someone"):
        return span
    keep = [root]
    stack = [c for c in root.children]
    while stack:
        t = stack.pop()
        if t.dep_ in clauses or t.is_space or "\n" in t.text:
            continue
        keep.append(t)
        stack.extend(t.children)
    lo = min(min(t.i for t in keep), span.start)
    hi = max(max(t.i for t in keep) + 1, span.end)
    return root.doc[lo:hi]


def _parsed_apart_before(child, attach, root) -> bool:
    """A name right before the document noun that the parse made its subject or an adverbial
    ("A University of New Mexico poll out this week": "University" the subject of "poll")."""
    return child.dep_ in ("nsubj", "npadvmod") and attach.i == root.i and child.i < root.i


def _by_on_what_it_reads(tok, root) -> bool:
    """Whether ``tok`` is the object of a "by" the parse hung on what the document ``root`` reads:
    "an analysis of FEC data by [the Castlemere Institute]"."""
    while tok.head.i != tok.i and tok.head.dep_ not in ("prep", "agent"):
        tok = tok.head
    by = tok.head
    read = by.head
    return by.lower_ == "by" and read.dep_ == "pobj" and read.head.lower_ == "of" \
        and read.head.head.i == root.i


def _preposition_of(tok, root) -> str | None:
    """The preposition linking ``tok`` to the head noun ``root`` ("a poll by [Gallup]", "figures
    released by [X]" through a participle), or None."""
    t = tok
    for _ in range(6):
        head = t.head
        if head.i == t.i:
            return None
        if head.dep_ in ("prep", "agent") and head.head.i == root.i:
            return head.lower_
        participle = head.head.dep_ in ("acl", "relcl") and head.head.head.i == root.i
        if head.dep_ in ("prep", "agent") and participle:
            return head.lower_  # "figures released by X", "a poll conducted by X"
        if head.i == root.i:
            return None
        t = head
    return None


def _in_relative_clause(tok, root) -> bool:
    """Whether ``tok`` sits in a relative clause of ``root`` ("the businessmen who bought it from X")."""
    return any(a.dep_ == "relcl" and a.head.i == root.i for a in tok.ancestors)


def _newspaper_title(span) -> bool:
    """A newspaper's name the tagger took for a title of a work ("The Evening Standard") or a place
    ("a report in the Sun", "the Mirror said")."""
    words = span.text.split()
    print_word = bool(words) and _lists()["outlet_name_words"].get(words[-1].lower()) == "print"
    if span.label_ == "WORK_OF_ART" and _print_word_then_of(words):
        return True  # "The News of the World", "The Mail on Sunday"
    if not print_word or not words[-1].istitle():
        return False
    if span.label_ == "WORK_OF_ART":
        return len(words) >= 2
    after_the = span.start > 0 and span.doc[span.start - 1].lower_ == "the"
    return span.label_ in ("LOC", "FAC", "GPE", "PRODUCT") and (after_the or words[0].lower() == "the")


def _body_taken_for_a_work(span) -> bool:
    """An organisation's name the tagger took for the title of a work: its head is an
    organisation's noun ("The Campaign for Digital Rights", "The Brennan Center for Justice")."""
    root = span.root
    return span.label_ == "WORK_OF_ART" and root.is_title and not root.is_sent_start \
        and _lists()["org_nouns"].get(root.lemma_.lower()) in ("organisation", "personal")


def _print_word_then_of(words: list[str]) -> bool:
    """A name that opens with a newspaper's word and goes on with "of" or "on": "News of the World"."""
    words = words[1:] if words and words[0].lower() == "the" else words
    return len(words) >= 3 and words[0].istitle() and words[1] in ("of", "on") \
        and _lists()["outlet_name_words"].get(words[0].lower()) in ("print", "any")


_SITE_NOUNS = frozenset({"website", "site", "blog", "page", "account", "feed"})
_VENUE_VERBS = frozenset({"appear", "publish", "run", "print"})
_LEADING_VERBS = frozenset({"say", "tell", "ask", "imagine", "suppose"})


def _after_opening_verb(span):
    """An organisation or place the tagger ran on from a sentence's opening verb: "Say Mexico
    demanded ..." -> "Mexico"."""
    if len(span) > 1 and span[0].is_sent_start and span[0].lower_ in _LEADING_VERBS:
        return span[1:]
    return span


def _name_words(name: str) -> set[str]:
    """The words of a name, lower-cased, without a possessive ending: "Information Commissioner's
    Office" -> information, commissioner, office."""
    return {w.lower().removesuffix("'s").removesuffix("’s") for w in re.split(r"[\s-]+", name)}


def _org_head(name: str) -> str:
    """The noun an organisation's name is built on: "bank" of "Bank of England", "commission" of
    "European Commission"."""
    return name.lower().split(" of ", 1)[0].split()[-1]


def _rank_of(tok) -> int:
    """A subject, or whose the subject is ("Reeves's decision comes ..."), is what a sentence is
    about; a name set off after the subject is the subject ("Ferdinand's agent, Pini Zahavi, has
    held talks": Zahavi, not Ferdinand)."""
    subject = (tok.dep_ in _SUBJECT_DEPS or (tok.dep_ == "appos" and tok.head.dep_ in _SUBJECT_DEPS)
               or (tok.dep_ == "poss" and tok.head.dep_ in _SUBJECT_DEPS
                   and not any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.head.children))
               or _whose_shares_are_the_subject(tok))
    return _RANK_SUBJECT if subject else _RANK_OTHER


def _whose_shares_are_the_subject(tok) -> bool:
    """ "Shares in Google have risen after it reported ...", "Profits at Tesco rose": the
    company is what the sentence is about."""
    if tok.dep_ == "appos" and tok.head.pos_ == "NOUN":
        tok = tok.head  # "Shares in internet search firm Google"
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("in", "at", "of"):
        return False
    return prep.head.dep_ in _SUBJECT_DEPS and prep.head.lemma_.lower() in _COMPANY_FIGURES


_COMPANY_FIGURES = frozenset({"share", "profit", "sale", "revenue", "earnings", "turnover", "loss"})


_SAYING_VERBS = frozenset({"say", "tell", "add", "insist", "argue", "explain", "write"})


def _says(tok) -> bool:
    """Whether ``tok`` is the subject of a verb of saying: "he" of "he said"."""
    return tok.dep_ in _SUBJECT_DEPS and tok.head.lemma_ in _SAYING_VERBS


_INTENSIFIERS = frozenset({"himself", "herself", "itself", "themselves"})
_REFLEXIVE_GENDERS = {"himself": "he", "herself": "she"}
_BACK_PRONOUNS = frozenset({"his", "himself", "herself"})  # a possessive or reflexive that is never an object


def _refers_back(tok) -> bool:
    """A "he"/"she" that goes back to a sentence's one named person: a subject pronoun, "his",
    a reflexive; not "her", as likely the object of someone else ("Obama backed her up")."""
    kind = _lists()["pronouns"].get(tok.lower_)
    if kind not in ("he", "she"):
        return False
    return tok.lower_ in _BACK_PRONOUNS or (tok.lower_ in ("he", "she") and tok.dep_ in _SUBJECT_DEPS)


def _is_main_subject(tok) -> bool:
    """The subject of its sentence's main verb (or of a verb joined to it), not of a clause
    inside it: "Levine" in "Levine found it funny", not "Rubio" in "Christie says Rubio is not ready"."""
    if tok.dep_ not in _SUBJECT_DEPS:
        return False
    verb = tok.head
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _whole_organisation(span, label: str = ""):
    """An organisation name the tagger cut short, whole: "Association of British" + "Insurers",
    "U.S. Chamber" + "of Commerce", "American Civil Liberties Union" + "of Ohio"."""
    doc, end = span.doc, span.end
    last = span[-1]
    common = last.text[-1:].islower() and last.pos_ != "PROPN"
    if last.lower_ in _NAME_JOINERS or last.pos_ == "ADJ" or common:
        while end < len(doc) and doc[end].text[:1].isupper() and doc[end].text.isalpha() \
                and not doc[end].ent_type_ and doc[end].pos_ in ("PROPN", "NOUN"):
            end += 1
    elif label == "ORG" and end + 1 < len(doc) and doc[end].lower_ == "of" and last.text[:1].isupper():
        k = end + 1
        while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() \
                and doc[k].ent_type_ in ("", "GPE"):
            k += 1
        end = k if k > end + 1 else end
    elif label == "ORG":
        end = max(_department_fields_end(span), _court_jurisdiction_end(span), _on_sunday_end(span),
                  _committee_end(span))
    if end == span.end:
        return span
    return doc[span.start : end]


_SUNDAY_TITLES = frozenset({"Mail", "Independent"})  # not "The Post on Sunday said": a day
_COMMITTEE_NOUNS = frozenset({"committee", "subcommittee"})
_HOUSES = frozenset({"House", "Senate", "Lords", "Commons", "Assembly", "Parliament", "Congress"})


def _committee_end(span) -> int:
    """The end of a committee's name the tagger cut at its house: "House" + "intelligence
    committee" (not "Rugby Football Union" + "disciplinary panel", a body of its own)."""
    doc, end = span.doc, span.end
    if span[-1].text not in _HOUSES:
        return end
    k = end
    while k < min(len(doc), end + 4) and doc[k].is_alpha and doc[k].is_lower \
            and doc[k].pos_ in ("NOUN", "ADJ"):
        if doc[k].lower_ in _COMMITTEE_NOUNS:
            return k + 1 if k > end else end
        k += 1
    return end


def _on_sunday_end(span) -> int:
    """The end of a Sunday paper's name the tagger cut at the day: "The Independent" + "on Sunday"."""
    doc, end = span.doc, span.end
    if span[-1].text in _SUNDAY_TITLES and end + 1 < len(doc) and doc[end].lower_ == "on" \
            and doc[end + 1].text == "Sunday":
        return end + 2
    return end


def _court_jurisdiction_end(span) -> int:
    """The end of a court's name with its circuit or district: "U.S. Court of Appeals" + "for
    the 3rd Circuit", "U.S. District Court" + "for the Southern District of New York"."""
    doc, end = span.doc, span.end
    if span[-1].lower_ not in ("court", "appeals") or end + 2 >= len(doc) \
            or doc[end].lower_ != "for" or doc[end + 1].lower_ != "the":
        return end
    k = end + 2
    while k < min(len(doc), end + 8) and (doc[k].text[:1].isupper()
                                          or re.fullmatch(r"\d+(?:st|nd|rd|th)", doc[k].text)):
        if doc[k].text in ("Circuit", "District"):
            k += 1
            if k + 1 < len(doc) and doc[k].lower_ == "of" and doc[k + 1].text[:1].isupper():
                k += 1  # the place it is of: "District of Columbia"
                while k < len(doc) and doc[k].text[:1].isupper() and doc[k].pos_ == "PROPN":
                    k += 1
            return k
        k += 1
    return end


def _department_fields_end(span) -> int:
    """The end of a ministry's or a body's name with all its fields: "Department for Education" +
    "and Skills", "Department for Culture" + ", Media and Sport", "Society of Motor Manufacturers"
    + "and Traders" (no "the" after "and": "the Department for Transport and the Treasury" are two)."""
    doc, end = span.doc, span.end
    words = [t.lower_ for t in span if t.lower_ != "the"]
    if len(words) < 3 or words[0] not in _MINISTRY_NOUNS or words[1] not in ("for", "of"):
        return end
    k, ministry = end, words[0] in _MINISTRY_NOUNS - _BODY_NOUNS
    while k + 1 < len(doc) and doc[k].text in (",", "and") and _field_word(doc[k + 1]) \
            and (ministry or not doc[k + 1].ent_type_):  # "Royal Institute of ... and Labour": two
        k += 2
        if doc[k - 2].text == "and":
            return k
    return end


def _field_word(tok) -> bool:
    capitalised = tok.text[:1].isupper() and tok.text.isalpha() and tok.lower_ != "the"
    return capitalised and tok.ent_type_ in ("", "ORG")


# Verbs that send a document of their own name ("emailed", "tweeted"); not "reported", "polled".
_MESSAGING_VERBS = frozenset({"email", "e-mail", "tweet", "text", "message", "fax", "memo"})
_SUING_VERBS = frozenset({"sue"})
_SUIT_NOUNS = frozenset({"lawsuit", "suit"})
_FILING_VERBS = frozenset({"file", "submit", "lodge"})
_LEADER_VERBS = frozenset({"lead", "head", "chair"})

_BODY_NOUNS = frozenset({"society", "association", "institute", "federation", "confederation",
                         "council", "college", "academy", "chamber"})  # "Society of ... and Traders"
_MINISTRY_NOUNS = frozenset({"department", "ministry", "secretary", "office"}) | _BODY_NOUNS


def _named_before(span):
    """An organisation whose name the tagger took only the last part of: "Universities" + "UK",
    "Liberal" + "Democrats" (capitalised proper nouns, untagged, modifying the span right after
    them), or None."""
    doc, start = span.doc, span.start
    while start > 0 and _untagged_proper(doc[start - 1]) and doc[start - 1].dep_ in ("compound", "amod") \
            and span.start <= doc[start - 1].head.i < span.end and not _is_title(doc[start - 1]) \
            and not _kind_before_name(doc[start - 1]):
        start -= 1
    if span.label_ == "NORP" and start < span.start and doc[start].is_sent_start:
        return None  # "Mainstream Republicans said": capitalised for the sentence, a group
    return doc[start : span.end] if start < span.start and span.label_ in ("GPE", "ORG", "NORP") else None


def _leading_subject(span):
    """The subject a mention starts with when it runs on into the subject's verb and beyond:
    "The Obama administration" of "The Obama administration allowed some states to ..."."""
    root = span.root
    if root.pos_ not in ("VERB", "AUX") or not span.start < root.i < span.end - 1:
        return None
    subject = next((c for c in root.children
                    if c.dep_ in _SUBJECT_DEPS and c.left_edge.i == span.start), None)
    return span.doc[span.start : subject.i + 1] if subject is not None else None


def _only_a_kind(span) -> bool:
    """A name the tagger gave to a kind of organisation only, "PAC" of "a super PAC", or to a
    title, "MEP" of "The MEP said"."""
    words = [t for t in span if t.lower_ not in ("the", "a", "an", "super")]
    return bool(words) and (all(t.lower_ in _lists()["org_nouns"] for t in words)
                            or (len(words) == 1 and _is_role_word(words[0]) and words[0].text.isupper()))


def _after_stance_words(span):
    """The rest of a mention after a stance that opens it ("pro-X", "anti-X", after "the"), if
    any rest has a capitalised word: "Union Leader" of "The pro-Christie Union Leader"."""
    k = span.start + (1 if span[0].pos_ == "DET" else 0)
    doc = span.doc
    if k + 3 >= span.end or doc[k].lower_ not in ("pro", "anti") or doc[k + 1].text != "-":
        return None
    rest = doc[k + 3 : span.end]
    return rest if any(t.text[:1].isupper() for t in rest) else None


def _after_stance(span):
    """An organisation's name without the stance the text gives it, and the rest of the name
    that stance hid from the tagger: "Union Leader" of "pro-Christie Union" + "Leader"."""
    toks, doc = list(span), span.doc
    if len(toks) <= 3 or toks[0].lower_ not in ("pro", "anti") or toks[1].text != "-":
        return span
    end = span.end
    while end < len(doc) and _untagged_proper(doc[end]):
        end += 1
    return doc[span.start + 3 : end]


def _ends_in_its_verb(span) -> bool:
    """Whether a mention of a noun phrase ends in a cue verb the tagger took for a plural noun:
    "the foundation predicts", "the survey shows"."""
    if len(span) < 3:
        return False
    last, before = span[-1], span[-2]
    verb = last.lower_[:-1] if last.lower_.endswith("s") else None
    return (verb in _lists()["cues"] and last.tag_ in ("NNS", "NN") and before.pos_ in ("NOUN", "PROPN")
            and last.dep_ in _SUBJECT_DEPS and before.head.i == last.i)


def _ends_in_organisation_noun(span) -> bool:
    """A name tagged a person whose last word is a capitalised organisation noun or a word that
    ends companies' names, and whose first is no first name: "Carrick Bank", "Halcyon Pictures",
    "Mercia Water"."""
    toks = [t for t in span if not t.is_punct]
    if len(toks) < 2 or toks[0].lower_ in _lists()["first_names"] or not toks[-1].text[:1].isupper():
        return False
    last = toks[-1].lower_
    return _lists()["org_nouns"].get(last) == "organisation" or last in _lists()["company_name_words"]


def _where_a_body_is_from(span, surnames: set[str]) -> bool:
    """A lone word tagged a person that says where "the" organisation after it is from: "the
    Manchester group", "the Leeds club"; not a first name or the surname of a person named in
    full ("the Clinton campaign" after "Hillary Clinton")."""
    tok = span.root
    head = tok.head
    return (len(span) == 1 and tok.dep_ == "compound" and head.i == tok.i + 1
            and _lists()["org_nouns"].get(head.lemma_.lower()) == "organisation"
            and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
            and tok.lower_ not in _lists()["first_names"] and tok.lower_ not in surnames)


def _employs_the_name_after(span) -> bool:
    """A name right before a role word that a person's name follows: the body the person
    works for ("Manchester United" of "Manchester United manager Sir Alex Ferguson")."""
    doc, end = span.doc, span.end
    k = _name_after_role(span)
    return (k is not None and doc[end].pos_ == "NOUN" and _names_a_person(doc[end]) and doc[end].is_lower
            and doc[k].ent_type_ == "PERSON")


def _name_after_role(span) -> int | None:
    """The index of the name after the one word after ``span``, past honorifics ("Sir")."""
    doc, k = span.doc, span.end + 1
    while k < len(doc) and doc[k].lower_ in _lists()["honorifics"]:
        k += 1
    return k if k < len(doc) else None


def _called_an_organisation(span, untagged: bool = False) -> bool:
    """Whether an organisation's common noun calls a one-word name one (`_calling_noun`)."""
    return _calling_noun(span, untagged) is not None


def _calling_noun(span, untagged: bool = False):
    """The organisation's common noun that "the" (or an owner) puts before a one-word name, or
    that opens the sentence before it, whatever the tagger said: "the housing charity Shelter",
    "the drugmaker Pfizer", "his band Babyshambles", "Supermarket chain Hollins", "Indie band the
    Dayshifts"; None if there is none.
    ``untagged``: a name the tagger left untagged, which a company's other nouns call one too
    ("UK games developer Eidos", where "real estate developer Trump" is a person)."""
    if len(span) != 1 or span.start < 2:
        return None
    noun = span.doc[span.start - 1]
    after_the = _kind_before_the(span) is not None
    if after_the:  # "Indie band the Dayshifts", however the parse hangs it
        noun = span.doc[span.start - 2]
    kind = _lists()["org_nouns"].get(noun.lemma_.lower())
    if untagged and noun.lemma_.lower() in _COMPANY_DESCRIPTORS:
        kind = "organisation"
    if kind in (None, "personal") or not (noun.is_lower or noun.is_sent_start):
        return None  # not "Union" of "the Union Leader": a word of the name
    joined = (after_the or (noun.dep_ == "compound" and noun.head.i == span.start)
              or (span[0].dep_ == "appos" and span[0].head.i == noun.i)
              or (span[0].dep_ == noun.dep_ and span[0].head.i == noun.head.i)  # both the verb's subject
              or (untagged and _object_then_subject(noun, span[0])))
    if not joined:
        return None
    before = span.doc[max(0, noun.i - 3) : noun.i]
    return None if any(t.lower_ in ("a", "an") for t in before) else noun  # not "according to market
    # research firm TNS"


def _bare_performer(phrase, root) -> bool:
    """ "the singer", "The star": a performer's noun with "the" alone before it (not "the Lincoln
    actor", "the Philippine Star")."""
    return (root.is_lower and _in_list(root, "performer_nouns") and root.tag_ == "NN"
            and [t.lower_ for t in phrase if t.i < root.i] == ["the"] and phrase[-1].i == root.i)


def _which_follows(span) -> bool:
    """A name set off by a clause on "which" that says what it does, as a body's is and a person's
    is not ("who"): "Meridian Catering, which supplies meals to 900 schools"; not "the letter to
    Obama, which was first reported", where the clause is the letter's, whatever the parse says."""
    doc = span.doc
    if not (span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].lower_ == "which"):
        return False
    which, clause = doc[span.end + 1], doc[span.end + 1].head
    return (clause.dep_ == "relcl" and span.start <= clause.head.i < span.end and which.dep_ == "nsubj"
            and clause.tag_ in ("VBZ", "VBP"))


def _kind_before_the(span):
    """The common noun before "the" and a name, as in "Indie band the Dayshifts", "his group the
    Stone Roses"; not a noun of its own phrase ("told the union the Government would ...")."""
    start = span.start
    if start < 3 or span.doc[start - 1].lower_ != "the":
        return None
    noun = span.doc[start - 2]
    if not noun.is_lower or noun.pos_ != "NOUN" or noun.dep_ in ("dobj", "dative", "pobj"):
        return None
    return None if span.doc[start - 3].lower_ in ("the", "a", "an") else noun


_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "to", "outside", "across", "around"})


def _ever_a_place(tokens, word: str) -> bool:
    """Whether the text puts ``word`` after a preposition of place ("in Leeds"): a place's name,
    whatever firm is named after it."""
    return any(t.text == word and t.i > 1 and tokens[t.i - 1].lower_ in _PLACE_PREPOSITIONS
               and tokens[t.i - 2].lemma_.lower() not in _COMPANY_FIGURES  # not "Shares in Harland"
               for t in tokens)


def _after_its_kind(span) -> bool:
    """A name an organisation's common noun runs into: "insurance firm Harland Life", "the drivers'
    union Aslef", where a first name opens a firm's name as often as a person's."""
    if span.start == 0:
        return False
    noun = span.doc[span.start - 1]
    return (noun.is_lower and noun.dep_ == "compound" and span.start <= noun.head.i < span.end
            and _lists()["org_nouns"].get(noun.lemma_.lower()) == "organisation")


def _through_the(span):
    """A name of a verb and its object, "the" between capitalised words: "Save" of "Save the
    Children", "Aged" of "Help the Aged" -> the whole name."""
    doc, start, end = span.doc, span.start, span.end
    if start >= 2 and doc[start - 1].text == "the" and _capitalised(doc[start - 2].text) \
            and doc[start - 2].pos_ in ("VERB", "PROPN") and not doc[start - 2].ent_type_:
        start -= 2
    if end + 1 < len(doc) and doc[end].text == "the" and _capitalised(doc[end + 1].text) \
            and doc[end + 1].pos_ in ("PROPN", "NOUN") and not doc[end + 1].ent_type_:
        end += 2
    return doc[start:end]


def _object_then_subject(noun, name) -> bool:
    """The parse split "Shares in telecoms equipment maker Marconi fell": the noun ends a
    prepositional phrase, the name right after it starts the verb's subject."""
    return noun.dep_ in ("pobj", "dobj") and name.dep_ in _SUBJECT_DEPS and name.head.i > name.i


def _name_before_apposed_kind(tok):
    """An untagged name that an apposition right after it calls an organisation, whole with the
    words before it that it heads: "Wealth-X, a private wealth research firm"."""
    if tok.dep_ == "compound" or _kind_set_off_after(tok) is None:
        return None
    doc, first = tok.doc, tok
    while first.i > 0 and _word_of_the_name(doc[first.i - 1], tok):
        first = doc[first.i - 1]
    return doc[first.i : tok.i + 1] if _name_like(first) else None


def _one_word_called_a_body(span) -> bool:
    """A one-word name the tagger took for a person that a phrase set off after it calls a body:
    "Elspa, the trade body for UK publishers" (not "Fiorina, the company's chief")."""
    if len(span) != 1 or names.first_name(span.text) is not None:
        return False  # "Ellie, a member of the campus group": a first name is a person's
    kind = _kind_set_off_after(span[-1])
    return kind is not None and kind.dep_ != "poss" and not (
        kind.i + 1 < len(kind.doc) and kind.doc[kind.i + 1].tag_ == "POS")


def _word_of_the_name(word, head) -> bool:
    """ "Wealth" and "-" of "Wealth-X": untagged words the parse hangs on the name's last word."""
    return (word.head.i == head.i and word.dep_ in ("compound", "punct") and not word.ent_type_
            and word.text != ",")


def _kind_set_off_after(tok):
    """The organisation noun of a phrase set off right after ``tok`` ("Acme, a research firm"), by
    the words, as the parse may hang the phrase elsewhere ("..., a firm also devoted to ...")."""
    doc = tok.doc
    if tok.i + 3 >= len(doc) or doc[tok.i + 1].text != "," or doc[tok.i + 2].lower_ not in ("a", "an", "the"):
        return None
    k = tok.i + 3
    while k + 1 < len(doc) and doc[k].dep_ in ("amod", "compound", "nmod") and doc[k].head.i > k:
        k += 1
    if _lists()["org_nouns"].get(doc[k].lemma_.lower()) in (None, "personal"):
        return None
    if doc[k].dep_ in _SUBJECT_DEPS and doc[k].head.i == doc[k].sent.root.i:
        return None  # "Although the hijackers were Saudis, the government denied": the clause's subject
    return doc[k]


_WORK_NOUNS = frozenset({"film", "movie", "book", "novel", "album", "song", "single", "play", "musical",
                         "show", "series", "sitcom", "documentary", "opera", "game", "poem", "painting"})


def _a_work_named(span) -> bool:
    """Whether a name the tagger took for a person's is the title of a work a noun before it
    calls so: "British film Vera Drake", "his new album Jack Johnson"."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in _WORK_NOUNS


def _with_particles(span):
    """A PERSON span the tagger cut at a name particle, whole: "Ursula von" -> "Ursula von der Leyen"."""
    doc, end = span.doc, span.end
    while end < len(doc) and doc[end].lower_ in _NAME_PARTICLES and doc[end].text.islower():
        end += 1
    cut = span[-1].lower_ in _NAME_PARTICLES or end > span.end
    if cut and end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
        return doc[span.start : end + 1]
    return span


def _names_a_body(tok) -> bool:
    """Whether a word of a name says it is a body's: "Bureau", "Division"."""
    return _in_list(tok, "org_nouns") or tok.lower_ in _BODY_PART_NOUNS


def _person_of_organisation(span):
    """An ORG span that is a person "of" an organisation, as two spans: "Meenakshi Ganguly of
    Human Rights Watch" -> ("Meenakshi Ganguly", "Human Rights Watch"); else None."""
    of = next((t for t in span if t.lower_ == "of"), None)
    if of is None or of.i + 1 >= span.end or not span.start + 2 <= of.i <= span.start + 3:
        return None
    name = span.doc[span.start : of.i]
    if span.root.i >= of.i or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name):
        return None
    if any(_names_a_body(t) or _is_title(t) for t in name):
        return None  # "Federal Bureau of Investigation", "Secretary of State", "Ohio Division of Elections"
    return name, span.doc[of.i + 1 : span.end]


def _name_part(toks: list) -> list:
    """The part of an entity span that is the name, when the tagger ran it into a dateline or a
    headline: after a spaced dash ("CLEVELAND - Donald Trump"), before a colon ("De Blasio:
    Trust Bratton"). A hyphen inside a name ("Shanklin-Hawkins") joins."""
    colon = next((k for k, t in enumerate(toks) if t.text == ":"), None)
    if colon:
        toks = toks[:colon]
    dashes = [k for k, t in enumerate(toks) if t.text in ("-", "—", "–", "|") and
              (t.whitespace_ or (k > 0 and toks[k - 1].whitespace_))]
    if dashes and dashes[-1] + 1 < len(toks):
        toks = toks[dashes[-1] + 1 :]
    return toks


def _joins(left, mark) -> bool:
    """A slash or hyphen with no space around it, joining two names: "CNN/ORC"."""
    return mark.text in ("/", "-") and not left.whitespace_ and not mark.whitespace_


def _name_goes_on(tok):
    """The next word of an untagged name ``tok`` is in: "Consult" after "Morning", "Media" after
    "Women's"; else None."""
    doc, k = tok.doc, tok.i + 1
    if k < len(doc) and doc[k].tag_ == "POS" and tok.text[:1].isupper():
        k += 1
    return doc[k] if k < len(doc) and _name_like(doc[k]) else None


def _goes_on_to(tok, nxt) -> bool:
    """Whether the untagged name at ``tok`` goes on with ``nxt``."""
    after = _name_goes_on(tok)
    return after is not None and after.i == nxt.i


def _role_word_part(tok) -> bool:
    """A lower-case word or hyphen of a role's description: "best-selling author"."""
    return tok.text == "-" or (tok.text[:1].islower() and tok.pos_ in ("ADJ", "ADV", "VERB", "NOUN"))


_CAMEL_CASE = re.compile(r"[a-z]{1,5}[A-Z][a-z]")  # "easyJet", "eBay", "comScore": a brand's name


def _name_like(tok) -> bool:
    """A capitalised word that is no document or title word: part of a name; a document word too
    inside a name that goes on after it ("Research" of "A Pew Research Center survey")."""
    if not (_capitalised_noun(tok) and not tok.is_sent_start and not _is_title(tok)
            and tok.ent_type_ in _NAME_ENTITY_TYPES):
        return False
    if not _in_list(tok, "document_nouns"):
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.pos_ == "PROPN" and nxt is not None and nxt.pos_ == "PROPN" and _name_like(nxt)


def _capitalised_noun(tok) -> bool:
    """A capitalised proper noun, or a surname the tagger took for a common noun ("Trump"); its
    letters may be joined by an apostrophe or a hyphen ("O'Malley", "Shanklin-Hawkins")."""
    text = tok.text
    return tok.pos_ in ("PROPN", "NOUN") and _capitalised(text) and _INNER_MARKS.sub("", text).isalpha()


# nouns any organisation may be called by: "the agency" may be the State Department
_ANY_ORGANISATION = frozenset({"agency", "group", "organisation", "organization", "body", "institution"})
# Nouns for what a body does, not what it is called: "the regulator" may be an "Authority" or a
# "Commission", "the watchdog" an "Office", "the charity" a "Trust".
_WHAT_IT_DOES = frozenset({"regulator", "watchdog", "charity", "consultancy"})


def _named_as_another_kind(ent: _Ent, noun: str | None) -> bool:
    """Whether an organisation's own name ends in another organisation noun than the one a mention
    uses: "the Football Association" is no "club", "the Pensions Commission" no "company"; and a
    news outlet ("The Sun") is no "club" or "union", only a "paper" or a "network"."""
    if not noun or noun in _ANY_ORGANISATION or noun in _WHAT_IT_DOES:
        return False
    if noun not in _lists()["outlet_nouns"] and names.names_an_outlet(ent.name):
        return True
    last = ent.name.lower().rsplit(maxsplit=1)[-1] if ent.name.strip() else ""
    return last in _lists()["org_nouns"] and last != noun and last.rstrip("s") != noun


_SAME_KIND = {word: frozenset(group) - {word} for group in (  # nouns an article uses in turn for one body
    ("regulator", "watchdog"), ("lender", "bank"), ("carrier", "airline"),
    ("retailer", "chain", "supermarket"), ("carmaker", "manufacturer"), ("band", "group")) for word in group}

_COMPANY_DESCRIPTORS = frozenset({"developer"})  # a person too, but not right before an untagged name


def _type_untagged_name(speaker: _Ent) -> None:
    """A speaker named by a proper name the tagger gave no type, that an organisation noun then
    refers to ("Vodafone denied the claims. The company said"), is an organisation: it speaks, so
    it is no place."""
    words = speaker.name.split()
    if speaker.type == "other" and not speaker.named and words and all(map(_capitalised, words)) \
            and names.first_name(words[0]) is None:  # "Marta Vidal", untagged, is no company
        speaker.type, speaker.named = "organisation", True


def _unless_no_company(company: bool, ent: _Ent | None) -> _Ent | None:
    """``ent``, unless a company is meant and its name says it is a body of another kind: "the
    Consumers' Association said ... Orange denied it. The company said" is not the association."""
    return None if ent is not None and company and _named_as_no_company(ent) else ent


def _named_as_no_company(ent: _Ent) -> bool:
    """Whether an organisation's name says it is a body of another kind than a company, anywhere in
    it: "Imperial College London", "the Association of British Insurers"."""
    nouns = _lists()["org_nouns"]
    return any(w in nouns and w not in _COMPANY_NOUNS and w not in _ANY_ORGANISATION
               for w in ent.name.lower().split())


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or _CAMEL_CASE.match(word) is not None


def _a_share_of_those_asked(root) -> bool:
    """ "42%", "Some 20 percent", "a majority of voters", "One in four voters": a share of the
    people a poll asked."""
    if root.ent_type_ == "PERCENT" or root.text.endswith("%") or root.lemma_.lower() in share_nouns():
        return True
    return root.pos_ == "NUM" and any(c.dep_ == "prep" and c.lower_ == "in" for c in root.children)


def _kin_nouns(noun: str):
    """The document nouns that may name the same document as ``noun``: a poll may be called a
    survey or a study, an ad a spot or a clip, a report an assessment or a review, figures
    statistics or data; any other document only by its own noun."""
    kins = (_lists()["poll_nouns"], _lists()["broadcast_nouns"], _lists()["report_nouns"], _SUIT_NOUNS,
            _FIGURE_NOUNS)
    return next((kin for kin in kins if noun in kin), {noun})


def _lodged_with(prep, root) -> bool:
    """Whether the "with" ``prep`` names the body a filing is lodged with, which speaks for it as
    for "Federal Election Commission filings": "filings with the FEC", "a report lodged with the
    FEC"; not "a report with the figures"."""
    head = prep.head
    return (head.i == root.i and head.lemma_.lower() == "filing") or (
        head.dep_ == "acl" and head.head.i == root.i and head.lemma_.lower() in _FILING_VERBS)


def _published_in(prep, root) -> bool:
    """Whether the "in" ``prep`` names where the document ``root`` appeared: "an article in
    Politico" (whatever the tagger takes it for), "an op-ed published in the Post"; not where it
    was filed ("a suit filed in Genesee County Circuit Court", "in court in Cleveland")."""
    head = prep.head
    return head.i == root.i or (head.dep_ == "acl" and head.head.i == root.i
                                and head.lemma_.lower() in _VENUE_VERBS)


def _document_a_verb_makes(verb) -> str | None:
    """The document noun a verb's subject makes by doing it: an email by emailing, a lawsuit by suing."""
    lemma = verb.lemma_.lower()
    return lemma if lemma in _MESSAGING_VERBS else "lawsuit" if lemma in _SUING_VERBS else None


def _documents_of(root):
    """The plural document noun a noun counts out ("a batch of emails", "the pair of
    editorials"), or None."""
    if root.pos_ != "NOUN":
        return None
    for prep in root.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.tag_ == "NNS" and _in_list(obj, "document_nouns"):
                return obj
    return None


_PLACE_WORDS = frozenset({"nation", "country", "world", "state", "city", "region", "continent"})


def _ranked_in_a_place(root) -> bool:
    """ "the nation's largest gun group", "the world's biggest miner", "the UK's biggest mortgage
    lender": a superlative in a place describes which organisation, already named, the noun is;
    the place owns nothing."""
    return any(c.dep_ == "poss" and (c.lemma_.lower() in _PLACE_WORDS or c.ent_type_ == "GPE")
               for c in root.children) \
        and any(c.tag_ == "JJS" or c.lower_ in ("leading", "top") for c in root.children)


def _members_kind(root) -> bool:
    """An organisation noun whose possessor is the plural common noun of its members: "the
    employers' group", "the doctors' union", "the farmers' union"."""
    poss = next((c for c in root.children if c.dep_ == "poss"), None)
    return poss is not None and poss.tag_ == "NNS" and poss.is_lower and poss.ent_type_ == ""


def _capitals_name_whole(span):
    """A name written in capitals that the tagger cut after a place: "USA" + "TODAY", an
    organisation."""
    doc, end = span.doc, span.end
    if span.label_ not in ("GPE", "ORG") or not span.text.isupper() or end >= len(doc):
        return span
    nxt = doc[end]
    if len(nxt.text) >= 3 and nxt.text.isalpha() and nxt.text.isupper() and nxt.ent_type_ in ("", "DATE"):
        return SpacySpan(doc, span.start, end + 1, label="ORG")
    return span


def _party_named_whole(span):
    """A party's name the tagger cut after its capitalised adjective and took for a people:
    "Liberal" + "Democrats", "Social" + "Democrats", an organisation."""
    doc, start = span.doc, span.start
    if span.label_ != "NORP" or len(span) != 1 or span[0].tag_ != "NNPS" or start == 0:
        return span
    before = doc[start - 1]
    if before.pos_ != "ADJ" or not before.is_title or before.ent_type_ or before.is_sent_start \
            or before.head.i != start:
        return span
    return SpacySpan(doc, start - 1, span.end, label="ORG")


_NOT_BODY_LABELS = frozenset({"EVENT", "WORK_OF_ART", "PRODUCT", "FAC", "LAW"})


def _body_so_called(span):
    """A name an organisation's noun introduces, an organisation whatever else the tagger took it
    for: "trade magazine Screen Week" (an event), "campaign group Clean Air Now" (a work)."""
    if span.label_ not in _NOT_BODY_LABELS or span.start == 0:
        return span
    noun = span.doc[span.start - 1]
    kind = _lists()["org_nouns"].get(noun.lemma_.lower())
    if kind in (None, "personal") or not noun.is_lower:
        return span
    return SpacySpan(span.doc, span.start, span.end, label="ORG")


def _party_name_rank(name: str, party: str) -> tuple[bool, int]:
    return name == party, len(name)


def _parties_whole(ents: list) -> list:
    """A party's name as one organisation, however the tagger cut or mislabelled it: "Lib Dem" (taken
    for a person), "Liberal" + "Democrat" (an organisation and a people). One tagged a people stays
    one: "Conservatives" may be people who think so."""
    out: list = []
    for span in ents:
        last = out[-1] if out else None
        if last is not None and last.end == span.start and names.party_of(f"{last.text} {span.text}"):
            out[-1] = SpacySpan(span.doc, last.start, span.end, label="ORG")
        elif names.party_of(span.text) and span.label_ not in ("ORG", "NORP"):  # "Conservatives": people too
            out.append(SpacySpan(span.doc, span.start, span.end, label="ORG"))
        else:
            out.append(span)
    return out


def _rejoined(ents: list) -> list:
    """Names the tagger cut in two: one ending in "of" ("the City of" + "Edinburgh Council") or a
    slash ("Washington Post/" + "ABC News", joint pollsters, named as one), or an
    organisation's name before its last word, an organisation noun tagged apart ("The National
    Infrastructure Security Co-ordination" + "Centre"), or "UK" right after an organisation's
    name, as British bodies are called ("Mast Action" + "UK"), or two organisations' names with
    the capitalised words between them all hung on the second ("Senate" + "Progress" + "PAC"): one
    organisation."""
    out: list = []
    for span in ents:
        last = out[-1] if out else None
        if last is not None and (_one_name_across(last, span) or (last.end == span.start and (
                last[-1].lower_ in ("of", "for", "and", "&", "/")
                or (last.label_ == "ORG" and len(span) == 1 and _in_list(span[0], "org_nouns"))
                or (last.label_ == "ORG" and span.text == "UK")))):
            out[-1] = SpacySpan(span.doc, last.start, span.end, label="ORG")
        else:
            out.append(span)
    return out


def _one_name_across(first, second) -> bool:
    """Whether two names tagged organisations, with one or two untagged capitalised words between
    them, are one name: each word before the second hung on it ("Senate Progress PAC")."""
    gap = first.doc[first.end : second.start]
    if first.label_ != "ORG" or second.label_ != "ORG" or not 0 < len(gap) <= 2:
        return False
    if any(t.ent_type_ or t.pos_ != "PROPN" or not t.text[:1].isupper() or _names_a_person(t) for t in gap):
        return False  # not "Acme" + "CEO" + "Dana Quarrie", a person the tagger called an organisation
    if names.first_name(second[0].text) is not None:
        return False
    inside = range(first.start, second.end)
    return all(t.head.i in inside and t.head.i > t.i for t in first.doc[first.start : second.start])


def _with_for_names(doc, ents: list) -> list:
    """Names of the form "Americans for Prosperity", "Airlines for America", "CARLY for America",
    "Brennan Center for Justice", "Campaign for Digital Rights" that the tagger cut at "for" or
    missed: a capitalised plural, a word in capitals or an organisation's noun whose "for" the
    parse hangs on it, and the proper nouns after "for", one organisation; so also names with a
    capitalised infinitive ("Campaign to Protect Rural England", "Committee to Protect Journalists")."""
    joined = []
    starts = {k.end - 1: k.start for k in ents if k.label_ == "ORG"}  # "Brennan Center" of "... for Justice"
    for tok in doc:
        if not _for_name_head(tok) or tok.i + 2 >= len(doc):
            continue
        if doc[tok.i + 1].lower_ == "for" and doc[tok.i + 1].head.i == tok.i:
            first = end = tok.i + 3 if doc[tok.i + 2].lower_ == "the" else tok.i + 2  # "for the Protection"
        elif _names_purpose(doc[tok.i + 1], tok):
            after = doc[tok.i + 3 : tok.i + 4].text.lower()  # "to Stop the War"; nothing at the text's end
            first = end = tok.i + 4 if after == "the" else tok.i + 3
        else:
            continue
        while end < len(doc) and (_for_name_word(doc[end]) or (
                end > first and doc[end].lower_ in ("of", "and") and end + 1 < len(doc)
                and _for_name_word(doc[end + 1]) and doc[end + 1].ent_iob_ != "B")):  # not "... and Y Inc"
            end += 1
        if end > first and (end == len(doc) or doc[end].ent_iob_ != "I"):
            joined.append(SpacySpan(doc, starts.get(tok.i, tok.i), end, label="ORG"))
    joined = [s for s in joined if all(s.start >= k.end or s.end <= k.start or k.label_ in ("NORP", "GPE")
                                       or k.label_ == "ORG" and s.start <= k.start and k.end <= s.end
                                       for k in ents)]  # over a people or a place only
    if not joined:
        return ents
    taken = {i for span in joined for i in range(span.start, span.end)}
    kept = [s for s in ents if taken.isdisjoint(range(s.start, s.end))]
    return sorted(kept + joined, key=lambda s: s.start)


def _names_purpose(to, head) -> bool:
    """ "to" and a capitalised verb that the parse hangs on the name's noun: "Campaign to Protect"."""
    verb = to.doc[to.i + 1]
    return to.lower_ == "to" and verb.tag_ == "VB" and verb.is_title and verb.head.i == head.i


def _for_name_word(tok) -> bool:
    return tok.pos_ == "PROPN" and (tok.is_title or tok.is_upper)


def _for_name_head(tok) -> bool:
    """The word before the "for" of a "... for ..." name: "Americans", "Airlines", "CARLY", a people
    tagged alone, or no name at all; or a capitalised organisation noun, the last of a name the
    tagger cut there or of none ("Brennan Center", "Campaign")."""
    if tok.is_title and not tok.is_sent_start and tok.lemma_.lower() in _lists()["org_nouns"] \
            and tok.ent_type_ in ("", "ORG", "WORK_OF_ART"):
        return True
    if tok.ent_type_ and not (tok.ent_type_ == "NORP" and tok.ent_iob_ == "B"
                              and (tok.i + 1 == len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I")):
        return False
    plural = tok.tag_ in ("NNS", "NNPS") and tok.is_title
    return plural or (tok.is_upper and len(tok) > 2 and tok.is_alpha)


def _name_run_on(span):
    """An organisation's name the tagger cut before its last capitalised words, which the parse
    hangs it on: "the Office of the Deputy" + "Prime Minister"; also a place or people the tagger
    took for the whole ("UK" + "Sport", "British" + "Beer and Pub Association"), not a title
    ("US" + "President")."""
    doc, end = span.doc, span.end
    joined = _body_joined_by_and(span)
    if joined is not None:
        return joined
    if span.label_ not in ("ORG", "GPE", "NORP"):
        return span
    while end < len(doc):
        if _untagged_title_word(doc[end]):
            end += 1
        elif span.label_ != "ORG" and doc[end].lower_ in ("and", "&") and end > span.end \
                and end + 1 < len(doc) and _untagged_title_word(doc[end + 1]):
            end += 2  # "Beer and Pub Association"
        else:
            break
    if end == span.end or span[-1].head.i not in range(span.end, end):
        return span
    if _is_role_word(doc[end - 1]) and end < len(doc) and doc[end].ent_type_ == "PERSON":
        return span  # "Homeland Security" + "Secretary Jeh Johnson": the title of the name after it
    if span.label_ != "ORG" and (any(_names_a_person(t) for t in doc[span.end : end])
                                 or span[-1].tag_ == "NNPS" or span.start <= doc[end - 1].head.i < end):
        return span  # "British" + "Prime Minister", a title; "Republicans" + "Jolly", people; the name
        # runs to the phrase's head
    return SpacySpan(doc, span.start, _for_whom(doc, end), label="ORG")


def _before_line_break(span):
    """A name the tagger ran across a line break, cut at it: "Brightwell" of a headline ending
    "..., says Brightwell" and the body opening "UK house prices fell"; None if nothing comes before."""
    brk = next((t.i for t in span if t.is_space and "\n" in t.text), None)
    if brk is None:
        return span
    return SpacySpan(span.doc, span.start, brk, label=span.label_) if brk > span.start else None


def _where_a_person_is_from(span) -> bool:
    """A place named as where someone comes from, though it reads as a first name and a surname:
    "a student from Rocky Mount", "Dana Kerr of Rocky Mount"."""
    prep = span.root.head
    if span.label_ not in ("GPE", "LOC") or span.root.dep_ != "pobj" or prep.lower_ not in ("from", "of"):
        return False
    noun = prep.head
    return noun.ent_type_ == "PERSON" or noun.dep_ == "appos" or _in_list(noun, "person_nouns")


_PROSE_END = re.compile(r"""[.!?]["”’')]*\s*$""")
LEAD_MIN_WORDS = 8


def _lead_start(text: str, para_starts: list[int], headline_end: int) -> int:
    """Where the story's lead begins: its first paragraph after the headline that reads as prose,
    past a byline, a dateline or a page's leftovers ("By Tom Halden", "Last Updated: Monday,
    7 March 2005", "Share this article")."""
    body = [s for s in para_starts if s >= headline_end]
    for start, end in zip(body, body[1:] + [len(text)], strict=True):
        para = text[start:end].strip()
        if len(para.split()) >= LEAD_MIN_WORDS and _PROSE_END.search(para) and not para.startswith("By "):
            return start
    return body[0] if body else len(text)


def _ends_in_a_rank(span) -> bool:
    """A service and an abbreviated rank the tagger took for a name: "Navy Capt" of "Navy Capt.
    Luis Escobedo"; the name is the one after the rank's full stop."""
    last = span[-1]
    return span.end < len(span.doc) and _title_stop(span.doc[span.end]) and _is_title(last)


def _before_an_amount(span):
    """A name the tagger ran into the sum after it, cut there: "Carrow" of "give Carrow $7 million"."""
    cut = next((t.i for t in span[1:] if t.is_currency), None)
    if cut is None or span.label_ == "MONEY":
        return span
    return SpacySpan(span.doc, span.start, cut, label=span.label_)


def _body_joined_by_and(span):
    """A body named for two places, the tagger's name cut at the first: "Mercia" of "Mercia and
    Isle of Ely Strategic Health Authority" (the rest untagged, ending in an organisation noun)."""
    doc = span.doc
    if span.label_ not in ("PERSON", "GPE", "ORG") or span.end + 2 >= len(doc) \
            or doc[span.end].lower_ != "and":
        return None
    end = span.end + 1
    while end < len(doc) and (_untagged_title_word(doc[end]) or (
            doc[end].lower_ == "of" and end + 1 < len(doc) and _untagged_title_word(doc[end + 1]))):
        end += 1
    last = doc[end - 1]
    if end - span.end < 3 or _lists()["org_nouns"].get(last.lemma_.lower()) != "organisation" \
            or not last.text[:1].isupper():
        return None
    return SpacySpan(doc, span.start, end, label="ORG")


def _for_whom(doc, end: int) -> int:
    """The end of a name run on to a title that goes on with "for" and whom it serves, untagged:
    "UN" + "High Commissioner" + "for Refugees"."""
    if end + 1 < len(doc) and doc[end].lower_ == "for" and doc[end].head.i == end - 1:
        k = end + 1
        while k < len(doc) and _untagged_title_word(doc[k]):
            k += 1
        return k if k > end + 1 else end
    return end


def _untagged_title_word(tok) -> bool:
    """A capitalised proper noun outside any entity: a word a cut name may go on with."""
    return tok.pos_ == "PROPN" and tok.is_title and not tok.ent_type_


def _without_described_kind(span):
    """A name the tagger ran together with the kind of organisation it is, without it:
    "Regulator Ofcom" (tagged a person), "Chipmaker Intel" -> "Ofcom", "Intel", organisations."""
    k = span.start
    if span.label_ not in ("PERSON", "ORG") or not span.doc[k].is_sent_start:
        return span
    doc = span.doc
    j = k
    while j + 1 < span.end and j - k < 2 and not _names_its_kind(doc[j]) and doc[j + 1].is_lower:
        j += 1  # "Budget airline Ryanair": the words before the kind
    if j + 1 < span.end and _names_its_kind(doc[j]) and doc[j + 1].pos_ == "PROPN":
        return SpacySpan(doc, j + 1, span.end, label="ORG")
    return span


def _without_described_person(span):
    """A person's name the tagger ran together with the noun for what they are and took for an
    organisation's: "Hurdler Ann Lake", "Striker Tom Weller" -> "Ann Lake", a person."""
    doc, k = span.doc, span.start
    if span.label_ != "ORG" or len(span) < 3 or not doc[k].is_title:
        return span
    described = _described_before_name(list(span)) or _is_title(doc[k])
    if not described or names.first_name(doc[k + 1].text) is None:
        return span
    return SpacySpan(doc, k + 1, span.end, label="PERSON")


def _kind_before_name(tok) -> bool:
    """A sentence's first word that says what kind of organisation the name after it is:
    "Regulator" of "Regulator Ofcom said", "Rival" of "Rival Sony", not "State" of "State
    Department officials said"."""
    return tok.is_sent_start and _names_its_kind(tok)


def _names_its_kind(tok) -> bool:
    """An organisation noun, or "Rival"/"Fellow" opening the sentence, before a name that is no
    organisation noun itself."""
    doc = tok.doc
    kind = _in_list(tok, "org_nouns") or (tok.is_sent_start and tok.lower_ in _RIVAL_WORDS)
    return kind and tok.i + 1 < len(doc) and not _in_list(doc[tok.i + 1], "org_nouns")


def _suffix_stop(toks: list) -> bool:
    """The full stop of a name's "Sr."/"Jr." that the tokenizer split off: part of the name."""
    return len(toks) >= 2 and toks[-1].text == "." and not toks[-2].whitespace_ \
        and names.honorifics().get(toks[-2].lower_ + ".") == "suffix"


def _hyphen_joined(toks: list) -> list[str]:
    """The words of a name whose hyphens the tokenizer split off: "Sven", "-", "Goran", "Eriksson"
    -> "Sven-Goran", "Eriksson"."""
    words: list[str] = []
    for k, t in enumerate(toks):
        joined = k > 0 and (t.text == "-" and not toks[k - 1].whitespace_ or toks[k - 1].text == "-")
        if joined and words and not toks[k - 1].whitespace_:
            words[-1] += t.text
        else:
            words.append(t.text)
    return words


def _described_before_name(toks) -> bool:
    """Whether a name's first word is a noun that only says what the person is ("Frontman Bono",
    "Singer Chris Martin"), not a first name such as "Guy"."""
    first = toks[0]
    position = _lists()["epithet_nouns"].get(first.lower_) == first.lower_  # "Spinner", not "American"
    return (len(toks) > 1 and (_in_list(first, "person_nouns") or position)
            and first.lower_ not in _lists()["first_names"])


def _nationality(word: str) -> bool:
    """Whether an epithet noun names a nationality ("scot", "frenchman"), not a position ("striker")."""
    ties = _lists()["epithet_nouns"].get(word)
    return ties is not None and ties != word


def _wider_nations(epithet: str) -> list[str]:
    out = []
    while (epithet := _lists()["wider_nations"].get(epithet)) is not None:
        out.append(epithet)
    return out


def _same_nation(one: str, other: str) -> bool:
    """Whether two nationality epithets may name one person: the same, or one part of the other
    ("the Yorkshireman" of "England captain Michael Vaughan", "the Briton" of "the Scot")."""
    return one == other or one in _wider_nations(other) or other in _wider_nations(one)


@lru_cache(maxsize=1)
def _epithets_by_tie() -> dict[str, frozenset[str]]:
    """Each word that ties a person to a nation ("spain", "spanish") with its nationality epithets."""
    by_tie: dict[str, set[str]] = {}
    for word, ties in _lists()["epithet_nouns"].items():
        if _nationality(word):
            for tie in ties.split(","):
                by_tie.setdefault(tie, set()).add(word)
    return {tie: frozenset(words) for tie, words in by_tie.items()}


def _called_another_nationality(ent, epithet: str | None) -> bool:
    """For a nationality epithet, whether the text already called the person by another
    nationality: "the German" is not "the Scot"."""
    if epithet is None or not _nationality(epithet):
        return False
    called = {_nationality_called(alias) for alias in ent.aliases}
    return any(word and _nationality(word) and not _same_nation(word, epithet) for word in called)


_RANKED_ALIAS = re.compile(r"(\w+) number \w+$")


def _nationality_called(alias: str) -> str | None:
    """The epithet word a mention called a person by: "the Scot" -> "scot", "the British number
    one" -> "briton"."""
    words = alias.lower().split()
    if not words:
        return None
    ranked = _RANKED_ALIAS.search(alias.lower())
    return _epithet_of_tie(ranked.group(1)) if ranked else words[-1]


def _epithet_of_tie(word: str) -> str | None:
    """One nationality epithet of a word that ties a person to a nation: "british" -> "briton"."""
    epithets = _epithets_by_tie().get(word)
    return min(epithets) if epithets else None


def _names_a_people(tok) -> bool:
    """A nationality whose plural is its singular: "the Portuguese" may be a nation, not a person."""
    return tok.lower_.endswith("ese") or tok.lower_ == "swiss"


def _set_off_as_person(span) -> bool:
    """A two- or three-word name set off beside a title or person noun, whatever the tagger's
    label: "Opec's president, Purnomo Yusgiantoro," is a person, not an organisation."""
    toks = [t for t in span if not t.is_punct]
    if not _two_or_three_proper_words(toks) or _in_list(toks[-1], "org_nouns") \
            or toks[-1].lower_ in _lists()["outlet_name_words"]:
        return False
    root = span.root
    beside = [root.head] if root.dep_ == "appos" else []
    beside += [c for c in root.children if c.dep_ == "appos"]
    return any(t.pos_ == "NOUN" and _names_a_person(t) and not _in_list(t, "org_nouns") for t in beside)


def _two_or_three_proper_words(toks) -> bool:
    return 2 <= len(toks) <= 3 and all(t.pos_ == "PROPN" and _capitalised(t.text) for t in toks)


def _has_kin(span) -> bool:
    """A two- or three-word name that a relative clause gives a relative: "Des Harley, whose
    daughter died at the barracks," is a person, whatever the tagger's label."""
    if not _two_or_three_proper_words([t for t in span if not t.is_punct]):
        return False
    return any(c.dep_ == "relcl" and any(w.lower_ == "whose" and w.head.lemma_.lower() in _KIN_NOUNS
                                         for w in c.subtree) for c in span.root.children)


_KIN_NOUNS = frozenset({"wife", "husband", "son", "daughter", "father", "mother", "brother", "sister",
                        "child", "children", "parent", "grandson", "granddaughter", "partner", "widow"})


_RANKED = "number"  # the epithet of "the world number one": a player of no one nation


def _ranked_player_epithet(root) -> str | None:
    """For "the British number one", "the world number two" (a player by their ranking), the
    nationality epithet its modifier ties to ("briton"), else ``_RANKED``; None for other words."""
    if root.lower_ != "number" or not any(c.dep_ == "nummod" and c.i > root.i for c in root.children):
        return None
    modifiers = [c for c in root.children if c.dep_ in ("amod", "compound", "nmod") and c.i < root.i]
    return (_epithet_of_tie(modifiers[0].lower_) if len(modifiers) == 1 else None) or _RANKED


def _age_nominal(tok) -> bool:
    """The head of "the 27-year-old", a person known by their age."""
    doc = tok.doc
    return tok.lower_ == "old" and tok.i >= 2 and doc[tok.i - 1].text == "-" \
        and doc[tok.i - 2].lower_ == "year"


def _age_word(root):
    """The "old" of "the 27-year-old" or of "the 28-year-old actor": a person known by their age
    (and kind); None for other words."""
    if _age_nominal(root):
        return root
    if root.tag_ != "NN" or not root.is_lower:
        return None
    return next((c for c in root.lefts if c.dep_ == "amod" and _age_nominal(c)), None)


def _modifies_outside(root, span) -> bool:
    """The mention's word only qualifies a noun after it ("Republican claims"), the cue itself."""
    return root.dep_ in ("amod", "compound", "nmod") and not span.start <= root.head.i < span.end


def _bare_singular(phrase, root) -> bool:
    """A singular noun with no determiner, as headlines write: "according to poll"."""
    return root.tag_ == "NN" and len(phrase) == 1 \
        and not any(c.dep_ in ("det", "poss") for c in root.children)


def _definite_singular(phrase, root) -> bool:
    """"the poll", "this report": not "polls", "a report"."""
    return root.tag_ not in ("NNS", "NNPS") and any(
        t.lower_ in ("the", "this", "that") for t in phrase if t.i < root.i)


def _definite_plural(phrase, root) -> bool:
    """"the figures", "these reports": a plural document noun pointing back."""
    return root.tag_ == "NNS" and any(t.lower_ in ("the", "these", "those") for t in phrase if t.i < root.i)


def _after_honorific(span) -> bool:
    """A short capitalised name right after an honorific ("Mr", "Lady", "Baroness"): a person,
    whatever the tagger's label ("Baroness Scotland", "Lord Chancellor" has a title instead)."""
    if span.start == 0 or not 1 <= len(span) <= 3:
        return False
    before = span.doc[span.start - 1]
    kind = _lists()["honorifics"].get(before.lower_)
    return (kind in ("he", "she") and before.text[:1].isupper()
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() and not _is_title(t) for t in span))


def _the_proper_name(phrase, root) -> bool:
    """"The RSPCA", "the Kremlin": "the" and capitalised singular proper nouns, an organisation's
    name (people are not called "the Smith")."""
    before = [t for t in phrase if t.i < root.i]
    return (root.tag_ == "NNP" and _untagged_proper(root) and bool(before) and before[0].lower_ == "the"
            and all(_untagged_proper(t) for t in before[1:]) and not _is_title(root))


def _titled_name(span) -> bool:
    """A title or honorific and a capitalised name: "Mr Brown", "Lord Falconer"."""
    toks = [t for t in span if not t.is_punct]
    return (2 <= len(toks) <= 4 and (_is_title(toks[0]) or toks[0].lower_ in _lists()["honorifics"])
            and all(t.text[:1].isupper() for t in toks[1:]))


_PERSON_ONLY_MODIFIERS = frozenset({"veteran", "retired", "legendary", "celebrated"})


def _a_person_by_modifier(tok) -> bool:
    """An organisation noun that a word only said of people makes a person's: "the veteran
    broadcaster" (not "the broadcaster", the BBC)."""
    return tok.tag_ == "NN" and any(c.dep_ in ("amod", "compound") and c.lower_ in _PERSON_ONLY_MODIFIERS
                                    for c in tok.children)


def _digit_name(tok) -> bool:
    """A proper noun with a digit in it ("O2", "3i"): a company's or a channel's name, never a person's."""
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and any(c.isdigit() for c in tok.text)


def _capitalised_common_noun(tok) -> bool:
    """A capitalised word inside a sentence the tagger took for a common noun, untagged: "Oasis"
    of "Rock band Oasis have denied ..."."""
    text = tok.text  # read first: most words fail here, before the slower tag and entity attributes
    return (text[:1].isupper() and text.isalpha() and tok.pos_ == "NOUN" and not tok.is_sent_start
            and not tok.ent_type_)


def _apposed_a_person(tok) -> bool:
    """Whether a name ending in ``tok`` is set beside a noun for one person: "Kendal Farrow, the
    Colorado delegate who led the effort", a first name the lists do not know."""
    return any(c.dep_ == "appos" and _names_a_person(c)
               and any(d.lower_ in ("a", "an", "the") for d in c.children) for c in tok.children)


def _untagged_proper(tok) -> bool:
    """A name the tagger left untagged: a capitalised proper noun, or a brand written "easyJet"."""
    text = tok.text  # read once: a token's attributes are slow to reach, and this runs on every token
    if text.islower() or not text.isalpha() or tok.ent_type_:
        return False
    return tok.pos_ == "PROPN" if text[0].isupper() else _CAMEL_CASE.match(text) is not None


def _suffix(words: list[str]) -> str | None:
    """A name's generational suffix ("jr", "iii"), or None."""
    kept = names.without_suffixes(words)
    return words[-1].rstrip(".,") if len(kept) < len(words) else None


def _surname_owner(same: list[_Ent], gender: str | None) -> _Ent:
    """Whom a surname alone names among people who share it: the first given it, of the
    honorific's gender where there is one ("Mrs. Clinton")."""
    if gender:
        fits = [e for e in same if e.gender in (None, gender)]
        if fits:
            return fits[0]
    return same[0]


def _with_local_number(span):
    """A union local's name with the number the tagger left out: "Hotel Workers Union Local 226"."""
    doc = span.doc
    if span[-1].text != "Local" or span.end >= len(doc) or not doc[span.end].text.isdigit():
        return span
    return SpacySpan(doc, span.start, span.end + 1, label=span.label_)


def _before_bracket(span):
    """A name the tagger ran into the bracket after it, cut there."""
    cut = next((t.i for t in span if t.text == "(" and t.i > span.start), None)
    return span if cut is None else span.doc[span.start : cut]


def _spelled_out_before(span):
    """For an acronym in brackets, the name it abbreviates right before them ("The Campaign to
    Protect Rural England (CPRE)"), whatever the tagger made of that name; else None."""
    doc = span.doc
    if len(span) != 1 or span.start < 2 or doc[span.start - 1].text != "(" or span.end >= len(doc) \
            or doc[span.end].text != ")":
        return None
    end = span.start - 1
    for k in range(end - 1, max(end - _MAX_SPELLED_WORDS, 0) - 1, -1):
        capital = doc[k].text[:1].isupper()
        if not capital and doc[k].lower_ not in _SPELLED_JOINERS:
            return None
        if capital and _is_acronym(span.text, names.bare(doc[k:end].text)):
            return doc[k:end]
    return None


_MAX_SPELLED_WORDS = 10
_SPELLED_JOINERS = _NAME_JOINERS | {"to", "on", "in", "at"}  # "Campaign to Protect Rural England"


def _is_capitals(word: str) -> bool:
    """A short form in capitals: "SVP", "U.N.", "T&G"."""
    letters = word.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()


def _is_acronym(short: str, long: str) -> bool:
    """"FBI" of "Federal Bureau of Investigation"; one written as a word ("Nato", "Elspa") only
    of a name of three capitalised words or more."""
    initials = "".join(w[0] for w in long.split() if w[:1].isupper())
    if _is_capitals(short):
        return len(long.split()) >= 2 and initials == short.replace(".", "")
    return _is_word_acronym(short) and len(initials) >= 3 and initials == short.upper()


def _is_word_acronym(word: str) -> bool:
    """A short form written as a word: "Nato", "Uefa", "Elspa"."""
    return 3 <= len(word) <= 6 and word.isalpha() and word[0].isupper() and word[1:].islower()


def _part_of_any(span, wholes) -> bool:
    return any(w.start <= span.start and span.end <= w.end and len(span) < len(w) for w in wholes)


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
        if _is_title(t):  # "Major General", whatever the tagger made of it
            start -= 1
            continue
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


def _title_stop(tok) -> bool:
    """The full stop of a title the tokenizer split off ("Capt" "."), not one that ends a sentence."""
    prev = tok.doc[tok.i - 1] if tok.i else None
    return (tok.text == "." and prev is not None and not prev.whitespace_
            and prev.lower_ + "." in _lists()["titles"])


def _single_token_ent(t) -> bool:
    doc = t.doc
    return t.ent_iob_ == "B" and (t.i + 1 >= len(doc) or doc[t.i + 1].ent_iob_ != "I")


def _has_ent_before(toks, k: int) -> bool:
    return any(t.ent_type_ in ("GPE", "NORP", "ORG") for t in toks[:k] if t.ent_iob_ != "O")


def _may_speak(noun) -> bool:
    """Whether a common noun may name a speaker: a person's, an organisation's or a document's."""
    return _names_a_person(noun) or _in_list(noun, "org_nouns") or _in_list(noun, "document_nouns") \
        or _in_list(noun, "group_nouns")


def _poll_of(tok):
    """The noun a "for" of a poll hangs on, through what says how it was done or whom it asked: the
    survey of "a survey carried out for X", "a survey of 1,000 adults for X", "a survey of 1,000
    adults carried out for X"; else ``tok``."""
    for _ in range(3):
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(c.dep_ == "agent" for c in tok.children):
            tok = tok.head  # but "a poll conducted for X by Y" is Y's
        elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.dep_ == "prep":
            tok = tok.head.head
        else:
            break
    return tok


def _locates_a_body_noun(tok) -> bool:
    """A name that only says where an organisation noun is: "London" of "the agency in London"."""
    prep = tok.head
    return (tok.ent_type_ in ("GPE", "LOC") and tok.dep_ == "pobj" and prep.lower_ in ("in", "at")
            and prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in _lists()["org_nouns"])


def _based_in(tok) -> bool:
    """A place that only says where something is: "Qatar" of "the Qatar-based broadcaster"."""
    after = _word_hyphened_after(tok)
    return after is not None and after.lower_ == "based"


def _hyphened_to_a_participle(tok) -> bool:
    """A name that only says how something is described: "Mercury" of "the Mercury-nominated
    group", "Oscar" of "the Oscar-winning director"; not a place something is based in, which
    says where it is from (`_based_in`)."""
    after = _word_hyphened_after(tok)
    return after is not None and after.tag_ in ("VBN", "VBG") and after.lower_ != "based"


def _word_hyphened_after(tok):
    """The word a hyphen joins after the name at ``tok`` ("based" of "Qatar-based"), if any."""
    doc, k = tok.doc, tok.i
    while k + 1 < len(doc) and doc[k + 1].ent_iob_ == "I":
        k += 1
    return doc[k + 2] if k + 2 < len(doc) and doc[k + 1].text == "-" else None


def _organisation_in(toks, skip: set[int], nearest_last: bool = True) -> str | None:
    """The organisation, country or nationality named among ``toks`` (not in ``skip``): the last
    one before a role ("U.S. State Department spokesman"), the first after it ("director of X")."""
    groups: list[list] = []
    for t in toks:
        if t.i in skip or t.ent_type_ not in ("GPE", "NORP", "ORG") or _based_in(t) \
                or t.lower_.rstrip(".") in _lists()["honorifics"]:
            continue  # "Ms" of "Ms Owers", tagged an organisation
        if groups and t.ent_iob_ == "I" and groups[-1][-1].i == t.i - 1:
            groups[-1].append(t)
        else:
            groups.append([t])
    if not groups:
        return None
    g = groups[-1] if nearest_last else groups[0]
    return names.bare(_words_text(g[0], g[-1])) or None


_QUESTION_MARK = re.compile(r"\s*Q(?:\s*[:.\-–—]\s|(?=[A-Z][a-z]))")  # "Q: ...", "Q. ...", "QThere's ..."
_ANSWER_MARK = re.compile(r"\s*A\s*[:.\-–—]\s")


def _interview_turn(paragraph: str) -> str | None:
    if _QUESTION_MARK.match(paragraph):
        return "Q"
    return "A" if _ANSWER_MARK.match(paragraph) else None


# --- entry point -----------------------------------------------------------------------------------


def resolve(doc, statements: list[Statement], ranker: Ranker | None = None,
            trace: list | None = None, text: str | None = None) -> tuple[list[Statement], list[Entity]]:
    """Fill ``speaker.name``/``entity``/``role``/``organisation``; return the statements and entities.
    ``ranker`` and ``trace`` (a list that collects every ranked mention) are for training; ``text``
    is ``doc.text`` when the caller has it."""
    contents = [(st.content.start, st.content.end) for st in statements]
    art = _Article(doc, ranker, trace, contents, text)
    found: dict[int, tuple[_Found, str | None]] = {}
    quoted_first_person: list[tuple[int, int]] = []
    same_mention: dict[tuple[int, int], _Found] = {}
    previous = None  # the last statement's index and speaker mention
    for i, span in _in_text_order(art, statements):
        if i is None:  # a subject "he"/"she" of no statement: followed for salience
            ent = art.resolve_pronoun(span.start_char, _lists()["pronouns"][span[0].lower_], None)
            if ent is not None:
                art.add_mention(ent, span.start_char, _RANK_SUBJECT, span.root)
            continue
        mention = statements[i].speaker.mention  # type: ignore[union-attr]
        if len(span) == 1 and span[0].lower_ in _FIRST_PERSON:
            quote = _enclosing_statement(statements, i, mention.start)
            if quote is not None:
                quoted_first_person.append((i, quote))  # the quote's speaker, known after this pass
                continue
            interviewee = art.interviewee(span.start_char, span[0].lower_)
            if interviewee is not None:  # "A: I think ..." in a Q&A: the one interviewed
                found[i] = (_Found(interviewee), None)
                continue
            if _lists()["pronouns"][span[0].lower_] == "person":
                writer = art.writer_of(span.start_char)
                if writer is not None:  # "I" outside any quote: the writer, when the text names them
                    found[i] = (_Found(writer), None)
                continue
        if len(span) == 1 and span[0].lower_ == "it":
            # "The assessment said the GRU stole emails from the DNC. It said ...": the body that spoke
            # last, else "... launched a radio ad titled 'Scam.' It slams ...": the ad's maker
            maker = art.named_speaker_just_before(span.start_char, "organisation") \
                or art.maker_of_document_before(span.start_char)
            if maker is not None:
                found[i] = (_Found(maker), None)
                continue
        if len(span) == 1 and span[0].text in ("Q", "A") and art.text.startswith(":", span.end_char):
            if span[0].text == "A" and (interviewee := art.interviewee_in(span.start_char, "A")) is not None:
                found[i] = (_Found(interviewee), None)  # "A: ..." in a Q&A: the one interviewed
            continue  # "Q: ...": the interviewer, unnamed
        if len(span) == 1 and span[0].lower_ in ("you", "your"):
            interviewee = art.interviewee(span.start_char, span[0].lower_)
            if interviewee is not None:  # "Q: You thank him for that.": the one interviewed
                found[i] = (_Found(interviewee), None)
                continue
        body = previous is not None and _named_body(found.get(previous[0]))
        if previous is not None and _spokesperson_goes_on(art, previous[1], span, body):
            if previous[0] in found:  # "A spokesman for X said ... He added:": X, or no name
                found[i] = found[previous[0]]
            continue
        previous = (i, span)
        if (span.start, span.end) in same_mention:  # one mention, several statements: one speaker
            result = same_mention[(span.start, span.end)]
        else:
            content = statements[i].content
            result = art.resolve_span(span, Ask("", span.start_char, content=(content.start, content.end)))
            same_mention[(span.start, span.end)] = result
        if result.ent is None:
            continue
        found[i] = (result, _role_head(result.role))
        m = art.add_mention(result.ent, span.start_char, _RANK_SPEAKER, span.root)
        bisect.insort(art.speakers, m)
        if span.root.lower_ not in _lists()["pronouns"] and result.ent.named \
                and not _in_list(span.root, "document_nouns"):  # "The cable" is no name of its author
            result.ent.add_alias(mention.text.strip())
    for i, quote in quoted_first_person:
        if quote in found:
            found[i] = (_Found(found[quote][0].ent), found[quote][1])
    order = sorted((st.speaker.mention.start, i) for i, st in enumerate(statements)
                   if st.speaker and st.speaker.mention)  # (mention start, statement), both passes read it
    _name_the_lead(art, statements, found, order)
    _name_the_headline(art, statements, found, order)
    _name_the_headline_by_its_noun(art, statements, found, order)
    return statements, _fill(statements, found)


_BUT = frozenset({"but", "however", "yet"})
_CLUB_WORDS = frozenset({"united", "rovers", "athletic", "wanderers", "albion", "hotspur", "villa", "rangers",
                         "celtic", "fc"})  # "Manchester United", whatever place the tagger saw in it
_CONTRAST_OPENERS = _BUT | frozenset({"meanwhile", "separately", "elsewhere", "earlier"})


def _name_the_lead(art: _Article, statements: list[Statement],
                   found: dict[int, tuple[_Found, str | None]], order: list[tuple[int, int]]) -> None:
    """A lead that only describes its speaker ("One of Britain's most senior police officers has
    warned ...", "The head of the CBI has warned ...") sums up what the next paragraph's newly named
    speaker says ("Chief Constable Paul Garvin said ..."): the lead's speaker is that person. Not
    when the next paragraph opens on a contrast ("But ..."), which brings in another side."""
    lead_sent = bisect.bisect_left(art.sent_starts, art.lead_start)
    k = next((k for k, (start, _) in enumerate(order)
              if start >= art.lead_start and art.sent_of(start) == lead_sent), None)
    if k is None:
        return
    start, i = order[k]
    claimed = _claim_in_lead(art, statements, order, k, lead_sent)
    if claimed is not None:  # "X rejected claims by a Labour MP that ...": the next paragraph names the MP
        k, (start, i) = claimed, order[claimed]
    own = found[i][0] if i in found else _Found(None)
    # "A cleaning contractor has rejected a report ...": the next paragraph names its author
    kind = _described_kind(art, statements[i],
                           indefinite=claimed is not None or not _answers_back(art, statements[i]))
    if (own.ent is not None and own.ent.named) or kind is None:
        return
    found_next = _first_named_after_lead(art, order[k + 1 :], found, art.para_of(start) + 1, kind)
    if found_next is None:
        return
    named_at, named = found_next
    ent = named.ent
    sent_start = art.sent_starts[art.sent_of(named_at)]
    if art.token_at(sent_start).lower_ in _CONTRAST_OPENERS or any(
            art.headline_end <= m.start < sent_start for m in ent.mentions):
        return
    role = own.role or named.role  # "The chief inspector of prisons" keeps its role
    found[i] = (_Found(ent, role, own.organisation or named.organisation), _role_head(role))


def _name_the_headline(art: _Article, statements: list[Statement],
                       found: dict[int, tuple[_Found, str | None]], order: list[tuple[int, int]]) -> None:
    """A headline's speaker called by a bare noun ("Promoter: ...", "Dairy firm: ...") is the
    speaker the lead opens with when the lead names them in its own words ("Promoter Dean Harlow
    has insisted ...", "Milk processor Tarnside Dairies has defended ...") and the noun fits them:
    one person for a person's noun, an organisation for an organisation's. A lead that only
    describes its speaker ("A Conservative backbencher has denied ...") passes nothing on: the
    name such a description gets from further on was wrong in two of three stories nobody had
    read. A name the headline's noun already got stands, unless the lead calls its speaker by that
    same noun."""
    headline = [i for start, i in order if start < art.headline_end]
    lead = next((i for start, i in order if start >= art.headline_end), None)
    if not headline or lead is None or art.para_of(statements[lead].speaker.mention.start) > 2:
        return
    told = found[lead][0] if lead in found else _Found(None)
    if told.ent is None or not told.ent.named:
        return
    lead_span = _mention_span(art, statements[lead])
    if lead_span is None or not any(art.token_ent.get(t.i) is told.ent for t in lead_span):
        return  # a name the lead's description got from further on: too often wrong to pass on
    if _in_list(lead_span.root, "document_nouns"):
        return  # "Figures published by the agency showed ...": what the headline disputes
    for i in headline:
        span = _mention_span(art, statements[i])
        if span is None or not _headline_noun(span) or told.ent.type not in _kinds_a_noun_fits(span.root):
            continue
        own = found[i][0].ent if i in found else None
        same_noun = any(t.lemma_.lower() == span.root.lemma_.lower() for t in lead_span)
        if own is None or not own.named or (same_noun and own is not told.ent):
            found[i] = found[lead]


HEADLINE_NOUN_PARAGRAPHS = 3  # how far into the body the naming of a headline's noun is looked for


def _name_the_headline_by_its_noun(art: _Article, statements: list[Statement],
                                   found: dict[int, tuple[_Found, str | None]],
                                   order: list[tuple[int, int]]) -> None:
    """A headline's speaker called by a bare noun that no earlier pass named ("Rural sheriff says
    ...", "..., says transport watchdog") is the one speaker the story's first paragraphs name with
    that noun as a title, role or description ("Marlow County Sheriff Dan Pickett", "The Bus Users
    Panel, the region's statutory watchdog"). With two such, or none, it keeps no name."""
    for start, i in order:
        if start >= art.headline_end:
            break
        own = found[i][0].ent if i in found else None
        span = _mention_span(art, statements[i])
        if (own is not None and own.named) or span is None or not _headline_noun(span, places=True):
            continue
        noun, kinds = span.root.lemma_.lower(), _kinds_a_noun_fits(span.root)
        called = [e for e in art.entities if e.named and e.type in kinds and _called_by(e, noun)
                  and _first_body_paragraph(art, e) <= HEADLINE_NOUN_PARAGRAPHS]
        if len(called) == 1:
            found[i] = (_Found(called[0], called[0].best_role(noun)), noun)


def _called_by(ent: _Ent, noun: str) -> bool:
    return ent.is_titled(noun) or ent.has_role(noun) or noun in ent.nouns


def _first_body_paragraph(art: _Article, ent: _Ent) -> int:
    """The paragraph (the headline is 0) of the entity's first mention under the headline."""
    return next((m.para for m in ent.mentions if m.start >= art.headline_end), 1 << 30)


def _state_body_before(phrase, root):
    """The noun of a body of a state that a spokesperson's phrase puts before the role ("state
    department" of "a state department spokesman")."""
    return next((t for t in phrase if t.i < root.i and t.head.i == root.i and t.dep_ == "compound"
                 and t.lemma_.lower() in _STATE_BODY_NOUNS), None)


_NAME_PREPOSITIONS = frozenset({"of", "for", "on", "in", "at"})


def _head_words(name: str) -> set[str]:
    """The words that say what an organisation is: its name's last word and the word before its
    first "of"/"for" ("Bus Users Panel", "University of Leeds", "Committee for Safer Roads"), not a
    word inside what it is of ("Association of University Teachers" is no university)."""
    words = re.split(r"[\s-]+", name.lower())
    heads = {words[-1]}
    cut = next((k for k, w in enumerate(words) if w in _NAME_PREPOSITIONS and k > 0), None)
    if cut is not None:
        heads.add(words[cut - 1])
    return heads


def _another_state_body(body, ent: _Ent) -> bool:
    """Whether the body of a state a spokesperson's phrase names (``body``, a token of
    ``_state_body_before``: "department") cannot be ``ent``, an organisation that neither its name
    nor its nouns call so."""
    noun = body.lemma_.lower()
    return ent.type == "organisation" and noun not in ent.nouns and noun not in ent.name.lower().split()


def _mention_span(art: _Article, st: Statement):
    return art.doc.char_span(st.speaker.mention.start, st.speaker.mention.end, alignment_mode="expand")


def _headline_noun(span, places: bool = False) -> bool:
    """A singular common noun with no determiner and no name in it, as a headline calls a speaker:
    "Tory MP", "Phone maker", "Promoter" (also when the tagger took the noun alone for a name);
    with ``places``, a place may qualify it ("Rural Ohio sheriff")."""
    root = span.root
    allowed = ("", "NORP", "GPE", "LOC") if places else ("", "NORP")
    return root.pos_ in ("NOUN", "PROPN") and root.tag_ in ("NN", "NNP") and _bare(span, root) \
        and root.lower_ not in _lists()["pronouns"] and not _in_list(root, "document_nouns") \
        and not any(t.pos_ == "PROPN" and t.ent_type_ not in allowed for t in span)


def _kinds_a_noun_fits(root) -> set[str]:
    """The entity types a speaker called ``root`` can be: "person" for "MP", "promoter";
    "organisation" for "firm", "hospital"; both for "producer"."""
    kinds = set()
    if _names_a_person(root):
        kinds.add("person")
    if _in_list(root, "org_nouns"):
        kinds.add("organisation")
    return kinds


_ANSWERING_CUES = frozenset({"reject", "deny", "dismiss", "dispute", "criticise", "criticize", "condemn",
                             "attack", "challenge", "refute", "hit", "defend", "insist"})


def _answers_back(art: _Article, st: Statement) -> bool:
    """Whether a statement's cue answers another side ("has rejected a report", "defended")."""
    if st.cue is None:
        return False
    first, last = art.token_at(st.cue.start).i, art.token_at(st.cue.end - 1).i
    return any(t.lemma_.lower() in _ANSWERING_CUES for t in art.tokens[first : last + 1])


def _first_named_after_lead(art: _Article, after: list[tuple[int, int]],
                            found: dict[int, tuple[_Found, str | None]], next_para: int,
                            kind: str) -> tuple[int, _Found] | None:
    """The first speaker of the paragraph after the lead, when named and of ``kind``; past a
    paragraph whose speakers are all named ones of another kind ("The boss of Britain's biggest
    retailer has dismissed ..." / "Tesco said profits rose ..." / "Chief executive Sir Terry Leahy
    said ...")."""
    for start, j in after:
        para = art.para_of(start)
        if para < next_para:
            continue
        if para > next_para + 1:
            return None
        named = found[j][0] if j in found else _Found(None)
        if named.ent is None or not named.ent.named:
            return None
        if named.ent.type == kind:
            return start, named
        if para == next_para + 1:
            return None
    return None


def _claim_in_lead(art: _Article, statements: list[Statement], order: list[tuple[int, int]], k: int,
                   lead_sent: int) -> int | None:
    """The place in ``order`` of a claim said within the lead's first statement ("has rejected claims
    by a Labour MP that ...": extraction's nested statement, its cue a claim noun), or None."""
    outer = statements[order[k][1]].content
    for n, (start, i) in enumerate(order[k + 1 :], k + 1):
        if art.sent_of(start) != lead_sent:
            return None
        cue = statements[i].cue
        if cue is not None and outer.start <= cue.start < outer.end and (
                cue.text.split()[0].lower() in claim_nouns()):
            return n
    return None


def _described_kind(art: _Article, st: Statement, indefinite: bool = False) -> str | None:
    """"person" when a speaker mention describes one unnamed person ("a senior official", "The head
    of the CBI", "One of Britain's most senior police officers"), "organisation" for one of a kind
    of organisation ("One of Britain's biggest unions"; with ``indefinite``, also "an independent
    think tank"), else None."""
    span = _mention_span(art, st)
    if span is None or any(t.ent_type_ == "PERSON" for t in span):
        return None
    root = span.root
    if indefinite and root.pos_ == "NOUN" and span[0].lower_ in ("a", "an") and (
            _lists()["org_nouns"].get(root.lemma_.lower()) == "organisation"):
        return "organisation"
    if root.lower_ == "one":
        of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if noun is None or noun.pos_ != "NOUN":
            return None
        if _names_a_person(noun):
            return "person"
        return "organisation" if _lists()["org_nouns"].get(noun.lemma_.lower()) == "organisation" else None
    singular = root.tag_ == "NN" or (indefinite and span[0].lower_ in ("a", "an")) \
        or (root.tag_ == "NNP" and _is_role_word(root))  # "a Labour MP", "its MP"
    person = singular and _names_a_person(root) and root.lower_ not in _lists()["pronouns"]
    return "person" if person else None


def _named_body(found: tuple[_Found, str | None] | None) -> bool:
    ent = found[0].ent if found is not None else None
    return ent is not None and ent.named and ent.type != "person"


def _bare(phrase, root) -> bool:
    """A noun with no determiner or possessive before it, as headlines write them: "Games maker"."""
    return not any(t.dep_ in ("det", "poss") for t in phrase if t.i < root.i)


def _group_adjective_before(root):
    """The party or nationality adjective right before a noun: "Conservative" of "a Conservative
    spokesman", "French" of "a French spokeswoman"."""
    before = root.doc[root.i - 1] if root.i > 0 else None
    if before is None or before.ent_type_ != "NORP" or before.dep_ not in ("amod", "compound"):
        return None
    return before


def _words_shortened(short: str, full: str) -> bool:
    """Whether each word of ``short`` begins the same word of ``full``: "Lib Dem" of "Liberal Democrats"."""
    shorts, fulls = short.lower().split(), full.lower().split()
    return len(shorts) == len(fulls) > 1 and shorts != fulls \
        and all(f.startswith(w) for w, f in zip(shorts, fulls, strict=True))


def _an_adjective_named(root, ent: _Ent) -> bool:
    """Whether the word right before a noun is one the tagger took for a one-word name of its own,
    ``ent``: a party's adjective ("Conservative" of "A Conservative spokesman") or a name's first
    word ("Brightmoor" of "a Brightmoor spokesman")."""
    before = root.doc[root.i - 1] if root.i > 0 else None
    return before is not None and before.tag_ in ("JJ", "NNP") and before.dep_ in ("amod", "compound") \
        and before.is_title and ent.name == before.text


def _spokesperson_goes_on(art: _Article, before, span, for_a_body: bool) -> bool:
    """Whether "he"/"she" in the sentence after "a spokesman ..." spoke is that spokesman, whom no
    name given before can be; a few sentences on, with no person named between, when the
    spokesman is known to speak for a named body ('"... simply not true," she said.')."""
    if len(span) != 1 or span[0].lower_ not in ("he", "she") or len(before) > 8:
        return False
    root = before.root
    if not _in_list(root, "spokesperson_nouns") or root.tag_ != "NN" or _names_a_person_in(before):
        return False
    if _GENDER_OF_SPOKESPERSON.get(root.lower_, span[0].lower_) != span[0].lower_:
        return False
    apart = art.sent_of(span.start_char) - art.sent_of(before.start_char)
    if 0 <= apart <= 1:
        return True
    return for_a_body and apart <= _SPOKESPERSON_REACH and not any(  # a name said or quoted: no speaker
        _a_person_named(art, t) and not art.in_quote(t.idx) and not art.in_content(t.idx)
        for t in art.doc[before.end : span.start])


def _a_person_named(art: _Article, tok) -> bool:
    """Whether ``tok`` names a person, also one the tagger took for a body ("as Renfrow prepares", ORG)."""
    ent = art.token_ent.get(tok.i)
    return tok.ent_type_ == "PERSON" or (ent is not None and ent.type == "person")


_GENDER_OF_SPOKESPERSON = {"spokesman": "he", "spokeswoman": "she"}
_SPOKESPERSON_REACH = 3  # sentences after the spokesperson's within which "he"/"she" is still them


def _names_a_person_in(span) -> bool:
    """Whether a person is named in ``span`` ("spokesman John Kirby")."""
    return any(t.ent_type_ == "PERSON" for t in span)


def _in_text_order(art: _Article, statements: list[Statement]):
    """(statement index, mention span) for every statement with a speaker mention, and (None,
    span) for every other subject "he"/"she" outside quotes, in text order."""
    doc = art.doc
    items = []
    taken = set()
    for i, st in enumerate(statements):
        if not st.speaker or not st.speaker.mention:
            continue
        span = doc.char_span(st.speaker.mention.start, st.speaker.mention.end, alignment_mode="expand")
        if span is None or not span.text.strip():
            continue
        items.append((span.start_char, 1, i, span))
        taken.update(range(span.start, span.end))
    for tok in art.tokens:
        if (tok.lower_ in _CHAINED_PRONOUNS and tok.dep_ in _SUBJECT_DEPS and tok.i not in taken
                and not art.in_quote(tok.idx)):
            items.append((tok.idx, 0, None, doc[tok.i : tok.i + 1]))
    items.sort(key=lambda x: (x[0], x[1]))
    return [(i, span) for _, _, i, span in items]


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


_PEER_TITLES = frozenset({"lord", "lady", "baroness", "baron", "viscount", "viscountess", "earl", "countess",
                          "duke", "duchess"})


def _peer_name(ent: _Ent) -> str:
    """A peer's name is their title: "Lord Fenwick" (of "Lord Fenwick of Alnmouth"), not "Fenwick"."""
    if ent.type != "person" or " " in ent.name:
        return ent.name
    return next((a for a in ent.aliases if len(a.split()) == 2 and a.split()[0].lower() in _PEER_TITLES
                 and a.split()[1] == ent.name), ent.name)


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
            ent.name = _peer_name(ent)
            entities.append(Entity(id=ent.id, name=ent.name, type=ent.type, aliases=ent.aliases,
                                   roles=ent.roles, organisation=ent.organisation, named=ent.named))
        sp.name, sp.entity = ent.name, ent.id
        sp.role = result.role
        if ent.type == "person":
            fuller = ent.best_role(head)
            if not sp.role or (fuller and sp.role.lower() in fuller.lower()):
                sp.role = fuller  # "Minister" -> "foreign minister" found by cataphora
        sp.organisation = result.organisation or ent.organisation
    return entities
