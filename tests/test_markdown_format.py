"""``--format markdown``: tables that parse, counts equal to the JSON report's, hostile
text kept inside its cell, an empty run, Ctrl-C, and a bounded list of worst records."""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from oer_meta.areas import ActionArea
from oer_meta.cli import main
from oer_meta.engine import ValidationRun
from oer_meta.report.formatters import RunInfo, make_formatter
from oer_meta.report.formatters.markdown import WORST, escape_cell
from oer_meta.report.results import Finding, RecordResult, Tally
from oer_meta.severity import Severity

from .corpus_paths import EXAMPLES

HOSTILE = "a|b `code` **bold** <script>x</script> \\| [l](u) &amp; _i_ ~s~ #h\r\nline2\x1b[31m"
_UNESCAPED_PIPE = re.compile(r"(?<!\\)(?:\\\\)*\|")


def _cells(line: str) -> list[str]:
    """A table row's cells, split on pipes that are not escaped."""
    inner = line.strip()[1:-1]
    cells, start = [], 0
    for m in _UNESCAPED_PIPE.finditer(inner):
        cells.append(inner[start : m.end() - 1].strip())
        start = m.end()
    cells.append(inner[start:].strip())
    return cells


def _tables(text: str) -> dict[str, list[list[str]]]:
    """Each table under its ``###`` heading, as rows of raw cells (header first, the
    delimiter row dropped); asserts every row has as many cells as the header."""
    tables: dict[str, list[list[str]]] = {}
    heading = ""
    for line in text.splitlines():
        if line.startswith("### "):
            heading = line[4:]
        elif line.startswith("|"):
            row = _cells(line)
            rows = tables.setdefault(heading, [])
            if rows:
                assert len(row) == len(rows[0]), line
            if len(rows) == 1:
                assert all(re.fullmatch(r":?-{3,}:?", c) for c in row), line
                rows.append([])  # marks the delimiter row as seen
                continue
            rows.append(row)
    return {h: [r for r in rows if r] for h, rows in tables.items()}


def _rendered_cells(text: str) -> list[list[str]]:
    """The table rows as a GFM renderer (markdown-it, tables on) reads them."""
    md = MarkdownIt("commonmark").enable("table")
    rows: list[list[str]] = []
    row: list[str] | None = None
    for token in md.parse(text):
        if token.type == "tr_open":
            row = []
        elif token.type == "inline" and row is not None:
            row.append("".join(c.content for c in token.children or [] if c.type == "text"))
        elif token.type == "tr_close" and row is not None:
            rows.append(row)
            row = None
    return rows


def _run(*args: str, tmp_path: Path) -> tuple[int, str]:
    out = tmp_path / "report.md"
    code = main(["validate", *args, "--format", "markdown", "--output-file", str(out)])
    return code, out.read_text(encoding="utf-8")


def test_examples_counts_equal_the_json_report(tmp_path: Path) -> None:
    code, text = _run(str(EXAMPLES), tmp_path=tmp_path)
    assert (
        main(
            [
                "validate",
                str(EXAMPLES),
                "--format",
                "json",
                "--output-file",
                str(tmp_path / "r.json"),
            ]
        )
        == code
        == 1
    )
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    summary = report["summary"]
    assert text.startswith("## oer-meta: failed\n")
    assert (
        f"{summary['records']} records ({summary['deleted']} deleted, "
        f"{summary['unreadable']} unreadable), {summary['errors']} errors, "
        f"{summary['warnings']} warnings, {summary['infos']} infos" in text
    )
    tables = _tables(text)
    areas = tables["Findings by UNESCO action area"]
    assert areas[0] == ["Area", "Title", "Findings"]
    assert {r[0]: int(r[2]) for r in areas[1:]} == summary["by_area"]
    assert [r[1] for r in areas[1:]] == [a.title_en for a in ActionArea]

    findings = [f for r in report["results"] for f in r["findings"]]
    findings += [f for f in report["batch_findings"] if "rule" in f]
    expected = Counter((f["rule"], f["severity"]) for f in findings)
    rules = tables["Findings by rule"]
    assert rules[0] == ["Code", "Name", "Severity", "Findings"]
    got = {(r[0], r[2]): int(r[3]) for r in rules[1:]}
    assert got == dict(expected)
    by_sev = Counter()
    for (_, sev), n in got.items():
        by_sev[sev] += n
    assert by_sev == Counter(
        {"error": summary["errors"], "warning": summary["warnings"], "info": summary["infos"]}
    )
    ranks = [(-Severity(r[2]).rank, -int(r[3])) for r in rules[1:]]
    assert ranks == sorted(ranks)  # most severe first, then most frequent

    worst = tables["Records with the most errors"]
    assert worst[0] == ["File", "Record", "Identifier", "Errors", "Warnings"]
    per_record = sorted(
        (
            (
                sum(f["severity"] == "error" for f in r["findings"]),
                sum(f["severity"] == "warning" for f in r["findings"]),
            )
            for r in report["results"]
        ),
        reverse=True,
    )
    listed = [(int(r[3]), int(r[4])) for r in worst[1:]]
    assert listed == per_record[: len(listed)] and len(listed) == min(WORST, len(per_record))
    # every table is also a table to a GFM renderer, rows whole
    rendered = _rendered_cells(text)
    assert len(rendered) == sum(len(rows) for rows in tables.values())


