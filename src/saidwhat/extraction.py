"""spaCy Doc -> attributed statements, each with its cue and the speaker mention it uses.

Three sources of statements, merged so each statement is reported once:
- quotes: quotation marks found in the text (straight or curly, over sentences and paragraphs,
  unbalanced marks tolerated), attributed to the nearest cue outside them, or to the speaker of
  the quote they continue, or to a cue that introduces them with a colon;
- clauses: a predicate with a subject (the speaker) and a content argument: its clausal
  complement, infinitive or object, or the clause it is attached to or set off in ("X said
  (that) ...", "..., X said", "A, X said, B", "X denied ...", "X believes ...", "according to X,
  ..."), or a noun with a possessive speaker ("X's claim that ..."); a logistic model trained on
  PolNeAR (data/attribution_model.json) decides which candidates attribute;
- the headline: "Putin: Russia provides ...", "..., says Clinton".
Resolution of the speaker mention to a name is the next stage's work (``resolve``).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib import resources

from .clean import MAX_HEADLINE_CHARS
from .logistic import LogisticModel
from .names import headline_kickers, is_kicker, read_list, titles
from .records import Span, Speaker, Statement

OPENING_QUOTES = '"“«„'
CLOSING_QUOTES = '"”»'
_QUOTE_MARK = re.compile(f"[{re.escape(OPENING_QUOTES + CLOSING_QUOTES)}]")
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
INHERITING_DEPS = {"conj", "xcomp", "advcl", "acl", "pcomp"}
OBJECT_PREPOSITIONS = {"for", "as", "to", "of", "over", "into"}
PRONOUNS = {"he", "she", "they", "i", "we", "you", "it", "who", "which", "that"}
NAMING_POS = {"NOUN", "PROPN"}
NOMINAL_POS = {"NOUN", "PROPN", "PRON"}
MIN_QUOTE_WORDS = 4
_EDGE_PUNCT = " \t\n,;:—–-"


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted passage: content offsets exclude the marks. ``continues`` links to the quote it
    resumes (a paragraph that reopens a quote without closing the previous one)."""

    start: int
    end: int
    open_at: int
    close_at: int | None
    continues: int | None = None

    @property
    def outer_start(self) -> int:
        return self.open_at

    @property
    def outer_end(self) -> int:
        return self.close_at + 1 if self.close_at is not None else self.end


# --- lexicon -------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, str]:
    """Cue lemma -> class ("speech" or "belief"), read from data/cues.txt."""
    text = resources.files("saidwhat").joinpath("data/cues.txt").read_text(encoding="utf-8")
    lexicon: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            lemma, cls = line.split("\t")[:2]
            lexicon.setdefault(lemma.strip(), cls.strip())
    return lexicon


@lru_cache(maxsize=1)
def claim_nouns() -> frozenset[str]:
    """Nouns that name what was said ("statements", "claims"), from data/claim_nouns.txt."""
    return frozenset(read_list("claim_nouns.txt"))


@lru_cache(maxsize=1)
def poll_nouns() -> frozenset[str]:
    """Polls and their kin ("poll", "survey"), from data/poll_nouns.txt (resolution reads it too)."""
    return frozenset(read_list("poll_nouns.txt"))


@lru_cache(maxsize=1)
def share_nouns() -> frozenset[str]:
    """Words for a share of the people a poll asked ("percent", "majority"), from
    data/share_nouns.txt (resolution reads them too)."""
    return frozenset(read_list("share_nouns.txt"))


@lru_cache(maxsize=1)
def document_nouns() -> frozenset[str]:
    """Nouns for documents that speak for their author ("poll", "statement"), from
    data/document_nouns.txt (resolution reads the same list)."""
    return frozenset(read_list("document_nouns.txt"))


class AttributionModel(LogisticModel):
    """A logistic model over predicate features, trained on PolNeAR's train split by
    ``scripts/train_attribution.py`` and shipped as data/attribution_model.json."""


@lru_cache(maxsize=1)
def attribution_model() -> AttributionModel:
    path = resources.files("saidwhat").joinpath("data/attribution_model.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return AttributionModel(data["weights"], data["threshold"])


# --- quotes --------------------------------------------------------------------------------------


_SECOND_APOSTROPHE = "\x01"


def quote_view(text: str) -> str:
    """``text`` with each doubled apostrophe ('', the quotation mark of ASCII news wires) turned
    into one straight quotation mark and a filler, so offsets stay those of ``text``."""
    return text.replace("''", '"' + _SECOND_APOSTROPHE) if "''" in text else text


def find_quotes(text: str) -> list[Quote]:
    """Quoted passages, paragraph by paragraph; a quote left open at a paragraph's end continues
    when the next paragraph opens with a quotation mark, else ends with its paragraph."""
    text = quote_view(text)
    quotes: list[Quote] = []
    pos = 0
    carried: int | None = None  # index of the quote an unclosed paragraph leaves open
    for para in text.split("\n"):
        para_start, para_end = pos, pos + len(para)
        pos = para_end + 1
        if not para.strip():
            continue
        opens_with_quote = para.lstrip()[:1] in OPENING_QUOTES
        if not opens_with_quote:
            carried = None
        carried = _quotes_in_paragraph(text, para_start, para_end, quotes, carried)
    return quotes


_BEFORE_OPENING = set(" \t\u00a0([{—–-/") | set(OPENING_QUOTES)


def _looks_opening(text: str, i: int, start: int, end: int) -> bool:
    """A mark at a word's start (space or line start before it, a letter after it) opens a quote,
    whatever its shape: scraped text often has ” where “ belongs."""
    before = i == start or text[i - 1] in _BEFORE_OPENING
    after = i + 2 if text[i + 1 : i + 2] == _SECOND_APOSTROPHE else i + 1  # "coalitions, '' said"
    return before and after < end and not text[after].isspace()


def _quotes_in_paragraph(text: str, start: int, end: int, quotes: list[Quote], carried: int | None):
    open_at: int | None = None
    depth = 0  # curly quotes nested in a curly quote: he calls “hell” inside “...”
    for i in range(start, end):
        ch = text[i]
        if ch not in OPENING_QUOTES and ch not in CLOSING_QUOTES:
            continue
        opening = _looks_opening(text, i, start, end)
        if open_at is None:
            if opening or ch == "“":
                open_at = i
        elif ch == "“" and opening:
            depth += 1
        elif not opening or i + 1 == end:
            if depth:
                depth -= 1
                continue
            close_at = i + 1 if i + 1 < end and text[i + 1] == _SECOND_APOSTROPHE else i
            quotes.append(Quote(_content_start(text, open_at), i, open_at, close_at, continues=carried))
            carried, open_at = None, None
    if open_at is None:
        return None
    quotes.append(Quote(_content_start(text, open_at), end, open_at, None, continues=carried))
    return len(quotes) - 1


def _content_start(view: str, open_at: int) -> int:
    return open_at + (2 if view[open_at + 1 : open_at + 2] == _SECOND_APOSTROPHE else 1)


_LEADING_COMPLEMENTISER = re.compile(r"(?:that|whether)\s+(?=\S)")  # "That" opens a sentence


def trim(text: str, start: int, end: int, strip_quotes: bool = False) -> tuple[int, int]:
    """Offsets with edge whitespace and punctuation (and quotation marks if asked) removed, and a
    leading "that"; a final full stop, question or exclamation mark is kept."""
    chars = _EDGE_PUNCT + (OPENING_QUOTES + CLOSING_QUOTES if strip_quotes else "")
    while start < end and (text[start] in chars or (strip_quotes and text.startswith("''", start))):
        start += 2 if text[start] == "'" else 1
    m = _LEADING_COMPLEMENTISER.match(text, start, end)
    if m and end - m.end() > 20 and not _names_one_claim(text, m.end(), end):
        start = m.end()
    while end > start and (text[end - 1] in chars or (strip_quotes and text.endswith("''", start, end))):
        end -= 2 if text[end - 1] == "'" else 1
    return start, end


_WORD_RUN = re.compile(r"\w+")


def _names_one_claim(text: str, start: int, end: int) -> bool:
    """ "dismissed that suggestion as nonsense": "that" before one claim is no complementiser."""
    word = _WORD_RUN.match(text, start, end)
    noun = word.group().lower() if word else ""
    plural = noun.endswith("s") and not noun.endswith(("ss", "sis"))  # "said that claims by X were"
    return noun in pushed_back_nouns() and not plural


def word_count(text: str) -> int:
    return len(_WORD_RUN.findall(text))


# --- syntax helpers ------------------------------------------------------------------------------


def is_cue(token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in cue_lexicon()


def subject_of(verb, quoted=None):
    """The subject token of a verb, inherited through coordination and participles
    ("X vowed ... and said", "X dismissed the claims, saying ...", "X, who said"). ``quoted``:
    whether a character offset lies inside quotation marks, for a verb outside them: a subject
    it would inherit from a quoted clause is passed over ('X emailed supporters saying: "The
    struggle continues" and vowing to ...': X vows, not "the struggle")."""
    start = verb
    for _ in range(6):
        agent = _agent_of(verb)
        if agent is not None:
            return agent  # "Rubio was asked by moderator Gerard Baker whether ...": the one who asks
        subject = _nearest_subject(verb)
        if subject is not None and quoted is not None and verb != start and quoted(subject.idx):
            if verb.head == verb:
                return None
            verb = verb.head
            continue
        if subject is not None:
            outer = _speaker_of_what_was_said(verb, start)
            if outer is not None:
                verb, start = outer, outer
                continue
            return _apposed_after_content(subject, verb) or _person_of_named_body(subject) or subject
        if verb.dep_ == "relcl":
            return verb.head
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and participle_agent(verb.head):
            return verb.head  # "an outside group backing Rubio": the group backs him
        if _verb_parsed_as_participle(verb):
            return verb.head  # "A tabloid newspaper reported on Saturday that ...": parsed as a noun phrase
        controller = object_controller(verb)
        if controller is not None:
            return controller
        if verb.head == verb or (verb.dep_ not in INHERITING_DEPS and verb.pos_ in ("VERB", "AUX")):
            outer = _speaker_of_what_was_said(verb, start)
            if outer is None:
                return None
            verb, start = outer, outer  # "X said there are two ... but said ...": X says both
            continue
        if verb.dep_ == "conj":
            stranded = subject_parsed_as_conjunct(verb)
            if stranded is not None:
                return stranded
            outer = _participle_this_one_continues(verb)
            if outer is not None:
                verb = outer
                continue
        participle = verb.tag_ == "VBG" and verb.dep_ == "advcl"
        finite_after_base = verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ") and verb.head.tag_ == "VB"
        verb = verb.head
        if finite_after_base and verb.dep_ in ("ccomp", "xcomp") and verb.head != verb:
            verb = verb.head  # "X said Russia would recover, and blamed oil": "would blamed" cannot be
        if participle and verb.dep_ == "ccomp" and is_cue(verb.head):
            verb = verb.head  # "he said X should do Y, mentioning Z": the one who said it mentions
    return None


def _participle_this_one_continues(verb):
    """ "X pushed back, saying that the bill was waylaid by mistrust - and arguing that ...": a
    participle the parse joined to a verb inside another participle's content continues that
    participle (X argues), not the verb it hangs on."""
    if verb.tag_ != "VBG" or verb.head.tag_ == "VBG":
        return None
    return next((a for a in verb.ancestors if a.tag_ == "VBG" and a.dep_ in ("advcl", "conj")
                 and _speech_cue(a)), None)


def _speaker_of_what_was_said(verb, start):
    """The cue whose content ``verb`` is, reached from the speech verb ``start`` joined to it: that
    cue's subject speaks for ``start`` too."""
    return speaker_of_embedding(verb) if verb != start and _speech_cue(start) else None


_IDIOMS = {"said": ("that", "this"), "told": ("all",)}


def _that_said(verb) -> bool:
    """ "That said, ...", "This said, ...", "All told, ...": the idiom that opens a sentence, no
    attribution."""
    doc = verb.doc
    return (verb.i >= 1 and doc[verb.i - 1].lower_ in _IDIOMS.get(verb.lower_, ())
            and doc[verb.i - 1].is_sent_start and verb.i + 1 < len(doc) and doc[verb.i + 1].text == ",")


def _verb_parsed_as_participle(verb) -> bool:
    """A cue parsed as a past participle after its subject, in a sentence the parse left with no
    verb: "A tabloid newspaper reported on Saturday that Keogh had been axed" read as "a newspaper
    (that was) reported"."""
    noun = verb.head
    verbless = noun.dep_ == "ROOT" and noun.pos_ in ("NOUN", "PROPN")
    return (verb.dep_ == "acl" and verb.tag_ == "VBN" and verbless and is_cue(verb)
            and any(c.dep_ == "ccomp" for c in verb.children))


def _speech_cue(verb) -> bool:
    return verb.pos_ in ("VERB", "AUX") and cue_lexicon().get(verb.lemma_.lower()) == "speech"


def speaker_of_embedding(clause):
    """The cue whose content ``clause`` is, when ``clause`` is no cue itself: a speech verb
    joined to that clause by the parse speaks for the cue's subject, not the clause's ("Farage
    said the warning was indicative ... and accused Downing Street": Farage accuses; "Bennett
    denied the notion that a shakeup is coming, explaining ...": Bennett explains)."""
    if is_cue(clause) or not _content_clause(clause):
        return None
    for head in clause.ancestors:
        if is_cue(head):
            return head
        if head.pos_ in ("VERB", "AUX"):
            return None  # a clause of another, uncued verb: its subject may well speak
    return None


def _content_clause(clause) -> bool:
    """A clausal complement ("said the warning was ...") or a noun's "that" clause ("the notion
    that ..."), not a clause of time or manner or one coordinated with another."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    return clause.dep_ == "ccomp" or (clause.dep_ == "acl" and bool(marks & {"that", "whether"}))


_BETWEEN_SUBJECT_AND_VERB = frozenset({"aux", "auxpass", "neg", "advmod"})


def _apposed_after_content(subject, verb):
    """The real subject where the parse ran the content's last words into it: "... to marry his
    partner Camilla Parker Bowles, Clarence House has announced" (the name that ends the content
    taken for the subject, the source for its apposition): the apposition set off by a comma
    right before the verb, when the words before the taken subject belong to the verb's content."""
    doc = subject.doc
    appos = next((c for c in subject.children if c.dep_ == "appos" and c.i > subject.i), None)
    first = subject.left_edge.i
    if appos is None or first == 0 or appos.left_edge.i == 0 or doc[appos.left_edge.i - 1].text != ",":
        return None
    if any(t.dep_ not in _BETWEEN_SUBJECT_AND_VERB for t in doc[appos.right_edge.i + 1 : verb.i]):
        return None
    before = doc[first - 1]
    content = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i < subject.i), None)
    if content is None or before.is_punct or not (content.left_edge.i <= before.i <= content.right_edge.i):
        return None
    return appos


def _person_of_named_body(subject):
    """The person a body's name is the possessive of, where the parse hangs them on the name's own
    preposition: "The Commission for Racial Equality's Trevor Phillips", "the University of
    Virginia's Larry Sabato" (parsed as "Commission for ... Phillips")."""
    for prep in subject.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "of", "on"):
            continue
        person = next((c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ == "PERSON"), None)
        if person is not None and any(c.dep_ == "poss" and c.ent_type_ != "PERSON" for c in person.children):
            return person
    return None


def subject_parsed_as_conjunct(verb):
    """The subject of a coordinated clause that the parse joined to the first clause's object:
    "the Post will brand you a liar and NBC News will accuse you", "prosecutors charged the
    officer with murder and Emanuel fired his police chief" (NBC News, Emanuel: parsed as
    conjuncts of "liar", "murder"). A name or noun right before the verb, after "and", that
    is a conjunct of a noun is the verb's own subject."""
    i = verb.i - 1
    doc = verb.doc
    while i > verb.head.i and doc[i].dep_ in _BETWEEN_SUBJECT_AND_VERB and doc[i].head == verb:
        i -= 1
    noun = doc[i]
    if noun.i <= verb.head.i or noun.dep_ != "conj" or noun.pos_ not in NAMING_POS:
        return None
    if noun.head.pos_ not in NOMINAL_POS or noun.head.i < verb.head.i:
        return None
    before = doc[noun.left_edge.i - 1] if noun.left_edge.i > 0 else None
    return noun if before is not None and before.dep_ == "cc" and before.head == noun.head else None


def _nearest_subject(verb):
    """The verb's subject; of two (a misparse), a name right after it ("..., said Jan Vos"), else
    the one nearest before it: "Savers, Warren suggested, don't need to fear ..." -> Warren;
    "Her verdict: 'It is not ready,' she said" -> she."""
    subjects = [c for c in verb.children  # not the "?" of "Which?", nor the "." of "Sr."
                if c.dep_ in SUBJECT_DEPS and c.text not in ("?", "!", ".")]
    before = [c for c in subjects if c.i < verb.i]
    if len(before) > 1:  # "Washington, star of television's "Scandal," thanked": not the show
        before = [c for c in before if not _opens_a_quote(c)] or before
    if len(before) > 1 and _apposed_to(before[-1], before[-2]):
        return before[-2]  # "Mirza, the first Indian woman to reach ..., said": the name, not its description
    if before and before[-1].ent_type_ in ("DATE", "TIME"):
        named = name_within_time(before[-1], verb)
        if named is not None:
            return named
    if len(subjects) > 1:
        after = next((c for c in subjects if c.i > verb.i), None)
        inverted = (verb.i > 0 and verb.doc[verb.i - 1].text == "," and after is not None
                    and _only_punctuation(verb.doc[after.right_edge.i + 1 : verb.sent.end])
                    )  # "Ban 'unworkable', say police", the speaker ending the sentence
        if after is not None and (after.ent_type_ in ("PERSON", "ORG") or inverted) \
                and after.left_edge.i == verb.i + 1:
            return after
    if before or subjects:
        return before[-1] if before else hyphen_word_end(subjects[0])
    return (_age_parsed_as_modifier(verb) or _name_apposed_before(verb) or _name_tagged_an_adverb(verb)
            or _name_before_parenthesis(verb) or _name_before_relative_clause(verb)
            or _subject_parsed_as_compound(verb))


