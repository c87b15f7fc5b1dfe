"""``oer-meta attribution FILE [--lang] [--as]``: one line per record, exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from oer_meta.cli import main

from .corpus_paths import EXAMPLES

LISTRECORDS = EXAMPLES / "dc" / "oai-listrecords.xml"
JSONL = EXAMPLES / "jsonld" / "records.jsonl"  # its second line is broken on purpose

LOM = (
    b'<lom xmlns="http://ltsc.ieee.org/xsd/LOM"><general>'
    b"<identifier><catalog>URI</catalog><entry>https://example.org/r/1</entry></identifier>"
    b'<title><string language="en">Fractions &amp; more</string></title></general>'
    b"<lifeCycle><contribute><role><source>LOMv1.0</source><value>author</value></role>"
    b"<entity>BEGIN:VCARD\nVERSION:3.0\nFN:Jane Doe\nEND:VCARD</entity></contribute></lifeCycle>"
    b"<rights><description><string>https://creativecommons.org/licenses/by/4.0/</string>"
    b"</description></rights></lom>"
)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_one_line_per_record_and_deleted_records_skipped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["attribution", str(LISTRECORDS)]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "“Comparing Fractions with Pizza Slices” (https://oer.example.org/resources/fractions-1)"
        " by Nakamura, Emi is licensed under CC BY 4.0"
        " (https://creativecommons.org/licenses/by/4.0/).",
        "“Brüche vergleichen” (https://oer.example.org/resources/fractions-3) by Weber, Jonas"
        " is licensed under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).",
    ]
    assert "skipped deleted record oai:oer.example.org:fractions-2" in captured.err


def test_lang_and_as(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["attribution", str(LISTRECORDS), "--lang", "de", "--as", "markdown"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == (
        "„[Brüche vergleichen](https://oer.example.org/resources/fractions-3)“ von Weber, Jonas"
        " ist lizenziert unter [CC BY-SA 4.0](https://creativecommons.org/licenses/by-sa/4.0/)."
    )
    assert main(["attribution", str(LISTRECORDS), "--lang", "fr", "--as", "html"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert all(line.startswith('<p xmlns:cc="http://creativecommons.org/ns#"') for line in lines)
    assert 'lang="fr"' in lines[0] and ', sous licence <a rel="license"' in lines[0]


def test_html_is_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "lesson.xml", LOM)
    assert main(["attribution", str(path), "--as", "html"]) == 0
    out = capsys.readouterr().out
    assert ">Fractions &amp; more</a>" in out
    assert '<span property="cc:attributionName">Jane Doe</span>' in out


def test_unreadable_part_exits_2_after_the_readable_records(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["attribution", str(JSONL)]) == 2
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(
        "“Evaporation in a saucer” (https://example.org/lessons/evaporation)"
    )
    assert lines[1].startswith("“Build a rain gauge”")
    assert f"oer-meta: {JSONL}:2:" in captured.err


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"just some words", "neither XML nor JSON"),
        (b"<lom><general>", "records.xml:1"),
        (b"", "empty file"),
    ],
)
def test_unreadable_file_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, message: str
) -> None:
    path = _write(tmp_path, "records.xml", data)
    assert main(["attribution", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("oer-meta: ") and message in captured.err


def test_missing_file_and_file_without_records_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["attribution", str(tmp_path / "nope.xml")]) == 2
    assert "no such file" in capsys.readouterr().err
    path = _write(tmp_path, "other.xml", b"<catalogue><item>not metadata</item></catalogue>")
    assert main(["attribution", str(path)]) == 2
    assert "other.xml:1: no LOM or Dublin Core record found" in capsys.readouterr().err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["attribution", str(empty)]) == 2
    assert "no record found in" in capsys.readouterr().err


def test_bad_options_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["--lang", "it"], ["--as", "pdf"], []):
        with pytest.raises(SystemExit) as exc:
            main(["attribution", *args] if not args else ["attribution", str(LISTRECORDS), *args])
        assert exc.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_stdin_through_python_m() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "oer_meta", "attribution", "-", "--as", "markdown"],
        input=LOM,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode("utf-8").splitlines() == [
        "“[Fractions & more](https://example.org/r/1)” by Jane Doe is licensed under "
        "[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)."
    ]


def test_other_commands_still_work(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profiles"]) == 0
    assert "unesco" in capsys.readouterr().out
