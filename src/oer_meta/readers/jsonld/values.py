"""Read the values of JSON-LD properties: texts, terms, links and licences.

A :class:`ValueReader` turns whatever a property holds (a string, a list, an ``@value``
object, a language map, a concept, a ``@list``) into model values that keep their JSON
Pointer and line.  A value of a datatype the property cannot hold is not guessed at:
it is noted as a ``STD002`` problem and left out.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Any

from oer_meta.i18n import N_, marked, said
from oer_meta.knowledge.licences.parse import parse_licence
from oer_meta.model import LicenceStatement, Location, Problem, Term, Text
from oer_meta.readers.base import Positioner
from oer_meta.readers.jsonld.context import Context, props
from oer_meta.readers.jsonld.fields import record_field, source_field
from oer_meta.readers.jsonld.pointer import escape_token
from oer_meta.readers.limits import DEFAULT_LIMITS, field_limit_problem

_LANGUAGE_TAG = re.compile(r"(?:[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*|@none)\Z")
_DOI = re.compile(r"(?:https?://(?:dx\.)?doi\.org/|doi:)?10\.\d{4,9}/\S+\Z", re.I)

#: ``props`` result: canonical name -> (key as written, value, pointer).
Props = dict[str, tuple[str, Any, str]]

#: What the licence parser makes of a link to a page that holds some terms but names
#: no licence it knows (a repository's LICENSE file, a site's licence page).
_PAGES_OF_TERMS = frozenset({"terms-of-use"})
GraphIndex = dict[str, tuple[dict[Any, Any], str]]


#: Gives ``(line, column)`` of the value at a document-relative JSON Pointer.


class Where:
    """Builds the :class:`Location` of a value from its document-relative pointer."""

    def __init__(self, file: str | None, positions: Positioner | None, prefix: str = "") -> None:
        self.file = file
        self.positions = positions
        self.prefix = prefix

    def __call__(self, pointer: str) -> Location:
        path = self.prefix + pointer
        if self.positions is None:
            return Location(file=self.file, path=path)
        line, column = self.positions(pointer)
        return Location(file=self.file, line=line, column=column, path=path)


def describe(value: Any) -> str:
    """A short name for the JSON datatype of ``value`` (for problem messages)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return N_("a boolean")
    if isinstance(value, (int, float)):
        return N_("a number")
    if isinstance(value, str):
        return N_("text")
    if isinstance(value, list):
        return N_("a list")
    return N_("an object")


def identifier_catalog(value: str) -> str | None:
    """The scheme an identifier is written in: ``doi``, ``handle``, ``urn``, ``url``."""
    text = value.strip()
    lower = text.lower()
    if _DOI.match(text):
        return "doi"
    if lower.startswith(("hdl:", "http://hdl.handle.net/", "https://hdl.handle.net/")):
        return "handle"
    if lower.startswith("urn:"):
        return "urn"
    if lower.startswith(("http://", "https://")):
        return "url"
    return None


def is_link(value: str) -> bool:
    """True for a value written as a URL, URN or DOI."""
    return value.strip().lower().startswith(("http://", "https://", "urn:", "doi:"))