def _apposed_to(described, name) -> bool:
    """A noun phrase set off by commas right after a name, which the parse made a second subject."""
    doc = described.doc
    return (name.ent_type_ in ("PERSON", "ORG") and described.pos_ == "NOUN"
            and doc[name.i + 1].text == "," and described.left_edge.i == name.i + 2
            and "," in (described.right_edge.text, doc[min(described.right_edge.i + 1, len(doc) - 1)].text))


def _name_before_parenthesis(verb):
    """ "Sen. Chris Murphy (a Connecticut Democrat so boyish he has been mistaken for a staffer)
    says ...": the parse took the name for a subject inside the parenthesis; the name right
    before it speaks."""
    doc = verb.doc
    if verb.i < 3 or doc[verb.i - 1].text != ")" or not _speech_cue(verb):
        return None
    opening = next((t for t in reversed(doc[verb.sent.start : verb.i - 1]) if t.text in "()"), None)
    if opening is None or opening.text != "(" or opening.i == 0 \
            or not any(t.pos_ in ("VERB", "AUX") for t in doc[opening.i + 1 : verb.i - 1]):
        return None  # "Rep. Paul Ryan (R-WI) said": no clause in it to take the subject from
    name = doc[opening.i - 1]
    return name if name.pos_ in ("PROPN", "NOUN") else None


def _subject_parsed_as_compound(verb):
    """ "John Reid is expected to stand down, the BBC understands": the parse hung the subject's
    words on the cue verb as a compound and a determiner; the name right before the verb speaks."""
    if verb.i == 0 or not is_cue(verb):
        return None
    name = verb.doc[verb.i - 1]
    if name.head.i != verb.i or name.dep_ not in ("compound", "nmod") or name.pos_ != "PROPN":
        return None
    return name


_RELATIVE_PRONOUNS = frozenset({"who", "which"})


def _name_before_relative_clause(verb):
    """ "Leigh, who has himself been nominated for best director, said he was delighted": the
    parse made the relative clause the sentence's main one, or the speech verb's complement,
    and left the verb with no subject; the name the sentence opens on, before ", who", speaks."""
    doc = verb.doc
    if verb.i < 4 or doc[verb.i - 1].text != "," or not _speech_cue(verb):
        return None
    start = verb.sent.start
    relative = next((t for t in doc[start + 1 : verb.i - 1] if t.lower_ in _RELATIVE_PRONOUNS), None)
    if relative is None or doc[relative.i - 1].text != "," or relative.i < start + 2:
        return None
    name = doc[relative.i - 2]
    if name.pos_ != "PROPN" or any(t.pos_ not in ("PROPN", "DET") for t in doc[start : name.i + 1]):
        return None  # the sentence opens on the name alone: "Mike Leigh, who ..."
    if relative.i < verb.head.i < verb.i or _relative_clause_made_complement(verb) is not None:
        return name
    return None


def _relative_clause_made_complement(verb):
    """ "Okafor, who has himself been nominated for best actor, said he was thrilled": the clause
    the parse hung before the speech verb as its complement, holding the name and its relative
    clause, with the real complement after the verb."""
    doc = verb.doc
    before = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    if before is None or before.left_edge.i != verb.sent.start \
            or not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return None
    opening = doc[before.left_edge.i : before.left_edge.i + 4]
    return before if any(t.lower_ in _RELATIVE_PRONOUNS for t in opening) else None


def _name_tagged_an_adverb(verb):
    """ '"It is valuable," said Skelly, explaining ...': a capitalised word right after a speech
    verb, with no subject, that the tagger took for an adverb by its "-ly" is the name of the
    one speaking."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or not _speech_cue(verb):
        return None
    name = doc[verb.i + 1]
    if name.dep_ == "advmod" and name.head == verb and name.text[:1].isupper() and name.text[1:].islower() \
            and name.lower_.endswith("ly") and not name.is_sent_start:
        return name
    return None


def _opens_a_quote(tok) -> bool:
    """Whether ``tok``'s phrase opens with a quotation mark or comes right after one: a quoted title."""
    first = tok.left_edge
    before = tok.doc[first.i - 1] if first.i > 0 else None
    return any(t is not None and (t.tag_ == "``" or t.text in OPENING_QUOTES) for t in (first, before))


def _age_parsed_as_modifier(verb):
    """ '"It is a dream," the 37-year-old said': the parse, finding no noun, hangs the age on the
    verb as a modifier; right before the verb, it is the subject."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is None or before.head != verb or before.lower_ != "old" \
            or before.dep_ not in ("amod", "advmod", "npadvmod"):
        return None
    return before if any(t.lower_ in ("year", "years") for t in before.lefts) else None


def _name_apposed_before(verb):
    """ "As a part of his plea, Marcel Lazar, 44, said that ...": the parse, finding no subject,
    made the name an apposition of the noun before it; set off right before the verb, the name
    is the subject."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i < 2 or verb.doc[verb.i - 1].text != ",":
        return None
    i = verb.i - 2
    while i > 0 and (verb.doc[i].text == "," or (verb.doc[i].like_num and verb.doc[i].dep_ == "appos")):
        i -= 1  # an age set off by commas: ", 44,"
    name = verb.doc[i]
    if name.dep_ == "appos" and name.pos_ == "PROPN" and name.head.i < name.i and name.ent_type_ == "PERSON":
        return name
    return None


def name_within_time(subject, verb):
    """ "Saturday at the party convention Sen. Elizabeth Warren said ...": the parse makes the day
    the subject and the name an apposition inside it; the name speaks."""
    names = [
        t for t in subject.subtree
        if t.i < verb.i and t.dep_ == "appos" and t.ent_type_ in ("PERSON", "ORG") and t.pos_ == "PROPN"
    ]
    return names[0] if names else None


def participle_agent(noun) -> bool:
    """Whether a noun is the agent of the participle modifying it: "an outside group backing
    Rubio", not "issued a statement saying ..." (the issuer says it) nor "a poll showing"."""
    return (
        noun.pos_ in NOMINAL_POS
        and noun.dep_ != "dobj"
        and noun.lemma_.lower() not in document_nouns()
        and noun.lower_ not in document_nouns()
        and not _occasion_of_the_verb(noun)
    )


_MOMENT_NOUNS = frozenset({"point", "time", "moment", "stage", "juncture"})


def _occasion_of_the_verb(noun) -> bool:
    """Whether a noun is a time of the verb it hangs on through a preposition, not anyone who
    speaks: "objected ..., at one point accusing him": the one who objected accuses."""
    return noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX") \
        and (noun.lemma_.lower() in _MOMENT_NOUNS or noun.ent_type_ in ("DATE", "TIME"))


_ASKING_NOUNS = frozenset({"call", "demand", "plea", "request", "appeal", "proposal", "plan", "bid",
                           "pressure"})


def _infinitive_of_the_object(verb, dobj, end: int):
    """The infinitive the parse hung on the verb that says what an object of asking asks for:
    "rejected calls [to take the show off air]", read as "rejected calls in order to take"."""
    if dobj.lemma_.lower() not in _ASKING_NOUNS:
        return None
    return next((c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.idx > dobj.idx
                 and c.left_edge.idx <= end + 1 and _infinitive(c)), None)


def _infinitive(verb) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


_INSTRUMENT_VERBS = frozenset({"use"})  # "used the speech to say"


def object_controller(verb):
    """The object that is the subject of an infinitive that has none of its own: "led Priebus to
    declare", "asked him to explain"."""
    head = verb.head
    if head == verb or verb.dep_ not in ("xcomp", "advcl") or head.pos_ not in ("VERB", "AUX"):
        return None
    obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    if obj is None:
        return None
    if speaker_class(obj) in ("other", "number") or head.lemma_.lower() in _INSTRUMENT_VERBS:
        return None  # "Sanders used this question to demand ...", "used the speech to say": a means
    if verb.dep_ == "xcomp" and _infinitive(verb):
        return obj
    return None


def mention_span(token, text: str, cue=None) -> tuple[int, int]:
    """Character span of the noun phrase a speaker token heads, without relative clauses, within
    the cue's paragraph; a relative pronoun is the mention ("which", resolved later). A subject
    parsed across a paragraph break (a dateline or time stamp glued to the sentence) or inside
    the paragraph's dateline ("MYRTLE BEACH, S.C. - Sen. Ted Cruz said") is replaced by what
    stands between the paragraph's (or dateline's) end and the cue."""
    anchor = cue if cue is not None else token
    line_start = text.rfind("\n", 0, anchor.idx) + 1
    para_start = after_dateline(text, line_start)
    if token.idx < para_start and cue is not None and cue.idx > para_start:
        chunk = chunk_before(cue, para_start) if token.idx >= line_start else None
        if chunk is not None:  # the subject parsed inside the dateline
            return chunk.start_char, chunk.end_char
        before = [t for t in cue.doc[: cue.i] if t.idx >= para_start and not t.is_space]
        verb = next((k for k, t in enumerate(before) if k and t.pos_ in ("VERB", "AUX")), None)
        before = before[:verb]  # "The ABI rejected the claims, saying": the subject of the clause before
        while before and before[-1].dep_ in ("aux", "auxpass", "neg", "advmod", "punct") \
                and not (before[-1].text == ")" and any(t.text == "(" for t in before)):  # "(ABI)"
            before.pop()
        if before:
            return before[0].idx, before[-1].idx + len(before[-1].text)
    if token.lower_ in PRONOUNS:
        return token.idx, token.idx + len(token.text)
    left, right = token, token
    for t in (t for piece in _hyphen_word_pieces(token) for t in piece.subtree):
        if t.i < left.i and t.idx >= para_start and not t.is_space and not t.is_punct:
            left = t  # "the group's co-ordinator": the possessive hangs on "co"
    if token.lower_ == "old" and left.i > 0 and left.doc[left.i - 1].dep_ == "det" \
            and left.doc[left.i - 1].head == token.head:
        left = left.doc[left.i - 1]  # "the" of an age the parse hung on the verb
    for t in token.rights:
        if partitive_of(token, t) or _name_of(token, t) or _of_inside_the_name(token, t) \
                or _office_of(token, t):
            right = max(right, _phrase_end(t), key=lambda x: x.i)
            continue  # "One of Britain's most senior police officers", "Friends of the Earth"
        if t.dep_ in ("relcl", "acl", "punct", "cc", "conj", "prep") or t.text in ",(" or "\n" in t.text \
                or t.left_edge.text == "(":  # "the World Health Organization (WHO)"
            break
        if cue is not None and token.i < cue.i < t.left_edge.i:
            break  # "X alleges that ..., a claim that ...": the parse hung the sentence's end on X
        right = max(right, max(t.subtree, key=lambda x: x.i), key=lambda x: x.i)
    return left.idx, right.idx + len(right.text)


_QUANTIFIERS = frozenset({"one", "some", "many", "several", "most", "all", "none", "each", "both", "few",
                          "half", "majority", "dozens", "hundreds", "thousands"})


def partitive_of(token, child) -> bool:
    """Whether ``child`` is the "of" of a part named by a quantifier: "one of the judges"."""
    return child.dep_ == "prep" and child.lower_ == "of" and (token.lower_ in _QUANTIFIERS or token.like_num)


def _name_of(token, child) -> bool:
    """Whether ``child`` is the "of" inside a capitalised name: "Friends of the Earth", "Doctors of
    the World"; not "Leaders of Iran", whose head is no name."""
    if child.dep_ != "prep" or child.lower_ != "of" or token.pos_ not in ("PROPN", "NOUN") \
            or not token.text[:1].isupper():
        return False
    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
    return (obj is not None and obj.pos_ == "PROPN" and obj.text[:1].isupper() and obj.ent_type_ != "GPE"
            and any(c.lower_ == "the" for c in obj.children))


def _of_inside_the_name(token, child) -> bool:
    """Whether ``child`` is an "of" the tagger's name runs through: "the Savannah Division of Elections"."""
    return child.dep_ == "prep" and child.lower_ == "of" and token.ent_type_ != "" and child.ent_iob_ == "I"


def _office_of(token, child) -> bool:
    """Whether ``child`` is the "of" of an office's title: "the former secretary of state"."""
    if child.dep_ != "prep" or child.lower_ != "of" or token.lower_ not in titles():
        return False
    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
    return obj is not None and obj.pos_ in ("NOUN", "PROPN") and obj.n_lefts + obj.n_rights == 0 \
        and obj.ent_type_ not in ("GPE", "LOC", "NORP", "PERSON")


def _phrase_end(token):
    """The last token of ``token``'s phrase before a comma or a clause ("the judges" of "the judges
    who heard the case")."""
    last = token
    for t in token.subtree:
        if t.i > token.i and (t.dep_ in ("relcl", "acl", "appos") or t.text in ",(" or "\n" in t.text):
            break
        last = t
    return last


_DATELINE = re.compile(
    r"(?:[A-Z](?:[A-Z.'’ ]|-(?=[A-Z]))*[A-Z.]"  # WASHINGTON, MYRTLE BEACH
    r"(?:,[ \t]*[A-Z][\w.]*(?:[ \t]+[\w.]+)?)?"  # , S.C. / , July 19
    r"(?:[ \t]*\([^)\n]{1,30}\))?"  # (AP)
    r"|\([A-Z][^)\n]{1,29}\))"  # or the agency alone, its place cut off: "(Reuters) - "
    r"[ \t]*(?:—|–|--|-)[ \t]*"
)


def after_dateline(text: str, para_start: int) -> int:
    """Where a paragraph's text starts after a dateline ("WASHINGTON (AP) — ")."""
    m = _DATELINE.match(text, para_start)
    return m.end() if m else para_start


def cue_span(verb) -> tuple[int, int]:
    """The cue verb with its auxiliaries, negation and particles ("has said", "pointed out")."""
    tokens = [verb] + [c for c in verb.children if (c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i)
                       or (c.dep_ == "prt" and c.i > verb.i)]  # not the "not" of 'replied: "Absolutely not."'
    tokens.sort(key=lambda t: t.i)
    first, last = tokens[0], tokens[-1]
    if last.i - first.i > 4:
        first = last = verb
    return first.idx, last.idx + len(last.text)


def nested_attributions(token, subtree: list) -> list:
    """Cue clauses inside ``token``'s subtree (``list(token.subtree)``) that are statements of their
    own: another speaker's ("X said A, while Y insisted B") or a participle's ("dismissed the
    claims, saying B", "the statements saying B"), not part of this content. A participle inside
    the clause's subject describes it ("those seeking her help was ...") and stays."""
    subjects = [(c.left_edge.i, c.right_edge.i) for c in token.children if c.dep_ in SUBJECT_DEPS]
    return [
        t
        for t in subtree
        if t != token
        and is_cue(t)
        and not any(lo <= t.i <= hi for lo, hi in subjects)
        and (
            (t.dep_ in ("advcl", "conj", "parataxis") and any(c.dep_ in SUBJECT_DEPS for c in t.children)
             and not _subordinate(t) and not _second_that_clause(t))
            or (t.dep_ in ("advcl", "conj", "parataxis", "acl") and t.tag_ == "VBG" and not _shares_tense(t))
            or _speaks_again(t, token)
        )
    ]


def _speaks_again(verb, clause) -> bool:
    """ "Halcyon denied that Brandreth had been sacked and said it had offered ...": a speech verb
    with no subject of its own, joined to the content clause by the parse, is the speaker's next
    statement, not part of what they denied."""
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or (  # "... but did not suggest"
        verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lemma_ == "do" for c in verb.children))
    return (verb.dep_ == "conj" and verb.head == clause and finite
            and _speech_cue(verb) and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
            and speaker_of_embedding(clause) is not None)


def _second_that_clause(verb) -> bool:
    """ "said she appreciated the apology and that she wanted to move forward": a "that" clause
    joined to the content is more of what was said, even when its verb is a cue."""
    return verb.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


def _with_more_hung_on_the_cue(children, clause, span: tuple[int, int]) -> tuple[int, int]:
    """What the parse hung on the cue after its content and is more of what was said: a second
    "that" clause ("said that their father could be unyielding, and that Freddy had struggled"),
    a reason right after the content (``_reason_right_after``)."""
    second = next((c for c in children
                   if c.i > clause.i and (_second_that_clause(c) or _reason_right_after(c, clause)
                                          or _backshifted_plan(c))), None)
    if second is None:
        return span
    last = second.right_edge
    while last.is_punct and last.i > second.i:
        last = last.doc[last.i - 1]
    return span[0], last.idx + len(last.text)


def _backshifted_plan(c) -> bool:
    """ "said she hoped to get her account back, and then would continue to spread her message": a
    clause with no subject and a backshifted "would" joined to a past cue is more of what was said."""
    return (c.dep_ == "conj" and c.head.tag_ == "VBD" and not any(g.dep_ in SUBJECT_DEPS for g in c.children)
            and any(g.dep_ == "aux" and g.lower_ == "would" for g in c.children))


def _reason_right_after(c, clause) -> bool:
    """ "said it did not include those meetings because, presumably, they were ...": a reason
    the parse hung on the cue, right after the content, is part of it."""
    return (c.dep_ == "advcl" and c.left_edge.i == clause.right_edge.i + 1
            and any(g.dep_ == "mark" and g.lower_ == "because" for g in c.children))


def _subordinate(verb) -> bool:
    """ "he opposes it because the standards don't recognize X", "before he announced his bid": a
    clause of time, cause or condition belongs to the content around it ("while Y insisted B"
    is another speaker's statement); "when" may be parsed as an adverb ("when she testified")."""
    marks = (c.lower_ for c in verb.children if c.dep_ == "mark" or (c.dep_ == "advmod" and c.i < verb.i))
    return verb.dep_ == "advcl" and any(m in _SUBORDINATORS for m in marks)


