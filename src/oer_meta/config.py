"""Configuration files: ``[tool.oer-meta]`` in ``pyproject.toml``, ``oer-meta.toml`` or
``.oer-meta.toml`` (docs/configuration.md).

As in ruff, each file checked takes the settings of the nearest configuration file in
its folder or a folder above it, without merging files; a ``pyproject.toml`` without a
``[tool.oer-meta]`` table is passed over.  ``--config FILE`` names one file for every
input and ``--isolated`` reads none.  A configuration is a profile (``profile``, by
default ``unesco``) with one more selection layer (``select``, ``ignore``,
``extend-select``), its severities and failing threshold, plus what only a run needs:
``per-file-ignores``, the ``include``/``exclude`` globs used when folders are walked, and
the defaults of ``--lang``, ``--format`` and ``--jobs``.

A file is checked when it is loaded (:class:`ConfigFile`, shared keys with profile
files in :class:`~oer_meta.profiles.RuleKeys`): an unknown key, a wrong type, a rule
code no rule has or a selector that picks nothing is an error naming the file, the key
and the nearest valid spelling.  ``python -m oer_meta.config`` prints the JSON Schema
published as ``schemas/config.schema.json``.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from functools import cache
from pathlib import Path
from typing import Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field

from oer_meta.checks.registry import get_rule
from oer_meta.errors import OerMetaError, UnknownProfileError
from oer_meta.i18n import joined, msg, said
from oer_meta.profiles import (
    DEFAULT_PROFILE,
    Profile,
    ProfileError,
    RuleKeys,
    Selection,
    _did_you_mean,
    _looks_like_path,
    _problem,
    _severity,
    _toml,
    check_keys,
    check_selectors,
    framed,
    load_profile,
    matches,
    parse_severities,
)
from oer_meta.readers.dispatch import METADATA_SUFFIXES, walk
from oer_meta.severity import Severity

__all__ = [
    "CONFIG_FILES",
    "DEFAULT_EXCLUDE",
    "DEFAULT_INCLUDE",
    "ConfigError",
    "ConfigFile",
    "Discovery",
    "Settings",
    "config_schema",
    "load_config",
]

#: The file names looked for in each folder, the first found winning (as ruff's
#: ``.ruff.toml``, ``ruff.toml``, ``pyproject.toml``).
CONFIG_FILES = (".oer-meta.toml", "oer-meta.toml", "pyproject.toml")

#: Never walked into or read when a folder is walked (``exclude`` replaces them,
#: ``extend-exclude`` adds to them): version control, virtual environments, caches,
#: JSON Schema files and JSON-LD context files, which are JSON but not records.
DEFAULT_EXCLUDE: tuple[str, ...] = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    ".tox",
    ".nox",
    "node_modules",
    "__pycache__",
    "*.schema.json",
    "context.json",
    "context.jsonld",
    "*.context.json",
    "*.context.jsonld",
)

#: JSON files at most this big are looked into when a folder is walked, to pass over
#: JSON Schemas and JSON-LD context documents whatever their names (:func:`not_a_record`).
SNIFF_LIMIT = 1 << 20
_JSON_ENDINGS = (".json", ".jsonld", ".json-ld")

#: The files read when a folder is walked: the metadata endings.
DEFAULT_INCLUDE: tuple[str, ...] = tuple(f"*{suffix}" for suffix in sorted(METADATA_SUFFIXES))

LANGUAGES = ("en", "fr")
_SEVERITIES_SPELLED = ("error", "warning", "info")


class ConfigError(ProfileError):
    """A configuration file is not valid: TOML syntax, an unknown key, a wrong type, a
    rule code or selector that names nothing, a profile that does not exist.  ``file``
    names it; the message names the key and the nearest valid spelling."""


class LimitKeys(BaseModel):
    """The ``[limits]`` table: the reader's resource limits (docs/limits.md); each key
    is the ``--max-...`` option of the same name."""

    model_config = ConfigDict(title="limits", extra="forbid", strict=True, frozen=True)

    max_file_size: int | None = Field(
        default=None, ge=1, alias="max-file-size", description="bytes; default no limit"
    )
    max_values_per_field: int | None = Field(
        default=None, ge=1, alias="max-values-per-field", description="default 10000"
    )
    max_values_per_record: int | None = Field(
        default=None, ge=1, alias="max-values-per-record", description="default 100000"
    )
    max_records_per_file: int | None = Field(
        default=None, ge=1, alias="max-records-per-file", description="default no limit"
    )
    max_depth: int | None = Field(default=None, ge=1, alias="max-depth", description="default 100")
    max_seconds_per_record: float | None = Field(
        default=None, gt=0, alias="max-seconds-per-record", description="default 30"
    )

    def changes(self) -> dict[str, Any]:
        """The keys set, as ``ReadLimits`` fields."""
        names = {"max_file_size": "max_file_bytes"}
        return {
            names.get(key, key): value
            for key, value in self.model_dump().items()
            if value is not None
        }


class ConfigFile(RuleKeys):
    """The keys of a configuration: the top level of ``oer-meta.toml`` and
    ``.oer-meta.toml``, the ``[tool.oer-meta]`` table of ``pyproject.toml``."""

    model_config = ConfigDict(
        title="oer-meta configuration", extra="forbid", strict=True, frozen=True
    )

    profile: str | None = Field(
        default=None,
        description="built-in profile name or profile TOML file (relative to this file)"
        f" to start from; default {DEFAULT_PROFILE}",
    )
    extend_select: list[str] | None = Field(
        default=None, alias="extend-select", description="selectors added to the selection"
    )
    per_file_ignores: dict[str, list[str]] = Field(
        default_factory=dict,
        alias="per-file-ignores",
        description="glob (relative to this file's folder) -> selectors ignored there",
    )
    include: list[str] | None = Field(
        default=None, description="globs of the files read when a folder is walked"
    )
    exclude: list[str] | None = Field(
        default=None, description="globs never walked into or read (replaces the defaults)"
    )
    extend_exclude: list[str] | None = Field(
        default=None, alias="extend-exclude", description="globs added to exclude"
    )
    language: Literal["en", "fr"] | None = Field(
        default=None, description="language of messages (default of --lang)"
    )
    format: str | None = Field(default=None, description="default of --format")
    jobs: int | None = Field(
        default=None,
        ge=0,
        description="worker processes (default of --jobs; 0: one per core)",
    )
    limits: LimitKeys | None = Field(
        default=None, description="reader resource limits (docs/limits.md)"
    )


#: Every key a configuration may hold, as it is spelled in the file.
CONFIG_KEYS: tuple[str, ...] = (
    "profile",
    "select",
    "ignore",
    "extend-select",
    "severity",
    "fail-on",
    "per-file-ignores",
    "include",
    "exclude",
    "extend-exclude",
    "language",
    "format",
    "jobs",
    "limits",
)


def _table_schema(table: dict[str, Any]) -> dict[str, Any]:
    """A nested table's schema with TOML's shapes: no nulls, no titles."""
    keys: dict[str, Any] = {}
    for key, spec in table["properties"].items():
        spec = dict(spec)
        branches = [b for b in spec.pop("anyOf", []) if b.get("type") != "null"]
        if branches:
            spec.update(branches[0])
        if spec.get("default") is None:
            spec.pop("default", None)
        spec.pop("title", None)
        keys[key] = spec
    return {"type": "object", "additionalProperties": False, "properties": keys}


def config_schema() -> dict[str, Any]:
    """The JSON Schema of a configuration (``schemas/config.schema.json``), for editors:
    generated from :class:`ConfigFile`, with TOML's shapes (no nulls) and the values
    the loader accepts written out (severities, ``fail-on`` and its ``fail_on``
    spelling)."""
    schema = ConfigFile.model_json_schema(by_alias=True, mode="validation")
    properties: dict[str, Any] = {}
    for key, spec in schema["properties"].items():
        branches = [b for b in spec.pop("anyOf", []) if b.get("type") != "null"]
        if branches:
            spec.update(branches[0])
        if spec.get("default") is None:
            spec.pop("default", None)
        spec.pop("title", None)
        ref = spec.pop("$ref", None)
        if ref is not None:  # a table ([limits]): written out in place
            spec = {**_table_schema(schema["$defs"][ref.rsplit("/", 1)[-1]]), **spec}
        properties[key] = spec
    severity = {"enum": list(_SEVERITIES_SPELLED)}
    fail_on = {**properties.pop("fail_on"), **severity}
    properties["fail-on"] = fail_on
    properties["fail_on"] = {**fail_on, "description": "the same as fail-on"}
    properties["severity"]["additionalProperties"] = severity
    ordered = {key: properties[key] for key in (*CONFIG_KEYS, "fail_on")}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://oer-meta.example/schemas/config.schema.json",
        "title": schema["title"],
        "description": (
            "oer-meta configuration: the top level of oer-meta.toml or .oer-meta.toml, or"
            " the [tool.oer-meta] table of pyproject.toml (docs/configuration.md)"
        ),
        "type": "object",
        "additionalProperties": False,
        "properties": ordered,
    }


# -- globs ------------------------------------------------------------------------------


@cache
def _segments(pattern: str) -> tuple[str, ...]:
    return tuple(part for part in pattern.strip("/").lower().split("/") if part)


def _glob(pattern: tuple[str, ...], path: tuple[str, ...]) -> bool:
    """Whether ``path`` (names) matches ``pattern`` segment by segment; ``**`` matches
    any number of names.  A set of positions in the pattern is carried along the path,
    so the work is linear in the path's length, whatever the pattern."""
    states = _closure({0}, pattern)
    for name in path:
        following: set[int] = set()
        for at in states:
            if at == len(pattern):
                continue
            if pattern[at] == "**":
                following.add(at)  # ** takes this name too
            elif fnmatchcase(name, pattern[at]):
                following.add(at + 1)
        states = _closure(following, pattern)
        if not states:
            return False
    return len(pattern) in states


