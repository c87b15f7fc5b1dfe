"""Pack ``PRIV``: does the record publish personal data it does not need?

Metadata records are harvested, copied and indexed everywhere; whatever personal data
they carry spreads with them.  The Recommendation asks for OER platforms that work in a
safe, secure and privacy-protected way (para. 11) and for policies that protect data
(para. 12).  Attribution needs a name, an ORCID or an organisation, never a private
mailbox or a home address, and records never need to say who the learners are.

How the rules tell a person's contact details from an organisation's contact point is
written down in docs/privacy.md; the tables are in ``oer_meta/data/privacy.json``.
Where a rule cannot be sure (a contact detail that may be an organisation's, data of a
user who may not be a learner), the occurrence has a code of its own (``PRIV003``,
``PRIV004``): one severity per code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from oer_meta.checks.registry import Variant, Violation, rule
from oer_meta.i18n import N_, Message, joined, marked, msg, msgn
from oer_meta.knowledge.privacy import (
    Named,
    Verdict,
    contacts_in_text,
    emails_in,
    individual,
    is_role_address,
    judge_text,
    mask,
    name_words,
    named_in,
    person_like,
    personal_contacts,
    table,
)
from oer_meta.knowledge.text import fold
from oer_meta.knowledge.vocabularies import concept_tail
from oer_meta.model import Agent, Annotation, Extension, Location, Record, Text

#: JSON keys that say what a person is, in usage data.
_MARK_KEYS = frozenset(
    {"jobtitle", "rolename", "role", "educationalrole", "audiencetype", "hasoccupation"}
)
_AGENT_FIELDS = ("contributors", "publishers", "rights_holders")
_ORGANISATION_TYPES = frozenset(
    {
        "Organization", "EducationalOrganization", "CollegeOrUniversity", "School",
        "HighSchool", "MiddleSchool", "ElementarySchool", "Preschool", "Library",
        "Corporation", "GovernmentOrganization", "NGO", "Consortium", "ResearchOrganization",
    }
)  # fmt: skip


def _personal(kind: str, count: int) -> Message:
    """``a personal e-mail address``, ``2 personal telephone numbers``."""
    if kind == "email":
        return msgn("a personal e-mail address", "{count} personal e-mail addresses", count)
    if kind == "phone":
        return msgn("a personal telephone number", "{count} personal telephone numbers", count)
    return msgn("a personal postal address", "{count} personal postal addresses", count)


#: The Agent attribute a finding names for each kind of contact (``contributors.telephone``).
_ATTRIBUTE = {"email": "email", "phone": "telephone", "address": "address"}


# -- messages ----------------------------------------------------------------------------


def _role_label(role: str | None) -> str | Message:
    """``author`` for ``http://.../concept/author``; ``metadata creator`` for
    ``metadata:creator``; ``contributor`` when no role is given."""
    text = (role or "").strip()
    if text.startswith("metadata:"):
        text = text[len("metadata:") :]
        tail = concept_tail(text)
        return msg("metadata {role}", role=tail) if tail else msg("metadata contributor")
    return concept_tail(text) or msg("contributor")


def _describe(verdicts: list[Verdict], kind: str) -> Message:
    """``a personal e-mail address (j…@example.org)``, ``2 personal telephone numbers
    (TYPE=HOME)``: what was found, addresses masked, other values not repeated."""
    noun = _personal(kind, len(verdicts))
    if kind == "email":
        shown = ", ".join(mask(v.contact.value) for v in verdicts[:3])
        return msg("{noun} ({shown})", noun=noun, shown=shown)
    types = sorted({t for v in verdicts for t in v.contact.types})
    if types:
        return msg("{noun} (TYPE={types})", noun=noun, types=",".join(types).upper())
    return noun


def _contact_code(verdicts: list[Verdict]) -> str | None:
    """PRIV001's own code when any verdict is certain, else ``PRIV003``."""
    if any(v.certain for v in verdicts):
        return None
    return "PRIV003"


