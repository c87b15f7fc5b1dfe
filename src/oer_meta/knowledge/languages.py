"""Language values as records write them, read into canonical BCP 47 tags.

Records name languages in many ways: BCP 47 tags in any case, POSIX locales (``en_US``),
ISO 639-2/B, 639-2/T and 639-3 codes (``fre``, ``fra``, ``ger``), deprecated tags (``iw``),
language names in English or as autonyms (``German``, ``Français``), LOM's ``none``, and
the language URIs of ScoLOMFR (``http://id.loc.gov/vocabulary/iso639-2/fre``).
:func:`inspect_language` reads one such value into a :class:`LanguageVerdict`: the
canonical tag and why the value was not already that tag.  :func:`normalize_language`
(public API) returns only the tag.

Decisions (see ``docs/languages.md``):

* Canonical means RFC 5646 §4.5 on the IANA registry that ``langcodes`` ships
  (Preferred-Values of deprecated, grandfathered and redundant tags; extlang form to the
  language; singletons in order) plus the conventional case and no Suppress-Script
  script (``en-Latn`` -> ``en``).  CLDR aliases that change the language a cataloguer
  wrote (``tl`` -> ``fil``, ``sh`` -> ``sr-Latn``, ``zh-cmn`` -> ``zh``) are never applied.
* ``none`` and ``x-none`` mean "no linguistic content": ``zxx``.  ``mul``, ``und``,
  ``mis`` and private-use tags stay as they are.
* Invalid subtags after a valid language are dropped (``en-EN`` -> ``en``), except
  region aliases that name one country (``en-UK`` -> ``en-GB``).
* Names are matched exactly (no prefix guessing: ``English; French`` is not ``en``).  A
  value listing several languages (``English, French``) has no single tag: ``tag`` is
  ``None`` and ``parts`` holds the tag of each; one language named twice
  (``Spanish; Castilian``) is that language.
* Verdicts are memoised in a bounded cache, nothing longer than 64 characters reaches
  ``langcodes``, and its unbounded ``Language`` parse cache is never used, so untrusted
  input cannot grow memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from oer_meta.i18n import N_, Joined, joined, marked
from oer_meta.internal import record_crash
from oer_meta.knowledge.language_registry import Registry
from oer_meta.knowledge.language_registry import in_range as _in_range
from oer_meta.knowledge.language_registry import registry as _registry
from oer_meta.knowledge.text import strip_accents

__all__ = [
    "LanguageVerdict",
    "canonical_languages",
    "fits_scheme",
    "inspect_language",
    "language_scheme",
    "normalize_language",
    "primary_language",
    "script_letter_word",
    "suppress_script",
]

# -- reasons ------------------------------------------------------------------------------

#: Why a value is not its canonical tag (``LanguageVerdict.reasons``).
WHITESPACE = "whitespace"
CASE = "case"
UNDERSCORE = "underscore"
THREE_LETTER = "three-letter-code"
DEPRECATED = "deprecated"
EXTLANG = "extlang"
REDUNDANT_SCRIPT = "redundant-script"
REGION_ALIAS = "region-alias"
INVALID_SUBTAG = "invalid-subtag"
EXTENSION_ORDER = "extension-order"
NAME = "name"
URI = "uri"
NO_CONTENT_TOKEN = "no-content-token"
SYNONYMS = "synonyms"
POSIX_LOCALE = "posix-locale"
#: Why a value gives no tag at all.
EMPTY = "empty"
TOO_LONG = "too-long"
NOT_TEXT = "not-text"
LIST = "list"
UNKNOWN = "not-a-language"

_EXPLAIN = {
    WHITESPACE: N_("has surrounding white space"),
    CASE: N_("is not in the conventional case (language lower, Script title, REGION upper)"),
    UNDERSCORE: N_("uses '_' (a POSIX locale) where BCP 47 uses '-'"),
    THREE_LETTER: N_(
        "uses a three-letter ISO 639-2/639-3 code where BCP 47 uses the two-letter ISO 639-1 code"
    ),
    DEPRECATED: N_("uses a deprecated subtag or tag that the IANA registry replaces"),
    EXTLANG: N_("uses the extended-language form (zh-yue) instead of the language (yue)"),
    REDUNDANT_SCRIPT: N_("adds the script the language is always written in"),
    REGION_ALIAS: N_("uses a region code that is not ISO 3166-1 alpha-2 (UK for GB)"),
    INVALID_SUBTAG: N_("has a subtag that is not in the IANA registry (dropped)"),
    EXTENSION_ORDER: N_("has its extensions out of order"),
    NAME: N_("is a language name, not a code"),
    URI: N_("is a language URI, not a BCP 47 tag"),
    NO_CONTENT_TOKEN: N_("is LOM's 'none' or the private-use 'x-none', whose BCP 47 tag is 'zxx'"),
    SYNONYMS: N_("names one language several times (synonyms or variants)"),
    POSIX_LOCALE: N_("is a POSIX locale with a character set or modifier (fr_FR.UTF-8)"),
    EMPTY: N_("is empty"),
    TOO_LONG: N_("is too long to be a language tag or name"),
    NOT_TEXT: N_("is not text"),
    LIST: N_("names several languages in one value"),
    UNKNOWN: N_("is neither a valid BCP 47 tag nor a known language code, URI or name"),
}

#: Reasons that leave the value valid and unambiguous (only its form differs).
COSMETIC = frozenset({WHITESPACE, CASE, DEPRECATED, REDUNDANT_SCRIPT, EXTENSION_ORDER, URI})

_SPECIAL = frozenset({"zxx", "mul", "und", "mis"})
#: Longest value handed to langcodes: longer text is prose, never a tag or a name.
MAX_LENGTH = 64
_CACHED_LENGTH = 256

#: What a marisa trie key cannot hold: control characters and lone surrogates.
_NOT_A_KEY = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_TAGLIKE = re.compile(r"^[A-Za-z0-9]{1,8}(?:[-_][A-Za-z0-9]{1,8})*$")
_URI = re.compile(
    r"^https?://(?:www\.)?"
    r"(?:id\.loc\.gov/vocabulary/(?:iso639-1|iso639-2|iso639-5|languages)"
    r"|lexvo\.org/id/(?:iso639-1|iso639-3|iso639-5)"
    r"|publications\.europa\.eu/resource/authority/language"
    r"|iso639-3\.sil\.org/code)"
    r"/(?P<code>[A-Za-z]{2,3})(?:\.[a-z]{2,5})?/?$",
    re.IGNORECASE,
)
_QUALIFIED = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<qualifier>[^()]+)\)$")
_DASHED = re.compile(r"^(?P<name>[^-–—]+?)\s+[-–—]\s+(?P<qualifier>.+)$")
_POSIX = re.compile(
    r"^(?P<locale>[A-Za-z]{2,3}(?:_[A-Za-z]{2}|_\d{3})?)(?:\.[A-Za-z0-9-]+)?(?:@[A-Za-z]+)?$"
)
_DATES = re.compile(r"\s*\((?:ca\.\s*)?\d{3,4}\s*-\s*(?:\d{3,4})?\s*\)$")
_SEPARATORS = re.compile(r"\s*(?:[,;/|+&]|\s(?:and|et|und|y|or|ou|oder)\s)\s*", re.IGNORECASE)
_LEAD_WORDS = re.compile(r"^(?:(?:in|and|et|und|y|or|ou|oder|en)\s+)+", re.IGNORECASE)
_LANGUAGE_WORD = re.compile(
    r"^(?:langue|language|idioma|lingua)\s+|\s+(?:language|langue|sprache|idioma|lingua)$",
    re.IGNORECASE,
)
#: Languages whose names are tried after the names valid in every language.
_NAME_LANGUAGES = ("und", "en", "fr", "de", "es", "it", "pt", "nl")


@dataclass(frozen=True)
class LanguageVerdict:
    """What one language value says: the canonical ``tag`` (``None`` when it names no
    single usable language) and the ``reasons`` it is not already that tag (or, without a
    tag, why not).  ``parts`` holds the tags of a value that lists several languages."""

    raw: str
    tag: str | None
    reasons: tuple[str, ...] = ()
    parts: tuple[str, ...] = field(default=())

    @property
    def canonical(self) -> bool:
        """True when the value is already its canonical tag."""
        return self.tag is not None and self.tag == self.raw

    @property
    def recognised(self) -> bool:
        """True when the value names one language (or zxx/mul/und...)."""
        return self.tag is not None

    @property
    def special(self) -> str | None:
        """``zxx``, ``mul``, ``und`` or ``mis`` (with any subtags), ``private`` for
        private-use tags, ``None`` for an ordinary language."""
        if self.tag is None:
            return None
        primary = primary_language(self.tag)
        if primary in _SPECIAL:
            return primary
        if primary is None or _in_range(primary, ("qaa", "qtz")):
            return "private"
        return None

    @property
    def is_language(self) -> bool:
        """True when the tag names a language a text can be written in (not zxx, mul,
        und or a private-use tag)."""
        return self.tag is not None and self.special in (None, "mis")

    @property
    def cosmetic(self) -> bool:
        """True when only the form differs (case, deprecated alias, URI...): the value
        was already unambiguous."""
        return self.tag is not None and all(r in COSMETIC for r in self.reasons)

    def explain(self) -> str:
        """The reasons in words, for messages."""
        return "; ".join(_EXPLAIN.get(r, r) for r in self.reasons)

    def explained(self) -> Joined:
        """The reasons as a message, rendered in the report's language."""
        return joined("; ", [marked(_EXPLAIN.get(r, r)) for r in self.reasons])


