"""The shape AMB (Allgemeines Metadatenprofil für Bildungsressourcen) gives a record.

AMB is a JSON-LD profile of schema.org for German OER services (OERSI, WLO...).  Its
constraints are about the JSON as written, not the graph it denotes: ``inLanguage`` is
an array even for one language, the licence is an object with an ``id``, labels of
concepts are language maps.  This module holds those facts as a small typed shape
tree (:data:`AMB`), written here from the profile's published constraints (required
properties, which values are arrays, vocabularies and URI patterns); the JSON-LD reader
walks a record against it and notes each violated constraint (``readers/jsonld/amb.py``).
The profile's own JSON Schema is neither shipped nor needed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache

from oer_meta.i18n import N_
from oer_meta.knowledge.language_registry import registry

#: The context document every AMB record names in its ``@context`` array.
AMB_CONTEXT = "https://w3id.org/kim/amb/context.jsonld"


@dataclass(frozen=True)
class Shape:
    """A constraint on one JSON value; the subclasses say which."""

    #: what the value is, for messages ("a string", "a language map"...)
    label: str = N_("a value")


@dataclass(frozen=True)
class Str(Shape):
    """A string: optionally from ``enum``, a URI, a date, or matching ``pattern``."""

    label: str = N_("a string")
    enum: frozenset[str] = frozenset()
    uri: bool = False
    date: bool = False
    #: a regular expression the whole string must match (``re.fullmatch``)
    pattern: str | None = None
    #: what the pattern stands for, for messages
    means: str = ""


@dataclass(frozen=True)
class Bool(Shape):
    """A JSON boolean (``true``/``false``, not the string ``"no"``)."""

    label: str = N_("a boolean (true or false)")


@dataclass(frozen=True)
class LanguageCode(Shape):
    """An ISO 639-1 two-letter language code, as AMB's language vocabulary lists."""

    label: str = N_("an ISO 639-1 two-letter language code")


@dataclass(frozen=True)
class LanguageMap(Shape):
    """A JSON-LD language map: keys are ISO 639-1 codes, values strings."""

    label: str = N_('a language map such as {"de": "..."}')


@dataclass(frozen=True)
class Obj(Shape):
    """A JSON object with typed ``properties``; ``required`` keys; ``one_of_keys``: at
    least one of each group must be present (``contentUrl`` or ``embedUrl``)."""

    label: str = N_("an object")
    properties: Mapping[str, Shape] = field(default_factory=dict)
    required: tuple[str, ...] = ()
    any_of_keys: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Arr(Shape):
    """A JSON array of ``items``; ``contains_prefixes``: at least one item's ``id``
    starts with one of these (a value from the vocabularies AMB names)."""

    label: str = N_("an array")
    items: Shape = field(default_factory=Shape)
    contains_prefixes: tuple[str, ...] = ()
    #: at least one item equals this string (``type`` must list LearningResource)
    contains_value: str | None = None


#: The schema.org types AMB accepts in ``type``: the sub-classes of CreativeWork.
CREATIVE_WORK_TYPES = frozenset(
    {
        "3DModel", "AmpStory", "Article", "Atlas", "Audiobook", "AudioObject", "Blog", "Book",
        "BookSeries", "Chapter", "Clip", "Collection", "ComicStory", "Comment", "Conversation",
        "Course", "CreativeWorkSeason", "CreativeWorkSeries", "DataDownload", "Diet",
        "DigitalDocument", "Drawing", "Episode", "ExercisePlan", "FAQPage", "Game", "Guide",
        "HowTo", "ImageGallery", "ImageObject", "LearningResource", "LegislationObject",
        "Manuscript", "Map", "MathSolver", "MediaGallery", "MediaObject", "Message",
        "MobileApplication", "Movie", "MovieClip", "MovieSeries", "MusicAlbum",
        "MusicComposition", "MusicPlaylist", "MusicRecording", "MusicRelease",
        "MusicVideoObject", "NewsArticle", "Painting", "Periodical", "Photograph", "Play",
        "PodcastEpisode", "PodcastSeason", "PodcastSeries", "Poster",
        "PresentationDigitalDocument", "PublicationIssue", "PublicationVolume", "Quotation",
        "Quiz", "RadioClip", "RadioEpisode", "RadioSeason", "RadioSeries", "Recipe", "Review",
        "Report", "ScholarlyArticle", "Sculpture", "SheetMusic", "ShortStory",
        "SoftwareApplication", "SoftwareSourceCode", "SpreadsheetDigitalDocument", "TVClip",
        "TVEpisode", "TVSeason", "TVSeries", "Thesis", "TextDigitalDocument", "VideoGallery",
        "VideoGame", "VideoGameClip", "VideoGameSeries", "VideoObject", "VisualArtwork",
        "WebApplication", "WebContent", "WebPage"
    }
)  # fmt: skip

