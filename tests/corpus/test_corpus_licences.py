"""Every licence statement of ../shared/corpus, parsed; and what a librarian concludes
from each file.

The first test checks the pipeline: each statement a record carries has been annotated
with what :func:`parse_licence` says about its raw text.  The others check facts written
by reading the files (not by running the parser): for each file, the multiset of
``(openness, identifier)`` over its statements, where the identifier is the SPDX id, else
the canonical licence URL (CC ports), else the short name of a version-less CC licence,
else the family of a rights statement (``copyright-notice``, ``restricted``...).
``ANY`` leaves the identifier open where the conventions do not decide it (long prose,
a site page of no telling name); the openness is still asserted.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest

import oer_meta
from oer_meta.knowledge.licences import Licence, parse_licence
from oer_meta.knowledge.licences.model import STATEMENT_FAMILIES
from oer_meta.knowledge.licences.record import COPYRIGHT_FIELD
from oer_meta.model import LicenceStatement, Record

from ..corpus_paths import CORPUS, corpus_files, corpus_id, needs_corpus

ALL_FILES = corpus_files()

PD = "public-domain"
OPEN = "open"
NC = "open-noncommercial"
NOT = "not-open"
UNK = "unknown"
ANY = "*"

Fact = tuple[str, str | None]


CC0 = "CC0-1.0"
CC_BY_SA_4 = "CC-BY-SA-4.0"
CC_BY_4 = "CC-BY-4.0"

#: Per file: {(openness, identifier): count} over the statements of all its records
#: (``record.licences``, including a licence written in LOM's copyright slot).
#: A file absent from this dict states no licence at all.
EXPECTED_LICENCES: dict[str, dict[Fact, int]] = {
    # --- AMB (schema.org JSON-LD): licence URLs in "license" ---
    "amb/examples-invalid/Mozilla-Public-License.json": {(OPEN, "MPL-2.0"): 1},
    "amb/examples-invalid/conceptWithMonolingualLabels.json": {(PD, CC0): 1},
    "amb/examples-invalid/inLanguageWithoutArray.json": {(PD, CC0): 1},
    "amb/examples-invalid/isBasedOn_noArray.json": {(PD, CC0): 1},
    "amb/examples-invalid/isBasedOn_noIdOrName.json": {(PD, CC0): 1},
    "amb/examples-invalid/keywordWithoutArray.json": {(PD, CC0): 1},
    "amb/examples-invalid/license-as-string.json": {(PD, CC0): 1},
    "amb/examples-invalid/mainEntityOf.json": {(PD, CC0): 1},
    "amb/examples-invalid/noContext.json": {(PD, CC0): 1},
    "amb/examples-invalid/wrongDateTime.json": {(PD, CC0): 1},
    "amb/examples-valid/MIT-License.json": {(OPEN, "MIT"): 1},
    "amb/examples-valid/affiliation.json": {(PD, CC0): 1},
    "amb/examples-valid/affiliationOhneId.json": {(PD, CC0): 1},
    "amb/examples-valid/conceptsAsObjectWithUriOnly.json": {(PD, CC0): 1},
    "amb/examples-valid/conceptsWithMultilingualLabels.json": {(OPEN, "AGPL-3.0-only"): 1},
    "amb/examples-valid/dateTime.json": {(PD, CC0): 1},
    "amb/examples-valid/highered-course-part.json": {(OPEN, CC_BY_SA_4): 1},
    "amb/examples-valid/highered-course.json": {(OPEN, CC_BY_SA_4): 1},
    "amb/examples-valid/highered-figure.json": {(OPEN, CC_BY_SA_4): 1},
    "amb/examples-valid/isBasedOn.json": {(PD, CC0): 1},
    "amb/examples-valid/isBasedOn_idOnly.json": {(PD, CC0): 1},
    "amb/examples-valid/isBasedOn_nameOnly.json": {(PD, CC0): 1},
    "amb/examples-valid/mainEntityOf.json": {(PD, CC0): 1},
    "amb/examples-valid/oerInMultipleLanguages.json": {(PD, CC0): 1},
    "amb/examples-valid/tutoryExample.json": {(PD, CC0): 1},
    "amb/oersi-etl_duepublico_concatenated.json": {
        (NC, "CC-BY-NC-SA-4.0"): 1,
        (OPEN, CC_BY_SA_4): 1,
    },
    "amb/oersi-etl_orca-conform.json": {(OPEN, CC_BY_SA_4): 1},
    # two deed URLs and one legalcode URL of CC0; four records state nothing
    "amb/oersi-etl_orca-invalid.jsonl": {(PD, CC0): 3, (OPEN, CC_BY_SA_4): 1},
    "amb/oersi-etl_orca-markus.json": {(OPEN, CC_BY_SA_4): 1},
    # --- content packages (LOM inside imsmanifest) ---
    # version-less French name: BY-NC of unknown version, in both records
    "cartridge/apiscol_bare_manifest.xml": {(NC, "CC BY-NC"): 2},
    # French name followed by the 3.0 FR URL: the URL decides (no SPDX id for the port)
    "cartridge/apiscol_imsld_cuisson_imsmanifest.xml": {
        (NC, "https://creativecommons.org/licenses/by-nc-sa/3.0/fr/"): 10
    },
    # --- NSDL Dublin Core ---
    # 26 records state BY-NC 3.0 twice (name, then URL); the rest give a copyright line
    # and/or a link to the site's terms page; one names a rights holder only.
    "dcterms/lr_envelopes_nsdl_dc_100docs.json": {
        (NC, "CC-BY-NC-3.0"): 52,
        (NOT, "copyright-notice"): 57,
        (UNK, "terms-of-use"): 22,
        (UNK, ANY): 7,
    },
    "dcterms/lr_nsdl_dc_doc000.xml": {(NOT, "copyright-notice"): 1},
    "dcterms/lr_nsdl_dc_doc001.xml": {(NC, "CC-BY-NC-3.0"): 2},
    "dcterms/lr_nsdl_dc_doc003.xml": {(NOT, "copyright-notice"): 1},
    "dcterms/lr_nsdl_dc_doc011.xml": {(NOT, "copyright-notice"): 1, (UNK, "terms-of-use"): 1},
    "dcterms/lr_nsdl_dc_doc050.xml": {(NOT, "copyright-notice"): 1, (UNK, "terms-of-use"): 1},
    "dcterms/lr_nsdl_dc_doc053.xml": {(NOT, "copyright-notice"): 1},
    # a rights holder's name (no statement to recognise) and the site's terms page
    "dcterms/lr_nsdl_dc_doc084.xml": {(UNK, None): 1, (UNK, "terms-of-use"): 1},
    # --- LRMI: useRightsUrl points at a site's terms page ---
    "jsonld/dcmi-lrmi_LRexample01.jsonld": {(UNK, "terms-of-use"): 1},
    # --- LOM ---
    # EC notice: copyright, reproduction allowed with the source named; no adaptation right
    "lom/apiscol_appel-hanovre-87451.xml": {(NOT, ANY): 1},
    "lom/apiscol_cuisson1.xml": {(NC, "CC BY-NC"): 1},
    # personal/professional use only, commercial use excluded, rights reserved
    "lom/apiscol_eau_dans_tous_ses_etats.xml": {(NOT, ANY): 1},
    "lom/apiscol_ecriture-maternelle-159857.xml": {(NOT, ANY): 1},
    # the ministry's editorial content stays protected by copyright
    "lom/apiscol_extraction-scolomfr-educasources-79726.xml": {(NOT, ANY): 1},
    # "Tous droits de reproduction sont réservés"
    "lom/apiscol_extraction-scolomfr-educasources-88183.xml": {(NOT, ANY): 1},
    "lom/apiscol_extraction-scolomfr-educasources-90524.xml": {(NOT, ANY): 1},
    # rights "not specified on the website", then an address
    "lom/apiscol_gaz-schiste-158905.xml": {(UNK, ANY): 1},
    "lom/hs-oer-lom_draft_full-example-a.xml": {(PD, CC0): 1},
    "lom/hs-oer-lom_draft_rights-example.xml": {(OPEN, CC_BY_SA_4): 1},
    "lom/lom2mlr_4c990689afe953.52824410.lom.xml": {
        (NC, "https://creativecommons.org/licenses/by-nc-sa/2.5/ca/"): 1
    },
    # "copyright as provided by law": protected, no licence
    "lom/lom2mlr_4c9912151c8a69.88090749.lom.xml": {(NOT, ANY): 1},
    "lom/lom2mlr_4c991751a5af92.97140698.lom.xml": {(NOT, "restricted"): 1},
    # "cite the source" / "name the author and publisher": a condition, no grant
    "lom/lom2mlr_4c99175385abe2.62701286.lom.xml": {(UNK, ANY): 1},
    "lom/lom2mlr_4c99176560aa44.49247292.lom.xml": {(UNK, ANY): 1},
    "lom/lom2mlr_4ca17a9f743cb0.97951973.lom.xml": {
        (NOT, "https://creativecommons.org/licenses/by-nc-nd/2.5/ca/"): 1
    },
    "lom/lom2mlr_4d38368591a687.29499110.lom.xml": {(NOT, "CC-BY-NC-ND-3.0"): 1},
    "lom/lom2mlr_4f708a4965ba09.14975134.lom.xml": {(OPEN, "CC-BY-SA-3.0"): 1},
    # videos for educational, non-profit consultation on the site only; no copying
    "lom/lom2mlr_Valid.xml": {(NOT, ANY): 1},
    # "rights reserved to the publisher and the authors"
    "lom/lom2mlr_canal-u.fr-67.lom.xml": {(NOT, ANY): 1},
    # classroom use; extracts elsewhere with the source named
    "lom/lom2mlr_respel-5214.lom.xml": {(NOT, ANY): 1},
    "lom/lom2mlr_ressource-ressfranc30.lom.xml": {(NOT, "copyright-notice"): 1},
    # a protected work, property of the campus
    "lom/lom2mlr_unit-ori-wf-1-4369.lom.xml": {(NOT, ANY): 1},
    "lom/scolomfr3utils_1_invalid_double-general.xml": {
        (OPEN, "https://creativecommons.org/licenses/by/2.0/fr/"): 1
    },
    "lom/scolomfr3utils_labels_valid_exemple.xml": {
        (OPEN, "https://creativecommons.org/licenses/by/2.0/fr/"): 1
    },
    # 10 records: 9 rights/description (URLs, a site licence page, "Copyrighted") and
    # 8 licence names in the copyright slot (one record has "unknown", one "yes")
    "lom/surf_anatomytool_oaipmh_listrecords_nl_lom.xml": {
        (NC, "CC-BY-NC-SA-4.0"): 12,
        (OPEN, CC_BY_4): 2,
        (OPEN, CC_BY_SA_4): 2,
        (UNK, ANY): 1,
        (NOT, ANY): 1,
    },
    # 9 records: NL-LOM codes in the copyright slot (cc-by-40 x6, cc-by-sa-40, yes) and
    # URLs in the description; one record holds no rights at all
    "lom/surf_edurep_oaipmh_listrecords_imsmd_v1p2.xml": {
        (OPEN, CC_BY_4): 11,
        (OPEN, CC_BY_SA_4): 2,
        (NC, "CC-BY-NC-4.0"): 1,
    },
    # --- OAI Dublin Core (Library of Congress collections, EUR DSpace) ---
    "oai_dc/lr_envelopes_oai_dc_101docs.json": {
        (UNK, "no-known-restrictions"): 8,
        (NOT, "restricted"): 7,
        # "no known restrictions" for the bulk, "publication may be restricted" for a part
        (NOT, ANY): 1,
    },
    "oai_dc/lr_oai_dc_doc073.xml": {(UNK, "no-known-restrictions"): 1},
    "oai_dc/lr_oai_dc_doc093.xml": {(NOT, "restricted"): 1},
    "oai_dc/lr_oai_dc_doc096.xml": {(NOT, "restricted"): 1},
    "oai_dc/pyoai_eur-dspace_listrecords_2004.xml": {(NOT, "copyright-notice"): 1},
}

#: Licences of related resources (schema.org ``isBasedOn`` / ``hasPart``), per file.
EXPECTED_RELATION_LICENCES: dict[str, dict[Fact, int]] = {
    "amb/examples-invalid/isBasedOn_noArray.json": {(OPEN, CC_BY_4): 1},
    "amb/examples-invalid/partWithoutId.json": {(OPEN, CC_BY_4): 2},
    "amb/examples-valid/highered-figure.json": {(OPEN, "CC-BY-SA-3.0"): 1},
    "amb/examples-valid/isBasedOn.json": {(OPEN, CC_BY_4): 1},
    "amb/examples-valid/isBasedOn_nameOnly.json": {(OPEN, CC_BY_4): 1},
    "amb/examples-valid/parts.json": {(OPEN, CC_BY_4): 2},
}

#: Statements taken from LOM's copyright slot (a licence name or NL-LOM code where
#: yes/no belongs); yes, no, unknown and ScoLOMFR's .../yes_2 are not licences.
EXPECTED_COPYRIGHT_SLOT = {
    "lom/surf_anatomytool_oaipmh_listrecords_nl_lom.xml": 8,
    "lom/surf_edurep_oaipmh_listrecords_imsmd_v1p2.xml": 7,
}


@cache
def _records(path: Path) -> tuple[Record, ...]:
    return tuple(r.record for r in oer_meta.validate_many(path) if r.record is not None)


def _identifier(licence: Licence) -> str | None:
    if licence.spdx:
        return licence.spdx
    if licence.family in STATEMENT_FAMILIES or licence.family is None:
        return licence.family
    if licence.url:
        return licence.url
    return licence.short_name


def _facts(statements: list[LicenceStatement]) -> Counter[Fact]:
    facts: Counter[Fact] = Counter()
    for statement in statements:
        licence = parse_licence(statement.raw)
        facts[(statement.openness, _identifier(licence))] += 1
    return facts


def _unmatched(actual: Counter[Fact], expected: dict[Fact, int]) -> tuple[dict[Fact, int], ...]:
    """What is left on each side once exact facts, then ANY facts (by openness), pair up."""
    rest = Counter(actual)
    missing: Counter[Fact] = Counter()
    for (openness, ident), count in expected.items():
        if ident == ANY:
            continue
        taken = min(rest[(openness, ident)], count)
        rest[(openness, ident)] -= taken
        missing[(openness, ident)] += count - taken
    for (openness, ident), count in expected.items():
        if ident != ANY:
            continue
        for fact in sorted(rest, key=str):
            if fact[0] == openness and rest[fact] > 0 and count > 0:
                taken = min(rest[fact], count)
                rest[fact] -= taken
                count -= taken
        missing[(openness, ANY)] += count
    return dict(+missing), dict(+rest)


def _main_statements(path: Path) -> list[LicenceStatement]:
    return [s for record in _records(path) for s in record.licences]


def _relation_statements(path: Path) -> list[LicenceStatement]:
    return [
        s for record in _records(path) for relation in record.relations for s in relation.licences
    ]


@needs_corpus
@pytest.mark.parametrize("path", ALL_FILES, ids=corpus_id)
def test_every_statement_carries_what_the_parser_concludes(path: Path) -> None:
    for statement in _main_statements(path) + _relation_statements(path):
        licence = parse_licence(statement.raw)
        assert licence.raw == statement.raw
        assert (statement.spdx, statement.url, statement.openness) == (
            licence.spdx,
            licence.url,
            licence.openness,
        ), statement.raw


@needs_corpus
@pytest.mark.parametrize("path", ALL_FILES, ids=corpus_id)
def test_licence_facts_of_each_file(path: Path) -> None:
    expected = EXPECTED_LICENCES.get(corpus_id(path), {})
    missing, unexpected = _unmatched(_facts(_main_statements(path)), expected)
    assert (missing, unexpected) == ({}, {})


@needs_corpus
@pytest.mark.parametrize("path", ALL_FILES, ids=corpus_id)
def test_licences_of_related_resources(path: Path) -> None:
    expected = EXPECTED_RELATION_LICENCES.get(corpus_id(path), {})
    missing, unexpected = _unmatched(_facts(_relation_statements(path)), expected)
    assert (missing, unexpected) == ({}, {})


@needs_corpus
@pytest.mark.parametrize("path", ALL_FILES, ids=corpus_id)
def test_licence_in_the_copyright_slot(path: Path) -> None:
    for record in _records(path):
        slot = [s for s in record.licences if s.field == COPYRIGHT_FIELD]
        assert len(slot) <= 1, "the slot gives at most one statement per record"
    taken = [s for s in _main_statements(path) if s.field == COPYRIGHT_FIELD]
    assert len(taken) == EXPECTED_COPYRIGHT_SLOT.get(corpus_id(path), 0)
    for statement in taken:
        assert parse_licence(statement.raw).how in ("short-name", "name")


@needs_corpus
@pytest.mark.parametrize(
    ("name", "pairs"),
    [
        ("lom/surf_anatomytool_oaipmh_listrecords_nl_lom.xml", 8),
        ("lom/surf_edurep_oaipmh_listrecords_imsmd_v1p2.xml", 6),
    ],
)
def test_copyright_slot_and_description_name_the_same_licence(name: str, pairs: int) -> None:
    """In the SURF records the code or name in the slot and the URL in the description
    agree wherever both are given (edurep: one record has only the code, the BY-NC
    record has "yes" in the slot)."""
    seen = 0
    for record in _records(CORPUS / name):
        slot = [s for s in record.licences if s.field == COPYRIGHT_FIELD]
        described = [s for s in record.licences if s.field != COPYRIGHT_FIELD]
        if slot and described:
            seen += 1
            assert slot[0].spdx is not None
            assert {s.spdx for s in described} == {slot[0].spdx}
    assert seen == pairs


@needs_corpus
def test_expectations_name_real_corpus_files() -> None:
    names = {corpus_id(p) for p in ALL_FILES}
    for table in (EXPECTED_LICENCES, EXPECTED_RELATION_LICENCES, EXPECTED_COPYRIGHT_SLOT):
        assert set(table) <= names
