"""Every file of ../shared/corpus is validated without an exception, with asserted facts.

Reader-specific facts (titles, languages, licences per file) live in tests/readers/;
this module checks the whole pipeline on every file: read, rules, report, JSON.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import oer_meta

from ..corpus_paths import CORPUS, corpus_files, corpus_id, needs_corpus

ALL_FILES = corpus_files()
RECORD_FOLDERS = (
    "lom",
    "oai_dc",
    "dcterms",
    "jsonld",
    "amb/examples-valid",
    "amb/examples-invalid",
    "cartridge",
)


@needs_corpus
@pytest.mark.parametrize("path", ALL_FILES, ids=corpus_id)
def test_every_corpus_file_validates_without_exception(path: Path) -> None:
    report = oer_meta.validate(path)
    assert len(report.results) >= 1, "every input yields at least one result"
    data = json.loads(report.to_json())
    assert data["summary"]["records"] == len(report.results)
    for result in report.results:
        assert result.source == str(path)
        for finding in result.findings:
            assert finding.location.file in (str(path), None)
            assert finding.areas


@needs_corpus
@pytest.mark.parametrize(
    "path",
    [
        p
        for p in ALL_FILES
        if any(str(p.relative_to(CORPUS)).startswith(f) for f in RECORD_FOLDERS)
        and p.suffix in (".xml", ".json", ".jsonld", ".json-ld", ".jsonl")
        and p.name != "rise_scorm2004_imsmanifest.xml"
    ],
    ids=corpus_id,
)
def test_record_files_yield_readable_records(path: Path) -> None:
    report = oer_meta.validate(path)
    statuses = {r.status for r in report.results}
    assert "checked" in statuses or statuses == {"deleted"}


@needs_corpus
@pytest.mark.parametrize(
    ("name", "records", "deleted"),
    [
        ("lom/surf_anatomytool_oaipmh_listrecords_nl_lom.xml", 10, 0),
        ("oai_dc/pyoai_eur-dspace_getrecord_deleted_hdl1765-1160.xml", 1, 1),
        ("oai_dc/lr_envelopes_oai_dc_101docs.json", 101, 0),
        ("dcterms/lr_envelopes_nsdl_dc_100docs.json", 100, 0),
    ],
)
def test_record_counts(name: str, records: int, deleted: int) -> None:
    report = oer_meta.validate(CORPUS / name)
    assert len(report.results) == records
    assert sum(1 for r in report.results if r.status == "deleted") == deleted


@needs_corpus
def test_non_record_files_say_so() -> None:
    for name in ("xsd/imscp_v1p1.xsd", "amb/schema/license.json", "SOURCES.md"):
        report = oer_meta.validate(CORPUS / name)
        assert [r.status for r in report.results] == ["unreadable"]
        assert [f.rule for f in report.findings] == ["STD001"]


@needs_corpus
def test_a_folder_of_the_corpus_in_one_batch_loses_nothing() -> None:
    folder = CORPUS / "oai_dc"
    per_file = sum(len(oer_meta.validate(p).results) for p in corpus_files("oai_dc"))
    assert len(list(oer_meta.validate_many([folder]))) == per_file
