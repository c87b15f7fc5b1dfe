"""Stream any XML input and hand each LOM or Dublin Core record to its builder.

One pass with ``lxml.etree.iterparse`` finds records wherever they are: a bare
``<lom>``, LOM inside IMS content-package / SCORM / IMS-LD manifests, an ILOX work
(its LOM facets are one record), ``oai_dc:dc``,
``nsdl_dc``, bare DC/DCMI-terms containers, and OAI-PMH ``GetRecord`` /
``ListRecords`` responses (deleted-record headers included).  Each record's subtree is
freed once built, so memory stays flat on large harvests.

Hostile input is bounded here too: entity declarations are refused whatever the
encoding (libxml2's own view of the DTD is checked when the root starts), elements
beyond the per-field limit are skipped and freed as they end, a record whose value
broke a libxml2 limit is one unreadable result (not a record and then an error), and a
response with a ``resumptionToken`` notes on its last record that it is one page of a
longer list (``STD006``).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from lxml import etree

from oer_meta.i18n import N_, joined, said
from oer_meta.internal import record_crash
from oer_meta.knowledge.suppressions import MARKER, codes_in
from oer_meta.model import DateValue, Identifier, Location, Problem, Record, Suppression
from oer_meta.readers.base import ReadItem, Unreadable
from oer_meta.readers.draft import RecordDraft
from oer_meta.readers.limits import (
    DEFAULT_LIMITS,
    ReadLimits,
    depth_limit_problem,
    field_limit_problem,
    record_limit_problem,
)
from oer_meta.readers.xml.context import (
    OaiHeader,
    XmlRecordContext,
    shift_line,
    step,
    text_of,
)
from oer_meta.readers.xml.namespace_repair import MAX_REPAIR_BYTES, Repair, repair
from oer_meta.readers.xml.namespaces import ADLCP_NAMESPACES, DC_NAMESPACES, ILOX, OAI_PMH, split
from oer_meta.readers.xml.safety import SAFE_PARSER_OPTIONS, dtd_problem, prolog_problem

_OAI_RECORD = f"{{{OAI_PMH}}}record"
_OAI_LIST_RECORDS = f"{{{OAI_PMH}}}ListRecords"
_OAI_ERROR_HINT = N_("correct the request (verb, metadataPrefix, set, dates) and harvest again")
_OAI_ERROR_HINTS = {
    "badResumptionToken": N_("harvest the list again from its start: resumption tokens expire"),
    "noRecordsMatch": N_("nothing to check: the request matched no records"),
    "cannotDisseminateFormat": N_(
        "harvest with a metadataPrefix the repository offers "
        "(ListMetadataFormats), such as oai_dc or lom"
    ),
}
#: libxml2's code for a prefix used without a declaration (XML_NS_ERR_UNDEFINED_NAMESPACE)
_UNDEFINED_PREFIX = 201
#: How libxml2 says that a value broke its size limits (lxml versions differ in whether
#: the record before it is handed over first), and what oer_meta says of it.
_RESOURCE_LIMIT = "Resource limit exceeded"
_HUGE_NOTE = N_(
    "not well-formed XML: {error} (a value in this record is larger than libxml2's "
    "limit); the record and the rest of the document were not read"
)
_HUGE_HINT = N_("keep attribute values and texts below 10 MB")
_DEPTH_LIMIT = "Excessive depth in document"

#: Turns a record element into a draft; the stream adds the OAI-PMH header and the
#: value-limit notes, then builds the Record once (``RecordDraft.finish``).
Builder = Callable[[etree._Element, XmlRecordContext], RecordDraft]


class _Frame:
    """One open element.  A plain slotted class: one is made per element of every
    document.  Its positioned XPath is worked out only when asked for (for a record's
    root, a header, a dropped element), from its parent's, and kept."""

    __slots__ = ("_path", "count", "counts", "dropped", "elem", "field", "parent")

    def __init__(
        self,
        elem: etree._Element,
        parent: _Frame | None,
        count: int,
        field: str,
        dropped: bool = False,
    ) -> None:
        self.elem = elem
        self.parent = parent
        #: the element's position among its parent's children of its tag
        self.count = count
        #: children seen so far, by tag (made when the first child starts)
        self.counts: dict[str, int] | None = None
        #: the path without positions: the "field" whose elements the limit counts
        self.field = field
        #: beyond the limit: skipped, and removed from the tree when it ends
        self.dropped = dropped
        self._path: str | None = None

    @property
    def path(self) -> str:
        """The XPath of the element: ``/oai:OAI-PMH/oai:ListRecords/oai:record[3]/...``."""
        if self._path is None:
            name = step(self.elem)
            # OAI-PMH records are always numbered, so a path names exactly one
            if self.count > 1 or self.elem.tag == _OAI_RECORD:
                name = f"{name}[{self.count}]"
            self._path = f"{self.parent.path if self.parent else ''}/{name}"
        return self._path


