"""Small helpers shared by the rule packs' messages (not a pack: the registry skips
modules whose names start with ``_``)."""

from __future__ import annotations

__all__ = ["quote"]


def quote(text: str, limit: int = 80) -> str:
    """A value as a message quotes it: on one line, cut to ``limit`` characters."""
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")
