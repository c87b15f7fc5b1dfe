"""GitLab Code Quality: a JSON array of issues, streamed, one issue per line.

GitLab reads the report a job names under ``artifacts:reports:codequality`` and shows
the issues a merge request adds or fixes by comparing their ``fingerprint`` between the
two pipelines, so a fingerprint must stay the same from run to run for the same
finding, and must differ between two findings of one run.  It is the SHA-256 (hex) of
the rule code, the file path relative to the current directory, the record (its
identifier, else its index in the file), the place in the record (XPath or JSON
Pointer, else the field), the message, and an occurrence number among findings sharing
all of these; the line is left out, so a finding keeps its fingerprint when lines above
it are added or removed.

Severities: ``info`` → ``info``, ``warning`` → ``minor``, ``error`` → ``major``; an
internal error (a bug in oer-meta) is a ``critical`` issue with check name
``INTERNAL``.  GitLab needs a path and a line: standard input is ``-`` and an unknown
line is ``1``.  The array is closed by :meth:`GitLabFormatter.finish`, also after
Ctrl-C, so the document stays valid; the run's totals are not part of the format.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any, TextIO

from oer_meta.internal import InternalError
from oer_meta.model import Location
from oer_meta.report.formatters.base import RunInfo
from oer_meta.report.formatters.github import relative
from oer_meta.report.formatters.json_report import _line
from oer_meta.report.formatters.text import bug_message
from oer_meta.report.results import BatchFinding, Finding, RecordResult, Tally
from oer_meta.severity import Severity

#: Code Quality's severities for oer_meta's
SEVERITIES = {Severity.INFO: "info", Severity.WARNING: "minor", Severity.ERROR: "major"}
#: the severity of an internal error (oer-meta crashed: the report is incomplete)
INTERNAL_SEVERITY = "critical"
#: the path given for input without a file (standard input)
NO_FILE = "-"


def fingerprint(*parts: str | None) -> str:
    """A stable identity for an issue: SHA-256 of its parts, each marked as present or
    absent and separated by a character no part holds."""
    digest = hashlib.sha256()
    for part in parts:
        text = "\x00" if part is None else "\x01" + part
        digest.update(text.encode("utf-8", "surrogatepass") + b"\x1f")
    return digest.hexdigest()


class GitLabFormatter:
    """A Code Quality report: one JSON array, an issue written as each one comes."""

    def __init__(self, stream: TextIO) -> None:
        self._out = stream
        self._count = 0
        self._seen: Counter[str] = Counter()

    def start(self, info: RunInfo) -> None:
        self._info = info
        self._out.write("[")

    def _write(self, issue: dict[str, Any]) -> None:
        self._out.write((",\n  " if self._count else "\n  ") + _line(issue))
        self._count += 1

    def _unique(self, base: str) -> str:
        """``base``, or a distinct fingerprint when the run already gave it."""
        seen = self._seen[base]
        self._seen[base] += 1
        return base if not seen else fingerprint(base, str(seen))

    def _issue(
        self,
        check: str,
        severity: str,
        description: str,
        loc: Location,
        source: str | None,
        record: str,
        extra: str | None,
        body: str | None,
    ) -> dict[str, Any]:
        file = loc.file or source
        path = relative(file) if file else NO_FILE
        base = fingerprint(check, path, record, loc.path or extra, description)
        issue: dict[str, Any] = {
            "type": "issue",
            "check_name": check,
            "description": description,
            "severity": severity,
            "fingerprint": self._unique(base),
            "location": {
                "path": path,
                "lines": {"begin": loc.line if loc.line is not None and loc.line >= 1 else 1},
            },
            "engine_name": "oer-meta",
        }
        if body:
            issue["content"] = {"body": body}
        return issue

    def _finding(self, finding: Finding, source: str | None, record: str) -> None:
        self._write(
            self._issue(
                finding.rule,
                SEVERITIES[finding.severity],
                finding.message,
                finding.location,
                source,
                record,
                finding.field,
                finding.hint,
            )
        )

    def _internal(self, error: InternalError, source: str | None, record: str) -> None:
        description = bug_message(error, self._info.lang)
        self._write(
            self._issue(
                error.code,
                INTERNAL_SEVERITY,
                description,
                error.location or Location(),
                source,
                record,
                error.component,
                None,
            )
        )

    def result(self, result: RecordResult) -> None:
        record = result.record_id or f"#{result.index}"
        for finding in result.findings:
            self._finding(finding, result.source, record)
        for error in result.internal_errors:
            self._internal(error, result.source, record)

    def batch(self, found: list[BatchFinding]) -> None:
        for item in found:
            record = item.record_id or f"#{item.index}"
            if item.finding is not None:
                self._finding(item.finding, item.source, record)
            if item.internal_error is not None:
                self._internal(item.internal_error, item.source, record)

    def finish(self, tally: Tally, *, interrupted: bool = False) -> None:
        self._out.write("\n]\n" if self._count else "]\n")
        self._out.flush()
