"""Where the real-world corpus lives, and how tests skip without it."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
#: the second batch of real records (issue 9): kept apart, read by the suite like the first
CORPUS2 = SHARED / "corpus-2"

needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(),
    reason="../shared/corpus is absent: the real-world records are read in place, never copied",
)


needs_corpus2 = pytest.mark.skipif(
    not CORPUS2.is_dir(),
    reason="../shared/corpus-2 is absent: the real-world records are read in place, never copied",
)


def corpus_files(*parts: str, suffixes: tuple[str, ...] = (), root: Path = CORPUS) -> list[Path]:
    """Files below ``<root>/<parts>`` (``root`` is ``../shared/corpus`` unless given;
    empty when it is absent)."""
    base = root.joinpath(*parts)
    if not base.is_dir():
        return []
    return sorted(
        p
        for p in base.rglob("*")
        if p.is_file() and p.name != "SOURCES.md" and (not suffixes or p.suffix in suffixes)
    )


def corpus2_files(*parts: str, suffixes: tuple[str, ...] = ()) -> list[Path]:
    """Files below ``../shared/corpus-2/<parts>`` (empty when it is absent)."""
    return corpus_files(*parts, suffixes=suffixes, root=CORPUS2)


def corpus_id(path: Path) -> str:
    for root in (CORPUS, CORPUS2):
        if root in path.parents:
            return (
                f"{root.name}/{path.relative_to(root)}"
                if root is CORPUS2
                else str(path.relative_to(root))
            )
    return path.name
