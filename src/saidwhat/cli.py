"""The ``saidwhat`` command line: one subcommand per task, like git."""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from collections.abc import Callable
from pathlib import Path

from . import __version__
from .nlp import limit_blas_env

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UserError(Exception):
    """A problem the user can fix; printed as one line, never as a traceback."""


# --- saidwhat extract ---------------------------------------------------------------------------

EXTRACT_DESCRIPTION = """\
Print every attributed statement of each article, once, with its resolved speaker,
and the disputes between statements. With no <path>, runs on the bundled sample
article; - reads standard input (plain text, or JSON lines).
"""
EXTRACT_EPILOG = """\
Inputs:
  .txt files are read whole (the first line is the headline); .html/.htm pages are reduced to
  their main text; .jsonl and .jsonl.gz files hold one article a line ({"id", "title", "text",
  "url", "date", "source"}), a .json file one such object. Folders are searched recursively for
  those files; a file named on
  the command line with another extension is read as plain text. Inputs that cannot be read are
  reported on standard error and skipped; the exit status is 1 only when nothing was processed.

Examples:
  saidwhat extract                           # the bundled sample article
  saidwhat extract article.txt page.html     # a table on a terminal, JSON when piped
  saidwhat extract corpus/ -o out.csv        # the format follows the extension
  cat article.txt | saidwhat extract - -f json
"""
OUT_FORMATS = {".json": "json", ".jsonl": "jsonl", ".csv": "csv", ".txt": "table"}
PROGRESS_DELAY = 3.0  # seconds before the progress bar shows: short runs stay quiet


class GitHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Help laid out like git's: ``-o, --out <file>``, descriptions kept as written."""

    def _format_action_invocation(self, action) -> str:
        if not action.option_strings or action.nargs == 0:
            return super()._format_action_invocation(action)
        metavar = self._format_args(action, self._get_default_metavar_for_optional(action))
        return f"{', '.join(action.option_strings)} {metavar}"


def add_extract(sub) -> None:
    from .ingest import DEFAULT_MAX_BYTES
    from .output import FORMATS

    p = sub.add_parser(
        "extract",
        help="who said what in articles (files, folders, JSONL, - for stdin)",
        usage="saidwhat extract [<options>] [<path>...]",
        description=EXTRACT_DESCRIPTION,
        epilog=EXTRACT_EPILOG,
        formatter_class=GitHelpFormatter,
    )
    p.add_argument("paths", nargs="*", metavar="<path>", help=".txt, .html, .jsonl(.gz) file, folder, or -")
    p.add_argument("-f", "--format", choices=FORMATS, metavar="<format>",
                   help="table, json, jsonl or csv (default: table on a terminal; otherwise from the "
                   "extension of --out, else json)")
    p.add_argument("-o", "--out", metavar="<file>", type=_file_or_stdout,
                   help="write to <file> instead of standard output (-: standard output)")
    p.add_argument("--max-bytes", type=_byte_size, default=DEFAULT_MAX_BYTES, metavar="<size>",
                   help=f"skip articles larger than <size> bytes; k, M, G suffixes allowed "
                   f"(default: {DEFAULT_MAX_BYTES // 1_000_000}M)")
    p.add_argument("--no-disputes", action="store_true", help="skip the disputes stage")
    p.add_argument("--join-quote-runs", action="store_true",
                   help="one statement for the quotes one attribution carries ('\"A,\" he said. \"B.\"'), "
                   "as PolNeAR counts them; default: one per quoted passage")
    _add_article_timeout(p)
    _add_min_confidence(p)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_extract)


def _add_article_timeout(p, default: float | None = None) -> None:
    from .guard import DEFAULT_TIMEOUT

    default = DEFAULT_TIMEOUT if default is None else default
    p.add_argument("--article-timeout", type=_seconds, default=default, metavar="<seconds>",
                   help=f"give up an article that takes longer, report it and go on; 0: no limit "
                   f"(default: {default:g})")


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not seconds >= 0:
        raise argparse.ArgumentTypeError("the time must be 0 (no limit) or more")
    return seconds


