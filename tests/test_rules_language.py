"""The LANG rules on records built directly and on inline LOM, Dublin Core and JSON-LD
records read through the public API."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import oer_meta
from oer_meta.checks.lang import _foreign_script, _letters_by_script, _plainly_latin
from oer_meta.model import Agent, Identifier, Location, Record, Relation, Text

COMPLETE = Record(
    source_format="lom",
    identifiers=[Identifier(value="https://example.org/lesson/1")],
    titles=[
        Text(value="The water cycle", language="en"),
        Text(value="Le cycle de l'eau", language="fr"),
    ],
    descriptions=[Text(value="Where the rain comes from.", language="en")],
    keywords=[Text(value="rain", language="en")],
    languages=[Text(value="en")],
)


def codes(record: Record, select: str = "LANG") -> list[str]:
    return [f.rule for f in oer_meta.check(record, select=[select])]


def only(record: Record, code: str) -> oer_meta.Finding:
    [finding] = oer_meta.check(record, select=[code])
    return finding


def test_a_clean_complete_record_passes_every_lang_rule() -> None:
    assert codes(COMPLETE) == []
    for fmt in ("dc", "jsonld"):
        assert codes(COMPLETE.model_copy(update={"source_format": fmt})) == []


def test_lang_rules_relate_to_areas_3_and_5() -> None:
    for rule in oer_meta.rules():
        if rule.pack == "LANG":
            assert {3, 5} <= {int(a) for a in rule.areas}, rule.code


# -- LANG001 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "field"), [("lom", "general.language"), ("dc", "dc:language"), ("jsonld", "inLanguage")]
)
def test_lang001_no_language(fmt: str, field: str) -> None:
    finding = only(COMPLETE.model_copy(update={"languages": [], "source_format": fmt}), "LANG001")
    assert finding.severity.value == "warning"
    assert f"({field}) is not given" in finding.message


def test_lang001_empty_language_points_at_the_element() -> None:
    where = Location(line=7, path="/lom:lom/lom:general/lom:language")
    finding = only(
        COMPLETE.model_copy(update={"languages": [Text(value=" ", location=where)]}), "LANG001"
    )
    assert "is empty" in finding.message
    assert finding.location == where


def test_lang001_und_only_is_information() -> None:
    finding = only(COMPLETE.model_copy(update={"languages": [Text(value="und")]}), "LANG001")
    assert (finding.rule, finding.severity.value) == ("LANG007", "info")


def test_lang001_silent_for_zxx_and_lom_none() -> None:
    for value in ("zxx", "none", "mul"):
        assert (
            codes(COMPLETE.model_copy(update={"languages": [Text(value=value)]}), "LANG001") == []
        )


# -- LANG002 / LANG003 ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "severity"), [("lom", "error"), ("jsonld", "error"), ("dc", "warning")]
)
def test_lang002_value_that_is_no_language(fmt: str, severity: str) -> None:
    record = COMPLETE.model_copy(
        update={"source_format": fmt, "languages": [Text(value="en"), Text(value="other")]}
    )
    finding = only(record, "LANG002")
    assert finding.severity.value == severity
    assert finding.rule == ("LANG008" if fmt == "dc" else "LANG002")
    assert "'other'" in finding.message and "is not a language" in finding.message


def test_lang002_prose_and_string_attributes() -> None:
    prose = "Most items in Sumerian. A few in Old Babylonian and Neo-Assyrian, from Drehem."
    record = COMPLETE.model_copy(
        update={
            "source_format": "dc",
            "languages": [Text(value="sux"), Text(value=prose)],
            "titles": [Text(value="Tablets", language="english-ish")],
        }
    )
    messages = [f.message for f in oer_meta.check(record, select=["LANG002"])]
    assert len(messages) == 2
    assert "characters of prose" in messages[0]
    assert "'english-ish' of 1 title string is not a language" in messages[1]


@pytest.mark.parametrize(
    ("value", "canonical", "severity"),
    [
        ("fre", "fr", "warning"),
        ("FRE", "fr", "warning"),
        ("fra-CA", "fr-CA", "warning"),
        ("en_US", "en-US", "warning"),
        ("English", "en", "warning"),
        ("en-us", "en-US", "info"),
        ("iw", "he", "info"),
        ("http://id.loc.gov/vocabulary/iso639-2/fre", "fr", "info"),
        ("x-none", "zxx", "warning"),
    ],
)
def test_lang003_hint_gives_the_canonical_tag(value: str, canonical: str, severity: str) -> None:
    finding = only(COMPLETE.model_copy(update={"languages": [Text(value=value)]}), "LANG003")
    assert finding.hint == f"write {canonical!r}"
    assert finding.severity.value == severity
    assert finding.rule == ("LANG009" if severity == "info" else "LANG003")
    assert repr(value) in finding.message


def test_lang003_iso_639_2_in_dublin_core_is_information() -> None:
    record = COMPLETE.model_copy(update={"source_format": "dc", "languages": [Text(value="eng")]})
    finding = only(record, "LANG003")
    assert (finding.rule, finding.severity.value) == ("LANG010", "info")
    named = COMPLETE.model_copy(
        update={"source_format": "dc", "languages": [Text(value="English")]}
    )
    finding = only(named, "LANG003")
    assert (finding.rule, finding.severity.value) == ("LANG003", "warning")


def test_lang003_lists_and_string_languages() -> None:
    record = COMPLETE.model_copy(
        update={
            "source_format": "dc",
            "languages": [Text(value="In English, Italian, and Spanish.")],
            "titles": [Text(value="Songs", language="eng"), Text(value="Canti", language="eng")],
            "metadata_languages": [Text(value="en_GB")],
        }
    )
    findings = oer_meta.check(record, select=["LANG003"])
    assert [f.hint for f in findings] == [
        "give each language as its own dc:language value: 'en', 'it', 'es'",
        "write 'en-GB'",
        "write 'en'",
    ]
    assert "2 title strings" in findings[2].message


def test_lang003_accepts_lom_none_as_written() -> None:
    assert codes(COMPLETE.model_copy(update={"languages": [Text(value="none")]}), "LANG003") == []
    json_none = COMPLETE.model_copy(
        update={"source_format": "jsonld", "languages": [Text(value="none")]}
    )
    assert only(json_none, "LANG003").hint == "write 'zxx'"


# -- LANG004 ------------------------------------------------------------------------------


def test_lang004_several_languages_need_tagged_strings() -> None:
    record = COMPLETE.model_copy(
        update={
            "languages": [Text(value="en"), Text(value="fr")],
            "titles": [Text(value="The water cycle")],
            "keywords": [Text(value="rain"), Text(value="pluie", language="fr")],
        }
    )
    finding = only(record, "LANG004")
    assert finding.severity.value == "warning"
    assert "1 title, 1 keyword" in finding.message and "'en', 'fr'" in finding.message


def test_lang004_one_resource_language_or_metadata_language_tells() -> None:
    plain = COMPLETE.model_copy(
        update={"titles": [Text(value="The water cycle")], "descriptions": [], "keywords": []}
    )
    assert codes(plain, "LANG004") == []
    several = plain.model_copy(
        update={
            "languages": [Text(value="en"), Text(value="fr")],
            "metadata_languages": [Text(value="en")],
        }
    )
    assert codes(several, "LANG004") == []
    assert codes(several.model_copy(update={"metadata_languages": []}), "LANG004") == ["LANG004"]


def test_lang004_x_none_strings_and_no_language() -> None:
    record = COMPLETE.model_copy(
        update={
            "languages": [Text(value="x-none")],
            "titles": [Text(value="Duodenum specimen", language="x-none")],
            "descriptions": [],
            "keywords": [],
        }
    )
    finding = only(record, "LANG004")
    assert "only language is 'zxx'" in finding.message
    bare = record.model_copy(update={"languages": []})
    finding = only(bare, "LANG004")
    assert (finding.rule, finding.severity.value) == ("LANG011", "info")


# -- LANG005 ------------------------------------------------------------------------------


def test_lang005_strings_in_another_language_than_the_resource() -> None:
    record = COMPLETE.model_copy(
        update={
            "languages": [Text(value="fr")],
            "titles": [Text(value="The water cycle", language="en")],
            "descriptions": [Text(value="Where the rain comes from.", language="en-GB")],
        }
    )
    finding = only(record, "LANG005")
    assert "'en', 'en-GB'" in finding.message and "'fr'" in finding.message


def test_lang005_silent_when_a_text_is_in_the_resource_language_or_explained() -> None:
    region = COMPLETE.model_copy(update={"languages": [Text(value="en-CA")]})
    assert codes(region, "LANG005") == []  # en and en-CA are one language
    german_record = COMPLETE.model_copy(
        update={
            "languages": [Text(value="fr")],
            "titles": [Text(value="Der Wasserkreislauf", language="de")],
            "descriptions": [],
            "metadata_languages": [Text(value="de")],
        }
    )
    assert codes(german_record, "LANG005") == []  # a French resource described in German
    several = COMPLETE.model_copy(update={"languages": [Text(value="fr"), Text(value="de")]})
    assert codes(several, "LANG005") == []  # no single resource language: nothing is certain
    untagged = COMPLETE.model_copy(
        update={
            "languages": [Text(value="fr")],
            "titles": [Text(value="The water cycle")],
            "descriptions": [Text(value="Where the rain comes from.")],
        }
    )
    assert codes(untagged, "LANG005") == []  # no language guessed from words
    undetermined = untagged.model_copy(
        update={"titles": [Text(value="The water cycle", language="und")]}
    )
    assert codes(undetermined, "LANG005") == []  # 'und' contradicts nothing


def test_lang005_x_none_texts_in_a_resource_with_a_language() -> None:
    record = COMPLETE.model_copy(
        update={
            "titles": [Text(value="Exercises 5", language="x-none")],
            "descriptions": [Text(value="Fifth exercises of the course", language="x-none")],
        }
    )
    finding = only(record, "LANG005")
    assert "no linguistic content" in finding.message
    assert "'en'" in (finding.hint or "")


def test_lang005_metadata_language_contradicted() -> None:
    record = COMPLETE.model_copy(
        update={
            "languages": [Text(value="fr"), Text(value="de")],
            "metadata_languages": [Text(value="en")],
            "titles": [Text(value="Le cycle de l'eau", language="fr")],
            "descriptions": [Text(value="Der Wasserkreislauf", language="de")],
        }
    )
    finding = only(record, "LANG005")
    assert finding.message.startswith("metaMetadata.language is 'en'")


def test_lang005_text_plainly_in_another_script() -> None:
    record = COMPLETE.model_copy(
        update={
            "titles": [Text(value="Круговорот воды в природе", language="en")],
            "descriptions": [Text(value="Where the rain comes from.", language="en")],
        }
    )
    finding = only(record, "LANG005")
    assert "Cyrillic letters" in finding.message
    for value in ("Круговорот воды", "H₂O: the water cycle", "水循环与降雨的形成过程和原理"):
        short = COMPLETE.model_copy(update={"titles": [Text(value=value, language="zh")]})
        assert codes(short, "LANG005") == [], value  # too short, fitting, or no single script
    russian = COMPLETE.model_copy(
        update={
            "languages": [Text(value="ru")],
            "titles": [Text(value="Круговорот воды в природе", language="ru")],
            "descriptions": [],
            "keywords": [],
        }
    )
    assert codes(russian, "LANG005") == []
    latin = russian.model_copy(
        update={"titles": [Text(value="Water cycle, evaporation, rainfall", language="ru")]}
    )
    assert "Latin letters (100 % Latin letters)" in only(latin, "LANG005").message


def _titled(value: str, tag: str) -> Record:
    return COMPLETE.model_copy(
        update={
            "languages": [Text(value=tag)],
            "titles": [Text(value=value, language=tag)],
            "descriptions": [],
            "keywords": [],
        }
    )


@pytest.mark.parametrize(
    ("value", "tag", "shares"),
    [
        # Cyrillic and Greek text with a few Latin words, tagged en (issue 9)
        ("Круговорот воды в природе: the water cycle", "en", "63 % Cyrillic, 37 % Latin"),
        ("Ο κύκλος του νερού στη φύση (water cycle)", "en", "69 % Greek, 31 % Latin"),
        # an English title with one Russian word, tagged ru: Latin letters past 4/5
        ("Water cycle, evaporation, rainfall — вода", "ru", "88 % Latin, 12 % Cyrillic"),
        # Latin text tagged with a Greek-script language
        ("Where the rain comes from", "el", "100 % Latin"),
    ],
)
def test_lang005_text_mostly_in_another_script(value: str, tag: str, shares: str) -> None:
    finding = only(_titled(value, tag), "LANG005")
    assert finding.message.endswith(f"letters ({shares} letters)"), finding.message
    assert finding.field == "titles.language"


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("Water cycle река и вода", "en"),  # 10 Latin, 11 Cyrillic: under 12 letters
        ("Water cycles: круговорот", "en"),  # 11 Latin, 10 Cyrillic: no majority
        ("Rainfall, river and lake: реки, озёра, ливни", "en"),  # 50 % is no majority
        ("Machine learning: введение", "ru"),  # 65 % Latin: terms in a Russian title
        ("Mendengarkan Cerita", "en"),  # Indonesian tagged en: the same script
        ("Le cycle de l'eau à l'école élémentaire", "en"),  # accents are Latin letters
        ("บทเรียนออนไลน์ วิทยาศาสตร์โลกและอวกาศ", "th"),  # Thai in Thai
        ("Круговорот воды в природе, Python и Jupyter", "ru"),
        ("水循环与降雨的形成过程和原理", "zh"),  # no single script for zh
    ],
)
def test_lang005_mixed_scripts_below_the_threshold_are_silent(value: str, tag: str) -> None:
    assert codes(_titled(value, tag), "LANG005") == [], value


#: Texts made of runs of letters of several scripts (and spaces, digits), so that the
#: counts near the thresholds are reached often.
_MIXED = st.lists(
    st.tuples(st.sampled_from([*"aZé", *"жД", *"ωΩ", "ก", " ", "1"]), st.integers(0, 30)),
    max_size=8,
).map(lambda runs: "".join(char * number for char, number in runs))


@given(_MIXED)
def test_lang005_latin_shortcut_never_hides_a_majority(text: str) -> None:
    """The C-speed test that lets most Latin texts pass is never wrong: when it says at
    least half the letters are Latin, no other script has 12 letters and a majority."""
    if _plainly_latin(text):
        counts = _letters_by_script(text)
        total = sum(counts.values())
        assert not any(
            n >= 12 and n > total / 2 for word, n in counts.items() if word != "LATIN"
        ), counts
    found = _foreign_script(text, "en")
    if found is not None:
        share, script = found.shares.split(", ")[0].split(" % ")
        assert script == found.script != "Latin" and int(share) >= 50


# -- LANG006 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind", ["isTranslationOf", "translationOfWork", "est la traduction de", "istranslationof"]
)
def test_lang006_translation_without_original(kind: str) -> None:
    record = COMPLETE.model_copy(
        update={"relations": [Relation(kind=kind, title="Le cycle de l'eau")]}
    )
    finding = only(record, "LANG006")
    assert finding.severity.value == "warning"
    assert "is a translation" in finding.message and "Le cycle de l'eau" in finding.message


@pytest.mark.parametrize(
    "kind", ["hasTranslation", "workTranslation", "fait l'objet d'une traduction"]
)
def test_lang006_the_reverse(kind: str) -> None:
    record = COMPLETE.model_copy(update={"relations": [Relation(kind=kind)]})
    assert "has a translation" in only(record, "LANG006").message


def test_lang006_silent_with_a_link_or_without_translation() -> None:
    linked = COMPLETE.model_copy(
        update={
            "relations": [
                Relation(kind="translationOfWork", target="https://example.org/fr/1"),
                Relation(kind="isBasedOn"),
            ]
        }
    )
    assert codes(linked, "LANG006") == []
    other = COMPLETE.model_copy(update={"relations": [Relation(kind="isPartOf")]})
    assert codes(other, "LANG006") == []


def test_lang006_translator_without_any_source_is_information() -> None:
    translated = COMPLETE.model_copy(
        update={"contributors": [Agent(role="translator", name="A. Okafor")]}
    )
    finding = only(translated, "LANG006")
    assert (finding.rule, finding.severity.value) == ("LANG012", "info")
    assert "'A. Okafor'" in finding.message
    based = translated.model_copy(
        update={"relations": [Relation(kind="isBasedOn", target="https://example.org/en/1")]}
    )
    assert codes(based, "LANG006") == []


# -- inline records of every format --------------------------------------------------------

LOM = """<?xml version="1.0" encoding="UTF-8"?>
<lom xmlns="http://ltsc.ieee.org/xsd/LOM">
  <general>
    <identifier><catalog>URI</catalog><entry>https://example.org/r/1</entry></identifier>
    <title>{titles}</title>
    {languages}
    <description>{descriptions}</description>
    <keyword><string language="en">rain</string></keyword>
  </general>
  <metaMetadata>{metadata}</metaMetadata>
  {relation}
