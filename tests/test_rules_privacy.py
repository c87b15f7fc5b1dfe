"""The PRIV rules: records built directly, and inline LOM, DC and JSON-LD records.

Every address here is invented (example.org, example.net); the corpus facts are in
tests/corpus/test_corpus_privacy.py.
"""

from __future__ import annotations

import json

import pytest

import oer_meta
from oer_meta.knowledge.privacy import (
    contacts_of,
    individual,
    is_role_address,
    mask,
)
from oer_meta.model import Agent, Annotation, Extension, Location, Record, Text


def vcard(*lines: str) -> str:
    return "\n".join(["BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD"])


def agent_of(raw: str, role: str = "author") -> Agent:
    from oer_meta.knowledge.vcard import agent_from_vcard

    agent = agent_from_vcard(raw, role)
    assert agent is not None
    return agent


AUTHOR_ORCID = Agent(
    role="author",
    name="Jane Doe",
    kind="person",
    identifiers=["https://orcid.org/0000-0002-1825-0097"],
)
AUTHOR_AT_WORK = agent_of(
    vcard(
        "N:Doe;Jane;;;",
        "FN:Jane Doe",
        "ORG:Example University",
        "EMAIL;TYPE=INTERNET:info@example.org",
        "TEL;TYPE=WORK,VOICE:+1 555 0100",
        "ADR;TYPE=WORK,POST:;;1 Campus Road;Springfield;;12345;Utopia",
    )
)
PUBLISHER = agent_of(
    vcard("ORG:Example Press", "EMAIL:editors@example.org", "TEL:+1 555 0199", "ADR:;;2 Main St"),
    "publisher",
)

CLEAN = Record(
    source_format="lom",
    titles=[Text(value="Fractions")],
    contributors=[AUTHOR_ORCID, AUTHOR_AT_WORK],
    publishers=[PUBLISHER],
    rights_holders=[
        Agent(
            name="Example Foundation",
            kind="organization",
            email=["grants@example.org"],
            telephone=["+1 555 0101"],
            address=["3 Main St, Springfield"],
        )
    ],
    extensions=[
        Extension(
            name="{http://ltsc.ieee.org/xsd/LOM}entity",
            value=vcard("FN:Paul Martin", "TITLE:teacher"),
            location=Location(path="/lom:lom/lom:annotation/lom:entity"),
        ),
        Extension(
            name="{http://ltsc.ieee.org/xsd/LOM}description",
            value="Worked well with two classes of 10-11 year-olds; ask contact@example.org",
            location=Location(path="/lom:lom/lom:annotation[2]/lom:description/lom:string"),
        ),
        Extension(name="interactionStatistic", value={"userInteractionCount": 1200}),
    ],
)


def findings(record: Record) -> list[tuple[str, str, str | None]]:
    return [(f.rule, f.severity.value, f.field) for f in oer_meta.check(record, select=["PRIV"])]


def test_a_clean_complete_record_passes_both_rules() -> None:
    assert findings(CLEAN) == []


def with_contributor(agent: Agent) -> Record:
    return CLEAN.model_copy(update={"contributors": [agent]})


# -- PRIV001 on records built directly ---------------------------------------------------


def test_a_persons_own_mailbox_is_reported_masked() -> None:
    agent = agent_of(vcard("N:Doe;Jane;;;", "FN:Jane Doe", "EMAIL:jane.doe@example.org"))
    agent = agent.model_copy(update={"location": Location(file="a.xml", line=12)})
    (finding,) = oer_meta.check(with_contributor(agent), select=["PRIV001"])
    assert (finding.rule, finding.severity.value, finding.field) == (
        "PRIV001",
        "warning",
        "contributors.email",
    )
    assert finding.location == agent.location
    assert "j…@example.org" in finding.message
    assert "jane.doe" not in finding.message  # the report does not spread the address
    assert "'Jane Doe'" in finding.message and "author" in finding.message
    assert finding.hint is not None
    assert "ORCID" in finding.hint and "role address of the organisation" in finding.hint
    assert finding.areas == (oer_meta.ActionArea(1), oer_meta.ActionArea(2))


