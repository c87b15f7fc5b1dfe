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
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from oer_meta._version import __version__
from oer_meta.errors import OerMetaError, ReadError
from oer_meta.i18n import N_, Message, Param, Said, joined, marked, msg, msgn, said

if TYPE_CHECKING:
    from oer_meta.config import Discovery, Settings
    from oer_meta.readers import Unreadable
    from oer_meta.readers.dispatch import Source
    from oer_meta.readers.limits import ReadLimits
    from oer_meta.report.formatters import Formatter


EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141
#: Worker processes when neither --jobs nor the configuration says (docs/parallel.md).
DEFAULT_JOBS = 1


def _command_parser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    """The parser of sub-command ``name`` (``parser`` itself when there is none)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found: argparse.ArgumentParser | None = action.choices.get(name)
            return found if found is not None else parser
    return parser


#: argparse's own error texts that ``_Parser`` says in the run's language, by how they
#: begin: the rest of the text (names of options, values) is a parameter.  Others stay
#: English (docs/i18n.md).
_ARGPARSE_ERRORS = (
    ("the following arguments are required: ", N_("the following arguments are required: {names}")),
    ("expected one argument", N_("expected one argument{rest}")),
    ("expected at least one argument", N_("expected at least one argument{rest}")),
    ("not allowed with argument ", N_("not allowed with argument {names}")),
    ("ambiguous option: ", N_("ambiguous option: {names}")),
)


class _Parser(argparse.ArgumentParser):
    """argparse, with the errors about a value of an option (an invalid choice, a value
    of the wrong type, our types' reasons) said in the run's language: ``--lang`` as
    written on the command line, else the configuration's ``language``.  The usage
    line and ``--help`` stay argparse's English (docs/i18n.md)."""

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        if action.choices is not None and value not in action.choices:
            choices = ", ".join(repr(choice) for choice in action.choices)
            raise argparse.ArgumentError(
                action,
                said(
                    "invalid choice: {value!r} (choose from {choices})",
                    value=value,
                    choices=choices,
                ),
            )

    def _get_value(self, action: argparse.Action, arg_string: str) -> Any:
        try:
            return super()._get_value(action, arg_string)
        except argparse.ArgumentError as exc:
            cause = exc.__context__
            if isinstance(cause, (TypeError, ValueError)):  # a type such as float refused it
                kind = getattr(action.type, "__name__", repr(action.type))
                problem = said("invalid {type} value: {value!r}", type=kind, value=arg_string)
                raise argparse.ArgumentError(action, problem) from None
            raise

    def error(self, message: str) -> NoReturn:
        lang = _usage_language()
        if lang == "en":
            super().error(message)
        self.print_usage(sys.stderr)
        text = msg("{prog}: error: {message}", prog=self.prog, message=_argparse_error(message))
        self.exit(EXIT_USAGE, text.render(lang) + "\n")


def _argparse_error(message: str) -> Message:
    """An argparse error text as a message: ``argument --jobs: REASON`` keeps its frame,
    the reason found again when oer_meta said it (``said``) or argparse's own text
    begins as one of :data:`_ARGPARSE_ERRORS`."""
    name, sep, reason = message.removeprefix("argument ").partition(": ")
    if message.startswith("argument ") and sep:
        return msg("argument {name}: {reason}", name=name, reason=_argparse_error(reason))
    for start, template in _ARGPARSE_ERRORS:
        if message.startswith(start):
            rest = message[len(start) :]
            return (
                marked(template, names=rest)
                if "{names}" in template
                else marked(template, rest=rest)
            )
    return marked(message)


def _usage_language() -> str:
    """The language of a usage error: ``--lang`` on the command line, else the
    configuration's found from the current folder (one that cannot be read: English)."""
    if _SAY_LANG["given"]:
        return _SAY_LANG["lang"]
    from oer_meta.config import Discovery

    with contextlib.suppress(OerMetaError, OSError, ValueError):
        found = Discovery().for_folder(Path.cwd()).language
        return found if found in ("en", "fr") else "en"
    return "en"


def _argv_language(argv: Sequence[str]) -> str | None:
    """``--lang X`` or ``--lang=X`` as written on the command line, when X is ``en`` or
    ``fr`` (argparse itself rejects another value)."""
    for i, arg in enumerate(argv):
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        if value in ("en", "fr"):
            return value
    return None


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
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
        choices=("text", "json", "jsonl", "sarif", "junit", "github", "gitlab", "markdown", "html"),
        default=None,
        dest="output",
        help="text (default) for people; json: one report document; jsonl: one line per record, "
        "then a summary line; sarif: SARIF 2.1.0; junit: JUnit XML, a test case per "
        "record; github: GitHub Actions annotations; gitlab: GitLab Code Quality JSON "
        "(all these are written as records are checked); markdown: a summary per action "
        "area and per rule, written at the end, for a pull-request comment or a job summary; "
        "html: one self-contained page with charts and the records' findings, filterable",
    )
    val.add_argument(
        "--output-file", metavar="PATH", default=None, help="write the report there (UTF-8)"
    )
    val.add_argument(
        "--profile", default=None, help="built-in profile name or TOML file (default: unesco)"
    )
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
    _limit_flags(val)
    val.add_argument("--show-hints", action="store_true", help="print each finding's fix hint")
    _output_flags(val)
    val.add_argument(
        "--lang",
        default=None,
        choices=("en", "fr"),
        help="language of the findings' messages and hints, of the action-area titles and "
        "of the html labels (default: en)",
    )
    _configuration_options(val)
    _jobs_option(val)
    _harvest_parser(sub, val)
    _dask_option(val)  # after harvest's copy: a harvest's pages come over one connection

    lst = sub.add_parser("rules", help="list the rules")
    lst.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", dest="output"
    )
    lst.add_argument(
        "--write-docs",
        metavar="DIR",
        help="write the generated rule, area and paragraph pages under DIR (the docs folder)",
    )

    one = sub.add_parser("rule", help="print one rule's documentation")
    one.add_argument("code")
    for listing in (lst, one):  # the fixed labels and titles; the rule docs stay English
        listing.add_argument(
            "--lang",
            default=None,
            choices=("en", "fr"),
            help="language of the rule titles and labels (default: the configuration's "
            "language, else en)",
        )

    prof = sub.add_parser("profiles", help="list the built-in profiles")
    prof.add_argument(
        "--lang",
        default=None,
        choices=("en", "fr"),
        help="language of the descriptions (default: the configuration's language, else en)",
    )

    att = sub.add_parser(
        "attribution",
        help="print the attribution line (title, author, source, licence) of each record",
    )
    att.add_argument("path", metavar="FILE", help="a metadata file ('-' reads standard input)")
    att.add_argument(
        "--lang",
        default=None,
        choices=("en", "fr", "de", "es"),
        help="language of the line, and (en or fr; else en) of the lines said on standard "
        "error (default: the configuration's language, else en)",
    )
    att.add_argument(
        "--as",
        dest="as_format",
        default="text",
        choices=("text", "html", "markdown"),
        help="plain text, HTML with Creative Commons RDFa, or Markdown",
    )

    # -- convert (issue 10 §3: crosswalks through the Record) --
    conv = sub.add_parser(
        "convert",
        help="write the records of a file in another format (what the target cannot "
        "hold is listed on standard error)",
    )
    conv.add_argument("path", metavar="FILE", help="a metadata file ('-' reads standard input)")
    conv.add_argument("--to", required=True, choices=("lom", "oai_dc", "jsonld"))
    conv.add_argument(
        "--output",
        metavar="PATH",
        default=None,
        help="write there instead of standard output; for several records converted to "
        "lom or oai_dc, a folder (one file per record); jsonld writes several records "
        "as JSON Lines",
    )
    conv.add_argument(
        "--input-format",
        choices=("lom", "dc", "jsonld"),
        default=None,
        help="read the input as this format instead of detecting it",
    )
    conv.add_argument(
        "--lang",
        default=None,
        choices=("en", "fr"),
        help="language of the lines said on standard error (default: the configuration's "
        "language, else en)",
    )

    fix = sub.add_parser(
        "fix",
        help="apply the safe fixes in place (canonical language tags, vocabulary token case, "
        "current SPDX ids); '-' writes the fixed standard input to standard output",
    )
    fix.add_argument("paths", nargs="+", metavar="PATH")
    fix.add_argument(
        "--diff", action="store_true", help="print a unified diff and write nothing (exit 1 if any)"
    )
    fix.add_argument("--select", action="append", default=[], metavar="CODE", help="fix only these")
    fix.add_argument(
        "--ignore", action="append", default=[], metavar="CODE", help="do not fix these"
    )
    fix.add_argument(
        "--lang",
        default=None,
        choices=("en", "fr"),
        help="language of the summary and of the lines said on standard error (default: "
        "the configuration's language, else en)",
    )
    return parser


