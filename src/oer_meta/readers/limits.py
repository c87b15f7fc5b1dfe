"""How much of one input the readers are willing to read (untrusted input is bounded).

A harvested file is written by someone else.  One record with a million ``dc:subject``
elements, or a file with ten million records, must not take a batch's time and memory
hostage.  :class:`ReadLimits` says where reading stops; the readers skip what lies
beyond a limit without building it, and say so on the record (``STD002`` for values
per field, ``STD010`` for the other limits of one record) or as an unreadable rest of
the input (``STD001``), so that nothing is dropped silently and the records before the
limit are kept.  docs/limits.md lists every limit with its default, flag and key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from oer_meta.i18n import said
from oer_meta.model import Location, Problem
from oer_meta.readers.xml.safety import MAX_DOCUMENT_BYTES

__all__ = [
    "DEFAULT_LIMITS",
    "LIMIT_REACHED",
    "ReadLimits",
    "depth_limit_problem",
    "field_limit_problem",
    "record_limit_problem",
    "too_deep",
]

#: The rule under which a record notes that a limit of one record was reached.
LIMIT_REACHED = "STD010"


@dataclass(frozen=True)
class ReadLimits:
    """Reader limits; the defaults are far above what any real record needs.

    ``max_values_per_field``: values of one field (elements at one path of an XML
    record, items of one JSON-LD property) read per record; the rest are skipped and
    the record notes how many.  ``max_records_per_file``: records read from one file
    or one byte string (``None``: no limit); the rest of the input is reported as not
    read.  ``max_document_bytes``: the largest JSON or HTML file read whole (XML and
    JSON Lines are streamed and have no such limit).  ``max_file_bytes``: the largest
    file or byte string read at all, streamed or not (``None``: no limit).
    ``max_values_per_record``: values (XML elements, JSON-LD values) read in one record,
    all fields together.  ``max_depth``: how deeply elements (XML, counted from the
    document's root) or JSON values (counted from the record's object) may nest; what
    lies deeper is skipped (XML) or the record is not read (JSON).
    ``max_seconds_per_record``: the time the rules may take on one record; the engine
    looks at the clock before each rule, and a record over the limit keeps the findings
    made so far (``None``: no limit).
    """

    max_values_per_field: int = 10_000
    max_records_per_file: int | None = None
    max_document_bytes: int = MAX_DOCUMENT_BYTES
    max_file_bytes: int | None = None
    max_values_per_record: int = 100_000
    max_depth: int = 100
    max_seconds_per_record: float | None = 30.0

    def __post_init__(self) -> None:
        if self.max_values_per_field < 1:
            raise ValueError("max_values_per_field must be at least 1")
        if self.max_records_per_file is not None and self.max_records_per_file < 1:
            raise ValueError("max_records_per_file must be at least 1, or None")
        if self.max_document_bytes < 1:
            raise ValueError("max_document_bytes must be at least 1")
        if self.max_file_bytes is not None and self.max_file_bytes < 1:
            raise ValueError("max_file_bytes must be at least 1, or None")
        if self.max_values_per_record < 1:
            raise ValueError("max_values_per_record must be at least 1")
        if self.max_depth < 1:
            raise ValueError("max_depth must be at least 1")
        if self.max_seconds_per_record is not None and not self.max_seconds_per_record > 0:
            raise ValueError("max_seconds_per_record must be more than 0, or None")


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


def record_limit_problem(limit: int, dropped: int, location: Location | None) -> Problem:
    """The note a record gets when it held more than ``limit`` values in all."""
    return Problem(
        rule=LIMIT_REACHED,
        message=said(
            "the record holds more than {limit} values, the reader limit per record: "
            "{dropped} values after the first {limit} were not read",
            limit=limit,
            dropped=dropped,
        ),
        hint=said(
            "split the record, or raise the limit (--max-values-per-record, "
            "max-values-per-record in [limits])"
        ),
        location=location,
    )


def depth_limit_problem(limit: int, dropped: int, location: Location | None) -> Problem:
    """The note a record gets when elements nested deeper than ``limit`` were skipped."""
    return Problem(
        rule=LIMIT_REACHED,
        message=said(
            "elements nested deeper than {limit} levels, the reader limit, were not read: "
            "{dropped} skipped with everything inside them",
            limit=limit,
            dropped=dropped,
        ),
        hint=said(
            "metadata records need only a few levels of nesting; raise the limit "
            "(--max-depth, max-depth in [limits]) only for a format that needs more"
        ),
        location=location,
    )


def too_deep(value: Any, limit: int) -> str | None:
    """The JSON Pointer (relative to ``value``) of the first value nested deeper than
    ``limit`` levels in ``value`` (lists and objects count), or ``None``.  Walked
    without recursion, so that no depth can exhaust the stack."""
    stack: list[tuple[Any, int, str]] = [(value, 1, "")]
    while stack:
        item, depth, pointer = stack.pop()
        if isinstance(item, dict):
            children: Any = ((str(k), v) for k, v in item.items())
        elif isinstance(item, list):
            children = ((str(i), v) for i, v in enumerate(item))
        else:
            continue
        for key, child in children:
            if isinstance(child, (dict, list)):
                here = f"{pointer}/{key.replace('~', '~0').replace('/', '~1')}"
                if depth + 1 > limit:
                    return here
                stack.append((child, depth + 1, here))
    return None
