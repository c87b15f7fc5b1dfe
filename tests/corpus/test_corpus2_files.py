"""Every file of ../shared/corpus-2 (the second batch of real records) goes through the
whole pipeline without an exception, and each yields what a librarian counts in it.

Per-concern facts (licences, languages, profiles, people) live beside those of the first
batch; this module holds the whole-pipeline facts: records per file and their statuses.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import oer_meta

from ..corpus_paths import CORPUS2, corpus2_files, corpus_id, needs_corpus2

ALL_FILES = corpus2_files()


@needs_corpus2
def test_the_second_batch_holds_the_42_files_its_sources_list() -> None:
    assert len(ALL_FILES) == 42


@needs_corpus2
@pytest.mark.parametrize("path", ALL_FILES, ids=corpus_id)
def test_every_file_validates_without_exception(path: Path) -> None:
    report = oer_meta.validate(path)
    assert len(report.results) >= 1, "every input yields at least one result"
    data = json.loads(report.to_json())
    assert data["summary"]["records"] == len(report.results)
    for result in report.results:
        assert result.source == str(path)
        assert not result.internal_errors
        for finding in result.findings:
            assert finding.location.file in (str(path), None)
            assert finding.areas


@needs_corpus2
@pytest.mark.parametrize(
    ("name", "checked", "deleted"),
    [
        ("lom/surf_edurep_oaipmh_listrecords_delta_imsmd_v1p2.xml", 4, 2),
        ("lom/surf_edurep_oaipmh_listrecords_page2_imsmd_v1p2.xml", 3, 0),
        ("oai_dc/dlme_hal_oaipmh_listrecords_oai_dc_100.xml", 100, 0),
        ("dcterms/dlme_ucla_oaipmh_listrecords_oai_dpla.xml", 25, 0),
        ("jsonld/tess-scraper_sib_courseinstances_39.json", 39, 0),
        ("cartridge/agrega2_reload_scorm2004_lom-es_4-lom-blocks_imsmanifest.xml", 4, 0),
    ],
)
def test_record_counts(name: str, checked: int, deleted: int) -> None:
    statuses = [r.status for r in oer_meta.validate(CORPUS2 / name).results]
    assert statuses.count("checked") == checked
    assert statuses.count("deleted") == deleted


@needs_corpus2
def test_an_oai_pmh_error_response_is_reported_as_such() -> None:
    report = oer_meta.validate(CORPUS2 / "oai_dc/dlme_qdl_oaipmh_error_badResumptionToken.xml")
    assert [r.status for r in report.results] == ["unreadable"]
    assert "badResumptionToken" in report.results[0].findings[0].message


@needs_corpus2
@pytest.mark.parametrize(
    ("name", "title", "repaired"),
    [
        (
            "dcterms/dpla_il_carli_oai_qdc_record_unbound-prefixes.xml",
            "Bridges, viaducts, and underpasses: Michigan Ave. Viaduct 9, Image 10",
            "uses the prefixes oai_qdc, xsi, dc, dcterms, edm, oaiProvenance without declaring",
        ),
        (
            "dcterms/dpla_scdl_clemson_qdc_record_dc-bound-to-xhtml.xml",
            "The Agrarian Vol. 3 No. 1",
            "binds dc to a namespace that is not Dublin Core",
        ),
    ],
)
def test_records_that_are_not_namespace_well_formed_are_read_and_say_so(
    name: str, title: str, repaired: str
) -> None:
    [result] = oer_meta.validate(CORPUS2 / name).results
    assert result.status == "checked"
    assert result.record is not None
    assert [t.value for t in result.record.titles] == [title]
    assert [lang.value for lang in result.record.languages] == ["English"]
    notes = [f for f in result.findings if "namespace-well-formed" in f.message]
    assert len(notes) == 1 and notes[0].rule == "STD002"
    assert repaired in notes[0].message


@needs_corpus2
def test_a_scorm_12_manifest_names_the_metadata_file_it_refers_to() -> None:
    report = oer_meta.validate(CORPUS2 / "cartridge/exe_lmsgi01_scorm12_imsmanifest.xml")
    [result] = report.results
    assert result.status == "unreadable"
    assert "refers to the metadata file 'imslrm.xml'" in result.findings[0].message
