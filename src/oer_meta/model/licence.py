"""What the licence parser concludes about one statement: :class:`Licence`.

A model type (the parser lives in :mod:`oer_meta.knowledge.licences`): a
:class:`~oer_meta.model.LicenceStatement` carries the one its reader's parse gave, so
that rules read it instead of parsing the statement again.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

#: The pinned openness values, from most to least open (``unknown`` stands apart).
Openness = Literal["public-domain", "open", "open-noncommercial", "not-open", "unknown"]

#: Families of recognised statements that describe rights or access but grant no
#: licence (the parser's ``statements.json``, RightsStatements.org, terms pages), and
#: of values that state nothing: "N/A" (``not-stated``), ``example.com`` URLs
#: (``placeholder``), encyclopedia articles and lists of licences (``reference-page``).
STATEMENT_FAMILIES = frozenset(
    {
        "all-rights-reserved",
        "copyright-notice",
        "educational-use-only",
        "non-commercial-only",
        "proprietary",
        "restricted",
        "no-known-restrictions",
        "rightsstatements",
        "terms-of-use",
        "access-statement",
        "public-domain-statement",
        "contact-statement",
        "not-stated",
        "placeholder",
        "reference-page",
    }
)

#: How the parser recognised the statement, strongest first.
How = Literal["spdx", "url", "short-name", "name", "statement", "fuzzy", "none"]


class Licence(BaseModel):
    """One licence statement, read the way a careful librarian would.

    ``raw`` is the text as written.  ``spdx`` is an SPDX identifier or expression (None
    when SPDX has no id, e.g. most Creative Commons ports), ``url`` the canonical URL of
    the licence.  ``family`` groups versions and ports (``cc``, ``cc0``, ``pdm``,
    ``gpl``, ``all-rights-reserved``...); ``elements`` are the CC licence elements
    (``by``, ``sa``, ``nc``, ``nd``).  ``how`` and ``confidence`` say why the parser
    concluded what it did, ``reason`` explains the openness in one sentence.

    An SPDX expression keeps its members in ``parts`` and its operator in
    ``operator``; its openness is what a re-user may choose (``OR`` takes the more
    open member, ``AND`` the less open).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    raw: str
    spdx: str | None = None
    url: str | None = None
    openness: Openness = "unknown"
    family: str | None = None
    version: str | None = None
    jurisdiction: str | None = None
    elements: tuple[str, ...] = ()
    confidence: float = 0.0
    how: How = "none"
    #: One sentence on why ``openness`` is what it is.
    reason: str = ""
    #: Conventional short name: ``CC BY 4.0``, ``CC0 1.0``, ``GPL-3.0-or-later``...
    short_name: str | None = None
    #: Full English title: ``Creative Commons Attribution 4.0 International``.
    title: str | None = None
    #: A retired CC tool (sampling, devnations, non-BY 1.0...) or deprecated SPDX id.
    deprecated: bool = False
    #: The current identifier when ``deprecated`` names a replaced SPDX id.
    replaced_by: str | None = None
    #: True when a CC licence was named without its version ("CC BY-SA").
    version_missing: bool = False
    parts: tuple[Licence, ...] = ()
    operator: Literal["OR", "AND"] | None = None

    @property
    def recognised(self) -> bool:
        """True when the statement was mapped to a known licence or rights statement."""
        return self.how != "none"

    @property
    def names_licence(self) -> bool:
        """True when the statement names a licence or dedication, not just a rights
        notice or an access statement."""
        return self.recognised and self.family not in STATEMENT_FAMILIES

    @property
    def machine_readable(self) -> bool:
        """True when the statement is a licence URL or an SPDX id/expression, the forms
        software can act on without reading prose."""
        return self.how in ("spdx", "url")

    @property
    def identifier(self) -> str | None:
        """The best identifier to show: SPDX id, else canonical URL, else short name."""
        return self.spdx or self.url or self.short_name
