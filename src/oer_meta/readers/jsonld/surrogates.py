"""Lone surrogates in JSON: replaced where JSON is decoded, and noted on the record.

JSON may escape half of a UTF-16 pair alone (``"\\ud800"``); Python decodes it to a
``str`` holding a surrogate code point, which is not a character: UTF-8 cannot encode
it, so the JSON report, a terminal or a database would fail on it far from the reader.
Every JSON value the readers keep passes through :func:`repair` once, right after
decoding (:func:`oer_meta.readers.jsonld.lines.iter_documents` for JSON text, and
``records_from_json`` for Python values), which replaces each lone surrogate with
U+FFFD and says where it was; the JSON-LD reader turns that into a ``STD002`` problem
on the record holding the value.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from oer_meta.i18n import msg, said
from oer_meta.model import Location, Problem
from oer_meta.readers.jsonld.pointer import escape_token

__all__ = ["Repair", "may_hold_surrogates", "repair", "repair_problem"]

#: A ``\u`` escape of a surrogate in JSON text (pairs too: they are told apart later).
_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
#: In a decoded str every surrogate is lone: the decoder joined the valid pairs.
_LONE = re.compile("[\ud800-\udfff]")

#: Repairs noted per value given to :func:`repair`; the rest are counted in the last.
MAX_NOTED = 100


@dataclass(frozen=True)
class Repair:
    """One string (or key) that held a lone surrogate, now replaced by U+FFFD."""

    pointer: str  # RFC 6901 pointer of the value (of the member, for a key)
    surrogate: str  # the first lone surrogate, escaped: "\\ud800"
    key: bool = False  # the surrogate was in the member's name, not its value
    more: int = 0  # further repairs not noted one by one


def may_hold_surrogates(text: str, start: int = 0, end: int | None = None) -> bool:
    """True when the JSON text between ``start`` and ``end`` may decode to a surrogate."""
    stop = len(text) if end is None else end
    return "\\u" in text and _ESCAPE.search(text, start, stop) is not None


def _fixed(text: str) -> tuple[str, str] | None:
    found = _LONE.search(text)
    if found is None:
        return None
    return _LONE.sub("\ufffd", text), f"\\u{ord(found.group()):04x}"


def _holds_any(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _LONE.search(item):
                return True
        elif isinstance(item, dict):
            for key, inner in item.items():
                if isinstance(key, str) and _LONE.search(key):
                    return True
                stack.append(inner)
        elif isinstance(item, list):
            stack.extend(item)
    return False


def repair(value: Any, *, owned: bool) -> tuple[Any, list[Repair]]:
    """``value`` with every lone surrogate replaced by U+FFFD, and where they were.

    ``owned`` says that ``value`` was just decoded by the reader and may be changed in
    place; a caller's value is copied first (and only when it holds a surrogate).  The
    walk is iterative, in document order.
    """
    if isinstance(value, str):
        fixed = _fixed(value)
        return (value, []) if fixed is None else (fixed[0], [Repair("", fixed[1])])
    if not owned:
        if not _holds_any(value):
            return value, []
        try:
            value = copy.deepcopy(value)
        except RecursionError:  # nested too deeply to be read anyway: the reader says so
            return value, []
    repairs: list[Repair] = []
    extra = 0

    def note(found: Repair) -> None:
        nonlocal extra
        if len(repairs) < MAX_NOTED:
            repairs.append(found)
        else:
            extra += 1

    stack: list[tuple[Any, str]] = [(value, "")]
    while stack:
        node, pointer = stack.pop()
        children: list[tuple[Any, str]] = []
        if isinstance(node, dict):
            if any(isinstance(k, str) and _LONE.search(k) for k in node):
                members = list(node.items())
                node.clear()
                for key, inner in members:
                    fixed = _fixed(key) if isinstance(key, str) else None
                    if fixed is not None:
                        key = fixed[0]
                        note(Repair(f"{pointer}/{escape_token(key)}", fixed[1], key=True))
                    node[key] = inner
            for key, inner in node.items():
                here = f"{pointer}/{escape_token(str(key))}"
                if isinstance(inner, str):
                    fixed = _fixed(inner)
                    if fixed is not None:
                        node[key] = fixed[0]
                        note(Repair(here, fixed[1]))
                elif isinstance(inner, (dict, list)):
                    children.append((inner, here))
        elif isinstance(node, list):
            for index, inner in enumerate(node):
                here = f"{pointer}/{index}"
                if isinstance(inner, str):
                    fixed = _fixed(inner)
                    if fixed is not None:
                        node[index] = fixed[0]
                        note(Repair(here, fixed[1]))
                elif isinstance(inner, (dict, list)):
                    children.append((inner, here))
        stack.extend(reversed(children))
    if extra and repairs:
        last = repairs[-1]
        repairs[-1] = Repair(last.pointer, last.surrogate, last.key, more=extra)
    return value, repairs


def repair_problem(found: Repair, location: Location) -> Problem:
    """The ``STD002`` note for one repaired value."""
    name = found.pointer.rsplit("/", 1)[-1] or None
    if found.key:
        held = msg(
            "the name of the member at {pointer} held a lone surrogate {surrogate}, which is "
            "not a character; it was read as U+FFFD ({replacement})",
            pointer=found.pointer or "/",
            surrogate=found.surrogate,
            replacement="\ufffd",
        )
    else:
        held = msg(
            "the value at {pointer} held a lone surrogate {surrogate}, which is not a "
            "character; it was read as U+FFFD ({replacement})",
            pointer=found.pointer or "/",
            surrogate=found.surrogate,
            replacement="\ufffd",
        )
    message = (
        said(
            "{held}; {more} more values with lone surrogates were read the same way",
            held=held,
            more=found.more,
        )
        if found.more
        else said("{held}", held=held)
    )
    return Problem(
        rule="STD002",
        message=message,
        hint=said(
            "write the character itself, or a complete UTF-16 pair ({pair}); a lone half "
            "of a pair is an encoding error in the program that wrote the record",
            pair="\\ud83d\\ude00",
        ),
        source_field=name if name and not name.isdigit() else None,
        location=location,
    )
