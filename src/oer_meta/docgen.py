"""Documentation generated from the rule registry (never written twice).

``docs/rules.md`` is this module's output; a test fails when the file is stale.
Regenerate it with ``oer-meta rules --format markdown > docs/rules.md``.
"""

from __future__ import annotations

from oer_meta.areas import ActionArea
from oer_meta.checks.registry import Rule, all_rules


def relation(rule: Rule) -> str | None:
    """How a rule and its variants relate, in one sentence; None for a rule that has
    no variant and is none."""
    if rule.emitted_by is not None:
        return (
            f"Variant of {rule.emitted_by}: selecting or ignoring {rule.emitted_by} covers "
            f"it too, but a severity set for {rule.emitted_by} does not change it."
        )
    if rule.variants:
        return f"Variants: {', '.join(rule.variants)} (occurrences with a severity of their own)."
    return None


def fixable_line(rule: Rule) -> str | None:
    """``Fixable: yes (oer-meta fix writes ...)`` for a rule ``oer-meta fix`` can fix;
    None for the others."""
    if rule.fixable is None:
        return None
    return f"Fixable: yes (oer-meta fix {rule.fixable})"


def rule_text(rule: Rule) -> str:
    """One rule's documentation as plain text, for ``oer-meta rule CODE``."""
    areas = "; ".join(f"{int(a)} {a.title_en}" for a in rule.areas)
    related = relation(rule)
    fixable = fixable_line(rule)
    lines = [
        f"{rule.code} {rule.name}",
        "",
        rule.summary,
        "",
        f"Default severity: {rule.severity.value}",
        f"Action areas: {areas}",
        f"Recommendation paragraphs: {', '.join(rule.paragraphs)}",
        *([related] if related else []),
        *([fixable] if fixable else []),
        "",
        rule.doc,
    ]
    return "\n".join(lines).rstrip() + "\n"


def _linked(codes: tuple[str, ...] | list[str]) -> str:
    return ", ".join(f"[{code}](#{code.lower()})" for code in codes)


def rules_markdown() -> str:
    """The rule catalogue as Markdown."""
    rules = all_rules()
    out = [
        "# Rule catalogue",
        "",
        "<!-- Generated from the rule registry by `oer-meta rules --format markdown`. "
        "Do not edit by hand. -->",
        "",
        "Every rule has a stable code, a kebab-case name, a default severity (a profile",
        "may change it) and the UNESCO action area(s) it relates to. One severity per code:",
        "where some occurrences of a rule matter less than the others, they have a code of",
        "their own, a *variant* of the rule (docs/decisions.md).",
        "",
    ]
    out += [
        f"- **{int(a)}** {a.title_en} / *{a.title_fr}* (para. {a.paragraph})" for a in ActionArea
    ]
    out += ["", "| code | name | severity | areas | summary |", "|---|---|---|---|---|"]
    for rule in rules:
        areas = ", ".join(str(int(a)) for a in rule.areas)
        out.append(
            f"| [{rule.code}](#{rule.code.lower()}) | `{rule.name}` | {rule.severity.value} "
            f"| {areas} | {rule.summary} |"
        )
    for rule in rules:
        out += [
            "",
            f"## {rule.code}",
            "",
            f"**`{rule.name}`**: {rule.summary}",
            "",
            f"- Default severity: {rule.severity.value}",
            "- Action areas: " + "; ".join(f"{int(a)} ({a.title_en})" for a in rule.areas),
            f"- Recommendation paragraphs: {', '.join(rule.paragraphs)}",
        ]
        if rule.emitted_by is not None:
            out.append(
                f"- Variant of {_linked([rule.emitted_by])}: selecting or ignoring "
                f"{rule.emitted_by} covers it too; a severity set for {rule.emitted_by} "
                "does not change it"
            )
        elif rule.variants:
            out.append(f"- Variants: {_linked(rule.variants)}")
        if rule.fixable is not None:
            out.append(f"- Fixable: yes (`oer-meta fix` {rule.fixable})")
        out.append("")
        for title, body in rule.sections().items():
            out += [f"### {title}", "", body, ""]
        while out and out[-1] == "":
            out.pop()
    return "\n".join(out) + "\n"