def _harvest_parser(sub: Any, val: argparse.ArgumentParser) -> None:
    """``oer-meta harvest URL``: validate's options (copied, so they stay the same) and
    the OAI-PMH request's (docs/harvest.md)."""
    har = sub.add_parser(
        "harvest",
        help="harvest an OAI-PMH endpoint (ListRecords, following resumption tokens) and "
        "validate each record as its page arrives",
    )
    har.add_argument("url", metavar="URL", help="the OAI-PMH base URL (http:// or https://)")
    oai = har.add_argument_group("OAI-PMH request")
    oai.add_argument(
        "--metadata-prefix", default="oai_dc", help="metadataPrefix: oai_dc (default), lom..."
    )
    oai.add_argument("--set", dest="set_spec", default=None, metavar="S", help="setSpec")
    oai.add_argument("--from", dest="from_date", default=None, metavar="D", help="from date")
    oai.add_argument("--until", default=None, metavar="D", help="until date")
    oai.add_argument(
        "--save",
        default=None,
        metavar="DIR",
        help="write each page as received (page-0001.xml...) so that 'oer-meta validate DIR' "
        "checks the same records offline",
    )
    oai.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        help="seconds without data before a request is given up (default: 60)",
    )
    oai.add_argument(
        "--max-retries",
        type=int,
        default=5,
        help="further tries after HTTP 503 (honouring Retry-After, at most 300 s) or a "
        "failed connection (default: 5)",
    )
    for action in val._actions:  # validate's options, the same objects
        if action.option_strings and action.dest != "help":
            har._add_action(action)
    har.set_defaults(paths=[])


