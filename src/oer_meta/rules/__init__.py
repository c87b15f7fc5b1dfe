"""Rules: declared once with their documentation, collected in a registry."""

from oer_meta.rules.registry import Rule, Violation, all_rules, get_rule, rule

__all__ = ["Rule", "Violation", "all_rules", "get_rule", "rule"]