def _add_min_confidence(p) -> None:
    p.add_argument("--min-confidence", type=_probability, metavar="<p>",
                   help="only disputes at least this confident, 0-1, with the learned judge's possible "
                   "disputes that sure, for review (default: every cued dispute, no judged pair)")


def _probability(value: str) -> float:
    try:
        p = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number between 0 and 1") from None
    if not 0.0 <= p <= 1.0:
        raise argparse.ArgumentTypeError(f"{value!r} is not between 0 and 1")
    return p


def cmd_extract(args) -> int:
    fmt = _output_format(args.format, args.out)
    _check_out(args.out)
    results = processed_articles(args.paths, args.quiet, not args.no_disputes, args.max_bytes,
                                 args.article_timeout, args.min_confidence, args.join_quote_runs)
    if results is None:
        return EXIT_FAILED
    if fmt == "table" and args.out is None:
        results = list(results)  # finish the progress bar before the table reaches the terminal
    written = _write(results, fmt, args.out)
    return EXIT_OK if written else EXIT_FAILED


def processed_articles(paths, quiet: bool, find_disputes: bool = True, max_bytes: int | None = None,
                       article_timeout: float | None = None, min_confidence: float | None = None,
                       join_quote_runs: bool = False):
    """Articles read from ``paths`` (the sample when empty) through the pipeline, as a stream, with
    a progress bar; unreadable inputs and failing articles (an error, or over ``article_timeout``
    seconds) are reported and skipped. ``None`` when no input could be read (the model is then not
    even loaded)."""
    from . import ingest
    from .guard import DEFAULT_TIMEOUT

    report = _ErrorReport()
    inputs = ingest.read_paths(paths or [ingest.SAMPLE_PATH], max_bytes=max_bytes or ingest.DEFAULT_MAX_BYTES)
    articles = report.articles(inputs)
    first = next(articles, None)
    if first is None:
        return None
    factory = _pipeline_factory(find_disputes=find_disputes, min_confidence=min_confidence,
                                join_quote_runs=join_quote_runs)
    timeout = DEFAULT_TIMEOUT if article_timeout is None else article_timeout
    return _with_progress(process_safely(factory, itertools.chain([first], articles), report, timeout), quiet)


class _ErrorReport:
    """Prints one line per input or article that failed, above any progress bar."""

    def error(self, message: str) -> None:
        self.note(f"{message}; skipped")

    def note(self, message: str) -> None:
        from tqdm import tqdm

        tqdm.write(f"saidwhat: {message}", file=sys.stderr)

    def articles(self, items):
        from .ingest import InputError

        for item in items:
            if isinstance(item, InputError):
                self.error(str(item))
            else:
                yield item


def process_safely(factory, articles, report: _ErrorReport, timeout: float | None):
    """The articles through ``factory()``'s pipeline in a worker process (``guard``), in order; an
    article that fails or takes longer than ``timeout`` seconds costs only itself."""
    from concurrent.futures.process import BrokenProcessPool

    from . import guard

    # fork: this process holds no connection or server thread, and a fork starts in milliseconds
    with guard.Guard(factory, workers=1, timeout=timeout, start="fork") as workers:
        try:
            for result in workers.stream(articles):
                if isinstance(result, guard.Failure):
                    report.error(f"{result.article_id}: {_failure_reason(result)}")
                else:
                    _note_unparsed(result, report)
                    yield result
        except BrokenProcessPool:
            raise UserError("the worker process could not start (see the message above)") from None


def _failure_reason(failure) -> str:
    if failure.kind != "error":
        return failure.message
    reason = failure.message if len(failure.message) <= 160 else failure.message[:159] + "\u2026"
    return f"failed in the pipeline ({reason})"


