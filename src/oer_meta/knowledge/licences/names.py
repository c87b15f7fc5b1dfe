"""Creative Commons short names (``CC BY-SA 4.0``, ``cc-by-40``, ``BY-NC-SA 3.0 FR``)
and full names in the official EU languages (``Paternité - Pas d'Utilisation
Commerciale 2.5 Canada``, ``Nimeä-Epäkaupallinen-JaaSamoin 4.0 Kansainvälinen``,
``Αναφορά Δημιουργού - Μη Εμπορική Χρήση 4.0 Διεθνές``), matched loosely: case, dashes,
accents, brackets and the words Licence/Lizenz/Creative Commons do not matter.  Word tables are in
``data/licences/cc_names.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from oer_meta.knowledge.data_files import load_data
from oer_meta.knowledge.licences import cc
from oer_meta.knowledge.licences.text import fold, words

__all__ = ["NameMatch", "match_full_name", "match_short_name"]


@dataclass(frozen=True)
class NameMatch:
    tool: cc.Tool
    #: what was matched, for the reason
    matched: str


@cache
def _names() -> dict[str, Any]:
    data: dict[str, Any] = load_data("licences/cc_names.json")
    return data


def _port_alternation() -> str:
    codes = sorted(cc.jurisdiction_codes(), key=len, reverse=True)
    return "|".join(re.escape(c) for c in codes)


@cache
def _short_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    ports = _port_alternation()
    version = (
        r"(?:[\s_:/-]*v?(?P<major>[1-4])(?:[.,](?P<minor>[015])|(?P<minor2>[015]))?"
        r"(?![\d.,]\d))?"
    )
    port = rf"(?:(?P<sep>[\s_/-]+)(?P<port>{ports})(?![a-z0-9]))?"
    with_prefix = re.compile(
        r"(?<![a-z0-9/.])cc[\s_-]*"
        r"(?P<unit>by(?:[\s_-]*(?:nc|nd|sa)){0,2}|0|zero|pdm)(?![a-z])" + version + port,
        re.IGNORECASE,
    )
    bare = re.compile(
        r"(?:^|(?<=[\s(\[:;,]))(?P<unit>by(?:[\s_-](?:nc|nd|sa)){0,2})(?![a-z0-9])"
        r"(?:[\s_/-]+(?P<major>[1-4])\.(?P<minor>[015])(?![\d]))?(?P<minor2>)" + port,
        re.IGNORECASE,
    )
    #: a version written after the port (``cc-by-sa-es-3.0``, ``CC BY-SA ES 3.0``)
    late_version = re.compile(r"[\s_/-]+v?(?P<major>[1-4])(?:[.,]?(?P<minor>[015]))?(?![\d])")
    return with_prefix, bare, late_version


_PDM_RE = re.compile(r"(?<![a-z0-9/.-])pdm(?:[\s_-]*v?(1)\.(0))?(?![a-z0-9])", re.IGNORECASE)
#: Elements without "cc" and without a version must be joined into one token
#: (``by-nc-nd``, ``BY_SA``): "by" alone, or "by sa" in prose, is no licence.
_BARE_TOKEN_RE = re.compile(r"by(?:[_-](?:nc|nd|sa)){1,2}", re.IGNORECASE)


def _unit_elements(unit_text: str) -> set[str]:
    return set(re.findall(r"by|nc|nd|sa", unit_text.lower()))


def _port_ok(code: str, sep: str, rest: str, tool: cc.Tool) -> bool:
    """A port code counts when it is joined by ``-``, ``_`` or ``/``, written in
    capitals (``CC BY 3.0 DE``) or ends the statement (``cc by-nc-nd 2.5 es``), and the
    port exists: ``CC BY 4.0 de Jean`` is not German."""
    joined = any(mark in sep for mark in "-_/")
    last = not rest.strip(" \t\r\n.;,)]")
    return (joined or code.isupper() or last) and tool.path in cc.tool_paths()


def match_short_name(text: str) -> NameMatch | None:
    """The first CC short name or code in ``text``: with or without the ``cc`` prefix,
    elements joined by spaces, dashes or underscores (``CC_BY-SA``, ``ccbysa``,
    ``by_nc_nd``), the version and the port in either order (``cc-by-nc-sa-3.0-es``,
    ``cc-by-nc-sa-es-3.0``)."""
    with_prefix, bare, late_version = _short_res()
    pdm = _PDM_RE.search(text)
    if pdm:
        return NameMatch(cc.Tool("publicdomain", "mark", "1.0"), pdm.group(0))
    for regex in (with_prefix, bare):
        for match in regex.finditer(text):
            unit_text = match.group("unit")
            major = match.group("major")
            minor = match.group("minor") or match.group("minor2") or ("0" if major else None)
            end = match.end()
            port_code = match.group("port")
            if major is None and port_code:
                late = late_version.match(text, end)
                if late is not None:
                    major, minor = late.group("major"), late.group("minor") or "0"
                    end = late.end()
            if regex is bare and not major and not _BARE_TOKEN_RE.fullmatch(unit_text):
                continue
            if regex is bare and not ("BY" in unit_text or len(_unit_elements(unit_text)) > 1):
                continue
            version = f"{major}.{minor}" if major else None
            low = unit_text.lower()
            if low in ("0", "zero"):
                tool = cc.Tool("publicdomain", "zero", version or "1.0")
                return NameMatch(tool, match.group(0))
            if low == "pdm":
                return NameMatch(cc.Tool("publicdomain", "mark", version or "1.0"), match.group(0))
            unit = cc.element_unit(_unit_elements(unit_text), version)
            if unit is None:
                continue
            tool = cc.Tool("licenses", unit, version)
            if version and port_code:
                ported = cc.Tool("licenses", unit, version, port_code.lower())
                if _port_ok(port_code, match.group("sep"), text[end:], ported):
                    tool = ported
            if version and tool.jurisdiction is None:
                after = text[match.start("port") if port_code else end :]
                named = _named_port(after)
                ported = cc.Tool("licenses", unit, version, named) if named else tool
                if ported.path in cc.tool_paths():
                    tool = ported
            if tool.version == "2.1" and tool.jurisdiction is None:
                tool = cc.Tool("licenses", unit, "2.0")
            return NameMatch(tool, text[match.start() : end].strip())
    return None


def _named_port(after: str) -> str | None:
    """The port named in words right after a short name's version (``CC BY 2.5
    Canada``, ``CC BY-SA 3.0 Österreich``); None when the next words name no
    jurisdiction."""
    following = words(fold(after[:40]))
    juris: dict[str, str] = _full_res()["juris"]
    for name, code in juris.items():
        if following.startswith(f" {name} "):
            return code
    return None


# ---------------------------------------------------------------------------
# Full names


def _alternation(phrases: list[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))


def _as_words(phrase: str) -> str:
    """A title word as the matcher sees the text: folded, punctuation as spaces."""
    return words(fold(phrase)).strip()


def _element_words(data: dict[str, Any]) -> tuple[dict[str, list[str]], list[str]]:
    """The element and version words of every language: the folded lists of the file,
    then each ``languages`` row's words as its titles write them, folded here."""
    elements: dict[str, list[str]] = {el: list(found) for el, found in data["elements"].items()}
    generic: list[str] = list(data["generic"])
    for row in data["languages"]:
        for el, found in row["elements"].items():
            elements[el].extend(_as_words(phrase) for phrase in found)
        generic.extend(_as_words(phrase) for phrase in row.get("generic", ()))
    return elements, generic


