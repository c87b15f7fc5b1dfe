"""Worker processes for ``jobs > 1``: what each worker reads, and the ordered pool.

A run with several jobs cuts its input into *tasks*: a whole file (LOM files, a folder
of records, bytes, a dict), or a slice of lines of one large JSON Lines file, so that
one harvest is shared between the workers too (docs/parallel.md).  Each worker reads
and checks its tasks; the parent gets their outcomes back **in input order** from
:func:`ordered_map`, which keeps a bounded number of tasks in flight (memory stays flat
whatever the input's size), makes the workers ignore SIGINT (the parent's Ctrl-C
handling decides when to stop) and stops them when the parent stops reading.

This module knows no rule and no result: the engine hands it the function that
checks one task (a module-level function, pickled by name) and what it returns.
"""

from __future__ import annotations

import gc
import mmap
import multiprocessing
import os
import re
import signal
import stat
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any, TypeVar

from oer_meta.readers.base import ReadItem
from oer_meta.readers.dispatch import (
    Source,
    expand,
    is_json_lines_file,
    is_well_formed_xml,
    iter_source,
    looks_like_content,
    read_json_lines_chunk,
    read_records_chunk,
)
from oer_meta.readers.limits import ReadLimits

__all__ = [
    "CHUNK_BYTES",
    "PARALLEL_BYTES",
    "WARM_UP",
    "Chunk",
    "RecordsChunk",
    "Task",
    "cpu_jobs",
    "forks",
    "groups",
    "ordered_map",
    "read_task",
    "tasks",
    "worth_forking",
]

T = TypeVar("T")
R = TypeVar("R")

#: Bytes of JSON Lines per task: large enough that sending a task and its results
#: costs little next to checking it, small enough that both workers stay busy.
CHUNK_BYTES = 256 * 1024

#: JSON Lines files smaller than this are one task, like any other file.
SPLIT_BYTES = 2 * CHUNK_BYTES


@dataclass(frozen=True)
class Chunk:
    """Lines ``[start, end)`` (byte offsets) of a JSON Lines file, whose first line is
    line ``first_line`` of the file: locations stay the file's."""

    path: str
    start: int
    end: int
    first_line: int


@dataclass(frozen=True)
class RecordsChunk:
    """Top-level ``record`` elements of an OAI-PMH ListRecords file: bytes
    ``[start, end)``, whole lines, read after the response's opening ``[0, head)``
    (the first chunk starts at 0) and followed by its closing from ``close`` on: the
    ``</ListRecords>`` tag, or for the last chunk all that follows its last record,
    so that only the last record notes the ``resumptionToken``.  ``first_line`` is
    the line of ``start`` in the file; ``first_record`` the position of its first
    record among the response's records."""

    path: str
    start: int
    end: int
    first_line: int
    first_record: int
    head: int
    close: int


#: A unit of work: a source as the one-job run reads it, or a slice of one.
Task = Source | Chunk | RecordsChunk


def cpu_jobs(jobs: int) -> int:
    """``jobs`` as a number of processes: ``0`` is one per core."""
    if jobs < 0:
        raise ValueError("jobs must be 0 (one per core) or more")
    return jobs or os.cpu_count() or 1


def tasks(
    sources: Iterable[Source], *, input_format: str | None, limits: ReadLimits | None
) -> Iterator[Task]:
    """The tasks of a run, in input order: folders walked, large JSON Lines files cut
    at line ends.  A limit on records per file needs the whole file in one reader, so
    files are then never cut."""
    cut = limits is None or limits.max_records_per_file is None
    for source in expand(sources):
        if cut and isinstance(source, (str, os.PathLike)) and _may_be_cut(source):
            path = Path(source)
            chunks: list[Chunk] | list[RecordsChunk] | None = None
            if input_format in (None, "jsonld"):
                chunks = _json_lines_chunks(path)
            if chunks is None and input_format in (None, "dc", "lom"):
                chunks = _list_records_chunks(path)
            if chunks is not None:
                yield from chunks
                continue
        yield source


