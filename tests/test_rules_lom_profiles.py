"""STD003/STD004/STD007 judge a LOM value by the profile that defines it: LOM-ES's
vocabularies, HS-OER-LOM's spelling of LOMv1.0 and its clock-time durations, ScoLOMFR
concepts by the vocabulary of their element."""

from __future__ import annotations

import pytest

import oer_meta
from oer_meta.model import Duration, Location, Record, Term

SCO = "http://data.education.fr/voc/scolomfr/concept/"
SCHEME = "http://data.education.fr/voc/scolomfr/"
NL = "http://purl.edustandaard.nl/"


def findings(record: Record, code: str) -> list[oer_meta.Finding]:
    return oer_meta.check(record, select=[code])


def term(element: str, value: str, source: str | None, **extra: object) -> Term:
    return Term(value=value, source=source, element=element, location=Location(line=4), **extra)


def lom(*terms: Term, profiles: tuple[str, ...] = ()) -> Record:
    return Record(source_format="lom", vocabulary_terms=terms, profiles=profiles)


@pytest.mark.parametrize(
    ("element", "source", "value", "profiles", "expected"),
    [
        # LOM-ES redefines role, context, copyright...: its tokens under its source
        ("lifeCycle.contribute.role", "LOM-ESv1.0", "publisher", (), None),
        ("lifeCycle.contribute.role", "LOM-ESv1.0", "publiser", (), "STD003"),
        ("lifeCycle.contribute.role", "LOM-ESv1.0", "unknown", (), "STD003"),  # not in LOM-ES
        ("educational.context", "LOM-ESv1.0", "classroom", (), None),
        ("educational.context", "LOM-ESv1.0", "school", (), "STD003"),
        ("rights.copyrightAndOtherRestrictions", "LOM-ESv1.0", "propietary license", (), None),
        ("rights.copyrightAndOtherRestrictions", "LOM-ESv1.0", "None", (), "STD003"),
        ("educational.cognitiveProcess", "LOM-ESv1.0", "analyse", (), None),
        ("educational.cognitiveProcess", "LOM-ESv1.0", "analyze", (), "STD003"),
        ("rights.access.accessType", "LOM-ESv1.0", "universal", (), None),
        # the source spelt with a space and other case is LOM-ES's
        ("educational.context", "LOM-ES V1.0", "teacher", (), None),
        ("educational.context", " LOM-ESv1.0", "teacher", (), None),
        # what LOM-ES does not redefine takes the LOMv1.0 tokens
        ("general.structure", "LOM-ESv1.0", "atomic", (), None),
        ("general.structure", "LOM-ESv1.0", "molecular", (), "STD003"),
        ("educational.context", "LOM-ESv1.0", "Classroom", (), "STD007"),
        # without a source, a LOM-ES record's values take LOM-ES's vocabulary...
        ("rights.copyrightAndOtherRestrictions", None, "propietary license", ("lom-es",), None),
        # ...and a plain record's LOMv1.0
        ("rights.copyrightAndOtherRestrictions", None, "propietary license", (), "STD003"),
        # HS-OER-LOM spells the LOMv1.0 tokens with capitals, in its own records only
        ("lifeCycle.contribute.role", "LOMv1.0", "Author", ("hs-oer-lom",), None),
        ("metaMetadata.contribute.role", "LOMv1.0", "Provider", ("hs-oer-lom",), None),
        ("classification.purpose", "LOMv1.0", "Discipline", ("hs-oer-lom",), None),
        ("lifeCycle.contribute.role", "LOMv1.0", "author", ("hs-oer-lom",), "STD007"),
        ("lifeCycle.contribute.role", "LOMv1.0", "Author", (), "STD007"),
        ("metaMetadata.contribute.role", "LOMv1.0", "Provider", (), "STD003"),
        ("educational.context", "LOMv1.0", "school", ("hs-oer-lom",), None),  # not respelt
        ("educational.learningResourceType", "Hochschulcampus Content Custom Model", "video",
         ("hs-oer-lom",), None),
        ("educational.learningResourceType", "Hochschulcampus Content Custom Model", "film",
         ("hs-oer-lom",), "STD003"),
        # a profile vocabulary oer_meta does not hold is tolerated
        ("rights.copyrightAndOtherRestrictions",
         NL + "copyrightsandotherrestrictions_nllom_20131202", "cc-by-40", ("nl-lom",), None),
        # NL-LOM's czp contexts: its Dutch levels and the LOMv1.0 ones
        ("educational.context", NL + "vdex_context_czp_20060628.xml", "HBO", ("nl-lom",), None),
        ("educational.context", NL + "vdex_context_czp_20060628.xml", "school", ("nl-lom",),
         None),
        ("educational.context", NL + "vdex_context_czp_20060628.xml", "MBO", ("nl-lom",),
         "STD003"),
        # NL-LOM's czp learning resource types are its eight Dutch tokens...
        ("educational.learningResourceType", NL + "vdex_learningresourcetype_czp_20060628.xml",
         "open opdracht", ("nl-lom",), None),
        ("educational.learningResourceType", NL + "vdex_learningresourcetype_czp_20060628.xml",
         "information resource", ("nl-lom",), "STD003"),
        ("educational.learningResourceType", NL + "vdex_learningresourcetype_czp_20060628.xml",
         "Informatiebron", ("nl-lom",), "STD007"),
        # ...and its VDEX editions of LOMv1.0 (http or https) take the LOMv1.0 tokens
        ("educational.learningResourceType",
         "https://purl.edustandaard.nl/vdex_learningresourcetype_lomv1p0_20060628.xml",
         "figure", ("nl-lom",), None),
        ("educational.learningResourceType",
         "https://purl.edustandaard.nl/vdex_learningresourcetype_lomv1p0_20060628.xml",
         "kennisclip", ("nl-lom",), "STD003"),
        ("educational.intendedEndUserRole", NL + "vdex_intendedenduserrole_lomv1p0_20060628.xml",
         "learner", ("nl-lom",), None),
        ("educational.intendedEndUserRole", NL + "vdex_intendedenduserrole_lomv1p0_20060628.xml",
         "leerling", ("nl-lom",), "STD003"),
        ("educational.context", NL + "vdex_context_lomv1p0_20060628.xml",
         "higher education", ("nl-lom",), None),
        ("educational.context", NL + "vdex_context_lomv1p0_20060628.xml",
         "HBO", ("nl-lom",), "STD003"),
        # the LRE 3.0 vocabularies under source LREv3.0 (LOM-CH takes them over)
        ("educational.context", "LREv3.0", "compulsory education", ("lom-ch",), None),
        ("educational.context", "LREv3.0", "compulsory education", (), None),
        ("educational.context", "LREv3.0", "post-compulsory education", ("lom-ch",), "STD003"),
        ("educational.context", "LREv3.0", "school", ("lom-ch",), "STD003"),
        ("educational.learningResourceType", "LREv3.0", "image", ("lom-ch",), None),
        ("educational.learningResourceType", "LREv3.0", "enquiry-oriented activity", (), None),
        ("educational.learningResourceType", "LREv3.0", "figure", ("lom-ch",), "STD003"),
        ("educational.intendedEndUserRole", "LREv3.0", "counsellor", ("lom-ch",), None),
        ("educational.intendedEndUserRole", "LREv3.0", "learner", ("lom-ch",), None),
        ("educational.intendedEndUserRole", "LREv3.0", "pupil", ("lom-ch",), "STD003"),
        # as a LOM-DE exporter (Stud.IP) writes them: no LRE tokens
        ("educational.intendedEndUserRole", "LREv3.0", "students", (), "STD003"),
        ("educational.context", "LREv3.0", "highschool education", (), "STD003"),
        ("metaMetadata.contribute.role", "LREv3.0", "enricher", ("lom-ch",), None),
        ("metaMetadata.contribute.role", "LREv3.0", "author", ("lom-ch",), "STD003"),
        ("relation.kind", "LREv3.0", "haspreview", ("lom-ch",), None),
        ("relation.kind", "LREv3.0", "isbasedon", ("lom-ch",), None),
        ("relation.kind", "LREv3.0", "is_based_on", ("lom-ch",), "STD003"),
        # what LREv3.0 does not list, and LOM-CH's own vocabularies, are tolerated
        ("educational.difficulty", "LREv3.0", "hard", ("lom-ch",), None),
        ("educational.context", "LOM-CHv1.0", "post-compulsory education", ("lom-ch",), None),
        ("educational.context", "LOM-CHv1.2", "anything", ("lom-ch",), None),
    ],
)  # fmt: skip
def test_profile_vocabularies(
    element: str, source: str | None, value: str, profiles: tuple[str, ...], expected: str | None
) -> None:
    found = findings(lom(term(element, value, source), profiles=profiles), "STD003")
    assert [f.rule for f in found] == ([expected] if expected else [])