def normalize_language(text: object) -> str | None:
    """The canonical BCP 47 tag for a language value, or ``None`` when it names no usable
    language.  Never raises."""
    return inspect_language(text).tag


def inspect_language(text: object) -> LanguageVerdict:
    """Read a language value (see the module documentation).  Never raises."""
    if not isinstance(text, str):
        return LanguageVerdict(raw=repr(text)[:80], tag=None, reasons=(NOT_TEXT,))
    if len(text) > _CACHED_LENGTH:
        return _inspect(text)  # not cached: the cache must not hold long strings
    return _inspect_cached(text)


#: DCMI encoding schemes for languages, by lower-cased local name: what they hold
LANGUAGE_SCHEMES = {
    "iso639-2": "ISO 639-2",
    "iso639-3": "ISO 639-3",
    "rfc1766": "RFC 1766",
    "rfc3066": "RFC 3066",
    "rfc4646": "RFC 4646",
    "rfc5646": "RFC 5646",
}


def language_scheme(scheme: str | None) -> str | None:
    """The name of a declared language encoding scheme (``dcterms:ISO639-3`` ->
    ``ISO 639-3``), or ``None`` when it is not one of DCMI's language schemes."""
    if not scheme:
        return None
    return LANGUAGE_SCHEMES.get(scheme.rpartition(":")[2].strip().lower())


