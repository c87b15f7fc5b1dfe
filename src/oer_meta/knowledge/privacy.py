"""Privacy heuristics: whose contact detail is this, a person's or an organisation's?

Records name people and organisations in the same fields.  These functions tell them
apart the way docs/privacy.md describes: e-mail addresses found in text, role
mailboxes (``info@``, ``contact@``) against mailboxes named like a person, agents that
look like individuals, and each contact detail (e-mail, telephone, postal address)
judged against the agent it belongs to.  The tables are in ``oer_meta/data/privacy.json``.
The ``PRIV`` rule pack (:mod:`oer_meta.checks.priv`) reports what they find.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from oer_meta.knowledge.data_files import load_data
from oer_meta.knowledge.text import fold
from oer_meta.model import Agent, Contact

__all__ = [
    "Contact",
    "Verdict",
    "contacts_of",
    "emails_in",
    "individual",
    "is_role_address",
    "is_vcard",
    "judge",
    "mask",
    "name_words",
    "person_like",
    "personal_contacts",
    "table",
]

_EMAIL = re.compile(r"(?<![\w.+-])([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)", re.UNICODE)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"[a-z]+")
_REASONS = {
    "person-email": "a person's own mailbox, not a role address of an organisation",
    "named": "a mailbox named like a person (given.family)",
    "org-named": "an organisation's contact given as a person's mailbox (given.family)",
    "person-other": "a person's own, not a work contact next to an organisation (ORG)",
    "unsure": "not an organisation's contact point, and the entry may be a person",
}


@cache
def table(name: str) -> frozenset[str]:
    """One word list of ``data/privacy.json`` (role mailboxes, name particles...)."""
    values: list[str] = load_data("privacy.json")[name]
    return frozenset(values)


# -- e-mail addresses ----------------------------------------------------------------


def emails_in(text: str) -> list[str]:
    """Every e-mail address written in ``text`` (``mailto:`` and separators dropped)."""
    return [f"{m.group(1)}@{m.group(2)}" for m in _EMAIL.finditer(text)]


def _local_parts(address: str) -> tuple[str, list[str], str]:
    """``(local, components, domain)``: the folded local part without a ``+tag`` or
    trailing digits, its components split at ``.``, ``_`` and ``-``, and the domain."""
    local, _, domain = address.rpartition("@")
    local = fold(local).split("+", 1)[0].rstrip("0123456789")
    return local, [c for c in re.split(r"[._-]+", local) if c], fold(domain)


def is_role_address(address: str) -> bool:
    """True for a mailbox named after a function rather than a person: ``contact@``,
    ``info.ccdmd@``, ``no-reply@``..., or a mailbox named like its own domain
    (``adte@adte.ca``)."""
    local, components, domain = _local_parts(address)
    roles = table("role_mailboxes")
    if not local:
        return False
    if local in roles or "".join(components) in roles or (components and components[0] in roles):
        return True
    labels = domain.split(".")[:-1]
    return _NON_ALNUM.sub("", local) in {_NON_ALNUM.sub("", label) for label in labels}


def _name_shaped(address: str) -> bool:
    """True for ``given.family``-like mailboxes: two or three alphabetic components of
    at least two letters (``julie.martini``, ``j_doe`` does not qualify)."""
    _, components, _ = _local_parts(address)
    return 2 <= len(components) <= 3 and all(c.isalpha() and len(c) >= 2 for c in components)


def mask(address: str) -> str:
    """An address shortened so that reports do not spread it: ``j…@example.org``."""
    local, _, domain = address.rpartition("@")
    return f"{local[:1]}…@{domain}"


# -- who an agent is ---------------------------------------------------------------------


def name_words(name: str) -> list[str]:
    return _WORD.findall(fold(name))


def person_like(name: str) -> bool:
    """Two to five capitalised words (particles such as ``de``, ``van`` aside), no
    digits, no word in capitals only: ``Jane Doe``, ``Doe, Jane``, ``Marie de Souza``."""
    if any(c.isdigit() for c in name):
        return False
    tokens = [t for t in re.split(r"[\s,]+", name.strip()) if t]
    particles = table("name_particles")
    main = [t for t in tokens if fold(t) not in particles]
    if not 2 <= len(main) <= 5:
        return False
    for token in main:
        if not token[:1].isupper():
            return False
        letters = [c for c in token if c.isalpha()]
        if len(letters) > 1 and all(c.isupper() for c in letters):
            return False
    return True


def individual(agent: Agent) -> bool | None:
    """True for a person, False for an organisation, None when it cannot be told.

    The reader's ``kind`` decides when it is known (vCard N/ORG/KIND, schema.org
    ``@type``, DC name patterns); otherwise an organisation word in the name means an
    organisation, a person-like name (two to five capitalised words) a person, and a
    single word in capitals (``INFIRESSOURCES``) an organisation.
    """
    if agent.kind == "person":
        return True
    if agent.kind == "organization":
        return False
    name = (agent.name or "").strip()
    if not name:
        return None
    if set(name_words(name)) & table("organisation_words"):
        return False
    if person_like(name):
        return True
    letters = [c for c in name if c.isalpha()]
    if " " not in name and letters and all(c.isupper() for c in letters):
        return False
    return None


def _named_after(address: str, agent: Agent) -> bool:
    """True when the mailbox is the agent's own name or acronym (``infiressources@`` for
    ``INFIRESSOURCES``, ``adte@`` for ``Association ... (ADTE)``)."""
    local = _local_parts(address)[0]
    name = agent.name or ""
    key = _NON_ALNUM.sub("", local)
    if not key:
        return False
    if key == _NON_ALNUM.sub("", fold(name)):
        return True
    acronyms = {fold(t) for t in re.findall(r"\b[A-Z][A-Z0-9]{1,}\b", name)}
    return key in acronyms


# -- contact details -------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """A contact detail judged personal; ``certain`` is False when the rule could not
    tell for sure (the agent may be an organisation)."""

    contact: Contact
    certain: bool
    reason: str


def is_vcard(raw: object) -> bool:
    """True when an agent's raw data is vCard text (LOM entities)."""
    return isinstance(raw, str) and "BEGIN:VCARD" in raw.upper()