#: Licences AMB accepts, by URL: Creative Commons and public domain tools, GNU, Apache,
#: MIT and BSD (each alternative is a literal prefix; no nested quantifiers).
LICENCE_URL = (
    r"https?://creativecommons\.org/(?:licenses|licences|publicdomain)/.*"
    r"|https?://www\.gnu\.org/licenses/.*"
    r"|https?://www\.apache\.org/licenses/.*"
    r"|https?://opensource\.org/licenses/MIT.*"
    r"|https?://www\.opensource\.org/licenses/BSD.*"
)
#: An ISO 8601 duration (``PT47M58S``); each unit at most once, in order.
DURATION = r"-?P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+[DW])?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?"
MEDIA_TYPE = (
    r"(?:application|audio|example|font|image|message|model|multipart|text|video)"
    r"/[a-zA-Z0-9\-+_.]+"
)

_URI = Str(label=N_("a URI"), uri=True)
_TEXT = Str()
_DATE = Str(label=N_("an ISO 8601 date (2024-05-31) or date-time"), date=True)
_LABEL = LanguageMap()
_AFFILIATION = Obj(
    properties={"type": Str(enum=frozenset({"Organization"})), "id": _URI, "name": _TEXT},
    required=("name", "type"),
)
_AGENT = Obj(
    properties={
        "type": Str(enum=frozenset({"Person", "Organization"})),
        "id": _URI,
        "name": _TEXT,
        "honorificPrefix": _TEXT,
        "affiliation": _AFFILIATION,
    },
    required=("name", "type"),
)
_PROVIDER = Obj(properties={"id": _URI, "type": _TEXT, "name": _TEXT}, required=("id",))
_TYPES = Arr(
    items=Str(label=N_("a schema.org CreativeWork type"), enum=CREATIVE_WORK_TYPES),
    contains_value="LearningResource",
)


def _concept(id_shape: Shape = _URI, *, typed: bool = True) -> Obj:
    """A SKOS concept: an ``id`` (required) and a ``prefLabel`` language map."""
    properties: dict[str, Shape] = {"id": id_shape, "prefLabel": _LABEL}
    if typed:
        properties["type"] = Str(enum=frozenset({"Concept"}))
    return Obj(properties=properties, required=("id",))


def _media(types: frozenset[str]) -> Obj:
    """A media object: a download URL or a player URL, sizes in bytes without units."""
    digits = Str(pattern=r"\d+", means=N_("a whole number without units"))
    return Obj(
        properties={
            "type": Str(enum=types),
            "contentUrl": _URI,
            "embedUrl": _URI,
            "encodingFormat": Str(pattern=MEDIA_TYPE, means=N_("a media type such as video/mp4")),
            "contentSize": digits,
            "bitrate": digits,
            "sha256": Str(pattern=r"[A-Fa-f0-9]{64}", means=N_("64 hexadecimal digits")),
        },
        required=("type",),
        any_of_keys=(("contentUrl", "embedUrl"),),
    )


_LINKED = Obj(properties={"id": _URI, "type": _TYPES, "name": _TEXT}, required=("id",))

