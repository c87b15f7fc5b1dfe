"""What a JSON-LD ``@context`` tells the reader, without fetching anything.

Remote contexts are never loaded: their URLs only say which vocabulary or profile the
record follows (schema.org, the AMB profile, LRMI).  Inline context objects are read for
the default ``@language``, prefixes, aliases of ``@id``/``@type`` and terms that rename
schema.org properties, so that ``schema:name``, ``http://schema.org/name`` and a renamed
term all reach the same mapping.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from oer_meta.readers.jsonld.pointer import escape_token

#: Namespaces whose terms are read as schema.org/LRMI property names.
_VOCAB_NAMESPACES = (
    "http://schema.org/",
    "https://schema.org/",
    "http://purl.org/dcx/lrmi-terms/",
    "https://purl.org/dcx/lrmi-terms/",
    "http://lrmi.net/the-specification#",
)
#: Prefixes understood even when the context does not declare them.
_WELL_KNOWN_PREFIXES = {
    "schema": "http://schema.org/",
    "sdo": "https://schema.org/",
    "lrmi": "http://lrmi.net/the-specification#",
}
_KEYWORDS = frozenset({"@id", "@type", "@value", "@language", "@graph", "@list", "@set"})
_LOCAL_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")
_AMB_CONTEXT = re.compile(r"w3id\.org/kim/(amb|lrmi-profile)/", re.I)
_SCHEMA_CONTEXT = re.compile(r"^https?://(www\.)?schema\.org(/|$)", re.I)
_LRMI_CONTEXT = re.compile(r"purl\.org/dcx/lrmi|lrmi\.net", re.I)


def schema_local(iri: str) -> str | None:
    """``name`` for ``http(s)://schema.org/name`` or an LRMI namespace IRI, else None."""
    for namespace in _VOCAB_NAMESPACES:
        if iri.startswith(namespace):
            local = iri[len(namespace) :]
            return local if _LOCAL_NAME.match(local) else None
    return None


@dataclass
class Context:
    """The parts of the active ``@context`` that matter for reading a record."""

    present: bool = False
    urls: list[str] = field(default_factory=list)
    language: str | None = None
    language_pointer: str | None = None
    vocab: str | None = None
    terms: dict[str, str] = field(default_factory=dict)
    language_containers: set[str] = field(default_factory=set)
    _canon_cache: dict[str, str] = field(default_factory=dict, repr=False)

    def extended(self, value: Any, pointer: str) -> Context:
        """This context with the ``@context`` value at ``pointer`` applied on top."""
        ctx = Context(
            present=True,
            urls=list(self.urls),
            language=self.language,
            language_pointer=self.language_pointer,
            vocab=self.vocab,
            terms=dict(self.terms),
            language_containers=set(self.language_containers),
        )
        items: Iterable[tuple[Any, str]]
        if isinstance(value, list):
            items = ((item, f"{pointer}/{i}") for i, item in enumerate(value))
        else:
            items = ((value, pointer),)
        for item, item_pointer in items:
            if item is None:  # a null context resets everything before it
                ctx = Context(present=True)
            elif isinstance(item, str):
                ctx.urls.append(item)
            elif isinstance(item, dict):
                ctx._read_object(item, item_pointer)
        return ctx

    def _read_object(self, obj: dict[Any, Any], pointer: str) -> None:
        for key, value in obj.items():
            if not isinstance(key, str):
                continue
            if key == "@language":
                if value is None or isinstance(value, str):
                    self.language = value
                    self.language_pointer = f"{pointer}/@language"
            elif key == "@vocab":
                if isinstance(value, str):
                    self.vocab = value
            elif key.startswith("@"):
                continue
            elif isinstance(value, str):
                self.terms[key] = value
            elif isinstance(value, dict):
                iri = value.get("@id")
                if isinstance(iri, str):
                    self.terms[key] = iri
                container = value.get("@container")
                if container == "@language" or (
                    isinstance(container, list) and "@language" in container
                ):
                    self.language_containers.add(key)

    # -- what the context names -------------------------------------------------

    def names_amb(self) -> bool:
        """True when a context URL is the AMB profile's (or its former LRMI-profile)."""
        return any(_AMB_CONTEXT.search(url) for url in self.urls)

    def names_schema_org(self) -> bool:
        """True when the context makes keys schema.org terms (URL, @vocab or prefix)."""
        iris = [*self.urls, *self.terms.values(), *([self.vocab] if self.vocab else [])]
        return any(_SCHEMA_CONTEXT.match(iri.strip()) for iri in iris)

    def names_lrmi(self) -> bool:
        """True when the context mentions an LRMI namespace."""
        return any(_LRMI_CONTEXT.search(text) for text in [*self.urls, *self.terms.values()])

    def names_known_vocabulary(self) -> bool:
        """True when the context names schema.org, LRMI or the AMB profile."""
        return self.names_schema_org() or self.names_amb() or self.names_lrmi()

    # -- keys ---------------------------------------------------------------------

    def expand(self, name: str) -> str:
        """Expand a compact IRI (``schema:name``) or a term with its definition."""
        if name in self.terms:
            return self.terms[name]
        prefix, sep, local = name.partition(":")
        if sep and not local.startswith("//"):
            base = self.terms.get(prefix) or _WELL_KNOWN_PREFIXES.get(prefix.lower())
            if base:
                return base + local
        return name

    def canonical(self, key: str) -> str:
        """The schema.org property name (or JSON-LD keyword) a key stands for; other
        keys come back unchanged."""
        cached = self._canon_cache.get(key)
        if cached is not None:
            return cached
        result = key
        if key in ("id", "type") and key not in self.terms:
            result = "@" + key  # the schema.org context's own aliases
        elif not key.startswith("@"):
            expanded = self.expand(key)
            if expanded != key and ":" in expanded and not expanded.startswith("http"):
                expanded = self.expand(expanded)  # a term defined as a compact IRI
            result = expanded if expanded in _KEYWORDS else schema_local(expanded) or key
        self._canon_cache[key] = result
        return result

    def type_name(self, value: str) -> str:
        """A ``@type`` value without its schema.org namespace or prefix."""
        return schema_local(self.expand(value)) or value


