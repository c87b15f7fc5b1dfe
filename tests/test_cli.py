"""The oer-meta command line: exit codes, text and JSON output, rule docs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from oer_meta.cli import main

GOOD_LOM = (
    b'<lom xmlns="http://ltsc.ieee.org/xsd/LOM"><general>'
    b"<identifier><catalog>URI</catalog><entry>https://example.org/r/1</entry></identifier>"
    b'<title><string language="en">Fractions</string></title><language>en</language>'
    b"</general><lifeCycle><contribute><role><source>LOMv1.0</source><value>author</value></role>"
    b"<entity>BEGIN:VCARD\nVERSION:3.0\nFN:Ada Example\nEND:VCARD</entity></contribute>"
    b"</lifeCycle><rights><description>"
    b'<string language="en">https://creativecommons.org/licenses/by/4.0/</string>'
    b"</description></rights></lom>"
)
NO_TITLE = b'<lom xmlns="http://ltsc.ieee.org/xsd/LOM"><general></general></lom>'


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_exit_0_when_nothing_reaches_fail_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "good.xml", GOOD_LOM)
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "ok: 1 record" in out
    assert "DISC002 [1,3] warning: the description is missing" in out


def test_exit_1_and_text_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "bad.xml", NO_TITLE)
    assert main(["validate", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith(f"{path}:1:1: DISC001 [1,3] error: ") for line in lines)
    assert any("Findings by UNESCO action area" in line for line in lines)
    assert any(line.startswith("  3 Encouraging inclusive") for line in lines)


def test_fail_on_warning_and_ignore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "good.xml", GOOD_LOM)
    assert main(["validate", str(path), "--fail-on", "warning", "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["results"][0]["findings"]
    warned = sorted({f["rule"] for f in findings if f["severity"] != "info"})
    assert warned and not any(f["severity"] == "error" for f in findings)
    # ignoring exactly the rules that warned lets the record pass
    assert main(["validate", str(path), "--fail-on", "warning", "--ignore", ",".join(warned)]) == 0
    assert main(["validate", str(path), "--fail-on", "warning", "--ignore", warned[0]]) == (
        1 if len(warned) > 1 else 0
    )


def test_json_output_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "bad.xml", NO_TITLE)
    main(["validate", str(path), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["tool"]["name"] == "oer-meta" and data["profile"] == "unesco"
    result = data["results"][0]
    assert result["source"] == str(path) and result["index"] == 0 and result["format"] == "lom"
    codes = [f["rule"] for f in result["findings"]]
    assert "DISC001" in codes
    assert data["summary"]["errors"] >= 1


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "missing.xml")]) == 2
    assert main(["validate", str(tmp_path)]) == 2  # empty folder: no input found
    path = _write(tmp_path, "good.xml", GOOD_LOM)
    assert main(["validate", str(path), "--select", "NOPE"]) == 2
    assert main(["validate", str(path), "--profile", "nope"]) == 2
    assert main(["rule", "NOPE001"]) == 2
    with pytest.raises(SystemExit) as exc:
        main(["validate"])
    assert exc.value.code == 2


def test_stdin_and_python_m(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "oer_meta", "validate", "-", "--format", "json"],
        input=NO_TITLE,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 1
    data = json.loads(done.stdout)
    assert data["results"][0]["source"] is None
    assert "DISC001" in [f["rule"] for f in data["results"][0]["findings"]]


def test_no_colour_when_not_a_terminal(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.xml", NO_TITLE)
    done = subprocess.run(
        [sys.executable, "-m", "oer_meta", "validate", str(path)], capture_output=True, check=False
    )
    assert b"\x1b[" not in done.stdout
    assert done.returncode == 1


def test_rule_docs_and_listing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "std003"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("STD003 vocabulary-value") and "\nFix\n    " in out and "## " not in out
    assert main(["rules", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {"code", "name", "severity", "areas", "paragraphs", "doc"} <= set(listed[0])
