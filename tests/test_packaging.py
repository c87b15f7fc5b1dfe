"""oer_meta as a user installs it: ``python -m build`` makes an sdist and a wheel; the
wheel, installed in a fresh virtual environment and run far from the checkout, has its
package data and runs every sub-command and every format.

Slow (a build and a virtual environment, ~30 s): ``-m "not slow"`` leaves it out while
working; CI runs it.  pip reaches the package index for the dependencies, as a user's
pip does.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

import oer_meta
from oer_meta.cli import _parser

from .corpus_paths import ROOT

pytestmark = pytest.mark.slow

EXAMPLES = ROOT / "examples"
#: Translation sources; only what gettext reads at run time must ship.
NOT_SHIPPED = {".py", ".pyc", ".po", ".pot"}


@dataclass(frozen=True)
class Installed:
    dist: Path
    bin: Path
    work: Path
    env: dict[str, str]

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.bin / "oer-meta"), *args],
            cwd=self.work,
            env=self.env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=300,
        )


def _clean_copy(target: Path) -> Path:
    """The checkout's files as a fresh clone has them (tracked or not ignored, with their
    current content): no egg-info, build folder or cache of earlier builds, whose
    SOURCES.txt would smuggle files the package declaration leaves out."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    if listed.returncode != 0:  # not a Git checkout: copy all but the build leftovers
        junk = shutil.ignore_patterns("*.egg-info", "build", "dist", "__pycache__", ".*")
        shutil.copytree(ROOT, target, ignore=junk)
        return target
    for name in filter(None, listed.stdout.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    base = tmp_path_factory.mktemp("packaging")
    dist = base / "dist"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    build = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(dist), str(_clean_copy(base / "src"))],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-2000:]
    venv.create(base / "venv", with_pip=True)
    bin_dir = base / "venv" / ("Scripts" if os.name == "nt" else "bin")
    wheels = list(dist.glob("*.whl"))
    assert len(wheels) == 1, wheels
    pip = subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheels[0])],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert pip.returncode == 0, pip.stderr[-2000:]
    work = base / "work"  # no checkout here: nothing can be imported from it
    work.mkdir()
    for name in ("lom/exemplary-lesson.lom.xml", "lom/faulty-lesson.lom.xml"):
        shutil.copy(EXAMPLES / name, work)
    return Installed(dist=dist, bin=bin_dir, work=work, env=env)


def test_build_makes_an_sdist_and_a_wheel_of_the_one_version(installed: Installed) -> None:
    version = oer_meta.__version__
    names = sorted(p.name for p in installed.dist.iterdir())
    assert names == [f"oer_meta-{version}-py3-none-any.whl", f"oer_meta-{version}.tar.gz"]


def test_the_wheel_holds_every_data_file_of_the_package(installed: Installed) -> None:
    source = ROOT / "src" / "oer_meta"
    tracked = subprocess.run(
        ["git", "ls-files", "."], cwd=source, capture_output=True, text=True, check=False
    )
    files = (
        [source / line for line in tracked.stdout.splitlines()]
        if tracked.returncode == 0 and tracked.stdout
        else [p for p in source.rglob("*") if p.is_file()]
    )
    wanted = {
        "oer_meta/" + p.relative_to(source).as_posix()
        for p in files
        if p.suffix not in NOT_SHIPPED and "__pycache__" not in p.parts
    }
    assert "oer_meta/data/profiles/unesco.toml" in wanted
    with zipfile.ZipFile(next(installed.dist.glob("*.whl"))) as wheel:
        shipped = set(wheel.namelist())
    assert not wanted - shipped, f"package data missing from the wheel: {wanted - shipped}"


def test_the_installed_package_is_the_wheel_not_the_checkout(installed: Installed) -> None:
    where = subprocess.run(
        [str(installed.bin / "python"), "-c", "import oer_meta; print(oer_meta.__file__)"],
        cwd=installed.work,
        env=installed.env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(installed.bin.parent), where
    assert not Path(where).is_relative_to(ROOT)
    version = installed.run("--version")
    assert version.stdout.strip() == f"oer-meta {oer_meta.__version__}"


def test_validate_rule_profiles_and_french(installed: Installed) -> None:
    good = installed.run("validate", "exemplary-lesson.lom.xml")
    assert good.returncode == 0, good.stderr
    bad = installed.run("validate", "faulty-lesson.lom.xml")
    assert bad.returncode == 1 and "STD002" in bad.stdout, bad.stderr
    rule = installed.run("rule", "LIC001")
    assert rule.returncode == 0 and rule.stdout.startswith("LIC001 licence-missing\n")
    profiles = installed.run("profiles")
    assert profiles.returncode == 0 and "unesco" in profiles.stdout
    french = installed.run(
        "validate", "faulty-lesson.lom.xml", "--lang", "fr", "--format", "markdown"
    )
    assert french.returncode == 1, french.stderr
    assert oer_meta.ActionArea(3).title_fr in french.stdout


def _formats() -> list[str]:
    """The formats the checkout's CLI offers, so a new one is tested here at once."""
    sub = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    validate = sub.choices["validate"]
    output = next(a for a in validate._actions if a.dest == "output")
    return list(output.choices or ())


@pytest.mark.parametrize("fmt", _formats())
def test_every_format_from_the_installed_wheel(installed: Installed, fmt: str) -> None:
    result = installed.run(
        "validate", "exemplary-lesson.lom.xml", "faulty-lesson.lom.xml", "--format", fmt
    )
    assert result.returncode == 1, result.stderr
    out = result.stdout
    assert "Traceback" not in result.stderr and out.strip()
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(out)
    elif fmt == "jsonl":
        assert all(json.loads(line) for line in out.splitlines())
    elif fmt == "junit":
        assert etree.fromstring(out.encode()).tag in ("testsuites", "testsuite")
    elif fmt == "html":
        assert "<html" in out.lower()
    assert "faulty-lesson.lom.xml" in out or fmt == "markdown"
