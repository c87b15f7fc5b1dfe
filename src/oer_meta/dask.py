"""Validation on a Dask cluster: beyond one machine (issue 11 §3; docs/dask.md).

An existing engine rather than a new one: Dask schedules the work, oer_meta checks.
Each partition (of the Bag given to :func:`validate_bag`, or of the tasks
:class:`DaskRun` submits for ``--dask-scheduler``) is read and checked by a Dask worker
exactly as one task of ``--jobs`` is (:func:`oer_meta.engine.check_task_with`): lean
results and batch index entries.  The batch rules (DISC014, LIC009...) need every
record of the batch in input order; they run in a Dask *reduction*: each partition
gives the rows of its records (where they are, their
:class:`~oer_meta.checks.batch.IndexEntry`), one aggregate numbers the records per file
as one process does, builds the :class:`~oer_meta.checks.batch.BatchIndex` and runs the
batch rules, and a second pass adds each batch finding to the result of its record.  A
Bag keeps the order of its partitions and of the items in each, so the results come in
input order and are those of the one-process run.

This is the only module that imports ``dask`` (an import-linter contract keeps it so):
install the extra with ``pip install 'oer-meta[dask]'``; the workers need oer_meta too.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import dask.bag as db
from dask.delayed import Delayed, delayed

from oer_meta.checks.batch import IndexEntry, RecordRef
from oer_meta.engine import Checked, ValidationRun, check_task_with, unpacked_results
from oer_meta.internal import drain, record_crash
from oer_meta.model import Location, Record
from oer_meta.parallel import Task, tasks
from oer_meta.profiles import Profile
from oer_meta.readers.dispatch import Source, expand
from oer_meta.readers.limits import ReadLimits
from oer_meta.report.results import BatchFinding, RecordResult
from oer_meta.severity import Severity

__all__ = ["LOCAL", "DaskRun", "connect", "validate_bag"]

#: The scheduler address that starts a LocalCluster in this process (one worker
#: process per core, one thread each).
LOCAL = "local"
#: Worker processes of the LocalCluster (``None``: one per core).
LOCAL_WORKERS: int | None = None
#: How long :func:`connect` tries to reach a scheduler before it gives up.
CONNECT_TIMEOUT = "10s"


@dataclass(frozen=True)
class _Settings:
    """What a worker needs to build the run: the resolved profile (a TOML profile need
    not exist on the workers), the input format, the limits and the language.
    ``token`` names the run in the workers' cache of runs."""

    token: str
    profile: Profile
    input_format: str | None
    limits: ReadLimits | None
    lang: str

    def run(self) -> ValidationRun:
        """A new run with these settings (its batch index empty)."""
        return ValidationRun(
            self.profile, format=self.input_format, limits=self.limits, lang=self.lang
        )


_RUNS: dict[str, ValidationRun] = {}
_RUNS_LOCK = threading.Lock()


def _worker_run(settings: _Settings) -> ValidationRun:
    """The run of ``settings`` in this worker process, built once (a worker serves
    many partitions, possibly of several runs: the last few are kept)."""
    with _RUNS_LOCK:
        run = _RUNS.get(settings.token)
        if run is None:
            if len(_RUNS) >= 4:
                _RUNS.pop(next(iter(_RUNS)))
            run = _RUNS[settings.token] = settings.run()
        return run


#: What one task gives back: whether it starts a source (record numbers start again),
#: and each result with its batch index entry and whether it takes the next number.
Outcome = tuple[bool, list[Checked]]

#: What the reduction keeps of one result: whether it is numbered, its source, index
#: and record id, its record's location, and its batch index entry.
_Row = tuple[bool, str | None, int, str | None, Location | None, IndexEntry | None]


def _check_tasks(part: Iterable[Task], settings: _Settings) -> list[Outcome]:
    """Check one partition of tasks (the CLI's: files and slices of large files)."""
    run = _worker_run(settings)
    return [_checked(run, task) for task in part]


def _check_items(part: Iterable[Source], settings: _Settings) -> list[Outcome]:
    """Check one partition of a user's Bag: each item (a path, a folder, a raw record,
    a harvested page) is read whole, folders walked, each file a source of its own."""
    run = _worker_run(settings)
    return [_checked(run, source) for item in part for source in expand([item])]


def _checked(run: ValidationRun, task: Task | Source) -> Outcome:
    """One task checked as a ``--jobs`` worker checks it, its results rebuilt."""
    first, packed = check_task_with(run, task)
    return first, unpacked_results(packed)


def _numbered(
    outcomes: Iterable[Outcome], counters: dict[str | None, int] | None = None
) -> Iterator[tuple[RecordResult, IndexEntry | None]]:
    """The results in order, numbered per file as one process numbers them (a slice of
    a file goes on with the numbers of the slice before it, possibly in the partition
    before: ``counters`` carries them over)."""
    if counters is None:
        counters = {}
    for first, checked in outcomes:
        if first:
            counters.clear()
        for result, entry, counted in checked:
            if counted:
                index = counters.get(result.source, 0)
                counters[result.source] = index + 1
                result.index = index
            yield result, entry


