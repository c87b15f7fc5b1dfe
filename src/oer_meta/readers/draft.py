"""The mutable side of a Record: what a reader fills while it walks a document.

A :class:`~oer_meta.model.Record` is immutable once built.  Readers walk their
document once, appending to a :class:`RecordDraft` (plain lists, no validation), and
:meth:`RecordDraft.finish` builds the record once, with its licence statements parsed
(:func:`oer_meta.knowledge.licences.record.annotated`).  The XML stream adds the
OAI-PMH header and the value-limit notes to the draft before it finishes it.
"""

from __future__ import annotations

from oer_meta.knowledge.licences.record import annotated
from oer_meta.model import (
    Accessibility,
    Agent,
    Annotation,
    DateValue,
    Duration,
    Extension,
    Identifier,
    LicenceStatement,
    Location,
    Problem,
    Record,
    Relation,
    Suppression,
    Term,
    Text,
)

__all__ = ["AccessibilityDraft", "RecordDraft"]

_NO_ACCESSIBILITY = Accessibility()


class AccessibilityDraft:
    """The accessibility statements of a record being read."""

    __slots__ = (
        "access_modes",
        "access_modes_sufficient",
        "apis",
        "conforms_to",
        "controls",
        "features",
        "hazards",
        "summaries",
    )

    def __init__(self) -> None:
        self.access_modes: list[Term] = []
        self.access_modes_sufficient: list[Term] = []
        self.features: list[Term] = []
        self.hazards: list[Term] = []
        self.summaries: list[Text] = []
        self.apis: list[Term] = []
        self.controls: list[Term] = []
        self.conforms_to: list[Term] = []

    def finish(self) -> Accessibility:
        """The immutable statements (validated values only: nothing is re-checked); most
        records have none, and share one empty instance (it cannot change)."""
        if not any(getattr(self, name) for name in self.__slots__):
            return _NO_ACCESSIBILITY
        return Accessibility.model_construct(
            access_modes=tuple(self.access_modes),
            access_modes_sufficient=tuple(self.access_modes_sufficient),
            features=tuple(self.features),
            hazards=tuple(self.hazards),
            summaries=tuple(self.summaries),
            apis=tuple(self.apis),
            controls=tuple(self.controls),
            conforms_to=tuple(self.conforms_to),
        )


class RecordDraft:
    """A record while its reader walks the document; :meth:`finish` builds it once."""

    __slots__ = (
        "access_conditions",
        "accessibility",
        "amb_problems",
        "annotations",
        "contributors",
        "copyright_restrictions",
        "cost",
        "dates",
        "deleted",
        "descriptions",
        "dialect",
        "durations",
        "educational_levels",
        "extensions",
        "formats",
        "identifiers",
        "intended_end_user_roles",
        "keywords",
        "languages",
        "learning_resource_types",
        "licences",
        "location",
        "metadata_languages",
        "problems",
        "profiles",
        "publishers",
        "relations",
        "rights_holders",
        "source_format",
        "subjects",
        "suppressions",
        "titles",
        "typical_age_ranges",
        "urls",
        "vocabulary_terms",
    )

    def __init__(
        self,
        source_format: str,
        *,
        dialect: str | None = None,
        location: Location | None = None,
        deleted: bool = False,
    ) -> None:
        self.source_format = source_format
        self.dialect = dialect
        self.profiles: list[str] = []
        self.location = location if location is not None else Location()
        self.deleted = deleted
        self.identifiers: list[Identifier] = []
        self.titles: list[Text] = []
        self.descriptions: list[Text] = []
        self.keywords: list[Text] = []
        self.languages: list[Text] = []
        self.metadata_languages: list[Text] = []
        self.licences: list[LicenceStatement] = []
        self.copyright_restrictions: Term | None = None
        self.cost: list[Term] = []
        self.access_conditions: list[Term] = []
        self.rights_holders: list[Agent] = []
        self.contributors: list[Agent] = []
        self.publishers: list[Agent] = []
        self.dates: list[DateValue] = []
        self.durations: list[Duration] = []
        self.formats: list[Text] = []
        self.urls: list[Text] = []
        self.learning_resource_types: list[Term] = []
        self.educational_levels: list[Term] = []
        self.intended_end_user_roles: list[Term] = []
        self.typical_age_ranges: list[Text] = []
        self.subjects: list[Term] = []
        self.accessibility = AccessibilityDraft()
        self.relations: list[Relation] = []
        self.annotations: list[Annotation] = []
        self.vocabulary_terms: list[Term] = []
        self.extensions: list[Extension] = []
        self.problems: list[Problem] = []
        self.amb_problems: list[Problem] = []
        self.suppressions: list[Suppression] = []

    def finish(self) -> Record:
        """The record, built once: collections become tuples, licence statements (the
        record's and its relations') carry their parsed licence.  The values are
        validated models already, so the record is assembled without a second
        validation pass (this runs per record on million-record harvests)."""
        relations = tuple(
            r.model_copy(update={"licences": annotated(r.licences)}) if r.licences else r
            for r in self.relations
        )
        return Record.model_construct(
            source_format=self.source_format,
            dialect=self.dialect,
            profiles=tuple(self.profiles),
            location=self.location,
            deleted=self.deleted,
            identifiers=tuple(self.identifiers),
            titles=tuple(self.titles),
            descriptions=tuple(self.descriptions),
            keywords=tuple(self.keywords),
            languages=tuple(self.languages),
            metadata_languages=tuple(self.metadata_languages),
            licences=annotated(self.licences, self.copyright_restrictions),
            copyright_restrictions=self.copyright_restrictions,
            cost=tuple(self.cost),
            access_conditions=tuple(self.access_conditions),
            rights_holders=tuple(self.rights_holders),
            contributors=tuple(self.contributors),
            publishers=tuple(self.publishers),
            dates=tuple(self.dates),
            durations=tuple(self.durations),
            formats=tuple(self.formats),
            urls=tuple(self.urls),
            learning_resource_types=tuple(self.learning_resource_types),
            educational_levels=tuple(self.educational_levels),
            intended_end_user_roles=tuple(self.intended_end_user_roles),
            typical_age_ranges=tuple(self.typical_age_ranges),
            subjects=tuple(self.subjects),
            accessibility=self.accessibility.finish(),
            relations=relations,
            annotations=tuple(self.annotations),
            vocabulary_terms=tuple(self.vocabulary_terms),
            extensions=tuple(self.extensions),
            problems=tuple(self.problems),
            amb_problems=tuple(self.amb_problems),
            suppressions=tuple(self.suppressions),
        )
