"""One self-contained HTML page for a whole harvest: charts, distributions and the
records with their findings, filterable.

The page is streamed, so memory stays flat whatever the harvest's size and a run cut
short still leaves a whole page.  :meth:`HtmlFormatter.start` writes the head (styles
inline), the navigation and the filter form; each record with findings is written as
it comes, as one ``<tbody>`` of the records table (the record's heading row, then a row
per finding); the batch rules' findings go to a second table; :meth:`HtmlFormatter.finish`
closes the tables and writes the summary (totals, charts as inline SVG each with a
table of the same numbers, the worst records) and the filter script.  The summary comes
last in the document but first on screen (a flex column with ``order``); the navigation
at the top links to it, so a screen-reader or keyboard user reaches it at once.

Bounds: at most :data:`MAX_RECORDS` records are listed (each with at most
:data:`MAX_FINDINGS` findings) and :data:`MAX_BATCH` batch findings; the page says how
many were left out, and every count and chart covers the whole run.  Counters are
bounded by the rules, the licence vocabulary and :data:`MAX_KEYS` language tags.

Every value from a record or a file name is escaped (:func:`esc`), control characters
shown as escapes; the page loads nothing from the network.
"""

from __future__ import annotations

import heapq
import html
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TextIO

from oer_meta._version import __version__
from oer_meta.areas import ActionArea
from oer_meta.i18n import N_, language, translate
from oer_meta.knowledge.languages import canonical_languages
from oer_meta.knowledge.licences.record import effective_licence
from oer_meta.model import Record
from oer_meta.report.formatters.base import RunInfo
from oer_meta.report.formatters.text import printable
from oer_meta.report.results import BatchFinding, Finding, RecordResult, Tally
from oer_meta.severity import Severity

#: How many records with findings the page lists (in input order); the rest are counted.
MAX_RECORDS = 2000
#: How many findings of one record the page lists.
MAX_FINDINGS = 100
#: How many batch-rule findings the page lists.
MAX_BATCH = 2000
#: How many records the "most errors" table lists.
WORST = 10
#: Distinct language tags (or licences) counted by name; beyond, counted as "other".
MAX_KEYS = 500
#: Bars drawn in one chart; the table beside it has every row.
MAX_BARS = 15
#: Longest text kept from a record value (title, message, file name).
MAX_TEXT = 1000

