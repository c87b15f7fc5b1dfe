"""The last English texts of issue 10 §5, said in French (docs/i18n.md): every error path
of every sub-command, run in English and in French, says each of its lines differently
in French, and every sentence it looks up is in the catalogue; the convert writers'
reasons, the profiles' descriptions, argparse's errors about option values, plugin
failures, crashes, the LANG rules' field names, the date kinds and the licence reasons
built from the data file's reason."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import oer_meta
from oer_meta import i18n
from oer_meta.errors import UsageError
from oer_meta.i18n import Message, language, marked, render
from oer_meta.knowledge.licences.parse import parse_licence
from oer_meta.model.items import InternalError, component_named
from oer_meta.report.formatters.text import internal_error_line

from .corpus_paths import EXAMPLES
from .test_cli_streaming import broken_rule  # noqa: F401 - a fixture
from .test_i18n import _po
from .test_plugins import RECORD, _install

LESSON = str(EXAMPLES / "lom" / "exemplary-lesson.lom.xml")

_DC = """<?xml version="1.0" encoding="UTF-8"?>
<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
    xmlns:dc="http://purl.org/dc/elements/1.1/" xml:lang="{lang}">
  <dc:title>Fractions</dc:title>
  <dc:date>{date}</dc:date>
  <dc:language>en</dc:language>
</oai_dc:dc>
"""


@pytest.fixture
def missed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The sentences looked up in French that the catalogue lacks (they would stay
    English).  A lookup without a space is a name (``dc:language``), not a sentence."""
    catalogue = set(_po())
    real = i18n.translate
    found: list[str] = []

    def spy(
        text: str, lang: str = "en", plural: str | None = None, count: int | None = None
    ) -> str:
        if language(lang) == "fr" and " " in text.strip() and text not in catalogue:
            found.append(text)
        return real(text, lang, plural, count)

    monkeypatch.setattr(i18n, "translate", spy)
    yield found


