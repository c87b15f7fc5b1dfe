"""The generated documentation: rule pages, area pages, the paragraph index and the
plain-text ``oer-meta rule``; every committed page is current and every link resolves."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import oer_meta
from oer_meta.checks.registry import Rule, get_rule
from oer_meta.cli import main
from oer_meta.docgen import (
    _MARK,
    PARAGRAPHS,
    doc_pages,
    plain,
    rule_page,
    rule_text,
    write_docs,
)

from .corpus_paths import ROOT

DOCS = ROOT / "docs"
CODE_SPAN = re.compile(r"``(.+?)``", re.DOTALL)


def test_committed_pages_are_current() -> None:
    pages = doc_pages()
    stale = [
        name
        for name, text in pages.items()
        if not (DOCS / name).is_file() or (DOCS / name).read_text(encoding="utf-8") != text
    ]
    assert not stale, f"stale generated pages {stale}: run oer-meta rules --write-docs docs"
    for sub in ("rules", "areas"):
        extra = {f"{sub}/{p.name}" for p in (DOCS / sub).glob("*.md")} - set(pages)
        assert not extra, f"pages of no registered rule or area: {extra}"


def test_one_page_per_rule_variants_included_and_per_area() -> None:
    pages = doc_pages()
    codes = {r.code for r in oer_meta.rules()}
    assert {n for n in pages if n.startswith("rules/")} == {f"rules/{c}.md" for c in codes}
    assert {n for n in pages if n.startswith("areas/")} == {f"areas/{n}.md" for n in range(1, 6)}
    variant = next(r for r in oer_meta.rules() if r.emitted_by)
    assert (
        f"**Variant of** [{variant.emitted_by}]({variant.emitted_by}.md)"
        in pages[f"rules/{variant.code}.md"]
    )


def test_rule_page_has_every_part_the_issue_asks_for() -> None:
    page = doc_pages()["rules/LIC004.md"]
    for part in (
        "# LIC004 `licence-noncommercial`",
        "- **Default severity**: warning",
        "- **Fixable**: no",
        "- **Formats**: every format (IEEE/IMS LOM XML",
        "[1. Building capacity",
        "(../areas/1.md)",
        "[1](../recommendation.md#para-1)",
        "[2](../recommendation.md#para-2)",
        "## Why it matters",
        "## Example",
        "## Fix",
    ):
        assert part in page, part


def test_area_page_lists_exactly_its_rules_with_both_titles() -> None:
    area = oer_meta.ActionArea(4)
    page = doc_pages()["areas/4.md"]
    assert area.title_en in page and area.title_fr in page
    listed = set(re.findall(r"^\| \[([A-Z0-9]+)\]\(\.\./rules/", page, re.MULTILINE))
    assert listed == {r.code for r in oer_meta.rules() if area in r.areas}
    assert f"## Rules ({len(listed)})" in page


def test_every_cited_paragraph_has_a_short_title() -> None:
    cited = {p for r in oer_meta.rules() for p in r.paragraphs}
    cited |= {a.objective for a in oer_meta.ActionArea} | {
        str(a.paragraph) for a in oer_meta.ActionArea
    }
    assert cited <= set(PARAGRAPHS), cited - set(PARAGRAPHS)
    # Short titles of our own, not the Recommendation's sentences.
    assert all(len(title) < 160 for title in PARAGRAPHS.values())


def test_every_link_between_generated_pages_resolves() -> None:
    pages = doc_pages()
    anchors: dict[str, set[str]] = {
        name: set(re.findall(r'<a id="([^"]+)"></a>', text))
        | {
            re.sub(r"[^a-z0-9 -]", "", h.lower()).replace(" ", "-")
            for h in re.findall(r"^#+ (.+)$", text, re.MULTILINE)
        }
        for name, text in pages.items()
    }
    checked = 0
    for name, text in pages.items():
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if target.startswith("http"):
                continue
            file, _, anchor = target.partition("#")
            resolved = (Path(name).parent / file).as_posix() if file else name
            resolved = re.sub(r"[^/]+/\.\./", "", resolved)
            assert (DOCS / resolved).exists(), f"{name}: {target}"  # a page or a folder
            if anchor and resolved in anchors:
                assert anchor in anchors[resolved], f"{name}: {target}"
            checked += 1
    assert checked > 500


@pytest.mark.parametrize("rule", oer_meta.rules(), ids=lambda r: r.code)
def test_rule_text_is_plain_and_wrapped(rule: Rule) -> None:
    text = rule_text(rule, width=60)
    assert "``" not in text and "\n## " not in text
    spans = [" ".join(s.split()) for s in CODE_SPAN.findall(rule.doc + "\n" + rule.summary)]
    lines = text.splitlines()
    for span in spans:  # a code sample is never broken across lines
        assert any(span in line for line in lines), span
    for line in lines:
        if len(line) > 60:
            assert any(span in line for span in spans), line


def test_plain_keeps_code_whole_and_rewraps_paragraphs() -> None:
    doc = "A value such as ``<a>one\ntwo</a>`` is\nwrong.\n\nSecond ``x`` paragraph."
    expected = "A value such as\n<a>one two</a> is wrong.\n\nSecond x paragraph."
    assert plain(doc, width=24) == expected
    assert plain("``" + "x" * 30 + "`` and more", width=24) == "x" * 30 + "\nand more"


def test_fixable_line_follows_the_registry() -> None:
    fixable = get_rule("LANG003")
    assert fixable.fixable is not None
    assert f"- **Fixable**: yes (oer-meta fix {fixable.fixable})" in rule_page(fixable)
    assert "Fixable: yes (oer-meta fix" in rule_text(fixable)
    base = get_rule("LIC007")
    assert base.fixable is None
    assert "- **Fixable**: no" in rule_page(base)
    assert "Fixable: no" in rule_text(base)


def test_write_docs_writes_every_page_and_removes_only_stale_generated_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "OLD001.md").write_text(f"# gone\n\n{_MARK}\n", encoding="utf-8")
    (tmp_path / "rules" / "notes.md").write_text("hand-written\n", encoding="utf-8")
    assert main(["rules", "--write-docs", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "removed" in out and "OLD001.md" in out
    for name, text in doc_pages().items():
        assert (tmp_path / name).read_text(encoding="utf-8") == text
    assert not (tmp_path / "rules" / "OLD001.md").exists()
    assert (tmp_path / "rules" / "notes.md").exists()
    assert write_docs(tmp_path) == []  # a second run changes nothing


def test_cli_rule_prints_plain_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "lic004"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("LIC004 licence-noncommercial\n")
    assert "https://creativecommons.org/licenses/by-nc-sa/4.0/." in out
    assert "``" not in out and "Fixable: no" in out


def test_cli_rules_json_says_fixable_and_formats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == len(oer_meta.rules())
    std001 = next(r for r in data if r["code"] == "STD001")
    assert std001["fixable"] is False and std001["formats"] == [] and std001["kind"] == "input"


_WORD = st.text(alphabet="abcdefghij<>/=\"'.:", min_size=1, max_size=14)
_UNIT = st.one_of(
    _WORD.map(lambda w: (w, w)),
    st.lists(_WORD, min_size=1, max_size=4).map(
        lambda ws: ("``" + "\n".join(ws) + "``", " ".join(ws))
    ),
)


@given(
    units=st.lists(_UNIT, min_size=1, max_size=30),
    gaps=st.lists(st.sampled_from([" ", "  ", "\n", "\n\n", " \n "]), min_size=30, max_size=30),
    width=st.integers(min_value=22, max_value=90),  # plain() keeps 20 columns after the indent
)
def test_plain_keeps_every_word_and_breaks_only_between_units(
    units: list[tuple[str, str]], gaps: list[str], width: int
) -> None:
    source = "".join(raw + gap for (raw, _), gap in zip(units, gaps[: len(units)], strict=True))
    out = plain(source, width=width, indent="  ")
    shown = [text for _, text in units]
    assert out.split() == " ".join(shown).split()  # nothing lost, added or reordered
    assert "``" not in out
    lines = out.splitlines()
    for text in shown:  # a code span is never broken across lines
        assert any(text in line for line in lines), text
    for line in lines:
        if len(line) > width:  # only a single unit too long for any line may overflow
            assert line.strip() in shown, line
