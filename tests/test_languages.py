"""normalize_language and inspect_language: a table of real-world values with the tag a
careful cataloguer would give, the reasons behind each repair, and properties that must
hold for any text (never raises, idempotent, bounded memory)."""

from __future__ import annotations

import doctest
import re

import langcodes
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import oer_meta
from oer_meta.knowledge import languages
from oer_meta.knowledge.languages import (
    LIST,
    NAME,
    THREE_LETTER,
    UNDERSCORE,
    URI,
    canonical_languages,
    inspect_language,
    normalize_language,
)

from .corpus_paths import ROOT

#: (value as a record wrote it, canonical tag or None).  The first block holds values read
#: from ../shared/corpus (LOM, oai_dc, nsdl_dc, AMB and ScoLOMFR records).
TABLE = [
    # corpus values (facts read from ../shared/corpus)
    ("English", "en"),
    ("eng", "en"),
    ("en", "en"),
    ("fr", "fr"),
    ("other", None),
    ("en_US", "en-US"),
    ("fre", "fr"),
    ("de", "de"),
    ("Spanish", "es"),
    ("fr-CA", "fr-CA"),
    ("French", "fr"),
    ("Dutch", "nl"),
    ("nl", "nl"),
    ("rus", "ru"),
    ("mul", "mul"),
    ("sux", "sux"),
    ("ger", "de"),
    ("fra-CA", "fr-CA"),
    ("FRE", "fr"),
    ("ara", "ar"),
    ("ota", "ota"),
    ("x-none", "zxx"),
    ("de-AT", "de-AT"),
    ("la", "la"),
    ("zxx", "zxx"),
    ("none", "zxx"),
    ("en-US", "en-US"),
    ("en-CA", "en-CA"),
    (", ", None),
    ("http://id.loc.gov/vocabulary/iso639-2/fre", "fr"),
    ("http://id.loc.gov/vocabulary/iso639-2/fra", "fr"),
    ("http://id.loc.gov/vocabulary/iso639-2/eng", "en"),
    ("http://id.loc.gov/vocabulary/iso639-1/fr", "fr"),
    ("http://id.loc.gov/vocabulary/iso639-1/en", "en"),
    ("http://id.loc.gov/vocabulary/iso639-1/el", "el"),
    ("http://id.loc.gov/vocabulary/iso639-2/zxx", "zxx"),
    ("In English, Italian, and Spanish.", None),
    (
        "Most items in Sumerian. A few in Old Babylonian and Neo-Assyrian. Characteristics "
        "of the inscriptions suggest the tablets may have come from the town of Drehem.",
        None,
    ),
    # case and separators
    ("EN", "en"),
    ("en-gb", "en-GB"),
    ("EN-GB", "en-GB"),
    ("en_GB", "en-GB"),
    ("pt_BR", "pt-BR"),
    ("pt-br", "pt-BR"),
    ("zh_CN", "zh-CN"),
    ("zh-tw", "zh-TW"),
    ("es_MX", "es-MX"),
    ("fr_FR", "fr-FR"),
    ("de_DE", "de-DE"),
    ("zh-hant", "zh-Hant"),
    ("ZH-HANS-CN", "zh-Hans-CN"),
    ("sr_Latn_RS", "sr-Latn-RS"),
    # scripts and regions
    ("zh-Hant-TW", "zh-Hant-TW"),
    ("sr-Latn", "sr-Latn"),
    ("sr-Cyrl", "sr-Cyrl"),
    ("es-419", "es-419"),
    ("de-CH", "de-CH"),
    ("nl-BE", "nl-BE"),
    ("ca-ES", "ca-ES"),
    ("ar-001", "ar-001"),
    ("en-Latn-US", "en-US"),
    ("ja-Jpan", "ja"),
    ("en-UK", "en-GB"),
    ("de-DD", "de-DE"),
    ("en-EN", "en"),
    ("en-US-POSIX", "en-US"),
    ("de-DE-1996", "de-DE-1996"),
    # ISO 639-2/B, 639-2/T and 639-3
    ("fra", "fr"),
    ("deu", "de"),
    ("spa", "es"),
    ("ita", "it"),
    ("por", "pt"),
    ("nld", "nl"),
    ("dut", "nl"),
    ("chi", "zh"),
    ("zho", "zh"),
    ("jpn", "ja"),
    ("kor", "ko"),
    ("per", "fa"),
    ("fas", "fa"),
    ("cze", "cs"),
    ("ces", "cs"),
    ("gre", "el"),
    ("ell", "el"),
    ("wel", "cy"),
    ("ice", "is"),
    ("arm", "hy"),
    ("geo", "ka"),
    ("baq", "eu"),
    ("rum", "ro"),
    ("alb", "sq"),
    ("mac", "mk"),
    ("bur", "my"),
    ("tib", "bo"),
    ("mao", "mi"),
    ("slo", "sk"),
    ("may", "ms"),
    ("hin", "hi"),
    ("swa", "sw"),
    ("amh", "am"),
    ("heb", "he"),
    ("tgl", "tl"),
    ("nob", "nb"),
    ("nor", "no"),
    ("lat", "la"),
    ("gle", "ga"),
    ("ukr", "uk"),
    ("SPA", "es"),
    ("Eng", "en"),
    ("grc", "grc"),
    ("swh", "swh"),
    ("yue", "yue"),
    ("cmn", "cmn"),
    ("fil", "fil"),
    # deprecated and grandfathered tags; CLDR rewrites a cataloguer would not apply
    ("iw", "he"),
    ("in", "id"),
    ("jw", "jv"),
    ("ji", "yi"),
    ("mo", "ro"),
    ("iw-IL", "he-IL"),
    ("i-klingon", "tlh"),
    ("zh-yue", "yue"),
    ("zh-cmn", "cmn"),
    ("zh-min-nan", "nan"),
    ("no-bok", "nb"),
    ("tl", "tl"),
    ("sh", "sh"),
    ("no", "no"),
    # names in English and autonyms
    ("German", "de"),
    ("Français", "fr"),
    ("Español", "es"),
    # autonyms typed without their accents, as keyboards and old systems write them
    ("francais", "fr"),
    ("Espanol", "es"),
    ("portugues", "pt"),
    ("catala", "ca"),
    ("Deutsch", "de"),
    ("english", "en"),
    ("ENGLISH", "en"),
    ("Italiano", "it"),
    ("Nederlands", "nl"),
    ("Português", "pt"),
    ("Русский", "ru"),
    ("العربية", "ar"),
    ("中文", "zh"),
    ("日本語", "ja"),
    ("Kiswahili", "sw"),
    ("Swahili", "sw"),
    ("isiZulu", "zu"),
    ("Hindi", "hi"),
    ("Farsi", "fa"),
    ("Latin", "la"),
    ("Sumerian", "sux"),
    ("Ancient Greek", "grc"),
    ("Tagalog", "tl"),
    ("Filipino", "fil"),
    ("Cantonese", "yue"),
    ("Brazilian Portuguese", "pt-BR"),
    ("English (United States)", "en-US"),
    ("Portuguese (Brazil)", "pt-BR"),
    ("Chinese (Simplified)", "zh-Hans"),
    ("Chinese (Traditional)", "zh-Hant"),
    ("Greek, Modern (1453-)", "el"),
    ("allemand", "de"),
    ("anglais", "en"),
    ("espagnol", "es"),
    ("Englisch", "en"),
    ("Multilingual", "mul"),
    ("Multiple languages", "mul"),
    ("No linguistic content", "zxx"),
    ("Undetermined", "und"),
    ("English.", "en"),
    ("Spanish; Castilian", "es"),
    ("Dutch; Flemish", "nl"),
    ("Catalan; Valencian", "ca"),
    ("English - United States", "en-US"),
    ("Français (Canada)", "fr-CA"),
    ("Persian (Farsi)", "fa"),
    ("In English", "en"),
    ("Yorùbá", "yo"),
    ("fr_FR.UTF-8", "fr-FR"),
    # special values
    ("und", "und"),
    ("MUL", "mul"),
    ("NONE", "zxx"),
    ("mis", "mis"),
    # language URIs
    ("https://id.loc.gov/vocabulary/iso639-1/el", "el"),
    ("http://id.loc.gov/vocabulary/languages/ger", "de"),
    ("http://publications.europa.eu/resource/authority/language/FRA", "fr"),
    ("http://lexvo.org/id/iso639-3/deu", "de"),
    ("http://id.loc.gov/vocabulary/iso639-2/mul", "mul"),
    ("http://example.org/lang/fr", None),
    # white space, junk, lists
    (" en ", "en"),
    ("fr\n", "fr"),
    ("", None),
    ("   ", None),
    ("unknown", None),
    ("xx", None),
    ("n/a", None),
    ("-", None),
    ("?", None),
    ("English; French", None),
    ("en, fr", None),
    ("eng; fre", None),
    ("root", None),
    ("123", None),
]