def _may_be_cut(source: str | os.PathLike[str]) -> bool:
    """Whether ``source`` is a file large enough to be cut: one ``stat`` spares a
    folder of small records the checks of both cutters (on 2,120 files they made six
    calls to ``stat`` per file in the parent)."""
    if _content(source):
        return False
    try:
        status = Path(source).stat()
    except (OSError, ValueError):
        return False  # the reader will say why the file cannot be read
    return stat.S_ISREG(status.st_mode) and status.st_size >= SPLIT_BYTES


#: Inputs of fewer bytes than this (or of one task) are checked in the parent whatever
#: ``jobs`` says: starting the workers (the warm-up, the fork, the pool) costs about
#: what one job spends checking that much (docs/parallel.md, "The default").
PARALLEL_BYTES = 1024 * 1024

#: The size a task that is no file (bytes, text, a dict, a record) counts for.
_NO_FILE_BYTES = 4096


def worth_forking(work: Iterator[Task]) -> tuple[list[Task], bool]:
    """The first tasks of ``work``, and whether the run is worth its workers: at least
    two tasks and :data:`PARALLEL_BYTES` of input.  Reads ``work`` only until it knows
    (the tasks read are returned, in order, to be checked first)."""
    ahead: list[Task] = []
    size = 0
    for task in work:
        ahead.append(task)
        size += _task_bytes(task)
        if len(ahead) >= 2 and size >= PARALLEL_BYTES:
            return ahead, True
    return ahead, False


#: Whole files smaller than ``CHUNK_BYTES`` together are sent to a worker as one group
#: of at most this many: a folder of small records costs one message per group, not
#: one per file.
GROUP_FILES = 64


def groups(work: Iterable[Task]) -> Iterator[tuple[Task, ...]]:
    """``work`` in groups, in order: consecutive whole sources up to ``CHUNK_BYTES`` (or
    :data:`GROUP_FILES` of them) together, each slice of a large file alone."""
    group: list[Task] = []
    size = 0
    for task in work:
        if isinstance(task, (Chunk, RecordsChunk)):
            if group:
                yield tuple(group)
                group, size = [], 0
            yield (task,)
            continue
        group.append(task)
        size += _task_bytes(task)
        if size >= CHUNK_BYTES or len(group) >= GROUP_FILES:
            yield tuple(group)
            group, size = [], 0
    if group:
        yield tuple(group)


def _task_bytes(task: Task) -> int:
    """How many bytes of input ``task`` reads (a guess for what is no file)."""
    if isinstance(task, (Chunk, RecordsChunk)):
        return task.end - task.start
    if isinstance(task, (bytes, bytearray)):
        return len(task)
    if isinstance(task, (str, os.PathLike)) and not _content(task):
        try:
            return Path(task).stat().st_size
        except (OSError, ValueError):
            return 0
    if isinstance(task, str):
        return len(task)
    return _NO_FILE_BYTES


def _content(source: str | os.PathLike[str]) -> bool:
    """Whether a string source is a document's text rather than a path."""
    return isinstance(source, str) and looks_like_content(source)


def _json_lines_chunks(path: Path) -> list[Chunk] | None:
    """``path`` cut into chunks of whole lines, or ``None`` when it is not a large
    JSON Lines file (the reader decides that from the content: only what it would read
    line by line is cut).  Only the offsets are kept: a chunk of 256 KiB per task."""
    try:
        if not path.is_file() or path.stat().st_size < SPLIT_BYTES:
            return None
        if not _reads_as_json_lines(path):
            return None
        name = os.fspath(path)
        chunks: list[Chunk] = []
        with path.open("rb") as handle:
            start, line, first = 0, 1, 1
            size = 0
            for raw in handle:
                size += len(raw)
                line += 1
                if size - start >= CHUNK_BYTES:
                    chunks.append(Chunk(name, start, size, first))
                    start, first = size, line
            if size > start:
                chunks.append(Chunk(name, start, size, first))
        return chunks
    except OSError:
        return None  # the reader will say why the file cannot be read


