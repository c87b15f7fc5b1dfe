"""The lazily indexed registry gives, for every entry, exactly what langcodes' own
reader of the same file gives."""

from __future__ import annotations

from typing import Any

import pytest
from langcodes.registry_parser import parse_registry

from oer_meta.knowledge.language_registry import Registry, registry

_TABLES = {
    "language": "languages",
    "extlang": "extlangs",
    "script": "scripts",
    "region": "regions",
    "variant": "variants",
    "grandfathered": "tags",
    "redundant": "tags",
}


def _langcodes_entries() -> list[dict[str, Any]]:
    return list(parse_registry())  # type: ignore[no-untyped-call]


def test_every_entry_reads_as_langcodes_reads_it() -> None:
    reg = registry()
    entries = _langcodes_entries()
    assert len(entries) > 9000
    ranges = 0
    for entry in entries:
        key = str(entry.get("Subtag") or entry["Tag"]).lower()
        if ".." in key:
            ranges += 1
            assert tuple(key.split("..")) in reg.ranges[entry["Type"]]
            continue
        table = getattr(reg, _TABLES[entry["Type"]])
        assert table[key] == entry, key
    assert ranges == sum(len(spans) for spans in reg.ranges.values())


def test_counts_and_lookups() -> None:
    reg = registry()
    counted = (
        sum(len(getattr(reg, name)) for name in ("languages", "extlangs", "scripts", "regions"))
        + len(reg.variants)
        + len(reg.tags)
    )
    assert counted + sum(len(s) for s in reg.ranges.values()) == len(_langcodes_entries())
    assert reg.languages["de"]["Description"] == ["German"]
    assert reg.scripts["latn"]["Description"] == ["Latin"]
    assert "yy" not in reg.regions and "zz" in reg.regions
    assert reg.has("language", "qab") and not reg.has("language", "qzz")
    assert reg.alpha3["ger"] == "de" and reg.alpha3["deu"] == "de"
    with pytest.raises(KeyError):
        reg.languages["not-a-subtag"]


def test_a_folded_line_joins_the_field_before_it() -> None:
    text = (
        "File-Date: 2020-01-01\n%%\nType: language\nSubtag: xx\nDescription: A long\n"
        "  name\nAdded: 2020-01-01\n%%\nType: region\nSubtag: XY\nDescription: Land\n"
    )
    reg = Registry(text)
    reg.languages.add("xx", text.index("%%"), text.index("%%\nType: region"))
    assert reg.languages["xx"] == {
        "Type": "language",
        "Subtag": "xx",
        "Description": ["A long name"],
        "Added": "2020-01-01",
    }
