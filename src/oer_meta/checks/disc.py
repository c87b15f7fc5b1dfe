"""Pack ``DISC``: can the resource be found, told apart and chosen?

The Recommendation asks for OER that can be "easily found" through repositories and
search engines (para. 11, draft (d)) and for searchability (para. 9(iii)), and for OER
that suit the needs of their target learners (para. 13).  These rules look for the
descriptive fields that make that possible.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from oer_meta.checks.registry import Violation, rule
from oer_meta.model import Location, Record, Term, Text

_PERSISTENT = re.compile(r"^(https?://|doi:|hdl:|urn:|ark:|info:|10\.\d{4,9}/)", re.IGNORECASE)


def _non_empty(texts: Sequence[Text]) -> bool:
    return any(t.value.strip() for t in texts)


def _named(terms: Sequence[Term]) -> bool:
    """True when a term has a value or at least a concept id."""
    return any(t.value.strip() or t.id for t in terms)


def _first_location(texts: Sequence[Text], record: Record) -> Location:
    for text in texts:
        if text.location is not None:
            return text.location
    return record.location


@rule("DISC001", "title-missing", severity="error", areas=[1, 3], paragraphs=["11", "9(iii)"])
def title_missing(record: Record) -> Iterator[Violation]:
    """The record gives the resource no title.

    ## Why it matters
    The title is what every catalogue, search result and citation shows first.
    Without it a resource cannot be found by name, told apart from others, or
    attributed as its licence requires (the T of TASL).  An empty title element
    counts as missing.

    ## Example
    ``<title><string language="en-US"></string></title>``, or a JSON-LD record with no
    ``name``.

    ## Fix
    Give the resource's real title (LOM ``general.title``, ``dc:title``,
    schema.org ``name``), in the language of the resource and, where useful, in
    other languages too.
    """
    if not _non_empty(record.titles):
        empty = "is empty" if record.titles else "is missing"
        yield Violation(
            f"the title {empty}",
            hint="add the resource's title (LOM general.title, dc:title, schema:name)",
            field="titles",
            location=_first_location(record.titles, record),
        )


@rule(
    "DISC002",
    "description-missing",
    severity="warning",
    areas=[1, 3],
    paragraphs=["11", "9(iii)", "13"],
)
def description_missing(record: Record) -> Iterator[Violation]:
    """The record has no description of the resource.

    ## Why it matters
    A description lets a teacher or learner judge, before opening it, whether a
    resource fits their course and level; search engines index it as the main text
    about the resource.  Without it, choosing an OER means opening every candidate.

    ## Example
    A LOM record whose ``general.description`` is absent or holds only an empty
    string; an oai_dc record without ``dc:description``.

    ## Fix
    Add a few sentences on what the resource covers, for whom, and how it is used
    (LOM ``general.description``, ``dc:description``, schema.org ``description``).
    """
    if not _non_empty(record.descriptions):
        empty = "is empty" if record.descriptions else "is missing"
        yield Violation(
            f"the description {empty}",
            hint="describe what the resource covers, for whom and how it is used",
            field="descriptions",
            location=_first_location(record.descriptions, record),
        )


@rule(
    "DISC003",
    "keywords-missing",
    severity="warning",
    areas=[1, 5],
    paragraphs=["11", "15"],
)
def keywords_missing(record: Record) -> Iterator[Violation]:
    """The record has neither keywords nor subjects.

    ## Why it matters
    Keywords and subject classifications are how resources are grouped by subject
    matter, inside one repository and across the networks that share OER by subject
    and level (para. 15).  A subject from a classification scheme counts as well as a
    free keyword.

    ## Example
    A LOM record with no ``general.keyword`` and no ``classification``; an oai_dc
    record without ``dc:subject``; keywords that are all blank.

    ## Fix
    Add a few keywords (LOM ``general.keyword``, ``dc:subject``, schema.org
    ``keywords``), or classify the resource in a subject scheme.
    """
    if _non_empty(record.keywords) or _named(record.subjects):
        return
    yield Violation(
        "no keyword or subject describes what the resource is about",
        hint="add keywords (general.keyword, dc:subject, schema:keywords) or a subject "
        "classification",
        field="keywords",
        location=_first_location(record.keywords, record),
    )


def _persistent(value: str) -> bool:
    return bool(_PERSISTENT.match(value.strip()))


@rule(
    "DISC004",
    "identifier-missing",
    severity="warning",
    areas=[1, 4],
    paragraphs=["11", "14"],
)
def identifier_missing(record: Record) -> Iterator[Violation]:
    """No persistent identifier or resolvable URL points to the resource.

    ## Why it matters
    Repositories, preservation services and citations need a stable way to reach the
    resource (para. 11: repositories and long-term preservation; para. 14:
    curation).  A DOI, Handle, URN, ARK or an http(s) URL qualifies; a local number
    such as ``1`` or an OAI-PMH record identifier does not point to the resource.

    ## Example
    ``<identifier><catalog>Catalog</catalog><entry>1</entry></identifier>`` and no
    ``technical.location``.

    ## Fix
    Add the resource's DOI or Handle, or at least its URL (LOM ``general.identifier``
    or ``technical.location``, ``dc:identifier``, schema.org ``@id``/``url``).
    """
    for ident in record.identifiers:
        if ident.catalog != "oai" and _persistent(ident.value):
            return
    if any(_persistent(url.value) for url in record.urls):
        return
    found = [i.value.strip() for i in record.identifiers if i.catalog != "oai" and i.value.strip()]
    detail = f" (found only {', '.join(repr(v) for v in found[:3])})" if found else ""
    location = next(
        (i.location for i in record.identifiers if i.location is not None), record.location
    )
    yield Violation(
        f"no persistent identifier or resolvable URL{detail}",
        hint="add a DOI, Handle or URN, or the resource's http(s) URL",
        field="identifiers",
        location=location,
    )


@rule(
    "DISC005",
    "resource-type-missing",
    severity="warning",
    areas=[3, 1],
    paragraphs=["13", "9(iii)"],
)
def resource_type_missing(record: Record) -> Iterator[Violation]:
    """The record does not say what kind of learning resource this is.

    ## Why it matters
    Teachers look for a lesson plan, an exercise or a video, not for "a resource".
    The learning resource type lets catalogues filter by kind and lets learners find
    material that suits how they learn (para. 13).

    ## Example
    A LOM record without ``educational.learningResourceType``; a DC record without
    ``dc:type``; JSON-LD without ``learningResourceType``.

    ## Fix
    Add the type from a shared vocabulary (LOMv1.0, HCRT, the LRMI or DCMI types).
    """
    if _named(record.learning_resource_types):
        return
    yield Violation(
        "the kind of learning resource is not given",
        hint="add a learning resource type from a shared vocabulary (LOMv1.0, HCRT, LRMI, "
        "DCMI Type)",
        field="learning_resource_types",
        location=record.location,
    )


@rule(
    "DISC006",
    "educational-level-missing",
    severity="info",
    areas=[3, 1],
    paragraphs=["13", "15"],
)
def educational_level_missing(record: Record) -> Iterator[Violation]:
    """The record does not say for which educational level the resource is meant.

    ## Why it matters
    OER should suit the needs of their target learners and the objectives of the
    course (para. 13), and networks share them by level of education (para. 15).
    Without a level a primary-school teacher and a university lecturer see the same
    undifferentiated list.  Reported as information because general-purpose
    catalogues (libraries, archives) often have no such field.

    ## Example
    A LOM record without ``educational.context``; JSON-LD without
    ``educationalLevel``; DC without ``dcterms:educationLevel``.

    ## Fix
    Add the level from a vocabulary (LOM context, ISCED 2011, a national framework).
    """
    if _named(record.educational_levels):
        return
    simple_dc = "educational_levels" in record.conventions.unsupported
    yield Violation(
        "no educational level or context is given"
        + (" (oai_dc has no element for it)" if simple_dc else ""),
        hint=(
            "offer the record in DCMI terms (dcterms:educationLevel) or LOM as well"
            if simple_dc
            else "add an educational level (LOM educational.context, schema:educationalLevel, "
            "dcterms:educationLevel)"
        ),
        field="educational_levels",
        location=record.location,
    )


@rule(
    "DISC007",
    "date-missing",
    severity="info",
    areas=[3, 4],
    paragraphs=["5", "14"],
)
def date_missing(record: Record) -> Iterator[Violation]:
    """The record gives no date of creation, publication or modification.

    ## Why it matters
    A date tells users whether a resource is current and curators when it needs
    review (para. 5: creation, curation and regular updating; para. 14: curation).
    An OAI-PMH datestamp dates the metadata record, not the resource, and does not
    count.

    ## Example
    A LOM record without any ``contribute/date``; a DC record without ``dc:date``.

    ## Fix
    Add when the resource was created, published or last changed, in ISO 8601.
    """
    if any(d.value.strip() and d.kind != "datestamp" for d in record.dates):
        return
    yield Violation(
        "no date of creation, publication or modification is given",
        hint="add the creation or publication date (lifeCycle.contribute.date, dc:date, "
        "schema:datePublished)",
        field="dates",
        location=record.location,
    )


@rule(
    "DISC008",
    "format-missing",
    severity="info",
    areas=[3, 2],
    paragraphs=["13", "12", "9(iii)"],
)
def format_missing(record: Record) -> Iterator[Violation]:
    """The record does not say in which technical format the resource comes.

    ## Why it matters
    The format (a MIME type such as ``application/pdf`` or ``text/html``) tells a
    learner whether the resource opens on their device, offline or in print (para.
    13), and lets policies favour standard open file formats (para. 12).

    ## Example
    A LOM record without ``technical.format``; JSON-LD without ``encodingFormat``.

    ## Fix
    Add the MIME type of each file or page of the resource.
    """
    if _non_empty(record.formats):
        return
    yield Violation(
        "the technical format (MIME type) is not given",
        hint="add the MIME type (technical.format, dc:format, schema:encodingFormat)",
        field="formats",
        location=record.location,
    )
