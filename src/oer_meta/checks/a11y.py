"""Pack ``A11Y``: does the record say, in the shared vocabulary, how accessible it is?

The Recommendation asks for OER that are accessible to persons with disabilities (para.
9(iii); para. 13: accessibility and inclusiveness in OER programmes; para. 6: alternative
and accessible formats) and for policies that favour accessible OER (para. 12).  A
learner who is blind, deaf or photosensitive can only choose a resource that suits them
if its record says so with the schema.org accessibility properties and the W3C
vocabulary (``oer_meta.knowledge.accessibility``).  The checks follow the EPUB Accessibility 1.1
discovery-metadata requirements and DAISY Ace's checks where those apply, and go further
where OER records need it (docs/accessibility.md).

Records in ``oai_dc`` cannot carry any of this (only the 15 DC elements are allowed):
there the missing-metadata findings have codes of their own (``A11Y008``, ``A11Y010``),
information by default, and the hint points to a richer format.  Other occurrences
that matter less than their rule's are variants too (``A11Y009``, ``A11Y011`` to
``A11Y014``): one severity per code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from oer_meta.checks.registry import Variant, Violation, rule
from oer_meta.i18n import Message, marked, msg
from oer_meta.knowledge.accessibility import (
    Lookup,
    epub_conformance,
    feature_conflicts,
    field_property,
    hazard_conflicts,
    is_pdf,
    lookup,
    lookup_sufficient,
    media_kind,
    property_field,
    terms,
    timed_media_words,
    visual_indicators,
)
from oer_meta.model import Location, Record, Term, Text

_VOCABULARY_URL = "https://www.w3.org/2021/a11y-discov-vocab/latest/"
_BASE_MODES = ("auditory", "tactile", "textual", "visual")
#: Features that only make sense for sound (captions and transcripts render speech and
#: sound as text; the others act on recorded audio).
_SOUND_FEATURES = frozenset(
    {"closedCaptions", "openCaptions", "captions", "transcript", "synchronizedAudioText",
     "highContrastAudio"}
)  # fmt: skip
#: Features that only make sense for moving pictures.
_VIDEO_FEATURES = frozenset({"audioDescription"})
#: Features that give people who cannot see a way into visual content.
_VISUAL_EQUIVALENTS = frozenset(
    {"alternativeText", "longDescription", "describedMath", "audioDescription", "transcript",
     "tactileGraphic", "tactileObject", "braille"}
)  # fmt: skip
#: Features that make visual content available as text (a transcript of a video may
#: describe what is shown, so it is given the benefit of the doubt).
_TEXT_EQUIVALENTS = frozenset({"alternativeText", "longDescription", "describedMath", "transcript"})
#: The Accessibility fields whose values are single vocabulary terms (the rules' and
#: ``oer-meta fix``'s; ``accessModeSufficient`` values are comma-separated sets).
VOCABULARY_FIELDS = ("access_modes", "features", "hazards", "apis", "controls")


# -- helpers ----------------------------------------------------------------------------


def _blank(values: Iterable[Term | Text]) -> bool:
    return not any(v.value.strip() for v in values)


def _has_any(record: Record) -> bool:
    a11y = record.accessibility
    return any(not _blank(getattr(a11y, name)) for name in type(a11y).model_fields)


def _oai_dc(record: Record) -> bool:
    """True when the record's format has no element for accessibility (oai_dc)."""
    return "accessibility" in record.conventions.unsupported


def _where(value: Term | Text | None, record: Record) -> Location:
    if value is not None and value.location is not None:
        return value.location
    return record.location


def _quoted(values: Iterable[str]) -> str:
    return ", ".join(repr(v) for v in values)


def _either(values: Iterable[str]) -> str | Message:
    items = [repr(v) for v in values]
    if len(items) <= 1:
        return "".join(items)
    return msg("{terms} or {last}", terms=", ".join(items[:-1]), last=items[-1])


def _where_to_write(record: Record) -> str | Message:
    """Where a record of this format puts the schema.org properties."""
    name = record.conventions.name("accessibility", "")
    return marked(name) if name else msg("as schema.org properties of the resource")


def _terms_of(record: Record, field: str) -> list[tuple[Term, Lookup]]:
    """The non-blank values of a vocabulary field with what they are."""
    prop = field_property(field)
    terms_found: list[Term] = getattr(record.accessibility, field)
    return [(t, lookup(prop, t.value)) for t in terms_found if t.value.strip()]


def _understood(found: list[tuple[Term, Lookup]]) -> dict[str, Term]:
    """Recognised term (canonical spelling, retired ones included) -> first value."""
    out: dict[str, Term] = {}
    for term, result in found:
        if result.term is not None:
            out.setdefault(result.term, term)
    return out


