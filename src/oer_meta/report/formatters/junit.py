"""JUnit XML, streamed, for CI test reporters (Jenkins, GitLab, GitHub Actions reporters).

The document is ``<testsuites name="oer-meta">`` holding one ``<testsuite>`` per source
file (a file's results come together, so its suite is closed when the next file starts)
and one test case per record: ``classname`` is the file, ``name`` the record's
identifier or ``record N`` (N its index, as in the JSON report).  A record with findings
at or above ``--fail-on`` gets one ``<failure>`` listing them (``type``: the code of the
first of the most severe); the findings below it are listed in ``<system-out>``; input
that could not be read gets an ``<error>`` (``type`` STD001), a crash of oer-meta an
``<error type="internal-error">``, a deleted record ``<skipped>``.  The batch rules'
findings follow in a suite ``across the batch``, one test case each.

A suite's counts are known only when it ends, after its test cases were written: the
suites carry none (the reporters above count the test cases themselves); the run's
totals are the ``<properties>`` of a last, empty suite ``oer-meta summary``.  Text is
escaped by :mod:`xml.sax.saxutils`; characters XML 1.0 cannot carry (control
characters, lone surrogates) are written as visible escapes such as ``\\x1b``, so the
document stays well-formed whatever a record holds.  On a stream whose encoding is not
UTF-8, non-ASCII characters are written as character references.
"""

from __future__ import annotations

import codecs
import re
from typing import TextIO
from xml.sax.saxutils import escape

from oer_meta._version import __version__
from oer_meta.i18n import msg, msgn
from oer_meta.internal import InternalError
from oer_meta.report.formatters.base import RunInfo
from oer_meta.report.formatters.text import bug_message, severity_label
from oer_meta.report.results import BatchFinding, Finding, RecordResult, Tally
from oer_meta.severity import Severity

#: What XML 1.0 cannot carry (its Char production, complemented), one character at a time.
_NOT_XML = re.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ATTRIBUTE = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
_TEXT = {"\r": "&#13;"}
_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def xml_safe(text: str) -> str:
    """``text`` with what XML 1.0 cannot carry written as a visible escape."""
    return _NOT_XML.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _attr(text: str) -> str:
    return '"' + escape(xml_safe(text), _ATTRIBUTE) + '"'


def _text(text: str) -> str:
    return escape(xml_safe(text), _TEXT)


def finding_text(finding: Finding, source: str | None, hints: bool = True, lang: str = "en") -> str:
    """One finding as one line of a failure's or system-out's text (its severity word
    and hint label in ``lang``)."""
    loc = finding.location
    where = loc.file or source or "<input>"
    if loc.line is not None:
        where += f":{loc.line}"
    areas = ",".join(str(int(a)) for a in finding.areas)
    label = severity_label(finding.severity, lang)
    line = f"{where}: {finding.rule} [{areas}] {label} {finding.message}"
    if hints and finding.hint:
        line += "\n" + msg("    hint: {hint}", hint=finding.hint).render(lang)
    return line


def _record_name(record_id: str | None, index: int) -> str:
    return record_id or f"record {index}"


def _error_element(error: InternalError, lang: str = "en") -> str:
    message = bug_message(error, lang)
    return (
        f"<error type={_attr('internal-error')} message={_attr(message)}>"
        f"{_text(error.traceback)}</error>"
    )