def fits_scheme(text: str, scheme: str) -> bool:
    """Whether a language value is written as its declared scheme (a name from
    :func:`language_scheme`) says.  ISO 639-2 and 639-3 take a three-letter code the
    registry knows, directly or as an ISO 639-2 alpha-3 alias (the two lists are not
    told apart: ``langcodes`` ships no table of ISO 639-2 alone); the RFC schemes take a
    registered tag (not a name, URI, locale or a three-letter code where the registry has
    a two-letter one) that reads as a language."""
    value = text.strip()
    verdict = inspect_language(value)
    if verdict.tag is None:
        return False
    if scheme.startswith("ISO 639"):
        return len(value) == 3 and value.isascii() and value.isalpha()
    return not {NAME, URI, POSIX_LOCALE, UNDERSCORE, SYNONYMS, THREE_LETTER} & set(verdict.reasons)


def canonical_languages(values: Iterable[object]) -> list[str]:
    """The canonical tags of language values, in order and without duplicates.  A value
    that lists several languages gives each of them; a value that names none is
    dropped."""
    tags: dict[str, None] = {}  # ordered, and a set: a record may list thousands
    for value in values:
        verdict = inspect_language(value)
        for tag in (verdict.tag,) if verdict.tag else verdict.parts:
            tags.setdefault(tag)
    return list(tags)


