"""Profiles: named selections of rules with their own severities.

As in MetaDIG's suites, one rule serves several profiles and the profile decides how
much it matters.  Built-in profiles are TOML files in ``oer_meta/data/profiles``; a
path to a TOML file of the same shape works too (docs/profiles.md)::

    name = "my-repo"
    extends = "unesco"          # optional: start from another profile
    select = ["ALL"]            # codes, prefixes (STD, DISC00), areas (AA3 or 3)
    ignore = ["DISC006"]
    fail_on = "warning"         # or fail-on, as the CLI spells it
    [severity]
    DISC003 = "error"

A code given in ``[severity]`` sets that code only, never its variants (one severity
per code, docs/decisions.md); ``select``/``ignore`` by a rule's code cover its variants.
Selectors combine as in ruff (:func:`resolve_selection`): the more specific one wins,
and a configuration file and the command line add later sources
(:attr:`Profile.overrides`, docs/configuration.md).

A profile file is checked when it is loaded (:class:`ProfileFile`): an unknown key, a
rule code no rule has, a severity that is not error/warning/info or a selector that
picks nothing is refused with the file, the key and the nearest valid spelling, since a
misspelled key would otherwise be ignored and the profile run as something else.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError

from oer_meta.checks.registry import Rule, all_rules
from oer_meta.errors import UnknownProfileError, UnknownRuleError
from oer_meta.i18n import Message, Said, joined, msg, said
from oer_meta.severity import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

DEFAULT_PROFILE = "unesco"
_T = TypeVar("_T")


@dataclass(frozen=True)
class Profile:
    """A named selection of rules, severity overrides and a failing threshold."""

    name: str
    description: str = ""
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    fail_on: Severity = Severity.ERROR
    #: selections applied after the profile's own, in order (a configuration file, then
    #: the command line): :func:`resolve_selection` says how they combine
    overrides: tuple[Selection, ...] = ()

    def rules(self) -> list[Rule]:
        """The rules this profile runs, in code order (selected once per profile)."""
        return list(self._selected)

    @cached_property
    def _selected(self) -> tuple[Rule, ...]:
        layers = (Selection(self.select, self.ignore), *self.overrides)
        return tuple(resolve_selection(all_rules(), layers))

    def severity_of(self, rule: Rule) -> Severity:
        """The severity this profile gives the rule: ``[severity]`` for its exact code,
        else its default.  A variant's severity is its own: setting the parent's code
        leaves it alone, which is why the variant has a code."""
        return self.severity.get(rule.code, rule.severity)

    def adjusted(
        self,
        *,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        fail_on: str | Severity | None = None,
        extend_select: Iterable[str] | None = None,
    ) -> Profile:
        """A copy with one more selection layer (``select`` replacing what came before,
        ``ignore`` and ``extend_select`` applied on top: :func:`resolve_selection`) and
        another failing threshold; the profile itself when nothing changes."""
        select, ignore = tuple(select or ()), tuple(ignore or ())
        extend = tuple(extend_select or ())
        if not select and not ignore and not extend and fail_on is None:
            return self
        layer = Selection(select or None, ignore, extend)
        return dataclasses.replace(
            self,
            overrides=self.overrides + ((layer,) if select or ignore or extend else ()),
            fail_on=Severity.parse(fail_on) if fail_on is not None else self.fail_on,
        )


@dataclass(frozen=True)
class Selection:
    """One source of rule selection: a profile, a configuration file, the command line.

    ``select`` (when given) replaces what the sources before chose; ``ignore`` and
    ``extend_select`` change it.  Within one source the more specific selector wins."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()


def matches(rule: Rule, selector: str) -> bool:
    """Does ``selector`` (``ALL``, a code, a code prefix, ``AA3`` or ``3``) pick ``rule``?

    A code or prefix that picks a rule picks its variants too (``STD003`` picks
    ``STD007``, the case-only mismatches that were ``STD003`` occurrences before they had
    a code of their own), so that ``--ignore STD003`` still hides every occurrence it
    hid.  A variant's own code picks the variant alone.
    """
    value = selector.strip().upper()
    if value == "ALL":
        return True
    if value.startswith("AA") and value[2:].isdigit():
        value = value[2:]
    if value.isdigit():
        return any(int(area) == int(value) for area in rule.areas)
    if rule.code.startswith(value):
        return True
    return rule.emitted_by is not None and rule.emitted_by.startswith(value)


