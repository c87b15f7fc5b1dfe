"""Unit tests for each recogniser behind ``parse_licence``: CC URLs, SPDX ids and
expressions, CC short and full names, other licences, rights statements, precedence."""

from __future__ import annotations

import pytest

from oer_meta.knowledge.licences import Licence, parse_licence
from oer_meta.knowledge.licences import cc as cc_module
from oer_meta.knowledge.licences.parse import CONFIDENCE

# --- Creative Commons URLs: the test vectors of vocabularies.md 1.4 -----------------------

VECTORS = [
    ("creativecommons.org/licenses/by/4.0", "licenses/by/4.0", "CC-BY-4.0"),
    (
        "http://www.creativecommons.org/licenses/by-sa/3.0/de/deed.en",
        "licenses/by-sa/3.0/de",
        "CC-BY-SA-3.0-DE",
    ),
    (
        "https://creativecommons.org/licenses/by-sa/3.0/fr/legalcode.fr",
        "licenses/by-sa/3.0/fr",
        None,
    ),
    (
        "HTTPS://CreativeCommons.org/Licences/BY-NC/4.0/deed.fr",
        "licenses/by-nc/4.0",
        "CC-BY-NC-4.0",
    ),
    (
        "https://creativecommons.org/licenses/by-nc-nd/1.0/",
        "licenses/by-nd-nc/1.0",
        "CC-BY-NC-ND-1.0",
    ),
    (
        "http://creativecommons.org/licenses/publicdomain/",
        "publicdomain/certification/1.0/us",
        "CC-PDDC",
    ),
    (
        "https://creativecommons.org/publicdomain/zero/1.0/legalcode.txt",
        "publicdomain/zero/1.0",
        "CC0-1.0",
    ),
    ("https://creativecommons.org/licenses/mark/1.0/", "publicdomain/mark/1.0", "CC-PDM-1.0"),
    ("https://i.creativecommons.org/l/by-sa/4.0/88x31.png", "licenses/by-sa/4.0", "CC-BY-SA-4.0"),
]


@pytest.mark.parametrize(("text", "path", "spdx"), VECTORS)
def test_cc_url_vectors(text: str, path: str, spdx: str | None) -> None:
    lic = parse_licence(text)
    assert lic.url == f"https://creativecommons.org/{path}/"
    assert lic.spdx == spdx
    assert lic.how == "url"
    assert lic.confidence == 1.0


def test_version_less_cc_url_reports_the_missing_version() -> None:
    lic = parse_licence("https://creativecommons.org/licenses/by/")
    assert (lic.family, lic.elements, lic.version_missing) == ("cc", ("by",), True)
    assert lic.url is None and lic.spdx is None and lic.version is None
    assert lic.openness == "open"
    assert "version" in lic.reason


def test_cc_url_that_is_no_real_tool_is_fuzzy() -> None:
    lic = parse_licence("https://creativecommons.org/licenses/by/4.0/de/")
    assert lic.how == "fuzzy"
    assert lic.url is None and lic.spdx is None
    assert lic.elements == ("by",) and not lic.version_missing
    assert "not a real Creative Commons legal tool" in lic.reason
    assert lic.confidence == CONFIDENCE["fuzzy"]
    unknown_port = parse_licence("https://creativecommons.org/licenses/by-sa/3.0/xx/")
    assert unknown_port.how == "fuzzy" and unknown_port.url is None


def test_cc_url_of_unknown_unit_is_unknown() -> None:
    lic = parse_licence("https://creativecommons.org/licenses/foo-bar/2.0/")
    assert lic.openness == "unknown"
    assert lic.family == "cc" and lic.how == "fuzzy"


