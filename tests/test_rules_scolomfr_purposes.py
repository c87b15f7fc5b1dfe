"""STD003: a ScoLOMFR classification's taxons come from the vocabulary its purpose calls
for (``domaine d'enseignement`` takes ``scolomfr-voc-015``), issue 9 section 2."""

from __future__ import annotations

import oer_meta
from oer_meta.model import Location, Record, Term
from oer_meta.readers import read_records

SCO = "http://data.education.fr/voc/scolomfr/concept/"
SCHEME = "http://data.education.fr/voc/scolomfr/"
DOMAINE = f"{SCO}scolomfr-voc-028-num-003"  # domaine d'enseignement -> scolomfr-voc-015
TAXON = "classification.taxonPath.taxon"


def purpose_messages(record: Record) -> list[str]:
    return [f.message for f in oer_meta.check(record, select=["STD003"]) if "purpose" in f.message]


def classification(purpose: str, source: str, *taxons: str, label: str = "") -> str:
    labelled = f"<label>{label}</label>" if label else ""
    ids = "".join(
        f"<taxon><id>{taxon}</id><entry><string language='fr'>t{n}</string></entry></taxon>"
        for n, taxon in enumerate(taxons)
    )
    return (
        f"<classification><purpose><source>SCOLOMFRv3.0</source><value>{purpose}</value>"
        f"{labelled}</purpose><taxonPath><source><string language='fr'>{source}</string>"
        f"</source>{ids}</taxonPath></classification>"
    )


def scolomfr(*classifications: str) -> Record:
    xml = (
        '<lom xmlns="http://ltsc.ieee.org/xsd/LOM"><general><title><string language="fr">'
        "Cuisson</string></title></general><metaMetadata><metadataSchema>SCOLOMFRv3.0"
        f"</metadataSchema></metaMetadata>{''.join(classifications)}</lom>"
    )
    [record] = list(read_records(xml.encode("utf-8")))
    return record


def test_taxons_of_another_vocabulary_than_the_purpose_calls_for_are_one_finding() -> None:
    record = scolomfr(
        classification(
            DOMAINE,
            "ScoLOMFR niveaux",
            f"{SCO}scolomfr-voc-022-num-016",
            f"{SCO}scolomfr-voc-022-num-021",
        )
    )
    [finding] = [f for f in oer_meta.check(record, select=["STD003"]) if "purpose" in f.message]
    assert finding.message == (
        f"classification.taxonPath.taxon value '{SCO}scolomfr-voc-022-num-016' is a concept of "
        "the ScoLOMFR vocabulary scolomfr-voc-022 (NiveauDétaillé), not of scolomfr-voc-015 "
        "(DomaineEnseignement), the vocabulary the classification purpose "
        "scolomfr-voc-028-num-003 (domaine d'enseignement) calls for (2 such values; the "
        "first is located)"
    )
    assert finding.severity == "warning"
    assert finding.field == "subjects"
    assert finding.location is not None
    assert finding.location.path is not None
    assert finding.location.path.endswith("taxon[1]")
    assert "take the taxons of this classification from scolomfr-voc-015" in finding.hint


def test_taxons_of_the_vocabulary_the_purpose_calls_for_pass() -> None:
    record = scolomfr(
        classification(DOMAINE, f"{SCHEME}scolomfr-voc-015", f"{SCO}scolomfr-voc-015-num-1230"),
        classification(f"{SCO}educational_level", "niveaux", f"{SCO}scolomfr-voc-022-num-016"),
    )
    assert oer_meta.check(record, select=["STD003"]) == []


def test_each_classification_is_judged_by_its_own_purpose() -> None:
    record = scolomfr(
        classification(f"{SCO}educational_level", "niveaux", f"{SCO}scolomfr-voc-022-num-016"),
        classification(f"{SCO}discipline", "champs", f"{SCO}scolomfr-voc-022-num-021"),
    )
    [message] = purpose_messages(record)
    assert "scolomfr-voc-022-num-021" in message
    assert "not of scolomfr-voc-014 (ChampDisciplinaire)" in message
    assert "purpose discipline calls for" in message


def test_a_label_naming_another_purpose_is_quoted() -> None:
    record = scolomfr(
        classification(
            DOMAINE,
            "niveaux",
            f"{SCO}scolomfr-voc-022-num-016",
            label="niveau éducatif détaillé",
        )
    )
    [message] = purpose_messages(record)
    assert message.endswith("calls for (the record labels it 'niveau éducatif détaillé')"), message


def test_a_taxon_reported_against_its_source_is_not_reported_again() -> None:
    record = scolomfr(
        classification(DOMAINE, f"{SCHEME}scolomfr-voc-015", f"{SCO}scolomfr-voc-022-num-016")
    )
    [finding] = oer_meta.check(record, select=["STD003"])
    assert "the vocabulary its taxonPath source names" in finding.message


def test_unknown_taxons_are_judged_by_the_vocabulary_their_source_names() -> None:
    record = scolomfr(classification(DOMAINE, f"{SCHEME}scolomfr-voc-022", "http://my-own-uri"))
    [message] = purpose_messages(record)
    assert message.startswith(
        f"classification.taxonPath source '{SCHEME}scolomfr-voc-022' names the ScoLOMFR "
        "vocabulary scolomfr-voc-022 (NiveauDétaillé), not scolomfr-voc-015"
    )


def test_purposes_that_tie_no_vocabulary_and_plain_tokens_are_not_judged() -> None:
    record = scolomfr(
        classification(f"{SCO}competency", "socle", f"{SCO}scolomfr-voc-022-num-016"),
        classification("discipline", "champs", f"{SCO}scolomfr-voc-022-num-016"),
        classification(DOMAINE, "Motbis", "frCNDP01161"),
    )
    assert purpose_messages(record) == []


def test_the_reader_gives_each_taxon_its_classification_purpose() -> None:
    record = scolomfr(
        classification(f"{SCO}educational_level", "niveaux", f"{SCO}scolomfr-voc-022-num-016"),
        classification(" discipline ", "champs", "SEC"),
    )
    assert {(t.id, t.purpose) for t in (*record.subjects, *record.educational_levels)} == {
        (f"{SCO}scolomfr-voc-022-num-016", f"{SCO}educational_level"),
        ("SEC", "discipline"),
    }


def test_hand_built_taxons_are_judged_by_the_purpose_they_carry() -> None:
    concept = f"{SCO}scolomfr-voc-022-num-016"
    unplaced = Term(value=concept, id=concept, element=TAXON)
    record = Record(source_format="lom", subjects=(unplaced,))
    assert purpose_messages(record) == []
    placed = unplaced.model_copy(update={"purpose": DOMAINE, "location": Location(line=9)})
    other = Term(value="x", id=f"{SCO}scolomfr-voc-022-num-021", element=TAXON, purpose=DOMAINE)
    [finding] = [
        f
        for f in oer_meta.check(Record(source_format="lom", subjects=(placed, other)))
        if f.rule == "STD003"
    ]
    assert "(2 such values; the first is located)" in finding.message
    assert finding.location is not None and finding.location.line == 9
