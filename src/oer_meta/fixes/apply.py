"""``oer_meta.fix``: apply the safe fixes to one file, editing its original bytes.

The file is validated with the fixable rules only; each finding of a fixable code is
handed to its fixer (:mod:`oer_meta.fixes.fixers`), and the replacement is placed on
the one span of the original text where the value is written
(:mod:`oer_meta.fixes.locate`).  Everything outside those spans stays byte for byte:
comments, attribute order, namespace prefixes, line ends, the encoding.  Before
anything is written, the fixed text is validated again: it must read as the same
records, and the fixed findings must be gone; otherwise nothing is changed.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from oer_meta.checks.registry import all_rules, get_rule
from oer_meta.engine import ValidationRun
from oer_meta.fixes.fixers import FIXERS, LANGUAGE_ATTRIBUTES, Replacement
from oer_meta.fixes.locate import JsonText, Span, XmlText
from oer_meta.fixes.text import SourceText, decode_source
from oer_meta.model import Location
from oer_meta.profiles import matches, select_rules
from oer_meta.report.results import Finding, RecordResult

__all__ = ["AppliedFix", "FixResult", "SkippedFix", "fix", "fixable_selection"]

_XML_FORMATS = frozenset({"lom", "dc"})
_JSON_FORMATS = frozenset({"jsonld"})


@dataclass(frozen=True)
class AppliedFix:
    """One value replaced: the code it fixes, where, what was written and what is now."""

    code: str
    line: int | None
    path: str | None
    old: str
    new: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.code,
            "line": self.line,
            "path": self.path,
            "old": self.old,
            "new": self.new,
        }


@dataclass(frozen=True)
class SkippedFix:
    """A finding of a fixable code left as it is, and why."""

    code: str
    line: int | None
    path: str | None
    reason: str


@dataclass(frozen=True)
class FixResult:
    """What :func:`fix` did to one source: the bytes before and after, the fixes made
    and the ones left, and whether the file was written."""

    source: str | None
    original: bytes
    fixed: bytes
    applied: tuple[AppliedFix, ...] = ()
    skipped: tuple[SkippedFix, ...] = ()
    written: bool = False
    codec: str | None = field(default=None, repr=False)

    @property
    def changed(self) -> bool:
        """True when the fixed bytes differ from the original ones."""
        return self.fixed != self.original

    @property
    def text(self) -> str | None:
        """The fixed text, decoded as the file is (``None`` when it could not be)."""
        return (
            self.fixed[_bom_length(self.fixed, self.codec) :].decode(self.codec)
            if self.codec
            else None
        )

    def diff(self) -> str:
        """A unified diff of the change (empty when nothing changed)."""
        if not self.changed or self.codec is None:
            return ""
        name = self.source or "<input>"
        before = self.original[_bom_length(self.original, self.codec) :].decode(self.codec)
        after = self.fixed[_bom_length(self.fixed, self.codec) :].decode(self.codec)
        return "".join(
            difflib.unified_diff(
                before.splitlines(keepends=True),
                after.splitlines(keepends=True),
                fromfile=name,
                tofile=name,
            )
        )


def _bom_length(data: bytes, codec: str | None) -> int:
    found = decode_source(data) if codec else None
    return len(found.bom) if found is not None else 0


def fixable_selection(
    select: Iterable[str] | None = None, ignore: Iterable[str] | None = None
) -> list[str]:
    """The fixable codes ``select`` picks (all when ``None``) and ``ignore`` leaves,
    by the profile selector rules (a code, a prefix, an action area; a code picks its
    variants); an unknown selector raises as in ``validate``."""
    chosen = []
    selectors = [select] if isinstance(select, str) else list(select or [])
    ignored = [ignore] if isinstance(ignore, str) else list(ignore or [])
    select_rules(all_rules(), selectors, ignored)  # a selector that names no rule raises
    for code in sorted(FIXERS):
        rule = get_rule(code)
        if selectors and not any(matches(rule, s) for s in selectors):
            continue
        if any(matches(rule, s) for s in ignored):
            continue
        chosen.append(code)
    return chosen


@dataclass(frozen=True)
class _Candidate:
    finding: Finding
    replacements: tuple[Replacement, ...]

    def lines(self) -> set[int]:
        """The lines the values to replace start on."""
        where = [r.location or self.finding.location for r in self.replacements]
        return {loc.line for loc in where if loc.line is not None}


def _spans(
    candidate: _Candidate, xml: XmlText | None, json_text: JsonText | None
) -> list[Span] | None:
    """The spans of all the candidate's replacements, or ``None`` when one of them is
    not found exactly (then none is made)."""
    places: dict[tuple[Any, ...], list[Replacement]] = {}
    for rep in candidate.replacements:
        loc = rep.location or candidate.finding.location
        key = (loc.line, loc.path, loc.column, rep.attribute, rep.subtree)
        places.setdefault(key, []).append(rep)
    found: list[Span] = []
    for (line, path, column, attribute, subtree), reps in places.items():
        rep = reps[0]
        if any((r.old, r.new) != (rep.old, rep.new) for r in reps):
            return None
        if xml is not None and attribute and subtree:
            spans = xml.subtree_attribute_spans(path, line, attribute, rep.old, rep.new)
        elif xml is not None and attribute:
            spans = xml.attribute_spans(path, line, attribute, rep.old, rep.new, len(reps))
        elif xml is not None and len(reps) == 1:
            one = xml.span(path, line, rep.old, rep.new)
            spans = [one] if one is not None else None
        elif json_text is not None and not attribute and len(reps) == 1:
            one = json_text.span(path, line, column, rep.old, rep.new)
            spans = [one] if one is not None else None
        else:
            spans = None
        if spans is None:
            return None
        found += spans
    return found


def fix(
    source: str | os.PathLike[str] | bytes,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    dry_run: bool = False,
) -> FixResult:
    """Apply the safe fixes to a file (a path, edited in place unless ``dry_run``) or
    to bytes (never written); return what was done.

    ``select``/``ignore`` pick fixable codes as ``validate``'s do.  A fix changes one
    value's text and nothing else; a finding whose value cannot be found exactly, or
    whose replacement is not certain, is left (``FixResult.skipped`` says why).
    """
    if isinstance(source, bytes):
        name, path, data = None, None, source
    else:
        path = Path(source)
        name, data = str(source), path.read_bytes()
    unchanged = FixResult(name, data, data)
    codes = fixable_selection(select, ignore)
    decoded = decode_source(data)
    if not codes:
        return unchanged
    results = _results(data, codes)
    before = _findings(results, codes)
    if decoded is None:
        skipped = [
            _skip(f, "the file's bytes do not decode and encode back unchanged") for _, f in before
        ]
        return FixResult(name, data, data, skipped=tuple(skipped))
    applied, skipped, spans = _plan(decoded, before)
    if not spans:
        return FixResult(name, data, data, skipped=tuple(skipped), codec=decoded.codec)
    text = decoded.text
    for span in sorted(spans, key=lambda s: s.start, reverse=True):
        text = text[: span.start] + span.new + text[span.end :]
    fixed = decoded.encode(text)
    problem = _verify(results, fixed, codes, applied)
    if problem is not None:
        skipped += [SkippedFix(a.code, a.line, a.path, problem) for a in applied]
        return FixResult(name, data, data, skipped=tuple(skipped), codec=decoded.codec)
    written = False
    if path is not None and not dry_run:
        _write(path, fixed)
        written = True
    return FixResult(
        name, data, fixed, tuple(applied), tuple(skipped), written=written, codec=decoded.codec
    )


def _run_codes(codes: list[str]) -> list[str]:
    """The codes to run for ``codes``: a variant is emitted by its rule's check."""
    run = set(codes)
    for code in codes:
        parent = get_rule(code).emitted_by
        if parent is not None:
            run.add(parent)
    return sorted(run)


