"""Resource limits (docs/limits.md): each configurable, each a finding when reached,
the records before it kept."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

import oer_meta
from oer_meta import ReadLimits
from oer_meta.checks import registry
from oer_meta.checks.registry import Violation
from oer_meta.cli import main
from oer_meta.readers.limits import too_deep

LOM = "http://ltsc.ieee.org/xsd/LOM"


def _lom(body: str) -> str:
    return (
        f"<lom xmlns='{LOM}'><general><title><string language='en'>T</string></title>"
        f"{body}</general></lom>"
    )


def _keywords(n: int) -> str:
    return "".join(f"<keyword><string language='en'>k{i}</string></keyword>" for i in range(n))


def _jsonld(**extra: object) -> dict[str, object]:
    return {"@context": "https://schema.org/", "@type": "LearningResource", "name": "T", **extra}


def _rules(result: oer_meta.RecordResult, code: str) -> list[str]:
    return [f.message for f in result.findings if f.rule == code]


def test_defaults_are_documented_values() -> None:
    limits = ReadLimits()
    assert limits.max_file_bytes is None
    assert limits.max_values_per_record == 100_000
    assert limits.max_depth == 100
    assert limits.max_seconds_per_record == 30.0


@pytest.mark.parametrize(
    "field, value",
    [
        ("max_file_bytes", 0),
        ("max_values_per_record", 0),
        ("max_depth", 0),
        ("max_seconds_per_record", 0.0),
    ],
)
def test_limits_below_one_are_refused(field: str, value: float) -> None:
    with pytest.raises(ValueError, match=field):
        ReadLimits(**{field: value})  # type: ignore[arg-type]


def test_xml_values_per_record_keeps_the_first_and_notes_std009() -> None:
    report = oer_meta.validate(_lom(_keywords(30)), limits=ReadLimits(max_values_per_record=20))
    (result,) = report.results
    assert result.record is not None
    # title/string and the first keywords fill the 20 elements; the rest are skipped
    assert 0 < len(result.record.keywords) < 30
    (message,) = _rules(result, "STD010")
    assert "more than 20 values" in message
    unlimited = oer_meta.validate(_lom(_keywords(30))).results[0]
    assert unlimited.record is not None and len(unlimited.record.keywords) == 30
    assert _rules(unlimited, "STD010") == []


def test_xml_values_per_record_counts_again_for_each_record() -> None:
    text = "<list>" + _lom(_keywords(5)) * 3 + "</list>"
    report = oer_meta.validate(text, limits=ReadLimits(max_values_per_record=20))
    assert [len(r.record.keywords) for r in report.results if r.record] == [5, 5, 5]
    assert all(_rules(r, "STD010") == [] for r in report.results)


def test_xml_depth_skips_what_lies_deeper() -> None:
    deep = "<keyword>" * 8 + "</keyword>" * 8
    (result,) = oer_meta.validate(_lom(deep), limits=ReadLimits(max_depth=4)).results
    (message,) = _rules(result, "STD010")
    assert "deeper than 4 levels" in message
    assert result.record is not None and result.record.title == "T"
    (fine,) = oer_meta.validate(_lom(deep)).results
    assert _rules(fine, "STD010") == []


def test_json_depth_refuses_that_record_only() -> None:
    deep: object = "x"
    for _ in range(10):
        deep = {"name": deep}
    records = [_jsonld(about=deep), _jsonld(name="second")]
    report = oer_meta.validate(json.dumps(records), limits=ReadLimits(max_depth=5))
    assert [r.status for r in report.results] == ["unreadable", "checked"]
    (message,) = _rules(report.results[0], "STD001")
    assert "deeper than 5 levels" in message
    assert report.results[0].findings[0].location.path.startswith("/0/about/name")


def test_too_deep_names_the_first_value_beyond_the_limit() -> None:
    assert too_deep({"a": [{"b": 1}]}, 3) is None
    assert too_deep({"a": [{"b": {}}]}, 3) == "/a/0/b"
    assert too_deep({"a/b": {"~": {}}}, 2) == "/a~1b/~0"
    nested: object = []
    for _ in range(100_000):  # no recursion: no RecursionError however deep
        nested = [nested]
    assert too_deep(nested, 50) is not None


def test_json_values_per_record() -> None:
    record = _jsonld(keywords=[f"k{i}" for i in range(30)], inLanguage=["en", "fr"])
    (result,) = oer_meta.validate(record, limits=ReadLimits(max_values_per_record=10)).results
    assert result.record is not None
    assert len(result.record.keywords) + len(result.record.languages) == 10
    (message,) = _rules(result, "STD010")
    assert "more than 10 values" in message and "22 values" in message


def test_file_size_refuses_the_file_and_keeps_the_others(tmp_path: Path) -> None:
    (tmp_path / "a-small.xml").write_text(_lom(""), encoding="utf-8")
    (tmp_path / "b-big.xml").write_text(_lom(_keywords(50)), encoding="utf-8")
    limit = (tmp_path / "a-small.xml").stat().st_size + 10
    report = oer_meta.validate(tmp_path, limits=ReadLimits(max_file_bytes=limit))
    assert [r.status for r in report.results] == ["checked", "unreadable"]
    (message,) = _rules(report.results[1], "STD001")
    assert f"more than the limit of {limit} bytes" in message


def test_file_size_applies_to_bytes_and_streamed_json_lines() -> None:
    lines = "\n".join(json.dumps(_jsonld(name=f"r{i}")) for i in range(5)) + "\n"
    report = oer_meta.validate(lines.encode(), limits=ReadLimits(max_file_bytes=100))
    assert [r.status for r in report.results] == ["unreadable"]


@pytest.fixture
def slow_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    """DISC001's check made to take 0.2 s (and find nothing), for one test."""
    original = registry._REGISTRY["DISC001"]

    def slow(record: oer_meta.Record) -> Iterator[Violation]:
        time.sleep(0.2)
        yield from ()

    monkeypatch.setitem(registry._REGISTRY, "DISC001", replace(original, check=slow))


