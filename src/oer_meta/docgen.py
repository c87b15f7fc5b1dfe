"""Documentation generated from the rule registry (never written twice).

``docs/rules.md``, ``docs/rules/<CODE>.md``, ``docs/areas/<n>.md`` and
``docs/recommendation.md`` are this module's output; a test fails when one is stale.
Regenerate them all with ``oer-meta rules --write-docs docs``.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

from oer_meta.areas import ActionArea
from oer_meta.checks.registry import Rule, all_rules
from oer_meta.i18n import N_, joined, msg, translate


def relation(rule: Rule, lang: str = "en") -> str | None:
    """How a rule and its variants relate, in one sentence (in ``lang``); None for a
    rule that has no variant and is none."""
    if rule.emitted_by is not None:
        return msg(
            "Variant of {code}: selecting or ignoring {code} covers it too, but a severity "
            "set for {code} does not change it.",
            code=rule.emitted_by,
        ).render(lang)
    if rule.variants:
        return msg(
            "Variants: {codes} (occurrences with a severity of their own).",
            codes=", ".join(rule.variants),
        ).render(lang)
    return None


def fixable(rule: Rule) -> bool:
    """Whether ``oer-meta fix`` repairs this rule's findings (declared on the rule:
    ``@rule(..., fixable="what the fix writes")``); the one place the pages ask."""
    return rule.fixable is not None


def fixable_text(rule: Rule, lang: str = "en") -> str:
    """``yes (oer-meta fix writes ...)`` or ``no``, as the rule's pages say it (what the
    fix writes is the rule's documentation: English)."""
    if rule.fixable is None:
        return msg("no").render(lang)
    return msg("yes (oer-meta fix {what})", what=rule.fixable).render(lang)


#: The input formats, as the pages name them (``Record.source_format`` values).
FORMAT_NAMES: dict[str, str] = {
    "lom": "IEEE/IMS LOM XML",
    "dc": N_("Dublin Core XML (OAI-PMH included)"),
    "jsonld": "schema.org/LRMI JSON-LD",
}


def formats_line(rule: Rule, lang: str = "en") -> str:
    """Which inputs the rule judges, in words (in ``lang``)."""
    if rule.kind == "input":
        return msg("any input, read or not (the rule judges what could not be read)").render(lang)
    names = [translate(FORMAT_NAMES.get(f, f), lang) for f in rule.formats or FORMAT_NAMES]
    if rule.formats:
        return ", ".join(names)
    return msg("every format ({formats})", formats=", ".join(names)).render(lang)


_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_CODE_SPAN = re.compile(r"``(.+?)``", re.DOTALL)
#: Stands for a space inside a code span while a paragraph is wrapped, so that no
#: line break falls inside one (textwrap breaks only at whitespace).
_GLUE = "\x00"


def plain(text: str, width: int = 80, indent: str = "", hanging: str | None = None) -> str:
    """RST-ish doc text as plain text: ````code```` loses its backticks and is kept
    whole on one line; paragraphs are re-wrapped to ``width``, their lines indented by
    ``indent`` (the lines after the first by ``hanging`` when given)."""
    out: list[str] = []
    for paragraph in re.split(r"\n[ \t]*\n", text.strip()):
        # ASCII whitespace only: French no-break spaces (before ``:``) stay unbroken
        joined = " ".join(_SPACES.split(paragraph.strip(" \t\n\r\f\v")))
        glued = _CODE_SPAN.sub(lambda m: " ".join(m.group(1).split()).replace(" ", _GLUE), joined)
        wrapped = textwrap.fill(
            glued,
            width=max(width, len(indent) + 20),
            initial_indent=indent,
            subsequent_indent=indent if hanging is None else hanging,
            break_long_words=False,
            break_on_hyphens=False,
        )
        out.append(wrapped.replace(_GLUE, " "))
    return "\n\n".join(out)


