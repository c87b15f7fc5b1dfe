"""ILOX (IMS LODE): the LOM facets of one work, read as one record.

ILOX, the wrapper of the IMS Learning Object Discovery & Exchange specification used by
the Learning Resource Exchange and ARIADNE, describes one resource at several levels:
the ``work`` holds ``description`` facets (``main``, ``license``...), each a
``metadata`` block with a ``<lom>`` (in the IEEE namespace, or in a facet's own
namespace such as ``.../LOM/imslode/ilox/any/rights``); its ``expression``s (one per
language, named by a ``dimension``) hold ``manifestation``s (a landing page, a package,
a thumbnail...), whose ``item/location/uri`` locate the resource, and may hold facets
of their own.  All of them describe one resource, so oer_meta reads one record per
outermost ILOX ``work`` (or ``resource``): every LOM facet fills the same record, the
work's identifier is an identifier, each expression's language is a language of the
record and each manifestation's location one of its URLs.

This module walks the ILOX elements; the LOM facets are handed to the LOM reader
(``read_facet``), which this module does not import.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from oer_meta.model import Identifier, Text
from oer_meta.readers.draft import RecordDraft
from oer_meta.readers.xml.context import XmlRecordContext, text_of
from oer_meta.readers.xml.namespaces import ILOX, split

Element = etree._Element

#: The ILOX elements that are one record each (the outermost one).
ROOTS = frozenset({"work", "resource"})


def is_ilox_root(elem: Element) -> bool:
    """True for an ILOX ``work`` or ``resource`` element."""
    tag = elem.tag
    if not isinstance(tag, str):
        return False
    ns, local = split(tag)
    return ns == ILOX and local in ROOTS


def read_ilox(
    elem: Element,
    ctx: XmlRecordContext,
    record: RecordDraft,
    read_facet: Callable[[Element], None],
) -> None:
    """Fill ``record`` from the ILOX subtree ``elem``; ``read_facet`` reads one ``<lom>``."""
    _IloxWalker(ctx, record, read_facet).walk(elem, top=True)


class _IloxWalker:
    """Walks the ILOX elements of one work once."""

    def __init__(
        self, ctx: XmlRecordContext, record: RecordDraft, read_facet: Callable[[Element], None]
    ) -> None:
        self.ctx = ctx
        self.record = record
        self.read_facet = read_facet

    def walk(self, elem: Element, *, top: bool = False) -> None:
        for child in elem:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            ns, local = split(tag)
            if local.lower() == "lom":
                self.read_facet(child)
            elif ns != ILOX:
                continue  # another format in a facet: not read
            elif local == "identifier" and top:
                self._identifier(child)
            elif local == "dimension":
                self._dimension(child)
            elif local == "item":
                self._item(child)
            elif local in ROOTS:
                self.walk(child, top=top)
            elif local in ("description", "metadata", "expression", "manifestation"):
                self.walk(child)

    def _identifier(self, elem: Element) -> None:
        catalog = entry = None
        where = elem
        for child in elem:
            if not isinstance(child.tag, str):
                continue
            local = split(child.tag)[1]
            if local == "catalog" and catalog is None:
                catalog = text_of(child).strip() or None
            elif local == "entry" and entry is None:
                entry, where = text_of(child).strip(), child
        if entry:
            self.record.identifiers.append(
                Identifier(
                    value=entry,
                    catalog=catalog,
                    source_field=self.ctx.field(where),
                    location=self.ctx.location(where),
                )
            )

    def _dimension(self, elem: Element) -> None:
        """An expression's dimension: its ``language`` is a language of the record."""
        name = parameter = None
        for child in elem:
            if not isinstance(child.tag, str):
                continue
            local = split(child.tag)[1]
            value = _value_of(child)
            if local == "name" and value is not None:
                name = value[0]
            elif local == "parameter" and value is not None:
                parameter = value
        if name is None or parameter is None or name.lower() != "language":
            return
        code, where = parameter
        known = {text.value.lower() for text in self.record.languages}
        if code and code.lower() not in known:
            self.record.languages.append(
                Text(
                    value=code,
                    source_field=self.ctx.field(where),
                    location=self.ctx.location(where),
                )
            )

    def _item(self, elem: Element) -> None:
        """A manifestation's item: its location URIs are URLs of the record."""
        known = {url.value for url in self.record.urls}
        for node in elem.iter():
            tag = node.tag
            if not isinstance(tag, str) or split(tag) != (ILOX, "uri"):
                continue
            uri = text_of(node).strip()
            if uri and uri not in known:
                known.add(uri)
                self.record.urls.append(
                    Text(
                        value=uri,
                        source_field=self.ctx.field(node),
                        location=self.ctx.location(node),
                    )
                )


def _value_of(elem: Element) -> tuple[str, Element] | None:
    """The ``value`` child of an ILOX vocabulary element (``name``, ``parameter``)."""
    for child in elem:
        if isinstance(child.tag, str) and split(child.tag)[1] == "value":
            return text_of(child).strip(), child
    return None
