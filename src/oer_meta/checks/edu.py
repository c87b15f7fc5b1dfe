"""Pack ``EDU``: does the record say for whom the resource is meant, readably?

Action area 3 asks for OER that suit the needs of their target learners and the
objectives of the course (para. 13), and networks that share OER by level of education
(para. 15).  A catalogue can only filter by audience, age and level when records give
them, and give them in a form machines can read: an intended role, an age range in
digits, an educational level from a shared vocabulary.  The accepted age-range grammar
and the vocabularies recognised are documented in docs/education.md; the tables are in
``oer_meta/data/education.json``.  Occurrences that matter less than their rule's
have codes of their own (``EDU004`` to ``EDU006``, information): one severity per code.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from oer_meta.checks.registry import Variant, Violation, rule
from oer_meta.knowledge.data_files import load_data
from oer_meta.knowledge.vocabularies import lom_vocabulary
from oer_meta.model import Record, Term, Text

#: Every dash a record may use between two ages, and the tilde of East Asian ranges.
_DASHES = re.compile(r"[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D~]")
_NUMBER = r"(\d+(?:\.\d+)?)"
_RANGE = re.compile(rf"^{_NUMBER}\s*-\s*{_NUMBER}$")
_SINGLE = re.compile(rf"^{_NUMBER}$")
_PLUS = re.compile(rf"^{_NUMBER}\s*\+$")
_OPEN_HIGH = re.compile(rf"^{_NUMBER}\s*-$")
_OPEN_LOW = re.compile(rf"^-\s*{_NUMBER}$")
_FROM = re.compile(
    r"^(?:ab|from|des|a partir de|over|plus de|mindestens|vanaf|desde|dai?)\s*(\d+)\b"
    r"|^(\d+)\s*(?:\w+\s+)?(?:and|et|und|en|y|e|or|ou|oder)\s+(?:over|older|up|plus|"
    r"alter|aelter|mehr|ouder|mas|piu)\b"
)
_BETWEEN = re.compile(r"^(\d+)\s*(?:to|bis|a|tot|al|y|and|et|und)\s*(\d+)\b")
_ISCED = re.compile(r"^isced(?:[\s-]*2011)?[\s,:-]*(?:level|niveau|stufe|nivel)?[\s-]*(\d)$")
_OLDEST = 120
_LEVEL_ELEMENT = "educational.context"
_DC_WITHOUT_AUDIENCE = frozenset({"oai_dc", "dc"})


def _fold(text: str) -> str:
    """Lower case, accents removed, spaces collapsed: how labels are compared."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.split())


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = load_data("education.json")
    return data


# -- EDU001 ------------------------------------------------------------------------------


def _named(terms: list[Term]) -> bool:
    return any(t.value.strip() or t.id for t in terms)


_AUDIENCE_SIMPLE_DC = Variant(
    "EDU004",
    "audience-missing-simple-dc",
    "info",
    "A simple Dublin Core record does not say for whom the resource is meant; the "
    "format has no element for it.",
    """
    ## Why it matters
    The intended role tells a lesson for pupils from the teacher's guide on the same
    subject (``EDU001``), but simple Dublin Core (``oai_dc`` and plain ``dc``) has no
    audience element: only ``dcterms:audience`` in DCMI terms, LOM or schema.org can
    say it.  Information rather than ``EDU001``'s warning, since the record cannot do
    better in this format; the finding stays because a richer format of the same
    record could.

    ## Example
    An ``oai_dc:dc`` record with title, subject, description and rights, and no way to
    name learners or teachers.

    ## Fix
    Offer the record also in DCMI terms (``dcterms:audience``), LOM
    (``intendedEndUserRole``) or JSON-LD (``audience``).
    """,
)


