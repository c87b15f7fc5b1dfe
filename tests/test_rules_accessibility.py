"""The A11Y rules: on records built directly, and on inline LOM, DC and JSON-LD records
read through ``oer_meta.validate``."""

from __future__ import annotations

import json
from typing import Any

import pytest

import oer_meta
from oer_meta.model import Accessibility, Location, Record, Term, Text

A11Y = ["A11Y"]


def terms(*values: str) -> list[Term]:
    return [Term(value=v) for v in values]


COMPLETE = Record(
    source_format="jsonld",
    formats=[Text(value="text/html")],
    accessibility=Accessibility(
        access_modes=terms("textual", "visual"),
        access_modes_sufficient=terms("textual", "textual,visual"),
        features=terms("alternativeText", "structuralNavigation", "MathML"),
        hazards=terms("none"),
        summaries=[Text(value="Every figure has a text alternative.", language="en")],
        controls=terms("fullKeyboardControl"),
        conforms_to=terms("WCAG 2.1 Level AA"),
    ),
)


def with_a11y(record: Record = COMPLETE, **change: Any) -> Record:
    """``record`` with some accessibility fields replaced."""
    a11y = record.accessibility.model_copy(update=change)
    return record.model_copy(update={"accessibility": a11y})


def codes(record: Record | str | dict[str, Any], select: list[str] = A11Y) -> list[tuple[str, str]]:
    if isinstance(record, Record):
        findings = oer_meta.check(record, select=select)
    else:
        findings = oer_meta.validate(record, select=select).findings
    return [(f.rule, f.severity.value) for f in findings]


def test_a_complete_consistent_record_passes_every_a11y_rule() -> None:
    assert oer_meta.check(COMPLETE, select=A11Y) == []


# -- A11Y001 ------------------------------------------------------------------------------


def test_a11y001_fires_when_nothing_is_said_about_accessibility() -> None:
    record = Record(source_format="lom", location=Location(file="r.xml", line=3))
    (finding,) = oer_meta.check(record, select=["A11Y001"])
    assert (finding.rule, finding.name, finding.severity.value) == (
        "A11Y001",
        "accessibility-metadata-missing",
        "warning",
    )
    assert finding.location.line == 3
    assert "schema.org namespace" in (finding.hint or "")
    assert [int(a) for a in finding.areas] == [2, 3]


def test_a11y001_any_single_statement_counts() -> None:
    empty = Record(source_format="dc")
    assert codes(empty, ["A11Y001"]) == [("A11Y001", "warning")]
    for field, value in [
        ("summaries", [Text(value="Captioned.")]),
        ("conforms_to", terms("WCAG 2.1 Level AA")),
        ("hazards", terms("none")),
        ("access_modes", terms("textual")),
    ]:
        assert codes(with_a11y(empty, **{field: value}), ["A11Y001"]) == [], field


def test_a11y001_blank_values_do_not_count() -> None:
    record = with_a11y(Record(source_format="dc"), features=terms(" "), summaries=[Text(value="")])
    assert codes(record, ["A11Y001"]) == [("A11Y001", "warning")]


def test_a11y001_is_information_in_oai_dc() -> None:
    record = Record(source_format="dc", dialect="oai_dc")
    (finding,) = oer_meta.check(record, select=["A11Y001"])
    assert (finding.rule, finding.severity.value) == ("A11Y008", "info")
    assert "oai_dc" in finding.message


def test_a11y001_names_the_weak_lom_signal() -> None:
    purpose = Term(value="accessibility restrictions", element="classification.purpose")
    record = Record(source_format="lom", vocabulary_terms=[purpose])
    (finding,) = oer_meta.check(record, select=["A11Y001"])
    assert "accessibility restrictions" in finding.message


