"""Licence intelligence: parse real-world licence statements, judge their openness by
the Recommendation's definition, and tell whether licences can be combined.

``parse_licence`` loads the licence tables on first use, so importing this package
(or :mod:`oer_meta.knowledge.licences.compat`) stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from oer_meta.knowledge.licences.model import Licence, Openness

__all__ = ["Licence", "Openness", "parse_licence"]

if TYPE_CHECKING:
    from oer_meta.knowledge.licences.parse import parse_licence


def __getattr__(name: str) -> Any:
    if name == "parse_licence":
        from oer_meta.knowledge.licences.parse import parse_licence

        return parse_licence
    raise AttributeError(f"module 'oer_meta.knowledge.licences' has no attribute {name!r}")