@rule(
    "EDU001",
    "audience-missing",
    severity="warning",
    areas=[3, 1],
    paragraphs=["13", "15", "9(iii)"],
    variants=[_AUDIENCE_SIMPLE_DC],
)
def audience_missing(record: Record) -> Iterator[Violation]:
    """The record does not say for whom the resource is meant (learner, teacher...).

    ## Why it matters
    A lesson for pupils, a teacher's guide and an answer key may share a subject and a
    level; only the intended end-user role tells them apart, so that a learner is not
    sent to the teacher's material and a teacher finds the planning resources
    (para. 13: OER that suit the needs of their target learners).  An educational
    level or an age range does not count: they say at which stage, not for whom.  A
    warning where the format has a field for it (LOM ``intendedEndUserRole``,
    schema.org ``audience``, ``dcterms:audience``); ``EDU004`` (information) for simple
    Dublin Core, which has no such element.

    ## Example
    A LOM record whose ``educational`` section has a ``context`` and a
    ``typicalAgeRange`` but no ``intendedEndUserRole``; JSON-LD without ``audience``;
    an ``intendedEndUserRole`` whose ``value`` is empty.

    ## Fix
    Add the intended role from a vocabulary: LOM ``intendedEndUserRole`` with source
    ``LOMv1.0`` (``learner``, ``teacher``, ``author``, ``manager``), schema.org
    ``"audience": {"@type": "EducationalAudience", "educationalRole": "student"}``
    (LRMI educationalAudienceRole), or ``dcterms:audience``.
    """
    if _named(record.intended_end_user_roles):
        return
    empty = bool(record.intended_end_user_roles)
    simple_dc = record.source_format == "dc" and record.dialect in _DC_WITHOUT_AUDIENCE
    stage = [
        name
        for name, present in (
            ("an educational level", _named(record.educational_levels)),
            ("an age range", any(t.value.strip() for t in record.typical_age_ranges)),
        )
        if present
    ]
    if empty:
        message = "the intended end-user role is empty"
    else:
        message = "no intended end-user role or audience is given"
    if stage:
        verb = "say" if len(stage) > 1 else "says"
        message += f" ({' and '.join(stage)} {verb} at which stage, not for whom)"
    elif simple_dc:
        message += f" ({record.dialect} has no element for it)"
    location = next(
        (t.location for t in record.intended_end_user_roles if t.location is not None),
        record.location,
    )
    yield Violation(
        message,
        hint=(
            "offer the record in DCMI terms (dcterms:audience) or LOM as well"
            if simple_dc
            else "add the intended role: LOM educational.intendedEndUserRole (LOMv1.0: "
            "learner, teacher, author, manager), schema:audience with an "
            "EducationalAudience educationalRole, or dcterms:audience"
        ),
        field="intended_end_user_roles",
        location=location,
        code="EDU004" if simple_dc else None,
    )


# -- EDU002 ------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgeReading:
    """What an age range says: ``ok`` (readable), ``open`` (a trailing or leading
    hyphen only), ``invalid``; ``reason`` and ``suggestion`` explain the latter two."""

    status: str
    low: float | None = None
    high: float | None = None
    reason: str = ""
    suggestion: str | None = None


def _show(value: float) -> str:
    return f"{value:g}"


@cache
def _unit_pattern() -> re.Pattern[str]:
    units = sorted((_fold(u) for u in _data()["age_units"]), key=len, reverse=True)
    return re.compile(r"\s*(?:" + "|".join(re.escape(u) for u in units) + r")\.?(?:\s+old)?$")


def _one(item: str) -> AgeReading:
    """Read one range (no list separators)."""
    text = _unit_pattern().sub("", item).strip() if re.search(r"\d", item) else item
    match = _RANGE.match(text)
    if match is not None:
        return _check(float(match.group(1)), float(match.group(2)))
    match = _SINGLE.match(text)
    if match is not None:
        return _check(float(match.group(1)), float(match.group(1)))
    match = _PLUS.match(text)
    if match is not None:
        return _check(float(match.group(1)), None)
    match = _OPEN_HIGH.match(text)
    if match is not None:
        reading = _check(float(match.group(1)), None)
        if reading.status != "ok":
            return reading
        shown = _show(float(match.group(1)))
        return AgeReading(
            "open",
            low=reading.low,
            reason="a range with no upper age: LOM and schema.org write it for "
            f"'{shown} and older', but it also reads as a range whose end was cut off",
            suggestion=f"{shown}+",
        )
    match = _OPEN_LOW.match(text)
    if match is not None:
        reading = _check(0.0, float(match.group(1)))
        if reading.status != "ok":
            return reading
        return AgeReading(
            "open",
            high=reading.high,
            reason="a range with no lower age, which also reads as a negative number",
            suggestion=f"0-{_show(float(match.group(1)))}",
        )
    reason = (
        "words around the ages, not a range such as '10-12'"
        if re.search(r"\d", text)
        else "no age written in digits"
    )
    return AgeReading("invalid", reason=reason, suggestion=_guess(text))


