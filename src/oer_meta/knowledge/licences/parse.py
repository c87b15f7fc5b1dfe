"""``parse_licence``: one licence or rights statement, as a record wrote it, to a
:class:`Licence`.

Recognisers run from the strongest evidence to the weakest, cheap checks first:

1. an SPDX id or expression (the whole text);
2. a Creative Commons URL anywhere in the text (badges included);
3. a rightsstatements.org URI, another licence's steward URL;
4. a CC short name or code (``CC BY-SA 4.0``, ``cc-by-40``);
5. another licence's name (``GNU General Public License v3``), before CC names so that
   "Open Data Commons Attribution License" is not read as CC BY;
6. a CC full name in English, French, German or Spanish, then "Creative Commons" alone;
7. a non-licence statement (all rights reserved, ©, educational use only...), in the
   languages of ``statements.json`` and ``rights_phrases.json``;
8. a URL that is no licence: a placeholder (``example.com``), an encyclopedia article
   or a list of licences, a terms-of-use page.

A value that stands for no value ("N/A", "none", "-") is read last, as the absence
of a licence.

So a URL wins over a name in the same text and any licence wins over a copyright notice.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any

from oer_meta.i18n import N_, Message, marked, recall, remember, said
from oer_meta.internal import record_crash
from oer_meta.knowledge.licences import cc, names, others, phrases, spdx, statements
from oer_meta.knowledge.licences.model import Licence
from oer_meta.knowledge.licences.text import fold, words

__all__ = ["parse_licence"]

#: Text past this length is not read: licence statements are short, and regexes over
#: megabytes of prose would make one bad record slow down a harvest.
MAX_CHARS = 4000

_STRIP = " \t\r\n\"'<>«»“”‘’`"
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"'()\[\]{}»«]+", re.IGNORECASE)
_BARE_URL_RE = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+/\S*$", re.IGNORECASE)
#: A site's address with no page (``http://rs.org``, ``www.example.edu/``).
_HOME_PAGE_RE = re.compile(r"^(?:https?://)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)/?$", re.I)
_SPDX_PAGE_RE = re.compile(
    r"spdx\.org/licenses/([A-Za-z0-9.+-]+?)(?:\.html|\.json|\.txt)?/?(?:[?#]|$)", re.IGNORECASE
)
#: How much each kind of evidence is trusted (pinned by the licence conventions).
CONFIDENCE = {
    "spdx": 1.0,
    "url": 1.0,
    "short-name": 0.95,
    "name": 0.9,
    "statement": 0.8,
    "fuzzy": 0.6,
    "none": 0.0,
}


def _reasons(licence: Licence) -> tuple[tuple[str, Message], ...]:
    """The reasons of a licence and of its parts, each with the message it was said
    from (a pydantic ``str`` field keeps only the text, docs/i18n.md)."""
    found: list[tuple[str, Message]] = []
    todo = [licence]
    while todo:
        current = todo.pop()
        message = recall(current.reason) if current.reason else None
        if message is not None:
            found.append((current.reason, message))
        todo.extend(current.parts)
    return tuple(found)


def _cached(func: Callable[[Any], Licence]) -> Callable[[Any], Licence]:
    """``lru_cache`` on the exact text; anything that is not a str bypasses the cache
    (it may not be hashable).  ``__wrapped__`` is the undecorated function.  The cache
    keeps each reason's message beside the licence and makes it known again on every
    hit, so a licence met again after many others is still said in the run's language."""

    def parsed(text: str) -> tuple[Licence, tuple[tuple[str, Message], ...]]:
        licence = func(text)
        return licence, _reasons(licence)

    cached = lru_cache(maxsize=65536)(parsed)

    @wraps(func)
    def wrapper(text: Any) -> Licence:
        if type(text) is not str:
            return func(text)
        licence, reasons = cached(text)
        for reason, message in reasons:
            remember(reason, message)
        return licence

    wrapper.cache_info = cached.cache_info  # type: ignore[attr-defined]
    wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return wrapper


