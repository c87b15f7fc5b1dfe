"""Names for where a JSON-LD value came from: the property as written (``source_field``)
and the Record attribute it fills (a problem's ``field``)."""

from __future__ import annotations

__all__ = ["record_field", "source_field"]

_AGENTS = (
    "creator", "author", "contributor", "editor", "translator", "funder", "sponsor",
    "sourceOrganization", "maintainer", "producer",
)  # fmt: skip
_RELATIONS = (
    "isBasedOn", "isBasedOnUrl", "hasPart", "isPartOf", "workTranslation",
    "translationOfWork", "exampleOfWork", "workExample", "isVersionOf", "hasVersion",
)  # fmt: skip

#: schema.org/LRMI property (canonical name) -> the Record attribute it fills.
_RECORD_FIELDS: dict[str, str] = {
    "@id": "identifiers",
    "identifier": "identifiers",
    "sameAs": "identifiers",
    "url": "urls",
    "mainEntityOfPage": "urls",
    "contentUrl": "urls",
    "embedUrl": "urls",
    "name": "titles",
    "headline": "titles",
    "description": "descriptions",
    "abstract": "descriptions",
    "keywords": "keywords",
    "inLanguage": "languages",
    "language": "languages",
    "license": "licences",
    "useRightsUrl": "licences",
    "copyrightNotice": "licences",
    "usageInfo": "licences",
    "conditionsOfAccess": "access_conditions",
    "isAccessibleForFree": "cost",
    **dict.fromkeys(_AGENTS, "contributors"),
    "publisher": "publishers",
    "provider": "publishers",
    "copyrightHolder": "rights_holders",
    "dateCreated": "dates",
    "datePublished": "dates",
    "dateModified": "dates",
    "duration": "durations",
    "timeRequired": "durations",
    "encodingFormat": "formats",
    "fileFormat": "formats",
    "encoding": "formats",
    "associatedMedia": "formats",
    "learningResourceType": "learning_resource_types",
    "educationalLevel": "educational_levels",
    "educationalAlignment": "educational_levels",
    "audience": "intended_end_user_roles",
    "educationalRole": "intended_end_user_roles",
    "audienceType": "intended_end_user_roles",
    "typicalAgeRange": "typical_age_ranges",
    "about": "subjects",
    "teaches": "subjects",
    "assesses": "subjects",
    "subject": "subjects",
    "interactivityType": "vocabulary_terms",
    "educationalUse": "vocabulary_terms",
    "accessMode": "accessibility.access_modes",
    "accessModeSufficient": "accessibility.access_modes_sufficient",
    "accessibilityFeature": "accessibility.features",
    "accessibilityHazard": "accessibility.hazards",
    "accessibilityAPI": "accessibility.apis",
    "accessibilityControl": "accessibility.controls",
    "accessibilitySummary": "accessibility.summaries",
    "conformsTo": "accessibility.conforms_to",
    **dict.fromkeys(_RELATIONS, "relations"),
}


def record_field(name: str | None) -> str | None:
    """The Record attribute a property fills (``license`` -> ``licences``); None for
    ``@context``, ``@type`` and properties the reader keeps as extensions."""
    if name is None:
        return None
    return _RECORD_FIELDS.get(name)


def source_field(name: str) -> str:
    """A property as ``source_field`` names it: ``schema:license``, ``lrmi:useRightsUrl``;
    keywords (``@id``, ``@context``) as they are."""
    if name.startswith("@"):
        return name
    if name in ("useRightsUrl", "isBasedOnUrl"):
        return f"lrmi:{name}"
    return f"schema:{name}"
