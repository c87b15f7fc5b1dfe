"""Findings, per-record results and reports: what validation returns.

The JSON shape produced by :meth:`Report.to_dict` is a published contract, described by
``schemas/report.schema.json``; extend it, never rename its keys.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict

from oer_meta._version import __version__
from oer_meta.areas import ActionArea
from oer_meta.errors import UsageError
from oer_meta.i18n import said
from oer_meta.internal import InternalError
from oer_meta.model import Location, Record
from oer_meta.report.summary import record_summary
from oer_meta.severity import Severity

__all__ = ["BatchFinding", "Finding", "RecordResult", "Report", "Tally"]

#: The statuses a result can have.
STATUSES = ("checked", "deleted", "unreadable", "internal-error")
#: The rule of a reader or time limit of one record, as ``oer_meta.readers.limits``
#: names it (spelt here so that reports import no reader; a test keeps the two equal).
LIMIT_REACHED = "STD010"


class Finding(BaseModel):
    """One rule failed by one record, with where and why."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: str
    name: str
    severity: Severity
    message: str
    hint: str | None = None
    areas: tuple[ActionArea, ...] = ()
    field: str | None = None
    location: Location = Location()

    def to_dict(self) -> dict[str, Any]:
        """The finding as the JSON report writes it."""
        loc = self.location
        return {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
            "areas": [int(a) for a in self.areas],
            "field": self.field,
            "location": {
                "file": loc.file,
                "line": loc.line,
                "column": loc.column,
                "path": loc.path,
            },
        }


@dataclass
class RecordResult:
    """The outcome of validating one record, or one input that could not be read.

    ``status`` is ``checked``, ``deleted`` (an OAI-PMH deleted-record header: nothing
    to check), ``unreadable`` (the findings say why) or ``internal-error`` (oer_meta's
    own code raised while reading or checking it: ``internal_errors`` says where; the
    findings that were made are kept).  ``record`` is ``None`` for unreadable input.
    """

    source: str | None
    index: int
    format: str
    findings: list[Finding]
    record: Record | None = None
    status: str = "checked"
    internal_errors: list[InternalError] = field(default_factory=list)

    @property
    def record_id(self) -> str | None:
        return self.record.record_id if self.record is not None else None

    def count(self, severity: Severity) -> int:
        """How many findings have exactly this severity."""
        return sum(1 for f in self.findings if f.severity is severity)

    def failed(self, fail_on: Severity = Severity.ERROR) -> bool:
        """True when a finding at or above ``fail_on`` is present."""
        return any(f.severity.at_least(fail_on) for f in self.findings)

    def summary(self) -> dict[str, Any]:
        """The short description of the record written into the JSON report."""
        rec = self.record
        if rec is None:
            return {"title": None, "languages": [], "languages_raw": [], "licences": []}
        return record_summary(rec)

    def to_dict(self) -> dict[str, Any]:
        """The result as the JSON report writes it."""
        return {
            "source": self.source,
            "index": self.index,
            "format": self.format,
            "status": self.status,
            "record_id": self.record_id,
            "record": self.summary(),
            "findings": [f.to_dict() for f in self.findings],
            "internal_errors": [e.to_dict() for e in self.internal_errors],
        }


@dataclass(frozen=True)
class BatchFinding:
    """A finding of a batch rule, tied to its record by source and index (the record's
    result may already have been written when the batch ends)."""

    source: str | None
    index: int
    record_id: str | None
    finding: Finding | None
    #: Set instead of ``finding`` when the batch rule itself crashed.
    internal_error: InternalError | None = None

    @classmethod
    def crash(cls, error: InternalError) -> BatchFinding:
        return cls(source=None, index=-1, record_id=None, finding=None, internal_error=error)

    def to_dict(self) -> dict[str, Any]:
        """The batch finding as the JSON report writes it."""
        data: dict[str, Any] = {
            "source": self.source,
            "index": self.index,
            "record_id": self.record_id,
        }
        if self.finding is not None:
            data.update(self.finding.to_dict())
        if self.internal_error is not None:
            data["internal_error"] = self.internal_error.to_dict()
        return data


