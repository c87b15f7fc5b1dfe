"""Pack ``LANG``: does the record say, in a standard code, which languages it is in?

The Recommendation asks for linguistically relevant OER and OER in local languages
(para. 13), for a global pool of materials in multiple languages (para. 9) and for
networks that share OER by language (para. 15); translation is one of the adaptations
open licensing enables (para. 6, para. 14).  A catalogue can serve those aims only if
every record names its languages with BCP 47 tags and every text says which language it
is written in.  Every language value is read with
:func:`oer_meta.knowledge.languages.inspect_language`, the same code as
:func:`oer_meta.normalize_language`.  Occurrences that matter less than their rule's
have codes of their own (``LANG007`` to ``LANG012``): one severity per code.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from oer_meta.checks._messages import quote
from oer_meta.checks.registry import Variant, Violation, rule
from oer_meta.i18n import N_, Message, joined, marked, msg, msgn
from oer_meta.knowledge.languages import (
    CASE,
    THREE_LETTER,
    TOO_LONG,
    URI,
    LanguageVerdict,
    canonical_languages,
    fits_scheme,
    inspect_language,
    language_scheme,
    primary_language,
    script_letter_word,
    suppress_script,
)
from oer_meta.knowledge.lom_profiles import value_type
from oer_meta.knowledge.vocabularies import concept_tail
from oer_meta.model import Location, Record, Text

_TEXT_FIELDS = (("title", "titles"), ("description", "descriptions"), ("keyword", "keywords"))
#: A text's label (``title``) -> the Record attribute findings name (``titles``).
_ATTRIBUTE = dict(_TEXT_FIELDS)
#: A text's label with its article, as a message names one text (``the title``).
_THE = {
    "title": N_("the title"),
    "description": N_("the description"),
    "keyword": N_("the keyword"),
}


def _counted(label: str, count: int) -> Message:
    """``2 titles``: how many texts of one kind."""
    if label == "title":
        return msgn("{count} title", "{count} titles", count)
    if label == "description":
        return msgn("{count} description", "{count} descriptions", count)
    return msgn("{count} keyword", "{count} keywords", count)


def _kind(label: str) -> Message:
    """A text's kind as a noun: ``title``."""
    if label == "title":
        return msg("title")
    if label == "description":
        return msg("description")
    return msg("keyword")


#: Letters a text needs before its script is taken as evidence of its language.
_SCRIPT_EVIDENCE = 12


@dataclass(frozen=True)
class _Value:
    """One language value of the record, where it was read, and what it says."""

    text: Text
    label: Message  # the element as the format names it (general.language, dc:language...)
    field: str  # the record field: languages or metadata_languages
    verdict: LanguageVerdict


def _where(text: Text, record: Record) -> Location | None:
    return text.location


def _resource_values(record: Record) -> list[_Value]:
    name = _resource_name(record)
    return [
        _Value(t, name, "languages", inspect_language(t.value))
        for t in record.languages
        if t.value.strip()
    ]


def _metadata_values(record: Record) -> list[_Value]:
    name = _metadata_name(record)
    return [
        _Value(t, name, "metadata_languages", inspect_language(t.value))
        for t in record.metadata_languages
        if t.value.strip()
    ]


def _strings(
    record: Record, fields: Iterable[str] = ("titles", "descriptions", "keywords")
) -> Iterator[tuple[str, Text]]:
    """``(field, text)`` for every non-empty title, description and keyword."""
    for label, attribute in _TEXT_FIELDS:
        if attribute in fields:
            for text in getattr(record, attribute):
                if text.value.strip():
                    yield label, text


def _tags(values: Iterable[_Value]) -> list[str]:
    """Canonical tags in order, lists expanded, duplicates dropped."""
    return canonical_languages(value.text.value for value in values)


def _single_language(tags: list[str]) -> str | None:
    """The one language the tags name (``fr`` and ``fr-CA`` are one), or ``None`` when
    they name none, several, or a special value (``zxx``, ``mul``, ``und``)."""
    verdicts = [inspect_language(tag) for tag in tags]
    if not verdicts or not all(v.is_language for v in verdicts):
        return None
    primaries = {primary_language(tag) for tag in tags}
    return tags[0] if len(primaries) == 1 else None


def _resource_name(record: Record) -> Message:
    """How the record's format names the resource language (``general.language``); a
    description (``the record's xml:lang``) is a msgid, said in the run's language."""
    return marked(record.conventions.name("languages", N_("language")))


def _metadata_name(record: Record) -> Message:
    """How the record's format names the metadata language (``metaMetadata.language``)."""
    return marked(record.conventions.name("metadata_languages", N_("metadata language")))


def _string_attribute(record: Record) -> Message:
    """How the record's format tags a string's language (``xml:lang``)."""
    return marked(record.conventions.name("strings.language", N_("language")))


_SCHEME_HINTS = {
    "ISO 639-2": N_("write the three-letter ISO 639-2 code (eng, fre, ger)"),
    "ISO 639-3": N_("write the three-letter ISO 639-3 code (eng, fra, deu)"),
}


