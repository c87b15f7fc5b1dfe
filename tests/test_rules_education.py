"""The EDU rules: records built directly, and inline LOM, DC and JSON-LD records."""

from __future__ import annotations

import json

import pytest

import oer_meta
from oer_meta.knowledge.education import is_mapped, match_level, read_age_range
from oer_meta.model import Location, Record, Term, Text

LEARNER = Term(value="learner", source="LOMv1.0", element="educational.intendedEndUserRole")
CLEAN = Record(
    source_format="lom",
    titles=[Text(value="Fractions")],
    intended_end_user_roles=[LEARNER],
    typical_age_ranges=[Text(value="10-12")],
    educational_levels=[
        Term(value="school", source="LOMv1.0", element="educational.context"),
        Term(value="https://w3id.org/kim/educationalLevel/level_1", element="educationalLevel"),
    ],
)


def findings(record: Record) -> list[tuple[str, str, str | None]]:
    return [(f.rule, f.severity.value, f.field) for f in oer_meta.check(record, select=["EDU"])]


def test_a_clean_complete_record_passes_every_edu_rule() -> None:
    assert findings(CLEAN) == []


# -- EDU001 --------------------------------------------------------------------------------


def test_no_role_is_a_warning() -> None:
    record = CLEAN.model_copy(update={"intended_end_user_roles": []})
    (finding,) = oer_meta.check(record, select=["EDU001"])
    assert (finding.rule, finding.severity.value, finding.field) == (
        "EDU001",
        "warning",
        "intended_end_user_roles",
    )
    assert finding.message == (
        "no intended end-user role or audience is given "
        "(an educational level and an age range say at which stage, not for whom)"
    )
    assert finding.hint is not None and "intendedEndUserRole" in finding.hint
    assert finding.areas == (oer_meta.ActionArea(1), oer_meta.ActionArea(3))


def test_an_empty_role_is_reported_at_the_empty_value() -> None:
    where = Location(file="a.xml", line=40)
    empty = Term(value=" ", source="LOMv1.0", location=where)
    record = CLEAN.model_copy(update={"intended_end_user_roles": [empty]})
    (finding,) = oer_meta.check(record, select=["EDU001"])
    assert finding.message.startswith("the intended end-user role is empty")
    assert finding.location == where


def test_a_role_given_as_a_concept_id_counts() -> None:
    role = Term(value="", id="http://purl.org/dcx/lrmi-vocabs/educationalAudienceRole/student")
    assert findings(CLEAN.model_copy(update={"intended_end_user_roles": [role]})) == []


@pytest.mark.parametrize(("dialect", "severity"), [("oai_dc", "info"), ("dcterms", "warning")])
def test_simple_dublin_core_has_no_audience_element(dialect: str, severity: str) -> None:
    record = Record(source_format="dc", dialect=dialect, titles=[Text(value="Fractions")])
    (finding,) = oer_meta.check(record, select=["EDU001"])
    assert finding.severity.value == severity
    assert finding.rule == ("EDU004" if dialect == "oai_dc" else "EDU001")
    assert (dialect in finding.message) == (dialect == "oai_dc")


# -- EDU002 --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "10-12", "10–12", "10 — 12", "10 - 12", "15", "0", "16+", "18 +", "12-99", "16-90",
        "10-12 years", "8-10 ans", "6-9 Jahre", "10-12 years old", "6-8, 9-11", "0.5-2", " ",
    ],
)  # fmt: skip
def test_readable_age_ranges_pass(value: str) -> None:
    assert read_age_range(value).status == "ok"
    record = CLEAN.model_copy(update={"typical_age_ranges": [Text(value=value)]})
    assert findings(record) == []


