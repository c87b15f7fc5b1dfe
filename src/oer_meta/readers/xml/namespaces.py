"""XML namespaces met in OER metadata, and the prefixes oer_meta writes in XPaths."""

from __future__ import annotations

from functools import lru_cache

LOM_IEEE = "http://ltsc.ieee.org/xsd/LOM"
IMSMD_V1P2 = "http://www.imsglobal.org/xsd/imsmd_v1p2"
IMSMD_ROOT_V1P2P1 = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
HS_OER_LOM = "https://www.oerbw.de/hsoerlom"
LOMFR = "http://www.lom-fr.fr/xsd/LOMFR"
SCOLOMFR = "http://www.lom-fr.fr/xsd/SCOLOMFR"
#: IMS LODE's ILOX wrapper (work, expressions, manifestations, LOM facets)
ILOX = "http://www.imsglobal.org/xsd/imsloilox_v1p0"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
OAI_PMH = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
NSDL_DC = "http://ns.nsdl.org/nsdl_dc_v1.02/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML}}}lang"
IMSCP = "http://www.imsglobal.org/xsd/imscp_v1p1"
ADLCP = "http://www.adlnet.org/xsd/adlcp_v1p3"
#: SCORM 2004 and SCORM 1.2 content-packaging extensions (adlcp:location)
ADLCP_NAMESPACES = frozenset({ADLCP, "http://www.adlnet.org/xsd/adlcp_rootv1p2"})
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
FOAF = "http://xmlns.com/foaf/0.1/"
#: Europeana Data Model: ``edm:rights`` holds the licence or rights statement URI.
EDM = "http://www.europeana.eu/schemas/edm/"

DC_NAMESPACES = frozenset({DC, DCTERMS})

#: Prefixes used when oer_meta writes an XPath; other namespaces keep the
#: document's own prefix (or ``ns``).
PREFIXES: dict[str, str] = {
    LOM_IEEE: "lom",
    IMSMD_V1P2: "imsmd",
    IMSMD_ROOT_V1P2P1: "imsmd",
    HS_OER_LOM: "hsoerlom",
    LOMFR: "lomfr",
    SCOLOMFR: "scolomfr",
    ILOX: "ilox",
    DC: "dc",
    DCTERMS: "dcterms",
    OAI_PMH: "oai",
    OAI_DC: "oai_dc",
    NSDL_DC: "nsdl_dc",
    XSI: "xsi",
    IMSCP: "imscp",
    RDF: "rdf",
    FOAF: "foaf",
    EDM: "edm",
}


@lru_cache(maxsize=4096)
def split(tag: str) -> tuple[str | None, str]:
    """Split a Clark name ``{ns}local`` into ``(ns, local)``.

    Memoised: a reader asks this of every element several times, and a harvest
    repeats a few dozen tags (bounded, so a document of distinct tags cannot grow it).
    """
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return None, tag
