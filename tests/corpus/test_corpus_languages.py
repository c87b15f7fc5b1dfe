"""Languages of the real-world corpus: per file, the canonical tags the JSON report lists
and the LANG rules that fire, as a careful cataloguer would read the records.

Canal-U writes ``FRE``, the Quebec records ``fra-CA``, Educasources ``fre``/``eng``/``ger``,
ScoLOMFR 3.0 language URIs, DSpace ``en_US`` and ``other``, the Library of Congress MARC
codes and prose, NSDL English names, SURF ``x-none`` langstrings.
"""

from __future__ import annotations

import pytest

import oer_meta

from ..corpus_paths import CORPUS, needs_corpus

#: (file below ../shared/corpus, canonical languages in order of appearance, LANG rules).
EXPECTED: list[tuple[str, list[str], list[str]]] = [
    ("amb/examples-invalid/inLanguageWithoutArray.json", ["fr"], []),
    ("amb/examples-invalid/missingDefaultLanguage.json", [], ["LANG001", "LANG011"]),
    ("amb/examples-valid/about.json", [], ["LANG001"]),
    ("amb/examples-valid/oerInMultipleLanguages.json", ["fr", "en", "de"], []),
    ("amb/oersi-etl_duepublico_concatenated.json", ["de"], []),
    ("amb/oersi-etl_orca-invalid.jsonl", ["fr", "en", "de"], ["LANG001"]),
    ("cartridge/apiscol_bare_manifest.xml", ["fr"], ["LANG003"]),
    ("cartridge/apiscol_imsld_cuisson_imsmanifest.xml", ["fr"], ["LANG003"]),
    ("dcterms/lr_envelopes_nsdl_dc_100docs.json", ["en", "es", "fr", "nl"], ["LANG003", "LANG004"]),
    ("dcterms/lr_nsdl_dc_doc000.xml", ["en"], ["LANG003"]),
    ("dcterms/lr_nsdl_dc_doc001.xml", ["en"], ["LANG003"]),
    ("dcterms/lr_nsdl_dc_doc003.xml", ["en", "es"], ["LANG003", "LANG004"]),
    ("dcterms/lr_nsdl_dc_doc010.xml", ["en"], ["LANG003"]),
    ("dcterms/lr_nsdl_dc_doc011.xml", ["en"], ["LANG003"]),
    ("dcterms/lr_nsdl_dc_doc050.xml", ["en", "es", "fr"], ["LANG003", "LANG004"]),
    ("dcterms/lr_nsdl_dc_doc053.xml", ["en", "nl"], ["LANG003", "LANG004"]),
    ("dcterms/lr_nsdl_dc_doc084.xml", ["en"], ["LANG003"]),
    ("jsonld/dcmi-lrmi_LRexample01.jsonld", ["en"], ["LANG003"]),
    ("jsonld/dcmi-lrmi_LRexample01a.json-ld", [], ["LANG001", "LANG011"]),
    ("jsonld/dcmi-lrmi_alignmentsUK_jsonld.json", [], ["LANG001", "LANG011"]),
    ("jsonld/dcmi-lrmi_type+audience+level_jsonld.json", [], ["LANG001", "LANG011"]),
    ("lom/apiscol_appel-hanovre-87451.xml", ["fr"], ["LANG003"]),
    ("lom/apiscol_bnf-159803.xml", ["fr"], ["LANG003"]),
    ("lom/apiscol_cuisson1.xml", ["fr"], ["LANG003"]),
    ("lom/apiscol_eau_dans_tous_ses_etats.xml", ["fr", "en", "de"], ["LANG003"]),
    ("lom/apiscol_ecriture-maternelle-159857.xml", ["fr"], ["LANG003"]),
    ("lom/apiscol_extraction-scolomfr-educasources-141409.xml", ["fr"], ["LANG003"]),
    ("lom/apiscol_extraction-scolomfr-educasources-79726.xml", ["fr"], ["LANG003"]),
    ("lom/apiscol_extraction-scolomfr-educasources-88183.xml", ["fr"], ["LANG003"]),
    ("lom/apiscol_extraction-scolomfr-educasources-90524.xml", ["fr", "en"], ["LANG003"]),
    ("lom/apiscol_gaz-schiste-158905.xml", ["fr"], ["LANG003"]),
    ("lom/hs-oer-lom_draft_full-example-a.xml", ["en"], []),
    ("lom/hs-oer-lom_draft_rights-example.xml", [], ["LANG001"]),
    ("lom/lom2mlr_4c990689afe953.52824410.lom.xml", ["fr-CA"], []),
    ("lom/lom2mlr_4c9912151c8a69.88090749.lom.xml", ["fr-CA"], []),
    ("lom/lom2mlr_4c991751a5af92.97140698.lom.xml", ["en"], []),
    ("lom/lom2mlr_4c99175385abe2.62701286.lom.xml", ["fr"], []),
    ("lom/lom2mlr_4c99176560aa44.49247292.lom.xml", ["fr"], []),
    ("lom/lom2mlr_4ca17a9f743cb0.97951973.lom.xml", ["fr-CA"], []),
    ("lom/lom2mlr_4d38368591a687.29499110.lom.xml", ["fr-CA"], []),
    ("lom/lom2mlr_4f708a4965ba09.14975134.lom.xml", ["fr"], []),
    ("lom/lom2mlr_Valid.xml", ["fr-CA"], ["LANG003"]),
    ("lom/lom2mlr_canal-u.fr-67.lom.xml", ["fr"], ["LANG003"]),
    ("lom/lom2mlr_respel-5214.lom.xml", [], ["LANG001"]),
    ("lom/lom2mlr_ressource-ressfranc30.lom.xml", ["fr-CA"], []),
    ("lom/lom2mlr_unit-ori-wf-1-4369.lom.xml", ["fr"], ["LANG003"]),
    ("lom/rise_scorm2004_metadata.xml", ["en"], []),
    ("lom/scolomfr3utils_1_invalid_double-general.xml", ["fr"], []),
    ("lom/scolomfr3utils_9_invalid_classification-with-wrong-purpose.xml", ["fr"], []),
    ("lom/scolomfr3utils_9_invalid_taxon-non-member-of-vocabulary.xml", ["fr"], []),
    ("lom/scolomfr3utils_9_valid_taxon-member-of-vocabulary-by-label.xml", ["fr"], []),
    ("lom/scolomfr3utils_9_warning_classification-without-purpose.xml", ["fr"], []),
    ("lom/scolomfr3utils_any_valid_echanges.xml", ["fr"], []),
    ("lom/scolomfr3utils_labels_valid_exemple.xml", ["fr", "en"], []),
    ("lom/scolomfr3utils_version_valid_no-metadataschema.xml", ["fr"], []),
    ("lom/surf_anatomytool_oaipmh_listrecords_nl_lom.xml", ["zxx", "en"], ["LANG003", "LANG004"]),
    ("lom/surf_edurep_oaipmh_listrecords_imsmd_v1p2.xml", ["en", "nl"], ["LANG005"]),
    ("oai_dc/aub_aco_oai_dc_record.xml", ["ar"], ["LANG010"]),
    (
        "oai_dc/lr_envelopes_oai_dc_101docs.json",
        ["en", "ru", "ota", "mul", "sux", "it", "es"],
        ["LANG001", "LANG003", "LANG004", "LANG008", "LANG010", "LANG011"],
    ),
    ("oai_dc/lr_oai_dc_doc000.xml", ["en"], ["LANG010"]),
    ("oai_dc/lr_oai_dc_doc056.xml", [], ["LANG001", "LANG011"]),
    ("oai_dc/lr_oai_dc_doc073.xml", ["ru"], ["LANG010"]),
    ("oai_dc/lr_oai_dc_doc093.xml", ["mul"], ["LANG004"]),
    ("oai_dc/lr_oai_dc_doc094.xml", ["sux"], ["LANG008"]),
    ("oai_dc/lr_oai_dc_doc096.xml", ["en", "it", "es"], ["LANG003", "LANG004", "LANG010"]),
    ("oai_dc/pyoai_eur-dspace_getrecord_deleted_hdl1765-1160.xml", [], []),
    ("oai_dc/pyoai_eur-dspace_getrecord_hdl1765-1162.xml", ["en"], []),
    ("oai_dc/pyoai_eur-dspace_getrecord_hdl1765-315.xml", ["nl"], []),
    (
        "oai_dc/pyoai_eur-dspace_listrecords_2004.xml",
        ["en", "en-US"],
        ["LANG003", "LANG008", "LANG011"],
    ),
]


