"""What every writer shares: the result of a conversion and the report of what was lost.

A writer turns one :class:`~oer_meta.model.Record` into a document of its target format
and says, value by value, what the target could not hold (:class:`Dropped`).  Nothing is
lost silently: :class:`Output` remembers which Record fields were written and which
were dropped, and :meth:`Output.finish` reports any field that holds a value and that
the writer neither wrote nor dropped, with :data:`UNHANDLED` as the reason (a test holds
that no writer ever needs it on the corpus).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from oer_meta.i18n import N_, Message, Said, marked, msg, said
from oer_meta.model import DateValue, Record

#: The targets, by the name ``oer-meta convert --to`` takes.
TARGETS = ("lom", "oai_dc", "jsonld")

#: Record attributes that describe the record itself, not the resource: where it was
#: read from, in which format, which profiles it claimed, what the reader noted about
#: its structure.  A converted document is a new record, so none of these is content.
NOT_CONTENT = frozenset(
    {
        "source_format",
        "dialect",
        "profiles",
        "location",
        "deleted",
        "problems",
        "amb_problems",
        "suppressions",
    }
)

#: The Record attributes that hold content, with ``accessibility`` split into its parts.
CONTENT_FIELDS = (
    "identifiers",
    "titles",
    "descriptions",
    "keywords",
    "languages",
    "metadata_languages",
    "licences",
    "copyright_restrictions",
    "cost",
    "access_conditions",
    "rights_holders",
    "contributors",
    "publishers",
    "dates",
    "durations",
    "formats",
    "urls",
    "learning_resource_types",
    "educational_levels",
    "intended_end_user_roles",
    "typical_age_ranges",
    "subjects",
    "accessibility.access_modes",
    "accessibility.access_modes_sufficient",
    "accessibility.features",
    "accessibility.hazards",
    "accessibility.summaries",
    "accessibility.apis",
    "accessibility.controls",
    "accessibility.conforms_to",
    "relations",
    "annotations",
    "vocabulary_terms",
    "extensions",
)

#: LOM vocabulary elements whose terms the readers also file in a Record field (or on
#: an agent, a relation, a classification's terms): writing that field writes them.
FILED_ELEMENTS = frozenset(
    {
        "educational.learningResourceType",
        "educational.context",
        "educational.intendedEndUserRole",
        "rights.cost",
        "rights.access.accessType",
        "rights.copyrightAndOtherRestrictions",
        "lifeCycle.contribute.role",
        "metaMetadata.contribute.role",
        "relation.kind",
        "classification.purpose",
        "rights.conditionsOfAccess",
    }
)

#: The extension that notes an application profile (the LOM reader's
#: ``PROFILE_EXTENSION``): a note about the record, not content.
PROFILE_EXTENSION = "{urn:oer-meta}profile"

#: The reason :meth:`Output.finish` gives for a field no writer code handled.
UNHANDLED = N_("the writer has no mapping for this field")

#: An ISO 8601 duration as LOM's DurationString and schema.org take it (bounded
#: optional parts, no nested repetition).
ISO_DURATION = re.compile(
    r"P(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?"
)

#: An ``xs:language`` value (BCP 47 shape); one bounded quantifier per part.
_XS_LANGUAGE = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")


@dataclass(frozen=True)
class Dropped:
    """One value the target format could not hold, and why."""

    field: str
    value: str
    reason: str

    def __str__(self) -> str:
        return f"{self.field}: {self.value!r}: {self.reason}"

    def message(self) -> Message:
        """The line :meth:`__str__` writes, as a message: the reason (and a value
        described in words, ``(catalog ISBN)``) rendered in the run's language; such a
        value is quoted by the template, not by ``repr``, which would escape the
        no-break spaces of French."""
        if isinstance(self.value, Said):
            return msg(
                "{field}: '{value}': {reason}",
                field=self.field,
                value=self.value,
                reason=marked(self.reason),
            )
        return msg(
            "{field}: {value!r}: {reason}",
            field=self.field,
            value=self.value,
            reason=marked(self.reason),
        )


@dataclass(frozen=True)
class Conversion:
    """One converted record: the document's text and what it does not hold."""

    target: str
    text: str
    written: frozenset[str]
    dropped: tuple[Dropped, ...]
    #: the record's name as validation reports name it (its best identifier)
    record_id: str | None = None