# -- A11Y002 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "severity", "hint"),
    [
        ({"features": terms("alt text")}, "warning", "use the vocabulary term 'alternativeText'"),
        ({"access_modes": terms("text")}, "warning", "use the vocabulary term 'textual'"),
        (
            {"hazards": terms("no flashing")},
            "warning",
            "use the vocabulary term 'noFlashingHazard'",
        ),
        (
            {"controls": terms("keyboard")},
            "warning",
            "use the vocabulary term 'fullKeyboardControl'",
        ),
        ({"hazards": terms("Flashing")}, "info", "write 'flashing' exactly"),
        ({"features": terms("captions")}, "info", "use 'closedCaptions' or 'openCaptions'"),
        ({"access_modes_sufficient": terms("textual,textOnVisual")}, "warning", "'visual'"),
        ({"access_modes": terms("")}, "warning", "use one of 'auditory'"),
    ],
)
def test_a11y002_reports_each_value_outside_the_vocabulary(
    change: dict[str, list[Term]], severity: str, hint: str
) -> None:
    (finding,) = oer_meta.check(with_a11y(**change), select=["A11Y002"])
    assert finding.severity.value == severity
    # the values the vocabulary still understands have a code of their own
    assert finding.rule == ("A11Y009" if severity == "info" else "A11Y002")
    assert hint in (finding.hint or "")


def test_a11y002_reports_every_bad_value_at_its_location() -> None:
    where = Location(file="x.json", line=7, path="/accessibilityFeature/1")
    record = with_a11y(
        features=[Term(value="alternativeText"), Term(value="alt text", location=where)],
        apis=terms("ATK", "Windows"),
    )
    findings = oer_meta.check(record, select=["A11Y002"])
    assert [f.message for f in findings] == [
        "accessibilityFeature value 'alt text' is not in the W3C accessibility vocabulary",
        "accessibilityAPI value 'Windows' is not in the W3C accessibility vocabulary",
    ]
    assert findings[0].location == where
    assert findings[0].field == "accessibility.features"


def test_a11y002_checks_epub_conformance_statements() -> None:
    record = with_a11y(conforms_to=terms("EPUB Accessibility 1.1 - WCAG 2.1 AA"))
    (finding,) = oer_meta.check(record, select=["A11Y002"])
    assert finding.hint == "write 'EPUB Accessibility 1.1 - WCAG 2.1 Level AA'"
    good = with_a11y(conforms_to=terms("EPUB Accessibility 1.1 - WCAG 2.1 Level AA"))
    assert oer_meta.check(good, select=["A11Y002"]) == []


# -- A11Y003 ------------------------------------------------------------------------------


def test_a11y003_fires_without_a_hazard_statement() -> None:
    (finding,) = oer_meta.check(with_a11y(hazards=[]), select=["A11Y003"])
    assert (finding.name, finding.severity.value) == ("hazard-undeclared", "warning")
    assert "'none'" in (finding.hint or "")
    assert codes(with_a11y(hazards=terms("  ")), ["A11Y003"]) == [("A11Y003", "warning")]
    assert codes(Record(source_format="jsonld"), ["A11Y003"]) == [("A11Y003", "warning")]
    assert codes(Record(source_format="dc", dialect="oai_dc"), ["A11Y003"]) == [("A11Y010", "info")]


@pytest.mark.parametrize("hazard", ["none", "unknown", "flashing", "noSoundHazard"])
def test_a11y003_is_silent_with_any_hazard_statement(hazard: str) -> None:
    assert codes(with_a11y(hazards=terms(hazard)), ["A11Y003"]) == []


# -- A11Y004 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["flashing", "noFlashingHazard"], [("A11Y004", "error")]),
        (["none", "sound"], [("A11Y004", "error")]),
        (["unknown", "noMotionSimulationHazard"], [("A11Y004", "error")]),
        (["none", "noSoundHazard"], [("A11Y011", "warning")]),
        (
            ["flashing", "noFlashingHazard", "none"],
            [("A11Y004", "error")] * 2 + [("A11Y011", "warning")],
        ),
        (["flashing", "noSoundHazard", "noMotionSimulationHazard"], []),
        (["none"], []),
    ],
)
def test_a11y004_hazard_contradictions(values: list[str], expected: list[tuple[str, str]]) -> None:
    assert codes(with_a11y(hazards=terms(*values)), ["A11Y004"]) == expected


