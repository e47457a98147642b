"""Files, folders, JSONL(.gz), stdin and HTML -> ``Article`` records.

Offsets index ``Article.text`` exactly as decoded: files are read as bytes and decoded here, with
no newline translation (a ``\\r\\n`` stays two characters). Decoding bytes is strict, but a JSON
string can still hold what is not Unicode text: a lone UTF-16 surrogate (``"\\ud800"``), which
spaCy, DuckDB and every UTF-8 writer refuse. Each is replaced by U+FFFD, one character for one,
so the article goes on with its offsets unchanged (``valid_text``). Everything is a generator, so
a huge JSONL corpus streams one line at a time. Problems with one input never stop the others:
they come out of ``read_paths`` as ``InputError`` items, in order, between the articles.
"""

from __future__ import annotations

import codecs
import gzip
import itertools
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .records import Article

SAMPLE_PATH = str(Path(__file__).parent / "data" / "sample-putin-syria.txt")
# spaCy parses at most 1,000,000 characters per text by default, and needs about 1 GB of
# memory per 100,000 characters parsed: larger articles are refused up front with a clear error.
DEFAULT_MAX_BYTES = 1_000_000
STDIN = "-"

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
JSON_SUFFIXES = (".json",)
KNOWN_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + JSON_SUFFIXES

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Single-byte Latin code pages that charset-normalizer cannot tell apart on a short English text;
# when its guess is one of them and cp1252 (the web's usual one) fits, cp1252 wins.
_LATIN_FAMILY = re.compile(r"^(cp125[0247]|cp775|cp850|latin_1|iso8859_(1|2|3|4|9|10|13|14|15|16)|mac_\w+)$")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
SURROGATE = re.compile("[\ud800-\udfff]")  # in a str, a surrogate is always a lone one


@dataclass(slots=True)
class InputError:
    """An input that could not be read; ``str()`` is the one-line message for the user."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


class UnreadableInput(ValueError):
    """Why some bytes cannot become an article (binary, empty, undecodable, too large)."""


# --- the entry point ----------------------------------------------------------------------------


def read_paths(
    paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> Iterator[Article | InputError]:
    """Articles from files, folders (recursively) and ``-`` (standard input), in order.

    An explicitly named file with an unknown extension is read as plain text; inside folders,
    only .txt, .html/.htm, .json, .jsonl and .jsonl.gz files are read and the others skipped silently.
    """
    for p in paths:
        if p == STDIN:
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, max_bytes)
            continue
        path = Path(p)
        if not p:
            yield InputError("''", "an empty path")
        elif path.is_dir():
            yield from _read_folder(path, max_bytes)
        elif path.exists():
            yield from read_file(path, max_bytes)
        else:
            yield InputError(p, "no such file or folder")


def split_errors(items: Iterable[Article | InputError]) -> tuple[list[Article], list[InputError]]:
    articles, errors = [], []
    for it in items:
        (errors if isinstance(it, InputError) else articles).append(it)
    return articles, errors


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | InputError]:
    """One file by its extension: JSONL(.gz) gives many articles, the others one."""
    if file_kind(path) == "jsonl":
        yield from _read_jsonl_file(path, max_bytes)
        return
    try:
        yield article_from_bytes(_read_bytes(path, max_bytes), path.name)
    except UnreadableInput as why:
        yield InputError(str(path), str(why))
    except OSError as err:
        yield InputError(str(path), _os_message(err))
    except Exception as err:  # a parser bug on one odd file must not stop the others
        yield InputError(str(path), f"could not be read ({type(err).__name__}: {err})")


def article_from_bytes(data: bytes, name: str) -> Article:
    """One uploaded or read file: HTML when ``name`` ends in .html/.htm, one JSON article object
    (as a JSONL line) in .json, else plain text.

    Raises ``UnreadableInput`` (a ``ValueError``) with a one-line reason.
    """
    kind = file_kind(Path(name))
    if kind == "html":
        return article_from_html(data, _stem(Path(name)))
    if kind == "json":
        return article_from_json_line(data, _stem(Path(name)))
    return article_from_txt(decode(data), _stem(Path(name)))


def file_kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(JSON_SUFFIXES):
        return "json"
    return "txt"


def _read_folder(folder: Path, max_bytes: int) -> Iterator[Article | InputError]:
    found = False
    for root, dirs, files in os.walk(folder, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or not name.lower().endswith(KNOWN_SUFFIXES):
                continue
            found = True
            yield from read_file(Path(root) / name, max_bytes)
    if not found:
        yield InputError(str(folder), "no .txt, .html, .htm, .json, .jsonl or .jsonl.gz files in this folder")


def _stem(path: Path) -> str:
    name = path.name
    for suffix in KNOWN_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)] or name
    return path.stem or name


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    with open(path, "rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UnreadableInput("file is " + _too_large(max_bytes))
    return data


def _os_message(err: OSError) -> str:
    return (err.strerror or str(err)).lower()


def _too_large(max_bytes: int) -> str:
    return f"larger than the {_size(max_bytes)} limit (raise it with --max-bytes)"


def _size(n: int) -> str:
    return f"{n / 1_000_000:g} MB" if n >= 1_000_000 else f"{n:,} bytes"


# --- plain text ---------------------------------------------------------------------------------


def valid_text(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (same length: offsets stay)."""
    return text if text.isascii() else SURROGATE.sub("\ufffd", text)


