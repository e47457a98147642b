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

    print("saidwhat: loading the language model ...", file=sys.stderr)
    app = create_app(db_path=args.db)
    print(f"saidwhat: serving on http://{args.host}:{args.port}/ (Ctrl+C to stop)", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return EXIT_OK


# --- the parser ---------------------------------------------------------------------------------

COMMANDS: list[Callable] = [add_extract, add_serve]


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
