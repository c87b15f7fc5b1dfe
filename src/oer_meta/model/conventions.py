"""What a record's format can say, and how it names things: decided once per format.

Rules are written once for every format; where a format cannot carry something (oai_dc
has no element for accessibility) or writes it its own way (LOM's ``none`` for a
resource without linguistic content, Dublin Core's free-text language), the rule reads
these facts from ``record.conventions`` instead of testing ``source_format`` or
``dialect`` itself.  The readers name the format and dialect; this table says what they
imply.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from oer_meta.i18n import N_

__all__ = ["Conventions", "conventions_of"]


class Conventions(BaseModel):
    """The writing conventions of one metadata format (or dialect)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: Record attributes the format has no element for (oai_dc: ``accessibility``,
    #: ``educational_levels``, ``intended_end_user_roles``).
    unsupported: frozenset[str] = frozenset()
    #: How the format names what holds a Record attribute, for messages about values
    #: that are absent (``languages``: ``general.language``; ``strings.language``: the
    #: attribute that tags a string's language; ``accessibility``: where to write it;
    #: ``cost``: what a declared cost means in the format's words).
    names: Any = Field(default_factory=lambda: MappingProxyType({}))
    #: Language values may be free text (a Dublin Core literal).
    free_text_languages: bool = False
    #: ISO 639-2/639-3 codes are what the format's own guidance recommends (DCMI).
    iso639_languages: bool = False
    #: Resource-language values the format defines for "no linguistic content".
    no_language_values: frozenset[str] = frozenset()

    def name(self, attribute: str, default: str) -> str:
        """How the format names ``attribute`` (``default`` when it has no name for it)."""
        found = self.names.get(attribute)
        return found if isinstance(found, str) else default


def _names(**names: str) -> MappingProxyType[str, str]:
    return MappingProxyType({key.replace("__", "."): value for key, value in names.items()})


_LOM = Conventions(
    names=_names(
        languages="general.language",
        metadata_languages="metaMetadata.language",
        strings__language=N_("langstring language"),
        accessibility=N_(
            "as extension elements in the schema.org namespace (http://schema.org/) "
            "or the profile's AccessForAll elements"
        ),
    ),
    no_language_values=frozenset({"none"}),
)
_DC_NAMES = _names(
    languages="dc:language",
    metadata_languages=N_("the record's xml:lang"),
    strings__language="xml:lang",
    accessibility=N_("as schema: elements (namespace http://schema.org/) next to the DC elements"),
)
_DC = Conventions(names=_DC_NAMES, free_text_languages=True, iso639_languages=True)
_JSONLD = Conventions(
    names=_names(
        languages="inLanguage",
        metadata_languages=N_("the @context's @language"),
        strings__language="@language",
        accessibility=N_("as schema.org properties of the resource"),
        cost=N_("isAccessibleForFree is false"),
    )
)
_NONE = Conventions()

#: ``(source_format, dialect)`` -> conventions; ``(source_format, None)`` for any dialect.
_TABLE: dict[tuple[str, str | None], Conventions] = {
    ("lom", None): _LOM,
    ("dc", None): _DC,
    # oai_dc may hold only the 15 DC elements: no accessibility, level or audience
    ("dc", "oai_dc"): _DC.model_copy(
        update={
            "unsupported": frozenset(
                {"accessibility", "educational_levels", "intended_end_user_roles"}
            )
        }
    ),
    # DC without DCMI terms has no audience element (dcterms:audience)
    ("dc", "dc"): _DC.model_copy(update={"unsupported": frozenset({"intended_end_user_roles"})}),
    ("jsonld", None): _JSONLD,
}


def conventions_of(source_format: str, dialect: str | None) -> Conventions:
    """The conventions of a format and dialect (none known: no special conventions)."""
    found = _TABLE.get((source_format, dialect))
    if found is None:
        found = _TABLE.get((source_format, None), _NONE)
    return found
