"""The ``amb`` profile on AMB's own examples, and the other shipped profiles.

AMB publishes valid and invalid example records, each invalid one named after the
constraint it breaks; they are read in place from ``../shared/corpus/amb``.  Under the
``amb`` profile every valid example has no error and every invalid one has an error of
the code and at the place its file name gives (the table below).  Small records written
here check the walker's cases that the examples do not name, and that the AMB pack
stays silent under the default profile.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import oer_meta
from oer_meta.knowledge.amb import is_date, is_language_code
from oer_meta.model import Location
from oer_meta.profiles import load_profile
from oer_meta.readers.jsonld.amb import amb_problems
from tests.corpus_paths import CORPUS, corpus_files, needs_corpus

AMB_DIR = CORPUS / "amb"
VALID = corpus_files("amb", "examples-valid", suffixes=(".json",))
INVALID = corpus_files("amb", "examples-invalid", suffixes=(".json",))
AMB_CONTEXT = "https://w3id.org/kim/amb/context.jsonld"

#: Each invalid example's file name, with the code and the JSON Pointer of the error that
#: its name announces (other errors the example also has may come with it).
EXPECTED: dict[str, tuple[str, str]] = {
    "Mozilla-Public-License.json": ("AMB004", "/license/id"),
    "about.json": ("AMB004", "/about"),
    "affiliationWithoutName.json": ("AMB001", "/publisher/0/affiliation"),
    "assessesWithoutURI.json": ("AMB003", "/assesses/0/id"),
    "captionInMultipleLanguages.json": ("AMB003", "/caption/inLanguage"),
    "captionWithoutArray.json": ("AMB002", "/caption"),
    "competencyRequiredAsObject.json": ("AMB002", "/competencyRequired"),
    "conceptWithMonolingualLabels.json": ("AMB003", "/about/0/prefLabel"),
    "conditionsOfAccessStringInsteadObject.json": ("AMB003", "/conditionsOfAccess"),
    "contentSizeAndBitRateWithUnits.json": ("AMB004", "/encoding/0/contentSize"),
    "educationalLevelWithWrongID.json": ("AMB004", "/educationalLevel/0/id"),
    "funderInvalidType.json": ("AMB004", "/funder/0/type"),
    "inLanguageWithoutArray.json": ("AMB002", "/inLanguage"),
    "interactivityType.json": ("AMB001", "/interactivityType"),
    "invalidAboutConceptUri.json": ("AMB004", "/about"),
    "isAccessibleForFree.json": ("AMB003", "/isAccessibleForFree"),
    "isBasedOn_noArray.json": ("AMB002", "/isBasedOn"),
    "isBasedOn_noIdOrName.json": ("AMB001", "/isBasedOn/0"),
    "keywordWithoutArray.json": ("AMB002", "/keywords"),
    "learningResourceType-wihtout-any-valid-id.json": ("AMB004", "/learningResourceType"),
    "license-as-string.json": ("AMB003", "/license"),
    "lrtWithoutArray.json": ("AMB002", "/learningResourceType"),
    "mainEntityOf.json": ("AMB002", "/mainEntityOfPage"),
    "mainEntityOfPageInvalidType.json": ("AMB004", "/mainEntityOfPage/0/type"),
    "missingDefaultLanguage.json": ("AMB005", "/@context"),
    "missingDefaultLanguage2.json": ("AMB005", "/@context"),
    "noContext.json": ("AMB005", ""),
    "partWithoutId.json": ("AMB001", "/isPartOf/0"),
    "teachesWithoutLocalizedPrefLabel.json": ("AMB003", "/teaches/0/prefLabel"),
    "typeAsURI.json": ("AMB004", "/type/1"),
    "typeWithoutArray.json": ("AMB002", "/type"),
    "typeWithoutLearningResource.json": ("AMB004", "/type"),
    "videoWithoutUrls.json": ("AMB001", "/encoding/0"),
    "wrongContextLink.json": ("AMB005", "/@context"),
    "wrongDateTime.json": ("AMB004", "/mainEntityOfPage/0/dateCreated"),
    "wrongDefaultLanguageTag.json": ("AMB005", "/@context/1/@language"),
    "wrongDuration.json": ("AMB004", "/duration"),
}


def _errors(source: Any, profile: str = "amb") -> list[tuple[str, str | None]]:
    report = oer_meta.validate(source, profile=profile)
    return [
        (f.rule, f.location.path)
        for result in report.results
        for f in result.findings
        if f.severity.value == "error"
    ]


@needs_corpus
def test_the_examples_are_all_there() -> None:
    """The table names every invalid example and nothing else, so none is skipped."""
    assert len(VALID) >= 35
    assert {p.name for p in INVALID} == set(EXPECTED)


@needs_corpus
@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_example_has_no_error(path: Path) -> None:
    assert _errors(path) == []


@needs_corpus
@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_example_has_the_error_its_name_gives(path: Path) -> None:
    errors = _errors(path)
    assert EXPECTED[path.name] in errors, errors


@needs_corpus
@pytest.mark.parametrize("path", VALID + INVALID, ids=lambda p: p.name)
def test_the_amb_pack_is_silent_under_the_default_profile(path: Path) -> None:
    report = oer_meta.validate(path)
    assert not [f for r in report.results for f in r.findings if f.rule.startswith("AMB")]


@needs_corpus
def test_oersi_records_under_the_amb_profile() -> None:
    """OERSI's own harvested records: the lrmi-profile context is AMB's old name."""
    found = _errors(AMB_DIR / "oersi-etl_orca-invalid.jsonl")
    assert found.count(("AMB005", "/@context")) == 8
    assert ("AMB003", "/license") in found
    assert _errors(AMB_DIR / "oersi-etl_orca-markus.json") == [
        ("AMB001", "/creator/0/affiliation"),
        ("AMB004", "/learningResourceType"),
        ("AMB005", "/@context"),
    ]


# -- records written here --------------------------------------------------------------


def _record(**extra: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "@context": [AMB_CONTEXT, {"@language": "de"}],
        "id": "https://example.org/kurs",
        "name": "Kurs",
        "type": ["LearningResource", "Course"],
    }
    record.update(extra)
    return record


def test_a_minimal_amb_record_is_valid() -> None:
    assert _errors(json.dumps(_record())) == []


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ({"inLanguage": ["de-AT"]}, ("AMB004", "/inLanguage/0")),
        ({"inLanguage": ["sh"]}, ("AMB004", "/inLanguage/0")),  # withdrawn from ISO 639-1
        ({"dateCreated": "2024-02-30"}, ("AMB004", "/dateCreated")),
        ({"dateCreated": "2024-02-03T10:00:00+25:00"}, ("AMB004", "/dateCreated")),
        ({"image": "bild.png"}, ("AMB004", "/image")),
        ({"keywords": ["a", 3]}, ("AMB003", "/keywords/1")),
        ({"license": {"id": "https://creativecommons.org/licenses/by/4.0/"}, "name": 7},
         ("AMB003", "/name")),
        ({"trailer": {"type": "VideoObject", "sha256": "abc"}}, ("AMB001", "/trailer")),
        ({"about": [{"id": "https://w3id.org/kim/hochschulfaechersystematik/n1",
                     "prefLabel": {"deutsch": "x"}}]}, ("AMB004", "/about/0/prefLabel/deutsch")),
        ({"@context": AMB_CONTEXT}, ("AMB005", "/@context")),
    ],
)  # fmt: skip
def test_constraints_the_examples_do_not_name(
    extra: dict[str, Any], expected: tuple[str, str]
) -> None:
    assert expected in _errors(json.dumps(_record(**extra)))


def test_missing_required_properties_are_each_named() -> None:
    record = _record()
    del record["id"], record["name"]
    report = oer_meta.validate(json.dumps(record), profile="amb")
    messages = [f.message for f in report.findings if f.rule == "AMB001"]
    assert messages == [
        'AMB: the record has no "id", which AMB requires',
        'AMB: the record has no "name", which AMB requires',
    ]


def test_amb_rules_follow_only_the_document_s_own_object() -> None:
    """A part a record describes in full is a record of its own, but AMB constrains only
    the document's top-level object: the part is not judged against it."""
    part = {
        "id": "https://example.org/teil",
        "type": "LearningResource",
        "name": "Teil",
        "description": "Ein Teil",
        "license": "https://creativecommons.org/licenses/by/4.0/",
    }
    report = oer_meta.validate(json.dumps(_record(hasPart=[part])), profile="amb")
    assert len(report.results) == 2  # the part is a record of its own
    errors = [(f.rule, f.location.path) for f in report.findings]
    assert errors == [("AMB002", "/hasPart/0/type")]


