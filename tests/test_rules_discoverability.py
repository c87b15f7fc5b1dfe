"""The DISC rules on records built directly, independent of any reader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import oer_meta
from oer_meta.model import DateValue, Duration, Identifier, Location, Record, Term, Text

COMPLETE = Record(
    source_format="jsonld",
    identifiers=[Identifier(value="https://doi.org/10.1234/abc", catalog="doi")],
    titles=[Text(value="Photosynthesis", language="en")],
    descriptions=[Text(value="A lesson on how plants make sugar.", language="en")],
    keywords=[Text(value="biology")],
    learning_resource_types=[Term(value="lesson plan")],
    educational_levels=[Term(value="secondary school")],
    dates=[DateValue(value="2024-01-01", kind="created")],
    formats=[Text(value="text/html")],
)


def test_a_complete_record_passes_every_disc_rule() -> None:
    assert oer_meta.check(COMPLETE, select=["DISC"]) == []


@pytest.mark.parametrize(
    ("change", "code", "severity"),
    [
        ({"titles": []}, "DISC001", "error"),
        ({"titles": [Text(value="   ")]}, "DISC001", "error"),
        ({"descriptions": []}, "DISC002", "warning"),
        ({"keywords": [Text(value=" ")]}, "DISC003", "warning"),
        ({"identifiers": [Identifier(value="1", catalog="Catalog")]}, "DISC004", "warning"),
        ({"identifiers": [Identifier(value="oai:x:1", catalog="oai")]}, "DISC004", "warning"),
        ({"learning_resource_types": []}, "DISC005", "warning"),
        ({"educational_levels": []}, "DISC006", "info"),
        ({"dates": [DateValue(value="2020-01-01", kind="datestamp")]}, "DISC007", "info"),
        ({"formats": []}, "DISC008", "info"),
    ],
)
def test_each_missing_field_fires_its_rule(
    change: dict[str, object], code: str, severity: str
) -> None:
    record = COMPLETE.model_copy(update=change)
    findings = oer_meta.check(record, select=["DISC"])
    assert [(f.rule, f.severity.value) for f in findings] == [(code, severity)]


def test_subjects_count_as_keywords_and_urls_as_identifiers() -> None:
    record = COMPLETE.model_copy(
        update={
            "keywords": [],
            "subjects": [Term(value="Biology", source="ddc")],
            "identifiers": [],
            "urls": [Text(value="http://oer.uni-example.de/lesson")],
        }
    )
    assert oer_meta.check(record, select=["DISC003", "DISC004"]) == []


def test_disc_findings_point_at_the_empty_value() -> None:
    where = Location(file="a.xml", line=9, path="/lom:lom/lom:general/lom:title")
    record = COMPLETE.model_copy(update={"titles": [Text(value="", location=where)]})
    (finding,) = oer_meta.check(record, select=["DISC001"])
    assert finding.location == where
    assert finding.message == "the title is empty"
    assert finding.areas == (oer_meta.ActionArea(1), oer_meta.ActionArea(3))


# -- DISC004: identifiers no one can resolve count as absent ----------------------------


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("http://localhost:8080/lesson", "localhost is the reader's own computer"),
        ("http://127.0.0.1/lesson", "127.0.0.1 is a loopback address"),
        ("http://192.168.0.12/lesson", "192.168.0.12 is a private or reserved network address"),
        ("https://example.org/lesson", "example.org is reserved for documentation"),
        ("file:///home/me/lesson.html", "a file: URL names a file on one computer"),
        ("http:http://repo.org/lesson", "the scheme of 'http:http://' is malformed"),
        ("htp://repo.org/lesson", "the scheme 'htp' is misspelt"),
        ("https://repo.org/x/https://repo.org/x/1", "it is two identifiers glued together"),
    ],
)
def test_disc004_treats_unresolvable_identifiers_as_absent(value: str, reason: str) -> None:
    record = COMPLETE.model_copy(update={"identifiers": [Identifier(value=value, catalog="url")]})
    (finding,) = oer_meta.check(record, select=["DISC004"])
    assert finding.message.startswith("no persistent identifier or resolvable URL (")
    assert f"{value!r} counts as absent: {reason}" in finding.message
    assert "localhost" in (finding.hint or "")


def test_disc004_is_content_with_one_resolvable_value_among_unresolvable_ones() -> None:
    record = COMPLETE.model_copy(
        update={
            "identifiers": [Identifier(value="http://localhost/x", catalog="url")],
            "urls": [Text(value="https://oer.uni-example.de/lesson")],
        }
    )
    assert oer_meta.check(record, select=["DISC004"]) == []
    unresolvable_url = record.model_copy(update={"urls": [Text(value="https://a.test/x")]})
    (finding,) = oer_meta.check(unresolvable_url, select=["DISC004"])
    assert "'https://a.test/x' counts as absent" in finding.message
    assert "'http://localhost/x' counts as absent" in finding.message


def test_disc004_still_lists_plain_local_values() -> None:
    record = COMPLETE.model_copy(
        update={"identifiers": [Identifier(value="worksheet-17", catalog="Catalog")]}
    )
    (finding,) = oer_meta.check(record, select=["DISC004"])
    assert finding.message == (
        "no persistent identifier or resolvable URL (found only 'worksheet-17')"
    )


# -- DISC009: placeholders -----------------------------------------------------------------

WHERE = Location(file="r.xml", line=4)


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            {"titles": [Text(value="Untitled document", location=WHERE)]},
            "titles",
            "the title 'Untitled document' is a placeholder (the placeholder 'untitled "
            "document' with generic words only)",
        ),
        (
            {"descriptions": [Text(value="Keine Beschreibung vorhanden", location=WHERE)]},
            "descriptions",
            "the description 'Keine Beschreibung vorhanden' is a placeholder (the "
            "placeholder 'keine beschreibung' with generic words only)",
        ),
        (
            {"descriptions": [Text(value="Lorem ipsum dolor sit amet.", location=WHERE)]},
            "descriptions",
            "the description 'Lorem ipsum dolor sit amet.' is a placeholder (it holds the "
            "dummy text 'lorem ipsum')",
        ),
        (
            {"descriptions": [Text(value="N/A", location=WHERE)]},
            "descriptions",
            "the description 'N/A' is a placeholder ('n a' stands for no value)",
        ),
        (
            {"titles": [Text(value="...", location=WHERE)]},
            "titles",
            "the title '...' is a placeholder (it holds no word)",
        ),
        (
            {
                "identifiers": [
                    Identifier(value="https://doi.org/10.1234/abc", catalog="doi"),
                    Identifier(value="TODO", catalog="DOI", location=WHERE),
                ]
            },
            "identifiers",
            "the identifier 'TODO' is a placeholder (the placeholder 'todo' with generic "
            "words only)",
        ),
    ],
)
def test_disc009_reports_each_placeholder(
    change: dict[str, object], field: str, message: str
) -> None:
    record = COMPLETE.model_copy(update=change)
    (finding,) = oer_meta.check(record, select=["DISC009"])
    assert (finding.rule, finding.severity.value) == ("DISC009", "warning")
    assert finding.field == field
    assert finding.message == message
    assert finding.location == WHERE


def test_disc009_leaves_real_titles_alone() -> None:
    record = COMPLETE.model_copy(
        update={"titles": [Text(value="Untitled Goose Game: a case study")]}
    )
    assert oer_meta.check(record, select=["DISC009"]) == []
    assert oer_meta.check(COMPLETE, select=["DISC009"]) == []


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            {
                "dates": [
                    DateValue(value="1970-01-01 00:00:09 +0000", kind="modified", location=WHERE)
                ]
            },
            "dates",
            "the modified date '1970-01-01 00:00:09 +0000' is a placeholder (within a day of "
            "the Unix epoch: a zero timestamp printed in some time zone)",
        ),
        (
            {"dates": [DateValue(value="0000-00-00", kind="created", location=WHERE)]},
            "dates",
            "the created date '0000-00-00' is a placeholder (the year 0000: a zero date, "
            "written where no date is known)",
        ),
        (
            {"dates": [DateValue(value="TBD", kind="published", location=WHERE)]},
            "dates",
            "the published date 'TBD' is a placeholder (the placeholder 'tbd' with generic "
            "words only)",
        ),
        (
            {"durations": [Duration(value="TODO", element="timeRequired", location=WHERE)]},
            "durations",
            "the duration 'TODO' is a placeholder (the placeholder 'todo' with generic words only)",
        ),
        (
            {
                "identifiers": [
                    Identifier(value="https://doi.org/10.1234/abc", catalog="doi"),
                    Identifier(value="10.1000/ISBN1-900512-44-0", catalog="DOI", location=WHERE),
                ]
            },
            "identifiers",
            "the identifier '10.1000/ISBN1-900512-44-0' is a placeholder (10.1000 is the DOI "
            "prefix of the DOI Handbook's examples)",
        ),
    ],
)
def test_disc009_reports_placeholder_dates_durations_and_example_dois(
    change: dict[str, object], field: str, message: str
) -> None:
    """One DISC009 finding each; STD004 judges the form of the same value on its own
    (a placeholder that is not ISO 8601 is both), so the conformance profile sees it."""
    record = COMPLETE.model_copy(update=change)
    found = oer_meta.check(record, select=["DISC", "STD004"])
    (finding,) = [f for f in found if f.rule == "DISC009"]
    assert finding.severity.value == "warning"
    assert (finding.field, finding.message, finding.location) == (field, message, WHERE)
    assert {f.rule for f in found} <= {"DISC009", "STD004"}
    # the one value written in ISO 8601 is DISC009's alone; TODO/TBD are both rules'
    std = [f.message for f in found if f.rule == "STD004"]
    if "1970-01-01T" in message or "'10.1000/" in message:
        assert std == []
    elif "'TODO'" in message or "'TBD'" in message:
        assert len(std) == 1


def test_disc009_leaves_real_dates_datestamps_and_durations_alone() -> None:
    record = COMPLETE.model_copy(
        update={
            "dates": [
                DateValue(value="1900-01-01", kind="created"),
                DateValue(value="1970", kind="created"),
                DateValue(value="1970-01-01", kind="datestamp"),
            ],
            "durations": [Duration(value="PT1H30M"), Duration(value="2 hours")],
            "titles": [Text(value="Photosynthesis")],
        }
    )
    assert oer_meta.check(record, select=["DISC009"]) == []
    # a datestamp dates the metadata record: STD004 still judges its form
    stamp = COMPLETE.model_copy(update={"dates": [DateValue(value="0000-00-00", kind="datestamp")]})
    assert [f.rule for f in oer_meta.check(stamp, select=["DISC009", "STD004"])] == ["STD004"]


def test_an_example_doi_alone_counts_as_no_identifier() -> None:
    record = COMPLETE.model_copy(
        update={"identifiers": [Identifier(value="doi:10.1000/182", catalog="DOI")]}
    )
    messages = {f.rule: f.message for f in oer_meta.check(record, select=["DISC"])}
    assert messages["DISC004"] == (
        "no persistent identifier or resolvable URL ('doi:10.1000/182' counts as absent: "
        "10.1000 is the DOI prefix the DOI Handbook uses for its examples)"
    )
    assert set(messages) == {"DISC004", "DISC009"}


# -- DISC010: the description repeats the title --------------------------------------------


def test_disc010_description_that_repeats_the_title() -> None:
    record = COMPLETE.model_copy(
        update={"descriptions": [Text(value=" photosynthesis. ", location=WHERE)]}
    )
    (finding,) = oer_meta.check(record, select=["DISC"])
    assert (finding.rule, finding.severity.value) == ("DISC010", "warning")
    assert finding.message == "the description 'photosynthesis.' only repeats the title"
    assert finding.location == WHERE
    longer = COMPLETE.model_copy(
        update={"descriptions": [Text(value="Photosynthesis, step by step")]}
    )
    assert oer_meta.check(longer, select=["DISC010"]) == []


def test_disc010_leaves_a_placeholder_description_to_disc009() -> None:
    record = COMPLETE.model_copy(
        update={"titles": [Text(value="Untitled")], "descriptions": [Text(value="Untitled")]}
    )
    assert [f.rule for f in oer_meta.check(record, select=["DISC"])] == ["DISC009", "DISC009"]


# -- DISC011 / DISC012: markup ----------------------------------------------------------------


def test_disc011_markup_in_a_title_and_entities_in_a_description() -> None:
    record = COMPLETE.model_copy(
        update={
            "titles": [Text(value="<b>Photosynthesis</b>", location=WHERE)],
            "descriptions": [Text(value="Leaves &amp; light: how plants make sugar.")],
        }
    )
    findings = oer_meta.check(record, select=["DISC011"])
    assert [(f.rule, f.severity.value, f.field) for f in findings] == [
        ("DISC011", "warning", "titles"),
        ("DISC011", "warning", "descriptions"),
    ]
    assert findings[0].message == "the title holds HTML markup ('<b>')"
    assert findings[1].message == "the description holds an HTML entity left as text ('&amp;')"


def test_disc012_tags_and_comments_in_a_description_are_information() -> None:
    record = COMPLETE.model_copy(
        update={
            "descriptions": [
                Text(value="<p>How plants make <em>sugar</em>.</p>"),
                Text(value="How plants make sugar. <!-- course full -->"),
            ]
        }
    )
    findings = oer_meta.check(record, select=["DISC011"])
    assert [(f.rule, f.severity.value) for f in findings] == [
        ("DISC012", "info"),
        ("DISC012", "info"),
    ]
    assert findings[0].message == "the description holds HTML markup ('<p>')"
    assert findings[1].message == "the description holds an HTML comment ('<!--')"
    assert oer_meta.check(record, select=["DISC012"]) == findings
    assert oer_meta.check(record, select=["DISC011"], ignore=["DISC012"]) == []


# -- DISC013: glued identifiers -----------------------------------------------------------


def test_disc013_glued_identifier_reported_once() -> None:
    glued = "https://repo.org/handle/https://repo.org/handle/1/2"
    record = COMPLETE.model_copy(
        update={
            "identifiers": [
                Identifier(value="https://doi.org/10.1234/abc", catalog="doi"),
                Identifier(value=glued, catalog="url", location=WHERE),
            ],
            "urls": [Text(value=glued)],
        }
    )
    (finding,) = oer_meta.check(record, select=["DISC"])
    assert (finding.rule, finding.severity.value) == ("DISC013", "warning")
    assert finding.message == f"the identifier {glued!r} is two identifiers glued together"
    assert finding.location == WHERE


# -- DISC014: one identifier, several resources, across the batch --------------------------


def _lesson(ident: str, name: str, licence: str) -> dict[str, object]:
    return {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "@id": ident,
        "name": name,
        "license": licence,
    }


BY = "https://creativecommons.org/licenses/by/4.0/"
BY_SA = "https://creativecommons.org/licenses/by-sa/4.0/"


def test_disc014_shared_identifier_with_different_titles() -> None:
    batch = [
        _lesson("https://oer.uni-example.de/1", "Fractions", BY),
        _lesson("https://oer.uni-example.de/2", "Decimals", BY),
        _lesson("http://www.oer.uni-example.de/1/", "Percentages", BY_SA),
        _lesson("https://oer.uni-example.de/1", "Fractions", BY),  # harvested twice
    ]
    report = oer_meta.validate(json.dumps(batch).encode(), select=["DISC014"])
    found = [[f.message for f in r.findings] for r in report.results]
    assert found[1] == []
    assert found[0] == [
        "its identifier is also given by 1 other record of this batch with a different "
        "title and licence: record 2"
    ]
    assert found[2] == [
        "its identifier is also given by 2 other records of this batch with a different "
        "title and licence: record 0, record 3"
    ]
    assert found[3] == found[0]
    assert {f.severity.value for f in report.findings} == {"warning"}
    lazy = list(oer_meta.validate_many(json.dumps(batch).encode(), select=["DISC014"]))
    assert all(r.findings == [] for r in lazy)  # a batch rule: only once the batch ends


def test_disc014_same_record_twice_is_no_clash() -> None:
    batch = [_lesson("https://oer.uni-example.de/1", "Fractions", BY)] * 3
    assert oer_meta.validate(json.dumps(batch).encode(), select=["DISC014"]).findings == []


LOM = """<?xml version="1.0" encoding="UTF-8"?>
<lom xmlns="http://ltsc.ieee.org/xsd/LOM">
  <general>
    <identifier><catalog>{catalog}</catalog><entry>{entry}</entry></identifier>
    <title><string language="en">{title}</string></title>
  </general>