def _nearest(value: str, choices: Iterable[str]) -> str | None:
    """The closest spelling among ``choices``, if one is close enough to suggest."""
    found = difflib.get_close_matches(value, list(choices), n=1)
    return found[0] if found else None


def _did_you_mean(value: str, choices: Iterable[str]) -> Message | str:
    """The ``; did you mean 'x'?`` ending of a message (empty when nothing is close)."""
    near = _nearest(value, choices)
    return msg("; did you mean {near!r}?", near=near) if near else ""


def framed(kind: str, label: str, problem: str) -> str:
    """``problem`` said of the file ``label``: ``config FILE: ...`` or ``profile FILE:
    ...`` (``kind``), translatable when ``problem`` was ``said``."""
    if kind == "config":
        return said("config {file}: {problem}", file=label, problem=problem)
    return said("profile {file}: {problem}", file=label, problem=problem)


def _problem(exc: Exception) -> str:
    """What an exception says, keeping its ``said`` text (translatable) when it has one."""
    return exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], Said) else str(exc)


def _selector_names(rules: list[Rule]) -> list[str]:
    """What a selector may name: ``ALL``, the areas, every pack and every code."""
    packs = sorted({r.pack for r in rules})
    return ["ALL", *(f"AA{n}" for n in range(1, 6)), *packs, *(r.code for r in rules)]


def _check_selectors(rules: list[Rule], selectors: Iterable[str]) -> None:
    for selector in selectors:
        value = selector.strip().upper()
        area = value[2:] if value.startswith("AA") else value
        if area.isdigit() and 1 <= int(area) <= 5:
            continue
        if not any(matches(r, selector) for r in rules):
            raise UnknownRuleError(
                said(
                    "{selector!r} names no rule code, code prefix or action area (AA1-AA5){hint}",
                    selector=selector,
                    hint=_did_you_mean(value, _selector_names(rules)),
                )
            )


def specificity(rule: Rule, selector: str) -> int:
    """How specific ``selector`` is for ``rule`` (which it matches): ``ALL`` least, then
    an action area, then prefixes by length (``LIC`` < ``LIC00``); the rule's own code
    most, above its parent's code (``STD007`` beats ``STD003`` for STD007)."""
    value = selector.strip().upper()
    if value == "ALL":
        return 0
    area = value[2:] if value.startswith("AA") else value
    if area.isdigit():
        return 1
    if value == rule.code:
        return 1000
    return 2 + len(value)


def resolve_selection(rules: list[Rule], layers: Iterable[Selection]) -> list[Rule]:
    """The rules the selection ``layers`` leave on, as ruff combines its rule selectors.

    Within one layer, each rule follows the most specific selector of the layer that
    matches it, and ``ignore`` wins over ``select`` at equal specificity (so ``select
    LIC001, ignore LIC`` keeps LIC001 and ``select LIC, ignore LIC001`` drops it).  A
    layer with ``select`` replaces the rules of the layers before it; a layer without
    one turns on or off only the rules its selectors match, on top of them."""
    on: set[str] = set()
    for layer in layers:
        chosen = [*(layer.select or ()), *layer.extend_select]
        _check_selectors(rules, chosen + list(layer.ignore))
        decided: dict[str, bool] = {}
        for rule in rules:
            best: tuple[int, bool] | None = None  # (specificity, is an ignore)
            for selectors, ignoring in ((chosen, False), (layer.ignore, True)):
                for selector in selectors:
                    if matches(rule, selector):
                        rank = (specificity(rule, selector), ignoring)
                        best = rank if best is None else max(best, rank)
            if best is not None:
                decided[rule.code] = not best[1]
        if layer.select is not None:
            on = {code for code, keep in decided.items() if keep}
        else:
            on = (on - {c for c, keep in decided.items() if not keep}) | {
                c for c, keep in decided.items() if keep
            }
    return [r for r in rules if r.code in on]