@pytest.mark.usefixtures("slow_rule")
def test_time_per_record_stops_the_rules_left() -> None:
    text = "<list>" + _lom("") * 2 + "</list>"
    report = oer_meta.validate(
        text, select=["DISC001", "LIC", "STD"], limits=ReadLimits(max_seconds_per_record=0.1)
    )
    assert [r.status for r in report.results] == ["checked", "checked"]
    for result in report.results:
        (message,) = _rules(result, "STD010")
        assert "more than the limit of 0.1 s per record" in message
        assert "rules were not run" in message
        # the LIC rules come after DISC001, which ran over the limit: not run
        assert not any(f.rule.startswith("LIC") for f in result.findings)
    relaxed = oer_meta.validate(text, select=["DISC001", "LIC", "STD"])
    for result in relaxed.results:
        assert _rules(result, "STD010") == []
        assert any(f.rule.startswith("LIC") for f in result.findings)


@pytest.mark.usefixtures("slow_rule")
def test_time_limit_message_in_french() -> None:
    report = oer_meta.validate(
        _lom(""),
        select=["DISC001", "STD"],
        limits=ReadLimits(max_seconds_per_record=0.1),
        lang="fr",
    )
    (message,) = _rules(report.results[0], "STD010")
    assert "plus que la limite de 0.1" in message


def _cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], str]:
    """Exit code, the findings' messages (JSON Lines), standard error."""
    code = main(["validate", *args, "--format", "jsonl"])
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines() if line.strip()]
    found = [f["message"] for line in lines if line["type"] == "result" for f in line["findings"]]
    return code, found, captured.err


def test_cli_flags_set_the_limits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.xml"
    path.write_text(_lom(_keywords(30)), encoding="utf-8")
    _, found, _ = _cli([str(path), "--max-values-per-record", "20"], capsys)
    assert any("more than 20 values" in m for m in found)
    _, found, _ = _cli([str(path), "--max-file-size", "10"], capsys)
    assert any("more than the limit of 10 bytes per file" in m for m in found)
    _, found, _ = _cli([str(path), "--max-depth", "2"], capsys)
    assert any("deeper than 2 levels" in m for m in found)


@pytest.mark.parametrize(
    "flag, value",
    [("--max-depth", "0"), ("--max-seconds-per-record", "-1"), ("--max-file-size", "x")],
)
def test_cli_refuses_bad_limits(tmp_path: Path, flag: str, value: str) -> None:
    path = tmp_path / "r.xml"
    path.write_text(_lom(""), encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["validate", str(path), flag, value])
    assert exc.value.code == 2


def test_configuration_limits_table_and_flag_over_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "oer-meta.toml").write_text(
        "[limits]\nmax-values-per-record = 20\nmax-seconds-per-record = 5\n", encoding="utf-8"
    )
    path = tmp_path / "r.xml"
    path.write_text(_lom(_keywords(30)), encoding="utf-8")
    _, found, _ = _cli([str(path)], capsys)
    assert any("more than 20 values" in m for m in found)
    _, found, _ = _cli([str(path), "--max-values-per-record", "25"], capsys)
    assert any("more than 25 values" in m for m in found)
    assert not any("more than 20 values" in m for m in found)


def test_configuration_refuses_an_unknown_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "oer-meta.toml").write_text("[limits]\nmax-dept = 3\n", encoding="utf-8")
    path = tmp_path / "r.xml"
    path.write_text(_lom(""), encoding="utf-8")
    code, _, err = _cli([str(path)], capsys)
    assert code == 2
    assert "max-dept" in err