#: A namespace prefix, as the scanner reads one (at most 41 bytes: longer ones are not cut).
_PREFIX = rb"[A-Za-z_][A-Za-z0-9._-]{0,40}"
#: The ``<ListRecords>`` opening, with the prefix of the OAI-PMH namespace if it has one.
_OPENING = re.compile(rb"<(?:(" + _PREFIX + rb"):)?ListRecords\s*>")
_OAI_NAMESPACE = rb"http://www\.openarchives\.org/OAI/2\.0/"
_DECLARATION = re.compile(rb"^(?:\xef\xbb\xbf)?<\?xml[^>]{0,200}?\?>")
_ENCODING = re.compile(rb"encoding\s*=\s*[\"']([A-Za-z0-9._-]{1,40})[\"']")
#: Encodings in which a slice of bytes cut at a line end is text of the same encoding
#: and ``<`` and a line end are one byte that no other character holds: UTF-8, ASCII
#: and the single-byte ISO-8859 and Windows code pages.  Any other (UTF-16, Shift_JIS,
#: EBCDIC...) is read whole.
_CUTTABLE = re.compile(
    rb"utf-?8|us-ascii|ascii|iso[-_]?8859-(?:[1-9]|1[0-6])|latin-?1|(?:windows|cp)-?125[0-8]"
)
_ENDS = {b"<!--": b"-->", b"<![CDATA[": b"]]>", b"<?": b"?>"}


@dataclass(frozen=True)
class _Shape:
    """How one response spells what the scanner stops at: ``record`` tags of any
    prefix (a nested record of another format, such as ``marc:record``, is counted by
    depth; a top-level one must be spelled as the response's own, ``record`` or
    ``oai:record``), what may hide one (comments, CDATA, instructions), and the
    response's closing tags.  No quantifier is nested: the scan is linear."""

    record: bytes
    marks: re.Pattern[bytes]
    list_close: bytes
    closing: re.Pattern[bytes]

    @classmethod
    def of(cls, prefix: bytes) -> _Shape:
        qualified = prefix + b":" if prefix else b""
        name = re.escape(qualified)
        return cls(
            record=qualified + b"record",
            marks=re.compile(
                rb"<(?:" + _PREFIX + rb":)?record[\s>/]|</(?:" + _PREFIX + rb":)?record\s*>"
                rb"|<!--|<!\[CDATA\[|<\?|</" + name + rb"ListRecords\s*>"
            ),
            list_close=b"</" + qualified + b"ListRecords",
            closing=re.compile(rb"\s*</" + name + rb"OAI-PMH\s*>\s*"),
        )


def _binds_oai(head: bytes, prefix: bytes) -> bool:
    """Whether the response's opening binds ``prefix`` (or, with none, the default
    namespace) to the OAI-PMH namespace, and no other namespace to it."""
    attribute = b"xmlns:" + prefix if prefix else b"xmlns"
    bindings = re.findall(re.escape(attribute) + rb"\s*=\s*[\"']([^\"']{0,200})[\"']", head)
    return bool(bindings) and all(re.fullmatch(_OAI_NAMESPACE, ns) for ns in bindings)


def _list_records_chunks(path: Path) -> list[RecordsChunk] | None:
    """``path`` cut between top-level ``record`` elements, or ``None`` when it is not a
    large, well-formed UTF-8 OAI-PMH ListRecords response written the plain way
    (default namespace, each cut record starting a line, no DTD): anything else is
    read whole, by one worker, exactly as one job reads it.  A file with a syntax
    error is never cut: one job stops reading it where the parser had read to, which
    depends on the parser's buffers, not on the records."""
    try:
        if not path.is_file() or path.stat().st_size < SPLIT_BYTES:
            return None
        with (
            path.open("rb") as handle,
            mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data,
        ):
            chunks = _scan_records(os.fspath(path), data)
        return chunks if chunks is not None and is_well_formed_xml(path) else None
    except (OSError, ValueError):
        return None  # the reader will say why the file cannot be read


