"""Rights prose in many languages (``data/licences/rights_phrases.json``): "all rights
reserved", "for non-commercial use only", "for teaching only", "free of charge" in the
official EU languages and the corpus languages, the values that stand for no value
("N/A", "none", "Licence non indiquée"), and RightsStatements.org labels in translation.

A phrase is matched on whole words of the folded text (:func:`text.fold`, then every run
of characters that are not letters or digits read as one space), so that Greek, Cyrillic
and Polish letters survive, unlike :func:`text.words`.  Plain phrases are found with
``in`` on that space-padded text (nothing to compile, nothing to backtrack); the few
with a stem make one small regex per family, built the first time a statement is read.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from oer_meta.knowledge.data_files import load_data
from oer_meta.knowledge.licences.text import fold

__all__ = [
    "families",
    "is_absent",
    "matches",
    "prose_words",
    "rightsstatement_labels",
]

_NON_WORD_RE = re.compile(r"[\W_]+")
#: A value made of dashes, dots, question marks or slashes only ("-", "--", "?", "...").
_PUNCTUATION_ONLY_RE = re.compile(r"^[\s\-\u2010-\u2015_?.\u2026*/\\|~]+$")


def prose_words(folded: str) -> str:
    """``folded`` as words separated by single spaces, padded with a space at each end,
    so that ``" phrase "`` finds whole words; letters of every script are kept."""
    return " " + _NON_WORD_RE.sub(" ", folded).strip() + " "


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = load_data("licences/rights_phrases.json")
    return data


def _phrase_regex(phrase: str) -> str:
    """One phrase with stems as a regex over :func:`prose_words` text: its words in
    order, a word ending in ``*`` standing for any word it begins."""
    parts: list[str] = []
    for token in phrase.split():
        stem = token.endswith("*")
        pieces = prose_words(fold(token.rstrip("*"))).split()
        regex = " ".join(re.escape(piece) for piece in pieces)
        parts.append(regex + (r"\w*" if stem else ""))
    return " ".join(part for part in parts if part)


@cache
def _family_phrases() -> dict[str, tuple[tuple[str, ...], re.Pattern[str] | None]]:
    """Per statement family: its plain phrases as ``" words "`` strings (found with
    ``in``, nothing to compile), and one regex for the few phrases with a stem."""
    found: dict[str, tuple[tuple[str, ...], re.Pattern[str] | None]] = {}
    for family, rows in _data()["phrases"].items():
        plain: set[str] = set()
        stems: set[str] = set()
        for row in rows:
            for phrase in row["phrases"]:
                if "*" in phrase:
                    stems.add(_phrase_regex(phrase))
                else:
                    plain.add(prose_words(fold(phrase)))
        plain.discard("  ")
        stems.discard("")
        regex = re.compile(" (?:" + "|".join(sorted(stems)) + ")(?= )") if stems else None
        found[family] = (tuple(sorted(plain, key=len)), regex)
    return found


def families() -> frozenset[str]:
    """The statement families that have phrases."""
    return frozenset(_data()["phrases"])


def matches(family: str, word_text: str) -> bool:
    """True when a phrase of ``family`` occurs in ``word_text`` (:func:`prose_words`)."""
    entry = _family_phrases().get(family)
    if entry is None:
        return False
    plain, stems = entry
    return any(phrase in word_text for phrase in plain) or (
        stems is not None and stems.search(word_text) is not None
    )


@cache
def _absent_values() -> frozenset[str]:
    return frozenset(
        prose_words(fold(value)).strip()
        for row in _data()["absent_values"]
        for value in row["phrases"]
    )


def is_absent(body: str) -> bool:
    """True when the whole statement stands for no value: "N/A", "none", "-",
    "unknown", "Licence non indiquée"... (not a statement that happens to contain
    such a word)."""
    if len(body) > 60:
        return False
    if _PUNCTUATION_ONLY_RE.match(body):
        return True
    return prose_words(fold(body)).strip() in _absent_values()


def rightsstatement_labels() -> dict[str, list[str]]:
    """``{statement code: [label in another language, ...]}``."""
    return {code: entry["labels"] for code, entry in _data()["rightsstatements_labels"].items()}
