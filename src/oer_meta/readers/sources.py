"""Turn what a caller hands over (path, bytes, text, dict, Record) into read items.

The format is told from the content, never from the file name: ``<`` starts XML (or an
HTML page carrying JSON-LD), ``{``/``[`` starts JSON.  ``input_format`` overrides.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from oer_meta.errors import UnknownFormatError
from oer_meta.model import Location, Record
from oer_meta.readers.base import FORMATS, ReadItem, Unreadable
from oer_meta.readers.xml_safety import MAX_DOCUMENT_BYTES

Source = str | os.PathLike[str] | bytes | dict[str, Any] | list[Any] | Record

#: File endings picked up when a folder is walked.  A file named explicitly is always
#: read, whatever its name.
METADATA_SUFFIXES = frozenset(
    {".xml", ".lom", ".json", ".jsonld", ".json-ld", ".jsonl", ".ndjson", ".html", ".htm"}
)

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*(<!doctype\s+html|<html[\s>])", re.I | re.S)


def check_format(input_format: str | None) -> str | None:
    """Validate an ``input_format`` argument (``None`` means: detect)."""
    if input_format is None:
        return None
    value = input_format.strip().lower()
    aliases = {"oai_dc": "dc", "dcterms": "dc", "json-ld": "jsonld", "lrmi": "jsonld"}
    value = aliases.get(value, value)
    if value not in FORMATS:
        raise UnknownFormatError(
            f"unknown input format {input_format!r}; use one of {', '.join(FORMATS)}"
        )
    return value


def looks_like_content(text: str) -> bool:
    """A ``str`` argument is content (not a path) when it starts like XML or JSON or
    spans several lines."""
    stripped = text.lstrip("\ufeff \t\r\n")
    return stripped[:1] in ("<", "{", "[") or "\n" in text


def _kind(head: bytes) -> str:
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    stripped = head.lstrip()
    if head.startswith((b"\x00<", b"<\x00")):
        return "xml"  # UTF-16 without BOM; lxml reads it
    if _HTML_START.match(stripped):
        return "html"
    if stripped.startswith(b"<"):
        if re.search(rb"<script[^>]+application/ld\+json", head, re.I) and not re.search(
            rb"<\?xml", head[:100]
        ):
            return "html"
        return "xml"
    if stripped[:1] in (b"{", b"["):
        return "json"
    return "unknown"


#: File endings of JSON Lines, read one line at a time rather than whole.
JSON_LINES_SUFFIXES = frozenset({".jsonl", ".ndjson"})


def _first_line_is_json(handle: IO[bytes]) -> bool:
    """True when the first non-blank line is a JSON document by itself: the file really
    is JSON Lines, not one pretty-printed document saved as ``.jsonl``.  The handle is
    rewound."""
    import json

    try:
        for raw in handle:
            if raw.strip():
                json.loads(raw)
                return True
        return False
    except ValueError:  # also UnicodeDecodeError: let the whole-file reader say where
        return False
    finally:
        handle.seek(0)


def read_bytes(data: bytes, *, file: str | None, input_format: str | None) -> Iterator[ReadItem]:
    """Read records from a whole document held in memory."""
    yield from _dispatch(_kind(data[:4096]), io.BytesIO(data), file=file, fmt=input_format)


def read_path(path: Path, *, input_format: str | None) -> Iterator[ReadItem]:
    """Read records from one file; XML is streamed from disk."""
    name = str(path)
    try:
        size = path.stat().st_size
        handle = path.open("rb")
    except OSError as exc:
        yield Unreadable(f"cannot open file: {exc.strerror or exc}", Location(file=name))
        return
    with handle:
        head = handle.read(4096)
        handle.seek(0)
        kind = _kind(head)
        if (
            kind == "json"
            and path.suffix.lower() in JSON_LINES_SUFFIXES
            and _first_line_is_json(handle)
        ):
            from oer_meta.readers.jsonld import read_json_lines

            yield from read_json_lines(handle, file=name, input_format=input_format)
            return
        if kind != "xml" and size > MAX_DOCUMENT_BYTES:
            yield Unreadable(
                f"file too large to read whole ({size} bytes; limit {MAX_DOCUMENT_BYTES})",
                Location(file=name),
            )
            return
        if size == 0:
            yield Unreadable("empty file", Location(file=name, line=1, column=1))
            return
        yield from _dispatch(kind, handle, file=name, fmt=input_format)


def _dispatch(
    kind: str, stream: IO[bytes], *, file: str | None, fmt: str | None
) -> Iterator[ReadItem]:
    if kind == "xml" and fmt != "jsonld":
        from oer_meta.readers.xml_stream import read_xml

        yield from read_xml(stream, file=file, input_format=fmt)
    elif kind == "html" and fmt in (None, "jsonld"):
        from oer_meta.readers.html import read_html

        yield from read_html(stream.read(), file=file)
    elif kind == "json" and fmt in (None, "jsonld", "dc", "lom"):
        from oer_meta.readers.jsonld import read_json_bytes

        yield from read_json_bytes(stream.read(), file=file, input_format=fmt)
    elif kind == "unknown":
        yield Unreadable(
            "neither XML nor JSON: the content starts with neither '<' nor '{' / '['",
            Location(file=file, line=1, column=1),
            hint="oer_meta reads LOM and Dublin Core XML, and schema.org JSON-LD",
        )
    else:
        yield Unreadable(
            f"the content is {kind.upper()}, not the {fmt} format that was asked for",
            Location(file=file, line=1, column=1),
            hint="drop --input-format to let oer_meta detect the format",
        )


def iter_source(source: Source, *, input_format: str | None = None) -> Iterator[ReadItem]:
    """Every record (or :class:`Unreadable`) in one source of any accepted kind.

    Each record leaves with its licence statements parsed (``spdx``, ``url``,
    ``openness`` filled in), whichever reader built it.
    """
    from oer_meta.licences.record import annotate

    for item in _iter_items(source, input_format=input_format):
        yield item if isinstance(item, Unreadable) else annotate(item)


def _iter_items(source: Source, *, input_format: str | None = None) -> Iterator[ReadItem]:
    fmt = check_format(input_format)
    if isinstance(source, Record):
        yield source
    elif isinstance(source, (dict, list)):
        from oer_meta.readers.jsonld import records_from_json

        yield from records_from_json(source, file=None)
    elif isinstance(source, (bytes, bytearray, memoryview)):
        yield from read_bytes(bytes(source), file=None, input_format=fmt)
    elif isinstance(source, str) and looks_like_content(source):
        yield from read_bytes(source.encode("utf-8"), file=None, input_format=fmt)
    elif isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if path.is_dir():
            for child in walk(path):
                yield from read_path(child, input_format=fmt)
        else:
            yield from read_path(path, input_format=fmt)
    else:
        raise TypeError(
            f"cannot read a {type(source).__name__}; give a path, bytes, str, dict or Record"
        )


def walk(folder: Path) -> Iterator[Path]:
    """Metadata files below ``folder``, in a stable order, hidden entries skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root, name)
            if path.suffix.lower() in METADATA_SUFFIXES:
                yield path


def expand(paths: Iterable[Source]) -> Iterator[Source]:
    """Replace each folder among ``paths`` by the metadata files inside it."""
    for item in paths:
        if isinstance(item, (str, os.PathLike)) and not (
            isinstance(item, str) and looks_like_content(item)
        ):
            path = Path(item)
            if path.is_dir():
                yield from walk(path)
                continue
        yield item
