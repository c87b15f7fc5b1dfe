"""The JSON-LD reader: document shapes, the mapping onto Record, locations, robustness."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from json_source_map import calculate

from oer_meta.model import Record
from oer_meta.readers import ReadItem, Unreadable, iter_source, read_records
from oer_meta.readers.base import LineIndex, NoRecord
from oer_meta.readers.dispatch import DISPATCHER
from oer_meta.readers.jsonld.lines import PointerMap, value_offsets
from oer_meta.readers.jsonld.pointer import escape_token
from oer_meta.readers.jsonld.reader import read_json_bytes, records_from_json
from tests.corpus_paths import CORPUS, EXAMPLES, corpus_files, corpus_id, needs_corpus

SCHEMA = "https://schema.org/"


def read(data: bytes | str | dict[str, Any] | list[Any]) -> list[ReadItem]:
    """Read text/bytes through read_json_bytes, Python values through records_from_json."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if isinstance(data, bytes):
        return list(
            read_json_bytes(data, file="test.json", input_format=None, dispatcher=DISPATCHER)
        )
    return list(records_from_json(data, file=None, dispatcher=DISPATCHER))


def one(data: bytes | str | dict[str, Any] | list[Any]) -> Record:
    items = read(data)
    assert len(items) == 1 and isinstance(items[0], Record), items
    return items[0]


def lr(**props: Any) -> dict[str, Any]:
    """A small schema.org LearningResource with extra properties."""
    return {"@context": SCHEMA, "@type": "LearningResource", "name": "Rain", **props}


def problems(record: Record) -> list[str]:
    return [p.message for p in record.problems]


# -- document shapes -------------------------------------------------------------------


def test_single_object_is_one_record_at_line_1() -> None:
    record = one(json.dumps(lr(), indent=2))
    assert record.source_format == "jsonld"
    assert (record.location.line, record.location.column, record.location.path) == (1, 1, "")
    assert record.title == "Rain"
    assert record.titles[0].location is not None and record.titles[0].location.line == 4


def test_array_of_records() -> None:
    text = json.dumps([lr(name="One"), lr(name="Two")], indent=2)
    items = read(text)
    assert [i.title for i in items if isinstance(i, Record)] == ["One", "Two"]
    assert [i.location.path for i in items] == ["/0", "/1"]
    assert [i.location.line for i in items] == [2, 7]


def test_array_item_that_is_no_record_is_reported_not_lost() -> None:
    items = read(json.dumps([lr(), 42, {"@type": "Person", "name": "Ann"}]))
    assert isinstance(items[0], Record)
    assert isinstance(items[1], NoRecord) and "item 1" in items[1].message
    assert isinstance(items[2], NoRecord) and "Person" in items[2].message
    assert items[2].location.path == "/2"


def test_graph_nodes_that_describe_resources_are_records() -> None:
    doc = {
        "@context": SCHEMA,
        "@graph": [
            {"@type": "Person", "@id": "#ann", "name": "Ann Lee"},
            {"@type": "Organization", "@id": "#org", "name": "Rain School"},
            {"@type": "Concept", "@id": "#c", "prefLabel": "rain"},
            {
                "@type": "LearningResource",
                "name": "Rain",
                "creator": {"@id": "#ann"},
                "publisher": {"@id": "#org"},
            },
        ],
    }
    record = one(doc)
    assert record.location.path == "/@graph/3"
    assert record.contributors[0].name == "Ann Lee"
    assert record.contributors[0].kind == "person"
    assert record.publishers[0].name == "Rain School"
    assert record.publishers[0].kind == "organization"


def test_graph_without_a_resource_says_what_it_holds() -> None:
    doc = {"@context": SCHEMA, "@graph": [{"@type": "Person"}, {"@type": "Organization"}]}
    (item,) = read(doc)
    assert isinstance(item, Unreadable)
    assert "no schema.org record found in @graph" in item.message
    assert "Organization, Person" in item.message


def test_json_lines_keeps_good_records_around_a_bad_line() -> None:
    good = json.dumps(lr(name="A"))
    bad = json.dumps(lr(name="B"))[:-1]
    items = read("\n".join([good, bad, json.dumps(lr(name="C")), ""]))
    assert [type(i).__name__ for i in items] == ["Record", "Unreadable", "Record"]
    bad_item, last = items[1], items[2]
    assert isinstance(bad_item, Unreadable) and isinstance(last, Record)
    assert bad_item.location.line == 2
    assert "invalid JSON" in bad_item.message
    assert last.location.line == 3 and last.title == "C"


def test_concatenated_documents_with_and_without_whitespace() -> None:
    pretty = json.dumps(lr(name="A"), indent=2) + "\n" + json.dumps(lr(name="B"), indent=2)
    items = read(pretty)
    assert [i.title for i in items if isinstance(i, Record)] == ["A", "B"]
    assert items[1].location.line == 6
    tight = json.dumps(lr(name="A")) + json.dumps(lr(name="B"))
    assert len([i for i in read(tight) if isinstance(i, Record)]) == 2


def test_bad_document_in_the_middle_of_concatenated_ones() -> None:
    first = json.dumps(lr(name="A"), indent=2)
    broken = '{\n  "@context": "https://schema.org/",\n  "name": "B",,\n}'
    last = json.dumps(lr(name="C"), indent=2)
    items = read("\n".join([first, broken, last]))
    assert [type(i).__name__ for i in items] == ["Record", "Unreadable", "Record"]
    assert (items[1].location.line, items[1].location.column) == (8, 15)
    assert isinstance(items[2], Record) and items[2].title == "C"


def test_json_wrapped_in_script_tags_is_read() -> None:
    body = json.dumps(lr(), indent=2)
    record = one(f'<script type="application/ld+json">\n{body}\n</script>\n')
    assert record.location.line == 2
    assert record.titles[0].location is not None and record.titles[0].location.line == 5


def test_invalid_json_gives_line_and_column() -> None:
    (item,) = read('{\n  "name": "x",\n}')
    assert isinstance(item, Unreadable)
    assert item.message.startswith("invalid JSON")
    assert (item.location.line, item.location.column) == (3, 1)
    assert item.format == "jsonld"