def primary_language(tag: str | None) -> str | None:
    """The language subtag of a canonical tag (``fr`` for ``fr-CA``); ``None`` for
    private-use-only tags."""
    if not tag:
        return None
    first = tag.split("-", 1)[0].lower()
    return None if first in ("x", "i") else first


def suppress_script(tag: str) -> str | None:
    """The script a tag's language is almost always written in (the registry's
    Suppress-Script, e.g. ``Latn`` for ``en``), or the tag's own script subtag."""
    parts = tag.split("-")
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            return part.title()
        if len(part) == 1:
            break
    info = _registry().languages.get(parts[0].lower())
    value = info.get("Suppress-Script") if info else None
    return value if isinstance(value, str) else None


def script_letter_word(script: str) -> str | None:
    """The first word of the Unicode names of a script's letters (``LATIN`` for
    ``Latn``, ``CYRILLIC`` for ``Cyrl``), or ``None`` when the script's letters are not
    named after it (``Hans``, ``Jpan``, ``Kore``)."""
    entry = _registry().scripts.get(script.lower())
    descriptions = entry.get("Description") if entry else None
    if not descriptions:
        return None
    word = str(descriptions[0]).split(" ", 1)[0].upper()
    return word if _names_letters(word) else None


@cache
def _names_letters(word: str) -> bool:
    """Whether some letter of the Basic Multilingual Plane has a Unicode name starting
    with ``word``.  Scanned per word and stopped at the first hit, so common scripts
    (Latin at U+0041, Greek, Cyrillic, Arabic) answer at once; only a word no letter
    bears walks the whole plane (about 80 ms, once per word)."""
    import unicodedata

    prefix = word + " "
    for point in range(0x10000):
        char = chr(point)
        if char.isalpha():
            name = unicodedata.name(char, "")
            if name == word or name.startswith(prefix):
                return True
    return False


# -- the pass -----------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _inspect_cached(text: str) -> LanguageVerdict:
    return _inspect(text)


def _inspect(text: str) -> LanguageVerdict:
    try:
        return _read(text)
    except Exception as exc:  # the promise is "never raises"; the crash is still reported
        record_crash("normalize_language", exc)
        return LanguageVerdict(raw=text, tag=None, reasons=(UNKNOWN,))


def _read(text: str) -> LanguageVerdict:
    value = text.strip()
    lead: list[str] = [WHITESPACE] if value != text else []
    if not value:
        return LanguageVerdict(raw=text, tag=None, reasons=(EMPTY,))
    if len(value) > MAX_LENGTH:
        return LanguageVerdict(raw=text, tag=None, reasons=(TOO_LONG,))
    found = _single(value)
    if found is not None:
        tag, reasons = found
        return _verdict(text, tag, [*lead, *reasons])
    parts = _list(value)
    primaries = {primary_language(tag) for tag in parts}
    if len(primaries) == 1 and None not in primaries:
        # one language under several names or variants: Spanish; Castilian, Dutch; Flemish
        primary = str(primaries.pop())
        tag = parts[0] if len(set(parts)) == 1 else primary
        return _verdict(text, tag, [*lead, SYNONYMS])
    if parts:
        return LanguageVerdict(raw=text, tag=None, reasons=(LIST,), parts=parts)
    return LanguageVerdict(raw=text, tag=None, reasons=(UNKNOWN,))


def _verdict(raw: str, tag: str, reasons: list[str]) -> LanguageVerdict:
    unique = list(dict.fromkeys(reasons))
    if tag != raw and not unique:
        unique = [CASE]
    if tag == raw:
        unique = []
    return LanguageVerdict(raw=raw, tag=tag, reasons=tuple(unique))


def _single(value: str) -> tuple[str, list[str]] | None:
    """One language: a special token, a URI, a tag or code, or a name."""
    low = value.lower()
    if low in ("none", "x-none"):
        return "zxx", [NO_CONTENT_TOKEN]
    uri = _URI.match(value)
    if uri:
        found = _code(uri.group("code"))
        return (found[0], [URI]) if found else None
    posix = _POSIX.match(value) if ("." in value or "@" in value) else None
    if posix:
        found = _code(posix.group("locale"))
        return (found[0], [*found[1], POSIX_LOCALE]) if found else None
    if _TAGLIKE.match(value):
        found = _code(value)
        if found is not None:
            return found
        if len(value) <= 3:
            return None  # a code-shaped value is read as a code only
    return _name(value)


