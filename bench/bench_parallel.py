"""Benchmark: one job against two (issue 11 §1), on workloads built from the corpus.

Run:  python bench/bench_parallel.py [--scale N] [--quick] [--flat]

The workloads are those of ``bench_hot_path.py`` (built in a temporary folder from the
records of ``../shared/corpus``, read in place): a folder of LOM/DC files, one OAI-PMH
ListRecords file (cut between records when run with jobs), one AMB JSON Lines file (cut
at line ends).  Each row runs ``ValidationRun(jobs=N).results`` (+ ``to_dict()`` and
the batch findings) in a fresh child process and reports its wall time, records/s, the
ratio to the one-job row of the same workload, the CPU seconds of the parent and of its
workers, and the peak memory (max RSS) of the parent and of the largest worker
(``RUSAGE_CHILDREN``).  "cpu x" is the ratio the run would reach if its processes had
a core each to themselves: one job's CPU time over the two-job run's busiest share
(the larger of the parent's CPU time and half the CPU time of the parent and the
workers together: on two cores the parent shares them with the workers).  "cpu/1" is
the CPU time (user + sys) of the parent and the workers over one job's: what the
parallel run costs in all, and "parent%" the parent's share of it.  A "ceiling" measured
before and after the rows (the same busy loop in one, then two processes) says what
two processes can get on the machine at that time: on a shared machine the wall ratio
is bounded by it; read both.  ``--flat`` adds the two-job run at
1x and 4x the ListRecords and JSON Lines sizes: peak memory per process should not grow.

``--repeat N`` runs each workload's one-job and two-job rows N times, in alternating
order (1, 2, then 2, 1...: a machine whose speed drifts during the run favours neither),
and with each pair the workload's own ceiling: two one-job runs of it at once, against
one (what two processes get done with this very work, shared caches and memory
included).  The table then shows the median row of each, and a line per workload gives
the paired ratios' median, least and largest: on a noisy machine quote the median.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_hot_path import DEFAULT_CORPUS, build_jsonl, build_listrecords, build_lom_dc

HERE = Path(__file__).resolve().parent
Row = tuple[str, int, dict[str, Any]]
LOM_COPIES = 10
LISTRECORDS = 8_000
JSONL_LINES = 6_000


def child(target: str, jobs: int) -> dict[str, Any]:
    """One run in this (fresh) process."""
    from oer_meta.engine import ValidationRun
    from oer_meta.parallel import tasks

    pieces = sum(1 for _ in tasks([target], input_format=None, limits=None))
    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    run = ValidationRun(jobs=jobs)
    records = 0
    for result in run.results([target]):
        result.to_dict()
        records += 1
    batch = len(run.batch_findings())
    seconds = time.perf_counter() - start
    me = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "records": records,
        "batch": batch,
        "tasks": pieces,
        "seconds": seconds,
        "cpu_parent": me.ru_utime + me.ru_stime - before.ru_utime - before.ru_stime,
        "cpu_workers": workers.ru_utime + workers.ru_stime,
        "peak_parent_kib": me.ru_maxrss,
        "peak_worker_kib": workers.ru_maxrss,
    }


def run_child(target: Path, jobs: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", str(target), str(jobs)],
        capture_output=True,
        text=True,
        check=False,
        cwd=HERE,
    )
    if done.returncode != 0:
        return {"skip": done.stderr.strip()[-300:]}
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def run_pair_at_once(target: Path) -> float:
    """Wall seconds of two one-job runs of ``target`` started together (each in its
    own fresh process), to set against one run alone: the workload's ceiling."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(target), "1"]
    start = time.perf_counter()
    both = [
        subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=HERE)
        for _ in range(2)
    ]
    for process in both:
        process.wait()
    return time.perf_counter() - start


def repeated(name: str, target: Path, times: int) -> tuple[list[Row], str]:
    """The median one-job and two-job rows of ``times`` alternating pairs, and a line
    with the paired ratios and the workload's ceiling (two one-job runs at once)."""
    ones: list[dict[str, Any]] = []
    twos: list[dict[str, Any]] = []
    ratios: list[float] = []
    ceilings: list[float] = []
    for turn in range(times):
        order = (1, 2) if turn % 2 == 0 else (2, 1)
        done = {jobs: run_child(target, jobs) for jobs in order}
        if "skip" in done[1] or "skip" in done[2]:
            return [(name, 1, done[1]), (name, 2, done[2])], f"{name}: skipped"
        ones.append(done[1])
        twos.append(done[2])
        ratios.append(done[1]["seconds"] / done[2]["seconds"])
        ceilings.append(2 * done[1]["seconds"] / run_pair_at_once(target))
    shares = [ratio / most for ratio, most in zip(ratios, ceilings, strict=True)]
    line = (
        f"{name}: x 1 job over {times} pairs: median {statistics.median(ratios):.2f} "
        f"(least {min(ratios):.2f}, largest {max(ratios):.2f}); its ceiling (two one-job "
        f"runs at once over one): median {statistics.median(ceilings):.2f} "
        f"(least {min(ceilings):.2f}, largest {max(ceilings):.2f}); x 1 job over the "
        f"ceiling of its pair: median {statistics.median(shares):.2f} "
        f"(least {min(shares):.2f}, largest {max(shares):.2f})"
    )
    return [(name, 1, _median_row(ones)), (name, 2, _median_row(twos))], line


