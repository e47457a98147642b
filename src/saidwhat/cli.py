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


# --- saidwhat disputes --------------------------------------------------------------------------

_DISPUTE_VERBS = {"denial": "denies", "rejection": "rejects", "doubt": "doubts", "correction": "corrects",
                  "contradiction": "contradicts"}


def add_disputes(sub) -> None:
    p = sub.add_parser(
        "disputes",
        help="who pushes back on whom in articles (files, folders, JSONL, - for stdin)",
        description="Print the disputes of each article: who denies, rejects, doubts, corrects or "
        "contradicts whose statement, with the two statements and the words that signal it. "
        "With no PATH, runs on the bundled sample article.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help=".txt, .html, .jsonl(.gz) files, folders, or -")
    p.add_argument("-f", "--format", choices=["text", "json"], default="text",
                   help="text for people (default) or json")
    p.add_argument("-o", "--out", metavar="FILE", help="write the output to FILE instead of standard output")
    p.add_argument("--across", action="store_true",
                   help="also pair statements of different articles (a denial here of a claim there)")
    p.set_defaults(func=cmd_disputes)


def cmd_disputes(args) -> int:
    from . import ingest
    from .disputes import find_cross_disputes
    from .pipeline import Pipeline

    sources = ingest.read_paths(args.paths or [ingest.SAMPLE_PATH])
    articles, errors = ingest.split_errors(sources)
    results = list(Pipeline().process_many(articles))
    across = find_cross_disputes(results) if args.across else []
    if args.format == "json":
        import json

        body = json.dumps(_disputes_json(results, across), ensure_ascii=False, indent=1) + "\n"
    else:
        body = _disputes_text(results, across)
    if args.out:
        try:
            with open(args.out, "w", encoding="utf-8") as fh:
                fh.write(body)
        except OSError as err:
            raise UserError(f"cannot write {args.out}: {err.strerror}") from err
    else:
        sys.stdout.write(body)
    for err in errors:
        print(f"saidwhat: {err}", file=sys.stderr)
    return EXIT_FAILED if errors and not results else EXIT_OK


def _side(article, sid: str) -> dict:
    from .disputes import speaker_name

    st = article.statement(sid)
    return {"article": article.id, "id": sid, "speaker": speaker_name(st), "content": st.content.text}


def _dispute_pairs(results, across):
    by_id = {a.id: a for a in results}
    for article in results:
        for d in article.disputes:
            yield article, article, d
    for d in across:
        yield by_id[d.article_a], by_id[d.article_b], d


def _disputes_json(results, across) -> list[dict]:
    from .records import dispute_to_dict

    out = [{"id": a.id, "title": a.title, "disputes": []} for a in results]
    by_id = {entry["id"]: entry for entry in out}
    across_out = []
    for art_a, art_b, d in _dispute_pairs(results, across):
        entry = dispute_to_dict(d) | {"claim": _side(art_a, d.a), "pushback": _side(art_b, d.b)}
        (across_out if d.article_a else by_id[art_b.id]["disputes"]).append(entry)
    return out + ([{"id": "across articles", "disputes": across_out}] if across else [])


def _disputes_text(results, across) -> str:
    import textwrap

    lines = []
    last = None
    for art_a, art_b, d in _dispute_pairs(results, across):
        heading = f"{art_a.id} / {art_b.id}" if d.article_a else art_b.id
        if heading != last:
            lines.append(("\n" if lines else "") + heading)
            last = heading
        claim, push = _side(art_a, d.a), _side(art_b, d.b)
        verb = _DISPUTE_VERBS.get(d.kind, d.kind)
        lines.append(f"  {push['speaker'] or '?'} {verb} {claim['speaker'] or '?'}"
                     f"  [{d.kind}; \"{d.evidence}\"; confidence {d.confidence:.2f}]")
        for label, side in (("claim", claim), ("pushback", push)):
            text = textwrap.shorten(side["content"], 160, placeholder=" ...")
            lines.append(f"    {label:<9}{side['id']:>5}  {text}")
    for article in results:
        if not article.disputes and not any(d.article_b == article.id for d in across):
            lines.append(("\n" if lines else "") + f"{article.id}\n  no disputes found")
    return "\n".join(lines) + "\n"


# --- the parser ---------------------------------------------------------------------------------

COMMANDS: list[Callable] = [add_extract, add_disputes]


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