def _scan_records(name: str, data: Any) -> list[RecordsChunk] | None:
    """The chunks of a ListRecords response held in ``data`` (bytes or a mapped file):
    one pass that keeps only the cuts, never a list of every record."""
    declared = _DECLARATION.match(data[:4096])
    if declared is not None:
        encoding = _ENCODING.search(declared.group(0))
        if encoding is not None and not _CUTTABLE.fullmatch(encoding.group(1).lower()):
            return None
    opening = _OPENING.search(data, 0, 64 * 1024)
    if opening is None:
        return None
    head = opening.end()
    if b"<!DOCTYPE" in data[:head] or b"<!ENTITY" in data[:head]:
        return None
    prefix = opening.group(1) or b""
    if not _binds_oai(data[:head], prefix):
        return None
    shape = _Shape.of(prefix)
    cuts: list[tuple[int, int, int]] = [(0, 0, 1)]  # (offset, records before it, its line)
    released = 0  # the mapped pages before this offset are given back (flat memory)
    depth, count, position, last_end, begun = 0, 0, head, -1, head
    while True:
        mark = shape.marks.search(data, position)
        if mark is None:
            return None  # no closing </ListRecords>: a broken file is read whole
        text = mark.group(0)
        if text in _ENDS:
            close = data.find(_ENDS[text], mark.end())
            if close < 0:
                return None
            position = close + len(_ENDS[text])
        elif text.startswith(shape.list_close):
            if depth:
                return None
            close = mark.start()
            if not shape.closing.fullmatch(data[mark.end() : mark.end() + 1024]):
                return None  # anything after the response: read whole, as one job does
            break
        elif text.startswith(b"</"):
            depth -= 1
            if depth < 0:
                return None
            if depth == 0:
                count += 1
                last_end = mark.end()
            position = mark.end()
        else:
            closing = data.find(b">", mark.start())
            if closing < 0 or data[closing - 1 : closing] == b"/":
                return None  # <record/>: not a record as the scanner counts them
            if depth == 0 and text[1:-1] != shape.record:
                return None  # a top-level record spelled otherwise than the response's
            if depth == 0 and count and mark.start() - begun >= CHUNK_BYTES:
                start = data.rfind(b"\n", head, mark.start()) + 1
                if start > head and not data[start : mark.start()].strip():
                    line = cuts[-1][2] + data[cuts[-1][0] : start].count(b"\n")
                    cuts.append((start, count, line))  # a record starting a line: cut here
                    begun = start
                    released = _release(data, released, start)
            depth += 1
            position = closing + 1
    if len(cuts) < 2:
        return None
    chunks: list[RecordsChunk] = []
    bounds = [*cuts, (last_end, count, 0)]
    for (start, before, line), (stop, _, _) in pairwise(bounds):
        chunks.append(
            RecordsChunk(
                path=name,
                start=start,
                end=stop,
                first_line=line,
                first_record=before + 1,
                head=head,
                close=last_end if stop == last_end else close,
            )
        )
    return chunks


#: Mapped pages are given back in steps of this many bytes.
_RELEASE_STEP = 16 * 1024 * 1024


def _release(data: Any, released: int, upto: int) -> int:
    """Give back the pages of a mapped file below ``upto`` (the scan never looks back
    past the last cut), so that scanning a large file keeps the resident memory flat;
    returns the new start of what is still held."""
    if (
        not isinstance(data, mmap.mmap)
        or not hasattr(mmap, "MADV_DONTNEED")
        or upto - released < _RELEASE_STEP
    ):
        return released
    end = upto // mmap.PAGESIZE * mmap.PAGESIZE
    data.madvise(mmap.MADV_DONTNEED, released, end - released)
    return end


def _reads_as_json_lines(path: Path) -> bool:
    """Whether the reader would read ``path`` as JSON Lines: its first bytes are JSON
    (no UTF-16/32) and its first line is a JSON document by itself."""
    return is_json_lines_file(path)