def contacts_of(agent: Agent) -> list[Contact]:
    """The e-mail addresses, telephone numbers and postal addresses of an agent that
    may be personal data, typed as the reader typed them (``agent.contacts``; web pages
    are not judged).  An e-mail contact gives one contact per address in it, and none
    when it holds no address (a URL in an EMAIL property).  An agent built by hand with
    only the plain ``email``/``telephone``/``address`` lists is judged from those."""
    typed = agent.contacts or [
        *(Contact(kind="email", value=v) for v in agent.email),
        *(Contact(kind="phone", value=v) for v in agent.telephone),
        *(Contact(kind="address", value=v) for v in agent.address),
    ]
    found: list[Contact] = []
    for contact in typed:
        if contact.kind == "email":
            found += [
                contact
                if address == contact.value
                else contact.model_copy(update={"value": address})
                for address in emails_in(contact.value)
            ]
        elif contact.kind in ("phone", "address") and contact.value.strip():
            found.append(contact)
    return found


def judge(contact: Contact, agent: Agent) -> Verdict | None:
    """The verdict on one contact detail of ``agent``: None when it is organisational.

    The decision table is in docs/privacy.md.
    """
    who = individual(agent)
    if contact.kind == "email":
        address = contact.value
        if is_role_address(address):
            return None
        if agent.kind == "organization":
            if _name_shaped(address):
                return Verdict(contact, False, _REASONS["org-named"])
            return None
        if who is True:
            return Verdict(contact, True, _REASONS["person-email"])
        if _name_shaped(address):
            return Verdict(contact, True, _REASONS["named"])
        if _named_after(address, agent) or who is False:
            return None
        return Verdict(contact, False, _REASONS["unsure"])
    if agent.kind == "organization":
        return None
    marked = set(contact.types) & (table("personal_phone_types") | {"home"})
    if marked:
        return Verdict(contact, True, "marked " + "/".join(sorted(marked)).upper())
    if who is False:
        return None
    work = "work" in contact.types or (contact.kind == "address" and not contact.types)
    if work and agent.affiliation:
        return None  # the workplace's own contact point, next to its ORG
    if who is True:
        return Verdict(contact, True, _REASONS["person-other"])
    return Verdict(contact, False, _REASONS["unsure"])


def personal_contacts(agent: Agent) -> list[Verdict]:
    """Every contact detail of ``agent`` judged personal."""
    return [v for v in (judge(c, agent) for c in contacts_of(agent)) if v is not None]