@pytest.mark.parametrize(
    "address",
    [
        "contact@example.org",
        "info@example.org",
        "INFO@example.org",
        "office@example.org",
        "support@example.org",
        "admin@example.org",
        "webmaster2@example.org",
        "secretariat@example.org",
        "redaction@example.org",
        "noreply@example.org",
        "no-reply@example.org",
        "do-not-reply@example.org",
        "contact-cdi@example.org",
        "info.maths@example.org",
        "kontakt+oer@example.org",
        "example@example.org",
    ],
)
def test_role_mailboxes_of_a_person_are_not_personal(address: str) -> None:
    assert is_role_address(address)
    agent = agent_of(vcard("N:Doe;Jane;;;", "FN:Jane Doe", f"EMAIL:{address}"))
    assert findings(with_contributor(agent)) == []


@pytest.mark.parametrize(
    "address",
    ["jane.doe@example.org", "jdoe@example.org", "j.doe@example.org", "julie.bureau@example.org"],
)
def test_other_mailboxes_are_not_role_addresses(address: str) -> None:
    assert not is_role_address(address)


def test_home_address_and_mobile_phone_are_personal_even_next_to_an_org() -> None:
    agent = agent_of(
        vcard(
            "N:Doe;Jane;;;",
            "ORG:Example University",
            "TEL;TYPE=CELL:+1 555 0111",
            "TEL;TYPE=WORK:+1 555 0100",
            "ADR;TYPE=HOME:;;4 Elm St;Springfield;;12345;Utopia",
            "ADR;TYPE=WORK:;;1 Campus Road;Springfield",
        )
    )
    found = oer_meta.check(with_contributor(agent), select=["PRIV001"])
    assert [(f.field, f.severity.value) for f in found] == [
        ("contributors.telephone", "warning"),
        ("contributors.address", "warning"),
    ]
    assert "(TYPE=CELL)" in found[0].message and "1 555" not in found[0].message
    assert "(TYPE=HOME)" in found[1].message and "Elm" not in found[1].message


def test_vcard_21_style_types_are_read() -> None:
    agent = agent_of(vcard("N:Doe;Jane;;;", "ORG:Example University", "TEL;HOME;VOICE:555"))
    (contact,) = contacts_of(agent)
    assert contact.types == (
        "home",
        "voice",
    )
    assert findings(with_contributor(agent)) == [("PRIV001", "warning", "contributors.telephone")]


def test_work_contacts_without_an_organisation_are_the_persons_own() -> None:
    agent = agent_of(vcard("N:Doe;Jane;;;", "TEL;TYPE=WORK:555", "ADR:;;5 Oak St;Springfield"))
    assert findings(with_contributor(agent)) == [
        ("PRIV001", "warning", "contributors.telephone"),
        ("PRIV001", "warning", "contributors.address"),
    ]


def test_an_untyped_phone_next_to_an_org_is_still_reported() -> None:
    agent = agent_of(vcard("N:Doe;Jane;;;", "ORG:Example University", "TEL:555"))
    assert findings(with_contributor(agent)) == [("PRIV001", "warning", "contributors.telephone")]


def test_an_org_only_vcard_is_organisational_whatever_it_gives() -> None:
    agent = agent_of(vcard("ORG:Example Lab", "EMAIL:lab@example.org", "TEL;TYPE=HOME:555"))
    assert agent.kind == "organization"
    assert findings(with_contributor(agent)) == []


def test_a_given_family_mailbox_of_an_organisation_is_information() -> None:
    agent = agent_of(vcard("ORG:Example Lab", "EMAIL:marie.curie@example.org"))
    assert findings(with_contributor(agent)) == [("PRIV003", "info", "contributors.email")]


@pytest.mark.parametrize(
    ("name", "address", "expected"),
    [
        ("Jane Doe", "jd@example.org", [("PRIV001", "warning", "contributors.email")]),
        ("Doe, Jane", "jd@example.org", [("PRIV001", "warning", "contributors.email")]),
        ("INFIRESSOURCES", "infiressources@example.org", []),
        ("Lycée Example", "cdi.lycee@example.org", []),
        ("Example Team Office", "xyz@example.org", []),
        ("Administrateur langues vivantes", "ana.lopez@example.org",
         [("PRIV001", "warning", "contributors.email")]),
        (None, "xyz@example.org", [("PRIV003", "info", "contributors.email")]),
    ],
)  # fmt: skip
def test_agents_of_unknown_kind_are_judged_from_name_and_mailbox(
    name: str | None, address: str, expected: list[tuple[str, str, str]]
) -> None:
    agent = Agent(role="creator", name=name, email=[address])
    assert agent.kind is None
    assert findings(with_contributor(agent)) == expected


