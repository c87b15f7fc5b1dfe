"""Run the rules of a profile over records, streamed, and collect findings.

A :class:`ValidationRun` reads its sources lazily and yields one
:class:`RecordResult` per record as soon as it is checked, so a large OAI-PMH harvest
is never held in memory.  While records stream it builds the compact
:class:`~oer_meta.checks.batch.BatchIndex` that batch rules need, and runs them when the
batch ends (:meth:`ValidationRun.batch_findings`).  Input that cannot be read yields a
result with the findings of the ``input`` rules; nothing in a batch is lost.  An
exception raised by oer_meta's own code (a rule, a reader, a parser) is an internal
error of that result, never a finding.  The engine knows no rule code but one: what
runs, and how, is declared on the rules; the inline suppressions a record holds are
applied here, and those that hide nothing are reported under ``STD008``, since only
the engine sees which findings they hid (docs/suppressions.md).  A finding's severity
is its code's, as the profile sets it: violations carry none (one severity per code,
docs/decisions.md).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import chain
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from oer_meta.areas import ActionArea
from oer_meta.checks.batch import BatchIndex, IndexEntry, RecordRef
from oer_meta.checks.registry import Rule, Violation, all_rules, get_rule
from oer_meta.errors import UnknownRuleError
from oer_meta.i18n import Message, language, msg, msgn, render
from oer_meta.internal import drain, record_crash
from oer_meta.knowledge import attribution as tasl_line
from oer_meta.model import InternalError, Location, Record, Suppression
from oer_meta.parallel import (
    WARM_UP,
    Chunk,
    RecordsChunk,
    Task,
    cpu_jobs,
    forks,
    groups,
    ordered_map,
    read_task,
    tasks,
    worth_forking,
)
from oer_meta.profiles import DEFAULT_PROFILE, Profile, load_profile
from oer_meta.readers import read
from oer_meta.readers.base import Unreadable
from oer_meta.readers.dispatch import Source, expand
from oer_meta.readers.limits import DEFAULT_LIMITS, LIMIT_REACHED, ReadLimits
from oer_meta.report.results import BatchFinding, Finding, RecordResult, Report
from oer_meta.severity import Severity

__all__ = [
    "ValidationRun",
    "attribution",
    "check",
    "resolve_profile",
    "validate",
    "validate_many",
]

#: The rule under which the engine reports a suppression that hides nothing.
UNUSED_SUPPRESSION = "STD008"
#: The rule under which the engine reports a record over its time limit (docs/limits.md).
TIME_LIMIT = LIMIT_REACHED


def resolve_profile(
    profile: str | Profile | None = None,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    fail_on: str | Severity | None = None,
) -> Profile:
    """The profile to run: a name, a TOML path or a :class:`Profile`, adjusted by the
    ``select``/``ignore``/``fail_on`` arguments."""
    base = profile if isinstance(profile, Profile) else load_profile(profile or DEFAULT_PROFILE)
    if isinstance(select, str):
        select = [select]
    if isinstance(ignore, str):
        ignore = [ignore]
    adjusted = base.adjusted(select=select, ignore=ignore, fail_on=fail_on)
    adjusted.rules()  # fail early on selectors that name nothing
    return adjusted


@dataclass(frozen=True)
class _Plan:
    """Which checks a profile runs: each owner rule once, even when only one of its
    variants is selected; the selected codes decide which of its violations are kept."""

    selected: dict[str, Rule]
    record_checks: tuple[Rule, ...]
    input_checks: tuple[Rule, ...]
    batch_checks: tuple[Rule, ...]

    @classmethod
    def of(cls, profile: Profile) -> _Plan:
        selected = {r.code: r for r in profile.rules()}
        owners: dict[str, Rule] = {}
        for selected_rule in selected.values():
            owner = (
                get_rule(selected_rule.emitted_by) if selected_rule.emitted_by else selected_rule
            )
            owners.setdefault(owner.code, owner)
        ordered = [owners[code] for code in sorted(owners)]
        return cls(
            selected=selected,
            record_checks=tuple(r for r in ordered if r.check is not None and r.kind == "record"),
            input_checks=tuple(r for r in ordered if r.check is not None and r.kind == "input"),
            batch_checks=tuple(r for r in ordered if r.across_batch is not None),
        )


def _placed(location: Location | None, record: Location | None) -> Location:
    """Where a finding is: the value's location, with the line (and column) of its
    record when the value's own line is unknown (a value inside an XML or JSON string
    embedded in a JSON envelope), so that a finding always points somewhere in the
    file; its path still names the value."""
    if location is None:
        return record or Location()
    if location.line is None and record is not None and record.line is not None:
        return location.model_copy(update={"line": record.line, "column": record.column})
    return location


class ValidationRun:
    """One validation of one batch: the profile, the streamed results, the batch index.

    Use :meth:`results` to stream the results, then :meth:`batch_findings` for the
    findings of the batch rules (they need every record to have been seen).
    """

    def __init__(
        self,
        profile: str | Profile | None = None,
        *,
        format: str | None = None,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        fail_on: str | Severity | None = None,
        limits: ReadLimits | None = None,
        lang: str = "en",
        jobs: int = 1,
    ) -> None:
        #: the language findings' messages and hints are written in (``en``, ``fr``)
        self.lang = language(lang)
        #: worker processes (``0``: one per core); 1 checks in this process
        self.jobs = cpu_jobs(jobs)
        self.profile = resolve_profile(profile, select=select, ignore=ignore, fail_on=fail_on)
        self.input_format = format
        #: how much of each input is read (``None``: the reader defaults)
        self.limits = limits
        #: the time one record may take to be read and checked (``None``: no limit)
        self.max_seconds = (limits or DEFAULT_LIMITS).max_seconds_per_record
        self._plan = _Plan.of(self.profile)
        self._known_codes = tuple(r.code for r in all_rules())
        self._index = BatchIndex() if self._plan.batch_checks else None

    # -- one record ---------------------------------------------------------------------

    def _finding(
        self, owner: Rule, violation: Violation, fallback: Location | None
    ) -> Finding | None:
        code = violation.code or owner.code
        if code != owner.code and code not in owner.variants:
            raise ValueError(f"rule {owner.code} emitted {code}, which it does not declare")
        rule = self._plan.selected.get(code)
        if rule is None:
            return None  # the owner's code or a variant the profile does not select
        return Finding(
            rule=rule.code,
            name=rule.name,
            severity=self.profile.severity_of(rule),
            message=render(violation.message, self.lang) or "",
            hint=render(violation.hint, self.lang),
            areas=rule.areas,
            field=violation.field,
            location=_placed(violation.location, fallback),
        )

    def _run(
        self,
        rules: Iterable[Rule],
        subject: Any,
        where: Location,
        started: float | None = None,
    ) -> list[Finding]:
        """The findings of ``rules`` on ``subject``; with ``started`` (a
        ``time.monotonic()`` reading), the clock is looked at before each rule and the
        rest are not run once the record is over its time limit."""
        findings: list[Finding] = []
        rules = tuple(rules)
        for position, owner in enumerate(rules):
            if started is not None and self.max_seconds is not None:
                spent = time.monotonic() - started
                if spent > self.max_seconds:
                    findings.extend(self._over_time(spent, len(rules) - position, where))
                    break
            if isinstance(subject, Record) and not owner.applies_to(subject):
                continue
            assert owner.check is not None
            try:
                for violation in owner.check(subject):
                    finding = self._finding(owner, violation, where)
                    if finding is not None:
                        findings.append(finding)
            except Exception as exc:  # a rule bug: an internal error, the rest goes on
                record_crash(f"rule {owner.code}", exc, where)
        return findings

    def _over_time(self, spent: float, left: int, where: Location) -> list[Finding]:
        """The ``STD010`` finding of a record that ran out of time with ``left`` rules
        not run (none when the profile does not select ``STD010``)."""
        rule = self._plan.selected.get(TIME_LIMIT)
        if rule is None:
            return []
        return [
            Finding(
                rule=rule.code,
                name=rule.name,
                severity=self.profile.severity_of(rule),
                message=msgn(
                    "the rules took {spent} s on the record, more than the limit of "
                    "{limit} s per record: {count} rule was not run",
                    "the rules took {spent} s on the record, more than the limit of "
                    "{limit} s per record: {count} rules were not run",
                    left,
                    spent=f"{spent:.2f}",
                    limit=f"{self.max_seconds:g}",
                ).render(self.lang),
                hint=msg(
                    "shorten the record, or raise the limit (--max-seconds-per-record, "
                    "max-seconds-per-record in [limits])"
                ).render(self.lang),
                areas=rule.areas,
                location=where,
            )
        ]

    def check(self, record: Record) -> list[Finding]:
        """The findings of the profile's record rules on one record, less those its
        inline suppressions hide, plus a ``STD008`` finding for each suppressed code that
        hides nothing.  The rules stop at the time limit per record (``STD010``)."""
        started = time.monotonic()
        findings = self._run(self._plan.record_checks, record, record.location, started)
        if record.suppressions:
            findings = self._suppress(record.suppressions, findings)
        return findings

    def _suppress(
        self, suppressions: Iterable[Suppression], findings: list[Finding]
    ) -> list[Finding]:
        """Drop the findings the suppressions name; report each code that named none."""
        kept = list(findings)
        unused: list[Finding] = []
        report = UNUSED_SUPPRESSION in self._plan.selected
        for suppression in suppressions:
            if not suppression.codes:
                unused.append(self._unused(suppression, msg("the suppression names no rule code")))
            for code in suppression.codes:
                hidden = [f for f in findings if _suppresses(code, f.rule)]
                if hidden:
                    kept = [f for f in kept if f not in hidden]
                elif not any(_suppresses(code, c) for c in self._known_codes):
                    unused.append(
                        self._unused(
                            suppression,
                            msg(
                                "the suppression names {code!r}, which is no rule code or "
                                "code prefix",
                                code=code,
                            ),
                        )
                    )
                elif any(_suppresses(code, c) for c in self._plan.selected):
                    unused.append(
                        self._unused(
                            suppression,
                            msg(
                                "the suppression of {code} hides no finding of the record",
                                code=code,
                            ),
                        )
                    )
        return kept + unused if report else kept

    def _unused(self, suppression: Suppression, message: Message) -> Finding:
        rule = get_rule(UNUSED_SUPPRESSION)
        return Finding(
            rule=rule.code,
            name=rule.name,
            severity=self.profile.severity_of(rule),
            message=message.render(self.lang),
            hint=msg("remove the code from the suppression, or correct it").render(self.lang),
            areas=rule.areas,
            location=suppression.location or Location(),
        )

    def _result(self, item: Record | Unreadable, source: str | None, index: int) -> RecordResult:
        result, entry = self._checked(item, source, index)
        if entry is not None:
            self._add_entry(result, entry)
        return result

    def _add_entry(self, result: RecordResult, entry: IndexEntry) -> None:
        """Add a checked record's entry to the batch index, under its place in the run."""
        if self._index is None or result.record is None:
            return
        record = result.record
        try:
            self._index.add_entry(
                entry, RecordRef(result.source, result.index, record.record_id, record.location)
            )
        except Exception as exc:
            record_crash("batch index", exc, record.location)
            result.internal_errors.extend(drain())
            result.status = "internal-error"

    def _checked(
        self, item: Record | Unreadable, source: str | None, index: int
    ) -> tuple[RecordResult, IndexEntry | None]:
        """The result of one item, and its batch index entry when batch rules run."""
        entry: IndexEntry | None = None
        if isinstance(item, Unreadable):
            findings = [] if item.crash else self._run(self._plan.input_checks, item, item.location)
            result = RecordResult(
                source=source,
                index=index,
                format=item.format or "unknown",
                findings=findings,
                record=None,
                status="unreadable",
            )
        elif item.deleted:
            result = RecordResult(
                source=source,
                index=index,
                format=item.source_format,
                findings=[],
                record=item,
                status="deleted",
            )
        else:
            result = RecordResult(
                source=source,
                index=index,
                format=item.source_format,
                findings=self.check(item),
                record=item,
            )
            if self._index is not None:
                try:
                    entry = IndexEntry.of(item)
                except Exception as exc:
                    record_crash("batch index", exc, item.location)
        crashes = drain()
        if crashes:
            result.internal_errors.extend(crashes)
            result.status = "internal-error"
        return result, entry

    # -- the batch ----------------------------------------------------------------------

    def results(self, sources: Iterable[Source] | Source) -> Iterator[RecordResult]:
        """Lazily validate every record of every source, in input order; folders are
        walked.  With ``jobs`` above 1 worker processes read and check, and the results
        are the same, in the same order (docs/parallel.md)."""
        if isinstance(sources, (str, bytes, bytearray, dict, Record)) or not isinstance(
            sources, Iterable
        ):
            sources = [sources]
        drain()  # crashes recorded outside any run are not this run's
        if self.jobs > 1:
            yield from self._parallel(sources)
            return
        for source in expand(sources):
            counters: dict[str | None, int] = {}
            for item in self._items(source):
                if isinstance(item, RecordResult):
                    yield item
                    break
                file = item.location.file
                index = counters.get(file, 0)
                counters[file] = index + 1
                yield self._result(item, file, index)

    def _items(self, task: Task) -> Iterator[Record | Unreadable | RecordResult]:
        """The items of one source (or slice of one), then, if the reader crashed
        outside any record, the internal-error result that ends them."""
        items = read_task(task, input_format=self.input_format, limits=self.limits)
        while True:
            try:
                item = next(items)
            except StopIteration:
                return
            except Exception as exc:  # a reader bug outside any record: report, go on
                crash = record_crash("reader", exc)
                drain()
                yield _crashed(task, crash)
                return
            yield item

    def _warm_up(self) -> None:
        """Read and check a few built-in records before the workers fork: the tables the
        readers and rules load on first use (vocabularies, the language registry,
        licences) are then loaded once, here, instead of once in every worker."""
        for document in WARM_UP:
            for item in read_task(document, input_format=None, limits=None):
                self._checked(item, None, 0)
        drain()

    def _parallel(self, sources: Iterable[Source]) -> Iterator[RecordResult]:
        """:meth:`results` with worker processes: each task is read and checked by a
        worker, which sends back lean results and batch index entries; the parent
        numbers the records per file, exactly as one process does, and builds the
        batch index in input order."""
        counters: dict[str | None, int] = {}
        work = tasks(sources, input_format=self.input_format, limits=self.limits)
        ahead, worth = worth_forking(work)
        if not worth:  # too little to share: checked here, as one job checks it
            yield from self._in_process(ahead)
            return
        if forks():
            self._warm_up()
        outcomes = ordered_map(
            _check_tasks,
            groups(chain(ahead, work)),
            jobs=self.jobs,
            initializer=_start_worker,
            initargs=(self.profile, self.input_format, self.limits, self.lang),
        )
        for group in outcomes:
            shared = _Shared()  # as the worker packed the group: one table for its tasks
            for first, checked in group:
                if first:
                    counters = {}
                for packed in checked:
                    result, entry, counted = _unpacked(packed, shared)
                    if counted:
                        index = counters.get(result.source, 0)
                        counters[result.source] = index + 1
                        result.index = index
                    if entry is not None:
                        self._add_entry(result, entry)
                    yield result

    def _in_process(self, work: Iterable[Task]) -> Iterator[RecordResult]:
        """The results of ``work`` checked in this process, numbered as one job numbers
        them (a slice of a file goes on with the numbers of the slice before it)."""
        counters: dict[str | None, int] = {}
        for task in work:
            if not isinstance(task, (Chunk, RecordsChunk)) or task.start == 0:
                counters = {}
            for item in self._items(task):
                if isinstance(item, RecordResult):
                    yield item
                    break
                file = item.location.file
                index = counters.get(file, 0)
                counters[file] = index + 1
                yield self._result(item, file, index)

    def batch_findings(self) -> list[BatchFinding]:
        """The findings of the batch rules, once every record has been seen."""
        return list(self.iter_batch_findings())

    def iter_batch_findings(self) -> Iterator[BatchFinding]:
        """The batch rules' findings one at a time, as the rules give them: a batch rule
        may report most records of a harvest (DISC014 on a harvest of duplicates), and
        the CLI writes each finding as it comes instead of holding them all."""
        if self._index is None:
            return
        for owner in self._plan.batch_checks:
            assert owner.across_batch is not None
            try:
                for ref, violation in owner.across_batch(self._index):
                    finding = self._finding(owner, violation, ref.location)
                    if finding is not None:
                        yield BatchFinding(
                            source=ref.source,
                            index=ref.index,
                            record_id=ref.record_id,
                            finding=finding,
                        )
            except Exception as exc:
                yield BatchFinding.crash(record_crash(f"rule {owner.code} (batch)", exc))
        drain()


