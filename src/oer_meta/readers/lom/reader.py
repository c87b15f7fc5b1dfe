"""Build a :class:`Record` from one LOM ``<lom>`` element, in either XML binding.

Bindings and dialects.  ``Record.dialect`` names the *binding*: ``ieee-lom`` (the IEEE
1484.12.3 namespace, and LOM roots in other IEEE-style namespaces), ``imsmd`` (IMS
Meta-data 1.2.x: lower-case names, ``langstring``, ``catalogentry``, ``centity``),
``hs-oer-lom`` (its own namespace, IMS style) or ``lom-no-namespace``; for the last one
the binding used for structure checks is told from the element names.  Elements are
matched case-insensitively, so either binding's spelling is read.  The application
*profile* (``scolomfr``, ``lomfr``, ``suplomfr``, ``normetic``, ``nl-lom``...), told from
``metaMetadata.metadataSchema`` and the declared LOM-FR/ScoLOMFR namespaces, is kept as
one :class:`Extension` per profile named :data:`PROFILE_EXTENSION`.

Mapping decisions (where LOM and the record model differ):

* values are trimmed, never case-normalised; an empty title, description, language or
  identifier entry is kept as ``""`` so that rules can call it empty, while empty
  keywords, age ranges, formats, locations and rights strings are skipped;
* ``metaMetadata.identifier`` is kept in ``identifiers`` with ``catalog`` prefixed
  ``metadata:``; ``metaMetadata.contribute`` agents go to ``contributors`` with ``role``
  prefixed ``metadata:`` and their dates have kind ``other``;
* ``lifeCycle.contribute``: role ``publisher`` goes to ``publishers``, any other role to
  ``contributors``; the contribute date is ``created`` for author/creator, ``published``
  for publisher, ``contributed`` otherwise (roles given as concept URIs are matched on
  their last path segment);
* classification taxons and keywords are ``subjects`` (``source`` = the taxon path's
  source, ``id`` = the taxon id, ``value`` = its first entry or else its id), except
  under purpose ``educational level`` (``educational_levels``) and NL-LOM's
  ``access rights`` (``access_conditions``);
* ``rights.description`` gives one :class:`LicenceStatement` per string; the
  ``x-t-cc-url`` tag stays in ``language`` for the licence parser;
* every vocabulary element gives a :class:`Term` in ``vocabulary_terms`` (``element`` is
  the IEEE dotted name in both bindings, ``value`` the raw value, ``labels`` the ScoLOMFR
  labels or HS-OER-LOM entries); the ones the model has a field for are also filed there;
* LOM elements the model has no field for (version, metadataSchema, coverage, size,
  installation remarks, educational description and language, annotations, descriptions
  of dates and durations...) become one :class:`Extension` per non-empty string, named
  by the element's Clark name; foreign (profile) elements become one :class:`Extension`
  each, whose value is their text or a dict of their children.  schema.org
  accessibility elements met as extensions fill ``record.accessibility`` instead.

Structure problems are noted as ``STD002`` (see :mod:`oer_meta.readers.lom.structure`);
vocabulary values and date formats are left to their own rules.
"""

from __future__ import annotations

import re

from lxml import etree

from oer_meta.knowledge.vcard import agent_from_vcard
from oer_meta.knowledge.vocabularies import concept_tail
from oer_meta.model import (
    Agent,
    Annotation,
    DateValue,
    Duration,
    Extension,
    Identifier,
    LicenceStatement,
    Relation,
    Term,
    Text,
)
from oer_meta.readers.draft import RecordDraft
from oer_meta.readers.lom.structure import Binding, LomWalker, Node, PairValue, bindings
from oer_meta.readers.xml.context import XmlRecordContext
from oer_meta.readers.xml.namespaces import (
    HS_OER_LOM,
    IMSMD_ROOT_V1P2P1,
    IMSMD_V1P2,
    LOM_IEEE,
    LOMFR,
    SCOLOMFR,
    split,
)

