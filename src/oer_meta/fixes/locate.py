"""Where a value a finding names sits in the file's text: a span, or nothing.

A fix replaces one span of the original text.  The span is found from the finding's
location and checked against the value the Record holds; whenever the text at that
place is not exactly that value (an entity the value does not show, a second
candidate, a value split by a comment), no span is returned and nothing is fixed:
a fix never guesses.

XML is scanned without a parser (the file was read by lxml before, so it is well
formed): every element gets its path as local names with positions among same-named
siblings, the line of its start tag, and the span of its content when that content is
text only.  A location's XPath (``/lom:lom/lom:general/lom:language``) is matched by
local names, a step without a position standing for any position; the element must
also start on the location's line, and exactly one element may match.

JSON is read with the reader's own offset scanner
(:func:`oer_meta.readers.jsonld.lines.value_offsets`): the value at the location's
JSON Pointer must be a string token, on the location's line, that decodes to the
value.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from oer_meta.readers.jsonld.lines import Document, iter_documents, value_offsets

__all__ = ["JsonText", "Span", "XmlText", "escape_xml_text", "unescape_xml"]

_XML_SPACE = " \t\r\n"
_REFERENCE = re.compile(r"&(#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6}|lt|gt|amp|quot|apos);")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
#: One step of a location's XPath: prefix (optional), local name, position (optional).
_STEP = re.compile(r"^(?:[^:\[\]/]+:)?([^:\[\]/]+)(?:\[(\d+)\])?$")
_scanstring: Any = json.decoder.scanstring  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Span:
    """``text[start:end]`` is ``old``; a fix writes ``new`` there."""

    start: int
    end: int
    new: str


def unescape_xml(raw: str) -> str | None:
    """The character data ``raw`` stands for; ``None`` when it holds a reference to an
    entity XML does not predefine (the value would then not be what it shows)."""
    if "&" not in raw:
        return raw
    pieces: list[str] = []
    pos = 0
    for match in _REFERENCE.finditer(raw):
        pieces.append(raw[pos : match.start()])
        name = match.group(1)
        if name.startswith("#x"):
            pieces.append(chr(int(name[2:], 16)))
        elif name.startswith("#"):
            pieces.append(chr(int(name[1:])))
        else:
            pieces.append(_NAMED[name])
        pos = match.end()
    rest = raw[pos:]
    if "&" in rest or any("&" in p for p in pieces[::2]):
        return None
    return "".join(pieces) + rest


def escape_xml_text(value: str) -> str:
    """``value`` as character data in element content."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass
class _Element:
    steps: tuple[tuple[str, int], ...]
    line: int
    content_start: int
    counts: dict[str, int] = field(default_factory=dict)
    text_only: bool = True
    content: tuple[int, int] | None = None
    #: the line the start tag ends on (libxml2 gives a multi-line tag this line)
    last_line: int = 0
    #: attribute name as written -> the span of its value between the quotes
    attributes: dict[str, tuple[int, int]] = field(default_factory=dict)


