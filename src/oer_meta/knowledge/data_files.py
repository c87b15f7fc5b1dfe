"""The shape of every JSON file in ``oer_meta/data``, checked when the file is loaded.

The rules read their tables from package data.  A key misspelled by whoever edits a
table, or a value of the wrong type, would otherwise be read as "absent" and quietly
change what a rule reports.  Each file therefore has a pydantic model here that forbids
unknown keys and is strict about types (``"false"`` is not a boolean), and
:func:`load_data` refuses a file that does not fit, naming the file, the path of the bad
key and, for an unknown key, the nearest valid one.

Validation runs once per file and process (the result is cached), on first use: nothing
is read, and no model is built, when ``oer_meta`` is imported.  Callers get the plain
parsed JSON back, so they index it as before; :func:`load_data_file` gives the model.

Where a file's keys are data rather than structure (rule codes, licence paths, language
tags, element names), the model says ``dict[str, X]`` and only checks the values.
Where the source of the facts is documented is ``oer_meta/data/SOURCES.md``.
"""

import json
import re
import types
import typing
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from oer_meta.errors import OerMetaError

__all__ = [
    "DATA_MODELS",
    "DataFileError",
    "data_file_names",
    "load_data",
    "load_data_file",
    "parse_data",
]


class DataFileError(OerMetaError):
    """A data file does not have the shape its model describes (a packaging bug).

    ``problems`` holds one ``(path, message)`` pair per error, ``path`` written as in the
    message (``units.by.versions["1.0"].generic``)."""

    def __init__(self, file: str, problems: Sequence[tuple[str, str]]) -> None:
        self.file = file
        self.problems = tuple(problems)
        lines = [f"{path}: {message}" if path else message for path, message in self.problems]
        if len(lines) == 1:
            text = f"data file {file}: {lines[0]}"
        else:
            text = f"data file {file}: {len(lines)} problems:\n" + "\n".join(
                f"  - {line}" for line in lines
            )
        super().__init__(text)