_SUBORDINATORS = frozenset({"because", "before", "after", "since", "if", "when", "until", "unless", "once"})


def _shares_tense(verb) -> bool:
    """ "is acting unlawfully and showing disregard": a progressive joined to another is one
    clause, not a participle's attribution."""
    return verb.dep_ == "conj" and verb.head.tag_ == "VBG"


def subtree_span(token, exclude=None) -> tuple[int, int]:
    """Offsets of a clause: ``token``'s subtree less its complementiser ("that"), less
    ``exclude``'s subtree, less nested attributions; the longer side when a gap splits it."""
    subtree = list(token.subtree)  # walked once: spaCy builds the subtree anew, Token by Token, per walk
    cut = [exclude] if exclude is not None else []
    cut += [t for t in nested_attributions(token, subtree) if t != exclude]
    ranges = [(c.left_edge.i, c.right_edge.i) for c in cut]
    if exclude is not None:
        ranges[0] = (_cue_clause_start(exclude), exclude.right_edge.i)
    tokens = sorted(
        (t for t in subtree
         if not (ranges and any(lo <= t.i <= hi for lo, hi in ranges))
         and not (t.dep_ == "mark" and t.head == token and t.lower_ in ("that", "whether", "if"))),
        key=lambda t: t.i,  # a crossing (non-projective) parse walks its subtree out of text order
    )
    if not tokens:
        return token.idx, token.idx
    runs, run = [], [tokens[0]]
    for t in tokens[1:]:
        if t.i == run[-1].i + 1:
            run.append(t)
        else:
            runs.append(run)
            run = [t]
    runs.append(run)
    best = max(runs, key=lambda r: (token in r, len(r)))
    while cut and len(best) > 1 and (best[-1].dep_ == "cc" or best[-1].text in (",", ";")):
        best = best[:-1]  # "... had been sacked and" before a statement cut out
    return best[0].idx, best[-1].idx + len(best[-1].text)


def _cue_clause_start(verb) -> int:
    """Where ", she said" starts: at its subject, not at words before it that the parse hung on
    the cue ("... for people with like-minded ideas to organize, she said": "people" made a
    second subject of "said")."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
    if not subjects:
        return verb.left_edge.i
    start = max(subjects, key=lambda c: c.i).left_edge.i
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.i == start - 1), None)
    return start if mark is None else mark.i  # ", as Obama noted"


def paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end < 0 else end)


def clip_to_paragraph(text: str, span: tuple[int, int], anchor: int) -> tuple[int, int]:
    lo, hi = paragraph_bounds(text, anchor)
    return max(span[0], lo), min(span[1], hi)


# --- candidates ----------------------------------------------------------------------------------


@dataclass(slots=True)
class Found:
    kind: str
    content: tuple[int, int]
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    confidence: float
    quote: int | None = None  # index of the quote it comes from
    points_back: bool = False  # "a charge that X denied": its content points at another's claim
    nested: bool = False  # "denied claims by a union that ...": said within another statement's content
    clausal: bool = False  # its content is a clause that opens with its own subject ("said the sums ...")


Candidate = tuple[Found, dict[str, float]]  # a possible attribution and the features the model scores


def clause_statements(doc, model: AttributionModel | None = None, text: str | None = None) -> list[Found]:
    """Statements made of a predicate, its subject (the speaker) and its content argument,
    kept when the attribution model scores them at or above its threshold. ``text``: ``doc.text``,
    which spaCy rebuilds from the tokens at every call."""
    model = model or attribution_model()
    text = doc.text if text is None else text
    sourced, pushbacks, candidates = clause_candidates(doc, text)
    found: list[Found] = list(pushbacks)
    for found_, features in candidates:
        found_.confidence = model.probability(features)
        if found_.confidence >= model.threshold:
            found.append(found_)
    found.sort(key=lambda f: -f.confidence)  # of two readings of one content, the likelier
    return sourced + found


def clause_candidates(doc, text: str) -> tuple[list[Found], list[Found], list[Candidate]]:
    """The "according to X" and "In a poll, ..." statements (``sourced``: the source named, first
    when two share a content), the pushbacks on a claim named by a noun ("a charge that X denied",
    ``pointing_pushback``), and every other predicate's candidate with its features."""
    sourced: list[Found] = []
    pushbacks: list[Found] = []
    candidates = []
    quote_marks = quote_mark_positions(text)
    for tok in possible_predicates(doc):
        if tok.lower_ in ("according", "in") and tok.dep_ == "prep":
            f = according_to(tok, text) if tok.lower_ == "according" else in_a_poll(tok, text)
            if f:
                sourced.append(f)
            continue
        reported = as_reported_by(tok, text) or as_put_it(tok, text)
        if reported is not None:
            sourced.append(reported)
            continue
        pushback = pointing_pushback(tok, text)
        if pushback is not None:
            pushbacks.append(pushback)
            continue
        nested = claim_by(tok, text) if tok.pos_ == "NOUN" else None
        if nested is not None:
            sourced.append(nested)
            continue
        cand = candidate(tok, text, quote_marks)
        if cand is not None:
            candidates.append(cand)
    add_nesting_features(candidates)
    return sourced, pushbacks, candidates


_CLASS_RANK = {"speech": 2, "belief": 1, "none": 0}


def add_nesting_features(candidates: list[Candidate]) -> None:
    """What each candidate holds or is held by: another candidate whose cue and speaker lie in its
    content ("Christie repeated accusations that Rubio recites ..."), and the strongest cue class
    of either. Of two nested readings one is the statement, and the model learns which."""
    classes = [_cue_class(features) for _, features in candidates]
    by_cue = sorted(range(len(candidates)), key=lambda j: candidates[j][0].cue[0])
    cue_starts = [candidates[j][0].cue[0] for j in by_cue]
    for i, (outer, outer_features) in enumerate(candidates):
        start, end = outer.content
        for j in by_cue[bisect_left(cue_starts, start) : bisect_left(cue_starts, end)]:
            inner, inner_features = candidates[j]
            if i != j and start <= inner.speaker[0] < end:
                _keep_strongest(outer_features, "holds=", classes[j])
                _keep_strongest(inner_features, "held_by=", classes[i])


def _cue_class(features: dict[str, float]) -> str:
    return next((k.removeprefix("class=") for k in features if k.startswith("class=")), "none")


def _keep_strongest(features: dict[str, float], prefix: str, cls: str) -> None:
    current = next((k for k in features if k.startswith(prefix)), None)
    if current is not None and _CLASS_RANK[current[len(prefix):]] >= _CLASS_RANK[cls]:
        return
    if current is not None:
        del features[current]
    features[prefix + cls] = 1.0


def possible_predicates(doc) -> Iterator:
    """The tokens ``candidate``, ``according_to``, ``in_a_poll`` or ``claim_by`` may take, in text
    order: verbs, adjectival complements, nouns with a possessive or a "by"/"from" phrase, claim
    nouns with a word before them ("union claims"), "according", "in" ("In a poll, ...", "... in
    the latest Fox poll"). Read from the Doc's arrays: most words are none of these, and building
    a Token for each cost more than the test."""
    from spacy.attrs import DEP, HEAD, LOWER, POS
    from spacy.symbols import ADJ, AUX, NOUN, VERB

    if not len(doc):
        return
    strings = doc.vocab.strings
    poss, acomp, according, in_ = strings["poss"], strings["acomp"], strings["according"], strings["in"]
    prep, by, from_ = strings["prep"], strings["by"], strings["from"]
    modifiers = (strings["compound"], strings["amod"])
    claims = frozenset(strings[w] for w in claim_nouns())
    table = doc.to_array([POS, DEP, LOWER, HEAD])
    heads = (table[:, 3].view("int64") + range(len(doc))).tolist()  # HEAD is relative, stored unsigned
    pos, dep, lower = table[:, :3].T.tolist()
    has_possessive = {heads[i] for i, d in enumerate(dep) if d == poss}
    has_by = {heads[i] for i, (d, low) in enumerate(zip(dep, lower, strict=True))
              if d == prep and low in (by, from_)}
    claimed = {heads[i] for i, d in enumerate(dep) if d in modifiers and lower[heads[i]] in claims}
    nominal = has_possessive | has_by | claimed
    for i, (p, d, low) in enumerate(zip(pos, dep, lower, strict=True)):
        if (p in (VERB, AUX) or (p == ADJ and d == acomp) or (p == NOUN and i in nominal)
                or low in (according, in_)):
            yield doc[i]


def _in_quote(pos: int, marks: list[int]) -> bool:
    return bisect_left(marks, pos) % 2 == 1


def quote_mark_positions(text: str) -> list[int]:
    return [m.start() for m in _QUOTE_MARK.finditer(quote_view(text))]


def candidate(pred, text: str, quote_marks: list[int]) -> tuple[Found, dict[str, float]] | None:
    """A possible attribution headed by ``pred`` (a verb, an adjective such as "convinced",
    "worried", or a noun with a possessive speaker), with the features the model scores."""
    if pred.pos_ == "NOUN":
        subj = next((c for c in pred.children if c.dep_ == "poss"), None)
        arg = nominal_content(pred) if subj is not None else None
    elif pred.pos_ == "ADJ" and pred.dep_ == "acomp":
        subj = subject_of(pred.head)
        arg = content_argument(pred) if subj is not None else None
    elif pred.pos_ in ("VERB", "AUX") and not is_passive_participle(pred):
        if pred.dep_ == "xcomp" and is_passive_participle(pred.head):
            return None  # "Asked to comment, X said": being asked is not a statement
        if _that_said(pred):
            return None  # "That said, Cruz cannot win": a concession, no one's statement
        if _urged_with_no_object(pred):
            return None  # a headline's passive: "Net firms urged to block ...": the firms are urged
        quoted = None if _in_quote(pred.idx, quote_marks) else partial(_in_quote, marks=quote_marks)
        subj = subject_of(pred, quoted)
        if subj is not None and _inverted_condition(pred):
            return None  # "it would have been cool had Clinton congratulated him": nobody did
        if subj is not None and subj.lemma_.lower() in _SAID_THINGS and not any(
                c.dep_ in ("poss", "compound") for c in subj.children):  # not "Podliska's claim is"
            return None  # "the claims were untrue and agreed to pay", misparsed: a claim says nothing
        arg = (content_argument(pred) or passive_content(pred)) if subj is not None else None
    else:
        return None
    if arg is None or _set_off_attribution(pred) is not None:
        return None
    label, arg_head, span = arg
    if label == "dobj" and names_a_statement(arg_head):
        return None
    if label == "xcomp" and _anonymity_asked(arg_head):
        return None  # "who asked not to be named": how the speaker may be cited, not a statement
    span = without_trailing_aside(arg_head.doc, clip_to_paragraph(text, span, pred.idx), quote_marks)
    span = _without_trailing_conjunction(pred, text, span)
    if span[1] - span[0] < 2 or (word_count(text[span[0] : span[1]]) < 2 and arg_head.pos_ not in NAMING_POS):
        return None  # a content of one word names something ("attacked Trump"); "which", "it" do not
    speaker = possessor_named_as_subject(subj, pred) if pred.pos_ == "NOUN" else document_author(subj)
    mention = mention_span(speaker or subj, text, pred)
    found = Found("indirect", span, cue_span(pred), mention, 0.0, clausal=label == "ccomp")
    features = candidate_features(pred, subj, label, arg_head, text[span[0] : span[1]], span, quote_marks)
    return found, features


_CITING_VERBS = frozenset({"name", "identify", "quote"})
_SAID_THINGS = frozenset({"claim", "allegation", "accusation", "suggestion", "rumour", "rumor"})


def _anonymity_asked(clause) -> bool:
    """A passive infinitive of naming: "(asked) not to be named", "(declined) to be identified"."""
    return clause.lemma_.lower() in _CITING_VERBS and any(c.dep_ == "auxpass" for c in clause.children)


def _without_trailing_conjunction(pred, text: str, span: tuple[int, int]) -> tuple[int, int]:
    """ "said the defeat was a setback but insisted ...": the parse hung the "but" that joins the
    cue to a second cue on the content's clause; the content ends before it."""
    m = _TRAILING_CONJUNCTION.search(text, span[0], span[1])
    if m is None or m.start() <= span[0]:
        return span
    doc = pred.doc
    conjunction = doc.char_span(m.end() - 1, m.end(), alignment_mode="expand")  # its last letter's token
    after = doc[conjunction.end] if conjunction is not None and conjunction.end < len(doc) else None
    if after is None or after.dep_ != "conj" or after.head.i != pred.i or not is_cue(after):
        return span
    return trim(text, span[0], m.start())


_TRAILING_CONJUNCTION = re.compile(r",?\s+(?:and|but|or)$")


def without_trailing_aside(doc, span: tuple[int, int], quote_marks: list[int]) -> tuple[int, int]:
    """ "supports the final bill, which includes ...", "never mentioned Clinton, who trailed ...": a
    relative clause set off by a comma at the end of the content describes a name in it, and an
    apposition summing the content up is the writer's (``_comment_on_the_content``): the
    statement ends before the comma or dash (quoted words stay part of the quote)."""
    tokens = doc.char_span(span[0], span[1], alignment_mode="contract")
    if tokens is None or len(tokens) < 3:
        return span
    last = tokens[-1]
    while last.is_punct and last.i > tokens.start:
        last = doc[last.i - 1]
    for tok in (last, *last.ancestors):
        comma = tok.left_edge.i - 1
        if comma <= tokens.start or tok.i >= tokens.end:
            break
        if _in_quote(doc[comma].idx, quote_marks):
            continue
        relative = (tok.dep_ == "relcl" and doc[comma].text == "," and tok.head.pos_ in ("NOUN", "PROPN")
                    and not _reason_after_relative(tok))
        if relative or _comment_on_the_content(tok, doc[comma]):
            return span[0], doc[comma - 1].idx + len(doc[comma - 1].text)
    return span


def _reason_after_relative(relcl) -> bool:
    """ "seats, which hers is, because they need to save resources": a clause set off after a
    short relative clause that the parse hung on it belongs to the main clause."""
    return any(c.dep_ == "advcl" and c.left_edge.i > relcl.i and relcl.doc[c.left_edge.i - 1].text == ","
               for c in relcl.children)


def _comment_on_the_content(appos, mark) -> bool:
    """ "support reforming the superdelegate system — a move that would dilute their power": an
    indefinite apposition with a clause of its own, set off after what is said, sums it up in
    the writer's words (one describing a name stays: "the Free Syrian Army, a Western-backed
    group fighting ...")."""
    return (appos.dep_ == "appos" and mark.text in (",", "-", "—", "–") and appos.head.pos_ != "PROPN"
            and not appos.head.ent_type_ and appos.left_edge.lower_ in ("a", "an")
            and any(c.dep_ in ("relcl", "acl") for c in appos.children))


