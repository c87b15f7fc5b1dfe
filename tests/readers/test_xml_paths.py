"""XPaths of values in XML records: numbered only where siblings share a name, and
worked out per parent in one pass (a record with thousands of keywords)."""

from __future__ import annotations

from lxml import etree

from oer_meta.readers.xml.context import XmlRecordContext

LOM = "http://ltsc.ieee.org/xsd/LOM"


def _context(xml: str) -> tuple[XmlRecordContext, etree._Element]:
    root = etree.fromstring(xml.encode())
    return XmlRecordContext(file="f.xml", root=root, root_path="/lom:lom"), root


def test_siblings_of_one_name_are_numbered_and_a_lone_child_is_not() -> None:
    keywords = "".join(f"<keyword><string>k{i}</string></keyword>" for i in range(3000))
    ctx, root = _context(
        f'<lom xmlns="{LOM}"><general><title><string>t</string></title>'
        f"<!-- a comment -->{keywords}</general><!-- x --><lifeCycle/></lom>"
    )
    general = root[0]
    strings = general.findall(f"{{{LOM}}}keyword/{{{LOM}}}string")
    assert ctx.path(strings[-1]) == "/lom:lom/lom:general/lom:keyword[3000]/lom:string"
    assert ctx.path(strings[0]) == "/lom:lom/lom:general/lom:keyword[1]/lom:string"
    assert ctx.path(strings[1499]) == "/lom:lom/lom:general/lom:keyword[1500]/lom:string"
    assert ctx.path(general[0][0]) == "/lom:lom/lom:general/lom:title/lom:string"
    assert ctx.path(root[2]) == "/lom:lom/lom:lifeCycle"
    assert ctx.path(root) == "/lom:lom"


def test_every_path_selects_exactly_its_element() -> None:
    """Evaluated as XPath, each element's path selects that element and no other."""
    ctx, root = _context(
        f'<lom xmlns="{LOM}"><general><keyword/><title/><keyword><string/><string/>'
        "</keyword><!-- c --></general><general/><metaMetadata><string/></metaMetadata></lom>"
    )
    tree = root.getroottree()
    elements = list(root.iter(f"{{{LOM}}}*"))
    assert len(elements) == 10
    for elem in reversed(elements):  # deepest first: parents are named on the way up
        assert tree.xpath(ctx.path(elem), namespaces={"lom": LOM}) == [elem], ctx.path(elem)
