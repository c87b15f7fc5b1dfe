"""Build a :class:`Record` from one Dublin Core container element.

The streaming dispatcher (:mod:`oer_meta.readers.xml.stream`) finds the containers
(``oai_dc:dc``, ``nsdl_dc:nsdl_dc``, bare or RDF containers) and calls
:func:`build_dc_record` on each.  The builder reads the container's children once,
maps DCMES 1.1 elements and DCMI terms to the normalised model, keeps everything it
does not map as an :class:`Extension`, and notes binding violations as ``STD002``
problems.  It judges nothing else: vocabularies, dates and licences are the rules' job.

Decisions where the model leaves room (documented so that rules can rely on them):

* ``Term.element`` is the qualified DC name (``dc:type``, ``dcterms:educationLevel``)
  because DC values are not LOM tokens; only ``ieee:`` (LOM) elements embedded by
  ``nsdl_dc`` get LOM's dotted form and the ``LOMv1.0`` source their namespace implies.
* ``Term.source`` / ``Identifier.catalog`` come from ``xsi:type`` with the prefix
  resolved and rewritten to oer_meta's prefix (``dct:URI`` -> ``dcterms:URI``).  An
  identifier whose value shows its scheme gets that scheme instead (``doi``,
  ``handle``, ``urn``, ``ark``, ``isbn``, ``oai``, ``url``); http(s) identifiers are
  also URLs.
* ``dc:creator`` and ``dc:contributor`` become ``contributors`` (role ``creator`` or
  ``contributor``); ``dc:publisher`` becomes ``publishers`` only.
* An agent's ``kind`` is ``organization`` when its name holds an organisation word
  (University, Library, Inc....), ``person`` for ``Family, I.`` forms, else ``None``.
* ``dcterms:accessRights`` is an access condition, never a licence; ``conformsTo``
  naming WCAG or another accessibility specification is also an accessibility claim;
  accessibility statements in other elements (EPUB package ``meta``, AccessForAll
  extensions) fill ``record.accessibility`` (:mod:`oer_meta.readers.xml.accessibility`).
* Binding violations are noted once per element name, at its first occurrence, with a
  count: one misplaced element repeated 30 times is one problem, not 30.
* ``dc:format`` is kept raw; a trailing http(s) link after a media type (DSpace writes
  ``application/pdf https://.../file.pdf``) is also added to ``urls``.
* ``coverage``/``spatial``/``temporal`` and DCMI terms without a model field
  (``bibliographicCitation``, ``provenance``, ``accrual*``) are kept as extensions.
* The ``xml:lang`` in scope at the container is the metadata language; values without
  their own ``xml:lang`` inherit it (codes such as ``dc:language`` and ``dc:format``
  keep only their own).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from lxml import etree

from oer_meta.i18n import said
from oer_meta.knowledge.accessibility import names_accessibility_specification
from oer_meta.knowledge.identifiers import identifier_scheme
from oer_meta.model import (
    Agent,
    Contact,
    DateValue,
    Duration,
    Extension,
    Identifier,
    LicenceStatement,
    Location,
    Problem,
    Relation,
    Term,
    Text,
)
from oer_meta.model.values import ContactKind
from oer_meta.readers.draft import RecordDraft
from oer_meta.readers.xml.accessibility import read_extension, read_package_meta
from oer_meta.readers.xml.context import XmlRecordContext, shift_line, step, text_of
from oer_meta.readers.xml.namespaces import (
    DC,
    DCTERMS,
    EDM,
    FOAF,
    NSDL_DC,
    OAI_DC,
    PREFIXES,
    RDF,
    XML_LANG,
    XSI,
    split,
)

__all__ = ["build_dc_record"]

#: LOM elements as NSDL embeds them (``ieee:interactivityType``...).
IEEE_NSDL = "http://www.ieee.org/xsd/LOMv1p0"
_LOM_NAMESPACES = frozenset({IEEE_NSDL, "http://ltsc.ieee.org/xsd/LOM"})
_SCHEMA_ORG = re.compile(r"^https?://schema\.org/?$")

_XSI_TYPE = f"{{{XSI}}}type"
_RDF_RESOURCE = f"{{{RDF}}}resource"
_RDF_ABOUT = f"{{{RDF}}}about"

DC_ELEMENTS = frozenset(
    {
        "title", "creator", "subject", "description", "publisher", "contributor", "date",
        "type", "format", "identifier", "source", "language", "relation", "coverage",
        "rights",
    }
)  # fmt: skip

#: What each DCMI term (and DC element) becomes; every key is a DCMI Metadata Terms
#: property, so a local name missing here is not a DCMI term at all.
_KIND: dict[str, str] = {
    "title": "title", "alternative": "title",
    "description": "description", "abstract": "description", "tableOfContents": "description",
    "subject": "subject",
    "language": "language",
    "identifier": "identifier",
    "rights": "licence", "license": "licence",
    "rightsHolder": "rights_holder",
    "accessRights": "access",
    "creator": "agent", "contributor": "agent", "publisher": "agent",
    "date": "date", "created": "date", "issued": "date", "modified": "date",
    "available": "date", "dateAccepted": "date", "dateCopyrighted": "date",
    "dateSubmitted": "date", "valid": "date",
    "type": "type",
    "format": "format", "extent": "format", "medium": "format",
    "educationLevel": "level",
    "audience": "audience", "mediator": "audience",
    "instructionalMethod": "method",
    "source": "relation", "relation": "relation", "conformsTo": "relation",
    "isVersionOf": "relation", "hasVersion": "relation",
    "isReplacedBy": "relation", "replaces": "relation",
    "isRequiredBy": "relation", "requires": "relation",
    "isPartOf": "relation", "hasPart": "relation",
    "isReferencedBy": "relation", "references": "relation",
    "isFormatOf": "relation", "hasFormat": "relation",
    "coverage": "keep", "spatial": "keep", "temporal": "keep",
    "bibliographicCitation": "keep", "provenance": "keep",
    "accrualMethod": "keep", "accrualPeriodicity": "keep", "accrualPolicy": "keep",
}  # fmt: skip

#: The Record attribute each kind of element fills (problems name it as their field).
_KIND_FIELDS = {
    "title": "titles", "description": "descriptions", "subject": "keywords",
    "language": "languages", "identifier": "identifiers", "licence": "licences",
    "rights_holder": "rights_holders", "access": "access_conditions",
    "agent": "contributors", "date": "dates", "type": "learning_resource_types",
    "format": "formats", "level": "educational_levels",
    "audience": "intended_end_user_roles", "method": "vocabulary_terms",
    "relation": "relations",
}  # fmt: skip


def _record_field(name: str) -> str | None:
    """The Record attribute a DC element or DCMI term as written (``dc:Title``,
    ``dcterms:license``) fills; None for one the reader does not map."""
    local = re.split(r"[}:]", name)[-1]
    local = _TERMS_BY_LOWER.get(local.lower(), local)
    if local == "publisher":
        return "publishers"
    if local in _A11Y:
        return f"accessibility.{_A11Y[local]}"
    return _KIND_FIELDS.get(_KIND.get(local, "keep"))


_DC_BY_LOWER = {name.lower(): name for name in DC_ELEMENTS}
_TERMS_BY_LOWER = {name.lower(): name for name in _KIND}

_DATE_KIND = {"created": "created", "issued": "published", "modified": "modified"}

#: The DC element a DCMI term refines, for hints on oai_dc records that use terms.
_REFINES: dict[str, str] = {
    "alternative": "title", "abstract": "description", "tableOfContents": "description",
    "license": "rights", "accessRights": "rights", "rightsHolder": "rights",
    "created": "date", "issued": "date", "modified": "date", "available": "date",
    "dateAccepted": "date", "dateCopyrighted": "date", "dateSubmitted": "date",
    "valid": "date", "extent": "format", "medium": "format", "spatial": "coverage",
    "temporal": "coverage", "bibliographicCitation": "identifier", "conformsTo": "relation",
    "isVersionOf": "relation", "hasVersion": "relation", "isReplacedBy": "relation",
    "replaces": "relation", "isRequiredBy": "relation", "requires": "relation",
    "isPartOf": "relation", "hasPart": "relation", "isReferencedBy": "relation",
    "references": "relation", "isFormatOf": "relation", "hasFormat": "relation",
}  # fmt: skip

#: schema.org accessibility properties -> attribute of :class:`Accessibility`.
_A11Y: dict[str, str] = {
    "accessMode": "access_modes",
    "accessModeSufficient": "access_modes_sufficient",
    "accessibilityFeature": "features",
    "accessibilityHazard": "hazards",
    "accessibilitySummary": "summaries",
    "accessibilityAPI": "apis",
    "accessibilityControl": "controls",
}

#: LOM educational elements NSDL embeds: local name -> record field.
_LOM_TERMS: dict[str, str] = {
    "interactivityType": "vocabulary_terms",
    "interactivityLevel": "vocabulary_terms",
    "semanticDensity": "vocabulary_terms",
    "difficulty": "vocabulary_terms",
    "learningResourceType": "learning_resource_types",
    "intendedEndUserRole": "intended_end_user_roles",
    "context": "educational_levels",
}

_HTTP = re.compile(r"^https?://\S", re.I)
_MEDIA_TYPE = re.compile(r"^[a-z]+/[\w.+-]+$", re.I)
#: Starts only where a run of address characters starts: tried inside a long run of
#: letters, the bare pattern would rescan the rest of the run from every letter.
_EMAIL = re.compile(r"(?<![\w.+-])(?:mailto:)?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)", re.I)
_ORCID = re.compile(r"https?://orcid\.org/\d{4}-\d{4}-\d{4}-\d{3}[\dX]", re.I)
_EMPTY_BRACKETS = re.compile(r"[<(\[]\s*[>)\]]")
_ORGANIZATION = re.compile(
    r"\b(?:universit\w*|universidad|college|school|institut\w*|librar(?:y|ies)|museum|"
    r"foundation|department|dept\.|program(?:me)?|cent(?:er|re)|society|association|council|"
    r"ministry|agency|press|publish\w*|inc\.?|ltd\.?|llc|gmbh|corporation|company|"
    r"organi[sz]ation|project|consortium|academy|commission|government|laborator\w*)(?!\w)",
    re.I,
)
_PERSON = re.compile(r"^[^\W\d_][\w'’ -]*, (?:[^\W\d_]\.\s?)+(?:[a-z]+(?: [a-z]+)?)?$")


@dataclass
class _Issue:
    """One kind of binding violation; repeated occurrences are counted, not repeated."""

    message: str
    hint: str | None
    field: str
    location: Location
    count: int = 1


class _Builder:
    """State of one container while its children are read."""

    def __init__(self, elem: etree._Element, ctx: XmlRecordContext) -> None:
        self.elem = elem
        self.ctx = ctx
        ns, local = split(elem.tag) if isinstance(elem.tag, str) else (None, "")
        self.is_oai_dc = ns == OAI_DC and local == "dc"
        self.is_nsdl = ns == NSDL_DC
        self.is_rdf = ns == RDF
        self.base = ctx.path(elem)
        self.record = RecordDraft("dc", location=ctx.location(elem))
        self.lang = _inherited_lang(elem)
        self.issues: dict[tuple[str, str], _Issue] = {}
        self.saw_dcterms = False
        #: the element being read, as written (``dc:rights``): its values' source_field
        self.field: str | None = None

    # -- locations ---------------------------------------------------------------

    def locate(self, child: etree._Element, path: str) -> Location:
        """Location of a direct child whose XPath was computed during the pass."""
        line = shift_line(child.sourceline, self.ctx.line_offset)
        return Location(file=self.ctx.file, line=line, path=path)

    def note(self, key: str, name: str, message: str, hint: str | None, loc: Location) -> None:
        """Record a binding violation once per kind and element name."""
        issue = self.issues.get((key, name))
        if issue is None:
            self.issues[(key, name)] = _Issue(message, hint, name, loc)
        else:
            issue.count += 1

    # -- the pass ----------------------------------------------------------------

    def build(self) -> RecordDraft:
        record = self.record
        if self.lang:
            record.metadata_languages.append(
                Text(value=self.lang, source_field="@xml:lang", location=record.location)
            )
        self.about()
        # Counting tags first keeps XPath positions linear (no sibling scans per child).
        totals = Counter(child.tag for child in self.elem if isinstance(child.tag, str))
        seen: Counter[str] = Counter()
        for child in self.elem:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            seen[tag] += 1
            name = self.field = step(child)
            if totals[tag] > 1:
                name += f"[{seen[tag]}]"
            self.child(child, self.locate(child, f"{self.base}/{name}"))
        if self.is_oai_dc:
            record.dialect = "oai_dc"
        elif self.is_nsdl:
            record.dialect = "nsdl_dc"
        else:
            record.dialect = "dcterms" if self.saw_dcterms else "dc"
        for issue in self.issues.values():
            message = (
                said("{message} ({count} times)", message=issue.message, count=issue.count)
                if issue.count > 1
                else issue.message
            )
            record.problems.append(
                Problem(
                    rule="STD002",
                    message=message,
                    hint=issue.hint,
                    field=_record_field(issue.field),
                    source_field=issue.field,
                    location=issue.location,
                )
            )
        return record

    def about(self) -> None:
        """An RDF description names the resource in ``rdf:about``: its identifier."""
        about = (self.elem.get(_RDF_ABOUT) or "").strip() if self.is_rdf else ""
        if about:
            loc = self.record.location
            field = "@rdf:about"
            self.record.identifiers.append(
                Identifier(
                    value=about,
                    catalog=identifier_scheme(about, None),
                    source_field=field,
                    location=loc,
                )
            )
            if _HTTP.match(about):
                self.record.urls.append(Text(value=about, source_field=field, location=loc))

    def child(self, child: etree._Element, loc: Location) -> None:
        ns, local = split(child.tag)
        if ns == DC:
            self.dc_element(child, local, loc)
        elif ns == DCTERMS:
            self.saw_dcterms = True
            self.dcterms_element(child, local, loc)
        elif ns == EDM and local == "rights":
            # Europeana and DPLA put the licence or rights statement URI here
            self.not_in_oai_dc(child, loc)
            self.map(child, "rights", "edm", loc)
        elif ns is not None and _SCHEMA_ORG.match(ns) and local in _A11Y:
            self.not_in_oai_dc(child, loc)
            self.accessibility(child, local, f"schema:{local}", loc)
        elif ns in _LOM_NAMESPACES and (local in _LOM_TERMS or local.startswith("typical")):
            self.not_in_oai_dc(child, loc)
            self.lom_element(child, local, loc)
        else:
            if not self.wrong_dc_namespace(child, ns, local, loc):
                self.not_in_oai_dc(child, loc)
            if not (
                read_package_meta(child, self.record, self.ctx)
                or read_extension(child, self.record, self.ctx)
            ):
                self.keep(child, loc)

    def dc_element(self, child: etree._Element, local: str, loc: Location) -> None:
        if local in DC_ELEMENTS:
            self.nested(child, f"dc:{local}", loc)
            self.map(child, local, "dc", loc)
            return
        match = _DC_BY_LOWER.get(local.lower())
        hint: str
        if local.lower() in ("licence", "license", "licenses", "licences"):
            hint = said("write licence statements in dc:rights (dcterms:license outside oai_dc)")
        elif local in _KIND:
            if self.is_oai_dc and local in _REFINES:
                hint = said(
                    "{term} is a DCMI term: write it as dcterms:{term}, or as dc:{element} in "
                    "oai_dc",
                    term=local,
                    element=_REFINES[local],
                )
            else:
                hint = said("{term} is a DCMI term: write it as dcterms:{term}", term=local)
        elif match is not None:
            hint = said("element names are case-sensitive: write dc:{element}", element=match)
        else:
            hint = said("use one of the 15 DC elements, or put local elements in another namespace")
        self.note(
            "dc-unknown",
            f"dc:{local}",
            said("dc:{element} is not one of the 15 Dublin Core elements", element=local),
            hint,
            loc,
        )
        if match is not None:
            self.map(child, match, "dc", loc)
        else:
            self.keep(child, loc)

    def dcterms_element(self, child: etree._Element, local: str, loc: Location) -> None:
        name = f"dcterms:{local}"
        if self.is_oai_dc:
            parent = _REFINES.get(local, local if local in DC_ELEMENTS else None)
            hint = (
                said(
                    "write it as dc:{element} in oai_dc, or use a qualified DC format",
                    element=parent,
                )
                if parent
                else said("oai_dc cannot carry it; use a qualified DC format such as nsdl_dc")
            )
            self.note(
                "oai_dc-dcterms",
                name,
                said("oai_dc:dc may hold only the 15 dc: elements, but holds {name}", name=name),
                hint,
                loc,
            )
        if local in _KIND:
            self.nested(child, name, loc)
            self.map(child, local, "dcterms", loc)
            return
        if local in _A11Y:
            self.note(
                "dcterms-unknown",
                name,
                said("{name} is not a DCMI Metadata Terms property", name=name),
                said(
                    "accessibility properties belong to schema.org: write schema:{property} "
                    "(namespace http://schema.org/)",
                    property=local,
                ),
                loc,
            )
            self.accessibility(child, local, name, loc)
            return
        match = _TERMS_BY_LOWER.get(local.lower())
        self.note(
            "dcterms-unknown",
            name,
            said("{name} is not a DCMI Metadata Terms property", name=name),
            said("element names are case-sensitive: write dcterms:{term}", term=match)
            if match
            else said("use a DCMI term, or put local elements in another namespace"),
            loc,
        )
        if match is not None:
            self.map(child, match, "dcterms", loc)
        else:
            self.keep(child, loc)

    # -- structure checks ----------------------------------------------------------

    def nested(self, child: etree._Element, name: str, loc: Location) -> None:
        """DC values are literals; RDF/XML containers may nest resources legally."""
        if self.is_rdf:
            return
        for grandchild in child:
            if isinstance(grandchild.tag, str):
                self.note(
                    "nested",
                    name,
                    said(
                        "{name} contains the element <{element}>; Dublin Core values are plain "
                        "text",
                        name=name,
                        element=step(grandchild),
                    ),
                    said("write the value as text directly inside {name}", name=name),
                    self.ctx.location(grandchild),
                )
                return

    def not_in_oai_dc(self, child: etree._Element, loc: Location) -> None:
        if self.is_oai_dc:
            name = step(child)
            self.note(
                "oai_dc-foreign",
                name,
                said("oai_dc:dc may hold only the 15 dc: elements, but holds {name}", name=name),
                said("move it to another metadata format, or drop it from the oai_dc record"),
                loc,
            )

    def wrong_dc_namespace(
        self, child: etree._Element, ns: str | None, local: str, loc: Location
    ) -> bool:
        """Report DC element names written without, or with a mistyped, DC namespace."""
        if ns is None:
            if local in DC_ELEMENTS and not self.is_rdf:
                self.note(
                    "no-namespace",
                    local,
                    said(
                        "<{element}> has no namespace, so it is not the Dublin Core {element}",
                        element=local,
                    ),
                    said("write dc:{element} (namespace {namespace})", element=local, namespace=DC),
                    loc,
                )
                return True
            return False
        bare = ns.rstrip("/#").lower().replace("https://", "http://")
        if bare in ("http://purl.org/dc/elements/1.1", "http://purl.org/dc/terms"):
            right = DC if "elements" in bare else DCTERMS
            self.note(
                "bad-namespace",
                f"{{{ns}}}{local}",
                said(
                    "{element} is in the namespace {namespace!r}, not the Dublin Core namespace "
                    "{right!r}",
                    element=local,
                    namespace=ns,
                    right=right,
                ),
                said("declare the namespace exactly as {right}", right=right),
                loc,
            )
            return True
        return False

    # -- mapping -------------------------------------------------------------------

    def map(self, child: etree._Element, local: str, prefix: str, loc: Location) -> None:
        """Map one DC element or DCMI term (``local`` is its canonical name)."""
        kind = _KIND.get(local, "keep")
        value = _value(child)
        rec = self.record
        qname = f"{prefix}:{local}"
        if kind == "title":
            rec.titles.append(self.text(child, value, loc))
        elif kind == "description":
            rec.descriptions.append(self.text(child, value, loc))
        elif kind == "subject":
            rec.keywords.append(self.text(child, value, loc))
            scheme = self.xsi_type(child)
            if scheme is not None:
                rec.subjects.append(self.term(value, scheme, qname, loc))
        elif kind == "language":
            # A code is in no language: only an element's own xml:lang is kept here.
            rec.languages.append(
                Text(
                    value=value,
                    language=_own_lang(child),
                    source_field=self.field,
                    location=loc,
                    scheme=self.xsi_type(child),
                )
            )
        elif kind == "identifier":
            rec.identifiers.append(
                Identifier(
                    value=value,
                    catalog=identifier_scheme(value, self.xsi_type(child)),
                    source_field=self.field,
                    location=loc,
                )
            )
            if _HTTP.match(value):
                rec.urls.append(Text(value=value, source_field=self.field, location=loc))
        elif kind == "licence":
            rec.licences.append(
                LicenceStatement(
                    raw=value,
                    source_field=self.field,
                    language=self.lang_of(child),
                    location=loc,
                )
            )
        elif kind == "rights_holder":
            rec.rights_holders.append(self.agent(child, value, "rightsHolder", loc))
        elif kind == "access":
            rec.access_conditions.append(self.term(value, self.xsi_type(child), qname, loc))
        elif kind == "agent":
            target = rec.publishers if local == "publisher" else rec.contributors
            target.append(self.agent(child, value, local, loc))
        elif kind == "date":
            rec.dates.append(
                DateValue(
                    value=value,
                    kind=_DATE_KIND.get(local, "other"),
                    source_field=self.field,
                    location=loc,
                )
            )
        elif kind == "type":
            rec.learning_resource_types.append(self.term(value, self.xsi_type(child), qname, loc))
        elif kind == "format":
            rec.formats.append(
                Text(value=value, language=_own_lang(child), source_field=self.field, location=loc)
            )
            parts = value.split(None, 1)
            if len(parts) == 2 and _MEDIA_TYPE.match(parts[0]) and _HTTP.match(parts[1]):
                rec.urls.append(Text(value=parts[1], source_field=self.field, location=loc))
        elif kind == "level":
            rec.educational_levels.append(self.term(value, self.xsi_type(child), qname, loc))
        elif kind == "audience":
            rec.intended_end_user_roles.append(self.term(value, self.xsi_type(child), qname, loc))
        elif kind == "method":
            rec.vocabulary_terms.append(self.term(value, self.xsi_type(child), qname, loc))
        elif kind == "relation":
            rec.relations.append(
                Relation(kind=local, target=value, source_field=self.field, location=loc)
            )
            if local == "conformsTo" and names_accessibility_specification(value):
                rec.accessibility.conforms_to.append(
                    self.term(value, self.xsi_type(child), qname, loc)
                )
        else:
            self.keep(child, loc)

    def accessibility(self, child: etree._Element, local: str, name: str, loc: Location) -> None:
        value = _value(child)
        field = _A11Y[local]
        a11y = self.record.accessibility
        if field == "summaries":
            a11y.summaries.append(self.text(child, value, loc))
        else:
            getattr(a11y, field).append(self.term(value, self.xsi_type(child), name, loc))

    def lom_element(self, child: etree._Element, local: str, loc: Location) -> None:
        """LOM educational elements embedded in nsdl_dc (the namespace implies LOMv1.0)."""
        value = _value(child)
        element = f"educational.{local}"
        rec = self.record
        if local == "typicalAgeRange":
            rec.typical_age_ranges.append(self.text(child, value, loc))
        elif local == "typicalLearningTime":
            rec.durations.append(
                Duration(value=value, element=element, source_field=self.field, location=loc)
            )
        elif local in _LOM_TERMS:
            term = self.term(value, self.xsi_type(child) or "LOMv1.0", element, loc)
            field = _LOM_TERMS[local]
            if field != "vocabulary_terms":
                getattr(rec, field).append(term)
            rec.vocabulary_terms.append(term)
        else:
            self.keep(child, loc)

    def keep(self, child: etree._Element, loc: Location) -> None:
        self.record.extensions.append(
            Extension(name=child.tag, value=_value(child), source_field=self.field, location=loc)
        )

    # -- values --------------------------------------------------------------------

    def agent(self, child: etree._Element, value: str, role: str, loc: Location) -> Agent:
        """An agent element: a FOAF description inside it (RDF/XML), else its text."""
        node = next((n for n in child.iter() if split(str(n.tag))[0] == FOAF), None)
        if node is None:
            return _agent(value, role, self.field, loc)
        holder = node.getparent() if split(str(node.tag))[1] in _FOAF_PROPERTIES else node
        return _foaf_agent(holder if holder is not None else node, role, self.field, loc)

    def lang_of(self, child: etree._Element) -> str | None:
        own = child.get(XML_LANG)
        if own is None:
            return self.lang
        return own.strip() or None

    def text(self, child: etree._Element, value: str, loc: Location) -> Text:
        return Text(
            value=value, language=self.lang_of(child), source_field=self.field, location=loc
        )

    def term(self, value: str, source: str | None, element: str, loc: Location) -> Term:
        return Term(
            value=value, source=source, element=element, source_field=self.field, location=loc
        )

    @staticmethod
    def xsi_type(child: etree._Element) -> str | None:
        """``xsi:type`` with its prefix resolved to oer_meta's (``dct:URI`` -> ``dcterms:URI``)."""
        raw = (child.get(_XSI_TYPE) or "").strip()
        if not raw:
            return None
        prefix, sep, local = raw.rpartition(":")
        if not sep or not prefix:
            return raw
        ns = child.nsmap.get(prefix)
        known = PREFIXES.get(ns) if ns else None
        return f"{known}:{local}" if known else raw


