"""Privacy heuristics: whose contact detail is this, a person's or an organisation's?

Records name people and organisations in the same fields.  These functions tell them
apart the way docs/privacy.md describes: e-mail addresses found in text, role
mailboxes (``info@``, ``contact@``) against mailboxes named like a person, agents that
look like individuals, and each contact detail (e-mail, telephone, postal address)
judged against the agent it belongs to.  Free text (a description, a rights statement,
an agent's name) is searched too: e-mail addresses and telephone numbers written in it
(:func:`contacts_in_text`), judged against the people and organisations the record
names (:func:`judge_text`).  The tables are in ``oer_meta/data/privacy.json``.
The ``PRIV`` rule pack (:mod:`oer_meta.checks.priv`) reports what they find.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from oer_meta.i18n import N_, said
from oer_meta.knowledge.data_files import load_data
from oer_meta.knowledge.text import fold
from oer_meta.model import Agent, Contact

__all__ = [
    "Contact",
    "Named",
    "Verdict",
    "contacts_in_text",
    "contacts_of",
    "emails_in",
    "individual",
    "is_role_address",
    "is_vcard",
    "judge",
    "judge_text",
    "mask",
    "name_words",
    "named_in",
    "person_like",
    "personal_contacts",
    "table",
]

#: An e-mail address is found from its ``@`` (a text has few): the local part is the run
#: of these characters before it (at most 64), not inside a longer token nor a
#: handle's second half (``@jane@example.social``); the domain has a top-level domain
#: that starts with a letter (``pkg@1.2.3`` is a version, not an address).
_LOCAL_PART = re.compile(r"[\w.+-]{1,64}\Z")
_LOCAL_CHAR = re.compile(r"[\w.+@-]")
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[^\W\d_][\w-]{1,62}")
#: A telephone-number candidate: an ASCII digit and up to 23 more digits, blanks,
#: dots, dashes, slashes and brackets, ending on a digit; a ``+`` or ``(`` before it is
#: taken in afterwards, and a candidate inside a longer number or word is dropped.
#: Bounded, so a long run of digits costs little.  Only non-ASCII texts that hold such
#: a run are searched with it (``_number_spans``).
_PHONE = re.compile(r"[0-9][0-9 ().\-/]{5,22}[0-9]")
#: What may not stand just before a number (it would be inside a longer token).
_BEFORE_NUMBER = re.compile(r"[\w+(./-]")
#: Numbers that are dates or year ranges, however they are labelled.
_DATE_LIKE = re.compile(
    r"(?:1[5-9]|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])"
    r"|(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:1[5-9]|20)\d\d"
    r"|(?:1[5-9]|20)\d\d ?[-/] ?(?:1[5-9]|20)\d\d"
)
_LAST_WORD = re.compile(r"[a-z]+$")
_DIGIT = re.compile(r"\d")
#: What may stand between a label and its number (``Tél : ``, ``Phone no. ``).
_LABEL_GAP = " \t\n.:;#°-/()"
_NUMBER_WORDS = ("number", "num", "nr", "no", "n")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"[a-z]+")
_REASONS = {
    "person-email": N_("a person's own mailbox, not a role address of an organisation"),
    "named": N_("a mailbox named like a person (given.family)"),
    "org-named": N_("an organisation's contact given as a person's mailbox (given.family)"),
    "person-other": N_("a person's own, not a work contact next to an organisation (ORG)"),
    "unsure": N_("not an organisation's contact point, and the entry may be a person"),
    "dotted": N_(
        "a mailbox named like a person (given.family) in a text that does not say whose it is"
    ),
    "mobile": N_("labelled as a mobile number"),
    "home": N_("labelled as a home number"),
    "beside": N_("next to a person's e-mail address in the same text"),
}


@cache
def table(name: str) -> frozenset[str]:
    """One word list of ``data/privacy.json`` (role mailboxes, name particles...)."""
    values: list[str] = load_data("privacy.json")[name]
    return frozenset(values)


# -- e-mail addresses ----------------------------------------------------------------


def emails_in(text: str) -> list[str]:
    """Every e-mail address written in ``text`` (``mailto:`` and separators dropped).
    Only the surroundings of each ``@`` are read, so a long text costs one ``find``."""
    found: list[str] = []
    at = text.find("@")
    while at != -1:
        domain = _DOMAIN.match(text, at + 1)
        window = text[max(0, at - 65) : at] if domain is not None else ""
        local = _LOCAL_PART.search(window) if window else None
        if local is not None and domain is not None:
            begin = at - len(window) + local.start()
            if begin == 0 or not _LOCAL_CHAR.match(text[begin - 1]):
                found.append(f"{local.group(0)}@{domain.group(0)}")
        at = text.find("@", at + 1)
    return found


def _phone_types(before: str) -> tuple[str, ...] | None:
    """What the words just before a number say it is: ``("cell",)`` after *mobile*,
    *Handy*, *portable*...; ``("home",)`` after *home*, *privé*...; ``()`` after *Tel*,
    *Phone*...; ``None`` when no telephone label stands there."""
    tail = fold(before[-32:]).rstrip(_LABEL_GAP)
    words: list[str] = []
    for _ in range(3):  # "mobile phone no.": at most a number word and two labels
        match = _LAST_WORD.search(tail)
        if match is None:
            break
        word = match.group(0)
        if not words and word in _NUMBER_WORDS:
            tail = tail[: match.start()].rstrip(_LABEL_GAP)
            continue
        if word not in table("phone_labels") | table("mobile_phone_labels") | table(
            "home_phone_labels"
        ):
            break
        words.append(word)
        tail = tail[: match.start()].rstrip(" /-()")
    if not words:
        return None
    if set(words) & table("mobile_phone_labels"):
        return ("cell",)
    if set(words) & table("home_phone_labels"):
        return ("home",)
    return ()


def _shape_table() -> bytes:
    """A byte translation table: ASCII digits to ``0``, the characters numbers are
    written with to ``s``, anything else (letters, the bytes of non-ASCII characters)
    to ``x``."""
    shape = bytearray(b"x" * 256)
    for byte in b"0123456789":
        shape[byte] = ord("0")
    for byte in b" ().-/":
        shape[byte] = ord("s")
    return bytes(shape)


_SHAPES = _shape_table()
_DIGITS = b"0123456789"
#: A number in the translated bytes: it starts on a literal, which the pattern engine
#: finds fast (the same shape as ``_PHONE``).
_NUMBER_SHAPE = re.compile(rb"0[0s]{5,22}0")


def _number_spans(text: str, data: bytes) -> list[tuple[int, int]]:
    """Where ``text`` holds a run of seven digits or more written like a number.  Its
    UTF-8 bytes (``data``) are reduced to their shapes (``_SHAPES``) and searched at C
    speed.  In an ASCII text a byte is a character, so the spans are the shapes';
    otherwise ``_PHONE`` finds them in the text itself."""
    spans = [
        m.span() for m in _NUMBER_SHAPE.finditer(data.translate(_SHAPES))
        if m.group(0).count(b"0") >= 7
    ]  # fmt: skip
    if spans and len(data) != len(text):
        spans = [m.span() for m in _PHONE.finditer(text)]
    return spans


def _phones_in(text: str, data: bytes) -> list[Contact]:
    """Telephone numbers written in ``text``: a number of 7 to 15 digits after a
    telephone label (``Tel.``, ``Phone:``, ``mobile``, ``Handy``...), or of 9 to 15 digits
    written internationally (``+33 4 67 14 30 30``).  Dates, year ranges, ISBNs,
    DOIs and identifiers carry no label and no ``+``, and are left alone."""
    found: list[Contact] = []
    for start, end in _number_spans(text, data):
        if text[start - 1 : start] == "(":
            start -= 1
        if text[start - 1 : start] == "+":
            start -= 1
        if start > 0 and _BEFORE_NUMBER.match(text[start - 1]):
            continue
        number = text[start:end]
        digits = sum(c in "0123456789" for c in number)
        if not 7 <= digits <= 15 or _DATE_LIKE.fullmatch(number):
            continue
        types = _phone_types(text[:start])
        if types is None and not (number.startswith("+") and digits >= 9 and "/" not in number):
            continue
        found.append(Contact(kind="phone", value=number, types=types or ()))
    return found


def contacts_in_text(text: str) -> list[Contact]:
    """The e-mail addresses and telephone numbers written in free text (a description,
    a rights statement, a name), in order of kind: e-mails first.  A phone is typed
    ``cell`` or ``home`` when its label says so.  Never raises; linear in the text.

    Most texts hold neither an ``@`` nor seven digits: two passes at C speed over the
    text's UTF-8 bytes say so, and they cost no more."""
    data = text.encode("utf-8", "surrogatepass")
    numbers = len(data) - len(data.translate(None, _DIGITS)) >= 7
    found = [Contact(kind="email", value=a) for a in emails_in(text)] if "@" in text else []
    return found + _phones_in(text, data) if numbers else found


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
    only the plain ``email``/``telephone``/``address`` lists is judged from those.
    Addresses and numbers written into the agent's name (``Jane Doe jane@...``) are
    its contacts too."""
    typed: Sequence[Contact] = agent.contacts or [
        *(Contact(kind="email", value=v) for v in agent.email),
        *(Contact(kind="phone", value=v) for v in agent.telephone),
        *(Contact(kind="address", value=v) for v in agent.address),
    ]
    if agent.name and ("@" in agent.name or _DIGIT.search(agent.name)):
        known = {fold(c.value) for c in typed}
        typed = [
            *typed,
            *(
                contact.model_copy(
                    update={"source_field": agent.source_field, "location": agent.location}
                )
                for contact in contacts_in_text(agent.name)
                if fold(contact.value) not in known
            ),
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


# -- free text -----------------------------------------------------------------------------


@dataclass
class Named:
    """The people and organisations a record names, as the words of their names: whose
    mailbox an address in free text may be."""

    #: a word of a person's name (three letters or more, particles aside) -> the name
    people: dict[str, str] = field(default_factory=dict)
    #: words of organisations' names (four letters or more), their acronyms, and their
    #: names without blanks and punctuation
    organisations: set[str] = field(default_factory=set)


def named_in(agents: Iterable[Agent]) -> Named:
    """Who ``agents`` are: their names' words, by person or organisation (agents that
    cannot be told apart count as neither)."""
    named = Named()
    particles = table("name_particles")
    for agent in agents:
        who = individual(agent)
        name = agent.name or ""
        if who is True:
            for word in name_words(name):
                if len(word) >= 3 and word not in particles:
                    named.people.setdefault(word, name)
        elif who is False:
            named.organisations.update(w for w in name_words(name) if len(w) >= 4)
            named.organisations.update(fold(t) for t in re.findall(r"\b[A-Z][A-Z0-9]+\b", name))
            named.organisations.add(_NON_ALNUM.sub("", fold(name)))
    return named


def _owner(address: str, named: Named) -> str | None:
    """The person of the record a mailbox is named after (``edwards@`` or
    ``a.edwards@`` for ``Edwards, A.R.``, ``aredwards@``), or None."""
    local, components, _ = _local_parts(address)
    for component in components:
        if component in named.people:
            return named.people[component]
    key = _NON_ALNUM.sub("", local)
    for word, name in named.people.items():
        if len(word) >= 4 and key.endswith(word) and len(key) - len(word) <= 3:
            return name
    return None


def _of_organisation(address: str, named: Named) -> bool:
    """True when a mailbox is named after an organisation of the record (``folklife@``
    for ``American Folklife Center``)."""
    local, components, _ = _local_parts(address)
    key = _NON_ALNUM.sub("", local)
    return key in named.organisations or any(c in named.organisations for c in components)


def _dotted_name(address: str) -> bool:
    """``given.family`` written with dots (``jane.doe``, ``jean.paul.martin``): the
    common form of a person's institutional mailbox; ``spec-coll`` is not."""
    local = _local_parts(address)[0]
    parts = local.split(".")
    return 2 <= len(parts) <= 3 and all(p.isalpha() and len(p) >= 2 for p in parts)


