"""``--format junit`` and ``--format github``: read back as CI reporters and the GitHub
runner read them, with hostile text, batch findings, internal errors and Ctrl-C."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import junitparser
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import oer_meta
from oer_meta.areas import ActionArea
from oer_meta.cli import main
from oer_meta.model import Location
from oer_meta.report.formatters import RunInfo, make_formatter
from oer_meta.report.formatters.github import escape_data, escape_property
from oer_meta.report.formatters.junit import xml_safe
from oer_meta.report.results import Finding, RecordResult, Tally
from oer_meta.severity import Severity

from .cli_runs import harvest as _harvest
from .cli_runs import interrupted
from .corpus_paths import EXAMPLES
from .test_cli_streaming import REMIX, broken_rule  # noqa: F401

HOSTILE = "bell\x07 esc\x1b[31m nul\x00 \"quoted\" 'single' ]]> <tag> & 100% a,b:c\r\nline2 \ud800"


def _junit(*args: str, tmp_path: Path) -> tuple[int, bytes]:
    out = tmp_path / "report.xml"
    code = main(["validate", *args, "--format", "junit", "--output-file", str(out)])
    return code, out.read_bytes()


def _cases(root: Any) -> list[Any]:
    return [c for s in root.iter("testsuite") for c in s.iter("testcase")]


def _props(root: Any) -> dict[str, str]:
    return {p.get("name"): p.get("value") for p in root.iter("property")}


def test_junit_on_the_examples_has_one_case_per_record(tmp_path: Path) -> None:
    code, data = _junit(str(EXAMPLES), tmp_path=tmp_path)
    root = etree.fromstring(data)
    report = oer_meta.validate(EXAMPLES)
    cases = _cases(root)
    assert code == 1 and root.tag == "testsuites"
    assert len(cases) == len(report.results)
    for case, result in zip(cases, report.results, strict=True):
        assert case.get("classname") == result.source == case.get("file")
        assert case.get("name") == (result.record_id or f"record {result.index}")
        failing = [f for f in result.findings if f.severity.at_least(Severity.ERROR)]
        failure = case.find("failure")
        if result.status == "unreadable":
            assert case.find("error").get("type") == "STD001" and failure is None
        elif failing:
            assert failure.get("type") == failing[0].rule
            assert failure.text.count("\n") + 1 == len(failing)
        else:
            assert failure is None
        others = len(result.findings) - len(failing)
        out = case.find("system-out")
        if result.status != "unreadable":
            assert (out.text.count("\n") + 1 if out is not None else 0) == others
        assert (case.find("skipped") is not None) == (result.status == "deleted")
    suites = {s.get("name") for s in root.iter("testsuite")}
    assert suites == {r.source for r in report.results} | {"oer-meta summary"}
    props = _props(root)
    summary = report.summary()
    assert props["records"] == str(summary["records"]) and props["ok"] == "false"
    assert props["errors"] == str(summary["errors"]) and props["interrupted"] == "false"


def test_junitparser_reads_the_report_as_ci_reporters_do(tmp_path: Path) -> None:
    _, data = _junit(str(EXAMPLES), "--fail-on", "warning", tmp_path=tmp_path)
    path = tmp_path / "again.xml"
    path.write_bytes(data)
    xml = junitparser.JUnitXml.fromfile(str(path))
    report = oer_meta.validate(EXAMPLES, fail_on="warning")
    cases = [case for suite in xml for case in suite]
    assert len(cases) == len(report.results)
    failed = [
        case
        for case in cases
        if any(isinstance(r, (junitparser.Failure, junitparser.Error)) for r in case.result)
    ]
    assert len(failed) == sum(1 for r in report.results if r.failed(Severity.WARNING))
    skipped = [c for c in cases if any(isinstance(r, junitparser.Skipped) for r in c.result)]
    assert len(skipped) == report.summary()["deleted"] == 1


def _result(message: str, source: str, severity: Severity = Severity.ERROR) -> RecordResult:
    finding = Finding(
        rule="LANG002",
        name="language-invalid",
        severity=severity,
        message=message,
        hint=message,
        areas=(ActionArea(3),),
        location=Location(file=source, line=3, column=7),
    )
    return RecordResult(source=source, index=0, format="dc", findings=[finding])


def _write(name: str, results: list[RecordResult], stream: Any = None, **info: Any) -> str:
    stream = stream if stream is not None else io.StringIO()
    formatter = make_formatter(name, stream)
    run = RunInfo(profile="unesco", fail_on=info.get("fail_on", Severity.ERROR), show_hints=True)
    formatter.start(run)
    tally = Tally(run.fail_on)
    for result in results:
        tally.add(result)
        formatter.result(result)
    formatter.finish(tally)
    if isinstance(stream, io.TextIOWrapper):
        stream.flush()
        return str(stream.buffer.getvalue().decode(stream.encoding))  # type: ignore[attr-defined]
    return str(stream.getvalue())


def _visible(text: str) -> str:
    return xml_safe(text.replace("\r\n", "\n"))


def test_junit_keeps_hostile_text_well_formed() -> None:
    text = _write("junit", [_result(HOSTILE, f"dir/{HOSTILE}.xml")])
    root = etree.fromstring(text.encode("utf-8"))  # well-formed, or this raises
    case = _cases(root)[0]
    failure = case.find("failure")
    assert case.get("classname") == xml_safe(f"dir/{HOSTILE}.xml")
    assert failure.get("message").endswith(xml_safe(HOSTILE))  # \r\n kept in an attribute
    assert "\\x1b" in failure.text and "\\x00" in failure.text and "\\ud800" in failure.text
    assert '"quoted"' in failure.text and "]]> <tag> &" in failure.text
    assert "hint: " + xml_safe(HOSTILE) in failure.text  # --show-hints


def test_junit_below_fail_on_is_system_out_not_failure() -> None:
    root = etree.fromstring(_write("junit", [_result("w", "a.xml", Severity.WARNING)]).encode())
    case = _cases(root)[0]
    assert case.find("failure") is None and "LANG002" in case.find("system-out").text


def test_junit_on_a_non_utf8_stream_stays_readable() -> None:
    stream = io.TextIOWrapper(io.BytesIO(), encoding="cp1252", errors="backslashreplace")
    text = _write("junit", [_result("Привет Žluťoučký", "a.xml")], stream)
    assert text.isascii() and "&#1055;" in text
    failure = _cases(etree.fromstring(text.encode("cp1252")))[0].find("failure")
    assert "Привет Žluťoučký" in failure.text


@given(st.text())
def test_xml_safe_text_always_parses_back(text: str) -> None:
    safe = xml_safe(text)
    element = etree.fromstring(f"<a b={_quoted(safe)}>{_escaped(safe)}</a>".encode())
    assert (element.text or "") == safe and element.get("b") == safe


def _quoted(text: str) -> str:
    from oer_meta.report.formatters.junit import _attr

    return _attr(text)


def _escaped(text: str) -> str:
    from oer_meta.report.formatters.junit import _text

    return _text(text)


def test_junit_batch_findings_are_extra_cases(tmp_path: Path) -> None:
    path = tmp_path / "remix.json"
    path.write_text(json.dumps(REMIX), encoding="utf-8")
    code, data = _junit(str(path), "--select", "LIC009", tmp_path=tmp_path)
    root = etree.fromstring(data)
    batch = next(s for s in root.iter("testsuite") if s.get("name") == "across the batch")
    (case,) = batch.iter("testcase")
    assert case.get("name") == "https://example.org/adaptation LIC009"
    assert case.get("classname") == str(path)
    assert case.find("failure").get("type") == "LIC009"
    assert code == 1 and len(_cases(root)) == 3


@pytest.mark.internal_error_expected
def test_junit_internal_error_is_an_error_case(broken_rule: str, tmp_path: Path) -> None:  # noqa: F811
    path = _harvest(tmp_path / "oai.xml", 1)
    code, data = _junit(str(path), "--select", "DISC", tmp_path=tmp_path)
    case = _cases(etree.fromstring(data))[0]
    error = case.find("error")
    assert code == 3 and error.get("type") == "internal-error"
    assert "internal error in rule DISC001" in error.get("message")
    assert "ZeroDivisionError: boom" in error.text


def test_junit_ctrl_c_leaves_a_well_formed_document(tmp_path: Path) -> None:
    path = _harvest(tmp_path / "big.xml", 60_000)
    written, err, code = interrupted(path, "junit", lambda head: head.count(b"\n") >= 3)
    assert code == 130, err
    root = etree.fromstring(written)
    props = _props(root)
    assert props["interrupted"] == "true"
    assert 1 <= int(props["records"]) < 60_000
    assert int(props["records"]) == len(_cases(root))


# --- GitHub workflow commands ----------------------------------------------------

_LINE = re.compile(r"::(error|warning|notice)(?: ([^:]*))?::(.*)")


def _unescape(text: str, prop: bool = False) -> str:
    if prop:
        text = text.replace("%3A", ":").replace("%2C", ",")
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def _commands(text: str) -> tuple[list[tuple[str, dict[str, str], str]], list[str]]:
    """The runner's reading: each command's kind, properties and message; the plain lines."""
    commands, plain = [], []
    for line in text.splitlines():
        match = _LINE.fullmatch(line)
        if match is None:
            assert not line.startswith("::")
            plain.append(line)
            continue
        props = dict(p.split("=", 1) for p in (match[2] or "").split(",") if p)
        commands.append(
            (match[1], {k: _unescape(v, True) for k, v in props.items()}, _unescape(match[3]))
        )
    return commands, plain


def test_github_gives_one_command_per_finding(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(EXAMPLES.parent)
    code = main(["validate", "examples", "--format", "github"])
    commands, plain = _commands(capsys.readouterr().out)
    report = oer_meta.validate(EXAMPLES)
    findings = [(r, f) for r in report.results for f in r.findings]
    assert code == 1 and len(commands) == len(findings)
    kinds = {"error": "error", "warning": "warning", "info": "notice"}
    for (kind, props, message), (result, finding) in zip(commands, findings, strict=True):
        assert kind == kinds[finding.severity.value] and message == finding.message
        assert props["title"] == f"{finding.rule} {finding.name}"
        file = Path(finding.location.file or result.source or "")
        assert props["file"] == file.resolve().relative_to(Path.cwd()).as_posix()
        assert props.get("line") == (str(finding.location.line) if finding.location.line else None)
    assert len(plain) == 1 and plain[0].startswith("oer-meta: failed: 19 records")


def test_github_escapes_hostile_text() -> None:
    text = _write("github", [_result(HOSTILE, f"{HOSTILE}.xml")])
    assert text.count("\n") == 2  # one command, one summary: no line of the record's own
    commands, _ = _commands(text)
    ((kind, props, message),) = commands
    assert kind == "error" and props["line"] == "3" and props["col"] == "7"
    shown = (
        "bell\\x07 esc\\x1b[31m nul\\x00 \"quoted\" 'single' ]]> <tag> & 100% a,b:c\r\n"
        "line2 \\ud800"
    )
    assert message == f"{shown}\nhint: {shown}"  # --show-hints
    assert props["file"] == f"{shown}.xml"


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Zl", "Zp"))))
def test_github_escaping_round_trips(text: str) -> None:
    data, prop = escape_data(text), escape_property(text)
    assert "\n" not in data and "\r" not in data and "::" not in prop and "," not in prop
    assert _unescape(data) == text and _unescape(prop, True) == text


@given(st.text())
def test_github_escaping_never_breaks_the_line(text: str) -> None:
    for escaped in (escape_data(text), escape_property(text)):
        assert len(escaped.splitlines()) <= 1 and "\x00" not in escaped


def test_github_input_without_a_file_has_no_file_property() -> None:
    text = (EXAMPLES / "dc" / "faulty-oai_dc.xml").read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "oer_meta", "validate", "-", "--format", "github"],
        input=text,
        capture_output=True,
        check=False,
    )
    commands, plain = _commands(done.stdout.decode())
    assert done.returncode == 1 and commands and len(plain) == 1
    assert all("file" not in props for _, props, _ in commands)
    assert {"line", "title"} <= set(commands[0][1])