def _check(low: float, high: float | None) -> AgeReading:
    """A readable range, unless an age is implausible or the bounds are swapped."""
    for age in (low, high):
        if age is not None and age > _OLDEST:
            return AgeReading(
                "invalid",
                reason=f"{_show(age)} is not an age (above {_OLDEST}); a year or a grade?",
            )
    if high is not None and low > high:
        return AgeReading(
            "invalid",
            reason=f"the lower age {_show(low)} is above the upper age {_show(high)}",
            suggestion=f"{_show(high)}-{_show(low)}",
        )
    return AgeReading("ok", low=low, high=high)


def _guess(text: str) -> str | None:
    """The digits form of a range written in words, when it is plain: ``ab 10`` →
    ``10+``, ``10 to 12`` → ``10-12``."""
    match = _FROM.match(text)
    if match is not None:
        return f"{match.group(1) or match.group(2)}+"
    match = _BETWEEN.match(text)
    if match is not None:
        return f"{match.group(1)}-{match.group(2)}"
    return None


def read_age_range(value: str) -> AgeReading:
    """Read a typical age range as records write it (see docs/education.md).

    Accepted: ``15``, ``10-12`` (any dash, spaces allowed), ``16+``, a trailing unit
    (``10-12 years``, ``8-10 ans``), and lists of these separated by ``,`` or ``;``.
    ``10-`` and ``-12`` are ``open``; anything else is ``invalid``.
    """
    text = _DASHES.sub("-", _fold(value))
    items = [part.strip() for part in re.split(r"[,;]", text)]
    if not any(items):
        return AgeReading("ok")
    readings = [_one(item) for item in items if item]
    for status in ("invalid", "open"):
        for reading in readings:
            if reading.status == status:
                return reading
    return AgeReading(
        "ok",
        low=min((r.low for r in readings if r.low is not None), default=None),
        high=max((r.high for r in readings if r.high is not None), default=None),
    )


def _from_audience(text: Text, record: Record) -> bool:
    """True for a range the JSON-LD reader built from ``suggestedMinAge`` and
    ``suggestedMaxAge``: a missing bound there is explicit, not cut off."""
    path = text.location.path if text.location is not None else None
    return record.source_format == "jsonld" and bool(path) and "typicalAgeRange" not in str(path)


_AGE_RANGE_OPEN = Variant(
    "EDU005",
    "age-range-open-ended",
    "info",
    "A typical age range gives one age and a hyphen: open-ended, or cut off.",
    """
    ## Why it matters
    ``10-`` is how the LOM and schema.org examples write "10 and older", but it reads
    the same as a range whose upper age was lost on the way, and a catalogue cannot
    tell which; ``-12`` likewise.  Information rather than ``EDU002``'s warning: the
    age that is given is usable either way.  A range built from schema.org
    ``suggestedMinAge`` alone is explicitly open and not reported.

    ## Example
    ``<typicalAgeRange><string>10-</string></typicalAgeRange>``;
    ``"typicalAgeRange": "-12"``.

    ## Fix
    Write ``10+`` for an open range, or the full range (``10-12``, ``0-12``); in schema.org an
    ``EducationalAudience`` with ``suggestedMinAge`` says it without any text to
    parse.
    """,
)


