"""One severity per code (issue 8, §3): occurrences of a rule that matter less than the
others have a code of their own, a variant; a profile's severity for a code means
exactly that code; selecting or ignoring a rule by its code covers its variants."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

import oer_meta
from oer_meta.checks.registry import Rule, Violation, all_rules, get_rule
from oer_meta.cli import main
from oer_meta.engine import ValidationRun, resolve_profile
from oer_meta.profiles import load_profile
from oer_meta.readers import iter_source
from oer_meta.readers.base import Unreadable

from .corpus_paths import EXAMPLES, corpus_files, needs_corpus

#: A LOM record with one vocabulary value that differs from its token only in case
#: (``Learner``) and one that is no LOMv1.0 token at all (``pupil``).
LOM = """<lom xmlns="http://ltsc.ieee.org/xsd/LOM">
  <general><title><string language="en">Fractions</string></title></general>
  <educational>
    <intendedEndUserRole><source>LOMv1.0</source><value>{role}</value></intendedEndUserRole>
    {more}
  </educational>
</lom>"""
CASE_ONLY = LOM.format(role="Learner", more="")
BOTH = LOM.format(
    role="Learner",
    more="<intendedEndUserRole><source>LOMv1.0</source><value>pupil</value></intendedEndUserRole>",
)
#: The variants the issue introduced, with the rule each was split from.
SPLIT_FROM = {
    "A11Y008": "A11Y001",
    "A11Y009": "A11Y002",
    "A11Y010": "A11Y003",
    "A11Y011": "A11Y004",
    "A11Y012": "A11Y005",
    "A11Y013": "A11Y007",
    "A11Y014": "A11Y007",
    "DISC012": "DISC011",
    "EDU004": "EDU001",
    "EDU005": "EDU002",
    "EDU006": "EDU003",
    "LANG007": "LANG001",
    "LANG008": "LANG002",
    "LANG009": "LANG003",
    "LANG010": "LANG003",
    "LANG011": "LANG004",
    "LANG012": "LANG006",
    "LIC012": "LIC010",
    "LIC013": "LIC011",
    "PRIV003": "PRIV001",
    "PRIV004": "PRIV002",
    "STD007": "STD003",
}


def found(source: str, **options: object) -> list[tuple[str, str]]:
    report = oer_meta.validate(source, **options)  # type: ignore[arg-type]
    return [(f.rule, f.severity.value) for f in report.findings if f.rule.startswith("STD")]


def _profile(tmp_path: Path, text: str) -> str:
    path = tmp_path / "custom.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


# -- profiles: a severity means its code ---------------------------------------------------


def test_conformance_keeps_a_case_only_mismatch_information_and_a_real_one_an_error() -> None:
    assert load_profile("conformance").severity["STD003"] is oer_meta.Severity.ERROR
    assert found(BOTH, profile="conformance") == [("STD007", "info"), ("STD003", "error")]
    report = oer_meta.validate(CASE_ONLY, profile="conformance")
    assert report.ok  # information never fails a run, whatever STD003 is set to


def test_the_default_profile_gives_each_code_its_default() -> None:
    assert found(BOTH) == [("STD007", "info"), ("STD003", "warning")]
    assert get_rule("STD007").name == "vocabulary-value-case"


def test_a_severity_for_the_parent_leaves_the_variant_alone(tmp_path: Path) -> None:
    parent = _profile(tmp_path, '[severity]\nSTD003 = "error"\n')
    assert found(BOTH, profile=parent) == [("STD007", "info"), ("STD003", "error")]


def test_a_severity_for_the_variant_changes_only_the_variant(tmp_path: Path) -> None:
    variant = _profile(tmp_path, '[severity]\nSTD007 = "error"\n')
    assert found(BOTH, profile=variant) == [("STD007", "error"), ("STD003", "warning")]


def test_strict_fails_on_warning_variants_and_not_on_information_ones() -> None:
    assert oer_meta.validate(CASE_ONLY, profile="strict", select=["STD"]).ok
    barrier = (
        '{"@context": "https://schema.org/", "@type": "LearningResource", "name": "x", '
        '"conditionsOfAccess": "Free access with registration"}'
    )
    report = oer_meta.validate(barrier, profile="strict", select=["LIC010"])
    assert [(f.rule, f.severity.value) for f in report.findings] == [("LIC012", "warning")]
    assert not report.ok


# -- selection: a code covers its variants, a variant's code only itself --------------------


def test_ignoring_the_parent_hides_its_variants_too() -> None:
    assert found(BOTH, ignore=["STD003"]) == []
    assert found(BOTH, profile="conformance", ignore=["STD003"]) == []


def test_selecting_the_parent_selects_its_variants() -> None:
    assert found(BOTH, select=["STD003"]) == [("STD007", "info"), ("STD003", "warning")]


def test_selecting_a_variant_gives_the_variant_only() -> None:
    assert found(BOTH, select=["STD007"]) == [("STD007", "info")]
    assert [r.code for r in ValidationRun(select=["STD007"])._plan.record_checks] == ["STD003"]


def test_ignoring_a_variant_keeps_the_parent() -> None:
    assert found(BOTH, select=["STD003"], ignore=["STD007"]) == [("STD003", "warning")]


def test_prefixes_and_areas_work_as_before() -> None:
    def codes(select: list[str], ignore: tuple[str, ...] = ()) -> set[str]:
        return {r.code for r in resolve_profile(select=select, ignore=ignore).rules()}

    # a prefix that picks a parent picks its variants, as it picked all its occurrences
    assert {"A11Y008", "A11Y010", "A11Y014"} <= codes(["A11Y00"])
    assert not codes(["ALL"], ("A11Y00",)) & {r.code for r in all_rules() if r.pack == "A11Y"}
    assert codes(["LIC01"]) == {"LIC010", "LIC011", "LIC012", "LIC013", "LIC014"}
    # the variants share their parent's action areas
    assert "STD007" in codes(["AA5"]) and "STD007" not in codes(["AA3"])


def test_the_cli_ignore_and_select_follow_the_same_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "both.xml"
    path.write_text(BOTH, encoding="utf-8")

    def rules_reported(*options: str) -> list[str]:
        main(["validate", str(path), "--format", "json", *options])
        findings = json.loads(capsys.readouterr().out)["results"][0]["findings"]
        return [f["rule"] for f in findings if f["rule"].startswith("STD")]

    assert rules_reported() == ["STD007", "STD003"]
    assert rules_reported("--ignore", "STD003") == []
    assert rules_reported("--select", "STD007") == ["STD007"]
    assert main(["validate", str(path), "--profile", "conformance", "--select", "STD007"]) == 0
    capsys.readouterr()


# -- the registry -----------------------------------------------------------------------------


#: variants declared since, for conditions of their own (not splits of an old severity)
LATER_VARIANTS = {"LANG013": "LANG003"}


def test_the_new_codes_are_variants_of_the_rules_they_were_split_from() -> None:
    variants = {r.code: r.emitted_by for r in all_rules() if r.emitted_by is not None}
    assert variants == SPLIT_FROM | LATER_VARIANTS
    for code, parent in SPLIT_FROM.items():
        assert code in get_rule(parent).variants
        assert get_rule(code).pack == get_rule(parent).pack


def test_a_code_belongs_to_one_rule_of_one_check() -> None:
    owners = [r for r in all_rules() if r.emitted_by is None]
    claimed: dict[str, str] = {}
    for owner in owners:
        codes = (owner.code, *owner.variants)
        assert len(set(codes)) == len(codes), owner.code
        for code in codes:
            assert claimed.setdefault(code, owner.code) == owner.code, code
            assert get_rule(code).code == code
        for variant in owner.variants:
            rule = get_rule(variant)
            assert rule.emitted_by == owner.code and rule.check is None
            assert rule.areas == owner.areas and rule.formats == owner.formats
    assert set(claimed) == {r.code for r in all_rules()}


@pytest.mark.parametrize("code", sorted(SPLIT_FROM))
def test_each_variant_is_documented(code: str) -> None:
    rule = get_rule(code)
    assert list(rule.sections()) == ["Why it matters", "Example", "Fix"]
    assert all(body for body in rule.sections().values())
    assert rule.summary.endswith(".") and "\n" not in rule.summary
    assert rule.name not in {r.name for r in all_rules() if r.code != code}


def test_violations_carry_no_severity() -> None:
    assert "severity" not in {f.name for f in dataclasses.fields(Violation)}
    with pytest.raises(TypeError):
        Violation("m", severity=oer_meta.Severity.INFO)  # type: ignore[call-arg]


def test_a_check_emitting_a_code_it_does_not_declare_is_refused() -> None:
    run = ValidationRun(select=["ALL"])
    owner = get_rule("STD003")
    with pytest.raises(ValueError, match="STD003 emitted LIC001"):
        run._finding(owner, Violation("m", code="LIC001"), None)
    with pytest.raises(ValueError, match="STD003 emitted A11Y008"):
        ValidationRun(select=["STD003"])._finding(owner, Violation("m", code="A11Y008"), None)


def _emitted(rules: list[Rule], item: object) -> set[tuple[str, str]]:
    """(owner, code) of every violation the rules' checks yield on one item."""
    out: set[tuple[str, str]] = set()
    for owner in rules:
        assert owner.check is not None
        if isinstance(item, Unreadable):
            if owner.kind != "input":
                continue
        elif owner.kind != "record" or not owner.applies_to(item):  # type: ignore[arg-type]
            continue
        for violation in owner.check(item):
            out.add((owner.code, violation.code or owner.code))
    return out


