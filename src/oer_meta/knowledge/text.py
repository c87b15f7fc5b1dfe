"""Accent and case folding: the one place where text is compared without its accents.

:func:`strip_accents` drops the combining marks left by compatibility decomposition
(NFKD): ``yorùbá`` -> ``yoruba``, ``Élève`` -> ``Eleve``.  :func:`fold` adds lower case
(and, with ``spaces=True``, collapses runs of whitespace), the form the privacy and
education tables are compared in.  The licence recognisers fold harder (casefold,
apostrophes, ligatures): :func:`oer_meta.knowledge.licences.text.fold` builds on
:func:`strip_accents`.
"""

from __future__ import annotations

import unicodedata
from functools import cache

__all__ = ["fold", "strip_accents"]

_ASTRAL = "\U00010000"


def strip_accents(text: str) -> str:
    """``text`` decomposed (NFKD) without its combining marks; case is kept."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    if max(decomposed) < _ASTRAL:  # the usual case: one C pass over a table
        return decomposed.translate(_combining_marks())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _combining_marks() -> dict[int, None]:
    """The combining marks of the Basic Multilingual Plane, for ``str.translate``
    (built once, about 10 ms: a per-character test in Python cost more than that on
    the first thousand names)."""
    return {point: None for point in range(0x300, 0x10000) if unicodedata.combining(chr(point))}


def fold(text: str, *, spaces: bool = False) -> str:
    """Lower case without accents, so that ``Élève`` and ``eleve`` compare equal;
    ``spaces`` also collapses whitespace runs to one space and trims the ends."""
    plain = strip_accents(text.lower())
    return " ".join(plain.split()) if spaces else plain
