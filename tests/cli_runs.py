"""Running the CLI as a user would, for the streaming and output-format tests: a large
generated OAI-PMH harvest, and a run interrupted by Ctrl-C while it writes."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

OAI_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>\n'
)
OAI_RECORD = (
    "<record><header><identifier>oai:example.org:{n}</identifier>"
    "<datestamp>2024-01-01</datestamp></header><metadata>"
    '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/">'
    "<dc:title>Lesson {n}</dc:title><dc:language>en</dc:language>"
    "<dc:rights>https://creativecommons.org/licenses/by/4.0/</dc:rights>"
    "<dc:identifier>https://example.org/r/{n}</dc:identifier>"
    "</oai_dc:dc></metadata></record>\n"
)


def harvest(path: Path, records: int) -> Path:
    """An OAI-PMH ListRecords file of ``records`` small oai_dc records."""
    with path.open("w", encoding="utf-8") as out:
        out.write(OAI_HEAD)
        for n in range(records):
            out.write(OAI_RECORD.format(n=n))
        out.write("</ListRecords></OAI-PMH>\n")
    return path


def rest_of(child: subprocess.Popen[bytes]) -> tuple[bytes, bytes]:
    """What the child writes after the lines already read: read through the same
    buffered pipe objects (``communicate`` would skip what ``readline`` buffered)."""
    assert child.stdout is not None and child.stderr is not None
    rest = child.stdout.read()
    err = child.stderr.read()
    child.wait(timeout=120)
    return rest, err


def interrupted(
    path: Path, output: str, streaming: Callable[[bytes], bool]
) -> tuple[bytes, bytes, int]:
    """``oer-meta validate PATH --format OUTPUT`` interrupted once ``streaming`` says the
    output read so far shows results coming, then sent Ctrl-C every few milliseconds until
    it stops: ``(everything written, stderr, exit code)``."""
    child = subprocess.Popen(
        [sys.executable, "-m", "oer_meta", "validate", str(path), "--format", output],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    head = child.stdout.readline()
    while not streaming(head):
        line = child.stdout.readline()
        assert line, "the output ended before results were streaming"
        head += line
    for _ in range(200):  # more Ctrl-C while it finishes: the report must stay whole
        if child.poll() is not None:
            break
        child.send_signal(signal.SIGINT)
        time.sleep(0.002)
    rest, err = rest_of(child)
    return head + rest, err, child.returncode
