"""Every packaged data file fits its model; a file that does not is refused by name."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import pytest

from oer_meta.knowledge import data_files, vocabularies
from oer_meta.knowledge.data_files import (
    DATA_MODELS,
    DataFileError,
    data_file_names,
    load_data,
    load_data_file,
    parse_data,
)

DATA = resources.files("oer_meta").joinpath("data")


def _json_files(folder: Traversable, prefix: str = "") -> Iterator[str]:
    for entry in folder.iterdir():
        if entry.is_dir():
            yield from _json_files(entry, f"{prefix}{entry.name}/")
        elif entry.name.endswith(".json"):
            yield f"{prefix}{entry.name}"


def _packaged(name: str) -> Any:
    return json.loads(DATA.joinpath(name).read_text(encoding="utf-8"))


def test_every_data_file_has_a_model() -> None:
    assert sorted(_json_files(DATA)) == data_file_names() == sorted(DATA_MODELS)


@pytest.mark.parametrize("name", data_file_names())
def test_shipped_file_fits_its_model(name: str) -> None:
    text = DATA.joinpath(name).read_text(encoding="utf-8")
    assert parse_data(name, text) == json.loads(text)  # fresh, not the cached result
    assert load_data(name) == json.loads(text)
    assert isinstance(load_data_file(name), DATA_MODELS[name])


@pytest.mark.parametrize("name", data_file_names())
def test_sources_md_lists_the_file(name: str) -> None:
    sources = DATA.joinpath("SOURCES.md").read_text(encoding="utf-8")
    assert f"`{name}`" in sources


def test_old_loader_name_returns_the_validated_data() -> None:
    assert vocabularies.load_data("vocabularies.json") is load_data("vocabularies.json")


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _copy(tmp_path: Path, name: str, change: Callable[[Any], None]) -> Path:
    """A copy of data file ``name`` in ``tmp_path`` with ``change`` applied."""
    data = _packaged(name)
    change(data)
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _refused(name: str, path: Path) -> DataFileError:
    with pytest.raises(DataFileError) as caught:
        parse_data(name, path.read_text(encoding="utf-8"), source=str(path))
    assert caught.value.file == str(path)
    assert str(caught.value).startswith(f"data file {path}: ")
    return caught.value


#: For each file, a place holding a structural key, how the error names that place, the
#: key, and a misspelling of it.
MISSPELLINGS: list[tuple[str, tuple[str | int, ...], str, str, str]] = [
    ("accessibility.json", ("properties", "accessMode"), "properties.accessMode", "terms", "term"),
    ("accessibility.json", ("extension_elements", "hasvisual"), "extension_elements.hasvisual",
     "when", "wen"),
    ("education.json", ("kim_educational_level",), "kim_educational_level", "scheme", "schem"),
    ("lom_elements.json", ("bindings", "ieee", "tree", "general", "children", "title"),
     "bindings.ieee.tree.general.children.title", "type", "typ"),
    ("lom_profiles.json", ("profiles", "lom-es", "vocabularies", 0),
     'profiles.lom-es.vocabularies[0]', "others", "other"),
    ("privacy.json", (), "", "learner_words", "learner_word"),
    ("placeholders.json", ("languages", "en"), "languages.en", "fillers", "filler"),
    ("vocabularies.json", (), "", "DCMIType", "DCMITyp"),
    ("licences/attribution.json", ("languages", "en", "missing"), "languages.en.missing",
     "title", "titel"),
    ("licences/cc_names.json", (), "", "filler", "filer"),
    ("licences/cc_tools.json", ("units", "by", "versions", "4.0"), 'units.by.versions["4.0"]',
     "generic", "generik"),
    ("licences/other_licences.json", ("licences", 0), "licences[0]", "short_name", "shortname"),
    ("licences/statements.json", ("terms_page",), "terms_page", "path_pattern", "path_patern"),
    ("licences/rights_phrases.json", ("absent_values", 0), "absent_values[0]", "phrases",
     "phrase"),
]  # fmt: skip


def test_misspellings_cover_every_file() -> None:
    assert {case[0] for case in MISSPELLINGS} == set(data_file_names())


@pytest.mark.parametrize(("name", "place", "where", "key", "typo"), MISSPELLINGS)
def test_unknown_key_is_refused_with_the_nearest(
    tmp_path: Path, name: str, place: tuple[str | int, ...], where: str, key: str, typo: str
) -> None:
    path = _copy(tmp_path, name, lambda data: _at(data, place).update({typo: "x"}))
    error = _refused(name, path)
    problem = f"unknown key {typo!r}; did you mean {key!r}?"
    assert error.problems == ((where, problem),)
    assert (
        str(error) == f"data file {path}: {where}: {problem}"
        if where
        else (f"data file {path}: {problem}")
    )


def test_renamed_key_is_reported_as_unknown_and_missing(tmp_path: Path) -> None:
    def rename(data: Any) -> None:
        version = data["units"]["by"]["versions"]["4.0"]
        version["generik"] = version.pop("generic")

    path = _copy(tmp_path, "licences/cc_tools.json", rename)
    error = _refused("licences/cc_tools.json", path)
    where = 'units.by.versions["4.0"]'
    assert set(error.problems) == {
        (where, "unknown key 'generik'; did you mean 'generic'?"),
        (where, "missing key 'generic'"),
    }
    assert str(error).startswith(f"data file {path}: 2 problems:\n  - {where}: ")


WRONG_TYPES: list[tuple[str, tuple[str | int, ...], str | int, Any, str]] = [
    ("licences/cc_tools.json", ("units", "by"), "retired", "false",
     "units.by.retired: Input should be a valid boolean (got str)"),
    ("privacy.json", ("role_mailboxes",), 0, 3,
     "role_mailboxes[0]: Input should be a valid string (got int)"),
    ("licences/statements.json", ("statements", 0), "confidence", 2,
     "statements[0].confidence: Input should be less than or equal to 1 (got int)"),
    ("licences/other_licences.json", ("licences", 0), "openness", "opne",
     "licences[0].openness: Input should be 'public-domain', 'open', 'open-noncommercial',"
     " 'not-open' or 'unknown' (got str)"),
    ("lom_elements.json", ("bindings", "ieee", "tree", "general"), "repeat", 1,
     "bindings.ieee.tree.general.repeat: Input should be a valid boolean (got int)"),
    ("lom_elements.json", ("profile_rules", "repeat"), "ieeee", {},
     "profile_rules.repeat.ieeee[\"[key]\"]: Input should be 'ieee' or 'imsmd'"),
    ("lom_profiles.json", ("profiles", "hs-oer-lom", "value_types"), "technical.duration",
     "clock", "profiles.hs-oer-lom.value_types[\"technical.duration\"]: Input should be "
     "'time'"),
    ("accessibility.json", ("properties", "accessibilityHazard", "must_not_combine"), 0, ["a"],
     "properties.accessibilityHazard.must_not_combine[0]: List should have at least 2 items"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "place", "key", "value", "message"), WRONG_TYPES)
def test_value_of_the_wrong_type_is_refused(
    tmp_path: Path,
    name: str,
    place: tuple[str | int, ...],
    key: str | int,
    value: Any,
    message: str,
) -> None:
    def change(data: Any) -> None:
        _at(data, place)[key] = value

    error = _refused(name, _copy(tmp_path, name, change))
    assert len(error.problems) == 1
    assert ": ".join(error.problems[0]).startswith(message)


def test_invalid_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "privacy.json"
    path.write_text('{\n  "about": "x",\n  oops\n}\n', encoding="utf-8")
    error = _refused("privacy.json", path)
    assert "line 3, column 3: invalid JSON" in str(error)


def test_a_file_without_a_model_is_refused() -> None:
    with pytest.raises(DataFileError, match="no model describes this file"):
        load_data("new_table.json")


def test_many_problems_are_cut_short(tmp_path: Path) -> None:
    path = _copy(
        tmp_path, "privacy.json", lambda data: data.update({f"k{i}": 1 for i in range(15)})
    )
    error = _refused("privacy.json", path)
    assert error.problems[-1] == ("", "... and 5 more")


@pytest.fixture
def broken_package(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The packaged education.json as if shipped with a misspelled key."""
    good = data_files._read

    def read(name: str) -> str:
        text = good(name)
        return text.replace('"age_units"', '"age_unit"') if name == "education.json" else text

    load_data.cache_clear()
    monkeypatch.setattr(data_files, "_read", read)
    yield
    monkeypatch.undo()
    load_data.cache_clear()


@pytest.mark.usefixtures("broken_package")
def test_loading_a_broken_packaged_file_fails() -> None:
    from oer_meta.knowledge import education

    with pytest.raises(DataFileError) as caught:
        load_data("education.json")
    assert str(caught.value).startswith("data file oer_meta/data/education.json: ")
    assert ("", "unknown key 'age_unit'; did you mean 'age_units'?") in caught.value.problems
    assert education.load_data is load_data  # the rules read through the checked loader
