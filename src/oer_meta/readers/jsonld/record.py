"""Map one schema.org / LRMI / AMB JSON-LD node onto a :class:`Record`.

The reader notes and does not judge: values are kept as written (a licence URL, a
language name, a non-ISO date) for the rules to assess.  It notes only what breaks the
JSON-LD structure itself (``STD002``): a missing ``@context`` or ``@type``, and values of
a datatype that a well-known property cannot hold.  Properties it does not map are kept
as :class:`Extension` values.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from oer_meta.i18n import N_, said
from oer_meta.knowledge.suppressions import JSON_KEY as SUPPRESSION_KEY
from oer_meta.knowledge.suppressions import split_codes
from oer_meta.model import (
    DateValue,
    Duration,
    Extension,
    Identifier,
    Record,
    Relation,
    Suppression,
    Term,
    Text,
)
from oer_meta.readers.draft import RecordDraft
from oer_meta.readers.jsonld import education as edu
from oer_meta.readers.jsonld.agents import read_agent
from oer_meta.readers.jsonld.amb import amb_problems
from oer_meta.readers.jsonld.context import Context, props, types_of
from oer_meta.readers.jsonld.fields import source_field
from oer_meta.readers.jsonld.pointer import escape_token
from oer_meta.readers.jsonld.values import GraphIndex, ValueReader, Where, identifier_catalog
from oer_meta.readers.limits import DEFAULT_LIMITS

#: Properties and types that mark a record as LRMI rather than plain schema.org.
_LRMI_PROPERTIES = frozenset(
    {
        "learningResourceType", "educationalLevel", "educationalAlignment",
        "typicalAgeRange", "educationalUse", "interactivityType", "timeRequired",
        "teaches", "assesses", "competencyRequired", "useRightsUrl", "educationalRole",
        "audience", "isBasedOnUrl",
    }
)  # fmt: skip
_LRMI_TYPES = frozenset({"LearningResource", "Course", "Quiz", "Syllabus"})
_DATE_KINDS = {"dateCreated": "created", "datePublished": "published", "dateModified": "modified"}
#: Properties kept whole as extensions although a handler reads something from them.
_KEPT_AS_EXTENSIONS = frozenset({"hasCourseInstance"})
#: The pointer of a document's own object: the whole document, or one item of an array
#: of records (JSON Lines lines are documents of their own).
_TOP_LEVEL = re.compile(r"(?:/\d+)?")
_SCHEMA_HINT = N_('start the record with "@context": "https://schema.org/"')


class RecordBuilder(ValueReader):
    """Reads the properties of one node, in document order, into a new Record."""

    def __init__(
        self,
        node: dict[Any, Any],
        pointer: str,
        ctx: Context,
        where: Where,
        graph: GraphIndex | None = None,
        max_values: int = DEFAULT_LIMITS.max_values_per_field,
        *,
        part_of: Relation | None = None,
        page: tuple[str, str] | None = None,
    ) -> None:
        self.record = RecordDraft("jsonld", location=where(pointer))
        super().__init__(
            ctx, where, graph or {}, self.record.problems, max_values=max_values, base=pointer
        )
        self.node = node
        self.pointer = pointer
        self._ids: set[str] = set()
        self._urls: set[str] = set()
        #: the parent a part record is tied to (see ``nodes.py``)
        self.part_of = part_of
        #: (link, pointer) of the page whose ``mainEntity`` the node is
        self.page = page

    def build(self) -> Record:
        """Map every property of the node and build the record, once."""
        for key, value in self.node.items():
            key_text = key if isinstance(key, str) else str(key)
            ptr = f"{self.pointer}/{escape_token(key_text)}"
            if key_text == SUPPRESSION_KEY:
                self._suppression(value, ptr)
                continue
            name = self.ctx.canonical(key_text)
            if name in ("@context", "@graph", "@reverse", "@included", "@index"):
                continue
            handler = HANDLERS.get(name)
            self.reading(name)
            if handler is None or name in _KEPT_AS_EXTENSIONS:
                self.record.extensions.append(
                    Extension(
                        name=key_text,
                        value=value,
                        source_field=self.field,
                        location=self.where(ptr),
                    )
                )
            if handler is not None and value is not None:
                handler(self, value, ptr, name)
        if self.page is not None:  # the page is the node's mainEntityOfPage
            self.reading("mainEntityOfPage")
            on_url(self, self.page[0], self.page[1], "mainEntityOfPage")
        self.reading(None)
        if self.part_of is not None and not any(
            r.kind == "isPartOf" and r.target and r.target == self.part_of.target
            for r in self.record.relations
        ):
            self.record.relations.append(self.part_of)
        self._check_context_and_type()
        if self.part_of is None and self.page is None and _TOP_LEVEL.fullmatch(self.pointer):
            # AMB's constraints are on a document's own top-level object (docs/profiles.md)
            self.record.amb_problems.extend(amb_problems(self.node, self.pointer, self.where))
        self.record.problems.extend(self.limit_problems())
        self.record.dialect = self._dialect()
        if self.ctx.language:
            ptr = self.ctx.language_pointer or f"{self.pointer}/@context"
            self.record.metadata_languages.append(
                Text(
                    value=self.ctx.language,
                    source_field="@context/@language",
                    location=self.where(ptr),
                )
            )
        return self.record.finish()

    def _suppression(self, value: Any, ptr: str) -> None:
        """``"oer-meta:ignore": ["LIC004"]`` (or ``"LIC004, DISC003"``): the codes whose
        findings the record suppresses; a value that is not text suppresses nothing and
        is reported as naming no code (docs/suppressions.md)."""
        values = value if isinstance(value, list) else [value]
        codes = split_codes(v for v in values if isinstance(v, str))
        if any(not isinstance(v, str) for v in values):
            codes = (*codes, *(repr(v) for v in values if not isinstance(v, str)))
        self.record.suppressions.append(
            Suppression(codes=codes, source_field=SUPPRESSION_KEY, location=self.where(ptr))
        )

    def _check_context_and_type(self) -> None:
        if not self.ctx.present:
            spaced = next(
                (
                    k
                    for k in self.node
                    if isinstance(k, str) and k != "@context" and k.strip() == "@context"
                ),
                None,
            )
            if spaced is not None:
                self.problem(
                    said(
                        "no @context: the key {key!r} has a space in it, so a JSON-LD "
                        "processor does not read it as @context and the keys are not "
                        "schema.org terms",
                        key=spaced,
                    ),
                    f"{self.pointer}/{escape_token(spaced)}",
                    "@context",
                    hint=said('write the key as "@context", without spaces'),
                )
            else:
                self.problem(
                    said(
                        "no @context: without it the keys are not schema.org terms for a "
                        "JSON-LD processor"
                    ),
                    self.pointer,
                    "@context",
                    hint=said(_SCHEMA_HINT),
                )
        elif not self.ctx.names_known_vocabulary():
            self.problem(
                said(
                    "the @context names neither schema.org nor a known profile (LRMI, AMB), so "
                    "the keys cannot be read as schema.org terms"
                ),
                self.pointer + "/@context",
                "@context",
                hint=said(_SCHEMA_HINT),
            )
        type_entry = next(
            (
                (k, v)
                for k, v in self.node.items()
                if isinstance(k, str) and self.ctx.canonical(k) == "@type"
            ),
            None,
        )
        if type_entry is None:
            self.problem(
                said(
                    "@type is missing: the record does not say what kind of resource it describes"
                ),
                self.pointer,
                "@type",
                hint=said(
                    'add "@type": "LearningResource" (or CreativeWork, Course, VideoObject...)'
                ),
            )
            return
        key, value = type_entry
        for item, item_ptr in self.items(value, f"{self.pointer}/{escape_token(key)}"):
            if not isinstance(item, str) or not item.strip():
                self.wrong_type("@type", item, item_ptr, N_("a type name"))

    def _dialect(self) -> str:
        types = set(types_of(self.node.get("type"), self.ctx)) | set(
            types_of(self.node.get("@type"), self.ctx)
        )
        if self.ctx.names_amb() or (
            isinstance(self.node.get("type"), list)
            and "LearningResource" in types
            and "id" in self.node
        ):
            return "amb"
        if self.ctx.names_lrmi():
            return "lrmi"
        if self.ctx.names_schema_org():
            names = {self.ctx.canonical(k) for k in self.node if isinstance(k, str)}
            if names & _LRMI_PROPERTIES or types & _LRMI_TYPES:
                return "lrmi"
        return "schema.org"

    def add_identifier(self, value: str, ptr: str, catalog: str | None = None) -> None:
        """Add an identifier once (the same value from ``@id`` and ``url`` counts once)."""
        stripped = value.strip()
        if stripped.startswith("_:") or stripped in self._ids:
            return
        self._ids.add(stripped)
        self.record.identifiers.append(
            Identifier(
                value=value,
                catalog=catalog or identifier_catalog(value),
                source_field=self.field,
                location=self.where(ptr),
            )
        )

    def add_url(self, value: str, ptr: str) -> None:
        """Add an access URL once."""
        if value.strip() in self._urls:
            return
        self._urls.add(value.strip())
        self.record.urls.append(
            Text(value=value, source_field=self.field, location=self.where(ptr))
        )


# -- property handlers: (builder, value, pointer, canonical property name) ----------------


def on_id(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """``@id``: an identifier, and the access URL when it is a link."""
    if not isinstance(value, str):
        b.wrong_type("@id", value, ptr, N_("an IRI (text)"))
        return
    b.add_identifier(value, ptr)
    if identifier_catalog(value) in ("url", "doi", "handle"):
        b.add_url(value, ptr)


def on_identifier(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """``identifier``: strings, or PropertyValues whose ``propertyID`` names the scheme."""
    for item, item_ptr in b.items(value, ptr):
        if isinstance(item, str):
            b.add_identifier(item, item_ptr)
        elif isinstance(item, dict):
            p = props(item, b.ctx, item_ptr)
            scheme = p.get("propertyID")
            raw = p.get("value") or p.get("@id") or p.get("url") or p.get("@value")
            if raw is not None and isinstance(raw[1], (str, int)) and not isinstance(raw[1], bool):
                catalog = (
                    scheme[1].strip().lower() if scheme and isinstance(scheme[1], str) else None
                )
                b.add_identifier(str(raw[1]), raw[2], catalog)
            else:
                b.wrong_type(name, item, item_ptr, N_("text or a PropertyValue with a value"))
        elif item is not None:
            b.wrong_type(name, item, item_ptr, N_("text or a PropertyValue"))


def on_url(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """``url``/``mainEntityOfPage`` give URL and identifier, ``sameAs`` an identifier,
    ``contentUrl``/``embedUrl`` a URL."""
    for item, item_ptr in b.items(value, ptr):
        link = b.link(item)
        if link is None:
            if item is not None:
                b.wrong_type(name, item, item_ptr, N_("a URL"))
            continue
        if name != "sameAs":
            b.add_url(link, item_ptr)
        if name in ("url", "sameAs", "mainEntityOfPage"):
            b.add_identifier(link, item_ptr)


def on_title(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """``name``/``headline``."""
    b.record.titles.extend(b.texts(value, ptr, name))


def on_description(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """``description``/``abstract``."""
    b.record.descriptions.extend(b.texts(value, ptr, name))


def on_keywords(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """One keyword per list item; a single string is split at commas, as schema.org
    describes a keywords text as a comma-separated list."""
    if isinstance(value, str):
        parts = [part.strip() for part in value.split(",") if part.strip()]
        for part in parts[: b.allowed(value, ptr, len(parts))]:
            b.record.keywords.append(
                Text(
                    value=part, language=b.ctx.language, source_field=b.field, location=b.where(ptr)
                )
            )
        return
    for item, item_ptr in b.items(value, ptr):
        if isinstance(item, dict) and "@value" not in item and not b.is_language_map(item):
            p = props(item, b.ctx, item_ptr)  # a DefinedTerm
            if "name" in p:
                b.record.keywords.extend(b.texts(p["name"][1], p["name"][2], name))
                continue
        b.record.keywords.extend(b.texts(item, item_ptr, name))


def on_language(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """Language codes as written; a Language object gives its code (alternateName)
    or else its name."""
    for item, item_ptr in b.items(value, ptr):
        if isinstance(item, dict) and "@value" not in item:
            p = props(item, b.ctx, item_ptr)  # a schema.org Language
            for field in ("alternateName", "name", "@id"):
                if field in p:
                    code = b.first_text(p[field][1], p[field][2])
                    if code:
                        b.record.languages.append(
                            Text(value=code, source_field=b.field, location=b.where(p[field][2]))
                        )
                        break
            else:
                b.wrong_type(name, item, item_ptr, N_("a language code (text) or a Language"))
            continue
        for text, text_ptr in b.strings(item, item_ptr, name, N_("a language code")):
            b.record.languages.append(
                Text(value=text, source_field=b.field, location=b.where(text_ptr))
            )


def on_licence(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """Licence and rights statements, raw, with the property they came from."""
    for item, item_ptr in b.items(value, ptr):
        b.record.licences.extend(b.licences(item, item_ptr, b.field, name))


def on_access(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """``conditionsOfAccess`` is about access (login...), not about the licence."""
    b.record.access_conditions.extend(b.terms(value, ptr, name, "rights.conditionsOfAccess"))


def on_free(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """``isAccessibleForFree`` is about cost, not accessibility: free is LOM cost "no"."""
    if isinstance(value, bool):
        free = value
    elif isinstance(value, str) and value.strip().lower() in ("true", "false", "yes", "no"):
        free = value.strip().lower() in ("true", "yes")
        b.problem(
            said(
                "{field} is the text {value!r}, not a boolean; it was read as {read}",
                field=name,
                value=value,
                read=str(free).lower(),
            ),
            ptr,
            name,
            hint=said("write {field} as true or false, without quotes", field=name),
        )
    else:
        b.wrong_type(name, value, ptr, N_("a boolean (true or false)"))
        return
    b.record.cost.append(
        Term(
            value="no" if free else "yes",
            element="rights.cost",
            source_field=b.field,
            location=b.where(ptr),
        )
    )


#: People of a course run or an event (schema.org ``CourseInstance``/``Event``): read as
#: contributors, with the property name as their role (docs/records.md).
PEOPLE_OF_EVENTS = ("organizer", "instructor", "attendee", "performer", "accountablePerson")

#: What a Course's ``hasCourseInstance`` runs say about people, read into the Course.
_INSTANCE_PEOPLE = frozenset(
    {*PEOPLE_OF_EVENTS, "contributor", "funder", "sponsor", "maintainer", "editor"}
)


def on_agent(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """People and organisations; the role is the schema.org property name."""
    target = {"publisher": b.record.publishers, "provider": b.record.publishers}.get(
        name,
        b.record.rights_holders if name == "copyrightHolder" else b.record.contributors,
    )
    for item, item_ptr in b.items(value, ptr):
        agent = read_agent(b, item, item_ptr, name)
        if agent is not None:
            target.append(agent)


def on_course_instance(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """``hasCourseInstance``: kept as an extension too (the runs are not records); the
    people of each run (its instructors, organisers...) read as the course's
    contributors, so that the rules see them (``source_field``
    ``schema:hasCourseInstance/schema:instructor``)."""
    outer = b.field
    for item, item_ptr in b.items(value, ptr):
        if not isinstance(item, dict):
            continue
        node, node_ptr = b.resolve(item, item_ptr)
        if not isinstance(node, dict):
            continue
        p = props(node, b.ctx, node_ptr)
        for prop in sorted(_INSTANCE_PEOPLE & p.keys()):
            if p[prop][1] is None:
                continue
            b.reading(name, f"{outer}/{source_field(prop)}")
            for person, person_ptr in b.items(p[prop][1], p[prop][2]):
                agent = read_agent(b, person, person_ptr, prop)
                if agent is not None:
                    b.record.contributors.append(agent)
    b.reading(name)


def on_date(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """Dates as written (the date rules judge the format)."""
    kind = _DATE_KINDS[name]
    for text, text_ptr in b.strings(value, ptr, name, N_("a date written as text (ISO 8601)")):
        b.record.dates.append(
            DateValue(value=text, kind=kind, source_field=b.field, location=b.where(text_ptr))
        )


def on_duration(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """``duration``/``timeRequired`` as written."""
    for text, text_ptr in b.strings(value, ptr, name, N_("a duration written as text (ISO 8601)")):
        b.record.durations.append(
            Duration(value=text, element=name, source_field=b.field, location=b.where(text_ptr))
        )


def on_format(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """Media types (``encodingFormat``/``fileFormat``)."""
    for text, text_ptr in b.strings(value, ptr, name, N_("a media type (text)")):
        b.record.formats.append(Text(value=text, source_field=b.field, location=b.where(text_ptr)))


def on_encoding(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """``encoding``/``associatedMedia``: formats and URLs of the resource's files."""
    for item, item_ptr in b.items(value, ptr):
        if isinstance(item, str):
            b.add_url(item, item_ptr)
            continue
        if not isinstance(item, dict):
            b.wrong_type(name, item, item_ptr, N_("a MediaObject"))
            continue
        p = props(item, b.ctx, item_ptr)
        outer = b.field
        for field in ("encodingFormat", "fileFormat", "contentUrl", "embedUrl", "url"):
            if field not in p:
                continue
            b.reading(name, f"{outer}/{source_field(field)}")
            if field in ("encodingFormat", "fileFormat"):
                on_format(b, p[field][1], p[field][2], field)
            else:
                for link, link_ptr in b.strings(p[field][1], p[field][2], field, N_("a URL")):
                    b.add_url(link, link_ptr)
        b.reading(name)