def _note_unparsed(article, report: _ErrorReport, at_least: int = 1000) -> None:
    """Say so when a large part of an article was not parsed (long runs of punctuation or symbols)."""
    from .clean import find_symbol_runs

    unparsed = sum(span.end - span.start for span in find_symbol_runs(article.text))
    if unparsed >= at_least:
        report.note(f"{article.id}: {unparsed:,} of its {len(article.text):,} characters were not parsed "
                    "(runs of punctuation or symbols)")


def _pipeline_factory(find_disputes: bool, min_confidence: float | None = None,
                      join_quote_runs: bool = False):
    """What makes the pipeline in the worker process; fails here, with one line, without the model."""
    import functools

    from . import pipeline

    _check_model()
    return functools.partial(pipeline.Pipeline, find_disputes=find_disputes, min_confidence=min_confidence,
                             join_quote_runs=join_quote_runs)


def _check_model() -> None:
    from .nlp import ModelMissing, require_model

    try:
        require_model()
    except ModelMissing as err:
        raise UserError(str(err)) from None


def _with_progress(results, quiet: bool):
    from tqdm import tqdm

    class Progress(tqdm):
        # No monitor thread: the worker is forked after the bar is made, and a worker forked from
        # a process with a second thread parses 8% slower (see ``guard._exit_with_parent``).
        monitor_interval = 0

    enabled = not quiet and sys.stderr.isatty()
    return Progress(results, disable=not enabled, delay=PROGRESS_DELAY, unit=" articles", file=sys.stderr,
                    dynamic_ncols=True, leave=False)


def _write(results, fmt: str, out: str | None) -> int:
    from . import output

    try:
        return output.write(results, fmt, out)
    except OSError as err:
        if out is None or isinstance(err, BrokenPipeError):
            raise
        raise UserError(f"cannot write {out}: {(err.strerror or str(err)).lower()}") from None


def _output_format(fmt: str | None, out: str | None) -> str:
    if fmt:
        return fmt
    if out:
        return OUT_FORMATS.get(Path(out).suffix.lower(), "json")
    return "table" if sys.stdout.isatty() else "json"


def _file_or_stdout(value: str) -> str | None:
    """An output file option's value: "-" is standard output, as for inputs."""
    return None if value == "-" else value


def _check_out(out: str | None) -> None:
    """Fail before a long run, not after it, when the output file cannot be made."""
    if out is None:
        return
    path = Path(out)
    if path.is_dir():
        raise UserError(f"cannot write {out}: it is a folder")
    folder = path.parent
    if not folder.is_dir():
        raise UserError(f"cannot write {out}: folder {folder} does not exist")


def _byte_size(value: str) -> int:
    units = {"": 1, "k": 1_000, "m": 1_000_000, "g": 1_000_000_000}
    number, unit = value, ""
    if value[-1:].isalpha():
        number, unit = value[:-1], value[-1].lower()
    try:
        size = int(float(number) * units[unit])
    except (KeyError, ValueError):
        raise argparse.ArgumentTypeError(f"{value!r} is not a size like 5000000, 500k or 5M") from None
    if size <= 0:
        raise argparse.ArgumentTypeError("the size must be positive")
    return size


# --- saidwhat disputes --------------------------------------------------------------------------


def add_disputes(sub) -> None:
    p = sub.add_parser(
        "disputes",
        help="who pushes back on whom in articles (files, folders, JSONL, - for stdin)",
        usage="saidwhat disputes [<options>] [<path>...]",
        description="Print the disputes of each article: who denies, rejects, doubts, corrects or\n"
        "contradicts whose statement, with the two statements and the words that signal it.\n"
        "With no <path>, runs on the bundled sample article.",
        formatter_class=GitHelpFormatter,
    )
    p.add_argument("paths", nargs="*", metavar="<path>", help=".txt, .html, .jsonl(.gz) file, folder, or -")
    p.add_argument("-f", "--format", choices=["text", "json"], default="text", metavar="<format>",
                   help="text for people (default) or json")
    p.add_argument("-o", "--out", metavar="<file>", type=_file_or_stdout,
                   help="write to <file> instead of standard output (-: standard output)")
    p.add_argument("--across", action="store_true",
                   help="also pair statements of different articles (a denial here of a claim there)")
    p.add_argument("--by-speaker", action="store_true",
                   help="list, for each speaker, who disputes them (across articles too)")
    _add_article_timeout(p)
    _add_min_confidence(p)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_disputes)