def _inverted_condition(verb) -> bool:
    """ "had Clinton congratulated him", "should the court rule": a condition, said by no one."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is not None and any(
        c.dep_ == "aux" and c.lower_ in ("had", "should", "were") and c.i < subject.i < verb.i
        for c in verb.children)


def _set_off_attribution(pred):
    """ "CNN, Cruz said, called the announcement significant": a cue with its own subject set off
    between the predicate's subject and the predicate says the clause; its subject is not the
    speaker (the cue's own candidate reports the statement)."""
    subject = next((c for c in pred.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return None
    return next(
        (
            c
            for c in pred.children
            if c.dep_ == "parataxis"
            and subject.i < c.i < pred.i
            and is_cue(c)
            and any(g.dep_ in SUBJECT_DEPS for g in c.children)
        ),
        None,
    )


def nominal_content(noun) -> tuple[str, object, tuple[int, int]] | None:
    """What a noun with a possessive (the speaker) says: "his claim that X", "her call for X",
    "Trump's opposition to X"."""
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX") and c.i > noun.i:
            return "noun_clause", c, subtree_span(c)
    for c in noun.children:
        if c.dep_ == "prep" and c.i > noun.i:
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return f"noun_prep_{c.lower_}", obj, subtree_span(obj)
    return None


_UP_TO_THE_CLAUSE = frozenset({"dobj", "pobj", "prep", "conj", "appos", "attr", "dative", "acomp"})
_POSSESSIVE_AGREEMENT = {
    "his": frozenset({"he"}),
    "her": frozenset({"she"}),
    "their": frozenset({"they"}),
    "its": frozenset({"it"}),
}


def possessor_named_as_subject(possessive, noun):
    """The subject of the clause that holds "his/her/their/its" + ``noun``, when it agrees with the
    pronoun: "Ted Cruz apologized for his campaign's decision to ...", "She highlighted ... her
    own plans to ...". A possessive pronoun almost always takes its clause's subject as
    antecedent, and the subject names the speaker where the pronoun only points at it."""
    agreeing = _POSSESSIVE_AGREEMENT.get(possessive.lower_)
    if agreeing is None:
        return None
    verb = noun
    while verb.dep_ in _UP_TO_THE_CLAUSE and verb.head != verb:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb == noun:
        return None
    subject = subject_of(verb)
    if subject is None or subject.i > noun.i or subject.lower_ in _RELATIVE_WORDS:
        return None
    return subject if _agrees(possessive.lower_, subject) else None


def document_author(subject):
    """The maker of a document that speaks through a relative pronoun: "Sen. Rand Paul has
    released a Web video that accuses Cruz of ...", "the campaign aired an ad which says ...":
    the one who released, aired or wrote it is the speaker the pronoun stands for."""
    if subject is None or subject.lower_ not in _RELATIVE_WORDS or subject.head.dep_ != "relcl":
        return None
    document = subject.head.head
    verb = document.head
    if (
        document.dep_ != "dobj"
        or document.lemma_.lower() not in document_nouns()
        or verb.lemma_.lower() not in _authoring_verbs()
    ):
        return None
    author = subject_of(verb)
    return author if author is not None and author.lower_ not in _RELATIVE_WORDS else None


@lru_cache(maxsize=1)
def _authoring_verbs() -> frozenset[str]:
    return frozenset(read_list("authoring_verbs.txt"))


def _agrees(possessive: str, subject) -> bool:
    """Whether a subject can be what "his", "her", "their" or "its" points back to: a person
    for "his"/"her" (a name, or a noun for people: "the senator"), people or a party for
    "their", an organisation for "its"."""
    if subject.pos_ == "PRON":
        return subject.lower_ in _POSSESSIVE_AGREEMENT[possessive]
    plural = subject.tag_ in ("NNS", "NNPS")
    people = _people_nouns()
    if possessive in ("his", "her"):
        return not plural and (subject.ent_type_ == "PERSON" or subject.lemma_.lower() in people)
    if possessive == "their":
        return plural and (subject.ent_type_ in ("NORP", "PERSON") or subject.lemma_.lower() in people
                           or subject.lower_ in people)
    return not plural and subject.ent_type_ in ("ORG", "GPE")


@lru_cache(maxsize=1)
def _organisation_nouns() -> frozenset[str]:
    return frozenset(read_list("organisation_nouns.txt")) | frozenset(read_list("outlet_nouns.txt"))


@lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    """Nouns for a person or people: roles, titles, groups ("senator", "colleague", "officials")."""
    return frozenset(read_list("person_nouns.txt")) | frozenset(read_list("titles.txt")) | frozenset(
        read_list("group_nouns.txt"))


def names_a_statement(noun) -> bool:
    """ "dismissed Putin's statements saying ...": the object names another statement and the
    participle after it says what; the participle is the statement."""
    return noun.lower_ in claim_nouns() and any(
        c.dep_ == "acl" and c.tag_ == "VBG" and not any(g.dep_ in SUBJECT_DEPS for g in c.children)
        for c in noun.children)  # not "claims by a union that it is cutting ...": a clause of its own


@lru_cache(maxsize=1)
def _pushback_lines() -> list[list[str]]:
    text = resources.files("saidwhat").joinpath("data/pushback_verbs.txt").read_text(encoding="utf-8")
    return [line.split() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def pushback_verbs() -> frozenset[str]:
    """Verbs whose object is a claim pushed back on ("deny", "reject"), from data/pushback_verbs.txt."""
    return frozenset(words[0] for words in _pushback_lines() if len(words) == 1)


@lru_cache(maxsize=1)
def pushback_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Lemma -> the words that follow it in a pushback phrase: laugh -> (("off",),)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for words in _pushback_lines():
        if len(words) > 1:
            out.setdefault(words[0], []).append(tuple(words[1:]))
    return {lemma: tuple(rest) for lemma, rest in out.items()}


@lru_cache(maxsize=1)
def pushed_back_nouns() -> frozenset[str]:
    """What a pushback phrase pushes back on: claim nouns and data/pushback_objects.txt."""
    return claim_nouns() | frozenset(read_list("pushback_objects.txt"))


# The attribution model never saw these contents, so it does not score them: a pushback verb with
# a subject and a claim noun it points back to is an attribution, this sure.
POINTING_PUSHBACK_CONFIDENCE = 0.6


def pointing_pushback(verb, text: str) -> Found | None:
    """A pushback on a claim named by a noun: "a charge that Colorado Republican leaders strongly
    denied" (a charge: the claim noun the relative clause hangs on), "laughed off the attack ad"
    (a phrase in pushback_verbs.txt and what it pushes back on). The disputes stage pairs it with
    the claim it points at. None for anything else, and for a lone pronoun ("Sanders rejected
    that", "which Mr. Ailes denies"): a content is never a word that says nothing on its own."""
    if verb.pos_ not in ("VERB", "AUX") or is_passive_participle(verb):
        return None
    phrase_object = object_of_phrase(verb)
    if phrase_object is not None:
        content = subtree_span(phrase_object)
        held = claim_by(phrase_object, text)  # "hit back at claims by the council that ...", the
        if held is not None:  # "that" clause hung on the verb
            content = content[0], max(content[1], held.content[1])
    else:
        if verb.lemma_.lower() not in pushback_verbs():
            return None
        claim = _claim_relative_to(verb) or _claim_set_off_before(verb)
        if claim is None:
            return None
        content = claim.left_edge.idx, claim.idx + len(claim.text)
    subj = subject_of(verb)
    if subj is None or subj.lower_ in _RELATIVE_WORDS:
        return None
    return Found("indirect", content, cue_span(verb), mention_span(subj, text, verb),
                 POINTING_PUSHBACK_CONFIDENCE, points_back=True)


def _claim_relative_to(verb):
    """ "a charge that Colorado Republican leaders denied": the claim noun the clause hangs on."""
    if verb.dep_ != "relcl":
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    claim = verb.head
    return claim if obj is not None and obj.lower_ == "that" and claim.lower_ in claim_nouns() else None


def _claim_set_off_before(verb):
    """ "The US has accused Iran of ..., a charge Tehran denies": with no "that", the parse makes the
    pushback the sentence's main verb, the claim noun its object and the accusation its complement."""
    if verb.dep_ != "ROOT":
        return None
    claim = next((c for c in verb.children if c.dep_ == "dobj" and c.i < verb.i), None)
    if claim is None or claim.lower_ not in claim_nouns() or claim.left_edge.i == 0:
        return None
    comma = verb.doc[claim.left_edge.i - 1]
    said_before = any(c.dep_ == "ccomp" and c.i < comma.i for c in verb.children)
    return claim if comma.text == "," and said_before else None


def object_of_phrase(verb):
    """The noun a pushback phrase pushes back on: "laughed off the attack ad" -> ad, "took issue
    with recent criticism" -> criticism; None unless it names something said or done."""
    doc = verb.doc
    for rest in pushback_phrases().get(verb.lemma_.lower(), ()):
        end = verb.i + 1 + len(rest)
        if end > len(doc) or tuple(t.lower_ for t in doc[verb.i + 1 : end]) != rest:
            continue
        phrase = {verb.i, *range(verb.i + 1, end)}
        for tok in doc[end : min(len(doc), end + 8)]:
            if tok.dep_ in ("dobj", "pobj") and tok.head.i in phrase:
                return tok if tok.lower_ in pushed_back_nouns() else None
    return None


def passive_content(verb) -> tuple[str, object, tuple[int, int]] | None:
    """ "Trump is supported by few papers": the papers are the source, Trump the content."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or _agent_of(verb) is None:
        return None
    return "passive", subject, subtree_span(subject)


def _agent_of(verb):
    """The "by" phrase's noun of a passive verb: the one who acts, or speaks."""
    return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def _urged_with_no_object(verb) -> bool:
    """A verb that urges or tells someone, with no one urged and an infinitive after it: the
    headline's passive with its auxiliary left out ("Blair told to quit over Iraq")."""
    return (verb.lemma_.lower() in _URGING_VERBS and verb.tag_ in ("VBD", "VBN")
            and not any(c.dep_ in ("aux", "auxpass", "dobj", "dative", "ccomp") for c in verb.children)
            and any(c.dep_ == "xcomp" and any(g.tag_ == "TO" for g in c.children) for c in verb.children))


_URGING_VERBS = frozenset({"urge", "tell", "order", "advise", "press", "encourage", "instruct", "warn",
                           "remind"})


def is_passive_participle(verb) -> bool:
    """ "Asked whether ..., X said": the participle is not X's statement (a participle opening the
    sentence is tagged a past tense as often as not)."""
    return (
        (verb.tag_ == "VBN" or (verb.tag_ == "VBD" and verb.i < verb.head.i and verb.is_sent_start))
        and verb.dep_ in ("advcl", "acl")
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)
        and not _verb_parsed_as_participle(verb)
    )


def _with_subjectless_rest(children: list, child, span: tuple[int, int]) -> tuple[int, int]:
    """ "said the plans, to be published next week, would be 'firm but fair'": a parse that split
    one clause into two complements, the second with no subject right after the first, ends the
    content at the second's end."""
    rest = next((c for c in children if c.dep_ == "ccomp" and c.i > child.i and c.pos_ in ("VERB", "AUX")
                 and (not any(g.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for g in c.children)
                      or _inverted_condition(c))), None)
    if rest is None or rest.left_edge.i > child.right_edge.i + 2:
        return span
    return span[0], max(span[1], subtree_span(rest)[1])


def _with_subject_parsed_as_object(children: list, clause, span: tuple[int, int]) -> tuple[int, int]:
    """ "told MPs rates were 'about right'", "told the Commons growth would be strong": the parse
    made the one told (a name or a plural, after at most "the") and the subject of the clause
    after it one object ("MPs rates"); the subject is its head noun, the content starts there."""
    if clause.head.lemma_.lower() not in _TELLING_VERBS or not _clause_with_no_subject(clause):
        return span
    obj = _object_right_before(children, clause)
    if obj is None or obj.tag_ not in ("NN", "NNS"):
        return span
    told = next((c for c in obj.children if c.dep_ == "compound" and c.i < obj.i), None)
    if told is None:
        return span
    doc, start = obj.doc, told.left_edge.i
    if any(t.lower_ != "the" for t in doc[obj.left_edge.i : start]) \
            or not all(t.text[:1].isupper() or t.tag_ == "NNS" for t in doc[start : obj.i]):
        return span
    return obj.idx, span[1]


def _with_subject_taken_for_the_object(children: list, clause, span: tuple[int, int]) -> tuple[int, int]:
    """ "claimed council tax had almost doubled": the parse made the clause's subject the object of
    a verb that takes no object of a person, and left the clause after it with no subject; the
    content starts at that object."""
    if clause.head.lemma_.lower() not in _CLAUSE_ONLY_VERBS or not _clause_with_no_subject(clause):
        return span
    obj = _object_right_before(children, clause)
    return (obj.left_edge.idx, span[1]) if obj is not None and obj.pos_ in ("NOUN", "PROPN") else span


def _clause_with_no_subject(clause) -> bool:
    return clause.left_edge.dep_ != "mark" and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl"
                                                       for c in clause.children)


def _object_right_before(children: list, clause):
    """The cue's direct object that ends right where ``clause`` starts, if any."""
    return next((c for c in children if c.dep_ == "dobj" and c.right_edge.i + 1 == clause.left_edge.i), None)


_CLAUSE_ONLY_VERBS = frozenset({
    "say", "claim", "insist", "argue", "believe", "think", "suggest", "admit", "predict", "estimate",
    "announce", "state", "add", "fear", "hope", "expect", "reckon", "maintain", "acknowledge", "concede",
    "allege", "contend", "assert", "agree", "accept", "complain", "deny", "explain", "feel", "stress"})


def _completed_after_aside(verb, clause, span: tuple[int, int]) -> tuple[int, int]:
    """ "It is no surprise, Mr. Garin said, that Mrs. Clinton did better", "it is his job, he said,
    to talk to Congress": a clause before a cue set off by commas that the complement after the
    cue completes; the content runs on to that complement's end."""
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    if clause.i > verb.i or subject is None or subject.left_edge.i == 0 or verb.i + 2 >= len(doc):
        return span
    if doc[subject.left_edge.i - 1].text != "," or doc[verb.i + 1].text != ",":
        return span
    rest = next((c for c in verb.children
                 if c.dep_ in ("ccomp", "xcomp") and c.left_edge.i == verb.i + 2), None)
    return span if rest is None else (span[0], max(span[1], subtree_span(rest)[1]))


def _object_joined_to(clause, children: list):
    """The verb's object that a clause after it is joined to by "and"/"or", which the parse hung on
    the object: "decried the lack of details about where ... and just how much it would cost"."""
    obj = next((c for c in children if c.dep_ == "dobj" and c.i < clause.i), None)
    if obj is None:
        return None
    joiner = clause.doc[clause.left_edge.i - 1] if clause.left_edge.i > 0 else None
    return obj if joiner is not None and joiner.dep_ == "cc" and joiner.head == obj else None


def _statement_before_aside(verb, clause) -> bool:
    """ "Mook acknowledged A, which is an outcome, he said, "we've long anticipated"": a parse that
    hangs another subject's statement before an aside cue on it as its complement, with the
    aside's own complement after it."""
    return (clause.i < verb.i and is_cue(clause)
            and any(c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN") for c in clause.children)
            and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children))


def _run_on_clause_before(verb, clause) -> bool:
    """ "Carson seems to recognize the problem -- he told the AP that his task is ...": a clause
    before the speaker that no comma or quotation mark sets off as what they say, with a verbal
    complement after the verb: that one is what they say. So too a clause of time or cause ("after
    the senator quit, Cruz said ...") and one ended by a colon or semicolon."""
    if clause.i > verb.i or not any(c.dep_ == "ccomp" and c.i > verb.i and c.pos_ in ("VERB", "AUX")
                                    for c in verb.children):
        return False
    if any(c.dep_ == "mark" and c.lower_ in _SUBORDINATORS for c in clause.children):
        return True  # "shortly after the senator suspended his campaign, Cruz said he's certain ..."
    if clause.right_edge.text in (":", ";"):
        return True  # "Millennials agree on one issue: by nearly 2-1, they say ..."
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    if subject is None or subject.left_edge.i == 0:
        return False
    before = clause.doc[subject.left_edge.i - 1]
    return before.text != "," and not _is_quote_mark(before.text)


def content_argument(verb) -> tuple[str, object, tuple[int, int]] | None:
    """What a predicate introduces, by preference: a clausal complement, an infinitive, a
    direct object (with its predicate: "called X Y"), a prepositional object ("called for X"),
    or the clause the verb is attached to ("..., X said")."""
    children = list(verb.children)
    told = clause_under_recipient(verb) or clause_under_medium(verb)
    if told is not None:
        return "ccomp", told, subtree_span(told)
    for dep in ("ccomp", "xcomp"):
        # a verbal clause first: "told BBC Radio 4's Today programme the cards would not stop
        # terrorism" has the programme as a second, nominal "ccomp"; an "xcomp" must be verbal
        child = next((c for c in children if c.dep_ == dep and c.pos_ in ("VERB", "AUX")), None)
        if child is None and dep == "ccomp":
            child = next((c for c in children if c.dep_ == "ccomp"), None)
        if dep == "ccomp" and child is not None and (
                _statement_before_aside(verb, child) or _run_on_clause_before(verb, child)
                or (child.i < verb.i and child == _relative_clause_made_complement(verb))):
            child = next(c for c in children if c.dep_ == "ccomp" and c.i > verb.i)
        if child is not None:
            span = _with_hyphen_split_rest(child, subtree_span(child))
            if dep == "ccomp" and (obj := _object_joined_to(child, children)) is not None:
                return "dobj", obj, (subtree_span(obj)[0], span[1])  # "the lack of details ... and how much"
            if dep == "ccomp":
                span = _completed_after_aside(verb, child, _with_subjectless_rest(children, child, span))
                span = _with_more_hung_on_the_cue(children, child, span)
                span = _with_subject_parsed_as_object(children, child, span)
                span = _with_subject_taken_for_the_object(children, child, span)
            return dep, child, span
    clause = clause_parsed_as_object(verb) or _question_asked(verb, children)
    if clause is not None:
        return "ccomp", clause, subtree_span(clause)
    clause = clause_it_comments(verb)
    if clause is not None:
        return "head", clause, subtree_span(clause, exclude=verb)
    clause = clause_called_for(verb)
    if clause is not None:  # read as the prepositional object it is ("called for a vote")
        start, end = subtree_span(clause)
        return "prep_for", clause, (start + len("for "), end)
    dobj = next((c for c in children if c.dep_ in ("dobj", "attr")), None)
    if dobj is None:
        dobj = _object_parsed_as_predicate(verb, children)
    if dobj is not None and _told_whom(verb, dobj):
        dobj = None  # ""We are nowhere near the end," his aide told The Huffington Post": the clause is said
    if dobj is not None:
        tail = [
            c
            for c in children
            if c.i > dobj.i and (c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ in OBJECT_PREPOSITIONS)
                                 or _what_it_shows_of(verb, c))
        ]
        end_tok = max(tail, default=dobj, key=lambda c: c.i)
        start, _ = subtree_span(dobj)
        _, end = subtree_span(end_tok)
        purpose = _infinitive_of_the_object(verb, dobj, end)
        if purpose is not None:  # to its last word before a clause of its own ("... after fans complained")
            last = max((t for c in purpose.children if c.dep_ != "advcl" for t in c.subtree),
                       key=lambda t: t.i, default=purpose)
            end = max(last.idx + len(last.text), purpose.idx + len(purpose.text))
        return "dobj", dobj, (start, end)
    prep = next(
        (
            c
            for c in children
            if c.dep_ == "prep" and c.i > verb.i and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
        ),
        None,
    )
    if prep is not None:
        obj = next(g for g in prep.children if g.dep_ in ("pobj", "pcomp"))
        return f"prep_{prep.lower_}", obj, subtree_span(obj)
    clause = _opening_clause_hung_on_final_cue(verb, children)
    if clause is not None:
        return "head", clause, subtree_span(clause)
    head = verb.head
    if (
        (verb.dep_ in ("parataxis", "ccomp", "advcl") or _trailing_speech_conj(verb))
        and head != verb
        and head.i < verb.i
        and head.pos_ in ("VERB", "AUX")
        and (not is_cue(head) or _passive(head))  # "states are called alphabetically, he noted"
        and not (verb.dep_ == "advcl" and verb.tag_ == "VBG")
    ):
        if verb.dep_ == "parataxis" and _between_commas(verb) and head.right_edge.i > verb.right_edge.i:
            # "it is his job, he said, to talk to Congress": the clause goes on after the cue clause
            return "around", head, (head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text))
        return "head", head, subtree_span(head, exclude=verb)
    if verb.dep_ == "parataxis" and head.dep_ in ("aux", "auxpass") and head.i > verb.i:
        head = head.head  # "Even then, he said, he's learned ...", hung on the "'s"
    if verb.dep_ == "parataxis" and head.i > verb.i and head.pos_ in ("VERB", "AUX") and (
            not is_cue(head) or _set_off_attribution(head) == verb or _between_commas(verb)):
        # "The plan, the mayor said, would cost more": the content runs around the cue clause
        return "around", head, (head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text))
    return None


