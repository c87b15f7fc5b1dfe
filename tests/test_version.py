"""One version number: oer_meta._version, which the build, the CLI and the changelog
repeat, never restate."""

from __future__ import annotations

import re
import sys
from importlib.metadata import version

import pytest

import oer_meta
from oer_meta.cli import main

from .corpus_paths import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_pyproject_takes_its_version_from_the_package() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    dynamic = project["tool"]["setuptools"]["dynamic"]["version"]
    assert dynamic == {"attr": "oer_meta._version.__version__"}


def test_installed_metadata_and_cli_give_the_package_version(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert version("oer-meta") == oer_meta.__version__
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"oer-meta {oer_meta.__version__}"


def test_changelog_has_unreleased_and_the_current_version_first() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[([^\]]+)\]", text, re.MULTILINE)
    assert headings[:2] == ["Unreleased", oer_meta.__version__], headings
