"""Handlers for the educational, accessibility and relation properties of a record.

Learning resource types, levels, audiences and subjects become :class:`Term` values
(vocabulary id plus labels, or the free text as written); accessibility properties keep
one term per value; relations keep the licences of the related work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from oer_meta.i18n import N_, said
from oer_meta.knowledge.accessibility import names_accessibility_specification
from oer_meta.model import LicenceStatement, Relation, Term, Text
from oer_meta.readers.jsonld.context import props
from oer_meta.readers.jsonld.fields import source_field
from oer_meta.readers.jsonld.values import Props

if TYPE_CHECKING:
    from oer_meta.readers.jsonld.record import RecordBuilder


def on_lrt(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """``learningResourceType``: the LOM element of the same meaning."""
    b.record.learning_resource_types.extend(
        b.terms(value, ptr, name, "educational.learningResourceType")
    )


def on_level(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """``educationalLevel`` (LOM's ``educational.context`` is a different vocabulary)."""
    b.record.educational_levels.extend(b.terms(value, ptr, name, "educationalLevel"))


def on_subject(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """``about``/``teaches``/``assesses``: what the resource is about, by property."""
    b.record.subjects.extend(b.terms(value, ptr, name, name))


def on_vocabulary(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """Other controlled values (``interactivityType``, ``educationalUse``)."""
    element = "educational.interactivityType" if name == "interactivityType" else name
    b.record.vocabulary_terms.extend(b.terms(value, ptr, name, element))


def on_alignment(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """AlignmentObjects: educational levels, or subjects/competencies otherwise."""
    for item, item_ptr in b.items(value, ptr):
        if not isinstance(item, dict):
            if item is not None:
                b.wrong_type(name, item, item_ptr, N_("an AlignmentObject"))
            continue
        p = props(item, b.ctx, item_ptr)
        kind = (
            b.first_text(p["alignmentType"][1], p["alignmentType"][2])
            if "alignmentType" in p
            else None
        )
        links = (
            [b.link(u) for u, _ in b.items(p["targetUrl"][1], p["targetUrl"][2])]
            if "targetUrl" in p
            else []
        )
        url = next((link for link in links if link), None)
        labels = (
            b.texts(p["targetName"][1], p["targetName"][2], "targetName", report=False)
            if "targetName" in p
            else []
        )
        framework = (
            b.first_text(p["educationalFramework"][1], "") if "educationalFramework" in p else None
        )
        value_text = url or (labels[0].value if labels else None)
        if value_text is None:
            b.problem(
                said(
                    "{field} holds an AlignmentObject with neither a targetUrl nor a targetName",
                    field=name,
                ),
                item_ptr,
                name,
                hint=said("name the target (targetName) and link it (targetUrl)"),
            )
            continue
        is_level = kind is not None and kind.replace(" ", "").lower() == "educationallevel"
        term = Term(
            value=value_text, source=framework, id=url, labels=labels, source_field=b.field,
            location=b.where(item_ptr),
            element="educationalLevel" if is_level else (kind or name),
        )  # fmt: skip
        (b.record.educational_levels if is_level else b.record.subjects).append(term)


def on_audience(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """EducationalAudience roles, AMB audience concepts, and age ranges."""
    element = "educational.intendedEndUserRole"
    for item, item_ptr in b.items(value, ptr):
        if not isinstance(item, dict) or "@value" in item:
            b.record.intended_end_user_roles.extend(b.terms(item, item_ptr, name, element))
            continue
        node, node_ptr = b.resolve(item, item_ptr)
        p = props(node, b.ctx, node_ptr)
        found = False
        for field in ("educationalRole", "audienceType"):
            if field in p:
                found = True
                b.record.intended_end_user_roles.extend(
                    b.terms(p[field][1], p[field][2], field, element)
                )
        low, high = (_age(p, f) for f in ("suggestedMinAge", "suggestedMaxAge"))
        if low is not None or high is not None:
            found = True
            b.record.typical_age_ranges.append(
                Text(
                    value=_bounds(low, high),
                    source_field=f"{b.field}/schema:suggestedMinAge",
                    location=b.where(node_ptr),
                )
            )
        if not found and ("@id" in p or "prefLabel" in p or "name" in p):
            term = b.term(node, node_ptr, name, element)
            if term is not None:
                b.record.intended_end_user_roles.append(term)


def _bounds(low: str | None, high: str | None) -> str:
    """An age range from explicit bounds, written so that an open end reads as one:
    ``10+`` (no maximum), ``0-12`` (no minimum), ``10-12``."""
    if high is None:
        return f"{low}+"
    return f"{low or 0}-{high}"


def _age(p: Props, field: str) -> str | None:
    if field not in p:
        return None
    value = p[field][1]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:g}"
    return value.strip() if isinstance(value, str) else None


def on_role(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """``educationalRole`` on the resource itself (LRMI 1.0 style) is read, and noted."""
    b.record.intended_end_user_roles.extend(
        b.terms(value, ptr, name, "educational.intendedEndUserRole")
    )
    b.problem(
        said("educationalRole belongs to an EducationalAudience, not to the resource"),
        ptr,
        name,
        hint=said(
            "write {shape}",
            shape='"audience": {"@type": "EducationalAudience", "educationalRole": ...}',
        ),
    )


def on_age(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """``typicalAgeRange`` as written (``10-12``, ``18-``)."""
    for text, text_ptr in b.strings(value, ptr, name, N_('an age range as text ("10-12")')):
        b.record.typical_age_ranges.append(
            Text(value=text, source_field=b.field, location=b.where(text_ptr))
        )


def on_a11y(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """Accessibility vocabularies: one term per value; comma-separated strings split."""
    target = {
        "accessMode": b.record.accessibility.access_modes,
        "accessibilityFeature": b.record.accessibility.features,
        "accessibilityHazard": b.record.accessibility.hazards,
        "accessibilityAPI": b.record.accessibility.apis,
        "accessibilityControl": b.record.accessibility.controls,
        "conformsTo": b.record.accessibility.conforms_to,
    }[name]
    for term in b.terms(value, ptr, name, name):
        if name == "conformsTo" and not names_accessibility_specification(
            f"{term.value} {term.id or ''}"
        ):  # a curriculum or other standard: a relation, not an accessibility claim
            b.record.relations.append(
                Relation(
                    kind=name,
                    target=term.id or term.value,
                    source_field=term.source_field,
                    location=term.location,
                )
            )
        elif "," in term.value and term.id is None and name != "conformsTo":
            for part in term.value.split(","):
                if part.strip():
                    target.append(
                        Term(
                            value=part.strip(),
                            element=name,
                            source_field=term.source_field,
                            location=term.location,
                        )
                    )
        else:
            target.append(term)


def on_sufficient(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """accessModeSufficient: each value is one set of modes, kept as ``a,b``."""
    for item, item_ptr in b.items(value, ptr):
        modes: list[tuple[str, str]] = []
        if isinstance(item, dict) and "@value" not in item:
            p = props(item, b.ctx, item_ptr)  # an ItemList
            if "itemListElement" not in p:
                b.wrong_type(name, item, item_ptr, N_("an ItemList of access modes"))
                continue
            members = b.items(p["itemListElement"][1], p["itemListElement"][2])
            for member, member_ptr in members:
                mode = b.name_of(member)
                if mode:
                    modes.append((mode, member_ptr))
        elif isinstance(item, list):
            modes = b.strings(item, item_ptr, name, N_("an access mode (text)"))
        else:
            modes = b.strings(item, item_ptr, name, N_("access modes (text)"))
        parts = [part.strip() for mode, _ in modes for part in mode.split(",") if part.strip()]
        if parts:
            b.record.accessibility.access_modes_sufficient.append(
                Term(
                    value=",".join(parts),
                    element=name,
                    source_field=b.field,
                    location=b.where(item_ptr),
                )
            )


def on_summary(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """``accessibilitySummary``: free text, language-tagged like other texts."""
    b.record.accessibility.summaries.extend(b.texts(value, ptr, name))


def on_relation(b: RecordBuilder, value: Any, ptr: str, name: str) -> None:
    """Links to other works; the licence of a source matters for remixes."""
    for item, item_ptr in b.items(value, ptr):
        if isinstance(item, str):
            b.record.relations.append(
                Relation(kind=name, target=item, source_field=b.field, location=b.where(item_ptr))
            )
            continue
        if not isinstance(item, dict):
            if item is not None:
                b.wrong_type(name, item, item_ptr, N_("a CreativeWork or a URL"))
            continue
        node, node_ptr = b.resolve(item, item_ptr)
        p = props(node, b.ctx, node_ptr)
        target = None
        for field in ("@id", "url", "@value"):
            if field in p:
                target = b.link(p[field][1])
                if target:
                    break
        title = b.first_text(p["name"][1], p["name"][2]) if "name" in p else None
        licences: list[LicenceStatement] = []
        for field in ("license", "useRightsUrl"):
            if field in p:
                tag = f"{b.field}/{source_field(field)}"
                for lic, lic_ptr in b.items(p[field][1], p[field][2]):
                    licences.extend(b.licences(lic, lic_ptr, tag, field))
        b.record.relations.append(
            Relation(
                kind=name,
                target=target,
                title=title,
                licences=tuple(licences),
                source_field=b.field,
                location=b.where(item_ptr),
            )
        )
