"""Documentation generated from the rule registry (never written twice).

``docs/rules.md`` is this module's output; a test fails when the file is stale.
Regenerate it with ``oer-meta rules --format markdown > docs/rules.md``.
"""

from __future__ import annotations

from oer_meta.areas import ActionArea
from oer_meta.checks.registry import Rule, all_rules


def rule_text(rule: Rule) -> str:
    """One rule's documentation as plain text, for ``oer-meta rule CODE``."""
    areas = "; ".join(f"{int(a)} {a.title_en}" for a in rule.areas)
    lines = [
        f"{rule.code} {rule.name}",
        "",
        rule.summary,
        "",
        f"Default severity: {rule.severity.value}",
        f"Action areas: {areas}",
        f"Recommendation paragraphs: {', '.join(rule.paragraphs)}",
        "",
        rule.doc,
    ]
    return "\n".join(lines).rstrip() + "\n"


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
        "may change it) and the UNESCO action area(s) it relates to:",
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
            "",
        ]
        for title, body in rule.sections().items():
            out += [f"### {title}", "", body, ""]
        while out and out[-1] == "":
            out.pop()
    return "\n".join(out) + "\n"
