"""What readers yield, and the small context they share.

:class:`Dispatcher` is how readers that carry other formats reach the dispatcher
without importing it: HTML pages and Learning Registry envelopes (containers), and the
JSON-LD reader (which may meet a page or an envelope), are handed the dispatcher by
:mod:`oer_meta.readers.dispatch` and give it their payload.  The dispatcher imports
every reader; no reader imports the dispatcher, so there is no cycle to hide.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any, Protocol, runtime_checkable

# Unreadable and ReadItem are model types (the rules read them too); readers import
# them from here as before.
from oer_meta.model.items import ReadItem, Unreadable
from oer_meta.readers.limits import ReadLimits

__all__ = [
    "FORMATS",
    "Dispatcher",
    "ItemSource",
    "LineIndex",
    "NoRecord",
    "Positioner",
    "ReadItem",
    "Unreadable",
]

FORMATS = ("lom", "dc", "jsonld")


@dataclass(frozen=True)
class NoRecord(Unreadable):
    """A well-formed JSON value that describes no resource.

    A stand-alone file says so as ``STD001``; an HTML page, whose other JSON-LD blocks
    usually describe the site, reports it only when no block holds a record.
    """


@runtime_checkable
class ItemSource(Protocol):
    """A source that reads itself: a harvest or a document behind a URL
    (``oer_meta.harvesting``).  The dispatcher hands it the reading options and passes
    on what it yields; the readers themselves never open a connection."""

    def read_items(self, *, input_format: str | None, limits: ReadLimits) -> Iterator[ReadItem]:
        """Every record (or :class:`Unreadable`) of the source, as it arrives."""
        ...


#: Gives ``(line, column)`` of the value at a JSON Pointer of the file being read.
Positioner = Callable[[str], tuple[int, int]]


class LineIndex:
    """Turn character offsets of one text into 1-based lines and columns."""

    def __init__(self, text: str, first_line: int = 1) -> None:
        self._starts = [0]
        self._starts.extend(m.end() for m in re.finditer("\n", text))
        #: the line of the file on which ``text`` starts (a JSON Lines line read alone)
        self._shift = first_line - 1

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based ``(line, column)`` of ``offset`` (columns count characters)."""
        line = bisect_right(self._starts, offset)
        return line + self._shift, offset - self._starts[line - 1] + 1


class Dispatcher(Protocol):
    """The dispatcher, as the readers it hands to see it (see the module's docstring)."""

    def xml(
        self,
        stream: IO[bytes],
        *,
        file: str | None,
        line_offset: int | None = 0,
        path_prefix: str = "",
        limits: ReadLimits | None = None,
    ) -> Iterator[ReadItem]:
        """Every record of an XML payload (LOM or Dublin Core)."""
        ...

    def json_value(
        self,
        value: Any,
        *,
        file: str | None,
        pointer: str = "",
        position: Positioner | None = None,
        limits: ReadLimits | None = None,
    ) -> Iterator[ReadItem]:
        """Every record of a decoded JSON payload."""
        ...

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
        """Every record of a piece of JSON text (a page's script block)."""
        ...

    def page(self, text: str, *, file: str | None, limits: ReadLimits | None) -> Iterator[ReadItem]:
        """Every record of an HTML page (JSON-LD kept in its ``<script>`` tags)."""
        ...

    def envelopes(
        self,
        value: dict[str, Any],
        *,
        file: str | None,
        pointer: str,
        position: Positioner | None,
        limits: ReadLimits | None,
    ) -> Iterator[ReadItem] | None:
        """The records of Learning Registry envelopes; ``None`` when ``value`` is none."""
        ...
