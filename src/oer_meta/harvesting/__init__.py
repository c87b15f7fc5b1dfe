"""Harvest and validate: OAI-PMH ``ListRecords`` and documents behind URLs.

The only package of oer_meta that touches the network, and only when asked: ``oer-meta
harvest URL``, :func:`harvest`, or a URL given explicitly to ``validate``.  Its sources
(:class:`OaiHarvest`, :class:`RemoteDocument`) are read by the same run as files, so
every output format, profile and batch rule works on a harvest (docs/harvest.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from oer_meta.engine import ValidationRun
from oer_meta.profiles import Profile
from oer_meta.readers.limits import ReadLimits
from oer_meta.report.results import RecordResult
from oer_meta.severity import Severity

from .client import Client, HttpLimits
from .oai import OaiHarvest
from .remote import RemoteDocument, is_url

__all__ = ["Client", "HttpLimits", "OaiHarvest", "RemoteDocument", "harvest", "is_url"]


def harvest(
    url: str,
    *,
    metadata_prefix: str = "oai_dc",
    set_spec: str | None = None,
    from_date: str | None = None,
    until: str | None = None,
    save: str | Path | None = None,
    profile: str | Profile | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    fail_on: str | Severity | None = None,
    limits: ReadLimits | None = None,
    http: HttpLimits | None = None,
    client: Client | None = None,
    lang: str = "en",
) -> Iterator[RecordResult]:
    """Harvest ``ListRecords`` from the OAI-PMH endpoint ``url`` and validate each record
    as its page arrives; lazily, like :func:`oer_meta.validate_many`.

    ``save`` keeps each page as received (``page-0001.xml``...).  ``http`` bounds the
    requests (timeout, retries, page size); ``client`` replaces the HTTP client (tests
    give one whose back-off does not sleep).  What stopped the harvest is a result
    with a ``STD009`` finding.  For the batch rules' findings, read the harvest with a
    :class:`~oer_meta.ValidationRun`: ``run.results(OaiHarvest(url, ...))``.
    """
    run = ValidationRun(
        profile, select=select, ignore=ignore, fail_on=fail_on, limits=limits, lang=lang
    )
    source = OaiHarvest(
        url,
        metadata_prefix=metadata_prefix,
        set_spec=set_spec,
        from_date=from_date,
        until=until,
        save=Path(save) if save is not None else None,
        client=client or Client(http),
    )
    return run.results([source])