def _crashed(task: Task, crash: InternalError) -> RecordResult:
    """The result standing for a source whose reader crashed outside any record."""
    source = Path(task.path) if isinstance(task, (Chunk, RecordsChunk)) else task
    name = source if isinstance(source, str) and len(source) < 4096 else None
    return RecordResult(
        source=str(name) if name is not None else None,
        index=0,
        format="unknown",
        findings=[],
        status="internal-error",
        internal_errors=[crash],
    )


# -- worker processes (jobs > 1) --------------------------------------------------------

#: The run of a worker process, built once by :func:`_start_worker`.
_WORKER: ValidationRun | None = None

#: What a worker keeps of a record for the parent: what the reports show (identifier,
#: title, languages, licences) and where it is; the rest stays in the worker.  In this
#: order in a packed record.
_LEAN_FIELDS = (
    "source_format",
    "dialect",
    "profiles",
    "location",
    "deleted",
    "identifiers",
    "titles",
    "languages",
    "licences",
    "copyright_restrictions",
    "urls",
)
_URLS = _LEAN_FIELDS.index("urls")

#: A result as a worker sends it: plain values that pickle and unpickle in C, with no
#: pydantic model in them (unpickling models cost the parent more than the rest of its
#: work together, docs/parallel.md): (source, index, format, status, packed findings,
#: packed lean record or ``None``, internal errors, batch index entry, whether the
#: result takes the next index of its file).
Packed = tuple[str | None, int, str, str, tuple[Any, ...], tuple[Any, ...] | None, Any, Any, bool]