@pytest.mark.parametrize(
    ("value", "severity", "reason", "suggestion"),
    [
        ("ten", "warning", "no age written in digits", None),
        ("adults", "warning", "no age written in digits", None),
        ("ab 10", "warning", "words around the ages", "10+"),
        ("dès 10 ans", "warning", "words around the ages", "10+"),
        ("10 and over", "warning", "words around the ages", "10+"),
        ("10 Jahre und älter", "warning", "words around the ages", "10+"),
        ("10 to 12", "warning", "words around the ages", "10-12"),
        ("10 à 12 ans", "warning", "words around the ages", "10-12"),
        ("12-10", "warning", "the lower age 12 is above the upper age 10", "10-12"),
        ("2010", "warning", "2010 is not an age", None),
        ("1999-2004", "warning", "1999 is not an age", None),
        ("6-8, 11-9", "warning", "the lower age 11 is above the upper age 9", "9-11"),
        ("10-", "info", "a range with no upper age", "10+"),
        ("7–", "info", "a range with no upper age", "7+"),
        ("-12", "info", "a range with no lower age", "0-12"),
    ],
)
def test_unreadable_age_ranges_fire(
    value: str, severity: str, reason: str, suggestion: str | None
) -> None:
    reading = read_age_range(value)
    assert reading.reason.startswith(reason)
    assert reading.suggestion == suggestion
    where = Location(file="a.xml", line=7, path="/lom:lom/lom:educational/lom:typicalAgeRange")
    record = CLEAN.model_copy(update={"typical_age_ranges": [Text(value=value, location=where)]})
    (finding,) = oer_meta.check(record, select=["EDU002"])
    assert (finding.rule, finding.severity.value, finding.field) == (
        "EDU005" if severity == "info" else "EDU002",
        severity,
        "typical_age_ranges",
    )
    assert finding.location == where
    assert repr(value.strip()) in finding.message
    assert finding.hint is not None
    if suggestion is not None:
        assert repr(suggestion) in finding.hint


# -- EDU003 --------------------------------------------------------------------------------


def level(value: str, **fields: str) -> Record:
    term = Term(value=value, element=fields.pop("element", "educationalLevel"), **fields)
    return CLEAN.model_copy(update={"educational_levels": [term]})


@pytest.mark.parametrize(
    "term",
    [
        Term(value="Grade 5", source="nsdl_dc:NSDLEdLevel"),
        Term(value="collège", source="scolomfr-voc-022", id="scolomfr-voc-022-num-087"),
        Term(value="http://data.education.fr/voc/scolomfr/concept/scolomfr-voc-012-num-002"),
        Term(value="KS 3", id="http://example.org/ENC/levels/KS3"),
        Term(value="urn:x-level:primary"),
        Term(value="higher education", source="LOMv1.0", element="educational.context"),
    ],
)
def test_levels_that_name_their_vocabulary_are_mapped(term: Term) -> None:
    assert is_mapped(term)
    assert findings(CLEAN.model_copy(update={"educational_levels": [term]})) == []


def test_free_text_level_is_a_warning_with_the_vocabularies_to_use() -> None:
    (finding,) = oer_meta.check(level("Grade 5"), select=["EDU003"])
    assert (finding.rule, finding.severity.value, finding.field) == (
        "EDU003",
        "warning",
        "educational_levels",
    )
    assert finding.message == "educational level 'Grade 5' is free text from no named vocabulary"
    assert finding.hint is not None and "LOMv1.0" in finding.hint and "ISCED" in finding.hint


@pytest.mark.parametrize(
    ("value", "element", "severity", "target"),
    [
        ("higher education", "educational.context", "info", "<source>LOMv1.0</source>"),
        ("School", "educational.context", "info", "<source>LOMv1.0</source>"),
        ("enseignement primaire", "educational.context", "info", "<source>LOMFRv1.0</source>"),
        ("Primary education", "educationalLevel", "info", "educationalLevel/level_1"),
        ("Sekundarstufe I", "dcterms:educationLevel", "info", "educationalLevel/level_2"),
        ("ISCED 2011, Level 3", "educationalLevel", "info", "educationalLevel/level_3"),
        ("ISCED 6", "educationalLevel", "info", "educationalLevel/level_6"),
        ("Grundschule", "educationalLevel", "warning", "educationalLevel/level_1"),
        ("Lycée", "educationalLevel", "warning", "educationalLevel/level_3"),
        ("higher education", "educationalLevel", "warning", "educationalLevel/level_678"),
        ("Kindergarten", "dcterms:educationLevel", "warning", "educationalLevel/level_0"),
    ],
)
def test_recognised_free_text_points_to_the_concept(
    value: str, element: str, severity: str, target: str
) -> None:
    found = match_level(Term(value=value, element=element))
    assert found is not None and target in found.target
    (finding,) = oer_meta.check(level(value, element=element), select=["EDU003"])
    assert finding.severity.value == severity
    assert finding.rule == ("EDU006" if severity == "info" else "EDU003")
    assert finding.hint is not None and target in finding.hint