def test_a_near_miss_names_the_nearest_token_and_the_vocabulary() -> None:
    [finding] = findings(lom(term("lifeCycle.contribute.role", "publiser", "LOM-ESv1.0")), "STD003")
    assert finding.message == (
        "lifeCycle.contribute.role value 'publiser' is not in the LOM-ESv1.0 vocabulary"
    )
    assert (finding.hint or "").startswith("write 'publisher' (the nearest token)")
    assert finding.location.line == 4


def test_a_long_vocabulary_is_cut_short_in_the_hint() -> None:
    [finding] = findings(lom(term("educational.learningResourceType", "", "LOM-ESv1.0")), "STD003")
    assert finding.message == "educational.learningResourceType has an empty value"
    assert "(55 in all)" in (finding.hint or "")


def test_hs_oer_lom_respelling_is_named_in_messages() -> None:
    [finding] = findings(
        lom(term("lifeCycle.contribute.role", "Autor", "LOMv1.0"), profiles=("hs-oer-lom",)),
        "STD003",
    )
    assert "not in the HS-OER-LOM's LOMv1.0 vocabulary" in finding.message
    assert "'Author'" in (finding.hint or "")


# -- ScoLOMFR concepts -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("element", "value", "expected"),
    [
        ("educational.context", f"{SCO}scolomfr-voc-012-num-002", None),
        ("educational.context", f"{SCO}scolomfr-voc-010-num-020", "scolomfr-voc-010"),
        ("educational.intendedEndUserRole", f"{SCO}learner", None),
        ("educational.context", f"{SCO}learner", "scolomfr-voc-011"),  # a nominal concept
        ("rights.copyrightAndOtherRestrictions", f"{SCO}yes_2", None),
        ("rights.copyrightAndOtherRestrictions", f"{SCO}yes", "scolomfr-voc-026"),  # cost's
        ("educational.context", f"{SCO}not-a-known-concept", None),  # unknown: not judged
        ("classification.purpose", f"{SCO}scolomfr-voc-028-num-003", None),
    ],
)
def test_scolomfr_concept_of_another_vocabulary(
    element: str, value: str, expected: str | None
) -> None:
    found = findings(lom(term(element, value, "SCOLOMFRv2.1")), "STD003")
    if expected is None:
        assert found == []
        return
    [finding] = found
    assert finding.rule == "STD003"
    assert f"is a concept of the ScoLOMFR vocabulary {expected}" in finding.message
    assert f", the vocabulary of {element}" in finding.message


