"""Read the JSON-LD records embedded in an HTML page (an OER landing page).

Pages are often not well-formed, so the ``<script type="application/ld+json">`` blocks
are found with a regular expression over the decoded text, which also keeps exact
offsets: every location is a line and column of the page itself.  Nothing is fetched
and no other script is looked at.  Blocks that describe only the site (Organization,
WebSite, BreadcrumbList) are passed over; a page without any record says so once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from oer_meta.model import Location, Record
from oer_meta.readers.base import ReadItem, Unreadable
from oer_meta.readers.json_lines import LineIndex

__all__ = ["read_html", "read_html_text"]

_FORMAT = "jsonld"
#: A comment (skipped, with any script inside it) or a script element and its content.
_SCRIPT_OR_COMMENT = re.compile(
    r"<!--.*?(?:-->|\Z)|<script\b([^>]*)>(.*?)(?:</script\s*>|\Z)", re.I | re.S
)
_JSONLD_TYPE = re.compile(r"""(?:^|\s)type\s*=\s*["']?\s*application/ld\+json\b""", re.I)
#: Wrappers old pages put around script content to hide it from old browsers/XHTML.
_LEADING_WRAPPER = re.compile(
    r"\A(\s*)(<!--|/\*\s*<!\[CDATA\[\s*\*/|//\s*<!\[CDATA\[|<!\[CDATA\[)", re.S
)
_TRAILING_WRAPPER = re.compile(r"(-->|/\*\s*\]\]>\s*\*/|//\s*\]\]>|\]\]>)(\s*)\Z", re.S)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def read_html(data: bytes, *, file: str | None) -> Iterator[ReadItem]:
    """Every JSON-LD record in an HTML page given as bytes."""
    yield from read_html_text(_decode(data), file=file)


def read_html_text(text: str, *, file: str | None) -> Iterator[ReadItem]:
    """Every JSON-LD record in an HTML page (or in JSON-LD kept in ``<script>`` tags)."""
    from oer_meta.readers.jsonld import NoRecord, read_json_text

    lines = LineIndex(text)
    blocks = records = unreadable = 0
    notes: list[str] = []
    first_block: Location | None = None
    for match in _SCRIPT_OR_COMMENT.finditer(text):
        attributes = match.group(1)
        if attributes is None or not _JSONLD_TYPE.search(attributes):
            continue
        blocks += 1
        start = match.start(2)
        if first_block is None:
            line, column = lines.position(start)
            first_block = Location(file=file, line=line, column=column)
        content = _unwrap(match.group(2))
        if not content.strip():
            notes.append("an empty block")
            continue
        for item in read_json_text(content, file=file, lines=lines, base=start, in_page=True):
            if isinstance(item, NoRecord):
                notes.append(item.message.removeprefix("no schema.org record found: "))
                continue
            if isinstance(item, Record):
                records += 1
            else:
                unreadable += 1
            yield item
    if blocks == 0:
        yield Unreadable(
            "no JSON-LD found in this HTML page",
            Location(file=file, line=1, column=1),
            format=_FORMAT,
            hint='describe the resource in a <script type="application/ld+json"> block',
        )
    elif records == 0 and unreadable == 0:
        detail = "; ".join(dict.fromkeys(notes))
        yield Unreadable(
            f"no schema.org record found in the {blocks} JSON-LD block(s) of this page"
            + (f" ({detail})" if detail else ""),
            first_block or Location(file=file, line=1, column=1),
            format=_FORMAT,
            hint="add the description of the resource itself (@type LearningResource, "
            "CreativeWork...) to the page's JSON-LD",
        )


def _unwrap(content: str) -> str:
    """Blank out comment/CDATA wrappers with spaces, so that offsets stay the same."""
    while True:
        match = _LEADING_WRAPPER.match(content)
        if match is None:
            break
        content = content[: match.start(2)] + " " * len(match.group(2)) + content[match.end(2) :]
    while True:
        match = _TRAILING_WRAPPER.search(content)
        if match is None:
            break
        content = content[: match.start(1)] + " " * len(match.group(1)) + content[match.end(1) :]
    return content


def _decode(data: bytes) -> str:
    """The page text: UTF-8 (BOM blanked), else the declared charset, else Windows-1252."""
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
