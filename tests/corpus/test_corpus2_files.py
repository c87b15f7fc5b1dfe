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
