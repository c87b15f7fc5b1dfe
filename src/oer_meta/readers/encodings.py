"""Encodings the parsers cannot take directly, and the byte streams handed to them.

libxml2 reads UTF-8 and UTF-16 but not UTF-32, and Python's ``json`` reads bytes only
as UTF-8/16/32 guesses.  A UTF-32 file (told by its byte-order mark, or by the
``00 00 00 3C`` pattern of ``<`` that XML's own autodetection uses) is therefore
transcoded to UTF-8 before any parser sees it; an XML declaration naming the old
encoding is rewritten, as it would now be wrong.  XML is transcoded as it streams, so
memory stays flat on large files.
"""

from __future__ import annotations

import codecs
import io
import re
from typing import IO

__all__ = ["Utf8Transcoder", "declare_utf8", "utf32_codec"]

_XML_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?\bencoding\s*=\s*["'])([^"']*)""")


def utf32_codec(head: bytes) -> str | None:
    """The Python codec of a UTF-32 document from its first bytes, or ``None``."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"  # the codec reads the BOM and drops it
    if head.startswith(b"\x00\x00\x00<"):
        return "utf-32-be"
    if head.startswith(b"<\x00\x00\x00"):
        return "utf-32-le"
    return None


def declare_utf8(text: str) -> str:
    """``text`` with the encoding of its XML declaration (if any) set to UTF-8."""
    if not text.lstrip().startswith("<?xml"):
        return text
    return _XML_ENCODING.sub(r"\1UTF-8", text, count=1)


class Utf8Transcoder(io.RawIOBase):
    """A read-only byte stream: ``raw`` decoded with ``codec`` and encoded as UTF-8.

    Decoding errors surface as :class:`UnicodeDecodeError` from :meth:`read`, once the
    text decoded before the bad code unit has been read (so the records before it are
    kept; found by fuzzing, docs/fuzzing.md).
    """

    _CHUNK = 64 * 1024

    def __init__(self, raw: IO[bytes], codec: str) -> None:
        super().__init__()
        self._raw = raw
        self._decoder = codecs.getincrementaldecoder(codec)()
        self._pending = b""
        self._first = True
        self._done = False
        self._error: UnicodeDecodeError | None = None

    def readable(self) -> bool:
        return True

    def _fill(self) -> None:
        chunk = self._raw.read(self._CHUNK)
        try:
            text = self._decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:  # raised once what came before is read
            self._error = exc
            self._done = True
            return
        if self._first and text:
            self._first = False
            text = declare_utf8(text)
        self._pending += text.encode("utf-8")
        if not chunk:
            self._done = True

    def read(self, size: int | None = -1) -> bytes:
        """Up to ``size`` bytes of UTF-8 (all that is left when ``size`` is negative)."""
        wanted = -1 if size is None else size
        while not self._done and (wanted < 0 or len(self._pending) < wanted):
            self._fill()
        if self._error is not None and (wanted < 0 or not self._pending):
            error, self._error = self._error, None
            raise error
        if wanted < 0:
            out, self._pending = self._pending, b""
        else:
            out, self._pending = self._pending[:wanted], self._pending[wanted:]
        return out

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
