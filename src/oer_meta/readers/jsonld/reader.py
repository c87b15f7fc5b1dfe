"""Read schema.org / LRMI / AMB JSON-LD records from JSON text or Python values.

A file may hold one document, an array of records, an ``@graph``, JSON Lines, several
documents one after the other, or a JSON document wrapped in ``<script>`` tags.  Each
record becomes a :class:`Record`; anything that is not one (broken JSON, a JSON Schema,
a context document, a lone Person) becomes an :class:`Unreadable` at its line, so no
input is ever lost and none raises.  Contexts are never fetched.  One resource is one
record: which nodes are records (a page's main entity, not the page; a lesson, not its
activities, unless one is a complete description of its own) is decided with
``nodes.py``, as ``docs/records.md`` explains.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator, Sequence
from typing import IO, Any

from oer_meta.i18n import N_, marked, said
from oer_meta.internal import record_crash
from oer_meta.model import Location, Record, Relation
from oer_meta.readers.base import (
    Dispatcher,
    LineIndex,
    NoRecord,
    Positioner,
    ReadItem,
    Unreadable,
)
from oer_meta.readers.jsonld.context import Context, record_kind
from oer_meta.readers.jsonld.fields import source_field
from oer_meta.readers.jsonld.lines import (
    PointerMap,
    SyntaxProblem,
    iter_documents,
)
from oer_meta.readers.jsonld.nodes import (
    GraphIndex,
    Node,
    graph_records,
    is_complete,
    is_page,
    is_resource,
    label,
    main_entities,
    node_at,
    parts,
    presents,
    types,
)
from oer_meta.readers.jsonld.pointer import escape_token
from oer_meta.readers.jsonld.record import RecordBuilder
from oer_meta.readers.jsonld.surrogates import Repair, repair, repair_problem
from oer_meta.readers.jsonld.values import Where, describe
from oer_meta.readers.limits import DEFAULT_LIMITS, ReadLimits, too_deep

__all__ = ["NoRecord", "read_json_bytes", "read_json_text", "records_from_json"]

_FORMAT = "jsonld"
_NO_RECORD_HINT = N_(
    "oer_meta reads schema.org/LRMI JSON-LD descriptions of resources "
    "(@type LearningResource, CreativeWork, Course, VideoObject...)"
)


def read_json_bytes(
    data: bytes,
    *,
    file: str | None,
    dispatcher: Dispatcher,
    input_format: str | None = None,
    limits: ReadLimits | None = None,
) -> Iterator[ReadItem]:
    """Every record (or :class:`Unreadable`) in a JSON, JSON Lines or JSON-LD file."""
    text = _decode(data, file)
    if isinstance(text, Unreadable):
        yield text
        return
    if text.lstrip()[:1] == "<":  # JSON-LD saved with its <script> tags, or a page
        yield from dispatcher.page(text, file=file, limits=limits)
        return
    if not text.strip():
        yield Unreadable(
            said("empty document: there is no JSON in it"),
            Location(file=file, line=1, column=1),
            format=_FORMAT,
        )
        return
    yield from read_json_text(
        text,
        file=file,
        lines=LineIndex(text),
        dispatcher=dispatcher,
        input_format=input_format,
        limits=limits,
    )


#: One JSON Lines line longer than this is reported, not decoded.
MAX_LINE_BYTES = 64 * 1024 * 1024


def read_json_lines(
    stream: IO[bytes],
    *,
    file: str | None,
    dispatcher: Dispatcher,
    input_format: str | None = None,
    limits: ReadLimits | None = None,
    first_line: int = 1,
) -> Iterator[ReadItem]:
    """Every record of a JSON Lines file, read one line at a time.

    A harvest of a million lines is never held in memory: each line is decoded, read and
    released before the next.  A line that is not JSON gives an unreadable result with
    its line number, and reading goes on with the next line.  ``first_line`` is the
    number of the stream's first line in the file (a worker reads a slice of it).
    """
    for number, raw in enumerate(stream, start=first_line):
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        if not raw.strip():
            continue
        if len(raw) > MAX_LINE_BYTES:
            yield Unreadable(
                said("line {line} is too long to read ({size} bytes)", line=number, size=len(raw)),
                Location(file=file, line=number, column=1),
                format=_FORMAT,
            )
            continue
        try:
            text = raw.rstrip(b"\r\n").decode("utf-8")
        except UnicodeDecodeError as exc:
            column = len(raw[: exc.start].decode("utf-8", "replace")) + 1
            yield Unreadable(
                said(
                    "not valid UTF-8: byte {byte} at line {line}, column {column} cannot be "
                    "decoded",
                    byte=f"0x{raw[exc.start]:02x}",
                    line=number,
                    column=column,
                ),
                Location(file=file, line=number, column=column),
                format=_FORMAT,
                hint=said("JSON Lines must be UTF-8; re-save the file as UTF-8"),
            )
            continue
        yield from read_json_text(
            text,
            file=file,
            lines=LineIndex(text, first_line=number),
            dispatcher=dispatcher,
            input_format=input_format,
            limits=limits,
        )


def read_json_text(
    text: str,
    *,
    file: str | None,
    lines: LineIndex,
    dispatcher: Dispatcher,
    base: int = 0,
    input_format: str | None = None,
    in_page: bool = False,
    limits: ReadLimits | None = None,
) -> Iterator[ReadItem]:
    """Every record in ``text``, a piece of the file starting at offset ``base`` (an
    HTML script block) whose lines ``lines`` counts.

    ``in_page`` says the text is a block of a web page, where a lone ``WebSite`` or
    ``ImageObject`` describes the site, not the resource (as in an ``@graph``).
    """
    for doc in iter_documents(text):
        if isinstance(doc, SyntaxProblem):
            line, column = lines.position(base + doc.offset)
            yield Unreadable(
                doc.message,
                Location(file=file, line=line, column=column),
                format=_FORMAT,
                hint=doc.hint
                or said(
                    "fix the JSON syntax at this position (a validator such as {tool} shows "
                    "it too)",
                    tool="`python -m json.tool`",
                ),
            )
            continue
        where = Where(file, PointerMap(text, doc.start, lines, base).position)
        yield from _records_of_document(
            doc.value,
            where,
            dispatcher=dispatcher,
            input_format=input_format,
            in_page=in_page,
            limits=limits or DEFAULT_LIMITS,
            repairs=doc.repairs,
        )


def records_from_json(
    value: Any,
    *,
    file: str | None,
    dispatcher: Dispatcher,
    pointer: str = "",
    position: Positioner | None = None,
    limits: ReadLimits | None = None,
) -> Iterator[ReadItem]:
    """Every record in a decoded JSON value (a dict, a list...).

    ``pointer`` is where the value sits in a larger document and prefixes every path;
    ``position``, when given, turns pointers relative to ``value`` into ``(line,
    column)``.  Without it locations carry pointers only (Python values have no lines).
    The caller's value is never changed (one holding lone surrogates is copied).
    """
    value, repairs = repair(value, owned=False)
    yield from _records_of_document(
        value,
        Where(file, position, prefix=pointer),
        dispatcher=dispatcher,
        input_format=None,
        limits=limits or DEFAULT_LIMITS,
        repairs=repairs,
    )


# -- decoding ------------------------------------------------------------------------


def _decode(data: bytes, file: str | None) -> str | Unreadable:
    """The text of a JSON file: UTF-8 (a BOM is blanked so offsets hold), or UTF-16/32
    with a BOM; anything else is unreadable, with the line of the first bad byte."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                return Unreadable(
                    said(
                        "not valid {encoding}: {reason}", encoding=codec.upper(), reason=exc.reason
                    ),
                    Location(file=file, line=1, column=1),
                    format=_FORMAT,
                    hint=said("save the file as UTF-8"),
                )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        return Unreadable(
            said(
                "not valid UTF-8: byte {byte} at line {line}, column {column} cannot be decoded",
                byte=f"0x{data[exc.start]:02x}",
                line=line,
                column=column,
            ),
            Location(file=file, line=line, column=column),
            format=_FORMAT,
            hint=said(
                "JSON-LD must be UTF-8; re-save the file as UTF-8 (it may be Latin-1 or "
                "Windows-1252 now)"
            ),
        )
    return " " + text[1:] if text.startswith("\ufeff") else text


