"""The record model: one normalised view of LOM, Dublin Core and JSON-LD records."""

from oer_meta.model.conventions import Conventions
from oer_meta.model.items import HarvestError, InternalError, ReadItem, Unreadable
from oer_meta.model.licence import Licence
from oer_meta.model.location import Location
from oer_meta.model.record import Accessibility, Record
from oer_meta.model.values import (
    Agent,
    Annotation,
    Contact,
    DateValue,
    Duration,
    Extension,
    Identifier,
    LicenceStatement,
    Problem,
    Relation,
    Suppression,
    Term,
    Text,
)

__all__ = [
    "Accessibility",
    "Agent",
    "Annotation",
    "Contact",
    "Conventions",
    "DateValue",
    "Duration",
    "Extension",
    "HarvestError",
    "Identifier",
    "InternalError",
    "Licence",
    "LicenceStatement",
    "Location",
    "Problem",
    "ReadItem",
    "Record",
    "Relation",
    "Suppression",
    "Term",
    "Text",
    "Unreadable",
]
