"""Where a value came from, so that every finding can point into the original file."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Location(BaseModel):
    """A place in a source document.

    ``path`` is an XPath for XML sources (``/lom:lom/lom:general/lom:title``) and a JSON
    Pointer for JSON sources (``/name`` or ``/@graph/0/name``).  ``line`` and ``column``
    are 1-based when known.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: str | None = None