def _median_row(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The row of median wall time (the lower middle one for an even count)."""
    ranked = sorted(rows, key=lambda row: float(row["seconds"]))
    return ranked[(len(ranked) - 1) // 2]


def _burn(loops: int) -> float:
    total = 0
    for i in range(loops):
        total += i
    return float(total)


def ceiling(loops: int = 20_000_000) -> float:
    """What two processes get done, next to one, on this machine now: the same pure
    Python loop once in one process, then twice in two processes at once.  On two idle
    cores this is about 2; other programs running bring it down, and no run with two
    jobs can beat it."""
    import multiprocessing

    start = time.perf_counter()
    _burn(loops)
    one = time.perf_counter() - start
    with multiprocessing.get_context("fork").Pool(2) as pool:
        start = time.perf_counter()
        pool.map(_burn, [loops, loops])
        two = time.perf_counter() - start
    return 2 * one / two


def _cpu_ratio(one: dict[str, Any], two: dict[str, Any]) -> float:
    """One job's CPU time over what the busier of two cores would carry: the workers'
    and the parent's CPU time shared by the two cores, or the parent's alone when it
    is the bottleneck (the ratio two idle cores would give)."""
    per_process = max(two["cpu_parent"], (two["cpu_parent"] + two["cpu_workers"]) / 2)
    return float(one["cpu_parent"]) / per_process if per_process else 0.0


def _cpu_cost(one: dict[str, Any], two: dict[str, Any]) -> float:
    """The CPU time (user + sys) of the parent and its workers over one job's."""
    total = two["cpu_parent"] + two["cpu_workers"]
    return total / float(one["cpu_parent"]) if one["cpu_parent"] else 0.0


def _parent_share(res: dict[str, Any]) -> float:
    total = res["cpu_parent"] + res["cpu_workers"]
    return 100 * res["cpu_parent"] / total if total else 100.0


def print_rows(rows: list[Row]) -> None:
    print(
        f"{'workload':24} {'jobs':>4} {'records':>8} {'tasks':>6} {'seconds':>8} "
        f"{'rec/s':>7} {'x 1 job':>7} {'cpu x':>6} {'cpu/1':>6} {'parent%':>7} "
        f"{'cpu parent':>10} {'cpu workers':>11} "
        f"{'peak parent MiB':>15} {'peak worker MiB':>15}"
    )
    ones: dict[str, dict[str, Any]] = {}
    for name, jobs, res in rows:
        if "skip" in res:
            print(f"{name:24} {jobs:>4} skipped: {res['skip']}")
            continue
        if jobs == 1:
            ones[name] = res
        one = ones.get(name)
        ratio = one["seconds"] / res["seconds"] if one and jobs > 1 else 1.0
        cpu = _cpu_ratio(one, res) if one and jobs > 1 else 1.0
        cost = _cpu_cost(one, res) if one and jobs > 1 else 1.0
        print(
            f"{name:24} {jobs:>4} {res['records']:>8} {res['tasks']:>6} {res['seconds']:8.2f} "
            f"{res['records'] / res['seconds']:7.0f} {ratio:7.2f} {cpu:6.2f} {cost:6.2f} "
            f"{_parent_share(res):7.0f} "
            f"{res['cpu_parent']:10.2f} {res['cpu_workers']:11.2f} "
            f"{res['peak_parent_kib'] / 1024:15.0f} {res['peak_worker_kib'] / 1024:15.0f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--quick", action="store_true", help="about 4x smaller workloads")
    parser.add_argument("--flat", action="store_true", help="two-job runs at 1x and 4x")
    parser.add_argument(
        "--repeat", type=int, default=1, help="alternating pairs per workload (medians shown)"
    )
    parser.add_argument("--child", nargs=2, metavar=("TARGET", "JOBS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], int(args.child[1]))))
        return
    if not args.corpus.is_dir():
        sys.exit(f"corpus not found: {args.corpus}")
    scale = args.scale / (4 if args.quick else 1)
    print(f"cores: {os.cpu_count()}; load average before: {os.getloadavg()}")
    with tempfile.TemporaryDirectory(prefix="oer-bench-parallel-") as tmp:
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
        before = ceiling()
        lines: list[str] = []
        if args.repeat > 1:
            rows = []
            for name, path in workloads:
                medians, line = repeated(name, path, args.repeat)
                rows += medians
                lines.append(line)
        else:
            rows = [
                (name, jobs, run_child(path, jobs)) for name, path in workloads for jobs in (1, 2)
            ]
        after = ceiling()
        if args.flat:
            big_oai = build_listrecords(
                args.corpus, base / "listrecords-4x.xml", max(8, round(4 * LISTRECORDS * scale))
            )
            big_jsonl = build_jsonl(
                args.corpus, base / "amb-4x.jsonl", max(8, round(4 * JSONL_LINES * scale))
            )
            rows += [
                ("ListRecords 4x", 2, run_child(big_oai["path"], 2)),
                ("JSON Lines 4x", 2, run_child(big_jsonl["path"], 2)),
            ]
        print_rows(rows)
        for line in lines:
            print(line)
    print(f"load average after: {os.getloadavg()}")
    print(
        f"ceiling (two busy processes over one, before/after the rows): "
        f"{before:.2f} / {after:.2f}: the most any two-job row could reach here"
    )


if __name__ == "__main__":
    main()
