"""Validation on a Dask cluster (issue 11 §3): the one-process results, in order.

One LocalCluster of two worker processes serves the module.  The inputs whose batch
findings (DISC014, LIC009) join records of different partitions are written here; the
corpora are read in place.  The conftest guard sees only this process's internal
errors, so each run also asserts that its results carry none.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import pytest

from oer_meta import parallel
from oer_meta.cli import main
from oer_meta.engine import ValidationRun, validate
from tests.corpus_paths import CORPUS, CORPUS2, corpus2_files, corpus_files, needs_corpus

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

needs_dask = pytest.mark.skipif(
    find_spec("dask") is None or find_spec("distributed") is None,
    reason="the dask extra is not installed (pip install -e '.[dask]')",
)

FORMATS = ("json", "jsonl", "text", "sarif", "junit", "github", "gitlab", "markdown", "html")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A LocalCluster of two worker processes, one thread each, and its client."""
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as connected,
    ):
        yield connected


def _record(n: int, *, title: str | None = None, ident: str | None = None) -> dict[str, Any]:
    """A JSON-LD record of lesson ``n``."""
    return {
        "@context": "https://schema.org/",
        "@type": "LearningResource",
        "@id": f"https://example.org/lesson/{n}",
        "identifier": ident or f"https://example.org/lesson/{n}",
        "name": title or f"Lesson {n}",
        "inLanguage": "en",
        "license": "https://creativecommons.org/licenses/by/4.0/",
    }


def _batch_files(folder: Path) -> list[str]:
    """Eight JSON-LD files: the first and the last give one DOI under two titles
    (DISC014), the sixth adapts the third, whose licence forbids it (LIC009)."""
    folder.mkdir()
    paths: list[str] = []
    for n in range(8):
        record = _record(n)
        if n in (0, 7):
            record["identifier"] = "https://doi.org/10.5555/twice"
            record["name"] = "Soil" if n == 0 else "Rain"
        if n == 2:
            record["license"] = "https://creativecommons.org/licenses/by-nd/4.0/"
        if n == 5:
            record["isBasedOn"] = "https://example.org/lesson/2"
        path = folder / f"lesson-{n}.json"
        path.write_text(json.dumps(record), encoding="utf-8")
        paths.append(str(path))
    return paths


_PAGE_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>\n'
)


def _page(numbers: range, token: str | None) -> bytes:
    """An OAI-PMH ListRecords page of oai_dc records; record 4 is deleted, records 1
    and 10 share a DOI under two titles."""
    parts = [_PAGE_HEAD]
    for n in numbers:
        if n == 4:
            parts.append(
                '<record><header status="deleted"><identifier>oai:example.org:4</identifier>'
                "<datestamp>2024-05-01</datestamp></header></record>\n"
            )
            continue
        ident = "https://doi.org/10.5555/paged" if n in (1, 10) else f"https://example.org/p/{n}"
        title = {1: "Rivers", 10: "Mountains"}.get(n, f"Page lesson {n}")
        parts.append(
            f"<record><header><identifier>oai:example.org:{n}</identifier>"
            "<datestamp>2024-05-01</datestamp></header><metadata>"
            '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{title}</dc:title><dc:language>de</dc:language>"
            f"<dc:identifier>{ident}</dc:identifier>"
            "<dc:rights>https://creativecommons.org/licenses/by-sa/4.0/</dc:rights>"
            "</oai_dc:dc></metadata></record>\n"
        )
    if token is not None:
        parts.append(f"<resumptionToken>{token}</resumptionToken>\n")
    parts.append("</ListRecords></OAI-PMH>\n")
    return "".join(parts).encode()


def _bag_results(client: Any, items: list[Any], partitions: int) -> list[dict[str, Any]]:
    """``validate_bag`` over ``items`` cut into ``partitions``, computed on the cluster."""
    import dask.bag as db

    from oer_meta.dask import validate_bag

    bag = db.from_sequence(items, npartitions=partitions)
    results: list[dict[str, Any]] = client.compute(validate_bag(bag)).result()
    assert all(not r["internal_errors"] for r in results)
    return results


def _one_process(items: list[Any]) -> list[dict[str, Any]]:
    """The results of one process, batch findings added: what ``validate`` reports."""
    return [r.to_dict() for r in validate(items).results]