Element = etree._Element

#: Name of the :class:`Extension` that records an application profile.
PROFILE_EXTENSION = "{urn:oer-meta}profile"


_TERM_FIELDS = {
    "educational.learningResourceType": "learning_resource_types",
    "educational.context": "educational_levels",
    "educational.intendedEndUserRole": "intended_end_user_roles",
    "rights.cost": "cost",
}

#: Classification purposes whose taxons are not subjects (``access rights`` is NL-LOM's).
_PURPOSE_FIELDS = {
    "educational level": "educational_levels",
    "access rights": "access_conditions",
}

_HANDLERS = {
    "general.identifier": "_identifier",
    "general.catalogentry": "_identifier",
    "general.title": "_titles",
    "general.description": "_descriptions",
    "general.keyword": "_keywords",
    "general.language": "_language",
    "lifeCycle.contribute": "_contribute",
    "metaMetadata.identifier": "_identifier",
    "metaMetadata.catalogentry": "_identifier",
    "metaMetadata.contribute": "_contribute",
    "metaMetadata.metadataSchema": "_metadata_schema",
    "metaMetadata.language": "_language",
    "technical.format": "_format",
    "technical.location": "_url",
    "educational.typicalAgeRange": "_age_range",
    "rights.description": "_rights_description",
    "relation": "_relation",
    "classification": "_classification",
    "annotation": "_annotation",
}

#: Element names (exact case) that tell the binding of a record without a known namespace.
_IMS_HINTS = frozenset({"langstring", "catalogentry", "centity", "vcard", "lifecycle"})
_IEEE_HINTS = frozenset({"string", "lifeCycle", "metaMetadata", "entity", "dateTime"})


def build_lom_record(elem: Element, ctx: XmlRecordContext) -> RecordDraft:
    """Read one ``<lom>`` element (any namespace, either binding) into a draft that the
    XML stream completes (OAI-PMH header) and finishes into a :class:`Record`."""
    return _LomReader(elem, ctx).read()


def _dialect(root_ns: str | None, elem: Element) -> tuple[str, str]:
    """``(dialect, binding)`` from the root namespace, else from the element names."""
    if root_ns == LOM_IEEE:
        return "ieee-lom", "ieee"
    if root_ns in (IMSMD_V1P2, IMSMD_ROOT_V1P2P1) or "imsmd" in (root_ns or "").lower():
        return "imsmd", "imsmd"
    if root_ns == HS_OER_LOM:
        return "hs-oer-lom", "imsmd"
    binding = "ieee"
    for node in elem.iter():
        if isinstance(node.tag, str):
            local = split(node.tag)[1]
            if local in _IMS_HINTS or local in _IEEE_HINTS:
                binding = "imsmd" if local in _IMS_HINTS else "ieee"
                break
    if root_ns is None:
        return "lom-no-namespace", binding
    return ("imsmd" if binding == "imsmd" else "ieee-lom"), binding


def _profile_of_schema(value: str) -> str | None:
    """The profile a ``metadataSchema`` value names (``None`` for plain LOM)."""
    name = re.sub(r"[\s_\-]", "", value.lower())
    for needle, profile in (
        ("scolomfr", "scolomfr"),
        ("suplomfr", "suplomfr"),
        ("lomfr", "lomfr"),
        ("normetic", "normetic"),
        ("nllom", "nl-lom"),
        ("lomes", "lom-es"),
        ("hsoerlom", "hs-oer-lom"),
    ):
        if needle in name:
            return profile
    return None


def _role_key(value: str | None) -> str:
    """A role value lower-cased; a concept URI reduced to its last path segment."""
    return concept_tail((value or "").lower())


def _is_uri(value: str) -> bool:
    return value.startswith(("http://", "https://", "urn:"))


