"""Statements -> disputes: which statement denies, rejects, doubts, corrects or contradicts which.

A statement pushes back in one of two ways:

- cued: a pushback word in its attribution ("X denied ...", "X dismissed Y's statements, saying ...")
  or in what it says ("the president meant to say ...", "it's unclear whether these claims are
  true"). The claim it answers is found by what the pushback points back to: a speaker named with
  a possessive ("Y's statements") or by title ("the president"), a content that only points back
  ("denied that": the statement just before), and otherwise by topic overlap and nearness.
- uncued: two nearby speakers assert incompatible things about the same topic (one negates what
  the other asserts, antonyms, different numbers for the same thing).

Everything here is regular expressions and word stems over the statements' texts: the stage runs
after extraction and must stay cheap (no second parse).
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import snowballstemmer

from .clean import headline_end
from .names import calls_an_outlet
from .records import Article, Dispute, Entity, Span, Statement

DATA = Path(__file__).parent / "data"

# Both sides of a dispute have a speaker of one of these types; a claim has at least this many words.
# A group ("Colorado Republican leaders", "Saudi officials") disputes within its article only:
# across articles, two "officials" are not the same speaker.
# "other": a place or a proper name that speaks, as its institution ("Downing Street said ...")
DISPUTANT_TYPES = frozenset({"person", "organisation", "country", "group", "other"})
MIN_CLAIM_WORDS = 5
# A topic match needs this many shared content stems (one if the two sit in the same sentence).
MIN_SHARED = 2
# Uncued contradictions need a closer topic match than cued pushback.
UNCUED_SHARED = 3
# A pushback word in a content counts only this near its start (in characters).
CONTENT_CUE_WITHIN = 120
# Uncued contradictions: only between statements this short (in words).
UNCUED_MAX_WORDS = 30
# A content cue in a content this short is a verdict on what was just said: "Nice try, not true".
VERDICT_WORDS = 5
# How far back (in statements) a pushback with no named target looks for its claim.
NEAR_STATEMENTS = 6
# Uncued contradictions: only between statements this close (in sentences).
NEAR_SENTENCES = 1


# --- word lists ---------------------------------------------------------------------------------


def _sections(name: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    section = ""
    for raw in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
        else:
            out[section].append(line)
    return out


_BETWEEN_WORDS = r"""[\s"“”‘’']+(?:\w+ly[\s"“”‘’']+)?"""  # 'was "completely false"', "is simply not true"


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern:
    def one(phrase: str) -> str:
        parts = [re.escape(w) for w in phrase.split()]
        gap = _BETWEEN_WORDS + r"\.\.\." + _BETWEEN_WORDS
        return _BETWEEN_WORDS.join(parts).replace(gap, r"(?:\s+\S+){0,8}?\s+")

    alternatives = sorted({one(p) for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<![\w'’])(?:" + "|".join(alternatives) + r")(?![\w'’])", re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    frame_cues: tuple[tuple[str, re.Pattern], ...]
    content_cues: tuple[tuple[str, re.Pattern], ...]
    claim_nouns: frozenset[str]
    pushed_back_nouns: frozenset[str]  # the claim nouns and what else a pushback answers ("the attack ad")
    not_claims: frozenset[str]
    pointing: frozenset[str]
    not_topic: frozenset[str]
    negations: frozenset[str]
    antonyms: frozenset[frozenset[str]]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    cues = _sections("pushback.txt")
    lists = _sections("dispute_words.txt")
    frame, content = [], []
    for section, phrases in cues.items():
        kind, _, where = section.partition(" in ")
        (content if where == "content" else frame).append((kind.strip(), _phrase_pattern(phrases)))
    antonyms = set()
    for line in (DATA / "antonyms.txt").read_text(encoding="utf-8").splitlines():
        pair = line.split()
        if len(pair) == 2 and not line.startswith("#"):
            antonyms.add(frozenset(stem(w) for w in pair))
    not_topic = {stem(w) for w in lists["not topic"]} | {stem(w) for w in stop_words()}
    claim_nouns = frozenset(w.lower() for w in _sections("claim_nouns.txt")[""])
    return Lexicon(
        frame_cues=tuple(frame),
        content_cues=tuple(content),
        claim_nouns=claim_nouns,
        pushed_back_nouns=claim_nouns | frozenset(w.lower() for w in _sections("pushback_objects.txt")[""]),
        not_claims=frozenset(w.lower() for w in lists["not claims"]),
        pointing=frozenset(w.lower() for w in lists["pointing contents"]),
        not_topic=frozenset(not_topic),
        negations=frozenset(w.lower() for w in lists["negation"]),
        antonyms=frozenset(antonyms),
    )


# With PyStemmer installed (a dependency), snowballstemmer hands out its C stemmers: the same Snowball
# algorithm, the same stems (all 41,812 word forms of the PolNeAR texts), 17x faster.
_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    # imported when first needed: a run's parent process judges stored items and needs no spaCy
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word.lower())


# --- words, sentences, acronyms -----------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|\d[\d,.]*\d|\d")
_NUMBER = re.compile(r"^\d[\d,.]*$")
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n+")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:[A-Z]\.)+[A-Z]|Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Jr|Sr|Inc|Corp"
    r"|Co|Ltd|No|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|vs|etc|approx)\.[\"”’')\]]*\s+$"
)
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w-]*(?:\s+(?:(?:of|the|and|for)\s+)*[A-Z][\w-]*){1,5}")
_LINK_WORDS = {"of", "the", "and", "for"}


def words(text: str) -> list[str]:
    """The words of ``text``, possessive 's dropped, hyphenated words split in parts."""
    return list(_words(text))  # a new list each call: a caller may change its own


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return tuple(w[:-2] if w[-2:].lower() in ("'s", "’s") else w for w in _WORD.findall(text))


def sentence_starts(text: str) -> list[int]:
    starts = [0]
    for m in _SENTENCE_END.finditer(text):
        if m.group().startswith("\n") or not _ABBREVIATION.search(text[max(0, m.start() - 12) : m.end()]):
            starts.append(m.end())
    return starts


def acronyms(text: str) -> dict[str, str]:
    """Expansions of the acronyms used in ``text``: {"Free Syrian Army": "FSA"}."""
    used = set(_ACRONYM.findall(text))
    if not used:
        return {}
    out = {}
    for m in _CAPITALISED_RUN.finditer(text):
        run = m.group().split()
        for i in range(len(run)):
            for j in range(len(run), i + 1, -1):
                part = run[i:j]
                letters = "".join(w[0] for w in part if w.lower() not in _LINK_WORDS)
                if letters in used and part[0].lower() not in _LINK_WORDS:
                    out[" ".join(part)] = letters
    return out


# --- statements as this stage sees them ---------------------------------------------------------


class Pushback(NamedTuple):
    kind: str
    evidence: str
    start: int  # where the cue sits in the article text
    in_content: bool

    @property
    def end(self) -> int:
        return self.start + len(self.evidence)


@dataclass
class Said:
    """One statement with what this stage needs to know about it."""

    st: Statement
    index: int
    speaker: str | None
    stems: frozenset[str]
    common: frozenset[str]  # stems of its lower-case words: what it says, not whom it names
    sentence: int
    last_sentence: int  # the sentence its content ends in
    frame: list[tuple[int, int]] = field(default_factory=list)  # attribution pieces of the text
    pushback: Pushback | None = None
    answered_by: Pushback | None = None  # "contradicting X's claim that ...": it is the claim
    pointing: bool = False  # its content only points back: "denied that"
    points_back: bool = False  # its pushback answers what was just said: "disputed that, saying ..."
    referenced: list[str] = field(default_factory=list)
    titles: set[str] = field(default_factory=set)
    claim_noun: str | None = None  # "dismissed the report": the stem of what it pushes back on
    predications: tuple[Predication, ...] = ()
    subjects: frozenset[str] = frozenset()
    numbers: dict[str, str] = field(default_factory=dict)
    named: bool = True  # its speaker is a resolved person, organisation, country or group
    group: bool = False  # ... a group ("Republicans", "Saudi officials")
    described: bool = False  # ... only described, not named ("newspaper" of "newspaper reports that")
    credible: bool = True  # can be a claim: a named speaker who says something
    roles: frozenset[str] = frozenset()  # role words of its speaker ("chairwoman", "spokesman")
    after_but: bool = False  # its attribution opens on "but": "X reported A, but Y denied that B"
    lead_in: Span | None = None  # the sentence before it that frames it (``_lead_in``)


def speaker_key(st: Statement) -> str | None:
    sp = st.speaker
    if sp is None:
        return None
    if sp.entity:
        return sp.entity.lower()
    return sp.name.strip().lower() if sp.name and sp.name.strip() else None


def surname(name: str) -> str:
    """The last word of a name before any apposition: "Jane Doe, the mayor" -> doe."""
    last = _last_name_word(name)
    return last.lower() if last else name.strip().lower()


def _last_name_word(name: str) -> str:
    """The last word of a name as written, leaving out a parenthesis and an apposition."""
    toks = words(re.sub(r"\([^)]*\)", " ", name).split(",")[0])
    return toks[-1] if toks else ""


def same_speaker(a: Said, b: Said) -> bool:
    if a.speaker is None or b.speaker is None:
        return True  # unknown: never claim a dispute on it
    if a.speaker == b.speaker:
        return True
    na, nb = a.st.speaker.name or "", b.st.speaker.name or ""
    if na and nb and (_same_surname(na, nb) or _abbreviates(na, nb) or _abbreviates(nb, na)):
        return True
    # an unnamed role and a named holder of that role: "the chairwoman" and "Jane Doe, the chairwoman"
    return _bare_role(na) in b.roles or _bare_role(nb) in a.roles


