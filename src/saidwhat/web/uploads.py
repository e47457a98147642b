"""Uploaded and pasted articles -> ``Article``: size limits, text checks, clear messages.

Nothing here touches the file system: an upload is bytes in memory, its file name only decides
between text, HTML and a JSON article object, and becomes a display id.
"""

from __future__ import annotations

import re

from .. import ingest
from ..records import Article

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_TEXT_CHARS = 200_000
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = ingest.HTML_SUFFIXES
JSON_SUFFIXES = ingest.JSON_SUFFIXES


class UploadError(ValueError):
    """An input the user can fix, or a request to send again later (503, with ``headers``);
    ``str()`` is the message shown to them."""

    def __init__(self, message: str, status: int = 400, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.headers = headers


def limit_text(text: str) -> str:
    if not text.strip():
        raise UploadError("The article is empty: paste some text or choose a file.")
    if len(text) > MAX_TEXT_CHARS:
        raise UploadError(
            f"The article is too long ({len(text):,} characters); the limit is {MAX_TEXT_CHARS:,}.", 413
        )
    return refuse_invalid(text)


def refuse_invalid(text: str | None, what: str = "text") -> str | None:
    """``text``, unless it holds a lone surrogate: not Unicode text, so the request is refused
    (the command line replaces it instead; here the sender can fix it, and the answer's offsets
    must index the very text sent)."""
    bad = ingest.SURROGATE.search(text) if text else None
    if bad:
        message = (f"The {what} holds an invalid character at position {bad.start()}: a lone surrogate "
                   f"(U+{ord(bad.group()):04X}), which is not Unicode text. Send valid UTF-8.")
        raise UploadError(message, 422)
    return text


def too_large_message(size: int | None = None, what: str = "file") -> str:
    got = f" ({size / 1024 / 1024:.1f} MB)" if size else ""
    return f"The {what} is too large{got}; the limit is {MAX_UPLOAD_BYTES // (1024 * 1024)} MB."


def display_id(filename: str | None) -> str:
    stem = (filename or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1].rsplit(".", 1)[0]
    return re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-")[:60] or "upload"


# ``ingest`` reads files for the command line; when it offers decoding and HTML extraction on
# bytes, uploads use the same, so a file reads the same in the app as on the command line.
_INGEST_ERRORS = (UnicodeError, ValueError, getattr(ingest, "_Unreadable", ValueError))


def _unreadable(reason: object) -> UploadError:
    return UploadError(
        f"This file cannot be read as text ({reason}): upload a .txt, .html or .json article.", 415)


def decode_text(data: bytes) -> str:
    """Bytes -> text, or an ``UploadError`` for anything that is not text (images, PDFs, ...)."""
    decode = getattr(ingest, "decode", None)
    if decode is not None:
        try:
            return decode(data)
        except _INGEST_ERRORS as err:
            raise _unreadable(err) from None
    if b"\x00" in data[:8192]:
        raise _unreadable("looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise _unreadable("no text encoding fits")
    return str(best)


def article_from_html(data: bytes, id: str) -> Article:
    """The article in an HTML page: its main text (headline first) and title."""
    from_html = getattr(ingest, "article_from_html", None)
    if from_html is not None:
        try:
            return from_html(data, id)
        except _INGEST_ERRORS as err:
            raise UploadError(f"This HTML page cannot be read: {err}.", 422) from None
    import trafilatura

    doc = trafilatura.bare_extraction(decode_text(data), with_metadata=True, include_comments=False)
    if doc is None or not (doc.text or "").strip():
        raise UploadError("No article text was found in this HTML page.", 422)
    return Article(id=id, text=doc.text, title=doc.title)


def article_from_upload(filename: str | None, data: bytes) -> Article:
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadError(too_large_message(len(data)), 413)
    name = (filename or "").lower()
    if not name.endswith(TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES):
        raise UploadError("Only .txt, .html and .json files can be uploaded.", 415)
    if not data.strip():
        raise UploadError("The file is empty: choose a file with an article in it.")
    aid = display_id(filename)
    if name.endswith(HTML_SUFFIXES):
        article = article_from_html(data, aid)
        limit_text(article.text)
        return article
    if name.endswith(JSON_SUFFIXES):
        return article_from_json(data, aid)
    return ingest.article_from_txt(limit_text(decode_text(data)), aid)


def article_from_json(data: bytes, id: str) -> Article:
    """One article object, as a line of a JSONL corpus (``{"id", "title", "text", ...}``)."""
    try:
        article = ingest.article_from_json_line(data, id)
    except ingest.UnreadableInput as why:
        raise UploadError(f"This JSON file cannot be read: {why}.", 422) from None
    limit_text(article.text)
    return article


def article_from_paste(text: str, title: str | None) -> Article:
    text = limit_text(text.replace("\r\n", "\n"))
    title = refuse_invalid((title or "").strip() or None, "title")
    if title:
        return Article(id="pasted", text=text, title=title)
    return ingest.article_from_txt(text, "pasted")