@cache
def _full_res() -> dict[str, Any]:
    data = _names()
    element_words, generic = _element_words(data)
    elements = {
        el: re.compile(rf" (?:{_alternation(found)}) ") for el, found in element_words.items()
    }
    juris: dict[str, str] = {}
    for code, names in data["jurisdictions"].items():
        for name in names:
            juris[name] = code
    for code, name in cc.jurisdiction_codes_names().items():
        juris.setdefault(re.sub(r"[^a-z0-9]+", " ", name.lower()).strip(), code)
    tools = {name: path for path, names in data["tools"].items() for name in names}
    retired = {name: unit for unit, names in data["retired_units"].items() for name in names}
    return {
        "elements": elements,
        #: Attribution words that name CC BY alone next to a version with no "Creative
        #: Commons" ("Attribution 4.0"); the other languages' words are everyday words
        #: too ("Imenovanje" is an appointment), so alone they need the marker.
        "by_alone": re.compile(rf" (?:{_alternation(data['elements']['by'])}) "),
        "marker": re.compile(r" (?:creative ?commons|cc) "),
        "version": re.compile(
            r" v?([1-4])[.,]([015])"
            rf"(?: (?:({_alternation(list(juris))})|({_alternation(generic)})|([a-z]{{2,8}})))?"
            r"(?= )"
        ),
        "juris": juris,
        "tools": re.compile(rf" ({_alternation(list(tools))}) "),
        "tool_paths": tools,
        "retired": re.compile(rf" ({_alternation(list(retired))}) "),
        "retired_units": retired,
        "filler": frozenset(data["filler"]),
    }


