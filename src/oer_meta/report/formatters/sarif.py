"""SARIF 2.1.0, written incrementally, for code-scanning tools and SARIF viewers.

One run.  ``tool.driver.rules`` lists every rule of the active profile up front, since a
streamed document cannot go back to add a rule once a result names it; each result
then names its rule by ``ruleId`` and ``ruleIndex``.  Results are written one per line
as records are checked, batch findings among them; the run's ``invocations`` (did it
end, was it interrupted, the internal errors as ``toolExecutionNotifications``) and
``properties.summary`` close the document, so Ctrl-C still leaves a valid one.

Where SARIF asks for what oer_meta does not know, nothing is made up: no ``helpUri``
(it must be an absolute URI and the project publishes no address for its rule pages;
``help`` carries the rule's documentation and ``properties.helpPage`` the page in the
repository), no region when the line is unknown.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath
from typing import Any, TextIO
from urllib.parse import quote

from oer_meta._version import __version__
from oer_meta.checks.registry import Rule, all_rules
from oer_meta.internal import InternalError
from oer_meta.model import Location
from oer_meta.report.formatters.base import RunInfo
from oer_meta.report.formatters.json_report import _dumps, _indented, _line
from oer_meta.report.results import BatchFinding, Finding, RecordResult, Tally
from oer_meta.severity import Severity

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
#: the base the relative artifact URIs are resolved against (``originalUriBaseIds``)
BASE_ID = "SRCROOT"
#: SARIF's levels for oer_meta's severities (``info`` is SARIF's ``note``)
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
#: at most this many internal errors are kept for the closing notifications
MAX_NOTIFICATIONS = 1000


def rule_descriptor(rule: Rule, severity: Severity) -> dict[str, Any]:
    """A rule as SARIF's ``reportingDescriptor``: identity, descriptions from its doc,
    the level the profile gives it, its action areas and paragraphs."""
    sections = rule.sections()
    full = sections.get("Why it matters") or rule.summary
    parts = [f"## {title}\n\n{text}" for title, text in sections.items() if text]
    markdown = "\n\n".join(parts) or rule.summary
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": full},
        "help": {"text": markdown, "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS[severity]},
        "properties": {
            "actionAreas": [int(a) for a in rule.areas],
            "paragraphs": list(rule.paragraphs),
            "tags": [rule.pack, *(f"AA{int(a)}" for a in rule.areas)],
            "helpPage": f"docs/rules/{rule.code}.md",
        },
    }
    if rule.emitted_by is not None:
        descriptor["properties"]["variantOf"] = rule.emitted_by
    return descriptor


def artifact_uri(name: str, cwd: Path | None = None) -> dict[str, str]:
    """A file name as SARIF's ``artifactLocation``: relative to ``cwd`` (with
    ``uriBaseId``) when below it, else an absolute ``file:`` URI; percent-encoded."""
    # abspath, not resolve: ``..`` is folded without following links, so a file keeps
    # the name it was given (and a missing one still gets a URI)
    here = Path(os.path.abspath(cwd or Path.cwd()))  # noqa: PTH100
    path = Path(os.path.abspath(here / name))  # noqa: PTH100
    try:
        relative = PurePath(path).relative_to(here)
    except ValueError:
        return {"uri": path.as_uri()}
    return {"uri": quote(relative.as_posix(), safe="/"), "uriBaseId": BASE_ID}


def logical_kind(path: str, format: str) -> str:
    """SARIF's logical-location kind for an XPath (XML) or a JSON Pointer (JSON)."""
    last = path.rsplit("/", 1)[-1]
    if format == "jsonld":
        if not path:
            return "object"
        return "value" if last.isdigit() else "property"
    if last.startswith("@"):
        return "attribute"
    if last == "text()":
        return "text"
    return "element"


def _format_of(source: str | None) -> str:
    """A batch finding's record format, from its file's suffix (``jsonld`` or not),
    which is all that :func:`logical_kind` needs."""
    suffix = PurePath(source or "").suffix.lower()
    return "jsonld" if suffix in (".json", ".jsonld") else "unknown"


