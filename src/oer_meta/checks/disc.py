"""Pack ``DISC``: can the resource be found, told apart and chosen?

The Recommendation asks for OER that can be "easily found" through repositories and
search engines (para. 11, draft (d)) and for searchability (para. 9(iii)), and for OER
that suit the needs of their target learners (para. 13).  These rules look for the
descriptive fields that make that possible, and for what only looks like them:
placeholders, markup, identifiers no one can resolve, one identifier for several
resources (docs/discoverability.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from oer_meta.checks._messages import date_named
from oer_meta.checks.batch import BatchIndex, Namesake, RecordRef
from oer_meta.checks.registry import Variant, Violation, rule
from oer_meta.i18n import N_, Message, joined, marked, msg, msgn
from oer_meta.knowledge.identifiers import example_doi, glued, unresolvable
from oer_meta.knowledge.placeholders import (
    Placeholder,
    markup,
    placeholder,
    placeholder_date,
    same_words,
)
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
        yield Violation(
            msg("the title is empty") if record.titles else msg("the title is missing"),
            hint=msg("add the resource's title (LOM general.title, dc:title, schema:name)"),
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
        yield Violation(
            msg("the description is empty")
            if record.descriptions
            else msg("the description is missing"),
            hint=msg("describe what the resource covers, for whom and how it is used"),
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
        msg("no keyword or subject describes what the resource is about"),
        hint=msg(
            "add keywords (general.keyword, dc:subject, schema:keywords) or a subject "
            "classification"
        ),
        field="keywords",
        location=_first_location(record.keywords, record),
    )


def _persistent(value: str) -> bool:
    return bool(_PERSISTENT.match(value.strip()))


def _why_absent(value: str) -> str | None:
    """Why a value, persistent as it may look, counts as absent, or ``None``."""
    reason = unresolvable(value)
    if reason is None and glued(value):
        reason = N_("it is two identifiers glued together")
    return reason


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
    Nor does an address that only its author can reach: ``localhost``, a loopback or
    private network address, a name known only inside a local network, a domain
    reserved for examples (``example.org``, ``.test``, RFC 2606), a DOI under the DOI
    Handbook's example prefix ``10.1000``, a ``file:`` URL or disk path, a malformed
    scheme (``http:http://``, ``htp://``), or two identifiers glued into one value.
    These count as absent, and the message says why.

    ## Example
    ``<identifier><catalog>Catalog</catalog><entry>1</entry></identifier>`` and no
    ``technical.location``; ``"url": "http://localhost:8080/lesson"``.

    ## Fix
    Add the resource's DOI or Handle, or at least its public URL (LOM
    ``general.identifier`` or ``technical.location``, ``dc:identifier``, schema.org
    ``@id``/``url``).
    """
    values = [i.value for i in record.identifiers if i.catalog != "oai"]
    values += [url.value for url in record.urls]
    if any(_persistent(v) and _why_absent(v) is None for v in values):
        return
    plain: list[str] = []
    absent: list[Message] = []
    for value in dict.fromkeys(v.strip() for v in values if v.strip()):
        reason = _why_absent(value)
        if reason is not None:
            absent.append(
                msg(
                    "{value} counts as absent: {reason}", value=_short(value), reason=marked(reason)
                )
            )
        else:
            plain.append(_short(value))
    parts: list[Message] = (
        [msg("found only {values}", values=", ".join(plain[:3]))] if plain else []
    )
    parts += absent[:3]
    location = next(
        (i.location for i in record.identifiers if i.location is not None), record.location
    )
    yield Violation(
        msg(
            "no persistent identifier or resolvable URL ({details})",
            details=joined("; ", parts),
        )
        if parts
        else msg("no persistent identifier or resolvable URL"),
        hint=msg(
            "add a DOI, Handle or URN, or the resource's public http(s) URL (not one on "
            "localhost, a private network, an example domain or a local disk)"
        ),
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
        msg("the kind of learning resource is not given"),
        hint=msg(
            "add a learning resource type from a shared vocabulary (LOMv1.0, HCRT, LRMI, DCMI Type)"
        ),
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
        msg("no educational level or context is given (oai_dc has no element for it)")
        if simple_dc
        else msg("no educational level or context is given"),
        hint=(
            msg("offer the record in DCMI terms (dcterms:educationLevel) or LOM as well")
            if simple_dc
            else msg(
                "add an educational level (LOM educational.context, schema:educationalLevel, "
                "dcterms:educationLevel)"
            )
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
        msg("no date of creation, publication or modification is given"),
        hint=msg(
            "add the creation or publication date (lifeCycle.contribute.date, dc:date, "
            "schema:datePublished)"
        ),
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
        msg("the technical format (MIME type) is not given"),
        hint=msg("add the MIME type (technical.format, dc:format, schema:encodingFormat)"),
        field="formats",
        location=record.location,
    )


# -- placeholders, markup, glued and shared identifiers ------------------------------------


def _short(value: str, size: int = 60) -> str:
    """``value`` quoted for a message, cut at ``size`` characters."""
    text = " ".join(value.split())
    return repr(text if len(text) <= size else text[: size - 1] + "…")


def _why_placeholder(found: Placeholder) -> Message:
    if found.kind == "no-words":
        return msg("it holds no word")
    if found.kind == "value":
        return msg("{phrase!r} stands for no value", phrase=found.phrase)
    if found.kind == "dummy":
        return msg("it holds the dummy text {phrase!r}", phrase=found.phrase)
    return msg("the placeholder {phrase!r} with generic words only", phrase=found.phrase)


_PLACEHOLDER_FIELDS = (
    (
        "titles",
        N_("the title {value} is a placeholder ({why})"),
        N_("give the resource's real title"),
    ),
    (
        "descriptions",
        N_("the description {value} is a placeholder ({why})"),
        N_("describe what the resource covers, for whom and how it is used"),
    ),
)


@rule(
    "DISC009",
    "placeholder-text",
    severity="warning",
    areas=[1, 3],
    paragraphs=["11", "9(iii)"],
)
def placeholder_text(record: Record) -> Iterator[Violation]:
    """A title, description, identifier, date or duration is a placeholder, not content.

    ## Why it matters
    ``Untitled``, ``Sans titre``, ``Keine Beschreibung vorhanden``, ``TBD``, ``N/A`` or
    ``Lorem ipsum`` fill a field, so the record looks complete, but tell a searcher
    nothing: the resource cannot be found by what it is about (paras 11 and 9(iii)).
    Such values are left by templates, authoring tools and test records.

    oer_meta matches words, not whole strings: a text is a placeholder when it is made
    of placeholder phrases (``untitled``, ``sin título``, ``title``, ``description``,
    ``test``...) and generic words only (``document``, ``course``, ``enter``, ``here``,
    articles; numbers and punctuation aside), when it holds no word at all (``-``,
    ``...``), when the whole text is a value such as ``N/A``, ``null`` or ``xxx``, or
    when it holds dummy text (``lorem ipsum``) anywhere.  ``Untitled document`` and
    ``[Sans titre]`` are placeholders; ``Untitled Goose Game: a case study`` is not.
    The phrase lists cover the languages of the EU and those met in harvested records
    (docs/discoverability.md).

    Identifiers, dates and durations are placeholders when their value is such a text
    (``TODO``, ``unknown``), when a DOI uses ``10.1000``, the prefix of the DOI
    Handbook's examples, and when a date is a software default: the Unix epoch
    (``1970-01-01``, a date-time within a day of it), the year ``0000``
    (``0000-00-00``) or ``0001-01-01``.  STD004 leaves such dates and durations to this
    rule: rewriting them in ISO 8601 would not make them true.

    ## Example
    ``<dc:title xml:lang="en">article-title-en</dc:title>``; ``"description": "Enter a
    description here"``; an identifier ``TODO``; ``"dateModified": "1970-01-01
    00:00:09 +0000"``; ``"timeRequired": "TODO"``; the DOI ``10.1000/ISBN1-900512-44-0``.

    ## Fix
    Replace the placeholder with the real title, description, identifier, date or
    duration, or leave the field out until it is known (the rules for missing fields then say so).
    """
    for field, said, hint in _PLACEHOLDER_FIELDS:
        texts: Sequence[Text] = getattr(record, field)
        for text in texts:
            found = placeholder(text.value)
            if found is not None:
                yield Violation(
                    marked(said, value=_short(text.value), why=_why_placeholder(found)),
                    hint=marked(hint),
                    field=field,
                    location=text.location,
                )
    seen: set[str] = set()
    for value, field, location in _identifier_values(record):
        if value.strip() in seen:
            continue
        if example_doi(value):
            why = msg("10.1000 is the DOI prefix of the DOI Handbook's examples")
        elif "://" in value:
            continue  # a URL: DISC004 says whether it can resolve
        else:
            found = placeholder(value)
            if found is None:
                continue
            why = _why_placeholder(found)
        seen.add(value.strip())
        yield Violation(
            msg("the identifier {value} is a placeholder ({why})", value=_short(value), why=why),
            hint=msg("give the resource's real DOI, Handle or URL, or leave the identifier out"),
            field=field,
            location=location,
        )
    yield from _placeholder_dates(record)


def _date_placeholder(value: str) -> Message | None:
    """Why a date or duration value is a placeholder: a word such as ``TODO`` or
    ``unknown`` (:func:`placeholder`), or a software default date (:func:`placeholder_date`)."""
    found = placeholder(value)
    if found is not None:
        return _why_placeholder(found)
    said = placeholder_date(value)
    return marked(said) if said is not None else None


def _placeholder_dates(record: Record) -> Iterator[Violation]:
    """DISC009 on dates (OAI-PMH datestamps aside: they date the metadata record) and
    durations; STD004 leaves these values to it."""
    for date in record.dates:
        why = _date_placeholder(date.value) if date.kind != "datestamp" else None
        if why is not None:
            yield Violation(
                msg(
                    "the {date} {value} is a placeholder ({why})",
                    date=date_named(date.kind),
                    value=_short(date.value),
                    why=why,
                ),
                hint=msg("give the real date, or leave the date out until it is known"),
                field="dates",
                location=date.location,
            )
    for duration in record.durations:
        found = placeholder(duration.value)
        if found is not None:
            yield Violation(
                msg(
                    "the duration {value} is a placeholder ({why})",
                    value=_short(duration.value),
                    why=_why_placeholder(found),
                ),
                hint=msg(
                    "give the time the resource takes (ISO 8601, e.g. PT1H30M), or leave "
                    "the duration out until it is known"
                ),
                field="durations",
                location=duration.location,
            )


def _identifier_values(record: Record) -> Iterator[tuple[str, str, Location | None]]:
    """Every identifier and URL of the resource (OAI-PMH record identifiers aside)."""
    for identifier in record.identifiers:
        if identifier.catalog != "oai":
            yield identifier.value, "identifiers", identifier.location
    for url in record.urls:
        yield url.value, "urls", url.location


@rule(
    "DISC010",
    "description-repeats-title",
    severity="warning",
    areas=[1, 3],
    paragraphs=["11", "13"],
)
def description_repeats_title(record: Record) -> Iterator[Violation]:
    """The description only repeats the title.

    ## Why it matters
    A description that says what the title says adds nothing a teacher or learner can
    choose by (para. 13) and gives search engines no more text to index (para. 11): the
    record has, in effect, no description.  Case, accents, spacing and punctuation do
    not count; a description that says more than the title is fine.

    ## Example
    ``"name": "Photosynthesis"`` and ``"description": "Photosynthesis."``.

    ## Fix
    Write a few sentences on what the resource covers, for whom, and how it is used.
    """
    for description in record.descriptions:
        if placeholder(description.value) is not None:
            continue  # DISC009 says what is wrong with it
        for title in record.titles:
            if same_words(description.value, title.value):
                yield Violation(
                    msg(
                        "the description {value} only repeats the title",
                        value=_short(description.value),
                    ),
                    hint=msg("describe what the resource covers, for whom and how it is used"),
                    field="descriptions",
                    location=description.location,
                )
                break


_MARKUP_IN_DESCRIPTION = Variant(
    "DISC012",
    "markup-in-description",
    "info",
    "A description holds HTML tags or comments.",
    """
    ## Why it matters
    Many catalogues show descriptions as HTML, and there tags do no harm; but
    harvesters, search engines and screen readers that take the description as plain
    text show ``<span style=...>`` to the reader, and an HTML comment may hide text
    that plain-text readers show (a stale "this course is full").  Information, since
    the text is still there.

    ## Example
    ``"description": "<p>An introduction to <b>R</b>.</p>"``.

    ## Fix
    Publish the description as plain text (or say in the metadata that it is HTML, and
    drop comments and styling).
    """,
)


@rule(
    "DISC011",
    "markup-in-text",
    severity="warning",
    areas=[1, 3],
    paragraphs=["11", "13"],
    variants=[_MARKUP_IN_DESCRIPTION],
)
def markup_in_text(record: Record) -> Iterator[Violation]:
    """A title holds HTML markup, or a title or description an HTML entity left as text.

    ## Why it matters
    A title is shown in result lists, citations and attribution lines as plain text:
    ``<b>Fractions</b>`` or ``Maths &amp; Physics`` is what the reader sees.  An entity
    such as ``&amp;`` or ``&#39;`` in the text itself was escaped twice on the way
    (``&amp;amp;`` in the XML) and shows as code in every catalogue.  HTML tags in a
    description are ``DISC012``.

    ## Example
    ``<dc:title>OpenStax Anatomy &amp;amp; Physiology</dc:title>``.

    ## Fix
    Write the title as plain text, and escape special characters once only (``&amp;``
    in XML stands for ``&``).
    """
    for title in record.titles:
        for found in markup(title.value):
            yield Violation(
                msg("the title holds an HTML entity left as text ({sample!r})", sample=found.sample)
                if found.kind == "entity"
                else msg("the title holds HTML markup ({sample!r})", sample=found.sample),
                hint=msg("write the title as plain text"),
                field="titles",
                location=title.location,
            )
            break
    for description in record.descriptions:
        kinds = {found.kind: found for found in markup(description.value)}
        entity = kinds.get("entity")
        if entity is not None:
            yield Violation(
                msg(
                    "the description holds an HTML entity left as text ({sample!r})",
                    sample=entity.sample,
                ),
                hint=msg("escape special characters once only (&amp; in XML stands for &)"),
                field="descriptions",
                location=description.location,
            )
        tag = kinds.get("tag") or kinds.get("comment")
        if tag is not None:
            yield Violation(
                msg("the description holds an HTML comment ({sample!r})", sample=tag.sample)
                if tag.kind == "comment" and "tag" not in kinds
                else msg("the description holds HTML markup ({sample!r})", sample=tag.sample),
                hint=msg("publish the description as plain text, without tags or comments"),
                field="descriptions",
                location=description.location,
                code="DISC012",
            )


@rule(
    "DISC013",
    "identifier-glued",
    severity="warning",
    areas=[1, 4],
    paragraphs=["11", "14"],
)
def identifier_glued(record: Record) -> Iterator[Violation]:
    """An identifier or URL is two identifiers glued into one value.

    ## Why it matters
    ``https://a.org/x/https://a.org/x/123`` or ``oai:a:b:oai:a:b`` comes from a
    repository that prefixed a base URL or a namespace to a value that already had it,
    or that joined two values: it reaches nothing, and no other record or service can
    match it with the resource (paras 11 and 14).  A URL carried in a query string
    (``?url=https://...``) or in a web archive's path is not glued.

    ## Example
    ``<dc:identifier>https://repo.org/handle/https://repo.org/handle/1/2</dc:identifier>``.

    ## Fix
    Keep one identifier per value: remove the repeated prefix, or split the two values
    into two identifier elements.
    """
    seen: set[str] = set()
    for value, field, location in _identifier_values(record):
        text = value.strip()
        if text in seen or not glued(text):
            continue
        seen.add(text)
        yield Violation(
            msg("the identifier {value} is two identifiers glued together", value=_short(text, 90)),
            hint=msg("remove the repeated prefix, or give the two identifiers as two values"),
            field=field,
            location=location,
        )


def _ref_name(ref: RecordRef) -> Message:
    if ref.source:
        return msg("record {index} of {source}", index=ref.index, source=ref.source)
    return msg("record {index}", index=ref.index)


def _shared_violation(namesake: Namesake) -> Violation:
    if namesake.title_differs and namesake.licence_differs:
        differs = msg("a different title and licence")
    elif namesake.title_differs:
        differs = msg("a different title")
    else:
        differs = msg("a different licence")
    others = joined(", ", [_ref_name(other) for other in namesake.others])
    more = namesake.count - len(namesake.others)
    if more > 0:
        message = msgn(
            "its identifier is also given by {count} other record of this batch with "
            "{differs}: {others} and {more} more",
            "its identifier is also given by {count} other records of this batch with "
            "{differs}: {others} and {more} more",
            namesake.count,
            differs=differs,
            others=others,
            more=more,
        )
    else:
        message = msgn(
            "its identifier is also given by {count} other record of this batch with "
            "{differs}: {others}",
            "its identifier is also given by {count} other records of this batch with "
            "{differs}: {others}",
            namesake.count,
            differs=differs,
            others=others,
        )
    return Violation(
        message,
        hint=msg(
            "give each resource an identifier of its own (an authoring tool's default "
            "identifier is shared by every record made with it)"
        ),
        field="identifiers",
        location=namesake.ref.location,
    )


def shared_in_batch(index: BatchIndex) -> Iterator[tuple[RecordRef, Violation]]:
    """DISC014 across the batch: records giving one identifier with different titles or
    licences."""
    for namesake in index.namesakes():
        yield namesake.ref, _shared_violation(namesake)


@rule(
    "DISC014",
    "identifier-shared",
    severity="warning",
    areas=[1, 4],
    paragraphs=["11", "14"],
    across_batch=shared_in_batch,
)
def identifier_shared(record: Record) -> Iterator[Violation]:
    """Records of one batch give the same identifier with different titles or licences.

    ## Why it matters
    An identifier must name one resource: repositories, aggregators and citations merge
    records by it (paras 11 and 14).  When two records with different titles or
    licences share one, a harvester keeps one of them and loses the other, or attaches
    one resource's licence to another.  Authoring tools cause it when every package they
    export carries the same default identifier (eXe Learning's LOM-ES export gives one
    UUID in ``My Catalog`` to unrelated records).  The same record harvested twice,
    same title and licence, is not reported.  DOIs, Handles, URNs, UUIDs and URLs are
    compared on their own; another value only within its catalog.

    ## Example
    Two LOM records with ``<catalog>My Catalog</catalog>
    <entry>4a7d755e-34a5-410a-a7d4-601881136623</entry>``, one titled ``Nire
    Portafolioa``, the other ``desarrollo de objetos virtuales de aprendizaje``.

    ## Fix
    Give each resource an identifier of its own (a DOI, Handle or URL, or a new UUID
    per record in the tool's settings).
    """
    return
    yield  # checked across the batch only
