"""An ``Article`` -> what the article page shows: text pieces, speakers, disputes.

The article text is never turned into HTML here: the page gets a flat list of tokens (open a
mark, some text, close a mark) and the template escapes every piece of text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..records import Article, Entity, Statement

PALETTE_SIZE = 12
UNKNOWN_SPEAKER = "Unattributed"
_SAFE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


@dataclass(slots=True)
class StatementView:
    index: int
    id: str
    key: str  # the DOM id suffix: the statement id when it is a safe one, else the index
    kind: str
    content: str
    cue: str | None
    speaker: str
    mention: str | None
    role: str | None
    colour: int

    @property
    def dom_id(self) -> str:
        return f"st-{self.key}"

    @property
    def tip_id(self) -> str:
        return f"tip-{self.key}"

    @property
    def description(self) -> str:
        """What the tooltip and screen readers say about the statement."""
        who = self.speaker + (f" ({self.role})" if self.role else "")
        parts = [who]
        if self.mention and self.mention != self.speaker:
            parts.append(f"named here as “{self.mention}”")
        parts.append(f"cue: “{self.cue}”" if self.cue else "no cue")
        parts.append(f"{self.kind} statement")
        return " · ".join(parts)


@dataclass(slots=True)
class SpeakerView:
    name: str
    role: str | None
    colour: int
    statements: list[StatementView] = field(default_factory=list)


@dataclass(slots=True)
class DisputeView:
    kind: str
    claim: StatementView
    pushback: StatementView
    evidence: str = ""
    confidence: float = 1.0


@dataclass(slots=True)
class Token:
    """One step of the article text: ``open`` a mark, ``text``, ``close`` the last open mark, or
    ``gap``: the space after a line break between paragraphs."""

    type: str
    text: str = ""
    layer: str = ""  # "st", "cue", "mention", "repeated"
    statement: StatementView | None = None
    first: bool = False


@dataclass(slots=True)
class ArticleView:
    article: Article
    tokens: list[Token]
    statements: list[StatementView]
    speakers: list[SpeakerView]
    disputes: list[DisputeView]


@dataclass(slots=True)
class _Layer:
    start: int
    end: int
    layer: str
    order: int
    statement: StatementView | None = None


def speaker_role(st: Statement, entities: dict[str, Entity]) -> str | None:
    sp = st.speaker
    if sp is None:
        return None
    ent = entities.get(sp.entity) if sp.entity else None
    role = sp.role or (ent.roles[0] if ent and ent.roles else None)
    org = sp.organisation or (ent.organisation if ent else None)
    if role and org and org.lower() not in role.lower():
        return f"{role}, {org}"
    return role or org


def speaker_name(st: Statement) -> str:
    return (st.speaker.label if st.speaker else None) or UNKNOWN_SPEAKER


def view_article(article: Article) -> ArticleView:
    entities = {e.id: e for e in article.speakers}
    ordered = sorted(article.statements, key=lambda s: (s.content.start, s.content.end))
    ids = [s.id for s in ordered]
    use_ids = len(set(ids)) == len(ids) and all(_SAFE_ID.fullmatch(i) for i in ids)
    speakers: dict[str, SpeakerView] = {}
    views: list[StatementView] = []
    for i, st in enumerate(ordered):
        name = speaker_name(st)
        role = speaker_role(st, entities)
        if name not in speakers:
            speakers[name] = SpeakerView(name, role, len(speakers) % PALETTE_SIZE)
        sv = speakers[name]
        sv.role = sv.role or role
        view = StatementView(
            index=i, id=st.id, key=st.id if use_ids else str(i), kind=st.kind, content=st.content.text,
            cue=st.cue.text if st.cue else None, speaker=name,
            mention=st.speaker.mention.text if st.speaker and st.speaker.mention else None,
            role=role or sv.role, colour=sv.colour,
        )
        sv.statements.append(view)
        views.append(view)
    by_id = {v.id: v for v in views}
    disputes = [
        DisputeView(d.kind, by_id[d.a], by_id[d.b], d.evidence, d.confidence)
        for d in article.disputes
        if d.a in by_id and d.b in by_id
    ]
    tokens = tokenize(article, list(zip(ordered, views, strict=True)))
    return ArticleView(article, tokens, views, list(speakers.values()), disputes)


def _layers(article: Article, statements: list[tuple[Statement, StatementView]]) -> list[_Layer]:
    n = len(article.text)
    raw: list[tuple[int, int, str, StatementView | None]] = []
    raw += [(r.start, r.end, "repeated", None) for r in article.repeated]
    for st, view in statements:
        raw.append((st.content.start, st.content.end, "st", view))
        if st.cue is not None:
            raw.append((st.cue.start, st.cue.end, "cue", view))
        if st.speaker is not None and st.speaker.mention is not None:
            raw.append((st.speaker.mention.start, st.speaker.mention.end, "mention", view))
    layers = []
    for order, (start, end, layer, view) in enumerate(raw):
        start, end = max(0, start), min(n, end)
        if start < end:
            layers.append(_Layer(start, end, layer, order, view))
    return layers


def tokenize(article: Article, statements: list[tuple[Statement, StatementView]]) -> list[Token]:
    """Tokens that open and close marks around the text, nesting properly even when spans cross.

    The text is cut at every span boundary; each piece is wrapped in the marks covering it, outer
    (earlier, longer) marks first. A mark interrupted by a crossing span is closed and reopened:
    only its first piece is the focusable statement.
    """
    text = article.text
    layers = _layers(article, statements)
    cuts = sorted({0, len(text), *(x.start for x in layers), *(x.end for x in layers)})
    tokens: list[Token] = []
    open_stack: list[_Layer] = []
    opened: set[int] = set()
    by_start = sorted(layers, key=lambda x: x.start)
    active: list[_Layer] = []
    next_layer = 0
    for left, right in zip(cuts, cuts[1:], strict=False):
        while next_layer < len(by_start) and by_start[next_layer].start <= left:
            active.append(by_start[next_layer])
            next_layer += 1
        active = [x for x in active if x.end > left]
        covering = sorted(active, key=lambda x: (x.start, -x.end, x.order))
        keep = 0
        while keep < min(len(open_stack), len(covering)) and open_stack[keep] is covering[keep]:
            keep += 1
        while len(open_stack) > keep:
            tokens.append(Token("close", layer=open_stack.pop().layer))
        for x in covering[keep:]:
            first = x.order not in opened
            opened.add(x.order)
            tokens.append(Token("open", layer=x.layer, statement=x.statement, first=first))
            open_stack.append(x)
        in_statement = any(x.layer == "st" for x in open_stack)
        tokens.extend(_text_tokens(text[left:right], paragraph_gaps=not in_statement))
    tokens.extend(Token("close", layer=x.layer) for x in reversed(open_stack))
    return tokens


def _text_tokens(piece: str, paragraph_gaps: bool) -> list[Token]:
    if not paragraph_gaps or "\n" not in piece:
        return [Token("text", text=piece)]
    tokens = []
    for i, line in enumerate(piece.split("\n")):
        if i:
            tokens += [Token("text", text="\n"), Token("gap")]
        if line:
            tokens.append(Token("text", text=line))
    return tokens