def judge_text(contacts: Iterable[Contact], named: Named) -> list[Verdict]:
    """The verdicts on the contacts found in one free text (docs/privacy.md): free text
    has no owner, so only evidence of a person counts.  An e-mail address named after
    a person of the record is personal; a ``given.family`` address with dots that no
    organisation of the record accounts for may be; a telephone number is personal
    when its label says mobile or home, or when the text gives a person's e-mail
    address (with that address's certainty).  Role addresses, an organisation's
    mailboxes and numbers are never reported."""
    verdicts: list[Verdict] = []
    phones: list[Contact] = []
    for contact in contacts:
        if contact.kind == "phone":
            phones.append(contact)
            continue
        if contact.kind != "email" or is_role_address(contact.value):
            continue
        owner = _owner(contact.value, named)
        if owner is not None:
            reason: str = said(
                "a mailbox named after {owner!r}, a person the record names", owner=owner
            )
            verdicts.append(Verdict(contact, True, reason))
        elif _dotted_name(contact.value) and not _of_organisation(contact.value, named):
            verdicts.append(Verdict(contact, False, _REASONS["dotted"]))
    beside = [v.certain for v in verdicts]
    for phone in phones:
        if "cell" in phone.types or "home" in phone.types:
            reason = _REASONS["mobile" if "cell" in phone.types else "home"]
            verdicts.append(Verdict(phone, True, reason))
        elif beside:
            verdicts.append(Verdict(phone, any(beside), _REASONS["beside"]))
    return verdicts
