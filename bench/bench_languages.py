"""Benchmark: ``normalize_language`` calls per second (cold and cached), and what the LANG
rule pack adds to the validation of a record.

Run:  python bench/bench_languages.py [--seconds S] [--corpus PATH] [--repeat N]

The language values are every resource language, metadata language and string language
(titles, descriptions, keywords) of the records in ``../shared/corpus``; without the
corpus, a built-in list of varied values is used.  "Uncached" calls the undecorated
reader (``oer_meta.knowledge.languages._inspect``), so it measures the work itself; "cached" is what
a harvest that repeats the same values sees.  The pack's cost is measured twice: the LANG
rules alone on records already read, and the whole validation of the examples and the
corpus with every rule against every rule but LANG (the difference is the added cost).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from _timing import rate

import oer_meta
from oer_meta.knowledge import languages
from oer_meta.model import Record

ROOT = Path(__file__).resolve().parent.parent

BUILT_IN = [
    "en", "EN-us", "en_US", "fre", "FRE", "fra-CA", "ger", "deu", "iw", "zh-Hant-TW",
    "sr-Latn", "es-419", "en-Latn-US", "en-UK", "i-klingon", "zh-yue", "none", "x-none",
    "zxx", "mul", "und", "English", "Français", "Deutsch", "Español", "Chinese (Simplified)",
    "English (United States)", "Greek, Modern (1453-)", "Multilingual",
    "http://id.loc.gov/vocabulary/iso639-2/fre", "http://id.loc.gov/vocabulary/iso639-1/el",
    "In English, Italian, and Spanish.", "other", "xx", "", "unknown language value",
]  # fmt: skip


def record_files(corpus: Path) -> list[Path]:
    """The examples, then every file of the corpus that is not a schema."""
    files = sorted(p for p in (ROOT / "examples").rglob("*") if p.is_file())
    if corpus.is_dir():
        files += sorted(
            p
            for p in corpus.rglob("*")
            if p.is_file() and p.name != "SOURCES.md" and "xsd" not in p.parts
        )
    return files


def read_all(files: list[Path]) -> list[Record]:
    records: list[Record] = []
    for path in files:
        try:
            records.extend(r for r in oer_meta.read_records(path) if not r.deleted)
        except Exception:  # not a record file (JSON Schemas...) or broken on purpose
            continue
    return records


def language_values(records: list[Record]) -> list[str]:
    values: list[str] = []
    for record in records:
        values += [t.value for t in record.languages]
        values += [t.value for t in record.metadata_languages]
        for texts in (record.titles, record.descriptions, record.keywords):
            values += [t.language for t in texts if t.language is not None]
    return values


COLD_START = (
    "import time; t = time.perf_counter(); import oer_meta; "
    "oer_meta.normalize_language('fre'); t1 = time.perf_counter(); "
    "oer_meta.normalize_language('Deutsch'); oer_meta.normalize_language('Castellano'); "
    "print(t1 - t, time.perf_counter() - t1)"
)


def cold_start() -> tuple[float, float]:
    """Seconds to the first tag (import, registry index) and then to the first two names
    (name tries loaded), in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", COLD_START], capture_output=True, text=True, check=True
    )
    first, names = out.stdout.split()
    return float(first), float(names)


def pack_only(records: list[Record], repeat: int) -> float:
    """Best seconds per record for the LANG rules alone on records already read."""
    profile = oer_meta.load_profile("unesco").adjusted(select=["LANG"])
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for record in records:
            oer_meta.check(record, profile)
        best = min(best, time.perf_counter() - start)
    return best / max(len(records), 1)


def end_to_end(files: list[Path], repeat: int, ignore: list[str]) -> tuple[float, int]:
    """Best seconds per record to validate ``files`` with every rule except ``ignore``."""
    best, count = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = sum(1 for _ in oer_meta.validate_many(files, profile="unesco", ignore=ignore))
        best = min(best, time.perf_counter() - start)
    return best / max(count, 1), count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args(argv)

    first, names = cold_start()
    print(f"cold start: first tag {first * 1000:.0f} ms (import + registry index); "
          f"first names {names * 1000:.0f} ms (name tries)")  # fmt: skip

    files = record_files(args.corpus)
    records = read_all(files)
    values = language_values(records)
    source = f"{len(records)} records, {len(values)} language values, {len(set(values))} distinct"
    if not values:
        values, source = list(BUILT_IN), f"built-in list ({len(BUILT_IN)} values)"
    print(f"values: {source}")
    languages.inspect_language("warm-up")
    uncached = rate(languages._inspect, values, args.seconds)
    print(f"uncached: {uncached:,.0f} calls/s ({1e6 / uncached:.1f} µs/call)")
    cached = rate(oer_meta.normalize_language, values, args.seconds)
    print(f"cached:   {cached:,.0f} calls/s ({1e6 / cached:.2f} µs/call)")
    varied = rate(languages._inspect, BUILT_IN, args.seconds)
    print(f"uncached, built-in list ({len(BUILT_IN)} varied values): {varied:,.0f} calls/s")

    per_record = pack_only(records, args.repeat)
    print(f"LANG rules alone on {len(records)} records already read: "
          f"{per_record * 1e6:.0f} µs/record")  # fmt: skip
    with_lang, count = end_to_end(files, args.repeat, [])
    without, _ = end_to_end(files, args.repeat, ["LANG"])
    added = with_lang - without
    print(f"validate {len(files)} files ({count} results), unesco profile: "
          f"{with_lang * 1e3:.2f} ms/record with LANG, {without * 1e3:.2f} ms/record without "
          f"-> LANG adds {added * 1e6:.0f} µs/record ({added / without:+.1%})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