def cmd_disputes(args) -> int:
    from . import output
    from .disputes import disputes_by_speaker, find_cross_disputes

    _check_out(args.out)
    stream = processed_articles(args.paths, args.quiet, article_timeout=args.article_timeout,
                                min_confidence=args.min_confidence)
    if stream is None:
        return EXIT_FAILED
    results = list(stream)
    if args.by_speaker:
        by_speaker = disputes_by_speaker(results, across=True)
        render_by_speaker = output.by_speaker_json if args.format == "json" else output.by_speaker_text
        body = render_by_speaker(by_speaker)
    else:
        across = find_cross_disputes(results) if args.across else []
        render = output.disputes_json if args.format == "json" else output.disputes_text
        body = render(results, across)
    if args.out is None:
        sys.stdout.write(body)
        return EXIT_OK if results else EXIT_FAILED
    try:
        Path(args.out).write_text(body, encoding="utf-8")
    except OSError as err:
        raise UserError(f"cannot write {args.out}: {(err.strerror or str(err)).lower()}") from None
    return EXIT_OK if results else EXIT_FAILED


# --- saidwhat serve -----------------------------------------------------------------------------


def add_serve(sub) -> None:
    p = sub.add_parser(
        "serve",
        help="start the web app (article pages, corpus search, JSON API)",
        description="Start the web app: paste or upload an article to see who said what; with --db, "
        "search a corpus store. The JSON API's schema is at /openapi.json.",
    )
    p.add_argument("--db", metavar="PATH", help="a DuckDB store made by saidwhat, for the corpus pages")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    from .guard import WEB_TIMEOUT

    _add_article_timeout(p, default=WEB_TIMEOUT)
    p.set_defaults(func=cmd_serve)


def _check_port_free(host: str, port: int) -> None:
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as err:
        raise UserError(f"cannot listen on {host}: {err.strerror}") from None
    family, _, _, _, addr = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(addr)
        except OSError as err:
            msg = f"cannot listen on {host}:{port} ({err.strerror}); choose another --port"
            raise UserError(msg) from None


def cmd_serve(args) -> int:
    from pathlib import Path

    if args.db is not None and not Path(args.db).is_file():
        raise UserError(f"{args.db}: no such database file")
    if not 0 < args.port < 65536:
        raise UserError(f"--port {args.port}: give a port between 1 and 65535")
    _check_port_free(args.host, args.port)

    import uvicorn

    from .web import create_app

    _check_model()
    print("saidwhat: loading the language model ...", file=sys.stderr)
    app = create_app(db_path=args.db, article_timeout=args.article_timeout)
    print(f"saidwhat: serving on http://{args.host}:{args.port}/ (Ctrl+C to stop)", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return EXIT_OK


# --- saidwhat run / query / speakers / export / spark: corpora and the store ----------------------

DEFAULT_DB = "saidwhat.duckdb"


def add_run(sub) -> None:
    from .batch import DEFAULT_CHUNK, default_workers
    from .dedup import DEFAULT_THRESHOLD

    p = sub.add_parser(
        "run",
        help="process a corpus into a DuckDB store (resumable, all cores)",
        description="Process every article of CORPUS (folders, files, .jsonl or .jsonl.gz) into the DuckDB "
        "database at --db. Rerunning the same command processes only what is missing; near-duplicate "
        "articles are processed once and linked to the first copy.",
    )
    p.add_argument("corpus", nargs="+", metavar="CORPUS",
                   help="folder, file, .jsonl(.gz) corpus; several allowed")
    _add_db(p)
    p.add_argument("--workers", type=int, default=default_workers(), metavar="N",
                   help="worker processes (default: one per core)")
    p.add_argument("--chunk-size", type=int, default=DEFAULT_CHUNK, metavar="N",
                   help=f"articles per worker task and per commit (default: {DEFAULT_CHUNK})")
    p.add_argument("--dedup-threshold", type=float, default=DEFAULT_THRESHOLD, metavar="J",
                   help="Jaccard similarity that makes two articles near-duplicates "
                   f"(default: {DEFAULT_THRESHOLD})")
    p.add_argument("--no-cross-disputes", action="store_true",
                   help="skip looking for disputes between articles of the whole store at the end")
    _add_article_timeout(p)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_run)


