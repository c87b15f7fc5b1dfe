"""The ``oer-meta`` command line.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 usage
error, a path that cannot be read, or no input found; 3 an internal error (a bug in
oer_meta, reported on stderr and in the report); 130 interrupted (Ctrl-C), after
writing what was checked; 141 the output pipe was closed.

The imports inside functions are for start-up time only (``oer-meta --version`` and
``--help`` load neither lxml nor pydantic); the CLI is the top layer and imports
downwards only, so none of them hides a cycle.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import errno
import io
import json
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from oer_meta._version import __version__
from oer_meta.errors import OerMetaError

if TYPE_CHECKING:
    from oer_meta.readers.dispatch import Source
    from oer_meta.readers.limits import ReadLimits


EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141


def _command_parser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    """The parser of sub-command ``name`` (``parser`` itself when there is none)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found: argparse.ArgumentParser | None = action.choices.get(name)
            return found if found is not None else parser
    return parser


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
    val.add_argument(
        "--format",
        choices=("text", "json", "jsonl", "sarif", "junit", "github", "gitlab", "markdown"),
        default="text",
        dest="output",
        help="text for people; json: one report document; jsonl: one line per record, "
        "then a summary line; sarif: SARIF 2.1.0; junit: JUnit XML, a test case per "
        "record; github: GitHub Actions annotations; gitlab: GitLab Code Quality JSON "
        "(all these are written as records are checked); markdown: a summary per action "
        "area and per rule, written at the end, for a pull-request comment or a job summary",
    )
    val.add_argument(
        "--output-file", metavar="PATH", default=None, help="write the report there (UTF-8)"
    )
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
    val.add_argument(
        "--max-values-per-field",
        type=_positive,
        default=None,
        metavar="N",
        help="read at most N values of one field per record; the rest are dropped and "
        "noted (STD002) (default: 10000)",
    )
    val.add_argument(
        "--max-records-per-file",
        type=_positive,
        default=None,
        metavar="N",
        help="read at most N records from one file; the rest is reported as not read "
        "(default: no limit)",
    )
    val.add_argument("--show-hints", action="store_true", help="print each finding's fix hint")
    val.add_argument(
        "--lang",
        default="en",
        choices=("en", "fr"),
        help="language of the findings' messages and hints and of the action-area titles",
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


def _positive(text: str) -> int:
    """An argparse type: a whole number of at least 1 (a limit of 0 would read nothing)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _limits(args: argparse.Namespace) -> ReadLimits | None:
    """The reader limits the options ask for (``None``: the defaults)."""
    from oer_meta.readers.limits import DEFAULT_LIMITS

    changes: dict[str, int] = {}
    if args.max_values_per_field is not None:
        changes["max_values_per_field"] = args.max_values_per_field
    if args.max_records_per_file is not None:
        changes["max_records_per_file"] = args.max_records_per_file
    return dataclasses.replace(DEFAULT_LIMITS, **changes) if changes else None


def _split(values: list[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _stdin_bytes() -> bytes | None:
    """Standard input's bytes, or None when there is no standard input (closed)."""
    stream = sys.stdin
    if stream is None:
        return None
    try:
        return stream.buffer.read()
    except (OSError, ValueError, AttributeError):
        return None


def _sources(raw_paths: list[str]) -> tuple[list[Source], bool]:
    """The inputs named on the command line, and whether some could not be used (each
    such path is named on stderr; the others are still checked)."""
    from oer_meta.readers.dispatch import display_name, walk

    sources: list[Source] = []
    bad = False
    for raw in raw_paths:
        if raw == "-":
            data = _stdin_bytes()
            if data is None:
                _say("standard input is closed: nothing to read from '-'")
                bad = True
            else:
                sources.append(data)
            continue
        path = Path(raw)
        shown = display_name(raw)  # a name may hold a newline, ESC or non-UTF-8 bytes
        if not path.exists():
            if path.is_symlink():
                _say(_broken_link(path, shown))
            else:
                _say(f"no such file or folder: {shown}")
            bad = True
        elif path.is_dir() and next(walk(path), None) is None:
            _say(f"no metadata files found in {shown}")
            bad = True
        else:
            sources.append(path)
    return sources, bad


def _broken_link(path: Path, shown: str) -> str:
    """Why a symbolic link names no file: it loops, or its target is missing."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"{shown}: a symbolic link that loops (it leads back to itself)"
    try:
        from oer_meta.readers.dispatch import display_name

        target = display_name(path.readlink())
    except OSError:
        target = "?"
    return f"{shown}: a dangling symbolic link (it points to {target}, which does not exist)"


def _say(message: str) -> None:
    print(f"oer-meta: {message}", file=sys.stderr, flush=True)


def _output(path: str | None) -> TextIO:
    """Where the report goes: a UTF-8 file, or standard output made unable to fail on a
    character its encoding lacks (a cp1252 console gets escapes, not a traceback).

    Standard output is buffered (by line on a terminal) even under PYTHONUNBUFFERED,
    which would otherwise turn every piece of every result into a system call."""
    if path is not None:
        return Path(path).open("w", encoding="utf-8", errors="backslashreplace", newline="\n")
    out = sys.stdout
    if isinstance(out, io.TextIOWrapper) and isinstance(out.buffer, io.RawIOBase):
        # python -u / PYTHONUNBUFFERED: a raw file under the text layer, which drops the
        # rest of a write the pipe took only part of (a signal, a full pipe): a buffered
        # writer finishes every write
        out.flush()
        return io.TextIOWrapper(
            _KeptOpen(out.buffer),
            encoding=out.encoding,
            errors="backslashreplace",
            line_buffering=out.isatty(),
        )
    if isinstance(out, io.TextIOWrapper):
        out.reconfigure(errors="backslashreplace", write_through=False, line_buffering=out.isatty())
    return out


class _KeptOpen(io.BufferedWriter):
    """A buffered writer over standard output's raw file that leaves the file open when
    it is closed (Python closes standard output itself, at exit)."""

    _released = False

    @property
    def closed(self) -> bool:
        return self._released or super().closed

    def close(self) -> None:
        if not self._released:
            self.flush()
            self._released = True
            self.detach()


def _validate(args: argparse.Namespace) -> int:
    from oer_meta.checks.registry import plugin_failures
    from oer_meta.engine import ValidationRun
    from oer_meta.interrupts import DeferredInterrupt
    from oer_meta.report.formatters import RunInfo, make_formatter
    from oer_meta.report.formatters.text import internal_error_line
    from oer_meta.report.results import Tally

    run = ValidationRun(
        args.profile,
        format=args.input_format,
        select=_split(args.select) or None,
        ignore=_split(args.ignore),
        fail_on=args.fail_on,
        limits=_limits(args),
        lang=args.lang,
    )
    for failure in plugin_failures():
        _say(failure)
    sources, bad_paths = _sources(args.paths)
    if not sources:
        return EXIT_USAGE
    out = _output(args.output_file)
    formatter = make_formatter(args.output, out)
    tally = Tally(run.profile.fail_on)
    info = RunInfo(
        profile=run.profile.name,
        fail_on=run.profile.fail_on,
        show_hints=args.show_hints,
        lang=args.lang,
        rules=tuple((r, run.profile.severity_of(r)) for r in run.profile.rules()),
    )
    interrupted = False
    with DeferredInterrupt() as interrupts:
        try:
            with interrupts.atomic():
                formatter.start(info)
            for result in run.results(sources):
                with interrupts.atomic():  # counted and written whole, or not at all
                    tally.add(result)
                    formatter.result(result)
                    for error in result.internal_errors:
                        _say(internal_error_line(error, result.source, args.lang).plain)
            for item in run.iter_batch_findings():  # written as they come
                with interrupts.atomic():
                    tally.add_batch([item])
                    formatter.batch([item])
        except KeyboardInterrupt:
            interrupted = True
        with interrupts.atomic():
            formatter.finish(tally, interrupted=interrupted)
    if out is not sys.stdout:
        out.close()
    if interrupted:
        _say(f"interrupted after {tally.records} records; the report covers those")
        return EXIT_INTERRUPTED
    if tally.internal_errors:
        return EXIT_INTERNAL
    if tally.records == 0:
        _say("no input found")
        return EXIT_USAGE
    if bad_paths:
        return EXIT_USAGE
    return EXIT_OK if tally.ok else EXIT_FINDINGS


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
                "variant_of": r.emitted_by,
                "variants": list(r.variants),
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
    from oer_meta.errors import ReadError
    from oer_meta.knowledge.attribution import attribution
    from oer_meta.readers import Unreadable, iter_source

    source: Source
    if args.path == "-":
        data = _stdin_bytes()
        if data is None:
            _say("standard input is closed: nothing to read from '-'")
            return EXIT_USAGE
        source = data
    else:
        from oer_meta.readers.dispatch import display_name

        source = Path(args.path)
        if not source.exists():
            _say(f"no such file or folder: {display_name(args.path)}")
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
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    if extra:  # say it with the usage of the sub-command, not of oer-meta as a whole
        _command_parser(parser, args.command).error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        return _main(args)
    except BrokenPipeError:  # e.g. piped into head: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception:  # a bug in oer_meta itself: say so, never pretend it is the input's
        _say("internal error (a bug in oer-meta; please report it with this trace):")
        traceback.print_exc()
        return EXIT_INTERNAL


def _main(args: argparse.Namespace) -> int:
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
        _say(str(exc))
        return EXIT_USAGE
    return EXIT_USAGE
