"""Run the rules of a profile over records and collect findings.

Reading and checking are streamed: :func:`validate_many` yields one
:class:`RecordResult` per record as soon as it is read, so a large OAI-PMH harvest is
never held in memory.  Input that cannot be read yields a result with a ``STD001``
finding; nothing in a batch is lost, and bad input never raises.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from oer_meta.checks.registry import Rule, Violation, get_rule
from oer_meta.model import Location, Record
from oer_meta.profiles import DEFAULT_PROFILE, Profile, load_profile
from oer_meta.readers.base import Unreadable
from oer_meta.readers.sources import Source, expand, iter_source
from oer_meta.report import Finding, RecordResult, Report
from oer_meta.severity import Severity

__all__ = ["check", "link_batch", "resolve_profile", "validate", "validate_many"]


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


def _finding(rule: Rule, profile: Profile, violation: Violation, record: Record | None) -> Finding:
    severity = profile.severity_of(rule)
    if violation.severity is not None and rule.code not in profile.severity:
        severity = violation.severity
    location = violation.location or (record.location if record is not None else Location())
    return Finding(
        rule=rule.code,
        name=rule.name,
        severity=severity,
        message=violation.message,
        hint=violation.hint,
        areas=rule.areas,
        field=violation.field,
        location=location,
    )


def _run_rules(record: Record, rules: list[Rule], profile: Profile) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        if not rule.applies_to(record):
            continue
        try:
            for violation in rule.check(record):
                findings.append(_finding(rule, profile, violation, record))
        except Exception as exc:  # a rule bug must not lose the other findings
            findings.append(
                _finding(
                    rule,
                    profile,
                    Violation(
                        f"rule {rule.code} failed on this record ({type(exc).__name__}: {exc}); "
                        "please report this bug",
                        location=record.location,
                    ),
                    record,
                )
            )
    return findings


def check(record: Record, profile: str | Profile | None = None, **options: Any) -> list[Finding]:
    """The findings of the profile's rules on one record already read."""
    active = resolve_profile(profile, **options)
    return _run_rules(record, active.rules(), active)


def _unreadable_result(
    item: Unreadable, index: int, profile: Profile, active: set[str]
) -> RecordResult:
    findings: list[Finding] = []
    if "STD001" in active:
        rule = get_rule("STD001")
        violation = Violation(item.message, hint=item.hint, field=None, location=item.location)
        findings.append(_finding(rule, profile, violation, None))
    return RecordResult(
        source=item.location.file,
        index=index,
        format=item.format or "unknown",
        findings=findings,
        record=None,
        status="unreadable",
    )


def validate_many(
    sources: Iterable[Source] | Source,
    *,
    format: str | None = None,
    profile: str | Profile | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    fail_on: str | Severity | None = None,
) -> Iterator[RecordResult]:
    """Lazily validate every record of every source; folders are walked.

    ``sources`` may also be a single source (path, bytes, str, dict or Record).
    """
    active_profile = resolve_profile(profile, select=select, ignore=ignore, fail_on=fail_on)
    rules = active_profile.rules()
    active = {r.code for r in rules}
    if isinstance(sources, (str, bytes, bytearray, dict, Record)) or not isinstance(
        sources, Iterable
    ):
        sources = [sources]
    for source in expand(sources):
        counters: dict[str | None, int] = {}
        for item in iter_source(source, input_format=format):
            file = item.location.file
            index = counters.get(file, 0)
            counters[file] = index + 1
            if isinstance(item, Unreadable):
                yield _unreadable_result(item, index, active_profile, active)
            elif item.deleted:
                yield RecordResult(
                    source=file,
                    index=index,
                    format=item.source_format,
                    findings=[],
                    record=item,
                    status="deleted",
                )
            else:
                yield RecordResult(
                    source=file,
                    index=index,
                    format=item.source_format,
                    findings=_run_rules(item, rules, active_profile),
                    record=item,
                )


def link_batch(results: list[RecordResult], profile: Profile) -> list[RecordResult]:
    """Add the findings that need the whole batch: a record adapting another record of
    the same batch is checked against that record's licence (``LIC009``).

    :func:`validate` and the CLI call this; the lazy :func:`validate_many` cannot, as
    it never holds the batch.
    """
    rules = {r.code: r for r in profile.rules()}
    remix_rule = rules.get("LIC009")
    if remix_rule is None:
        return results
    from oer_meta.checks.licence import remix_in_batch

    checked = [r for r in results if r.status == "checked" and r.record is not None]
    records = [r.record for r in checked if r.record is not None]
    for position, violations in remix_in_batch(records).items():
        result = checked[position]
        result.findings.extend(
            _finding(remix_rule, profile, violation, result.record) for violation in violations
        )
    return results


def validate(
    source: Source | Iterable[Source],
    *,
    format: str | None = None,
    profile: str | Profile | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    fail_on: str | Severity | None = None,
) -> Report:
    """Validate a path (file or folder), bytes, text, dict or Record; return a Report."""
    active_profile = resolve_profile(profile, select=select, ignore=ignore, fail_on=fail_on)
    results = list(validate_many(source, format=format, profile=active_profile))
    link_batch(results, active_profile)
    return Report(results=results, profile=active_profile.name, fail_on=active_profile.fail_on)
