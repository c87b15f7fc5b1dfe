"""The pre-commit hook: .pre-commit-hooks.yaml at the root, run by pre-commit itself
(``pre-commit try-repo``) against a temporary Git repository of metadata files.

Slow (pre-commit builds the hook's virtual environment from this checkout, ~20 s);
its pip reaches the package index for the dependencies, as a user's does.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .corpus_paths import ROOT

EXAMPLES = ROOT / "examples"
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def _hook() -> dict[str, object]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["oer-meta"]
    hook: dict[str, object] = hooks[0]
    return hook


def test_the_hook_runs_oer_meta_validate_on_metadata_files_only() -> None:
    hook = _hook()
    assert hook["entry"] == "oer-meta validate"
    assert hook["language"] == "python"
    files = re.compile(str(hook["files"]))
    for name in ("a.xml", "d/b.json", "c.jsonld", "r.jsonl", "page.html"):
        assert files.search(name), name
    for name in ("notes.txt", "x.py", "xml", "a.xml.bak", "a.yaml"):
        assert not files.search(name), name


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.mark.slow
def test_pre_commit_runs_the_hook_on_a_temporary_repository(tmp_path: Path) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("pre-commit try-repo needs the checkout to be a Git repository")
    repo = tmp_path / "course"
    repo.mkdir()
    _git(repo, "init", "-q")
    shutil.copy(EXAMPLES / "jsonld" / "exemplary-lrmi.jsonld", repo)
    (repo / "notes.txt").write_text("not metadata\n", encoding="utf-8")
    _git(repo, "add", ".")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    env["PRE_COMMIT_COLOR"] = "never"

    def try_repo() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*PRE_COMMIT, "try-repo", str(ROOT), "oer-meta", "--all-files", "--verbose"],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=900,
        )

    clean = try_repo()
    assert clean.returncode == 0, clean.stdout[-3000:] + clean.stderr[-2000:]
    assert re.search(r"^oer-meta \(OER metadata.*Passed$", clean.stdout, re.MULTILINE)
    assert "exemplary-lrmi.jsonld" in clean.stdout  # --verbose shows the hook's output
    assert "notes.txt" not in clean.stdout

    shutil.copy(EXAMPLES / "lom" / "faulty-lesson.lom.xml", repo)
    _git(repo, "add", ".")
    faulty = try_repo()
    assert faulty.returncode == 1, faulty.stdout[-3000:] + faulty.stderr[-2000:]
    assert re.search(r"^oer-meta \(OER metadata.*Failed$", faulty.stdout, re.MULTILINE)
    assert re.search(r"faulty-lesson\.lom\.xml:9:(\d+:)? STD002", faulty.stdout)
