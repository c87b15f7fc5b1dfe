"""Messages in English and French, through the gettext catalogues shipped in the package.

A rule does not write a finished sentence: it builds a :class:`Message`, a template with
named parameters (``msg("read {raw} from {field}", raw=..., field=...)``), and the engine
renders it in the run's language.  The English template is the gettext msgid; the French
is looked up in ``locale/fr/LC_MESSAGES/oer_meta.mo`` (compiled from the ``.po`` next to
it, see docs/i18n.md).  Parameters are values, codes and quoted input: never translated.
A parameter may itself be a :class:`Message` (a clause chosen among several whole
clauses), rendered in the same language.  English output is the template itself, so a
message missing from a catalogue falls back to English, never to nothing.
"""

from __future__ import annotations

import gettext
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Union

from oer_meta.errors import UsageError

__all__ = [
    "DOMAIN",
    "LANGUAGES",
    "N_",
    "Clause",
    "Joined",
    "Message",
    "Said",
    "clause",
    "joined",
    "language",
    "marked",
    "msg",
    "msgn",
    "recall",
    "remember",
    "render",
    "said",
    "translate",
]

#: The gettext domain: the catalogue files are ``locale/<lang>/LC_MESSAGES/oer_meta.mo``.
DOMAIN = "oer_meta"
#: The languages messages are written in; English is the source language.
LANGUAGES: tuple[str, ...] = ("en", "fr")

#: What a parameter may hold: a value shown as is, or a message rendered in the same
#: language.
Param = Union[str, int, float, "Message", "Joined", "Clause", None]


def _value(value: Param, lang: str) -> object:
    """A parameter as it is written into a template in ``lang``."""
    if isinstance(value, (Message, Joined, Clause)):
        return value.render(lang)
    if isinstance(value, Said):
        return value.message.render(lang)
    return value


@dataclass(frozen=True)
class Message:
    """A message template with its named parameters, rendered in a language on demand.

    ``plural`` and ``count`` make it a plural message (``ngettext``): the template is the
    singular, ``plural`` the plural English form, ``count`` chooses between them.
    """

    template: str
    params: tuple[tuple[str, Param], ...] = ()
    plural: str | None = None
    count: int | None = None

    def render(self, lang: str = "en") -> str:
        """The message in ``lang``, its parameters filled in."""
        text = translate(self.template, lang, self.plural, self.count)
        if not self.params:
            return text
        values = {name: _value(value, lang) for name, value in self.params}
        return text.format_map(values)

    def __str__(self) -> str:
        return self.render("en")


@dataclass(frozen=True)
class Joined:
    """Items listed with a separator (``"; "``, ``", "``), each rendered in the language;
    the separator is looked up too, since French spaces some punctuation (`` ; ``)."""

    separator: str
    items: tuple[Param, ...]

    def render(self, lang: str = "en") -> str:
        """The items in ``lang``, joined by the separator in ``lang``."""
        return translate(self.separator, lang).join(str(_value(item, lang)) for item in self.items)

    def __str__(self) -> str:
        return self.render("en")


def joined(separator: str, items: Iterable[Param]) -> Joined:
    """``items`` listed with ``separator`` (a msgid: ``"; "`` is `` ; `` in French)."""
    return Joined(separator, tuple(items))


def marked(template: str, /, **params: Param) -> Message:
    """A message whose template is a variable holding a string marked with :func:`N_`
    (or a reason another module marked): looked up like :func:`msg`'s literal.  A
    :class:`Said` string brings its own template and parameters."""
    if not params:
        if isinstance(template, Said):
            return template.message
        known = _SAID.get(template)
        if known is not None:
            return known
    return Message(template, tuple(params.items()))


class Said(str):
    """An English string that remembers the template it was made from.

    Lower layers whose functions return a reason as ``str`` (``unresolvable``, an age
    range's reading) return a ``Said``: every caller that wants a string gets the English
    text, and a message that takes it as a parameter renders it in its own language.
    """

    message: Message

    def __new__(cls, message: Message) -> Said:
        made = super().__new__(cls, message.render("en"))
        made.message = message
        return made

    def __reduce__(self) -> tuple[type[Said], tuple[Message]]:
        """Pickled as its message (a worker process sends results back, docs/parallel.md)."""
        return (Said, (self.message,))