#: The LOM elements (and the LangString attribute) a language value of a Record field
#: comes from, as profiles type them (``oer_meta/data/lom_profiles.json``).
_TYPED_AS = {
    "languages": "general.language",
    "metadata_languages": "metaMetadata.language",
    "strings": "LangString@language",
}


def _profile_typed_uri(record: Record, verdict: LanguageVerdict, field: str) -> bool:
    """A language URI where the record's profile types the value as a code or a URI
    (ScoLOMFR): judged by that type, it is as written should be."""
    if set(verdict.reasons) != {URI}:
        return False
    return value_type(_TYPED_AS.get(field), record.profiles) == "language-code-or-uri"


def _not_canonical_code(record: Record, verdict: LanguageVerdict) -> str | None:
    """The code of a LANG003 occurrence that has one of its own: ``LANG009`` when the
    value was unambiguous (case, deprecated alias, redundant script, language URI),
    ``LANG010`` when a Dublin Core value is an ISO 639-2/639-3 code, which DCMI itself
    recommends; None for LANG003's own."""
    if verdict.cosmetic:
        return "LANG009"
    if record.conventions.iso639_languages and set(verdict.reasons) <= {THREE_LETTER, CASE}:
        return "LANG010"
    return None


# -- LANG001 ------------------------------------------------------------------------------


_UNDETERMINED = Variant(
    "LANG007",
    "language-undetermined",
    "info",
    "The only language the record gives is 'und' (undetermined).",
    """
    ## Why it matters
    A resource marked ``und`` drops out of language filters just like one with no
    language (``LANG001``), but the record admits the gap honestly instead of leaving
    it unnoticed, and ``und`` is the BCP 47 way to say so.  Information rather than a
    warning: nothing better may be known yet.

    ## Example
    ``<dc:language>und</dc:language>``; ``"inLanguage": "und"``.

    ## Fix
    Replace ``und`` with the resource's language once it is known; use ``zxx`` for a
    resource without linguistic content.
    """,
)


@rule(
    "LANG001",
    "language-missing",
    severity="warning",
    areas=[3, 5],
    paragraphs=["13", "9(iii)", "15"],
    variants=[_UNDETERMINED],
)
def language_missing(record: Record) -> Iterator[Violation]:
    """The record does not say in which language the resource is.

    ## Why it matters
    Learners look for material in a language they read; networks share OER by
    language (para. 15) and the Recommendation asks for OER in local and less-used
    languages (para. 13).  A resource whose language is not stated drops out of every
    language filter and cannot be counted when a catalogue measures its linguistic
    diversity.  A record that gives only ``und`` (undetermined) is reported under
    ``LANG007``, as information: it admits the gap honestly.

    ## Example
    A LOM record without ``general.language``, an oai_dc record without
    ``dc:language``, a JSON-LD record without ``inLanguage``, or one whose language
    element is empty.

    ## Fix
    Add the resource's language as a BCP 47 tag (``en``, ``fr-CA``, ``sw``); ``mul`` for
    a resource in several languages only when they cannot be listed, and ``zxx`` (LOM:
    ``none``) for a resource without linguistic content, such as a photograph.
    """
    name = _resource_name(record)
    values = _resource_values(record)
    if not values:
        location = next((t.location for t in record.languages if t.location), record.location)
        yield Violation(
            msg("the language of the resource ({name}) is empty", name=name)
            if record.languages
            else msg("the language of the resource ({name}) is not given", name=name),
            hint=msg(
                "add {name} with a BCP 47 tag such as 'en' or 'fr-CA' ('zxx' when the "
                "resource has no linguistic content)",
                name=name,
            ),
            field="languages",
            location=location,
        )
        return
    if all(v.verdict.tag == "und" for v in values):
        yield Violation(
            msg("the only language given ({name}) is 'und' (undetermined)", name=name),
            hint=msg("replace 'und' with the resource's language once it is known"),
            field="languages",
            location=_where(values[0].text, record),
            code="LANG007",
        )


# -- LANG002 / LANG003: each language value -------------------------------------------------


@dataclass(frozen=True)
class _Group:
    """One distinct string-language value and how many strings carry it."""

    value: str
    verdict: LanguageVerdict
    count: int
    fields: tuple[str, ...]
    location: Location | None


def _string_groups(record: Record) -> list[_Group]:
    """The distinct language attributes of titles, descriptions and keywords."""
    counts: Counter[str] = Counter()
    fields: dict[str, list[str]] = {}
    where: dict[str, Location | None] = {}
    for label, text in _strings(record):
        language = text.language
        if language is None or not language.strip():
            continue
        counts[language] += 1
        seen = fields.setdefault(language, [])
        if label not in seen:
            seen.append(label)
        where.setdefault(language, _where(text, record))
    return [
        _Group(value, inspect_language(value), count, tuple(fields[value]), where[value])
        for value, count in counts.items()
    ]