def test_scolomfr_taxons_from_another_vocabulary_than_their_source_are_one_finding() -> None:
    taxa = [
        Term(
            value=label,
            id=f"{SCO}scolomfr-voc-022-num-{number}",
            source=f"{SCHEME}scolomfr-voc-015",
            element="classification.taxonPath.taxon",
            location=Location(line=line),
        )
        for label, number, line in (("collège", "016", 30), ("4e", "021", 40))
    ]
    matching = Term(
        value="arts",
        id=f"{SCO}scolomfr-voc-015-num-1230",
        source=f"{SCHEME}scolomfr-voc-015",
        element="classification.taxonPath.taxon",
    )
    record = Record(source_format="lom", subjects=(*taxa, matching))
    [finding] = findings(record, "STD003")
    assert finding.message == (
        f"classification.taxonPath.taxon value '{SCO}scolomfr-voc-022-num-016' is a concept of "
        "the ScoLOMFR vocabulary scolomfr-voc-022 (NiveauDétaillé), not of the vocabulary its "
        "taxonPath source names, scolomfr-voc-015 (DomaineEnseignement) (2 such values; the "
        "first is located)"
    )
    assert finding.location.line == 30
    assert finding.field == "subjects"


def test_scolomfr_taxons_under_a_source_that_names_no_vocabulary_are_not_judged() -> None:
    taxon = Term(
        value="4e",
        id=f"{SCO}scolomfr-voc-022-num-021",
        source="ScoLomFr Vocabulaire22",
        element="classification.taxonPath.taxon",
    )
    assert findings(Record(source_format="lom", educational_levels=(taxon,)), "STD003") == []


# -- durations typed by their profile ------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "profiles", "expected"),
    [
        ("00:31:33", ("hs-oer-lom",), None),
        ("PT31M33S", ("hs-oer-lom",), None),
        ("00:31:33", (), "is not an ISO 8601 duration"),
        ("31 min", ("hs-oer-lom",), "nor a clock time (hh:mm:ss), the type its profile gives it"),
    ],
)
def test_a_duration_typed_as_a_clock_time_by_its_profile(
    value: str, profiles: tuple[str, ...], expected: str | None
) -> None:
    duration = Duration(value=value, element="technical.duration")
    found = findings(
        Record(source_format="lom", durations=(duration,), profiles=profiles), "STD004"
    )
    assert [f.message for f in found if expected and expected in f.message] == [
        f.message for f in found
    ]
    assert len(found) == (1 if expected else 0)


def test_a_learning_time_is_not_typed_as_a_clock_time() -> None:
    duration = Duration(value="00:31:33", element="educational.typicalLearningTime")
    record = Record(source_format="lom", durations=(duration,), profiles=("hs-oer-lom",))
    assert [f.rule for f in findings(record, "STD004")] == ["STD004"]


def test_an_nl_lom_czp_type_names_its_vocabulary_and_tokens() -> None:
    source = NL + "vdex_learningresourcetype_czp_20060628.xml"
    record = lom(term("educational.learningResourceType", "information resource", source))
    [finding] = findings(record, "STD003")
    assert finding.message == (
        "educational.learningResourceType value 'information resource' is not in the "
        f"{source} vocabulary"
    )
    assert "informatiebron" in finding.hint


def test_an_lre_value_in_another_case_is_std007_naming_lrev3() -> None:
    found = oer_meta.check(
        lom(term("educational.learningResourceType", "Image", "LREv3.0"), profiles=("lom-ch",)),
        select=["STD003", "STD007"],
    )
    assert [(f.rule, "LREv3.0" in f.message, "'image'" in f.message) for f in found] == [
        ("STD007", True, True)
    ]
