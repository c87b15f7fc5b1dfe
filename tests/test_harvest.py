"""Harvest and validate (issue 11 §2): an OAI-PMH client tested against a scripted
OAI-PMH endpoint served by the tests on loopback, and documents behind URLs."""

from __future__ import annotations

import json
import socket
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import oer_meta
from oer_meta.cli import main
from oer_meta.engine import ValidationRun
from oer_meta.harvesting import Client, HttpLimits, OaiHarvest, RemoteDocument
from oer_meta.harvesting.client import Rewindable, retry_after
from oer_meta.harvesting.oai import scan_page
from oer_meta.harvesting.testing import LoopbackServer, Reply, list_records_page, oai_error
from oer_meta.report.results import RecordResult


def _record(ident: str, title: str, *, deleted: bool = False) -> str:
    if deleted:
        return (
            f'<record><header status="deleted"><identifier>oai:test:{ident}</identifier>'
            "<datestamp>2024-01-02</datestamp></header></record>"
        )
    return (
        f"<record><header><identifier>oai:test:{ident}</identifier>"
        "<datestamp>2024-01-02</datestamp></header><metadata>"
        '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{title}</dc:title><dc:identifier>https://example.org/r/{ident}"
        "</dc:identifier><dc:language>en</dc:language>"
        "<dc:rights>https://creativecommons.org/licenses/by/4.0/</dc:rights>"
        "</oai_dc:dc></metadata></record>"
    )


def _page(records: list[str], token: str | None) -> bytes:
    return list_records_page(records, token, complete_size=7)


PAGE1 = _page([_record("1", "Fractions"), _record("2", "Decimals")], "tok-2")
PAGE2 = _page([_record("3", "Angles"), _record("4", "", deleted=True)], "tok-3")
PAGE3 = _page([_record("5", "Triangles"), _record("6", "Circles")], "")
#: A page cut off in its second record: its first record is read, then it breaks.
_MANY = _page([_record(str(n), f"Lesson {n}") for n in range(1, 301)], "tok-2")
BROKEN = _MANY[: _MANY.index(b"Lesson 300")] + b"</dc:nope></record></ListRecords></OAI-PMH>"

Script = dict[str, list[tuple[int, dict[str, str], bytes]]]


class _Endpoint(LoopbackServer):
    """A scripted OAI-PMH endpoint: for each request key (``first`` or the token), the
    answers in order (the last one repeats)."""

    def __init__(self, script: Script) -> None:
        self.script = script
        self.gate = threading.Event()
        self.waited = False
        super().__init__(self._answer)

    def _answer(self, path: str) -> Reply:
        query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(path).query))
        if path == "/slow.jsonl":  # half now, the rest once the test says
            body = JSONL * 10  # the dispatcher looks at the first 4 KiB first
            return 200, {"Content-Length": str(len(body))}, self._slow(body[:5000], body[5000:])
        if path.startswith("/export"):
            key = path
        elif "resumptionToken" in query:
            key = query["resumptionToken"]
        else:
            key = "first:" + query.get("metadataPrefix", "")
        answers = self.script.get(key) or [(404, {}, b"not here")]
        return answers.pop(0) if len(answers) > 1 else answers[0]

    def _slow(self, first: bytes, rest: bytes) -> Iterator[bytes]:
        yield first
        self.waited = not self.gate.wait(10)
        yield rest


@pytest.fixture
def serve() -> Iterator[Callable[[Script], _Endpoint]]:
    started: list[_Endpoint] = []

    def start(script: Script) -> _Endpoint:
        endpoint = _Endpoint(script)
        started.append(endpoint)
        return endpoint

    yield start
    for endpoint in started:
        endpoint.close()


def _ok(body: bytes) -> list[tuple[int, dict[str, str], bytes]]:
    return [(200, {"Content-Type": "text/xml"}, body)]


THREE_PAGES: Script = {"first:oai_dc": _ok(PAGE1), "tok-2": _ok(PAGE2), "tok-3": _ok(PAGE3)}