def _main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``oer-meta ARGS`` in this process: (exit code, stdout, stderr)."""
    from oer_meta.cli import main

    try:
        code = main(args)
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _said(err: str) -> list[str]:
    """The lines a run said on stderr, without argparse's usage lines (English: argparse
    writes them before the language is known, docs/i18n.md)."""
    return [
        line for line in err.splitlines() if line.strip() and not line.startswith(("usage:", " "))
    ]


def _bad_xml(tmp: Path) -> list[str]:
    (tmp / "bad.xml").write_text("<oai_dc:dc", encoding="utf-8")
    return ["convert", "bad.xml", "--to", "lom"]


def _empty_folder(tmp: Path) -> list[str]:
    (tmp / "empty").mkdir()
    return ["validate", "empty"]


def _config_and_isolated(tmp: Path) -> list[str]:
    (tmp / "c.toml").write_text("", encoding="utf-8")
    return ["validate", LESSON, "--config", "c.toml", "--isolated"]


#: Each sub-command's error paths: (case name, arguments without --lang; or a function
#: of the test's folder that writes what the case needs and returns them).
CASES: list[tuple[str, list[str] | Callable[[Path], list[str]]]] = [
    ("validate: missing path", ["validate", "nothing-here.xml"]),
    ("validate: empty folder", _empty_folder),
    ("validate: --jobs not a number", ["validate", LESSON, "--jobs", "many"]),
    ("validate: --jobs below 0", ["validate", LESSON, "--jobs", "-1"]),
    ("validate: --format unknown", ["validate", LESSON, "--format", "sarf"]),
    ("validate: --fail-on unknown", ["validate", LESSON, "--fail-on", "fatal"]),
    ("validate: --max-depth 0", ["validate", LESSON, "--max-depth", "0"]),
    ("validate: --max-seconds-per-record", ["validate", LESSON, "--max-seconds-per-record", "x"]),
    ("validate: one text-only flag", ["validate", LESSON, "--format", "json", "--quiet"]),
    (
        "validate: text-only flags",
        ["validate", LESSON, "--format", "json", "--quiet", "--statistics"],
    ),
    ("validate: no path", ["validate"]),
    ("validate: an option without its value", ["validate", LESSON, "--profile"]),
    ("validate: infos shown and hidden", ["validate", LESSON, "--show-infos", "--hide-infos"]),
    ("validate: unknown flag", ["validate", LESSON, "--no-such-flag"]),
    ("validate: unknown selector", ["validate", LESSON, "--select", "XYZ"]),
    ("validate: unknown profile", ["validate", LESSON, "--profile", "unesko"]),
    ("validate: missing config", ["validate", LESSON, "--config", "none.toml"]),
    ("validate: --config and --isolated", _config_and_isolated),
    ("harvest: --timeout not a number", ["harvest", "http://127.0.0.1:9/", "--timeout", "x"]),
    ("harvest: --timeout 0", ["harvest", "http://127.0.0.1:9/", "--timeout", "0"]),
    ("rule: unknown code", ["rule", "XYZ999"]),
    ("rules: --format unknown", ["rules", "--format", "yaml"]),
    ("attribution: missing file", ["attribution", "nothing-here.xml"]),
    ("attribution: --as unknown", ["attribution", LESSON, "--as", "pdf"]),
    ("convert: missing file", ["convert", "nothing-here.xml", "--to", "lom"]),
    ("convert: --to unknown", ["convert", LESSON, "--to", "marc"]),
    ("convert: unreadable input", _bad_xml),
    ("convert: values not written in oai_dc", ["convert", LESSON, "--to", "oai_dc"]),
    ("convert: values not written in jsonld", ["convert", LESSON, "--to", "jsonld"]),
    (
        "convert: values not written in lom",
        ["convert", str(EXAMPLES / "jsonld" / "exemplary-lrmi.jsonld"), "--to", "lom"],
    ),
    ("fix: missing path", ["fix", "nothing-here.xml"]),
    ("fix: unknown selector", ["fix", LESSON, "--select", "XYZ"]),
]


@pytest.mark.parametrize(("case", "args"), CASES, ids=[c for c, _ in CASES])
def test_every_error_path_speaks_french(
    case: str,
    args: list[str] | Callable[[Path], list[str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    missed: list[str],
) -> None:
    """Each line said in French differs from the English one, and no sentence looked up
    lacks its translation (a template added without one would stay English here)."""
    monkeypatch.chdir(tmp_path)
    argv = args(tmp_path) if callable(args) else args
    code_en, _, err_en = _main([*argv, "--lang", "en"], capsys)
    code_fr, _, err_fr = _main([*argv, "--lang", "fr"], capsys)
    english, french = _said(err_en), _said(err_fr)
    assert code_en == code_fr
    assert english, f"{case}: nothing said"
    assert len(english) == len(french)
    same = [fr for en, fr in zip(english, french, strict=True) if en == fr]
    assert same == [], case
    assert missed == [], case


def test_a_usage_error_takes_the_configured_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --lang, argparse's errors about a value follow the configuration found
    from the current folder; --lang on the command line wins."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "oer-meta.toml").write_text('language = "fr"\n', encoding="utf-8")
    _, _, err = _main(["validate", LESSON, "--jobs", "many"], capsys)
    assert "oer-meta validate\u00a0: erreur\u00a0: argument -j/--jobs\u00a0: " in err
    assert err.endswith("pas un nombre entier\u00a0: 'many'\n")
    _, _, err = _main(["validate", LESSON, "--jobs", "many", "--lang", "en"], capsys)
    assert err.endswith(
        "oer-meta validate: error: argument -j/--jobs: not a whole number: 'many'\n"
    )


def test_argparse_errors_keep_their_english_text(capsys: pytest.CaptureFixture[str]) -> None:
    """English stays argparse's own wording, word for word."""
    _, _, err = _main(["validate", LESSON, "--format", "sarf"], capsys)
    assert err.endswith(
        "oer-meta validate: error: argument --format: invalid choice: 'sarf' (choose from "
        "'text', 'json', 'jsonl', 'sarif', 'junit', 'github', 'gitlab', 'markdown', 'html')\n"
    )
    _, _, err = _main(["harvest", "http://127.0.0.1:9/", "--timeout", "x"], capsys)
    assert err.endswith("error: argument --timeout: invalid float value: 'x'\n")
    _, _, err = _main(["validate"], capsys)
    assert err.endswith("error: the following arguments are required: PATH\n")


