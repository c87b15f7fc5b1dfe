"""The CLI streams: results written as records are checked (text, json, jsonl), batch
rules reported when the batch ends, internal errors as exit 3, Ctrl-C and closed pipes
ending cleanly, and bad paths reported without stopping the others."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import oer_meta
from oer_meta.checks import registry
from oer_meta.checks.registry import Violation
from oer_meta.cli import main

from .cli_runs import OAI_HEAD, OAI_RECORD, interrupted
from .cli_runs import harvest as _harvest
from .cli_runs import rest_of as _rest_of
from .corpus_paths import EXAMPLES, ROOT

SCHEMA = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))


def _cli(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "oer_meta", *args], capture_output=True, check=False, **kwargs
    )


def test_jsonl_gives_one_line_per_record_then_the_summary(tmp_path: Path) -> None:
    path = _harvest(tmp_path / "oai.xml", 25)
    done = _cli("validate", str(path), "--format", "jsonl")
    lines = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [line["type"] for line in lines] == ["result"] * 25 + ["summary"]
    assert [line["index"] for line in lines[:-1]] == list(range(25))
    assert lines[0]["record"]["title"] == "Lesson 0"
    summary = lines[-1]
    assert summary["summary"]["records"] == 25 and summary["summary"]["checked"] == 25
    assert summary["interrupted"] is False
    assert done.returncode == (0 if summary["ok"] else 1)


def test_streamed_json_is_one_valid_report(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    assert main(["validate", str(EXAMPLES), "--format", "json", "--output-file", str(out)]) == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    library = oer_meta.validate(EXAMPLES).to_dict()
    assert data["summary"] == library["summary"]
    assert [r["findings"] for r in data["results"]] == [r["findings"] for r in library["results"]]


def test_output_file_leaves_stdout_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.txt"
    main(["validate", str(EXAMPLES), "--output-file", str(out)])
    assert capsys.readouterr().out == ""
    assert "Findings by UNESCO action area" in out.read_text(encoding="utf-8")


REMIX = [
    {
        "@context": "https://schema.org/",
        "@type": "LearningResource",
        "@id": "https://example.org/source",
        "name": "The source lesson",
        "license": "https://creativecommons.org/licenses/by-nc/4.0/",
    },
    {
        "@context": "https://schema.org/",
        "@type": "LearningResource",
        "@id": "https://example.org/adaptation",
        "name": "An adaptation",
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "isBasedOn": "https://example.org/source",
    },
]


def test_batch_rule_findings_are_tied_to_their_record(tmp_path: Path) -> None:
    path = tmp_path / "remix.json"
    path.write_text(json.dumps(REMIX), encoding="utf-8")
    done = _cli("validate", str(path), "--format", "jsonl", "--select", "LIC009")
    lines = [json.loads(line) for line in done.stdout.decode().splitlines()]
    batch = [line for line in lines if line["type"] == "batch-finding"]
    assert len(batch) == 1
    assert (batch[0]["source"], batch[0]["index"], batch[0]["rule"]) == (str(path), 1, "LIC009")
    assert batch[0]["record_id"] == "https://example.org/adaptation"
    assert "NonCommercial" in batch[0]["message"] or "NC" in batch[0]["message"]
    assert done.returncode == 1

    json_done = _cli("validate", str(path), "--format", "json", "--select", "LIC009")
    data = json.loads(json_done.stdout)
    jsonschema.validate(data, SCHEMA)
    assert [f["index"] for f in data["batch_findings"]] == [1]
    assert data["summary"]["errors"] == 1 and data["ok"] is False

    text = _cli("validate", str(path), "--select", "LIC009").stdout.decode()
    assert "across the batch" in text and f"{path}:" in text

    # the library puts the finding on the record's own result
    report = oer_meta.validate(path, select=["LIC009"])
    assert [f.rule for f in report.results[1].findings] == ["LIC009"]
    assert report.results[0].findings == []


def _raising(record: Any) -> Iterator[Violation]:
    """A rule that finds one thing, then crashes: what a bug in a rule looks like."""
    yield Violation("found before the crash")
    raise ZeroDivisionError("boom")


@pytest.fixture
def broken_rule(monkeypatch: pytest.MonkeyPatch) -> str:
    """DISC001's check replaced by one that raises, for this test only."""
    original = registry.get_rule("DISC001")
    monkeypatch.setitem(registry._REGISTRY, "DISC001", replace(original, check=_raising))
    return "DISC001"


