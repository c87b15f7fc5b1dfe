"""Write a Record as an ``oai_dc:dc`` document (unqualified Dublin Core, OAI-PMH's
required format), following the LOM to Dublin Core mapping (docs/crosswalks.md).

Unqualified Dublin Core holds fifteen elements of plain text: it keeps names, not
contact details; dates, not which event they date; identifiers, not their catalogs.
Each such loss is reported, value by value, on the :class:`~oer_meta.writers.base.Output`.
"""

from __future__ import annotations

from lxml import etree

from oer_meta.i18n import N_, joined, msg, said
from oer_meta.knowledge.identifiers import identifier_scheme
from oer_meta.model import Agent, Record, Term, Text
from oer_meta.writers.base import (
    CREATOR_ROLES,
    Conversion,
    Output,
    content_values,
    dated,
    element_path,
    is_language_tag,
    role_key,
    xml_text,
)

OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_SCHEMA_LOCATION = f"{OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd"

#: Record fields unqualified Dublin Core has no element for, and why.
_NO_ELEMENT = {
    "metadata_languages": N_("oai_dc has no element for the language of the metadata"),
    "copyright_restrictions": N_(
        "unqualified Dublin Core has no element for LOM's "
        "copyright yes/no; the licence itself goes to dc:rights"
    ),
    "cost": N_("unqualified Dublin Core has no element for the cost"),
    "access_conditions": N_("dcterms:accessRights is not in unqualified Dublin Core"),
    "rights_holders": N_("dcterms:rightsHolder is not in unqualified Dublin Core"),
    "durations": N_(
        "unqualified Dublin Core has no element for a duration (dc:format "
        "would read as a media type)"
    ),
    "educational_levels": N_("dcterms:educationLevel is not in unqualified Dublin Core"),
    "intended_end_user_roles": N_("dcterms:audience is not in unqualified Dublin Core"),
    "typical_age_ranges": N_("unqualified Dublin Core has no element for an age range"),
    "annotations": N_("unqualified Dublin Core has no element for an annotation"),
    "accessibility.access_modes": N_("oai_dc has no accessibility element"),
    "accessibility.access_modes_sufficient": N_("oai_dc has no accessibility element"),
    "accessibility.features": N_("oai_dc has no accessibility element"),
    "accessibility.hazards": N_("oai_dc has no accessibility element"),
    "accessibility.summaries": N_("oai_dc has no accessibility element"),
    "accessibility.apis": N_("oai_dc has no accessibility element"),
    "accessibility.controls": N_("oai_dc has no accessibility element"),
    "accessibility.conforms_to": N_("oai_dc has no accessibility element"),
}

#: Relation kinds (LOM ``isbasedon``, schema.org ``isBasedOn``) that name the source
#: the resource derives from: ``dc:source``.
_SOURCE_KINDS = frozenset({"isbasedon", "isbasedonurl", "source"})