def test_individual_tells_people_from_organisations() -> None:
    assert individual(Agent(name="Marie de la Tour")) is True
    assert individual(Agent(name="Université de Nantes")) is False
    assert individual(Agent(name="ADTE")) is False
    assert individual(Agent(name="Cooking")) is None
    assert individual(Agent(name="Cooking", kind="person")) is True


def test_several_addresses_in_one_value_are_counted() -> None:
    agent = agent_of(vcard("FN:Jane Doe", "EMAIL:ana.lopez@example.org;ben.ode@example.net"))
    (finding,) = oer_meta.check(with_contributor(agent), select=["PRIV001"])
    assert "2 personal e-mail addresses (a…@example.org, b…@example.net)" in finding.message


def test_an_email_property_holding_a_url_is_not_an_address() -> None:
    agent = agent_of(vcard("N:Doe;Jane;;;", "EMAIL:http://example.org/contact-us.html"))
    assert contacts_of(agent) == []
    assert findings(with_contributor(agent)) == []


def test_publishers_and_rights_holders_are_checked_too() -> None:
    person = Agent(name="Jane Doe", kind="person", email=["jane@example.org"], location=None)
    record = CLEAN.model_copy(update={"publishers": [person], "rights_holders": [person]})
    found = oer_meta.check(record, select=["PRIV001"])
    assert [f.field for f in found] == ["publishers.email", "rights_holders.email"]
    assert all(f.location == record.location for f in found)


def test_mask_keeps_one_letter_and_the_domain() -> None:
    assert mask("jane.doe@example.org") == "j…@example.org"


# -- PRIV001 through the readers ---------------------------------------------------------

LOM = """<lom xmlns="http://ltsc.ieee.org/xsd/LOM">
  <general><title><string language="en">Fractions</string></title></general>
  <lifeCycle>
    <contribute>
      <role><source>LOMv1.0</source><value>author</value></role>
      <entity><![CDATA[{author}]]></entity>
    </contribute>
    <contribute>
      <role><source>LOMv1.0</source><value>publisher</value></role>
      <entity><![CDATA[BEGIN:VCARD
VERSION:3.0
FN:Example Press
ORG:Example Press
EMAIL;TYPE=INTERNET:info@example.org
TEL;TYPE=WORK,VOICE:+1 555 0100
ADR;TYPE=WORK,POST:;;1 Main Street;Springfield;;12345;Utopia
END:VCARD]]></entity>
    </contribute>
  </lifeCycle>
  {annotation}
</lom>"""


def lom(author: str, annotation: str = "") -> str:
    return LOM.replace("{author}", author).replace("{annotation}", annotation)


def rules_fired(text: str, select: str = "PRIV") -> list[tuple[str, str, str | None, str | None]]:
    """(rule, severity, field, XPath or JSON Pointer) of each finding."""
    report = oer_meta.validate(text, select=[select])
    return [(f.rule, f.severity.value, f.field, f.location.path) for f in report.findings]


def test_lom_vcard_with_a_personal_email_is_reported_at_its_entity() -> None:
    author = vcard("N:Doe;Jane;;;", "FN:Jane Doe", "ORG:Example University",
                   "EMAIL;TYPE=INTERNET:jane.doe@example.org")  # fmt: skip
    assert rules_fired(lom(author)) == [
        (
            "PRIV001",
            "warning",
            "contributors.email",
            "/lom:lom/lom:lifeCycle/lom:contribute[1]/lom:entity",
        )
    ]


def test_lom_vcard_with_a_role_address_and_work_contacts_is_clean() -> None:
    author = vcard("N:Doe;Jane;;;", "FN:Jane Doe", "ORG:Example University",
                   "EMAIL;TYPE=INTERNET:contact@example.org", "TEL;TYPE=WORK,VOICE:555",
                   "ADR;TYPE=WORK,POST:;;1 Campus Road;Springfield")  # fmt: skip
    assert rules_fired(lom(author)) == []


def test_dc_creator_name_with_mail_is_reported() -> None:
    dc = """<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
        xmlns:dc="http://purl.org/dc/elements/1.1/">
      <dc:title>Fractions</dc:title>
      <dc:creator>Jane Doe &lt;jane.doe@example.org&gt;</dc:creator>
      <dc:contributor>Doe, J. (mailto:jd@example.net)</dc:contributor>
      <dc:publisher>Example University &lt;info@example.org&gt;</dc:publisher>
      <dc:publisher>Example Press (press@example.org)</dc:publisher>
    </oai_dc:dc>"""
    assert rules_fired(dc) == [
        ("PRIV001", "warning", "contributors.email", "/oai_dc:dc/dc:creator"),
        ("PRIV001", "warning", "contributors.email", "/oai_dc:dc/dc:contributor"),
    ]


