"""Identifiers no one can resolve, placeholders and double-escaped text in
../shared/corpus (the first batch of real records), read in place."""

from __future__ import annotations

import pytest

import oer_meta

from ..corpus_paths import CORPUS, needs_corpus


@needs_corpus
def test_apiscol_location_on_localhost_counts_as_absent() -> None:
    report = oer_meta.validate(CORPUS / "cartridge" / "apiscol_bare_manifest.xml")
    disc004 = [f.message for f in report.results[1].findings if f.rule == "DISC004"]
    assert len(disc004) == 1
    assert "counts as absent: localhost is the reader's own computer" in disc004[0]


@needs_corpus
@pytest.mark.parametrize(
    "name",
    [
        "scolomfr3utils_9_invalid_classification-with-wrong-purpose.xml",
        "scolomfr3utils_9_valid_taxon-member-of-vocabulary-by-label.xml",
    ],
)
def test_scolomfr_test_records_point_at_a_host_without_a_domain(name: str) -> None:
    report = oer_meta.validate(CORPUS / "lom" / name, select=["DISC004"])
    (finding,) = report.findings
    assert finding.message == (
        "no persistent identifier or resolvable URL ('https://any-uri' counts as absent: "
        "any-uri is a host name without a domain, known only inside a local network)"
    )


@needs_corpus
def test_amb_examples_on_example_org_have_no_identifier_but_placeholder_titles() -> None:
    report = oer_meta.validate(
        CORPUS / "amb" / "examples-valid" / "isBasedOn.json", select=["DISC004", "DISC009"]
    )
    assert [f.message for f in report.findings] == [
        "no persistent identifier or resolvable URL ('https://example.org/oer' counts as "
        "absent: example.org is reserved for documentation and examples by RFC 2606)",
        "the title 'Beispielressource' is a placeholder (the placeholder "
        "'beispielressource' with generic words only)",
    ]


@needs_corpus
def test_anatomytool_double_escaped_ampersands_and_a_repeated_title() -> None:
    report = oer_meta.validate(
        CORPUS / "lom" / "surf_anatomytool_oaipmh_listrecords_nl_lom.xml",
        select=["DISC010", "DISC011"],
    )
    found = [(r.index, f.rule, f.message) for r in report.results for f in r.findings]
    assert found == [
        (4, "DISC011", "the title holds an HTML entity left as text ('&amp;')"),
        (5, "DISC010", "the description 'Microscopic slide: mesentery cat' only repeats the title"),
        (7, "DISC011", "the description holds an HTML entity left as text ('&amp;')"),
        (8, "DISC011", "the description holds an HTML entity left as text ('&amp;')"),
    ]


@needs_corpus
def test_learning_registry_identifier_holding_two_urls() -> None:
    report = oer_meta.validate(
        CORPUS / "oai_dc" / "lr_envelopes_oai_dc_101docs.json", select=["DISC013"]
    )
    found = [(r.index, f.message) for r in report.results for f in r.findings]
    assert found == [
        (
            30,
            "the identifier 'http://bibpurl.oclc.org/web/35308 "
            "http://hdl.loc.gov/loc.gdc/gdctoc.000000001' is two identifiers glued together",
        )
    ]


@needs_corpus
def test_dspace_dash_identifiers_are_placeholders() -> None:
    report = oer_meta.validate(
        CORPUS / "oai_dc" / "pyoai_eur-dspace_listrecords_2004.xml", select=["DISC009"]
    )
    found = [(r.index, f.message) for r in report.results for f in r.findings]
    assert found == [
        (index, "the identifier '-' is a placeholder (it holds no word)") for index in (27, 64, 74)
    ]
