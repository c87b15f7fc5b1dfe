"""The IANA Language Subtag Registry that ``langcodes`` ships, indexed lazily.

A validator run looks up a few dozen of the registry's 9,000 entries.  ``langcodes``'
reader parses every entry line by line (about 130 ms, a quarter of a CLI run's start-up),
so the file is instead indexed with one regular-expression pass over the ``Type`` and
``Subtag``/``Tag`` lines that open each entry (RFC 5646 §3.1.2 puts them first), and an
entry's fields are parsed by ``langcodes``' own ``parse_item`` the first time the entry
is asked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["Registry", "in_range", "registry"]

#: The opening lines of an entry: its type and its subtag (or whole tag).
_ENTRY = re.compile(r"^%%\nType: ([a-z]+)\n(?:Subtag|Tag): ([^\n]+)\n", re.M)


class Entries(Mapping[str, dict[str, Any]]):
    """Entries by lower-cased subtag, each parsed when first read."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._spans: dict[str, tuple[int, int]] = {}
        self._parsed: dict[str, dict[str, Any]] = {}

    def add(self, key: str, start: int, end: int) -> None:
        """Index the entry at ``text[start:end]`` (a key given twice keeps its last)."""
        self._spans[key] = (start, end)

    def __getitem__(self, key: str) -> dict[str, Any]:
        found = self._parsed.get(key)
        if found is None:
            start, end = self._spans[key]
            found = self._parsed[key] = _parse_entry(self._text[start:end])
        return found

    def __contains__(self, key: object) -> bool:
        return key in self._spans

    def __iter__(self) -> Iterator[str]:
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)


def _parse_entry(block: str) -> dict[str, Any]:
    from langcodes.registry_parser import parse_item

    lines: list[str] = []
    for line in block.split("\n"):
        if line.startswith("  ") and lines:
            lines[-1] += line[1:]  # a folded line continues the field before it
        elif line and line != "%%":
            lines.append(line)
    parsed: list[dict[str, Any]] = list(parse_item(lines))  # type: ignore[no-untyped-call]
    return parsed[0] if parsed else {}


@dataclass
class Registry:
    """The registry's entries by kind, the ranges of private-use subtags, and the ISO
    639-2 and region aliases ``langcodes`` ships beside it."""

    text: str = field(repr=False)
    languages: Entries = field(init=False)
    extlangs: Entries = field(init=False)
    scripts: Entries = field(init=False)
    regions: Entries = field(init=False)
    variants: Entries = field(init=False)
    #: grandfathered and redundant tags, by lower-cased whole tag
    tags: Entries = field(init=False)
    ranges: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    alpha3: dict[str, str] = field(default_factory=dict)
    region_aliases: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in ("languages", "extlangs", "scripts", "regions", "variants", "tags"):
            setattr(self, name, Entries(self.text))

    def language(self, subtag: str) -> dict[str, Any] | None:
        if subtag in self.languages:
            return self.languages[subtag]
        return {} if self.in_ranges("language", subtag) else None

    def has(self, kind: str, subtag: str) -> bool:
        table: Entries = getattr(self, f"{kind}s")
        return subtag in table or self.in_ranges(kind, subtag)

    def in_ranges(self, kind: str, subtag: str) -> bool:
        return any(in_range(subtag, span) for span in self.ranges.get(kind, ()))


def in_range(subtag: str, span: tuple[str, str]) -> bool:
    low, high = span
    return len(subtag) == len(low) and subtag.isalpha() and low <= subtag.lower() <= high


@cache
def registry() -> Registry:
    """The registry, indexed once (about 15 ms; entries are parsed when read)."""
    from langcodes.data_dicts import (
        LANGUAGE_ALPHA3,
        LANGUAGE_ALPHA3_BIBLIOGRAPHIC,
        TERRITORY_REPLACEMENTS,
    )
    from langcodes.util import data_filename

    name = data_filename("language-subtag-registry.txt")  # type: ignore[no-untyped-call]
    text = Path(name).read_text(encoding="utf-8")
    reg = Registry(text)
    tables = {
        "language": reg.languages,
        "extlang": reg.extlangs,
        "script": reg.scripts,
        "region": reg.regions,
        "variant": reg.variants,
        "grandfathered": reg.tags,
        "redundant": reg.tags,
    }
    matches = list(_ENTRY.finditer(text))
    ends = [m.start() for m in matches[1:]] + [len(text)]
    for match, end in zip(matches, ends, strict=True):
        kind, subtag = match.group(1), match.group(2).strip().lower()
        if ".." in subtag:
            low, high = subtag.split("..")
            reg.ranges.setdefault(kind, []).append((low, high))
        elif kind in tables:
            tables[kind].add(subtag, match.start(), end)
    for two, three in LANGUAGE_ALPHA3.items():
        info = reg.languages.get(two)
        if len(two) == 2 and info is not None and "Deprecated" not in info:
            reg.alpha3.setdefault(three, two)
    for two, three in LANGUAGE_ALPHA3_BIBLIOGRAPHIC.items():
        reg.alpha3.setdefault(three, two)
    for alias, target in TERRITORY_REPLACEMENTS.items():
        if alias not in reg.regions and target.lower() in reg.regions and " " not in target:
            reg.region_aliases[alias.lower()] = target.upper()
    return reg
