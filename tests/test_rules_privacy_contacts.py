"""PRIV001 on every way a person's contact appears (issue 9, section 5): FOAF agents in
DCMI terms, a schema.org Person's contactPoint, and e-mail addresses and telephone
numbers written in free text (descriptions, rights statements, names); and the
free-text detector itself, with property tests.

vCard TYPE parameters, schema.org ``email``/``telephone`` and Dublin Core literals are
in tests/test_rules_privacy.py.  Every address and number here is invented
(example.org, example.net; +44 7700 900xxx and 555 numbers are reserved for fiction).
"""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import oer_meta
from oer_meta.knowledge.privacy import contacts_in_text, emails_in, judge_text, named_in
from oer_meta.model import Agent, LicenceStatement, Record, Text

Fired = list[tuple[str, str, str | None]]


def fired(source: str | Record) -> Fired:
    """(rule, severity, field) of each PRIV001/PRIV003 finding."""
    if isinstance(source, Record):
        found = oer_meta.check(source, select=["PRIV001"])
    else:
        found = oer_meta.validate(source, select=["PRIV001"]).findings
    return [(f.rule, f.severity.value, f.field) for f in found]


# -- FOAF agents in DCMI terms -------------------------------------------------------------

FOAF = """<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  xmlns:dcterms="http://purl.org/dc/terms/" xmlns:foaf="http://xmlns.com/foaf/0.1/">
  <rdf:Description rdf:about="https://example.org/lesson/1">
    <dcterms:title>Fractions</dcterms:title>
    {agents}
  </rdf:Description>
</rdf:RDF>"""


def foaf(agents: str) -> str:
    return FOAF.replace("{agents}", agents)


def test_a_foaf_persons_mbox_and_phone_are_personal() -> None:
    text = foaf(
        """<dcterms:creator><foaf:Person><foaf:name>Jane Doe</foaf:name>
          <foaf:mbox rdf:resource="mailto:jane.doe@example.org"/>
          <foaf:phone rdf:resource="tel:+44-7700-900123"/></foaf:Person></dcterms:creator>"""
    )
    report = oer_meta.validate(text, select=["PRIV001"])
    assert [(f.rule, f.severity.value, f.field) for f in report.findings] == [
        ("PRIV001", "warning", "contributors.email"),
        ("PRIV001", "warning", "contributors.telephone"),
    ]
    assert "j…@example.org" in report.findings[0].message
    assert "7700" not in report.findings[1].message


def test_a_foaf_organisations_mailbox_is_not() -> None:
    text = foaf(
        """<dcterms:publisher><foaf:Organization><foaf:name>Example Press</foaf:name>
          <foaf:mbox rdf:resource="mailto:orders@example.org"/>
          <foaf:phone rdf:resource="tel:+1-555-0100"/></foaf:Organization></dcterms:publisher>
        <dcterms:creator><foaf:Person><foaf:name>Jane Doe</foaf:name>
          <foaf:mbox rdf:resource="mailto:info@example.org"/></foaf:Person></dcterms:creator>"""
    )
    assert fired(text) == []


# -- schema.org contactPoint of a Person ----------------------------------------------------


def jsonld(**properties: object) -> str:
    record = {"@context": "https://schema.org/", "@type": "LearningResource", "name": "Fractions"}
    record.update(properties)
    return json.dumps(record)


def test_a_persons_contact_point_is_personal() -> None:
    text = jsonld(
        author={
            "@type": "Person",
            "name": "Jane Doe",
            "contactPoint": {
                "@type": "ContactPoint",
                "contactType": "personal",
                "email": "jane.doe@example.org",
                "telephone": "+44 7700 900123",
            },
        }
    )
    report = oer_meta.validate(text, select=["PRIV001"])
    assert [(f.field, f.severity.value) for f in report.findings] == [
        ("contributors.email", "warning"),
        ("contributors.telephone", "warning"),
    ]
    assert report.findings[0].location.path == "/author"


def test_an_organisations_contact_point_is_not() -> None:
    text = jsonld(
        publisher={
            "@type": "Organization",
            "name": "Example Press",
            "contactPoint": {"@type": "ContactPoint", "email": "jane.doe@example.org"},
        }
    )
    # an organisation's contact given as a person's mailbox: information only
    assert fired(text) == [("PRIV003", "info", "publishers.email")]


# -- free text -------------------------------------------------------------------------------

AUTHOR = Agent(role="author", name="Edwards, A.R.", kind="person")
PUBLISHER = Agent(role="publisher", name="Example Folklife Center", kind="organization")


def record(
    description: str = "",
    rights: str = "",
    title: str = "Fractions",
    agents: tuple[Agent, ...] = (AUTHOR, PUBLISHER),
) -> Record:
    return Record(
        source_format="dc",
        titles=(Text(value=title),),
        descriptions=(Text(value=description),) if description else (),
        licences=(LicenceStatement(raw=rights),) if rights else (),
        contributors=tuple(a for a in agents if a.role != "publisher"),
        publishers=tuple(a for a in agents if a.role == "publisher"),
    )