# -- which values are records ----------------------------------------------------------


def _records_of_document(
    value: Any,
    where: Where,
    *,
    dispatcher: Dispatcher,
    input_format: str | None,
    limits: ReadLimits,
    in_page: bool = False,
    repairs: Sequence[Repair] = (),
) -> Iterator[ReadItem]:
    """The records in one top-level JSON value; deep nesting (envelopes inside
    envelopes...) ends in an :class:`Unreadable`, not in a RecursionError."""
    try:
        items = _records_of_value(
            value,
            where,
            dispatcher=dispatcher,
            input_format=input_format,
            in_page=in_page,
            limits=limits,
        )
        yield from _noting_repairs(items, repairs, where) if repairs else items
    except RecursionError:
        yield Unreadable(
            said("the JSON is nested too deeply to be read"),
            where(""),
            format=_FORMAT,
            hint=said("metadata records need only a few levels of nesting"),
        )


def _noting_repairs(
    items: Iterator[ReadItem], repairs: Sequence[Repair], where: Where
) -> Iterator[ReadItem]:
    """``items``, each record noting the lone surrogates repaired inside it.

    A repair belongs to the record whose pointer contains it (or, for an XML record
    carried in a JSON string, that the string contains); one outside every record (in
    an envelope field, say) goes to the last record.  So the last record and what
    follows it are held back, at most a few items: memory stays flat.
    """
    waiting = list(repairs)
    held: list[ReadItem] = []
    for item in items:
        if isinstance(item, Record):
            path = item.location.path or ""
            mine = [r for r in waiting if _within(where.prefix + r.pointer, path)]
            if mine:  # the record is built: its repair notes go into one copy
                notes = tuple(repair_problem(found, where(found.pointer)) for found in mine)
                item = item.model_copy(update={"problems": (*item.problems, *notes)})
            waiting = [r for r in waiting if r not in mine]
            yield from held
            held = [item]
        elif held and len(held) < 64:
            held.append(item)
        else:
            yield from held
            held = []
            yield item
    if held and isinstance(held[0], Record) and waiting:
        notes = tuple(repair_problem(found, where(found.pointer)) for found in waiting)
        held[0] = held[0].model_copy(update={"problems": (*held[0].problems, *notes)})
    yield from held


