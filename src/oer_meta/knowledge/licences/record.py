"""Licence facts about a whole record: its statements parsed, and the licence a
re-user would go by.

Readers keep statements raw; :func:`annotate` parses each once, when the record leaves
the readers, and puts the :class:`Licence` on the statement (with ``spdx``, ``url`` and
``openness`` for the report).  Everything else here reads that result: rules never
parse a statement again.  A statement built by hand and never annotated is parsed when
asked (:func:`licence_of`), so hand-made records still work.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from oer_meta.knowledge.licences.model import Licence
from oer_meta.knowledge.licences.parse import parse_licence
from oer_meta.knowledge.vocabularies import concept_tail
from oer_meta.model import LicenceStatement, Record, Term

__all__ = [
    "COPYRIGHT_FIELD",
    "DERIVATION_KINDS",
    "annotate",
    "annotated",
    "effective_licence",
    "from_copyright_slot",
    "licence_of",
    "parsed_statements",
    "record_licence",
    "yes_no",
]

#: The source_field given to a licence written in LOM's yes/no copyright slot.
COPYRIGHT_FIELD = "lom:rights/lom:copyrightAndOtherRestrictions"

_YES = {"yes", "oui", "ja", "si", "sí", "true"}
_NO = {"no", "non", "nein", "false"}
_UNSTATED = {"", "unknown", "inconnu", "unbekannt", "unspecified"}

#: How much a statement's form is trusted when statements disagree.
_STRENGTH = {"spdx": 6, "url": 6, "short-name": 5, "name": 4, "fuzzy": 3, "statement": 2}


def yes_no(term: Term | None) -> bool | None:
    """A LOM yes/no value (``copyrightAndOtherRestrictions``, ``cost``) as a boolean:
    True for ``yes`` (also a ScoLOMFR concept such as ``.../concept/yes_2``), False for
    ``no``, None when absent, unknown or not a yes/no value (a licence name put in the
    slot)."""
    if term is None:
        return None
    value = concept_tail(term.value.casefold())
    if value != term.value.strip().casefold():  # a concept URI: ``.../concept/yes_2``
        value = value.split("_", 1)[0]
    if value in _YES:
        return True
    if value in _NO:
        return False
    return None


def _copyright_slot_licence(term: Term | None) -> LicenceStatement | None:
    """A licence name or code written where LOM expects yes/no (anatomytool's
    ``CC Attribution-... license``, NL-LOM's ``cc-by-40``)."""
    if term is None or yes_no(term) is not None:
        return None
    if term.value.strip().casefold() in _UNSTATED:
        return None
    return LicenceStatement(raw=term.value, source_field=COPYRIGHT_FIELD, location=term.location)


def from_copyright_slot(statement: LicenceStatement) -> bool:
    """True for a licence read from LOM's yes/no copyright slot (a code from a declared
    vocabulary there, NL-LOM's ``cc-by-40``, is machine-actionable)."""
    return statement.source_field == COPYRIGHT_FIELD


def licence_of(statement: LicenceStatement) -> Licence:
    """What the parser concluded about ``statement``: the readers' parse, or (for a
    statement built by hand and never annotated) a parse now."""
    if statement.licence is not None:
        return statement.licence
    return parse_licence(statement.raw)


def _filled(statement: LicenceStatement) -> LicenceStatement:
    """``statement`` carrying its parsed licence (itself when it already does)."""
    if statement.licence is not None and statement.licence.raw == statement.raw:
        return statement
    licence = parse_licence(statement.raw)
    return statement.model_copy(
        update={
            "licence": licence,
            "spdx": licence.spdx,
            "url": licence.url,
            "openness": licence.openness,
        }
    )


def annotated(
    statements: Sequence[LicenceStatement], copyright_slot: Term | None = None
) -> tuple[LicenceStatement, ...]:
    """The statements, each parsed once, and a licence written in LOM's copyright slot
    (``copyright_slot``, the record's ``copyright_restrictions``) as one more."""
    found = [_filled(s) for s in statements]
    if not any(s.source_field == COPYRIGHT_FIELD for s in found):
        extra = _copyright_slot_licence(copyright_slot)
        if extra is not None:
            found.append(_filled(extra))
    return tuple(found)


def _complete(record: Record) -> bool:
    if any(s.licence is None for s in record.licences):
        return False
    if any(s.licence is None for r in record.relations for s in r.licences):
        return False
    return (
        any(s.source_field == COPYRIGHT_FIELD for s in record.licences)
        or _copyright_slot_licence(record.copyright_restrictions) is None
    )


def annotate(record: Record) -> Record:
    """``record`` with every licence statement (and its relations') parsed: the record
    itself when the readers did it already, else a copy made once.

    Idempotent: a licence found in LOM's copyright slot is added to ``licences`` once.
    """
    if _complete(record):
        return record
    relations = tuple(
        r.model_copy(update={"licences": annotated(r.licences)}) if r.licences else r
        for r in record.relations
    )
    return record.model_copy(
        update={
            "licences": annotated(record.licences, record.copyright_restrictions),
            "relations": relations,
        }
    )


def parsed_statements(record: Record) -> list[tuple[LicenceStatement, Licence]]:
    """Each non-empty licence statement of the record with what the parser made of it."""
    pairs: list[tuple[LicenceStatement, Licence]] = []
    for statement in record.licences:
        if statement.raw.strip():
            pairs.append((statement, licence_of(statement)))
    if not any(s.source_field == COPYRIGHT_FIELD for s in record.licences):
        extra = _copyright_slot_licence(record.copyright_restrictions)  # never annotated
        if extra is not None:
            pairs.append((extra, licence_of(extra)))
    return pairs


def best_licence(licences: list[Licence]) -> Licence | None:
    """The licence a re-user would go by among several statements: the most
    trustworthy form (URL or SPDX id over a name over prose); the first on ties."""
    best: Licence | None = None
    best_score = -1
    for licence in licences:
        score = _STRENGTH.get(licence.how, 0)
        if licence.url or licence.spdx:
            score += 1
        if score > best_score:
            best, best_score = licence, score
    return best


#: A part named so is the resource's software, not its content (``"Source Code"``,
#: ``"Quellcode"``, ``"Software"``, ``"Código"``).
_CODE_PART = re.compile(r"code|software|logiciel|programm|c[oó]digo|codice", re.IGNORECASE)


def _for_the_work(
    pairs: list[tuple[LicenceStatement, Licence]],
) -> list[tuple[LicenceStatement, Licence]]:
    """The statements that cover the work a re-user takes: those for the whole
    resource; else, when every statement is for a part (schema.org licence objects
    named "Source Code" and "Content"), those of the parts that are not its code."""
    whole = [pair for pair in pairs if pair[0].applies_to is None]
    if whole:
        return whole
    content = [pair for pair in pairs if not _CODE_PART.search(pair[0].applies_to or "")]
    return content or pairs


def record_licence(record: Record) -> Licence | None:
    """The licence of ``record`` a re-user would go by, or None when it states none."""
    return best_licence([licence for _, licence in _for_the_work(parsed_statements(record))])


#: Relation kinds that say the record is derived from their target (LOM ``isbasedon``,
#: schema.org ``isBasedOn``/``translationOfWork``, DC ``source``...).
DERIVATION_KINDS = frozenset(
    {"isbasedon", "isbasedonurl", "source", "translationofwork", "istranslationof"}
)


def effective_licence(record: Record) -> tuple[LicenceStatement, Licence] | None:
    """The statement a re-user would go by: the strongest licence if any, else the
    strongest rights statement (of those that cover the work, see ``_for_the_work``)."""
    every = _for_the_work(parsed_statements(record))
    pairs = [(s, lic) for s, lic in every if lic.names_licence] or every
    chosen = best_licence([lic for _, lic in pairs])
    if chosen is None:
        return None
    return next(pair for pair in pairs if pair[1] is chosen)