def test_select_amb_adds_the_pack_to_another_profile() -> None:
    text = json.dumps(_record(inLanguage="de"))
    report = oer_meta.validate(text, select=["AMB"])
    assert [f.rule for f in report.findings] == ["AMB002"]
    assert not [f for f in oer_meta.validate(text).findings if f.rule.startswith("AMB")]
    narrow = oer_meta.validate(text, select=["AMB002", "DISC"], ignore=["DISC003"])
    assert "AMB002" in {f.rule for f in narrow.findings}
    assert "DISC003" not in {f.rule for f in narrow.findings}


# -- the other shipped profiles ------------------------------------------------------


def test_minimal_runs_exactly_what_blocks_re_use() -> None:
    profile = load_profile("minimal")
    assert [r.code for r in profile.rules()] == ["DISC001", "LIC001", "LIC002", "LIC003", "STD001"]
    assert all(profile.severity_of(r).value == "error" for r in profile.rules())


def test_minimal_on_a_record_without_licence_or_title() -> None:
    record = {"@context": "https://schema.org/", "@type": "LearningResource", "inLanguage": "xx"}
    report = oer_meta.validate(json.dumps(record), profile="minimal")
    assert sorted(f.rule for f in report.findings) == ["DISC001", "LIC001"]
    assert not report.ok


