"""Inline suppressions: ``<!-- oer-meta: ignore[LIC004] -->`` in XML records and
``"oer-meta:ignore"`` in JSON-LD; the findings they name are dropped, and a code that
hides nothing is reported (STD008)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import oer_meta
from oer_meta.knowledge.suppressions import codes_in, split_codes
from oer_meta.model import Record
from oer_meta.readers.dispatch import iter_source

NC_LICENCE = "https://creativecommons.org/licenses/by-nc/4.0/"

OAI_DC = """<?xml version="1.0" encoding="UTF-8"?>
<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
           xmlns:dc="http://purl.org/dc/elements/1.1/">
  {comment}
  <dc:title>Bruchrechnen<!-- a plain comment -->, Teil 1</dc:title>
  <dc:description>Arbeitsblatt zum Bruchrechnen für die sechste Klasse.</dc:description>
  <dc:identifier>https://example.org/oer/bruch</dc:identifier>
  <dc:language>de</dc:language>
  <dc:rights>{licence}</dc:rights>
</oai_dc:dc>
"""

LISTRECORDS = """<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
  <ListRecords>
    <record>
      <header><identifier>oai:x:1</identifier><datestamp>2024-01-01</datestamp></header>
      <metadata>
        <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
                   xmlns:dc="http://purl.org/dc/elements/1.1/">
          <dc:title>Eins</dc:title>
          <!-- oer-meta: ignore[LIC004] -->
          <dc:rights>{nc}</dc:rights>
        </oai_dc:dc>
      </metadata>
    </record>
    <record>
      <header><identifier>oai:x:2</identifier><datestamp>2024-01-01</datestamp></header>
      <metadata>
        <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
                   xmlns:dc="http://purl.org/dc/elements/1.1/">
          <dc:title>Zwei</dc:title>
          <dc:rights>{nc}</dc:rights>
        </oai_dc:dc>
      </metadata>
    </record>
  </ListRecords>
