"""Benchmark: the hot path on real records, side by side with the bare parse and peers.

Run:  python bench/bench_hot_path.py [--scale N] [--quick] [--flat] [--repeat R]

Three workloads are built at run time in a temporary folder from the records of
``../shared/corpus`` (read in place, never copied into the project):

1. "LOM+DC files": every LOM, oai_dc, DCTERMS and IMS manifest XML file of the corpus
   under 60 kB, copied 40 x scale times into one folder.
2. "OAI-PMH ListRecords": one ListRecords response holding ~20,000 x scale records: the
   ``<record>`` elements of the corpus' oai_dc OAI-PMH responses, plus the stand-alone
   oai_dc records wrapped in record/header/metadata envelopes, repeated.
3. "AMB JSON Lines": every AMB example in ``amb/examples-valid``, compacted to one line,
   repeated to ~10,500 x scale lines.

Each row runs in a fresh child process, so the peak memory (max RSS) it reports is its
own: in-process rows report the child's RUSAGE_SELF, CLI rows run ``oer-meta`` from a
small helper process that reports its RUSAGE_CHILDREN (that one CLI process alone).
"x floor" is the row's time divided by the parse floor's time on the same input (lxml
``iterparse`` walking every element, or ``json.loads`` of every line).  In-process rows
are timed from after ``import oer_meta``; CLI rows by wall clock around the whole
process (interpreter start included).  CLI output goes to a file in the temporary
folder (its summary gives the CLI's record count); ``--devnull`` sends it to /dev/null.

``--quick`` shrinks every workload ~10x.  ``--flat`` adds a flatness check: library and
CLI rows at 1x and 8x the quick sizes, to show whether throughput and peak memory stay
flat as the input grows.  ``--repeat R`` runs every row R times in rounds and keeps the
fastest (peak memory: the largest).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from _timing import rate

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus"
OAI = "http://www.openarchives.org/OAI/2.0/"
SMALL = 60_000  # bytes: files at least this large are left out of workload 1
LOM_DC_COPIES = 40
LISTRECORDS = 20_000
JSONL_LINES = 10_500
FLOOR_SECONDS = 1.0  # the floors are fast: repeat them for at least this long
RECORD_NAMES = {"lom", "dc", "nsdl_dc"}  # what the floor counts as a record (outermost)

# --------------------------------------------------------------------------------------
# Workloads (built in the temporary folder)
# --------------------------------------------------------------------------------------


def _xml_parser() -> Any:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def small_xml_files(corpus: Path) -> list[tuple[str, Path]]:
    """(corpus subfolder, file) for every XML record file under 60 kB of workload 1."""
    found = []
    for sub in ("lom", "oai_dc", "dcterms", "cartridge"):
        for path in sorted((corpus / sub).glob("*.xml")):
            if path.stat().st_size < SMALL:
                found.append((sub, path))
    return found


def build_lom_dc(corpus: Path, folder: Path, copies: int) -> dict[str, Any]:
    folder.mkdir(parents=True)
    sources = small_xml_files(corpus)
    lom_copies = []
    for k in range(copies):
        for sub, path in sources:
            target = folder / f"c{k:04d}-{sub}-{path.name}"
            shutil.copyfile(path, target)
            if sub == "lom":
                lom_copies.append(str(target))
    listing = folder.parent / (folder.name + "-lom-files.txt")
    listing.write_text("\n".join(lom_copies), encoding="utf-8")
    return {
        "path": folder,
        "files": len(sources) * copies,
        "distinct": len(sources),
        "lom_listing": listing,
        "lom_files": len(lom_copies),
    }


def oai_record_pool(corpus: Path) -> list[bytes]:
    """Serialised OAI-PMH <record> elements: those of the corpus' oai_dc responses (and
    bare records), then each stand-alone oai_dc record in a record/header/metadata
    envelope."""
    from lxml import etree

    parser = _xml_parser()
    pool: list[bytes] = []
    wrapped: list[tuple[str, Any]] = []
    for path in sorted((corpus / "oai_dc").glob("*.xml")):
        root = etree.parse(str(path), parser).getroot()
        is_record = root.tag == f"{{{OAI}}}record"
        records = [root] if is_record else list(root.iter(f"{{{OAI}}}record"))
        if records:
            pool.extend(etree.tostring(r, encoding="utf-8") for r in records)
        elif etree.QName(root).localname == "dc":
            wrapped.append((path.stem, root))
    for stem, dc in wrapped:
        record = etree.Element(f"{{{OAI}}}record", nsmap={None: OAI})
        header = etree.SubElement(record, f"{{{OAI}}}header")
        etree.SubElement(header, f"{{{OAI}}}identifier").text = f"oai:bench.invalid:{stem}"
        etree.SubElement(header, f"{{{OAI}}}datestamp").text = "2011-01-01"
        etree.SubElement(record, f"{{{OAI}}}metadata").append(dc)
        pool.append(etree.tostring(record, encoding="utf-8"))
    return pool


def build_listrecords(corpus: Path, path: Path, count: int) -> dict[str, Any]:
    pool = oai_record_pool(corpus)
    with path.open("wb") as out:
        out.write(
            b'<?xml version="1.0" encoding="UTF-8"?>\n'
            b'<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">'
            b"<responseDate>2024-01-01T00:00:00Z</responseDate>"
            b'<request verb="ListRecords" metadataPrefix="oai_dc">https://bench.invalid/oai'
            b"</request><ListRecords>\n"
        )
        for i in range(count):
            out.write(pool[i % len(pool)])
            out.write(b"\n")
        out.write(b"</ListRecords></OAI-PMH>\n")
    return {"path": path, "records": count, "distinct": len(pool), "bytes": path.stat().st_size}


def amb_lines(corpus: Path) -> list[str]:
    lines = []
    for path in sorted((corpus / "amb" / "examples-valid").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        lines.append(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    return lines


def build_jsonl(corpus: Path, path: Path, count: int) -> dict[str, Any]:
    lines = amb_lines(corpus)
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            out.write(lines[i % len(lines)] + "\n")
    return {"path": path, "records": count, "distinct": len(lines), "bytes": path.stat().st_size}


def find_amb_schema(corpus: Path) -> Path | None:
    """The AMB root JSON Schema: a schema.json below amb/ whose $id ends so."""
    for path in sorted((corpus / "amb").rglob("schema.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        if str(data.get("$id", "")).endswith("/schemas/schema.json"):
            return path
    return None


def find_lom_xsd(corpus: Path) -> Path | None:
    """The IEEE LOM XSD (the loose binding, which admits the profiles' extensions)."""
    for name in ("lomLoose.xsd", "lom.xsd"):
        for path in sorted((corpus / "xsd").rglob(name)):
            return path
    return None


# --------------------------------------------------------------------------------------
# Child side: each function runs in a fresh process and returns a dict for the parent
# --------------------------------------------------------------------------------------


def _walk(path: str) -> int:
    """The bare parse: iterparse walking every element, start and end events, safe
    options; each subtree at depth 3 (an OAI-PMH record) is cleared once read, so the
    floor streams as the library does."""
    from lxml import etree

    depth = 0
    events = 0
    for event, element in etree.iterparse(
        path, events=("start", "end"), resolve_entities=False, no_network=True, load_dtd=False
    ):
        events += 1
        if event == "start":
            depth += 1
            continue
        depth -= 1
        if depth == 2:
            element.clear()
            parent = element.getparent()
            while element.getprevious() is not None:
                del parent[0]
    return events


def _count_records(path: str) -> int:
    """Records as the floor sees them: outermost OAI-PMH <record>, <lom>, <dc> or
    <nsdl_dc> elements (any namespace).  Not timed."""
    from lxml import etree

    count = 0
    open_tag: str | None = None
    open_depth = 0
    depth = 0
    for event, element in etree.iterparse(
        path, events=("start", "end"), resolve_entities=False, no_network=True, load_dtd=False
    ):
        if event == "start":
            depth += 1
            if open_tag is None:
                tag = element.tag if isinstance(element.tag, str) else ""
                local = tag.rpartition("}")[2]
                if tag == f"{{{OAI}}}record" or local in RECORD_NAMES:
                    count += 1
                    open_tag, open_depth = tag, depth
        else:
            if open_tag is not None and depth == open_depth:
                open_tag = None
            depth -= 1
            if depth == 2:
                element.clear()
    return count


def _xml_files(target: str) -> list[str]:
    path = Path(target)
    if path.is_dir():
        return [str(p) for p in sorted(path.iterdir())]
    return [str(path)]


def child_floor_xml(target: str) -> dict[str, Any]:
    files = _xml_files(target)
    per_second = rate(_walk, files, FLOOR_SECONDS)
    records = sum(_count_records(f) for f in files)
    what = f"{len(files)} files" if len(files) > 1 else "1 file"
    return {
        "seconds": len(files) / per_second,
        "records": records,
        "note": f"{what}; records = outermost record/lom/dc/nsdl_dc elements",
    }


def child_floor_json(target: str) -> dict[str, Any]:
    with Path(target).open(encoding="utf-8") as stream:
        lines = stream.readlines()
    per_second = rate(json.loads, lines, FLOOR_SECONDS)
    return {"seconds": len(lines) / per_second, "records": len(lines)}


def _status_note(statuses: Counter[str]) -> str:
    return ", ".join(f"{n} {s}" for s, n in sorted(statuses.items()) if s != "checked")


def child_library(target: str) -> dict[str, Any]:
    import oer_meta

    statuses: Counter[str] = Counter()
    start = time.perf_counter()
    for result in oer_meta.validate_many([target]):
        result.to_dict()
        statuses[result.status] += 1
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "records": sum(statuses.values()), "note": _status_note(statuses)}


