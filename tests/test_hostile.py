"""Regression tests for the hostile-input review: one test (or a small group) per finding.

Every input is built here, in ``tmp_path`` or in memory.  Each test also checks that
the hostile input was handled as input (a finding, an exit code of 0, 1 or 2) and not
as a crash of oer_meta (status ``internal-error``, exit code 3, a traceback), and that
no record went missing on the way.  Anything that could hang (a FIFO, a backtracking
scan) runs in a child process with a timeout, so a regression fails instead of
blocking the test run.
"""

from __future__ import annotations

import codecs
import json
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import oer_meta
from oer_meta.internal import drain
from oer_meta.knowledge.languages import _read as read_language
from oer_meta.knowledge.licences.parse import _parse as parse_licence_text
from oer_meta.readers.xml.namespaces import DC, OAI_DC

OAI_PMH = "http://www.openarchives.org/OAI/2.0/"
LOM_NS = "http://ltsc.ieee.org/xsd/LOM"

#: Text an entity would expand to: it must never show up in a report.
EXPANSION = "ENTITY-WAS-EXPANDED"


# -- helpers -------------------------------------------------------------------------------


def oai_dc(body: str) -> str:
    """An ``oai_dc`` record holding ``body`` (Dublin Core elements)."""
    return f'<oai_dc:dc xmlns:oai_dc="{OAI_DC}" xmlns:dc="{DC}">{body}</oai_dc:dc>'


def lom(title: str) -> str:
    return (
        f'<lom xmlns="{LOM_NS}"><general><title>'
        f'<string language="en">{title}</string></title></general></lom>'
    )


GOOD_DC = oai_dc("<dc:title>Halves and quarters</dc:title>").encode()


