"""Read a document that breaks Namespaces in XML as its writer meant it.

Harvesters cut records out of OAI-PMH responses and leave the namespace declarations
behind: ``<dc:title>`` with no ``xmlns:dc`` anywhere (DPLA's qualified-DC test records
are real examples).  Such a document is well-formed XML 1.0 but not namespace-well-formed,
and libxml2 refuses it.  Its prefixes are conventional (``dc``, ``dcterms``, ``xsi``),
so a careful reader knows what they mean: :func:`repair` declares the prefixes the
document uses without declaring, on its root element, binds the well-known ones to their
usual namespaces (others to a placeholder URN, so that the document parses), and rebinds
``dc`` / ``dcterms`` where the writer bound them to a namespace that is not Dublin Core
(the XHTML namespace, in a real record).  The record is then read, and notes what was
repaired (``STD002``): nothing is silently accepted.

Only small documents are repaired (:data:`MAX_REPAIR_BYTES`), and only ASCII-compatible
encodings: the repair works on bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from oer_meta.i18n import Message, joined, msg, said
from oer_meta.readers.xml.namespaces import DC, DCTERMS, EDM, OAI_DC, OAI_PMH, XSI

#: Documents larger than this are not repaired (a single record is a few kilobytes).
MAX_REPAIR_BYTES = 4 * 1024 * 1024

#: Prefixes whose meaning is conventional enough to assume when undeclared.
CONVENTIONAL: dict[str, str] = {
    "dc": DC,
    "dcterms": DCTERMS,
    "xsi": XSI,
    "oai_dc": OAI_DC,
    "oai": OAI_PMH,
    "oai_qdc": "http://worldcat.org/xmlschemas/qdc-1.0/",
    "edm": EDM,
    "oaiProvenance": "http://www.openarchives.org/OAI/2.0/provenance",
}
#: Prefixes rebound when the document binds them elsewhere.
_DUBLIN_CORE = {"dc": DC, "dcterms": DCTERMS}
_PLACEHOLDER = "urn:oer-meta:undeclared-prefix:"

_NAME = rb"[A-Za-z_][\w.-]{0,99}"
_ROOT_NAME = re.compile(_NAME + rb"(?::" + _NAME + rb")?")
_USED = re.compile(rb"</?(" + _NAME + rb"):" + _NAME + rb"|\s(" + _NAME + rb"):" + _NAME + rb"\s*=")
_DECLARED = re.compile(rb"\sxmlns:(" + _NAME + rb")\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


@dataclass(frozen=True)
class Repair:
    """The repaired document and what was done, in words."""

    data: bytes
    declared: tuple[str, ...]
    rebound: tuple[str, ...]

    def describe(self) -> str:
        """What was repaired, as a sentence a message can still translate (``said``)."""
        parts: list[Message] = []
        if self.declared:
            prefixes = ", ".join(self.declared)
            if len(self.declared) > 1:
                parts.append(
                    msg("uses the prefixes {prefixes} without declaring them", prefixes=prefixes)
                )
            else:
                parts.append(
                    msg("uses the prefix {prefixes} without declaring it", prefixes=prefixes)
                )
        if self.rebound:
            parts.append(
                msg(
                    "binds {prefixes} to a namespace that is not Dublin Core",
                    prefixes=", ".join(self.rebound),
                )
            )
        return said(
            "the document is not namespace-well-formed: it {what}; it was read as if the "
            "usual namespaces were declared",
            what=joined(" and ", parts),
        )


def repair(data: bytes) -> Repair | None:
    """The document with its namespaces repaired, or ``None`` when there is nothing this
    can repair (too large, not ASCII-compatible, no root, no undeclared prefix)."""
    if (
        len(data) > MAX_REPAIR_BYTES
        or data.startswith((b"\xff\xfe", b"\xfe\xff"))
        or b"\x00" in data[:4]
    ):
        return None
    at = _root_name_end(data)
    if at is None:
        return None
    declared: dict[str, bytes] = {}
    for match in _DECLARED.finditer(data):
        declared.setdefault(match.group(1).decode("ascii"), match.group(2) or match.group(3) or b"")
    used: dict[str, None] = {}
    for match in _USED.finditer(data):
        prefix = (match.group(1) or match.group(2)).decode("ascii")
        if prefix not in ("xml", "xmlns"):
            used.setdefault(prefix)
    missing = [p for p in used if p not in declared]
    if not missing:
        return None
    rebound = [
        p
        for p, namespace in _DUBLIN_CORE.items()
        if p in declared and declared[p].decode("ascii", "replace") != namespace
    ]
    out = data
    for prefix in rebound:
        binding = re.compile(rb"(\sxmlns:" + prefix.encode() + rb"\s*=\s*)(?:\"[^\"]*\"|'[^']*')")
        out = binding.sub(rb'\1"' + _DUBLIN_CORE[prefix].encode() + rb'"', out)
    extra = b"".join(
        b' xmlns:%s="%s"' % (p.encode(), CONVENTIONAL.get(p, _PLACEHOLDER + p).encode())
        for p in missing
    )
    out = out[:at] + extra + out[at:]
    return Repair(out, tuple(missing), tuple(rebound))


def _root_name_end(data: bytes) -> int | None:
    """Offset just after the root element's name: the first ``<name`` that is not in a
    processing instruction, comment or DOCTYPE (scanned once, left to right)."""
    pos = 0
    while True:
        start = data.find(b"<", pos)
        if start < 0:
            return None
        for opener, closer in ((b"<?", b"?>"), (b"<!--", b"-->"), (b"<!", b">")):
            if data.startswith(opener, start):
                end = data.find(closer, start + len(opener))
                if end < 0:
                    return None
                pos = end + len(closer)
                break
        else:
            name = _ROOT_NAME.match(data, start + 1)
            return name.end() if name else None