def _opening_clause_hung_on_final_cue(verb, children):
    """ "As Trump prepared to speak, a girl was pepper-sprayed, police said.": the parse hung
    the whole sentence before a sentence-final ", X said" on the cue as one opening clause."""
    if not any(c.dep_ == "advcl" for c in children):
        return None
    sent = verb.sent
    if not _only_punctuation(verb.doc[verb.i + 1 : sent.end]):
        return None
    clause = next((c for c in children if c.dep_ == "advcl" and c.left_edge.i == sent.start), None)
    if clause is None or verb.doc[clause.right_edge.i + 1].text != ",":
        return None
    return clause if any(t.dep_ in ("nsubj", "nsubjpass") for t in clause.subtree) else None


def _only_punctuation(tokens) -> bool:
    """Whether nothing but punctuation is left, a paragraph break being no word."""
    return all(t.is_punct or t.is_space for t in tokens)


def _question_asked(verb, children):
    """ "Scarborough asked Clinton if Trump benefits from a double standard": the "if" or
    "whether" clause the parse hung on "ask" as a modifier is the question, not the one asked."""
    if verb.lemma_.lower() != "ask":
        return None
    return next((c for c in children if c.dep_ == "advcl" and c.i > verb.i
                 and any(g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in c.children)), None)


def _object_parsed_as_predicate(verb, children):
    """ 'Graham called both Trump and Clinton "crazy"': with no object, the parse made the one
    called and what they were called two predicates ("oprd"); the first stands for the object.
    'calling Trump's charge "pathetic"': or it hung the one called on the predicate."""
    predicates = [c for c in children if c.dep_ == "oprd" and c.i > verb.i]
    if len(predicates) > 1:
        return predicates[0]
    if predicates:
        return next((c for c in predicates[0].lefts if c.dep_ in ("npadvmod", "nsubj", "dep", "poss")
                     and c.pos_ in ("NOUN", "PROPN") and c.i > verb.i), None)
    if verb.dep_ == "ROOT" and _in_headline(verb):
        # "Wenger dismisses Vieira exit talk": headlinese the parse reads as a noun complement
        return next((c for c in children if c.dep_ == "xcomp" and c.pos_ == "NOUN" and c.i > verb.i), None)
    return None


def _in_headline(token) -> bool:
    """Whether a token is on the text's first line, a headline."""
    end = _first_line_end(token.doc)
    return 0 <= token.idx < end <= MAX_HEADLINE_CHARS


def _first_line_end(doc) -> int:
    """Where the first line break is, or -1 past the longest headline (read from the first tokens:
    `Doc.text` would join every token of the article at each call)."""
    for token in doc:
        if token.idx > MAX_HEADLINE_CHARS:
            return -1
        at = token.text_with_ws.find("\n")
        if at >= 0:
            return token.idx + at
    return -1


def _passive(verb) -> bool:
    """ "states are called", "he was told": a verb in the passive voice."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _is_quote_mark(word: str) -> bool:
    """A token that is or holds a quotation mark: '"', '”', "''", "``"."""
    return word in ("''", "``") or _QUOTE_MARK.search(word) is not None


def _between_commas(verb) -> bool:
    """ ", he said,": a cue clause set off by a comma on each side, not after a quotation (whose
    speaker it names) nor before "and" or "but"."""
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    # from the subject: "After the court ruled, Hebert said, most laws ...", the parse hung the
    # opening clause on the cue
    left = verb.left_edge.i if subject is None else subject.left_edge.i
    right = verb.right_edge.i
    if doc[left].text != ",":
        left -= 1
    if doc[right].text != ",":
        right += 1
    if left <= 0 or doc[left].text != "," or right + 1 >= len(doc) or doc[right].text != ",":
        return False
    after_quote = _is_quote_mark(doc[left - 1].text) or _is_quote_mark(doc[left + 1].text)
    return not after_quote and doc[right + 1].pos_ != "CCONJ"


def _what_it_shows_of(verb, c) -> bool:
    """ "A poll showed Clinton with a healthy lead", "Polls show Clinton up by 10 points": what a
    poll shows of its object follows it, unless a comma sets it off."""
    return (verb.lemma_ == "show" and c.dep_ in ("prep", "prt", "advmod", "npadvmod", "acomp")
            and verb.doc[c.left_edge.i - 1].text != ",")


def _trailing_speech_conj(verb) -> bool:
    """ "The campaign will fight on, his aide told the Post": a speech verb the parse joined to the
    clause before it with no "and" is that clause's attribution."""
    head = verb.head
    if not (verb.dep_ == "conj" and _speech_cue(verb) and head.i < verb.i
            and any(c.dep_ in SUBJECT_DEPS for c in verb.children)):
        return False
    before = [t for t in verb.doc[head.i + 1 : verb.left_edge.i] if not t.is_punct]
    return not before or before[-1].pos_ != "CCONJ"  # "..., but it is under pressure, said X": not "and"


def _told_whom(verb, obj) -> bool:
    """The object of "tell" that is whom it was told ("told The Washington Post", "told them",
    "told reporters", "told his audience"), not what ("told the truth", "told the story")."""
    if verb.lemma_ != "tell" or obj.pos_ not in ("PROPN", "PRON", "NOUN"):
        return False
    return obj.pos_ != "NOUN" or obj.lemma_.lower() not in _told_what()


@lru_cache(maxsize=1)
def _told_what() -> frozenset[str]:
    """What is told rather than whom: "told the truth", "told a joke", and the nouns for what was
    said ("told the story")."""
    return frozenset({"truth", "lie", "joke", "tale", "secret"}) | claim_nouns()


def _with_hyphen_split_rest(clause, span: tuple[int, int]) -> tuple[int, int]:
    """A verb the parse splits at its hyphen into sibling clauses ("would co" "-" "operate fully
    ..."): the content runs on to the end of the last piece."""
    doc, k = clause.doc, clause.i
    while hyphen_joins(doc[k]) and doc[k + 2].head == clause.head:
        k += 2
    if k == clause.i:
        return span
    return span[0], max(span[1], subtree_span(doc[k])[1])


def clause_it_comments(verb):
    """ "As the Post reported on Friday, the agency had no plan": a cue set off by "as" before
    the clause it attaches to says that clause."""
    head = verb.head
    if (
        verb.dep_ == "advcl"
        and head.i > verb.i
        and head.pos_ in ("VERB", "AUX")
        and is_cue(verb)
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        and not any(c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and not _told_whom(verb, c))
                    for c in verb.children)  # "As Clinton told the Daily News, ..."
    ):
        return head
    return None


def clause_called_for(verb):
    """ "She called for all candidates to lay out specifics": the parse makes "for" the mark of
    the infinitive's clause; that clause is what she calls for ("enough for him to claim" is no
    call)."""
    if verb.pos_ != "VERB":
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "advcl"
            and c.i > verb.i
            and c.left_edge.lower_ == "for"
            and c.left_edge.dep_ == "mark"
            and any(g.dep_ == "nsubj" for g in c.children)
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        ),
        None,
    )


_TELLING_VERBS = frozenset({"tell", "assure", "warn", "inform", "remind", "brief", "promise", "reassure"})
_RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "whose"})
_RECIPIENT_DEPS = frozenset({"dative", "dobj", "xcomp", "ccomp"})  # where the parse puts the one told


def clause_under_recipient(verb):
    """ "She told BBC Radio 4's Today programme (that) the country had built too few homes": the
    parse hangs the clause on the one told; it is what the verb says."""
    if verb.lemma_.lower() not in _TELLING_VERBS:
        return None
    for recipient in _told_and_where(verb):
        for c in recipient.children:
            if (c.dep_ in ("ccomp", "acl") or _relative_marked_that(c) or _contact_clause(c, recipient)) \
                    and c.i > recipient.i \
                    and c.pos_ in ("VERB", "AUX") and any(
                    g.dep_ in ("nsubj", "nsubjpass") and g.lower_ not in _RELATIVE_WORDS for g in c.children):
                return c
    return None


def _told_and_where(verb) -> Iterator:
    """The nouns after a telling verb that the parse may hang its clause on: the one told, and the
    objects of the prepositions after it or the verb ("told the audience at his fundraiser for
    veterans that ...")."""
    recipients = [c for c in verb.children if c.dep_ in _RECIPIENT_DEPS and c.pos_ in ("NOUN", "PROPN")]
    yield from recipients
    for head in [verb, *recipients]:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.i > verb.i:
                yield from (g for g in prep.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"))


def _contact_clause(clause, recipient) -> bool:
    """ "told the Today programme the minister should resign": a relative clause right after the one
    told, with a subject of its own, is what was told (its checks on the subject are the caller's)."""
    return clause.dep_ == "relcl" and clause.left_edge.i == recipient.i + 1 \
        and recipient.lemma_.lower() not in _told_what()  # "told the story the minister liked"


def _relative_marked_that(clause) -> bool:
    """ "told a meeting of leaders that few people understood ...": a relative clause whose "that"
    the parse made a conjunction is a "that" clause."""
    return clause.dep_ == "relcl" and any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.children)


def clause_parsed_as_object(verb):
    """ 'told the conference that Labour had "lost control" of the borders': quotation marks inside
    a clause can make the parser read it as a noun object; a noun with its own "that" and its own
    subject is the clause."""
    for c in verb.children:
        if c.dep_ in ("dobj", "attr") and c.i > verb.i and any(
                g.dep_ == "mark" and g.lower_ in ("that", "whether") for g in c.children) and any(
                g.dep_ == "nsubj" for g in c.children):
            return c
    return None


_MEDIUM_PREPOSITIONS = frozenset({"in", "on", "during"})


def clause_under_medium(verb):
    """ "told staff in an email that the BBC would not bow", "said in a statement that ...": the
    parse hangs the "that" clause on the email; it is what the verb says. Only for a verb with no
    clause of its own."""
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in _MEDIUM_PREPOSITIONS or prep.i < verb.i:
            continue
        for medium in (c for c in prep.children if c.dep_ == "pobj"):
            for c in medium.children:
                if c.dep_ in ("acl", "ccomp", "relcl") and c.i > medium.i and c.pos_ in ("VERB", "AUX") \
                        and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children) \
                        and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                    return c
    return None


def candidate_features(
    verb, subj, label: str, arg_head, content: str, span: tuple[int, int], quote_marks: list[int]
) -> dict[str, float]:
    lexicon = cue_lexicon()
    lemma = verb.lemma_.lower()
    cls = lexicon.get(lemma, "none")
    n_words = word_count(content)
    in_quote = _in_quote(verb.idx, quote_marks)
    has_quote = bisect_left(quote_marks, span[1]) > bisect_left(quote_marks, span[0])
    if subj.pos_ == "PRON":
        subj_kind = subj.lower_
    elif subj.ent_type_:
        subj_kind = subj.ent_type_
    else:
        subj_kind = subj.pos_
    subj_word = subj.lemma_.lower() if subj.pos_ in ("NOUN", "PRON") else subj_kind
    neg = any(c.dep_ == "neg" for c in verb.children)
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
    under_cue = next((a.lemma_.lower() for a in verb.ancestors if a.lemma_.lower() in lexicon), "none")
    head_class = lexicon.get(verb.head.lemma_.lower(), "none") if verb.head != verb else "root"
    subj_class = speaker_class(subj)
    features = {
        "bias": 1.0,
        f"lemma={lemma}": 1.0,
        f"class={cls}": 1.0,
        f"arg={label}": 1.0,
        f"lemma_arg={lemma}|{label}": 1.0,
        f"class_arg={cls}|{label}": 1.0,
        f"tag={verb.tag_}": 1.0,
        f"dep={verb.dep_}": 1.0,
        f"class_dep={cls}|{verb.dep_}": 1.0,
        f"subj={subj_kind}": 1.0,
        f"subj_word={subj_word}": 1.0,
        f"subj_arg={subj_kind}|{label}": 1.0,
        f"lemma_subj={lemma}|{subj_kind}": 1.0,
        f"subj_inherited={subj.head != verb}": 1.0,
        f"neg={neg}": 1.0,
        f"modal={modal}": 1.0,
        f"in_quote={in_quote}": 1.0,
        f"has_quote={has_quote}": 1.0,
        f"class_quote={cls}|{in_quote}|{has_quote}": 1.0,
        f"len={min(int(n_words).bit_length(), 9)}": 1.0,
        f"arg_len={label}|{min(int(n_words).bit_length(), 9)}": 1.0,
        f"head_class={head_class}": 1.0,
        f"under_cue={under_cue != 'none'}": 1.0,
        f"under_cue_class={cls}|{under_cue != 'none'}": 1.0,
        f"arg_tag={label}|{arg_head.tag_}": 1.0,
        f"arg_finite={label}|{any(c.dep_ in SUBJECT_DEPS for c in arg_head.children)}": 1.0,
        f"arg_word={arg_head.lemma_.lower() if arg_head.pos_ == 'NOUN' else arg_head.pos_}": 1.0,
        f"sent_start={verb.sent.start == subj.left_edge.i}": 1.0,
        f"subj_class={subj_class}": 1.0,
        f"subj_via={'own' if subj.head == verb else verb.dep_}": 1.0,
        f"subj_gap={min(abs(verb.i - subj.i).bit_length(), 6)}": 1.0,
        f"class_subj_class={cls}|{subj_class}": 1.0,
    }
    return features


def speaker_class(subj) -> str:
    """What kind of thing a subject names, for the model: people, an organisation, a document,
    a time or number, a relative or other pronoun, or another noun ("the struggle", "the issue"),
    which seldom speaks."""
    word = subj.lemma_.lower()
    if subj.pos_ == "PRON":
        return "relative" if subj.lower_ in _RELATIVE_WORDS else "pronoun"
    if subj.ent_type_ in ("DATE", "TIME", "PERCENT", "CARDINAL", "MONEY", "QUANTITY", "ORDINAL"):
        return "number"
    if subj.ent_type_ in ("PERSON", "NORP") or word in _people_nouns() or subj.lower_ in _people_nouns():
        return "people"
    if subj.ent_type_ in ("ORG", "GPE") or word in _organisation_nouns():
        return "organisation"
    if word in document_nouns():
        return "document"
    return "proper" if subj.pos_ == "PROPN" else "other"


def according_to(tok, text: str) -> Found | None:
    """ "According to X, ...": X is the speaker, the clause it modifies the content."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None:
        return None
    head = tok.head
    while head.dep_ not in ("ROOT",) and head.head != head and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    if _joined_with_no_conjunction(head) and head.head.i < tok.i:
        head = head.head  # "leads Sanders by 271 pledged delegates according to": "pledged" a verb
    head = _whole_sentence_before_final_phrase(tok, head)
    before = tok.i < head.i  # "According to X, ...", where X may have an apposition
    lead = _clause_left_of(tok, head) if before else None
    if lead is not None:
        content = clip_to_paragraph(text, lead, tok.idx)
    else:
        if before:
            head = _clause_after_apposition(head) or head
        content = clip_to_paragraph(text, subtree_span(head, exclude=tok), tok.idx)
        if before:
            content = _after_source_apposition(head, content)
    cue = (tok.idx, to.idx + len(to.text))
    return Found("indirect", content, cue, mention_span(source, text), 0.85)


def _whole_sentence_before_final_phrase(tok, head):
    """ "Trump received 37 percent, Clinton 36 percent and Bloomberg snagged 13 percent, according
    to the poll.": a phrase set off at the end of its sentence attributes the whole sentence, not
    the last clause the parse hung it on; up to a cue, which has a statement of its own, and not
    past a clause of its own after ", and" ("There is one law ..., and Clinton broke it, according
    to X": X says she broke it) nor out of parentheses."""
    doc = tok.doc
    before = doc[tok.sent.start : tok.i]
    if head.i > tok.i or tok.i == 0 or doc[tok.i - 1].text != "," \
            or sum(t.text == "(" for t in before) > sum(t.text == ")" for t in before) \
            or not _only_punctuation(doc[tok.right_edge.i + 1 : tok.sent.end]):
        return head
    while head.head != head and head.sent == tok.sent and not is_cue(head.head) \
            and not _clause_after_comma_and(head):
        head = head.head
    return head


def _clause_after_comma_and(verb) -> bool:
    """A clause with its own subject joined by ", and" or ", but" to the one before it."""
    if verb.dep_ != "conj" or not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False
    cc = next((c for c in verb.head.children if c.dep_ == "cc" and verb.head.i < c.i < verb.i), None)
    return cc is not None and cc.i > 0 and verb.doc[cc.i - 1].text == ","


def _joined_with_no_conjunction(verb) -> bool:
    """A verb the parse joined to the clause before it with no subject and no "and", "but" or
    comma between: a participle or adjective it took for a verb ("by 271 pledged delegates")."""
    if verb.dep_ != "conj" or verb.head.i > verb.i or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False
    return not any(t.pos_ == "CCONJ" or t.is_punct for t in verb.doc[verb.head.i + 1 : verb.i])


def _clause_left_of(tok, head) -> tuple[int, int] | None:
    """ "The bureau is looking into X, according to sources who spoke to Fox News but were not
    authorized to ...", "..., according to a newly uncovered email previously kept secret": the
    parse hung the phrase on a subjectless clause joined to the one before it, made of words
    after the phrase; the phrase ends the clause before, which is what it attributes."""
    if head.dep_ not in ("conj", "advcl") or head.head.i > tok.i or any(
            c.dep_ in SUBJECT_DEPS for c in head.children):
        return None
    doc = tok.doc
    if any(t.pos_ == "CCONJ" for t in doc[head.head.i : tok.i]):
        return None  # "..., and according to X, Z": the phrase opens the second clause
    words = [t for t in doc[tok.sent.start : tok.i] if not t.is_punct and not t.is_space]
    return (words[0].idx, words[-1].idx + len(words[-1].text)) if words else None


def claim_by(noun, text: str) -> Found | None:
    """ "dismissed claims by a union that it is cutting ...", "despite warnings from his attorney
    that ...": the one a claim noun names says its "that" clause, a statement of its own within
    the content of the statement that answers it (PolNeAR annotates both)."""
    if noun.lower_ not in claim_nouns():
        return None
    prep = next((c for c in noun.children
                 if c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i == noun.i + 1), None)
    if prep is None:
        return _claim_of_modifier(noun, text)
    source = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if source is None or speaker_class(source) not in _CLAIMANT_CLASSES:
        return None
    clause = _claimed_clause(noun, prep, source)
    return _nested_claim(text, noun, prep.idx + len(prep.text), source, clause)


def _nested_claim(text: str, noun, cue_end: int, source, clause) -> Found | None:
    if clause is None:
        return None
    content = clip_to_paragraph(text, subtree_span(clause), noun.idx)
    return Found("indirect", content, (noun.idx, cue_end), mention_span(source, text), 0.85, nested=True)


_CLAIMANT_CLASSES = frozenset({"people", "organisation", "proper", "pronoun"})


def _claim_of_modifier(noun, text: str) -> Found | None:
    """ "denied union claims that it plans to cut jobs", "rejected Conservative claims that ...":
    the claimant is the word right before the claim noun, the content its "that" clause."""
    source = next((c for c in noun.children if c.dep_ in ("compound", "amod") and c.i == noun.i - 1), None)
    if source is None or speaker_class(source) not in _CLAIMANT_CLASSES - {"pronoun"}:
        return None
    clause = next((c for c in (*noun.children, *noun.head.children)
                   if c.left_edge.i == noun.i + 1 and _that_clause(c)), None)
    return _nested_claim(text, noun, noun.idx + len(noun.text), source, clause)


def _that_clause(c) -> bool:
    return c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX") and any(
        g.dep_ == "mark" and g.lower_ == "that" for g in c.children)


