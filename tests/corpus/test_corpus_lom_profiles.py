"""Asserted facts of the ScoLOMFR and NL-LOM records of ../shared/corpus (read in place):
which classification purposes and profile vocabularies their values are judged by
(issue 9, section 2, follow-up)."""

from __future__ import annotations

import pytest

import oer_meta
from oer_meta.report.results import RecordResult

from ..corpus_paths import CORPUS, corpus_files, needs_corpus

pytestmark = needs_corpus

SCOLOMFR_FILES = [
    path.name
    for path in corpus_files("lom", suffixes=(".xml",))
    if path.name.startswith(("scolomfr3utils_", "apiscol_"))
]


def results(name: str) -> list[RecordResult]:
    return [r for r in oer_meta.validate(CORPUS / "lom" / name).results if r.status == "checked"]


def purpose_messages(name: str) -> list[str]:
    return [
        f.message
        for r in results(name)
        for f in r.findings
        if f.rule == "STD003" and "classification purpose" in f.message
    ]


@pytest.mark.parametrize("name", SCOLOMFR_FILES)
def test_scolomfr_classification_purposes(name: str) -> None:
    """Only one ScoLOMFR record of the corpus puts taxons under a purpose that calls for
    another vocabulary: scolomfr3utils' 'taxon member of vocabulary by label' case, whose
    purpose value (domaine d'enseignement) contradicts both its label and its taxons
    (NiveauDétaillé); scolomfr3utils judges the taxonPath source only, a label there."""
    found = purpose_messages(name)
    if name != "scolomfr3utils_9_valid_taxon-member-of-vocabulary-by-label.xml":
        assert found == []
        return
    [message] = found
    assert "is a concept of the ScoLOMFR vocabulary scolomfr-voc-022 (NiveauDétaillé)" in message
    assert "not of scolomfr-voc-015 (DomaineEnseignement)" in message
    assert "purpose scolomfr-voc-028-num-003 (domaine d'enseignement)" in message
    assert "(the record labels it 'niveau éducatif détaillé') (3 such values" in message


def test_the_corpus_holds_the_scolomfr_records() -> None:
    assert len(SCOLOMFR_FILES) >= 15


def test_wrong_purpose_case_is_reported_once_by_its_source() -> None:
    """scolomfr3utils' 'classification with wrong purpose': the taxons (scolomfr-voc-015)
    fit the purpose but not their taxonPath source (scolomfr-voc-022); one finding."""
    name = "scolomfr3utils_9_invalid_classification-with-wrong-purpose.xml"
    [result] = results(name)
    [message] = [f.message for f in result.findings if f.rule == "STD003"]
    assert "not of the vocabulary its taxonPath source names, scolomfr-voc-022" in message


# -- NL-LOM (Edurep, SURF) ----------------------------------------------------------------

LRT = "educational.learningResourceType value "
CZP = "http://purl.edustandaard.nl/vdex_learningresourcetype_czp_20060628.xml"
LOM_VDEX = "http://purl.edustandaard.nl/vdex_learningresourcetype_lomv1p0_20060628.xml"


def vocabulary_messages(name: str) -> list[str]:
    return sorted(
        f.message
        for r in results(name)
        for f in r.findings
        if f.rule in ("STD003", "STD007") and f.message.startswith("educational.")
    )


def test_anatomytool_types_are_judged_by_the_nl_lom_czp_vocabulary() -> None:
    """English renderings written under the czp VDEX, whose tokens are Dutch
    (informatiebron, verkennings- en onderzoeksmateriaal...); 'figure' under NL-LOM's
    LOMv1.0 edition and the contexts 'higher education' and 'other' pass."""
    found = vocabulary_messages("surf_anatomytool_oaipmh_listrecords_nl_lom.xml")
    end = f" is not in the {CZP} vocabulary"
    assert found == sorted(
        [f"{LRT}'exploratory and research material'{end}"] * 3
        + [f"{LRT}'information resource'{end}"] * 4
        + ["educational.intendedEndUserRole has an empty value"]
    )


def test_edurep_types_are_judged_by_nl_lom_s_edition_of_lomv1_0() -> None:
    """SURF's 'kennisclip' and 'weblecture' declared under the NL-LOM VDEX of the
    LOMv1.0 learning resource types; the czp contexts (HBO, WO) are its tokens."""
    found = [
        m
        for m in vocabulary_messages("surf_edurep_oaipmh_listrecords_imsmd_v1p2.xml")
        if m.startswith(LRT)
    ]
    end = f" is not in the {LOM_VDEX} vocabulary"
    assert found == sorted([f"{LRT}'kennisclip'{end}"] * 4 + [f"{LRT}'weblecture'{end}"])
    assert not any(
        "context" in f.message
        for r in results("surf_edurep_oaipmh_listrecords_imsmd_v1p2.xml")
        for f in r.findings
        if f.rule in ("STD003", "STD007")
    )
