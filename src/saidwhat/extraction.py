"""spaCy Doc -> attributed statements, each with its cue and the speaker mention it uses.

Three sources of statements, merged so each statement is reported once:
- quotes: quotation marks found in the text (straight or curly, over sentences and paragraphs,
  unbalanced marks tolerated), attributed to the nearest cue outside them, or to the speaker of
  the quote they continue, or to a cue that introduces them with a colon;
- clauses: a cue verb (say, tell, deny, believe, ...) with its clausal complement or the clause it
  is attached to ("X said (that) ...", "..., X said", "X denied ...", "according to X, ...");
- the headline: "Putin: Russia provides ...", "..., says Clinton".
Resolution of the speaker mention to a name is the next stage's work (``resolve``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .records import Span, Speaker, Statement

OPENING_QUOTES = "\"“«„"
CLOSING_QUOTES = "\"”»"
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
CONTENT_DEPS = {"ccomp"}
INFINITIVE_DEPS = {"xcomp"}
INHERITING_DEPS = {"conj", "xcomp", "advcl", "acl", "pcomp"}
PRONOUNS = {"he", "she", "they", "i", "we", "you", "it", "who", "which", "that"}
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


# --- quotes --------------------------------------------------------------------------------------


def find_quotes(text: str) -> list[Quote]:
    """Quoted passages, paragraph by paragraph; a quote left open at a paragraph's end continues
    when the next paragraph opens with a quotation mark, else ends with its paragraph."""
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


def _quotes_in_paragraph(text: str, start: int, end: int, quotes: list[Quote], carried: int | None):
    open_at: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch not in OPENING_QUOTES and ch not in CLOSING_QUOTES:
            continue
        if open_at is None:
            if ch in OPENING_QUOTES and ch != "”":
                open_at = i
        elif ch in CLOSING_QUOTES and ch != "“":
            quotes.append(Quote(open_at + 1, i, open_at, i, continues=carried))
            carried, open_at = None, None
        elif ch == "“":  # a new curly opening inside an open quote: the first one never closed
            open_at = i
    if open_at is None:
        return None
    quotes.append(Quote(open_at + 1, end, open_at, None, continues=carried))
    return len(quotes) - 1


_LEADING_COMPLEMENTISER = re.compile(r"(?:that|whether)\s+(?=\S)", re.IGNORECASE)


def trim(text: str, start: int, end: int, strip_quotes: bool = False) -> tuple[int, int]:
    """Offsets with edge whitespace and punctuation (and quotation marks if asked) removed, and a
    leading "that"; a final full stop, question or exclamation mark is kept."""
    chars = _EDGE_PUNCT + (OPENING_QUOTES + CLOSING_QUOTES if strip_quotes else "")
    while start < end and text[start] in chars:
        start += 1
    m = _LEADING_COMPLEMENTISER.match(text, start, end)
    if m and end - m.end() > 20:
        start = m.end()
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


# --- syntax helpers ------------------------------------------------------------------------------


def is_cue(token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in cue_lexicon()


def subject_of(verb):
    """The subject token of a verb, inherited through coordination and participles
    ("X vowed ... and said", "X dismissed the claims, saying ...", "X, who said")."""
    for _ in range(6):
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
            if child.dep_ == "agent":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        if verb.dep_ == "relcl":
            return verb.head
        if verb.head is verb or (verb.dep_ not in INHERITING_DEPS and verb.pos_ in ("VERB", "AUX")):
            return None
        verb = verb.head
    return None


def mention_span(token) -> tuple[int, int]:
    """Character span of the noun phrase a speaker token heads, without relative clauses."""
    if token.lower_ in PRONOUNS:
        return token.idx, token.idx + len(token.text)
    left, right = token, token
    for t in token.subtree:
        if t.i < left.i:
            left = t
    for t in token.rights:
        if t.dep_ in ("relcl", "acl", "punct", "cc", "conj", "prep") or t.text in ",(":
            break
        right = max(right, max(t.subtree, key=lambda x: x.i), key=lambda x: x.i)
    start, end = left.idx, right.idx + len(right.text)
    return start, end


def cue_span(verb) -> tuple[int, int]:
    """The cue verb with its auxiliaries, negation and particles ("has said", "pointed out")."""
    tokens = [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "prt")]
    tokens.sort(key=lambda t: t.i)
    first, last = tokens[0], tokens[-1]
    if last.i - first.i > 4:
        first = last = verb
    return first.idx, last.idx + len(last.text)


def nested_attributions(token) -> list:
    """Cue clauses with a subject of their own inside ``token``'s subtree: another speaker's
    statement ("X said A, while Y insisted B") that is not part of X's content."""
    return [
        t for t in token.subtree
        if t is not token and t.dep_ in ("advcl", "conj", "parataxis") and is_cue(t)
        and (t.tag_ == "VBG" or any(c.dep_ in SUBJECT_DEPS for c in t.children))
    ]


