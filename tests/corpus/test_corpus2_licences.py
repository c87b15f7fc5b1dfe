"""Licences and rights in ../shared/corpus-2, as a librarian reads them.

For each file: the multiset of ``(openness, identifier)`` over the statements of its
records (the identifier as in ``test_corpus_licences``: SPDX id, else canonical URL,
else the short name of a version-less CC licence, else the family of a rights
statement), and the LIC findings that must and must not appear.  The facts were
written by reading the files: LOM-ES vocabulary values ("propietary license" is
LOM-ES's own spelling of a proprietary licence, "None" stands for no value), Agrega's
Spanish text (non-commercial educational use, derived works without profit, the source
named: it restates the NC condition of the CC BY-NC-SA value next to it), a
Wikipedia article given as the link of a public-domain claim, a repository's postal
address in dc:rights, a rightsstatements.org page URL in edm:rights.

The QUADRIGA licence objects belong to the JSON-LD reader's tests.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import oer_meta

from ..corpus_paths import corpus2_files, corpus_id, needs_corpus2
from .test_corpus_licences import ANY, NC, NOT, OPEN, PD, UNK, Fact, _identifier, _unmatched

ALL_FILES = corpus2_files()

CART = "corpus-2/cartridge/"
DCT = "corpus-2/dcterms/"
JSONLD = "corpus-2/jsonld/"
LOM = "corpus-2/lom/"
OAI = "corpus-2/oai_dc/"

NC_PROSE = (NOT, "non-commercial-only")
AGREGA = {(NC, "CC BY-NC-SA"): 1, NC_PROSE: 1}

#: Per file (``corpus-2/...``): the licence facts over all its records; a file absent
#: from this dict states no licence at all.
EXPECTED: dict[str, dict[Fact, int]] = {
    CART + "agrega2_reload_scorm2004_lom-es_4-lom-blocks_imsmanifest.xml": {
        (NC, "CC BY-NC-SA"): 4,
        NC_PROSE: 4,
    },
    CART + "agrega2_scorm2004_lom-es_es_20070727_2_0130101_erroneo_imsmanifest.xml": AGREGA,
    CART + "agrega2_scorm2004_lom-es_es_20070727_2_0130101_imsmanifest.xml": AGREGA,
    # "CC Attribution Share Alike - http://creativecommons.org/licenses/by-sa/4.0"
    CART + "cc2olx_allyworkshop_canvas_cc13_imsmanifest.xml": {(OPEN, "CC-BY-SA-4.0"): 1},
    # "Public Domain - http://en.wikipedia.org/wiki/Public_domain": the words claim the
    # public domain, the link is an encyclopedia article
    CART + "cc2olx_fixture_main_cc13_imsmanifest.xml": {(PD, "public-domain-statement"): 1},
    # a postal address, e-mail and telephone of the library: whom to ask, no licence
    DCT + "dlme_ucla_oaipmh_listrecords_oai_dpla.xml": {(UNK, "contact-statement"): 25},
    # edm:rights http://rightsstatements.org/page/NoC-US/1.0/ (the page, not the URI)
    DCT + "dpla_ohio_bgsu_oai_qdc_record.xml": {(UNK, "rightsstatements"): 1},
    # the course, and its "Course Slides" part: a complete description of its own
    # (title, licence, description), read as a record of its own since issue 9 §1
    JSONLD + "bioschemas_course_1.0-release.json": {
        (OPEN, "https://creativecommons.org/licenses/by/2.0/ca/"): 1,
        (OPEN, "CC-BY-4.0"): 1,
    },
    JSONLD + "bioschemas_trainingmaterial_0.9-draft.json": {(OPEN, "CC-BY-4.0"): 1},
    JSONLD + "tess_gtn_ext_res_array.json": {(OPEN, "CC-BY-4.0"): 1},
    JSONLD + "tess_gtn_galaxy-intro-101.html": {(OPEN, "CC-BY-4.0"): 1},
    JSONLD + "tess_gtn_slides-introduction.html": {(OPEN, "CC-BY-4.0"): 1},
    LOM + "agrega2_lom-es_metadato1_N24_bilingual.xml": {NC_PROSE: 1, (NOT, "proprietary"): 1},
    # "Esta licencia permite usar, reproducir, discutir y generar obras" names no licence
    LOM + "agrega2_lom-es_metadatoCompleto_iso-8859-1.xml": {
        (UNK, None): 1,
        (NOT, "proprietary"): 1,
    },
    LOM + "agrega2_lom-es_metadatoLote1_no-namespace.xml": AGREGA,
    LOM + "agrega2_lom-es_metadato_infantil05.xml": AGREGA,
    LOM + "exe_kanrawee_imslrm_lom-es_th.xml": {(OPEN, "CC BY-SA"): 1},
    LOM + "exe_portfolioa_imslrm_lom-es_eu.xml": {(OPEN, "CC BY-SA"): 1},
    LOM + "exe_lmsgi01_imslrm_lom-es_es.xml": {(UNK, "not-stated"): 1},
    LOM + "exe_ova-antoniavalenzuela_imslrm_lom-es_public-domain.xml": {
        (PD, "public-domain-statement"): 1
    },
    LOM + "hs-oer-lom_v3_oerlom-example-a.xml": {(PD, "CC0-1.0"): 1},
    LOM + "surf_edurep_oaipmh_listrecords_delta_imsmd_v1p2.xml": {
        (OPEN, "CC-BY-4.0"): 2,
        (NOT, "CC-BY-NC-ND-4.0"): 4,
        (OPEN, "CC-BY-SA-4.0"): 2,
    },
    LOM + "surf_edurep_oaipmh_listrecords_page2_imsmd_v1p2.xml": {
        (NC, "CC-BY-NC-4.0"): 2,
        (OPEN, "CC-BY-4.0"): 2,
    },
    # 4 of the 100 records: info:eu-repo/semantics/OpenAccess, an access term
    OAI + "dlme_hal_oaipmh_listrecords_oai_dc_100.xml": {(UNK, "access-statement"): 4},
    OAI + "ojs_oai_dc_expectedResult_placeholders.xml": {(NOT, "copyright-notice"): 1},
    # not namespace-well-formed, read with the usual namespaces: "free text rights" and
    # edm:rights "http://rs.org" (a truncated placeholder) are no licence oer_meta knows
    DCT + "dpla_il_carli_oai_qdc_record_unbound-prefixes.xml": {(UNK, None): 2},
    # the Clemson fair-use text: permission is required to publish or reproduce
    DCT + "dpla_scdl_clemson_qdc_record_dc-bound-to-xhtml.xml": {(NOT, "proprietary"): 1},
}

#: Licences in JSON-LD licence objects: asserted by the JSON-LD reader's tests.
ELSEWHERE = frozenset(
    {
        JSONLD + "quadriga_bewegtes-bild-fallstudie-1_metadata.jsonld",
        JSONLD + "quadriga_tabelle-fallstudie-3_metadata.jsonld",
    }
)

#: Per file: LIC codes that must appear, and LIC codes that must not.
FINDINGS: dict[str, tuple[set[str], set[str]]] = {
    # CC BY-NC-SA with Spanish prose restating NC: no contradiction
    LOM + "agrega2_lom-es_metadato_infantil05.xml": ({"LIC004"}, {"LIC003", "LIC006"}),
    CART + "agrega2_reload_scorm2004_lom-es_4-lom-blocks_imsmanifest.xml": (
        {"LIC004"},
        {"LIC003", "LIC006"},
    ),
    # copyright "yes" next to a public-domain claim (with a Wikipedia link) / CC0
    CART + "cc2olx_fixture_main_cc13_imsmanifest.xml": ({"LIC006"}, {"LIC002", "LIC001"}),
    LOM + "hs-oer-lom_v3_oerlom-example-a.xml": ({"LIC006"}, {"LIC001", "LIC002"}),
    CART + "cc2olx_allyworkshop_canvas_cc13_imsmanifest.xml": (
        set(),
        {"LIC002", "LIC005", "LIC006"},
    ),
    # "None" in the copyright slot: no licence, said so
    LOM + "exe_lmsgi01_imslrm_lom-es_es.xml": ({"LIC001"}, {"LIC002"}),
    # "propietary license": a proprietary licence, not an unknown text
    LOM + "agrega2_lom-es_metadatoCompleto_iso-8859-1.xml": ({"LIC003"}, set()),
    LOM + "agrega2_lom-es_metadato1_N24_bilingual.xml": ({"LIC003"}, {"LIC002", "LIC006"}),
    OAI + "dlme_hal_oaipmh_listrecords_oai_dc_100.xml": ({"LIC001"}, {"LIC002"}),
    DCT + "dlme_ucla_oaipmh_listrecords_oai_dpla.xml": ({"LIC002"}, {"LIC001"}),
    DCT + "dpla_ohio_bgsu_oai_qdc_record.xml": ({"LIC002"}, {"LIC001"}),
    OAI + "ojs_oai_dc_expectedResult_placeholders.xml": ({"LIC003"}, set()),
}


def _report(path: Path) -> oer_meta.Report:
    return oer_meta.validate(path, select=["LIC"])


@needs_corpus2
@pytest.mark.parametrize("path", ALL_FILES, ids=corpus_id)
def test_licence_facts_of_each_file(path: Path) -> None:
    name = corpus_id(path)
    if name in ELSEWHERE:
        pytest.skip("licence objects: asserted by the JSON-LD reader's tests")
    records = [r.record for r in _report(path).results if r.record is not None]
    facts: Counter[Fact] = Counter()
    for record in records:
        for statement in record.licences:
            assert statement.licence is not None
            facts[(statement.openness, _identifier(statement.licence))] += 1
    expected = EXPECTED.get(name, {})
    assert ANY not in {ident for _, ident in expected}
    assert _unmatched(facts, expected) == ({}, {})


@needs_corpus2
@pytest.mark.parametrize("name", sorted(FINDINGS))
def test_lic_findings_that_must_and_must_not_appear(name: str) -> None:
    path = next(p for p in ALL_FILES if corpus_id(p) == name)
    said = {f.rule for f in _report(path).findings}
    must, must_not = FINDINGS[name]
    assert must <= said
    assert not (must_not & said)


@needs_corpus2
def test_the_public_domain_claim_names_its_link_an_encyclopedia_article() -> None:
    path = next(p for p in ALL_FILES if "cc2olx_fixture_main" in p.name)
    [finding] = [f for f in _report(path).findings if f.rule == "LIC006"]
    assert finding.message.startswith("copyrightAndOtherRestrictions says 'yes'")
    [record] = [r.record for r in _report(path).results if r.record is not None]
    [statement] = record.licences
    assert statement.licence is not None
    assert "encyclopedia article ('Public domain' on en.wikipedia.org)" in statement.licence.reason
