"""Text output for people: findings grouped per file, a per-area summary at the end.

Each finding is one line, ``path:line: CODE [areas] severity: message``, so editors and
terminals can jump to it.  Colour is used only when writing to a terminal (rich decides,
and honours ``NO_COLOR``).
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.text import Text

from oer_meta.areas import ActionArea
from oer_meta.report import Finding, RecordResult, Report
from oer_meta.severity import Severity

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _where(finding: Finding, result: RecordResult) -> str:
    file = finding.location.file or result.source or "<input>"
    if finding.location.line is not None:
        return f"{file}:{finding.location.line}:"
    return f"{file}:"


def finding_line(finding: Finding, result: RecordResult) -> Text:
    """One finding as a styled line."""
    areas = ",".join(str(int(a)) for a in finding.areas)
    line = Text()
    line.append(_where(finding, result), style="bold")
    line.append(" ")
    line.append(finding.rule, style=_STYLE[finding.severity])
    line.append(f" [{areas}] ")
    line.append(f"{finding.severity.value}: ", style=_STYLE[finding.severity])
    line.append(finding.message)
    return line


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def render(report: Report, stream: TextIO, *, show_hints: bool = False, lang: str = "en") -> None:
    """Write ``report`` as text to ``stream``."""
    console = Console(file=stream, highlight=False, markup=False, emoji=False, soft_wrap=True)
    for source, results in report.by_file().items():
        name = source or "<input>"
        deleted = sum(1 for r in results if r.status == "deleted")
        header = Text(f"{name} ", style="bold underline")
        count = _plural(len(results), "record")
        if deleted:
            count += f", {deleted} deleted"
        header.append(f"({count})", style="dim")
        console.print(header)
        for result in results:
            for finding in result.findings:
                console.print(finding_line(finding, result))
                if show_hints and finding.hint:
                    console.print(Text(f"    hint: {finding.hint}", style="dim"))
    summary = report.summary()
    console.print()
    verdict = Text("ok" if report.ok else "failed", style="bold green" if report.ok else "bold red")
    verdict.append(
        f": {_plural(summary['records'], 'record')}, {_plural(summary['errors'], 'error')}, "
        f"{_plural(summary['warnings'], 'warning')}, {_plural(summary['infos'], 'info')} "
        f"(profile {report.profile}, failing on {report.fail_on.value})",
        style="",
    )
    console.print(verdict)
    console.print(Text("Findings by UNESCO action area:", style="bold"))
    for area in ActionArea:
        count = summary["by_area"][str(int(area))]
        console.print(Text(f"  {int(area)} {area.title(lang)}: {count}"))
