"""Rule plugins: declared with the public ``oer_meta.rule`` decorator and found through
the ``oer_meta.rules`` entry point; one that fails to import is reported and left out."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

GOOD_PACK = '''
"""A plugin pack written as a third party would."""
import oer_meta


@oer_meta.rule("ORG001", "title-has-no-prefix", severity="warning",
               areas=["inclusion"], paragraphs=["13"], formats=["dc"])
def title_has_prefix(record):
    """The title does not start with the organisation's prefix.

    ## Why it matters
    The organisation files its lessons by prefix.

    ## Example
    ``Fractions`` instead of ``ORG: Fractions``.

    ## Fix
    Start the title with ``ORG:``.
    """
    if not (record.title or "").startswith("ORG:"):
        yield oer_meta.Violation("the title lacks the ORG: prefix", field="title")
'''

RECORD = (
    '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Fractions</dc:title></oai_dc:dc>'
)


def _install(site: Path) -> None:
    """A fake distribution with two rule plugins, one of which cannot be imported."""
    (site / "good_pack.py").write_text(GOOD_PACK, encoding="utf-8")
    (site / "broken_pack.py").write_text("import no_such_module_anywhere\n", encoding="utf-8")
    info = site / "orgrules-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: orgrules\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(
        "[oer_meta.rules]\nbroken = broken_pack\ngood = good_pack\n", encoding="utf-8"
    )


def test_plugins_declare_rules_and_a_broken_one_is_reported(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    _install(site)
    record = tmp_path / "r.xml"
    record.write_text(RECORD, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "oer_meta",
            "validate",
            str(record),
            "--format",
            "json",
            "--select",
            "ORG",
        ],
        capture_output=True,
        check=False,
        env=env,
    )
    err = done.stderr.decode()
    assert "rule plugin 'broken'" in err and "ModuleNotFoundError" in err
    assert "Traceback" not in err
    findings = json.loads(done.stdout)["results"][0]["findings"]
    assert [(f["rule"], f["severity"], f["areas"]) for f in findings] == [
        ("ORG001", "warning", [3])
    ]
    assert done.returncode == 0  # a warning does not reach fail-on error

    doc = subprocess.run(
        [sys.executable, "-m", "oer_meta", "rule", "ORG001"],
        capture_output=True,
        check=False,
        env=env,
    )
    assert doc.returncode == 0 and b"Start the title with" in doc.stdout
