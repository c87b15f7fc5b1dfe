"""How a rule is declared, and the registry that collects them.

A rule is a generator function decorated with :func:`rule`.  The decorator records the
rule's code, kebab-case name, default severity, action areas and Recommendation
paragraphs; the function's docstring is the rule's documentation, with the sections
``Why it matters``, ``Example`` and ``Fix``.  The rule yields :class:`Violation`; the
engine turns each into a :class:`~oer_meta.report.Finding`, adding code, name,
severity and areas as the active profile decides.
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from oer_meta.areas import ActionArea
from oer_meta.model import Location, Record
from oer_meta.severity import Severity

__all__ = ["Rule", "Violation", "all_rules", "get_rule", "rule"]


def builtin_packs() -> list[str]:
    """The rule packs shipped with oer_meta: every module of ``oer_meta.checks`` but
    this one, so that a new pack needs no registration anywhere else."""
    import pkgutil

    import oer_meta.checks

    return [
        f"oer_meta.checks.{info.name}"
        for info in pkgutil.iter_modules(oer_meta.checks.__path__)
        if info.name != "registry" and not info.name.startswith("_")
    ]


_CODE = re.compile(r"^[A-Z][A-Z0-9]*[A-Z]\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
DOC_SECTIONS = ("Why it matters", "Example", "Fix")


@dataclass(frozen=True)
class Violation:
    """What a rule reports; the engine adds the rule's identity and the profile's view."""

    message: str
    hint: str | None = None
    field: str | None = None
    location: Location | None = None
    #: A lesser severity for this occurrence (e.g. a case-only vocabulary mismatch);
    #: a profile that sets the rule's severity overrides it.
    severity: Severity | None = None


Check = Callable[[Record], Iterable[Violation]]


@dataclass(frozen=True)
class Rule:
    """A declared rule: identity, defaults, documentation and check."""

    code: str
    name: str
    severity: Severity
    areas: tuple[ActionArea, ...]
    paragraphs: tuple[str, ...]
    summary: str
    check: Check = field(repr=False, compare=False)
    doc: str = field(default="", repr=False, compare=False)
    formats: tuple[str, ...] = ()

    @property
    def pack(self) -> str:
        """The code's letter prefix: ``STD``, ``DISC``, ``LIC``..."""
        return self.code.rstrip("0123456789")

    def sections(self) -> dict[str, str]:
        """The documentation split into its ``## Heading`` sections."""
        parts: dict[str, str] = {}
        current: str | None = None
        lines: list[str] = []
        for line in self.doc.splitlines():
            if line.startswith("## "):
                if current is not None:
                    parts[current] = "\n".join(lines).strip()
                current, lines = line[3:].strip(), []
            elif current is not None:
                lines.append(line)
        if current is not None:
            parts[current] = "\n".join(lines).strip()
        return parts

    def applies_to(self, record: Record) -> bool:
        """True when the rule checks records of this format."""
        return not self.formats or record.source_format in self.formats


_REGISTRY: dict[str, Rule] = {}
_loaded = False


def rule(
    code: str,
    name: str,
    *,
    severity: str | Severity,
    areas: Iterable[int],
    paragraphs: Iterable[str],
    formats: Iterable[str] = (),
) -> Callable[[Check], Check]:
    """Declare a rule; the decorated function's docstring is its documentation.

    The docstring's first line is the summary; its body holds the ``## Why it matters``,
    ``## Example`` and ``## Fix`` sections.
    """
    if not _CODE.match(code):
        raise ValueError(f"rule code {code!r} is not PREFIX + three digits")
    if not _NAME.match(name):
        raise ValueError(f"rule name {name!r} is not kebab-case")

    def register(check: Check) -> Check:
        doc = inspect.cleandoc(check.__doc__ or "")
        summary, _, body = doc.partition("\n")
        declared = Rule(
            code=code,
            name=name,
            severity=Severity.parse(severity),
            areas=tuple(sorted(ActionArea(a) for a in areas)),
            paragraphs=tuple(paragraphs),
            summary=summary.strip(),
            check=check,
            doc=body.strip(),
            formats=tuple(formats),
        )
        existing = _REGISTRY.get(code)
        if existing is not None and existing.check is not check:
            raise ValueError(f"rule code {code} is declared twice")
        _REGISTRY[code] = declared
        return check

    return register


def _load() -> None:
    global _loaded
    if _loaded:
        return
    for module in builtin_packs():
        importlib.import_module(module)
    _load_plugins()
    _loaded = True


def _load_plugins() -> None:
    """Import rule packs that other distributions declare under the
    ``oer_meta.rules`` entry-point group."""
    from importlib.metadata import entry_points

    for entry in entry_points(group="oer_meta.rules"):
        entry.load()


def all_rules() -> list[Rule]:
    """Every registered rule, ordered by code."""
    _load()
    return sorted(_REGISTRY.values(), key=lambda r: (r.pack, r.code))


def get_rule(code: str) -> Rule:
    """The rule with this code (case-insensitive); ``UnknownRuleError`` otherwise."""
    _load()
    found = _REGISTRY.get(code.strip().upper())
    if found is None:
        from oer_meta.errors import UnknownRuleError

        raise UnknownRuleError(f"no rule has the code {code!r}")
    return found


def iter_rules() -> Iterator[Rule]:
    """Iterate over :func:`all_rules`."""
    yield from all_rules()
