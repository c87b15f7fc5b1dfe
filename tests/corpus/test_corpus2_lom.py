"""Asserted facts of the LOM documents and manifests of ../shared/corpus-2 (read in place):
titles, languages, the binding and profile each is recognised as, and the structure and
vocabulary findings that must, and must not, appear (issue 9, sections 1 and 2)."""

from __future__ import annotations

import pytest

import oer_meta
from oer_meta.report.results import RecordResult

from ..corpus_paths import CORPUS2, needs_corpus2

pytestmark = needs_corpus2


def results(name: str) -> list[RecordResult]:
    return [r for r in oer_meta.validate(CORPUS2 / name).results if r.status == "checked"]


def messages(result: RecordResult, *codes: str) -> list[str]:
    return [f.message for f in result.findings if f.rule in codes]


# name, dialect, profiles, title (start), languages
FACTS = [
    ("lom/agrega2_lom-es_metadato1_N24_bilingual.xml", "ieee-lom", ("lom-es",),
     "Acoplamiento a media madera", ["es"]),
    ("lom/agrega2_lom-es_metadatoCompleto_iso-8859-1.xml", "ieee-lom", ("lom-es",),
     "Título del objeto digital", ["eu"]),
    ("lom/agrega2_lom-es_metadatoLote1_no-namespace.xml", "lom-no-namespace", ("lom-es",),
     "Historia de la Publicidad", ["es"]),
    ("lom/agrega2_lom-es_metadatoNoValido.xml", "ieee-lom", ("lom-es",),
     "Título del objeto digital", ["eu"]),
    ("lom/agrega2_lom-es_metadato_infantil05.xml", "ieee-lom", ("lom-es",),
     "Las estaciones, la ropa y la casa.", ["es"]),
    ("lom/exe_celengan_imslrm_lom-es_id.xml", "ieee-lom", ("lom-es",),
     "Mendengarkan Cerita", []),
    ("lom/exe_kanrawee_imslrm_lom-es_th.xml", "ieee-lom", ("lom-es",),
     "บทเรียนออนไลน์ : วิทยาศาสตร์โลกและอวกาศ", ["th"]),
    ("lom/exe_lmsgi01_imslrm_lom-es_es.xml", "ieee-lom", ("lom-es",),
     "LMSGI01.- Intercambio de información en la Web", ["es"]),
    ("lom/exe_ova-antoniavalenzuela_imslrm_lom-es_public-domain.xml", "ieee-lom", ("lom-es",),
     "desarrollo de objetos virtuales de aprendizaje", ["es"]),
    ("lom/exe_portfolioa_imslrm_lom-es_eu.xml", "ieee-lom", ("lom-es",),
     "Nire Portafolioa", ["eu"]),
    ("lom/hs-oer-lom_v3_oerlom-example-a.xml", "hs-oer-lom", ("hs-oer-lom",),
     "Introduction to Difference Equations", ["en"]),
    ("cartridge/agrega2_scorm2004_lom-es_es_20070727_2_0130101_imsmanifest.xml", "ieee-lom",
     ("lom-es",), "Definición y elementos de los polígonos", ["es"]),
    ("cartridge/agrega2_scorm2004_lom-es_es_20070727_2_0130101_erroneo_imsmanifest.xml",
     "ieee-lom", ("lom-es",), "Definición y elementos de los polígonos", ["es"]),
    ("cartridge/cc2olx_allyworkshop_canvas_cc13_imsmanifest.xml", "ieee-lom", (),
     "Ally: Accessibility Workshop", []),
    ("cartridge/cc2olx_fixture_main_cc13_imsmanifest.xml", "ieee-lom", (), "Course", []),
]  # fmt: skip


@pytest.mark.parametrize(("name", "dialect", "profiles", "title", "languages"), FACTS)
def test_binding_profile_title_and_languages(
    name: str, dialect: str, profiles: tuple[str, ...], title: str, languages: list[str]
) -> None:
    [result] = results(name)
    record = result.record
    assert record is not None
    assert record.dialect == dialect
    assert record.profiles == profiles
    assert (record.title or "").startswith(title)
    assert [lang.value for lang in record.languages] == languages