def _same_surname(na: str, nb: str) -> bool:
    """ "Hillary Clinton" and "Clinton"; not "American officials" and "Saudi officials", whose last
    word is a common noun: those are two groups unless the rest of the name is the same too."""
    if surname(na) != surname(nb):
        return False
    return not _last_name_word(na).islower() or _bare_role(na) == _bare_role(nb) != "" \
        or _without_article(na) == _without_article(nb)


def _without_article(name: str) -> str:
    toks = [w.lower() for w in words(name)]
    return " ".join(toks[1:] if toks and toks[0] in ("the", "a", "an") else toks)


def _abbreviates(short: str, name: str) -> bool:
    """ "Ore." and "Oregon", "Gov." and "Governor": an abbreviation and the word it shortens."""
    short, name = short.strip().lower(), name.strip().lower()
    return short.endswith(".") and " " not in short and name.startswith(short[:-1]) and len(name) > len(short)


def _bare_role(name: str) -> str:
    toks = [w.lower() for w in words(name)]
    return toks[-1] if toks and toks[0] in ("the", "a", "an") or len(toks) == 1 else ""


def _topic_word(w: str) -> bool:
    return not _NUMBER.match(w) and "'" not in w and "’" not in w


def topic_stems(text: str, expansions: dict[str, str]) -> tuple[frozenset[str], frozenset[str]]:
    """All content stems of ``text``, and those of its lower-case words."""
    lex = lexicon()
    toks = [w for w in words(text) if _topic_word(w)]
    out = {stem(w) for w in toks}
    for long, short in expansions.items():
        if long in text:
            out.add(short.lower())
    out = {s for s in out if len(s) > 1 and s not in lex.not_topic}
    common = {stem(w) for w in toks if w.islower()} & out
    return frozenset(out), frozenset(common)


_AUXILIARIES = {"be", "been", "being", "is", "are", "was", "were", "have", "has", "had", "do", "does", "did",
                "the", "a", "an", "his", "her", "its", "their", "to"}


def is_negation(word: str) -> bool:
    w = word.lower()
    return w in lexicon().negations or w.endswith(("n't", "n’t"))


class Predication(NamedTuple):
    """A content word, whether a negation bears on it, and the words that follow it."""

    stem: str
    negated: bool
    following: frozenset[str]
    by_pronoun: bool = False  # "he did not support ...": in reported speech, the speaker himself


_PERSONAL = {"i", "we", "he", "she", "they"}


# a negation after these is a question, not what the speaker asserts
_NOT_ASSERTED = {"whether", "if", "why", "how"}


def predications(text: str) -> tuple[Predication, ...]:
    """ "did not support Mr. Trump" -> (support, negated, {mr, trump}), ...

    Only a plain negation of a lower-case word counts ("not me, not Bill" negates no claim), and
    none in a statement with two negations ("not voting for X does not mean ...").
    """
    lex = lexicon()
    raw = words(text)
    toks = [w.lower() for w in raw]
    negations = [i for i, w in enumerate(toks) if is_negation(w) and w not in _NOUN_NEGATIONS]
    negated_at = set()
    if len(negations) == 1:
        i = negations[0]
        if not (i and toks[i - 1] in _NOT_ASSERTED):
            # the negation reaches the next word and the verbs chained to it: "not to recommend indicting"
            scope = [k for k in range(i + 1, min(i + 6, len(toks))) if toks[k] not in _AUXILIARIES]
            for n, k in enumerate(scope):
                if not raw[k].islower() or (n and not (toks[k].endswith("ing") or toks[k - 1] == "to")):
                    break
                negated_at.add(k)
    asked = {k for i, w in enumerate(toks) if w in _NOT_ASSERTED for k in range(i + 1, i + 6)}
    topical = [(i, stem(w)) for i, w in enumerate(toks)
               if _topic_word(w) and stem(w) not in lex.not_topic and i not in asked]
    out = []
    for k, (i, st) in enumerate(topical):
        following = frozenset(x for _, x in topical[k + 1 : k + 5])
        by_pronoun = any(t in _PERSONAL for t in toks[max(0, i - 6) : i])
        out.append(Predication(st, i in negated_at, following, by_pronoun))
    return tuple(out)


# "no idea", "no avail": these negate a noun, not what is asserted
_NOUN_NEGATIONS = {"no", "neither", "nor"}


_NOT_COUNTS = {"percent", "percentage", "point", "points", "s", "year", "years", "times", "am", "pm",
               "dollars", "euros", "pounds", "cents", "yuan", "yen", "rubles", "per", "a", "an"}


_COUNT = re.compile(
    r"([$€£]\s?)?\b(\d[\d,.]*)\s+((?:(?:hundred|thousand|million|billion|trillion)\s+)*)([A-Za-z]+)"
)


def counted_things(text: str) -> dict[str, str]:
    """Numbers by the lower-case noun that follows them: {"soldier": "5000"}; money, shares and
    dates are left out."""
    out = {}
    for m in _COUNT.finditer(text):
        money, number, magnitude, noun = m.groups()
        if money or not noun.islower() or noun in _NOT_COUNTS or noun in stop_words():
            continue
        out[stem(noun)] = (number.replace(",", "") + " " + magnitude).strip()
    return out


_FIRST_PERSON = {"i", "we", "my", "our", "me", "us"}


def subjects(
    said_text: str, stems: frozenset[str], common: frozenset[str], speaker: str | None
) -> frozenset[str]:
    """Whom a statement is about: the names in it, and its speaker when it says "I" or "we"."""
    out = set(stems - common)
    if speaker and _FIRST_PERSON & {w.lower() for w in words(said_text)}:
        out.add(stem(surname(speaker)))
    return frozenset(out)


def is_pointing(content: str) -> bool:
    """A content that only points back to what was said: "that", "the claims", "the ministry's account"."""
    toks = [w.lower() for w in words(content)]
    if "as" in toks[1:]:
        toks = toks[: toks.index("as", 1)]  # "dismissed the suggestion as nonsense"
    lex = lexicon()
    return " ".join(toks) in lex.pointing or (
        0 < len(toks) <= 5 and stem(toks[-1]) in _pushed_back_stems())


@lru_cache(maxsize=1)
def _pushed_back_stems() -> frozenset[str]:
    """The stems of the nouns a pushback pushes back on: "that figure" as well as "the figures"."""
    return frozenset(stem(w) for w in lexicon().pushed_back_nouns)


# --- reading one article ------------------------------------------------------------------------


def _outer(st: Statement) -> tuple[int, int]:
    spans = [st.content] + [s for s in (st.cue, st.speaker.mention if st.speaker else None) if s]
    return min(s.start for s in spans), max(s.end for s in spans)


