"""Profiles and selectors: codes, prefixes, areas; severity overrides; TOML files."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import pytest

import oer_meta
from oer_meta.errors import UnknownProfileError, UnknownRuleError, UsageError
from oer_meta.model import Record
from oer_meta.profiles import (
    PROFILE_KEYS,
    ProfileError,
    ProfileFile,
    builtin_profiles,
    load_profile,
)
from oer_meta.severity import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

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


# -- profile files are checked when loaded ----------------------------------------------


def _profile(tmp_path: Path, text: str, name: str = "my.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _refused(path: Path | str) -> str:
    """The message of the error loading ``path`` raises (a ProfileError)."""
    with pytest.raises(ProfileError) as caught:
        load_profile(str(path))
    assert caught.value.file == str(path)
    return str(caught.value)


def test_profile_error_is_an_unknown_profile_and_usage_error() -> None:
    assert issubclass(ProfileError, UnknownProfileError)
    assert issubclass(ProfileError, UsageError)


@pytest.mark.parametrize(
    ("text", "key", "suggestion"),
    [
        ('ignor = ["DISC"]\n', "ignor", "ignore"),
        ('selct = ["STD"]\n', "selct", "select"),
        ('extend = "unesco"\n', "extend", "extends"),
        ('descripton = "x"\n', "descripton", "description"),
        ('nam = "x"\n', "nam", "name"),
        ('fail_onn = "info"\n', "fail_onn", "fail_on"),
        ('fail-of = "info"\n', "fail-of", "fail-on"),
        ('[severty]\nDISC003 = "error"\n', "severty", "severity"),
    ],
)
def test_misspelled_key_is_refused_with_the_nearest_key(
    tmp_path: Path, text: str, key: str, suggestion: str
) -> None:
    path = _profile(tmp_path, text)
    message = _refused(path)
    assert message == f"profile {path}: unknown key {key!r}; did you mean {suggestion!r}?"


def test_unrelated_key_lists_the_valid_keys(tmp_path: Path) -> None:
    message = _refused(_profile(tmp_path, "frobnicate = 1\n"))
    assert "unknown key 'frobnicate'; valid keys: name, description, extends" in message


def test_several_problems_are_all_reported(tmp_path: Path) -> None:
    path = _profile(tmp_path, 'ignor = ["DISC"]\nselect = "STD"\n')
    message = _refused(path)
    assert message.startswith(f"profile {path}: 2 problems:")
    assert "unknown key 'ignor'; did you mean 'ignore'?" in message
    assert "select: Input should be a valid list (got str)" in message


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('select = "STD"\n', "select: Input should be a valid list (got str)"),
        ("ignore = [1]\n", "ignore[0]: Input should be a valid string (got int)"),
        ("fail_on = 3\n", "fail_on: Input should be a valid string (got int)"),
        ("[severity]\nDISC003 = true\n", "[severity] DISC003: Input should be a valid string"),
        ('[severity.DISC]\nx = "error"\n', "[severity] DISC: Input should be a valid string"),
    ],
)
def test_value_of_the_wrong_type_is_refused(tmp_path: Path, text: str, where: str) -> None:
    path = _profile(tmp_path, text)
    assert _refused(path).startswith(f"profile {path}: {where}")


def test_fail_on_with_a_hyphen_is_an_alias(tmp_path: Path) -> None:
    path = _profile(tmp_path, 'name = "hyphen"\nfail-on = "info"\n')
    profile = load_profile(str(path))
    assert profile.fail_on is Severity.INFO
    report = oer_meta.validate(EMPTY, profile=str(path))
    assert report.profile == "hyphen" and report.fail_on is Severity.INFO


def test_fail_on_spelled_both_ways_is_refused(tmp_path: Path) -> None:
    path = _profile(tmp_path, 'fail_on = "error"\nfail-on = "info"\n')
    message = _refused(path)
    assert str(path) in message and "'fail_on' and 'fail-on'" in message


@pytest.mark.parametrize(
    ("text", "where", "suggestion"),
    [
        ('fail_on = "warn"\n', "fail_on = 'warn'", "warning"),
        ('fail-on = "inf"\n', "fail-on = 'inf'", "info"),
        ('[severity]\nDISC003 = "eror"\n', "[severity] DISC003 = 'eror'", "error"),
    ],
)
def test_unknown_severity_is_refused_with_the_nearest(
    tmp_path: Path, text: str, where: str, suggestion: str
) -> None:
    path = _profile(tmp_path, text)
    assert _refused(path) == (
        f"profile {path}: {where} is not a severity; did you mean {suggestion!r}?"
        " (use error, warning or info)"
    )


def test_severity_names_and_codes_are_case_insensitive(tmp_path: Path) -> None:
    path = _profile(tmp_path, 'fail_on = " Warning "\n[severity]\ndisc003 = "ERROR"\n')
    profile = load_profile(str(path))
    assert profile.fail_on is Severity.WARNING
    assert profile.severity == {"DISC003": Severity.ERROR}


@pytest.mark.parametrize(("code", "suggestion"), [("DISK001", "DISC001"), ("LIC999", None)])
def test_unknown_rule_code_in_severity_is_refused(
    tmp_path: Path, code: str, suggestion: str | None
) -> None:
    path = _profile(tmp_path, f'[severity]\n{code} = "error"\n')
    message = _refused(path)
    assert message.startswith(f"profile {path}: [severity] {code!r} is not a rule code")
    if suggestion:
        assert message.endswith(f"; did you mean {suggestion!r}?")
    else:  # the nearest code, whichever it is, is still suggested
        assert "; did you mean 'LIC" in message


@pytest.mark.parametrize("key", ["select", "ignore"])
def test_selector_naming_nothing_is_refused_with_the_nearest(tmp_path: Path, key: str) -> None:
    path = _profile(tmp_path, f'{key} = ["STD", "DISK"]\n')
    assert _refused(path) == (
        f"profile {path}: {key}: 'DISK' names no rule code, code prefix or action area"
        " (AA1-AA5); did you mean 'DISC'?"
    )


def test_selector_suggestion_on_the_api_too() -> None:
    with pytest.raises(UnknownRuleError, match=r"'DISK' names no rule.*did you mean 'DISC'\?"):
        oer_meta.check(EMPTY, select=["DISK"])


def test_invalid_toml_names_the_file_and_line(tmp_path: Path) -> None:
    path = _profile(tmp_path, 'name = "x"\nselect = ["STD",\n  oops]\n')
    message = _refused(path)
    assert message.startswith(f"profile {path}, line 3, column 3: invalid TOML: ")


def test_invalid_toml_at_the_end_names_the_last_line(tmp_path: Path) -> None:
    path = _profile(tmp_path, 'name = "x"\nselect = ["STD"\n')
    assert _refused(path) == f"profile {path}, line 2: invalid TOML: Unclosed array"


def test_extends_an_unknown_profile(tmp_path: Path) -> None:
    path = _profile(tmp_path, 'extends = "unesko"\n')
    message = _refused(path)
    assert message.startswith(
        f"profile {path}: extends 'unesko': no profile named 'unesko'; did you mean 'unesco'?"
    )


def test_extends_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "base.toml"
    path = _profile(tmp_path, f'extends = "{missing.as_posix()}"\n')
    assert _refused(path) == (
        f"profile {path}: extends {missing.as_posix()!r}: "
        f"profile file {missing.as_posix()} does not exist"
    )


def test_extends_an_invalid_file_names_that_file(tmp_path: Path) -> None:
    base = _profile(tmp_path, 'ignor = ["STD"]\n', name="base.toml")
    path = _profile(tmp_path, f'extends = "{base.as_posix()}"\n')
    with pytest.raises(ProfileError) as caught:
        load_profile(str(path))
    assert str(caught.value).startswith(f"profile {base.as_posix()}: unknown key 'ignor'")


def test_extends_cycle_is_refused(tmp_path: Path) -> None:
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    a.write_text(f'extends = "{b.as_posix()}"\n', encoding="utf-8")
    b.write_text(f'extends = "{a.as_posix()}"\n', encoding="utf-8")
    with pytest.raises(ProfileError, match="extends itself"):
        load_profile(str(a))


def test_extends_inherits_what_the_file_does_not_set(tmp_path: Path) -> None:
    path = _profile(
        tmp_path, 'extends = "strict"\nignore = ["STD"]\n[severity]\nDISC006 = "error"\n'
    )
    profile = load_profile(str(path))
    strict = load_profile("strict")
    assert profile.name == "my" and profile.description == strict.description
    assert profile.fail_on is Severity.WARNING and profile.select == strict.select
    assert profile.ignore == ("STD",) and profile.severity["DISC006"] is Severity.ERROR


@pytest.mark.parametrize("name", ["missing.toml", "sub/dir/profile", "MISSING.TOML"])
def test_missing_profile_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UnknownProfileError) as caught:
        load_profile(name)
    assert not isinstance(caught.value, ProfileError)
    assert str(caught.value) == f"profile file {name} does not exist"


def test_unknown_profile_name_suggests_the_nearest_built_in() -> None:
    with pytest.raises(UnknownProfileError) as caught:
        load_profile("unesko")
    message = str(caught.value)
    assert message.startswith("no profile named 'unesko'; did you mean 'unesco'?")
    assert "built-in profiles: amb, conformance, dc, lom, minimal, strict, unesco" in message


def test_unknown_profile_name_without_a_near_one() -> None:
    with pytest.raises(UnknownProfileError) as caught:
        load_profile("zzz")
    assert "did you mean" not in str(caught.value)


@pytest.mark.parametrize("name", builtin_profiles())
def test_every_built_in_profile_passes_its_own_checks(name: str) -> None:
    folder = resources.files("oer_meta").joinpath("data").joinpath("profiles")
    data = tomllib.loads(folder.joinpath(f"{name}.toml").read_text(encoding="utf-8"))
    ProfileFile.model_validate(data)
    assert load_profile(name).name == name


def test_profile_keys_are_the_model_fields_and_the_alias() -> None:
    fields = {info.alias or name for name, info in ProfileFile.model_fields.items()}
    assert set(PROFILE_KEYS) == fields | {"fail-on"}


def test_cli_reports_a_bad_profile_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from oer_meta.cli import main

    profile = _profile(tmp_path, 'ignor = ["DISC"]\n')
    record = tmp_path / "r.xml"
    record.write_bytes(b'<lom xmlns="http://ltsc.ieee.org/xsd/LOM"><general/></lom>')
    assert main(["validate", str(record), "--profile", str(profile)]) == 2
    assert "unknown key 'ignor'; did you mean 'ignore'?" in capsys.readouterr().err