# -- LOM-ES: extensions are read, not reported ---------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "lom/agrega2_lom-es_metadato1_N24_bilingual.xml",
        "lom/agrega2_lom-es_metadato_infantil05.xml",
        "lom/agrega2_lom-es_metadatoNoValido.xml",
        "lom/exe_celengan_imslrm_lom-es_id.xml",
        "lom/exe_kanrawee_imslrm_lom-es_th.xml",
        "lom/exe_lmsgi01_imslrm_lom-es_es.xml",
        "lom/exe_ova-antoniavalenzuela_imslrm_lom-es_public-domain.xml",
        "lom/exe_portfolioa_imslrm_lom-es_eu.xml",
        "cartridge/agrega2_scorm2004_lom-es_es_20070727_2_0130101_imsmanifest.xml",
        "cartridge/agrega2_reload_scorm2004_lom-es_4-lom-blocks_imsmanifest.xml",
    ],
)
def test_lom_es_records_have_no_structure_finding(name: str) -> None:
    """rights/access and educational/cognitiveProcess are LOM-ES's, and the eXe and
    Reload uniqueElementName attributes belong to the IEEE binding's 'unique' schema."""
    for result in results(name):
        assert messages(result, "STD002") == []
        assert result.record is not None
        assert result.record.profiles == ("lom-es",)


def test_lom_es_access_and_cognitive_process_are_read() -> None:
    [result] = results("lom/agrega2_lom-es_metadato_infantil05.xml")
    record = result.record
    assert record is not None
    assert (
        len([t for t in record.vocabulary_terms if t.element == "educational.cognitiveProcess"])
        == 6
    )
    assert [t.element for t in record.access_conditions] == ["rights.access.accessType"]


def test_two_pairs_in_one_element_are_the_real_cardinality_violations() -> None:
    """metadatoCompleto: 24 structure findings before (every <source> and <value> twice,
    and the LOM-ES extensions); now one per element holding two pairs, read in full."""
    [result] = results("lom/agrega2_lom-es_metadatoCompleto_iso-8859-1.xml")
    found = messages(result, "STD002")
    assert len(found) == 12
    assert all(" holds more than one " in m for m in found)
    assert [m.split(" holds")[0] for m in found] == [
        "lifeCycle.contribute.role",
        "lifeCycle.contribute.date",
        "metaMetadata.contribute.role",
        "metaMetadata.contribute.date",
        "technical.requirement.orComposite.type",
        "technical.requirement.orComposite.name",
        "educational.learningResourceType",
        "educational.intendedEndUserRole",
        "educational.context",
        "educational.cognitiveProcess",
        "annotation.date",
        "classification.purpose",
    ]
    assert found[9].endswith("the LOM-ES profile allows one")
    assert found[0].endswith("the IEEE 1484.12.3 LOM XML binding allows one")
    # every value read, and every one in LOM-ES's vocabularies (source "LOM-ES V1.0")
    assert messages(result, "STD003", "STD007") == []
    record = result.record
    assert record is not None
    assert [t.value for t in record.educational_levels] == ["classroom", "teacher"]
    assert messages(result, "STD004") == ["duration 'P7DT' has no duration component"]


def test_elements_in_no_namespace_are_one_finding_and_read() -> None:
    [result] = results("lom/agrega2_lom-es_metadatoLote1_no-namespace.xml")
    [message] = messages(result, "STD002")
    assert "in no namespace" in message and "prefix 'imsmd'" in message
    record = result.record
    assert record is not None
    assert len(record.keywords) > 0 and record.licences