def _cut(lo: int, hi: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces, at = [], lo
    for h_lo, h_hi in holes:
        if h_hi <= at or h_lo >= hi:
            continue
        if h_lo > at:
            pieces.append((at, h_lo))
        at = max(at, h_hi)
    if at < hi:
        pieces.append((at, hi))
    return pieces


def _sentences_of(span: tuple[int, int], starts: list[int]) -> range:
    """The sentences a span meets, by their index in ``starts``."""
    lo, hi = span
    return range(bisect.bisect_right(starts, lo) - 1, bisect.bisect_right(starts, max(hi - 1, lo)))


def sentence_neighbours(outers: list[tuple[int, int]], starts: list[int]) -> list[list[int]]:
    """For each statement (by its outer span), the statements whose outer spans meet its sentences:
    the only ones that can bound or cut its attribution frame."""
    by_sentence: dict[int, list[int]] = defaultdict(list)
    for k, span in enumerate(outers):
        for n in _sentences_of(span, starts):
            by_sentence[n].append(k)
    return [sorted({k for n in _sentences_of(span, starts) for k in by_sentence[n]}) for span in outers]


def attribution_frame(
    article: Article, st: Statement, starts: list[int], outers: list[tuple[int, int]],
    near: list[int] | None = None,
) -> list[tuple[int, int]]:
    """The pieces of text around a statement's content in its sentence, up to its neighbours.

    Other statements' contents and cues are cut out: they are theirs, not this one's attribution.
    ``outers`` holds each statement's outer span (content, cue and speaker mention together);
    ``near``, the positions of the statements that meet its sentences (all of them when ``None``).
    """
    lo, hi = _outer(st)
    left = starts[bisect.bisect_right(starts, lo) - 1]
    nxt = bisect.bisect_right(starts, max(hi - 1, lo))
    right = starts[nxt] if nxt < len(starts) else len(article.text)
    holes = []
    for k in range(len(outers)) if near is None else near:
        other, (o_lo, o_hi) = article.statements[k], outers[k]
        holes.append((other.content.start, other.content.end))
        if other is st:
            continue
        if other.cue:
            holes.append((other.cue.start, other.cue.end))
        if left < o_hi <= lo:
            left = o_hi
        if hi <= o_lo < right:
            right = o_lo
    return _cut(left, right, sorted(holes))


def frame_text(said: Said, text: str) -> str:
    """The words of a statement's attribution frame (``attribution_frame``), its pieces joined."""
    return " ".join(text[lo:hi] for lo, hi in said.frame)


def _cue_matches(text: str, lo: int, hi: int, patterns) -> list[Pushback]:
    """Pushback cues in ``text[lo:hi]``, leaving out negated ones ("did not deny")."""
    out = []
    for kind, pattern in patterns:
        for m in pattern.finditer(text, lo, hi):
            if not negated_before(text, m.start()):
                out.append(Pushback(kind, m.group(), m.start(), False))
    return out


def read_pushback(said: Said, article: Article, near: list[int] | None = None) -> None:
    """Set ``said.pushback`` (it pushes back) or ``said.answered_by`` (it is what is pushed back on).
    ``near``: the positions of the statements around it (see ``sentence_neighbours``)."""
    lex = lexicon()
    st, text = said.st, article.text
    mention = st.speaker.mention if st.speaker else None
    found = []
    for lo, hi in said.frame:
        found += _cue_matches(text, lo, hi, lex.frame_cues)
    if st.cue and not any(st.cue.start <= p.start < st.cue.end for p in found):
        found += _cue_matches(text, st.cue.start, st.cue.end, lex.frame_cues)
    others = article.statements if near is None else [article.statements[k] for k in near]
    mentions = [o.speaker.mention for o in others if o.speaker and o.speaker.mention]
    found = [p for p in found if not _passive_or_off_topic(text, p)
             and not any(m.start <= p.start < m.end for m in mentions)]  # "X, who dismissed ..., said"
    for p in sorted(found, key=lambda p: abs(p.start - st.content.start)):
        if mention and p.start < mention.start <= st.content.start and not _led_in(said, p):
            said.answered_by = p  # "contradicting Tulsa police's claim that ...": the speaker is the object
        elif said.pushback is None:
            said.pushback = p
    if said.pushback and not _says_something(said, text):
        said.pushback = None  # "rejected single mothers": a pushback needs a claim to push on
    if said.pushback is None and said.answered_by is None:
        for kind, pattern in lex.content_cues:
            # deep in a long quote, "no evidence" or "not true" is about something else
            m = pattern.search(st.content.text, 0, CONTENT_CUE_WITHIN)
            if m and not negated_before(st.content.text, m.start()):
                said.pushback = Pushback(kind, m.group(), st.content.start + m.start(), True)
                break
    said.points_back = said.pointing or bool(said.pushback and _points_back(said, text))


_THAT_IS = re.compile(
    r"^\W*(?:that|this|these|those|such)(?:\s+\w+){0,2}?(?:['’]s\b|\s+(?:is|was|are|were)\b)",
    re.IGNORECASE,
)


_OF_THAT = re.compile(  # "no evidence of that in his area", "no truth in this": what was just said
    r"\s+(?:of|for|in|about|behind)\s+(?:that|this|it)\b(?!\s+\w+\s+(?:is|was|are|were|had|has|have|would|will)\b)",
    re.IGNORECASE)


def _points_back(said: Said, text: str) -> bool:
    """ "disputed that, saying ...", or a content like "That is simply not true", "Nice try, not
    true": a verdict with nothing of its own to say."""
    p = said.pushback
    if p.in_content:
        content = said.st.content.text
        return bool(_THAT_IS.match(content) or _OF_THAT.match(text, p.end)) \
            or len(words(content)) <= VERDICT_WORDS or _the_claim_is(content)
    if _led_in(said, p):  # "The ministry denied this. A spokesman said ..."
        return True
    between = text[p.end : said.st.content.start]
    return p.start < said.st.content.start and bool(_pointer_then_pause().match(between))


_THE_NOUN_IS = re.compile(r"^\W*the\s+(?:([\w-]+)\s+)?([a-z]+)\s+(?:is|was|are|were)\b", re.IGNORECASE)


def _the_claim_is(content: str) -> bool:
    """A verdict on "the claims", "the criticism" as a whole: 'the criticism was "wide of the mark"'."""
    return _verdict_on_a_claim(content) is not None


def _verdict_on_a_claim(content: str) -> re.Match | None:
    m = _THE_NOUN_IS.match(content)
    return m if m and m.group(2).lower() in lexicon().claim_nouns else None


def _claim_topic(said: Said) -> str | None:
    """The stem of the word a verdict names its claim by: "depot" of "The depot story is a
    fabrication"."""
    m = _verdict_on_a_claim(said.st.content.text)
    if not m or not m.group(1):
        return None
    topic = stem(m.group(1).lower())
    return topic if topic in said.common else None


@lru_cache(maxsize=1)
def _pointer_then_pause() -> re.Pattern:
    phrases = sorted(lexicon().pointing, key=len, reverse=True)
    pointers = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(r"^\s*(?:" + pointers + r")\s*(?:[,;:—–-]|\s+(?:saying|adding|arguing|and)\b)",
                      re.IGNORECASE)


def _says_something(said: Said, text: str) -> bool:
    """A content that states something, or points back to something stated ("that", "the claims"),
    or what a headline denies."""
    toks = [w.lower() for w in words(said.st.content.text)]
    if said.pushback.kind == "denial" and _in_headline(said, text):
        return True  # "Sprinter denies doping offence": what a headline denies is the charge
    return said.pointing or len(toks) >= 4 or any(w in lexicon().claim_nouns for w in toks)


def _led_in(said: Said, p: Pushback) -> bool:
    return said.lead_in is not None and said.lead_in.start <= p.start < said.lead_in.end


_PASSIVE = {"be", "been", "being", "is", "are", "was", "were", "when", "if", "once", "after", "unless"}


def _passive_or_off_topic(text: str, p: Pushback) -> bool:
    """ "when questioned", "was denied"; "rejected a request": no claim is pushed back on."""
    before = words(text[max(0, p.start - 16) : p.start])
    if before and before[-1].lower() in _PASSIVE:
        return True
    lex = lexicon()
    after = [w.lower() for w in words(text[p.end : p.end + 80])][:8]
    if after and after[0] == "by":
        return True  # "a compromise rebuffed by Republicans"
    for k, w in enumerate(after):
        if w in lex.claim_nouns:
            return False
        if w in lex.not_claims:
            return not (k + 1 < len(after) and after[k + 1] in _VERBS_OF_A_CLAUSE)
    return False


# "insisted the offer was fair", "said the plan would fail": the noun is the subject of what is
# asserted, not the thing turned down ("rejected the offer")
_VERBS_OF_A_CLAUSE = frozenset({"is", "are", "was", "were", "had", "has", "have", "would", "will", "could",
                                "should", "might", "must", "can", "did", "does", "do"})


_SENTENCE_BREAK = re.compile(r"[.!?]+[\"”’')\]]*\s+|\n")


def negated_before(text: str, at: int) -> bool:
    """ "did not deny", "it isn't because they were dead wrong"; not a negation that ended the
    sentence before ('... I wasn't surprised." Barcelona denied the claims')."""
    sentence = _SENTENCE_BREAK.split(text[max(0, at - 40) : at])[-1]
    before = [w.lower() for w in words(sentence)][-5:]
    return any(is_negation(w) and not _not_only(before[i + 1 : i + 2]) for i, w in enumerate(before))


def _not_only(after: list[str]) -> bool:
    """ "she not only brushed off the findings but ...": the verb is asserted, not negated."""
    return after in (["only"], ["just"], ["merely"], ["simply"])


# a name's and the words after it: "Putin's statements", "Trump's absurd and inaccurate claim"
_POSSESSIVE = re.compile(r"\b((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)['’]s?((?:\s+[\w-]+){1,5})")
_BY_SOMEONE = re.compile(
    r"\b([a-z]+),?\s+(?:by|from|of|in)\s+(?:(?:[a-z-]+\s+){1,2}(?=[A-Z]))?((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)"
)
_FINDINGS = frozenset({"study", "studies", "survey", "poll", "analysis", "research", "findings", "figures",
                       "estimate", "estimates", "forecast", "forecasts", "assessment"})
_NAME_BEFORE = re.compile(  # not "a Dutch research group's finding": the noun names who, not what
    r"\b(?:the|an?)\s+((?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)\s+([a-z]+)\b(?!\s+[a-z]+['’]s?\s)")
_TITLE_POSSESSIVE = re.compile(
    r"\b(?:the|his|her|their|its)\s+(?:([a-z]+)['’]s?|[a-z]+\s+([a-z]+)['’]s?)\s+(?:[\w-]+\s+){0,2}?([a-z]+)\b"
)  # "the president's remarks", "the police chief's fears"
_THE_TITLE = re.compile(r"\b(?:the|his|her|their|its)\s+([a-z]+)\b")


_A_NAME = r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*)"  # up to four capitalised words
_ACCUSED = re.compile(r"^\W*" + _A_NAME + r"\s+of\b")


def _accuses(said: Said) -> bool:
    return said.st.cue is not None and said.st.cue.text.lower().startswith("accus")


_NAME_IS = re.compile(
    r"^\W*(?:the\s+)?" + _A_NAME + r"\s+(?:is|are|was|were)\b(?:\s+\w+)?\s*\W*$"
)


_CRITICISM = r"\b(?:criticisms?|attacks?|complaints?|outrage|anger)\s+(?:of|on|over|about)\s+"
_CRITICISM_OF = re.compile(_CRITICISM + "$", re.IGNORECASE)
_CRITICISM_OF_WHOM = re.compile(_CRITICISM + r"((?:\S+\s+){0,3}\S+)", re.IGNORECASE)


def _criticism_of(before: str) -> bool:
    """ "dismissed criticism of Mr. Trump's comments": what is dismissed is the criticism, so Mr.
    Trump is not the one answered."""
    return bool(_CRITICISM_OF.search(before[-40:]))


def criticised(text: str) -> set[str]:
    """The lower-cased words of whom (or what) ``text`` says is criticised: "dismissed criticism
    of Bell's remarks" -> {bell, remarks}. Whoever dismisses it takes their side."""
    return {w.lower() for m in _CRITICISM_OF_WHOM.finditer(text) for w in words(m.group(1))}


