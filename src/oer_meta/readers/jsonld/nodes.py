"""Which nodes of a JSON-LD document are records, and which are parts of one.

A document describes one resource, or several side by side (an array, an ``@graph``).
A node that is a resource description is still not a record of its own when it is

- the web page a resource is shown on: a page node (``WebPage``, ``ItemPage``...)
  whose ``mainEntity`` is a resource description (the main entity is the record), or
  a page node in an ``@graph`` that also describes a resource of another type;
- a part of a record: listed in its ``hasPart`` (nested or by ``@id``), or a node of
  the record's own ``@graph``;
- the container of a record: named by the record's ``isPartOf``.

A part that is a complete description of its own (:func:`is_complete`) is reported as
a record too, after its parent, tied to it by an ``isPartOf`` relation.  The rules are
explained in ``docs/records.md``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from oer_meta.readers.jsonld.context import (
    RESOURCE_TYPES,
    Context,
    key_names,
    record_kind,
    types_of,
)
from oer_meta.readers.jsonld.pointer import escape_token

#: Types of web pages and sites: a node of one describes where a resource is shown.
PAGE_TYPES = frozenset(
    {
        "WebPage", "ItemPage", "CollectionPage", "AboutPage", "ProfilePage", "QAPage",
        "FAQPage", "SearchResultsPage", "ContactPage", "CheckoutPage", "MedicalWebPage",
        "RealEstateListing", "WebSite", "WebContent",
    }
)  # fmt: skip

#: Graph nodes by ``@id``: the node and its pointer.
GraphIndex = dict[str, tuple[dict[Any, Any], str]]


@dataclass(frozen=True)
class Node:
    """One JSON object of the document, where it is, the context active in it, and its
    keys by the property they stand for (worked out once: a node is asked about its
    type, its parts and its main entity)."""

    value: dict[Any, Any]
    pointer: str
    ctx: Context
    keys: dict[str, list[str]]


def node_at(value: dict[Any, Any], pointer: str, ctx: Context) -> Node:
    """The node of ``value`` with its own ``@context`` (if any) applied on ``ctx``."""
    if "@context" in value:
        ctx = ctx.extended(value["@context"], f"{pointer}/@context")
    return Node(value, pointer, ctx, key_names(value, ctx))


def _values(node: Node, name: str) -> Iterable[tuple[Any, str]]:
    """The values of property ``name`` (canonical) of ``node``, list items one by one."""
    for key in node.keys.get(name, ()):
        value = node.value[key]
        ptr = f"{node.pointer}/{escape_token(key)}"
        if isinstance(value, dict) and set(value) <= {"@list", "@set"} and len(value) == 1:
            inner = next(iter(value))
            value, ptr = value[inner], f"{ptr}/{inner}"
        if isinstance(value, list):
            yield from ((item, f"{ptr}/{i}") for i, item in enumerate(value))
        else:
            yield value, ptr


def _resolve(item: Any, ptr: str, ctx: Context, index: GraphIndex) -> Node | None:
    """The node a property value stands for: a nested object, or the ``@graph`` node a
    ``{"@id": ...}`` reference names; None for strings and unknown references."""
    if not isinstance(item, dict) or not item:
        return None
    if len(item) == 1:
        key, ref = next(iter(item.items()))
        if isinstance(key, str) and ctx.canonical(key) == "@id":
            found = index.get(ref) if isinstance(ref, str) else None
            return None if found is None else node_at(found[0], found[1], ctx)
    return node_at(item, ptr, ctx)


def types(node: Node) -> list[str]:
    """The ``@type`` names of ``node``, in order."""
    for key in node.keys.get("@type", ()):
        return types_of(node.value[key], node.ctx)
    return []


def is_resource(node: Node, *, in_graph: bool = True) -> bool:
    """True when ``node`` is the description of a resource (see ``record_kind``)."""
    return record_kind(node.value, node.ctx, in_graph=in_graph, keys=node.keys) is not None


def is_page(node: Node) -> bool:
    """True for a web page or site node that is not also typed as another resource."""
    kinds = set(types(node))
    return bool(kinds & PAGE_TYPES) and not kinds & (RESOURCE_TYPES - PAGE_TYPES)


def presents(node: Node) -> bool:
    """True when ``node``'s ``mainEntity`` would be the record: it is a page, or no
    resource description itself (a resource's ``mainEntity`` is what it is about)."""
    return is_page(node) or not is_resource(node)


def main_entities(node: Node, index: GraphIndex) -> list[Node]:
    """The resource descriptions ``node`` names as its ``mainEntity``."""
    found: list[Node] = []
    for item, ptr in _values(node, "mainEntity"):
        entity = _resolve(item, ptr, node.ctx, index)
        if entity is not None and is_resource(entity) and not is_page(entity):
            found.append(entity)
    return found


def parts(node: Node, index: GraphIndex) -> list[tuple[Node, str]]:
    """The nodes ``node`` lists in ``hasPart``, each with the pointer of the listing."""
    found: list[tuple[Node, str]] = []
    for item, ptr in _values(node, "hasPart"):
        part = _resolve(item, ptr, node.ctx, index)
        if part is not None:
            found.append((part, ptr))
    return found


def _containers(node: Node, index: GraphIndex) -> list[Node]:
    """The ``@graph`` nodes that ``node`` names in ``isPartOf``."""
    found: list[Node] = []
    for item, ptr in _values(node, "isPartOf"):
        container = _resolve(item, ptr, node.ctx, index)
        if container is not None:
            found.append(container)
    return found


def _has_text(node: Node, *names: str) -> bool:
    for name in names:
        for item, _ in _values(node, name):
            if isinstance(item, dict):
                item = item.get("@value")
            if isinstance(item, str) and item.strip():
                return True
    return False


def _has_value(node: Node, *names: str) -> bool:
    return any(item not in (None, "", [], {}) for name in names for item, _ in _values(node, name))


def is_complete(node: Node) -> bool:
    """True when a part describes a resource on its own: it can be found (a title),
    reused (a licence of its own) and understood (a description or a language).

    A part with less (``{"id", "type", "name"}``, AMB's shape, even with a licence) is
    a reference to a resource described elsewhere, and stays in its parent.
    """
    return (
        is_resource(node)
        and _has_text(node, "name", "headline")
        and _has_value(node, "license", "useRightsUrl")
        and (_has_text(node, "description", "abstract") or _has_value(node, "inLanguage"))
    )


def label(node: Node) -> tuple[str | None, str | None]:
    """``(identifier or URL, title)`` of a node, for a relation that points to it."""
    target = None
    for name in ("@id", "url"):
        for item, _ in _values(node, name):
            if isinstance(item, str) and item.strip() and not item.startswith("_:"):
                target = item.strip()
                break
        if target:
            break
    title = None
    for name in ("name", "headline"):
        for item, _ in _values(node, name):
            if isinstance(item, dict):
                item = item.get("@value")
            if isinstance(item, str) and item.strip():
                title = " ".join(item.split())
                break
        if title:
            break
    return target, title


def graph_records(nodes: list[Node], index: GraphIndex) -> list[Node]:
    """The records among the nodes of an ``@graph``, in graph order.

    Pages give way to their main entities and, when the graph describes a resource of
    another type, to it; of the rest, parts (listed in another node's ``hasPart``) and
    containers (named in another node's ``isPartOf`` without listing it back) are not
    records.  A graph whose every resource is a part of another (a cycle) keeps them
    all, as before.
    """
    expanded: list[Node] = []
    seen: set[int] = set()
    for node in nodes:
        entities = main_entities(node, index) if presents(node) else []
        for found in entities or ([node] if is_resource(node) else []):
            if id(found.value) not in seen:
                seen.add(id(found.value))
                expanded.append(found)
    others = [node for node in expanded if not is_page(node)]
    candidates = others or expanded
    known = {id(node.value) for node in candidates}
    excluded: set[int] = set()
    for node in candidates:
        listed = parts(node, index)
        for part, _ in listed:
            if id(part.value) in known and part.value is not node.value:
                excluded.add(id(part.value))
        for container in _containers(node, index):
            if id(container.value) in known and not any(
                part.value is node.value for part, _ in parts(container, index)
            ):
                excluded.add(id(container.value))
    roots = [node for node in candidates if id(node.value) not in excluded]
    return roots or candidates
