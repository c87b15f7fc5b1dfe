"""Messages in English and French (docs/i18n.md): the catalogue is complete and current,
every placeholder is kept, and a run in French says everything in French."""

from __future__ import annotations

import ast
import gettext
import json
import string
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po

import oer_meta
from oer_meta.checks.registry import all_rules, get_rule
from oer_meta.errors import UsageError
from oer_meta.i18n import Message, Said, joined, language, marked, msg, msgn, translate

from .corpus_paths import CORPUS, CORPUS2, EXAMPLES, needs_corpus
from .i18n_catalogue import PACKAGE, extract, mo_path, po_path

#: Messages a French run may leave as they are in English: those made only of values
#: (none on the examples and corpora today; a message listed here must be nothing but
#: codes, names and quoted input).
SAME_IN_BOTH: frozenset[str] = frozenset()


def _po() -> dict[str, Any]:
    """The French catalogue as read from the .po: msgid -> msgstr (a tuple for plurals)."""
    with po_path("fr").open("rb") as stream:
        catalog = read_po(stream, locale="fr")
    out: dict[str, Any] = {}
    for message in catalog:
        if message.id:
            key = message.id[0] if isinstance(message.id, tuple) else message.id
            out[key] = (message.id, message.string)
    return out


def _fields(text: str) -> set[tuple[str, str | None]]:
    """The ``{name!conversion}`` fields of a template."""
    return {
        (name, conversion)
        for _, name, _, conversion in string.Formatter().parse(text)
        if name is not None
    }


# -- the catalogue ---------------------------------------------------------------------


def test_every_message_has_a_french_translation() -> None:
    untranslated = [
        key
        for key, (_, text) in _po().items()
        if not (all(text) if isinstance(text, tuple) else text.strip())
    ]
    assert untranslated == []


def test_every_placeholder_is_kept_and_none_added() -> None:
    wrong = []
    for ids, text in _po().values():
        pairs = zip(ids, text, strict=True) if isinstance(ids, tuple) else [(ids, text)]
        for english, french in pairs:
            if _fields(english) != _fields(french):
                wrong.append((english, french))
    assert wrong == []


def test_the_catalogue_holds_exactly_the_messages_the_code_uses() -> None:
    """A message added to the code without being added to the catalogue fails here
    (run ``python tests/i18n_catalogue.py`` and translate it), and so does a message
    the code no longer uses."""
    used = set(extract())
    catalogued = set(_po())
    assert sorted(used - catalogued) == [], "not in the catalogue"
    assert sorted(catalogued - used) == [], "in the catalogue but no longer used"


def test_the_compiled_catalogue_agrees_with_the_po() -> None:
    with mo_path("fr").open("rb") as stream:
        compiled = gettext.GNUTranslations(stream)
    for _key, (ids, text) in _po().items():
        if isinstance(ids, tuple):
            assert compiled.ngettext(ids[0], ids[1], 1) == text[0]
            assert compiled.ngettext(ids[0], ids[1], 2) == text[1]
        else:
            assert compiled.gettext(ids) == text, ids


def test_the_french_follows_french_spacing() -> None:
    """No ordinary space before ``: ; ? !`` nor inside guillemets, no English straight
    quotes around literal words (the values the code quotes come as parameters)."""
    for _key, (_ids, text) in _po().items():
        for form in text if isinstance(text, tuple) else (text,):
            for bad in (" :", " ;", " ?", " !", "« ", " »"):
                assert bad not in form, form


def test_the_package_ships_the_catalogues() -> None:
    assert po_path("fr").is_relative_to(PACKAGE)
    assert mo_path("fr").stat().st_size > 10_000


# -- the code: messages are templates -------------------------------------------------


def _calls(name: str) -> list[tuple[Path, ast.Call]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == name
            ):
                found.append((path, node))
    return found


def _plain_text(node: ast.expr | None) -> bool:
    """True when an expression builds a finished English string: a literal, an f-string,
    a concatenation (the branches of a conditional are looked at one by one); the empty
    string (nothing to say) is not text."""
    if isinstance(node, ast.IfExp):
        return _plain_text(node.body) or _plain_text(node.orelse)
    return isinstance(node, ast.JoinedStr | ast.BinOp) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value != ""
    )


#: Variables the rule packs build a message or hint in before giving it to Violation.
_MESSAGE_NAMES = {"message", "hint", "why", "detail", "said", "what"}


