"""Writers: a Record into LOM XML, oai_dc XML or schema.org/LRMI JSON-LD.

The other direction of the readers, through the same model: a writer reads only the
Record (and ``knowledge``), never a reader, so any record oer_meta reads can be written
in any target, and every value a target cannot hold is reported
(:class:`~oer_meta.writers.base.Dropped`), never lost silently.  docs/crosswalks.md
gives the mapping tables.
"""

from __future__ import annotations

from oer_meta.errors import UnknownFormatError
from oer_meta.i18n import joined, said
from oer_meta.model import Record
from oer_meta.writers.base import TARGETS, Conversion, Dropped


def write(record: Record, to: str) -> Conversion:
    """``record`` written in target ``to`` (``lom``, ``oai_dc`` or ``jsonld``)."""
    if to == "oai_dc":
        from oer_meta.writers.oai_dc import write_oai_dc

        return write_oai_dc(record)
    if to == "lom":
        from oer_meta.writers.lom import write_lom

        return write_lom(record)
    if to == "jsonld":
        from oer_meta.writers.jsonld import write_jsonld

        return write_jsonld(record)
    raise UnknownFormatError(
        said(
            "unknown target format {to!r}; choose one of {targets}",
            to=to,
            targets=joined(", ", TARGETS),
        )
    )


__all__ = ["TARGETS", "Conversion", "Dropped", "write"]
