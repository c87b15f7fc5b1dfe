"""Rule packs (the `checks`): declared once with their documentation, collected in a registry."""

from oer_meta.checks.registry import Rule, Violation, all_rules, get_rule, rule

__all__ = ["Rule", "Violation", "all_rules", "get_rule", "rule"]
