"""Configuration files: discovery, precedence, selectors, per-file ignores, excludes,
errors, the published schema (docs/configuration.md)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oer_meta.checks.registry import Rule, all_rules
from oer_meta.cli import main
from oer_meta.config import (
    CONFIG_KEYS,
    ConfigError,
    ConfigFile,
    Discovery,
    Settings,
    config_schema,
    load_config,
    not_a_record,
    path_matches,
)
from oer_meta.profiles import Selection, matches, resolve_selection

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]

#: No title, no licence, a language name, a date that is not ISO 8601: DISC001, LIC001,
#: LANG003, STD004 among others (an invented record).
FAULTY = (
    b'<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"'
    b' xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
    b"  <dc:title></dc:title>\n  <dc:date>May 2001</dc:date>\n"
    b"  <dc:identifier>sheet-1</dc:identifier>\n  <dc:language>English</dc:language>\n"
    b"</oai_dc:dc>\n"
)


def _tree(root: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def _run(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> tuple[int, list[dict[str, Any]], str]:
    """Exit code, the JSON Lines results, standard error."""
    code = main(["validate", *args, "--format", "jsonl"])
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines() if line.strip()]
    return code, [line for line in lines if line["type"] == "result"], captured.err


def _codes(results: list[dict[str, Any]]) -> dict[str, set[str]]:
    """The rule codes found, per file name."""
    return {Path(r["source"]).name: {f["rule"] for f in r["findings"]} for r in results}


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in a fresh folder, so that no configuration of the checkout is found."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- discovery -------------------------------------------------------------------------


def test_the_configuration_is_found_by_walking_up(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tree(in_tmp, {"repo/oer-meta.toml": 'select = ["LIC"]\n', "repo/a/b/r.xml": FAULTY})
    code, results, _ = _run(["repo/a/b/r.xml"], capsys)
    assert _codes(results) == {"r.xml": {"LIC001"}}
    assert code == 1
    found = Discovery().for_path(in_tmp / "repo/a/b/r.xml")
    assert found.source == in_tmp / "repo/oer-meta.toml"


def test_the_nearest_configuration_wins_without_merging(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tree(
        in_tmp,
        {
            "pyproject.toml": '[tool.oer-meta]\nselect = ["LIC"]\n',
            "top.xml": FAULTY,
            # nearer, and says nothing about select: the unesco profile's ALL, not LIC
            "sub/oer-meta.toml": 'ignore = ["STD"]\n',
            "sub/low.xml": FAULTY,
        },
    )
    _, results, _ = _run(["."], capsys)
    codes = _codes(results)
    assert codes["top.xml"] == {"LIC001"}
    assert {"DISC001", "LIC001", "LANG003"} <= codes["low.xml"]
    assert not any(code.startswith("STD") for code in codes["low.xml"])


def test_in_one_folder_the_dotted_file_wins_then_oer_meta_toml_then_pyproject(
    in_tmp: Path,
) -> None:
    _tree(
        in_tmp,
        {
            ".oer-meta.toml": 'select = ["LIC"]\n',
            "oer-meta.toml": 'select = ["DISC"]\n',
            "pyproject.toml": '[tool.oer-meta]\nselect = ["STD"]\n',
        },
    )
    assert Discovery().for_folder(in_tmp).source == in_tmp / ".oer-meta.toml"
    (in_tmp / ".oer-meta.toml").unlink()
    assert Discovery().for_folder(in_tmp).source == in_tmp / "oer-meta.toml"
    (in_tmp / "oer-meta.toml").unlink()
    assert Discovery().for_folder(in_tmp).source == in_tmp / "pyproject.toml"


def test_a_pyproject_without_the_table_is_passed_over(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tree(
        in_tmp,
        {
            "oer-meta.toml": 'select = ["LANG"]\n',
            "pkg/pyproject.toml": '[project]\nname = "x"\n[tool.ruff]\nline-length = 90\n',
            "pkg/r.xml": FAULTY,
        },
    )
    _, results, _ = _run(["pkg"], capsys)
    assert _codes(results) == {"r.xml": {"LANG003"}}


def test_standard_input_takes_the_configuration_of_the_current_folder(
    in_tmp: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(in_tmp, {"oer-meta.toml": 'select = ["LANG"]\n'})
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(FAULTY)))
    _, results, _ = _run(["-"], capsys)
    assert [{f["rule"] for f in r["findings"]} for r in results] == [{"LANG003"}]


def test_config_names_one_file_for_every_input(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tree(
        in_tmp,
        {
            "oer-meta.toml": 'select = ["LANG"]\n',
            "elsewhere/mine.toml": 'select = ["DISC001"]\n',
            "r.xml": FAULTY,
        },
    )
    _, results, _ = _run(["r.xml", "--config", "elsewhere/mine.toml"], capsys)
    assert _codes(results) == {"r.xml": {"DISC001"}}


def test_config_refuses_a_pyproject_without_the_table_and_a_missing_file(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tree(in_tmp, {"pyproject.toml": "[project]\nname = 'x'\n", "r.xml": FAULTY})
    code, _, err = _run(["r.xml", "--config", "pyproject.toml"], capsys)
    assert code == 2 and "has no [tool.oer-meta] table" in err
    code, _, err = _run(["r.xml", "--config", "nope.toml"], capsys)
    assert code == 2 and "nope.toml does not exist" in err


def test_isolated_reads_no_configuration(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _tree(in_tmp, {"oer-meta.toml": 'select = ["LIC"]\n', "r.xml": FAULTY})
    _, results, _ = _run(["r.xml", "--isolated"], capsys)
    assert {"DISC001", "LIC001", "LANG003", "STD004"} <= _codes(results)["r.xml"]
    code, _, err = _run(["r.xml", "--isolated", "--config", "oer-meta.toml"], capsys)
    assert code == 2 and "cannot be used together" in err


def test_each_file_takes_its_own_configuration_and_fail_on(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two folders, two configurations: the exit code is 1 only if a file fails by its
    own configuration's threshold."""
    _tree(
        in_tmp,
        {
            "lenient/oer-meta.toml": 'select = ["LANG003"]\nfail-on = "error"\n',
            "lenient/r.xml": FAULTY,
            "strict/oer-meta.toml": 'select = ["LANG003"]\nfail-on = "warning"\n',
            "strict/r.xml": FAULTY,
        },
    )
    assert _run(["lenient"], capsys)[0] == 0  # LANG003 is a warning
    assert _run(["lenient", "strict"], capsys)[0] == 1


