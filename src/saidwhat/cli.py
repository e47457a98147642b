"""The ``saidwhat`` command line: one subcommand per task, like git."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from . import __version__

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UserError(Exception):
    """A problem the user can fix; printed as one line, never as a traceback."""


# --- saidwhat extract ---------------------------------------------------------------------------


def add_extract(sub) -> None:
    p = sub.add_parser(
        "extract",
        help="who said what in articles (files, folders, JSONL, - for stdin)",
        description="Print every attributed statement of each article with its resolved speaker. "
        "With no PATH, runs on the bundled sample article.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help=".txt, .html, .jsonl(.gz) files, folders, or -")
    p.add_argument("-f", "--format", choices=["table", "json", "jsonl", "csv"], default=None,
                   help="output format (default: table on a terminal, json otherwise)")
    p.add_argument("-o", "--out", metavar="FILE", help="write the output to FILE instead of standard output")
    p.add_argument("--no-disputes", action="store_true", help="skip the disputes stage")
    p.set_defaults(func=cmd_extract)


def cmd_extract(args) -> int:
    from . import ingest, output
    from .pipeline import Pipeline

    sources = ingest.read_paths(args.paths or [ingest.SAMPLE_PATH])
    articles, errors = ingest.split_errors(sources)
    pipeline = Pipeline(find_disputes=not args.no_disputes)
    results = list(pipeline.process_many(articles))
    fmt = args.format or ("table" if sys.stdout.isatty() and not args.out else "json")
    output.write(results, fmt, args.out)
    for err in errors:
        print(f"saidwhat: {err}", file=sys.stderr)
    return EXIT_FAILED if errors and not results else EXIT_OK


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
        threshold=args.dedup_threshold, progress=not args.quiet, total=batch.estimate_count(args.corpus)))
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
    p.add_argument("--out", required=True, metavar="DIR", help="output folder (replaced)")
    p.add_argument("--master", default=None, metavar="URL",
                   help="Spark master (default: local[*], or what spark-submit set)")
    p.add_argument("--partitions", type=int, default=None, metavar="N",
                   help="partitions of the articles (default: about 200 articles each)")
    p.set_defaults(func=cmd_spark)


def cmd_spark(args) -> int:
    try:
        from . import spark
    except ImportError as err:
        raise UserError(f"pyspark is not installed ({err}); run `pip install pyspark==4.3.0`") from err
    _check_paths([p for p in args.inputs if "://" not in p])
    counts = spark.run_job(args.inputs, args.out, master=args.master, partitions=args.partitions)
    print("saidwhat: " + ", ".join(f"{n} {t}" for t, n in counts.items()) + f" -> {args.out}")
    return EXIT_OK


def _add_db(p) -> None:
    p.add_argument("--db", default=DEFAULT_DB, metavar="PATH",
                   help=f"the database file (default: {DEFAULT_DB})")


def _add_format(p) -> None:
    p.add_argument("-f", "--format", choices=["table", "json", "csv"], default=None,
                   help="output format (default: table on a terminal, json otherwise)")
    p.add_argument("-o", "--out", metavar="FILE", help="write the output to FILE instead of standard output")


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

COMMANDS: list[Callable] = [add_extract]
COMMANDS += [add_run, add_query, add_speakers, add_export, add_spark]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="saidwhat",
        description="Who said what, and who disputes whom, in news articles.",
    )
    parser.add_argument("--version", action="version", version=f"saidwhat {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="<command>")
    for add in COMMANDS:
        add(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
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


if __name__ == "__main__":
    sys.exit(main())