def test_the_table_is_large_and_has_no_duplicate_values() -> None:
    values = [value for value, _ in TABLE]
    assert len(values) >= 110
    assert len(set(values)) == len(values)


@pytest.mark.parametrize(("value", "expected"), TABLE, ids=[repr(v)[:40] for v, _ in TABLE])
def test_canonical_tag_of_real_world_values(value: str, expected: str | None) -> None:
    assert normalize_language(value) == expected


def test_public_name_is_the_same_function() -> None:
    assert oer_meta.normalize_language is normalize_language
    assert oer_meta.normalize_language("fre") == "fr"


@pytest.mark.parametrize("value", [None, 5, 3.5, b"en", ["en"], {"@value": "en"}, object()])
def test_non_text_gives_none(value: object) -> None:
    assert normalize_language(value) is None
    assert inspect_language(value).reasons == (languages.NOT_TEXT,)


@pytest.mark.parametrize(
    ("value", "reasons"),
    [
        ("fre", (THREE_LETTER,)),
        ("FRE", (languages.CASE, THREE_LETTER)),
        ("en_US", (UNDERSCORE,)),
        ("English", (NAME,)),
        ("iw", (languages.DEPRECATED,)),
        ("zh-cmn-Hans-CN", (languages.EXTLANG,)),
        ("en-Latn-US", (languages.REDUNDANT_SCRIPT,)),
        ("en-UK", (languages.REGION_ALIAS,)),
        ("en-EN", (languages.INVALID_SUBTAG,)),
        ("en-b-ccc-a-bbb", (languages.EXTENSION_ORDER,)),
        ("http://id.loc.gov/vocabulary/iso639-2/fre", (URI,)),
        ("none", (languages.NO_CONTENT_TOKEN,)),
        ("Spanish; Castilian", (languages.SYNONYMS,)),
        ("fr_FR.UTF-8", (UNDERSCORE, languages.POSIX_LOCALE)),
        (" fr", (languages.WHITESPACE,)),
        ("fr", ()),
    ],
)
def test_reasons_say_why_a_value_is_not_canonical(value: str, reasons: tuple[str, ...]) -> None:
    verdict = inspect_language(value)
    assert verdict.reasons == reasons
    assert verdict.canonical is (reasons == ())
    assert verdict.explain() or reasons == ()


