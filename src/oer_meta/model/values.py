"""Small value types of the record model; each keeps its source location.

Every value also keeps ``source_field``: the element or property it was read from, as
the document wrote it (XML: the XPath steps below the record root without positions,
``lom:general/lom:title``, ``dc:rights``; JSON-LD: the property path, ``schema:license``,
``schema:creator/schema:email``).  Rules name it in messages; a finding's ``field``
is the Record's own attribute name instead (docs/report-format.md).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field

from oer_meta.model.licence import Licence
from oer_meta.model.location import Location

#: Values are immutable once built: every rule sees what the reader read (docs/decisions.md).
_CONFIG = ConfigDict(extra="forbid", frozen=True)


class Text(BaseModel):
    """A string with the language it says it is written in (a LOM langstring, a JSON-LD
    language-tagged string, or a plain literal with ``language=None``)."""

    model_config = _CONFIG

    value: str
    language: str | None = None
    source_field: str | None = None
    location: Location | None = None
    #: the encoding scheme the record declares for the value, as written with its
    #: prefix resolved (Dublin Core ``xsi:type``: ``dcterms:ISO639-3``)
    scheme: str | None = None


class Term(BaseModel):
    """A value from a (possibly declared) vocabulary.

    ``element`` names what the term describes, in LOM's dotted form where there is one
    (``educational.intendedEndUserRole``); ``source`` is the vocabulary the record
    declares (LOM ``source``, a SKOS scheme, ``None`` for free text); ``id`` a concept URI
    and ``labels`` its labels when the format gives them.  ``purpose`` is, for a LOM
    classification's taxon or keyword, the value of that classification's purpose as
    written (a LOMv1.0 token or a concept URI), so that rules can judge a taxon by the
    purpose it was given under.
    """

    model_config = _CONFIG

    value: str
    source: str | None = None
    element: str | None = None
    id: str | None = None
    labels: tuple[Text, ...] = ()
    source_field: str | None = None
    location: Location | None = None
    purpose: str | None = None


class Identifier(BaseModel):
    """An identifier of the resource or of the record (``catalog`` is LOM's catalog, the
    DC ``xsi:type`` or a scheme such as ``doi``/``handle``/``url``/``oai``)."""

    model_config = _CONFIG

    value: str
    catalog: str | None = None
    source_field: str | None = None
    location: Location | None = None


class LicenceStatement(BaseModel):
    """One raw licence or rights statement as the record wrote it.

    ``source_field`` says which element or property it came from, as written
    (``lom:rights/lom:description``, ``dc:rights``, ``dcterms:license``,
    ``schema:license``...); ``field`` is its deprecated alias (accepted as a keyword
    too).  ``licence`` is what the licence parser concluded, filled once when the
    record leaves the readers (``None`` on a statement built by hand until then);
    ``spdx``, ``url`` and ``openness`` repeat its main facts for the JSON report.
    ``applies_to`` names the part of the resource the statement is for, as the record
    names it (schema.org ``"license": {"name": "Source Code", "license": ...}``); None
    when it is for the whole resource.
    """

    model_config = _CONFIG

    raw: str
    source_field: str | None = Field(
        default=None, validation_alias=AliasChoices("source_field", "field")
    )
    language: str | None = None
    applies_to: str | None = None
    spdx: str | None = None
    url: str | None = None
    openness: str = "unknown"
    licence: Licence | None = None
    location: Location | None = None

    @property
    def field(self) -> str | None:
        """Deprecated alias of ``source_field`` (its name until 0.2), kept for callers."""
        return self.source_field


#: What a contact detail is: an e-mail address, a telephone number, a web page, a
#: postal address.
ContactKind = Literal["email", "phone", "url", "address"]


class Contact(BaseModel):
    """One contact detail of an agent, typed by the reader.

    ``types`` are the vCard TYPE parameters, lower-cased (``work``, ``home``, ``cell``,
    ``voice``, ``internet``), or a schema.org ``contactType``; empty when the format
    says nothing.  ``source_field`` is where it was written (``EMAIL`` of a vCard is
    its entity's element; ``schema:creator/schema:email``, ``foaf:mbox``).
    """

    model_config = _CONFIG

    kind: ContactKind
    value: str
    types: tuple[str, ...] = ()
    source_field: str | None = None
    location: Location | None = None


class Agent(BaseModel):
    """A person or organisation with a role (author, publisher, rights holder...).

    ``contacts`` are its contact details, typed (rules judge them); ``email``,
    ``telephone`` and ``address`` repeat their values as plain lists.  ``notes`` are what
    the entry says the agent is besides its name (vCard ``ROLE``, ``TITLE``,
    ``CATEGORIES``, ``NOTE``; schema.org ``jobTitle``); ``from_vcard`` is True for a
    LOM vCard entity.  ``raw`` keeps the source data unchanged (the vCard text, the JSON
    object): for callers; no rule reads it.
    """

    model_config = _CONFIG

    role: str | None = None
    name: str | None = None
    kind: str | None = None  # "person" | "organization" | None when unknown
    email: tuple[str, ...] = ()
    telephone: tuple[str, ...] = ()
    address: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()
    affiliation: str | None = None
    contacts: tuple[Contact, ...] = ()
    notes: tuple[str, ...] = ()
    from_vcard: bool = False
    raw: Any = None
    source_field: str | None = None
    location: Location | None = None


class Annotation(BaseModel):
    """A comment on the resource's use (LOM ``annotation``): who wrote it (``entity``,
    from its vCard) and what (``descriptions``)."""

    model_config = _CONFIG

    entity: Agent | None = None
    descriptions: tuple[Text, ...] = ()
    source_field: str | None = None
    location: Location | None = None


class DateValue(BaseModel):
    """A date as written; ``kind`` is ``created``, ``modified``, ``published``,
    ``contributed`` (LOM contribute dates), ``datestamp`` or ``other``."""

    model_config = _CONFIG

    value: str
    kind: str = "other"
    source_field: str | None = None
    location: Location | None = None


class Duration(BaseModel):
    """A duration as written (LOM ``typicalLearningTime``/``duration``, schema
    ``timeRequired``/``duration``)."""

    model_config = _CONFIG

    value: str
    element: str | None = None
    source_field: str | None = None
    location: Location | None = None


class Relation(BaseModel):
    """A link to another resource: ``kind`` is the LOM relation kind or the DC/schema.org
    property (``isbasedon``, ``isBasedOn``, ``hasPart``, ``isTranslationOf``...)."""

    model_config = _CONFIG

    kind: str
    target: str | None = None
    title: str | None = None
    licences: tuple[LicenceStatement, ...] = ()
    source_field: str | None = None
    location: Location | None = None


class Extension(BaseModel):
    """An element or property the reader does not map; kept, never an error by itself.

    ``name`` is the Clark name (``{ns}local``) for XML or the property name for JSON.
    """

    model_config = _CONFIG

    name: str
    value: Any = None
    source_field: str | None = None
    location: Location | None = None


class Problem(BaseModel):
    """Something a reader found wrong with the structure of the record itself.

    Readers do not judge; they note.  The rule named by ``rule`` (``STD002`` for a
    schema violation...) turns the note into a finding.  ``field`` is the Record
    attribute the problem concerns (``None``: the record as a whole, or an element the
    model keeps only as an extension), ``source_field`` the element or property as
    written.
    """

    model_config = _CONFIG

    rule: str
    message: str
    hint: str | None = None
    field: str | None = None
    source_field: str | None = None
    location: Location | None = None


class Suppression(BaseModel):
    """An inline suppression written in the record: ``<!-- oer-meta: ignore[LIC004] -->``
    in XML, ``"oer-meta:ignore": ["LIC004"]`` in JSON-LD (docs/suppressions.md).

    ``codes`` are rule codes or code prefixes (``LIC004``, ``LIC``), upper case, as
    written; findings of the record whose code starts with one of them are not
    reported, and a code that hides nothing is reported as unused (``STD008``)."""

    model_config = _CONFIG

    codes: tuple[str, ...]
    #: the suppression as written (the comment's text, the key), for messages
    source_field: str | None = None
    location: Location | None = None