Handler = Callable[[RecordBuilder, Any, str, str], None]

HANDLERS: dict[str, Handler] = {
    "@id": on_id,
    "@type": lambda builder, value, ptr, name: None,  # checked once the walk is done
    "identifier": on_identifier,
    "url": on_url,
    "sameAs": on_url,
    "mainEntityOfPage": on_url,
    "contentUrl": on_url,
    "embedUrl": on_url,
    "name": on_title,
    "headline": on_title,
    "description": on_description,
    "abstract": on_description,
    "keywords": on_keywords,
    "inLanguage": on_language,
    "language": on_language,
    "license": on_licence,
    "useRightsUrl": on_licence,
    "copyrightNotice": on_licence,
    "usageInfo": on_licence,
    "conditionsOfAccess": on_access,
    "isAccessibleForFree": on_free,
    **dict.fromkeys(
        (
            "creator",
            "author",
            "contributor",
            "editor",
            "translator",
            "funder",
            "sponsor",
            "sourceOrganization",
            "maintainer",
            "producer",
            "publisher",
            "provider",
            "copyrightHolder",
            *PEOPLE_OF_EVENTS,
        ),
        on_agent,
    ),
    "hasCourseInstance": on_course_instance,
    "dateCreated": on_date,
    "datePublished": on_date,
    "dateModified": on_date,
    "duration": on_duration,
    "timeRequired": on_duration,
    "encodingFormat": on_format,
    "fileFormat": on_format,
    "encoding": on_encoding,
    "associatedMedia": on_encoding,
    "learningResourceType": edu.on_lrt,
    "educationalLevel": edu.on_level,
    "educationalAlignment": edu.on_alignment,
    "audience": edu.on_audience,
    "educationalRole": edu.on_role,
    "typicalAgeRange": edu.on_age,
    "about": edu.on_subject,
    "teaches": edu.on_subject,
    "assesses": edu.on_subject,
    "subject": edu.on_subject,
    "interactivityType": edu.on_vocabulary,
    "educationalUse": edu.on_vocabulary,
    "accessMode": edu.on_a11y,
    "accessibilityFeature": edu.on_a11y,
    "accessibilityHazard": edu.on_a11y,
    "accessibilityAPI": edu.on_a11y,
    "accessibilityControl": edu.on_a11y,
    "conformsTo": edu.on_a11y,
    "accessModeSufficient": edu.on_sufficient,
    "accessibilitySummary": edu.on_summary,
    **dict.fromkeys(
        (
            "isBasedOn",
            "isBasedOnUrl",
            "hasPart",
            "isPartOf",
            "workTranslation",
            "translationOfWork",
            "exampleOfWork",
            "workExample",
            "isVersionOf",
            "hasVersion",
        ),
        edu.on_relation,
    ),
}
"""How each schema.org/LRMI property is read; any other key becomes an extension."""
