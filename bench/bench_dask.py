"""Benchmark: one process against a local Dask cluster (issue 11 §3), on workloads
built from the corpus.

Run:  python bench/bench_dask.py [--scale N] [--quick] [--workers N]

Needs the dask extra (``pip install -e '.[dask]'``).  The workloads are those of
``bench_parallel.py`` (built in a temporary folder from ``../shared/corpus``, read in
place): a folder of LOM/DC files, one OAI-PMH ListRecords file, one AMB JSON Lines file
(the last two cut into slices as with ``--jobs``).  Rows, per workload:

- ``one process``: ``ValidationRun().results`` (+ ``to_dict()`` and the batch findings)
  in a fresh child process;
- ``dask N workers``: :class:`oer_meta.dask.DaskRun` on a ``LocalCluster`` of N worker
  processes (one thread each) started once for all rows: what ``oer-meta validate
  --dask-scheduler`` does, from the tasks to the last batch finding;
- ``validate_bag``: :func:`oer_meta.dask.validate_bag` over a Bag of the folder's files
  (the API form), computed to the list of result dicts.

Each row prints records/s, the ratio to the one-process row and the time one million
records would take at that rate.  The cluster's start is timed apart (it is paid once
per run of the CLI with ``local``, never per record).  On a shared machine compare rows
of one run, not runs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_hot_path import DEFAULT_CORPUS, build_jsonl, build_listrecords, build_lom_dc

HERE = Path(__file__).resolve().parent
LOM_COPIES = 10
LISTRECORDS = 8_000
JSONL_LINES = 6_000


def child(target: str) -> dict[str, Any]:
    """The one-process row, in this (fresh) process."""
    from oer_meta.engine import ValidationRun

    start = time.perf_counter()
    run = ValidationRun()
    records = 0
    for result in run.results([target]):
        result.to_dict()
        records += 1
    batch = len(run.batch_findings())
    return {"records": records, "batch": batch, "seconds": time.perf_counter() - start}


def one_process(target: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", str(target)],
        capture_output=True,
        text=True,
        check=False,
        cwd=HERE,
    )
    if done.returncode != 0:
        return {"skip": done.stderr.strip()[-300:]}
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def on_cluster(client: Any, target: Path) -> dict[str, Any]:
    """The CLI's way: DaskRun over the workload."""
    from oer_meta.dask import DaskRun

    start = time.perf_counter()
    run = DaskRun(client=client)
    records = 0
    for result in run.results([str(target)]):
        result.to_dict()
        records += 1
    batch = len(list(run.iter_batch_findings()))
    return {"records": records, "batch": batch, "seconds": time.perf_counter() - start}


def bag_of_files(client: Any, folder: Path, partitions: int) -> dict[str, Any]:
    """The API's way: validate_bag over a Bag of the folder's files."""
    import dask.bag as db

    from oer_meta.dask import validate_bag

    files = sorted(str(p) for p in folder.iterdir() if p.is_file())
    start = time.perf_counter()
    bag = db.from_sequence(files, npartitions=min(len(files), partitions))
    results = client.compute(validate_bag(bag)).result()
    batch = sum(1 for r in results for f in r["findings"] if f["rule"] in ("DISC014", "LIC009"))
    return {"records": len(results), "batch": batch, "seconds": time.perf_counter() - start}


def warm_up(client: Any, folder: Path) -> float:
    """Seconds for each worker to load what the readers and rules load on first use
    (vocabularies, the language registry, licences): a few built-in records checked on
    every worker, as the first partitions of a real run would pay it."""
    from oer_meta.dask import DaskRun
    from oer_meta.parallel import WARM_UP

    folder.mkdir()
    paths = []
    for n in range(4 * len(client.nthreads())):
        for k, document in enumerate(WARM_UP):
            path = folder / f"w{n}-{k}.{'json' if document.startswith(b'{') else 'xml'}"
            path.write_bytes(document)
            paths.append(str(path))
    start = time.perf_counter()
    run = DaskRun(client=client)
    for _ in run.results(paths):
        pass
    list(run.iter_batch_findings())
    return time.perf_counter() - start


def per_million(rate: float) -> str:
    """The time one million records take at ``rate`` records/s, as h:mm:ss."""
    seconds = round(1_000_000 / rate) if rate else 0
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def print_rows(rows: list[tuple[str, str, dict[str, Any]]]) -> None:
    print(
        f"{'workload':22} {'run':20} {'records':>8} {'batch':>6} {'seconds':>8} "
        f"{'rec/s':>7} {'x one':>6} {'per million':>12}"
    )
    ones: dict[str, float] = {}
    for name, how, res in rows:
        if "skip" in res:
            print(f"{name:22} {how:20} skipped: {res['skip']}")
            continue
        rate = res["records"] / res["seconds"]
        if how == "one process":
            ones[name] = rate
        ratio = rate / ones[name] if name in ones else 0.0
        print(
            f"{name:22} {how:20} {res['records']:>8} {res['batch']:>6} {res['seconds']:8.2f} "
            f"{rate:7.0f} {ratio:6.2f} {per_million(rate):>12}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--quick", action="store_true", help="about 4x smaller workloads")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--child", metavar="TARGET", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child)))
        return
    if not args.corpus.is_dir():
        sys.exit(f"corpus not found: {args.corpus}")
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        sys.exit("the dask extra is not installed: pip install -e '.[dask]'")
    scale = args.scale / (4 if args.quick else 1)
    print(f"cores: {os.cpu_count()}; load average before: {os.getloadavg()}")
    with tempfile.TemporaryDirectory(prefix="oer-bench-dask-") as tmp:
        base = Path(tmp)
        lom = build_lom_dc(args.corpus, base / "lom-dc", max(1, round(LOM_COPIES * scale)))
        oai = build_listrecords(
            args.corpus, base / "listrecords.xml", max(2, round(LISTRECORDS * scale))
        )
        jsonl = build_jsonl(args.corpus, base / "amb.jsonl", max(2, round(JSONL_LINES * scale)))
        workloads = [
            ("LOM+DC files", lom["path"]),
            ("OAI-PMH ListRecords", oai["path"]),
            ("AMB JSON Lines", jsonl["path"]),
        ]
        rows = [(name, "one process", one_process(path)) for name, path in workloads]
        start = time.perf_counter()
        with (
            LocalCluster(
                n_workers=args.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
            ) as cluster,
            Client(cluster) as client,
        ):
            started = time.perf_counter() - start
            warmed = warm_up(client, base / "warm-up")
            label = f"dask {args.workers} workers"
            rows += [(name, label, on_cluster(client, path)) for name, path in workloads]
            rows.append(
                (
                    "LOM+DC files",
                    "validate_bag",
                    bag_of_files(client, lom["path"], 8 * args.workers),
                )
            )
        rows.sort(key=lambda row: [w[0] for w in workloads].index(row[0]))
        print_rows(rows)
    print(
        f"cluster start: {started:.1f} s, workers' warm-up: {warmed:.1f} s "
        "(once per run, not per record; not in the rows)"
    )
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
