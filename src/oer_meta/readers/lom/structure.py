"""The LOM element tree, and a walker that checks each element against it while reading.

The tree (``oer_meta/data/lom_elements.json``) lists, for the IEEE 1484.12.3 binding and
the IMS Meta-data 1.2 binding, which children each element may have and whether they
may repeat.  :class:`LomWalker` iterates an element's children once, in document order,
and on the way notes ``STD002`` problems: an element the binding does not allow at that
place, a non-repeatable element repeated, a value in the wrong datatype, names spelled
with the wrong case, elements of the other binding, and LOM elements in another
namespace than their ``<lom>`` root.  Elements in foreign namespaces are profile
extensions: they are kept as :class:`Extension` and never judged.

Application profiles are part of the table too: the children a profile adds in the LOM
namespace (``profile_additions``: ScoLOMFR's ``label``, LOM-ES's ``cognitiveProcess`` and
``rights/access``...) are read in every record, and the rules a profile relaxes
(``profile_rules``: NL-LOM repeats ``educational`` in the IMS namespace, HS-OER-LOM types
some LangStrings as plain text) are applied as written.  Either way the problem is held
back and dropped when the record turns out to be of that profile, which is known only
once it has been read (:meth:`LomWalker.finish_problems`).  Messages name the binding or
profile whose rule they apply.

Problems that would repeat on every string of a record (spelling, namespace, binding
mix) are reported once per record with a count, at the first occurrence.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import Any

from lxml import etree

from oer_meta.i18n import N_, joined, msg, said
from oer_meta.knowledge.data_files import load_data
from oer_meta.knowledge.lom_profiles import profile_title
from oer_meta.model import Extension, Problem, Text
from oer_meta.readers.draft import RecordDraft
from oer_meta.readers.xml.accessibility import read_extension
from oer_meta.readers.xml.context import XmlRecordContext, text_of
from oer_meta.readers.xml.namespaces import (
    HS_OER_LOM,
    IMSMD_ROOT_V1P2P1,
    IMSMD_V1P2,
    LOM_IEEE,
    XML_LANG,
    split,
)

RULE = "STD002"

#: Namespaces whose elements are LOM elements wherever they occur in a record (besides
#: the namespace of the record's own ``<lom>`` root).
LOM_NAMESPACES = frozenset({LOM_IEEE, IMSMD_V1P2, IMSMD_ROOT_V1P2P1, HS_OER_LOM, None})

Element = etree._Element

_STRING_WRAPPERS = {"ieee": "<string language=...>", "imsmd": "<langstring xml:lang=...>"}

#: Which Record attribute a LOM element's values fill (IEEE dotted names, lower-cased;
#: the longest matching prefix wins).  Problems name it as their ``field``.
_RECORD_FIELDS = {
    "general.identifier": "identifiers",
    "general.catalogentry": "identifiers",
    "general.title": "titles",
    "general.description": "descriptions",
    "general.keyword": "keywords",
    "general.language": "languages",
    "lifecycle.contribute": "contributors",
    "lifecycle.contribute.date": "dates",
    "metametadata.identifier": "identifiers",
    "metametadata.catalogentry": "identifiers",
    "metametadata.contribute": "contributors",
    "metametadata.contribute.date": "dates",
    "metametadata.language": "metadata_languages",
    "technical.format": "formats",
    "technical.location": "urls",
    "technical.duration": "durations",
    "educational.learningresourcetype": "learning_resource_types",
    "educational.context": "educational_levels",
    "educational.intendedenduserrole": "intended_end_user_roles",
    "educational.typicalagerange": "typical_age_ranges",
    "educational.typicallearningtime": "durations",
    "rights.cost": "cost",
    "rights.copyrightandotherrestrictions": "copyright_restrictions",
    "rights.description": "licences",
    "relation": "relations",
    "classification": "subjects",
}
#: The top-level containers: a problem about one concerns no single attribute.
_CONTAINERS = frozenset(
    {"", "general", "lifecycle", "metametadata", "technical", "educational", "rights"}
)


def record_field(dotted: str | None, binding: Binding | None = None) -> str | None:
    """The Record attribute a LOM element (IEEE dotted name) fills: ``titles`` for
    ``general.title``; ``vocabulary_terms`` for another vocabulary element, ``extensions``
    for another leaf, ``None`` for a top-level container."""
    if dotted is None:
        return None
    key = dotted.lower()
    if key in _CONTAINERS:
        return None
    probe = key
    while probe:
        found = _RECORD_FIELDS.get(probe)
        if found is not None:
            return found
        probe = probe.rpartition(".")[0]
    node = binding.by_dotted.get(dotted) if binding is not None else None
    if node is not None and node.kind == "vocabulary":
        return "vocabulary_terms"
    return "extensions"


@dataclass(eq=False)
class Node:
    """One element of the LOM tree in one binding.

    ``canonical`` is the IEEE spelling when the element has an IEEE counterpart, so that
    ``dotted`` paths (``educational.intendedEndUserRole``) are the same in both bindings.
    ``extra`` holds children that only some application profiles allow (by lower-case
    name); ``repeat_profiles`` the profiles that let a non-repeatable element repeat, and
    ``text_profiles`` those that type a LangString as plain text.
    """

    name: str
    canonical: str
    dotted: str
    kind: str
    repeat: bool
    binding: str
    children: dict[str, Node] = field(default_factory=dict)
    extra: dict[str, tuple[Node, frozenset[str]]] = field(default_factory=dict)
    repeat_profiles: frozenset[str] = frozenset()
    text_profiles: frozenset[str] = frozenset()
    #: the profiles that add this element (with its children) to the binding
    added_by: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Binding:
    """A LOM XML binding: its tree, and where each element name may occur."""

    name: str
    title: str
    root: Node
    by_dotted: dict[str, Node]
    places: dict[str, tuple[str, ...]]


@cache
def bindings() -> dict[str, Binding]:
    """The ``ieee`` and ``imsmd`` bindings, loaded once from the packaged JSON."""
    data = load_data("lom_elements.json")
    ieee = data["bindings"]["ieee"]
    ieee_names = _names(ieee["tree"])
    for datatype in ieee["datatypes"].values():
        _names(datatype, ieee_names)
    additions = data["profile_additions"]
    rules = data["profile_rules"]
    built: dict[str, Binding] = {}
    for name, spec in data["bindings"].items():
        builder = _TreeBuilder(name, spec["datatypes"], ieee_names, additions, rules)
        root = Node("lom", "lom", "", "container", False, name)
        builder.fill(root, spec["tree"])
        built[name] = Binding(name, spec["title"], root, builder.by_dotted, builder.frozen_places())
    return built


def _names(tree: dict[str, Any], found: dict[str, str] | None = None) -> dict[str, str]:
    """Lower-case name -> spelling, for every element of ``tree``."""
    found = {} if found is None else found
    for key, spec in tree.items():
        found.setdefault(key.lower(), key)
        _names(spec.get("children", {}), found)
    return found


class _TreeBuilder:
    """Turns the JSON tree of one binding into :class:`Node` objects."""

    def __init__(
        self,
        binding: str,
        datatypes: dict[str, dict[str, Any]],
        ieee_names: dict[str, str],
        additions: dict[str, Any],
        rules: dict[str, Any],
    ) -> None:
        self.binding = binding
        self.datatypes = datatypes
        self.ieee_names = ieee_names
        self.vocabulary_additions: dict[str, dict[str, Any]] = additions["vocabulary"]
        self.element_additions: dict[str, dict[str, Any]] = additions.get("elements", {})
        self.repeats: dict[str, list[str]] = rules.get("repeat", {}).get(binding, {})
        self.plain_text: dict[str, list[str]] = rules.get("plain_text", {})
        self.by_dotted: dict[str, Node] = {}
        self.places: dict[str, list[str]] = {}

    def fill(self, parent: Node, children: dict[str, Any], *, in_datatype: bool = False) -> None:
        for name, spec in children.items():
            child = self.node(parent, name, spec)
            parent.children[name.lower()] = child
            if not in_datatype:
                self.places.setdefault(name.lower(), []).append(child.dotted)

    def node(self, parent: Node, name: str, spec: dict[str, Any]) -> Node:
        canonical = spec.get("same_as") or self.ieee_names.get(name.lower(), name)
        dotted = spec.get("dotted") or ".".join(p for p in (parent.dotted, canonical) if p)
        kind = spec.get("type", "container")
        node = Node(name, canonical, dotted, kind, bool(spec.get("repeat")), self.binding)
        node.added_by = frozenset(spec.get("profiles", ())) or parent.added_by
        node.repeat_profiles = frozenset(self.repeats.get(dotted, ()))
        node.text_profiles = frozenset(self.plain_text.get(dotted, ()))
        self.by_dotted.setdefault(dotted, node)
        if "children" in spec:
            self.fill(node, spec["children"])
            if spec.get("recursive"):
                node.children[name.lower()] = node
        elif kind in self.datatypes:
            self.fill(node, self.datatypes[kind], in_datatype=True)
        added = dict(self.element_additions.get(dotted, {}))
        if kind == "vocabulary":
            added.update(self.vocabulary_additions)
        for extra_name, extra in added.items():
            extra_node = self.node(node, extra_name, extra)
            node.extra[extra_name.lower()] = (extra_node, frozenset(extra["profiles"]))
        return node

    def frozen_places(self) -> dict[str, tuple[str, ...]]:
        return {k: tuple(v) for k, v in self.places.items()}


@dataclass
class _Group:
    """A problem noted once per record, with how often it occurred."""

    message: str
    hint: str | None
    field: str | None
    first: Element
    count: int = 1
    #: the profiles under which this is no problem
    profiles: frozenset[str] = frozenset()


@dataclass
class PairValue:
    """What a LOM DateTime or Duration holds: the value element and its descriptions."""

    value: str | None = None
    element: Element | None = None
    descriptions: list[tuple[Text, Element]] = field(default_factory=list)


class LomWalker:
    """Iterates LOM elements with structure checks; the reader subclasses it."""

    def __init__(
        self, ctx: XmlRecordContext, record: RecordDraft, binding: Binding, root_ns: str | None
    ) -> None:
        self.ctx = ctx
        self.record = record
        self.binding = binding
        other = "imsmd" if binding.name == "ieee" else "ieee"
        self.other = bindings()[other]
        self.root_ns = root_ns
        self.lom_namespaces = LOM_NAMESPACES | {root_ns}
        # IMS MD names are all lower case; the IEEE names are camelCase.  HS-OER-LOM and
        # records without namespace mix both spellings, so only these two are checked.
        self.check_case = binding.name == "ieee" or root_ns in (IMSMD_V1P2, IMSMD_ROOT_V1P2P1)
        self.groups: dict[tuple[str, str], _Group] = {}
        self.pending: list[tuple[frozenset[str], Problem]] = []

    # -- problems -------------------------------------------------------------------

    def rule_of(self, node: Node) -> str:
        """Whose rule a structure message applies: the profile that adds the element,
        else the record's binding (``the IEEE 1484.12.3 LOM XML binding``)."""
        if node.added_by:
            names = joined(N_(" and "), [profile_title(p) for p in sorted(node.added_by)])
            return said("the {names} profile", names=names)
        return said("the {binding}", binding=self.binding.title)

    def problem(
        self, message: str, elem: Element, *, hint: str | None = None, field: str | None = None
    ) -> None:
        """Note a structure problem at ``elem``; ``field`` is the LOM dotted name, noted
        as the Record attribute it fills."""
        self.record.problems.append(self._make(message, elem, hint=hint, field=field))

    def group(
        self,
        key: tuple[str, str],
        message: str,
        elem: Element,
        *,
        hint: str,
        field: str | None,
        profiles: frozenset[str] = frozenset(),
    ) -> None:
        """Note a problem once per record; later occurrences only count.  ``profiles``:
        the profiles under which it is none (decided at the end)."""
        found = self.groups.get(key)
        if found is None:
            self.groups[key] = _Group(message, hint, field, elem, profiles=profiles)
        else:
            found.count += 1

    def hold(self, profiles: frozenset[str], problem: Problem) -> None:
        """Keep ``problem`` back until the record's profiles are known: it is dropped
        when the record is of one of ``profiles``."""
        self.pending.append((profiles, problem))

    def finish_problems(self, profiles: set[str]) -> None:
        """Note the held-back and grouped problems that the record's ``profiles`` do not
        excuse (call once, when the whole record has been read)."""
        for excused_by, problem in self.pending:
            if not excused_by & profiles:
                self.record.problems.append(problem)
        self.pending.clear()
        for group in self.groups.values():
            if group.profiles & profiles:
                continue
            message = group.message
            if group.count > 1:
                message = said(
                    "{message} ({count} times in this record; the first is located)",
                    message=message,
                    count=group.count,
                )
            self.problem(message, group.first, hint=group.hint, field=group.field)
        self.groups.clear()

    # -- children ---------------------------------------------------------------------

    def children(self, elem: Element, node: Node) -> Iterator[tuple[Element, Node]]:
        """The LOM children of ``elem`` with their tree nodes, checked on the way.

        A child whose local name LOM allows at this place is LOM whatever its namespace
        (records inherit stray default namespaces); other foreign-namespace children
        become extensions; LOM elements the binding does not
        know at this place are reported and kept as extensions, and not yielded.
        """
        counts: dict[str, int] = {}
        paired = False
        for child in elem:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            ns, local = split(tag)
            key = local.lower()
            found = node.children.get(key)
            if ns not in self.lom_namespaces and found is None:
                self.foreign(child)
                continue
            if found is None:
                found = self._fallback(child, local, key, node)
                if found is None:
                    continue
            elif self.check_case and local != found.name:
                self._wrong_case(child, local, found)
            if ns != self.root_ns:
                self._wrong_namespace(child, ns, local)
            seen = counts.get(key, 0) + 1
            counts[key] = seen
            if seen == 2 and not found.repeat:
                if node.kind in _PAIRED:
                    if not paired:
                        self._repeated_pair(child, node)
                        paired = True
                else:
                    self._repeated(child, local, found, elem)
            yield child, found

    def _fallback(self, child: Element, local: str, key: str, node: Node) -> Node | None:
        extra = node.extra.get(key)
        if extra is not None:
            added, profiles = extra
            names = joined(N_(" or "), [profile_title(p) for p in sorted(profiles)])
            where = (
                msg("a LOM vocabulary element") if node.kind == "vocabulary" else f"<{node.name}>"
            )
            self.hold(
                profiles,
                self._make(
                    said(
                        "<{element}> is not part of {where} ({dotted}) in the "
                        "{binding}; only the {names} profile adds it",
                        element=local,
                        where=where,
                        dotted=node.dotted,
                        binding=self.binding.title,
                        names=names,
                    ),
                    child,
                    hint=said(
                        "name the {names} profile in metaMetadata.metadataSchema, or drop "
                        "the element; oer_meta read it as the profile defines it",
                        names=names,
                    ),
                    field=added.dotted,
                ),
            )
            return added
        counterpart = self.other.by_dotted.get(node.dotted) if node.dotted else self.other.root
        found = counterpart.children.get(key) if counterpart is not None else None
        if found is not None and counterpart is not None:
            self.group(
                ("binding", key),
                said(
                    "<{element}> belongs to the {other}, but this record uses the {binding}",
                    element=local,
                    other=self.other.title,
                    binding=self.binding.title,
                ),
                child,
                hint=said("write the record in one binding; oer_meta read the element anyway"),
                field=found.dotted,
            )
            return found
        self._misplaced(child, local, key, node)
        return None

    def _make(self, message: str, elem: Element, *, hint: str | None, field: str | None) -> Problem:
        return Problem(
            rule=RULE,
            message=message,
            hint=hint,
            field=record_field(field, self.binding),
            source_field=self.ctx.field(elem),
            location=self.ctx.location(elem),
        )

    def _misplaced(self, child: Element, local: str, key: str, node: Node) -> None:
        here = f"<{node.name}>" + (f" ({node.dotted})" if node.dotted else "")
        field_name = f"{node.dotted}.{local}" if node.dotted else local
        places = self.binding.places.get(key)
        if places:
            where = ", ".join(places[:3]) + (" ..." if len(places) > 3 else "")
            self.problem(
                said(
                    "<{element}> is not allowed in {here}; in the {binding} it belongs in {where}",
                    element=local,
                    here=here,
                    binding=self.binding.title,
                    where=where,
                ),
                child,
                hint=said(
                    "move it to {place}; oer_meta kept it as an extension and did not "
                    "read it as {place}",
                    place=places[0],
                ),
                field=field_name,
            )
        else:
            self.problem(
                said(
                    "<{element}> in {here} is not a LOM element of the {binding}",
                    element=local,
                    here=here,
                    binding=self.binding.title,
                ),
                child,
                hint=said(
                    "put profile-specific elements in the profile's own namespace; oer_meta "
                    "kept it as an extension"
                ),
                field=field_name,
            )
        self.foreign(child)

    def _wrong_case(self, child: Element, local: str, found: Node) -> None:
        self.group(
            ("case", local),
            said(
                "<{element}> is spelled <{name}> in the {binding}",
                element=local,
                name=found.name,
                binding=self.binding.title,
            ),
            child,
            hint=said(
                "XML element names are case-sensitive; schema validation rejects this spelling"
            ),
            field=found.dotted,
        )

    def _wrong_namespace(self, child: Element, ns: str | None, local: str) -> None:
        found_in = msg("namespace {ns}", ns=ns) if ns else msg("no namespace")
        root_in = msg("namespace {ns}", ns=self.root_ns) if self.root_ns else msg("no namespace")
        self.group(
            ("namespace", ns or ""),
            said(
                "LOM elements are in {found} although their <lom> root is in {root} "
                "(first: <{element}>)",
                found=found_in,
                root=root_in,
                element=local,
            ),
            child,
            hint=said(
                "declare the LOM namespace as the default namespace, or prefix every element"
            ),
            field=local,
        )

    def _repeated(self, child: Element, local: str, found: Node, parent: Element) -> None:
        parent_name = split(parent.tag)[1] if isinstance(parent.tag, str) else "?"
        hint: str = said("merge the repeated elements into one")
        if found.kind == "langstring":
            hint = said("give the translations as several strings inside one element")
        message = said(
            "<{element}> appears more than once in <{parent}>; {rule} allows one {dotted}",
            element=local,
            parent=parent_name,
            rule=self.rule_of(found),
            dotted=found.dotted,
        )
        if found.repeat_profiles:
            names = joined(N_(" or "), [profile_title(p) for p in sorted(found.repeat_profiles)])
            hint = said(
                "{names}, written in this binding, allows several: name it in "
                "metaMetadata.metadataSchema if the record follows it; otherwise {hint}",
                names=names,
                hint=hint,
            )
            self.hold(
                found.repeat_profiles, self._make(message, child, hint=hint, field=found.dotted)
            )
            return
        self.problem(message, child, hint=hint, field=found.dotted)

    def _repeated_pair(self, child: Element, node: Node) -> None:
        """A vocabulary, date or duration holding several values (once per element)."""
        inner = [c.name for c in node.children.values()][:2]
        pair = "/".join(f"<{name}>" for name in inner)
        if node.kind == "vocabulary":
            hint = (
                said("write one <{name}> per value; oer_meta read every pair", name=node.name)
                if node.repeat
                else said(
                    "keep one value in <{name}> (repeat its parent element for another); "
                    "oer_meta read every pair",
                    name=node.name,
                )
            )
        else:
            hint = said("keep one value in <{name}>; oer_meta read the first", name=node.name)
        self.problem(
            said(
                "{dotted} holds more than one {pair} pair; {rule} allows one",
                dotted=node.dotted,
                pair=pair,
                rule=self.rule_of(node),
            ),
            child,
            hint=hint,
            field=node.dotted,
        )

    # -- foreign elements -------------------------------------------------------------

    def foreign(self, elem: Element) -> None:
        """Keep an element oer_meta does not map; accessibility statements in it (schema.org,
        AccessForAll, see :mod:`~oer_meta.readers.xml.accessibility`) fill
        ``record.accessibility``, and a plain statement is not kept twice."""
        tag = str(elem.tag)
        if read_extension(elem, self.record, self.ctx):
            return
        self.record.extensions.append(
            Extension(
                name=tag,
                value=extension_value(elem),
                source_field=self.ctx.field(elem),
                location=self.ctx.location(elem),
            )
        )

    # -- datatypes ---------------------------------------------------------------------

    def text(self, elem: Element, node: Node) -> str:
        """A CharacterString, trimmed; elements inside are read but reported."""
        for child in elem:
            if isinstance(child.tag, str):
                self.group(
                    ("datatype-text", node.dotted),
                    said(
                        "{dotted} holds <{element}> elements; it is a "
                        "CharacterString and takes plain text",
                        dotted=node.dotted,
                        element=split(child.tag)[1],
                    ),
                    child,
                    hint=said("write the value as the element's text"),
                    field=node.dotted,
                )
                break
        return text_of(elem).strip()

    def langstrings(
        self, elem: Element, node: Node, *, located: bool = False
    ) -> list[tuple[Text, Element]]:
        """Each string of a LangString as :class:`Text`, trimmed, empty ones included;
        ``located``: each with its string's location and the LangString's source_field
        (built once, as the record keeps it)."""
        found: list[tuple[Text, Element]] = []
        field = self.ctx.field(elem) if located else None
        for child, child_node in self.children(elem, node):
            if child_node.kind == "string":
                language = child.get("language") or child.get(XML_LANG)
                value = text_of(child).strip()
                text = Text(
                    value=value,
                    language=language.strip() if language else None,
                    source_field=field,
                    location=self.ctx.location(child) if located else None,
                )
                found.append((text, child))
        direct = _direct_text(elem)
        if direct:
            wrapper = _STRING_WRAPPERS[node.binding]
            self.group(
                ("datatype-langstring", node.dotted),
                said(
                    "{dotted} holds text directly; {rule} wraps each text in {wrapper}",
                    dotted=node.dotted,
                    rule=self.rule_of(node),
                    wrapper=wrapper,
                ),
                elem,
                hint=said("wrap the text in {wrapper}", wrapper=wrapper),
                field=node.dotted,
                profiles=node.text_profiles,
            )
            where = self.ctx.location(elem) if located else None
            found.append((Text(value=direct, source_field=field, location=where), elem))
        return found

    def pair(self, elem: Element, node: Node) -> PairValue:
        """A DateTime or Duration: its value element and description strings."""
        result = PairValue()
        for child, child_node in self.children(elem, node):
            if child_node.canonical in ("dateTime", "duration"):
                if result.element is None:
                    result.value = self.text(child, child_node)
                    result.element = child
            elif child_node.kind == "langstring":
                result.descriptions.extend(self.langstrings(child, child_node))
        direct = _direct_text(elem)
        if direct and result.element is None:
            inner = next(iter(node.children.values())).name
            self.group(
                ("datatype-pair", node.dotted),
                said(
                    "{dotted} holds its value directly; {rule} wraps it in <{inner}>",
                    dotted=node.dotted,
                    rule=self.rule_of(node),
                    inner=inner,
                ),
                elem,
                hint=said(
                    "write <{name}><{inner}>...</{inner}></{name}>", name=node.name, inner=inner
                ),
                field=node.dotted,
            )
            result.value, result.element = direct, elem
        return result

    def vocabulary_pairs(self, elem: Element, node: Node) -> list[dict[str, Any]]:
        """The values of a vocabulary element, each with its parts: source, value, id,
        labels, value element.  One element normally holds one; a repeated ``<source>``,
        ``<value>`` or ``<id>`` starts another, which keeps the source before it when it
        has none of its own (the repetition itself is reported by :meth:`children`)."""
        pairs: list[dict[str, Any]] = [{"labels": []}]
        for child, child_node in self.children(elem, node):
            key = child_node.canonical.lower()
            if child_node.kind == "wrapped":
                strings = self.langstrings(child, child_node)
                value = strings[0][0].value if strings else ""
            elif child_node.kind == "langstring":
                labels = (t for t, _ in self.langstrings(child, child_node) if t.value)
                pairs[-1]["labels"].extend(labels)
                continue
            else:
                value = self.text(child, child_node)
            if key == "label":
                if value:
                    pairs[-1]["labels"].append(Text(value=value))
                continue
            if key in pairs[-1]:
                pairs.append({"labels": []})
            pairs[-1][key] = value
            pairs[-1][f"{key}_element"] = child
        for before, after in pairwise(pairs):
            if "source" not in after and "source" in before:
                after["source"] = before["source"]
        return pairs


#: Datatypes whose children come in one pair (source/value, dateTime/description).
_PAIRED = frozenset({"vocabulary", "datetime", "duration"})


def _direct_text(elem: Element) -> str:
    """Text written directly inside ``elem`` (not inside its child elements), trimmed."""
    pieces = [elem.text or ""]
    pieces.extend(child.tail or "" for child in elem)
    return "".join(pieces).strip()


def extension_value(elem: Element) -> Any:
    """An extension element as plain data: its trimmed text, or a dict of its children
    by local name (a list where a name repeats)."""
    children = [child for child in elem if isinstance(child.tag, str)]
    if not children:
        return text_of(elem).strip()
    value: dict[str, Any] = {}
    for child in children:
        name = split(str(child.tag))[1]
        item = extension_value(child)
        if name not in value:
            value[name] = item
        elif isinstance(value[name], list):
            value[name].append(item)
        else:
            value[name] = [value[name], item]
    return value