def test_a11y004_points_at_the_later_value() -> None:
    where = Location(file="x.json", line=12)
    record = with_a11y(hazards=[Term(value="none"), Term(value="flashing", location=where)])
    (finding,) = oer_meta.check(record, select=["A11Y004"])
    assert finding.message == "accessibilityHazard 'flashing' contradicts 'none'"
    assert finding.location == where


# -- A11Y005 ------------------------------------------------------------------------------


def test_a11y005_fires_when_several_modes_have_no_sufficient_set() -> None:
    (finding,) = oer_meta.check(with_a11y(access_modes_sufficient=[]), select=["A11Y005"])
    assert (finding.name, finding.severity.value) == ("access-mode-sufficient-missing", "warning")
    assert "'textual', 'visual'" in finding.message


def test_a11y005_is_information_for_a_single_mode_and_silent_without_modes() -> None:
    single = with_a11y(access_modes=terms("textual"), access_modes_sufficient=[])
    assert codes(single, ["A11Y005"]) == [("A11Y012", "info")]
    none = with_a11y(access_modes=[], access_modes_sufficient=[])
    assert codes(none, ["A11Y005"]) == []


# -- A11Y006 ------------------------------------------------------------------------------


def test_a11y006_fires_without_a_summary() -> None:
    (finding,) = oer_meta.check(with_a11y(summaries=[]), select=["A11Y006"])
    assert (finding.name, finding.severity.value) == ("accessibility-summary-missing", "info")
    assert codes(with_a11y(summaries=[Text(value=" ")]), ["A11Y006"]) == [("A11Y006", "info")]


# -- A11Y007 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "expected", "words"),
    [
        ({"features": terms("none", "alternativeText")}, "warning", "'none' is combined"),
        ({"features": terms("alternativeText", "unknown")}, "warning", "'unknown' is combined"),
        ({"features": terms("alternativeText", "closedCaptions")}, "warning", "needs sound"),
        ({"features": terms("alternativeText", "captions")}, "warning", "needs sound"),
        ({"features": terms("alternativeText", "transcript")}, "warning", "needs sound"),
        (
            {"access_modes": terms("auditory", "textual"), "features": terms("audioDescription"),
             "access_modes_sufficient": terms("auditory", "textual")},
            "warning",
            "needs video",
        ),
        (
            {"access_modes": terms("visual"), "access_modes_sufficient": terms("visual"),
             "features": terms("structuralNavigation")},
            "warning",
            "visual only",
        ),
        ({"features": terms("structuralNavigation")}, "A11Y014 info", "text alone is enough"),
        ({"access_modes": terms("textual", "chartOnVisual")}, "A11Y014 info", "refines 'visual'"),
        ({"features": terms("alternativeText", "taggedPDF")}, "A11Y013 info", "no format is PDF"),
    ],
)  # fmt: skip
def test_a11y007_inconsistent_features(change: dict[str, Any], expected: str, words: str) -> None:
    (finding,) = oer_meta.check(with_a11y(**change), select=["A11Y007"])
    code, _, severity = expected.rpartition(" ")
    assert (finding.rule, finding.severity.value) == (code or "A11Y007", severity)
    assert words in finding.message


def test_a11y007_captions_are_fine_when_the_resource_has_sound() -> None:
    record = with_a11y(
        access_modes=terms("auditory", "visual", "textual"),
        access_modes_sufficient=terms("textual", "auditory,visual"),
        features=terms("closedCaptions", "transcript", "audioDescription"),
    )
    assert codes(record, ["A11Y007"]) == []


