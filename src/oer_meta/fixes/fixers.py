"""The fixers: for a finding of a fixable code, the value it names and its
replacement, or nothing.

Each fixer is registered for one code and computes the replacement from the Record
(the same knowledge the rule used), never from the finding's message.  It returns
``None`` whenever the replacement is not certain: a fix never guesses.  What each
fix does, in one sentence, is declared where the rule is (``fixable=`` on the rule or
variant), so the rule's page says it; a test keeps both lists equal.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from oer_meta.checks.a11y import VOCABULARY_FIELDS
from oer_meta.checks.lic import cc_canonical_url
from oer_meta.knowledge.accessibility import field_property, lookup
from oer_meta.knowledge.languages import (
    CASE,
    DEPRECATED,
    EXTENSION_ORDER,
    EXTLANG,
    REDUNDANT_SCRIPT,
    REGION_ALIAS,
    THREE_LETTER,
    UNDERSCORE,
    WHITESPACE,
    inspect_language,
)
from oer_meta.knowledge.licences.spdx import spdx_id
from oer_meta.knowledge.lom_profiles import vocabulary_for
from oer_meta.model import Location, Record
from oer_meta.report.results import Finding

__all__ = ["FIXERS", "SAFE_LANGUAGE_REASONS", "Replacement"]


@dataclass(frozen=True)
class Replacement:
    """The value as the Record holds it (``old``) and the value to write (``new``).

    ``location`` is where the value is (``None``: the finding's); ``attribute`` names
    the attribute that holds it, by the names it may be written with (``language``,
    ``xml:lang``), when it is not the element's text.
    """

    old: str
    new: str
    location: Location | None = None
    attribute: tuple[str, ...] = ()
    #: With ``attribute``: the attribute of every element below ``location`` that holds
    #: ``old`` (a record's root: all its strings), not only of the element there.
    subtree: bool = False


#: A fixer gives one replacement, several (all are made, or none), or ``None``.
Fixer = Callable[[Finding, Record], Replacement | tuple[Replacement, ...] | None]

#: Why a language value is not canonical, for the reasons a fix may act on: each one
#: only changes how the same tag is written (case, separator, a code or subtag the
#: IANA registry or ISO 639 maps one to one).  Left out: a language name (``English``:
#: a word read through a name table, which is a guess however good), a URI (a profile
#: may ask for URIs), an invalid subtag (dropping it loses what the record said), a
#: POSIX modifier (``@latin`` may carry the script), lists and synonyms.
SAFE_LANGUAGE_REASONS = frozenset(
    {
        WHITESPACE,
        CASE,
        UNDERSCORE,
        THREE_LETTER,
        DEPRECATED,
        EXTLANG,
        REDUNDANT_SCRIPT,
        REGION_ALIAS,
        EXTENSION_ORDER,
    }
)


#: One SPDX licence id written alone (``GPL-2.0+``): no expression, no prose.
_SPDX_TOKEN = re.compile(r"^[A-Za-z0-9.-]+\+?$")


def _at(where: Location | None, finding: Finding) -> bool:
    """True when a value's location is the finding's (the file aside).  A value with no
    line of its own (inside an XML string of a JSON envelope) is matched by its path:
    the engine gave its finding the record's line so that it points into the file."""
    there = finding.location
    if where is None or where.path != there.path:
        return False
    if where.line is None:
        return True
    return where.line == there.line and where.column == there.column


def _safe_tag(value: str) -> str | None:
    """The canonical tag of a language value whose form only differs from it."""
    verdict = inspect_language(value)
    if (
        verdict.tag is None
        or verdict.parts
        or verdict.canonical
        or not set(verdict.reasons) <= SAFE_LANGUAGE_REASONS
    ):
        return None
    return verdict.tag


#: The strings whose language attributes LANG003 reports in groups.
_STRING_FIELDS = ("titles", "descriptions", "keywords")
#: How an XML format names a string's language attribute (LOM, Dublin Core).
LANGUAGE_ATTRIBUTES = ("language", "xml:lang")


def _language(finding: Finding, record: Record) -> Replacement | tuple[Replacement, ...] | None:
    """``en_US`` → ``en-US``, ``EN`` → ``en``, ``fre`` → ``fr``, ``iw`` → ``he``; for the
    language attribute of strings, every title, description and keyword string of the
    group the finding reports."""
    if finding.field in ("languages", "metadata_languages"):
        values = record.languages if finding.field == "languages" else record.metadata_languages
        found = [t for t in values if _at(t.location, finding)]
        if len(found) != 1:
            return None
        tag = _safe_tag(found[0].value)
        return Replacement(found[0].value, tag) if tag is not None else None
    if finding.field is None or finding.field.partition(".")[2] != "language":
        return None
    strings = [t for name in _STRING_FIELDS for t in getattr(record, name)]
    first = [t.language for t in strings if t.language and _at(t.location, finding)]
    if len(set(first)) != 1:
        return None
    value = first[0]
    tag = _safe_tag(value)
    if tag is None or any(t.location is None for t in strings if t.language == value):
        return None
    group = tuple(
        Replacement(value, tag, location=t.location, attribute=LANGUAGE_ATTRIBUTES)
        for t in strings
        if t.language == value
    )
    # The record's other strings with the same language (educational descriptions,
    # rights...) get the same tag, so that the record does not end up with two spellings.
    whole = Replacement(
        value, tag, location=record.location, attribute=LANGUAGE_ATTRIBUTES, subtree=True
    )
    return (*group, whole)


def _token_case(finding: Finding, record: Record) -> Replacement | None:
    """``Lecture`` → ``lecture``: the one token of the declared vocabulary that the
    value spells in another case."""
    found = [t for t in record.vocabulary_terms if _at(t.location, finding)]
    if len(found) != 1 or found[0].element is None:
        return None
    term = found[0]
    source = term.source.strip() if term.source is not None else None
    choice = vocabulary_for(term.element or "", source, record.profiles)
    if choice is None:
        return None
    value = term.value.strip()
    tokens = [t for t in choice.allowed if t.casefold() == value.casefold()]
    if len(tokens) != 1 or tokens[0] == value:
        return None
    return Replacement(term.value, tokens[0])


def _spdx_replacement(finding: Finding, record: Record) -> Replacement | None:
    """``GPL-2.0+`` → ``GPL-2.0-or-later``: a deprecated SPDX id written alone, replaced
    by the id SPDX names for the same licence."""
    found = [s for s in record.licences if _at(s.location, finding)]
    if len(found) != 1 or found[0].licence is None:
        return None
    statement, licence = found[0], found[0].licence
    written = statement.raw.strip()
    token = written[:-1] if written.endswith("+") else written
    if (
        licence.how != "spdx"
        or not licence.deprecated
        or not licence.replaced_by
        or not _SPDX_TOKEN.match(written)
        or spdx_id(token) is None
        or written == licence.replaced_by
    ):
        return None
    return Replacement(statement.raw, licence.replaced_by)


def _licence_url(finding: Finding, record: Record) -> Replacement | None:
    """``http://creativecommons.org/licenses/by/4.0`` →
    ``https://creativecommons.org/licenses/by/4.0/``: the same page, written as Creative
    Commons writes it (the rule's own test, :func:`cc_canonical_url`)."""
    found = [s for s in record.licences if _at(s.location, finding)]
    if len(found) != 1 or found[0].licence is None:
        return None
    canonical = cc_canonical_url(found[0].raw, found[0].licence)
    return Replacement(found[0].raw, canonical) if canonical is not None else None


def _accessibility_term(finding: Finding, record: Record) -> Replacement | None:
    """``tableofcontents`` → ``tableOfContents``, ``printPageNumbers`` →
    ``pageBreakMarkers``, ``bookmarks`` → ``tableOfContents``: the one current term of
    the W3C vocabulary for a value it still understands.  Left alone: a deprecated term
    with no replacement or a choice of two (``captions``), the Apple APIs whose
    replacement the vocabulary itself swaps, legacy ``term/refinement`` forms (the
    refinement would be lost) and concept URIs (a profile may want URIs)."""
    field = (finding.field or "").partition(".")[2]
    if field not in VOCABULARY_FIELDS:  # not accessModeSufficient: sets of modes
        return None
    found = [t for t in getattr(record.accessibility, field) if _at(t.location, finding)]
    if len(found) != 1:
        return None
    value = found[0].value
    result = lookup(field_property(field), value)
    if result.status not in ("case", "synonym", "deprecated") or ":" in value:
        return None
    if len(result.replacements) != 1 or (result.note and "swaps" in result.note):
        return None
    new = result.replacements[0]
    return Replacement(value, new) if new != value.strip() else None


#: Fixers by code.
FIXERS: dict[str, Fixer] = {
    "LANG003": _language,
    "LANG009": _language,
    "LANG010": _language,
    "STD007": _token_case,
    "LIC013": _spdx_replacement,
    "LIC014": _licence_url,
    "A11Y009": _accessibility_term,
}