class _DcWriter:
    """Fills one ``oai_dc:dc`` element from a record."""

    def __init__(self, record: Record) -> None:
        self.record = record
        self.out = Output("oai_dc")
        self.root = etree.Element(f"{{{OAI_DC}}}dc", nsmap={"oai_dc": OAI_DC, "dc": DC, "xsi": XSI})
        self.root.set(f"{{{XSI}}}schemaLocation", _SCHEMA_LOCATION)
        self._identifiers: set[str] = set()

    def element(self, name: str, field: str, value: str, language: str | None = None) -> None:
        """One ``dc:<name>`` holding ``value`` (written for Record field ``field``)."""
        child = etree.SubElement(self.root, f"{{{DC}}}{name}")
        child.text = xml_text(self.out, field, value)
        if language:
            if is_language_tag(language):
                child.set(XML_LANG, language.strip())
            else:
                self.out.drop(
                    field,
                    f"{value} [{language}]",
                    said(
                        "xml:lang takes a language tag; the value was written without its language"
                    ),
                )
        self.out.wrote(field)

    def texts(self, name: str, field: str, texts: tuple[Text, ...]) -> None:
        for text in texts:
            self.element(name, field, text.value, text.language)

    def write(self) -> Conversion:
        r = self.record
        self.texts("title", "titles", r.titles)
        self._agents()
        self.texts("subject", "keywords", r.keywords)
        for term in r.subjects:
            self._subject(term)
        self.texts("description", "descriptions", r.descriptions)
        for date in r.dates:
            self.element("date", "dates", date.value)
            if date.kind not in ("other", "datestamp"):
                self.out.drop(
                    "dates",
                    dated(date),
                    said("dc:date does not say which event the date is of"),
                )
        for term in r.learning_resource_types:
            self.element("type", "learning_resource_types", term.value)
            self._term_detail("learning_resource_types", term)
        self.texts("format", "formats", r.formats)
        self._identifiers_and_urls()
        for text in r.languages:
            self.element("language", "languages", text.value)
        self._relations()
        self._extensions()
        for statement in r.licences:
            self.element("rights", "licences", statement.raw, statement.language)
            if statement.applies_to:
                self.out.drop(
                    "licences",
                    said("{value} (for {part})", value=statement.raw, part=statement.applies_to),
                    said("dc:rights does not say which part of the resource it is for"),
                )
        for unfiled in content_values(r, "vocabulary_terms"):
            assert isinstance(unfiled, Term)
            self.out.drop(
                "vocabulary_terms",
                f"{unfiled.element}: {unfiled.value}",
                said("unqualified Dublin Core has no element for it"),
            )
        for field, reason in _NO_ELEMENT.items():
            for value in content_values(r, field):
                self.out.drop(field, _shown(value), said(reason))
        document = etree.tostring(
            self.root, xml_declaration=True, encoding="UTF-8", pretty_print=True
        ).decode("utf-8")
        return self.out.finish(r, document)

    def _agents(self) -> None:
        for agent in self.record.contributors:
            key = role_key(agent.role)
            if key.startswith("metadata:") or (agent.role or "").startswith("metadata:"):
                self.out.drop(
                    "contributors",
                    f"{_agent_name(agent)} ({agent.role})",
                    said(
                        "contributes to the metadata record, not to the resource; "
                        "oai_dc has no element for it"
                    ),
                )
                continue
            name = "creator" if key in CREATOR_ROLES else "contributor"
            self._agent(name, "contributors", agent)
            if name == "contributor" and key not in ("", "contributor"):
                self.out.drop(
                    "contributors",
                    f"{_agent_name(agent)} ({agent.role})",
                    said("dc:contributor does not say the role"),
                )
        for agent in self.record.publishers:
            self._agent("publisher", "publishers", agent)

    def _agent(self, element: str, field: str, agent: Agent) -> None:
        if not agent.name:
            self.out.drop(
                field,
                _agent_name(agent),
                said("Dublin Core names an agent by its name, and this one has none"),
            )
            return
        self.element(element, field, agent.name)
        details = [
            label
            for label, present in (
                (msg("e-mail"), agent.email),
                (msg("telephone"), agent.telephone),
                (msg("address"), agent.address),
                (msg("identifier"), agent.identifiers),
                (msg("affiliation"), agent.affiliation),
                (msg("kind {kind}", kind=agent.kind), agent.kind),
            )
            if present
        ]
        if details:
            self.out.drop(
                field,
                said("{name}: {details}", name=agent.name, details=joined(", ", details)),
                said("{element} holds the agent's name only", element=f"dc:{element}"),
            )

    def _subject(self, term: Term) -> None:
        label = next((t for t in term.labels if t.value), None)
        value = label.value if label is not None else term.value
        self.element("subject", "subjects", value, label.language if label else None)
        self._term_detail("subjects", term)

    def _term_detail(self, field: str, term: Term) -> None:
        """Say what a vocabulary term loses as plain text: its scheme and concept URI."""
        lost = [part for part in (term.source, term.id) if part and part != term.value]
        if lost:
            self.out.drop(
                field,
                f"{term.value} ({', '.join(lost)})",
                said("unqualified Dublin Core keeps the term, not its vocabulary or concept URI"),
            )

    def _identifiers_and_urls(self) -> None:
        for ident in self.record.identifiers:
            catalog = ident.catalog or ""
            if catalog.startswith("metadata:"):
                self.out.drop(
                    "identifiers",
                    ident.value,
                    said(
                        "identifies the metadata record, "
                        "not the resource; oai_dc has no element for it"
                    ),
                )
                continue
            if catalog == "oai":
                self.out.drop(
                    "identifiers",
                    ident.value,
                    said("an OAI-PMH identifier belongs in the OAI-PMH header, not in the record"),
                )
                continue
            if not ident.value.strip():
                self.out.drop(
                    "identifiers",
                    said("(empty, catalog {catalog})", catalog=catalog),
                    said("an empty identifier identifies nothing"),
                )
                continue
            self._identifier("identifiers", ident.value)
            shown = identifier_scheme(ident.value.strip())
            if catalog and catalog.lower() != (shown or ""):
                self.out.drop(
                    "identifiers",
                    said("{value} (catalog {catalog})", value=ident.value, catalog=catalog),
                    said("dc:identifier does not say the catalog"),
                )
        for url in self.record.urls:
            self._identifier("urls", url.value)

    def _identifier(self, field: str, value: str) -> None:
        if value.strip() in self._identifiers:
            self.out.wrote(field)  # the same value is already a dc:identifier
            return
        self._identifiers.add(value.strip())
        self.element("identifier", field, value)

    def _relations(self) -> None:
        for relation in self.record.relations:
            target = relation.target or relation.title
            if not target:
                self.out.drop("relations", relation.kind, said("the relation names no resource"))
                continue
            kind = relation.kind.strip().lower()
            element = "source" if kind in _SOURCE_KINDS else "relation"
            self.element(element, "relations", target)
            if element == "relation" and kind:
                self.out.drop(
                    "relations",
                    f"{target} ({relation.kind})",
                    said("dc:relation does not say the kind of relation"),
                )
            if relation.target and relation.title:
                self.out.drop(
                    "relations",
                    relation.title,
                    said("Dublin Core names the related resource once; its identifier was written"),
                )
            for statement in relation.licences:
                self.out.drop(
                    "relations",
                    f"{target}: {statement.raw}",
                    said("Dublin Core cannot state a related resource's licence"),
                )

    def _extensions(self) -> None:
        for ext in content_values(self.record, "extensions"):
            name = getattr(ext, "name", "")
            value = getattr(ext, "value", None)
            if name.endswith("}coverage") and isinstance(value, str) and value.strip():
                self.element("coverage", "extensions", value)
            else:
                self.out.drop(
                    "extensions",
                    f"{element_path(getattr(ext, 'source_field', None), name)}: {value}",
                    said(
                        "an element oer_meta reads "
                        "but does not map; unqualified Dublin Core has no place for it"
                    ),
                )


def _agent_name(value: object) -> str:
    """An agent's name, or what identifies it when it has none."""
    if isinstance(value, Agent):
        return value.name or next(iter(value.email), None) or said("(no name)")
    return str(value)


def _shown(value: object) -> str:
    """A value of a field oai_dc has no element for, as the not-written line shows it:
    a term's or a text's value (an empty one said so), an agent's name."""
    text = getattr(value, "value", None)
    if isinstance(text, str):
        return text if text.strip() else said("(empty)")
    return _agent_name(value)


def write_oai_dc(record: Record) -> Conversion:
    """``record`` as an ``oai_dc:dc`` document, with what it could not hold."""
    return _DcWriter(record).write()