@pytest.mark.parametrize(
    "text",
    [
        "https://creativecommons.org/licenses/by-sa/4.0/",
        "http://creativecommons.org/licenses/by-sa/4.0",
        "creativecommons.org/licenses/by-sa/4.0/",
        "www.creativecommons.org/licenses/by-sa/4.0/",
        "//creativecommons.org/licenses/by-sa/4.0/",
        "https://creativecommons.org/licence/by-sa/4.0/",
        "https://creativecommons.org/license/by-sa/4.0/",
        "https://creativecommons.org/licences/by-sa/4.0/",
        "https://creativecommons.org/licenses/by-sa/4.0/deed",
        "https://creativecommons.org/licenses/by-sa/4.0/deed.de",
        "https://creativecommons.org/licenses/by-sa/4.0/deed.zh_TW",
        "https://creativecommons.org/licenses/by-sa/4.0/deed.zh-Hans",
        "https://creativecommons.org/licenses/by-sa/4.0/deed.en.html",
        "https://creativecommons.org/licenses/by-sa/4.0/legalcode",
        "https://creativecommons.org/licenses/by-sa/4.0/legalcode.es-es",
        "https://creativecommons.org/licenses/by-sa/4.0/legalcode.txt",
        "https://creativecommons.org/licenses/by-sa/4.0/rdf",
        "https://creativecommons.org/licenses/by-sa/4.0/index.html",
        "https://creativecommons.org/licenses/by-sa/4.0/?ref=chooser-v1",
        "https://creativecommons.org/licenses/by-sa/4.0/#sa",
        "<https://creativecommons.org/licenses/by-sa/4.0/>",
        '"https://creativecommons.org/licenses/by-sa/4.0/"',
        "  https://creativecommons.org/licenses/by-sa/4.0/ \n",
        "(https://creativecommons.org/licenses/by-sa/4.0/)",
        "[https://creativecommons.org/licenses/by-sa/4.0/]",
        "https://creativecommons.org/licenses/by-sa/4.0/.",
        "https://creativecommons.org/licenses/by-sa/4.0/;",
        "https://creativecommons.org/licenses/by-sa/4.0,",
        "HTTPS://WWW.CREATIVECOMMONS.ORG/LICENSES/BY-SA/4.0/",
        "https://licensebuttons.net/l/by-sa/4.0/88x31.png",
        "Licensed under https://creativecommons.org/licenses/by-sa/4.0/ since 2020.",
    ],
)
def test_cc_url_forms(text: str) -> None:
    lic = parse_licence(text)
    assert lic.url == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert lic.spdx == "CC-BY-SA-4.0"
    assert lic.how == "url"
    assert lic.raw == text


def test_cc_url_in_french_prose_with_a_stray_bracket() -> None:
    text = (
        "Licence Creative Commons BY-NC-SA : Paternité-Pas d'utilisation commerciale-Partage"
        " des conditions initiales à l'identique » (http://creativecommons.org/licenses/by-nc-sa"
        "/3.0/fr/)"
    )
    lic = parse_licence(text)
    assert lic.url == "https://creativecommons.org/licenses/by-nc-sa/3.0/fr/"
    assert (lic.jurisdiction, lic.version, lic.openness) == ("fr", "3.0", "open-noncommercial")
    assert lic.spdx is None
    assert lic.elements == ("by", "nc", "sa")
    no_close = parse_licence("Paternité\n\t\t(http://creativecommons.org/licenses/by-nc-sa/3.0/fr/")
    assert no_close.url == lic.url


@pytest.mark.parametrize(
    ("text", "url"),
    [
        (
            "https://creativecommons.org/licenses/nc-nd/1.0/",
            "https://creativecommons.org/licenses/nd-nc/1.0/",
        ),
        (
            "https://creativecommons.org/licenses/by/2.1/",
            "https://creativecommons.org/licenses/by/2.0/",
        ),
        (
            "https://creativecommons.org/licenses/by/2.1/jp/",
            "https://creativecommons.org/licenses/by/2.1/jp/",
        ),
        (
            "https://licensebuttons.net/l/by/3.0/de/88x31.png",
            "https://creativecommons.org/licenses/by/3.0/de/",
        ),
        (
            "https://licensebuttons.net/p/zero/1.0/88x31.png",
            "https://creativecommons.org/publicdomain/zero/1.0/",
        ),
        (
            "https://i.creativecommons.org/p/mark/1.0/88x31.png",
            "https://creativecommons.org/publicdomain/mark/1.0/",
        ),
        (
            "http://creativecommons.org/licenses/by-sa/2.5/scotland/",
            "https://creativecommons.org/licenses/by-sa/2.5/scotland/",
        ),
        (
            "https://creativecommons.org/licenses/by-nc-sa/2.0/uk/",
            "https://creativecommons.org/licenses/by-nc-sa/2.0/uk/",
        ),
    ],
)
def test_cc_url_aliases_and_ports(text: str, url: str) -> None:
    assert parse_licence(text).url == url


