"""The LIC rules on records built directly and on records read from every format."""

from __future__ import annotations

import pytest

import oer_meta
from oer_meta.model import (
    Agent,
    Identifier,
    LicenceStatement,
    Record,
    Relation,
    Term,
    Text,
)

CC = "https://creativecommons.org/licenses/"
BY_4 = CC + "by/4.0/"


def record(*statements: tuple[str, str], **changes: object) -> Record:
    """A record complete for attribution, with the given (field, raw) statements."""
    base = Record(
        source_format="dc",
        identifiers=[Identifier(value="https://example.org/lesson/1")],
        titles=[Text(value="Photosynthesis", language="en")],
        contributors=[Agent(role="creator", name="Ada Example")],
        licences=[LicenceStatement(raw=raw, field=field) for field, raw in statements],
    )
    return base.model_copy(update=changes)


def codes(rec: Record, select: str = "LIC") -> list[str]:
    return [f.rule for f in oer_meta.check(rec, select=[select])]


def findings(rec: Record, code: str) -> list[oer_meta.Finding]:
    return oer_meta.check(rec, select=[code])


def test_a_clean_cc_by_record_passes_every_lic_rule() -> None:
    assert codes(record(("dcterms:license", BY_4), ("dc:rights", "CC BY 4.0"))) == []


def test_cc0_and_mit_and_or_expressions_are_open() -> None:
    for raw in (
        "https://creativecommons.org/publicdomain/zero/1.0/",
        "https://opensource.org/licenses/MIT",
        "CC-BY-SA-4.0 OR CC-BY-NC-4.0",
    ):
        assert codes(record(("dcterms:license", raw))) == [], raw


def test_lic001_no_statement_at_all() -> None:
    [finding] = findings(record(), "LIC001")
    assert finding.severity.value == "error"
    assert [int(a) for a in finding.areas] == [1, 2]
    assert "no licence" in finding.message
    assert BY_4 in (finding.hint or "")


def test_lic001_access_statement_is_not_a_licence() -> None:
    [finding] = findings(record(("dc:rights", "info:eu-repo/semantics/openAccess")), "LIC001")
    assert "access" in finding.message


def test_lic001_names_the_lom_flag_when_it_is_all_there_is() -> None:
    rec = record(copyright_restrictions=Term(value="yes", source="LOMv1.0"))
    [finding] = findings(rec, "LIC001")
    assert "copyrightAndOtherRestrictions" in finding.message


def test_lic002_terms_page_and_prose_are_unrecognised() -> None:
    rec = record(
        ("dc:rights", "http://www.purplemath.com/terms.htm"), ("dc:rights", "Mentionner la source")
    )
    found = findings(rec, "LIC002")
    assert len(found) == 2
    assert all(f.severity.value == "warning" for f in found)
    assert "'http://www.purplemath.com/terms.htm'" in found[0].message


def test_lic002_is_silent_when_another_statement_names_a_licence() -> None:
    rec = record(("dc:rights", "Engineering Program, Example University"), ("dc:rights", BY_4))
    assert findings(rec, "LIC002") == []


@pytest.mark.parametrize(
    "raw",
    [
        "https://creativecommons.org/licenses/by-nc-nd/4.0/",
        "CC BY-ND 3.0 DE",
        "All rights reserved",
        "Tous droits réservés",
        "Alle Rechte vorbehalten",
        "Copyright 2004 Example Ltd",
        "Educational use only",
    ],
)
def test_lic003_not_open(raw: str) -> None:
    [finding] = findings(record(("dc:rights", raw)), "LIC003")
    assert finding.severity.value == "error"
    assert repr(raw) in finding.message
    assert "https://creativecommons.org/licenses/by" in (finding.hint or "")


def test_lic003_message_says_what_was_read_and_concluded() -> None:
    [finding] = findings(record(("dc:rights", "CC BY-NC-ND 3.0 DE")), "LIC003")
    said = "read 'CC BY-NC-ND 3.0 DE' from dc:rights → CC-BY-NC-ND-3.0-DE"
    assert finding.message.startswith(said)
    assert finding.hint == "drop NoDerivatives: e.g. " + CC + "by-nc/4.0/"


def test_lic003_a_licence_beats_a_copyright_notice() -> None:
    rec = record(("dc:rights", "Copyright 2020 Ada Example"), ("dcterms:license", BY_4))
    assert findings(rec, "LIC003") == []


def test_lic004_noncommercial_is_a_warning_with_the_nc_free_licence_as_hint() -> None:
    [finding] = findings(
        record(("dcterms:license", "https://creativecommons.org/licenses/by-nc-sa/4.0/")), "LIC004"
    )
    assert finding.severity.value == "warning"
    assert "https://creativecommons.org/licenses/by-sa/4.0/" in (finding.hint or "")


