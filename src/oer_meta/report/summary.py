"""The short description of a record that reports carry next to its findings."""

from __future__ import annotations

from typing import Any

from oer_meta.knowledge.languages import canonical_languages
from oer_meta.model import Record


def record_summary(record: Record) -> dict[str, Any]:
    """Title, languages and licence statements of ``record``, as the JSON report shows.

    ``languages`` holds the canonical BCP 47 tags (:func:`oer_meta.normalize_language`;
    a value listing several languages gives each, a value naming none is dropped);
    ``languages_raw`` the values as the record wrote them.
    """
    raw: list[str] = []
    for text in record.languages:
        value = text.value.strip()
        if value and value not in raw:
            raw.append(value)
    return {
        "title": record.title,
        "languages": canonical_languages(raw),
        "languages_raw": raw,
        "licences": [
            {"raw": lic.raw, "spdx": lic.spdx, "url": lic.url, "openness": lic.openness}
            for lic in record.licences
        ],
    }