_HINTS = {
    "email": N_(
        "remove the personal e-mail address; attribution needs only the name (FN, "
        "name), an ORCID (https://orcid.org/...) or the organisation (ORG, affiliation); "
        "if a contact is needed, give a role address of the organisation (contact@..., info@...)"
    ),
    "phone": N_(
        "remove the personal telephone number; keep the name, an ORCID or the "
        "organisation for attribution, and give the organisation's switchboard if needed"
    ),
    "address": N_(
        "remove the personal postal address; keep the name, an ORCID or the "
        "organisation for attribution, and give the organisation's address if needed"
    ),
}


_TEXT_HINTS = {
    "email": N_(
        "remove the e-mail address from the text; credit the person by name or "
        "ORCID in the contributor fields, and if a contact is needed give a role address of "
        "the organisation (contact@..., info@...)"
    ),
    "phone": N_(
        "remove the telephone number from the text; if a contact is needed give the "
        "organisation's switchboard or a role address"
    ),
}


def _where(agent: Agent, record: Record) -> Location | None:
    return agent.location


def _free_texts(record: Record) -> Iterator[tuple[str, str, str, Location | None]]:
    """``(label, field, text, location)`` of every title, description and rights
    statement: the free text PRIV001 searches for contact details."""
    for text in record.titles:
        yield N_("the title"), "titles", text.value, text.location
    for text in record.descriptions:
        yield N_("the description"), "descriptions", text.value, text.location
    for statement in record.licences:
        yield N_("the rights statement"), "licences", statement.raw, statement.location


def _in_free_text(record: Record) -> Iterator[Violation]:
    """Personal e-mail addresses and telephone numbers written in free text: one finding
    per text and kind of contact."""
    named: Named | None = None
    for label, field, text, location in _free_texts(record):
        contacts = contacts_in_text(text)
        if not contacts:
            continue
        if named is None:
            named = named_in((*record.contributors, *record.publishers, *record.rights_holders))
        verdicts = judge_text(contacts, named)
        for kind in ("email", "phone"):
            found = [v for v in verdicts if v.contact.kind == kind]
            if found:
                reasons = sorted({v.reason for v in found})
                yield Violation(
                    msg(
                        "{text} gives {found}: {reasons}",
                        text=marked(label),
                        found=_describe(found, kind),
                        reasons=joined("; ", [marked(r) for r in reasons]),
                    ),
                    hint=marked(_TEXT_HINTS[kind]),
                    field=field,
                    location=location,
                    code=_contact_code(found),
                )


# -- PRIV001 -----------------------------------------------------------------------------


_POSSIBLY_PERSONAL = Variant(
    "PRIV003",
    "contact-data-possibly-personal",
    "info",
    "A contact detail may be personal, but the record does not show whether it belongs "
    "to a person.",
    """
    ## Why it matters
    A personal mailbox or telephone number in a record spreads to every harvester
    (``PRIV001``), but here oer_meta cannot tell whether the agent is a person or an
    organisation: an entry with no type and a name that is neither a person's nor an
    organisation's, or an organisation whose address is shaped like a person's name
    (``jane.doe@university.example``); or a ``given.family`` address written in a
    description or rights statement that names no one it could belong to.
    Information rather than a warning, so that a repository can check by hand without
    failing on a guess.

    ## Example
    A vCard with ``FN:Physics Lab 3`` and ``EMAIL:lab3@example.org``; a schema.org
    ``Organization`` with ``"email": "jane.doe@example.org"``; a description ending
    "Questions: jane.doe@example.org" in a record whose contributors are organisations.

    ## Fix
    If the detail belongs to a person, remove it as for ``PRIV001`` and keep the name,
    an ORCID or the organisation; if it is an organisation's contact point, say so
    (vCard ``ORG``, schema.org ``Organization``) or use a role address
    (``contact@...``).
    """,
)


