"""The CLI's inputs, robust: a file reached more than once (named twice, named and
inside a named folder, through a link) is checked once, so the batch holds each record
once; an unknown flag is named with its sub-command's usage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import oer_meta
from oer_meta.cli import main

_DC = """<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:title>{title}</dc:title><dc:identifier>https://doi.org/10.5555/{n}</dc:identifier>
</oai_dc:dc>"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    base = tmp_path / "records"
    base.mkdir()
    for n, title in enumerate(("Soil", "Rain")):
        (base / f"{title}.xml").write_text(_DC.format(title=title, n=n), encoding="utf-8")
    return base


def test_the_library_reads_each_file_once(folder: Path) -> None:
    soil = folder / "Soil.xml"
    link = folder.parent / "soil-link.xml"
    link.symlink_to(soil)
    sources = [soil, folder, str(soil), folder / "." / "Soil.xml", link]
    results = list(oer_meta.validate_many(sources))
    assert sorted(Path(str(r.source)).name for r in results) == ["Rain.xml", "Soil.xml"]


def test_the_cli_counts_each_file_once(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    soil = str(folder / "Soil.xml")
    assert main(["validate", soil, str(folder), soil, "--format", "json"]) in (0, 1)
    report = json.loads(capsys.readouterr().out)
    assert report["summary"]["records"] == 2
    # no false twin for the batch rule on identifiers shared across records
    assert not [f for f in report["batch_findings"] if f["rule"] == "DISC014"]


def test_distinct_files_with_the_same_content_are_both_checked(folder: Path) -> None:
    copy = folder / "Soil-copy.xml"
    copy.write_bytes((folder / "Soil.xml").read_bytes())
    assert len(list(oer_meta.validate_many([folder]))) == 3


@pytest.mark.parametrize(
    ("argv", "usage"),
    [
        (["validate", "examples/", "--bogus"], "usage: oer-meta validate"),
        (["rules", "--nope"], "usage: oer-meta rules"),
    ],
)
def test_an_unknown_flag_shows_the_usage_of_its_sub_command(
    argv: list[str], usage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(usage)
    assert f"error: unrecognized arguments: {argv[-1]}" in err