def props(obj: dict[Any, Any], ctx: Context, pointer: str) -> dict[str, tuple[str, Any, str]]:
    """The properties of a nested JSON object by canonical name: ``(key, value,
    pointer)``; when two keys mean one property (``name``, ``schema:name``) the first
    wins.  The record node itself is walked key by key instead, so nothing is lost.
    """
    out: dict[str, tuple[str, Any, str]] = {}
    for key, value in obj.items():
        key_text = key if isinstance(key, str) else str(key)
        name = ctx.canonical(key_text)
        if name not in out:
            out[name] = (key_text, value, f"{pointer}/{escape_token(key_text)}")
    return out


def types_of(value: Any, ctx: Context) -> list[str]:
    """The ``@type`` names of a node (strings only), without schema.org prefixes."""
    raw = value if isinstance(value, list) else [value]
    return [ctx.type_name(item) for item in raw if isinstance(item, str) and item.strip()]


# -- which nodes are records -------------------------------------------------------

#: Types of described resources: schema.org CreativeWork and the subtypes met on OER.
RESOURCE_TYPES = frozenset(
    {
        "LearningResource", "Course", "CourseInstance", "Quiz", "Syllabus",
        "EducationalOccupationalProgram", "CreativeWork", "Book", "Chapter", "Article",
        "ScholarlyArticle", "TechArticle", "NewsArticle", "BlogPosting", "Report",
        "Thesis", "Dataset", "SoftwareApplication", "WebApplication", "MobileApplication",
        "SoftwareSourceCode", "VideoObject", "AudioObject", "Podcast", "PodcastEpisode",
        "PodcastSeries", "Episode", "Clip", "Movie", "MusicRecording",
        "PresentationDigitalDocument", "DigitalDocument", "TextDigitalDocument",
        "SpreadsheetDigitalDocument", "NoteDigitalDocument", "WebPage", "ItemPage",
        "CollectionPage", "WebContent", "Collection", "CreativeWorkSeries", "BookSeries",
        "Periodical", "PublicationIssue", "Map", "Game", "VideoGame", "HowTo", "Guide",
        "Photograph", "Painting", "Drawing", "VisualArtwork", "3DModel", "Poster",
        "Textbook", "Assessment", "Blog", "Play", "Manuscript", "MathSolver", "Atlas",
    }
)  # fmt: skip
#: Types that are also creative works but on web pages mostly describe site parts
#: (logos, thumbnails, the site itself): records only with educational properties.
WEAK_RESOURCE_TYPES = frozenset({"ImageObject", "MediaObject", "WebSite", "DataDownload"})
#: Properties that only the description of a resource carries.
RESOURCE_PROPERTIES = frozenset(
    {
        "license", "useRightsUrl", "learningResourceType", "educationalLevel",
        "educationalAlignment", "typicalAgeRange", "teaches", "assesses", "educationalUse",
        "interactivityType", "timeRequired", "isBasedOn", "isBasedOnUrl", "audience",
        "conditionsOfAccess", "accessMode", "accessibilityFeature", "accessModeSufficient",
        "accessibilityHazard", "accessibilitySummary",
    }
)  # fmt: skip
#: Further properties that, with a name, make an untyped object a resource description.
UNTYPED_HINTS = RESOURCE_PROPERTIES | frozenset(
    {
        "inLanguage", "keywords", "about", "creator", "author", "datePublished",
        "dateCreated", "encodingFormat", "isAccessibleForFree", "copyrightHolder",
    }
)  # fmt: skip
_NAME_LIKE = ("name", "headline", "description", "@id", "url")