def select_rules(rules: list[Rule], select: Iterable[str], ignore: Iterable[str]) -> list[Rule]:
    """The rules ``select`` picks and ``ignore`` does not (the more specific wins)."""
    return resolve_selection(rules, [Selection(tuple(select), tuple(ignore))])


class ProfileError(UnknownProfileError):
    """A profile file exists but is not a valid profile: TOML syntax, an unknown key,
    rule code or severity, a selector that picks nothing, a bad ``extends``.

    A subclass of :class:`UnknownProfileError`, which such files raised before, so that
    code catching that still catches these; ``file`` names the profile."""

    def __init__(self, message: str, *, file: str) -> None:
        super().__init__(message)
        self.file = file


_SEVERITIES = ("error", "warning", "info")
#: The spellings of ``fail_on`` a file may use: TOML's snake case, and the hyphen of the
#: CLI option ``--fail-on`` and of configuration files.
_FAIL_ON_SPELLINGS = ("fail_on", "fail-on")


class RuleKeys(BaseModel):
    """The keys a profile file and a configuration file (:mod:`oer_meta.config`) share:
    which rules run, at which severity, and what fails.  Any other key is refused, and
    so is a value of the wrong TOML type (``select = "STD"`` instead of a list)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    select: list[str] | None = Field(
        default=None, description="codes, prefixes (LIC), areas (AA3) or ALL to run"
    )
    ignore: list[str] | None = Field(default=None, description="selectors to skip")
    fail_on: str | None = Field(
        default=None,
        validation_alias=AliasChoices(*_FAIL_ON_SPELLINGS),
        description="lowest severity that fails: error, warning or info",
    )
    severity: dict[str, str] = Field(
        default_factory=dict, description="severity per rule code: error, warning or info"
    )


class ProfileFile(RuleKeys):
    """The keys of a profile TOML file.  Every key is optional."""

    name: str | None = None
    description: str | None = None
    extends: str | None = None


#: Every key a profile file may hold, as it is spelled in the file.
PROFILE_KEYS: tuple[str, ...] = (
    "name",
    "description",
    "extends",
    "select",
    "ignore",
    *_FAIL_ON_SPELLINGS,
    "severity",
)


def _where(loc: tuple[int | str, ...]) -> str:
    """A pydantic location in a profile as the file writes it: ``select[2]``,
    ``[severity] DISC003``, ``[limits] max-depth`` (a key of a table)."""
    if len(loc) > 1 and isinstance(loc[0], str) and isinstance(loc[1], str):
        return f"[{loc[0]}] {_where(loc[1:])}"
    return "".join(f"[{part}]" if isinstance(part, int) else str(part) for part in loc)


def _structure(data: dict[str, Any], label: str) -> ProfileFile:
    """Check the file's keys and value types."""
    return check_keys(data, label, ProfileFile, PROFILE_KEYS)


_M = TypeVar("_M", bound=RuleKeys)