def _is_ilox(ns: str | None, local: str) -> bool:
    """An ILOX work (or resource): one record, whatever LOM facets it holds."""
    return ns == ILOX and local in ("work", "resource")


def _is_dc_container(elem: etree._Element) -> bool:
    ns, _ = split(elem.tag) if isinstance(elem.tag, str) else (None, "")
    if ns in DC_NAMESPACES:
        return False
    return any(
        isinstance(child.tag, str) and split(child.tag)[0] in DC_NAMESPACES for child in elem
    )


def _read_header(elem: etree._Element, ctx_file: str | None, path: str) -> OaiHeader:
    header = OaiHeader(
        deleted=(elem.get("status") or "").strip().lower() == "deleted",
        location=Location(file=ctx_file, line=elem.sourceline, path=path),
    )
    for child in elem:
        if not isinstance(child.tag, str):
            continue
        local = split(child.tag)[1]
        value = text_of(child).strip()
        if local == "identifier":
            header.identifier = value or None
        elif local == "datestamp":
            header.datestamp = value or None
        elif local == "setSpec" and value:
            header.sets.append(value)
    return header


def _apply_header(record: RecordDraft, header: OaiHeader | None) -> None:
    if header is None:
        return
    if header.identifier:
        record.identifiers.append(
            Identifier(
                value=header.identifier,
                catalog="oai",
                source_field="oai:header/oai:identifier",
                location=header.location,
            )
        )
    if header.datestamp:
        record.dates.append(
            DateValue(
                value=header.datestamp,
                kind="datestamp",
                source_field="oai:header/oai:datestamp",
                location=header.location,
            )
        )


def _format_of_prefix(prefix: str | None) -> str:
    prefix = (prefix or "").lower()
    if "lom" in prefix or "imsmd" in prefix:
        return "lom"
    if "dc" in prefix:
        return "dc"
    return "unknown"


class _Source:
    """What libxml2 reads: the stream, without its name, its first bytes read once.

    lxml takes a stream's ``name`` as the document's base URL and must encode it; a
    file name that is not UTF-8 would crash the reader, and no base URL is ever needed
    (nothing is resolved).  The first bytes, read for the prolog check, are handed over
    first, so the stream need not be seekable.
    """

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self._head = head
        self._stream = stream
        #: what was read so far, while it is small enough to be read again repaired
        self.kept: bytearray | None = bytearray()

    def read(self, size: int = -1) -> bytes:
        data = self._read(size)
        if self.kept is not None:
            self.kept += data
            if len(self.kept) > MAX_REPAIR_BYTES:
                self.kept = None
        return data

    def _read(self, size: int) -> bytes:
        if self._head:
            if size < 0:
                data, self._head = self._head + self._stream.read(), b""
                return data
            data, self._head = self._head[:size], self._head[size:]
            return data
        return self._stream.read(size)

    def whole(self) -> bytes | None:
        """The whole document, when it is small enough to have been kept."""
        if self.kept is None:
            return None
        rest = self._stream.read(MAX_REPAIR_BYTES + 1 - len(self.kept))
        if len(self.kept) + len(rest) > MAX_REPAIR_BYTES:
            return None
        return bytes(self.kept) + rest


#: Values longer than this (in characters) may have broken libxml2's 10 MB limit on one
#: node, which it reports only later (see :func:`_holds_huge_value`).
_HUGE_VALUE = 2_500_000


