"""Controlled vocabularies shipped as package data, loaded once on first use."""

from __future__ import annotations

import re
from functools import cache
from typing import Any


def concept_tail(value: str) -> str:
    """A concept URI cut to its last path segment or fragment
    (``http://purl.org/.../concept/author`` -> ``author``); other values stripped.

    Vocabularies are cited both as bare tokens and as concept URIs; comparing tails
    lets one table serve both."""
    value = value.strip()
    if "/" in value or "#" in value:
        return re.split(r"[/#]", value.rstrip("/#"))[-1]
    return value


def load_data(name: str) -> Any:
    """``oer_meta/data/<name>`` (JSON) parsed and validated once: kept for callers of
    the old name; :func:`oer_meta.knowledge.data_files.load_data` does the work (imported here on
    first use, so importing this module builds no model)."""
    from oer_meta.knowledge.data_files import load_data as load_validated

    return load_validated(name)


@cache
def lom_vocabulary(element: str) -> frozenset[str] | None:
    """The LOMv1.0 values of a LOM vocabulary element (``educational.context``), or
    ``None`` when the element has no LOMv1.0 vocabulary.  Element names match
    case-insensitively, so both IEEE and IMS spellings are found."""
    table: dict[str, list[str]] = load_data("vocabularies.json")["LOMv1.0"]
    wanted = element.lower()
    for key, values in table.items():
        if key.lower() == wanted:
            return frozenset(values)
    return None


@cache
def dcmi_types() -> frozenset[str]:
    """The DCMI Type Vocabulary terms."""
    return frozenset(load_data("vocabularies.json")["DCMIType"])
