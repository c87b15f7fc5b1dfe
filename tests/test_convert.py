"""``oer-meta convert`` and ``oer_meta.convert``: crosswalks through the Record.

Every LOM record of both corpora, written as oai_dc and as LOM, is valid against the
XSDs in ``../shared/corpus/xsd`` (loaded in place, imports mapped to the local copies,
never fetched); round trips keep title, description, licence, languages, identifiers,
keywords and contributors, or say what they lost; every field of a record that holds a
value is written or reported dropped; converted documents bring no new STD finding.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from lxml import etree

import oer_meta
from oer_meta.cli import main
from oer_meta.errors import RecordCountError, UnknownFormatError
from oer_meta.model import Agent, DateValue, Record, Text
from oer_meta.readers import Unreadable, iter_source
from oer_meta.writers import TARGETS, Conversion, write
from oer_meta.writers.base import (
    CONTENT_FIELDS,
    NOT_CONTENT,
    UNHANDLED,
    Output,
    filled_fields,
    is_language_tag,
    role_key,
    xml_text,
)
from oer_meta.writers.lom import vcard
from tests.corpus_paths import CORPUS, corpus2_files, corpus_files, corpus_id

XSD = CORPUS / "xsd"
#: What the XSDs import by URL, and the local copy each stands for.
_LOCAL_COPIES = {
    "simpledc20021212.xsd": XSD / "dc" / "simpledc20021212.xsd",
    "xml.xsd": XSD / "ieee-lom" / "xml.xsd",
}
_SCHEMA_FILES = {"oai_dc": XSD / "dc" / "oai_dc.xsd", "lom": XSD / "ieee-lom" / "lomLoose.xsd"}
needs_xsd = pytest.mark.skipif(
    not all(p.is_file() for p in (*_SCHEMA_FILES.values(), *_LOCAL_COPIES.values())),
    reason="../shared/corpus/xsd is absent: the XSDs are read in place, never copied",
)

LOM_FILES = corpus_files("lom") + corpus2_files("lom") + corpus2_files("cartridge")
OTHER_FILES = (
    corpus_files("oai_dc")
    + corpus_files("dcterms")
    + corpus_files("jsonld")
    + corpus_files("amb", "examples-valid")
    + corpus2_files("oai_dc")
    + corpus2_files("dcterms")
    + corpus2_files("jsonld")
)
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


class _LocalSchemas(etree.Resolver):
    """Resolves the schemas the XSDs import by URL to the copies beside them."""

    def resolve(self, system_url: str | None, public_id: str | None, context: object) -> object:
        name = (system_url or "").rsplit("/", 1)[-1]
        local = _LOCAL_COPIES.get(name)
        if local is None:
            return None
        return self.resolve_filename(str(local), context)


@cache
def schema(target: str) -> etree.XMLSchema:
    """The XSD of ``target``, loaded from its file in place with no network access."""
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_LocalSchemas())
    return etree.XMLSchema(etree.parse(str(_SCHEMA_FILES[target]), parser))


def records(path: Path) -> Iterator[Record]:
    for item in iter_source(path):
        if not isinstance(item, Unreadable) and not item.deleted:
            yield item


def assert_valid(conversion: Conversion, where: str) -> None:
    xsd = schema(conversion.target)
    doc = etree.fromstring(conversion.text.encode("utf-8"))
    assert xsd.validate(doc), f"{where} -> {conversion.target}: {xsd.error_log.last_error}"


def _norm(value: str) -> str:
    return " ".join(value.split())


def facts(record: Record) -> dict[str, set[str]]:
    """What a round trip must keep: title, description, licence, languages,
    identifiers, keywords (and subject labels), contributors' names."""
    agents = [a for a in (*record.contributors, *record.publishers) if a.name]
    found = {
        "titles": {_norm(t.value) for t in record.titles},
        "descriptions": {_norm(t.value) for t in record.descriptions},
        "licences": {_norm(s.raw) for s in record.licences},
        "languages": {t.value.strip() for t in record.languages},
        "identifiers": {
            i.value.strip()
            for i in record.identifiers
            if not (i.catalog or "").startswith("metadata:")
        }
        | {u.value.strip() for u in record.urls},
        "keywords": {_norm(k.value) for k in record.keywords}
        | {_norm(label.value) for s in record.subjects for label in s.labels[:1]}
        | {_norm(s.value) for s in record.subjects if not s.labels},
        "contributors": {_norm(a.name or "") for a in agents},
    }
    return {key: values - {""} for key, values in found.items()}  # an empty value says nothing