</lom>"""


def lom(
    titles: str = '<string language="en">The water cycle</string>',
    languages: str = "<language>en</language>",
    descriptions: str = '<string language="en">Where the rain comes from.</string>',
    metadata: str = "<language>en</language>",
    relation: str = "",
) -> str:
    return LOM.format(
        titles=titles,
        languages=languages,
        descriptions=descriptions,
        metadata=metadata,
        relation=relation,
    )


def lang_codes(text: str) -> list[str]:
    return sorted(f.rule for f in oer_meta.validate(text, select=["LANG"]).findings)


def test_lom_clean_record_is_silent() -> None:
    assert lang_codes(lom()) == []


def test_lom_each_rule_fires_where_it_should() -> None:
    assert lang_codes(lom(languages="")) == ["LANG001"]
    assert lang_codes(lom(languages="<language>other</language>", metadata="")) == ["LANG002"]
    report = oer_meta.validate(
        lom(languages="<language>FRE</language>", metadata=""), select=["LANG"]
    )
    assert (report.findings[0].rule, report.findings[0].hint) == ("LANG003", "write 'fr'")
    assert report.findings[0].location.path == "/lom:lom/lom:general/lom:language"
    several = lom(
        languages="<language>en</language><language>fr</language>",
        descriptions="<string>Where the rain comes from.</string>",
        metadata="",
    )
    assert lang_codes(several) == ["LANG004"]
    mismatch = lom(languages="<language>fr</language>", metadata="")
    assert lang_codes(mismatch) == ["LANG005"]
    translation = lom(
        relation="<relation><kind><source>ScoLOMFRv3.0</source><value>est la traduction de"
        '</value></kind><resource><description><string language="fr">Le cycle de l\'eau'
        "</string></description></resource></relation>"
    )
    assert lang_codes(translation) == ["LANG006"]
    linked = translation.replace(
        "<resource>",
        "<resource><identifier><catalog>URI</catalog><entry>https://example.org/"
        "fr/1</entry></identifier>",
    )
    assert lang_codes(linked) == []
    concept = translation.replace(
        "<value>est la traduction de</value>",
        "<value>http://data.education.fr/voc/scolomfr/concept/scolomfr-voc-009-num-099</value>"
        "<label>est la traduction de</label>",
    )
    [finding] = oer_meta.validate(concept, select=["LANG006"]).findings
    assert "('est la traduction de') says the resource is a translation" in finding.message


DC = """<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"{lang}>
  <dc:title{title_lang}>Adding fractions</dc:title>
  <dc:description>A lesson on fractions.</dc:description>
  <dc:identifier>https://example.org/r/2</dc:identifier>
  {languages}
