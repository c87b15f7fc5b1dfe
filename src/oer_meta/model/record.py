"""The normalised record: what every reader produces and every rule reads."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from oer_meta.model.conventions import Conventions, conventions_of
from oer_meta.model.location import Location
from oer_meta.model.values import (
    Agent,
    Annotation,
    DateValue,
    Duration,
    Extension,
    Identifier,
    LicenceStatement,
    Problem,
    Relation,
    Suppression,
    Term,
    Text,
)


class Accessibility(BaseModel):
    """The schema.org accessibility properties, whichever format they came from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    access_modes: tuple[Term, ...] = ()
    access_modes_sufficient: tuple[Term, ...] = ()
    features: tuple[Term, ...] = ()
    hazards: tuple[Term, ...] = ()
    summaries: tuple[Text, ...] = ()
    apis: tuple[Term, ...] = ()
    controls: tuple[Term, ...] = ()
    conforms_to: tuple[Term, ...] = ()

    def is_empty(self) -> bool:
        """True when no accessibility information at all was read."""
        return not any(getattr(self, name) for name in type(self).model_fields)


class Record(BaseModel):
    """One OER metadata record, normalised.

    ``source_format`` is ``lom``, ``dc`` or ``jsonld``; ``dialect`` says which variant
    (``ieee-lom``, ``imsmd``, ``hs-oer-lom``, ``oai_dc``, ``nsdl_dc``, ``amb``...).
    ``location`` is the record's root element or object.  Every value keeps its own
    location so that findings point into the original file.

    Immutable once built (collections are tuples): every rule sees what the reader read,
    and none can change what the next one sees.  Readers fill a
    :class:`~oer_meta.readers.draft.RecordDraft` and build the record once;
    ``model_copy(update=...)`` gives a changed copy.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    source_format: str
    dialect: str | None = None
    #: the application profiles the record declares or is recognised as (``lom-es``,
    #: ``nl-lom``, ``scolomfr``...: the ids of ``oer_meta/data/lom_profiles.json``);
    #: rules judge a value by the profile that defines it
    profiles: tuple[str, ...] = ()
    location: Location = Field(default_factory=Location)
    deleted: bool = False

    identifiers: tuple[Identifier, ...] = ()
    titles: tuple[Text, ...] = ()
    descriptions: tuple[Text, ...] = ()
    keywords: tuple[Text, ...] = ()
    languages: tuple[Text, ...] = ()
    metadata_languages: tuple[Text, ...] = ()

    licences: tuple[LicenceStatement, ...] = ()
    copyright_restrictions: Term | None = None
    cost: tuple[Term, ...] = ()
    access_conditions: tuple[Term, ...] = ()
    rights_holders: tuple[Agent, ...] = ()
    contributors: tuple[Agent, ...] = ()
    publishers: tuple[Agent, ...] = ()

    dates: tuple[DateValue, ...] = ()
    durations: tuple[Duration, ...] = ()
    formats: tuple[Text, ...] = ()
    urls: tuple[Text, ...] = ()

    learning_resource_types: tuple[Term, ...] = ()
    educational_levels: tuple[Term, ...] = ()
    intended_end_user_roles: tuple[Term, ...] = ()
    typical_age_ranges: tuple[Text, ...] = ()
    subjects: tuple[Term, ...] = ()

    accessibility: Accessibility = Field(default_factory=Accessibility)
    relations: tuple[Relation, ...] = ()
    annotations: tuple[Annotation, ...] = ()

    vocabulary_terms: tuple[Term, ...] = ()
    extensions: tuple[Extension, ...] = ()
    problems: tuple[Problem, ...] = ()
    #: the constraints of the AMB profile that a JSON-LD record's own top-level object
    #: breaks, noted by the reader (``rule`` is an AMB code) for pack ``AMB``, which only
    #: the ``amb`` profile runs: kept apart from ``problems``, which break the record's
    #: own format, since a schema.org record need not follow AMB (docs/profiles.md)
    amb_problems: tuple[Problem, ...] = ()
    #: the inline suppressions written inside the record (``oer-meta: ignore[LIC004]``);
    #: the engine drops the findings they name and reports those that name none
    suppressions: tuple[Suppression, ...] = ()

    @property
    def conventions(self) -> Conventions:
        """What the record's format can say and how it names things (oai_dc has no
        accessibility element...): rules read this, never ``source_format``."""
        return conventions_of(self.source_format, self.dialect)

    @property
    def record_id(self) -> str | None:
        """The best identifier to name this record by: a URL/DOI/handle-like value
        first, then any non-empty identifier, then the first URL."""
        for ident in self.identifiers:
            value = ident.value.strip()
            if value and ident.catalog != "oai":
                return value
        for ident in self.identifiers:
            if ident.value.strip():
                return ident.value.strip()
        for url in self.urls:
            if url.value.strip():
                return url.value.strip()
        return None

    @property
    def title(self) -> str | None:
        """The first non-empty title, whitespace collapsed."""
        for text in self.titles:
            value = " ".join(text.value.split())
            if value:
                return value
        return None