def _rules(results: list[dict[str, Any]], code: str) -> list[tuple[str | None, int]]:
    return [(r["source"], r["index"]) for r in results for f in r["findings"] if f["rule"] == code]


@needs_dask
def test_a_bag_of_the_examples_gives_the_one_process_results(client: Any) -> None:
    paths = sorted(str(p) for p in EXAMPLES.rglob("*") if p.is_file())
    results = _bag_results(client, paths, 3)
    assert len(results) > len(paths)  # a ListRecords file and a JSON Lines file hold several
    assert results == _one_process(paths)


@needs_dask
@needs_corpus
def test_a_bag_of_the_corpora_gives_the_one_process_results(client: Any) -> None:
    paths = [str(p) for p in corpus_files() + corpus2_files()]
    results = _bag_results(client, paths, 6)
    assert results == _one_process(paths)
    assert _rules(results, "DISC014")  # the corpora hold records sharing an identifier


@needs_dask
def test_batch_findings_join_records_of_different_partitions(client: Any, tmp_path: Path) -> None:
    paths = _batch_files(tmp_path / "batch")
    results = _bag_results(client, paths, 4)  # two files per partition
    assert results == _one_process(paths)
    assert _rules(results, "DISC014") == [(paths[0], 0), (paths[7], 0)]
    assert _rules(results, "LIC009") == [(paths[5], 0)]


@needs_dask
def test_a_bag_of_harvested_pages_and_raw_records(client: Any) -> None:
    pages = [_page(range(0, 6), "t1"), _page(range(6, 12), None)]
    raw = [json.dumps(_record(20)), json.dumps(_record(21)).encode()]
    items: list[Any] = [*pages, *raw]
    results = _bag_results(client, items, 3)
    assert results == _one_process(items)
    assert [r["status"] for r in results].count("deleted") == 1
    assert len(results) == 14
    assert len(_rules(results, "DISC014")) == 2  # records 1 and 10, on two pages


@needs_dask
def test_what_cannot_be_parsed_is_a_result_not_an_error(client: Any) -> None:
    items: list[Any] = [b"<lom><general><title>", "{not json", json.dumps(_record(30))]
    results = _bag_results(client, items, 3)
    assert results == _one_process(items)
    assert [r["status"] for r in results] == ["unreadable", "unreadable", "checked"]
    assert all(r["findings"] for r in results[:2])  # each says why it cannot be read


@needs_dask
def test_the_bag_keeps_its_order(client: Any) -> None:
    paths = sorted(str(p) for p in (EXAMPLES / "lom").glob("*.xml"))
    results = _bag_results(client, list(reversed(paths)), len(paths))
    assert list(dict.fromkeys(r["source"] for r in results)) == list(reversed(paths))


@needs_dask
def test_each_partition_is_checked_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The results and the batch reduction share the checked partitions (one graph,
    the same keys): each item is read and checked once, not once per use."""
    import dask
    import dask.bag as db

    from oer_meta import dask as on_dask

    checked: list[object] = []
    real = on_dask.check_task_with

    def counting(run: ValidationRun, task: Any) -> Any:
        checked.append(task)
        return real(run, task)

    monkeypatch.setattr(on_dask, "check_task_with", counting)
    paths = _one_each = sorted(str(p) for p in EXAMPLES.rglob("*") if p.is_file())
    with dask.config.set(scheduler="sync"):
        results = on_dask.validate_bag(db.from_sequence(paths, npartitions=4)).compute()
    assert sorted(map(str, checked)) == _one_each
    assert results == _one_process(paths)


def _cli(args: list[str], out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[bytes, int]:
    code = main(["validate", *args, "--no-progress", "--output-file", str(out)])
    capsys.readouterr()
    return out.read_bytes(), code


def _same_report(
    client: Any,
    paths: list[str],
    formats: tuple[str, ...],
    tmp: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The CLI's report with ``--dask-scheduler`` is the one-process report, byte for
    byte, and has the same exit code."""
    address = client.scheduler.address
    for fmt in formats:
        one = _cli([*paths, "--format", fmt], tmp / f"one.{fmt}", capsys)
        dask = _cli(
            [*paths, "--format", fmt, "--dask-scheduler", address], tmp / f"dask.{fmt}", capsys
        )
        assert dask == one, fmt
        assert one[0]
    if "jsonl" in formats:
        summary = json.loads((tmp / "dask.jsonl").read_bytes().splitlines()[-1])
        assert summary["type"] == "summary" and summary["summary"]["internal_errors"] == 0


