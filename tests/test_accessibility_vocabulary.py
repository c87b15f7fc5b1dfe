"""The W3C accessibility vocabulary as oer_meta ships it: every term, every retired term,
every forbidden hazard combination, and the closest-term suggestions.

The expected lists are written out here from the vocabulary (version 1.1), independently
of ``data/accessibility.json``, so that a typo in the data file fails a test.
"""

from __future__ import annotations

import doctest
import re
from itertools import combinations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import oer_meta
from oer_meta.knowledge.accessibility import (
    PROPERTIES,
    deprecated_terms,
    epub_conformance,
    extension_element,
    feature_conflicts,
    hazard_conflicts,
    lookup,
    lookup_sufficient,
    media_kind,
    names_accessibility_specification,
    suggest,
    terms,
)
from oer_meta.model import Accessibility, Record, Term, Text

from .corpus_paths import ROOT

VOCABULARY: dict[str, set[str]] = {
    "accessMode": {
        "auditory", "tactile", "textual", "visual", "chartOnVisual", "chemOnVisual",
        "colorDependent", "diagramOnVisual", "mathOnVisual", "musicOnVisual", "textOnVisual",
    },
    "accessModeSufficient": {"auditory", "tactile", "textual", "visual"},
    "accessibilityFeature": {
        "ARIA", "index", "pageBreakMarkers", "pageNavigation", "readingOrder",
        "structuralNavigation", "tableOfContents", "taggedPDF", "alternativeText",
        "audioDescription", "closedCaptions", "describedMath", "longDescription",
        "openCaptions", "signLanguage", "transcript", "displayTransformability",
        "synchronizedAudioText", "timingControl", "unlocked", "ChemML", "latex",
        "latex-chemistry", "MathML", "MathML-chemistry", "ttsMarkup", "highContrastAudio",
        "highContrastDisplay", "largePrint", "braille", "tactileGraphic", "tactileObject",
        "fullRubyAnnotations", "horizontalWriting", "rubyAnnotations", "verticalWriting",
        "withAdditionalWordSegmentation", "withoutAdditionalWordSegmentation", "none",
        "unknown",
    },
    "accessibilityHazard": {
        "flashing", "motionSimulation", "sound", "none", "noFlashingHazard",
        "noMotionSimulationHazard", "noSoundHazard", "unknown", "unknownFlashingHazard",
        "unknownMotionSimulationHazard", "unknownSoundHazard",
    },
    "accessibilityAPI": {
        "AndroidAccessibility", "ATK", "AT-SPI", "FuchsiaAccessibility", "iAccessible2",
        "JavaAccessibility", "MSAA", "NSAccessibility", "UIAccessibility", "UIAutomation",
    },
    "accessibilityControl": {
        "fullKeyboardControl", "fullMouseControl", "fullSwitchControl", "fullTouchControl",
        "fullVideoControl", "fullVoiceControl",
    },
}  # fmt: skip

MUST_NOT = [
    ("flashing", "noFlashingHazard"),
    ("flashing", "unknownFlashingHazard"),
    ("flashing", "none"),
    ("flashing", "unknown"),
    ("motionSimulation", "noMotionSimulationHazard"),
    ("motionSimulation", "unknownMotionSimulationHazard"),
    ("motionSimulation", "none"),
    ("motionSimulation", "unknown"),
    ("sound", "noSoundHazard"),
    ("sound", "unknownSoundHazard"),
    ("sound", "none"),
    ("sound", "unknown"),
    ("none", "unknown"),
    ("noFlashingHazard", "unknownFlashingHazard"),
    ("noFlashingHazard", "unknown"),
    ("noMotionSimulationHazard", "unknownMotionSimulationHazard"),
    ("noMotionSimulationHazard", "unknown"),
    ("noSoundHazard", "unknownSoundHazard"),
    ("noSoundHazard", "unknown"),
    ("unknownFlashingHazard", "none"),
    ("unknownMotionSimulationHazard", "none"),
    ("unknownSoundHazard", "none"),
]
SHOULD_NOT = [
    ("none", "noFlashingHazard"),
    ("none", "noMotionSimulationHazard"),
    ("none", "noSoundHazard"),
    ("unknown", "unknownFlashingHazard"),
    ("unknown", "unknownMotionSimulationHazard"),
    ("unknown", "unknownSoundHazard"),
]
ALL_TERMS = [(prop, term) for prop in PROPERTIES for term in sorted(VOCABULARY[prop])]


def record_with(**fields: list[Term]) -> Record:
    """A record whose accessibility holds ``fields`` (everything else empty)."""
    return Record(source_format="jsonld", accessibility=Accessibility(**fields))


def hazards(*values: str) -> Record:
    return record_with(hazards=[Term(value=v) for v in values])


# -- the terms --------------------------------------------------------------------------