def _own_lang(elem: etree._Element) -> str | None:
    lang = elem.get(XML_LANG)
    return (lang.strip() or None) if lang is not None else None


def _inherited_lang(elem: etree._Element) -> str | None:
    node: etree._Element | None = elem
    while node is not None:
        lang = node.get(XML_LANG)
        if lang is not None:
            return lang.strip() or None
        node = node.getparent()
    return None


def _value(child: etree._Element) -> str:
    """The trimmed text; for an empty element, an RDF resource reference if there is one.

    Text split by child elements (a binding violation) is joined with spaces so that
    the pieces stay apart.
    """
    if len(child) and any(isinstance(grandchild.tag, str) for grandchild in child):
        pieces = (t.strip() for t in child.itertext() if isinstance(t, str))
        value = " ".join(piece for piece in pieces if piece)
    else:
        value = text_of(child).strip()
    if value:
        return value
    ref = child.get(_RDF_RESOURCE)
    if ref is None:
        for grandchild in child:
            if isinstance(grandchild.tag, str):
                ref = grandchild.get(_RDF_ABOUT) or grandchild.get(_RDF_RESOURCE)
                break
    return (ref or "").strip()


#: FOAF properties read on an agent: name parts and contact details.
_FOAF_PROPERTIES = frozenset(
    {"name", "givenName", "familyName", "firstName", "lastName", "mbox", "phone", "homepage"}
)
_FOAF_KINDS = {"Person": "person", "Organization": "organization", "Group": "organization"}
_FOAF_CONTACTS: dict[str, tuple[ContactKind, str]] = {
    "mbox": ("email", "mailto:"),
    "phone": ("phone", "tel:"),
    "homepage": ("url", ""),
}


