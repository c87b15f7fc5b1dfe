"""Placeholders and junk that pass as content: template phrases, dummy text, markup.

A title such as ``Untitled document``, ``[Sans titre]`` or ``article-title-en`` fills
the field without saying anything.  :func:`placeholder` recognises them on *words*, not
on whole strings: the text is folded (lower case, accents removed), split into words
(runs of letters; digits and punctuation separate them), and it is a placeholder when

- it holds no letter and no digit at all (``-``, ``...``, ``???``);
- its words, joined, are one of the ``whole_values`` (``N/A``, ``TBD``, ``null``,
  ``xxx``), which count only as the whole text;
- an ``anywhere`` phrase occurs in it (``lorem ipsum``), however long the rest;
- or every word belongs to an occurrence of a placeholder phrase or is a filler word,
  and there is at least one phrase: ``Untitled document`` (phrase ``untitled``,
  filler ``document``), ``Enter a description here``, ``Título del objeto digital``.
  ``Untitled Goose Game: a case study`` is not one: ``goose`` is neither.

Phrases and fillers of all languages are used together, since language tags are often
wrong.  The lists are ``oer_meta/data/placeholders.json`` (docs/discoverability.md says
how they were collected).  :func:`markup` finds HTML tags, comments and entities left in
a text; :func:`same_words` compares a description with a title.
"""

from __future__ import annotations

import html.entities
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from oer_meta.i18n import N_
from oer_meta.knowledge.data_files import load_data
from oer_meta.knowledge.text import fold

__all__ = [
    "Markup",
    "Placeholder",
    "comparable",
    "markup",
    "placeholder",
    "placeholder_date",
    "same_words",
    "words",
]

_WORD = re.compile(r"[^\W\d_]+")
_ALNUM = re.compile(r"[^\W_]+")
#: An HTML tag: ``<p>``, ``</p>``, ``<br/>``, or a start tag with an attribute
#: (``<a href=``, ``<span style=``); the name is checked against :data:`_ELEMENTS`.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,9})(?:\s*/?>|\s+[A-Za-z][\w:-]{0,30}\s*=)")
_COMMENT = re.compile(r"<!--")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|([A-Za-z][A-Za-z0-9]{1,31}));")
#: HTML elements met in descriptions written in an HTML editor (a tag-like ``<T>`` in
#: running text is not one of them).
_ELEMENT_NAMES = (
    "a abbr b big blockquote body br center cite code dd del div dl dt em font h1 h2 h3 h4 "
    "h5 h6 head hr html i iframe img ins kbd li link mark meta ol p pre q s samp script "
    "small span strike strong style sub sup table tbody td tfoot th thead tr tt u ul var"
)
_ELEMENTS = frozenset(_ELEMENT_NAMES.split())


#: A placeholder by phrase or whole value is short: a longer text is only searched for
#: dummy text (this spares folding every long description).
_LONGEST = 200


@dataclass(frozen=True)
class _Tables:
    """The phrase lists, folded and split into words, ready for matching."""

    #: phrases (their words, and the phrase as the file writes it) by their first word
    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    fillers: frozenset[str]
    #: every word of a phrase or a filler: a text with any other word is no placeholder
    known: frozenset[str]
    whole_values: frozenset[str]
    #: the dummy texts (ASCII Latin, so matched without folding, case aside), and their
    #: first words, looked for first in the lower-cased text
    anywhere: re.Pattern[str]
    anywhere_starts: tuple[str, ...]


def words(text: str) -> list[str]:
    """The words of ``text``: folded runs of letters (digits and punctuation split)."""
    return _WORD.findall(fold(text))


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(words(text))


@cache
def _tables() -> _Tables:
    data = load_data("placeholders.json")
    by_first: dict[str, dict[tuple[str, ...], str]] = {}
    fillers: set[str] = set()
    for language in data["languages"].values():
        for text in language["phrases"]:
            phrase = _phrase(text)
            if phrase:
                by_first.setdefault(phrase[0], {}).setdefault(phrase, text)
        for text in language["fillers"]:
            fillers.update(words(text))
    known = set(fillers)
    for phrases in by_first.values():
        for phrase in phrases:
            known.update(phrase)
    return _Tables(
        phrases={first: tuple(found.items()) for first, found in by_first.items()},
        fillers=frozenset(fillers),
        known=frozenset(known),
        whole_values=frozenset(" ".join(_phrase(v)) for v in data["whole_values"]),
        anywhere=re.compile(
            r"\b(?:"
            + "|".join(r"[\W\d_]+".join(map(re.escape, _phrase(v))) for v in data["anywhere"])
            + r")\b",
            re.IGNORECASE,
        ),
        anywhere_starts=tuple({_phrase(v)[0] for v in data["anywhere"] if _phrase(v)}),
    )


@dataclass(frozen=True)
class Placeholder:
    """Why a text is a placeholder: ``kind`` is ``no-words`` (punctuation only),
    ``value`` (a whole-value placeholder), ``dummy`` (dummy text such as lorem ipsum) or
    ``phrase`` (placeholder phrases and filler words only); ``phrase`` is what matched,
    as the phrase list writes it."""

    kind: str
    phrase: str = ""


def _occurs(tokens: list[str], phrase: tuple[str, ...], start: int) -> bool:
    return tuple(tokens[start : start + len(phrase)]) == phrase