def _no_sleep() -> tuple[Client, list[float]]:
    slept: list[float] = []
    return Client(HttpLimits(timeout=10), sleep=slept.append), slept


def _harvest(url: str, **options: Any) -> tuple[list[RecordResult], ValidationRun]:
    client = options.pop("client", None) or _no_sleep()[0]
    run = ValidationRun(select=options.pop("select", None))
    results = list(run.results([OaiHarvest(url, client=client, **options)]))
    return results, run


def _ids(results: list[RecordResult]) -> list[str | None]:
    return [r.record.record_id if r.record is not None else None for r in results]


def _codes(result: RecordResult) -> list[str]:
    return [f.rule for f in result.findings]


def test_follows_resumption_tokens_and_keeps_deleted_records(
    serve: Callable[[Script], _Endpoint],
) -> None:
    endpoint = serve({k: list(v) for k, v in THREE_PAGES.items()})
    results, _ = _harvest(endpoint.url)
    assert [r.status for r in results] == ["checked"] * 3 + ["deleted"] + ["checked"] * 2
    assert [r.record.title for r in results if r.record is not None and r.status == "checked"] == [
        "Fractions",
        "Decimals",
        "Angles",
        "Triangles",
        "Circles",
    ]
    assert len(endpoint.requests) == 3
    assert "metadataPrefix=oai_dc" in endpoint.requests[0]
    assert endpoint.requests[1].endswith("verb=ListRecords&resumptionToken=tok-2")
    # the harvest followed every token: no record says the list was cut (STD006)
    assert not any("STD006" in _codes(r) for r in results)
    assert not any(r.internal_errors for r in results)


def test_one_page_read_alone_still_says_std006(tmp_path: Path) -> None:
    page = tmp_path / "page.xml"
    page.write_bytes(PAGE1)
    report = oer_meta.validate(page)
    assert "STD006" in _codes(report.results[-1])


def test_request_arguments(serve: Callable[[Script], _Endpoint]) -> None:
    endpoint = serve({"first:lom": _ok(_page([], ""))})
    _harvest(
        endpoint.url,
        metadata_prefix="lom",
        set_spec="maths",
        from_date="2024-01-01",
        until="2024-12-31",
    )
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(endpoint.requests[0]).query))
    assert query == {
        "verb": "ListRecords",
        "metadataPrefix": "lom",
        "set": "maths",
        "from": "2024-01-01",
        "until": "2024-12-31",
    }


def test_503_with_retry_after_is_retried(serve: Callable[[Script], _Endpoint]) -> None:
    busy = (503, {"Retry-After": "1"}, b"busy")
    endpoint = serve({"first:oai_dc": [busy, busy, *_ok(PAGE3)]})
    client, slept = _no_sleep()
    results, _ = _harvest(endpoint.url, client=client)
    assert slept == [1.0, 1.0]
    assert _ids(results) == ["https://example.org/r/5", "https://example.org/r/6"]
    assert len(endpoint.requests) == 3


def test_retry_after_is_capped_and_retries_end(serve: Callable[[Script], _Endpoint]) -> None:
    endpoint = serve({"first:oai_dc": [(503, {"Retry-After": "86400"}, b"busy")]})
    slept: list[float] = []
    client = Client(HttpLimits(max_retries=2, max_retry_after=7), sleep=slept.append)
    results, _ = _harvest(endpoint.url, client=client)
    assert slept == [7.0, 7.0]
    assert len(endpoint.requests) == 3
    [stop] = results
    assert stop.status == "unreadable" and _codes(stop) == ["STD009"]
    assert "HTTP 503" in stop.findings[0].message


def test_retry_after_forms() -> None:
    from datetime import datetime, timezone

    now = datetime(2024, 1, 1, 12, 0, 0, tzinfo=timezone.utc)
    assert retry_after("120") == 120.0
    assert retry_after("Mon, 01 Jan 2024 12:00:30 GMT", now) == 30.0
    assert retry_after("soon") is None
    assert retry_after("\u00b2") is None  # a digit to str.isdigit, not to int()
    assert retry_after(None) is None


