"""Runs with several jobs (issue 11 §1): the same report as one job, byte for byte.

The inputs a run cuts (a JSON Lines file at line ends, an OAI-PMH ListRecords file
between records) are written here, large enough to be cut into several slices with
the slice size lowered for the test; batch findings (DISC014, LIC009) join records of
different slices.  The conftest guard sees only this process's internal errors, so
each parallel run here also asserts that its results carry none.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from oer_meta import parallel
from oer_meta.checks import disc
from oer_meta.cli import main
from oer_meta.engine import ValidationRun, validate, validate_many
from oer_meta.model import Text
from oer_meta.parallel import Chunk, RecordsChunk, tasks
from oer_meta.report.results import RecordResult
from tests.cli_runs import rest_of
from tests.corpus_paths import CORPUS, CORPUS2, needs_corpus, needs_corpus2

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(),
    reason="the tests patch the workers through fork",
)


@pytest.fixture(autouse=True)
def workers_for_small_inputs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The inputs here are small: let the runs start their workers all the same (a
    run of less than ``PARALLEL_BYTES`` is checked in the parent otherwise)."""
    monkeypatch.setattr(parallel, "PARALLEL_BYTES", 0)


@pytest.fixture
def small_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cut files of a few kilobytes into slices of about 2 KiB (and give the scanned
    pages of a mapped file back every 4 KiB)."""
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 2048)
    monkeypatch.setattr(parallel, "SPLIT_BYTES", 4096)
    monkeypatch.setattr(parallel, "_RELEASE_STEP", 4096)


def _line(n: int) -> dict[str, object]:
    """A JSON-LD record; records 3 and 150 share a DOI under two titles (DISC014), and
    record 160 adapts record 5, whose licence forbids it (LIC009)."""
    record: dict[str, object] = {
        "@context": "https://schema.org/",
        "@type": "LearningResource",
        "@id": f"https://example.org/r/{n}",
        "name": f"Lesson {n}",
        "inLanguage": "en",
        "license": "https://creativecommons.org/licenses/by/4.0/",
    }
    if n in (3, 150):
        record["identifier"] = "https://doi.org/10.5555/shared"
        record["name"] = "Soil" if n == 3 else "Rain"
    if n == 5:
        record["license"] = "https://creativecommons.org/licenses/by-nd/4.0/"
    if n == 160:
        record["isBasedOn"] = "https://example.org/r/5"
    return record


def _json_lines(path: Path, count: int = 200) -> Path:
    lines = [json.dumps(_line(n)) for n in range(count)]
    lines[40] = "{not json"  # an unreadable line keeps its line number
    lines.insert(60, "")  # a blank line is skipped, and counted
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


_OAI = "http://www.openarchives.org/OAI/2.0/"
_OAI_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">\n'
    "<responseDate>2024-01-01T00:00:00Z</responseDate>\n"
    '<request verb="ListRecords" metadataPrefix="oai_dc">https://example.org/oai</request>\n'
    "<ListRecords>\n"
)


def _oai_record(n: int) -> str:
    if n == 7:
        return (
            '<record><header status="deleted"><identifier>oai:example.org:7</identifier>'
            "<datestamp>2024-01-01</datestamp></header></record>\n"
        )
    title = {3: "Soil", 150: "Rain"}.get(n, f"Lesson {n}")
    ident = "https://doi.org/10.5555/shared" if n in (3, 150) else f"https://example.org/r/{n}"
    rights = "https://creativecommons.org/licenses/by/4.0/"
    relation = ""
    if n == 5:
        rights = "https://creativecommons.org/licenses/by-nd/4.0/"
    if n == 160:
        relation = "    <dc:source>https://example.org/r/5</dc:source>\n"
    return (
        f"<record>\n  <header><identifier>oai:example.org:{n}</identifier>"
        "<datestamp>2024-01-01</datestamp></header>\n"
        "  <metadata>\n"
        '   <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        f"    <dc:title>{title}</dc:title>\n"
        f"    <dc:date>March {n}</dc:date>\n"
        f"    <dc:identifier>{ident}</dc:identifier>\n"
        f"    <dc:rights>{rights}</dc:rights>\n"
        f"{relation}"
        "   </oai_dc:dc>\n  </metadata>\n</record>\n"
    )


def _list_records(path: Path, count: int = 200, *, broken_at: int | None = None) -> Path:
    records = [_oai_record(n) for n in range(count)]
    if broken_at is not None:
        records[broken_at] = records[broken_at].replace("</dc:title>", "</dc:titel>")
    path.write_text(
        _OAI_HEAD
        + "".join(records)
        + '<resumptionToken completeListSize="900">page-2</resumptionToken>\n'
        + "</ListRecords>\n</OAI-PMH>\n",
        encoding="utf-8",
    )
    return path


def _cli(args: list[str], out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[bytes, int]:
    code = main(["validate", *args, "--no-progress", "--output-file", str(out)])
    capsys.readouterr()
    return out.read_bytes(), code


def _same_report(
    paths: list[str], formats: tuple[str, ...], tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The CLI's report with ``--jobs 2`` is the one-job report, byte for byte."""
    for fmt in formats:
        one = _cli([*paths, "--format", fmt], tmp / f"one.{fmt}", capsys)
        two = _cli([*paths, "--format", fmt, "--jobs", "2"], tmp / f"two.{fmt}", capsys)
        assert two == one, fmt
        assert one[0]  # a report was written
    # the workers crashed nowhere: the conftest guard sees this process only
    summary = json.loads((tmp / "two.jsonl").read_bytes().splitlines()[-1])
    assert summary["type"] == "summary" and summary["summary"]["internal_errors"] == 0