def rule_text(rule: Rule, width: int = 80, lang: str = "en") -> str:
    """One rule's documentation as plain text, for ``oer-meta rule CODE``: no markup,
    wrapped to ``width`` columns (code samples are never broken).  ``lang`` sets the
    title and the fixed labels; the documentation itself (why, example, fix) is English
    in every language (docs/i18n.md)."""
    areas = joined("; ", [f"{int(a)} {a.title(lang)}" for a in rule.areas]).render(lang)
    related = relation(rule, lang)
    head = [
        msg("Default severity: {severity}", severity=rule.severity.value).render(lang),
        msg("Fixable: {fixable}", fixable=fixable_text(rule, lang)).render(lang),
        msg("Formats: {formats}", formats=formats_line(rule, lang)).render(lang),
        msg("Action areas: {areas}", areas=areas).render(lang),
        msg(
            "Recommendation paragraphs: {paragraphs}", paragraphs=", ".join(rule.paragraphs)
        ).render(lang),
        *([related] if related else []),
    ]
    lines = [f"{rule.code} {rule.name}", "", plain(rule.summary_in(lang), width), ""]
    lines += [plain(line, width, "", "    ") for line in head]
    for title, body in rule.sections().items():
        lines += ["", title, plain(body, width, "    ")]
    return "\n".join(lines).rstrip() + "\n"


def _linked(codes: tuple[str, ...] | list[str]) -> str:
    return ", ".join(f"[{code}](#{code.lower()})" for code in codes)


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
        "may change it) and the UNESCO action area(s) it relates to. One severity per code:",
        "where some occurrences of a rule matter less than the others, they have a code of",
        "their own, a *variant* of the rule (docs/decisions.md).",
        "",
        "Each rule also has a page of its own ([rules/](rules/), `rules/<CODE>.md`) and each",
        "action area one listing its rules ([areas/](areas/)); the paragraphs are indexed",
        "in [recommendation.md](recommendation.md).",
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
        ]
        if rule.emitted_by is not None:
            out.append(
                f"- Variant of {_linked([rule.emitted_by])}: selecting or ignoring "
                f"{rule.emitted_by} covers it too; a severity set for {rule.emitted_by} "
                "does not change it"
            )
        elif rule.variants:
            out.append(f"- Variants: {_linked(rule.variants)}")
        if rule.fixable is not None:
            out.append(f"- Fixable: yes (`oer-meta fix` {rule.fixable})")
        out.append("")
        for title, body in rule.sections().items():
            out += [f"### {title}", "", body, ""]
        while out and out[-1] == "":
            out.pop()
    return "\n".join(out) + "\n"


#: The official text the paragraph numbers refer to.
RECOMMENDATION_URL = (
    "https://www.unesco.org/en/legal-affairs/recommendation-open-educational-resources-oer"
)

#: A short title, in oer_meta's own words, for each paragraph of the Recommendation a
#: rule may cite (the text itself is UNESCO's: follow RECOMMENDATION_URL).  Numbers
#: follow the adopted text; letters are given only where the adopted text was checked.
PARAGRAPHS: dict[str, str] = {
    "1": "What an open educational resource is: public domain or open licence, no-cost "
    "access, re-use, adaptation and redistribution",
    "2": "What an open licence is: permission to access, re-use, re-purpose, adapt and "
    "redistribute, respecting the rights holder",
    "3": "Technology as a way to reach everyone, persons with disabilities included",
    "4": "Who the stakeholders are, authors and infrastructure providers among them",
    "5": "Investment in creating, curating and regularly updating quality materials",
    "6": "What open licensing makes possible: translation, cultural adaptation, "
    "accessible formats, quality assurance",
    "8": "Collaboration that shares the cost of content, infrastructure and curation",
    "9": "The five objectives, one per action area",
    "9(i)": "Objective 1: capacity to create, use and openly license OER",
    "9(ii)": "Objective 2: policies that support open licensing and the use of OER",
    "9(iii)": "Objective 3: open formats and standards, searchability, access for "
    "vulnerable groups and persons with disabilities",
    "9(iv)": "Objective 4: sustainability models for OER",
    "9(v)": "Objective 5: a shared pool of diverse, accessible materials in many languages",
    "10": "The five action areas",
    "11": "Action area 1, capacity: OER easy to find through open standards, interoperable "
    "metadata and repositories, in a privacy-protected way",
    "12": "Action area 2, policy: open licensing, open file formats, public repositories, "
    "data protection",
    "12(a)": "Publicly funded educational resources openly licensed or in the public domain",
    "13": "Action area 3, inclusion: OER fit for their learners, in their languages, "
    "accessible, quality-assured",
    "14": "Action area 4, sustainability: curation, translation, preservation, no cost "
    "passed on to learners",
    "15": "Action area 5, cooperation: sharing OER across borders by subject, language and level",
    "16": "Monitoring how the Recommendation is put into effect",
}