def cmd_run(args) -> int:
    from . import batch, ingest

    _check_paths(args.corpus)
    if args.workers < 1 or args.chunk_size < 1:
        raise UserError("--workers and --chunk-size must be at least 1")
    if not 0 < args.dedup_threshold <= 1:
        raise UserError("--dedup-threshold must be in (0, 1]")
    stats = _with_store_errors(lambda: batch.run(
        ingest.read_paths(args.corpus), args.db, workers=args.workers, chunk_size=args.chunk_size,
        threshold=args.dedup_threshold, progress=not args.quiet, total=batch.estimate_count(args.corpus),
        cross_disputes=not args.no_cross_disputes, article_timeout=args.article_timeout))
    print(f"saidwhat: {stats.summary(args.db)}")
    if stats.peak_worker_rss_mb:
        print(f"saidwhat: peak memory per worker {stats.peak_worker_rss_mb:.0f} MB")
    for sample in stats.error_samples:
        print(f"saidwhat: error: {sample}", file=sys.stderr)
    return EXIT_OK


def add_query(sub) -> None:
    p = sub.add_parser(
        "query",
        help="statements in a store, by speaker, words, date or source",
        description="Print the statements of a store made by `saidwhat run`. Filters combine with AND; "
        "--speaker matches any alias or the surname alone.",
    )
    _add_db(p)
    p.add_argument("--speaker", metavar="NAME",
                   help="speaker name or any alias (\"Putin\", \"Vladimir Putin\")")
    p.add_argument("--text", metavar="WORDS", help="words the statement's content must contain")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="articles dated on or after")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="articles dated on or before")
    p.add_argument("--source", metavar="NAME", help="articles whose source or URL contains NAME")
    p.add_argument("--limit", type=int, metavar="N", help="at most N statements")
    _add_format(p)
    p.set_defaults(func=cmd_query)


def cmd_query(args) -> int:
    for value in (args.date_from, args.date_to):
        if value and not _is_date(value):
            raise UserError(f"{value!r} is not a date like 2024-01-31")
    rows = _with_fresh_store(args.db, lambda s: s.query_statements(
        speaker=args.speaker, words=args.text, date_from=args.date_from, date_to=args.date_to,
        source=args.source, limit=args.limit))
    _write_rows(rows, args, columns=["date", "source", "speaker", "kind", "content", "article_id", "copies"])
    return EXIT_OK


def add_speakers(sub) -> None:
    p = sub.add_parser("speakers", help="the speakers of a store with their statement counts",
                       description="One row per person or organisation across the articles of a store.")
    _add_db(p)
    p.add_argument("--limit", type=int, metavar="N", help="the N speakers with most statements")
    _add_format(p)
    p.set_defaults(func=cmd_speakers)


def cmd_speakers(args) -> int:
    rows = _with_fresh_store(args.db, lambda s: s.speakers(limit=args.limit))
    _write_rows(rows, args, columns=["name", "type", "n_statements", "n_articles", "aliases"])
    return EXIT_OK