def test_a11y007_uses_formats_and_resource_types_when_no_mode_is_given() -> None:
    pdf_only = with_a11y(
        access_modes=[], access_modes_sufficient=[], features=terms("closedCaptions")
    )
    pdf_only = pdf_only.model_copy(update={"formats": [Text(value="application/pdf")]})
    (finding,) = oer_meta.check(pdf_only, select=["A11Y007"])
    assert (finding.rule, finding.severity.value) == ("A11Y013", "info")
    assert "'application/pdf'" in finding.message
    video = pdf_only.model_copy(update={"formats": [Text(value="video/mp4")]})
    assert codes(video, ["A11Y007"]) == []
    typed = pdf_only.model_copy(
        update={
            "learning_resource_types": [
                Term(value="http://purl.org/dcx/lrmi-vocabs/learningResourceType/video")
            ]
        }
    )
    assert codes(typed, ["A11Y007"]) == []
    html = pdf_only.model_copy(update={"formats": [Text(value="text/html")]})
    assert codes(html, ["A11Y007"]) == []  # a web page may embed anything


def test_a11y007_a_visual_only_resource_with_a_text_equivalent_passes() -> None:
    record = with_a11y(
        access_modes=terms("visual"),
        access_modes_sufficient=terms("visual", "textual"),
        features=terms("longDescription"),
    )
    assert codes(record, ["A11Y007"]) == []


# -- inline records in each format -------------------------------------------------------

LOM = """<?xml version="1.0" encoding="UTF-8"?>
<lom xmlns="http://ltsc.ieee.org/xsd/LOM" xmlns:schema="http://schema.org/">
  <general>
    <title><string language="en">Reading a weather map</string></title>
  </general>
  <technical><format>text/html</format></technical>
  <educational>
{a11y}
  </educational>
</lom>
"""
LOM_CLEAN = """
    <schema:accessMode>textual</schema:accessMode>
    <schema:accessMode>visual</schema:accessMode>
    <schema:accessModeSufficient>textual</schema:accessModeSufficient>
    <schema:accessModeSufficient>textual, visual</schema:accessModeSufficient>
    <schema:accessibilityFeature>longDescription</schema:accessibilityFeature>
    <schema:accessibilityHazard>none</schema:accessibilityHazard>
    <schema:accessibilitySummary>The map is described below.</schema:accessibilitySummary>
"""


def test_lom_clean_record_passes() -> None:
    assert codes(LOM.format(a11y=LOM_CLEAN)) == []


def test_lom_without_accessibility() -> None:
    assert codes(LOM.format(a11y="")) == [
        ("A11Y001", "warning"),
        ("A11Y003", "warning"),
        ("A11Y006", "info"),
    ]


def test_lom_faulty_values_are_located() -> None:
    faulty = LOM_CLEAN.replace(">longDescription<", ">alt text<").replace(
        "<schema:accessibilityHazard>none</schema:accessibilityHazard>",
        "<schema:accessibilityHazard>flashing</schema:accessibilityHazard>\n"
        "    <schema:accessibilityHazard>noFlashingHazard</schema:accessibilityHazard>",
    )
    report = oer_meta.validate(LOM.format(a11y=faulty), select=A11Y)
    found = [(f.rule, f.location.line) for f in report.findings]
    assert found == [("A11Y002", 13), ("A11Y004", 15)]  # the alt text, the second hazard


LOM_AFA = """<?xml version="1.0" encoding="UTF-8"?>
<lom xmlns="http://ltsc.ieee.org/xsd/LOM" xmlns:afa="https://example.org/accessforall">
  <general><title><string language="en">Fractions with strips</string></title></general>
  <afa:accessibility>
    <afa:resourceDescription>
      <afa:primary hasVisual="true" hasAuditory="false" hasText="true" hasTactile="false">
        <afa:displayTransformability><afa:fontSize/></afa:displayTransformability>
        <afa:controlFlexibility>fullKeyboardControl</afa:controlFlexibility>
        <afa:hazard>noFlashingHazard</afa:hazard>
        <afa:alternativesToVisual><afa:altTextLang>en</afa:altTextLang></afa:alternativesToVisual>
      </afa:primary>
    </afa:resourceDescription>
  </afa:accessibility>
</lom>
"""


