"""LOM application profiles: how a record names one, and the vocabularies each defines.

A LOM record is judged by the profile it declares or is recognised as (LOM-ES, NL-LOM,
ScoLOMFR, HS-OER-LOM...).  The facts live in ``oer_meta/data/lom_profiles.json``; the
reader asks here which profile a ``metadataSchema`` value, a namespace or a vocabulary
source names, and rule ``STD003`` asks which tokens a vocabulary element may take under
a source in a record of some profiles.  What a profile adds to the element tree is the
structure table's business (``lom_elements.json``, read by the LOM reader).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from oer_meta.knowledge.vocabularies import load_data, lom_vocabulary

__all__ = [
    "LOM_SOURCE",
    "VocabularyChoice",
    "fold_name",
    "profile_ids",
    "profile_of_namespace",
    "profile_of_schema",
    "profile_of_source",
    "profile_title",
    "scolomfr_concept_vocabulary",
    "scolomfr_element_vocabulary",
    "scolomfr_purpose_vocabulary",
    "scolomfr_scheme_vocabulary",
    "scolomfr_vocabulary_name",
    "value_type",
    "vocabulary_for",
]

#: The folded name of the LOM base vocabulary's source token.
LOM_SOURCE = "lomv1.0"

_FOLD = re.compile(r"[\s_\-]+")
_SCOLOMFR_NUMBERED = re.compile(r"^(scolomfr-voc-\d{3})-num-")


def fold_name(value: str) -> str:
    """A profile or vocabulary name as compared: lower case, without spaces, hyphens and
    underscores (``LOM-ES V1.0`` and ``LOM-ESv1.0`` fold alike; so do ``nl_lom_v1p0``
    and ``NL-LOM v1p0``)."""
    return _FOLD.sub("", value.lower())


@cache
def _table() -> dict[str, Any]:
    table: dict[str, Any] = load_data("lom_profiles.json")
    return table


def profile_ids() -> list[str]:
    """Every profile oer_meta recognises, in the order they are tried."""
    return list(_table()["profiles"])


def profile_title(profile: str) -> str:
    """How messages name a profile (``LOM-ES`` for ``lom-es``); unknown ids as given."""
    found = _table()["profiles"].get(profile)
    return str(found["title"]) if found else profile


def profile_of_schema(value: str) -> str | None:
    """The profile a ``metaMetadata.metadataSchema`` value names (``None`` for plain
    LOM): the first profile, in file order, one of whose schema names occurs in it."""
    name = fold_name(value)
    for profile, spec in _table()["profiles"].items():
        if any(needle in name for needle in spec.get("schema_names", ())):
            return str(profile)
    return None


@cache
def _namespaces() -> dict[str, str]:
    return {
        uri: profile
        for profile, spec in _table()["profiles"].items()
        for uri in spec.get("namespaces", ())
    }


def profile_of_namespace(uri: str | None) -> str | None:
    """The profile whose own namespace ``uri`` is (ScoLOMFR, LOM-FR, HS-OER-LOM)."""
    return _namespaces().get(uri) if uri else None


@cache
def _sources() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    exact: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    for profile, spec in _table()["profiles"].items():
        for source in spec.get("sources", ()):
            exact.setdefault(fold_name(source), profile)
        for prefix in spec.get("source_prefixes", ()):
            prefixes.append((prefix, profile))
    return exact, tuple(prefixes)


def profile_of_source(source: str | None) -> str | None:
    """The profile a vocabulary source names: one of its source tokens (compared
    folded) or a URI under one of its vocabulary addresses."""
    if not source:
        return None
    value = source.strip()
    exact, prefixes = _sources()
    found = exact.get(fold_name(value))
    if found is not None:
        return found
    for prefix, profile in prefixes:
        if value.startswith(prefix):
            return profile
    return None


@dataclass(frozen=True)
class VocabularyChoice:
    """The tokens a vocabulary element may take, and how messages name them."""

    allowed: frozenset[str]
    #: ``LOMv1.0``, ``LOM-ESv1.0``, ``HS-OER-LOM's LOMv1.0``...
    name: str


def vocabulary_for(
    element: str, source: str | None, profiles: Iterable[str] = ()
) -> VocabularyChoice | None:
    """The vocabulary a LOM element's value is checked against, or ``None`` when oer_meta
    knows none (an application-profile vocabulary it does not hold is tolerated).

    No source, or ``LOMv1.0``: the LOMv1.0 tokens, or the profile's own spelling of them
    when the record is of a profile that respells them (HS-OER-LOM).  Another source: the
    vocabulary of the profile whose source token or address it is (compared folded, an
    address alike over http and https), whose unlisted elements take the tokens its
    ``others`` names (NL-LOM's VDEX editions of LOMv1.0 list none).
    No source in a record of a profile whose vocabulary is its ``default`` (LOM-ES):
    that vocabulary.
    """
    chosen = set(profiles)
    if source is None:
        source = _default_source(chosen)
    folded = _source_key(source) if source is not None else LOM_SOURCE
    for profile, spec in _table()["profiles"].items():
        for vocabulary in spec.get("vocabularies", ()):
            if _source_key(vocabulary["source"]) != folded:
                continue
            if folded == LOM_SOURCE and profile not in chosen:
                continue
            values = _element_values(vocabulary["elements"], element)
            if values is not None:
                name = vocabulary["source"]
                if folded == LOM_SOURCE:
                    name = f"{spec['title']}'s LOMv1.0"
                return VocabularyChoice(values, name)
            if folded == LOM_SOURCE:
                break  # the profile respells other LOMv1.0 vocabularies, not this one
            if vocabulary.get("others") == "LOMv1.0":
                base = lom_vocabulary(element)
                return VocabularyChoice(base, vocabulary["source"]) if base is not None else None
            return None
    if folded != LOM_SOURCE:
        return None
    base = lom_vocabulary(element)
    return VocabularyChoice(base, "LOMv1.0") if base is not None else None


def _source_key(source: str) -> str:
    """A vocabulary source as compared: folded, and an address the same over ``http`` and
    ``https`` (Edurep records name the same NL-LOM VDEX file both ways)."""
    folded = fold_name(source.strip())
    return "http://" + folded[8:] if folded.startswith("https://") else folded


def _default_source(profiles: set[str]) -> str | None:
    """The source a value without one takes in a record of ``profiles``."""
    for profile in profiles:
        spec = _table()["profiles"].get(profile)
        for vocabulary in spec.get("vocabularies", ()) if spec else ():
            if vocabulary.get("default"):
                return str(vocabulary["source"])
    return None


def _element_values(elements: dict[str, list[str]], element: str) -> frozenset[str] | None:
    wanted = element.lower()
    for key, values in elements.items():
        if key.lower() == wanted:
            return frozenset(values)
    return None


def value_type(element: str | None, profiles: Iterable[str]) -> str | None:
    """The type a profile gives an element's value, where it differs from LOM's
    (HS-OER-LOM: ``technical.duration`` is a clock ``time``)."""
    if element is None:
        return None
    for profile in profiles:
        spec = _table()["profiles"].get(profile)
        if spec:
            found = spec.get("value_types", {}).get(element)
            if found:
                return str(found)
    return None


# -- ScoLOMFR concepts ---------------------------------------------------------------------


@cache
def _nominal() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for vocabulary, tails in _table()["scolomfr_concepts"]["nominal"].items():
        for tail in tails:
            found.setdefault(tail, set()).add(vocabulary)
    return {tail: frozenset(vocabularies) for tail, vocabularies in found.items()}


def scolomfr_concept_vocabulary(value: str | None) -> frozenset[str] | None:
    """The ScoLOMFR vocabularies a concept URI belongs to (``scolomfr-voc-015-num-1230``
    names its own; a nominal one such as ``concept/author`` is looked up), ``None`` when
    the value is no ScoLOMFR concept URI or an unknown one."""
    if not value:
        return None
    base = _table()["scolomfr_concepts"]["concept_base"]
    text = value.strip()
    if not text.startswith(base):
        return None
    tail = text[len(base) :].strip("/")
    numbered = _SCOLOMFR_NUMBERED.match(tail)
    if numbered:
        return frozenset({numbered.group(1)})
    return _nominal().get(tail)


def scolomfr_scheme_vocabulary(value: str | None) -> str | None:
    """The ScoLOMFR vocabulary a scheme URI names (a taxonPath source such as
    ``http://data.education.fr/voc/scolomfr/scolomfr-voc-015``), else ``None``."""
    if not value:
        return None
    base = _table()["scolomfr_concepts"]["scheme_base"]
    text = value.strip().rstrip("/")
    if not text.startswith(base):
        return None
    tail = text[len(base) :]
    return tail if re.fullmatch(r"scolomfr-voc-\d{3}", tail) else None


def scolomfr_element_vocabulary(element: str | None) -> str | None:
    """The ScoLOMFR vocabulary a LOM vocabulary element takes (IEEE dotted name)."""
    if element is None:
        return None
    wanted = element.lower()
    for key, vocabulary in _table()["scolomfr_concepts"]["elements"].items():
        if key.lower() == wanted:
            return str(vocabulary)
    return None


def scolomfr_vocabulary_name(vocabulary: str) -> str:
    """``scolomfr-voc-003 (RôleContributeur)``; the id alone when its name is unknown."""
    name = _table()["scolomfr_concepts"]["names"].get(vocabulary)
    return f"{vocabulary} ({name})" if name else vocabulary


def scolomfr_purpose_vocabulary(value: str | None) -> tuple[str, str] | None:
    """``(vocabulary, how messages name the purpose)`` for a classification purpose given
    as a ScoLOMFR concept URI that ties its taxons to one vocabulary
    (``scolomfr-voc-028-num-003``, domaine d'enseignement: ``scolomfr-voc-015``), else
    ``None`` (a purpose given as a label or a LOMv1.0 token is not judged)."""
    if not value:
        return None
    table = _table()["scolomfr_concepts"]
    text = value.strip()
    if not text.startswith(table["concept_base"]):
        return None
    tail = text[len(table["concept_base"]) :].strip("/")
    vocabulary = table.get("purposes", {}).get(tail)
    if vocabulary is None:
        return None
    label = table.get("purpose_labels", {}).get(tail)
    return str(vocabulary), f"{tail} ({label})" if label else tail
