"""Pack ``LIC``: is the resource openly licensed, and can a re-user act on its licence?

The Recommendation defines OER by their licence: material "in the public domain or
under copyright that [has] been released under an open license" permitting "no-cost
access, re-use, re-purpose, adaptation and redistribution" (para. 1), an open licence
being one that grants exactly those permissions (para. 2).  Para. 12(a) asks that
publicly funded resources be openly licensed or dedicated to the public domain.  These
rules read what :func:`oer_meta.parse_licence` concluded about each licence statement
when the record left the readers (``LicenceStatement.licence``; they never parse a
statement again) and say, in each message, what was read and what was concluded.  Occurrences that
matter less than their rule's have codes of their own (``LIC012``, ``LIC013``): one
severity per code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from oer_meta.checks._messages import quote
from oer_meta.checks.registry import Variant, Violation, rule
from oer_meta.i18n import N_, Clause, Message, clause, joined, marked, msg
from oer_meta.knowledge.attribution import tasl
from oer_meta.knowledge.licences.compat import remix_conflicts
from oer_meta.knowledge.licences.model import Licence
from oer_meta.knowledge.licences.record import (
    DERIVATION_KINDS,
    best_licence,
    effective_licence,
    from_copyright_slot,
    licence_of,
    parsed_statements,
    yes_no,
)
from oer_meta.model import LicenceStatement, Location, Record, Relation

if TYPE_CHECKING:
    from oer_meta.checks.batch import BatchIndex, RecordRef

#: Statements that contradict an open licence stated next to them.
_RESTRICTIVE_STATEMENTS = frozenset(
    {
        "all-rights-reserved",
        "educational-use-only",
        "non-commercial-only",
        "proprietary",
        "restricted",
    }
)

#: Statements that state no licence at all: access or cost ("Free access"), a value
#: standing for no value ("N/A", "none", "-"), a placeholder URL (``example.com``).
_NO_LICENCE = frozenset({"access-statement", "not-stated", "placeholder"})

#: Relation kinds (lower-cased) that say the resource adapts another one.

_CC_DEED = "https://creativecommons.org/licenses/{unit}/4.0/"


def _read(statement: LicenceStatement, licence: Licence) -> Message:
    """``read 'CC BY 4.0' from dc:rights → CC-BY-4.0``: what was read and concluded."""
    field = statement.source_field or msg("the record")
    concluded = licence.identifier
    if concluded and " ".join(statement.raw.split()) != concluded:
        return msg(
            "read {raw} from {field} → {concluded}",
            raw=quote(statement.raw),
            field=field,
            concluded=concluded,
        )
    return msg("read {raw} from {field}", raw=quote(statement.raw), field=field)


def _why(licence: Licence, default: str) -> Clause:
    """The parser's reason as a clause: ``Not open.`` becomes ``not open``, in the
    report's language when the parser said it with a template (``default`` is marked
    with ``N_`` by the caller)."""
    reason = licence.reason.strip()
    return clause(reason if reason.rstrip(".") else default)


def _fix_url(licence: Licence) -> str | None:
    """The CC 4.0 deed with the same elements: the licence to move to."""
    if licence.family == "cc" and licence.elements:
        return _CC_DEED.format(unit="-".join(licence.elements))
    return None


def _licences(record: Record) -> list[tuple[LicenceStatement, Licence]]:
    return [(s, lic) for s, lic in parsed_statements(record) if lic.names_licence]


@rule("LIC001", "licence-missing", severity="error", areas=[1, 2], paragraphs=["1", "2", "12(a)"])
def licence_missing(record: Record) -> Iterator[Violation]:
    """The record states no licence and no rights at all.

    ## Why it matters
    A resource is OER only if it is in the public domain or released under an open
    licence (paras 1 and 2).  Without any rights statement a re-user must assume all
    rights are reserved, and a repository cannot count the resource as open.  A
    statement that only describes access ("Free access",
    ``info:eu-repo/semantics/openAccess``) or LOM ``copyrightAndOtherRestrictions``
    alone does not say what a re-user may do, so it does not count as a licence; nor
    does a value that stands for no value ("N/A", "none", "-", "unknown", LOM-ES
    "not appropriate") or a placeholder URL on a domain reserved for examples
    (``http://example.com/license``).

    ## Example
    An ``oai_dc`` record with no ``dc:rights`` and no ``dcterms:license``; a LOM record
    whose ``rights`` holds only ``copyrightAndOtherRestrictions`` = ``yes``.

    ## Fix
    State the licence with its canonical URL: ``dcterms:license`` or ``dc:rights``
    in Dublin Core, ``rights.description`` in LOM, ``license`` in schema.org, e.g.
    ``https://creativecommons.org/licenses/by/4.0/``.
    """
    pairs = parsed_statements(record)
    if any(lic.family not in _NO_LICENCE for _, lic in pairs):
        return
    if pairs:
        statement, licence = pairs[0]
        if licence.family == "access-statement":
            why = msg("it describes access, not what a re-user may do")
        elif licence.family == "placeholder":
            why = msg("it is a placeholder on a domain reserved for examples")
        else:
            why = msg("it stands for no value")
        yield Violation(
            msg("{read}: {why}; no licence is stated", read=_read(statement, licence), why=why),
            hint=msg(
                "state the licence by its URL, e.g. https://creativecommons.org/licenses/by/4.0/"
            ),
            field="licences",
            location=statement.location,
        )
        return
    flag = yes_no(record.copyright_restrictions)
    message = msg("no licence or rights statement")
    if flag is not None and record.copyright_restrictions is not None:
        message = msg(
            "no licence or rights statement (copyrightAndOtherRestrictions says {value!r} "
            "but names no licence)",
            value=record.copyright_restrictions.value,
        )
    location = (
        record.copyright_restrictions.location
        if record.copyright_restrictions is not None
        else None
    )
    yield Violation(
        message,
        hint=msg(
            "state the licence by its URL (dcterms:license, LOM rights.description, "
            "schema:license), e.g. https://creativecommons.org/licenses/by/4.0/"
        ),
        field="licences",
        location=location,
    )


@rule("LIC002", "licence-unrecognised", severity="warning", areas=[1], paragraphs=["2"])
def licence_unrecognised(record: Record) -> Iterator[Violation]:
    """A rights statement cannot be mapped to any known licence.

    ## Why it matters
    Whether a resource may be adapted and redistributed depends on its licence (para.
    2).  When the statement is a site's terms-of-use page, a library note ("No known
    restrictions on publication") or free prose, neither people nor harvesters can
    tell what is permitted without asking the rights holder.  The rule fires only when
    no statement of the record names a licence oer_meta recognises.

    ## Example
    ``dc:rights`` = ``http://www.example.org/terms.htm``, or ``Mentionner la source``.

    ## Fix
    Replace or complement the statement with a recognised licence by URL or SPDX id
    (``https://creativecommons.org/licenses/by-sa/4.0/``, ``CC-BY-SA-4.0``).
    """
    pairs = parsed_statements(record)
    if any(lic.openness != "unknown" for _, lic in pairs):
        return
    for statement, licence in pairs:
        if licence.family in _NO_LICENCE:
            continue  # LIC001 says that no licence is stated
        why = _why(licence, N_("oer_meta does not recognise it as a licence"))
        yield Violation(
            msg("{read}: {why}", read=_read(statement, licence), why=why),
            hint=msg(
                "name the licence by URL or SPDX id, "
                "e.g. https://creativecommons.org/licenses/by/4.0/"
            ),
            field="licences",
            location=statement.location,
        )


@rule("LIC003", "licence-not-open", severity="error", areas=[1, 2], paragraphs=["1", "2", "12(a)"])
def licence_not_open(record: Record) -> Iterator[Violation]:
    """The licence does not permit adaptation and redistribution: the resource is not OER.

    ## Why it matters
    Para. 2 defines an open licence as one granting the public the rights to access,
    re-use, re-purpose, adapt and redistribute.  NoDerivatives licences forbid sharing
    adaptations; "all rights reserved", a bare copyright notice, "educational use
    only", proprietary terms and the retired Sampling and Developing Nations licences
    withhold other rights.  Such a resource may be free to read, but it is not an OER,
    and translating or adapting it to local needs (para. 6) is not allowed.

    ## Example
    ``CC BY-NC-ND 3.0 DE``; ``Tous droits réservés``; ``Copyright 2004 Example Ltd``.

    ## Fix
    Ask the rights holder to release the resource under an open licence such as
    CC BY 4.0 or CC BY-SA 4.0, or dedicate it to the public domain with CC0.
    """
    chosen = effective_licence(record)
    if chosen is None:
        return
    statement, licence = chosen
    if licence.openness != "not-open":
        return
    if licence.family == "cc" and "nd" in licence.elements:
        kept = "-".join(e for e in licence.elements if e != "nd")
        hint = msg("drop NoDerivatives: e.g. {url}", url=_CC_DEED.format(unit=kept))
    else:
        hint = msg("release it under an open licence, e.g. {url}", url=_CC_DEED.format(unit="by"))
    yield Violation(
        msg(
            "{read}: {why}",
            read=_read(statement, licence),
            why=_why(licence, N_("not an open licence")),
        ),
        hint=hint,
        field="licences",
        location=statement.location,
    )


@rule("LIC004", "licence-noncommercial", severity="warning", areas=[1], paragraphs=["1", "2"])
def licence_noncommercial(record: Record) -> Iterator[Violation]:
    """The licence forbids commercial re-use (NonCommercial).

    ## Why it matters
    Paras 1-2 ask for re-use, adaptation and redistribution "by others" without naming
    commercial use, so an NC resource meets their wording; but NC licences are not
    free cultural works, cannot be remixed with BY-SA material, and keep the resource
    out of printed or commercially distributed course packs that reach learners
    without internet access.  oer_meta therefore reports NC as a restriction the
    Recommendation's aims weigh, at warning level; a profile can lower it to info.

    ## Example
    ``https://creativecommons.org/licenses/by-nc-sa/4.0/``.

    ## Fix
    Where the rights holder agrees, drop the NC element: CC BY 4.0 or CC BY-SA 4.0.
    """
    chosen = effective_licence(record)
    if chosen is None:
        return
    statement, licence = chosen
    if licence.openness != "open-noncommercial":
        return
    elements = tuple(e for e in licence.elements if e != "nc")
    fix = _CC_DEED.format(unit="-".join(elements)) if elements else None
    yield Violation(
        msg(
            "{read}: {why}",
            read=_read(statement, licence),
            why=_why(licence, N_("commercial re-use is not allowed")),
        ),
        hint=msg("if the rights holder agrees, use {url}", url=fix)
        if fix
        else msg("use a licence without NC"),
        field="licences",
        location=statement.location,
    )


def _machine_readable(statement: LicenceStatement, licence: Licence) -> bool:
    if licence.machine_readable:
        return True
    # a code from a declared vocabulary (NL-LOM "cc-by-40") is machine-actionable
    return from_copyright_slot(statement) and licence.how == "short-name"


@rule(
    "LIC005",
    "licence-not-machine-readable",
    severity="warning",
    areas=[1, 3],
    paragraphs=["9(iii)", "11"],
)
def licence_not_machine_readable(record: Record) -> Iterator[Violation]:
    """The licence is given only as free text, with no licence URL or SPDX id.

    ## Why it matters
    Harvesters, search engines and repositories filter by licence automatically; para.
    11 asks for OER that can be easily found through interoperable platforms, and para.
    9(iii) for open standards.  A licence name in prose ("Paternité - Pas
    d'Utilisation Commerciale 3.0") must be guessed at, often loses its version or
    port, and is ignored by tools that only read URLs.

    ## Example
    LOM ``rights.description`` = ``CC Paternité, pas d'utilisation commerciale``.

    ## Fix
    Add the licence's canonical URL next to (or instead of) its name, e.g.
    ``https://creativecommons.org/licenses/by-nc/4.0/``; in JSON-LD use
    ``"license": {"id": "<url>"}``.
    """
    pairs = _licences(record)
    if not pairs or any(_machine_readable(s, lic) for s, lic in pairs):
        return
    statement, licence = pairs[0]
    target = licence.url
    if target is None and licence.version_missing:
        hint = msg("name the version too, and give the licence URL")
    else:
        hint = (
            msg("give the licence URL: {url}", url=target)
            if target
            else msg("give the licence URL")
        )
    yield Violation(
        msg("{read}: the licence is named only in free text", read=_read(statement, licence)),
        hint=hint,
        field="licences",
        location=statement.location,
    )


def _same_licence(a: Licence, b: Licence) -> bool:
    """True when two statements can denote the same licence (a version-less name
    agrees with any version; a port-less name with any port)."""
    if a.family != b.family:
        return False
    if a.family == "cc" and set(a.elements) != set(b.elements):
        return False
    if a.version and b.version and a.version != b.version:
        return False
    if a.jurisdiction and b.jurisdiction and a.jurisdiction != b.jurisdiction:
        return False
    if a.spdx and b.spdx and a.family != "cc":
        return a.spdx.casefold() == b.spdx.casefold()
    return True


@rule("LIC006", "licence-conflict", severity="warning", areas=[1, 2], paragraphs=["2"])
def licence_conflict(record: Record) -> Iterator[Violation]:
    """Statements in one record disagree about the licence.

    ## Why it matters
    When ``dc:rights`` says CC BY-SA and ``dcterms:license`` says CC BY-NC, or a CC
    licence sits next to "All rights reserved", a re-user cannot know which terms
    apply, and a repository may show one while the rights holder meant the other.
    LOM's ``copyrightAndOtherRestrictions`` = ``no`` next to a licence with NoDerivatives
    or NonCommercial terms, or next to a rights-reserved notice, is the same kind of
    contradiction, and so is ``yes`` next to a public-domain claim or dedication (a
    public-domain work has no copyright to restrict its use).  A copyright notice next
    to a licence is normal and not reported, nor is prose that restates a NonCommercial
    licence's condition ("for non-commercial use only" next to CC BY-NC-SA), nor are
    licences stated for different parts of the resource (schema.org licence objects
    such as ``{"name": "Source Code", "license": ...}`` and ``"Content"``).

    ## Example
    ``<dc:rights>CC BY-SA 4.0</dc:rights>`` with
    ``<dcterms:license>https://creativecommons.org/licenses/by-nc/4.0/</dcterms:license>``.

    ## Fix
    Keep one licence, stated the same way everywhere (name and URL of the same
    licence and version), and remove statements that contradict it.
    """
    pairs = parsed_statements(record)
    licences = [(s, lic) for s, lic in pairs if lic.names_licence and not lic.parts]
    for index, (first_s, first) in enumerate(licences):
        for second_s, second in licences[index + 1 :]:
            if first_s.applies_to != second_s.applies_to:
                continue  # licences of different parts (code, content) do not disagree
            if not _same_licence(first, second):
                yield Violation(
                    msg(
                        "{read}, but {other}",
                        read=_read(first_s, first),
                        other=_read(second_s, second),
                    ),
                    hint=msg("state one licence, the same way in every field"),
                    field="licences",
                    location=second_s.location,
                )
    open_licences = [(s, lic) for s, lic in licences if lic.openness != "not-open"]
    restrictive = [
        (s, lic)
        for s, lic in pairs
        if lic.family in _RESTRICTIVE_STATEMENTS
        and not _restates_nc(lic, [ll for _, ll in open_licences])
    ]
    if restrictive and open_licences:
        (rs, rl), (ls, ll) = restrictive[0], open_licences[0]
        yield Violation(
            msg("{read}, but {other}", read=_read(ls, ll), other=_read(rs, rl)),
            hint=msg("remove the rights-reserved statement, or the licence if it does not apply"),
            field="licences",
            location=rs.location,
        )
    yield from _copyright_flag_conflicts(record)


def _restates_nc(statement: Licence, licences: list[Licence]) -> bool:
    """A "non-commercial use only" statement next to NonCommercial licences restates
    their condition in prose (Agrega's Spanish text next to CC BY-NC-SA)."""
    return (
        statement.family == "non-commercial-only"
        and bool(licences)
        and all("nc" in lic.elements for lic in licences)
    )


def _copyright_flag_conflicts(record: Record) -> Iterator[Violation]:
    """LOM ``copyrightAndOtherRestrictions`` against the licence: ``no`` next to a
    licence that restricts use, ``yes`` next to a public-domain claim."""
    flag = yes_no(record.copyright_restrictions)
    if flag is True and record.copyright_restrictions is not None:
        chosen = effective_licence(record)
        if chosen is not None and chosen[1].openness == "public-domain":
            statement, licence = chosen
            yield Violation(
                msg(
                    "copyrightAndOtherRestrictions says {value!r}, but {read}: a public-domain "
                    "work has no copyright restriction to declare",
                    value=record.copyright_restrictions.value,
                    read=_read(statement, licence),
                ),
                hint=msg(
                    "set copyrightAndOtherRestrictions to 'no', or state the licence that "
                    "applies if the work is not in the public domain"
                ),
                field="copyright_restrictions",
                location=record.copyright_restrictions.location,
            )
    if flag is False and record.copyright_restrictions is not None:
        chosen = effective_licence(record)
        if chosen is not None:
            statement, licence = chosen
            restricting = {"nc", "nd"} & set(licence.elements)
            if licence.openness == "not-open" or restricting:
                yield Violation(
                    msg(
                        "copyrightAndOtherRestrictions says 'no', but {read}",
                        read=_read(statement, licence),
                    ),
                    hint=msg(
                        "set copyrightAndOtherRestrictions to 'yes': the licence restricts use"
                    ),
                    field="copyright_restrictions",
                    location=record.copyright_restrictions.location,
                )


@rule("LIC007", "licence-version-outdated", severity="info", areas=[1, 5], paragraphs=["2", "15"])
def licence_version_outdated(record: Record) -> Iterator[Violation]:
    """A Creative Commons licence older than 4.0 is used.

    ## Why it matters
    The 4.0 licences were drafted to work in every jurisdiction without national
    ports, cover database rights, and let a re-user fix a failure to attribute; ports
    of older versions differ from country to country, which complicates the
    international sharing the Recommendation seeks (para. 15 on cooperation).  An
    existing resource cannot be relicensed by anyone but its rights holder, so this is
    information for new releases, not an error.

    ## Example
    ``http://creativecommons.org/licenses/by-sa/3.0/fr/``.

    ## Fix
    For new versions of the resource, use the 4.0 licence with the same elements,
    e.g. ``https://creativecommons.org/licenses/by-sa/4.0/``.
    """
    for statement, licence in _licences(record):
        if licence.family != "cc" or licence.deprecated or not licence.version:
            continue
        if licence.version == "4.0" or not licence.elements or "by" not in licence.elements:
            continue
        fix = _fix_url(licence)
        yield Violation(
            msg(
                "{read}: version {version}; 4.0 exists",
                read=_read(statement, licence),
                version=licence.version,
            ),
            hint=msg("for new releases use {url}", url=fix) if fix else None,
            field="licences",
            location=statement.location,
        )
        return


_TASL_FIELDS = {
    "title": N_("a title (LOM general.title, dc:title, schema:name)"),
    "author": N_(
        "the author or rights holder (LOM lifeCycle.contribute author, dc:creator, schema:creator)"
    ),
    "source": N_("a link to the resource (an http(s) URL, DOI or handle as identifier or URL)"),
    "licence": N_("the licence"),
}
#: The parts of an attribution a record lacks, as a message names them.
_TASL_PARTS = {
    "title": N_("no title"),
    "author": N_("no author"),
    "source": N_("no source"),
    "licence": N_("no licence"),
}


@rule("LIC008", "attribution-incomplete", severity="warning", areas=[1], paragraphs=["2"])
def attribution_incomplete(record: Record) -> Iterator[Violation]:
    """A re-user cannot build the attribution the licence requires.

    ## Why it matters
    Every Creative Commons licence except CC0 requires the re-user to credit the work,
    and an open licence "respects the intellectual property rights of the copyright
    owner" (para. 2) precisely through that credit.  The practice Creative Commons
    recommends is TASL: Title, Author, Source (a link), Licence.  When the record
    lacks one of them, every re-user has to hunt for it, or credits the work wrongly.
    Public-domain resources need no attribution and are not checked.

    ## Example
    A record under CC BY 4.0 with a title but no creator and no URL or DOI.

    ## Fix
    Add what the message lists: the title, the author or rights holder as they wish
    to be credited, a resolvable link, and the licence URL.  ``oer-meta attribution
    FILE`` shows the line a re-user would copy.
    """
    chosen = effective_licence(record)
    if chosen is None or chosen[1].openness not in ("open", "open-noncommercial"):
        return
    statement, licence = chosen
    missing = tasl(record).missing
    if not missing:
        return
    yield Violation(
        msg(
            "{read}, which requires attribution, but the record gives {missing}",
            read=_read(statement, licence),
            missing=joined(", ", [marked(_TASL_PARTS[name]) for name in missing]),
        ),
        hint=msg(
            "add {fields}",
            fields=joined("; ", [marked(_TASL_FIELDS[name]) for name in missing]),
        ),
        field=None,  # the record as a whole: title, author, source and licence together
        location=record.location,
    )


def _derivation_sources(relation: Relation) -> bool:
    return relation.kind.strip().casefold() in DERIVATION_KINDS


def remix_in_batch(index: BatchIndex) -> Iterator[tuple[RecordRef, Violation]]:
    """LIC009 across the batch: a record adapting another record of the batch (whose
    licence it does not state inline) is checked against that record's licence."""
    for link, source in index.licences_of_targets():
        if link.statement is None or link.licence is None:
            continue
        for violation in _remix_conflicts(link.statement, link.licence, [source]):
            yield link.ref, violation


@rule(
    "LIC009",
    "remix-incompatible",
    severity="error",
    areas=["capacity"],
    paragraphs=["2", "6"],
    across_batch=remix_in_batch,
)
def remix_incompatible(record: Record) -> Iterator[Violation]:
    """The record adapts resources whose licences do not allow the record's licence.

    ## Why it matters
    Adapting and remixing OER is what open licences are for (paras 2 and 6), but only
    within their terms: nothing derived from a NoDerivatives work may be shared,
    ShareAlike material must stay under the same licence (or one CC declared
    compatible, such as GPLv3 for BY-SA 4.0), NonCommercial material must stay
    non-commercial, and BY-SA and BY-NC material cannot be mixed at all.  A remix that
    breaks these terms exposes every re-user to infringement.

    oer_meta compares the record's licence with the licences of the resources it
    says it is based on (``isBasedOn``, LOM relation ``isbasedon``, ``dc:source``,
    translation links), when they are stated inline or appear in the same batch.

    ## Example
    A record under CC BY-SA 4.0 with ``"isBasedOn": {"license":
    "https://creativecommons.org/licenses/by-nc/4.0/"}``.

    ## Fix
    Release the adaptation under a licence every source allows (CC's compatibility
    chart: e.g. BY-NC-SA 4.0 for a BY-NC source), or replace the incompatible source.
    """
    sources: list[Licence] = []
    for relation in record.relations:
        if not _derivation_sources(relation):
            continue
        parsed = [licence_of(s) for s in relation.licences]
        chosen = best_licence([lic for lic in parsed if lic.names_licence])
        if chosen is not None:
            sources.append(chosen)
    yield from remix_violations(record, sources)


def remix_violations(record: Record, sources: list[Licence]) -> Iterator[Violation]:
    """LIC009 violations of ``record`` given the licences of what it adapts."""
    if not sources:
        return
    chosen = effective_licence(record)
    if chosen is None or not chosen[1].names_licence:
        return
    yield from _remix_conflicts(chosen[0], chosen[1], sources, record.location)


def _remix_conflicts(
    statement: LicenceStatement,
    licence: Licence,
    sources: list[Licence],
    fallback: Location | None = None,
) -> Iterator[Violation]:
    """One violation per source licence that the adaptation's licence breaks."""
    for verdict in remix_conflicts(licence, sources):
        yield Violation(
            msg(
                "{read}, but the resource adapts other work: {reason}",
                read=_read(statement, licence),
                reason=marked(verdict.reason),
            ),
            hint=msg(
                "use a licence every source allows (see the CC compatibility chart), "
                "or replace the incompatible source"
            ),
            field="licences",
            location=statement.location or fallback,
        )


_BARRIERS = re.compile(
    r"registration|login|anmeldung|registrierung|inscription|registro|subscription|\bfees?\b"
)
_NO_BARRIER = re.compile(
    r"\b(?:no|without|ohne|sans|sin|keine?)[\s_-]+"
    r"(?:registration|login|anmeldung|registrierung|inscription|registro)"
)


_REGISTRATION = Variant(
    "LIC012",
    "access-registration-required",
    "warning",
    "Access to the resource needs a registration or a login.",
    """
    ## Why it matters
    OER permit no-cost access (para. 1).  A free account costs no money, so this is
    not the cost that makes ``LIC010`` an error, but it is a barrier: learners must
    give personal data before they can look, crawlers and harvesters cannot reach the
    resource, and access ends with the account.  A warning.

    ## Example
    ``dcterms:accessRights`` = ``Free access with registration``; schema.org
    ``"conditionsOfAccess": "Login required"``.

    ## Fix
    Let learners open the resource without an account, and say so in the access
    conditions (or drop the statement).
    """,
)


@rule(
    "LIC010",
    "cost-not-free",
    severity="error",
    areas=[1, 4],
    paragraphs=["1", "14"],
    variants=[_REGISTRATION],
)
def cost_not_free(record: Record) -> Iterator[Violation]:
    """The record declares a cost, or access that is not free.

    ## Why it matters
    The Recommendation's OER permit "no-cost access" (para. 1), and para. 14 asks for
    sustainability models that do not pass costs on to learners.  A resource that must
    be paid for is not OER whatever its licence.  Access behind a registration or
    login is not a cost, but it is a barrier, reported under ``LIC012`` (a warning).

    ## Example
    LOM ``rights.cost`` = ``yes``; schema.org ``"isAccessibleForFree": false``;
    ``dcterms:accessRights`` = ``Free access with registration``.

    ## Fix
    Make the resource available at no cost and without registration, and say so:
    LOM ``cost`` = ``no``, schema.org ``"isAccessibleForFree": true``.
    """
    for term in record.cost:
        if yes_no(term):
            said = record.conventions.names.get("cost")  # JSON-LD: isAccessibleForFree
            source = (
                marked(said)
                if isinstance(said, str)
                else msg("cost says {value!r}", value=term.value)
            )
            yield Violation(
                msg(
                    "the record declares a cost ({source}); OER permit no-cost access",
                    source=source,
                ),
                hint=msg(
                    "offer the resource at no cost and set cost to 'no' "
                    "(schema.org: isAccessibleForFree true)"
                ),
                field="cost",
                location=term.location,
            )
    for term in record.access_conditions:
        value = (term.value or term.id or "").casefold()
        if _BARRIERS.search(_NO_BARRIER.sub("", value)):
            yield Violation(
                msg(
                    "access conditions {value!r}: access needs a registration or login",
                    value=term.value,
                ),
                hint=msg("let learners open the resource without an account"),
                field="access_conditions",
                location=term.location,
                code="LIC012",
            )


_SPDX_DEPRECATED = Variant(
    "LIC013",
    "spdx-identifier-deprecated",
    "info",
    "A deprecated SPDX licence identifier is used; SPDX names its replacement.",
    """
    ## Why it matters
    SPDX replaced ambiguous identifiers such as ``GPL-3.0`` by ``GPL-3.0-only`` and
    ``GPL-3.0-or-later``; tools that follow the current list may not match the old id
    (para. 15: exchange of records).  The licence itself is unchanged and still
    offered, unlike the retired Creative Commons licences of ``LIC011``, so this is
    information rather than a warning.

    ## Example
    ``GPL-2.0+``; ``LGPL-2.1``; ``AGPL-3.0``.

    ## Fix
    Use the current identifier the hint names (``GPL-2.0-or-later``).
    """,
    fixable="writes the current SPDX id in place of a deprecated one written alone",
)


@rule(
    "LIC011",
    "licence-identifier-deprecated",
    severity="warning",
    areas=[1, 5],
    paragraphs=["2", "15"],
    variants=[_SPDX_DEPRECATED],
)
def licence_identifier_deprecated(record: Record) -> Iterator[Violation]:
    """A deprecated SPDX identifier or a retired Creative Commons licence is used.

    ## Why it matters
    Creative Commons retired the Sampling, Developing Nations and non-attribution 1.0
    licences and the old Public Domain Dedication and Certification; they are no longer
    offered or maintained, and some of them are not open.  SPDX replaced ambiguous ids
    such as ``GPL-3.0`` by ``GPL-3.0-only`` / ``GPL-3.0-or-later``; tools that follow
    the current list may not match the old id (``LIC013``, information).  Both weaken
    international exchange of records (para. 15) and the clarity a licence must give
    (para. 2).

    ## Example
    ``http://creativecommons.org/licenses/sampling+/1.0/``; ``GPL-2.0+`` (``LIC013``).

    ## Fix
    Use the current identifier (the hint names it), or, for a retired CC tool, a
    current licence such as CC BY 4.0 or the CC0 dedication.
    """
    for statement, licence in parsed_statements(record):
        if not licence.deprecated:
            continue
        if licence.replaced_by:
            yield Violation(
                msg("{read}: the SPDX id is deprecated", read=_read(statement, licence)),
                hint=msg("use {identifier}", identifier=licence.replaced_by),
                field="licences",
                location=statement.location,
                code="LIC013",
            )
        else:
            yield Violation(
                msg(
                    "{read}: Creative Commons has retired this licence",
                    read=_read(statement, licence),
                ),
                hint=msg(
                    "use a current licence, e.g. https://creativecommons.org/licenses/by/4.0/ "
                    "or https://creativecommons.org/publicdomain/zero/1.0/"
                ),
                field="licences",
                location=statement.location,
            )


#: How a Creative Commons licence URL may be written for the same page as its
#: canonical form: ``http``, a ``www.`` host, any case in the host, no trailing slash.
#: The legal code, a translated deed, a query or a fragment are other pages of the
#: same licence, written on purpose: they do not match.
_CC_URL = re.compile(
    r"^https?://(?:www\.)?creativecommons\.org(/(?:licenses|publicdomain)/[a-z0-9.+/-]*?)/?$",
    re.IGNORECASE,
)
_CC_FAMILIES = frozenset({"cc", "cc0", "pdm"})


def cc_canonical_url(written: str, licence: Licence) -> str | None:
    """The canonical URL of the Creative Commons licence ``written`` names, when
    ``written`` is that URL with only its scheme, ``www.``, host case or trailing slash
    changed; ``None`` otherwise (already canonical, or another page or licence)."""
    text = written.strip()
    if licence.how != "url" or licence.family not in _CC_FAMILIES or not licence.url:
        return None
    found = _CC_URL.match(text)
    if found is None or text == licence.url:
        return None
    same_page = f"https://creativecommons.org{found.group(1)}/"
    return licence.url if same_page == licence.url else None


@rule(
    "LIC014",
    "licence-url-not-canonical",
    severity="info",
    areas=[1, 3],
    paragraphs=["9(iii)", "11"],
    fixable="writes the licence's canonical URL ('http://creativecommons.org/licenses/by/4.0'"
    " → 'https://creativecommons.org/licenses/by/4.0/'); the legal code or a translated "
    "deed is left as written",
)
def licence_url_not_canonical(record: Record) -> Iterator[Violation]:
    """A Creative Commons licence URL is not written in its canonical form.

    ## Why it matters
    Harvesters and search engines filter by licence, and many compare licence URLs as
    strings: ``http://creativecommons.org/licenses/by/4.0`` and
    ``https://creativecommons.org/licenses/by/4.0/`` name the same licence, but a
    filter on one misses the other (para. 11: interoperable metadata; para. 9(iii):
    open standards).  Creative Commons gives every licence one canonical URL, over
    https and with a trailing slash.  Information: the licence itself is clear.  The
    legal code (``.../legalcode``) and translated deeds (``.../deed.fr``) are other
    pages of the same licence and are not reported.

    ## Example
    ``<dc:rights>http://creativecommons.org/licenses/by-sa/4.0</dc:rights>``;
    ``"license": "http://www.creativecommons.org/publicdomain/zero/1.0/"``.

    ## Fix
    Write the canonical URL the hint gives
    (``https://creativecommons.org/licenses/by-sa/4.0/``).
    """
    for statement, licence in parsed_statements(record):
        canonical = cc_canonical_url(statement.raw, licence)
        if canonical is None:
            continue
        yield Violation(
            msg(
                "licence URL {url} is not written in its canonical form",
                url=quote(statement.raw),
            ),
            hint=msg("write {url}", url=canonical),
            field="licences",
            location=statement.location,
        )