#: The page's fixed words (English msgids, rendered in the run's language through the
#: gettext catalogue: docs/i18n.md).
LABELS: dict[str, str] = {
    "page_title": N_("oer-meta report"),
    "colon": N_(": "),
    "nav": N_("Sections"),
    "summary": N_("Summary"),
    "records": N_("Records and their findings"),
    "batch": N_("Findings across records"),
    "verdict_ok": N_("passed"),
    "verdict_failed": N_("failed"),
    "interrupted": N_("Interrupted: this page covers the records checked so far."),
    "internal": N_("internal errors: bugs in oer-meta, not in the records; please report them."),
    "profile": N_("Profile"),
    "fail_on": N_("Failing on"),
    "totals": N_("Totals"),
    "count": N_("Count"),
    "what": N_("What"),
    "records_n": N_("Records"),
    "checked": N_("Checked"),
    "deleted": N_("Deleted"),
    "unreadable": N_("Unreadable"),
    "errors": N_("Errors"),
    "warnings": N_("Warnings"),
    "infos": N_("Infos"),
    "internal_errors": N_("Internal errors"),
    "limits_reached": N_("Limits reached"),
    "by_area": N_("Findings by UNESCO action area"),
    "area": N_("Area"),
    "title": N_("Title"),
    "findings": N_("Findings"),
    "by_rule": N_("Findings by rule"),
    "code": N_("Code"),
    "name": N_("Name"),
    "severity": N_("Severity"),
    "licences": N_("Licences (the statement a re-user would go by)"),
    "licence": N_("Licence"),
    "openness": N_("Openness of the licences"),
    "openness_col": N_("Openness"),
    "languages": N_("Languages of the records"),
    "language": N_("Language"),
    "share": N_("Share"),
    "worst": N_("Records with the most errors"),
    "file": N_("File"),
    "record": N_("Record"),
    "identifier": N_("Identifier"),
    "location": N_("Location"),
    "message": N_("Message"),
    "areas": N_("Areas"),
    "hint": N_("Fix"),
    "no_findings": N_("No findings."),
    "no_records": N_("No record has findings."),
    "none_worst": N_("No record has errors or warnings."),
    "left_out": N_(
        "{n} more records with findings are not listed (the first {max} are); "
        "the counts and charts cover them all."
    ),
    "left_out_findings": N_("{n} more findings of this record are not listed."),
    "left_out_batch": N_("{n} more findings across records are not listed."),
    "filter": N_("Filter the findings"),
    "filter_rule": N_("Rule"),
    "filter_severity": N_("Severity"),
    "filter_area": N_("Area"),
    "filter_text": N_("Text"),
    "any": N_("any"),
    "shown": N_("findings shown"),
    "chart": N_("Bar chart"),
    "no_licence": N_("no licence stated"),
    "unrecognised": N_("unrecognised statement"),
    "no_language": N_("no language stated"),
    "other": N_("other"),
    "status": N_("status"),
    "public-domain": N_("public domain"),
    "open": N_("open"),
    "open-noncommercial": N_("open, non-commercial only"),
    "not-open": N_("not open"),
    "unknown": N_("openness unknown"),
    "none": N_("no licence stated"),
    "of_records": N_("of the {n} records read (deleted and unreadable ones left out)"),
    "quoted": N_("“{title}”"),
    "generated": N_("Generated by oer-meta {version}."),
    "error": N_("error"),
    "warning": N_("warning"),
    "info": N_("info"),
}

_OPENNESS = ("public-domain", "open", "open-noncommercial", "not-open", "unknown", "none")
#: Bar colours (each at least 4.5:1 against the white page): green for what may be
#: re-used freely, amber for non-commercial only, red for not open, greys for unknown.
_OPENNESS_COLOURS = {
    "public-domain": "#00695c",
    "open": "#2b7530",
    "open-noncommercial": "#8a5a00",
    "not-open": "#a4001d",
    "unknown": "#5f6368",
    "none": "#3c4043",
}
#: Bar colours of the rules chart, as the severities' text colours.
_SEVERITY_COLOURS = {
    Severity.ERROR: "#a4001d",
    Severity.WARNING: "#8a5a00",
    Severity.INFO: "#0b5394",
}
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)