class _Data(BaseModel):
    """Base of the data-file models: unknown keys refused, JSON types taken as they are.

    ``defer_build`` keeps importing this module cheap: a model's validator is built the
    first time a file is checked."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


#: Two strings: a pair of terms, or a label with its openness.
Pair = Annotated[list[str], Field(min_length=2, max_length=2)]
Openness = Literal["public-domain", "open", "open-noncommercial", "not-open", "unknown"]


# -- vocabularies.json -----------------------------------------------------------------


class VocabulariesFile(_Data):
    """Token lists of rule STD003: LOMv1.0 values per LOM element, DCMI Type terms."""

    about: str = Field(alias="_about")
    lom: dict[str, list[str]] = Field(alias="LOMv1.0")
    dcmi_type: list[str] = Field(alias="DCMIType")


# -- accessibility.json ----------------------------------------------------------------


class RetiredTerm(_Data):
    """A deprecated or obsolete accessibility term and what replaces it."""

    replacements: list[str]
    since: str
    note: str


class AccessibilityProperty(_Data):
    """One schema.org accessibility property: its terms and how records misspell them."""

    field: str
    terms: dict[str, str]
    aliases: dict[str, str]
    visual_indicators: list[str] | None = None
    groups: dict[str, list[str]] | None = None
    exclusive: list[str] | None = None
    synonyms: dict[str, str] | None = None
    deprecated: dict[str, RetiredTerm] | None = None
    obsolete: dict[str, RetiredTerm] | None = None
    legacy_refinements: list[str] | None = None
    kinds: dict[str, Pair] | None = None
    must_not_combine: list[Pair] | None = None
    should_not_combine: list[Pair] | None = None


class AccessibilityProperties(_Data):
    """The six list-valued properties the A11Y rules check."""

    accessMode: AccessibilityProperty  # noqa: N815 - the schema.org property names
    accessModeSufficient: AccessibilityProperty  # noqa: N815
    accessibilityFeature: AccessibilityProperty  # noqa: N815
    accessibilityHazard: AccessibilityProperty  # noqa: N815
    accessibilityAPI: AccessibilityProperty  # noqa: N815
    accessibilityControl: AccessibilityProperty  # noqa: N815


class Conformance(_Data):
    """``dcterms:conformsTo`` values: EPUB statements, accessibility specifications."""

    about: str = Field(alias="_about")
    epub_prefixes: list[str]
    epub_statements: list[str]
    specification_pattern: str


class ExtensionElement(_Data):
    """An XML element (or attribute) of a profile that carries an accessibility statement."""

    field: str
    value: str | None = None
    when: list[str] | None = None


class ExtensionElements(_Data):
    """Normalised element names -> the field they fill.  The names are data, so any key
    is accepted, but each value must be an :class:`ExtensionElement`."""

    model_config = ConfigDict(extra="allow")
    __pydantic_extra__: dict[str, ExtensionElement] = Field(init=False)
    about: str = Field(alias="_about")


class Media(_Data):
    """What MIME types and resource-type words tell about timed content (A11Y007)."""

    about: str = Field(alias="_about")
    timed_prefixes: list[str]
    timed_types: list[str]
    static_prefixes: list[str]
    static_types: list[str]
    timed_words: list[str]
    pdf_types: list[str]


class HazardWords(_Data):
    """Words that tell what a free-text hazard value means (to suggest its term)."""

    about: str = Field(alias="_about")
    negation: list[str]
    unknown: list[str]
    #: hazard term -> the word stems that name it
    subjects: dict[str, list[str]]


class AccessibilityFile(_Data):
    """The W3C accessibility vocabulary as the A11Y rules use it."""

    about: str = Field(alias="_about")
    version: str
    properties: AccessibilityProperties
    conformance: Conformance
    extension_elements: ExtensionElements
    media: Media
    hazard_words: HazardWords


# -- education.json --------------------------------------------------------------------


class KimConcept(_Data):
    """A KIM educationalLevel concept: its ISCED 2011 level (if any) and labels."""

    isced: str | None
    labels: list[str] = Field(min_length=1)


class KimScheme(_Data):
    """The KIM educationalLevel concept scheme."""

    scheme: str
    concepts: dict[str, KimConcept]


class EducationFile(_Data):
    """Tables of the EDU rules."""

    about: str
    kim_educational_level: KimScheme
    lomfr_context_observed: list[str]
    level_synonyms: dict[str, list[str]]
    age_units: list[str]


# -- privacy.json ----------------------------------------------------------------------


class PrivacyFile(_Data):
    """Word lists of the PRIV rules."""

    about: str
    role_mailboxes: list[str]
    organisation_words: list[str]
    name_particles: list[str]
    learner_words: list[str]
    teacher_words: list[str]
    personal_phone_types: list[str]
    phone_labels: list[str]
    mobile_phone_labels: list[str]
    home_phone_labels: list[str]
    usage_properties: list[str]
    identifier_keys: list[str]


# -- placeholders.json -----------------------------------------------------------------


class PlaceholderLanguage(_Data):
    """One language's placeholder phrases and the filler words that may stand beside them."""

    phrases: list[Annotated[str, Field(min_length=1)]] = Field(min_length=1)
    fillers: list[Annotated[str, Field(min_length=1)]]


class PlaceholdersFile(_Data):
    """Phrase lists of rule DISC009, per language (the key is a BCP 47 language tag)."""

    about: str
    languages: dict[str, PlaceholderLanguage]
    whole_values: list[Annotated[str, Field(min_length=1)]]
    anywhere: list[Annotated[str, Field(min_length=1)]]


# -- lom_elements.json -----------------------------------------------------------------

LomType = Literal[
    "text", "string", "langstring", "vocabulary", "datetime", "duration", "vcard", "wrapped"
]


