"""Dublin Core reader: mapping of DC elements and DCMI terms, binding problems, corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import oer_meta
from oer_meta.knowledge.identifiers import identifier_scheme
from oer_meta.model import Record
from oer_meta.readers import Unreadable, iter_source, read_records
from oer_meta.readers.dc.reader import build_dc_record
from oer_meta.readers.xml.context import XmlRecordContext
from oer_meta.readers.xml.namespaces import DC, DCTERMS, OAI_DC, XML, XSI
from tests.corpus_paths import CORPUS, EXAMPLES, corpus_files, corpus_id, needs_corpus

NS = (
    f'xmlns:oai_dc="{OAI_DC}" xmlns:dc="{DC}" xmlns:dcterms="{DCTERMS}" '
    f'xmlns:dct="{DCTERMS}" xmlns:xsi="{XSI}"'
)


def read_one(xml: str) -> Record:
    records = list(read_records(xml.encode("utf-8")))
    assert len(records) == 1
    return records[0]


def oai_dc(body: str, attrs: str = "") -> Record:
    return read_one(f"<oai_dc:dc {NS} {attrs}>{body}</oai_dc:dc>")


def bare(body: str, attrs: str = "", extra_ns: str = "") -> Record:
    return read_one(f"<metadata {NS} {extra_ns} {attrs}>{body}</metadata>")


def stds(record: Record) -> list[str]:
    return [p.message for p in record.problems if p.rule == "STD002"]


# -- mapping -----------------------------------------------------------------------------


def test_titles_keep_language_trim_and_empty_and_duplicates() -> None:
    record = oai_dc(
        '<dc:title xml:lang="en">  Fractions  </dc:title>'
        '<dc:title xml:lang="fr">Fractions</dc:title>'
        "<dc:title/>"
        '<dc:title xml:lang="fr">Fractions</dc:title>'
    )
    assert [(t.value, t.language) for t in record.titles] == [
        ("Fractions", "en"),
        ("Fractions", "fr"),
        ("", None),
        ("Fractions", "fr"),
    ]
    assert record.source_format == "dc"
    assert record.dialect == "oai_dc"
    assert record.problems == ()


def test_container_language_is_inherited_and_is_the_metadata_language() -> None:
    record = bare(
        '<dc:title>Brüche</dc:title><dc:description xml:lang="">x</dc:description>'
        "<dc:language>de</dc:language>",
        attrs='xml:lang="de"',
    )
    assert record.titles[0].language == "de"
    assert record.descriptions[0].language is None  # xml:lang="" means: no language
    assert record.languages[0].language is None  # a code is in no language
    assert [t.value for t in record.metadata_languages] == ["de"]


def test_descriptions_from_description_abstract_and_table_of_contents() -> None:
    record = bare(
        "<dc:description>one</dc:description><dcterms:abstract>two</dcterms:abstract>"
        "<dcterms:tableOfContents>1. three</dcterms:tableOfContents>"
        "<dcterms:alternative>Alt title</dcterms:alternative>"
    )
    assert [d.value for d in record.descriptions] == ["one", "two", "1. three"]
    assert [t.value for t in record.titles] == ["Alt title"]
    assert record.dialect == "dcterms"


def test_subjects_are_keywords_and_terms_when_a_scheme_is_declared() -> None:
    record = bare(
        "<dc:subject>fractions</dc:subject>"
        '<dc:subject xsi:type="dct:LCSH">Fractions--Study and teaching</dc:subject>'
        '<dcterms:subject xsi:type="dcterms:DDC">513.26</dcterms:subject>'
    )
    assert [k.value for k in record.keywords] == [
        "fractions",
        "Fractions--Study and teaching",
        "513.26",
    ]
    assert [(t.value, t.source, t.element) for t in record.subjects] == [
        ("Fractions--Study and teaching", "dcterms:LCSH", "dc:subject"),
        ("513.26", "dcterms:DDC", "dcterms:subject"),
    ]


def test_languages_are_kept_as_written() -> None:
    record = oai_dc(
        "<dc:language>en</dc:language><dc:language> en_US </dc:language>"
        "<dc:language>English</dc:language>"
    )
    assert [lang.value for lang in record.languages] == ["en", "en_US", "English"]


@pytest.mark.parametrize(
    ("value", "xsi_type", "catalog", "is_url"),
    [
        ("https://doi.org/10.5555/fractions.1", None, "doi", True),
        ("doi:10.5555/fractions.1", None, "doi", False),
        ("10.5555/fractions.1", None, "doi", False),
        ("hdl:2200/20100723162514135T", "nsdl_dc:ResourceHandle", "handle", False),
        ("http://hdl.handle.net/1765/9", None, "handle", True),
        ("urn:nbn:de:0001-12345", None, "urn", False),
        ("ark:/13030/tf5p30086k", None, "ark", False),
        ("oai:example.org:42", None, "oai", False),
        ("90-9014980-5", None, "isbn", False),
        ("978-3-16-148410-0", None, "isbn", False),
        ("https://example.org/lesson", "dct:URI", "url", True),
        ("ftp://example.org/lesson", "dct:URI", "dcterms:URI", False),
        ("lesson-17", None, None, False),
        ("90-9014980-6", None, None, False),  # bad ISBN check digit
    ],
)
def test_identifier_schemes(
    value: str, xsi_type: str | None, catalog: str | None, is_url: bool
) -> None:
    attr = f' xsi:type="{xsi_type}"' if xsi_type else ""
    record = bare(
        f"<dc:identifier{attr}>{value}</dc:identifier>",
        extra_ns='xmlns:nsdl_dc="http://ns.nsdl.org/nsdl_dc_v1.02/"',
    )
    assert [(i.value, i.catalog) for i in record.identifiers] == [(value, catalog)]
    assert [u.value for u in record.urls] == ([value] if is_url else [])


def test_identifier_scheme_helper() -> None:
    assert identifier_scheme("https://hdl.loc.gov/loc.gdc/x") == "handle"
    assert identifier_scheme("something", "dcterms:URI") == "dcterms:URI"
    assert identifier_scheme("") is None


def test_rights_licences_rights_holders_and_access_rights() -> None:
    record = bare(
        '<dc:rights xml:lang="en">Creative Commons Attribution 4.0</dc:rights>'
        '<dc:rights xsi:type="dct:URI">https://creativecommons.org/licenses/by/4.0/</dc:rights>'
        "<dcterms:rights>All rights reserved</dcterms:rights>"
        "<dcterms:license>https://creativecommons.org/licenses/by-sa/4.0/</dcterms:license>"
        "<dcterms:rightsHolder>Open Maths Commons</dcterms:rightsHolder>"
        '<dcterms:accessRights xsi:type="nsdl_dc:NSDLAccess">Free access</dcterms:accessRights>',
        extra_ns='xmlns:nsdl_dc="http://ns.nsdl.org/nsdl_dc_v1.02/"',
    )
    assert [(lic.raw, lic.field, lic.language) for lic in record.licences] == [
        ("Creative Commons Attribution 4.0", "dc:rights", "en"),
        ("https://creativecommons.org/licenses/by/4.0/", "dc:rights", None),
        ("All rights reserved", "dcterms:rights", None),
        ("https://creativecommons.org/licenses/by-sa/4.0/", "dcterms:license", None),
    ]
    # every record leaves the reader with its statements parsed
    assert [(lic.spdx, lic.openness) for lic in record.licences] == [
        ("CC-BY-4.0", "open"),
        ("CC-BY-4.0", "open"),
        (None, "not-open"),
        ("CC-BY-SA-4.0", "open"),
    ]
    assert [(a.name, a.role) for a in record.rights_holders] == [
        ("Open Maths Commons", "rightsHolder")
    ]
    assert [(t.value, t.source, t.element) for t in record.access_conditions] == [
        ("Free access", "nsdl_dc:NSDLAccess", "dcterms:accessRights")
    ]
    assert "Free access" not in [lic.raw for lic in record.licences]


def test_agents_roles_kinds_and_emails() -> None:
    record = oai_dc(
        "<dc:creator>Okafor, A.</dc:creator>"
        "<dc:creator>Jane Doe &lt;jane.doe@example.org&gt;</dc:creator>"
        "<dc:contributor>Open Maths Commons Foundation</dc:contributor>"
        "<dc:contributor>mailto:help@example.org</dc:contributor>"
        "<dc:publisher>Example University Press</dc:publisher>"
        "<dc:creator/>"
    )
    assert [(a.role, a.name, a.kind, a.email) for a in record.contributors] == [
        ("creator", "Okafor, A.", "person", ()),
        ("creator", "Jane Doe", None, ("jane.doe@example.org",)),
        ("contributor", "Open Maths Commons Foundation", "organization", ()),
        ("contributor", None, None, ("help@example.org",)),
        ("creator", "", None, ()),
    ]
    assert record.contributors[1].raw == "Jane Doe <jane.doe@example.org>"
    assert [(a.role, a.name, a.kind) for a in record.publishers] == [
        ("publisher", "Example University Press", "organization")
    ]


def test_orcid_is_lifted_out_of_the_name() -> None:
    record = oai_dc("<dc:creator>Ada Lovelace https://orcid.org/0000-0002-1825-0097</dc:creator>")
    agent = record.contributors[0]
    assert agent.name == "Ada Lovelace"
    assert agent.identifiers == ("https://orcid.org/0000-0002-1825-0097",)


def test_date_kinds() -> None:
    record = bare(
        "<dc:date>October 4, 2006</dc:date><dcterms:created>2023-11-02</dcterms:created>"
        "<dcterms:issued>2024</dcterms:issued><dcterms:modified>2024-05-21</dcterms:modified>"
        "<dcterms:available>2024-06</dcterms:available>"
        "<dcterms:dateSubmitted>2024-01-01</dcterms:dateSubmitted>"
    )
    assert [(d.value, d.kind) for d in record.dates] == [
        ("October 4, 2006", "other"),
        ("2023-11-02", "created"),
        ("2024", "published"),
        ("2024-05-21", "modified"),
        ("2024-06", "other"),
        ("2024-01-01", "other"),
    ]
    assert record.problems == ()  # dates are judged by rules, not by the reader


def test_types_formats_and_urls_in_formats() -> None:
    record = bare(
        '<dc:type xsi:type="dct:DCMIType">InteractiveResource</dc:type><dc:type>lesson</dc:type>'
        "<dc:format>application/pdf https://ep.example.org/retrieve/1/a b.pdf</dc:format>"
        "<dc:format>151500</dc:format><dcterms:extent>12 pages</dcterms:extent>"
        "<dcterms:medium>paper</dcterms:medium>"
    )
    assert [(t.value, t.source, t.element) for t in record.learning_resource_types] == [
        ("InteractiveResource", "dcterms:DCMIType", "dc:type"),
        ("lesson", None, "dc:type"),
    ]
    assert [f.value for f in record.formats] == [
        "application/pdf https://ep.example.org/retrieve/1/a b.pdf",
        "151500",
        "12 pages",
        "paper",
    ]
    assert [u.value for u in record.urls] == ["https://ep.example.org/retrieve/1/a b.pdf"]


def test_education_level_audience_mediator_and_method() -> None:
    record = bare(
        '<dcterms:educationLevel xsi:type="nsdl_dc:NSDLEdLevel">Grade 4</dcterms:educationLevel>'
        "<dcterms:audience>Learner</dcterms:audience><dcterms:mediator>parent</dcterms:mediator>"
        "<dcterms:instructionalMethod>inquiry</dcterms:instructionalMethod>",
        extra_ns='xmlns:nsdl_dc="http://ns.nsdl.org/nsdl_dc_v1.02/"',
    )
    assert [(t.value, t.source) for t in record.educational_levels] == [
        ("Grade 4", "nsdl_dc:NSDLEdLevel")
    ]
    assert [(t.value, t.element) for t in record.intended_end_user_roles] == [
        ("Learner", "dcterms:audience"),
        ("parent", "dcterms:mediator"),
    ]
    assert [(t.value, t.element) for t in record.vocabulary_terms] == [
        ("inquiry", "dcterms:instructionalMethod")
    ]


def test_relations_and_accessibility_conformance() -> None:
    record = bare(
        "<dc:source>https://example.org/original</dc:source>"
        "<dc:relation>Series; RM 0403</dc:relation>"
        "<dcterms:isPartOf>https://example.org/collection</dcterms:isPartOf>"
        "<dcterms:hasVersion>https://example.org/v2</dcterms:hasVersion>"
        "<dcterms:requires>Java</dcterms:requires>"
        '<dcterms:conformsTo xsi:type="dct:URI">http://purl.org/ASN/resources/S1143664</dcterms:conformsTo>'
        "<dcterms:conformsTo>https://www.w3.org/TR/WCAG21/</dcterms:conformsTo>"
        "<dcterms:conformsTo>EPUB Accessibility 1.1 - WCAG 2.1 Level AA</dcterms:conformsTo>"
    )
    assert [(r.kind, r.target) for r in record.relations] == [
        ("source", "https://example.org/original"),
        ("relation", "Series; RM 0403"),
        ("isPartOf", "https://example.org/collection"),
        ("hasVersion", "https://example.org/v2"),
        ("requires", "Java"),
        ("conformsTo", "http://purl.org/ASN/resources/S1143664"),
        ("conformsTo", "https://www.w3.org/TR/WCAG21/"),
        ("conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"),
    ]
    assert [t.value for t in record.accessibility.conforms_to] == [
        "https://www.w3.org/TR/WCAG21/",
        "EPUB Accessibility 1.1 - WCAG 2.1 Level AA",
    ]
    assert record.urls == ()  # related resources are not the resource's own URL


def test_coverage_and_foreign_elements_are_extensions_without_problems() -> None:
    record = bare(
        "<dc:title>T</dc:title><dc:coverage>Europe</dc:coverage>"
        "<dcterms:spatial>Paris</dcterms:spatial><dcterms:temporal>1900-1920</dcterms:temporal>"
        "<dcterms:bibliographicCitation>Doe (2024)</dcterms:bibliographicCitation>"
        "<x:local>kept</x:local>",
        extra_ns='xmlns:x="https://example.org/ns"',
    )
    assert [(e.name, e.value) for e in record.extensions] == [
        (f"{{{DC}}}coverage", "Europe"),
        (f"{{{DCTERMS}}}spatial", "Paris"),
        (f"{{{DCTERMS}}}temporal", "1900-1920"),
        (f"{{{DCTERMS}}}bibliographicCitation", "Doe (2024)"),
        ("{https://example.org/ns}local", "kept"),
    ]
    assert record.extensions[-1].location is not None
    assert record.extensions[-1].location.path == "/metadata/x:local"
    assert record.problems == ()


@pytest.mark.parametrize("schema_ns", ["http://schema.org/", "https://schema.org/"])
def test_schema_org_accessibility_properties(schema_ns: str) -> None:
    record = bare(
        "<dc:title>T</dc:title>"
        "<s:accessMode>textual</s:accessMode><s:accessModeSufficient>textual,visual</s:accessModeSufficient>"
        "<s:accessibilityFeature>alternativeText</s:accessibilityFeature>"
        "<s:accessibilityHazard>noFlashingHazard</s:accessibilityHazard>"
        "<s:accessibilityAPI>ARIA</s:accessibilityAPI>"
        "<s:accessibilityControl>fullKeyboardControl</s:accessibilityControl>"
        '<s:accessibilitySummary xml:lang="en">Text alternatives everywhere.'
        "</s:accessibilitySummary>"
        "<s:name>not mapped</s:name>",
        extra_ns=f'xmlns:s="{schema_ns}"',
    )
    a11y = record.accessibility
    assert [t.value for t in a11y.access_modes] == ["textual"]
    assert [t.value for t in a11y.access_modes_sufficient] == ["textual,visual"]
    assert [t.value for t in a11y.features] == ["alternativeText"]
    assert [t.value for t in a11y.hazards] == ["noFlashingHazard"]
    assert [t.value for t in a11y.apis] == ["ARIA"]
    assert [t.value for t in a11y.controls] == ["fullKeyboardControl"]
    assert [(t.value, t.language) for t in a11y.summaries] == [
        ("Text alternatives everywhere.", "en")
    ]
    assert a11y.features[0].element == "schema:accessibilityFeature"
    assert [e.name for e in record.extensions] == [f"{{{schema_ns}}}name"]
    assert record.problems == ()


def test_dcterms_accessibility_feature_is_read_and_reported() -> None:
    record = bare("<dcterms:accessibilityFeature>MathML</dcterms:accessibilityFeature>")
    assert [t.value for t in record.accessibility.features] == ["MathML"]
    assert stds(record) == ["dcterms:accessibilityFeature is not a DCMI Metadata Terms property"]
    assert "schema:accessibilityFeature" in (record.problems[0].hint or "")


def test_nsdl_dc_with_ieee_lom_elements() -> None:
    record = read_one(
        '<nsdl_dc:nsdl_dc xmlns:nsdl_dc="http://ns.nsdl.org/nsdl_dc_v1.02/" '
        f'xmlns:dc="{DC}" xmlns:dct="{DCTERMS}" xmlns:xsi="{XSI}" '
        'xmlns:ieee="http://www.ieee.org/xsd/LOMv1p0">'
        "<dc:title>Robot</dc:title>"
        "<ieee:interactivityType>active</ieee:interactivityType>"
        "<ieee:interactivityLevel>high</ieee:interactivityLevel>"
        "<ieee:learningResourceType>simulation</ieee:learningResourceType>"
        "<ieee:intendedEndUserRole>learner</ieee:intendedEndUserRole>"
        "<ieee:context>school</ieee:context>"
        "<ieee:typicalAgeRange>8-10</ieee:typicalAgeRange>"
        "<ieee:typicalLearningTime>PT30M</ieee:typicalLearningTime>"
        "<ieee:description>kept</ieee:description>"
        '<dct:educationLevel xsi:type="nsdl_dc:NSDLEdLevel">Grade 4</dct:educationLevel>'
        "</nsdl_dc:nsdl_dc>"
    )
    assert record.dialect == "nsdl_dc"
    assert [(t.element, t.value, t.source) for t in record.vocabulary_terms] == [
        ("educational.interactivityType", "active", "LOMv1.0"),
        ("educational.interactivityLevel", "high", "LOMv1.0"),
        ("educational.learningResourceType", "simulation", "LOMv1.0"),
        ("educational.intendedEndUserRole", "learner", "LOMv1.0"),
        ("educational.context", "school", "LOMv1.0"),
    ]
    assert [t.value for t in record.learning_resource_types] == ["simulation"]
    assert [t.value for t in record.intended_end_user_roles] == ["learner"]
    assert [t.value for t in record.educational_levels] == ["school", "Grade 4"]
    assert [t.value for t in record.typical_age_ranges] == ["8-10"]
    assert [(d.value, d.element) for d in record.durations] == [
        ("PT30M", "educational.typicalLearningTime")
    ]
    assert [e.name for e in record.extensions] == ["{http://www.ieee.org/xsd/LOMv1p0}description"]
    assert record.problems == ()


def test_rdf_description_container() -> None:
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    record = read_one(
        f'<rdf:RDF xmlns:rdf="{rdf}" {NS}>'
        '<rdf:Description rdf:about="https://example.org/lesson">'
        "<dc:title>Lesson</dc:title>"
        '<dcterms:license rdf:resource="https://creativecommons.org/licenses/by/4.0/"/>'
        "<dcterms:rightsHolder><dcterms:Agent "
        'rdf:about="https://example.org/people/ada"/></dcterms:rightsHolder>'
        "</rdf:Description></rdf:RDF>"
    )
    assert record.dialect == "dcterms"
    assert [(i.value, i.catalog) for i in record.identifiers] == [
        ("https://example.org/lesson", "url")
    ]
    assert [u.value for u in record.urls] == ["https://example.org/lesson"]
    assert [lic.raw for lic in record.licences] == ["https://creativecommons.org/licenses/by/4.0/"]
    assert [a.name for a in record.rights_holders] == ["https://example.org/people/ada"]
    assert record.problems == ()  # RDF/XML may nest resources


@pytest.mark.parametrize(
    ("container", "dialect"),
    [
        (f"<oai_dc:dc {NS}><dc:title>t</dc:title></oai_dc:dc>", "oai_dc"),
        (f"<record {NS}><dc:title>t</dc:title></record>", "dc"),
        (f"<record {NS}><dc:title>t</dc:title><dct:license>l</dct:license></record>", "dcterms"),
        (
            f'<n:nsdl_dc xmlns:n="http://ns.nsdl.org/nsdl_dc_v1.02/" {NS}>'
            "<dc:title>t</dc:title></n:nsdl_dc>",
            "nsdl_dc",
        ),
    ],
)
def test_dialects(container: str, dialect: str) -> None:
    assert read_one(container).dialect == dialect


# -- binding problems (STD002) -----------------------------------------------------------


def test_unknown_dc_element_is_a_problem_and_kept() -> None:
    record = oai_dc(
        "<dc:title>T</dc:title>\n<dc:licence>CC BY</dc:licence>\n<dc:licence>CC BY</dc:licence>"
    )
    assert stds(record) == ["dc:licence is not one of the 15 Dublin Core elements (2 times)"]
    problem = record.problems[0]
    assert (problem.field, problem.source_field) == (None, "dc:licence")
    assert "dc:rights" in (problem.hint or "")
    assert problem.location is not None
    assert problem.location.line == 2
    assert problem.location.path == "/oai_dc:dc/dc:licence[1]"
    assert record.licences == ()
    assert [e.value for e in record.extensions] == ["CC BY", "CC BY"]


def test_wrong_case_dc_element_is_reported_and_still_read() -> None:
    record = oai_dc("<dc:Title>Fractions</dc:Title>")
    assert stds(record) == ["dc:Title is not one of the 15 Dublin Core elements"]
    assert "dc:title" in (record.problems[0].hint or "")
    assert [t.value for t in record.titles] == ["Fractions"]


def test_dcterms_inside_oai_dc_is_reported_once_per_element() -> None:
    record = oai_dc(
        "<dc:title>T</dc:title><dcterms:license>https://creativecommons.org/licenses/by/4.0/"
        "</dcterms:license><dcterms:license>x</dcterms:license>"
        "<dcterms:educationLevel>school</dcterms:educationLevel>"
    )
    assert stds(record) == [
        "oai_dc:dc may hold only the 15 dc: elements, but holds dcterms:license (2 times)",
        "oai_dc:dc may hold only the 15 dc: elements, but holds dcterms:educationLevel",
    ]
    assert "dc:rights" in (record.problems[0].hint or "")
    # the values are still read: the licence is there, only in the wrong place
    assert [lic.field for lic in record.licences] == ["dcterms:license", "dcterms:license"]
    assert record.dialect == "oai_dc"


def test_foreign_and_unnamespaced_elements_in_oai_dc() -> None:
    record = oai_dc(
        '<dc:title>T</dc:title><title>Untitled</title><x:note xmlns:x="urn:x">n</x:note>'
    )
    assert stds(record) == [
        "<title> has no namespace, so it is not the Dublin Core title",
        "oai_dc:dc may hold only the 15 dc: elements, but holds x:note",
    ]
    assert [t.value for t in record.titles] == ["T"]


def test_mistyped_dc_namespace_is_reported() -> None:
    record = bare(
        '<dc:title>T</dc:title><d:rights xmlns:d="http://purl.org/dc/elements/1.1">CC</d:rights>'
    )
    assert len(stds(record)) == 1
    assert "http://purl.org/dc/elements/1.1/" in stds(record)[0]


def test_child_elements_inside_a_dc_element() -> None:
    record = oai_dc("<dc:creator><name>Ada</name><email>ada@example.org</email></dc:creator>")
    assert stds(record) == [
        "dc:creator contains the element <name>; Dublin Core values are plain text"
    ]
    assert record.problems[0].location is not None
    assert record.problems[0].location.path == "/oai_dc:dc/dc:creator/name"
    assert record.contributors[0].email == ("ada@example.org",)


def test_unknown_dcterms_term() -> None:
    record = bare("<dcterms:licence>CC BY</dcterms:licence><dcterms:Audience>x</dcterms:Audience>")
    assert stds(record) == [
        "dcterms:licence is not a DCMI Metadata Terms property",
        "dcterms:Audience is not a DCMI Metadata Terms property",
    ]
    assert [t.value for t in record.intended_end_user_roles] == ["x"]


# -- locations ---------------------------------------------------------------------------


def test_locations_have_lines_and_positioned_xpaths() -> None:
    xml = (
        f"<oai_dc:dc {NS}>\n"
        "  <dc:title>T</dc:title>\n"
        "  <dc:subject>a</dc:subject>\n"
        "  <!-- a comment -->\n"
        "  <dc:subject>b</dc:subject>\n"
        "</oai_dc:dc>\n"
    )
    record = read_one(xml)
    assert record.location.path == "/oai_dc:dc"
    assert record.location.line == 1
    title = record.titles[0].location
    assert title is not None
    assert (title.line, title.path) == (2, "/oai_dc:dc/dc:title")
    paths = [(k.location.line, k.location.path) for k in record.keywords if k.location]
    assert paths == [(3, "/oai_dc:dc/dc:subject[1]"), (5, "/oai_dc:dc/dc:subject[2]")]


# -- examples ----------------------------------------------------------------------------


def test_example_exemplary_oai_dc() -> None:
    (record,) = read_records(EXAMPLES / "dc" / "exemplary-oai_dc.xml")
    assert record.dialect == "oai_dc"
    assert record.problems == ()
    assert {t.language for t in record.titles} == {"en", "fr"}
    assert [lang.value for lang in record.languages] == ["en"]
    assert ("https://doi.org/10.5555/omc.fractions.0042", "doi") in [
        (i.value, i.catalog) for i in record.identifiers
    ]
    assert "https://creativecommons.org/licenses/by/4.0/" in [lic.raw for lic in record.licences]
    assert [f.value for f in record.formats] == ["application/pdf"]
    assert [d.value for d in record.dates] == ["2024-03-15"]


def test_example_exemplary_dcterms() -> None:
    (record,) = read_records(EXAMPLES / "dc" / "exemplary-dcterms.xml")
    assert record.dialect == "dcterms"
    assert record.problems == ()
    assert [(lic.raw, lic.field) for lic in record.licences] == [
        ("https://creativecommons.org/licenses/by/4.0/", "dcterms:license")
    ]
    assert record.access_conditions and record.educational_levels
    assert record.intended_end_user_roles
    assert record.accessibility.conforms_to[0].value.endswith("/WCAG21/")
    assert record.accessibility.features


def test_example_faulty_oai_dc() -> None:
    (record,) = read_records(EXAMPLES / "dc" / "faulty-oai_dc.xml")
    assert record.licences == ()
    assert [t.value for t in record.titles] == [""]
    assert record.title is None
    assert [lang.value for lang in record.languages] == ["English"]
    assert [d.value for d in record.dates] == ["October 4, 2006"]
    assert record.problems == ()  # defects in values are for the rules to report


def test_example_oai_listrecords() -> None:
    records = list(read_records(EXAMPLES / "dc" / "oai-listrecords.xml"))
    assert len(records) == 3
    assert [r.deleted for r in records] == [False, True, False]
    deleted = records[1]
    assert [(i.value, i.catalog) for i in deleted.identifiers] == [
        ("oai:oer.example.org:fractions-2", "oai")
    ]
    assert records[2].title == "Brüche vergleichen"
    assert (
        records[2].location.path
        == "/oai:OAI-PMH/oai:ListRecords/oai:record[3]/oai:metadata/oai_dc:dc"
    )


# -- robustness --------------------------------------------------------------------------

# Characters XML 1.0 allows: no surrogates, no C0 controls but tab/newline/CR, no U+FFFE/F.
_XML_CHARS = st.characters(
    exclude_categories=["Cs"],
    exclude_characters="".join(chr(c) for c in range(32) if c not in (9, 10, 13)) + "\ufffe\uffff",
)
_TEXT = st.text(_XML_CHARS, max_size=40)
_NAME = st.from_regex(r"[A-Za-z_][A-Za-z0-9_.-]{0,12}", fullmatch=True)
_NAMESPACES = st.sampled_from(
    [DC, DCTERMS, "http://schema.org/", "http://www.ieee.org/xsd/LOMv1p0", "urn:x", None]
)
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_CONTAINERS = st.sampled_from(
    [
        f"{{{OAI_DC}}}dc",
        "{http://ns.nsdl.org/nsdl_dc_v1.02/}nsdl_dc",
        "metadata",
        f"{{{_RDF}}}Description",
    ]
)
_LOCAL_NAMES = st.one_of(
    _NAME,
    st.sampled_from(
        ["title", "identifier", "creator", "format", "conformsTo", "accessibilityFeature",
         "license", "interactivityType", "typicalLearningTime"]
    ),
)  # fmt: skip
_ATTRIBUTES = st.dictionaries(
    st.sampled_from([f"{{{XML}}}lang", f"{{{XSI}}}type", f"{{{_RDF}}}resource"]), _TEXT, max_size=3
)
_CHILD = st.tuples(_NAMESPACES, _LOCAL_NAMES, _TEXT, _ATTRIBUTES, st.booleans())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(container=_CONTAINERS, children=st.lists(_CHILD, min_size=1, max_size=8), lang=_TEXT)
def test_arbitrary_content_never_raises(
    container: str,
    children: list[tuple[str | None, str, str, dict[str, str], bool]],
    lang: str,
) -> None:
    root = etree.Element("root", nsmap={"dc": DC, "dct": DCTERMS, "xsi": XSI})
    elem = etree.SubElement(root, container)
    elem.set(f"{{{XML}}}lang", lang)
    for ns, local, text, attrs, nested in children:
        child = etree.SubElement(elem, f"{{{ns}}}{local}" if ns else local)
        child.text = text
        for key, value in attrs.items():
            child.set(key, value)
        if nested:
            etree.SubElement(child, "inner").text = text
    ctx = XmlRecordContext(file=None, root=elem, root_path="/root/x")
    record = build_dc_record(elem, ctx)
    assert record.source_format == "dc"
    # and the same document, serialised and read back, never raises either
    for item in iter_source(etree.tostring(root)):
        assert isinstance(item, (Record, Unreadable))


# -- corpus ------------------------------------------------------------------------------

DC_XML = corpus_files("oai_dc", suffixes=(".xml",)) + corpus_files("dcterms", suffixes=(".xml",))


@needs_corpus
@pytest.mark.parametrize("path", DC_XML, ids=corpus_id)
def test_corpus_file_reads(path: Path) -> None:
    items = list(iter_source(path))
    assert items
    assert all(isinstance(item, Record) for item in items)
    for record in items:
        assert isinstance(record, Record)
        assert record.source_format == "dc" or record.deleted
        assert record.problems == ()  # real records respect the binding


def _one(*parts: str) -> Record:
    (record,) = read_records(CORPUS.joinpath(*parts))
    return record


@needs_corpus
def test_corpus_titles_and_languages() -> None:
    doc000 = _one("oai_dc", "lr_oai_dc_doc000.xml")
    assert doc000.title == (
        "African-American sheet music, 1850-1920 selected from the collection of Brown University."
    )
    assert [lang.value for lang in doc000.languages] == ["eng"]
    doc073 = _one("oai_dc", "lr_oai_dc_doc073.xml")
    assert doc073.title == "Prokudin-Gorskii\u0306 photograph collection (Library of Congress)"
    assert [lang.value for lang in doc073.languages] == ["rus"]
    assert len(doc073.extensions) == 3  # dc:coverage x3
    assert [lang.value for lang in _one("oai_dc", "lr_oai_dc_doc093.xml").languages] == ["mul"]
    doc094 = _one("oai_dc", "lr_oai_dc_doc094.xml")
    assert doc094.title == "[Cuneiform tablets collection]."
    assert doc094.languages[0].value == "sux"
    assert "Sumerian" in doc094.languages[1].value  # prose, kept whole for the rules
    aub = _one("oai_dc", "aub_aco_oai_dc_record.xml")
    assert [lang.value for lang in aub.languages] == ["ara"]
    assert len(aub.titles) == 2
    assert ("05qftzxr", "oai") in [(i.value, i.catalog) for i in aub.identifiers]
    assert [(d.value, d.kind) for d in aub.dates] == [
        ("1900", "other"),
        ("1900-01-01", "datestamp"),
    ]


@needs_corpus
def test_corpus_listrecords_counts_and_languages() -> None:
    records = list(read_records(CORPUS / "oai_dc" / "pyoai_eur-dspace_listrecords_2004.xml"))
    assert len(records) == 81
    deleted = [r for r in records if r.deleted]
    assert len(records) - len(deleted) == 79
    assert [r.identifiers[0].value for r in deleted] == ["hdl:1765/1160", "hdl:1765/1161"]
    assert all(r.dialect == "oai_dc" for r in records if not r.deleted)
    languages = [lang.value for r in records for lang in r.languages]
    assert (languages.count("en"), languages.count("en_US"), languages.count("other")) == (
        38,
        19,
        23,
    )
    assert records[-1].title == (
        "Mobile operators as banks or vice-versa? and: the challenges of Mobile channels for banks"
    )
    first = records[0]
    assert [(c.name, c.role, c.kind) for c in first.contributors][:2] == [
        ("Jong, G. de", "creator", "person"),
        ("Jong, G. de", "contributor", "person"),
    ]


@needs_corpus
def test_corpus_deleted_getrecord() -> None:
    (record,) = read_records(
        CORPUS / "oai_dc" / "pyoai_eur-dspace_getrecord_deleted_hdl1765-1160.xml"
    )
    assert record.deleted
    assert [(i.value, i.catalog) for i in record.identifiers] == [("hdl:1765/1160", "oai")]
    assert record.titles == ()


@needs_corpus
def test_corpus_getrecord_formats_and_isbn() -> None:
    r1162 = _one("oai_dc", "pyoai_eur-dspace_getrecord_hdl1765-1162.xml")
    assert [f.value for f in r1162.formats] == [
        "application/pdf https://ep.eur.nl/retrieve/2566/rm0403.pdf"
    ]
    assert "https://ep.eur.nl/retrieve/2566/rm0403.pdf" in [u.value for u in r1162.urls]
    assert len(r1162.dates) == 4  # three dc:date (duplicates kept) + the OAI datestamp
    r315 = _one("oai_dc", "pyoai_eur-dspace_getrecord_hdl1765-315.xml")
    assert ("90-9014980-5", "isbn") in [(i.value, i.catalog) for i in r315.identifiers]
    assert [lang.value for lang in r315.languages] == ["nl"]


@needs_corpus
def test_corpus_nsdl_licences_and_terms() -> None:
    doc001 = _one("dcterms", "lr_nsdl_dc_doc001.xml")
    assert doc001.dialect == "nsdl_dc"
    assert [(lic.raw, lic.field) for lic in doc001.licences] == [
        ("Creative Commons Attribution-NonCommercial 3.0 Unported License", "dc:rights"),
        ("http://creativecommons.org/licenses/by-nc/3.0/", "dc:rights"),
    ]
    assert len(doc001.relations) == 23 + 12  # conformsTo + dc:relation
    assert doc001.accessibility.conforms_to == ()  # ASN standards are not accessibility
    assert [t.source for t in doc001.educational_levels] == ["nsdl_dc:NSDLEdLevel"] * 6
    doc011 = _one("dcterms", "lr_nsdl_dc_doc011.xml")
    assert [(t.value, t.source) for t in doc011.access_conditions] == [
        ("Free access with registration", "nsdl_dc:NSDLAccess")
    ]
    assert [lic.raw for lic in doc011.licences] == [
        "Copyright 2006 InstructorWeb",
        "http://www.instructorweb.com/terms.asp",
    ]
    doc050 = _one("dcterms", "lr_nsdl_dc_doc050.xml")
    assert [lang.value for lang in doc050.languages] == ["English", "Spanish", "French"]
    assert doc050.title == "Fractions - Equivalent"
    assert ("hdl:2200/20100714120620940T", "handle") in [
        (i.value, i.catalog) for i in doc050.identifiers
    ]


@needs_corpus
def test_corpus_locations_in_a_stand_alone_file() -> None:
    doc000 = _one("dcterms", "lr_nsdl_dc_doc000.xml")
    assert doc000.location.path == "/nsdl_dc:nsdl_dc"
    title = doc000.titles[0].location
    assert title is not None
    assert (title.line, title.path) == (3, "/nsdl_dc:nsdl_dc/dc:title")
    access = doc000.access_conditions[0].location
    assert access is not None
    assert (access.line, access.path) == (33, "/nsdl_dc:nsdl_dc/dcterms:accessRights")
    second_id = doc000.identifiers[1].location
    assert second_id is not None
    assert (second_id.line, second_id.path) == (22, "/nsdl_dc:nsdl_dc/dc:identifier[2]")
    aub = _one("oai_dc", "aub_aco_oai_dc_record.xml")
    assert aub.titles[1].location is not None
    assert (aub.titles[1].location.line, aub.titles[1].location.path) == (
        17,
        "/oai:record/oai:metadata/oai_dc:dc/dc:title[2]",
    )


def test_edm_rights_beside_dc_is_a_licence_statement() -> None:
    data = b"""<record xmlns:dc="http://purl.org/dc/elements/1.1/"
        xmlns:edm="http://www.europeana.eu/schemas/edm/">
      <dc:title>Harbour at dawn</dc:title>
      <dc:rights>Courtesy of the Town Archive</dc:rights>
      <edm:rights>http://creativecommons.org/licenses/by-sa/4.0/</edm:rights>
    </record>"""
    [result] = oer_meta.validate(data).results
    assert result.record is not None
    statements = [
        (s.source_field, s.licence.spdx if s.licence else None) for s in result.record.licences
    ]
    assert statements == [("dc:rights", None), ("edm:rights", "CC-BY-SA-4.0")]
    assert "LIC001" not in {f.rule for f in result.findings}