@rule(
    "PRIV001",
    "personal-contact-data",
    severity="warning",
    areas=[1, 2],
    paragraphs=["11", "12"],
    variants=[_POSSIBLY_PERSONAL],
)
def personal_contact_data(record: Record) -> Iterator[Violation]:
    """A person's e-mail address, telephone number or postal address is published.

    ## Why it matters
    Records are harvested, mirrored and indexed far beyond the repository that wrote
    them, so a private mailbox or home address in a vCard, a FOAF agent, a schema.org
    ``Person`` (or its ``contactPoint``), or written into a description, a rights
    statement or a name spreads to every aggregator and spam list and can never be
    recalled.  The
    Recommendation asks for OER platforms that protect privacy (para. 11) and for data
    protection in OER policy (para. 12).  Attribution does not need any of it: a
    name, an ORCID or the organisation identify the author.  Organisational contact
    points are not personal: role mailboxes (``contact@``, ``info@``, ``secretariat@``,
    ``noreply@``...), an ORG-only vCard, a schema.org ``Organization``, and the work
    telephone and address a vCard gives next to the person's ORG.  A warning, not an
    error, because the person may have agreed to publication; an occurrence where the
    rule cannot tell whether the agent is a person is ``PRIV003`` (information).  In
    free text, which says nothing of whose a detail is, only evidence of a person
    counts: an address named after a person the record names (``edwards@`` beside the
    contributor ``Edwards, A.R.``), a number labelled mobile or home, or a number in
    the same text as such an address; an organisation's address or switchboard in a
    rights statement is not personal data.

    ## Example
    ``EMAIL;TYPE=INTERNET:jane.doe@example.org`` and ``ADR;TYPE=HOME:...`` in the
    vCard of an author ``N:Doe;Jane``; ``"creator": {"@type": "Person", "email":
    "jane.doe@example.org"}``; ``<dc:creator>Jane Doe &lt;jane@example.org&gt;``;
    ``<foaf:mbox rdf:resource="mailto:jane.doe@example.org"/>`` in a ``dcterms:creator``;
    a description "by Jane Doe, jdoe@example.org, mobile +44 7700 900123".

    ## Fix
    Remove the personal e-mail, telephone and postal address, from the contributor
    data and from the texts.  Keep the name (FN, ``name``), add an ORCID (vCard
    ``URL``, schema.org ``identifier``/``sameAs``) or the affiliation (ORG,
    ``affiliation``), and where a contact is needed give the organisation's role
    address (``contact@...``).
    """
    for field in _AGENT_FIELDS:
        for agent in getattr(record, field):
            verdicts = personal_contacts(agent)
            for kind in ("email", "phone", "address"):
                found = [v for v in verdicts if v.contact.kind == kind]
                if not found:
                    continue
                name = f" {agent.name!r}" if agent.name else ""
                reasons = sorted({v.reason for v in found})
                yield Violation(
                    msg(
                        "the vCard of {role}{name} gives {found}: {reasons}",
                        role=_role_label(agent.role),
                        name=name,
                        found=_describe(found, kind),
                        reasons=joined("; ", [marked(r) for r in reasons]),
                    )
                    if agent.from_vcard
                    else msg(
                        "the entry for {role}{name} gives {found}: {reasons}",
                        role=_role_label(agent.role),
                        name=name,
                        found=_describe(found, kind),
                        reasons=joined("; ", [marked(r) for r in reasons]),
                    ),
                    hint=marked(_HINTS[kind]),
                    field=f"{field}.{_ATTRIBUTE[kind]}",
                    location=_where(agent, record),
                    code=_contact_code(found),
                )
    yield from _in_free_text(record)


# -- PRIV002 -----------------------------------------------------------------------------


def _local_name(name: str) -> str:
    """``review`` for ``{ns}review``, ``schema:review`` or ``http://schema.org/review``."""
    return re.split(r"[}:/#]", name)[-1]


def _mentions_learner(text: str) -> bool:
    """True when ``text`` names learners and no teacher (``élève`` but not
    ``professeur des élèves``)."""
    words = set(name_words(text))
    return bool(words & table("learner_words")) and not words & table("teacher_words")


@dataclass
class _Findings:
    """What one piece of usage data reveals about people."""

    identifiers: list[str | Message]
    learner: bool = False

    def add(self, what: str | Message) -> None:
        if what not in self.identifiers:
            self.identifiers.append(what)


