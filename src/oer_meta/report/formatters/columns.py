"""Columns of XML findings, worked out only when the text output prints them.

lxml gives an element's line but not its column, and finding the column while reading
would cost every value of every record; the text output needs it only for the few
values it prints.  So the column is read back from the file: the start tag of the
finding's element (the last step of its XPath) on its line.  A line holding that
element's name more than once (minified XML) gives no column rather than a wrong one,
and so do lines longer than :data:`MAX_LINE` characters and files that are not plain
files (standard input, a FIFO).  The file is read forward once, whatever the number of
findings, since a record's findings are printed in order of line.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path
from typing import IO

#: Longer lines are skipped (a one-line harvest is not held in memory for a column).
MAX_LINE = 65536

_STEP = re.compile(r"(?:[A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)(?:\[\d+\])?")


def element_name(path: str | None) -> str | None:
    """The local name of the element an XPath ends with (``lom:title[2]`` ->
    ``title``); ``None`` for a JSON Pointer, an attribute or no path."""
    if not path or "/" not in path:
        return None
    last = path.rsplit("/", 1)[1]
    match = _STEP.fullmatch(last)
    if match is None or ":" not in last:
        return None  # XPaths of records always name a prefix; a JSON key does not
    return match.group(1)


def tag_column(text: str, name: str) -> int | None:
    """The 1-based column of the only start tag of ``name`` (any prefix) in ``text``."""
    pattern = re.compile(r"<(?:[A-Za-z_][\w.\-]*:)?" + re.escape(name) + r"(?=[\s/>])")
    found = pattern.finditer(text)
    first = next(found, None)
    if first is None or next(found, None) is not None:
        return None
    return first.start() + 1


class ColumnFinder:
    """Reads lines of one file at a time, forward, for :func:`tag_column`."""

    def __init__(self) -> None:
        self._file: str | None = None
        self._handle: IO[bytes] | None = None
        self._line = 0  # the number of the line in ``_text``
        self._text: str | None = None
        self._unusable: set[str] = set()

    def column(self, file: str | None, line: int, path: str | None) -> int | None:
        """The column of the element ``path`` names on ``line`` of ``file``, if clear."""
        name = element_name(path)
        if name is None or file is None or line < 1 or file in self._unusable:
            return None
        try:
            text = self._line_of(file, line)
        except (OSError, ValueError):
            self._unusable.add(file)
            self.close()
            return None
        return None if text is None else tag_column(text, name)

    def _line_of(self, file: str, line: int) -> str | None:
        if file != self._file or line < self._line or self._handle is None:
            self.close()
            self._open(file)
        handle = self._handle
        assert handle is not None
        while self._line < line:
            raw = handle.readline(MAX_LINE + 1)
            if not raw:
                self._text = None
                return None
            self._line += 1
            if len(raw) > MAX_LINE and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):  # skip the rest of a long line
                    raw = handle.readline(MAX_LINE)
                self._text = None
            else:
                self._text = raw.decode("utf-8", "replace")
        return self._text

    def _open(self, file: str) -> None:
        path = Path(file)
        if not stat.S_ISREG(path.stat().st_mode):  # never open a FIFO or a device to print
            raise ValueError(f"not a regular file: {file}")
        self._handle = path.open("rb")  # kept open across calls, closed by close()
        self._file = file
        self._line = 0
        self._text = None

    def close(self) -> None:
        """Close the file being read."""
        if self._handle is not None:
            self._handle.close()
        self._handle = None
        self._file = None
        self._line = 0
