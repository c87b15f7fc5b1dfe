"""Licences other than Creative Commons (GNU, ODC, OGL, Etalab, DL-DE, LAL, MIT...):
by SPDX id, by steward URL and by name.  The table is ``data/licences/other_licences.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from oer_meta.knowledge.data_files import load_data
from oer_meta.knowledge.licences.model import How, Licence, Openness
from oer_meta.knowledge.licences.text import fold, words

__all__ = ["OtherLicence", "by_name", "by_spdx", "by_url", "licence", "norm_url"]

_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*:/*")
_SUFFIX_RE = re.compile(r"(?:\.[a-z]{2}(?:[-_][a-z]{2,4})?)?(?:\.(?:html?|php|txt|md|pdf|aspx?))$")
_VERSION_WORD_RE = re.compile(r" (?:version|v) (?=\d)| v(?=\d)")


@dataclass(frozen=True)
class OtherLicence:
    spdx: str | None
    family: str
    openness: Openness
    title: str
    short_name: str | None
    url: str | None
    reason: str
    version: str | None = None
    version_missing: bool = False


def norm_url(url: str) -> str:
    """A URL reduced for lookup: lowercase, no scheme, no ``www.``, no query, fragment,
    trailing slash or ``.html``-like suffix."""
    url = url.strip().strip("<>\"'").rstrip(")].,;:!?»").lower()
    url = _SCHEME_RE.sub("", url)
    url = re.split(r"[?#]", url, maxsplit=1)[0]
    if url.startswith("www."):
        url = url[4:]
    url = url.rstrip("/")
    if url.endswith(".pdf") and "etalab" in url:
        return url
    return _SUFFIX_RE.sub("", url).rstrip("/")


def _entry(raw: dict[str, Any]) -> OtherLicence:
    return OtherLicence(
        spdx=raw["spdx"],
        family=raw["family"],
        openness=raw["openness"],
        title=raw["title"],
        short_name=raw.get("short_name"),
        url=raw.get("url"),
        reason=raw.get("reason") or "",
        version=raw.get("version"),
        version_missing=bool(raw.get("version_missing")),
    )


@cache
def _tables() -> tuple[dict[str, OtherLicence], dict[str, OtherLicence], dict[str, OtherLicence]]:
    by_id: dict[str, OtherLicence] = {}
    by_link: dict[str, OtherLicence] = {}
    by_words: dict[str, OtherLicence] = {}
    for raw in load_data("licences/other_licences.json")["licences"]:
        entry = _entry(raw)
        if entry.spdx:
            by_id.setdefault(entry.spdx.casefold(), entry)
        for link in [*raw["urls"], *([raw["url"]] if raw.get("url") else [])]:
            by_link.setdefault(norm_url(link), entry)
        for name in [*raw["names"], raw["title"]]:
            key = canon(words(fold(name))).strip()
            if key:
                by_words.setdefault(key, entry)
    return by_id, by_link, by_words


@cache
def _name_re() -> re.Pattern[str]:
    names = sorted(_tables()[2], key=len, reverse=True)
    return re.compile(" (" + "|".join(re.escape(n) for n in names) + ") ")


def canon(word_text: str) -> str:
    """Drop the word "version" and a "v" before a number: ``version 2.0`` = ``v2.0`` = ``2.0``."""
    return _VERSION_WORD_RE.sub(" ", word_text)


def deprecated_replacement(spdx_id: str) -> str | None:
    """The expression replacing a deprecated ``X-with-Y-exception`` style id."""
    table: dict[str, str] = load_data("licences/other_licences.json")["deprecated_replacements"]
    return table.get(spdx_id)


def by_spdx(spdx_id: str) -> OtherLicence | None:
    return _tables()[0].get(spdx_id.casefold())


def by_url(url: str) -> OtherLicence | None:
    return _tables()[1].get(norm_url(url))


def by_name(word_text: str) -> OtherLicence | None:
    """The licence whose name occurs in ``word_text`` (the output of :func:`words`);
    the longest name wins, so ``gpl v3 or later`` beats ``gpl v3``."""
    best: str | None = None
    for match in _name_re().finditer(canon(word_text)):
        name = match.group(1)
        if best is None or len(name) > len(best):
            best = name
    return _tables()[2][best] if best else None


def licence(raw: str, entry: OtherLicence, how: How, confidence: float) -> Licence:
    name = entry.short_name or entry.spdx or entry.title
    reason = entry.reason[:1].upper() + entry.reason[1:] if entry.reason else name
    return Licence(
        raw=raw,
        spdx=entry.spdx,
        url=entry.url,
        openness=entry.openness,
        family=entry.family,
        version=entry.version,
        confidence=confidence,
        how=how,
        reason=reason,
        short_name=entry.short_name,
        title=entry.title,
        version_missing=entry.version_missing,
    )