def subtree_span(token, exclude=None) -> tuple[int, int]:
    """Offsets of a clause: ``token``'s subtree less its complementiser ("that"), less
    ``exclude``'s subtree, less nested attributions; the longer side when a gap splits it."""
    cut = [exclude] if exclude is not None else []
    cut += nested_attributions(token)
    ranges = [(c.left_edge.i, c.right_edge.i) for c in cut]
    tokens = [
        t for t in token.subtree
        if not any(lo <= t.i <= hi for lo, hi in ranges)
        and not (t.dep_ == "mark" and t.head is token and t.lower_ in ("that", "whether", "if"))
    ]
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
    return best[0].idx, best[-1].idx + len(best[-1].text)


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


def clause_statements(doc) -> list[Found]:
    found: list[Found] = []
    lexicon = cue_lexicon()
    for tok in doc:
        if tok.lower_ == "according" and tok.dep_ == "prep":
            f = according_to(tok)
            if f:
                found.append(f)
            continue
        if not is_cue(tok) or is_passive_participle(tok):
            continue
        content = clausal_content(tok, lexicon[tok.lemma_.lower()])
        if content is None:
            continue
        content = clip_to_paragraph(doc.text, content, tok.idx)
        subj = subject_of(tok)
        speaker = mention_span(subj) if subj is not None else None
        conf = 0.9 if lexicon[tok.lemma_.lower()] == "speech" else 0.6
        found.append(Found("indirect", content, cue_span(tok), speaker, conf if speaker else conf - 0.3))
    return found


def is_passive_participle(verb) -> bool:
    """ "Asked whether ..., X said": the participle is not X's statement."""
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children
    )


def clausal_content(verb, cls: str) -> tuple[int, int] | None:
    """Offsets of what a cue verb introduces: its clausal complement, its infinitive for beliefs
    and promises, or the clause it is attached to ("..., X said")."""
    for child in verb.children:
        if child.dep_ in CONTENT_DEPS:
            return subtree_span(child)
    for child in verb.children:
        if child.dep_ in INFINITIVE_DEPS and child.pos_ in ("VERB", "AUX") and (
            cls == "belief" or verb.lemma_ in ("vow", "promise", "pledge", "threaten", "urge", "ask")
        ):
            return subtree_span(child)
    head = verb.head
    if (
        verb.dep_ in ("parataxis", "ccomp", "advcl")
        and head is not verb
        and head.i < verb.i
        and head.pos_ in ("VERB", "AUX")
        and not is_cue(head)
    ):
        if verb.dep_ == "advcl" and verb.tag_ == "VBG":
            return None  # "..., saying ..." is the participle's own content, found via its ccomp
        return subtree_span(head, exclude=verb)
    return None


def according_to(tok) -> Found | None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None:
        return None
    head = tok.head
    while head.dep_ not in ("ROOT",) and head.head is not head and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    start, end = subtree_span(head, exclude=tok)
    cue = (tok.idx, to.idx + len(to.text))
    return Found("indirect", (start, end), cue, mention_span(source), 0.85)


# --- quotes attributed ---------------------------------------------------------------------------


