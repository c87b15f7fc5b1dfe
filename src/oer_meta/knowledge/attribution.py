"""The attribution line a re-user copies: title, author, source and licence (TASL).

Creative Commons asks re-users to credit a work by its Title, Author, Source and
Licence.  :func:`attribution` builds that line from a record, in English, French,
German or Spanish, as plain text, HTML marked up with RDFa the way Creative Commons
marks it up (``cc:`` and ``dct:``), or Markdown.  A part the record does not give is
named as missing in the line; nothing is guessed.  The wording lives in
``data/licences/attribution.json``; docs/attribution.md explains the choices.

This module knows records, not inputs: :func:`oer_meta.attribution`, which also
reads a file, bytes or a dict first, is :func:`oer_meta.engine.attribution`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import quote

from oer_meta.errors import UsageError
from oer_meta.i18n import joined, said
from oer_meta.knowledge.data_files import load_data
from oer_meta.knowledge.languages import inspect_language, primary_language
from oer_meta.knowledge.licences.record import record_licence
from oer_meta.knowledge.vocabularies import concept_tail
from oer_meta.model import Agent, Record

if TYPE_CHECKING:
    from oer_meta.knowledge.licences.model import Licence

__all__ = [
    "FORMATS",
    "LANGUAGES",
    "Tasl",
    "attribution",
    "check_options",
    "render",
    "resolvable_url",
    "tasl",
]

#: The output formats :func:`attribution` writes.
FORMATS = ("text", "html", "markdown")
#: The languages the line can be written in.
LANGUAGES = ("en", "fr", "de", "es")

Part = Literal["title", "author", "source", "licence"]
Kind = Literal[
    "licensed", "dedicated", "marked", "no_licence", "not_open", "not_a_licence", "unrecognised"
]

_FORMAT_ALIASES = {"md": "markdown", "txt": "text", "plain": "text"}
_DOI = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)$", re.I)
_HANDLE = re.compile(r"^(?:hdl:\s*|https?://hdl\.handle\.net/)(\S+/\S+)$", re.I)
_BARE_HANDLE = re.compile(r"^\d[\w.]*/\S+$")
#: Characters left as they are when a DOI or handle is put in a URL path.
_URL_SAFE = "/:;()._-~!$&'*+,=@"
_HTTP = re.compile(r"^https?://\S+$", re.I)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
#: Long rights statements are cut at this many characters in the line.
_STATEMENT_LIMIT = 300
_CC_NS = 'xmlns:cc="http://creativecommons.org/ns#" xmlns:dct="http://purl.org/dc/terms/"'


@cache
def _wording() -> dict[str, Any]:
    data: dict[str, Any] = load_data("licences/attribution.json")
    return data


def _language_of(tag: str | None) -> str | None:
    """The primary language of a tag (``fre`` -> ``fr``, ``fr-CA`` -> ``fr``), or None
    for tags that name no language (``x-none``, ``zxx``, garbage)."""
    verdict = inspect_language(tag or "")
    return primary_language(verdict.tag) if verdict.is_language else None


def _check_lang(lang: str) -> str:
    code = _language_of(lang) if isinstance(lang, str) else None
    if code not in LANGUAGES:
        raise UsageError(
            said(
                "unknown attribution language {lang!r}; use one of {languages}",
                lang=lang,
                languages=joined(", ", LANGUAGES),
            )
        )
    return code


def _check_format(format: str) -> str:
    value = format.strip().lower() if isinstance(format, str) else ""
    value = _FORMAT_ALIASES.get(value, value)
    if value not in FORMATS:
        raise UsageError(
            said(
                "unknown attribution format {format!r}; use one of text, html, markdown (or md)",
                format=format,
            )
        )
    return value


def _clean(text: str) -> str:
    """One line: runs of whitespace (newlines, tabs) collapsed."""
    return " ".join(text.split())


def _clean_name(text: str) -> str:
    """A name on one line, without the stray separators vCards and DC lists leave at its
    ends (``Albertinen-Krankenhaus Hamburg ,``)."""
    return _clean(text).strip(" ,;")


# -- the four parts ------------------------------------------------------------------------


@dataclass(frozen=True)
class Tasl:
    """What a record gives for each part of the attribution line.

    ``authors_from`` says where the names came from: ``"author"`` (author/creator
    roles) or ``"rights-holder"`` (the fallback); ``title_language`` is the title's own
    language when the record tags it.
    """

    title: str | None
    title_language: str | None
    authors: tuple[str, ...]
    authors_from: Literal["author", "rights-holder"] | None
    source: str | None
    licence: Licence | None

    @property
    def missing(self) -> tuple[Part, ...]:
        """The parts the record does not give, in TASL order."""
        parts: list[Part] = []
        if self.title is None:
            parts.append("title")
        if not self.authors:
            parts.append("author")
        if self.source is None:
            parts.append("source")
        if self.licence is None:
            parts.append("licence")
        return tuple(parts)


def _title(record: Record, lang: str) -> tuple[str | None, str | None]:
    """The title in ``lang`` when the record has one, else its first title."""
    first: tuple[str, str | None] | None = None
    for text in record.titles:
        value = _clean(text.value)
        if not value:
            continue
        language = _language_of(text.language)
        if language == lang:
            return value, language
        if first is None:
            first = (value, language)
    return first if first is not None else (None, None)


def _role_key(role: str | None) -> str | None:
    """A role lower-cased, a concept URI cut to its last segment; None for the roles of
    the metadata record itself (LOM ``metaMetadata``), which are not the work's."""
    key = (role or "").strip().lower()
    return None if key.startswith("metadata:") else concept_tail(key)


