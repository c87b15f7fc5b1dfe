"""Learning Registry envelopes: every payload yields a record or an Unreadable."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oer_meta.model import Location, Record
from oer_meta.readers import Unreadable
from oer_meta.readers.base import ReadItem
from oer_meta.readers.containers.envelopes import is_envelope, read_envelopes
from oer_meta.readers.dispatch import DISPATCHER
from oer_meta.readers.xml.namespaces import DC, OAI_DC
from tests.corpus_paths import CORPUS, corpus_id, needs_corpus

OAI_DC_PAYLOAD = (
    f'<oai_dc:dc xmlns:oai_dc="{OAI_DC}" xmlns:dc="{DC}">\n'
    "<dc:title>Halves and quarters</dc:title>\n"
    "<dc:identifier>https://oer.example.org/halves</dc:identifier>\n"
    "</oai_dc:dc>"
)


def envelope(data: object = OAI_DC_PAYLOAD, **fields: object) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "doc_type": "resource_data",
        "resource_data_type": "metadata",
        "payload_placement": "inline",
        "payload_schema": ["oai_dc"],
        "resource_locator": "https://oer.example.org/halves",
        "resource_data": data,
    }
    doc.update(fields)
    return doc


#: The dispatcher the envelopes hand their payloads to (see fake_json_reader).
_dispatcher: Any = DISPATCHER


def read(value: dict[str, Any], **kwargs: Any) -> list[ReadItem]:
    return list(read_envelopes(value, file="lr.json", dispatcher=_dispatcher, **kwargs))


class _RecordingJson:
    """The dispatcher, with its JSON reader stood in for: records the calls."""

    def __init__(self, calls: list[tuple[object, str | None, str]]) -> None:
        self.calls = calls

    def __getattr__(self, name: str) -> Any:
        return getattr(DISPATCHER, name)

    def json_value(
        self, value: object, *, file: str | None, pointer: str = "", **_: object
    ) -> Iterator[Record]:
        self.calls.append((value, file, pointer))
        yield Record(source_format="jsonld", location=Location(file=file, path=pointer))


@contextmanager
def fake_json_reader() -> Iterator[list[tuple[object, str | None, str]]]:
    """Hand the envelopes a dispatcher whose JSON reader records its calls (the JSON-LD
    reader is tested on its own): the dispatcher is injected, so no patching."""
    calls: list[tuple[object, str | None, str]] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(globals(), "_dispatcher", _RecordingJson(calls))
        yield calls


# -- detection ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        {"documents": [envelope()]},
        envelope(),
        {"documents": []},
        {"documents": [{"doc_ID": "x", "document": [envelope()]}]},
        {"documents": [{"doc_ID": "x", "resource_data_description": envelope()}]},
        {"listrecords": [{"record": {"header": {}, "resource_data": envelope()}}]},
        {"getrecord": {"record": {"resource_data": envelope()}}},
        {"resource_data": "<x/>", "resource_locator": "https://example.org"},
    ],
)
def test_is_envelope(value: object) -> None:
    assert is_envelope(value)


@pytest.mark.parametrize(
    "value",
    [
        {"@context": "https://schema.org", "@type": "LearningResource", "name": "x"},
        {"documents": [{"name": "not an envelope"}]},
        {"resource_data": "<x/>"},  # no envelope field besides the payload
        [envelope()],
        "documents",
        None,
    ],
)
def test_is_not_envelope(value: object) -> None:
    assert not is_envelope(value)


# -- reading -----------------------------------------------------------------------------


def test_xml_payload_is_located_by_pointer_and_xpath() -> None:
    (record,) = read({"documents": [envelope(), envelope()]})[1:]
    assert isinstance(record, Record)
    assert record.dialect == "oai_dc"
    assert record.title == "Halves and quarters"
    assert record.location == Location(file="lr.json", path="/documents/1/resource_data/oai_dc:dc")
    title = record.titles[0].location
    assert title == Location(file="lr.json", path="/documents/1/resource_data/oai_dc:dc/dc:title")


def test_resource_locator_not_added_when_the_record_names_it() -> None:
    (record,) = read({"documents": [envelope(resource_locator="https://oer.example.org/halves/")]})
    assert isinstance(record, Record)
    assert [i.value for i in record.identifiers] == ["https://oer.example.org/halves"]
    assert [u.value for u in record.urls] == ["https://oer.example.org/halves"]


def test_resource_locator_added_when_missing() -> None:
    payload = (
        f'<oai_dc:dc xmlns:oai_dc="{OAI_DC}" xmlns:dc="{DC}"><dc:title>T</dc:title></oai_dc:dc>'
    )
    (record,) = read({"documents": [envelope(payload)]})
    assert isinstance(record, Record)
    assert [(i.value, i.catalog) for i in record.identifiers] == [
        ("https://oer.example.org/halves", "url")
    ]
    assert record.identifiers[0].location == Location(
        file="lr.json", path="/documents/0/resource_locator"
    )
    assert [u.value for u in record.urls] == ["https://oer.example.org/halves"]


def test_non_url_locator_is_an_identifier_only() -> None:
    payload = (
        f'<oai_dc:dc xmlns:oai_dc="{OAI_DC}" xmlns:dc="{DC}"><dc:title>T</dc:title></oai_dc:dc>'
    )
    (record,) = read(envelope(payload, resource_locator="urn:nbn:de:0001-42"))
    assert isinstance(record, Record)
    assert [(i.value, i.catalog) for i in record.identifiers] == [("urn:nbn:de:0001-42", "urn")]
    assert record.urls == ()


def test_declared_encoding_leading_space_and_bom_are_tolerated() -> None:
    payload = '\ufeff\n  <?xml version="1.0" encoding="ISO-8859-1"?>' + OAI_DC_PAYLOAD.replace(
        "Halves", "Hälften"
    )
    (record,) = read({"documents": [envelope(payload)]})
    assert isinstance(record, Record)
    assert record.title == "Hälften and quarters"


def test_broken_payload_is_unreadable_and_the_next_one_is_read() -> None:
    items = read({"documents": [envelope("<oai_dc:dc><dc:title>cut"), envelope()]})
    assert isinstance(items[0], Unreadable)
    assert items[0].location.path == "/documents/0/resource_data"
    assert items[0].location.line is None  # lines inside a JSON string mean nothing
    assert isinstance(items[1], Record)


@pytest.mark.parametrize(
    ("doc", "pointer", "words"),
    [
        (envelope(None), "/documents/0", "no resource_data"),
        (envelope("   "), "/documents/0", "empty resource_data"),
        (envelope("plain words"), "/documents/0", "neither XML nor JSON"),
        (envelope(42), "/documents/0", "JSON int"),
        (
            envelope(
                None,
                payload_placement="linked",
                resource_data_location=["https://lr.example.org/x.xml"],
            ),
            "/documents/0",
            "linked payload",
        ),
        (envelope("{}", resource_data_type="paradata"), "/documents/0", "'paradata'"),
        ("just a string", "/documents/0", "not an object"),
        (envelope("{not json"), "/documents/0/resource_data", "not valid JSON"),
        (envelope("<x>\udcff</x>"), "/documents/0/resource_data", "not well-formed"),
    ],
)
def test_unusable_documents_yield_one_unreadable(doc: object, pointer: str, words: str) -> None:
    items = read({"documents": [doc]})
    assert len(items) == 1
    item = items[0]
    assert isinstance(item, Unreadable)
    assert item.location.path == pointer
    assert words in item.message


def test_empty_documents_list_is_reported() -> None:
    (item,) = read({"documents": []})
    assert isinstance(item, Unreadable)
    assert "without any envelope" in item.message


def test_json_payloads_go_to_the_json_reader() -> None:
    with fake_json_reader() as calls:
        items = read(
            {
                "documents": [
                    envelope({"@type": "LearningResource"}),
                    envelope('{"@type": "Course"}'),
                ]
            }
        )
    assert [(value, pointer) for value, _, pointer in calls] == [
        ({"@type": "LearningResource"}, "/documents/0/resource_data"),
        ({"@type": "Course"}, "/documents/1/resource_data"),
    ]
    assert all(isinstance(item, Record) for item in items)
    # the JSON record did not name the locator: it was added
    assert all(
        "https://oer.example.org/halves" in [i.value for i in item.identifiers]
        for item in items
        if isinstance(item, Record)
    )


def test_api_wrappers_give_their_own_pointers() -> None:
    obtain = read({"documents": [{"doc_ID": "a", "document": [envelope(), envelope()]}]})
    assert [i.location.path for i in obtain] == [
        "/documents/0/document/0/resource_data/oai_dc:dc",
        "/documents/0/document/1/resource_data/oai_dc:dc",
    ]
    sliced = read({"documents": [{"doc_ID": "a", "resource_data_description": envelope()}]})
    assert sliced[0].location.path == (
        "/documents/0/resource_data_description/resource_data/oai_dc:dc"
    )
    harvest = read({"listrecords": [{"record": {"header": {}, "resource_data": envelope()}}]})
    assert harvest[0].location.path == (
        "/listrecords/0/record/resource_data/resource_data/oai_dc:dc"
    )
    empty_obtain = read({"documents": [{"doc_ID": "a", "document": []}]})
    assert isinstance(empty_obtain[0], Unreadable)


def test_pointer_prefix_and_positions() -> None:
    def position(pointer: str) -> tuple[int, int]:
        return (len(pointer), 3)

    payload = (
        f'<oai_dc:dc xmlns:oai_dc="{OAI_DC}" xmlns:dc="{DC}"><dc:title>T</dc:title></oai_dc:dc>'
    )
    record, broken = read(
        {"documents": [envelope(payload), envelope(None)]}, pointer="/7", position=position
    )
    assert isinstance(record, Record)
    here = "/documents/0/resource_data"  # positions are asked relative to the value
    assert record.location == Location(
        file="lr.json", line=len(here), column=3, path="/7" + here + "/oai_dc:dc"
    )
    assert record.titles[0].location is not None
    assert record.titles[0].location.line is None
    locator = record.identifiers[0].location
    assert locator is not None
    assert (locator.path, locator.line) == ("/7/documents/0/resource_locator", 29)
    assert isinstance(broken, Unreadable)
    assert (broken.location.path, broken.location.line) == ("/7/documents/1", 12)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
_PAYLOAD = st.one_of(
    _JSON,
    st.sampled_from([OAI_DC_PAYLOAD, "<", "<a/>", "{", "[1]", "", " <x>\x00</x>"]),
    st.text(max_size=40).map(lambda t: f"<dc:title>{t}</dc:title>"),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=_PAYLOAD,
    locator=_JSON,
    placement=_JSON,
    data_type=st.one_of(st.none(), st.sampled_from(["metadata", "paradata", "", "X"]), _JSON),
    extra=st.dictionaries(st.sampled_from(["document", "resource_data_description"]), _JSON),
)
def test_arbitrary_envelopes_never_raise(
    data: object, locator: object, placement: object, data_type: object, extra: dict[str, Any]
) -> None:
    doc = envelope(
        data, resource_locator=locator, payload_placement=placement, resource_data_type=data_type
    )
    value = {"documents": [doc, {**extra, "doc_ID": "x"}, data]}
    with fake_json_reader():
        items = read(value)
    assert len(items) >= 3
    assert all(isinstance(item, (Record, Unreadable)) for item in items)


# -- corpus ------------------------------------------------------------------------------

ENVELOPE_FILES = {
    "oai_dc/lr_envelopes_oai_dc_101docs.json": 101,
    "dcterms/lr_envelopes_nsdl_dc_100docs.json": 100,
}


def _load(name: str) -> dict[str, Any]:
    with (CORPUS / name).open(encoding="utf-8") as handle:
        value: dict[str, Any] = json.load(handle)
    return value


@needs_corpus
@pytest.mark.parametrize("name", sorted(ENVELOPE_FILES))
def test_corpus_envelopes_every_payload_is_a_record(name: str) -> None:
    value = _load(name)
    assert is_envelope(value)
    items = list(read_envelopes(value, file=name, dispatcher=DISPATCHER))
    assert len(items) == ENVELOPE_FILES[name]
    for i, item in enumerate(items):
        assert isinstance(item, Record)
        assert item.problems == ()
        assert item.location.path is not None
        assert item.location.path.startswith(f"/documents/{i}/resource_data/")
        assert item.location.line is None
        # every payload already names its resource_locator: nothing was added
        assert not any(
            ident.location and (ident.location.path or "").endswith("/resource_locator")
            for ident in item.identifiers
        )


@needs_corpus
def test_corpus_oai_dc_envelope_facts() -> None:
    records = list(
        read_envelopes(
            _load("oai_dc/lr_envelopes_oai_dc_101docs.json"), file=None, dispatcher=DISPATCHER
        )
    )
    first = records[0]
    assert isinstance(first, Record)
    assert first.dialect == "oai_dc"
    assert first.title == (
        "African-American sheet music, 1850-1920 selected from the collection of Brown University."
    )
    assert first.titles[0].location == Location(
        path="/documents/0/resource_data/oai_dc:dc/dc:title"
    )
    assert [lang.value for lang in first.languages] == ["eng"]
    without_licence = sum(1 for r in records if isinstance(r, Record) and not r.licences)
    assert without_licence == 85


@needs_corpus
def test_corpus_nsdl_envelope_facts() -> None:
    records = [
        r
        for r in read_envelopes(
            _load("dcterms/lr_envelopes_nsdl_dc_100docs.json"), file=None, dispatcher=DISPATCHER
        )
        if isinstance(r, Record)
    ]
    assert records[0].title == "Simultaneous Linear Equations"
    assert all(r.dialect == "nsdl_dc" for r in records)
    pair = (
        "Creative Commons Attribution-NonCommercial 3.0 Unported License",
        "http://creativecommons.org/licenses/by-nc/3.0/",
    )
    with_pair = [r for r in records if all(raw in [lic.raw for lic in r.licences] for raw in pair)]
    assert len(with_pair) == 26
    assert sum(1 for r in records if not r.licences) == 16  # no dc:rights at all
    access = {t.value for r in records for t in r.access_conditions}
    assert access == {"Free access", "Free access with registration"}


@needs_corpus
@pytest.mark.parametrize("path", [CORPUS / name for name in sorted(ENVELOPE_FILES)], ids=corpus_id)
def test_corpus_envelopes_through_the_json_reader(path: Path) -> None:
    pytest.importorskip("oer_meta.readers.jsonld.reader")
    from oer_meta.readers import iter_source

    items = list(iter_source(path))
    assert len(items) == ENVELOPE_FILES[corpus_id(path)]
    assert all(isinstance(item, Record) and item.source_format == "dc" for item in items)
    assert all(
        item.location.path and item.location.path.startswith("/documents/")
        for item in items
        if isinstance(item, Record)
    )
