"""JSON-LD embedded in HTML pages: finding the blocks, lines in the page, robustness."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oer_meta.model import Record
from oer_meta.readers import ReadItem, Unreadable, iter_source
from oer_meta.readers.containers.html import read_html
from oer_meta.readers.dispatch import DISPATCHER
from tests.corpus_paths import CORPUS, EXAMPLES, needs_corpus

RECORD = {
    "@context": "https://schema.org/",
    "@type": "LearningResource",
    "name": "Rain",
    "license": "https://creativecommons.org/licenses/by/4.0/",
}


def page(*blocks: str, head: str = "", tail: str = "") -> str:
    """An HTML page with the given script blocks in its head."""
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n<title>Rain</title>\n"
        + head
        + "".join(blocks)
        + "</head>\n<body><p>Rain</p>\n"
        + tail
        + "</body>\n</html>\n"
    )


def block(value: Any, attributes: str = 'type="application/ld+json"') -> str:
    return f"<script {attributes}>\n{json.dumps(value, indent=2)}\n</script>\n"


def read(text: str | bytes) -> list[ReadItem]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return list(read_html(data, file="page.html", dispatcher=DISPATCHER))


def records(items: list[ReadItem]) -> list[Record]:
    return [i for i in items if isinstance(i, Record)]


def test_landing_page_example() -> None:
    path = EXAMPLES / "jsonld" / "landing-page.html"
    items = list(iter_source(path))
    assert len(items) == 1 and isinstance(items[0], Record)
    record = items[0]
    assert record.title == "Where does the rain come from? The water cycle"
    lines = path.read_text(encoding="utf-8").splitlines()
    name_line = next(i for i, line in enumerate(lines, 1) if '"name": "Where does' in line)
    assert record.titles[0].location is not None
    assert (record.titles[0].location.line, record.titles[0].location.path) == (name_line, "/name")
    assert record.titles[0].location.column == lines[name_line - 1].index('"Where') + 1
    assert record.location.line == name_line - 4
    assert record.location.file == str(path)


def test_lines_and_columns_are_those_of_the_page() -> None:
    items = read(page(block(RECORD)))
    (record,) = records(items)
    assert record.location.line == 6
    assert record.titles[0].location is not None
    assert (record.titles[0].location.line, record.titles[0].location.column) == (9, 11)


def test_page_without_json_ld() -> None:
    (item,) = read(page(head="<script>var x = 1;</script>\n"))
    assert isinstance(item, Unreadable)
    assert item.message == "no JSON-LD found in this HTML page"
    assert item.hint and item.format == "jsonld"


def test_page_whose_json_ld_describes_only_the_site() -> None:
    site = {"@context": "https://schema.org", "@type": "WebSite", "name": "Rain site"}
    org = {"@context": "https://schema.org", "@type": "Organization", "name": "Rain School"}
    (item,) = read(page(block(site), block(org)))
    assert isinstance(item, Unreadable)
    assert "no schema.org record found in the 2 JSON-LD block(s)" in item.message
    assert "Organization" in item.message
    assert (item.location.line, item.location.column) == (5, 36)


@pytest.mark.parametrize(
    "attributes",
    [
        "type='application/ld+json'",
        "TYPE=application/ld+json",
        'id="meta" type="application/ld+json; charset=utf-8" nonce="abc"',
        'type = "Application/LD+JSON"',
    ],
)
def test_script_attribute_variants(attributes: str) -> None:
    assert records(read(page(block(RECORD, attributes))))[0].title == "Rain"


def test_other_scripts_and_commented_blocks_are_ignored() -> None:
    text = page(
        block(RECORD, 'type="text/javascript"'),
        block(RECORD, 'data-type="application/ld+json" type="text/template"'),
        "<!--\n" + block({**RECORD, "name": "Hidden"}) + "-->\n",
        block({**RECORD, "name": "Shown"}),
    )
    assert [r.title for r in records(read(text))] == ["Shown"]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("<!--", "-->"),
        ("//<![CDATA[", "//]]>"),
        ("/*<![CDATA[*/", "/*]]>*/"),
        ("<![CDATA[", "]]>"),
    ],
)
def test_wrapped_json_is_unwrapped_and_keeps_its_lines(before: str, after: str) -> None:
    body = json.dumps(RECORD, indent=2)
    text = page(f'<script type="application/ld+json">{before}\n{body}\n{after}</script>\n')
    (record,) = records(read(text))
    assert record.titles[0].location is not None
    assert record.titles[0].location.line == 9


def test_broken_block_is_reported_and_other_blocks_still_read() -> None:
    broken = '<script type="application/ld+json">\n{"@type": "LearningResource",\n</script>\n'
    items = read(page(broken, block(RECORD)))
    assert [type(i).__name__ for i in items] == ["Unreadable", "Record"]
    assert isinstance(items[0], Unreadable) and items[0].location.line == 7
    assert "invalid JSON" in items[0].message


def test_several_records_and_graphs() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": "https://example.org/#site", "name": "Rain site"},
            {"@type": "ImageObject", "@id": "https://example.org/#logo", "url": "https://x/l.png"},
            {"@type": "BreadcrumbList", "itemListElement": []},
            {"@type": "WebPage", "@id": "https://example.org/rain", "name": "Rain page"},
        ],
    }
    items = read(page(block(RECORD), block(graph)))
    assert [r.title for r in records(items)] == ["Rain", "Rain page"]
    assert records(items)[1].location.path == "/@graph/3"


def test_unclosed_script_and_sloppy_html() -> None:
    text = "<html><head><title>x<script type=application/ld+json>" + json.dumps(RECORD)
    assert records(read(text))[0].title == "Rain"


def test_legacy_encoding_is_decoded() -> None:
    value = {**RECORD, "name": "Pluie d'été"}
    text = page(block(value), head='<meta charset="windows-1252">\n')
    data = text.encode("cp1252")
    assert records(read(data))[0].title == "Pluie d'été"


@needs_corpus
def test_script_wrapped_corpus_file_reads_the_same_way_either_route() -> None:
    path = CORPUS / "jsonld" / "dcmi-lrmi_alignmentsUK_jsonld.json"
    (via_html,) = read_html(path.read_bytes(), file=str(path), dispatcher=DISPATCHER)
    (via_source,) = iter_source(path)
    assert isinstance(via_html, Record) and isinstance(via_source, Record)
    assert via_html.model_dump() == via_source.model_dump()
    assert via_html.titles[0].location is not None
    assert via_html.titles[0].location.line == 5


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=120), st.sampled_from(["", "<!--", "<![CDATA["]))
def test_any_script_content_never_raises(content: str, wrapper: str) -> None:
    items = read(page(f'<script type="application/ld+json">{wrapper}{content}</script>\n'))
    assert items
    for item in items:
        assert isinstance(item, (Record, Unreadable))
        if isinstance(item, Unreadable):
            assert "internal error" not in item.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=200))
def test_any_bytes_as_a_page_never_raise(data: bytes) -> None:
    assert read(b"<html>" + data)
