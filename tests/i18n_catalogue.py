"""The message catalogues: what the code says, and the tool that keeps the ``.po`` and
``.mo`` files in step with it (docs/i18n.md).

``python tests/i18n_catalogue.py`` extracts every message of the package, merges it into
``src/oer_meta/locale/fr/LC_MESSAGES/oer_meta.po`` (keeping the translations, dropping
messages the code no longer uses, adding new ones untranslated) and compiles the
``.mo``.  The tests in ``test_i18n.py`` use the same extraction, so a message added
without a translation fails them.  Babel reads and writes the files; it is a test
dependency only: at run time the stdlib ``gettext`` reads the ``.mo``.
"""

from __future__ import annotations

import ast
import json
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "oer_meta"
LOCALE = PACKAGE / "locale"
LANGUAGES = ("fr",)

#: Functions whose literal arguments are msgids: how many leading literals each takes.
_KEYWORDS = {"msg": 1, "N_": 1, "msgn": 2, "joined": 1, "said": 1}


@dataclass(frozen=True)
class Entry:
    """One msgid (with its plural form, if any) and where the code uses it."""

    msgid: str
    plural: str | None
    where: tuple[str, ...]


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _literals(path: Path) -> list[tuple[str, str | None, int]]:
    """``(msgid, plural, line)`` of every marked literal in one source file."""
    found: list[tuple[str, str | None, int]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func) or ""
        count = _KEYWORDS.get(name)
        if count is None or len(node.args) < count:
            continue
        if name == "joined" and len(node.args) != 2:
            continue  # another module's own joined() (vcard.py), not the i18n one
        args = node.args[:count]
        if not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args):
            continue
        texts = [a.value for a in args if isinstance(a, ast.Constant)]
        found.append((texts[0], texts[1] if count == 2 else None, node.lineno))
    return found


#: Data files whose ``reason`` strings reach messages as they are (a licence statement's
#: reason, said as the ``{why}`` of LIC002-LIC004).
DATA_REASONS = (PACKAGE / "data" / "licences" / "statements.json",)
#: Data files whose ``reason`` strings reach messages with their first letter capitalised
#: (``knowledge/licences/others.py`` writes a licence's reason as a sentence).
DATA_REASONS_CAPITALISED = (PACKAGE / "data" / "licences" / "other_licences.json",)


def _data_reasons(value: object, key: str = "reason") -> list[str]:
    """Every ``key`` string (``reason`` unless told) of a JSON document."""
    if isinstance(value, dict):
        found = [v for k, v in value.items() if k == key and isinstance(v, str)]
        for k, v in value.items():
            if k != key:
                found += _data_reasons(v, key)
        return found
    if isinstance(value, list):
        return [reason for item in value for reason in _data_reasons(item, key)]
    return []


#: Data files whose ``note`` strings reach messages as they are (the W3C accessibility
#: vocabulary's notes on deprecated terms, the ``{note}`` of A11Y003/A11Y009).
DATA_NOTES = (PACKAGE / "data" / "accessibility.json",)


#: The built-in profiles, whose ``description`` is shown by ``oer-meta profiles`` in the
#: run's language: each description is a msgid (a user's own profile file is shown as
#: it is written).
PROFILES = PACKAGE / "data" / "profiles"


def profile_descriptions() -> list[tuple[str, str]]:
    """``(description, file)`` of every built-in profile."""
    import tomllib

    found = []
    for path in sorted(PROFILES.glob("*.toml")):
        description = tomllib.loads(path.read_text(encoding="utf-8")).get("description")
        if isinstance(description, str) and description:
            found.append((description, str(path.relative_to(PACKAGE.parent))))
    return found


def rule_titles() -> dict[str, str]:
    """Every built-in rule's title (its summary), by code."""
    from oer_meta.checks.registry import all_rules

    return {r.code: r.summary for r in all_rules() if r.origin == "oer_meta"}


def extract() -> dict[str, Entry]:
    """Every message of the package: marked literals and rule titles, by msgid."""
    where: dict[str, list[str]] = {}
    plurals: dict[str, str | None] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for msgid, plural, line in _literals(path):
            where.setdefault(msgid, []).append(f"{path.relative_to(PACKAGE.parent)}:{line}")
            plurals[msgid] = plural
    for path in DATA_REASONS:
        for reason in _data_reasons(json.loads(path.read_text(encoding="utf-8"))):
            where.setdefault(reason, []).append(str(path.relative_to(PACKAGE.parent)))
            plurals.setdefault(reason, None)
    for path in DATA_NOTES:
        for note in _data_reasons(json.loads(path.read_text(encoding="utf-8")), "note"):
            where.setdefault(note, []).append(str(path.relative_to(PACKAGE.parent)))
            plurals.setdefault(note, None)
    for path in DATA_REASONS_CAPITALISED:
        for reason in _data_reasons(json.loads(path.read_text(encoding="utf-8"))):
            reason = reason[:1].upper() + reason[1:]
            where.setdefault(reason, []).append(str(path.relative_to(PACKAGE.parent)))
            plurals.setdefault(reason, None)
    for description, place in profile_descriptions():
        where.setdefault(description, []).append(place)
        plurals.setdefault(description, None)
    for code, title in rule_titles().items():
        where.setdefault(title, []).append(f"rule {code}")
        plurals.setdefault(title, None)
    return {m: Entry(m, plurals[m], tuple(places)) for m, places in where.items()}


#: A fixed date in the header, so that updating an unchanged catalogue changes nothing.
_FIXED = datetime(2026, 1, 1, tzinfo=timezone.utc)
_PLURALS = {"fr": (2, "(n > 1)")}


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "oer_meta.po"


def mo_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "oer_meta.mo"


def update(lang: str) -> tuple[int, int]:
    """Merge the extracted messages into ``lang``'s .po and compile its .mo; return
    (messages, untranslated)."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po, write_po

    old: dict[str, object] = {}
    path = po_path(lang)
    if path.exists():
        with path.open("rb") as stream:
            for message in read_po(stream, locale=lang):
                if message.id:
                    key = message.id[0] if isinstance(message.id, tuple) else message.id
                    old[key] = message.string
    catalog = Catalog(
        locale=lang,
        domain="oer_meta",
        header_comment=f"# {lang} messages of oer-meta (docs/i18n.md); written by the project.",
        project="oer-meta",
        version="",
        copyright_holder="",
        last_translator="oer-meta",
        language_team="oer-meta",
        creation_date=_FIXED,
        revision_date=_FIXED,
        charset="utf-8",
        fuzzy=False,
    )
    # French: one form for 0 and 1, another from 2 (the gettext convention for fr)
    catalog._num_plurals, catalog._plural_expr = _PLURALS[lang]
    untranslated = 0
    for msgid, entry in sorted(extract().items()):
        string = old.get(msgid)
        if entry.plural is not None:
            if not isinstance(string, tuple):
                string = ("", "")
            catalog.add((msgid, entry.plural), string, locations=[(w, None) for w in entry.where])
            untranslated += not all(string)
        else:
            if not isinstance(string, str):
                string = ""
            catalog.add(msgid, string, locations=[(w, None) for w in entry.where])
            untranslated += not string
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as stream:
        write_po(stream, catalog, width=0, omit_header=False, include_lineno=False)
    with mo_path(lang).open("wb") as stream:
        write_mo(stream, catalog)
    return len(catalog), untranslated


if __name__ == "__main__":
    sys.path.insert(0, str(PACKAGE.parent))  # run as a script from the checkout
    for language in LANGUAGES:
        total, missing = update(language)
        print(f"{language}: {total} messages, {missing} untranslated")