def _rows_of(outcomes: list[Outcome]) -> list[list[tuple[bool, list[_Row]]]]:
    """:func:`_rows` as the one item of a partition."""
    return [_rows(outcomes)]


def _rows(outcomes: list[Outcome]) -> list[tuple[bool, list[_Row]]]:
    """The reduction's first step, per partition: what the batch index needs of each
    result, never the result (a few small values per record cross the network)."""
    rows: list[tuple[bool, list[_Row]]] = []
    for first, checked in outcomes:
        kept: list[_Row] = []
        for result, entry, counted in checked:
            record = result.record
            kept.append(
                (
                    counted,
                    result.source,
                    result.index,
                    record.record_id if record is not None else None,
                    record.location if record is not None else None,
                    entry,
                )
            )
        rows.append((first, kept))
    return rows


#: A batch finding with the place of the result it goes to: (partition, position of
#: the result in the partition, the finding).
Placed = tuple[int, int, BatchFinding]


def _batch(parts: list[list[list[tuple[bool, list[_Row]]]]], settings: _Settings) -> list[Placed]:
    """The reduction's aggregate, over every partition's rows in partition order:
    number the records, build the batch index, run the batch rules.  Each finding is
    placed on the last result with its source and index, as
    :meth:`~oer_meta.report.results.Report.add_batch_findings` places it; a crash of a
    batch rule goes to the last result of the run."""
    run = settings.run()
    drain()
    index = run._index
    placed: list[Placed] = []
    places: dict[tuple[str | None, int], tuple[int, int]] = {}
    last: tuple[int, int] | None = None
    counters: dict[str | None, int] = {}
    for number, (part,) in enumerate(parts):
        position = 0
        for first, rows in part:
            if first:
                counters = {}
            for counted, source, at, record_id, location, entry in rows:
                if counted:
                    at = counters.get(source, 0)
                    counters[source] = at + 1
                places[(source, at)] = last = (number, position)
                position += 1
                if entry is None or index is None:
                    continue
                try:
                    index.add_entry(entry, RecordRef(source, at, record_id, location))
                except Exception as exc:  # a bug of the index: said on its record
                    error = record_crash("batch index", exc, location)
                    drain()
                    placed.append((number, position - 1, BatchFinding.crash(error)))
    nowhere = (-1, -1)  # kept for the CLI, which writes every batch finding
    for item in run.iter_batch_findings():
        if item.finding is not None:
            placed.append((*places.get((item.source, item.index), nowhere), item))
        else:
            placed.append((*(last or nowhere), item))
    return placed


def _attach(
    outcomes: list[Outcome], numbers: list[int], placed: list[Placed]
) -> list[dict[str, Any]]:
    """The second pass, per partition: each result with the batch findings of its
    record added, as a dict in the JSON report's shape."""
    number = numbers[0]
    mine: dict[int, list[BatchFinding]] = {}
    for part, position, item in placed:
        if part == number:
            mine.setdefault(position, []).append(item)
    out: list[dict[str, Any]] = []
    for position, (result, _) in enumerate(_numbered(outcomes)):
        for item in mine.get(position, ()):
            if item.finding is not None:
                result.findings.append(item.finding)
            elif item.internal_error is not None:
                result.internal_errors.append(item.internal_error)
                result.status = "internal-error"
        out.append(result.to_dict())
    return out


def _reduction(checked: db.Bag, settings: _Settings) -> Delayed:
    """The batch rules as a reduction over the checked partitions: :func:`_rows` per
    partition, then one :func:`_batch` over all of them in partition order.  Built by
    hand rather than with ``Bag.reduction``, whose result is a graph of its own (the
    partitions would be checked twice: once for the results, once for the index); here
    both use the same keys, so each partition is checked once."""
    rows = checked.map_partitions(_rows_of).to_delayed(optimize_graph=False)
    aggregate: Delayed = delayed(_batch, pure=True)(rows, settings)
    return aggregate


def _settings(
    profile: str | Profile | None,
    *,
    format: str | None,
    select: Iterable[str] | None,
    ignore: Iterable[str] | None,
    fail_on: str | Severity | None,
    limits: ReadLimits | None,
    lang: str,
) -> _Settings:
    """The settings of a run, resolved here (wrong selectors fail before any work is
    sent to the cluster)."""
    run = ValidationRun(
        profile,
        format=format,
        select=select,
        ignore=ignore,
        fail_on=fail_on,
        limits=limits,
        lang=lang,
    )
    return _Settings(uuid.uuid4().hex, run.profile, run.input_format, run.limits, run.lang)