def test_cosmetic_repairs_are_told_apart_from_real_ones() -> None:
    assert inspect_language("EN-us").cosmetic
    assert inspect_language("iw").cosmetic
    assert inspect_language("http://id.loc.gov/vocabulary/iso639-1/el").cosmetic
    assert not inspect_language("fre").cosmetic
    assert not inspect_language("English").cosmetic
    assert not inspect_language("other").cosmetic


def test_a_value_listing_languages_gives_no_tag_but_each_part() -> None:
    verdict = inspect_language("In English, Italian, and Spanish.")
    assert verdict.tag is None
    assert verdict.reasons == (LIST,)
    assert verdict.parts == ("en", "it", "es")
    assert inspect_language("eng; fre").parts == ("en", "fr")
    assert inspect_language("Greek, Modern").parts == ()  # an inverted name, not a list
    assert normalize_language("Greek, Modern") == "el"


@pytest.mark.parametrize(
    ("value", "special", "is_language"),
    [
        ("zxx", "zxx", False),
        ("x-none", "zxx", False),
        ("mul", "mul", False),
        ("und", "und", False),
        ("mis", "mis", True),
        ("qaa", "private", False),
        ("x-t-cc-url", "private", False),
        ("fr-CA", None, True),
        ("other", None, False),
    ],
)
def test_special_values(value: str, special: str | None, is_language: bool) -> None:
    verdict = inspect_language(value)
    assert verdict.special == special
    assert verdict.is_language is is_language