def _languages_and_rules(relative: str) -> tuple[list[str], list[str]]:
    report = oer_meta.validate(CORPUS / relative, select=["LANG"])
    languages: list[str] = []
    for result in report.results:
        for tag in result.summary()["languages"]:
            if tag not in languages:
                languages.append(tag)
    return languages, sorted({f.rule for f in report.findings})


@needs_corpus
@pytest.mark.parametrize(
    ("relative", "languages", "rules"), EXPECTED, ids=[row[0] for row in EXPECTED]
)
def test_corpus_file_languages(relative: str, languages: list[str], rules: list[str]) -> None:
    assert _languages_and_rules(relative) == (languages, rules)


@needs_corpus
def test_canal_u_fre_and_its_hint() -> None:
    report = oer_meta.validate(CORPUS / "lom/lom2mlr_canal-u.fr-67.lom.xml", select=["LANG003"])
    general = [f for f in report.findings if "general.language" in f.message]
    assert [(f.hint, f.severity.value) for f in general] == [("write 'fr'", "warning")]
    assert general[0].location.line is not None


@needs_corpus
def test_quebec_fra_ca_everywhere_becomes_fr_ca() -> None:
    report = oer_meta.validate(CORPUS / "lom/lom2mlr_Valid.xml", select=["LANG003"])
    assert {f.hint for f in report.findings} == {"write 'fr-CA'"}
    assert len(report.findings) == 3  # general.language, metaMetadata.language, langstrings


