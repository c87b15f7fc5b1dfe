"""Remix compatibility: every pair of CC 4.0 licences (and CC0), both questions."""

from __future__ import annotations

import itertools

import pytest

from oer_meta.knowledge.licences.compat import can_adapt_under, can_combine, remix_conflicts
from oer_meta.knowledge.licences.model import Licence

OPENNESS = {
    "by": "open",
    "by-sa": "open",
    "by-nc": "open-noncommercial",
    "by-nc-sa": "open-noncommercial",
    "by-nd": "not-open",
    "by-nc-nd": "not-open",
}


def cc(unit: str, version: str = "4.0") -> Licence:
    if unit == "cc0":
        return Licence(
            raw="CC0 1.0",
            family="cc0",
            version="1.0",
            openness="public-domain",
            short_name="CC0 1.0",
            how="short-name",
        )
    return Licence(
        raw=f"CC {unit.upper()} {version}",
        family="cc",
        version=version,
        elements=tuple(unit.split("-")),
        openness=OPENNESS[unit],  # type: ignore[arg-type]
        short_name=f"CC {unit.upper()} {version}",
        how="short-name",
    )


UNITS = ["cc0", "by", "by-sa", "by-nc", "by-nc-sa", "by-nd", "by-nc-nd"]

# May an adaptation of a work under the key be shared under each value?  (CC's
# chart of the licences an adapter may apply.)
ADAPTER_MAY_USE = {
    "cc0": set(UNITS),
    "by": {"by", "by-sa", "by-nc", "by-nc-sa", "by-nd", "by-nc-nd"},
    "by-nc": {"by-nc", "by-nc-sa", "by-nc-nd"},
    "by-sa": {"by-sa"},
    "by-nc-sa": {"by-nc-sa"},
    "by-nd": set(),
    "by-nc-nd": set(),
}

# May works under the two licences be combined into one adaptation?  (Symmetric.)
COMBINABLE = {
    frozenset(pair)
    for pair in [
        ("cc0", "cc0"),
        ("cc0", "by"),
        ("cc0", "by-sa"),
        ("cc0", "by-nc"),
        ("cc0", "by-nc-sa"),
        ("by", "by"),
        ("by", "by-sa"),
        ("by", "by-nc"),
        ("by", "by-nc-sa"),
        ("by-sa", "by-sa"),
        ("by-nc", "by-nc"),
        ("by-nc", "by-nc-sa"),
        ("by-nc-sa", "by-nc-sa"),
    ]
}


@pytest.mark.parametrize(
    ("source", "derivative"), list(itertools.product(UNITS, UNITS)), ids="{0[0]}->{0[1]}".format
)
def test_adapter_licence_chart(source: str, derivative: str) -> None:
    verdict = can_adapt_under(cc(source), cc(derivative))
    assert verdict.ok is (derivative in ADAPTER_MAY_USE[source]), verdict.reason
    assert verdict.reason


@pytest.mark.parametrize(
    ("a", "b"), list(itertools.product(UNITS, UNITS)), ids="{0[0]}+{0[1]}".format
)
def test_combination_chart_is_symmetric_and_matches_cc(a: str, b: str) -> None:
    forward, backward = can_combine(cc(a), cc(b)), can_combine(cc(b), cc(a))
    expected = frozenset((a, b)) in COMBINABLE
    assert forward.ok is expected, forward.reason
    assert backward.ok is expected, backward.reason


def test_share_alike_allows_later_versions_only() -> None:
    assert can_adapt_under(cc("by-sa", "3.0"), cc("by-sa", "4.0")).ok is True
    assert can_adapt_under(cc("by-sa", "4.0"), cc("by-sa", "3.0")).ok is False
    assert can_adapt_under(cc("by-sa", "1.0"), cc("by-sa", "4.0")).ok is False


def test_by_sa_4_is_one_way_compatible_with_gplv3_and_two_way_with_free_art() -> None:
    gpl = Licence(
        raw="GPL-3.0-only",
        spdx="GPL-3.0-only",
        family="gpl",
        version="3.0",
        openness="open",
        how="spdx",
    )
    lal = Licence(
        raw="LAL-1.3", spdx="LAL-1.3", family="lal", version="1.3", openness="open", how="spdx"
    )
    assert can_adapt_under(cc("by-sa"), gpl).ok is True
    assert can_adapt_under(gpl, cc("by-sa")).ok is False
    assert can_adapt_under(cc("by-sa"), lal).ok is True
    assert can_adapt_under(lal, cc("by-sa")).ok is True
    assert can_adapt_under(cc("by-sa", "3.0"), gpl).ok is False


def test_unknown_licences_give_no_verdict() -> None:
    unknown = Licence(raw="see our website")
    assert can_adapt_under(unknown, cc("by")).ok is None
    assert can_combine(cc("by"), unknown).ok is None
    assert remix_conflicts(cc("by"), [unknown]) == []


def test_remix_conflicts_name_each_problem() -> None:
    problems = remix_conflicts(cc("by-sa"), [cc("by-nc"), cc("by-nd")])
    reasons = " | ".join(p.reason for p in problems)
    assert len(problems) == 3  # BY-NC source, ND source, and the two sources together
    assert "NoDerivatives" in reasons
    assert "cannot be combined" in reasons
    assert remix_conflicts(cc("by-sa"), [cc("by"), cc("cc0")]) == []
