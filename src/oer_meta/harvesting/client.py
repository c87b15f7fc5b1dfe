"""The one module of oer_meta that opens network connections (HTTP and HTTPS).

Built on the standard library's ``urllib.request``: the OAI-PMH client libraries on
PyPI (Sickle 0.7.0, pyoai 2.5.0) have had no release for years, and both parse each
page with their own lxml settings; oer_meta wants the raw bytes of each page so that its
own reader (``readers/xml``, entity declarations refused, no network, no DTD) parses them
(docs/harvest.md).  An import-linter contract keeps every other module from importing
this one.

A response is never held whole in memory: a page is copied in blocks into a spooled
temporary file (in memory up to 1 MiB, then on disk), bounded by
:attr:`HttpLimits.max_page_bytes`, and written as received to the ``--save`` folder; a
document behind a URL given to ``validate`` is read from the socket as it arrives.
"""

from __future__ import annotations

import email.utils
import io
import shutil
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from oer_meta._version import __version__
from oer_meta.i18n import Message, msg
from oer_meta.readers.xml.safety import MAX_DOCUMENT_BYTES

__all__ = ["Client", "FetchError", "HttpLimits", "ResponseTooLargeError", "Rewindable"]

#: Statuses worth another try: the server says it is busy or briefly unavailable.
RETRY_STATUSES = frozenset({429, 502, 503, 504})
_BLOCK = 64 * 1024
_SPOOL_IN_MEMORY = 1024 * 1024


@dataclass(frozen=True)
class HttpLimits:
    """How long and how much the client waits and reads (docs/harvest.md).

    ``timeout``: seconds without a byte before a request is given up.  ``max_retries``:
    further tries after a ``503`` (or 429, 502, 504) or a failed connection.
    ``max_retry_after``: the longest wait honoured from a ``Retry-After`` header (a
    longer one is cut to it).  ``max_page_bytes``: the largest OAI-PMH page (or JSON
    document read whole) accepted.
    """

    timeout: float = 60.0
    max_retries: int = 5
    max_retry_after: float = 300.0
    max_page_bytes: int = MAX_DOCUMENT_BYTES

    def __post_init__(self) -> None:
        if self.timeout <= 0:
            raise ValueError("timeout must be positive")
        if self.max_retries < 0:
            raise ValueError("max_retries must be 0 or more")
        if self.max_retry_after < 0:
            raise ValueError("max_retry_after must be 0 or more")
        if self.max_page_bytes < 1:
            raise ValueError("max_page_bytes must be at least 1")


class FetchError(Exception):
    """A request that failed for good (after the retries): why, as a message template."""

    def __init__(self, note: Message, hint: Message) -> None:
        super().__init__(note.render())
        self.note = note
        self.hint = hint


