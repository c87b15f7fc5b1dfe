"""Read the JSON-LD records embedded in an HTML page (an OER landing page).

Pages are often not well-formed, so the ``<script type="application/ld+json">`` blocks
are found by a scan over the decoded text, which also keeps exact offsets: every
location is a line and column of the page itself.  The scan moves forward only (each
``find`` starts where the last one ended), so a hostile page such as ``<script ``
repeated a hundred thousand times is read in linear time.  Nothing is fetched
and no other script is looked at.  Blocks that describe only the site (Organization,
WebSite, BreadcrumbList) are passed over; a page without any record says so once.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

from oer_meta.i18n import Said, joined, said
from oer_meta.model import Location, Record
from oer_meta.readers.base import Dispatcher, LineIndex, NoRecord, ReadItem, Unreadable
from oer_meta.readers.limits import ReadLimits

__all__ = ["read_html", "read_html_text"]

_FORMAT = "jsonld"
#: Where a comment (skipped, with any script inside it) or a script element starts.
_OPENING = re.compile(r"<!--|<script\b", re.I)
_SCRIPT_END = re.compile(r"</script\s*>", re.I)
_JSONLD_TYPE = re.compile(r"""(?:^|\s)type\s*=\s*["']?\s*application/ld\+json\b""", re.I)
#: Wrappers old pages put around script content to hide it from old browsers/XHTML,
#: matched at a given position (so a run of them is read once, front to back).
_LEADING_WRAPPER = re.compile(
    r"(\s*)(<!--|/\*\s*<!\[CDATA\[\s*\*/|//\s*<!\[CDATA\[|<!\[CDATA\[)", re.S
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def read_html(
    data: bytes, *, file: str | None, dispatcher: Dispatcher, limits: ReadLimits | None = None
) -> Iterator[ReadItem]:
    """Every JSON-LD record in an HTML page given as bytes."""
    yield from read_html_text(_decode(data), file=file, dispatcher=dispatcher, limits=limits)


def _scripts(text: str) -> Iterator[tuple[str, int, int]]:
    """``(attributes, content start, content end)`` of each script element outside
    comments, in order; an unclosed comment or script runs to the end of the text.

    Every search starts after the previous match, and a start tag without ``>`` ends
    the scan (no later tag could be complete either), so the work is linear.
    """
    pos = 0
    while True:
        found = _OPENING.search(text, pos)
        if found is None:
            return
        if found.group().startswith("<!--"):
            end = text.find("-->", found.end())
            if end < 0:
                return
            pos = end + 3
            continue
        close = text.find(">", found.end())
        if close < 0:
            return
        start = close + 1
        ending = _SCRIPT_END.search(text, start)
        stop = len(text) if ending is None else ending.start()
        yield text[found.end() : close], start, stop
        if ending is None:
            return
        pos = ending.end()


def read_html_text(
    text: str, *, file: str | None, dispatcher: Dispatcher, limits: ReadLimits | None = None
) -> Iterator[ReadItem]:
    """Every JSON-LD record in an HTML page (or in JSON-LD kept in ``<script>`` tags);
    each script block is handed to ``dispatcher`` as JSON text."""
    lines = LineIndex(text)
    blocks = records = unreadable = 0
    notes: list[str] = []
    first_block: Location | None = None
    for attributes, start, stop in _scripts(text):
        if not _JSONLD_TYPE.search(attributes):
            continue
        blocks += 1
        if first_block is None:
            line, column = lines.position(start)
            first_block = Location(file=file, line=line, column=column)
        content = _unwrap(text[start:stop])
        if not content.strip():
            notes.append(said("an empty block"))
            continue
        block_items = dispatcher.json_text(
            content, file=file, lines=lines, base=start, in_page=True, limits=limits
        )
        for item in block_items:
            if isinstance(item, NoRecord):
                notes.append(_why(item.message))
                continue
            if isinstance(item, Record):
                records += 1
            else:
                unreadable += 1
            yield item
    if blocks == 0:
        yield Unreadable(
            said("no JSON-LD found in this HTML page"),
            Location(file=file, line=1, column=1),
            format=_FORMAT,
            hint=said(
                "describe the resource in a {element} block",
                element='<script type="application/ld+json">',
            ),
        )
    elif records == 0 and unreadable == 0:
        detail = joined("; ", dict.fromkeys(notes))
        yield Unreadable(
            said(
                "no schema.org record found in the {blocks} JSON-LD block(s) of this page "
                "({detail})",
                blocks=blocks,
                detail=detail,
            )
            if notes
            else said(
                "no schema.org record found in the {blocks} JSON-LD block(s) of this page",
                blocks=blocks,
            ),
            first_block or Location(file=file, line=1, column=1),
            format=_FORMAT,
            hint=said(
                "add the description of the resource itself (@type LearningResource, "
                "CreativeWork...) to the page's JSON-LD"
            ),
        )


def _why(message: str) -> str:
    """Why a block holds no record: the ``why`` the JSON-LD reader said (translatable),
    else the text after its usual opening."""
    if isinstance(message, Said):
        why = dict(message.message.params).get("why")
        if isinstance(why, str):
            return why
    return message.removeprefix("no schema.org record found: ")


def _unwrap(content: str) -> str:
    """Blank out comment/CDATA wrappers with spaces, so that offsets stay the same.

    Leading wrappers are matched front to back and trailing ones back to front, each
    from where the last one ended, and the text is rebuilt once: linear however many
    wrappers a hostile page stacks.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        match = _LEADING_WRAPPER.match(content, pos)
        if match is None:
            break
        spans.append(match.span(2))
        pos = match.end()
    end = len(content)
    while True:
        found = _trailing_wrapper(content, end)
        if found is None or found[0] < pos:
            break
        spans.append(found)
        end = found[0]
    if not spans:
        return content
    pieces: list[str] = []
    last = 0
    for start, stop in sorted(spans):
        pieces.append(content[last:start])
        pieces.append(" " * (stop - start))
        last = stop
    pieces.append(content[last:])
    return "".join(pieces)


def _space_before(text: str, end: int) -> int:
    """The start of the run of whitespace that ends at ``end``."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _trailing_wrapper(text: str, end: int) -> tuple[int, int] | None:
    """The span of a wrapper closing ``text[:end]`` (blanks may follow it): ``-->``,
    ``/* ]]> */``, ``// ]]>`` or ``]]>``; ``None`` when there is none."""
    stop = _space_before(text, end)
    if text.endswith("*/", 0, stop):
        inner = _space_before(text, stop - 2)
        if text.endswith("]]>", 0, inner):
            opening = _space_before(text, inner - 3)
            if text.endswith("/*", 0, opening):
                return opening - 2, stop
        return None
    if text.endswith("]]>", 0, stop):
        before = _space_before(text, stop - 3)
        if text.endswith("//", 0, before):
            return before - 2, stop
        return stop - 3, stop
    if text.endswith("-->", 0, stop):
        return stop - 3, stop
    return None


def _decode(data: bytes) -> str:
    """The page text: UTF-16 with a BOM, UTF-8 (BOM blanked), else the declared charset,
    else Windows-1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace")
    try:
        text = data.decode("utf-8")
        return " " + text[1:] if text.startswith("\ufeff") else text
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), "replace")
        except LookupError:
            pass
    return data.decode("cp1252", "replace")