def add_quotes(sub) -> None:
    p = sub.add_parser(
        "quotes",
        help="quotes across a store: where each first appeared, who repeats it, changed words",
        description="The direct quotes (and quoted parts of mixed statements) of a store, grouped across "
        "articles: the same words up to punctuation, case and ellipses, a part of a longer version, or a "
        "variant with words changed. Each quote lists its first appearance (by date, then corpus order) "
        "and every occurrence; a variant's changed words are given.",
    )
    _add_db(p)
    p.add_argument("--speaker", metavar="NAME", help="quotes of this speaker (any alias)")
    p.add_argument("--variants-only", action="store_true", help="only quotes repeated with words changed")
    _add_format(p)
    p.set_defaults(func=cmd_quotes)


def cmd_quotes(args) -> int:
    found = _with_fresh_store(args.db, lambda s: s.quotes(args.speaker, args.variants_only))
    fmt = args.format or ("table" if sys.stdout.isatty() and not args.out else "json")
    if fmt == "json":
        rows = found
    elif fmt == "csv":  # one row per occurrence
        rows = [{"quote_id": q["id"], "speaker": q["speaker"], "first_seen_text": q["text"],
                 "first_seen_date": q["first_seen"]["date"], "first_seen_source": q["first_seen"]["source"],
                 "n_articles": q["n_articles"], **o} for q in found for o in q["occurrences"]]
    else:
        rows = [{"first seen": q["first_seen"]["date"], "source": q["first_seen"]["source"],
                 "speaker": q["speaker"], "articles": q["n_articles"],
                 "variants": sum(o["variant"] for o in q["occurrences"]), "text": q["text"]} for q in found]
    args.format = fmt
    _write_rows(rows, args, columns=["first seen", "source", "speaker", "articles", "variants", "text"])
    return EXIT_OK


def add_export(sub) -> None:
    p = sub.add_parser("export", help="write a store's tables as Parquet or CSV files",
                       description="Write every table of a store to DIR, one <table>.parquet or .csv each.")
    _add_db(p)
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write the files to")
    p.add_argument("-f", "--format", choices=["parquet", "csv"], default="parquet")
    p.set_defaults(func=cmd_export)


def cmd_export(args) -> int:
    paths = _with_fresh_store(args.db, lambda s: s.export(args.out, args.format))
    print(f"saidwhat: wrote {len(paths)} tables to {args.out}")
    return EXIT_OK


def add_spark(sub) -> None:
    p = sub.add_parser(
        "spark",
        help="run the pipeline as a Spark job (JSONL or Parquet in, Parquet tables out)",
        description="Process INPUT (.jsonl, .jsonl.gz or Parquet; files or folders) with Spark and write one "
        "Parquet folder per store table under --out. Submit to a cluster with --master or spark-submit.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=".jsonl(.gz) or .parquet files or folders")
    p.add_argument("--out", required=True, metavar="DIR",
                   help="output folder; a later run into it adds its new articles")
    p.add_argument("--master", default=None, metavar="URL",
                   help="Spark master (default: local[*], or what spark-submit set)")
    p.add_argument("--partitions", type=int, default=None, metavar="N",
                   help="partitions of the articles (default: about 200 articles each)")
    _add_article_timeout(p)
    p.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE",
                   help="a Spark setting, as spark-submit's --conf (repeat for several)")
    p.set_defaults(func=cmd_spark)


def cmd_spark(args) -> int:
    import importlib.util

    if importlib.util.find_spec("pyspark") is None:
        raise UserError("pyspark is not installed; run `pip install 'saidwhat[spark]'` (needs Java 17)")
    from . import spark

    _check_paths([p for p in args.inputs if "://" not in p])
    conf = dict(_setting(c) for c in args.conf)
    counts = spark.run_job(args.inputs, args.out, master=args.master, partitions=args.partitions,
                           article_timeout=args.article_timeout, conf=conf)
    print("saidwhat: " + ", ".join(f"{n} {t}" for t, n in counts.items()) + f" -> {args.out}")
    return EXIT_OK