def test_trailing_garbage_after_a_record() -> None:
    items = read(json.dumps(lr()) + "\nthis is not json\n")
    assert isinstance(items[0], Record)
    assert isinstance(items[1], Unreadable) and items[1].location.line == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"[" * 100_000, "nested too deeply"),
        (b'{"n": 1' + b"1" * 5000 + b"}", "cannot be read"),
        (b'{"name": "a"}\n{"name": "\xff"}', "not valid UTF-8"),
        (b"", "empty document"),
        (b"  \n\t", "empty document"),
        (b"\xfe\xff\xd8\x00", "UTF-16"),
    ],
)
def test_hostile_input_is_unreadable_never_an_exception(data: bytes, message: str) -> None:
    items = read(data)
    assert len(items) == 1 and isinstance(items[0], Unreadable)
    assert message in items[0].message


def test_invalid_utf8_names_the_line() -> None:
    (item,) = read(b'{\n  "name": "caf\xe9"\n}')
    assert isinstance(item, Unreadable)
    assert (item.location.line, item.location.column) == (2, 15)


def test_byte_order_marks_are_accepted() -> None:
    text = json.dumps(lr(), indent=2)
    record = one(b"\xef\xbb\xbf" + text.encode())
    assert record.titles[0].location is not None
    assert (record.titles[0].location.line, record.titles[0].location.column) == (4, 11)
    assert one(text.encode("utf-16")).title == "Rain"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (42, "is a number"),
        ("just text", "is text"),
        (None, "is null"),
        ([], "empty JSON array"),
        ({}, "empty"),
        ({"$schema": "http://json-schema.org/draft-07/schema#", "type": "object"}, "JSON Schema"),
        ({"@context": {"id": "@id", "@vocab": SCHEMA}}, "context document"),
        ({"@context": SCHEMA, "@type": "Person", "name": "Ann"}, "is a Person"),
        ({"title": "x", "size": 3}, "no @type of a creative work"),
    ],
)
def test_values_that_are_not_records(value: Any, message: str) -> None:
    items = read(json.dumps(value))
    assert len(items) == 1 and isinstance(items[0], NoRecord)
    assert message in items[0].message
    assert items[0].hint


def test_asking_for_dublin_core_gets_a_clear_answer() -> None:
    items = list(
        read_json_bytes(
            json.dumps(lr()).encode(), file=None, input_format="dc", dispatcher=DISPATCHER
        )
    )
    assert len(items) == 1 and isinstance(items[0], Unreadable)
    assert "not the dc format" in items[0].message


def test_learning_registry_envelopes_are_handed_to_the_envelope_reader() -> None:
    envelope = {
        "documents": [
            {
                "doc_type": "resource_data",
                "payload_schema": ["LRMI"],
                "resource_locator": "https://example.org/rain",
                "resource_data": lr(),
            }
        ]
    }
    record = one(json.dumps(envelope, indent=1))
    assert record.title == "Rain"
    assert record.location.path == "/documents/0/resource_data"


def test_envelopes_nested_without_end_are_unreadable_not_an_exception() -> None:
    value: dict[str, Any] = lr()
    for _ in range(400):
        value = {"documents": [{"doc_type": "resource_data", "resource_data": value}]}
    items = read(value)
    assert items and isinstance(items[-1], Unreadable)
    assert "nested too deeply" in items[-1].message


def test_read_records_accepts_bytes_dict_and_path(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonld"
    path.write_text(json.dumps(lr()), encoding="utf-8")
    for source in (path, str(path), json.dumps(lr()).encode(), lr(), [lr()]):
        (record,) = read_records(source)
        assert record.title == "Rain"


# -- which objects are records ------------------------------------------------------------


@pytest.mark.parametrize(
    "node",
    [
        {"@type": "CreativeWork", "name": "x"},
        {"@type": "VideoObject", "name": "x"},
        {"@type": ["WebPage"], "name": "x"},
        {"type": ["Course", "LearningResource"], "name": "x"},
        {"@type": "http://schema.org/Course", "name": "x"},
        {"@type": "schema:Quiz", "name": "x"},
        {"name": "x", "license": "https://creativecommons.org/licenses/by/4.0/"},
        {"name": "x", "learningResourceType": "lesson plan"},
        {"@type": "SomethingElse", "name": "x", "inLanguage": "en"},
    ],
)
def test_resource_nodes_are_records(node: dict[str, Any]) -> None:
    assert one({"@context": SCHEMA, **node}).title == "x"


def test_untyped_record_is_read_with_a_type_problem() -> None:
    record = one({"@context": SCHEMA, "name": "x", "license": "https://example.org/l"})
    assert any("@type is missing" in m for m in problems(record))
    assert record.problems[0].rule == "STD002"


def test_image_in_a_graph_is_not_a_record_but_a_lone_image_is() -> None:
    image = {"@type": "ImageObject", "name": "logo", "url": "https://example.org/logo.png"}
    graph = {"@context": SCHEMA, "@graph": [image, {"@type": "LearningResource", "name": "x"}]}
    assert one(graph).title == "x"
    assert one({"@context": SCHEMA, **image}).title == "logo"


# -- keys and values --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("context", "type_", "key"),
    [
        (SCHEMA, "LearningResource", "schema:name"),
        ({"schema": "http://schema.org/"}, "schema:LearningResource", "schema:name"),
        (SCHEMA, "LearningResource", "sdo:name"),
        (None, "http://schema.org/LearningResource", "http://schema.org/name"),
        (None, "LearningResource", "https://schema.org/name"),
        ({"s": "https://schema.org/"}, "s:LearningResource", "s:name"),
        ([SCHEMA, {"titel": "http://schema.org/name"}], "LearningResource", "titel"),
        ([SCHEMA, {"titel": {"@id": "schema:name"}}], "LearningResource", "titel"),
    ],
)
def test_key_spellings_reach_the_same_property(context: Any, type_: str, key: str) -> None:
    doc = {"@type": type_, key: "x"}
    if context is not None:
        doc["@context"] = context
    assert one(doc).title == "x"


def test_id_and_type_aliases() -> None:
    doc = {
        "@context": [SCHEMA, {"ident": "@id", "kind": "@type"}],
        "kind": "LearningResource",
        "ident": "https://example.org/x",
        "name": "x",
    }
    record = one(doc)
    assert [i.value for i in record.identifiers] == ["https://example.org/x"]
    assert not record.problems


