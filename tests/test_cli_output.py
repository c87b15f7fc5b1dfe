"""The text output and the CLI's output flags: findings sorted by position with XML
columns, a line for every finding, infos hidden for batches, --quiet, --statistics,
colour and the progress bar only on a terminal (tested through a pty), NO_COLOR, an
unreadable folder reported, a cp1252 console that degrades instead of crashing."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import select
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from oer_meta import engine
from oer_meta.cli import main
from oer_meta.model import Location
from oer_meta.report.formatters.base import RunInfo
from oer_meta.report.formatters.columns import ColumnFinder, element_name, tag_column
from oer_meta.report.formatters.text import TextFormatter, wants_color
from oer_meta.report.results import Finding, RecordResult, Tally
from oer_meta.severity import Severity

from .cli_runs import harvest
from .corpus_paths import CORPUS, needs_corpus

ANSI = re.compile(rb"\x1b\[[0-9;]*m")
BAR = re.compile(rb"checked \d+ records")

#: Warnings and infos but no error; LANG003 and STD004 come from elements indented
#: on purpose (their columns are known).
DC = """<?xml version="1.0" encoding="UTF-8"?>
<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
    xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:title>{title}</dc:title>
      <dc:language>{language}</dc:language>
   <dc:date>October 4, 2006</dc:date>
  <dc:rights>https://creativecommons.org/licenses/by/4.0/</dc:rights>
</oai_dc:dc>
"""


def _dc(folder: Path, name: str, title: str = "Soil", language: str = "English") -> Path:
    path = folder / name
    path.write_text(DC.format(title=title, language=language), encoding="utf-8")
    return path


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "oer_meta", *args],
        capture_output=True,
        check=False,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def _text(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    code = main(["validate", *argv])
    return code, capsys.readouterr().out.splitlines()


def _finding_lines(lines: list[str], path: Path) -> list[str]:
    return [line for line in lines if line.startswith(f"{path}:")]


# -- position: sorted, columns, never without a line ---------------------------------


def _finding(code: str, line: int | None, column: int | None = None) -> Finding:
    return Finding(
        rule=code,
        name=code.lower(),
        severity=Severity.WARNING,
        message=f"message of {code}",
        location=Location(file="r.xml", line=line, column=column),
    )


def test_a_records_findings_are_printed_by_line_column_then_code() -> None:
    out = io.StringIO()
    formatter = TextFormatter(out)
    formatter.start(RunInfo(profile="unesco", fail_on=Severity.ERROR))
    findings = [
        _finding("LIC002", 9, 4),
        _finding("DISC004", 3, 7),
        _finding("STD004", 3, 2),
        _finding("A11Y001", 9, 4),
        _finding("LANG003", None),
    ]
    formatter.result(RecordResult(source="r.xml", index=0, format="dc", findings=findings))
    formatter.finish(Tally())
    printed = [line.split(" ")[0:2] for line in out.getvalue().splitlines() if " [" in line]
    assert printed == [
        ["r.xml:", "LANG003"],  # no line: the file as a whole, first
        ["r.xml:3:2:", "STD004"],
        ["r.xml:3:7:", "DISC004"],
        ["r.xml:9:4:", "A11Y001"],
        ["r.xml:9:4:", "LIC002"],
    ]


def test_xml_findings_get_the_column_of_their_start_tag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _dc(tmp_path, "r.xml")
    _, lines = _text(capsys, str(path))
    found = {line.split(" ")[1]: line.split(" ")[0] for line in _finding_lines(lines, path)}
    assert found["LANG003"] == f"{path}:5:7:"  # '<dc:language' after six spaces
    assert found["STD004"] == f"{path}:6:4:"
    # in input order of records, sorted by position within the record
    positions = [
        tuple(int(n) for n in line.split(" ")[0][len(str(path)) + 1 : -1].split(":"))
        for line in _finding_lines(lines, path)
    ]
    assert positions == sorted(positions)


def test_column_helpers() -> None:
    assert element_name("/oai:OAI-PMH/oai:ListRecords/oai:record[2]") == "record"
    assert element_name("/lom:lom/lom:general/lom:title/lom:string[3]") == "string"
    assert element_name("/@graph/0/name") is None  # a JSON Pointer: columns come with it
    assert element_name(None) is None
    assert tag_column("   <dc:title>x</dc:title>", "title") == 4
    assert tag_column("<title>x</title>", "title") == 1
    assert tag_column("<dc:titles>x</dc:titles>", "title") is None
    # the name twice on one line (minified XML): no column rather than a wrong one
    assert tag_column("<dc:title>a</dc:title><dc:title>b</dc:title>", "title") is None


def test_the_column_finder_never_opens_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.xml"
    os.mkfifo(fifo)
    finder = ColumnFinder()
    assert finder.column(str(fifo), 1, "/dc:dc/dc:title") is None  # returns, never blocks
    assert finder.column(str(tmp_path / "gone.xml"), 1, "/dc:dc/dc:title") is None


def test_the_column_finder_reads_forward_and_back(tmp_path: Path) -> None:
    path = tmp_path / "r.xml"
    path.write_text("<a:r>\n  <a:x/>\n    <a:y/>\n" + "x" * 70000 + "<a:z/>\n", "utf-8")
    finder = ColumnFinder()
    assert finder.column(str(path), 3, "/a:r/a:y") == 5
    assert finder.column(str(path), 2, "/a:r/a:x") == 3  # an earlier line: read again
    assert finder.column(str(path), 4, "/a:r/a:z") is None  # too long a line to hold
    finder.close()


def test_a_value_without_a_line_takes_its_records_line() -> None:
    record = Location(file="f.json", line=12, column=5, path="/documents/3")
    value = Location(file="f.json", path="/documents/3/resource_data/dc:dc/dc:title")
    placed = engine._placed(value, record)
    assert (placed.line, placed.column, placed.path) == (12, 5, value.path)
    own = Location(file="f.json", line=2, path="/x")
    assert engine._placed(own, record) == own
    assert engine._placed(None, record) == record


@needs_corpus
def test_every_finding_of_an_envelope_harvest_has_a_line() -> None:
    """Learning Registry envelopes hold XML records in JSON strings, whose own lines
    say nothing about the file: their findings carry the envelope's line."""
    path = CORPUS / "oai_dc" / "lr_envelopes_oai_dc_101docs.json"
    done = _cli("validate", str(path), "--format", "jsonl")
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    findings = [f for r in lines if "findings" in r for f in r["findings"]]
    assert len(findings) > 100
    assert all(isinstance(f["location"]["line"], int) for f in findings)