@_cached
def parse_licence(text: str) -> Licence:
    """Read one licence statement; never raises.  Non-str input gives an unknown Licence."""
    if not isinstance(text, str):
        return Licence(
            raw="", reason=said("Not a text ({kind}): nothing to read.", kind=type(text).__name__)
        )
    try:
        return _parse(text)
    except Exception as exc:  # never let a statement break a harvest, but say it crashed
        record_crash("parse_licence", exc)
        return Licence(
            raw=_safe_raw(text),
            reason=said("Could not be read ({error}).", error=type(exc).__name__),
        )


def _safe_raw(text: str) -> str:
    try:
        Licence(raw=text)
    except Exception:
        return text.encode("utf-8", "replace").decode("utf-8")
    return text


def _parse(text: str) -> Licence:
    body = text[:MAX_CHARS].strip(_STRIP)
    if not body:
        return Licence(raw=text, reason=said("Empty statement: no licence is stated."))
    found = _recognise(text, body)
    if found is not None:
        confidence = CONFIDENCE[found.how]
        if found.confidence != confidence or found.raw != text:
            found = found.model_copy(update={"confidence": confidence, "raw": text})
        return found
    if phrases.is_absent(body):
        return statements.absent(text, body)
    return Licence(raw=text, reason=_unknown_reason(body))


def _recognise(raw: str, body: str) -> Licence | None:
    # 1. SPDX id or expression
    if " " not in body and len(body) <= 120:
        hit = spdx.lookup_id(body, raw)
        if hit is not None:
            return _spdx_url(hit)
    if spdx.expression_candidate(body):
        return spdx.parse_expression(body, _member).model_copy(update={"raw": raw})
    # 2. Creative Commons URL
    cc_url = cc.find_cc_url(body)
    if cc_url is not None:
        hit = _from_cc_url(raw, cc_url)
        if hit is not None:
            return hit
    # 3. other URLs
    lowered = body.lower()
    if "rightsstatements.org" in lowered:
        hit = statements.rightsstatements(raw)
        if hit is not None:
            return hit
    urls = _urls(body)
    for url in urls:
        spdx_page = _SPDX_PAGE_RE.search(url)
        if spdx_page is not None:
            hit = spdx.lookup_id(spdx_page.group(1), raw)
            if hit is not None:
                return _spdx_url(hit).model_copy(update={"how": "url"})
        entry = others.by_url(url)
        if entry is not None:
            return _spdx_url(others.licence(raw, entry, "url", 1.0))
    # 4.-6. names, read with the URLs taken out
    prose = body
    for url in urls:
        prose = prose.replace(url, " ")
    short = names.match_short_name(prose)
    if short is not None:
        return _named(raw, short.tool, "short-name")
    folded = fold(prose)
    word_text = words(folded)
    other = others.by_name(word_text)
    if other is not None:
        return _spdx_url(others.licence(raw, other, "name", 0.9))
    full = names.match_full_name(word_text, prose)
    if full is not None:
        return _named(raw, full.tool, "name")
    if cc_url is not None or " creative commons " in word_text or "creativecommons" in word_text:
        return _some_cc(raw, cc_url)
    # 7. statements: a RightsStatements.org label first, then the patterns
    said = statements.rightsstatement_by_name(prose) if folded else None
    if said is not None:
        return said.model_copy(update={"raw": raw})
    said = statements.match_statement(raw, folded) if folded else None
    if said is not None:
        return _with_link_note(said, urls)
    # 8. URLs that are no licence
    for url in urls:
        if "creativecommons.org" in url.lower():
            continue
        hit = (
            statements.placeholder(raw, url)
            or statements.reference_page(raw, url)
            or statements.terms_page(raw, url)
        )
        if hit is not None:
            return hit
    return None