def test_value_objects_language_maps_and_default_language() -> None:
    doc = {
        "@context": [SCHEMA, {"@language": "de", "title": {"@id": "schema:alternateName"}}],
        "@type": "LearningResource",
        "name": ["Regen", {"@value": "Rain", "@language": "en"}, {"@value": "Pluie"}],
        "description": {"fr": "La pluie", "en": ["Rain", "Showers"]},
    }
    record = one(doc)
    assert [(t.value, t.language) for t in record.titles] == [
        ("Regen", "de"),
        ("Rain", "en"),
        ("Pluie", None),
    ]
    assert [(t.value, t.language) for t in record.descriptions] == [
        ("La pluie", "fr"),
        ("Rain", "en"),
        ("Showers", "en"),
    ]
    assert record.descriptions[2].location is not None
    assert record.descriptions[2].location.path == "/description/en/1"
    # A language map without a declared @language container is noted, and still read.
    assert any("language map" in m for m in problems(record))
    assert [t.value for t in record.metadata_languages] == ["de"]
    assert record.metadata_languages[0].location is not None
    assert record.metadata_languages[0].location.path == "/@context/1/@language"


def test_declared_language_container_is_not_a_problem() -> None:
    doc = {
        "@context": [SCHEMA, {"name": {"@container": "@language"}}],
        "@type": "LearningResource",
        "name": {"en": "Rain", "de": "Regen"},
    }
    record = one(doc)
    assert [t.language for t in record.titles] == ["en", "de"]
    assert not record.problems


def test_keywords_list_comma_string_and_defined_terms() -> None:
    assert [k.value for k in one(lr(keywords=["rain, snow", "wind"])).keywords] == [
        "rain, snow",
        "wind",
    ]
    record = one(lr(keywords="rain, snow ,, wind"))
    assert [k.value for k in record.keywords] == ["rain", "snow", "wind"]
    assert {k.location.path for k in record.keywords if k.location} == {"/keywords"}
    terms = one(lr(keywords=[{"@type": "DefinedTerm", "name": "clouds"}]))
    assert [k.value for k in terms.keywords] == ["clouds"]


def test_languages_as_codes_names_and_language_objects() -> None:
    record = one(
        lr(
            inLanguage=[
                "en",
                "English",
                {"@type": "Language", "name": "French", "alternateName": "fr"},
                {"@type": "Language", "name": "German"},
            ]
        )
    )
    assert [t.value for t in record.languages] == ["en", "English", "fr", "German"]
    assert one(lr(inLanguage="de-CH")).languages[0].value == "de-CH"
    assert any("inLanguage holds a number" in m for m in problems(one(lr(inLanguage=7))))


def test_identifiers_and_urls() -> None:
    record = one(
        lr(
            **{
                "@id": "https://doi.org/10.5555/rain",
                "identifier": [
                    "urn:isbn:9780000000002",
                    {"@type": "PropertyValue", "propertyID": "Handle", "value": "hdl:1/2"},
                ],
                "url": "https://example.org/rain",
                "sameAs": ["https://example.org/rain", "https://example.net/mirror"],
                "mainEntityOfPage": {"@id": "https://example.org/rain/about"},
            }
        )
    )
    assert [(i.value, i.catalog) for i in record.identifiers] == [
        ("https://doi.org/10.5555/rain", "doi"),
        ("urn:isbn:9780000000002", "urn"),
        ("hdl:1/2", "handle"),
        ("https://example.org/rain", "url"),
        ("https://example.net/mirror", "url"),
        ("https://example.org/rain/about", "url"),
    ]
    assert [u.value for u in record.urls] == [
        "https://doi.org/10.5555/rain",
        "https://example.org/rain",
        "https://example.org/rain/about",
    ]
    assert record.record_id == "https://doi.org/10.5555/rain"


def test_blank_node_ids_are_not_identifiers() -> None:
    assert one(lr(**{"@id": "_:b0"})).identifiers == ()


CC_BY = "https://creativecommons.org/licenses/by/4.0/"
MIT = "https://opensource.org/licenses/MIT"


@pytest.mark.parametrize(
    ("license_value", "raw", "path"),
    [
        (CC_BY, CC_BY, "/license"),
        ({"id": CC_BY}, CC_BY, "/license/id"),
        ({"@id": MIT}, MIT, "/license/@id"),
        ({"@type": "CreativeWork", "name": "CC BY 4.0", "url": CC_BY}, CC_BY, "/license/url"),
        ({"@type": "CreativeWork", "name": "CC BY"}, "CC BY", "/license/name"),
    ],
)
def test_licence_forms(license_value: Any, raw: str, path: str) -> None:
    (statement,) = one(lr(license=license_value)).licences
    assert (statement.raw, statement.field) == (raw, "schema:license")
    # the record leaves the reader with the statement parsed once
    assert statement.licence is not None and statement.openness == statement.licence.openness
    assert statement.location is not None and statement.location.path == path


def test_rights_statements_other_than_license() -> None:
    record = one(
        lr(
            useRightsUrl="http://www.example.org/termsofuse/",
            copyrightNotice="© 2024 Rain School",
            conditionsOfAccess={"id": "http://w3id.org/kim/conditionsOfAccess/no_login"},
        )
    )
    assert [(s.field, s.raw) for s in record.licences] == [
        ("lrmi:useRightsUrl", "http://www.example.org/termsofuse/"),
        ("schema:copyrightNotice", "© 2024 Rain School"),
    ]
    assert record.access_conditions[0].id == "http://w3id.org/kim/conditionsOfAccess/no_login"


def test_licence_of_a_wrong_datatype_is_a_problem() -> None:
    record = one(lr(license=4))
    assert record.licences == ()
    (problem,) = record.problems
    assert problem.rule == "STD002" and problem.field == "licences"
    assert problem.source_field == "schema:license"
    assert "license holds a number" in problem.message
    assert problem.location is not None and problem.location.path == "/license"


@pytest.mark.parametrize(
    ("value", "cost", "noted"),
    [(True, "no", False), (False, "yes", False), ("no", "yes", True), ("true", "no", True)],
)
def test_is_accessible_for_free_is_cost_not_accessibility(
    value: Any, cost: str, noted: bool
) -> None:
    record = one(lr(isAccessibleForFree=value))
    assert [(t.value, t.element) for t in record.cost] == [(cost, "rights.cost")]
    assert record.accessibility.is_empty()
    assert bool(record.problems) == noted