def _claimed_clause(noun, prep, source):
    """The "that" clause right after "claims by X", however the parse hung it: on the noun ("claims
    by Glenn McGrath that Australia will win"), on the verb above ("faced criticism from rivals
    that ...", "hit back at claims by the council that ..."), or as a relative clause of X whose
    "that" is no argument of its own ("claims by a think tank that council tax bills will rise":
    "that" taken for the object of "rise")."""
    above = noun.head.head.children if noun.dep_ == "pobj" else ()  # "hit back at claims by X that"
    for c in (*noun.children, *noun.head.children, *above, *source.children):
        if c.left_edge.lower_ != "that" or not _right_after(prep, c):
            continue
        if _that_clause(c):
            return c
        if c.dep_ == "relcl" and c.head == source and _that_is_no_argument(c):
            return c
    return None


def _right_after(prep, clause) -> bool:
    """Whether ``clause`` starts right where the "by X" phrase ends (less the clause itself)."""
    first, last = clause.left_edge.i, clause.right_edge.i
    return first == max(t.i for t in prep.subtree if not first <= t.i <= last) + 1


def _that_is_no_argument(clause) -> bool:
    """ "a think tank that council tax bills will rise by 8%": the clause has a subject of its own
    besides "that", which is no subject, and is longer than a relative clause on a name tends to be
    ("the group that he founded"): a complement clause the parse took for a relative one."""
    that = clause.doc[clause.left_edge.i]
    return (that.dep_ not in SUBJECT_DEPS and clause.right_edge.i - that.i > _LONGEST_RELATIVE
            and any(c.dep_ in SUBJECT_DEPS and c.i != that.i for c in clause.children))


_LONGEST_RELATIVE = 5


def as_reported_by(verb, text: str) -> Found | None:
    """ "As reported by the Post, the agency had no plan", "..., as first reported by the Times":
    the source of the "by" phrase says the clause the participle is set off from."""
    if verb.tag_ != "VBN" or verb.dep_ != "advcl" or not is_cue(verb) or verb.head == verb:
        return None
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    source = _agent_of(verb)
    if mark is None or source is None:
        return None
    content = clip_to_paragraph(text, subtree_span(verb.head, exclude=verb), verb.idx)
    by = source.head
    return Found("indirect", content, (mark.idx, by.idx + len(by.text)), mention_span(source, text), 0.85)


def as_put_it(verb, text: str) -> Found | None:
    """ "As one voter put it, "We are tired of being ignored."", "..., as Cruz put it": the
    subject of "put it" says the clause it is set off from."""
    if verb.lemma_ != "put" or verb.dep_ != "advcl" or verb.head == verb:
        return None
    it = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "it"), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if it is None or subject is None or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    start, end = subtree_span(verb.head, exclude=verb)
    while start < end and not (text[start].isalnum() or _is_quote_mark(text[start])):
        start += 1  # the comma that set the cue clause off
    while end > start and text[end - 1] in ".,;:":
        end -= 1
    content = clip_to_paragraph(text, (start, end), verb.idx)
    return Found("indirect", content, (verb.idx, it.idx + len(it.text)), mention_span(subject, text), 0.85)


def _counted_answer(verb) -> bool:
    """ "In a CNN poll, 79 percent of Democrats said ...": the ones counted answer the poll, which
    is the source; a named speaker ("In a report, the agency said") speaks for itself."""
    subject = subject_of(verb)
    if subject is None:
        return False
    return speaker_class(subject) == "number" or subject.lemma_.lower() in share_nouns()


def in_a_poll(tok, text: str) -> Found | None:
    """ "In a CNN poll released Monday, 50 percent chose Clinton", "Kasich was at 25 percent in
    the latest Fox poll": the poll is the source, the clause it opens or ends the content (not
    "In a report, the agency said", where the agency speaks)."""
    poll = next((c for c in tok.children if c.dep_ == "pobj"), None)
    head = tok.head
    if poll is None or poll.lemma_.lower() not in poll_nouns():
        return None
    if head.pos_ not in ("VERB", "AUX"):
        span = _rest_after_opening_poll(tok, poll)
    elif (head.i < tok.i and not _one_poll_after_its_finding(head, poll)) or (
            is_cue(head) and not _counted_answer(head)):
        span = None
    else:
        span = subtree_span(head, exclude=tok)
    if span is None:
        return None
    content = clip_to_paragraph(text, span, tok.idx)
    return Found("indirect", content, (tok.idx, tok.idx + len(tok.text)), mention_span(poll, text), 0.85)


def _rest_after_opening_poll(tok, poll) -> tuple[int, int] | None:
    """ "In an ABC News/Washington Post poll released Sunday, three of four Americans disapproved
    ...": a poll opening its sentence, set off by a comma, is the source of the rest of the
    sentence even where the parse found no verb to hang it on (here "Americans" the root); not
    when a speech verb in the rest has its own speaker."""
    doc, sent = tok.doc, tok.sent
    if tok.i != sent.start:
        return None
    comma = poll.right_edge.i + 1
    words = [t for t in doc[comma + 1 : sent.end] if not t.is_space]
    if comma >= sent.end or doc[comma].text != "," or len(words) < 4 or any(_speech_cue(t) for t in words):
        return None
    last = words[-1]
    return words[0].idx, last.idx + len(last.text)


def _one_poll_after_its_finding(head, poll) -> bool:
    """ "Kasich was at 25 percent support in the most recent Fox poll": one poll, named or pointed
    at, after the main clause of its sentence says what it found (not "leading in the polls")."""
    return (head.dep_ == "ROOT" and poll.tag_ == "NN" and not is_cue(head)
            and any(c.dep_ == "det" or c.pos_ == "PROPN" or c.ent_type_ == "ORG" for c in poll.children))


def _after_source_apposition(head, content: tuple[int, int]) -> tuple[int, int]:
    """The content less a leading apposition of the source ("According to X, a monitoring group,
    40 civilians died"): a noun phrase up to a comma, with the clause's subject after the comma."""
    doc = head.doc
    span = doc.char_span(*content, alignment_mode="expand")
    first = next((t for t in span if not t.is_punct), None) if span is not None else None
    comma = next((t for t in span if t.text == "," and first.i < t.i < head.i), None) if first else None
    if comma is None or doc[first.i - 1].text != "," or not _is_apposition(doc[first.i : comma.i]):
        return content
    if any(c.dep_ in ("nsubj", "nsubjpass") and comma.i < c.i < head.i for c in head.children):
        return doc[comma.i + 1].idx, content[1]
    return content


def _is_apposition(words) -> bool:
    """A noun phrase ("a Britain-based monitoring group"), not one of time ("last year") or a
    prepositional phrase ("in 2015")."""
    if words[0].pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM"):
        return False
    if any(t.pos_ in ("VERB", "AUX", "ADP") and t.dep_ != "amod" for t in words):
        return False
    return not any(t.dep_ == "npadvmod" and not words.start <= t.head.i < words.end for t in words)


def _clause_after_apposition(head):
    """ "According to X, a monitoring group, 40 civilians died": the parser may make the apposition
    the root and hang the clause from it; the clause with its own subject is the content."""
    if head.pos_ in ("VERB", "AUX"):
        return None
    return next((c for c in head.children if c.i > head.i and c.pos_ in ("VERB", "AUX")
                 and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)


# --- quotes attributed ---------------------------------------------------------------------------


_DASH_SIGNATURE = re.compile(
    r"[ \t\u00a0]*[―—–][ \t\u00a0]*(?P<speaker>[A-Z][\w.'’\- ]{1,60}?)[ \t\u00a0.]*(?=\n|$)"
)
_TRANSCRIPT_LABEL = re.compile(r"(?P<speaker>[A-Z][A-Z.'’\- ]{1,30}[A-Z.]):[ \t]+")


def quote_statements(doc, quotes: list[Quote], text: str) -> list[Found]:
    found: list[Found] = []
    by_quote: dict[int, Found] = {}
    for qi, q in enumerate(quotes):
        if _names_a_title(text, q):
            continue  # 'said on CNN's "State of the Union"': a programme, not words said
        short = word_count(text[q.start : q.end]) < MIN_QUOTE_WORDS
        answer = short and _after_colon(text, q)  # 'Mr Blunkett replied: "Absolutely not."'
        if short and not answer and not _opens_its_sentence(text, q):
            continue  # scare quotes, titles: 'the so-called "experts"'
        f = None if short else (
            transcript_turn(text, q, qi) or signed_quote(text, q, qi) or labelled_quote(text, q, qi))
        if f is None:
            cue_tok = cue_for_quote(doc, text, q)
            if answer and (cue_tok is None or cue_tok.idx >= q.outer_start):
                continue  # a short quote after a colon is a statement only after its cue
            if short and not answer and (cue_tok is None or cue_tok.idx < q.outer_end):
                continue  # '"Absolutely not," he said': short, but said right after
            if cue_tok is None or cue_tok.idx < q.outer_start:
                cue_tok = colon_clause_verb(doc, text, q) or main_clause_verb(cue_tok, q) or cue_tok
            if cue_tok is not None:
                subj = subject_of(cue_tok)
                if subj is None or inside(subj.idx, q):
                    subj = speaker_beside_cue(cue_tok, q, text)
                subj = document_author(subj) or subj
                speaker = mention_span(subj, text, cue_tok) if subj is not None else None
                speaker = speaker_of_same_cue(found, cue_tok) or speaker
                f = Found(
                    "direct",
                    trim(text, q.start, q.end),
                    cue_span(cue_tok),
                    speaker,
                    0.95 if speaker else 0.6,
                    qi,
                )
            else:
                f = inherited_attribution(text, q, qi, quotes, by_quote, found) or colon_introduced(
                    doc, text, q, qi
                )
        if f is not None and found and _sentence_goes_on(text, quotes, found[-1], q):
            f = _joined(found.pop(), f)  # '"We are grateful," said Hall, "and we wish him well."'
        if f is not None:
            by_quote[qi] = f
            found.append(f)
    return found


_TITLE_BEFORE = re.compile(r"(?:\b(?:on|of|with|in|titled|called)|['\u2019]s)\s*$", re.IGNORECASE)
_TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "with", "and", "in", "on", "to", "for", "at", "by",
                                "or"})
_MAX_TITLE_WORDS = 8


def _names_a_title(text: str, q: Quote) -> bool:
    """A quoted Title Case name after "on", "with", a possessive and the like: a programme, book or
    film ('told CNN's "State of the Union"', 'on "Midday with Charlie Sykes"'), no one's words."""
    words = text[q.start : q.end].rstrip(",.").split()
    if not 2 <= len(words) <= _MAX_TITLE_WORDS or any(w[-1] in ".!?:;" for w in words[:-1]):
        return False
    if not all(w[0].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words):
        return False
    return _TITLE_BEFORE.search(text, max(0, q.outer_start - 12), q.outer_start) is not None


def speaker_of_same_cue(found: list[Found], cue_tok) -> tuple[int, int] | None:
    """ '"They were rivals," Daley said of them. "They'd do the dance."': a quote whose cue is the
    one of the quote before takes that quote's speaker, which the parse may have got right only
    there (here it made the first quote's "They" the subject)."""
    cue = cue_span(cue_tok)
    return next((f.speaker for f in reversed(found) if f.cue == cue and f.speaker is not None), None)


def _after_colon(text: str, q: Quote) -> bool:
    """Whether a colon introduces the quote ('he said: "No."'), its sentence's whole utterance."""
    j = q.open_at - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j >= 0 and text[j] == ":"


def _opens_its_sentence(text: str, q: Quote) -> bool:
    """Whether a quote starts its sentence and ends on a comma, "?" or "!" inside its marks, as
    a quote its attribution follows does ('"To a point," he said.')."""
    j = q.open_at - 1
    while j >= 0 and text[j] in " \t":  # a bounded look back: no copy of the text before
        j -= 1
    opens = j < 0 or text[j] in "\n.?!"
    return opens and text[q.start : q.end].rstrip()[-1:] in (",", "?", "!")


def _sentence_goes_on(text: str, quotes: list[Quote], prev: Found, q: Quote) -> bool:
    """Whether quote ``q`` finishes the sentence that ``prev``'s quote began, broken only by its
    attribution: a comma before the break and after it, and a lower-case word to go on."""
    if prev.quote is None or prev.kind != "direct" or q.start >= len(text):
        return False
    first = quotes[prev.quote]
    gap = text[first.end : q.start]
    return (
        len(gap) < 100
        and "\n" not in gap
        and _BROKEN_BY_ATTRIBUTION.match(gap) is not None
        and text[q.start].islower()
    )


# ',” said chairman Peter Hall, “' (the comma inside or outside the marks)
_BROKEN_BY_ATTRIBUTION = re.compile(r"\s*,?\s*(?:''|[\"”’'])\s*,?[^!?\"“”]*,\s*(?:''|[\"“‘'])\s*$")


def _joined(first: Found, second: Found) -> Found:
    return Found(
        "direct",
        (first.content[0], second.content[1]),
        first.cue or second.cue,
        first.speaker or second.speaker,
        max(first.confidence, second.confidence),
        first.quote,
    )


def speaker_beside_cue(cue, q: Quote, text: str):
    """The speaker of a quote's cue when the parse gave the cue no subject outside the quote
    (a sentence run on past its paragraph, a misattached appositive): the noun phrase between
    the quote and a cue after it ('"...," Bozell answers'), else right after that cue ('"...,"
    says Myra Gutin, a historian'); for a cue before the quote, the last noun phrase before the
    cue that is neither an object nor an apposition ("Col. Steven Warren, a spokesman, said")."""
    sent = cue.sent
    para_start, para_end = paragraph_bounds(text, cue.idx)
    chunks = [c for c in sent.noun_chunks if para_start <= c.start_char and c.end_char <= para_end
              and not (q.outer_start <= c.start_char < q.outer_end)]
    if cue.idx >= q.outer_end:
        between = [c for c in chunks if q.outer_end <= c.start_char and c.end < cue.i + 1]
        named = (t for t in sent if q.outer_end <= t.idx < cue.idx and t.pos_ in ("PROPN", "PRON"))
        first = next(named, None)
        while first is not None and first.dep_ == "compound" and first.head.pos_ == "PROPN" \
                and first.head.i < cue.i:
            first = first.head  # "Jane" of "Jane Doe"
        if between and (first is None or between[0].start_char <= first.idx):
            return between[0].root
        if first is not None:  # '"...," Ramos, 58, told AFP': a name the parse made no noun chunk
            return first
        after = next((c for c in chunks if cue.i < c.start <= cue.i + 2), None)
        return after.root if after is not None else None
    person = _person_right_before(cue)
    if person is not None:
        return person  # "..., Speaker of the House Rep. Paul Ryan (R-WI) said": the parse hung him on "of"
    chunk = chunk_before(cue, para_start, q)
    return chunk.root if chunk is not None else None


def _person_right_before(cue):
    """A person's name that ends right before the cue, past a bracketed party and state."""
    k = cue.i - 1
    if k >= 0 and cue.doc[k].text == ")":
        while k > cue.sent.start and cue.doc[k].text != "(":
            k -= 1
        k -= 1
    tok = cue.doc[k] if k >= cue.sent.start else None
    return tok if tok is not None and tok.ent_type_ == "PERSON" else None


def chunk_before(cue, start: int, q: Quote | None = None):
    """The last noun phrase from ``start`` to the cue in its sentence, outside the quote, that
    is neither an object nor a possessive nor a time ("Saturday at the convention Sen. Elizabeth
    Warren said"), nor an apposition other than a name: the likeliest subject."""
    chunks = [
        c
        for c in cue.sent.noun_chunks
        if c.start_char >= start
        and c.end <= cue.i
        and c.root.dep_ not in ("pobj", "dobj", "poss", "npadvmod")
        and not (c.root.dep_ == "appos" and c.root.ent_type_ != "PERSON")
        and c.root.ent_type_ not in ("DATE", "TIME")
        and not (q is not None and q.outer_start <= c.start_char < q.outer_end)
    ]
    return chunks[-1] if chunks else None