class JUnitFormatter:
    """JUnit XML: a suite per source file, a test case per record, as results come."""

    def __init__(self, stream: TextIO) -> None:
        self._out = stream
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            self._ascii = codecs.lookup(encoding).name != "utf-8"
        except LookupError:
            self._ascii = True
        self._suite: str | None = None  # the name of the open suite
        self._open = False

    def _write(self, text: str) -> None:
        if self._ascii:
            text = text.encode("ascii", "xmlcharrefreplace").decode("ascii")
        self._out.write(text)

    def start(self, info: RunInfo) -> None:
        self._info = info
        self._write(
            f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name={_attr("oer-meta")}>\n'
        )

    def _enter(self, name: str) -> None:
        if self._open and self._suite == name:
            return
        self._leave()
        self._write(f"  <testsuite name={_attr(name)}>\n")
        self._suite, self._open = name, True

    def _leave(self) -> None:
        if self._open:
            self._write("  </testsuite>\n")
            self._open = False

    def _findings(self, findings: list[Finding], source: str | None) -> tuple[str, str]:
        """The ``<failure>`` of the findings at or above fail-on and the
        ``<system-out>`` of the others (each empty when there are none)."""
        fail_on = self._info.fail_on
        failing = [f for f in findings if f.severity.at_least(fail_on)]
        others = [f for f in findings if not f.severity.at_least(fail_on)]
        hints = self._info.show_hints
        lang = self._info.lang
        failure = out = ""
        if failing:
            worst = min(failing, key=lambda f: _RANK[f.severity])
            count = len(failing)
            message = msgn(
                "{count} finding at or above {severity}; first: {rule} {message}",
                "{count} findings at or above {severity}; first: {rule} {message}",
                count,
                severity=fail_on.value,
                rule=worst.rule,
                message=worst.message,
            ).render(lang)
            body = "\n".join(finding_text(f, source, hints, lang) for f in failing)
            failure = (
                f"<failure type={_attr(worst.rule)} message={_attr(message)}>"
                f"{_text(body)}</failure>"
            )
        if others:
            body = "\n".join(finding_text(f, source, hints, lang) for f in others)
            out = f"<system-out>{_text(body)}</system-out>"
        return failure, out

    def _case(self, classname: str, name: str, source: str | None, inner: list[str]) -> None:
        file = f" file={_attr(source)}" if source is not None else ""
        head = f"    <testcase classname={_attr(classname)} name={_attr(name)}{file}"
        body = "".join(part for part in inner if part)
        self._write(f"{head}>{body}</testcase>\n" if body else f"{head}/>\n")

    def result(self, result: RecordResult) -> None:
        source = result.source
        suite = source or "<input>"
        self._enter(suite)
        lang = self._info.lang
        inner = [_error_element(e, lang) for e in result.internal_errors]
        if result.status == "unreadable":
            body = "\n".join(finding_text(f, source, lang=lang) for f in result.findings)
            first = result.findings[0] if result.findings else None
            message = (
                first.message
                if first is not None
                else msg("the input could not be read").render(lang)
            )
            code = first.rule if first is not None else "unreadable"
            inner.append(
                f"<error type={_attr(code)} message={_attr(message)}>{_text(body)}</error>"
            )
        else:
            inner.extend(self._findings(result.findings, source))
        if result.status == "deleted":
            skipped = msg("deleted record (OAI-PMH header)").render(lang)
            inner.insert(0, f"<skipped message={_attr(skipped)}/>")
        self._case(suite, _record_name(result.record_id, result.index), source, inner)

    def batch(self, found: list[BatchFinding]) -> None:
        for item in found:
            self._enter("across the batch")
            if item.internal_error is not None:
                self._case(
                    "oer-meta",
                    "batch rules",
                    None,
                    [_error_element(item.internal_error, self._info.lang)],
                )
            if item.finding is not None:
                name = f"{_record_name(item.record_id, item.index)} {item.finding.rule}"
                self._case(
                    item.source or "<input>",
                    name,
                    item.source,
                    list(self._findings([item.finding], item.source)),
                )

    def finish(self, tally: Tally, *, interrupted: bool = False) -> None:
        self._leave()
        summary = tally.to_dict()
        props = {
            "tool": f"oer-meta {__version__}",
            "profile": self._info.profile,
            "fail_on": self._info.fail_on.value,
            "ok": str(tally.ok).lower(),
            "interrupted": str(interrupted).lower(),
        }
        for key, value in summary.items():
            if key == "by_area":
                props.update({f"area {k}": str(v) for k, v in value.items()})
            else:
                props[key] = str(value)
        self._write(f'  <testsuite name={_attr("oer-meta summary")} tests="0">\n    <properties>\n')
        for key, value in props.items():
            self._write(f"      <property name={_attr(key)} value={_attr(value)}/>\n")
        self._write("    </properties>\n  </testsuite>\n</testsuites>\n")
        self._out.flush()
