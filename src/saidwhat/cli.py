"""The ``saidwhat`` command line: one subcommand per task, like git."""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from collections.abc import Callable
from pathlib import Path

from . import __version__

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
  "url", "date", "source"}). Folders are searched recursively for those files; a file named on
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
    p.add_argument("-o", "--out", metavar="<file>", help="write to <file> instead of standard output")
    p.add_argument("--max-bytes", type=_byte_size, default=DEFAULT_MAX_BYTES, metavar="<size>",
                   help=f"skip articles larger than <size> bytes; k, M, G suffixes allowed "
                   f"(default: {DEFAULT_MAX_BYTES // 1_000_000}M)")
    p.add_argument("--no-disputes", action="store_true", help="skip the disputes stage")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_extract)


def cmd_extract(args) -> int:
    fmt = _output_format(args.format, args.out)
    _check_out(args.out)
    results = processed_articles(args.paths, args.quiet, not args.no_disputes, args.max_bytes)
    if results is None:
        return EXIT_FAILED
    if fmt == "table" and args.out is None:
        results = list(results)  # finish the progress bar before the table reaches the terminal
    written = _write(results, fmt, args.out)
    return EXIT_OK if written else EXIT_FAILED


def processed_articles(paths, quiet: bool, find_disputes: bool = True, max_bytes: int | None = None):
    """Articles read from ``paths`` (the sample when empty) through the pipeline, as a stream, with
    a progress bar; unreadable inputs and failing articles are reported and skipped. ``None`` when
    no input could be read (the model is then not even loaded)."""
    from . import ingest

    report = _ErrorReport()
    inputs = ingest.read_paths(paths or [ingest.SAMPLE_PATH], max_bytes=max_bytes or ingest.DEFAULT_MAX_BYTES)
    articles = report.articles(inputs)
    first = next(articles, None)
    if first is None:
        return None
    pipeline = _load_pipeline(find_disputes=find_disputes)
    return _with_progress(process_safely(pipeline, itertools.chain([first], articles), report), quiet)


class _ErrorReport:
    """Prints one line per input or article that failed, above any progress bar."""

    def error(self, message: str) -> None:
        from tqdm import tqdm

        tqdm.write(f"saidwhat: {message}; skipped", file=sys.stderr)

    def articles(self, items):
        from .ingest import InputError

        for item in items:
            if isinstance(item, InputError):
                self.error(str(item))
            else:
                yield item


def process_safely(pipeline, articles, report: _ErrorReport, batch_size: int = 16):
    """``pipeline.process_many`` in batches; when a batch fails, its articles are retried one by one,
    so one article that crashes a stage costs only itself."""
    articles = iter(articles)
    while batch := list(itertools.islice(articles, batch_size)):
        try:
            done = list(pipeline.process_many(batch))
        except Exception:
            done = [_process_one(pipeline, article, report) for article in batch]
        yield from (article for article in done if article is not None)


def _process_one(pipeline, article, report: _ErrorReport):
    try:
        return pipeline.process(article)
    except Exception as err:
        reason = " ".join(str(err).split())
        reason = reason if len(reason) <= 160 else reason[:159] + "\u2026"
        report.error(f"{article.id}: failed in the pipeline ({type(err).__name__}: {reason})")
        return None


def _load_pipeline(find_disputes: bool):
    from . import pipeline
    from .nlp import ModelMissing

    try:
        return pipeline.Pipeline(find_disputes=find_disputes)
    except ModelMissing as err:
        raise UserError(str(err)) from None


def _with_progress(results, quiet: bool):
    from tqdm import tqdm

    enabled = not quiet and sys.stderr.isatty()
    return tqdm(results, disable=not enabled, delay=PROGRESS_DELAY, unit=" articles", file=sys.stderr,
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
    p.add_argument("-o", "--out", metavar="<file>", help="write to <file> instead of standard output")
    p.add_argument("--across", action="store_true",
                   help="also pair statements of different articles (a denial here of a claim there)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_disputes)


def cmd_disputes(args) -> int:
    from . import output
    from .disputes import find_cross_disputes

    _check_out(args.out)
    stream = processed_articles(args.paths, args.quiet)
    if stream is None:
        return EXIT_FAILED
    results = list(stream)
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

COMMANDS: list[Callable] = [add_extract, add_disputes, add_serve]


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
