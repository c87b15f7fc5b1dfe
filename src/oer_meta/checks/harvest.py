"""Notes about the harvest a record came from, rather than about the record itself.

An OAI-PMH answer can be one page of a longer list.  The reader notes that on the last
record of the page (a ``STD006`` problem); this pack turns the note into a finding, so
that a report on one page never passes for a report on the whole repository.
"""

from __future__ import annotations

from collections.abc import Iterator

from oer_meta.checks.registry import Violation, rule
from oer_meta.model import Record


@rule(
    "STD006",
    "partial-harvest",
    severity="info",
    areas=[5, 1],
    paragraphs=["11", "9(iii)"],
)
def partial_harvest(record: Record) -> Iterator[Violation]:
    """The OAI-PMH response is one page of a longer list; the rest was not read.

    ## Why it matters
    OAI-PMH servers answer ``ListRecords`` in pages and end each page but the last
    with a ``resumptionToken``.  A report made from one page says nothing about the
    records on the other pages: read as the state of a whole repository, it would
    hide every problem they hold.  The note sits on the last record of the page.

    ## Example
    A harvest saved with ``curl`` from
    ``.../oai?verb=ListRecords&metadataPrefix=oai_dc`` ends with
    ``<resumptionToken completeListSize="5230">oai_dc/100</resumptionToken>``: only
    the first 100 of 5230 records were checked.

    ## Fix
    Harvest the remaining pages (repeat the request with ``resumptionToken=...`` until
    the token comes back empty) and check all of them, or use a harvester that does.
    """
    for problem in record.problems:
        if problem.rule == "STD006":
            yield Violation(
                problem.message, hint=problem.hint, field=problem.field, location=problem.location
            )