_MARK = (
    "<!-- Generated from the rule registry by `oer-meta rules --write-docs docs`. "
    "Do not edit by hand. -->"
)


def _para_key(paragraph: str) -> tuple[int, str]:
    """Sort key: ``9(iii)`` after ``9``, ``12(a)`` before ``13``."""
    digits = re.match(r"\d+", paragraph)
    return (int(digits.group()) if digits else 0, paragraph)


def _para_anchor(paragraph: str) -> str:
    return "para-" + re.sub(r"[^0-9a-z]+", "-", paragraph.lower()).strip("-")


def _para_links(paragraphs: tuple[str, ...] | list[str], prefix: str) -> list[str]:
    return [
        f"[{p}]({prefix}recommendation.md#{_para_anchor(p)}) ({PARAGRAPHS.get(p, 'not indexed')})"
        for p in paragraphs
    ]


def rule_page(rule: Rule) -> str:
    """``docs/rules/<CODE>.md``: one rule's page."""
    out = [
        f"# {rule.code} `{rule.name}`",
        "",
        _MARK,
        "",
        rule.summary,
        "",
        f"- **Default severity**: {rule.severity.value} (a profile may change it)",
        f"- **Fixable**: {fixable_text(rule)}",
        f"- **Formats**: {formats_line(rule)}",
    ]
    if rule.across_batch is not None:
        out.append("- **Scope**: each record, and the batch as a whole when it ends")
    out.append("- **Action areas**:")
    out += [f"  - [{int(a)}. {a.title_en}](../areas/{int(a)}.md)" for a in rule.areas]
    out.append("- **Recommendation paragraphs**:")
    out += [f"  - {link}" for link in _para_links(rule.paragraphs, "../")]
    if rule.emitted_by is not None:
        out.append(
            f"- **Variant of** [{rule.emitted_by}]({rule.emitted_by}.md): selecting or "
            f"ignoring {rule.emitted_by} covers it too; a severity set for "
            f"{rule.emitted_by} does not change it"
        )
    elif rule.variants:
        out.append("- **Variants**: " + ", ".join(f"[{code}]({code}.md)" for code in rule.variants))
    if rule.origin != "oer_meta":
        out.append(f"- **Plugin**: {rule.origin}")
    for title, body in rule.sections().items():
        out += ["", f"## {title}", "", body]
    out += [
        "",
        "---",
        "",
        f"`oer-meta rule {rule.code}` prints this page in the terminal. [All rules](../rules.md)",
    ]
    return "\n".join(out) + "\n"


def area_page(area: ActionArea, rules: list[Rule]) -> str:
    """``docs/areas/<n>.md``: an action area and the rules that serve it."""
    mine = [r for r in rules if area in r.areas]
    cited = sorted({p for r in mine for p in r.paragraphs}, key=_para_key)
    out = [
        f"# Action area {int(area)}: {area.title_en}",
        "",
        _MARK,
        "",
        f"- **English**: {area.title_en}",
        f"- **Français**: {area.title_fr}",
        f"- **Recommendation**: para. [{area.paragraph}](../recommendation.md#"
        f"{_para_anchor(str(area.paragraph))}) (the area), objective "
        f"[{area.objective}](../recommendation.md#{_para_anchor(area.objective)})",
        f"- **Key in selectors and reports**: `{area.key}`",
        "",
        f"## Rules ({len(mine)})",
        "",
        "| code | name | severity | fixable | summary |",
        "|---|---|---|---|---|",
    ]
    out += [
        f"| [{r.code}](../rules/{r.code}.md) | `{r.name}` | {r.severity.value} | "
        f"{'yes' if fixable(r) else 'no'} | {r.summary.replace('|', chr(92) + '|')} |"
        for r in mine
    ]
    out += ["", "## Paragraphs these rules cite", ""]
    out += [f"- {link}" for link in _para_links(cited, "../")]
    out += ["", "---", "", "[All action areas](../recommendation.md#action-areas)"]
    return "\n".join(out) + "\n"