#: What an unpickled packed finding's severity and areas stand for, built once.
_SEVERITIES = {severity.value: severity for severity in Severity}
_AREAS: dict[tuple[int, ...], tuple[ActionArea, ...]] = {}

M = TypeVar("M", bound=BaseModel)

#: What :func:`_pack` leaves as it is, looked up by exact type (no subclass: an enum
#: of ``str`` is packed by pickle, as itself).
_PLAIN = frozenset({str, int, float, bool, type(None)})


def _start_worker(
    profile: Profile, input_format: str | None, limits: ReadLimits | None, lang: str
) -> None:
    """Build the worker's run once: its rules, profile and language are the parent's."""
    global _WORKER
    _WORKER = ValidationRun(profile, format=input_format, limits=limits, lang=lang)


def _pack(value: Any) -> Any:
    """A record's value as plain data: a model is a list ``[its class, its fields as a
    dict]``, with no ``location`` of its own (reports show where a record is, not
    where each of its values is: the record's own location is kept), a tuple the
    tuple of its items packed; a list (in no lean field today) is ``[list, itself]``;
    anything else is itself."""
    if isinstance(value, BaseModel):
        fields = {
            name: item if type(item) in _PLAIN else _pack(item)
            for name, item in value.__dict__.items()
        }
        if "location" in fields:
            fields["location"] = None
        return [type(value), fields]
    if isinstance(value, tuple):
        return tuple([item if type(item) in _PLAIN else _pack(item) for item in value])
    if isinstance(value, list):
        return [list, value]
    return value


