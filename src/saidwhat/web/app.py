"""The FastAPI app: article pages, corpus pages (with a store) and the JSON API.

Articles are analysed in one worker process (``guard.Guard``), started with the app (the spaCy
model loads once, not per request), one article at a time, each within ``article_timeout``
seconds: an article over it is answered 422 and its worker replaced. A request finds at most
``MAX_WAITING`` others before it (else 503 with Retry-After) and waits at most ``MAX_QUEUE_WAIT``
seconds for its turn, so no request hangs. A pipeline given to ``create_app`` (tests, embedding)
runs in this process instead, without a time budget.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import threading
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__, dispute_judge, disputes, guard, ingest
from ..quotes import pieces
from ..records import Article, article_to_dict
from . import corpus, uploads
from .highlight import view_article

HERE = Path(__file__).parent
logger = logging.getLogger("saidwhat.web")
STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                ".svg": "image/svg+xml"}
SECURITY_HEADERS = {
    # Every asset is the app's own; inline scripts, plugins and framing are refused outright.
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


BODY_LIMIT = uploads.MAX_UPLOAD_BYTES + 64 * 1024  # the largest upload and its form fields
MAX_WAITING = 16  # requests waiting for the pipeline; one more is answered 503
MAX_QUEUE_WAIT = 30.0  # seconds a request waits for its turn before it is answered 503
RETRY_AFTER = "10"


class _BodyLimit:
    """Refuses request bodies over ``limit`` bytes, whether or not they declare their length.

    The error is raised when the body is read, so the page that reads it can say what went wrong;
    API requests declaring too large a body are answered at once.
    """

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length", b"")
        size = int(declared) if declared.isdigit() else None
        what = {"/upload": "file", "/article": "article"}.get(scope["path"], "request")
        if size is not None and size > self.limit and what == "request":
            message = uploads.too_large_message(size, what)
            return await JSONResponse({"detail": message}, status_code=413)(scope, receive, send)
        seen = 0

        async def counting_receive():
            nonlocal seen
            if size is not None and size > self.limit:
                raise uploads.UploadError(uploads.too_large_message(size, what), 413)
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise uploads.UploadError(uploads.too_large_message(None, what), 413)
            return message

        await self.app(scope, counting_receive, send)


class ExtractRequest(BaseModel):
    text: str = Field(..., description="the article text; offsets in the answer index it",
                      max_length=uploads.MAX_TEXT_CHARS)
    title: str | None = Field(None, description="the headline, when it is not the first line of text")
    min_confidence: float | None = Field(
        None, ge=0, le=1, description="report only disputes at least this confident "
        "(default: every dispute found)")


def _load_static() -> dict[str, tuple[bytes, str]]:
    """Read the app's own assets once: request paths are looked up here, never on disk."""
    assets = {}
    for path in (HERE / "static").iterdir():
        if path.suffix in STATIC_TYPES:
            assets[path.name] = (path.read_bytes(), STATIC_TYPES[path.suffix])
    return assets


class _Analyser:
    """The one pipeline of the app (a worker process, or ``pipeline`` in this process), one article
    at a time, with the sample's result kept after its first run."""

    def __init__(self, pipeline=None, timeout: float | None = guard.WEB_TIMEOUT):
        self.pipeline = pipeline
        self.workers = guard.Guard(timeout=timeout, start="spawn") if pipeline is None else None
        self.timeout = timeout
        self.lock = threading.Lock()
        self.waiting = threading.BoundedSemaphore(MAX_WAITING)
        self._sample: Article | None = None

    def process(self, article: Article) -> Article:
        """``article`` analysed, or an ``UploadError``: 422 when it failed, 503 when busy."""
        if not self.waiting.acquire(blocking=False):
            raise _busy()
        try:
            if not self.lock.acquire(timeout=MAX_QUEUE_WAIT):
                raise _busy()
            try:
                result = self._run(article)
            finally:
                self.lock.release()
        finally:
            self.waiting.release()
        if isinstance(result, guard.Failure):
            raise uploads.UploadError(self._failure_message(result), 422)
        return result

    def _run(self, article: Article) -> Article | guard.Failure:
        if self.workers is None:
            try:
                return self.pipeline.process(article)
            except Exception as err:
                logger.exception("error while analysing an article")
                return guard.Failure(f"{type(err).__name__}: {err}")
        try:
            return self.workers.outcome(self.workers.submit(article))[0]
        except BrokenProcessPool:
            raise uploads.UploadError("The analysing process cannot start; try again later.", 503,
                                      {"Retry-After": RETRY_AFTER}) from None

    def _failure_message(self, failure: guard.Failure) -> str:
        if failure.kind == "timeout":
            return (f"This article took longer than {self.timeout:g} s to analyse, so it was given up. "
                    "Try a shorter text.")
        if failure.kind == "died":
            return "The process analysing this article died (out of memory?). Try a shorter text."
        return f"saidwhat could not analyse this article ({failure.message.split(':', 1)[0]})."

    def close(self) -> None:
        if self.workers is not None:
            self.workers.close()

    def sample(self) -> Article:
        if self._sample is None:
            text = Path(ingest.SAMPLE_PATH).read_text(encoding="utf-8")
            self._sample = self.process(ingest.article_from_txt(text, Path(ingest.SAMPLE_PATH).stem))
        return self._sample