def _setting(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise UserError(f"--conf {text!r}: expected KEY=VALUE, as spark.driver.memory=4g")
    return key.strip(), value


def _add_db(p) -> None:
    p.add_argument("--db", default=DEFAULT_DB, metavar="PATH",
                   help=f"the database file (default: {DEFAULT_DB})")


def _add_format(p) -> None:
    p.add_argument("-f", "--format", choices=["table", "json", "csv"], default=None,
                   help="output format (default: table on a terminal, json otherwise)")
    p.add_argument("-o", "--out", metavar="FILE", type=_file_or_stdout,
                   help="write the output to FILE instead of standard output (-: standard output)")


def _check_paths(paths: list[str]) -> None:
    import os

    missing = [p for p in paths if p != "-" and not os.path.exists(p)]
    if missing:
        raise UserError(f"{missing[0]}: no such file or folder")


def _is_date(value: str) -> bool:
    import datetime

    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _with_store_errors(fn):
    from .batch import RunError
    from .nlp import ModelMissing
    from .store import StoreError

    try:
        return fn()
    except (StoreError, RunError, ModelMissing) as err:
        raise UserError(str(err)) from err


def _with_fresh_store(db: str, fn):
    """Open the store, bring its derived speaker tables up to date, and apply ``fn``."""
    from .store import Store

    def go():
        import os

        if not os.path.exists(db):
            raise UserError(f"{db}: no such database (create it with `saidwhat run CORPUS --db {db}`)")
        with Store(db) as store:
            if store.speakers_stale():
                store.rebuild_speakers()
            if store.quotes_stale():
                store.rebuild_quotes()
            return fn(store)

    return _with_store_errors(go)


def _write_rows(rows: list[dict], args, columns: list[str]) -> None:
    import csv
    import io
    import json

    fmt = args.format or ("table" if sys.stdout.isatty() and not args.out else "json")
    if fmt == "json":
        text = json.dumps(rows, indent=2, ensure_ascii=False, default=str) + "\n"
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]) if rows else columns)
        writer.writeheader()
        writer.writerows({k: _cell(v) for k, v in r.items()} for r in rows)
        text = buf.getvalue()
    else:
        text = _rows_table(rows, columns)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)


def _cell(value) -> str:
    if value is None:
        return ""
    return "; ".join(map(str, value)) if isinstance(value, list) else str(value)


def _rows_table(rows: list[dict], columns: list[str]) -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for c in columns:
        table.add_column(c, overflow="fold", max_width=80 if c == "content" else 30)
    for r in rows:
        table.add_row(*(_cell(r.get(c)) for c in columns))
    console = Console(file=__import__("io").StringIO(), width=160 if not sys.stdout.isatty() else None)
    console.print(table)
    console.print(f"{len(rows)} rows")
    return console.file.getvalue()


# --- the parser ---------------------------------------------------------------------------------

COMMANDS: list[Callable] = [
    add_extract, add_disputes,  # one article or a few
    add_run, add_query, add_speakers, add_quotes, add_export, add_spark,  # corpora and the store
    add_serve,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="saidwhat",
        usage="saidwhat [--version] [-h] <command> [<args>]",
        description="Who said what, and who disputes whom, in news articles.",
        epilog="Start with 'saidwhat extract' (the bundled sample article).\n"
        "See 'saidwhat <command> --help' to read about a command.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"saidwhat {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="<command>")
    for add in COMMANDS:
        add(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    # Before numpy is imported: OpenBLAS would start a thread per core, and the extract worker,
    # forked from this process, parses 8% slower when its parent had threads (guard._exit_with_parent).
    limit_blas_env()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.func(args)
    except UserError as err:
        print(f"saidwhat: {err}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("saidwhat: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (`saidwhat extract | head`): stop quietly, like git
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except Exception as err:
        if os.environ.get("SAIDWHAT_DEBUG"):
            raise
        print(f"saidwhat: internal error: {type(err).__name__}: {err} "
              "(run with SAIDWHAT_DEBUG=1 to see where)", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