def _holds_huge_value(elem: etree._Element) -> bool:
    """True when an attribute or text in ``elem`` is long enough to have broken
    libxml2's limits.

    libxml2 hands over an attribute value larger than its 10 MB buffer limit and logs
    the error, but lxml raises it only some events later, after the record holding the
    value was built.  When the error log is not clean as a record ends, this tells
    whether the error belongs to that record.
    """
    for node in elem.iter():
        if any(len(value) > _HUGE_VALUE for value in node.values()):
            return True
        for text in (node.text, node.tail):
            if text is not None and len(text) > _HUGE_VALUE:
                return True
    return False


@dataclass
class _Drops:
    """Elements skipped at one path of the current record (beyond the field limit)."""

    count: int
    location: Location


def read_xml(
    stream: IO[bytes],
    *,
    file: str | None,
    build_lom: Builder,
    build_dc: Builder,
    input_format: str | None = None,
    line_offset: int | None = 0,
    path_prefix: str = "",
    limits: ReadLimits | None = None,
    repaired: Repair | None = None,
    first_record: int = 1,
    repairable: bool = True,
) -> Iterator[ReadItem]:
    """Yield every record (or :class:`Unreadable`) found in an XML byte stream.

    ``build_lom`` and ``build_dc`` turn a LOM or Dublin Core element into a
    :class:`Record`: the dispatcher passes the format readers' builders in, so this
    plumbing imports neither.  ``input_format`` (``lom`` or ``dc``) restricts what
    counts as a record.
    ``line_offset``/``path_prefix`` place an XML document embedded in another file.
    ``limits`` caps the elements read at one path of a record (the rest are skipped
    and freed as soon as they end, and the record notes how many).  A small document
    that is not namespace-well-formed is read again with its namespaces repaired
    (``repaired`` says what was done; each record notes it).  A slice of a larger
    OAI-PMH response (a worker's share of it, docs/parallel.md) is read with
    ``first_record``, the position of its first ``record`` in the response, so that
    paths name the record of the whole file, and ``repairable=False``: a slice is never
    repaired when its whole document would not be.
    """
    try:
        head = stream.read(64 * 1024)
    except UnicodeDecodeError as exc:  # a transcoded (UTF-32) stream, bad at its start
        yield _bad_unit(exc, file, path_prefix)
        return
    refused = prolog_problem(head)
    if refused is not None:
        yield Unreadable(refused, Location(file=file, line=1, column=1, path=path_prefix or None))
        return
    chosen = limits or DEFAULT_LIMITS
    max_values = chosen.max_values_per_field
    max_in_record = chosen.max_values_per_record
    max_depth = chosen.max_depth

    want_lom = input_format in (None, "lom")
    want_dc = input_format in (None, "dc")

    stack: list[_Frame] = []
    lom_root: etree._Element | None = None
    lom_path = ""
    header: OaiHeader | None = None
    in_oai_record = 0
    produced = 0
    produced_in_oai_record = 0
    metadata_prefix: str | None = None
    notes: list[tuple[str, str]] = []  # (why no record was found, what to do)
    root_name = ""
    #: elements seen per unpositioned path since the last record, and those dropped
    seen: dict[str, int] = {}
    drops: dict[str, _Drops] = {}
    #: elements seen since the last record (all paths), and those skipped beyond the
    #: limits of one record (keys "depth" and "record")
    in_record = [0]
    over: dict[str, _Drops] = {}
    #: the last record built and what came after it, held back so that a
    #: resumptionToken (which follows the records) can still be noted on it
    held: list[ReadItem] = []
    token: Problem | None = None
    #: inline suppressions met in comments, with the path of the element holding them,
    #: until the record whose element holds them is built
    pending: list[tuple[str, Suppression]] = []

    def where(elem: etree._Element, path: str) -> Location:
        line = shift_line(elem.sourceline, line_offset)
        return Location(file=file, line=line, path=path_prefix + path)

    def build(builder: Builder, elem: etree._Element, path: str, field: str) -> ReadItem:
        ctx = XmlRecordContext(
            file=file,
            root=elem,
            root_path=path,
            header=header,
            line_offset=line_offset,
            path_prefix=path_prefix,
        )
        try:
            record = builder(elem, ctx)
        except Exception as exc:  # a reader bug must not lose the record
            at = ctx.location(elem)
            crash = record_crash(f"reader {builder.__module__.rsplit('.', 1)[-1]}", exc, at)
            return Unreadable(crash.describe(), at, crash=crash)
        _apply_header(record, header)
        if pending:
            inside = path + "/"
            mine = [p for p in pending if p[0] == path or p[0].startswith(inside)]
            record.suppressions.extend(suppression for _, suppression in mine)
            pending[:] = [p for p in pending if p not in mine]
        if repaired is not None:
            record.problems.append(
                Problem(
                    rule="STD002",
                    message=repaired.describe(),
                    hint=said(
                        "declare every prefix the document uses ({example}...) on the "
                        "record's root element",
                        example='xmlns:dc="http://purl.org/dc/elements/1.1/"',
                    ),
                    location=ctx.location(elem),
                )
            )
        for key, dropped in drops.items():
            if key.startswith(field + "/"):
                label = key[len(field) + 1 :]
                record.problems.append(
                    field_limit_problem(label, max_values, dropped.count, dropped.location)
                )
        depth = over.get("depth")
        if depth is not None:
            record.problems.append(depth_limit_problem(max_depth, depth.count, depth.location))
        many = over.get("record")
        if many is not None:
            record.problems.append(record_limit_problem(max_in_record, many.count, many.location))
        return record.finish()

    def restart_counts() -> None:
        seen.clear()
        drops.clear()
        over.clear()
        in_record[0] = 0

    def skip(kind: str, elem: etree._Element, frame: _Frame) -> None:
        """Note that ``elem`` is skipped beyond a limit of one record (``kind``)."""
        known = over.get(kind)
        if known is None:
            over[kind] = _Drops(1, where(elem, frame.path))
        else:
            known.count += 1

    def hold(item: ReadItem) -> Iterator[ReadItem]:
        """Yield what can go out now; keep the last live record (and what follows it)."""
        if isinstance(item, Record) and not item.deleted:
            yield from held
            held[:] = [item]
        elif held and len(held) < _MAX_HELD:
            held.append(item)
        else:
            yield from held
            held.clear()
            yield item

    def free(elem: etree._Element) -> None:
        elem.clear()
        parent = elem.getparent()
        if parent is not None:
            while elem.getprevious() is not None:
                del parent[0]

    def comment(node: Any) -> None:
        """Note an inline suppression, then take the comment out of the tree (its tail
        text kept), so that readers see the document as without comments."""
        parent = node.getparent()
        if parent is None:  # before or after the root: inside no record
            return
        codes = codes_in(node.text or "")
        if codes is not None and stack:
            at = stack[-1].path
            line = shift_line(node.sourceline, line_offset)
            pending.append(
                (
                    at,
                    Suppression(
                        codes=codes,
                        source_field=f"<!-- {MARKER}[...] -->",
                        location=Location(file=file, line=line, path=path_prefix + at),
                    ),
                )
            )
        if node.tail:
            before = node.getprevious()
            if before is not None:
                before.tail = (before.tail or "") + node.tail
            else:
                parent.text = (parent.text or "") + node.tail
        parent.remove(node)

    source = _Source(head, stream)
    parser = etree.iterparse(source, events=("start", "end", "comment"), **_PARSER_OPTIONS)
    try:
        for event, elem in parser:
            if event == "comment":
                comment(elem)
                continue
            tag = elem.tag
            if not isinstance(tag, str):
                continue
            if event == "start":
                if stack:
                    parent = stack[-1]
                    if parent.dropped:
                        stack.append(_Frame(elem, parent, 0, "", dropped=True))
                        continue
                    counts = parent.counts
                    if counts is None:
                        counts = parent.counts = {}
                    count = counts.get(tag, 0) + 1
                    counts[tag] = count
                    field = f"{parent.field}/{step(elem)}"
                    times = seen.get(field, 0) + 1
                    seen[field] = times
                    in_record[0] += 1
                    frame = _Frame(elem, parent, count, field, dropped=times > max_values)
                    stack.append(frame)
                    if first_record > 1 and tag == _OAI_LIST_RECORDS:
                        frame.counts = {_OAI_RECORD: first_record - 1}
                    if len(stack) > max_depth:
                        frame.dropped = True
                        skip("depth", elem, frame)
                        continue
                    if in_record[0] > max_in_record and not frame.dropped:
                        frame.dropped = True
                        skip("record", elem, frame)
                        continue
                    if frame.dropped:
                        known = drops.get(field)
                        if known is None:
                            drops[field] = _Drops(1, where(elem, frame.path))
                        else:
                            known.count += 1
                        continue
                else:
                    refused = dtd_problem(elem)
                    if refused is not None:
                        yield Unreadable(
                            refused,
                            Location(file=file, line=1, column=1, path=path_prefix or None),
                        )
                        return
                    root_name = step(elem)
                    frame = _Frame(elem, None, 1, "/" + root_name)
                    frame._path = frame.field  # the root is never numbered
                    stack.append(frame)
                ns, local = split(tag)
                if (
                    lom_root is None
                    and want_lom
                    and (local.lower() == "lom" or _is_ilox(ns, local))
                ):
                    lom_root, lom_path = elem, frame.path
                elif ns == OAI_PMH and local == "record":
                    in_oai_record += 1
                    header = None
                    produced_in_oai_record = 0
                elif ns == OAI_PMH and local == "request":
                    metadata_prefix = elem.get("metadataPrefix")
                continue

            frame = stack.pop()
            if frame.dropped:
                parent_elem = elem.getparent()
                if parent_elem is not None and not (stack and stack[-1].dropped):
                    parent_elem.remove(elem)
                continue
            ns, local = split(tag)
            built: ReadItem | None = None
            if lom_root is not None and elem is lom_root:
                built = build(build_lom, lom_root, lom_path, frame.field)
                lom_root = None
            elif lom_root is not None:
                continue
            elif want_dc and _is_dc_container(elem):
                built = build(build_dc, elem, frame.path, frame.field)
            if built is not None:
                if _fatal_logged(parser) and _holds_huge_value(elem):
                    yield from held
                    yield Unreadable(
                        said(_HUGE_NOTE, error=_last_error(parser)),
                        where(elem, frame.path),
                        hint=said(_HUGE_HINT),
                    )
                    return
                produced += 1
                produced_in_oai_record += 1
                restart_counts()
                yield from hold(built)
                free(elem)
            elif ns == OAI_PMH and local == "header":
                header = _read_header(elem, file, path_prefix + frame.path)
            elif ns == OAI_PMH and local == "record":
                in_oai_record -= 1
                restart_counts()
                if produced_in_oai_record == 0:
                    produced += 1
                    at = Location(file=file, line=elem.sourceline, path=frame.path)
                    if header is not None and header.deleted:
                        draft = RecordDraft(
                            _format_of_prefix(metadata_prefix),
                            dialect="oai-pmh",
                            location=header.location or at,
                            deleted=True,
                        )
                        _apply_header(draft, header)
                        yield from hold(draft.finish())
                    else:
                        yield from hold(
                            Unreadable(
                                said("OAI-PMH record without LOM or Dublin Core metadata"),
                                at,
                                hint=said("harvest with metadataPrefix oai_dc or lom"),
                            )
                        )
                header = None
                free(elem)
            elif ns == OAI_PMH and local == "resumptionToken":
                token = _partial_harvest(elem, where(elem, frame.path))
            elif ns == OAI_PMH and local == "error":
                code = elem.get("code") or "error"
                text = " ".join(text_of(elem).split())[:300]
                notes.append(
                    (
                        said(
                            "the OAI-PMH response holds no records: the repository "
                            "answered with the error {code} ({text})",
                            code=code,
                            text=text,
                        )
                        if text
                        else said(
                            "the OAI-PMH response holds no records: the repository "
                            "answered with the error {code}",
                            code=code,
                        ),
                        said(_OAI_ERROR_HINTS.get(code, _OAI_ERROR_HINT)),
                    )
                )
            elif ns in ADLCP_NAMESPACES and local == "location":
                notes.append(
                    (
                        said(
                            "the manifest holds no metadata of its own: it refers to the "
                            "metadata file {file!r} (adlcp:location)",
                            file=text_of(elem).strip(),
                        ),
                        said(
                            "validate the referenced file, or put the LOM record inside "
                            "the manifest's <metadata> element"
                        ),
                    )
                )
    except etree.XMLSyntaxError as exc:
        if (
            produced == 0
            and repaired is None
            and repairable
            and getattr(exc, "code", None) == _UNDEFINED_PREFIX
        ):
            whole = source.whole()
            fixed = repair(whole) if whole is not None else None
            if fixed is not None:
                yield from read_xml(
                    io.BytesIO(fixed.data),
                    file=file,
                    build_lom=build_lom,
                    build_dc=build_dc,
                    input_format=input_format,
                    line_offset=line_offset,
                    path_prefix=path_prefix,
                    limits=limits,
                    repaired=fixed,
                )
                return
        yield from held
        raw_line, raw_column = exc.position if exc.position else (None, None)
        line = shift_line(raw_line, line_offset)
        column = None if line_offset is None else raw_column
        error = " ".join(str(exc.msg).split())
        message = said("not well-formed XML: {error}", error=error)
        hint = said("fix the XML syntax, or check that the file is complete and correctly encoded")
        if _RESOURCE_LIMIT in error:  # libxml2 stopped at a value over its size limit
            message = said(_HUGE_NOTE, error=error.split(", try XML_PARSE_HUGE")[0])
            hint = said(_HUGE_HINT)
        elif _DEPTH_LIMIT in error:  # libxml2's nesting limit: no option of ours lifts it
            message = said(
                "not well-formed XML: elements are nested more than 256 deep (libxml2's "
                "limit); the document was not read"
            )
            hint = said("no metadata format nests this deep: check how the file was generated")
        yield Unreadable(
            message,
            Location(file=file, line=line, column=column, path=path_prefix or None),
            hint=hint,
        )
        return
    except UnicodeDecodeError as exc:  # a transcoded (UTF-32) stream with a bad unit
        yield from held
        yield _bad_unit(exc, file, path_prefix)
        return

    if token is not None and held and isinstance(held[0], Record):
        last = held[0]  # built already: the token is the one note added afterwards
        held[0] = last.model_copy(update={"problems": (*last.problems, token)})
    yield from held
    if produced == 0:
        message = said(
            "no LOM or Dublin Core record found (root element {root})", root=root_name or "?"
        )
        hint = said("oer_meta reads IEEE/IMS LOM, oai_dc, DCMI terms and OAI-PMH responses")
        if notes:
            message = said("{notes}", notes=joined("; ", dict.fromkeys(n for n, _ in notes)))
            hint = notes[0][1]
        yield Unreadable(
            message,
            Location(
                file=file, line=1, path=path_prefix or (f"/{root_name}" if root_name else None)
            ),
            hint=hint,
        )


