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
    Term,
    Text,
)


class Accessibility(BaseModel):
    """The schema.org accessibility properties, whichever format they came from."""

    model_config = ConfigDict(extra="forbid")

    access_modes: list[Term] = Field(default_factory=list)
    access_modes_sufficient: list[Term] = Field(default_factory=list)
    features: list[Term] = Field(default_factory=list)
    hazards: list[Term] = Field(default_factory=list)
    summaries: list[Text] = Field(default_factory=list)
    apis: list[Term] = Field(default_factory=list)
    controls: list[Term] = Field(default_factory=list)
    conforms_to: list[Term] = Field(default_factory=list)

    def is_empty(self) -> bool:
        """True when no accessibility information at all was read."""
        return not any(getattr(self, name) for name in type(self).model_fields)


class Record(BaseModel):
    """One OER metadata record, normalised.

    ``source_format`` is ``lom``, ``dc`` or ``jsonld``; ``dialect`` says which variant
    (``ieee-lom``, ``imsmd``, ``hs-oer-lom``, ``oai_dc``, ``nsdl_dc``, ``amb``...).
    ``location`` is the record's root element or object.  Every value keeps its own
    location so that findings point into the original file.
    """

    model_config = ConfigDict(extra="forbid")

    source_format: str
    dialect: str | None = None
    location: Location = Field(default_factory=Location)
    deleted: bool = False

    identifiers: list[Identifier] = Field(default_factory=list)
    titles: list[Text] = Field(default_factory=list)
    descriptions: list[Text] = Field(default_factory=list)
    keywords: list[Text] = Field(default_factory=list)
    languages: list[Text] = Field(default_factory=list)
    metadata_languages: list[Text] = Field(default_factory=list)

    licences: list[LicenceStatement] = Field(default_factory=list)
    copyright_restrictions: Term | None = None
    cost: list[Term] = Field(default_factory=list)
    access_conditions: list[Term] = Field(default_factory=list)
    rights_holders: list[Agent] = Field(default_factory=list)
    contributors: list[Agent] = Field(default_factory=list)
    publishers: list[Agent] = Field(default_factory=list)

    dates: list[DateValue] = Field(default_factory=list)
    durations: list[Duration] = Field(default_factory=list)
    formats: list[Text] = Field(default_factory=list)
    urls: list[Text] = Field(default_factory=list)

    learning_resource_types: list[Term] = Field(default_factory=list)
    educational_levels: list[Term] = Field(default_factory=list)
    intended_end_user_roles: list[Term] = Field(default_factory=list)
    typical_age_ranges: list[Text] = Field(default_factory=list)
    subjects: list[Term] = Field(default_factory=list)

    accessibility: Accessibility = Field(default_factory=Accessibility)
    relations: list[Relation] = Field(default_factory=list)
    annotations: list[Annotation] = Field(default_factory=list)

    vocabulary_terms: list[Term] = Field(default_factory=list)
    extensions: list[Extension] = Field(default_factory=list)
    problems: list[Problem] = Field(default_factory=list)

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
