"""ILOX (IMS LODE): the LOM facets of one work are one record, with the languages of its
expressions, the locations of its manifestations and the licence of its rights facet."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import oer_meta
from oer_meta.model import Record
from oer_meta.readers import read_records
from oer_meta.readers.xml.namespaces import ILOX, LOM_IEEE, OAI_PMH
from tests.corpus_paths import EXAMPLES

EXAMPLE = EXAMPLES / "lom" / "ilox-work.xml"
RIGHTS_FACET = "http://ltsc.ieee.org/xsd/LOM/imslode/ilox/any/rights"


def read(xml: str) -> list[Record]:
    return list(read_records(xml.encode("utf-8")))


def facet(value: str, lom: str) -> str:
    return (
        f"<description><facet><vocabularyID>LRE.workDescriptionFacetValues</vocabularyID>"
        f"<value>{value}</value></facet><metadata>{lom}</metadata></description>"
    )


def expression(language: str, *uris: str) -> str:
    manifestations = "".join(
        "<manifestation><name><value>landing page</value></name>"
        f"<item><location><uri>{uri}</uri></location></item></manifestation>"
        for uri in uris
    )
    return (
        "<expression><dimension><name><value>language</value></name>"
        f"<parameter><value>{language}</value></parameter></dimension>{manifestations}"
        "</expression>"
    )


def test_the_example_work_is_one_record_from_all_its_facets() -> None:
    [record] = list(read_records(EXAMPLE))
    assert record.dialect == "ilox"
    assert record.profiles == ("lre",)  # named by its LRE vocabulary sources
    assert [(t.value, t.language) for t in record.titles] == [
        ("Pendulum lab", "en"),
        ("Laboratoire du pendule", "fr"),
    ]
    # the main facet's language, then the French expression's
    assert [lang.value for lang in record.languages] == ["en", "fr"]
    assert record.languages[1].source_field == (
        "ilox:expression/ilox:dimension/ilox:parameter/ilox:value"
    )
    # every manifestation's location, once each
    assert [u.value for u in record.urls] == [
        "https://example.org/oer/pendulum-lab/en/run",
        "https://example.org/oer/pendulum-lab",
        "https://example.org/oer/pendulum-lab/fr/run",
    ]
    # the work's identifier, given again in the main facet, is kept once
    assert [(i.catalog, i.value) for i in record.identifiers] == [
        ("URI", "https://example.org/oer/pendulum-lab")
    ]
    # the rights facet (its own namespace) gives the licence
    [licence] = record.licences
    assert licence.spdx == "CC-BY-4.0"
    assert licence.source_field == "ilox:description/ilox:metadata/ns:lom/ns:rights/ns:description"
    assert record.copyright_restrictions is not None
    assert [a.name for a in record.publishers] == ["Example Physics Lab"]
    assert record.problems == ()


def test_the_example_passes_the_structure_and_licence_rules() -> None:
    report = oer_meta.validate(EXAMPLE, select=["STD", "LIC001", "DISC001", "LANG001"])
    assert [f.rule for f in report.findings] == []


def test_an_ilox_work_in_an_oai_pmh_response_keeps_its_header() -> None:
    work = (
        f'<work xmlns="{ILOX}">'
        + facet(
            "main",
            f'<lom xmlns="{LOM_IEEE}"><general><title><string language="de">Pendel</string>'
            "</title></general></lom>",
        )
        + expression("de", "https://example.org/de")
        + "</work>"
    )
    records = read(
        f'<OAI-PMH xmlns="{OAI_PMH}"><ListRecords>'
        f"<record><header><identifier>oai:x:1</identifier></header><metadata>{work}</metadata>"
        f"</record><record><header><identifier>oai:x:2</identifier></header>"
        f"<metadata>{work}</metadata></record></ListRecords></OAI-PMH>"
    )
    assert [r.title for r in records] == ["Pendel", "Pendel"]
    assert [[i.value for i in r.identifiers if i.catalog == "oai"] for r in records] == [
        ["oai:x:1"],
        ["oai:x:2"],
    ]
    assert [[u.value for u in r.urls] for r in records] == [["https://example.org/de"]] * 2
    assert all(r.languages[0].value == "de" for r in records)


def test_a_resource_root_and_facets_in_expressions_and_manifestations() -> None:
    [record] = read(
        f'<resource xmlns="{ILOX}"><work><identifier><catalog>H</catalog><entry>1/2</entry>'
        "</identifier>"
        + facet(
            "main",
            f'<lom xmlns="{LOM_IEEE}"><general><title><string>T</string></title></general></lom>',
        )
        + "<expression><dimension><name><value>language</value></name><parameter><value>es"
        "</value></parameter></dimension>"
        + facet("technical", f'<lom xmlns="{LOM_IEEE}"><technical><format>video/mp4</format>'
                "</technical></lom>")
        + "<manifestation><name><value>package in</value></name>"
        + facet("rights", f'<lom xmlns="{RIGHTS_FACET}"><rights><description>'
                '<string language="x-t-cc-url">https://creativecommons.org/licenses/by-sa/4.0/'
                "</string></description></rights></lom>")
        + "<item><location><uri>https://example.org/p.zip</uri></location></item>"
        "</manifestation></expression></work></resource>"
    )  # fmt: skip
    assert record.title == "T"
    assert [(i.catalog, i.value) for i in record.identifiers] == [("H", "1/2")]
    assert [f.value for f in record.formats] == ["video/mp4"]
    assert [lic.spdx for lic in record.licences] == ["CC-BY-SA-4.0"]
    assert [u.value for u in record.urls] == ["https://example.org/p.zip"]
    assert [lang.value for lang in record.languages] == ["es"]


def test_a_dimension_other_than_language_adds_no_language() -> None:
    [record] = read(
        f'<work xmlns="{ILOX}"><expression><dimension><name><value>audience</value></name>'
        "<parameter><value>teacher</value></parameter></dimension></expression></work>"
    )
    assert record.languages == ()
    assert record.dialect == "ilox"


def test_facet_structure_problems_are_decided_by_the_profiles_of_all_facets() -> None:
    lom_es_extension = (
        f'<lom xmlns="{LOM_IEEE}"><educational><cognitiveProcess><source>LOM-ESv1.0</source>'
        "<value>analyse</value></cognitiveProcess></educational></lom>"
    )
    schema = (
        f'<lom xmlns="{LOM_IEEE}"><metaMetadata><metadataSchema>LOM-ESv1.0</metadataSchema>'
        "</metaMetadata></lom>"
    )
    # the profile is named in another facet than the one that uses its extension
    [record] = read(
        f'<work xmlns="{ILOX}">{facet("a", lom_es_extension)}{facet("b", schema)}</work>'
    )
    assert record.profiles == ("lom-es",)
    assert record.problems == ()
    [plain] = read(
        f'<work xmlns="{ILOX}">'
        + facet("a", lom_es_extension.replace("LOM-ESv1.0", "x"))
        + "</work>"
    )
    assert [p.message for p in plain.problems] == [
        "<cognitiveProcess> is not part of <educational> (educational) in the IEEE 1484.12.3 "
        "LOM XML binding; only the LOM-ES profile adds it"
    ]


def test_a_work_without_facets_is_still_one_record() -> None:
    [record] = read(
        f'<work xmlns="{ILOX}"><identifier><catalog>URI</catalog><entry>https://e.org/x</entry>'
        "</identifier>" + expression("en", "https://e.org/x/en") + "</work>"
    )
    assert record.record_id == "https://e.org/x"
    assert [u.value for u in record.urls] == ["https://e.org/x/en"]


_ILOX_NAMES = ["work", "resource", "description", "metadata", "expression", "manifestation",
               "dimension", "name", "parameter", "value", "item", "location", "uri",
               "identifier", "entry", "facet", "lom"]  # fmt: skip


@st.composite
def _ilox_tree(draw: st.DrawFn, depth: int = 0) -> str:
    name = draw(st.sampled_from(_ILOX_NAMES))
    ns = draw(st.sampled_from([ILOX, ILOX, LOM_IEEE, "urn:other"]))
    text = draw(st.text(alphabet="ab:/ ", max_size=5))
    children = draw(st.lists(_ilox_tree(depth + 1), max_size=3)) if depth < 4 else []
    return f'<{name} xmlns="{ns}">{text}{"".join(children)}</{name}>'


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ilox_tree(1), max_size=4))
def test_any_content_of_a_work_gives_exactly_one_record(children: list[str]) -> None:
    records = read(f'<works><work xmlns="{ILOX}">{"".join(children)}</work></works>')
    assert len(records) == 1
    assert records[0].dialect == "ilox"
    assert all(p.rule == "STD002" for p in records[0].problems)