@needs_corpus
def test_every_code_emitted_on_the_corpus_and_examples_is_declared() -> None:
    owners = [r for r in all_rules() if r.check is not None]
    emitted: set[tuple[str, str]] = set()
    for path in [*corpus_files(), *sorted(EXAMPLES.rglob("*.*"))]:
        for item in iter_source(path):
            if getattr(item, "deleted", False):
                continue
            emitted |= _emitted(owners, item)
    for owner, code in emitted:
        assert code == owner or code in get_rule(owner).variants, (owner, code)
    # the corpus really exercises variants, not only the owners' own codes (LANG010, not
    # LANG009: the corpus' only LANG009 were ScoLOMFR language URIs, which its profile types)
    assert {code for _, code in emitted} & set(SPLIT_FROM) >= {"A11Y008", "LANG010", "STD007"}


# -- the CLI's rule documentation ----------------------------------------------------------


def test_every_variant_is_listed_and_documented_by_the_cli(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["rules"]) == 0
    listed = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert main(["rules", "--format", "json"]) == 0
    as_json = {r["code"]: r for r in json.loads(capsys.readouterr().out)}
    for code, parent in SPLIT_FROM.items():
        rule = get_rule(code)
        assert f"{rule.name} " in listed[code] and rule.severity.value in listed[code]
        assert as_json[code]["variant_of"] == parent and code in as_json[parent]["variants"]
        assert main(["rule", code.lower()]) == 0
        out = capsys.readouterr().out
        assert out.startswith(f"{code} {rule.name}\n")
        assert f"Default severity: {rule.severity.value}" in out
        assert f"Variant of {parent}" in out and "\nWhy it matters\n    " in out
    assert main(["rule", "STD003"]) == 0
    assert "Variants: STD007" in capsys.readouterr().out
