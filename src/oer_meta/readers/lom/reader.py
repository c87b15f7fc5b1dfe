"""Build a :class:`Record` from one LOM ``<lom>`` element, in either XML binding.

Bindings and dialects.  ``Record.dialect`` names the *binding*: ``ieee-lom`` (the IEEE
1484.12.3 namespace, and LOM roots in other IEEE-style namespaces), ``imsmd`` (IMS
Meta-data 1.2.x: lower-case names, ``langstring``, ``catalogentry``, ``centity``),
``hs-oer-lom`` (its own namespace, IMS style), ``lom-no-namespace``, or ``ilox`` (the
LOM facets of one ILOX work, read as one record: :func:`build_ilox_record`); for a
root outside the IEEE and IMS namespaces the binding used for structure checks is told
from the element names.  Elements are matched case-insensitively, so either binding's
spelling is read.  A record whose element names all belong to the other binding than
its namespace's (IEEE names under the IMS namespace, or the reverse) is read by its
names, with one ``STD002`` note saying so; so is a record whose elements are in no
namespace while its root declares the LOM namespace only under a prefix.

Application profiles.  The *profiles* a record declares or is recognised as
(``lom-es``, ``scolomfr``, ``lomfr``, ``suplomfr``, ``normetic``, ``nl-lom``,
``hs-oer-lom``...; see :mod:`oer_meta.knowledge.lom_profiles`) are told from
``metaMetadata.metadataSchema``, from the profile namespaces declared or used, and from
the vocabulary sources of the record; they are ``Record.profiles`` and, as before, one
:class:`Extension` per profile named :data:`PROFILE_EXTENSION`.  Structure problems that
a profile excuses are dropped once the profiles are known.

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

from typing import Any

from lxml import etree

from oer_meta.i18n import said
from oer_meta.knowledge.lom_profiles import (
    profile_of_namespace,
    profile_of_schema,
    profile_of_source,
)
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
from oer_meta.readers.lom.ilox import is_ilox_root, read_ilox
from oer_meta.readers.lom.structure import Binding, LomWalker, Node, PairValue, bindings
from oer_meta.readers.xml.context import XmlRecordContext
from oer_meta.readers.xml.namespaces import (
    HS_OER_LOM,
    IMSMD_ROOT_V1P2P1,
    IMSMD_V1P2,
    LOM_IEEE,
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
    "rights.access.accessType": "access_conditions",  # LOM-ES's access (universal or not)
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

#: Element names (exact case) that only one binding uses: they tell the binding of a
#: record without a known namespace, and a record named in the other binding than its
#: namespace's.
_IMS_HINTS = frozenset({"langstring", "catalogentry", "centity", "vcard", "lifecycle"})
_IEEE_HINTS = frozenset({"string", "lifeCycle", "metaMetadata", "entity", "dateTime"})
_HINTS = {"ieee": _IEEE_HINTS, "imsmd": _IMS_HINTS}
_DIALECTS = {"ieee": "ieee-lom", "imsmd": "imsmd"}
#: The namespaces of the two bindings, as messages name them.
_BINDING_NAMESPACES = {
    LOM_IEEE: "ieee",
    IMSMD_V1P2: "imsmd",
    IMSMD_ROOT_V1P2P1: "imsmd",
}


def build_lom_record(elem: Element, ctx: XmlRecordContext) -> RecordDraft:
    """Read one ``<lom>`` element (any namespace, either binding), or one ILOX work, into
    a draft that the XML stream completes (OAI-PMH header) and finishes into a
    :class:`Record`."""
    if is_ilox_root(elem):
        return build_ilox_record(elem, ctx)
    return _LomReader(elem, ctx).read()


def build_ilox_record(elem: Element, ctx: XmlRecordContext) -> RecordDraft:
    """One record from the LOM facets of an ILOX work (dialect ``ilox``): each facet is
    read like a ``<lom>`` record into the same draft; the held-back structure problems
    are decided once, by the profiles of all of them."""
    record = RecordDraft("lom", dialect="ilox", location=ctx.location(elem))
    facets: list[_LomReader] = []

    def read_facet(lom: Element) -> None:
        facet = _LomReader(lom, ctx, record)
        facet.walk()
        facets.append(facet)

    read_ilox(elem, ctx, record, read_facet)
    profiles: dict[str, Element] = {}
    for facet in facets:
        for name, where in facet.profiles.items():
            profiles.setdefault(name, where)
    if facets:
        facets[0].finish(profiles)
        known = set(record.profiles) | {"ilox"}
        for facet in facets[1:]:
            facet.finish_problems(known)
    seen: set[tuple[str | None, str]] = set()
    unique = []  # the work's identifier is usually repeated in its main facet
    for ident in record.identifiers:
        if (ident.catalog, ident.value) not in seen:
            seen.add((ident.catalog, ident.value))
            unique.append(ident)
    record.identifiers[:] = unique
    return record


def _namespace_binding(root_ns: str | None) -> str | None:
    """The binding a root namespace claims (``None``: no binding's namespace)."""
    found = _BINDING_NAMESPACES.get(root_ns or "")
    if found is None and "imsmd" in (root_ns or "").lower():
        return "imsmd"
    return found


def _names_binding(elem: Element, claimed: str | None) -> tuple[str | None, str | None]:
    """``(binding, first name)`` of the element names: the binding whose distinctive
    names occur, when the other's do not.  With a ``claimed`` binding, reading stops at
    the first of its own names (the usual case: nothing to tell)."""
    found: dict[str, str] = {}
    for node in elem.iter():
        tag = node.tag
        if not isinstance(tag, str):
            continue
        local = split(tag)[1]
        for binding, hints in _HINTS.items():
            if local in hints:
                found.setdefault(binding, local)
                if binding == claimed:
                    return claimed, local
        if claimed is None and found:
            break
    if len(found) == 1:
        [(binding, first)] = found.items()
        return binding, first
    return None, None


def _dialect(root_ns: str | None, elem: Element) -> tuple[str, str, str | None]:
    """``(dialect, binding, first name)``: from the root namespace, else from the element
    names; ``first name`` is set when the names belong to the other binding than the
    namespace's (the record is then read in the binding of its names)."""
    if root_ns == HS_OER_LOM:
        return "hs-oer-lom", "imsmd", None
    claimed = _namespace_binding(root_ns)
    named, first = _names_binding(elem, claimed)
    if claimed is not None:
        if named is not None and named != claimed:
            return _DIALECTS[named], named, first
        return _DIALECTS[claimed], claimed, None
    binding = named or "ieee"
    if root_ns is None:
        return "lom-no-namespace", binding, None
    return _DIALECTS[binding], binding, None


def _role_key(value: str | None) -> str:
    """A role value lower-cased; a concept URI reduced to its last path segment."""
    return concept_tail((value or "").lower())


def _is_uri(value: str) -> bool:
    return value.startswith(("http://", "https://", "urn:"))


class _LomReader(LomWalker):
    """Walks one LOM subtree once and fills the record."""

    def __init__(
        self, elem: Element, ctx: XmlRecordContext, record: RecordDraft | None = None
    ) -> None:
        root_ns = split(str(elem.tag))[0]
        dialect, binding_name, named_by = _dialect(root_ns, elem)
        binding: Binding = bindings()[binding_name]
        if record is None:
            record = RecordDraft("lom", dialect=dialect, location=ctx.location(elem))
        super().__init__(ctx, record, binding, root_ns)
        self.elem = elem
        self.profiles: dict[str, Element] = {}
        if named_by is not None:
            self._names_of_other_binding(named_by)
        elif root_ns is None:
            self._undeclared_namespace()

    def read(self) -> RecordDraft:
        """Fill and return the draft."""
        self.walk()
        self.finish(self.profiles)
        return self.record

    def walk(self) -> None:
        """Read the ``<lom>`` subtree into the draft (profiles noted, problems held)."""
        for uri in self.elem.nsmap.values():
            profile = profile_of_namespace(uri)
            if profile is not None:
                self.profiles.setdefault(profile, self.elem)
        self._read(self.elem, self.binding.root)

    def finish(self, profiles: dict[str, Element]) -> None:
        """Decide the held-back problems by ``profiles`` (with those the vocabulary
        sources name added) and record the profiles."""
        for term in self.record.vocabulary_terms:
            profile = profile_of_source(term.source)
            if profile is not None and profile not in profiles:
                profiles[profile] = self.elem
        known = set(profiles) | {self.record.dialect or ""}
        self.finish_problems(known)
        for name, where in profiles.items():
            if name in self.record.profiles:
                continue
            self.record.profiles.append(name)
            self.record.extensions.append(
                Extension(
                    name=PROFILE_EXTENSION,
                    value=name,
                    source_field=self.ctx.field(where),
                    location=self.ctx.location(where),
                )
            )

    def _names_of_other_binding(self, first: str) -> None:
        """One note for a record named in the other binding than its namespace's."""
        claimed = bindings()["imsmd" if self.binding.name == "ieee" else "ieee"]
        self.problem(
            said(
                "the elements of this record are named as in the {binding} (<{first}>...) "
                "but are in the namespace of the {claimed} ({namespace}); oer_meta read them "
                "by their names",
                binding=self.binding.title,
                first=first,
                claimed=claimed.title,
                namespace=self.root_ns,
            ),
            self.elem,
            hint=said(
                "write the record in one binding: keep these names in their binding's "
                "namespace, or rename the elements as the namespace's binding spells them"
            ),
        )

    def _undeclared_namespace(self) -> None:
        """One note for elements in no namespace under a root that declares the LOM
        namespace only under a prefix (``xmlns:imsmd="http://ltsc.ieee.org/xsd/LOM"``)."""
        for prefix, uri in self.elem.nsmap.items():
            binding = _namespace_binding(uri) if prefix else None
            if binding is None:
                continue
            title = bindings()[binding].title
            self.problem(
                said(
                    "<lom> and its elements are in no namespace: the root declares the "
                    "namespace of the {binding} ({uri}) only under the prefix {prefix!r}, "
                    "which no element uses; oer_meta read the record by its element names",
                    binding=title,
                    uri=uri,
                    prefix=prefix,
                ),
                self.elem,
                hint=said(
                    "declare it as the default namespace ({declaration}) or prefix every "
                    "element with {prefix}:",
                    declaration=f'xmlns="{uri}"',
                    prefix=prefix,
                ),
            )
            return

    def foreign(self, elem: Element) -> None:
        """Note profile elements (LOM-FR, ScoLOMFR...) as profile evidence, then keep them."""
        profile = profile_of_namespace(split(str(elem.tag))[0])
        if profile is not None:
            self.profiles.setdefault(profile, elem)
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
        """A vocabulary element as a :class:`Term`, also filed under its record field;
        an element holding several values gives one term each (the first is returned)."""
        every = self.vocabulary_pairs(elem, node)
        pairs = [p for p in every if "value" in p or "id" in p]
        if not pairs:
            source = every[0].get("source")
            self.problem(
                said(
                    "{field} has a <source> ({source}) but no <value>",
                    field=node.dotted,
                    source=source,
                )
                if source
                else said("{field} has no <value>", field=node.dotted),
                elem,
                hint=said("add a <value> holding a term of the vocabulary named in <source>"),
                field=node.dotted,
            )
            return None
        terms = [self._pair_term(elem, node, parts) for parts in pairs]
        return terms[0]

    def _pair_term(self, elem: Element, node: Node, parts: dict[str, Any]) -> Term:
        ident: str | None = parts.get("id") or None
        value: str = parts.get("value", ident or "")
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
            profile = profile_of_schema(value)
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
        if purpose is not None and (purpose.id or purpose.value).strip():
            written = (purpose.id or purpose.value).strip()
            terms = [term.model_copy(update={"purpose": written}) for term in terms]
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