def _strings_phrase(group: _Group) -> Message:
    return msgn(
        "{count} {kinds} string",
        "{count} {kinds} strings",
        group.count,
        kinds=joined("/", [_kind(label) for label in group.fields]),
    )


_INVALID_DC = Variant(
    "LANG008",
    "language-invalid-dc",
    "warning",
    "A Dublin Core dc:language value is free text that names no language.",
    """
    ## Why it matters
    A language no machine can read keeps the resource out of every language filter, as
    with ``LANG002``.  But Dublin Core allows free text in ``dc:language`` (DCMI only
    recommends a code), so the record breaks no rule of its format: a warning rather
    than ``LANG002``'s error, which is for LOM and JSON-LD, whose bindings type the
    value as a language code.  Language attributes (``xml:lang``) of Dublin Core texts
    stay ``LANG002``.

    ## Example
    ``<dc:language>other</dc:language>``; ``<dc:language>see description</dc:language>``.

    ## Fix
    Write the language as a BCP 47 tag (``en``, ``de-AT``); ``zxx`` when the resource
    has no linguistic content and ``und`` when the language is unknown.
    """,
)


@rule(
    "LANG002",
    "language-invalid",
    severity="error",
    areas=[3, 5],
    paragraphs=["13", "9(iii)", "15"],
    variants=[_INVALID_DC],
)
def language_invalid(record: Record) -> Iterator[Violation]:
    """A language value is neither a valid BCP 47 tag nor recognisable as a language.

    ## Why it matters
    A language a machine cannot read is no better than none: the resource drops out of
    language filters, and a text tagged with it cannot be matched to its readers.  Values
    such as ``other``, a sentence of prose or a made-up code (``xx``) name no language
    at all.  This is an error in LOM and JSON-LD, whose bindings type the value as a
    language code; in Dublin Core, which allows free text in ``dc:language``, it is
    ``LANG008``, a warning.

    ## Example
    ``<dc:language>other</dc:language>``; ``"inLanguage": "xx"``; a langstring with
    ``language="english-ish"``.

    ## Fix
    Write the language as a BCP 47 tag (``en``, ``de-AT``, ``es-419``); ``zxx`` when the
    resource has no linguistic content and ``und`` when the language is unknown.
    """
    free_text = record.conventions.free_text_languages
    hint = msg(
        "write a BCP 47 tag such as 'en' or 'fr-CA' ('zxx': no linguistic content, 'und': unknown)"
    )
    for value in [*_resource_values(record), *_metadata_values(record)]:
        verdict = value.verdict
        if verdict.recognised or verdict.parts:
            continue
        yield Violation(
            msg(
                "{element} {value} is {length} characters of prose",
                element=value.label,
                value=quote(value.text.value, 60),
                length=len(value.text.value.strip()),
            )
            if TOO_LONG in verdict.reasons
            else msg(
                "{element} {value} is not a language: it {reasons}",
                element=value.label,
                value=quote(value.text.value, 60),
                reasons=verdict.explained(),
            ),
            hint=hint,
            field=value.field,
            location=_where(value.text, record),
            code="LANG008" if free_text and value.field == "languages" else None,
        )
    attribute = _string_attribute(record)
    for group in _string_groups(record):
        if group.verdict.recognised or group.verdict.parts:
            continue
        yield Violation(
            msg(
                "the {attribute} {value} of {strings} is not a language: it {reasons}",
                attribute=attribute,
                value=quote(group.value, 60),
                strings=_strings_phrase(group),
                reasons=group.verdict.explained(),
            ),
            hint=hint,
            field=f"{_ATTRIBUTE.get(group.fields[0], group.fields[0])}.language",
            location=group.location,
        )


_UNAMBIGUOUS = Variant(
    "LANG009",
    "language-unambiguous-not-canonical",
    "info",
    "A language value names one language unambiguously but is not its canonical BCP 47 tag.",
    """
    ## Why it matters
    Catalogues compare language tags as strings (``LANG003``), but some forms can be
    mapped to the canonical tag without any doubt: another case (``EN``), a deprecated
    alias the registry replaces (``iw`` for ``he``), a script the language's default
    makes redundant (``en-Latn``), a language URI such as ScoLOMFR's
    ``http://id.loc.gov/vocabulary/iso639-2/fre``.  Information rather than a warning:
    a tool that canonicalises finds the resource.

    ## Example
    ``<language>EN</language>``; ``"inLanguage": "iw"``; ``xml:lang="de-Latn"``.

    ## Fix
    Write the canonical tag the hint gives (``en``, ``he``, ``de``).
    """,
    fixable="writes the canonical tag ('EN' → 'en', 'iw' → 'he', 'de-Latn' → "
    "'de'); a language URI is left as written",
)
_THREE_LETTER_DC = Variant(
    "LANG010",
    "language-three-letter-dc",
    "info",
    "A Dublin Core language is an ISO 639-2 or 639-3 code where BCP 47 uses a two-letter one.",
    """
    ## Why it matters
    DCMI recommends ISO 639-2 codes for ``dc:language``, so ``fre`` or ``eng`` follows
    the format's own advice; BCP 47 and most catalogues, though, use the two-letter
    ISO 639-1 code where one exists, and compare tags as strings.  Information rather
    than ``LANG003``'s warning, since the record did what its format recommends.

    ## Example
    ``<dc:language>fre</dc:language>``; ``<dc:language>ENG</dc:language>``.

    ## Fix
    Write the BCP 47 tag the hint gives (``fr``, ``en``), which DCMI accepts as well.
    """,
    fixable="writes the two-letter tag of the three-letter code ('fre' → 'fr')",
)


