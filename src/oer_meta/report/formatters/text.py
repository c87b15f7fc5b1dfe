"""Text output for people: each finding on its own line as soon as its record is
checked, a summary per action area at the end.

Each finding is one line, ``path:line:column: CODE [areas] severity: message``, so
editors and terminals can jump to it; a record's findings are sorted by position (line,
column, code) while the records themselves stay in input order, streamed.  Colour is
used only when writing to a terminal and ``NO_COLOR`` is unset or empty (or when asked
for with ``color="always"``); elsewhere (a pipe, a file, CI logs) the lines are written
as plain text straight to the stream, since rich's rendering of a line cost more than
checking its record.  Control characters in file names and messages are shown
escaped, so a hostile file name cannot drive the terminal.

Infos are hidden when more than one record is checked (a clean harvest would print
thousands of them) unless ``show_infos=True``: the first result is held back until the
second arrives or the run ends, so the choice costs one record of memory.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from typing import Literal, TextIO

from rich.console import Console
from rich.text import Text

from oer_meta.areas import ActionArea
from oer_meta.i18n import N_, Message, joined, msg, msgn, translate
from oer_meta.internal import InternalError
from oer_meta.report.formatters.base import RunInfo
from oer_meta.report.formatters.columns import ColumnFinder
from oer_meta.report.results import BatchFinding, Finding, RecordResult, Tally
from oer_meta.severity import Severity

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
#: The severity word before a message: human text, translated (the JSON report's
#: ``severity`` values stay English in every language: they are the pinned API).
_LABEL = {
    Severity.ERROR: N_("error:"),
    Severity.WARNING: N_("warning:"),
    Severity.INFO: N_("info:"),
}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """``text`` with control characters (ESC, CR, NUL...) written as escapes."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _where(finding: Finding, source: str | None, column: int | None) -> str:
    file = printable(finding.location.file or source or "<input>")
    line = finding.location.line
    if line is None:
        return f"{file}:"
    if column is not None:
        return f"{file}:{line}:{column}:"
    return f"{file}:{line}:"


def severity_label(severity: Severity, lang: str = "en") -> str:
    """``error:``, ``warning:``, ``info:`` in ``lang`` (French: ``erreur :``...)."""
    return translate(_LABEL[severity], lang)


def bug_message(error: InternalError, lang: str = "en") -> str:
    """An internal error's one-line description, said to be oer-meta's bug."""
    return msg(
        "{error}; this is a bug in oer-meta, please report it", error=error.describe()
    ).render(lang)


def finding_line(
    finding: Finding, source: str | None, column: int | None = None, lang: str = "en"
) -> Text:
    """One finding as a styled line (``column``: the finding's own, else one worked
    out by the formatter); the severity word in ``lang``."""
    areas = ",".join(str(int(a)) for a in finding.areas)
    line = Text()
    line.append(_where(finding, source, finding.location.column or column), style="bold")
    line.append(" ")
    line.append(finding.rule, style=_STYLE[finding.severity])
    line.append(f" [{areas}] ")
    line.append(severity_label(finding.severity, lang) + " ", style=_STYLE[finding.severity])
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
    line.append(printable(bug_message(error, lang)))
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


ColorMode = Literal["auto", "always", "never"]


