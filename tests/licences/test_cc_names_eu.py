"""Creative Commons licence titles in the other official EU languages
(``data/licences/cc_names.json``, ``languages``): every element combination per
language, version-less titles, the words alone, and the file's own bookkeeping."""

from __future__ import annotations

import json
import random
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oer_meta.knowledge.licences import parse_licence
from oer_meta.knowledge.licences.text import fold, words

#: Per language: the words of the translated CC titles for BY, NC, ND, SA and the
#: word for "International", as the licence RDF titles write them.
TITLES: dict[str, tuple[str, str, str, str, str]] = {
    "bg": ("Признание", "Некомерсиално", "Без производни", "Споделяне на споделеното",
           "Нелокализиран"),
    "cs": ("Uveďte autora", "Neužívejte dílo komerčně", "Nezasahujte do díla",
           "Zachovejte licenci", "Mezinárodní"),
    "da": ("Navngivelse", "IkkeKommerciel", "IngenBearbejdelse", "DelPåSammeVilkår",
           "International"),
    "el": ("Αναφορά Δημιουργού", "Μη Εμπορική Χρήση", "Όχι Παράγωγα Έργα", "Παρόμοια Διανομή",
           "Διεθνές"),
    "et": ("Autorile viitamine", "Mitteäriline eesmärk", "Tuletatud teoste keeld",
           "Jagamine samadel tingimustel", "Rahvusvaheline"),
    "fi": ("Nimeä", "Epäkaupallinen", "Ei muutoksia", "JaaSamoin", "Kansainvälinen"),
    "hr": ("Imenovanje", "Nekomercijalno", "Bez prerada", "Dijeli pod istim uvjetima",
           "međunarodni"),
    "hu": ("Nevezd meg!", "Ne add el!", "Ne változtasd!", "Így add tovább!", "Nemzetközi"),
    "lt": ("Priskyrimas", "Nekomercinis platinimas", "Jokių išvestinių darbų",
           "Analogiškas platinimas", "Tarptautinė"),
    "lv": ("Atsaucoties", "Nekomerciāli", "Neatvasinot", "Nemainot licenci", "International"),
    "pl": ("Uznanie autorstwa", "Użycie niekomercyjne", "Bez utworów zależnych",
           "Na tych samych warunkach", "Międzynarodowe"),
    "ro": ("Atribuire", "NeComercial", "FărăModificări", "Distribuire-în-condiţii-identice",
           "Internațional"),
    "sl": ("Priznanje avtorstva", "Nekomercialno", "Brez predelav",
           "Deljenje pod enakimi pogoji", "International"),
    "sv": ("Erkännande", "IckeKommersiell", "IngaBearbetningar", "DelaLika", "Internationell"),
}  # fmt: skip

UNITS: dict[str, tuple[int, ...]] = {
    "by": (0,),
    "by-nc": (0, 1),
    "by-nd": (0, 2),
    "by-sa": (0, 3),
    "by-nc-nd": (0, 1, 2),
    "by-nc-sa": (0, 1, 3),
}

CASES = [
    (language, unit, "-".join(TITLES[language][i] for i in parts) + f" 4.0 {TITLES[language][4]}")
    for language in TITLES
    for unit, parts in UNITS.items()
]


@pytest.mark.parametrize(("language", "unit", "title"), CASES)
def test_translated_titles_with_the_marker(language: str, unit: str, title: str) -> None:
    lic = parse_licence(f"Creative Commons {title}")
    assert lic.url == f"https://creativecommons.org/licenses/{unit}/4.0/", (language, title)
    assert lic.how == "name"
    assert lic.elements == tuple(unit.split("-"))


@pytest.mark.parametrize(("language", "unit", "title"), [case for case in CASES if case[1] != "by"])
def test_translated_titles_without_the_marker(language: str, unit: str, title: str) -> None:
    """A title of two or more elements and a version needs no "Creative Commons"."""
    lic = parse_licence(title)
    assert lic.url == f"https://creativecommons.org/licenses/{unit}/4.0/", (language, title)