def _harvest_source(args: argparse.Namespace) -> Source:
    """The harvest ``oer-meta harvest`` asked for."""
    from oer_meta.errors import UsageError
    from oer_meta.harvesting import Client, HttpLimits, OaiHarvest

    if args.timeout <= 0 or args.max_retries < 0:
        raise UsageError(said("--timeout must be positive and --max-retries 0 or more"))
    return OaiHarvest(
        args.url,
        metadata_prefix=args.metadata_prefix,
        set_spec=args.set_spec,
        from_date=args.from_date,
        until=args.until,
        save=Path(args.save) if args.save else None,
        client=Client(HttpLimits(timeout=args.timeout, max_retries=args.max_retries)),
    )


def _configuration_options(val: argparse.ArgumentParser) -> None:
    """The options about configuration files (docs/configuration.md)."""
    group = val.add_argument_group("configuration (oer-meta.toml, [tool.oer-meta])")
    group.add_argument(
        "--config",
        metavar="FILE",
        default=None,
        help="use this configuration file for every input instead of looking for the nearest one",
    )
    group.add_argument("--isolated", action="store_true", help="read no configuration file at all")
    group.add_argument(
        "--extend-select",
        action="append",
        default=[],
        metavar="CODE",
        help="run these rules too, on top of the selection (same forms as --select)",
    )
    group.add_argument(
        "--force-exclude",
        action="store_true",
        help="apply the exclude globs to files named on the command line too",
    )
    group.add_argument(
        "--show-settings",
        action="store_true",
        help="print the settings each input would be checked with, and where they come "
        "from, then stop",
    )


def _jobs_option(val: argparse.ArgumentParser) -> None:
    """``--jobs N``: worker processes (issue 11 §1; docs/parallel.md)."""
    val.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help="check with N worker processes, 0 for one per core; the report is the same, "
        "in the same order (default: the configuration's jobs, else 1)",
    )


def _jobs(text: str) -> int:
    """An argparse type: a whole number of at least 0 (0: one process per core)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(said("not a whole number: {text!r}", text=text)) from None
    if value < 0:
        raise argparse.ArgumentTypeError(
            said("must be 0 (one per core) or more, not {value}", value=value)
        )
    return value


def _jobs_of(args: argparse.Namespace, here: Settings) -> int:
    """The worker processes of a run: ``--jobs``, else the configuration's, else
    :data:`DEFAULT_JOBS`."""
    if args.jobs is not None:
        return int(args.jobs)
    return here.jobs if here.jobs is not None else DEFAULT_JOBS


def _output_flags(val: argparse.ArgumentParser) -> None:
    """The flags that shape the text output and the terminal (issue 10 §1); see
    docs/cli.md."""
    out = val.add_argument_group("output")
    out.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="text: print only the records that fail (a finding at or above --fail-on) "
        "and the verdict line",
    )
    infos = out.add_mutually_exclusive_group()
    infos.add_argument(
        "--show-infos",
        dest="show_infos",
        action="store_const",
        const=True,
        default=None,
        help="text: print infos even when more than one record is checked",
    )
    infos.add_argument(
        "--hide-infos",
        dest="show_infos",
        action="store_const",
        const=False,
        help="text: never print infos (by default they are printed only when a single "
        "record is checked; the summary says how many were not shown)",
    )
    out.add_argument(
        "--statistics",
        action="store_true",
        help="text: print the number of findings per rule, most frequent first, "
        "instead of the findings",
    )
    out.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output: auto (default) only on a terminal and when "
        "NO_COLOR is unset or empty",
    )
    out.add_argument(
        "--no-progress",
        dest="progress",
        action="store_false",
        help="no progress bar (one is shown on a terminal's standard error for runs "
        "longer than 2 s whose report does not go to that terminal, never in CI)",
    )


#: Seconds after which a run shows a progress bar (when it may; see _Progress).
PROGRESS_AFTER = 2.0


class _Progress:
    """A progress bar on standard error for a long run: only when standard error is a
    terminal, the report does not go to that terminal (their lines would fight), the
    ``CI`` variable is unset or empty, and the run has lasted :data:`PROGRESS_AFTER`
    seconds; it counts records (the total of a streamed run is unknown) and vanishes
    at the end."""

    def __init__(self, enabled: bool, report: TextIO) -> None:
        import time

        self._clock = time.monotonic
        self._started = self._clock()
        self._bar: Any = None
        self._task: Any = None
        self._count = 0
        self._enabled = enabled and _may_show_progress(report)

    def tick(self) -> None:
        """One more record checked."""
        if not self._enabled:
            return
        self._count += 1
        if self._bar is not None:
            self._bar.update(self._task, completed=self._count)
        elif self._clock() - self._started >= PROGRESS_AFTER:
            self._start()

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        console = Console(file=sys.stderr, no_color=bool(os.environ.get("NO_COLOR")))
        self._bar = Progress(
            SpinnerColumn(),
            TextColumn("checked {task.completed} records"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            redirect_stdout=False,
        )
        self._task = self._bar.add_task("validate", total=None, completed=self._count)
        self._bar.start()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def _may_show_progress(report: TextIO) -> bool:
    if os.environ.get("CI"):
        return False
    err = sys.stderr
    try:
        if err is None or not err.isatty():
            return False
        if report.isatty():  # the report's lines and the bar would share a terminal
            return False
    except (AttributeError, ValueError, OSError):
        return False
    return True


def _positive(text: str) -> int:
    """An argparse type: a whole number of at least 1 (a limit of 0 would read nothing)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(said("not a whole number: {text!r}", text=text)) from None
    if value < 1:
        raise argparse.ArgumentTypeError(said("must be at least 1, not {value}", value=value))
    return value


