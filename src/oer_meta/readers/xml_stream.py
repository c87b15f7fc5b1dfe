"""Stream any XML input and hand each LOM or Dublin Core record to its builder.

One pass with ``lxml.etree.iterparse`` finds records wherever they are: a bare
``<lom>``, LOM inside IMS content-package / SCORM / IMS-LD manifests, ``oai_dc:dc``,
``nsdl_dc``, bare DC/DCMI-terms containers, and OAI-PMH ``GetRecord`` /
``ListRecords`` responses (deleted-record headers included).  Each record's subtree is
freed once built, so memory stays flat on large harvests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO

from lxml import etree

from oer_meta.internal import record_crash
from oer_meta.model import DateValue, Identifier, Location, Record
from oer_meta.readers.base import ReadItem, Unreadable
from oer_meta.readers.namespaces import ADLCP, DC_NAMESPACES, OAI_PMH, split
from oer_meta.readers.xml_context import OaiHeader, XmlRecordContext, step, text_of
from oer_meta.readers.xml_safety import SAFE_PARSER_OPTIONS, prolog_problem

_OAI_RECORD = f"{{{OAI_PMH}}}record"

Builder = Callable[[etree._Element, XmlRecordContext], Record]


@dataclass
class _Frame:
    elem: etree._Element
    path: str
    counts: dict[str, int] = field(default_factory=dict)


def _is_lom_root(elem: etree._Element) -> bool:
    tag = elem.tag
    return isinstance(tag, str) and split(tag)[1].lower() == "lom"


def _is_dc_container(elem: etree._Element) -> bool:
    ns, _ = split(elem.tag) if isinstance(elem.tag, str) else (None, "")
    if ns in DC_NAMESPACES:
        return False
    return any(
        isinstance(child.tag, str) and split(child.tag)[0] in DC_NAMESPACES for child in elem
    )


def _builders() -> tuple[Builder, Builder]:
    from oer_meta.readers.dc import build_dc_record
    from oer_meta.readers.lom import build_lom_record

    return build_lom_record, build_dc_record


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


def _apply_header(record: Record, header: OaiHeader | None) -> None:
    if header is None:
        return
    if header.identifier:
        record.identifiers.append(
            Identifier(value=header.identifier, catalog="oai", location=header.location)
        )
    if header.datestamp:
        record.dates.append(
            DateValue(value=header.datestamp, kind="datestamp", location=header.location)
        )


def _format_of_prefix(prefix: str | None) -> str:
    prefix = (prefix or "").lower()
    if "lom" in prefix or "imsmd" in prefix:
        return "lom"
    if "dc" in prefix:
        return "dc"
    return "unknown"


def read_xml(
    stream: IO[bytes],
    *,
    file: str | None,
    input_format: str | None = None,
    line_offset: int | None = 0,
    path_prefix: str = "",
) -> Iterator[ReadItem]:
    """Yield every record (or :class:`Unreadable`) found in an XML byte stream.

    ``input_format`` (``lom`` or ``dc``) restricts what counts as a record.
    ``line_offset``/``path_prefix`` place an XML document embedded in another file.
    """
    head = stream.read(64 * 1024)
    stream.seek(0)
    refused = prolog_problem(head)
    if refused is not None:
        yield Unreadable(refused, Location(file=file, line=1, column=1, path=path_prefix or None))
        return

    build_lom, build_dc = _builders()
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
    notes: list[str] = []
    root_name = ""

    def build(builder: Builder, elem: etree._Element, path: str) -> ReadItem:
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
            where = ctx.location(elem)
            crash = record_crash(f"reader {builder.__module__.rsplit('.', 1)[-1]}", exc, where)
            return Unreadable(crash.describe(), where, crash=crash)
        _apply_header(record, header)
        return record

    def free(elem: etree._Element) -> None:
        elem.clear()
        parent = elem.getparent()
        if parent is not None:
            while elem.getprevious() is not None:
                del parent[0]

    try:
        for event, elem in etree.iterparse(stream, events=("start", "end"), **SAFE_PARSER_OPTIONS):
            tag = elem.tag
            if not isinstance(tag, str):
                continue
            if event == "start":
                if stack:
                    parent = stack[-1]
                    count = parent.counts.get(tag, 0) + 1
                    parent.counts[tag] = count
                    # OAI-PMH records are always numbered, so a path names exactly one
                    numbered = count > 1 or (tag == _OAI_RECORD)
                    name = step(elem) + (f"[{count}]" if numbered else "")
                    path = f"{parent.path}/{name}"
                else:
                    root_name = step(elem)
                    path = "/" + root_name
                stack.append(_Frame(elem, path))
                ns, local = split(tag)
                if lom_root is None and want_lom and _is_lom_root(elem):
                    lom_root, lom_path = elem, path
                elif ns == OAI_PMH and local == "record":
                    in_oai_record += 1
                    header = None
                    produced_in_oai_record = 0
                elif ns == OAI_PMH and local == "request":
                    metadata_prefix = elem.get("metadataPrefix")
                continue

            frame = stack.pop()
            ns, local = split(tag)
            if lom_root is not None and elem is lom_root:
                produced += 1
                produced_in_oai_record += 1
                yield build(build_lom, lom_root, lom_path)
                lom_root = None
                free(elem)
            elif lom_root is not None:
                continue
            elif want_dc and _is_dc_container(elem):
                produced += 1
                produced_in_oai_record += 1
                yield build(build_dc, elem, frame.path)
                free(elem)
            elif ns == OAI_PMH and local == "header":
                header = _read_header(elem, file, path_prefix + frame.path)
            elif ns == OAI_PMH and local == "record":
                in_oai_record -= 1
                if produced_in_oai_record == 0:
                    produced += 1
                    where = Location(file=file, line=elem.sourceline, path=frame.path)
                    if header is not None and header.deleted:
                        deleted = Record(
                            source_format=_format_of_prefix(metadata_prefix),
                            dialect="oai-pmh",
                            location=header.location or where,
                            deleted=True,
                        )
                        _apply_header(deleted, header)
                        yield deleted
                    else:
                        yield Unreadable(
                            "OAI-PMH record without LOM or Dublin Core metadata",
                            where,
                            hint="harvest with metadataPrefix oai_dc or lom",
                        )
                header = None
                free(elem)
            elif ns == OAI_PMH and local == "error":
                code = elem.get("code") or "error"
                notes.append(f"OAI-PMH error {code}: {text_of(elem).strip()}")
            elif ns == ADLCP and local == "location":
                notes.append(f"the manifest refers to metadata in {text_of(elem).strip()!r}")
    except etree.XMLSyntaxError as exc:
        line: int | None
        column: int | None
        line, column = exc.position if exc.position else (None, None)
        if line_offset is None:
            line = column = None
        elif line is not None:
            line += line_offset
        yield Unreadable(
            f"not well-formed XML: {exc.msg}",
            Location(file=file, line=line, column=column, path=path_prefix or None),
            hint="fix the XML syntax, or check that the file is complete and correctly encoded",
        )
        return

    if produced == 0:
        message = f"no LOM or Dublin Core record found (root element {root_name or '?'})"
        if notes:
            message += "; " + "; ".join(notes)
        yield Unreadable(
            message,
            Location(
                file=file, line=1, path=path_prefix or (f"/{root_name}" if root_name else None)
            ),
            hint="oer_meta reads IEEE/IMS LOM, oai_dc, DCMI terms and OAI-PMH responses",
        )
