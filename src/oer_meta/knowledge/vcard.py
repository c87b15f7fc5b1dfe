"""Lenient vCard reading for the entities of LOM records.

LOM stores contributors as vCard 3.0 text, and real records bend it every way: CRLF
written as ``&#xD;``, folded and indented lines, blank continuation lines, literal
``\\n`` separators, whole cards on one line (their empty properties run together:
``EMAIL;TYPE=INTERNET:ORG:END:VCARD``), a stray ``>`` before ``BEGIN``, quoted-printable
values, base64 photos, character references left as text (``l&apos;académie``).
General vCard libraries refuse much of this, so oer_meta reads it itself, keeping the
raw text next to what it understood: the name and kind, the contact details typed by
their TYPE parameters (:class:`~oer_meta.model.Contact`), and what the card says the
person is (ROLE, TITLE...).  Readers call it once per entity; rules never do.
"""

from __future__ import annotations

import html
import quopri
import re
from dataclasses import dataclass

from oer_meta.model import Agent, Contact, Location
from oer_meta.model.values import ContactKind

__all__ = ["agent_from_vcard", "vcard_properties", "vcard_types"]

_NAMES = (
    r"(BEGIN|END|VERSION|FN|N|NICKNAME|PHOTO|BDAY|ADR|LABEL|TEL|EMAIL|MAILER|TZ|GEO|TITLE|"
    r"ROLE|LOGO|AGENT|ORG|CATEGORIES|NOTE|PRODID|REV|SORT-STRING|SOUND|UID|URL|CLASS|KEY|"
    r"KIND|SOURCE|NAME|PROFILE|IMPP|LANG|GENDER|ANNIVERSARY|MEMBER|RELATED|CALURI|"
    r"CALADRURI|FBURL|XML|CLIENTPIDMAP|X-[A-Za-z0-9-]+)"
)
_PROPERTY = re.compile(r"^(?:[A-Za-z0-9-]+\.)?" + _NAMES + r"((?:;[^:]*)?):(.*)$", re.IGNORECASE)
#: Where a vCard written on one line (properties separated by spaces) splits.  The
#: look-behind starts a match only at the first blank of a run: otherwise a long run of
#: blanks not followed by a property name is rescanned from each of its blanks.
_ONE_LINE_SPLIT = re.compile(r"(?<!\s)\s+(?=" + _NAMES + r"(?:;[^:\s]*)?:)")
_ESCAPED = re.compile(r"\\(.)")
_COMPONENT = re.compile(r"(?<!\\);")
#: A character reference left as text (``&apos;``, ``&amp;``, ``&#39;``, ``&#x27;``); the
#: group is all but its ``;``.
_REFERENCE = r"(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6})"
_ENTITY = re.compile(r"(&" + _REFERENCE + ");")
#: The ``&amp;`` of a reference escaped twice (``&amp;apos;``).
_TWICE = re.compile(r"&amp;(?=" + _REFERENCE + ";)")
#: A property that a one-line vCard ran into the (empty) value before it
#: (``EMAIL;TYPE=INTERNET:ORG:END:VCARD``).
_RUN_ON = re.compile(
    r"^(?:BEGIN|END|VERSION|FN|N|ORG|EMAIL|TEL|ADR|URL|TITLE|ROLE)(?:;[^:\s]*)?:", re.IGNORECASE
)
#: Properties whose value never starts like a property: one that does was run on.
_RUN_INTO = frozenset({"EMAIL", "TEL", "FN", "N", "ORG", "ADR", "URL", "TITLE", "ROLE"})
_ORGANISATION_KINDS = frozenset({"org", "organization", "organisation", "group"})
_TYPE_PARAM = re.compile(r"^type=(.*)$", re.IGNORECASE)
#: Properties that say what the person is (where a learner or a teacher is marked).
_NOTE_PROPERTIES = ("ROLE", "TITLE", "CATEGORIES", "NOTE", "X-ROLE")