def test_the_ieee_namespace_under_the_imsmd_prefix_is_read_as_ieee() -> None:
    found = results("cartridge/agrega2_reload_scorm2004_lom-es_4-lom-blocks_imsmanifest.xml")
    assert len(found) == 4
    assert all(r.record is not None and r.record.dialect == "ieee-lom" for r in found)
    assert [r.record.title for r in found if r.record][3] == "Historia de la Publicidad"
    assert all(not messages(r, "STD002", "STD003") for r in found)


def test_the_misspelt_role_is_reported_and_its_correct_twin_is_not() -> None:
    [wrong] = results(
        "cartridge/agrega2_scorm2004_lom-es_es_20070727_2_0130101_erroneo_imsmanifest.xml"
    )
    [finding] = [f for f in wrong.findings if f.rule == "STD003"]
    assert finding.message == (
        "lifeCycle.contribute.role value 'publiser' is not in the LOM-ESv1.0 vocabulary"
    )
    assert (finding.hint or "").startswith("write 'publisher'")
    [right] = results("cartridge/agrega2_scorm2004_lom-es_es_20070727_2_0130101_imsmanifest.xml")
    assert messages(right, "STD003", "STD007") == []


def test_exe_values_outside_the_lom_es_vocabularies() -> None:
    [result] = results("lom/exe_lmsgi01_imslrm_lom-es_es.xml")
    assert messages(result, "STD003") == [
        "educational.learningResourceType has an empty value",
        "rights.copyrightAndOtherRestrictions value 'None' is not in the LOM-ESv1.0 vocabulary",
    ]


def test_a_value_without_source_in_a_lom_es_record_takes_lom_es() -> None:
    [result] = results("lom/agrega2_lom-es_metadato1_N24_bilingual.xml")
    record = result.record
    assert record is not None and record.copyright_restrictions is not None
    assert record.copyright_restrictions.value == "propietary license"
    assert record.copyright_restrictions.source is None
    assert messages(result, "STD003") == []


# -- NL-LOM (Edurep, IMS MD 1.2 namespace) ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "roles"),
    [
        ("lom/surf_edurep_oaipmh_listrecords_delta_imsmd_v1p2.xml", 4),
        ("lom/surf_edurep_oaipmh_listrecords_page2_imsmd_v1p2.xml", 4),
    ],
)
def test_edurep_nl_lom_records(name: str, roles: int) -> None:
    found = results(name)
    assert all(r.record is not None and r.record.profiles == ("nl-lom",) for r in found)
    assert all(not messages(r, "STD002") for r in found)
    # what stays is real: institution kinds declared as LOMv1.0 roles
    vocabulary = [m for r in found for m in messages(r, "STD003")]
    assert len(vocabulary) == roles
    assert all(
        m.startswith("lifeCycle.contribute.role value ")
        and m.endswith("is not in the LOMv1.0 vocabulary")
        for m in vocabulary
    )
    assert {m.split("'")[1] for m in vocabulary} <= {"hogeschool", "university"}
    # their contexts name NL-LOM's czp vocabulary (HBO, WO), whose tokens they are
    contexts = {
        (t.source, t.value)
        for r in found
        if r.record is not None
        for t in r.record.vocabulary_terms
        if t.element == "educational.context"
    }
    assert contexts and all("vdex_context_czp_20060628" in (s or "") for s, _ in contexts)
    assert {v for _, v in contexts} <= {"HBO", "WO"}


# -- HS-OER-LOM -------------------------------------------------------------------------------


def test_hs_oer_lom_v3_is_judged_by_its_profile() -> None:
    """Root <metadata> wrapper, own namespace: Author/Creator/Provider/Discipline are the
    profile's tokens, otherplatformrequirements is plain text and 00:31:33 a clock time."""
    [result] = results("lom/hs-oer-lom_v3_oerlom-example-a.xml")
    assert [f.rule for f in result.findings if f.rule.startswith("STD")] == []
    record = result.record
    assert record is not None
    assert [d.value for d in record.durations] == ["00:31:33"]
    roles = [t.value for t in record.vocabulary_terms if t.element.endswith("contribute.role")]
    assert roles == ["Author", "Creator", "Provider"]