def test_cc_port_spdx_ids_are_set_when_spdx_lists_them() -> None:
    assert parse_licence("https://creativecommons.org/licenses/by/3.0/igo/").spdx == "CC-BY-3.0-IGO"
    assert (
        parse_licence("https://creativecommons.org/licenses/by-nc-sa/2.0/uk/").spdx
        == "CC-BY-NC-SA-2.0-UK"
    )
    assert (
        parse_licence("https://creativecommons.org/licenses/by-sa/2.1/jp/").spdx
        == "CC-BY-SA-2.1-JP"
    )
    assert parse_licence("https://creativecommons.org/licenses/by/2.0/fr/").spdx is None


@pytest.mark.parametrize(
    "unit",
    ["sampling/1.0", "sampling+/1.0", "nc-sampling+/1.0", "devnations/2.0", "sampling+/1.0/de"],
)
def test_retired_cc_tools_are_not_open_and_deprecated(unit: str) -> None:
    lic = parse_licence(f"http://creativecommons.org/licenses/{unit}/")
    assert lic.openness == "not-open"
    assert lic.deprecated
    assert lic.url == f"https://creativecommons.org/licenses/{unit}/"
    assert lic.family == "cc"


def test_retired_non_by_licences_keep_their_openness() -> None:
    sa = parse_licence("http://creativecommons.org/licenses/sa/1.0/")
    assert (sa.openness, sa.deprecated, sa.spdx, sa.elements) == (
        "open",
        True,
        "CC-SA-1.0",
        ("sa",),
    )
    nd = parse_licence("http://creativecommons.org/licenses/nd/2.0/jp/")
    assert (nd.openness, nd.deprecated) == ("not-open", True)


def test_cc_titles_and_short_names() -> None:
    de = parse_licence("https://creativecommons.org/licenses/by-sa/3.0/de/")
    assert de.short_name == "CC BY-SA 3.0 DE"
    assert de.title == "Creative Commons Attribution-ShareAlike 3.0 Germany"
    assert parse_licence("CC-BY-ND-4.0").title == (
        "Creative Commons Attribution-NoDerivatives 4.0 International"
    )
    assert parse_licence("CC-BY-2.5").title == "Creative Commons Attribution 2.5 Generic"
    assert parse_licence("CC-BY-3.0").title == "Creative Commons Attribution 3.0 Unported"
    zero = parse_licence("CC0-1.0")
    assert (zero.short_name, zero.title, zero.family) == ("CC0 1.0", "CC0 1.0 Universal", "cc0")
    assert parse_licence("CC-PDM-1.0").short_name == "PDM 1.0"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("https://creativecommons.org/about/", "not a legal tool"),
        ("http://creativecommons.org/licenses/", "licence list"),
        ("Creative Commons License", "names Creative Commons"),
    ],
)
def test_creative_commons_without_a_licence_is_fuzzy_and_unknown(text: str, words: str) -> None:
    lic = parse_licence(text)
    assert (lic.family, lic.how, lic.openness) == ("cc", "fuzzy", "unknown")
    assert lic.url is None and lic.spdx is None
    assert words in lic.reason


def test_inventory_has_every_tool() -> None:
    paths = cc_module.tool_paths()
    assert len(paths) == 639
    assert "licenses/by-nd-nc/1.0/nl" in paths
    assert "licenses/by-nc-nd/1.0" not in paths
    assert "licenses/by/2.1" not in paths