def _closure(states: set[int], pattern: tuple[str, ...]) -> set[int]:
    """The positions reachable by letting a ``**`` match no name at all."""
    out = set(states)
    for at in states:
        while at < len(pattern) and pattern[at] == "**":
            at += 1
            out.add(at)
    return out


def path_matches(pattern: str, parts: tuple[str, ...]) -> bool:
    """Does ``pattern`` match the path ``parts`` (relative to a configuration's folder)?

    A pattern without ``/`` matches any one folder or file name on the path (``venv``,
    ``*.schema.json``); one with ``/`` matches the path from the configuration's folder,
    or a folder that holds it (``legacy/old`` matches ``legacy/old/a.xml``).  Case is
    not significant."""
    low = tuple(part.lower() for part in parts)
    segments = _segments(pattern)
    if not segments:
        return False
    if "/" not in pattern.strip("/"):
        return any(fnmatchcase(name, segments[0]) for name in low)
    return any(_glob(segments, low[:end]) for end in range(1, len(low) + 1))


def _absolute(path: str | os.PathLike[str]) -> Path:
    """``path`` made absolute with ``..`` folded, links left alone (a folder above a
    link is the one the user sees, as ruff looks for configurations)."""
    return Path(os.path.normpath(Path(path).absolute()))


# -- settings ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """What a configuration file says (or the defaults, ``source`` ``None``)."""

    root: Path
    source: Path | None = None
    profile: str = DEFAULT_PROFILE
    selection: Selection | None = None
    severity: Mapping[str, Severity] = field(default_factory=dict)
    fail_on: Severity | None = None
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    language: str | None = None
    format: str | None = None
    jobs: int | None = None
    #: ``ReadLimits`` fields the ``[limits]`` table sets
    limits: Mapping[str, Any] = field(default_factory=dict)

    def build_profile(
        self,
        *,
        profile: str | None = None,
        select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        extend_select: Iterable[str] = (),
        fail_on: str | None = None,
    ) -> Profile:
        """The profile to run: the configuration's over its base profile, then the
        command line's options over both (``profile`` replaces the base)."""
        base = load_profile(profile or self.profile)
        layers = base.overrides + ((self.selection,) if self.selection else ())
        configured = dataclasses.replace(
            base,
            overrides=layers,
            severity={**base.severity, **self.severity},
            fail_on=self.fail_on or base.fail_on,
        )
        adjusted = configured.adjusted(
            select=select, ignore=ignore, extend_select=extend_select, fail_on=fail_on
        )
        adjusted.rules()  # fail early on selectors that name nothing
        return adjusted

    def _parts(self, path: Path) -> tuple[str, ...]:
        absolute = _absolute(path)
        try:
            return absolute.relative_to(self.root).parts
        except ValueError:
            return (absolute.name,)

    def excluded(self, path: Path) -> bool:
        """Is ``path`` excluded by one of the ``exclude`` globs?"""
        parts = self._parts(path)
        return any(path_matches(pattern, parts) for pattern in self.exclude)

    def included(self, path: Path) -> bool:
        """Is the file ``path`` one the ``include`` globs read when a folder is walked?
        A glob without ``/`` is matched against the file's name, one with ``/``
        against its whole path from the configuration's folder."""
        parts = tuple(part.lower() for part in self._parts(path))
        for pattern in self.include:
            segments = _segments(pattern)
            if "/" in pattern.strip("/"):
                if _glob(segments, parts):
                    return True
            elif segments and fnmatchcase(parts[-1], segments[0]):
                return True
        return False

    def ignored_here(self, source: str | None) -> tuple[str, ...]:
        """The selectors ``per-file-ignores`` ignores in the file ``source``."""
        if not self.per_file_ignores or source is None:
            return ()
        parts = self._parts(Path(source))
        return tuple(
            selector
            for pattern, selectors in self.per_file_ignores
            if path_matches(pattern, parts)
            for selector in selectors
        )

    def keeps(self, code: str, source: str | None) -> bool:
        """Whether a finding of ``code`` in ``source`` is kept by ``per-file-ignores``."""
        ignored = self.ignored_here(source)
        if not ignored:
            return True
        rule = get_rule(code)
        return not any(matches(rule, selector) for selector in ignored)

    def check_choice(self, key: str, value: str, choices: Iterable[str]) -> None:
        """Refuse ``key = value`` unless it is one of ``choices`` (the CLI knows which
        output formats exist), naming the file and the nearest choice."""
        choices = list(choices)
        if value in choices:
            return
        label = str(self.source) if self.source else "(defaults)"
        problem = said(
            "{key} = {value!r} is not one of {choices}{hint}",
            key=key,
            value=value,
            choices=", ".join(choices),
            hint=_did_you_mean(value, choices),
        )
        raise ConfigError(framed("config", label, problem), file=label)