@lru_cache(maxsize=4096)  # DISC009 and DISC010 ask about the same descriptions
def placeholder(text: str) -> Placeholder | None:
    """Why ``text`` is a placeholder rather than content, or ``None``.

    Blank text is not a placeholder (the rules for missing fields report it)."""
    if not text.strip():
        return None
    if _ALNUM.search(text) is None:
        return Placeholder("no-words")
    tables = _tables()
    lowered = text.lower()
    if any(start in lowered for start in tables.anywhere_starts):
        dummy = tables.anywhere.search(text)
        if dummy is not None:
            return Placeholder("dummy", " ".join(words(dummy.group(0))))
    if len(text) > _LONGEST:
        return None
    tokens = words(text)
    if not tokens:
        return None  # digits only: "1984" is a title
    joined = " ".join(tokens)
    if joined in tables.whole_values:
        return Placeholder("value", joined)
    if any(token not in tables.known for token in tokens):
        return None
    covered = [False] * len(tokens)
    found: list[tuple[int, int, str]] = []  # (start, -length, phrase): the first, longest
    for start, token in enumerate(tokens):
        for phrase, written in tables.phrases.get(token, ()):
            if _occurs(tokens, phrase, start):
                covered[start : start + len(phrase)] = [True] * len(phrase)
                found.append((start, -len(phrase), written))
    if not found:
        return None
    if all(hit or token in tables.fillers for hit, token in zip(covered, tokens, strict=True)):
        return Placeholder("phrase", min(found)[2])
    return None


# -- dates ---------------------------------------------------------------------------------

#: A calendar date, optionally with a time of day and a zone, written as software prints
#: it (``T`` or a space before the time; ``Z``, ``UTC``, ``+0000`` or ``+00:00``).
_DATE_TIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?)?"
    r" ?(Z|UTC|GMT|[+-]\d{2}:?\d{2})?"
)
_DAY = 86_400


def placeholder_date(value: str) -> str | None:
    """Why a date is a software default rather than a date, or ``None``.

    - the Unix epoch: ``1970-01-01``, or a date-time within a day of
      1970-01-01T00:00:00Z (``1970-01-01 00:00:09 +0000``, ``1969-12-31T19:00:00-05:00``:
      a zero timestamp printed in some zone);
    - year 0000 (``0000-00-00``, MySQL's zero date; the year 0000 does not exist in the
      calendar records use);
    - ``0001-01-01`` (.NET's ``DateTime.MinValue``, Go's zero time).

    ``1900-01-01`` is not one: records of historical material date items to 1900, and
    no record of the corpora gives it as a resource's date (docs/discoverability.md)."""
    match = _DATE_TIME.fullmatch(value.strip())
    if match is None:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    if year == "0000":
        return N_("the year 0000: a zero date, written where no date is known")
    if (year, month, day) == ("0001", "01", "01") and int(hour or 0) == int(minute or 0) == 0:
        return N_("the smallest date of .NET and Go, written where no date is known")
    if year not in ("1969", "1970"):
        return None
    if hour is None:
        if (year, month, day) == ("1970", "01", "01"):
            return N_("the Unix epoch, the date of a zero timestamp")
        return None
    if (year, month, day) not in (("1969", "12", "31"), ("1970", "01", "01")):
        return None
    seconds = int(hour) * 3600 + int(minute) * 60 + int(second or 0)
    if day == "31":
        seconds -= _DAY
    if zone and zone[0] in "+-":
        offset = int(zone[1:3]) * 3600 + int(zone[-2:]) * 60
        seconds -= offset if zone[0] == "+" else -offset
    if -_DAY < seconds < _DAY:
        return N_("within a day of the Unix epoch: a zero timestamp printed in some time zone")
    return None


# -- markup ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Markup:
    """HTML left in a text: ``kind`` is ``tag``, ``comment`` or ``entity``; ``sample``
    is the first one met, as written."""

    kind: str
    sample: str


def markup(text: str) -> list[Markup]:
    """The kinds of HTML markup in ``text`` (at most one of each kind, first met)."""
    found: list[Markup] = []
    if "<" in text:
        for match in _TAG.finditer(text):
            if match.group(2).lower() in _ELEMENTS:
                end = text.find(">", match.start(), match.start() + 80)
                sample = text[match.start() : end + 1] if end >= 0 else match.group(0)
                found.append(Markup("tag", sample))
                break
        comment = _COMMENT.search(text)
        if comment is not None:
            found.append(Markup("comment", "<!--"))
    if "&" in text:
        for match in _ENTITY.finditer(text):
            name = match.group(1)
            if name is None or f"{name};" in html.entities.html5:
                found.append(Markup("entity", match.group(0)))
                break
    return found


def comparable(text: str) -> str:
    """``text``'s words and numbers, folded and joined by one space: the form in which
    two titles, or a title and a description, are compared."""
    return " ".join(_ALNUM.findall(fold(text)))


def same_words(first: str, second: str) -> bool:
    """True when two texts have the same words and numbers, case, accents, spacing and
    punctuation aside (a description that only repeats the title).

    Texts whose lengths differ more than threefold (plus a margin for punctuation) are
    not compared: this spares folding every long description."""
    short, long = sorted((len(first), len(second)))
    if long > 3 * short + 20:
        return False
    folded = comparable(first)
    return bool(folded) and folded == comparable(second)
