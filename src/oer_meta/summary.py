"""The short description of a record that reports carry next to its findings."""

from __future__ import annotations

from typing import Any

from oer_meta.model import Record


def record_summary(record: Record) -> dict[str, Any]:
    """Title, languages and licence statements of ``record``, as the JSON report shows."""
    languages: list[str] = []
    for text in record.languages:
        value = text.value.strip()
        if value and value not in languages:
            languages.append(value)
    return {
        "title": record.title,
        "languages": languages,
        "licences": [
            {"raw": lic.raw, "spdx": lic.spdx, "url": lic.url, "openness": lic.openness}
            for lic in record.licences
        ],
    }