def test_agents() -> None:
    record = one(
        lr(
            creator=[
                {
                    "@type": "Person",
                    "@id": "https://orcid.org/0000-0002-1825-0097",
                    "givenName": "Ann",
                    "familyName": "Lee",
                    "email": "mailto:ann@example.org",
                    "telephone": "+1 555 0100",
                    "address": {
                        "@type": "PostalAddress",
                        "addressLocality": "Springfield",
                        "addressCountry": {"@type": "Country", "name": "US"},
                    },
                    "affiliation": [{"@type": "Organization", "name": "Rain School"}],
                },
                "Bob Stone",
            ],
            publisher={"@type": "CollegeOrUniversity", "name": "Rain University"},
            copyrightHolder={"@type": "Organization", "name": "Rain Trust"},
            funder={"type": "FundingScheme", "name": "Open Fund"},
            provider={"name": "Rain Portal"},
        )
    )
    ann, bob = record.contributors[:2]
    assert (ann.role, ann.name, ann.kind) == ("creator", "Ann Lee", "person")
    assert ann.email == ("ann@example.org",)
    assert ann.telephone == ("+1 555 0100",)
    assert ann.address == ("Springfield, US",)
    assert ann.identifiers == ("https://orcid.org/0000-0002-1825-0097",)
    assert ann.affiliation == "Rain School"
    assert isinstance(ann.raw, dict) and ann.raw["givenName"] == "Ann"
    assert (bob.name, bob.kind, bob.raw) == ("Bob Stone", None, "Bob Stone")
    assert [(a.role, a.kind) for a in record.contributors[2:]] == [("funder", "organization")]
    assert [(a.role, a.name, a.kind) for a in record.publishers] == [
        ("publisher", "Rain University", "organization"),
        ("provider", "Rain Portal", None),
    ]
    assert [a.name for a in record.rights_holders] == ["Rain Trust"]
    assert any("creator holds a number" in m for m in problems(one(lr(creator=3))))


def test_dates_durations_and_formats() -> None:
    record = one(
        lr(
            dateCreated="2024-03-04",
            datePublished={"@value": "2024-03-18", "@type": "Date"},
            dateModified="October 4, 2006",
            timeRequired="PT45M",
            duration=["PT1H", "00:31:33"],
            encodingFormat="text/html",
            encoding=[
                {
                    "@type": "MediaObject",
                    "encodingFormat": "video/mp4",
                    "contentUrl": "https://example.org/rain.mp4",
                }
            ],
        )
    )
    assert [(d.value, d.kind) for d in record.dates] == [
        ("2024-03-04", "created"),
        ("2024-03-18", "published"),
        ("October 4, 2006", "modified"),
    ]
    assert [(d.value, d.element) for d in record.durations] == [
        ("PT45M", "timeRequired"),
        ("PT1H", "duration"),
        ("00:31:33", "duration"),
    ]
    assert [f.value for f in record.formats] == ["text/html", "video/mp4"]
    assert record.formats[1].location is not None
    assert record.formats[1].location.path == "/encoding/0/encodingFormat"
    assert [u.value for u in record.urls] == ["https://example.org/rain.mp4"]
    assert not record.problems


def test_date_of_a_wrong_datatype_is_a_problem() -> None:
    record = one(lr(dateCreated={"year": 2024}, datePublished=2024))
    assert record.dates == ()
    assert [p.field for p in record.problems] == ["dates", "dates"]
    assert [p.source_field for p in record.problems] == [
        "schema:dateCreated",
        "schema:datePublished",
    ]


def test_educational_terms() -> None:
    record = one(
        lr(
            learningResourceType=[
                "lesson plan",
                {
                    "id": "https://w3id.org/kim/hcrt/worksheet",
                    "prefLabel": {"en": "Worksheet", "de": "Arbeitsmaterial"},
                    "inScheme": {"id": "https://w3id.org/kim/hcrt/scheme"},
                },
            ],
            educationalLevel={"@type": "DefinedTerm", "name": "Primary", "termCode": "ISCED-1"},
            educationalAlignment=[
                {
                    "@type": "AlignmentObject",
                    "alignmentType": "Educational level",
                    "educationalFramework": "US Grade Levels",
                    "targetName": "5",
                    "targetUrl": {"@id": "http://purl.org/ASN/scheme/ASNEducationLevel/5"},
                },
                {"@type": "AlignmentObject", "alignmentType": "teaches", "targetName": "Clouds"},
            ],
            audience=[
                {"@type": "EducationalAudience", "educationalRole": ["teacher", "student"]},
                {"id": "http://purl.org/dcx/lrmi-vocabs/educationalAudienceRole/parent"},
                {"@type": "PeopleAudience", "suggestedMinAge": 10, "suggestedMaxAge": 12},
            ],
            typicalAgeRange="10-12",
            about=[{"@id": "https://example.org/subjects/weather", "name": "Weather"}],
            teaches="the water cycle",
            interactivityType="mixed",
        )
    )
    lrt_plain, lrt_concept = record.learning_resource_types
    assert (lrt_plain.value, lrt_plain.id, lrt_plain.element) == (
        "lesson plan",
        None,
        "educational.learningResourceType",
    )
    assert lrt_concept.id == "https://w3id.org/kim/hcrt/worksheet"
    assert lrt_concept.source == "https://w3id.org/kim/hcrt/scheme"
    assert [(t.value, t.language) for t in lrt_concept.labels] == [
        ("Worksheet", "en"),
        ("Arbeitsmaterial", "de"),
    ]
    assert [(t.value, t.id, t.source) for t in record.educational_levels] == [
        ("ISCED-1", None, None),
        (
            "http://purl.org/ASN/scheme/ASNEducationLevel/5",
            "http://purl.org/ASN/scheme/ASNEducationLevel/5",
            "US Grade Levels",
        ),
    ]
    assert [t.value for t in record.intended_end_user_roles] == [
        "teacher",
        "student",
        "http://purl.org/dcx/lrmi-vocabs/educationalAudienceRole/parent",
    ]
    assert {t.element for t in record.intended_end_user_roles} == {
        "educational.intendedEndUserRole"
    }
    assert [t.value for t in record.typical_age_ranges] == ["10-12", "10-12"]
    assert [(t.element, t.value) for t in record.subjects] == [
        ("teaches", "Clouds"),
        ("about", "https://example.org/subjects/weather"),
        ("teaches", "the water cycle"),
    ]
    assert [(t.value, t.element) for t in record.vocabulary_terms] == [
        ("mixed", "educational.interactivityType")
    ]