def transcript_turn(text: str, q: Quote, qi: int) -> Found | None:
    """A quoted transcript paragraph: "WALLACE: Let's start ..." (the label is the speaker)."""
    m = _TRANSCRIPT_LABEL.match(text, q.start, q.end)
    if m is None:
        return None
    return Found(
        "direct",
        trim(text, m.end(), q.end),
        (m.end("speaker"), m.end("speaker") + 1),
        m.span("speaker"),
        0.9,
        qi,
    )


_TURN_LABEL = re.compile(r"^(?P<speaker>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2}):[ \t]+(?=\S)",
                         re.MULTILINE)
_MIN_TURNS = 3


def unquoted_transcript_turns(text: str) -> list[Found]:
    """An interview or broadcast transcript written without quotation marks, paragraphs opening
    with their speaker's label ("TAPPER: And obviously, ...", "Q: ...", "A: ..."): each turn is
    its speaker's statement, when the text has a few of them and some speaker takes more than one."""
    turns = [m for m in _TURN_LABEL.finditer(text) if m.group("speaker").lower() not in headline_kickers()]
    speakers = Counter(m.group("speaker").split()[-1].upper() for m in turns)
    if len(turns) < _MIN_TURNS or max(speakers.values(), default=0) < 2:
        return []
    found = []
    for m in turns:
        _, para_end = paragraph_bounds(text, m.start())
        words = text[m.end() : para_end]
        if any(ch in words for ch in OPENING_QUOTES + CLOSING_QUOTES) or word_count(words) < 2 \
                or not any(ch.isalpha() for ch in words):
            continue  # a quoted turn is read with the quotes; "Clinton: 1,769." is a tally
        colon = m.end("speaker")
        content = trim(text, m.end(), para_end)
        found.append(Found("indirect", content, (colon, colon + 1), m.span("speaker"), 0.9))
    return found


_LABEL_BEFORE_QUOTE = re.compile(
    r"(?:^|[.!?]['’\"”]?[ \t]+|[ \t][-–—][ \t]+)"  # opening the paragraph or a sentence, or after a dash
    r"(?P<speaker>[A-Z][\w.'’&-]*(?:[ \t]+(?:[A-Z][\w.'’&-]*|and|of|the|de|van)){0,6})"
    r"[ \t]*(?P<colon>:)[ \t]*$"
)


def labelled_quote(text: str, q: Quote, qi: int) -> Found | None:
    """A quote its source's name labels before a colon, after a dash or opening a sentence, as
    news digests and debate round-ups cite them: 'Pollsters agree - Carl Bialik: "..."',
    'Clinton: "Our goal is to defeat ISIS." Bush: "The mission is to destroy ISIS."'."""
    para_start, _ = paragraph_bounds(text, q.outer_start)
    m = _LABEL_BEFORE_QUOTE.search(text[para_start : q.outer_start])
    if m is None or is_kicker(m.group("speaker")):
        return None
    speaker = (para_start + m.start("speaker"), para_start + m.end("speaker"))
    colon = para_start + m.start("colon")
    return Found("direct", trim(text, q.start, q.end), (colon, colon + 1), speaker, 0.9, qi)


def signed_quote(text: str, q: Quote, qi: int) -> Found | None:
    """A quote signed with a dash at the end of its line: "..." ― Jane Doe."""
    m = _DASH_SIGNATURE.match(text, q.outer_end)
    if m is None or len(m.group("speaker").split()) > 6:
        return None
    dash = text.index(next(ch for ch in text[q.outer_end : m.start("speaker")] if ch in "―—–"), q.outer_end)
    return Found("direct", trim(text, q.start, q.end), (dash, dash + 1), m.span("speaker"), 0.9, qi)


def inside(pos: int, q: Quote) -> bool:
    return q.outer_start <= pos < q.outer_end


def cue_for_quote(doc, text: str, q: Quote):
    """The cue verb attributing a quote: in the sentences and paragraph the quote touches, outside
    the quote, with its subject outside it too; syntactically linked cues first, then nearest."""
    span = doc.char_span(q.outer_start, q.outer_end, alignment_mode="expand")
    if span is None:
        return None
    para_start, para_end = paragraph_bounds(text, q.outer_start)
    roots = [t for t in span if not (span.start <= t.head.i < span.end) or t.head == t]
    candidates = []
    for tok in doc[span[0].sent.start : _attribution_after(span)]:
        if not para_start <= tok.idx < para_end or inside(tok.idx, q) or not is_cue(tok):
            continue
        if cue_lexicon()[tok.lemma_.lower()] != "speech" or is_passive_participle(tok) or _word_end(tok):
            continue
        if _other_quote_between(text, q, tok.idx):
            continue
        subj = subject_of(tok)
        if subj is not None and inside(subj.idx, q) and not (_named_right_after(tok, q, text)
                                                             or _right_before(tok, q, text)
                                                             or _inverted_after(tok, q, text)):
            continue
        linked = any(r.head == tok or tok in r.ancestors or r in tok.ancestors for r in roots)
        distance = tok.idx - q.outer_end if tok.idx >= q.outer_end else q.outer_start - tok.idx
        candidates.append((not linked, tok.tag_ == "VBG", distance, tok.i, tok))
    if candidates:
        return min(candidates)[-1]
    return _verb_tagging(span) if _opens_its_sentence(text, q) else None


def _verb_tagging(quote):
    """ '"Lock her up," the delegates chanted', '"This is fantastic!" beamed Donald Hartley': a
    quote opening its sentence on a comma, "?" or "!" is attributed by the verb right after it
    with its subject, whatever the verb (``quote``: the quote's tokens with their marks)."""
    doc = quote.doc
    after = doc[quote.end : min(quote.end + _MAX_SPEAKER_TOKENS, len(doc))]
    for verb in after:
        if verb.pos_ == "VERB" and verb.tag_ in ("VBD", "VBZ"):
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None:
                return None
            if subject.i < verb.i and subject.left_edge.i == quote.end:
                return verb  # '"...," Trump barked'
            if subject.i > verb.i and verb.i == quote.end:
                return verb  # '"...!" beamed Donald Hartley'
            return None
    return None


def _attribution_after(span) -> int:
    """Where the sentences to look for a quote's cue end: after the quote's last sentence, or
    after the next one when the quote ends its sentence and that one only attributes it
    ('"Is that all there is?" Trump said.': the parser splits after "?")."""
    end = span[-1].sent.end
    if end >= len(span.doc) or span.end != end:
        return end
    after = span.doc[end].sent
    verb = after.root
    says_nothing_else = is_cue(verb) and not any(
        c.dep_ in _CONTENT_DEPS and not ((c.dep_ == "dobj" and _told_whom(verb, c)) or _named_after(verb, c))
        for c in verb.children)
    opens_with_it = verb.i - after.start <= _MAX_SPEAKER_TOKENS  # "Trump said of Apple in February, when ..."
    short = len(after) <= _MAX_ATTRIBUTION_TOKENS
    return after.end if says_nothing_else and (short or opens_with_it) else end


_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "attr", "oprd"})
_MAX_ATTRIBUTION_TOKENS = 25  # "Trump said in a statement on Friday."
_MAX_SPEAKER_TOKENS = 6  # "The Texas senator said"


def _named_after(verb, obj) -> bool:
    """ '"Is Obama profiling?" responded Trump.': a name right after a cue that opens its sentence,
    parsed as its object, is who speaks."""
    return (obj.dep_ in ("attr", "dobj") and obj == _name_right_after(verb)
            and all(t.is_punct for t in verb.doc[verb.sent.start : verb.i]))


def _name_right_after(cue):
    """The name that follows a cue right after it and hangs on it ("responded Trump", "responded
    Donald Trump"), which the parse may take for its object."""
    following = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
    if following is None or following.pos_ != "PROPN":
        return None
    name = following if following.head == cue else following.head
    return name if name.head == cue and name.pos_ == "PROPN" else None


def hyphen_joins(tok) -> bool:
    """Whether ``tok`` and the word two tokens on are one word the tokenizer split at its hyphen
    ("six" of "six", "-", "pointed")."""
    doc = tok.doc
    return tok.i + 2 < len(doc) and not tok.whitespace_ and doc[tok.i + 1].text == "-" \
        and not doc[tok.i + 1].whitespace_


def hyphen_word_end(tok):
    """The last piece of a word the parse split at its hyphens into siblings of one relation
    ("co" "-" "ordinator", each a subject of "said"); ``tok`` itself when it is no such piece."""
    doc, k = tok.doc, tok.i
    while hyphen_joins(doc[k]) and doc[k + 2].head == tok.head and doc[k + 2].dep_ == tok.dep_:
        k += 2
    return doc[k]


def _hyphen_word_pieces(tok) -> list:
    """The pieces before ``tok`` of a word split as ``hyphen_word_end`` reads it, and ``tok``."""
    doc, k = tok.doc, tok.i
    while k >= 2 and hyphen_joins(doc[k - 2]) and doc[k - 2].head == tok.head and doc[k - 2].dep_ == tok.dep_:
        k -= 2
    return list(doc[k : tok.i + 1])


def _word_end(tok) -> bool:
    """ "pointed" of "six-pointed": the end of a hyphenated word, no verb of its own."""
    return tok.i >= 2 and hyphen_joins(tok.doc[tok.i - 2])


def _right_before(cue, q: Quote, text: str) -> bool:
    """ 'Paul Ryan (R-WI) said "..., they've got no place ..."', parsed with the quote's "they" as
    the subject: a cue right before the quote's opening mark introduces it whatever its parse."""
    end = cue.idx + len(cue.text)
    return end <= q.outer_start and not text[end : q.outer_start].strip(" ,:")


def _inverted_after(cue, q: Quote, text: str) -> bool:
    """ '"Is Obama profiling?" responded Trump.': a cue right after the quote with a name right
    after it, the quote's "Is" taken for its subject."""
    return not text[q.outer_end : cue.idx].strip(" ,") and _name_right_after(cue) is not None


def _named_right_after(cue, q: Quote, text: str) -> bool:
    """ '"We were wrong," Ramos, 58, told AFP', parsed with the quote's "We" as the subject: a
    speaker stands between the quote and its cue."""
    gap = cue.idx - q.outer_end
    if gap < 0 or gap > _MAX_APPOSED_SPEAKER_CHARS:
        return False
    speaker = speaker_beside_cue(cue, q, text)
    if speaker is None or not q.outer_end <= speaker.idx < cue.idx:
        return False
    # a name right after the quote may carry a long apposition: '," Trump, the front-runner
    # nationally and leader in the state by a wide margin after winning the primary, said'
    return gap <= _MAX_SPEAKER_CHARS or (speaker.pos_ == "PROPN" and speaker.idx - q.outer_end <= 2)


_MAX_SPEAKER_CHARS = 80  # '," former Vice President Joe Biden, a Democrat, told'
_MAX_APPOSED_SPEAKER_CHARS = 200


def _other_quote_between(text: str, q: Quote, pos: int) -> bool:
    gap = text[q.outer_end : pos] if pos >= q.outer_end else text[pos : q.outer_start]
    return "''" in gap or any(ch in OPENING_QUOTES or ch in CLOSING_QUOTES for ch in gap)


def inherited_attribution(text, q: Quote, qi: int, quotes, by_quote, found) -> Found | None:
    """A quote with no cue of its own: it continues an earlier quote's speaker (the next
    paragraph of the same quote, or a second quote right after `"...," X said.`, in the same
    paragraph or as the whole next one), or it follows a colon that introduces it ("X said:")."""
    content = trim(text, q.start, q.end)
    if q.continues is not None and q.continues in by_quote:
        prev = by_quote[q.continues]
        return Found("direct", content, prev.cue, prev.speaker, 0.85, qi)
    prev_f = found[-1] if found else None
    if prev_f is not None and prev_f.quote is not None:
        gap_start = quotes[prev_f.quote].outer_end
        gap = text[gap_start : q.outer_start]
        attributed_between = prev_f.cue is not None and gap_start <= prev_f.cue[0] < q.outer_start
        same_or_next = "\n" not in gap or _next_paragraph_quote(text, gap, q)
        if same_or_next and (len(gap) < 80 or attributed_between):
            return Found("direct", content, prev_f.cue, prev_f.speaker, 0.85, qi)
    return None


_LINE_BREAKS = re.compile(r"\n\s*")


def _next_paragraph_quote(text: str, gap: str, q: Quote) -> bool:
    """A paragraph that is only a quote, right after a paragraph that ends with an attributed quote:
    the same speaker goes on (`"...," he said.` then `"..."` on its own)."""
    if len(_LINE_BREAKS.findall(gap)) != 1:
        return False
    para_start, para_end = paragraph_bounds(text, q.outer_start)
    return not text[para_start : q.outer_start].strip() and not text[q.outer_end : para_end].strip(" .,;")


def colon_clause_verb(doc, text: str, q: Quote, gap: Callable[[str], bool] = lambda ch: ch in " \t"):
    """The main verb of the clause a colon ends right before a quote, when it has a subject that
    can speak: 'When Trump suggested ..., Rubio fired back: "..."', 'Asked which county ..., he
    demurred: "..."', 'Trump said he responded: "..."' (Trump): the clause introduces the quote,
    whatever its verb."""
    colon = colon_before(doc, text, q, gap)
    if colon is None:
        return None
    verb = colon.head
    while verb.dep_ not in ("ROOT", "conj", "relcl") and verb.head != verb and verb.head.i < colon.i \
            and not _to_which(verb):
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i > colon.i:
        return None
    return verb if _speaks(verb, q) else None


def _to_which(verb) -> bool:
    """ "..., to which O'Malley interjected:": a relative clause with its own speaker (the parse
    often hangs it on the claim's verb as an adverbial clause)."""
    return any(c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lower_ in _RELATIVE_WORDS for g in c.children)
               for c in verb.children if c.i < verb.i)


def colon_before(doc, text: str, q: Quote, gap: Callable[[str], bool]):
    """The colon token right before a quote, only characters ``gap`` accepts between them, or None."""
    pos = q.outer_start - 1
    while pos >= 0 and gap(text[pos]):
        pos -= 1
    if pos < 0 or text[pos] != ":":
        return None
    colon = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return colon[0] if colon is not None else None


_SPEAKING_CLASSES = frozenset({"people", "organisation", "pronoun", "proper", "document"})


def _speaks(verb, q: Quote) -> bool:
    """Whether a verb has a subject outside the quote that can speak (no time, number or thing)."""
    subject = subject_of(verb)
    return subject is not None and not inside(subject.idx, q) and speaker_class(subject) in _SPEAKING_CLASSES


def main_clause_verb(cue, q: Quote):
    """The main verb before a quote when the cue found is in a clause of time or cause hung on it:
    'After Jerry Brown criticized Bill Clinton, Hillary shot back, "..."' (Hillary, not Brown)."""
    if cue is None or cue.dep_ != "advcl" or not any(
            c.dep_ in ("mark", "advmod") and c.lower_ in _SUBORDINATORS for c in cue.children):
        return None
    verb = cue.head
    if verb.pos_ != "VERB" or not (cue.i < verb.i and verb.idx < q.outer_start):
        return None
    return verb if _speaks(verb, q) else None


def colon_introduced(doc, text: str, q: Quote, qi: int) -> Found | None:
    """A quote after a colon that ends an attribution ("The Times reports:" then the quote)."""
    colon = colon_before(doc, text, q, str.isspace)
    if colon is None:
        return None
    lexicon = cue_lexicon()
    cues = [t for t in colon.sent if t.i < colon.i and is_cue(t) and lexicon[t.lemma_.lower()] == "speech"]
    cue = cues[-1] if cues else _introducing_verb(doc, text, q)
    subj = subject_of(cue) if cue is not None else None
    if subj is None:
        return None
    return Found("direct", trim(text, q.start, q.end), cue_span(cue), mention_span(subj, text, cue), 0.85, qi)


def _introducing_verb(doc, text: str, q: Quote):
    """With no speech verb, the clause's own when it introduces words, not a list: "Trump issued
    the following statement:", "Jared Potts echoed:" (not "He listed the qualities he wants:",
    "Here they are:")."""
    verb = colon_clause_verb(doc, text, q, str.isspace)
    if verb is None or verb.pos_ != "VERB":
        return None  # "Here they are:"
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lower_ == "following" or obj.lemma_.lower() in claim_nouns():
        return verb
    return None


# --- headline ------------------------------------------------------------------------------------

_HEADLINE_COLON = re.compile(r"^\s*(?P<speaker>[A-Z][\w.'’\- ]{1,40}?)\s*:\s+(?P<content>\S.*?)\s*$")
_HEADLINE_SAYS = re.compile(
    r"^\s*(?P<content>\S.*?),?\s+(?P<cue>says|say|warns?|claims?|insists?|tells|denies|deny|admits?)\s+"
    r"(?P<speaker>[\w.'’\- ]{1,40}?)\s*$"
)

# "..., Brannock tells inquiry": the teller comes before the verb, whom they told after it.
_HEADLINE_TELLS = re.compile(
    r"^\s*(?P<content>\S.*?),['’\"”]?\s+(?P<speaker>[\w.'’\- ]{1,40}?)\s+(?P<cue>tells|told)\s+"
    r"(?P<audience>[\w.'’#\- ]{1,40}?)\.?\s*$",
    re.IGNORECASE,
)


# British news puts the words of a headline's source in quotes after it, with no verb: "Blair
# 'sorry' over Iraq claims", "Tories 'would scrap ID cards'". The quote opens in lower case, as a
# sentence-case headline writes it ("Trump Slams 'Crooked' Hillary" is a title-case epithet).
_HEADLINE_QUOTED = re.compile(
    r"^\s*(?P<speaker>[A-Z][\w.\- ]{1,40}?)\s+(?P<open>['‘\"“])(?P<content>[a-z][^'‘’\"“”]*?)['’\"”]"
    r"(?P<rest>[^'‘’\"“”]*)$"
)

