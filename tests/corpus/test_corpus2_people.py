"""People and their data in ../shared/corpus-2 (issue 9, sections 5 and 6): how the
real vCards, FOAF-less DC, JSON-LD Person and Organization objects and free-text contact
blocks of the second batch are read, and that none of them is personal data PRIV must
report; and that the scripts of its titles fit their tags (LANG005).

The facts were written by reading each file (its ``SOURCES.md`` notes, the vCards, the
descriptions and rights statements), not by running the rules.  No personal data is
copied here: names appear only where the record is a public institution's, and a
fact about an address is its domain or its count.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import oer_meta
from oer_meta.knowledge.privacy import contacts_in_text, contacts_of, judge_text, named_in
from oer_meta.model import Agent, Record
from oer_meta.readers.dispatch import iter_source

from ..corpus_paths import CORPUS2, corpus2_files, corpus_id, needs_corpus2

ALL_FILES = corpus2_files()


def records(name: str) -> list[Record]:
    return [r for r in iter_source(CORPUS2 / name) if isinstance(r, Record)]


def agents(record: Record) -> tuple[Agent, ...]:
    return record.contributors + record.publishers + record.rights_holders


@needs_corpus2
@pytest.mark.parametrize("path", ALL_FILES, ids=corpus_id)
def test_no_personal_data_is_reported_in_the_second_batch(path: Path) -> None:
    """Every contact detail of the batch is an organisation's: the findings PRIV had
    before issue 9 (an AENOR working group's mailbox taken for a person's) are gone,
    and the free-text search adds none."""
    report = oer_meta.validate(path, select=["PRIV"])
    assert [(f.rule, f.message) for f in report.findings] == []


# -- vCards of Agrega and eXe ---------------------------------------------------------------


@needs_corpus2
def test_agrega_author_vcard_listing_31_people_with_empty_properties_run_together() -> None:
    # "FN: <31 names> EMAIL;TYPE=INTERNET:ORG:END:VCARD" on one line
    [record] = records("lom/agrega2_lom-es_metadato_infantil05.xml")
    author = record.contributors[0]
    assert author.role == "author" and author.from_vcard
    assert len((author.name or "").split(", ")) == 31
    assert author.kind is None  # a list of people and two companies: neither
    assert (author.email, author.contacts, author.affiliation) == ((), (), None)
    [lote] = records("lom/agrega2_lom-es_metadatoLote1_no-namespace.xml")
    assert lote.contributors[0].email == () and lote.contributors[0].name is not None
    assert lote.contributors[0].name.endswith("Servipinto S.L..")


@needs_corpus2
def test_agrega_entity_after_a_stray_bracket_and_a_version_without_colon() -> None:
    [record] = records("lom/agrega2_lom-es_metadatoCompleto_iso-8859-1.xml")
    by_path = {a.location.path: a for a in record.contributors if a.location}
    # ">BEGIN:VCARD ..." is read as the vCard it is, not as a 180-character name
    cnice = by_path["/lom:lom/lom:lifeCycle/lom:contribute/lom:entity[2]"]
    assert cnice.name == (
        "Centro Nacional de Información y Comunicación Educativa. "
        "Ministerio de Educación y Ciencia de España"
    )
    assert cnice.affiliation == "Ministerio de Educación y Ciencia de España"
    assert [c.value.split("@")[0] for c in contacts_of(cnice)] == ["webmaster"]
    # "BEGIN:VCARD VERSION 3.0 FN:GT8/SC36/CT71 ... ORG:AENOR": a working group of
    # AENOR, whose mailbox is named after the group, not a person
    group = by_path["/lom:lom/lom:lifeCycle/lom:contribute/lom:entity[1]"]
    assert (group.name, group.kind) == ("GT8/SC36/CT71", None)
    assert [c.value.split("@")[1].lower() for c in contacts_of(group)] == ["aenor.es"]
    [annotation] = record.annotations
    assert annotation.entity is not None and annotation.entity.kind is None


@needs_corpus2
def test_exe_vcards_with_empty_properties_and_a_student_number() -> None:
    [empty] = records("lom/exe_lmsgi01_imslrm_lom-es_es.xml")
    [creator] = empty.contributors
    assert (creator.role, creator.name, creator.contacts) == ("metadata:creator", None, ())
    [thai] = records("lom/exe_kanrawee_imslrm_lom-es_th.xml")
    names = {a.name for a in thai.contributors}
    # FN "<student number>\t<Thai name>  ": the TAB is a space, the name is kept
    assert len(names) == 1
    [name] = names
    assert name is not None and "\t" not in name and "  " not in name
    number, _, rest = name.partition(" ")
    assert number.isdigit() and len(number) == 8 and rest
    assert all(not contacts_of(a) for a in thai.contributors)


# -- JSON-LD Person and Organization objects -------------------------------------------------


@needs_corpus2
@pytest.mark.parametrize(
    ("name", "people", "mailboxes"),
    [
        ("jsonld/tess_gtn_galaxy-intro-101.html", 14, 4),
        ("jsonld/tess_gtn_slides-introduction.html", 24, 4),
        ("jsonld/tess_gtn_ext_res_array.json", 4, 4),
    ],
)
def test_gtn_persons_give_no_contact_and_the_organisation_its_own(
    name: str, people: int, mailboxes: int
) -> None:
    """GTN authors and contributors are Person objects with a name and an ORCID-like
    id; the only e-mail is the Galaxy Training Network's, on the Organization objects
    (producer, sourceOrganization, provider, copyrightHolder)."""
    [record] = records(name)
    persons = [a for a in agents(record) if a.kind == "person"]
    assert len(persons) == people
    assert all(not contacts_of(a) for a in persons)
    emails = [(a.kind, c.value.split("@")[1]) for a in agents(record) for c in contacts_of(a)]
    assert emails == [("organization", "gmail.com")] * mailboxes


@needs_corpus2
@pytest.mark.parametrize(
    ("name", "runs", "instructors", "field"),
    [
        # each CourseInstance names its instructor, a Person with a name only
        ("jsonld/tess-scraper_sib_courseinstances_39.json", 39, [1] * 39, "schema:instructor"),
        # the Course's two runs each name one instructor: read into the Course
        (
            "jsonld/tess_sib_course.json",
            1,
            [2],
            "schema:hasCourseInstance/schema:instructor",
        ),
        # NBIS course instances name no one
        ("jsonld/tess_nbis-course-instances.json", 32, [0] * 32, "schema:instructor"),
    ],
)
def test_course_instructors_are_contributors_and_give_no_contact(
    name: str, runs: int, instructors: list[int], field: str
) -> None:
    """Issue 9 follow-up: schema.org ``instructor`` (also of a Course's
    ``hasCourseInstance``) is read as a contributor with the role ``instructor``, so
    PRIV001 would see a contact detail; the SIB instructors give none (the institute's
    training mailbox is in the descriptions, not on the Person)."""
    recs = records(name)
    assert len(recs) == runs
    assert [len(r.contributors) for r in recs] == instructors
    people = [a for r in recs for a in r.contributors]
    assert all((a.role, a.kind, a.source_field) == ("instructor", "person", field) for a in people)
    assert all(a.name and not contacts_of(a) for a in people)


# -- free-text contact blocks ---------------------------------------------------------------


@needs_corpus2
@pytest.mark.parametrize(
    ("name", "count", "found"),
    [
        # SIB course organisers are reached at the institute's training mailbox, written
        # twice in each Markdown description ([address](mailto:address))
        ("jsonld/tess-scraper_sib_courseinstances_39.json", 39, {"email": 78}),
        ("jsonld/tess_sib_course.json", 1, {"email": 2}),
        # UCLA's dc:rights: the Special Collections' postal address, mailbox and phone
        ("dcterms/dlme_ucla_oaipmh_listrecords_oai_dpla.xml", 25, {"email": 25, "phone": 25}),
    ],
)
def test_organisations_contact_blocks_in_free_text_are_found_and_not_personal(
    name: str, count: int, found: dict[str, int]
) -> None:
    recs = records(name)
    assert len(recs) == count
    kinds: Counter[str] = Counter()
    for record in recs:
        named = named_in(agents(record))
        for text in [t.value for t in record.descriptions] + [s.raw for s in record.licences]:
            contacts = contacts_in_text(text)
            kinds.update(c.kind for c in contacts)
            assert judge_text(contacts, named) == []
    assert dict(kinds) == found


# -- scripts (LANG005) ------------------------------------------------------------------------


@needs_corpus2
@pytest.mark.parametrize(
    ("name", "title", "tag"),
    [
        # Indonesian tagged en: the same script, so nothing is said on script grounds
        ("lom/exe_celengan_imslrm_lom-es_id.xml", "Mendengarkan Cerita", "en"),
        # Thai in Thai letters tagged th, with a double space
        ("lom/exe_kanrawee_imslrm_lom-es_th.xml", None, "th"),
    ],
)
def test_titles_whose_script_fits_their_tag_are_not_reported(
    name: str, title: str | None, tag: str
) -> None:
    [record] = records(name)
    assert {t.language for t in record.titles} == {tag}
    if title is not None:
        assert [t.value for t in record.titles] == [title]
    else:
        assert all(not t.value.isascii() for t in record.titles)
    assert oer_meta.validate(CORPUS2 / name, select=["LANG005"]).findings == []