def recommendation_page(rules: list[Rule]) -> str:
    """``docs/recommendation.md``: the paragraphs the rules cite, each with a short
    title of ours, the rules citing it, and the way to the official text."""
    citing: dict[str, list[str]] = {}
    for r in rules:
        for p in r.paragraphs:
            citing.setdefault(p, []).append(r.code)
    out = [
        "# The UNESCO Recommendation on OER (2019), as the rules cite it",
        "",
        _MARK,
        "",
        "Every rule names the paragraphs of the Recommendation it serves. The titles below",
        "are oer_meta's short summaries, not the Recommendation's wording: read the",
        f"official text at <{RECOMMENDATION_URL}>. Paragraph numbers are those of",
        "the adopted text; a letter is given only where the adopted text was checked.",
        "",
        "## Action areas",
        "",
    ]
    out += [
        f"- [{int(a)}. {a.title_en}](areas/{int(a)}.md) / *{a.title_fr}* (para. {a.paragraph})"
        for a in ActionArea
    ]
    out += ["", "## Paragraphs", ""]
    for p, title in PARAGRAPHS.items():
        codes = citing.get(p, [])
        out += [f'<a id="{_para_anchor(p)}"></a>', f"### Para. {p}", "", title + ".", ""]
        if codes:
            out += ["Cited by " + ", ".join(f"[{c}](rules/{c}.md)" for c in codes) + ".", ""]
    while out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def doc_pages() -> dict[str, str]:
    """Every generated page, by its path under ``docs/``."""
    rules = all_rules()
    pages = {"rules.md": rules_markdown(), "recommendation.md": recommendation_page(rules)}
    pages.update({f"rules/{r.code}.md": rule_page(r) for r in rules})
    pages.update({f"areas/{int(a)}.md": area_page(a, rules) for a in ActionArea})
    return pages


def write_docs(folder: Path) -> list[Path]:
    """Write every generated page under ``folder`` (the ``docs`` folder); remove the
    generated pages of rules that are no longer registered.  Returns what changed."""
    pages = doc_pages()
    changed: list[Path] = []
    for sub in ("rules", "areas"):
        for old in sorted((folder / sub).glob("*.md")):
            if f"{sub}/{old.name}" not in pages and _MARK in old.read_text(encoding="utf-8"):
                old.unlink()
                changed.append(old)
    for relative, text in pages.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8", newline="\n")
            changed.append(path)
    return changed


RECORD_SCHEMA_ID = "https://oer-meta.example/schemas/record.schema.json"


def record_schema() -> dict[str, object]:
    """The JSON Schema of a Record as ``Record.model_dump(mode="json")`` writes it,
    generated from the model so that ``schemas/record.schema.json`` cannot drift."""
    from oer_meta.model import Record

    body = Record.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": RECORD_SCHEMA_ID,
        "title": "oer-meta Record",
        "description": (
            "One OER metadata record as oer_meta normalises it (oer_meta.read(...)"
            '.model_dump(mode="json")). Generated from the model by '
            "`python -m oer_meta.docgen`; do not edit by hand."
        ),
        **{k: v for k, v in body.items() if k not in ("title", "description")},
    }


def record_schema_text() -> str:
    """``schemas/record.schema.json`` as written: two-space indent, UTF-8, final newline."""
    return json.dumps(record_schema(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """``python -m oer_meta.docgen [CHECKOUT]``: regenerate everything generated in a
    checkout (its ``docs`` pages and ``schemas/record.schema.json``)."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0] if args else ".")
    changed = write_docs(root / "docs")
    schema = root / "schemas" / "record.schema.json"
    text = record_schema_text()
    if not schema.is_file() or schema.read_text(encoding="utf-8") != text:
        schema.parent.mkdir(parents=True, exist_ok=True)
        schema.write_text(text, encoding="utf-8", newline="\n")
        changed.append(schema)
    for path in changed:
        print(f"wrote {path}" if path.exists() else f"removed {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