def _closing(analyser: _Analyser):
    @contextlib.asynccontextmanager
    async def lifespan(_app):
        yield
        analyser.close()

    return lifespan


def _busy() -> uploads.UploadError:
    return uploads.UploadError("saidwhat is busy with other articles; try again in a few seconds.", 503,
                               {"Retry-After": RETRY_AFTER})


def create_app(db_path: str | None = None, pipeline=None,
               article_timeout: float | None = guard.WEB_TIMEOUT) -> FastAPI:
    """The app; with no ``pipeline``, its worker process starts and analyses the sample first."""
    analyser = _Analyser(pipeline, article_timeout)
    if pipeline is None:
        analyser.sample()
    assets = _load_static()
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    app = FastAPI(
        title="saidwhat",
        version=__version__,
        description="Who said what, and who disputes whom, in news articles.",
        docs_url=None,  # the interactive docs load their assets from a CDN
        redoc_url=None,
        lifespan=_closing(analyser),
    )

    app.add_middleware(_BodyLimit, limit=BODY_LIMIT)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        context.update(has_db=db_path is not None, upload_limit_mb=uploads.MAX_UPLOAD_BYTES // 2**20,
                       upload_limit=uploads.MAX_UPLOAD_BYTES)
        return templates.TemplateResponse(request, name, context, status_code=status)

    def article_page(
        request: Request, article: Article, status: int = 200, min_confidence: float | None = None
    ) -> HTMLResponse:
        article = with_cutoff(article, min_confidence)
        return page(request, "article.html", status, view=view_article(article),
                    min_confidence=min_confidence, review_cut=dispute_judge.dispute_model().threshold)

    def form_error(request: Request, err: uploads.UploadError) -> HTMLResponse:
        return page(request, "index.html", err.status, error=str(err))

    def need_db() -> str:
        if db_path is None:
            raise HTTPException(404, "No corpus database: start the app with --db PATH.")
        return db_path

    # --- pages -------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request):
        return page(request, "index.html")

    @app.get("/sample", response_class=HTMLResponse, include_in_schema=False)
    def sample(request: Request, min_confidence: float | None = Query(None, ge=0, le=1)):
        return article_page(request, analyser.sample(), min_confidence=min_confidence)

    @app.post("/article", response_class=HTMLResponse, include_in_schema=False)
    async def pasted(request: Request):
        form = await request.form(max_files=0, max_fields=4, max_part_size=uploads.MAX_TEXT_CHARS * 4)
        try:
            article = uploads.article_from_paste(str(form.get("text") or ""), str(form.get("title") or ""))
            cutoff = form_cutoff(form)
        except uploads.UploadError as err:
            return form_error(request, err)
        done = await run_in_threadpool(analyser.process, article)
        return article_page(request, done, min_confidence=cutoff)

    @app.post("/upload", response_class=HTMLResponse, include_in_schema=False)
    async def upload(request: Request):
        form = await request.form(max_files=1, max_fields=4)
        file = form.get("file")
        if file is None or isinstance(file, str) or not file.filename:
            return form_error(request, uploads.UploadError("Choose a .txt, .html or .json file to upload."))
        data = await file.read(uploads.MAX_UPLOAD_BYTES + 1)
        try:
            article = uploads.article_from_upload(file.filename, data)
            cutoff = form_cutoff(form)
        except uploads.UploadError as err:
            return form_error(request, err)
        done = await run_in_threadpool(analyser.process, article)
        return article_page(request, done, min_confidence=cutoff)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search(request: Request, speaker: str = "", q: str = ""):
        db = need_db()
        asked = bool(speaker.strip() or q.strip())
        rows = corpus.with_quote_ids(db, corpus.search_statements(db, speaker, q)) if asked else []
        top = [] if asked else corpus.top_speakers(db)
        return page(request, "search.html", speaker=speaker, q=q, rows=rows, asked=asked,
                    limit=corpus.MAX_RESULTS, top=top)

    @app.get("/speakers/{name:path}", response_class=HTMLResponse, include_in_schema=False)
    def speaker(request: Request, name: str):
        info = corpus.speaker_page(need_db(), name)
        if not info["statements"]:  # not a full corpus name: show the names that contain it
            return RedirectResponse(f"/search?{urlencode({'speaker': name})}", status_code=303)
        corpus.with_quote_ids(need_db(), info["statements"])
        info["quotes"] = [q for q in corpus.quotes(need_db(), name) if q["speaker"] == name]
        return page(request, "speaker.html", info=info)

    @app.get("/quotes/{quote_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def quote_page(request: Request, quote_id: str):
        found = corpus.quote(need_db(), quote_id)
        if found is None:
            return page(request, "error.html", 404, message="No quote with this id in the corpus.")
        for o in found["occurrences"]:
            o["pieces"] = pieces(o["text"], o["changed"])
        return page(request, "quote.html", quote=found)

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def stored_article(request: Request, article_id: str):
        article = corpus.load_article(need_db(), article_id)
        if article is None:
            return page(request, "error.html", 404, message="No article with this id in the corpus.")
        return article_page(request, article)

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str):
        if name not in assets:
            raise HTTPException(404, "Not found")
        body, media_type = assets[name]
        return Response(body, media_type=media_type, headers={"Cache-Control": "max-age=3600"})

    # --- JSON API ----------------------------------------------------------------------------

    @app.post("/api/extract", tags=["api"], summary="Who said what in one article")
    def api_extract(body: ExtractRequest) -> dict[str, Any]:
        """The article object of saidwhat's JSON output: statements, speakers, disputes, repeated spans."""
        try:
            uploads.limit_text(body.text)
            uploads.refuse_invalid(body.title, "title")
        except uploads.UploadError as err:
            raise HTTPException(err.status, str(err)) from None
        article = Article(id="api", text=body.text, title=body.title)
        if body.title is None:
            article = ingest.article_from_txt(body.text, "api")
        return article_to_dict(with_cutoff(analyser.process(article), body.min_confidence))

    @app.get("/api/statements", tags=["api"], summary="Search the statements of the corpus")
    def api_statements(
        speaker: str = Query("", description="part of the speaker's name"),
        q: str = Query("", description="words that must all occur in the statement"),
        limit: int = Query(100, ge=1, le=corpus.MAX_RESULTS),
    ) -> list[dict[str, Any]]:
        """Statements of the store (``--db``), oldest article first."""
        return [_statement_json(r) for r in corpus.search_statements(need_db(), speaker, q, limit)]

    @app.get("/api/quotes", tags=["api"], summary="Quotes across the corpus")
    def api_quotes(
        speaker: str = Query("", description="part of the speaker's name"),
        variants_only: bool = Query(False, description="only quotes repeated with words changed"),
        limit: int = Query(100, ge=1, le=corpus.MAX_RESULTS),
    ) -> list[dict[str, Any]]:
        """Quotes of the store (``--db``), most repeated first: the first-seen wording and where it
        appeared first, and every occurrence (a variant lists its changed words)."""
        return corpus.quotes(need_db(), speaker, variants_only, limit)

    @app.exception_handler(uploads.UploadError)
    async def input_error(request: Request, err: uploads.UploadError):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(err)}, status_code=err.status, headers=err.headers)
        response = form_error(request, err)
        response.headers.update(err.headers or {})
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, err: RequestValidationError):
        """FastAPI's 422, but a lone surrogate in a string gets a clear message, and is never echoed
        raw: it cannot be encoded, which made the default answer a 500."""
        for error in err.errors():
            if error.get("type") == "string_unicode" and isinstance(error.get("input"), str):
                try:
                    uploads.refuse_invalid(error["input"], str(error["loc"][-1]))
                except uploads.UploadError as bad:
                    return JSONResponse({"detail": str(bad)}, status_code=422)
        body = json.dumps({"detail": jsonable_encoder(err.errors())}, separators=(",", ":"))  # ASCII
        return Response(body, status_code=422, media_type="application/json")

    @app.exception_handler(corpus.CorpusError)
    async def corpus_error(request: Request, err: corpus.CorpusError):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(err)}, status_code=500)
        return page(request, "error.html", 500, message=f"The corpus database cannot be read: {err}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, err: StarletteHTTPException):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": err.detail}, status_code=err.status_code)
        return page(request, "error.html", err.status_code, message=str(err.detail))

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, err: Exception):
        # A bug in a stage must not show a traceback to the user; the server log keeps it.
        logger.exception("error while serving %s", request.url.path)
        message = f"saidwhat could not handle this request ({type(err).__name__})."
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": message}, status_code=500)
        return page(request, "error.html", 500, message=message)

    return app


def with_cutoff(article: Article, min_confidence: float | None) -> Article:
    """The article with the disputes at least ``min_confidence`` sure (the pipeline's when ``None``);
    the disputes are found again from its statements, with no second parse."""
    if min_confidence is None:
        return article
    return dataclasses.replace(article, disputes=disputes.find_disputes(article, min_confidence))


def form_cutoff(form) -> float | None:
    """The form's dispute cut-off: empty for the default, else a number from 0 to 1."""
    value = str(form.get("min_confidence") or "").strip()
    if not value:
        return None
    try:
        cutoff = float(value)
    except ValueError:
        cutoff = -1.0
    if not 0.0 <= cutoff <= 1.0:
        raise uploads.UploadError("The dispute cut-off must be a number from 0 to 1.")
    return cutoff


def _statement_json(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "article_id": row["article_id"],
        "article_title": row["article_title"],
        "date": str(row["date"]) if row["date"] is not None else None,
        "id": row["id"],
        "kind": row["kind"],
        "cue": row["cue"],
        "content": row["content"],
        "start": row["start"],
        "end": row["end"],
        "speaker": {"name": row["speaker_name"], "role": row["role"], "organisation": row["organisation"]}
        if row["speaker_name"] else None,
    }