@pytest.mark.parametrize("prop", PROPERTIES)
def test_the_shipped_term_lists_are_exactly_the_vocabulary(prop: str) -> None:
    assert set(terms(prop)) == VOCABULARY[prop]


@pytest.mark.parametrize(("prop", "term"), ALL_TERMS, ids=lambda x: str(x))
def test_every_vocabulary_term_is_accepted(prop: str, term: str) -> None:
    found = lookup(prop, term)
    assert (found.status, found.term) == ("term", term)
    assert found.canonical and found.known


FIELD = {
    "accessMode": "access_modes",
    "accessModeSufficient": "access_modes_sufficient",
    "accessibilityFeature": "features",
    "accessibilityHazard": "hazards",
    "accessibilityAPI": "apis",
    "accessibilityControl": "controls",
}


@pytest.mark.parametrize(("prop", "term"), ALL_TERMS, ids=lambda x: str(x))
def test_no_vocabulary_term_is_reported_as_unknown(prop: str, term: str) -> None:
    record = record_with(**{FIELD[prop]: [Term(value=term)]})
    assert oer_meta.check(record, select=["A11Y002"]) == []


def test_case_only_differences_are_understood_and_respelled() -> None:
    found = lookup("accessibilityHazard", "Flashing")
    assert (found.status, found.term, found.replacements) == ("case", "flashing", ("flashing",))
    assert lookup("accessibilityFeature", "MATHML").term == "MathML"
    assert lookup("accessMode", " textual ").status == "term"  # values are trimmed


def test_every_term_in_another_case_is_understood() -> None:
    for prop, term in ALL_TERMS:
        for variant in (term.upper(), term.lower()):
            if variant != term:
                assert lookup(prop, variant).term == term, (prop, variant)


def test_descriptors_legacy_refinements_and_concept_uris() -> None:
    assert lookup("accessibilityFeature", "alternativeText-fr").status == "descriptor"
    assert lookup("accessibilityFeature", "alternativeText-fr").term == "alternativeText"
    legacy = lookup("accessibilityFeature", "displayTransformability/font-size")
    assert (legacy.status, legacy.replacements) == ("legacy", ("displayTransformability",))
    assert lookup("accessibilityFeature", "highContrastAudio/noBackground").status == "legacy"
    uri = lookup("accessibilityFeature", "http://www.w3.org/ns/a11y#alternativeText")
    assert (uri.status, uri.term) == ("term", "alternativeText")
    assert lookup("accessibilityFeature", "https://example.org/features/42").status == "unknown"


def test_access_mode_sufficient_sets_are_checked_mode_by_mode() -> None:
    parts = lookup_sufficient("textual, visual")
    assert [(p.value, p.status) for p in parts] == [("textual", "term"), ("visual", "term")]
    indicator, typo = lookup_sufficient("textOnVisual,txt")
    assert (indicator.status, indicator.suggestions) == ("unknown", ("visual",))
    assert typo.status == "unknown"


# -- deprecated, obsolete and synonym terms ------------------------------------------------


@pytest.mark.parametrize(
    ("prop", "value", "status", "replacements"),
    [
        ("accessibilityFeature", "captions", "deprecated", ("closedCaptions", "openCaptions")),
        ("accessibilityFeature", "bookmarks", "deprecated", ("tableOfContents",)),
        ("accessibilityFeature", "annotations", "deprecated", ()),
        ("accessibilityFeature", "printPageNumbers", "synonym", ("pageBreakMarkers",)),
        ("accessibilityAPI", "ARIA", "deprecated", ()),
        ("accessibilityAPI", "iOSAccessibility", "deprecated", ("NSAccessibility",)),
        ("accessibilityAPI", "MacOSXAccessibility", "deprecated", ("UIAccessibility",)),
        ("accessibilityAPI", "BlackberryAccessibility", "obsolete", ("AndroidAccessibility",)),
    ],
)
def test_retired_terms_are_recognised_and_mapped(
    prop: str, value: str, status: str, replacements: tuple[str, ...]
) -> None:
    found = lookup(prop, value)
    assert (found.status, found.term, found.replacements) == (status, value, replacements)
    assert found.known and not found.canonical
    if status != "synonym":
        assert deprecated_terms(prop)[value] == replacements


def test_the_swapped_apple_apis_are_explained_not_blindly_replaced() -> None:
    record = record_with(apis=[Term(value="iOSAccessibility")])
    (finding,) = oer_meta.check(record, select=["A11Y002"])
    assert finding.severity.value == "info"
    assert "UIAccessibility" in (finding.hint or "")  # what iOS apps really use