class ValueReader:
    """Reads property values in one context, noting datatype problems in ``problems``.

    At most ``max_values`` values are read per field of the record (a field is a
    property path with the list positions left out: ``keywords``, ``creator/sameAs``);
    the rest are never turned into model values, and :meth:`limit_problems` says how
    many were dropped.
    """

    def __init__(
        self,
        ctx: Context,
        where: Where,
        graph: GraphIndex,
        problems: list[Problem],
        max_values: int = DEFAULT_LIMITS.max_values_per_field,
        base: str = "",
    ) -> None:
        self.ctx = ctx
        self.where = where
        self.graph = graph
        self.problems = problems
        self.max_values = max_values
        #: pointer of the record's node: field names are relative to it
        self.base = base
        self._seen: dict[str, int] = {}  # values met per field
        self._first_dropped: dict[str, str] = {}  # pointer of the first value dropped
        self._allowed: dict[int, int] = {}  # per list (by id): how many items are read
        #: the property being read, as written (``schema:license``): values' source_field
        self.field: str | None = None
        #: the top-level property being read (canonical name): problems' fallback field
        self.property: str | None = None

    def reading(self, name: str | None, field: str | None = None) -> None:
        """Say which property the next values come from (``field`` defaults to its
        ``schema:`` name)."""
        self.property = name
        self.field = field if field is not None or name is None else source_field(name)

    def allowed(self, value: object, ptr: str, count: int) -> int:
        """How many of the ``count`` values that ``value`` (at ``ptr``) holds are read.

        The answer is kept per value, so a list looked at twice counts once.
        """
        known = self._allowed.get(id(value))
        if known is not None:
            return known
        relative = ptr[len(self.base) :] if ptr.startswith(self.base) else ptr
        field = "/".join(t for t in relative.split("/") if t and not t.isdigit())
        seen = self._seen.get(field, 0)
        allowed = max(0, min(count, self.max_values - seen))
        self._seen[field] = seen + count
        if allowed < count:
            self._first_dropped.setdefault(field, f"{ptr}/{allowed}")
        self._allowed[id(value)] = allowed
        return allowed

    def limit_problems(self) -> list[Problem]:
        """One ``STD002`` problem per field that held more values than the limit."""
        return [
            field_limit_problem(
                field or "(the record)",
                self.max_values,
                self._seen[field] - self.max_values,
                self.where(pointer),
                record_field(field.split("/", 1)[0]) if field else None,
            )
            for field, pointer in self._first_dropped.items()
        ]

    def problem(self, message: str, ptr: str, field: str | None, hint: str | None = None) -> None:
        """Note a structure problem (``STD002``) at ``ptr``; ``field`` is the property
        as the context names it."""
        self.problems.append(
            Problem(
                rule="STD002",
                message=message,
                hint=hint,
                field=record_field(field) or record_field(self.property),
                source_field=source_field(field) if field else self.field,
                location=self.where(ptr),
            )
        )

    def wrong_type(self, field: str, value: Any, ptr: str, expected: str) -> None:
        """Note that ``field`` holds a datatype it cannot hold."""
        self.problem(
            said(
                "{field} holds {kind} where {expected} is expected; the value was not read",
                field=field,
                kind=marked(describe(value)),
                expected=marked(expected),
            ),
            ptr,
            field,
            hint=said("write {field} as {expected}", field=field, expected=marked(expected)),
        )

    def items(self, value: Any, ptr: str) -> list[tuple[Any, str]]:
        """The values of a property: list items, ``@list``/``@set`` members, or itself
        (list items beyond the field limit are left out)."""
        if isinstance(value, dict) and len(value) == 1:
            inner_key = next(iter(value))
            if inner_key in ("@list", "@set") and isinstance(value[inner_key], list):
                value, ptr = value[inner_key], f"{ptr}/{inner_key}"
        if isinstance(value, list):
            keep = self.allowed(value, ptr, len(value))
            return [(item, f"{ptr}/{i}") for i, item in enumerate(islice(value, keep))]
        return [(value, ptr)]

    def resolve(self, item: Any, ptr: str) -> tuple[Any, str]:
        """A node given only as ``{"@id": ...}`` replaced by its ``@graph`` node."""
        if isinstance(item, dict) and len(item) == 1 and self.graph:
            key = next(iter(item))
            ref = item[key]
            if isinstance(key, str) and self.ctx.canonical(key) == "@id" and isinstance(ref, str):
                found = self.graph.get(ref)
                if found is not None:
                    return found
        return item, ptr

    def texts(self, value: Any, ptr: str, field: str, *, report: bool = True) -> list[Text]:
        """Language-tagged strings of a text property (the context language applies to
        plain strings; ``@value`` objects carry their own)."""
        out: list[Text] = []
        for item, item_ptr in self.items(value, ptr):
            if isinstance(item, str):
                out.append(
                    Text(
                        value=item,
                        language=self.ctx.language,
                        source_field=self.field,
                        location=self.where(item_ptr),
                    )
                )
            elif item is None:
                continue
            elif isinstance(item, dict) and "@value" in item:
                raw, lang = item.get("@value"), item.get("@language")
                if isinstance(raw, str):
                    language = lang if isinstance(lang, str) else None
                    out.append(
                        Text(
                            value=raw,
                            language=language,
                            source_field=self.field,
                            location=self.where(item_ptr),
                        )
                    )
                elif report and raw is not None:
                    self.wrong_type(field, raw, f"{item_ptr}/@value", N_("text"))
            elif isinstance(item, dict) and item and self.is_language_map(item):
                out.extend(self._language_map(item, item_ptr, field, report=report))
            elif report:
                self.wrong_type(
                    field, item, item_ptr, N_('text (or a {"@value", "@language"} object)')
                )
        return out

    def is_language_map(self, item: dict[Any, Any]) -> bool:
        """True for ``{"de": "...", "en": [...]}``; keys that are aliases of keywords
        (``id`` is both Indonesian and ``@id``) do not count as languages."""
        return all(
            isinstance(k, str)
            and _LANGUAGE_TAG.match(k)
            and (k == "@none" or not self.ctx.canonical(k).startswith("@"))
            and (isinstance(v, str) or (isinstance(v, list) and all(isinstance(x, str) for x in v)))
            for k, v in item.items()
        )

    def _language_map(
        self, item: dict[Any, Any], ptr: str, field: str, *, report: bool
    ) -> list[Text]:
        out: list[Text] = []
        for lang, values in item.items():
            lang_ptr = f"{ptr}/{escape_token(lang)}"
            language = None if lang == "@none" else lang
            for text, text_ptr in self.items(values, lang_ptr):
                out.append(
                    Text(
                        value=text,
                        language=language,
                        source_field=self.field,
                        location=self.where(text_ptr),
                    )
                )
        if (
            report
            and field not in self.ctx.language_containers
            and field not in ("prefLabel", "altLabel")
        ):
            self.problem(
                said(
                    "{field} is written as a language map, which JSON-LD reads so only when "
                    "the @context declares {declaration}",
                    field=field,
                    declaration=f'"{field}": {{"@container": "@language"}}',
                ),
                ptr,
                field,
                hint=said(
                    "use a list of {shape} objects instead",
                    shape='{"@value": ..., "@language": ...}',
                ),
            )
        return out

    def first_text(self, value: Any, ptr: str) -> str | None:
        """The first non-empty string of a text-like value, or None."""
        for text in self.texts(value, ptr, "", report=False):
            if text.value.strip():
                return text.value.strip()
        return None

    def link(self, value: Any) -> str | None:
        """The IRI a value stands for: a string, or an object's ``@id``/``url``."""
        if isinstance(value, str):
            return value
        if isinstance(value, dict):
            p = props(value, self.ctx, "")
            for name in ("@id", "url", "@value"):
                if name in p:
                    found = p[name][1]
                    if isinstance(found, list) and found:
                        found = found[0]
                    if isinstance(found, dict):
                        found = self.link(found)
                    if isinstance(found, str):
                        return found
        return None

    def strings(
        self, value: Any, ptr: str, field: str, expected: str = N_("text")
    ) -> list[tuple[str, str]]:
        """Plain strings (no language) of a property, with their pointers."""
        out: list[tuple[str, str]] = []
        for item, item_ptr in self.items(value, ptr):
            if isinstance(item, str):
                out.append((item, item_ptr))
            elif isinstance(item, dict) and isinstance(item.get("@value"), str):
                out.append((item["@value"], f"{item_ptr}/@value"))
            elif item is not None:
                self.wrong_type(field, item, item_ptr, expected)
        return out

    def name_of(self, value: Any) -> str | None:
        """The text of a value, or the name of an object (a Country, a ListItem)."""
        if isinstance(value, dict) and "@value" not in value and not self.is_language_map(value):
            p = props(value, self.ctx, "")
            value = p["name"][1] if "name" in p else p["item"][1] if "item" in p else None
            if isinstance(value, dict):
                return self.link(value)
        return self.first_text(value, "")

    def terms(self, value: Any, ptr: str, name: str, element: str) -> list[Term]:
        """Terms of a vocabulary property: strings, concepts (``id`` + ``prefLabel``),
        DefinedTerms (``name``/``termCode``) or ``@value`` objects."""
        out: list[Term] = []
        for item, item_ptr in self.items(value, ptr):
            term = self.term(item, item_ptr, name, element)
            if term is not None:
                out.append(term)
        return out

    def term(self, item: Any, ptr: str, name: str, element: str) -> Term | None:
        """One term; None (and a problem) for values that cannot be one."""
        if isinstance(item, str):
            return Term(
                value=item,
                element=element,
                id=item.strip() if is_link(item) else None,
                source_field=self.field,
                location=self.where(ptr),
            )
        if isinstance(item, dict):
            if "@value" in item:
                raw = item["@value"]
                if isinstance(raw, str):
                    return Term(
                        value=raw,
                        element=element,
                        source_field=self.field,
                        location=self.where(ptr),
                    )
            else:
                node, node_ptr = self.resolve(item, ptr)
                p = props(node, self.ctx, node_ptr)
                ident = p["@id"][1] if "@id" in p and isinstance(p["@id"][1], str) else None
                labels: list[Text] = []
                for field in ("prefLabel", "name"):
                    if field in p:
                        labels.extend(self.texts(p[field][1], p[field][2], field, report=False))
                code = (
                    p["termCode"][1]
                    if "termCode" in p and isinstance(p["termCode"][1], str)
                    else None
                )
                scheme = next(
                    (self.link(p[f][1]) for f in ("inScheme", "inDefinedTermSet") if f in p), None
                )
                value = ident or code or (labels[0].value if labels else None)
                if value is not None:
                    return Term(
                        value=value, source=scheme, element=element, id=ident, labels=labels,
                        source_field=self.field, location=self.where(ptr),
                    )  # fmt: skip
                self.problem(
                    said(
                        "{field} holds an object with neither an id nor a label; the value "
                        "was not read",
                        field=name,
                    ),
                    ptr,
                    name,
                    hint=said(
                        "give the concept an {id} (a vocabulary URI) and a {label}",
                        id='"id"',
                        label='"prefLabel"',
                    ),
                )
                return None
        if item is not None:
            self.wrong_type(name, item, ptr, N_("a concept (object with an id) or text"))
        return None

    def licences(
        self, item: Any, ptr: str, field: str | None, name: str, part: str | None = None
    ) -> list[LicenceStatement]:
        """The licence statements of one value of a licence property; a value that can
        be none gives a problem and no statement.

        A string, a ``{"id"}``/``{"url"}`` object or a CreativeWork named like a licence
        is one statement (its URL before its name, unless the URL is a page that
        names no licence and the name is one: :meth:`_named_licence`).  A CreativeWork
        with a ``license`` of its own stands for a part of the resource (``"name":
        "Source Code"``): its licences are the statements, each marked as applying to
        that part (``part``).
        """
        if isinstance(item, str):
            return [
                LicenceStatement(
                    raw=item, source_field=field, applies_to=part, location=self.where(ptr)
                )
            ]
        if isinstance(item, dict):
            p = props(item, self.ctx, ptr)
            if "license" in p and p["license"][1] is not None:
                named = self.first_text(p["name"][1], p["name"][2]) if "name" in p else None
                inner_field = f"{field}/{source_field('license')}" if field else None
                return [
                    statement
                    for inner, inner_ptr in self.items(p["license"][1], p["license"][2])
                    if inner is not None
                    for statement in self.licences(
                        inner, inner_ptr, inner_field, "license", named or part
                    )
                ]
            for key in ("@id", "url", "@value"):
                if key in p and isinstance(p[key][1], str):
                    named_licence = self._named_licence(p, p[key][1], field, part)
                    if key != "@value" and named_licence is not None:
                        return [named_licence]
                    return [
                        LicenceStatement(
                            raw=p[key][1],
                            source_field=field,
                            applies_to=part,
                            location=self.where(p[key][2]),
                        )
                    ]
            if "name" in p:
                texts = self.texts(p["name"][1], p["name"][2], name, report=False)
                if texts:
                    text = texts[0]
                    return [
                        LicenceStatement(
                            raw=text.value,
                            source_field=field,
                            language=text.language,
                            applies_to=part,
                            location=text.location,
                        )
                    ]
        if item is not None:
            self.wrong_type(name, item, ptr, N_("a licence URL or a CreativeWork with a url"))
        return []

    def _named_licence(
        self, p: Props, link: str, field: str | None, part: str | None
    ) -> LicenceStatement | None:
        """The licence a licence object names, when its link is a page the licence
        parser knows no licence by (a repository's LICENSE file, a site's terms page)
        and its ``name`` is a licence (``"MIT"``, ``"CC BY 4.0"``): read from the name
        (``url`` is that licence's own, as for every statement).  None otherwise (the
        link wins)."""
        if "name" not in p:
            return None
        by_link = parse_licence(link)
        if by_link.recognised and by_link.family not in _PAGES_OF_TERMS:
            return None
        texts = self.texts(p["name"][1], p["name"][2], "name", report=False)
        if not texts:
            return None
        text = texts[0]
        by_name = parse_licence(text.value)
        if not by_name.names_licence:
            return None
        return LicenceStatement(
            raw=text.value,
            source_field=field,
            language=text.language,
            applies_to=part,
            spdx=by_name.spdx,
            url=by_name.url,
            openness=by_name.openness,
            licence=by_name,
            location=text.location,
        )
