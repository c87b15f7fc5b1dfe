"""Profiles and selectors: codes, prefixes, areas; severity overrides; TOML files."""

from __future__ import annotations

from pathlib import Path

import pytest

import oer_meta
from oer_meta.errors import UnknownProfileError, UnknownRuleError
from oer_meta.model import Record
from oer_meta.profiles import builtin_profiles, load_profile

EMPTY = Record(source_format="dc")


def _codes(**options: object) -> set[str]:
    return {f.rule for f in oer_meta.check(EMPTY, **options)}  # type: ignore[arg-type]


def test_builtin_profiles() -> None:
    assert {"unesco", "strict", "conformance"} <= set(builtin_profiles())
    assert load_profile("strict").fail_on.value == "warning"


def test_select_by_code_prefix_and_area() -> None:
    assert _codes(select=["DISC001"]) == {"DISC001"}
    assert _codes(select=["DISC00"]) == {f"DISC00{i}" for i in range(1, 9)}
    area4 = _codes(select=["AA4"])
    assert area4 == _codes(select=["4"]) and "DISC007" in area4 and "DISC001" not in area4


def test_ignore_wins_over_select() -> None:
    assert "DISC001" not in _codes(select=["DISC"], ignore=["DISC001"])


def test_unknown_selector_and_profile_are_usage_errors() -> None:
    with pytest.raises(UnknownRuleError):
        oer_meta.check(EMPTY, select=["XYZ"])
    with pytest.raises(UnknownProfileError):
        oer_meta.check(EMPTY, profile="no-such-profile")


def test_profile_file_with_severity_override(tmp_path: Path) -> None:
    path = tmp_path / "repo.toml"
    path.write_text(
        'name = "repo"\nextends = "unesco"\nignore = ["STD"]\n'
        'fail_on = "warning"\n[severity]\nDISC006 = "error"\n',
        encoding="utf-8",
    )
    findings = oer_meta.check(EMPTY, profile=str(path))
    by_code = {f.rule: f.severity.value for f in findings}
    assert by_code["DISC006"] == "error"
    assert not any(code.startswith("STD") for code in by_code)
    report = oer_meta.validate(EMPTY, profile=str(path))
    assert report.profile == "repo" and report.fail_on.value == "warning"


def test_fail_on_decides_ok() -> None:
    record = EMPTY.model_copy(update={"titles": []})
    assert not oer_meta.validate(record).ok  # DISC001 is an error
    only_infos = oer_meta.validate(record, select=["DISC006"])
    assert only_infos.ok
    assert not oer_meta.validate(record, select=["DISC006"], fail_on="info").ok