def test_french_titles(tmp_path: Path) -> None:
    _, text = _run(str(EXAMPLES), "--lang", "fr", tmp_path=tmp_path)
    areas = _tables(text)["Constats par domaine d'action de l'UNESCO"]  # headings too (i18n)
    assert areas[0] == ["Domaine", "Titre", "Constats"]
    assert [r[1] for r in areas[1:]] == [a.title_fr for a in ActionArea]


def _finding(name: str = "n", severity: Severity = Severity.ERROR, rule: str = "X001") -> Finding:
    return Finding(rule=rule, name=name, severity=severity, message=HOSTILE, areas=(ActionArea(1),))


def _write(results: list[RecordResult], *, interrupted: bool = False) -> str:
    out = io.StringIO()
    fmt = make_formatter("markdown", out)
    tally = Tally()
    fmt.start(RunInfo(profile=HOSTILE, fail_on=Severity.ERROR))
    assert out.getvalue() == ""
    for result in results:
        tally.add(result)
        fmt.result(result)
        assert out.getvalue() == ""  # nothing before the end
    fmt.batch([])
    fmt.finish(tally, interrupted=interrupted)
    return out.getvalue()


def test_hostile_text_stays_in_its_cell() -> None:
    finding = _finding(name=HOSTILE, rule="X|1`")
    result = RecordResult(source=HOSTILE, index=0, format="lom", findings=[finding])
    text = _write([result])
    tables = _tables(text)
    assert all(len(rows) > 1 for rows in tables.values())
    rendered = _rendered_cells(text)
    shown = " ".join(HOSTILE.replace("\r\n", " ").split("\n")).replace("\x1b", "\\x1b")
    assert ["X|1`", shown, "error", "1"] in rendered
    assert any(row[0] == shown for row in rendered)
    assert "<script>" not in text and "\x1b" not in text and "`code`" not in text
    assert text.count("\n## ") == 0 and "\n#h" not in text  # no heading smuggled in


def test_escape_cell() -> None:
    assert escape_cell("a|b") == "a\\|b"
    assert escape_cell("`x`") == "\\`x\\`"
    assert escape_cell("a\\|b") == "a\\\\\\|b"
    assert escape_cell("one\ntwo") == "one two"
    assert escape_cell("x" * 500).endswith("…") and len(escape_cell("x" * 500)) == 200


def test_empty_run() -> None:
    text = _write([])
    assert text.startswith("## oer-meta: ok\n")
    assert "0 records, 0 errors, 0 warnings, 0 infos" in text
    assert "### Findings by rule\n\nNo findings." in text
    assert "No record has errors or warnings." in text
    areas = _tables(text)["Findings by UNESCO action area"]
    assert [r[2] for r in areas[1:]] == ["0"] * 5
    assert "Interrupted" not in text


def test_interrupted_note() -> None:
    result = RecordResult(source="f.xml", index=0, format="lom", findings=[_finding()])
    text = _write([result], interrupted=True)
    assert "> **Interrupted**: this summary covers the 1 record checked so far." in text


def test_cli_ctrl_c_writes_the_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = ValidationRun.results

    def two_then_ctrl_c(self: ValidationRun, sources: Any) -> Iterator[RecordResult]:
        for n, result in enumerate(real(self, sources)):
            if n == 2:
                raise KeyboardInterrupt
            yield result

    monkeypatch.setattr(ValidationRun, "results", two_then_ctrl_c)
    code, text = _run(str(EXAMPLES), tmp_path=tmp_path)
    assert code == 130
    assert "covers the 2 records checked so far" in text
    assert "\n2 records" in text


def test_worst_records_are_bounded_and_the_worst() -> None:
    results = [
        RecordResult(
            source="h.xml",
            index=i,
            format="lom",
            findings=[_finding()] * (i % 37) + [_finding(severity=Severity.WARNING)] * (i % 5),
        )
        for i in range(500)
    ]
    out = io.StringIO()
    fmt = make_formatter("markdown", out)
    fmt.start(RunInfo(profile="unesco", fail_on=Severity.ERROR))
    tally = Tally()
    for result in results:
        tally.add(result)
        fmt.result(result)
        assert len(fmt._worst) <= WORST  # type: ignore[attr-defined]
    fmt.finish(tally)
    rows = _tables(out.getvalue())["Records with the most errors"][1:]
    expected = sorted(((i % 37, i % 5, -i) for i in range(500)), reverse=True)[:WORST]
    assert [(int(r[3]), int(r[4]), -int(r[1])) for r in rows] == expected
    assert _tables(out.getvalue())["Findings by rule"][1] == [
        "X001",
        "n",
        "error",
        str(sum(i % 37 for i in range(500))),
    ]
