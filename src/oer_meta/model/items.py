"""What is left of input that could not be read, and of oer_meta's own crashes.

Value types like the record itself: readers yield :class:`Unreadable` in place of a
record, rules (``STD001``) and the report read it; :class:`InternalError` is what
:mod:`oer_meta.internal` records when oer_meta's own code raises.  They live in the
model so that the rules and the report never import the readers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from oer_meta.i18n import N_, Message, marked, msg, said
from oer_meta.model.location import Location
from oer_meta.model.record import Record

__all__ = ["INTERNAL_ERROR_CODE", "HarvestError", "InternalError", "ReadItem", "Unreadable"]

#: The code every internal error carries, whatever raised: never a rule's code.
INTERNAL_ERROR_CODE = "INTERNAL"

#: How a crash names the part of oer_meta that raised (``InternalError.component``,
#: written as is in the JSON report), by its first word: the rest (a rule code, a
#: reader's module) is a parameter.  A function's name (``parse_licence``) stays as is.
_COMPONENTS = {
    "rule": N_("rule {name}"),
    "reader": N_("reader {name}"),
}
_WHOLE_COMPONENTS = {
    "reader": N_("reader"),
    "batch index": N_("batch index"),
    "worker": N_("worker"),
}


def component_named(component: str) -> Message | str:
    """The part of oer_meta that crashed, said in the run's language (``rule LIC001``,
    ``rule LIC001 (batch)``, ``reader lom``)."""
    whole = _WHOLE_COMPONENTS.get(component)
    if whole is not None:
        return marked(whole)
    first, _, rest = component.partition(" ")
    template = _COMPONENTS.get(first)
    if template is None or not rest:
        return component
    if first == "rule" and rest.endswith(" (batch)"):
        return msg("rule {name} (batch)", name=rest.removesuffix(" (batch)"))
    return marked(template, name=rest)


@dataclass(frozen=True)
class InternalError:
    """One exception raised by oer_meta's own code while handling a record."""

    component: str  # "rule LIC001", "reader lom", "parse_licence"...
    error: str  # the exception's type name
    message: str
    traceback: str
    location: Location | None = None

    @property
    def code(self) -> str:
        return INTERNAL_ERROR_CODE

    def describe(self) -> str:
        """One line for a person: what crashed, and how (English text that a message
        renders in the run's language: :func:`~oer_meta.i18n.said`).  The exception's
        type and text are quoted as they are."""
        return said(
            "internal error in {component} ({error}: {message})",
            component=component_named(self.component),
            error=self.error,
            message=self.message,
        )

    def to_dict(self) -> dict[str, Any]:
        """The internal error as the JSON report writes it."""
        loc = self.location or Location()
        return {
            "code": INTERNAL_ERROR_CODE,
            "component": self.component,
            "error": self.error,
            "message": self.message,
            "location": {
                "file": loc.file,
                "line": loc.line,
                "column": loc.column,
                "path": loc.path,
            },
        }


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


@dataclass(frozen=True)
class HarvestError(Unreadable):
    """A harvest that could not go on, or an error the OAI-PMH repository answered
    (becomes a ``STD009`` finding, not ``STD001``: the input was not unreadable, the
    run was cut short).  ``note`` and ``note_hint`` are the message and hint as
    templates, rendered in the run's language; ``message`` and ``hint`` hold the
    English."""

    note: Message | None = None
    note_hint: Message | None = None


ReadItem = Record | Unreadable