def test_lom_accessforall_extension_is_read() -> None:
    record = oer_meta.read(LOM_AFA)
    a11y = record.accessibility
    assert [t.value for t in a11y.access_modes] == ["visual", "textual"]
    assert [t.value for t in a11y.features] == ["displayTransformability", "alternativeText"]
    assert [t.value for t in a11y.controls] == ["fullKeyboardControl"]
    assert [t.value for t in a11y.hazards] == ["noFlashingHazard"]
    assert a11y.hazards[0].location is not None and a11y.hazards[0].location.line == 9
    assert [e.name for e in record.extensions] == [
        "{https://example.org/accessforall}accessibility"
    ]
    assert codes(LOM_AFA) == [("A11Y005", "warning"), ("A11Y006", "info")]


def test_lom_profile_category_in_the_lom_namespace_is_read_and_reported() -> None:
    obaa = LOM.format(
        a11y="</educational><accessibility><hasVisual>true</hasVisual><hasText>true</hasText>"
        "<hasAuditory>false</hasAuditory></accessibility><educational>"
    )
    record = oer_meta.read(obaa)
    assert [t.value for t in record.accessibility.access_modes] == ["visual", "textual"]
    assert any(p.rule == "STD002" and "accessibility" in p.message for p in record.problems)


DC = """<?xml version="1.0" encoding="UTF-8"?>
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"
          xmlns:schema="http://schema.org/" xml:lang="en">
  <dc:title>Reading a weather map</dc:title>
  <dc:format>application/pdf</dc:format>
{a11y}
</metadata>
"""
DC_CLEAN = """
  <dcterms:conformsTo>WCAG 2.1 Level AA</dcterms:conformsTo>
  <schema:accessMode>textual</schema:accessMode>
  <schema:accessModeSufficient>textual</schema:accessModeSufficient>
  <schema:accessibilityFeature>taggedPDF</schema:accessibilityFeature>
  <schema:accessibilityFeature>tableOfContents</schema:accessibilityFeature>
  <schema:accessibilityHazard>none</schema:accessibilityHazard>
  <schema:accessibilitySummary>A tagged PDF with bookmarks.</schema:accessibilitySummary>
"""


def test_dc_clean_record_passes() -> None:
    assert codes(DC.format(a11y=DC_CLEAN)) == []


def test_dc_faulty_record() -> None:
    faulty = DC_CLEAN.replace(">tableOfContents<", ">bookmarks<").replace(
        ">taggedPDF<", ">closedCaptions<"
    )
    assert codes(DC.format(a11y=faulty)) == [("A11Y009", "info"), ("A11Y007", "warning")]


def test_dc_only_a_wcag_claim_is_some_information() -> None:
    text = DC.format(a11y="<dcterms:conformsTo>https://www.w3.org/TR/WCAG21/</dcterms:conformsTo>")
    assert codes(text) == [("A11Y003", "warning"), ("A11Y006", "info")]


def test_dc_curriculum_standards_are_not_accessibility_claims() -> None:
    text = DC.format(
        a11y="<dcterms:conformsTo>http://purl.org/ASN/resources/S1143664</dcterms:conformsTo>"
    )
    assert [c for c, _ in codes(text)] == ["A11Y001", "A11Y003", "A11Y006"]


OAI_DC = """<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Maps</dc:title></oai_dc:dc>"""


def test_oai_dc_findings_are_information() -> None:
    assert codes(OAI_DC) == [("A11Y008", "info"), ("A11Y010", "info"), ("A11Y006", "info")]