def child_library_report(target: str) -> dict[str, Any]:
    import oer_meta

    start = time.perf_counter()
    report = oer_meta.validate(target)
    report.to_dict()
    seconds = time.perf_counter() - start
    statuses = Counter(r.status for r in report)
    return {"seconds": seconds, "records": len(report), "note": _status_note(statuses)}


def compile_schema(xsd: Path, search: Path) -> Any:
    """lxml XMLSchema of ``xsd``; an import by URL, or of a file not where the schema
    says, resolves to the local copy of that name under ``search``: no peer reaches
    the network."""
    from lxml import etree

    class LocalOnly(etree.Resolver):  # type: ignore[misc]
        def resolve(self, url: str, pubid: str | None, context: Any) -> Any:
            remote = url.startswith(("http://", "https://"))
            if not remote and Path(url.removeprefix("file://")).exists():
                return None
            name = url.rstrip("/").rpartition("/")[2]
            local = sorted(search.rglob(name))
            if local:
                return self.resolve_filename(str(local[0]), context)
            raise etree.XMLSchemaParseError(f"no local copy of {url}")

    parser = _xml_parser()
    parser.resolvers.add(LocalOnly())
    return etree.XMLSchema(etree.parse(str(xsd), parser))


def child_xsd(listing: str, xsd: str) -> dict[str, Any]:
    from lxml import etree

    start = time.perf_counter()
    try:
        schema = compile_schema(Path(xsd), Path(xsd).parent)
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError) as error:
        return {"skip": f"{Path(xsd).name} does not compile: {error}"}
    compile_seconds = time.perf_counter() - start
    files = Path(listing).read_text(encoding="utf-8").split("\n")
    doc_parser = _xml_parser()
    valid = 0

    def check(path: str) -> None:
        nonlocal valid
        ok = schema.validate(etree.parse(path, doc_parser))
        valid += ok
        for _entry in schema.error_log:
            pass

    start = time.perf_counter()
    for path in files:
        check(path)
    seconds = time.perf_counter() - start
    floor = len(files) / rate(_walk, files, FLOOR_SECONDS)
    return {
        "seconds": seconds,
        "records": len(files),
        "floor_seconds": floor,
        "note": f"{Path(xsd).name}; {len(files)} lom/ files, {valid} valid;"
        f" compiled in {compile_seconds * 1000:.0f} ms; x floor of the same files",
    }