@dataclass
class Output:
    """Collects, while a writer works, the fields written and the values dropped."""

    target: str
    written: set[str] = field(default_factory=set)
    dropped: list[Dropped] = field(default_factory=list)

    def wrote(self, name: str) -> None:
        """Field ``name`` has at least one value in the document."""
        self.written.add(name)

    def drop(self, name: str, value: object, reason: str) -> None:
        """A value of field ``name`` is not in the document, because ``reason``."""
        shown = shorten(value)
        if isinstance(value, Said) and shown == value:
            shown = value  # a value described in words keeps its template
        self.dropped.append(Dropped(name, shown, reason))

    def finish(self, record: Record, text: str) -> Conversion:
        """The conversion, with any content field neither written nor dropped reported
        as dropped (:data:`UNHANDLED`): never a silent loss."""
        accounted = self.written | {d.field for d in self.dropped}
        for name in filled_fields(record):
            if name not in accounted:
                self.drop(name, describe(record, name), said(UNHANDLED))
        return Conversion(
            target=self.target,
            text=text,
            written=frozenset(self.written),
            dropped=tuple(self.dropped),
            record_id=record.record_id,
        )


def shorten(value: object, limit: int = 80) -> str:
    """A value as one short line for a message."""
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def content_values(record: Record, name: str) -> tuple[object, ...]:
    """The values of content field ``name`` (``accessibility.features`` reaches into
    the accessibility block); vocabulary terms filed elsewhere and profile notes are
    left out, as they are written with the field that holds them."""
    if name.startswith("accessibility."):
        values: object = getattr(record.accessibility, name.split(".", 1)[1])
    else:
        values = getattr(record, name)
    if values is None:
        return ()
    if not isinstance(values, tuple):
        return (values,)
    if name == "vocabulary_terms":
        return tuple(t for t in record.vocabulary_terms if t.element not in FILED_ELEMENTS)
    if name == "extensions":
        return tuple(e for e in record.extensions if e.name != PROFILE_EXTENSION)
    return values


def filled_fields(record: Record) -> list[str]:
    """The content fields of ``record`` that hold at least one value."""
    return [name for name in CONTENT_FIELDS if content_values(record, name)]


def describe(record: Record, name: str) -> str:
    """A short rendering of a field's values, for the report of a dropped field."""
    values = content_values(record, name)
    shown = [
        shorten(getattr(v, "value", None) or getattr(v, "name", None) or v, 40) for v in values
    ]
    return "; ".join(shown[:3]) + (f" (+{len(shown) - 3} more)" if len(shown) > 3 else "")


def element_path(source_field: str | None, name: str = "") -> str:
    """Where an extension was read, without prefixes (``lom:lifeCycle/lom:version`` ->
    ``lifeCycle/version``); its name when the reader gave no field."""
    steps = [step.rsplit(":", 1)[-1] for step in (source_field or "").split("/") if step]
    return "/".join(steps) or name


def is_language_tag(value: str | None) -> bool:
    """True when ``value`` can stand as an ``xs:language`` (``xml:lang``, LOM language),
    blanks around it aside (XSD collapses them; writers write the tag stripped)."""
    return _XS_LANGUAGE.fullmatch((value or "").strip()) is not None


#: Characters XML 1.0 cannot hold (C0 controls but tab, newline and return; lone
#: surrogates; U+FFFE/U+FFFF): one class, no repetition, so no backtracking.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(out: Output, name: str, value: str) -> str:
    """``value`` with the characters XML cannot hold removed, and said (a JSON-LD
    record may hold them; an XML document cannot)."""
    cleaned = _NOT_XML.sub("", value)
    if cleaned != value:
        out.drop(name, value, said("characters XML 1.0 cannot hold were left out of the value"))
    return cleaned


def role_key(role: str | None) -> str:
    """A contributor role lower-cased, a concept URI cut to its last segment
    (``http://.../role/author`` -> ``author``), so that LOM, DC and schema.org roles
    compare."""
    value = (role or "").strip().lower()
    if "/" in value or "#" in value:
        value = re.split(r"[/#]", value.rstrip("/#"))[-1].strip()
    return value


def date_kind(record: Record, kind: str) -> str:
    """The event a date is of, for a target that names it: an unqualified ``dc:date``
    (kind ``other`` in a Dublin Core record) is the publication date, as the DC-LOM
    mapping pairs ``dc:date`` with the publisher's contribution date."""
    if kind == "other" and record.source_format == "dc":
        return "published"
    return kind


#: A date shown with its kind in a not-written line, one whole template per kind (the
#: kind said in the run's language: ``2024-02-12 (création)``).
_DATED = {
    "created": N_("{value} (created)"),
    "published": N_("{value} (published)"),
    "modified": N_("{value} (modified)"),
    "contributed": N_("{value} (contributed)"),
    "datestamp": N_("{value} (datestamp)"),
    "other": N_("{value} (other)"),
}


def dated(date: DateValue) -> str:
    """``2024-02-12 (created)``: a date and the event it is of, as a value of a
    not-written line (a kind no table knows is shown as it is)."""
    template = _DATED.get(date.kind)
    if template is None:
        return said("{value} ({kind})", value=date.value, kind=date.kind)
    return said(template, value=date.value)


#: Roles that make an agent the resource's creator (LOM ``author``, DC ``creator``,
#: schema.org ``author``/``creator``).
CREATOR_ROLES = frozenset({"author", "creator"})