@pytest.mark.parametrize(
    ("prop", "value", "severity", "in_hint"),
    [
        ("features", "captions", "info", "'closedCaptions' or 'openCaptions'"),
        ("features", "bookmarks", "info", "'tableOfContents'"),
        ("features", "printPageNumbers", "info", "'pageBreakMarkers'"),
        ("apis", "ARIA", "info", "accessibilityFeature ARIA"),
        ("apis", "BlackberryAccessibility", "warning", "'AndroidAccessibility'"),
        ("features", "displayTransformability/font-size", "info", "accessibilitySummary"),
        ("hazards", "Flashing", "info", "'flashing'"),
    ],
)
def test_retired_and_respelled_values_are_reported_with_their_replacement(
    prop: str, value: str, severity: str, in_hint: str
) -> None:
    (finding,) = oer_meta.check(record_with(**{prop: [Term(value=value)]}), select=["A11Y002"])
    assert finding.severity.value == severity
    assert in_hint in (finding.hint or "")


# -- hazard combinations ---------------------------------------------------------------------


@pytest.mark.parametrize(("first", "second"), MUST_NOT)
def test_every_forbidden_hazard_pair_is_rejected(first: str, second: str) -> None:
    assert hazard_conflicts([first, second]) == [(first, second, "must")]
    assert hazard_conflicts([second, first]) == [(second, first, "must")]
    (finding,) = oer_meta.check(hazards(first, second), select=["A11Y004"])
    assert finding.severity.value == "error"
    assert repr(first) in finding.message and repr(second) in finding.message


@pytest.mark.parametrize(("first", "second"), SHOULD_NOT)
def test_every_redundant_hazard_pair_is_a_warning(first: str, second: str) -> None:
    assert hazard_conflicts([first, second]) == [(first, second, "should")]
    (finding,) = oer_meta.check(hazards(first, second), select=["A11Y004"])
    assert finding.severity.value == "warning"


def test_every_other_hazard_pair_is_accepted() -> None:
    listed = {frozenset(p) for p in MUST_NOT + SHOULD_NOT}
    for first, second in combinations(sorted(VOCABULARY["accessibilityHazard"]), 2):
        if frozenset((first, second)) not in listed:
            assert hazard_conflicts([first, second]) == [], (first, second)
            assert oer_meta.check(hazards(first, second), select=["A11Y004"]) == []


def test_hazard_conflicts_ignore_case_and_repeats() -> None:
    assert hazard_conflicts(["Flashing", "NOFLASHINGHAZARD", "flashing"]) == [
        ("flashing", "noFlashingHazard", "must")
    ]
    assert hazard_conflicts(["noFlashingHazard", "noMotionSimulationHazard", "noSoundHazard"]) == []


def test_none_and_unknown_features_must_stand_alone() -> None:
    assert feature_conflicts(["none", "alternativeText"]) == [("none", ["alternativeText"])]
    assert feature_conflicts(["alternativeText", "Unknown", "MathML"]) == [
        ("unknown", ["alternativeText", "MathML"])
    ]
    assert feature_conflicts(["none"]) == []
    assert feature_conflicts(["alternativeText", "longDescription"]) == []


# -- suggestions --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prop", "value", "expected"),
    [
        ("accessibilityFeature", "alt text", "alternativeText"),
        ("accessibilityFeature", "Alt-Text", "alternativeText"),
        ("accessibilityFeature", "alternative text", "alternativeText"),
        ("accessibilityFeature", "alternatve text", "alternativeText"),
        ("accessibilityFeature", "long desc", "longDescription"),
        ("accessibilityFeature", "large print", "largePrint"),
        ("accessibilityFeature", "table of contents", "tableOfContents"),
        ("accessibilityFeature", "TOC", "tableOfContents"),
        ("accessibilityFeature", "struct nav", "structuralNavigation"),
        ("accessibilityFeature", "subtitles", "closedCaptions"),
        ("accessibilityFeature", "transcripts", "transcript"),
        ("accessibilityFeature", "sign language", "signLanguage"),
        ("accessibilityFeature", "caption", "closedCaptions"),
        ("accessibilityFeature", "Math ML", "MathML"),
        ("accessibilityHazard", "flashing hazard", "flashing"),
        ("accessibilityHazard", "no flashing", "noFlashingHazard"),
        ("accessibilityHazard", "No flashing hazards", "noFlashingHazard"),
        ("accessibilityHazard", "no hazards", "none"),
        ("accessibilityHazard", "unknown flashing", "unknownFlashingHazard"),
        ("accessibilityHazard", "not known", "unknown"),
        ("accessibilityHazard", "no sound", "noSoundHazard"),
        ("accessibilityHazard", "motion", "motionSimulation"),
        ("accessibilityHazard", "unknownMotionSimultationHazard", "unknownMotionSimulationHazard"),
        ("accessMode", "text", "textual"),
        ("accessMode", "audio", "auditory"),
        ("accessMode", "colour dependent", "colorDependent"),
        ("accessModeSufficient", "text", "textual"),
        ("accessibilityControl", "keyboard", "fullKeyboardControl"),
        ("accessibilityControl", "mouse control", "fullMouseControl"),
        ("accessibilityAPI", "IAccessible 2", "iAccessible2"),
    ],
)
def test_closest_term_suggestions(prop: str, value: str, expected: str) -> None:
    found = lookup(prop, value)
    assert found.status == "unknown"
    assert found.suggestions[0] == expected