def _base_modes(record: Record) -> dict[str, Term]:
    """The four base access modes the record declares (visual content indicators
    count as visual), with the value that declared each."""
    modes: dict[str, Term] = {}
    indicators = visual_indicators()
    for name, term in _understood(_terms_of(record, "access_modes")).items():
        base = "visual" if name in indicators else name
        if base in _BASE_MODES:
            modes.setdefault(base, term)
    return modes


@cache
def _timed_words() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in timed_media_words())
    return re.compile(rf"(?<![a-z])(?:{words})(?![a-z])")


def _timed_resource_type(record: Record) -> bool:
    """True when a learning resource type names audio or video content."""
    pattern = _timed_words()
    for term in record.learning_resource_types:
        texts = [term.value, term.id or "", *(label.value for label in term.labels)]
        if any(pattern.search(text.lower()) for text in texts):
            return True
    return False


def _format_kinds(record: Record) -> list[str | None]:
    return [media_kind(f.value) for f in record.formats if f.value.strip()]


# -- rules ------------------------------------------------------------------------------


_MISSING_OAI_DC = Variant(
    "A11Y008",
    "accessibility-metadata-missing-oai-dc",
    "info",
    "A simple oai_dc record gives no accessibility information; the format has no element for it.",
    """
    ## Why it matters
    Learners with disabilities need the accessibility statements of ``A11Y001`` just as
    much when the record comes from an OAI-PMH ``oai_dc`` feed, but that format allows
    only the 15 Dublin Core elements: the record cannot say what it lacks, however
    careful its author.  Information rather than ``A11Y001``'s warning, so that a
    repository is not blamed for a limit of the format it is harvested in; the finding
    stays, because a richer format of the same record could carry the statements.

    ## Example
    An ``oai_dc:dc`` record with a title, a description and a ``dc:rights`` licence,
    and nothing else.

    ## Fix
    Offer the record also in a format that carries the schema.org accessibility
    properties (DCMI terms with ``schema:`` elements, LOM with extensions, JSON-LD)
    and fill them there.
    """,
)


@rule(
    "A11Y001",
    "accessibility-metadata-missing",
    severity="warning",
    areas=[3, 2],
    paragraphs=["13", "9(iii)", "6", "12"],
    variants=[_MISSING_OAI_DC],
)
def accessibility_metadata_missing(record: Record) -> Iterator[Violation]:
    """The record gives no accessibility information at all.

    ## Why it matters
    Persons with disabilities can only find OER they can use if records say how the
    content is perceived (accessMode), what makes it accessible (accessibilityFeature),
    what could harm (accessibilityHazard) and, in words, what to expect
    (accessibilitySummary).  EPUB Accessibility 1.1 requires such metadata and DAISY
    Ace reports its absence as serious.  A warning by default: the record is not
    broken, but a whole group of learners cannot tell whether the resource is for
    them.  In ``oai_dc``, which has no element for it, the finding is ``A11Y008``
    (information). Any one statement counts, including a ``dcterms:conformsTo`` WCAG claim; a LOM
    classification under the purpose ``accessibility restrictions`` does not, since it
    uses no shared accessibility vocabulary.

    ## Example
    A LOM record with no extension elements for accessibility; a JSON-LD
    ``LearningResource`` without any ``accessMode``, ``accessibilityFeature``,
    ``accessibilityHazard`` or ``accessibilitySummary``.

    ## Fix
    Add the schema.org accessibility properties (JSON-LD properties; ``schema:`` elements
    in DC; extension elements in LOM): at least accessMode, accessibilityFeature,
    accessibilityHazard and a short accessibilitySummary.
    """
    if _has_any(record):
        return
    weak = any(
        t.element == "classification.purpose"
        and t.value.strip().lower().replace("_", " ") == "accessibility restrictions"
        for t in record.vocabulary_terms
    )
    detail: str | Message = (
        msg(
            "; a classification under 'accessibility restrictions' was found, but it uses no "
            "accessibility vocabulary"
        )
        if weak
        else ""
    )
    if _oai_dc(record):
        yield Violation(
            msg(
                "no accessibility information (oai_dc has no element for it){detail}", detail=detail
            ),
            hint=msg(
                "offer the record also in DCMI terms, LOM or JSON-LD with the schema.org "
                "accessibility properties"
            ),
            field="accessibility",
            location=record.location,
            code="A11Y008",
        )
        return
    yield Violation(
        msg(
            "no accessibility information: no accessMode, accessibilityFeature, "
            "accessibilityHazard, accessibilitySummary or accessibility conformance "
            "claim{detail}",
            detail=detail,
        ),
        hint=msg(
            "add accessMode, accessModeSufficient, accessibilityFeature, accessibilityHazard "
            "and accessibilitySummary {where}",
            where=_where_to_write(record),
        ),
        field="accessibility",
        location=record.location,
    )