def key_names(obj: dict[Any, Any], ctx: Context) -> dict[str, list[str]]:
    """The keys of ``obj`` by the property (or keyword) they stand for."""
    found: dict[str, list[str]] = {}
    for key in obj:
        if isinstance(key, str):
            found.setdefault(ctx.canonical(key), []).append(key)
    return found


def record_kind(
    obj: dict[Any, Any],
    ctx: Context,
    *,
    in_graph: bool,
    keys: dict[str, list[str]] | None = None,
) -> str | None:
    """Why ``obj`` is a record (``"type"``, ``"properties"``) or None when it is not.

    Typed nodes count by their type; untyped nodes, or nodes of types unknown here,
    count when they carry a name and a property only resource descriptions have.
    ``in_graph`` (a node among others: an ``@graph`` or a web page's blocks) makes the
    weak types (``WebSite``, ``ImageObject``...) count only with such a property.
    ``keys`` is :func:`key_names` of ``obj`` when the caller has it already.
    """
    if keys is None:
        keys = key_names(obj, ctx)
    names = keys.keys()
    types = set(types_of(obj[keys["@type"][0]], ctx)) if "@type" in keys else set()
    if types & RESOURCE_TYPES:
        return "type"
    if types & WEAK_RESOURCE_TYPES:
        if not in_graph or names & RESOURCE_PROPERTIES:
            return "type"
        return None
    known_other = any(t in NON_RECORD_TYPES for t in types)
    if known_other:
        return None
    if any(n in names for n in _NAME_LIKE) and names & UNTYPED_HINTS:
        return "properties"
    return None


#: Types of things that are not the described resource.
NON_RECORD_TYPES = frozenset(
    {
        "Person", "Organization", "EducationalOrganization", "CollegeOrUniversity",
        "School", "HighSchool", "MiddleSchool", "ElementarySchool", "Corporation",
        "GovernmentOrganization", "NGO", "Library", "ResearchOrganization",
        "Consortium", "FundingScheme", "FundingAgency", "Project", "ResearchProject",
        "Concept", "ConceptScheme", "DefinedTerm", "DefinedTermSet", "CategoryCode",
        "AlignmentObject", "Audience", "EducationalAudience", "PeopleAudience", "Place",
        "PostalAddress", "ContactPoint", "BreadcrumbList", "ListItem", "ItemList",
        "SiteNavigationElement", "WPHeader", "WPFooter", "WPSideBar", "SearchAction",
        "ReadAction", "EntryPoint", "Offer", "AggregateOffer", "Rating", "AggregateRating",
        "Review", "PropertyValue", "QuantitativeValue", "MonetaryAmount", "Language",
        "Brand", "Event", "Role",
    }
)  # fmt: skip