def test_the_examples_give_the_same_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    formats = ("json", "jsonl", "text", "sarif", "html", "junit", "github", "gitlab", "markdown")
    _same_report([str(EXAMPLES)], formats, tmp_path, capsys)


@needs_corpus
@needs_corpus2
def test_the_corpora_give_the_same_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _same_report([str(CORPUS), str(CORPUS2)], ("json", "jsonl", "text"), tmp_path, capsys)


def test_a_json_lines_file_is_cut_at_line_ends(
    tmp_path: Path, small_slices: None, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _json_lines(tmp_path / "harvest.jsonl")
    slices = list(tasks([path], input_format=None, limits=None))
    assert len(slices) > 5 and all(isinstance(s, Chunk) for s in slices)
    data = path.read_bytes()
    for piece in slices:  # whole lines, and the first line's number
        assert isinstance(piece, Chunk)
        assert piece.start == 0 or data[piece.start - 1 : piece.start] == b"\n"
        assert piece.first_line == data[: piece.start].count(b"\n") + 1
    _same_report([str(path)], ("json", "jsonl", "text", "html"), tmp_path, capsys)
    lines = [json.loads(x) for x in (tmp_path / "two.jsonl").read_text().splitlines()]
    batch = {(x["rule"], x["index"]) for x in lines if x["type"] == "batch-finding"}
    assert {("DISC014", 3), ("DISC014", 150), ("LIC009", 160)} <= batch
    bad = next(x for x in lines if x.get("status") == "unreadable")
    assert bad["index"] == 40 and bad["findings"][0]["location"]["line"] == 41
    last = [x for x in lines if x["type"] == "result"][-1]
    assert last["index"] == 199  # 200 lines, the unreadable one counted, the blank one not


def test_a_list_records_file_is_cut_between_records(
    tmp_path: Path, small_slices: None, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _list_records(tmp_path / "page.xml")
    slices = list(tasks([path], input_format=None, limits=None))
    assert len(slices) > 5 and all(isinstance(s, RecordsChunk) for s in slices)
    assert [s.first_record for s in slices][:2] == [1, slices[1].first_record]
    _same_report([str(path)], ("json", "jsonl", "text", "sarif", "html"), tmp_path, capsys)
    lines = [json.loads(x) for x in (tmp_path / "two.jsonl").read_text().splitlines()]
    results = [x for x in lines if x["type"] == "result"]
    assert len(results) == 200 and results[7]["status"] == "deleted"
    # a record of a later slice: its line and its position among the response's records
    late = results[120]["findings"]
    date = next(f for f in late if f["rule"] == "STD004")
    assert date["location"]["path"].startswith("/oai:OAI-PMH/oai:ListRecords/oai:record[121]/")
    text = path.read_text().splitlines()
    assert text[date["location"]["line"] - 1].strip() == "<dc:date>March 120</dc:date>"
    # only the last record notes the resumptionToken
    token = [
        x["index"] for x in results if any("resumptionToken" in f["message"] for f in x["findings"])
    ]
    assert token == [199]
    batch = {(x["rule"], x["index"]) for x in lines if x["type"] == "batch-finding"}
    assert {("DISC014", 3), ("DISC014", 150)} <= batch


def test_a_file_with_a_syntax_error_is_read_whole(
    tmp_path: Path, small_slices: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Where one job stops reading depends on the parser's buffers (records just
    before the error may be lost with it), so such a file is one task."""
    path = _list_records(tmp_path / "broken.xml", broken_at=90)
    assert list(tasks([path], input_format=None, limits=None)) == [path]
    _same_report([str(path)], ("jsonl",), tmp_path, capsys)
    lines = [json.loads(x) for x in (tmp_path / "two.jsonl").read_text().splitlines()]
    results = [x for x in lines if x["type"] == "result"]
    assert results[-1]["status"] == "unreadable" and len(results) <= 91


def test_what_is_not_a_plain_list_records_file_is_not_cut(
    tmp_path: Path, small_slices: None
) -> None:
    plain = _list_records(tmp_path / "page.xml").read_text()
    variants = {
        "trailing.xml": plain + "<extra/>\n",
        "truncated.xml": plain[: len(plain) // 2],
        # a top-level record spelled otherwise than the response's own
        "mixed.xml": plain.replace("<record>", f'<o:record xmlns:o="{_OAI}">', 1).replace(
            "</record>", "</o:record>", 1
        ),
        # the prefix of ListRecords bound to another namespace
        "foreign.xml": _prefixed(plain).replace(
            f'xmlns:oai="{_OAI}"', 'xmlns:oai="https://example.org/not-oai/"'
        ),
    }
    for name, content in variants.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    # UTF-16: a slice of bytes is no text of its own
    (tmp_path / "utf16.xml").write_text(
        plain.replace('encoding="UTF-8"', 'encoding="UTF-16"'), encoding="utf-16"
    )
    variants["utf16.xml"] = ""
    for name in variants:
        assert list(tasks([tmp_path / name], input_format=None, limits=None)) == [
            tmp_path / name
        ], name


def test_the_api_streams_the_same_results_in_order(tmp_path: Path, small_slices: None) -> None:
    path = _json_lines(tmp_path / "harvest.jsonl")
    # documents given as bytes have no file name: each is numbered from 0
    documents = [json.dumps([_line(1), _line(2)]).encode(), json.dumps(_line(3)).encode()]
    one = ValidationRun()
    two = ValidationRun(jobs=2)
    first = [r.to_dict() for r in one.results([EXAMPLES, path, *documents])]
    second = [r.to_dict() for r in two.results([EXAMPLES, path, *documents])]
    assert second == first
    assert [(r["source"], r["index"]) for r in second[-3:]] == [(None, 0), (None, 1), (None, 0)]
    assert [b.to_dict() for b in two.batch_findings()] == [
        b.to_dict() for b in one.batch_findings()
    ]
    report = validate([EXAMPLES, path], jobs=2)
    assert [r.to_dict() for r in report.results] == [
        r.to_dict() for r in validate([EXAMPLES, path]).results
    ]


def test_a_result_keeps_what_reports_show_of_its_record(tmp_path: Path) -> None:
    one = list(validate_many([EXAMPLES], jobs=1))
    two = list(validate_many([EXAMPLES], jobs=2))
    for a, b in zip(one, two, strict=True):
        if a.record is None:
            assert b.record is None
            continue
        assert b.record is not None
        assert (b.record_id, b.record.title, b.record.licences, b.record.languages) == (
            a.record_id,
            a.record.title,
            _unplaced(a.record.licences),
            _unplaced(a.record.languages),
        )
        assert b.record.location == a.record.location
        assert b.record.descriptions == ()  # the rest stays in the worker
        assert all(t.location is None for t in b.record.titles)  # so do the values' places


def test_jobs_zero_is_one_process_per_core() -> None:
    assert ValidationRun(jobs=0).jobs == (os.cpu_count() or 1)
    with pytest.raises(ValueError):
        ValidationRun(jobs=-1)


def test_the_configuration_sets_the_default_jobs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[int] = []
    real = ValidationRun.__init__

    def spy(self: ValidationRun, *args: object, **kwargs: object) -> None:
        real(self, *args, **kwargs)  # type: ignore[arg-type]
        seen.append(self.jobs)

    monkeypatch.setattr(ValidationRun, "__init__", spy)
    monkeypatch.chdir(tmp_path)
    record = tmp_path / "r.json"
    record.write_text(json.dumps(_line(1)), encoding="utf-8")
    (tmp_path / "oer-meta.toml").write_text("jobs = 2\n", encoding="utf-8")
    main(["validate", str(record), "--format", "json"])
    main(["validate", str(record), "--format", "json", "--jobs", "1"])
    (tmp_path / "oer-meta.toml").write_text("jobs = 0\n", encoding="utf-8")
    main(["validate", str(record), "--format", "json"])
    capsys.readouterr()
    assert seen == [2, 1, os.cpu_count() or 1]


def _raise_on_lesson_9(texts: tuple[Text, ...]) -> bool:
    if any(text.value == "Lesson 9" for text in texts):
        raise RuntimeError("a rule bug, on purpose")
    return bool(texts)


@pytest.mark.internal_error_expected
def test_an_internal_error_in_a_worker_is_the_one_job_result(
    tmp_path: Path, small_slices: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rule that raises in a worker (patched before the workers fork) gives the
    internal-error result one job gives, and the run goes on."""
    monkeypatch.setattr(disc, "_non_empty", _raise_on_lesson_9)
    path = _json_lines(tmp_path / "harvest.jsonl")
    one = [r.to_dict() for r in validate_many(path)]
    two = [r.to_dict() for r in validate_many(path, jobs=2)]
    assert two == one
    broken = [r for r in two if r["status"] == "internal-error"]
    assert len(broken) == 1 and broken[0]["index"] == 9
    assert "rule DISC001" in broken[0]["internal_errors"][0]["component"]
    assert len(two) == 200


@pytest.mark.internal_error_expected
def test_a_crash_outside_the_rules_is_an_internal_error_not_a_hang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from oer_meta import engine

    def broken(record: object) -> object:
        raise RuntimeError("lean copy bug, on purpose")

    monkeypatch.setattr(engine, "_lean", broken)
    results: list[RecordResult] = list(validate_many([EXAMPLES], jobs=2))
    assert results and all(r.status == "internal-error" for r in results)
    assert all(r.internal_errors[0].component == "worker" for r in results)


def test_ctrl_c_with_two_jobs_leaves_a_whole_json_report(tmp_path: Path) -> None:
    """Ctrl-C pressed in a terminal reaches the whole process group: the workers ignore
    it, the parent stops them and writes the report of what it has."""
    path = _json_lines(tmp_path / "harvest.jsonl", count=6000)
    child = subprocess.Popen(
        [sys.executable, "-m", "oer_meta", "validate", str(path), "--format", "json", "-j", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    assert child.stdout is not None
    head = child.stdout.readline()
    while b'"source"' not in head:  # results are coming
        line = child.stdout.readline()
        assert line, "the report ended before results came"
        head += line
    for _ in range(50):
        if child.poll() is not None:
            break
        os.killpg(child.pid, signal.SIGINT)
        time.sleep(0.01)
    rest, err = rest_of(child)
    report = json.loads(head + rest)
    assert child.returncode == 130, err
    assert report["interrupted"] is True
    assert 0 < len(report["results"]) < 5999
    assert [r["index"] for r in report["results"]] == list(range(len(report["results"])))


def _unplaced(value: object) -> object:
    """A record's value as a worker sends it: values keep no location of their own."""
    if isinstance(value, tuple):
        return tuple(_unplaced(item) for item in value)
    if isinstance(value, BaseModel):
        fields = {name: _unplaced(item) for name, item in value.__dict__.items()}
        if "location" in fields:
            assert type(value).model_fields["location"].default is None
            fields["location"] = None
        return type(value).model_validate(fields)
    return value


def test_a_packed_result_unpacks_to_the_same_result() -> None:
    """What a worker sends (plain values, no pydantic model) is rebuilt in the parent
    into the result one job gives: the same findings, and a record equal to the whole
    one on every field reports show, the others at their defaults."""
    import pickle

    from oer_meta import engine
    from oer_meta.model import Record

    run = ValidationRun()
    seen = 0
    for path in sorted(EXAMPLES.rglob("*")):
        if not path.is_file():
            continue
        for result in run.results(path):
            packed = pickle.loads(pickle.dumps(engine._packed(result, None, True)))
            back, entry, counted = engine._unpacked(packed)
            assert (entry, counted) == (None, True)
            assert back.findings == result.findings
            assert [f.to_dict() for f in back.findings] == [f.to_dict() for f in result.findings]
            assert back.to_dict() == result.to_dict()
            if result.record is None:
                assert back.record is None
                continue
            seen += 1
            assert back.record is not None
            named = any(i.value.strip() for i in result.record.identifiers)
            for name in Record.model_fields:
                if name == "location":
                    assert back.record.location == result.record.location
                elif name in engine._LEAN_FIELDS and not (name == "urls" and named):
                    assert _unplaced(getattr(back.record, name)) == _unplaced(
                        getattr(result.record, name)
                    ), name
                else:
                    default = Record.model_fields[name].get_default(call_default_factory=True)
                    assert getattr(back.record, name) == default, name
            # a record rebuilt is a record: pydantic reads and dumps it as it does any
            assert Record.model_validate(back.record.model_dump()) == back.record
    assert seen > 10


_OAI_ELEMENTS = re.compile(
    r"<(/?)(OAI-PMH|responseDate|request|ListRecords|record|header|identifier|datestamp"
    r"|metadata|resumptionToken)\b"
)


def _prefixed(text: str) -> str:
    """The response with every OAI-PMH element under the prefix ``oai``."""
    text = _OAI_ELEMENTS.sub(r"<\1oai:\2", text)
    return text.replace('<oai:OAI-PMH xmlns="', '<oai:OAI-PMH xmlns:oai="')


def _shapes(tmp: Path) -> dict[str, Path]:
    """ListRecords responses of other shapes than the plain one, each cut into slices:
    OAI-PMH elements under a prefix; ISO-8859-1 and windows-1252 with characters
    outside ASCII; a run of header-only deleted records across slices and an empty
    resumptionToken (the last page)."""
    plain = _list_records(tmp / "page.xml").read_text()
    latin = plain.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace(
        "Lesson", "Leçon élémentaire"
    )
    windows = plain.replace('encoding="UTF-8"', 'encoding="windows-1252"').replace(
        "Lesson", "Übung – “Grundlagen”"
    )
    records = [_oai_record(n) for n in range(200)]
    for n in range(30, 60):
        records[n] = _oai_record(7).replace("example.org:7", f"example.org:{n}")
    deleted = (
        _OAI_HEAD
        + "".join(records)
        + '<resumptionToken completeListSize="200" cursor="0"/>\n</ListRecords>\n</OAI-PMH>\n'
    )
    paths = {
        "prefixed.xml": (_prefixed(plain), "utf-8"),
        "latin1.xml": (latin, "iso-8859-1"),
        "windows.xml": (_prefixed(windows), "cp1252"),
        "deleted.xml": (deleted, "utf-8"),
    }
    for name, (text, encoding) in paths.items():
        (tmp / name).write_bytes(text.encode(encoding))
    return {name: tmp / name for name in paths}


def test_list_records_files_of_other_shapes_are_cut_too(
    tmp_path: Path, small_slices: None, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, path in _shapes(tmp_path).items():
        slices = list(tasks([path], input_format=None, limits=None))
        assert len(slices) > 5 and all(isinstance(s, RecordsChunk) for s in slices), name
        out = tmp_path / name.replace(".xml", "")
        out.mkdir()
        _same_report([str(path)], ("json", "jsonl", "text"), out, capsys)
        lines = [json.loads(x) for x in (out / "two.jsonl").read_text().splitlines()]
        results = [x for x in lines if x["type"] == "result"]
        assert len(results) == 200, name
        if name == "deleted.xml":
            assert [r["index"] for r in results if r["status"] == "deleted"] == [7, *range(30, 60)]
            continue
        assert results[7]["status"] == "deleted"
        late = next(f for f in results[120]["findings"] if f["rule"] == "STD004")
        assert "/oai:ListRecords/oai:record[121]/" in late["location"]["path"], name
        text = path.read_bytes().splitlines()
        assert text[late["location"]["line"] - 1].strip() == b"<dc:date>March 120</dc:date>"
        token = [
            x["index"]
            for x in results
            if any("resumptionToken" in f["message"] for f in x["findings"])
        ]
        assert token == [199], name
        if name != "prefixed.xml":  # the titles read in the file's own encoding
            assert results[10]["record"]["title"].startswith(("Leçon", "Übung")), name


_PIECES = (
    "<metadata><oai_dc:dc xmlns:oai_dc='x:dc'><dc:title xmlns:dc='x:t'>T</dc:title></oai_dc:dc>"
    "</metadata>",
    "<!-- a <record> in a comment -->",
    "<metadata><x><![CDATA[ </record> <record> ]]></x></metadata>",
    "<metadata><marc:record xmlns:marc='x:marc'><marc:leader>l</marc:leader></marc:record>"
    "</metadata>",
    "<?pi <record>?>",
)


@given(
    kinds=st.lists(st.integers(min_value=-1, max_value=len(_PIECES) - 1), min_size=1, max_size=40),
    prefix=st.sampled_from(["", "oai"]),
)
@settings(max_examples=60, deadline=None)
def test_the_scanner_cuts_only_before_a_top_level_record(kinds: list[int], prefix: str) -> None:
    """Whatever the records hold (comments, CDATA, instructions, nested records of
    another format, header-only deleted records), every cut is the start of a top-level
    record, the slices follow each other, and each knows its first record's position."""
    q = f"{prefix}:" if prefix else ""
    binding = f"xmlns:{prefix}" if prefix else "xmlns"
    head = f'<?xml version="1.0"?>\n<{q}OAI-PMH {binding}="{_OAI}">\n<{q}ListRecords>\n'
    starts: list[int] = []
    body = head
    for n, kind in enumerate(kinds):
        starts.append(len(body.encode()))
        inner = (
            f'<{q}header status="deleted"><{q}identifier>{n}</{q}identifier></{q}header>'
            if kind < 0
            else f"<{q}header><{q}identifier>{n}</{q}identifier></{q}header>{_PIECES[kind]}"
        )
        body += f"<{q}record>\n{inner}\n</{q}record>\n"
    data = (body + f"</{q}ListRecords>\n</{q}OAI-PMH>\n").encode()
    with mock.patch.object(parallel, "CHUNK_BYTES", 64):
        chunks = parallel._scan_records("page.xml", data)
    if len(kinds) == 1:
        assert chunks is None  # one record: nothing to share
        return
    assert chunks is not None
    assert chunks[0].start == 0 and chunks[0].first_record == 1
    for before, after in itertools.pairwise(chunks):
        assert before.end == after.start
        assert after.start in starts
        assert after.first_record == starts.index(after.start) + 1
        assert after.first_line == data[: after.start].count(b"\n") + 1
    assert chunks[-1].end == data.rindex(f"</{q}record>".encode()) + len(f"</{q}record>")


def test_a_small_input_is_checked_in_the_parent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_slices: None
) -> None:
    """Below ``PARALLEL_BYTES`` (or with a single task) no worker is started, and the
    results are those of one job, slices numbered as one job numbers them; above it
    the pool starts."""
    from oer_meta import engine

    path = _json_lines(tmp_path / "harvest.jsonl")
    one = [r.to_dict() for r in validate_many([EXAMPLES, path])]
    started: list[int] = []
    real = engine.ordered_map

    def counted(*args: object, **kwargs: object) -> object:
        started.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "ordered_map", counted)
    monkeypatch.setattr(parallel, "PARALLEL_BYTES", 10 * path.stat().st_size)
    assert len(list(tasks([path], input_format=None, limits=None))) > 5  # sliced
    assert [r.to_dict() for r in validate_many([EXAMPLES, path], jobs=2)] == one
    assert started == []
    assert [r.to_dict() for r in validate_many(path, jobs=2)] == one[-200:]
    assert started == []
    monkeypatch.setattr(parallel, "PARALLEL_BYTES", 1)
    assert [r.to_dict() for r in validate_many(str(EXAMPLES / "lom"), jobs=2)] == [
        r.to_dict() for r in validate_many(str(EXAMPLES / "lom"))
    ]
    assert started == [1]


def test_small_files_go_to_the_workers_in_groups(
    tmp_path: Path, small_slices: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Consecutive whole files share a message up to ``CHUNK_BYTES`` or
    ``GROUP_FILES`` files; a slice of a large file goes alone; the order is kept."""
    monkeypatch.setattr(parallel, "GROUP_FILES", 3)
    small = []
    for n in range(7):
        small.append(tmp_path / f"r{n}.json")
        small[-1].write_text(json.dumps(_line(n)), encoding="utf-8")
    big = tmp_path / "big.jsonl"
    big.write_text("x" * 3000, encoding="utf-8")  # one file over CHUNK_BYTES, not cut
    path = _json_lines(tmp_path / "harvest.jsonl")
    work = list(
        tasks([*small[:4], big, small[4], path, *small[5:]], input_format=None, limits=None)
    )
    grouped = list(parallel.groups(work))
    assert [t for g in grouped for t in g] == work
    assert grouped[0] == tuple(small[:3])  # GROUP_FILES
    assert grouped[1] == (small[3], big)  # CHUNK_BYTES reached
    assert grouped[2] == (small[4],)  # a slice follows: the group is sent
    slices = [g for g in grouped if isinstance(g[0], Chunk)]
    assert len(slices) > 5 and all(len(g) == 1 for g in slices)
    assert grouped[-1] == tuple(small[5:])
    # numbered as one job numbers them, with the slices in between
    sources = [*small[:4], big, small[4], path, *small[5:]]
    assert [r.to_dict() for r in validate_many(sources, jobs=2)] == [
        r.to_dict() for r in validate_many(sources)
    ]


def test_a_group_of_files_sends_each_finding_head_once(tmp_path: Path) -> None:
    """The files of one group share their findings' heads in the message a worker
    sends: a folder of one-record files repeats the same rules' messages, and each
    distinct head is pickled once per group, not once per file."""
    import pickle

    from oer_meta import engine

    files = []
    for n in range(3):
        files.append(tmp_path / f"r{n}.json")
        files[-1].write_text(json.dumps({**_line(n), "description": ""}), encoding="utf-8")
    engine._start_worker(ValidationRun().profile, None, None, "en")
    try:
        message = engine._check_tasks(tuple(files))
    finally:
        engine._WORKER = None
    heads = [[head for head, _ in packed[4]] for _, checked in message for packed in checked]
    assert len(heads) == 3 and all(heads)
    first, *others = heads
    shared_heads = 0
    for other in others:
        for head in other:
            for earlier in first:
                if head == earlier:
                    assert head is earlier
                    shared_heads += 1
    assert shared_heads >= len(first)  # most heads are the same in every file
    # and the parent rebuilds the same findings one job gives
    shared = engine._Shared()
    back = [
        engine._unpacked(packed, shared)[0]
        for _, checked in pickle.loads(pickle.dumps(message))
        for packed in checked
    ]
    alone = [result for path in files for result in ValidationRun().results(path)]
    assert [r.findings for r in back] == [r.findings for r in alone]