def test_text_only_flags_say_one_or_several(capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = _main(["validate", LESSON, "--format", "json", "--quiet"], capsys)
    assert err == "oer-meta: --quiet shapes the text output only, not --format json\n"
    _, _, err = _main(["validate", LESSON, "--format", "json", "-q", "--statistics"], capsys)
    assert err == (
        "oer-meta: --quiet, --statistics shape the text output only, not --format json\n"
    )
    _, _, err = _main(["validate", LESSON, "--format", "json", "-q", "--lang", "fr"], capsys)
    assert err == "oer-meta: --quiet ne règle que la sortie texte, pas --format json\n"


def test_convert_reasons_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    """The reason and a value described in words are French; the value itself, the
    field and the record's name are not translated."""
    _, _, err = _main(["convert", LESSON, "--to", "oai_dc", "--lang", "fr"], capsys)
    assert (
        "oer-meta: 10.5555/gsl.photosynthesis.0007\u00a0: non écrit en oai_dc\u00a0: "
        "contributors\u00a0: 'Thandiwe Mbeki\u00a0: identifiant, affiliation, type person'"
        "\u00a0: dc:creator ne contient que le nom de l'agent\n"
    ) in err
    assert (
        "\u00a0: cost\u00a0: 'no'\u00a0: "
        "le Dublin Core non qualifié n'a pas d'élément pour le coût\n"
    ) in err
    assert "\u00a0: dates\u00a0: '2024-02-12 (création)'\u00a0: dc:date ne dit pas " in err
    for english in ("holds the agent's name only", "unqualified Dublin Core", "identifier,"):
        assert english not in err
    _, _, err = _main(["convert", LESSON, "--to", "oai_dc"], capsys)
    assert (
        "contributors: 'Thandiwe Mbeki: identifier, affiliation, kind person': "
        "dc:creator holds the agent's name only\n"
    ) in err
    assert ": dates: '2024-02-12 (created)': dc:date does not say which event" in err


def test_profiles_in_each_language(capsys: pytest.CaptureFixture[str]) -> None:
    _, english, _ = _main(["profiles"], capsys)
    _, french, _ = _main(["profiles", "--lang", "fr"], capsys)
    assert "minimal      Only what blocks re-use: " in english
    assert "minimal      Seulement ce qui empêche la réutilisation\u00a0: " in french
    assert len(french.splitlines()) == len(english.splitlines()) >= 7
    assert not set(english.splitlines()) & set(french.splitlines())


def test_a_broken_plugin_is_said_in_french(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    _install(site)
    record = tmp_path / "r.xml"
    record.write_text(RECORD, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "oer_meta", "validate", str(record), "--lang", "fr"],
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(site)},
    )
    err = done.stderr.decode()
    assert (
        "oer-meta: l'extension de règles 'broken' (broken_pack) n'a pas pu être chargée et "
        "est laissée de côté\u00a0: ModuleNotFoundError: "
    ) in err
    assert "failed to load" not in err


def test_the_unknown_language_error_is_a_template() -> None:
    with pytest.raises(UsageError) as caught:
        language("de")
    assert str(caught.value) == "messages are available in en, fr, not 'de'"
    assert render(caught.value.args[0], "fr") == "les messages existent en en, fr, pas en 'de'"


def test_a_crash_is_described_in_the_run_language() -> None:
    crash = InternalError("rule LIC001", "ValueError", "boom", traceback="")
    assert crash.describe() == "internal error in rule LIC001 (ValueError: boom)"
    assert marked(crash.describe()).render("fr") == (
        "erreur interne dans règle LIC001 (ValueError\u00a0: boom)"
    )
    assert render(marked(crash.describe()), "fr") == marked(crash.describe()).render("fr")
    batch = component_named("rule DISC010 (batch)")
    assert isinstance(batch, Message) and batch.render("fr") == "règle DISC010 (lot)"
    assert str(component_named("reader lom")) == "reader lom"
    assert str(component_named("worker")) == "worker"
    assert component_named("parse_licence") == "parse_licence"  # a function's name
    line = internal_error_line(crash, "r.xml", "fr").plain
    assert line == (
        "r.xml: INTERNAL erreur interne dans règle LIC001 (ValueError\u00a0: boom)\u202f; "
        + line.split("\u202f; ", 1)[1]
    )
    assert "internal error" not in line


@pytest.mark.parametrize(
    ("url", "english", "french"),
    [
        (
            "https://example.com/licence",
            "https://example.com/licence is a placeholder, not a licence: ",
            "https://example.com/licence est une valeur de remplissage, non une licence\u00a0: ",
        ),
        (
            "https://en.wikipedia.org/wiki/Public_domain",
            "Links to an encyclopedia article ('Public domain' on en.wikipedia.org): a page ",
            "Renvoie à un article d'encyclopédie ('Public domain' sur en.wikipedia.org)\u00a0: "
            "une page ",
        ),
        (
            "https://www.gnu.org/licenses/",
            "Links to a list of licences (gnu.org/licenses): a page about",
            "Renvoie à une liste de licences (gnu.org/licenses)\u00a0: une page sur",
        ),
    ],
)
def test_page_licence_reasons_are_templates(url: str, english: str, french: str) -> None:
    reason = parse_licence(url).reason
    assert reason.startswith(english) and reason.endswith(".")
    said = marked(reason).render("fr")
    assert said.startswith(french) and said.endswith(".")


