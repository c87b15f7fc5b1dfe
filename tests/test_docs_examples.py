"""The code of docs/library.md and docs/ci.md runs: the pages cannot rot.

The ``python`` blocks of a page run in order in one namespace from the root of the
checkout, as a reader would type them; the YAML blocks of docs/ci.md must parse and
name only oer-meta options that exist.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from oer_meta.cli import main

from .corpus_paths import ROOT

BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def _blocks(page: str, language: str) -> list[str]:
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    return [code for lang, code in BLOCK.findall(text) if lang == language]


def test_library_page_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    blocks = _blocks("library.md", "python")
    assert len(blocks) >= 8
    namespace: dict[str, object] = {"__name__": "docs_library"}
    for number, code in enumerate(blocks, 1):
        try:
            exec(compile(code, f"docs/library.md block {number}", "exec"), namespace)
        except Exception as exc:
            raise AssertionError(f"docs/library.md block {number} fails: {exc!r}") from exc


def _ci_workflows() -> dict[str, dict[str, object]]:
    parsed = [yaml.safe_load(block) for block in _blocks("ci.md", "yaml")]
    assert all(isinstance(doc, dict) for doc in parsed)
    by_kind: dict[str, dict[str, object]] = {}
    for doc in parsed:
        kind = "github" if "jobs" in doc else "pre-commit" if "repos" in doc else "gitlab"
        by_kind[kind] = doc
    assert set(by_kind) == {"github", "gitlab", "pre-commit"}
    return by_kind


def _commands(doc: object) -> list[str]:
    """Every oer-meta command line of a workflow, without the shell around it."""
    found: list[str] = []
    if isinstance(doc, dict):
        for value in doc.values():
            found += _commands(value)
    elif isinstance(doc, list):
        for value in doc:
            found += _commands(value)
    elif isinstance(doc, str) and doc.startswith("oer-meta "):
        found.append(re.split(r"\s(?:\|\||>>|#)\s", doc)[0])
    return found


def test_ci_page_workflows_run_against_the_examples(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workflows = _ci_workflows()
    github, gitlab = workflows["github"], workflows["gitlab"]
    commands = _commands(github) + _commands(gitlab)
    assert len(commands) == 6
    monkeypatch.chdir(tmp_path)
    for command in commands:
        args = [str(ROOT / "examples") if a == "metadata/" else a for a in shlex.split(command)]
        assert main(args[1:]) in (0, 1), command
    for name in ("oer-meta.sarif", "gl-code-quality.json", "oer-meta-junit.xml"):
        assert (tmp_path / name).stat().st_size > 100, name
    steps = github["jobs"]["oer-meta"]["steps"]  # type: ignore[index]
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action"))
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == "oer-meta.sarif"
    reports = gitlab["oer-meta"]["artifacts"]["reports"]  # type: ignore[index]
    assert reports == {"codequality": "gl-code-quality.json", "junit": "oer-meta-junit.xml"}


def test_ci_page_pre_commit_config_names_the_shipped_hook() -> None:
    config = _ci_workflows()["pre-commit"]
    hook = config["repos"][0]["hooks"][0]  # type: ignore[index]
    shipped = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == shipped[0]["id"] == "oer-meta"
    assert re.compile(hook["files"]).search("metadata/lessons/a.xml")
    assert not re.compile(hook["files"]).search("package.json")
    assert main(["validate", str(ROOT / "examples" / "lom"), *hook["args"]]) == 1