def test_lic005_free_text_only() -> None:
    name = "Creative Commons Attribution-ShareAlike 4.0 International"
    rec = record(("lom:rights/description", name))
    [finding] = findings(rec, "LIC005")
    assert "https://creativecommons.org/licenses/by-sa/4.0/" in (finding.hint or "")
    rec = record(("lom:rights/description", "CC Paternité, pas d'utilisation commerciale"))
    [finding] = findings(rec, "LIC005")
    assert "version" in (finding.hint or "")


def test_lic005_is_silent_when_a_url_or_spdx_id_is_given() -> None:
    assert findings(record(("dc:rights", "CC BY 4.0"), ("dc:rights", BY_4)), "LIC005") == []
    assert findings(record(("dc:rights", "CC-BY-4.0")), "LIC005") == []


def test_lic006_two_licences_disagree() -> None:
    rec = record(
        ("dc:rights", "CC BY-SA 4.0"),
        ("dcterms:license", "https://creativecommons.org/licenses/by-nc/4.0/"),
    )
    [finding] = findings(rec, "LIC006")
    assert "CC BY-SA 4.0" in finding.message and "by-nc" in finding.message


def test_lic006_a_name_and_url_of_the_same_licence_agree_even_without_version() -> None:
    rec = record(
        ("dc:rights", "Creative Commons Attribution-NonCommercial 3.0 Unported License"),
        ("dc:rights", "http://creativecommons.org/licenses/by-nc/3.0/"),
    )
    assert findings(rec, "LIC006") == []
    rec = record(
        ("dc:rights", "CC Paternité, pas d'utilisation commerciale"),
        ("dc:rights", "https://creativecommons.org/licenses/by-nc/4.0/"),
    )
    assert findings(rec, "LIC006") == []


def test_lic006_versions_that_differ_conflict() -> None:
    rec = record(
        ("dc:rights", "CC BY-NC-SA 2.0"),
        ("dc:rights", "https://creativecommons.org/licenses/by-nc-sa/3.0/fr/"),
    )
    assert len(findings(rec, "LIC006")) == 1


def test_lic006_licence_next_to_all_rights_reserved() -> None:
    rec = record(("dc:rights", BY_4), ("dc:rights", "All rights reserved"))
    [finding] = findings(rec, "LIC006")
    assert "All rights reserved" in finding.message


def test_lic006_lom_flag_no_with_an_nd_licence() -> None:
    rec = record(
        ("lom:rights/description", "https://creativecommons.org/licenses/by-nd/4.0/"),
        copyright_restrictions=Term(value="no", source="LOMv1.0"),
    )
    [finding] = findings(rec, "LIC006")
    assert "copyrightAndOtherRestrictions says 'no'" in finding.message
    flag_no_cc0 = record(
        ("lom:rights/description", "https://creativecommons.org/publicdomain/zero/1.0/"),
        copyright_restrictions=Term(value="no", source="LOMv1.0"),
    )
    assert findings(flag_no_cc0, "LIC006") == []


def test_lic007_older_cc_version_is_info_with_the_4_0_deed() -> None:
    old = record(("dc:rights", "http://creativecommons.org/licenses/by-sa/3.0/fr/"))
    [finding] = findings(old, "LIC007")
    assert finding.severity.value == "info"
    assert "https://creativecommons.org/licenses/by-sa/4.0/" in (finding.hint or "")
    assert findings(record(("dc:rights", BY_4)), "LIC007") == []


def _based_on(target: str | None, licence: str | None) -> Relation:
    licences = [LicenceStatement(raw=licence, field="schema:license")] if licence else []
    return Relation(kind="isBasedOn", target=target, licences=licences)


@pytest.mark.parametrize(
    ("mine", "source", "fires"),
    [
        (CC + "by-sa/4.0/", CC + "by-nc/4.0/", True),
        (CC + "by/4.0/", CC + "by-nd/4.0/", True),
        (CC + "by-sa/4.0/", CC + "by-nc-sa/4.0/", True),
        (CC + "by/4.0/", CC + "by-sa/4.0/", True),
        (CC + "by-sa/4.0/", CC + "by/4.0/", False),
        (CC + "by-nc-sa/4.0/", CC + "by-nc/4.0/", False),
        (CC + "by/4.0/", "https://creativecommons.org/publicdomain/zero/1.0/", False),
        (CC + "by/4.0/", "see the original site", False),
    ],
)
def test_lic009_inline_source_licences(mine: str, source: str, fires: bool) -> None:
    relation = _based_on("https://example.org/original", source)
    rec = record(("schema:license", mine), relations=[relation])
    assert bool(findings(rec, "LIC009")) is fires


def test_lic009_ignores_relations_that_are_not_adaptations() -> None:
    relation = Relation(
        kind="hasPart",
        target="https://example.org/part",
        licences=[LicenceStatement(raw=CC + "by-nd/4.0/", field="schema:license")],
    )
    assert findings(record(("schema:license", BY_4), relations=[relation]), "LIC009") == []


