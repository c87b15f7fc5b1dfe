"""Runs the ``oer-meta`` CLI once in a fresh process and says what it cost (imported as
a sibling module by the benchmarks; run as a script, it is that fresh process).

The probe process *is* the CLI: it calls ``oer_meta.cli.main`` (what the ``oer-meta``
console script calls) with its standard output already on the output file, so its own
``RUSAGE_SELF`` is the CLI's parent process and its ``RUSAGE_CHILDREN`` the worker
processes of ``--jobs N`` (the pool waits for them before the CLI returns).  The caller
times the whole process by wall clock, interpreter start included.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def run_cli(argv: list[str], output: str, *, keep: bool = False) -> dict[str, Any]:
    """``oer-meta ARGV > OUTPUT`` in a fresh process: wall seconds, exit code, the peak
    RSS (KiB) of the CLI process and of its largest worker, their CPU seconds, and, when
    the output is a file of ``--format jsonl``, the run summary read from its last line.
    The output file is then removed, unless ``keep``."""
    handle, result_path = tempfile.mkstemp(prefix="oer-probe-", suffix=".json")
    os.close(handle)
    try:
        with Path(output).open("wb") as out:
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, str(Path(__file__).resolve()), result_path, *argv],
                stdout=out,
                stderr=subprocess.PIPE,
                check=False,
            )
            seconds = time.perf_counter() - start
        text = Path(result_path).read_text(encoding="utf-8")
    finally:
        Path(result_path).unlink(missing_ok=True)
    if not text:
        return {"skip": done.stderr.decode("utf-8", "replace").strip()[-300:]}
    result: dict[str, Any] = dict(json.loads(text))
    result["seconds"] = seconds
    result["note"] = f"exit {done.returncode}"
    if done.returncode not in (0, 1):
        result["note"] += ": " + done.stderr.decode("utf-8", "replace").strip()[-200:]
    if output != os.devnull:
        result["output_mib"] = Path(output).stat().st_size / 2**20
        result["summary"] = last_summary(output)
        if not keep:
            Path(output).unlink()
    return result


def last_summary(path: str) -> dict[str, Any] | None:
    """The ``summary`` object of the last line of a ``--format jsonl`` output."""
    with Path(path).open("rb") as stream:
        stream.seek(0, os.SEEK_END)
        stream.seek(max(0, stream.tell() - 65536))
        lines = stream.read().splitlines()
    if not lines:
        return None
    try:
        last = json.loads(lines[-1])
    except ValueError:
        return None
    return last.get("summary") if isinstance(last, dict) else None


def _probe(result_path: str, argv: list[str]) -> int:
    from oer_meta.cli import main

    code = main(argv)
    sys.stdout.flush()
    me = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    Path(result_path).write_text(
        json.dumps(
            {
                "code": code,
                "peak_kib": me.ru_maxrss,
                "peak_workers_kib": workers.ru_maxrss,
                "cpu_parent": me.ru_utime + me.ru_stime,
                "cpu_workers": workers.ru_utime + workers.ru_stime,
            }
        ),
        encoding="utf-8",
    )
    return int(code or 0)


if __name__ == "__main__":
    sys.exit(_probe(sys.argv[1], sys.argv[2:]))