class LomElement(_Data):
    """An element of a LOM binding's tree: a container with children, or a typed leaf."""

    type: LomType | None = None
    repeat: bool = False
    children: dict[str, "LomElement"] | None = None
    dotted: str | None = None
    same_as: str | None = None
    recursive: bool = False


class LomBinding(_Data):
    """One XML binding of LOM: its datatypes' inner elements and its element tree."""

    title: str
    datatypes: dict[str, dict[str, LomElement]]
    tree: dict[str, LomElement]


class LomBindings(_Data):
    """The two bindings the LOM reader knows."""

    ieee: LomBinding
    imsmd: LomBinding


class ProfileAddition(LomElement):
    """A child an application profile adds inside LOM vocabulary elements."""

    profiles: list[str] = Field(min_length=1)


class ProfileAdditions(_Data):
    """Children that application profiles add inside LOM elements: inside every
    vocabulary element, or inside the element of a given IEEE dotted name."""

    about: str
    vocabulary: dict[str, ProfileAddition]
    elements: dict[str, dict[str, ProfileAddition]] = Field(default_factory=dict)


class ProfileRules(_Data):
    """Binding rules that profiles relax: repeats allowed (per binding, per dotted
    element) and LangStrings typed as plain text (per dotted element)."""

    about: str
    repeat: dict[Literal["ieee", "imsmd"], dict[str, list[str]]] = Field(default_factory=dict)
    plain_text: dict[str, list[str]] = Field(default_factory=dict)


class LomElementsFile(_Data):
    """The LOM element tree of the structure checks."""

    about: str
    bindings: LomBindings
    profile_additions: ProfileAdditions
    profile_rules: ProfileRules


# -- lom_profiles.json -----------------------------------------------------------------


class ProfileVocabulary(_Data):
    """A vocabulary a profile defines for LOM vocabulary elements, by its source token.

    ``others``: the vocabulary whose tokens the elements not listed take.  A vocabulary
    whose source is ``LOMv1.0`` is the profile's own spelling of that vocabulary, used
    only in records of the profile.  ``default``: the vocabulary of values without a
    source in records of the profile."""

    source: str
    elements: dict[str, list[str]]
    others: Literal["LOMv1.0"] | None = None
    default: bool = False


class LomProfile(_Data):
    """An application profile of LOM: how records name it, what oer_meta checks."""

    title: str
    schema_names: list[str] = Field(default_factory=list)
    namespaces: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    source_prefixes: list[str] = Field(default_factory=list)
    vocabularies: list[ProfileVocabulary] = Field(default_factory=list)
    value_types: dict[str, Literal["time", "language-code-or-uri"]] = Field(default_factory=dict)
    coverage: str


class ScolomfrConcepts(_Data):
    """ScoLOMFR vocabularies by concept URI."""

    about: str
    concept_base: str
    scheme_base: str
    names: dict[str, str]
    elements: dict[str, str]
    nominal: dict[str, list[str]]
    #: classification purpose (concept tail) -> the vocabulary its taxons come from
    purposes: dict[str, str] = Field(default_factory=dict)
    #: classification purpose (concept tail) -> its label, as real records write it
    purpose_labels: dict[str, str] = Field(default_factory=dict)


class LomProfilesFile(_Data):
    """The LOM application profiles oer_meta recognises, in the order they are tried."""

    about: str
    profiles: dict[str, LomProfile]
    scolomfr_concepts: ScolomfrConcepts


# -- licences/attribution.json ---------------------------------------------------------


class MissingParts(_Data):
    """What an attribution line says in place of a missing part."""

    title: str
    author: str
    source: str
    licence: str
    version: str


class Templates(_Data):
    """The attribution sentence for each kind of rights statement."""

    licensed: str
    dedicated: str
    marked: str
    no_licence: str
    not_open: str
    not_a_licence: str
    unrecognised: str


