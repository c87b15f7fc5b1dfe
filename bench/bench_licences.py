"""Benchmark: ``parse_licence`` calls per second, uncached and cached.

Run:  python bench/bench_licences.py [--seconds S] [--corpus PATH]

The statements are every licence statement of the records in ``../shared/corpus`` (read
with ``oer_meta.read_records``); without the corpus, a built-in list of varied strings
is used.  "Uncached" calls the undecorated function (``parse_licence.__wrapped__``), so
it measures the recognisers themselves; "cached" is what a harvest that repeats the same
statements sees.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from _timing import rate

import oer_meta

BUILT_IN = [
    "https://creativecommons.org/licenses/by/4.0/",
    "http://creativecommons.org/licenses/by-nc-sa/3.0/fr/",
    "HTTPS://CreativeCommons.org/Licences/BY-NC/4.0/deed.fr",
    "https://i.creativecommons.org/l/by-sa/4.0/88x31.png",
    "https://creativecommons.org/publicdomain/zero/1.0/legalcode",
    "CC-BY-SA-4.0",
    "cc-by-nc-nd-3.0-de",
    "GPL-3.0",
    "MIT OR Apache-2.0",
    "CC-BY-4.0 AND (MIT OR GPL-3.0-or-later)",
    "CC-BY-4.0 OR",
    "CC BY-SA 4.0",
    "cc-by-40",
    "BY-NC-SA 3.0 FR",
    "CC0",
    "Creative Commons Attribution-NonCommercial 3.0 Unported License",
    "CC Attribution-NonCommercial-ShareAlike 4.0 International license",
    "Creative Commons Paternité-Pas d'Utilisation Commerciale-Pas de Modification 2.5 Canada.",
    "Namensnennung - Weitergabe unter gleichen Bedingungen 4.0 International",
    "Reconocimiento-NoComercial-SinObraDerivada 3.0 España",
    "CC Paternité, pas d'utilisation commerciale",
    "Licence Creative Commons BY-NC-SA : Paternité-Pas d'utilisation commerciale-Partage des"
    " conditions initiales à l'identique » (http://creativecommons.org/licenses/by-nc-sa/3.0/fr/)",
    "GNU General Public License v3.0 or later",
    "https://www.gnu.org/licenses/gpl-3.0.html",
    "Licence Ouverte / Open Licence version 2.0",
    "All rights reserved",
    "Tous droits réservés",
    "Copyright 2003 - 2009 wisweb.nl",
    "© 2020 Jane Doe, CC BY 4.0",
    "For educational use only",
    "No known restrictions on publication.",
    "http://rightsstatements.org/vocab/InC/1.0/",
    "http://www.purplemath.com/terms.htm",
    "Public Domain",
    "Engineering K-Ph.D. Program, Pratt School of Engineering, Duke University",
    "",
]


def corpus_statements(corpus: Path) -> list[str]:
    """Every licence statement of every record under ``corpus`` (unreadable files skipped)."""
    texts: list[str] = []
    for path in sorted(p for p in corpus.rglob("*") if p.is_file() and p.name != "SOURCES.md"):
        try:
            for record in oer_meta.read_records(path):
                texts.extend(s.raw for s in record.licences)
                for relation in record.relations:
                    texts.extend(s.raw for s in relation.licences)
        except Exception:  # not a record file (schemas, XSDs...)
            continue
    return texts


COLD_START = (
    "import time; t = time.perf_counter(); import oer_meta; "
    "oer_meta.parse_licence('CC BY 4.0'); "
    "oer_meta.parse_licence('GPL-3.0 OR MIT'); oer_meta.parse_licence('All rights reserved'); "
    "print(time.perf_counter() - t)"
)


def cold_start() -> float:
    """Seconds from ``import oer_meta`` to three parsed statements, in a fresh process
    (tables loaded and regexes compiled on first use)."""
    out = subprocess.run(
        [sys.executable, "-c", COLD_START], capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0)
    default_corpus = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
    parser.add_argument("--corpus", type=Path, default=default_corpus)
    args = parser.parse_args(argv)

    if args.corpus.is_dir():
        texts = corpus_statements(args.corpus)
        source = f"{args.corpus} ({len(texts)} statements, {len(set(texts))} distinct)"
    else:
        texts = []
        source = f"{args.corpus} is absent"
    if not texts:
        texts = list(BUILT_IN)
        source += f"; built-in list ({len(texts)} strings)"

    parse = oer_meta.parse_licence
    uncached = parse.__wrapped__  # type: ignore[attr-defined]
    print(f"statements: {source}")
    print(f"cold start (import, load tables, 3 calls): {cold_start() * 1000:.0f} ms")
    print(f"uncached: {rate(uncached, texts, args.seconds):,.0f} calls/s")
    print(f"cached:   {rate(parse, texts, args.seconds):,.0f} calls/s")
    builtin_rate = rate(uncached, BUILT_IN, args.seconds)
    print(f"uncached, built-in list ({len(BUILT_IN)} varied strings): {builtin_rate:,.0f} calls/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