class _LomReader(LomWalker):
    """Walks one LOM subtree once and fills the record."""

    def __init__(self, elem: Element, ctx: XmlRecordContext) -> None:
        root_ns = split(str(elem.tag))[0]
        dialect, binding_name = _dialect(root_ns, elem)
        binding: Binding = bindings()[binding_name]
        record = RecordDraft("lom", dialect=dialect, location=ctx.location(elem))
        super().__init__(ctx, record, binding, root_ns)
        self.elem = elem
        self.profiles: dict[str, Element] = {}

    def read(self) -> RecordDraft:
        """Fill and return the draft."""
        for uri in self.elem.nsmap.values():
            if uri in (LOMFR, SCOLOMFR):
                self.profiles.setdefault("lomfr" if uri == LOMFR else "scolomfr", self.elem)
        self._read(self.elem, self.binding.root)
        self._finish()
        return self.record

    def _finish(self) -> None:
        known = set(self.profiles) | {self.record.dialect or ""}
        for profiles, problem in self.pending:
            if not profiles & known:
                self.record.problems.append(problem)
        self.flush_groups()
        for name, where in self.profiles.items():
            self.record.extensions.append(
                Extension(
                    name=PROFILE_EXTENSION,
                    value=name,
                    source_field=self.ctx.field(where),
                    location=self.ctx.location(where),
                )
            )

    def foreign(self, elem: Element) -> None:
        """Note LOM-FR/ScoLOMFR elements as profile evidence, then keep them."""
        ns = split(str(elem.tag))[0]
        if ns in (LOMFR, SCOLOMFR):
            self.profiles.setdefault("lomfr" if ns == LOMFR else "scolomfr", elem)
        super().foreign(elem)

    # -- generic ------------------------------------------------------------------------

    def _read(self, elem: Element, node: Node) -> None:
        handler = _HANDLERS.get(node.dotted)
        if handler is not None:
            getattr(self, handler)(elem, node)
            return
        kind = node.kind
        if kind == "container":
            for child, child_node in self.children(elem, node):
                self._read(child, child_node)
        elif kind == "vocabulary":
            self._term(elem, node)
        elif kind == "langstring":
            self._extensions(elem, node)
        elif kind in ("text", "vcard"):
            value = self.text(elem, node)
            if value:
                self._extension(elem, value)
        elif kind == "datetime":
            self._date(elem, node, "other")
        elif kind == "duration":
            self._duration(elem, node)

    def _extension(self, elem: Element, value: str, where: Element | None = None) -> None:
        """Keep ``value`` under the Clark name of ``elem``, located at ``where``."""
        at = self.ctx.location(elem if where is None else where)
        self.record.extensions.append(
            Extension(
                name=str(elem.tag), value=value, source_field=self.ctx.field(elem), location=at
            )
        )

    def _extensions(self, elem: Element, node: Node) -> None:
        """Keep the non-empty strings of an unmapped LangString, one extension each."""
        for text, where in self.langstrings(elem, node):
            if text.value:
                self._extension(elem, text.value, where)

    def _texts(self, elem: Element, node: Node, *, keep_empty: bool) -> list[Text]:
        """The strings of a LangString as located :class:`Text`; an element without any
        string gives one empty text when ``keep_empty``."""
        found = [
            text
            for text, _ in self.langstrings(elem, node, located=True)
            if text.value or keep_empty
        ]
        if not found and keep_empty:
            field = self.ctx.field(elem)
            found.append(Text(value="", source_field=field, location=self.ctx.location(elem)))
        return found

    def _term(self, elem: Element, node: Node) -> Term | None:
        """A vocabulary element as a :class:`Term`, also filed under its record field."""
        parts = self.vocabulary_parts(elem, node)
        value: str | None = parts.get("value")
        ident: str | None = parts.get("id") or None
        if value is None and ident is None:
            source = parts.get("source")
            found = f"a <source> ({source}) but no <value>" if source else "no <value>"
            self.problem(
                f"{node.dotted} has {found}",
                elem,
                hint="add a <value> holding a term of the vocabulary named in <source>",
                field=node.dotted,
            )
            return None
        if value is None:
            value = ident or ""
        where = parts.get("value_element")
        if where is None:
            where = parts.get("id_element", elem)
        term = Term(
            value=value,
            source=parts.get("source") or None,
            element=node.dotted,
            id=ident or (value if _is_uri(value) else None),
            labels=parts["labels"],
            source_field=self.ctx.field(elem),
            location=self.ctx.location(where),
        )
        self.record.vocabulary_terms.append(term)
        target = _TERM_FIELDS.get(node.dotted)
        if target is not None:
            getattr(self.record, target).append(term)
        elif (
            node.dotted == "rights.copyrightAndOtherRestrictions"
            and self.record.copyright_restrictions is None
        ):
            self.record.copyright_restrictions = term
        return term

    def _date(self, elem: Element, node: Node, kind: str) -> None:
        pair = self.pair(elem, node)
        if pair.element is not None and pair.value is not None:
            where = self.ctx.location(pair.element)
            self.record.dates.append(
                DateValue(
                    value=pair.value, kind=kind, source_field=self.ctx.field(elem), location=where
                )
            )
        self._pair_descriptions(pair)

    def _duration(self, elem: Element, node: Node) -> None:
        pair = self.pair(elem, node)
        if pair.element is not None and pair.value is not None:
            where = self.ctx.location(pair.element)
            self.record.durations.append(
                Duration(
                    value=pair.value,
                    element=node.dotted,
                    source_field=self.ctx.field(elem),
                    location=where,
                )
            )
        self._pair_descriptions(pair)

    def _pair_descriptions(self, pair: PairValue) -> None:
        """Keep the descriptions of a date or duration as extensions."""
        for text, string in pair.descriptions:
            if text.value:
                description = string.getparent()
                self._extension(string if description is None else description, text.value, string)

    # -- general and meta-metadata --------------------------------------------------------

    def _identifier(self, elem: Element, node: Node) -> None:
        metadata = node.dotted.startswith("metaMetadata.")
        catalog: str | None
        entry: str | None
        if node.kind == "text":
            catalog, entry, where = None, self.text(elem, node), elem
        else:
            catalog, entry, where = self._catalog_entry(elem, node)
            if entry is None and catalog is None:
                return
        if metadata:
            catalog = "metadata:" + (catalog or "")
        self.record.identifiers.append(
            Identifier(
                value=entry or "",
                catalog=catalog,
                source_field=self.ctx.field(elem),
                location=self.ctx.location(where),
            )
        )

    def _catalog_entry(self, elem: Element, node: Node) -> tuple[str | None, str | None, Element]:
        """``(catalog, entry, entry element)`` of an identifier or IMS catalogentry."""
        catalog: str | None = None
        entry: str | None = None
        where = elem
        for child, child_node in self.children(elem, node):
            name = child_node.canonical
            if name == "catalog" and catalog is None:
                catalog = self.text(child, child_node)
            elif name == "entry" and entry is None:
                where = child
                if child_node.kind == "langstring":
                    strings = self.langstrings(child, child_node)
                    entry = next((t.value for t, _ in strings if t.value), "")
                else:
                    entry = self.text(child, child_node)
            else:
                self._read(child, child_node)
        return catalog, entry, where

    def _titles(self, elem: Element, node: Node) -> None:
        self.record.titles.extend(self._texts(elem, node, keep_empty=True))

    def _descriptions(self, elem: Element, node: Node) -> None:
        self.record.descriptions.extend(self._texts(elem, node, keep_empty=True))

    def _keywords(self, elem: Element, node: Node) -> None:
        self.record.keywords.extend(self._texts(elem, node, keep_empty=False))

    def _language(self, elem: Element, node: Node) -> None:
        text = Text(
            value=self.text(elem, node),
            source_field=self.ctx.field(elem),
            location=self.ctx.location(elem),
        )
        if node.dotted.startswith("metaMetadata."):
            self.record.metadata_languages.append(text)
        else:
            self.record.languages.append(text)

    def _metadata_schema(self, elem: Element, node: Node) -> None:
        value = self.text(elem, node)
        if value:
            self._extension(elem, value)
            profile = _profile_of_schema(value)
            if profile is not None:
                self.profiles.setdefault(profile, elem)

    # -- life cycle -----------------------------------------------------------------------

    def _contribute(self, elem: Element, node: Node) -> None:
        metadata = node.dotted.startswith("metaMetadata.")
        role: Term | None = None
        entities: list[tuple[Element, Node]] = []
        date_node: tuple[Element, Node] | None = None
        for child, child_node in self.children(elem, node):
            name = child_node.canonical
            if name == "role":
                role = self._term(child, child_node) or role
            elif child_node.kind == "vcard":
                entities.append((child, child_node))
            elif name == "centity":
                for vcard, vcard_node in self.children(child, child_node):
                    if vcard_node.kind == "vcard":
                        entities.append((vcard, vcard_node))
            elif name == "date" and date_node is None:
                date_node = (child, child_node)
            else:
                self._read(child, child_node)
        raw_role = role.value if role is not None else None
        key = _role_key(raw_role)
        if metadata:
            agent_role: str | None = "metadata:" + (raw_role or "")
            kind = "other"
        else:
            agent_role = raw_role
            kind = {"author": "created", "creator": "created", "publisher": "published"}.get(
                key, "contributed"
            )
        publisher = key == "publisher" and not metadata
        agents = self.record.publishers if publisher else self.record.contributors
        for entity, entity_node in entities:
            agent = self._entity(entity, entity_node, agent_role)
            if agent is not None:
                agents.append(agent)
        if date_node is not None:
            self._date(date_node[0], date_node[1], kind)

    def _entity(self, elem: Element, node: Node, role: str | None) -> Agent | None:
        """The agent of a vCard entity, located at its element."""
        return agent_from_vcard(
            self.text(elem, node),
            role,
            source_field=self.ctx.field(elem),
            location=self.ctx.location(elem),
        )

    def _annotation(self, elem: Element, node: Node) -> None:
        """Who commented on the resource's use (the vCard entity, or IMS ``person``) and
        what they wrote; the date is kept among the dates, as before."""
        entity: Agent | None = None
        descriptions: list[Text] = []
        for child, child_node in self.children(elem, node):
            name = child_node.canonical
            if child_node.kind == "vcard" and entity is None:
                entity = self._entity(child, child_node, "annotation")
            elif name == "person":
                for vcard, vcard_node in self.children(child, child_node):
                    if vcard_node.kind == "vcard" and entity is None:
                        entity = self._entity(vcard, vcard_node, "annotation")
            elif name == "description":
                descriptions.extend(self._texts(child, child_node, keep_empty=False))
            else:
                self._read(child, child_node)
        if entity is None and not descriptions:
            return
        self.record.annotations.append(
            Annotation(
                entity=entity,
                descriptions=descriptions,
                source_field=self.ctx.field(elem),
                location=self.ctx.location(elem),
            )
        )

    # -- technical, educational, rights ----------------------------------------------------

    def _format(self, elem: Element, node: Node) -> None:
        value = self.text(elem, node)
        if value:
            self.record.formats.append(
                Text(
                    value=value, source_field=self.ctx.field(elem), location=self.ctx.location(elem)
                )
            )

    def _url(self, elem: Element, node: Node) -> None:
        value = self.text(elem, node)
        if value:
            self.record.urls.append(
                Text(
                    value=value, source_field=self.ctx.field(elem), location=self.ctx.location(elem)
                )
            )

    def _age_range(self, elem: Element, node: Node) -> None:
        self.record.typical_age_ranges.extend(self._texts(elem, node, keep_empty=False))

    def _rights_description(self, elem: Element, node: Node) -> None:
        for text in self._texts(elem, node, keep_empty=False):
            self.record.licences.append(
                LicenceStatement(
                    raw=text.value,
                    source_field=text.source_field,
                    language=text.language,
                    location=text.location,
                )
            )

    # -- relation and classification --------------------------------------------------------

    def _relation(self, elem: Element, node: Node) -> None:
        kind: Term | None = None
        targets: list[str] = []
        titles: list[str] = []
        for child, child_node in self.children(elem, node):
            if child_node.canonical == "kind":
                kind = self._term(child, child_node) or kind
            elif child_node.canonical == "resource":
                self._resource(child, child_node, targets, titles)
            else:
                self._read(child, child_node)
        if kind is None and not any(targets) and not any(titles):
            return  # an empty <relation/> relates nothing
        self.record.relations.append(
            Relation(
                kind=kind.value if kind is not None else "",
                target=next((t for t in targets if t), None),
                title=next((t for t in titles if t), None),
                source_field=self.ctx.field(elem),
                location=self.ctx.location(elem),
            )
        )

    def _resource(self, elem: Element, node: Node, targets: list[str], titles: list[str]) -> None:
        for child, child_node in self.children(elem, node):
            name = child_node.canonical
            if name == "identifier" and child_node.kind == "text":
                targets.append(self.text(child, child_node))
            elif name in ("identifier", "catalogentry"):
                targets.append(self._catalog_entry(child, child_node)[1] or "")
            elif name == "description":
                titles.extend(t.value for t, _ in self.langstrings(child, child_node))
            else:
                self._read(child, child_node)

    def _classification(self, elem: Element, node: Node) -> None:
        purpose: Term | None = None
        terms: list[Term] = []
        for child, child_node in self.children(elem, node):
            name = child_node.canonical
            if name == "purpose":
                purpose = self._term(child, child_node) or purpose
            elif name == "taxonPath":
                self._taxon_path(child, child_node, terms)
            elif name == "keyword":
                for text in self._texts(child, child_node, keep_empty=False):
                    terms.append(
                        Term(
                            value=text.value,
                            element="classification.keyword",
                            labels=[Text(value=text.value, language=text.language)],
                            source_field=text.source_field,
                            location=text.location,
                        )
                    )
            else:
                self._read(child, child_node)
        key = _role_key(purpose.value).replace("_", " ") if purpose is not None else ""
        target = _PURPOSE_FIELDS.get(key, "subjects")
        getattr(self.record, target).extend(terms)

    def _taxon_path(self, elem: Element, node: Node, terms: list[Term]) -> None:
        source: str | None = None
        taxa: list[tuple[Element, Node]] = []
        for child, child_node in self.children(elem, node):
            if child_node.canonical == "source":
                strings = self.langstrings(child, child_node)
                source = source or next((t.value for t, _ in strings if t.value), None)
            elif child_node.canonical == "taxon":
                taxa.append((child, child_node))
            else:
                self._read(child, child_node)
        for taxon, taxon_node in taxa:
            self._taxon(taxon, taxon_node, source, terms)

    def _taxon(self, elem: Element, node: Node, source: str | None, terms: list[Term]) -> None:
        ident = ""
        labels: list[Text] = []
        nested: list[tuple[Element, Node]] = []
        for child, child_node in self.children(elem, node):
            if child_node.canonical == "id":
                ident = ident or self.text(child, child_node)
            elif child_node.canonical == "entry":
                labels.extend(t for t, _ in self.langstrings(child, child_node) if t.value)
            elif child_node.canonical == "taxon":
                nested.append((child, child_node))
            else:
                self._read(child, child_node)
        if ident or labels:
            terms.append(
                Term(
                    value=labels[0].value if labels else ident,
                    source=source,
                    element="classification.taxonPath.taxon",
                    id=ident or None,
                    labels=labels,
                    source_field=self.ctx.field(elem),
                    location=self.ctx.location(elem),
                )
            )
        for child, child_node in nested:
            self._taxon(child, child_node, source, terms)