# --- SPDX -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "spdx", "openness"),
    [
        ("CC-BY-4.0", "CC-BY-4.0", "open"),
        ("cc-by-sa-4.0", "CC-BY-SA-4.0", "open"),
        ("CC0-1.0", "CC0-1.0", "public-domain"),
        ("cc-by-nc-nd-3.0-de", "CC-BY-NC-ND-3.0-DE", "not-open"),
        ("CC-BY-NC-3.0-IGO", "CC-BY-NC-3.0-IGO", "open-noncommercial"),
        ("ETALAB-2.0", "etalab-2.0", "open"),
        ("mit", "MIT", "open"),
        ("Apache-2.0", "Apache-2.0", "open"),
        ("GFDL-1.3-or-later", "GFDL-1.3-or-later", "open"),
        ("OGL-UK-3.0", "OGL-UK-3.0", "open"),
        ("NCGL-UK-2.0", "NCGL-UK-2.0", "open-noncommercial"),
        ("Unlicense", "Unlicense", "public-domain"),
    ],
)
def test_spdx_ids_any_case(text: str, spdx: str, openness: str) -> None:
    lic = parse_licence(text)
    assert (lic.spdx, lic.openness, lic.how) == (spdx, openness, "spdx")
    assert lic.url is not None


def test_spdx_id_without_steward_url_gets_the_spdx_page() -> None:
    lic = parse_licence("Zlib")
    assert lic.url == "https://spdx.org/licenses/Zlib.html"
    assert lic.openness == "open"
    assert lic.family == "zlib"


@pytest.mark.parametrize(
    ("text", "current"),
    [
        ("GPL-3.0", "GPL-3.0-only"),
        ("GPL-2.0+", "GPL-2.0-or-later"),
        ("gfdl-1.3", "GFDL-1.3-only"),
        ("LGPL-2.1", "LGPL-2.1-only"),
        ("AGPL-3.0", "AGPL-3.0-only"),
    ],
)
def test_deprecated_spdx_ids_map_to_the_current_one(text: str, current: str) -> None:
    lic = parse_licence(text)
    assert lic.spdx == current
    assert lic.deprecated and lic.replaced_by == current
    assert lic.openness == "open"


def test_deprecated_ids_with_an_exception_map_to_a_with_expression() -> None:
    lic = parse_licence("GPL-2.0-with-classpath-exception")
    assert lic.spdx == "GPL-2.0-only WITH Classpath-exception-2.0"
    assert lic.deprecated and lic.replaced_by == lic.spdx
    assert parse_licence(lic.spdx).spdx == lic.spdx


def test_spdx_expressions() -> None:
    lic = parse_licence("CC-BY-4.0 OR MIT")
    assert (lic.spdx, lic.operator, len(lic.parts), lic.openness) == (
        "CC-BY-4.0 OR MIT",
        "OR",
        2,
        "open",
    )
    assert lic.url is None
    either = parse_licence("cc-by-nd-4.0 or cc-by-sa-4.0")
    assert (either.spdx, either.openness) == ("CC-BY-ND-4.0 OR CC-BY-SA-4.0", "open")
    both = parse_licence("CC-BY-ND-4.0 AND CC-BY-SA-4.0")
    assert both.openness == "not-open"
    nested = parse_licence("CC-BY-4.0 AND (MIT OR GPL-3.0)")
    assert nested.spdx == "CC-BY-4.0 AND (MIT OR GPL-3.0-only)"
    assert nested.parts[1].operator == "OR"
    assert nested.openness == "open"
    with_pd = parse_licence("CC0-1.0 OR CC-BY-NC-4.0")
    assert with_pd.openness == "public-domain"


def test_spdx_with_exception() -> None:
    lic = parse_licence("GPL-2.0-or-later WITH Classpath-exception-2.0")
    assert lic.spdx == "GPL-2.0-or-later WITH Classpath-exception-2.0"
    assert lic.openness == "open" and lic.how == "spdx"
    assert lic.url == "https://www.gnu.org/licenses/old-licenses/gpl-2.0.html"


@pytest.mark.parametrize(
    "text", ["CC-BY-4.0 OR", "AND MIT", "(MIT OR Apache-2.0", "MIT OR OR Apache-2.0", "MIT WITH"]
)
def test_spdx_syntax_errors_never_raise(text: str) -> None:
    lic = parse_licence(text)
    assert isinstance(lic, Licence)
    assert lic.openness == "unknown"
    assert lic.raw == text


