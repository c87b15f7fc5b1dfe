"""Education: what a record's audience, age range and level say, read leniently.

:func:`read_age_range` reads a typical age range the way records write it (``8-12``,
``10+``, ``ab 6 Jahren``, ``5 to 7 years``); :func:`match_level` recognises a free-text
educational level as an ISCED 2011 / KIM concept.  The tables are in
``oer_meta/data/education.json``.  The ``EDU`` rule pack (:mod:`oer_meta.checks.edu`)
judges records with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from oer_meta.i18n import N_, said
from oer_meta.knowledge.data_files import load_data
from oer_meta.knowledge.text import fold
from oer_meta.knowledge.vocabularies import lom_vocabulary
from oer_meta.model import Term

__all__ = ["AgeReading", "LevelMatch", "is_mapped", "match_level", "read_age_range"]

_DASHES = re.compile(r"[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D~]")
_NUMBER = r"(\d+(?:\.\d+)?)"
_RANGE = re.compile(rf"^{_NUMBER}\s*-\s*{_NUMBER}$")
_SINGLE = re.compile(rf"^{_NUMBER}$")
_PLUS = re.compile(rf"^{_NUMBER}\s*\+$")
_OPEN_HIGH = re.compile(rf"^{_NUMBER}\s*-$")
_OPEN_LOW = re.compile(rf"^-\s*{_NUMBER}$")
_FROM = re.compile(
    r"^(?:ab|from|des|a partir de|over|plus de|mindestens|vanaf|desde|dai?)\s*(\d+)\b"
    r"|^(\d+)\s*(?:\w+\s+)?(?:and|et|und|en|y|e|or|ou|oder)\s+(?:over|older|up|plus|"
    r"alter|aelter|mehr|ouder|mas|piu)\b"
)
_BETWEEN = re.compile(r"^(\d+)\s*(?:to|bis|a|tot|al|y|and|et|und)\s*(\d+)\b")
_ISCED = re.compile(r"^isced(?:[\s-]*2011)?[\s,:-]*(?:level|niveau|stufe|nivel)?[\s-]*(\d)$")
_OLDEST = 120
_LEVEL_ELEMENT = "educational.context"


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = load_data("education.json")
    return data


@dataclass(frozen=True)
class AgeReading:
    """What an age range says: ``ok`` (readable), ``open`` (a trailing or leading
    hyphen only), ``invalid``; ``reason`` and ``suggestion`` explain the latter two."""

    status: str
    low: float | None = None
    high: float | None = None
    reason: str = ""
    suggestion: str | None = None


def _show(value: float) -> str:
    return f"{value:g}"


@cache
def _unit_pattern() -> re.Pattern[str]:
    units = sorted((fold(u, spaces=True) for u in _data()["age_units"]), key=len, reverse=True)
    return re.compile(r"\s*(?:" + "|".join(re.escape(u) for u in units) + r")\.?(?:\s+old)?$")


def _one(item: str) -> AgeReading:
    """Read one range (no list separators)."""
    text = _unit_pattern().sub("", item).strip() if re.search(r"\d", item) else item
    match = _RANGE.match(text)
    if match is not None:
        return _check(float(match.group(1)), float(match.group(2)))
    match = _SINGLE.match(text)
    if match is not None:
        return _check(float(match.group(1)), float(match.group(1)))
    match = _PLUS.match(text)
    if match is not None:
        return _check(float(match.group(1)), None)
    match = _OPEN_HIGH.match(text)
    if match is not None:
        reading = _check(float(match.group(1)), None)
        if reading.status != "ok":
            return reading
        shown = _show(float(match.group(1)))
        return AgeReading(
            "open",
            low=reading.low,
            reason=said(
                "a range with no upper age: LOM and schema.org write it for "
                "'{age} and older', but it also reads as a range whose end was cut off",
                age=shown,
            ),
            suggestion=f"{shown}+",
        )
    match = _OPEN_LOW.match(text)
    if match is not None:
        reading = _check(0.0, float(match.group(1)))
        if reading.status != "ok":
            return reading
        return AgeReading(
            "open",
            high=reading.high,
            reason=N_("a range with no lower age, which also reads as a negative number"),
            suggestion=f"0-{_show(float(match.group(1)))}",
        )
    reason = (
        N_("words around the ages, not a range such as '10-12'")
        if re.search(r"\d", text)
        else N_("no age written in digits")
    )
    return AgeReading("invalid", reason=reason, suggestion=_guess(text))


def _check(low: float, high: float | None) -> AgeReading:
    """A readable range, unless an age is implausible or the bounds are swapped."""
    for age in (low, high):
        if age is not None and age > _OLDEST:
            return AgeReading(
                "invalid",
                reason=said(
                    "{age} is not an age (above {oldest}); a year or a grade?",
                    age=_show(age),
                    oldest=_OLDEST,
                ),
            )
    if high is not None and low > high:
        return AgeReading(
            "invalid",
            reason=said(
                "the lower age {low} is above the upper age {high}",
                low=_show(low),
                high=_show(high),
            ),
            suggestion=f"{_show(high)}-{_show(low)}",
        )
    return AgeReading("ok", low=low, high=high)


def _guess(text: str) -> str | None:
    """The digits form of a range written in words, when it is plain: ``ab 10`` →
    ``10+``, ``10 to 12`` → ``10-12``."""
    match = _FROM.match(text)
    if match is not None:
        return f"{match.group(1) or match.group(2)}+"
    match = _BETWEEN.match(text)
    if match is not None:
        return f"{match.group(1)}-{match.group(2)}"
    return None


def read_age_range(value: str) -> AgeReading:
    """Read a typical age range as records write it (see docs/education.md).

    Accepted: ``15``, ``10-12`` (any dash, spaces allowed), ``16+``, a trailing unit
    (``10-12 years``, ``8-10 ans``), and lists of these separated by ``,`` or ``;``.
    ``10-`` and ``-12`` are ``open``; anything else is ``invalid``.
    """
    text = _DASHES.sub("-", fold(value, spaces=True))
    items = [part.strip() for part in re.split(r"[,;]", text)]
    if not any(items):
        return AgeReading("ok")
    readings = [_one(item) for item in items if item]
    for status in ("invalid", "open"):
        for reading in readings:
            if reading.status == status:
                return reading
    return AgeReading(
        "ok",
        low=min((r.low for r in readings if r.low is not None), default=None),
        high=max((r.high for r in readings if r.high is not None), default=None),
    )


@dataclass(frozen=True)
class LevelMatch:
    """A free-text level recognised: ``exact`` when it is a vocabulary's own label
    (only the vocabulary is not named), else a close synonym; ``target`` is what to
    write instead."""

    exact: bool
    vocabulary: str
    target: str


@cache
def _kim_labels() -> dict[str, str]:
    """Folded label → KIM concept id, with the ``ISCED 2011, Level N`` labels."""
    table = _data()["kim_educational_level"]
    found: dict[str, str] = {}
    for concept, entry in table["concepts"].items():
        for label in entry["labels"]:
            found[fold(label, spaces=True)] = concept
        if entry["isced"] is not None:
            found[fold(f"ISCED 2011, Level {entry['isced']}", spaces=True)] = concept
    return found


@cache
def _synonyms() -> dict[str, str]:
    table: dict[str, list[str]] = _data()["level_synonyms"]
    return {
        fold(label, spaces=True): concept for concept, labels in table.items() for label in labels
    }


def _kim_uri(concept: str) -> str:
    scheme: str = _data()["kim_educational_level"]["scheme"]
    return scheme + concept


def _kim_target(concept: str) -> str:
    entry = _data()["kim_educational_level"]["concepts"][concept]
    isced = f", ISCED 2011 level {entry['isced']}" if entry["isced"] is not None else ""
    return f"{_kim_uri(concept)} ({entry['labels'][0]}{isced})"


def match_level(term: Term) -> LevelMatch | None:
    """Recognise a free-text level: a LOMv1.0 or LOM-FR context token, a label or
    notation of ISCED 2011 / the KIM educationalLevel vocabulary, or a close synonym."""
    key = fold(term.value, spaces=True)
    if term.element == _LEVEL_ELEMENT:
        if key in (lom_vocabulary(_LEVEL_ELEMENT) or frozenset()):
            return LevelMatch(True, "LOMv1.0", "<source>LOMv1.0</source>")
        if key in {fold(v, spaces=True) for v in _data()["lomfr_context_observed"]}:
            return LevelMatch(True, "LOMFRv1.0", "<source>LOMFRv1.0</source>")
    concept = _kim_labels().get(key)
    isced = _ISCED.match(key)
    if concept is None and isced is not None:
        digit = isced.group(1)
        concept = {"6": "level_6", "7": "level_7", "8": "level_8"}.get(digit, f"level_{digit}")
        if concept not in _data()["kim_educational_level"]["concepts"]:
            concept = None
    if concept is not None:
        return LevelMatch(True, "ISCED 2011 / KIM educationalLevel", _kim_target(concept))
    concept = _synonyms().get(key)
    if concept is not None:
        return LevelMatch(False, "ISCED 2011 / KIM educationalLevel", _kim_target(concept))
    return None


def is_mapped(term: Term) -> bool:
    """A level is mapped when it names its vocabulary (a LOM source, an ``xsi:type``, an
    alignment's framework) or is a concept (an id, a URI value)."""
    if term.source and term.source.strip():
        return True
    if term.id and term.id.strip():
        return True
    return term.value.strip().lower().startswith(("http://", "https://", "urn:"))