_CSS = """
:root{--fg:#1b1b1b;--muted:#4a4a4a;--line:#c8c8c8;--bg:#fff;--card:#f6f7f9;
--error:#a4001d;--warning:#7a4d00;--info:#0b5394;--bar:#245d8f}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
color:var(--fg);background:var(--bg);display:flex;flex-direction:column}
header,main>section,footer,nav{padding:0 24px}
header{order:-3;border-bottom:1px solid var(--line)}
nav{order:-2;font-size:14px}
nav ul{display:flex;gap:16px;list-style:none;padding:0;margin:8px 0}
main{display:flex;flex-direction:column}
#summary{order:-1}
h1{font-size:24px;margin:16px 0 4px}
h2{font-size:20px;margin:24px 0 8px;border-bottom:2px solid var(--line)}
h3{font-size:16px;margin:0 0 8px}
a{color:#0b4f8a}
.meta{color:var(--muted);margin:0 0 12px}
.verdict{display:inline-block;padding:2px 10px;border-radius:4px;color:#fff;font-weight:600}
.verdict.ok{background:#1d6b2f}.verdict.failed{background:var(--error)}
.banner{border:2px solid var(--warning);background:#fff4de;padding:8px 12px;margin:8px 0}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:16px}
.card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:12px 16px}
.pair{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start}
.pair svg{flex:1 1 320px;max-width:560px;height:auto}
.pair .numbers{flex:0 1 auto;max-height:320px;overflow:auto}
table{border-collapse:collapse;font-size:13px}
th,td{border:1px solid var(--line);padding:3px 6px;text-align:left;vertical-align:top}
thead th{background:#e9ecf0}
#records thead th,#batch thead th{position:sticky;top:0;z-index:1}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.totals{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 16px;padding:0;list-style:none}
.totals li{background:var(--card);border:1px solid var(--line);border-radius:6px;
padding:6px 12px;min-width:110px}
.totals b{display:block;font-size:20px}
.sev-error{color:var(--error);font-weight:600}
.sev-warning{color:var(--warning);font-weight:600}
.sev-info{color:var(--info)}
#records table,#batch table{width:100%}
tr.rec th{background:#e3e9f1;font-weight:normal}
tr.rec th b{font-weight:600}
.hint{color:var(--muted);display:block}
code{font-size:12px;word-break:break-all}
form.filter{display:flex;flex-wrap:wrap;gap:12px;align-items:end;margin:8px 0 12px}
form.filter label{display:flex;flex-direction:column;font-size:13px}
form.filter select{max-width:340px}
.legend{display:flex;flex-wrap:wrap;gap:14px;list-style:none;padding:0;margin:0 0 8px;
font-size:13px}
.swatch{display:inline-block;width:12px;height:12px;margin-right:5px;vertical-align:-1px}
svg text{font:12px system-ui,sans-serif;fill:#1b1b1b}
.note{color:var(--muted);font-size:13px}
footer{order:9;color:var(--muted);font-size:13px;padding:16px 24px}
"""

_SCRIPT = """
(function(){
var f=document.getElementById('filter');if(!f)return;f.hidden=false;
var rule=document.getElementById('f-rule'),sev=document.getElementById('f-sev'),
area=document.getElementById('f-area'),text=document.getElementById('f-text'),
count=document.getElementById('f-count');
if(rule.options.length<2){var seen={};
document.querySelectorAll('tr.f').forEach(function(row){seen[row.dataset.rule]=1;});
Object.keys(seen).sort().forEach(function(code){rule.add(new Option(code,code));});}
function apply(){
var r=rule.value,s=sev.value,a=area.value,t=text.value.toLowerCase(),shown=0;
document.querySelectorAll('tbody.findings').forEach(function(body){
var rows=body.querySelectorAll('tr.f');if(!rows.length)return;
var head=body.querySelector('tr.rec'),headText=head?head.textContent.toLowerCase():'',any=false;
rows.forEach(function(row){
var ok=(!r||row.dataset.rule===r)&&(!s||row.dataset.sev===s)&&
(!a||(' '+row.dataset.areas+' ').indexOf(' '+a+' ')>=0)&&
(!t||row.textContent.toLowerCase().indexOf(t)>=0||headText.indexOf(t)>=0);
row.hidden=!ok;if(ok){any=true;shown++;}});
body.hidden=!any;});
count.textContent=shown;}
f.addEventListener('input',apply);f.addEventListener('change',apply);
f.addEventListener('submit',function(e){e.preventDefault();apply();});apply();
})();
"""


def label(key: str, lang: str = "en", /, **values: object) -> str:
    """The page's fixed word ``key`` in ``lang`` (not escaped), its fields filled in."""
    text = translate(LABELS[key], language(lang))
    return text.format(**values) if values else text


def esc(text: object, limit: int = MAX_TEXT) -> str:
    """``text`` safe as HTML text or attribute value: cut at ``limit`` characters,
    control characters and lone surrogates shown as escapes, markup characters and
    quotes escaped."""
    value = str(text)
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    value = printable(value)
    value = _SURROGATE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), value)
    return html.escape(value, quote=True)


