"""Batch findings are written as the batch rules give them, in every format, and the
report stays whole however many calls bring them."""

from __future__ import annotations

import io
import json
import tracemalloc
from array import array
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oer_meta import read
from oer_meta.checks.batch import BatchIndex, IndexEntry, RecordRef, repeated
from oer_meta.cli import main
from oer_meta.engine import ValidationRun
from oer_meta.report.formatters import RunInfo, make_formatter
from oer_meta.report.results import BatchFinding, Tally
from oer_meta.severity import Severity

_RECORD = """<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:title>{title}</dc:title>
  <dc:identifier>https://doi.org/10.5555/shared-{n}</dc:identifier>
  <dc:language>en</dc:language>
</oai_dc:dc>"""


def _batch(tmp_path: Path, groups: int) -> Path:
    """Pairs of records giving one identifier with two different titles: DISC014."""
    folder = tmp_path / "records"
    folder.mkdir()
    for n in range(groups):
        for title in ("Soil", "Rain"):
            (folder / f"{n}-{title}.xml").write_text(_RECORD.format(title=title, n=n))
    return folder


def _findings(folder: Path) -> list[BatchFinding]:
    run = ValidationRun(select=["DISC014"])
    for _ in run.results([folder]):
        pass
    return run.batch_findings()


@pytest.mark.parametrize("calls", [0, 1, 3])
def test_the_json_report_is_whole_whatever_the_number_of_batch_calls(
    tmp_path: Path, calls: int
) -> None:
    found = _findings(_batch(tmp_path, 3)) if calls else []
    out = io.StringIO()
    formatter = make_formatter("json", out)
    formatter.start(RunInfo(profile="unesco", fail_on=Severity.ERROR))
    for part in range(calls):
        formatter.batch(found[part::calls])
    formatter.finish(Tally())
    report = json.loads(out.getvalue())
    assert report["results"] == []
    assert len(report["batch_findings"]) == len(found) == (6 if calls else 0)


def test_the_cli_writes_each_batch_finding_once_in_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _batch(tmp_path, 4)
    expected = len(_findings(folder))
    assert expected == 8
    main(["validate", str(folder), "--format", "json", "--select", "DISC014"])
    assert len(json.loads(capsys.readouterr().out)["batch_findings"]) == expected
    main(["validate", str(folder), "--format", "jsonl", "--select", "DISC014"])
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert sum(1 for x in lines if x["type"] == "batch-finding") == expected
    assert lines[-1]["summary"]["warnings"] == expected
    main(["validate", str(folder), "--select", "DISC014"])
    text = capsys.readouterr().out
    assert text.count("across the batch") == 1
    assert text.count("DISC014") == expected


# -- the batch index keeps links only where LIC009 can use them ----------------------

_CITING = """<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
    xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:title>Notes {n}</dc:title>
  <dc:identifier>https://example.org/notes/{n}</dc:identifier>
  <dc:source>ISSN: 1234-{n:04d}</dc:source>
  <dc:source>https://example.org/sources/{n}</dc:source>{rights}
</oai_dc:dc>"""


def _entry(n: int, rights: str = "") -> IndexEntry:
    return IndexEntry.of(read(_CITING.format(n=n, rights=rights).encode()))


def test_links_of_a_record_with_no_licence_are_not_kept() -> None:
    # A harvest where every record cites sources and none states a licence (HAL's
    # dc:source) would otherwise keep every link, about 4 KB a record.
    assert _entry(1).links == ()
    licensed = _entry(2, "\n  <dc:rights>https://creativecommons.org/licenses/by/4.0/</dc:rights>")
    assert [target for _, target, _ in licensed.links] == [
        "ISSN: 1234-0002",
        "https://example.org/sources/2",
    ]
    index = BatchIndex()
    for n in range(2000):
        index.add_entry(_entry(1), RecordRef("harvest.xml", n))
    assert index.links == [] and len(index) == 2000


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.integers(min_value=-(2**63), max_value=2**63 - 1),
            st.sampled_from([0, -1, 1, 2**63 - 1, -(2**63), 64, -64, 2**40]),
        ),
        max_size=200,
    )
)
def test_repeated_digests_are_exactly_those_given_twice(digests: list[int]) -> None:
    """The two-pass search (a bitmap, then an exact count of the slots hit twice)
    finds exactly what counting every digest finds, negative digests included."""
    expected = {digest for digest, times in Counter(digests).items() if times > 1}
    assert repeated(array("q", digests)) == expected


def test_finding_repeated_digests_holds_a_few_bytes_a_digest() -> None:
    """A set of every digest took about 70 bytes each at the end of a batch (100 MB at
    a million records); the search now holds a bitmap and the few slots hit twice."""
    digests = array("q", (hash((number, "oer")) for number in range(200_000)))
    digests.extend(digests[:50])  # 50 records harvested twice
    tracemalloc.start()
    try:
        shared = repeated(digests)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert shared == set(digests[:50])
    assert peak / len(digests) < 16, f"{peak / len(digests):.1f} bytes a digest"