def test_an_address_named_after_a_contributor_is_personal() -> None:
    found = oer_meta.check(
        record("A study by Arthur Edwards, Example University edwards@example.org. Summary."),
        select=["PRIV001"],
    )
    [finding] = found
    assert (finding.rule, finding.severity.value, finding.field) == (
        "PRIV001",
        "warning",
        "descriptions",
    )
    assert finding.message.startswith("the description gives a personal e-mail address")
    assert "e…@example.org" in finding.message and "edwards@" not in finding.message
    assert "'Edwards, A.R.'" in finding.message
    assert finding.hint is not None and "contributor fields" in finding.hint


@pytest.mark.parametrize(
    "address",
    [
        "a.edwards@example.org",
        "aredwards@example.org",
        "edwards.a@example.org",
        "Edwards@example.org",
    ],
)
def test_forms_of_a_contributors_name_in_a_mailbox(address: str) -> None:
    assert fired(record(f"Questions to {address}")) == [("PRIV001", "warning", "descriptions")]


@pytest.mark.parametrize(
    "text",
    [
        # an organisation's postal and contact block, as UCLA's dc:rights gives it
        "Example Library Special Collections, Box 123, Springfield 12345. "
        "Email: spec-coll@library.example.org. Phone: (555) 825-4974",
        # a unit named after the publisher (folklife@ for Example Folklife Center)
        "Please contact the reading room: folklife@example.org ; 555-707-5510.",
        # role mailboxes, with a switchboard
        "Contact: info@example.org, Tél : +33(0)4 67 14 30 30 - Fax : +33(0)4 67 14 30 31",
        "Registration: [training@example.org](mailto:training@example.org)",
        # shapes that are no contact detail at all
        "ISBN 978-3-16-148410-0; DOI 10.1002/aenm.201301612; HAL hal-01234567; 1501/1700",
        "Requires pkg@1.2.3 and numpy>=1.21; follow @jane@example.social; (MET@RISK)",
        "Cell division 2019-2020; mobile operators; home 2020-01-01; tel que 12.5 %",
        "64410294 Example Student",  # a student number: a number with no label
        "build 2.0+44123456789, isbn+9783161484100",  # a "+" inside a longer token
    ],
)
def test_organisational_and_non_contact_text_is_silent(text: str) -> None:
    assert fired(record(text)) == []
    assert fired(record(rights=text)) == []


def test_a_dotted_given_family_address_nobody_in_the_record_owns_is_information() -> None:
    text = "Questions: jane.doe@example.org"
    assert fired(record(text)) == [("PRIV003", "info", "descriptions")]
    # named after a person of the record: a warning
    jane = Agent(role="author", name="Jane Doe")
    assert fired(record(text, agents=(jane,))) == [("PRIV001", "warning", "descriptions")]
    # named after an organisation of the record (its words): not reported
    press = Agent(role="publisher", name="Example Jane Doe Press", kind="organization")
    assert fired(record(text, agents=(press,))) == []


def test_a_number_labelled_mobile_or_home_is_personal() -> None:
    for text in (
        "Call the author, mobile: +44 7700 900123",
        "Handy 0171 1234567",
        "Tel. (home) 555 0100 123",
    ):
        found = oer_meta.check(record(text), select=["PRIV001"])
        assert [(f.rule, f.field) for f in found] == [("PRIV001", "descriptions")], text
        assert "telephone number" in found[0].message
        assert "7700" not in found[0].message and "1234567" not in found[0].message


def test_a_number_beside_a_persons_address_is_counted_with_it() -> None:
    text = "Arthur Edwards, edwards@example.org, Tel. +44 20 7946 0958"
    found = oer_meta.check(record(text), select=["PRIV001"])
    assert [(f.rule, f.severity.value, f.field) for f in found] == [
        ("PRIV001", "warning", "descriptions"),
        ("PRIV001", "warning", "descriptions"),
    ]
    assert "telephone number" in found[1].message and "next to a person's" in found[1].message
    # beside a possibly personal address only: information, like the address
    maybe = "jane.doe@example.org, Tel. +44 20 7946 0958"
    assert fired(record(maybe)) == [("PRIV003", "info", "descriptions")] * 2


def test_titles_and_rights_statements_are_searched_and_located() -> None:
    found = oer_meta.check(
        record(
            title="Notes by Edwards (edwards@example.org)", rights="© Edwards, edwards@example.org"
        ),
        select=["PRIV001"],
    )
    assert [(f.field, f.message.split(" gives")[0]) for f in found] == [
        ("titles", "the title"),
        ("licences", "the rights statement"),
    ]