#: The Record fields a fact of :func:`facts` is read from.
_FACT_FIELDS = {
    "titles": {"titles"},
    "descriptions": {"descriptions"},
    "licences": {"licences"},
    "languages": {"languages"},
    "identifiers": {"identifiers", "urls"},
    "keywords": {"keywords", "subjects"},
    "contributors": {"contributors", "publishers"},
}


def reported(key: str, value: str, conversion: Conversion) -> bool:
    """True when ``conversion`` reports ``value`` dropped from a field of fact ``key``."""
    head = _norm(value)[:30]
    return any(d.field in _FACT_FIELDS[key] and head in _norm(d.value) for d in conversion.dropped)


def assert_round_trip(record: Record, target: str, where: str, then: str | None = None) -> None:
    """Through ``target`` (and then ``then``) and back: each fact is kept or reported
    by one of the conversions."""
    conversions = [write(record, target)]
    back = oer_meta.read(conversions[0].text.encode("utf-8"))
    if then is not None:
        conversions.append(write(back, then))
        back = oer_meta.read(conversions[1].text.encode("utf-8"))
    before, after = facts(record), facts(back)
    for key, values in before.items():
        lost = sorted(
            v for v in values - after[key] if not any(reported(key, v, c) for c in conversions)
        )
        path = " -> ".join([where, target, *([then] if then else []), "Record"])
        assert not lost, f"{path}: {key} lost silently: {lost}"


# -- every LOM record of the corpora, against the XSDs -----------------------------------


@needs_xsd
@pytest.mark.parametrize("path", LOM_FILES, ids=corpus_id)
@pytest.mark.parametrize("target", ["oai_dc", "lom"])
def test_lom_corpus_converts_to_documents_valid_against_the_xsd(path: Path, target: str) -> None:
    converted = [write(record, target) for record in records(path)]
    if not converted:  # a SCORM 1.2 manifest that only refers to its LOM file
        pytest.skip(f"{corpus_id(path)} holds no record of its own")
    for n, conversion in enumerate(converted):
        assert_valid(conversion, f"{corpus_id(path)}#{n}")


@needs_xsd
@pytest.mark.parametrize("path", OTHER_FILES, ids=corpus_id)
def test_dc_and_jsonld_corpus_convert_to_valid_xml_too(path: Path) -> None:
    """Records of the other formats reach LOM and oai_dc through the same Record."""
    for n, record in enumerate(records(path)):
        for target in ("oai_dc", "lom"):
            assert_valid(write(record, target), f"{corpus_id(path)}#{n}")


@needs_xsd
def test_the_xsds_refuse_what_they_should() -> None:
    """The schemas are loaded whole (imports resolved), so a wrong document fails."""
    two_titles = (
        b'<lom xmlns="http://ltsc.ieee.org/xsd/LOM"><general><title/><title/></general></lom>'
    )
    bad_date = (
        b'<lom xmlns="http://ltsc.ieee.org/xsd/LOM"><lifeCycle><contribute><date>'
        b"<dateTime>May 2</dateTime></date></contribute></lifeCycle></lom>"
    )
    bad_dc = (
        b'<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
        b'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:colour/></oai_dc:dc>'
    )
    assert not schema("lom").validate(etree.fromstring(two_titles))
    assert not schema("lom").validate(etree.fromstring(bad_date))
    assert not schema("oai_dc").validate(etree.fromstring(bad_dc))


@pytest.mark.parametrize("path", LOM_FILES + OTHER_FILES, ids=corpus_id)
@pytest.mark.parametrize("target", TARGETS)
def test_round_trips_keep_the_facts_or_say_what_was_lost(path: Path, target: str) -> None:
    for n, record in enumerate(records(path)):
        if filled_fields(record):
            assert_round_trip(record, target, f"{corpus_id(path)}#{n}")


_TWO_HOPS = [("lom", "jsonld"), ("jsonld", "lom"), ("oai_dc", "lom"), ("lom", "oai_dc")]


@pytest.mark.parametrize("path", LOM_FILES + OTHER_FILES, ids=corpus_id)
def test_two_hop_round_trips_keep_the_facts_or_say_what_was_lost(path: Path) -> None:
    """jsonld -> lom -> jsonld and the like: what the first hop kept, the second keeps."""
    for n, record in enumerate(records(path)):
        if filled_fields(record):
            for first, then in _TWO_HOPS:
                assert_round_trip(record, first, f"{corpus_id(path)}#{n}", then=then)