def jsonld(**properties: object) -> str:
    record = {"@context": "https://schema.org/", "@type": "LearningResource", "name": "Fractions"}
    record.update(properties)
    return json.dumps(record)


def test_jsonld_person_contacts_are_reported_one_finding_per_kind() -> None:
    text = jsonld(
        creator={
            "@type": "Person",
            "name": "Jane Doe",
            "email": "mailto:jane.doe@example.org",
            "telephone": "+1 555 0111",
            "address": {"@type": "PostalAddress", "streetAddress": "4 Elm St"},
        }
    )
    report = oer_meta.validate(text, select=["PRIV"])
    assert [(f.field, f.severity.value) for f in report.findings] == [
        ("contributors.email", "warning"),
        ("contributors.telephone", "warning"),
        ("contributors.address", "warning"),
    ]
    assert report.findings[0].location.path == "/creator"


def test_jsonld_organisation_and_role_addresses_are_not_reported() -> None:
    text = jsonld(
        creator={"@type": "Person", "name": "Jane Doe", "email": "info@example.org",
                 "identifier": "https://orcid.org/0000-0002-1825-0097"},
        publisher={"@type": "Organization", "name": "Example Press", "email": "orders@example.org",
                   "telephone": "+1 555 0100",
                   "contactPoint": {"@type": "ContactPoint", "email": "sales@example.org"}},
    )  # fmt: skip
    assert rules_fired(text) == []


# -- PRIV002 -------------------------------------------------------------------------------


def annotation(entity: str = "", description: str = "") -> str:
    parts = ["<annotation>"]
    if entity:
        parts.append(f"<entity><![CDATA[{entity}]]></entity>")
    if description:
        parts.append(f'<description><string language="en">{description}</string></description>')
    parts.append("</annotation>")
    return "\n".join(parts)


ANNOTATION = "/lom:lom/lom:annotation"
CLEAN_AUTHOR = vcard("N:Doe;Jane;;;", "FN:Jane Doe", "ORG:Example University")


def test_annotation_by_a_learner_is_an_error() -> None:
    entity = vcard("N:Martin;Léa;;;", "FN:Léa Martin", "TITLE:élève de 5e")
    assert rules_fired(lom(CLEAN_AUTHOR, annotation(entity))) == [
        ("PRIV002", "error", "annotations.entity", ANNOTATION + "/lom:entity")
    ]


def test_annotation_by_someone_with_a_personal_email_is_a_warning() -> None:
    entity = vcard("N:Martin;Paul;;;", "FN:Paul Martin", "EMAIL:paul.martin@example.org")
    report = oer_meta.validate(lom(CLEAN_AUTHOR, annotation(entity)), select=["PRIV"])
    (finding,) = report.findings
    assert (finding.rule, finding.severity.value, finding.field) == (
        "PRIV004",
        "warning",
        "annotations.entity",
    )
    assert "p…@example.org" in finding.message and "paul.martin" not in finding.message


def test_annotation_text_with_pupils_emails_is_an_error() -> None:
    text = "Used with pupils ana.lopez@example.org and ben.ode@example.org"
    (finding,) = oer_meta.validate(lom(CLEAN_AUTHOR, annotation(description=text)),
                                   select=["PRIV002"]).findings  # fmt: skip
    assert (finding.severity.value, finding.field) == ("error", "annotations.descriptions")
    assert "2 e-mail addresses (a…@example.org, b…@example.org)" in finding.message


def test_annotation_text_with_a_teachers_email_is_a_warning() -> None:
    text = "Ask me for the worksheet: paul.martin@example.org"
    assert rules_fired(lom(CLEAN_AUTHOR, annotation(description=text))) == [
        (
            "PRIV004",
            "warning",
            "annotations.descriptions",
            ANNOTATION + "/lom:description/lom:string",
        )
    ]


def test_annotation_by_a_named_teacher_is_not_learner_data() -> None:
    entity = vcard("N:Martin;Paul;;;", "FN:Paul Martin", "TITLE:teacher",
                   "EMAIL:contact@example.org")  # fmt: skip
    text = "Worked well with a class of 25 pupils aged 10-11."
    assert rules_fired(lom(CLEAN_AUTHOR, annotation(entity, text))) == []