</OAI-PMH>
""".replace("{nc}", NC_LICENCE)


def _dc(comment: str = "", licence: str = NC_LICENCE) -> str:
    return OAI_DC.format(comment=comment, licence=licence)


def _rules(source: Any, **options: Any) -> list[str]:
    report = oer_meta.validate(source, **options)
    return sorted(f.rule for f in report.findings)


def _record(text: str) -> Record:
    (record,) = [r for r in iter_source(text.encode()) if isinstance(r, Record)]
    return record


# -- reading ---------------------------------------------------------------------------


def test_an_xml_comment_is_read_as_a_suppression_and_the_text_around_comments_is_kept() -> None:
    record = _record(_dc("<!-- oer-meta: ignore[LIC004, disc003] -->"))
    (suppression,) = record.suppressions
    assert suppression.codes == ("LIC004", "DISC003")
    assert suppression.location is not None and suppression.location.line == 4
    assert suppression.location.path == "/oai_dc:dc"
    assert record.title == "Bruchrechnen, Teil 1"  # a comment inside a value is dropped


def test_comments_without_the_marker_are_no_suppressions() -> None:
    assert _record(_dc("<!-- ignore LIC004 -->")).suppressions == ()
    assert _record(_dc("<!-- oer-meta: ignore -->")).suppressions == ()  # no blanket form


def test_a_suppression_belongs_to_the_record_whose_element_holds_it() -> None:
    records = [r for r in iter_source(LISTRECORDS.encode()) if isinstance(r, Record)]
    assert [r.title for r in records] == ["Eins", "Zwei"]
    assert [len(r.suppressions) for r in records] == [1, 0]
    report = oer_meta.validate(LISTRECORDS.encode())
    by_record = [sorted(f.rule for f in r.findings) for r in report.results]
    assert "LIC004" not in by_record[0]
    assert "LIC004" in by_record[1]


def test_the_json_ld_key_is_read_and_is_no_extension() -> None:
    record = _record(
        json.dumps(
            {
                "@context": "https://schema.org/",
                "@type": "LearningResource",
                "name": "Bruchrechnen",
                "license": NC_LICENCE,
                "oer-meta:ignore": ["LIC004", "DISC003, DISC006"],
            }
        )
    )
    (suppression,) = record.suppressions
    assert suppression.codes == ("LIC004", "DISC003", "DISC006")
    assert suppression.source_field == "oer-meta:ignore"
    assert suppression.location is not None and suppression.location.path == "/oer-meta:ignore"
    assert not [e for e in record.extensions if e.name == "oer-meta:ignore"]


# -- applying --------------------------------------------------------------------------


def test_a_suppressed_code_is_not_reported() -> None:
    assert "LIC004" in _rules(_dc().encode())
    assert "LIC004" not in _rules(_dc("<!-- oer-meta: ignore[LIC004] -->").encode())


def test_a_prefix_suppresses_every_code_it_starts() -> None:
    plain = _rules(_dc().encode())
    assert [r for r in plain if r.startswith("LIC")]
    rules = _rules(_dc("<!-- oer-meta: ignore[LIC] -->").encode())
    assert not [r for r in rules if r.startswith("LIC")]
    assert [r for r in rules if not r.startswith("LIC")] == [
        r for r in plain if not r.startswith("LIC")
    ]


def test_a_code_suppresses_its_variants_as_ignore_does() -> None:
    record = {
        "@context": "https://schema.org/",
        "@type": "LearningResource",
        "name": "Kurs",
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "inLanguage": "xx-invalid-tag-here",
    }
    plain = _rules(json.dumps(record))
    assert "LANG002" in plain or "LANG008" in plain
    record["oer-meta:ignore"] = "LANG002"
    rules = _rules(json.dumps(record))
    assert not {"LANG002", "LANG008"} & set(rules)
    assert "STD008" not in rules


def test_an_unused_suppression_is_reported_where_it_is_written() -> None:
    text = _dc("<!-- oer-meta: ignore[LIC004] -->", "https://creativecommons.org/licenses/by/4.0/")
    report = oer_meta.validate(text.encode())
    (unused,) = [f for f in report.findings if f.rule == "STD008"]
    assert unused.message == "the suppression of LIC004 hides no finding of the record"
    assert unused.severity.value == "warning"
    assert unused.location.line == 4


def test_a_misspelt_code_is_reported_as_naming_no_rule() -> None:
    report = oer_meta.validate(_dc("<!-- oer-meta: ignore[LIC04X, *] -->").encode())
    messages = sorted(f.message for f in report.findings if f.rule == "STD008")
    assert messages == [
        "the suppression names '*', which is no rule code or code prefix",
        "the suppression names 'LIC04X', which is no rule code or code prefix",
    ]
    assert "LIC004" in {f.rule for f in report.findings}


def test_empty_brackets_are_reported() -> None:
    report = oer_meta.validate(_dc("<!-- oer-meta: ignore[] -->").encode())
    assert [f.message for f in report.findings if f.rule == "STD008"] == [
        "the suppression names no rule code"
    ]


def test_a_suppression_of_a_rule_the_profile_does_not_run_is_not_reported() -> None:
    text = _dc("<!-- oer-meta: ignore[DISC001] -->").encode()  # the record has a title
    assert "STD008" not in _rules(text, select=["STD008", "LIC"])
    assert "STD008" in _rules(text, select=["STD008", "DISC"])
    assert "STD008" not in _rules(text, profile="minimal")  # minimal does not run STD008


def test_a_json_ld_value_that_is_not_text_is_reported() -> None:
    record = {
        "@context": "https://schema.org/",
        "@type": "LearningResource",
        "name": "Kurs",
        "oer-meta:ignore": [4],
    }
    report = oer_meta.validate(json.dumps(record))
    assert [f.message for f in report.findings if f.rule == "STD008"] == [
        "the suppression names '4', which is no rule code or code prefix"
    ]


def test_std008_can_be_ignored_like_any_rule() -> None:
    text = _dc("<!-- oer-meta: ignore[LIC004] -->", "https://creativecommons.org/licenses/by/4.0/")
    assert "STD008" not in _rules(text.encode(), ignore=["STD008"])


# -- the parser ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (" oer-meta: ignore[LIC004] ", ("LIC004",)),
        ("oer-meta:ignore[lic004,DISC003 LIC004]", ("LIC004", "DISC003")),
        ("OER-META: IGNORE[STD]", ("STD",)),
        ("oer-meta: ignore[LIC004] and oer-meta: ignore[DISC003]", ("LIC004", "DISC003")),
        ("oer-meta: ignore[]", ()),
        ("oer-meta: ignore", None),
        ("nothing here", None),
    ],
)
def test_codes_in(text: str, codes: tuple[str, ...] | None) -> None:
    assert codes_in(text) == codes


@given(st.text(max_size=200))
def test_codes_in_never_raises_and_finds_what_it_is_given(text: str) -> None:
    found = codes_in(text)
    assert found is None or isinstance(found, tuple)
    assert codes_in(f"oer-meta: ignore[{text.replace(']', '').replace('[', '')}]") is not None


@given(st.lists(st.from_regex(r"[A-Z]{2,5}[0-9]{0,3}", fullmatch=True), max_size=5))
def test_split_codes_keeps_each_code_once_in_order(codes: list[str]) -> None:
    assert split_codes([", ".join(codes)]) == tuple(dict.fromkeys(codes))


LOM = """<?xml version="1.0" encoding="UTF-8"?>
<lom xmlns="http://ltsc.ieee.org/xsd/LOM">
  <general>
    <title><string language="de">Bruchrechnen</string></title>
    <!-- oer-meta: ignore[LIC004] -->
  </general>
  <rights>
    <copyrightAndOtherRestrictions>
      <source>LOMv1.0</source><value>yes</value>
    </copyrightAndOtherRestrictions>
    <description><string language="en">{nc}</string></description>
  </rights>
</lom>
""".replace("{nc}", NC_LICENCE)


def test_a_lom_record_suppresses_from_any_depth_of_its_element() -> None:
    record = _record(LOM)
    (suppression,) = record.suppressions
    assert suppression.location is not None and suppression.location.path == "/lom:lom/lom:general"
    assert "LIC004" in _rules(LOM.replace("oer-meta: ignore[LIC004]", "nothing").encode())
    assert "LIC004" not in _rules(LOM.encode())


def test_the_cli_honours_suppressions_and_reports_unused_ones(tmp_path: Any) -> None:
    from oer_meta.cli import main

    path = tmp_path / "record.xml"
    selection = ["--select", "LIC004,DISC001,STD008", "--fail-on", "warning"]
    path.write_text(LOM.replace("LIC004", "LIC004, DISC001"), encoding="utf-8")
    assert main(["validate", str(path), *selection]) == 1  # DISC001: the record has a title
    path.write_text(LOM, encoding="utf-8")
    assert main(["validate", str(path), *selection]) == 0