def read_task(
    task: Task, *, input_format: str | None, limits: ReadLimits | None
) -> Iterator[ReadItem]:
    """The records (or unreadable inputs) of one task, as the one-job run reads them."""
    if isinstance(task, RecordsChunk):
        yield from read_records_chunk(
            Path(task.path),
            (task.start, task.end),
            head=task.head,
            close=task.close,
            first_line=task.first_line,
            first_record=task.first_record,
            input_format=input_format,
            limits=limits,
        )
    elif isinstance(task, Chunk):
        yield from read_json_lines_chunk(
            Path(task.path),
            task.start,
            task.end,
            first_line=task.first_line,
            input_format=input_format,
            limits=limits,
        )
    else:
        yield from iter_source(task, input_format=input_format, limits=limits)


def _quiet_worker(initializer: Callable[..., None], args: tuple[Any, ...]) -> None:
    """Start a worker: Ctrl-C goes to the whole process group, and only the parent
    decides what it means, so workers ignore it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    initializer(*args)


#: Three small records, one per reader, that a run reads and checks before its workers
#: fork (:func:`warm_up`).  The Dublin Core one names a language without its accents and
#: holds a rights text that is no licence name: the tables those look-ups build on
#: first use (unaccented autonyms, licence names and statements: 0.1 to 0.3 s each)
#: are then built once, not once per worker.
WARM_UP: tuple[bytes, ...] = (
    b'<lom xmlns="http://ltsc.ieee.org/xsd/LOM"><general><title><string language="en">'
    b"Warm-up</string></title><language>en</language></general><rights><description>"
    b"<string>https://creativecommons.org/licenses/by/4.0/</string></description></rights>"
    b"</lom>",
    b'<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
    b'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Warm-up</dc:title>'
    b"<dc:language>fr</dc:language><dc:language>francais</dc:language>"
    b"<dc:rights>CC BY-SA 4.0</dc:rights><dc:rights>Terms of use of the warm-up</dc:rights>"
    b"</oai_dc:dc>",
    b'{"@context": "https://schema.org/", "@type": "LearningResource", "name": "Warm-up", '
    b'"inLanguage": "de", "license": "https://creativecommons.org/licenses/by/4.0/"}',
)


def forks() -> bool:
    """Whether workers are forked, and so start with what this process has loaded."""
    return "fork" in multiprocessing.get_all_start_methods()


def _context() -> Any:
    """``fork`` where the platform has it (workers start at once, with everything the
    parent imported), else ``spawn``."""
    return multiprocessing.get_context("fork" if forks() else "spawn")


def ordered_map(
    function: Callable[[T], R],
    items: Iterable[T],
    *,
    jobs: int,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...] = (),
    in_flight: int | None = None,
) -> Iterator[R]:
    """``function`` over ``items`` in ``jobs`` worker processes, results in the order of
    ``items``.  At most ``in_flight`` items (default: 4 per job) are sent ahead of the
    one being waited for, so memory does not grow with the input.  Closing the
    iterator (or an exception in the parent, such as ``KeyboardInterrupt``) cancels
    what is queued and stops the workers without waiting for them."""
    limit = in_flight or 4 * jobs
    # a forked worker flushes its copy of the standard streams when it ends: what the
    # parent has written but not flushed would be written twice
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    if forks():
        # what the parent holds now is never collected while the workers run: a
        # collection in a worker would write to every inherited object's header and
        # copy the pages the processes share
        gc.freeze()
    pool = ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=_context(),
        initializer=_quiet_worker,
        initargs=(initializer, initargs),
    )
    pending: deque[Future[R]] = deque()
    finished = False
    try:
        feed = iter(items)
        for item in feed:
            pending.append(pool.submit(function, item))
            if len(pending) >= limit:
                break
        while pending:
            future = pending.popleft()
            for item in feed:
                pending.append(pool.submit(function, item))
                break
            yield future.result()
        finished = True
    finally:
        for future in pending:
            future.cancel()
        if finished:
            pool.shutdown(wait=True)
        else:
            _stop(pool)
        if forks():
            gc.unfreeze()


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop the pool without waiting here: queued tasks are cancelled and each worker
    ends after the task it is on (one slice, or one group of small files).  Terminating
    a worker could cut a result it is sending in half, and the pool's reader would wait
    for the rest of it forever."""
    pool.shutdown(wait=False, cancel_futures=True)