@rule(
    "EDU002",
    "age-range-invalid",
    severity="warning",
    areas=[3, 1],
    paragraphs=["13", "15", "9(iii)"],
    variants=[_AGE_RANGE_OPEN],
)
def age_range_invalid(record: Record) -> Iterator[Violation]:
    """A typical age range cannot be read as ages.

    ## Why it matters
    Teachers and learners filter catalogues by age ("resources for 10-12 year-olds");
    a range that is not written as ages in digits, or whose lower age is above its
    upper age, drops out of every such search or lands in the wrong one (para. 13:
    OER that suit the target learners).  A warning: the value is there but cannot be
    used.  An open range with a trailing hyphen (``10-``) is the notation of the LOM
    and schema.org examples for "10 and older", but it is indistinguishable from a
    range whose end was lost, so it is reported under ``EDU005``, as information.

    ## Example
    ``<typicalAgeRange><string>ten</string></typicalAgeRange>``;
    ``"typicalAgeRange": "12-10"``; ``"ab 10"``; ``"2010"`` (a year, not an age);
    ``"10-"`` (``EDU005``).

    ## Fix
    Write the ages in digits: a range ``10-12``, a single age ``15``, or an open
    range ``10+``; in schema.org an ``EducationalAudience`` with ``suggestedMinAge``
    and ``suggestedMaxAge`` says the same without any text to parse.
    """
    for text in record.typical_age_ranges:
        if not text.value.strip():
            continue
        reading = read_age_range(text.value)
        if reading.status == "ok":
            continue
        if reading.status == "open" and _from_audience(text, record):
            continue
        where = text.location or record.location
        if reading.suggestion is not None:
            hint = f"write {reading.suggestion!r}"
            if reading.status == "open":
                hint += " or an explicit range; in schema.org use suggestedMinAge/MaxAge"
        else:
            hint = "write the ages in digits: '10-12', '15' or '10+'"
        yield Violation(
            f"typical age range {text.value.strip()!r} cannot be read: {reading.reason}",
            hint=hint,
            field="typical_age_ranges",
            location=where,
            code="EDU005" if reading.status == "open" else None,
        )


# -- EDU003 ------------------------------------------------------------------------------


@dataclass(frozen=True)
class LevelMatch:
    """A free-text level recognised: ``exact`` when it is a vocabulary's own label
    (only the vocabulary is not named), else a close synonym; ``target`` is what to
    write instead."""

    exact: bool
    vocabulary: str
    target: str


@cache
def _kim_labels() -> dict[str, str]:
    """Folded label → KIM concept id, with the ``ISCED 2011, Level N`` labels."""
    table = _data()["kim_educational_level"]
    found: dict[str, str] = {}
    for concept, entry in table["concepts"].items():
        for label in entry["labels"]:
            found[_fold(label)] = concept
        if entry["isced"] is not None:
            found[_fold(f"ISCED 2011, Level {entry['isced']}")] = concept
    return found


@cache
def _synonyms() -> dict[str, str]:
    table: dict[str, list[str]] = _data()["level_synonyms"]
    return {_fold(label): concept for concept, labels in table.items() for label in labels}


def _kim_uri(concept: str) -> str:
    scheme: str = _data()["kim_educational_level"]["scheme"]
    return scheme + concept


def _kim_target(concept: str) -> str:
    entry = _data()["kim_educational_level"]["concepts"][concept]
    isced = f", ISCED 2011 level {entry['isced']}" if entry["isced"] is not None else ""
    return f"{_kim_uri(concept)} ({entry['labels'][0]}{isced})"


def match_level(term: Term) -> LevelMatch | None:
    """Recognise a free-text level: a LOMv1.0 or LOM-FR context token, a label or
    notation of ISCED 2011 / the KIM educationalLevel vocabulary, or a close synonym."""
    key = _fold(term.value)
    if term.element == _LEVEL_ELEMENT:
        if key in (lom_vocabulary(_LEVEL_ELEMENT) or frozenset()):
            return LevelMatch(True, "LOMv1.0", "<source>LOMv1.0</source>")
        if key in {_fold(v) for v in _data()["lomfr_context_observed"]}:
            return LevelMatch(True, "LOMFRv1.0", "<source>LOMFRv1.0</source>")
    concept = _kim_labels().get(key)
    isced = _ISCED.match(key)
    if concept is None and isced is not None:
        digit = isced.group(1)
        concept = {"6": "level_6", "7": "level_7", "8": "level_8"}.get(digit, f"level_{digit}")
        if concept not in _data()["kim_educational_level"]["concepts"]:
            concept = None
    if concept is not None:
        return LevelMatch(True, "ISCED 2011 / KIM educationalLevel", _kim_target(concept))
    concept = _synonyms().get(key)
    if concept is not None:
        return LevelMatch(False, "ISCED 2011 / KIM educationalLevel", _kim_target(concept))
    return None