def test_licenseref_none_and_noassertion() -> None:
    ref = parse_licence("LicenseRef-AllRightsReserved")
    assert (ref.spdx, ref.openness, ref.how, ref.url) == (
        "LicenseRef-AllRightsReserved",
        "unknown",
        "spdx",
        None,
    )
    cc_ref = parse_licence("LicenseRef-CC-BY-SA-3.0-FR")
    assert cc_ref.url == "https://creativecommons.org/licenses/by-sa/3.0/fr/"
    assert cc_ref.openness == "open"
    none = parse_licence("NONE")
    assert (none.spdx, none.openness) == ("NONE", "not-open")
    lowercase = parse_licence("none")  # may mean "no restrictions": not SPDX NONE
    assert (lowercase.spdx, lowercase.openness) == (None, "unknown")
    noassertion = parse_licence("NOASSERTION")
    assert (noassertion.spdx, noassertion.openness) == ("NOASSERTION", "unknown")
    mixed = parse_licence("MIT OR NOASSERTION")
    assert mixed.openness == "open"


def test_expression_with_a_cc_port_member() -> None:
    lic = parse_licence("CC-BY-4.0 OR CC-BY-SA-3.0-FR")
    assert lic.parts[1].url == "https://creativecommons.org/licenses/by-sa/3.0/fr/"
    assert lic.openness == "open"


def test_prose_and_urls_are_never_fed_to_the_expression_parser() -> None:
    assert parse_licence("Attribution and ShareAlike").operator is None
    assert parse_licence("MIT and something else").operator is None


# --- short names ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "url", "spdx"),
    [
        ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/", "CC-BY-SA-4.0"),
        (
            "cc-by-nc-nd 4.0",
            "https://creativecommons.org/licenses/by-nc-nd/4.0/",
            "CC-BY-NC-ND-4.0",
        ),
        ("cc-by-40", "https://creativecommons.org/licenses/by/4.0/", "CC-BY-4.0"),
        ("cc-by-nc-sa-30", "https://creativecommons.org/licenses/by-nc-sa/3.0/", "CC-BY-NC-SA-3.0"),
        ("BY-NC-SA 3.0 FR", "https://creativecommons.org/licenses/by-nc-sa/3.0/fr/", None),
        (
            "CC BY-NC-ND 3.0 DE",
            "https://creativecommons.org/licenses/by-nc-nd/3.0/de/",
            "CC-BY-NC-ND-3.0-DE",
        ),
        ("CC BY 4.0 International", "https://creativecommons.org/licenses/by/4.0/", "CC-BY-4.0"),
        ("(CC BY 4.0)", "https://creativecommons.org/licenses/by/4.0/", "CC-BY-4.0"),
        ("CC_BY_SA_4.0", "https://creativecommons.org/licenses/by-sa/4.0/", "CC-BY-SA-4.0"),
        ("CC BY 3.0 IGO", "https://creativecommons.org/licenses/by/3.0/igo/", "CC-BY-3.0-IGO"),
        (
            "CC BY-ND-NC 1.0",
            "https://creativecommons.org/licenses/by-nd-nc/1.0/",
            "CC-BY-NC-ND-1.0",
        ),
        ("CC0", "https://creativecommons.org/publicdomain/zero/1.0/", "CC0-1.0"),
        ("CC Zero", "https://creativecommons.org/publicdomain/zero/1.0/", "CC0-1.0"),
        ("CC-0", "https://creativecommons.org/publicdomain/zero/1.0/", "CC0-1.0"),
        ("PDM 1.0", "https://creativecommons.org/publicdomain/mark/1.0/", "CC-PDM-1.0"),
    ],
)
def test_short_names(text: str, url: str, spdx: str | None) -> None:
    lic = parse_licence(text)
    assert (lic.url, lic.spdx, lic.how) == (url, spdx, "short-name")


def test_by_inside_another_identifier_is_not_cc() -> None:
    assert parse_licence("DL-DE->BY-2.0").family != "cc"


def test_lowercase_word_after_a_version_is_not_a_port() -> None:
    lic = parse_licence("CC BY 4.0 de Jean Dupont")
    assert lic.url == "https://creativecommons.org/licenses/by/4.0/"