def quote_statements(doc, quotes: list[Quote]) -> list[Found]:
    found: list[Found] = []
    by_quote: dict[int, Found] = {}
    text = doc.text
    for qi, q in enumerate(quotes):
        content = text[q.start : q.end]
        if word_count(content) < MIN_QUOTE_WORDS:
            continue
        cue_tok = cue_for_quote(doc, q)
        if cue_tok is not None:
            subj = subject_of(cue_tok)
            speaker = mention_span(subj) if subj is not None and not inside(subj.idx, q) else None
            f = Found("direct", trim(text, q.start, q.end), cue_span(cue_tok), speaker, 0.95 if speaker else 0.6, qi)
        else:
            f = inherited_attribution(text, q, qi, quotes, by_quote, found)
        if f is not None:
            by_quote[qi] = f
            found.append(f)
    return found


def inside(pos: int, q: Quote) -> bool:
    return q.outer_start <= pos < q.outer_end


def cue_for_quote(doc, q: Quote):
    """The cue verb attributing a quote: in the sentences and paragraph the quote touches, outside
    the quote, with its subject outside it too; syntactically linked cues first, then nearest."""
    span = doc.char_span(q.outer_start, q.outer_end, alignment_mode="expand")
    if span is None:
        return None
    para_start, para_end = paragraph_bounds(doc.text, q.outer_start)
    roots = [t for t in span if not (span.start <= t.head.i < span.end) or t.head is t]
    candidates = []
    for tok in doc[span[0].sent.start : span[-1].sent.end]:
        if not para_start <= tok.idx < para_end or inside(tok.idx, q) or not is_cue(tok):
            continue
        if cue_lexicon()[tok.lemma_.lower()] != "speech" or is_passive_participle(tok):
            continue
        if _other_quote_between(doc.text, q, tok.idx):
            continue
        subj = subject_of(tok)
        if subj is not None and inside(subj.idx, q):
            continue
        linked = any(r.head is tok or tok in r.ancestors or r in tok.ancestors for r in roots)
        distance = tok.idx - q.outer_end if tok.idx >= q.outer_end else q.outer_start - tok.idx
        candidates.append((not linked, tok.tag_ == "VBG", distance, tok.i, tok))
    return min(candidates)[-1] if candidates else None


def _other_quote_between(text: str, q: Quote, pos: int) -> bool:
    gap = text[q.outer_end : pos] if pos >= q.outer_end else text[pos : q.outer_start]
    return any(ch in OPENING_QUOTES or ch in CLOSING_QUOTES for ch in gap)


def inherited_attribution(text, q: Quote, qi: int, quotes, by_quote, found) -> Found | None:
    """A quote with no cue of its own: it continues an earlier quote's speaker (the next
    paragraph of the same quote, or a second quote right after `"...," X said.`), or it follows
    a colon that introduces it ("X said:")."""
    content = trim(text, q.start, q.end)
    if q.continues is not None and q.continues in by_quote:
        prev = by_quote[q.continues]
        return Found("direct", content, prev.cue, prev.speaker, 0.85, qi)
    prev_f = found[-1] if found else None
    if prev_f is not None and prev_f.quote is not None:
        gap = text[quotes[prev_f.quote].outer_end : q.outer_start]
        if "\n" not in gap and len(gap) < 80:
            return Found("direct", content, prev_f.cue, prev_f.speaker, 0.85, qi)
    return None


# --- headline ------------------------------------------------------------------------------------

_HEADLINE_COLON = re.compile(r"^\s*(?P<speaker>[A-Z][\w.'’\- ]{1,40}?)\s*:\s+(?P<content>\S.*?)\s*$")
_HEADLINE_SAYS = re.compile(
    r"^\s*(?P<content>\S.*?),?\s+(?P<cue>says|say|warns|claims|insists|tells|denies)\s+"
    r"(?P<speaker>[A-Z][\w.'’\- ]{1,40}?)\s*$"
)


