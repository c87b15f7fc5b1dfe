"""``--format gitlab``: a GitLab Code Quality report read back as GitLab reads it, with
fingerprints stable between runs and line shifts and distinct within a run, batch
findings, unreadable input, internal errors, hostile text and Ctrl-C."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import oer_meta
from oer_meta.cli import main
from oer_meta.report.formatters import RunInfo, make_formatter
from oer_meta.report.formatters.gitlab import fingerprint
from oer_meta.report.results import Tally
from oer_meta.severity import Severity

from .cli_runs import harvest as _harvest
from .cli_runs import interrupted
from .corpus_paths import EXAMPLES
from .test_ci_formats import HOSTILE, _result
from .test_cli_streaming import REMIX, broken_rule  # noqa: F401

SEVERITIES = {"info": "info", "warning": "minor", "error": "major"}
REQUIRED = {"description", "check_name", "fingerprint", "severity", "location"}


def _gitlab(*args: str, out: Path) -> tuple[int, list[dict[str, Any]]]:
    code = main(["validate", *args, "--format", "gitlab", "--output-file", str(out)])
    data = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    for issue in data:  # what GitLab needs of every issue
        assert set(issue) >= REQUIRED
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert isinstance(issue["location"]["path"], str) and issue["location"]["path"]
        assert isinstance(issue["location"]["lines"]["begin"], int)
        assert issue["location"]["lines"]["begin"] >= 1
    return code, data


def test_examples_give_one_issue_per_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(EXAMPLES.parent)
    code, data = _gitlab("examples", out=tmp_path / "gl.json")
    report = oer_meta.validate(EXAMPLES)
    findings = [(r, f) for r in report.results for f in r.findings]
    assert code == 1 and len(data) == len(findings) == len(report.findings)
    for issue, (result, finding) in zip(data, findings, strict=True):
        assert issue["check_name"] == finding.rule
        assert issue["description"] == finding.message
        assert issue["severity"] == SEVERITIES[finding.severity.value]
        file = Path(finding.location.file or result.source or "")
        assert issue["location"]["path"] == file.resolve().relative_to(Path.cwd()).as_posix()
        assert issue["location"]["lines"]["begin"] == (finding.location.line or 1)
        assert issue.get("content", {}).get("body") == finding.hint
    prints = [issue["fingerprint"] for issue in data]
    assert len(set(prints)) == len(prints)  # GitLab shows one issue per fingerprint


def test_fingerprints_are_stable_across_runs_and_line_shifts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    text = (EXAMPLES / "dc" / "faulty-oai_dc.xml").read_text(encoding="utf-8")
    record = Path("record.xml")
    record.write_text(text, encoding="utf-8")
    _, first = _gitlab("record.xml", out=tmp_path / "a.json")
    _, again = _gitlab("record.xml", out=tmp_path / "b.json")
    assert first == again and first
    head, rest = text.split("?>", 1) if text.startswith("<?xml") else ("", text)
    shifted = (head + "?>" if head else "") + "\n\n\n<!-- three more lines -->\n" + rest
    record.write_text(shifted, encoding="utf-8")
    _, moved = _gitlab("record.xml", out=tmp_path / "c.json")
    assert [i["fingerprint"] for i in moved] == [i["fingerprint"] for i in first]
    lines = [
        (i["location"]["lines"]["begin"], j["location"]["lines"]["begin"])
        for i, j in zip(first, moved, strict=True)
    ]
    assert any(after == before + 4 for before, after in lines)  # the lines did move
    Path("renamed.xml").write_text(text, encoding="utf-8")
    _, other = _gitlab("renamed.xml", out=tmp_path / "d.json")
    assert not {i["fingerprint"] for i in other} & {i["fingerprint"] for i in first}


def _write(results: list[Any]) -> list[dict[str, Any]]:
    stream = io.StringIO()
    formatter = make_formatter("gitlab", stream)
    run = RunInfo(profile="unesco", fail_on=Severity.ERROR)
    formatter.start(run)
    tally = Tally(run.fail_on)
    for result in results:
        tally.add(result)
        formatter.result(result)
    formatter.finish(tally)
    data: list[dict[str, Any]] = json.loads(stream.getvalue())
    return data


def test_identical_findings_get_distinct_fingerprints_the_same_each_run() -> None:
    twice = [_result("same", "a.xml"), _result("same", "a.xml")]
    first, again = _write(twice), _write(twice)
    prints = [i["fingerprint"] for i in first]
    assert len(prints) == 2 and prints[0] != prints[1]
    assert prints == [i["fingerprint"] for i in again]


def test_hostile_text_is_valid_json_and_read_back() -> None:
    (issue,) = _write([_result(HOSTILE.replace("\ud800", ""), "dir/a b,c.xml")])
    assert issue["description"] == HOSTILE.replace("\ud800", "")
    assert issue["location"] == {"path": "dir/a b,c.xml", "lines": {"begin": 3}}
    assert issue["severity"] == "major" and issue["check_name"] == "LANG002"


def test_an_empty_run_is_an_empty_array() -> None:
    assert _write([]) == []


def test_batch_findings_are_issues_of_their_record(tmp_path: Path) -> None:
    path = tmp_path / "remix.json"
    path.write_text(json.dumps(REMIX), encoding="utf-8")
    code, data = _gitlab(str(path), "--select", "LIC009", out=tmp_path / "gl.json")
    assert code == 1 and [i["check_name"] for i in data] == ["LIC009"]
    assert data[0]["severity"] == "major"
    assert data[0]["location"]["path"].endswith("remix.json")


def test_an_unreadable_file_is_a_std001_issue(tmp_path: Path) -> None:
    bad = tmp_path / "broken.xml"
    bad.write_text("<lom><general><title>", encoding="utf-8")
    code, data = _gitlab(str(bad), out=tmp_path / "gl.json")
    assert code == 1 and [i["check_name"] for i in data] == ["STD001"]
    assert data[0]["severity"] == "major"
    assert data[0]["location"]["path"].endswith("broken.xml")


@pytest.mark.internal_error_expected
def test_an_internal_error_is_a_critical_issue(broken_rule: str, tmp_path: Path) -> None:  # noqa: F811
    path = _harvest(tmp_path / "oai.xml", 1)
    code, data = _gitlab(str(path), "--select", "DISC", out=tmp_path / "gl.json")
    internal = [i for i in data if i["check_name"] == "INTERNAL"]
    assert code == 3 and len(internal) == 1
    assert internal[0]["severity"] == "critical"
    assert "internal error in rule DISC001" in internal[0]["description"]


def test_standard_input_has_the_path_dash() -> None:
    text = (EXAMPLES / "dc" / "faulty-oai_dc.xml").read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "oer_meta", "validate", "-", "--format", "gitlab"],
        input=text,
        capture_output=True,
        check=False,
    )
    data = json.loads(done.stdout)
    assert done.returncode == 1 and data
    assert {i["location"]["path"] for i in data} == {"-"}


@given(st.lists(st.one_of(st.none(), st.text())), st.lists(st.one_of(st.none(), st.text())))
def test_fingerprints_differ_when_their_parts_do(a: list[str | None], b: list[str | None]) -> None:
    assert (fingerprint(*a) == fingerprint(*b)) == (a == b)


def test_ctrl_c_leaves_a_valid_array(tmp_path: Path) -> None:
    path = _harvest(tmp_path / "big.xml", 60_000)
    written, err, code = interrupted(path, "gitlab", lambda head: head.count(b"\n") >= 3)
    assert code == 130, err
    assert b"Traceback" not in err
    data = json.loads(written)
    assert len(data) >= 1 and len({i["fingerprint"] for i in data}) == len(data)
    assert all(set(i) >= REQUIRED for i in data)