def test_version_less_short_name() -> None:
    lic = parse_licence("CC BY-SA")
    assert (lic.version_missing, lic.url, lic.spdx, lic.openness) == (True, None, None, "open")
    assert lic.short_name == "CC BY-SA"


# --- full names in four languages -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "url"),
    [
        (
            "Creative Commons Attribution-NonCommercial 3.0 Unported License",
            "https://creativecommons.org/licenses/by-nc/3.0/",
        ),
        (
            "CC Attribution-NonCommercial-ShareAlike 4.0 International license",
            "https://creativecommons.org/licenses/by-nc-sa/4.0/",
        ),
        (
            "Creative Commons Paternité-Pas d'Utilisation Commerciale-Pas de Modification"
            " 2.5 Canada.",
            "https://creativecommons.org/licenses/by-nc-nd/2.5/ca/",
        ),
        (
            "Paternité - Partage des Conditions Initiales à l'Identique 3.0 non transposé",
            "https://creativecommons.org/licenses/by-sa/3.0/",
        ),
        (
            "Paternité - Partage à l'Identique 3.0 France",
            "https://creativecommons.org/licenses/by-sa/3.0/fr/",
        ),
        (
            "Attribution - Pas d’Utilisation Commerciale - Pas de Modification 4.0 International",
            "https://creativecommons.org/licenses/by-nc-nd/4.0/",
        ),
        (
            "Namensnennung - Nicht-kommerziell - Weitergabe unter gleichen Bedingungen"
            " 3.0 Deutschland",
            "https://creativecommons.org/licenses/by-nc-sa/3.0/de/",
        ),
        ("Namensnennung 4.0 International", "https://creativecommons.org/licenses/by/4.0/"),
        (
            "Reconocimiento-CompartirIgual 3.0 España",
            "https://creativecommons.org/licenses/by-sa/3.0/es/",
        ),
        (
            "Atribución-NoComercial-SinDerivadas 4.0 Internacional",
            "https://creativecommons.org/licenses/by-nc-nd/4.0/",
        ),
        ("[Creative Commons — Attribution 4.0]", "https://creativecommons.org/licenses/by/4.0/"),
        ("CC0 1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/"),
        ("Public Domain Mark 1.0", "https://creativecommons.org/publicdomain/mark/1.0/"),
    ],
)
def test_full_names(text: str, url: str) -> None:
    lic = parse_licence(text)
    assert lic.url == url
    assert lic.how in ("name", "short-name")


def test_canada_port_has_no_spdx_id_and_is_not_open() -> None:
    lic = parse_licence(
        "Creative Commons Paternité-Pas d'Utilisation Commerciale-Pas de Modification 2.5 Canada."
    )
    assert (lic.spdx, lic.jurisdiction, lic.openness, lic.how) == (None, "ca", "not-open", "name")


def test_version_less_french_name() -> None:
    lic = parse_licence("CC Paternité, pas d'utilisation commerciale")
    assert (lic.family, lic.elements, lic.version_missing) == ("cc", ("by", "nc"), True)
    assert lic.openness == "open-noncommercial"
    assert lic.url is None and lic.spdx is None


def test_attribution_alone_in_prose_is_not_cc_by() -> None:
    assert parse_licence("Attribution requested").family != "cc"
    assert parse_licence("Mention de l'auteur et de l'éditeur").family != "cc"
    assert parse_licence("Free for non commercial use with attribution").family != "cc"
    assert parse_licence("Attribution-NonCommercial-ShareAlike").elements == ("by", "nc", "sa")


