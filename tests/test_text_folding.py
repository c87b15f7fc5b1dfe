"""Accent folding: the table-driven fast path gives what the definition gives."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from oer_meta.knowledge.text import fold, strip_accents


def _by_definition(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@given(st.text(max_size=60))
def test_strip_accents_is_nfkd_without_combining_marks(text: str) -> None:
    assert strip_accents(text) == _by_definition(text)


@given(st.text(alphabet=st.characters(min_codepoint=0x2FF, max_codepoint=0x1FFFF), max_size=30))
def test_strip_accents_outside_latin_and_beyond_the_basic_plane(text: str) -> None:
    assert strip_accents(text) == _by_definition(text)


def test_examples() -> None:
    assert strip_accents("yorùbá") == "yoruba"
    assert strip_accents("Élève ﬁn") == "Eleve fin"  # NFKD: the ligature too
    assert strip_accents("\U0001d158\U0001d165") == "\U0001d158"  # a musical combining stem
    assert fold(" Ça  VA ", spaces=True) == "ca va"
