"""The pinned public API and the JSON report shape."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import jsonschema
import pytest

import oer_meta
from oer_meta.model import Record, Text

from .corpus_paths import EXAMPLES, ROOT

SCHEMA = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))


def test_pinned_names_are_exported() -> None:
    for name in (
        "validate",
        "validate_many",
        "read",
        "read_records",
        "rules",
        "ActionArea",
        "Finding",
        "Report",
        "Record",
        "Severity",
        "OerMetaError",
        "ReadError",
    ):
        assert hasattr(oer_meta, name), name


def test_import_is_light() -> None:
    heavy = ("lxml", "pydantic", "rich", "langcodes")
    code = f"import sys, oer_meta; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_validate_accepts_a_record_and_a_dict() -> None:
    record = Record(source_format="lom", titles=[Text(value="T")])
    report = oer_meta.validate(record)
    assert report.results[0].record is record
    from_dict = oer_meta.validate(
        {"@context": "https://schema.org/", "@type": "LearningResource", "name": "Fractions"}
    )
    assert from_dict.results[0].record is not None
    assert from_dict.results[0].record.title == "Fractions"


def test_finding_fields() -> None:
    (finding,) = oer_meta.check(Record(source_format="dc"), select=["DISC001"])
    data = finding.to_dict()
    assert list(data) == [
        "rule",
        "name",
        "severity",
        "message",
        "hint",
        "areas",
        "field",
        "location",
    ]
    assert data["areas"] == [1, 3]
    assert set(data["location"]) >= {"file", "line", "path"}


def _validate_against_schema(data: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)


def test_report_of_the_examples_validates_against_the_published_schema() -> None:
    report = oer_meta.validate(EXAMPLES)
    data = report.to_dict()
    _validate_against_schema(data)
    assert data["summary"]["records"] == len(report.results) > 0
    assert set(data["summary"]["by_area"]) == {"1", "2", "3", "4", "5"}


def test_read_requires_exactly_one_record() -> None:
    with pytest.raises(oer_meta.ReadError):
        oer_meta.read(b"<nothing/>")
