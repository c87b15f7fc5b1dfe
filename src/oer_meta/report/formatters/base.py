"""What every output format implements, so that the CLI can stream any of them.

The CLI calls :meth:`Formatter.start` once, :meth:`Formatter.result` for each record as
soon as it is checked, :meth:`Formatter.batch` with the batch rules' findings (any number
of times, a few at a time, as the batch rules give them), and
:meth:`Formatter.finish` with the run's counts (also after Ctrl-C, with
``interrupted=True``), so a harvest of any size is written with flat memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from oer_meta.checks.registry import Rule
from oer_meta.report.results import BatchFinding, RecordResult, Tally
from oer_meta.severity import Severity


@dataclass(frozen=True)
class RunInfo:
    """What a formatter may say about the run before any result."""

    profile: str
    fail_on: Severity
    show_hints: bool = False
    lang: str = "en"
    #: the active profile's rules with the severity it gives each (SARIF lists them
    #: before any result); empty: every registered rule at its default severity
    rules: tuple[tuple[Rule, Severity], ...] = ()


class Formatter(Protocol):
    """An output format, written incrementally to one text stream."""

    def start(self, info: RunInfo) -> None: ...

    def result(self, result: RecordResult) -> None: ...

    def batch(self, found: list[BatchFinding]) -> None: ...

    def finish(self, tally: Tally, *, interrupted: bool = False) -> None: ...