def _names(agents: Sequence[Agent]) -> tuple[str, ...]:
    names: list[str] = []
    seen: set[str] = set()
    for agent in agents:
        name = _clean_name(agent.name or "")
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return tuple(names)


def _authors(record: Record) -> tuple[tuple[str, ...], Literal["author", "rights-holder"] | None]:
    roles = frozenset(_wording()["author_roles"])
    authors = _names([a for a in record.contributors if _role_key(a.role) in roles])
    if authors:
        return authors, "author"
    holders = _names(record.rights_holders)
    if holders:
        return holders, "rights-holder"
    return (), None


def resolvable_url(value: str, catalog: str | None = None) -> tuple[int, str] | None:
    """``(rank, url)`` for an identifier a browser can open: a DOI (rank 0) as
    ``https://doi.org/...``, a handle (1) as ``https://hdl.handle.net/...``, an http(s)
    URL (2) as written; None for anything else (URN, ISBN, OAI, local codes)."""
    text = value.strip()
    scheme = (catalog or "").strip().lower()
    doi = _DOI.match(text)
    if doi is not None:
        return 0, "https://doi.org/" + quote(doi.group(1), safe=_URL_SAFE)
    prefixed = _HANDLE.match(text)
    handle = prefixed.group(1) if prefixed is not None else None
    if handle is None and scheme in ("handle", "hdl") and _BARE_HANDLE.match(text):
        handle = text
    if handle is not None:
        return 1, "https://hdl.handle.net/" + quote(handle, safe=_URL_SAFE)
    if _HTTP.match(text):
        return 2, text
    return None


def _source(record: Record) -> str | None:
    """The best link to the resource: a DOI, else a handle, else an http(s) identifier,
    else a location URL.  Identifiers of the metadata record itself are skipped."""
    found: list[tuple[int, int, str]] = []
    for position, ident in enumerate(record.identifiers):
        catalog = (ident.catalog or "").strip().lower()
        if catalog.startswith("metadata:") or catalog == "oai":
            continue
        link = resolvable_url(ident.value, ident.catalog)
        if link is not None:
            found.append((link[0], position, link[1]))
    if found:
        return min(found)[2]
    for url in record.urls:
        link = resolvable_url(url.value)
        if link is not None:
            return link[1]
    return None


def tasl(record: Record, lang: str = "en") -> Tasl:
    """Read the four parts of the attribution line from ``record``."""
    code = _check_lang(lang)
    title, title_language = _title(record, code)
    authors, authors_from = _authors(record)
    return Tasl(
        title=title,
        title_language=title_language,
        authors=authors,
        authors_from=authors_from,
        source=_source(record),
        licence=record_licence(record),
    )


# -- wording --------------------------------------------------------------------------------


def _kind(licence: Licence | None) -> Kind:
    """Which sentence fits the licence: a licence, a public-domain tool, or a rights
    statement that grants nothing."""
    words = _wording()
    if licence is None:
        return "no_licence"
    if licence.parts:
        return "licensed"
    if licence.how == "none":
        return "unrecognised"
    if not licence.names_licence:
        return "not_open" if licence.openness == "not-open" else "not_a_licence"
    if licence.family in words["marked_families"]:
        return "marked"
    if licence.family in words["dedicated_families"] or licence.spdx in words["dedicated_spdx"]:
        return "dedicated"
    return "licensed"


