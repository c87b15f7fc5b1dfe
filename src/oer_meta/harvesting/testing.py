"""An HTTP server on loopback and OAI-PMH page builders, for tests and the benchmark.

A harvest is tested against an endpoint the test controls (pages, tokens, a 503, a page
cut in half); the benchmark measures ``oer-meta harvest`` against one that serves many
generated pages.  Both use :class:`LoopbackServer`, so the server is written once.  It
listens on ``127.0.0.1`` only, on a port the system picks, in a daemon thread; nothing in
a validation or harvest run imports this module.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

__all__ = ["OAI", "LoopbackServer", "Reply", "list_records_page", "oai_error"]

OAI = "http://www.openarchives.org/OAI/2.0/"

#: What the server answers: status, headers, and the body whole or in parts.  A body in
#: parts is sent part by part (each flushed), so a test can hold the rest back; its
#: ``Content-Length`` header, if any, is the caller's to give.
Reply = tuple[int, Mapping[str, str], bytes | Iterable[bytes]]

_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<OAI-PMH xmlns="{oai}">'
    "<responseDate>2024-01-02T00:00:00Z</responseDate>"
    '<request verb="ListRecords">http://127.0.0.1/oai</request>'
)


def list_records_page(
    records: Iterable[str | bytes], token: str | None, *, complete_size: int | None = None
) -> bytes:
    """A ``ListRecords`` response holding ``records`` (serialised ``<record>`` elements
    in the OAI namespace, one a line), ended by a ``resumptionToken`` unless ``token`` is
    ``None`` (``""`` is the empty token of a list's last page)."""
    parts = [_HEAD.format(oai=OAI).encode(), b"<ListRecords>\n"]
    for record in records:
        parts.append(record.encode() if isinstance(record, str) else record)
        parts.append(b"\n")
    if token is not None:
        size = f' completeListSize="{complete_size}"' if complete_size is not None else ""
        parts.append(f"<resumptionToken{size}>{token}</resumptionToken>".encode())
    parts.append(b"</ListRecords></OAI-PMH>")
    return b"".join(parts)


def oai_error(code: str, text: str) -> bytes:
    """An OAI-PMH response that holds only the error ``code`` with ``text``."""
    return (_HEAD.format(oai=OAI) + f'<error code="{code}">{text}</error></OAI-PMH>').encode()


class LoopbackServer:
    """A threading HTTP server on ``127.0.0.1`` answering each GET with
    ``answer(path)`` (the path with its query string).  ``url`` is ``/oai`` on it;
    ``requests`` lists the paths asked for, in order.  Use it as a context manager, or
    call :meth:`close`."""

    def __init__(self, answer: Callable[[str], Reply]) -> None:
        self.requests: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append(self.path)
                status, headers, body = answer(self.path)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if isinstance(body, bytes):
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                self.end_headers()
                for part in body:
                    self.wfile.write(part)
                    self.wfile.flush()

            def log_message(self, *args: Any) -> None:
                pass  # a test's output is no place for an access log

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = int(self._server.server_address[1])
        self.url = f"http://127.0.0.1:{self.port}/oai"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        """Stop serving and free the port."""
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> LoopbackServer:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