def _table(path: Path, data: dict[str, Any]) -> tuple[dict[str, Any] | None, str]:
    """The configuration table of a parsed file (``None``: a pyproject.toml without
    ``[tool.oer-meta]``) and how messages name it."""
    if path.name != "pyproject.toml":
        return data, ""
    tool = data.get("tool")
    if not isinstance(tool, dict) or "oer-meta" not in tool:
        return None, ""
    table = tool["oer-meta"]
    if not isinstance(table, dict):
        label = str(path)
        problem = said("[tool.oer-meta] must be a table")
        raise ConfigError(framed("config", label, problem), file=label)
    return table, "[tool.oer-meta] "


def _read(path: Path) -> dict[str, Any]:
    label = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problem = said("cannot read it: {error}", error=str(exc))
        raise ConfigError(framed("config", label, problem), file=label) from None
    return _toml(text, label, kind="config", error=ConfigError)


def load_config(path: Path, *, required: bool = True) -> Settings | None:
    """The settings of the configuration file ``path``; ``None`` for a pyproject.toml
    without ``[tool.oer-meta]`` unless ``required`` (``--config``), which refuses it."""
    path = _absolute(path)
    label = str(path)
    table, where = _table(path, _read(path))
    if table is None:
        if not required:
            return None
        problem = said("has no [tool.oer-meta] table")
        raise ConfigError(framed("config", label, problem), file=label)
    spec = check_keys(
        table, label, ConfigFile, CONFIG_KEYS, kind="config", error=ConfigError, table=where
    )
    check_selectors(
        label,
        {
            f"{where}select": spec.select,
            f"{where}ignore": spec.ignore,
            f"{where}extend-select": spec.extend_select,
            **{f"{where}[per-file-ignores] {k!r}": v for k, v in spec.per_file_ignores.items()},
        },
        kind="config",
        error=ConfigError,
    )
    profile = spec.profile or DEFAULT_PROFILE
    if spec.profile is not None and _looks_like_path(spec.profile):
        profile = os.path.normpath(path.parent / spec.profile)
    try:
        load_profile(profile)
    except UnknownProfileError as exc:
        problem = said("{table}profile: {problem}", table=where, problem=_problem(exc))
        raise ConfigError(framed("config", label, problem), file=label) from None
    fail_on = None
    if spec.fail_on is not None:
        key = f"{where}fail-on"
        fail_on = _severity(spec.fail_on, key, label, kind="config", error=ConfigError)
    selection = None
    if spec.select is not None or spec.ignore or spec.extend_select:
        selection = Selection(
            tuple(spec.select) if spec.select is not None else None,
            tuple(spec.ignore or ()),
            tuple(spec.extend_select or ()),
        )
    exclude = tuple(spec.exclude) if spec.exclude is not None else DEFAULT_EXCLUDE
    return Settings(
        root=path.parent,
        source=path,
        profile=profile,
        selection=selection,
        severity=parse_severities(
            spec.severity, label, kind="config", error=ConfigError, table=where
        ),
        fail_on=fail_on,
        per_file_ignores=tuple((k, tuple(v)) for k, v in spec.per_file_ignores.items()),
        include=tuple(spec.include) if spec.include is not None else DEFAULT_INCLUDE,
        exclude=exclude + tuple(spec.extend_exclude or ()),
        language=spec.language,
        format=spec.format,
        jobs=spec.jobs,
        limits=spec.limits.changes() if spec.limits is not None else {},
    )