def _conjunction(lang: str, which: Literal["and", "or"], following: str) -> str:
    """``and``/``or`` in ``lang``; Spanish ``y``/``o`` become ``e``/``u`` before an
    i- or o- sound (``Pedro e Inés``)."""
    words = _wording()["languages"][lang]
    rule = words.get("before_vowel_sound", {}).get(which)
    if rule is not None:
        start = following.strip().casefold()
        if start.startswith(tuple(rule["prefixes"])) and not start.startswith(
            tuple(rule["except"])
        ):
            return str(rule["word"])
    return str(words[which])


def _join(items: list[str], plain: list[str], lang: str, which: Literal["and", "or"]) -> str:
    """``A``, ``A and B``, ``A, B and C``; ``plain`` are the unescaped texts that
    choose the conjunction's form.  Names written ``Family, Given`` are kept as
    written and separated by semicolons, so that ``Doe, Jane; Roe, John`` stays two
    names."""
    if len(items) <= 1:
        return "".join(items)
    separator = "; " if any("," in text for text in plain) else ", "
    word = _conjunction(lang, which, plain[-1])
    return f"{separator.join(items[:-1])} {word} {items[-1]}"


class _Writer:
    """Plain text: titles quoted, links written out in brackets."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.words: dict[str, Any] = _wording()["languages"][lang]

    def esc(self, text: str) -> str:
        return text

    def missing(self, part: str) -> str:
        return self.esc(str(self.words["missing"][part]))

    def quoted(self, inner: str) -> str:
        opening, closing = self.words["quotes"]
        return f"{opening}{inner}{closing}"

    def work(self, parts: Tasl) -> str:
        title = self.quoted(parts.title) if parts.title else self.missing("title")
        return f"{title} ({parts.source or self.missing('source')})"

    def author(self, names: tuple[str, ...]) -> str:
        if not names:
            return self.missing("author")
        return _join([self.esc(n) for n in names], list(names), self.lang, "and")

    def link(self, label: str, url: str | None, rel: str) -> str:
        return f"{label} ({url})" if url and url != label else self.esc(label)

    def statement(self, text: str) -> str:
        return self.quoted(self.esc(text))

    def wrap(self, line: str, parts: Tasl) -> str:
        return line


class _Html(_Writer):
    """HTML with the RDFa Creative Commons uses: ``dct:title``, ``cc:attributionURL``,
    ``cc:attributionName``, ``rel="license"``."""

    def esc(self, text: str) -> str:
        return html.escape(text, quote=True)

    def work(self, parts: Tasl) -> str:
        source = parts.source
        if parts.title is None:
            missing = self.missing("title")
            if source is None:
                return f"{missing} ({self.missing('source')})"
            return f'<a rel="cc:attributionURL" href="{self.esc(source)}">{missing}</a>'
        lang = ""
        if parts.title_language and parts.title_language != self.lang:
            lang = f' lang="{parts.title_language}"'
        title = self.esc(parts.title)
        if source is None:
            inner = f'<span property="dct:title"{lang}>{title}</span>'
            return f"{self.quoted(inner)} ({self.missing('source')})"
        href = self.esc(source)
        return self.quoted(
            f'<a property="dct:title" rel="cc:attributionURL" href="{href}"{lang}>{title}</a>'
        )

    def author(self, names: tuple[str, ...]) -> str:
        if not names:
            return self.missing("author")
        return f'<span property="cc:attributionName">{super().author(names)}</span>'

    def link(self, label: str, url: str | None, rel: str) -> str:
        if not url:
            return self.esc(label)
        return f'<a rel="{rel}" href="{self.esc(url)}">{self.esc(label)}</a>'

    def statement(self, text: str) -> str:
        return self.quoted(f'<span property="dct:rights">{self.esc(text)}</span>')

    def wrap(self, line: str, parts: Tasl) -> str:
        about = f' about="{self.esc(parts.source)}"' if parts.source else ""
        return f'<p {_CC_NS}{about} lang="{self.lang}">{line}</p>'


class _Markdown(_Writer):
    """Markdown: the title linked to the source, the licence to its URL."""

    def esc(self, text: str) -> str:
        return _MARKDOWN_SPECIAL.sub(r"\\\1", text)

    def work(self, parts: Tasl) -> str:
        title = self.esc(parts.title) if parts.title else self.missing("title")
        if parts.source is None:
            shown = self.quoted(title) if parts.title else title
            return f"{shown} ({self.missing('source')})"
        linked = f"[{title}]({_markdown_url(parts.source)})"
        return self.quoted(linked) if parts.title else linked

    def link(self, label: str, url: str | None, rel: str) -> str:
        if not url:
            return self.esc(label)
        return f"[{self.esc(label)}]({_markdown_url(url)})"


def _markdown_url(url: str) -> str:
    """A link destination Markdown cannot misread: spaces encoded, brackets escaped."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


