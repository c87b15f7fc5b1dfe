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
from oer_meta.i18n import Message, joined, msg, msgn
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


def internal_error_line(error: InternalError, source: str | None, lang: str = "en") -> Text:
    """One internal error as a styled line: it is oer_meta's bug, said so."""
    loc = error.location
    where = printable((loc.file if loc else None) or source or "<input>")
    if loc is not None and loc.line is not None:
        where += f":{loc.line}"
    line = Text(f"{where}: ", style="bold")
    line.append(f"{error.code} ", style="bold magenta")
    said = msg(
        "{error}; this is a bug in oer-meta, please report it", error=error.describe()
    ).render(lang)
    line.append(printable(said))
    return line


def counted(n: int, word: str) -> Message:
    """``3 errors``: a count and its noun, in each language's plural."""
    if word == "record":
        return msgn("{count} record", "{count} records", n)
    if word == "error":
        return msgn("{count} error", "{count} errors", n)
    if word == "warning":
        return msgn("{count} warning", "{count} warnings", n)
    if word == "info":
        return msgn("{count} info", "{count} infos", n)
    return msgn("{count} internal error", "{count} internal errors", n)


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
            hint = msg("    hint: {hint}", hint=finding.hint).render(self._info.lang)
            self._print(Text(printable(hint), style="dim"))

    def result(self, result: RecordResult) -> None:
        self._header(result.source)
        for finding in result.findings:
            self._finding(finding, result.source)
        for error in result.internal_errors:
            self._print(internal_error_line(error, result.source, self._info.lang))

    def batch(self, found: list[BatchFinding]) -> None:
        if not found:
            return
        if not self._batch_started:  # the heading once, before the first batch finding
            self._print(
                Text(msg("across the batch").render(self._info.lang), style="bold underline")
            )
            self._batch_started = True
        for item in found:
            if item.finding is not None:
                self._finding(item.finding, item.source)
            if item.internal_error is not None:
                self._print(internal_error_line(item.internal_error, None, self._info.lang))

    def finish(self, tally: Tally, *, interrupted: bool = False) -> None:
        summary = tally.to_dict()
        lang = self._info.lang
        self._print()
        if interrupted:
            self._print(
                Text(
                    msg("interrupted: the summary covers the records checked so far").render(lang),
                    style="bold yellow",
                )
            )
        ok = tally.ok
        verdict = Text(
            (msg("ok") if ok else msg("failed")).render(lang),
            style="bold green" if ok else "bold red",
        )
        records: Message = counted(summary["records"], "record")
        extra = [
            msgn("{count} deleted", "{count} deleted", summary["deleted"])
            if key == "deleted"
            else msgn("{count} unreadable", "{count} unreadable", summary["unreadable"])
            for key in ("deleted", "unreadable")
            if summary[key]
        ]
        if extra:
            records = msg("{records} ({details})", records=records, details=joined(", ", extra))
        verdict.append(
            msg(
                ": {records}, {errors}, {warnings}, {infos} (profile {profile}, failing on "
                "{fail_on})",
                records=records,
                errors=counted(summary["errors"], "error"),
                warnings=counted(summary["warnings"], "warning"),
                infos=counted(summary["infos"], "info"),
                profile=self._info.profile,
                fail_on=self._info.fail_on.value,
            ).render(lang),
            style="",
        )
        self._print(verdict)
        if tally.internal_errors:
            self._print(
                Text(
                    msg(
                        "{errors}: bugs in oer-meta, not in the records; please report them",
                        errors=counted(tally.internal_errors, "internal error"),
                    ).render(lang),
                    style="bold magenta",
                )
            )
        self._print(Text(msg("Findings by UNESCO action area:").render(lang), style="bold"))
        for area in ActionArea:
            count = summary["by_area"][str(int(area))]
            line = msg(
                "  {number} {title}: {count}", number=int(area), title=area.title(lang), count=count
            )
            self._print(Text(line.render(lang)))
        self._stream.flush()
