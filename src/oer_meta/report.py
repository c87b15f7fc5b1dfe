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

from oer_meta.areas import ActionArea
from oer_meta.model import Location, Record
from oer_meta.severity import Severity

__all__ = ["Finding", "RecordResult", "Report"]


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
    to check) or ``unreadable`` (the findings say why).  ``record`` is ``None`` for
    unreadable input.
    """

    source: str | None
    index: int
    format: str
    findings: list[Finding]
    record: Record | None = None
    status: str = "checked"

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
        from oer_meta.summary import record_summary

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
        from oer_meta.errors import UsageError

        raise UsageError(f"cannot group by {key!r}; use area, rule or file")

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
        """Counts of records and findings, and findings per action area."""
        severities = Counter(f.severity for f in self.findings)
        by_area = {str(int(a)): len(fs) for a, fs in self.by_area().items()}
        return {
            "records": len(self.results),
            "errors": severities[Severity.ERROR],
            "warnings": severities[Severity.WARNING],
            "infos": severities[Severity.INFO],
            "by_area": by_area,
        }

    def to_dict(self) -> dict[str, Any]:
        """The whole report in the published JSON shape."""
        from oer_meta import __version__

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