# --- other licences ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "spdx", "how"),
    [
        ("https://www.gnu.org/licenses/gpl-3.0.html", "GPL-3.0-only", "url"),
        ("http://www.gnu.org/licenses/gpl-3.0.en.html", "GPL-3.0-only", "url"),
        ("http://www.gnu.org/licenses/agpl-3.0", "AGPL-3.0-only", "url"),
        ("https://opensource.org/licenses/MIT", "MIT", "url"),
        ("opensource.org/licenses/MIT", "MIT", "url"),
        ("https://www.etalab.gouv.fr/licence-ouverte-open-licence/", "etalab-2.0", "url"),
        ("https://www.govdata.de/dl-de/by-2-0", "DL-DE-BY-2.0", "url"),
        ("http://creativecommons.org/licenses/GPL/2.0/", "GPL-2.0-only", "url"),
        ("GNU General Public License v3.0 or later", "GPL-3.0-or-later", "name"),
        ("Licence Ouverte / Open Licence version 2.0", "etalab-2.0", "name"),
        ("Datenlizenz Deutschland – Namensnennung – Version 2.0", "DL-DE-BY-2.0", "name"),
        ("Open Data Commons Attribution License v1.0", "ODC-By-1.0", "name"),
        ("Apache License, Version 2.0", "Apache-2.0", "name"),
    ],
)
def test_other_licences(text: str, spdx: str, how: str) -> None:
    lic = parse_licence(text)
    assert (lic.spdx, lic.how) == (spdx, how)
    assert lic.openness == "open"


# --- statements -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "family", "openness"),
    [
        ("All rights reserved", "all-rights-reserved", "not-open"),
        ("Tous droits réservés", "all-rights-reserved", "not-open"),
        ("Alle Rechte vorbehalten.", "all-rights-reserved", "not-open"),
        ("Todos los derechos reservados", "all-rights-reserved", "not-open"),
        ("Tutti i diritti riservati", "all-rights-reserved", "not-open"),
        ("Todos os direitos reservados", "all-rights-reserved", "not-open"),
        ("Droits d'auteur prévus par la loi.", "all-rights-reserved", "not-open"),
        (
            "Droits de reproduction et de diffusion réservés © 2009 France Télévisions",
            "all-rights-reserved",
            "not-open",
        ),
        ("Copyright 2003 - 2009 wisweb.nl", "copyright-notice", "not-open"),
        ("© CCDMD 2011", "copyright-notice", "not-open"),
        ("(c) 2010 Someone", "copyright-notice", "not-open"),
        ("For educational use only", "educational-use-only", "not-open"),
        (
            "Utilisation pédagogique. Reproduction autorisée pour un usage en classe. Pour tout"
            " autre usage, reproduction d'extraits autorisée avec mention des sources.",
            "educational-use-only",
            "not-open",
        ),
        ("Nur für Bildungszwecke", "educational-use-only", "not-open"),
        ("Proprietary", "proprietary", "not-open"),
        ("Used with permission", "proprietary", "not-open"),
        ("Standard YouTube License", "proprietary", "not-open"),
        ("Some restrictions apply. Contact the author for details.", "restricted", "not-open"),
        (
            "Certain restrictions to use or copying of materials may apply.",
            "restricted",
            "not-open",
        ),
        ("No known restrictions on publication.", "no-known-restrictions", "unknown"),
        ("http://rightsstatements.org/vocab/InC/1.0/", "rightsstatements", "not-open"),
        ("http://rightsstatements.org/vocab/NoC-US/1.0/", "rightsstatements", "unknown"),
        ("http://www.purplemath.com/terms.htm", "terms-of-use", "unknown"),
        ("http://www.aaamath.com/copyright.htm", "terms-of-use", "unknown"),
        ("Free access", "access-statement", "unknown"),
        ("info:eu-repo/semantics/openAccess", "access-statement", "unknown"),
    ],
)
def test_statements(text: str, family: str, openness: str) -> None:
    lic = parse_licence(text)
    assert (lic.family, lic.openness) == (family, openness)
    assert lic.spdx is None
    assert lic.recognised


@pytest.mark.parametrize(
    "text", ["Public Domain", "gemeinfrei", "domaine public", "Dominio público"]
)
def test_public_domain_words(text: str) -> None:
    lic = parse_licence(text)
    assert (lic.openness, lic.how, lic.spdx, lic.url) == ("public-domain", "name", None, None)
    assert "no dedication instrument" in lic.reason


def test_negated_public_domain_is_not_public_domain() -> None:
    assert parse_licence("This work is not in the public domain.").openness != "public-domain"