def _with_link_note(found: Licence, urls: list[str]) -> Licence:
    """A statement whose link is an encyclopedia article or a placeholder ("Public
    Domain - http://en.wikipedia.org/wiki/Public_domain") says so in its reason: the
    words are read, the link proves nothing."""
    for url in urls:
        page = statements.reference_page(found.raw, url) or statements.placeholder(found.raw, url)
        if page is not None:
            note = page.reason.split(":", 1)[0].removeprefix("Links to ")
            return found.model_copy(
                update={
                    "reason": said(
                        "{reason} The link is {note}, not a licence.",
                        reason=marked(found.reason),
                        note=note,
                    )
                }
            )
    return found


def _member(token: str) -> Licence:
    """One member of an SPDX expression: an SPDX id, else any other form we know."""
    hit = spdx.lookup_id(token)
    if hit is not None:
        return _spdx_url(hit)
    short = names.match_short_name(token)
    if short is not None and short.matched.replace(" ", "").lower() == token.lower():
        return _named(token, short.tool, "short-name")
    return Licence(
        raw=token,
        reason=said(
            "{token} is neither an SPDX id nor a licence name oer_meta knows.", token=token
        ),
    )


def _spdx_url(licence: Licence) -> Licence:
    """Give an SPDX licence with no steward URL its SPDX page."""
    if (
        licence.url
        or not licence.spdx
        or licence.operator
        or licence.family
        in (
            "none",
            "noassertion",
            "licenseref",
        )
    ):
        return licence
    ident = licence.spdx
    if " " in ident or ident.endswith("+"):
        return licence
    return licence.model_copy(update={"url": f"https://spdx.org/licenses/{ident}.html"})


def _named(raw: str, tool: cc.Tool, how: str) -> Licence:
    return cc.cc_licence(raw, tool, how, CONFIDENCE[how])  # type: ignore[arg-type]


def _from_cc_url(raw: str, url: str) -> Licence | None:
    parsed = cc.parse_cc_url(url)
    tool = parsed.tool
    if tool is None:
        return None
    evidence = N_("read from a badge image") if parsed.badge else ""
    wrapper = cc.software_wrapper(tool)
    if wrapper is not None:
        hit = spdx.lookup_id(wrapper, raw)
        if hit is not None:
            return _spdx_url(hit).model_copy(update={"how": "url"})
    return cc.cc_licence(raw, tool, "url", 1.0, evidence=evidence)


def _some_cc(raw: str, cc_url: str | None) -> Licence:
    """Creative Commons is named, but not which licence."""
    return Licence(
        raw=raw,
        family="cc",
        how="fuzzy",
        reason=said(
            "The statement links to {note} but not which licence: whether adaptation and "
            "commercial re-use are allowed depends on the Creative Commons licence meant.",
            note=marked(cc.parse_cc_url(cc_url).note),
        )
        if cc_url
        else said(
            "The statement names Creative Commons but not which licence: whether adaptation "
            "and commercial re-use are allowed depends on the Creative Commons licence meant."
        ),
    )


def _urls(body: str) -> list[str]:
    found = _URL_RE.findall(body)
    if not found and " " not in body and _BARE_URL_RE.match(body):
        found = [body]
    return found


def _unknown_reason(body: str) -> str:
    cc_url = cc.find_cc_url(body)
    if cc_url is not None:
        note = cc.parse_cc_url(cc_url).note
        return said("Links to {note}, which is no licence.", note=marked(note))
    urls = _urls(body)
    if len(urls) == 1 and _HOME_PAGE_RE.match(urls[0]):
        site = _HOME_PAGE_RE.match(urls[0]).group(1)  # type: ignore[union-attr]
        return said(
            "Only the address of a web site ({site}), no page: it names no licence.", site=site
        )
    if urls:
        return N_("An unrecognised URL: not a licence oer_meta knows.")
    return N_("Not recognised as a licence or rights statement.")
