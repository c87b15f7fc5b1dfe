"""Formatters write a run's results as they come: text for people, JSON documents and
JSON Lines for programs.  Each implements :class:`~oer_meta.report.formatters.base.Formatter`."""