def cli(
    *args: str | bytes | os.PathLike[str], stdin: bytes | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[bytes]:
    """Run ``oer-meta`` in a child process; a hang fails the test through ``timeout``.

    Whatever the input, oer_meta must not crash on it: exit code 3 or a traceback is a
    failure of every test that uses this helper.
    """
    done = subprocess.run(
        [sys.executable, "-m", "oer_meta", *args],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode != 3, done.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in done.stderr, done.stderr.decode("utf-8", "replace")
    return done


def strict_text(data: bytes) -> str:
    """``data`` decoded as UTF-8, strictly; text output must hold no control character
    but the line break (an ESC in a file name could recolour a terminal)."""
    text = data.decode("utf-8")
    assert all(char == "\n" or char.isprintable() for char in text), repr(text[:300])
    return text


def strict_json(text: str) -> Any:
    """``text`` parsed as JSON that any parser takes: Python's ``json`` accepts a lone
    surrogate escape (``"\\ud800"``), so the decoded value is also encoded as UTF-8."""
    value = json.loads(text)
    json.dumps(value, ensure_ascii=False).encode("utf-8")  # raises on a lone surrogate
    return value


def json_report(done: subprocess.CompletedProcess[bytes], records: int) -> dict[str, Any]:
    """The JSON report of a CLI run, checked to account for ``records`` records and to
    hold no internal error."""
    report: dict[str, Any] = strict_json(strict_text(done.stdout))
    assert len(report["results"]) == records
    assert report["summary"]["records"] == records
    assert report["summary"]["internal_errors"] == 0
    assert all(r["status"] != "internal-error" for r in report["results"])
    return report


def api_report(source: Any, records: int, **options: Any) -> oer_meta.Report:
    """``oer_meta.validate(source)``, checked to account for ``records`` records and to
    hold no internal error."""
    report = oer_meta.validate(source, **options)
    assert len(report.results) == records
    assert report.internal_errors == []
    assert all(r.status != "internal-error" for r in report.results)
    return report


def of_rule(result: oer_meta.RecordResult, code: str) -> list[oer_meta.Finding]:
    return [f for f in result.findings if f.rule == code]


def std001(result: dict[str, Any]) -> str:
    """The message of the one STD001 finding of an unreadable result."""
    assert result["status"] == "unreadable"
    found = [f for f in result["findings"] if f["rule"] == "STD001"]
    assert len(found) == 1, result["findings"]
    return str(found[0]["message"])


# -- 1. comments before the root ------------------------------------------------------------


def test_two_hundred_comments_before_the_root_do_not_hang(tmp_path: Path) -> None:
    """The HTML sniff once backtracked exponentially on a run of empty comments; 40 are
    tested in-process in test_safety.py, 200 here from the command line."""
    path = tmp_path / "comments.xml"
    path.write_bytes(b"<!---->" * 200 + lom("Fractions").encode())
    report = json_report(cli("validate", path, "--format", "json", timeout=30), 1)
    (result,) = report["results"]
    assert (result["format"], result["status"]) == ("lom", "checked")
    assert result["record"]["title"] == "Fractions"


# -- 2. unclosed script tags ------------------------------------------------------------------


def test_unclosed_script_tags_are_read_in_linear_time(tmp_path: Path) -> None:
    """``<script `` repeated 80,000 times made the script scan quadratic."""
    path = tmp_path / "page.html"
    path.write_text("<html>" + "<script " * 80_000, encoding="utf-8")
    started = time.monotonic()
    done = cli("validate", path, "--format", "json", timeout=30)
    elapsed = time.monotonic() - started
    (result,) = json_report(done, 1)["results"]
    assert "no JSON-LD" in std001(result)
    assert done.returncode == 1
    assert elapsed < 15, f"{elapsed:.1f} s for an 80,000-tag page"


# -- 3. FIFOs --------------------------------------------------------------------------------


@pytest.fixture
def folder_with_fifo(tmp_path: Path) -> Path:
    """A folder with a good record and a FIFO named like a record (nobody writes to it:
    opening it for reading would block for ever)."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    folder = tmp_path / "harvest"
    folder.mkdir()
    (folder / "good.xml").write_bytes(GOOD_DC)
    os.mkfifo(folder / "x.xml")
    return folder


def test_fifo_named_on_the_command_line_is_not_opened(folder_with_fifo: Path) -> None:
    fifo = folder_with_fifo / "x.xml"
    done = cli("validate", fifo, "--format", "json", timeout=20)
    (result,) = json_report(done, 1)["results"]
    message = std001(result)
    assert "not a regular file" in message and "FIFO" in message
    assert result["source"] == str(fifo)
    assert done.returncode == 1


def test_fifo_met_in_a_folder_walk_does_not_stop_the_batch(folder_with_fifo: Path) -> None:
    done = cli("validate", folder_with_fifo, "--format", "json", timeout=20)
    results = {Path(r["source"]).name: r for r in json_report(done, 2)["results"]}
    assert results["good.xml"]["status"] == "checked"
    assert results["good.xml"]["record"]["title"] == "Halves and quarters"
    assert "not a regular file" in std001(results["x.xml"])


# -- 4. lone surrogates ------------------------------------------------------------------------

#: A JSON-LD record whose name is a lone surrogate, written as a JSON escape.
SURROGATE_JSONLD = (
    '{"@context": "https://schema.org", "@type": "LearningResource", '
    '"name": "\\ud800", "license": "https://creativecommons.org/licenses/by/4.0/"}'
)


@pytest.fixture
def surrogate_files(tmp_path: Path) -> list[Path]:
    """The same record as a JSON-LD file, in an HTML page, and in a Learning Registry
    envelope (the escape survives ``json.dumps``, which writes ASCII)."""
    plain = tmp_path / "plain.jsonld"
    plain.write_text(SURROGATE_JSONLD, encoding="ascii")
    page = tmp_path / "page.html"
    page.write_text(
        '<!DOCTYPE html><html><head><script type="application/ld+json">'
        f"{SURROGATE_JSONLD}</script></head><body></body></html>",
        encoding="ascii",
    )
    envelope = tmp_path / "envelope.json"
    envelope.write_text(
        json.dumps(
            {
                "doc_type": "resource_data",
                "resource_data_type": "metadata",
                "payload_placement": "inline",
                "payload_schema": ["schema.org", "LRMI"],
                "resource_locator": "https://oer.example.org/halves",
                "resource_data": json.loads(SURROGATE_JSONLD),
            }
        ),
        encoding="ascii",
    )
    assert "\\ud800" in envelope.read_text(encoding="ascii")
    return [plain, page, envelope]


@pytest.mark.parametrize("output", ["json", "jsonl", "text"])
def test_lone_surrogate_gives_valid_utf8_in_every_report_format(
    surrogate_files: list[Path], output: str
) -> None:
    done = cli("validate", *surrogate_files, "--format", output)
    assert done.returncode in (0, 1)
    text = strict_text(done.stdout)
    if output == "json":
        results = json_report(done, 3)["results"]
    elif output == "jsonl":
        lines = [strict_json(line) for line in text.splitlines()]
        results = [line for line in lines if line["type"] == "result"]
        assert len(results) == 3
        assert lines[-1]["type"] == "summary"
        assert lines[-1]["summary"]["internal_errors"] == 0
    else:
        for path in surrogate_files:
            assert str(path) in text
        assert "lone surrogate" in text
        return
    for result in results:
        assert result["status"] == "checked"
        assert result["record"]["title"] == "\ufffd"
        assert any("lone surrogate" in f["message"] for f in result["findings"])


def test_lone_surrogate_gives_valid_utf8_attribution(surrogate_files: list[Path]) -> None:
    for path in surrogate_files:
        done = cli("attribution", path)
        assert done.returncode in (0, 1), done.stderr
        line = strict_text(done.stdout)
        assert "\ufffd" in line and "CC BY 4.0" in line


# -- 5. file names -------------------------------------------------------------------------------


def write_raw(folder: Path, name: bytes, data: bytes) -> None:
    """Create a file whose name is raw bytes (not necessarily UTF-8)."""
    fd = os.open(os.fsencode(folder) + b"/" + name, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


def test_file_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "names"
    folder.mkdir()
    try:
        write_raw(folder, b"bad\xff.xml", GOOD_DC)
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    (folder / "good.xml").write_bytes(GOOD_DC)
    done = cli("validate", folder, "--format", "json")
    report = json_report(done, 2)
    names = sorted(Path(r["source"]).name for r in report["results"])
    assert names == ["bad\\xff.xml", "good.xml"]
    assert all(r["status"] == "checked" for r in report["results"])
    api = api_report(folder, 2)
    assert sorted(Path(str(r.source)).name for r in api.results) == names


@pytest.mark.parametrize(
    ("name", "shown"),
    [(b"esc\x1b[31m.xml", "esc\\x1b[31m.xml"), (b"two\nlines.xml", "two\\nlines.xml")],
)
def test_control_characters_in_file_names_are_escaped(
    tmp_path: Path, name: bytes, shown: str
) -> None:
    folder = tmp_path / "names"
    folder.mkdir()
    write_raw(folder, name, GOOD_DC)
    raw_path = os.fsencode(folder) + b"/" + name
    for named in (folder, raw_path):  # met in a folder walk, and named
        done = cli("validate", named)
        assert done.returncode == 1
        text = strict_text(done.stdout)
        strict_text(done.stderr)
        assert text.count(shown) >= 1
        assert "1 record" in text
    both = cli("validate", folder, raw_path)  # the same file both ways: checked once
    assert "1 record" in strict_text(both.stdout)
    gone = os.fsencode(folder) + b"/gone" + name
    for command in ("validate", "attribution"):
        missing = cli(command, gone)
        assert missing.returncode == 2
        said = strict_text(missing.stderr)
        assert said.count("\n") == 1 and said.endswith(f"gone{shown}\n"), said


# -- 6. closed standard input ---------------------------------------------------------------


def closed_stdin(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
    """Run ``oer-meta`` with descriptor 0 closed by the shell (``<&-``): ``stdin=DEVNULL``
    would hand it an empty but open standard input."""
    words = " ".join(shlex.quote(str(arg)) for arg in (sys.executable, "-m", "oer_meta", *args))
    done = subprocess.run(
        ["sh", "-c", f"{words} <&-"], capture_output=True, timeout=30, check=False
    )
    assert b"Traceback" not in done.stderr, done.stderr
    assert b"standard input is closed: nothing to read from '-'" in done.stderr
    return done


def test_closed_standard_input_is_a_usage_error_for_attribution() -> None:
    """(``validate -`` alone is covered in test_cli_streaming.py.)"""
    done = closed_stdin("attribution", "-")
    assert done.returncode == 2
    assert done.stdout == b""


def test_closed_standard_input_does_not_stop_the_other_paths(tmp_path: Path) -> None:
    good = tmp_path / "good.xml"
    good.write_bytes(GOOD_DC)
    done = closed_stdin("validate", "-", good, "--format", "json")
    assert done.returncode == 2
    (result,) = json_report(done, 1)["results"]
    assert result["status"] == "checked" and result["source"] == str(good)


# -- 7. JSON Lines ----------------------------------------------------------------------------


def jsonld_line(title: str) -> str:
    return json.dumps(
        {"@context": "https://schema.org", "@type": "LearningResource", "name": title}
    )


def json_lines_with_a_bad_line(bad: int) -> bytes:
    """Five lines, line ``bad`` (1-based) broken."""
    lines = [jsonld_line(f"Record {n}") for n in range(1, 6)]
    lines[bad - 1] = '{"name": "Record, broken'
    return ("\n".join(lines) + "\n").encode()


def assert_lines_accounted(results: list[dict[str, Any]], bad: int) -> None:
    """One result per line, in order; the bad one STD001 at its line."""
    for number, result in enumerate(results, start=1):
        if number == bad:
            assert "invalid JSON" in std001(result)
            (finding,) = result["findings"]
            assert finding["location"]["line"] == bad
        else:
            assert result["status"] == "checked"
            assert result["record"]["title"] == f"Record {number}"


@pytest.mark.parametrize("bad", [1, 3, 5])
def test_json_lines_keep_every_good_line(tmp_path: Path, bad: int) -> None:
    data = json_lines_with_a_bad_line(bad)
    for name in ("records.json", "records.jsonl"):
        (tmp_path / name).write_bytes(data)
    files = cli(
        "validate", tmp_path / "records.json", tmp_path / "records.jsonl", "--format", "json"
    )
    results = json_report(files, 10)["results"]
    assert [Path(r["source"]).name for r in results] == ["records.json"] * 5 + ["records.jsonl"] * 5
    assert_lines_accounted(results[:5], bad)
    assert_lines_accounted(results[5:], bad)
    piped = cli("validate", "-", "--format", "json", stdin=data)
    assert_lines_accounted(json_report(piped, 5)["results"], bad)
    api = api_report(data, 5)
    assert_lines_accounted([r.to_dict() for r in api.results], bad)


# -- 8. entity declarations ----------------------------------------------------------------------

_ENTITY_DOC = (
    '<?xml version="1.0" encoding="{encoding}"?>'
    f'<!DOCTYPE lom [<!ENTITY e "{EXPANSION}">]>'
    f'<lom xmlns="{LOM_NS}"><general><title><string language="en">&e;</string>'
    "</title></general></lom>"
)


def entity_documents() -> dict[str, bytes]:
    """A DOCTYPE declaring an entity, in each encoding and position that once slipped
    past a check that read the first bytes as ASCII."""
    utf16 = _ENTITY_DOC.format(encoding="UTF-16")
    utf8 = _ENTITY_DOC.format(encoding="UTF-8")
    comment = "<!--" + "c" * 70_000 + "-->"
    after_comment = utf8.replace("?>", "?>" + comment, 1)
    return {
        "utf16-bom.xml": utf16.encode("utf-16"),
        "utf16-le.xml": utf16.encode("utf-16-le"),
        "utf16-be.xml": utf16.encode("utf-16-be"),
        "utf16-be-bom.xml": codecs.BOM_UTF16_BE + utf16.encode("utf-16-be"),
        "utf8-after-comment.xml": after_comment.encode(),
        "utf8.xml": utf8.encode(),
    }


def test_entity_declarations_are_refused_in_every_encoding(tmp_path: Path) -> None:
    docs = entity_documents()
    for name, data in docs.items():
        (tmp_path / name).write_bytes(data)
        report = api_report(data, 1)
        assert [f.rule for f in report.findings] == ["STD001"], name
        assert "refuses entity declarations" in report.findings[0].message, name
        assert EXPANSION not in report.to_json(), name
    done = cli("validate", *(tmp_path / name for name in docs), "--format", "json")
    report = json_report(done, len(docs))
    for result in report["results"]:
        assert "refuses entity declarations" in std001(result), result["source"]
    assert EXPANSION not in strict_text(done.stdout)


def test_billion_laughs_and_a_local_file_entity_read_nothing(tmp_path: Path) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lom [<!ENTITY a "ha">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
        + f']><lom xmlns="{LOM_NS}"><general><title><string>&j;</string></title>'
        "</general></lom>"
    )
    stolen = (
        '<?xml version="1.0"?><!DOCTYPE lom [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<lom xmlns="{LOM_NS}"><general><title><string>&x;</string></title>'
        "</general></lom>"
    )
    (tmp_path / "laughs.xml").write_text(laughs, encoding="utf-8")
    (tmp_path / "stolen.xml").write_text(stolen, encoding="utf-8")
    done = cli(
        "validate",
        tmp_path / "laughs.xml",
        tmp_path / "stolen.xml",
        "--format",
        "json",
        timeout=30,
    )
    for result in json_report(done, 2)["results"]:
        assert "refuses entity declarations" in std001(result)
    out = strict_text(done.stdout)
    assert "hahaha" not in out
    assert "root:" not in out


# -- 9. a million values in one record ------------------------------------------------------------

_MILLION_CHILD = """
import json, resource, sys
import oer_meta
report = oer_meta.validate(sys.argv[1])
result, = report.results
record = result.record
print(json.dumps({
    "status": result.status,
    "internal": len(report.internal_errors),
    "std002": [f.message for f in result.findings if f.rule == "STD002"],
    "keywords": len(record.keywords) if record is not None else None,
    "title": record.title if record is not None else None,
    "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
}))
"""


def test_a_million_subjects_are_read_up_to_the_limit_in_bounded_memory(tmp_path: Path) -> None:
    """Without the per-field limit this record takes over 30 s and more than 1 GB."""
    pytest.importorskip("resource")
    path = tmp_path / "million.xml"
    with path.open("wb") as out:
        out.write(f'<oai_dc:dc xmlns:oai_dc="{OAI_DC}" xmlns:dc="{DC}">'.encode())
        out.write(b"<dc:title>Too many subjects</dc:title>")
        out.write(b"<dc:subject>fractions</dc:subject>" * 1_000_000)
        out.write(b"</oai_dc:dc>")
    done = subprocess.run(
        [sys.executable, "-c", _MILLION_CHILD, str(path)],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    found = json.loads(done.stdout)
    assert found["status"] == "checked" and found["internal"] == 0
    assert found["title"] == "Too many subjects"
    assert found["keywords"] == 10_000
    (message,) = found["std002"]
    assert "dc:subject holds 1000000 values" in message
    assert "limit of 10000 values per field" in message and "990000 were dropped" in message
    assert found["maxrss_kib"] < 400 * 1024, f"{found['maxrss_kib'] // 1024} MiB"


def test_values_per_field_limit_is_configurable() -> None:
    record = oai_dc(
        "<dc:title>Five subjects</dc:title>"
        + "".join(f"<dc:subject>topic {n}</dc:subject>" for n in range(5))
    ).encode()
    assert of_rule(api_report(record, 1).results[0], "STD002") == []  # default limit
    report = api_report(record, 1, limits=oer_meta.ReadLimits(max_values_per_field=3))
    (result,) = report.results
    assert result.status == "checked"
    assert result.record is not None
    assert [k.value for k in result.record.keywords] == ["topic 0", "topic 1", "topic 2"]
    (finding,) = of_rule(result, "STD002")
    assert "limit of 3 values per field" in finding.message
    assert "2 were dropped" in finding.message
    many = list(oer_meta.validate_many(record, limits=oer_meta.ReadLimits(max_values_per_field=3)))
    assert [len(of_rule(r, "STD002")) for r in many] == [1]
    assert (
        len(oer_meta.read(record, limits=oer_meta.ReadLimits(max_values_per_field=2)).keywords) == 2
    )
    with pytest.raises(ValueError, match="at least 1"):
        oer_meta.ReadLimits(max_values_per_field=0)


def test_limits_are_configurable_from_the_command_line(tmp_path: Path) -> None:
    record = tmp_path / "subjects.xml"
    record.write_bytes(
        oai_dc("".join(f"<dc:subject>topic {n}</dc:subject>" for n in range(5))).encode()
    )
    lines = tmp_path / "records.jsonl"
    lines.write_bytes(json_lines_with_a_bad_line(5))
    done = cli(
        "validate",
        record,
        lines,
        "--format",
        "json",
        "--max-values-per-field",
        "3",
        "--max-records-per-file",
        "2",
    )
    subjects, first, second, rest = json_report(done, 4)["results"]
    (limited,) = [f for f in subjects["findings"] if f["rule"] == "STD002"]
    assert "limit of 3 values per field" in limited["message"]
    assert [first["status"], second["status"]] == ["checked", "checked"]
    assert "more than 2 records" in std001(rest)
    one = cli("validate", lines, "--format", "json", "--max-records-per-file", "1")
    assert "more than 1 record, the reader limit" in std001(json_report(one, 2)["results"][-1])
    refused = cli("validate", record, "--max-values-per-field", "0")
    assert refused.returncode == 2
    assert b"at least 1" in refused.stderr


# -- 10. a huge attribute -------------------------------------------------------------------------


def test_a_100_mb_attribute_gives_one_result(tmp_path: Path) -> None:
    path = tmp_path / "attribute.xml"
    with path.open("wb") as out:
        out.write(f'<lom xmlns="{LOM_NS}"><general><title><string language="en" x="'.encode())
        chunk = b"a" * (1 << 20)
        for _ in range(100):
            out.write(chunk)
        out.write(b'">Fractions</string></title></general></lom>')
    report = api_report(path, 1)
    (result,) = report.results
    assert result.status == "unreadable"
    assert [f.rule for f in result.findings] == ["STD001"]
    assert "larger than libxml2's limit" in result.findings[0].message


# -- 11. symbolic link loops -----------------------------------------------------------------------


def test_looping_symlink_is_named_as_a_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop.xml"
    loop.symlink_to(loop.name)
    good = tmp_path / "good.xml"
    good.write_bytes(GOOD_DC)
    alone = cli("validate", loop)
    assert alone.returncode == 2
    said = strict_text(alone.stderr)
    assert "symbolic link that loops" in said and "no such file" not in said
    mixed = cli("validate", loop, good, "--format", "json")
    assert mixed.returncode == 2
    assert "symbolic link that loops" in strict_text(mixed.stderr)
    (result,) = json_report(mixed, 1)["results"]
    assert result["status"] == "checked" and result["source"] == str(good)
    walked = api_report(tmp_path, 2)
    by_name = {Path(str(r.source)).name: r for r in walked.results}
    assert by_name["good.xml"].status == "checked"
    assert "symbolic link loop" in by_name["loop.xml"].findings[0].message


def test_dangling_symlink_is_named_as_dangling(tmp_path: Path) -> None:
    link = tmp_path / "link.xml"
    link.symlink_to(tmp_path / "gone.xml")
    done = cli("validate", link)
    assert done.returncode == 2
    said = strict_text(done.stderr)
    assert "dangling symbolic link" in said and "gone.xml" in said


# -- 12. UTF-32 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda text: text.encode("utf-32"), id="bom-native"),
        pytest.param(lambda text: codecs.BOM_UTF32_BE + text.encode("utf-32-be"), id="bom-be"),
        pytest.param(lambda text: text.encode("utf-32-le"), id="le"),
        pytest.param(lambda text: text.encode("utf-32-be"), id="be"),
    ],
)
@pytest.mark.parametrize(
    ("fmt", "body"),
    [("dc", oai_dc("<dc:title>Fractions à deux</dc:title>")), ("lom", lom("Fractions à deux"))],
)
def test_utf32_xml_is_read_as_xml(encode: Any, fmt: str, body: str) -> None:
    data = encode(f'<?xml version="1.0" encoding="UTF-32"?>\n{body}')
    (result,) = api_report(data, 1).results
    assert (result.format, result.status) == (fmt, "checked")
    assert result.record is not None and result.record.title == "Fractions à deux"
    assert of_rule(result, "STD001") == []


# -- 13. OAI-PMH pages -----------------------------------------------------------------------------


def list_records(token: str, records: int = 3) -> bytes:
    body = "".join(
        f"<record><header><identifier>oai:example.org:{n}</identifier>"
        "<datestamp>2024-05-01</datestamp></header>"
        f"<metadata>{oai_dc(f'<dc:title>Record {n}</dc:title>')}</metadata></record>"
        for n in range(records)
    )
    return (
        f'<?xml version="1.0"?><OAI-PMH xmlns="{OAI_PMH}">'
        "<responseDate>2024-05-01T00:00:00Z</responseDate>"
        '<request verb="ListRecords" metadataPrefix="oai_dc">https://oer.example.org/oai'
        f"</request><ListRecords>{body}{token}</ListRecords></OAI-PMH>"
    ).encode()


def test_resumption_token_marks_the_last_record_of_the_page() -> None:
    page = list_records('<resumptionToken completeListSize="250">oai_dc/3</resumptionToken>')
    report = api_report(page, 3)
    partial = [(r.index, of_rule(r, "STD006")) for r in report.results]
    assert [index for index, found in partial if found] == [2]
    (finding,) = partial[2][1]
    assert "'oai_dc/3'" in finding.message and "completeListSize 250" in finding.message


@pytest.mark.parametrize(
    "token",
    [
        '<resumptionToken completeListSize="3" cursor="0"/>',
        "<resumptionToken> </resumptionToken>",
        "",
    ],
)
def test_last_page_is_not_a_partial_harvest(token: str) -> None:
    report = api_report(list_records(token), 3)
    assert of_rule(report.results[0], "STD001") == []
    assert all(of_rule(r, "STD006") == [] for r in report.results)


# -- 14. the never-raising parsers -------------------------------------------------------------

#: Any code point, surrogates and NUL included.
ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=()), max_size=40)


@settings(max_examples=150, deadline=None)
@given(ANY_TEXT)
@example("\x00")
@example("en\x00")
@example("\ud800")
@example("fr-\udfff")
@example("English; \ud83d")
def test_language_reader_does_not_raise_on_any_text(text: str) -> None:
    """The inner function, called directly: the wrapper's ``except`` would hide a
    crash."""
    drain()
    verdict = read_language(text)
    assert verdict.tag is None or isinstance(verdict.tag, str)
    assert oer_meta.normalize_language(text) == verdict.tag
    assert drain() == []


@settings(max_examples=150, deadline=None)
@given(ANY_TEXT)
@example("\x00")
@example("CC BY\x00 4.0")
@example("\ud800")
@example("https://creativecommons.org/licenses/by/4.0/\udc80")
@example("CC-BY-SA-4.0 OR \ud83d")
def test_licence_reader_does_not_raise_on_any_text(text: str) -> None:
    drain()
    licence = parse_licence_text(text)
    assert licence.raw == text
    assert oer_meta.parse_licence(text).openness == licence.openness
    assert drain() == []


def test_xml_nested_beyond_libxml2s_depth_limit_says_so_plainly() -> None:
    data = ("<a>" * 5000 + "</a>" * 5000).encode()
    [result] = oer_meta.validate(data).results
    assert result.status == "unreadable"
    [finding] = result.findings
    assert finding.message == (
        "not well-formed XML: elements are nested more than 256 deep (libxml2's limit); "
        "the document was not read"
    )
    assert "XML_PARSE_HUGE" not in finding.message + (finding.hint or "")
