"""The ``oer-meta`` command line.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 usage
error or no input found.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from oer_meta import __version__
from oer_meta.errors import OerMetaError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="oer-meta",
        description="Check OER metadata (IEEE LOM, Dublin Core, schema.org/LRMI JSON-LD) "
        "against the aims of the UNESCO Recommendation on OER (2019).",
    )
    parser.add_argument("--version", action="version", version=f"oer-meta {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    val = sub.add_parser("validate", help="validate files or folders ('-' reads standard input)")
    val.add_argument("paths", nargs="+", metavar="PATH")
    val.add_argument("--format", choices=("text", "json"), default="text", dest="output")
    val.add_argument("--profile", default="unesco", help="built-in profile name or TOML file")
    val.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="CODE",
        help="run only these rules: codes, prefixes (LIC), areas (AA3); repeatable "
        "or comma-separated",
    )
    val.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="CODE",
        help="skip these rules (same forms as --select)",
    )
    val.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default=None,
        help="lowest severity that makes the exit code 1 (default: the profile's)",
    )
    val.add_argument(
        "--input-format",
        choices=("lom", "dc", "jsonld"),
        default=None,
        help="read inputs as this format instead of detecting it",
    )
    val.add_argument("--show-hints", action="store_true", help="print each finding's fix hint")
    val.add_argument(
        "--lang",
        default="en",
        choices=("en", "fr"),
        help="language of the action-area titles in text output",
    )

    lst = sub.add_parser("rules", help="list the rules")
    lst.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", dest="output"
    )

    one = sub.add_parser("rule", help="print one rule's documentation")
    one.add_argument("code")

    sub.add_parser("profiles", help="list the built-in profiles")

    att = sub.add_parser(
        "attribution",
        help="print the attribution line (title, author, source, licence) of each record",
    )
    att.add_argument("path", metavar="FILE", help="a metadata file ('-' reads standard input)")
    att.add_argument(
        "--lang", default="en", choices=("en", "fr", "de", "es"), help="language of the line"
    )
    att.add_argument(
        "--as",
        dest="as_format",
        default="text",
        choices=("text", "html", "markdown"),
        help="plain text, HTML with Creative Commons RDFa, or Markdown",
    )
    return parser


def _split(values: list[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _validate(args: argparse.Namespace) -> int:
    from oer_meta.engine import link_batch, resolve_profile, validate_many
    from oer_meta.readers.sources import Source, walk
    from oer_meta.report import Report

    profile = resolve_profile(
        args.profile,
        select=_split(args.select) or None,
        ignore=_split(args.ignore),
        fail_on=args.fail_on,
    )
    sources: list[Source] = []
    for raw in args.paths:
        if raw == "-":
            sources.append(sys.stdin.buffer.read())
            continue
        path = Path(raw)
        if not path.exists():
            print(f"oer-meta: no such file or folder: {raw}", file=sys.stderr)
            return EXIT_USAGE
        if path.is_dir() and next(walk(path), None) is None:
            print(f"oer-meta: no metadata files found in {raw}", file=sys.stderr)
            return EXIT_USAGE
        sources.append(path)
    results = link_batch(
        list(validate_many(sources, format=args.input_format, profile=profile)), profile
    )
    if not results:
        print("oer-meta: no input found", file=sys.stderr)
        return EXIT_USAGE
    report = Report(results=results, profile=profile.name, fail_on=profile.fail_on)
    if args.output == "json":
        sys.stdout.write(report.to_json() + "\n")
    else:
        from oer_meta.formatters.text import render

        render(report, sys.stdout, show_hints=args.show_hints, lang=args.lang)
    return EXIT_OK if report.ok else EXIT_FINDINGS


def _rules(args: argparse.Namespace) -> int:
    from oer_meta.checks.registry import all_rules
    from oer_meta.docgen import rules_markdown

    rules = all_rules()
    if args.output == "markdown":
        sys.stdout.write(rules_markdown())
    elif args.output == "json":
        data = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.value,
                "areas": [int(a) for a in r.areas],
                "paragraphs": list(r.paragraphs),
                "summary": r.summary,
                "doc": r.sections(),
            }
            for r in rules
        ]
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        for r in rules:
            areas = ",".join(str(int(a)) for a in r.areas)
            print(f"{r.code:8} {r.name:30} {r.severity.value:8} [{areas}] {r.summary}")
    return EXIT_OK


def _attribution(args: argparse.Namespace) -> int:
    """One attribution line per record on standard output; unreadable input is named
    on standard error and makes the exit code 2, after the lines of the records read."""
    from oer_meta.credits import attribution
    from oer_meta.errors import ReadError
    from oer_meta.readers import Unreadable, iter_source
    from oer_meta.readers.sources import Source

    source: Source
    if args.path == "-":
        source = sys.stdin.buffer.read()
    else:
        source = Path(args.path)
        if not source.exists():
            print(f"oer-meta: no such file or folder: {args.path}", file=sys.stderr)
            return EXIT_USAGE
    records = unreadable = 0
    for item in iter_source(source):
        if isinstance(item, Unreadable):
            unreadable += 1
            loc = item.location
            error = ReadError(item.message, source=loc.file, line=loc.line, column=loc.column)
            print(f"oer-meta: {error}", file=sys.stderr)
            continue
        records += 1
        if item.deleted:
            print(
                f"oer-meta: skipped deleted record {item.record_id or ''}".rstrip(), file=sys.stderr
            )
            continue
        print(attribution(item, lang=args.lang, format=args.as_format), flush=True)
    if records == 0 and unreadable == 0:
        print(f"oer-meta: no record found in {args.path}", file=sys.stderr)
    return EXIT_USAGE if unreadable or records == 0 else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "validate":
            return _validate(args)
        if args.command == "rules":
            return _rules(args)
        if args.command == "rule":
            from oer_meta.checks.registry import get_rule
            from oer_meta.docgen import rule_text

            sys.stdout.write(rule_text(get_rule(args.code)))
            return EXIT_OK
        if args.command == "attribution":
            return _attribution(args)
        if args.command == "profiles":
            from oer_meta.profiles import builtin_profiles, load_profile

            for name in builtin_profiles():
                print(f"{name:12} {load_profile(name).description}")
            return EXIT_OK
    except OerMetaError as exc:
        print(f"oer-meta: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. piped into head
        return EXIT_OK
    return EXIT_USAGE
