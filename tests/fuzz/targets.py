"""Fuzz targets: one per reader (LOM, DC, JSON-LD, JSON Lines, HTML, envelopes) and one
per never-raising normaliser (``parse_licence``, ``normalize_language``).

Each target takes arbitrary bytes and raises :class:`FuzzError` (or lets an exception
escape) when oer_meta misbehaves: an exception out of a reader, a rule or a
formatter, or an internal error recorded while reading or checking (a crash that the
engine caught is still a bug).  The same targets run under atheris
(``python -m tests.fuzz.run TARGET``) and under hypothesis (tests/fuzz/test_targets.py).

Seeds are the project's examples and the real records of ``../shared/corpus`` and
``../shared/corpus-2``, read in place (never copied); the corpus is skipped when absent.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from oer_meta import internal
from oer_meta.engine import ValidationRun
from oer_meta.knowledge.languages import normalize_language
from oer_meta.knowledge.licences.parse import parse_licence
from oer_meta.model import Record
from oer_meta.readers.base import ReadItem, Unreadable
from oer_meta.readers.containers.envelopes import read_envelopes
from oer_meta.readers.containers.html import read_html
from oer_meta.readers.dispatch import DISPATCHER, annotate
from oer_meta.readers.jsonld.reader import read_json_lines
from oer_meta.readers.limits import ReadLimits
from oer_meta.report.results import Report
from tests.corpus_paths import CORPUS, CORPUS2, EXAMPLES

__all__ = ["SEEDS", "TARGETS", "FuzzError", "seeds"]

#: Limits small enough that fuzzed input reaches them (and their findings) quickly.
FUZZ_LIMITS = ReadLimits(max_values_per_field=50, max_records_per_file=20)
#: Seeds larger than this are cut (a fuzzer mutates small inputs best).
MAX_SEED_BYTES = 64 * 1024


class FuzzError(AssertionError):
    """oer_meta recorded an internal error on fuzzed input."""


def _fail_on_crashes() -> None:
    crashes = internal.drain()
    if crashes:
        first = crashes[0]
        raise FuzzError(f"{first.component}: {first.error}: {first.message}\n{first.traceback}")


def _check_items(items: Iterable[ReadItem]) -> None:
    """Check each record the way the engine does, and write it as the JSON report."""
    run = ValidationRun(limits=FUZZ_LIMITS)
    for item in items:
        if isinstance(item, Record):
            record = annotate(item)
            run.check(record)
            record.model_dump(mode="json")
        else:
            assert isinstance(item, Unreadable)
    _fail_on_crashes()


def _validate(data: bytes, fmt: str | None) -> None:
    """The whole path of a run over bytes: dispatch, reader, rules, batch rules, report."""
    internal.drain()
    run = ValidationRun(format=fmt, limits=FUZZ_LIMITS)
    results = list(run.results(data))
    report = Report(results=results)
    report.add_batch_findings(run.batch_findings())
    report.to_json()
    for result in results:
        if result.internal_errors:
            first = result.internal_errors[0]
            raise FuzzError(f"{first.component}: {first.error}: {first.message}")
    _fail_on_crashes()


def lom(data: bytes) -> None:
    _validate(data, "lom")


def dc(data: bytes) -> None:
    _validate(data, "dc")


def jsonld(data: bytes) -> None:
    _validate(data, "jsonld")


def jsonl(data: bytes) -> None:
    internal.drain()
    stream = io.BytesIO(data)
    _check_items(
        read_json_lines(stream, file=None, dispatcher=DISPATCHER, limits=FUZZ_LIMITS),
    )


def html(data: bytes) -> None:
    internal.drain()
    _check_items(read_html(data, file=None, dispatcher=DISPATCHER, limits=FUZZ_LIMITS))


def envelopes(data: bytes) -> None:
    internal.drain()
    try:
        value = json.loads(data)
    except (ValueError, RecursionError):
        return  # not JSON: the envelope reader is given parsed JSON only
    if not isinstance(value, dict):
        return
    _check_items(read_envelopes(value, file=None, dispatcher=DISPATCHER, limits=FUZZ_LIMITS))


def _text(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


def licence(data: bytes) -> None:
    internal.drain()
    parsed = parse_licence(_text(data))
    parsed.model_dump(mode="json")
    _fail_on_crashes()


def language(data: bytes) -> None:
    internal.drain()
    tag = normalize_language(_text(data))
    assert tag is None or isinstance(tag, str)
    _fail_on_crashes()


TARGETS: dict[str, Callable[[bytes], None]] = {
    "lom": lom,
    "dc": dc,
    "jsonld": jsonld,
    "jsonl": jsonl,
    "html": html,
    "envelopes": envelopes,
    "licence": licence,
    "language": language,
}

#: Seed files per target: folders (below examples/, the corpus and corpus-2) and suffixes.
_SEED_FILES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "lom": (("lom", "cartridge", "oai_dc"), (".xml",)),
    "dc": (("dc", "oai_dc", "dcterms"), (".xml",)),
    "jsonld": (("jsonld", "amb"), (".json", ".jsonld", ".json-ld")),
    "jsonl": (("jsonld", "amb", ""), (".jsonl",)),
    "html": (("jsonld", "amb", ""), (".html",)),
    "envelopes": (("oai_dc", "dcterms"), (".json",)),
}

#: Values for the normalisers (written here; the corpus adds its own through records).
_TEXT_SEEDS: dict[str, tuple[str, ...]] = {
    "licence": (
        "CC BY 4.0",
        "https://creativecommons.org/licenses/by-sa/4.0/deed.de",
        "CC-BY-NC-ND-3.0-DE",
        "GPL-2.0-or-later WITH Classpath-exception-2.0",
        "Public Domain",
        "(MIT OR Apache-2.0) AND CC0-1.0",
        "Namensnennung - Weitergabe unter gleichen Bedingungen",
        "http://rightsstatements.org/vocab/InC/1.0/",
    ),
    "language": ("en", "fr-CA", "eng", "deu", "English", "français", "zh-Hant-TW", "x-klingon"),
}


def _files(target: str) -> Iterator[Path]:
    folders, suffixes = _SEED_FILES[target]
    for root in (EXAMPLES, CORPUS, CORPUS2):
        for folder in folders:
            base = root / folder if folder else root
            if not base.is_dir():
                continue
            pattern = "*" if folder else "*.*"
            children = base.rglob(pattern) if folder else base.glob(pattern)
            for path in sorted(children):
                if path.is_file() and path.suffix in suffixes:
                    yield path


def seeds(target: str) -> list[bytes]:
    """The seed inputs of ``target``: files read in place (cut to MAX_SEED_BYTES)."""
    if target in _TEXT_SEEDS:
        return [s.encode("utf-8") for s in _TEXT_SEEDS[target]]
    found: list[bytes] = []
    seen: set[Path] = set()
    for path in _files(target):
        if path not in seen:
            seen.add(path)
            data = path.read_bytes()
            if target == "envelopes":
                found.extend(_envelope_documents(data))
            else:
                found.append(data[:MAX_SEED_BYTES])
    return found or [b"{}" if target != "lom" and target != "dc" else b"<lom/>"]


def _envelope_documents(data: bytes, most: int = 8) -> list[bytes]:
    """A few single envelopes of a Learning Registry file (a whole file is too big to
    mutate well)."""
    try:
        value = json.loads(data)
    except ValueError:
        return []
    docs = value.get("documents", [value]) if isinstance(value, dict) else value
    if not isinstance(docs, list):
        return []
    return [json.dumps(doc).encode("utf-8")[:MAX_SEED_BYTES] for doc in docs[:most]]


#: Seeds of every target, read once.
SEEDS: dict[str, list[bytes]] = {}


def seeds_of(target: str) -> list[bytes]:
    if target not in SEEDS:
        SEEDS[target] = seeds(target)
    return SEEDS[target]