def check_keys(
    data: dict[str, Any],
    label: str,
    model: type[_M],
    keys: tuple[str, ...],
    *,
    kind: str = "profile",
    error: type[ProfileError] = ProfileError,
    table: str = "",
) -> _M:
    """``data`` validated by ``model``; an unknown key is named with the nearest of
    ``keys``, a wrong type with its place (``select[2]``).  ``kind`` and ``table``
    (``[tool.oer-meta] ``) say in messages what file and table it is."""
    if all(spelling in data for spelling in _FAIL_ON_SPELLINGS):
        both = said(
            "{table}both 'fail_on' and 'fail-on' are given; they are the same key, keep one",
            table=table,
        )
        raise error(framed(kind, label, both), file=label)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems: list[str] = []
        for found in exc.errors(include_url=False):
            loc = tuple(found["loc"])
            if found["type"] == "extra_forbidden" and len(loc) == 1:
                key = str(loc[0])
                hint = _did_you_mean(key, keys) or msg("; valid keys: {keys}", keys=", ".join(keys))
                problems.append(
                    said("{table}unknown key {key!r}{hint}", table=table, key=key, hint=hint)
                )
            else:  # pydantic's own text, quoted
                problems.append(
                    said(
                        "{table}{where}: {problem} (got {type})",
                        table=table,
                        where=_where(loc),
                        problem=found["msg"],
                        type=type(found["input"]).__name__,
                    )
                )
        if len(problems) == 1:
            message = framed(kind, label, problems[0])
        else:
            listed = said(
                "{count} problems:\n  - {problems}",
                count=len(problems),
                problems=joined("\n  - ", problems),
            )
            message = framed(kind, label, listed)
        raise error(message, file=label) from None


def _severity(
    value: str,
    where: str,
    label: str,
    *,
    kind: str = "profile",
    error: type[ProfileError] = ProfileError,
) -> Severity:
    word = value.strip().lower()
    if word in _SEVERITIES:
        return Severity(word)
    problem = said(
        "{where} = {value!r} is not a severity{hint} (use error, warning or info)",
        where=where,
        value=value,
        hint=_did_you_mean(word, _SEVERITIES),
    )
    raise error(framed(kind, label, problem), file=label)


def _parse(data: dict[str, Any], label: str, default_name: str, chain: tuple[str, ...]) -> Profile:
    """A :class:`Profile` from a parsed profile file, checked against the registry."""
    spec = _structure(data, label)
    base = _base(spec.extends, label, chain) if spec.extends is not None else None
    severity: dict[str, Severity] = dict(base.severity) if base else {}
    severity.update(parse_severities(spec.severity, label))
    check_selectors(label, {"select": spec.select, "ignore": spec.ignore})
    fail_on_key = next((k for k in _FAIL_ON_SPELLINGS if k in data), "fail_on")
    if spec.fail_on is not None:
        fail_on = _severity(spec.fail_on, fail_on_key, label)
    else:
        fail_on = base.fail_on if base else Severity.ERROR
    inherited = base or Profile(name=default_name)
    return Profile(
        name=spec.name if spec.name is not None else default_name,
        description=_pick(spec.description, inherited.description),
        select=tuple(_pick(spec.select, inherited.select)),
        ignore=tuple(_pick(spec.ignore, inherited.ignore)),
        severity=severity,
        fail_on=fail_on,
    )


def parse_severities(
    given: Mapping[str, str],
    label: str,
    *,
    kind: str = "profile",
    error: type[ProfileError] = ProfileError,
    table: str = "",
) -> dict[str, Severity]:
    """A file's ``[severity]`` table checked: every key a rule code, every value a
    severity; a misspelling is named with the nearest valid one."""
    codes = sorted(r.code for r in all_rules())
    severity: dict[str, Severity] = {}
    for key, value in given.items():
        code = key.strip().upper()
        if code not in codes:
            problem = said(
                "{table}[severity] {key!r} is not a rule code{hint}",
                table=table,
                key=key,
                hint=_did_you_mean(code, codes),
            )
            raise error(framed(kind, label, problem), file=label)
        where = f"{table}[severity] {key}"
        severity[code] = _severity(value, where, label, kind=kind, error=error)
    return severity


def check_selectors(
    label: str,
    keys: Mapping[str, Iterable[str] | None],
    *,
    kind: str = "profile",
    error: type[ProfileError] = ProfileError,
) -> None:
    """Every selector under each key (``select``, ``ignore``...) picks some rule."""
    rules = all_rules()
    for key, selectors in keys.items():
        try:
            _check_selectors(rules, selectors or ())
        except UnknownRuleError as exc:
            problem = said("{key}: {problem}", key=key, problem=_problem(exc))
            raise error(framed(kind, label, problem), file=label) from None