_NOT_ITS_SCHEME = Variant(
    "LANG013",
    "language-not-its-declared-scheme",
    "warning",
    "A language value is not written as the encoding scheme it declares says.",
    """
    ## Why it matters
    A Dublin Core value may say how it is written: ``xsi:type="dcterms:ISO639-3"``
    promises a three-letter ISO 639-3 code, ``dcterms:RFC5646`` a BCP 47 tag.  A value
    that names its scheme and breaks it misleads every harvester that trusts the
    declaration; a value that keeps it is judged by it (``eng`` typed ISO 639-3 is right
    as written, and no ``LANG003``/``LANG010`` is reported for it).

    ## Example
    ``<dc:language xsi:type="dcterms:ISO639-3">English</dc:language>``;
    ``<dc:language xsi:type="dcterms:RFC5646">fre</dc:language>`` is fine (a valid tag).

    ## Fix
    Write the value as the declared scheme says (``eng``), or declare the scheme the
    value follows.
    """,
)


@rule(
    "LANG003",
    "language-not-canonical",
    severity="warning",
    areas=[3, 5],
    paragraphs=["13", "9(iii)", "15"],
    variants=[_UNAMBIGUOUS, _THREE_LETTER_DC, _NOT_ITS_SCHEME],
    fixable="writes the canonical tag when only the tag's form differs ('en_US' → "
    "'en-US', 'FRE' → 'fr'); a language name, a URI or a list is left as written",
)
def language_not_canonical(record: Record) -> Iterator[Violation]:
    """A language value is recognisable but not the canonical BCP 47 tag.

    ## Why it matters
    Catalogues, search engines and harvesters compare language tags as strings:
    ``fre``, ``fra``, ``French``, ``en_US`` and ``fr`` are different strings, so a
    resource tagged ``fre`` is missed by a filter on ``fr``.  BCP 47 uses the two-letter
    ISO 639-1 code where one exists, ``-`` as separator, and registry replacements for
    deprecated codes (``iw`` is ``he``).  Values that were already unambiguous (case
    only, a deprecated alias, a redundant script, a language URI such as
    ``http://id.loc.gov/vocabulary/iso639-2/fre``) are reported under ``LANG009`` (a URI
    not at all where the record's profile types languages as a code or a URI, as
    ScoLOMFR does), and
    ISO 639-2/639-3 codes in Dublin Core, which DCMI recommends, under ``LANG010``;
    both are information.  LOM's own
    ``none`` in ``general.language`` is accepted as written.

    ## Example
    ``<language>FRE</language>``; ``<dc:language>en_US</dc:language>``;
    ``"inLanguage": "English"``; ``<dc:language>In English, Italian, and
    Spanish.</dc:language>`` (several languages in one value).

    ## Fix
    Write the canonical tag the hint gives (``fr``, ``en-US``, ``en``); give each
    language its own element when a value lists several.
    """
    for value in [*_resource_values(record), *_metadata_values(record)]:
        verdict = value.verdict
        raw = value.text.value
        no_language = record.conventions.no_language_values
        if value.field == "languages" and raw.strip() in no_language:
            continue  # the format's own token for "no linguistic content" (LOM: none)
        scheme = language_scheme(value.text.scheme)
        if scheme is not None and verdict.tag is not None:
            if not fits_scheme(raw, scheme):
                yield Violation(
                    msg(
                        "{element} {value} is declared as {scheme} ({declared}) but is not "
                        "written as {scheme} says",
                        element=value.label,
                        value=quote(raw, 60),
                        scheme=scheme,
                        declared=value.text.scheme,
                    ),
                    hint=marked(_SCHEME_HINTS[scheme])
                    if scheme in _SCHEME_HINTS
                    else msg("write {tag!r} as a BCP 47 tag", tag=verdict.tag),
                    field=value.field,
                    location=_where(value.text, record),
                    code="LANG013",
                )
            continue  # a value is judged by the scheme it declares
        if verdict.parts:
            listed = ", ".join(repr(tag) for tag in verdict.parts)
            yield Violation(
                msg(
                    "{element} {value} names several languages in one value ({tags})",
                    element=value.label,
                    value=quote(raw, 60),
                    tags=listed,
                ),
                hint=msg(
                    "give each language as its own {element} value: {tags}",
                    element=value.label,
                    tags=listed,
                ),
                field=value.field,
                location=_where(value.text, record),
            )
        elif (
            verdict.tag is not None
            and not verdict.canonical
            and not _profile_typed_uri(record, verdict, value.field)
        ):
            yield Violation(
                msg(
                    "{element} {value} is not a canonical BCP 47 tag: it {reasons}",
                    element=value.label,
                    value=quote(raw, 60),
                    reasons=verdict.explained(),
                ),
                hint=msg("write {tag!r}", tag=verdict.tag),
                field=value.field,
                location=_where(value.text, record),
                code=_not_canonical_code(record, verdict),
            )
    attribute = _string_attribute(record)
    for group in _string_groups(record):
        verdict = group.verdict
        if verdict.tag is None or verdict.canonical or verdict.tag == "zxx":
            continue  # texts tagged "no linguistic content" are LANG004/LANG005's concern
        if _profile_typed_uri(record, verdict, "strings"):
            continue
        yield Violation(
            msg(
                "the {attribute} {value} of {strings} is not a canonical BCP 47 tag: it {reasons}",
                attribute=attribute,
                value=quote(group.value, 60),
                strings=_strings_phrase(group),
                reasons=verdict.explained(),
            ),
            hint=msg("write {tag!r}", tag=verdict.tag),
            field=f"{_ATTRIBUTE.get(group.fields[0], group.fields[0])}.language",
            location=group.location,
            code=_not_canonical_code(record, verdict),
        )


