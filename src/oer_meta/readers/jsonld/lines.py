"""Split JSON text into documents and find where each value of a document starts.

One file may hold one JSON document, JSON Lines, or several documents written one
after the other; :func:`iter_documents` reads them all with ``raw_decode`` and steps
over a broken document to the next one, so a bad line never hides the good ones.  A
broken document is stepped over whole when its brackets balance (one missing comma in
a file is one error, not one per nested object), else line by line (a cut-off JSON
Lines line).

:class:`PointerMap` tells the line and column of the value at an RFC 6901 JSON Pointer.
It scans a document once, without recursion, the first time a position is asked for.
``json-source-map`` was measured for this and not used: it keeps keys as written in the
source (escape sequences undecoded, ``~`` and ``/`` unescaped, so its pointers are not
RFC 6901), recurses once per nesting level and parses the whole text a second time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from oer_meta.i18n import said
from oer_meta.readers.base import LineIndex
from oer_meta.readers.jsonld.pointer import escape_token
from oer_meta.readers.jsonld.surrogates import Repair, may_hold_surrogates, repair

_WS = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(
    r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null|NaN|-?Infinity"
)
#: A document is looked for again only at a line that starts (column 1) with ``{`` or
#: ``[``: JSON Lines and concatenated pretty-printed documents start so, while the
#: nested objects of a pretty-printed document are indented (or, unindented, follow a
#: line ending with ``,`` or ``[``: see ``next_document_line``).
_DOC_START = re.compile(r"^[{\[]", re.M)
_scanstring: Any = json.decoder.scanstring  # type: ignore[attr-defined]
#: What matters when a broken document's extent is looked for: brackets, the quote
#: that opens a string, line ends.
_STRUCTURE = re.compile(r'[{}\[\]"\n]')
#: The rest of a string after its opening quote, up to and with its closing quote, or
#: up to the line end (JSON strings hold no raw line break).  The two alternatives
#: cannot match the same character, so matching is linear.
_STRING_REST = re.compile(r'(?:[^"\\\n]|\\.)*"?')
_CLOSER = {"}": "{", "]": "["}

#: Syntax errors reported per text before the rest of it is given up.
MAX_SYNTAX_ERRORS = 50


def value_offsets(text: str, start: int) -> dict[str, int]:
    """Offsets of every value of the JSON document starting at ``start``, by pointer.

    The document must be valid JSON (it was decoded before); a key given twice keeps
    its last offset, as ``json`` keeps its last value.  On anything unexpected the
    offsets found so far are returned.
    """
    found: dict[str, int] = {}
    stack: list[tuple[str, bool, int]] = []  # (parent pointer, is array, index)
    pointer = ""
    pos = _WS.match(text, start).end()  # type: ignore[union-attr]
    try:
        while True:
            found[pointer] = pos
            char = text[pos]
            if char in "{[":
                pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
                if text[pos] not in "}]":
                    if char == "{":
                        key, pos = _scanstring(text, pos + 1)
                        pos = _WS.match(text, pos).end() + 1  # type: ignore[union-attr]
                        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
                        stack.append((pointer, False, 0))
                        pointer = f"{pointer}/{escape_token(key)}"
                    else:
                        stack.append((pointer, True, 0))
                        pointer = f"{pointer}/0"
                    continue
                pos += 1
            elif char == '"':
                pos = _scanstring(text, pos + 1)[1]
            else:
                pos = _SCALAR.match(text, pos).end()  # type: ignore[union-attr]
            # The value is complete: go on with its next sibling or close parents.
            while stack:
                pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
                parent, is_array, index = stack[-1]
                if text[pos] == ",":
                    pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
                    if is_array:
                        stack[-1] = (parent, True, index + 1)
                        pointer = f"{parent}/{index + 1}"
                    else:
                        key, pos = _scanstring(text, pos + 1)
                        pos = _WS.match(text, pos).end() + 1  # type: ignore[union-attr]
                        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
                        pointer = f"{parent}/{escape_token(key)}"
                    break
                stack.pop()
                pointer = parent
                pos += 1
            else:
                return found
    except (IndexError, AttributeError, ValueError):
        return found


class PointerMap:
    """Line and column of the values of one document, computed once when first asked.

    ``text`` is the piece of the file the document was decoded from and ``base`` the
    offset of that piece in the file whose :class:`LineIndex` is ``lines``.
    """

    def __init__(self, text: str, start: int, lines: LineIndex, base: int = 0) -> None:
        self._text = text
        self._start = start
        self._lines = lines
        self._base = base
        self._offsets: dict[str, int] | None = None

    def position(self, pointer: str) -> tuple[int, int]:
        """``(line, column)`` of the value at ``pointer`` (document-relative), or of its
        nearest ancestor that was found."""
        if self._offsets is None:
            self._offsets = value_offsets(self._text, self._start)
        offsets = self._offsets
        while pointer not in offsets and pointer:
            pointer = pointer.rpartition("/")[0]
        return self._lines.position(self._base + offsets.get(pointer, self._start))


@dataclass(frozen=True)
class Document:
    """One decoded JSON document and where it starts in the text; ``repairs`` are the
    strings that held lone surrogates (replaced by U+FFFD in ``value``)."""

    value: Any
    start: int
    end: int
    repairs: tuple[Repair, ...] = ()


@dataclass(frozen=True)
class SyntaxProblem:
    """A document that could not be decoded, with the offset of the error."""

    message: str
    offset: int
    hint: str | None = None


def iter_documents(text: str) -> Iterator[Document | SyntaxProblem]:
    """Every JSON document in ``text``, in order, with offsets into ``text``.

    After a document that cannot be decoded, reading resumes after its closing bracket
    when its brackets balance (:func:`document_end`), else at the next line that starts
    with ``{`` or ``[`` after the line where that document began and does not continue
    a document (:func:`next_document_line`).  Lone surrogates are repaired here, once
    for every reader of JSON text.
    """
    decoder = json.JSONDecoder()
    pos = _WS.match(text).end()  # type: ignore[union-attr]
    errors = 0
    while pos < len(text):
        try:
            value, after = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            problem = SyntaxProblem(said("invalid JSON: {error}", error=exc.msg), exc.pos)
        except RecursionError:
            problem = SyntaxProblem(
                said("the JSON is nested too deeply to be read"),
                pos,
                hint=said("metadata records need only a few levels of nesting"),
            )
        except ValueError as exc:  # e.g. an integer with more digits than Python allows
            problem = SyntaxProblem(
                said("the JSON holds a value that cannot be read: {error}", error=str(exc)), pos
            )
        else:
            repairs: list[Repair] = []
            if may_hold_surrogates(text, pos, after):
                value, repairs = repair(value, owned=True)
            yield Document(value, pos, after, tuple(repairs))
            pos = _WS.match(text, after).end()  # type: ignore[union-attr]
            continue
        errors += 1
        end = document_end(text, pos)
        resume_at: int | None
        if end is not None and problem.offset <= end and _starts_document(text, end):
            # One broken document whose brackets balance: step over it whole.
            resume_at = end
        else:
            line_end = text.find("\n", pos)
            resume = next_document_line(text, line_end + 1) if line_end >= 0 else None
            if resume is not None and line_end < problem.offset and resume <= problem.offset:
                # JSON Lines: the parser ran into the next line; say what is wrong with
                # this one.
                try:
                    decoder.raw_decode(text[:line_end], pos)
                except json.JSONDecodeError as exc:
                    problem = SyntaxProblem(said("invalid JSON: {error}", error=exc.msg), exc.pos)
                except (RecursionError, ValueError):
                    pass
            resume_at = resume
        yield problem
        if resume_at is None or resume_at >= len(text):
            return
        if errors >= MAX_SYNTAX_ERRORS:
            yield SyntaxProblem(
                said(
                    "{count} JSON syntax errors: the rest of the input was not read", count=errors
                ),
                resume_at,
            )
            return
        pos = _WS.match(text, resume_at).end()  # type: ignore[union-attr]


def _starts_document(text: str, pos: int) -> bool:
    """True when only whitespace lies between ``pos`` and the end of the text or the
    ``{``/``[`` of a next document."""
    following = _WS.match(text, pos).end()  # type: ignore[union-attr]
    return following == len(text) or text[following] in "{["


def next_document_line(text: str, pos: int) -> int | None:
    """The offset of the next line, from ``pos`` on, where a document may start after a
    broken one: it starts in column 1 with ``{`` or ``[`` and does not continue the
    line before it (:func:`_continues`), unless it holds a whole document followed by
    another (a JSON Lines line).  None when there is no such line."""
    for found in _DOC_START.finditer(text, pos):
        if not _continues(text, found.start()) or _whole_line_document(text, found.start()):
            return found.start()
    return None


def document_end(text: str, start: int) -> int | None:
    """The offset just after the broken document that starts at ``start`` with ``{`` or
    ``[``, found by its brackets (outside strings); the end of the text when it is cut
    off there; None when a bracket closes the wrong kind of bracket, or when the
    document is a broken JSON Lines line.

    It is one when the line after its first line holds one whole document followed by
    another line-start document or the end of the text, or when such a line comes
    later and does not continue the line before it (:func:`_continues`); the lines
    after it are then read one by one.  Each character is looked at a bounded number
    of times.
    """
    if text[start : start + 1] not in ("{", "["):
        return None
    first_end = text.find("\n", start)
    if first_end >= 0 and _whole_line_document(text, first_end + 1):
        return None
    stack: list[str] = []
    pos = start
    while True:
        found = _STRUCTURE.search(text, pos)
        if found is None:
            return len(text)  # cut off: the document runs to the end of the text
        char, pos = found.group(), found.end()
        if char == '"':
            pos = _STRING_REST.match(text, pos).end()  # type: ignore[union-attr]
        elif char in "{[":
            stack.append(char)
        elif char == "\n":
            if (
                stack
                and text[pos : pos + 1] in ("{", "[")
                and not _continues(text, pos)
                and _whole_line_document(text, pos)
            ):
                return None
        elif not stack or stack.pop() != _CLOSER[char]:
            return None
        elif not stack:
            return pos


def _continues(text: str, pos: int) -> bool:
    """True when the text before ``pos`` (blanks aside) ends with ``,``, ``[``, ``{``
    or ``:``: what starts at ``pos`` is then a value inside a document."""
    before = pos - 1
    while before >= 0 and text[before] in " \t\r\n":
        before -= 1
    return before >= 0 and text[before] in ",[{:"


def _whole_line_document(text: str, start: int) -> bool:
    """True when the line at ``start`` is one complete JSON document followed by a
    line-start document or the end of the text (a JSON Lines line)."""
    if text[start : start + 1] not in ("{", "["):
        return False
    line_end = text.find("\n", start)
    line = text[start:] if line_end < 0 else text[start:line_end]
    try:
        _, after = json.JSONDecoder().raw_decode(line)
    except (ValueError, RecursionError):
        return False
    if line[after:].strip():
        return False
    return line_end < 0 or _starts_document(text, line_end)