_NAME_PARTICLES = {"of", "the", "de", "van", "von", "al", "bin", "da", "di", "la", "le"}


def looks_like_name(words: str) -> bool:
    parts = words.split()
    return 0 < len(parts) <= 4 and all(p[0].isupper() or p.lower() in _NAME_PARTICLES for p in parts)


def _names_a_group(words: str) -> bool:
    """A short phrase for the people who speak: "police", "head teachers", "UK economists", "pub
    bosses", "unions"."""
    parts = words.split()
    if not 0 < len(parts) <= 3:
        return False
    last = parts[-1].lower()
    nouns = _people_nouns() | _organisation_nouns()
    return last in _people_nouns() or (last.endswith("s") and (last[:-1] in nouns or last[:-2] in nouns))


def _names_a_kind(words: str) -> bool:
    """A short phrase for a document or body that speaks: "report", "MPs' report", "watchdog"."""
    parts = words.split()
    last = parts[-1].lower() if 0 < len(parts) <= 3 else ""
    return last in document_nouns() or last in _organisation_nouns()


def looks_like_source(words: str) -> bool:
    """A name, or a name and the noun of its people or organisation: "Clinton camp", "Kremlin
    officials"."""
    *name, noun = words.split() or [""]
    return looks_like_name(words) or (
        looks_like_name(" ".join(name)) and (noun in _organisation_nouns() or noun in _people_nouns())
    )


def _names_a_speaker(words: str) -> bool:
    return looks_like_source(words) or _names_a_group(words) or _names_a_kind(words)


def headline_statement(text: str) -> Found | None:
    """An attribution in the headline, the text's first line: "Putin: Russia provides ...",
    "..., says Clinton", "Tories 'would scrap ID cards'". A text of one line has no headline."""
    end = text.find("\n")
    if end < 0 or not text[:end].strip() or end > MAX_HEADLINE_CHARS:
        return None
    line = text[:end]
    m = _HEADLINE_COLON.match(line)
    if m and looks_like_source(m.group("speaker")) and not is_kicker(m.group("speaker")):
        s, e = trim(text, m.start("content"), m.end("content"), strip_quotes=True)
        return Found("headline", (s, e), (m.end("speaker"), m.end("speaker") + 1), m.span("speaker"), 0.8)
    m = _HEADLINE_TELLS.match(line)
    if m and _names_a_speaker(m.group("speaker")):
        s, e = trim(text, m.start("content"), m.end("content"), strip_quotes=True)
        return Found("headline", (s, e), m.span("cue"), m.span("speaker"), 0.8)
    m = _HEADLINE_SAYS.match(line)
    if m and m.group("cue").lower().startswith("den") and not line[: m.start("cue")].rstrip().endswith(","):
        m = None  # "Downing Street denies poll date report": the denier comes first, as in prose
    if m and _names_a_speaker(m.group("speaker")):
        quoted = line[m.start("content")] in OPENING_QUOTES + "'\""  # not the close of 'Asbos "not working"'
        s, e = trim(text, m.start("content"), m.end("content"), strip_quotes=quoted)
        return Found("headline", (s, e), m.span("cue"), m.span("speaker"), 0.8)
    m = _HEADLINE_QUOTED.match(line)
    if m and looks_like_source(m.group("speaker")) and not m.group("rest").strip()[:1].isupper():
        rest = m.group("rest").strip()  # "'glad to finish' fight with Trump": the quote and what follows
        end = m.end("rest") if rest else m.end("content")
        s, e = trim(text, m.start("content"), end)
        return Found("headline", (s, e), m.span("open"), m.span("speaker"), 0.7)
    return None


# --- merging -------------------------------------------------------------------------------------


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def words_outside_quotes(text: str, span: tuple[int, int], quotes: list[Quote]) -> int:
    inner = [
        (max(q.outer_start, span[0]), min(q.outer_end, span[1]))
        for q in quotes
        if overlap((q.outer_start, q.outer_end), span)
    ]
    pieces, last = [], span[0]
    for lo, hi in sorted(inner):
        pieces.append(text[last:lo])
        last = max(last, hi)
    pieces.append(text[last : span[1]])
    return word_count(" ".join(pieces))


def _closed(text: str, content: tuple[int, int], quotes: list[Quote]) -> tuple[int, int]:
    """A content that stops inside a quote it opened ends after it (the parse often hangs the mark,
    or the quote's last words, elsewhere): 'he was "disappointed' -> 'he was "disappointed"',
    'hitting the ball "as well' -> 'hitting the ball "as well as I have seen"'."""
    for q in quotes:
        rest = text[content[1] : q.outer_end].strip(CLOSING_QUOTES + "'.,;:!? ")
        if content[0] <= q.outer_start < content[1] < q.outer_end and _a_few_words_of_one_sentence(rest):
            return content[0], q.outer_end
    return content


_SENTENCE_INSIDE = re.compile(r"[.!?]\s")


def _a_few_words_of_one_sentence(rest: str) -> bool:
    """What a content left of a quote it opened: a phrase the parse hung elsewhere, not the next
    sentence or a quote of its own ('recalled, "Out of nowhere, he said, ..."')."""
    return word_count(rest) <= 6 and not _SENTENCE_INSIDE.search(rest) and "," not in rest


_LINKING_VERBS = frozenset({"is", "are", "was", "were", "be", "been", "has", "have", "had"})


def _subject_and_linking_verb_before_quote(text: str, c: Found, quotes: list[Quote]) -> bool:
    """ 'said customers were "paying for BT's dominance"', 'said there was "no case ..."': the
    clause's own subject and a linking verb right before the quote make a mixed statement, not
    the quote alone; so does the subject alone before a quote that goes on in lower case with
    its verb ('said the sums "simply do not add up"')."""
    if len(quotes) != 1 or quotes[0].outer_start <= c.content[0]:
        return False  # 'chanted "Get 'em out" and "Be nice"': quotes the clause only lists
    before = [w for w in text[c.content[0] : quotes[0].outer_start].split() if w.lower() != "that"]
    if not 2 <= len(before) <= 6:
        return False
    quoted = text[quotes[0].start : quotes[0].end].lstrip()
    goes_on = c.clausal and quoted[:1].islower() and before[-1][-1:].isalpha()
    return before[-1].lower() in _LINKING_VERBS or goes_on


def _opens_with_quote(c: Found, quotes: list[Quote]) -> bool:
    """A clause content that starts at a quote ('"...," he said'), not one with words of its own
    before the quoted ones ('he was "disappointed"': a mixed statement)."""
    return any(q.outer_start <= c.content[0] < q.outer_end for q in quotes)


def said_within_quote(f: Found, quotes: list[Quote]) -> bool:
    """Whether a clause's speaker and content both lie inside one quote."""
    return f.speaker is not None and any(
        inside(f.speaker[0], q) and inside(f.content[0], q) for q in quotes
    )


def tags_an_earlier_quote(clause: Found, found: list[Found]) -> bool:
    """Whether the clause's cue follows a direct quote it tags ('"...," he said'), the clause's
    content coming before that quote: the verb reports the quote, not the clause."""
    return clause.cue is not None and any(
        o.kind == "direct" and o.cue == clause.cue
        and clause.content[1] <= o.content[0] < o.content[1] <= clause.cue[0]
        for o in found
    )


def _reports_the_attribution(text: str, source: Found, quote: Found) -> bool:
    """ '"...," Sanders said, according to CNN': the quote and its attribution are what the
    "according to" source reports, and the source is the statement's speaker."""
    return (
        source.cue is not None
        and quote.cue is not None
        and text[source.cue[0] : source.cue[1]].lower().startswith("according to")
        and source.content[0] <= quote.cue[0] < source.content[1]
    )


def merge(
    quoted: list[Found], clauses: list[Found], headline: Found | None, text: str, quotes: list[Quote]
) -> list[Found]:
    """Quotes first. A clause that is only a quote already found is that statement (its speaker
    fills a quote that lacked one); a clause that holds quoted words among its own is a mixed
    statement and absorbs the quotes inside it; other clauses are indirect statements."""
    out = list(quoted)
    for c in clauses:
        c.content = trim(text, *c.content)
        length = c.content[1] - c.content[0]
        if length <= 0 or word_count(text[c.content[0] : c.content[1]]) < 1:
            continue
        if any(
            overlap(c.content, o.content) >= 0.8 * min(length, o.content[1] - o.content[0])
            for o in out
            if o.kind != "direct" and not (c.points_back or o.points_back) and not _holds(c, o)
        ):
            continue
        if tags_an_earlier_quote(c, out):
            continue  # '... weighed in, telling Mic, "...," he said': "he said" tags the quote
        touched = [q for q in quotes if overlap((q.outer_start, q.outer_end), c.content)]
        if said_within_quote(c, touched):
            continue  # "I think ..." inside a quote: the quote's speaker's words, not the subject's
        c.content = _closed(text, c.content, touched)
        few_own_words = bool(touched) and words_outside_quotes(text, c.content, touched) < 3
        same = next((o for o in out if o.kind == "direct" and overlap(o.content, c.content)), None) \
            if few_own_words else None
        if same is not None and _within(same.content, c.content) \
                and _subject_and_linking_verb_before_quote(text, c, touched):
            same = None  # 'said there was "no case ..."': a mixed statement, which takes the quote in
        if few_own_words and (same is not None or _opens_with_quote(c, touched)):
            if same is not None:
                fills_a_gap = same.speaker is None and c.speaker is not None
                if fills_a_gap or _reports_the_attribution(text, c, same):
                    same.speaker, same.cue, same.confidence = c.speaker, c.cue, c.confidence
                continue
            c.kind = "direct"
            c.content = trim(text, *c.content, strip_quotes=True)
        elif touched:
            c.kind = "mixed"
            out = [
                o
                for o in out
                if not (
                    o.kind == "direct" and c.content[0] <= o.content[0] and o.content[1] <= c.content[1] + 1
                )
            ]
        out.append(c)
    out = credit_reporters(out, [c for c in clauses if _is_reporting(text, c)], text)
    if headline is not None:  # it replaces any reading of its words or its cue the parse gave
        out = [o for o in out if not overlap(headline.content, o.content)
               and not (o.cue is not None and overlap(headline.cue, o.cue))] + [headline]
    return [f for f in out if f.speaker is not None or f.confidence >= 0.6]


def _holds(outer: Found, nested: Found) -> bool:
    """ "denied claims by a union that ...": a statement whose content holds the cue of a nested one
    ("claims by") answers it; both stand."""
    return nested.nested and outer.content[0] <= nested.cue[0] < outer.content[1]


def _is_reporting(text: str, f: Found) -> bool:
    """A source that reports another's words: "according to X", "X reported", "X reports"."""
    if f.cue is None or f.speaker is None:
        return False
    words = text[f.cue[0] : f.cue[1]].lower().split()
    return words[:2] == ["according", "to"] or (bool(words) and words[-1].startswith("report"))


_OUTLET = r"(?:[Tt]he )?[A-Z][\w.&’'-]*(?: [A-Z][\w.&’'-]*){0,4}"
_TRAILING_REPORTER = re.compile(
    rf",[\"”'’]*[ \t]+(?:(?P<speaker>{_OUTLET})[ \t]+(?P<cue>reported|reports)"
    rf"|(?P<cue_first>reported|reports)[ \t]+(?P<speaker_after>{_OUTLET}))"
    r"(?:[ \t]+(?:in|on|last|this|earlier|late|at)\b[^.,;!?\"”\n]{0,30})?[ \t]*\.(?=\s|$)"
)


def trailing_reporter(text: str, f: Found) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The source and cue of '..., the Times reported.' closing the sentence of a statement's
    attribution ('Trump said: "..." , the Times reported.'), or None."""
    if f.cue is None or f.speaker is None:
        return None
    start = max(f.cue[1], f.speaker[1], f.content[0])
    _, para_end = paragraph_bounds(text, start)
    m = _TRAILING_REPORTER.search(text, start, para_end)
    if m is None or _SENTENCE_END.search(text, f.content[1], m.start()):
        return None
    if m.group("speaker"):
        return m.span("speaker"), m.span("cue")
    return m.span("speaker_after"), m.span("cue_first")


_SENTENCE_END = re.compile(r"[.!?][\"”'’]*\s+[\"“'‘]*[A-Z]")


_ATTRIBUTION_ADJUNCT_WORDS = 6  # "O'Malley said at a press conference on Sunday"


def _only_attribution(text: str, content: tuple[int, int], credited: list[Found]) -> bool:
    """Whether a reporter's content is no more than the attribution it reports (speaker, cue and
    a few words of circumstance), not a statement of its own."""
    words = word_count(text[content[0] : content[1]])
    for f in credited:
        for span in (f.speaker, f.cue):
            if _within(span, content):
                words -= word_count(text[span[0] : span[1]])
    return words <= _ATTRIBUTION_ADJUNCT_WORDS


def _within(span: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


def credit_reporters(out: list[Found], reporters: list[Found], text: str) -> list[Found]:
    """ '"...," O'Malley said, according to the Las Vegas Sun', 'Manafort acknowledged that ...,
    The Washington Post reported': a statement whose whole attribution (cue and speaker) is what
    a source reports is that source's statement, as the annotation guide has it. A reporter's
    own clause that holds only the attribution it credits ("O'Malley said") is dropped; a
    reporter that closes the sentence is credited too (``credit_trailing_reporters``)."""
    dropped = []
    for r in reporters:
        credited = []
        for f in out:
            if f is r or f.cue is None or f.speaker is None:
                continue
            if not (_within(f.cue, r.content) and _within(f.speaker, r.content)):
                continue
            if overlap(r.speaker, f.content) or overlap(r.cue, f.content):
                continue
            f.speaker, f.cue = r.speaker, r.cue
            credited.append(f)
        kept = any(r is f for f in out)
        if credited and kept and not any(overlap(r.content, f.content) for f in credited) \
                and _only_attribution(text, r.content, credited):
            dropped.append(r)
    credit_trailing_reporters(out, text)
    return [f for f in out if not any(f is d for d in dropped)]


def credit_trailing_reporters(out: list[Found], text: str) -> None:
    """Give the statements whose sentence a reporter closes ('..., the Times reported.') to the
    reporter, with the quotes that go on under the same attribution; a content the parse ran on
    over the reporter ends before it."""
    reported: dict[tuple, tuple[tuple[int, int], tuple[int, int]]] = {}  # (cue, speaker) -> reporter
    for f in out:
        reporter = trailing_reporter(text, f) or reported.get((f.cue, f.speaker))
        if reporter is not None:
            reported[(f.cue, f.speaker)] = reporter  # the quotes that go on with the same attribution
            f.speaker, f.cue = reporter
            if f.content[0] < reporter[0][0] < f.content[1]:
                f.content = trim(text, f.content[0], min(reporter[0][0], reporter[1][0]))


def extract_statements(
    doc, skip: list[Span] | None = None, model: AttributionModel | None = None, text: str | None = None,
    join_quote_runs: bool = False,
) -> list[Statement]:
    """Every attributed statement in ``doc``, in text order, ids s1, s2, ...

    ``skip``: spans of the text to ignore (a repeated body). The headline is read from the text's
    first line: a title given apart from the text has no offsets to point into. ``model``: the
    attribution model (default: the shipped one; training passes its held-out fold models).
    ``text``: ``doc.text`` when the caller has it (spaCy joins every token at each call).
    ``join_quote_runs``: one statement for the quotes one attribution carries (see
    ``join_runs``), as PolNeAR counts them, instead of one per quoted passage.
    """
    text = doc.text if text is None else text
    quotes = find_quotes(text)
    found = merge(
        quote_statements(doc, quotes, text), clause_statements(doc, model, text), headline_statement(text),
        text, quotes,
    )
    found += [t for t in unquoted_transcript_turns(text) if not any(f.content == t.content for f in found)]
    if skip:
        found = [f for f in found if not any(s.start <= f.content[0] < s.end for s in skip)]
    found.sort(key=lambda f: f.content[0])
    if join_quote_runs:
        found = join_runs(found, text)
    return [to_statement(text, f, i) for i, f in enumerate(found, 1)]


_QUOTE_KINDS = frozenset({"direct", "mixed"})
_SECOND_VERB = re.compile(r"\b(?:adding|added|before|then)\b", re.IGNORECASE)


def join_runs(found: list[Found], text: str) -> list[Found]:
    """Quoted passages that one cue attributes, joined into one statement running from the first
    to the last: '"A," he said. "B."' is one statement, as PolNeAR annotates it. A second verb
    between them ('"A," he said, adding, "B."') keeps them apart: that is another attribution."""
    joined: list[Found] = []
    for f in found:
        run = joined[-1] if joined else None
        if run is not None and _goes_on(run, f, text):
            run.content = (run.content[0], f.content[1])
            run.kind = "mixed" if "mixed" in (run.kind, f.kind) else run.kind
            run.confidence = max(run.confidence, f.confidence)
        else:
            joined.append(f)
    return joined


def _goes_on(run: Found, f: Found, text: str) -> bool:
    """``f`` is the next passage of the quotes ``run`` holds: the same cue and speaker, after it."""
    return (f.kind in _QUOTE_KINDS and run.kind in _QUOTE_KINDS and f.cue is not None
            and f.cue == run.cue and f.speaker == run.speaker and run.content[1] <= f.content[0]
            and not _SECOND_VERB.search(text, run.content[1], f.content[0]))


def to_statement(text: str, f: Found, n: int) -> Statement:
    speaker = None
    if f.speaker is not None:
        speaker = Speaker(name=None, mention=Span.of(text, *f.speaker))
    cue = Span.of(text, *f.cue) if f.cue else None
    return Statement(
        id=f"s{n}",
        kind=f.kind,
        content=Span.of(text, *f.content),
        cue=cue,
        speaker=speaker,
        confidence=f.confidence,
    )