</oai_dc:dc>"""


def dc(
    languages: str = "<dc:language>en</dc:language>", lang: str = "", title_lang: str = ""
) -> str:
    return DC.format(languages=languages, lang=lang, title_lang=title_lang)


def test_dc_clean_record_is_silent() -> None:
    assert lang_codes(dc()) == []
    assert lang_codes(dc(lang=' xml:lang="en"')) == []


def test_dc_each_rule_fires_where_it_should() -> None:
    assert lang_codes(dc(languages="")) == ["LANG001", "LANG011"]
    report = oer_meta.validate(dc(languages="<dc:language>other</dc:language>"), select=["LANG002"])
    assert [(f.rule, f.severity.value) for f in report.findings] == [("LANG008", "warning")]
    report = oer_meta.validate(dc(languages="<dc:language>en_US</dc:language>"), select=["LANG"])
    assert [(f.rule, f.hint) for f in report.findings] == [("LANG003", "write 'en-US'")]
    both = "<dc:language>en</dc:language><dc:language>fr</dc:language>"
    assert lang_codes(dc(languages=both)) == ["LANG004"]
    assert lang_codes(dc(languages=both, lang=' xml:lang="en"')) == []
    assert lang_codes(
        dc(languages="<dc:language>fr</dc:language>", title_lang=' xml:lang="en"')
    ) == ["LANG005"]


def jsonld(**changes: Any) -> str:
    doc: dict[str, Any] = {
        "@context": ["https://schema.org/", {"@language": "en"}],
        "@type": "LearningResource",
        "@id": "https://example.org/r/3",
        "name": "The water cycle",
        "description": "Where the rain comes from.",
        "keywords": ["rain"],
        "inLanguage": ["en"],
    }
    doc.update(changes)
    return json.dumps({k: v for k, v in doc.items() if v is not None})


def test_jsonld_clean_record_is_silent() -> None:
    assert lang_codes(jsonld()) == []
    tagged = jsonld(
        **{"@context": "https://schema.org/"},
        name=[{"@value": "The water cycle", "@language": "en"}],
        description=[{"@value": "Le cycle de l'eau", "@language": "fr"}],
        keywords=None,
        inLanguage=["en", "fr"],
    )
    assert lang_codes(tagged) == []


def test_jsonld_each_rule_fires_where_it_should() -> None:
    assert lang_codes(jsonld(inLanguage=None)) == ["LANG001"]
    assert lang_codes(jsonld(inLanguage="xx")) == ["LANG002"]
    report = oer_meta.validate(jsonld(inLanguage="Deutsch"), select=["LANG003"])
    assert [f.hint for f in report.findings] == ["write 'de'"]
    assert report.findings[0].location.path == "/inLanguage"
    no_default = jsonld(**{"@context": "https://schema.org/"}, inLanguage=["en", "de"])
    assert lang_codes(no_default) == ["LANG004"]
    x_none = jsonld(
        **{"@context": "https://schema.org/"},
        name={"@value": "The water cycle", "@language": "zxx"},
        description=None,
        keywords=None,
    )
    assert lang_codes(x_none) == ["LANG005"]
    assert lang_codes(jsonld(translationOfWork={"name": "Le cycle de l'eau"})) == ["LANG006"]
    assert lang_codes(jsonld(translationOfWork={"@id": "https://example.org/fr/3"})) == []
    assert lang_codes(jsonld(workTranslation={"@type": "LearningResource"})) == ["LANG006"]


def test_report_lists_canonical_languages() -> None:
    report = oer_meta.validate(
        dc(languages="<dc:language>FRE</dc:language><dc:language>English, Spanish</dc:language>"),
        select=["LANG"],
    )
    summary = report.to_dict()["results"][0]["record"]
    assert summary["languages"] == ["fr", "en", "es"]
    assert summary["languages_raw"] == ["FRE", "English, Spanish"]


# -- LANG013: a value is judged by the encoding scheme it declares -------------------------

_TYPED_DC = """<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <dc:title xml:lang="en">Tides</dc:title>
  <dc:language xsi:type="dcterms:{scheme}">{value}</dc:language>
</oai_dc:dc>"""


@pytest.mark.parametrize(
    ("scheme", "value", "expected"),
    [
        ("ISO639-3", "eng", []),  # right for its scheme: no LANG010 either
        ("ISO639-2", "ger", []),
        ("ISO639-3", "English", ["LANG013"]),
        ("ISO639-3", "en", ["LANG013"]),
        ("RFC5646", "de-AT", []),
        ("RFC4646", "EN", []),  # case is not part of a tag's identity
        ("RFC5646", "fre", ["LANG013"]),  # a registered tag would be 'fr'
        ("RFC3066", "French", ["LANG013"]),
        ("URI", "fre", ["LANG010"]),  # not a language scheme: judged as untyped
    ],
)
def test_lang013_dc_language_judged_by_its_declared_scheme(
    scheme: str, value: str, expected: list[str]
) -> None:
    report = oer_meta.validate(_TYPED_DC.format(scheme=scheme, value=value).encode())
    found = [f for f in report.findings if f.rule in ("LANG003", "LANG010", "LANG013")]
    assert [f.rule for f in found] == expected
    if expected == ["LANG013"]:
        assert f"({'dcterms:' + scheme})" in found[0].message
        assert found[0].severity.value == "warning"
        assert found[0].location.line == 5