# -- infos, quiet, statistics -------------------------------------------------------


def _info_codes(lines: list[str]) -> set[str]:
    return {line.split(" ")[1] for line in lines if " info: " in line}


def test_infos_are_shown_for_one_record_and_hidden_for_several(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one = _dc(tmp_path, "one.xml")
    _, lines = _text(capsys, str(one))
    assert _info_codes(lines)
    assert not any("not shown" in line for line in lines)

    _dc(tmp_path, "two.xml")
    _, lines = _text(capsys, str(tmp_path))
    assert not _info_codes(lines)
    counts = json.loads(_json(capsys, str(tmp_path)))["summary"]
    assert f"{counts['infos']} infos not shown" in "\n".join(lines)
    assert counts["infos"] > 0

    _, lines = _text(capsys, str(tmp_path), "--show-infos")
    assert _info_codes(lines)
    _, lines = _text(capsys, str(one), "--hide-infos")
    assert not _info_codes(lines)
    assert any("infos not shown" in line for line in lines)


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    main(["validate", *argv, "--format", "json"])
    return capsys.readouterr().out


def test_quiet_prints_only_failing_records_and_the_verdict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _dc(tmp_path, "good.xml")  # warnings only: passes with fail-on error
    bad = tmp_path / "bad.xml"
    bad.write_text(DC.format(title="", language="en"), encoding="utf-8")
    code, lines = _text(capsys, str(tmp_path), "--quiet")
    assert code == 1
    assert not any(str(good) in line for line in lines)
    printed = _finding_lines(lines, bad)
    assert printed and all(" error: " in line for line in printed)
    assert lines[-1].startswith("failed: 2 records")
    assert not any("action area" in line for line in lines)

    code, lines = _text(capsys, str(good), "-q")
    assert code == 0 and [line for line in lines if line] == [lines[-1]]
    assert lines[-1].startswith("ok: 1 record")


def test_statistics_count_findings_per_rule_most_frequent_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for n in range(3):
        _dc(tmp_path, f"r{n}.xml", language="English" if n else "en")
    _, lines = _text(capsys, str(tmp_path), "--statistics")
    table = [line.split() for line in lines if re.match(r"^\s*\d+\s+[A-Z0-9]+\s", line)]
    report = json.loads(_json(capsys, str(tmp_path)))
    expected: dict[str, int] = {}
    for result in report["results"]:
        for f in result["findings"]:
            expected[f["rule"]] = expected.get(f["rule"], 0) + 1
    assert {row[1]: int(row[0]) for row in table} == expected
    assert [int(row[0]) for row in table] == sorted((int(row[0]) for row in table), reverse=True)
    lang = next(row for row in table if row[1] == "LANG003")
    assert lang[2:] == ["warning", "language-not-canonical"]
    assert not any(line.startswith(str(tmp_path)) for line in lines)  # no findings


def test_text_only_flags_with_another_format_are_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _dc(tmp_path, "r.xml")
    for flag in ("--quiet", "--statistics", "--show-infos"):
        assert main(["validate", str(path), "--format", "json", flag]) == 2
        assert "text output only" in capsys.readouterr().err


def test_output_file_takes_the_text_report(tmp_path: Path) -> None:
    path = _dc(tmp_path, "r.xml")
    out = tmp_path / "report.txt"
    done = _cli("validate", str(path), "--output-file", str(out), "--statistics")
    assert done.stdout == b""
    assert "LANG003" in out.read_text("utf-8")


# -- terminals: colour, NO_COLOR, progress -------------------------------------------


def _on_pty(
    args: list[str], env: dict[str, str], *, stdout_tty: bool, stderr_tty: bool
) -> tuple[bytes, bytes, bytes, int]:
    """Run ``args`` with standard output and/or error on a pseudo-terminal: (what the
    terminal got, stdout when not on it, stderr when not on it, exit code).  What is
    not on the terminal goes to files (a full pipe nobody reads would stall the run)."""
    master, slave = pty.openpty()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=slave if stdout_tty else out,
            stderr=slave if stderr_tty else err,
            env=env,
        )
        os.close(slave)
        seen = bytearray()
        while True:
            ready, _, _ = select.select([master], [], [], 120)
            if not ready:
                break
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed its end
                break
            if not chunk:
                break
            seen += chunk
        os.close(master)
        code = child.wait(timeout=120)
        out.seek(0)
        err.seek(0)
        return bytes(seen), out.read(), err.read(), code


