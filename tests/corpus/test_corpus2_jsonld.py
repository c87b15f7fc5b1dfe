"""What a librarian reads from each JSON-LD file of ../shared/corpus-2: how many
records, their titles, licences (with openness) and languages, and the shapes that
decide them (licence objects per part, parts that are records, broken JSON, array
items without @context).  docs/records.md says how records are chosen.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import oer_meta
from oer_meta import RecordResult

from ..corpus_paths import CORPUS2, corpus2_files, corpus_id, needs_corpus2

JSONLD = CORPUS2 / "jsonld"
CC_BY = "https://creativecommons.org/licenses/by/4.0/"
SPDX_CC_BY = "https://spdx.org/licenses/CC-BY-4.0.html"

Licences = list[tuple[str, str]]

#: file -> one (title, [(licence raw, openness)], [canonical languages]) per record
FACTS: dict[str, list[tuple[str | None, Licences, list[str]]]] = {
    "bioschemas_course_1.0-release.json": [
        ("My Course", [("CC-BY 2.0 CA", "open")], []),
        ("Course Slides for CS101", [(CC_BY, "open")], ["en-GB"]),
    ],
    "bioschemas_trainingmaterial_0.3-draft_BioinfResProt.json": [
        ("Bioinformatics resources for protein biology", [], []),
    ],
    "bioschemas_trainingmaterial_0.9-draft.json": [
        ("Ten simple rules to make training materials FAIR", [(CC_BY, "open")], ["en-US"]),
    ],
    "quadriga_bewegtes-bild-fallstudie-1_metadata.jsonld": [
        (
            "Affektrhetorik in Online-Videos zur Klimakrise. Datengestützte Analysen "
            "audiovisueller Muster",
            [
                ("https://opensource.org/licenses/AGPL-3.0", "open"),
                ("https://creativecommons.org/licenses/by-sa/4.0/", "open"),
            ],
            ["de"],
        ),
    ],
    "quadriga_tabelle-fallstudie-3_metadata.jsonld": [
        (
            "Visualisierung in der Verwaltung: Ein Dashboard für Baum- und "
            "Bewässerungsdaten. QUADRIGA Open Educational Resources: Tabelle 3",
            [("https://opensource.org/licenses/MIT", "open"), (CC_BY, "open")],
            ["de"],
        ),
    ],
    "tess-scraper_sib_course-mixed_array.json": [
        ("Parent course title", [], []),
        (None, [], ["en-GB"]),
    ],
    "tess_carpentries_python-novice-inflammation.html": [("Programming with Python", [], ["en"])],
    "tess_gtn_ext_res_array.json": [
        ("Introduction to metagenomics", [(SPDX_CC_BY, "open")], ["en"]),
    ],
    "tess_gtn_galaxy-intro-101.html": [("Galaxy 101", [(SPDX_CC_BY, "open")], ["en"])],
    "tess_gtn_slides-introduction.html": [
        ("Introduction to Galaxy", [(SPDX_CC_BY, "open")], ["en"]),
    ],
    "tess_sib_course.json": [("First steps with R in Life Sciences", [], ["en-GB"])],
}


def results(name: str) -> list[RecordResult]:
    return oer_meta.validate(JSONLD / name).results


def facts(result: RecordResult) -> tuple[str | None, Licences, list[str]]:
    summary = result.summary()
    licences = [(lic["raw"], lic["openness"]) for lic in summary["licences"]]
    return summary["title"], licences, summary["languages"]


@needs_corpus2
def test_every_jsonld_file_has_its_facts_here() -> None:
    named = {p.name for p in corpus2_files("jsonld")}
    assert named == set(FACTS) | {
        "bioschemas_courseinstance_1.0-release.json",
        "bioschemas_trainingmaterial_1.0-release.json",
        "tess-scraper_sib_courseinstances_39.json",
        "tess_nbis-course-instances.json",
    }


@needs_corpus2
@pytest.mark.parametrize("name", sorted(FACTS))
def test_records_titles_licences_and_languages(name: str) -> None:
    found = results(name)
    assert [r.status for r in found] == ["checked"] * len(FACTS[name])
    assert [facts(r) for r in found] == FACTS[name]


@needs_corpus2
@pytest.mark.parametrize(
    ("name", "line", "column", "message"),
    [
        ("bioschemas_trainingmaterial_1.0-release.json", 9, 1, "Expecting ',' delimiter"),
        (
            "bioschemas_courseinstance_1.0-release.json",
            51,
            5,
            "Expecting property name enclosed in double quotes",
        ),
    ],
)
def test_a_broken_json_file_is_one_unreadable_result(
    name: str, line: int, column: int, message: str
) -> None:
    (result,) = results(name)
    assert result.status == "unreadable"
    (finding,) = result.findings
    assert finding.rule == "STD001" and finding.message == f"invalid JSON: {message}"
    assert (finding.location.line, finding.location.column) == (line, column)


@needs_corpus2
def test_quadriga_licence_objects_are_their_urls_for_code_and_content() -> None:
    for name, code, content, shown in [
        (
            "quadriga_bewegtes-bild-fallstudie-1_metadata.jsonld",
            "AGPL-3.0-only",
            "CC-BY-SA-4.0",
            "CC BY-SA 4.0",
        ),
        ("quadriga_tabelle-fallstudie-3_metadata.jsonld", "MIT", "CC-BY-4.0", "CC BY 4.0"),
    ]:
        (result,) = results(name)
        assert result.record is not None
        statements = result.record.licences
        assert [(s.spdx, s.applies_to) for s in statements] == [
            (code, "Source Code"),
            (content, "Content"),
        ]
        assert not [f for f in result.findings if f.rule in ("LIC002", "LIC006")]
        # the licence a re-user goes by is the content's, not the code's
        assert f"is licensed under {shown} " in oer_meta.attribution(result.record)


@needs_corpus2
def test_quadriga_chapters_stay_parts_of_the_book() -> None:
    (result,) = results("quadriga_bewegtes-bild-fallstudie-1_metadata.jsonld")
    assert result.record is not None
    chapters = [r for r in result.record.relations if r.kind == "hasPart"]
    assert len(chapters) == 7 and chapters[0].title == "Einführung"


@needs_corpus2
def test_the_course_slides_are_a_record_tied_to_their_course() -> None:
    course, slides = results("bioschemas_course_1.0-release.json")
    assert slides.record is not None and slides.record.location.path == "/hasPart/0"
    (tie,) = [r for r in slides.record.relations if r.kind == "isPartOf"]
    assert (tie.target, tie.title) == ("https://training.site/123", "My Course")
    assert course.record is not None
    assert [r.title for r in course.record.relations if r.kind == "hasPart"] == [
        "Course Slides for CS101"
    ]


@needs_corpus2
def test_nbis_items_without_context_are_course_instances_that_say_what_they_lack() -> None:
    found = results("tess_nbis-course-instances.json")
    assert [r.status for r in found] == ["checked"] * 32
    loose = [
        r for r in found if r.record is not None and r.record.location.path in ("/27", "/28", "/29")
    ]
    assert [r.summary()["title"] for r in loose] == [
        "BiG Talks – Metabolic Atlas: genome-scale metabolic models for easy browsing and analysis",
        "BiG Talks – Network based analysis of 1002 GWAS study defines a pleiotropy map of "
        "human cell biology",
        "BiG Talks – Network-based integration and visualization of large-scale data",
    ]
    for result in loose:
        std002 = [f.message for f in result.findings if f.rule == "STD002"]
        assert [m.split(":")[0] for m in std002] == ["no @context", "@type is missing"]
    others = [r for r in found if r not in loose]
    assert {tuple(r.summary()["languages"]) for r in others} == {("en-GB",)}
    assert all(not r.summary()["licences"] for r in found)


@needs_corpus2
def test_sib_course_instances_and_the_context_key_with_a_space() -> None:
    found = results("tess-scraper_sib_courseinstances_39.json")
    assert [r.status for r in found] == ["checked"] * 39
    assert found[0].summary()["title"] == "Advanced Statistics: Statistical Modelling"
    assert {tuple(r.summary()["languages"]) for r in found} == {("en-GB",)}
    assert all(not r.summary()["licences"] for r in found)
    spaced = [
        (r.index, f.location.line)
        for r in found
        for f in r.findings
        if f.rule == "STD002" and "'@context ' has a space" in f.message
    ]
    assert spaced == [(1, 53)]


@needs_corpus2
def test_the_mixed_array_course_and_its_context_less_instance() -> None:
    course, instance = results("tess-scraper_sib_course-mixed_array.json")
    assert course.record is not None and instance.record is not None
    assert instance.record.location.path == "/1"
    assert [f.message.split(":")[0] for f in instance.findings if f.rule == "STD002"] == [
        "no @context"
    ]
    # the nested instances (one of them with "@context ") are offerings, not parts
    assert not [f for f in course.findings if f.rule == "STD002"]


@needs_corpus2
@pytest.mark.parametrize("path", corpus2_files("jsonld", suffixes=(".html",)), ids=corpus_id)
def test_gtn_people_with_their_own_context_are_people(path: Path) -> None:
    (result,) = oer_meta.validate(path).results
    assert result.record is not None
    people = [a for a in result.record.contributors if a.role == "author"]
    if "gtn" in path.name:
        assert people and all(a.kind == "person" and a.name for a in people)
    else:
        assert people == []