def _amb_documents(schema_path: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The AMB root schema and every sibling schema by $id (all resolved locally)."""
    root_path = Path(schema_path)
    documents = {}
    for path in sorted(root_path.parent.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "$id" in data:
            documents[data["$id"]] = data
    root = json.loads(root_path.read_text(encoding="utf-8"))
    return root, documents


def child_jsonschema(target: str, schema_path: str) -> dict[str, Any]:
    from jsonschema.validators import validator_for
    from referencing import Registry, Resource

    root, documents = _amb_documents(schema_path)
    start = time.perf_counter()
    cls = validator_for(root)
    registry = Registry().with_resources(
        (uri, Resource.from_contents(doc)) for uri, doc in documents.items()
    )
    validator = cls(root, registry=registry, format_checker=cls.FORMAT_CHECKER)
    create_seconds = time.perf_counter() - start
    with Path(target).open(encoding="utf-8") as stream:
        lines = stream.readlines()
    errors = 0
    failing = 0

    def check(line: str) -> None:
        nonlocal errors, failing
        found = sum(1 for _ in validator.iter_errors(json.loads(line)))
        errors += found
        failing += found > 0

    per_second = rate(check, lines, 0.0)  # one pass
    formats = ",".join(sorted(cls.FORMAT_CHECKER.checkers))
    return {
        "seconds": len(lines) / per_second,
        "records": len(lines),
        "note": f"{cls.__name__}, created in {create_seconds * 1000:.0f} ms; {failing} records"
        f" with errors ({errors} errors); formats checked: {formats}",
    }


def child_fastjsonschema(target: str, schema_path: str) -> dict[str, Any]:
    try:
        import fastjsonschema
    except ImportError:
        return {"skip": "fastjsonschema is not installed (pip install fastjsonschema)"}
    root, documents = _amb_documents(schema_path)

    def local(uri: str) -> Any:
        return documents[uri]

    start = time.perf_counter()
    validate = fastjsonschema.compile(root, handlers={"https": local, "http": local})
    compile_seconds = time.perf_counter() - start
    with Path(target).open(encoding="utf-8") as stream:
        lines = stream.readlines()
    failing = 0

    def check(line: str) -> None:
        nonlocal failing
        try:
            validate(json.loads(line))
        except fastjsonschema.JsonSchemaException:
            failing += 1

    per_second = rate(check, lines, 0.0)
    return {
        "seconds": len(lines) / per_second,
        "records": len(lines),
        "note": f"fastjsonschema {fastjsonschema.VERSION}, compiled in"
        f" {compile_seconds * 1000:.0f} ms; {failing} records fail (first error only)",
    }


def _cli_count(path: str, fmt: str) -> int | None:
    """The record count of the CLI's own summary, read from the end of its output."""
    with Path(path).open("rb") as stream:
        stream.seek(0, os.SEEK_END)
        stream.seek(max(0, stream.tell() - 8192))
        tail = stream.read().decode("utf-8", "replace")
    if fmt == "json":
        head, _, summary = tail.rpartition('"summary":')
        if not head:
            return None
        try:
            return int(json.loads(summary.rstrip().removesuffix("}"))["records"])
        except (ValueError, KeyError):
            return None
    found = re.findall(r"(\d+) records?\b", tail)
    return int(found[-1]) if found else None


def child_cli(target: str, fmt: str, output: str, jobs: str = "1") -> dict[str, Any]:
    """Runs the CLI once (``_probe.run_cli``: a fresh process) and reports its wall time,
    its peak RSS and that of its largest worker process (``--jobs 2``)."""
    from _probe import run_cli

    result = run_cli(["validate", target, "--format", fmt, "--jobs", jobs], output, keep=True)
    if "skip" in result:
        return result
    result["records"] = None
    if output != os.devnull:
        result["records"] = _cli_count(output, fmt)
        result["note"] += f", {result['output_mib']:.1f} MiB of {fmt}"
        Path(output).unlink()
    return result


def child_import() -> dict[str, Any]:
    start = time.perf_counter()
    import oer_meta

    seconds = time.perf_counter() - start
    return {"seconds": seconds, "records": 0, "version": oer_meta.__version__}


def child_first(path: str) -> dict[str, Any]:
    """``import oer_meta`` plus the first ``validate()`` of one record: where the lazily
    imported modules and data are paid for."""
    start = time.perf_counter()
    import oer_meta

    oer_meta.validate(path).to_dict()
    return {"seconds": time.perf_counter() - start, "records": 1}


CHILDREN: dict[str, Callable[..., dict[str, Any]]] = {
    "floor-xml": child_floor_xml,
    "floor-json": child_floor_json,
    "library": child_library,
    "library-report": child_library_report,
    "xsd": child_xsd,
    "jsonschema": child_jsonschema,
    "fastjsonschema": child_fastjsonschema,
    "cli": child_cli,
    "import": child_import,
    "first": child_first,
}


def child_main(name: str, args: list[str]) -> None:
    result = CHILDREN[name](*args)
    result.setdefault("peak_kib", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    print(json.dumps(result))


# --------------------------------------------------------------------------------------
# Parent side
# --------------------------------------------------------------------------------------


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


class Row:
    def __init__(self, workload: str, label: str, child: str, *args: str, floor: bool = False):
        self.workload = workload
        self.label = label
        self.child = child
        self.args = args
        self.floor = floor
        self.runs: list[dict[str, Any]] = []

    def run(self) -> None:
        self.runs.append(run_child(self.child, *self.args))

    def fill_count(self, records: int) -> None:
        """With --devnull the CLI's count is unknown: rates use the library's count."""
        for res in self.runs:
            if "skip" not in res and res.get("records") is None:
                res["records"] = records
                res["note"] = res.get("note", "") + "; records: the library row's count"

    @property
    def result(self) -> dict[str, Any]:
        good = [r for r in self.runs if "skip" not in r]
        if not good:
            return self.runs[0]
        best = dict(min(good, key=lambda r: r["seconds"]))
        best["peak_kib"] = max(r["peak_kib"] for r in good)
        return best


def cli_output(tmp: Path, devnull: bool, suffix: str) -> str:
    return os.devnull if devnull else str(tmp / f"cli-out.{suffix}")


def workload_rows(tmp: Path, built: dict[str, dict[str, Any]], args: Any) -> list[Row]:
    rows: list[Row] = []
    lom = built["lom"]
    folder = str(lom["path"])
    w = "LOM+DC files"
    rows.append(Row(w, "floor: lxml iterparse", "floor-xml", folder, floor=True))
    rows.append(Row(w, "library validate_many", "library", folder))
    rows.append(Row(w, "library validate()", "library-report", folder))
    rows.append(
        Row(w, "CLI --format json", "cli", folder, "json", cli_output(tmp, args.devnull, "json"))
    )
    rows.append(
        Row(w, "CLI --format text", "cli", folder, "text", cli_output(tmp, args.devnull, "txt"))
    )
    rows.append(jobs_row(w, folder, tmp, args))
    xsd = find_lom_xsd(args.corpus)
    if xsd is not None:
        rows.append(Row(w, "peer: lxml XMLSchema (LOM)", "xsd", str(lom["lom_listing"]), str(xsd)))
    oai = str(built["oai"]["path"])
    w = "OAI-PMH ListRecords"
    rows.append(Row(w, "floor: lxml iterparse", "floor-xml", oai, floor=True))
    rows.append(Row(w, "library validate_many", "library", oai))
    rows.append(
        Row(w, "CLI --format json", "cli", oai, "json", cli_output(tmp, args.devnull, "json"))
    )
    rows.append(jobs_row(w, oai, tmp, args))
    jsonl = str(built["jsonl"]["path"])
    w = "AMB JSON Lines"
    rows.append(Row(w, "floor: json.loads", "floor-json", jsonl, floor=True))
    schema = find_amb_schema(args.corpus)
    if schema is not None:
        rows.append(Row(w, "peer: python-jsonschema", "jsonschema", jsonl, str(schema)))
        rows.append(Row(w, "peer: fastjsonschema", "fastjsonschema", jsonl, str(schema)))
    rows.append(Row(w, "library validate_many", "library", jsonl))
    rows.append(
        Row(w, "CLI --format json", "cli", jsonl, "json", cli_output(tmp, args.devnull, "json"))
    )
    rows.append(jobs_row(w, jsonl, tmp, args))
    return rows


def jobs_row(workload: str, target: str, tmp: Path, args: Any) -> Row:
    """The CLI row again with two worker processes (``--jobs 2``, issue 11 §1)."""
    out = cli_output(tmp, args.devnull, "json")
    return Row(workload, "CLI --format json --jobs 2", "cli", target, "json", out, "2")


def build_all(corpus: Path, tmp: Path, scale: float) -> dict[str, dict[str, Any]]:
    return {
        "lom": build_lom_dc(corpus, tmp / "lom-dc", max(1, round(LOM_DC_COPIES * scale))),
        "oai": build_listrecords(
            corpus, tmp / "listrecords.xml", max(1, round(LISTRECORDS * scale))
        ),
        "jsonl": build_jsonl(corpus, tmp / "amb.jsonl", max(1, round(JSONL_LINES * scale))),
    }


def _fmt_rate(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:,.1f}"


def print_table(rows: list[Row]) -> None:
    header = (
        f"{'workload':20} {'row':28} {'records':>8} {'seconds':>8} {'records/s':>10}"
        f" {'x floor':>8} {'peak MiB':>9} {'workers MiB':>11} {'s / 1M':>7}  note"
    )
    print(header)
    print("-" * len(header))
    floors: dict[str, float] = {}
    for row in rows:
        res = row.result
        if "skip" in res:
            print(
                f"{row.workload:20} {row.label:28} {'-':>8} {'-':>8} {'-':>10} {'-':>8} {'-':>9}"
                f" {'-':>11} {'-':>7}  skipped: {res['skip']}"
            )
            continue
        if row.floor:
            floors[row.workload] = res["seconds"]
        records = res.get("records")
        floor = res.get("floor_seconds", floors.get(row.workload))
        ratio = f"{res['seconds'] / floor:.1f}x" if floor else "-"
        speed = _fmt_rate(records / res["seconds"]) if records else "-"
        count = f"{records:,}" if records is not None else "?"
        workers = res.get("peak_workers_kib") or 0
        million = f"{res['seconds'] / records * 1e6:,.0f}" if records else "-"
        print(
            f"{row.workload:20} {row.label:28} {count:>8} {res['seconds']:8.2f} {speed:>10}"
            f" {ratio:>8} {res['peak_kib'] / 1024:9.1f}"
            f" {(f'{workers / 1024:.1f}' if workers else '-'):>11} {million:>7}"
            f"  {res.get('note', '')}"
        )


def median_wall(command: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=False, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def startup(corpus: Path, runs: int = 5) -> dict[str, Any]:
    one = next(str(p) for sub, p in small_xml_files(corpus) if sub == "lom")
    imports = [run_child("import")["seconds"] for _ in range(runs)]
    firsts = [run_child("first", one)["seconds"] for _ in range(runs)]
    cli = Path(sys.executable).with_name("oer-meta")
    exe = str(cli) if cli.exists() else "oer-meta"
    return {
        "import": statistics.median(imports),
        "first": statistics.median(firsts),
        "version": median_wall([exe, "--version"], runs),
        "one": median_wall([exe, "validate", one, "--format", "json"], runs),
        "python": median_wall([sys.executable, "-c", "pass"], runs),
        "one_name": Path(one).name,
    }


def _by(rows: list[Row], workload: str, label: str) -> dict[str, Any] | None:
    for row in rows:
        if row.workload == workload and row.label == label:
            res = row.result
            return None if "skip" in res else res
    return None


def _speed(res: dict[str, Any] | None) -> float | None:
    if res is None or not res.get("records"):
        return None
    return float(res["records"]) / float(res["seconds"])


def print_targets(rows: list[Row], start: dict[str, Any]) -> None:
    print("\ntargets (measured values; no pass/fail)")
    floor = _by(rows, "LOM+DC files", "floor: lxml iterparse")
    cli = _by(rows, "LOM+DC files", "CLI --format json")
    if floor and cli:
        print(
            f"  LOM+DC files: CLI json time / floor time = {cli['seconds'] / floor['seconds']:.1f}x"
            "   (target <= 6x)"
        )
    amb_cli = _speed(_by(rows, "AMB JSON Lines", "CLI --format json"))
    amb_js = _speed(_by(rows, "AMB JSON Lines", "peer: python-jsonschema"))
    if amb_cli and amb_js:
        print(
            f"  AMB JSON Lines: CLI json records/s / python-jsonschema records/s = {amb_cli / amb_js:.2f}x"
            "   (target >= 4x)"
        )
    for workload in ("LOM+DC files", "OAI-PMH ListRecords", "AMB JSON Lines"):
        lib = _speed(_by(rows, workload, "library validate_many"))
        cli_speed = _speed(_by(rows, workload, "CLI --format json"))
        if lib and cli_speed:
            print(
                f"  {workload}: CLI json records/s / library records/s = {cli_speed / lib:.2f}"
                "   (target >= 1.0: CLI no slower)"
            )
    print(f"  import oer_meta: {start['import'] * 1000:.1f} ms   (target < 100 ms)")


def print_flat(corpus: Path, tmp: Path, args: Any) -> None:
    factors = [1, 8]
    base = args.scale / 10
    print(f"\nflatness (library validate_many and CLI json at {factors} x the quick sizes)")
    table: dict[tuple[str, str], list[tuple[int, dict[str, Any]]]] = {}
    for factor in factors:
        folder = tmp / f"flat-{factor}"
        folder.mkdir()
        built = build_all(corpus, folder, base * factor)
        targets = {
            "LOM+DC files": str(built["lom"]["path"]),
            "OAI-PMH ListRecords": str(built["oai"]["path"]),
            "AMB JSON Lines": str(built["jsonl"]["path"]),
        }
        for workload, target in targets.items():
            out = cli_output(folder, args.devnull, "json")
            library = run_child("library", target)
            cli = run_child("cli", target, "json", out)
            if cli.get("records") is None and "skip" not in cli:
                cli["records"] = library.get("records")
            table.setdefault((workload, "library validate_many"), []).append((factor, library))
            table.setdefault((workload, "CLI --format json"), []).append((factor, cli))
        shutil.rmtree(folder)
    print(
        f"{'workload':20} {'row':24} {'size':>5} {'records':>8} {'records/s':>10} {'peak MiB':>9}"
    )
    for (workload, label), results in table.items():
        for factor, res in results:
            if "skip" in res:
                print(f"{workload:20} {label:24} {factor:>4}x  skipped: {res['skip']}")
                continue
            speed = _speed(res)
            print(
                f"{workload:20} {label:24} {factor:>4}x {res.get('records') or 0:>8,}"
                f" {_fmt_rate(speed) if speed else '-':>10} {res['peak_kib'] / 1024:9.1f}"
            )
        good = [(f, r) for f, r in results if "skip" not in r]
        if len(good) == 2 and _speed(good[0][1]) and _speed(good[1][1]):
            (f1, r1), (f2, r2) = good
            speed_ratio = (_speed(r2) or 0) / (_speed(r1) or 1)
            print(
                f"{'':20} {'':24} {f2}x vs {f1}x: records/s x{speed_ratio:.2f},"
                f" peak MiB x{r2['peak_kib'] / r1['peak_kib']:.2f}"
            )


def describe(built: dict[str, dict[str, Any]]) -> Iterator[str]:
    lom, oai, jsonl = built["lom"], built["oai"], built["jsonl"]
    yield (
        f"  LOM+DC files: {lom['files']:,} files ({lom['distinct']} corpus files < 60 kB x"
        f" {lom['files'] // lom['distinct']}), {lom['lom_files']:,} of them from lom/"
    )
    yield (
        f"  OAI-PMH ListRecords: {oai['records']:,} records ({oai['distinct']} distinct),"
        f" {oai['bytes'] / 2**20:.1f} MiB"
    )
    yield (
        f"  AMB JSON Lines: {jsonl['records']:,} lines ({jsonl['distinct']} distinct),"
        f" {jsonl['bytes'] / 2**20:.1f} MiB"
    )


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child_main(sys.argv[2], sys.argv[3:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="workload size factor")
    parser.add_argument("--quick", action="store_true", help="shrink every workload ~10x")
    parser.add_argument("--flat", action="store_true", help="add the flatness check")
    parser.add_argument("--repeat", type=int, default=1, help="rounds per row (fastest kept)")
    parser.add_argument("--devnull", action="store_true", help="CLI output to /dev/null")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    scale = args.scale / 10 if args.quick else args.scale
    began = time.perf_counter()
    start = startup(args.corpus)
    print("start-up (medians of 5 fresh processes):")
    print(f"  import oer_meta: {start['import'] * 1000:.1f} ms")
    print(
        f"  import oer_meta + first validate() of one LOM record ({start['one_name']}):"
        f" {start['first'] * 1000:.0f} ms"
    )
    print(
        f"  wall: oer-meta --version {start['version'] * 1000:.0f} ms;"
        f" oer-meta validate <that file> --format json {start['one'] * 1000:.0f} ms;"
        f" python -c pass {start['python'] * 1000:.0f} ms"
    )
    with tempfile.TemporaryDirectory(prefix="oer-meta-bench-") as name:
        tmp = Path(name)
        built = build_all(args.corpus, tmp, scale)
        print(f"workloads (scale {scale:g}), built in {tmp}:")
        for line in describe(built):
            print(line)
        rows = workload_rows(tmp, built, args)
        for _ in range(max(1, args.repeat)):
            for row in rows:
                row.run()
        for row in rows:
            library = _by(rows, row.workload, "library validate_many")
            if row.child == "cli" and library is not None:
                row.fill_count(library["records"])
        print()
        print_table(rows)
        print_targets(rows, start)
        if args.flat:
            shutil.rmtree(tmp / "lom-dc")
            print_flat(args.corpus, tmp, args)
    print(f"\ntotal {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