def _env(**changes: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "CI", "FORCE_COLOR")}
    env["TERM"] = "xterm-256color"
    env.update({k: v for k, v in changes.items() if v is not None})
    return env


@pytest.mark.parametrize(
    ("env", "flags", "coloured"),
    [
        (_env(), [], True),
        (_env(NO_COLOR="1"), [], False),
        (_env(NO_COLOR=""), [], True),  # empty: as if unset (no-color.org)
        (_env(NO_COLOR="1"), ["--color", "always"], True),
        (_env(), ["--color", "never"], False),
    ],
)
def test_colour_on_a_terminal_only_without_no_color(
    tmp_path: Path, env: dict[str, str], flags: list[str], coloured: bool
) -> None:
    path = _dc(tmp_path, "r.xml")
    args = [sys.executable, "-m", "oer_meta", "validate", str(path), *flags]
    seen, _, _, code = _on_pty(args, env, stdout_tty=True, stderr_tty=False)
    assert code == 0
    assert b"LANG003" in seen
    assert bool(ANSI.search(seen)) is coloured


def test_no_colour_in_a_pipe_unless_asked(tmp_path: Path) -> None:
    path = _dc(tmp_path, "r.xml")
    assert not ANSI.search(_cli("validate", str(path)).stdout)
    assert ANSI.search(_cli("validate", str(path), "--color", "always").stdout)


def test_wants_color() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    old = os.environ.pop("NO_COLOR", None)
    try:
        assert wants_color(Tty()) and not wants_color(io.StringIO())
        os.environ["NO_COLOR"] = "0"  # any non-empty value
        assert not wants_color(Tty())
        assert wants_color(io.StringIO(), "always") and not wants_color(Tty(), "never")
    finally:
        os.environ.pop("NO_COLOR", None)
        if old is not None:
            os.environ["NO_COLOR"] = old


