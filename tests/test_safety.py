"""Hostile XML yields STD001 quickly, reads no local file and touches no network."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

import oer_meta

BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]><lom><general><title><string>&lol9;</string></title></general></lom>"
)


def _codes(report: oer_meta.Report) -> list[str]:
    return [f.rule for f in report.findings]


def test_external_entity_to_a_local_file_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    doc = (
        f'<?xml version="1.0"?><!DOCTYPE lom [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        "<lom><general><title><string>&xxe;</string></title></general></lom>"
    ).encode()
    report = oer_meta.validate(doc)
    assert _codes(report) == ["STD001"]
    assert "entit" in report.findings[0].message
    assert "TOP-SECRET" not in report.to_json()


def test_billion_laughs_is_refused() -> None:
    report = oer_meta.validate(BILLION_LAUGHS)
    assert _codes(report) == ["STD001"]
    assert report.results[0].status == "unreadable"


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'<!ENTITY stolen "from-the-network">')

    def log_message(self, format: str, *args: object) -> None:  # quiet
        return


@pytest.fixture
def local_server() -> Iterator[tuple[str, list[str]]]:
    _CountingHandler.hits = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", _CountingHandler.hits
    finally:
        server.shutdown()


def test_external_dtd_is_never_fetched(local_server: tuple[str, list[str]]) -> None:
    base, hits = local_server
    doc = (
        f'<?xml version="1.0"?><!DOCTYPE lom SYSTEM "{base}/evil.dtd">'
        '<lom xmlns="http://ltsc.ieee.org/xsd/LOM"><general><title>'
        '<string language="en">Safe title</string></title></general></lom>'
    ).encode()
    report = oer_meta.validate(doc)
    assert hits == []
    assert report.results[0].status == "checked"
    assert report.results[0].record is not None
    assert report.results[0].record.title == "Safe title"


def test_deep_nesting_is_refused_with_position() -> None:
    doc = b"<lom>" + b"<a>" * 10_000 + b"</a>" * 10_000 + b"</lom>"
    report = oer_meta.validate(doc)
    assert _codes(report) == ["STD001"]
    loc = report.findings[0].location
    assert loc.line == 1 and loc.column is not None and loc.column > 0
    assert "nested more than 256 deep" in report.findings[0].message


def test_huge_text_node_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.xml"
    with path.open("wb") as out:
        out.write(b"<lom><general><description><string>")
        out.write(b"x" * 50_000_000)
        out.write(b"</string></description></general></lom>")
    report = oer_meta.validate(path)
    assert _codes(report) == ["STD001"]
    assert report.findings[0].location.file == str(path)


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"<lom><general><title>", "not well-formed"),
        (b"\xff\xfe\x00garbage", "neither XML nor JSON"),
        (b'<?xml version="1.0" encoding="utf-8"?><lom>\xff\xfe</lom>', "not well-formed"),
        (b"just some text", "neither XML nor JSON"),
        (b"", "neither XML nor JSON"),
    ],
)
def test_broken_input_is_a_finding_not_an_exception(data: bytes, fragment: str) -> None:
    report = oer_meta.validate(data)
    assert len(report.results) == 1
    assert _codes(report) == ["STD001"]
    assert fragment in report.findings[0].message


def test_comments_before_the_root_cannot_hang_format_detection() -> None:
    """40 empty comments before ``<lom/>`` used to backtrack for ever in the HTML test."""
    code = (
        "import oer_meta\n"
        "r = oer_meta.validate(b'<!---->' * 40 + b'<lom/>')\n"
        "assert r.results[0].format == 'lom', r.results[0].format\n"
        "html = oer_meta.validate(b'<!-- a -->\\n<!-- b --><!DOCTYPE html><html></html>')\n"
        "assert html.results[0].status == 'unreadable'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr.decode()