def _within(inner: str, outer: str) -> bool:
    """True when one of two JSON Pointers (or pointer-prefixed paths) holds the other."""
    short, long = (inner, outer) if len(inner) <= len(outer) else (outer, inner)
    return long == short or long.startswith(short + "/") or short == ""


def _records_of_value(
    value: Any,
    where: Where,
    *,
    dispatcher: Dispatcher,
    input_format: str | None,
    in_page: bool,
    limits: ReadLimits,
) -> Iterator[ReadItem]:
    if isinstance(value, dict):
        carried = dispatcher.envelopes(
            value,
            file=where.file,
            pointer=where.prefix,
            position=where.positions,
            limits=limits,
        )
        if carried is not None:
            yield from carried
            return
    if input_format in ("dc", "lom"):
        yield Unreadable(
            said(
                "the content is {kind}, not the {format} format that was asked for",
                kind="JSON",
                format=input_format,
            ),
            where(""),
            format=_FORMAT,
            hint=said("drop --input-format to let oer_meta detect the format"),
        )
        return
    if isinstance(value, dict):
        yield from _records_of_object(value, "", Context(), where, in_page=in_page, limits=limits)
    elif isinstance(value, list):
        if not value:
            yield NoRecord(
                said("an empty JSON array: no record in it"),
                where(""),
                format=_FORMAT,
                hint=_NO_RECORD_HINT,
            )
        listed = _ListOfRecords(value, in_page)
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield from _records_of_object(
                    item,
                    f"/{index}",
                    Context(),
                    where,
                    in_page=in_page,
                    limits=limits,
                    listed=listed,
                )
            else:
                yield NoRecord(
                    said(
                        "item {index} of the JSON array is {kind}, not a record",
                        index=index,
                        kind=marked(describe(item)),
                    ),
                    where(f"/{index}"),
                    format=_FORMAT,
                    hint=_NO_RECORD_HINT,
                )
    else:
        yield NoRecord(
            not_found(
                said("the JSON document is {kind}, not an object", kind=marked(describe(value)))
            ),
            where(""),
            format=_FORMAT,
            hint=_NO_RECORD_HINT,
        )


