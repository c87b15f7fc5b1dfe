"""An OAI-PMH 2.0 ``ListRecords`` harvest as a source the run reads like a file.

Each page is fetched whole into a spooled temporary file (:mod:`.client`), looked at
once for its ``resumptionToken`` and ``error`` (lxml with oer_meta's safe options), then
read by the ordinary reader (``readers/xml/stream.py``): records as they come, deleted
records as deleted, a page that breaks as its records and one unreadable rest.  What
stops the harvest (an OAI-PMH error, a page whose token cannot be read, a server that
stays unavailable) is a :class:`~oer_meta.model.HarvestError` (``STD009``); the
records read before it are kept.  ``noRecordsMatch`` ends the harvest with no records
and no finding: an empty list is an answer, not an error (docs/harvest.md).
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from lxml import etree

from oer_meta.i18n import Message, msg
from oer_meta.model import HarvestError, Location, Record
from oer_meta.readers.base import ReadItem
from oer_meta.readers.dispatch import read_handle
from oer_meta.readers.limits import ReadLimits
from oer_meta.readers.xml.namespaces import OAI_PMH
from oer_meta.readers.xml.safety import SAFE_PARSER_OPTIONS, prolog_problem

from .client import Client, FetchError

__all__ = ["OaiHarvest", "PageScan", "scan_page"]

_TOKEN = f"{{{OAI_PMH}}}resumptionToken"
_ERROR = f"{{{OAI_PMH}}}error"
#: The OAI-PMH error that means an empty list, not a failure.
NO_RECORDS_MATCH = "noRecordsMatch"


@dataclass(frozen=True)
class PageScan:
    """What a page says about the harvest: its token, its OAI-PMH errors, whether it
    could be read to the end."""

    token: str | None = None
    errors: tuple[tuple[str, str], ...] = ()
    readable: bool = True


def scan_page(handle: IO[bytes]) -> PageScan:
    """The ``resumptionToken`` and ``error`` elements of a page (rewound after).

    The same safe settings as the reader: no network, no DTD, no entities (a page that
    declares some is unreadable here and refused by the reader)."""
    try:
        if prolog_problem(handle.read(64 * 1024)) is not None:
            return PageScan(readable=False)
        handle.seek(0)
        token: str | None = None
        errors: list[tuple[str, str]] = []
        for _event, elem in etree.iterparse(
            handle, events=("end",), tag=(_TOKEN, _ERROR), **SAFE_PARSER_OPTIONS
        ):
            text = " ".join((elem.text or "").split())
            if elem.tag == _TOKEN:
                token = text or None
            else:
                errors.append((elem.get("code") or "error", text[:300]))
            elem.clear()
        return PageScan(token=token, errors=tuple(errors))
    except etree.LxmlError:
        return PageScan(readable=False)
    finally:
        handle.seek(0)


@dataclass
class OaiHarvest:
    """``ListRecords`` from ``base_url``, page after page (an ``ItemSource``).

    ``save``: a folder where each page is written as received (``page-0001.xml``...),
    so that ``oer-meta validate FOLDER`` checks the same records offline.  After
    reading, :attr:`pages` is the number of pages fetched and :attr:`no_records_match`
    whether the repository answered ``noRecordsMatch``.
    """

    base_url: str
    metadata_prefix: str = "oai_dc"
    set_spec: str | None = None
    from_date: str | None = None
    until: str | None = None
    save: Path | None = None
    client: Client = field(default_factory=Client)
    pages: int = 0
    no_records_match: bool = False

    def first_url(self) -> str:
        """The first request: ``verb=ListRecords`` with the prefix, set and dates."""
        params = [("verb", "ListRecords"), ("metadataPrefix", self.metadata_prefix)]
        if self.set_spec:
            params.append(("set", self.set_spec))
        if self.from_date:
            params.append(("from", self.from_date))
        if self.until:
            params.append(("until", self.until))
        return self._with(params)

    def next_url(self, token: str) -> str:
        """A following request: the token alone, as OAI-PMH wants (its only argument)."""
        return self._with([("verb", "ListRecords"), ("resumptionToken", token)])

    def _with(self, params: list[tuple[str, str]]) -> str:
        joiner = "&" if "?" in self.base_url else "?"
        return self.base_url + joiner + urllib.parse.urlencode(params)

    def read_items(self, *, input_format: str | None, limits: ReadLimits) -> Iterator[ReadItem]:
        """Every record of every page, as each page arrives."""
        url = self.first_url()
        seen: set[str] = set()
        while True:
            self.pages += 1
            number = self.pages
            target = self.save / f"page-{number:04d}.xml" if self.save is not None else None
            try:
                handle, size = self.client.spool(url, target)
            except FetchError as failure:
                yield self._stop(url, number, failure.note, failure.hint)
                return
            with handle:
                scan = scan_page(handle)
                if scan.errors:
                    yield from self._errors(url, number, scan.errors)
                    return
                for item in read_handle(
                    handle, size, file=url, input_format=input_format, limits=limits
                ):
                    if scan.token and isinstance(item, Record):
                        item = _followed(item)
                    yield item
            if not scan.readable:
                yield self._stop(
                    url,
                    number,
                    msg(
                        "page {number} of the harvest is not well-formed XML, so its "
                        "resumption token cannot be read: the harvest stopped there",
                        number=number,
                    ),
                    msg("harvest again; if the page stays broken, tell the repository"),
                )
                return
            if scan.token is None:
                return
            if scan.token in seen:
                yield self._stop(
                    url,
                    number,
                    msg(
                        "page {number} gives a resumption token the harvest already "
                        "followed ({token}): the harvest stopped rather than loop",
                        number=number,
                        token=scan.token[:200],
                    ),
                    msg("tell the repository: its resumption tokens repeat"),
                )
                return
            seen.add(scan.token)
            url = self.next_url(scan.token)

    def _errors(
        self, url: str, number: int, errors: tuple[tuple[str, str], ...]
    ) -> Iterator[HarvestError]:
        for code, text in errors:
            if code == NO_RECORDS_MATCH:
                self.no_records_match = True
                continue
            if code == "badResumptionToken":
                hint = msg("harvest again from the start: resumption tokens expire")
            elif code == "cannotDisseminateFormat":
                hint = msg(
                    "ask for a metadata prefix the repository offers (ListMetadataFormats), "
                    "such as oai_dc or lom"
                )
            else:
                hint = msg("correct the request (metadata prefix, set, dates) and harvest again")
            yield self._stop(
                url,
                number,
                msg(
                    "the repository answered page {number} with the OAI-PMH error {code} "
                    "({text}): the harvest stopped there",
                    number=number,
                    code=code,
                    text=text or "-",
                ),
                hint,
            )

    def _stop(self, url: str, number: int, note: Message, hint: Message) -> HarvestError:
        return HarvestError(
            note.render(),
            Location(file=url),
            format="oai-pmh",
            hint=hint.render(),
            note=note,
            note_hint=hint,
        )


def _followed(record: Record) -> Record:
    """The record without the reader's ``STD006`` note: the harvest follows the token,
    so the page is not all that is read."""
    kept = tuple(p for p in record.problems if p.rule != "STD006")
    if len(kept) == len(record.problems):
        return record
    return record.model_copy(update={"problems": kept})
