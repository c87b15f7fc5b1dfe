"""Exceptions raised by oer_meta.

Every exception derives from :class:`OerMetaError`::

    OerMetaError
    ├── ReadError            input could not be read as records
    │   └── RecordCountError read() found no record, or more than one
    ├── UsageError           bad arguments (unknown format, profile, selector...)
    │   ├── UnknownFormatError
    │   ├── UnknownProfileError
    │   └── UnknownRuleError
    └── RuleError            a rule raised while checking a record (a bug in that rule)

Validation never raises for bad *input*: unreadable input becomes a ``STD001`` finding.
These exceptions are for the reading API (``read``/``read_records``) and for misuse.
"""

from __future__ import annotations

__all__ = [
    "OerMetaError",
    "ReadError",
    "RecordCountError",
    "RuleError",
    "UnknownFormatError",
    "UnknownProfileError",
    "UnknownRuleError",
    "UsageError",
]


class OerMetaError(Exception):
    """Base class of every exception oer_meta raises."""


class ReadError(OerMetaError):
    """The input could not be read as OER metadata records."""

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = self.source or "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class RecordCountError(ReadError):
    """``read()`` expects exactly one record."""


class UsageError(OerMetaError, ValueError):
    """An argument is not one oer_meta understands."""


class UnknownFormatError(UsageError):
    """The input format named is not ``lom``, ``dc`` or ``jsonld``."""


class UnknownProfileError(UsageError):
    """No built-in profile has that name and no profile file exists at that path."""


class UnknownRuleError(UsageError):
    """A selector names no rule code, code prefix or action area."""


class RuleError(OerMetaError):
    """A rule raised an exception while checking a record."""