#: English text -> the message it was said from, for the reasons that lose their
#: :class:`Said` type on the way (a pydantic model's ``str`` field keeps only the text):
#: :func:`marked` finds them here.  Bounded: the oldest are forgotten (they then stay
#: English, never wrong).
_SAID: OrderedDict[str, Message] = OrderedDict()
_SAID_LIMIT = 8192


def said(template: str, /, **params: Param) -> str:
    """A reason as an English ``str`` that a message can still translate: a
    :class:`Said`, or a plain ``str`` when the text holds a lone surrogate (pydantic
    refuses a ``str`` subclass that cannot be encoded); either way :func:`marked` finds
    its template again."""
    made = Said(Message(template, tuple(params.items())))
    text = str(made)
    remember(text, made.message)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text
    return made


def recall(text: str) -> Message | None:
    """The message a reason was said from, while :func:`marked` still knows it."""
    if isinstance(text, Said):
        return text.message
    return _SAID.get(text)


def remember(text: str, message: Message) -> None:
    """Know ``text`` as ``message`` again (newest first): a cache that hands out the
    same reason long after it was said (the licence parser's) keeps its template."""
    _SAID[text] = message
    _SAID.move_to_end(text)
    if len(_SAID) > _SAID_LIMIT:
        _SAID.popitem(last=False)


@dataclass(frozen=True)
class Clause:
    """A sentence used as a clause of another message: ``Not open.`` becomes ``not
    open`` (end stop dropped, a capitalised first word lowered, ``A`` too), in every
    language."""

    sentence: Message

    def render(self, lang: str = "en") -> str:
        """The sentence in ``lang``, as a clause."""
        text = self.sentence.render(lang).strip().rstrip(".")
        first = text.split(" ", 1)[0]
        single = len(first) == 1 and first != "I"  # "A placeholder", "À"
        if first[:1].isupper() and (single or first[1:].islower()):
            text = text[0].lower() + text[1:]
        return text

    def __str__(self) -> str:
        return self.render("en")


def clause(sentence: str | Message) -> Clause:
    """``sentence`` (a message, or a reason looked up with :func:`marked`) as a clause."""
    return Clause(sentence if isinstance(sentence, Message) else marked(sentence))


def msg(template: str, /, **params: Param) -> Message:
    """A translatable message: ``template`` is the English text with ``{name}`` fields."""
    return Message(template, tuple(params.items()))


def msgn(singular: str, plural: str, count: int, /, **params: Param) -> Message:
    """A message whose wording depends on ``count`` (also available as ``{count}``)."""
    return Message(singular, (("count", count), *params.items()), plural, count)


def N_(template: str) -> str:  # noqa: N802 - the gettext convention for a marker
    """Mark a string for extraction without translating it here (translate it later)."""
    return template


def language(lang: str | None) -> str:
    """The catalogue language for ``lang``: ``fr-CA`` is ``fr``; ``None`` is English.

    Another language is a :class:`~oer_meta.errors.UsageError` (said before any work).
    """
    if not lang:
        return "en"
    base = lang.strip().replace("_", "-").split("-", 1)[0].lower()
    if base not in LANGUAGES:
        raise UsageError(
            said(
                "messages are available in {languages}, not {lang!r}",
                languages=joined(", ", LANGUAGES),
                lang=lang,
            )
        )
    return base


@cache
def _catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang`` (English: none, the msgids are the text)."""
    if lang == "en":
        return gettext.NullTranslations()
    path = resources.files("oer_meta") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    with path.open("rb") as stream:
        return gettext.GNUTranslations(stream)


def translate(
    text: str, lang: str = "en", plural: str | None = None, count: int | None = None
) -> str:
    """``text`` (an English msgid) in ``lang``; English when the catalogue lacks it."""
    catalogue = _catalogue(language(lang))
    if plural is not None:
        return catalogue.ngettext(text, plural, 1 if count is None else count)
    return catalogue.gettext(text)


def render(text: str | Message | None, lang: str = "en") -> str | None:
    """A message or plain text (a plugin's, left as it is) as a string in ``lang``."""
    if isinstance(text, Message):
        return text.render(lang)
    if isinstance(text, Said):
        return text.message.render(lang)
    return text