_new = object.__new__
_set = object.__setattr__


def _construct(kind: type[M], values: dict[str, Any]) -> M:
    """A model of ``kind`` holding ``values`` (every field), built as pydantic builds
    one without validation (``model_construct``, ``__setstate__``) but without their
    per-field look-ups, which cost the parent more than the rest of its work: the
    models are frozen, with no extra or private attributes, and the worker validated
    the values when it built them."""
    model = _new(kind)
    _set(model, "__dict__", values)
    _set(model, "__pydantic_fields_set__", set(values))
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


def _unpack(value: Any) -> Any:
    """The value :func:`_pack` packed, models rebuilt without validation."""
    if isinstance(value, list):
        kind = value[0]
        if kind is list:
            return value[1]
        fields = value[1]  # unpickled here: the parent's own dict
        for name, item in fields.items():
            if type(item) not in _PLAIN:
                fields[name] = _unpack(item)
        return _construct(kind, fields)
    if isinstance(value, tuple):
        return tuple([item if type(item) in _PLAIN else _unpack(item) for item in value])
    return value


def _lean(record: Record) -> tuple[Any, ...]:
    """What reports show of ``record``, packed: sending whole records back to the
    parent would cost more than checking them.  Its URLs go only when no identifier
    names the record (``record_id`` falls back to the first URL)."""
    packed = [_pack(getattr(record, name)) for name in _LEAN_FIELDS]
    if any(identifier.value.strip() for identifier in record.identifiers):
        packed[_URLS] = ()
    return tuple(packed)


