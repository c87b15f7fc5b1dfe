"""The LOM profile table (oer_meta/data/lom_profiles.json) and its look-ups."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oer_meta.knowledge.lom_profiles import (
    fold_name,
    profile_ids,
    profile_of_namespace,
    profile_of_schema,
    profile_of_source,
    profile_title,
    scolomfr_concept_vocabulary,
    scolomfr_element_vocabulary,
    scolomfr_purpose_vocabulary,
    scolomfr_scheme_vocabulary,
    scolomfr_vocabulary_name,
    value_type,
    vocabulary_for,
)
from oer_meta.knowledge.vocabularies import load_data, lom_vocabulary
from oer_meta.readers.lom.structure import bindings

SCO = "http://data.education.fr/voc/scolomfr/concept/"

# every metadataSchema value met in the two corpora, and the profiles the issue names
SCHEMAS = [
    ("LOM-ES", "lom-es"),
    ("LOM-ES V1.0", "lom-es"),
    ("LOM-ES v1.0", "lom-es"),
    ("LOM-ESv1.0", "lom-es"),
    ("LOMFRv1.0", "lomfr"),
    ("LOM-FRv1.0", "lomfr"),
    ("LOMv1.0", None),
    ("NORMETIC version 1.1", "normetic"),
    ("NORMETICv1.2", "normetic"),
    ("SCOLOMFRv1.0", "scolomfr"),
    ("ScoLOMFRv1.1", "scolomfr"),
    ("SCOLOMFRv3.0", "scolomfr"),
    ("SupLOMFRv1.0", "suplomfr"),
    ("nl_lom_v1p0", "nl-lom"),
    ("NL-LOM", "nl-lom"),
    ("LOM-CHv1.1", "lom-ch"),
    ("CanCore", "cancore"),
    ("UKLOMCore", "uk-lom-core"),
    ("UK LOM Core", "uk-lom-core"),
    ("LOM-DE", "lom-de"),
    ("HS-OER-LOM", "hs-oer-lom"),
]


@pytest.mark.parametrize(("value", "profile"), SCHEMAS)
def test_profile_of_schema(value: str, profile: str | None) -> None:
    assert profile_of_schema(value) == profile


def test_every_profile_has_a_title_and_says_what_is_covered() -> None:
    assert profile_ids()[:3] == ["scolomfr", "suplomfr", "lomfr"]  # tried before LOM-FR
    for profile in profile_ids():
        assert profile_title(profile) != profile
    assert profile_title("unknown-profile") == "unknown-profile"


def test_namespaces_and_sources() -> None:
    assert profile_of_namespace("http://www.lom-fr.fr/xsd/SCOLOMFR") == "scolomfr"
    assert profile_of_namespace("http://www.lom-fr.fr/xsd/LOMFR") == "lomfr"
    assert profile_of_namespace("https://www.oerbw.de/hsoerlom") == "hs-oer-lom"
    assert profile_of_namespace("http://ltsc.ieee.org/xsd/LOM") is None
    assert profile_of_namespace(None) is None
    assert profile_of_source("LOM-ES V1.0") == "lom-es"
    assert profile_of_source("SCOLOMFRv2.1") == "scolomfr"
    assert profile_of_source(" https://purl.edustandaard.nl/vdex_context_lomv1p0_20060628.xml") == (
        "nl-lom"
    )
    assert profile_of_source("http://www.normetic.org/vdex/typeressourcev1_2.xml") == "normetic"
    assert profile_of_source("LRE.learningResourceTypeValues") == "lre"
    assert profile_of_source("LREv3.0") == "lre"  # LRE's, not only LOM-CH's
    assert profile_of_source("LOM-CHv1.2") == "lom-ch"
    assert profile_of_source("LOM-CHv1.1") == "lom-ch"
    assert profile_of_source("LOMv1.0") is None
    assert profile_of_source("") is None


def test_vocabulary_for() -> None:
    role = vocabulary_for("lifeCycle.contribute.role", "LOM-ESv1.0")
    assert role is not None and role.name == "LOM-ESv1.0" and "unknown" not in role.allowed
    inherited = vocabulary_for("general.structure", "lom-es v1.0")
    assert inherited is not None and inherited.allowed == lom_vocabulary("general.structure")
    assert vocabulary_for("some.element", "LOM-ESv1.0") is None
    assert vocabulary_for("educational.context", "SCOLOMFRv2.1") is None  # not held
    plain = vocabulary_for("lifeCycle.contribute.role", None)
    assert plain is not None and plain.name == "LOMv1.0"
    hs = vocabulary_for("lifeCycle.contribute.role", "LOMv1.0", ["hs-oer-lom"])
    assert hs is not None and "Author" in hs.allowed and hs.name == "HS-OER-LOM's LOMv1.0"
    kept = vocabulary_for("educational.context", "LOMv1.0", ["hs-oer-lom"])
    assert kept is not None and kept.name == "LOMv1.0"
    default = vocabulary_for("educational.context", None, ["lom-es"])
    assert default is not None and "classroom" in default.allowed


def test_value_types() -> None:
    assert value_type("technical.duration", ["hs-oer-lom"]) == "time"
    assert value_type("technical.duration", ["lom-es"]) is None
    assert value_type(None, ["hs-oer-lom"]) is None
    assert value_type("general.language", ["lomfr", "scolomfr"]) == "language-code-or-uri"
    assert value_type("LangString@language", ["scolomfr"]) == "language-code-or-uri"


def test_scolomfr_concepts() -> None:
    assert scolomfr_concept_vocabulary(f"{SCO}scolomfr-voc-015-num-1230\n") == {"scolomfr-voc-015"}
    assert scolomfr_concept_vocabulary(f"{SCO}validator") == {"scolomfr-voc-013"}
    assert scolomfr_concept_vocabulary(f"{SCO}validator_2") == {"scolomfr-voc-003"}
    assert scolomfr_concept_vocabulary(f"{SCO}no-such-concept") is None
    assert scolomfr_concept_vocabulary("author") is None
    assert scolomfr_concept_vocabulary(None) is None
    scheme = "http://data.education.fr/voc/scolomfr/scolomfr-voc-022"
    assert scolomfr_scheme_vocabulary(scheme + "\n") == "scolomfr-voc-022"
    assert scolomfr_scheme_vocabulary(f"{SCO}author") is None
    assert scolomfr_scheme_vocabulary("ScoLomFr Vocabulaire22") is None
    assert scolomfr_element_vocabulary("educational.Context") == "scolomfr-voc-012"
    assert scolomfr_element_vocabulary("general.title") is None
    assert scolomfr_vocabulary_name("scolomfr-voc-003") == "scolomfr-voc-003 (RôleContributeur)"
    assert scolomfr_vocabulary_name("scolomfr-voc-999") == "scolomfr-voc-999"


def test_scolomfr_purposes() -> None:
    assert scolomfr_purpose_vocabulary(f"{SCO}scolomfr-voc-028-num-003\n") == (
        "scolomfr-voc-015",
        "scolomfr-voc-028-num-003 (domaine d'enseignement)",
    )
    assert scolomfr_purpose_vocabulary(f"{SCO}discipline") == ("scolomfr-voc-014", "discipline")
    assert scolomfr_purpose_vocabulary(f"{SCO}competency") is None  # ties no vocabulary
    assert scolomfr_purpose_vocabulary("discipline") is None  # a LOMv1.0 token is not judged
    assert scolomfr_purpose_vocabulary(None) is None


def test_every_scolomfr_purpose_is_a_concept_of_the_purpose_vocabulary() -> None:
    table = load_data("lom_profiles.json")["scolomfr_concepts"]
    for tail, vocabulary in table["purposes"].items():
        assert scolomfr_concept_vocabulary(f"{SCO}{tail}") == {"scolomfr-voc-028"}, tail
        assert re.fullmatch(r"scolomfr-voc-\d{3}", vocabulary)
    assert set(table["purpose_labels"]) <= set(table["purposes"])


def test_the_tables_name_only_elements_and_profiles_that_exist() -> None:
    """Every element a profile vocabulary or ScoLOMFR names is a LOM vocabulary element
    (or one a profile adds), and every profile the structure table names is in the
    profile table."""
    from oer_meta.knowledge.data_files import load_data

    tree = bindings()["ieee"]
    vocabularies = {d.lower() for d, n in tree.by_dotted.items() if n.kind == "vocabulary"}
    profiles = load_data("lom_profiles.json")
    for spec in profiles["profiles"].values():
        for vocabulary in spec.get("vocabularies", ()):
            assert {e.lower() for e in vocabulary["elements"]} <= vocabularies
        assert set(spec.get("value_types", {})) <= set(tree.by_dotted) | {"LangString@language"}
    assert {e.lower() for e in profiles["scolomfr_concepts"]["elements"]} <= vocabularies
    elements = load_data("lom_elements.json")
    named = {
        p
        for additions in (
            elements["profile_additions"]["vocabulary"].values(),
            *(v.values() for v in elements["profile_additions"]["elements"].values()),
        )
        for spec in additions
        for p in spec["profiles"]
    }
    for rules in (
        *elements["profile_rules"]["repeat"].values(),
        elements["profile_rules"]["plain_text"],
    ):
        for listed in rules.values():
            named.update(listed)
    assert named <= set(profile_ids())


_NAME_CHARS = st.sampled_from(list("LOMESlomes-_ v1.0NLCH"))


@given(st.text(_NAME_CHARS, max_size=20))
def test_fold_name_is_idempotent_and_ignores_case_and_separators(name: str) -> None:
    folded = fold_name(name)
    assert fold_name(folded) == folded
    assert folded == fold_name(name.upper().replace("-", " _ "))
    assert not any(c in folded for c in " -_")


@given(
    st.sampled_from(["LOM-ESv1.0", "SCOLOMFRv2.1", "LOMFRv1.0", "LOM-CHv1.0"]),
    st.lists(st.sampled_from([" ", "-", "_"]), max_size=3),
    st.booleans(),
)
def test_a_source_is_recognised_whatever_its_case_and_separators(
    source: str, noise: list[str], upper: bool
) -> None:
    expected = profile_of_source(source)
    assert expected is not None
    spelt = "".join(noise) + (source.upper() if upper else source.lower()) + "".join(noise)
    assert profile_of_source(spelt) == expected


_NL_VDEX = [
    ("vdex_learningresourcetype_czp_20060628.xml", "educational.learningResourceType"),
    ("vdex_context_czp_20060628.xml", "educational.context"),
    ("vdex_learningresourcetype_lomv1p0_20060628.xml", "educational.learningResourceType"),
    ("vdex_intendedenduserrole_lomv1p0_20060628.xml", "educational.intendedEndUserRole"),
]


@given(
    st.sampled_from(_NL_VDEX),
    st.sampled_from(["http://", "https://", "HTTPS://", " http://"]),
)
def test_an_nl_lom_vdex_address_is_the_same_over_http_and_https(
    vdex: tuple[str, str], scheme: str
) -> None:
    name, element = vdex
    plain = vocabulary_for(element, f"http://purl.edustandaard.nl/{name}")
    assert plain is not None
    assert vocabulary_for(element, f"{scheme}purl.edustandaard.nl/{name} ") == plain


def test_nl_lom_vocabularies() -> None:
    czp = vocabulary_for(
        "educational.learningResourceType",
        "http://purl.edustandaard.nl/vdex_learningresourcetype_czp_20060628.xml",
    )
    assert czp is not None and "informatiebron" in czp.allowed and len(czp.allowed) == 8
    edition = vocabulary_for(
        "educational.intendedEndUserRole",
        "http://purl.edustandaard.nl/vdex_intendedenduserrole_lomv1p0_20060628.xml",
    )
    assert edition is not None and edition.allowed == lom_vocabulary(
        "educational.intendedEndUserRole"
    )
    # its nllom copyright vocabulary is not held: tolerated
    source = "http://purl.edustandaard.nl/copyrightsandotherrestrictions_nllom_20131202"
    assert vocabulary_for("rights.copyrightAndOtherRestrictions", source) is None
