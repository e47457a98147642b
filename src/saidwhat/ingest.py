"""Files, folders, JSONL(.gz), stdin and HTML -> ``Article`` records (minimal; to be completed)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .records import Article

SAMPLE_PATH = str(Path(__file__).parent / "data" / "sample-putin-syria.txt")


@dataclass(slots=True)
class InputError:
    """An input that could not be read; ``str()`` is the one-line message for the user."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


def article_from_txt(text: str, id: str) -> Article:
    """A plain-text article: the first line is the headline; ``text`` is kept whole."""
    first = text.split("\n", 1)[0].strip()
    return Article(id=id, text=text, title=first or None)


def read_paths(paths: Iterable[str]) -> Iterator[Article | InputError]:
    for p in paths:
        path = Path(p)
        try:
            data = path.read_bytes()
            yield article_from_txt(data.decode("utf-8"), path.stem)
        except (OSError, UnicodeDecodeError) as err:
            yield InputError(p, str(err))


def split_errors(items: Iterable[Article | InputError]) -> tuple[list[Article], list[InputError]]:
    articles, errors = [], []
    for it in items:
        (errors if isinstance(it, InputError) else articles).append(it)
    return articles, errors
