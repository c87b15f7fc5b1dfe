"""Which JSON-LD nodes are records (parts, main entities, graphs, loose array items),
licences given as objects, and broken documents read as one unreadable result.

Every fixture here is written by the project (docs/records.md explains the rules).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import oer_meta
from oer_meta.knowledge.licences.record import effective_licence, record_licence
from oer_meta.model import Record, Relation
from oer_meta.readers import ReadItem
from oer_meta.readers.base import NoRecord, Unreadable
from oer_meta.readers.dispatch import DISPATCHER
from oer_meta.readers.jsonld.lines import document_end, iter_documents
from oer_meta.readers.jsonld.reader import read_json_bytes, records_from_json

SCHEMA = "https://schema.org/"
CC_BY = "https://creativecommons.org/licenses/by/4.0/"
CC_BY_SA = "https://creativecommons.org/licenses/by-sa/4.0/"
MIT = "https://opensource.org/licenses/MIT"
AGPL = "https://opensource.org/licenses/AGPL-3.0"


def read(data: str | dict[str, Any] | list[Any]) -> list[ReadItem]:
    if isinstance(data, str):
        return list(read_json_bytes(data.encode(), file="t.json", dispatcher=DISPATCHER))
    return list(records_from_json(data, file=None, dispatcher=DISPATCHER))


def records(data: str | dict[str, Any] | list[Any]) -> list[Record]:
    items = read(data)
    assert all(isinstance(i, Record) for i in items), items
    return [i for i in items if isinstance(i, Record)]


def lesson(**props: Any) -> dict[str, Any]:
    return {"@context": SCHEMA, "@type": "LearningResource", "name": "Clouds", **props}


def activity(name: str, **props: Any) -> dict[str, Any]:
    return {"@type": "LearningResource", "name": name, **props}


def complete(name: str, **props: Any) -> dict[str, Any]:
    """A part that describes a resource on its own: title, licence, description."""
    return activity(name, license=CC_BY, description=f"About {name.lower()}.", **props)


def part_of(record: Record) -> list[Relation]:
    return [r for r in record.relations if r.kind == "isPartOf"]


# -- licences given as objects ------------------------------------------------------------


def test_licence_objects_per_part_are_read_as_their_urls() -> None:
    doc = lesson(
        license=[
            {"@type": "CreativeWork", "name": "Source Code", "license": MIT},
            {"@type": "CreativeWork", "name": "Content", "license": CC_BY},
        ]
    )
    (record,) = records(json.dumps(doc, indent=2))
    assert [(s.raw, s.applies_to) for s in record.licences] == [
        (MIT, "Source Code"),
        (CC_BY, "Content"),
    ]
    assert [s.openness for s in record.licences] == ["open", "open"]
    assert {s.source_field for s in record.licences} == {"schema:license/schema:license"}
    first = record.licences[0].location
    assert first is not None and first.path == "/license/0/license" and first.line == 9


def test_a_licence_object_with_a_url_is_that_url_and_covers_the_whole_resource() -> None:
    doc = lesson(license={"@type": "CreativeWork", "name": "CC BY-SA (Attribution)", "url": CC_BY})
    (statement,) = records(doc)[0].licences
    assert (statement.raw, statement.applies_to) == (CC_BY, None)


def test_a_part_licence_given_as_an_object_or_a_list() -> None:
    doc = lesson(
        license=[
            {"name": "Inhalte", "license": {"@id": CC_BY_SA}},
            {"name": "Code", "license": [MIT, {"url": AGPL}]},
        ]
    )
    statements = records(doc)[0].licences
    assert [(s.raw, s.applies_to) for s in statements] == [
        (CC_BY_SA, "Inhalte"),
        (MIT, "Code"),
        (AGPL, "Code"),
    ]
    located = statements[2].location
    assert located is not None and located.path == "/license/1/license/1/url"


def test_a_part_licence_of_a_wrong_datatype_is_a_problem_not_a_licence() -> None:
    (record,) = records(lesson(license={"name": "Code", "license": 3}))
    assert record.licences == ()
    (problem,) = record.problems
    assert problem.rule == "STD002" and "license holds a number" in problem.message


def test_the_source_of_an_adaptation_with_licence_objects() -> None:
    doc = lesson(
        isBasedOn={
            "@id": "https://example.org/orig",
            "license": [{"name": "Text", "license": CC_BY}],
        }
    )
    (relation,) = records(doc)[0].relations
    (statement,) = relation.licences
    assert (statement.raw, statement.applies_to) == (CC_BY, "Text")
    assert statement.source_field == "schema:isBasedOn/schema:license/schema:license"


def test_licences_of_code_and_content_do_not_conflict_and_content_is_what_is_reused() -> None:
    doc = lesson(
        license=[
            {"name": "Source Code", "license": AGPL},
            {"name": "Content", "license": CC_BY_SA},
        ],
        creator={"@type": "Person", "name": "Ada Example"},
        url="https://example.org/clouds",
    )
    (record,) = records(doc)
    assert oer_meta.check(record, select=["LIC006"]) == []
    chosen = effective_licence(record)
    assert chosen is not None and chosen[0].raw == CC_BY_SA
    licence = record_licence(record)
    assert licence is not None and licence.url == CC_BY_SA
    assert "CC BY-SA 4.0" in oer_meta.attribution(record)


def test_a_whole_resource_licence_wins_over_part_licences() -> None:
    doc = lesson(license=[{"name": "Content", "license": CC_BY_SA}, CC_BY])
    (record,) = records(doc)
    chosen = effective_licence(record)
    assert chosen is not None and chosen[0].raw == CC_BY
    assert oer_meta.check(record, select=["LIC006"]) == []


def test_two_licences_for_the_same_part_still_conflict() -> None:
    doc = lesson(
        license=[
            {
                "name": "Content",
                "license": [CC_BY_SA, "https://creativecommons.org/licenses/by-nc/4.0/"],
            }
        ]
    )
    (finding,) = oer_meta.check(records(doc)[0], select=["LIC006"])
    assert "by-nc" in finding.message


def test_parts_all_code_fall_back_to_every_statement() -> None:
    doc = lesson(license=[{"name": "Software", "license": MIT}])
    licence = record_licence(records(doc)[0])
    assert licence is not None and licence.spdx == "MIT"


# -- a resource and its parts ------------------------------------------------------------


def test_a_lesson_with_nested_activities_is_one_record() -> None:
    doc = lesson(
        license=CC_BY,
        hasPart=[
            activity("Warm-up", timeRequired="PT5M"),
            activity("Quiz", learningResourceType="quiz"),
        ],
    )
    (record,) = records(doc)
    assert record.title == "Clouds"
    assert [(r.kind, r.title) for r in record.relations] == [
        ("hasPart", "Warm-up"),
        ("hasPart", "Quiz"),
    ]


def test_a_part_that_is_a_complete_description_is_its_own_record_tied_to_its_parent() -> None:
    doc = lesson(
        **{"@id": "https://example.org/clouds"},
        license=CC_BY,
        hasPart=[activity("Warm-up"), complete("Cloud atlas", inLanguage="en")],
    )
    parent, part = records(json.dumps(doc, indent=2))
    assert (parent.title, part.title) == ("Clouds", "Cloud atlas")
    assert part.location.path == "/hasPart/1"
    assert [lang.value for lang in part.languages] == ["en"]
    assert part.problems == ()  # the part is in its parent's @context
    (tie,) = part_of(part)
    assert (tie.target, tie.title, tie.source_field) == (
        "https://example.org/clouds",
        "Clouds",
        "schema:hasPart",
    )
    assert tie.location is not None and tie.location.path == "/hasPart/1"
    assert [r.title for r in parent.relations] == ["Warm-up", "Cloud atlas"]


def test_a_part_that_names_its_parent_already_is_not_tied_twice() -> None:
    doc = lesson(
        **{"@id": "https://example.org/clouds"},
        hasPart=complete("Atlas", isPartOf={"@id": "https://example.org/clouds"}),
    )
    _, part = records(doc)
    assert len(part_of(part)) == 1 and part_of(part)[0].source_field == "schema:isPartOf"


@pytest.mark.parametrize(
    "reference",
    [
        {
            "id": "https://example.org/m1",
            "type": "LearningResource",
            "name": "Module 1",
            "license": {"id": CC_BY},
        },
        {"@type": "LearningResource", "name": "Module 1", "description": "No licence of its own."},
        {"@type": "LearningResource", "name": "Module 1", "license": CC_BY},
        {"@type": "Person", "name": "Ann", "license": CC_BY, "description": "A person."},
    ],
)
def test_a_part_that_is_a_reference_stays_in_its_parent(reference: dict[str, Any]) -> None:
    assert len(records(lesson(license=CC_BY, hasPart=[reference]))) == 1


def test_a_complete_part_inside_a_module_is_tied_to_the_module() -> None:
    module = activity(
        "Module 1", **{"@id": "https://example.org/m1"}, hasPart=[complete("Reading")]
    )
    _, part = records(lesson(license=CC_BY, hasPart=module))
    assert part.title == "Reading" and part.location.path == "/hasPart/hasPart/0"
    assert part_of(part)[0].target == "https://example.org/m1"


def test_parts_of_a_complete_part_are_tied_to_it() -> None:
    doc = lesson(
        hasPart=complete("Unit", url="https://example.org/unit", hasPart=complete("Sheet"))
    )
    titles = [(r.title, [t.title for t in part_of(r)]) for r in records(doc)]
    assert titles == [("Clouds", []), ("Unit", ["Clouds"]), ("Sheet", ["Unit"])]


def test_containers_and_course_instances_are_never_records() -> None:
    doc = lesson(
        isPartOf=complete("Weather course"),
        hasCourseInstance=complete("Spring run"),
        workExample=complete("Worked example"),
    )
    assert [r.title for r in records(doc)] == ["Clouds"]


def test_the_resource_carrying_its_own_graph_is_the_record() -> None:
    doc = lesson(
        **{"@id": "https://example.org/clouds"},
        license=CC_BY,
        **{
            "@graph": [
                activity("Warm-up"),
                activity("Quiz", learningResourceType="quiz"),
                {"@type": "Person", "@id": "#ann", "name": "Ann"},
                complete("Cloud atlas"),
            ]
        },
    )
    parent, part = records(doc)
    assert parent.title == "Clouds" and parent.location.path == ""
    assert part.title == "Cloud atlas" and part.location.path == "/@graph/3"
    (tie,) = part_of(part)
    assert (tie.target, tie.source_field) == ("https://example.org/clouds", "@graph")


# -- graphs -----------------------------------------------------------------------------


def graph(*nodes: dict[str, Any]) -> dict[str, Any]:
    return {"@context": SCHEMA, "@graph": list(nodes)}


def test_graph_parts_listed_by_reference_fold_into_their_parent() -> None:
    doc = graph(
        {
            "@type": "Course",
            "@id": "#c",
            "name": "Weather",
            "hasPart": [{"@id": "#l1"}, {"@id": "#l2"}],
        },
        {"@type": "LearningResource", "@id": "#l1", "name": "Clouds"},
        complete("Rain", **{"@id": "#l2"}),
    )
    course, rain = records(doc)
    assert course.title == "Weather" and course.location.path == "/@graph/0"
    assert [(r.target, r.title) for r in course.relations] == [("#l1", "Clouds"), ("#l2", "Rain")]
    assert rain.location.path == "/@graph/2"
    assert part_of(rain)[0].title == "Weather"


def test_a_graph_node_named_by_is_part_of_is_context_not_a_record() -> None:
    doc = graph(
        lesson(**{"@id": "#lesson"}, isPartOf={"@id": "#course"}),
        {"@type": "Course", "@id": "#course", "name": "Weather", "license": CC_BY},
    )
    (record,) = records(doc)
    assert record.title == "Clouds"
    assert [(r.kind, r.target, r.title) for r in record.relations] == [
        ("isPartOf", "#course", "Weather")
    ]


def test_a_graph_that_says_the_part_relation_both_ways_gives_the_whole() -> None:
    doc = graph(
        lesson(**{"@id": "#lesson"}, isPartOf={"@id": "#course"}),
        {"@type": "Course", "@id": "#course", "name": "Weather", "hasPart": {"@id": "#lesson"}},
    )
    assert [r.title for r in records(doc)] == ["Weather"]


def test_a_graph_where_every_node_is_a_part_of_another_keeps_them_all() -> None:
    doc = graph(
        activity("A", **{"@id": "#a"}, hasPart={"@id": "#b"}),
        activity("B", **{"@id": "#b"}, hasPart={"@id": "#a"}),
    )
    assert [r.title for r in records(doc)] == ["A", "B"]


def test_a_site_graph_is_about_its_article_not_its_page() -> None:
    page = "https://example.org/clouds/"
    doc = graph(
        {"@type": "WebSite", "@id": "https://example.org/#site", "name": "Weather school"},
        {"@type": "Organization", "@id": "https://example.org/#org", "name": "Weather school"},
        {
            "@type": "WebPage",
            "@id": page,
            "name": "Clouds - Weather school",
            "isPartOf": {"@id": "https://example.org/#site"},
        },
        {"@type": "ImageObject", "@id": page + "#image", "url": "https://example.org/c.png"},
        {
            "@type": "Article",
            "headline": "Clouds",
            "isPartOf": {"@id": page},
            "mainEntityOfPage": {"@id": page},
            "license": CC_BY,
        },
    )
    (record,) = records(doc)
    assert record.title == "Clouds" and record.location.path == "/@graph/4"


def test_a_graph_of_pages_only_keeps_the_pages() -> None:
    doc = graph(
        {"@type": "WebSite", "@id": "#site", "name": "Weather school"},
        {
            "@type": "CollectionPage",
            "@id": "#p",
            "name": "All lessons",
            "hasPart": [activity("Rain")],
        },
    )
    assert [r.title for r in records(doc)] == ["All lessons"]


def test_a_page_with_a_main_entity_in_the_graph() -> None:
    doc = graph(
        {
            "@type": "WebPage",
            "@id": "#page",
            "name": "Page",
            "mainEntity": {"@id": "#course"},
            "inLanguage": "en",
        },
        {"@type": "Course", "@id": "#course", "name": "Weather", "license": CC_BY},
    )
    (record,) = records(doc)
    assert record.title == "Weather" and record.location.path == "/@graph/1"
    assert [(u.value, u.source_field) for u in record.urls] == [
        ("#page", "schema:mainEntityOfPage")
    ]


def test_a_page_with_a_nested_main_entity_in_a_graph() -> None:
    doc = graph(
        {"@type": "WebSite", "@id": "#site", "name": "Weather school"},
        {"@type": "ItemPage", "name": "Page", "mainEntity": lesson(license=CC_BY)},
    )
    (record,) = records(doc)
    assert record.title == "Clouds" and record.location.path == "/@graph/1/mainEntity"


# -- main entities ----------------------------------------------------------------------


def test_a_page_about_a_course_is_the_course() -> None:
    doc = {
        "@context": SCHEMA,
        "@type": "WebPage",
        "name": "Weather course - our school",
        "url": "https://example.org/weather",
        "inLanguage": "de",
        "mainEntity": {
            "@type": "Course",
            "name": "Weather",
            "license": CC_BY,
            "hasPart": [activity("Clouds")],
        },
    }
    (record,) = records(json.dumps(doc, indent=2))
    assert record.title == "Weather" and record.location.path == "/mainEntity"
    assert record.languages == ()  # the page's language is the page's, not read into the course
    assert record.problems == ()  # the page's @context applies
    assert [r.title for r in record.relations] == ["Clouds"]
    # the page is the course's mainEntityOfPage: its URL is where the course is shown
    (url,) = record.urls
    assert (url.value, url.source_field) == (
        "https://example.org/weather",
        "schema:mainEntityOfPage",
    )
    assert url.location is not None and (url.location.path, url.location.line) == ("/url", 5)
    assert [i.value for i in record.identifiers] == ["https://example.org/weather"]


def test_main_entities_listed_are_each_a_record() -> None:
    doc = {
        "@context": SCHEMA,
        "@type": "CollectionPage",
        "mainEntity": [
            lesson(name="Clouds"),
            {"@type": "Organization", "name": "School"},
            lesson(name="Rain"),
        ],
    }
    assert [r.title for r in records(doc)] == ["Clouds", "Rain"]


@pytest.mark.parametrize(
    "entity",
    [{"@type": "Organization", "name": "School"}, {"@type": "ItemList", "itemListElement": []}],
)
def test_a_page_whose_main_entity_is_no_resource_is_the_record(entity: dict[str, Any]) -> None:
    doc = {"@context": SCHEMA, "@type": "WebPage", "name": "About us", "mainEntity": entity}
    (record,) = records(doc)
    assert record.title == "About us" and record.location.path == ""


def test_a_resource_with_a_main_entity_stays_the_record() -> None:
    doc = lesson(mainEntity={"@type": "VideoObject", "name": "Cloud film", "license": CC_BY})
    (record,) = records(doc)
    assert record.title == "Clouds"


# -- arrays -------------------------------------------------------------------------------


def test_an_untyped_named_item_of_an_array_of_records_is_a_record_missing_context_and_type() -> (
    None
):
    items = [
        {
            "@context": SCHEMA,
            "@type": "CourseInstance",
            "name": "Clouds, spring",
            "startDate": "2024-03-01",
        },
        {"name": "Clouds talk", "startDate": "2024-03-02", "image": "https://example.org/t.png"},
    ]
    first, second = records(json.dumps(items, indent=2))
    assert second.title == "Clouds talk" and second.location.path == "/1"
    messages = [p.message for p in second.problems]
    assert any(m.startswith("no @context") for m in messages)
    assert any(m.startswith("@type is missing") for m in messages)
    assert first.problems == ()


@pytest.mark.parametrize(
    "items",
    [
        [{"name": "Clouds talk", "startDate": "2024-03-02"}, {"name": "Rain talk"}],
        [lesson(), {"startDate": "2024-03-02", "image": "https://example.org/t.png"}],
        [lesson(), {"@type": "Person", "name": "Ann"}],
    ],
)
def test_other_items_that_are_no_records_stay_so(items: list[Any]) -> None:
    assert any(isinstance(i, NoRecord) for i in read(items))


def test_a_context_key_with_a_space_is_named() -> None:
    doc = {"@context ": "https: //schema.org", "@type": "Course", "name": "Clouds"}
    (record,) = records(json.dumps(doc, indent=2))
    (problem,) = [p for p in record.problems if "@context" in p.message]
    assert "'@context ' has a space in it" in problem.message
    assert problem.location is not None and problem.location.line == 2
    assert problem.hint is not None and '"@context"' in problem.hint


# -- broken documents -------------------------------------------------------------------


def unindented(doc: Any) -> str:
    """Pretty-printed without indentation: nested objects start in column 1."""
    return json.dumps(doc, indent=0)


BIG = lesson(
    about=[{"@type": "DefinedTerm", "name": "Weather"}, {"@id": "https://example.org/t"}],
    author=[{"@type": "Person", "name": "Ann"}, {"@type": "Organization", "name": "School"}],
    license=CC_BY,
)


def test_an_unindented_document_with_a_missing_comma_is_one_unreadable_result() -> None:
    text = unindented(BIG).replace('"Clouds",', '"Clouds"', 1)
    (item,) = read(text)
    assert isinstance(item, Unreadable)
    assert item.message == "invalid JSON: Expecting ',' delimiter"
    assert (item.location.line, item.location.column) == (5, 1)


def test_a_trailing_comma_deep_inside_is_one_unreadable_result() -> None:
    text = unindented(BIG).replace('"name": "School"', '"name": "School",', 1)
    (item,) = read(text)
    assert isinstance(item, Unreadable) and "double quotes" in item.message


def test_a_cut_off_unindented_document_is_one_unreadable_result() -> None:
    text = unindented(BIG)
    (item,) = read(text[: text.index('"Organization"')])
    assert isinstance(item, Unreadable)


def test_a_broken_unindented_document_between_good_ones() -> None:
    broken = unindented(BIG).replace('"Clouds",', '"Clouds"', 1)
    text = "\n".join([unindented(lesson(name="A")), broken, unindented(lesson(name="C"))])
    kinds = [(type(i).__name__, getattr(i, "title", None)) for i in read(text)]
    assert kinds == [("Record", "A"), ("Unreadable", None), ("Record", "C")]


def test_json_lines_with_a_bad_line_whose_brackets_balance() -> None:
    lines = [json.dumps(lesson(name=n)) for n in "ABC"]
    lines[1] = lines[1].replace('", "', '" "', 1)
    kinds = [type(i).__name__ for i in read("\n".join(lines) + "\n")]
    assert kinds == ["Record", "Unreadable", "Record"]


def test_the_corpus_json_lines_shape_with_a_cut_line_keeps_the_rest() -> None:
    lines = [json.dumps(lesson(name=n, about={"@type": "DefinedTerm", "name": n})) for n in "ABCD"]
    lines[1] = lines[1][:30]
    items = read("\n".join(lines))
    assert [getattr(i, "title", None) for i in items] == ["A", None, "C", "D"]
    assert items[1].location.line == 2


@settings(max_examples=60, deadline=None)
@given(
    names=st.lists(
        st.text(alphabet="abcé xyzü", min_size=1, max_size=12).map(lambda t: t.strip() or "x"),
        min_size=2,
        max_size=6,
    ),
    bad=st.integers(min_value=0, max_value=5),
    cut=st.integers(min_value=1, max_value=60),
)
def test_json_lines_keep_every_good_line_whatever_the_cut(
    names: list[str], bad: int, cut: int
) -> None:
    lines = [json.dumps(lesson(name=n, about=[{"name": n}])) for n in names]
    bad %= len(lines)
    lines[bad] = lines[bad][: min(cut, len(lines[bad]) - 1)]
    items = read("\n".join(lines) + "\n")
    titles = [i.titles[0].value for i in items if isinstance(i, Record)]
    assert titles == [n for i, n in enumerate(names) if i != bad]
    assert sum(isinstance(i, Unreadable) for i in items) == 1


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(
    value=st.dictionaries(st.text(max_size=6), JSON_VALUES, max_size=5),
    indent=st.sampled_from([None, 0, 2]),
)
def test_document_end_of_a_valid_document_is_its_end(
    value: dict[str, Any], indent: int | None
) -> None:
    text = json.dumps(value, indent=indent)
    assert document_end(text + "\n", 0) == len(text)


@settings(max_examples=150, deadline=None)
@given(
    value=st.dictionaries(st.text(max_size=6), JSON_VALUES, min_size=2, max_size=5),
    which=st.integers(min_value=0),
    trailing=st.booleans(),
)
def test_a_missing_or_trailing_comma_in_an_unindented_document_is_one_problem(
    value: dict[str, Any], which: int, trailing: bool
) -> None:
    """Line breaks inside an ``indent=0`` dump are all structural (strings escape
    them): a comma before one separates members, one before a closing bracket is a
    trailing comma."""
    text = json.dumps(value, indent=0)
    if trailing:
        spots = [i for i in range(len(text) - 1) if text[i] == "\n" and text[i + 1] in "}]"]
        at = spots[which % len(spots)]
        broken = text[:at] + "," + text[at:]
    else:
        spots = [i for i in range(len(text) - 1) if text[i : i + 2] == ",\n"]
        if not spots:
            return
        at = spots[which % len(spots)]
        broken = text[:at] + text[at + 1 :]
    found = list(iter_documents(broken + "\n" + json.dumps(lesson())))
    assert [type(d).__name__ for d in found] == ["SyntaxProblem", "Document"]
    assert found[0].offset <= len(broken)


@settings(max_examples=150, deadline=None)
@given(
    value=st.dictionaries(st.text(max_size=6), JSON_VALUES, min_size=1, max_size=5),
    at=st.integers(min_value=1),
)
def test_any_character_deleted_from_a_document_never_raises(value: dict[str, Any], at: int) -> None:
    text = json.dumps(value, indent=0)
    at = 1 + at % (len(text) - 1)
    broken = text[:at] + text[at + 1 :]
    found = list(iter_documents(broken))
    assert found and all(
        0 <= getattr(d, "offset", getattr(d, "start", 0)) <= len(broken) for d in found
    )


@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet='{}[]",:\\ \n\tab1', max_size=80))
def test_document_end_never_raises_and_stays_in_the_text(text: str) -> None:
    for start in range(len(text)):
        end = document_end(text, start)
        assert end is None or start < end <= len(text)