def _results(data: bytes, codes: list[str]) -> list[RecordResult]:
    """The results of ``data`` checked by the rules that emit ``codes``."""
    return list(ValidationRun(select=_run_codes(codes)).results(data))


def _findings(results: list[RecordResult], codes: list[str]) -> list[tuple[RecordResult, Finding]]:
    """The findings of the fixable ``codes``, with their results."""
    wanted = set(codes)
    return [(r, f) for r in results for f in r.findings if f.rule in wanted]


def _skip(finding: Finding, reason: str) -> SkippedFix:
    return SkippedFix(finding.rule, finding.location.line, finding.location.path, reason)


def _kind(text: str) -> str | None:
    start = text.lstrip(" \t\r\n")[:1]
    if start == "<":
        return "xml"
    if start in ("{", "["):
        return "json"
    return None


def _plan(
    decoded: SourceText, found: list[tuple[RecordResult, Finding]]
) -> tuple[list[AppliedFix], list[SkippedFix], list[Span]]:
    """The fixes to make, the findings left, and the spans to replace."""
    kind = _kind(decoded.text)
    skipped: list[SkippedFix] = []
    candidates: list[_Candidate] = []
    #: records of XML carried in a JSON string (Learning Registry envelopes)
    embedded: dict[int, tuple[RecordResult, list[_Candidate]]] = {}
    for result, finding in found:
        formats = (
            _XML_FORMATS if kind == "xml" else _JSON_FORMATS if kind == "json" else frozenset()
        )
        inside = kind == "json" and result.format in _XML_FORMATS
        if result.record is None or (result.format not in formats and not inside):
            skipped.append(
                _skip(finding, "the value is not written directly in the file's own syntax")
            )
            continue
        replacement = FIXERS[finding.rule](finding, result.record)
        replacements: tuple[Replacement, ...] = ()
        if isinstance(replacement, tuple):
            replacements = replacement
        elif replacement is not None:
            replacements = (replacement,)
        if not replacements:
            skipped.append(_skip(finding, "no certain replacement"))
            continue
        if inside:
            embedded.setdefault(id(result), (result, []))[1].append(
                _Candidate(finding, replacements)
            )
        else:
            candidates.append(_Candidate(finding, replacements))
    xml: XmlText | None = None
    json_text: JsonText | None = None
    try:
        if kind == "xml" and candidates:
            lines = set().union(*(c.lines() for c in candidates))
            xml = XmlText(decoded.text, lines, attributes=LANGUAGE_ATTRIBUTES)
        elif kind == "json" and (candidates or embedded):
            json_text = JsonText(decoded.text)
    except ValueError:
        skipped += [_skip(c.finding, "the text could not be scanned") for c in candidates]
        return [], skipped, []
    applied: list[AppliedFix] = []
    spans: dict[tuple[int, int], Span] = {}
    work: list[tuple[_Candidate, list[Span] | None]] = [
        (c, _spans(c, xml, json_text)) for c in candidates
    ]
    if json_text is not None:
        for result, inner in embedded.values():
            work += _embedded(json_text, result, inner)
    for candidate, found_spans in work:
        if found_spans is None:
            reason = "the value is not written exactly once where the finding points"
            skipped.append(_skip(candidate.finding, reason))
            continue
        if not all(decoded.can_hold(span.new) for span in found_spans):
            reason = f"the file's encoding ({decoded.codec}) cannot hold the new value"
            skipped.append(_skip(candidate.finding, reason))
            continue
        fresh = [span for span in found_spans if spans.get((span.start, span.end)) != span]
        if any(s.start < span.end and span.start < s.end for span in fresh for s in spans.values()):
            skipped.append(_skip(candidate.finding, "the value overlaps another fix"))
            continue
        for span in fresh:
            spans[(span.start, span.end)] = span
        loc, first = candidate.finding.location, candidate.replacements[0]
        applied.append(AppliedFix(candidate.finding.rule, loc.line, loc.path, first.old, first.new))
    return applied, skipped, list(spans.values())


