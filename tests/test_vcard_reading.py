"""knowledge/vcard.py on the shapes real LOM entities take (issue 9, section 5): character
references left as text, a stray ``>`` before BEGIN, one-line cards whose empty
properties ran together, blanks inside FN, names with digits next to an ORG.

Every card here is written for the test; the real ones are read in
tests/corpus/test_corpus2_people.py and tests/corpus/test_corpus_privacy.py.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oer_meta.knowledge.vcard import agent_from_vcard, vcard_properties
from oer_meta.model import Agent


def read(raw: str) -> Agent:
    agent = agent_from_vcard(raw, "author")
    assert agent is not None
    return agent


def card(*lines: str) -> str:
    return "\n".join(["BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD"])


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("CRDP de l&apos;académie d&apos;Amiens", "CRDP de l'académie d'Amiens"),
        ("Lab d&#39;optique", "Lab d'optique"),
        ("Lab d&#x27;optique", "Lab d'optique"),
        ("Research &amp; Teaching", "Research & Teaching"),
        ("Atelier l&amp;apos;Ourcq", "Atelier l'Ourcq"),  # escaped twice
        ("R&D Unit", "R&D Unit"),  # a bare & stays
        ("Lab &unknown; Unit", "Lab &unknown; Unit"),  # so does a name HTML does not know
    ],
)
def test_character_references_left_as_text_are_read(written: str, meant: str) -> None:
    agent = read(card(f"ORG:{written}"))
    assert agent.name == meant
    assert agent.kind == "organization"


def test_references_in_fn_n_and_org_of_a_person() -> None:
    agent = read(
        card(
            "FN:Anne O&apos;Neil",
            "N:O&apos;Neil;Anne;;;",
            "ORG:Coll&#232;ge d&apos;Alma",
            "EMAIL:anne&#64;example.org",
        )
    )
    assert (agent.name, agent.kind, agent.affiliation) == (
        "Anne O'Neil",
        "person",
        "Collège d'Alma",
    )
    assert agent.email == ("anne@example.org",)
    # N alone gives the same name: the ";" ending &apos; does not split the family name
    assert read(card("N:O&apos;Neil;Anne;;;")).name == "Anne O'Neil"


def test_a_stray_character_before_begin_is_skipped() -> None:
    raw = (
        ">BEGIN:VCARD VERSION:3.0 FN: Example Centre EMAIL;TYPE=INTERNET: info@example.org"
        " END:VCARD"
    )
    agent = read(raw)
    assert agent.name == "Example Centre"
    assert agent.email == ("info@example.org",)
    assert agent.from_vcard
    # text before BEGIN that holds letters is not a stray character: a bare name
    assert read("Jane Doe BEGIN:VCARD").name == "Jane Doe BEGIN:VCARD"


def test_version_without_colon_is_tolerated() -> None:
    agent = read("BEGIN:VCARD VERSION 3.0 FN:Jane Doe EMAIL;TYPE=INTERNET:jd@example.org END:VCARD")
    assert (agent.name, agent.email) == ("Jane Doe", ("jd@example.org",))


def test_empty_properties_run_together_on_one_line() -> None:
    raw = "BEGIN:VCARD VERSION:3.0 FN:Ana Lima, Rui Costa  EMAIL;TYPE=INTERNET:ORG:END:VCARD"
    props = [(p.name, p.value) for p in vcard_properties(raw)]
    assert props == [
        ("BEGIN", "VCARD"),
        ("VERSION", "3.0"),
        ("FN", "Ana Lima, Rui Costa"),
        ("EMAIL", ""),
        ("ORG", ""),
        ("END", "VCARD"),
    ]
    agent = read(raw)
    assert agent.email == () and agent.contacts == () and agent.affiliation is None
    # a run-on ORG with a value keeps it
    assert read("BEGIN:VCARD FN:Ana Lima EMAIL:ORG:Example Press END:VCARD").affiliation == (
        "Example Press"
    )
    # a NOTE may start like a property: it is not split
    note = read("BEGIN:VCARD FN:Ana Lima NOTE:TITLE:draft END:VCARD")
    assert note.notes == ("TITLE:draft",)


def test_blanks_inside_a_name_are_one_space() -> None:
    agent = read("BEGIN:VCARD VERSION:3.0 FN:12345678\tJane  Doe  EMAIL;TYPE=INTERNET: END:VCARD")
    assert agent.name == "12345678 Jane Doe"
    assert read(card("ORG:Example\t\tPress")).name == "Example Press"


def test_a_name_with_digits_next_to_an_org_is_no_person() -> None:
    unit = read(card("FN:WG3/SC1", "ORG:Example Standards", "EMAIL:wg3@example.org"))
    assert unit.kind is None
    assert read(card("FN:Jane Doe", "ORG:Example Standards")).kind == "person"
    # with a family and a given name in N the card still says person
    assert read(card("FN:Room 12", "N:Doe;Jane;;;")).kind == "person"


_PIECES = (
    "BEGIN:VCARD", "END:VCARD", "VERSION:3.0", "VERSION 3.0", ">", "FN:", "N:", "ORG:",
    "EMAIL;TYPE=INTERNET:", "TEL;TYPE=CELL:", "Jane", "&apos;", "&amp;", "&#39;", "&#x;",
    "&", ";", ":", " ", "\t", "\n", "\\n", "=C3=A9", "a@b.org", "12",
)  # fmt: skip
_VCARD_TEXT = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@given(_VCARD_TEXT)
@settings(max_examples=300)
def test_any_entity_text_reads_without_error(raw: str) -> None:
    agent = agent_from_vcard(raw, "author")
    if agent is not None:
        assert agent.name is None or agent.name == " ".join(agent.name.split())
        assert all(c.value for c in agent.contacts)