_HONOURED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][\w'’-]+")


def read_references(said: Said, article: Article) -> None:
    """Whom a pushback points at: "Putin's statements", "claims by X", "the president's remarks",
    "the LSE study" (a study or a poll says what its author found)."""
    nouns = lexicon().pushed_back_nouns | _FINDINGS
    texts = [article.text[lo:hi] for lo, hi in said.frame] + [said.st.content.text]
    for text in texts:
        for m in _POSSESSIVE.finditer(text):
            if any(w.lower() in nouns for w in m.group(2).split()) and not _criticism_of(text[: m.start()]):
                said.referenced.append(m.group(1))
        for m in _BY_SOMEONE.finditer(text):
            if m.group(1).lower() in nouns:
                said.referenced.append(m.group(2))
        for m in _NAME_BEFORE.finditer(text):  # "the AP report", "the Sun story"
            if m.group(2) in nouns:
                said.referenced.append(m.group(1))
        for m in _TITLE_POSSESSIVE.finditer(text):
            if m.group(3) in nouns:
                said.titles.add(m.group(1) or m.group(2))
    said.claim_noun = pointed_claim_noun(said, article.text)
    accused = _ACCUSED.match(said.st.content.text) if _accuses(said) else None
    if accused:  # "accused Labour of scaremongering": Labour's claims are answered, if any
        said.referenced.append(accused.group(1))
    if said.pushback.in_content:
        # "the president meant to say": the title right before the cue names whom it corrects
        at = said.pushback.start - said.st.content.start
        lead = said.st.content.text[max(0, at - 30) : at]
        said.titles |= {m.group(1) for m in _THE_TITLE.finditer(lead)}
        # "Mr Howard is simply wrong": the one who is wrong is answered
        named = _NAME_IS.match(_before_verdict(said))
        if named and surname(named.group(1)) not in stop_words():  # not "That is simply not true"
            said.referenced.append(named.group(1))
        # "That is simply untrue, and Ms Vane knows it": whom it calls by name is answered
        own = {surname(said.st.speaker.name or "")} if said.st.speaker else set()
        said.referenced += [m.group(0) for m in _HONOURED.finditer(said.st.content.text)
                            if surname(m.group(0)) not in own]


def read_article(article: Article) -> list[Said]:
    text = article.text
    starts = sentence_starts(text)
    expansions = acronyms(text)
    outers = [_outer(st) for st in article.statements]
    neighbours = sentence_neighbours(outers, starts)
    entities = {e.id: e for e in article.speakers}
    out = []
    for i, st in enumerate(article.statements):
        if not st.content.text.strip():
            continue
        stems, common = topic_stems(st.content.text, expansions)
        said = Said(
            st=st,
            index=i,
            speaker=speaker_key(st),
            stems=stems,
            common=common,
            sentence=bisect.bisect_right(starts, st.content.start) - 1,
            last_sentence=bisect.bisect_right(starts, max(st.content.start, st.content.end - 1)) - 1,
            pointing=is_pointing(st.content.text),
            predications=predications(st.content.text),
            numbers=counted_things(st.content.text),
        )
        said.subjects = subjects(st.content.text, stems, common, st.speaker.name if st.speaker else None)
        said.named = has_named_speaker(st, entities)
        said.group = speaker_type(st, entities) == "group"
        said.described = _described(st, entities)
        said.credible = said.named and len(words(st.content.text)) >= MIN_CLAIM_WORDS
        said.roles = speaker_roles(st, entities)
        said.frame = attribution_frame(article, st, starts, outers, neighbours[i])
        said.lead_in = _lead_in(said, article, starts, outers)
        if said.lead_in:
            said.frame.insert(0, (said.lead_in.start, said.lead_in.end))
            said.sentence -= 1  # its attribution starts there
        read_pushback(said, article, neighbours[i])
        if said.pushback:
            read_references(said, article)
            said.after_but = _opens_on_but(st, text)
        out.append(said)
    return out


_OPENING = re.compile(r"^\W*(?:(?:but|however|and|yet)\b)?\W*(\w+)", re.IGNORECASE)


def _lead_in(said: Said, article: Article, starts: list[int], outers: list[tuple[int, int]]) -> Span | None:
    """The sentence before a statement, as part of its frame, when all it says is that the
    statement's speaker pushes back on what was just said: "The ministry denied this. A spokesman
    said ...", "Mr Tindall rejected the claim. 'This came from us,' he said." It holds no statement of
    its own, names the speaker before its cue ("Mr Tindall", "The ministry") or opens on a pronoun
    the statement's own pronoun takes up, and ends on what its cue points at ("this", "the claim")."""
    lo = outers[said.index][0]
    k = bisect.bisect_right(starts, lo) - 1
    if k < 1 or said.st.speaker is None:
        return None
    f_lo, f_hi = starts[k - 1], starts[k]
    if any(o_lo < f_hi and o_hi > f_lo for o_lo, o_hi in outers):
        return None
    text = article.text
    cues = [p for p in _cue_matches(text, f_lo, f_hi, lexicon().frame_cues)
            if not _passive_or_off_topic(text, p) and _points_and_stops(text[p.end : f_hi])]
    if not cues:
        return None
    subject = text[f_lo : min(p.start for p in cues)]
    opening = _OPENING.match(subject)
    if opening and opening.group(1).lower() in _PRONOUNS:
        mention = said.st.speaker.mention
        same = mention is not None and mention.text.lower() in _PRONOUNS
    else:
        said_words = {w.lower() for w in words(subject)}
        same = any(surname(n) in said_words for n in names_of(said, article) if n.lower() not in _PRONOUNS)
    return Span.of(text, f_lo, f_hi) if same else None


# "denied this.", "rejected the claim.", "disputed Ms Varga's figures.": a pointer, then the sentence ends
_POINTER_THEN_STOP = re.compile(
    r"^\s*(?:that|this|these|those|the|such|it|his|her|their|its|[A-Z][\w.-]*['’]s?)\b[^.!?,;:]{0,40}[.!]\W*$"
)


def _points_and_stops(rest: str) -> bool:
    return bool(_POINTER_THEN_STOP.match(rest)) and is_pointing(rest)


_BUT_BEFORE = re.compile(r"\bbut\s+$", re.IGNORECASE)
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you"})


def _opens_on_but(st: Statement, text: str) -> bool:
    """Whether the attribution opens on "but" and a speaker named there: "..., but Fiorina's team
    denied that", not "X said A, but denied B" nor "but she denied" (often X again)."""
    mention = st.speaker.mention if st.speaker else None
    return mention is not None and mention.start < st.content.start \
        and mention.text.lower() not in _PRONOUNS \
        and bool(_BUT_BEFORE.search(text[max(0, mention.start - 6) : mention.start]))


def has_named_speaker(st: Statement, entities: dict[str, Entity]) -> bool:
    """Disputes are between a person, organisation, country or group and another: statements whose
    speaker resolution found no such entity ("voter mistrust", "the report") take no part,
    precision before recall. Without resolved entities (records made by hand), any speaker counts."""
    if not entities:
        return True
    return speaker_type(st, entities) in DISPUTANT_TYPES


def _entity_of(st: Statement, entities: dict[str, Entity]) -> Entity | None:
    return entities.get(st.speaker.entity) if st.speaker and st.speaker.entity else None


def _described(st: Statement, entities: dict[str, Entity]) -> bool:
    entity = _entity_of(st, entities)
    return entity is not None and not entity.named


def _within(span: Span | None, outer: Span) -> bool:
    return span is not None and outer.start <= span.start and span.end <= outer.end


def speaker_type(st: Statement, entities: dict[str, Entity]) -> str | None:
    entity = _entity_of(st, entities)
    return entity.type if entity is not None else None


def speaker_roles(st: Statement, entities: dict[str, Entity]) -> frozenset[str]:
    entity = _entity_of(st, entities)
    return frozenset(w.lower() for role in (entity.roles if entity else []) for w in words(role))


# --- who is meant -------------------------------------------------------------------------------


def names_of(said: Said, article: Article) -> set[str]:
    sp = said.st.speaker
    names = {n for n in (sp.name, sp.mention.text if sp.mention else None) if n}
    for ent in article.speakers:
        if sp.entity and ent.id == sp.entity:
            names.update([ent.name, *ent.aliases])
    return names


_HONORIFICS = {"mr", "mrs", "ms", "miss"}


_THE_CLAIM = re.compile(
    r"^[\s,]*(?:(?:the|this|that|these|those|such|any|an?)\s+)?([a-z-]+)(?:\s+([a-z]+))?\b(?!\s+(?:by|of|from)\b)"
)
_OWN = {"his", "her", "my", "our", "their", "its"}
# a news story is what its outlet reported; an allegation or a charge is what someone accused,
# a complaint what someone complained
_SAME_CLAIM = {"stori": "report", "alleg": "accus", "charg": "accus", "complaint": "complain"}


def claim_stem(word: str) -> str:
    s = stem(word.lower())
    return _SAME_CLAIM.get(s, s)


def pointed_claim_noun(said: Said, text: str) -> str | None:
    """The stem of the claim a pushback names by a noun right after its cue, or in the first words
    of a content that calls it wrong: "dismissed the report as nonsense" -> "report", "allegations
    that the firm evaded taxes were without foundation" -> "accus", "There is no truth in the
    story" -> "report". Whose claim it is, the article said with a verb of that stem."""
    p = said.pushback
    nouns = lexicon().claim_nouns
    if p.in_content:
        ws = [w.lower() for w in words(said.st.content.text)[:8]]
        i = next((i for i, w in enumerate(ws) if w in nouns), None)
        return None if i is None or (i and ws[i - 1] in _OWN) else claim_stem(ws[i])
    end = p.end
    for lead in (text[end : end + 60], said.st.content.text[:60]):
        m = _THE_CLAIM.match(lead)
        noun = m and next((w for w in m.groups() if w in nouns), None)
        if noun:
            return claim_stem(noun)
    return None


def speaker_is_named(said: Said, ref: str, article: Article) -> bool:
    return named_as(ref, said, frozenset(names_of(said, article)))


def named_as(ref: str, said: Said, names: frozenset[str]) -> bool:
    """Whether ``ref`` ("Vidal", "Ms. Trump") names the speaker of ``said``, who goes by ``names``."""
    ref_words = {w.lower() for w in words(ref)}
    said_as = set(_mention_words(said)) & _HONORIFICS
    if said_as and ref_words & _HONORIFICS and not said_as & ref_words:
        return False  # "Ms. Trump's claims" are not Mr. Trump's
    return any(n.lower() == ref.lower() or surname(n) in ref_words for n in names)


def _mention_words(said: Said) -> list[str]:
    """The words naming a statement's speaker where it is said, lower-case."""
    mention = said.st.speaker.mention if said.st.speaker else None
    return [w.lower() for w in words(mention.text)] if mention else []


def _mention_head(said: Said) -> str:
    """The last word naming a speaker: "book" of "A new book" (the book's claims), "union" of
    "The union"."""
    return (_mention_words(said) or [""])[-1]


def titles_of(said: Said, article: Article) -> set[str]:
    """What the article calls a speaker besides the name: "President Vladimir Putin" -> president."""
    sp = said.st.speaker
    out = {w.lower() for w in words(sp.role or "")}
    text = article.text
    for name in names_of(said, article):
        last = surname(name)
        if not last or not last[:1].isalpha():
            continue
        own = {w.lower() for w in words(name)}
        for m in re.finditer(r"\b" + re.escape(last) + r"\b", text, re.IGNORECASE):
            out.update(_title_before(words(text[max(0, m.start() - 60) : m.start()]), own))
    return out - stop_words()


def _title_before(before: list[str], own: set[str]) -> list[str]:
    """"U.S. Defense Minister Jane Doe" -> defense, minister; "his spokesman John Doe" -> spokesman."""
    out: list[str] = []
    for w in reversed(before[-5:]):
        if w.lower() in own:
            continue
        if w[:1].isupper():
            out.append(w.lower())
            continue
        if not out:
            out.append(w)
        break
    return out


# --- pairing a pushback with its claim ----------------------------------------------------------


def idf_of(saids: list[Said]) -> dict[str, float]:
    df: dict[str, int] = defaultdict(int)
    for s in saids:
        for w in s.stems:
            df[w] += 1
    n = len(saids) + 1
    return {w: math.log(1 + n / c) for w, c in df.items()}


def overlap(a: Said, b: Said, idf: dict[str, float]) -> tuple[int, float]:
    """How many content stems two statements share, and their weight; 0 when they share only names."""
    shared = a.stems & b.stems
    if not shared & (a.common | b.common):
        return 0, 0.0
    return len(shared), sum(idf.get(w, 1.0) for w in sorted(shared))  # one order, one sum everywhere


def claim_candidates(b: Said, saids: list[Said]) -> list[Said]:
    before = b.st.content.start
    if b.points_back and b.st.cue:
        before = max(before, b.st.cue.start)  # "X said A, but Y denied that": A is before the cue
    first_spoke = min(c.index for c in saids if same_speaker(c, b))
    return [
        a for a in saids
        if a.index != b.index
        and a.st.kind != "headline"
        and not a.pointing
        and not _a_denial_answered_by_a_bystander(a, first_spoke)
        and not _a_doubt_for_a_denial(a, b)
        and a.credible
        and a.st.content.start < before
        and not same_speaker(a, b)
    ]


def _a_doubt_for_a_denial(a: Said, b: Said) -> bool:
    """A denial answers the claim, not a bystander's doubt about it ("Investigators said it was not
    clear whether he had received the money. He denied receiving any such payments")."""
    return b.pushback is not None and b.pushback.kind == "denial" and a.pushback is not None \
        and a.pushback.kind in ("doubt", "denial")


def _a_denial_answered_by_a_bystander(a: Said, first_spoke: int) -> bool:
    """A statement its cue frames as a pushback ("Ferguson denied he had been talking about the
    referee") and a speaker whose first statement (``first_spoke``) comes after it: such an
    answer more often sides with the denial ("his assistant said the Scot had been misquoted")
    than disputes it, and annotated train pairs almost never take a denial for the claim. The
    claimant's own reply to it ("'That is simply not true,' Marsh told reporters") does dispute it."""
    return a.pushback is not None and not a.pushback.in_content and first_spoke > a.index


def target_of(
    b: Said, saids: list[Said], article: Article, idf: dict[str, float]
) -> tuple[Said, float] | None:
    """The claim a cued pushback answers, with a confidence; None when the article has none."""
    held = _claim_held(b, saids)
    if held is not None and not held.described:
        return held, 0.75
    prompted = _claim_it_came_after(b, saids, article.text)
    if prompted is not None:
        return prompted, 0.75
    if held is not None:  # "has denied newspaper reports that ...": the paper the story names after it
        return _answered_after(b, saids, idf) or (held, 0.75)
    candidates = claim_candidates(b, saids)
    defended = criticised(frame_text(b, article.text) + " " + b.st.content.text)
    if defended:  # "dismissed criticism of Mr. Trump's comments": not Mr. Trump's claim
        candidates = [a for a in candidates if not {surname(n) for n in names_of(a, article)} & defended]
    if not candidates:
        quoted = _quoted_after(b, saids, article, idf) if b.referenced and not defended else None
        return quoted or (_answered_after(b, saids, idf) if not b.referenced else None)
    echoed = _echoed(b, candidates)
    if echoed is not None:  # 'rejected the "hundreds of thousands" figure': the claim that said it
        return echoed, 0.75
    named = [a for a in candidates if any(speaker_is_named(a, r, article) for r in b.referenced)]
    if b.referenced and not named:
        return _quoted_after(b, saids, article, idf)
    if not named and b.titles:
        named = [a for a in candidates
                 if b.titles & (titles_of(a, article) | {surname(a.st.speaker.name or ""), _mention_head(a)})]
    judged = _verdict_on(b) if not named else None
    if judged is not None:
        # "the figures were a complete fabrication": the latest claim that gave a number; "the
        # research was far from conclusive": the latest a study or report made
        said_so = [a for a in candidates if b.index - a.index <= NEAR_STATEMENTS and _judged_kind(a, judged)]
        if said_so:
            given = _numbers(b)
            same = [a for a in said_so if _numbers(a) & given]  # "the figure of 150,000 was ..."
            return max(same or said_so, key=lambda s: s.st.content.start), 0.6
    if not named and b.claim_noun:
        # "brushed aside the reports": all it names is the claim, however far back it was made
        said_so = [a for a in candidates
                   if (b.pointing or b.index - a.index <= NEAR_STATEMENTS) and _said_as(a, b.claim_noun)]
        if said_so:
            return max(said_so, key=lambda s: s.st.content.start), 0.7
    topic = _claim_topic(b) if b.points_back and not named else None
    said_so = [a for a in candidates if topic in a.stems] if topic else []
    if said_so:  # "The depot story is a fabrication": the latest claim about the depot
        return max(said_so, key=lambda s: s.st.content.start), 0.6
    if b.pointing or (b.points_back and not named):
        a = max(named or candidates, key=lambda s: s.st.content.start)
        if named and b.pointing:  # "shrugged off Trump's comments": Trump's latest, however far back
            return a, 0.6
        return (a, 0.7) if b.sentence - a.last_sentence <= 1 else None
    if named:
        return _best_of_named(b, named, idf)
    if b.pushback.kind == "contradiction":
        # "insisted", "countered": only a counter-claim next to the claim is a dispute
        candidates = [a for a in candidates if b.sentence - a.last_sentence <= 1]
    if b.pushback.in_content:  # words inside a quote ("no evidence", "false") need a closer topic match
        needed = min(MIN_SHARED + 1, max(1, len(_topic_besides_cue(b))))
    elif _denies(b):  # a denial restates what it denies: "denied that anyone had been arrested"
        needed = 1
    else:
        needed = MIN_SHARED
    return _best_nearby(b, candidates, idf, needed, anywhere=_restates_a_claim(b))


def _topic_besides_cue(b: Said) -> frozenset[str]:
    """The content stems of a pushback other than its cue's: "overcharg" of "there was no evidence of
    overcharging"."""
    return b.common - {stem(w) for w in words(b.pushback.evidence)}


_RESTATED = re.compile(r"\b(?:claims?|suggestions?|allegations?|accusations?|reports?|ideas?|notion"
                       r"|assertions?|charges?|findings?)\s+that\b", re.IGNORECASE)


def _restates_a_claim(b: Said) -> bool:
    """ "rejected the suggestion that contractors were being paid more for less work": the pushback says
    again what it answers, so the claim may be anywhere before it."""
    return not b.pushback.in_content and bool(_RESTATED.search(b.st.content.text[:60]))


def _spaced_words(text: str) -> str:
    return f" {' '.join(_words(text.lower()))} "


_QUOTED_WORDS = re.compile(r"[\"“”]([^\"“”]{3,60})[\"“”]")


def _echoed(b: Said, candidates: list[Said]) -> Said | None:
    """The latest claim whose words the pushback quotes back, two words or more ('has rejected the
    "hundreds of thousands" figure' after 'wants to bring in "hundreds of thousands" of refugees')."""
    quoted = [_words(q.lower()) for q in _QUOTED_WORDS.findall(b.st.content.text)]
    quoted = [f" {' '.join(q)} " for q in quoted if len(q) >= 2]
    said = [a for a in candidates if any(q in _spaced_words(a.st.content.text) for q in quoted)]
    return max(said, key=lambda s: s.st.content.start) if said else None


_AFTER = re.compile(r"^[\s,]*(?:after|following|amid|when)\s+$", re.IGNORECASE)


def _claim_it_came_after(b: Said, saids: list[Said], text: str) -> Said | None:
    """ "Kane has denied taking a banned substance after UK Athletics confirmed he had failed a drugs
    test": the claim a pushback came after, reported in its own sentence right behind it."""
    later = [a for a in saids if a.st.content.start >= b.st.content.end and a.sentence == b.last_sentence
             and a.credible and a.st.kind != "headline" and not same_speaker(a, b)]
    if not later:
        return None
    a = min(later, key=lambda s: s.st.content.start)
    mention = a.st.speaker.mention if a.st.speaker else None
    opens = min(x.start for x in (a.st.cue, mention, a.st.content) if x is not None)
    return a if opens > b.st.content.end and _AFTER.match(text[b.st.content.end : opens]) else None


def _claim_held(b: Said, saids: list[Said]) -> Said | None:
    """ "denied claims by a union that it is cutting ...": the claim said within the pushback's own
    content, its cue a claim noun there ("claims by"), is the one it answers."""
    start, end = b.st.content.start, b.st.content.end
    return next((a for a in saids
                 if a.index != b.index and a.credible and not same_speaker(a, b) and a.st.cue is not None
                 and start <= a.st.cue.start < end and a.st.content.end <= end
                 and _cued_by_claim_noun(a)),
                None)


def _cued_by_claim_noun(a: Said) -> bool:
    cue = words(a.st.cue.text.lower()) if a.st.cue else []
    return bool(cue) and cue[0] in lexicon().claim_nouns


def _quoted_after(
    b: Said, saids: list[Said], article: Article, idf: dict[str, float]
) -> tuple[Said, float] | None:
    """For a pushback naming whom it answers ("dismissed claims by Sir Alex Ferguson that ...")
    whom the article quotes only further down, that speaker's statement after it with most in
    common, else the first; None when the article never quotes them. A statement of theirs that
    pushes back itself ("Royal Mail said the union's estimate was 'scaremongering'") answers the
    pushback; it is not the claim."""
    later = [a for a in saids
             if a.st.content.start > b.st.content.end and a.st.kind != "headline" and not a.pointing
             and a.credible and not same_speaker(a, b) and a.pushback is None
             and any(speaker_is_named(a, r, article) for r in b.referenced)]
    if not later:
        return None
    scored = [(overlap(a, b, idf), a) for a in later]
    matching = [(weight, a) for (count, weight), a in scored if count >= MIN_SHARED]
    if matching:
        return max(matching, key=lambda wa: (wa[0], -wa[1].st.content.start))[1], 0.6
    return min(later, key=lambda s: s.st.content.start), 0.6


NEAR_AFTER = 4  # a lead pushback answers a claim the story reports within a few statements
LEAD_SENTENCES = 2  # the headline and the first sentence under it
_CLAIM_WORDS = r"(?:claims?|allegations?|accusations?|warnings?|suggestions?|reports?)"
_HOLDS_A_CLAIM = re.compile(  # a claim inside the pushback with its own source
    rf"\b{_CLAIM_WORDS}\s+(?:by|from)\s+[^.;]{{1,40}}?\bthat\b"  # "claims by a union that"
    r"|\b(?i:study|survey|report|research|analysis)\s+(?:which|that)\s+(?:says|said|found|finds|estimated"
    r"|estimates|suggested|suggests|showed|shows|predicted|predicts|warned|warns)\b"  # "a study which says"
    rf"|\b[A-Z][\w'’]*\s+{_CLAIM_WORDS}\s+that\b"  # "Conservative claims that", "Labour's warnings that"
)


def _speaks_for(a: Said, b: Said) -> bool:
    """Whether one speaks for the other's organisation: "Telvane denied ..." and its spokeswoman."""
    return any(x.st.speaker.organisation and x.st.speaker.organisation == y.st.speaker.name
               for x, y in ((a, b), (b, a)))


def _answered_after(b: Said, saids: list[Said], idf: dict[str, float]) -> tuple[Said, float] | None:
    """The claim a pushback that opens the story answers further down, the way news leads with
    the denial: "eBay has denied that hackers broke into its computers ... Security firm
    MessageLabs said a gang had taken the information": the first claim of another speaker
    after it that the pushback calls by its noun ("denied reports" and the paper that reported),
    else the one with most topic words in common. One that names whose claim it answers is left
    to ``_quoted_after``; one that holds the claim it answers to ``_claim_held``."""
    if _HOLDS_A_CLAIM.search(b.st.content.text):
        return None  # "rejected a study which says ...": the claim is inside it, said by no one quoted after
    later = [a for a in saids
             if 0 < a.index - b.index <= NEAR_AFTER and a.st.kind != "headline" and not a.pointing
             and a.credible and a.pushback is None and not same_speaker(a, b) and not _speaks_for(a, b)
             and not (a.described and _held_by_another(a, saids))]
    if b.claim_noun:
        said_so = [a for a in later if _said_as(a, b.claim_noun)]
        if said_so:
            return min(said_so, key=lambda s: s.index), 0.6
    scored = [(overlap(a, b, idf), a) for a in later]
    matching = [(weight, a) for (count, weight), a in scored if count >= MIN_SHARED]
    if any(not a.described for _, a in matching):  # a source named over one only described
        matching = [(weight, a) for weight, a in matching if not a.described]
    if matching:
        best = max(matching, key=lambda wa: (wa[0], -wa[1].index))[1]
        # the claim as its speaker first put it: "said in a report that ministers had underestimated
        # the cost ... The report also said each card could cost ..."
        return min((a for a in later if same_speaker(a, best)), key=lambda s: s.index), 0.6
    if _denies(b):
        # "Thornbury Bank has denied that it is in talks ... The denial came after a Sunday
        # newspaper reported that ...": a denial that leads the story answers the press report
        reported = [a for a in later if _press_report(a)]
        if reported:
            return min(reported, key=lambda s: s.index), 0.6
    if b.claim_noun is not None and b.sentence <= LEAD_SENTENCES and later:
        # "Gordon Brown has rejected claims that his plans will leave millions worse off. / The
        # Conservatives said ...": the story's lead answers the claim it reports next
        return min(later, key=lambda s: s.index), 0.5
    return None


def _denies_the_press(b: Said, a: Said) -> bool:
    """A denial of what a paper reported: one word in common is enough ("The Sun reported the
    four-piece had split after a row over money ... denied that there had been any falling-out
    over money")."""
    return _denies(b) and _press_report(a)


def _denies(b: Said) -> bool:
    """A denial, or a counter-claim that negates ("insisted the group are not splitting up")."""
    return b.pushback.kind == "denial" or (
        b.pushback.kind == "contradiction" and any(is_negation(w) for w in words(b.st.content.text)))


def _held_by_another(a: Said, saids: list[Said]) -> bool:
    """ "has denied newspaper reports that ...": a claim said within another statement's content."""
    return any(o is not a and _within(a.st.cue, o.st.content) for o in saids)


def _numbers(said: Said) -> set[str]:
    return {w for w in words(said.st.content.text) if _NUMBER.match(w)}


_LINKING = r"(?:is|are|was|were|do|does|did|don['’]t|doesn['’]t|didn['’]t)"  # "the numbers don't add up"
_VERDICT_ON = re.compile(
    r"^\W*(?:the|these|those|such|their|his|her|its)\s+(?:[a-z]+(?:['’]s?)?\s+)?"  # "the union's figure"
    r"(?:(?P<figures>figures?|numbers?|statistics|estimates?|sums|costings)"
    r"|(?P<plans>plans?|proposals?|schemes?|pledges?)"
    r"|(?P<press>articles?|stor(?:y|ies)|reports?)"
    r"|research|study|studies|survey|findings|evidence)"
    r"(?:\s+of\s+\S+(?:\s+[a-z]+)?|\s+[a-z]+ed)?\s+" + _LINKING + r"\b",  # "the figures quoted are",
    # "the figure of 300 cancellations was"
    re.IGNORECASE,
)
_A_NUMBER = re.compile(
    r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?"
    r"|thousands?|millions?|billions?|dozens?|half|thirds?|quarters?|doubled|trebled|tripled)\b",
    re.IGNORECASE)
_DOCUMENT_WORDS = _FINDINGS | {"report", "inquiry", "investigation", "review"}
_DOCUMENT_STEMS = frozenset(claim_stem(w) for w in _DOCUMENT_WORDS)


def _before_verdict(said: Said) -> str:
    """The content up to the verdict word inside it, with the verb that links them when the
    verdict's phrase starts with it ("The figure of 150,000 is" of "... is simply wrong")."""
    lead = _LAST_CLAUSE.split(said.st.content.text[: said.pushback.start - said.st.content.start])[-1]
    verb = _LINKING_VERB.match(said.pushback.evidence)
    return lead + verb.group() if verb else lead


_LINKING_VERB = re.compile(_LINKING + r"\b", re.IGNORECASE)
# "We are always looking at costs, but the figures quoted are ...": the verdict's own clause
_LAST_CLAUSE = re.compile(r"[.;!?]\s+|,?\s+but\s+", re.IGNORECASE)


def _verdict_on(b: Said) -> str | None:
    """What a verdict in the content judges, when it is someone's numbers ("the figures were 'a
    complete fabrication'": "figures"), someone's proposals ("the plans were 'unworkable'":
    "plans"), a paper's or a study's report ("the article was 'completely untrue'": "press") or a
    study's findings ("the research was 'far from conclusive'": "findings")."""
    if not b.pushback.in_content:
        return None
    m = _VERDICT_ON.match(_before_verdict(b))
    return None if m is None else next((kind for kind in ("figures", "plans", "press") if m.group(kind)),
                                       "findings")


def _judged_kind(a: Said, judged: str) -> bool:
    """Whether a claim is of the kind a verdict judges: it gives a number, proposes (a promise, a
    pledge, what would be done), is a news outlet's or a study's."""
    if judged == "press":
        return _the_press_says(a) or _a_document_says(a)
    if judged == "figures":
        return bool(_A_NUMBER.search(a.st.content.text))
    if judged == "plans":
        cue = words(a.st.cue.text.lower()) if a.st.cue else []
        return bool({stem(w) for w in cue} & _PROPOSING_STEMS) or bool(_WOULD.search(a.st.content.text))
    return _a_document_says(a)


_PROPOSING_STEMS = frozenset(stem(w) for w in (
    "promised", "pledged", "proposed", "planned", "announced", "unveiled", "vowed", "urged", "wants"))
_WOULD = re.compile(r"\b(?:would|will)\b", re.IGNORECASE)


def _a_document_says(a: Said) -> bool:
    """Whether a statement is a study's or report's ("A study ... found that ...")."""
    return bool(set(_mention_words(a)) & _DOCUMENT_WORDS)


def _said_as(a: Said, claim: str) -> bool:
    """Whether ``a`` is what a pushback calls by the noun of stem ``claim``: its cue has that stem
    ("alleged" for "the allegations"), or it is a news outlet's and the noun is "report" or "story"."""
    if _cued_as(a, claim):
        return True
    if claim in _DOCUMENT_STEMS and _a_document_says(a):
        return True  # "dismissed the report's findings" after "a report by X said"
    return claim == "report" and _the_press_says(a)


def _cued_as(a: Said, claim: str) -> bool:
    return bool(a.st.cue) and claim in {claim_stem(w) for w in words(a.st.cue.text)}


_REPORTS = re.compile(r"^(?:[A-Za-z-]+\s+)?reports\b(?!\s+(?:by|from)\b)", re.IGNORECASE)


def _press_report(a: Said) -> bool:
    """What a paper reported: "a Sunday newspaper reported that ...", "The Sun reported ...",
    "Reports in several newspapers claimed ...", "Press reports said ..."."""
    mention = a.st.speaker.mention
    return (_the_press_says(a) and _cued_as(a, "report")) or bool(
        mention is not None and _REPORTS.match(mention.text))


def _the_press_says(a: Said) -> bool:
    """Whether a statement is a news outlet's, named or only described ("a Sunday newspaper claimed")."""
    return bool(a.st.speaker.name) and calls_an_outlet(a.st.speaker.name)


def _best_of_named(b: Said, named: list[Said], idf: dict[str, float]) -> tuple[Said, float] | None:
    scored = [(overlap(a, b, idf), a) for a in named]
    matching = [(w, a) for (count, w), a in scored if count >= MIN_SHARED]
    if matching:
        # the latest claim on the topic: a pushback answers what was just said, unless an earlier
        # claim matches far better
        top = max(w for w, _ in matching)
        latest = max((a for w, a in matching if w >= top / 2), key=lambda a: a.st.content.start)
        return latest, 0.9
    if b.referenced or b.titles:
        # "dismissed Putin's statements", "the police chief's fears were unfounded" with no topic in
        # common: what the speaker said first, the lead
        return min(named, key=lambda s: s.st.content.start), 0.6
    return None


def _best_nearby(
    b: Said, candidates: list[Said], idf: dict[str, float], needed: int, anywhere: bool = False
) -> tuple[Said, float] | None:
    best, best_score = None, 0.0
    for a in candidates:
        if b.index - a.index > NEAR_STATEMENTS and not anywhere:
            continue
        count, weight = overlap(a, b, idf)
        close = a.sentence == b.sentence and not b.pushback.in_content
        if count < (0 if close and b.after_but and _denies(b) or _denies_what_was_said_of_them(b, a) else
                    1 if close or _denies_the_press(b, a) else needed):
            continue  # "X reported A, but Y denied that B": the denial answers A, words shared or not
        score = weight / (1 + 0.2 * (b.index - a.index))
        if best is None or score > best_score:
            best, best_score = a, score
    if best is None:
        return None
    if best_score == 0:  # nothing in common: the claim as its speaker first put it in the sentence
        best = min((a for a in candidates if same_speaker(a, best) and a.sentence == best.sentence),
                   key=lambda a: a.index)
    return best, 0.8 if best.sentence == b.sentence else 0.65


def _denies_what_was_said_of_them(b: Said, a: Said) -> bool:
    """ "American officials have long worried about Saudi Arabia's suspected role in ... Saudi
    officials deny any links": a denial right after a claim about its own speaker answers it, the
    speaker named in the claim or called by one of their roles ("A Sunday paper says a Conservative
    MP failed to declare ... Conservative MP Jo Bell has denied breaking the rules")."""
    if b.pushback.kind != "denial" or b.sentence - a.last_sentence > 1 or b.st.speaker is None:
        return False
    own = {stem(w) for w in words(b.st.speaker.name or "") if w[:1].isupper()}
    if own & a.subjects:
        return True
    roles = b.roles - stop_words()  # not the "of" of "head of"
    return bool(roles) and not roles.isdisjoint(w.lower() for w in words(a.st.content.text))


def answered_pairs(saids: list[Said]) -> list[tuple[Said, Said]]:
    """(claim, pushback) pairs where one cue sits between them: "A shows X, contradicting B's claim"."""
    out = []
    for a in saids:
        if a.answered_by is None or not a.credible:
            continue
        for b in saids:
            if b is not a and b.named and b.pushback == a.answered_by and not same_speaker(a, b):
                out.append((a, b))
                break
    return out


# --- uncued contradictions ----------------------------------------------------------------------


def incompatibility(a: Said, b: Said) -> str | None:
    """Why two statements about the same someone cannot both hold, or None.

    One says of a thing what the other denies of it ("seemed supportive of Mr. Trump" / "did not
    support Mr. Trump"), or uses its antonym, or gives it another number.
    """
    if a.stems == b.stems or not a.subjects & b.subjects:
        return None
    why = negation(a, b)
    if why:
        return why
    for pair in lexicon().antonyms:
        x, y = tuple(pair)
        if (x in a.stems and y in b.stems) or (y in a.stems and x in b.stems):
            return f"{x} vs {y}"
    for thing, n in a.numbers.items():
        if thing in b.numbers and b.numbers[thing] != n and thing not in lexicon().not_topic:
            return f"{n} vs {b.numbers[thing]} {thing}"
    return None


def uncued_contradictions(saids: list[Said], taken: set[str], idf: dict[str, float]) -> list[Dispute]:
    """Contradictions no word announces; statements already in a cued dispute are left out."""
    out = []
    body = [s for s in saids if s.st.kind != "headline" and not s.pointing and s.speaker and s.credible
            and len(s.st.content.text.split()) <= UNCUED_MAX_WORDS]
    for j, b in enumerate(body):
        if b.st.id in taken:
            continue
        for a in body[:j]:
            if a.st.id in taken or b.sentence - a.sentence > NEAR_SENTENCES or same_speaker(a, b):
                continue
            count, _ = overlap(a, b, idf)
            if count < UNCUED_SHARED:
                continue
            why = incompatibility(a, b)
            if why:
                out.append(Dispute(a.st.id, b.st.id, "contradiction", why, _sure(0.5, a, b)))
                taken.update((a.st.id, b.st.id))
                break
    return out


# --- the stage ----------------------------------------------------------------------------------


def find_disputes(article: Article, min_confidence: float | None = None) -> list[Dispute]:
    """Disputes between the statements of one article (``a`` the claim, ``b`` the pushback), those at
    least ``min_confidence`` sure.

    The cue rules find the pushbacks the article spells out; with a ``min_confidence``, the
    learned judge (``dispute_judge``) adds the likeliest of the other pairs at least that sure,
    for review. With ``None``, every cued dispute and no judged pair: on unseen news the judge
    is not yet precise enough to speak unasked (see the README)."""
    from . import dispute_judge  # it reads statements through this module

    saids = read_article(article)
    if len(saids) < 2:
        return []
    found = cued_disputes(saids, article)
    taken = {x for d in found for x in (d.a, d.b)}
    if min_confidence is None:
        return found
    found += dispute_judge.judged_disputes(article, saids, taken, min_confidence)
    return [d for d in found if d.confidence >= min_confidence]


def cued_disputes(saids: list[Said], article: Article) -> list[Dispute]:
    """The rules' disputes: a pushback cue and the claim it names, points at or answers."""
    idf = idf_of(saids)
    out: list[Dispute] = []
    taken: set[str] = set()
    for a, b in answered_pairs(saids):
        out.append(Dispute(a.st.id, b.st.id, b.pushback.kind, b.pushback.evidence, _sure(0.8, a, b)))
        taken.update((a.st.id, b.st.id))
    for b in saids:
        if b.pushback is None or b.speaker is None or not b.named or b.st.id in taken:
            continue
        found = target_of(b, saids, article, idf)
        if found is None:
            continue
        a, confidence = found
        out.append(Dispute(a.st.id, b.st.id, b.pushback.kind, _evidence(b), _sure(confidence, a, b)))
        taken.update((a.st.id, b.st.id))
    out.extend(_headline_denials(saids, out, taken, article.text))
    out.extend(_said_on(saids, out, taken, idf))
    out.extend(uncued_contradictions(saids, taken, idf))
    return out


MIN_SAID_ON_SHARED = 1  # what it says next shares a word with the claim


def _said_on(saids: list[Said], found: list[Dispute], taken: set[str],
             idf: dict[str, float]) -> list[Dispute]:
    """A pushback that only points back ("Mercer disputed that figure.", "X rejected the claim,") is
    made by what its speaker says next, in that sentence or the one after ("..., saying ...", "She
    said ..."): that statement answers the same claim, when it shares a word with it or goes on
    in the pushback's sentence as its participle ("rejected the charge, insisting that ...")."""
    by_id = {s.st.id: s for s in saids}
    order = sorted(saids, key=lambda s: s.st.content.start)
    place = {s.st.id: k for k, s in enumerate(order)}
    out = []
    for d in found:
        b = by_id[d.b]
        nxt = order[place[d.b] + 1] if b.pointing and place[d.b] + 1 < len(order) else None
        if nxt is None or nxt.st.id in taken or nxt.pointing or not same_speaker(nxt, b) \
                or nxt.sentence > b.last_sentence + 1:
            continue
        going_on = nxt.sentence == b.last_sentence and nxt.st.cue is not None \
            and nxt.st.cue.text.endswith("ing")  # "rejected the charge, insisting that ..."
        if not going_on and overlap(by_id[d.a], nxt, idf)[0] < MIN_SAID_ON_SHARED:
            continue
        out.append(Dispute(d.a, nxt.st.id, d.kind, d.evidence, d.confidence))
        taken.add(nxt.st.id)
    return out


def _in_headline(said: Said, text: str) -> bool:
    """Whether a statement is in the story's headline (``clean.headline_end``), whatever its kind."""
    return said.st.content.start < headline_end(text)


def _headline_denials(saids: list[Said], found: list[Dispute], taken: set[str], text: str) -> list[Dispute]:
    """A headline pushback ("Sprinter denies doping offence") answers what its speaker's first
    pushback in the story answers ("Kane denied taking a banned substance", after UK Athletics said
    he had failed a test): headlines name the charge in fewer, other words."""
    end = headline_end(text)
    heads = [h for h in saids if h.st.content.start < end and h.pushback is not None and h.speaker is not None
             and h.named and h.st.id not in taken]
    if not heads:
        return []
    by_id = {s.st.id: s for s in saids}
    answered = {}
    for d in found:
        answered.setdefault(d.b, d.a)
    out = []
    for h in heads:
        body = [s for s in saids if s.st.content.start >= end and s.pushback is not None
                and s.st.id in answered and same_speaker(s, h)]
        if body:
            first = min(body, key=lambda s: s.st.content.start)
            a = by_id[answered[first.st.id]]
            out.append(Dispute(a.st.id, h.st.id, h.pushback.kind, _evidence(h), _sure(0.6, a, h)))
    return out


def _sure(confidence: float, a: Said, b: Said) -> float:
    """A dispute is only as sure as the two statements it joins."""
    return confidence * min(a.st.confidence, b.st.confidence)


def _evidence(b: Said) -> str:
    if _led_in(b, b.pushback):  # "Council leader Peter Tindall rejected that.": the whole sentence says it
        return " ".join(b.lead_in.text.split())
    ev = b.pushback.evidence
    if b.referenced:
        ev = f"{ev} ({b.referenced[0]})"
    return ev


# --- across articles ----------------------------------------------------------------------------
#
# Cost linear in the corpus: each article gives, on its own, a small picklable ``CrossItem`` per
# statement with blocking keys; a claim ``a`` and a pushback ``b`` of different articles are judged
# only when a key of ``a.claim_keys`` is also in ``b.answer_keys``. The local run (``find_cross_disputes``)
# and the Spark job (a join on the keys) share ``cross_items``, ``judge_cross`` and ``select_cross``.

# Across articles there is no nearness to lean on: ask for a closer topic match.
CROSS_SHARED = 3
# ... and, for contradictions, for this share of the two statements' words in common.
CROSS_SIMILAR = 0.3
# A key met by more claims than this is too common to pair on (its pairs share rarer keys too).
MAX_BLOCK = 200


@dataclass
class CrossItem:
    """One statement as cross-article pairing sees it: everything the judge needs, nothing else."""

    article_id: str
    date: str | None
    said: Said
    names: frozenset[str]  # the names its speaker goes by in its article
    claim_keys: tuple[str, ...] = ()
    answer_keys: tuple[str, ...] = ()


def cross_items(article: Article) -> list[CrossItem]:
    """The statements of one article that may take part in a dispute across articles, with keys."""
    out = []
    for s in read_article(article):
        if s.st.kind == "headline" or s.pointing or not s.speaker or not s.named or s.group:
            continue
        own = surname(s.st.speaker.name or "")
        claim: set[str] = set()
        answer: set[str] = set()
        if s.credible:
            claim.update(f"named:{own}:{w}" for w in s.common)
        if s.pushback and s.referenced:
            answer.update(f"named:{surname(ref)}:{w}" for ref in s.referenced for w in s.common)
        if s.credible and _is_short(s):
            keys = {f"neg:{w}" for w in s.stems}
            claim.update(keys)
            if any(p.negated for p in s.predications):
                answer.update(keys)
        if claim or answer:
            out.append(CrossItem(article.id, article.date, s, frozenset(names_of(s, article)),
                                 tuple(sorted(claim)), tuple(sorted(answer))))
    return out


def cross_candidates(items: list[CrossItem]) -> Iterator[tuple[CrossItem, CrossItem]]:
    """(claim, pushback) pairs of different articles whose keys meet, each pair once."""
    claims: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        for key in item.claim_keys:
            claims[key].append(i)
    seen: set[tuple[int, int]] = set()
    for j, b in enumerate(items):
        for key in b.answer_keys:
            block = claims.get(key, [])
            if len(block) > MAX_BLOCK:
                continue
            for i in block:
                if (i, j) not in seen and items[i].article_id != b.article_id:
                    seen.add((i, j))
                    yield items[i], b


def judge_cross(a: CrossItem, b: CrossItem) -> Dispute | None:
    """Whether ``b`` pushes back on ``a`` (two statements of different articles), as a ``Dispute``."""
    x, y = a.said, b.said
    if a.article_id == b.article_id or not x.credible or same_person(x, y):
        return None
    if y.pushback and y.referenced and any(named_as(ref, x, a.names) for ref in y.referenced):
        count, _ = overlap(x, y, {})
        if count >= CROSS_SHARED:
            return Dispute(x.st.id, y.st.id, y.pushback.kind, _evidence(y), _sure(0.6, x, y),
                           article_a=a.article_id, article_b=b.article_id)
    if _is_short(x) and _is_short(y) and any(p.negated for p in y.predications):
        shared = len(x.stems & y.stems)
        if shared >= CROSS_SHARED and shared / len(x.stems | y.stems) >= CROSS_SIMILAR:
            why = negation(x, y)
            if why:
                if _later(a, b):
                    a, b = b, a
                return Dispute(a.said.st.id, b.said.st.id, "contradiction", why, _sure(0.4, x, y),
                               article_a=a.article_id, article_b=b.article_id)
    return None


def select_cross(found: Iterable[Dispute]) -> list[Dispute]:
    """One dispute per pushback statement (its most confident), and per two speakers' articles."""
    best: dict[tuple[str | None, str], Dispute] = {}
    for d in found:
        key = (d.article_b, d.b)
        if key not in best or (d.confidence, _pair_key(d)) > (best[key].confidence, _pair_key(best[key])):
            best[key] = d
    out, seen = [], set()
    for d in sorted(best.values(), key=_pair_key):
        pair = frozenset([(d.article_a, d.a), (d.article_b, d.b)])
        if pair not in seen:
            seen.add(pair)
            out.append(d)
    return out


def _pair_key(d: Dispute) -> tuple:
    return (d.article_a or "", d.a, d.article_b or "", d.b)


def find_cross_disputes(articles: list[Article]) -> list[Dispute]:
    """Disputes between statements of different articles on the same topic.

    Two kinds only, both strict, since articles on one story share many words:
    a pushback that names whom it answers ("rejected Vidal's claims") paired with that speaker's
    statement on the same topic in another article; and two short statements about the same
    someone where one denies what the other asserts ("did not pay federal taxes" / "I pay federal
    taxes"). ``article_a`` and ``article_b`` name the articles.
    """
    items = [item for art in articles for item in cross_items(art)]
    judged = (judge_cross(a, b) for a, b in cross_candidates(items))
    return select_cross(d for d in judged if d is not None)


def same_person(a: Said, b: Said) -> bool:
    """Entity ids are per article: across articles, compare names."""
    na = a.st.speaker.name if a.st.speaker else None
    nb = b.st.speaker.name if b.st.speaker else None
    if not na or not nb:
        return True
    return na.strip().lower() == nb.strip().lower() or surname(na) == surname(nb)


def negation(a: Said, b: Said) -> str | None:
    """Why one of two statements about the same someone negates what the other asserts
    ("negation of support"), or None."""
    if not a.subjects & b.subjects:
        return None
    for pa in a.predications:
        for pb in b.predications:
            if pa.stem == pb.stem and pa.negated != pb.negated and pa.following & pb.following \
                    and _about_each_other(a, pa, b) and _about_each_other(b, pb, a):
                return "negation of " + pa.stem
    return None


def _about_each_other(x: Said, px: Predication, y: Said) -> bool:
    """When ``x`` says it of himself ("he did not support ..."), ``y`` must be about ``x``'s speaker."""
    return not px.by_pronoun or stem(surname(x.st.speaker.name or "")) in y.stems


def _is_short(said: Said) -> bool:
    return len(said.st.content.text.split()) <= UNCUED_MAX_WORDS


def _later(x: CrossItem, y: CrossItem) -> bool:
    return bool(x.date and y.date and x.date > y.date)


class DisputedBy(NamedTuple):
    """One pushback on a speaker: who, how, and which statements."""

    disputer: str
    kind: str
    evidence: str
    claim: str  # statement id of the disputed claim
    pushback: str  # statement id of the pushback
    article: str  # the pushback's article
    claim_article: str
    confidence: float


def disputes_by_speaker(articles: list[Article], across: bool = True) -> dict[str, list[DisputedBy]]:
    """For each speaker, who disputes them: {"Jane Doe": [DisputedBy("John Roe", "rejection", ...)]}.

    Uses each article's ``disputes`` when the pipeline filled them (finds them otherwise) and,
    with ``across``, the disputes between articles too.
    """
    by_id = {art.id: art for art in articles}
    pairs: list[tuple[Article, Article, Dispute]] = []
    for art in articles:
        for d in art.disputes or find_disputes(art):
            pairs.append((art, art, d))
    if across:
        for d in find_cross_disputes(articles):
            pairs.append((by_id[d.article_a], by_id[d.article_b], d))
    out: dict[str, list[DisputedBy]] = defaultdict(list)
    for art_a, art_b, d in pairs:
        claim, push = art_a.statement(d.a), art_b.statement(d.b)
        disputed, disputer = speaker_name(claim), speaker_name(push)
        if disputed and disputer:
            out[disputed].append(DisputedBy(disputer, d.kind, d.evidence, d.a, d.b, art_b.id, art_a.id,
                                            d.confidence))
    return dict(sorted(out.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def speaker_name(st: Statement | None) -> str | None:
    return st.speaker.label if st is not None and st.speaker is not None else None