def _code(value: str) -> tuple[str, list[str]] | None:
    reasons: list[str] = []
    tag = value
    if "_" in tag:
        tag = tag.replace("_", "-")
        reasons.append(UNDERSCORE)
    if tag != _conventional_case(tag):
        reasons.append(CASE)
    found = _canonical(tag.lower())
    if found is None:
        return None
    return found[0], reasons + found[1]


def _canonical(tag: str) -> tuple[str, list[str]] | None:
    """RFC 5646 §4.5 canonical form of a lower-cased tag, with the repairs above."""
    from langcodes.tag_parser import LanguageTagError, parse_tag

    reg = _registry()
    whole = reg.tags.get(tag)
    if whole is not None:
        preferred = whole.get("Preferred-Value")
        if isinstance(preferred, str):
            again = _canonical(preferred.lower())
            return (again[0], [DEPRECATED, *again[1]]) if again else None
        if whole.get("Type") == "grandfathered":
            return str(whole["Tag"]), []
    if tag.startswith("x-"):
        return (tag, []) if _TAGLIKE.match(tag) else None
    try:
        subtags: list[tuple[str, str]] = parse_tag(tag)  # type: ignore[no-untyped-call]
    except (LanguageTagError, ValueError):
        return None
    return _compose(subtags, reg)


def _compose(subtags: list[tuple[str, str]], reg: Registry) -> tuple[str, list[str]] | None:
    reasons: list[str] = []
    language = ""
    extlangs: list[str] = []
    script: str | None = None
    region: str | None = None
    variants: list[str] = []
    extensions: list[str] = []
    private: str | None = None
    for kind, value in subtags:
        value = value.lower()
        if kind == "language":
            language = value
        elif kind == "extlang":
            extlangs.append(value)
        elif kind == "script":
            script = value
        elif kind == "territory":
            region = value
        elif kind == "variant":
            variants.append(value)
        elif kind == "extension":
            extensions.append(value)
        elif kind == "private":
            private = value
        else:
            return None  # an irregular grandfathered tag inside a longer one
    info = reg.language(language)
    if info is None:
        replacement = reg.alpha3.get(language)
        if replacement is None:
            return None
        language = replacement
        reasons.append(THREE_LETTER)
        info = reg.language(language) or {}
    preferred = info.get("Preferred-Value")
    if isinstance(preferred, str):
        language = preferred
        reasons.append(DEPRECATED)
    if len(extlangs) > 1:
        return None
    if extlangs:
        ext = reg.extlangs.get(extlangs[0])
        if ext is not None and language in ext.get("Prefix", ()):
            language = str(ext.get("Preferred-Value", extlangs[0]))
            reasons.append(EXTLANG)
        else:
            reasons.append(INVALID_SUBTAG)
    out = [language]
    if script is not None:
        if not reg.has("script", script):
            reasons.append(INVALID_SUBTAG)
        else:
            title = script.title()
            lang_info = reg.language(language) or {}
            if lang_info.get("Suppress-Script") == title:
                reasons.append(REDUNDANT_SCRIPT)
            else:
                out.append(title)
    if region is not None:
        region_info = reg.regions.get(region)
        if region_info is None and not reg.in_ranges("region", region):
            alias = reg.region_aliases.get(region)
            if alias is not None:
                out.append(alias)
                reasons.append(REGION_ALIAS)
            else:
                reasons.append(INVALID_SUBTAG)
        else:
            preferred = (region_info or {}).get("Preferred-Value")
            if isinstance(preferred, str):
                reasons.append(DEPRECATED)
                out.append(preferred.upper())
            else:
                out.append(region.upper())
    if len(set(variants)) != len(variants):
        return None
    for variant in variants:
        variant_info = reg.variants.get(variant)
        if variant_info is None:
            reasons.append(INVALID_SUBTAG)
            continue
        preferred = variant_info.get("Preferred-Value")
        if isinstance(preferred, str):
            reasons.append(DEPRECATED)
            variant = preferred.lower()
        if variant not in out:
            out.append(variant)
    singletons = [ext.split("-", 1)[0] for ext in extensions]
    if len(set(singletons)) != len(singletons):
        return None
    ordered = sorted(extensions, key=lambda ext: ext.split("-", 1)[0])
    if ordered != extensions:
        reasons.append(EXTENSION_ORDER)
    out.extend(ordered)
    if private is not None:
        out.append(private)
    return "-".join(out), reasons


