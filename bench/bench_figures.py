"""Benchmark: the figures of issue 11 §5, a million-record harvest file and a harvest.

Run:  python bench/bench_figures.py [--quick] [--records N] [--harvest-records N] [--jobs N ...]
                                    [--devnull] [--no-flat] [--no-dask]

Two workloads, built at run time from the oai_dc records of ``../shared/corpus`` and
``../shared/corpus-2`` (read in place; whatever is generated lives in a temporary folder
removed at exit):

1. "ListRecords": one OAI-PMH ListRecords file of 1,000,000 records (``--quick``:
   20,000), the corpus' ``<record>`` elements and its stand-alone oai_dc records in
   record envelopes, in turn.  Every copy gets its own identifiers (``-<n>`` appended
   to the header identifier and to each ``dc:identifier``), so that the batch rules
   see a million distinct records, not a handful repeated.  Rows: the parse floor (lxml
   ``iterparse`` over the same file, one pass), a peer (each record's ``oai_dc:dc``
   validated against the corpus' ``oai_dc.xsd`` with lxml XMLSchema as the file
   streams: what a schema check alone costs), then ``oer-meta validate FILE --format
   jsonl`` with ``--jobs 1`` and ``--jobs 2``.  With the flatness check (on unless
   ``--no-flat``) the two CLI rows run again on a file a tenth as large (100,000
   records; quick: 2,000): the peak memory should not grow with the input.
2. "harvest": ``oer-meta harvest URL --format jsonl`` against an OAI-PMH endpoint on
   loopback (``oer_meta.harvesting.testing.LoopbackServer``, in this process) serving
   pages of 1,000 of the same generated records (200,000 records; quick: 10,000).  Its
   floor is a client that asks for the same pages with ``urllib`` and walks each with
   lxml ``iterparse`` as it arrives: serving, HTTP and the parse, nothing else.

Each row runs in a fresh process.  Columns: records, wall seconds (interpreter start
included for the CLI), records/s, "x floor" (the row's time over its floor's on the
same input), the peak memory (max RSS) of the process that ran it ("parent") and of
its largest worker process ("workers", ``--jobs 2`` only), and seconds per million
records; the note gives CPU seconds, and for ``--jobs 2`` "cpu x": one job's CPU time
over the busiest share of two (the parent's, or half the workers'), the ratio two jobs
would reach with a free core per process, which a busy machine hides from the wall
clock.  CLI output goes to a file in the temporary folder (its last line, the run
summary, gives the record count); ``--devnull`` sends it to /dev/null instead.  When
``bench/bench_dask.py`` exists it is run last (``--no-dask`` leaves it out), so the Dask
figures come from the same run.

Expect one to three minutes with ``--quick`` and about an hour for the full run on a machine
with two free cores, several hours on a busy one: the CLI checks some 250-700 oai_dc
records a second per core (bench/README.md has measured figures).  The full run needs
~4 GB for the file and as much again for the JSON Lines output in the temporary folder
(``--devnull`` spares the latter).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from _probe import run_cli
from bench_hot_path import DEFAULT_CORPUS, OAI, _walk, compile_schema, oai_record_pool

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS2 = DEFAULT_CORPUS.parent / "corpus-2"
RECORDS = 1_000_000
QUICK_RECORDS = 20_000
HARVEST_RECORDS = 200_000
QUICK_HARVEST_RECORDS = 10_000
PAGE_RECORDS = 1_000
FLAT_DIVISOR = 10
MARK = "\u2063oer-bench-id\u2063"  # an invisible separator no corpus record holds
DC = "http://purl.org/dc/elements/1.1/"

# --------------------------------------------------------------------------------------
# Generated records: the corpus' oai_dc records, each copy with its own identifiers
# --------------------------------------------------------------------------------------


def templates(corpora: list[Path]) -> list[list[bytes]]:
    """Each record of the corpora's oai_dc folders, cut where its identifiers end: the
    n-th copy is the parts joined with ``-n`` (header identifier and dc:identifier)."""
    from lxml import etree

    cut: list[list[bytes]] = []
    for corpus in corpora:
        if not (corpus / "oai_dc").is_dir():
            continue
        for data in oai_record_pool(corpus):
            record = etree.fromstring(data)
            marked = 0
            for element in record.iter(f"{{{OAI}}}identifier", f"{{{DC}}}identifier"):
                if element.text and element.text.strip():
                    element.text = element.text.strip() + MARK
                    marked += 1
            text = etree.tostring(record, encoding="utf-8")
            if marked:
                cut.append(text.split(MARK.encode("utf-8")))
    if not cut:
        raise SystemExit("no oai_dc record found in " + ", ".join(map(str, corpora)))
    return cut


def records(cut: list[list[bytes]], start: int, count: int) -> Iterator[bytes]:
    """Records ``start`` .. ``start + count - 1`` of the endless generated harvest."""
    for n in range(start, start + count):
        yield f"-{n}".encode().join(cut[n % len(cut)])


def build_listrecords(cut: list[list[bytes]], path: Path, count: int) -> dict[str, Any]:
    from oer_meta.harvesting.testing import list_records_page

    head, _, tail = list_records_page([b"\x00"], None).partition(b"\x00\n")
    with path.open("wb", buffering=1 << 20) as out:
        out.write(head)
        for record in records(cut, 0, count):
            out.write(record)
            out.write(b"\n")
        out.write(tail)
    return {"path": path, "records": count, "bytes": path.stat().st_size}


class Endpoint:
    """The loopback OAI-PMH endpoint of the harvest workload: page ``k`` holds records
    ``k * PAGE_RECORDS`` onwards, its token is ``p<k+1>``; the last page's is empty."""

    def __init__(self, cut: list[list[bytes]], total: int) -> None:
        from oer_meta.harvesting.testing import LoopbackServer

        self.cut = cut
        self.total = total
        self.served = 0
        self.serving = 0.0
        self._lock = threading.Lock()
        self.server = LoopbackServer(self.answer)
        self.url = self.server.url

    def answer(self, path: str) -> tuple[int, dict[str, str], bytes]:
        from oer_meta.harvesting.testing import list_records_page

        start = time.perf_counter()
        query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(path).query))
        token = query.get("resumptionToken", "p0")
        if not token.startswith("p") or not token[1:].isdigit():
            return 400, {}, b"bad token"
        page = int(token[1:])
        first = page * PAGE_RECORDS
        count = max(0, min(PAGE_RECORDS, self.total - first))
        more = first + count < self.total
        body = list_records_page(
            records(self.cut, first, count),
            f"p{page + 1}" if more else "",
            complete_size=self.total,
        )
        with self._lock:
            self.served += 1
            self.serving += time.perf_counter() - start
        return 200, {"Content-Type": "text/xml; charset=utf-8"}, body

    def close(self) -> None:
        self.server.close()


