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

from collections.abc import Iterator, Sequence

from oer_meta.checks.registry import Variant, Violation, rule
from oer_meta.i18n import N_, Message, marked, msg
from oer_meta.knowledge.education import is_mapped, match_level, read_age_range
from oer_meta.model import Record, Term

# -- EDU001 ------------------------------------------------------------------------------


def _named(terms: Sequence[Term]) -> bool:
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
    simple_dc = "intended_end_user_roles" in record.conventions.unsupported
    level = _named(record.educational_levels)
    ages = any(t.value.strip() for t in record.typical_age_ranges)
    detail: str | Message = ""
    if level and ages:
        detail = msg(" (an educational level and an age range say at which stage, not for whom)")
    elif level:
        detail = msg(" (an educational level says at which stage, not for whom)")
    elif ages:
        detail = msg(" (an age range says at which stage, not for whom)")
    elif simple_dc:
        detail = msg(" ({dialect} has no element for it)", dialect=record.dialect)
    if empty:
        message = msg("the intended end-user role is empty{detail}", detail=detail)
    else:
        message = msg("no intended end-user role or audience is given{detail}", detail=detail)
    location = next(
        (t.location for t in record.intended_end_user_roles if t.location is not None),
        record.location,
    )
    yield Violation(
        message,
        hint=(
            msg("offer the record in DCMI terms (dcterms:audience) or LOM as well")
            if simple_dc
            else msg(
                "add the intended role: LOM educational.intendedEndUserRole (LOMv1.0: "
                "learner, teacher, author, manager), schema:audience with an "
                "EducationalAudience educationalRole, or dcterms:audience"
            )
        ),
        field="intended_end_user_roles",
        location=location,
        code="EDU004" if simple_dc else None,
    )


# -- EDU002 ------------------------------------------------------------------------------


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
        where = text.location
        if reading.suggestion is not None:
            hint = (
                msg(
                    "write {suggestion!r} or an explicit range; in schema.org use "
                    "suggestedMinAge/MaxAge",
                    suggestion=reading.suggestion,
                )
                if reading.status == "open"
                else msg("write {suggestion!r}", suggestion=reading.suggestion)
            )
        else:
            hint = msg("write the ages in digits: '10-12', '15' or '10+'")
        yield Violation(
            msg(
                "typical age range {value!r} cannot be read: {reason}",
                value=text.value.strip(),
                reason=marked(reading.reason),
            ),
            hint=hint,
            field="typical_age_ranges",
            location=where,
            code="EDU005" if reading.status == "open" else None,
        )


# -- EDU003 ------------------------------------------------------------------------------


_GENERIC_HINT = N_(
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
        where = term.location
        value = term.value.strip()
        if found is not None and found.exact:
            yield Violation(
                msg(
                    "educational level {value!r} is a term of {vocabulary}, but the "
                    "record does not name the vocabulary",
                    value=value,
                    vocabulary=found.vocabulary,
                ),
                hint=msg("name the vocabulary: {target}", target=found.target),
                field="educational_levels",
                location=where,
                code="EDU006",
            )
        elif found is not None:
            yield Violation(
                msg(
                    "educational level {value!r} is free text; it corresponds to "
                    "{vocabulary} {concept}",
                    value=value,
                    vocabulary=found.vocabulary,
                    concept=found.target.split(" ", 1)[0],
                ),
                hint=msg("use the concept {target}", target=found.target),
                field="educational_levels",
                location=where,
            )
        else:
            yield Violation(
                msg(
                    "educational level {value!r} is free text from no named vocabulary", value=value
                ),
                hint=marked(_GENERIC_HINT),
                field="educational_levels",
                location=where,
            )