class XmlText:
    """The elements of an XML text that start on some lines, with their text spans."""

    def __init__(
        self,
        text: str,
        lines: Iterable[int],
        attributes: Iterable[str] = (),
        *,
        every: bool = False,
    ) -> None:
        self.text = text
        #: the elements that start on the lines asked for, or hold one of ``attributes``
        #: (``every``: all elements, for a small document such as an envelope's payload)
        self.elements: list[_Element] = []
        self._every = every
        self._scan(set(lines), frozenset(attributes))

    def _scan(self, wanted: set[int], holding: frozenset[str]) -> None:
        """One pass over the text; raises ``ValueError`` when it is not well formed."""
        text = self.text
        stack: list[_Element] = []
        root = _Element((), 0, 0)
        line, counted = 1, 0
        pos = 0
        while True:
            lt = text.find("<", pos)
            if lt < 0:
                break
            if text.startswith("<!--", lt):
                pos = _after(text, "-->", lt + 4)
                _mixed(stack)
            elif text.startswith("<![CDATA[", lt):
                pos = _after(text, "]]>", lt + 9)
                _mixed(stack)
            elif text.startswith("<?", lt):
                pos = _after(text, "?>", lt + 2)
                _mixed(stack)
            elif text.startswith("<!", lt):
                pos = self._doctype(lt)
            elif text.startswith("</", lt):
                pos = _after(text, ">", lt + 2)
                if not stack:
                    raise ValueError("end tag without start tag")
                done = stack.pop()
                if done.text_only:
                    done.content = (done.content_start, lt)
            else:
                line += text.count("\n", counted, lt)
                counted = lt
                name, pos, empty, attributes = _start_tag(text, lt)
                local = name.rpartition(":")[2]
                parent = stack[-1] if stack else root
                parent.text_only = False
                parent.counts[local] = index = parent.counts.get(local, 0) + 1
                element = _Element((*parent.steps, (local, index)), line, pos)
                element.attributes = attributes
                element.last_line = line + text.count("\n", lt, pos)
                lines = range(element.line, element.last_line + 1)
                if (
                    self._every
                    or not wanted.isdisjoint(lines)
                    or not holding.isdisjoint(attributes)
                ):
                    self.elements.append(element)
                if empty:
                    element.text_only = False  # no content to edit
                else:
                    stack.append(element)
        if stack:
            raise ValueError("unclosed element")

    def _doctype(self, lt: int) -> int:
        text = self.text
        close = text.find(">", lt)
        bracket = text.find("[", lt, close if close >= 0 else len(text))
        if bracket >= 0:
            return _after(text, ">", _after(text, "]", bracket))
        return _after(text, ">", lt)

    def _at(self, steps: tuple[tuple[str, int | None], ...], line: int | None) -> list[_Element]:
        """The elements at ``steps`` whose start tag covers ``line`` (``None``: a value
        read from a payload whose lines are not known, told by its path alone)."""
        return [
            e
            for e in self.elements
            if (line is None or e.line <= line <= e.last_line) and _same_path(e.steps, steps)
        ]

    def span(self, path: str | None, line: int | None, old: str, new: str) -> Span | None:
        """The span of the text content ``old`` of the one element at ``path`` that
        starts on ``line``, to be replaced by ``new``; ``None`` unless exactly one
        element matches and its content is exactly ``old``."""
        steps = _steps(path)
        if steps is None:
            return None
        found = self._at(steps, line)
        if len(found) != 1 or found[0].content is None:
            return None
        start, end = found[0].content
        raw = self.text[start:end]
        if unescape_xml(raw) == old:
            return Span(start, end, escape_xml_text(new))
        inner = raw.strip(_XML_SPACE)
        if old != old.strip(_XML_SPACE) or not inner or unescape_xml(inner) != old:
            return None
        lead = len(raw) - len(raw.lstrip(_XML_SPACE))
        return Span(start + lead, start + lead + len(inner), escape_xml_text(new))

    def attribute_spans(
        self,
        path: str | None,
        line: int | None,
        names: tuple[str, ...],
        old: str,
        new: str,
        count: int,
    ) -> list[Span] | None:
        """The spans of the attribute (one of ``names``) whose value is ``old`` in the
        elements at ``path`` starting on ``line``; ``None`` unless exactly ``count``
        elements hold it (the values asked for: no more, no fewer)."""
        steps = _steps(path)
        if steps is None:
            return None
        spans: list[Span] = []
        for element in self._at(steps, line):
            held = [element.attributes[n] for n in names if n in element.attributes]
            if len(held) == 1 and unescape_xml(self.text[held[0][0] : held[0][1]]) == old:
                spans.append(Span(*held[0], escape_xml_attribute(new)))
        return spans if len(spans) == count else None

    def subtree_attribute_spans(
        self, path: str | None, line: int | None, names: tuple[str, ...], old: str, new: str
    ) -> list[Span] | None:
        """The spans of the attribute (one of ``names``) whose value is ``old`` in every
        element below the one element at ``path`` starting on ``line`` (the attribute
        ``language`` only on LOM's ``string``: elsewhere it may mean something else);
        ``None`` when that element is not found exactly once."""
        steps = _steps(path)
        if steps is None:
            return None
        roots = self._at(steps, line)
        if len(roots) != 1:
            return None
        prefix = roots[0].steps
        spans: list[Span] = []
        for element in self.elements:
            if element.steps[: len(prefix)] != prefix or len(element.steps) == len(prefix):
                continue
            held = [
                element.attributes[n]
                for n in names
                if n in element.attributes and (":" in n or element.steps[-1][0] == "string")
            ]
            if len(held) == 1 and unescape_xml(self.text[held[0][0] : held[0][1]]) == old:
                spans.append(Span(*held[0], escape_xml_attribute(new)))
        return spans