def _seconds(text: str) -> float:
    """An argparse type: a time in seconds, more than 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            said("not a number of seconds: {text!r}", text=text)
        ) from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(said("must be more than 0 seconds, not {text}", text=text))
    return value


def _limit_flags(parser: argparse.ArgumentParser) -> None:
    """The resource limits of issue 11 (docs/limits.md), next to the two older ones."""
    parser.add_argument(
        "--max-file-size",
        type=_positive,
        default=None,
        metavar="BYTES",
        help="do not read a file larger than this (STD001) (default: no limit)",
    )
    parser.add_argument(
        "--max-values-per-record",
        type=_positive,
        default=None,
        metavar="N",
        help="read at most N values in one record, all fields together; the rest are "
        "noted (STD010) (default: 100000)",
    )
    parser.add_argument(
        "--max-depth",
        type=_positive,
        default=None,
        metavar="N",
        help="skip XML elements nested deeper than N (STD010), refuse JSON records "
        "nested deeper (STD001) (default: 100)",
    )
    parser.add_argument(
        "--max-seconds-per-record",
        type=_seconds,
        default=None,
        metavar="S",
        help="stop checking a record after S seconds; the rules left are not run "
        "(STD010) (default: 30)",
    )


#: Command-line options -> ReadLimits fields (the configuration's [limits] keys are
#: the fields spelt with hyphens).
_LIMIT_OPTIONS = {
    "max_values_per_field": "max_values_per_field",
    "max_records_per_file": "max_records_per_file",
    "max_file_size": "max_file_bytes",
    "max_values_per_record": "max_values_per_record",
    "max_depth": "max_depth",
    "max_seconds_per_record": "max_seconds_per_record",
}


def _limits(args: argparse.Namespace, settings: Settings | None = None) -> ReadLimits | None:
    """The reader limits of the configuration's ``[limits]`` table, then of the
    options over them (``None``: the defaults)."""
    from oer_meta.readers.limits import DEFAULT_LIMITS

    changes: dict[str, Any] = dict(settings.limits) if settings is not None else {}
    for option, name in _LIMIT_OPTIONS.items():
        value = getattr(args, option, None)
        if value is not None:
            changes[name] = value
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
        if raw[:8].lower().startswith(("http://", "https://")):  # only when named: issue 11
            from oer_meta.harvesting import RemoteDocument

            sources.append(RemoteDocument(raw))
            continue
        if raw == "-":
            data = _stdin_bytes()
            if data is None:
                _say(said("standard input is closed: nothing to read from '-'"))
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
                _say(said("no such file or folder: {path}", path=shown))
            bad = True
        elif path.is_dir() and (why := _unlistable(path)) is not None:
            _say(said("cannot read folder {path}: {why}", path=shown, why=why))  # exit 2
            bad = True
        elif path.is_dir() and next(walk(path), None) is None:
            _say(said("no metadata files found in {path}", path=shown))
            bad = True
        else:
            sources.append(path)
    return sources, bad


def _unlistable(folder: Path) -> str | None:
    """Why a folder named on the command line cannot be listed, or ``None``."""
    try:
        with os.scandir(folder):
            return None
    except OSError as exc:
        return exc.strerror or str(exc)


def _broken_link(path: Path, shown: str) -> str:
    """Why a symbolic link names no file: it loops, or its target is missing."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return said("{path}: a symbolic link that loops (it leads back to itself)", path=shown)
    try:
        from oer_meta.readers.dispatch import display_name

        target = display_name(path.readlink())
    except OSError:
        target = "?"
    return said(
        "{path}: a dangling symbolic link (it points to {target}, which does not exist)",
        path=shown,
        target=target,
    )