def test_expired_token_stops_with_std009_and_keeps_the_records(
    serve: Callable[[Script], _Endpoint],
) -> None:
    endpoint = serve(
        {"first:oai_dc": _ok(PAGE1), "tok-2": _ok(oai_error("badResumptionToken", "expired"))}
    )
    results, _ = _harvest(endpoint.url)
    assert _ids(results)[:2] == ["https://example.org/r/1", "https://example.org/r/2"]
    stop = results[-1]
    assert len(results) == 3
    assert stop.status == "unreadable"
    assert _codes(stop) == ["STD009"]
    assert "badResumptionToken" in stop.findings[0].message
    assert "page 2" in stop.findings[0].message
    assert stop.source is not None and "resumptionToken=tok-2" in stop.source


def test_cannot_disseminate_format(serve: Callable[[Script], _Endpoint]) -> None:
    endpoint = serve({"first:nope": _ok(oai_error("cannotDisseminateFormat", "no such format"))})
    results, _ = _harvest(endpoint.url, metadata_prefix="nope")
    [stop] = results
    assert _codes(stop) == ["STD009"]
    assert stop.findings[0].severity.value == "error"
    assert "cannotDisseminateFormat" in stop.findings[0].message
    assert "ListMetadataFormats" in (stop.findings[0].hint or "")


def test_no_records_match_is_an_empty_harvest(serve: Callable[[Script], _Endpoint]) -> None:
    endpoint = serve({"first:oai_dc": _ok(oai_error("noRecordsMatch", "nothing"))})
    source = OaiHarvest(endpoint.url, client=_no_sleep()[0])
    assert list(ValidationRun().results([source])) == []
    assert source.no_records_match


def test_malformed_page_keeps_its_records_and_stops(serve: Callable[[Script], _Endpoint]) -> None:
    endpoint = serve({"first:oai_dc": _ok(BROKEN), "tok-2": _ok(PAGE2)})
    results, _ = _harvest(endpoint.url)
    assert _ids(results)[0] == "https://example.org/r/1"
    assert sum(r.status == "checked" for r in results) > 200  # the page's records before the break
    assert results[-2].status == "unreadable" and _codes(results[-2]) == ["STD001"]
    assert _codes(results[-1]) == ["STD009"]
    assert "not well-formed" in results[-1].findings[0].message
    assert len(endpoint.requests) == 1  # no token could be read: nothing more asked


def test_repeated_token_stops_the_loop(serve: Callable[[Script], _Endpoint]) -> None:
    again = _page([_record("9", "Again")], "same")
    endpoint = serve({"first:oai_dc": _ok(again), "same": _ok(again)})
    results, _ = _harvest(endpoint.url)
    assert len(endpoint.requests) == 2
    assert _codes(results[-1]) == ["STD009"]
    assert "already" in results[-1].findings[0].message


def test_page_over_the_size_limit(serve: Callable[[Script], _Endpoint]) -> None:
    endpoint = serve(THREE_PAGES)
    client = Client(HttpLimits(max_page_bytes=100), sleep=lambda _s: None)
    [stop] = _harvest(endpoint.url, client=client)[0]
    assert _codes(stop) == ["STD009"]
    assert "larger than the limit of 100 bytes" in stop.findings[0].message


def test_unreachable_server_is_a_finding() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = Client(HttpLimits(timeout=5, max_retries=1), sleep=lambda _s: None)
    [stop] = _harvest(f"http://127.0.0.1:{port}/oai", client=client)[0]
    assert _codes(stop) == ["STD009"]
    assert "cannot reach" in stop.findings[0].message


def test_french_message(serve: Callable[[Script], _Endpoint]) -> None:
    endpoint = serve({"first:oai_dc": _ok(oai_error("cannotDisseminateFormat", "x"))})
    [stop] = list(oer_meta.harvest(endpoint.url, client=_no_sleep()[0], lang="fr"))
    assert "OAI-PMH" in stop.findings[0].message
    assert "moissonnage" in stop.findings[0].message


