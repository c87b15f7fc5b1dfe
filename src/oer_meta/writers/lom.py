"""Write a Record as an IEEE LOM document (1484.12.3 XML binding, namespace
``http://ltsc.ieee.org/xsd/LOM``), valid against the LOM XSD (``lomLoose.xsd``: any
vocabulary source, the uniqueness rules of 1484.12.1).

Mapping (docs/crosswalks.md): values go back to the LOM elements the readers take them
from; vocabulary values keep the source the record declared, else ``LOMv1.0`` when the
value is a LOMv1.0 value.  What LOM cannot hold (a date that is not an ISO 8601 date,
a second value of a single-valued element, a rights holder, access conditions...) is
reported on the :class:`~oer_meta.writers.base.Output`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from oer_meta.i18n import N_, said
from oer_meta.knowledge.vocabularies import lom_vocabulary
from oer_meta.model import Agent, DateValue, Extension, Record, Term, Text
from oer_meta.writers.base import (
    CREATOR_ROLES,
    ISO_DURATION,
    Conversion,
    Output,
    content_values,
    date_kind,
    dated,
    element_path,
    is_language_tag,
    role_key,
    shorten,
    xml_text,
)

LOM = "http://ltsc.ieee.org/xsd/LOM"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMA_LOCATION = f"{LOM} http://ltsc.ieee.org/xsd/lomv1.0/lomLoose.xsd"
LOM_SOURCE = "LOMv1.0"

#: LOM's DateTime and Duration patterns (1484.12.3 dataTypes), without repetition
#: inside repetition: bounded alternatives only.
_DATE = re.compile(
    r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01])"
    r"(?:T(?:[01]\d|2[0-3])(?::[0-5]\d(?::[0-5]\d(?:\.\d+(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?)?)?)?)?)?)?"
)
#: A time with seconds and a time zone but no fraction: LOM's pattern takes a zone only
#: after a fraction, so ``...:00+02:00`` is written ``...:00.0+02:00`` (the same instant).
_NO_FRACTION = re.compile(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(Z|[+-]\d\d:\d\d)")

#: Single-valued vocabulary elements written from ``vocabulary_terms``: (dotted name,
#: category, element).
_SINGLE_TERMS = {
    "general.structure": ("general", "structure"),
    "general.aggregationLevel": ("general", "aggregationLevel"),
    "lifeCycle.status": ("lifeCycle", "status"),
    "educational.interactivityType": ("educational", "interactivityType"),
    "educational.interactivityLevel": ("educational", "interactivityLevel"),
    "educational.semanticDensity": ("educational", "semanticDensity"),
    "educational.difficulty": ("educational", "difficulty"),
}

#: Extensions the LOM reader keeps as such (no Record field) and where they go back:
#: the element path below ``<lom>`` (prefixes dropped, lower case) -> (category,
#: element, kind).
_EXTENSION_PLACES = {
    "general/coverage": ("general", "coverage", "langstring"),
    "lifecycle/version": ("lifeCycle", "version", "langstring"),
    "metametadata/metadataschema": ("metaMetadata", "metadataSchema", "text"),
    "metametadata/metadatascheme": ("metaMetadata", "metadataSchema", "text"),
    "technical/size": ("technical", "size", "size"),
    "technical/installationremarks": ("technical", "installationRemarks", "langstring"),
    "technical/otherplatformrequirements": ("technical", "otherPlatformRequirements", "langstring"),
    "educational/description": ("educational", "description", "langstring"),
    "educational/language": ("educational", "language", "language"),
}

#: schema.org/DC role and relation names -> their LOMv1.0 token.
_ROLES = {"creator": "author", "contributor": "unknown"}
_RELATION_KINDS = {
    "isbasedon": "isbasedon", "isbasedonurl": "isbasedon", "source": "isbasedon",
    "ispartof": "ispartof", "haspart": "haspart", "isversionof": "isversionof",
    "hasversion": "hasversion", "isformatof": "isformatof", "hasformat": "hasformat",
    "references": "references", "isreferencedby": "isreferencedby",
    "requires": "requires", "isrequiredby": "isrequiredby", "isbasisfor": "isbasisfor",
}  # fmt: skip
_ACCESSIBILITY = (
    "accessibility.access_modes", "accessibility.access_modes_sufficient",
    "accessibility.features", "accessibility.hazards", "accessibility.summaries",
    "accessibility.apis", "accessibility.controls", "accessibility.conforms_to",
)  # fmt: skip
_CATEGORIES = (
    "general", "lifeCycle", "metaMetadata", "technical", "educational", "rights",
    "relation", "annotation", "classification",
)  # fmt: skip


def _path_key(source_field: str | None) -> str:
    """``lom:general/lom:coverage`` -> ``general/coverage`` (either binding's case)."""
    return element_path(source_field).lower()


def vcard(agent: Agent) -> str:
    """A vCard 3.0 for a LOM entity: FN, N, ORG for an organisation (or the person's
    affiliation), EMAIL, TEL, URL/UID for identifiers."""

    def esc(value: str) -> str:
        return (
            value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")
        )

    name = esc(agent.name or "")
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{name}"]
    if agent.kind == "organization":
        lines += ["N:;;;;", f"ORG:{name}"]
    else:
        lines.append(f"N:{name};;;;")
        if agent.affiliation:
            lines.append(f"ORG:{esc(agent.affiliation)}")
    lines += [f"EMAIL;TYPE=INTERNET:{esc(mail)}" for mail in agent.email]
    lines += [f"TEL:{esc(phone)}" for phone in agent.telephone]
    for ident in agent.identifiers:
        key = "URL" if ident.startswith(("http://", "https://")) else "UID"
        lines.append(f"{key}:{esc(ident)}")
    lines.append("END:VCARD")
    return "\n".join(lines)


class _LomWriter:
    """Fills one ``<lom>`` element from a record."""

    def __init__(self, record: Record) -> None:
        self.record = record
        self.out = Output("lom")
        self.root = etree.Element(f"{{{LOM}}}lom", nsmap={None: LOM, "xsi": XSI})  # type: ignore[dict-item]
        self.root.set(f"{{{XSI}}}schemaLocation", _SCHEMA_LOCATION)
        self._categories: dict[str, etree._Element] = {}
        #: the vocabulary each (element, value) was declared with, for roles, purposes
        #: and kinds, whose Record fields keep the value only
        self._sources = {
            ((t.element or "").lower(), t.value): t.source
            for t in record.vocabulary_terms
            if t.source
        }

    # -- building blocks -------------------------------------------------------------

    def category(self, name: str) -> etree._Element:
        """The one element of a category (general, lifeCycle...), made on first use."""
        found = self._categories.get(name)
        if found is None:
            found = etree.Element(f"{{{LOM}}}{name}")
            self._categories[name] = found
        return found

    def child(self, parent: etree._Element, name: str, text: str | None = None) -> etree._Element:
        elem = etree.SubElement(parent, f"{{{LOM}}}{name}")
        if text is not None:
            elem.text = text
        return elem

    def langstring(
        self, parent: etree._Element, name: str, field: str, texts: Iterable[Text]
    ) -> etree._Element | None:
        """One LangString element holding ``texts``: one ``string`` per language (a
        second string in the same language is dropped: 1484.12.3 allows one)."""
        elem: etree._Element | None = None
        seen: set[str | None] = set()
        for text in texts:
            language = (text.language or "").strip() if is_language_tag(text.language) else None
            if text.language and language is None:
                self.out.drop(
                    field,
                    f"{text.value} [{text.language}]",
                    said(
                        "the language "
                        "attribute takes a language tag; the string was written "
                        "without it"
                    ),
                )
            if language in seen:
                self.out.drop(
                    field,
                    text.value,
                    said(
                        "a LOM LangString holds one string per "
                        "language, and this language already has one"
                    ),
                )
                continue
            seen.add(language)
            if elem is None:
                elem = self.child(parent, name)
            string = self.child(elem, "string", xml_text(self.out, field, text.value))
            if language:
                string.set("language", language)
            self.out.wrote(field)
        return elem

    def resolve(self, dotted: str, value: str, source: str | None) -> tuple[str, str] | None:
        """``(source, value)`` of a vocabulary value: the source the record declared
        (on the term, or on the same element's term in ``vocabulary_terms``), else
        ``LOMv1.0`` with its token for a LOMv1.0 value in any case; ``None`` for a free
        value with no vocabulary (a LOM vocabulary element cannot hold it)."""
        declared = source or self._sources.get((dotted.lower(), value))
        tokens = {v.lower(): v for v in lom_vocabulary(dotted) or ()}
        token = tokens.get(value.strip().lower())
        if declared and declared.strip() != LOM_SOURCE:
            return declared, value
        if token is not None:
            return LOM_SOURCE, token
        return None

    def vocabulary(
        self, parent: etree._Element, name: str, dotted: str, value: str, source: str | None
    ) -> bool:
        """A vocabulary element (see :meth:`resolve`); False, and nothing written, for a
        value without a vocabulary."""
        resolved = self.resolve(dotted, value, source)
        if resolved is None:
            return False
        elem = self.child(parent, name)
        self.child(elem, "source", resolved[0])
        self.child(elem, "value", resolved[1])
        return True

    def term(self, parent: etree._Element, name: str, dotted: str, field: str, term: Term) -> None:
        value = xml_text(self.out, field, term.value)
        if self.vocabulary(parent, name, dotted, value, term.source):
            self.out.wrote(field)
        else:
            self.out.drop(
                field,
                term.value,
                said(
                    "{element} takes a value of a vocabulary, and "
                    "this value names none (and is not a LOMv1.0 value)",
                    element=dotted,
                ),
            )

    def role(
        self, parent: etree._Element, dotted: str, field: str, agent: Agent, role: str
    ) -> None:
        """A contribute's role; a role from no vocabulary is written as LOM's
        ``unknown`` and said."""
        if not self.vocabulary(parent, "role", dotted, role, None):
            self.vocabulary(parent, "role", dotted, "unknown", None)
            self.out.drop(
                field,
                f"{agent.name} ({role})",
                said(
                    "not a LOMv1.0 role and the "
                    "record names no vocabulary for it: written as 'unknown'"
                ),
            )

    def date(self, parent: etree._Element, name: str, field: str, date: DateValue) -> bool:
        """A DateTime element, or the date dropped when LOM's pattern refuses it."""
        value = date.value.strip()
        bare = _NO_FRACTION.fullmatch(value)
        if bare is not None:
            value = f"{bare[1]}.0{bare[2]}"
        if not _DATE.fullmatch(value):
            self.out.drop(field, date.value, said("not an ISO 8601 date LOM's dateTime accepts"))
            return False
        self.child(self.child(parent, name), "dateTime", value)
        self.out.wrote(field)
        return True

    # -- the record ---------------------------------------------------------------------

    def write(self) -> Conversion:
        self._general()
        self._life_cycle()
        self._meta_metadata()
        self._technical()
        self._educational()
        self._rights()
        self._relations()
        self._annotations()
        self._classifications()
        self._vocabulary_terms()
        self._extensions()
        for name in _ACCESSIBILITY:
            for value in content_values(self.record, name):
                self.out.drop(
                    name,
                    getattr(value, "value", value),
                    said(
                        "IEEE LOM has no accessibility element "
                        "(AccessForAll is a separate standard)"
                    ),
                )
        for name in _CATEGORIES:
            found = self._categories.get(name)
            if found is None or not len(found):
                continue
            if name in ("relation", "annotation", "classification"):
                self.root.extend(list(found))  # repeatable: the holder is not written
            else:
                self.root.append(found)
        text = etree.tostring(
            self.root, xml_declaration=True, encoding="UTF-8", pretty_print=True
        ).decode("utf-8")
        return self.out.finish(self.record, text)

    def _general(self) -> None:
        r = self.record
        general = self.category("general")
        for ident in r.identifiers:
            if (ident.catalog or "").startswith("metadata:"):
                continue  # metaMetadata.identifier
            elem = self.child(general, "identifier")
            if ident.catalog:
                self.child(elem, "catalog", xml_text(self.out, "identifiers", ident.catalog))
            self.child(elem, "entry", xml_text(self.out, "identifiers", ident.value))
            self.out.wrote("identifiers")
        self.langstring(general, "title", "titles", r.titles)
        for text in r.languages:
            self._language(general, "language", "languages", text)
        for text in r.descriptions:
            self.langstring(general, "description", "descriptions", [text])
        for text in r.keywords:
            self.langstring(general, "keyword", "keywords", [text])

    def _language(self, parent: etree._Element, name: str, field: str, text: Text) -> None:
        value = text.value.strip()
        if value == "none" or is_language_tag(value):
            self.child(parent, name, value)
            self.out.wrote(field)
        else:
            self.out.drop(
                field, text.value, said("LOM's language element takes a language tag (or 'none')")
            )

    def _life_cycle(self) -> None:
        """One ``contribute`` per agent; each created/published/contributed date goes to
        the first contribute of its role, or to a contribute of its own."""
        r = self.record
        life = self.category("lifeCycle")
        dates: dict[str, list[DateValue]] = {"created": [], "published": [], "contributed": []}
        for date in r.dates:
            if date_kind(r, date.kind) in dates:
                dates[date_kind(r, date.kind)].append(date)
            elif date.kind != "other" or r.source_format != "lom":
                reason = {
                    "modified": N_("LOM has no element for the date of a modification"),
                    "datestamp": N_(
                        "the OAI-PMH datestamp dates the metadata record, not the resource"
                    ),
                }.get(date.kind, N_("LOM dates a contribution, and this date says none"))
                self.out.drop("dates", dated(date), said(reason))
        agents = [("contributors", a) for a in r.contributors if not _is_metadata(a)]
        agents += [("publishers", a) for a in r.publishers]
        for field, agent in agents:
            role = self._role(agent.role, field)
            contribute = self.child(life, "contribute")
            self.role(contribute, "lifeCycle.contribute.role", field, agent, role)
            self._entity(contribute, field, agent)
            kind = {"author": "created", "publisher": "published"}.get(role, "contributed")
            if dates[kind]:
                self.date(contribute, "date", "dates", dates[kind].pop(0))
        for kind, role in (
            ("created", "author"),
            ("published", "publisher"),
            ("contributed", "unknown"),
        ):
            for date in dates[kind]:
                contribute = self.child(life, "contribute")
                self.vocabulary(contribute, "role", "lifeCycle.contribute.role", role, None)
                if not self.date(contribute, "date", "dates", date):
                    life.remove(contribute)

    def _role(self, role: str | None, field: str) -> str:
        if field == "publishers":
            return "publisher"
        key = role_key(role)
        if key in CREATOR_ROLES:
            return "author"
        return _ROLES.get(key, (role or "unknown").strip() or "unknown")

    def _entity(self, parent: etree._Element, field: str, agent: Agent) -> None:
        if not agent.name and not agent.email:
            self.out.drop(field, str(agent.role), said("the agent has neither name nor e-mail"))
            return
        self.child(parent, "entity", xml_text(self.out, field, vcard(agent)))
        self.out.wrote(field)
        if agent.address:
            self.out.drop(
                field,
                f"{agent.name}: {'; '.join(agent.address)}",
                said("the writer does not build a vCard ADR from a one-line address"),
            )
        if agent.kind == "person":
            self.out.drop(
                field,
                said("{name}: person", name=agent.name),
                said(
                    "a vCard FN does not say the "
                    "entity is a person; the name is not split into N parts"
                ),
            )

    def _meta_metadata(self) -> None:
        r = self.record
        meta = self.category("metaMetadata")
        for ident in r.identifiers:
            catalog = ident.catalog or ""
            if catalog.startswith("metadata:"):
                elem = self.child(meta, "identifier")
                if catalog[len("metadata:") :]:
                    self.child(elem, "catalog", catalog[len("metadata:") :])
                self.child(elem, "entry", xml_text(self.out, "identifiers", ident.value))
                self.out.wrote("identifiers")
        other_dates = [d for d in r.dates if d.kind == "other"] if r.source_format == "lom" else []
        for agent in (a for a in r.contributors if _is_metadata(a)):
            contribute = self.child(meta, "contribute")
            role = (agent.role or "")[len("metadata:") :] or "creator"
            self.role(contribute, "metaMetadata.contribute.role", "contributors", agent, role)
            self._entity(contribute, "contributors", agent)
            if other_dates:
                self.date(contribute, "date", "dates", other_dates.pop(0))
        for date in other_dates:
            self.out.drop(
                "dates",
                date.value,
                said("a date of the metadata record with no contributor to hold it"),
            )
        schemas = [
            e
            for e in content_values(r, "extensions")
            if isinstance(e, Extension)
            and _EXTENSION_PLACES.get(_path_key(e.source_field), ("",))[0] == "metaMetadata"
        ]
        if not schemas:
            self.child(meta, "metadataSchema", LOM_SOURCE)
        for text in r.metadata_languages[:1]:
            self._language(meta, "language", "metadata_languages", text)
        for text in r.metadata_languages[1:]:
            self.out.drop(
                "metadata_languages",
                text.value,
                said("LOM's metaMetadata.language holds one language"),
            )

    def _technical(self) -> None:
        r = self.record
        technical = self.category("technical")
        for text in r.formats:
            self.child(technical, "format", xml_text(self.out, "formats", text.value))
            self.out.wrote("formats")
        for text in r.urls:
            self.child(technical, "location", xml_text(self.out, "urls", text.value))
            self.out.wrote("urls")
        self._durations(technical, ("technical.duration", "duration"), "duration")

    def _durations(self, parent: etree._Element, elements: tuple[str, ...], name: str) -> None:
        found = [d for d in self.record.durations if (d.element or "duration") in elements]
        for i, duration in enumerate(found):
            value = duration.value.strip()
            if i > 0:
                self.out.drop("durations", value, said("LOM holds one {element}", element=name))
            elif not ISO_DURATION.fullmatch(value) or value in ("P", "PT"):
                self.out.drop(
                    "durations", duration.value, said("not an ISO 8601 duration LOM accepts")
                )
            else:
                self.child(self.child(parent, name), "duration", value)
                self.out.wrote("durations")

    def _educational(self) -> None:
        r = self.record
        edu = self.category("educational")
        for term in r.learning_resource_types:
            self.term(
                edu,
                "learningResourceType",
                "educational.learningResourceType",
                "learning_resource_types",
                term,
            )
        for term in r.intended_end_user_roles:
            self.term(
                edu,
                "intendedEndUserRole",
                "educational.intendedEndUserRole",
                "intended_end_user_roles",
                term,
            )
        for term in r.educational_levels:
            if term.element == "educational.context":
                self.term(edu, "context", "educational.context", "educational_levels", term)
        for text in r.typical_age_ranges:
            self.langstring(edu, "typicalAgeRange", "typical_age_ranges", [text])
        self._durations(
            edu, ("educational.typicalLearningTime", "timeRequired"), "typicalLearningTime"
        )
        for duration in r.durations:
            if (duration.element or "duration") not in (
                "technical.duration",
                "duration",
                "educational.typicalLearningTime",
                "timeRequired",
            ):
                self.out.drop(
                    "durations",
                    duration.value,
                    said("LOM has no element for {element}", element=duration.element),
                )

    def _rights(self) -> None:
        r = self.record
        rights = self.category("rights")
        for i, term in enumerate(r.cost):
            if i == 0:
                self.term(rights, "cost", "rights.cost", "cost", term)
            else:
                self.out.drop("cost", term.value, said("LOM holds one cost"))
        if r.copyright_restrictions is not None:
            self.term(
                rights,
                "copyrightAndOtherRestrictions",
                "rights.copyrightAndOtherRestrictions",
                "copyright_restrictions",
                r.copyright_restrictions,
            )
        statements = [
            Text(value=s.raw, language=s.language if is_language_tag(s.language) else None)
            for s in r.licences
        ]
        self.langstring(rights, "description", "licences", statements)
        for statement in r.licences:
            if statement.applies_to:
                self.out.drop(
                    "licences",
                    said("{value} (for {part})", value=statement.raw, part=statement.applies_to),
                    said("LOM's rights description does not say which part it is for"),
                )
        for term in r.access_conditions:
            self.out.drop(
                "access_conditions",
                term.value,
                said(
                    "IEEE LOM has no element for "
                    "access conditions (LOM-ES's rights.access is a profile's)"
                ),
            )
        for agent in r.rights_holders:
            self.out.drop(
                "rights_holders",
                agent.name or "",
                said("LOM has no rights holder; no contribute role says copyright holder"),
            )

    def _relations(self) -> None:
        for relation in self.record.relations:
            if not (relation.target or relation.title):
                self.out.drop("relations", relation.kind, said("the relation names no resource"))
                continue
            elem = etree.Element(f"{{{LOM}}}relation")
            key = relation.kind.strip().lower()
            kind = _RELATION_KINDS.get(key)
            if kind is None and relation.kind.strip():
                self.out.drop(
                    "relations",
                    f"{relation.target or relation.title} ({relation.kind})",
                    said("LOMv1.0 has no relation kind for it"),
                )
            if kind is not None:
                self.vocabulary(elem, "kind", "relation.kind", kind, None)
            resource = self.child(elem, "resource")
            if relation.target:
                ident = self.child(resource, "identifier")
                self.child(ident, "entry", xml_text(self.out, "relations", relation.target))
            if relation.title:
                self.langstring(resource, "description", "relations", [Text(value=relation.title)])
            for statement in relation.licences:
                self.out.drop(
                    "relations",
                    statement.raw,
                    said("LOM cannot state a related resource's licence"),
                )
            self._extra("relation", elem)
            self.out.wrote("relations")

    def _extra(self, category: str, elem: etree._Element) -> None:
        """Keep a repeatable category element (relation, annotation, classification)."""
        holder = self._categories.get(category)
        if holder is None:
            holder = etree.Element("holder")
            self._categories[category] = holder
        holder.append(elem)

    def _annotations(self) -> None:
        for annotation in self.record.annotations:
            elem = etree.Element(f"{{{LOM}}}annotation")
            if annotation.entity is not None:
                self._entity(elem, "annotations", annotation.entity)
            self.langstring(elem, "description", "annotations", annotation.descriptions)
            self._extra("annotation", elem)
            self.out.wrote("annotations")

    def _classifications(self) -> None:
        """Subjects and non-context educational levels, one classification per purpose
        and vocabulary."""
        r = self.record
        groups: dict[tuple[str, str | None], list[tuple[str, Term]]] = {}
        for term in r.subjects:
            purpose = term.purpose or "discipline"
            groups.setdefault((purpose, term.source), []).append(("subjects", term))
        for term in r.educational_levels:
            if term.element != "educational.context":
                purpose = term.purpose or "educational level"
                groups.setdefault((purpose, term.source), []).append(("educational_levels", term))
        for (purpose, source), terms in groups.items():
            elem = etree.Element(f"{{{LOM}}}classification")
            if not self.vocabulary(elem, "purpose", "classification.purpose", purpose, None):
                self.out.drop(
                    terms[0][0],
                    said("purpose {purpose}", purpose=purpose),
                    said(
                        "not a LOMv1.0 purpose and "
                        "the record names no vocabulary for it: the classification "
                        "was written without its purpose"
                    ),
                )
            taxa = [(f, t) for f, t in terms if t.element != "classification.keyword"]
            if taxa:
                path = self.child(elem, "taxonPath")
                if source:
                    self.langstring(path, "source", "subjects", [Text(value=source)])
                for field, term in taxa:
                    taxon = self.child(path, "taxon")
                    if term.id:
                        self.child(taxon, "id", xml_text(self.out, field, term.id))
                    labels = term.labels or (Text(value=term.value),)
                    self.langstring(taxon, "entry", field, labels)
                    self.out.wrote(field)
            for field, term in terms:
                if term.element == "classification.keyword":
                    labels = term.labels or (Text(value=term.value),)
                    self.langstring(elem, "keyword", field, labels[:1])
            self._extra("classification", elem)

    def _vocabulary_terms(self) -> None:
        used: set[str] = set()
        for term in content_values(self.record, "vocabulary_terms"):
            assert isinstance(term, Term)
            place = _SINGLE_TERMS.get(term.element or "")
            if place is None:
                self.out.drop(
                    "vocabulary_terms",
                    f"{term.element}: {term.value}",
                    said("the writer does not map this element back into LOM"),
                )
            elif term.element in used:
                self.out.drop(
                    "vocabulary_terms",
                    f"{term.element}: {term.value}",
                    said("LOM holds one value of this element"),
                )
            else:
                used.add(term.element or "")
                self.term(
                    self.category(place[0]), place[1], term.element or "", "vocabulary_terms", term
                )

    def _extensions(self) -> None:
        placed: set[tuple[str, str]] = set()
        for ext in content_values(self.record, "extensions"):
            assert isinstance(ext, Extension)
            place = _EXTENSION_PLACES.get(_path_key(ext.source_field))
            value = ext.value if isinstance(ext.value, str) else None
            if place is None or value is None or not value.strip():
                self.out.drop(
                    "extensions",
                    f"{element_path(ext.source_field, ext.name)}: {shorten(ext.value, 40)}",
                    said(
                        "an element oer_meta reads but "
                        "does not map, and that this writer does not place"
                    ),
                )
                continue
            category, name, kind = place
            parent = self.category(category)
            single = name in ("version", "size", "installationRemarks", "otherPlatformRequirements")
            if single and (category, name) in placed:
                self.out.drop(
                    "extensions", f"{name}: {value}", said("LOM holds one {element}", element=name)
                )
                continue
            placed.add((category, name))
            if kind == "langstring":
                self.langstring(parent, name, "extensions", [Text(value=value)])
            elif kind == "size" and not value.strip().isdigit():
                self.out.drop(
                    "extensions", f"{name}: {value}", said("LOM's size is a number of bytes")
                )
            elif kind == "language":
                self._language(parent, name, "extensions", Text(value=value))
            else:
                self.child(parent, name, xml_text(self.out, "extensions", value.strip()))
                self.out.wrote("extensions")


def _is_metadata(agent: Agent) -> bool:
    """True for an agent of the metadata record (LOM metaMetadata.contribute)."""
    return (agent.role or "").startswith("metadata:")


def write_lom(record: Record) -> Conversion:
    """``record`` as an IEEE LOM document, with what it could not hold."""
    return _LomWriter(record).write()
