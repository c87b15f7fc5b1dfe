"""The schema.org accessibility vocabulary: lookup, closest-term suggestions, conflicts.

The vocabulary (``data/accessibility.json``) is the W3C *Schema.org Accessibility
Properties for Discoverability Vocabulary*.  :func:`lookup` tells what a record's value
is: a term, a term in the wrong case (the vocabulary treats case as insignificant, so
the value is understood but should be respelled), a synonym, a deprecated or obsolete
term, a legacy ``term/refinement``, a term with a ``-descriptor``, or unknown, in which
case it offers the closest terms (``alt text`` -> ``alternativeText``).  Hazard values
get their own suggestion logic so that a suggestion never turns a hazard into its
negation (``flashing hazard`` -> ``flashing``, not ``noFlashingHazard``).

Everything here is pure and cached; the readers use :func:`extension_element` and
:func:`names_accessibility_specification`, the ``A11Y`` rules the rest.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any, Literal

from oer_meta.i18n import N_, said
from oer_meta.knowledge.data_files import load_data
from oer_meta.knowledge.vocabularies import concept_tail

__all__ = [
    "PROPERTIES",
    "Lookup",
    "deprecated_terms",
    "epub_conformance",
    "extension_element",
    "feature_conflicts",
    "field_property",
    "hazard_conflicts",
    "is_pdf",
    "lookup",
    "lookup_sufficient",
    "media_kind",
    "names_accessibility_specification",
    "property_field",
    "suggest",
    "terms",
    "timed_media_words",
    "visual_indicators",
]

#: The properties with a controlled vocabulary, in the vocabulary's order.
PROPERTIES = (
    "accessMode",
    "accessModeSufficient",
    "accessibilityFeature",
    "accessibilityHazard",
    "accessibilityAPI",
    "accessibilityControl",
)

Status = Literal[
    "term", "case", "synonym", "deprecated", "obsolete", "legacy", "descriptor", "unknown"
]

#: Parts of a term name that a free-text value may leave out (``keyboard`` for
#: ``fullKeyboardControl``).
_FILLER = frozenset({"full", "control", "hazard"})
_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
_CLOSE = 0.75
_URI = re.compile(r"^(?:https?|urn):", re.IGNORECASE)


@dataclass(frozen=True)
class Lookup:
    """What one value of an accessibility property (``prop``) is.

    ``term`` is the vocabulary term the value stands for (its canonical spelling) when
    it is recognised; ``replacements`` the terms to use instead (synonym, deprecated,
    obsolete, wrong case); ``suggestions`` the closest terms of an unknown value, best
    first; ``note`` a short explanation for messages.
    """

    prop: str
    value: str
    status: Status
    term: str | None = None
    replacements: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()
    note: str | None = None

    @property
    def known(self) -> bool:
        """True when the value is understood (even if it should be respelled)."""
        return self.status != "unknown"

    @property
    def canonical(self) -> bool:
        """True when the value is written exactly as the current vocabulary wants it."""
        return self.status in ("term", "descriptor")


# -- the data ---------------------------------------------------------------------------


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = load_data("accessibility.json")
    return data


def _spec(prop: str) -> dict[str, Any]:
    try:
        spec: dict[str, Any] = _data()["properties"][prop]
    except KeyError:
        raise ValueError(f"{prop!r} is not a schema.org accessibility property") from None
    return spec


@cache
def terms(prop: str) -> tuple[str, ...]:
    """The current terms of ``prop`` (``accessMode``, ``accessibilityHazard``...)."""
    return tuple(_spec(prop)["terms"])


@cache
def deprecated_terms(prop: str) -> dict[str, tuple[str, ...]]:
    """Deprecated and obsolete terms of ``prop`` with their replacements."""
    spec = _spec(prop)
    retired = {**spec.get("deprecated", {}), **spec.get("obsolete", {})}
    return {name: tuple(info["replacements"]) for name, info in retired.items()}


@cache
def visual_indicators() -> frozenset[str]:
    """The accessMode refinements of ``visual`` (``chartOnVisual``, ``colorDependent``...)."""
    return frozenset(_spec("accessMode")["visual_indicators"])


@cache
def field_property(field: str) -> str:
    """The schema.org property of an :class:`~oer_meta.model.Accessibility` field."""
    for prop, spec in _data()["properties"].items():
        if spec["field"] == field:
            return str(prop)
    raise ValueError(f"{field!r} is not a vocabulary field of Accessibility")


def property_field(prop: str) -> str:
    """The :class:`~oer_meta.model.Accessibility` field of a schema.org property."""
    field: str = _spec(prop)["field"]
    return field


def _key(text: str) -> str:
    """Lower case, letters and digits only: the form in which spellings are compared."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORDS.findall(text)]


