"""schemas/record.schema.json: generated from the model, current, and true of real records."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import oer_meta
from oer_meta.docgen import main as regenerate
from oer_meta.docgen import record_schema_text
from oer_meta.readers import Unreadable, iter_source

from .corpus_paths import ROOT

SCHEMA_FILE = ROOT / "schemas" / "record.schema.json"
EXAMPLES = sorted(p for p in (ROOT / "examples").rglob("*") if p.is_file())


def test_record_schema_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == record_schema_text(), (
        "schemas/record.schema.json is stale: python -m oer_meta.docgen"
    )


def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_record_matches_the_schema(path: Path) -> None:
    validator = _validator()
    records = [r for r in iter_source(path) if not isinstance(r, Unreadable)]
    assert records, path
    for record in records:
        errors = list(validator.iter_errors(record.model_dump(mode="json")))
        assert not errors, [e.message for e in errors[:3]]


def test_the_schema_rejects_what_is_no_record() -> None:
    validator = _validator()
    dumped = oer_meta.read(ROOT / "examples" / "lom" / "exemplary-lesson.lom.xml").model_dump(
        mode="json"
    )
    del dumped["source_format"]
    assert not validator.is_valid(dumped)
    dumped["source_format"], dumped["surprise"] = "lom", 1
    assert not validator.is_valid(dumped)  # extra="forbid" carries over


def test_regenerating_writes_the_schema_and_the_pages(tmp_path: Path) -> None:
    assert regenerate([str(tmp_path)]) == 0
    assert (tmp_path / "schemas" / "record.schema.json").read_text(
        encoding="utf-8"
    ) == record_schema_text()
    assert (tmp_path / "docs" / "rules" / "LIC001.md").is_file()
