"""The STD rules on records built directly, independent of any reader."""

from __future__ import annotations

import pytest

import oer_meta
from oer_meta.model import DateValue, Duration, Location, Problem, Record, Term


def _findings(record: Record, code: str) -> list[oer_meta.Finding]:
    return oer_meta.check(record, select=[code])


def test_std002_turns_reader_problems_into_findings() -> None:
    where = Location(file="x.xml", line=7, path="/lom:lom/lom:general[2]")
    record = Record(
        source_format="lom",
        problems=[
            Problem(rule="STD002", message="general repeated", hint="merge", location=where),
            Problem(rule="OTHER", message="not for STD002"),
        ],
    )
    findings = _findings(record, "STD002")
    assert [(f.rule, f.message, f.location.line, f.severity.value) for f in findings] == [
        ("STD002", "general repeated", 7, "error")
    ]


@pytest.mark.parametrize(
    ("element", "source", "value", "expected"),
    [
        ("educational.intendedEndUserRole", "LOMv1.0", "learner", None),
        ("educational.intendedEndUserRole", "LOMv1.0", "pupil", "warning"),
        ("educational.intendedEndUserRole", "LOMv1.0", "Learner", "info"),
        ("educational.intendedEndUserRole", " lomv1.0 ", "teacher", None),
        ("educational.intendedEndUserRole", None, "pupil", "warning"),
        ("educational.intendedEndUserRole", "LOMFRv1.0", "élève", None),
        ("lifeCycle.contribute.role", "LOMv1.0", "creator", "warning"),
        ("metaMetadata.contribute.role", "LOMv1.0", "creator", None),
        ("educational.context", "LOMv1.0", "higher education", None),
        ("educational.context", "LOMv1.0", "primary", "warning"),
        ("rights.copyrightAndOtherRestrictions", "LOMv1.0", "cc-by-40", "warning"),
        ("general.aggregationLevel", "LOMv1.0", "5", "warning"),
        ("relation.kind", "LOMv1.0", "isbasedon", None),
        ("some.unknownElement", "LOMv1.0", "anything", None),
    ],
)
def test_std003_lom_vocabularies(
    element: str, source: str | None, value: str, expected: str | None
) -> None:
    term = Term(value=value, source=source, element=element, location=Location(line=3))
    findings = _findings(Record(source_format="lom", vocabulary_terms=[term]), "STD003")
    assert [f.severity.value for f in findings] == ([expected] if expected else [])
    # a value that differs only in case has a code of its own
    assert [f.rule for f in findings] == (
        [("STD007" if expected == "info" else "STD003")] if expected else []
    )
    if expected:
        assert repr(value) in findings[0].message
        assert findings[0].location.line == 3


def test_std003_case_only_mismatch_is_std007_information_whatever_std003_is_set_to() -> None:
    term = Term(value="Author", source="LOMv1.0", element="lifeCycle.contribute.role")
    record = Record(source_format="lom", vocabulary_terms=[term])
    found = oer_meta.check(record, select=["STD003"])
    assert [(f.rule, f.name, f.severity.value) for f in found] == [
        ("STD007", "vocabulary-value-case", "info")
    ]
    conformance = oer_meta.check(record, profile="conformance")  # sets STD003 = "error"
    assert [(f.rule, f.severity.value) for f in conformance] == [("STD007", "info")]


def test_std003_dcmi_types() -> None:
    good = Term(value="Text", source="dcterms:DCMIType")
    bad = Term(value="Lesson", source="http://purl.org/dc/dcmitype/")
    free = Term(value="Lesson", source=None)
    record = Record(source_format="dc", learning_resource_types=[good, bad, free])
    findings = _findings(record, "STD003")
    assert len(findings) == 1 and "'Lesson'" in findings[0].message


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("2006", True),
        ("2006-10", True),
        ("2006-10-04", True),
        ("2006-10-04T10:00:00Z", True),
        ("2010-09-21T15:35:08.000000-04:00", True),
        ("2001-01-01/2005-12-31", True),
        ("October 4, 2006", False),
        ("29 mai 2000", False),
        ("1/10/2002", False),
        ("2003-13-01", False),
        ("", False),
    ],
)
def test_std004_dates(value: str, ok: bool) -> None:
    record = Record(source_format="dc", dates=[DateValue(value=value, kind="created")])
    assert (not _findings(record, "STD004")) is ok


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("PT31M33S", True),
        ("P1Y2M", True),
        ("PT0H0M0S", True),
        ("00:31:33", False),
        ("P", False),
        ("PT", False),
        ("one hour", False),
    ],
)
def test_std004_durations(value: str, ok: bool) -> None:
    record = Record(source_format="lom", durations=[Duration(value=value)])
    assert (not _findings(record, "STD004")) is ok


def test_std003_accepts_concept_uris_without_source_and_names_empty_values() -> None:
    uri = Term(
        value="http://purl.org/dcx/lrmi-vocabs/interactivityType/active",
        element="educational.interactivityType",
    )
    empty = Term(value="", source="LOMv1.0", element="educational.intendedEndUserRole")
    findings = _findings(Record(source_format="jsonld", vocabulary_terms=[uri, empty]), "STD003")
    assert [f.message for f in findings] == ["educational.intendedEndUserRole has an empty value"]


def test_std004_hints_at_iso_intervals_for_year_ranges() -> None:
    record = Record(source_format="dc", dates=[DateValue(value="1825-1837")])
    (finding,) = _findings(record, "STD004")
    assert finding.hint == "write the period as an ISO 8601 interval: 1825/1837"
