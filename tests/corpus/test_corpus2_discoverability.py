"""Placeholders, markup, glued and shared identifiers in ../shared/corpus-2 (issue 9,
section 4): what a librarian finds in these files, and nothing more.

The files are read in place (tests/corpus_paths.py).  The placeholder values are those
../shared/corpus-2/SOURCES.md describes: OJS's test record (``article-title-en``), the
QUADRIGA record's ``TODO`` DOI, Agrega's test records, the scraper's test input; the
eXe default identifier shared by unrelated records; SIB descriptions written in HTML.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import oer_meta

from ..corpus_paths import CORPUS2, needs_corpus2

NEW_RULES = ["DISC009", "DISC010", "DISC011", "DISC013", "DISC014"]


def _counts(report: oer_meta.Report) -> Counter[tuple[str, str]]:
    return Counter(
        (str(Path(str(r.source)).relative_to(CORPUS2)), f.rule)
        for r in report.results
        for f in r.findings
    )


@needs_corpus2
def test_the_whole_second_batch_shows_exactly_these_findings() -> None:
    """Every finding of the new DISC rules over the 42 files in one batch: the
    placeholders, the SIB HTML descriptions and the two shared identifiers, and none in
    the 100 HAL records, the UCLA harvest or the completed QUADRIGA record."""
    report = oer_meta.validate(CORPUS2, select=NEW_RULES)
    assert _counts(report) == Counter(
        {
            ("dcterms/dpla_ohio_bgsu_oai_qdc_record.xml", "DISC009"): 1,
            ("jsonld/quadriga_tabelle-fallstudie-3_metadata.jsonld", "DISC009"): 2,
            ("jsonld/tess-scraper_sib_course-mixed_array.json", "DISC009"): 1,
            ("jsonld/tess-scraper_sib_courseinstances_39.json", "DISC012"): 39,
            ("jsonld/tess_gtn_ext_res_array.json", "DISC009"): 1,
            ("jsonld/tess_gtn_ext_res_array.json", "DISC014"): 1,
            ("jsonld/tess_gtn_galaxy-intro-101.html", "DISC014"): 1,
            ("jsonld/tess_gtn_slides-introduction.html", "DISC014"): 1,
            ("lom/agrega2_lom-es_metadatoCompleto_iso-8859-1.xml", "DISC009"): 3,
            ("lom/agrega2_lom-es_metadatoNoValido.xml", "DISC009"): 2,
            ("lom/exe_kanrawee_imslrm_lom-es_th.xml", "DISC014"): 1,
            ("lom/exe_ova-antoniavalenzuela_imslrm_lom-es_public-domain.xml", "DISC014"): 1,
            ("lom/exe_portfolioa_imslrm_lom-es_eu.xml", "DISC014"): 1,
            ("oai_dc/ojs_oai_dc_expectedResult_placeholders.xml", "DISC009"): 3,
        }
    )


@needs_corpus2
def test_ojs_template_values_are_placeholders() -> None:
    report = oer_meta.validate(
        CORPUS2 / "oai_dc" / "ojs_oai_dc_expectedResult_placeholders.xml", select=["DISC009"]
    )
    assert [(f.field, f.location.line, f.message) for f in report.findings] == [
        (
            "titles",
            7,
            "the title 'article-title-en' is a placeholder (the placeholder 'title' with "
            "generic words only)",
        ),
        (
            "titles",
            8,
            "the title 'article-title-de' is a placeholder (the placeholder 'title' with "
            "generic words only)",
        ),
        (
            "descriptions",
            13,
            "the description 'article-abstract' is a placeholder (the placeholder "
            "'abstract' with generic words only)",
        ),
    ]


@needs_corpus2
@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "jsonld/quadriga_tabelle-fallstudie-3_metadata.jsonld",
            "the identifier 'TODO' is a placeholder (the placeholder 'todo' with generic "
            "words only)",
        ),
        (
            "lom/agrega2_lom-es_metadatoCompleto_iso-8859-1.xml",
            "the title 'Título del objeto digital' is a placeholder (the placeholder "
            "'título' with generic words only)",
        ),
        (
            "jsonld/tess-scraper_sib_course-mixed_array.json",
            "the title 'Parent course title' is a placeholder (the placeholder 'title' "
            "with generic words only)",
        ),
        (
            "dcterms/dpla_ohio_bgsu_oai_qdc_record.xml",
            "the description 'A description' is a placeholder (the placeholder "
            "'description' with generic words only)",
        ),
    ],
)
def test_unfilled_template_values(name: str, message: str) -> None:
    report = oer_meta.validate(CORPUS2 / name, select=["DISC009"])
    # the first finding; the QUADRIGA duration and Agrega's DOIs are asserted below
    assert report.findings[0].message == message


@needs_corpus2
def test_the_completed_quadriga_record_has_no_placeholder() -> None:
    name = "jsonld/quadriga_bewegtes-bild-fallstudie-1_metadata.jsonld"
    assert oer_meta.validate(CORPUS2 / name, select=NEW_RULES).findings == []


@needs_corpus2
def test_exe_default_identifier_shared_by_unrelated_records() -> None:
    """eXe gives every LOM-ES export the UUID 4a7d755e-... in "My Catalog": run
    together, the three records that kept it are reported, each naming the others; the
    two eXe records with an identifier of their own are not."""
    names = [
        "exe_portfolioa_imslrm_lom-es_eu.xml",
        "exe_kanrawee_imslrm_lom-es_th.xml",
        "exe_ova-antoniavalenzuela_imslrm_lom-es_public-domain.xml",
        "exe_celengan_imslrm_lom-es_id.xml",
        "exe_lmsgi01_imslrm_lom-es_es.xml",
    ]
    paths = [str(CORPUS2 / "lom" / name) for name in names]
    report = oer_meta.validate(paths, select=["DISC014"])
    by_file = {Path(str(r.source)).name: r.findings for r in report.results}
    assert by_file["exe_celengan_imslrm_lom-es_id.xml"] == []
    assert by_file["exe_lmsgi01_imslrm_lom-es_es.xml"] == []
    for name in names[:3]:
        (finding,) = by_file[name]
        assert finding.severity.value == "warning"
        assert finding.message.startswith(
            "its identifier is also given by 2 other records of this batch with a different title"
        )
        others = [other for other in names[:3] if other != name]
        assert all(other in finding.message for other in others)
    (portfolio,) = by_file[names[0]]
    assert "title and licence" in portfolio.message  # CC BY-SA against public domain
    assert portfolio.location.line is not None
    alone = oer_meta.validate(paths[0], select=["DISC014"])
    assert alone.findings == []  # a batch rule: one file has nothing to clash with


@needs_corpus2
def test_sib_descriptions_written_in_html_are_information() -> None:
    report = oer_meta.validate(
        CORPUS2 / "jsonld" / "tess-scraper_sib_courseinstances_39.json", select=["DISC011"]
    )
    assert [f.rule for f in report.findings] == ["DISC012"] * 39
    assert {f.severity.value for f in report.findings} == {"info"}
    messages = Counter(f.message.split(" (")[0] for f in report.findings)
    assert messages["the description holds HTML markup"] >= 30
    first = report.results[0].findings[0]
    assert first.message == "the description holds HTML markup ('<span style=\"color: red;\">')"


@needs_corpus2
def test_gtn_gives_its_repository_as_every_tutorials_identifier() -> None:
    names = [
        "tess_gtn_ext_res_array.json",
        "tess_gtn_galaxy-intro-101.html",
        "tess_gtn_slides-introduction.html",
    ]
    report = oer_meta.validate([CORPUS2 / "jsonld" / n for n in names], select=["DISC014"])
    assert [len(r.findings) for r in report.results] == [1, 1, 1]
    for result in report.results:
        assert result.findings[0].message.startswith(
            "its identifier is also given by 2 other records of this batch with a different title: "
        )


@needs_corpus2
def test_hal_harvest_has_no_placeholder_markup_or_glued_identifier() -> None:
    report = oer_meta.validate(
        CORPUS2 / "oai_dc" / "dlme_hal_oaipmh_listrecords_oai_dc_100.xml", select=NEW_RULES
    )
    assert len(report.results) == 100
    assert report.findings == []


# -- placeholders outside titles and descriptions -------------------------------------------


@needs_corpus2
def test_quadriga_todo_duration_is_a_placeholder_and_not_iso_8601() -> None:
    """``timeRequired: "TODO"``: DISC009 says it is unfilled, STD004 that it is no ISO
    8601 duration (each true on its own).  The chapters' own ``TODO`` durations belong
    to parts, which are not records."""
    name = "jsonld/quadriga_tabelle-fallstudie-3_metadata.jsonld"
    report = oer_meta.validate(CORPUS2 / name, select=["DISC009", "STD004"])
    assert [(f.rule, f.field, f.location.line, f.message) for f in report.findings] == [
        (
            "DISC009",
            "identifiers",
            19,
            "the identifier 'TODO' is a placeholder (the placeholder 'todo' with generic "
            "words only)",
        ),
        (
            "DISC009",
            "durations",
            286,
            "the duration 'TODO' is a placeholder (the placeholder 'todo' with generic words only)",
        ),
        ("STD004", "durations", 286, "duration 'TODO' is not an ISO 8601 duration"),
    ]


@needs_corpus2
def test_gtn_epoch_modification_date_is_a_placeholder() -> None:
    report = oer_meta.validate(
        CORPUS2 / "jsonld" / "tess_gtn_ext_res_array.json", select=["DISC009", "STD004"]
    )
    assert [(f.rule, f.field, f.location.line, f.message) for f in report.findings] == [
        (
            "DISC009",
            "dates",
            24,
            "the modified date '1970-01-01 00:00:09 +0000' is a placeholder (within a day of "
            "the Unix epoch: a zero timestamp printed in some time zone)",
        ),
        (
            "STD004",
            "dates",
            24,
            "modified date '1970-01-01 00:00:09 +0000' is not an ISO 8601 date or date-time",
        ),
    ]


@needs_corpus2
def test_agrega_test_records_copy_the_doi_handbook_example() -> None:
    """Agrega's test records give ``10.1000/ISBN1-900512-44-0``, the DOI Handbook's
    example, as the resource's identifier (and ``...-META`` as the metadata's); the
    record that has nothing else has no identifier for DISC004."""
    complete = oer_meta.validate(
        CORPUS2 / "lom" / "agrega2_lom-es_metadatoCompleto_iso-8859-1.xml",
        select=["DISC004", "DISC009"],
    )
    assert [
        (f.location.line, f.message) for f in complete.findings if f.field == "identifiers"
    ] == [
        (
            7,
            "the identifier '10.1000/ISBN1-900512-44-0' is a placeholder (10.1000 is the DOI "
            "prefix of the DOI Handbook's examples)",
        ),
        (
            66,
            "the identifier '10.1000/ISBN1-900512-44-0-META' is a placeholder (10.1000 is the "
            "DOI prefix of the DOI Handbook's examples)",
        ),
    ]
    bare = oer_meta.validate(
        CORPUS2 / "lom" / "agrega2_lom-es_metadatoNoValido.xml", select=["DISC004"]
    )
    assert [f.message for f in bare.findings] == [
        "no persistent identifier or resolvable URL ('10.1000/ISBN1-900512-44-0' counts as "
        "absent: 10.1000 is the DOI prefix the DOI Handbook uses for its examples)"
    ]


@needs_corpus2
def test_empty_image_values_are_no_finding() -> None:
    """``"image": ""`` in every NBIS course instance is an empty value, not a
    placeholder: nothing is reported for it (docs/discoverability.md)."""
    name = "jsonld/tess_nbis-course-instances.json"
    assert '"image": ""' in (CORPUS2 / name).read_text(encoding="utf-8")
    report = oer_meta.validate(CORPUS2 / name)
    assert not [f for f in report.findings if "image" in f"{f.field} {f.message}"]
    assert not [f for f in report.findings if f.rule == "DISC009"]