@pytest.mark.parametrize(
    ("text", "spdx"),
    [
        ("© 2020 Jane Doe, CC BY 4.0", "CC-BY-4.0"),
        ("Copyright 2019 Example University. Licensed under CC BY-NC 4.0.", "CC-BY-NC-4.0"),
        (
            "© 2015 X. All rights reserved except https://creativecommons.org/licenses/by/4.0/",
            "CC-BY-4.0",
        ),
        ("Tous droits réservés - licence CC BY-SA 4.0", "CC-BY-SA-4.0"),
    ],
)
def test_a_licence_beats_a_copyright_notice(text: str, spdx: str) -> None:
    assert parse_licence(text).spdx == spdx


def test_url_beats_name_in_the_same_text() -> None:
    lic = parse_licence("CC BY 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)")
    assert lic.spdx == "CC-BY-SA-4.0" and lic.how == "url"


# --- robustness -------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [None, 42, 3.5, b"CC-BY-4.0", ["CC-BY-4.0"], {"a": 1}, object()])
def test_non_str_input_is_unknown(value: object) -> None:
    lic = parse_licence(value)  # type: ignore[arg-type]
    assert lic.openness == "unknown" and lic.how == "none"


@pytest.mark.parametrize(
    "text", ["", "   ", "\n\t", "see the website", "yes", "Engineering Program"]
)
def test_empty_and_unrelated_text_is_unknown(text: str) -> None:
    lic = parse_licence(text)
    assert (lic.openness, lic.how, lic.confidence) == ("unknown", "none", 0.0)
    assert lic.raw == text


def test_results_are_cached_on_the_exact_text() -> None:
    assert parse_licence("CC BY 4.0") is parse_licence("CC BY 4.0")
    uncached = parse_licence.__wrapped__  # type: ignore[attr-defined]
    assert uncached("CC BY 4.0") == parse_licence("CC BY 4.0")
    assert uncached("CC BY 4.0") is not uncached("CC BY 4.0")


def test_only_the_head_of_a_very_long_text_is_read() -> None:
    """A huge statement cannot slow a harvest down: text past the first few thousand
    characters is not read (speed itself is measured in bench/, not asserted here)."""
    filler = "lorem ipsum dolor sit amet " * 20000
    late = parse_licence.__wrapped__(filler + "CC BY 4.0")  # type: ignore[attr-defined]
    assert late.raw == filler + "CC BY 4.0"
    assert late.how == "none"
    early = parse_licence.__wrapped__("CC BY 4.0 " + filler)  # type: ignore[attr-defined]
    assert early.spdx == "CC-BY-4.0"


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("CC BY-NC-SA 2.5 Argentina", "https://creativecommons.org/licenses/by-nc-sa/2.5/ar/"),
        ("CC BY-SA 3.0 Österreich", "https://creativecommons.org/licenses/by-sa/3.0/at/"),
        ("CC BY 2.5 Canada", "https://creativecommons.org/licenses/by/2.5/ca/"),
        ("CC BY 2.5 Scotland", "https://creativecommons.org/licenses/by/2.5/scotland/"),
        ("CC BY 2.1 Japan", "https://creativecommons.org/licenses/by/2.1/jp/"),
        ("CC BY 2.1 Germany", "https://creativecommons.org/licenses/by/2.0/"),
        ("CC BY-SA 3.0 de Jean", "https://creativecommons.org/licenses/by-sa/3.0/"),
    ],
)
def test_short_name_followed_by_a_jurisdiction_in_words(text: str, url: str) -> None:
    assert parse_licence(text).url == url


@pytest.mark.parametrize(
    ("text", "code", "openness"),
    [
        ("No Copyright - United States", "NoC-US", "unknown"),
        ("In Copyright - Educational Use Permitted", "InC-EDU", "not-open"),
        ("Copyright Not Evaluated", "CNE", "unknown"),
    ],
)
def test_rightsstatements_labels_are_read_like_their_uris(
    text: str, code: str, openness: str
) -> None:
    licence = parse_licence(text)
    assert licence.url == f"http://rightsstatements.org/vocab/{code}/1.0/"
    assert (licence.family, licence.openness, licence.how) == ("rightsstatements", openness, "name")
    prose = parse_licence("Works in copyright may not be reused without the museum's permission")
    assert prose.family != "rightsstatements"
