"""The project's own examples: exemplary records pass, faulty ones show their faults,
and the README's Python example runs as written."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import oer_meta

from .corpus_paths import EXAMPLES, ROOT

EXEMPLARY = sorted(EXAMPLES.rglob("exemplary-*"))
FAULTY = sorted(EXAMPLES.rglob("faulty-*"))


def test_every_format_has_an_exemplary_and_a_faulty_record() -> None:
    for folder in ("lom", "dc", "jsonld"):
        assert any(p.parent.name == folder for p in EXEMPLARY), folder
        assert any(p.parent.name == folder for p in FAULTY), folder


@pytest.mark.parametrize("path", EXEMPLARY, ids=lambda p: p.name)
def test_exemplary_records_pass_the_unesco_profile(path: Path) -> None:
    report = oer_meta.validate(path, profile="unesco")
    assert report.ok, [f"{f.rule} {f.message}" for f in report.findings]
    assert all(r.status == "checked" for r in report.results)
    assert not [f for f in report.findings if f.severity.value != "info"]


@pytest.mark.parametrize("path", FAULTY, ids=lambda p: p.name)
def test_faulty_records_show_typical_faults(path: Path) -> None:
    report = oer_meta.validate(path)
    severe = {f.rule for f in report.findings if f.severity.value in ("error", "warning")}
    assert len(severe) >= 3, severe
    assert "STD004" in severe  # every faulty example carries a non-ISO date or duration


def test_readme_python_example_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (code,) = re.findall(r"```python\n(.*?)```", readme, re.S)
    monkeypatch.chdir(ROOT)
    exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "DISC002" in out and "areas:" in out


def test_readme_starts_with_the_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", readme, re.S)
    assert block is not None
    lines = [line for line in block.group(1).splitlines() if line.strip()]
    assert len(lines) == 2
    assert lines[0].endswith("oer-meta validate examples/")
    test_command = lines[1].rsplit("&& ", 1)[1]
    assert test_command.startswith("python -m pytest")
    assert os.access(ROOT / ".ci" / "run", os.X_OK)
    # CI runs the README's very test command, not a variant of it.
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci_lines