class Tally:
    """Counts of a run, kept as results stream past, so that a summary never needs the
    results held: records per status, findings per severity and per action area."""

    def __init__(self, fail_on: Severity = Severity.ERROR) -> None:
        self.fail_on = fail_on
        self.records = 0
        self.statuses: Counter[str] = Counter()
        self.severities: Counter[Severity] = Counter()
        self.areas: Counter[ActionArea] = Counter()
        self.rules: Counter[str] = Counter()
        self.internal_errors = 0
        self.limits_reached = 0
        self.failed = False
        self._failing = frozenset(s for s in Severity if s.at_least(fail_on))

    def add_findings(self, findings: Iterable[Finding]) -> bool:
        """Count ``findings``; whether one of them is a reader or time limit
        (``STD010``).  Called for every result of a run: plain loops, no helpers."""
        severities, rules, areas, failing = self.severities, self.rules, self.areas, self._failing
        limit = False
        for finding in findings:
            severity, rule = finding.severity, finding.rule
            severities[severity] += 1
            rules[rule] += 1
            for area in finding.areas:
                areas[area] += 1
            if severity in failing:
                self.failed = True
            if rule == LIMIT_REACHED:
                limit = True
        return limit

    def add(self, result: RecordResult) -> None:
        """Count one result."""
        self.records += 1
        self.statuses[result.status] += 1
        self.internal_errors += len(result.internal_errors)
        if self.add_findings(result.findings):
            self.limits_reached += 1

    def add_batch(self, found: Iterable[BatchFinding]) -> None:
        """Count the batch rules' findings."""
        for item in found:
            if item.finding is not None:
                self.add_findings([item.finding])
            if item.internal_error is not None:
                self.internal_errors += 1

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_dict(self) -> dict[str, Any]:
        """The summary as the JSON report writes it: ``records`` (read) is ``checked``
        + ``deleted`` + ``unreadable`` + ``internal_error_records``, so that a nightly
        pipeline can alert on a drop in any of them (docs/limits.md); ``limits_reached``
        counts the results on which a reader or time limit of one record (``STD010``)
        was hit, so that a rise shows without reading every finding."""
        return {
            "records": self.records,
            "errors": self.severities[Severity.ERROR],
            "warnings": self.severities[Severity.WARNING],
            "infos": self.severities[Severity.INFO],
            "by_area": {str(int(a)): self.areas[a] for a in ActionArea},
            "checked": self.statuses["checked"],
            "deleted": self.statuses["deleted"],
            "unreadable": self.statuses["unreadable"],
            "internal_errors": self.internal_errors,
            "internal_error_records": self.statuses["internal-error"],
            "limits_reached": self.limits_reached,
        }


@dataclass
class Report:
    """The results of validating one or many records."""

    results: list[RecordResult] = field(default_factory=list)
    profile: str = "unesco"
    fail_on: Severity = Severity.ERROR

    @property
    def ok(self) -> bool:
        """True when no finding at or above ``fail_on`` is present."""
        return not any(r.failed(self.fail_on) for r in self.results)

    @property
    def internal_errors(self) -> list[InternalError]:
        """Every internal error of every result: bugs in oer_meta, not in the input."""
        return [e for r in self.results for e in r.internal_errors]

    def add_batch_findings(self, found: Iterable[BatchFinding]) -> None:
        """Put the batch rules' findings on the results of the records they concern."""
        by_place = {(r.source, r.index): r for r in self.results}
        for item in found:
            target = by_place.get((item.source, item.index))
            if item.finding is not None and target is not None:
                target.findings.append(item.finding)
            elif item.internal_error is not None and self.results:
                last = self.results[-1]
                last.internal_errors.append(item.internal_error)
                last.status = "internal-error"

    @property
    def findings(self) -> list[Finding]:
        """Every finding of every result, in order."""
        return [f for r in self.results for f in r.findings]

    def __iter__(self) -> Iterator[RecordResult]:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)

    def by_area(self) -> dict[ActionArea, list[Finding]]:
        """Findings grouped by action area (a finding with two areas is in both)."""
        groups: dict[ActionArea, list[Finding]] = {area: [] for area in ActionArea}
        for finding in self.findings:
            for area in finding.areas:
                groups[area].append(finding)
        return groups

    def by_rule(self) -> dict[str, list[Finding]]:
        """Findings grouped by rule code, codes in order."""
        groups: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.findings:
            groups[finding.rule].append(finding)
        return dict(sorted(groups.items()))

    def by_file(self) -> dict[str | None, list[RecordResult]]:
        """Results grouped by source file, in input order."""
        groups: dict[str | None, list[RecordResult]] = {}
        for result in self.results:
            groups.setdefault(result.source, []).append(result)
        return groups

    def group_by(self, key: str) -> dict[Any, Any]:
        """Group by ``"area"``, ``"rule"`` or ``"file"``."""
        if key == "area":
            return dict(self.by_area())
        if key == "rule":
            return self.by_rule()
        if key == "file":
            return dict(self.by_file())
        raise UsageError(said("cannot group by {key!r}; use area, rule or file", key=key))

    def flatten(self, fields: Iterable[str] = ("rule", "line")) -> list[list[Any]]:
        """One list per finding with the named values; handy in tests and scripts.

        Field names are finding attributes plus ``file``, ``line``, ``path``,
        ``index`` (the record's index in its source) and ``source``.
        """
        names = list(fields)
        rows: list[list[Any]] = []
        for result in self.results:
            for finding in result.findings:
                row: list[Any] = []
                for name in names:
                    if name in ("file", "line", "column", "path"):
                        row.append(getattr(finding.location, name))
                    elif name in ("index", "source"):
                        row.append(getattr(result, name))
                    else:
                        row.append(getattr(finding, name))
                rows.append(row)
        return rows

    def summary(self) -> dict[str, Any]:
        """Counts of records (per status) and findings (per severity, per action area)."""
        tally = Tally(self.fail_on)
        for result in self.results:
            tally.add(result)
        return tally.to_dict()

    def to_dict(self) -> dict[str, Any]:
        """The whole report in the published JSON shape."""
        return {
            "tool": {"name": "oer-meta", "version": __version__},
            "profile": self.profile,
            "ok": self.ok,
            "fail_on": self.fail_on.value,
            "summary": self.summary(),
            "results": [r.to_dict() for r in self.results],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)
