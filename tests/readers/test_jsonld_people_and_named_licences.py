"""Issue 9 (sections 5 and 1), follow-up: the people of schema.org courses and events
(``organizer``, ``instructor``, ``attendee``, ``performer``, ``accountablePerson``, and
those of a Course's ``hasCourseInstance`` runs) are contributors the rules see; and a
licence object whose link is a page no licence is known by, but whose ``name`` is a
licence, is read by its name with the link kept as its ``url``.

Every fixture is written here; names, addresses and numbers are invented (example.org,
+44 7700 900xxx is reserved for fiction).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import oer_meta
from oer_meta.model import Record
from oer_meta.readers import read_records

SCHEMA = "https://schema.org/"


def one(data: dict[str, Any]) -> Record:
    (record,) = [r for r in read_records(json.dumps(data)) if isinstance(r, Record)]
    return record


def person(name: str, **extra: Any) -> dict[str, Any]:
    return {"@type": "Person", "name": name, **extra}


def org(name: str, **extra: Any) -> dict[str, Any]:
    return {"@type": "Organization", "name": name, **extra}


# -- people of courses and events -----------------------------------------------------------


@pytest.mark.parametrize(
    ("node_type", "prop"),
    [
        ("CourseInstance", "instructor"),
        ("CourseInstance", "organizer"),
        ("CourseInstance", "attendee"),
        ("LearningResource", "performer"),
        ("LearningResource", "accountablePerson"),
        ("Course", "sponsor"),
    ],
)
def test_people_of_courses_and_events_are_contributors_with_their_property_as_role(
    node_type: str, prop: str
) -> None:
    record = one(
        {"@context": SCHEMA, "@type": node_type, "name": "Fractions", prop: person("Ana Lima")}
    )
    [agent] = record.contributors
    assert (agent.role, agent.name, agent.kind) == (prop, "Ana Lima", "person")
    assert agent.source_field == f"schema:{prop}"
    assert agent.location is not None and agent.location.path == f"/{prop}"
    assert prop not in [e.name for e in record.extensions]


def test_the_instructors_of_a_courses_runs_are_the_courses_contributors() -> None:
    record = one(
        {
            "@context": SCHEMA,
            "@type": "Course",
            "name": "Statistics",
            "creator": org("Example University"),
            "hasCourseInstance": [
                {"@type": "CourseInstance", "instructor": [person("Ana Lima"), "Ben Okafor"]},
                {"@type": "CourseInstance", "organizer": org("Example Lab"), "startDate": "2024"},
                "a run given as text",
            ],
        }
    )
    assert [(a.role, a.name, a.source_field) for a in record.contributors] == [
        ("creator", "Example University", "schema:creator"),
        ("instructor", "Ana Lima", "schema:hasCourseInstance/schema:instructor"),
        ("instructor", "Ben Okafor", "schema:hasCourseInstance/schema:instructor"),
        ("organizer", "Example Lab", "schema:hasCourseInstance/schema:organizer"),
    ]
    paths = [a.location.path for a in record.contributors if a.location is not None]
    assert paths == [
        "/creator",
        "/hasCourseInstance/0/instructor/0",
        "/hasCourseInstance/0/instructor/1",
        "/hasCourseInstance/1/organizer",
    ]
    # the runs stay whole as an extension, as before
    [runs] = [e for e in record.extensions if e.name == "hasCourseInstance"]
    assert isinstance(runs.value, list) and len(runs.value) == 3
    # an instructor is not an author: the attribution still credits the creator
    assert "Example University" in oer_meta.attribution(record)
    assert "Ana Lima" not in oer_meta.attribution(record)


def fired(data: dict[str, Any]) -> list[tuple[str, str | None, str]]:
    report = oer_meta.validate(json.dumps(data), select=["PRIV001"])
    return [(f.rule, f.field, f.message) for f in report.findings]


def test_a_named_instructors_email_is_personal_and_an_organisers_is_not() -> None:
    found = fired(
        {
            "@context": SCHEMA,
            "@type": "CourseInstance",
            "name": "Statistics, spring run",
            "instructor": person("Ana Lima", email="ana.lima@example.org"),
            "organizer": org("Example Lab", email="lab@example.org", telephone="+44 7700 900123"),
        }
    )
    assert [(rule, field) for rule, field, _ in found] == [("PRIV001", "contributors.email")]
    assert "instructor 'Ana Lima'" in found[0][2]


def test_a_contact_point_of_an_instructor_in_a_courses_run_is_judged() -> None:
    found = fired(
        {
            "@context": SCHEMA,
            "@type": "Course",
            "name": "Statistics",
            "hasCourseInstance": {
                "@type": "CourseInstance",
                "instructor": person(
                    "Ana Lima",
                    contactPoint={"@type": "ContactPoint", "telephone": "+44 7700 900123"},
                ),
            },
        }
    )
    assert [(rule, field) for rule, field, _ in found] == [("PRIV001", "contributors.telephone")]


# -- licences named, linked to a page --------------------------------------------------------

GITHUB_LICENSE = "https://github.com/example/kit/blob/main/LICENSE"


@pytest.mark.parametrize(
    ("licence", "spdx", "path"),
    [
        ({"@type": "CreativeWork", "name": "MIT", "url": GITHUB_LICENSE}, "MIT", "/license/name"),
        (
            {"@id": "https://lessons.myuni.edu/licence.html", "name": "CC BY 4.0"},
            "CC-BY-4.0",
            "/license/name",
        ),
        (
            {
                "name": {"@value": "CC BY-SA 4.0", "@language": "en"},
                "url": "https://lessons.myuni.edu/terms",
            },
            "CC-BY-SA-4.0",
            "/license/name",
        ),
    ],
)
def test_a_licence_named_but_linked_to_a_page_is_read_from_its_name(
    licence: dict[str, Any], spdx: str, path: str
) -> None:
    [statement] = one(
        {"@context": SCHEMA, "@type": "LearningResource", "license": licence}
    ).licences
    link = licence.get("url") or licence.get("@id")
    name = licence["name"]["@value"] if isinstance(licence["name"], dict) else licence["name"]
    assert (statement.raw, statement.spdx) == (name, spdx)
    assert statement.licence is not None and statement.licence.raw == name
    # url is the licence's own, as on every statement, never the page it was linked to
    assert statement.url == statement.licence.url and statement.url != link
    assert statement.openness == "open" and statement.source_field == "schema:license"
    assert statement.location is not None and statement.location.path == path


def test_the_link_wins_when_it_is_a_licence_or_a_statement_or_the_name_is_none() -> None:
    record = one(
        {
            "@context": SCHEMA,
            "@type": "LearningResource",
            "license": [
                {"name": "MIT", "url": "https://creativecommons.org/licenses/by/4.0/"},
                {"name": "CC BY 4.0", "url": "https://rightsstatements.org/vocab/InC/1.0/"},
                {"name": "Our licence", "url": GITHUB_LICENSE},
                {"name": "CC BY 4.0", "url": "https://example.org/licence"},
            ],
        }
    )
    assert [(s.raw, s.spdx) for s in record.licences] == [
        ("https://creativecommons.org/licenses/by/4.0/", "CC-BY-4.0"),
        ("https://rightsstatements.org/vocab/InC/1.0/", None),
        (GITHUB_LICENSE, None),
        ("https://example.org/licence", None),  # a placeholder link says so itself
    ]


def test_a_named_licence_of_a_part_keeps_its_part() -> None:
    record = one(
        {
            "@context": SCHEMA,
            "@type": "LearningResource",
            "license": {"name": "Source Code", "license": {"name": "MIT", "url": GITHUB_LICENSE}},
        }
    )
    [statement] = record.licences
    assert (statement.applies_to, statement.spdx, statement.url) == (
        "Source Code",
        "MIT",
        "https://opensource.org/licenses/MIT",
    )


def test_a_licence_named_on_a_page_is_judged_as_named_not_as_a_terms_page() -> None:
    data = {
        "@context": SCHEMA,
        "@type": "LearningResource",
        "name": "Fractions",
        "license": {"name": "CC BY 4.0", "url": "https://lessons.myuni.edu/licence.html"},
    }
    codes = [f.rule for f in oer_meta.validate(json.dumps(data), select=["LIC"]).findings]
    # not "a site's terms page, no licence" (LIC002) but CC BY 4.0, named in text only
    # (LIC005: the link does not identify it), and attribution data to ask for (LIC008)
    assert codes == ["LIC005", "LIC008"]


@settings(max_examples=150, deadline=None)
@given(
    name=st.one_of(st.text(max_size=30), st.sampled_from(["MIT", "CC BY 4.0", "CC0", "GPL"])),
    link=st.one_of(
        st.text(max_size=40),
        st.sampled_from([GITHUB_LICENSE, "https://creativecommons.org/licenses/by/4.0/"]),
    ),
)
def test_a_licence_object_always_gives_one_statement_from_its_link_or_its_name(
    name: str, link: str
) -> None:
    [statement] = one(
        {"@context": SCHEMA, "@type": "LearningResource", "license": {"name": name, "url": link}}
    ).licences
    assert statement.raw in (name, link)
    assert statement.licence is not None and statement.licence.raw == statement.raw
    if statement.raw != link:  # read from the name: the name is a licence
        assert statement.licence.names_licence
        assert statement.url == statement.licence.url
