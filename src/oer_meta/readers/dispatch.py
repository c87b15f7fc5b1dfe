"""Turn what a caller hands over (path, bytes, text, dict, Record) into read items.

The format is told from the content, never from the file name: ``<`` starts XML (or an
HTML page carrying JSON-LD), ``{``/``[`` starts JSON, and JSON whose first line is a
whole document followed by more is JSON Lines.  ``input_format`` overrides.

Paths are untrusted too: only regular files are opened (a FIFO named ``x.xml`` would
block the batch forever, a device could be read without end), symbolic-link loops and
dangling links are named as such, and a file name that is not valid UTF-8 is shown with
backslash escapes (:func:`display_name`), never handed to a parser.
"""

from __future__ import annotations

import errno
import io
import json
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from lxml import etree

from oer_meta.errors import UnknownFormatError
from oer_meta.i18n import N_, joined, marked, said
from oer_meta.knowledge.licences.record import annotate
from oer_meta.model import Location, Record
from oer_meta.readers.base import (
    FORMATS,
    ItemSource,
    LineIndex,
    Positioner,
    ReadItem,
    Unreadable,
)
from oer_meta.readers.containers.envelopes import is_envelope, read_envelopes
from oer_meta.readers.containers.html import read_html, read_html_text
from oer_meta.readers.dc.reader import build_dc_record
from oer_meta.readers.encodings import Utf8Transcoder, utf32_codec
from oer_meta.readers.jsonld.reader import (
    read_json_bytes,
    read_json_lines,
    read_json_text,
    records_from_json,
)
from oer_meta.readers.limits import DEFAULT_LIMITS, ReadLimits
from oer_meta.readers.lom.reader import build_lom_record
from oer_meta.readers.xml.safety import SAFE_PARSER_OPTIONS
from oer_meta.readers.xml.stream import read_xml

Source = str | os.PathLike[str] | bytes | dict[str, Any] | list[Any] | Record | ItemSource

#: File endings picked up when a folder is walked.  A file named explicitly is always
#: read, whatever its name.
METADATA_SUFFIXES = frozenset(
    {".xml", ".lom", ".json", ".jsonld", ".json-ld", ".jsonl", ".ndjson", ".html", ".htm"}
)

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_SPACE = b" \t\n\r\f\v"
_JSONLD_SCRIPT_TYPE = b"application/ld+json"


def display_name(path: str | bytes | os.PathLike[Any]) -> str:
    """A path as text that is safe to print and to put in a report.

    Bytes that are not UTF-8 (a name written on a Latin-1 system) become backslash
    escapes (``bad\\xff.xml``), and so do control characters, so that a report is always
    valid UTF-8 and one line per file.
    """
    try:
        raw = os.fsencode(path)
    except UnicodeEncodeError:  # a str holding surrogates that no file system wrote
        raw = os.fspath(path).encode("utf-8", "surrogatepass")  # type: ignore[union-attr]
    text = raw.decode("utf-8", "backslashreplace")
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else _escape(char) for char in text)


def _escape(char: str) -> str:
    code = ord(char)
    if char in "\t\n\r":
        return {"\t": "\\t", "\n": "\\n", "\r": "\\r"}[char]
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def check_format(input_format: str | None) -> str | None:
    """Validate an ``input_format`` argument (``None`` means: detect)."""
    if input_format is None:
        return None
    value = input_format.strip().lower()
    aliases = {"oai_dc": "dc", "dcterms": "dc", "json-ld": "jsonld", "lrmi": "jsonld"}
    value = aliases.get(value, value)
    if value not in FORMATS:
        raise UnknownFormatError(
            said(
                "unknown input format {format!r}; use one of {formats}",
                format=input_format,
                formats=joined(", ", FORMATS),
            )
        )
    return value


def looks_like_content(text: str) -> bool:
    """A ``str`` argument is content (not a path) when it starts like XML or JSON or
    spans several lines."""
    stripped = text.lstrip("\ufeff \t\r\n")
    return stripped[:1] in ("<", "{", "[") or "\n" in text


