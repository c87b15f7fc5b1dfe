"""Safe XML parsing settings and the checks made before a byte is parsed.

Harvested XML is untrusted.  libxml2 is asked never to touch the network, never to
load a DTD and never to substitute entities; its own limits (depth 256, 10 MB per text
node, entity amplification) stay on because ``huge_tree`` stays off.  On top of that
oer_meta refuses documents that declare entities at all: no metadata format needs them,
and refusing them closes the door on expansion bombs and external-entity tricks.

The refusal is made twice.  :func:`prolog_problem` looks at the first bytes, a fast
path that refuses before libxml2 starts; it reads them as ASCII, so it misses UTF-16
and a DOCTYPE placed after a long comment.  :func:`dtd_problem` asks libxml2 itself,
when the root element starts (after the whole internal DTD was parsed, before any
content is handed over): that view holds for every encoding and position.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from oer_meta.i18n import N_

#: Keyword arguments for ``lxml.etree.XMLParser`` and ``lxml.etree.iterparse``.
SAFE_PARSER_OPTIONS: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}

#: Largest document read whole (streamed OAI-PMH responses may be larger; their
#: per-node limits still hold).
MAX_DOCUMENT_BYTES = 512 * 1024 * 1024

_PROLOG_SCAN = 64 * 1024
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)

#: Why a document that declares entities is not read.
ENTITIES_REFUSED = N_(
    "the document declares XML entities in its DOCTYPE; oer_meta refuses entity "
    "declarations (they can expand without bound or read local files)"
)


def prolog_problem(head: bytes) -> str | None:
    """Say why a document must be refused from its first bytes, or ``None``.

    ``head`` is the start of the document (at least the prolog when there is one).
    """
    doctype = _DOCTYPE.search(head[:_PROLOG_SCAN])
    if doctype is None:
        return None
    if _ENTITY_DECL.search(head, doctype.start(), doctype.start() + _PROLOG_SCAN):
        return ENTITIES_REFUSED
    return None


def dtd_problem(root: etree._Element) -> str | None:
    """Say why a document must be refused from what libxml2 parsed of its internal
    DTD, or ``None``; ``root`` is the root element at its start event."""
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is None:
        return None
    # lxml-stubs does not declare DTD.iterentities (lxml has had it since 2.x)
    if any(True for _entity in dtd.iterentities()):  # type: ignore[attr-defined]
        return ENTITIES_REFUSED
    return None
