"""Small helpers shared by the rule packs' messages (not a pack: the registry skips
modules whose names start with ``_``)."""

from __future__ import annotations

from oer_meta.i18n import N_, Message, marked, msg

__all__ = ["date_named", "quote"]

#: A date's kind (``DateValue.kind``) -> how a message names the date: a whole phrase
#: per kind, since French puts the kind after the noun (``la date de création``).
_DATES = {
    "created": N_("created date"),
    "published": N_("published date"),
    "modified": N_("modified date"),
    "contributed": N_("contributed date"),
    "datestamp": N_("datestamp date"),
    "other": N_("other date"),
}


def date_named(kind: str) -> Message:
    """The date of ``kind`` as a message names it (``created date``); a kind this table
    does not know keeps its name as a parameter."""
    found = _DATES.get(kind)
    return marked(found) if found is not None else msg("{kind} date", kind=kind)


def quote(text: str, limit: int = 80) -> str:
    """A value as a message quotes it: on one line, cut to ``limit`` characters."""
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")