@pytest.mark.parametrize(
    ("text", "elements"),
    [
        ("Erkännande-IckeKommersiell", ("by", "nc")),
        ("Navngivelse-IkkeKommerciel", ("by", "nc")),
        ("Uznanie autorstwa-Użycie niekomercyjne", ("by", "nc")),
        ("Uveďte původ-Neužívejte dílo komerčně", ("by", "nc")),
        ("Αναφορά Δημιουργού - Μη Εμπορική Χρήση", ("by", "nc")),
        ("Nimeä-Ei muutoksia-Epäkaupallinen", ("by", "nc", "nd")),
        ("Uveďte původ-Nezpracovávejte", ("by", "nd")),
    ],
)
def test_version_less_titles(text: str, elements: tuple[str, ...]) -> None:
    lic = parse_licence(text)
    assert lic.elements == elements
    assert lic.version_missing
    assert lic.url is None


def test_the_finnish_and_czech_titles_of_the_brief() -> None:
    assert parse_licence("Creative Commons Nimeä 4.0 Kansainvälinen").url == (
        "https://creativecommons.org/licenses/by/4.0/"
    )
    czech = "Creative Commons Uveďte původ-Neužívejte dílo komerčně-Zachovejte licenci 3.0 Česko"
    assert parse_licence(czech).elements == ("by", "nc", "sa")


@pytest.mark.parametrize("text", ["Imenovanje direktora 2.0", "Priskyrimas 2.1", "Nimeä 4.0"])
def test_a_translated_attribution_word_alone_needs_the_marker(text: str) -> None:
    """ "Imenovanje" (an appointment), "Priskyrimas" (an assignment) are everyday words."""
    assert parse_licence(text).url is None
    assert parse_licence(f"CC {text}").elements == ("by",)


def test_romanian_wording_is_read_as_written() -> None:
    """The RDF's Romanian BY-NC-SA title says "FărăModificări" (no modification): read
    as its words say, BY-NC-ND."""
    lic = parse_licence("Atribuire-Necomercial-FărăModificări 4.0 Internațional")
    assert lic.elements == ("by", "nc", "nd")


def test_words_keep_greek_and_cyrillic_letters() -> None:
    assert words(fold("Αναφορά-Δημιουργού, Признание!")) == " αναφορα δημιουργου признание "
    assert words(fold("cc_by-sa 4.0.")) == " cc by sa 4.0 "


def _data() -> dict[str, object]:
    text = resources.files("oer_meta").joinpath("data/licences/cc_names.json").read_text("utf-8")
    data: dict[str, object] = json.loads(text)
    return data


def test_every_language_row_names_a_known_source() -> None:
    data = _data()
    sources = data["sources"]
    rows = data["languages"]
    assert isinstance(sources, dict) and isinstance(rows, list)
    assert {row["source"] for row in rows} <= set(sources)
    assert {row["language"] for row in rows} == set(TITLES)
    for row in rows:
        for phrases in row["elements"].values():
            assert all(words(fold(p)).strip() for p in phrases), row


@given(
    st.sampled_from(sorted(TITLES)),
    st.sampled_from(["by-nc", "by-nd", "by-sa", "by-nc-nd", "by-nc-sa"]),
    st.randoms(use_true_random=False),
    st.sampled_from(["-", " - ", " + ", "–", ", "]),
)
def test_element_order_and_separators_do_not_matter(
    language: str, unit: str, rnd: random.Random, sep: str
) -> None:
    parts = [TITLES[language][i] for i in UNITS[unit]]
    rnd.shuffle(parts)
    lic = parse_licence("Creative Commons " + sep.join(parts) + " 3.0")
    assert lic.url == f"https://creativecommons.org/licenses/{unit}/3.0/"


@given(st.text(max_size=80))
def test_any_text_with_a_translated_title_never_raises(text: str) -> None:
    lic = parse_licence(text + " Navngivelse-IkkeKommerciel " + text)
    assert lic.openness in {"public-domain", "open", "open-noncommercial", "not-open", "unknown"}