def _embedded(
    json_text: JsonText, result: RecordResult, candidates: list[_Candidate]
) -> list[tuple[_Candidate, list[Span] | None]]:
    """The fixes of a record whose XML is the value of a JSON string: each is made in
    the XML text (found by its path below the record, its line being unknown), and the
    string is written again, only where writing it back gives the very same token."""
    failed: list[tuple[_Candidate, list[Span] | None]] = [(c, None) for c in candidates]
    where = result.record.location if result.record is not None else None
    if where is None or where.path is None:
        return failed
    parts = where.path.split("/")
    token: tuple[int, int, str] | None = None
    container = ""
    for cut in range(len(parts) - 1, 0, -1):
        container = "/".join(parts[:cut])
        token = json_text.string_at(container, where.line, where.column)
        if token is not None:
            break
    if token is None:
        return failed
    start, end, payload = token
    written = json_text.text[start:end]
    ascii_only = next(
        (a for a in (True, False) if json.dumps(payload, ensure_ascii=a) == written), None
    )
    if ascii_only is None:
        return failed  # escapes the JSON encoder would write otherwise: not byte for byte
    try:
        xml = XmlText(payload, (), LANGUAGE_ATTRIBUTES, every=True)
    except ValueError:
        return failed
    out: list[tuple[_Candidate, list[Span] | None]] = []
    inner_spans: dict[tuple[int, int], Span] = {}
    for candidate in candidates:
        local = _relative(candidate, container)
        found = _spans(local, xml, None) if local is not None else None
        if found is not None and any(
            s.start < f.end and f.start < s.end and s != f
            for f in found
            for s in inner_spans.values()
        ):
            found = None
        if found is not None:
            inner_spans.update({(f.start, f.end): f for f in found})
        out.append((candidate, None if found is None else []))
    if not inner_spans:
        return out
    text = payload
    for span in sorted(inner_spans.values(), key=lambda s: s.start, reverse=True):
        text = text[: span.start] + span.new + text[span.end :]
    whole = Span(start, end, json.dumps(text, ensure_ascii=ascii_only))
    # the one span that rewrites the string carries every fix made inside it
    first = next(i for i, (_, found) in enumerate(out) if found is not None)
    out[first] = (out[first][0], [whole])
    return out