def _lean_record(packed: tuple[Any, ...]) -> Record:
    """The lean record of :func:`_lean`: its other fields hold their defaults."""
    values = dict(_record_defaults())
    values.update(zip(_LEAN_FIELDS, [_unpack(value) for value in packed], strict=True))
    record = _construct(Record, values)
    _set(record, "__pydantic_fields_set__", set(_LEAN_FIELDS))
    return record


@cache
def _record_defaults() -> dict[str, Any]:
    """Every field of a record at its default (all immutable: the models are frozen)."""
    return {
        name: field.get_default(call_default_factory=True)
        for name, field in Record.model_fields.items()
    }


class _Shared:
    """What the findings of one task share, on either side: their *heads* (every field
    but the location; a few dozen per harvest, since a rule's message rarely names a
    value) and their locations (several rules point at the same element: 3 to 4
    findings per distinct location within a record on the benchmark's files).  The
    worker sends each distinct one once per message, a slice or a group of small
    files (pickle writes an object it has written before as a reference), and the
    parent rebuilds each once per message."""

    def __init__(self) -> None:
        self.heads: dict[tuple[Any, ...], Any] = {}
        self.places: dict[tuple[Any, ...], Any] = {}


def _pack_finding(finding: Finding, shared: _Shared) -> tuple[Any, ...]:
    """A finding as plain values: its head (severity and areas by value) and its
    location as the tuple of its fields, each the same object as the task's equal
    ones."""
    loc = finding.location
    head = (
        finding.rule,
        finding.name,
        finding.severity.value,
        finding.message,
        finding.hint,
        tuple([int(area) for area in finding.areas]),
        finding.field,
    )
    place = (loc.file, loc.line, loc.column, loc.path)
    return (
        shared.heads.setdefault(head, head),
        shared.places.setdefault(place, place),
    )


