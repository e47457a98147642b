"""Output formats: every one a view of the JSON form in ``records``."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

from .records import Article, article_to_dict


def write(articles: Sequence[Article], fmt: str, out: str | None = None) -> None:
    if fmt == "json":
        body = json.dumps([article_to_dict(a) for a in articles], ensure_ascii=False, indent=1) + "\n"
    elif fmt == "jsonl":
        body = "".join(json.dumps(article_to_dict(a), ensure_ascii=False) + "\n" for a in articles)
    else:
        body = "".join(
            f"{s.id}\t{s.kind}\t{s.speaker.name if s.speaker else ''}\t{s.content.text}\n"
            for a in articles
            for s in a.statements
        )
    if out:
        with open(out, "w", encoding="utf-8") as fh:
            fh.write(body)
    else:
        sys.stdout.write(body)