class VowelRule(_Data):
    """A conjunction that changes before a vowel sound (Spanish ``y`` -> ``e``)."""

    word: str
    prefixes: list[str]
    except_: list[str] = Field(alias="except")


class BeforeVowel(_Data):
    """The conjunctions that change before a vowel sound."""

    and_: VowelRule | None = Field(default=None, alias="and")
    or_: VowelRule | None = Field(default=None, alias="or")


class AttributionLanguage(_Data):
    """The wording of attribution lines in one language."""

    quotes: Pair
    and_: str = Field(alias="and")
    or_: str = Field(alias="or")
    before_vowel_sound: BeforeVowel | None = None
    missing: MissingParts
    labels: dict[str, str]
    templates: Templates


class AttributionFile(_Data):
    """Wording and licence classes of the attribution (TASL) line."""

    about: str = Field(alias="_about")
    dedicated_families: list[str]
    dedicated_spdx: list[str]
    marked_families: list[str]
    author_roles: list[str]
    languages: dict[str, AttributionLanguage]


# -- licences/cc_names.json ------------------------------------------------------------


class CcNameLanguage(_Data):
    """One language's CC element and version words as its translated titles write them,
    with the key of its source in the file's ``sources``."""

    language: str
    source: str
    elements: dict[Literal["by", "nc", "nd", "sa"], list[str]]
    generic: list[str] = []


class CcNamesFile(_Data):
    """Words that name Creative Commons elements, tools and ports in licence titles."""

    about: str = Field(alias="_about")
    markers: list[str]
    elements: dict[str, list[str]]
    tools: dict[str, list[str]]
    retired_units: dict[str, list[str]]
    jurisdictions: dict[str, list[str]]
    generic: list[str]
    filler: list[str]
    sources: dict[str, str]
    languages: list[CcNameLanguage]


# -- licences/cc_tools.json ------------------------------------------------------------


class CcFlags(_Data):
    """What a Creative Commons unit permits and requires."""

    adapt: bool
    commercial: bool
    share_alike: bool
    attribution: bool


class CcVersion(_Data):
    """One version of a unit: is there a generic (unported) tool, and which ports."""

    generic: bool
    ports: list[str]


class CcUnit(_Data):
    """A Creative Commons unit (``by-sa``, ``zero``...) across its versions."""

    category: Literal["licenses", "publicdomain"]
    family: str
    elements: list[str]
    openness: Openness
    retired: bool
    flags: CcFlags
    versions: dict[str, CcVersion]
    note: str | None = None


class CcToolsFile(_Data):
    """The inventory of Creative Commons legal tools."""

    about: str = Field(alias="_about")
    units: dict[str, CcUnit]
    retired_ports: dict[str, list[str]]
    retired_note: dict[str, str]
    spdx_exceptions: dict[str, str]
    short_name_exceptions: dict[str, str]
    title_exceptions: dict[str, str]
    unit_titles: dict[str, str]
    unit_titles_4: dict[str, str]
    aliases: dict[str, str]
    software_wrappers: dict[str, str | None]
    jurisdictions: dict[str, str]


# -- licences/other_licences.json ------------------------------------------------------


class OtherLicenceEntry(_Data):
    """A licence that is not a Creative Commons tool."""

    spdx: str | None
    family: str
    openness: Openness
    title: str
    short_name: str | None = None
    url: str | None = None
    urls: list[str]
    names: list[str]
    reason: str | None = None
    version: str | None = None
    version_missing: bool = False


class OtherLicencesFile(_Data):
    """Non-CC licences found on OER, and replacements of deprecated SPDX ids."""

    about: str = Field(alias="_about")
    licences: list[OtherLicenceEntry]
    deprecated_replacements: dict[str, str]


# -- licences/statements.json ----------------------------------------------------------