_PROGRESS_NOW = (
    "import sys, oer_meta.cli as c; c.PROGRESS_AFTER = 0; raise SystemExit(c.main(sys.argv[1:]))"
)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return harvest(tmp_path_factory.mktemp("big") / "harvest.xml", 300)


@pytest.mark.parametrize(
    ("env", "stdout_tty", "shown"),
    [
        (_env(), False, True),  # report to a pipe, terminal on stderr: the bar
        (_env(CI="true"), False, False),  # never in CI logs
        (_env(), True, False),  # the report itself is on the terminal
    ],
)
def test_progress_bar_on_a_terminal_only(
    big: Path, env: dict[str, str], stdout_tty: bool, shown: bool
) -> None:
    args = [sys.executable, "-c", _PROGRESS_NOW, "validate", str(big), "--format", "jsonl"]
    seen, out, _, code = _on_pty(args, env, stdout_tty=stdout_tty, stderr_tty=True)
    assert code == 0
    report = seen if stdout_tty else out
    assert report.count(b"\n") >= 301  # the report is whole either way
    assert bool(BAR.search(seen)) is shown
    assert not BAR.search(out)


def test_no_progress_bar_when_stderr_is_piped(big: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROGRESS_NOW, "validate", str(big), "--format", "jsonl"],
        capture_output=True,
        check=False,
        env=_env(),
        timeout=300,
    )
    assert done.returncode == 0 and done.stderr == b""


def test_no_progress_flag(big: Path) -> None:
    args = [sys.executable, "-c", _PROGRESS_NOW, "validate", str(big), "--format", "jsonl"]
    seen, _, _, code = _on_pty([*args, "--no-progress"], _env(), stdout_tty=False, stderr_tty=True)
    assert code == 0 and not BAR.search(seen)


# -- robust: unreadable folders, unencodable characters ------------------------------


@pytest.fixture
def locked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A folder that cannot be listed (as chmod 000 makes it for anyone but root: the
    tests may run as root, so listing it is refused by hand)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    _dc(folder, "hidden.xml")
    real = os.scandir

    def scandir(path: Any = ".") -> Any:
        if Path(os.fsdecode(path)).resolve() == folder.resolve():
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    return folder


def test_an_unreadable_folder_inside_a_folder_is_reported(
    locked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _dc(locked.parent, "open.xml")
    code = main(["validate", str(locked.parent), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    sources = {r["source"]: r for r in report["results"]}
    assert str(locked.parent / "open.xml") in sources
    result = sources[str(locked)]
    assert result["status"] == "unreadable"
    assert "cannot read folder" in result["findings"][0]["message"]
    assert "Permission denied" in result["findings"][0]["message"]


def test_an_unreadable_folder_named_is_reported_like_a_missing_path(
    locked: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = _dc(tmp_path, "other.xml")
    code = main(["validate", str(locked), str(other)])
    captured = capsys.readouterr()
    assert code == 2
    assert f"cannot read folder {locked}: Permission denied" in captured.err
    assert str(other) in captured.out  # the others are still checked


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists a chmod 000 folder")
def test_a_chmod_000_folder_is_reported(tmp_path: Path) -> None:  # pragma: no cover
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0)
    try:
        done = _cli("validate", str(tmp_path), "--format", "jsonl")
    finally:
        folder.chmod(0o755)
    assert b"cannot read folder" in done.stdout


def test_a_cp1252_console_gets_escapes_not_a_traceback(tmp_path: Path) -> None:
    path = _dc(tmp_path, "Ωμέγα.xml", title="Ωμέγα ✓ 漢字", language="Ωμέγα ✓ 漢字")
    for flags in ([], ["--color", "always"], ["--statistics"], ["--quiet"]):
        done = _cli("validate", str(path), *flags, env={"PYTHONIOENCODING": "cp1252"})
        assert done.returncode in (0, 1), done.stderr
        assert b"Traceback" not in done.stderr
        text = done.stdout.decode("cp1252")
        assert "records" in text or "record" in text
        if not flags:
            assert "\\u03a9" in text  # Ω as an escape, the line still there
            assert "\\u2713" in text  # ✓
