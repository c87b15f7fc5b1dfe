"""Property tests: whatever bytes or JSON values come in, validate never raises."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import oer_meta

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "@context",
                    "@type",
                    "name",
                    "license",
                    "inLanguage",
                    "creator",
                    "@graph",
                    "keywords",
                    "id",
                    "type",
                    "description",
                ]
            )
            | st.text(max_size=8),
            children,
            max_size=5,
        )
    ),
    max_leaves=20,
)

XML_PIECES = st.lists(
    st.sampled_from(
        [
            b"<lom>",
            b"</lom>",
            b"<general>",
            b"</general>",
            b"<title>",
            b"</title>",
            b"<string language='en'>",
            b"</string>",
            b"<oai_dc:dc xmlns:oai_dc='x' xmlns:dc='http://purl.org/dc/elements/1.1/'>",
            b"<dc:title>",
            b"</dc:title>",
            b"&amp;",
            b"<!-- c -->",
            b"text",
            b"\xff",
            b"<![CDATA[x]]>",
        ]
    ),
    max_size=12,
).map(b"".join)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(report: oer_meta.Report) -> None:
    assert len(report.results) >= 1
    report.to_json()


@SETTINGS
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    _check(oer_meta.validate(data))


@SETTINGS
@given(XML_PIECES)
def test_xml_like_bytes_never_raise(data: bytes) -> None:
    _check(oer_meta.validate(data))


@SETTINGS
@given(JSON)
def test_arbitrary_json_values_never_raise(value: Any) -> None:
    import json

    _check(oer_meta.validate(json.dumps(value).encode()))
    if isinstance(value, dict):
        _check(oer_meta.validate(value))