class Statement(_Data):
    """A rights statement that is not a licence, recognised by regular expressions."""

    family: str
    openness: Openness
    reason: str
    patterns: list[str] = Field(min_length=1)
    how: Literal["spdx", "url", "short-name", "name", "statement", "fuzzy", "none"] | None = None
    confidence: float | None = Field(default=None, ge=0, le=1)
    unless: list[str] | None = None


class TermsPage(_Data):
    """A link to a site's own terms-of-use page."""

    family: str
    openness: Openness
    reason: str
    path_pattern: str


class UrlStatement(_Data):
    """URLs that are no licence: placeholders (``example.com``), encyclopedia articles."""

    family: str
    openness: Openness
    reason: str
    host_pattern: str
    list_pages: list[str] | None = None


class StatementsFile(_Data):
    """Rights statements that are not licences, and RightsStatements.org ids."""

    about: str = Field(alias="_about")
    statements: list[Statement]
    rightsstatements: dict[str, Pair]
    terms_page: TermsPage
    placeholder: UrlStatement
    reference_page: UrlStatement


# -- licences/rights_phrases.json ------------------------------------------------------


class PhraseRow(_Data):
    """Phrases of one language, with the key of the source they were taken from."""

    lang: str = Field(pattern=r"^[a-z]{2,3}$")
    source: str
    phrases: list[str] = Field(min_length=1)


class RightsLabels(_Data):
    """RightsStatements.org labels of one statement in other languages."""

    source: str
    labels: list[str] = Field(min_length=1)


class RightsPhrasesFile(_Data):
    """Rights prose per statement family and language, values that mean "no value",
    and translated RightsStatements.org labels, each row naming its source."""

    about: str = Field(alias="_about")
    sources: dict[str, str]
    phrases: dict[str, list[PhraseRow]]
    absent_values: list[PhraseRow]
    rightsstatements_labels: dict[str, RightsLabels]


#: Every data file, by its path under ``oer_meta/data``, with the model it must fit.
DATA_MODELS: Mapping[str, type[_Data]] = {
    "accessibility.json": AccessibilityFile,
    "education.json": EducationFile,
    "lom_elements.json": LomElementsFile,
    "lom_profiles.json": LomProfilesFile,
    "privacy.json": PrivacyFile,
    "placeholders.json": PlaceholdersFile,
    "vocabularies.json": VocabulariesFile,
    "licences/attribution.json": AttributionFile,
    "licences/cc_names.json": CcNamesFile,
    "licences/cc_tools.json": CcToolsFile,
    "licences/other_licences.json": OtherLicencesFile,
    "licences/statements.json": StatementsFile,
    "licences/rights_phrases.json": RightsPhrasesFile,
}


def data_file_names() -> list[str]:
    """The data files that have a model, by path under ``oer_meta/data``."""
    return sorted(DATA_MODELS)


def _model_for(name: str) -> type[_Data]:
    try:
        return DATA_MODELS[name]
    except KeyError:
        raise DataFileError(
            name, [("", "no model describes this file; add one to oer_meta.knowledge.data_files")]
        ) from None


def parse_data(name: str, text: str, *, source: str | None = None) -> Any:
    """Parse ``text`` as data file ``name`` and check it against the file's model.

    Returns the plain parsed JSON.  ``source`` names the file in errors (default:
    ``name``); tests pass the path of a modified copy."""
    return _validate(name, text, source or name)[1]


def _validate(name: str, text: str, source: str) -> tuple[_Data, Any]:
    model = _model_for(name)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = f"line {exc.lineno}, column {exc.colno}: invalid JSON: {exc.msg}"
        raise DataFileError(source, [("", problem)]) from None
    try:
        return model.model_validate(data), data
    except ValidationError as exc:
        raise DataFileError(source, _problems(model, exc)) from None


def _read(name: str) -> str:
    folder = resources.files("oer_meta").joinpath("data")
    return folder.joinpath(name).read_text(encoding="utf-8")


