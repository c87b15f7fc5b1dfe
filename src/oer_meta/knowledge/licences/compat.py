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

from oer_meta.i18n import marked, said
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
        return Verdict(
            None,
            said("{licence} is an expression; judge one of its choices", licence=_short(licence)),
        )
    if licence.openness == "unknown":
        return Verdict(None, said("what {licence} permits is not known", licence=_short(licence)))
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
                return Verdict(
                    True,
                    said(
                        "CC declared {derivative} compatible with {name}",
                        derivative=_short(derivative),
                        name=name,
                    ),
                )
    if not _is_cc(derivative) or set(derivative.elements) != set(source.elements):
        return Verdict(
            False,
            said(
                "ShareAlike: adaptations of a {name} work must carry the same licence "
                "elements ({elements}), not {derivative}",
                name=name,
                elements="-".join(e.upper() for e in source.elements),
                derivative=_short(derivative),
            ),
        )
    if source.version == "1.0" and derivative.version not in (None, "1.0"):
        return Verdict(
            False, said("{name} allows adaptations only under the same licence", name=name)
        )
    later = _later_or_same(source, derivative)
    if later is False:
        return Verdict(
            False,
            said(
                "ShareAlike: {derivative} is an earlier version than {name}",
                derivative=_short(derivative),
                name=name,
            ),
        )
    if later is None:
        return Verdict(
            None, said("ShareAlike needs the same or a later version; a version is missing")
        )
    return Verdict(
        True,
        said(
            "{derivative} keeps the ShareAlike terms of {name}",
            derivative=_short(derivative),
            name=name,
        ),
    )


def can_adapt_under(source: Licence, derivative: Licence) -> Verdict:
    """May an adaptation of a work under ``source`` be shared under ``derivative``?"""
    for licence in (source, derivative):
        unknown = _unknown(licence)
        if unknown is not None:
            return unknown
    name = _short(source)
    if source.openness == "public-domain":
        return Verdict(True, said("{name} puts no condition on adaptations", name=name))
    if "nd" in source.elements:
        return Verdict(False, said("{name}: NoDerivatives forbids sharing adaptations", name=name))
    if source.openness == "not-open":
        return Verdict(False, said("{name} does not permit sharing adaptations", name=name))
    if derivative.openness == "public-domain":
        return Verdict(
            False,
            said(
                "{name} still binds the adapted material; {derivative} cannot waive its conditions",
                name=name,
                derivative=_short(derivative),
            ),
        )
    if _is_cc(source) and "sa" in source.elements:
        return _share_alike_target(source, derivative)
    family = _copyleft_family(source)
    if family is not None:
        by_sa_4 = _is_cc(derivative) and set(derivative.elements) == {"by", "sa"}
        if family == "lal" and by_sa_4 and derivative.version == "4.0":
            return Verdict(True, said("CC declared the Free Art License and BY-SA 4.0 compatible"))
        if derivative.family != family:
            return Verdict(
                False,
                said(
                    "{name} is copyleft: adaptations must stay under {family}",
                    name=name,
                    family=family.upper(),
                ),
            )
        if _later_or_same(source, derivative) is False:
            return Verdict(
                False,
                said(
                    "{derivative} is an earlier version than {name}",
                    derivative=_short(derivative),
                    name=name,
                ),
            )
        return Verdict(
            True,
            said(
                "{derivative} keeps the copyleft terms of {name}",
                derivative=_short(derivative),
                name=name,
            ),
        )
    if source.openness == "open-noncommercial" and derivative.openness != "open-noncommercial":
        if derivative.openness == "not-open" and "nc" in derivative.elements:
            return Verdict(
                True,
                said(
                    "{derivative} keeps the NonCommercial term of {name}",
                    derivative=_short(derivative),
                    name=name,
                ),
            )
        return Verdict(
            False,
            said(
                "{name}: NonCommercial must be kept, and {derivative} allows commercial use",
                name=name,
                derivative=_short(derivative),
            ),
        )
    return Verdict(
        True, said("{name} lets adapters choose their own licence, with attribution", name=name)
    )


def can_combine(a: Licence, b: Licence) -> Verdict:
    """May works under ``a`` and ``b`` be combined into one adaptation?  Symmetric."""
    for target in (a, b):
        first, second = can_adapt_under(a, target), can_adapt_under(b, target)
        if first.ok and second.ok:
            return Verdict(
                True, said("the adaptation can be shared under {target}", target=_short(target))
            )
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
                        said(
                            "the sources under {first} and {second} cannot be combined: {reason}",
                            first=_short(first),
                            second=_short(second),
                            reason=marked(verdict.reason),
                        ),
                    )
                )
    return problems