class Discovery:
    """Which settings each input takes: the nearest configuration file above it
    (looked up once per folder), the one ``config`` names, or none (``isolated``)."""

    def __init__(self, *, config: str | Path | None = None, isolated: bool = False) -> None:
        if config is not None and isolated:
            raise OerMetaError(said("--config and --isolated cannot be used together"))
        self._fixed: Settings | None = None
        if isolated:
            self._fixed = Settings(root=_absolute(Path.cwd()))
        elif config is not None:
            if not Path(config).is_file():
                missing = said("config file {path} does not exist", path=str(config))
                raise ConfigError(missing, file=str(config))
            self._fixed = load_config(Path(config))
        self._folders: dict[Path, Settings] = {}

    def for_folder(self, folder: Path) -> Settings:
        """The settings of the nearest configuration at or above ``folder``."""
        if self._fixed is not None:
            return self._fixed
        folder = _absolute(folder)
        known = self._folders.get(folder)
        if known is not None:
            return known
        found: Settings | None = None
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                found = load_config(candidate, required=False)
                if found is not None:
                    break
        if found is None:
            parent = folder.parent
            found = Settings(root=folder) if parent == folder else self.for_folder(parent)
        self._folders[folder] = found
        return found

    def for_path(self, path: Path) -> Settings:
        """The settings of a file (its folder's) or of a folder."""
        absolute = _absolute(path)
        return self.for_folder(absolute if absolute.is_dir() else absolute.parent)

    def files(self, paths: Iterable[Path], *, force_exclude: bool = False) -> Iterator[Path]:
        """The files to check: folders walked with each folder's settings (``include``,
        ``exclude``); a file named explicitly is kept unless ``force_exclude``."""
        for path in paths:
            if path.is_dir():
                yield from walk(path, self._keep)
            elif not (force_exclude and self.for_path(path).excluded(path)):
                yield path

    def _keep(self, path: Path, is_folder: bool) -> bool:
        settings = self.for_folder(path.parent)
        if settings.excluded(path):
            return False
        return is_folder or (settings.included(path) and not not_a_record(path))