def _unknown_hint(result: Lookup) -> Message:
    if result.suggestions:
        return msg("use the vocabulary term {terms}", terms=_either(result.suggestions))
    names = terms(result.prop)
    if len(names) <= 12:
        return msg("use one of {terms}", terms=_quoted(names))
    return msg(
        "use a term of the W3C vocabulary ({url})",
        url=f"{_VOCABULARY_URL}#{result.prop}-vocabulary",
    )


def _value_violation(term: Term, result: Lookup, record: Record) -> Violation | None:
    """The A11Y002 finding for one looked-up value, or None when it is canonical."""
    prop = result.prop
    where = _where(term, record)
    field = f"accessibility.{property_field(prop)}"
    value = result.value
    if result.canonical:
        return None
    if not value:
        return Violation(
            msg("{property} is empty", property=prop),
            hint=_unknown_hint(result),
            field=field,
            location=where,
        )
    if result.status == "unknown":
        note = msg(" ({note})", note=marked(result.note)) if result.note else ""
        return Violation(
            msg(
                "{property} value {value!r} is not in the W3C accessibility vocabulary{note}",
                property=prop,
                value=value,
                note=note,
            ),
            hint=_unknown_hint(result),
            field=field,
            location=where,
        )
    replacements = _either(result.replacements)
    hint: str | Message
    if result.status == "case":
        message = msg(
            "{property} value {value!r} is the term {term!r} in another case",
            property=prop,
            value=value,
            term=result.term,
        )
        hint = msg("write {terms} exactly", terms=replacements)
    elif result.status == "synonym":
        message = msg(
            "{property} value {value!r} is an old synonym; the vocabulary prefers {terms}",
            property=prop,
            value=value,
            terms=replacements,
        )
        hint = msg("write {terms}", terms=replacements)
    elif result.status == "legacy":
        message = msg(
            "{property} value {value!r} uses the legacy term/refinement form",
            property=prop,
            value=value,
        )
        hint = msg(
            "write {terms} and describe the refinement in accessibilitySummary",
            terms=replacements,
        )
    else:  # deprecated or obsolete
        message = (
            msg(
                "{property} value {value!r} is deprecated in the W3C accessibility vocabulary",
                property=prop,
                value=value,
            )
            if result.status == "deprecated"
            else msg(
                "{property} value {value!r} is obsolete (removed) in the W3C accessibility "
                "vocabulary",
                property=prop,
                value=value,
            )
        )
        if result.note and "swaps" in result.note:
            # the vocabulary's own replacement is wrong (see its errata)
            hint = marked(result.note)
        elif result.replacements:
            hint = (
                msg("use {terms}: {note}", terms=replacements, note=marked(result.note))
                if result.note
                else msg("use {terms}", terms=replacements)
            )
        else:
            hint = marked(result.note) if result.note else msg("remove it")
    code = None if result.status == "obsolete" else "A11Y009"
    return Violation(message, hint=hint, field=field, location=where, code=code)


_NOT_PREFERRED = Variant(
    "A11Y009",
    "accessibility-value-not-preferred",
    "info",
    "An accessibility value is understood by the W3C vocabulary but not written as its "
    "current term.",
    """
    ## Why it matters
    The vocabulary still understands the value (a term in another case, the synonym
    ``printPageNumbers``, a legacy ``term/refinement`` form, a deprecated term such as
    ``captions`` or the accessibilityAPI ``ARIA``), so a catalogue that normalises case
    or knows the old terms finds the resource; one that filters on the current terms
    does not.  Information rather than ``A11Y002``'s warning, since nothing is lost
    that the replacement in the hint does not restore.  The obsolete
    ``BlackberryAccessibility``, removed from the vocabulary, stays ``A11Y002``.

    ## Example
    ``"accessibilityFeature": "AlternativeText"``; ``"accessibilityFeature":
    "printPageNumbers"`` (the vocabulary prefers ``pageBreakMarkers``);
    ``"accessibilityFeature": "captions"`` (deprecated for ``closedCaptions`` or
    ``openCaptions``).

    ## Fix
    Write the term the hint gives, exactly; describe in the accessibilitySummary what a
    legacy refinement said.
    """,
    fixable="writes the vocabulary's one current term for a value in another case, the "
    "synonym 'printPageNumbers' or a deprecated term with a single replacement "
    "('bookmarks' → 'tableOfContents')",
)


