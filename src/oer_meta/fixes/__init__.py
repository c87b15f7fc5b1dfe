"""Safe fixes (``oer-meta fix``, :func:`oer_meta.fix`): edits of the original bytes
that make a value canonical without changing what it means (docs/fixes.md)."""

from __future__ import annotations

from oer_meta.fixes.apply import AppliedFix, FixResult, SkippedFix, fix, fixable_selection
from oer_meta.fixes.fixers import FIXERS

__all__ = ["FIXERS", "AppliedFix", "FixResult", "SkippedFix", "fix", "fixable_selection"]