# --------------------------------------------------------------------------------------
# Child side: floors, each in a fresh process
# --------------------------------------------------------------------------------------


def child_floor_file(path: str, count: str) -> dict[str, Any]:
    start = time.perf_counter()
    _walk(path)
    return {"seconds": time.perf_counter() - start, "records": int(count)}


def child_xsd(path: str, xsd: str) -> dict[str, Any]:
    """The peer: each record's metadata validated against the oai_dc XSD (lxml
    XMLSchema, imports resolved to the corpus' copies) while the file streams."""
    from lxml import etree

    started = time.perf_counter()
    try:
        schema = compile_schema(Path(xsd), Path(xsd).parent.parent)
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError) as error:
        return {"skip": f"{Path(xsd).name} does not compile: {error}"}
    compiled = time.perf_counter() - started
    record_tag = f"{{{OAI}}}record"
    count = valid = 0
    start = time.perf_counter()
    for _event, element in etree.iterparse(
        path, events=("end",), tag=record_tag, resolve_entities=False, no_network=True
    ):
        count += 1
        metadata = element.find(f"{{{OAI}}}metadata")
        if metadata is not None and len(metadata):
            valid += schema.validate(metadata[0])
        element.clear()
        parent = element.getparent()
        while element.getprevious() is not None:
            del parent[0]
    return {
        "seconds": time.perf_counter() - start,
        "records": count,
        "note": f"{Path(xsd).name}, compiled in {compiled * 1000:.0f} ms; {valid:,} valid",
    }


def child_floor_harvest(url: str) -> dict[str, Any]:
    """Every page asked for and walked (start and end events, records cleared) as it
    arrives, following the resumption tokens: the cost of serving, HTTP and parsing."""
    import urllib.request

    from lxml import etree

    record_tag = f"{{{OAI}}}record"
    token_tag = f"{{{OAI}}}resumptionToken"
    query: dict[str, str] = {"verb": "ListRecords", "metadataPrefix": "oai_dc"}
    count = pages = 0
    start = time.perf_counter()
    while True:
        token = ""
        with urllib.request.urlopen(f"{url}?{urllib.parse.urlencode(query)}", timeout=60) as page:
            pages += 1
            for event, element in etree.iterparse(
                page, events=("start", "end"), resolve_entities=False, no_network=True
            ):
                if event == "end" and element.tag == record_tag:
                    count += 1
                    element.clear()
                    parent = element.getparent()
                    while element.getprevious() is not None:
                        del parent[0]
                elif event == "end" and element.tag == token_tag:
                    token = element.text or ""
        if not token:
            break
        query = {"verb": "ListRecords", "resumptionToken": token}
    return {"seconds": time.perf_counter() - start, "records": count, "note": f"{pages} pages"}


