"""``--format html``: a page that parses and loads nothing from the network, counts equal
to the JSON report's, licence/openness and language distributions, hostile values kept as
text, French labels, bounded listing, Ctrl-C leaving a whole page, and (when Debian's
Chromium is installed) the page rendered with its filter script running."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import tempfile
import tracemalloc
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from oer_meta.areas import ActionArea
from oer_meta.cli import main
from oer_meta.report.formatters import RunInfo, make_formatter
from oer_meta.report.formatters import html as html_format
from oer_meta.report.formatters.html import esc
from oer_meta.report.results import Finding, RecordResult, Tally
from oer_meta.severity import Severity

from .cli_runs import harvest, interrupted
from .corpus_paths import CORPUS, CORPUS2, EXAMPLES, needs_corpus, needs_corpus2

CHROMIUM = Path("/usr/bin/chromium")
Page = Any  # an lxml.html element tree


def _run(tmp_path: Path, *args: str, name: str = "report.html") -> tuple[int, str]:
    out = tmp_path / name
    code = main(["validate", *args, "--format", "html", "--output-file", str(out)])
    return code, out.read_text(encoding="utf-8")


def _parse(text: str) -> Page:
    return lxml.html.document_fromstring(text)


def _table(page: Page, ident: str) -> list[list[str]]:
    """The body rows of the table ``ident``, as cell texts."""
    (table,) = page.xpath(f'//table[@id="{ident}"]')
    return [
        [" ".join(td.text_content().split()) for td in tr.xpath("td")]
        for tr in table.xpath("tbody/tr")
    ]


def _totals(page: Page) -> dict[str, int]:
    return {
        li.get("data-key"): int(li.xpath("b")[0].text_content())
        for li in page.xpath('//ul[@id="totals"]/li')
    }


def _finding(**kw: Any) -> Finding:
    base: dict[str, Any] = {
        "rule": "X001",
        "name": "n",
        "severity": Severity.ERROR,
        "message": "m",
        "areas": (ActionArea.POLICY,),
    }
    base.update(kw)
    return Finding(**base)


def _write(results: list[RecordResult], *, lang: str = "en", interrupted: bool = False) -> str:
    out = io.StringIO()
    fmt = make_formatter("html", out)
    fmt.start(RunInfo(profile="unesco", fail_on=Severity.ERROR, lang=lang))
    tally = Tally()
    for result in results:
        tally.add(result)
        fmt.result(result)
    fmt.finish(tally, interrupted=interrupted)
    return out.getvalue()


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> tuple[Page, str, dict[str, Any]]:
    """The page and the JSON report of ``examples/``."""
    tmp = tmp_path_factory.mktemp("html")
    code, text = _run(tmp, str(EXAMPLES))
    out = tmp / "r.json"
    assert main(["validate", str(EXAMPLES), "--format", "json", "--output-file", str(out)]) == code
    return _parse(text), text, json.loads(out.read_text(encoding="utf-8"))


def test_examples_counts_equal_the_json_report(examples: tuple[Page, str, dict[str, Any]]) -> None:
    page, _, report = examples
    summary = report["summary"]
    totals = _totals(page)
    for key in ("records", "checked", "deleted", "unreadable", "errors", "warnings", "infos"):
        assert totals[key] == summary[key], key
    assert totals["internal_errors"] == 0
    areas = _table(page, "areas-table")
    assert {r[0]: int(r[2]) for r in areas} == summary["by_area"]
    assert [r[1] for r in areas] == [a.title_en for a in ActionArea]

    findings = [f for r in report["results"] for f in r["findings"]]
    findings += [f for f in report["batch_findings"] if "rule" in f]
    expected = Counter((f["rule"], f["severity"]) for f in findings)
    got = {(r[0], r[2]): int(r[3]) for r in _table(page, "rules-table")}
    assert got == dict(expected)
    verdict = page.xpath('//section[@id="summary"]//span[contains(@class,"verdict")]')[0]
    assert verdict.text_content() == ("passed" if report["ok"] else "failed")


def test_every_finding_of_examples_is_listed_under_its_record(
    examples: tuple[Page, str, dict[str, Any]],
) -> None:
    page, _, report = examples
    bodies = page.xpath('//table[@id="records-table"]/tbody[@class="findings"]')
    with_findings = [r for r in report["results"] if r["findings"]]
    assert len(bodies) == len(with_findings)
    for body, result in zip(bodies, with_findings, strict=True):
        head = body.xpath('tr[@class="rec"]')[0].text_content()
        assert result["source"] in head and f"Record {result['index']}" in head
        rows = body.xpath('tr[@class="f"]')
        assert [r.get("data-rule") for r in rows] == [f["rule"] for f in result["findings"]]
        assert [r.get("data-sev") for r in rows] == [f["severity"] for f in result["findings"]]
        assert [r.get("data-areas") for r in rows] == [
            " ".join(str(a) for a in f["areas"]) for f in result["findings"]
        ]
    batch = page.xpath('//table[@id="batch-table"]/tbody/tr[@class="f"]')
    assert len(batch) == sum(1 for f in report["batch_findings"] if "rule" in f)


def test_distributions_match_the_records(examples: tuple[Page, str, dict[str, Any]]) -> None:
    page, _, report = examples
    read = [r for r in report["results"] if r["status"] not in ("unreadable", "deleted")]
    assert len(read) < len(report["results"])  # examples hold a deleted record
    languages = Counter(tag for r in read for tag in r["record"]["languages"])
    languages["no language stated"] = sum(1 for r in read if not r["record"]["languages"])
    got = {r[0]: int(r[1]) for r in _table(page, "languages-table")}
    assert got == {k: v for k, v in languages.items() if v}
    openness = {r[0]: int(r[1]) for r in _table(page, "openness-table")}
    licences = {r[0]: int(r[1]) for r in _table(page, "licences-table")}
    assert sum(openness.values()) == sum(licences.values()) == len(read)
    no_licence = sum(1 for r in read if not r["record"]["licences"])
    assert openness.get("no licence stated", 0) == licences.get("no licence stated", 0)
    assert openness.get("no licence stated", 0) >= no_licence
    assert licences["CC BY 4.0"] >= 1 and openness["open"] >= 1
    # the shares are of the records read
    for row in _table(page, "openness-table"):
        assert row[2] == f"{100 * int(row[1]) / len(read):.1f} %"


def test_no_network_asset_and_accessible_structure(
    examples: tuple[Page, str, dict[str, Any]],
) -> None:
    page, text, _ = examples
    assert page.get("lang") == "en"
    for element in page.iter():
        for attr in ("src", "href", "srcset", "data", "action", "poster"):
            value = (element.get(attr) or "").strip().lower()
            assert not value.startswith(("http:", "https:", "//")), (element.tag, value)
    assert not page.xpath("//link|//img|//iframe|//object|//embed|//script[@src]")
    assert "@import" not in text and "url(" not in text
    for section in ("summary", "records", "batch"):
        assert page.xpath(f'//section[@id="{section}"]/h2'), section
    assert len(page.xpath("//h1")) == 1
    charts = page.xpath("//svg")
    assert len(charts) >= 5
    for svg in charts:
        assert svg.get("role") == "img"
        (title,) = svg.xpath("title")
        assert svg.get("aria-labelledby") == title.get("id") and title.text_content()
        # each chart sits beside a table carrying its numbers
        assert svg.getparent().xpath('.//div[@class="numbers"]/table')
    for box in page.xpath('//div[@class="numbers"]'):  # scrolled boxes reached by keyboard
        assert box.get("tabindex") == "0" and page.xpath(
            f'//h3[@id="{box.get("aria-labelledby")}"]'
        )
    for table in page.xpath("//table"):
        assert table.xpath("thead/tr/th[@scope='col']")
    # without a script nothing is hidden but the filter form
    assert page.xpath('//form[@id="filter"]')[0].get("hidden") is not None
    assert not page.xpath("//tbody[@hidden]|//tr[@hidden]")


def test_hostile_values_stay_text(tmp_path: Path) -> None:
    title = "<script>alert('t')</script>\"&amp;"
    record = {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "name": title,
        "license": "<img src=x onerror=alert(1)>",
        "inLanguage": "</td><script>alert(2)</script>",
        "description": "d",
    }
    path = tmp_path / "a\"b'<i>x<b>.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    code, text = _run(tmp_path, str(path))
    assert code == 1
    page = _parse(text)
    scripts = page.xpath("//script")
    assert len(scripts) == 1 and "alert" not in scripts[0].text_content()
    assert not page.xpath("//img|//i|//b[starts-with(., '.json')]")
    (head,) = page.xpath('//tr[@class="rec"]')
    assert str(path) in head.text_content() and title in head.text_content()
    assert "<script>alert('t')" not in text and "<img" not in text
    messages = " ".join(td.text_content() for td in page.xpath('//tr[@class="f"]/td'))
    assert "<img src=x onerror=alert(1)>" in messages  # a finding quotes it, as text
    for row in page.xpath('//tr[@class="f"]'):
        assert row.get("data-rule").isalnum()


def test_esc() -> None:
    assert esc('<a href="x">\'&') == "&lt;a href=&quot;x&quot;&gt;&#x27;&amp;"
    assert esc("a\x1b[31m\x00b") == "a\\x1b[31m\\x00b"
    assert esc("\ud800") == "\\ud800"
    assert esc("x" * 50, limit=10) == "x" * 9 + "…"


def test_french_labels(tmp_path: Path) -> None:
    _, text = _run(tmp_path, str(EXAMPLES), "--lang", "fr")
    page = _parse(text)
    assert page.get("lang") == "fr"
    assert page.xpath("//title")[0].text_content() == "Rapport oer-meta"
    assert page.xpath('//section[@id="summary"]/h2')[0].text_content().startswith("Synthèse")
    assert [r[1] for r in _table(page, "areas-table")] == [a.title_fr for a in ActionArea]
    headers = [th.text_content() for th in page.xpath('//table[@id="rules-table"]/thead//th')]
    assert headers == ["Code", "Nom", "Gravité", "Constats"]
    assert not re.search(r"\b(Findings|Records|Summary|Severity)\b", text)
    french = {html_format.label(k, "fr") for k in ("open", "none", "not-open", "unknown")}
    french |= {html_format.label(k, "fr") for k in ("public-domain", "open-noncommercial")}
    openness = [r[0] for r in _table(page, "openness-table")]
    assert openness and set(openness) <= french


def test_every_french_label_has_the_english_placeholders() -> None:
    """The labels are gettext msgids (tests/test_i18n.py checks the catalogue); each is
    translated, with the English placeholders."""
    for key, text in html_format.LABELS.items():
        assert html_format.label(key, "en") == text
        french = html_format.label(key, "fr")
        assert french != text or key in ("nav", "code", "message", "licence"), key
        assert sorted(part.split("}")[0] for part in text.split("{")[1:]) == sorted(
            part.split("}")[0] for part in french.split("{")[1:]
        ), key


def test_listing_is_bounded_and_says_what_it_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_format, "MAX_RECORDS", 5)
    monkeypatch.setattr(html_format, "MAX_FINDINGS", 3)
    results = [
        RecordResult(source="h.xml", index=i, format="lom", findings=[_finding()] * 4)
        for i in range(12)
    ]
    text = _write(results)
    page = _parse(text)
    bodies = page.xpath('//table[@id="records-table"]/tbody[@class="findings"]')
    assert len(bodies) == 5
    assert all(len(b.xpath('tr[@class="f"]')) == 3 for b in bodies)
    assert "1 more findings of this record are not listed." in text
    assert "7 more records with findings are not listed (the first 5 are)" in text
    assert _totals(page)["errors"] == 48
    assert _table(page, "rules-table") == [["X001", "n", "error", "48"]]


def test_empty_run_is_a_whole_page() -> None:
    page = _parse(_write([]))
    assert _totals(page)["records"] == 0
    assert page.xpath('//span[contains(@class,"verdict")]')[0].text_content() == "passed"
    assert "No record has findings." in page.text_content()
    assert [r[2] for r in _table(page, "areas-table")] == ["0"] * 5


def test_interrupted_banner() -> None:
    result = RecordResult(source="f.xml", index=0, format="lom", findings=[_finding()])
    page = _parse(_write([result], interrupted=True))
    assert "Interrupted: this page covers the records checked so far." in page.text_content()


def test_ctrl_c_leaves_a_whole_page(tmp_path: Path) -> None:
    path = harvest(tmp_path / "big.xml", 60_000)
    written, err, code = interrupted(path, "html", lambda head: b'class="findings"' in head)
    assert code == 130, err
    assert b"Traceback" not in err
    text = written.decode("utf-8")
    assert text.rstrip().endswith("</html>")
    page = _parse(text)
    assert "Interrupted" in page.text_content()
    records = _totals(page)["records"]
    assert 1 <= records < 60_000
    listed = page.xpath('//table[@id="records-table"]/tbody[@class="findings"]')
    assert len(listed) == min(records, html_format.MAX_RECORDS)
    # every listed record is whole: its heading row and its findings
    assert all(b.xpath('tr[@class="rec"]') and b.xpath('tr[@class="f"]') for b in listed)


def _chromium_dom(page: Path, profile_dir: Path) -> Page:
    """The DOM of ``page`` after its scripts ran in headless Chromium, offline."""
    profile = tempfile.mkdtemp(dir=profile_dir)
    done = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=60,
        check=False,
    )
    shutil.rmtree(profile, ignore_errors=True)
    assert done.returncode == 0, done.stderr[-2000:]
    return _parse(done.stdout.decode("utf-8"))


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")
def test_chromium_renders_the_page_and_runs_the_filter(tmp_path: Path) -> None:
    """Headless Chromium loads the page offline: the script shows the filter form and
    counts every finding; with a severity and a text chosen (as a user would, by
    events), only the matching rows stay visible and records left empty are hidden."""
    _, text = _run(tmp_path, str(EXAMPLES))
    source = _parse(text)
    rows = source.xpath('//tr[@class="f"]')
    dom = _chromium_dom(tmp_path / "report.html", tmp_path)
    (form,) = dom.xpath('//form[@id="filter"]')
    assert form.get("hidden") is None  # the script ran
    assert dom.xpath('//output[@id="f-count"]')[0].text_content() == str(len(rows))
    assert not dom.xpath("//tr[@hidden]|//tbody[@hidden]")

    choose = (
        "<script>var s=document.getElementById('f-sev');s.value='warning';"
        "s.dispatchEvent(new Event('change',{bubbles:true}));"
        "var t=document.getElementById('f-text');t.value='FAULTY';"
        "t.dispatchEvent(new Event('input',{bubbles:true}));</script></body>"
    )
    filtered = tmp_path / "filtered.html"
    filtered.write_text(text.replace("</body>", choose), encoding="utf-8")
    dom = _chromium_dom(filtered, tmp_path)
    expected = [
        row.get("data-rule")
        for row in rows
        if row.get("data-sev") == "warning"
        and "faulty" in (row.text_content() + row.getparent()[0].text_content()).lower()
    ]
    assert expected and len(expected) < len(rows)
    visible = dom.xpath('//tr[@class="f"][not(@hidden)][not(ancestor::tbody[@hidden])]')
    assert [row.get("data-rule") for row in visible] == expected
    assert dom.xpath('//output[@id="f-count"]')[0].text_content() == str(len(expected))
    assert dom.xpath('//table[@id="records-table"]/tbody[@hidden]')


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")
def test_chromium_fills_the_rule_choices_when_the_run_named_no_rules(tmp_path: Path) -> None:
    """A page written through the API without the profile's rules still offers each
    rule code found on the page in the filter."""
    results = [
        RecordResult(source="a.xml", index=0, format="lom", findings=[_finding(rule="B002")]),
        RecordResult(source="b.xml", index=0, format="lom", findings=[_finding(rule="A001")]),
    ]
    page = tmp_path / "api.html"
    page.write_text(_write(results), encoding="utf-8")
    assert len(_parse(page.read_text(encoding="utf-8")).xpath('//select[@id="f-rule"]/option')) == 1
    dom = _chromium_dom(page, tmp_path)
    options = [o.get("value") for o in dom.xpath('//select[@id="f-rule"]/option')]
    assert options == ["", "A001", "B002"]


def test_memory_stays_flat_over_a_long_run() -> None:
    """Past the listed records, each further result costs the formatter nothing kept:
    its traced memory is the same after 3,000 results as after 12,000."""

    class Discard(io.StringIO):
        def write(self, text: str) -> int:
            return len(text)

    record = RecordResult(source="f.xml", index=0, format="dc", findings=[_finding()])
    fmt = make_formatter("html", Discard())
    fmt.start(RunInfo(profile="unesco", fail_on=Severity.ERROR))
    tally = Tally()
    sizes = {}
    tracemalloc.start()
    try:
        for n in range(12_000):
            result = replace(record, index=n, source=f"f{n % 97}.xml")
            tally.add(result)
            fmt.result(result)
            if n in (3_000, 11_999):
                sizes[n] = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert sizes[11_999] - sizes[3_000] < 16_000
    assert fmt._left_out == 12_000 - html_format.MAX_RECORDS  # type: ignore[attr-defined]


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_colours_contrast_with_their_backgrounds() -> None:
    """Text colours (severities, muted text, links) and bar colours reach 4.5:1 on the
    page, the cards and the record heading rows (WCAG AA for text)."""
    css = html_format._CSS
    text = re.findall(r"--(?:fg|muted|error|warning|info|bar):(#[0-9a-f]{6})", css)
    text += re.findall(r"\ba\{color:(#[0-9a-f]{6})", css)
    bars = [*html_format._OPENNESS_COLOURS.values(), *html_format._SEVERITY_COLOURS.values()]
    assert len(text) == 7 and len(bars) == 9
    for background in ("#ffffff", "#f6f7f9", "#e3e9f1", "#e9ecf0"):
        for colour in [*text, *bars]:
            assert _contrast(colour, background) >= 4.5, (colour, background)


@needs_corpus
@needs_corpus2
def test_whole_corpus_page_matches_the_json_report(tmp_path: Path) -> None:
    """Both corpora in one page: it parses, its totals and distributions cover every
    record the JSON report has, and each record with findings is listed once."""
    code, text = _run(tmp_path, str(CORPUS), str(CORPUS2))
    out = tmp_path / "r.json"
    args = ["validate", str(CORPUS), str(CORPUS2), "--format", "json", "--output-file", str(out)]
    assert main(args) == code
    report = json.loads(out.read_text(encoding="utf-8"))
    page = _parse(text)
    totals = _totals(page)
    assert {k: totals[k] for k in ("records", "errors", "warnings", "infos")} == {
        k: report["summary"][k] for k in ("records", "errors", "warnings", "infos")
    }
    read = sum(1 for r in report["results"] if r["status"] not in ("unreadable", "deleted"))
    for ident in ("openness-table", "licences-table"):
        assert sum(int(r[1]) for r in _table(page, ident)) == read
    with_findings = [(r["source"], r["index"]) for r in report["results"] if r["findings"]]
    heads = page.xpath('//table[@id="records-table"]/tbody/tr[@class="rec"]')
    assert len(heads) == min(len(with_findings), html_format.MAX_RECORDS)


def test_distinct_languages_and_licences_beyond_the_bound_count_as_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, examples: tuple[Page, str, dict[str, Any]]
) -> None:
    full, _, _ = examples
    monkeypatch.setattr(html_format, "MAX_KEYS", 1)
    _, text = _run(tmp_path, str(EXAMPLES))
    page = _parse(text)
    for ident in ("languages-table", "licences-table"):
        before = {r[0]: int(r[1]) for r in _table(full, ident)}
        after = {r[0]: int(r[1]) for r in _table(page, ident)}
        assert len(before) > 2 and len(after) == 2 and "other" in after, ident
        assert sum(after.values()) == sum(before.values())