def _finding_of(packed: tuple[Any, ...], shared: _Shared) -> Finding:
    """The finding :func:`_pack_finding` packed; the location object is shared with
    the task's other findings at the same place (locations are frozen)."""
    head, place = packed
    fields = shared.heads.get(head)
    if fields is None:
        rule, name, severity, message, hint, areas, field = head
        kinds = _AREAS.get(areas)
        if kinds is None:
            kinds = _AREAS[areas] = tuple(ActionArea(area) for area in areas)
        fields = shared.heads[head] = {
            "rule": rule,
            "name": name,
            "severity": _SEVERITIES[severity],
            "message": message,
            "hint": hint,
            "areas": kinds,
            "field": field,
        }
    location = shared.places.get(place)
    if location is None:
        file, line, column, path = place
        location = shared.places[place] = _construct(
            Location, {"file": file, "line": line, "column": column, "path": path}
        )
    values = fields.copy()
    values["location"] = location
    return _construct(Finding, values)


def _packed(
    result: RecordResult, entry: IndexEntry | None, counted: bool, shared: _Shared | None = None
) -> Packed:
    """A result as a worker sends it (:data:`Packed`)."""
    if shared is None:
        shared = _Shared()
    return (
        result.source,
        result.index,
        result.format,
        result.status,
        tuple([_pack_finding(finding, shared) for finding in result.findings]),
        _lean(result.record) if result.record is not None else None,
        result.internal_errors or (),
        entry,
        counted,
    )