def test_hazard_suggestions_keep_the_polarity() -> None:
    for value in ("flashing hazard", "flashes", "strobe effects", "photosensitive seizures"):
        assert suggest("accessibilityHazard", value) == ("flashing",), value
    for value in ("no flashing", "without flashing", "flash-free"):
        assert suggest("accessibilityHazard", value) == ("noFlashingHazard",), value


def test_nonsense_gets_no_suggestion() -> None:
    assert suggest("accessibilityFeature", "xyzzy") == ()
    assert suggest("accessibilityHazard", "purple") == ()
    assert suggest("accessMode", "") == ()


def test_the_a11y002_hint_offers_the_closest_term() -> None:
    record = record_with(features=[Term(value="alt text")])
    (finding,) = oer_meta.check(record, select=["A11Y002"])
    assert finding.severity.value == "warning"
    assert finding.message == (
        "accessibilityFeature value 'alt text' is not in the W3C accessibility vocabulary"
    )
    assert finding.hint == "use the vocabulary term 'alternativeText'"


@given(st.sampled_from(PROPERTIES), st.text(max_size=40))
def test_lookup_never_raises_and_only_names_real_terms(prop: str, value: str) -> None:
    found = lookup(prop, value)
    retired = set(deprecated_terms(prop)) | {"printPageNumbers"}
    if found.term is not None:
        assert found.term in VOCABULARY[prop] | retired
    for name in found.suggestions:
        assert name in VOCABULARY[prop]


# -- conformance claims, extension elements, media -----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://www.w3.org/TR/WCAG21/", True),
        ("WCAG 2.1 Level AA", True),
        ("EPUB Accessibility 1.1 - WCAG 2.2 Level AA", True),
        ("http://www.idpf.org/epub/a11y/accessibility-20170105.html#wcag-aa", True),
        ("EN 301 549 V3.2.1", True),
        ("PDF/UA-1", True),
        ("ISO 14289-1", True),
        ("Section 508", True),
        ("http://purl.org/ASN/resources/S1143664", False),
        ("http://perkins.org/accessiblescience/activity.html", False),
        ("https://example.org/metadatagroup", False),
        ("Common Core State Standards", False),
    ],
)
def test_accessibility_specifications_are_told_from_other_standards(
    text: str, expected: bool
) -> None:
    assert names_accessibility_specification(text) is expected


def test_epub_conformance_statements() -> None:
    assert epub_conformance("EPUB Accessibility 1.1 - WCAG 2.1 Level AA") == (True, ())
    assert epub_conformance("WCAG 2.1 Level AA") is None  # not an EPUB claim
    ok, closest = epub_conformance("EPUB Accessibility 1.1 - WCAG 2.1 AA") or (True, ())
    assert not ok and closest[0] == "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"


def test_extension_element_names() -> None:
    assert extension_element("accessibilityHazard") == {"field": "hazards"}
    assert extension_element("original_access_mode") == {"field": "access_modes"}
    assert extension_element("controlFlexibility") == {"field": "controls"}
    visual = extension_element("hasVisual")
    assert visual is not None and visual["value"] == "visual"
    assert extension_element("title") is None
    assert extension_element("_about") is None


@pytest.mark.parametrize(
    ("mime", "kind"),
    [
        ("video/mp4", "timed"),
        ("audio/mpeg", "timed"),
        ("application/vnd.apple.mpegurl", "timed"),
        ("image/png", "static"),
        ("application/pdf", "static"),
        ("text/plain; charset=utf-8", "static"),
        ("text/html", None),
        ("application/epub+zip", None),
        ("", None),
    ],
)
def test_media_kinds(mime: str, kind: str | None) -> None:
    assert media_kind(mime) == kind


def test_summaries_are_free_text() -> None:
    record = record_with(summaries=[Text(value="Anything at all, in any words.")])
    assert oer_meta.check(record, select=["A11Y002"]) == []


def test_the_documentation_example_runs_as_written() -> None:
    page = (ROOT / "docs" / "accessibility.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```python\n(.*?)```", page, re.S)
    example = doctest.DocTestParser().get_doctest(block, {}, "accessibility.md", None, 0)
    runner = doctest.DocTestRunner()
    runner.run(example)
    assert (runner.failures, runner.tries) == (0, 5)