# -- LANG004 ------------------------------------------------------------------------------


def _record_text_language(record: Record) -> str | None:
    """The language every untagged text of the record counts as written in: the one
    metadata language the record declares, else its one resource language."""
    metadata = _single_language(_tags(_metadata_values(record)))
    return metadata or _single_language(_tags(_resource_values(record)))


def _says_language(text: Text) -> bool:
    return text.language is not None and inspect_language(text.language).is_language


_NO_RECORD_LANGUAGE = Variant(
    "LANG011",
    "langstring-language-missing-no-record-language",
    "info",
    "Texts say no language, and the record names no usable language either.",
    """
    ## Why it matters
    A catalogue cannot tell which language a title or description is in (``LANG004``),
    but here the record names no usable resource language at all, which ``LANG001`` or
    ``LANG002`` already reports.  Information rather than a warning, so that one gap is
    not counted twice; adding the record's language often settles both.

    ## Example
    An oai_dc record with a ``dc:title`` without ``xml:lang`` and no ``dc:language``.

    ## Fix
    Give the resource's language; in a record with several languages, also tag each
    text (``xml:lang``, LOM string ``language``, JSON-LD ``@language``).
    """,
)


@rule(
    "LANG004",
    "langstring-language-missing",
    severity="warning",
    areas=[3, 5],
    paragraphs=["13", "15", "9"],
    variants=[_NO_RECORD_LANGUAGE],
)
def langstring_language_missing(record: Record) -> Iterator[Violation]:
    """A title, description or keyword says no language, and the record does not tell.

    ## Why it matters
    Multilingual catalogues show each user the title and description in their language,
    and networks share OER across languages (para. 15, para. 9).  They can only pick the
    right text when each text's language is known: from the string itself (a LOM
    langstring ``language``, an ``xml:lang``, a JSON-LD ``@language`` or ``@context``
    default) or from the record, when it declares one metadata language or names
    exactly one resource language.  In a record with several languages, every string
    must say which it is.  A string tagged ``x-none``/``zxx`` (no linguistic content)
    says nothing about its language either.  When the record gives no language at all
    (``LANG001``), this is reported under ``LANG011``, as information.

    ## Example
    An oai_dc record with ``<dc:language>en</dc:language>`` and
    ``<dc:language>fr</dc:language>`` and a ``dc:title`` without ``xml:lang``; a JSON-LD
    record with ``"inLanguage": ["de", "en"]`` and a plain ``"name"``.

    ## Fix
    Tag each text with its language (LOM ``<string language="en">``, ``xml:lang``,
    JSON-LD ``{"@value": ..., "@language": "en"}`` or an ``@context`` ``@language``).
    """
    if _record_text_language(record) is not None:
        return
    unknown: list[tuple[str, Text]] = [
        (label, text) for label, text in _strings(record) if not _says_language(text)
    ]
    if not unknown:
        return
    counts = Counter(label for label, _ in unknown)
    listed = joined(", ", [_counted(label, n) for label, n in counts.items()])
    resource = _tags(_resource_values(record))
    code: str | None = None
    if not resource:
        why, code = msg("the record names no usable resource language"), "LANG011"
    elif len(resource) > 1:
        shown = ", ".join(repr(tag) for tag in resource)
        why = msg("the record has several languages ({tags})", tags=shown)
    else:
        why = msg("the record's only language is {tag!r}", tag=resource[0])
    yield Violation(
        msg(
            "the language of {texts} cannot be known: the strings do not say it and {why}",
            texts=listed,
            why=why,
        ),
        hint=msg(
            "tag each text with its language (LOM string language, xml:lang, JSON-LD "
            "@language or an @context @language)"
        ),
        field=_ATTRIBUTE.get(unknown[0][0], unknown[0][0]),
        location=_where(unknown[0][1], record),
        code=code,
    )