def article_from_txt(text: str, id: str) -> Article:
    """A plain-text article: the first line is the headline; ``text`` is kept whole."""
    text = valid_text(text)
    first = text.lstrip("\ufeff \t\r\n").split("\n", 1)[0].strip()
    return Article(id=id, text=text, title=first or None)


def decode(data: bytes) -> str:
    """Bytes -> text: a byte-order mark first, then UTF-8, then charset-normalizer's best guess.

    Raises ``UnreadableInput`` for empty, binary or undecodable input. The BOM is not part of the text.
    """
    if not data.strip():
        raise UnreadableInput("empty file" if not data else "contains only white space")
    text = _decode_by_bom(data) or _decode_utf16_without_bom(data)
    if text is None:
        if b"\x00" in data:
            raise UnreadableInput("looks like a binary file, not text")
        text = _decode_utf8(data)
    if text is None:
        text = _decode_by_guess(data)
    if len(_CONTROL_CHARS.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise UnreadableInput("looks like a binary file, not text")
    if not text.strip():
        raise UnreadableInput("contains only white space")
    return text


def _decode_by_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as err:
                name = encoding.upper()
                raise UnreadableInput(f"starts with a {name} byte-order mark but is not {name}") from err
    return None


def _decode_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of Latin script has a NUL in every other byte: tell LE from BE by where they sit."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    for zeros, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros > 0.4 * half and other == 0:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _decode_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _decode_by_guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UnreadableInput("cannot tell its text encoding (not UTF-8, and no other encoding fits)")
    if _LATIN_FAMILY.match(best.encoding):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


# --- HTML ---------------------------------------------------------------------------------------


def article_from_html(data: bytes, id: str) -> Article:
    """The main text of a web page (trafilatura): navigation, ads and footers are left out.

    ``Article.text`` is the extracted text, so offsets index that text, not the HTML.
    """
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    html = _decode_html(data)
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise UnreadableInput("no article text found in this HTML page")
    title = getattr(doc, "title", None) or article_from_txt(text, id).title
    return Article(
        id=id,
        text=valid_text(text),
        title=_optional_str(title),
        source=_optional_str(getattr(doc, "sitename", None)),
        url=_optional_str(getattr(doc, "url", None)),
        date=_optional_str(getattr(doc, "date", None)),
    )


def _decode_html(data: bytes) -> str:
    declared = _HTML_CHARSET.search(data[:4096])
    if declared and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode(codecs.lookup(declared.group(1).decode("ascii")).name)
            if b"\x00" not in data and text.strip():
                return text
        except (LookupError, UnicodeDecodeError, UnicodeEncodeError):
            pass
    return decode(data)


# --- JSONL --------------------------------------------------------------------------------------


def _read_jsonl_file(path: Path, max_bytes: int) -> Iterator[Article | InputError]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    last_line = 0
    try:
        with opener(path, "rb") as fh:
            lines = _bounded_lines(fh, max_bytes)
            for lineno, item in _read_jsonl_lines(lines, str(path), _stem(path), max_bytes):
                last_line = lineno
                yield item
        if not last_line:
            yield InputError(str(path), "empty file (no JSON lines)")
    except (gzip.BadGzipFile, zlib.error, EOFError) as err:
        reason = str(err) or "it ends too early"
        where = f"after line {last_line}" if last_line else "from the start"
        yield InputError(str(path), f"broken gzip file {where} ({reason})")
    except OSError as err:
        yield InputError(str(path), _os_message(err))
    except Exception as err:  # whatever breaks one corpus file must not stop the other inputs
        yield InputError(str(path), f"reading stopped after line {last_line} ({type(err).__name__}: {err})")


def _bounded_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The lines of ``stream``, never holding more than ``limit`` bytes of one: a longer line is
    read through to its end and comes out as ``None``."""
    while line := stream.readline(limit + 1):
        if len(line.rstrip(b"\r\n")) <= limit:
            yield line
            continue
        while not line.endswith(b"\n") and (line := stream.readline(limit + 1)):
            pass
        yield None


def _read_jsonl_lines(
    lines: Iterable[bytes | None], source: str, stem: str, max_bytes: int
) -> Iterator[tuple[int, Article | InputError]]:
    for lineno, raw in enumerate(lines, start=1):
        where = f"{source}:{lineno}"
        if raw is None:
            yield lineno, InputError(where, "line is " + _too_large(max_bytes))
            continue
        if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        if not raw.strip():
            continue
        try:
            yield lineno, article_from_json_line(raw, f"{stem}-{lineno}")
        except UnreadableInput as why:
            yield lineno, InputError(where, str(why))


def article_from_json_line(raw: bytes | str, default_id: str) -> Article:
    """One JSONL line: an object with ``text``; optional ``id``, ``title``, ``url``, ``date``, ``source``."""
    try:
        obj = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise UnreadableInput(f"invalid JSON ({_json_reason(err)})") from err
    if not isinstance(obj, dict):
        raise UnreadableInput(f'expected a JSON object with a "text" field, not {_json_type(obj)}')
    text = obj.get("text")
    if not isinstance(text, str):
        raise UnreadableInput('no "text" field' if text is None else '"text" is not a string')
    if not text.strip():
        raise UnreadableInput('"text" is empty')
    raw_id = obj.get("id")
    return Article(
        id=valid_text(str(raw_id)) if raw_id not in (None, "") else default_id,
        text=valid_text(text),
        title=_optional_str(obj.get("title")),
        source=_optional_str(obj.get("source")),
        url=_optional_str(obj.get("url")),
        date=_optional_str(obj.get("date")),
    )


def _json_type(value) -> str:
    names = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "true/false"}
    return names.get(type(value), "null")


def _optional_str(value) -> str | None:
    return None if value in (None, "") else valid_text(str(value))


def _json_reason(err: Exception) -> str:
    if isinstance(err, json.JSONDecodeError):
        return f"{err.msg.lower()} at column {err.colno}"
    return "not UTF-8"


# --- standard input -----------------------------------------------------------------------------


def _read_stdin(stream: BinaryIO, max_bytes: int) -> Iterator[Article | InputError]:
    """Standard input: JSON lines when its first line is a JSON object, else one plain-text article."""
    first = stream.readline(max_bytes + 1)
    if _looks_like_json_object(first):
        lines = itertools.chain([first], _bounded_lines(stream, max_bytes))
        for _, item in _read_jsonl_lines(lines, "<stdin>", "stdin", max_bytes):
            yield item
        return
    try:
        data = first + stream.read(max_bytes + 1 - len(first))
        if len(data) > max_bytes:
            raise UnreadableInput("input is " + _too_large(max_bytes))
        yield article_from_txt(decode(data), "stdin")
    except UnreadableInput as why:
        yield InputError("<stdin>", str(why))


def _looks_like_json_object(line: bytes) -> bool:
    stripped = line.lstrip(codecs.BOM_UTF8).strip()
    if not (stripped.startswith(b"{") and stripped.endswith(b"}")):
        return False
    try:
        return isinstance(json.loads(stripped), dict)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False
