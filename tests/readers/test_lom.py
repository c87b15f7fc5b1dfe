"""LOM reader: both XML bindings, mapping to the record, vCards, STD002 structure notes,
the examples, and facts read from the real-world corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from oer_meta.knowledge.vcard import agent_from_vcard
from oer_meta.model import Record
from oer_meta.readers import Unreadable, iter_source, read_records
from oer_meta.readers.lom.reader import PROFILE_EXTENSION, build_lom_record
from oer_meta.readers.lom.structure import Node, bindings
from oer_meta.readers.xml.context import XmlRecordContext
from oer_meta.readers.xml.namespaces import HS_OER_LOM, IMSMD_V1P2, LOM_IEEE, OAI_PMH
from tests.corpus_paths import CORPUS, EXAMPLES, corpus_files, corpus_id, needs_corpus

LOM_FILES = corpus_files("lom") + corpus_files("cartridge")


def read_all(xml: str | bytes) -> list[Record]:
    data = xml.encode("utf-8") if isinstance(xml, str) else xml
    return list(read_records(data))


def read_one(xml: str) -> Record:
    records = read_all(xml)
    assert len(records) == 1
    return records[0]


def ieee(body: str, extra: str = "") -> Record:
    return read_one(f'<lom xmlns="{LOM_IEEE}" {extra}>{body}</lom>')


def ims(body: str) -> Record:
    return read_one(f'<lom xmlns="{IMSMD_V1P2}">{body}</lom>')


def vocab(name: str, value: str, source: str = "LOMv1.0") -> str:
    return f"<{name}><source>{source}</source><value>{value}</value></{name}>"


def ims_vocab(name: str, value: str, source: str = "LOMv1.0") -> str:
    return (
        f'<{name}><source><langstring xml:lang="x-none">{source}</langstring></source>'
        f'<value><langstring xml:lang="x-none">{value}</langstring></value></{name}>'
    )


def std002(record: Record) -> list[str]:
    return [p.message for p in record.problems if p.rule == "STD002"]


def profiles(record: Record) -> list[str]:
    return [e.value for e in record.extensions if e.name == PROFILE_EXTENSION]


def corpus_records(*parts: str) -> list[Record]:
    items = list(iter_source(CORPUS.joinpath(*parts)))
    assert not [i for i in items if isinstance(i, Unreadable)]
    return [i for i in items if isinstance(i, Record)]


# -- general -----------------------------------------------------------------------------


def test_ieee_general_identifiers_titles_languages_keywords() -> None:
    record = ieee(
        "<general>"
        "<identifier><catalog>DOI</catalog><entry> 10.5555/x.1 </entry></identifier>"
        '<title><string language="en"> Leaves </string><string language="fr">Feuilles</string>'
        "</title><language>en</language><language>fr</language>"
        '<description><string language="en">About leaves.</string></description>'
        '<keyword><string language="en">leaf</string></keyword>'
        '<keyword><string language="en">  </string></keyword><keyword/>'
        '<coverage><string language="en">Europe</string></coverage>'
        "</general>"
    )
    assert record.source_format == "lom"
    assert record.dialect == "ieee-lom"
    assert [(i.catalog, i.value) for i in record.identifiers] == [("DOI", "10.5555/x.1")]
    assert [(t.value, t.language) for t in record.titles] == [("Leaves", "en"), ("Feuilles", "fr")]
    assert [t.value for t in record.languages] == ["en", "fr"]
    assert [t.value for t in record.descriptions] == ["About leaves."]
    assert [k.value for k in record.keywords] == ["leaf"]  # empty keywords are skipped
    assert [(e.name, e.value) for e in record.extensions] == [(f"{{{LOM_IEEE}}}coverage", "Europe")]
    assert record.problems == ()


def test_empty_title_and_description_are_kept_as_empty_text() -> None:
    record = ieee(
        '<general><title><string language="en-US"></string></title><description/>'
        "<language></language></general>"
    )
    assert [(t.value, t.language) for t in record.titles] == [("", "en-US")]
    assert [t.value for t in record.descriptions] == [""]
    assert [t.value for t in record.languages] == [""]
    assert record.title is None


def test_internal_whitespace_is_kept_and_edges_trimmed() -> None:
    record = ieee("<general><title><string>\n\t Two\n  lines \n</string></title></general>")
    assert record.titles[0].value == "Two\n  lines"
    assert record.title == "Two lines"


def test_ims_binding_langstring_catalogentry_and_plain_identifier() -> None:
    record = ims(
        "<general><identifier>local-7</identifier>"
        '<title><langstring xml:lang="nl">Bladeren</langstring></title>'
        "<catalogentry><catalog>URI</catalog>"
        '<entry><langstring xml:lang="x-none">https://example.org/r/7</langstring></entry>'
        "</catalogentry><language>nl</language>"
        '<keyword><langstring xml:lang="nl">blad</langstring></keyword>'
        + ims_vocab("aggregationlevel", "1")
        + "</general>"
    )
    assert record.dialect == "imsmd"
    assert [(t.value, t.language) for t in record.titles] == [("Bladeren", "nl")]
    assert [(i.catalog, i.value) for i in record.identifiers] == [
        (None, "local-7"),
        ("URI", "https://example.org/r/7"),
    ]
    assert [(t.element, t.value, t.source) for t in record.vocabulary_terms] == [
        ("general.aggregationLevel", "1", "LOMv1.0")
    ]
    assert record.problems == ()


def test_hs_oer_lom_namespace_vocabulary_with_id_and_cc_url_tag() -> None:
    record = read_one(
        f'<metadata xmlns="{HS_OER_LOM}"><lom><educational><learningResourceType>'
        '<source><langstring xml:lang="x-none">https://w3id.org/kim/hcrt/scheme</langstring>'
        "</source><id>https://w3id.org/kim/hcrt/video</id>"
        '<entry><langstring xml:lang="de">Video</langstring></entry>'
        "</learningResourceType></educational><rights><description>"
        '<langstring xml:lang="x-t-cc-url">\n  https://creativecommons.org/licenses/by/4.0\n'
        "</langstring></description></rights></lom></metadata>"
    )
    assert record.dialect == "hs-oer-lom"
    [term] = record.learning_resource_types
    assert term.value == term.id == "https://w3id.org/kim/hcrt/video"
    assert term.source == "https://w3id.org/kim/hcrt/scheme"
    assert [(t.value, t.language) for t in term.labels] == [("Video", "de")]
    [licence] = record.licences
    assert licence.raw == "https://creativecommons.org/licenses/by/4.0"
    assert licence.language == "x-t-cc-url"
    assert licence.source_field == "hsoerlom:rights/hsoerlom:description"
    assert licence.field == licence.source_field  # the deprecated alias
    assert record.problems == ()


def test_profile_children_of_vocabulary_are_reported_outside_their_profile() -> None:
    record = ieee(
        "<educational><context><source>LOMv1.0</source><id>x</id><value>school</value>"
        "</context></educational>"
    )
    assert [m for m in std002(record) if "only the HS-OER-LOM profile adds it" in m]
    labelled = ieee(
        "<educational><context><source>SCOLOMFRv2.1</source><value>school</value>"
        "<label>école</label></context></educational>"
        "<metaMetadata><metadataSchema>SCOLOMFRv3.0</metadataSchema></metaMetadata>"
    )
    assert labelled.problems == ()
    assert [t.value for t in labelled.educational_levels[0].labels] == ["école"]


def test_no_namespace_record_tells_the_binding_from_its_names() -> None:
    ims_style = read_one(
        "<lom><rights>"
        + ims_vocab("copyrightandotherrestrictions", "yes")
        + '<description><langstring xml:lang="x-none">CC BY 4.0</langstring></description>'
        "</rights></lom>"
    )
    assert ims_style.dialect == "lom-no-namespace"
    assert ims_style.copyright_restrictions is not None
    assert ims_style.copyright_restrictions.value == "yes"
    assert [lic.raw for lic in ims_style.licences] == ["CC BY 4.0"]
    assert ims_style.problems == ()
    ieee_style = read_one(
        '<lom><general><title><string language="en">T</string></title></general></lom>'
    )
    assert ieee_style.dialect == "lom-no-namespace"
    assert ieee_style.title == "T"
    assert ieee_style.problems == ()


# -- vocabularies --------------------------------------------------------------------------


def test_vocabulary_terms_go_to_their_fields_and_keep_raw_case() -> None:
    record = ieee(
        "<educational>"
        + vocab("interactivityType", "Active")
        + vocab("learningResourceType", " exercise ")
        + vocab("intendedEndUserRole", "pupil")
        + vocab("context", "higher education")
        + vocab("difficulty", "easy")
        + "</educational><rights>"
        + vocab("cost", "no")
        + vocab("copyrightAndOtherRestrictions", "Yes")
        + "</rights>"
    )
    assert [(t.element, t.value) for t in record.vocabulary_terms] == [
        ("educational.interactivityType", "Active"),
        ("educational.learningResourceType", "exercise"),
        ("educational.intendedEndUserRole", "pupil"),
        ("educational.context", "higher education"),
        ("educational.difficulty", "easy"),
        ("rights.cost", "no"),
        ("rights.copyrightAndOtherRestrictions", "Yes"),
    ]
    assert [t.value for t in record.learning_resource_types] == ["exercise"]
    assert [t.value for t in record.intended_end_user_roles] == ["pupil"]
    assert [t.value for t in record.educational_levels] == ["higher education"]
    assert [t.value for t in record.cost] == ["no"]
    assert record.copyright_restrictions is not None
    assert record.copyright_restrictions.value == "Yes"
    assert all(t.source == "LOMv1.0" for t in record.vocabulary_terms)
    assert record.problems == ()


def test_ims_vocabulary_element_names_map_to_ieee_dotted_names() -> None:
    record = ims(
        "<educational>"
        + ims_vocab("intendedenduserrole", "Learner")
        + "</educational><technical><requirement>"
        + ims_vocab("type", "Browser")
        + "</requirement></technical>"
    )
    assert [(t.element, t.value) for t in record.vocabulary_terms] == [
        ("educational.intendedEndUserRole", "Learner"),
        ("technical.requirement.orComposite.type", "Browser"),
    ]
    assert [t.value for t in record.intended_end_user_roles] == ["Learner"]


def test_vocabulary_without_value_is_std002_but_empty_value_is_a_term() -> None:
    record = ieee(
        "<lifeCycle><status><source>LOMv1.0</source></status></lifeCycle>"
        "<educational><context><source>LOMv1.0</source><value/></context>"
        "<intendedEndUserRole><value>teacher</value></intendedEndUserRole></educational>"
    )
    assert std002(record) == ["lifeCycle.status has a <source> (LOMv1.0) but no <value>"]
    assert record.problems[0].field == "vocabulary_terms"
    assert record.problems[0].source_field == "lom:lifeCycle/lom:status"
    assert [(t.value, t.source) for t in record.vocabulary_terms] == [
        ("", "LOMv1.0"),
        ("teacher", None),
    ]


def test_concept_uri_values_are_also_the_term_id() -> None:
    uri = "http://data.education.fr/voc/scolomfr/concept/learner"
    record = ieee(f"<educational>{vocab('intendedEndUserRole', uri, 'SCOLOMFRv2.1')}</educational>")
    assert record.intended_end_user_roles[0].id == uri


# -- life cycle and vCards -----------------------------------------------------------------


CARD = "BEGIN:VCARD\nVERSION:3.0\nN:Mbeki;Thandiwe;;;\nFN:Thandiwe Mbeki\nEND:VCARD"


def test_contributors_publishers_and_dates_by_role() -> None:
    record = ieee(
        "<lifeCycle><version><string>1.2</string></version>"
        "<contribute>" + vocab("role", "author") + f"<entity>{CARD}</entity>"
        "<entity>BEGIN:VCARD\nFN:Ana Lima\nEND:VCARD</entity>"
        "<date><dateTime>2024-02-12</dateTime></date></contribute>"
        "<contribute>" + vocab("role", "publisher") + "<entity>BEGIN:VCARD\nVERSION:3.0\n"
        "ORG:Green Science Lab\nEND:VCARD</entity><date><dateTime>2024-03-01</dateTime>"
        "</date></contribute>"
        "<contribute>" + vocab("role", "editor") + "<entity>Jean Dupont</entity>"
        "<date><dateTime>29 mai 2000</dateTime><description><string>printemps</string>"
        "</description></date></contribute><contribute>" + vocab("role", "validator") + "<date/>"
        "</contribute></lifeCycle>"
    )
    assert [(a.role, a.name, a.kind) for a in record.contributors] == [
        ("author", "Thandiwe Mbeki", "person"),
        ("author", "Ana Lima", None),
        ("editor", "Jean Dupont", None),
    ]
    assert [(a.role, a.name, a.kind) for a in record.publishers] == [
        ("publisher", "Green Science Lab", "organization")
    ]
    assert [(d.value, d.kind) for d in record.dates] == [
        ("2024-02-12", "created"),
        ("2024-03-01", "published"),
        ("29 mai 2000", "contributed"),
    ]
    assert record.contributors[0].raw == CARD
    names = {e.name.split("}")[1]: e.value for e in record.extensions}
    assert names == {"version": "1.2", "description": "printemps"}
    assert record.problems == ()


def test_metadata_contributors_identifiers_languages_and_profile() -> None:
    record = ieee(
        "<metaMetadata><identifier><catalog>URI</catalog><entry>https://example.org/m/1</entry>"
        "</identifier><contribute>" + vocab("role", "creator") + f"<entity>{CARD}</entity>"
        "<date><dateTime>2015-05-22</dateTime></date></contribute>"
        "<metadataSchema>LOMv1.0</metadataSchema><metadataSchema>NORMETICv1.2</metadataSchema>"
        "<language>fr</language></metaMetadata>"
    )
    assert [(i.catalog, i.value) for i in record.identifiers] == [
        ("metadata:URI", "https://example.org/m/1")
    ]
    assert [(a.role, a.name) for a in record.contributors] == [
        ("metadata:creator", "Thandiwe Mbeki")
    ]
    assert [(d.value, d.kind) for d in record.dates] == [("2015-05-22", "other")]
    assert [t.value for t in record.metadata_languages] == ["fr"]
    assert record.languages == ()
    assert profiles(record) == ["normetic"]


def test_concept_uri_role_publisher_is_a_publisher() -> None:
    role = vocab("role", "http://data.education.fr/voc/scolomfr/concept/publisher", "SCOLOMFRv2.0")
    record = ieee(f"<lifeCycle><contribute>{role}<entity>{CARD}</entity></contribute></lifeCycle>")
    assert [a.name for a in record.publishers] == ["Thandiwe Mbeki"]


def test_vcard_with_carriage_returns_folding_blank_lines_and_photo() -> None:
    card = (
        "BEGIN:VCARD&#xD;\n &#xD;\nVERSION:3.0&#xD;\nFN:Donna Aziz&#xD;\nN:;;;;&#xD;\n"
        "ORG:Coll&#xE8;ge du Nord&#xD;\nEMAIL;TYPE=INTERNET:info@example.org&#xD;\n"
        "TEL;TYPE=WORK,VOICE:+1-514-555-0100&#xD;\n"
        "ADR;TYPE=WORK,POST:;;100\\, rue Duquet;Sainte-Th&#xE9;r&#xE8;se;Qu&#xE9;bec;;Cana&#xD;\n"
        " da&#xD;\nPHOTO;ENCODING=b;TYPE=gif:R0lGODlhlAGgANX/AP797/363&#xD;\n"
        " PbqcfXnYfTlUfPjQfLgMvHeIvDbEu&#xD;\nURL:http\\://example.org&#xD;\nEND:VCARD&#xD;\n"
    )
    record = ieee(
        f"<lifeCycle><contribute>{vocab('role', 'author')}<entity>{card}</entity>"
        "</contribute></lifeCycle>"
    )
    [agent] = record.contributors
    assert agent.name == "Donna Aziz"
    assert agent.kind == "person"
    assert agent.affiliation == "Collège du Nord"
    assert agent.email == ("info@example.org",)
    assert agent.telephone == ("+1-514-555-0100",)
    assert agent.address == ("100, rue Duquet, Sainte-Thérèse, Québec, Canada",)
    assert agent.identifiers == ("http://example.org",)


@pytest.mark.parametrize(
    ("card", "name", "kind"),
    [
        (
            "BEGIN:VCARD\n\t\tVERSION:3.0\n\t\tFN:Codarts\n\t\tORG:Codarts\n\t\tEND:VCARD",
            "Codarts",
            "organization",
        ),
        ("BEGIN:VCARD VERSION:3.0 N:EDUMEDIA FN:EDUMEDIA END:VCARD", "EDUMEDIA", None),
        ("BEGIN:VCARD\\nFN:Ana Lima\\nN:Lima;Ana\\nEND:VCARD", "Ana Lima", "person"),
        ("BEGIN:VCARD\nORG:Université Tübingen\nEND:VCARD", "Université Tübingen", "organization"),
        ("BEGIN:VCARD\nFN:X Lab\nKIND:org\nEND:VCARD", "X Lab", "organization"),
        ("BEGIN:VCARD\nFN:\nN:Dubois;Claire;;;\nEND:VCARD", "Claire Dubois", "person"),
        ("BEGIN:VCARD\nFN:CRDP\nN:CRDP de l&apos;académie\nEND:VCARD", "CRDP", None),
        (
            "BEGIN:VCARD\nN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:M=C3=BCller;Hans\nEND:VCARD",
            "Hans Müller",
            "person",
        ),
        ("Jean   Dupont", "Jean Dupont", None),
    ],
)
def test_vcard_names_and_kinds(card: str, name: str, kind: str | None) -> None:
    agent = agent_from_vcard(card, "author")
    assert agent is not None
    assert (agent.name, agent.kind) == (name, kind)


def test_blank_entity_gives_no_agent() -> None:
    assert agent_from_vcard(" \n ", "author") is None


# -- technical, educational, rights, relation, classification -----------------------------


def test_technical_and_educational_values() -> None:
    record = ieee(
        "<technical><format>text/html</format><format/><size>2483112</size>"
        "<location> https://example.org/r </location><location/>"
        "<duration><duration>PT4M30S</duration></duration></technical>"
        "<educational><typicalAgeRange><string>11-14</string></typicalAgeRange>"
        "<typicalLearningTime><duration>PT50M</duration></typicalLearningTime>"
        "<description><string language='en'>Use in pairs.</string></description>"
        "<language>en</language></educational>"
    )
    assert [t.value for t in record.formats] == ["text/html"]
    assert [t.value for t in record.urls] == ["https://example.org/r"]
    assert [(d.value, d.element) for d in record.durations] == [
        ("PT4M30S", "technical.duration"),
        ("PT50M", "educational.typicalLearningTime"),
    ]
    assert [t.value for t in record.typical_age_ranges] == ["11-14"]
    assert record.descriptions == ()  # educational.description is not the resource description
    assert {e.name.split("}")[1]: e.value for e in record.extensions} == {
        "size": "2483112",
        "description": "Use in pairs.",
        "language": "en",
    }


def test_rights_descriptions_are_licence_statements() -> None:
    record = ieee(
        "<rights>" + vocab("copyrightAndOtherRestrictions", "yes") + "<description>"
        '<string language="en">https://creativecommons.org/licenses/by/4.0/</string>'
        '<string language="fr">CC BY 4.0</string><string/></description></rights>'
    )
    assert [(s.raw, s.language, s.source_field) for s in record.licences] == [
        ("https://creativecommons.org/licenses/by/4.0/", "en", "lom:rights/lom:description"),
        ("CC BY 4.0", "fr", "lom:rights/lom:description"),
    ]
    # every record leaves the reader with its statements parsed
    assert [(s.url, s.openness) for s in record.licences] == [
        ("https://creativecommons.org/licenses/by/4.0/", "open")
    ] * 2


def test_relations_in_both_bindings() -> None:
    record = ieee(
        "<relation>" + vocab("kind", "isbasedon") + "<resource><identifier><catalog>URI</catalog>"
        "<entry>https://example.org/orig</entry></identifier>"
        "<description><string>The original</string></description></resource></relation>"
        "<relation><resource><description><string>no kind</string></description></resource>"
        "</relation>"
    )
    assert [(r.kind, r.target, r.title) for r in record.relations] == [
        ("isbasedon", "https://example.org/orig", "The original"),
        ("", None, "no kind"),
    ]
    imsrecord = ims(
        "<relation>" + ims_vocab("kind", "IsPartOf") + "<resource><catalogentry><catalog>URI"
        "</catalog><entry><langstring>https://example.org/c</langstring></entry></catalogentry>"
        "</resource></relation>"
    )
    assert [(r.kind, r.target) for r in imsrecord.relations] == [
        ("IsPartOf", "https://example.org/c")
    ]


def test_classification_taxons_keywords_and_purposes() -> None:
    record = ieee(
        "<classification>" + vocab("purpose", "discipline") + "<taxonPath><source>"
        '<string language="en">ISCED-F 2013</string></source>'
        '<taxon><id>05</id><entry><string language="en">Natural sciences</string></entry></taxon>'
        "<taxon><id>051</id></taxon><taxon/></taxonPath>"
        '<keyword><string language="en">botany</string></keyword></classification>'
        "<classification>" + vocab("purpose", "educational level") + "<taxonPath><source>"
        "<string>levels</string></source><taxon><id>HBO</id><entry><string>HBO</string></entry>"
        "</taxon></taxonPath></classification>"
    )
    assert [(t.value, t.id, t.source, t.element) for t in record.subjects] == [
        ("Natural sciences", "05", "ISCED-F 2013", "classification.taxonPath.taxon"),
        ("051", "051", "ISCED-F 2013", "classification.taxonPath.taxon"),
        ("botany", None, None, "classification.keyword"),
    ]
    assert [(t.value, t.source) for t in record.educational_levels] == [("HBO", "levels")]
    assert [t.value for t in record.vocabulary_terms] == ["discipline", "educational level"]


def test_ims_nested_taxons_are_all_read() -> None:
    record = ims(
        "<classification><taxonpath><source><langstring>S</langstring></source>"
        "<taxon><id>a</id><taxon><id>a.1</id></taxon></taxon></taxonpath></classification>"
    )
    assert [t.id for t in record.subjects] == ["a", "a.1"]
    assert record.problems == ()


# -- extensions, accessibility, profiles -------------------------------------------------


LOMFR = "http://www.lom-fr.fr/xsd/LOMFR"


def test_foreign_elements_are_extensions_and_name_the_profile() -> None:
    record = ieee(
        "<educational><lomfr:activity><lomfr:source>LOMFRv1.0</lomfr:source>"
        "<lomfr:value>apprendre</lomfr:value></lomfr:activity></educational>",
        extra=f'xmlns:lomfr="{LOMFR}"',
    )
    [ext] = [e for e in record.extensions if e.name != PROFILE_EXTENSION]
    assert ext.name == f"{{{LOMFR}}}activity"
    assert ext.value == {"source": "LOMFRv1.0", "value": "apprendre"}
    assert ext.location is not None
    assert ext.location.path == "/lom:lom/lom:educational/lomfr:activity"
    assert profiles(record) == ["lomfr"]
    assert record.problems == ()


def test_schema_org_accessibility_extensions_fill_accessibility() -> None:
    record = ieee(
        "<educational><a:accessibilityFeature>alternativeText</a:accessibilityFeature>"
        "<a:accessibilitySummary>Captioned video.</a:accessibilitySummary></educational>",
        extra='xmlns:a="https://schema.org/"',
    )
    assert [t.value for t in record.accessibility.features] == ["alternativeText"]
    assert [t.value for t in record.accessibility.summaries] == ["Captioned video."]
    assert record.extensions == ()


# -- structure (STD002) --------------------------------------------------------------------


def test_misplaced_unknown_and_repeated_elements() -> None:
    record = ieee(
        '<title><string language="fr">Hors place</string></title>'
        "<general><title><string>A</string></title><title><string>B</string></title>"
        "<foo>bar</foo></general><general/>"
    )
    messages = std002(record)
    assert messages == [
        "<title> is not allowed in <lom>; in the IEEE 1484.12.3 LOM XML binding it belongs "
        "in general.title",
        "<title> appears more than once in <general>; the IEEE 1484.12.3 LOM XML binding "
        "allows one general.title",
        "<foo> in <general> (general) is not a LOM element of the IEEE 1484.12.3 LOM XML binding",
        "<general> appears more than once in <lom>; the IEEE 1484.12.3 LOM XML binding allows "
        "one general",
    ]
    assert [t.value for t in record.titles] == ["A", "B"]  # the misplaced one is not a title
    misplaced = [e for e in record.extensions if e.name == f"{{{LOM_IEEE}}}title"]
    assert misplaced[0].value == {"string": "Hors place"}
    # the Record attribute each element fills (a misplaced <title> is kept as an
    # extension; <general> is a container), and the element as written
    assert [p.field for p in record.problems] == ["extensions", "titles", "extensions", None]
    assert [p.source_field for p in record.problems] == [
        "lom:title",
        "lom:general/lom:title",
        "lom:general/lom:foo",
        "lom:general",
    ]
    assert record.problems[0].location is not None
    assert record.problems[0].location.path == "/lom:lom/lom:title"
    assert all(p.hint for p in record.problems)


def test_wrong_datatypes_are_reported_and_read_anyway() -> None:
    record = ieee(
        "<general><title>Direct text</title><language><string>fr</string></language></general>"
        "<educational><typicalLearningTime>PT1H</typicalLearningTime></educational>"
    )
    assert [t.value for t in record.titles] == ["Direct text"]
    assert [t.value for t in record.languages] == ["fr"]
    assert [d.value for d in record.durations] == ["PT1H"]
    assert len(std002(record)) == 3
    assert any("general.title holds text directly" in m for m in std002(record))
    assert any("general.language holds <string>" in m for m in std002(record))
    assert any(
        "educational.typicalLearningTime holds its value directly" in m for m in std002(record)
    )


def test_wrong_case_and_other_binding_are_grouped_once_per_record() -> None:
    record = ieee(
        "<general><title><string>T</string><langstring>A</langstring><langstring>B</langstring>"
        "</title></general>"
        "<lifecycle><contribute><date><datetime>2020</datetime></date></contribute></lifecycle>"
    )
    assert [t.value for t in record.titles] == ["T", "A", "B"]
    assert [d.value for d in record.dates] == ["2020"]
    messages = std002(record)
    assert len(messages) == 3
    assert messages[0].startswith("<langstring> belongs to the IMS Learning Resource Meta-data 1.2")
    assert messages[0].endswith("(2 times in this record; the first is located)")
    assert "<lifecycle> is spelled <lifeCycle>" in messages[1]
    assert "<datetime> is spelled <dateTime>" in messages[2]


def test_names_of_the_other_binding_are_one_finding_and_read_anyway() -> None:
    ims_names = ieee(
        "<general><title><langstring>A</langstring><langstring>B</langstring></title></general>"
        "<lifecycle><contribute><date><datetime>2020</datetime></date></contribute></lifecycle>"
    )
    assert [t.value for t in ims_names.titles] == ["A", "B"]
    assert [d.value for d in ims_names.dates] == ["2020"]
    assert ims_names.dialect == "imsmd"
    [message] = std002(ims_names)
    assert message == (
        "the elements of this record are named as in the IMS Learning Resource Meta-data 1.2 "
        "XML binding (<langstring>...) but are in the namespace of the IEEE 1484.12.3 LOM XML "
        f"binding ({LOM_IEEE}); oer_meta read them by their names"
    )
    [problem] = ims_names.problems
    assert problem.location is not None and problem.location.path == "/lom:lom"
    ieee_names = ims(
        '<general><title><string language="en">T</string></title></general>'
        "<lifeCycle><contribute>" + vocab("role", "author") + "<entity>BEGIN:VCARD\nFN:Ann\n"
        "END:VCARD</entity></contribute></lifeCycle>"
    )
    assert ieee_names.title == "T"
    assert [a.name for a in ieee_names.contributors] == ["Ann"]
    assert ieee_names.dialect == "ieee-lom"
    [message] = std002(ieee_names)
    assert "named as in the IEEE 1484.12.3 LOM XML binding (<string>...)" in message
    assert f"namespace of the IMS Learning Resource Meta-data 1.2 XML binding ({IMSMD_V1P2})" in (
        message
    )


def test_lom_elements_in_a_stray_namespace_are_read_and_reported_once() -> None:
    xml = (
        f'<OAI-PMH xmlns="{OAI_PMH}"><ListRecords><record><header><identifier>oai:x:1'
        "</identifier><datestamp>2020-01-01</datestamp></header><metadata>"
        f'<lom:lom xmlns:lom="{LOM_IEEE}">'
        '<general><title><string language="en">Stray</string></title></general></lom:lom>'
        "</metadata></record></ListRecords></OAI-PMH>"
    )
    record = read_one(xml)
    assert record.title == "Stray"
    assert record.dialect == "ieee-lom"
    [message] = std002(record)
    assert message == (
        f"LOM elements are in namespace {OAI_PMH} although their <lom> root is in namespace "
        f"{LOM_IEEE} (first: <general>) (3 times in this record; the first is located)"
    )
    assert [(i.catalog, i.value) for i in record.identifiers] == [("oai", "oai:x:1")]


def test_reader_emits_only_std002() -> None:
    record = ieee(
        "<general><language>Français</language></general><lifeCycle><contribute>"
        + vocab("role", "Auteur", "LOMv1.0")
        + "<date><dateTime>29 mai 2000</dateTime></date></contribute></lifeCycle>"
    )
    assert record.problems == ()


def test_odd_input_never_raises() -> None:
    odd = [
        f'<lom xmlns="{LOM_IEEE}"/>',
        f'<lom xmlns="{LOM_IEEE}"><!-- c --><?pi x?><general><!-- c --><title><![CDATA[x]]>'
        "<string><![CDATA[<b>cdata</b>]]></string></title><identifier/><keyword>"
        "<string>&#x96;&#xD;</string></keyword></general><rights><description/></rights>"
        "<classification><taxonPath><taxon><entry/></taxon></taxonPath></classification></lom>",
        f'<lom xmlns="{LOM_IEEE}"><lifeCycle><contribute><entity/><entity>   </entity><role/>'
        "</contribute></lifeCycle><relation/><annotation><entity>x</entity></annotation></lom>",
        "<lom><general><catalogentry/><identifier><catalog/></identifier></general></lom>",
    ]
    for xml in odd:
        assert len(read_all(xml)) == 1


# -- locations -----------------------------------------------------------------------------


def test_locations_point_at_the_value_elements() -> None:
    record = ieee(
        "\n<general>\n<title>\n<string>T</string>\n</title>\n</general>\n<educational>\n"
        + vocab("context", "school")
        + "\n</educational>"
    )
    assert record.location.path == "/lom:lom"
    title = record.titles[0].location
    assert title is not None
    assert (title.line, title.path) == (4, "/lom:lom/lom:general/lom:title/lom:string")
    term = record.educational_levels[0].location
    assert term is not None
    assert term.path == "/lom:lom/lom:educational/lom:context/lom:value"


# -- examples --------------------------------------------------------------------------------


def test_exemplary_example_is_complete_and_clean() -> None:
    [record] = list(read_records(EXAMPLES / "lom" / "exemplary-lesson.lom.xml"))
    assert record.problems == ()
    assert record.dialect == "ieee-lom"
    assert {t.language for t in record.titles} == {"en", "fr"}
    assert {t.language for t in record.descriptions} == {"en", "fr"}
    assert {k.language for k in record.keywords} == {"en", "fr"}
    assert (record.identifiers[0].catalog, record.identifiers[0].value) == (
        "DOI",
        "10.5555/gsl.photosynthesis.0007",
    )
    assert [lic.raw for lic in record.licences] == ["https://creativecommons.org/licenses/by/4.0/"]
    assert [a.email for a in record.contributors + record.publishers] == [(), (), ()]
    assert record.contributors[0].identifiers == ("https://orcid.org/0000-0002-1825-0097",)
    assert [t.value for t in record.intended_end_user_roles] == ["learner", "teacher"]
    assert [t.value for t in record.typical_age_ranges] == ["11-14"]
    assert record.copyright_restrictions is not None
    assert record.copyright_restrictions.value == "yes"
    assert [t.value for t in record.cost] == ["no"]
    assert all(t.source == "LOMv1.0" for t in record.vocabulary_terms)


def test_faulty_example_shows_its_faults() -> None:
    [record] = list(read_records(EXAMPLES / "lom" / "faulty-lesson.lom.xml"))
    assert record.descriptions == ()
    assert "pupil" in [t.value for t in record.intended_end_user_roles]
    assert "29 mai 2000" in [d.value for d in record.dates]
    messages = std002(record)
    assert any(m.startswith("<title> is not allowed in <lom>") for m in messages)
    assert any(m.startswith("<general> appears more than once") for m in messages)


def test_imsmd_example_and_manifest_example() -> None:
    [record] = list(read_records(EXAMPLES / "lom" / "imsmd-record.xml"))
    assert record.dialect == "imsmd"
    assert record.problems == ()
    assert [c.value for c in record.cost] == ["No"]
    assert [d.value for d in record.durations] == ["PT40M"]
    package, worksheet = read_records(EXAMPLES / "lom" / "imsmanifest.xml")
    assert package.title == "Photosynthesis lesson package"
    assert worksheet.title == "Photosynthesis worksheet"
    assert [t.value for t in worksheet.learning_resource_types] == ["exercise"]


# -- the element tree ------------------------------------------------------------------------


def test_element_tree_marks_the_lom_vocabulary_elements() -> None:
    tree = bindings()["ieee"]
    vocabularies = {d for d, n in tree.by_dotted.items() if n.kind == "vocabulary"}
    added = {"educational.cognitiveProcess", "rights.access.accessType"}  # LOM-ES's
    assert tree.by_dotted["educational"].extra["cognitiveprocess"][1] == {"lom-es"}
    assert tree.by_dotted["rights"].extra["access"][1] == {"lom-es"}
    assert vocabularies - added == {
        "general.structure",
        "general.aggregationLevel",
        "lifeCycle.status",
        "lifeCycle.contribute.role",
        "metaMetadata.contribute.role",
        "technical.requirement.orComposite.type",
        "technical.requirement.orComposite.name",
        "educational.interactivityType",
        "educational.learningResourceType",
        "educational.interactivityLevel",
        "educational.semanticDensity",
        "educational.intendedEndUserRole",
        "educational.context",
        "educational.difficulty",
        "rights.cost",
        "rights.copyrightAndOtherRestrictions",
        "relation.kind",
        "classification.purpose",
    }
    assert tree.by_dotted["educational"].repeat
    assert not tree.by_dotted["general.title"].repeat
    assert tree.by_dotted["general.keyword"].repeat


# -- hypothesis ------------------------------------------------------------------------------


_JUNK = ["x-unknown", "langstring", "string", "label", "id", "entry", "vcard", "datetime"]
_NAMESPACES = [LOM_IEEE, IMSMD_V1P2, None, "urn:other"]
_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
    | st.sampled_from("\n\t \r"),
    max_size=30,
)
_ATTRIBUTES = st.dictionaries(
    st.sampled_from(["language", "type", "{http://www.w3.org/XML/1998/namespace}lang"]),
    _TEXT,
    max_size=2,
)


@st.composite
def lom_trees(draw: st.DrawFn) -> etree._Element:
    """A ``<lom>`` that mostly follows the LOM tree of a binding, with arbitrary text,
    attributes, case, namespaces, repetitions and stray elements."""
    tree = bindings()[draw(st.sampled_from(["ieee", "imsmd"]))]
    ns = draw(st.sampled_from(_NAMESPACES[:3]))
    root = etree.Element(f"{{{ns}}}lom" if ns else "lom")

    def grow(elem: etree._Element, node: Node, depth: int) -> None:
        for _ in range(draw(st.integers(0, 3 if depth < 7 else 0))):
            options = list(node.children.values())
            real = bool(options) and draw(st.integers(0, 5)) > 0  # mostly a real LOM child
            child_node = draw(st.sampled_from(options)) if real else None
            name = child_node.name if child_node else draw(st.sampled_from(_JUNK))
            if draw(st.integers(0, 9)) == 0:
                name = name.lower()
            child_ns = ns if draw(st.integers(0, 7)) else draw(st.sampled_from(_NAMESPACES))
            child = etree.SubElement(elem, f"{{{child_ns}}}{name}" if child_ns else name)
            child.text = draw(_TEXT)
            child.tail = draw(_TEXT) if draw(st.integers(0, 5)) == 0 else None
            for key, value in draw(_ATTRIBUTES).items():
                child.set(key, value)
            grow(child, child_node or node, depth + 1)

    grow(root, tree.root, 0)
    return root


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lom_trees())
def test_arbitrary_content_never_raises(root: etree._Element) -> None:
    ctx = XmlRecordContext(file=None, root=root, root_path="/lom")
    record = build_lom_record(root, ctx)
    assert record.source_format == "lom"
    assert all(p.rule == "STD002" for p in record.problems)


# -- corpus ----------------------------------------------------------------------------------


@needs_corpus
@pytest.mark.parametrize("path", LOM_FILES, ids=corpus_id)
def test_every_corpus_file_reads(path: Path) -> None:
    items = list(iter_source(path))
    unreadable = [i for i in items if isinstance(i, Unreadable)]
    records = [i for i in items if isinstance(i, Record)]
    if path.name == "rise_scorm2004_imsmanifest.xml":
        [item] = unreadable
        assert "metadata.xml" in item.message
        return
    assert unreadable == []
    assert records
    for record in records:
        assert record.source_format == "lom"
        # STD006: the file is one page of a harvest (noted on its last record)
        assert all(p.rule in ("STD002", "STD006") for p in record.problems)
        if not record.deleted:
            assert record.dialect in ("ieee-lom", "imsmd", "hs-oer-lom", "lom-no-namespace")


@needs_corpus
def test_corpus_anatomytool_listrecords() -> None:
    records = corpus_records("lom", "surf_anatomytool_oaipmh_listrecords_nl_lom.xml")
    assert len(records) == 10
    assert records[1].title == "Microscopy tutorial duodenum"
    assert all(r.dialect == "ieee-lom" and profiles(r) == ["nl-lom"] for r in records)
    rights = [r.copyright_restrictions.value for r in records if r.copyright_restrictions]
    assert len(rights) == 10
    assert sum(v.startswith("CC ") and v.endswith("license") for v in rights) == 8
    assert "unknown" in rights
    assert records[0].licences[0].raw == "https://creativecommons.org/licenses/by-nc-sa/4.0/"
    assert records[0].licences[0].language == "x-none"
    # the LOM children inherit the OAI-PMH default namespace: read, and reported once
    first = records[2].titles[0].location
    assert first is not None
    assert first.line == 393
    assert any("although their <lom> root" in m for m in std002(records[0]))


@needs_corpus
def test_corpus_edurep_listrecords() -> None:
    records = corpus_records("lom", "surf_edurep_oaipmh_listrecords_imsmd_v1p2.xml")
    assert len(records) == 9
    deleted = [r for r in records if r.deleted]
    assert len(deleted) == 1
    assert deleted[0].identifiers[0].value == (
        "surfsharekit:oai:surfsharekit.nl:3d2940a0-9573-412e-8fa2-067c55e2a72f"
    )
    live = [r for r in records if not r.deleted]
    assert all(r.dialect == "imsmd" for r in live)
    assert all(r.problems == () for r in live[:-1])
    # the response ends with a resumptionToken: its last record says it is one page
    assert [p.rule for p in live[-1].problems] == ["STD006"]
    assert live[0].title == "Exercises 5"
    assert [i.value for i in live[0].identifiers if i.catalog == "UUID"] == [
        "urn:uuid:5af0e26f-c4d2-4ddd-94ab-7dd0bd531751"
    ]
    values = {r.copyright_restrictions.value for r in live if r.copyright_restrictions}
    assert {"cc-by-40", "cc-by-sa-40", "yes"} <= values
    sources = {r.copyright_restrictions.source for r in live if r.copyright_restrictions}
    assert "https://purl.edustandaard.nl/copyrightsandotherrestrictions_nllom_20180530" in sources
    assert "http://purl.edustandaard.nl/copyrightsandotherrestrictions_nllom_20131202" in sources
    assert live[0].licences[0].raw == "https://creativecommons.org/licenses/by-nc/4.0/"
    assert [t.value for t in live[0].educational_levels][:1] == ["HBO"]


@needs_corpus
def test_corpus_hs_oer_lom_examples() -> None:
    [full] = corpus_records("lom", "hs-oer-lom_draft_full-example-a.xml")
    assert full.dialect == "hs-oer-lom"
    assert full.title == "Introduction to Difference Equations"
    assert [(i.catalog, i.value) for i in full.identifiers] == [
        (None, "c0a478bd-b5f0-4d67-89c5-4a49dfefddcf"),
        ("DOI", "10.1137/S0036144500378302"),
        ("HDL", "10900.3/OER_ZZxWvFJV"),
    ]
    assert [(k.value, k.language) for k in full.keywords] == [
        ("Differenzengleichung", "de"),
        ("Difference Equation", "en"),
    ]
    [lic] = full.licences
    assert (lic.raw, lic.language) == (
        "https://creativecommons.org/publicdomain/zero/1.0/legalcode",
        "x-t-cc-url",
    )
    assert lic.location is not None
    assert lic.location.line == 148
    assert [d.value for d in full.durations] == ["00:31:33"]
    assert full.contributors[0].identifiers == ("https://orcid.org/0000-0003-3415-7412",)
    assert [t.id for t in full.subjects][:1] == [
        "http://w3id.org/kim/hochschulfaechersystematik/n4"
    ]
    [rights] = corpus_records("lom", "hs-oer-lom_draft_rights-example.xml")
    assert rights.dialect == "lom-no-namespace"
    assert [(lic.raw, lic.language) for lic in rights.licences] == [
        ("https://creativecommons.org/licenses/by-sa/4.0", "x-t-cc-url")
    ]
    assert rights.problems == ()


@needs_corpus
@pytest.mark.parametrize(
    ("name", "title", "licence"),
    [
        (
            "lom2mlr_4d38368591a687.29499110.lom.xml",
            "À chacun son portfolio numérique",
            "Paternité - Pas d'Utilisation Commerciale - Pas de Modification 3.0 Unported "
            "(CC BY-NC-ND 3.0)",
        ),
        (
            "lom2mlr_4f708a4965ba09.14975134.lom.xml",
            "BigBlueButton",
            "CC BY-SA 3.0 : paternité, partage des conditions initiales à l’identique",
        ),
        (
            "apiscol_cuisson1.xml",
            'Les modes de cuissons : "sauter"',
            "CC Paternité, pas d'utilisation commerciale",
        ),
        (
            "lom2mlr_4c9912151c8a69.88090749.lom.xml",
            "Dur comme du fer?",
            "Droits d'auteur prévus par la loi.",
        ),
    ],
)
def test_corpus_french_licence_names(name: str, title: str, licence: str) -> None:
    [record] = corpus_records("lom", name)
    assert record.title == title
    assert [lic.raw for lic in record.licences] == [licence]


@needs_corpus
def test_corpus_languages_as_written() -> None:
    [canal] = corpus_records("lom", "lom2mlr_canal-u.fr-67.lom.xml")
    assert [t.value for t in canal.languages] == ["FRE"]
    assert canal.titles[0].language == "fre"
    assert "\x96" in canal.titles[0].value  # the Windows-1252 dash character is kept
    [eau] = corpus_records("lom", "apiscol_eau_dans_tous_ses_etats.xml")
    assert [t.value for t in eau.languages] == ["fre", "eng", "ger"]
    [valid] = corpus_records("lom", "lom2mlr_Valid.xml")
    assert [d.language for d in valid.descriptions] == ["fra-CA", "zxx"]
    [respel] = corpus_records("lom", "lom2mlr_respel-5214.lom.xml")
    assert respel.languages == ()
    [scolom] = corpus_records("lom", "scolomfr3utils_any_valid_echanges.xml")
    assert [t.value for t in scolom.languages] == ["http://id.loc.gov/vocabulary/iso639-2/fre"]


@needs_corpus
def test_corpus_double_general_is_std002() -> None:
    [record] = corpus_records("lom", "scolomfr3utils_1_invalid_double-general.xml")
    [problem] = record.problems
    assert problem.rule == "STD002"
    assert (problem.field, problem.source_field) == (None, "lom:general")
    assert problem.location is not None
    assert (problem.location.line, problem.location.path) == (29, "/lom:lom/lom:general[2]")
    assert record.title == "Harry Potter"
    assert record.licences[0].raw == "http://creativecommons.org/licenses/by/2.0/fr/"
    assert record.copyright_restrictions is not None
    assert (
        record.copyright_restrictions.value == "http://data.education.fr/voc/scolomfr/concept/yes_2"
    )
    assert [t.value for t in record.copyright_restrictions.labels] == ["oui"]


@needs_corpus
def test_corpus_apiscol_manifests_hold_lom_blocks() -> None:
    bare = corpus_records("cartridge", "apiscol_bare_manifest.xml")
    assert [r.title for r in bare] == [
        "Démarche d'investigation. Eau du robinet",
        "Définitions de base",
    ]
    cuisson = corpus_records("cartridge", "apiscol_imsld_cuisson_imsmanifest.xml")
    assert len(cuisson) == 10
    assert cuisson[-1].title == "Les modes de cuisson - La cuisson sauter"
    assert cuisson[-1].location.line == 40
    assert "(http://creativecommons.org/licenses/by-nc-sa/3.0/fr/)" in cuisson[-1].licences[0].raw
    assert all(profiles(r) == ["lomfr", "scolomfr"] for r in cuisson)


@needs_corpus
def test_corpus_vcards_and_placeholders() -> None:
    [photo] = corpus_records("lom", "lom2mlr_4c99175385abe2.62701286.lom.xml")
    assert (photo.identifiers[0].catalog, photo.identifiers[0].value) == ("URI", "")
    assert (photo.contributors[0].name, photo.contributors[0].email) == (
        "Margot Phaneuf",
        ("margot.phaneuf@videotron.ca",),
    )
    [folded] = corpus_records("lom", "lom2mlr_4ca17a9f743cb0.97951973.lom.xml")
    assert folded.contributors[0].address == (
        "100, rue Duquet, Sainte-Thérèse, Québec, J7E 3G6, Canada",
    )
    [blank_lines] = corpus_records("lom", "lom2mlr_ressource-ressfranc30.lom.xml")
    assert blank_lines.publishers[0].email == ("info@ccdmd.qc.ca",)
    [rise] = corpus_records("lom", "rise_scorm2004_metadata.xml")
    assert rise.dialect == "lom-no-namespace"
    assert [(i.catalog, i.value) for i in rise.identifiers] == [("Catalog", "1")]
    assert [t.value for t in rise.titles] == [""]
    assert [d.value for d in rise.durations] == ["PT0H0M0S"]
    [bnf] = corpus_records("lom", "apiscol_bnf-159803.xml")
    assert [k.value for k in bnf.keywords] == ["liseuse", "tablette numérique"]
    assert bnf.licences == ()
    [cost] = corpus_records("lom", "apiscol_extraction-scolomfr-educasources-141409.xml")
    assert [t.value for t in cost.cost] == ["yes"]
    assert cost.copyright_restrictions is None


@needs_corpus
def test_corpus_profiles_from_metadata_schema() -> None:
    [unit] = corpus_records("lom", "lom2mlr_unit-ori-wf-1-4369.lom.xml")
    schemas = [e.value for e in unit.extensions if e.name == f"{{{LOM_IEEE}}}metadataSchema"]
    assert schemas == ["LOMv1.0", "LOMFRv1.0", "SupLOMFRv1.0"]
    assert profiles(unit) == ["lomfr", "suplomfr"]
    [none] = corpus_records("lom", "scolomfr3utils_version_valid_no-metadataschema.xml")
    assert profiles(none) == ["lomfr", "scolomfr"]  # from the declared namespaces