# -- LANG005 ------------------------------------------------------------------------------


def _tagged(record: Record) -> list[tuple[str, Text, LanguageVerdict]]:
    """Titles and descriptions tagged with a language or with "no linguistic content"
    (``und``, ``mul`` and private-use tags say nothing that could contradict)."""
    out: list[tuple[str, Text, LanguageVerdict]] = []
    for label, text in _strings(record, ("titles", "descriptions")):
        if text.language and text.language.strip():
            verdict = inspect_language(text.language)
            if verdict.is_language or verdict.special == "zxx":
                out.append((label, text, verdict))
    return out


def _primaries(tags: Iterable[str]) -> set[str]:
    return {p for p in (primary_language(t) for t in tags) if p}


@lru_cache(maxsize=4096)
def _script_word(char: str) -> str:
    """The first word of a letter's Unicode name (LATIN, CYRILLIC...), or ""."""
    return unicodedata.name(char, "").split(" ", 1)[0]


#: The bytes that are not ASCII letters: deleted from a text's ASCII part, what is left
#: counts its ASCII letters at C speed.
_NOT_ASCII_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
#: Share of a text's letters another script needs before the text counts as written in it.
_MOSTLY = 0.5
#: The same share when that script is Latin and the tag's script is not: Latin names,
#: terms and acronyms inside Greek, Cyrillic or Thai text are common, the reverse is not.
_MOSTLY_LATIN = 0.8


@dataclass(frozen=True)
class _ForeignScript:
    """The script a text is mostly written in, and the shares of the scripts seen."""

    script: str
    shares: str


def _letters_by_script(text: str) -> Counter[str]:
    """The text's letters counted by the first word of their Unicode name; each distinct
    character is named once (a text repeats few characters many times)."""
    counts: Counter[str] = Counter()
    for char, number in Counter(text).items():
        if char.isalpha():
            word = _script_word(char)
            if word:
                counts[word] += number
    return counts


def _plainly_latin(text: str) -> bool:
    """True when at least half of the text's letters are certainly Latin: its ASCII
    letters are as many as all its other characters together (no other script can then
    have a majority), or it has too few other characters to give the evidence needed."""
    ascii_part = text.encode("ascii", "ignore")
    others = len(text) - len(ascii_part)
    if others < _SCRIPT_EVIDENCE:
        return True
    return len(ascii_part.translate(None, _NOT_ASCII_LETTERS)) >= others


def _shares(counts: Counter[str], total: int) -> str:
    """``82 % Cyrillic, 18 % Latin``: the three commonest scripts, in whole percents."""
    return ", ".join(
        f"{round(100 * number / total)} % {word.title()}"
        for word, number in counts.most_common(3)
        if round(100 * number / total) > 0
    )


def _foreign_script(text: str, tag: str) -> _ForeignScript | None:
    """The script a text is mostly written in when that cannot be the script of
    ``tag`` (``None`` when the text fits or the evidence is thin): at least 12 letters of
    that script, more than half of the text's letters (four fifths for Latin letters in a
    text whose tag wants another script)."""
    script = suppress_script(tag)
    expected = script_letter_word(script) if script else None
    if expected is None:
        return None
    if expected == "LATIN" and (text.isascii() or _plainly_latin(text)):
        return None
    counts = _letters_by_script(text)
    if not counts:
        return None
    word, number = counts.most_common(1)[0]
    if word == expected or number < _SCRIPT_EVIDENCE:
        return None
    total = sum(counts.values())
    needed = _MOSTLY_LATIN if word == "LATIN" else _MOSTLY
    if number <= needed * total:
        return None
    return _ForeignScript(word.title(), _shares(counts, total))