@cache
def _index(prop: str) -> dict[str, tuple[str, str]]:
    """Lower-cased name -> (canonical spelling, kind) for every name ``prop`` knows."""
    spec = _spec(prop)
    index: dict[str, tuple[str, str]] = {}
    for name in spec["terms"]:
        index[name.lower()] = (name, "term")
    for name in spec.get("synonyms", {}):
        index[name.lower()] = (name, "synonym")
    for name in spec.get("deprecated", {}):
        index[name.lower()] = (name, "deprecated")
    for name in spec.get("obsolete", {}):
        index[name.lower()] = (name, "obsolete")
    for name in spec.get("legacy_refinements", []):
        index[name.lower()] = (name, "legacy")
    return index


@cache
def _normalised(prop: str) -> dict[str, str]:
    """Normalised form -> name, for every name ``prop`` knows (terms win)."""
    found: dict[str, str] = {}
    for name, _kind in sorted(_index(prop).values(), key=lambda item: item[1] != "term"):
        found.setdefault(_key(name), name)
    return found


# -- lookup -----------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def lookup(prop: str, value: str) -> Lookup:
    """What ``value`` is in the vocabulary of ``prop``.

    Values are trimmed.  ``accessModeSufficient`` values are sets of modes: use
    :func:`lookup_sufficient` for them; here a single mode is looked up.
    """
    spec = _spec(prop)
    text = value.strip()
    found = _index(prop).get(text.lower())
    if found is not None:
        return _known(prop, text, found[0], found[1], spec)
    base, sep, refinement = text.partition("/")
    if sep and refinement and base.lower() in _index(prop):
        name = _index(prop)[base.lower()][0]
        return Lookup(
            prop, text, "legacy", term=name, replacements=(name,),
            note=N_(
                "the term/refinement form is legacy syntax; keep the term and describe "
                "the refinement in accessibilitySummary"
            ),
        )  # fmt: skip
    base, sep, descriptor = text.partition("-")
    if sep and descriptor and base in spec["terms"]:
        return Lookup(prop, text, "descriptor", term=base)
    if _URI.match(text):  # a concept URI whose last segment is the term
        segment = concept_tail(text)
        inner = lookup(prop, segment) if segment and segment != text else None
        if inner is not None and inner.known:
            return replace(inner, value=text)
    return Lookup(prop, text, "unknown", suggestions=suggest(prop, text))


def _known(prop: str, text: str, name: str, kind: str, spec: dict[str, Any]) -> Lookup:
    if kind == "term":
        if text == name:
            return Lookup(prop, text, "term", term=name)
        return Lookup(
            prop, text, "case", term=name, replacements=(name,),
            note=N_("the vocabulary treats case as insignificant, but exact spelling is expected"),
        )  # fmt: skip
    if kind == "synonym":
        preferred = spec["synonyms"][name]
        return Lookup(
            prop, text, "synonym", term=name, replacements=(preferred,),
            note=said(
                "{name} is kept as a synonym of {preferred}, the preferred term",
                name=name,
                preferred=preferred,
            ),
        )  # fmt: skip
    if kind == "legacy":
        base = name.partition("/")[0]
        return Lookup(
            prop, text, "legacy", term=base, replacements=(base,),
            note=N_(
                "the term/refinement form is legacy syntax; keep the term and describe "
                "the refinement in accessibilitySummary"
            ),
        )  # fmt: skip
    info = spec[kind][name]
    return Lookup(
        prop, text, "deprecated" if kind == "deprecated" else "obsolete", term=name,
        replacements=tuple(info["replacements"]), note=info.get("note"),
    )  # fmt: skip


def lookup_sufficient(value: str) -> list[Lookup]:
    """Each mode of one ``accessModeSufficient`` set (``"textual,visual"``), looked up.

    A visual content indicator (``textOnVisual``) belongs in ``accessMode`` only; in a
    sufficient set it is unknown, with ``visual`` as the suggestion.
    """
    found: list[Lookup] = []
    for part in value.split(","):
        mode = part.strip()
        if not mode:
            continue
        result = lookup("accessModeSufficient", mode)
        if not result.known and mode.lower() in {v.lower() for v in visual_indicators()}:
            result = Lookup(
                "accessModeSufficient", mode, "unknown", suggestions=("visual",),
                note=N_(
                    "visual content indicators belong in accessMode; a sufficient set "
                    "names only auditory, tactile, textual or visual"
                ),
            )  # fmt: skip
        found.append(result)
    return found


