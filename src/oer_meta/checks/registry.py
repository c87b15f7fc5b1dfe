"""How a rule is declared, and the registry that collects them.

A rule is a generator function decorated with :func:`rule`.  The decorator records the
rule's code, kebab-case name, default severity, action areas and Recommendation
paragraphs; the function's docstring is the rule's documentation, with the sections
``Why it matters``, ``Example`` and ``Fix``.  The rule yields :class:`Violation`; the
engine turns each into a :class:`~oer_meta.report.results.Finding`, adding code, name,
severity and areas as the active profile decides.

One severity per code: a violation never carries a severity of its own.  Where some
occurrences of a rule matter less (or more) than the others, the rule declares a
:class:`Variant`, a code of its own with its own name, default severity and
documentation, and emits those occurrences under it (``Violation(..., code=...)``).
A profile's ``[severity]`` for a code then changes exactly that code.  Selecting or
ignoring a rule by its code covers its variants too (:func:`oer_meta.profiles.matches`).
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from oer_meta.areas import ActionArea
from oer_meta.errors import UnknownRuleError
from oer_meta.i18n import Message, said, translate
from oer_meta.model import Location, Record
from oer_meta.severity import Severity

__all__ = [
    "Rule",
    "Variant",
    "Violation",
    "all_rules",
    "get_rule",
    "plugin_failures",
    "rule",
]


#: The rule packs shipped with oer_meta, listed explicitly so that the registry's
#: content never depends on what else happens to sit in the folder.  Plugins come from
#: the ``oer_meta.rules`` entry-point group.
BUILTIN_PACKS: tuple[str, ...] = (
    "oer_meta.checks.std",
    "oer_meta.checks.disc",
    "oer_meta.checks.lic",
    "oer_meta.checks.lang",
    "oer_meta.checks.a11y",
    "oer_meta.checks.priv",
    "oer_meta.checks.edu",
    "oer_meta.checks.amb",
)


def builtin_packs() -> list[str]:
    """The rule packs shipped with oer_meta (those that exist in this installation)."""
    import importlib.util

    return [name for name in BUILTIN_PACKS if importlib.util.find_spec(name) is not None]


_CODE = re.compile(r"^[A-Z][A-Z0-9]*[A-Z]\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
DOC_SECTIONS = ("Why it matters", "Example", "Fix")


@dataclass(frozen=True)
class Violation:
    """What a rule reports; the engine adds the rule's identity and the profile's view.

    ``message`` and ``hint`` are :class:`~oer_meta.i18n.Message` templates the engine
    renders in the run's language (docs/i18n.md); a plain string (a plugin's) is shown
    as it is in every language.
    """

    message: str | Message
    hint: str | Message | None = None
    field: str | None = None
    location: Location | None = None
    #: The code this occurrence is reported under when the rule emits one of its
    #: declared variants (a case-only vocabulary mismatch...); ``None``: the rule's own.
    #: A violation carries no severity: its code has one, which a profile may change.
    code: str | None = None


#: A rule's check: it receives a Record (kind ``record``) or the Unreadable item (kind
#: ``input``) and yields violations.
Check = Callable[..., Iterable[Violation]]
_F = TypeVar("_F", bound=Check)
#: The part of a rule that needs the whole batch: it receives the batch index built while
#: records streamed (:class:`oer_meta.checks.batch.BatchIndex`) and yields findings tied to
#: records (:class:`oer_meta.checks.batch.RecordRef`).
BatchCheck = Callable[[Any], Iterable[tuple[Any, Violation]]]


@dataclass(frozen=True)
class Variant:
    """A code a rule emits for some occurrences, with its own name, severity and doc.

    One severity per code: where some occurrences of a rule matter less (or more), they
    get a code of their own, so a profile's override means what it says.
    """

    code: str
    name: str
    severity: str | Severity
    summary: str
    doc: str = ""
    #: What ``oer-meta fix`` does for this code, in one sentence (``None``: not fixable).
    fixable: str | None = None


@dataclass(frozen=True)
class Rule:
    """A declared rule: identity, defaults, documentation and check."""

    code: str
    name: str
    severity: Severity
    areas: tuple[ActionArea, ...]
    paragraphs: tuple[str, ...]
    summary: str
    check: Check | None = field(repr=False, compare=False)
    doc: str = field(default="", repr=False, compare=False)
    formats: tuple[str, ...] = ()
    #: ``record`` (checks a Record), ``input`` (checks input that could not be read).
    kind: str = "record"
    #: Set on a variant: the code of the rule whose check emits it.
    emitted_by: str | None = None
    #: The codes of this rule's variants.
    variants: tuple[str, ...] = ()
    #: The part of the rule that runs when the batch ends, over the batch index.
    across_batch: BatchCheck | None = field(default=None, repr=False, compare=False)
    #: Where the rule comes from: ``oer_meta`` or the plugin's entry-point name.
    origin: str = "oer_meta"
    #: What ``oer-meta fix`` does for this code, in one sentence; ``None``: not fixable.
    #: The fixer itself lives in :mod:`oer_meta.fixes` (a test keeps the two in step).
    fixable: str | None = None

    @property
    def pack(self) -> str:
        """The code's letter prefix: ``STD``, ``DISC``, ``LIC``..."""
        return self.code.rstrip("0123456789")

    def summary_in(self, lang: str = "en") -> str:
        """The rule's title (its summary) in ``lang``, from the message catalogues."""
        return translate(self.summary, lang)

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
_PLUGIN_FAILURES: list[str] = []
_current_origin = "oer_meta"

