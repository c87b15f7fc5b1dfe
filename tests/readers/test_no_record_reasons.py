"""When an XML document holds no record, the finding says why in the document's own
terms: an OAI-PMH error answer, a manifest whose metadata lives in another file."""

from __future__ import annotations

import pytest

import oer_meta

_OAI_ERROR = """<?xml version="1.0"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
  <responseDate>2026-01-01T00:00:00Z</responseDate>
  <request verb="ListRecords">https://repo.example.org/oai</request>
  <error code="{code}">{text}</error>
</OAI-PMH>"""

_SCORM12 = """<manifest identifier="m1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
    <adlcp:location>lesson-lom.xml</adlcp:location>
  </metadata>
  <organizations/>
  <resources>
    <resource identifier="r1" type="webcontent" href="index.html">
      <metadata><adlcp:location>lesson-lom.xml</adlcp:location></metadata>
    </resource>
  </resources>
</manifest>"""


@pytest.mark.parametrize(
    ("code", "hint_word"),
    [
        ("badResumptionToken", "expire"),
        ("noRecordsMatch", "matched no records"),
        ("cannotDisseminateFormat", "ListMetadataFormats"),
        ("badArgument", "correct the request"),
    ],
)
def test_an_oai_pmh_error_answer_is_named_with_its_code_and_text(code: str, hint_word: str) -> None:
    report = oer_meta.validate(
        _OAI_ERROR.format(code=code, text="  the server's   words ").encode()
    )
    [result] = report.results
    assert result.status == "unreadable"
    [finding] = result.findings
    assert finding.rule == "STD001"
    assert finding.message == (
        f"the OAI-PMH response holds no records: the repository answered with the error "
        f"{code} (the server's words)"
    )
    assert finding.hint is not None and hint_word in finding.hint


@pytest.mark.parametrize("namespace", ["adlcp_rootv1p2", "adlcp_v1p3"])
def test_a_manifest_that_refers_to_its_metadata_file_says_so_once(namespace: str) -> None:
    data = _SCORM12.replace("adlcp_rootv1p2", namespace).encode()
    [result] = oer_meta.validate(data).results
    [finding] = result.findings
    assert finding.message == (
        "the manifest holds no metadata of its own: it refers to the metadata file "
        "'lesson-lom.xml' (adlcp:location)"
    )
    assert finding.hint is not None and "validate the referenced file" in finding.hint


def test_a_document_of_another_kind_names_its_root() -> None:
    [result] = oer_meta.validate(b"<catalogue><item>hi</item></catalogue>").results
    assert result.findings[0].message == (
        "no LOM or Dublin Core record found (root element catalogue)"
    )
