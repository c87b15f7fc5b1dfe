"""What scheme an identifier's value shows: DOI, handle, URN, ARK, OAI, ISBN or URL.

Shared by the Dublin Core reader (``dc:identifier`` carries no scheme of its own) and
the Learning Registry envelopes (whose ``resource_locator`` becomes an identifier).
"""

from __future__ import annotations

import re

__all__ = ["identifier_scheme"]

_DOI = re.compile(r"^(?:doi:\s*|info:doi/|https?://(?:dx\.)?doi\.org/)?10\.\d{4,9}/\S+$", re.I)
_HANDLE = re.compile(r"^(?:hdl:|info:hdl/|https?://hdl\.[^/\s]+/)\S", re.I)
_URN = re.compile(r"^urn:[a-z0-9][a-z0-9-]{0,31}:\S", re.I)
_ARK = re.compile(r"^(?:ark:/?|https?://n2t\.net/ark:/?)\d{5}/\S", re.I)
_OAI = re.compile(r"^oai:[^:\s]+:\S", re.I)
_ISBN = re.compile(r"^(?:isbn[:\s]*)?([0-9][0-9 -]{8,15}[0-9xX])$", re.I)
_HTTP = re.compile(r"^https?://\S", re.I)


def _isbn_ok(digits: str) -> bool:
    if len(digits) == 10:
        total = sum((10 - i) * (10 if c in "xX" else int(c)) for i, c in enumerate(digits))
        return total % 11 == 0
    if len(digits) == 13 and digits.isdigit():
        total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(digits))
        return total % 10 == 0
    return False


def identifier_scheme(value: str, declared: str | None = None) -> str | None:
    """The scheme an identifier's value shows (``doi``, ``handle``, ``urn``, ``ark``,
    ``oai``, ``isbn``, ``url``), else ``declared`` (an ``xsi:type`` or ``None``)."""
    if _DOI.match(value):
        return "doi"
    if _HANDLE.match(value):
        return "handle"
    if _URN.match(value):
        return "urn"
    if _ARK.match(value):
        return "ark"
    if _OAI.match(value):
        return "oai"
    isbn = _ISBN.match(value)
    if isbn is not None:
        digits = isbn.group(1).replace("-", "").replace(" ", "")
        if "x" not in digits[:-1].lower() and _isbn_ok(digits):
            return "isbn"
    if _HTTP.match(value):
        return "url"
    return declared