def _starts_like_html(head: bytes) -> bool:
    """True when, after blanks and comments, ``head`` opens an HTML document.

    A plain loop, not a regular expression: comments are skipped with ``find``, so the
    work is linear whatever the bytes (``<!---->`` repeated cannot make it backtrack).
    """
    pos, size = 0, len(head)
    while True:
        while pos < size and head[pos] in _SPACE:
            pos += 1
        if not head.startswith(b"<!--", pos):
            break
        end = head.find(b"-->", pos + 4)
        if end < 0:
            return False
        pos = end + 3
    tag = head[pos : pos + 10].lower()
    if tag.startswith(b"<!doctype"):
        after = pos + 9
        blank = after
        while blank < size and head[blank] in _SPACE:
            blank += 1
        return blank > after and head[blank : blank + 4].lower() == b"html"
    return tag.startswith(b"<html") and len(tag) > 5 and (tag[5] in _SPACE or tag[5:6] == b">")


def _has_jsonld_script(head: bytes) -> bool:
    """True when a ``<script`` start tag in ``head`` names ``application/ld+json``.

    Each tag is looked at up to its ``>`` once, and scanning goes on after it: linear.
    """
    low = head.lower()
    pos = low.find(b"<script")
    while pos >= 0:
        end = low.find(b">", pos)
        stop = len(low) if end < 0 else end
        if low.find(_JSONLD_SCRIPT_TYPE, pos + 8, stop) >= 0:
            return True
        if end < 0:
            return False
        pos = low.find(b"<script", end)
    return False


