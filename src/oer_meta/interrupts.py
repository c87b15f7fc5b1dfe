"""Ctrl-C that never cuts a result in half.

The CLI writes each result as soon as it is checked.  A ``KeyboardInterrupt`` raised in
the middle of that write (Python runs signal handlers between bytecodes, and a write to
a full pipe is retried after the handler) would leave half a JSON line, or a record
counted in the summary but never written.  :class:`DeferredInterrupt` lets reading and
checking be interrupted at once, while the sections that count and write a result are
atomic: a Ctrl-C that arrives inside one is raised as soon as it ends.  Once one Ctrl-C
has stopped the run, SIGINT is ignored while the report is finished and the program
ends (``SIG_IGN`` survives interpreter shutdown, when Python's own handler is gone): a
user pressing Ctrl-C twice still gets a whole report and exit code 130.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any


class DeferredInterrupt:
    """A SIGINT handler, installed for the ``with`` block, with atomic sections."""

    def __init__(self) -> None:
        self._atomic = False
        self._pending = False
        self._previous: Any = None
        self._installed = False
        self.interrupted = False

    def __enter__(self) -> DeferredInterrupt:
        # signal handlers can only be set from the main thread; elsewhere (a library
        # caller running the CLI in a thread) Ctrl-C does not reach us anyway
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
            self._installed = True
        return self

    def __exit__(self, *exc: object) -> None:
        if self._installed and not self.interrupted:
            signal.signal(signal.SIGINT, self._previous)
            self._installed = False

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self._atomic:
            self._pending = True
            return
        self._stop()

    def _stop(self) -> None:
        self.interrupted = True
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the run is stopping: no second one
        raise KeyboardInterrupt

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """Hold a Ctrl-C back until the block ends, then raise it."""
        self._atomic = True
        try:
            yield
        finally:
            self._atomic = False
        if self._pending:
            self._pending = False
            self._stop()