def _unpacked(
    packed: Packed, shared: _Shared | None = None
) -> tuple[RecordResult, IndexEntry | None, bool]:
    """The result a worker packed, its batch index entry, and whether it is counted."""
    if shared is None:
        shared = _Shared()
    source, index, form, status, findings, record, errors, entry, counted = packed
    result = RecordResult(
        source=source,
        index=index,
        format=form,
        findings=[_finding_of(finding, shared) for finding in findings],
        record=_lean_record(record) if record is not None else None,
        status=status,
        internal_errors=list(errors),
    )
    return result, entry, counted


#: A result as an engine other than the pool gets it back (:func:`unpacked_results`):
#: the result, its batch index entry, and whether it takes the next record number.
Checked = tuple[RecordResult, IndexEntry | None, bool]


def unpacked_results(packed: list[Packed]) -> list[Checked]:
    """The results of :func:`check_task_with` rebuilt (records lean, as ``--jobs``
    gives them), for an engine that hands results on rather than writing them."""
    shared = _Shared()
    return [_unpacked(one, shared) for one in packed]


def _check_tasks(group: tuple[Task, ...]) -> list[tuple[bool, list[Packed]]]:
    """Read and check a group of tasks in a worker (:func:`parallel.groups`), in order:
    whether each starts a source (the record numbers start again), and its results,
    packed, with their batch index entries.  The group's findings share their heads
    and places across its files (a folder of one-record files repeats the same rules'
    messages from file to file)."""
    run = _WORKER
    assert run is not None, "the worker was not started"
    shared = _Shared()
    return [check_task_with(run, task, shared) for task in group]


def check_task_with(
    run: ValidationRun, task: Task, shared: _Shared | None = None
) -> tuple[bool, list[Packed]]:
    """What a worker of any engine (the pool of ``--jobs``, a Dask worker:
    :mod:`oer_meta.dask`) sends back for one task; findings packed with ``shared``
    share what equal ones of the same message hold (one message per ``shared``)."""
    drain()
    checked: list[Packed] = []
    if shared is None:
        shared = _Shared()
    try:
        counters: dict[str | None, int] = {}
        for item in run._items(task):
            if isinstance(item, RecordResult):
                checked.append(_packed(item, None, False, shared))
                break
            file = item.location.file
            index = counters.get(file, 0)
            counters[file] = index + 1
            result, entry = run._checked(item, file, index)
            checked.append(_packed(result, entry, True, shared))
    except Exception as exc:  # anything else: an internal error, never a lost worker
        checked.append(_packed(_crashed(task, record_crash("worker", exc)), None, False))
        drain()
    first = not isinstance(task, (Chunk, RecordsChunk)) or task.start == 0
    return first, checked