def escape_xml_attribute(value: str) -> str:
    """``value`` inside a quoted attribute (either quote)."""
    return escape_xml_text(value).replace('"', "&quot;").replace("'", "&apos;")


def _after(text: str, token: str, start: int) -> int:
    found = text.find(token, start)
    if found < 0:
        raise ValueError(f"{token!r} missing")
    return found + len(token)


def _mixed(stack: list[_Element]) -> None:
    """A comment, CDATA section or processing instruction in an element's content: its
    text is no longer one plain span."""
    if stack:
        stack[-1].text_only = False


def _start_tag(text: str, lt: int) -> tuple[str, int, bool, dict[str, tuple[int, int]]]:
    """(name, offset after the tag, empty-element tag, attribute value spans) of the
    start tag at ``lt``."""
    pos = lt + 1
    end = len(text)
    while pos < end and text[pos] not in " \t\r\n/>":
        pos += 1
    name = text[lt + 1 : pos]
    if not name:
        raise ValueError("start tag without a name")
    attributes: dict[str, tuple[int, int]] = {}
    named = pos
    while pos < end:
        char = text[pos]
        if char == ">":
            return name, pos + 1, False, attributes
        if char == "/" and text.startswith("/>", pos):
            return name, pos + 2, True, attributes
        if char in "\"'":
            close = _after(text, char, pos + 1)
            key = text[named:pos].strip(_XML_SPACE).removesuffix("=").strip(_XML_SPACE)
            attributes[key] = (pos + 1, close - 1)
            named = pos = close
            continue
        pos += 1
    raise ValueError("unfinished start tag")


def _steps(path: str | None) -> tuple[tuple[str, int | None], ...] | None:
    """A location's XPath as (local name, position or None) steps."""
    if not path or not path.startswith("/"):
        return None
    steps: list[tuple[str, int | None]] = []
    for part in path[1:].split("/"):
        match = _STEP.match(part)
        if match is None:
            return None
        steps.append((match.group(1), int(match.group(2)) if match.group(2) else None))
    return tuple(steps)


def _same_path(have: tuple[tuple[str, int], ...], want: tuple[tuple[str, int | None], ...]) -> bool:
    if len(have) != len(want):
        return False
    return all(
        h_name == w_name and (w_index is None or w_index == h_index)
        for (h_name, h_index), (w_name, w_index) in zip(have, want, strict=True)
    )


class JsonText:
    """The JSON documents of a text, with the offsets of their values by pointer."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.documents: list[Document] = [
            d for d in iter_documents(text) if isinstance(d, Document)
        ]
        self._offsets: dict[int, dict[str, int]] = {}
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def _line(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset)

    def string_at(
        self, pointer: str | None, line: int | None, column: int | None
    ) -> tuple[int, int, str] | None:
        """``(start, end, value)`` of the one string token at ``pointer`` on ``line``
        (and ``column`` when given); ``None`` unless exactly one document has one."""
        if pointer is None or line is None or line > len(self._line_starts):
            return None
        found: list[tuple[int, int, str]] = []
        line_start = self._line_starts[line - 1]
        line_end = self._line_starts[line] if line < len(self._line_starts) else len(self.text)
        for number, document in enumerate(self.documents):
            if document.end <= line_start or document.start >= line_end:
                continue
            offsets = self._offsets.get(number)
            if offsets is None:
                offsets = self._offsets[number] = value_offsets(self.text, document.start)
            offset = offsets.get(pointer)
            if offset is None or self._line(offset) != line or self.text[offset] != '"':
                continue
            if column is not None and offset - line_start + 1 != column:
                continue
            value, end = _scanstring(self.text, offset + 1)
            found.append((offset, end, value))
        return found[0] if len(found) == 1 else None

    def span(
        self, pointer: str | None, line: int | None, column: int | None, old: str, new: str
    ) -> Span | None:
        """The span of the string token at ``pointer`` on ``line`` (and ``column`` when
        given) that decodes to ``old``, replaced by ``new`` as a JSON string; ``None``
        unless exactly one document has such a token."""
        found = self.string_at(pointer, line, column)
        if found is None or found[2] != old:
            return None
        return Span(found[0], found[1], json.dumps(new, ensure_ascii=self.text.isascii()))