@rule(
    "LANG005",
    "metadata-language-mismatch",
    severity="warning",
    areas=[3, 5],
    paragraphs=["13", "15"],
)
def metadata_language_mismatch(record: Record) -> Iterator[Violation]:
    """The declared language of the texts contradicts the record, or a text is plainly not in it.

    ## Why it matters
    Catalogues trust the language tags of titles and descriptions to show each user the
    right text and to index it with the right stemming (para. 15).  A tag that
    contradicts the record puts the text under the wrong language.  The rule speaks only
    where the contradiction is certain: the record names exactly one resource language,
    its titles and descriptions are tagged, none is in that language, and no declared
    metadata language accounts for theirs (a record may describe a German resource in
    English if it says so); or the record declares one metadata language and every
    tagged title and description is in another; or a title or description tagged with
    a language always written in one script (the registry's Suppress-Script, e.g. Latin
    for ``en``) is mostly written in another script: at least 12 letters of it, more
    than half of the text's letters (four fifths when that other script is Latin, whose
    names and terms often stand in Greek, Cyrillic or Thai text); the message gives the
    share of each script.  It never guesses a language from words.

    ## Example
    A LOM record with ``general.language`` ``en`` whose titles are all
    ``<langstring xml:lang="x-none">``; ``general.language`` ``fr`` and every title
    tagged ``en``; a title in Cyrillic letters with a few Latin words, tagged ``en``
    ("82 % Cyrillic, 18 % Latin letters").

    ## Fix
    Tag each text with the language it is written in; if the record describes the
    resource in another language on purpose, declare that metadata language (LOM
    ``metaMetadata.language``, ``xml:lang`` on the record, JSON-LD ``@context``
    ``@language``).
    """
    tagged = _tagged(record)
    if not tagged:
        return
    string_tags = [v.tag for _, _, v in tagged if v.tag]
    string_primaries = _primaries(string_tags)
    attribute = _string_attribute(record)
    metadata = _tags(_metadata_values(record))
    metadata_primaries = _primaries(t for t in metadata if inspect_language(t).is_language)
    resource = _single_language(_tags(_resource_values(record)))
    shown = ", ".join(repr(t) for t in dict.fromkeys(v.raw for _, _, v in tagged))
    first = _where(tagged[0][1], record)
    if (
        resource is not None
        and primary_language(resource) not in string_primaries
        and not string_primaries & metadata_primaries
    ):
        name = _resource_name(record)
        if string_primaries == {"zxx"}:
            yield Violation(
                msg(
                    "every tagged title and description is tagged {tags} (no linguistic "
                    "content), but {name} says the resource is in {language!r}",
                    tags=shown,
                    name=name,
                    language=resource,
                ),
                hint=msg(
                    "tag the texts with the language they are written in (probably "
                    "{language!r}) instead of {tags}",
                    language=resource,
                    tags=shown,
                ),
                field=f"{_ATTRIBUTE.get(tagged[0][0], tagged[0][0])}.language",
                location=first,
            )
        else:
            yield Violation(
                msg(
                    "every tagged title and description is tagged {tags}, but {name} says "
                    "the resource is in {language!r} and no text is in that language",
                    tags=shown,
                    name=name,
                    language=resource,
                ),
                hint=msg(
                    "tag texts written in {language!r} as {language!r}; if the record "
                    "describes the resource in another language on purpose, declare the "
                    "metadata language",
                    language=resource,
                ),
                field=f"{_ATTRIBUTE.get(tagged[0][0], tagged[0][0])}.language",
                location=first,
            )
    declared = _single_language(metadata)
    if (
        declared is not None
        and string_primaries - {"zxx"}
        and primary_language(declared) not in string_primaries
    ):
        where = _metadata_name(record)
        yield Violation(
            msg(
                "{name} is {language!r}, but every tagged title and description is in "
                "another language ({tags})",
                name=where,
                language=declared,
                tags=shown,
            ),
            hint=msg(
                "set the metadata language to the language the texts are written in, or "
                "tag the texts {language!r} if they are in {language!r}",
                language=declared,
            ),
            field="metadata_languages",
            location=next(
                (v.text.location for v in _metadata_values(record) if v.text.location), first
            ),
        )
    for label, text, verdict in tagged:
        if verdict.tag is None or not verdict.is_language:
            continue
        foreign = _foreign_script(text.value, verdict.tag)
        if foreign is not None:
            yield Violation(
                msg(
                    "{text} {value} is tagged {tag!r} ({attribute}) but is written in "
                    "{script} letters ({shares} letters)",
                    text=marked(_THE[label]),
                    value=quote(text.value, 40),
                    tag=verdict.raw,
                    attribute=attribute,
                    script=foreign.script,
                    shares=foreign.shares,
                ),
                hint=msg("tag the text with the language it is written in"),
                field=f"{_ATTRIBUTE.get(label, label)}.language",
                location=_where(text, record),
            )
            break


# -- LANG006 ------------------------------------------------------------------------------

_TRANSLATION_WORDS = re.compile(r"translat|tradu|übersetz|ubersetz|vertal|vertaal", re.I)
_REVERSE_WORDS = re.compile(
    r"^has|worktranslation|fait l.objet|a pour traduction|hat .*übersetz", re.IGNORECASE
)
_TRANSLATOR_ROLES = re.compile(r"^(?:translator|traducteur|traductor|übersetzer|trl)$", re.I)
#: Relation kinds (reduced to letters) that link an adaptation to its source.
_SOURCE_KINDS = frozenset(
    {"isbasedon", "isbasedonurl", "source", "isversionof", "istranslationof", "translationofwork"}
)


def _last_segment(value: str) -> str:
    """A concept URI reduced to its last path segment or fragment."""
    return concept_tail(value) if "://" in value else value.strip()


def _translation_direction(kind: str) -> str | None:
    """``original`` when the kind says "this is a translation of", ``translation`` when
    it says "this has a translation", ``None`` when it is not about translation."""
    name = _last_segment(kind)
    if not _TRANSLATION_WORDS.search(name):
        return None
    return "translation" if _REVERSE_WORDS.search(name.strip()) else "original"