def test_date_kinds_and_language_places_in_french(tmp_path: Path) -> None:
    """The date kind (``created date``) and the LANG rules' name for where a language
    sits (``the record's xml:lang``) are French in a French run."""
    record = tmp_path / "r.xml"
    record.write_text(_DC.format(lang="english-language", date="2024-13-45"), encoding="utf-8")
    english = [f.message for f in oer_meta.validate(str(record)).results[0].findings]
    french = [f.message for f in oer_meta.validate(str(record), lang="fr").results[0].findings]
    assert any(m.startswith("other date '2024-13-45' ") for m in english), english
    assert any(m.startswith("la date (autre) '2024-13-45' ") for m in french), french
    assert any("the record's xml:lang 'english-language'" in m for m in english), english
    assert any("le xml:lang de la notice 'english-language'" in m for m in french), french
    assert not any("other date" in m or "the record's" in m for m in french)


_LOM_EMPTY_ROLE = b"""<lom xmlns="http://ltsc.ieee.org/xsd/LOM">
<general><title><string language="en">Fractions</string></title></general>
<educational><intendedEndUserRole><source>LOMv1.0</source><value></value></intendedEndUserRole>
</educational></lom>"""


def test_a_value_described_in_words_is_a_template() -> None:
    """An empty term is shown as ``(empty)`` (it was the term's Python repr), in each
    language, with quotes that do not escape French spaces."""
    from oer_meta.readers import read
    from oer_meta.writers import write

    conversion = write(read(_LOM_EMPTY_ROLE), "oai_dc")
    [dropped] = [d for d in conversion.dropped if d.field == "intended_end_user_roles"]
    assert str(dropped) == (
        "intended_end_user_roles: '(empty)': dcterms:audience is not in unqualified Dublin Core"
    )
    assert dropped.message().render("fr") == (
        "intended_end_user_roles\u00a0: '(vide)'\u00a0: "
        "dcterms:audience n'est pas dans le Dublin Core non qualifié"
    )


@pytest.mark.internal_error_expected
def test_a_crash_line_in_french_end_to_end(
    broken_rule: str,  # noqa: F811 - the fixture of test_cli_streaming
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A rule that raises: the line said on stderr and the text report name the crash
    in French; the JSON keeps its component as is."""
    record = tmp_path / "r.xml"
    record.write_text(RECORD, encoding="utf-8")
    args = ["validate", str(record), "--select", "DISC", "--lang", "fr"]
    code, out, err = _main(args, capsys)
    assert code == 3
    assert f"INTERNAL erreur interne dans règle {broken_rule} (ZeroDivisionError\u00a0: " in err
    assert "internal error" not in err + out


def test_a_key_of_a_table_is_named_as_the_file_writes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``[limits] max-depth``, not ``limitsmax-depth``, in each language."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "oer-meta.toml").write_text("[limits]\nmax-depth = -1\n", encoding="utf-8")
    _, _, err = _main(["validate", LESSON], capsys)
    assert ": [limits] max-depth: Input should be greater than or equal to 1 (got int)\n" in err
    _, _, err = _main(["validate", LESSON, "--lang", "fr"], capsys)
    assert "\u00a0: [limits] max-depth\u00a0: Input should be greater than or equal to 1" in err


@pytest.mark.parametrize(
    ("url", "english", "french"),
    [
        ("https://creativecommons.org/licenses/by/5.0/", "(by has no version 5.0)",
         "(by n'existe pas en version 5.0)"),
        ("https://creativecommons.org/licenses/by/4.0/fr/", "(4.0 has no jurisdiction ports)",
         "(4.0 n'a pas de version adaptée à une juridiction)"),
        ("https://creativecommons.org/licenses/by/3.0/zz/", "(there is no zz port of by 3.0)",
         "(il n'y a pas de version zz de by 3.0)"),
    ],
)  # fmt: skip
def test_why_a_creative_commons_path_is_no_tool(url: str, english: str, french: str) -> None:
    reason = parse_licence(url).reason
    assert english in reason
    assert french in marked(reason).render("fr")


def test_a_cached_licence_keeps_its_french_after_many_other_reasons() -> None:
    """The licence parser caches its answers; a reason said long ago (more texts since
    than the i18n module keeps) is still French when the same licence comes again."""
    url = "https://www.gnu.org/licenses/"
    parse_licence(url)
    for n in range(i18n._SAID_LIMIT + 10):  # push the reason out of the table
        i18n.said("filler {n}", n=n)
    again = parse_licence(url).reason
    assert marked(again).render("fr").startswith("Renvoie à une liste de licences")