@rule(
    "A11Y002",
    "accessibility-value-unknown",
    severity="warning",
    areas=[3],
    paragraphs=["13", "9(iii)"],
    variants=[_NOT_PREFERRED],
)
def accessibility_value_unknown(record: Record) -> Iterator[Violation]:
    """An accessibility value is not a term of the W3C accessibility vocabulary.

    ## Why it matters
    Catalogues filter on the exact terms of the W3C vocabulary: a learner who asks for
    resources with ``alternativeText`` never sees one tagged ``alt text``.  Unknown
    values are warnings (DAISY Ace reports them too) and the hint gives the closest
    term.  Values the vocabulary still understands are ``A11Y009`` (information): a
    term in another case (the vocabulary treats case as insignificant), the synonym
    ``printPageNumbers``, legacy ``term/refinement`` forms and deprecated terms
    (``captions``, ``bookmarks``, ``annotations``, the accessibilityAPI ``ARIA``...),
    each with its replacement.  The obsolete ``BlackberryAccessibility`` was removed
    from the vocabulary and stays a warning.  EPUB conformance statements in
    ``dcterms:conformsTo`` are checked against those EPUB Accessibility defines.

    ## Example
    ``"accessibilityFeature": "alt text"`` (the term is ``alternativeText``),
    ``"accessibilityHazard": "no flashing"`` (``noFlashingHazard``), an accessMode
    ``text`` (``textual``), an accessModeSufficient set ``textual,textOnVisual``.

    ## Fix
    Write the vocabulary term exactly as the hint gives it; for deprecated terms use
    the replacement; describe anything the vocabulary has no term for in the
    accessibilitySummary.
    """
    a11y = record.accessibility
    for field in VOCABULARY_FIELDS:
        prop = field_property(field)
        for term in getattr(a11y, field):
            violation = _value_violation(term, lookup(prop, term.value), record)
            if violation is not None:
                yield violation
    for term in a11y.access_modes_sufficient:
        results = lookup_sufficient(term.value)
        if not results:
            results = [lookup("accessModeSufficient", "")]
        for result in results:
            violation = _value_violation(term, result, record)
            if violation is not None:
                yield violation
    for term in a11y.conforms_to:
        checked = epub_conformance(term.value)
        if checked is None or checked[0]:
            continue
        closest = checked[1]
        yield Violation(
            msg(
                "conformance claim {value!r} is not one of the EPUB Accessibility "
                "conformance statements",
                value=term.value,
            ),
            hint=msg("write {terms}", terms=_either(closest))
            if closest
            else msg("write e.g. 'EPUB Accessibility 1.1 - WCAG 2.1 Level AA'"),
            field="accessibility.conforms_to",
            location=_where(term, record),
        )


_HAZARD_OAI_DC = Variant(
    "A11Y010",
    "hazard-undeclared-oai-dc",
    "info",
    "A simple oai_dc record has no accessibilityHazard statement; the format has no "
    "element for it.",
    """
    ## Why it matters
    A photosensitive learner needs to know whether a resource flashes whatever format
    its record is harvested in, but ``oai_dc`` allows only the 15 Dublin Core elements
    and cannot say it.  Information rather than ``A11Y003``'s warning: the gap is the
    format's, and the hint points to one that can carry the statement.

    ## Example
    Any ``oai_dc:dc`` record: none has an ``accessibilityHazard``.

    ## Fix
    Offer the record also in DCMI terms, LOM or JSON-LD and declare
    ``accessibilityHazard`` there (``none``, the specific hazards, or ``unknown``).
    """,
)