def _conventional_case(tag: str) -> str:
    """RFC 5646 §2.1.1 case: language lower, Script title, REGION upper, rest lower."""
    out: list[str] = []
    after_singleton = False
    for index, part in enumerate(tag.split("-")):
        if index == 0 or after_singleton:
            out.append(part.lower())
        elif len(part) == 1:
            after_singleton = True
            out.append(part.lower())
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            out.append(part.upper())
        else:
            out.append(part.lower())
        if index == 0 and part.lower() in ("x", "i"):
            after_singleton = True
    return "-".join(out)


# -- names --------------------------------------------------------------------------------


def _name(value: str) -> tuple[str, list[str]] | None:
    """A language name, matched exactly in the CLDR names ``language_data`` ships."""
    cleaned = value.strip(" \t\"'.:;")
    if len(cleaned) < 3 and cleaned.isascii():
        return None
    for candidate in _name_forms(cleaned):
        code = _lookup_name("language", candidate)
        if code is not None:
            found = _canonical(code.lower())
            if found is not None:
                return found[0], [NAME]
    code = _lookup_stem(cleaned)
    if code is not None:
        found = _canonical(code.lower())
        if found is not None:
            return found[0], [NAME]
    for name, qualifier in _qualified_forms(cleaned):
        if _TAGLIKE.match(name) and len(name) <= 3:
            as_code = _code(name)
            code = as_code[0] if as_code else None
        else:
            code = _lookup_name("language", name)
        if code is None:
            continue
        extra = _qualifier(qualifier, code)
        if extra == "":
            found = _canonical(code.lower())  # the qualifier names the same language
        elif extra is not None and "-" not in code:
            found = _canonical(f"{code}-{extra}".lower())
        else:
            found = None
        if found is not None:
            return found[0], [NAME]
    return None


def _qualified_forms(value: str) -> Iterator[tuple[str, str]]:
    """``(name, qualifier)`` splits of ``English (United States)``, ``English - United
    States`` and ``English, United States``."""
    for pattern in (_QUALIFIED, _DASHED):
        found = pattern.match(value)
        if found:
            yield found.group("name"), found.group("qualifier")
    if value.count(",") == 1:
        name, qualifier = (part.strip() for part in value.split(","))
        if _single(qualifier) is None:  # "English, French" is a list, not a qualified name
            yield name, qualifier


def _name_forms(value: str) -> Iterator[str]:
    yield value
    undated = _DATES.sub("", value)
    if undated != value:
        yield undated
    if undated.count(",") == 1:
        before, after = undated.split(",")
        yield f"{after.strip()} {before.strip()}"
    bare = _LANGUAGE_WORD.sub("", undated)
    if bare != undated:
        yield bare
    unled = _LEAD_WORDS.sub("", bare)
    if unled != bare:
        yield unled  # In English, en français


def _qualifier(value: str, code: str) -> str | None:
    """A region or script qualifying a name: ``(United States)``, ``(US)``, ``(Latin)``;
    ``""`` when the qualifier is another name of the same language (``Persian
    (Farsi)``)."""
    value = value.strip()
    reg = _registry()
    low = value.lower()
    if low in reg.regions and (len(low) == 2 or low.isdigit()):
        return low
    if low in reg.region_aliases and len(low) == 2:
        return reg.region_aliases[low].lower()
    if len(low) == 4 and reg.has("script", low):
        return low
    for category in ("territory", "script"):
        found = _lookup_name(category, value)
        if found is not None:
            return found
    same = _lookup_name("language", value)
    return "" if same is not None and same == code else None


