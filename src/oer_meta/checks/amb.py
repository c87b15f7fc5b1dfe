"""Pack ``AMB``: conformance to AMB, the German schema.org profile for OER.

AMB (Allgemeines Metadatenprofil für Bildungsressourcen) is what OERSI, WLO and the
German OER search services harvest.  A record that breaks it is refused or misread by
them, so the OER it describes is not found (para. 11: interoperable metadata; para.
9(iii)).  Its constraints are about the JSON as written; the JSON-LD reader notes each
broken one on the record (``Record.amb_problems``), and these rules report the notes.

The pack runs only when selected: the ``amb`` profile selects it, the others ignore it
(a record need not follow AMB to be good OER metadata); ``--select AMB`` adds it to any
profile.  The rules apply to JSON-LD records only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from oer_meta.checks.registry import Check, Violation, rule
from oer_meta.i18n import marked
from oer_meta.model import Record


def _amb_rule(code: str, name: str) -> Callable[[Check], Check]:
    """Declare an AMB rule: all are errors of AMB conformance, for JSON-LD records."""
    return rule(
        code, name, severity="error", areas=[5, 1], paragraphs=["11", "9(iii)"], formats=["jsonld"]
    )


def _notes(record: Record, code: str) -> Iterator[Violation]:
    for problem in record.amb_problems:
        if problem.rule == code:
            yield Violation(
                marked(problem.message),
                hint=marked(problem.hint) if problem.hint else None,
                field=problem.field,
                location=problem.location,
            )


@_amb_rule("AMB001", "amb-required-missing")
def amb_required_missing(record: Record) -> Iterator[Violation]:
    """A property AMB requires is missing.

    ## Why it matters
    AMB requires ``id``, ``name`` and ``type`` on every record, ``name`` and ``type``
    on every creator, contributor, publisher, funder and affiliation, an ``id`` on every
    concept and on every linked part, and a ``contentUrl`` or ``embedUrl`` on every
    encoding.  Services built on AMB rely on these to show, link and de-duplicate
    records; a record without them is rejected by their validation.

    ## Example
    ``"isPartOf": [{"name": "Super-Ressource"}]`` (the part has no ``id``), or
    ``"affiliation": {"type": "Organization"}`` (no ``name``).

    ## Fix
    Add the property named in the message: the resource's own URL as ``id``, the
    person's or organisation's ``name``, the concept's URI.
    """
    yield from _notes(record, "AMB001")


@_amb_rule("AMB002", "amb-not-array")
def amb_not_array(record: Record) -> Iterator[Violation]:
    """A property AMB requires as an array holds a single value.

    ## Why it matters
    In JSON-LD one value and an array of one value mean the same, but AMB fixes the
    array so that consumers can read the JSON without a JSON-LD processor.  ``type``,
    ``inLanguage``, ``keywords``, ``creator``, ``learningResourceType``, ``about``,
    ``caption``, ``isBasedOn``, ``mainEntityOfPage`` and the other repeatable
    properties are always arrays; a single value breaks those consumers.

    ## Example
    ``"inLanguage": "fr"`` or ``"type": "LearningResource"``.

    ## Fix
    Wrap the value in an array: ``"inLanguage": ["fr"]``, ``"type": ["LearningResource"]``.
    """
    yield from _notes(record, "AMB002")


@_amb_rule("AMB003", "amb-wrong-value-type")
def amb_wrong_value_type(record: Record) -> Iterator[Violation]:
    """A value is of another JSON type than AMB gives the property.

    ## Why it matters
    AMB gives each property one JSON type: the licence and the conditions of access
    are objects with an ``id``, ``isAccessibleForFree`` is a boolean, concept labels
    are language maps, identifiers are strings.  A value of another type is dropped or
    misread by AMB consumers, however clear it is to a person.

    ## Example
    ``"license": "https://creativecommons.org/publicdomain/zero/1.0/"`` (a string, not
    an object), ``"isAccessibleForFree": "no"``, ``"prefLabel": "Französisch"`` (no
    language), ``"id": 42``.

    ## Fix
    Write the value in AMB's shape: ``"license": {"id": "https://..."}``,
    ``"isAccessibleForFree": false``, ``"prefLabel": {"de": "Französisch"}``.
    """
    yield from _notes(record, "AMB003")


@_amb_rule("AMB004", "amb-value-not-allowed")
def amb_value_not_allowed(record: Record) -> Iterator[Violation]:
    """A value is not one AMB allows: outside its vocabulary, pattern or format.

    ## Why it matters
    AMB restricts values so that services can filter and display them: ``type`` lists
    ``LearningResource`` and only schema.org CreativeWork types, licences are Creative
    Commons, public domain, GNU, Apache, MIT or BSD URLs, languages are ISO 639-1
    codes, dates ISO 8601, durations ISO 8601 durations, sizes and bit rates numbers
    without units, and ``learningResourceType``, ``about`` and ``educationalLevel``
    name concepts of the vocabularies AMB names (HCRT, the Hochschulfächersystematik,
    the KIM educational levels...).

    ## Example
    ``"type": ["Course"]`` (no LearningResource), ``"license": {"id":
    "https://opensource.org/licenses/MPL-2.0"}``, ``"duration": "47m58s"``,
    ``"contentSize": "568MB"``.

    ## Fix
    Use a value AMB allows, as the message says: add ``LearningResource`` to ``type``,
    write ``PT47M58S``, ``568000000``; add a concept of the named vocabulary
    beside your own.
    """
    yield from _notes(record, "AMB004")


@_amb_rule("AMB005", "amb-context")
def amb_context(record: Record) -> Iterator[Violation]:
    """The ``@context`` is not AMB's, or sets no ISO 639-1 default language.

    ## Why it matters
    AMB records name the AMB context document, which maps ``id`` and ``type`` to
    ``@id`` and ``@type`` and ``prefLabel`` to a language map, and set the language of
    their texts with ``@language``.  Without them the keys mean nothing to a JSON-LD
    processor, and the texts have no language.

    ## Example
    No ``@context`` at all, ``"@context": ["https://schema.org", {"@language": "de"}]``,
    ``"@context": ["https://w3id.org/kim/amb/context.jsonld"]`` (no language) or
    ``{"@language": "de-AT"}`` (AMB takes the two-letter code alone).

    ## Fix
    Start the record with ``"@context": ["https://w3id.org/kim/amb/context.jsonld",
    {"@language": "de"}]``, with the language of the record's texts.
    """
    yield from _notes(record, "AMB005")