def headline_statement(text: str) -> Found | None:
    end = text.find("\n")
    line = text if end < 0 else text[:end]
    if not line.strip() or len(line) > 200 or line.rstrip().endswith((".", '"', "”")):
        return None
    m = _HEADLINE_COLON.match(line)
    if m and len(m.group("speaker").split()) <= 4:
        s, e = trim(text, m.start("content"), m.end("content"), strip_quotes=True)
        return Found("headline", (s, e), (m.end("speaker"), m.end("speaker") + 1), m.span("speaker"), 0.8)
    m = _HEADLINE_SAYS.match(line)
    if m:
        s, e = trim(text, m.start("content"), m.end("content"), strip_quotes=True)
        return Found("headline", (s, e), m.span("cue"), m.span("speaker"), 0.8)
    return None


# --- merging -------------------------------------------------------------------------------------


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def words_outside_quotes(text: str, span: tuple[int, int], quotes: list[Quote]) -> int:
    inner = [(max(q.outer_start, span[0]), min(q.outer_end, span[1])) for q in quotes if overlap((q.outer_start, q.outer_end), span)]
    pieces, last = [], span[0]
    for lo, hi in sorted(inner):
        pieces.append(text[last:lo])
        last = max(last, hi)
    pieces.append(text[last : span[1]])
    return word_count(" ".join(pieces))


def merge(quoted: list[Found], clauses: list[Found], headline: Found | None, text: str, quotes: list[Quote]) -> list[Found]:
    """Quotes first. A clause that is only a quote already found is that statement (its speaker
    fills a quote that lacked one); a clause that holds quoted words among its own is a mixed
    statement and absorbs the quotes inside it; other clauses are indirect statements."""
    out = list(quoted)
    for c in clauses:
        c.content = trim(text, *c.content)
        length = c.content[1] - c.content[0]
        if length <= 0 or word_count(text[c.content[0] : c.content[1]]) < 2:
            continue
        if any(overlap(c.content, o.content) >= 0.8 * min(length, o.content[1] - o.content[0]) for o in out if o.kind != "direct"):
            continue
        touched = [q for q in quotes if overlap((q.outer_start, q.outer_end), c.content)]
        if touched and words_outside_quotes(text, c.content, touched) < 3:
            same = next((o for o in out if o.kind == "direct" and overlap(o.content, c.content)), None)
            if same is not None:
                if same.speaker is None and c.speaker is not None:
                    same.speaker, same.cue, same.confidence = c.speaker, c.cue, c.confidence
                continue
            c.kind = "direct"
            c.content = trim(text, *c.content, strip_quotes=True)
        elif touched:
            c.kind = "mixed"
            out = [o for o in out if not (o.kind == "direct" and c.content[0] <= o.content[0] and o.content[1] <= c.content[1] + 1)]
        out.append(c)
    if headline is not None:
        out = [o for o in out if not overlap(headline.content, o.content)] + [headline]
    return [f for f in out if f.speaker is not None or f.confidence >= 0.6]


def extract_statements(doc, title: str | None = None, skip: list[Span] | None = None) -> list[Statement]:
    """Every attributed statement in ``doc``, in text order, ids s1, s2, ...

    ``skip``: spans of the text to ignore (a repeated body); ``title`` is accepted for
    callers that know the headline, which is read from the text's first line.
    """
    text = doc.text
    quotes = find_quotes(text)
    found = merge(quote_statements(doc, quotes), clause_statements(doc), headline_statement(text), text, quotes)
    if skip:
        found = [f for f in found if not any(s.start <= f.content[0] < s.end for s in skip)]
    found.sort(key=lambda f: f.content[0])
    return [to_statement(text, f, i) for i, f in enumerate(found, 1)]


def to_statement(text: str, f: Found, n: int) -> Statement:
    speaker = None
    if f.speaker is not None:
        speaker = Speaker(name=None, mention=Span.of(text, *f.speaker))
    cue = Span.of(text, *f.cue) if f.cue else None
    return Statement(id=f"s{n}", kind=f.kind, content=Span.of(text, *f.content), cue=cue, speaker=speaker,
                     confidence=f.confidence)
