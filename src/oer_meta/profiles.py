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

A profile file is checked when it is loaded (:class:`ProfileFile`): an unknown key, a
rule code no rule has, a severity that is not error/warning/info or a selector that
picks nothing is refused with the file, the key and the nearest valid spelling, since a
misspelled key would otherwise be ignored and the profile run as something else.
"""

from __future__ import annotations

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

    def rules(self) -> list[Rule]:
        """The rules this profile runs, in code order (selected once per profile)."""
        return list(self._selected)

    @cached_property
    def _selected(self) -> tuple[Rule, ...]:
        return tuple(select_rules(all_rules(), self.select, self.ignore))

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
    ) -> Profile:
        """A copy with ``select`` replacing the selection, ``ignore`` added to it and
        another failing threshold; the profile itself when nothing changes.

        A selector of the profile's ``ignore`` that the new ``select`` names again, as
        it is or more narrowly (``--select AMB`` or ``AMB002`` where the profile ignores
        ``AMB``), is dropped: what is asked for by name runs.  A narrower ignore stays
        (``--select DISC`` keeps a profile's ``DISC006`` ignored)."""
        if not select and not ignore and fail_on is None:
            return self
        chosen = tuple(select) if select else self.select
        kept = self.ignore
        if select:
            asked = [s.strip().upper() for s in chosen]
            kept = tuple(i for i in kept if not any(a.startswith(i.strip().upper()) for a in asked))
        return Profile(
            name=self.name,
            description=self.description,
            select=chosen,
            ignore=kept + tuple(ignore or ()),
            severity=self.severity,
            fail_on=Severity.parse(fail_on) if fail_on is not None else self.fail_on,
        )


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


def _did_you_mean(value: str, choices: Iterable[str]) -> str:
    near = _nearest(value, choices)
    return f"; did you mean {near!r}?" if near else ""


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
                f"{selector!r} names no rule code, code prefix or action area (AA1-AA5)"
                + _did_you_mean(value, _selector_names(rules))
            )


def select_rules(rules: list[Rule], select: Iterable[str], ignore: Iterable[str]) -> list[Rule]:
    """The rules picked by any of ``select`` and by none of ``ignore``."""
    select, ignore = list(select), list(ignore)
    _check_selectors(rules, select + ignore)
    return [
        r
        for r in rules
        if any(matches(r, s) for s in select) and not any(matches(r, s) for s in ignore)
    ]


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


class ProfileFile(BaseModel):
    """The keys of a profile TOML file.  Every key is optional; any other is refused,
    and so is a value of the wrong TOML type (``select = "STD"`` instead of a list)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    name: str | None = None
    description: str | None = None
    extends: str | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    fail_on: str | None = Field(default=None, validation_alias=AliasChoices(*_FAIL_ON_SPELLINGS))
    severity: dict[str, str] = Field(default_factory=dict)


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
    ``[severity] DISC003``."""
    if loc and loc[0] == "severity" and len(loc) > 1:
        return f"[severity] {loc[1]}"
    return "".join(f"[{part}]" if isinstance(part, int) else str(part) for part in loc)


def _structure(data: dict[str, Any], label: str) -> ProfileFile:
    """Check the file's keys and value types."""
    if all(spelling in data for spelling in _FAIL_ON_SPELLINGS):
        raise ProfileError(
            f"profile {label}: both 'fail_on' and 'fail-on' are given; they are the same"
            " key, keep one",
            file=label,
        )
    try:
        return ProfileFile.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            if error["type"] == "extra_forbidden" and len(loc) == 1:
                key = str(loc[0])
                hint = _did_you_mean(key, PROFILE_KEYS) or (
                    f"; valid keys: {', '.join(PROFILE_KEYS)}"
                )
                problems.append(f"unknown key {key!r}{hint}")
            else:
                got = type(error["input"]).__name__
                problems.append(f"{_where(loc)}: {error['msg']} (got {got})")
        if len(problems) == 1:
            message = f"profile {label}: {problems[0]}"
        else:
            message = f"profile {label}: {len(problems)} problems:\n" + "\n".join(
                f"  - {problem}" for problem in problems
            )
        raise ProfileError(message, file=label) from None


def _severity(value: str, where: str, label: str) -> Severity:
    word = value.strip().lower()
    if word in _SEVERITIES:
        return Severity(word)
    raise ProfileError(
        f"profile {label}: {where} = {value!r} is not a severity"
        f"{_did_you_mean(word, _SEVERITIES)} (use error, warning or info)",
        file=label,
    )


def _parse(data: dict[str, Any], label: str, default_name: str, chain: tuple[str, ...]) -> Profile:
    """A :class:`Profile` from a parsed profile file, checked against the registry."""
    spec = _structure(data, label)
    base = _base(spec.extends, label, chain) if spec.extends is not None else None
    rules = all_rules()
    codes = {r.code for r in rules}
    severity: dict[str, Severity] = dict(base.severity) if base else {}
    for key, value in spec.severity.items():
        code = key.strip().upper()
        if code not in codes:
            raise ProfileError(
                f"profile {label}: [severity] {key!r} is not a rule code"
                + _did_you_mean(code, sorted(codes)),
                file=label,
            )
        severity[code] = _severity(value, f"[severity] {key}", label)
    for key, selectors in (("select", spec.select), ("ignore", spec.ignore)):
        try:
            _check_selectors(rules, selectors or ())
        except UnknownRuleError as exc:
            raise ProfileError(f"profile {label}: {key}: {exc}", file=label) from None
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
        raise ProfileError(f"profile {label}: extends {extends!r}: {exc}", file=label) from None


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


def _toml(text: str, label: str) -> dict[str, Any]:
    """Parse TOML; a syntax error names the file and line."""
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
        where = f"line {line}" + (f", column {column}" if column else "")
        raise ProfileError(
            f"profile {label}, {where}: invalid TOML: {message}", file=label
        ) from None
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
            raise UnknownProfileError(f"profile file {name_or_path} does not exist")
        identity, label, default_name = str(path.resolve()), name_or_path, path.stem
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ProfileError(f"profile {label}: cannot read it: {exc}", file=label) from None
    else:
        raise UnknownProfileError(
            f"no profile named {name_or_path!r}"
            + _did_you_mean(name_or_path, builtin_profiles())
            + f" (built-in profiles: {', '.join(builtin_profiles())}; a profile file"
            " is a path ending in .toml)"
        )
    if identity in chain:
        raise ProfileError(
            f"profile {label}: extends itself ({' -> '.join([*chain, identity])})", file=label
        )
    return _parse(_toml(text, label), label, default_name, (*chain, identity))