#: The language of the lines said on stderr: ``--lang`` or the configuration's
#: ``language`` once known (English before, and for arguments argparse rejects).
_SAY_LANG = {"lang": "en", "given": ""}


def _say(message: str) -> None:
    """One line on stderr; a message made with ``said`` is rendered in the run's language."""
    text = message.message.render(_SAY_LANG["lang"]) if isinstance(message, Said) else message
    print(f"oer-meta: {text}", file=sys.stderr, flush=True)


def _error_text(exc: OerMetaError) -> str:
    """What an error says: its ``said`` message (translatable) when it has one."""
    if len(exc.args) == 1 and isinstance(exc.args[0], Said):
        return exc.args[0]
    return str(exc)


def _unreadable(item: Unreadable) -> str:
    """The line that names an input ``attribution``/``convert`` cannot read: its place,
    as a ``ReadError`` names it, then the reader's reason (rendered in the run's language)."""
    loc = item.location
    where = str(ReadError("", source=loc.file, line=loc.line, column=loc.column))
    where = where.removesuffix(": ")
    return said("{where}: {reason}", where=where, reason=item.message)


def _deleted(record_id: str | None) -> str:
    """The line that says a deleted record was skipped (named when it has an id)."""
    if record_id:
        return said("skipped deleted record {record}", record=record_id)
    return said("skipped deleted record")


def _command_language(args: argparse.Namespace) -> str:
    """``--lang`` of ``rules``/``rule``, else the configuration's ``language`` (a
    configuration that cannot be read leaves English: these commands read no input)."""
    if args.lang:
        return str(args.lang)
    from oer_meta.config import Discovery

    with contextlib.suppress(OerMetaError, OSError):
        return Discovery().for_folder(Path.cwd()).language or "en"
    return "en"


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


def _formatter(args: argparse.Namespace, out: TextIO) -> Formatter:
    """The report's formatter; the text one with the output flags."""
    from oer_meta.report.formatters import make_formatter
    from oer_meta.report.formatters.text import TextFormatter

    if args.output == "text":
        return TextFormatter(
            out,
            quiet=args.quiet,
            statistics=args.statistics,
            show_infos=args.show_infos,
            color=args.color,
        )
    return make_formatter(args.output, out)


def _text_only_flags(args: argparse.Namespace) -> str | None:
    """The text-only flags given with another format (an error: they would do nothing)."""
    if args.output == "text":
        return None
    given = [
        flag
        for flag, value in (
            ("--quiet", args.quiet),
            ("--statistics", args.statistics),
            ("--show-infos/--hide-infos", args.show_infos is not None),
        )
        if value
    ]
    if not given:
        return None
    if len(given) == 1:
        return said(
            "{flag} shapes the text output only, not --format {format}",
            flag=given[0],
            format=args.output,
        )
    return said(
        "{flags} shape the text output only, not --format {format}",
        flags=joined(", ", given),
        format=args.output,
    )