@needs_dask
def test_the_cli_on_a_cluster_writes_the_one_process_report(
    client: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = _batch_files(tmp_path / "batch")
    _same_report(client, [str(EXAMPLES), *batch], FORMATS, tmp_path, capsys)
    lines = (tmp_path / "dask.jsonl").read_text(encoding="utf-8").splitlines()
    found = [json.loads(x) for x in lines if '"batch-finding"' in x]
    assert {f["rule"] for f in found} == {"DISC014", "LIC009"}


@needs_dask
@needs_corpus
def test_the_cli_on_a_cluster_over_the_corpora(
    client: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [str(CORPUS)] + ([str(CORPUS2)] if CORPUS2.is_dir() else [])
    _same_report(client, paths, ("jsonl",), tmp_path, capsys)  # every format: examples


@needs_dask
def test_slices_of_one_large_file_go_to_several_partitions(
    client: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A JSON Lines file cut into slices (numbered on from slice to slice) whose shared
    DOI joins the first and the last slice."""
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 2048)
    monkeypatch.setattr(parallel, "SPLIT_BYTES", 4096)
    lines = [_record(n) for n in range(80)]
    lines[2]["identifier"] = lines[77]["identifier"] = "https://doi.org/10.5555/sliced"
    lines[77]["name"] = "Another title"
    texts = [json.dumps(x) for x in lines]
    texts[30] = "{broken"
    path = tmp_path / "harvest.jsonl"
    path.write_text("\n".join(texts) + "\n", encoding="utf-8")
    assert len(list(parallel.tasks([str(path)], input_format=None, limits=None))) > 3
    _same_report(client, [str(path)], ("jsonl", "json"), tmp_path, capsys)
    found = [
        json.loads(x)
        for x in (tmp_path / "dask.jsonl").read_text(encoding="utf-8").splitlines()
        if '"batch-finding"' in x
    ]
    assert [(f["rule"], f["index"]) for f in found] == [("DISC014", 2), ("DISC014", 77)]


@needs_dask
def test_the_dask_run_streams_lean_results_then_the_batch(client: Any, tmp_path: Path) -> None:
    from oer_meta.dask import DaskRun

    paths = _batch_files(tmp_path / "batch")
    one = ValidationRun()
    expected = [r.to_dict() for r in one.results(paths)]
    batch = [b.to_dict() for b in one.iter_batch_findings()]
    assert len(batch) == 3
    for size, ahead in ((3, None), (1, 1)):  # one partition in flight: read as they come
        run = DaskRun(client=client, tasks_per_partition=size, in_flight=ahead)
        assert [r.to_dict() for r in run.results(paths)] == expected
        assert [b.to_dict() for b in run.iter_batch_findings()] == batch


def test_without_the_extra_the_flag_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Exit 2 and what to install, when dask cannot be imported (simulated here, so
    that the test runs where the extra is installed too)."""
    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    monkeypatch.delitem(sys.modules, "oer_meta.dask", raising=False)
    code = main(["validate", str(EXAMPLES), "--dask-scheduler", "tcp://127.0.0.1:9"])
    err = capsys.readouterr().err
    assert code == 2
    assert "pip install 'oer-meta[dask]'" in err


@needs_dask
def test_a_scheduler_that_does_not_answer_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from oer_meta import dask as on_dask

    monkeypatch.setattr(on_dask, "CONNECT_TIMEOUT", "1s")
    code = main(["validate", str(EXAMPLES), "--dask-scheduler", "tcp://127.0.0.1:9"])
    err = capsys.readouterr().err
    assert code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in err


@needs_dask
def test_a_local_cluster_started_by_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from oer_meta import dask as on_dask

    monkeypatch.setattr(on_dask, "LOCAL_WORKERS", 1)  # one process starts sooner
    path = str(EXAMPLES / "dc")
    one = _cli([path, "--format", "jsonl"], tmp_path / "one.jsonl", capsys)
    local = _cli(
        [path, "--format", "jsonl", "--dask-scheduler", "local"], tmp_path / "l.jsonl", capsys
    )
    assert local == one