#: The shape of an AMB record (its top-level object); ``@context`` is checked apart.
AMB = Obj(
    label=N_("an AMB record"),
    required=("id", "name", "type"),
    properties={
        "id": _URI,
        "type": _TYPES,
        "name": _TEXT,
        "description": _TEXT,
        "image": _URI,
        "creator": Arr(items=_AGENT),
        "contributor": Arr(items=_AGENT),
        "publisher": Arr(
            items=Obj(
                properties={
                    "type": Str(enum=frozenset({"Organization", "Person"})),
                    "id": _URI,
                    "name": _TEXT,
                    "affiliation": _AFFILIATION,
                },
                required=("name", "type"),
            )
        ),
        "funder": Arr(
            items=Obj(
                properties={
                    "type": Str(enum=frozenset({"Person", "FundingScheme", "Organization"})),
                    "id": _URI,
                    "name": _TEXT,
                },
                required=("type", "name"),
            )
        ),
        "about": Arr(
            items=_concept(),
            contains_prefixes=(
                "https://w3id.org/kim/hochschulfaechersystematik/",
                "http://w3id.org/kim/schulfaecher/",
            ),
        ),
        "license": Obj(
            properties={
                "id": Str(
                    label=N_("a URI"),
                    uri=True,
                    pattern=LICENCE_URL,
                    means=N_(
                        "a Creative Commons, public domain, GNU, Apache, MIT or BSD licence URL"
                    ),
                )
            },
            required=("id",),
        ),
        "trailer": _media(frozenset({"VideoObject", "AudioObject"})),
        "encoding": Arr(items=_media(frozenset({"MediaObject"}))),
        "caption": Arr(
            items=Obj(
                properties={
                    "type": Str(enum=frozenset({"MediaObject"})),
                    "id": _URI,
                    "encodingFormat": _TEXT,
                    "inLanguage": LanguageCode(),
                },
                required=("id", "type"),
            )
        ),
        "dateCreated": _DATE,
        "datePublished": _DATE,
        "dateModified": _DATE,
        "duration": Str(pattern=DURATION, means=N_("an ISO 8601 duration such as PT47M58S")),
        "inLanguage": Arr(items=LanguageCode()),
        "keywords": Arr(items=_TEXT),
        "learningResourceType": Arr(
            items=_concept(),
            contains_prefixes=(
                "https://w3id.org/kim/hcrt/",
                "http://w3id.org/openeduhub/vocabs/new_lrt/",
            ),
        ),
        "audience": Arr(items=_concept()),
        "educationalLevel": Arr(
            items=_concept(
                Str(
                    label=N_("a URI"),
                    uri=True,
                    pattern=r"https://w3id\.org/kim/educationalLevel/.*",
                    means=N_("a concept of https://w3id.org/kim/educationalLevel/"),
                )
            )
        ),
        "assesses": Arr(items=_concept(typed=False)),
        "competencyRequired": Arr(items=_concept(typed=False)),
        "teaches": Arr(items=_concept(typed=False)),
        "conditionsOfAccess": _concept(
            Str(
                label=N_("a URI"),
                enum=frozenset(
                    {
                        "http://w3id.org/kim/conditionsOfAccess/no_login",
                        "http://w3id.org/kim/conditionsOfAccess/login",
                    }
                ),
            )
        ),
        "interactivityType": _concept(
            Str(
                label=N_("a URI"),
                enum=frozenset(
                    f"http://purl.org/dcx/lrmi-vocabs/interactivityType/{token}"
                    for token in ("active", "expositive", "mixed")
                ),
            )
        ),
        "isAccessibleForFree": Bool(),
        "isBasedOn": Arr(
            items=Obj(
                properties={
                    "type": _TYPES,
                    "id": _URI,
                    "name": _TEXT,
                    "creator": Arr(items=_AGENT),
                    "license": Obj(properties={"id": _URI}, required=("id",)),
                    "provider": _PROVIDER,
                },
                any_of_keys=(("id", "name"),),
            )
        ),
        "isPartOf": Arr(items=_LINKED),
        "hasPart": Arr(items=_LINKED),
        "mainEntityOfPage": Arr(
            items=Obj(
                properties={
                    "id": _URI,
                    "type": Str(enum=frozenset({"WebContent"})),
                    "provider": _PROVIDER,
                    "dateCreated": _DATE,
                    "dateModified": _DATE,
                },
                required=("id",),
            )
        ),
    },
)

#: Two-letter codes the IANA registry still lists that ISO 639-1 has withdrawn.
_WITHDRAWN = frozenset({"bh", "sh"})
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:[Zz]|[+-]\d{2}:\d{2})?"
)


@cache
def is_language_code(value: str) -> bool:
    """Is ``value`` an ISO 639-1 code (two lower-case letters, current)?"""
    if len(value) != 2 or not value.isascii() or not value.islower() or value in _WITHDRAWN:
        return False
    entry = registry().language(value)
    return entry is not None and "Deprecated" not in entry


def is_uri(value: str) -> bool:
    """Does ``value`` look like an absolute URI (a scheme, no spaces)?"""
    return _SCHEME.fullmatch(value) is not None


def is_date(value: str) -> bool:
    """Is ``value`` an RFC 3339 full date or date-time that exists in the calendar?

    The time zone may be left out: AMB's own valid examples do, and its reference
    validator accepts them."""
    try:
        if _DATE_ONLY.fullmatch(value):
            date.fromisoformat(value)
            return True
        if _DATE_TIME.fullmatch(value):
            datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
            return True
    except ValueError:
        return False
    return False
