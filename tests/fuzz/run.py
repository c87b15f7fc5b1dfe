"""Run one fuzz target under atheris (libFuzzer), seeded with the examples and corpus.

    python -m tests.fuzz.run TARGET [libFuzzer flags, e.g. -max_total_time=300]

TARGET is one of tests/fuzz/targets.py's TARGETS.  The seeds are written to a
temporary folder (they stay out of the repository) that libFuzzer reads as its corpus;
new inputs it finds go to a second temporary folder unless a folder is given as the
first libFuzzer argument.  A failing input is written as ``crash-*`` in the current
folder, as libFuzzer does: turn it into a regression test (docs/fuzzing.md).
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from pathlib import Path


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[1].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    import atheris  # type: ignore[import-not-found,unused-ignore]

    with atheris.instrument_imports():
        from tests.fuzz import targets

    name = argv[1]
    if name not in targets.TARGETS:
        print(f"unknown target {name!r}; one of {', '.join(targets.TARGETS)}", file=sys.stderr)
        return 2
    target = targets.TARGETS[name]
    seed_dir = Path(tempfile.mkdtemp(prefix=f"oer-meta-fuzz-{name}-seeds-"))
    for seed in targets.seeds_of(name):
        (seed_dir / hashlib.sha1(seed).hexdigest()).write_bytes(seed)
    flags = argv[2:]
    folders = [a for a in flags if not a.startswith("-")]
    flags = [a for a in flags if a.startswith("-")]
    work = folders or [tempfile.mkdtemp(prefix=f"oer-meta-fuzz-{name}-new-")]
    atheris.Setup([argv[0], *flags, *work, str(seed_dir)], target)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