def _suppresses(code: str, rule_code: str) -> bool:
    """Does a suppressed ``code`` (a rule code or a prefix, ``LIC004`` or ``LIC``) cover
    the finding's ``rule_code``, itself or as a variant of the code?  As with
    ``--ignore``, ``STD003`` covers its variant ``STD007``."""
    if rule_code.startswith(code):
        return True
    try:
        owner = get_rule(rule_code).emitted_by
    except UnknownRuleError:  # a code of no rule: only its own spelling hides it
        return False
    return owner is not None and owner.startswith(code)


def check(record: Record, profile: str | Profile | None = None, **options: Any) -> list[Finding]:
    """The findings of the profile's rules on one record already read."""
    return ValidationRun(profile, **options).check(record)


def validate_many(
    sources: Iterable[Source] | Source,
    *,
    format: str | None = None,
    profile: str | Profile | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    fail_on: str | Severity | None = None,
    limits: ReadLimits | None = None,
    lang: str = "en",
    jobs: int = 1,
) -> Iterator[RecordResult]:
    """Lazily validate every record of every source; folders are walked.

    ``sources`` may also be a single source (path, bytes, str, dict or Record).  Batch
    rules need the whole batch: use :class:`ValidationRun` (or :func:`validate`) for
    their findings.  ``limits`` (:class:`ReadLimits`) bounds how much of each input is
    read; untrusted input is read with the defaults when it is ``None``.  ``lang``
    (``en``, ``fr``) is the language of the findings' messages and hints.  ``jobs``
    worker processes read and check (``0``: one per core); the results are the same,
    in the same order, but each result's ``record`` then holds only what reports show
    (identifiers, titles, languages, licences, URLs, where it is): docs/parallel.md.
    """
    run = ValidationRun(
        profile,
        format=format,
        select=select,
        ignore=ignore,
        fail_on=fail_on,
        limits=limits,
        lang=lang,
        jobs=jobs,
    )
    return run.results(sources)


def validate(
    source: Source | Iterable[Source],
    *,
    format: str | None = None,
    profile: str | Profile | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    fail_on: str | Severity | None = None,
    limits: ReadLimits | None = None,
    lang: str = "en",
    jobs: int = 1,
) -> Report:
    """Validate a path (file or folder), bytes, text, dict or Record; return a Report.

    The batch rules' findings are added to the results of the records they concern.
    ``lang`` (``en``, ``fr``) is the language of the findings' messages and hints;
    ``jobs`` as for :func:`validate_many`.
    """
    run = ValidationRun(
        profile,
        format=format,
        select=select,
        ignore=ignore,
        fail_on=fail_on,
        limits=limits,
        lang=lang,
        jobs=jobs,
    )
    results = list(run.results(source))
    report = Report(results=results, profile=run.profile.name, fail_on=run.profile.fail_on)
    report.add_batch_findings(run.batch_findings())
    return report


def attribution(record: Record | Source, lang: str = "en", format: str = "text") -> str:
    """The attribution line a re-user should copy for ``record``.

    ``record`` is a :class:`Record` or anything :func:`oer_meta.read` accepts (one
    record); ``lang`` is ``en``, ``fr``, ``de`` or ``es`` (``fr-CA`` counts as ``fr``);
    ``format`` is ``text``, ``html`` or ``markdown`` (``md``).  Raises
    :class:`~oer_meta.errors.UsageError` for another language or format, before
    anything is read.  The line itself is :mod:`oer_meta.knowledge.attribution`'s.
    """
    tasl_line.check_options(lang, format)
    if not isinstance(record, Record):
        record = read(record)
    return tasl_line.attribution(record, lang, format)