def _validate(args: argparse.Namespace) -> int:
    from oer_meta.checks.registry import plugin_failures
    from oer_meta.config import Discovery, describe
    from oer_meta.interrupts import DeferredInterrupt
    from oer_meta.report.formatters import RunInfo
    from oer_meta.report.formatters.text import internal_error_line
    from oer_meta.report.results import Tally

    if getattr(args, "dask_scheduler", None) and "dask_client" not in vars(args):
        return _validate_on_dask(args)
    discovery = Discovery(config=args.config, isolated=args.isolated)
    here = discovery.for_folder(Path.cwd())  # run-wide defaults, as ruff reads them
    _configured_defaults(args, here)
    _SAY_LANG["lang"] = args.lang
    misuse = _text_only_flags(args)
    if misuse is not None:
        _say(misuse)
        return EXIT_USAGE
    flags = {
        "profile": args.profile,
        "select": _split(args.select),
        "ignore": _split(args.ignore),
        "extend_select": _split(args.extend_select),
        "fail_on": args.fail_on,
    }
    first = here.build_profile(**flags)  # wrong selectors fail before input is read
    for failure in plugin_failures():
        _say(failure)
    harvesting = args.command == "harvest"
    sources, bad_paths = ([_harvest_source(args)], False) if harvesting else _sources(args.paths)
    groups = _groups(discovery, sources, here, args.force_exclude)
    for settings, _ in groups:  # the format named by every file in use is one that exists
        if settings.format is not None:
            settings.check_choice("format", settings.format, _choices("output"))
    if args.show_settings:
        for settings, group in groups or [(here, [])]:
            profile = settings.build_profile(**flags)
            sys.stdout.write(describe(settings, profile, len(group), lang=args.lang))
        return EXIT_USAGE if bad_paths else EXIT_OK
    if not sources:
        return EXIT_USAGE
    runs = [
        (
            settings,
            _run_class(args)(
                settings.build_profile(**flags),
                format=args.input_format,
                limits=_limits(args, settings),
                lang=args.lang,
                jobs=1 if harvesting else _jobs_of(args, here),  # pages come in order
            ),
            group,
        )
        for settings, group in groups
    ]
    if runs:
        first = runs[0][1].profile
    out = _output(args.output_file)
    formatter = _formatter(args, out)
    progress = _Progress(args.progress, out)
    tally = Tally(first.fail_on)
    failing = [Tally(run.profile.fail_on) for _, run, _ in runs]
    info = RunInfo(
        profile=first.name,
        fail_on=first.fail_on,
        show_hints=args.show_hints,
        lang=args.lang,
        rules=tuple((r, first.severity_of(r)) for r in first.rules()),
    )
    interrupted = False
    with DeferredInterrupt() as interrupts:
        try:
            with interrupts.atomic():
                formatter.start(info)
            for (settings, run, group), own in zip(runs, failing, strict=True):
                for result in run.results(group):
                    result.findings = [
                        f for f in result.findings if settings.keeps(f.rule, result.source)
                    ]
                    with interrupts.atomic():  # counted and written whole, or not at all
                        tally.add(result)
                        own.add(result)
                        formatter.result(result)
                        progress.tick()
                        for error in result.internal_errors:
                            _say(internal_error_line(error, result.source, args.lang).plain)
                for item in run.iter_batch_findings():  # written as they come
                    if item.finding is not None and not settings.keeps(
                        item.finding.rule, item.source
                    ):
                        continue
                    with interrupts.atomic():
                        tally.add_batch([item])
                        own.add_batch([item])
                        formatter.batch([item])
        except KeyboardInterrupt:
            interrupted = True
        progress.close()
        with interrupts.atomic():
            formatter.finish(tally, interrupted=interrupted)
    if out is not sys.stdout:
        out.close()
    if interrupted:
        _say(
            said("interrupted after {count} records; the report covers those", count=tally.records)
        )
        return EXIT_INTERRUPTED
    if tally.internal_errors:
        return EXIT_INTERNAL
    if tally.records == 0 and harvesting:
        _say(
            said(
                "the harvest holds no records (the repository answered noRecordsMatch, or "
                "sent none)"
            )
        )
    elif tally.records == 0:
        _say(said("no input found"))
        return EXIT_USAGE
    if bad_paths:
        return EXIT_USAGE
    return EXIT_OK if all(own.ok for own in failing) else EXIT_FINDINGS


def _configured_defaults(args: argparse.Namespace, here: Settings) -> None:
    """``--format`` and ``--lang`` from the configuration when not given (checked against
    the choices the options offer, naming the file)."""
    for key, dest, default in (("format", "output", "text"), ("language", "lang", "en")):
        configured = getattr(here, key)
        if configured is not None:
            here.check_choice(key, configured, _choices(dest))
        if getattr(args, dest) is None:
            setattr(args, dest, configured or default)


def _choices(dest: str) -> list[str]:
    """The values ``oer-meta validate``'s option ``dest`` accepts."""
    val = _command_parser(_parser(), "validate")
    action = next(a for a in val._actions if a.dest == dest)
    return [str(choice) for choice in action.choices or ()]


def _groups(
    discovery: Discovery, sources: list[Source], here: Settings, force_exclude: bool
) -> list[tuple[Settings, list[Source]]]:
    """The inputs grouped by the configuration that applies to them, in the order met:
    folders walked with their configurations' globs, standard input with ``here``."""
    grouped: dict[int, tuple[Settings, list[Source]]] = {}
    seen: set[tuple[int, int]] = set()  # a file met twice is checked once, in one group
    for source in sources:
        if isinstance(source, Path):
            for path in discovery.files([source], force_exclude=force_exclude):
                with contextlib.suppress(OSError, ValueError):
                    info = path.stat()
                    if (info.st_dev, info.st_ino) in seen:
                        continue
                    seen.add((info.st_dev, info.st_ino))
                settings = discovery.for_path(path)
                grouped.setdefault(id(settings), (settings, []))[1].append(path)
        else:
            grouped.setdefault(id(here), (here, []))[1].append(source)
    return list(grouped.values())


