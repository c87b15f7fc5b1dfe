"""Crashes of oer_meta's own code: recorded as internal errors, never dressed as findings.

A bug in a rule, a reader or a parser must neither lose the batch nor pass for a
finding about the record.  The code that catches the exception calls
:func:`record_crash`; the engine collects what was recorded while it read and checked a
record (:func:`drain`) and reports it with the status ``internal-error``, on stderr and
with exit code 3 in the CLI.  Functions that promise never to raise (``parse_licence``,
``normalize_language``) keep that promise and still leave a trace here.
"""

from __future__ import annotations

import threading
import traceback

from oer_meta.model import Location
from oer_meta.model.items import INTERNAL_ERROR_CODE, InternalError

__all__ = ["INTERNAL_ERROR_CODE", "InternalError", "drain", "record_crash"]

#: At most this many crashes are kept between two drains (a caller that never drains
#: must not grow memory without bound).
_MAX_KEPT = 100


class _Sink(threading.local):
    def __init__(self) -> None:
        self.items: list[InternalError] = []


_SINK = _Sink()


def record_crash(
    component: str, exc: BaseException, location: Location | None = None
) -> InternalError:
    """Note that ``component`` raised ``exc``; return the note."""
    text = str(exc)
    crash = InternalError(
        component=component,
        error=type(exc).__name__,
        message=text[:500],
        traceback="".join(traceback.format_exception(type(exc), exc, exc.__traceback__))[-4000:],
        location=location,
    )
    if len(_SINK.items) < _MAX_KEPT:
        _SINK.items.append(crash)
    return crash


def drain() -> list[InternalError]:
    """The crashes recorded since the last drain (in this thread), forgotten here."""
    items, _SINK.items = _SINK.items, []
    return items
