"""Rights prose in the official EU languages and the corpus languages
(``data/licences/rights_phrases.json``): one sentence per language and family, read as a
librarian reads it; the values that stand for no value; the phrase matcher itself."""

from __future__ import annotations

import json
import time
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oer_meta.knowledge.licences import parse_licence, phrases
from oer_meta.knowledge.licences.text import fold
from oer_meta.knowledge.text import strip_accents

#: The 24 official languages of the European Union.
EU_LANGUAGES = frozenset(
    {"bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it",
     "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv"}
)  # fmt: skip
CORPUS_LANGUAGES = frozenset({"ca", "eu", "gl"})

ALL_RIGHTS_RESERVED = {
    "bg": "Всички права запазени.",
    "cs": "© 2021 Autor. Všechna práva vyhrazena.",
    "da": "Alle rettigheder forbeholdes",
    "de": "Alle Rechte vorbehalten.",
    "el": "Με επιφύλαξη παντός δικαιώματος",
    "en": "All rights reserved",
    "es": "Todos los derechos reservados",
    "et": "Kõik õigused kaitstud.",
    "fi": "Kaikki oikeudet pidätetään.",
    "fr": "Tous droits réservés",
    "ga": "Gach ceart ar cosaint.",
    "hr": "Sva prava pridržana.",
    "hu": "Minden jog fenntartva.",
    "it": "Tutti i diritti riservati",
    "lt": "Visos teisės saugomos",
    "lv": "Visas tiesības aizsargātas",
    "mt": "Id-drittijiet kollha riżervati.",
    "nl": "Alle rechten voorbehouden",
    "pl": "Wszelkie prawa zastrzeżone",
    "pt": "Todos os direitos reservados",
    "ro": "Toate drepturile rezervate",
    "sk": "Všetky práva vyhradené.",
    "sl": "Vse pravice pridržane.",
    "sv": "Alla rättigheter förbehållna.",
    "ca": "Tots els drets reservats",
    "eu": "Eskubide guztiak erreserbatuta",
    "gl": "Todos os dereitos reservados",
}

NON_COMMERCIAL_ONLY = {
    "bg": "Само за некомерсиални цели",
    "cs": "Pouze pro nekomerční účely",
    "da": "Kun til ikke-kommerciel brug",
    "de": "Nur für nicht kommerzielle Zwecke",
    "el": "Μόνο για μη εμπορικούς σκοπούς",
    "en": "For non-commercial use only",
    "es": "Uso no comercial",
    "et": "Ainult mitteäriline kasutus",
    "fi": "Vain ei-kaupalliseen käyttöön",
    "fr": "Utilisation non commerciale uniquement",
    "ga": "Le haghaidh úsáid neamhthráchtála amháin",
    "hr": "Samo u nekomercijalne svrhe",
    "hu": "Csak nem kereskedelmi célra",
    "it": "Solo uso non commerciale",
    "lt": "Tik nekomerciniams tikslams",
    "lv": "Tikai nekomerciālai izmantošanai",
    "mt": "Għal użu mhux kummerċjali biss",
    "nl": "Uitsluitend niet-commercieel gebruik",
    "pl": "Do użytku niekomercyjnego",
    "pt": "Apenas para uso não comercial",
    "ro": "Numai în scop necomercial",
    "sk": "Len na nekomerčné účely",
    "sl": "Samo za nekomercialne namene",
    "sv": "Endast för icke-kommersiell användning",
    "ca": "Només ús no comercial",
    "eu": "Erabilera ez komertziala soilik",
    "gl": "Só uso non comercial",
}

TEACHING_ONLY = {
    "bg": "Само за образователни цели",
    "cs": "Pouze pro výuku",
    "da": "Kun til undervisningsbrug",
    "de": "Nur für Unterrichtszwecke",
    "el": "Μόνο για εκπαιδευτικούς σκοπούς",
    "en": "Only for use in teaching",
    "es": "Solo para uso educativo",
    "et": "Ainult õppeotstarbel",
    "fi": "Vain opetuskäyttöön",
    "fr": "À des fins pédagogiques uniquement",
    "ga": "Chun críche oideachais amháin",
    "hr": "Samo u obrazovne svrhe",
    "hu": "Csak oktatási célra",
    "it": "Solo per uso didattico",
    "lt": "Tik mokymo tikslais",
    "lv": "Tikai mācību nolūkiem",
    "mt": "Għal skopijiet edukattivi biss",
    "nl": "Alleen voor onderwijsdoeleinden",
    "pl": "Wyłącznie w celach edukacyjnych",
    "pt": "Apenas para fins educativos",
    "ro": "Numai în scopuri educaționale",
    "sk": "Iba na vyučbu",
    "sl": "Samo za izobraževalne namene",
    "sv": "Endast för undervisning",
    "ca": "Ús educatiu",
    "eu": "Erabilera hezitzailea",
    "gl": "Só para fins educativos",
}


def _table() -> dict[str, object]:
    text = (
        resources.files("oer_meta.data")
        .joinpath("licences/rights_phrases.json")
        .read_text(encoding="utf-8")
    )
    data: dict[str, object] = json.loads(text)
    return data


