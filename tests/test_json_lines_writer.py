"""The JSON report's one-line writer: orjson where it can, the json module where
orjson refuses (text JSON can still carry it, escaped)."""

from __future__ import annotations

import json

from oer_meta.report.formatters.json_report import _line


def test_ordinary_data_is_one_compact_line() -> None:
    data = {"rule": "LIC001", "areas": [1, 2], "message": "é ü ñ — 中文", "line": None}
    text = _line(data)
    assert "\n" not in text
    assert json.loads(text) == data
    assert "é ü ñ — 中文" in text  # written as UTF-8, not as \\u escapes


def test_what_orjson_refuses_is_still_written() -> None:
    for data in ({"name": "\ud800"}, {"big": 2**70}):
        text = _line(data)
        assert json.loads(text) == data
        text.encode("utf-8", errors="backslashreplace")  # the stream's own policy
