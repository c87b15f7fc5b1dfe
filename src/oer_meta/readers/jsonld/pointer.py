"""JSON Pointer (RFC 6901) tokens, as every location of a JSON value is written."""

from __future__ import annotations

__all__ = ["escape_token"]


def escape_token(key: str) -> str:
    """Escape one reference token of a JSON Pointer (RFC 6901: ``~`` then ``/``)."""
    if "~" in key or "/" in key:
        return key.replace("~", "~0").replace("/", "~1")
    return key
