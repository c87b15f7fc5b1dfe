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


def _many_subjects(tmp_path: Path) -> Path:
    """Three records: the second holds more values than a per-record limit of 12."""
    subjects = "".join(f"<dc:subject>topic {n}</dc:subject>" for n in range(20))
    records = "".join(
        f"<record><header><identifier>oai:x:{n}</identifier><datestamp>2024-01-01"
        f"</datestamp></header><metadata>"
        f"{DC.format(title=f'Lesson {n}').replace('</oai_dc:dc>', extra + '</oai_dc:dc>')}"
        "</metadata></record>"
        for n, extra in enumerate(("", subjects, ""))
    )
    path = tmp_path / "limits.xml"
    path.write_text(f"<OAI-PMH xmlns='{OAI}'><ListRecords>{records}</ListRecords></OAI-PMH>")
    return path


def test_limits_reached_counts_the_records_at_a_limit(tmp_path: Path) -> None:
    from oer_meta.readers.limits import LIMIT_REACHED
    from oer_meta.report import results

    assert results.LIMIT_REACHED == LIMIT_REACHED  # the report's copy of the code
    path = _many_subjects(tmp_path)
    summary = oer_meta.validate(path, limits=oer_meta.ReadLimits(max_values_per_record=12))
    counted = summary.summary()
    assert counted["records"] == 3
    assert counted["limits_reached"] == 1
    [at_limit] = [r for r in summary if any(f.rule == "STD010" for f in r.findings)]
    assert at_limit.index == 1
    assert oer_meta.validate(path).summary()["limits_reached"] == 0
    # a profile that leaves STD010 out reports no finding, and counts none
    ignored = oer_meta.validate(
        path, limits=oer_meta.ReadLimits(max_values_per_record=12), ignore=["STD010"]
    )
    assert ignored.summary()["limits_reached"] == 0


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("json", None),
        ("jsonl", None),
        ("text", "3 records (1 reached a limit)"),
        ("markdown", "3 records (1 reached a limit)"),
        ("html", '<li data-key="limits_reached">Limits reached<b>1</b></li>'),
    ],
)
def test_limits_reached_in_every_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, expected: str | None
) -> None:
    path = _many_subjects(tmp_path)
    main(["validate", str(path), "--format", fmt, "--max-values-per-record", "12"])
    out = capsys.readouterr().out
    if fmt == "json":
        assert json.loads(out)["summary"]["limits_reached"] == 1
    elif fmt == "jsonl":
        last = json.loads(out.splitlines()[-1])
        assert last["type"] == "summary" and last["summary"]["limits_reached"] == 1
    else:
        assert expected is not None and expected in out
    main(["validate", str(path), "--format", fmt])
    quiet = capsys.readouterr().out
    assert "reached a limit" not in quiet
    if fmt == "html":
        assert '<li data-key="limits_reached">Limits reached<b>0</b></li>' in quiet


def test_limits_reached_in_french(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _many_subjects(tmp_path)
    main(["validate", str(path), "--max-values-per-record", "12", "--lang", "fr"])
    assert "1 a atteint une limite" in capsys.readouterr().out