# -- suggestions ------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def suggest(prop: str, value: str) -> tuple[str, ...]:
    """The terms closest to an unknown ``value`` of ``prop``, best first (may be empty).

    Tried in order: the same letters in another spelling (``large print``), a known
    free-text alias (``alt text``), for hazards the hazard and its polarity, word
    prefixes (``long desc``, ``keyboard``), then a close spelling (``alternatve text``).
    Retired terms are replaced by their replacements.
    """
    key = _key(value)
    if not key:
        return ()
    spec = _spec(prop)
    normalised = _normalised(prop)
    aliases: dict[str, str] = spec.get("aliases", {})
    singular = key[:-1] if key.endswith("s") else key
    for candidate in (key, singular):
        if candidate in normalised:
            return _current(prop, (normalised[candidate],))
        if candidate in aliases:
            return _current(prop, (aliases[candidate],))
    if prop == "accessibilityHazard":
        hazard = _suggest_hazard(value)
        return (hazard,) if hazard else ()
    by_words = _by_words(prop, value)
    if by_words:
        return _current(prop, by_words)
    return _current(prop, _by_spelling(key, normalised))


def _current(prop: str, names: Iterable[str]) -> tuple[str, ...]:
    """Replace retired names by their replacements; keep order, drop repeats."""
    spec = _spec(prop)
    out: list[str] = []
    for name in names:
        if name in spec.get("synonyms", {}):
            replaced: tuple[str, ...] = (spec["synonyms"][name],)
        elif name in deprecated_terms(prop):
            replaced = deprecated_terms(prop)[name] or ()
        elif "/" in name:
            replaced = (name.partition("/")[0],)
        else:
            replaced = (name,)
        for item in replaced:
            if item not in out:
                out.append(item)
    return tuple(out[:3])


def _by_words(prop: str, value: str) -> tuple[str, ...]:
    """Terms whose words the value's words begin, in order; the term may have filler
    words (``full``, ``control``, ``hazard``) the value leaves out."""
    words = [w for w in re.split(r"[^0-9a-z]+", " ".join(_words(value))) if w]
    if not words:
        return ()
    scored: list[tuple[int, str]] = []
    for name in _spec(prop)["terms"]:
        parts = _words(name)
        unmatched = _match_words(words, parts)
        if unmatched is not None:
            scored.append((unmatched, name))
    scored.sort()
    return tuple(name for _, name in scored)


def _match_words(words: list[str], parts: list[str]) -> int | None:
    """How many non-filler term parts stay unmatched, or None when the words do not
    fit; each word must begin a later part than the previous word."""
    i = 0
    skipped = 0
    for word in words:
        while i < len(parts) and not (
            parts[i].startswith(word) and (len(word) >= 3 or word == parts[i])
        ):
            if parts[i] not in _FILLER:
                return None
            skipped += 1
            i += 1
        if i == len(parts):
            return None
        i += 1
    rest = parts[i:]
    if any(part not in _FILLER for part in rest):
        return None
    return skipped + len(rest)


def _by_spelling(key: str, normalised: dict[str, str]) -> tuple[str, ...]:
    scored = sorted(
        (
            (difflib.SequenceMatcher(None, key, norm).ratio(), name)
            for norm, name in normalised.items()
        ),
        reverse=True,
    )
    if not scored or scored[0][0] < _CLOSE:
        return ()
    best = scored[0][0]
    return tuple(name for ratio, name in scored if ratio >= _CLOSE and best - ratio <= 0.05)


@cache
def _hazard_words() -> tuple[
    frozenset[str], frozenset[str], tuple[tuple[str, tuple[str, ...]], ...]
]:
    """Negating words, "not known" words and each hazard's word stems (data file)."""
    words = _data()["hazard_words"]
    subjects = tuple((term, tuple(stems)) for term, stems in words["subjects"].items())
    return frozenset(words["negation"]), frozenset(words["unknown"]), subjects


def _suggest_hazard(value: str) -> str | None:
    """The hazard term a free-text hazard value means, keeping its polarity."""
    negation, unknown, subjects = _hazard_words()
    words = _words(value)
    subject = next(
        (term for term, stems in subjects if any(w.startswith(stems) for w in words)), None
    )
    if any(w in unknown for w in words) or ("not" in words and "known" in words):
        return f"unknown{subject[0].upper()}{subject[1:]}Hazard" if subject else "unknown"
    if any(w in negation for w in words):
        return f"no{subject[0].upper()}{subject[1:]}Hazard" if subject else "none"
    return subject


# -- combinations -----------------------------------------------------------------------