def _lookup_name(category: str, name: str) -> str | None:
    """Exact (not prefix) lookup of a name, in any language first, then in the languages
    of ``_NAME_LANGUAGES`` (names shared by two languages are only in those tries)."""
    try:
        from language_data import names  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - language-data is a dependency
        return None
    key = names.normalize_name(name)
    if not key or len(key) > MAX_LENGTH or not _trie_key(key):
        return None
    for language in _NAME_LANGUAGES:
        trie = _trie(names, category, language)
        if trie is not None and key in trie:
            return str(names.get_trie_value(trie, key))
    plain = strip_accents(key)
    if plain != key:
        for language in ("und", "en"):
            trie = _trie(names, category, language)
            if trie is not None and plain in trie:
                return str(names.get_trie_value(trie, plain))
    if category == "language" and _may_be_autonym(plain):
        return _unaccented_autonyms().get(plain)
    return None


def _may_be_autonym(key: str) -> bool:
    """Whether a normalised name could be an autonym typed without accents: ASCII
    letters in at most three words (``francais``, ``norsk bokmal``).  Longer phrases
    (``in english italian and spanish``) never are, and would build the index for
    nothing (a scan of every autonym, about 0.15 s)."""
    return key.isascii() and key.count(" ") <= 2 and key.replace(" ", "").isalpha()


@cache
def _unaccented_autonyms() -> dict[str, str]:
    """Autonyms typed without their accents (``francais``, ``espanol``, ``catala``):
    built once, on the first name that nothing else matched; a spelling shared by two
    languages is left out rather than guessed."""
    from language_data import names

    trie = _trie(names, "language", "und")
    found: dict[str, str] = {}
    ambiguous: set[str] = set()
    if trie is None:
        return found
    for name, value in trie.items():
        if name.isascii():  # nothing to strip: most names, skipped cheaply
            continue
        plain = strip_accents(name)
        if plain == name or not plain.isascii():
            continue
        code = value.decode("utf-8") if isinstance(value, bytes) else str(value)
        if found.get(plain, code) != code:
            ambiguous.add(plain)
        found[plain] = code
    for plain in ambiguous:
        del found[plain]
    return found


def _lookup_stem(word: str) -> str | None:
    """A one-word name that extends a known name by a letter or two (``Multilingual``
    for ``multilingua``, ``Luxemburgish``): the longest known prefix must cover at least
    80 % of the word and be at least six letters long."""
    if not word.isalpha():
        return None
    try:
        from language_data import names
    except ImportError:  # pragma: no cover
        return None
    trie = _trie(names, "language", "und")
    if trie is None:
        return None
    key = names.normalize_name(word)
    if not _trie_key(key):
        return None
    prefixes = trie.prefixes(key)
    if not prefixes:
        return None
    best = str(prefixes[-1])
    if len(best) < 6 or len(best) < 0.8 * len(key):
        return None
    return str(names.get_trie_value(trie, best))


def _trie_key(key: str) -> bool:
    """True when ``key`` can be looked up in a marisa trie: UTF-8 encodable (no lone
    surrogate) and free of control characters (a NUL cuts the key short in C, and the
    trie then answers for another name, or fails)."""
    return _NOT_A_KEY.search(key) is None


def _trie(names: Any, category: str, language: str) -> Any:
    trie_name = f"{language}/name_to_{category}"
    if trie_name not in names.TRIES:
        try:
            names.name_to_code(category, "", language)  # loads and keeps the trie
        except Exception:  # a missing trie only means no match
            return None
    return names.TRIES.get(trie_name)


def _list(value: str) -> tuple[str, ...]:
    """The tags of a value that lists two or more languages (or names one language
    twice), else ``()``."""
    pieces = [p for p in _SEPARATORS.split(value) if p and p.strip(" .")]
    if len(pieces) < 2:
        return ()
    tags: dict[str, None] = {}  # ordered and a set
    for piece in pieces:
        piece = _LEAD_WORDS.sub("", piece.strip(" ."))
        found = _single(piece) if piece else None
        if found is None:
            return ()
        tags.setdefault(found[0])
    return tuple(tags)
