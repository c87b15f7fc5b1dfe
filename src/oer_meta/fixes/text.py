"""A metadata file's bytes as text, and back, exactly.

Fixes edit the original text, never a serialisation of a parsed tree, so that
everything they do not touch stays byte for byte.  The text is decoded with the
file's own encoding (its byte-order mark, else the XML declaration, else UTF-8) and
encoded back the same way; a file whose bytes do not survive that round trip
unchanged is not edited at all.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

__all__ = ["SourceText", "decode_source"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: The encoding an XML declaration names (read from the first bytes as Latin-1, which
#: any ASCII-compatible encoding agrees with there).  ``[^>]`` cannot reach past the
#: declaration's end, so matching is linear.
_DECLARED = re.compile(r"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")


@dataclass(frozen=True)
class SourceText:
    """Decoded text, and how to encode it back to the file's bytes."""

    text: str
    codec: str
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        """``text`` as the file writes it (``UnicodeEncodeError`` when it cannot)."""
        return self.bom + text.encode(self.codec)

    def can_hold(self, value: str) -> bool:
        """True when the file's encoding can write ``value``."""
        try:
            value.encode(self.codec)
        except UnicodeEncodeError:
            return False
        return True


def _codec(data: bytes) -> tuple[str, bytes] | None:
    """(codec, byte-order mark) of a file, ``None`` for an encoding Python lacks."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, bom
    if data.startswith(b"<\x00?\x00"):
        return "utf-16-le", b""
    if data.startswith(b"\x00<\x00?"):
        return "utf-16-be", b""
    declared = _DECLARED.match(data[:512].decode("latin-1"))
    if declared is None:
        return "utf-8", b""
    try:
        name = codecs.lookup(declared.group(1)).name
    except LookupError:
        return None
    if name in ("utf-16", "utf-32"):
        return None  # a declared UTF-16/32 without a byte-order mark: ambiguous byte order
    return name, b""


def decode_source(data: bytes) -> SourceText | None:
    """The file's text and encoding; ``None`` when its bytes would not come back
    unchanged (undecodable bytes, an encoding Python lacks)."""
    found = _codec(data)
    if found is None:
        return None
    codec, bom = found
    try:
        text = data[len(bom) :].decode(codec)
        source = SourceText(text, codec, bom)
        if source.encode(text) != data:
            return None
    except (UnicodeDecodeError, UnicodeEncodeError):
        return None
    return source
