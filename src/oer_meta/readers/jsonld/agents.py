"""Read the people and organisations of a JSON-LD record into :class:`Agent` values.

An agent keeps its JSON object unchanged in ``raw``; the fields pulled out of it are
the ones the rules look at: the name, person or organisation, contact details typed as
:class:`Contact` (``email``, ``telephone``, ``url``, and those of its ``contactPoint``
objects with their ``contactType``: a privacy concern in public metadata), identifiers
such as ORCID, the affiliation and the job title.
"""

from __future__ import annotations

from typing import Any

from oer_meta.i18n import N_
from oer_meta.model import Agent, Contact
from oer_meta.model.values import ContactKind
from oer_meta.readers.jsonld.context import props, types_of
from oer_meta.readers.jsonld.fields import source_field
from oer_meta.readers.jsonld.values import Props, ValueReader

_PERSON_TYPES = frozenset({"Person"})
_ORGANIZATION_TYPES = frozenset(
    {
        "Organization", "EducationalOrganization", "CollegeOrUniversity", "School",
        "HighSchool", "Corporation", "GovernmentOrganization", "NGO", "Library",
        "ResearchOrganization", "Consortium", "FundingScheme", "FundingAgency",
        "NewsMediaOrganization", "LocalBusiness", "MiddleSchool", "ElementarySchool",
    }
)  # fmt: skip
_ADDRESS_PARTS = (
    "streetAddress", "postalCode", "addressLocality", "addressRegion", "addressCountry",
)  # fmt: skip


def read_agent(reader: ValueReader, item: Any, ptr: str, role: str) -> Agent | None:
    """A person or organisation from a name or a Person/Organization object; None (and
    a problem) for a value that can be neither."""
    if isinstance(item, dict) and "@value" in item:
        item = item["@value"]
    if isinstance(item, str):
        return Agent(
            role=role,
            name=item.strip() or None,
            raw=item,
            source_field=reader.field,
            location=reader.where(ptr),
        )
    if not isinstance(item, dict):
        if item is not None:
            reader.wrong_type(role, item, ptr, N_("a Person, an Organization or a name"))
        return None
    node, node_ptr = reader.resolve(item, ptr)
    p = props(node, reader.ctx, node_ptr)
    types = set(types_of(p["@type"][1], reader.ctx)) if "@type" in p else set()
    kind = None
    if types & _PERSON_TYPES:
        kind = "person"
    elif types & _ORGANIZATION_TYPES:
        kind = "organization"
    contacts = _contacts(reader, p)
    identifiers: list[str] = []
    for field in ("@id", "sameAs", "identifier"):
        for ident, _ in reader.items(p[field][1], p[field][2]) if field in p else ():
            link = reader.link(ident)
            if link is None and isinstance(ident, dict):  # a PropertyValue
                link = reader.link(props(ident, reader.ctx, "").get("value", ("", None, ""))[1])
            if link and not link.startswith("_:") and link not in identifiers:
                identifiers.append(link)
    return Agent(
        role=role,
        name=_name(reader, p),
        kind=kind,
        email=[c.value for c in contacts if c.kind == "email"],
        telephone=[c.value for c in contacts if c.kind == "phone"],
        address=[c.value for c in contacts if c.kind == "address"],
        identifiers=identifiers,
        affiliation=_affiliation(reader, p),
        contacts=contacts,
        notes=[t.value for t in reader.texts(p["jobTitle"][1], "", "jobTitle", report=False)]
        if "jobTitle" in p
        else [],
        raw=node,
        source_field=reader.field,
        location=reader.where(ptr),
    )


def _name(reader: ValueReader, p: Props) -> str | None:
    """``name``, else given and family name, else the legal name."""
    if "name" in p:
        name = reader.first_text(p["name"][1], p["name"][2])
        if name:
            return name
    parts = [reader.first_text(p[f][1], "") for f in ("givenName", "familyName") if f in p]
    joined = " ".join(part for part in parts if part)
    if joined:
        return joined
    return reader.first_text(p["legalName"][1], "") if "legalName" in p else None


_CONTACT_PROPERTIES: tuple[tuple[str, ContactKind], ...] = (
    ("email", "email"),
    ("telephone", "phone"),
    ("url", "url"),
)


def _contacts(reader: ValueReader, p: Props) -> list[Contact]:
    """E-mail addresses (without ``mailto:``), phones, web pages and postal addresses,
    from the agent and from its ContactPoints (typed by their ``contactType``)."""
    agent_field = reader.field or ""
    sources: list[tuple[Props, str, list[str]]] = [(p, agent_field, [])]
    if "contactPoint" in p:
        point_field = f"{agent_field}/{source_field('contactPoint')}"
        for point, point_ptr in reader.items(p["contactPoint"][1], p["contactPoint"][2]):
            if isinstance(point, dict):
                inner = props(point, reader.ctx, point_ptr)
                kinds = (
                    [t.value.strip().lower() for t in reader.texts(
                        inner["contactType"][1], "", "contactType", report=False
                    ) if t.value.strip()]
                    if "contactType" in inner
                    else []
                )  # fmt: skip
                sources.append((inner, point_field, kinds))
    found: list[Contact] = []
    for source, at, types in sources:
        for name, kind in _CONTACT_PROPERTIES:
            if name not in source:
                continue
            where = reader.where(source[name][2]) if source[name][2] else None
            for text in reader.texts(source[name][1], "", name, report=False):
                value = text.value.strip()
                if kind == "email" and value.lower().startswith("mailto:"):
                    value = value[7:]
                if not value:
                    continue
                found.append(
                    Contact(
                        kind=kind,
                        value=value,
                        types=types,
                        source_field=f"{at}/{source_field(name)}",
                        location=where,
                    )
                )
    if "address" in p:
        for address, address_ptr in reader.items(p["address"][1], p["address"][2]):
            written = _address(reader, address)
            if written:
                found.append(
                    Contact(
                        kind="address",
                        value=written,
                        source_field=f"{agent_field}/{source_field('address')}",
                        location=reader.where(address_ptr),
                    )
                )
    return found


def _address(reader: ValueReader, address: Any) -> str | None:
    """A postal address as one line (a PostalAddress's parts joined)."""
    if isinstance(address, str):
        return address.strip() or None
    if not isinstance(address, dict):
        return None
    p = props(address, reader.ctx, "")
    parts = [reader.name_of(p[field][1]) for field in _ADDRESS_PARTS if field in p]
    return ", ".join(part for part in parts if part) or None


def _affiliation(reader: ValueReader, p: Props) -> str | None:
    """The name of the first affiliation that has one."""
    if "affiliation" not in p:
        return None
    for item, item_ptr in reader.items(p["affiliation"][1], p["affiliation"][2]):
        node, node_ptr = reader.resolve(item, item_ptr)
        name = None
        if isinstance(node, str):
            name = node.strip() or None
        elif isinstance(node, dict):
            inner = props(node, reader.ctx, node_ptr)
            name = reader.first_text(inner["name"][1], "") if "name" in inner else None
        if name:
            return name
    return None