@pytest.mark.parametrize("path", LOM_FILES + OTHER_FILES, ids=corpus_id)
def test_no_field_is_dropped_silently(path: Path) -> None:
    """Every content field that holds a value is written or reported dropped, by the
    writer itself (never by the catch-all)."""
    for n, record in enumerate(records(path)):
        for target in TARGETS:
            conversion = write(record, target)
            dropped = {d.field for d in conversion.dropped}
            for name in filled_fields(record):
                assert name in conversion.written or name in dropped, (
                    f"{corpus_id(path)}#{n} -> {target}: {name}"
                )
            unhandled = [d for d in conversion.dropped if d.reason == UNHANDLED]
            assert not unhandled, f"{corpus_id(path)}#{n} -> {target}: {unhandled}"


def _std(source: Record | bytes) -> set[str]:
    return {f.rule for f in oer_meta.validate(source).findings if f.rule.startswith("STD")}


@pytest.mark.parametrize("path", LOM_FILES + OTHER_FILES, ids=corpus_id)
def test_converted_documents_bring_no_new_std_finding(path: Path) -> None:
    """The writer introduces no structure or conformance problem: the STD codes of the
    converted document are among the original's (an empty record writes an empty
    document, which reads as no record at all, so it is left out)."""
    for n, record in enumerate(records(path)):
        if not filled_fields(record):
            continue
        before = _std(record)
        for target in TARGETS:
            after = _std(write(record, target).text.encode("utf-8"))
            assert after <= before, f"{corpus_id(path)}#{n} -> {target}: {after - before}"


# -- project-written JSON-LD fixtures ---------------------------------------------------

_LESSON = {
    "@context": "https://schema.org/",
    "@type": "LearningResource",
    "@id": "https://example.org/oer/photosynthesis",
    "name": {"@value": "Photosynthesis, step by step", "@language": "en"},
    "description": "A lesson on how plants turn light into sugar.",
    "inLanguage": ["en", "de"],
    "keywords": ["plants", "light", "biology"],
    "license": "https://creativecommons.org/licenses/by-sa/4.0/",
    "identifier": {"@type": "PropertyValue", "propertyID": "local", "value": "lesson-42"},
    "creator": [
        {"@type": "Person", "name": "Ada Moreau, PhD", "email": "ada@example.org"},
        {"@type": "Organization", "name": "Green School; Science Dept."},
    ],
    "contributor": {"@type": "Person", "name": "Ben Okafor"},
    "publisher": {"@type": "Organization", "name": "Open Lessons Cooperative"},
    "learningResourceType": "lecture",
    "dateCreated": "2024-03-01",
    "timeRequired": "PT45M",
    "encodingFormat": "text/html",
    "isAccessibleForFree": True,
    "accessMode": ["textual", "visual"],
}


def test_jsonld_to_lom_and_back_keeps_the_facts() -> None:
    record = oer_meta.read(dict(_LESSON))
    lom = write(record, "lom")
    back = oer_meta.read(lom.text.encode("utf-8"))
    assert back.title == "Photosynthesis, step by step"
    assert [t.language for t in back.titles] == ["en"]
    assert {t.value for t in back.languages} == {"en", "de"}
    assert {k.value for k in back.keywords} == {"plants", "light", "biology"}
    assert {a.name for a in back.contributors} == {
        "Ada Moreau, PhD",
        "Green School; Science Dept.",
        "Ben Okafor",
    }
    assert [a.name for a in back.publishers] == ["Open Lessons Cooperative"]
    assert [s.raw for s in back.licences] == ["https://creativecommons.org/licenses/by-sa/4.0/"]
    assert {i.value for i in back.identifiers} >= {
        "https://example.org/oer/photosynthesis",
        "lesson-42",
    }
    assert [(d.value, d.kind) for d in back.dates] == [("2024-03-01", "created")]
    assert [t.value for t in back.learning_resource_types] == ["lecture"]
    # what LOM cannot hold is said
    assert any(d.field == "accessibility.access_modes" for d in lom.dropped)
    # ... and back to JSON-LD: the same facts again
    again = oer_meta.read(json.loads(write(back, "jsonld").text))
    assert facts(again)["contributors"] == facts(record)["contributors"]
    assert facts(again)["keywords"] == facts(record)["keywords"]
    assert [s.raw for s in again.licences] == [s.raw for s in record.licences]
    assert [(d.value, d.kind) for d in again.dates] == [("2024-03-01", "created")]


