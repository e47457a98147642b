"""Output formats: every one a view of the JSON form in ``records``.

``json`` is always a list of article objects (also for one article), ``jsonl`` one article object a
line, ``csv`` one row a statement, ``table`` a readable summary for people. All but ``table`` carry
the offsets, which index ``text`` (the article text exactly as read; ``json``/``jsonl`` include it).
Articles are written as they come, so a long run never holds all of them in memory.
"""

from __future__ import annotations

import contextlib
import csv
import json
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

from .records import Article, Dispute, Statement, article_to_dict, dispute_to_dict, statement_to_dict

FORMATS = ("table", "json", "jsonl", "csv")
CSV_FIELDS = (
    "article_id", "statement_id", "kind", "speaker_name", "speaker_mention", "speaker_start",
    "speaker_end", "role", "organisation", "cue", "cue_start", "cue_end", "content", "start", "end",
    "confidence",
)  # fmt: skip
CONTENT_WIDTH = 160  # characters of a statement shown in the table
TITLE_WIDTH = 100
DISPUTE_VERBS = {
    "denial": "denies",
    "rejection": "rejects",
    "doubt": "doubts",
    "correction": "corrects",
    "contradiction": "contradicts",
}


def write(articles: Iterable[Article], fmt: str, out: str | TextIO | None = None) -> int:
    """Write ``articles`` in ``fmt`` to the file named ``out`` (or a stream; default standard output).

    Returns the number of articles written. Raises ``OSError`` when ``out`` cannot be opened.
    """
    writer = {"table": write_table, "json": write_json, "jsonl": write_jsonl, "csv": write_csv}.get(fmt)
    if writer is None:
        raise ValueError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
    with _opened(out, for_people=fmt == "table") as fh:
        return writer(articles, fh)


@contextlib.contextmanager
def _opened(out: str | TextIO | None, for_people: bool) -> Iterator[TextIO]:
    if out is None:
        _fit_stdout(for_people)
        yield sys.stdout
    elif isinstance(out, str):
        # newline="": texts keep their own "\r\n"; csv writes its own line ends.
        with open(out, "w", encoding="utf-8", newline="") as fh:
            yield fh
    else:
        yield out


def _fit_stdout(for_people: bool) -> None:
    """Data formats are UTF-8 whatever the locale says; a table shows "?" for what it cannot show."""
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    if encoding == "utf8" or not hasattr(sys.stdout, "reconfigure"):
        return
    if for_people:
        sys.stdout.reconfigure(errors="replace")
    else:
        sys.stdout.reconfigure(encoding="utf-8")


# --- JSON, JSON lines ---------------------------------------------------------------------------


def write_json(articles: Iterable[Article], fh: TextIO) -> int:
    n = 0
    fh.write("[")
    for article in articles:
        body = json.dumps(article_to_dict(article), ensure_ascii=False, indent=1)
        fh.write(("," if n else "") + "\n" + body)
        n += 1
    fh.write("\n]\n" if n else "]\n")
    return n


def write_jsonl(articles: Iterable[Article], fh: TextIO) -> int:
    n = 0
    for article in articles:
        fh.write(json.dumps(article_to_dict(article), ensure_ascii=False) + "\n")
        n += 1
    return n


# --- CSV ----------------------------------------------------------------------------------------


