"""Text output for people: each finding on its own line as soon as its record is
checked, a summary per action area at the end.

Each finding is one line, ``path:line: CODE [areas] severity: message``, so editors and
terminals can jump to it.  Colour is used only when writing to a terminal (rich decides,
and honours ``NO_COLOR``); elsewhere (a pipe, a file, CI logs) the lines are written as
plain text straight to the stream, since rich's rendering of a line cost more than
checking its record.  Control characters in file names and messages are shown
escaped, so a hostile file name cannot drive the terminal.
"""

from __future__ import annotations

import re
from typing import TextIO

from rich.console import Console
from rich.text import Text

from oer_meta.areas import ActionArea
from oer_meta.internal import InternalError
from oer_meta.report.formatters.base import RunInfo
from oer_meta.report.results import BatchFinding, Finding, RecordResult, Tally
from oer_meta.severity import Severity

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """``text`` with control characters (ESC, CR, NUL...) written as escapes."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _where(finding: Finding, source: str | None) -> str:
    file = printable(finding.location.file or source or "<input>")
    if finding.location.line is not None:
        return f"{file}:{finding.location.line}:"
    return f"{file}:"


def finding_line(finding: Finding, source: str | None) -> Text:
    """One finding as a styled line."""
    areas = ",".join(str(int(a)) for a in finding.areas)
    line = Text()
    line.append(_where(finding, source), style="bold")
    line.append(" ")
    line.append(finding.rule, style=_STYLE[finding.severity])
    line.append(f" [{areas}] ")
    line.append(f"{finding.severity.value}: ", style=_STYLE[finding.severity])
    line.append(printable(" ".join(finding.message.split("\n"))))
    return line


def internal_error_line(error: InternalError, source: str | None) -> Text:
    """One internal error as a styled line: it is oer_meta's bug, said so."""
    loc = error.location
    where = printable((loc.file if loc else None) or source or "<input>")
    if loc is not None and loc.line is not None:
        where += f":{loc.line}"
    line = Text(f"{where}: ", style="bold")
    line.append(f"{error.code} ", style="bold magenta")
    line.append(printable(f"{error.describe()}; this is a bug in oer-meta, please report it"))
    return line


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class TextFormatter:
    """Findings as lines, grouped under a header per file, written as results come."""

    def __init__(self, stream: TextIO) -> None:
        self._console = Console(
            file=stream, highlight=False, markup=False, emoji=False, soft_wrap=True
        )
        self._stream = stream
        #: no terminal, no colour: rich would print the plain text anyway
        self._plain = not self._console.is_terminal
        self._file: object = object()  # the file whose header was printed last
        self._batch_started = False

    def _print(self, line: Text | None = None) -> None:
        if line is None:
            self._stream.write("\n")
        elif self._plain:
            self._stream.write(line.plain + "\n")
        else:
            self._console.print(line)

    def start(self, info: RunInfo) -> None:
        self._info = info

    def _header(self, source: str | None) -> None:
        if source != self._file:
            self._file = source
            self._print(Text(printable(source or "<input>"), style="bold underline"))

    def _finding(self, finding: Finding, source: str | None) -> None:
        self._print(finding_line(finding, source))
        if self._info.show_hints and finding.hint:
            self._print(Text(f"    hint: {printable(finding.hint)}", style="dim"))

    def result(self, result: RecordResult) -> None:
        self._header(result.source)
        for finding in result.findings:
            self._finding(finding, result.source)
        for error in result.internal_errors:
            self._print(internal_error_line(error, result.source))

    def batch(self, found: list[BatchFinding]) -> None:
        if not found:
            return
        if not self._batch_started:  # the heading once, before the first batch finding
            self._print(Text("across the batch", style="bold underline"))
            self._batch_started = True
        for item in found:
            if item.finding is not None:
                self._finding(item.finding, item.source)
            if item.internal_error is not None:
                self._print(internal_error_line(item.internal_error, None))

    def finish(self, tally: Tally, *, interrupted: bool = False) -> None:
        summary = tally.to_dict()
        self._print()
        if interrupted:
            self._print(
                Text(
                    "interrupted: the summary covers the records checked so far",
                    style="bold yellow",
                )
            )
        ok = tally.ok
        verdict = Text("ok" if ok else "failed", style="bold green" if ok else "bold red")
        records = _plural(summary["records"], "record")
        extra = [
            f"{summary[key]} {label}"
            for key, label in (("deleted", "deleted"), ("unreadable", "unreadable"))
            if summary[key]
        ]
        if extra:
            records += f" ({', '.join(extra)})"
        verdict.append(
            f": {records}, {_plural(summary['errors'], 'error')}, "
            f"{_plural(summary['warnings'], 'warning')}, {_plural(summary['infos'], 'info')} "
            f"(profile {self._info.profile}, failing on {self._info.fail_on.value})",
            style="",
        )
        self._print(verdict)
        if tally.internal_errors:
            self._print(
                Text(
                    f"{_plural(tally.internal_errors, 'internal error')}: bugs in oer-meta, "
                    "not in the records; please report them",
                    style="bold magenta",
                )
            )
        self._print(Text("Findings by UNESCO action area:", style="bold"))
        for area in ActionArea:
            count = summary["by_area"][str(int(area))]
            self._print(Text(f"  {int(area)} {area.title(self._info.lang)}: {count}"))
        self._stream.flush()