def test_api_harvest_streams_results(serve: Callable[[Script], _Endpoint]) -> None:
    endpoint = serve(THREE_PAGES)
    results = oer_meta.harvest(endpoint.url, client=_no_sleep()[0])
    first = next(results)
    assert first.record is not None and first.record.title == "Fractions"
    assert len(endpoint.requests) == 1  # the next page is asked for only when needed
    assert len(list(results)) == 5


def test_cli_harvest_save_then_validate_offline(
    serve: Callable[[Script], _Endpoint], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    endpoint = serve(THREE_PAGES)
    saved = tmp_path / "pages"
    code = main(["harvest", endpoint.url, "--save", str(saved), "--format", "jsonl"])
    online = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(p.name for p in saved.iterdir()) == [
        "page-0001.xml",
        "page-0002.xml",
        "page-0003.xml",
    ]
    assert (saved / "page-0002.xml").read_bytes() == PAGE2
    offline_code = main(["validate", str(saved), "--format", "jsonl", "--ignore", "STD006"])
    offline = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == offline_code

    def key(lines: list[dict[str, Any]]) -> list[Any]:
        return [
            (r["index"], r["status"], r["record_id"], sorted(f["rule"] for f in r["findings"]))
            for r in lines
            if r["type"] == "result"
        ]

    assert key(online) == key(offline)
    assert len(key(online)) == 6
    assert online[-1]["type"] == "summary" and offline[-1]["type"] == "summary"


def test_cli_harvest_error_exit_code_and_formats(
    serve: Callable[[Script], _Endpoint], capsys: pytest.CaptureFixture[str]
) -> None:
    endpoint = serve(
        {"first:oai_dc": _ok(PAGE1), "tok-2": _ok(oai_error("badResumptionToken", "gone"))}
    )
    assert main(["harvest", endpoint.url, "--format", "sarif"]) == 1
    sarif = json.loads(capsys.readouterr().out)
    rules = {r["ruleId"] for r in sarif["runs"][0]["results"]}
    assert "STD009" in rules
    assert main(["harvest", endpoint.url]) == 1
    assert "STD009" in capsys.readouterr().out


def test_cli_no_records_match_exits_0(
    serve: Callable[[Script], _Endpoint], capsys: pytest.CaptureFixture[str]
) -> None:
    endpoint = serve({"first:oai_dc": _ok(oai_error("noRecordsMatch", "none"))})
    assert main(["harvest", endpoint.url, "--format", "jsonl"]) == 0
    assert "noRecordsMatch" in capsys.readouterr().err


JSONL = (
    b"".join(
        json.dumps(
            {
                "@context": "https://schema.org/",
                "@type": "LearningResource",
                "@id": f"https://example.org/j/{n}",
                "name": f"Lesson {n}",
                "inLanguage": "en",
                "license": "https://creativecommons.org/licenses/by/4.0/",
            }
        ).encode()
        + b"\n"
        for n in range(5)
    )
    + b"{not json\n"
)


def test_validate_url_streams_json_lines(
    serve: Callable[[Script], _Endpoint], capsys: pytest.CaptureFixture[str]
) -> None:
    endpoint = serve({"/export.jsonl": _ok(JSONL)})
    url = endpoint.url.replace("/oai", "/export.jsonl")
    main(["validate", url, "--format", "jsonl"])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    results = [line for line in lines if line["type"] == "result"]
    assert [r["record_id"] for r in results[:5]] == [f"https://example.org/j/{n}" for n in range(5)]
    assert results[-1]["status"] == "unreadable"
    assert results[-1]["findings"][0]["location"]["line"] == 6
    assert all(r["source"] == url for r in results)


def test_validate_url_reads_while_receiving(serve: Callable[[Script], _Endpoint]) -> None:
    """The first record is checked while the server still holds back the rest."""
    endpoint = serve({})
    url = endpoint.url.replace("/oai", "/slow.jsonl")
    results = ValidationRun().results([RemoteDocument(url)])
    first = next(results)
    endpoint.gate.set()
    assert first.record is not None and first.record.title == "Lesson 0"
    assert len(list(results)) == 59  # ten times five records and a bad line, less the first
    assert not endpoint.waited


def test_validate_url_failure_is_a_finding(serve: Callable[[Script], _Endpoint]) -> None:
    endpoint = serve({})
    url = endpoint.url.replace("/oai", "/export/missing.jsonl")
    [result] = list(ValidationRun().results([RemoteDocument(url)]))
    assert _codes(result) == ["STD009"]
    assert "HTTP 404" in result.findings[0].message


def test_rewindable_only_while_recording() -> None:
    import io

    raw = io.BytesIO(b"a" * 100)
    stream = Rewindable(raw, keep=10)
    assert stream.read(5) == b"aaaaa"
    assert stream.seek(0) == 0
    assert stream.read(5) == b"aaaaa"
    stream.read(20)
    with pytest.raises(io.UnsupportedOperation):
        stream.seek(0)
    too_big = Rewindable(io.BytesIO(b"b" * 200_000), limit=100_000)
    with pytest.raises(Exception, match="more than 100000 bytes"):
        too_big.readall()


def test_validating_a_file_opens_no_socket(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError("a socket was opened")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    page = tmp_path / "page.xml"
    page.write_bytes(PAGE3)
    report = oer_meta.validate(page)
    assert len(report.results) == 2
    assert main(["validate", str(page), "--format", "json"]) in (0, 1)


def test_only_http_urls_are_fetched() -> None:
    [result] = list(ValidationRun().results([RemoteDocument("file:///etc/passwd")]))
    assert _codes(result) == ["STD009"]
    assert "only http:// and https://" in result.findings[0].message


@given(st.text(max_size=60))
def test_retry_after_never_raises(value: str) -> None:
    wait = retry_after(value)
    assert wait is None or wait >= 0


@given(st.binary(max_size=400))
def test_scan_page_never_raises_and_rewinds(data: bytes) -> None:
    import io

    handle = io.BytesIO(data)
    scan = scan_page(handle)
    assert handle.tell() == 0
    assert scan.readable or scan.token is None


def test_validate_url_with_a_first_line_too_long_to_look_at(
    serve: Callable[[Script], _Endpoint], monkeypatch: pytest.MonkeyPatch
) -> None:
    from oer_meta.harvesting import remote

    monkeypatch.setattr(remote, "KEEP", 100)
    endpoint = serve({"/export.jsonl": _ok(JSONL)})
    url = endpoint.url.replace("/oai", "/export.jsonl")
    [result] = list(ValidationRun().results([RemoteDocument(url)]))
    assert _codes(result) == ["STD009"]
    assert "too long to tell its format" in result.findings[0].message


def test_loopback_server_sends_a_body_in_parts_and_lists_requests() -> None:
    import urllib.request

    def answer(path: str) -> Reply:
        return 200, {"X-Path": path}, iter([b"<a>", b"</a>"])

    with (
        LoopbackServer(answer) as server,
        urllib.request.urlopen(server.url + "?verb=Identify", timeout=10) as reply,
    ):
        assert reply.read() == b"<a></a>"
        assert reply.headers["X-Path"] == "/oai?verb=Identify"
    assert server.requests == ["/oai?verb=Identify"]
    with socket.socket() as probe, pytest.raises(OSError):
        probe.settimeout(5)
        probe.connect(("127.0.0.1", server.port))  # closed: nothing listens any more


def test_list_records_page_without_a_list_size() -> None:
    import io

    page = list_records_page([_record("1", "One").encode()], "next")
    scan = scan_page(io.BytesIO(page))
    assert scan.token == "next"
    assert b"completeListSize" not in page
    assert len(oer_meta.validate(page).results) == 1
