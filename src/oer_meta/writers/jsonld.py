"""Write a Record as a schema.org / LRMI JSON-LD document (``"@context":
"https://schema.org/"``, ``"@type": "LearningResource"``).

Mapping (docs/crosswalks.md): the schema.org properties the JSON-LD reader reads each
Record field from (``name``, ``description``, ``inLanguage``, ``keywords``,
``license``, ``identifier``, ``creator``/``contributor``/``publisher`` as ``Person`` or
``Organization``, ``learningResourceType``, ``educationalLevel``, ``audience``,
``dateCreated``...).  What schema.org has no property for (LOM's structure, a LOM
contribute role such as ``technical validator``, a copyright yes/no) is reported on the
:class:`~oer_meta.writers.base.Output`.
"""

from __future__ import annotations

import json
from typing import Any

from oer_meta.i18n import said
from oer_meta.model import Agent, Record, Term, Text
from oer_meta.writers.base import (
    CREATOR_ROLES,
    ISO_DURATION,
    Conversion,
    Output,
    content_values,
    date_kind,
    dated,
    element_path,
    role_key,
)

CONTEXT = "https://schema.org/"

#: schema.org agent properties kept as the role (the JSON-LD reader's role names).
_AGENT_PROPERTIES = frozenset(
    {"contributor", "editor", "translator", "funder", "sponsor", "maintainer", "producer",
     "provider", "author"}
)  # fmt: skip
_DATES = {"created": "dateCreated", "published": "datePublished", "modified": "dateModified"}
_RELATIONS = {
    "isbasedon": "isBasedOn", "isbasedonurl": "isBasedOn", "source": "isBasedOn",
    "haspart": "hasPart", "ispartof": "isPartOf", "isversionof": "isVersionOf",
    "hasversion": "hasVersion", "translationofwork": "translationOfWork",
    "worktranslation": "workTranslation", "exampleofwork": "exampleOfWork",
    "workexample": "workExample",
}  # fmt: skip
_ACCESSIBILITY = {
    "accessibility.access_modes": "accessMode",
    "accessibility.access_modes_sufficient": "accessModeSufficient",
    "accessibility.features": "accessibilityFeature",
    "accessibility.hazards": "accessibilityHazard",
    "accessibility.apis": "accessibilityAPI",
    "accessibility.controls": "accessibilityControl",
    "accessibility.conforms_to": "conformsTo",
}
#: LOM vocabulary elements with an LRMI property of the same meaning.
_VOCABULARY = {"educational.interactivityType": "interactivityType"}
_DURATIONS = {
    "educational.typicalLearningTime": "timeRequired",
    "timeRequired": "timeRequired",
    "technical.duration": "duration",
    "duration": "duration",
}


def _text(text: Text) -> Any:
    """A plain string, or a language-tagged value object."""
    if text.language:
        return {"@value": text.value, "@language": text.language}
    return text.value


def _one_or_many(values: list[Any]) -> Any:
    return values[0] if len(values) == 1 else values


