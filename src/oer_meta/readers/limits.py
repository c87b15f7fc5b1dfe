"""How much of one input the readers are willing to read (untrusted input is bounded).

A harvested file is written by someone else.  One record with a million ``dc:subject``
elements, or a file with ten million records, must not take a batch's time and memory
hostage.  :class:`ReadLimits` says where reading stops; the readers skip what lies
beyond a limit without building it, and say so on the record (``STD002``) or as an
unreadable rest of the input, so that nothing is dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass

from oer_meta.i18n import said
from oer_meta.model import Location, Problem
from oer_meta.readers.xml.safety import MAX_DOCUMENT_BYTES

__all__ = ["DEFAULT_LIMITS", "ReadLimits", "field_limit_problem"]


@dataclass(frozen=True)
class ReadLimits:
    """Reader limits; the defaults are far above what any real record needs.

    ``max_values_per_field``: values of one field (elements at one path of an XML
    record, items of one JSON-LD property) read per record; the rest are skipped and
    the record notes how many.  ``max_records_per_file``: records read from one file
    or one byte string (``None``: no limit); the rest of the input is reported as not
    read.  ``max_document_bytes``: the largest JSON or HTML file read whole (XML and
    JSON Lines are streamed and have no such limit).
    """

    max_values_per_field: int = 10_000
    max_records_per_file: int | None = None
    max_document_bytes: int = MAX_DOCUMENT_BYTES

    def __post_init__(self) -> None:
        if self.max_values_per_field < 1:
            raise ValueError("max_values_per_field must be at least 1")
        if self.max_records_per_file is not None and self.max_records_per_file < 1:
            raise ValueError("max_records_per_file must be at least 1, or None")
        if self.max_document_bytes < 1:
            raise ValueError("max_document_bytes must be at least 1")


#: The limits used when a caller gives none.
DEFAULT_LIMITS = ReadLimits()


def field_limit_problem(
    field: str,
    limit: int,
    dropped: int,
    location: Location | None,
    record_field: str | None = None,
) -> Problem:
    """The note a record gets when ``field`` (as written) held more values than
    ``limit``; ``record_field`` is the Record attribute it fills, when the reader knows."""
    return Problem(
        rule="STD002",
        message=said(
            "{field} holds {count} values, more than the reader limit of {limit} values per "
            "field: the first {limit} were read and {dropped} were dropped",
            field=field,
            count=limit + dropped,
            limit=limit,
            dropped=dropped,
        ),
        hint=said(
            "a record needs far fewer than {limit} values in one field; split or shorten the list",
            limit=limit,
        ),
        field=record_field,
        source_field=field,
        location=location,
    )