def _jsonld(ident: str, licence: str, based_on: str | None = None) -> dict[str, object]:
    doc: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "id": ident,
        "name": "A lesson",
        "creator": {"@type": "Person", "name": "Ada Example"},
        "license": {"id": licence},
    }
    if based_on:
        doc["isBasedOn"] = based_on
    return doc


def test_lic009_across_a_batch_finds_the_source_record() -> None:
    original = _jsonld("https://example.org/a", "https://creativecommons.org/licenses/by-nc/4.0/")
    remix = _jsonld(
        "https://example.org/b",
        "https://creativecommons.org/licenses/by-sa/4.0/",
        based_on="http://www.example.org/a/",
    )
    report = oer_meta.validate([original, remix], select=["LIC009"])
    by_record = [[f.rule for f in r.findings] for r in report.results]
    assert by_record == [[], ["LIC009"]]
    lazy = list(oer_meta.validate_many([original, remix], select=["LIC009"]))
    assert [r.findings for r in lazy] == [[], []]


def test_lic010_cost_and_access_barriers() -> None:
    rec = record(("dc:rights", BY_4), cost=[Term(value="yes", source="LOMv1.0", element="cost")])
    [finding] = findings(rec, "LIC010")
    assert finding.severity.value == "error"
    assert "cost" in finding.message
    barrier = Term(value="Free access with registration")
    rec = record(("dc:rights", BY_4), access_conditions=[barrier])
    [finding] = findings(rec, "LIC010")
    assert (finding.rule, finding.severity.value) == ("LIC012", "warning")
    free = [Term(value="Free access"), Term(value="Free access, no registration")]
    rec = record(("dc:rights", BY_4), cost=[Term(value="no")], access_conditions=free)
    assert findings(rec, "LIC010") == []


def test_lic010_reads_is_accessible_for_free_false() -> None:
    doc = _jsonld("https://example.org/a", BY_4)
    doc["isAccessibleForFree"] = False
    report = oer_meta.validate(doc, select=["LIC010"])
    assert [f.rule for f in report.findings] == ["LIC010"]


def test_lic011_retired_cc_and_deprecated_spdx() -> None:
    sampling = record(("dc:rights", "http://creativecommons.org/licenses/sampling+/1.0/"))
    [retired] = findings(sampling, "LIC011")
    assert (retired.rule, retired.severity.value) == ("LIC011", "warning")
    [old_id] = findings(record(("dc:rights", "GPL-3.0")), "LIC011")
    assert (old_id.rule, old_id.severity.value) == ("LIC013", "info")
    assert old_id.hint == "use GPL-3.0-only"


DC = """<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:title>Photosynthesis</dc:title>
  <dc:creator>Ada Example</dc:creator>
  <dc:identifier>https://example.org/lesson/1</dc:identifier>
  <dc:rights>{rights}</dc:rights>
</oai_dc:dc>"""


def test_dc_record_end_to_end_reports_location_and_fields() -> None:
    report = oer_meta.validate(DC.format(rights="CC BY-NC-ND 3.0 DE"), select=["LIC"])
    by_rule = {f.rule: f for f in report.findings}
    assert "LIC003" in by_rule
    assert by_rule["LIC003"].location.line == 6
    record_json = report.to_dict()["results"][0]["record"]
    assert record_json["licences"] == [
        {
            "raw": "CC BY-NC-ND 3.0 DE",
            "spdx": "CC-BY-NC-ND-3.0-DE",
            "url": "https://creativecommons.org/licenses/by-nc-nd/3.0/de/",
            "openness": "not-open",
        }
    ]


LOM = """<lom xmlns="http://ltsc.ieee.org/xsd/LOM">
  <general><title><string language="en">Photosynthesis</string></title></general>
  <rights>
    <copyrightAndOtherRestrictions><source>LOMv1.0</source><value>{flag}</value></copyrightAndOtherRestrictions>
    <description><string language="x-none">{rights}</string></description>
  </rights>
</lom>"""


def test_lom_licence_name_in_the_copyright_slot_is_read_as_a_licence() -> None:
    xml = LOM.format(
        flag="CC Attribution-NonCommercial-ShareAlike 4.0 International license",
        rights="https://creativecommons.org/licenses/by-nc-sa/4.0/",
    )
    rec = oer_meta.read(xml)
    fields = [(s.field, s.spdx) for s in rec.licences]
    assert ("lom:rights/lom:copyrightAndOtherRestrictions", "CC-BY-NC-SA-4.0") in fields
    assert codes(rec, "LIC006") == []