def test_accessibility_properties() -> None:
    record = one(
        lr(
            accessMode="textual, visual",
            accessModeSufficient=[
                "textual",
                "textual,visual",
                ["auditory", "visual"],
                {"@type": "ItemList", "itemListElement": ["textual", "visual"]},
            ],
            accessibilityFeature=["alternativeText", "alt text"],
            accessibilityHazard="none",
            accessibilityAPI="ARIA",
            accessibilityControl=["fullKeyboardControl", "fullMouseControl"],
            accessibilitySummary={"@value": "Captions on every video.", "@language": "en"},
        )
    )
    a11y = record.accessibility
    assert [t.value for t in a11y.access_modes] == ["textual", "visual"]
    assert [t.value for t in a11y.access_modes_sufficient] == [
        "textual",
        "textual,visual",
        "auditory,visual",
        "textual,visual",
    ]
    assert a11y.access_modes_sufficient[3].location is not None
    assert a11y.access_modes_sufficient[3].location.path == "/accessModeSufficient/3"
    assert [t.value for t in a11y.features] == ["alternativeText", "alt text"]
    assert [t.value for t in a11y.hazards] == ["none"]
    assert [t.value for t in a11y.apis] == ["ARIA"]
    assert [t.value for t in a11y.controls] == ["fullKeyboardControl", "fullMouseControl"]
    assert [(t.value, t.language) for t in a11y.summaries] == [("Captions on every video.", "en")]
    assert {t.element for t in a11y.features} == {"accessibilityFeature"}
    assert not record.problems


def test_access_mode_sufficient_as_one_comma_string_is_one_set() -> None:
    record = one(lr(accessModeSufficient="textual, visual"))
    assert [t.value for t in record.accessibility.access_modes_sufficient] == ["textual,visual"]


def test_relations_keep_target_title_and_licence() -> None:
    record = one(
        lr(
            isBasedOn=[
                {
                    "@type": "CreativeWork",
                    "@id": "https://example.org/source",
                    "name": "Weather basics",
                    "license": {"@id": "https://creativecommons.org/licenses/by-sa/3.0/"},
                },
                "https://example.org/other-source",
            ],
            isBasedOnUrl="https://example.org/legacy",
            hasPart={"url": "https://example.org/part-1", "name": "Part 1"},
            isPartOf={"@id": "https://example.org/course"},
            workTranslation={"@id": "https://example.org/rain-fr"},
        )
    )
    kinds = [(r.kind, r.target, r.title) for r in record.relations]
    assert kinds == [
        ("isBasedOn", "https://example.org/source", "Weather basics"),
        ("isBasedOn", "https://example.org/other-source", None),
        ("isBasedOnUrl", "https://example.org/legacy", None),
        ("hasPart", "https://example.org/part-1", "Part 1"),
        ("isPartOf", "https://example.org/course", None),
        ("workTranslation", "https://example.org/rain-fr", None),
    ]
    (licence,) = record.relations[0].licences
    assert licence.raw == "https://creativecommons.org/licenses/by-sa/3.0/"
    assert licence.location is not None and licence.location.path == "/isBasedOn/0/license/@id"


def test_unknown_properties_become_extensions() -> None:
    record = one(lr(dataCreated="2021", **{"a/b~c": {"x": [1, 2]}, "image": "https://x/i.png"}))
    assert [(e.name, e.value) for e in record.extensions] == [
        ("dataCreated", "2021"),
        ("a/b~c", {"x": [1, 2]}),
        ("image", "https://x/i.png"),
    ]
    assert record.extensions[1].location is not None
    assert record.extensions[1].location.path == "/a~1b~0c"
    assert not record.problems


# -- structure problems and dialects -----------------------------------------------------


def test_missing_context() -> None:
    record = one({"@type": "LearningResource", "name": "x"})
    (problem,) = record.problems
    assert (problem.rule, problem.field, problem.source_field) == ("STD002", None, "@context")
    assert "no @context" in problem.message and problem.hint
    assert record.dialect == "schema.org"


def test_context_naming_no_known_vocabulary() -> None:
    record = one({"@context": "https://example.org/ctx.jsonld", "@type": "Course", "name": "x"})
    (problem,) = record.problems
    assert "names neither schema.org nor a known profile" in problem.message
    assert problem.location is not None and problem.location.path == "/@context"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", {"title": "x"}, "name holds an object"),
        ("name", 12, "name holds a number"),
        ("description", [True], "description holds a boolean"),
        ("@type", 3, "@type holds a number"),
        ("@id", ["https://example.org/x"], "@id holds a list"),
        ("typicalAgeRange", 10, "typicalAgeRange holds a number"),
    ],
)
def test_wrong_datatypes_are_noted(field: str, value: Any, message: str) -> None:
    doc = {"@context": SCHEMA, "@type": "Course", "url": "https://x/1", "license": "https://x/l"}
    doc[field] = value
    record = one(doc)
    assert any(message in m for m in problems(record)), problems(record)
    assert all(p.rule == "STD002" for p in record.problems)


def test_educational_role_on_the_resource_is_read_and_noted() -> None:
    record = one(lr(educationalRole="Teacher"))
    assert [t.value for t in record.intended_end_user_roles] == ["Teacher"]
    assert record.problems[0].field == "intended_end_user_roles"
    assert record.problems[0].source_field == "schema:educationalRole"


