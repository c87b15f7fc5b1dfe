"""What readers yield, and the small context they share."""

from __future__ import annotations

from dataclasses import dataclass

from oer_meta.internal import InternalError
from oer_meta.model import Location, Record

FORMATS = ("lom", "dc", "jsonld")


@dataclass(frozen=True)
class Unreadable:
    """Input that could not be read as a record (becomes a ``STD001`` finding).

    Yielded in place of a record so that a batch never loses an input: a file that
    cannot be parsed at all yields exactly one ``Unreadable``; a stream that breaks
    after some records yields those records, then one ``Unreadable``.
    """

    message: str
    location: Location
    format: str | None = None
    hint: str | None = None
    #: Set when the input could not be read because oer_meta's own code raised: the
    #: engine reports it as an internal error, not as a finding about the input.
    crash: InternalError | None = None


ReadItem = Record | Unreadable