def _pick(own: _T | None, inherited: _T) -> _T:
    """The file's own value when it gives one, else the one of the profile it extends."""
    return inherited if own is None else own


def _base(extends: str, label: str, chain: tuple[str, ...]) -> Profile:
    """The profile named by ``extends``; an unknown one is reported against this file."""
    try:
        return _load(extends, chain)
    except ProfileError:
        raise
    except UnknownProfileError as exc:
        problem = said("extends {name!r}: {problem}", name=extends, problem=_problem(exc))
        raise ProfileError(framed("profile", label, problem), file=label) from None


def builtin_profiles() -> list[str]:
    """Names of the profiles shipped with oer_meta."""
    folder = resources.files("oer_meta").joinpath("data").joinpath("profiles")
    return sorted(
        p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml")
    )


def _looks_like_path(value: str) -> bool:
    """Is ``value`` meant as a file (``my.toml``, ``conf/repo``) rather than a name?"""
    separators = [sep for sep in ("/", os.sep, os.altsep) if sep]
    return value.lower().endswith(".toml") or any(sep in value for sep in separators)


_TOML_POSITION = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$")


def _toml(
    text: str, label: str, *, kind: str = "profile", error: type[ProfileError] = ProfileError
) -> dict[str, Any]:
    """Parse TOML; a syntax error names the file (a ``kind`` file) and line."""
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(getattr(exc, "msg", None) or exc)
        line, column = getattr(exc, "lineno", None), getattr(exc, "colno", None)
        found = _TOML_POSITION.search(message)
        if found:
            message = message[: found.start()]
            if found[1]:
                line, column = int(found[1]), int(found[2])
        if line is None:  # the error is at the end of the document
            line, column = max(1, len(text.splitlines())), None
        if column:
            where = said("line {line}, column {column}", line=line, column=column)
        else:
            where = said("line {line}", line=line)
        if kind == "config":  # tomllib's own text, quoted
            problem = said(
                "config {file}, {where}: invalid TOML: {message}",
                file=label,
                where=where,
                message=message,
            )
        else:
            problem = said(
                "profile {file}, {where}: invalid TOML: {message}",
                file=label,
                where=where,
                message=message,
            )
        raise error(problem, file=label) from None
    return data


@cache
def load_profile(name_or_path: str = DEFAULT_PROFILE) -> Profile:
    """A built-in profile by name, or a profile TOML file by path, checked on loading.

    Raises :class:`UnknownProfileError` when there is no such profile or file, and
    :class:`ProfileError` (a subclass) when the file is not a valid profile."""
    return _load(name_or_path, ())


def _load(name_or_path: str, chain: tuple[str, ...]) -> Profile:
    """``chain`` holds the profiles being loaded that extend this one, to stop cycles."""
    if name_or_path in builtin_profiles():
        identity, label, default_name = name_or_path, f"{name_or_path} (built-in)", name_or_path
        text = (
            resources.files("oer_meta")
            .joinpath("data")
            .joinpath("profiles")
            .joinpath(f"{name_or_path}.toml")
            .read_text(encoding="utf-8")
        )
    elif _looks_like_path(name_or_path):
        path = Path(name_or_path)
        if not path.exists():
            raise UnknownProfileError(said("profile file {path} does not exist", path=name_or_path))
        identity, label, default_name = str(path.resolve()), name_or_path, path.stem
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problem = said("cannot read it: {error}", error=str(exc))
            raise ProfileError(framed("profile", label, problem), file=label) from None
    else:
        raise UnknownProfileError(
            said(
                "no profile named {name!r}{hint} (built-in profiles: {names}; a profile file "
                "is a path ending in .toml)",
                name=name_or_path,
                hint=_did_you_mean(name_or_path, builtin_profiles()),
                names=", ".join(builtin_profiles()),
            )
        )
    if identity in chain:
        problem = said("extends itself ({chain})", chain=" -> ".join([*chain, identity]))
        raise ProfileError(framed("profile", label, problem), file=label)
    return _parse(_toml(text, label), label, default_name, (*chain, identity))