def _scan(value: Any, found: _Findings) -> None:
    """Walk JSON-like usage data: personal identifiers (non-role e-mails, ``mbox``,
    ``account``...) and persons marked as learners."""
    if isinstance(value, str):
        for address in emails_in(value):
            if not is_role_address(address):
                found.add(msg("e-mail address {address}", address=mask(address)))
    elif isinstance(value, list):
        for item in value:
            _scan(item, found)
    elif isinstance(value, dict):
        if _organisation_node(value):
            return
        for key, item in value.items():
            local = fold(_local_name(str(key)))
            if local in table("identifier_keys") and item not in (None, "", [], {}):
                if local == "email":
                    texts = item if isinstance(item, list) else [item]
                    if all(
                        is_role_address(a) for t in texts if isinstance(t, str)
                        for a in emails_in(t)
                    ):  # fmt: skip
                        continue
                found.add(
                    msg("e-mail address") if local == "email" else f"'{_local_name(str(key))}'"
                )
                continue
            if local in _MARK_KEYS and _mentions_learner(_flatten(item)):
                found.learner = True
            _scan(item, found)


def _organisation_node(node: dict[Any, Any]) -> bool:
    """True for a JSON-LD node typed as an organisation (its contacts are not personal)."""
    types = node.get("@type", node.get("type", []))
    names = [types] if isinstance(types, str) else types if isinstance(types, list) else []
    return any(isinstance(t, str) and _local_name(t) in _ORGANISATION_TYPES for t in names)