def _foaf_agent(node: etree._Element, role: str, field: str | None, loc: Location) -> Agent:
    """An agent described in FOAF (``<dcterms:creator><foaf:Person><foaf:name>...
    <foaf:mbox rdf:resource="mailto:..."/>``): its name, kind and typed contacts."""
    names: dict[str, str] = {}
    contacts: list[Contact] = []
    for prop in node:
        ns, local = split(str(prop.tag))
        if ns != FOAF:
            continue
        value = (text_of(prop).strip() or prop.get(_RDF_RESOURCE) or "").strip()
        if local in _FOAF_CONTACTS and value:
            kind, scheme = _FOAF_CONTACTS[local]
            if scheme and value.lower().startswith(scheme):
                value = value[len(scheme) :]
            contacts.append(
                Contact(
                    kind=kind,
                    value=value,
                    source_field=f"{field}/{step(prop)}" if field else step(prop),
                    location=loc,
                )
            )
        elif value:
            names.setdefault(local, value)
    given = names.get("givenName") or names.get("firstName")
    family = names.get("familyName") or names.get("lastName")
    name = names.get("name") or " ".join(p for p in (given, family) if p) or None
    agent_kind = _FOAF_KINDS.get(split(str(node.tag))[1])
    if agent_kind is None and given and family:
        agent_kind = "person"
    return Agent(
        role=role,
        name=name,
        kind=agent_kind,
        email=[c.value for c in contacts if c.kind == "email"],
        telephone=[c.value for c in contacts if c.kind == "phone"],
        contacts=contacts,
        raw=text_of(node).strip(),
        source_field=field,
        location=loc,
    )


def _agent(text: str, role: str, field: str | None, loc: Location) -> Agent:
    """An agent from a DC literal: e-mails and ORCIDs are lifted out of the name."""
    emails = [m.group(1) for m in _EMAIL.finditer(text)]
    orcids = _ORCID.findall(text)
    name: str | None = text
    if emails or orcids:
        cleaned = _ORCID.sub("", _EMAIL.sub("", text))
        cleaned = _EMPTY_BRACKETS.sub("", cleaned).strip(" \t\r\n,;")
        name = cleaned or None
    kind: str | None = None
    if name:
        if _ORGANIZATION.search(name):
            kind = "organization"
        elif _PERSON.match(name):
            kind = "person"
    return Agent(
        role=role,
        name=name,
        kind=kind,
        email=emails,
        identifiers=orcids,
        contacts=[Contact(kind="email", value=e, source_field=field, location=loc) for e in emails],
        raw=text,
        source_field=field,
        location=loc,
    )


def build_dc_record(elem: etree._Element, ctx: XmlRecordContext) -> RecordDraft:
    """Read one DC container element into a draft (``source_format="dc"``) that the XML
    stream completes and finishes into a :class:`Record`."""
    return _Builder(elem, ctx).build()