@dataclass
class _Property:
    name: str
    params: str
    value: str


def _references(value: str) -> str:
    """Character references left as text read as the characters they stand for
    (``l&apos;Amiens`` is ``l'Amiens``; a reference escaped twice, ``&amp;apos;``, too).
    Only complete references are read, by :func:`html.unescape`: a bare ``&`` and an
    unknown name stay as written."""
    if "&" not in value:
        return value
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), _TWICE.sub("&", value))


def _unescape(value: str) -> str:
    """A property value as text: vCard backslash escapes, then character references."""
    text = _ESCAPED.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value).strip()
    return _references(text)


def _components(value: str) -> list[str]:
    """The ``;``-separated parts of N, ORG or ADR; the ``;`` ending a character entity
    left in the text (``l&apos;Amiens``, double-escaped in some records) is no separator."""
    protected = _ENTITY.sub(lambda m: m.group(1) + "\x00", _TWICE.sub("&", value))
    return [
        _references(_unescape(part).replace("\x00", ";")) for part in _COMPONENT.split(protected)
    ]


def _one_line(text: str) -> list[str]:
    """A vCard written on one line, split into its properties; a property run into the
    empty value before it (``EMAIL;TYPE=INTERNET:ORG:END:VCARD``) is split off too."""
    lines: list[str] = []
    for line in _ONE_LINE_SPLIT.split(text)[::2]:
        match = _PROPERTY.match(line)
        while match is not None and match.group(1).upper() in _RUN_INTO:
            run_on = _RUN_ON.match(match.group(3))
            if run_on is None:
                break
            lines.append(line[: match.start(3)])
            line = match.group(3)
            match = _PROPERTY.match(line)
        lines.append(line)
    return lines


def _name_text(value: str | None) -> str | None:
    """A name with its runs of blanks (a TAB inside FN) made one space."""
    joined = " ".join(value.split()) if value else ""
    return joined or None


