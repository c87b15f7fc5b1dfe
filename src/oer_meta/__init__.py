"""oer_meta: check OER metadata records against the aims of the UNESCO Recommendation
on OER (2019), and say which of its five action areas each failed rule relates to.

Public API (stable)::

    report = oer_meta.validate("lesson.xml")          # path, bytes, str, dict or Record
    for result in oer_meta.validate_many(paths): ...  # lazy
    record = oer_meta.read("lesson.xml")              # exactly one record
    records = oer_meta.read_records("oai.xml")        # iterator
    oer_meta.ActionArea(3).title_fr
    oer_meta.rules()                                  # the rule registry
    oer_meta.parse_licence("CC BY-SA 4.0").openness   # 'open'
    oer_meta.attribution(record, lang="fr")           # the credit line to copy
    oer_meta.convert("lesson.xml", to="oai_dc").text  # crosswalk; .dropped: what was lost
    run = oer_meta.ValidationRun("unesco")            # streaming, with batch rules
    oer_meta.validate(path, limits=oer_meta.ReadLimits(max_values_per_field=500))
    @oer_meta.rule("ORG001", "my-check", ...)          # how plugins declare rules

Heavy modules are imported on first use, so ``import oer_meta`` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from oer_meta._version import __version__

__all__ = [
    "ActionArea",
    "BatchFinding",
    "Conversion",
    "Finding",
    "FixResult",
    "InternalError",
    "Licence",
    "Location",
    "OerMetaError",
    "Profile",
    "ReadError",
    "ReadLimits",
    "Record",
    "RecordResult",
    "Report",
    "Rule",
    "Severity",
    "ValidationRun",
    "Variant",
    "Violation",
    "__version__",
    "attribution",
    "check",
    "convert",
    "convert_records",
    "fix",
    "harvest",
    "load_profile",
    "normalize_language",
    "parse_licence",
    "read",
    "read_records",
    "rule",
    "rules",
    "validate",
    "validate_many",
]

_LAZY = {
    "ActionArea": "oer_meta.areas",
    "Finding": "oer_meta.report.results",
    "RecordResult": "oer_meta.report.results",
    "Report": "oer_meta.report.results",
    "Location": "oer_meta.model",
    "Record": "oer_meta.model",
    "OerMetaError": "oer_meta.errors",
    "ReadError": "oer_meta.errors",
    "ReadLimits": "oer_meta.readers.limits",
    "Profile": "oer_meta.profiles",
    "load_profile": "oer_meta.profiles",
    "Rule": "oer_meta.checks.registry",
    "rule": "oer_meta.checks.registry",
    "Variant": "oer_meta.checks.registry",
    "Violation": "oer_meta.checks.registry",
    "BatchFinding": "oer_meta.report.results",
    "InternalError": "oer_meta.internal",
    "ValidationRun": "oer_meta.engine",
    "Severity": "oer_meta.severity",
    "check": "oer_meta.engine",
    "validate": "oer_meta.engine",
    "validate_many": "oer_meta.engine",
    "read": "oer_meta.readers",
    "read_records": "oer_meta.readers",
    "Licence": "oer_meta.knowledge.licences",
    "parse_licence": "oer_meta.knowledge.licences",
    "attribution": "oer_meta.engine",
    "normalize_language": "oer_meta.knowledge.languages",
    "convert": "oer_meta.conversion",
    "convert_records": "oer_meta.conversion",
    "Conversion": "oer_meta.writers",
    "fix": "oer_meta.fixes",
    "FixResult": "oer_meta.fixes",
    "harvest": "oer_meta.harvesting",
}

if TYPE_CHECKING:
    from oer_meta.areas import ActionArea
    from oer_meta.checks.registry import Rule, Variant, Violation, rule
    from oer_meta.conversion import convert, convert_records
    from oer_meta.engine import ValidationRun, attribution, check, validate, validate_many
    from oer_meta.errors import OerMetaError, ReadError
    from oer_meta.fixes import FixResult, fix
    from oer_meta.harvesting import harvest
    from oer_meta.internal import InternalError
    from oer_meta.knowledge.languages import normalize_language
    from oer_meta.knowledge.licences import Licence, parse_licence
    from oer_meta.model import Location, Record
    from oer_meta.profiles import Profile, load_profile
    from oer_meta.readers import read, read_records
    from oer_meta.readers.limits import ReadLimits
    from oer_meta.report.results import BatchFinding, Finding, RecordResult, Report
    from oer_meta.severity import Severity
    from oer_meta.writers import Conversion


def rules() -> list[Rule]:
    """Every registered rule (code, name, severity, areas, paragraphs, documentation)."""
    from oer_meta.checks.registry import all_rules

    return all_rules()


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'oer_meta' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
