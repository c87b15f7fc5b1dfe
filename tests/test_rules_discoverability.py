"""The DISC rules on records built directly, independent of any reader."""

from __future__ import annotations

import pytest

import oer_meta
from oer_meta.model import DateValue, Identifier, Location, Record, Term, Text

COMPLETE = Record(
    source_format="jsonld",
    identifiers=[Identifier(value="https://doi.org/10.1234/abc", catalog="doi")],
    titles=[Text(value="Photosynthesis", language="en")],
    descriptions=[Text(value="A lesson on how plants make sugar.", language="en")],
    keywords=[Text(value="biology")],
    learning_resource_types=[Term(value="lesson plan")],
    educational_levels=[Term(value="secondary school")],
    dates=[DateValue(value="2024-01-01", kind="created")],
    formats=[Text(value="text/html")],
)


def test_a_complete_record_passes_every_disc_rule() -> None:
    assert oer_meta.check(COMPLETE, select=["DISC"]) == []


@pytest.mark.parametrize(
    ("change", "code", "severity"),
    [
        ({"titles": []}, "DISC001", "error"),
        ({"titles": [Text(value="   ")]}, "DISC001", "error"),
        ({"descriptions": []}, "DISC002", "warning"),
        ({"keywords": [Text(value=" ")]}, "DISC003", "warning"),
        ({"identifiers": [Identifier(value="1", catalog="Catalog")]}, "DISC004", "warning"),
        ({"identifiers": [Identifier(value="oai:x:1", catalog="oai")]}, "DISC004", "warning"),
        ({"learning_resource_types": []}, "DISC005", "warning"),
        ({"educational_levels": []}, "DISC006", "info"),
        ({"dates": [DateValue(value="2020-01-01", kind="datestamp")]}, "DISC007", "info"),
        ({"formats": []}, "DISC008", "info"),
    ],
)
def test_each_missing_field_fires_its_rule(
    change: dict[str, object], code: str, severity: str
) -> None:
    record = COMPLETE.model_copy(update=change)
    findings = oer_meta.check(record, select=["DISC"])
    assert [(f.rule, f.severity.value) for f in findings] == [(code, severity)]


def test_subjects_count_as_keywords_and_urls_as_identifiers() -> None:
    record = COMPLETE.model_copy(
        update={
            "keywords": [],
            "subjects": [Term(value="Biology", source="ddc")],
            "identifiers": [],
            "urls": [Text(value="http://example.org/lesson")],
        }
    )
    assert oer_meta.check(record, select=["DISC003", "DISC004"]) == []


def test_disc_findings_point_at_the_empty_value() -> None:
    where = Location(file="a.xml", line=9, path="/lom:lom/lom:general/lom:title")
    record = COMPLETE.model_copy(update={"titles": [Text(value="", location=where)]})
    (finding,) = oer_meta.check(record, select=["DISC001"])
    assert finding.location == where
    assert finding.message == "the title is empty"
    assert finding.areas == (oer_meta.ActionArea(1), oer_meta.ActionArea(3))
