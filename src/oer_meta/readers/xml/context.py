"""What an element-to-record builder needs: locations and XPaths inside one record."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

from oer_meta.model import Location
from oer_meta.readers.xml.namespaces import PREFIXES, split


def shift_line(line: object, line_offset: int | None) -> int | None:
    """A line of an XML document as a line of the file that holds it: ``line_offset``
    is where the document starts; ``None`` for a document embedded in a string (a JSON
    envelope), whose lines say nothing about its file."""
    if line_offset is None or not isinstance(line, int):
        return None
    return line + line_offset


def step(elem: etree._Element) -> str:
    """The XPath step naming ``elem`` without a position: ``prefix:local``."""
    tag = elem.tag
    if not isinstance(tag, str):
        return "node()"
    return _step(tag, elem.prefix)


@lru_cache(maxsize=4096)
def _step(tag: str, prefix: str | None) -> str:
    """Memoised like :func:`split`: every element of a harvest asks for its step."""
    ns, local = split(tag)
    if ns is None:
        return local
    return f"{PREFIXES.get(ns) or prefix or 'ns'}:{local}"


@dataclass
class OaiHeader:
    """The OAI-PMH ``header`` that came with a record."""

    identifier: str | None = None
    datestamp: str | None = None
    deleted: bool = False
    sets: list[str] = field(default_factory=list)
    location: Location | None = None


@dataclass
class XmlRecordContext:
    """Locations for the elements of one record subtree.

    ``root`` is the record's root element and ``root_path`` its XPath in the whole
    document (computed by the streaming reader, since earlier siblings may already be
    freed).  Paths below the root are computed from the intact subtree.  An XML
    document embedded in another file (a JSON envelope) has ``line_offset=None``: its
    lines say nothing about the outer file, so locations carry only the path, prefixed
    with ``path_prefix`` (the JSON Pointer of the embedded string).
    """

    file: str | None
    root: etree._Element
    root_path: str
    header: OaiHeader | None = None
    line_offset: int | None = 0
    path_prefix: str = ""
    _paths: dict[etree._Element, str] = field(default_factory=dict, repr=False)
    _fields: dict[etree._Element, str] = field(default_factory=dict, repr=False)

    def path(self, elem: etree._Element) -> str:
        """XPath of ``elem``: ``/oai:OAI-PMH/.../lom:general/lom:title[2]``.

        Paths are memoised per element.  When one child of an element is asked for,
        the paths of all its children are worked out in one pass, so that a record with
        thousands of keywords costs linear time, not a count of the preceding siblings
        for each of them.
        """
        known = self._paths.get(elem)
        if known is not None:
            return known
        if elem is self.root:
            path = self._paths[elem] = self.path_prefix + self.root_path
            return path
        parent = elem.getparent()
        if parent is None:  # not inside this record: fall back to its own step
            return self.path_prefix + self.root_path + "/" + self._positioned_step(elem)
        self._name_children(parent, self.path(parent))
        return self._paths[elem]

    def _name_children(self, parent: etree._Element, base: str) -> None:
        """Memoise the path of every child of ``parent`` (whose path is ``base``)."""
        children = list(parent)
        totals: dict[object, int] = {}
        for child in children:
            totals[child.tag] = totals.get(child.tag, 0) + 1
        numbers: dict[object, int] = {}
        for child in children:
            tag = child.tag
            name = step(child)
            if totals[tag] > 1:
                number = numbers[tag] = numbers.get(tag, 0) + 1
                name = f"{name}[{number}]"
            self._paths[child] = f"{base}/{name}"

    def field(self, elem: etree._Element) -> str:
        """The element as the record wrote it, for ``source_field``: the XPath steps
        below the record root without positions (``lom:general/lom:title``,
        ``dc:rights``); the root's own step for the root."""
        known = self._fields.get(elem)
        if known is None:  # memoised like path(): the values of one element share it
            parent = elem.getparent()
            if elem is self.root or parent is None or parent is self.root:
                known = step(elem)
            else:
                known = self.field(parent) + "/" + step(elem)
            self._fields[elem] = known
        return known

    def location(self, elem: etree._Element) -> Location:
        """The :class:`Location` of ``elem``."""
        line = shift_line(elem.sourceline, self.line_offset)
        return Location(file=self.file, line=line, path=self.path(elem))

    @staticmethod
    def _positioned_step(node: etree._Element) -> str:
        name = step(node)
        tag = node.tag
        before = sum(1 for _ in node.itersiblings(tag, preceding=True))
        if before:
            return f"{name}[{before + 1}]"
        for _ in node.itersiblings(tag):
            return f"{name}[1]"
        return name


def text_of(elem: etree._Element | None) -> str:
    """All text inside ``elem`` (entity references and comments ignored), or ``""``."""
    if elem is None:
        return ""
    if not len(elem):  # a leaf, as most values are: its text is all there is
        return elem.text or ""
    return "".join(t for t in elem.itertext() if isinstance(t, str))