def test_lic008_names_each_missing_tasl_part() -> None:
    rec = record(("dcterms:license", BY_4), contributors=[], identifiers=[])
    [finding] = findings(rec, "LIC008")
    assert finding.message.endswith("the record gives no author, no source")
    assert "dc:creator" in (finding.hint or "") and "DOI" in (finding.hint or "")


def test_lic008_rights_holder_and_doi_complete_the_attribution() -> None:
    rec = record(
        ("dcterms:license", BY_4),
        contributors=[Agent(role="publisher", name="Example Press")],
        rights_holders=[Agent(role="rightsHolder", name="Example University")],
        identifiers=[Identifier(value="doi:10.1234/abc")],
    )
    assert findings(rec, "LIC008") == []


def test_lic008_skips_public_domain_and_not_open() -> None:
    for raw in ("https://creativecommons.org/publicdomain/zero/1.0/", "All rights reserved"):
        assert findings(record(("dc:rights", raw), contributors=[]), "LIC008") == []


# --- rights as people write them (issue 9) ------------------------------------------------


@pytest.mark.parametrize("raw", ["N/A", "none", "-", "unknown", "http://example.com/license"])
def test_lic001_a_value_standing_for_nothing_or_a_placeholder_states_no_licence(raw: str) -> None:
    rec = record(("dc:rights", raw))
    [finding] = findings(rec, "LIC001")
    assert f"read {raw!r} from dc:rights" in finding.message
    assert finding.message.endswith("no licence is stated")
    assert findings(rec, "LIC002") == []


def test_lic001_placeholder_message_says_placeholder() -> None:
    [finding] = findings(record(("dc:rights", "https://www.example.org/terms.html")), "LIC001")
    assert "placeholder" in finding.message


def test_lic002_encyclopedia_article_is_not_a_licence() -> None:
    [finding] = findings(
        record(("dc:rights", "http://en.wikipedia.org/wiki/Public_domain")), "LIC002"
    )
    assert "encyclopedia article ('Public domain' on en.wikipedia.org)" in finding.message


def test_lic006_copyright_yes_next_to_a_public_domain_claim() -> None:
    rec = record(
        (
            "lom:rights/lom:description",
            "Public Domain - http://en.wikipedia.org/wiki/Public_domain",
        ),
        copyright_restrictions=Term(value="yes", source="LOMv1.0"),
    )
    [finding] = findings(rec, "LIC006")
    assert finding.message.startswith("copyrightAndOtherRestrictions says 'yes', but read")
    assert "public-domain work" in finding.message
    assert finding.field == "copyright_restrictions"


def test_lic006_copyright_yes_next_to_a_licence_is_correct_lom() -> None:
    rec = record(
        ("lom:rights/lom:description", BY_4),
        copyright_restrictions=Term(value="yes", source="LOMv1.0"),
    )
    assert findings(rec, "LIC006") == []


NC_PROSE = "Uso educativo no comercial. Es obligada la referencia a la fuente."


def test_lic006_non_commercial_prose_restates_an_nc_licence() -> None:
    lomes = "creative commons: attribution - non commercial - share alike"
    rec = record(
        ("lom:rights/lom:description", NC_PROSE),
        ("lom:rights/lom:copyrightAndOtherRestrictions", lomes),
    )
    assert findings(rec, "LIC006") == []
    assert codes(rec, "LIC004") == ["LIC004"]


def test_lic006_non_commercial_prose_next_to_a_commercial_licence_conflicts() -> None:
    rec = record(("lom:rights/lom:description", NC_PROSE), ("dcterms:license", BY_4))
    [finding] = findings(rec, "LIC006")
    assert "but read 'Uso educativo no comercial." in finding.message


def test_lic006_educational_prose_next_to_an_nc_licence_still_conflicts() -> None:
    rec = record(("dc:rights", "For educational use only"), ("dcterms:license", CC + "by-nc/4.0/"))
    assert codes(rec, "LIC006") == ["LIC006"]


QDC_EDM = """<qdc xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:dcterms="http://purl.org/dc/terms/" xmlns:edm="http://www.europeana.eu/schemas/edm/">
  <dc:title>Harbour at dusk</dc:title>
  <dc:creator>Ada Example</dc:creator>
  <dc:identifier>https://example.org/photo/7</dc:identifier>
  <edm:rights>{rights}</edm:rights>
</qdc>"""


def test_edm_rights_is_read_as_a_rights_statement() -> None:
    rec = oer_meta.read(QDC_EDM.format(rights="http://rightsstatements.org/page/InC-EDU/1.0/"))
    [statement] = rec.licences
    assert (statement.field, statement.url, statement.openness) == (
        "edm:rights",
        "http://rightsstatements.org/vocab/InC-EDU/1.0/",
        "not-open",
    )
    assert statement.licence is not None
    assert "web page; its identifier is" in statement.licence.reason
    assert codes(rec, "LIC001") == []