def validate_bag(
    bag: db.Bag,
    *,
    format: str | None = None,
    profile: str | Profile | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    fail_on: str | Severity | None = None,
    limits: ReadLimits | None = None,
    lang: str = "en",
) -> db.Bag:
    """A Bag of result dicts (the JSON report's ``results`` items, batch findings
    added to the records they concern) for a Bag of paths, raw records (bytes or text)
    or harvested pages (OAI-PMH responses as bytes).

    Lazy, like any Bag: nothing runs until it is computed, on whatever scheduler is in
    use.  The results are in the Bag's order (partition by partition, item by item) and
    equal those of :func:`oer_meta.validate` on the same inputs in that order; each item
    is read whole by one worker (a folder's files too), and a file given twice, in two
    items, is checked twice (one process gives it once).  Paths must name the same
    files on every worker (shared storage)."""
    settings = _settings(
        profile,
        format=format,
        select=select,
        ignore=ignore,
        fail_on=fail_on,
        limits=limits,
        lang=lang,
    )
    checked = bag.map_partitions(_check_items, settings)
    placed = _reduction(checked, settings)
    count = bag.npartitions
    numbers = db.from_sequence(range(count), npartitions=count)
    results: db.Bag = db.map_partitions(_attach, checked, numbers, placed)
    return results


class DaskRun(ValidationRun):
    """A :class:`ValidationRun` whose records are read and checked on a Dask cluster:
    the same results, in the same order, then the same batch findings; the CLI's
    ``--dask-scheduler``.  Each result's ``record`` is lean, as with ``jobs > 1``.

    The inputs are cut into tasks here, as for ``--jobs`` (files, slices of large JSON
    Lines and ListRecords files), lazily; each partition of ``tasks_per_partition``
    tasks is checked by a worker, and at most ``in_flight`` partitions (default: two
    per worker thread) are sent ahead of the one being read, so that neither this
    process nor the cluster holds more than a few partitions of results whatever the
    size of the input.  The batch rules run in a reduction: each partition's rows
    (:func:`_rows`), then one :func:`_batch` over all of them, on the cluster."""

    def __init__(
        self,
        profile: str | Profile | None = None,
        *,
        client: Any,
        tasks_per_partition: int = 8,
        in_flight: int | None = None,
        **options: Any,
    ) -> None:
        options["jobs"] = 1
        super().__init__(profile, **options)
        self.client = client
        self.tasks_per_partition = max(1, tasks_per_partition)
        self.in_flight = in_flight
        self._placed: Any = None

    def _settings(self) -> _Settings:
        return _Settings(uuid.uuid4().hex, self.profile, self.input_format, self.limits, self.lang)

    def _partitions(self, sources: Iterable[Source]) -> Iterator[list[Task]]:
        """The run's tasks in groups of ``tasks_per_partition``, in input order."""
        group: list[Task] = []
        for task in tasks(sources, input_format=self.input_format, limits=self.limits):
            group.append(task)
            if len(group) >= self.tasks_per_partition:
                yield group
                group = []
        if group:
            yield group

    def results(self, sources: Iterable[Source] | Source) -> Iterator[RecordResult]:
        """Validate on the cluster; results in input order, as they come back."""
        if isinstance(sources, (str, bytes, bytearray, dict, Record)) or not isinstance(
            sources, Iterable
        ):
            sources = [sources]
        drain()
        self._placed = None
        settings = self._settings()
        limit = self.in_flight or 2 * max(1, sum(self.client.nthreads().values()))
        pending: deque[Any] = deque()
        rows: list[Any] = []

        def submit(group: list[Task]) -> None:
            checked = self.client.submit(_check_tasks, group, settings, pure=False)
            rows.append(self.client.submit(_rows_of, checked, pure=False))
            pending.append(checked)

        feed = self._partitions(sources)
        for group in feed:
            submit(group)
            if len(pending) >= limit:
                break
        counters: dict[str | None, int] = {}
        while pending:
            future = pending.popleft()
            for group in feed:
                submit(group)
                break
            outcomes = future.result()
            future.release()  # read: the cluster may forget it once its rows are made
            for result, _ in _numbered(outcomes, counters):
                yield result
        if rows:
            self._placed = self.client.submit(_batch, rows, settings, pure=False)

    def iter_batch_findings(self) -> Iterator[BatchFinding]:
        """The batch rules' findings, from the reduction run on the cluster."""
        if self._placed is None:
            return
        placed: list[Placed] = self._placed.result()
        self._placed = None
        for _, _, item in placed:
            yield item


def connect(address: str) -> Any:
    """A Dask ``Client`` for ``address`` (``tcp://host:8786``), or for a LocalCluster
    started in this process when ``address`` is :data:`LOCAL` (one worker process per
    core, one thread each: the rules hold the GIL).  Use it as a context manager: it
    closes the client, and the cluster it started."""
    from distributed import Client, LocalCluster

    if address == LOCAL:
        cluster = LocalCluster(
            n_workers=LOCAL_WORKERS or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: never one another cluster holds
        )
        return _Closing(Client(cluster), cluster)
    return _Closing(Client(address, timeout=CONNECT_TIMEOUT), None)


class _Closing:
    """A client and the cluster started for it, closed together."""

    def __init__(self, client: Any, cluster: Any) -> None:
        self.client = client
        self.cluster = cluster

    def __enter__(self) -> Any:
        return self.client

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