@cache
def load_data(name: str) -> Any:
    """``oer_meta/data/<name>`` parsed and validated once; the plain JSON data.

    Raises :class:`DataFileError` when the file does not fit its model."""
    _model_for(name)  # an unknown name fails before any I/O
    return parse_data(name, _read(name), source=f"oer_meta/data/{name}")


@cache
def load_data_file(name: str) -> BaseModel:
    """``oer_meta/data/<name>`` as an instance of its model, validated once."""
    return _validate(name, _read(name), f"oer_meta/data/{name}")[0]


# -- error messages --------------------------------------------------------------------

_MAX_PROBLEMS = 10
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def format_loc(loc: Sequence[int | str]) -> str:
    """A pydantic error location as a path: ``units.by.versions["1.0"].ports[2]``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _IDENTIFIER.match(part):
            out += f".{part}" if out else part
        else:
            out += f"[{json.dumps(part)}]"
    return out


def _problems(model: type[BaseModel], exc: ValidationError) -> list[tuple[str, str]]:
    import difflib  # only on the error path

    problems: list[tuple[str, str]] = []
    for error in exc.errors(include_url=False)[:_MAX_PROBLEMS]:
        loc = tuple(error["loc"])
        if error["type"] == "extra_forbidden" and loc:
            key = str(loc[-1])
            message = f"unknown key {key!r}"
            valid = keys_at(model, loc[:-1])
            near = difflib.get_close_matches(key, valid, n=1) if valid else []
            if near:
                message += f"; did you mean {near[0]!r}?"
            elif valid:
                message += f"; valid keys: {', '.join(valid)}"
            problems.append((format_loc(loc[:-1]), message))
        elif error["type"] == "missing" and loc:
            problems.append((format_loc(loc[:-1]), f"missing key {str(loc[-1])!r}"))
        else:
            got = type(error["input"]).__name__
            problems.append((format_loc(loc), f"{error['msg']} (got {got})"))
    if exc.error_count() > _MAX_PROBLEMS:
        problems.append(("", f"... and {exc.error_count() - _MAX_PROBLEMS} more"))
    return problems


def keys_at(model: type[BaseModel], loc: Sequence[int | str]) -> list[str]:
    """The keys a model accepts at ``loc`` (the spelling a file uses: aliases), or ``[]``
    when the location is not a model.  Used only to suggest a spelling in errors."""
    target: Any = model
    for part in loc:
        target = _step(target, part)
        if target is None:
            return []
    target = _unwrap(target, BaseModel)
    if not (isinstance(target, type) and issubclass(target, BaseModel)):
        return []
    return [info.alias or name for name, info in target.model_fields.items()]


def _step(target: Any, part: int | str) -> Any:
    """The type found one step down ``target`` at key or index ``part``."""
    model = _unwrap(target, BaseModel)
    if isinstance(model, type) and issubclass(model, BaseModel):
        for name, info in model.model_fields.items():
            if part in (name, info.alias):
                return info.annotation
        if model.model_config.get("extra") != "allow":
            return None
        extra = _unwrap(typing.get_type_hints(model).get("__pydantic_extra__"), dict)
        args = typing.get_args(extra)
        return args[1] if len(args) == 2 else None
    container = _unwrap(target, dict) if isinstance(part, str) else _unwrap(target, list)
    args = typing.get_args(container)
    return args[-1] if args else None


def _unwrap(target: Any, kind: type) -> Any:
    """From ``X | None``, ``Annotated[X, ...]`` and unions, the arm that is a ``kind``
    (a model class, or a ``dict[...]`` / ``list[...]`` type)."""
    origin = typing.get_origin(target)
    if origin is Annotated:
        return _unwrap(typing.get_args(target)[0], kind)
    if origin is Union or isinstance(target, types.UnionType):
        for arm in typing.get_args(target):
            found = _unwrap(arm, kind)
            if found is not None:
                return found
        return None
    if kind is BaseModel:
        return target if isinstance(target, type) and issubclass(target, BaseModel) else None
    return target if origin is kind else None
