"""Benchmark: records per second per format, peak memory, and `import oer_meta` time.

Run:  python bench/bench_validate.py [--records N]

It writes synthetic records (made here, not taken from anywhere) to a temporary folder:
N stand-alone LOM files, one OAI-PMH ListRecords response holding N oai_dc records (the
streaming case), and one JSON Lines file with N schema.org records.  Each format is
validated in a fresh process so that its peak memory (max RSS) is its own.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LOM = """<?xml version="1.0" encoding="UTF-8"?>
<lom xmlns="http://ltsc.ieee.org/xsd/LOM">
  <general>
    <identifier><catalog>URI</catalog><entry>https://example.org/oer/{i}</entry></identifier>
    <title><string language="en">Lesson {i} on fractions</string>
           <string language="fr">Leçon {i} sur les fractions</string></title>
    <language>en</language>
    <description><string language="en">Adding and comparing fractions, part {i}.</string></description>
    <keyword><string language="en">fractions</string></keyword>
    <keyword><string language="en">arithmetic</string></keyword>
  </general>
  <lifeCycle>
    <contribute><role><source>LOMv1.0</source><value>author</value></role>
      <entity>BEGIN:VCARD
VERSION:3.0
FN:Open School Network
ORG:Open School Network
END:VCARD</entity><date><dateTime>2024-0{m}-1{m}</dateTime></date></contribute>
  </lifeCycle>
  <technical><format>text/html</format><location>https://example.org/oer/{i}</location></technical>
  <educational>
    <learningResourceType><source>LOMv1.0</source><value>exercise</value></learningResourceType>
    <intendedEndUserRole><source>LOMv1.0</source><value>learner</value></intendedEndUserRole>
    <context><source>LOMv1.0</source><value>school</value></context>
    <typicalAgeRange><string language="en">10-12</string></typicalAgeRange>
  </educational>
  <rights>
    <cost><source>LOMv1.0</source><value>no</value></cost>
    <copyrightAndOtherRestrictions><source>LOMv1.0</source><value>yes</value></copyrightAndOtherRestrictions>
    <description><string language="x-none">https://creativecommons.org/licenses/by/4.0/</string></description>
  </rights>
</lom>
"""

DC_RECORD = """  <record><header><identifier>oai:example.org:{i}</identifier><datestamp>2024-01-01</datestamp></header>
  <metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:title xml:lang="en">Worksheet {i}: the water cycle</dc:title>
    <dc:description xml:lang="en">Evaporation, condensation and rain, sheet {i}.</dc:description>
    <dc:subject>water cycle</dc:subject><dc:language>en</dc:language>
    <dc:identifier>https://example.org/dc/{i}</dc:identifier><dc:type>Text</dc:type>
    <dc:format>application/pdf</dc:format><dc:date>2023-05-0{m}</dc:date>
    <dc:creator>Open School Network</dc:creator>
    <dc:rights>https://creativecommons.org/licenses/by-sa/4.0/</dc:rights>
  </oai_dc:dc></metadata></record>
"""


def _jsonld(i: int) -> dict[str, object]:
    return {
        "@context": "https://schema.org/",
        "@type": "LearningResource",
        "@id": f"https://example.org/ld/{i}",
        "name": f"Video {i}: photosynthesis",
        "description": "How plants turn light into sugar.",
        "inLanguage": ["en"],
        "keywords": ["biology", "plants"],
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "learningResourceType": "video",
        "educationalLevel": "secondary school",
        "encodingFormat": "video/mp4",
        "datePublished": "2022-03-01",
        "creator": {"@type": "Organization", "name": "Open School Network"},
        "accessMode": ["visual", "auditory"],
        "accessibilityFeature": ["captions"],
        "accessibilityHazard": ["none"],
        "accessibilitySummary": "Captioned video.",
    }


def write_inputs(folder: Path, n: int) -> dict[str, Path]:
    lom = folder / "lom"
    lom.mkdir()
    for i in range(n):
        (lom / f"r{i:06d}.xml").write_text(LOM.format(i=i, m=i % 9 + 1), encoding="utf-8")
    oai = folder / "listrecords.xml"
    with oai.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">'
            "<ListRecords>\n"
        )
        for i in range(n):
            out.write(DC_RECORD.format(i=i, m=i % 9 + 1))
        out.write("</ListRecords></OAI-PMH>\n")
    jsonl = folder / "records.jsonl"
    with jsonl.open("w", encoding="utf-8") as out:
        for i in range(n):
            out.write(json.dumps(_jsonld(i)) + "\n")
    return {"lom (files)": lom, "dc (OAI-PMH stream)": oai, "jsonld (JSON Lines)": jsonl}


_CHILD = """
import resource, sys, time
import oer_meta
start = time.perf_counter()
count = sum(1 for _ in oer_meta.validate_many([sys.argv[1]]))
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(count, seconds, peak)
"""


def measure(path: Path) -> tuple[int, float, float]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)], check=True, capture_output=True, text=True
    ).stdout.split()
    return int(out[0]), float(out[1]), float(out[2])


def import_time(runs: int = 7) -> float:
    def once(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - start

    base = statistics.median(once("pass") for _ in range(runs))
    full = statistics.median(once("import oer_meta") for _ in range(runs))
    return max(full - base, 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=2000)
    args = parser.parse_args()
    print(f"import oer_meta: {import_time() * 1000:.1f} ms (median, interpreter start removed)")
    with tempfile.TemporaryDirectory() as tmp:
        inputs = write_inputs(Path(tmp), args.records)
        print(f"{'format':24} {'records':>8} {'seconds':>8} {'records/s':>10} {'peak MiB':>9}")
        for name, path in inputs.items():
            count, seconds, peak = measure(path)
            print(f"{name:24} {count:8d} {seconds:8.2f} {count / seconds:10.0f} {peak:9.1f}")


if __name__ == "__main__":
    main()
