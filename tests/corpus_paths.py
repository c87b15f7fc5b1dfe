"""Where the real-world corpus lives, and how tests skip without it."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"

needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(),
    reason="../shared/corpus is absent: the real-world records are read in place, never copied",
)


def corpus_files(*parts: str, suffixes: tuple[str, ...] = ()) -> list[Path]:
    """Files below ``../shared/corpus/<parts>`` (empty when the corpus is absent)."""
    base = CORPUS.joinpath(*parts)
    if not base.is_dir():
        return []
    return sorted(
        p
        for p in base.rglob("*")
        if p.is_file() and p.name != "SOURCES.md" and (not suffixes or p.suffix in suffixes)
    )


def corpus_id(path: Path) -> str:
    return str(path.relative_to(CORPUS)) if CORPUS in path.parents else path.name
