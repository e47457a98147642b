"""The plain, typed records that flow through saidwhat's stages.

Every stage consumes and produces these; none reaches into another stage's internals.
All offsets are Python ``str`` indices into ``Article.text``, end exclusive.
The JSON form (``to_dict``/``from_dict``) is the prediction format of ``shared/eval/README.md``:
every output format (table, CSV, DuckDB, Parquet, web) is a view of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KINDS = ("direct", "indirect", "mixed", "headline")
DISPUTE_KINDS = ("denial", "rejection", "doubt", "correction", "contradiction")
ENTITY_TYPES = ("person", "organisation", "country", "group", "other")


@dataclass(slots=True)
class Span:
    """A piece of ``Article.text``: ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(text[start:end], start, end)


@dataclass(slots=True)
class Speaker:
    """Who a statement is attributed to.

    ``mention`` is what the attribution itself uses ("he", "his spokesman Dmitry Peskov");
    ``name`` is the resolved, fullest name the article gives ("Dmitry Peskov").
    """

    name: str | None
    mention: Span | None = None
    entity: str | None = None
    role: str | None = None
    organisation: str | None = None

    @property
    def label(self) -> str | None:
        """What to call the speaker: the resolved name, else the words of the mention."""
        return self.name or (self.mention.text if self.mention else None)


@dataclass(slots=True)
class Statement:
    id: str
    kind: str
    content: Span
    cue: Span | None = None
    speaker: Speaker | None = None
    confidence: float = 1.0


@dataclass(slots=True)
class Entity:
    """A person, organisation, country or group that speaks in an article. ``named`` is False for
    one the article only describes ("officials", "a source", "the 46-year-old" it could not tie
    to a name): ``name`` then holds the description, and no speaker across articles is made of it."""

    id: str
    name: str
    type: str = "person"
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    organisation: str | None = None
    named: bool = True


@dataclass(slots=True)
class Dispute:
    """Statement ``b`` pushes back on statement ``a`` (``a`` the claim, ``b`` the pushback)."""

    a: str
    b: str
    kind: str
    evidence: str = ""
    confidence: float = 1.0
    article_a: str | None = None  # set only for disputes across articles
    article_b: str | None = None


@dataclass(slots=True)
class Article:
    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    date: str | None = None
    repeated: list[Span] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    speakers: list[Entity] = field(default_factory=list)
    disputes: list[Dispute] = field(default_factory=list)

    def statement(self, sid: str) -> Statement | None:
        return next((s for s in self.statements if s.id == sid), None)


# --- JSON form -------------------------------------------------------------------------------


def _span_pair(span: Span | None, prefix: str) -> dict[str, Any]:
    if span is None:
        return {prefix: None, f"{prefix}_start": None, f"{prefix}_end": None}
    return {prefix: span.text, f"{prefix}_start": span.start, f"{prefix}_end": span.end}


def speaker_to_dict(sp: Speaker | None) -> dict[str, Any] | None:
    if sp is None:
        return None
    m = sp.mention
    return {
        "name": sp.name,
        "mention": m.text if m else None,
        "start": m.start if m else None,
        "end": m.end if m else None,
        "entity": sp.entity,
        "role": sp.role,
        "organisation": sp.organisation,
    }


def statement_to_dict(st: Statement) -> dict[str, Any]:
    cue = _span_pair(st.cue, "cue")
    return {
        "id": st.id,
        "kind": st.kind,
        "cue": cue["cue"],
        "cue_start": cue["cue_start"],
        "cue_end": cue["cue_end"],
        "content": st.content.text,
        "start": st.content.start,
        "end": st.content.end,
        "speaker": speaker_to_dict(st.speaker),
        "confidence": round(st.confidence, 3),
    }


def entity_to_dict(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "aliases": list(e.aliases),
        "roles": list(e.roles),
        "organisation": e.organisation,
        "named": e.named,
    }


def dispute_to_dict(d: Dispute) -> dict[str, Any]:
    out = {"a": d.a, "b": d.b, "kind": d.kind, "evidence": d.evidence, "confidence": round(d.confidence, 3)}
    if d.article_a or d.article_b:
        out["article_a"], out["article_b"] = d.article_a, d.article_b
    return out


def article_to_dict(a: Article, include_text: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {"id": a.id, "title": a.title, "source": a.source, "url": a.url, "date": a.date}
    if include_text:
        out["text"] = a.text
    out["repeated"] = [{"start": r.start, "end": r.end} for r in a.repeated]
    out["statements"] = [statement_to_dict(s) for s in a.statements]
    out["speakers"] = [entity_to_dict(e) for e in a.speakers]
    out["disputes"] = [dispute_to_dict(d) for d in a.disputes]
    return out


def _span_from(text: str | None, start: Any, end: Any) -> Span | None:
    if start is None or end is None:
        return None
    return Span(text or "", int(start), int(end))


def speaker_from_dict(d: dict[str, Any] | None) -> Speaker | None:
    if d is None:
        return None
    return Speaker(
        name=d.get("name"),
        mention=_span_from(d.get("mention"), d.get("start"), d.get("end")),
        entity=d.get("entity"),
        role=d.get("role"),
        organisation=d.get("organisation"),
    )


def statement_from_dict(d: dict[str, Any]) -> Statement:
    return Statement(
        id=str(d["id"]),
        kind=d["kind"],
        content=Span(d["content"], int(d["start"]), int(d["end"])),
        cue=_span_from(d.get("cue"), d.get("cue_start"), d.get("cue_end")),
        speaker=speaker_from_dict(d.get("speaker")),
        confidence=float(d.get("confidence", 1.0)),
    )


def article_from_dict(d: dict[str, Any]) -> Article:
    text = d.get("text", "")
    return Article(
        id=str(d["id"]),
        text=text,
        title=d.get("title"),
        source=d.get("source"),
        url=d.get("url"),
        date=d.get("date"),
        repeated=[Span.of(text, r["start"], r["end"]) for r in d.get("repeated", [])],
        statements=[statement_from_dict(s) for s in d.get("statements", [])],
        speakers=[Entity(**e) for e in d.get("speakers", [])],
        disputes=[Dispute(**x) for x in d.get("disputes", [])],
    )