def vcard_properties(raw: str) -> list[_Property]:
    """The properties of a vCard as written in LOM records: CRLF or ``&#xD;`` line ends,
    folded and indented lines, blank continuation lines, literal ``\\n`` separators and
    whole vCards on one line are all accepted.  A value is unfolded but not unescaped."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").strip()
    begin = text[:16].upper().find("BEGIN:VCARD")
    if begin > 0 and not any(c.isalnum() for c in text[:begin]):
        text = text[begin:]  # a stray ">" left by the writer before BEGIN
    if "\n" not in text:
        if "\\n" in text:
            text = text.replace("\\n", "\n")
        elif text.upper().startswith("BEGIN:VCARD"):
            text = "\n".join(_one_line(text))
    found: list[_Property] = []
    for line in text.split("\n"):
        match = _PROPERTY.match(line.strip())
        if match is not None:
            found.append(_Property(match.group(1).upper(), match.group(2), match.group(3)))
        elif found and line.strip():
            found[-1].value += line[1:] if line[:1] in " \t" else line
    for prop in found:
        if "QUOTED-PRINTABLE" in prop.params.upper():
            charset = re.search(r"CHARSET=([\w-]+)", prop.params, re.IGNORECASE)
            decoded = quopri.decodestring(prop.value.encode("utf-8", "replace"))
            try:
                prop.value = decoded.decode(charset.group(1) if charset else "utf-8", "replace")
            except LookupError:
                prop.value = decoded.decode("utf-8", "replace")
    return found


def vcard_types(params: str) -> list[str]:
    """The TYPE values of a vCard parameter string, lower-cased, in order (``;TYPE=WORK,VOICE``
    or the vCard 2.1 form ``;WORK;VOICE``); other parameters (CHARSET=...) are left out."""
    found: list[str] = []
    for part in params.split(";"):
        part = part.strip()
        if not part:
            continue
        match = _TYPE_PARAM.match(part)
        values = match.group(1).split(",") if match is not None else [part]
        if match is None and "=" in part:
            continue
        for value in values:
            value = value.strip().strip('"').lower()
            if value and value not in found:
                found.append(value)
    return found


def _contacts(
    props: list[_Property], source_field: str | None, location: Location | None
) -> list[Contact]:
    """EMAIL, TEL, URL, ADR and LABEL as typed contacts (empty values left out)."""
    kinds: dict[str, ContactKind] = {
        "EMAIL": "email", "TEL": "phone", "URL": "url", "ADR": "address", "LABEL": "address"
    }  # fmt: skip
    found: list[Contact] = []
    for prop in props:
        kind = kinds.get(prop.name)
        if kind is None:
            continue
        if prop.name == "ADR":
            value = ", ".join(c for c in _components(prop.value) if c)
        else:
            value = _unescape(prop.value)
        if value:
            found.append(
                Contact(
                    kind=kind,
                    value=value,
                    types=vcard_types(prop.params),
                    source_field=source_field,
                    location=location,
                )
            )
    return found


def agent_from_vcard(
    raw: str,
    role: str | None,
    *,
    source_field: str | None = None,
    location: Location | None = None,
) -> Agent | None:
    """An :class:`Agent` from a LOM vCard entity (``None`` when it is blank), built once
    with the entity's ``source_field`` and ``location``.

    The name is FN, else N, else ORG, its blanks made single spaces.  The kind is KIND
    when given; an ORG without a personal name, or equal to it, is an organisation; a
    name next to a different ORG (unless the name holds digits: a working group, a
    room), or an N with family and given names, is a person; otherwise the kind stays
    unknown.
    URL and UID values are kept as identifiers.  A text that is not a vCard at all is
    taken as a bare name.
    """
    if not raw.strip():
        return None
    props = vcard_properties(raw)
    if not props:
        return Agent(
            role=role,
            name=" ".join(raw.split()),
            raw=raw,
            source_field=source_field,
            location=location,
        )

    def values(name: str) -> list[str]:
        return [v for v in (_unescape(p.value) for p in props if p.name == name) if v]

    def joined(name: str) -> list[str]:
        found = (", ".join(c for c in _components(p.value) if c) for p in props if p.name == name)
        return [value for value in found if value]

    fn = _name_text(next(iter(values("FN")), None))
    n_parts = next((_components(p.value) for p in props if p.name == "N"), [])
    # N is family;given;additional;prefix;suffix
    n_name = " ".join(n_parts[i] for i in (3, 1, 2, 0, 4) if i < len(n_parts) and n_parts[i])
    org = _name_text(next(iter(joined("ORG")), None))
    personal = fn or _name_text(n_name)
    kind = _vcard_kind(values("KIND") + values("X-KIND"), personal, n_parts, org)
    return Agent(
        role=role,
        name=personal or org,
        kind=kind,
        email=values("EMAIL"),
        telephone=values("TEL"),
        address=joined("ADR"),
        identifiers=values("URL") + values("UID"),
        affiliation=org if kind == "person" else None,
        contacts=_contacts(props, source_field, location),
        notes=[v for name in _NOTE_PROPERTIES for v in values(name)],
        from_vcard="BEGIN:VCARD" in raw.upper(),
        raw=raw,
        source_field=source_field,
        location=location,
    )


def _vcard_kind(
    declared: list[str], personal: str | None, n_parts: list[str], org: str | None
) -> str | None:
    for value in declared:
        if value.lower() in _ORGANISATION_KINDS:
            return "organization"
        if value.lower() in ("individual", "person"):
            return "person"
    if personal is None:
        return "organization" if org else None
    if org:
        same = " ".join(personal.lower().split()) == " ".join(org.lower().split())
        if same:
            return "organization"
        # a name with digits next to an ORG is a unit of it (GT8/SC36/CT71 of AENOR)
        return None if any(c.isdigit() for c in personal) else "person"
    if len(n_parts) > 1 and n_parts[0] and n_parts[1]:
        return "person"
    return None