@needs_corpus
def test_scolomfr_language_uris_are_judged_by_their_profile_type() -> None:
    """ScoLOMFR types its languages as a code or a URI (LanguageCodeOrUri): its URIs are
    not reported; the same URI in a record of no such profile is information (LANG009)."""
    path = CORPUS / "lom/scolomfr3utils_any_valid_echanges.xml"
    report = oer_meta.validate(path)
    assert [f for f in report.findings if f.rule.startswith("LANG")] == []
    text = path.read_text(encoding="utf-8").replace("SCOLOMFRv", "OTHERv")
    text = text.replace("http://www.lom-fr.fr/xsd/SCOLOMFR", "urn:x-other")
    plain = oer_meta.validate(text.encode("utf-8"))
    assert plain.results[0].record is not None
    assert "scolomfr" not in plain.results[0].record.profiles  # LOM-FR's: no language rule
    lang = [f for f in plain.findings if f.rule.startswith("LANG")]
    assert lang and all((f.rule, f.severity.value) == ("LANG009", "info") for f in lang)
    assert {f.hint for f in lang} == {"write 'fr'"}


@needs_corpus
def test_dspace_other_is_invalid_and_en_us_is_repaired() -> None:
    report = oer_meta.validate(
        CORPUS / "oai_dc/pyoai_eur-dspace_listrecords_2004.xml", select=["LANG002", "LANG003"]
    )
    # free text in dc:language: LANG008, the Dublin Core form of LANG002
    invalid = {f.message for f in report.findings if f.rule == "LANG008"}
    assert invalid == {
        "dc:language 'other' is not a language: it is neither a valid BCP 47 tag nor a known "
        "language code, URI or name"
    }
    assert {f.hint for f in report.findings if f.rule == "LANG003"} == {"write 'en-US'"}


@needs_corpus
def test_loc_prose_language_gives_its_languages() -> None:
    report = oer_meta.validate(CORPUS / "oai_dc/lr_oai_dc_doc096.xml", select=["LANG003"])
    hints = sorted(f.hint or "" for f in report.findings)
    assert hints == [
        "give each language as its own dc:language value: 'en', 'it', 'es'",
        "write 'en'",
    ]
    assert {(f.rule, f.severity.value) for f in report.findings} == {
        ("LANG003", "warning"),
        ("LANG010", "info"),
    }


@needs_corpus
def test_edurep_x_none_titles_contradict_the_resource_language() -> None:
    report = oer_meta.validate(
        CORPUS / "lom/surf_edurep_oaipmh_listrecords_imsmd_v1p2.xml", select=["LANG005"]
    )
    assert [r.index for r in report.results if r.findings] == [1, 2]
    assert all("'x-none'" in f.message for f in report.findings)