def _kind_names(record: Record, kind: str) -> list[str]:
    """The relation kind and, for a concept URI (ScoLOMFR), the labels the record gives
    it (``est la traduction de``)."""
    names = [kind]
    for term in record.vocabulary_terms:
        if term.element == "relation.kind" and kind in (term.value, term.id):
            names.extend(label.value for label in term.labels)
    return names


def _direction(record: Record, kind: str) -> str | None:
    for name in _kind_names(record, kind):
        direction = _translation_direction(name)
        if direction is not None:
            return direction
    return None


def _kind_shown(record: Record, kind: str) -> str:
    names = _kind_names(record, kind)
    return quote(kind, 60) + (f" ({names[1]!r})" if len(names) > 1 else "")


def _letters(kind: str) -> str:
    return re.sub(r"[^a-z]", "", _last_segment(kind).lower())


_TRANSLATOR_UNLINKED = Variant(
    "LANG012",
    "translator-unlinked",
    "info",
    "The record names a translator but links to no original.",
    """
    ## Why it matters
    A translator among the contributors says the resource is a translation, and a
    translation should link to the work it translates so that it can be credited,
    checked and updated (``LANG006``).  But the original may not be online at all, and
    the record does not claim a relation it leaves empty: information rather than a
    warning.

    ## Example
    ``"translator": {"name": "A. Okafor"}`` with no ``isBasedOn``,
    ``translationOfWork`` or ``dcterms:source``.

    ## Fix
    Link the original when it has an identifier or URL (``translationOfWork`` or
    ``isBasedOn`` with ``@id``, ``dcterms:source``, a LOM relation).
    """,
)


@rule(
    "LANG006",
    "translation-unlinked",
    severity="warning",
    areas=[3, 5, 4],
    paragraphs=["6", "13", "14"],
    variants=[_TRANSLATOR_UNLINKED],
)
def translation_unlinked(record: Record) -> Iterator[Violation]:
    """The record says the resource is a translation (or has one) but gives no link.

    ## Why it matters
    Translation is one of the adaptations the Recommendation expects open licensing to
    enable (para. 6, para. 14), and local-language versions are what para. 13 asks for.
    A translation that does not link to its original cannot be credited as its licence
    requires, checked against it, or updated when the original changes; an original
    that announces a translation without linking to it hides that version from its
    readers.  A relation of a translation kind (``isTranslationOf``,
    ``translationOfWork``, ``workTranslation``, ScoLOMFR's ``est la traduction de``...)
    without a target is a warning; a named translator with no link to any source
    (``isBasedOn``, ``source``, a translation relation) is reported under ``LANG012``,
    as information, since the original may not be online.

    ## Example
    JSON-LD ``"translationOfWork": {"name": "Le cycle de l'eau"}`` with no ``@id`` or
    ``url``; a LOM ``relation`` of kind ``est la traduction de`` whose ``resource`` has
    no identifier; ``"translator": {"name": "A. Okafor"}`` and no ``isBasedOn``.

    ## Fix
    Give the identifier or URL of the original (``translationOfWork`` with ``@id``,
    LOM ``relation.resource.identifier``, ``dcterms:source``), or of the translation
    in the reverse case.
    """
    linked_source = False
    for relation in record.relations:
        target = (relation.target or "").strip()
        if target and _letters(relation.kind) in _SOURCE_KINDS:
            linked_source = True
        direction = _direction(record, relation.kind)
        if direction is None or target:
            continue
        named: str | Message = (
            msg(" (names {title})", title=quote(relation.title, 60)) if relation.title else ""
        )
        kind = _kind_shown(record, relation.kind)
        if direction == "original":
            message = msg(
                "the relation {kind} says the resource is a translation{named}, but gives no "
                "identifier or URL of the original",
                kind=kind,
                named=named,
            )
            hint = msg("add the identifier or URL of the original to the relation")
        else:
            message = msg(
                "the relation {kind} says the resource has a translation{named}, but gives no "
                "identifier or URL of the translation",
                kind=kind,
                named=named,
            )
            hint = msg("add the identifier or URL of the translation to the relation")
        yield Violation(
            message,
            hint=hint,
            field="relations",
            location=relation.location,
        )
    if linked_source or any(_direction(record, r.kind) == "original" for r in record.relations):
        return
    for agent in record.contributors:
        role = _last_segment(agent.role or "")
        if _TRANSLATOR_ROLES.match(role):
            who = f" {quote(agent.name, 60)}" if agent.name else ""
            yield Violation(
                msg(
                    "the record names a translator{who} ({role}) but links to no "
                    "original (no isBasedOn, source or translation relation with a target)",
                    who=who,
                    role=agent.role,
                ),
                hint=msg(
                    "link the original with translationOfWork / isBasedOn / dcterms:source "
                    "(or a LOM relation) giving its identifier or URL"
                ),
                field="relations",
                location=agent.location,
                code="LANG012",
            )
            return