def test_rules_write_no_finished_english_string() -> None:
    """A Violation's message and hint are templates (msg, msgn, marked), never an
    f-string or a concatenation: such a message could not be translated.  So are the
    variables a pack builds them in first."""
    bad = []
    for path, call in _calls("Violation"):
        message = call.args[0] if call.args else None
        hints = [k.value for k in call.keywords if k.arg in ("message", "hint")]
        for node in [message, *hints]:
            if _plain_text(node):
                bad.append(f"{path.name}:{call.lineno}")
    for path in sorted((PACKAGE / "checks").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names = {t.id for t in targets if isinstance(t, ast.Name)}
                if names & _MESSAGE_NAMES and (
                    isinstance(node, ast.AugAssign) or _plain_text(node.value)
                ):
                    bad.append(f"{path.name}:{node.lineno}")
    assert bad == []


def test_every_template_gets_exactly_its_parameters() -> None:
    bad = []
    for name, literals in (("msg", 1), ("msgn", 2)):
        for path, call in _calls(name):
            args = call.args[:literals]
            if not all(isinstance(a, ast.Constant) for a in args):
                continue
            fields = set()
            for arg in args:
                assert isinstance(arg, ast.Constant)
                fields |= {field for field, _ in _fields(arg.value)}
            given = {k.arg for k in call.keywords} | ({"count"} if name == "msgn" else set())
            if fields != given:
                bad.append((f"{path.name}:{call.lineno}", sorted(fields), sorted(given)))
    assert bad == []


# -- rendering -----------------------------------------------------------------------


def test_a_message_renders_in_each_language_and_keeps_its_parameters() -> None:
    message = msg("read {raw} from {field}", raw="'CC BY'", field=msg("the record"))
    assert message.render("en") == "read 'CC BY' from the record"
    assert message.render("fr") == "lu 'CC BY' dans la notice"
    assert str(message) == message.render("en")


def test_plural_messages_follow_each_language() -> None:
    def titles(n: int) -> Message:
        return msgn("{count} title", "{count} titles", n)

    assert [titles(n).render("en") for n in (1, 2)] == ["1 title", "2 titles"]
    assert [titles(n).render("fr") for n in (1, 2)] == ["1 titre", "2 titres"]


def test_separators_follow_french_spacing() -> None:
    items = joined("; ", ["a", msg("the title")])
    assert items.render("en") == "a; the title"
    assert items.render("fr") == "a\u202f; le titre"


def test_language_names() -> None:
    assert language("fr-CA") == "fr"
    assert language("FR") == "fr"
    assert language(None) == "en"
    with pytest.raises(UsageError):
        language("de")
    with pytest.raises(UsageError):
        oer_meta.validate(str(EXAMPLES), lang="xx")


def test_an_unknown_message_falls_back_to_english() -> None:
    assert translate("a sentence no catalogue holds", "fr") == "a sentence no catalogue holds"


def test_every_rule_title_is_translated() -> None:
    same = [r.code for r in all_rules() if r.summary_in("fr") == r.summary]
    assert same == []
    assert get_rule("LIC003").summary_in("fr").startswith("La licence ne permet pas")


# -- runs in French -------------------------------------------------------------------


def _pairs(lang: str) -> list[tuple[str, str, str | None]]:
    report = oer_meta.validate(str(EXAMPLES), lang=lang)
    return [(f.rule, f.message, f.hint) for r in report.results for f in r.findings]


def test_validate_in_french_translates_every_rule_message_and_hint() -> None:
    english, french = _pairs("en"), _pairs("fr")
    assert [code for code, _, _ in english] == [code for code, _, _ in french]
    assert len(english) > 30
    for (code, en_message, en_hint), (_, fr_message, fr_hint) in zip(english, french, strict=True):
        assert fr_message != en_message, (code, fr_message)
        assert (fr_hint is None) == (en_hint is None)
        if en_hint is not None and "://" not in en_hint.split(" ", 2)[-1][:12]:
            assert fr_hint != en_hint, (code, fr_hint)


def test_english_stays_the_default() -> None:
    assert _pairs("en") == [
        (f.rule, f.message, f.hint)
        for r in oer_meta.validate(str(EXAMPLES)).results
        for f in r.findings
    ]


def test_the_cli_writes_french_json() -> None:
    command = [sys.executable, "-m", "oer_meta", "validate", str(EXAMPLES)]
    run = subprocess.run(
        [*command, "--lang", "fr", "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert run.returncode == 1, run.stderr
    report = json.loads(run.stdout)
    messages = [f["message"] for r in report["results"] for f in r["findings"]]
    hints = [f["hint"] for r in report["results"] for f in r["findings"] if f["hint"]]
    text = "\n".join(messages + hints)
    for english in (
        "no licence or rights statement",
        "the title is empty",
        "no accessibility information",
        "is not a canonical BCP 47 tag",
        "state the licence by its URL",
    ):
        assert english not in text
    for french in (
        "aucune licence ni mention de droits",
        "le titre est vide",
        "aucune information d'accessibilité",
        "n'est pas une étiquette BCP 47 canonique",
        "indiquez la licence par son URL",
    ):
        assert french in text


def test_a_reason_said_in_a_lower_layer_is_english_text_and_translatable() -> None:
    from oer_meta.knowledge.identifiers import unresolvable

    reason = unresolvable("http://localhost/lesson")
    assert reason == "localhost is the reader's own computer"  # a str to every caller
    assert isinstance(reason, Said)
    message = msg("{value} counts as absent: {reason}", value="'x'", reason=reason)
    assert message.render("en") == "'x' counts as absent: localhost is the reader's own computer"
    assert (
        message.render("fr")
        == "'x' compte comme absent\u00a0: localhost est l'ordinateur même du lecteur"
    )
    assert marked(reason).render("fr") == "localhost est l'ordinateur même du lecteur"


@pytest.mark.parametrize(
    ("output", "english", "french"),
    [
        (
            "text",
            "Findings by UNESCO action area:",
            "Constats par domaine d'action de l'UNESCO\u00a0:",
        ),
        ("markdown", "### Findings by rule", "### Constats par règle"),
    ],
)
def test_summary_lines_follow_the_language(output: str, english: str, french: str) -> None:
    command = [sys.executable, "-m", "oer_meta", "validate", str(EXAMPLES), "--format", output]
    runs = {
        lang: subprocess.run(
            [*command, "--lang", lang, "--show-hints"]
            if output == "text"
            else [*command, "--lang", lang],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        ).stdout
        for lang in ("en", "fr")
    }
    assert english in runs["en"]
    assert french in runs["fr"]
    assert english not in runs["fr"]
    for word in (" errors", " warnings", "hint:", "profile "):
        assert word not in runs["fr"], word


def test_a_licence_reason_keeps_its_template_through_the_model() -> None:
    """The Licence model keeps only the reason's text; the message still finds its
    template and says it in French (docs/i18n.md)."""
    record = b"""<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
      xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>T</dc:title>
      <dc:rights>https://creativecommons.org/licenses/by-nd/4.0/</dc:rights></oai_dc:dc>"""
    (english,) = oer_meta.check(oer_meta.read(record), select=["LIC003"])
    (french,) = oer_meta.check(oer_meta.read(record), select=["LIC003"], lang="fr")
    assert "forbids sharing adaptations (ND)" in english.message
    assert "interdit de partager des adaptations (ND)" in french.message
    assert "forbids" not in french.message


def test_a_reader_note_is_said_in_the_report_language() -> None:
    """STD002 notes come from the readers through the Record's Problem (a str): the
    message still finds its template and is said in French."""
    record = b"""<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
      xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>T</dc:title>
      <dc:alternative>A</dc:alternative><dc:alternative>B</dc:alternative></oai_dc:dc>"""
    (english,) = oer_meta.check(oer_meta.read(record), select=["STD002"])
    (french,) = oer_meta.check(oer_meta.read(record), select=["STD002"], lang="fr")
    assert english.message == "dc:alternative is not one of the 15 Dublin Core elements (2 times)"
    assert french.message == "dc:alternative n'est pas l'un des 15 éléments de Dublin Core (2 fois)"
    assert french.hint is not None
    assert french.hint.startswith("alternative est un terme DCMI\u00a0: écrivez-le")


# -- readers, formats and the command line in French (issue 10 section 5) -----------------


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "oer_meta", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=cwd,
    )


def _findings(report: dict[str, Any]) -> list[tuple[str, str, str | None]]:
    return [(f["rule"], f["message"], f["hint"]) for r in report["results"] for f in r["findings"]]


@needs_corpus
def test_no_corpus_message_is_left_in_english() -> None:
    """The real records, read in place, checked in English and in French: every message
    and hint differs (the readers' notes included), bar values-only messages."""
    paths = [str(p) for p in (CORPUS, CORPUS2) if p.is_dir()]
    runs = {
        lang: _cli("validate", *paths, "--format", "json", "--lang", lang) for lang in ("en", "fr")
    }
    english = _findings(json.loads(runs["en"].stdout))
    french = _findings(json.loads(runs["fr"].stdout))
    assert [c for c, _, _ in english] == [c for c, _, _ in french]
    assert {"STD001", "STD002", "STD006"} <= {c for c, _, _ in english}
    same = [
        (code, en)
        for (code, en, en_hint), (_, fr, fr_hint) in zip(english, french, strict=True)
        for en, fr in ((en, fr), (en_hint, fr_hint))
        if en is not None and en == fr and en not in SAME_IN_BOTH
    ]
    assert same == []
    french_text = "\n".join(m + (h or "") for _, m, h in french)
    for english_words in (
        "the rest of the list was not read",
        "is a rights statement, not a licence",
        "invalid JSON",
        "not namespace-well-formed",
        "the OAI-PMH response holds no records",
        "holds an object where",
    ):
        assert english_words not in french_text, english_words


@needs_corpus
def test_the_french_text_output_has_french_severity_words() -> None:
    run = _cli("validate", str(CORPUS), "--lang", "fr", "--show-infos")
    lines = [line for line in run.stdout.splitlines() if "] " in line]
    assert lines
    assert all(
        any(w in line for w in ("] erreur\u00a0: ", "] avertissement\u00a0: ", "] info\u00a0: "))
        for line in lines
    ), lines[:3]
    assert not any(w in run.stdout for w in ("] error: ", "] warning: ", "] info: "))


def test_reader_notes_are_said_in_french() -> None:
    """STD001 (unreadable JSON), STD002 (a JSON-LD value of the wrong type) and STD006
    (one page of a harvest) come from the readers as English text and are rendered in
    the run's language."""
    broken = b'{"@context": "https://schema.org/", "name": "x",}'
    runs = {
        lang: [f for r in oer_meta.validate(broken, lang=lang).results for f in r.findings]
        for lang in ("en", "fr")
    }
    (en,), (fr,) = runs["en"], runs["fr"]
    assert en.rule == fr.rule == "STD001"
    assert en.message.startswith("invalid JSON: ")
    assert fr.message.startswith("JSON invalide\u00a0: ")
    assert fr.hint is not None and fr.hint.startswith("corrigez la syntaxe JSON")
    value = b"""{"@context": "https://schema.org/", "@type": "LearningResource", "name": "x",
      "isAccessibleForFree": "no"}"""
    (fr,) = oer_meta.check(oer_meta.read(value), select=["STD002"], lang="fr")
    assert fr.message == (
        "isAccessibleForFree est le texte 'no', non un booléen\u202f; il a été lu comme false"
    )
    page = b"""<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>
      <record><header><identifier>a</identifier></header><metadata>
      <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
       xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>T</dc:title></oai_dc:dc>
      </metadata></record><resumptionToken completeListSize="9">t1</resumptionToken>
      </ListRecords></OAI-PMH>"""
    report = oer_meta.validate(page, lang="fr", select=["STD006"])
    (fr_finding,) = [f for r in report.results for f in r.findings]
    assert fr_finding.message.startswith("la réponse est une page d'un moissonnage")
    assert "resumptionToken 't1', completeListSize 9" in fr_finding.message


def test_licence_and_accessibility_reasons_are_said_in_french() -> None:
    """Reasons the knowledge modules give (an SPDX expression, a rights statement, a
    licence of other_licences.json) and the A11Y001 format description."""
    from oer_meta.knowledge.licences.parse import parse_licence

    for statement, french in (
        ("MIT OR GPL-3.0-only", "Expression SPDX reliée par OR\u00a0: qui réutilise peut"),
        ("http://rightsstatements.org/vocab/InC/1.0/", "est une déclaration de droits, non"),
        ("https://www.etalab.gouv.fr/licence-ouverte-open-licence", "La Licence Ouverte permet"),
    ):
        reason = parse_licence(statement).reason
        assert reason is not None
        assert marked(reason).render("fr").startswith(french) or french in marked(reason).render(
            "fr"
        ), (statement, marked(reason).render("fr"))
    record = b"""{"@context": "https://schema.org/", "@type": "LearningResource",
      "name": "x"}"""
    (fr,) = oer_meta.check(oer_meta.read(record), select=["A11Y001"], lang="fr")
    assert fr.hint is not None
    assert "comme propriétés schema.org de la ressource" in fr.hint or "schema.org" in fr.hint
    assert "as schema.org properties" not in fr.hint


def test_amb_notes_are_said_in_french() -> None:
    record = b"""{"@context": ["https://w3id.org/kim/amb/context.jsonld", {"@language": "de"}],
      "id": "https://example.org/r", "type": "LearningResource", "name": "x"}"""
    report = oer_meta.validate(record, profile="amb", lang="fr")
    amb = [f for r in report.results for f in r.findings if f.rule.startswith("AMB")]
    assert amb
    assert all(f.message.startswith("AMB\u00a0: ") for f in amb)
    assert not any(" must be " in f.message or "which AMB requires" in f.message for f in amb)


@pytest.mark.parametrize(
    ("output", "english", "french"),
    [
        ("junit", "deleted record", "notice supprimée"),
        ("github", "oer-meta: failed:", "oer-meta\u00a0: échec\u00a0:"),
        ("html", "Records and their findings", "Notices et constats"),
    ],
)
def test_format_labels_follow_the_language(output: str, english: str, french: str) -> None:
    deleted = b"""<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>
      <record><header status="deleted"><identifier>gone</identifier></header></record>
      </ListRecords></OAI-PMH>"""
    paths = [str(EXAMPLES / "dc" / "faulty-oai_dc.xml")]
    runs = {}
    for lang in ("en", "fr"):
        run = subprocess.run(
            [sys.executable, "-m", "oer_meta", "validate", *paths, "-", "--format", output,
             "--lang", lang],
            input=deleted,
            capture_output=True,
            check=False,
        )  # fmt: skip
        runs[lang] = run.stdout.decode("utf-8")
    assert english in runs["en"] or output != "junit"
    assert english not in runs["fr"]
    assert french in runs["fr"]


def test_cli_messages_in_french(tmp_path: Path) -> None:
    missing = _cli("validate", str(tmp_path / "nothing-here"), "--lang", "fr")
    assert missing.returncode == 2
    assert "aucun fichier ni dossier de ce nom\u00a0: " in missing.stderr
    unknown = _cli("rule", "XYZ999", "--lang", "fr")
    assert unknown.returncode == 2
    assert unknown.stderr.strip() == "oer-meta: aucune règle n'a le code 'XYZ999'"
    english = _cli("rule", "LIC001")
    assert "Default severity: error" in english.stdout
    french = _cli("rule", "LIC001", "--lang", "fr")
    assert french.returncode == 0
    head = french.stdout.split("\n## ")[0].split("Why it matters")[0]
    for label in (
        "Gravité par défaut\u00a0: error",
        "Réparable\u00a0: ",
        "Domaines d'action\u00a0: ",
    ):
        assert label in head, label
    assert get_rule("LIC001").summary_in("fr") in " ".join(head.split())
    assert "Default severity" not in french.stdout
    assert "Why it matters" in french.stdout  # the rule's documentation stays English


def test_rules_take_the_configured_language(tmp_path: Path) -> None:
    (tmp_path / "oer-meta.toml").write_text('language = "fr"\n', encoding="utf-8")
    listed = _cli("rules", cwd=tmp_path)
    assert get_rule("LIC001").summary_in("fr") in listed.stdout
    assert _cli("rules", "--lang", "en", cwd=tmp_path).stdout.count(get_rule("LIC001").summary) == 1


# -- fix, convert, --show-settings and the configuration's errors (docs/i18n.md) -------------

_DC_TO_FIX = b"""<?xml version="1.0" encoding="UTF-8"?>
<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
    xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:title>Fractions</dc:title>
  <dc:language>en_US</dc:language>
</oai_dc:dc>
"""


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    from oer_meta.cli import main

    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_fix_summary_in_each_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "record.xml").write_bytes(_DC_TO_FIX)
    code, _, err = _run(["fix", "--diff", "record.xml"], capsys)
    assert code == 1
    assert err == "oer-meta: would fix 1 value in 1 file; 0 findings of fixable rules left\n"
    code, _, err = _run(["fix", "--diff", "record.xml", "--lang", "fr"], capsys)
    assert code == 1
    assert err == (
        "oer-meta: correction possible de 1 valeur dans 1 fichier\u202f; "
        "0 constat de règles corrigeables restant\n"
    )
    (tmp_path / "oer-meta.toml").write_text('language = "fr"\n', encoding="utf-8")
    (tmp_path / "second.xml").write_bytes(_DC_TO_FIX)
    code, _, err = _run(["fix", "."], capsys)  # the configuration's language
    assert code == 0
    assert err == (
        "oer-meta: correction de 2 valeurs dans 2 fichiers\u202f; "
        "0 constat de règles corrigeables restant\n"
    )


def test_convert_says_what_is_not_written_in_each_language(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    lesson = str(EXAMPLES / "lom" / "exemplary-lesson.lom.xml")
    _, english_out, english = _run(["convert", lesson, "--to", "oai_dc"], capsys)
    _, french_out, french = _run(["convert", lesson, "--to", "oai_dc", "--lang", "fr"], capsys)
    assert french_out == english_out  # the document itself is the same
    english_lines, french_lines = english.splitlines(), french.splitlines()
    assert english_lines and len(french_lines) == len(english_lines)
    assert all(": not written in oai_dc: " in line for line in english_lines)
    for en, fr in zip(english_lines, french_lines, strict=True):
        name, _, dropped = en.removeprefix("oer-meta: ").partition(": not written in oai_dc: ")
        field = dropped.split(": ", 1)[0]
        assert fr.startswith(f"oer-meta: {name}\u00a0: non écrit en oai_dc\u00a0: {field}\u00a0: ")
        assert dropped.rsplit(": ", 1)[1] not in fr  # the writer's reason is French too
    harvest = str(EXAMPLES / "dc" / "oai-listrecords.xml")
    code, _, err = _run(["convert", harvest, "--to", "lom", "--lang", "fr"], capsys)
    assert code == 2
    assert "notice supprimée oai:oer.example.org:fractions-2 ignorée" in err
    assert "indiquez --output DOSSIER pour écrire un fichier lom par notice" in err


def test_configuration_errors_in_each_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    config = tmp_path / "oer-meta.toml"
    config.write_text('selct = ["LIC"]\n', encoding="utf-8")
    (tmp_path / "record.xml").write_bytes(_DC_TO_FIX)
    code, _, err = _run(["validate", "record.xml"], capsys)
    assert code == 2
    assert err == f"oer-meta: config {config}: unknown key 'selct'; did you mean 'select'?\n"
    code, _, err = _run(["validate", "record.xml", "--lang", "fr"], capsys)
    assert code == 2
    assert err == (
        f"oer-meta: configuration {config}\u00a0: clé inconnue 'selct'"
        "\u202f; vouliez-vous dire 'select'\u202f?\n"
    )
    config.write_text('format = "sarf"\n', encoding="utf-8")
    _, _, err = _run(["validate", "record.xml", "--lang", "fr"], capsys)
    assert f"configuration {config}\u00a0: format = 'sarf' n'est pas l'une des valeurs " in err
    assert err.endswith("\u202f; vouliez-vous dire 'sarif'\u202f?\n")
    config.write_text("[severity]\nLIC001 = 'eror'\nLIC002 = 1\n", encoding="utf-8")
    _, _, err = _run(["validate", "record.xml", "--lang", "fr"], capsys)
    assert err.startswith(f"oer-meta: configuration {config}\u00a0: ")
    assert "not a severity" not in err and "n'est pas une gravité" not in err  # a type error
    assert "[severity] LIC002\u00a0: " in err and "(reçu\u00a0: int)" in err


def test_show_settings_in_each_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "record.xml").write_bytes(_DC_TO_FIX)
    _, english, _ = _run(["validate", "record.xml", "--show-settings"], capsys)
    assert english.startswith("config file: none (defaults)\ninputs: 1\nprofile: unesco\nrules (")
    assert "\nper-file-ignores: (none)\n" in english and english.endswith("jobs: (default)\n")
    _, french, _ = _run(["validate", "record.xml", "--show-settings", "--lang", "fr"], capsys)
    assert french.startswith(
        "fichier de configuration\u00a0: aucun (valeurs par défaut)\nentrées\u00a0: 1\n"
        "profile\u00a0: unesco\nrègles ("
    )
    assert "\nseverity\u00a0: (celles des règles)\n" in french
    assert french.endswith("jobs\u00a0: (par défaut)\n")
    (tmp_path / "oer-meta.toml").write_text(
        '[per-file-ignores]\n"a/*.xml" = ["LIC"]\n"b/*.xml" = ["DISC"]\n', encoding="utf-8"
    )
    _, french, _ = _run(["validate", "record.xml", "--show-settings", "--lang", "fr"], capsys)
    assert "\nper-file-ignores\u00a0: a/*.xml -> LIC\u202f; b/*.xml -> DISC\n" in french
    assert len(french.splitlines()) == len(english.splitlines())