CHILDREN: dict[str, Callable[..., dict[str, Any]]] = {
    "floor-file": child_floor_file,
    "floor-harvest": child_floor_harvest,
    "xsd": child_xsd,
}


def run_child(name: str, *args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", name, *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=HERE,
    )
    if done.returncode != 0:
        return {"skip": f"child failed: {done.stderr.strip()[-300:]}"}
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# --------------------------------------------------------------------------------------
# Parent side
# --------------------------------------------------------------------------------------


def cli_row(argv: list[str], output: str) -> dict[str, Any]:
    result = run_cli(argv, output)
    if "skip" in result:
        return result
    result["note"] += f", cpu s parent {result['cpu_parent']:.0f}"
    if result["cpu_workers"]:
        result["note"] += f" workers {result['cpu_workers']:.0f}"
    summary = result.get("summary")
    if summary:
        result["records"] = summary["records"]
        result["note"] += (
            f", {result['output_mib']:,.0f} MiB of jsonl; checked {summary['checked']:,},"
            f" deleted {summary['deleted']:,}, unreadable {summary['unreadable']:,},"
            f" internal errors {summary['internal_errors']}"
        )
    return result


class Table:
    """Rows in the order run; "x floor" against the last floor of the same workload."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, dict[str, Any], bool]] = []

    def add(
        self, workload: str, label: str, result: dict[str, Any], *, floor: bool = False
    ) -> None:
        self.rows.append((workload, label, result, floor))
        print(f"  done: {workload} / {label} ({result.get('seconds', 0):.1f} s)", flush=True)

    def print(self) -> None:
        header = (
            f"{'workload':22} {'row':30} {'records':>9} {'seconds':>8} {'records/s':>9}"
            f" {'x floor':>7} {'parent MiB':>10} {'workers MiB':>11} {'s / 1M':>7}  note"
        )
        print(header)
        print("-" * len(header))
        floors: dict[str, float] = {}
        for workload, label, res, floor in self.rows:
            if "skip" in res:
                print(f"{workload:22} {label:30} skipped: {res['skip']}")
                continue
            if floor:
                floors[workload] = res["seconds"] / max(1, res["records"])
            count = res.get("records")
            per_record = res["seconds"] / count if count else None
            base = floors.get(workload)
            ratio = f"{per_record / base:.1f}x" if per_record and base else "-"
            speed = f"{1 / per_record:,.0f}" if per_record else "-"
            million = f"{per_record * 1e6:,.0f}" if per_record else "-"
            workers = res.get("peak_workers_kib") or 0
            print(
                f"{workload:22} {label:30} {count or 0:>9,} {res['seconds']:8.1f} {speed:>9}"
                f" {ratio:>7} {res['peak_kib'] / 1024:10.0f}"
                f" {(f'{workers / 1024:.0f}' if workers else '-'):>11} {million:>7}"
                f"  {res.get('note', '')}"
            )

    def flatness(self, pairs: list[tuple[str, str, str]]) -> None:
        by = {(w, label): r for w, label, r, _ in self.rows if "skip" not in r}
        for small, large, label in pairs:
            a, b = by.get((small, label)), by.get((large, label))
            if not a or not b:
                continue
            worker = ""
            if a.get("peak_workers_kib") and b.get("peak_workers_kib"):
                worker = (
                    f"; workers {a['peak_workers_kib'] / 1024:.0f} -> "
                    f"{b['peak_workers_kib'] / 1024:.0f} MiB"
                    f" (x{b['peak_workers_kib'] / a['peak_workers_kib']:.2f})"
                )
            print(
                f"  {label}: parent {a['peak_kib'] / 1024:.0f} MiB at {a['records']:,} records ->"
                f" {b['peak_kib'] / 1024:.0f} MiB at {b['records']:,}"
                f" (x{b['peak_kib'] / a['peak_kib']:.2f}){worker}"
            )


def listrecords_rows(table: Table, name: str, built: dict[str, Any], args: Any, tmp: Path) -> None:
    path = str(built["path"])
    table.add(
        name,
        "floor: lxml iterparse",
        run_child("floor-file", path, str(built["records"])),
        floor=True,
    )
    xsd = args.corpus / "xsd" / "dc" / "oai_dc.xsd"
    if xsd.exists():
        table.add(name, "peer: lxml XMLSchema (oai_dc)", run_child("xsd", path, str(xsd)))
    one: dict[str, Any] = {}
    for jobs in args.jobs:
        output = os.devnull if args.devnull else str(tmp / "out.jsonl")
        result = cli_row(["validate", path, "--format", "jsonl", "--jobs", str(jobs)], output)
        result.setdefault("records", built["records"])
        if jobs == 1:
            one = result
        elif "skip" not in result and one.get("cpu_parent"):
            # what two jobs would reach with a core per process: one job's CPU time over
            # the busiest share of two (the parent's, or half the workers')
            busiest = max(result["cpu_parent"], result["cpu_workers"] / 2)
            result["note"] += f"; cpu x {one['cpu_parent'] / busiest:.2f}" if busiest else ""
        table.add(name, f"CLI validate --jobs {jobs} jsonl", result)


def harvest_rows(table: Table, cut: list[list[bytes]], total: int, args: Any, tmp: Path) -> None:
    name = f"harvest {total:,}"
    endpoint = Endpoint(cut, total)
    try:
        floor = run_child("floor-harvest", endpoint.url)
        table.add(name, "floor: serve + lxml iterparse", floor, floor=True)
        served = endpoint.served
        serving = endpoint.serving
        output = os.devnull if args.devnull else str(tmp / "harvest.jsonl")
        result = cli_row(["harvest", endpoint.url, "--format", "jsonl"], output)
        result.setdefault("records", total)
        table.add(name, "CLI harvest jsonl", result)
    finally:
        endpoint.close()
    if served:
        print(
            f"  the endpoint built {served} pages in {serving:.1f} s during the floor"
            f" ({serving / served * 1000:.0f} ms a page, in this process)"
        )


def run_dask(quick: bool) -> None:
    script = HERE / "bench_dask.py"
    if not script.exists():
        print("\nDask: bench/bench_dask.py is not here (yet): no Dask figures.")
        return
    command = [sys.executable, str(script)]
    usage = subprocess.run([*command, "--help"], capture_output=True, text=True, check=False)
    if quick and "--quick" in usage.stdout:
        command.append("--quick")
    print(f"\nDask ({' '.join(['python', 'bench/bench_dask.py', *command[2:]])}):", flush=True)
    done = subprocess.run(command, check=False, cwd=HERE.parent)
    if done.returncode:
        print(f"  bench_dask.py exited with {done.returncode}")


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        result = CHILDREN[sys.argv[2]](*sys.argv[3:])
        result.setdefault("peak_kib", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        print(json.dumps(result))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="20,000 records (one to three minutes)"
    )
    parser.add_argument("--records", type=int, help="records of the ListRecords file")
    parser.add_argument("--harvest-records", type=int, help="records of the harvest")
    parser.add_argument("--devnull", action="store_true", help="CLI output to /dev/null")
    parser.add_argument("--no-flat", action="store_true", help="leave out the tenth-size rows")
    parser.add_argument("--no-dask", action="store_true", help="do not run bench_dask.py")
    parser.add_argument(
        "--jobs",
        type=int,
        nargs="+",
        default=[1, 2],
        help="the --jobs values of the CLI rows (default: 1 2)",
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--corpus-2", type=Path, default=DEFAULT_CORPUS2)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    count = args.records or (QUICK_RECORDS if args.quick else RECORDS)
    harvest = args.harvest_records or (QUICK_HARVEST_RECORDS if args.quick else HARVEST_RECORDS)
    began = time.perf_counter()
    print(f"cores: {os.cpu_count()}; load average before: {os.getloadavg()}")
    cut = templates([args.corpus, args.corpus_2])
    print(f"{len(cut)} distinct oai_dc records from the corpora, identifiers varied per copy")
    table = Table()
    with tempfile.TemporaryDirectory(prefix="oer-bench-figures-") as name:
        tmp = Path(name)
        flat_pairs = []
        if not args.no_flat:
            small = max(1, count // FLAT_DIVISOR)
            built = build_listrecords(cut, tmp / "small.xml", small)
            small_name = f"ListRecords {small:,}"
            listrecords_rows(table, small_name, built, args, tmp)
            built["path"].unlink()
        start = time.perf_counter()
        built = build_listrecords(cut, tmp / "listrecords.xml", count)
        large_name = f"ListRecords {count:,}"
        print(
            f"{large_name}: {built['bytes'] / 2**20:,.0f} MiB, written in"
            f" {time.perf_counter() - start:.0f} s",
            flush=True,
        )
        listrecords_rows(table, large_name, built, args, tmp)
        built["path"].unlink()
        if not args.no_flat:
            flat_pairs = [
                (small_name, large_name, f"CLI validate --jobs {jobs} jsonl") for jobs in args.jobs
            ]
        harvest_rows(table, cut, harvest, args, tmp)
        print()
        table.print()
        if flat_pairs:
            print("\nflatness (peak memory, the tenth-size file against the full one):")
            table.flatness(flat_pairs)
    print(f"load average after: {os.getloadavg()}")
    if not args.no_dask:
        run_dask(args.quick)
    print(f"\ntotal {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