def _records_of_object(
    obj: dict[Any, Any],
    pointer: str,
    ctx: Context,
    where: Where,
    *,
    in_page: bool,
    limits: ReadLimits,
    listed: _ListOfRecords | None = None,
) -> Iterator[ReadItem]:
    """The records in one JSON object: itself, its main entity or its ``@graph``
    nodes, each followed by its parts that are complete descriptions (see
    ``nodes.py``); ``listed`` is the array the object is an item of."""
    node = node_at(obj, pointer, ctx)
    ctx = node.ctx
    if "$schema" in obj:
        yield NoRecord(
            not_found(
                said(
                    "this is a JSON Schema (it has {key}), which describes records but is not one",
                    key='"$schema"',
                )
            ),
            where(pointer),
            format=_FORMAT,
            hint=said("validate the records the schema is for, not the schema"),
        )
        return
    graph_key = node.keys["@graph"][0] if "@graph" in node.keys else None
    if graph_key is None:
        builds = _Builds(where, {}, limits)
        kind = record_kind(obj, ctx, in_graph=in_page, keys=node.keys)
        entities = main_entities(node, {}) if "mainEntity" in node.keys else []
        if entities and kind and not is_page(node):
            entities = []  # a resource's mainEntity is what it is about
        if entities:
            for entity in entities:
                yield from builds.record_with_parts(entity, page=node)
        elif kind or (listed is not None and _untyped_named(node) and listed.holds_records()):
            yield from builds.record_with_parts(node)
        else:
            yield NoRecord(_why_not(node), where(pointer), format=_FORMAT, hint=_NO_RECORD_HINT)
        return
    graph_pointer = f"{pointer}/{escape_token(graph_key)}"
    raw = obj[graph_key]
    members = list(enumerate(raw)) if isinstance(raw, list) else [(None, raw)]
    located = [
        node_at(member, graph_pointer if i is None else f"{graph_pointer}/{i}", ctx)
        for i, member in members
        if isinstance(member, dict)
    ]
    index = _graph_index(located)
    builds = _Builds(where, index, limits)
    if record_kind(obj, ctx, in_graph=in_page) and not is_page(node):
        # The resource carries its own @graph: the record is the resource, the graph's
        # nodes are its parts.
        yield from builds.record_with_parts(node, members=located)
        return
    records = graph_records(located, index)
    if records:
        pages = {id(e.value): n for n in located if presents(n) for e in main_entities(n, index)}
        for record in records:
            yield from builds.record_with_parts(record, page=pages.get(id(record.value)))
        return
    if record_kind(obj, ctx, in_graph=in_page):
        yield from builds.record_with_parts(node)
        return
    kinds = sorted({t for member in located for t in types(member)})
    yield NoRecord(
        said("no schema.org record found in @graph: its nodes are {kinds}", kinds=", ".join(kinds))
        if kinds
        else said("no schema.org record found in @graph"),
        where(graph_pointer),
        format=_FORMAT,
        hint=_NO_RECORD_HINT,
    )


class _ListOfRecords:
    """A top-level JSON array: does it hold records?  Asked only for an item that is
    no record by itself, and answered once."""

    def __init__(self, items: list[Any], in_page: bool) -> None:
        self._items = items
        self._in_page = in_page
        self._answer: bool | None = None

    def holds_records(self) -> bool:
        """True when an item of the array is a resource description."""
        if self._answer is None:
            self._answer = any(
                isinstance(item, dict)
                and is_resource(node_at(item, "", Context()), in_graph=self._in_page)
                for item in self._items
            )
        return self._answer


def _untyped_named(node: Node) -> bool:
    """True for an object with a name (or headline) and no ``@type``: in an array of
    records it is one more record that lacks its ``@context``/``@type`` (the record's
    ``STD002`` problems say so), not something else."""
    if "@type" in node.keys:
        return False
    return label(node)[1] is not None


