"""May material under one licence be adapted, or combined with other material, under
another?  The Creative Commons compatibility rules, extended to the copyleft licences
CC declares compatible.

Two questions, kept apart because the answer to the first is directional:

* :func:`can_adapt_under` — may an adaptation of a work under ``source`` be shared
  under ``derivative``?  (BY may become BY-SA; BY-SA may not become BY.)
* :func:`can_combine` — may works under ``a`` and ``b`` go into one adaptation at all?
  True when some licence exists that both allow; it is enough to try ``a`` and ``b``
  themselves, since every rule below only ever *adds* conditions.

Each answer is a :class:`Verdict`: ``ok`` is True, False, or None when a licence is
not known well enough to decide, and ``reason`` says why in one sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from oer_meta.knowledge.licences.model import Licence

__all__ = ["Verdict", "can_adapt_under", "can_combine", "remix_conflicts"]

#: Copyleft families outside Creative Commons: adaptations stay in the family.
_COPYLEFT = frozenset({"gpl", "agpl", "lgpl", "gfdl", "lal", "odc-odbl", "odbl", "eupl"})

#: One-way or two-way compatibility that CC declared for BY-SA 4.0 (family, version).
_BY_SA_4_COMPATIBLE = (("lal", "1.3"), ("gpl", "3.0"))


@dataclass(frozen=True)
class Verdict:
    """The answer to a compatibility question, with its reason."""

    ok: bool | None
    reason: str

    def __bool__(self) -> bool:
        return self.ok is True


def _version(licence: Licence) -> float | None:
    try:
        return float(licence.version) if licence.version else None
    except ValueError:
        return None


def _is_cc(licence: Licence) -> bool:
    return licence.family == "cc" and bool(licence.elements)


def _copyleft_family(licence: Licence) -> str | None:
    if licence.spdx and licence.spdx.upper().startswith("ODBL"):
        return "odbl"
    family = licence.family or ""
    return family if family in _COPYLEFT else None


def _short(licence: Licence) -> str:
    return licence.short_name or licence.spdx or licence.url or repr(licence.raw)


def _unknown(licence: Licence) -> Verdict | None:
    if licence.parts:
        return Verdict(None, f"{_short(licence)} is an expression; judge one of its choices")
    if licence.openness == "unknown":
        return Verdict(None, f"what {_short(licence)} permits is not known")
    return None


def _later_or_same(source: Licence, derivative: Licence) -> bool | None:
    have, want = _version(source), _version(derivative)
    if have is None or want is None:
        return None
    return want >= have


def _share_alike_target(source: Licence, derivative: Licence) -> Verdict:
    """BY-SA and BY-NC-SA: the same elements, the same or a later version."""
    name = _short(source)
    if source.version == "4.0" and "nc" not in source.elements:
        for family, version in _BY_SA_4_COMPATIBLE:
            if derivative.family == family and derivative.version == version:
                return Verdict(True, f"CC declared {_short(derivative)} compatible with {name}")
    if not _is_cc(derivative) or set(derivative.elements) != set(source.elements):
        return Verdict(
            False,
            f"ShareAlike: adaptations of a {name} work must carry the same licence elements "
            f"({'-'.join(e.upper() for e in source.elements)}), not {_short(derivative)}",
        )
    if source.version == "1.0" and derivative.version not in (None, "1.0"):
        return Verdict(False, f"{name} allows adaptations only under the same licence")
    later = _later_or_same(source, derivative)
    if later is False:
        return Verdict(
            False,
            f"ShareAlike: {_short(derivative)} is an earlier version than {name}",
        )
    if later is None:
        return Verdict(None, "ShareAlike needs the same or a later version; a version is missing")
    return Verdict(True, f"{_short(derivative)} keeps the ShareAlike terms of {name}")


def can_adapt_under(source: Licence, derivative: Licence) -> Verdict:
    """May an adaptation of a work under ``source`` be shared under ``derivative``?"""
    for licence in (source, derivative):
        unknown = _unknown(licence)
        if unknown is not None:
            return unknown
    name = _short(source)
    if source.openness == "public-domain":
        return Verdict(True, f"{name} puts no condition on adaptations")
    if "nd" in source.elements:
        return Verdict(False, f"{name}: NoDerivatives forbids sharing adaptations")
    if source.openness == "not-open":
        return Verdict(False, f"{name} does not permit sharing adaptations")
    if derivative.openness == "public-domain":
        return Verdict(
            False,
            f"{name} still binds the adapted material; {_short(derivative)} cannot waive "
            "its conditions",
        )
    if _is_cc(source) and "sa" in source.elements:
        return _share_alike_target(source, derivative)
    family = _copyleft_family(source)
    if family is not None:
        by_sa_4 = _is_cc(derivative) and set(derivative.elements) == {"by", "sa"}
        if family == "lal" and by_sa_4 and derivative.version == "4.0":
            return Verdict(True, "CC declared the Free Art License and BY-SA 4.0 compatible")
        if derivative.family != family:
            return Verdict(
                False, f"{name} is copyleft: adaptations must stay under {family.upper()}"
            )
        if _later_or_same(source, derivative) is False:
            return Verdict(False, f"{_short(derivative)} is an earlier version than {name}")
        return Verdict(True, f"{_short(derivative)} keeps the copyleft terms of {name}")
    if source.openness == "open-noncommercial" and derivative.openness != "open-noncommercial":
        if derivative.openness == "not-open" and "nc" in derivative.elements:
            return Verdict(True, f"{_short(derivative)} keeps the NonCommercial term of {name}")
        return Verdict(
            False,
            f"{name}: NonCommercial must be kept, and {_short(derivative)} allows commercial use",
        )
    return Verdict(True, f"{name} lets adapters choose their own licence, with attribution")


def can_combine(a: Licence, b: Licence) -> Verdict:
    """May works under ``a`` and ``b`` be combined into one adaptation?  Symmetric."""
    for target in (a, b):
        first, second = can_adapt_under(a, target), can_adapt_under(b, target)
        if first.ok and second.ok:
            return Verdict(True, f"the adaptation can be shared under {_short(target)}")
    verdicts = [can_adapt_under(a, b), can_adapt_under(b, a)]
    if any(v.ok is None for v in verdicts):
        unknown = next(v for v in verdicts if v.ok is None)
        return Verdict(None, unknown.reason)
    failing = next(v for v in verdicts if v.ok is False)
    return Verdict(False, failing.reason)


def remix_conflicts(derivative: Licence, sources: Sequence[Licence]) -> list[Verdict]:
    """Every reason why ``derivative`` cannot be the licence of an adaptation of
    ``sources`` (empty when it can, or when too little is known to say)."""
    problems: list[Verdict] = []
    for source in sources:
        verdict = can_adapt_under(source, derivative)
        if verdict.ok is False:
            problems.append(verdict)
    for index, first in enumerate(sources):
        for second in sources[index + 1 :]:
            verdict = can_combine(first, second)
            if verdict.ok is False:
                problems.append(
                    Verdict(
                        False,
                        f"the sources under {_short(first)} and {_short(second)} cannot be "
                        f"combined: {verdict.reason}",
                    )
                )
    return problems
