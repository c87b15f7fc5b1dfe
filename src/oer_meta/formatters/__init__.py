"""Renderers of a :class:`~oer_meta.report.Report`: one module per output format."""

FORMATS = ("text", "json")
