"""The accessibility statements of every real record in ../shared/corpus, asserted per file.

Almost no record in the corpus says anything about accessibility: that is asserted too
(and that A11Y001 says so, or A11Y008, information, in oai_dc).  The LRMI example carries
schema.org accessibility properties; one LOM test record uses the LOM classification
purpose ``accessibility restrictions``, which A11Y001 names as a weak signal; the NSDL DC
records' ``dcterms:conformsTo`` name curriculum standards, not accessibility ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import oer_meta
from oer_meta.model import Record

from ..corpus_paths import CORPUS, corpus_files, corpus_id, needs_corpus

#: Per file: the accessibility fields read (every record of the file), as values.
WITH_STATEMENTS: dict[str, dict[str, list[str]]] = {
    "jsonld/dcmi-lrmi_LRexample01.jsonld": {
        "features": ["structuralNavigation"],
        "hazards": ["noFlashingHazard", "noMotionSimulationHazard", "noSoundHazard"],
        "controls": ["fullMouseControl"],
    },
}
#: The A11Y findings on those files (rule, severity), in report order.
WITH_STATEMENTS_FINDINGS: dict[str, list[tuple[str, str]]] = {
    # no accessMode (so no A11Y005) and no summary; the three no...Hazard values agree
    "jsonld/dcmi-lrmi_LRexample01.jsonld": [("A11Y006", "info")],
}
#: Files whose LOM classification uses the purpose "accessibility restrictions".
WEAK_SIGNAL = {"lom/lom2mlr_Valid.xml"}
#: Files whose dcterms:conformsTo values are curriculum standards (ASN), not accessibility.
CURRICULUM_CONFORMS_TO = {
    "dcterms/lr_nsdl_dc_doc000.xml",
    "dcterms/lr_nsdl_dc_doc001.xml",
    "dcterms/lr_nsdl_dc_doc003.xml",
    "dcterms/lr_nsdl_dc_doc010.xml",
    "dcterms/lr_nsdl_dc_doc011.xml",
    "dcterms/lr_nsdl_dc_doc050.xml",
    "dcterms/lr_nsdl_dc_doc053.xml",
}

RECORD_FILES = [
    p
    for p in corpus_files(suffixes=(".xml", ".json", ".jsonld", ".jsonl"))
    if not corpus_id(p).startswith(("xsd/", "amb/schema/"))
    and p.name != "rise_scorm2004_imsmanifest.xml"  # a manifest pointing to another file
]


def _statements(record: Record) -> dict[str, list[str]]:
    a11y = record.accessibility
    return {
        name: [item.value for item in getattr(a11y, name)]
        for name in type(a11y).model_fields
        if getattr(a11y, name)
    }


def _checked(path: Path) -> list[oer_meta.RecordResult]:
    report = oer_meta.validate(path, select=["A11Y"])
    return [r for r in report.results if r.status == "checked" and r.record is not None]


@needs_corpus
def test_the_corpus_is_there_and_the_listed_files_exist() -> None:
    assert len(RECORD_FILES) > 100
    for name in [*WITH_STATEMENTS, *WEAK_SIGNAL, *CURRICULUM_CONFORMS_TO]:
        assert (CORPUS / name).is_file(), name


@needs_corpus
@pytest.mark.parametrize("path", RECORD_FILES, ids=corpus_id)
def test_accessibility_statements_per_file(path: Path) -> None:
    name = corpus_id(path)
    results = _checked(path)
    if not results:  # an OAI-PMH deleted-record header: nothing to read
        statuses = {r.status for r in oer_meta.validate(path, select=["A11Y"]).results}
        assert statuses == {"deleted"}
    expected = WITH_STATEMENTS.get(name, {})
    for result in results:
        assert result.record is not None
        assert _statements(result.record) == expected


@needs_corpus
@pytest.mark.parametrize("path", RECORD_FILES, ids=corpus_id)
def test_a11y_findings_per_file(path: Path) -> None:
    name = corpus_id(path)
    for result in _checked(path):
        assert result.record is not None
        found = [(f.rule, f.severity.value) for f in result.findings]
        if name in WITH_STATEMENTS_FINDINGS:
            assert found == WITH_STATEMENTS_FINDINGS[name]
            continue
        # nothing said: A11Y001, A11Y003 and A11Y006; in oai_dc, which cannot say it,
        # A11Y008 and A11Y010, information
        if result.record.dialect == "oai_dc":
            assert found == [("A11Y008", "info"), ("A11Y010", "info"), ("A11Y006", "info")]
        else:
            assert found == [("A11Y001", "warning"), ("A11Y003", "warning"), ("A11Y006", "info")]
        missing = result.findings[0]
        assert ("accessibility restrictions" in missing.message) is (name in WEAK_SIGNAL)
        assert missing.location.file == str(path)


@needs_corpus
@pytest.mark.parametrize("name", sorted(CURRICULUM_CONFORMS_TO))
def test_curriculum_standards_in_conforms_to_are_relations_only(name: str) -> None:
    (record,) = list(oer_meta.read_records(CORPUS / name))
    targets = [r.target or "" for r in record.relations if r.kind == "conformsTo"]
    assert targets and all(t.startswith("http://purl.org/ASN/resources/") for t in targets)
    assert record.accessibility.conforms_to == ()


@needs_corpus
def test_the_learning_registry_envelopes_carry_no_accessibility() -> None:
    for name in (
        "dcterms/lr_envelopes_nsdl_dc_100docs.json",
        "oai_dc/lr_envelopes_oai_dc_101docs.json",
    ):
        records = [r.record for r in _checked(CORPUS / name) if r.record is not None]
        assert len(records) >= 100
        assert all(r.accessibility.is_empty() for r in records)
