"""Text folding shared by the recognisers: case, accents, apostrophes, punctuation."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "words"]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "\x92": "'", "ʼ": "'"})
_NON_WORD_RE = re.compile(r"[^a-z0-9.+]+")
_LONE_DOT_RE = re.compile(r"(?<![0-9])\.|\.(?![0-9])")
_SPACES_RE = re.compile(r"\s+")
#: Combining diacritical marks, left over by NFKD decomposition (é -> e + U+0301).
_COMBINING_RE = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Casefolded, accents removed, apostrophes unified, whitespace collapsed."""
    text = text.translate(_APOSTROPHES).casefold()
    if not text.isascii():
        text = _COMBINING_RE.sub("", unicodedata.normalize("NFKD", text))
        text = text.replace("ß", "ss").replace("œ", "oe").replace("æ", "ae")
    return _SPACES_RE.sub(" ", text).strip()


def words(folded: str) -> str:
    """A folded text reduced to words: punctuation becomes a space, a dot survives only
    between digits (``4.0``), ``+`` survives (``GPLv3+``).  Padded with spaces so that
    ``" phrase "`` finds whole words."""
    text = _NON_WORD_RE.sub(" ", folded)
    text = _LONE_DOT_RE.sub(" ", text)
    return " " + _SPACES_RE.sub(" ", text).strip() + " "
