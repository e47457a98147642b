"""A stand-in for the pipeline in the web tests: finds statements given in advance in any text.

The web app is tested on what it shows, not on what the extractor finds, so the statements
here are declared by hand for sentences written for these tests.
"""

from __future__ import annotations

from dataclasses import dataclass

from saidwhat import clean
from saidwhat.records import Article, Dispute, Span, Speaker, Statement

ARTICLE = """Council approves the new river bridge
The city council approved the new river bridge on Monday, Mayor Jane Holt said.
"The bridge will open next spring," Holt told reporters.
Opposition leader Tom Reyes said the bridge would not open before 2030.
"That claim is simply not true," said the mayor's spokesman, Ali Baran.
"""

REPEATED_PARAGRAPH = "Residents have waited for a second crossing over the river for more than twenty years."


@dataclass
class Said:
    content: str
    name: str
    mention: str
    cue: str
    kind: str = "direct"
    role: str | None = None


SAID = [
    Said("The city council approved the new river bridge on Monday", "Jane Holt", "Mayor Jane Holt",
         "said", "indirect", "Mayor"),
    Said("The bridge will open next spring", "Jane Holt", "Holt", "told", role="Mayor"),
    Said("the bridge would not open before 2030", "Tom Reyes", "Opposition leader Tom Reyes", "said",
         "indirect", "Opposition leader"),
    Said("That claim is simply not true", "Ali Baran", "Ali Baran", "said", role="spokesman"),
]
PUSHBACKS = [("the bridge would not open before 2030", "That claim is simply not true", "denial", "not true")]


def _find_near(text: str, needle: str, start: int) -> Span | None:
    """``needle`` on the same line as ``start``."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    i = text.find(needle, line_start, line_end)
    return Span.of(text, i, i + len(needle)) if i >= 0 else None


class FakePipeline:
    """``process(article)`` like ``saidwhat.pipeline.Pipeline``, with statements given in advance."""

    def __init__(self, said: list[Said] | None = None, pushbacks=None):
        self.said = SAID if said is None else said
        self.pushbacks = PUSHBACKS if pushbacks is None else pushbacks
        self.calls = 0

    def process(self, article: Article) -> Article:
        self.calls += 1
        clean.clean(article)
        text = article.text
        by_content = {}
        for said in self.said:
            i = text.find(said.content)
            if i < 0:
                continue
            sid = f"s{len(article.statements) + 1}"
            mention = _find_near(text, said.mention, i)
            st = Statement(sid, said.kind, Span.of(text, i, i + len(said.content)),
                           cue=_find_near(text, said.cue, i),
                           speaker=Speaker(said.name, mention, role=said.role))
            article.statements.append(st)
            by_content[said.content] = sid
        article.disputes = [Dispute(by_content[a], by_content[b], kind, evidence, 0.8)
                            for a, b, kind, evidence in self.pushbacks if a in by_content and b in by_content]
        return article