class SarifFormatter:
    """One SARIF log with one run, streamed: results are written as they come."""

    def __init__(self, stream: TextIO) -> None:
        self._out = stream
        self._count = 0
        self._index: dict[str, int] = {}
        self._errors: list[InternalError] = []
        self._dropped = 0
        self._cwd = Path.cwd()

    def start(self, info: RunInfo) -> None:
        self._info = info
        rules = info.rules or tuple((r, r.severity) for r in all_rules())
        self._index = {rule.code: i for i, (rule, _) in enumerate(rules)}
        driver = {
            "name": "oer-meta",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": [rule_descriptor(r, s) for r, s in rules],
        }
        base = {BASE_ID: {"uri": self._cwd.as_uri().rstrip("/") + "/"}}
        self._out.write(f'{{\n  "$schema": {_dumps(SARIF_SCHEMA)},\n')
        self._out.write(f'  "version": {_dumps(SARIF_VERSION)},\n  "runs": [\n    {{\n')
        tool = _indented(_dumps({"driver": driver}, 2), "      ")
        self._out.write(f'      "tool": {tool},\n')
        self._out.write(f'      "originalUriBaseIds": {_line(base)},\n')
        self._out.write('      "columnKind": "unicodeCodePoints",\n      "results": [')

    def _write(self, data: dict[str, Any]) -> None:
        self._out.write((",\n        " if self._count else "\n        ") + _line(data))
        self._count += 1

    def _result(self, finding: Finding, source: str | None, format: str) -> dict[str, Any]:
        data: dict[str, Any] = {"ruleId": finding.rule}
        if finding.rule in self._index:
            data["ruleIndex"] = self._index[finding.rule]
        data["level"] = LEVELS[finding.severity]
        text = finding.message
        if finding.hint:
            text += f"\n\nHint: {finding.hint}"
        data["message"] = {"text": text}
        location = self._location(finding.location, source, format)
        if location:
            data["locations"] = [location]
        data["properties"] = {
            "name": finding.name,
            "actionAreas": [int(a) for a in finding.areas],
            "field": finding.field,
            "hint": finding.hint,
        }
        return data

    def _location(self, loc: Location, source: str | None, format: str) -> dict[str, Any]:
        where: dict[str, Any] = {}
        file = loc.file or source
        if file:
            physical: dict[str, Any] = {"artifactLocation": artifact_uri(file, self._cwd)}
            if loc.line is not None and loc.line >= 1:
                region = {"startLine": loc.line}
                if loc.column is not None and loc.column >= 1:
                    region["startColumn"] = loc.column
                physical["region"] = region
            where["physicalLocation"] = physical
        if loc.path is not None:
            where["logicalLocations"] = [
                {"fullyQualifiedName": loc.path, "kind": logical_kind(loc.path, format)}
            ]
        return where

    def _keep(self, errors: list[InternalError]) -> None:
        room = MAX_NOTIFICATIONS - len(self._errors)
        self._errors.extend(errors[: max(room, 0)])
        self._dropped += max(len(errors) - max(room, 0), 0)

    def result(self, result: RecordResult) -> None:
        for finding in result.findings:
            props = {"index": result.index, "recordId": result.record_id}
            data = self._result(finding, result.source, result.format)
            data["properties"].update(props)
            self._write(data)
        self._keep(result.internal_errors)

    def batch(self, found: list[BatchFinding]) -> None:
        for item in found:
            if item.finding is not None:
                data = self._result(item.finding, item.source, _format_of(item.source))
                data["properties"].update(
                    {"index": item.index, "recordId": item.record_id, "batch": True}
                )
                self._write(data)
            if item.internal_error is not None:
                self._keep([item.internal_error])

    def _notification(self, error: InternalError) -> dict[str, Any]:
        data: dict[str, Any] = {
            "message": {"text": f"{error.describe()}; this is a bug in oer-meta"},
            "level": "error",
            "exception": {"kind": error.error, "message": error.message},
            "properties": {"component": error.component},
        }
        if error.location is not None:
            where = self._location(error.location, None, "unknown")
            if where:
                data["locations"] = [where]
        return data

    def finish(self, tally: Tally, *, interrupted: bool = False) -> None:
        notes = [self._notification(e) for e in self._errors]
        if self._dropped:
            notes.append(
                {"message": {"text": f"{self._dropped} more internal errors"}, "level": "error"}
            )
        if interrupted:
            notes.append(
                {
                    "message": {"text": "interrupted: the results cover the records checked"},
                    "level": "warning",
                }
            )
        invocation: dict[str, Any] = {
            "executionSuccessful": not interrupted and not tally.internal_errors,
            "toolExecutionNotifications": notes,
        }
        if interrupted:
            invocation["exitSignalName"] = "SIGINT"
        props = {
            "profile": self._info.profile,
            "failOn": self._info.fail_on.value,
            "ok": tally.ok,
            "interrupted": interrupted,
            "summary": tally.to_dict(),
        }
        self._out.write("\n      ],\n" if self._count else "],\n")
        self._out.write(f'      "invocations": [{_line(invocation)}],\n')
        self._out.write(f'      "properties": {_line(props)}\n    }}\n  ]\n}}\n')
        self._out.flush()