def not_a_record(path: Path) -> bool:
    """Whether a JSON file met in a walked folder is a JSON Schema (it has ``$schema``)
    or a JSON-LD context document (nothing but ``@context``, ``@id``, ``@version``):
    the reader would say so (STD001), but they sit beside records in repositories and
    are not records.  Files over :data:`SNIFF_LIMIT` are never looked into."""
    if not path.name.lower().endswith(_JSON_ENDINGS):
        return False
    try:
        if not path.is_file() or path.stat().st_size > SNIFF_LIMIT:
            return False
        data = path.read_bytes()
    except OSError:
        return False  # the reader will say why it cannot be read
    head = data[:4096]
    if b'"$schema"' not in head and b'"@context"' not in head:
        return False
    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError:
        return False
    if not isinstance(value, dict) or not value:
        return False
    return "$schema" in value or value.keys() <= {"@context", "@id", "@version"}


def describe(
    settings: Settings, profile: Profile, inputs: int | None = None, lang: str = "en"
) -> str:
    """The resolved settings, for ``--show-settings`` (``inputs``: how many of the
    inputs take them), labelled in ``lang``; the configuration's keys keep their names."""
    default = msg("(default)")
    codes = [r.code for r in profile.rules()]
    severities = ", ".join(f"{code}={sev.value}" for code, sev in sorted(profile.severity.items()))
    ignores = [f"{glob} -> {','.join(codes)}" for glob, codes in settings.per_file_ignores]
    lines = [
        msg(
            "config file: {source}",
            source=str(settings.source) if settings.source else msg("none (defaults)"),
        ),
        *([msg("inputs: {count}", count=inputs)] if inputs is not None else []),
        msg("profile: {name}", name=profile.name),
        msg("rules ({count}): {codes}", count=len(codes), codes=" ".join(codes)),
        msg("severity: {severities}", severities=severities or msg("(rule defaults)")),
        msg("fail-on: {severity}", severity=profile.fail_on.value),
        msg(
            "per-file-ignores: {ignores}",
            ignores=joined("; ", ignores) if ignores else msg("(none)"),
        ),
        msg("include: {globs}", globs=" ".join(settings.include)),
        msg("exclude: {globs}", globs=" ".join(settings.exclude)),
        msg("language: {language}", language=settings.language or default),
        msg("format: {format}", format=settings.format or default),
        msg("jobs: {jobs}", jobs=settings.jobs if settings.jobs is not None else default),
    ]
    return "\n".join(line.render(lang) for line in lines) + "\n"


if __name__ == "__main__":  # python -m oer_meta.config > schemas/config.schema.json
    print(json.dumps(config_schema(), indent=2, ensure_ascii=False))