def test_names_are_matched_exactly_never_by_prefix() -> None:
    # langcodes.find() would answer en, tr and de by prefix; the cataloguer would not
    assert langcodes.find("English; French").language == "en"
    assert normalize_language("English; French") is None
    assert normalize_language("Turkish, Ottoman (1500-1928)") == "ota"
    assert normalize_language("German (Switzerland)") == "de-CH"


def test_cldr_rewrites_that_change_the_language_are_not_applied() -> None:
    assert langcodes.standardize_tag("tl") == "fil"
    assert langcodes.standardize_tag("zh-cmn") == "zh"
    assert [normalize_language(v) for v in ("tl", "sh", "zh-cmn", "mo")] == [
        "tl",
        "sh",
        "cmn",
        "ro",  # mo is deprecated in the IANA registry itself, with ro as Preferred-Value
    ]


def test_canonical_languages_keeps_order_expands_lists_and_drops_junk() -> None:
    values = ["FRE", "fr", "other", "English, Spanish", "", None, "fr-CA"]
    assert canonical_languages(values) == ["fr", "en", "es", "fr-CA"]


def test_verdicts_are_cached_within_a_bound() -> None:
    info = languages._inspect_cached.cache_info()
    assert info.maxsize is not None and info.maxsize <= 10_000
    before = languages._inspect_cached.cache_info().currsize
    long_text = "en" + " " * 5000 + "x"
    assert normalize_language(long_text) is None
    assert languages._inspect_cached.cache_info().currsize == before


def test_untrusted_values_do_not_grow_the_langcodes_parse_cache() -> None:
    cache = getattr(langcodes.Language, "_PARSE_CACHE", None)
    if cache is None:
        pytest.skip("this langcodes version has no parse cache")
    before = len(cache)
    for i in range(2000):
        normalize_language(f"q{i:x}-zz{i}")
        normalize_language(f"Language number {i}")
    assert len(cache) == before


@given(st.text(max_size=80))
@settings(max_examples=400, deadline=None)
def test_never_raises_and_is_idempotent_on_any_text(text: str) -> None:
    tag = normalize_language(text)
    assert tag is None or isinstance(tag, str)
    if tag is not None:
        assert normalize_language(tag) == tag
        assert inspect_language(tag).canonical


_SUBTAG = st.from_regex(r"[A-Za-z0-9]{1,8}", fullmatch=True)
_TAGLIKE = st.lists(_SUBTAG, min_size=1, max_size=6).flatmap(
    lambda parts: st.sampled_from(["-", "_"]).map(lambda sep: sep.join(parts))
)


@given(_TAGLIKE)
@settings(max_examples=600, deadline=None)
def test_tag_shaped_values_are_idempotent(text: str) -> None:
    tag = normalize_language(text)
    if tag is not None:
        assert normalize_language(tag) == tag
        assert normalize_language(tag.upper()) == tag
        assert normalize_language(tag.replace("-", "_")) == tag


@given(st.sampled_from([value for value, _ in TABLE]))
@settings(max_examples=200, deadline=None)
def test_table_outputs_are_fixed_points(value: str) -> None:
    tag = normalize_language(value)
    if tag is not None:
        assert normalize_language(tag) == tag


def test_the_documentation_example_runs() -> None:
    page = (ROOT / "docs" / "languages.md").read_text(encoding="utf-8")
    [block] = re.findall(r"```python\n(.*?)```", page, re.S)
    test = doctest.DocTestParser().get_doctest(block, {}, "languages.md", None, 0)
    runner = doctest.DocTestRunner()
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
    assert runner.summarize(verbose=False).attempted >= 3