@pytest.mark.parametrize(
    ("family", "samples"),
    [
        ("all-rights-reserved", ALL_RIGHTS_RESERVED),
        ("non-commercial-only", NON_COMMERCIAL_ONLY),
        ("educational-use-only", TEACHING_ONLY),
    ],
)
def test_every_official_eu_language_and_corpus_language_has_a_sample(
    family: str, samples: dict[str, str]
) -> None:
    assert set(samples) == EU_LANGUAGES | CORPUS_LANGUAGES, family


@pytest.mark.parametrize(
    ("family", "lang", "text"),
    [
        (family, lang, text)
        for family, samples in (
            ("all-rights-reserved", ALL_RIGHTS_RESERVED),
            ("non-commercial-only", NON_COMMERCIAL_ONLY),
            ("educational-use-only", TEACHING_ONLY),
        )
        for lang, text in sorted(samples.items())
    ],
)
def test_rights_prose_is_read_in_every_language(family: str, lang: str, text: str) -> None:
    licence = parse_licence(text)
    assert (licence.family, licence.openness, licence.how) == (family, "not-open", "statement")
    assert licence.reason


@pytest.mark.parametrize(
    "text", ["Free of charge", "Maksuton", "Zdarma", "Δωρεάν", "Bezpłatnie", "Ingyenes"]
)
def test_free_of_charge_is_an_access_statement(text: str) -> None:
    assert parse_licence(text).family == "access-statement"


def test_a_licence_in_the_same_text_still_wins() -> None:
    licence = parse_licence("Wszelkie prawa zastrzeżone, z wyjątkiem CC BY-SA 4.0")
    assert (licence.spdx, licence.openness) == ("CC-BY-SA-4.0", "open")


def test_words_are_matched_whole_not_inside_longer_words() -> None:
    # "gratuitement" is not the word "gratuit"; "unreserved" not "reserved"
    assert parse_licence("gratuitementx").family is None
    assert parse_licence("Alle Rechte vorbehaltenswert").family is None


# --- absence of a value ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["N/A", "n.a.", "none", "None", "-", "--", "—", "?", "unknown", "Unknown", "TBD", "null",
     "Licence non indiquée", "Lizenz nicht angegeben", "no corresponde", "not appropriate",
     "Licencia no especificada", "keine Angabe"],
)  # fmt: skip
def test_values_that_stand_for_no_value_are_an_absence(text: str) -> None:
    licence = parse_licence(text)
    assert (licence.family, licence.openness, licence.how) == ("not-stated", "unknown", "statement")
    assert "states no licence" in licence.reason
    assert not licence.names_licence


@pytest.mark.parametrize(
    "text", ["None of the rights are reserved", "unknown author, all rights reserved", "©"]
)
def test_absence_is_read_on_the_whole_value_only(text: str) -> None:
    assert parse_licence(text).family != "not-stated"


def test_spdx_none_keeps_its_spdx_meaning() -> None:
    assert parse_licence("NONE").spdx == "NONE"


# --- the table and the matcher ---------------------------------------------------------


def test_every_row_names_a_known_source_and_a_known_family() -> None:
    data = _table()
    sources = set(data["sources"])  # type: ignore[call-overload]
    statements = json.loads(
        resources.files("oer_meta.data")
        .joinpath("licences/statements.json")
        .read_text(encoding="utf-8")
    )
    families = {entry["family"] for entry in statements["statements"]}
    rows = [row for group in data["phrases"].values() for row in group]  # type: ignore[attr-defined]
    rows += data["absent_values"]  # type: ignore[operator]
    assert set(data["phrases"]) <= families  # type: ignore[call-overload]
    assert {row["source"] for row in rows} <= sources
    assert {row["lang"] for row in rows} <= EU_LANGUAGES | CORPUS_LANGUAGES
    for code, entry in data["rightsstatements_labels"].items():  # type: ignore[attr-defined]
        assert code in statements["rightsstatements"]
        assert entry["source"] in sources


def test_phrases_are_stored_lowercase_without_accents_or_punctuation() -> None:
    """The loader folds them again, but the file is easier to read and search so."""
    for group in _table()["phrases"].values():  # type: ignore[attr-defined]
        for row in group:
            for phrase in row["phrases"]:
                assert phrase == strip_accents(phrase.lower()), phrase
                assert phrases.prose_words(phrase.replace("*", "")).strip() == phrase.replace(
                    "*", ""
                ), phrase


def test_prose_words_keeps_every_script() -> None:
    assert phrases.prose_words(fold("Με επιφύλαξη, παντός!")) == " με επιφυλαξη παντοσ "
    assert phrases.prose_words(fold("Всички_права")) == " всички права "


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_prose_words_is_single_spaced_and_padded(text: str) -> None:
    said = phrases.prose_words(fold(text))
    assert said.startswith(" ") and said.endswith(" ")
    assert "  " not in said.strip() or said == "  "
    phrases.is_absent(text)  # never raises


def test_a_long_text_without_any_phrase_is_read_quickly() -> None:
    text = ("lorem ipsum dolor " * 300)[:3990]
    parse_licence("warm-up")
    start = time.perf_counter()
    assert parse_licence(text).family is None
    assert time.perf_counter() - start < 0.5