def match_full_name(word_text: str, raw: str) -> NameMatch | None:
    """A CC licence named in words (``word_text`` is :func:`text.words` of the text).

    It needs a Creative Commons marker, or Attribution plus another element or a
    version, so that "attribution" alone in prose is not read as CC BY."""
    res = _full_res()
    tool_match = res["tools"].search(word_text)
    if tool_match:
        path = res["tool_paths"][tool_match.group(1)]
        cat, unit, version, *rest = path.split("/")
        return NameMatch(
            cc.Tool(cat, unit, version, rest[0] if rest else None), tool_match.group(1)
        )
    marker = res["marker"].search(word_text) is not None
    found = {el for el, regex in res["elements"].items() if _element_found(el, regex, word_text)}
    vmatch = res["version"].search(word_text)
    version = f"{vmatch.group(1)}.{vmatch.group(2)}" if vmatch else None
    if marker:
        retired = res["retired"].search(word_text)
        if retired:
            unit = res["retired_units"][retired.group(1)]
            return NameMatch(cc.Tool("licenses", unit, version), retired.group(1))
    if not found:
        return None
    if not marker:
        if "by" not in found:
            return None
        if found == {"by"} and not _element_found("by", res["by_alone"], word_text):
            return None
        if version is None and not (len(found) > 1 and _name_like(word_text, res)):
            return None
    unit = cc.element_unit(found, version)
    if unit is None:
        return None
    juris = None
    if vmatch:
        if vmatch.group(3):
            juris = res["juris"][vmatch.group(3)]
        elif vmatch.group(5):
            code = vmatch.group(5)
            if code in cc.jurisdiction_codes() and re.search(
                rf"(?<![A-Za-z]){re.escape(code.upper())}(?![A-Za-z])", raw
            ):
                juris = code
    if version == "2.1" and juris is None:
        version = "2.0"
    return NameMatch(cc.Tool("licenses", unit, version, juris), " ".join(sorted(found)))


def _name_like(word_text: str, res: dict[str, Any]) -> bool:
    """True when the text is little more than element words ("Attribution -
    NonCommercial"), not prose that happens to say "attribution" and "non commercial"."""
    rest = word_text
    for regex in res["elements"].values():
        rest = regex.sub("  ", rest)
    filler: frozenset[str] = res["filler"]
    return all(word in filler for word in rest.split())


def _element_found(element: str, regex: re.Pattern[str], word_text: str) -> bool:
    """Element codes (``by``, ``nc``...) count only right after a CC marker or another
    code (``creative commons by nc sa``); words such as "attribution" count anywhere."""
    for match in regex.finditer(word_text):
        phrase = match.group(0).strip()
        if phrase != element:
            return True
        before = word_text[: match.start() + 1]
        if re.search(r"(?:creative ?commons|cc|by|nc|nd|sa) $", before):
            return True
    return False