def _relative(candidate: _Candidate, container: str) -> _Candidate | None:
    """The candidate with its locations made relative to the XML text held at the JSON
    Pointer ``container`` (no line: the payload's lines are not the file's)."""

    def inner(where: Location) -> Location | None:
        if where.path is None or not where.path.startswith(container + "/"):
            return None
        return Location(path=where.path[len(container) :])

    finding_at = inner(candidate.finding.location)
    if finding_at is None:
        return None
    replacements = []
    for rep in candidate.replacements:
        at = inner(rep.location) if rep.location is not None else finding_at
        if at is None:
            return None
        replacements.append(dataclasses.replace(rep, location=at))
    finding = candidate.finding.model_copy(update={"location": finding_at})
    return _Candidate(finding, tuple(replacements))


def _verify(
    old: list[RecordResult], after: bytes, codes: list[str], applied: list[AppliedFix]
) -> str | None:
    """Why the fixed bytes must not be written, or ``None``: they must read as the same
    records as before (``old``), and no finding of a fixable code may remain where a
    value was fixed (a fix that traded one for another would not be one)."""
    new = _results(after, codes)
    if [(r.status, r.format, r.record_id) for r in old] != [
        (r.status, r.format, r.record_id) for r in new
    ]:
        return "the fixed text would not read as the same records"
    remaining = {f.location.path for r in new for f in r.findings if f.rule in FIXERS}
    if any(a.path in remaining for a in applied):
        return "the fix would not remove the finding"
    return None


def _write(path: Path, data: bytes) -> None:
    """Replace the file's content, keeping its mode; atomically where the system can."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".fix")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        shutil.copymode(path, temporary)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