@rule(
    "A11Y003",
    "hazard-undeclared",
    severity="warning",
    areas=[3],
    paragraphs=["13", "3", "9(iii)"],
    variants=[_HAZARD_OAI_DC],
)
def hazard_undeclared(record: Record) -> Iterator[Violation]:
    """The record has no accessibilityHazard statement.

    ## Why it matters
    Flashing content can trigger seizures, simulated motion can make people ill, and
    some sounds are painful for people with sound sensitivity.  Only an explicit
    statement lets them avoid the resource, or use it safely: the absence of a hazard
    value says nothing.  EPUB Accessibility 1.1 requires it and DAISY Ace reports its
    absence as serious.  A warning, also when the record has no other accessibility
    metadata (the hazard concerns safety, not only access); ``A11Y010``
    (information) in ``oai_dc``, which cannot carry it.

    ## Example
    A JSON-LD record with ``accessMode`` and ``accessibilityFeature`` but no
    ``accessibilityHazard``; any LOM or DC record without a hazard statement.

    ## Fix
    Declare ``accessibilityHazard``: ``none`` when the resource has none of the three
    hazards, ``flashing``/``noFlashingHazard`` (and the motion and sound pairs) for
    each one checked, or ``unknown`` when nobody has checked.
    """
    if not _blank(record.accessibility.hazards):
        return
    yield Violation(
        msg(
            "no accessibilityHazard statement: nothing says whether the resource flashes, "
            "simulates motion or plays disturbing sound"
        ),
        hint=(
            msg(
                "offer the record also in a format with schema.org accessibilityHazard (oai_dc "
                "has no element for it)"
            )
            if _oai_dc(record)
            else msg(
                "declare accessibilityHazard 'none' if the resource has none of the hazards, "
                "the specific hazard or no...Hazard terms otherwise, or 'unknown' if not checked"
            )
        ),
        field="accessibility.hazards",
        location=_where(next(iter(record.accessibility.hazards), None), record),
        code="A11Y010" if _oai_dc(record) else None,
    )


def _conflict_hint(first: str, second: str, level: str) -> Message:
    if level == "should":
        general = first if first in ("none", "unknown") else second
        return msg("{term!r} already covers the other value: keep {term!r} alone", term=general)
    return msg(
        "keep only the statement that is true: {first!r} or {second!r}", first=first, second=second
    )


_HAZARD_REDUNDANT = Variant(
    "A11Y011",
    "hazard-redundant",
    "warning",
    "Two accessibilityHazard values say the same thing twice.",
    """
    ## Why it matters
    The W3C vocabulary advises against pairs in which one value already covers the
    other (``none`` with ``noSoundHazard``, ``unknown`` with
    ``unknownFlashingHazard``).  No statement is false, unlike the contradictions of
    ``A11Y004``, but tools that expect one value per hazard may misread the set.  A
    warning rather than an error: the record is redundant, not wrong.

    ## Example
    ``"accessibilityHazard": ["none", "noFlashingHazard"]``;
    ``["unknown", "unknownMotionSimulationHazard"]``.

    ## Fix
    Keep the general value (``none`` or ``unknown``) alone, or the three specific
    ones instead of it.
    """,
)


@rule(
    "A11Y004",
    "hazard-contradiction",
    severity="error",
    areas=[3],
    paragraphs=["13", "9(iii)"],
    variants=[_HAZARD_REDUNDANT],
)
def hazard_contradiction(record: Record) -> Iterator[Violation]:
    """The accessibilityHazard values contradict each other.

    ## Why it matters
    A record that says both ``flashing`` and ``noFlashingHazard`` leaves a
    photosensitive learner with a claim that is false either way; a catalogue that
    filters out flashing resources may show this one as safe.  The W3C vocabulary
    forbids these combinations (a hazard with its negation or its "unknown" form,
    ``none`` or ``unknown`` with any specific hazard, ``none`` with ``unknown``): an
    error, because at least one statement is wrong and it concerns safety.  Redundant
    pairs the vocabulary only advises against (``none`` with ``noSoundHazard``,
    ``unknown`` with ``unknownFlashingHazard``) are ``A11Y011`` (warnings).  Values are compared
    regardless of case.

    ## Example
    ``"accessibilityHazard": ["flashing", "noFlashingHazard"]``;
    ``["none", "sound"]``; ``["unknown", "noMotionSimulationHazard"]``.

    ## Fix
    Check the resource and keep only the true statements: ``none`` alone when it has
    no hazard, or one value per hazard (``flashing`` or ``noFlashingHazard`` or
    ``unknownFlashingHazard``...).
    """
    hazards = [t for t in record.accessibility.hazards if t.value.strip()]
    if len(hazards) < 2:
        return
    by_term = _understood([(t, lookup("accessibilityHazard", t.value)) for t in hazards])
    for first, second, level in hazard_conflicts(t.value for t in hazards):
        later = by_term.get(second)
        yield Violation(
            msg("accessibilityHazard {second!r} contradicts {first!r}", first=first, second=second)
            if level == "must"
            else msg(
                "accessibilityHazard {second!r} is redundant with {first!r}",
                first=first,
                second=second,
            ),
            hint=_conflict_hint(first, second, level),
            field="accessibility.hazards",
            location=_where(later, record),
            code=None if level == "must" else "A11Y011",
        )