def wants_color(stream: TextIO, mode: ColorMode = "auto") -> bool:
    """Whether to colour what goes to ``stream``: ``always``/``never`` as asked; ``auto``
    only on a terminal and when ``NO_COLOR`` is unset or empty (https://no-color.org:
    any non-empty value turns colour off)."""
    if mode != "auto":
        return mode == "always"
    if os.environ.get("NO_COLOR"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _position(finding: Finding) -> tuple[int, int, str]:
    loc = finding.location
    return (loc.line or 0, loc.column or 0, finding.rule)


class TextFormatter:
    """Findings as lines, grouped under a header per file, written as results come.

    ``quiet``: only the records that fail (a finding at or above the fail-on
    severity) and the verdict line.  ``statistics``: a count per rule at the end
    instead of the findings.  ``show_infos``: ``None`` hides infos when more than one
    record is checked; ``True``/``False`` always shows/hides them.
    """

    def __init__(
        self,
        stream: TextIO,
        *,
        quiet: bool = False,
        statistics: bool = False,
        show_infos: bool | None = None,
        color: ColorMode = "auto",
    ) -> None:
        self._stream = stream
        #: no colour: rich would print the plain text anyway, slower
        self._plain = not wants_color(stream, color)
        self._console = Console(
            file=stream,
            highlight=False,
            markup=False,
            emoji=False,
            soft_wrap=True,
            force_terminal=not self._plain,
            no_color=self._plain,
        )
        self._quiet = quiet
        self._statistics = statistics
        self._show_infos = show_infos
        self._file: object = object()  # the file whose header was printed last
        self._batch_started = False
        self._columns = ColumnFinder()
        #: the first result, held until the second arrives or the run ends (to decide
        #: whether infos are shown); ``_results`` counts the results seen
        self._held: RecordResult | None = None
        self._results = 0
        self._hidden = 0

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

    def _infos_shown(self) -> bool:
        if self._show_infos is not None:
            return self._show_infos
        return self._results <= 1

    def _shown(self, findings: Iterable[Finding]) -> list[Finding]:
        """The findings to print, in order of position; the hidden infos are counted."""
        kept = list(findings)
        if not self._infos_shown():
            before = len(kept)
            kept = [f for f in kept if f.severity is not Severity.INFO]
            self._hidden += before - len(kept)
        if self._quiet:
            kept = [f for f in kept if f.severity.at_least(self._info.fail_on)]
        return kept

    def _finding(self, finding: Finding, source: str | None) -> None:
        column = None
        loc = finding.location
        if loc.column is None and loc.line is not None:
            column = self._columns.column(loc.file or source, loc.line, loc.path)
        self._print(finding_line(finding, source, column, self._info.lang))
        if self._info.show_hints and finding.hint:
            hint = msg("    hint: {hint}", hint=finding.hint).render(self._info.lang)
            self._print(Text(printable(hint), style="dim"))

    def result(self, result: RecordResult) -> None:
        self._results += 1
        if self._results == 1 and self._show_infos is None:
            self._held = result  # shown with or without infos once the next one comes
            return
        if self._held is not None:
            held, self._held = self._held, None
            self._write(held)
        self._write(result)

    def _write(self, result: RecordResult) -> None:
        if self._statistics:
            return
        findings = self._shown(sorted(result.findings, key=_position))
        if self._quiet and not findings and not result.internal_errors:
            return
        self._header(result.source)
        for finding in findings:
            self._finding(finding, result.source)
        for error in result.internal_errors:
            self._print(internal_error_line(error, result.source, self._info.lang))

    def batch(self, found: list[BatchFinding]) -> None:
        if self._held is not None:  # the batch findings come after every record
            held, self._held = self._held, None
            self._write(held)
        if not found or self._statistics:
            return
        for item in found:
            shown = self._shown([item.finding]) if item.finding is not None else []
            if not shown and item.internal_error is None:
                continue
            if not self._batch_started:  # the heading once, before the first one shown
                self._print(
                    Text(msg("across the batch").render(self._info.lang), style="bold underline")
                )
                self._batch_started = True
            for finding in shown:
                self._finding(finding, item.source)
            if item.internal_error is not None:
                self._print(internal_error_line(item.internal_error, None, self._info.lang))

    def _statistics_table(self, tally: Tally) -> None:
        """Findings per rule, most frequent first, like ``ruff check --statistics``."""
        names = {rule.code: (rule.name, severity) for rule, severity in self._info.rules}
        counts = sorted(tally.rules.items(), key=lambda item: (-item[1], item[0]))
        width = len(str(counts[0][1])) if counts else 1
        for code, count in counts:
            name, severity = names.get(code, ("", None))
            level = severity.value if severity is not None else ""
            line = Text(f"{count:>{width}}  ")
            line.append(f"{code:8}", style=_STYLE[severity] if severity is not None else "")
            line.append(f" {level:8} {name}".rstrip())
            self._print(line)

    def finish(self, tally: Tally, *, interrupted: bool = False) -> None:
        if self._held is not None:
            held, self._held = self._held, None
            self._write(held)
        if self._statistics:
            self._statistics_table(tally)
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
        if summary["limits_reached"]:
            extra.append(
                msgn(
                    "{count} reached a limit", "{count} reached a limit", summary["limits_reached"]
                )
            )
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
        if self._hidden and not self._quiet:
            self._print(
                Text(
                    msg(
                        "{infos} not shown (more than one record was checked); --show-infos "
                        "shows them",
                        infos=counted(self._hidden, "info"),
                    ).render(lang),
                    style="dim",
                )
            )
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
        if not self._quiet:
            self._print(Text(msg("Findings by UNESCO action area:").render(lang), style="bold"))
            for area in ActionArea:
                count = summary["by_area"][str(int(area))]
                line = msg(
                    "  {number} {title}: {count}",
                    number=int(area),
                    title=area.title(lang),
                    count=count,
                )
                self._print(Text(line.render(lang)))
        self._columns.close()
        self._stream.flush()
