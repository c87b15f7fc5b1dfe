"""Ordering and combination of the pinned openness values.

The Recommendation (para. 1) counts as OER material "in the public domain" or "released
under an open license" that permits "no-cost access, re-use, re-purpose, adaptation and
redistribution"; para. 2 defines the open licence by those same permissions.  The
ranking below follows those words: public domain needs no permission at all, ``open``
grants every permission, ``open-noncommercial`` grants them except for commercial
re-use, ``not-open`` withholds adaptation or redistribution.
"""

from __future__ import annotations

from collections.abc import Iterable

from oer_meta.knowledge.licences.model import Openness

__all__ = ["OPENNESS_VALUES", "is_oer", "least_open", "most_open", "rank"]

#: Every pinned value, most open first.
OPENNESS_VALUES: tuple[Openness, ...] = (
    "public-domain",
    "open",
    "open-noncommercial",
    "not-open",
    "unknown",
)

_RANK: dict[str, int] = {"public-domain": 3, "open": 2, "open-noncommercial": 1, "not-open": 0}


def rank(value: Openness) -> int | None:
    """3 for public domain down to 0 for not open; None for ``unknown``."""
    return _RANK.get(value)


def is_oer(value: Openness) -> bool:
    """True when the value meets paras 1-2 on their wording (NC included: the
    Recommendation does not mention commercial use)."""
    return value in ("public-domain", "open", "open-noncommercial")


def most_open(values: Iterable[Openness]) -> Openness:
    """The openness of ``A OR B``: a re-user may pick the most open known choice.

    Unknown members are ignored when any member is known; all unknown gives unknown.
    """
    known = [v for v in values if v != "unknown"]
    if not known:
        return "unknown"
    return max(known, key=lambda v: _RANK[v])


def least_open(values: Iterable[Openness]) -> Openness:
    """The openness of ``A AND B``: every condition applies at once.

    A known ``not-open`` member decides alone; otherwise any unknown member makes the
    whole unknown, because its conditions could restrict what the others allow.
    """
    values = list(values)
    if not values:
        return "unknown"
    if "not-open" in values:
        return "not-open"
    if "unknown" in values:
        return "unknown"
    return min(values, key=lambda v: _RANK[v])