def _bad_unit(exc: UnicodeDecodeError, file: str | None, path_prefix: str) -> Unreadable:
    """Why a transcoded (UTF-32) stream stopped: a code unit its codec refuses."""
    return Unreadable(
        said("not valid {encoding}: {reason}", encoding=exc.encoding.upper(), reason=exc.reason),
        Location(file=file, path=path_prefix or None),
        hint=said("save the file as UTF-8"),
    )


#: Comments are kept by the parser only to find inline suppressions (``comment`` above
#: takes each out of the tree as it is met).
_PARSER_OPTIONS: dict[str, Any] = {**SAFE_PARSER_OPTIONS, "remove_comments": False}
#: Items held back after the last record, at most (then the record goes out: a page of
#: thousands of metadata-less records must not be held in memory).
_MAX_HELD = 64


def _fatal_logged(parser: Any) -> bool:
    """True when libxml2 logged a fatal error that lxml has not raised yet."""
    log = parser.error_log
    return bool(len(log) and len(log.filter_from_fatals()))


def _last_error(parser: Any) -> str:
    error = parser.error_log.filter_from_fatals().last_error
    return (error.message or "").strip() if error is not None else "a libxml2 limit was hit"


def _partial_harvest(elem: etree._Element, location: Location) -> Problem | None:
    """The note for a non-empty ``resumptionToken``: the response is one page only."""
    value = text_of(elem).strip()
    if not value:
        return None  # an empty token ends a list: this page is the last one
    shown = value if len(value) <= 200 else value[:200] + "..."
    size = (elem.get("completeListSize") or "").strip()
    return Problem(
        rule="STD006",
        message=said(
            "the response is one page of a harvest (resumptionToken {token!r}, "
            "completeListSize {size}); the rest of the list was not read",
            token=shown,
            size=size,
        )
        if size
        else said(
            "the response is one page of a harvest (resumptionToken {token!r}); the rest "
            "of the list was not read",
            token=shown,
        ),
        hint=said(
            "harvest the remaining pages (repeat the request with the resumptionToken) "
            "and check them too"
        ),
        source_field="oai:resumptionToken",
        location=location,
    )