def _flatten(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return " ".join(_flatten(v) for v in value)
    if isinstance(value, dict):
        return " ".join(_flatten(v) for v in value.values())
    return ""


def _details(verdicts: list[Verdict]) -> list[Message]:
    """``e-mail address (j…@example.org)``, ``telephone number``... one per kind found."""
    found = []
    for kind in ("email", "phone", "address"):
        of_kind = [v for v in verdicts if v.contact.kind == kind]
        if of_kind:
            found.append(_describe(of_kind, kind))
    return found


def _annotation_entity(agent: Agent) -> Violation | None:
    """An annotation's entity: a learner, or anyone with personal contact details."""
    marks = agent.notes
    details = _details(personal_contacts(agent))
    who = individual(agent)
    # a person marked as a learner is identified by name; an entity of unknown kind
    # (a class, a group) only when it also gives personal contact details
    learner = _mentions_learner(" ".join(marks)) and (
        who is True or (who is None and bool(details))
    )
    if not learner and not details:
        return None
    name = f" {agent.name!r}" if agent.name else ""
    listed = joined(", ", details)
    if learner:
        message = (
            msg(
                "the annotation entity{name} is marked as a learner and gives {details}",
                name=name,
                details=listed,
            )
            if details
            else msg("the annotation entity{name} is marked as a learner", name=name)
        )
    else:
        message = msg(
            "the annotation entity{name} gives {details}: an "
            "annotation records who used the resource, who may be a learner",
            name=name,
            details=listed,
        )
    return Violation(
        message,
        hint=msg(
            "annotate on behalf of the class, the teacher or the institution (a name "
            "or ORG without e-mail), or drop the entity; keep learners' data out of metadata"
        ),
        field="annotations.entity",
        location=agent.location,
        code=None if learner else "PRIV004",
    )


def _annotation_text(description: Text) -> Violation | None:
    """E-mail addresses written into an annotation's description."""
    text = description.value
    personal = [a for a in emails_in(text) if not is_role_address(a)]
    if not personal:
        return None
    learner = _mentions_learner(text)
    shown = ", ".join(mask(a) for a in personal[:3])
    return Violation(
        msgn(
            "an annotation mentions learners and gives an e-mail address ({shown}) of people "
            "who used the resource",
            "an annotation mentions learners and gives {count} e-mail addresses ({shown}) of "
            "people who used the resource",
            len(personal),
            shown=shown,
        )
        if learner
        else msgn(
            "an annotation gives an e-mail address ({shown}) of people who used the resource",
            "an annotation gives {count} e-mail addresses ({shown}) of people who used the "
            "resource",
            len(personal),
            shown=shown,
        ),
        hint=msg(
            "describe the use without identifying anyone: 'used with a class of 25 "
            "pupils aged 10-11' rather than names or e-mail addresses"
        ),
        field="annotations.descriptions",
        location=description.location,
        code=None if learner else "PRIV004",
    )


def _annotation(annotation: Annotation) -> Iterator[Violation]:
    """What one LOM annotation reveals: its entity, then its descriptions."""
    if annotation.entity is not None:
        violation = _annotation_entity(annotation.entity)
        if violation is not None:
            yield violation
    for description in annotation.descriptions:
        violation = _annotation_text(description)
        if violation is not None:
            yield violation


def _usage(ext: Extension, where: Location | None) -> Violation | None:
    """Reviews, comments, statistics or learner properties carrying identifiers."""
    found = _Findings(identifiers=[])
    _scan(ext.value, found)
    name = _local_name(ext.name)
    learner_property = fold(name) in table("learner_words")
    if learner_property and isinstance(ext.value, str) and person_like(ext.value):
        found.add(msg("a person's name"))
    if not found.identifiers:
        return None
    learner = found.learner or learner_property
    return Violation(
        msg(
            "'{name}' holds personal identifiers of learners: {identifiers}",
            name=name,
            identifiers=joined(", ", found.identifiers[:4]),
        )
        if learner
        else msg(
            "'{name}' holds personal identifiers of users of the resource: {identifiers}",
            name=name,
            identifiers=joined(", ", found.identifiers[:4]),
        ),
        hint=msg(
            "publish usage data only in aggregate (counts, ratings) and credit reviewers "
            "by name or organisation, never by e-mail address or account"
        ),
        field="extensions",
        location=where,
        code=None if learner else "PRIV004",
    )


_USER_DATA = Variant(
    "PRIV004",
    "user-data",
    "warning",
    "The record carries data that identifies users of the resource not known to be learners.",
    """
    ## Why it matters
    An annotator's or reviewer's e-mail address, account or telephone number in public
    metadata spreads to every harvester, and the person may well be a learner.  But
    nothing in the record marks them as one, and annotators and reviewers are often
    teachers: a warning rather than ``PRIV002``'s error, which is for people marked
    as learners (para. 11, 12: privacy-protected platforms, data protection).

    ## Example
    A LOM ``annotation`` whose vCard gives ``EMAIL:j.doe@example.org`` and no learner
    role; a JSON-LD ``review`` whose ``author`` has an ``email``.

    ## Fix
    Credit annotations and reviews by name, ORCID or organisation, never by e-mail
    address or account; publish usage data only in aggregate.
    """,
)


@rule(
    "PRIV002",
    "learner-data",
    severity="error",
    areas=[1, 2],
    paragraphs=["11", "12"],
    variants=[_USER_DATA],
)
def learner_data(record: Record) -> Iterator[Violation]:
    """The record carries data that identifies learners or other users of the resource.

    ## Why it matters
    Learners are often minors, and nothing about them belongs in public metadata:
    who used a resource, with which class, and how to reach them.  LOM annotations
    (who commented on the resource's use), reviews, comments and usage statements
    spread such data to every harvester.  The Recommendation asks for
    privacy-protected OER platforms (para. 11) and data protection in OER policy
    (para. 12).  An error when the person is marked as a learner (vCard ``ROLE`` or
    ``TITLE`` such as ``élève``, ``student``; a text naming pupils next to their
    e-mail); ``PRIV004`` (a warning) when the annotator or reviewer may be a teacher.

    ## Example
    ``<annotation><entity>BEGIN:VCARD ... TITLE:élève EMAIL:...@example.org
    END:VCARD</entity>``; an annotation description listing pupils' e-mail
    addresses; a JSON-LD ``review`` whose ``author`` has an ``email`` or an xAPI
    ``mbox``.

    ## Fix
    Remove the learners' names, e-mail addresses and accounts.  Describe use in
    aggregate ("used with two classes of 10-11 year-olds"), and credit annotations and
    reviews to the teacher or the institution by name, ORCID or organisation.
    """
    for annotation in record.annotations:
        yield from _annotation(annotation)
    usage = table("usage_properties") | table("learner_words")
    for ext in record.extensions:
        if fold(_local_name(ext.name)) in usage:
            violation = _usage(ext, ext.location)
            if violation is not None:
                yield violation