@pytest.mark.parametrize("name", ["lom", "dc"])
def test_format_profiles_check_conformance_only(name: str) -> None:
    profile = load_profile(name)
    codes = {r.code for r in profile.rules()}
    assert {"STD001", "STD002", "STD003", "LANG002"} <= codes
    assert not any(code.startswith(("LIC", "DISC", "A11Y", "AMB")) for code in codes)
    assert profile.severity_of(next(r for r in profile.rules() if r.code == "STD003")).value == (
        "error"
    )


def test_lom_makes_dates_errors_and_dc_does_not() -> None:
    lom, dc = load_profile("lom"), load_profile("dc")
    std004 = next(r for r in lom.rules() if r.code == "STD004")
    assert lom.severity_of(std004).value == "error"
    assert dc.severity_of(std004).value == "warning"


# -- properties of the walker ----------------------------------------------------------


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(
        st.sampled_from(["id", "type", "name", "@context", "license", "caption", "inLanguage",
                         "prefLabel", "about", "encoding", "@language", "de", "x"]),
        inner,
        max_size=4,
    ),
    max_leaves=12,
)  # fmt: skip


def _resolve(document: Any, pointer: str) -> Any:
    node = document
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "@context",
                "id",
                "name",
                "type",
                "license",
                "caption",
                "about",
                "encoding",
                "inLanguage",
                "isBasedOn",
                "dateCreated",
            ]
        ),
        _JSON,
        max_size=6,
    )
)
def test_the_walker_notes_only_amb_codes_at_places_that_exist(node: dict[str, Any]) -> None:
    problems = list(amb_problems(node, "", lambda ptr: Location(path=ptr)))
    for problem in problems:
        assert problem.rule in {"AMB001", "AMB002", "AMB003", "AMB004", "AMB005"}
        assert problem.location is not None and problem.location.path is not None
        _resolve(node, problem.location.path)  # raises if the pointer leads nowhere


@given(st.text(max_size=30))
def test_date_and_language_checks_never_raise(value: str) -> None:
    assert is_date(value) in (True, False)
    assert is_language_code(value) in (True, False)
    if is_language_code(value):
        assert len(value) == 2 and value.islower()


def test_amb_notes_are_kept_apart_from_the_format_s_problems() -> None:
    """A schema.org record breaks AMB (no AMB context, no id, "@type" for "type"), but its own
    problems say nothing of AMB: the notes sit on ``amb_problems`` for pack AMB."""
    from oer_meta.readers.dispatch import iter_source

    text = json.dumps(
        {"@context": "https://schema.org/", "@type": "LearningResource", "name": "Kurs"}
    )
    (record,) = [r for r in iter_source(text.encode()) if hasattr(r, "amb_problems")]
    assert not [p for p in record.problems if p.rule.startswith("AMB")]
    assert {p.rule for p in record.amb_problems} == {"AMB001", "AMB005"}  # "@type" is not "type"
    assert {p.source_field for p in record.amb_problems} >= {"@context", "id", "type"}


@needs_corpus
def test_the_cli_fails_an_invalid_example_under_amb_only() -> None:
    from oer_meta.cli import main

    invalid = str(AMB_DIR / "examples-invalid" / "typeWithoutArray.json")
    valid = str(AMB_DIR / "examples-valid" / "learningResourceType.json")
    assert main(["validate", "--profile", "amb", invalid]) == 1
    assert main(["validate", "--profile", "amb", valid]) == 0
    assert main(["validate", "--select", "AMB", invalid]) == 1