class _Builds:
    """Builds the records of one document: each record once, then its complete parts."""

    def __init__(self, where: Where, index: GraphIndex, limits: ReadLimits) -> None:
        self.where = where
        self.index = index
        self.limits = limits
        self._done: set[int] = set()  # nodes built as records
        self._looked: set[int] = set()  # parts that are no records, looked inside once

    def record_with_parts(
        self,
        node: Node,
        part_of: Relation | None = None,
        *,
        members: list[Node] | None = None,
        page: Node | None = None,
    ) -> Iterator[ReadItem]:
        """``node`` as a record, then the complete descriptions among its parts (its
        ``hasPart`` nodes and ``members``, the nodes of its own ``@graph``); ``page``
        is the page whose main entity it is."""
        if id(node.value) in self._done:
            return
        self._done.add(id(node.value))
        yield _build(node, self.where, self.index, self.limits, part_of, _page_link(page))
        listed = [(part, ptr, "hasPart") for part, ptr in parts(node, self.index)]
        listed += [(member, member.pointer, "@graph") for member in members or ()]
        for part, ptr, via in listed:
            yield from self._complete_parts(node, part, ptr, via)

    def _complete_parts(self, parent: Node, part: Node, ptr: str, via: str) -> Iterator[ReadItem]:
        if id(part.value) in self._done or id(part.value) in self._looked:
            return
        if is_complete(part):
            target, title = label(parent)
            tie = Relation(
                kind="isPartOf",
                target=target,
                title=title,
                source_field=source_field(via),
                location=self.where(ptr),
            )
            yield from self.record_with_parts(part, tie)
            return
        self._looked.add(id(part.value))
        for sub, sub_ptr in parts(part, self.index):
            yield from self._complete_parts(part, sub, sub_ptr, "hasPart")


def _page_link(page: Node | None) -> tuple[str, str] | None:
    """The ``@id`` or ``url`` of a page whose main entity a record is, with its
    pointer: the record's ``mainEntityOfPage`` (schema.org's inverse of ``mainEntity``)."""
    if page is None:
        return None
    for key, value in page.value.items():
        if (
            isinstance(key, str)
            and page.ctx.canonical(key) in ("@id", "url")
            and isinstance(value, str)
            and value.strip()
            and not value.startswith("_:")
        ):
            return value, f"{page.pointer}/{escape_token(key)}"
    return None


def _graph_index(located: list[Node]) -> GraphIndex:
    """Graph nodes by ``@id``, so that ``{"@id": ...}`` references can be followed."""
    index: GraphIndex = {}
    for node in located:
        for key, value in node.value.items():
            if isinstance(key, str) and node.ctx.canonical(key) == "@id" and isinstance(value, str):
                index.setdefault(value, (node.value, node.pointer))
    return index


def _why_not(node: Node) -> str:
    obj, keys = node.value, node.keys.keys()
    if keys and keys <= {"@context", "@id", "@version"}:
        return not_found(
            said("this is a JSON-LD context document; it defines terms but describes no resource")
        )
    kinds = types(node)
    if kinds:
        return not_found(
            said(
                "the object is a {kinds}, not the description of a resource",
                kinds=", ".join(kinds),
            )
        )
    if not obj:
        return not_found(said("the JSON object is empty"))
    return not_found(
        said(
            "the object has no @type of a creative work and none of the properties a "
            "resource description has"
        )
    )


def not_found(why: str) -> str:
    """``no schema.org record found: <why>``; an HTML page lists the ``why`` of each
    of its blocks (``why`` stays a parameter of the message, for the page's note)."""
    return said("no schema.org record found: {why}", why=why)


def _build(
    node: Node,
    where: Where,
    index: GraphIndex,
    limits: ReadLimits,
    part_of: Relation | None = None,
    page: tuple[str, str] | None = None,
) -> ReadItem:
    try:
        deep = too_deep(node.value, limits.max_depth)
        if deep is not None:
            return Unreadable(
                said(
                    "the record's JSON is nested deeper than {limit} levels, the reader "
                    "limit: the record was not read",
                    limit=limits.max_depth,
                ),
                where(node.pointer + deep),
                format=_FORMAT,
                hint=said(
                    "metadata records need only a few levels of nesting; raise the limit "
                    "(--max-depth, max-depth in [limits]) only for a format that needs more"
                ),
            )
        builder = RecordBuilder(
            node.value,
            node.pointer,
            node.ctx,
            where,
            index,
            limits.max_values_per_field,
            part_of=part_of,
            page=page,
            max_in_record=limits.max_values_per_record,
        )
        return builder.build()
    except RecursionError:
        return Unreadable(
            said("the record is nested too deeply to be read"), where(node.pointer), format=_FORMAT
        )
    except Exception as exc:  # a reader bug must not lose the record
        crash = record_crash("reader jsonld", exc, where(node.pointer))
        return Unreadable(crash.describe(), where(node.pointer), format=_FORMAT, crash=crash)