_SINGLE_MODE = Variant(
    "A11Y012",
    "access-mode-sufficient-single",
    "info",
    "Only one access mode is given, and no accessModeSufficient repeats it.",
    """
    ## Why it matters
    With a single access mode (text only, say) that mode plainly suffices: a reader
    loses nothing.  Catalogues do not infer it, though, and a learner who filters on
    ``accessModeSufficient`` misses the resource.  Information rather than
    ``A11Y005``'s warning, which is for several modes, where which of them suffice is
    not obvious.

    ## Example
    ``"accessMode": "textual"`` with no ``accessModeSufficient``.

    ## Fix
    Add ``accessModeSufficient`` with the single mode (``textual``).
    """,
)


@rule(
    "A11Y005",
    "access-mode-sufficient-missing",
    severity="warning",
    areas=[3],
    paragraphs=["13", "9(iii)", "6"],
    variants=[_SINGLE_MODE],
)
def access_mode_sufficient_missing(record: Record) -> Iterator[Violation]:
    """Access modes are given, but no accessModeSufficient says which are enough.

    ## Why it matters
    ``accessMode`` lists how the content is encoded (text and images, say); only
    ``accessModeSufficient`` tells a blind learner whether text alone carries all of
    it, thanks to text alternatives.  EPUB Accessibility 1.1 recommends it and DAISY
    Ace reports its absence.  A warning when several access modes are declared,
    because then the answer is not obvious; ``A11Y012`` (information) when only one
    is (text only, for example), where the single mode is plainly sufficient but
    catalogues do not infer it.

    ## Example
    ``"accessMode": ["textual", "visual"]`` with no ``accessModeSufficient``.

    ## Fix
    Add one ``accessModeSufficient`` per combination that suffices, single modes
    first: ``textual`` when every image has a text alternative, then
    ``textual,visual``.  In XML formats write one element per set, modes separated
    by commas.
    """
    a11y = record.accessibility
    if _blank(a11y.access_modes) or not _blank(a11y.access_modes_sufficient):
        return
    modes = _base_modes(record)
    written = [t.value.strip() for t in a11y.access_modes if t.value.strip()]
    first = next(t for t in a11y.access_modes if t.value.strip())
    several = len(modes) > 1
    example = "'textual'" if "textual" in modes else repr(next(iter(modes), "textual"))
    yield Violation(
        msg(
            "accessMode gives {modes} but no accessModeSufficient says which "
            "modes are enough on their own",
            modes=_quoted(written),
        ),
        hint=msg(
            "add accessModeSufficient sets, single modes first (e.g. {example}, then {all!r})",
            example=example,
            all=",".join(sorted(modes)),
        )
        if several
        else msg(
            "add accessModeSufficient sets, single modes first (e.g. {example})", example=example
        ),
        field="accessibility.access_modes_sufficient",
        location=_where(first, record),
        code=None if several else "A11Y012",
    )


@rule(
    "A11Y006",
    "accessibility-summary-missing",
    severity="info",
    areas=[3],
    paragraphs=["13", "9(iii)"],
)
def accessibility_summary_missing(record: Record) -> Iterator[Violation]:
    """No accessibilitySummary describes the resource's accessibility in words.

    ## Why it matters
    The vocabulary terms are for machines; a teacher choosing material for a learner
    with a disability reads the summary, which can also say what the terms cannot
    (which diagrams lack descriptions, which activity needs a mouse).  EPUB
    Accessibility 1.1 recommends it and DAISY Ace reports its absence as moderate.
    Information by default: the summary adds to the machine-readable statements and
    does not replace them.

    ## Example
    A JSON-LD record with accessMode, accessibilityFeature and accessibilityHazard
    but no ``accessibilitySummary``.

    ## Fix
    Add a short ``accessibilitySummary`` in the language of the record: what is
    accessible and how, and any known shortcoming.
    """
    if not _blank(record.accessibility.summaries):
        return
    yield Violation(
        msg("no accessibilitySummary describes the resource's accessibility in words"),
        hint=(
            msg(
                "offer the record also in a format with schema.org accessibilitySummary (oai_dc "
                "has no element for it)"
            )
            if _oai_dc(record)
            else msg(
                "add a short accessibilitySummary: what is accessible, how, and any known gap "
                "(e.g. 'the diagrams in part 2 have no text description')"
            )
        ),
        field="accessibility.summaries",
        location=_where(next(iter(record.accessibility.summaries), None), record),
    )


def _sound_or_video(record: Record) -> bool:
    """True when the formats or resource types show audio or video content."""
    return "timed" in _format_kinds(record) or _timed_resource_type(record)


def _only_static_formats(record: Record) -> list[str]:
    """The formats when every one is known to hold no sound or video, else []."""
    kinds = _format_kinds(record)
    if kinds and all(kind == "static" for kind in kinds):
        return [f.value.strip() for f in record.formats if f.value.strip()]
    return []


