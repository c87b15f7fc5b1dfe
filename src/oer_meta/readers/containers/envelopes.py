"""Learning Registry envelopes: JSON documents that carry metadata records as payloads.

A Learning Registry node publishes each record wrapped in a ``resource_data``
envelope: ``payload_schema`` names the format (``oai_dc``, ``nsdl_dc``, ``LRMI``...),
``resource_data`` holds the record (an XML string or a JSON object) and
``resource_locator`` the URL of the resource described.  Dumps and API answers put
the envelopes in a ``documents`` list (directly, or wrapped as the ``obtain`` and
``slice`` services do), or in ``listrecords`` (the ``harvest`` service).

Every envelope document yields at least one item: the records of its payload, or an
:class:`Unreadable` saying why there is no usable payload, so that a dump never loses a
document silently.

``resource_locator`` is the submitter's statement of where the resource lives.  When
the payload record does not already name that URL among its identifiers or URLs, it is
added to both (with the envelope's JSON Pointer as location), so that a record whose
metadata lacks an identifier is still linked to its resource, as the envelope intends.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

from oer_meta.i18n import said
from oer_meta.knowledge.identifiers import identifier_scheme
from oer_meta.model import Identifier, Location, Record, Text
from oer_meta.readers.base import Dispatcher, Positioner, ReadItem, Unreadable
from oer_meta.readers.encodings import declare_utf8
from oer_meta.readers.limits import ReadLimits

__all__ = ["is_envelope", "read_envelopes"]

_ENVELOPE_KEYS = ("payload_schema", "payload_placement", "resource_locator", "resource_data_type")


def _is_document(value: object) -> bool:
    """One envelope: ``doc_type`` says so, or ``resource_data`` with envelope fields."""
    if not isinstance(value, dict):
        return False
    if value.get("doc_type") == "resource_data":
        return True
    return "resource_data" in value and any(key in value for key in _ENVELOPE_KEYS)


def _is_wrapper(value: object) -> bool:
    """An ``obtain`` (``document`` list) or ``slice`` (``resource_data_description``) item."""
    return isinstance(value, dict) and (
        isinstance(value.get("document"), list)
        or _is_document(value.get("resource_data_description"))
    )


def is_envelope(value: object) -> bool:
    """True when ``value`` is a Learning Registry envelope, or a list of them under
    ``documents`` / ``listrecords`` (an empty ``documents`` list counts: it is an LR
    answer with nothing in it, and is reported as such)."""
    if not isinstance(value, dict):
        return False
    if _is_document(value):
        return True
    documents = value.get("documents")
    if isinstance(documents, list):
        return not documents or any(_is_document(d) or _is_wrapper(d) for d in documents)
    harvested = value.get("listrecords")
    if isinstance(harvested, list):
        return any(isinstance(item, dict) and "record" in item for item in harvested)
    getrecord = value.get("getrecord")
    return isinstance(getrecord, dict) and "record" in getrecord


def _documents(value: dict[str, Any], pointer: str) -> Iterator[tuple[str, object]]:
    """``(JSON Pointer, envelope)`` for every envelope in ``value``, in order."""
    if _is_document(value):
        yield pointer, value
        return
    documents = value.get("documents")
    if isinstance(documents, list):
        for i, item in enumerate(documents):
            here = f"{pointer}/documents/{i}"
            if isinstance(item, dict) and not _is_document(item):
                inner = item.get("document")
                if isinstance(inner, list) and inner:
                    for j, doc in enumerate(inner):
                        yield f"{here}/document/{j}", doc
                    continue
                if _is_document(item.get("resource_data_description")):
                    yield f"{here}/resource_data_description", item["resource_data_description"]
                    continue
            yield here, item
    for key in ("listrecords", "getrecord"):
        entries = value.get(key)
        if isinstance(entries, dict):
            entries = [entries]
        if not isinstance(entries, list):
            continue
        for i, item in enumerate(entries):
            here = f"{pointer}/{key}/{i}" if key == "listrecords" else f"{pointer}/{key}"
            record = item.get("record") if isinstance(item, dict) else None
            data = record.get("resource_data") if isinstance(record, dict) else None
            if data is not None:
                yield f"{here}/record/resource_data", data
            else:
                yield here, item


def read_envelopes(
    value: dict[str, Any],
    *,
    file: str | None,
    dispatcher: Dispatcher,
    pointer: str = "",
    position: Positioner | None = None,
    limits: ReadLimits | None = None,
) -> Iterator[ReadItem]:
    """Yield the records carried by the envelope(s) in ``value``.

    ``pointer`` is the JSON Pointer of ``value`` in its file (``""`` for a whole
    document) and prefixes every path; ``position`` optionally turns pointers relative
    to ``value`` into lines and columns (``PointerMap.position`` fits).  XML
    payloads are located by JSON Pointer plus XPath only: their own line numbers say
    nothing about the JSON file.  Each payload is handed to ``dispatcher``.
    """
    reader = _EnvelopeReader(file, dispatcher, pointer, position, limits)
    produced = False
    for here, doc in _documents(value, ""):
        produced = True
        yield from reader.document(doc, here)
    if not produced:
        yield Unreadable(
            said("Learning Registry answer without any envelope document"),
            reader.location(""),
            hint=said("the documents list is empty; nothing was published or harvested"),
        )


class _EnvelopeReader:
    """Shared settings of one ``read_envelopes`` call."""

    def __init__(
        self,
        file: str | None,
        dispatcher: Dispatcher,
        prefix: str,
        position: Positioner | None,
        limits: ReadLimits | None,
    ) -> None:
        self.file = file
        self.dispatcher = dispatcher
        self.prefix = prefix
        self.position = position
        self.limits = limits

    def location(self, pointer: str) -> Location:
        """Where the value at ``pointer`` (relative to the envelope value) is."""
        line = column = None
        if self.position is not None:
            try:
                line, column = self.position(pointer)
            except (KeyError, ValueError, IndexError):
                line = column = None
        return Location(
            file=self.file, line=line, column=column, path=self.prefix + pointer or None
        )

    def unreadable(self, message: str, pointer: str, hint: str | None = None) -> Unreadable:
        return Unreadable(message, self.location(pointer), hint=hint)

    def document(self, doc: object, pointer: str) -> Iterator[ReadItem]:
        """The records of one envelope, or one :class:`Unreadable`."""
        if not isinstance(doc, dict):
            yield self.unreadable(
                said(
                    "Learning Registry document is a JSON {kind}, not an object",
                    kind=type(doc).__name__,
                ),
                pointer,
            )
            return
        data_pointer = f"{pointer}/resource_data"
        data_type = doc.get("resource_data_type")
        if isinstance(data_type, str) and data_type.strip().lower() not in ("", "metadata"):
            yield self.unreadable(
                said(
                    "Learning Registry document holds {kind!r} data, not metadata",
                    kind=data_type.strip(),
                ),
                pointer,
                hint=said("only envelopes with resource_data_type 'metadata' describe a resource"),
            )
            return
        items = self.payload(doc, data_pointer, pointer)
        produced = False
        for item in items:
            produced = True
            if isinstance(item, Record):
                # the record is built; what the envelope adds goes into one copy
                update = self.place(item, pointer)
                if not item.deleted:
                    update.update(
                        self.add_locator(
                            item, doc.get("resource_locator"), f"{pointer}/resource_locator"
                        )
                    )
                if update:
                    item = item.model_copy(update=update)
            yield item
        if not produced:
            yield self.unreadable(said("resource_data holds no record"), data_pointer)

    def payload(self, doc: dict[str, Any], data_pointer: str, pointer: str) -> Iterator[ReadItem]:
        data = doc.get("resource_data")
        if isinstance(data, str):
            text = data.lstrip("\ufeff \t\r\n")
            if text.startswith("<"):
                yield from self.xml(text, data_pointer)
                return
            if text[:1] in ("{", "["):
                try:
                    parsed = json.loads(text)
                except ValueError as exc:
                    yield self.unreadable(
                        said(
                            "resource_data is a string that starts like JSON but is not valid "
                            "JSON ({error})",
                            error=str(exc),
                        ),
                        data_pointer,
                    )
                    return
                yield from self.json(parsed, data_pointer)
                return
        if isinstance(data, (dict, list)):
            yield from self.json(data, data_pointer)
            return
        yield self.unreadable(self.why_unusable(doc, data), pointer, hint=self.hint(doc))

    def xml(self, text: str, data_pointer: str) -> Iterator[ReadItem]:
        # The string is re-encoded as UTF-8: a declared encoding would now be wrong.
        payload = declare_utf8(text).encode("utf-8", errors="surrogatepass")
        yield from self.dispatcher.xml(
            io.BytesIO(payload),
            file=self.file,
            line_offset=None,
            path_prefix=self.prefix + data_pointer,
            limits=self.limits,
        )

    def json(self, data: Any, data_pointer: str) -> Iterator[ReadItem]:
        yield from self.dispatcher.json_value(
            data, file=self.file, pointer=self.prefix + data_pointer, limits=self.limits
        )

    @staticmethod
    def why_unusable(doc: dict[str, Any], data: object) -> str:
        placement = doc.get("payload_placement")
        if isinstance(placement, str) and placement.strip().lower() in ("linked", "attached"):
            where = doc.get("resource_data_location")
            kind = placement.strip().lower()
            if isinstance(where, (str, list)) and where:
                return said(
                    "Learning Registry document has a {kind} payload at {where}; it carries "
                    "no inline record",
                    kind=kind,
                    where=repr(where),
                )
            return said(
                "Learning Registry document has a {kind} payload; it carries no inline record",
                kind=kind,
            )
        if data is None:
            return said("Learning Registry document has no resource_data")
        if isinstance(data, str):
            shown = data.strip()
            if not shown:
                return said("Learning Registry document has an empty resource_data")
            return said(
                "resource_data is neither XML nor JSON (it starts {start!r})", start=shown[:40]
            )
        return said("resource_data is a JSON {kind}, not a record", kind=type(data).__name__)

    @staticmethod
    def hint(doc: dict[str, Any]) -> str:
        schema = doc.get("payload_schema")
        if isinstance(schema, list) and schema:
            named = ", ".join(str(s) for s in schema)
            return said(
                "the envelope declares payload_schema {named}; fetch and check that record",
                named=named,
            )
        return said("fetch the record the envelope points to and check it directly")

    def add_locator(self, record: Record, locator: object, pointer: str) -> dict[str, Any]:
        """``resource_locator`` as identifier and URL unless the record names it: the
        record's fields that change."""
        if not isinstance(locator, str) or not locator.strip():
            return {}
        value = locator.strip()
        wanted = value.rstrip("/")
        for known in (*(i.value for i in record.identifiers), *(u.value for u in record.urls)):
            if known.strip().rstrip("/") == wanted:
                return {}
        location = self.location(pointer)
        field = "lr:resource_locator"
        ident = Identifier(
            value=value, catalog=identifier_scheme(value), source_field=field, location=location
        )
        update: dict[str, Any] = {"identifiers": (*record.identifiers, ident)}
        if value.lower().startswith(("http://", "https://")):
            url = Text(value=value, source_field=field, location=location)
            update["urls"] = (*record.urls, url)
        return update

    def place(self, record: Record, pointer: str) -> dict[str, Any]:
        """The line of its envelope for an embedded XML record, when lines are known (its
        own lines count inside the JSON string, not in the file): the fields that change."""
        if record.location.line is not None or self.position is None:
            return {}
        where = self.location(f"{pointer}/resource_data")
        location = Location(
            file=record.location.file,
            line=where.line,
            column=where.column,
            path=record.location.path,
        )
        return {"location": location}
