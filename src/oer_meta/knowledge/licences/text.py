"""Text folding shared by the recognisers: case, accents, apostrophes, punctuation."""

from __future__ import annotations

import re

from oer_meta.knowledge.text import strip_accents

__all__ = ["fold", "words"]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "\x92": "'", "ʼ": "'"})
#: Letters that carry their mark in their shape, so NFKD leaves them whole: Polish
#: ``ł``, Croatian ``đ``, Maltese ``ħ``, Danish ``ø``, dotless ``ı``.
_UNDECOMPOSED = str.maketrans({"ł": "l", "đ": "d", "ħ": "h", "ø": "o", "ı": "i"})
#: Anything but a letter (of any script: Greek and Cyrillic licence titles), a digit, a
#: dot or a plus; a single class under one quantifier, so nothing to backtrack.
_NON_WORD_RE = re.compile(r"[^\w.+]+|_+")
_LONE_DOT_RE = re.compile(r"(?<![0-9])\.|\.(?![0-9])")
_SPACES_RE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Casefolded, accents removed (``ł`` and the like too), apostrophes unified,
    whitespace collapsed."""
    text = text.translate(_APOSTROPHES).casefold()
    if not text.isascii():
        text = strip_accents(text)
        text = text.replace("ß", "ss").replace("œ", "oe").replace("æ", "ae")
        text = text.translate(_UNDECOMPOSED)
    return _SPACES_RE.sub(" ", text).strip()


def words(folded: str) -> str:
    """A folded text reduced to words (letters of every script kept, so that Greek and
    Bulgarian licence titles can be read): punctuation becomes a space, a dot survives only
    between digits (``4.0``), ``+`` survives (``GPLv3+``).  Padded with spaces so that
    ``" phrase "`` finds whole words."""
    text = _NON_WORD_RE.sub(" ", folded)
    text = _LONE_DOT_RE.sub(" ", text)
    return " " + _SPACES_RE.sub(" ", text).strip() + " "