# -- precedence: flags over the file, the more specific selector within a source --------


def test_flags_override_the_file(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _tree(
        in_tmp,
        {
            "oer-meta.toml": 'select = ["LIC"]\nfail-on = "warning"\nformat = "json"\n',
            "r.xml": FAULTY,
        },
    )
    _, results, _ = _run(["r.xml", "--select", "LANG"], capsys)
    assert _codes(results) == {"r.xml": {"LANG003"}}  # --select replaces the file's
    assert _run(["r.xml", "--select", "LANG"], capsys)[0] == 1  # fail-on warning
    assert _run(["r.xml", "--select", "LANG", "--fail-on", "error"], capsys)[0] == 0
    # the file's format is the default of --format
    assert main(["validate", "r.xml"]) == 1
    out = capsys.readouterr().out
    assert json.loads(out)["results"][0]["findings"][0]["rule"] == "LIC001"


def test_extend_select_adds_to_the_files_selection(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tree(in_tmp, {"oer-meta.toml": 'select = ["LIC"]\n', "r.xml": FAULTY})
    _, results, _ = _run(["r.xml", "--extend-select", "LANG003"], capsys)
    assert _codes(results) == {"r.xml": {"LIC001", "LANG003"}}
    (in_tmp / "oer-meta.toml").write_text('select = ["LIC"]\nextend-select = ["DISC001"]\n')
    _, results, _ = _run(["r.xml"], capsys)
    assert _codes(results) == {"r.xml": {"LIC001", "DISC001"}}


def test_the_more_specific_selector_wins_within_one_source(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tree(in_tmp, {"r.xml": FAULTY})
    _, results, _ = _run(["r.xml", "--select", "LIC001", "--ignore", "LIC"], capsys)
    assert _codes(results) == {"r.xml": {"LIC001"}}
    _, results, _ = _run(["r.xml", "--ignore", "LIC001", "--select", "LIC,LANG"], capsys)
    assert _codes(results) == {"r.xml": {"LANG003"}}
    # an area is less specific than a pack, a pack than a code
    (in_tmp / "oer-meta.toml").write_text('select = ["DISC001", "AA1"]\nignore = ["DISC"]\n')
    _, results, _ = _run(["r.xml"], capsys)
    codes = _codes(results)["r.xml"]
    assert {c for c in codes if c.startswith("DISC")} == {"DISC001"}
    assert "LIC001" in codes  # in area 1, and no ignore is more specific


def test_a_later_source_overrides_the_earlier_ones_for_the_rules_it_names(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As in ruff: the command line's --ignore LIC drops the file's LIC001, however
    specific the file's selector; --extend-select brings back what the file ignored."""
    _tree(in_tmp, {"oer-meta.toml": 'select = ["LIC001", "LANG"]\n', "r.xml": FAULTY})
    _, results, _ = _run(["r.xml", "--ignore", "LIC"], capsys)
    assert _codes(results) == {"r.xml": {"LANG003"}}
    (in_tmp / "oer-meta.toml").write_text('select = ["LIC", "LANG"]\nignore = ["LIC001"]\n')
    _, results, _ = _run(["r.xml"], capsys)
    assert _codes(results) == {"r.xml": {"LANG003"}}
    _, results, _ = _run(["r.xml", "--extend-select", "LIC001"], capsys)
    assert _codes(results) == {"r.xml": {"LANG003", "LIC001"}}


def test_severity_per_code_and_profile_from_the_file(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tree(
        in_tmp,
        {
            "conf/oer-meta.toml": 'profile = "../p.toml"\n[severity]\nLANG003 = "error"\n',
            "p.toml": 'name = "mine"\nselect = ["LANG"]\n',
            "conf/r.xml": FAULTY,
        },
    )
    code, results, _ = _run(["conf/r.xml"], capsys)
    assert [(f["rule"], f["severity"]) for f in results[0]["findings"]] == [("LANG003", "error")]
    assert code == 1
    # --profile replaces the file's profile; the file's severities still apply
    _, results, _ = _run(["conf/r.xml", "--profile", "conformance"], capsys)
    assert _codes(results)["r.xml"] and all(c.startswith("STD") for c in _codes(results)["r.xml"])


def test_per_file_ignores_are_globs_from_the_configurations_folder(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tree(
        in_tmp,
        {
            "repo/pyproject.toml": (
                '[tool.oer-meta]\nselect = ["LIC001", "DISC001"]\n'
                '[tool.oer-meta.per-file-ignores]\n"legacy/*.xml" = ["DISC"]\n'
                '"old.xml" = ["LIC001"]\n'
            ),
            "repo/legacy/a.xml": FAULTY,
            "repo/legacy/deeper/b.xml": FAULTY,  # legacy/*.xml does not reach it
            "repo/new/old.xml": FAULTY,  # a name alone matches in any folder
            "repo/c.xml": FAULTY,
        },
    )
    _, results, _ = _run(["repo"], capsys)
    assert _codes(results) == {
        "a.xml": {"LIC001"},
        "b.xml": {"LIC001", "DISC001"},
        "old.xml": {"DISC001"},
        "c.xml": {"LIC001", "DISC001"},
    }


def test_language_sets_the_default_of_lang(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tree(in_tmp, {"oer-meta.toml": 'language = "fr"\nselect = ["LIC001"]\n', "r.xml": FAULTY})
    main(["validate", "r.xml"])
    french = capsys.readouterr().out
    main(["validate", "r.xml", "--lang", "en"])
    english = capsys.readouterr().out
    assert french != english and "Building capacity" in english
    assert "Building capacity" not in french


# -- excludes -------------------------------------------------------------------------

SCHEMA_JSON = '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}'
CONTEXT_JSON = '{"@context": {"@vocab": "https://schema.org/", "id": "@id"}}'


def test_default_excludes_when_a_folder_is_walked(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tree(
        in_tmp,
        {
            "r.xml": FAULTY,
            "venv/lib/x.xml": FAULTY,
            "node_modules/p/y.xml": FAULTY,
            "__pycache__/z.xml": FAULTY,
            "record.schema.json": SCHEMA_JSON,
            "schemas/about.json": SCHEMA_JSON,  # a JSON Schema by its content
            "ctx/context.jsonld": CONTEXT_JSON,
            "ctx/terms.json": CONTEXT_JSON,  # a context document by its content
        },
    )
    _, results, _ = _run([".", "--select", "STD001,LIC001"], capsys)
    assert sorted(_codes(results)) == ["r.xml"]
    # a file named explicitly is always read (and the reader says what it is)
    _, results, _ = _run(["ctx/terms.json", "venv/lib/x.xml"], capsys)
    assert sorted(_codes(results)) == ["terms.json", "x.xml"]
    # unless --force-exclude, which applies the exclude globs to it too
    code, results, _ = _run(["venv/lib/x.xml", "r.xml", "--force-exclude"], capsys)
    assert sorted(_codes(results)) == ["r.xml"] and code == 1


def test_exclude_replaces_the_defaults_and_extend_exclude_adds(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {"r.xml": FAULTY, "venv/v.xml": FAULTY, "drafts/d.xml": FAULTY, "x.lom": FAULTY}
    _tree(in_tmp, {**files, "oer-meta.toml": 'extend-exclude = ["drafts"]\n'})
    _, results, _ = _run(["."], capsys)
    assert sorted(_codes(results)) == ["r.xml", "x.lom"]
    (in_tmp / "oer-meta.toml").write_text('exclude = ["drafts/*.xml"]\ninclude = ["*.xml"]\n')
    _, results, _ = _run(["."], capsys)
    assert sorted(_codes(results)) == ["r.xml", "v.xml"]


def test_include_matches_file_names_or_whole_paths(tmp_path: Path) -> None:
    settings = Settings(root=tmp_path, include=("*.xml", "feeds/**/*.json"))
    assert settings.included(tmp_path / "a" / "r.XML")
    assert not settings.included(tmp_path / "dir.xml" / "r.json")  # a folder's name
    assert settings.included(tmp_path / "feeds" / "2024" / "r.json")
    assert not settings.included(tmp_path / "other" / "feeds" / "r.json")


def test_not_a_record_looks_only_into_small_json_files(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            "s.json": SCHEMA_JSON,
            "c.jsonld": CONTEXT_JSON,
            "s.xml": SCHEMA_JSON,
            "r.json": '{"@context": "https://schema.org/", "@type": "LearningResource"}',
            "bad.json": '{"$schema": ',
        },
    )
    assert not_a_record(tmp_path / "s.json") and not_a_record(tmp_path / "c.jsonld")
    assert not not_a_record(tmp_path / "s.xml")
    assert not not_a_record(tmp_path / "r.json") and not not_a_record(tmp_path / "bad.json")


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("venv", "a/venv/x.xml", True),
        ("*.schema.json", "a/b.schema.json", True),
        ("*.schema.json", "a/b.json", False),
        ("legacy/old", "legacy/old/a.xml", True),
        ("legacy/old", "x/legacy/old/a.xml", False),
        ("**/old", "x/legacy/old/a.xml", True),
        ("legacy/**/*.xml", "legacy/a/b/c.xml", True),
        ("legacy/**/*.xml", "legacy/c.xml", True),
        ("legacy/**/*.xml", "other/c.xml", False),
        ("Legacy/*.XML", "legacy/c.xml", True),
    ],
)
def test_globs(pattern: str, path: str, expected: bool) -> None:
    assert path_matches(pattern, tuple(path.split("/"))) is expected


# -- invalid files ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('selct = ["LIC"]\n', "unknown key 'selct'; did you mean 'select'?"),
        ('extend_select = ["LIC"]\n', "did you mean 'extend-select'?"),
        ('select = "LIC"\n', "select: Input should be a valid list"),
        ('select = ["LICC"]\n', "did you mean 'LIC'?"),
        ("[severity]\nLIC01 = 'error'\n", "[severity] 'LIC01' is not a rule code"),
        ("[severity]\nLIC001 = 'eror'\n", "did you mean 'error'?"),
        ('fail-on = "warn"\n', "fail-on = 'warn' is not a severity"),
        ('profile = "unesko"\n', "did you mean 'unesco'?"),
        ("jobs = -1\n", "jobs: Input should be greater than or equal to 0"),
        ('language = "de"\n', "language: Input should be 'en' or 'fr'"),
        ('format = "sarf"\n', "format = 'sarf' is not one of"),
        ('[per-file-ignores]\n"*.xml" = ["NOPE1"]\n', "per-file-ignores"),
        ('select = ["LIC"]\nfail-on = \n', "line 2"),
    ],
)
def test_an_invalid_file_is_an_error_naming_file_key_and_nearest(
    in_tmp: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    _tree(in_tmp, {"oer-meta.toml": content, "r.xml": FAULTY})
    code, results, err = _run(["r.xml"], capsys)
    assert code == 2 and results == []
    assert str(in_tmp / "oer-meta.toml") in err
    assert expected in err


def test_the_table_in_pyproject_is_named_in_errors(in_tmp: Path) -> None:
    (in_tmp / "pyproject.toml").write_text('[tool.oer-meta]\nignroe = ["LIC"]\n')
    with pytest.raises(ConfigError) as caught:
        load_config(in_tmp / "pyproject.toml")
    assert "[tool.oer-meta] unknown key 'ignroe'; did you mean 'ignore'?" in str(caught.value)
    assert caught.value.file == str(in_tmp / "pyproject.toml")


def test_show_settings_says_where_they_come_from(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tree(in_tmp, {"oer-meta.toml": 'select = ["LIC001"]\njobs = 4\n', "r.xml": FAULTY})
    assert main(["validate", "r.xml", "--show-settings", "--extend-select", "LANG003"]) == 0
    out = capsys.readouterr().out
    assert f"config file: {in_tmp / 'oer-meta.toml'}\ninputs: 1\n" in out
    rules = next(line for line in out.splitlines() if line.startswith("rules ("))
    assert {"LANG003", "LIC001"} <= set(rules.split(": ")[1].split())
    assert "DISC001" not in rules and "jobs: 4" in out
    assert main(["validate", "r.xml", ".", "--show-settings"]) == 0  # r.xml met twice
    assert "\ninputs: 1\n" in capsys.readouterr().out
    assert main(["validate", "r.xml", "--show-settings", "--isolated"]) == 0
    assert "config file: none (defaults)" in capsys.readouterr().out


# -- the published schema --------------------------------------------------------------


def test_the_committed_schema_is_current() -> None:
    committed = json.loads((ROOT / "schemas" / "config.schema.json").read_text("utf-8"))
    regenerate = "python -m oer_meta.config > schemas/config.schema.json"
    assert committed == config_schema(), f"the schema is stale: run {regenerate}"


def test_the_schema_and_the_loader_agree(tmp_path: Path) -> None:
    schema = config_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert set(schema["properties"]) == {*CONFIG_KEYS, "fail_on"}
    example = (
        'profile = "strict"\nselect = ["ALL"]\nignore = ["DISC006"]\nextend-select = []\n'
        'fail-on = "warning"\nlanguage = "fr"\nformat = "sarif"\njobs = 2\n'
        'include = ["*.xml"]\nexclude = ["build"]\nextend-exclude = ["drafts"]\n'
        '[severity]\nDISC003 = "error"\n[per-file-ignores]\n"legacy/*.xml" = ["LIC"]\n'
    )
    jsonschema.validate(tomllib.loads(example), schema)
    (tmp_path / "oer-meta.toml").write_text(example)
    assert load_config(tmp_path / "oer-meta.toml") is not None
    for wrong in ({"selct": []}, {"jobs": -1}, {"severity": {"LIC001": "fatal"}}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(wrong, schema)
    assert set(ConfigFile.model_fields) >= {"per_file_ignores", "extend_exclude"}


# -- selector resolution against a reference ---------------------------------------------

RULES = all_rules()
SELECTORS = sorted(
    {"ALL", "AA1", "AA3", "4"}
    | {r.pack for r in RULES}
    | {r.code for r in RULES}
    | {r.code[:-1] for r in RULES}
)


def _rank(rule: Rule, selector: str) -> int:
    """How specific a selector that matches ``rule`` is, written out again: ALL, then
    an area, then prefixes by length, the rule's own code last."""
    value = selector.upper()
    if value == "ALL":
        return 0
    if value.removeprefix("AA").isdigit():
        return 1
    return 99 if value == rule.code else 2 + len(value)


def _reference(rules: list[Rule], layers: list[Selection]) -> set[str]:
    """Ruff's procedure spelled out: per source, selectors applied from the least to
    the most specific, each level's selects then its ignores; a source with select
    starts from nothing, one without starts from what the sources before left."""
    on: set[str] = set()
    for layer in layers:
        chosen = [*(layer.select or ()), *layer.extend_select]
        current = set() if layer.select is not None else set(on)
        levels = sorted(
            {_rank(r, s) for r in rules for s in [*chosen, *layer.ignore] if matches(r, s)}
        )
        for level in levels:
            for selector in chosen:
                current |= {
                    r.code for r in rules if matches(r, selector) and _rank(r, selector) == level
                }
            for selector in layer.ignore:
                current -= {
                    r.code for r in rules if matches(r, selector) and _rank(r, selector) == level
                }
        on = current
    return on


_selectors = st.lists(st.sampled_from(SELECTORS), max_size=4).map(tuple)
_layer = st.builds(
    Selection,
    select=st.one_of(st.none(), _selectors),
    ignore=_selectors,
    extend_select=_selectors,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_layer, min_size=1, max_size=3))
def test_selection_equals_the_reference(layers: list[Selection]) -> None:
    got = {r.code for r in resolve_selection(RULES, layers)}
    assert got == _reference(RULES, layers)


def test_the_example_of_the_documentation_loads(tmp_path: Path) -> None:
    text = (ROOT / "docs" / "configuration.md").read_text("utf-8")
    example = text.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "pyproject.toml").write_text(example, encoding="utf-8")
    loaded = load_config(tmp_path / "pyproject.toml")
    assert loaded is not None and loaded.format == "github"
    assert loaded.ignored_here(str(tmp_path / "legacy" / "a" / "b.xml")) == ("STD004",)
    jsonschema.validate(tomllib.loads(example)["tool"]["oer-meta"], config_schema())