EPUB_PACKAGE = """<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="uid">urn:isbn:9780000000002</dc:identifier>
    <dc:title>Weather maps</dc:title>
    <dc:language>en</dc:language>
    <meta property="schema:accessMode">textual</meta>
    <meta property="schema:accessMode">visual</meta>
    <meta property="schema:accessModeSufficient">textual</meta>
    <meta property="schema:accessModeSufficient">textual,visual</meta>
    <meta property="schema:accessibilityFeature">alternativeText</meta>
    <meta property="schema:accessibilityFeature">structuralNavigation</meta>
    <meta property="schema:accessibilityHazard">none</meta>
    <meta property="schema:accessibilitySummary">All maps are described.</meta>
    <meta name="schema:accessibilityControl" content="fullKeyboardControl"/>
    <meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>
    <meta property="a11y:certifiedBy">Example Accessibility Lab</meta>
    <link rel="dcterms:conformsTo" href="http://www.idpf.org/epub/a11y/accessibility-20170105.html#wcag-aa"/>
  </metadata>
</package>
"""


def test_epub_package_metadata_is_read() -> None:
    record = oer_meta.read(EPUB_PACKAGE)
    a11y = record.accessibility
    assert [t.value for t in a11y.access_modes] == ["textual", "visual"]
    assert [t.value for t in a11y.access_modes_sufficient] == ["textual", "textual,visual"]
    assert [t.value for t in a11y.controls] == ["fullKeyboardControl"]
    assert [t.value for t in a11y.conforms_to] == [
        "EPUB Accessibility 1.1 - WCAG 2.1 Level AA",
        "http://www.idpf.org/epub/a11y/accessibility-20170105.html#wcag-aa",
    ]
    assert [(s.value, s.language) for s in a11y.summaries] == [("All maps are described.", None)]
    assert any(e.value == "Example Accessibility Lab" for e in record.extensions)
    assert codes(EPUB_PACKAGE) == []


JSONLD: dict[str, Any] = {
    "@context": "https://schema.org/",
    "@type": "LearningResource",
    "name": "Reading a weather map",
    "encodingFormat": "video/mp4",
    "accessMode": ["auditory", "visual"],
    "accessModeSufficient": [
        {"@type": "ItemList", "itemListElement": ["auditory", "visual"]},
        {"@type": "ItemList", "itemListElement": ["textual"]},
    ],
    "accessibilityFeature": ["closedCaptions", "transcript", "audioDescription"],
    "accessibilityHazard": ["noFlashingHazard", "noMotionSimulationHazard", "noSoundHazard"],
    "accessibilitySummary": "Captions, a transcript and described video.",
    "conformsTo": "https://www.w3.org/TR/WCAG22/",
}


def test_jsonld_clean_record_passes() -> None:
    assert codes(json.dumps(JSONLD)) == []


def test_jsonld_faulty_record() -> None:
    faulty = {
        **JSONLD,
        "accessMode": "visual",
        "accessModeSufficient": "visual",
        "accessibilityFeature": ["alt text", "closedCaptions"],
        "accessibilityHazard": ["unknown", "noFlashingHazard"],
    }
    del faulty["accessibilitySummary"]
    assert sorted(codes(json.dumps(faulty))) == [
        ("A11Y002", "warning"),
        ("A11Y004", "error"),
        ("A11Y006", "info"),
        ("A11Y007", "warning"),
        ("A11Y007", "warning"),
    ]


def test_jsonld_curriculum_conforms_to_is_a_relation() -> None:
    record = oer_meta.read(
        json.dumps({**JSONLD, "conformsTo": ["http://purl.org/ASN/resources/S114354A"]})
    )
    assert record.accessibility.conforms_to == ()
    assert [(r.kind, r.target) for r in record.relations] == [
        ("conformsTo", "http://purl.org/ASN/resources/S114354A")
    ]


def test_jsonld_without_accessibility() -> None:
    bare = {k: v for k, v in JSONLD.items() if not k.startswith("access") and k != "conformsTo"}
    assert codes(json.dumps(bare)) == [
        ("A11Y001", "warning"),
        ("A11Y003", "warning"),
        ("A11Y006", "info"),
    ]