def _rules(args: argparse.Namespace) -> int:
    from oer_meta.checks.registry import all_rules
    from oer_meta.docgen import fixable, rules_markdown

    rules = all_rules()
    lang = _command_language(args)
    if args.write_docs:
        from oer_meta.docgen import write_docs

        for path in write_docs(Path(args.write_docs)):
            print(f"wrote {path}" if path.exists() else f"removed {path}")
    elif args.output == "markdown":
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
                "fixable": fixable(r),
                "formats": list(r.formats),
                "kind": r.kind,
            }
            for r in rules
        ]
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        for r in rules:
            areas = ",".join(str(int(a)) for a in r.areas)
            summary = r.summary_in(lang)
            print(f"{r.code:8} {r.name:30} {r.severity.value:8} [{areas}] {summary}")
    return EXIT_OK


def _one_source(path: str) -> Source | None:
    """The one input of ``attribution`` and ``convert``: standard input for ``-``, else
    the path; None (after saying why) when it cannot be used."""
    from oer_meta.readers.dispatch import display_name

    if path == "-":
        data = _stdin_bytes()
        if data is None:
            _say(said("standard input is closed: nothing to read from '-'"))
        return data
    if not Path(path).exists():
        _say(said("no such file or folder: {path}", path=display_name(path)))
        return None
    return Path(path)


def _attribution(args: argparse.Namespace) -> int:
    """One attribution line per record on standard output; unreadable input is named
    on standard error and makes the exit code 2, after the lines of the records read."""
    from oer_meta.knowledge.attribution import attribution
    from oer_meta.readers import Unreadable, iter_source

    lang = _command_language(args)
    _SAY_LANG["lang"] = lang if lang in ("en", "fr") else "en"  # the line may be de/es
    source = _one_source(args.path)
    if source is None:
        return EXIT_USAGE
    records = unreadable = 0
    for item in iter_source(source):
        if isinstance(item, Unreadable):
            unreadable += 1
            _say(_unreadable(item))
            continue
        records += 1
        if item.deleted:
            _say(_deleted(item.record_id))
            continue
        print(attribution(item, lang=lang, format=args.as_format), flush=True)
    if records == 0 and unreadable == 0:
        _say(said("no record found in {path}", path=args.path))
    return EXIT_USAGE if unreadable or records == 0 else EXIT_OK


def _convert(args: argparse.Namespace) -> int:
    """Convert each live record of one file (docs/crosswalks.md).  One record: one
    document, on standard output or in ``--output``.  Several: JSON Lines for
    ``jsonld``; for XML targets ``--output`` names a folder that gets one file per
    record.  Every value not written is one line on standard error; unreadable input is
    named there too and makes the exit code 2."""
    from oer_meta.readers import Unreadable, iter_source
    from oer_meta.writers import Conversion, write

    _SAY_LANG["lang"] = _command_language(args)
    source = _one_source(args.path)
    if source is None:
        return EXIT_USAGE
    done: list[Conversion] = []
    unreadable = 0
    for item in iter_source(source, input_format=args.input_format):
        if isinstance(item, Unreadable):
            unreadable += 1
            _say(_unreadable(item))
        elif item.deleted:
            _say(_deleted(item.record_id))
        else:
            done.append(write(item, args.to))
    if not done:
        if not unreadable:
            _say(said("no record found in {path}", path=args.path))
        return EXIT_USAGE
    many = len(done) > 1
    if many and args.to != "jsonld" and args.output is None:
        _say(
            said(
                "{path} holds {count} records: give --output FOLDER to write one {target} "
                "file per record",
                path=args.path,
                count=len(done),
                target=args.to,
            )
        )
        return EXIT_USAGE
    for number, conversion in enumerate(done, 1):
        name = conversion.record_id or said("record {number}", number=number)
        for dropped in conversion.dropped:
            _say(
                said(
                    "{name}: not written in {target}: {dropped}",
                    name=name,
                    target=args.to,
                    dropped=dropped.message(),
                )
            )
    if many and args.to != "jsonld":
        folder = Path(args.output)
        folder.mkdir(parents=True, exist_ok=True)
        stem = Path(args.path).stem if args.path != "-" else "stdin"
        for number, conversion in enumerate(done, 1):
            (folder / f"{stem}-{number:04d}.xml").write_text(conversion.text, encoding="utf-8")
        return EXIT_USAGE if unreadable else EXIT_OK
    if many:  # JSON Lines: one compact document per line
        text = "".join(json.dumps(json.loads(c.text), ensure_ascii=False) + "\n" for c in done)
    else:
        text = done[0].text
    if args.output is None:
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return EXIT_USAGE if unreadable else EXIT_OK


