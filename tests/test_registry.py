"""The rule registry: pinned codes, complete documentation, generated docs not stale."""

from __future__ import annotations

import re

import pytest

import oer_meta
from oer_meta.checks.registry import DOC_SECTIONS, get_rule
from oer_meta.docgen import rule_text, rules_markdown

from .corpus_paths import ROOT

PINNED = {
    "STD001": "unreadable-record",
    "STD002": "schema-violation",
    "STD003": "vocabulary-value",
    "STD004": "invalid-datetime",
    "DISC001": "title-missing",
    "DISC002": "description-missing",
    "DISC003": "keywords-missing",
    "DISC004": "identifier-missing",
    "DISC005": "resource-type-missing",
    "DISC006": "educational-level-missing",
    "DISC007": "date-missing",
    "DISC008": "format-missing",
    "DISC009": "placeholder-text",
    "DISC010": "description-repeats-title",
    "DISC011": "markup-in-text",
    "DISC012": "markup-in-description",
    "DISC013": "identifier-glued",
    "DISC014": "identifier-shared",
    "LIC001": "licence-missing",
    "LIC002": "licence-unrecognised",
    "LIC003": "licence-not-open",
    "LIC004": "licence-noncommercial",
    "LIC005": "licence-not-machine-readable",
    "LIC006": "licence-conflict",
    "LIC007": "licence-version-outdated",
    "LIC008": "attribution-incomplete",
    "LIC009": "remix-incompatible",
    "LIC010": "cost-not-free",
    "LIC011": "licence-identifier-deprecated",
    "LANG001": "language-missing",
    "LANG002": "language-invalid",
    "LANG003": "language-not-canonical",
    "LANG004": "langstring-language-missing",
    "LANG005": "metadata-language-mismatch",
    "LANG006": "translation-unlinked",
    "A11Y001": "accessibility-metadata-missing",
    "A11Y002": "accessibility-value-unknown",
    "A11Y003": "hazard-undeclared",
    "A11Y004": "hazard-contradiction",
    "A11Y005": "access-mode-sufficient-missing",
    "A11Y006": "accessibility-summary-missing",
    "A11Y007": "accessibility-feature-inconsistent",
    "PRIV001": "personal-contact-data",
    "PRIV002": "learner-data",
    "EDU001": "audience-missing",
    "EDU002": "age-range-invalid",
    "EDU003": "level-unmapped",
}


def test_pinned_codes_and_names_exist() -> None:
    registry = {r.code: r.name for r in oer_meta.rules()}
    for code, name in PINNED.items():
        assert registry.get(code) == name


@pytest.mark.parametrize("rule", oer_meta.rules(), ids=lambda r: r.code)
def test_every_rule_is_fully_documented(rule: oer_meta.Rule) -> None:
    sections = rule.sections()
    for section in DOC_SECTIONS:
        assert len(sections.get(section, "")) > 40, f"{rule.code}: section {section!r} too thin"
    assert rule.summary.endswith(".")
    assert rule.areas and all(1 <= int(a) <= 5 for a in rule.areas)
    assert rule.paragraphs and all(re.match(r"^\d+(\([a-z]+\))?$", p) for p in rule.paragraphs)
    text = rule_text(rule)
    assert text.startswith(f"{rule.code} {rule.name}\n")
    assert "Why it matters" in text


def test_rules_doc_page_is_generated_and_current() -> None:
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == rules_markdown(), "docs/rules.md is stale: oer-meta rules --format markdown"


def test_get_rule_is_case_insensitive_and_rejects_unknown_codes() -> None:
    assert get_rule("disc001").name == "title-missing"
    with pytest.raises(oer_meta.OerMetaError):
        get_rule("NOPE999")


def test_action_areas_have_english_and_french_titles() -> None:
    area = oer_meta.ActionArea(3)
    assert area.title_en == "Encouraging inclusive and equitable quality OER"
    assert "REL" in area.title_fr
    assert [a.paragraph for a in oer_meta.ActionArea] == [11, 12, 13, 14, 15]
    assert oer_meta.ActionArea(5).objective == "9(v)"
    assert oer_meta.ActionArea(1).title("fr-CA") == oer_meta.ActionArea(1).title_fr