def is_mapped(term: Term) -> bool:
    """A level is mapped when it names its vocabulary (a LOM source, an ``xsi:type``, an
    alignment's framework) or is a concept (an id, a URI value)."""
    if term.source and term.source.strip():
        return True
    if term.id and term.id.strip():
        return True
    return term.value.strip().lower().startswith(("http://", "https://", "urn:"))


_GENERIC_HINT = (
    "use a vocabulary: LOM educational.context with source LOMv1.0 (school, higher "
    "education, training, other), an ISCED 2011 level (e.g. "
    "https://w3id.org/kim/educationalLevel/level_1, Primary education), or a national "
    "vocabulary named in the record (ScoLOMFR, NL-LOM, an AlignmentObject framework)"
)


_LEVEL_UNNAMED = Variant(
    "EDU006",
    "level-vocabulary-unnamed",
    "info",
    "An educational level is a vocabulary's own label, but the record does not name "
    "the vocabulary.",
    """
    ## Why it matters
    ``higher education`` is a LOMv1.0 context token and ``Primary education`` a KIM
    label, so the value can be mapped, unlike the free text of ``EDU003``.  Only the
    vocabulary is not named, and a harvester that does not guess cannot be sure which
    one is meant.  Information rather than a warning: nothing but the name is missing.

    ## Example
    A LOM ``<context><value>higher education</value></context>`` without
    ``<source>LOMv1.0</source>``.

    ## Fix
    Name the vocabulary as the hint says: the LOM ``source``, ``xsi:type`` in DCMI
    terms, or the concept URI.
    """,
)


@rule(
    "EDU003",
    "level-unmapped",
    severity="warning",
    areas=[3, 1],
    paragraphs=["13", "15", "9(iii)"],
    variants=[_LEVEL_UNNAMED],
)
def level_unmapped(record: Record) -> Iterator[Violation]:
    """An educational level is free text where a vocabulary could have been used.

    ## Why it matters
    Networks that share OER across repositories and countries group them by level of
    education (para. 15), and learners need material at their stage (para. 13).
    "Grade 5", "Sek I" and "cycle 3" can only be matched across catalogues when they
    come from a named vocabulary: LOM's context tokens, ISCED 2011, the KIM
    educationalLevel concepts used by AMB, ScoLOMFR or another framework the record
    names.  A level that names its vocabulary (LOM ``source``, ``xsi:type``, an
    AlignmentObject's ``educationalFramework``) or is a concept URI counts as
    mapped.  A warning for free text; ``EDU006`` (information) when the text is a
    vocabulary's own label and only the vocabulary is not named.

    ## Example
    ``"educationalLevel": "Grundschule"``; ``<dcterms:educationLevel>Grade
    5</dcterms:educationLevel>`` without ``xsi:type``; a LOM ``context`` ``higher
    education`` without ``<source>LOMv1.0</source>`` (``EDU006``).

    ## Fix
    Use the concept of a vocabulary: the KIM/ISCED URI
    (``https://w3id.org/kim/educationalLevel/level_1`` for primary education), a LOM
    context with its source, or a national vocabulary named in the record.
    """
    for term in record.educational_levels:
        if not term.value.strip() or is_mapped(term):
            continue
        found = match_level(term)
        where = term.location or record.location
        value = term.value.strip()
        if found is not None and found.exact:
            yield Violation(
                f"educational level {value!r} is a term of {found.vocabulary}, but the "
                "record does not name the vocabulary",
                hint=f"name the vocabulary: {found.target}",
                field="educational_levels",
                location=where,
                code="EDU006",
            )
        elif found is not None:
            yield Violation(
                f"educational level {value!r} is free text; it corresponds to "
                f"{found.vocabulary} {found.target.split(' ', 1)[0]}",
                hint=f"use the concept {found.target}",
                field="educational_levels",
                location=where,
            )
        else:
            yield Violation(
                f"educational level {value!r} is free text from no named vocabulary",
                hint=_GENERIC_HINT,
                field="educational_levels",
                location=where,
            )
