"""Rights statements that are not licences: all rights reserved, copyright notices,
non-commercial or educational use only, proprietary terms, restriction prose, access
statements, rightsstatements.org URIs, terms-of-use pages, placeholder URLs and
encyclopedia articles (``data/licences/statements.json``; the same families in other
languages in ``rights_phrases.json``, read by :mod:`.phrases`).

They are consulted only after every licence recogniser failed: a licence anywhere in
the text wins over a copyright notice next to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, cast
from urllib.parse import unquote, urlsplit

from oer_meta.i18n import clause, marked, said
from oer_meta.knowledge.data_files import load_data
from oer_meta.knowledge.licences import phrases
from oer_meta.knowledge.licences.model import How, Licence, Openness
from oer_meta.knowledge.licences.text import fold, words

__all__ = [
    "absent",
    "match_statement",
    "placeholder",
    "reference_page",
    "rightsstatement_by_name",
    "rightsstatements",
    "terms_page",
]

_RS_RE = re.compile(r"rightsstatements\.org/(?:vocab|page|data)/([a-z-]+)/", re.I)
_URL_RE = re.compile(r"^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(/\S*)?$", re.I)


@dataclass(frozen=True)
class _Statement:
    family: str
    openness: Openness
    reason: str
    how: How
    confidence: float
    pattern: re.Pattern[str]
    unless: re.Pattern[str] | None


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = load_data("licences/statements.json")
    return data


@cache
def _statements() -> tuple[_Statement, ...]:
    return tuple(
        _Statement(
            family=raw["family"],
            openness=raw["openness"],
            reason=raw["reason"],
            how=raw.get("how", "statement"),
            confidence=float(raw.get("confidence", 0.8)),
            pattern=_any_of(raw["patterns"]),
            unless=_any_of(raw["unless"]) if raw.get("unless") else None,
        )
        for raw in _data()["statements"]
    )


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    """One regex for a list of alternatives: one search instead of many."""
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def match_statement(raw: str, folded: str) -> Licence | None:
    """The first statement whose pattern occurs in ``folded`` (see :func:`text.fold`),
    or one of whose phrases in another language occurs in its words."""
    said: str | None = None
    for statement in _statements():
        found = statement.pattern.search(folded) is not None
        if not found and statement.family in phrases.families():
            if said is None:
                said = phrases.prose_words(folded)
            found = phrases.matches(statement.family, said)
        if found and not (statement.unless and statement.unless.search(folded)):
            return Licence(
                raw=raw,
                family=statement.family,
                openness=statement.openness,
                how=statement.how,
                confidence=statement.confidence,
                reason=statement.reason,
            )
    return None


def rightsstatements(raw: str) -> Licence | None:
    """A rightsstatements.org URI (``http://rightsstatements.org/vocab/InC/1.0/``)."""
    match = _RS_RE.search(raw)
    if not match:
        return None
    table: dict[str, list[str]] = _data()["rightsstatements"]
    wanted = match.group(1).casefold()
    for code, (name, openness) in table.items():
        if code.casefold() == wanted:
            found = _rights_statement(raw, code, name, openness, "url")
            if "/vocab/" not in match.group(0).casefold():
                reason = said(
                    "{reason} The address is the statement's web page; its identifier is {url}.",
                    reason=marked(found.reason),
                    url=found.url,
                )
                found = found.model_copy(update={"reason": reason})
            return found
    return Licence(
        raw=raw,
        family="rightsstatements",
        how="fuzzy",
        confidence=0.6,
        reason=said("A rightsstatements.org URI of no known statement."),
    )


def terms_page(raw: str, url: str) -> Licence | None:
    """A site's terms-of-use, copyright or legal page named instead of a licence."""
    spec = _data()["terms_page"]
    match = _URL_RE.match(url)
    if not match:
        return None
    path = (match.group(1) or "").casefold()
    if not re.search(spec["path_pattern"], path):
        return None
    return Licence(
        raw=raw,
        family=spec["family"],
        openness=spec["openness"],
        how="statement",
        confidence=0.8,
        reason=spec["reason"],
    )


def absent(raw: str, body: str) -> Licence:
    """A value that stands for no value ("N/A", "none", "-"): no licence is stated."""
    return Licence(
        raw=raw,
        family="not-stated",
        openness="unknown",
        how="statement",
        confidence=0.8,
        reason=said("{body!r} stands for no value: the record states no licence.", body=body),
    )


def _host_and_path(url: str) -> tuple[str, str] | None:
    """(host without ``www.``, path) of a URL written with or without its scheme."""
    text = url.strip().rstrip(")].,;:!?")
    if "://" not in text:
        text = "http://" + text
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").casefold()
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www."), parts.path


def placeholder(raw: str, url: str) -> Licence | None:
    """A URL on a domain reserved for examples and tests (``example.com``, ``.test``)."""
    parts = _host_and_path(url)
    spec = _data()["placeholder"]
    if parts is None or not re.search(spec["host_pattern"], parts[0]):
        return None
    reason = said("{url} is {reason}.", url=url, reason=clause(spec["reason"]))
    return _page_licence(raw, spec, reason)


def reference_page(raw: str, url: str) -> Licence | None:
    """An encyclopedia article (``en.wikipedia.org/wiki/Public_domain``) or a list of
    licences (``gnu.org/licenses/``): a page about licences is not a licence."""
    parts = _host_and_path(url)
    if parts is None:
        return None
    host, path = parts
    spec = _data()["reference_page"]
    page = f"{host}{path.rstrip('/')}".casefold()
    if re.search(spec["host_pattern"], host):
        title = unquote(path.rstrip("/").rsplit("/", 1)[-1]).replace("_", " ").strip()
        what: str = (
            said("an encyclopedia article ({title!r} on {host})", title=title, host=host)
            if title
            else host
        )
    elif page in spec["list_pages"]:
        what = said("a list of licences ({page})", page=page)
    else:
        return None
    reason = said("Links to {what}: {reason}.", what=what, reason=clause(spec["reason"]))
    return _page_licence(raw, spec, reason)


def _page_licence(raw: str, spec: dict[str, Any], reason: str) -> Licence:
    """The statement a URL that is no licence makes (a placeholder, a page about
    licences): the data file's family and openness, and ``reason``, a sentence that
    says what the page is and then the data file's reason as a clause."""
    return Licence(
        raw=raw,
        family=spec["family"],
        openness=spec["openness"],
        how="statement",
        confidence=0.8,
        reason=reason,
    )


def rightsstatement_by_name(raw: str) -> Licence | None:
    """A RightsStatements.org statement written by its label ("No Copyright - United
    States"); the text must be little more than the label, so prose that merely says
    "in copyright" is not taken for the statement."""
    said = words(fold(raw))
    for label, code, name, openness in _rights_labels():
        if len(said) <= len(label) + 25 and label in said:
            return _rights_statement(raw, code, name, openness, "name")
    return None


@cache
def _rights_labels() -> tuple[tuple[str, str, str, str], ...]:
    """(folded label, code, label, openness) of each statement, longest label first."""
    table: dict[str, list[str]] = _data()["rightsstatements"]
    rows = [(words(fold(name)), code, name, openness) for code, (name, openness) in table.items()]
    for code, labels in phrases.rightsstatement_labels().items():
        name, openness = table[code]
        rows.extend((words(fold(label)), code, name, openness) for label in labels)
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


def _rights_statement(raw: str, code: str, name: str, openness: str, how: str) -> Licence:
    return Licence(
        raw=raw,
        url=f"http://rightsstatements.org/vocab/{code}/1.0/",
        family="rightsstatements",
        openness=cast(Openness, openness),
        how=cast(How, how),
        confidence=1.0 if how == "url" else 0.9,
        short_name=code,
        title=name,
        reason=(
            said(
                "RightsStatements.org {name!r} is a rights statement, not a licence: re-use "
                "beyond what the law allows needs permission.",
                name=name,
            )
            if openness == "not-open"
            else said(
                "RightsStatements.org {name!r} is a rights statement, not a licence: a "
                "re-user cannot rely on it as permission to adapt and share.",
                name=name,
            )
        ),
    )
