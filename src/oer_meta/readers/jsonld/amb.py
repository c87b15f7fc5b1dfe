"""Note where a JSON-LD record breaks the shape the AMB profile gives it.

AMB's constraints are about the JSON as written (an array where one value would mean
the same in JSON-LD, a licence object rather than a URL string), which the normalised
Record does not keep.  The reader therefore walks each top-level JSON-LD record against
:data:`oer_meta.knowledge.amb.AMB` and notes every violated constraint on
``Record.amb_problems``, as a :class:`Problem` whose ``rule`` is one of the AMB codes;
the ``AMB`` rule pack turns them into findings, and only the ``amb`` profile selects
that pack (docs/profiles.md).
Walking is cheap and bounded by the record's size; nothing is fetched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from oer_meta.i18n import N_, joined, marked, said
from oer_meta.knowledge.amb import (
    AMB,
    AMB_CONTEXT,
    Arr,
    Bool,
    LanguageCode,
    LanguageMap,
    Obj,
    Shape,
    Str,
    is_date,
    is_language_code,
    is_uri,
)
from oer_meta.model import Location, Problem
from oer_meta.readers.jsonld.pointer import escape_token

#: The codes the walker notes (declared with their docs in ``checks/amb.py``).
MISSING = "AMB001"
NOT_ARRAY = "AMB002"
WRONG_TYPE = "AMB003"
NOT_ALLOWED = "AMB004"
CONTEXT = "AMB005"

_AMB_PROFILE = "https://dini-ag-kim.github.io/amb/latest/"
#: Values longer than this are cut in messages.
_SHOWN = 60


def _show(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return N_("a boolean")
    if isinstance(value, (int, float)):
        return N_("a number")
    if isinstance(value, str):
        return N_("a string")
    if isinstance(value, list):
        return N_("an array")
    if isinstance(value, dict):
        return N_("an object")
    return type(value).__name__


def _path(ptr: str, base: str) -> str:
    """The property path relative to the record, for messages (``creator/0/name``)."""
    rel = ptr[len(base) :] if ptr.startswith(base) else ptr
    return rel.lstrip("/") or "(the record)"


class _Walk:
    """One walk of one record; ``problems`` collects what it notes."""

    def __init__(self, base: str, where: Callable[[str], Location]) -> None:
        self.base = base
        self.where = where
        self.problems: list[Problem] = []

    def note(
        self, rule: str, ptr: str, message: str, hint: str | None = None, key: str | None = None
    ) -> None:
        """Note a problem; ``key`` is the property concerned when ``ptr`` is the object
        that lacks it (the source field is else the top-level property of ``ptr``)."""
        top = key or _path(ptr, self.base).split("/", 1)[0]
        self.problems.append(
            Problem(
                rule=rule,
                message=said("AMB: {message}", message=message),
                hint=hint or said("see the AMB profile: {url}", url=_AMB_PROFILE),
                source_field=top,
                location=self.where(ptr),
            )
        )

    def value(self, value: Any, shape: Shape, ptr: str) -> None:
        """Check one value against its shape; an array where a single value stands (or
        the reverse) is noted and its content still checked."""
        name = _path(ptr, self.base)
        if isinstance(shape, Arr):
            if not isinstance(value, list):
                self.note(
                    NOT_ARRAY,
                    ptr,
                    said(
                        '"{name}" must be an array, even for one value; it is {kind}',
                        name=name,
                        kind=marked(_json_type(value)),
                    ),
                    hint=said(
                        "wrap the value in [ ]: {example}",
                        example=f'"{name.rsplit("/", 1)[-1]}": [ ... ]',
                    ),
                )
                self.value(value, shape.items, ptr)
                self._contains([value], shape, ptr, name)
                return
            for index, item in enumerate(value):
                self.value(item, shape.items, f"{ptr}/{index}")
            self._contains(value, shape, ptr, name)
        elif isinstance(shape, Obj):
            if not isinstance(value, dict):
                self._wrong(value, shape, ptr, name)
                return
            self.object(value, shape, ptr)
        elif isinstance(shape, Str):
            if not isinstance(value, str):
                self._wrong(value, shape, ptr, name)
                return
            self._string(value, shape, ptr, name)
        elif isinstance(shape, Bool):
            if not isinstance(value, bool):
                self._wrong(value, shape, ptr, name)
        elif isinstance(shape, LanguageCode):
            if not isinstance(value, str):
                self._wrong(value, shape, ptr, name)
            elif not is_language_code(value):
                self.note(
                    NOT_ALLOWED,
                    ptr,
                    said(
                        '"{name}" is {value}, not {expected}',
                        name=name,
                        value=_show(value),
                        expected=marked(shape.label),
                    ),
                    hint=said("write the two-letter code alone (de, en, fr), without region"),
                )
        elif isinstance(shape, LanguageMap):
            self._language_map(value, shape, ptr, name)

    def _wrong(
        self, value: Any, shape: Shape, ptr: str, name: str, hint: str | None = None
    ) -> None:
        self.note(
            WRONG_TYPE,
            ptr,
            said(
                '"{name}" must be {expected}; it is {kind} ({value})',
                name=name,
                expected=marked(shape.label),
                kind=marked(_json_type(value)),
                value=_show(value),
            ),
            hint=hint,
        )

    def object(self, node: dict[Any, Any], shape: Obj, ptr: str) -> None:
        """Check the required keys, then each known property."""
        name = _path(ptr, self.base)
        for key in shape.required:
            if key not in node:
                self.note(
                    MISSING,
                    ptr,
                    said('the record has no "{key}", which AMB requires', key=key)
                    if ptr == self.base
                    else said('"{name}" has no "{key}", which AMB requires', name=name, key=key),
                    key=key if ptr == self.base else None,
                )
        for group in shape.any_of_keys:
            if not any(key in node for key in group):
                alternatives = joined(" nor ", (f'"{key}"' for key in group))
                self.note(
                    MISSING,
                    ptr,
                    said(
                        '"{name}" has neither {alternatives}: AMB requires one',
                        name=name,
                        alternatives=alternatives,
                    ),
                )
        for key, value in node.items():
            sub = shape.properties.get(key) if isinstance(key, str) else None
            if sub is not None:
                self.value(value, sub, f"{ptr}/{escape_token(key)}")

    def _string(self, value: str, shape: Str, ptr: str, name: str) -> None:
        if shape.enum and value not in shape.enum:
            allowed = sorted(shape.enum)
            listed = ", ".join(allowed[:6]) + ("..." if len(allowed) > 6 else "")
            self.note(
                NOT_ALLOWED,
                ptr,
                said(
                    '"{name}" is {value}, not one of AMB\'s values ({listed})',
                    name=name,
                    value=_show(value),
                    listed=listed,
                ),
            )
        elif shape.uri and not is_uri(value):
            self.note(
                NOT_ALLOWED,
                ptr,
                said('"{name}" is {value}, not a URI', name=name, value=_show(value)),
            )
        elif shape.date and not is_date(value):
            self.note(NOT_ALLOWED, ptr, self._not(name, value, shape.label))
        elif shape.pattern is not None and re.fullmatch(shape.pattern, value) is None:
            self.note(NOT_ALLOWED, ptr, self._not(name, value, shape.means))

    @staticmethod
    def _not(name: str, value: Any, expected: str) -> str:
        return said(
            '"{name}" is {value}, not {expected}',
            name=name,
            value=_show(value),
            expected=marked(expected),
        )

    def _contains(self, items: list[Any], shape: Arr, ptr: str, name: str) -> None:
        if shape.contains_value is not None and shape.contains_value not in items:
            self.note(
                NOT_ALLOWED,
                ptr,
                said(
                    '"{name}" does not list "{value}", which AMB requires',
                    name=name,
                    value=shape.contains_value,
                ),
                hint=said('add "{value}" to "{name}"', value=shape.contains_value, name=name),
            )
        if shape.contains_prefixes and not any(
            isinstance(item, dict)
            and isinstance(item.get("id"), str)
            and item["id"].startswith(shape.contains_prefixes)
            for item in items
        ):
            self.note(
                NOT_ALLOWED,
                ptr,
                said(
                    'no "{name}" value is a concept of the vocabularies AMB names ({prefixes})',
                    name=name,
                    prefixes=", ".join(shape.contains_prefixes),
                ),
                hint=said("add the concept of one of these vocabularies (other concepts may stay)"),
            )

    def _language_map(self, value: Any, shape: LanguageMap, ptr: str, name: str) -> None:
        if not isinstance(value, dict):
            example = '"prefLabel": {"de": "..."}'
            hint = said("give the label with its language: {example}", example=example)
            self._wrong(value, shape, ptr, name, hint)
            return
        for key, text in value.items():
            key_ptr = f"{ptr}/{escape_token(str(key))}"
            if not is_language_code(str(key)):
                self.note(
                    NOT_ALLOWED,
                    key_ptr,
                    said(
                        '"{name}" has the key {key}, not a language code', name=name, key=_show(key)
                    ),
                )
            elif not isinstance(text, str):
                self.note(
                    WRONG_TYPE,
                    key_ptr,
                    said(
                        '"{name}" must be a string; it is {kind}',
                        name=f"{name}/{key}",
                        kind=marked(_json_type(text)),
                    ),
                )

    def context(self, node: dict[Any, Any]) -> None:
        """AMB's ``@context``: an array naming the AMB context and a default language."""
        ptr = f"{self.base}/@context"
        value = node.get("@context")
        hint = said("write {shape}", shape=f'"@context": ["{AMB_CONTEXT}", {{"@language": "de"}}]')
        if "@context" not in node:
            self.note(
                CONTEXT, self.base, said("the record has no @context"), hint=hint, key="@context"
            )
            return
        items = value if isinstance(value, list) else [value]
        if not isinstance(value, list):
            self.note(CONTEXT, ptr, said("@context must be an array"), hint=hint)
        if AMB_CONTEXT not in items:
            self.note(
                CONTEXT,
                ptr,
                said("@context does not name the AMB context {context}", context=AMB_CONTEXT),
                hint,
            )
        languages = [
            (index, item["@language"])
            for index, item in enumerate(items)
            if isinstance(item, dict) and "@language" in item
        ]
        if not languages:
            self.note(
                CONTEXT,
                ptr,
                said('the @context sets no default language ("@language")'),
                hint=said(
                    "add {example} (the language of the texts) to the @context array",
                    example='{"@language": "de"}',
                ),
            )
        for index, language in languages:
            if not isinstance(language, str) or not is_language_code(language):
                self.note(
                    CONTEXT,
                    f"{ptr}/{index}/@language" if isinstance(value, list) else f"{ptr}/@language",
                    said(
                        "the default language {value} is not {expected}",
                        value=_show(language),
                        expected=marked(LanguageCode().label),
                    ),
                    hint=said("AMB takes the two-letter code alone (de, not de-AT)"),
                )


def amb_problems(
    node: dict[Any, Any], pointer: str, where: Callable[[str], Location]
) -> Iterator[Problem]:
    """Every AMB constraint the record's JSON breaks, as problems at their pointers."""
    walk = _Walk(pointer, where)
    walk.context(node)
    walk.object(node, AMB, pointer)
    yield from walk.problems
