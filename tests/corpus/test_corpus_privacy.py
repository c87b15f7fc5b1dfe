"""PRIV on the real records of ../shared/corpus: vCards with real-looking personal
e-mail addresses are reported, organisational contact points are not; free text is
searched too (an author's mailbox in an abstract), and names written with character
references (ScoLOMFR's ``l&apos;académie``) are read as the text they mean.

The facts were written by reading each vCard (the person or organisation it names,
its EMAIL/TEL/ADR and their TYPE), not by running the rules.  No personal data is
copied here: a fact is the rule, severity, field, the XPath of the entity and the
*domains* of the reported addresses.  Every file of the corpus's record folders not
listed in ``EXPECTED`` must give no PRIV finding at all.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import oer_meta
from oer_meta.knowledge.privacy import contacts_of
from oer_meta.model import Record
from oer_meta.readers.dispatch import iter_source

from ..corpus_paths import CORPUS, corpus_files, corpus_id, needs_corpus

RECORD_FOLDERS = ("lom", "cartridge", "oai_dc", "dcterms", "jsonld", "amb")
FILES = [
    p
    for folder in RECORD_FOLDERS
    for p in corpus_files(folder, suffixes=(".xml", ".json", ".jsonld", ".jsonl"))
]

LIFE = "/lom:lom/lom:lifeCycle/lom:contribute"
META = "/lom:lom/lom:metaMetadata/lom:contribute"
GOUV = ("education.gouv.fr",)

#: (record index, rule, severity, field, XPath of the entity, domains of the addresses).
Fact = tuple[int, str, str, str, str, tuple[str, ...]]

EXPECTED: dict[str, list[Fact]] = {
    # An author with N and ORG and a mailbox of her own.
    "lom/lom2mlr_4c991751a5af92.97140698.lom.xml": [
        (0, "PRIV001", "warning", "contributors.email", f"{LIFE}/lom:entity", ("fvtc.edu",)),
    ],
    # The author's own mailbox at an ISP; the metadata validator INFIRESSOURCES (a name
    # in capitals, no N) uses a mailbox named after itself at the same ISP: not personal.
    "lom/lom2mlr_4c99175385abe2.62701286.lom.xml": [
        (0, "PRIV001", "warning", "contributors.email", f"{LIFE}/lom:entity", ("videotron.ca",)),
    ],
    # One author's given.family mailbox; a department, a studio and the publisher with
    # info@ addresses and work phones are organisational.
    "lom/lom2mlr_4c99176560aa44.49247292.lom.xml": [
        (
            0,
            "PRIV001",
            "warning",
            "contributors.email",
            f"{LIFE}[1]/lom:entity[1]",
            ("college-em.qc.ca",),
        ),
    ],
    # The author's mailbox is reported; the publisher's info@ is not.
    "lom/lom2mlr_4ca17a9f743cb0.97951973.lom.xml": [
        (0, "PRIV001", "warning", "contributors.email", f"{LIFE}[2]/lom:entity", ("clg.qc.ca",)),
    ],
    # A validator's initials mailbox and his TYPE=HOME address (his TYPE=WORK address and
    # phones next to ORG are the workplace's); an author's given.family mailbox; the
    # same validator again in the meta-metadata; the publisher's info@ is not reported.
    "lom/lom2mlr_Valid.xml": [
        (0, "PRIV001", "warning", "contributors.email", f"{LIFE}[1]/lom:entity", ("ntic.org",)),
        (0, "PRIV001", "warning", "contributors.address", f"{LIFE}[1]/lom:entity", ()),
        (0, "PRIV001", "warning", "contributors.email", f"{LIFE}[2]/lom:entity", ("licef.org",)),
        (0, "PRIV001", "warning", "contributors.email", f"{META}/lom:entity", ("ntic.org",)),
    ],
    "lom/lom2mlr_unit-ori-wf-1-4369.lom.xml": [
        (
            0,
            "PRIV001",
            "warning",
            "contributors.email",
            f"{LIFE}[1]/lom:entity",
            ("univ-tlse2.fr",),
        ),
        (0, "PRIV001", "warning", "contributors.email", f"{META}/lom:entity", ("unit.eu",)),
    ],
    "lom/scolomfr3utils_1_invalid_double-general.xml": [
        (0, "PRIV001", "warning", "contributors.email", f"{LIFE}[1]/lom:entity", GOUV),
        (0, "PRIV001", "warning", "contributors.email", f"{META}/lom:entity", GOUV),
    ],
    # Four contributor vCards with given.family mailboxes, one of them a function
    # ("Administrateur ...") carrying two people's addresses in one EMAIL; and an
    # annotation whose vCard gives a personal mailbox (PRIV004, the warning of PRIV002's
    # users not marked as learners).
    "lom/scolomfr3utils_labels_valid_exemple.xml": [
        (0, "PRIV001", "warning", "contributors.email", f"{LIFE}[1]/lom:entity", GOUV),
        (0, "PRIV001", "warning", "contributors.email", f"{LIFE}[2]/lom:entity", GOUV),
        (0, "PRIV001", "warning", "contributors.email", f"{META}[1]/lom:entity", GOUV),
        (0, "PRIV001", "warning", "contributors.email", f"{META}[2]/lom:entity[2]", GOUV * 2),
        (0, "PRIV004", "warning", "annotations.entity", "/lom:lom/lom:annotation/lom:entity", GOUV),
    ],
    # Free text (issue 9): the abstract gives its author's own mailbox, named after the
    # record's dc:contributor "Edwards, A.R.".
    "oai_dc/pyoai_eur-dspace_getrecord_hdl1765-315.xml": [
        (
            0,
            "PRIV001",
            "warning",
            "descriptions",
            "/oai:OAI-PMH/oai:GetRecord/oai:record[1]/oai:metadata/oai_dc:dc/dc:description",
            ("fsw.eur.nl",),
        ),
    ],
}

#: Files whose vCards give e-mail addresses, all of them organisational contact points
#: (role mailboxes of an organisation, mailboxes named after the organisation), with the
#: number of addresses: PRIV must stay silent on them.
ORGANISATIONAL_ONLY: dict[str, int] = {
    # a script writer (a person with ORG) reached through info@ of her organisation
    "lom/lom2mlr_4c9912151c8a69.88090749.lom.xml": 1,
    # an author through info@ of his organisation; a bulletin's own mailbox
    "lom/lom2mlr_4d38368591a687.29499110.lom.xml": 2,
    # an association's mailbox named like its domain; info@ for the metadata creator
    "lom/lom2mlr_4f708a4965ba09.14975134.lom.xml": 2,
    # the same info@ of a college centre for the metadata creator and the publisher
    "lom/lom2mlr_ressource-ressfranc30.lom.xml": 2,
}

_DOMAIN = re.compile(r"…@([\w.-]+)")
#: An address shown with more than its first letter would be a leak in the report.
_UNMASKED = re.compile(r"[\w.+-]{2,}@[\w-]+\.")


def _facts(path: Path) -> list[Fact]:
    report = oer_meta.validate(path, select=["PRIV"])
    return [
        (
            result.index,
            f.rule,
            f.severity.value,
            f.field or "",
            f.location.path or "",
            tuple(_DOMAIN.findall(f.message)),
        )
        for result in report.results
        for f in result.findings
    ]


def test_the_expected_files_exist() -> None:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    for name in [*EXPECTED, *ORGANISATIONAL_ONLY]:
        assert (CORPUS / name).is_file(), name


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=corpus_id)
def test_priv_findings_per_file(path: Path) -> None:
    assert _facts(path) == EXPECTED.get(corpus_id(path), [])


@needs_corpus
@pytest.mark.parametrize("name", sorted(ORGANISATIONAL_ONLY))
def test_organisational_addresses_are_present_and_not_reported(name: str) -> None:
    path = CORPUS / name
    addresses = [
        contact
        for record in iter_source(path)
        if isinstance(record, Record)
        for agent in record.contributors + record.publishers + record.rights_holders
        for contact in contacts_of(agent)
        if contact.kind == "email"
    ]
    assert len(addresses) == ORGANISATIONAL_ONLY[name]
    assert _facts(path) == []


@needs_corpus
@pytest.mark.parametrize("name", sorted(EXPECTED), ids=str)
def test_reports_never_repeat_a_whole_address(name: str) -> None:
    report = oer_meta.validate(CORPUS / name, select=["PRIV"])
    assert report.findings
    for finding in report.findings:
        assert not _UNMASKED.search(finding.message), finding.message
    assert not _UNMASKED.search(report.to_json())


#: ScoLOMFR vCards (in CDATA) that write the apostrophe as ``&apos;``: the names read.
APOSTROPHES: dict[str, list[str]] = {
    "lom/apiscol_appel-hanovre-87451.xml": ["CRDP de l'académie d'Amiens"],
    "lom/apiscol_bnf-159803.xml": ["CRDP de l'académie de Nice"],
    "lom/apiscol_extraction-scolomfr-educasources-79726.xml": [
        "Direction générale de l'Enseignement scolaire",
        "Ministère de l'Éducation nationale, de l'Enseignement supérieur et de la Recherche",
    ],
}


@needs_corpus
@pytest.mark.parametrize("name", sorted(APOSTROPHES))
def test_character_references_in_scolomfr_vcards_are_read(name: str) -> None:
    [record] = [r for r in iter_source(CORPUS / name) if isinstance(r, Record)]
    names = [
        agent.name
        for agent in record.contributors + record.publishers + record.rights_holders
        if agent.name and "'" in agent.name
    ]
    assert sorted(names) == sorted(APOSTROPHES[name])
    assert not any("&apos;" in (a.name or "") for a in record.contributors + record.publishers)