</lom>
"""


def test_disc014_default_uuid_of_an_authoring_tool_across_files(tmp_path: Path) -> None:
    uuid = "4a7d755e-34a5-410a-a7d4-601881136623"
    files = []
    for name, catalog, entry, title in [
        ("a.xml", "My Catalog", uuid, "Portfolio"),
        ("b.xml", "Mi catálogo", uuid.upper(), "Seguridad e higiene"),
        ("c.xml", "My Catalog", "1", "Fractions"),
        ("d.xml", "Other Catalog", "1", "Decimals"),
    ]:
        path = tmp_path / name
        path.write_text(LOM.format(catalog=catalog, entry=entry, title=title), encoding="utf-8")
        files.append(str(path))
    report = oer_meta.validate(files, select=["DISC014"])
    by_file = {r.source: [f.message for f in r.findings] for r in report.results}
    assert by_file[files[0]] == [
        "its identifier is also given by 1 other record of this batch with a different "
        f"title: record 0 of {files[1]}"
    ]
    assert by_file[files[1]] == [
        "its identifier is also given by 1 other record of this batch with a different "
        f"title: record 0 of {files[0]}"
    ]
    assert by_file[files[2]] == by_file[files[3]] == []  # "1" only within its catalog
    (finding,) = report.results[0].findings
    assert finding.location.file == files[0] and finding.location.line == 4
