"""Every failure the fuzzers found, as a minimal input written here (docs/fuzzing.md).

Each test fails on the code before its fix: the fuzz target raises FuzzError when
oer_meta records an internal error."""

from __future__ import annotations

import codecs

import pytest

import oer_meta
from tests.fuzz.targets import TARGETS


def _utf32_le_with_bad_unit(at: int) -> bytes:
    """A UTF-32LE XML document whose code unit ``at`` is beyond U+10FFFF."""
    text = "<lom><general><title><string>T</string></title></general></lom>"
    data = bytearray(text.encode("utf-32-le"))
    data[at * 4 : at * 4 + 4] = b"\x00\x00\x00\x01"  # 0x01000000: no such code point
    return bytes(data)


@pytest.mark.parametrize("target", ["lom", "dc"])
def test_utf32_with_a_bad_unit_in_the_first_64k_is_unreadable_not_a_crash(target: str) -> None:
    # Found by atheris (lom, dc): read_xml read the head of a transcoded UTF-32 stream
    # outside its try, so a bad code unit there escaped as UnicodeDecodeError.
    TARGETS[target](_utf32_le_with_bad_unit(3))


def test_utf32_bad_unit_is_reported_as_std001() -> None:
    report = oer_meta.validate(_utf32_le_with_bad_unit(3))
    (result,) = report.results
    assert result.status == "unreadable"
    assert [f.rule for f in result.findings] == ["STD001"]
    assert "UTF-32" in result.findings[0].message


def test_utf32_bad_unit_after_a_record_keeps_the_record() -> None:
    record = "<lom><general><title><string>T</string></title></general></lom>"
    text = "<list>" + record * 2 + "<x>" + " " * 40_000 + "</x></list>"
    data = bytearray(codecs.BOM_UTF32_LE + text.encode("utf-32-le"))
    data[-8:-4] = b"\x00\x00\x00\x01"
    statuses = [r.status for r in oer_meta.validate(bytes(data))]
    assert statuses[:2] == ["checked", "checked"]
    assert statuses[-1] == "unreadable"
