"""A small synthetic news corpus for the corpus tests, and a fake pipeline that reads it.

The articles are sentences written here (quotes, "X said ..."), with near-duplicate copies
(the same story republished under another headline) and one unreadable entry.
"""

from __future__ import annotations

import json
import os
import re
import signal
import time
from pathlib import Path

from saidwhat.records import Article, Entity, Span, Speaker, Statement

PEOPLE = [
    ("Finance Minister", "Maria Lopez"), ("Mayor", "Aiko Tanaka"), ("Governor", "Samuel Okafor"),
    ("Senator", "Lena Virtanen"), ("Police Chief", "Omar Haddad"), ("Dr.", "Ingrid Solberg"),
    ("Judge", "Paulo Mendes"), ("Professor", "Grace Whitfield"),
]
TOPICS = [
    "the harbour bridge", "the water tax", "the school reform", "the port deal", "the rail tunnel",
    "the housing plan", "the wind farm", "the hospital merger", "the fishing quota", "the airport runway",
    "the museum loan", "the tram extension", "the flood barrier",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September"]
SOURCES = ["Daily Planet", "Evening Post", "Harbour Herald", "Valley Courier"]
VERBS = ["said", "told reporters", "said on Tuesday", "said in a statement"]
FILLERS = [
    "Crowds gathered outside the town hall before the vote on {topic}.",
    "The proposal was first tabled {n} weeks ago and has been amended {m} times since.",
    "Local businesses have written {n} letters about {topic} to the council this year.",
    "A survey of {n} residents found that {m} percent opposed {topic}.",
    "The committee meets again in {month} to review the costs of {topic}.",
    "Engineers estimated that {topic} would take {m} months to complete.",
]


def article_text(i: int) -> tuple[str, str]:
    """The headline and text of synthetic article ``i`` (all different for different ``i``)."""
    role, name = PEOPLE[i % len(PEOPLE)]
    _, other = PEOPLE[(i * 3 + 1) % len(PEOPLE)]
    if other == name:
        _, other = PEOPLE[(i + 1) % len(PEOPLE)]
    topic = TOPICS[i % len(TOPICS)]
    month, n, m = MONTHS[i % len(MONTHS)], 10 + (i * 7) % 80, 3 + (i * 11) % 60
    verb = VERBS[i % len(VERBS)]
    fill = [f.format(topic=topic, n=n + k, m=m + k, month=month) for k, f in enumerate(FILLERS)]
    fill = fill[i % 3 :] + fill[: i % 3]
    title = f"{name.split()[-1]} defends {topic} in {month}"
    paragraphs = [
        title,
        f'"We will finish {topic} before the end of {month}," {role} {name} {verb}.',
        fill[0] + " " + fill[1],
        f"{name.split()[-1]} said the plan would cost {n} million dollars and create {m * 10} jobs.",
        f'{other} rejected the claim. "The numbers for {topic} do not add up," {other.split()[-1]} said.',
        fill[2] + " " + fill[3] + " " + fill[4],
        f"Article {i}: {fill[5]}",
    ]
    return title, "\n\n".join(paragraphs) + "\n"


def make_corpus(n: int = 40, copies: tuple[int, ...] = (3, 7), bad_at: int = 5) -> list[dict | str]:
    """JSON records in corpus order: ``n`` articles, a republished copy after each of ``copies``,
    and a broken line (a ``str``) at position ``bad_at``."""
    rows: list[dict | str] = []
    for i in range(n):
        title, text = article_text(i)
        rows.append({"id": f"a{i:03d}", "title": title, "text": text, "source": SOURCES[i % len(SOURCES)],
                     "date": f"2024-{1 + i % 9:02d}-{1 + i % 27:02d}"})
        if i in copies:
            body = text.split("\n\n", 1)[1]
            rows.append({"id": f"a{i:03d}-copy", "title": f"REPUBLISHED: {title}",
                         "text": f"REPUBLISHED: {title}\n\n(Wire) - {body}", "source": "Wire Reprints",
                         "date": f"2024-{1 + i % 9:02d}-{2 + i % 27:02d}"})
    rows.insert(bad_at, '{"id": "broken", "text": "no closing quote}')
    return rows


def versions(n: int = 5) -> dict[str, str]:
    """Three versions of one long story: ``early`` and ``late`` differ too much to be copies of
    each other, ``middle`` (a part of each) is a near-duplicate of both."""
    def paragraphs(i: int) -> list[str]:
        return article_text(i)[1].split("\n\n")[1:]

    core = [p for i in range(n) for p in paragraphs(i)]
    early, late = paragraphs(n)[:5], paragraphs(n + 1)[:5]
    return {"early": "\n\n".join(core + early), "late": "\n\n".join(core + late),
            "middle": "\n\n".join(core + early[:3] + late[:3])}


def write_jsonl(rows: list[dict | str], path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write((r if isinstance(r, str) else json.dumps(r)) + "\n")
    return path


def corpus_args(rows: list[dict | str], folder: Path) -> list[str]:
    """Paths to give `saidwhat run`: the corpus as one JSONL file in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    return [str(write_jsonl(rows, folder / "corpus.jsonl"))]


def articles(rows: list[dict | str]) -> list[Article]:
    return [Article(id=r["id"], text=r["text"], title=r["title"], source=r["source"], date=r["date"])
            for r in rows if isinstance(r, dict)]


# --- a fake pipeline: quotes and "X said" sentences, no spaCy -------------------------------------

_QUOTE_SAID = re.compile(
    r'"([^"]+?),?" (?:[A-Z][\w.]* )*?([A-Z][a-z]+ [A-Z][a-z]+|[A-Z][a-z]+) (?:said|told)')
_NAME_SAID = re.compile(r"(?m)^([A-Z][a-z]+) said (.+?)\.")


class FakePipeline:
    """FAIL in a text makes a stage raise; HANG makes it hang where no Python signal handler runs
    (like a parse stuck in C code); DIE kills the worker process (like the out-of-memory killer)."""

    def process(self, article: Article) -> Article:
        if "FAIL" in article.text:
            raise ValueError("this article makes the pipeline fail")
        if "HANG" in article.text:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
            time.sleep(3600)
        if "DIE" in article.text:
            os.kill(os.getpid(), signal.SIGKILL)
        found = []
        for m in _QUOTE_SAID.finditer(article.text):
            found.append((m.span(1), m.span(2), "direct"))
        for m in _NAME_SAID.finditer(article.text):
            found.append((m.span(2), m.span(1), "indirect"))
        found.sort()
        text = article.text
        ids: dict[str, str] = {}  # each name an entity of the article, as resolution makes them
        for _, who, _ in found:
            ids.setdefault(text[slice(*who)], f"e{len(ids) + 1}")
        article.statements = [
            Statement(id=f"s{k + 1}", kind=kind, content=Span.of(text, *content),
                      speaker=Speaker(name=text[slice(*who)], mention=Span.of(text, *who),
                                      entity=ids[text[slice(*who)]]))
            for k, (content, who, kind) in enumerate(found)
        ]
        article.speakers = [Entity(id=eid, name=name) for name, eid in ids.items()]
        return article

    def process_many(self, items):
        for a in items:
            yield self.process(a)


def fake_pipeline() -> FakePipeline:
    return FakePipeline()