def _bar_chart(
    ident: str,
    title: str,
    items: list[tuple[str, int]],
    colours: str | Sequence[str],
    *,
    above: bool = False,
) -> str:
    """A horizontal bar chart as inline SVG, labelled for assistive technology; the
    caller puts a table with the same numbers beside it.  ``colours``: one for every
    bar, or one per bar; ``above``: each label on its own line over its bar (for long
    labels such as the action areas' titles), else left of it, cut to fit."""
    shown = items[:MAX_BARS]
    palette = [colours] if isinstance(colours, str) else list(colours)
    label_w, bar_w, pad = (0, 470, 6) if above else (230, 280, 6)
    row_h = 38 if above else 22
    width = label_w + bar_w + 70
    height = max(1, len(shown)) * row_h + 2 * pad
    top = max((n for _, n in shown), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{ident}-t" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">',
        f'<title id="{ident}-t">{esc(title)}</title>',
    ]
    for i, (label, n) in enumerate(shown):
        y = pad + i * row_h
        length = 0 if n == 0 else max(2, round(bar_w * n / top))
        limit = 80 if above else 32
        short = label if len(label) <= limit else label[: limit - 1] + "…"
        if above:
            parts.append(f'<text x="0" y="{y + 12}">{esc(short)}</text>')
            y += 16
        else:
            parts.append(
                f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{esc(short)}</text>'
            )
        parts.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{length}" height="16" '
            f'fill="{palette[i % len(palette)]}"><title>{esc(label)}: {n}</title></rect>'
            f'<text x="{label_w + length + 6}" y="{y + 15}">{n}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _table(ident: str, headers: list[str], rows: Iterable[list[str]], numeric: set[int]) -> str:
    """A table of already escaped cells; columns in ``numeric`` right-aligned."""
    head = "".join(
        f'<th scope="col"{" class=n" if i in numeric else ""}>{h}</th>'
        for i, h in enumerate(headers)
    )
    body = []
    for row in rows:
        cells = "".join(
            f"<td{' class=n' if i in numeric else ''}>{c}</td>" for i, c in enumerate(row)
        )
        body.append(f"<tr>{cells}</tr>")
    return (
        f'<table id="{ident}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    )


def _percent(n: int, total: int) -> str:
    return f"{100 * n / total:.1f} %" if total else "–"


class HtmlFormatter:
    """The page, streamed: head and form first, records as they come, summary last."""

    def __init__(self, stream: TextIO) -> None:
        self._out = stream
        self._rules: Counter[tuple[str, Severity]] = Counter()
        self._names: dict[str, str] = {}
        self._licences: Counter[str] = Counter()
        self._licence_openness: dict[str, str] = {}  # bounded as _licences is
        self._openness: Counter[str] = Counter()
        self._languages: Counter[str] = Counter()
        self._with_record = 0
        self._listed = 0
        self._left_out = 0
        self._batch_listed = 0
        self._batch_left_out = 0
        self._in_batch = False
        self._seen = 0
        self._worst: list[tuple[int, int, int, str, int, str]] = []

    # -- helpers ---------------------------------------------------------------------

    def _label(self, key: str, **values: object) -> str:
        """The fixed label ``key`` in the run's language (not escaped)."""
        return label(key, self._info.lang, **values)

    def _t(self, key: str, **values: object) -> str:
        """The fixed label ``key`` in the run's language, escaped."""
        return esc(self._label(key, **values))

    def _sev(self, severity: Severity) -> str:
        return f'<span class="sev-{severity.value}">{self._t(severity.value)}</span>'

    def _finding_row(self, finding: Finding, record: str = "") -> str:
        """One finding's row; ``record`` (escaped HTML) names its record in the message
        cell, for the batch table, so the text filter finds it."""
        loc = finding.location
        where = []
        if loc.line is not None:
            where.append(f"{loc.line}" + (f":{loc.column}" if loc.column is not None else ""))
        if loc.path:
            where.append(f"<code>{esc(loc.path)}</code>")
        hint = (
            f'<span class="hint">{self._t("hint")}{self._t("colon")}{esc(finding.hint)}</span>'
            if finding.hint
            else ""
        )
        areas = " ".join(str(int(a)) for a in finding.areas)
        return (
            f'<tr class="f" data-rule="{esc(finding.rule)}" data-sev="{finding.severity.value}" '
            f'data-areas="{areas}"><td>{self._sev(finding.severity)}</td>'
            f"<td><b>{esc(finding.rule)}</b> {esc(finding.name)}</td><td>{areas}</td>"
            f"<td>{' '.join(where)}</td><td>{esc(finding.message)}{hint}{record}</td></tr>"
        )

    def _count(self, finding: Finding) -> None:
        self._rules[(finding.rule, finding.severity)] += 1
        self._names.setdefault(finding.rule, finding.name)

    def _bounded(self, counter: Counter[str], key: str) -> None:
        if key in counter or len(counter) < MAX_KEYS:
            counter[key] += 1
        else:
            counter[self._label("other")] += 1

    def _describe(self, record: Record) -> tuple[str, str, list[str]]:
        """The record's licence (label), its openness key and its language tags."""
        chosen = effective_licence(record)
        if chosen is None:
            licence, openness = self._label("no_licence"), "none"
        else:
            lic = chosen[1]
            name = lic.short_name or lic.spdx or lic.title or lic.family
            licence = name if name and lic.recognised else self._label("unrecognised")
            openness = lic.openness
        raw = [t.value.strip() for t in record.languages if t.value.strip()]
        return licence, openness, canonical_languages(raw)

    # -- the protocol ----------------------------------------------------------------

    def start(self, info: RunInfo) -> None:
        self._info = info
        lang = "fr" if info.lang.lower().startswith("fr") else "en"
        rules = sorted({rule.code: rule for rule, _ in info.rules}.values(), key=lambda r: r.code)
        rule_options = "".join(
            f'<option value="{esc(r.code)}">{esc(r.code)} {esc(r.name)}</option>' for r in rules
        )
        sev_options = "".join(
            f'<option value="{s.value}">{self._t(s.value)}</option>' for s in _SEVERITIES
        )
        area_options = "".join(
            f'<option value="{int(a)}">{int(a)}. {esc(a.title(lang))}</option>' for a in ActionArea
        )
        t = self._t
        self._out.write(
            f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="oer-meta {esc(__version__)}">\n'
            f"<title>{t('page_title')}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
            f"<header><h1>{t('page_title')}</h1>"
            f'<p class="meta">{t("profile")}{t("colon")}<b>{esc(info.profile)}</b> · '
            f"{t('fail_on')}{t('colon')}"
            f"<b>{self._t(info.fail_on.value)}</b></p></header>\n"
            f'<nav aria-label="{t("nav")}"><ul><li><a href="#summary">{t("summary")}</a></li>'
            f'<li><a href="#records">{t("records")}</a></li>'
            f'<li><a href="#batch">{t("batch")}</a></li></ul></nav>\n<main>\n'
            f'<section id="records" aria-labelledby="records-h"><h2 id="records-h">'
            f"{t('records')}</h2>\n"
            f'<form id="filter" class="filter" hidden role="search" aria-label="{t("filter")}">'
            f'<label>{t("filter_rule")}<select id="f-rule"><option value="">{t("any")}</option>'
            f"{rule_options}</select></label>"
            f'<label>{t("filter_severity")}<select id="f-sev"><option value="">{t("any")}'
            f"</option>{sev_options}</select></label>"
            f'<label>{t("filter_area")}<select id="f-area"><option value="">{t("any")}'
            f"</option>{area_options}</select></label>"
            f'<label>{t("filter_text")}<input id="f-text" type="search"></label>'
            f'<output id="f-count" aria-live="polite"></output> {t("shown")}</form>\n'
            f'<table id="records-table"><thead><tr><th scope="col">{t("severity")}</th>'
            f'<th scope="col">{t("code")}</th><th scope="col">{t("areas")}</th>'
            f'<th scope="col">{t("location")}</th><th scope="col">{t("message")}</th>'
            "</tr></thead>\n"
        )

    def result(self, result: RecordResult) -> None:
        self._seen += 1
        for finding in result.findings:
            self._count(finding)
        licence = openness = ""
        languages: list[str] = []
        if result.record is not None and result.status != "deleted":
            self._with_record += 1
            licence, openness, languages = self._describe(result.record)
            self._bounded(self._licences, licence)
            if licence in self._licences:
                self._licence_openness.setdefault(licence, openness)
            self._openness[openness] += 1
            for tag in languages or [self._label("no_language")]:
                self._bounded(self._languages, tag)
        errors = result.count(Severity.ERROR)
        warnings = result.count(Severity.WARNING)
        source = result.source or "<input>"
        if errors or warnings:
            item = (errors, warnings, -self._seen, source, result.index, result.record_id or "")
            if len(self._worst) < WORST:
                heapq.heappush(self._worst, item)
            elif item > self._worst[0]:
                heapq.heapreplace(self._worst, item)
        if not result.findings:
            return
        if self._listed >= MAX_RECORDS:
            self._left_out += 1
            return
        self._listed += 1
        self._write_record(result, licence, openness, languages)

    def _write_record(
        self, result: RecordResult, licence: str, openness: str, languages: list[str]
    ) -> None:
        t = self._t
        bits = [f"<b>{esc(result.source or '<input>')}</b>", f"{t('record')} {result.index}"]
        if result.record_id:
            bits.append(f"<code>{esc(result.record_id)}</code>")
        if result.record is not None and result.record.title:
            bits.append(esc(self._label("quoted", title=result.record.title[:300])))
        if result.status != "checked":
            bits.append(f"{t('status')}{t('colon')}{esc(result.status)}")
        if licence:
            bits.append(f"{t('licence')}{t('colon')}{esc(licence)} ({t(openness)})")
        if languages:
            bits.append(f"{t('language')}{t('colon')}{esc(', '.join(languages), 200)}")
        rows = [
            f'<tbody class="findings"><tr class="rec"><th colspan="5" scope="rowgroup">'
            f"{' · '.join(bits)}</th></tr>"
        ]
        rows += [self._finding_row(f) for f in result.findings[:MAX_FINDINGS]]
        extra = len(result.findings) - MAX_FINDINGS
        if extra > 0:
            rows.append(
                f'<tr><td colspan="5" class="note">{t("left_out_findings", n=extra)}</td></tr>'
            )
        rows.append("</tbody>\n")
        self._out.write("".join(rows))

    def _end_records(self) -> None:
        t = self._t
        if not self._listed:
            self._out.write(f'<tbody><tr><td colspan="5">{t("no_records")}</td></tr></tbody>')
        self._out.write("</table>\n")
        if self._left_out:
            self._out.write(
                f'<p class="note">{t("left_out", n=self._left_out, max=MAX_RECORDS)}</p>\n'
            )
        self._out.write(
            f'</section>\n<section id="batch" aria-labelledby="batch-h">'
            f'<h2 id="batch-h">{t("batch")}</h2>\n'
            f'<table id="batch-table"><thead><tr><th scope="col">{t("severity")}</th>'
            f'<th scope="col">{t("code")}</th><th scope="col">{t("areas")}</th>'
            f'<th scope="col">{t("location")}</th><th scope="col">{t("message")}</th>'
            '</tr></thead>\n<tbody class="findings">'
        )
        self._in_batch = True

    def batch(self, found: list[BatchFinding]) -> None:
        if not self._in_batch:
            self._end_records()
        for item in found:
            if item.finding is None:
                continue
            self._count(item.finding)
            if self._batch_listed >= MAX_BATCH:
                self._batch_left_out += 1
                continue
            self._batch_listed += 1
            where = f"<b>{esc(item.source or '<input>')}</b> {self._t('record')} {item.index}"
            if item.record_id:
                where += f" <code>{esc(item.record_id)}</code>"
            self._out.write(self._finding_row(item.finding, f'<span class="hint">{where}</span>'))

    def finish(self, tally: Tally, *, interrupted: bool = False) -> None:
        t = self._t
        if not self._in_batch:
            self._end_records()
        if not self._batch_listed:
            self._out.write(f'<tr><td colspan="5">{t("no_findings")}</td></tr>')
        self._out.write("</tbody></table>\n")
        if self._batch_left_out:
            self._out.write(f'<p class="note">{t("left_out_batch", n=self._batch_left_out)}</p>\n')
        self._out.write("</section>\n")
        self._out.write(self._summary(tally, interrupted))
        self._out.write(
            f"</main>\n<footer>{t('generated', version=__version__)}</footer>\n"
            f"<script>{_SCRIPT}</script>\n</body>\n</html>\n"
        )
        self._out.flush()

    # -- the summary -----------------------------------------------------------------

    def _summary(self, tally: Tally, interrupted: bool) -> str:
        t = self._t
        s = tally.to_dict()
        verdict = "ok" if tally.ok else "failed"
        parts = [
            f'<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">'
            f'{t("summary")} <span class="verdict {verdict}">{t("verdict_" + verdict)}</span></h2>'
        ]
        if interrupted:
            parts.append(f'<p class="banner" role="status">{t("interrupted")}</p>')
        if tally.internal_errors:
            parts.append(f'<p class="banner"><b>{tally.internal_errors}</b> {t("internal")}</p>')
        keys = ["records", "checked", "deleted", "unreadable", "errors", "warnings", "infos"]
        labels = {"records": "records_n"}
        parts.append(f'<h3 id="totals-h">{t("totals")}</h3><ul class="totals" id="totals">')
        for key in [*keys, "internal_errors", "limits_reached"]:
            parts.append(f'<li data-key="{key}">{t(labels.get(key, key))}<b>{s[key]}</b></li>')
        parts.append("</ul>")
        parts.append('<div class="grid">')
        parts.append(self._areas_card(tally))
        parts.append(self._openness_card())
        parts.append(self._rules_card())
        parts.append(self._licences_card())
        parts.append(self._languages_card())
        parts.append(self._worst_card())
        parts.append("</div></section>\n")
        return "".join(parts)

    def _card(
        self,
        ident: str,
        title: str,
        chart: str,
        table: str,
        wide: bool = False,
        legend: str = "",
        note: str = "",
    ) -> str:
        style = ' style="grid-column:1/-1"' if wide else ""
        return (
            f'<div class="card"{style}><h3 id="{ident}-h">{title}</h3>{legend}'
            f'<div class="pair">{chart}<div class="numbers" role="region" tabindex="0" '
            f'aria-labelledby="{ident}-h">{table}</div></div>{note}</div>'
        )

    def _legend(self, keys: Iterable[str], colours: dict[str, str]) -> str:
        """What the bar colours mean (the table beside says it in words too)."""
        items = "".join(
            f'<li><span class="swatch" style="background:{colours[k]}"></span>{self._t(k)}</li>'
            for k in keys
        )
        return f'<ul class="legend" aria-hidden="true">{items}</ul>'

    def _areas_card(self, tally: Tally) -> str:
        lang = self._info.lang
        items = [(f"{int(a)}. {a.title(lang)}", tally.areas[a]) for a in ActionArea]
        chart = _bar_chart("chart-areas", self._label("by_area"), items, "#245d8f", above=True)
        rows = [[str(int(a)), esc(a.title(lang)), str(tally.areas[a])] for a in ActionArea]
        table = _table(
            "areas-table", [self._t("area"), self._t("title"), self._t("findings")], rows, {0, 2}
        )
        return self._card("areas", self._t("by_area"), chart, table)

    def _rules_card(self) -> str:
        order = sorted(self._rules.items(), key=lambda kv: (-kv[0][1].rank, -kv[1], kv[0][0]))
        if not order:
            return self._card("rules", self._t("by_rule"), "", f"<p>{self._t('no_findings')}</p>")
        by_count = sorted(order, key=lambda kv: (-kv[1], kv[0][0]))
        items = [(f"{code} {self._names[code]}", n) for (code, _), n in by_count]
        colours = [_SEVERITY_COLOURS[sev] for (_, sev), _ in by_count]
        chart = _bar_chart("chart-rules", self._label("by_rule"), items, colours)
        rows = [
            [f"<b>{esc(code)}</b>", esc(self._names[code]), self._sev(sev), str(n)]
            for (code, sev), n in order
        ]
        shown = {sev for (_, sev), _ in by_count[:MAX_BARS]}
        legend = self._legend(
            [s.value for s in _SEVERITIES if s in shown],
            {s.value: c for s, c in _SEVERITY_COLOURS.items()},
        )
        headers = [self._t("code"), self._t("name"), self._t("severity"), self._t("findings")]
        table = _table("rules-table", headers, rows, {3})
        return self._card("rules", self._t("by_rule"), chart, table, True, legend)

    def _distribution(
        self,
        ident: str,
        title_key: str,
        label_key: str,
        items: list[tuple[str, int]],
        colours: str | Sequence[str],
        *,
        openness: list[str] | None = None,
    ) -> str:
        """A card for a distribution over the records read (labels not escaped);
        ``openness``: each item's openness key, shown in a column and a legend."""
        total = self._with_record
        chart = _bar_chart(f"chart-{ident}", self._label(title_key), items, colours)
        rows = [[esc(k), str(n), _percent(n, total)] for k, n in items]
        headers = [self._t(label_key), self._t("records_n"), self._t("share")]
        legend = ""
        if openness is not None:
            headers.append(self._t("openness_col"))
            for row, key in zip(rows, openness, strict=True):
                row.append(self._t(key))
            shown = set(openness[:MAX_BARS])
            legend = self._legend([k for k in _OPENNESS if k in shown], _OPENNESS_COLOURS)
        note = f'<p class="note">{self._t("of_records", n=total)}</p>'
        table = _table(f"{ident}-table", headers, rows, {1, 2})
        return self._card(ident, self._t(title_key), chart, table, legend=legend, note=note)

    def _licences_card(self) -> str:
        items = self._licences.most_common()
        keys = [self._licence_openness.get(k, "unknown") for k, _ in items]
        colours = [_OPENNESS_COLOURS[k] for k in keys]
        return self._distribution("licences", "licences", "licence", items, colours, openness=keys)

    def _languages_card(self) -> str:
        items = self._languages.most_common()
        return self._distribution("languages", "languages", "language", items, "#8f4a24")

    def _openness_card(self) -> str:
        """Openness in its own order, most open first, each coloured by what it allows."""
        keys = [k for k in _OPENNESS if self._openness[k]]
        items = [(self._label(k), self._openness[k]) for k in keys]
        colours = [_OPENNESS_COLOURS[k] for k in keys]
        return self._distribution("openness", "openness", "openness", items, colours)

    def _worst_card(self) -> str:
        t = self._t
        if not self._worst:
            return self._card("worst", t("worst"), "", f"<p>{t('none_worst')}</p>")
        rows = [
            [esc(source), str(index), f"<code>{esc(record_id)}</code>", str(errors), str(warnings)]
            for errors, warnings, _, source, index, record_id in sorted(self._worst, reverse=True)
        ]
        headers = [t("file"), t("record"), t("identifier"), t("errors"), t("warnings")]
        return self._card(
            "worst", t("worst"), "", _table("worst-table", headers, rows, {1, 3, 4}), True
        )
