"""Convert metadata between formats through the Record: read, then write.

``oer_meta.convert(source, to="oai_dc")`` reads exactly one record from ``source``
(a path, bytes, text, a dict or a :class:`~oer_meta.model.Record`) and writes it with
:mod:`oer_meta.writers`; :func:`convert_records` does the same for every record of a
file, lazily.  Each :class:`~oer_meta.writers.Conversion` says what its target could
not hold (``dropped``).  This module sits above both readers and writers, which never
import each other.
"""

from __future__ import annotations

from collections.abc import Iterator

from oer_meta.errors import UnknownFormatError
from oer_meta.i18n import joined, said
from oer_meta.model import Record
from oer_meta.readers import read, read_records
from oer_meta.readers.dispatch import Source
from oer_meta.readers.limits import ReadLimits
from oer_meta.writers import TARGETS, Conversion, write

__all__ = ["Conversion", "convert", "convert_records"]


def _target(to: str) -> str:
    if to not in TARGETS:
        raise UnknownFormatError(
            said(
                "unknown target format {to!r}; choose one of {targets}",
                to=to,
                targets=joined(", ", TARGETS),
            )
        )
    return to


def convert(
    source: Source,
    *,
    to: str,
    format: str | None = None,
    limits: ReadLimits | None = None,
) -> Conversion:
    """The one record of ``source`` written as ``to`` (``lom``, ``oai_dc``, ``jsonld``);
    raises :class:`~oer_meta.errors.RecordCountError` when it holds none or several."""
    target = _target(to)
    record = source if isinstance(source, Record) else read(source, format=format, limits=limits)
    return write(record, target)


def convert_records(
    source: Source,
    *,
    to: str,
    format: str | None = None,
    limits: ReadLimits | None = None,
) -> Iterator[Conversion]:
    """Every live record of ``source`` written as ``to``; deleted records (OAI-PMH
    headers) are skipped, unreadable input raises :class:`~oer_meta.errors.ReadError`
    after the records read before it."""
    target = _target(to)
    for record in read_records(source, format=format, limits=limits):
        if not record.deleted:
            yield write(record, target)
