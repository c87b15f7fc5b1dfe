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

__all__ = ["fold", "strip_accents"]


def strip_accents(text: str) -> str:
    """``text`` decomposed (NFKD) without its combining marks; case is kept."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str, *, spaces: bool = False) -> str:
    """Lower case without accents, so that ``Élève`` and ``eleve`` compare equal;
    ``spaces`` also collapses whitespace runs to one space and trims the ends."""
    plain = strip_accents(text.lower())
    return " ".join(plain.split()) if spaces else plain