def _fix(args: argparse.Namespace) -> int:
    """``oer-meta fix``: 0 when nothing was left to change (or all was fixed), 1 with
    ``--diff`` when a file would change, 2 when a path cannot be used."""
    from oer_meta.fixes import fix, fixable_selection
    from oer_meta.readers.dispatch import display_name, expand

    _SAY_LANG["lang"] = _command_language(args)
    select, ignore = _split(args.select), _split(args.ignore)
    fixable_selection(select or None, ignore)  # an unknown code is a usage error up front
    sources, bad = _sources(args.paths)
    applied = changed = left = 0
    for source in expand(sources):
        if not isinstance(source, (bytes, Path)):
            continue
        result = fix(source, select=select or None, ignore=ignore, dry_run=args.diff)
        name = "-" if isinstance(source, bytes) else display_name(str(source))
        applied += len(result.applied)
        left += len(result.skipped)
        changed += result.changed
        if args.diff:
            sys.stdout.write(result.diff())
            continue
        if isinstance(source, bytes):
            sys.stdout.buffer.write(result.fixed)
            continue
        for done in result.applied:
            print(f"{name}:{done.line}: {done.code} {done.old!r} → {done.new!r}")
    counts: dict[str, Param] = {
        "values": msgn("{count} value", "{count} values", applied),
        "files": msgn("{count} file", "{count} files", changed),
        "left": msgn(
            "{count} finding of fixable rules left", "{count} findings of fixable rules left", left
        ),
    }
    if args.diff:
        _say(said("would fix {values} in {files}; {left}", **counts))
    else:
        _say(said("fixed {values} in {files}; {left}", **counts))
    if bad:
        return EXIT_USAGE
    return EXIT_FINDINGS if args.diff and changed else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = _parser()
    given = _argv_language(sys.argv[1:] if argv is None else argv)
    _SAY_LANG["lang"] = given or "en"  # until this run's configuration says otherwise
    _SAY_LANG["given"] = given or ""
    args, extra = parser.parse_known_args(argv)
    if extra:  # say it with the usage of the sub-command, not of oer-meta as a whole
        _command_parser(parser, args.command).error(
            said("unrecognized arguments: {names}", names=" ".join(extra))
        )
    if getattr(args, "lang", None) in ("en", "fr"):  # said before a configuration is read
        _SAY_LANG["lang"] = args.lang
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
        _say(said("internal error (a bug in oer-meta; please report it with this trace):"))
        traceback.print_exc()
        return EXIT_INTERNAL


def _main(args: argparse.Namespace) -> int:
    try:
        if args.command in ("validate", "harvest"):
            return _validate(args)
        if args.command == "rules":
            return _rules(args)
        if args.command == "rule":
            import shutil

            from oer_meta.checks.registry import get_rule
            from oer_meta.docgen import rule_text

            width = min(shutil.get_terminal_size().columns, 100) - 1
            lang = _SAY_LANG["lang"] = _command_language(args)
            sys.stdout.write(rule_text(get_rule(args.code), width=width, lang=lang))
            return EXIT_OK
        if args.command == "attribution":
            return _attribution(args)
        if args.command == "convert":
            return _convert(args)
        if args.command == "fix":
            return _fix(args)
        if args.command == "profiles":
            from oer_meta.profiles import builtin_profiles, load_profile

            lang = _SAY_LANG["lang"] = _command_language(args)
            for name in builtin_profiles():  # a built-in description is a msgid
                print(f"{name:12} {marked(load_profile(name).description).render(lang)}")
            return EXIT_OK
    except OerMetaError as exc:
        _say(_error_text(exc))
        return EXIT_USAGE
    return EXIT_USAGE


def _dask_option(val: argparse.ArgumentParser) -> None:
    """``--dask-scheduler ADDRESS``: check on a Dask cluster (issue 11 §3; docs/dask.md)."""
    val.add_argument(
        "--dask-scheduler",
        default=None,
        metavar="ADDRESS",
        help="check on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786), or "
        "on a local cluster of one worker process per core with 'local'; the report is the "
        "same, in the same order; needs the dask extra (pip install 'oer-meta[dask]'); "
        "--jobs is then not used",
    )


def _validate_on_dask(args: argparse.Namespace) -> int:
    """``--dask-scheduler``: connect (or start a local cluster), run :func:`_validate`
    with :class:`oer_meta.dask.DaskRun`, then close what was opened."""
    import importlib

    try:
        on_dask = importlib.import_module("oer_meta.dask")
    except ImportError:
        _say(said("--dask-scheduler needs the dask extra: pip install 'oer-meta[dask]'"))
        return EXIT_USAGE
    try:
        connection = on_dask.connect(args.dask_scheduler)
    except (OSError, TimeoutError, ValueError) as exc:
        _say(
            said(
                "cannot reach the Dask scheduler at {address}: {error}",
                address=args.dask_scheduler,
                error=str(exc),
            )
        )
        return EXIT_USAGE
    with connection as client:
        args.dask_client = client
        return _validate(args)


def _run_class(args: argparse.Namespace) -> Any:
    """What runs the checks: :class:`~oer_meta.engine.ValidationRun`, or its Dask form
    once :func:`_validate_on_dask` has connected."""
    client = getattr(args, "dask_client", None)
    if client is None:
        from oer_meta.engine import ValidationRun

        return ValidationRun
    from functools import partial

    from oer_meta.dask import DaskRun

    return partial(DaskRun, client=client)