@pytest.mark.parametrize(
    ("context", "extra", "dialect"),
    [
        (["https://w3id.org/kim/amb/context.jsonld"], {"type": ["LearningResource"]}, "amb"),
        ("https://w3id.org/kim/amb/draft/context.jsonld", {"type": ["Course"]}, "amb"),
        ("https://w3id.org/kim/lrmi-profile/draft/context.jsonld", {"type": ["Course"]}, "amb"),
        (None, {"id": "https://x/1", "type": ["LearningResource"]}, "amb"),
        (SCHEMA, {"@type": "LearningResource"}, "lrmi"),
        ("http://schema.org", {"@type": "CreativeWork", "typicalAgeRange": "9-"}, "lrmi"),
        ({"lrmi": "http://purl.org/dcx/lrmi-terms/"}, {"@type": "CreativeWork"}, "lrmi"),
        (SCHEMA, {"@type": "Article"}, "schema.org"),
    ],
)
def test_dialects(context: Any, extra: dict[str, Any], dialect: str) -> None:
    doc = {"name": "x", **extra}
    if context is not None:
        doc["@context"] = context
    assert one(doc).dialect == dialect


# -- locations -----------------------------------------------------------------------------


def test_pointers_are_rfc6901_and_lines_exact() -> None:
    doc = {"@context": SCHEMA, "@type": "LearningResource", "name": "x", "~a/b": ["p", "q"]}
    text = json.dumps(doc, indent=2)
    (extension,) = one(text).extensions
    assert extension.location is not None
    assert extension.location.path == "/~0a~1b"
    assert (extension.location.line, extension.location.column) == (5, 11)


def test_python_values_have_pointers_but_no_lines() -> None:
    record = one([lr(keywords=["a", "b"])][0])
    assert record.keywords[1].location is not None
    assert (record.keywords[1].location.line, record.keywords[1].location.path) == (
        None,
        "/keywords/1",
    )
    items = list(
        records_from_json(
            lr(), file="f.json", pointer="/documents/3/resource_data", dispatcher=DISPATCHER
        )
    )
    assert isinstance(items[0], Record)
    assert items[0].titles[0].location is not None
    assert items[0].titles[0].location.path == "/documents/3/resource_data/name"


def test_line_index_and_escapes() -> None:
    index = LineIndex("ab\ncd\n\nef")
    assert [index.position(i) for i in (0, 1, 3, 6, 7)] == [(1, 1), (1, 2), (2, 1), (3, 1), (4, 1)]
    assert escape_token("a~/b") == "a~0~1b"


def test_value_offsets_decode_escaped_keys() -> None:
    text = '{"a\\u0041": [1, {"x/y": "z"}], "t~": null}'
    offsets = value_offsets(text, 0)
    assert text[offsets["/aA/1/x~1y"] :].startswith('"z"')
    assert text[offsets["/t~0"] :].startswith("null")
    assert PointerMap(text, 0, LineIndex(text)).position("/missing/pointer") == (1, 1)


# -- the corpus ----------------------------------------------------------------------------

JSON_FILES = corpus_files("jsonld") + corpus_files("amb")


def corpus_items(*parts: str) -> list[ReadItem]:
    return list(iter_source(CORPUS.joinpath(*parts)))


def corpus_record(*parts: str) -> Record:
    items = corpus_items(*parts)
    assert len(items) == 1 and isinstance(items[0], Record), items
    return items[0]


@needs_corpus
@pytest.mark.parametrize("path", JSON_FILES, ids=corpus_id)
def test_every_corpus_file_reads_without_exception(path: Path) -> None:
    items = list(iter_source(path))
    assert items
    assert all(isinstance(i, (Record, Unreadable)) for i in items)
    for item in items:
        if isinstance(item, Unreadable):
            assert "internal error" not in item.message
            assert item.location.file == str(path)
        else:
            assert item.location.line is not None


@needs_corpus
@pytest.mark.parametrize("path", corpus_files("amb", "examples-valid"), ids=corpus_id)
def test_valid_amb_examples_are_amb_records_without_problems(path: Path) -> None:
    items = list(iter_source(path))
    assert items and all(isinstance(i, Record) for i in items)
    for record in items:
        assert isinstance(record, Record)
        assert record.dialect == "amb"
        assert record.title
        assert record.problems == ()


@needs_corpus
@pytest.mark.parametrize("path", corpus_files("amb", "schema"), ids=corpus_id)
def test_amb_schema_files_are_clearly_not_records(path: Path) -> None:
    (item,) = iter_source(path)
    assert isinstance(item, Unreadable)
    expected = "context document" if path.suffix == ".jsonld" else "JSON Schema"
    assert expected in item.message
    assert item.location.line == 1


@needs_corpus
def test_corpus_amb_licences() -> None:
    mit = corpus_record("amb", "examples-valid", "MIT-License.json")
    (licence,) = mit.licences
    assert (licence.raw, licence.field) == ("https://opensource.org/licenses/MIT", "schema:license")
    assert licence.location is not None
    assert (licence.location.path, licence.location.line) == ("/license/id", 12)
    as_string = corpus_record("amb", "examples-invalid", "license-as-string.json")
    assert [s.raw for s in as_string.licences] == [
        "https://creativecommons.org/publicdomain/zero/1.0/"
    ]
    assert as_string.licences[0].location is not None
    assert as_string.licences[0].location.path == "/license"


@needs_corpus
def test_corpus_json_lines_file() -> None:
    items = corpus_items("amb", "oersi-etl_orca-invalid.jsonl")
    assert len(items) == 8 and all(isinstance(i, Record) for i in items)
    assert [i.location.line for i in items] == list(range(1, 9))
    second = items[1]
    assert isinstance(second, Record)
    assert second.licences[0].raw == "https://creativecommons.org/publicdomain/zero/1.0/legalcode"
    assert [t.value for t in second.languages] == ["fr", "en", "de"]
    assert second.languages[2].location is not None
    assert second.languages[2].location.line == 2
    assert {i.dialect for i in items if isinstance(i, Record)} == {"amb"}


@needs_corpus
def test_corpus_concatenated_file() -> None:
    items = corpus_items("amb", "oersi-etl_duepublico_concatenated.json")
    records = [i for i in items if isinstance(i, Record)]
    assert len(items) == len(records) == 2
    assert [r.location.line for r in records] == [1, 40]
    assert records[1].title == 'Erich Kästner "zum Gebrauch"'
    misspelt = [e for e in records[0].extensions if e.name == "dataCreated"]
    assert misspelt and misspelt[0].value == "2021-05-27"
    assert [(a.role, a.kind) for a in records[0].contributors] == [
        ("creator", "person"),
        ("creator", "organization"),
        ("sourceOrganization", "organization"),
    ]


