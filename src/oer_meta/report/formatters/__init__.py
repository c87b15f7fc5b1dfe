"""Formatters write a run's results as they come: text for people, JSON documents and
JSON Lines for programs, JUnit XML, GitHub workflow commands and GitLab Code Quality
for CI, a Markdown summary for a pull-request comment, one self-contained HTML page
for people.  Each implements :class:`~oer_meta.report.formatters.base.Formatter`;
:func:`make_formatter` picks one by name."""

from __future__ import annotations

from typing import TextIO

from oer_meta.report.formatters.base import Formatter, RunInfo
from oer_meta.report.formatters.github import GitHubFormatter
from oer_meta.report.formatters.gitlab import GitLabFormatter
from oer_meta.report.formatters.html import HtmlFormatter
from oer_meta.report.formatters.json_report import JsonFormatter, JsonLinesFormatter
from oer_meta.report.formatters.junit import JUnitFormatter
from oer_meta.report.formatters.markdown import MarkdownFormatter
from oer_meta.report.formatters.sarif import SarifFormatter
from oer_meta.report.formatters.text import TextFormatter

__all__ = ["Formatter", "RunInfo", "make_formatter"]


def make_formatter(name: str, stream: TextIO) -> Formatter:
    """The formatter called ``name`` (``text``, ``json``, ``jsonl``, ``sarif``, ``junit``,
    ``github``, ``gitlab``, ``markdown``, ``html``), writing to ``stream``."""
    if name == "json":
        return JsonFormatter(stream)
    if name == "sarif":
        return SarifFormatter(stream)
    if name == "jsonl":
        return JsonLinesFormatter(stream)
    if name == "junit":
        return JUnitFormatter(stream)
    if name == "github":
        return GitHubFormatter(stream)
    if name == "gitlab":
        return GitLabFormatter(stream)
    if name == "markdown":
        return MarkdownFormatter(stream)
    if name == "html":
        return HtmlFormatter(stream)
    return TextFormatter(stream)