def test_a_teacher_of_pupils_is_not_marked_as_a_learner() -> None:
    entity = vcard("N:Martin;Paul;;;", "FN:Paul Martin", "TITLE:Professeur des élèves de 5e")
    assert rules_fired(lom(CLEAN_AUTHOR, annotation(entity))) == []
    learner = vcard("N:Martin;Léa;;;", "FN:Léa Martin", "ROLE:Élève")
    assert [r[1] for r in rules_fired(lom(CLEAN_AUTHOR, annotation(learner)))] == ["error"]


def test_a_class_marked_as_learners_is_not_an_individual() -> None:
    group = vcard("FN:Classe de 5e B", "ROLE:élèves")
    assert rules_fired(lom(CLEAN_AUTHOR, annotation(group))) == []
    with_mail = vcard("FN:Classe de 5e B", "ROLE:élèves", "EMAIL:lea.martin@example.org")
    assert [r[1] for r in rules_fired(lom(CLEAN_AUTHOR, annotation(with_mail)))] == ["error"]


def test_ims_annotation_person_vcard_is_read() -> None:
    ims = """<lom xmlns="http://www.imsglobal.org/xsd/imsmd_v1p2">
      <general><title><langstring xml:lang="en">Fractions</langstring></title></general>
      <annotation>
        <person><vcard>BEGIN:VCARD
VERSION:3.0
FN:Léa Martin
N:Martin;Léa;;;
ROLE:Schülerin
END:VCARD</vcard></person>
      </annotation>
    </lom>"""
    assert rules_fired(ims) == [
        (
            "PRIV002",
            "error",
            "annotations.entity",
            "/imsmd:lom/imsmd:annotation/imsmd:person/imsmd:vcard",
        )
    ]


def test_reviews_with_personal_identifiers_are_reported() -> None:
    review = {
        "@type": "Review",
        "reviewBody": "Great",
        "author": {"@type": "Person", "name": "Paul Martin", "email": "paul.martin@example.org"},
    }
    student_review = {
        "@type": "Review",
        "author": {"@type": "Person", "name": "Léa Martin", "jobTitle": "student",
                   "email": "lea@example.net"},
    }  # fmt: skip
    statement = {"actor": {"mbox_sha1sum": "ebd31e95054c018b10727ccffd2ef2ec3a016ee9"}}
    text = jsonld(review=[review], comment=[student_review], statements=[statement])
    report = oer_meta.validate(text, select=["PRIV002"])
    assert [(f.field, f.severity.value) for f in report.findings] == [
        ("extensions", "warning"),
        ("extensions", "error"),
        ("extensions", "warning"),
    ]
    # users not known to be learners have a code of their own
    assert [f.rule for f in report.findings] == ["PRIV004", "PRIV002", "PRIV004"]
    assert "'mbox_sha1sum'" in report.findings[2].message


def test_aggregate_usage_data_and_role_addresses_are_not_reported() -> None:
    text = jsonld(
        interactionStatistic={"@type": "InteractionCounter", "userInteractionCount": 1200},
        review={"@type": "Review", "author": {"@type": "Person", "name": "Paul Martin"},
                "publisher": {"@type": "Organization", "email": "reviews@example.net"}},
        comment={"@type": "Comment", "text": "Questions? Write to support@example.org"},
    )  # fmt: skip
    assert rules_fired(text) == []


def test_learner_property_with_a_name_is_an_error() -> None:
    record = CLEAN.model_copy(
        update={"extensions": [Extension(name="{urn:x-profile}student", value="Léa Martin")]}
    )
    (finding,) = oer_meta.check(record, select=["PRIV002"])
    assert (finding.severity.value, finding.field) == ("error", "extensions")
    assert finding.location == record.location


def test_annotations_are_judged_from_the_record_not_from_extensions() -> None:
    """The reader puts LOM annotations on the record; an extension that merely holds a
    vCard, wherever it sits, is not an annotation."""
    entity = agent_of(vcard("N:Martin;Léa;;;", "TITLE:pupil"))
    assert entity.notes == ("pupil",)
    stray = Extension(
        name="{urn:x}entity",
        value=vcard("N:Martin;Léa;;;", "TITLE:pupil"),
        location=Location(path="/lom/annotation[3]/entity"),
    )
    assert findings(CLEAN.model_copy(update={"extensions": [stray]})) == []
    annotated = CLEAN.model_copy(update={"annotations": [Annotation(entity=entity)]})
    assert findings(annotated) == [("PRIV002", "error", "annotations.entity")]