def _kind(head: bytes) -> str:
    codec = utf32_codec(head)
    if codec is not None:
        usable = head[: len(head) // 4 * 4]
        head = usable.decode(codec, "replace").encode("utf-8")
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    stripped = head.lstrip()
    if head.startswith((b"\x00<", b"<\x00")):
        return "xml"  # UTF-16 without BOM; lxml reads it
    if _starts_like_html(stripped):
        return "html"
    if stripped.startswith(b"<"):
        if _has_jsonld_script(head) and b"<?xml" not in head[:100]:
            return "html"
        return "xml"
    if stripped[:1] in (b"{", b"["):
        return "json"
    return "unknown"


def _is_json_lines(handle: IO[bytes]) -> bool:
    """True when the content is JSON Lines: its first non-blank line is a whole JSON
    document and more non-blank content follows (a pretty-printed document opens with
    a line such as ``{`` that is not one).  The handle is rewound.

    The second line is looked for before the first is decoded, so that a document
    written on one line is not decoded twice.
    """
    try:
        first: bytes | None = None
        for raw in handle:
            if not raw.strip():
                continue
            if first is None:
                first = raw
                continue
            if first.startswith(b"\xef\xbb\xbf"):
                first = first[3:]
            json.loads(first.decode("utf-8"))
            return True
        return False
    except ValueError:  # also UnicodeDecodeError: let the whole-file reader say where
        return False
    finally:
        handle.seek(0)


def read_bytes(
    data: bytes,
    *,
    file: str | None,
    input_format: str | None,
    limits: ReadLimits | None = None,
) -> Iterator[ReadItem]:
    """Read records from a whole document held in memory."""
    limits = limits or DEFAULT_LIMITS
    stream = io.BytesIO(data)
    items = _read_stream(stream, len(data), file=file, fmt=input_format, limits=limits, disk=False)
    yield from _at_most(items, limits, file)


def read_handle(
    handle: IO[bytes],
    size: int,
    *,
    file: str | None,
    input_format: str | None,
    limits: ReadLimits | None = None,
) -> Iterator[ReadItem]:
    """Read records from an open binary handle (a harvested page spooled to a temporary
    file, a response being received).  It must allow ``seek(0)`` while the first lines
    are looked at; ``size`` is its length when known, else 0."""
    limits = limits or DEFAULT_LIMITS
    items = _read_stream(handle, size, file=file, fmt=input_format, limits=limits, disk=False)
    yield from _at_most(items, limits, file)


def read_path(
    path: Path, *, input_format: str | None, limits: ReadLimits | None = None
) -> Iterator[ReadItem]:
    """Read records from one regular file; XML is streamed from disk."""
    limits = limits or DEFAULT_LIMITS
    name = display_name(path)
    opened = _open_regular(path, name)
    if isinstance(opened, Unreadable):
        yield opened
        return
    handle, size = opened
    with handle:
        items = _read_stream(handle, size, file=name, fmt=input_format, limits=limits, disk=True)
        yield from _at_most(items, limits, name)


def is_json_lines_file(path: Path) -> bool:
    """Whether :func:`read_path` reads the regular file ``path`` line by line as JSON
    Lines (a run with several jobs cuts only such files; docs/parallel.md)."""
    opened = _open_regular(path, display_name(path))
    if isinstance(opened, Unreadable):
        return False
    handle, _ = opened
    with handle:
        head = handle.read(4096)
        handle.seek(0)
        return _kind(head) == "json" and utf32_codec(head) is None and _is_json_lines(handle)


def read_json_lines_chunk(
    path: Path,
    start: int,
    end: int,
    *,
    first_line: int,
    input_format: str | None,
    limits: ReadLimits | None = None,
) -> Iterator[ReadItem]:
    """The records of bytes ``[start, end)`` of the JSON Lines file ``path``, whole lines
    whose first is line ``first_line`` of the file, as :func:`read_path` reads them
    (the same file name and line numbers), licence statements parsed."""
    limits = limits or DEFAULT_LIMITS
    name = display_name(path)
    opened = _open_regular(path, name)
    if isinstance(opened, Unreadable):
        yield opened
        return
    handle, _ = opened
    with handle:
        handle.seek(start)
        data = io.BytesIO(handle.read(end - start))
    items = read_json_lines(
        data,
        file=name,
        dispatcher=DISPATCHER,
        input_format=check_format(input_format),
        limits=limits,
        first_line=first_line,
    )
    for item in items:
        yield item if isinstance(item, Unreadable) else annotate(item)


class _NoTarget:
    """A parser target that keeps nothing: the parse only checks the syntax."""

    def close(self) -> None:
        return None


def is_well_formed_xml(path: Path) -> bool:
    """Whether the XML file ``path`` parses to its end, with the readers' safe options,
    building nothing (a run with several jobs cuts only such files: where reading
    stops at an error depends on how much the parser had read, docs/parallel.md)."""
    target: Any = _NoTarget()  # lxml's stubs ask for every method of a target
    parser = etree.XMLParser(target=target, **SAFE_PARSER_OPTIONS)
    try:
        with path.open("rb") as handle:
            while block := handle.read(1 << 20):
                parser.feed(block)
        parser.close()
    except (etree.XMLSyntaxError, OSError):
        return False
    return True


def read_records_chunk(
    path: Path,
    span: tuple[int, int],
    *,
    head: int,
    close: int,
    first_line: int,
    first_record: int,
    input_format: str | None,
    limits: ReadLimits | None = None,
) -> Iterator[ReadItem]:
    """The records of bytes ``span`` of the OAI-PMH ListRecords file ``path``: whole
    top-level records, read inside the response's opening (bytes up to ``head``) and
    closing (from ``close``), with the file's name, lines and record positions
    (docs/parallel.md).  A span starting at 0 holds the opening itself."""
    limits = limits or DEFAULT_LIMITS
    name = display_name(path)
    opened = _open_regular(path, name)
    if isinstance(opened, Unreadable):
        yield opened
        return
    handle, _ = opened
    start, end = span
    with handle:
        parts: list[bytes] = []
        offset = 0
        if start:
            opening = handle.read(head)
            parts += [opening, b"\n"]
            offset = first_line - opening.count(b"\n") - 2
        handle.seek(start)
        parts.append(handle.read(end - start))
        handle.seek(close)
        parts.append(handle.read())
    items = read_xml(
        io.BytesIO(b"".join(parts)),
        file=name,
        build_lom=build_lom_record,
        build_dc=build_dc_record,
        input_format=check_format(input_format),
        line_offset=offset,
        limits=limits,
        first_record=first_record,
        repairable=False,
    )
    for item in items:
        yield item if isinstance(item, Unreadable) else annotate(item)


def _read_stream(
    handle: IO[bytes],
    size: int,
    *,
    file: str | None,
    fmt: str | None,
    limits: ReadLimits,
    disk: bool,
) -> Iterator[ReadItem]:
    """Tell the kind of ``handle``'s content and read it (``disk``: an opened file)."""
    if limits.max_file_bytes is not None and size > limits.max_file_bytes:
        yield Unreadable(
            said(
                "the input holds {size} bytes, more than the limit of {limit} bytes per "
                "file: it was not read",
                size=size,
                limit=limits.max_file_bytes,
            ),
            Location(file=file),
            hint=said(
                "split the input into smaller files, or raise the limit (--max-file-size, "
                "max-file-size in [limits])"
            ),
        )
        return
    head = handle.read(4096)
    handle.seek(0)
    kind = _kind(head)
    codec = utf32_codec(head)
    if kind == "json" and codec is None and _is_json_lines(handle):
        yield from read_json_lines(
            handle, file=file, dispatcher=DISPATCHER, input_format=fmt, limits=limits
        )
        return
    if kind != "xml" and size > limits.max_document_bytes:
        yield Unreadable(
            said(
                "file too large to read whole ({size} bytes; limit {limit})",
                size=size,
                limit=limits.max_document_bytes,
            ),
            Location(file=file),
        )
        return
    if size == 0 and disk:
        yield Unreadable(said("empty file"), Location(file=file, line=1, column=1))
        return
    if codec is not None:
        yield from _read_utf32(handle, kind, codec, file=file, fmt=fmt, limits=limits)
        return
    yield from _dispatch(kind, handle, file=file, fmt=fmt, limits=limits)


def _read_utf32(
    handle: IO[bytes],
    kind: str,
    codec: str,
    *,
    file: str | None,
    fmt: str | None,
    limits: ReadLimits,
) -> Iterator[ReadItem]:
    """UTF-32 input, which neither libxml2 nor the JSON reader takes: transcoded to
    UTF-8 (XML as it streams, JSON and HTML whole)."""
    stream: IO[bytes] = Utf8Transcoder(handle, codec)  # type: ignore[assignment]
    if kind != "xml":
        try:
            stream = io.BytesIO(stream.read())
        except UnicodeDecodeError as exc:
            yield Unreadable(
                said("not valid UTF-32: {reason}", reason=exc.reason),
                Location(file=file, line=1, column=1),
                hint=said("save the file as UTF-8"),
            )
            return
    yield from _dispatch(kind, stream, file=file, fmt=fmt, limits=limits)


def _at_most(items: Iterator[ReadItem], limits: ReadLimits, file: str | None) -> Iterator[ReadItem]:
    """``items``, stopped after ``limits.max_records_per_file`` records."""
    limit = limits.max_records_per_file
    if limit is None:
        yield from items
        return
    count = 0
    for item in items:
        if isinstance(item, Record):
            if count == limit:
                yield Unreadable(
                    said(
                        "the input holds more than 1 record, the reader limit per file: "
                        "the rest of it was not read"
                    )
                    if limit == 1
                    else said(
                        "the input holds more than {limit} records, the reader limit per "
                        "file: the rest of it was not read",
                        limit=limit,
                    ),
                    item.location,
                    hint=said("split the input into smaller files, or raise the limit"),
                )
                return
            count += 1
        yield item


_MODE_NAMES = (
    (stat.S_ISDIR, N_("a directory")),
    (stat.S_ISFIFO, N_("a FIFO (named pipe)")),
    (stat.S_ISSOCK, N_("a socket")),
    (stat.S_ISCHR, N_("a character device")),
    (stat.S_ISBLK, N_("a block device")),
)


def _not_regular(name: str, mode: int, path: Path | None = None) -> Unreadable:
    if path is not None and stat.S_ISDIR(mode):
        try:
            with os.scandir(path):
                pass
        except OSError as exc:  # met while a folder was walked: say why it was not
            return Unreadable(
                said(
                    "cannot read folder {name}: {error}; the files in it were not checked",
                    name=name,
                    error=exc.strerror or str(exc),
                ),
                Location(file=name),
                hint=said(
                    "give the user running oer-meta permission to list the folder "
                    "(read and execute), or leave it out"
                ),
            )
    what = next((label for test, label in _MODE_NAMES if test(mode)), N_("not a plain file"))
    return Unreadable(
        said(
            "not a regular file: {name} is {what}; only regular files are read",
            name=name,
            what=marked(what),
        ),
        Location(file=name),
        hint=said("give the path of a metadata file"),
    )


def _open_failure(path: Path, name: str, exc: OSError) -> Unreadable:
    """Why ``path`` could not be opened, with symbolic links named as such."""
    if exc.errno == errno.ELOOP:
        message = said(
            "symbolic link loop: {name} leads back to itself and names no file", name=name
        )
    elif exc.errno == errno.ENOENT and path.is_symlink():
        try:
            target = display_name(path.readlink())
        except OSError:
            target = "?"
        message = said(
            "dangling symbolic link: {name} points to {target}, which does not exist",
            name=name,
            target=target,
        )
    else:
        message = said("cannot open file: {error}", error=exc.strerror or str(exc))
    return Unreadable(message, Location(file=name))


def _open_regular(path: Path, name: str) -> tuple[IO[bytes], int] | Unreadable:
    """``(handle, size)`` for a regular file, else the reason it is not read.

    The type is checked before opening (opening a FIFO blocks, opening a device may act
    on it) and again on the open descriptor, in case the path changed in between; the
    open itself never blocks (``O_NONBLOCK``).
    """
    try:
        info = path.stat()
    except OSError as exc:
        return _open_failure(path, name, exc)
    if not stat.S_ISREG(info.st_mode):
        return _not_regular(name, info.st_mode, path)
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        return _open_failure(path, name, exc)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            os.close(fd)
            return _not_regular(name, info.st_mode)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb"), info.st_size
    except BaseException:
        os.close(fd)
        raise


def _dispatch(
    kind: str, stream: IO[bytes], *, file: str | None, fmt: str | None, limits: ReadLimits
) -> Iterator[ReadItem]:
    if kind == "xml" and fmt != "jsonld":
        yield from read_xml(
            stream,
            file=file,
            build_lom=build_lom_record,
            build_dc=build_dc_record,
            input_format=fmt,
            limits=limits,
        )
    elif kind == "html" and fmt in (None, "jsonld"):
        yield from read_html(stream.read(), file=file, dispatcher=DISPATCHER, limits=limits)
    elif kind == "json" and fmt in (None, "jsonld", "dc", "lom"):
        yield from read_json_bytes(
            stream.read(), file=file, dispatcher=DISPATCHER, input_format=fmt, limits=limits
        )
    elif kind == "unknown":
        yield Unreadable(
            said(
                "neither XML nor JSON: the content starts with neither '<' nor {openers}",
                openers="'{' / '['",
            ),
            Location(file=file, line=1, column=1),
            hint=said("oer_meta reads LOM and Dublin Core XML, and schema.org JSON-LD"),
        )
    else:
        yield Unreadable(
            said(
                "the content is {kind}, not the {format} format that was asked for",
                kind=kind.upper(),
                format=fmt,
            ),
            Location(file=file, line=1, column=1),
            hint=said("drop --input-format to let oer_meta detect the format"),
        )


def iter_source(
    source: Source, *, input_format: str | None = None, limits: ReadLimits | None = None
) -> Iterator[ReadItem]:
    """Every record (or :class:`Unreadable`) in one source of any accepted kind.

    Each record leaves with its licence statements parsed (``spdx``, ``url``,
    ``openness`` filled in), whichever reader built it.  ``limits`` bounds how much
    is read (:class:`~oer_meta.readers.limits.ReadLimits`; the defaults when ``None``).
    """
    for item in _iter_items(source, input_format=input_format, limits=limits or DEFAULT_LIMITS):
        yield item if isinstance(item, Unreadable) else annotate(item)


def _iter_items(
    source: Source, *, input_format: str | None, limits: ReadLimits
) -> Iterator[ReadItem]:
    fmt = check_format(input_format)
    if isinstance(source, Record):
        yield source
    elif isinstance(source, ItemSource):
        yield from source.read_items(input_format=fmt, limits=limits)
    elif isinstance(source, (dict, list)):
        yield from records_from_json(source, file=None, dispatcher=DISPATCHER, limits=limits)
    elif isinstance(source, (bytes, bytearray, memoryview)):
        yield from read_bytes(bytes(source), file=None, input_format=fmt, limits=limits)
    elif isinstance(source, str) and looks_like_content(source):
        # A lone surrogate cannot be UTF-8; kept as bytes, it is reported where it is.
        data = source.encode("utf-8", "surrogatepass")
        yield from read_bytes(data, file=None, input_format=fmt, limits=limits)
    elif isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if path.is_dir():
            for child in walk(path):
                yield from read_path(child, input_format=fmt, limits=limits)
        else:
            yield from read_path(path, input_format=fmt, limits=limits)
    else:
        raise TypeError(
            f"cannot read a {type(source).__name__}; give a path, bytes, str, dict or Record"
        )


class _Dispatcher:
    """The :class:`~oer_meta.readers.base.Dispatcher` handed to the JSON-LD reader and to
    the containers: each payload they find goes back to the reader of its format."""

    def xml(
        self,
        stream: IO[bytes],
        *,
        file: str | None,
        line_offset: int | None = 0,
        path_prefix: str = "",
        limits: ReadLimits | None = None,
    ) -> Iterator[ReadItem]:
        return read_xml(
            stream,
            file=file,
            build_lom=build_lom_record,
            build_dc=build_dc_record,
            line_offset=line_offset,
            path_prefix=path_prefix,
            limits=limits,
        )

    def json_value(
        self,
        value: Any,
        *,
        file: str | None,
        pointer: str = "",
        position: Positioner | None = None,
        limits: ReadLimits | None = None,
    ) -> Iterator[ReadItem]:
        return records_from_json(
            value, file=file, dispatcher=self, pointer=pointer, position=position, limits=limits
        )

    def json_text(
        self,
        text: str,
        *,
        file: str | None,
        lines: LineIndex,
        base: int = 0,
        in_page: bool = False,
        limits: ReadLimits | None = None,
    ) -> Iterator[ReadItem]:
        return read_json_text(
            text, file=file, lines=lines, dispatcher=self, base=base, in_page=in_page, limits=limits
        )

    def page(self, text: str, *, file: str | None, limits: ReadLimits | None) -> Iterator[ReadItem]:
        return read_html_text(text, file=file, dispatcher=self, limits=limits)

    def envelopes(
        self,
        value: dict[str, Any],
        *,
        file: str | None,
        pointer: str,
        position: Positioner | None,
        limits: ReadLimits | None,
    ) -> Iterator[ReadItem] | None:
        if not is_envelope(value):
            return None
        return read_envelopes(
            value, file=file, dispatcher=self, pointer=pointer, position=position, limits=limits
        )


#: The one dispatcher: pass it to a format or container reader called directly.
DISPATCHER = _Dispatcher()


def walk(folder: Path, keep: Callable[[Path, bool], bool] | None = None) -> Iterator[Path]:
    """Metadata files below ``folder``, in a stable order, hidden entries skipped.

    Every entry with a metadata ending is given, whatever its type: the reader says
    that a FIFO or a broken link is not a regular file, rather than the walk hiding
    it.  A folder that cannot be listed (no permission) is given too, in its place, so
    that reading it reports it instead of the walk skipping it silently.  Linked folders
    are not followed (no loops).  ``keep(path, is_folder)``, when given, decides instead
    of the endings which files are given and which folders are entered (a
    configuration's include and exclude globs).
    """
    failed: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=failed.append):
        yield from _unlisted(failed)
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and (keep is None or keep(Path(root, d), True))
        )
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root, name)
            if keep is None:
                if path.suffix.lower() in METADATA_SUFFIXES:
                    yield path
            elif keep(path, False):
                yield path
    yield from _unlisted(failed)


def _unlisted(failed: list[OSError]) -> Iterator[Path]:
    """The folders ``os.walk`` could not list since it was last asked (and forget them)."""
    for exc in failed:
        if exc.filename is not None:
            yield Path(os.fsdecode(exc.filename))
    failed.clear()


def expand(paths: Iterable[Source]) -> Iterator[Source]:
    """Replace each folder among ``paths`` by the metadata files inside it.  A file met
    twice (named twice, named and inside a named folder, or reached through a link) is
    given once: the batch holds each record once, and batch rules see no false twins."""
    seen: set[tuple[int, int]] = set()
    for item in paths:
        if isinstance(item, (str, os.PathLike)) and not (
            isinstance(item, str) and looks_like_content(item)
        ):
            path = Path(item)
            if path.is_dir():
                for found in walk(path):
                    if _first_time(found, seen):
                        yield found
                continue
            if not _first_time(path, seen):
                continue
        yield item


def _first_time(path: Path, seen: set[tuple[int, int]]) -> bool:
    """Whether the file at ``path`` was not met before (a file that cannot be looked at
    counts as new: reading it will say why it cannot be read)."""
    try:
        info = path.stat()
    except (OSError, ValueError):
        return True
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True
