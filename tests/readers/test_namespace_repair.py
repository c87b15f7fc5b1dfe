"""Documents that use prefixes without declaring them are read as their writer meant,
and say so (STD002); nothing else is repaired."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import oer_meta
from oer_meta.readers.xml.namespace_repair import MAX_REPAIR_BYTES, repair

_UNDECLARED = b"""<?xml version="1.0"?>
<!-- a record cut out of its harvest -->
<record>
  <metadata>
    <oai_qdc:qualifieddc xsi:schemaLocation="http://example.org/qdc qdc.xsd">
      <dc:title>Fractions with paper strips</dc:title>
      <dc:language>en</dc:language>
      <dcterms:spatial>Leeds</dcterms:spatial>
      <dc:rights>https://creativecommons.org/licenses/by/4.0/</dc:rights>
    </oai_qdc:qualifieddc>
  </metadata>
</record>
"""

_WRONG_BINDING = b"""<record xmlns:dc="http://www.w3.org/1999/xhtml">
  <qdc:qualifieddc>
    <dc:title>Soil and rain</dc:title>
    <dc:language>fr</dc:language>
  </qdc:qualifieddc>
</record>
"""


def _validate(data: bytes) -> oer_meta.Report:
    return oer_meta.validate(data)


def test_undeclared_prefixes_are_read_with_their_usual_namespaces() -> None:
    report = _validate(_UNDECLARED)
    [result] = report.results
    assert result.status == "checked"
    assert result.record is not None
    assert [t.value for t in result.record.titles] == ["Fractions with paper strips"]
    assert [lic.licence.spdx for lic in result.record.licences if lic.licence] == ["CC-BY-4.0"]
    notes = [f for f in result.findings if "namespace-well-formed" in f.message]
    assert [f.rule for f in notes] == ["STD002"]
    assert "oai_qdc, xsi, dc, dcterms" in notes[0].message
    assert notes[0].location.line == 5  # the record element, lines unchanged by the repair


def test_dc_bound_elsewhere_is_rebound_when_the_document_needs_repair() -> None:
    [result] = _validate(_WRONG_BINDING).results
    assert result.record is not None
    assert [t.value for t in result.record.titles] == ["Soil and rain"]
    [note] = [f for f in result.findings if "namespace-well-formed" in f.message]
    assert "binds dc to a namespace that is not Dublin Core" in note.message


def test_a_namespace_well_formed_document_is_left_alone() -> None:
    good = _UNDECLARED.replace(
        b"<record>",
        b'<record xmlns:dc="http://purl.org/dc/elements/1.1/" '
        b'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:oai_qdc="urn:q" '
        b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    )
    assert repair(good) is None
    [result] = _validate(good).results
    assert not [f for f in result.findings if "namespace-well-formed" in f.message]


def test_a_large_document_is_not_repaired() -> None:
    filler = b"<!--" + b"x" * MAX_REPAIR_BYTES + b"-->"
    big = _UNDECLARED.replace(b"<record>", filler + b"<record>")
    assert repair(big) is None
    [result] = _validate(big).results
    assert result.status == "unreadable"
    assert "not well-formed XML" in result.findings[0].message


def test_the_root_is_found_after_the_prolog() -> None:
    fixed = repair(_UNDECLARED)
    assert fixed is not None
    assert fixed.declared == ("oai_qdc", "xsi", "dc", "dcterms")
    assert b'<record xmlns:oai_qdc="http://worldcat.org/xmlschemas/qdc-1.0/"' in fixed.data
    assert fixed.data.count(b"\n") == _UNDECLARED.count(b"\n")


def test_unclosed_markup_before_the_root_gives_up_at_once() -> None:
    assert repair(b"<?" * 200_000) is None
    assert repair(b"<!--" + b"<a:b>" * 1000) is None


@given(st.binary(max_size=400))
def test_repair_never_raises(data: bytes) -> None:
    fixed = repair(data)
    if fixed is not None:
        assert fixed.declared
        assert len(fixed.data) > len(data) - 1


@given(st.lists(st.sampled_from(["dc", "dcterms", "edm", "foo", "xsi"]), min_size=1, max_size=4))
def test_any_undeclared_prefixes_parse_after_repair(prefixes: list[str]) -> None:
    body = "".join(f"<{p}:title>T</{p}:title>" for p in prefixes)
    data = f'<r><dc:title>Kept</dc:title>{body}<x a:b="1"/></r>'.encode()
    fixed = repair(data)
    assert fixed is not None
    from lxml import etree

    etree.fromstring(fixed.data)  # namespace-well-formed now
