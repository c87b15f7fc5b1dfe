"""Accessibility statements in XML elements that LOM and Dublin Core do not define.

LOM has no accessibility category and DCMI terms define no accessibility property, so
records carry these statements as extensions: schema.org properties as elements (any
namespace), IMS AccessForAll / ISO/IEC 24751 elements (``hazard``,
``controlFlexibility``, ``apiInteroperable``, ``original_access_mode``...), the IMS
AccessForAll Meta-data 1.0 flags that LOM profiles such as OBAA embed (``hasVisual``,
``hasAuditory``... as elements or attributes; ``altTextLang``, ``captionType``...), and
EPUB package ``<meta property="schema:...">`` / ``<link rel="dcterms:conformsTo">``.
Which names mean what is data (``extension_elements`` in ``data/accessibility.json``).

The readers call :func:`read_extension` on each element they do not map; it fills
``record.accessibility`` from the element and everything inside it, and says whether
the element itself was a statement (then it need not be kept as an extension too).
Values are kept as written; judging them is the A11Y rules' job.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from oer_meta.knowledge.accessibility import extension_element, names_accessibility_specification
from oer_meta.model import Location, Term, Text
from oer_meta.readers.draft import AccessibilityDraft, RecordDraft
from oer_meta.readers.xml.context import XmlRecordContext, text_of
from oer_meta.readers.xml.namespaces import XML_LANG, split

__all__ = ["read_extension", "read_package_meta"]

_SCHEMA_PREFIXES = ("schema:", "http://schema.org/", "https://schema.org/")
_CONFORMS_TO = ("dcterms:conformsto", "http://purl.org/dc/terms/conformsto")


def _local(name: str) -> str:
    return split(name)[1]


def _is_uri(value: str) -> bool:
    return value.startswith(("http://", "https://", "urn:"))


def _has_children(elem: etree._Element) -> bool:
    return any(isinstance(child.tag, str) for child in elem)


def _lang(elem: etree._Element) -> str | None:
    lang = elem.get(XML_LANG) or elem.get("language")
    return (lang.strip() or None) if lang else None


def _add(
    a11y: AccessibilityDraft,
    spec: dict[str, Any],
    raw: str,
    element: str,
    where: Location,
    language: str | None = None,
    source_field: str | None = None,
) -> None:
    """File one statement; fixed-value specs record the term their element stands for."""
    field: str = spec["field"]
    if field == "summaries":
        if raw:
            a11y.summaries.append(
                Text(value=raw, language=language, source_field=source_field, location=where)
            )
        return
    fixed: str | None = spec.get("value")
    if fixed is not None:
        when: list[str] | None = spec.get("when")
        lowered = raw.lower()
        if when is not None:
            if lowered not in when:
                return
        elif lowered in ("false", "no", "0", "none") or _is_uri(raw):
            return  # a statement of absence, or a link to an evaluation report
        labels = [Text(value=raw)] if raw and when is None else []
        term = Term(
            value=fixed,
            element=element,
            labels=labels,
            source_field=source_field,
            location=where,
        )
        getattr(a11y, field).append(term)
        return
    if not raw:
        return
    if field == "access_modes_sufficient":
        raw = ",".join(part.strip() for part in raw.split(",") if part.strip())
    getattr(a11y, field).append(
        Term(value=raw, element=element, source_field=source_field, location=where)
    )


def read_extension(elem: etree._Element, record: RecordDraft, ctx: XmlRecordContext) -> bool:
    """Read the accessibility statements in ``elem`` and below into ``record``.

    True when ``elem`` itself is a statement with a plain value (the caller need not
    keep it as an extension); False for a container, which the caller keeps as it is.
    """
    a11y = record.accessibility
    own = False
    for node in elem.iter():
        if not isinstance(node.tag, str):
            continue
        for attr, attr_value in node.attrib.items():
            spec = extension_element(_local(str(attr)))
            if spec is not None and "when" in spec:
                name = _local(str(attr))
                field = f"{ctx.field(node)}/@{name}"
                where = ctx.location(node)
                _add(a11y, spec, str(attr_value).strip(), name, where, None, field)
        local = _local(node.tag)
        spec = extension_element(local)
        if spec is None:
            continue
        leaf = not _has_children(node)
        value = text_of(node).strip() if leaf else ""
        if leaf or spec.get("value") is not None:
            _add(a11y, spec, value, local, ctx.location(node), _lang(node), ctx.field(node))
        if node is elem and leaf:
            own = True
    return own


def read_package_meta(elem: etree._Element, record: RecordDraft, ctx: XmlRecordContext) -> bool:
    """An EPUB package ``<meta>``/``<link>`` carrying a schema.org accessibility
    property or a ``dcterms:conformsTo`` claim; True when it was one and was read.

    EPUB 3 writes ``<meta property="schema:accessMode">textual</meta>``, EPUB 2
    ``<meta name="schema:accessMode" content="textual"/>``; conformance is
    ``<meta property="dcterms:conformsTo">`` or ``<link rel="dcterms:conformsTo" href=...>``.
    Metadata that refines another entry (``refines``) is left alone.
    """
    local = _local(str(elem.tag))
    if local not in ("meta", "link") or elem.get("refines"):
        return False
    name = (elem.get("property") or elem.get("name") or elem.get("rel") or "").strip()
    if local == "link":
        value = (elem.get("href") or "").strip()
    else:
        value = text_of(elem).strip() or (elem.get("content") or "").strip()
    if not name or not value:
        return False
    where = ctx.location(elem)
    if name.lower() in _CONFORMS_TO:
        if not names_accessibility_specification(value):
            return False
        record.accessibility.conforms_to.append(
            Term(value=value, element="dcterms:conformsTo", source_field=name, location=where)
        )
        return True
    for prefix in _SCHEMA_PREFIXES:
        if name.startswith(prefix):
            prop = name[len(prefix) :]
            spec = extension_element(prop) if prop.startswith("access") else None
            if spec is None:
                return False
            _add(
                record.accessibility,
                spec,
                value,
                f"schema:{prop}",
                where,
                _lang(elem),
                f"schema:{prop}",
            )
            return True
    return False
