"""One vocabulary for ``field``, and ``source_field`` on every value (issue 8 §2).

A finding's ``field`` names a Record attribute (``titles``, ``licences``,
``accessibility.features``, ``contributors.email``...); every value a reader builds says
which element or property it came from as written (``source_field``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

import oer_meta
from oer_meta.model import Accessibility, Agent, Record
from oer_meta.readers.dispatch import iter_source
from tests.corpus_paths import EXAMPLES, corpus_files, corpus_id

_SAMPLE = [
    *sorted(EXAMPLES.rglob("*.*")),
    *corpus_files("lom")[:12],
    *corpus_files("oai_dc")[:6],
    *corpus_files("dcterms")[:6],
    *corpus_files("amb")[:6],
    *corpus_files("jsonld")[:6],
]


def _values(record: Record) -> Iterator[tuple[str, BaseModel]]:
    """``(attribute, value)`` for every value the record holds (accessibility terms too)."""
    for name in type(record).model_fields:
        held = getattr(record, name)
        if isinstance(held, Accessibility):
            for inner in type(held).model_fields:
                for value in getattr(held, inner):
                    yield f"accessibility.{inner}", value
        elif isinstance(held, (list, tuple)):
            for value in held:
                if isinstance(value, BaseModel):
                    yield name, value
        elif isinstance(held, BaseModel) and "source_field" in type(held).model_fields:
            yield name, held


@pytest.mark.parametrize("path", _SAMPLE, ids=lambda p: corpus_id(p) if isinstance(p, Path) else p)
def test_every_value_keeps_the_field_it_came_from(path: Path) -> None:
    records = [r for r in iter_source(path) if isinstance(r, Record)]
    assert records
    for record in records:
        for attribute, value in _values(record):
            if attribute == "problems" and value.rule == "STD006":  # type: ignore[attr-defined]
                continue  # the harvest note is about the response, not one element
            assert getattr(value, "source_field", None), (attribute, value)


def _attribute_path_exists(field: str) -> bool:
    """True when ``field`` names a Record attribute, or an attribute of its values
    (``accessibility.features``, ``contributors.email``, ``titles.language``)."""
    head, _, rest = field.partition(".")
    info = Record.model_fields.get(head)
    if info is None:
        return False
    if not rest:
        return True
    if head == "accessibility":
        return rest in Accessibility.model_fields
    if head in ("contributors", "publishers", "rights_holders"):
        return rest in Agent.model_fields
    return rest == "language"  # a text's language tag


def _fields(report: Any) -> Iterator[tuple[str, str | None]]:
    for result in report.results:
        for finding in result.findings:
            yield finding.rule, finding.field


@pytest.mark.parametrize("path", _SAMPLE, ids=lambda p: corpus_id(p) if isinstance(p, Path) else p)
def test_finding_fields_are_record_attribute_names(path: Path) -> None:
    report = oer_meta.validate(path, profile="strict")
    for rule, field in _fields(report):
        assert field is None or _attribute_path_exists(field), (rule, field)


def test_the_vocabulary_check_is_not_vacuous() -> None:
    assert _attribute_path_exists("accessibility.features")
    assert _attribute_path_exists("contributors.email")
    assert not _attribute_path_exists("rights.cost")
    assert not _attribute_path_exists("dc:rights")
    assert not _attribute_path_exists("title")


def test_source_field_is_the_element_as_written() -> None:
    lom = """<lom xmlns="http://ltsc.ieee.org/xsd/LOM"><general><title>
      <string language="en">T</string></title></general>
      <rights><description><string>CC BY 4.0</string></description></rights></lom>"""
    record = next(r for r in iter_source(lom.encode()) if isinstance(r, Record))
    assert record.titles[0].source_field == "lom:general/lom:title"
    assert record.licences[0].source_field == "lom:rights/lom:description"
    dc = """<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
      xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>T</dc:title>
      <dc:rights>CC BY 4.0</dc:rights><dc:creator>Jane Doe</dc:creator></oai_dc:dc>"""
    record = next(r for r in iter_source(dc.encode()) if isinstance(r, Record))
    assert [record.titles[0].source_field, record.licences[0].source_field] == [
        "dc:title",
        "dc:rights",
    ]
    assert record.contributors[0].source_field == "dc:creator"
    doc = {
        "@context": "https://schema.org/",
        "@type": "LearningResource",
        "name": "T",
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "encoding": {"encodingFormat": "text/html"},
    }
    record = next(r for r in iter_source(doc) if isinstance(r, Record))
    assert record.titles[0].source_field == "schema:name"
    assert record.licences[0].source_field == "schema:license"
    assert record.formats[0].source_field == "schema:encoding/schema:encodingFormat"


def test_licence_statement_field_is_a_deprecated_alias() -> None:
    from oer_meta.model import LicenceStatement

    old = LicenceStatement(raw="CC BY 4.0", field="dc:rights")
    assert old.source_field == "dc:rights" and old.field == "dc:rights"


def test_a_finding_without_a_location_gets_the_records() -> None:
    dc = b"""<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
      xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>T</dc:title></oai_dc:dc>"""
    (finding,) = oer_meta.check(next(iter_source(dc)), select=["LIC001"])  # type: ignore[arg-type]
    assert finding.field == "licences"
    assert finding.location.path == "/oai_dc:dc"


# -- licences parsed once (stage 2) ------------------------------------------------------


def test_statements_leave_the_readers_with_their_parsed_licence() -> None:
    doc = {
        "@context": "https://schema.org/",
        "@type": "LearningResource",
        "license": "https://creativecommons.org/licenses/by-sa/4.0/",
        "isBasedOn": {"license": "https://creativecommons.org/licenses/by-nc/4.0/"},
    }
    record = next(r for r in iter_source(doc) if isinstance(r, Record))
    (statement,) = record.licences
    assert statement.licence is not None and statement.licence.spdx == "CC-BY-SA-4.0"
    assert statement.spdx == statement.licence.spdx
    assert statement.openness == statement.licence.openness == "open"
    (source,) = record.relations[0].licences
    assert source.licence is not None and source.licence.elements == ("by", "nc")


def test_rules_never_parse_a_statement_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """One parse per statement, by the readers, whatever the rules and the batch do."""
    import oer_meta.knowledge.licences.parse as parse
    import oer_meta.knowledge.licences.record as statements

    real = parse.parse_licence
    seen: list[str] = []

    def counting(text: str) -> Any:
        seen.append(text)
        return real(text)

    monkeypatch.setattr(parse, "parse_licence", counting)
    monkeypatch.setattr(statements, "parse_licence", counting)
    paths = [p for p in _SAMPLE if p.suffix in (".xml", ".json", ".jsonld")]
    records = [r for p in paths for r in iter_source(p) if isinstance(r, Record)]
    read = len(seen)
    held = sum(len(r.licences) + sum(len(rel.licences) for rel in r.relations) for r in records)
    assert read == held > 0  # the readers parse each statement once
    for path in paths:
        oer_meta.validate(path, profile="strict")
    assert len(seen) == 2 * read  # validating reads again, and checks parse nothing more


# -- typed contacts (stage 3) --------------------------------------------------------------


def _one(source: Any) -> Record:
    return next(r for r in iter_source(source) if isinstance(r, Record))


def test_lom_vcard_contacts_keep_their_type_parameters() -> None:
    card = (
        "BEGIN:VCARD\nVERSION:3.0\nN:Doe;Jane;;;\nFN:Jane Doe\n"
        "EMAIL;TYPE=INTERNET,WORK:jane.doe@example.org\nTEL;HOME;VOICE:+1 555 0100\n"
        "URL:https://orcid.org/0000-0002-1825-0097\nADR;TYPE=WORK:;;1 Campus Rd;Springfield\n"
        "END:VCARD"
    )
    lom = f"""<lom xmlns="http://ltsc.ieee.org/xsd/LOM"><lifeCycle><contribute>
      <role><source>LOMv1.0</source><value>author</value></role>
      <entity><![CDATA[{card}]]></entity></contribute></lifeCycle></lom>"""
    (agent,) = _one(lom.encode()).contributors
    assert agent.from_vcard
    assert [(c.kind, c.value, c.types) for c in agent.contacts] == [
        ("email", "jane.doe@example.org", ("internet", "work")),
        ("phone", "+1 555 0100", ("home", "voice")),
        ("url", "https://orcid.org/0000-0002-1825-0097", ()),
        ("address", "1 Campus Rd, Springfield", ("work",)),
    ]
    field = "lom:lifeCycle/lom:contribute/lom:entity"
    assert {c.source_field for c in agent.contacts} == {field}
    assert all(c.location == agent.location for c in agent.contacts)
    assert agent.email == ("jane.doe@example.org",) and agent.telephone == ("+1 555 0100",)


def test_dc_foaf_agents_and_literal_mailboxes_give_contacts() -> None:
    rdf = """<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns:dcterms="http://purl.org/dc/terms/" xmlns:foaf="http://xmlns.com/foaf/0.1/">
      <rdf:Description rdf:about="https://example.org/r/1">
        <dcterms:title>T</dcterms:title>
        <dcterms:creator><foaf:Person><foaf:name>Jane Doe</foaf:name>
          <foaf:mbox rdf:resource="mailto:jane.doe@example.org"/>
          <foaf:phone rdf:resource="tel:+1-555-0100"/>
          <foaf:homepage rdf:resource="https://example.org/~jane"/></foaf:Person>
        </dcterms:creator>
        <dcterms:contributor>Paul Martin &lt;paul.martin@example.org&gt;</dcterms:contributor>
      </rdf:Description></rdf:RDF>"""
    creator, contributor = _one(rdf.encode()).contributors
    assert (creator.name, creator.kind) == ("Jane Doe", "person")
    assert [(c.kind, c.value, c.source_field) for c in creator.contacts] == [
        ("email", "jane.doe@example.org", "dcterms:creator/foaf:mbox"),
        ("phone", "+1-555-0100", "dcterms:creator/foaf:phone"),
        ("url", "https://example.org/~jane", "dcterms:creator/foaf:homepage"),
    ]
    assert creator.email == ("jane.doe@example.org",)
    assert [(c.kind, c.value) for c in contributor.contacts] == [
        ("email", "paul.martin@example.org")
    ]
    found = oer_meta.check(_one(rdf.encode()), select=["PRIV001"])
    assert [f.field for f in found] == ["contributors.email", "contributors.telephone",
                                        "contributors.email"]  # fmt: skip


def test_jsonld_contacts_and_contact_points_are_typed() -> None:
    doc = {
        "@context": "https://schema.org/",
        "@type": "LearningResource",
        "creator": {
            "@type": "Person",
            "name": "Jane Doe",
            "email": "mailto:jane.doe@example.org",
            "telephone": "+1 555 0100",
            "url": "https://example.org/~jane",
            "contactPoint": {"@type": "ContactPoint", "contactType": "Office",
                             "email": "office@example.org"},
        },
    }  # fmt: skip
    (agent,) = _one(doc).contributors
    assert [(c.kind, c.value, c.types, c.source_field) for c in agent.contacts] == [
        ("email", "jane.doe@example.org", (), "schema:creator/schema:email"),
        ("phone", "+1 555 0100", (), "schema:creator/schema:telephone"),
        ("url", "https://example.org/~jane", (), "schema:creator/schema:url"),
        ("email", "office@example.org", ("office",),
         "schema:creator/schema:contactPoint/schema:email"),
    ]  # fmt: skip
    assert agent.contacts[0].location is not None
    assert agent.contacts[0].location.path == "/creator/email"
    assert agent.email == (
        "jane.doe@example.org",
        "office@example.org",
    )


def test_priv_rules_judge_the_typed_contacts_not_the_raw_vcard() -> None:
    """A contact the reader typed HOME is personal whatever the raw text says."""
    from oer_meta.model import Agent, Contact

    agent = Agent(
        role="author",
        name="Jane Doe",
        kind="person",
        affiliation="Example University",
        contacts=[Contact(kind="phone", value="555", types=["home"])],
        raw="BEGIN:VCARD\nTEL;TYPE=WORK:555\nEND:VCARD",
    )
    record = _one({"@context": "https://schema.org/", "@type": "LearningResource"})
    found = oer_meta.check(record.model_copy(update={"contributors": [agent]}), select=["PRIV"])
    assert [(f.rule, f.field) for f in found] == [("PRIV001", "contributors.telephone")]
    assert "(TYPE=HOME)" in found[0].message


# -- no format branches in rules (stage 4) -------------------------------------------------


def _format_branches(tree: Any) -> list[str]:
    """Comparisons on ``source_format``/``dialect`` and reads of ``.path`` in a module."""
    import ast

    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            names = [n.attr for n in ast.walk(node) if isinstance(n, ast.Attribute)]
            if {"source_format", "dialect"} & set(names):
                found.append(f"line {node.lineno}: compares {names}")
        elif isinstance(node, ast.Attribute) and node.attr == "path":
            found.append(f"line {node.lineno}: reads .path")
    return found


def test_rules_neither_branch_on_the_format_nor_read_paths() -> None:
    import ast

    import oer_meta.checks

    package = Path(oer_meta.checks.__file__).parent
    for module in sorted(package.glob("*.py")):
        if module.name == "registry.py":
            continue  # rule(..., formats=...) is where a rule declares its formats
        found = _format_branches(ast.parse(module.read_text(encoding="utf-8")))
        assert found == [], (module.name, found)


def test_the_branch_finder_finds_branches() -> None:
    import ast

    code = "def f(record):\n    return record.dialect == 'oai_dc' or record.location.path\n"
    assert len(_format_branches(ast.parse(code))) == 2


def test_conventions_say_what_a_format_cannot_carry() -> None:
    oai = Record(source_format="dc", dialect="oai_dc")
    assert "accessibility" in oai.conventions.unsupported
    assert (
        "intended_end_user_roles"
        in Record(source_format="dc", dialect="dc").conventions.unsupported
    )
    assert not Record(source_format="dc", dialect="dcterms").conventions.unsupported
    assert Record(source_format="lom").conventions.name("languages", "?") == "general.language"
    assert Record(source_format="lom").conventions.no_language_values == {"none"}
    assert Record(source_format="jsonld").conventions.name("languages", "?") == "inLanguage"
    assert Record(source_format="other").conventions.name("languages", "language") == "language"


def test_jsonld_age_bounds_are_written_as_explicit_ranges() -> None:
    def ages(audience: dict[str, Any]) -> list[str]:
        doc = {"@context": "https://schema.org/", "@type": "LearningResource",
               "audience": dict(audience, **{"@type": "EducationalAudience"})}  # fmt: skip
        return [t.value for t in _one(doc).typical_age_ranges]

    assert ages({"suggestedMinAge": 10}) == ["10+"]
    assert ages({"suggestedMaxAge": 12}) == ["0-12"]
    assert ages({"suggestedMinAge": 10, "suggestedMaxAge": 12}) == ["10-12"]


# -- frozen (stage 5) ----------------------------------------------------------------------


def test_a_built_record_cannot_be_changed() -> None:
    from pydantic import ValidationError

    record = oer_meta.read(EXAMPLES / "lom" / "faulty-lesson.lom.xml")
    with pytest.raises(ValidationError):
        record.titles = ()  # type: ignore[misc]
    with pytest.raises(AttributeError):
        record.titles.append(record.titles[0])  # type: ignore[attr-defined]
    with pytest.raises(ValidationError):
        record.titles[0].value = "changed"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        record.accessibility.features = ()  # type: ignore[misc]
    with pytest.raises(ValidationError):
        record.licences[0].openness = "open"  # type: ignore[misc]
    agent = record.contributors[0]
    with pytest.raises(AttributeError):
        agent.contacts.append(agent.contacts[0])  # type: ignore[attr-defined]
    assert isinstance(record.licences, tuple) and isinstance(agent.email, tuple)


def test_a_rule_cannot_change_what_the_next_rule_sees() -> None:
    from oer_meta.checks.registry import Violation

    def meddling(record: Record) -> Iterator[Violation]:
        record.titles.clear()  # type: ignore[attr-defined]
        yield Violation("unreachable")

    record = oer_meta.read(EXAMPLES / "lom" / "faulty-lesson.lom.xml")
    titles = record.titles
    with pytest.raises(AttributeError):
        list(meddling(record))
    assert record.titles == titles and titles


def test_records_are_built_once_by_the_readers(monkeypatch: pytest.MonkeyPatch) -> None:
    """One Record per record read: drafts are finished once, not copied per step."""
    built: list[str] = []
    real = Record.model_construct

    def counting(*args: Any, **kwargs: Any) -> Record:
        built.append(kwargs.get("source_format", "?"))
        return real(*args, **kwargs)

    monkeypatch.setattr(Record, "model_construct", counting)
    records = list(iter_source(EXAMPLES / "dc" / "oai-listrecords.xml"))
    assert len(built) == len(records) > 1