def _media_inconsistencies(
    record: Record, features: dict[str, Term], modes: dict[str, Term]
) -> Iterator[Violation]:
    """Sound and video features on a resource without sound or moving pictures."""
    timed = _sound_or_video(record)
    static = _only_static_formats(record)
    for name, term in features.items():
        needs = (
            "auditory" if name in _SOUND_FEATURES else "visual" if name in _VIDEO_FEATURES else None
        )
        if needs is None:
            continue
        sound = needs == "auditory"
        if modes and needs not in modes:
            extra: str | Message = (
                msg(" although the formats or resource types suggest audio or video")
                if timed
                else ""
            )
            yield Violation(
                msg(
                    "accessibilityFeature {value!r} needs sound, but accessMode gives only "
                    "{modes}{extra}",
                    value=term.value,
                    modes=_quoted(modes),
                    extra=extra,
                )
                if sound
                else msg(
                    "accessibilityFeature {value!r} needs video, but accessMode gives only "
                    "{modes}{extra}",
                    value=term.value,
                    modes=_quoted(modes),
                    extra=extra,
                ),
                hint=msg(
                    "add accessMode {mode!r} if the resource has sound, else remove {value!r}",
                    mode=needs,
                    value=term.value,
                )
                if sound
                else msg(
                    "add accessMode {mode!r} if the resource has video, else remove {value!r}",
                    mode=needs,
                    value=term.value,
                ),
                field="accessibility.features",
                location=_where(term, record),
            )
        elif not modes and not timed and static:
            yield Violation(
                msg(
                    "accessibilityFeature {value!r} needs sound, but the formats "
                    "({formats}) cannot hold any",
                    value=term.value,
                    formats=_quoted(static),
                )
                if sound
                else msg(
                    "accessibilityFeature {value!r} needs video, but the formats "
                    "({formats}) cannot hold any",
                    value=term.value,
                    formats=_quoted(static),
                ),
                hint=msg(
                    "remove {value!r}, or list the format of the sound as well", value=term.value
                )
                if sound
                else msg(
                    "remove {value!r}, or list the format of the video as well", value=term.value
                ),
                field="accessibility.features",
                location=_where(term, record),
                code="A11Y013",
            )


def _visual_inconsistencies(
    record: Record, features: dict[str, Term], modes: dict[str, Term]
) -> Iterator[Violation]:
    """Visual content without a way in for people who cannot see it."""
    sufficient_sets = [
        {part.strip() for part in t.value.split(",") if part.strip()}
        for t in record.accessibility.access_modes_sufficient
    ]
    non_visual_set = any(s and "visual" not in s for s in sufficient_sets)
    if (
        set(modes) == {"visual"}
        and not (set(features) & _VISUAL_EQUIVALENTS)
        and not non_visual_set
    ):
        yield Violation(
            msg(
                "accessMode is visual only and no alternativeText, longDescription or other "
                "equivalent is declared: nothing lets learners who cannot see perceive it"
            ),
            hint=msg(
                "add text alternatives or descriptions and declare them (alternativeText, "
                "longDescription), or say in accessibilitySummary that there are none"
            ),
            field="accessibility.features",
            location=_where(modes["visual"], record),
        )
    text_alone = [
        t
        for t, s in zip(record.accessibility.access_modes_sufficient, sufficient_sets, strict=True)
        if s == {"textual"}
    ]
    if text_alone and "visual" in modes and features and not set(features) & _TEXT_EQUIVALENTS:
        yield Violation(
            msg(
                "accessModeSufficient says text alone is enough, but the resource has visual "
                "content and the features ({features}) include no text alternative",
                features=_quoted(features),
            ),
            hint=msg(
                "declare alternativeText or longDescription if the images are described, "
                "else remove the 'textual' set"
            ),
            field="accessibility.access_modes_sufficient",
            location=_where(text_alone[0], record),
            code="A11Y014",  # the feature list may just be incomplete
        )
    declared = _understood(_terms_of(record, "access_modes"))
    indicators = [name for name in declared if name in visual_indicators()]
    if indicators and "visual" not in declared:
        yield Violation(
            msg(
                "accessMode {modes} refines 'visual', which is not declared",
                modes=_quoted(indicators),
            ),
            hint=msg("add accessMode 'visual' as well"),
            field="accessibility.access_modes",
            location=_where(declared[indicators[0]], record),
            code="A11Y014",
        )


