"""Pack ``STD``: conformance to the metadata standard the record claims to follow.

Interoperable, standard metadata is what lets repositories, harvesters and search
engines exchange OER (para. 11, draft (d): "interoperable metadata"; para. 9(iii): open
formats and standards).  A record that breaks its own standard is silently lost or
misread somewhere down the line.

The pack also turns notes about the harvest a record came from into findings: an
OAI-PMH answer can be one page of a longer list (``STD006``, noted by the reader on the
last record of the page), and a report on one page must never pass for a report on the
whole repository.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator

import isodate

from oer_meta.checks._messages import date_named
from oer_meta.checks.registry import Variant, Violation, rule
from oer_meta.i18n import Message, marked, msg, msgn
from oer_meta.knowledge.lom_profiles import (
    scolomfr_concept_vocabulary,
    scolomfr_element_vocabulary,
    scolomfr_purpose_vocabulary,
    scolomfr_scheme_vocabulary,
    scolomfr_vocabulary_name,
    value_type,
    vocabulary_for,
)
from oer_meta.knowledge.vocabularies import concept_tail, dcmi_types
from oer_meta.model import HarvestError, Record, Term, Unreadable

_URI = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
#: A clock time (xs:time without its zone): the type a profile may give a duration.
_CLOCK_TIME = re.compile(r"^\d{2}:\d{2}:\d{2}(?:\.\d+)?$")
_TAXON = "classification.taxonPath.taxon"
#: Vocabularies longer than this are named by their first tokens in hints.
_HINT_TOKENS = 15
_YEAR_RANGE = re.compile(r"^\[?(\d{4})\]?\s*[-–]\s*\[?(\d{4})\]?$")
_DCMI_SOURCE = re.compile(r"(^|[:/])dcmitype/?$", re.IGNORECASE)


@rule(
    "STD001",
    "unreadable-record",
    severity="error",
    areas=[1, 5],
    paragraphs=["11", "9(iii)"],
    kind="input",
)
def unreadable_record(item: Unreadable) -> Iterator[Violation]:
    """The input cannot be read as a metadata record.

    ## Why it matters
    A record that no program can parse cannot be harvested, indexed or found: the
    resource it describes is invisible, whatever its licence.  oer_meta reports the
    place where reading stopped (line and column) instead of failing, so that one bad
    file never hides the others in a batch.  XML is read without network access,
    without DTDs and without entity expansion; documents that declare entities are
    refused outright.

    ## Example
    A LOM file cut off in the middle of an element, a JSON document with a trailing
    comma, a file that holds neither XML nor JSON, or an XML file whose DOCTYPE
    declares entities.

    ## Fix
    Repair the syntax at the reported line and column; check that the file is complete
    and saved in the encoding it declares.  Remove entity declarations and write the
    characters themselves.
    """
    if isinstance(item, HarvestError):
        return  # STD009's
    yield Violation(
        marked(item.message),
        hint=marked(item.hint) if item.hint else None,
        location=item.location,
    )


@rule(
    "STD002",
    "schema-violation",
    severity="error",
    areas=[5, 1],
    paragraphs=["11", "9(iii)"],
)
def schema_violation(record: Record) -> Iterator[Violation]:
    """An element or property breaks the structure its format's binding allows.

    ## Why it matters
    Harvesters map records by their standard structure.  An element in the wrong
    place, a required structure missing or a value of the wrong datatype is dropped
    or misread by the next system, and with it the information it carried.  Elements
    of other namespaces (application profiles such as ScoLOMFR or NL-LOM) are kept and
    never reported by this rule.

    ## Example
    A LOM record with two ``<general>`` categories, ``<title>`` written directly under
    ``<lom>``, an ``oai_dc:dc`` holding ``dcterms:license`` (oai_dc allows only the 15
    DC elements), or a JSON-LD record without ``@context``.

    ## Fix
    Move the element where the binding expects it, merge duplicated categories, or
    use the format's extension mechanism (another namespace) for local elements.
    """
    for problem in record.problems:
        if problem.rule == "STD002":
            yield Violation(
                marked(problem.message),
                hint=marked(problem.hint) if problem.hint else None,
                field=problem.field,
                location=problem.location,
            )


def _in_vocabulary(value: str, allowed: frozenset[str]) -> tuple[bool, str | None]:
    """(found exactly, canonical form when only the case or a URI prefix differs)."""
    if value in allowed:
        return True, None
    lowered = value.lower()
    tail = concept_tail(lowered)
    for candidate in allowed:
        if candidate.lower() in (lowered, tail):
            return False, candidate
    return False, None


def _choices(allowed: frozenset[str]) -> str | Message:
    """The tokens of a vocabulary for a hint (the first ones of a long vocabulary)."""
    tokens = sorted(allowed)
    if len(tokens) <= _HINT_TOKENS:
        return ", ".join(tokens)
    return msg(
        "{tokens}... ({count} in all)", tokens=", ".join(tokens[:_HINT_TOKENS]), count=len(tokens)
    )


def _check_lom_term(term: Term, profiles: Iterable[str] = ()) -> Violation | None:
    """A LOM vocabulary value checked against the vocabulary its source declares: LOMv1.0
    (or the profile's spelling of it, HS-OER-LOM's ``Author``), or a profile's own
    (LOM-ES); an application-profile vocabulary oer_meta does not hold is tolerated."""
    if term.element is None:
        return None
    source = term.source.strip() if term.source is not None else None
    choice = vocabulary_for(term.element, source, profiles)
    if choice is None:
        return None
    allowed = choice.allowed
    value = term.value.strip()
    if term.source is None and _URI.match(value):
        return None  # a concept URI names its own vocabulary (LRMI, HCRT, ScoLOMFR...)
    declared: str | Message = (
        choice.name
        if term.source is not None
        else msg("{vocabulary} (no source declared)", vocabulary=choice.name)
    )
    if not value:
        return Violation(
            msg("{element} has an empty value", element=term.element),
            hint=msg(
                "give a {vocabulary} token ({tokens}) or drop the element",
                vocabulary=declared,
                tokens=_choices(allowed),
            ),
            field="vocabulary_terms",
            location=term.location,
        )
    found, canonical = _in_vocabulary(value, allowed)
    if found:
        return None
    if canonical is not None and canonical.lower() == value.lower():
        return Violation(
            msg(
                "{element} value {value!r} is written in another case than the "
                "{vocabulary} token {canonical!r}",
                element=term.element,
                value=value,
                vocabulary=declared,
                canonical=canonical,
            ),
            hint=msg(
                "write {canonical!r}; vocabulary tokens are compared exactly by many tools",
                canonical=canonical,
            ),
            field="vocabulary_terms",
            location=term.location,
            code="STD007",
        )
    if canonical is not None:
        return Violation(
            msg(
                "{element} value {value!r} is not a {vocabulary} token; it names {canonical!r}",
                element=term.element,
                value=value,
                vocabulary=declared,
                canonical=canonical,
            ),
            hint=msg(
                "write the token {canonical!r} with source {source}",
                canonical=canonical,
                source=source or "LOMv1.0",
            ),
            field="vocabulary_terms",
            location=term.location,
        )
    folded = {token.lower(): token for token in sorted(allowed)}
    near = difflib.get_close_matches(value.lower(), list(folded), n=1, cutoff=0.8)
    hint = msg(
        "use one of: {tokens}; or declare the vocabulary that defines the value as its source",
        tokens=_choices(allowed),
    )
    if near:
        hint = msg(
            "write {nearest!r} (the nearest token); or use one of: {tokens}; or declare the "
            "vocabulary that defines the value as its source",
            nearest=folded[near[0]],
            tokens=_choices(allowed),
        )
    return Violation(
        msg(
            "{element} value {value!r} is not in the {vocabulary} vocabulary",
            element=term.element,
            value=value,
            vocabulary=declared,
        ),
        hint=hint,
        field="vocabulary_terms",
        location=term.location,
    )


def _scolomfr_mismatch(term: Term) -> tuple[str, frozenset[str]] | None:
    """``(expected, found)`` when ``term`` is a ScoLOMFR concept of another vocabulary than
    the one its element (or, for a taxon, its taxonPath source) takes."""
    found = scolomfr_concept_vocabulary(term.id or term.value)
    if found is None:
        return None
    if term.element == _TAXON:
        expected = scolomfr_scheme_vocabulary(term.source)
    else:
        expected = scolomfr_element_vocabulary(term.element)
    if expected is None or expected in found:
        return None
    return expected, found


def _others(count: int) -> Message:
    """`` (3 such values; the first is located)``: how many occurrences one finding covers."""
    return msgn(
        " ({count} such value; the first is located)",
        " ({count} such values; the first is located)",
        count,
    )


def _scolomfr_violation(term: Term, expected: str, found: frozenset[str], more: int) -> Violation:
    concept = (term.id or term.value).strip()
    of = ", ".join(scolomfr_vocabulary_name(v) for v in sorted(found))
    others: str | Message = _others(more + 1) if more else ""
    if term.element == _TAXON:
        message = msg(
            "{element} value {concept!r} is a concept of the ScoLOMFR vocabulary {found}, "
            "not of the vocabulary its taxonPath source names, {expected}{others}",
            element=term.element,
            concept=concept,
            found=of,
            expected=scolomfr_vocabulary_name(expected),
            others=others,
        )
        hint: Message = msg(
            "take the taxons from the vocabulary the source names, or name theirs as source"
        )
        field = "subjects"
    else:
        message = msg(
            "{element} value {concept!r} is a concept of the ScoLOMFR vocabulary {found}, "
            "not of {expected}, the vocabulary of {element}{others}",
            element=term.element,
            concept=concept,
            found=of,
            expected=scolomfr_vocabulary_name(expected),
            others=others,
        )
        hint = msg(
            "use a concept of {vocabulary} in {element}", vocabulary=expected, element=term.element
        )
        field = "vocabulary_terms"
    return Violation(
        message,
        hint=hint,
        field=field,
        location=term.location,
    )


def _scolomfr_taxons(record: Record) -> Iterator[Violation]:
    """Taxons from another ScoLOMFR vocabulary than their taxonPath source's, once per
    source and vocabulary."""
    groups: dict[tuple[str, str, frozenset[str]], list[Term]] = {}
    for term in (*record.subjects, *record.educational_levels, *record.access_conditions):
        if term.element != _TAXON:
            continue
        mismatch = _scolomfr_mismatch(term)
        if mismatch is not None:
            groups.setdefault(((term.source or "").strip(), *mismatch), []).append(term)
    for (_, expected, found), terms in groups.items():
        yield _scolomfr_violation(terms[0], expected, found, len(terms) - 1)


def _purpose_labels(record: Record) -> dict[str, str]:
    """The label a record gives each classification purpose it writes as a value."""
    labels: dict[str, str] = {}
    for term in record.vocabulary_terms:
        if term.element == "classification.purpose" and term.labels:
            labels.setdefault((term.id or term.value).strip(), term.labels[0].value.strip())
    return labels


def _scolomfr_purposes(record: Record) -> Iterator[Violation]:
    """Taxons from another ScoLOMFR vocabulary than the one their classification's
    purpose calls for (a ``domaine d'enseignement`` classification takes
    ``scolomfr-voc-015``; the reader gives each taxon its classification's purpose),
    once per purpose and vocabulary.  A taxon already
    reported against its taxonPath source is not reported again; a taxon that is no
    known concept is judged by the ScoLOMFR vocabulary its source names, if any.  A
    label the record gives the purpose is quoted when it names another purpose than the
    value does (the value is what is judged)."""
    groups: dict[tuple[str, frozenset[str], bool], list[Term]] = {}
    for term in (*record.subjects, *record.educational_levels, *record.access_conditions):
        if term.element != _TAXON or not term.purpose or _scolomfr_mismatch(term) is not None:
            continue
        called = scolomfr_purpose_vocabulary(term.purpose)
        if called is None:
            continue
        found = scolomfr_concept_vocabulary(term.id or term.value)
        by_source = found is None
        if found is None:
            scheme = scolomfr_scheme_vocabulary(term.source)
            found = frozenset({scheme}) if scheme else None
        if found is not None and called[0] not in found:
            groups.setdefault((term.purpose, found, by_source), []).append(term)
    labels = _purpose_labels(record)
    for (written, found, by_source), terms in groups.items():
        expected, purpose = scolomfr_purpose_vocabulary(written) or ("", written)
        label = labels.get(written, "")
        labelled: str | Message = ""
        if label and label.casefold() not in purpose.casefold():
            labelled = msg(" (the record labels it {label!r})", label=label)
        of = ", ".join(scolomfr_vocabulary_name(v) for v in sorted(found))
        first = terms[0]
        more = len(terms)
        others: str | Message = _others(more) if more > 1 else ""
        if by_source:
            message = msg(
                "classification.taxonPath source {source!r} names the ScoLOMFR vocabulary "
                "{found}, not {expected}, the vocabulary the classification purpose {purpose} "
                "calls for{labelled}{others}",
                source=(first.source or "").strip(),
                found=of,
                expected=scolomfr_vocabulary_name(expected),
                purpose=purpose,
                labelled=labelled,
                others=others,
            )
        else:
            message = msg(
                "classification.taxonPath.taxon value {concept!r} is a concept of the ScoLOMFR "
                "vocabulary {found}, not of {expected}, the vocabulary the classification "
                "purpose {purpose} calls for{labelled}{others}",
                concept=(first.id or first.value).strip(),
                found=of,
                expected=scolomfr_vocabulary_name(expected),
                purpose=purpose,
                labelled=labelled,
                others=others,
            )
        yield Violation(
            message,
            hint=msg(
                "take the taxons of this classification from {vocabulary} and name it as "
                "their taxonPath source, or give the classification the purpose that "
                "calls for their vocabulary",
                vocabulary=expected,
            ),
            field="subjects",
            location=first.location,
        )


def _check_dcmi_term(term: Term) -> Violation | None:
    if term.source is None or not _DCMI_SOURCE.search(term.source.strip()):
        return None
    value = term.value.strip()
    found, canonical = _in_vocabulary(value, dcmi_types())
    if found:
        return None
    hint = (
        msg("write {canonical!r}", canonical=canonical)
        if canonical
        else msg("use a DCMI Type term such as Text or InteractiveResource")
    )
    return Violation(
        msg(
            "type {value!r} is not a term of the DCMI Type Vocabulary declared as its scheme",
            value=value,
        ),
        hint=hint,
        field="learning_resource_types",
        location=term.location,
    )


_CASE_ONLY = Variant(
    "STD007",
    "vocabulary-value-case",
    "info",
    "A vocabulary value differs from its token only in upper and lower case.",
    """
    ## Why it matters
    The value names the right LOMv1.0 token, so a reader sees what is meant, but many
    harvesters and filters compare tokens exactly and miss ``School`` when they look
    for ``school``.  Information, not a warning like the other vocabulary mismatches of
    ``STD003``: nothing is lost that a case-insensitive comparison would not recover.

    ## Example
    ``<context><source>LOMv1.0</source><value>Higher Education</value></context>``
    (the token is ``higher education``); ``<role>...<value>Author</value>``.

    ## Fix
    Write the token exactly as the vocabulary spells it, as the hint gives it.
    """,
    fixable="writes the token as the declared vocabulary spells it",
)


@rule(
    "STD003",
    "vocabulary-value",
    severity="warning",
    areas=[5, 1],
    paragraphs=["11", "9(iii)"],
    variants=[_CASE_ONLY],
)
def vocabulary_value(record: Record) -> Iterator[Violation]:
    """A value is not in the vocabulary its source declares.

    ## Why it matters
    Controlled vocabularies make records comparable across repositories and
    languages: a harvester that filters on ``educational.context = school`` misses a
    record that says ``School`` or ``primary``.  Every LOM vocabulary element is
    checked against the LOMv1.0 tokens when its source is ``LOMv1.0`` (or absent, the
    binding's default), and against an application profile's vocabulary when its source
    names one oer_meta holds (LOM-ES's ``LOM-ESv1.0``, NL-LOM's VDEX addresses such as
    ``vdex_context_czp_20060628.xml``) or the record's profile respells
    LOMv1.0 (HS-OER-LOM's ``Author``); other profile vocabularies are tolerated.  A
    ScoLOMFR concept URI from another vocabulary than its element's (or, for a taxon,
    than its taxonPath source's, or than the one its classification's purpose calls
    for) is reported too.  A value that differs from the token
    only in case is reported under ``STD007``, as information.  DC types declared as
    DCMI Type terms are checked too.

    ## Example
    ``<intendedEndUserRole><source>LOMv1.0</source><value>pupil</value>`` (the LOMv1.0
    roles are teacher, author, learner, manager), a licence name written as the value
    of ``copyrightAndOtherRestrictions`` under source ``LOMv1.0``, a LOM-ES role
    ``publiser`` under source ``LOM-ESv1.0``, or a ScoLOMFR learning-resource-type
    concept (``scolomfr-voc-010``) given as ``educational.context``.

    ## Fix
    Use a token of the declared vocabulary, or declare as source the vocabulary that
    really defines the value.
    """
    for term in record.vocabulary_terms:
        mismatch = _scolomfr_mismatch(term)
        violation = (
            _scolomfr_violation(term, *mismatch, 0)
            if mismatch is not None
            else _check_lom_term(term, record.profiles)
        )
        if violation is not None:
            yield violation
    yield from _scolomfr_taxons(record)
    yield from _scolomfr_purposes(record)
    for term in record.learning_resource_types:
        violation = _check_dcmi_term(term)
        if violation is not None:
            yield violation


def _date_problem(value: str) -> Message | None:
    text = value.strip()
    if not text:
        return msg("is empty")
    parts = text.split("/") if text.count("/") == 1 and "-" in text else [text]
    for part in parts:
        try:
            if "T" in part:
                isodate.parse_datetime(part)
            else:
                isodate.parse_date(part)
        except (ValueError, isodate.ISO8601Error, OverflowError):
            return msg("is not an ISO 8601 date or date-time")
    return None


def _duration_problem(value: str, kind: str | None = None) -> Message | None:
    """What is wrong with a duration; ``kind`` ``time``: the profile types it as a clock
    time (HS-OER-LOM's ``00:31:33``), which is accepted besides ISO 8601."""
    text = value.strip()
    if not text:
        return msg("is empty")
    if kind == "time" and _CLOCK_TIME.match(text):
        return None
    if text in ("P", "PT") or text.endswith("T"):
        return msg("has no duration component")
    try:
        isodate.parse_duration(text)
    except (ValueError, isodate.ISO8601Error, OverflowError):
        return msg("is not an ISO 8601 duration")
    return None


@rule(
    "STD004",
    "invalid-datetime",
    severity="warning",
    areas=[5, 1],
    paragraphs=["11", "9(iii)"],
)
def invalid_datetime(record: Record) -> Iterator[Violation]:
    """A date or duration is not written in ISO 8601.

    ## Why it matters
    Dates tell whether a resource is current (para. 5: regular updating and curation)
    and let catalogues sort and filter; durations tell learners how long an activity
    takes.  ``29 mai 2000`` or ``1/10/2002`` can be read only by people who share the
    writer's language and conventions, and ``00:31:33`` is not a duration any
    standard parser accepts.  A value its application profile types otherwise is judged
    by that type: HS-OER-LOM types ``technical.duration`` as a clock time, so
    ``00:31:33`` is accepted there.

    ## Example
    ``<dc:date>October 4, 2006</dc:date>``, ``"datePublished": "1/10/2002"``,
    ``<duration>00:31:33</duration>``.

    ## Fix
    Write dates as ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or
    ``YYYY-MM-DDThh:mm:ss`` with an optional zone (``2006-10-04``), and durations as
    ``PnYnMnDTnHnMnS`` (``PT31M33S``).

    A placeholder badly written (``TODO``) is reported here too, as any value that is
    not ISO 8601: the conformance profile, which runs only STD rules, must see it.
    DISC009 says, beside, that it is a placeholder.
    """
    for date in record.dates:
        problem = _date_problem(date.value)
        if problem is not None:
            years = _YEAR_RANGE.match(date.value.strip())
            hint = (
                msg(
                    "write the period as an ISO 8601 interval: {start}/{end}",
                    start=years.group(1),
                    end=years.group(2),
                )
                if years
                else msg("write the date as YYYY-MM-DD (or YYYY-MM-DDThh:mm:ssZ)")
            )
            yield Violation(
                msg(
                    "{date} {value!r} {problem}",
                    date=date_named(date.kind),
                    value=date.value.strip(),
                    problem=problem,
                ),
                hint=hint,
                field="dates",
                location=date.location,
            )
    for duration in record.durations:
        kind = value_type(duration.element, record.profiles)
        problem = _duration_problem(duration.value, kind)
        if problem is not None:
            if kind == "time":
                problem = msg(
                    "{problem} nor a clock time (hh:mm:ss), the type its profile gives it",
                    problem=problem,
                )
            yield Violation(
                msg("duration {value!r} {problem}", value=duration.value.strip(), problem=problem),
                hint=msg("write durations as ISO 8601, e.g. PT1H30M or PT31M33S"),
                field="durations",
                location=duration.location,
            )


# -- the harvest a record came from (was checks/harvest.py) --------------------------


@rule(
    "STD006",
    "partial-harvest",
    severity="info",
    areas=[5, 1],
    paragraphs=["11", "9(iii)"],
)
def partial_harvest(record: Record) -> Iterator[Violation]:
    """The OAI-PMH response is one page of a longer list; the rest was not read.

    ## Why it matters
    OAI-PMH servers answer ``ListRecords`` in pages and end each page but the last
    with a ``resumptionToken``.  A report made from one page says nothing about the
    records on the other pages: read as the state of a whole repository, it would
    hide every problem they hold.  The note sits on the last record of the page.

    ## Example
    A harvest saved with ``curl`` from
    ``.../oai?verb=ListRecords&metadataPrefix=oai_dc`` ends with
    ``<resumptionToken completeListSize="5230">oai_dc/100</resumptionToken>``: only
    the first 100 of 5230 records were checked.

    ## Fix
    Harvest the remaining pages (repeat the request with ``resumptionToken=...`` until
    the token comes back empty) and check all of them, or use a harvester that does.
    """
    for problem in record.problems:
        if problem.rule == "STD006":
            yield Violation(
                marked(problem.message),
                hint=marked(problem.hint) if problem.hint else None,
                field=problem.field,
                location=problem.location,
            )


@rule(
    "STD008",
    "unused-suppression",
    severity="warning",
    areas=[5, 1],
    paragraphs=["11", "9(iii)"],
)
def unused_suppression(record: Record) -> Iterator[Violation]:
    """An inline suppression in the record hides no finding, or names no rule.

    ## Why it matters
    ``oer-meta: ignore[CODE]`` hides a finding the record's maintainers have judged
    and accepted.  Once the record is fixed, or the rule no longer fires, the
    suppression stays behind and would silently hide the next real problem of that
    code; a misspelt code hides nothing at all while looking as if it did.  Like
    ruff's unused ``noqa`` report, this keeps suppressions honest.

    ## Example
    ``<!-- oer-meta: ignore[LIC004] -->`` in a LOM record whose licence is CC BY 4.0
    (LIC004 finds nothing to hide), or ``"oer-meta:ignore": ["LIC04"]`` in JSON-LD.

    ## Fix
    Remove the code from the suppression (and the suppression when no code is left),
    or correct the code.  A suppression of a rule the profile does not run is not
    reported: it may serve under another profile.
    """
    # The engine reports these: only it knows which findings a suppression hid.
    yield from ()


@rule(
    "STD009",
    "harvest-error",
    severity="error",
    areas=[5, 1],
    paragraphs=["11", "9(iii)"],
    kind="input",
)
def harvest_error(item: Unreadable) -> Iterator[Violation]:
    """The harvest stopped early: the repository answered an error or could not be reached.

    ## Why it matters
    ``oer-meta harvest`` follows an OAI-PMH list from page to page.  When the
    repository answers with an OAI-PMH error (an expired ``badResumptionToken``, a
    ``cannotDisseminateFormat`` for the metadata prefix asked for), keeps answering
    ``503`` after every retry, cannot be reached, or sends a page that cannot be read
    to its resumption token, the pages after that point are never requested.  The
    records checked so far are reported; this finding says that they are not the whole
    list, so that a nightly report on part of a repository never passes for one on all
    of it.  ``noRecordsMatch`` is not an error: the list is empty.

    ## Example
    The third page of a harvest answers
    ``<error code="badResumptionToken">token expired</error>``: the records of the first
    two pages are checked, and this finding names the page where the harvest stopped.

    ## Fix
    Harvest again (resumption tokens expire: a slow harvest may need a repository that
    keeps them longer), ask for a metadata prefix the repository offers
    (``ListMetadataFormats``), or ask the repository's operators about the error.
    """
    if isinstance(item, HarvestError):
        yield Violation(
            item.note or marked(item.message),
            hint=item.note_hint or (marked(item.hint) if item.hint else None),
            location=item.location,
        )


@rule(
    "STD010",
    "limit-reached",
    severity="error",
    areas=[5, 1],
    paragraphs=["11", "9(iii)"],
)
def limit_reached(record: Record) -> Iterator[Violation]:
    """The record reached a resource limit: part of it was not read or not checked.

    ## Why it matters
    A harvest is written by someone else, and one record with a hundred thousand
    values, elements nested hundreds deep or a value that takes minutes to check must
    not hold a nightly run hostage.  oer_meta stops at its limits (docs/limits.md) and
    keeps what it read, but the findings of such a record are incomplete: what lay
    beyond the limit was not looked at, so a missing licence or title may only be
    missing from the part that was read.  The values-per-field limit is noted under
    ``STD002``, and the limits of a whole file (its size, its records) under
    ``STD001``; the records before the limit are always kept.

    ## Example
    A LOM record with 200,000 ``<keyword>`` elements spread over many fields (more than
    ``max-values-per-record``), elements nested deeper than ``max-depth``, or a record
    whose rules took longer than ``max-seconds-per-record``.

    ## Fix
    Split or shorten the record, or raise the limit (``--max-values-per-record``,
    ``--max-depth``, ``--max-seconds-per-record``, or the same keys in the
    ``[limits]`` table of the configuration) when the record really needs it.
    """
    for problem in record.problems:
        if problem.rule == "STD010":
            yield Violation(
                marked(problem.message),
                hint=marked(problem.hint) if problem.hint else None,
                field=problem.field,
                location=problem.location,
            )