_AREA_NAMES = {area.name.casefold(): area for area in ActionArea}


def _area(value: int | str | ActionArea) -> ActionArea:
    """An action area from its number (3), key (``AA3``) or name (``inclusion``)."""
    if isinstance(value, ActionArea):
        return value
    if isinstance(value, int):
        return ActionArea(value)
    text = value.strip().casefold()
    if text in _AREA_NAMES:
        return _AREA_NAMES[text]
    number = text.removeprefix("aa")
    if number.isdigit():
        return ActionArea(int(number))
    raise ValueError(f"{value!r} is not an action area; use {', '.join(_AREA_NAMES)} or 1-5")


_OWNERS: dict[str, str] = {}


def _check_identity(code: str, name: str, owner: str) -> None:
    """Refuse malformed identities, and a code declared by two different functions
    (the same function declared again, as on a module reload, is fine)."""
    if not _CODE.match(code):
        raise ValueError(f"rule code {code!r} is not PREFIX + three digits")
    if not _NAME.match(name):
        raise ValueError(f"rule name {name!r} is not kebab-case")
    if _OWNERS.setdefault(code, owner) != owner:
        raise ValueError(f"rule code {code} is declared twice")


def rule(
    code: str,
    name: str,
    *,
    severity: str | Severity,
    areas: Iterable[int | str | ActionArea],
    paragraphs: Iterable[str],
    formats: Iterable[str] = (),
    kind: str = "record",
    variants: Iterable[Variant] = (),
    across_batch: BatchCheck | None = None,
    fixable: str | None = None,
) -> Callable[[_F], _F]:
    """Declare a rule; the decorated function's docstring is its documentation.

    The docstring's first line is the summary; its body holds the ``## Why it matters``,
    ``## Example`` and ``## Fix`` sections.  ``areas`` are numbers (1-5) or names
    (``capacity``, ``policy``, ``inclusion``, ``sustainability``, ``cooperation``);
    ``formats`` limits the rule to records of these source formats; ``kind`` is
    ``record`` or ``input`` (the check receives input that could not be read);
    ``variants`` are the other codes the check may emit (each with its own severity);
    ``across_batch`` is the part that runs over the batch index when the batch ends;
    ``fixable`` says in one sentence what ``oer-meta fix`` does for the code.
    Plugins declare their rules with this same decorator (``oer_meta.rule``).
    """
    if kind not in ("record", "input"):
        raise ValueError(f"rule kind {kind!r} is not 'record' or 'input'")
    declared_variants = tuple(variants)

    def register(check: _F) -> _F:
        owner = f"{check.__module__}.{check.__qualname__}"
        _check_identity(code, name, owner)
        for variant in declared_variants:
            _check_identity(variant.code, variant.name, owner)
        doc = inspect.cleandoc(check.__doc__ or "")
        summary, _, body = doc.partition("\n")
        area_set = tuple(sorted({_area(a) for a in areas}))
        shared = {
            "areas": area_set,
            "paragraphs": tuple(paragraphs),
            "formats": tuple(formats),
            "kind": kind,
            "origin": _current_origin,
        }
        _REGISTRY[code] = Rule(
            code=code,
            name=name,
            severity=Severity.parse(severity),
            summary=summary.strip(),
            check=check,
            doc=body.strip(),
            variants=tuple(v.code for v in declared_variants),
            across_batch=across_batch,
            fixable=fixable,
            **shared,  # type: ignore[arg-type]
        )
        for variant in declared_variants:
            _REGISTRY[variant.code] = Rule(
                code=variant.code,
                name=variant.name,
                severity=Severity.parse(variant.severity),
                summary=variant.summary.strip(),
                check=None,
                doc=inspect.cleandoc(variant.doc),
                emitted_by=code,
                fixable=variant.fixable,
                **shared,  # type: ignore[arg-type]
            )
        return check

    return register


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for module in builtin_packs():
        importlib.import_module(module)
    _load_plugins()


def _load_plugins() -> None:
    """Import the rule packs that other distributions declare under the
    ``oer_meta.rules`` entry-point group; one that fails is noted and left out."""
    global _current_origin
    from importlib.metadata import entry_points

    for entry in entry_points(group="oer_meta.rules"):
        before = dict(_REGISTRY)
        _current_origin = entry.name
        try:
            entry.load()
        except Exception as exc:  # a broken plugin must not stop the run
            _REGISTRY.clear()
            _REGISTRY.update(before)
            for code in [c for c in _OWNERS if c not in before]:
                del _OWNERS[code]
            _PLUGIN_FAILURES.append(
                said(
                    "rule plugin {name!r} ({value}) failed to load and is left out: {error}",
                    name=entry.name,
                    value=entry.value,
                    error=f"{type(exc).__name__}: {exc}",  # the exception's own text
                )
            )
        finally:
            _current_origin = "oer_meta"


def plugin_failures() -> list[str]:
    """Why plugins were left out, one sentence each (empty when all loaded)."""
    _load()
    return list(_PLUGIN_FAILURES)


def all_rules() -> list[Rule]:
    """Every registered rule, ordered by code."""
    _load()
    return sorted(_REGISTRY.values(), key=lambda r: (r.pack, r.code))


def get_rule(code: str) -> Rule:
    """The rule with this code (case-insensitive); ``UnknownRuleError`` otherwise."""
    _load()
    found = _REGISTRY.get(code.strip().upper())
    if found is None:
        raise UnknownRuleError(said("no rule has the code {code!r}", code=code))
    return found


def iter_rules() -> Iterator[Rule]:
    """Iterate over :func:`all_rules`."""
    yield from all_rules()
