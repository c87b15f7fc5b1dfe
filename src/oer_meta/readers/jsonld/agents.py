"""Read the people and organisations of a JSON-LD record into :class:`Agent` values.

An agent keeps its JSON object unchanged in ``raw``; the fields pulled out of it are
the ones the rules look at: the name, person or organisation, contact details (a
privacy concern in public metadata), identifiers such as ORCID, and the affiliation.
"""

from __future__ import annotations

from typing import Any

from oer_meta.model import Agent
from oer_meta.readers.jsonld.context import props, types_of
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
            reader.wrong_type(role, item, ptr, "a Person, an Organization or a name")
        return None
    node, node_ptr = reader.resolve(item, ptr)
    p = props(node, reader.ctx, node_ptr)
    types = set(types_of(p["@type"][1], reader.ctx)) if "@type" in p else set()
    kind = None
    if types & _PERSON_TYPES:
        kind = "person"
    elif types & _ORGANIZATION_TYPES:
        kind = "organization"
    agent = Agent(
        role=role,
        name=_name(reader, p),
        kind=kind,
        raw=node,
        affiliation=_affiliation(reader, p),
        source_field=reader.field,
        location=reader.where(ptr),
    )
    _add_contacts(reader, p, agent)
    for field in ("@id", "sameAs", "identifier"):
        for ident, _ in reader.items(p[field][1], p[field][2]) if field in p else ():
            link = reader.link(ident)
            if link is None and isinstance(ident, dict):  # a PropertyValue
                link = reader.link(props(ident, reader.ctx, "").get("value", ("", None, ""))[1])
            if link and not link.startswith("_:") and link not in agent.identifiers:
                agent.identifiers.append(link)
    return agent


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


def _add_contacts(reader: ValueReader, p: Props, agent: Agent) -> None:
    """E-mail addresses (without ``mailto:``), phones and postal addresses, from the
    agent and from its ContactPoints."""
    sources = [p]
    if "contactPoint" in p:
        sources += [
            props(point, reader.ctx, "")
            for point, _ in reader.items(p["contactPoint"][1], p["contactPoint"][2])
            if isinstance(point, dict)
        ]
    for source in sources:
        for field, sink in (("email", agent.email), ("telephone", agent.telephone)):
            if field in source:
                for text in reader.texts(source[field][1], "", field, report=False):
                    value = text.value.strip()
                    sink.append(value[7:] if value.lower().startswith("mailto:") else value)
    if "address" in p:
        for address, _ in reader.items(p["address"][1], p["address"][2]):
            written = _address(reader, address)
            if written:
                agent.address.append(written)


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