@needs_corpus
def test_corpus_lrmi_example() -> None:
    record = corpus_record("jsonld", "dcmi-lrmi_LRexample01.jsonld")
    assert record.title == "Tiles, Blocks, Sapphires & Gold: Designing a Treasure Map"
    assert record.dialect == "lrmi"
    assert [t.value for t in record.languages] == ["English"]
    assert [(s.field, s.raw) for s in record.licences] == [
        ("lrmi:useRightsUrl", "http://www.si.edu/termsofuse/")
    ]
    assert [t.value for t in record.typical_age_ranges] == ["2-5", "5-8"]
    assert [a.name for a in record.publishers] == ["Cooper-Hewitt", "National Design Museum"]
    assert [t.value for t in record.accessibility.features] == ["structuralNavigation"]
    assert len(record.accessibility.hazards) == 3
    assert [t.value for t in record.accessibility.controls] == ["fullMouseControl"]
    assert [p.field for p in record.problems] == ["intended_end_user_roles"]
    assert "AlignmentObject" in {e.name for e in record.extensions}
    assert record.languages[0].location is not None
    assert record.languages[0].location.line == 165


@needs_corpus
def test_corpus_prefixed_lrmi_example() -> None:
    record = corpus_record("jsonld", "dcmi-lrmi_LRexample01a.json-ld")
    assert record.title == "Tiles, Blocks, Sapphires & Gold: Designing a Treasure Map"
    assert [(d.value, d.kind) for d in record.dates] == [("October 4, 2006", "published")]
    assert record.licences == ()
    assert [d.value for d in record.durations] == ["PT2H", "PT1H"]
    assert [t.labels[0].value for t in record.educational_levels] == ["Pre-K", "1"]
    assert [t.element for t in record.subjects] == ["teaches"] * 3
    assert [t.value for t in record.intended_end_user_roles] == ["Teacher"]
    assert record.titles[0].location is not None
    assert record.titles[0].location.path == "/schema:name"


@needs_corpus
def test_corpus_script_wrapped_examples() -> None:
    uk = corpus_record("jsonld", "dcmi-lrmi_alignmentsUK_jsonld.json")
    assert uk.title == "The Declaration of Arbroath"
    assert uk.location.line == 2
    assert [t.source for t in uk.educational_levels] == ["SCQF", "National Curriculum"]
    assert [t.element for t in uk.subjects] == ["about", "educationalSubject", "educationalSubject"]
    assert [(r.kind, r.target) for r in uk.relations] == [
        ("isBasedOnUrl", "http://www.bbc.co.uk/education/clips/z3sjtfr")
    ]
    level = corpus_record("jsonld", "dcmi-lrmi_type+audience+level_jsonld.json")
    assert [t.labels[0].value for t in level.educational_levels] == ["2"]
    assert level.titles[0].location is not None
    assert (level.titles[0].location.line, level.titles[0].location.path) == (5, "/name")
    # The same file read as bytes, through the JSON entry point, gives the same record.
    data = (CORPUS / "jsonld" / "dcmi-lrmi_type+audience+level_jsonld.json").read_bytes()
    (again,) = read_json_bytes(data, file=None, dispatcher=DISPATCHER)
    assert isinstance(again, Record) and again.title == level.title


@needs_corpus
def test_corpus_amb_details() -> None:
    figure = corpus_record("amb", "examples-valid", "highered-figure.json")
    based = [r for r in figure.relations if r.kind == "isBasedOn"]
    assert [(r.title, [s.raw for s in r.licences]) for r in based] == [
        ("Figure 6.13", ["https://creativecommons.org/licenses/by-sa/3.0/"])
    ]
    labels = corpus_record("amb", "examples-valid", "conceptsWithMultilingualLabels.json")
    assert [(t.value, t.language) for t in labels.learning_resource_types[0].labels] == [
        ("Course", "en"),
        ("Kurs", "de"),
    ]
    video = corpus_record("amb", "examples-valid", "videoWithEncodings.json")
    assert [f.value for f in video.formats] == ["video/mp4", "video/mp4"]
    assert "caption" in {e.name for e in video.extensions}
    free = corpus_record("amb", "examples-valid", "isAccessibleForFree.json")
    assert [t.value for t in free.cost] == ["no"] and free.accessibility.is_empty()
    no_context = corpus_record("amb", "examples-invalid", "noContext.json")
    assert [p.source_field for p in no_context.problems] == ["@context"]
    assert no_context.dialect == "amb"


@needs_corpus
def test_corpus_line_numbers_match_the_file() -> None:
    path = CORPUS / "amb" / "examples-valid" / "affiliation.json"
    lines = path.read_text(encoding="utf-8").splitlines()
    record = corpus_record("amb", "examples-valid", "affiliation.json")
    (description,) = record.descriptions
    line_no = next(i for i, line in enumerate(lines, 1) if '"description"' in line)
    assert description.location is not None
    assert description.location.line == line_no
    assert description.location.column == lines[line_no - 1].index('"Eine OER"') + 1
    assert [t.value for t in record.metadata_languages] == ["de"]
    assert [a.affiliation for a in record.contributors] == [
        "Universität Köln",
        "RWTH Aachen",
        "TH Uni",
    ]