_WRITERS: dict[str, type[_Writer]] = {"text": _Writer, "html": _Html, "markdown": _Markdown}


def _licence_label(licence: Licence, writer: _Writer) -> str:
    """The licence by its conventional short name, linked to its canonical URL."""
    if licence.parts:
        rendered = [_licence_label(part, writer) for part in licence.parts]
        plain = [part.short_name or part.spdx or part.raw for part in licence.parts]
        which: Literal["and", "or"] = "and" if licence.operator == "AND" else "or"
        return _join(rendered, plain, writer.lang, which)
    if licence.family in _wording()["marked_families"]:
        template = str(writer.words["labels"]["pdm"])
        label = template.format(version=licence.version or "1.0")
    else:
        label = licence.short_name or licence.spdx or licence.title or _clean(licence.raw)
    shown = writer.link(label, licence.url, "license")
    if licence.version_missing:
        shown += " " + writer.missing("version")
    return shown


def _statement(licence: Licence, writer: _Writer) -> str:
    """A rights statement that is not a licence, quoted as the record wrote it (or by
    its name when it is a known URI such as a rightsstatements.org one)."""
    text = _clean(licence.raw)
    if licence.url:
        label = licence.title or licence.short_name or text
        return writer.link(label, licence.url, "dct:rights")
    if _HTTP.match(text):  # a terms-of-use page: link it, as written
        return writer.link(text, text, "dct:rights")
    if len(text) > _STATEMENT_LIMIT:
        text = text[: _STATEMENT_LIMIT - 1].rstrip() + "…"
    return writer.statement(text)


def render(parts: Tasl, lang: str = "en", format: str = "text") -> str:
    """Write the attribution line for parts already read from a record."""
    code, fmt = _check_lang(lang), _check_format(format)
    writer = _WRITERS[fmt](code)
    names = tuple(name for name in (_clean_name(n) for n in parts.authors) if name)
    parts = replace(parts, title=_clean(parts.title or "") or None, authors=names)
    kind = _kind(parts.licence)
    if parts.licence is None:
        licence = writer.missing("licence")
    elif kind in ("not_open", "not_a_licence", "unrecognised"):
        licence = _statement(parts.licence, writer)
    else:
        licence = _licence_label(parts.licence, writer)
    template = str(writer.words["templates"][kind])
    if names and names[-1].endswith("."):  # "by Roe, R." ends the sentence once
        template = template.replace("{author}.", "{author}")
    line = template.format(
        work=writer.work(parts), author=writer.author(parts.authors), licence=licence
    )
    return writer.wrap(line, parts)


def check_options(lang: str, format: str) -> tuple[str, str]:
    """``lang`` and ``format`` as :func:`attribution` uses them (``fr-CA`` -> ``fr``,
    ``md`` -> ``markdown``); :class:`~oer_meta.errors.UsageError` for others."""
    return _check_lang(lang), _check_format(format)


def attribution(record: Record, lang: str = "en", format: str = "text") -> str:
    """The attribution line a re-user should copy for ``record``.

    ``lang`` is ``en``, ``fr``, ``de`` or ``es`` (``fr-CA`` counts as ``fr``);
    ``format`` is ``text``, ``html`` or ``markdown`` (``md``).  Raises
    :class:`~oer_meta.errors.UsageError` for another language or format.
    :func:`oer_meta.attribution` (in :mod:`oer_meta.engine`) also takes anything
    :func:`oer_meta.read` accepts.
    """
    code, fmt = check_options(lang, format)
    return render(tasl(record, code), code, fmt)
