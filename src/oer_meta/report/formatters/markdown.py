"""Markdown summary for a pull-request comment or a CI job summary.

Nothing is written until the run ends: a summary is only counts, and a comment is read
whole.  Memory stays flat whatever the harvest's size: counts per rule (bounded by the
rules) and the :data:`WORST` records with the most errors, kept in a bounded heap.  At
:meth:`MarkdownFormatter.finish` it writes a title with the verdict and counts, a table
of the five UNESCO action areas, a table per rule (most severe first, then most
frequent) and the records with the most errors.  Cell text is escaped (pipes, backticks,
emphasis and HTML characters behind a backslash; line breaks as spaces; control
characters as visible escapes), so a record cannot break a table or inject markup.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from typing import TextIO

from oer_meta.areas import ActionArea
from oer_meta.i18n import N_, Message, joined, marked, msg, msgn
from oer_meta.report.formatters.base import RunInfo
from oer_meta.report.formatters.text import counted, printable
from oer_meta.report.results import BatchFinding, Finding, RecordResult, Tally
from oer_meta.severity import Severity

#: How many records the "most errors" table lists.
WORST = 10
#: Longest cell text kept (record identifiers, file names), so one value cannot flood a comment.
MAX_CELL = 200

_SPECIAL = re.compile(r"[\\`|*_\[\]<>~&#]")
_SPACE = re.compile(r"[\r\n\t\u2028\u2029]+")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def escape_cell(text: str) -> str:
    """``text`` as the literal content of a Markdown table cell (GitHub flavour)."""
    if len(text) > MAX_CELL:
        text = text[: MAX_CELL - 1] + "…"
    text = printable(_SPACE.sub(" ", text))
    text = _SURROGATE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
    return _SPECIAL.sub(lambda m: "\\" + m.group(), text)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


class MarkdownFormatter:
    """Counts as results pass; the Markdown summary at the end."""

    def __init__(self, stream: TextIO) -> None:
        self._out = stream
        # (code, severity) -> count, and each code's name: bounded by the rules
        self._rules: Counter[tuple[str, Severity]] = Counter()
        self._names: dict[str, str] = {}
        # min-heap of (errors, warnings, -order, source, index, record_id), at most WORST
        self._worst: list[tuple[int, int, int, str, int, str]] = []
        self._seen = 0

    def start(self, info: RunInfo) -> None:
        self._info = info

    def _count(self, finding: Finding) -> None:
        self._rules[(finding.rule, finding.severity)] += 1
        self._names.setdefault(finding.rule, finding.name)

    def result(self, result: RecordResult) -> None:
        self._seen += 1
        for finding in result.findings:
            self._count(finding)
        errors = result.count(Severity.ERROR)
        warnings = result.count(Severity.WARNING)
        if not errors and not warnings:
            return
        item = (
            errors,
            warnings,
            -self._seen,  # earlier records win ties
            result.source or "<input>",
            result.index,
            result.record_id or "",
        )
        if len(self._worst) < WORST:
            heapq.heappush(self._worst, item)
        elif item > self._worst[0]:
            heapq.heapreplace(self._worst, item)

    def batch(self, found: list[BatchFinding]) -> None:
        for item in found:
            if item.finding is not None:
                self._count(item.finding)

    def _title(self, tally: Tally) -> list[str]:
        s = tally.to_dict()
        lang = self._info.lang
        records: Message = counted(s["records"], "record")
        extra = [
            msgn("{count} deleted", "{count} deleted", s["deleted"])
            if key == "deleted"
            else msgn("{count} unreadable", "{count} unreadable", s["unreadable"])
            for key in ("deleted", "unreadable")
            if s[key]
        ]
        if s["limits_reached"]:
            extra.append(
                msgn("{count} reached a limit", "{count} reached a limit", s["limits_reached"])
            )
        if extra:
            records = msg("{records} ({details})", records=records, details=joined(", ", extra))
        lines = [
            msg("## oer-meta: {verdict}", verdict=msg("ok") if tally.ok else msg("failed")).render(
                lang
            ),
            "",
            msg(
                "{records}, {errors}, {warnings}, {infos}; profile {profile}, failing on "
                "{fail_on}.",
                records=records,
                errors=counted(s["errors"], "error"),
                warnings=counted(s["warnings"], "warning"),
                infos=counted(s["infos"], "info"),
                profile=escape_cell(self._info.profile),
                fail_on=self._info.fail_on.value,
            ).render(lang),
        ]
        if tally.internal_errors:
            lines += [
                "",
                msg(
                    "**{errors}**: bugs in oer-meta, not in the records; please report them.",
                    errors=counted(tally.internal_errors, "internal error"),
                ).render(lang),
            ]
        return lines

    def _areas(self, tally: Tally) -> list[str]:
        lang = self._info.lang
        lines = [
            msg("### Findings by UNESCO action area").render(lang),
            "",
            _row([marked(h).render(lang) for h in (N_("Area"), N_("Title"), N_("Findings"))]),
            _row(["---:", "---", "---:"]),
        ]
        for area in ActionArea:
            lines.append(
                _row(
                    [
                        str(int(area)),
                        escape_cell(area.title(self._info.lang)),
                        str(tally.areas[area]),
                    ]
                )
            )
        return lines

    def _by_rule(self) -> list[str]:
        lang = self._info.lang
        lines = [msg("### Findings by rule").render(lang), ""]
        if not self._rules:
            return [*lines, msg("No findings.").render(lang)]
        lines += [
            _row(
                [
                    marked(h).render(lang)
                    for h in (N_("Code"), N_("Name"), N_("Severity"), N_("Findings"))
                ]
            ),
            _row(["---", "---", "---", "---:"]),
        ]
        order = sorted(self._rules.items(), key=lambda kv: (-kv[0][1].rank, -kv[1], kv[0][0]))
        for (code, severity), count in order:
            lines.append(
                _row(
                    [
                        escape_cell(code),
                        escape_cell(self._names[code]),
                        severity.value,
                        str(count),
                    ]
                )
            )
        return lines

    def _worst_records(self) -> list[str]:
        lang = self._info.lang
        lines = [msg("### Records with the most errors").render(lang), ""]
        if not self._worst:
            return [*lines, msg("No record has errors or warnings.").render(lang)]
        headings = (N_("File"), N_("Record"), N_("Identifier"), N_("Errors"), N_("Warnings"))
        lines += [
            _row([marked(h).render(lang) for h in headings]),
            _row(["---", "---:", "---", "---:", "---:"]),
        ]
        for errors, warnings, _, source, index, record_id in sorted(self._worst, reverse=True):
            lines.append(
                _row(
                    [
                        escape_cell(source),
                        str(index),
                        escape_cell(record_id),
                        str(errors),
                        str(warnings),
                    ]
                )
            )
        lines += [
            "",
            msg(
                "At most {count} records, most errors first, then most warnings; "
                "findings of the batch rules (across records) are counted per rule only.",
                count=WORST,
            ).render(lang),
        ]
        return lines

    def finish(self, tally: Tally, *, interrupted: bool = False) -> None:
        lines = self._title(tally)
        if interrupted:
            lines += [
                "",
                msg(
                    "> **Interrupted**: this summary covers the {records} checked so far.",
                    records=counted(tally.records, "record"),
                ).render(self._info.lang),
            ]
        for section in (self._areas(tally), self._by_rule(), self._worst_records()):
            lines += ["", *section]
        self._out.write("\n".join(lines) + "\n")
        self._out.flush()