@needs_xsd
def test_jsonld_fixture_converts_to_valid_xml() -> None:
    record = oer_meta.read(dict(_LESSON))
    for target in ("lom", "oai_dc"):
        assert_valid(write(record, target), "fixture")


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize(
    "name",
    ["lom/exemplary-lesson.lom.xml", "dc/exemplary-oai_dc.xml", "jsonld/exemplary-lrmi.jsonld"],
)
def test_project_examples_round_trip(name: str, target: str) -> None:
    record = oer_meta.read(EXAMPLES / name)
    assert_round_trip(record, target, name)


def test_jsonld_extensions_go_back_as_they_were() -> None:
    doc = {**_LESSON, "funding": {"@type": "Grant", "name": "Seed fund"}}
    out = json.loads(write(oer_meta.read(doc), "jsonld").text)
    assert out["funding"] == {"@type": "Grant", "name": "Seed fund"}


# -- what a target cannot hold ----------------------------------------------------------


def _record(**fields: object) -> Record:
    return Record(source_format="jsonld", **fields)  # type: ignore[arg-type]


def test_lom_drops_a_date_that_is_not_iso_and_says_so() -> None:
    record = _record(
        titles=(Text(value="Rain"),),
        contributors=(Agent(role="author", name="Ada"),),
        dates=(DateValue(value="October 4, 2006", kind="created"),),
    )
    conversion = write(record, "lom")
    assert "October" not in conversion.text
    assert [(d.field, d.value) for d in conversion.dropped] == [("dates", "October 4, 2006")]


@needs_xsd
def test_lom_writes_a_zoned_time_in_the_form_its_pattern_takes() -> None:
    record = _record(
        contributors=(Agent(role="author", name="Ada"),),
        dates=(DateValue(value="2016-06-05T23:30:00+02:00", kind="created"),),
    )
    conversion = write(record, "lom")
    assert "<dateTime>2016-06-05T23:30:00.0+02:00</dateTime>" in conversion.text
    assert not conversion.dropped
    assert_valid(conversion, "zoned time")


_DC_RECORD = b"""<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:title>Tides</dc:title><dc:publisher>Harbour Press</dc:publisher>
  <dc:date>2021-05-04</dc:date></oai_dc:dc>"""


def test_an_unqualified_dc_date_is_the_publication_date() -> None:
    record = oer_meta.read(_DC_RECORD)
    lom = oer_meta.read(write(record, "lom").text.encode("utf-8"))
    assert [(d.value, d.kind) for d in lom.dates] == [("2021-05-04", "published")]
    assert [a.name for a in lom.publishers] == ["Harbour Press"]
    assert json.loads(write(record, "jsonld").text)["datePublished"] == "2021-05-04"


def test_lom_holds_one_title_per_language() -> None:
    record = _record(
        titles=(Text(value="Rain", language="en"), Text(value="Showers", language="en"))
    )
    conversion = write(record, "lom")
    assert "Rain" in conversion.text and "Showers" not in conversion.text
    assert [d.value for d in conversion.dropped if d.field == "titles"] == ["Showers"]


def test_oai_dc_says_the_role_and_contact_it_cannot_hold() -> None:
    record = _record(
        contributors=(Agent(role="editor", name="Ben", email=("ben@example.org",)),),
    )
    conversion = write(record, "oai_dc")
    assert "<dc:contributor>Ben</dc:contributor>" in conversion.text
    assert "ben@example.org" not in conversion.text
    reasons = {d.reason for d in conversion.dropped}
    assert "dc:contributor does not say the role" in reasons
    assert "dc:contributor holds the agent's name only" in reasons


def test_vcard_escapes_what_vcard_reserves() -> None:
    agent = Agent(name="Moreau, Ada; Dept. \\ Lab", email=("a@example.org",))
    card = vcard(agent)
    assert "FN:Moreau\\, Ada\\; Dept. \\\\ Lab" in card
    record = _record(contributors=(agent.model_copy(update={"role": "author"}),))
    back = oer_meta.read(write(record, "lom").text.encode("utf-8"))
    assert [a.name for a in back.contributors] == ["Moreau, Ada; Dept. \\ Lab"]


def test_content_fields_cover_the_record_model() -> None:
    """A field added to the Record must be placed: content (writers map or drop it)
    or not content."""
    top = {name.split(".")[0] for name in CONTENT_FIELDS}
    assert top | NOT_CONTENT == set(Record.model_fields)
    assert not top & NOT_CONTENT