class ResponseTooLargeError(Exception):
    """A response larger than :attr:`HttpLimits.max_page_bytes` where it is read whole."""


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date), or
    ``None`` when it is absent or unreadable."""
    if value is None:
        return None
    text = value.strip()
    if text.isascii() and text.isdigit():
        return float(int(text[:9]))
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


class Client:
    """HTTP(S) GET with retries and back-off; ``sleep`` is injectable (tests)."""

    def __init__(
        self,
        limits: HttpLimits | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.limits = limits or HttpLimits()
        self._sleep = sleep
        #: the waits made so far, in seconds (said in docs and checked by tests)
        self.waits: list[float] = []

    def open(self, url: str) -> Any:
        """The response to ``GET url``, after up to ``max_retries`` further tries on a
        busy server or a failed connection; raises :class:`FetchError`."""
        if not url.lower().startswith(("http://", "https://")):
            raise FetchError(
                msg("only http:// and https:// addresses are fetched, not {url}", url=url),
                msg("give the address of the repository's OAI-PMH endpoint or of the export"),
            )
        request = urllib.request.Request(
            url, headers={"User-Agent": f"oer-meta/{__version__}", "Accept-Encoding": "identity"}
        )
        attempt = 0
        while True:
            wait: float | None
            try:
                return urllib.request.urlopen(request, timeout=self.limits.timeout)
            except urllib.error.HTTPError as exc:
                exc.close()
                if exc.code not in RETRY_STATUSES or attempt >= self.limits.max_retries:
                    raise FetchError(
                        msg(
                            "the server answered HTTP {status} ({reason}) to {url}",
                            status=exc.code,
                            reason=str(exc.reason),
                            url=url,
                        ),
                        msg("check the address; harvest again when the server answers"),
                    ) from None
                wait = retry_after(exc.headers.get("Retry-After") if exc.headers else None)
            except (urllib.error.URLError, OSError) as exc:
                if attempt >= self.limits.max_retries:
                    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
                    raise FetchError(
                        msg("cannot reach {url}: {reason}", url=url, reason=str(reason)),
                        msg("check the address and the network; harvest again later"),
                    ) from None
                wait = None
            attempt += 1
            if wait is None:
                wait = float(2 ** min(attempt, 8))  # 2, 4, 8... seconds
            wait = min(wait, self.limits.max_retry_after)
            self.waits.append(wait)
            self._sleep(wait)

    def spool(self, url: str, save: Path | None = None) -> tuple[IO[bytes], int]:
        """The whole response to ``GET url`` in a spooled temporary file (rewound), and
        its size; written as received to ``save`` too when given.  Raises
        :class:`FetchError` (also for a page over ``max_page_bytes``)."""
        limit = self.limits.max_page_bytes
        spooled: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY)  # noqa: SIM115
        size = 0
        try:
            with self.open(url) as response:
                while True:
                    try:
                        block = response.read(_BLOCK)
                    except (OSError, ValueError) as exc:
                        raise FetchError(
                            msg(
                                "the connection broke while {url} was received: {reason}",
                                url=url,
                                reason=str(exc),
                            ),
                            msg("harvest again later"),
                        ) from None
                    if not block:
                        break
                    size += len(block)
                    if size > limit:
                        raise FetchError(
                            msg(
                                "the response to {url} is larger than the limit of {limit} "
                                "bytes per page",
                                url=url,
                                limit=limit,
                            ),
                            msg("ask the repository for smaller pages, or raise the limit"),
                        )
                    spooled.write(block)
            if save is not None:
                save.parent.mkdir(parents=True, exist_ok=True)
                spooled.seek(0)
                with save.open("wb") as kept:
                    shutil.copyfileobj(spooled, kept)
            spooled.seek(0)
            return spooled, size
        except BaseException:
            spooled.close()
            raise


class Rewindable(io.RawIOBase):
    """A response read as it arrives that can be rewound to its start while its first
    ``keep`` bytes have not all been read (the dispatcher looks at the first lines
    to tell JSON Lines from one document), and that refuses to be read whole beyond
    ``limit`` bytes (:class:`ResponseTooLargeError`); reading line by line has no limit."""

    def __init__(self, raw: Any, *, keep: int = 1024 * 1024, limit: int = MAX_DOCUMENT_BYTES):
        super().__init__()
        self._raw = raw
        self._head = bytearray()
        self._pos = 0
        self._keep = keep
        self._limit = limit
        self._recording = True

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return self._recording

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_CUR and offset == 0:
            return self._pos
        if whence == io.SEEK_SET and offset == 0 and self._recording:
            self._pos = 0
            return 0
        raise io.UnsupportedOperation("a response can only be rewound to its start, early")

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._pos < len(self._head):
            count = min(len(view), len(self._head) - self._pos)
            view[:count] = self._head[self._pos : self._pos + count]
            self._pos += count
            return count
        # read1: what has arrived (one read of the socket), so that a record is read
        # as soon as its line is there, not once a whole buffer is full
        block = (
            self._raw.read1(len(view)) if hasattr(self._raw, "read1") else self._raw.read(len(view))
        )
        count = len(block)
        view[:count] = block
        if self._recording:
            if len(self._head) + count <= self._keep:
                self._head += view[:count]
            else:
                self._recording = False
                self._head = bytearray()
        self._pos += count
        return count

    def readall(self) -> bytes:
        chunks = bytearray()
        while True:
            block = self.read(_BLOCK)
            if not block:
                return bytes(chunks)
            chunks += block
            if len(chunks) > self._limit:
                raise ResponseTooLargeError(f"more than {self._limit} bytes")
