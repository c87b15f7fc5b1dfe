"""Readers: LOM XML, Dublin Core XML and schema.org/LRMI JSON-LD into :class:`Record`."""

from __future__ import annotations

from collections.abc import Iterator

from oer_meta.errors import ReadError, RecordCountError
from oer_meta.model import Record
from oer_meta.readers.base import FORMATS, ReadItem, Unreadable
from oer_meta.readers.dispatch import Source, iter_source
from oer_meta.readers.limits import ReadLimits

__all__ = [
    "FORMATS",
    "ReadItem",
    "ReadLimits",
    "Unreadable",
    "iter_source",
    "read",
    "read_records",
]


def read_records(
    source: Source, *, format: str | None = None, limits: ReadLimits | None = None
) -> Iterator[Record]:
    """Yield the records in ``source``; raise :class:`ReadError` at unreadable input.

    Records read before the unreadable part are yielded first.  Use
    :func:`oer_meta.validate_many` to get a result for unreadable input instead.
    ``limits`` bounds how much is read (:class:`ReadLimits`; the defaults when ``None``).
    """
    for item in iter_source(source, input_format=format, limits=limits):
        if isinstance(item, Unreadable):
            loc = item.location
            raise ReadError(item.message, source=loc.file, line=loc.line, column=loc.column)
        yield item


def read(source: Source, *, format: str | None = None, limits: ReadLimits | None = None) -> Record:
    """Read exactly one record; raise :class:`RecordCountError` otherwise."""
    found: list[Record] = []
    for record in read_records(source, format=format, limits=limits):
        found.append(record)
        if len(found) > 1:
            raise RecordCountError(
                "the input holds more than one record; use read_records()",
                source=record.location.file,
            )
    if not found:
        raise RecordCountError("the input holds no record")
    return found[0]