class _JsonLdWriter:
    def __init__(self, record: Record) -> None:
        self.record = record
        self.out = Output("jsonld")
        self.doc: dict[str, Any] = {"@context": CONTEXT, "@type": "LearningResource"}

    def put(self, key: str, field: str, value: Any) -> None:
        """Add ``value`` to property ``key`` (a list once it holds two)."""
        if key in self.doc:
            existing = self.doc[key]
            self.doc[key] = [*existing, value] if isinstance(existing, list) else [existing, value]
        else:
            self.doc[key] = value
        self.out.wrote(field)

    def texts(self, key: str, field: str, texts: tuple[Text, ...]) -> None:
        if texts:
            self.doc[key] = _one_or_many([_text(t) for t in texts])
            self.out.wrote(field)

    def write(self) -> Conversion:
        r = self.record
        self._identifiers()
        self.texts("name", "titles", r.titles)
        self.texts("description", "descriptions", r.descriptions)
        if r.keywords:
            self.doc["keywords"] = [_text(t) for t in r.keywords]
            self.out.wrote("keywords")
        if r.languages:
            self.doc["inLanguage"] = _one_or_many([t.value for t in r.languages])
            self.out.wrote("languages")
        self._licences()
        self._agents()
        for date in r.dates:
            key = _DATES.get(date_kind(r, date.kind))
            if key is None or key in self.doc:
                self.out.drop(
                    "dates",
                    dated(date),
                    said(
                        "schema.org has "
                        "dateCreated, datePublished and dateModified, one each; this "
                        "date is of another event or a second one"
                    ),
                )
            else:
                self.put(key, "dates", date.value)
        for duration in r.durations:
            key = _DURATIONS.get(duration.element or "duration", "duration")
            value = duration.value.strip()
            if not ISO_DURATION.fullmatch(value) or value in ("P", "PT"):
                self.out.drop(
                    "durations",
                    duration.value,
                    said("not an ISO 8601 duration, which schema.org {key} takes", key=key),
                )
            elif key in self.doc:
                self.out.drop(
                    "durations", duration.value, said("schema.org {key} holds one value", key=key)
                )
            else:
                self.put(key, "durations", value)
        for text in r.formats:
            self.put("encodingFormat", "formats", text.value)
        self._education()
        self._rights()
        for field, key in _ACCESSIBILITY.items():
            for term in content_values(r, field):
                assert isinstance(term, Term)
                self.put(key, field, term.value)
        for text in r.accessibility.summaries:
            self.put("accessibilitySummary", "accessibility.summaries", _text(text))
        self._relations()
        for annotation in r.annotations:
            shown = annotation.descriptions[0].value if annotation.descriptions else ""
            self.out.drop(
                "annotations", shown, said("schema.org has no property for a LOM annotation")
            )
        for term in content_values(r, "vocabulary_terms"):
            assert isinstance(term, Term)
            key = _VOCABULARY.get(term.element or "")
            if key is None:
                self.out.drop(
                    "vocabulary_terms",
                    f"{term.element}: {term.value}",
                    said("schema.org/LRMI has no property for it"),
                )
            else:
                self.put(key, "vocabulary_terms", term.value)
        for text in r.metadata_languages:
            self.out.drop(
                "metadata_languages",
                text.value,
                said(
                    "an @context @language would "
                    "also tag every untagged string; the writer tags each string instead"
                ),
            )
        self._extensions()
        document = json.dumps(self.doc, ensure_ascii=False, indent=2) + "\n"
        return self.out.finish(r, document)

    def _identifiers(self) -> None:
        for ident in self.record.identifiers:
            catalog = ident.catalog or ""
            if catalog.startswith("metadata:") or catalog == "oai":
                self.out.drop(
                    "identifiers",
                    ident.value,
                    said("identifies the metadata record, not the resource"),
                )
                continue
            if not ident.value.strip():
                self.out.drop(
                    "identifiers",
                    said("(empty, catalog {catalog})", catalog=catalog),
                    said("an empty identifier identifies nothing"),
                )
                continue
            if catalog and catalog not in ("url", "doi", "handle", "urn", "ark", "isbn"):
                self.put(
                    "identifier",
                    "identifiers",
                    {"@type": "PropertyValue", "propertyID": catalog, "value": ident.value},
                )
            else:
                self.put("identifier", "identifiers", ident.value)
        for url in self.record.urls:
            self.put("url", "urls", url.value)

    def _licences(self) -> None:
        for statement in self.record.licences:
            licence = statement.licence
            value = statement.raw
            if licence is not None and licence.names_licence and licence.url:
                if licence.url != statement.raw.strip():
                    self.out.drop(
                        "licences",
                        statement.raw,
                        said("schema.org license takes a URL: written as {url}", url=licence.url),
                    )
                value = licence.url
            if statement.language:
                self.out.drop(
                    "licences",
                    f"{statement.raw} [{statement.language}]",
                    said("schema.org license is a URL or a name: its language is not kept"),
                )
            if statement.applies_to:
                self.put(
                    "license",
                    "licences",
                    {"@type": "CreativeWork", "name": statement.applies_to, "license": value},
                )
            else:
                self.put("license", "licences", value)

    def _agent(self, agent: Agent) -> dict[str, Any] | None:
        if not agent.name:
            return None
        node: dict[str, Any] = {}
        if agent.kind == "person":
            node["@type"] = "Person"
        elif agent.kind == "organization":
            node["@type"] = "Organization"
        node["name"] = agent.name
        if agent.email:
            node["email"] = _one_or_many(list(agent.email))
        if agent.telephone:
            node["telephone"] = _one_or_many(list(agent.telephone))
        if agent.address:
            node["address"] = _one_or_many(list(agent.address))
        if agent.identifiers:
            node["sameAs"] = _one_or_many(list(agent.identifiers))
        if agent.affiliation:
            node["affiliation"] = {"@type": "Organization", "name": agent.affiliation}
        return node

    def _agents(self) -> None:
        r = self.record
        groups = [("contributors", a) for a in r.contributors]
        groups += [("publishers", a) for a in r.publishers]
        groups += [("rights_holders", a) for a in r.rights_holders]
        for field, agent in groups:
            if (agent.role or "").startswith("metadata:"):
                self.out.drop(
                    field,
                    f"{agent.name} ({agent.role})",
                    said("contributes to the metadata record, not to the resource"),
                )
                continue
            node = self._agent(agent)
            if node is None:
                self.out.drop(
                    field,
                    str(agent.email or agent.role),
                    said("schema.org names an agent, and this one has no name"),
                )
                continue
            key = role_key(agent.role)
            if field == "publishers":
                prop = "publisher"
            elif field == "rights_holders":
                prop = "copyrightHolder"
            elif key in CREATOR_ROLES:
                prop = "creator"
            elif key in _AGENT_PROPERTIES:
                prop = key
            else:
                prop = "contributor"
                if key and key != "contributor":
                    self.out.drop(
                        field,
                        f"{agent.name} ({agent.role})",
                        said("schema.org contributor does not say this role"),
                    )
            self.put(prop, field, node)

    def _term(self, term: Term) -> Any:
        if not term.id:
            return term.value
        node: dict[str, Any] = {"@type": "DefinedTerm", "@id": term.id, "name": term.value}
        if term.source:
            node["inDefinedTermSet"] = term.source
        return node

    def _education(self) -> None:
        r = self.record
        for term in r.learning_resource_types:
            self.put("learningResourceType", "learning_resource_types", self._term(term))
        for term in r.educational_levels:
            self.put("educationalLevel", "educational_levels", self._term(term))
        for term in r.intended_end_user_roles:
            self.put(
                "audience",
                "intended_end_user_roles",
                {"@type": "EducationalAudience", "educationalRole": term.value},
            )
        for text in r.typical_age_ranges:
            self.put("typicalAgeRange", "typical_age_ranges", text.value)
        for term in r.subjects:
            label = next((t.value for t in term.labels if t.value), term.value)
            node: dict[str, Any] = {"@type": "DefinedTerm", "name": label}
            if term.id:
                node["@id"] = term.id
            if term.source:
                node["inDefinedTermSet"] = term.source
            self.put("about", "subjects", node)

    def _rights(self) -> None:
        r = self.record
        for i, term in enumerate(r.cost):
            free = {"no": True, "yes": False}.get(term.value.strip().lower())
            if free is None or i > 0:
                self.out.drop(
                    "cost", term.value, said("isAccessibleForFree is true or false, once")
                )
            else:
                self.put("isAccessibleForFree", "cost", free)
        for term in r.access_conditions:
            self.put("conditionsOfAccess", "access_conditions", term.value)
        if r.copyright_restrictions is not None:
            self.out.drop(
                "copyright_restrictions",
                r.copyright_restrictions.value,
                said(
                    "schema.org has no property for LOM's copyright yes/no; the "
                    "licence itself is written"
                ),
            )

    def _relations(self) -> None:
        for relation in self.record.relations:
            key = _RELATIONS.get(relation.kind.strip().lower())
            if key is None or not (relation.target or relation.title):
                self.out.drop(
                    "relations",
                    f"{relation.target or relation.title} ({relation.kind})",
                    said("schema.org has no property for this kind of relation")
                    if key is None
                    else said("the relation names no resource"),
                )
                continue
            node: dict[str, Any] = {"@type": "CreativeWork"}
            if relation.target:
                node["@id"] = relation.target
            if relation.title:
                node["name"] = relation.title
            if relation.licences:
                node["license"] = _one_or_many([s.raw for s in relation.licences])
            self.put(key, "relations", node)

    def _extensions(self) -> None:
        """A JSON-LD record's unmapped properties go back as they were; other formats'
        extensions (XML elements) have no schema.org property."""
        jsonld = self.record.source_format == "jsonld"
        for ext in content_values(self.record, "extensions"):
            name = getattr(ext, "name", "")
            if jsonld and not name.startswith(("{", "@")) and name not in self.doc:
                self.put(name, "extensions", getattr(ext, "value", None))
            else:
                self.out.drop(
                    "extensions",
                    f"{element_path(getattr(ext, 'source_field', None), name)}: "
                    f"{getattr(ext, 'value', None)}",
                    said(
                        "an element oer_meta reads but does not map; "
                        "schema.org has no property for it"
                    ),
                )


def write_jsonld(record: Record) -> Conversion:
    """``record`` as a schema.org/LRMI JSON-LD document, with what it could not hold."""
    return _JsonLdWriter(record).write()
