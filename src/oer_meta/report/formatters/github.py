"""GitHub Actions workflow commands: one annotation per finding, as results come.

Each finding is a line ``::error file=…,line=…,col=…,title=CODE name::message``
(``::warning`` for warnings, ``::notice`` for infos); ``file`` is the path relative to
the current directory (where the workflow checked out the repository), ``line`` and
``col`` are given when known.  The message is escaped as the runner expects (``%`` as
``%25``, CR and LF as ``%0D`` and ``%0A``), property values too, with ``:`` and ``,``
as ``%3A`` and ``%2C``; other control characters and lone surrogates are written as
visible escapes, so a record cannot issue a command of its own.  Internal errors are
``::error`` lines titled ``INTERNAL``; the run ends with a plain summary line.
"""

from __future__ import annotations

import contextlib
import os
import re
from typing import TextIO

from oer_meta.i18n import msg
from oer_meta.internal import InternalError
from oer_meta.report.formatters.base import RunInfo
from oer_meta.report.formatters.text import bug_message, counted, printable
from oer_meta.report.results import BatchFinding, Finding, RecordResult, Tally
from oer_meta.severity import Severity

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """A command's message as the runner reads it back."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    text = printable(text)
    return _SURROGATE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def escape_property(text: str) -> str:
    """A command's property value (file, title) as the runner reads it back."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def relative(path: str) -> str:
    """``path`` relative to the current directory, with ``/`` separators; kept as given
    when it cannot be (another drive)."""
    with contextlib.suppress(ValueError):
        path = os.path.relpath(path)
    return path.replace(os.sep, "/")


def command(
    kind: str,
    message: str,
    *,
    file: str | None = None,
    line: int | None = None,
    col: int | None = None,
    title: str | None = None,
) -> str:
    """One workflow command line (without its newline)."""
    props = []
    if file is not None:
        props.append(f"file={escape_property(relative(file))}")
    if line is not None:
        props.append(f"line={line}")
        if col is not None:
            props.append(f"col={col}")
    if title is not None:
        props.append(f"title={escape_property(title)}")
    head = f"::{kind} {','.join(props)}" if props else f"::{kind}"
    return f"{head}::{escape_data(message)}"


class GitHubFormatter:
    """Workflow command lines, one per finding and internal error, then a summary."""

    def __init__(self, stream: TextIO) -> None:
        self._out = stream

    def start(self, info: RunInfo) -> None:
        self._info = info

    def _finding(self, finding: Finding, source: str | None) -> None:
        loc = finding.location
        message = finding.message
        if self._info.show_hints and finding.hint:
            message += "\n" + msg("hint: {hint}", hint=finding.hint).render(self._info.lang)
        line = command(
            _COMMAND[finding.severity],
            message,
            file=loc.file or source,
            line=loc.line,
            col=loc.column,
            title=f"{finding.rule} {finding.name}",
        )
        self._out.write(line + "\n")

    def _internal(self, error: InternalError, source: str | None) -> None:
        loc = error.location
        line = command(
            "error",
            bug_message(error, self._info.lang),
            file=(loc.file if loc else None) or source,
            line=loc.line if loc else None,
            title=error.code,
        )
        self._out.write(line + "\n")

    def result(self, result: RecordResult) -> None:
        for finding in result.findings:
            self._finding(finding, result.source)
        for error in result.internal_errors:
            self._internal(error, result.source)

    def batch(self, found: list[BatchFinding]) -> None:
        for item in found:
            if item.finding is not None:
                self._finding(item.finding, item.source)
            if item.internal_error is not None:
                self._internal(item.internal_error, None)

    def finish(self, tally: Tally, *, interrupted: bool = False) -> None:
        s = tally.to_dict()
        lang = self._info.lang
        said = msg(
            "oer-meta: {verdict}: {records}, {errors}, {warnings}, {infos} (profile "
            "{profile}, failing on {fail_on})",
            verdict=msg("ok") if tally.ok else msg("failed"),
            records=counted(s["records"], "record"),
            errors=counted(s["errors"], "error"),
            warnings=counted(s["warnings"], "warning"),
            infos=counted(s["infos"], "info"),
            profile=self._info.profile,
            fail_on=self._info.fail_on.value,
        )
        if tally.internal_errors:
            said = msg(
                "{summary}; {errors}",
                summary=said,
                errors=counted(tally.internal_errors, "internal error"),
            )
        if interrupted:
            said = msg(
                "{summary}; interrupted: the summary covers the records checked so far",
                summary=said,
            )
        line = said.render(lang)
        self._out.write(printable(line) + "\n")
        self._out.flush()