@pytest.mark.internal_error_expected
def test_a_rule_that_raises_is_an_internal_error_not_a_finding(
    broken_rule: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _harvest(tmp_path / "oai.xml", 2)
    code = main(["validate", str(path), "--format", "json", "--select", "DISC,LIC"])
    captured = capsys.readouterr()
    assert code == 3
    data = json.loads(captured.out)
    jsonschema.validate(data, SCHEMA)
    first = data["results"][0]
    assert first["status"] == "internal-error"
    assert [e["component"] for e in first["internal_errors"]] == ["rule DISC001"]
    assert first["internal_errors"][0]["error"] == "ZeroDivisionError"
    assert first["internal_errors"][0]["code"] == "INTERNAL"
    # the finding made before the crash and the other rules' findings are kept
    assert "found before the crash" in [f["message"] for f in first["findings"]]
    assert all(f["rule"] != "INTERNAL" for f in first["findings"])
    assert data["summary"]["internal_errors"] == 2
    assert "internal error in rule DISC001 (ZeroDivisionError: boom)" in captured.err


@pytest.mark.internal_error_expected
def test_internal_errors_reach_the_library_report(broken_rule: str) -> None:
    text = OAI_HEAD + OAI_RECORD.format(n=1) + "</ListRecords></OAI-PMH>"
    report = oer_meta.validate(text, select=["DISC", "LIC"])
    assert report.results[0].status == "internal-error"
    assert [e.component for e in report.internal_errors] == ["rule DISC001"]
    assert report.summary()["internal_errors"] == 1


def test_ctrl_c_writes_what_was_checked_and_exits_130(tmp_path: Path) -> None:
    path = _harvest(tmp_path / "big.xml", 60_000)
    child = subprocess.Popen(
        [sys.executable, "-m", "oer_meta", "validate", str(path), "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    first = child.stdout.readline()  # results are streaming
    assert json.loads(first)["type"] == "result"
    child.send_signal(signal.SIGINT)
    rest, err = _rest_of(child)
    lines = [json.loads(line) for line in rest.decode().splitlines()]
    assert child.returncode == 130
    summary = lines[-1]
    assert summary["type"] == "summary" and summary["interrupted"] is True
    assert 1 <= summary["summary"]["records"] < 60_000
    assert summary["summary"]["records"] == 1 + sum(1 for x in lines if x["type"] == "result")
    assert b"Traceback" not in err and b"interrupted after" in err


@pytest.mark.parametrize("output", ["jsonl", "json"])
def test_ctrl_c_never_cuts_a_result_in_half(tmp_path: Path, output: str) -> None:
    """Interrupts sent while results are being written (one every few milliseconds
    until the child stops) leave a report whose every result is whole."""
    path = _harvest(tmp_path / "big.xml", 60_000)
    written, err, code = interrupted(path, output, lambda head: head.count(b"\n") >= 1)
    assert code == 130, err
    assert b"Traceback" not in err
    if output == "jsonl":
        lines = [json.loads(line) for line in written.decode().splitlines()]
        summary = lines[-1]
        results = sum(1 for x in lines if x["type"] == "result")
    else:
        summary = json.loads(written)
        results = len(summary["results"])
    assert summary["interrupted"] is True
    assert summary["summary"]["records"] == results


def test_deferred_interrupt_holds_ctrl_c_until_the_atomic_block_ends() -> None:
    from oer_meta.interrupts import DeferredInterrupt

    done: list[str] = []
    with DeferredInterrupt() as interrupts:
        with pytest.raises(KeyboardInterrupt), interrupts.atomic():
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.01)  # the handler has run by now: it held the interrupt
            done.append("written")
        assert done == ["written"]
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN  # stopping: no second one
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.01)
    assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN  # until the program ends
    signal.signal(signal.SIGINT, signal.default_int_handler)
    with DeferredInterrupt() as interrupts:
        assert signal.getsignal(signal.SIGINT) is not signal.default_int_handler
        with pytest.raises(KeyboardInterrupt):  # outside a block: at once
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    with DeferredInterrupt():
        pass
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # restored


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    path = _harvest(tmp_path / "big.xml", 20_000)
    child = subprocess.Popen(
        [sys.executable, "-m", "oer_meta", "validate", str(path), "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.readline()
    child.stdout.close()  # like `| head -1`
    err = child.stderr.read()
    assert child.wait(timeout=120) == 141
    assert err == b""


def test_closed_standard_input_is_a_usage_error() -> None:
    done = _cli("validate", "-", preexec_fn=lambda: os.close(0))
    assert done.returncode == 2
    assert b"standard input is closed" in done.stderr and b"Traceback" not in done.stderr


def test_a_missing_path_does_not_stop_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _harvest(tmp_path / "oai.xml", 1)
    assert main(["validate", str(tmp_path / "missing.xml"), str(path)]) == 2
    captured = capsys.readouterr()
    assert "no such file or folder" in captured.err and "missing.xml" in captured.err
    assert "1 record" in captured.out


def test_a_looping_symlink_is_named_as_such(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = tmp_path / "loop.xml"
    loop.symlink_to(loop)
    assert main(["validate", str(loop)]) == 2
    assert "symbolic link that loops (it leads back to itself)" in capsys.readouterr().err


def test_control_characters_in_file_names_are_escaped_in_text(tmp_path: Path) -> None:
    path = tmp_path / "evil\x1b[31mname.xml"
    path.write_text('<lom xmlns="http://ltsc.ieee.org/xsd/LOM"><general/></lom>')
    done = _cli("validate", str(path))
    assert b"\x1b" not in done.stdout
    assert b"evil\\x1b[31mname.xml" in done.stdout


def test_unencodable_output_degrades_to_escapes(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text(json.dumps({**REMIX[0], "name": "Ελληνικά → 中文"}), encoding="utf-8")
    done = _cli(
        "validate", str(path), "--format", "json", env={**os.environ, "PYTHONIOENCODING": "cp1252"}
    )
    assert done.returncode in (0, 1), done.stderr
    assert json.loads(done.stdout.decode("cp1252"))["results"][0]["record"]["title"] == (
        "Ελληνικά → 中文"
    )


def test_unbuffered_python_still_writes_every_byte_of_a_result() -> None:
    """Under ``python -u`` standard output is a raw file, whose short writes (a full pipe
    interrupted by a signal) the text layer would drop: the report goes through a
    buffered writer, which finishes them, and standard output stays usable after."""
    code = (
        "import io, sys\n"
        "from oer_meta.cli import _output\n"
        "assert isinstance(sys.stdout.buffer, io.RawIOBase)\n"
        "out = _output(None)\n"
        "assert isinstance(out.buffer, io.BufferedWriter), type(out.buffer)\n"
        "out.write('x' * 100000 + '\\n')\n"
        "out.close()\n"
        "print('after')\n"
    )
    done = subprocess.run(
        [sys.executable, "-u", "-c", code], capture_output=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == b"x" * 100000 + b"\nafter\n"
    assert done.stderr == b""