def test_the_catch_all_reports_a_field_no_writer_code_handled() -> None:
    record = _record(titles=(Text(value="Rain"),), formats=(Text(value="text/html"),))
    out = Output("test")
    out.wrote("titles")
    conversion = out.finish(record, "")
    assert [(d.field, d.value, d.reason) for d in conversion.dropped] == [
        ("formats", "text/html", UNHANDLED)
    ]


@given(st.text())
def test_xml_text_is_always_xml_and_says_when_it_changed(value: str) -> None:
    out = Output("lom")
    cleaned = xml_text(out, "titles", value)
    elem = etree.Element("t")
    elem.text = cleaned  # lxml refuses what XML cannot hold
    assert etree.fromstring(etree.tostring(elem)).text in (cleaned, None)
    assert bool(out.dropped) == (cleaned != value)


_LANGUAGE_XSD = etree.XMLSchema(
    etree.fromstring(
        b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        b'<xs:element name="l" type="xs:language"/></xs:schema>'
    )
)


@given(st.text(alphabet="aZ9-_ x\u00e9", max_size=20))
def test_is_language_tag_agrees_with_xs_language(value: str) -> None:
    """What the writers put in ``xml:lang`` and LOM's language is what XSD accepts."""
    elem = etree.Element("l")
    elem.text = value
    assert is_language_tag(value) == _LANGUAGE_XSD.validate(elem)


@given(st.text(alphabet="abcXYZ -_", min_size=1, max_size=12))
def test_role_key_reads_a_concept_uri_as_its_token(token: str) -> None:
    assume(token.strip())
    assert role_key(f"http://purl.org/vocab/role/{token}") == role_key(token)
    assert role_key(token) == token.strip().lower()


# -- API and CLI ------------------------------------------------------------------------


def test_api_convert_one_record() -> None:
    conversion = oer_meta.convert(EXAMPLES / "lom" / "exemplary-lesson.lom.xml", to="oai_dc")
    assert isinstance(conversion, oer_meta.Conversion)
    assert conversion.text.startswith("<?xml") and "<dc:title" in conversion.text
    with pytest.raises(UnknownFormatError):
        oer_meta.convert(EXAMPLES / "lom" / "exemplary-lesson.lom.xml", to="marc")
    with pytest.raises(UnknownFormatError):
        write(oer_meta.read(EXAMPLES / "lom" / "exemplary-lesson.lom.xml"), "marc")
    with pytest.raises(RecordCountError):
        oer_meta.convert(EXAMPLES / "dc" / "oai-listrecords.xml", to="lom")
    many = list(oer_meta.convert_records(EXAMPLES / "dc" / "oai-listrecords.xml", to="lom"))
    assert len(many) > 1 and all(c.target == "lom" for c in many)


def test_cli_writes_one_document_and_lists_drops_on_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["convert", str(EXAMPLES / "lom" / "exemplary-lesson.lom.xml"), "--to", "oai_dc"])
    out, err = capsys.readouterr()
    assert code == 0
    assert etree.fromstring(out.encode("utf-8")).tag.endswith("}dc")
    lines = err.splitlines()
    assert lines and all(": not written in oai_dc: " in line for line in lines)


def test_cli_many_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    harvest = str(EXAMPLES / "dc" / "oai-listrecords.xml")
    count = len(list(records(Path(harvest))))
    assert main(["convert", harvest, "--to", "lom"]) == 2
    assert "give --output FOLDER" in capsys.readouterr().err
    folder = tmp_path / "out"
    assert main(["convert", harvest, "--to", "lom", "--output", str(folder)]) == 0
    written = sorted(folder.iterdir())
    assert len(written) == count
    assert all(oer_meta.read(p).source_format == "lom" for p in written)
    assert main(["convert", harvest, "--to", "jsonld"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == count and all(json.loads(line)["@type"] for line in lines)


def test_cli_output_file_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "lesson.json"
    source = str(EXAMPLES / "lom" / "exemplary-lesson.lom.xml")
    assert main(["convert", source, "--to", "jsonld", "--output", str(target)]) == 0
    assert oer_meta.read(target).source_format == "jsonld"
    assert main(["convert", str(tmp_path / "missing.xml"), "--to", "lom"]) == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["convert", source, "--to", "marc"])
    assert exit_info.value.code == 2


def test_cli_reads_standard_input_and_names_deleted_records(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = (EXAMPLES / "dc" / "oai-listrecords.xml").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["convert", "-", "--to", "jsonld"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 2  # the two live records, as JSON Lines
    assert "skipped deleted record" in err
