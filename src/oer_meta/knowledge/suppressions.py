"""Inline suppressions: ``oer-meta: ignore[LIC004, DISC003]`` written in a record.

The spelling follows the linters people know (ruff's ``# noqa: E501``, yamllint's
``# yamllint disable-line``): a marker, then the codes in brackets.  Codes may be
prefixes (``LIC`` hides every LIC finding of the record).  A marker without brackets
suppresses nothing: a blanket ignore would hide every future finding of the record,
the harm ruff's ``PGH004`` warns about (docs/suppressions.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: The key a JSON-LD record writes its suppressions under.  A key with a colon and no
#: prefix defined in the context is an absolute IRI to a JSON-LD processor: kept, and
#: mapped to no schema.org term.
JSON_KEY = "oer-meta:ignore"
#: The marker in an XML comment (one space or none after the colon).
MARKER = "oer-meta: ignore"

_DIRECTIVE = re.compile(r"oer-meta:[ \t]*ignore\[([^\]\[]{0,400})\]", re.IGNORECASE)
_CODE = re.compile(r"[A-Za-z][A-Za-z0-9]{0,15}")
_SEPARATOR = re.compile(r"[,\s]+")


def codes_in(text: str) -> tuple[str, ...] | None:
    """The codes of every ``oer-meta: ignore[...]`` directive in ``text`` (upper case,
    in order, each once); ``None`` when the text holds no directive, ``()`` when its
    brackets hold no code."""
    found = [match[1] for match in _DIRECTIVE.finditer(text)]
    if not found:
        return None
    return split_codes(found)


def split_codes(values: Iterable[str]) -> tuple[str, ...]:
    """Codes written as ``"LIC004, DISC003"`` or one per value, upper case, each once;
    anything that is not a code (``LIC-004``, ``*``) is kept as written for the unused
    suppression report to name."""
    codes: list[str] = []
    for value in values:
        for token in _SEPARATOR.split(value.strip()):
            if not token:
                continue
            code = token.upper() if _CODE.fullmatch(token) else token
            if code not in codes:
                codes.append(code)
    return tuple(codes)
