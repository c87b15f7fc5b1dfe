"""Profiles: named selections of rules with their own severities.

As in MetaDIG's suites, one rule serves several profiles and the profile decides how
much it matters.  Built-in profiles are TOML files in ``oer_meta/data/profiles``; a
path to a TOML file of the same shape works too::

    name = "my-repo"
    extends = "unesco"          # optional: start from another profile
    select = ["ALL"]            # codes, prefixes (STD, DISC00), areas (AA3 or 3)
    ignore = ["DISC006"]
    fail_on = "warning"
    [severity]
    DISC003 = "error"
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from oer_meta.checks.registry import Rule, all_rules
from oer_meta.errors import UnknownProfileError, UnknownRuleError, UsageError
from oer_meta.severity import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

DEFAULT_PROFILE = "unesco"


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
        """The severity this profile gives the rule."""
        return self.severity.get(rule.code, rule.severity)

    def adjusted(
        self,
        *,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        fail_on: str | Severity | None = None,
    ) -> Profile:
        """A copy with ``select`` replacing the selection, ``ignore`` added to it and
        another failing threshold; the profile itself when nothing changes."""
        if not select and not ignore and fail_on is None:
            return self
        return Profile(
            name=self.name,
            description=self.description,
            select=tuple(select) if select else self.select,
            ignore=self.ignore + tuple(ignore or ()),
            severity=self.severity,
            fail_on=Severity.parse(fail_on) if fail_on is not None else self.fail_on,
        )


def matches(rule: Rule, selector: str) -> bool:
    """Does ``selector`` (``ALL``, a code, a code prefix, ``AA3`` or ``3``) pick ``rule``?"""
    value = selector.strip().upper()
    if value == "ALL":
        return True
    if value.startswith("AA") and value[2:].isdigit():
        value = value[2:]
    if value.isdigit():
        return any(int(area) == int(value) for area in rule.areas)
    return rule.code.startswith(value)


def _check_selectors(rules: list[Rule], selectors: Iterable[str]) -> None:
    for selector in selectors:
        value = selector.strip().upper()
        area = value[2:] if value.startswith("AA") else value
        if area.isdigit() and 1 <= int(area) <= 5:
            continue
        if not any(matches(r, selector) for r in rules):
            raise UnknownRuleError(
                f"{selector!r} names no rule code, code prefix or action area (AA1-AA5)"
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


def _parse(data: Mapping[str, Any], origin: str) -> Profile:
    base = load_profile(str(data["extends"])) if "extends" in data else None
    try:
        severity = {
            str(code).upper(): Severity.parse(str(value))
            for code, value in dict(data.get("severity", {})).items()
        }
    except UsageError as exc:
        raise UnknownProfileError(f"profile {origin}: {exc}") from None
    if base is not None:
        severity = {**base.severity, **severity}
    return Profile(
        name=str(data.get("name", origin)),
        description=str(data.get("description", base.description if base else "")),
        select=tuple(data.get("select", base.select if base else ("ALL",))),
        ignore=tuple(data.get("ignore", base.ignore if base else ())),
        severity=severity,
        fail_on=Severity.parse(str(data.get("fail_on", base.fail_on if base else "error"))),
    )


def builtin_profiles() -> list[str]:
    """Names of the profiles shipped with oer_meta."""
    folder = resources.files("oer_meta").joinpath("data").joinpath("profiles")
    return sorted(
        p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml")
    )


@cache
def load_profile(name_or_path: str = DEFAULT_PROFILE) -> Profile:
    """A built-in profile by name, or a profile TOML file by path."""
    if name_or_path in builtin_profiles():
        text = (
            resources.files("oer_meta")
            .joinpath("data")
            .joinpath("profiles")
            .joinpath(f"{name_or_path}.toml")
            .read_text(encoding="utf-8")
        )
        return _parse(tomllib.loads(text), name_or_path)
    path = Path(name_or_path)
    if path.suffix == ".toml" and path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise UnknownProfileError(f"cannot read profile {path}: {exc}") from None
        return _parse(data, path.stem)
    raise UnknownProfileError(
        f"no profile named {name_or_path!r}; built-in profiles: {', '.join(builtin_profiles())}"
    )
