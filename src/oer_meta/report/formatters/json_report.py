"""The JSON report, written incrementally, and its JSON Lines form.

``json``: one document in the shape of ``schemas/report.schema.json`` whose
``results`` array is written one result at a time, each on one line (compact, written by
orjson: the json module's indenting encoder is pure Python and cost more than all the
rules together on JSON-LD input, its compact one still six times orjson); the batch
rules' findings follow in
``batch_findings`` (each names its record by ``source`` and ``index``), then ``ok`` and
``summary``, indented.  ``jsonl``: one object per line with a ``type`` key: ``result`` (the
result as in the JSON report), ``batch-finding``, and a last ``summary`` line.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

import orjson

from oer_meta._version import __version__
from oer_meta.report.formatters.base import RunInfo
from oer_meta.report.results import BatchFinding, RecordResult, Tally


def _dumps(data: Any, indent: int | None = None) -> str:
    return json.dumps(data, ensure_ascii=False, indent=indent)


def _line(data: Any) -> str:
    """``data`` as compact JSON on one line.  orjson refuses what JSON text cannot
    carry as such (a lone surrogate the readers did not see, an integer beyond 64
    bits); the json module writes those with escapes."""
    try:
        return orjson.dumps(data).decode()
    except (TypeError, orjson.JSONEncodeError):
        return json.dumps(data, ensure_ascii=False)


def _indented(text: str, prefix: str) -> str:
    return text.replace("\n", "\n" + prefix)


class JsonFormatter:
    """One JSON document, streamed: results are written as they come."""

    def __init__(self, stream: TextIO) -> None:
        self._out = stream
        self._count = 0
        self._batch_count = 0
        self._in_batch = False

    def start(self, info: RunInfo) -> None:
        self._info = info
        head = {"tool": {"name": "oer-meta", "version": __version__}, "profile": info.profile}
        self._out.write("{\n")
        for key, value in head.items():
            self._out.write(f"  {_dumps(key)}: {_indented(_dumps(value, 2), '  ')},\n")
        self._out.write(f'  "fail_on": {_dumps(info.fail_on.value)},\n  "results": [')

    def result(self, result: RecordResult) -> None:
        self._out.write((",\n    " if self._count else "\n    ") + _line(result.to_dict()))
        self._count += 1

    def batch(self, found: list[BatchFinding]) -> None:
        for item in found:
            if not self._in_batch:
                self._end_results()
                self._out.write('  "batch_findings": [')
                self._in_batch = True
            self._out.write((",\n    " if self._batch_count else "\n    ") + _line(item.to_dict()))
            self._batch_count += 1

    def _end_results(self) -> None:
        self._out.write("\n  ],\n" if self._count else "],\n")

    def finish(self, tally: Tally, *, interrupted: bool = False) -> None:
        if self._in_batch:
            self._out.write("\n  ],\n")
        else:
            self._end_results()
            self._out.write('  "batch_findings": [],\n')
        self._out.write(f'  "interrupted": {_dumps(interrupted)},\n')
        self._out.write(f'  "ok": {_dumps(tally.ok)},\n')
        self._out.write(f'  "summary": {_indented(_dumps(tally.to_dict(), 2), "  ")}\n}}\n')
        self._out.flush()


class JsonLinesFormatter:
    """One JSON object per line: each result, each batch finding, then the summary."""

    def __init__(self, stream: TextIO) -> None:
        self._out = stream

    def start(self, info: RunInfo) -> None:
        self._info = info

    def result(self, result: RecordResult) -> None:
        self._out.write(_line({"type": "result", **result.to_dict()}) + "\n")

    def batch(self, found: list[BatchFinding]) -> None:
        for item in found:
            self._out.write(_line({"type": "batch-finding", **item.to_dict()}) + "\n")

    def finish(self, tally: Tally, *, interrupted: bool = False) -> None:
        summary = {
            "type": "summary",
            "tool": {"name": "oer-meta", "version": __version__},
            "profile": self._info.profile,
            "fail_on": self._info.fail_on.value,
            "ok": tally.ok,
            "interrupted": interrupted,
            "summary": tally.to_dict(),
        }
        self._out.write(_dumps(summary) + "\n")
        self._out.flush()