_FORMAT_MISMATCH = Variant(
    "A11Y013",
    "accessibility-feature-format-mismatch",
    "info",
    "An accessibility feature is contradicted only by the listed formats.",
    """
    ## Why it matters
    Captions on a resource whose only format is ``application/pdf``, or ``taggedPDF``
    on one with no PDF format, suggest copied or guessed metadata, like the
    contradictions of ``A11Y007``.  But here only the formats list speaks against the
    feature, and format lists are often incomplete (a page may embed a video its
    record does not list): information rather than a warning.  ``text/html``, EPUB
    and packages may hold anything and never count as evidence.

    ## Example
    ``"accessibilityFeature": "closedCaptions"`` with no ``accessMode`` and
    ``"encodingFormat": "application/pdf"``; ``taggedPDF`` with ``text/html`` only.

    ## Fix
    List the format that has the feature (the video, the PDF), or remove the feature
    if the resource does not have it.
    """,
)
_STATEMENT_INCOMPLETE = Variant(
    "A11Y014",
    "accessibility-statement-incomplete",
    "info",
    "An accessibility statement implies a feature or access mode the record does not declare.",
    """
    ## Why it matters
    Some statements only make sense together with another that is missing: an
    ``accessModeSufficient`` ``textual`` on visual content needs text alternatives,
    and ``chartOnVisual`` refines the access mode ``visual``.  Probably the record
    just leaves the other statement out, so the claim is likely true but cannot be
    checked; information rather than ``A11Y007``'s warning, which is for statements
    that contradict each other.

    ## Example
    ``"accessMode": ["textual", "visual"]``, ``"accessModeSufficient": "textual"``
    and ``"accessibilityFeature": "structuralNavigation"`` only;
    ``"accessMode": ["textual", "chartOnVisual"]`` without ``visual``.

    ## Fix
    Declare what the statement relies on (``alternativeText`` or
    ``longDescription``; the access mode ``visual``), or correct the statement.
    """,
)


@rule(
    "A11Y007",
    "accessibility-feature-inconsistent",
    severity="warning",
    areas=[3],
    paragraphs=["13", "9(iii)", "6"],
    variants=[_FORMAT_MISMATCH, _STATEMENT_INCOMPLETE],
)
def accessibility_feature_inconsistent(record: Record) -> Iterator[Violation]:
    """The accessibility features contradict each other, the access modes or the formats.

    ## Why it matters
    A learner who relies on captions, or on text alternatives, trusts the features
    a record declares.  A feature the resource cannot have (captions on a resource
    without sound) shows that the metadata was copied or guessed, and a visual-only
    resource without any equivalent is closed to blind learners whatever else the
    record says.  Warnings, since one of the statements is wrong but which one needs a
    look at the resource.  Weaker evidence has codes of its own, information by
    default: a feature that only the listed formats contradict, ``taggedPDF`` with no
    PDF format included (``A11Y013``: formats lists can be incomplete); an
    ``accessModeSufficient`` ``textual`` on visual content while the declared features
    include no text alternative, visual content indicators (``chartOnVisual``...)
    without ``visual`` (``A11Y014``: the record probably leaves a statement out).

    ## Example
    ``accessibilityFeature`` ``none`` together with ``alternativeText``;
    ``closedCaptions`` with ``accessMode`` ``textual``/``visual`` only, or on a record
    whose only format is ``application/pdf``; ``audioDescription`` on a resource
    without visual content; ``accessMode`` ``visual`` alone with no
    ``alternativeText``, ``longDescription`` or ``accessModeSufficient`` without
    ``visual``.

    ## Fix
    Check the resource and correct whichever statement is wrong: remove the feature,
    add the missing access mode or format, or add (and declare) the text
    alternatives.
    """
    found = _terms_of(record, "features")
    features = _understood(found)
    modes = _base_modes(record)
    for placeholder, others in feature_conflicts(t.value for t, _ in found):
        yield Violation(
            msg(
                "accessibilityFeature {value!r} is combined with {others}",
                value=placeholder,
                others=_quoted(others),
            ),
            hint=msg(
                "{value!r} must stand alone: remove it, or remove the other features "
                "if they are not there",
                value=placeholder,
            ),
            field="accessibility.features",
            location=_where(features.get(placeholder), record),
        )
    yield from _media_inconsistencies(record, features, modes)
    yield from _visual_inconsistencies(record, features, modes)
    if "taggedPDF" in features:
        formats = [f.value.strip() for f in record.formats if f.value.strip()]
        if formats and not any(is_pdf(f) for f in formats):
            yield Violation(
                msg(
                    "accessibilityFeature 'taggedPDF', but no format is PDF ({formats})",
                    formats=_quoted(formats),
                ),
                hint=msg("remove 'taggedPDF', or list application/pdf among the formats"),
                field="accessibility.features",
                location=_where(features["taggedPDF"], record),
                code="A11Y013",
            )
