"""The summary of every run (issue 11 §4): records read, checked, deleted, unreadable,
internal errors and findings by severity; with ``--format jsonl`` it is the last line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

import oer_meta
from oer_meta.checks import registry
from oer_meta.checks.registry import Violation
from oer_meta.cli import main

OAI = "http://www.openarchives.org/OAI/2.0/"
DC = (
    "<oai_dc:dc xmlns:oai_dc='http://www.openarchives.org/OAI/2.0/oai_dc/' "
    "xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:title>{title}</dc:title></oai_dc:dc>"
)


def _harvest() -> str:
    """Three live records, one of them titled CRASH, and one deleted record."""
    records = "".join(
        f"<record><header><identifier>oai:x:{t}</identifier><datestamp>2024-01-01</datestamp>"
        f"</header><metadata>{DC.format(title=t)}</metadata></record>"
        for t in ("one", "CRASH", "three")
    )
    deleted = (
        "<record><header status='deleted'><identifier>oai:x:gone</identifier>"
        "<datestamp>2024-01-01</datestamp></header></record>"
    )
    return f"<OAI-PMH xmlns='{OAI}'><ListRecords>{records}{deleted}</ListRecords></OAI-PMH>"


def _crash_on_title(record: oer_meta.Record) -> Iterator[Violation]:
    if record.title == "CRASH":
        raise ZeroDivisionError("boom")
    yield from ()


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    original = registry.get_rule("DISC001")
    monkeypatch.setitem(registry._REGISTRY, "DISC001", replace(original, check=_crash_on_title))
    (tmp_path / "a.xml").write_text(_harvest(), encoding="utf-8")
    (tmp_path / "b.json").write_text("{not json", encoding="utf-8")
    return tmp_path


@pytest.mark.internal_error_expected
def test_summary_counts_every_status(inputs: Path) -> None:
    # a selection of its own: the default profile keeps the rules it resolved first
    summary = oer_meta.validate(inputs, select=["DISC", "LIC", "STD"]).summary()
    assert summary["records"] == 5
    assert summary["checked"] == 2
    assert summary["deleted"] == 1
    assert summary["unreadable"] == 1
    assert summary["internal_errors"] == 1
    assert summary["internal_error_records"] == 1
    statuses = ("checked", "deleted", "unreadable", "internal_error_records")
    assert summary["records"] == sum(summary[key] for key in statuses)
    assert summary["errors"] >= 1  # STD001 on the unreadable file
    assert {"errors", "warnings", "infos"} <= summary.keys()


@pytest.mark.internal_error_expected
def test_jsonl_last_line_is_the_summary_of_the_json_report(
    inputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["validate", str(inputs), "--format", "jsonl", "--select", "DISC,LIC,STD"])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert code == 3  # an internal error
    assert lines[-1]["type"] == "summary"
    assert all(line["type"] != "summary" for line in lines[:-1])
    main(["validate", str(inputs), "--format", "json", "--select", "DISC,LIC,STD"])
    report = json.loads(capsys.readouterr().out)
    assert lines[-1]["summary"] == report["summary"]
    results = [line for line in lines if line["type"] == "result"]
    assert lines[-1]["summary"]["records"] == len(results)
    severities = [f["severity"] for r in results for f in r["findings"]]
    assert lines[-1]["summary"]["errors"] == severities.count("error")
    assert lines[-1]["summary"]["warnings"] == severities.count("warning")
    assert lines[-1]["summary"]["infos"] == severities.count("info")