def test_blank_levels_are_left_to_other_rules() -> None:
    assert findings(level("  ")) == []


# -- through the readers -------------------------------------------------------------------

LOM = """<lom xmlns="http://ltsc.ieee.org/xsd/LOM">
  <general><title><string language="en">Fractions</string></title></general>
  <educational>
    {roles}
    <context><source>LOMv1.0</source><value>school</value></context>
    <context><value>cycle 3</value></context>
    <typicalAgeRange><string language="en">{age}</string></typicalAgeRange>
  </educational>
</lom>"""
ROLE = "<intendedEndUserRole><source>LOMv1.0</source><value>learner</value></intendedEndUserRole>"


def fired(text: str) -> list[tuple[str, str, str | None]]:
    report = oer_meta.validate(text, select=["EDU"])
    return [(f.rule, f.severity.value, f.location.path) for f in report.findings]


def test_lom_record_edu_findings_point_into_the_educational_section() -> None:
    text = LOM.format(roles="", age="ab 10")
    assert fired(text) == [
        ("EDU001", "warning", "/lom:lom"),
        ("EDU002", "warning", "/lom:lom/lom:educational/lom:typicalAgeRange/lom:string"),
        ("EDU003", "warning", "/lom:lom/lom:educational/lom:context[2]/lom:value"),
    ]


def test_lom_record_with_role_and_range_keeps_only_the_free_text_level() -> None:
    assert [rule for rule, _, _ in fired(LOM.format(roles=ROLE, age="9-11"))] == ["EDU003"]


def test_dc_terms_record() -> None:
    dc = """<metadata xmlns:dcterms="http://purl.org/dc/terms/"
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
      <dcterms:title>Fractions</dcterms:title>
      <dcterms:educationLevel>Grade 4</dcterms:educationLevel>
      <dcterms:educationLevel xsi:type="dcterms:URI">https://w3id.org/kim/educationalLevel/level_1</dcterms:educationLevel>
      <dcterms:audience>learner</dcterms:audience>
    </metadata>"""
    assert fired(dc) == [("EDU003", "warning", "/metadata/dcterms:educationLevel[1]")]


def test_oai_dc_record_gets_only_information() -> None:
    dc = """<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
        xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Fractions</dc:title></oai_dc:dc>"""
    assert fired(dc) == [("EDU004", "info", "/oai_dc:dc")]


def jsonld(**properties: object) -> str:
    record = {"@context": "https://schema.org/", "@type": "LearningResource", "name": "Fractions"}
    record.update(properties)
    return json.dumps(record)


def test_jsonld_clean_record() -> None:
    text = jsonld(
        audience={"@type": "EducationalAudience", "educationalRole": "student"},
        typicalAgeRange="10-12",
        educationalLevel={"@id": "https://w3id.org/kim/educationalLevel/level_1"},
    )
    assert fired(text) == []


def test_jsonld_faults() -> None:
    text = jsonld(typicalAgeRange=["ten", "10-"], educationalLevel="Grundschule")
    assert fired(text) == [
        ("EDU001", "warning", ""),
        ("EDU002", "warning", "/typicalAgeRange/0"),
        ("EDU005", "info", "/typicalAgeRange/1"),
        ("EDU003", "warning", "/educationalLevel"),
    ]


def test_open_ranges_built_from_suggested_ages_are_explicit() -> None:
    only_min = {"@type": "EducationalAudience", "educationalRole": "student", "suggestedMinAge": 10}
    assert fired(jsonld(audience=only_min)) == []
    swapped = dict(only_min, suggestedMaxAge=8)
    assert [rule for rule, _, _ in fired(jsonld(audience=swapped))] == ["EDU002"]
