"""A document behind a URL given explicitly to ``validate`` (JSON Lines exports above
all), read from the response as it arrives (an ``ItemSource``)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field

from oer_meta.i18n import Message, msg
from oer_meta.model import HarvestError, Location
from oer_meta.readers.base import ReadItem
from oer_meta.readers.dispatch import read_handle
from oer_meta.readers.limits import ReadLimits

from .client import Client, FetchError, ResponseTooLargeError, Rewindable

__all__ = ["RemoteDocument", "is_url"]

#: How much of a response is kept so that the dispatcher can look at its first lines
#: and start again (it tells JSON Lines from one document by them).
KEEP = 1024 * 1024


def is_url(text: str) -> bool:
    """Whether a command-line argument names an ``http(s)://`` address."""
    return text[:8].lower().startswith(("http://", "https://"))


@dataclass
class RemoteDocument:
    """``GET url``, read by the dispatcher like a file: JSON Lines one line at a time and
    XML streamed, straight from the socket; a JSON document or an HTML page is read
    whole, up to ``limits.max_document_bytes``."""

    url: str
    client: Client = field(default_factory=Client)

    def read_items(self, *, input_format: str | None, limits: ReadLimits) -> Iterator[ReadItem]:
        """Every record of the document, as the response arrives."""
        try:
            response = self.client.open(self.url)
        except FetchError as failure:
            yield _failed(self.url, failure.note, failure.hint)
            return
        with response:
            length = response.headers.get("Content-Length", "")
            size = int(length) if length.isascii() and length.isdigit() else 0
            stream = io.BufferedReader(
                Rewindable(response, keep=KEEP, limit=limits.max_document_bytes),
                buffer_size=64 * 1024,
            )
            try:
                yield from read_handle(
                    stream, size, file=self.url, input_format=input_format, limits=limits
                )
            except ResponseTooLargeError:
                yield _failed(
                    self.url,
                    msg(
                        "the document at {url} is larger than the limit of {limit} bytes "
                        "for a document read whole",
                        url=self.url,
                        limit=limits.max_document_bytes,
                    ),
                    msg("export it as JSON Lines, which is read one line at a time"),
                )
            except io.UnsupportedOperation:
                yield _failed(
                    self.url,
                    msg(
                        "the first lines of {url} are too long to tell its format while it "
                        "is received (more than {keep} bytes)",
                        url=self.url,
                        keep=KEEP,
                    ),
                    msg("save the document to a file and validate the file"),
                )
            except OSError as exc:
                yield _failed(
                    self.url,
                    msg(
                        "the connection broke while {url} was received: {reason}",
                        url=self.url,
                        reason=str(exc),
                    ),
                    msg("harvest again later"),
                )


def _failed(url: str, note: Message, hint: Message) -> HarvestError:
    return HarvestError(
        note.render(),
        Location(file=url),
        hint=hint.render(),
        note=note,
        note_hint=hint,
    )
