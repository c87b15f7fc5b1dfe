"""``--format sarif``: one SARIF 2.1.0 run, valid against the official schema, with the
profile's rules up front, results streamed as records are checked (batch findings
among them), internal errors as notifications, and a whole document after Ctrl-C."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import oer_meta
from oer_meta.checks import registry
from oer_meta.checks.registry import Violation
from oer_meta.cli import main
from oer_meta.profiles import load_profile
from oer_meta.report.formatters import RunInfo, make_formatter
from oer_meta.report.formatters.sarif import artifact_uri, logical_kind
from oer_meta.report.results import Tally
from oer_meta.severity import Severity

from .cli_runs import harvest, interrupted
from .corpus_paths import CORPUS2, EXAMPLES, SHARED, needs_corpus2

SARIF_SCHEMA_FILE = SHARED / "schemas" / "sarif-schema-2.1.0.json"
needs_schema = pytest.mark.skipif(
    not SARIF_SCHEMA_FILE.is_file(),
    reason="../shared/schemas/sarif-schema-2.1.0.json is absent (the official schema is "
    "read in place, never copied)",
)

#: what RFC 3986 allows in a URI reference (percent signs only as escapes)
_URI = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")


def _valid(data: dict[str, Any]) -> None:
    """``data`` is valid SARIF 2.1.0, and every URI in it is a URI reference."""
    if SARIF_SCHEMA_FILE.is_file():
        schema = json.loads(SARIF_SCHEMA_FILE.read_text(encoding="utf-8"))
        jsonschema.Draft7Validator(schema).validate(data)
    run = data["runs"][0]
    for result in run["results"]:
        for location in result.get("locations", []):
            uri = location.get("physicalLocation", {}).get("artifactLocation", {}).get("uri")
            if uri is not None:
                assert _URI.match(uri), uri
    for base in run["originalUriBaseIds"].values():
        assert base["uri"].startswith("file:///") and base["uri"].endswith("/")


def _sarif(*args: str, tmp_path: Path) -> tuple[int, dict[str, Any]]:
    out = tmp_path / "report.sarif"
    code = main(["validate", *args, "--format", "sarif", "--output-file", str(out)])
    return code, json.loads(out.read_text(encoding="utf-8"))


@needs_schema
def test_examples_give_a_valid_sarif_run_with_every_finding(tmp_path: Path) -> None:
    code, data = _sarif(str(EXAMPLES), tmp_path=tmp_path)
    _valid(data)
    assert data["version"] == "2.1.0" and len(data["runs"]) == 1
    run = data["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    report = oer_meta.validate(EXAMPLES)
    findings = report.findings
    assert len(run["results"]) == len(findings)
    assert [r["ruleId"] for r in run["results"]] == [f.rule for f in findings]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert [r["level"] for r in run["results"]] == [levels[f.severity.value] for f in findings]
    for result in run["results"]:  # every result names its rule by index
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert run["properties"]["summary"] == report.summary()
    assert run["invocations"][0]["executionSuccessful"] is True
    assert code == 1


@needs_schema
def test_rules_carry_their_doc_level_areas_and_paragraphs(tmp_path: Path) -> None:
    _, data = _sarif(str(EXAMPLES / "lom"), tmp_path=tmp_path)
    rules = {r["id"]: r for r in data["runs"][0]["tool"]["driver"]["rules"]}
    assert set(rules) == {r.code for r in load_profile("unesco").rules()}
    lang = registry.get_rule("LANG003")
    entry = rules["LANG003"]
    assert entry["name"] == lang.name
    assert entry["shortDescription"]["text"] == lang.summary
    assert entry["fullDescription"]["text"] == lang.sections()["Why it matters"]
    assert "## Fix" in entry["help"]["markdown"]
    assert lang.sections()["Fix"] in entry["help"]["markdown"]
    assert entry["defaultConfiguration"]["level"] == {"info": "note"}.get(
        lang.severity.value, lang.severity.value
    )
    assert entry["properties"]["actionAreas"] == [int(a) for a in lang.areas]
    assert entry["properties"]["paragraphs"] == list(lang.paragraphs)
    assert entry["properties"]["helpPage"] == "docs/rules/LANG003.md"  # the rule's own page
    assert "helpUri" not in entry  # no absolute address is known for the rule pages


@needs_schema
def test_locations_are_physical_and_logical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(EXAMPLES.parent)
    _, data = _sarif("examples/lom/faulty-lesson.lom.xml", tmp_path=tmp_path)
    _valid(data)
    located = [
        r for r in data["runs"][0]["results"] if "region" in r["locations"][0]["physicalLocation"]
    ]
    assert located
    first = located[0]["locations"][0]
    artifact = first["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "examples/lom/faulty-lesson.lom.xml", "uriBaseId": "SRCROOT"}
    assert first["physicalLocation"]["region"]["startLine"] >= 1
    report = oer_meta.validate(EXAMPLES / "lom" / "faulty-lesson.lom.xml")
    paths = [f.location.path for f in report.findings if f.location.path]
    logical = [
        r["locations"][0]["logicalLocations"][0]
        for r in data["runs"][0]["results"]
        if "logicalLocations" in r["locations"][0]
    ]
    assert [x["fullyQualifiedName"] for x in logical] == paths
    assert {x["kind"] for x in logical} <= {"element", "attribute", "text"}
    assert data["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"] == (
        EXAMPLES.parent.as_uri() + "/"
    )


def test_artifact_uris_are_relative_below_the_directory_else_file_uris(tmp_path: Path) -> None:
    assert artifact_uri("a b/ü#1.xml", tmp_path) == {
        "uri": "a%20b/%C3%BC%231.xml",
        "uriBaseId": "SRCROOT",
    }
    assert artifact_uri(str(tmp_path / "x.xml"), tmp_path)["uri"] == "x.xml"
    outside = artifact_uri("../other dir/x.xml", tmp_path)
    assert outside == {"uri": (tmp_path.parent / "other dir" / "x.xml").as_uri()}
    assert "%20" in outside["uri"] and "uriBaseId" not in outside


def test_logical_kinds_follow_the_spec_for_xml_and_json() -> None:
    assert logical_kind("/lom:lom/lom:general/lom:title", "lom") == "element"
    assert logical_kind("/lom:lom/lom:general/lom:title/lom:string/@language", "lom") == (
        "attribute"
    )
    assert logical_kind("/@graph/0/name", "jsonld") == "property"
    assert logical_kind("/keywords/2", "jsonld") == "value"
    assert logical_kind("", "jsonld") == "object"


@needs_schema
def test_profile_severity_is_the_rules_default_level(tmp_path: Path) -> None:
    profile = tmp_path / "p.toml"
    profile.write_text('name = "mine"\n[severity]\nDISC001 = "info"\n', encoding="utf-8")
    _, data = _sarif(str(EXAMPLES / "dc"), "--profile", str(profile), tmp_path=tmp_path)
    _valid(data)
    rules = {r["id"]: r for r in data["runs"][0]["tool"]["driver"]["rules"]}
    assert registry.get_rule("DISC001").severity is not Severity.INFO
    assert rules["DISC001"]["defaultConfiguration"]["level"] == "note"
    _, only = _sarif(str(EXAMPLES / "dc"), "--select", "LIC", tmp_path=tmp_path)
    assert {r["id"][:3] for r in only["runs"][0]["tool"]["driver"]["rules"]} == {"LIC"}


@needs_schema
def test_an_unreadable_file_is_a_std001_result(tmp_path: Path) -> None:
    bad = tmp_path / "broken.xml"
    bad.write_text("<lom><general><title>", encoding="utf-8")
    _, data = _sarif(str(bad), tmp_path=tmp_path)
    _valid(data)
    results = data["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["STD001"]
    assert results[0]["level"] == "error"
    uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith("/broken.xml")
    assert data["runs"][0]["properties"]["summary"]["unreadable"] == 1


REMIX = [
    {
        "@context": "https://schema.org/",
        "@type": "LearningResource",
        "@id": "https://example.org/source",
        "name": "The source lesson",
        "license": "https://creativecommons.org/licenses/by-nc/4.0/",
    },
    {
        "@context": "https://schema.org/",
        "@type": "LearningResource",
        "@id": "https://example.org/adaptation",
        "name": "An adaptation",
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "isBasedOn": "https://example.org/source",
    },
]


@needs_schema
def test_batch_findings_are_results_of_their_record(tmp_path: Path) -> None:
    path = tmp_path / "remix.json"
    path.write_text(json.dumps(REMIX), encoding="utf-8")
    code, data = _sarif(str(path), "--select", "LIC009", tmp_path=tmp_path)
    _valid(data)
    results = data["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["LIC009"]
    props = results[0]["properties"]
    assert (props["index"], props["recordId"], props["batch"]) == (
        1,
        "https://example.org/adaptation",
        True,
    )
    assert code == 1


def _raising(record: Any) -> Iterator[Violation]:
    yield Violation("found before the crash")
    raise ZeroDivisionError("boom")


@needs_schema
@pytest.mark.internal_error_expected
def test_internal_errors_are_tool_execution_notifications(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = registry.get_rule("DISC001")
    monkeypatch.setitem(registry._REGISTRY, "DISC001", replace(original, check=_raising))
    code, data = _sarif(
        str(EXAMPLES / "dc" / "exemplary-oai_dc.xml"), "--select", "DISC,LIC", tmp_path=tmp_path
    )
    _valid(data)
    assert code == 3
    invocation = data["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [n["properties"]["component"] for n in notes] == ["rule DISC001"]
    assert notes[0]["exception"]["kind"] == "ZeroDivisionError"
    results = data["runs"][0]["results"]
    assert "found before the crash" in [r["message"]["text"] for r in results]
    assert all(r["ruleId"] != "INTERNAL" for r in results)


@needs_schema
def test_an_empty_run_and_an_interrupted_finish_are_valid() -> None:
    out = io.StringIO()
    formatter = make_formatter("sarif", out)
    formatter.start(RunInfo(profile="unesco", fail_on=Severity.ERROR))
    formatter.finish(Tally(), interrupted=True)
    data = json.loads(out.getvalue())
    _valid(data)
    run = data["runs"][0]
    assert run["results"] == [] and run["properties"]["interrupted"] is True
    assert run["invocations"][0]["executionSuccessful"] is False
    assert len(run["tool"]["driver"]["rules"]) == len(registry.all_rules())


@needs_schema
@needs_corpus2
def test_corpus2_gives_a_valid_sarif_run(tmp_path: Path) -> None:
    code, data = _sarif(str(CORPUS2), tmp_path=tmp_path)
    _valid(data)
    run = data["runs"][0]
    summary = run["properties"]["summary"]
    total = summary["errors"] + summary["warnings"] + summary["infos"]
    assert len(run["results"]) == total > 0
    assert code in (0, 1)


@needs_schema
def test_ctrl_c_mid_run_leaves_a_valid_sarif_document(tmp_path: Path) -> None:
    path = harvest(tmp_path / "big.xml", 60_000)
    # the rules are written first; results are streaming once one follows them
    written, err, code = interrupted(
        path, "sarif", lambda head: b'"results": [' in head and not head.endswith(b"[\n")
    )
    assert code == 130, err
    assert b"Traceback" not in err
    data = json.loads(written)
    _valid(data)
    run = data["runs"][0]
    assert run["properties"]["interrupted"] is True
    assert run["invocations"][0]["exitSignalName"] == "SIGINT"
    assert 1 <= run["properties"]["summary"]["records"] < 60_000
    assert len(run["results"]) == sum(
        run["properties"]["summary"][k] for k in ("errors", "warnings", "infos")
    )