def write_csv(articles: Iterable[Article], fh: TextIO) -> int:
    writer = csv.DictWriter(fh, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for article in articles:
        writer.writerows(csv_row(article.id, st) for st in article.statements)
        n += 1
    return n


def csv_row(article_id: str, st: Statement) -> dict:
    d = statement_to_dict(st)
    speaker = d.pop("speaker") or {}
    d.update(
        article_id=article_id,
        statement_id=d.pop("id"),
        speaker_name=speaker.get("name"),
        speaker_mention=speaker.get("mention"),
        speaker_start=speaker.get("start"),
        speaker_end=speaker.get("end"),
        role=speaker.get("role"),
        organisation=speaker.get("organisation"),
    )
    return {k: d.get(k) for k in CSV_FIELDS}


# --- the table for people -----------------------------------------------------------------------


def write_table(articles: Iterable[Article], fh: TextIO) -> int:
    from rich.console import Console

    terminal = fh.isatty() if hasattr(fh, "isatty") else False
    console = Console(file=fh, highlight=False, width=None if terminal else 120, no_color=not terminal)
    n = 0
    for article in articles:
        if n:
            console.print()
        _print_article(console, article)
        n += 1
    return n


def _print_article(console, article: Article) -> None:
    from rich.table import Table
    from rich.text import Text

    count = len(article.statements)
    header = Text(article.id, style="bold")
    if article.title:
        header.append("  " + shorten(article.title, TITLE_WIDTH))
    header.append(f"  ({count} statement{'' if count == 1 else 's'})", style="dim")
    console.print(header)
    if article.statements:
        table = Table(show_edge=False, pad_edge=False, header_style="bold", expand=True)
        table.add_column("id", no_wrap=True)
        table.add_column("kind", no_wrap=True)
        speaker_width = max(16, min(34, int(console.width / 3.5)))  # content keeps most of the width
        table.add_column("speaker", max_width=speaker_width, overflow="fold")
        table.add_column("cue", max_width=10, overflow="fold")
        table.add_column("content", ratio=3, min_width=30, overflow="fold")
        for st in article.statements:
            table.add_row(*(Text(cell) for cell in _row(st)))
        console.print(table)
    if article.disputes:
        console.print(Text("Disputes", style="bold"))
        for dispute in article.disputes:
            console.print(Text("  " + dispute_line(article, dispute)))
    if article.repeated:
        console.print(Text(repeated_line(article), style="dim"))


def _row(st: Statement) -> tuple[str, str, str, str, str]:
    return st.id, st.kind, speaker_label(st), st.cue.text if st.cue else "", shorten(st.content.text)


def speaker_label(st: Statement) -> str:
    sp = st.speaker
    if sp is None:
        return "-"
    name = sp.label or "?"
    extra = ", ".join(x for x in (sp.role, sp.organisation) if x)
    return f"{name} ({extra})" if extra else name


def dispute_line(article: Article, d: Dispute) -> str:
    """``s9 (Dmitry Peskov) corrects s8 (Vladimir Putin): evidence``: ``b`` pushes back on ``a``."""
    verb = DISPUTE_VERBS.get(d.kind, f"disputes ({d.kind})")
    line = f"{_side(article, d.b, d.article_b)} {verb} {_side(article, d.a, d.article_a)}"
    return f"{line}: {_one_line(d.evidence)}" if d.evidence else line


def _side(article: Article, sid: str, other_article: str | None) -> str:
    if other_article and other_article != article.id:
        return f"{sid} in {other_article}"
    st = article.statement(sid)
    name = st.speaker.name if st and st.speaker and st.speaker.name else None
    return f"{sid} ({name})" if name else sid


def repeated_line(article: Article) -> str:
    spans = ", ".join(f"{r.start}-{r.end}" for r in article.repeated)
    chars = sum(r.end - r.start for r in article.repeated)
    return f"Skipped repeated text at {spans} ({chars:,} characters)"


def shorten(text: str, width: int = CONTENT_WIDTH) -> str:
    text = _one_line(text)
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- disputes alone (saidwhat disputes) ---------------------------------------------------------


def dispute_pairs(
    articles: list[Article], across: list[Dispute]
) -> Iterator[tuple[Article, Article, Dispute]]:
    """Each dispute with the article of its claim and the article of its pushback."""
    by_id = {a.id: a for a in articles}
    for article in articles:
        for d in article.disputes:
            yield article, article, d
    for d in across:
        yield by_id[d.article_a], by_id[d.article_b], d


def dispute_side(article: Article, sid: str) -> dict:
    st = article.statement(sid)
    name = st.speaker.label if st and st.speaker else None
    return {"article": article.id, "id": sid, "speaker": name, "content": st.content.text if st else ""}


def disputes_json(articles: list[Article], across: list[Dispute]) -> str:
    out = [{"id": a.id, "title": a.title, "disputes": []} for a in articles]
    by_id = {entry["id"]: entry for entry in out}
    across_out = []
    for art_a, art_b, d in dispute_pairs(articles, across):
        entry = dispute_to_dict(d) | {"claim": dispute_side(art_a, d.a), "pushback": dispute_side(art_b, d.b)}
        (across_out if d.article_a else by_id[art_b.id]["disputes"]).append(entry)
    if across:
        out.append({"id": "across articles", "disputes": across_out})
    return json.dumps(out, ensure_ascii=False, indent=1) + "\n"


def disputes_text(articles: list[Article], across: list[Dispute]) -> str:
    """Disputes for a person: who pushes back on whom, with both statements shortened."""
    lines: list[str] = []
    last = None
    for art_a, art_b, d in dispute_pairs(articles, across):
        heading = f"{art_a.id} / {art_b.id}" if d.article_a else art_b.id
        if heading != last:
            lines.append(("\n" if lines else "") + heading)
            last = heading
        claim, push = dispute_side(art_a, d.a), dispute_side(art_b, d.b)
        verb = DISPUTE_VERBS.get(d.kind, d.kind)
        lines.append(f"  {push['speaker'] or '?'} {verb} {claim['speaker'] or '?'}"
                     f"  [{d.kind}; \"{d.evidence}\"; confidence {d.confidence:.2f}]")
        for label, side in (("claim", claim), ("pushback", push)):
            lines.append(f"    {label:<9}{side['id']:>5}  {shorten(side['content'], 160)}")
    for article in articles:
        if not article.disputes and not any(d.article_b == article.id for d in across):
            lines.append(("\n" if lines else "") + f"{article.id}\n  no disputes found")
    return "\n".join(lines) + "\n"


def by_speaker_json(by_speaker: dict) -> str:
    out = {name: [pushback._asdict() for pushback in pushbacks] for name, pushbacks in by_speaker.items()}
    return json.dumps(out, ensure_ascii=False, indent=1) + "\n"


def by_speaker_text(by_speaker: dict) -> str:
    """``Vladimir Putin, disputed 3 times:`` then one line per pushback."""
    if not by_speaker:
        return "no disputes found\n"
    lines = []
    for name, pushbacks in by_speaker.items():
        lines.append(f"{name}, disputed {len(pushbacks)} time{'' if len(pushbacks) == 1 else 's'}:")
        for p in pushbacks:
            where = p.article if p.article == p.claim_article else f"{p.article}, on {p.claim_article}"
            evidence = shorten(p.evidence, 60)
            lines.append(f"  {p.kind} by {p.disputer}  [{where}: {p.claim} <- {p.pushback}; \"{evidence}\"]")
    return "\n".join(lines) + "\n"