@needs_corpus
@pytest.mark.parametrize("path", [p for p in JSON_FILES if p.suffix != ".jsonl"], ids=corpus_id)
def test_pointer_offsets_agree_with_json_source_map(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if not text.lstrip().startswith(("{", "[")):
        return  # script-wrapped files are not JSON on their own
    decoder = json.JSONDecoder()
    start = 0
    while start < len(text) and text[start].isspace():
        start += 1
    _, end = decoder.raw_decode(text, start)
    expected = calculate(text[:end])
    index = LineIndex(text)
    mine = PointerMap(text, start, index)
    for pointer, entry in expected.items():
        got = mine.position(pointer)
        assert got == (entry.value_start.line + 1, entry.value_start.column + 1), pointer


# -- examples shipped with the project ----------------------------------------------------


def example(name: str) -> list[ReadItem]:
    return list(iter_source(EXAMPLES / "jsonld" / name))


def test_exemplary_lrmi_example_is_complete() -> None:
    (record,) = example("exemplary-lrmi.jsonld")
    assert isinstance(record, Record)
    assert record.dialect == "lrmi" and not record.problems and not record.extensions
    assert {t.language for t in record.titles} == {"en", "fr"}
    assert record.licences[0].raw == "https://creativecommons.org/licenses/by/4.0/"
    assert record.contributors[0].identifiers == ("https://orcid.org/0000-0002-1825-0097",)
    assert record.contributors[0].email == ()
    assert [t.value for t in record.accessibility.access_modes_sufficient] == [
        "textual",
        "textual,visual",
    ]
    assert record.relations[0].licences[0].raw.endswith("/by/4.0/")
    assert record.identifiers[0].catalog == "doi"


def test_exemplary_amb_example() -> None:
    (record,) = example("exemplary-amb.json")
    assert isinstance(record, Record)
    assert record.dialect == "amb" and not record.problems
    assert [t.value for t in record.metadata_languages] == ["en"]
    assert [t.value for t in record.cost] == ["no"]


def test_faulty_lrmi_example_is_read_as_written() -> None:
    (record,) = example("faulty-lrmi.jsonld")
    assert isinstance(record, Record)
    assert record.descriptions == ()
    assert [t.value for t in record.languages] == ["English"]
    assert [d.value for d in record.dates] == ["October 4, 2006"]
    assert [t.value for t in record.accessibility.features] == ["alt text"]
    assert record.contributors[0].email == ("tom.okafor@example.org",)
    assert record.licences[0].raw == "https://example.org/terms-of-use"


def test_records_jsonl_example() -> None:
    items = example("records.jsonl")
    assert [type(i).__name__ for i in items] == ["Record", "Unreadable", "Record"]
    assert [i.location.line for i in items] == [1, 2, 3]


# -- robustness (property-based) -----------------------------------------------------------

_KEYS = st.sampled_from(
    [
        "@context", "@type", "type", "@id", "id", "@graph", "@value", "@language", "@list",
        "name", "description", "keywords", "inLanguage", "license", "creator", "publisher",
        "audience", "educationalAlignment", "accessModeSufficient", "accessMode", "about",
        "isBasedOn", "isAccessibleForFree", "learningResourceType", "prefLabel", "url",
        "identifier", "encoding", "dateCreated", "affiliation", "address", "itemListElement",
        "$schema", "documents", "resource_data", "schema:name", "de", "a/b~c",
    ]
) | st.text(max_size=8)  # fmt: skip
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**6), max_value=10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(["LearningResource", "Person", "https://schema.org/", "en", "a, b"])
    | st.text(max_size=12)
)
JSON_VALUES = st.recursive(
    _SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_KEYS, children, max_size=6),
    max_leaves=30,
)
_FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _no_internal_errors(items: list[ReadItem]) -> None:
    for item in items:
        assert isinstance(item, (Record, Unreadable))
        if isinstance(item, Unreadable):
            assert "internal error" not in item.message, item.message


@_FAST
@given(JSON_VALUES)
def test_any_json_value_never_raises(value: Any) -> None:
    from_python = list(records_from_json(value, file=None, dispatcher=DISPATCHER))
    assert from_python
    _no_internal_errors(from_python)
    from_text = read(json.dumps(value, indent=1))
    _no_internal_errors(from_text)
    assert sum(isinstance(i, Record) for i in from_text) == sum(
        isinstance(i, Record) for i in from_python
    )


@_FAST
@given(st.binary(max_size=200))
def test_any_bytes_never_raise(data: bytes) -> None:
    items = read(data)
    assert items
    _no_internal_errors(items)


@_FAST
@given(st.lists(st.text(alphabet='{}[]":,\n abc0\\', max_size=30), max_size=5))
def test_json_lines_like_garbage_never_raises(lines: list[str]) -> None:
    items = read("\n".join(lines))
    _no_internal_errors(items)


def _pointers(value: Any, pointer: str = "") -> list[tuple[str, Any]]:
    found = [(pointer, value)]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _pointers(child, f"{pointer}/{escape_token(key)}")
    elif isinstance(value, list):
        for i, child in enumerate(value):
            found += _pointers(child, f"{pointer}/{i}")
    return found


@_FAST
@given(JSON_VALUES, st.sampled_from([None, 0, 2]))
def test_value_offsets_point_at_the_value(value: Any, indent: int | None) -> None:
    text = "  " + json.dumps(value, indent=indent)
    offsets = value_offsets(text, 2)
    decoder = json.JSONDecoder()
    for pointer, expected in _pointers(value):
        assert decoder.raw_decode(text, offsets[pointer])[0] == expected


# -- JSON Lines are streamed ---------------------------------------------------------------


def _line(i: int) -> bytes:
    doc = {"@context": "https://schema.org/", "@type": "LearningResource", "name": f"R{i}"}
    return json.dumps(doc).encode() + b"\n"


def test_json_lines_file_is_read_line_by_line_with_file_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "harvest.jsonl"
    path.write_bytes(
        b"\xef\xbb\xbf" + _line(1) + b"\n" + b'{"name": "broken"\n' + b"\xff\xfe{}\n" + _line(5)
    )
    items = list(iter_source(path))
    assert [type(i).__name__ for i in items] == ["Record", "Unreadable", "Unreadable", "Record"]
    assert [i.location.line for i in items] == [1, 3, 4, 5]
    assert "UTF-8" in items[2].message
    record = items[3]
    assert isinstance(record, Record) and record.title == "R5"
    assert record.titles[0].location is not None and record.titles[0].location.line == 5


def test_json_lines_reading_is_lazy() -> None:
    from oer_meta.readers.jsonld.reader import read_json_lines

    class Stream:
        """Yields two lines, then fails: a reader that read ahead would fail first."""

        def __iter__(self) -> Any:
            yield _line(1)
            yield _line(2)
            raise AssertionError("read past the records asked for")

    items = read_json_lines(Stream(), file="s.jsonl", dispatcher=DISPATCHER)  # type: ignore[arg-type]
    first, second = next(items), next(items)
    assert isinstance(first, Record) and isinstance(second, Record)
    assert (first.title, second.title) == ("R1", "R2")


def test_a_pretty_printed_document_saved_as_jsonl_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"@type": "LearningResource", "name": "Whole"}, indent=2))
    items = list(iter_source(path))
    assert [type(i).__name__ for i in items] == ["Record"]