def _canonical_terms(prop: str, values: Iterable[str]) -> list[str]:
    """The recognised current terms among ``values``, canonical spelling, no repeats."""
    found: list[str] = []
    for value in values:
        result = lookup(prop, value)
        current = result.status in ("term", "case", "descriptor")
        if current and result.term is not None and result.term not in found:
            found.append(result.term)
    return found


def hazard_conflicts(values: Iterable[str]) -> list[tuple[str, str, Literal["must", "should"]]]:
    """The pairs of hazard values that the vocabulary forbids together.

    ``must`` pairs contradict each other (``flashing`` and ``noFlashingHazard``);
    ``should`` pairs are redundant (``none`` with ``noSoundHazard``).  Values are
    compared case-insensitively; each pair is given once, in the record's order.
    """
    present = _canonical_terms("accessibilityHazard", values)
    spec = _spec("accessibilityHazard")
    rules: dict[frozenset[str], Literal["must", "should"]] = {}
    for a, b in spec["should_not_combine"]:
        rules[frozenset((a, b))] = "should"
    for a, b in spec["must_not_combine"]:
        rules[frozenset((a, b))] = "must"
    found: list[tuple[str, str, Literal["must", "should"]]] = []
    for i, first in enumerate(present):
        for second in present[i + 1 :]:
            level = rules.get(frozenset((first, second)))
            if level is not None:
                found.append((first, second, level))
    return found


def feature_conflicts(values: Iterable[str]) -> list[tuple[str, list[str]]]:
    """``none`` or ``unknown`` declared together with other features: each placeholder
    with the other features it was combined with."""
    present = _canonical_terms("accessibilityFeature", values)
    found: list[tuple[str, list[str]]] = []
    for placeholder in _spec("accessibilityFeature")["exclusive"]:
        if placeholder in present:
            others = [term for term in present if term != placeholder]
            if others:
                found.append((placeholder, others))
    return found


# -- conformance claims -----------------------------------------------------------------


@cache
def _specification_pattern() -> re.Pattern[str]:
    return re.compile(_data()["conformance"]["specification_pattern"], re.IGNORECASE)


def names_accessibility_specification(text: str) -> bool:
    """True when a ``conformsTo`` value names an accessibility specification (WCAG,
    EPUB Accessibility, PDF/UA, EN 301 549, Section 508...), not e.g. a curriculum
    standard."""
    return bool(_specification_pattern().search(text))


def epub_conformance(text: str) -> tuple[bool, tuple[str, ...]] | None:
    """For a value that claims EPUB Accessibility conformance: whether it is one of the
    statements the specification defines, and the closest ones when it is not.  None
    for any other value."""
    conformance = _data()["conformance"]
    value = " ".join(text.split())
    if not value.lower().startswith(tuple(p.lower() for p in conformance["epub_prefixes"])):
        return None
    statements: list[str] = conformance["epub_statements"]
    if value in statements:
        return True, ()
    wanted = _statement_key(value)
    same = [s for s in statements if _statement_key(s) == wanted]
    if same:
        return False, (same[0],)
    close = difflib.get_close_matches(value, statements, n=1, cutoff=0.6)
    return False, tuple(close)


def _statement_key(text: str) -> str:
    """A conformance statement without case, punctuation or the word "level"."""
    words = re.findall(r"[a-z0-9.]+", text.lower())
    return " ".join(w for w in words if w != "level")


# -- readers and media ------------------------------------------------------------------


def extension_element(name: str) -> dict[str, Any] | None:
    """How an XML element or attribute named ``name`` (any case, ``_``/``-`` ignored)
    carries accessibility: ``{"field": ..., "value"?: ..., "when"?: [...]}``, or None."""
    table: dict[str, Any] = _data()["extension_elements"]
    key = name.lower().replace("_", "").replace("-", "")
    if key.startswith("_"):
        return None
    found = table.get(key)
    return found if isinstance(found, dict) else None


def media_kind(mime: str) -> Literal["timed", "static"] | None:
    """``timed`` for a MIME type of sound or moving pictures, ``static`` for one that
    cannot hold them, None when the type proves nothing (HTML, EPUB, packages)."""
    media = _data()["media"]
    value = mime.strip().lower().split(";")[0].strip()
    if not value:
        return None
    if value.startswith(tuple(media["timed_prefixes"])) or value in media["timed_types"]:
        return "timed"
    if value.startswith(tuple(media["static_prefixes"])) or value in media["static_types"]:
        return "static"
    return None


def is_pdf(mime: str) -> bool:
    """True for a PDF MIME type."""
    return mime.strip().lower().split(";")[0].strip() in _data()["media"]["pdf_types"]


@cache
def timed_media_words() -> tuple[str, ...]:
    """Words that, in a learning resource type, mark audio or video content."""
    return tuple(_data()["media"]["timed_words"])