def test_an_address_written_into_a_name_is_the_agents_own() -> None:
    dc = """<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
        xmlns:dc="http://purl.org/dc/elements/1.1/">
      <dc:title>Fractions</dc:title>
      <dc:creator>Doe, Jane, mobile +44 7700 900123</dc:creator>
    </oai_dc:dc>"""
    assert fired(dc) == [("PRIV001", "warning", "contributors.telephone")]
    lom = """<lom xmlns="http://ltsc.ieee.org/xsd/LOM"><lifeCycle><contribute>
      <role><source>LOMv1.0</source><value>author</value></role>
      <entity>BEGIN:VCARD VERSION:3.0 FN:Jane Doe jane.doe@example.org END:VCARD</entity>
    </contribute></lifeCycle></lom>"""
    assert fired(lom) == [("PRIV001", "warning", "contributors.email")]


def test_reports_never_repeat_a_whole_address_or_number() -> None:
    text = "Arthur Edwards, edwards@example.org, mobile +44 7700 900123"
    report = oer_meta.check(record(text), select=["PRIV"])
    for finding in report:
        assert "edwards@" not in finding.message and "900123" not in finding.message


# -- the detector ------------------------------------------------------------------------


def test_contacts_in_text_finds_addresses_and_labelled_numbers() -> None:
    found = contacts_in_text(
        "Write to mailto://jane.doe+oer@example.co.uk. Tél : +33 (0)4 67 14 30 30, "
        "portable 06 12 34 56 78, Phone no. (555) 825-4974, tel:+15550100"
    )
    assert [(c.kind, c.value, c.types) for c in found] == [
        ("email", "jane.doe+oer@example.co.uk", ()),
        ("phone", "+33 (0)4 67 14 30 30", ()),
        ("phone", "06 12 34 56 78", ("cell",)),
        ("phone", "(555) 825-4974", ()),
        ("phone", "+15550100", ()),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "ISBN 978-3-16-148410-0; ISSN 1234-5678; DOI 10.1002/aenm.201301612",
        "hal-01234567, urn:nbn:de:0000-1234567, ark:/21198/zz0026hvdk, 90-9014980-5",
        "Dated 2020-01-01, 01/02/2020, 1501/1700, 2019 - 2020; version 1.2.3.4567",
        "build 2.0+44123456789, isbn+9783161484100, x+33 4 67 14 30 30",
        "tel que 12,5 %; the cell line HC11; mobile 2019-2020; home 2020-01-01",
        "pkg@1.2.3, @jane@example.social, (MET@RISK), a@b, user@localhost",
        "64410294 Example Student",
    ],
)
def test_the_detector_finds_nothing_in_identifiers_dates_and_versions(text: str) -> None:
    assert contacts_in_text(text) == []


def test_judge_text_needs_evidence_of_a_person() -> None:
    named = named_in([AUTHOR, PUBLISHER])
    assert "edwards" in named.people and "folklife" in named.organisations
    verdicts = judge_text(contacts_in_text("edwards@example.org, Tel. 555 0100 123"), named)
    assert [(v.contact.kind, v.certain) for v in verdicts] == [("email", True), ("phone", True)]
    assert judge_text(contacts_in_text("x9@example.org, Tel. 555 0100 123"), named) == []


_PIECES = st.sampled_from(
    [
        "a", "Z", "é", "ж", ".", "-", "_", "+", "@", "(", ")", "/", ":", " ", "\n", "1",
        "07", "555", "+44", "Tel", "tél", "mobile", "Handy", "home", "mailto:", "example",
        ".org", ".co", "jane.doe", "@@", "&#64;", "\ud800",
    ]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=60).map("".join))
@settings(max_examples=400)
def test_the_detector_never_raises_and_finds_only_what_is_written(text: str) -> None:
    found = contacts_in_text(text)
    for contact in found:
        if contact.kind == "email":
            assert contact.value in text and "@" in contact.value
        else:
            digits = sum(c.isdigit() for c in contact.value)
            assert contact.value in text and 7 <= digits <= 15
    assert [c.value for c in found if c.kind == "email"] == emails_in(text)
    judge_text(found, named_in([AUTHOR, PUBLISHER]))


@pytest.mark.parametrize(
    "text",
    [
        "1" * 200_000,
        "1 " * 100_000,
        "(1)-" * 50_000,
        "a." * 100_000 + "@",
        "@" * 200_000,
        "a@" * 100_000,
        ("x" * 63 + "@") * 3_000,
        "a@b" + ".c1" * 60_000,
        "Tel " * 50_000 + "1",
        "+" + "1 " * 100_000,
    ],
    ids=lambda t: repr(t[:12]),
)
def test_the_detector_takes_bounded_time_on_long_hostile_text(text: str) -> None:
    started = time.perf_counter()
    contacts_in_text(text)
    assert time.perf_counter() - started < 2.0
