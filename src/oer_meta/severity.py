"""Severities of findings, ordered so that a threshold can be compared."""

from __future__ import annotations

from enum import Enum

from oer_meta.errors import UsageError


class Severity(str, Enum):
    """How much a finding matters: ``error`` > ``warning`` > ``info``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """3 for error, 2 for warning, 1 for info."""
        return _RANKS[self]

    def at_least(self, other: Severity) -> bool:
        """True when this severity is ``other`` or graver."""
        return self.rank >= other.rank

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        """Read a severity name, case-insensitively."""
        if isinstance(value, Severity):
            return value
        try:
            return cls(value.strip().lower())
        except ValueError:
            raise UsageError(f"unknown severity {value!r}; use error, warning or info") from None

    def __str__(self) -> str:
        return self.value


#: Looked up whenever a finding is compared with a threshold, hence a table built once.
_RANKS: dict[Severity, int] = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1}
